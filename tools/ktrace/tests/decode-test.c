// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of ktrace(1)'s decoders: synthetic syscalls in, strace's
 * exact text out.  Every expected line below was printed by strace 6.1
 * for a real program (addresses and pids aside).  Prints TAP.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/io_uring.h>
#include <linux/perf_event.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/timex.h>
#include <time.h>

#include "../decode.h"
#include "../ktrace.h"

const char *ktrace_prog = "decode-test";

void ktrace_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static unsigned int tests, failures;
static struct kt_fmt_opts opts = { .strsize = 32 };

static void check(const char *desc, const char *got, const char *want)
{
	tests++;
	if (!strcmp(got, want)) {
		printf("ok %u - %s\n", tests, desc);
		return;
	}
	failures++;
	printf("not ok %u - %s\n#   got:  %s\n#   want: %s\n", tests, desc,
	       got, want);
}

/* A syscall of the x86_64 ABI (or abi), by name, that returned ret. */
static struct kt_syscall sc_new(enum ktrace_cli_abi abi, const char *name,
				int64_t ret)
{
	struct kt_syscall sc = { .abi = abi, .ret = ret, .has_exit = true };
	int nr = ktrace_syscall_number(abi, name);

	if (nr < 0) {
		fprintf(stderr, "no syscall %s\n", name);
		nr = 0;
	}
	sc.nr = nr;
	return sc;
}

static struct kt_syscall sc64(const char *name, int64_t ret)
{
	return sc_new(KTRACE_CLI_ABI_X86_64, name, ret);
}

static struct kt_blob str_blob(const char *s)
{
	struct kt_blob b = {
		(const uint8_t *)s, strlen(s), KT_BLOB_STRING
	};

	return b;
}

static struct kt_blob mem_blob(const void *p, uint32_t len)
{
	struct kt_blob b = { p, len, 0 };

	return b;
}

/* What a pointer at byte @off of the structure at argument @arg holds. */
static void add_deref(struct kt_syscall *sc, int arg, unsigned int off,
		      struct kt_blob b)
{
	sc->deref_arg[sc->nderef] = KTRACE_BLOB_DEREF(arg, off);
	sc->deref[sc->nderef++] = b;
}

static struct kt_blob fault_blob(void)
{
	struct kt_blob b = { NULL, 0, KT_BLOB_FAULT };

	return b;
}

static void expect(const char *desc, const struct kt_syscall *sc,
		   const char *want)
{
	struct kt_buf b = { 0 };

	kt_format_call(&b, sc, &opts);
	if (sc->has_exit)
		kt_format_return(&b, sc, &opts);
	else
		kt_buf_printf(&b, " <unfinished ...>");
	check(desc, b.s ? b.s : "", want);
	kt_buf_free(&b);
}

static void test_strings(void)
{
	static const uint8_t bin[] = "a\0b\0011\033x\177";
	struct kt_blob blob = mem_blob(bin, 8);
	struct kt_buf b = { 0 };
	struct kt_fmt_opts o = { .strsize = 4 };

	kt_format_string(&b, &blob, &opts);
	check("octal escapes: short, and 3 digits before a digit", b.s,
	      "\"a\\0b\\0011\\33x\\177\"");
	kt_buf_reset(&b);
	kt_format_string(&b, &blob, &o);
	check("-s 4 cuts the string and appends ...", b.s, "\"a\\0b\\1\"...");
	kt_buf_reset(&b);
	blob = str_blob("\t\n\v\f\r\"\\");
	kt_format_string(&b, &blob, &opts);
	check("C escapes", b.s, "\"\\t\\n\\v\\f\\r\\\"\\\\\"");
	kt_buf_reset(&b);
	blob = mem_blob(bin, 8);
	kt_xflag = KT_HEX_CHARS;
	kt_format_string(&b, &blob, &opts);
	check("--strings-in-hex=non-ascii-chars: each escape in hex", b.s,
	      "\"a\\x00b\\x011\\x1bx\\x7f\"");
	kt_buf_reset(&b);
	blob = str_blob("a\tb");
	kt_format_string(&b, &blob, &opts);
	check("--strings-in-hex=non-ascii-chars: C escapes stay", b.s,
	      "\"a\\tb\"");
	kt_buf_reset(&b);
	kt_xflag = KT_HEX_NON_ASCII;
	blob = mem_blob(bin, 8);
	kt_format_string(&b, &blob, &opts);
	check("-x: the whole string in hex", b.s,
	      "\"\\x61\\x00\\x62\\x01\\x31\\x1b\\x78\\x7f\"");
	kt_xflag = KT_HEX_NONE;
	kt_buf_free(&b);

	check("errno name", kt_errno_name(ENOENT), "ENOENT");
	check("kernel errno name", kt_errno_name(512), "ERESTARTSYS");
	check("signal name", kt_signal_name(17), "SIGCHLD");
	check("SIGRTMIN", kt_signal_name(32), "SIGRTMIN");
	check("SIGRT_3", kt_signal_name(35), "SIGRT_3");
	tests++;
	printf("%sok %u - signal numbers from names\n",
	       kt_signal_number("SIGCHLD") == 17 && kt_signal_number("HUP") == 1 &&
	       kt_signal_number("9") == 9 && kt_signal_number("NOPE") == -1 ?
	       "" : "not ", tests);
	if (kt_signal_number("SIGCHLD") != 17)
		failures++;
	tests++;
	printf("%sok %u - mmap returns an address, read does not\n",
	       kt_syscall_returns_address("mmap") &&
	       !kt_syscall_returns_address("read") ? "" : "not ", tests);
}

/*
 * The numbers the reader writes in place, against printf's: every digit
 * count, the ends of both ranges, and widths either side of the length.
 */
static void test_numbers(void)
{
	static const unsigned long long vals[] = {
		0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 4096, 9999, 10000,
		65535, 99999, 100000, 1234567, 99999999, 100000000,
		4294967295ULL, 4294967296ULL, 999999999999ULL,
		1000000000000000000ULL, 9223372036854775807ULL,
		9223372036854775808ULL, 18446744073709551615ULL,
	};
	static const int widths[] = { 0, 1, 3, 6, 20, 22, -1, -5, -21 };
	struct kt_buf b = { 0 };
	char want[64], desc[96];
	unsigned int i, j;
	bool bad = false;

	for (i = 0; i < ARRAY_SIZE(vals) && !bad; i++) {
		unsigned long long v = vals[i];
		long long sv[2] = { (long long)v, -(long long)v };

		kt_buf_reset(&b);
		kt_buf_puts(&b, "<");
		kt_buf_udec(&b, v);
		kt_buf_hex(&b, v);
		snprintf(want, sizeof(want), "<%llu%#llx", v, v);
		if (strcmp(b.s, want)) {
			snprintf(desc, sizeof(desc), "udec, hex %llu", v);
			check(desc, b.s, want);
			bad = true;
		}
		for (j = 0; j < ARRAY_SIZE(widths) * 2; j++) {
			long long d = sv[j & 1];
			int w = widths[j / 2];

			kt_buf_reset(&b);
			kt_buf_decw(&b, d, w);
			kt_buf_putc(&b, '|');
			snprintf(want, sizeof(want), "%*lld|", w, d);
			if (strcmp(b.s, want)) {
				snprintf(desc, sizeof(desc), "decw %lld, %d", d,
					 w);
				check(desc, b.s, want);
				bad = true;
			}
		}
	}
	if (!bad)
		check("decimal and hex numbers as printf writes them", "", "");
	kt_buf_free(&b);
}

/*
 * kt_buf_printf() against snprintf(): each format below with every value,
 * appended after text already in the buffer; the formats it leaves to
 * vsnprintf() (a precision, "%p") too.
 */
static unsigned int printf_bad;

static void __printf(3, 4) printf_cmp(struct kt_buf *b,
				      unsigned long long v,
				      const char *fmt, ...)
{
	char want[256], desc[128];
	va_list ap, aq;

	va_start(ap, fmt);
	va_copy(aq, ap);
	kt_buf_reset(b);
	kt_buf_puts(b, "<");
	kt_buf_vprintf(b, fmt, ap);
	want[0] = '<';
	vsnprintf(want + 1, sizeof(want) - 1, fmt, aq);
	va_end(aq);
	va_end(ap);
	if (strcmp(b->s, want) || b->len != strlen(want)) {
		snprintf(desc, sizeof(desc), "printf \"%s\" of %llu", fmt, v);
		check(desc, b->s, want);
		printf_bad++;
	}
}

static void test_printf(void)
{
	static const unsigned long long vals[] = {
		0, 1, 7, 8, 9, 10, 15, 16, 99, 100, 0644, 0777, 4096, 65535,
		65536, 2147483647, 2147483648ULL, 4294967295ULL,
		4294967296ULL, 9223372036854775807ULL,
		9223372036854775808ULL, 18446744073709551615ULL,
		0xfffffffffffffff0ULL, 0xffffffffffffff80ULL,
	};
	static const char *const strs[] = { "", "a", "S_IFREG", NULL };
	struct kt_buf b = { 0 };
	unsigned long long v;
	unsigned int i;
	const char *str;

	for (i = 0; i < ARRAY_SIZE(vals) && printf_bad < 5; i++) {
		int d = (int)vals[i];
		unsigned int u = (unsigned int)vals[i];
		long long ll = (long long)vals[i];
		unsigned long ul = (unsigned long)vals[i];
		size_t z = (size_t)vals[i];

		v = vals[i];
		printf_cmp(&b, v, "%d", d);
		printf_cmp(&b, v, "%i|%5d|%-5d|%05d|%-9d|", d, d, d, d, d);
		printf_cmp(&b, v, "%u %x %X %o", u, u, u, u);
		printf_cmp(&b, v, "%#x %#X %#o %#03o %03o", u, u, u, u, u);
		printf_cmp(&b, v, "%08x|%#010x|%#4x|%-#6x|%2x", u, u, u, u, u);
		printf_cmp(&b, v, "%lld %llu %#llx %016llx %#llo", ll, v, v, v, v);
		printf_cmp(&b, v, "%*lld|%-*lld|%0*llu|%*d", 22, ll, 21, ll, 9, v, -4,
			   d);
		printf_cmp(&b, v, "%ld %lu %lx %zu", (long)ul, ul, ul, z);
		printf_cmp(&b, v, "%hhu %hhd %hu %hd %hhx %#ho", (unsigned char)u,
			   (signed char)u, (unsigned short)u, (short)u,
			   (unsigned char)u, (unsigned short)u);
		printf_cmp(&b, v, "{tv_sec=%lld, tv_nsec=%09llu}%%", ll, v % 1000000000);
		printf_cmp(&b, v, "%.3d %p", d, (void *)(uintptr_t)ul);
	}
	for (i = 0; i < ARRAY_SIZE(strs); i++) {
		str = strs[i];
		v = i;
		printf_cmp(&b, v, "%s|%8s|%-8s|%c|%3c|%-3c|", str, str, str, 'x', 'y',
			   'z');
		printf_cmp(&b, v, "[%s]=%d, %.2s", str, (int)i, str ? str : "");
	}
	if (!printf_bad)
		check("kt_buf_printf() writes what snprintf() does", "", "");
	kt_buf_free(&b);
}

/* A JSON string: runs of plain ASCII, escapes, UTF-8 and invalid bytes. */
static void test_json_str(void)
{
	static const char in[] = "ab \"q\" \\ c\n\x01\xc3\xa9\xff~\x7f end";
	struct kt_buf b = { 0 };

	kt_buf_json_str(&b, in, sizeof(in) - 1);
	check("a JSON string", b.s,
	      "\"ab \\\"q\\\" \\\\ c\\u000a\\u0001\xc3\xa9\\udcff~\\u007f end\"");
	kt_buf_reset(&b);
	kt_buf_json_str(&b, "", 0);
	check("an empty JSON string", b.s, "\"\"");
	kt_buf_free(&b);
}

/* A netlink message header, little-endian, at @p. */
static void nlmsghdr_at(uint8_t *p, uint32_t len, uint16_t type,
			uint16_t flags, uint32_t seq, uint32_t pid)
{
	memcpy(p, &len, 4);
	memcpy(p + 4, &type, 2);
	memcpy(p + 6, &flags, 2);
	memcpy(p + 8, &seq, 4);
	memcpy(p + 12, &pid, 4);
}

/* recvfrom(3, buf, 8192, 0, {AF_NETLINK}, [12]) of @len bytes at @buf. */
static struct kt_syscall nl_recvfrom(const uint8_t *buf, uint32_t len)
{
	static const uint8_t nl_from[12] = { 16 };	/* AF_NETLINK, pid 0 */
	static const int32_t alen = 12;
	struct kt_syscall sc = sc64("recvfrom", len);

	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 8192;
	sc.args[4] = 0x7ffd1000;
	sc.args[5] = 0x7ffd2000;
	sc.blob[1] = mem_blob(buf, len);
	sc.blob[4] = mem_blob(nl_from, 12);
	sc.blob[5] = mem_blob(&alen, 4);
	sc.enter_blob[5] = mem_blob(&alen, 4);
	return sc;
}

/*
 * Netlink messages where the call names a netlink address, as strace 6.1
 * prints them in the test VM, where it cannot learn the protocol.
 */
static void test_netlink(void)
{
	static const uint8_t nl[12] = { 16 };	/* AF_NETLINK, pid 0 */
	uint8_t buf[128] = { 0 };
	int32_t zero = 0, enoent = -2;
	struct kt_syscall sc;

	nlmsghdr_at(buf, 24, 0x16, 0x301, 1, 0);
	sc = sc64("sendto", 24);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 24;
	sc.args[4] = 0x7ffd1000;
	sc.args[5] = 12;
	sc.blob[1] = mem_blob(buf, 24);
	sc.blob[4] = mem_blob(nl, 12);
	expect("sendto: a netlink request", &sc,
	       "sendto(3, [{nlmsg_len=24, nlmsg_type=0x16 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=1, nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"], 24, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 24");

	/* Not a netlink address: the bytes, as before. */
	sc.args[4] = 0;
	sc.args[5] = 0;
	sc.blob[4] = (struct kt_blob){ 0 };
	expect("sendto without an address: bytes", &sc,
	       "sendto(3, \"\\30\\0\\0\\0\\26\\0\\1\\3\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", 24, 0, NULL, 0) = 24");

	/* A dump's reply: a message, then the end with its count. */
	nlmsghdr_at(buf, 20, 0x10, 0x2, 2, 112);
	memcpy(buf + 16, "\x01\x02\x03\x04", 4);
	nlmsghdr_at(buf + 20, 20, 3, 0x2, 2, 112);
	memcpy(buf + 36, &zero, 4);
	sc = nl_recvfrom(buf, 40);
	expect("recvfrom: two netlink messages", &sc,
	       "recvfrom(3, [[{nlmsg_len=20, nlmsg_type=0x10 /* NLMSG_??? */, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=2, nlmsg_pid=112}, \"\\x01\\x02\\x03\\x04\"], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=2, nlmsg_pid=112}, 0]], 8192, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, [12]) = 40");

	/* What the snap length left out: "...". */
	sc.blob[1] = mem_blob(buf, 30);
	expect("recvfrom: the second message not captured", &sc,
	       "recvfrom(3, [[{nlmsg_len=20, nlmsg_type=0x10 /* NLMSG_??? */, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=2, nlmsg_pid=112}, \"\\x01\\x02\\x03\\x04\"], ...], 8192, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, [12]) = 40");

	/* An error answering a request, its header only (NLM_F_CAPPED). */
	nlmsghdr_at(buf, 36, 2, 0x100, 5, 112);
	memcpy(buf + 16, &enoent, 4);
	nlmsghdr_at(buf + 20, 24, 0x10, 0x5, 5, 0);
	sc = nl_recvfrom(buf, 36);
	expect("recvfrom: a netlink error", &sc,
	       "recvfrom(3, [{nlmsg_len=36, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED, nlmsg_seq=5, nlmsg_pid=112}, {error=-ENOENT, msg={nlmsg_len=24, nlmsg_type=0x10 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=5, nlmsg_pid=0}}], 8192, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, [12]) = 36");

	/* Fewer bytes than a header: in hex. */
	sc.ret = 6;
	expect("recvfrom: less than a netlink header", &sc,
	       "recvfrom(3, \"\\x24\\x00\\x00\\x00\\x02\\x00\", 8192, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, [12]) = 6");
}

/* A netlink buffer built message by message: nl_hdr(), nl_put(), nl_attr(). */
static uint8_t nlb[1024];
static size_t nlb_at;

static void nl_hdr(uint32_t len, uint16_t type, uint16_t flags, uint32_t seq,
		   uint32_t pid)
{
	nlmsghdr_at(nlb + nlb_at, len, type, flags, seq, pid);
	nlb_at += 16;
}

static void nl_put(const void *p, size_t n)
{
	memcpy(nlb + nlb_at, p, n);
	nlb_at += n;
}

/* An attribute into @p at @at, aligned: the offset after it. */
static size_t nest(uint8_t *p, size_t at, uint16_t type, const void *v,
		   uint16_t n)
{
	uint16_t len = 4 + n;

	memcpy(p + at, &len, 2);
	memcpy(p + at + 2, &type, 2);
	memcpy(p + at + 4, v, n);
	return at + ((len + 3U) & ~3U);
}

static void nl_attr(uint16_t type, const void *p, uint16_t n)
{
	nlb_at = nest(nlb, nlb_at, type, p, n);
}

/* The buffer's length into its first message's header. */
static void nl_len(void)
{
	uint32_t l = nlb_at;

	memcpy(nlb, &l, 4);
}

/* A dump's answer: lo's IPv4 address with its attributes, and the end. */
static void nl_newaddr4(void)
{
	static const uint8_t ifa4[8] = { 2, 8, 0x80, 254, 1, 0, 0, 0 };
	static const uint8_t a4[4] = { 127, 0, 0, 1 };
	static const uint32_t ci[4] = { 4294967295u, 4294967295u, 23, 24 };
	uint32_t flags = 0x80;

	nl_hdr(76, 20, 2, 1, 112);
	nl_put(ifa4, 8);
	nl_attr(1, a4, 4);
	nl_attr(2, a4, 4);
	nl_attr(3, "lo", 3);
	nl_attr(8, &flags, 4);
	nl_attr(6, ci, 16);
	nl_hdr(20, 3, 2, 1, 112);
	nlb_at += 4;
}

/* fd 3 a NETLINK_ROUTE socket, fd 4 a NETLINK_KOBJECT_UEVENT one. */
static int test_nlproto(void *ctx, int fd)
{
	return fd == 3 ? 0 : fd == 4 ? 15 : -1;
}

/* Send the buffer on @fd to a netlink port and check the line; restart. */
static void nl_send(const char *desc, int fd, const char *want)
{
	static const uint8_t to[12] = { 16, 0, 0, 0, 0x00, 0xff, 0xff, 0x7f };
	struct kt_syscall sc = sc64("sendto", nlb_at);

	sc.args[0] = fd;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = nlb_at;
	sc.args[4] = 0x7ffd1000;
	sc.args[5] = 12;
	sc.blob[1] = mem_blob(nlb, nlb_at);
	sc.blob[4] = mem_blob(to, 12);
	expect(desc, &sc, want);
	nlb_at = 0;
	memset(nlb, 0, sizeof(nlb));
}

/*
 * NETLINK_ROUTE's messages where netlink_diag tells the protocol, as
 * strace 6.1 prints them (each line is what it printed for the same
 * bytes sent to a netlink port): glibc's getaddrinfo() request, a dump's
 * addresses and their attributes, an extended acknowledgment, the flags
 * of each kind of message, a family where strace has no structure, and a
 * uevent socket's strings.
 */
static void test_netlink_route(void)
{
	static const char *const want[] = {
	"sendto(3, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}], 20, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 20",
	"sendto(3, [[{nlmsg_len=76, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=112}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=IFA_LOCAL}, inet_addr(\"127.0.0.1\")], [{nla_len=7, nla_type=IFA_LABEL}, \"lo\"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT], [{nla_len=20, nla_type=IFA_CACHEINFO}, {ifa_prefered=4294967295, ifa_valid=4294967295, cstamp=23, tstamp=24}]]], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=112}, 0]], 96, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 96",
	"sendto(3, [{nlmsg_len=152, nlmsg_type=RTM_DELADDR, nlmsg_flags=NLM_F_NONREC, nlmsg_seq=2, nlmsg_pid=0}, {ifa_family=AF_INET6, ifa_prefixlen=128, ifa_flags=IFA_F_NODAD|IFA_F_PERMANENT, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=20, nla_type=IFA_ADDRESS}, inet_pton(AF_INET6, \"::1\")], [{nla_len=5, nla_type=IFA_PROTO}, \"\\x01\"], [{nla_len=6, nla_type=0xc /* IFA_??? */}, \"\\x61\\x62\"], [{nla_len=20, nla_type=NLA_F_NESTED|IFA_MULTICAST}, inet_pton(AF_INET6, \"::1\")], [{nla_len=5, nla_type=IFA_FLAGS}, \"\\x78\"], [{nla_len=8, nla_type=IFA_RT_PRIORITY}, 256], [{nla_len=8, nla_type=IFA_TARGET_NETNSID}, -1], [{nla_len=8, nla_type=IFA_BROADCAST}, \"\\x7f\\x00\\x00\\x01\"], [{nla_len=37, nla_type=IFA_LABEL}, \"eth0-with-a-long-label-name-here\"...]]], 152, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 152",
	"sendto(3, [{nlmsg_len=72, nlmsg_type=NLMSG_ERROR, nlmsg_flags=NLM_F_CAPPED|NLM_F_ACK_TLVS, nlmsg_seq=3, nlmsg_pid=112}, [{error=-EINVAL, msg={nlmsg_len=24, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_ACK, nlmsg_seq=3, nlmsg_pid=0}}, [[{nla_len=20, nla_type=NLMSGERR_ATTR_MSG}, \"Invalid address\"], [{nla_len=8, nla_type=NLMSGERR_ATTR_OFFS}, 4], [{nla_len=7, nla_type=NLMSGERR_ATTR_COOKIE}, [1, 2, 3]]]]], 72, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 72",
	"sendto(3, [[{nlmsg_len=24, nlmsg_type=RTM_NEWPREFIX, nlmsg_flags=NLM_F_EXCL|NLM_F_CREATE, nlmsg_seq=4, nlmsg_pid=0}, {family=AF_INET6, data=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\"}], [{nlmsg_len=20, nlmsg_type=0x77 /* RTM_??? */, nlmsg_flags=NLM_F_REQUEST|0xf00, nlmsg_seq=5, nlmsg_pid=0}, {family=AF_INET, data=\"\\x00\\x00\\x00\"}], [{nlmsg_len=20, nlmsg_type=0x84 /* RTM_??? */, nlmsg_flags=NLM_F_REQUEST|NLM_F_REPLACE, nlmsg_seq=5, nlmsg_pid=0}, {family=AF_INET, data=\"\\x00\\x00\\x00\"}], {nlmsg_len=16, nlmsg_type=RTM_DELROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_NONREC|NLM_F_BULK, nlmsg_seq=6, nlmsg_pid=0}, {nlmsg_len=16, nlmsg_type=RTM_DELACTION, nlmsg_flags=NLM_F_REQUEST|NLM_F_ROOT, nlmsg_seq=7, nlmsg_pid=0}], 96, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 96",
	"sendto(3, [{nlmsg_len=40, nlmsg_type=RTM_NEWADDR, nlmsg_flags=0, nlmsg_seq=8, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=6, nla_type=IFA_LABEL}, \"lo\"...], [{nla_len=8, nla_type=IFA_LABEL}, \"ab\\0c\"...]]], 40, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 40",
	"sendto(3, [{nlmsg_len=21, nlmsg_type=RTM_NEWADDR, nlmsg_flags=0, nlmsg_seq=9, nlmsg_pid=0}, {ifa_family=AF_INET, ...}], 20, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 20",
	"sendto(4, \"add@/devices/virtual/net/lo\\0ACTI\"..., 39, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 39",
	"sendto(4, [{prefix=\"libudev\", magic=htonl(0xfeedcafe), header_size=40, properties_off=40, properties_len=12, filter_subsystem_hash=htonl(0x5), filter_devtype_hash=htonl(0), filter_tag_bloom_hi=htonl(0x1), filter_tag_bloom_lo=htonl(0)}, \"ACTION=add\\0\\0\"], 52, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 52",
	"sendto(3, [[{nlmsg_len=76, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=112}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=IFA_LOCAL}, inet_addr(\"127.0.0.1\")], [{nla_len=7, nla_type=IFA_LABEL}, \"lo\"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT], ...]], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=112}, 0]], 96, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 96"
	};
	uint8_t ifa4[8] = { 2, 8, 0x80, 254, 1, 0, 0, 0 };
	uint8_t ifa6[8] = { 10, 128, 0x82, 0, 1, 0, 0, 0 };
	uint8_t a4[4] = { 127, 0, 0, 1 }, a6[16] = { [15] = 1 };
	uint32_t u, v[8] = { htonl(0xfeedcafe), 40, 40, 12, htonl(5), 0,
			     htonl(1), 0 };
	int32_t e = -22, ns = -1;
	uint8_t b = 1;

	opts.fd_nlproto = test_nlproto;
	nl_hdr(20, 22, 0x301, 1, 0);
	nlb_at += 4;
	nl_send("route: glibc's RTM_GETADDR", 3, want[0]);

	nl_newaddr4();
	nl_send("route: an IPv4 address and the dump's end", 3, want[1]);

	nl_hdr(0, 21, 0x100, 2, 0);
	nl_put(ifa6, 8);
	nl_attr(1, a6, 16);
	nl_attr(11, &b, 1);
	nl_attr(12, "ab", 2);
	nl_attr(0x8000 | 7, a6, 16);
	nl_attr(8, "x", 1);
	u = 256;
	nl_attr(9, &u, 4);
	nl_attr(10, &ns, 4);
	nl_attr(4, a4, 4);
	nl_attr(3, "eth0-with-a-long-label-name-here!", 33);
	nl_len();
	nl_send("route: IPv6, unknown and short attributes", 3, want[2]);

	nl_hdr(0, 2, 0x300, 3, 112);
	nl_put(&e, 4);
	nl_hdr(24, 20, 5, 3, 0);
	nl_attr(1, "Invalid address\0", 16);
	u = 4;
	nl_attr(2, &u, 4);
	nl_attr(3, "\x01\x02\x03", 3);
	nl_len();
	nl_send("route: an extended acknowledgment", 3, want[3]);

	nl_hdr(24, 52, 0x600, 4, 0);
	nlb[nlb_at] = 10;
	nlb_at += 8;
	nl_hdr(20, 0x77, 0xf01, 5, 0);
	nlb[nlb_at] = 2;
	nlb_at += 4;
	nl_hdr(20, 0x84, 0x101, 5, 0);
	nlb[nlb_at] = 2;
	nlb_at += 4;
	nl_hdr(16, 25, 0x301, 6, 0);
	nl_hdr(16, 49, 0x101, 7, 0);
	nl_send("route: families, each kind's flags", 3, want[4]);

	nl_hdr(0, 20, 0, 8, 0);
	nl_put(ifa4, 8);
	nl_attr(3, "lo", 2);
	nl_attr(3, "ab\0c", 4);
	nl_len();
	nl_send("route: labels without their NUL", 3, want[5]);

	nl_hdr(21, 20, 0, 9, 0);
	nlb[nlb_at] = 2;
	nlb_at += 4;
	nl_send("route: a short ifaddrmsg", 3, want[6]);

	nl_put("add@/devices/virtual/net/lo\0ACTION=add\0", 39);
	nl_send("uevent: the kernel's", 4, want[7]);
	nl_put("libudev", 8);
	nl_put(v, sizeof(v));
	nl_put("ACTION=add\0\0", 12);
	nl_send("uevent: libudev's", 4, want[8]);

	opts.strsize = 4;
	nl_newaddr4();
	nl_send("route: -s 4, four attributes", 3, want[9]);
	opts.strsize = 32;

	/* Without netlink_diag: the generic form, as before. */
	opts.fd_nlproto = NULL;
	nl_hdr(20, 22, 0x301, 1, 0);
	nlb_at += 4;
	nl_send("route without netlink_diag: generic", 3,
		"sendto(3, [{nlmsg_len=20, nlmsg_type=0x16 /* NLMSG_??? */, nlmsg_flags=NLM_F_REQUEST|0x300, nlmsg_seq=1, nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\"], 20, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 20");
}

/* A struct rtnexthop into @p at @at, its attributes to follow. */
static void rtnh(uint8_t *p, size_t at, uint16_t len, uint8_t flags,
		 uint8_t hops, uint32_t index)
{
	memcpy(p + at, &len, 2);
	p[at + 2] = flags;
	p[at + 3] = hops;
	memcpy(p + at + 4, &index, 4);
}

/*
 * NETLINK_ROUTE's route messages (struct rtmsg and its RTA_*
 * attributes), each line what strace 6.1 printed for the same bytes
 * sent to a netlink port: ip route's request and a dump's answer, every
 * attribute strace decodes and some it does not, unknown values, nested
 * metrics, multipath next hops, RTA_VIA, a short rtmsg.
 */
static void test_netlink_rtmsg(void)
{
	static const char *const want[] = {
	"sendto(3, [{nlmsg_len=36, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_UNSPEC, rtm_protocol=RTPROT_UNSPEC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNSPEC, rtm_flags=0}, [{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN]], 36, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 36",
	"sendto(3, [[{nlmsg_len=52, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI|NLM_F_DUMP_FILTERED, nlmsg_seq=1, nlmsg_pid=112}, {rtm_family=AF_INET, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_BOOT, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN], [{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"192.0.2.1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")]]], [{nlmsg_len=68, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_MULTI|NLM_F_DUMP_FILTERED, nlmsg_seq=1, nlmsg_pid=112}, {rtm_family=AF_INET, rtm_dst_len=24, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_KERNEL, rtm_scope=RT_SCOPE_LINK, rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=8, nla_type=RTA_TABLE}, RT_TABLE_MAIN], [{nla_len=8, nla_type=RTA_DST}, inet_addr(\"192.0.2.0\")], [{nla_len=8, nla_type=RTA_PREFSRC}, inet_addr(\"192.0.2.2\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")], [{nla_len=8, nla_type=RTA_PRIORITY}, 100]]]], 120, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 120",
	"sendto(3, [{nlmsg_len=236, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_EXCL|NLM_F_CREATE, nlmsg_seq=2, nlmsg_pid=0}, {rtm_family=AF_INET6, rtm_dst_len=128, rtm_src_len=0, rtm_tos=IPTOS_LOWDELAY, rtm_table=0x64, rtm_protocol=RTPROT_OPENR, rtm_scope=RT_SCOPE_LINK, rtm_type=0xc /* RTN_??? */, rtm_flags=RTM_F_CLONED|0x10000}, [[{nla_len=8, nla_type=RTA_TABLE}, 0x64], [{nla_len=20, nla_type=RTA_DST}, inet_pton(AF_INET6, \"::1\")], [{nla_len=8, nla_type=RTA_OIF}, if_nametoindex(\"lo\")], [{nla_len=8, nla_type=RTA_PRIORITY}, 256], [{nla_len=5, nla_type=RTA_PREF}, 0], [{nla_len=36, nla_type=RTA_CACHEINFO}, {rta_clntref=1, rta_lastuse=2, rta_expires=3, rta_error=4, rta_used=5, rta_id=0x2a, rta_ts=7, rta_tsage=8}], [{nla_len=32, nla_type=NLA_F_NESTED|RTA_METRICS}, [[{nla_len=8, nla_type=RTAX_MTU}, 65536], [{nla_len=8, nla_type=RTAX_HOPLIMIT}, 64], [{nla_len=9, nla_type=RTAX_CC_ALGO}, \"cubic\"...]]], [{nla_len=12, nla_type=RTA_EXPIRES}, 12345], [{nla_len=8, nla_type=RTA_MARK}, 7], [{nla_len=28, nla_type=RTA_MFC_STATS}, {mfcs_packets=1, mfcs_bytes=2, mfcs_wrong_if=3}], [{nla_len=6, nla_type=RTA_SPORT}, 20480], [{nla_len=6, nla_type=RTA_ENCAP_TYPE}, LWTUNNEL_ENCAP_SEG6], [{nla_len=5, nla_type=RTA_IP_PROTO}, 6], [{nla_len=8, nla_type=RTA_NH_ID}, \"\\x07\\x00\\x00\\x00\"], [{nla_len=8, nla_type=RTA_PREFSRC}, \"\\x00\\x00\\x00\\x00\"]]], 236, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 236",
	"sendto(3, [{nlmsg_len=76, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_CREATE, nlmsg_seq=3, nlmsg_pid=0}, {rtm_family=AF_INET, rtm_dst_len=8, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_STATIC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=36, nla_type=RTA_MULTIPATH}, [[{rtnh_len=16, rtnh_flags=RTNH_F_ONLINK, rtnh_hops=0, rtnh_ifindex=if_nametoindex(\"lo\")}, [{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"10.0.0.1\")]], [{rtnh_len=16, rtnh_flags=0, rtnh_hops=2, rtnh_ifindex=if_nametoindex(\"lo\")}, [{nla_len=8, nla_type=RTA_GATEWAY}, inet_addr(\"10.0.0.2\")]]]], [{nla_len=10, nla_type=RTA_VIA}, {rtvia_family=AF_INET, rtvia_addr=inet_addr(\"10.0.0.3\")}]]], 76, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 76",
	"sendto(3, [{nlmsg_len=21, nlmsg_type=RTM_GETROUTE, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=4, nlmsg_pid=0}, {rtm_family=AF_INET, ...}], 24, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 24",
	"sendto(3, [{nlmsg_len=84, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_CREATE, nlmsg_seq=5, nlmsg_pid=0}, {rtm_family=AF_INET6, rtm_dst_len=0, rtm_src_len=0, rtm_tos=0, rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_STATIC, rtm_scope=RT_SCOPE_UNIVERSE, rtm_type=RTN_UNICAST, rtm_flags=0}, [[{nla_len=22, nla_type=RTA_VIA}, {rtvia_family=AF_INET6, inet_pton(AF_INET6, \"::1\", &rtvia_addr)}], [{nla_len=10, nla_type=RTA_VIA}, {rtvia_family=AF_UNSPEC, rtvia_addr=\"\\x01\\x02\\x03\\x04\"}], [{nla_len=20, nla_type=RTA_MULTIPATH}, [{rtnh_len=16, rtnh_flags=RTNH_F_TRAP, rtnh_hops=1, rtnh_ifindex=if_nametoindex(\"lo\")}, [{nla_len=8, nla_type=RTA_GATEWAY}, \"\\x0a\\x00\\x00\\x09\"]]]]], 84, 0, {sa_family=AF_NETLINK, nl_pid=2147483392, nl_groups=00000000}, 12) = 84",
	};
	uint8_t req[12] = { 2 }, def[12] = { 2, 0, 0, 0, 254, 3, 0, 1 };
	uint8_t net[12] = { 2, 24, 0, 0, 254, 2, 253, 1 };
	uint8_t odd[12] = { 10, 128, 0, 0x10, 100, 99, 253, 12, 0, 2, 1, 0 };
	uint8_t mp4[12] = { 2, 8, 0, 0, 254, 4, 0, 1 };
	uint8_t mp6[12] = { 10, 0, 0, 0, 254, 4, 0, 1 };
	uint8_t gw[4] = { 192, 0, 2, 1 }, dst[4] = { 192, 0, 2, 0 };
	uint8_t src[4] = { 192, 0, 2, 2 }, a6[16] = { [15] = 1 };
	uint8_t gw1[4] = { 10, 0, 0, 1 }, gw2[4] = { 10, 0, 0, 2 };
	uint8_t gw9[4] = { 10, 0, 0, 9 }, via4[6] = { 2, 0, 10, 0, 0, 3 };
	uint8_t via6[18] = { 10, 0, [17] = 1 }, via0[6] = { 0, 0, 1, 2, 3, 4 };
	uint32_t main_table = 254, one = 1, prio = 100, table = 100;
	uint32_t ci[8] = { 1, 2, 3, 4, 5, 0x2a, 7, 8 };
	uint32_t mtu = 65536, hops = 64, mark = 7, prio6 = 256;
	uint64_t expires = 12345, mfc[3] = { 1, 2, 3 };
	uint16_t port = 0x5000, encap = 5;
	uint8_t pref = 0, in[64];
	size_t n;

	opts.fd_nlproto = test_nlproto;
	nl_hdr(36, 26, 0x301, 1, 0);
	nl_put(req, 12);
	nl_attr(15, &main_table, 4);
	nl_send("route: ip route's RTM_GETROUTE", 3, want[0]);

	nl_hdr(52, 24, 0x22, 1, 112);
	nl_put(def, 12);
	nl_attr(15, &main_table, 4);
	nl_attr(5, gw, 4);
	nl_attr(4, &one, 4);
	nl_hdr(68, 24, 0x22, 1, 112);
	nl_put(net, 12);
	nl_attr(15, &main_table, 4);
	nl_attr(1, dst, 4);
	nl_attr(7, src, 4);
	nl_attr(4, &one, 4);
	nl_attr(6, &prio, 4);
	nl_send("route: a dump's two IPv4 routes", 3, want[1]);

	nl_hdr(0, 24, 0x600, 2, 0);
	nl_put(odd, 12);
	nl_attr(15, &table, 4);
	nl_attr(1, a6, 16);
	nl_attr(4, &one, 4);
	nl_attr(6, &prio6, 4);
	nl_attr(20, &pref, 1);
	nl_attr(12, ci, 32);
	n = nest(in, 0, 2, &mtu, 4);
	n = nest(in, n, 10, &hops, 4);
	n = nest(in, n, 16, "cubic", 5);
	nl_attr(0x8000 | 8, in, n);
	nl_attr(23, &expires, 8);
	nl_attr(16, &mark, 4);
	nl_attr(17, mfc, 24);
	nl_attr(28, &port, 2);
	nl_attr(21, &encap, 2);
	nl_attr(27, "\x06", 1);
	nl_attr(30, &mark, 4);
	nl_attr(7, a6, 4);
	nl_len();
	nl_send("route: IPv6, every attribute, unknown values", 3, want[2]);

	rtnh(in, 0, 16, 4, 0, 1);
	nest(in, 8, 5, gw1, 4);
	rtnh(in, 16, 16, 0, 2, 1);
	nest(in, 24, 5, gw2, 4);
	nl_hdr(0, 24, 0x400, 3, 0);
	nl_put(mp4, 12);
	nl_attr(9, in, 32);
	nl_attr(18, via4, 6);
	nl_len();
	nl_send("route: two next hops, RTA_VIA", 3, want[3]);

	nl_hdr(21, 26, 0x1, 4, 0);
	nlb[nlb_at] = 2;
	nlb_at += 8;
	nl_send("route: a short rtmsg", 3, want[4]);

	rtnh(in, 0, 16, 0x40, 1, 1);
	nest(in, 8, 5, gw9, 4);
	nl_hdr(0, 24, 0x400, 5, 0);
	nl_put(mp6, 12);
	nl_attr(18, via6, 18);
	nl_attr(18, via0, 6);
	nl_attr(9, in, 16);
	nl_len();
	nl_send("route: IPv6 and unknown RTA_VIA, one next hop", 3, want[5]);
	opts.fd_nlproto = NULL;
}

/* The siginfo of a signal line: a timer's and a queued signal's value. */
static void test_siginfo_value(void)
{
	struct ktrace_siginfo si = { .flags = KTRACE_SI_VALID | KTRACE_SI_VALUE,
				     .addr = 7 };
	struct kt_buf b = { 0 };

	kt_buf_siginfo(&b, 14, -2, &si);
	check("SI_TIMER: the timer's id, overrun and value", b.s ? b.s : "",
	      ", si_timerid=0, si_overrun=0, si_int=7, si_ptr=0x7");
	b.len = 0;
	si.pid = 42;
	si.addr = 0;
	kt_buf_siginfo(&b, 10, -1, &si);
	check("SI_QUEUE with a NULL value: the sender alone", b.s ? b.s : "",
	      ", si_pid=42, si_uid=0");
	b.len = 0;
	si.addr = 0x2a;
	kt_buf_siginfo(&b, 10, -1, &si);
	check("SI_QUEUE: the sender and the value", b.s ? b.s : "",
	      ", si_pid=42, si_uid=0, si_int=42, si_ptr=0x2a");
	b.len = 0;
	si.flags = KTRACE_SI_VALID;	/* a module before ABI 1.16 */
	kt_buf_siginfo(&b, 14, -2, &si);
	check("SI_TIMER from an older module: no value", b.s ? b.s : "",
	      ", si_pid=42, si_uid=0");
	kt_buf_free(&b);
}

/* The socket ioctls' struct ifreq, as strace prints it. */
/* select: the sets given at the enter, those ready at the exit. */
/*
 * pselect6's sixth argument: the module copies the struct of the mask's
 * address and size, and the mask after it when its size is 1 to 8.
 */
static void test_pselect6_sigmask(void)
{
	/* {0x7ffd0200, 8}, then SIGUSR1 (bit 9) and SIGINT (bit 1) */
	static const uint8_t both[24] = { 0x00, 0x02, 0xfd, 0x7f, 0, 0, 0, 0,
					  8, 0, 0, 0, 0, 0, 0, 0,
					  0x02, 0x02 };
	static const uint8_t big[16] = { 0x00, 0x02, 0xfd, 0x7f, 0, 0, 0, 0,
					 16 };
	static const uint8_t i386[16] = { 0x00, 0x02, 0xd0, 0xff, 8, 0, 0, 0,
					  0, 0x02 };
	struct kt_syscall sc;

	sc = sc64("pselect6", 0);
	sc.args[5] = 0x7ffd0100;
	sc.blob[5] = mem_blob(both, sizeof(both));
	expect("pselect6: the signal mask and its size", &sc,
	       "pselect6(0, NULL, NULL, NULL, NULL, {sigmask=[INT USR1], sigsetsize=8}) = 0 (Timeout)");
	sc.blob[5] = mem_blob(both, 16);
	expect("pselect6: the mask not read, its address", &sc,
	       "pselect6(0, NULL, NULL, NULL, NULL, {sigmask=0x7ffd0200, sigsetsize=8}) = 0 (Timeout)");
	sc.blob[5] = mem_blob(big, sizeof(big));
	expect("pselect6: a size strace does not read, the mask's address", &sc,
	       "pselect6(0, NULL, NULL, NULL, NULL, {sigmask=0x7ffd0200, sigsetsize=16}) = 0 (Timeout)");
	sc.blob[5] = mem_blob(both, 12);
	expect("pselect6: the struct cut short, its address", &sc,
	       "pselect6(0, NULL, NULL, NULL, NULL, 0x7ffd0100) = 0 (Timeout)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "pselect6", 0);
	sc.args[5] = 0xffd00100;
	sc.blob[5] = mem_blob(i386, sizeof(i386));
	expect("i386 pselect6: the struct of two 32-bit words", &sc,
	       "pselect6(0, NULL, NULL, NULL, NULL, {sigmask=[USR1], sigsetsize=8}) = 0");
}

static void test_select(void)
{
	uint8_t rd[8] = { 0x08 }, wr[8] = { 0x10 }, rd_out[8] = { 0x08 },
		wr_out[8] = { 0x10 };
	int64_t tv[2] = { 1, 0 }, left[2] = { 0, 999000 };
	struct kt_syscall sc;

	sc = sc64("select", 2);
	sc.args[0] = 5;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x7ffd0080;
	sc.args[3] = 0;
	sc.args[4] = 0x7ffd0100;
	sc.enter_blob[1] = mem_blob(rd, 8);
	sc.enter_blob[2] = mem_blob(wr, 8);
	sc.enter_blob[4] = mem_blob(tv, 16);
	sc.blob[1] = mem_blob(rd_out, 8);
	sc.blob[2] = mem_blob(wr_out, 8);
	sc.blob[4] = mem_blob(left, 16);
	expect("select: both ends ready, the time left", &sc,
	       "select(5, [3], [4], NULL, {tv_sec=1, tv_usec=0}) = 2 (in [3], out [4], left {tv_sec=0, tv_usec=999000})");
	sc.has_exit = false;
	expect("select, unfinished: the sets and the timeout given", &sc,
	       "select(5, [3], [4], NULL, {tv_sec=1, tv_usec=0} <unfinished ...>");

	sc = sc64("select", 0);
	sc.args[4] = 0x7ffd0100;
	sc.enter_blob[4] = mem_blob(tv, 16);
	expect("select: a timeout", &sc,
	       "select(0, NULL, NULL, NULL, {tv_sec=1, tv_usec=0}) = 0 (Timeout)");

	sc = sc64("select", 1);
	sc.args[0] = 5;
	sc.args[1] = 0x7ffd0000;
	sc.enter_blob[1] = mem_blob(rd, 8);
	expect("select: the ready set not copied, no timeout", &sc,
	       "select(5, [3], NULL, NULL, NULL)        = 1 ()");
	sc.blob[1] = mem_blob(rd_out, 8);
	expect("select: no timeout, nothing left", &sc,
	       "select(5, [3], NULL, NULL, NULL)        = 1 (in [3])");

	sc = sc64("pselect6", 0);
	sc.args[4] = 0x7ffd0100;
	sc.enter_blob[4] = mem_blob(tv, 16);
	expect("pselect6: a struct timespec, no sigmask", &sc,
	       "pselect6(0, NULL, NULL, NULL, {tv_sec=1, tv_nsec=0}, NULL) = 0 (Timeout)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "pselect6", 1);
	sc.args[0] = 5;
	sc.args[1] = 0xffd00000;
	expect("i386 pselect6: nothing copied, the plain result", &sc,
	       "pselect6(5, 0xffd00000, NULL, NULL, NULL, NULL) = 1");
	test_pselect6_sigmask();
}

/* The RTC's ioctls: struct rtc_time, rtc_wkalrm, numbers and flags. */
static void test_rtc(void)
{
	int32_t tm[9] = { 5, 4, 3, 2, 0, 126, 5, 1, 0 };
	uint8_t wk[40] = { 1, 0 };
	uint32_t vl = 0x3, u32 = 64;
	uint64_t freq = 1024;
	struct kt_syscall sc;

	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x80247009;	/* RTC_RD_TIME */
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(tm, sizeof(tm));
	expect("RTC_RD_TIME: struct rtc_time, abbreviated", &sc,
	       "ioctl(3, RTC_RD_TIME, {tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, tm_mon=0, tm_year=126, ...}) = 0");
	kt_abbrev_parse("none");
	expect("-e abbrev=none: RTC_RD_TIME whole", &sc,
	       "ioctl(3, RTC_RD_TIME, {tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, tm_mon=0, tm_year=126, tm_wday=5, tm_yday=1, tm_isdst=0}) = 0");
	kt_abbrev_parse("all");
	sc.has_exit = false;
	expect("RTC_RD_TIME, unfinished: the comma comes with the time", &sc,
	       "ioctl(3, RTC_RD_TIME <unfinished ...>");

	sc = sc64("ioctl", -EINVAL);
	sc.args[0] = 3;
	sc.args[1] = 0x80247009;
	sc.args[2] = 0x7ffd0000;
	expect("RTC_RD_TIME failing: the address", &sc,
	       "ioctl(3, RTC_RD_TIME, 0x7ffd0000)       = -1 EINVAL (Invalid argument)");
	sc.args[1] = 0x4024700a;	/* RTC_SET_TIME: printed failing too */
	sc.enter_blob[2] = mem_blob(tm, sizeof(tm));
	sc.blob[2] = sc.enter_blob[2];
	expect("RTC_SET_TIME failing: the time given", &sc,
	       "ioctl(3, RTC_SET_TIME, {tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, tm_mon=0, tm_year=126, ...}) = -1 EINVAL (Invalid argument)");

	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x80287010;	/* RTC_WKALM_RD */
	sc.args[2] = 0x7ffd0000;
	memcpy(wk + 4, tm, sizeof(tm));
	sc.blob[2] = mem_blob(wk, sizeof(wk));
	expect("RTC_WKALM_RD: struct rtc_wkalrm", &sc,
	       "ioctl(3, RTC_WKALM_RD, {enabled=1, pending=0, time={tm_sec=5, tm_min=4, tm_hour=3, tm_mday=2, tm_mon=0, tm_year=126, ...}}) = 0");
	sc.args[1] = 0x8008700b;	/* RTC_IRQP_READ */
	sc.blob[2] = mem_blob(&freq, 8);
	expect("RTC_IRQP_READ: the rate", &sc,
	       "ioctl(3, RTC_IRQP_READ, [1024])         = 0");
	sc.args[1] = 0x80047013;	/* RTC_VL_READ */
	sc.blob[2] = mem_blob(&vl, 4);
	expect("RTC_VL_READ: the flags", &sc,
	       "ioctl(3, RTC_VL_READ, [RTC_VL_DATA_INVALID|RTC_VL_BACKUP_LOW]) = 0");
	sc.args[1] = 0x4008700c;	/* RTC_IRQP_SET: the value itself */
	sc.args[2] = 64;
	expect("RTC_IRQP_SET: the rate, unsigned", &sc,
	       "ioctl(3, RTC_IRQP_SET, 64)              = 0");
	sc.args[1] = 0x7003;
	expect("RTC_UIE_ON: no argument", &sc,
	       "ioctl(3, RTC_UIE_ON)                    = 0");
	sc.args[1] = 0x7004;
	expect("0x7004: phantom's name too, as strace", &sc,
	       "ioctl(3, PHN_NOT_OH or RTC_UIE_OFF)     = 0");
	sc.args[1] = 0xc0087005;	/* PHN_GETREG: not the RTC's */
	sc.args[2] = 0x7ffd0000;
	expect("'p' commands of another driver: by fields, in hex", &sc,
	       "ioctl(3, _IOC(_IOC_READ|_IOC_WRITE, 0x70, 0x5, 0x8), 0x7ffd0000) = 0");

	sc = sc_new(KTRACE_CLI_ABI_I386, "ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x8004700b;	/* RTC_IRQP_READ of i386: a 4-byte long */
	sc.args[2] = 0xffd00000;
	sc.blob[2] = mem_blob(&u32, 4);
	expect("i386 RTC_IRQP_READ: a 4-byte long", &sc,
	       "ioctl(3, RTC_IRQP_READ, [64])           = 0");
}

/* A namespace's commands (lsns, nsenter): no argument, results decoded. */
static void test_nsfs(void)
{
	uint32_t uid = 0;
	struct kt_syscall sc;

	sc = sc64("ioctl", 7);
	sc.args[0] = 6;
	sc.args[1] = 0xb701;		/* NS_GET_USERNS */
	expect("NS_GET_USERNS: no argument, a descriptor returned", &sc,
	       "ioctl(6, NS_GET_USERNS)                 = 7");
	sc.args[1] = 0xb702;		/* NS_GET_PARENT */
	sc.args[2] = 0xffffffff;	/* what lsns leaves there: not printed */
	expect("NS_GET_PARENT: no argument", &sc,
	       "ioctl(6, NS_GET_PARENT)                 = 7");
	sc = sc64("ioctl", 0x10000000);
	sc.args[0] = 6;
	sc.args[1] = 0xb703;		/* NS_GET_NSTYPE */
	expect("NS_GET_NSTYPE: the type's name after the result", &sc,
	       "ioctl(6, NS_GET_NSTYPE)                 = 268435456 (CLONE_NEWUSER)");
	sc = sc64("ioctl", 0);
	sc.args[0] = 6;
	sc.args[1] = 0xb704;		/* NS_GET_OWNER_UID */
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(&uid, 4);
	expect("NS_GET_OWNER_UID: the uid written", &sc,
	       "ioctl(6, NS_GET_OWNER_UID, [0])         = 0");
	sc = sc64("ioctl", -EPERM);
	sc.args[0] = 6;
	sc.args[1] = 0xb702;
	expect("NS_GET_PARENT refused", &sc,
	       "ioctl(6, NS_GET_PARENT)                 = -1 EPERM (Operation not permitted)");
}

static void test_ifreq(void)
{
	uint8_t req[40] = "lo", got[40] = "lo", eth[40] = "eth0";
	struct kt_syscall sc;

	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x8913;		/* SIOCGIFFLAGS */
	sc.args[2] = 0x7ffd0000;
	got[16] = 0x49;			/* IFF_UP|IFF_LOOPBACK|IFF_RUNNING */
	sc.enter_blob[2] = mem_blob(req, 40);
	sc.blob[2] = mem_blob(got, 40);
	expect("SIOCGIFFLAGS: the name given, the flags got", &sc,
	       "ioctl(3, SIOCGIFFLAGS, {ifr_name=\"lo\", ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_RUNNING}) = 0");
	sc.has_exit = false;
	expect("SIOCGIFFLAGS, unfinished: the name", &sc,
	       "ioctl(3, SIOCGIFFLAGS, {ifr_name=\"lo\" <unfinished ...>");

	sc = sc64("ioctl", -EADDRNOTAVAIL);
	sc.args[0] = 3;
	sc.args[1] = 0x8915;		/* SIOCGIFADDR */
	sc.args[2] = 0x7ffd0000;
	sc.enter_blob[2] = mem_blob(req, 40);
	sc.blob[2] = sc.enter_blob[2];
	expect("SIOCGIFADDR failing: the name alone", &sc,
	       "ioctl(3, SIOCGIFADDR, {ifr_name=\"lo\"})  = -1 EADDRNOTAVAIL (Cannot assign requested address)");

	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x8915;
	sc.args[2] = 0x7ffd0000;
	memset(got + 16, 0, 24);
	got[16] = 2;			/* AF_INET, 127.0.0.1 */
	got[20] = 127;
	got[23] = 1;
	sc.enter_blob[2] = mem_blob(req, 40);
	sc.blob[2] = mem_blob(got, 40);
	expect("SIOCGIFADDR: a socket address", &sc,
	       "ioctl(3, SIOCGIFADDR, {ifr_name=\"lo\", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr(\"127.0.0.1\")}}) = 0");

	sc.args[1] = 0x8927;		/* SIOCGIFHWADDR */
	memset(got + 16, 0, 24);
	got[16] = 772 & 0xff;		/* ARPHRD_LOOPBACK */
	got[17] = 772 >> 8;
	expect("SIOCGIFHWADDR: the address as long as its type's", &sc,
	       "ioctl(3, SIOCGIFHWADDR, {ifr_name=\"lo\", ifr_hwaddr={sa_family=ARPHRD_LOOPBACK, sa_data=00:00:00:00:00:00}}) = 0");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("-X verbose: SIOCGIFHWADDR's bytes and address", &sc,
	       "ioctl(3, 0x8927 /* SIOCGIFHWADDR */, {ifr_name=\"lo\", ifr_hwaddr={sa_family=0x304 /* ARPHRD_LOOPBACK */, sa_data=\"\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\" /* 00:00:00:00:00:00 */}}) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;

	sc.args[1] = 0x8970;		/* SIOCGIFMAP */
	got[16] = 0;
	got[17] = 0;
	got[34] = 9;			/* irq */
	expect("SIOCGIFMAP: struct ifmap in hex", &sc,
	       "ioctl(3, SIOCGIFMAP, {ifr_name=\"lo\", ifr_map={mem_start=0, mem_end=0, base_addr=0, irq=0x9, dma=0, port=0}}) = 0");

	sc = sc64("ioctl", -EPERM);
	sc.args[0] = 3;
	sc.args[1] = 0x8922;		/* SIOCSIFMTU */
	sc.args[2] = 0x7ffd0000;
	eth[16] = 1500 & 0xff;
	eth[17] = 1500 >> 8;
	sc.enter_blob[2] = mem_blob(eth, 40);
	sc.blob[2] = sc.enter_blob[2];
	expect("SIOCSIFMTU: the name and the MTU given", &sc,
	       "ioctl(3, SIOCSIFMTU, {ifr_name=\"eth0\", ifr_mtu=1500}) = -1 EPERM (Operation not permitted)");

	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x8912;		/* SIOCGIFCONF: no struct ifreq */
	sc.args[2] = 0x7ffd0000;
	expect("SIOCGIFCONF: the argument's address", &sc,
	       "ioctl(3, SIOCGIFCONF, 0x7ffd0000)       = 0");
	sc.args[2] = 0;
	expect("SIOCGIFCONF: NULL", &sc,
	       "ioctl(3, SIOCGIFCONF, NULL)             = 0");
}

static void test_file(void)
{
	struct kt_syscall sc;

	sc = sc64("openat", -ENOENT);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 02000000;
	sc.blob[1] = str_blob("/usr/lib/locale/locale-archive");
	expect("openat O_RDONLY|O_CLOEXEC, ENOENT", &sc,
	       "openat(AT_FDCWD, \"/usr/lib/locale/locale-archive\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)");

	sc = sc64("openat", 3);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 01101;
	sc.args[3] = 0666;
	sc.blob[1] = str_blob("/dev/null");
	expect("openat O_CREAT prints the mode", &sc,
	       "openat(AT_FDCWD, \"/dev/null\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3");

	sc = sc64("openat", 3);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 0;
	sc.blob[1] = str_blob("/a/path/much/longer/than/thirty-two/bytes");
	expect("paths are not cut at -s", &sc,
	       "openat(AT_FDCWD, \"/a/path/much/longer/than/thirty-two/bytes\", O_RDONLY) = 3");

	sc = sc64("close", 0);
	sc.args[0] = 3;
	expect("close, return value at column 40", &sc,
	       "close(3)                                = 0");

	sc = sc64("unshare", 0);
	sc.args[0] = 0x20000000 | 0x00020000;
	expect("unshare: clone flags", &sc,
	       "unshare(CLONE_NEWNS|CLONE_NEWPID)       = 0");

	sc = sc64("newfstatat", -ENOENT);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 1;
	sc.args[2] = 0x7ffeef41ae70;
	sc.blob[1] = str_blob("/usr/sbin/stat");
	expect("newfstatat failing prints the struct's pointer", &sc,
	       "newfstatat(AT_FDCWD, \"/usr/sbin/stat\", 0x7ffeef41ae70, 0) = -1 ENOENT (No such file or directory)");

	sc = sc64("unlinkat", 0);
	sc.args[0] = 4;
	sc.args[1] = 1;
	sc.args[2] = 0x200;
	sc.blob[1] = str_blob("f");
	expect("unlinkat AT_REMOVEDIR", &sc,
	       "unlinkat(4, \"f\", AT_REMOVEDIR)          = 0");

	sc = sc64("fchownat", 0);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 1;
	sc.args[2] = 0;
	sc.args[3] = 0xffffffff;
	sc.blob[1] = str_blob("/tmp/kta");
	expect("fchownat -1 gid", &sc,
	       "fchownat(AT_FDCWD, \"/tmp/kta\", 0, -1, 0) = 0");

	sc = sc64("umask", 022);
	sc.args[0] = 022;
	expect("umask returns octal", &sc,
	       "umask(022)                              = 022");

	sc = sc64("readlink", 4);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.args[2] = 1023;
	sc.blob[0] = str_blob("/proc/self");
	sc.blob[1] = mem_blob("4916", 4);
	expect("readlink", &sc,
	       "readlink(\"/proc/self\", \"4916\", 1023)    = 4");

	sc = sc64("getcwd", 9);
	sc.args[0] = 0x7ffd1000;
	sc.args[1] = 1024;
	sc.blob[0] = mem_blob("/tmp/x/w", 9);
	expect("getcwd: the path without the NUL the length counts", &sc,
	       "getcwd(\"/tmp/x/w\", 1024)                = 9");

	sc = sc64("faccessat2", 0);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 1;
	sc.args[2] = 1;
	sc.args[3] = 0x200;
	sc.blob[1] = str_blob("/etc");
	expect("faccessat2 X_OK, AT_EACCESS", &sc,
	       "faccessat2(AT_FDCWD, \"/etc\", X_OK, AT_EACCESS) = 0");

	/*
	 * Extended attributes: a size of 0 writes nothing (the pointer, even
	 * where bytes were captured); a value's one trailing NUL not shown,
	 * a list's NULs all shown.
	 */
	sc = sc64("getxattr", 5);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffd0000;
	sc.blob[0] = str_blob("f");
	sc.blob[1] = str_blob("trusted.kt");
	sc.blob[2] = mem_blob("ZZZZZ", 5);
	expect("getxattr size 0: the pointer", &sc,
	       "getxattr(\"f\", \"trusted.kt\", 0x7ffd0000, 0) = 5");
	sc.has_exit = false;
	expect("getxattr size 0, unfinished: the pointer and the size", &sc,
	       "getxattr(\"f\", \"trusted.kt\", 0x7ffd0000, 0 <unfinished ...>");
	sc.has_exit = true;
	sc.args[3] = 64;
	sc.ret = 3;
	sc.blob[2] = mem_blob("v1", 3);
	expect("getxattr: a value's trailing NUL", &sc,
	       "getxattr(\"f\", \"trusted.kt\", \"v1\", 64)   = 3");
	sc.ret = -ERANGE;
	expect("getxattr ERANGE: the pointer", &sc,
	       "getxattr(\"f\", \"trusted.kt\", 0x7ffd0000, 64) = -1 ERANGE (Numerical result out of range)");

	sc = sc64("setxattr", 0);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 3;
	sc.blob[0] = str_blob("f");
	sc.blob[1] = str_blob("trusted.nul");
	sc.blob[2] = mem_blob("v1", 3);
	expect("setxattr: a value's trailing NUL", &sc,
	       "setxattr(\"f\", \"trusted.nul\", \"v1\", 3, 0) = 0");

	sc = sc64("flistxattr", 23);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 64;
	sc.blob[1] = mem_blob("trusted.kt\0trusted.nul", 23);
	expect("flistxattr: every NUL", &sc,
	       "flistxattr(3, \"trusted.kt\\0trusted.nul\\0\", 64) = 23");
	sc.args[2] = 0;
	expect("flistxattr size 0: the pointer", &sc,
	       "flistxattr(3, 0x7ffd0000, 0)            = 23");

	/* inotify, fallocate (ia32: offsets in two registers each) */
	sc = sc64("inotify_add_watch", 1);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x302;
	sc.blob[1] = str_blob(".");
	expect("inotify_add_watch", &sc,
	       "inotify_add_watch(3, \".\", IN_MODIFY|IN_CREATE|IN_DELETE) = 1");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fallocate", 0);
	sc.args[0] = 3;
	sc.args[1] = 3;
	sc.args[2] = 0;
	sc.args[3] = 1;
	sc.args[4] = 4096;
	expect("ia32 fallocate: 64-bit offsets from register pairs", &sc,
	       "fallocate(3, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 4294967296, 4096) = 0");

	sc = sc64("lremovexattr", 0);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.blob[0] = str_blob("f");
	sc.blob[1] = str_blob("trusted.kt");
	expect("lremovexattr", &sc,
	       "lremovexattr(\"f\", \"trusted.kt\")         = 0");
}

/*
 * fcntl's struct flock, sendfile's offset, a poll entry of -1, close_range,
 * an int ioctl, a bind mount and an unknown clock, as strace 6.1 prints
 * them.
 */
static void test_fileops(void)
{
	static const uint8_t fl[32] = { 1, 0, 0, 0, [16] = 10 };
	static const uint8_t fl_got[32] = { 2, 0, 0, 0, [16] = 10 };
	static const uint8_t fl32[16] = { 0, 0, 1, 0, 5, 0, 0, 0, 10 };
	static const int32_t pfd[4] = { -1, 1, 6, 0x00040004 };
	static const int64_t off0 = 0, off5 = 5;
	static const int32_t two = 2;
	static const struct ktrace_iov_seg null_iov[2] = {
		{ 0, 0, 0, 0 }, { 0x7ffd2000, 0, 0, 0 },
	};
	struct kt_syscall sc;

	sc = sc64("fcntl", 0);
	sc.args[0] = 3;
	sc.args[1] = 6;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(fl, sizeof(fl));
	expect("fcntl F_SETLK: the struct flock", &sc,
	       "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0");
	sc.args[1] = 5;
	sc.blob[2] = mem_blob(fl_got, sizeof(fl_got));
	expect("fcntl F_GETLK: what the kernel wrote, with l_pid", &sc,
	       "fcntl(3, F_GETLK, {l_type=F_UNLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}) = 0");
	sc.ret = -22;
	expect("fcntl F_GETLK failing: the pointer", &sc,
	       "fcntl(3, F_GETLK, 0x7ffd0000)           = -1 EINVAL (Invalid argument)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fcntl64", 0);
	sc.args[0] = 3;
	sc.args[1] = 7;
	sc.args[2] = 0xffd00000;
	sc.blob[2] = mem_blob(fl32, sizeof(fl32));
	expect("i386 fcntl64 F_SETLKW: the 16-byte struct flock", &sc,
	       "fcntl64(3, F_SETLKW, {l_type=F_RDLCK, l_whence=SEEK_CUR, l_start=5, l_len=10}) = 0");

	sc = sc64("sendfile", 5);
	sc.args[0] = 4;
	sc.args[1] = 3;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 5;
	sc.enter_blob[2] = mem_blob(&off0, 8);
	sc.blob[2] = mem_blob(&off5, 8);
	expect("sendfile: the offset given and moved", &sc,
	       "sendfile(4, 3, [0] => [5], 5)           = 5");
	sc.ret = 0;
	expect("sendfile: nothing moved, the offset alone", &sc,
	       "sendfile(4, 3, [0], 5)                  = 0");

	sc = sc64("poll", 1);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 2;
	sc.blob[0] = mem_blob(pfd, sizeof(pfd));
	expect("poll: an entry of -1 without its events", &sc,
	       "poll([{fd=-1}, {fd=6, events=POLLOUT}], 2, 0) = 1 ([{fd=6, revents=POLLOUT}])");

	sc = sc64("close_range", 0);
	sc.args[0] = 3;
	sc.args[1] = 0xffffffff;
	sc.args[2] = 4;
	expect("close_range: numbers, its flags", &sc,
	       "close_range(3, 4294967295, CLOSE_RANGE_CLOEXEC) = 0");

	sc = sc64("ioctl", 0);
	sc.args[0] = 5;
	sc.args[1] = 0x541b;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(&two, 4);
	expect("ioctl FIONREAD: the count", &sc,
	       "ioctl(5, FIONREAD, [2])                 = 0");
	sc.args[1] = 0x540f;
	expect("ioctl TIOCGPGRP: the process group", &sc,
	       "ioctl(5, TIOCGPGRP, [2])                = 0");
	sc.ret = -25;
	expect("ioctl TIOCGPGRP failed: the pointer", &sc,
	       "ioctl(5, TIOCGPGRP, 0x7ffd0000)         = -1 ENOTTY (Inappropriate ioctl for device)");
	sc.args[1] = 0x5410;
	expect("ioctl TIOCSPGRP failed: the group it was given", &sc,
	       "ioctl(5, TIOCSPGRP, [2])                = -1 ENOTTY (Inappropriate ioctl for device)");
	sc.ret = 0;
	sc.args[1] = 0x540e;
	sc.args[2] = 1;
	sc.blob[2] = (struct kt_blob){ 0 };
	sc.ret = -25;
	expect("ioctl TIOCSCTTY: its int", &sc,
	       "ioctl(5, TIOCSCTTY, 1)                  = -1 ENOTTY (Inappropriate ioctl for device)");

	sc = sc64("mount", 0);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x7ffd1000;
	sc.args[3] = 4096;
	sc.args[4] = 0x7ffd2000;
	sc.blob[0] = mem_blob("mnt", 3);
	sc.blob[0].flags = KT_BLOB_STRING;
	sc.blob[1] = sc.blob[0];
	expect("mount MS_BIND: the type and data as pointers", &sc,
	       "mount(\"mnt\", \"mnt\", 0x7ffd1000, MS_BIND, 0x7ffd2000) = 0");

	sc = sc64("writev", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 2;
	sc.blob[1] = mem_blob(null_iov, sizeof(null_iov));
	expect("writev: a NULL buffer, an empty one", &sc,
	       "writev(3, [{iov_base=NULL, iov_len=0}, {iov_base=\"\", iov_len=0}], 2) = 0");

	sc = sc64("clock_gettime", -22);
	sc.args[0] = 0xfffffffa;
	sc.args[1] = 0x7ffd0000;
	expect("clock_gettime: a CPU clock's id as strace 6.1 prints it", &sc,
	       "clock_gettime(0xfffffffa /* CLOCK_??? */, 0x7ffd0000) = -1 EINVAL (Invalid argument)");
}

static void test_desc(void)
{
	static const uint8_t elf[40] = {
		0x7f, 'E', 'L', 'F', 2, 1, 1, 3, [16] = 3, [18] = '>',
		[20] = 1, [24] = 0x10, 't', 2,
	};
	static const int32_t pipefds[2] = { 3, 4 };
	struct kt_syscall sc;

	sc = sc64("read", 832);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffc0000;
	sc.args[2] = 832;
	sc.blob[1] = mem_blob(elf, sizeof(elf));
	sc.blob[1].flags = KT_BLOB_TRUNCATED;
	expect("read of binary data, cut at -s 32", &sc,
	       "read(3, \"\\177ELF\\2\\1\\1\\3\\0\\0\\0\\0\\0\\0\\0\\0\\3\\0>\\0\\1\\0\\0\\0\\20t\\2\\0\\0\\0\\0\\0\"..., 832) = 832");

	sc = sc64("read", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffc0000;
	sc.args[2] = 4096;
	expect("read at EOF", &sc,
	       "read(3, \"\", 4096)                       = 0");

	sc = sc64("read", -EBADF);
	sc.args[0] = 9;
	sc.args[1] = 0x7ffc0000;
	sc.args[2] = 16;
	expect("failed read prints the pointer", &sc,
	       "read(9, 0x7ffc0000, 16)                 = -1 EBADF (Bad file descriptor)");

	sc = sc64("read", 0);
	sc.has_exit = false;
	sc.args[0] = 3;
	expect("read at entry", &sc, "read(3,  <unfinished ...>");

	sc = sc64("write", 3);
	sc.args[0] = 1;
	sc.args[1] = 0x55550000;
	sc.args[2] = 3;
	sc.blob[1] = mem_blob("hi\n", 3);
	expect("write", &sc,
	       "write(1, \"hi\\n\", 3)                     = 3");

	sc = sc64("pipe2", 0);
	sc.args[0] = 0x7ffd0000;
	sc.blob[0] = mem_blob(pipefds, 8);
	expect("pipe2 fds from the captured array", &sc,
	       "pipe2([3, 4], 0)                        = 0");

	sc.args[1] = 04000 | 02000000;
	sc.blob[0] = mem_blob(NULL, 0);
	expect("pipe2 without capture prints the pointer", &sc,
	       "pipe2(0x7ffd0000, O_NONBLOCK|O_CLOEXEC) = 0");

	sc = sc64("fcntl", 0x800);
	sc.args[0] = 3;
	sc.args[1] = 3;
	expect("fcntl F_GETFL decodes the result", &sc,
	       "fcntl(3, F_GETFL)                       = 0x800 (flags O_RDONLY|O_NONBLOCK)");

	sc = sc64("fcntl", 0);
	sc.args[0] = 11;
	sc.args[1] = 2;
	sc.args[2] = 1;
	expect("fcntl F_SETFD FD_CLOEXEC", &sc,
	       "fcntl(11, F_SETFD, FD_CLOEXEC)          = 0");

	sc = sc64("lseek", 3);
	sc.args[0] = 6;
	sc.args[2] = 2;
	expect("lseek SEEK_END", &sc,
	       "lseek(6, 0, SEEK_END)                   = 3");

	sc = sc64("dup2", 1);
	sc.args[0] = 4;
	sc.args[1] = 1;
	expect("dup2", &sc, "dup2(4, 1)                              = 1");

	sc = sc64("flock", 0);
	sc.args[0] = 6;
	sc.args[1] = 5;
	expect("flock LOCK_SH|LOCK_NB", &sc,
	       "flock(6, LOCK_SH|LOCK_NB)               = 0");

	sc = sc64("epoll_create1", 5);
	sc.args[0] = 02000000;
	expect("epoll_create1 EPOLL_CLOEXEC", &sc,
	       "epoll_create1(EPOLL_CLOEXEC)            = 5");
}

static const char *test_fd_path(void *ctx, int fd)
{
	if (fd == -100)
		return "/tmp";
	return fd == 3 ? "/etc/passwd" : NULL;
}

static void test_fd_paths(void)
{
	struct kt_fmt_opts saved = opts;
	struct kt_syscall sc;

	opts.fd_paths = true;
	opts.fd_path = test_fd_path;
	sc = sc64("read", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffc0000;
	sc.args[2] = 4096;
	expect("-y prints the fd's path", &sc,
	       "read(3</etc/passwd>, \"\", 4096)          = 0");

	sc = sc64("openat", 3);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 1;
	sc.blob[1] = str_blob("/etc/passwd");
	expect("-y on a returned fd", &sc,
	       "openat(AT_FDCWD</tmp>, \"/etc/passwd\", O_RDONLY) = 3</etc/passwd>");
	opts = saved;
}

static void test_mem(void)
{
	struct kt_syscall sc;

	sc = sc64("mmap", 0x7f8f3b939000);
	sc.args[0] = 0x7f8f3b939000;
	sc.args[1] = 1400832;
	sc.args[2] = 5;
	sc.args[3] = 0x812;
	sc.args[4] = 3;
	sc.args[5] = 0x26000;
	expect("mmap returns hex", &sc,
	       "mmap(0x7f8f3b939000, 1400832, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f8f3b939000");

	sc = sc64("mmap", 0x7f8f3bb00000);
	sc.args[1] = 8192;
	sc.args[2] = 3;
	sc.args[3] = 0x22;
	sc.args[4] = (uint64_t)-1;
	expect("anonymous mmap", &sc,
	       "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f8f3bb00000");

	sc = sc64("brk", 0x55be845b0000);
	expect("brk(NULL)", &sc,
	       "brk(NULL)                               = 0x55be845b0000");

	sc = sc64("mprotect", 0);
	sc.args[0] = 0x7f2ea5edb000;
	sc.args[1] = 16384;
	sc.args[2] = 1;
	expect("mprotect", &sc,
	       "mprotect(0x7f2ea5edb000, 16384, PROT_READ) = 0");

	sc = sc_new(KTRACE_CLI_ABI_I386, "mmap2", 0xf7f00000);
	sc.args[1] = 8192;
	sc.args[2] = 3;
	sc.args[3] = 0x22;
	sc.args[4] = 0xffffffff;
	expect("i386 mmap2", &sc,
	       "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7f00000");
}

static void test_proc_results(void);

static void test_process(void)
{
	static const struct kt_blob argv[] = {
		{ (const uint8_t *)"sh", 2, KT_BLOB_STRING },
		{ (const uint8_t *)"-c", 2, KT_BLOB_STRING },
		{ (const uint8_t *)"echo hi | cat >/dev/null; kill -0 $$", 37,
		  KT_BLOB_STRING },
	};
	static const uint32_t exited0 = 0, killed = 9, stopped = 0x137f,
			      event_stop = 0x80057f, event_odd = 0x9857f;
	struct kt_syscall sc;

	sc = sc64("clone", 27246);
	sc.args[0] = 0x01200011;
	sc.args[3] = 0x7f9ec0f1fa10;
	expect("clone flags with the exit signal", &sc,
	       "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f9ec0f1fa10) = 27246");

	sc.has_exit = false;
	expect("clone at entry", &sc,
	       "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD <unfinished ...>");

	sc = sc64("execve", 0);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffc74097978;
	sc.blob[0] = str_blob("/usr/bin/sh");
	sc.argv = argv;
	sc.argc = 3;
	expect("execve argv, cut at -s", &sc,
	       "execve(\"/usr/bin/sh\", [\"sh\", \"-c\", \"echo hi | cat >/dev/null; kill -\"...], 0x7ffc74097978) = 0");

	sc.argc = 1;
	sc.argv_truncated = true;
	expect("execve argv with more than captured", &sc,
	       "execve(\"/usr/bin/sh\", [\"sh\", ...], 0x7ffc74097978) = 0");

	sc = sc64("exit_group", 0);
	expect("exit_group does not return", &sc,
	       "exit_group(0)                           = ?");

	sc = sc64("wait4", 27246);
	sc.args[0] = (uint64_t)-1;
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = mem_blob(&exited0, 4);
	expect("wait4 exit status", &sc,
	       "wait4(-1, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 27246");
	sc.blob[1] = mem_blob(&killed, 4);
	expect("wait4 killed", &sc,
	       "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGKILL}], 0, NULL) = 27246");
	sc.blob[1] = mem_blob(&stopped, 4);
	sc.args[2] = 2;
	expect("wait4 stopped", &sc,
	       "wait4(-1, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 27246");
	sc.blob[1] = mem_blob(&event_stop, 4);
	sc.args[2] = 0;
	expect("wait4 of a ptrace event stop (tests/progs/ptrace)", &sc,
	       "wait4(-1, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP}|PTRACE_EVENT_STOP<<16], 0, NULL) = 27246");
	sc.blob[1] = mem_blob(&event_odd, 4);
	expect("wait4 of an unknown ptrace event", &sc,
	       "wait4(-1, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGTRAP | 0x80}|0x9 /* PTRACE_EVENT_??? */<<16], 0, NULL) = 27246");

	sc = sc64("wait4", -ECHILD);
	sc.args[0] = (uint64_t)-1;
	sc.args[1] = 0x7fffd6c3d30c;
	sc.args[2] = 1;
	expect("wait4 failing prints the pointer", &sc,
	       "wait4(-1, 0x7fffd6c3d30c, WNOHANG, NULL) = -1 ECHILD (No child processes)");

	sc.has_exit = false;
	expect("wait4 at entry", &sc, "wait4(-1,  <unfinished ...>");

	sc = sc64("arch_prctl", 0);
	sc.args[0] = 0x1002;
	sc.args[1] = 0x7f2ea5d09740;
	expect("arch_prctl ARCH_SET_FS", &sc,
	       "arch_prctl(ARCH_SET_FS, 0x7f2ea5d09740) = 0");

	sc = sc64("rseq", 0);
	sc.args[0] = 0x7f2ea5d0a060;
	sc.args[1] = 0x20;
	sc.args[3] = 0x53053053;
	expect("rseq", &sc,
	       "rseq(0x7f2ea5d0a060, 0x20, 0, 0x53053053) = 0");

	sc = sc64("futex", 1);
	sc.args[0] = 0x55e538fd0cc0;
	sc.args[1] = 129;
	sc.args[2] = 1;
	expect("futex FUTEX_WAKE_PRIVATE", &sc,
	       "futex(0x55e538fd0cc0, FUTEX_WAKE_PRIVATE, 1) = 1");

	sc = sc64("futex", 0);
	sc.args[0] = 0x55e538fd0cc0;
	sc.args[1] = 9 | 128 | 256;
	sc.args[5] = 0xffffffff;
	expect("futex wait bitset", &sc,
	       "futex(0x55e538fd0cc0, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, NULL, FUTEX_BITSET_MATCH_ANY) = 0");

	sc = sc64("getpid", 1234);
	expect("getpid", &sc, "getpid()                                = 1234");
	test_proc_results();
}

/*
 * What the calls write that strace prints: waitid's and rt_sigtimedwait's
 * siginfo, rt_sigtimedwait's timeout and signal taken, times()'s struct
 * tms, a WCONTINUED status, prctl(PR_GET_DUMPABLE)'s value, personality
 * and an empty getrandom.
 */
static void test_proc_results(void)
{
	static const uint32_t continued = 0xffff;
	static const int64_t ts[2] = { 0, 1000 };
	static const uint64_t tms[4] = { 0, 4, 0, 0 };
	static const uint8_t usr2 = 1 << 3;	/* [USR2]: bit 12 - 1 */
	uint8_t si[128] = { 0 }, mask[8] = { 0 };
	int32_t v;
	struct kt_syscall sc;

	/* siginfo_t of a child killed: signo, errno, code; pid, uid, status */
	v = 17;
	memcpy(si, &v, 4);
	v = 2;				/* CLD_KILLED */
	memcpy(si + 8, &v, 4);
	v = 5;
	memcpy(si + 16, &v, 4);
	v = 9;
	memcpy(si + 24, &v, 4);
	sc = sc64("waitid", 0);
	sc.args[0] = 1;
	sc.args[1] = 5;
	sc.args[2] = 0x7ffd1000;
	sc.args[3] = 4;
	sc.blob[2] = mem_blob(si, sizeof(si));
	expect("waitid: the siginfo written", &sc,
	       "waitid(P_PID, 5, {si_signo=SIGCHLD, si_code=CLD_KILLED, si_pid=5, si_uid=0, si_status=SIGKILL, si_utime=0, si_stime=0}, WEXITED, NULL) = 0");
	sc.blob[2] = mem_blob(NULL, 0);
	sc.ret = -ECHILD;
	expect("waitid failing: the siginfo's address", &sc,
	       "waitid(P_PID, 5, 0x7ffd1000, WEXITED, NULL) = -1 ECHILD (No child processes)");

	/* SIGUSR2 sent by a process to itself */
	memset(si, 0, sizeof(si));
	v = 12;
	memcpy(si, &v, 4);
	v = 1234;
	memcpy(si + 16, &v, 4);
	mask[1] = usr2;
	sc = sc64("rt_sigtimedwait", 12);
	sc.args[0] = 0x7ffd2000;
	sc.args[1] = 0x7ffd2100;
	sc.args[2] = 0x7ffd2200;
	sc.args[3] = 8;
	sc.blob[0] = mem_blob(mask, 8);
	sc.blob[1] = mem_blob(si, sizeof(si));
	sc.blob[2] = mem_blob(ts, sizeof(ts));
	expect("rt_sigtimedwait: siginfo, timeout, the signal taken", &sc,
	       "rt_sigtimedwait([USR2], {si_signo=SIGUSR2, si_code=SI_USER, si_pid=1234, si_uid=0}, {tv_sec=0, tv_nsec=1000}, 8) = 12 (SIGUSR2)");
	sc.ret = -EAGAIN;
	sc.blob[1] = mem_blob(NULL, 0);
	expect("rt_sigtimedwait timing out: the siginfo's address", &sc,
	       "rt_sigtimedwait([USR2], 0x7ffd2100, {tv_sec=0, tv_nsec=1000}, 8) = -1 EAGAIN (Resource temporarily unavailable)");
	sc.has_exit = false;
	expect("rt_sigtimedwait at entry: the mask", &sc,
	       "rt_sigtimedwait([USR2],  <unfinished ...>");
	sc.args[1] = 0;
	expect("rt_sigtimedwait without a siginfo: all at entry", &sc,
	       "rt_sigtimedwait([USR2], NULL, {tv_sec=0, tv_nsec=1000}, 8 <unfinished ...>");

	sc = sc64("times", 4294967296LL + 1000);
	sc.args[0] = 0x7ffd3000;
	sc.blob[0] = mem_blob(tms, sizeof(tms));
	expect("times: ticks, the seconds of those not 0", &sc,
	       "times({tms_utime=0, tms_stime=4 /* 0.04 s */, tms_cutime=0, tms_cstime=0}) = 4294968296");

	sc = sc64("wait4", 42);
	sc.args[0] = 42;
	sc.args[1] = 0x7ffd4000;
	sc.args[2] = 2 | 8;
	sc.blob[1] = mem_blob(&continued, 4);
	expect("wait4: a continued child", &sc,
	       "wait4(42, [{WIFCONTINUED(s)}], WSTOPPED|WCONTINUED, NULL) = 42");

	sc = sc64("prctl", 1);
	sc.args[0] = 3;
	expect("prctl(PR_GET_DUMPABLE): the value's name", &sc,
	       "prctl(PR_GET_DUMPABLE)                  = 1 (SUID_DUMP_USER)");
	sc.ret = 7;
	expect("prctl(PR_GET_DUMPABLE): a value without a name", &sc,
	       "prctl(PR_GET_DUMPABLE)                  = 7");

	sc = sc64("personality", 0x40000);
	sc.args[0] = 0xffffffff;
	expect("personality query: the one in force", &sc,
	       "personality(0xffffffff)                 = 0x40000 (PER_LINUX|ADDR_NO_RANDOMIZE)");
	sc.ret = 0;
	sc.args[0] = 0x40000;
	expect("personality set: the old one", &sc,
	       "personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	sc.args[0] = 0x8;
	expect("personality PER_LINUX32", &sc,
	       "personality(PER_LINUX32)                = 0 (PER_LINUX)");

	sc = sc64("getrandom", 0);
	sc.args[0] = 0x7ffd5000;
	sc.args[2] = 1;
	expect("getrandom of 0 bytes: an empty string", &sc,
	       "getrandom(\"\", 0, GRND_NONBLOCK)         = 0");
}

/* The ids and groups: -1 for "unchanged", NULL before []. */
static void test_ids(void)
{
	static const uint32_t ids[] = { 0, 4 };
	static const uint16_t ids16[] = { 0, 4 };
	static const uint32_t zero;
	struct kt_syscall sc;

	sc = sc64("setresuid", 0);
	sc.args[0] = 0xffffffff;
	sc.args[2] = 0xffffffff;
	expect("setresuid: -1 for unchanged", &sc,
	       "setresuid(-1, 0, -1)                    = 0");
	sc = sc64("getresuid", 0);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd0004;
	sc.args[2] = 0x7ffd0008;
	sc.blob[0] = mem_blob(&zero, 4);
	sc.blob[1] = mem_blob(&zero, 4);
	sc.blob[2] = mem_blob(&zero, 4);
	expect("getresuid", &sc,
	       "getresuid([0], [0], [0])                = 0");
	sc = sc64("setgroups", 0);
	sc.args[0] = 2;
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = mem_blob(ids, sizeof(ids));
	expect("setgroups", &sc,
	       "setgroups(2, [0, 4])                    = 0");
	sc.args[0] = 0;
	sc.args[1] = 0;
	expect("setgroups(0, NULL)", &sc,
	       "setgroups(0, NULL)                      = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "setgroups", 0);
	sc.args[0] = 2;
	sc.args[1] = 0xffd00000;
	sc.blob[1] = mem_blob(ids16, sizeof(ids16));
	expect("ia32 setgroups: 16-bit ids", &sc,
	       "setgroups(2, [0, 4])                    = 0");
	/* ia32's 16-bit calls: 0xffff is -1; not in fchownat, 32-bit */
	sc = sc_new(KTRACE_CLI_ABI_I386, "setreuid", 0);
	sc.args[0] = 0xffff;
	sc.args[1] = 0xffffffff;
	expect("ia32 setreuid: 0xffff and its 32-bit extension are -1", &sc,
	       "setreuid(-1, -1)                        = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fchown", -9);
	sc.args[0] = 0xffffffff;
	sc.args[1] = 0x10000;
	sc.args[2] = 0xffff;
	expect("ia32 fchown: the low 16 bits, as the kernel takes them", &sc,
	       "fchown(-1, 0, -1)                       = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fchownat", -9);
	sc.args[0] = 5;
	sc.args[1] = 0;
	sc.args[2] = 0xffff;
	sc.args[3] = 0xffffffff;
	expect("ia32 fchownat: 32-bit ids, 0xffff is 65535", &sc,
	       "fchownat(5, NULL, 65535, -1, 0)         = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "getgroups", 2);
	sc.args[0] = 4;
	sc.args[1] = 0xffd00000;
	sc.blob[1] = mem_blob(ids16, sizeof(ids16));
	expect("ia32 getgroups: 16-bit ids", &sc,
	       "getgroups(4, [0, 4])                    = 2");
	sc = sc_new(KTRACE_CLI_ABI_I386, "getgroups32", 2);
	sc.args[0] = 4;
	sc.args[1] = 0xffd00000;
	sc.blob[1] = mem_blob(ids, sizeof(ids));
	expect("ia32 getgroups32: 32-bit ids", &sc,
	       "getgroups32(4, [0, 4])                  = 2");
	sc = sc64("setitimer", -22);
	sc.args[0] = 99;
	expect("setitimer: an unknown timer, the pointer after an error", &sc,
	       "setitimer(0x63 /* ITIMER_??? */, NULL, NULL) = -1 EINVAL (Invalid argument)");
}

static void test_signal(void)
{
	struct kt_syscall sc;
	static const uint64_t act[4] = {
		0x55c7a9819dc0, 0x04000000, 0x7f9ec0f5e050,
		~((1ULL << 31) | (1ULL << 32)),
	};
	static const uint64_t dfl[4] = { 0 };
	static const uint64_t mask = 1ULL << (10 - 1);

	sc = sc64("kill", 0);
	sc.args[0] = 27399;
	sc.args[1] = 10;
	expect("kill with a signal name", &sc,
	       "kill(27399, SIGUSR1)                    = 0");
	sc.args[1] = 0;
	expect("kill with signal 0", &sc,
	       "kill(27399, 0)                          = 0");

	sc = sc64("rt_sigaction", 0);
	sc.args[0] = 17;
	sc.args[1] = 1;
	sc.args[3] = 8;
	sc.blob[1] = mem_blob(act, sizeof(act));
	expect("rt_sigaction", &sc,
	       "rt_sigaction(SIGCHLD, {sa_handler=0x55c7a9819dc0, sa_mask=~[RTMIN RT_1], sa_flags=SA_RESTORER, sa_restorer=0x7f9ec0f5e050}, NULL, 8) = 0");

	sc = sc64("rt_sigaction", 0);
	sc.args[0] = 2;
	sc.args[2] = 1;
	sc.args[3] = 8;
	sc.blob[2] = mem_blob(dfl, sizeof(dfl));
	expect("rt_sigaction old action", &sc,
	       "rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}, 8) = 0");

	sc = sc64("rt_sigprocmask", 0);
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[3] = 8;
	sc.blob[1] = mem_blob(&mask, 8);
	sc.blob[2] = mem_blob(dfl, 8);
	expect("rt_sigprocmask", &sc,
	       "rt_sigprocmask(SIG_BLOCK, [USR1], [], 8) = 0");
	sc.args[3] = 16;
	sc.blob[1] = mem_blob(dfl, 16);
	sc.blob[2] = mem_blob(dfl, 16);
	expect("rt_sigprocmask: a size above 8, the pointers as strace", &sc,
	       "rt_sigprocmask(SIG_BLOCK, 0x1, 0x2, 16) = 0");

	sc = sc64("signalfd4", 3);
	sc.args[0] = -1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 8;
	sc.args[3] = 02004000;
	sc.blob[1] = mem_blob(&mask, 8);
	expect("signalfd4 and its mask", &sc,
	       "signalfd4(-1, [USR1], 8, SFD_CLOEXEC|SFD_NONBLOCK) = 3");
}

static void test_addr_lengths(void);

/*
 * Socket options by level and their values as strace prints them, and
 * the netlink and AF_PACKET addresses and protocols.
 */
static void test_sockopts(void)
{
	static const int32_t one = 1, len4 = 4, len8 = 8, len12 = 12;
	static const int32_t len16 = 16, len6 = 6, two = 2, refused = 111;
	static const int32_t linger[2] = { 1, 0 };
	static const int32_t ucred[3] = { 5619, 0, 0 };
	static const uint8_t tv[16] = { 1 };
	static const uint8_t nl[12] = { 16, 0, 0, 0, 0x39, 0x98, 0x02, 0xf3 };
	static const uint8_t ll[20] = {
		17, 0, 0, 3, 0, 0, 0, 0, 4, 3, 0, 6, 0, 0, 0, 0, 0, 0x1a,
	};
	struct kt_syscall sc;

	sc = sc64("setsockopt", 0);
	sc.args[0] = 3;
	sc.args[1] = 270;
	sc.args[2] = 11;
	sc.args[3] = 0x7ffd0000;
	sc.args[4] = 4;
	sc.blob[3] = mem_blob(&one, 4);
	expect("setsockopt NETLINK_EXT_ACK", &sc,
	       "setsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], 4) = 0");
	sc.args[2] = 12;
	expect("setsockopt NETLINK_GET_STRICT_CHK", &sc,
	       "setsockopt(3, SOL_NETLINK, NETLINK_GET_STRICT_CHK, [1], 4) = 0");
	sc.args[1] = 0;
	sc.args[2] = 11;
	expect("setsockopt IP_RECVERR", &sc,
	       "setsockopt(3, SOL_IP, IP_RECVERR, [1], 4) = 0");
	sc.args[1] = 41;
	sc.args[2] = 26;
	expect("setsockopt IPV6_V6ONLY", &sc,
	       "setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4) = 0");
	sc.args[1] = 999;
	sc.args[2] = 7;
	expect("setsockopt of a level without a name", &sc,
	       "setsockopt(3, 0x3e7 /* SOL_?? */, 7, [1], 4) = 0");

	sc.args[1] = 1;
	sc.args[2] = 13;
	sc.args[4] = 8;
	sc.blob[3] = mem_blob(linger, 8);
	expect("setsockopt SO_LINGER", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, 8) = 0");
	sc.args[4] = 4;
	expect("setsockopt SO_LINGER short", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_LINGER, 0x7ffd0000, 4) = 0");

	sc.args[2] = 20;
	sc.args[4] = 16;
	sc.blob[3] = mem_blob(tv, 16);
	expect("setsockopt SO_RCVTIMEO_OLD", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_RCVTIMEO_OLD, \"\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", 16) = 0");

	sc = sc64("getsockopt", 0);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 17;
	sc.args[3] = 0x7ffd0000;
	sc.args[4] = 0x7ffd0010;
	sc.enter_blob[4] = mem_blob(&len12, 4);
	sc.blob[4] = mem_blob(&len12, 4);
	sc.blob[3] = mem_blob(ucred, 12);
	expect("getsockopt SO_PEERCRED", &sc,
	       "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=5619, uid=0, gid=0}, [12]) = 0");
	sc.blob[4] = mem_blob(&len6, 4);
	sc.blob[3] = mem_blob(ucred, 6);
	expect("getsockopt SO_PEERCRED cut", &sc,
	       "getsockopt(3, SOL_SOCKET, SO_PEERCRED, {pid=5619, uid=\"\\x00\\x00\"}, [12 => 6]) = 0");

	sc.args[2] = 13;
	sc.enter_blob[4] = mem_blob(&len8, 4);
	sc.blob[4] = mem_blob(&len8, 4);
	sc.blob[3] = mem_blob(linger, 8);
	expect("getsockopt SO_LINGER", &sc,
	       "getsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=0}, [8]) = 0");

	sc.args[2] = 3;
	sc.enter_blob[4] = mem_blob(&len16, 4);
	sc.blob[4] = mem_blob(&len4, 4);
	sc.blob[3] = mem_blob(&two, 4);
	expect("getsockopt SO_TYPE shortened", &sc,
	       "getsockopt(3, SOL_SOCKET, SO_TYPE, [2], [16 => 4]) = 0");

	sc.args[2] = 4;
	sc.enter_blob[4] = mem_blob(&len4, 4);
	sc.blob[3] = mem_blob(&refused, 4);
	expect("getsockopt SO_ERROR", &sc,
	       "getsockopt(3, SOL_SOCKET, SO_ERROR, [ECONNREFUSED], [4]) = 0");

	sc.args[1] = 270;
	sc.args[2] = 11;
	sc.blob[3] = mem_blob(&one, 4);
	expect("getsockopt NETLINK_EXT_ACK", &sc,
	       "getsockopt(3, SOL_NETLINK, NETLINK_EXT_ACK, [1], [4]) = 0");

	sc = sc64("getsockopt", -ENOPROTOOPT);
	sc.args[0] = 3;
	sc.args[1] = 0;
	sc.args[2] = 2;
	sc.args[3] = 0x7ffd0000;
	sc.args[4] = 0x7ffd0010;
	sc.enter_blob[4] = mem_blob(&len4, 4);
	expect("getsockopt IP_TTL refused", &sc,
	       "getsockopt(3, SOL_IP, IP_TTL, 0x7ffd0000, [4]) = -1 ENOPROTOOPT (Protocol not available)");

	sc = sc64("socket", 3);
	sc.args[0] = 17;
	sc.args[1] = 2;
	expect("socket AF_PACKET protocol 0", &sc,
	       "socket(AF_PACKET, SOCK_DGRAM, htons(0 /* ETH_P_??? */)) = 3");
	sc.args[1] = 3;
	sc.args[2] = 0x300;
	expect("socket AF_PACKET ETH_P_ALL", &sc,
	       "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 3");

	sc = sc64("bind", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 12;
	sc.blob[1] = mem_blob(nl, sizeof(nl));
	expect("bind AF_NETLINK negative nl_pid", &sc,
	       "bind(3, {sa_family=AF_NETLINK, nl_pid=-217933767, nl_groups=00000000}, 12) = 0");
	sc.args[2] = 20;
	sc.blob[1] = mem_blob(ll, sizeof(ll));
	expect("bind AF_PACKET", &sc,
	       "bind(3, {sa_family=AF_PACKET, sll_protocol=htons(ETH_P_ALL), sll_ifindex=0, sll_hatype=ARPHRD_LOOPBACK, sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[0, 0, 0, 0, 0, 0x1a]}, 20) = 0");
}

static void test_net(void)
{
	static const uint8_t sin[16] = { 2, 0, 0, 9, 127, 0, 0, 1 };
	static const uint8_t sun[16] = { 1, 0, '/', 'r', 'u', 'n', '/', 'n',
					 'o', 'n', 'e', 'x', 'i', 's', 't' };
	static const uint8_t abst[11] = { 1, 0, 0, 'a', 'b', 's', 't', 'r',
					  'a', 'c', 't' };
	static const uint8_t sin6[28] = { 10, 0, 0, 80, [23] = 1 };
	static const int32_t one = 1;
	struct kt_syscall sc;

	sc = sc64("socket", 3);
	sc.args[0] = 2;
	sc.args[1] = 1 | 02000000;
	expect("socket AF_INET", &sc,
	       "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_IP) = 3");

	sc = sc64("socket", 4);
	sc.args[0] = 1;
	sc.args[1] = 2 | 02000000;
	expect("socket AF_UNIX", &sc,
	       "socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC, 0) = 4");

	sc = sc64("connect", -ECONNREFUSED);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 16;
	sc.blob[1] = mem_blob(sin, sizeof(sin));
	expect("connect AF_INET", &sc,
	       "connect(3, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 ECONNREFUSED (Connection refused)");

	sc = sc64("connect", -ENOENT);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 16;
	sc.blob[1] = mem_blob(sun, sizeof(sun));
	expect("connect AF_UNIX", &sc,
	       "connect(4, {sa_family=AF_UNIX, sun_path=\"/run/nonexist\"}, 16) = -1 ENOENT (No such file or directory)");

	sc.args[2] = 11;
	sc.ret = -ECONNREFUSED;
	sc.blob[1] = mem_blob(abst, sizeof(abst));
	expect("connect abstract AF_UNIX", &sc,
	       "connect(4, {sa_family=AF_UNIX, sun_path=@\"abstract\"}, 11) = -1 ECONNREFUSED (Connection refused)");

	sc.args[0] = 5;
	sc.args[2] = 28;
	sc.blob[1] = mem_blob(sin6, sizeof(sin6));
	expect("connect AF_INET6", &sc,
	       "connect(5, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = -1 ECONNREFUSED (Connection refused)");

	sc = sc64("setsockopt", 0);
	sc.args[0] = 5;
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[3] = 0x7ffd0000;
	sc.args[4] = 4;
	sc.blob[3] = mem_blob(&one, 4);
	expect("setsockopt SO_REUSEADDR", &sc,
	       "setsockopt(5, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");

	sc = sc64("sendto", 3);
	sc.args[0] = 6;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 3;
	sc.blob[1] = mem_blob("hi\n", 3);
	expect("sendto", &sc,
	       "sendto(6, \"hi\\n\", 3, 0, NULL, 0)        = 3");

	sc = sc64("recvfrom", 3);
	sc.args[0] = 7;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 10;
	sc.args[3] = 0x40;
	sc.blob[1] = mem_blob("hi\n", 3);
	expect("recvfrom MSG_DONTWAIT", &sc,
	       "recvfrom(7, \"hi\\n\", 10, MSG_DONTWAIT, NULL, NULL) = 3");

	/* MSG_TRUNC: the datagram's length, the buffer's bytes only. */
	sc = sc64("recvfrom", 2);
	sc.args[0] = 7;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.args[3] = 0x20;
	sc.blob[1] = mem_blob("A", 1);
	expect("recvfrom MSG_TRUNC", &sc,
	       "recvfrom(7, \"A\", 1, MSG_TRUNC, NULL, NULL) = 2");
	test_addr_lengths();
	test_netlink();
	test_netlink_route();
	test_netlink_rtmsg();
	test_sockopts();
}

static const char *test_pid_comm(void *ctx, int pid, bool result);

/* The scheduler's structures, a queued siginfo, remote iovecs (-Y on). */
static void test_sched_structs(void)
{
	static const int32_t prio[1];
	static const uint8_t mask[128] = { 0x5 };
	static const uint32_t attr[14] = { 56 };
	static const int32_t si[32] = {
		10, 0, -1, 0, 112, 1000, 42, 0,		/* SI_QUEUE */
	};
	static const uint64_t iov[2] = { 0x7ffd3000, 4 };
	struct kt_syscall sc;

	sc = sc64("sched_getparam", 0);
	sc.args[0] = 112;
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = mem_blob(prio, 4);
	expect("sched_getparam: [0]", &sc,
	       "sched_getparam(112<pids>, [0])          = 0");
	sc = sc64("sched_setaffinity", 0);
	sc.args[0] = 112;
	sc.args[1] = 128;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(mask, sizeof(mask));
	expect("sched_setaffinity: the CPUs of the mask", &sc,
	       "sched_setaffinity(112<pids>, 128, [0 2]) = 0");
	sc.args[1] = 256;
	expect("sched_setaffinity: beyond 128 bytes, \"...\"", &sc,
	       "sched_setaffinity(112<pids>, 256, [0 2 ...]) = 0");
	sc = sc64("sched_setattr", 0);
	sc.args[0] = 112;
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = mem_blob(attr, sizeof(attr));
	expect("sched_setattr: a struct sched_attr of 56 bytes", &sc,
	       "sched_setattr(112<pids>, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=0, sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 0) = 0");
	sc = sc64("rt_sigqueueinfo", 0);
	sc.args[0] = 112;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(si, sizeof(si));
	expect("rt_sigqueueinfo: SI_QUEUE, the sender named, the value", &sc,
	       "rt_sigqueueinfo(112<pids>, 0, {si_signo=SIGUSR1, si_code=SI_QUEUE, si_pid=112<pids>, si_uid=1000, si_int=42, si_ptr=0x2a}) = 0");
	sc = sc64("process_vm_readv", -14);
	sc.args[0] = 112;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.args[3] = 0x7ffd1000;
	sc.args[4] = 1;
	sc.blob[1] = mem_blob(iov, sizeof(iov));
	sc.blob[3] = mem_blob(iov, sizeof(iov));
	expect("process_vm_readv: EFAULT, the local and remote iovecs' addresses", &sc,
	       "process_vm_readv(112<pids>, [{iov_base=0x7ffd3000, iov_len=4}], 1, [{iov_base=0x7ffd3000, iov_len=4}], 1, 0) = -1 EFAULT (Bad address)");
}

/*
 * recvfrom's and getsockname's address lengths: the length given (the
 * enter's copy) and the one written, as strace prints them.
 */
static void test_addr_lengths(void)
{
	static const uint8_t sin[16] = { 2, 0, 0x27, 0x0f, 127, 0, 0, 1 };
	static const int32_t given = 128, written = 16, eight = 8;
	struct kt_syscall sc;

	sc = sc64("recvfrom", 3);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 64;
	sc.args[4] = 0x7ffd1000;
	sc.args[5] = 0x7ffd2000;
	sc.blob[1] = mem_blob("one", 3);
	sc.blob[4] = mem_blob(sin, sizeof(sin));
	sc.enter_blob[5] = mem_blob(&given, 4);
	sc.blob[5] = mem_blob(&written, 4);
	expect("recvfrom: the length given and written, [128 => 16]", &sc,
	       "recvfrom(3, \"one\", 64, 0, {sa_family=AF_INET, sin_port=htons(9999), sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 3");
	sc.enter_blob[5] = mem_blob(&written, 4);
	expect("recvfrom: the length unchanged, [16]", &sc,
	       "recvfrom(3, \"one\", 64, 0, {sa_family=AF_INET, sin_port=htons(9999), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 3");
	sc.enter_blob[5] = mem_blob(&eight, 4);
	expect("recvfrom: an address cut at the length given, raw", &sc,
	       "recvfrom(3, \"one\", 64, 0, {sa_family=AF_INET, sa_data=\"'\\17\\177\\0\\0\\1\"}, [8 => 16]) = 3");
	sc.ret = -11;
	sc.blob[1] = (struct kt_blob){ 0 };
	sc.blob[4] = (struct kt_blob){ 0 };
	sc.enter_blob[5] = mem_blob(&given, 4);
	sc.blob[5] = sc.enter_blob[5];
	expect("recvfrom: after an error, the address's pointer and [128]", &sc,
	       "recvfrom(3, 0x7ffd0000, 64, 0, 0x7ffd1000, [128]) = -1 EAGAIN (Resource temporarily unavailable)");
	sc = sc64("getpeername", -107);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 0x7ffd2000;
	sc.enter_blob[2] = mem_blob(&given, 4);
	sc.blob[2] = sc.enter_blob[2];
	expect("getpeername: ENOTCONN, the length given", &sc,
	       "getpeername(3, 0x7ffd1000, [128])       = -1 ENOTCONN (Transport endpoint is not connected)");
}

static void test_more(void)
{
	static const uint8_t dents[48] = { [16] = 24, [24 + 16] = 24 };
	static const uint64_t ss_new[3] = { 0x56489baf1e30, 0, 16880 };
	static const uint64_t ss_old[3] = { 0, 2, 0 };
	static const int64_t ts[2] = { 2119, 222781763 };
	static const int64_t ts2[2] = { 1, 5 };
	static const uint64_t sigusr1 = 1ULL << (10 - 1);
	static const int32_t pfd[2] = { 3, 0x00010001 };
	static const uint8_t ev[12] = { 1, 0, 0, 0, 3 };
	static const uint64_t rlim[2] = { 8192 * 1024, UINT64_MAX };
	static const uint64_t nofile[2] = { 1024, 4096 };
	static const uint8_t rnd[8] = { 0x95, 0x4d, 0x0e, 0xe7, 0xad, 0x21,
					0xe5, 0x43 };
	static char uts[6 * 65] = "Linux";
	static const uint64_t cl3[11] = {
		0x3d0f00, 0, 0x7f98bcd2e990, 0x7f98bcd2e990, 0, 0x7f98bc52e000,
		0x7fff80, 0x7f98bcd2e6c0,
	};
	static const int32_t fds[2] = { 6, 7 };
	static const int64_t off = 4096;
	static uint8_t st[144];
	uint32_t mode = 0100644;
	int64_t size = 43831;
	struct kt_syscall sc;

	sc = sc64("getdents64", 48);
	sc.args[0] = 3;
	sc.args[1] = 0x56489baf1e60;
	sc.args[2] = 32768;
	sc.blob[1] = mem_blob(dents, sizeof(dents));
	expect("getdents64 counts the entries", &sc,
	       "getdents64(3, 0x56489baf1e60 /* 2 entries */, 32768) = 48");
	sc.ret = 0;
	expect("getdents64 at the end", &sc,
	       "getdents64(3, 0x56489baf1e60 /* 0 entries */, 32768) = 0");

	sc = sc64("sigaltstack", 0);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.blob[0] = mem_blob(ss_new, 24);
	sc.blob[1] = mem_blob(ss_old, 24);
	expect("sigaltstack", &sc,
	       "sigaltstack({ss_sp=0x56489baf1e30, ss_flags=0, ss_size=16880}, {ss_sp=NULL, ss_flags=SS_DISABLE, ss_size=0}) = 0");

	sc = sc64("clock_nanosleep", 0);
	sc.args[0] = 1;
	sc.args[1] = 1;
	sc.args[2] = 1;
	sc.blob[2] = mem_blob(ts, 16);
	expect("clock_nanosleep", &sc,
	       "clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=2119, tv_nsec=222781763}, NULL) = 0");

	sc = sc64("clock_gettime", 0);
	sc.args[0] = 1;
	sc.args[1] = 1;
	sc.blob[1] = mem_blob(ts, 16);
	expect("clock_gettime", &sc,
	       "clock_gettime(CLOCK_MONOTONIC, {tv_sec=2119, tv_nsec=222781763}) = 0");

	sc = sc64("poll", 1);
	sc.args[0] = 1;
	sc.args[1] = 1;
	sc.args[2] = 100;
	sc.blob[0] = mem_blob(pfd, 8);
	expect("poll and its revents", &sc,
	       "poll([{fd=3, events=POLLIN}], 1, 100)   = 1 ([{fd=3, revents=POLLIN}])");
	sc.ret = 0;
	expect("poll timing out", &sc,
	       "poll([{fd=3, events=POLLIN}], 1, 100)   = 0 (Timeout)");

	sc = sc64("ppoll", 1);
	sc.args[0] = 1;
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[4] = 8;
	sc.blob[0] = mem_blob(pfd, 8);
	sc.enter_blob[2] = mem_blob(ts, 16);
	sc.blob[2] = mem_blob(ts2, 16);
	expect("ppoll: the timeout given, the time left", &sc,
	       "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=2119, tv_nsec=222781763}, NULL, 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=1, tv_nsec=5})");
	sc.args[3] = 0x7ffd0300;
	sc.blob[3] = mem_blob(&sigusr1, 8);
	expect("ppoll: the signal mask", &sc,
	       "ppoll([{fd=3, events=POLLIN}], 1, {tv_sec=2119, tv_nsec=222781763}, [USR1], 8) = 1 ([{fd=3, revents=POLLIN}], left {tv_sec=1, tv_nsec=5})");

	sc = sc64("epoll_ctl", 0);
	sc.args[0] = 5;
	sc.args[1] = 1;
	sc.args[2] = 3;
	sc.args[3] = 1;
	sc.blob[3] = mem_blob(ev, 12);
	expect("epoll_ctl", &sc,
	       "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN, data={u32=3, u64=3}}) = 0");

	sc = sc64("epoll_wait", 1);
	sc.args[0] = 5;
	sc.args[1] = 1;
	sc.args[2] = 1023;
	sc.args[3] = 100;
	sc.blob[1] = mem_blob(ev, 12);
	expect("epoll_wait", &sc,
	       "epoll_wait(5, [{events=EPOLLIN, data={u32=3, u64=3}}], 1023, 100) = 1");

	sc = sc64("prlimit64", 0);
	sc.args[1] = 3;
	sc.args[3] = 1;
	sc.blob[3] = mem_blob(rlim, 16);
	expect("prlimit64", &sc,
	       "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");

	sc = sc64("prctl", 1);
	sc.args[0] = 23;
	sc.args[1] = 32;
	expect("prctl PR_CAPBSET_READ: the capability by name", &sc,
	       "prctl(PR_CAPBSET_READ, CAP_MAC_OVERRIDE) = 1");
	sc = sc64("prctl", -EINVAL);
	sc.args[0] = 23;
	sc.args[1] = 48;
	expect("prctl PR_CAPBSET_READ: a capability without a name", &sc,
	       "prctl(PR_CAPBSET_READ, 0x30 /* CAP_??? */) = -1 EINVAL (Invalid argument)");
	sc = sc64("prctl", 0);
	sc.args[0] = 47;
	sc.args[1] = 1;
	sc.args[2] = 21;
	expect("prctl PR_CAP_AMBIENT: the operation, the capability", &sc,
	       "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_SYS_ADMIN, 0, 0) = 0");

	sc = sc64("prlimit64", 0);
	sc.args[1] = 7;
	sc.args[3] = 1;
	sc.blob[3] = mem_blob(nofile, 16);
	expect("prlimit64: 1024 as it is, 4096 as 4*1024", &sc,
	       "prlimit64(0, RLIMIT_NOFILE, NULL, {rlim_cur=1024, rlim_max=4*1024}) = 0");

	sc = sc64("sched_get_priority_max", 99);
	sc.args[0] = 1;
	expect("sched_get_priority_max: the policy by name", &sc,
	       "sched_get_priority_max(SCHED_FIFO)      = 99");

	{
		uint8_t sev[64] = { 0 };
		int32_t id = 0;
		int64_t its[4] = { 0, 0, 1, 500 };

		sev[8] = 14;		/* SIGALRM, SIGEV_SIGNAL */
		sc = sc64("timer_create", 0);
		sc.args[1] = 0x7ffd0000;
		sc.args[2] = 0x7ffd1000;
		sc.blob[1] = mem_blob(sev, 64);
		sc.blob[2] = mem_blob(&id, 4);
		expect("timer_create: the sigevent, the timer's id", &sc,
		       "timer_create(CLOCK_REALTIME, {sigev_signo=SIGALRM, sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
		sev[0] = 0x10;		/* a value; SIGEV_THREAD_ID 77 */
		sev[12] = 4;
		sev[16] = 77;
		sc.args[0] = 1;
		expect("timer_create: a value, SIGEV_THREAD_ID", &sc,
		       "timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=16, sival_ptr=0x10}, sigev_signo=SIGALRM, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=77}, [0]) = 0");

		sc = sc64("timer_settime", 0);
		sc.args[2] = 0x7ffd0000;
		sc.blob[2] = mem_blob(its, 32);
		expect("timer_settime: struct itimerspec, no old value", &sc,
		       "timer_settime(0, 0, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=500}}, NULL) = 0");

		sc = sc64("timerfd_create", 3);
		sc.args[0] = 1;
		sc.args[1] = 02004000;
		expect("timerfd_create: the clock, flags in strace's order", &sc,
		       "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3");
		sc = sc64("timerfd_settime", 0);
		sc.args[0] = 3;
		sc.args[1] = 1;
		sc.args[2] = 0x7ffd0000;
		sc.args[3] = 0x7ffd1000;
		sc.blob[2] = mem_blob(its, 32);
		sc.blob[3] = mem_blob(its, 32);
		expect("timerfd_settime: the new value and the old", &sc,
		       "timerfd_settime(3, TFD_TIMER_ABSTIME, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=500}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=500}}) = 0");
		sc = sc64("timerfd_gettime", 0);
		sc.args[0] = 3;
		sc.args[1] = 0x7ffd0000;
		sc.blob[1] = mem_blob(its, 32);
		expect("timerfd_gettime: the value at the exit", &sc,
		       "timerfd_gettime(3, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=500}}) = 0");
		sc = sc64("eventfd2", 4);
		sc.args[1] = 02004001;
		expect("eventfd2: flags in strace's order", &sc,
		       "eventfd2(0, EFD_SEMAPHORE|EFD_CLOEXEC|EFD_NONBLOCK) = 4");
	}

	sc = sc64("getrandom", 8);
	sc.args[0] = 1;
	sc.args[1] = 8;
	sc.args[2] = 1;
	sc.blob[0] = mem_blob(rnd, 8);
	expect("getrandom prints hex", &sc,
	       "getrandom(\"\\x95\\x4d\\x0e\\xe7\\xad\\x21\\xe5\\x43\", 8, GRND_NONBLOCK) = 8");

	sc = sc64("syslog", 44);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 16384;
	sc.blob[1] = mem_blob("<6>[    0.288238] x86/fpu: Enabled\n", 35);
	expect("syslog READ_ALL: the action in a comment, the log read", &sc,
	       "syslog(3 /* SYSLOG_ACTION_READ_ALL */, \"<6>[    0.288238] x86/fpu: Enabl\"..., 16384) = 44");
	sc.has_exit = false;
	expect("syslog READ_ALL, unfinished: the action only", &sc,
	       "syslog(3 /* SYSLOG_ACTION_READ_ALL */,  <unfinished ...>");

	sc = sc64("syslog", 16384);
	sc.args[0] = 10;
	expect("syslog SIZE_BUFFER: the action only", &sc,
	       "syslog(10 /* SYSLOG_ACTION_SIZE_BUFFER */) = 16384");

	sc = sc64("syslog", 0);
	sc.args[0] = 8;
	sc.args[2] = 4;
	expect("syslog CONSOLE_LEVEL: the level", &sc,
	       "syslog(8 /* SYSLOG_ACTION_CONSOLE_LEVEL */, NULL, 4 /* LOGLEVEL_WARNING */) = 0");

	sc = sc64("syslog", -EINVAL);
	sc.args[0] = 42;
	sc.args[1] = 0x1000;
	sc.args[2] = 7;
	expect("syslog, an unknown action", &sc,
	       "syslog(42 /* SYSLOG_ACTION_??? */, 0x1000, 7) = -1 EINVAL (Invalid argument)");

	memcpy(uts + 65, "vm", 3);
	sc = sc64("uname", 0);
	sc.args[0] = 1;
	sc.blob[0] = mem_blob(uts, sizeof(uts));
	expect("uname", &sc,
	       "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");

	sc = sc64("clone3", 27440);
	sc.args[0] = 1;
	sc.args[1] = 88;
	sc.blob[0] = mem_blob(cl3, 88);
	expect("clone3", &sc,
	       "clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID, child_tid=0x7f98bcd2e990, parent_tid=0x7f98bcd2e990, exit_signal=0, stack=0x7f98bc52e000, stack_size=0x7fff80, tls=0x7f98bcd2e6c0} => {parent_tid=[27440]}, 88) = 27440");

	sc = sc64("socketpair", 0);
	sc.args[0] = 1;
	sc.args[1] = 1 | 02000000;
	sc.args[3] = 1;
	sc.blob[3] = mem_blob(fds, 8);
	expect("socketpair", &sc,
	       "socketpair(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0, [6, 7]) = 0");

	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	sc = sc64("newfstatat", 0);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[3] = 0x1000;
	sc.blob[1] = str_blob("");
	sc.blob[2] = mem_blob(st, sizeof(st));
	expect("newfstatat with the struct", &sc,
	       "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=43831, ...}, AT_EMPTY_PATH) = 0");

	sc = sc_new(KTRACE_CLI_ABI_I386, "_llseek", 0);
	sc.args[0] = 3;
	sc.args[2] = 4096;
	sc.args[3] = 0xffd00000;
	sc.blob[3] = mem_blob(&off, 8);
	expect("i386 _llseek", &sc,
	       "_llseek(3, 4096, [4096], SEEK_SET)      = 0");

	sc = sc_new(KTRACE_CLI_ABI_I386, "openat", -ENOENT);
	sc.args[0] = 0xffffff9c;
	sc.args[1] = 0xffd00000;
	sc.args[2] = 0100000;
	sc.blob[1] = str_blob("/x");
	expect("i386 openat: AT_FDCWD from 32 bits, O_LARGEFILE", &sc,
	       "openat(AT_FDCWD, \"/x\", O_RDONLY|O_LARGEFILE) = -1 ENOENT (No such file or directory)");
}

/* keyctl's common commands, add_key and request_key as strace 6.1 prints them */
/*
 * Calls that had no decoder of their own; every expected line is strace
 * 6.1's for the same memory (the ia32 offset, settimeofday's zone,
 * reboot's RESTART2 and the huge page size from strace's source).
 */
static void test_oddcalls(void)
{
	static const struct {
		struct ktrace_iov_seg s;
		char data[6];
	} wv = { { 0x7ffd1000, 6, 6, 0 }, "abcdef" };
	static const uint64_t rv_addr[2] = { 0x7ffd1000, 8 };
	static const int64_t tv[4] = { 1, 2, 3, 4 };
	static const int32_t tv32[4] = { 1, 2, 3, 4 };
	static const int64_t ub[2] = { 5, 6 };
	static const int64_t bad_tv[2] = { 0, 2000000 };
	static const int32_t tz[2] = { -60, 0 };
	static const uint32_t cpu_node[2] = { 1, 0 };
	static const uint64_t ruleset[1] = { 6 };
	static const uint8_t beneath[12] = { 4, 0, 0, 0, 0, 0, 0, 0,
					     3, 0, 0, 0 };
	static const uint64_t waiter[3] = { 1, 0x7ffd2000, 2 | 7ULL << 32 };
	static const uint64_t segs[8] = { 0x1000, 16, 0x1000000, 4096,
					  0, 0, 0x2000000, 8192 };
	static const uint64_t size64 = 8388608, minus1 = (uint64_t)-1;
	static const uint64_t range[2] = { 4096, 8192 };
	static const uint64_t trim[3] = { 0, (uint64_t)-1, 0 };
	static const uint32_t int512 = 512, zero4, ushort1 = 1;
	static const uint32_t fsflags = 0x20 | 0x80 | 0x80000 | 0x4000000;
	static const uint32_t fsunknown = 0x1000000;
	static const uint32_t fsx[7] = { 0x10 | 0x40, 4096, 2, 42, 0, 0, 0 };
	struct kt_syscall sc;

	sc = sc64("pwritev2", 6);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.args[5] = 2;
	sc.blob[1] = mem_blob(&wv, sizeof(wv));
	expect("pwritev2: the buffers, the offset and RWF_* flags", &sc,
	       "pwritev2(3, [{iov_base=\"abcdef\", iov_len=6}], 1, 0, RWF_DSYNC) = 6");
	sc.args[3] = 2;
	sc.args[5] = 0x100;
	expect("pwritev2: a flag strace has no name for", &sc,
	       "pwritev2(3, [{iov_base=\"abcdef\", iov_len=6}], 1, 2, 0x100 /* RWF_??? */) = 6");
	sc = sc64("preadv2", 6);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.args[3] = (uint64_t)-1;
	sc.args[5] = 9;
	sc.blob[1] = mem_blob(&wv, sizeof(wv));
	expect("preadv2 at the file's position, two flags", &sc,
	       "preadv2(3, [{iov_base=\"abcdef\", iov_len=6}], 1, -1, RWF_HIPRI|RWF_NOWAIT) = 6");
	sc.ret = -95;
	sc.blob[1] = mem_blob(rv_addr, sizeof(rv_addr));
	expect("preadv2 failing: where it would have read", &sc,
	       "preadv2(3, [{iov_base=0x7ffd1000, iov_len=8}], 1, -1, RWF_HIPRI|RWF_NOWAIT) = -1 EOPNOTSUPP (Operation not supported)");
	sc = sc64("readv", -9);
	sc.args[0] = (uint64_t)-1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.blob[1] = mem_blob(rv_addr, sizeof(rv_addr));
	expect("readv failing: its vector's addresses", &sc,
	       "readv(-1, [{iov_base=0x7ffd1000, iov_len=8}], 1) = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "pwritev2", 6);
	sc.args[0] = 3;
	sc.args[1] = 0xffd00000;
	sc.args[2] = 1;
	sc.args[3] = 0x1000;
	sc.args[4] = 1;
	sc.args[5] = 1;
	sc.blob[1] = mem_blob(&wv, sizeof(wv));
	expect("i386 pwritev2: the offset's two halves", &sc,
	       "pwritev2(3, [{iov_base=\"abcdef\", iov_len=6}], 1, 4294971392, RWF_HIPRI) = 6");

	sc = sc64("utime", 0);
	sc.args[1] = 0x7ffd0000;
	sc.args[0] = 0x5000;
	sc.blob[0] = str_blob("oddcalls.tmp");
	sc.blob[1] = mem_blob(ub, sizeof(ub));
	expect("utime: struct utimbuf, each time's date", &sc,
	       "utime(\"oddcalls.tmp\", {actime=5 /* 1970-01-01T00:00:05+0000 */, modtime=6 /* 1970-01-01T00:00:06+0000 */}) = 0");
	sc.args[1] = 0;
	sc.blob[1] = mem_blob(NULL, 0);
	expect("utime: NULL", &sc,
	       "utime(\"oddcalls.tmp\", NULL)             = 0");
	sc = sc64("utimes", 0);
	sc.args[1] = 0x7ffd0000;
	sc.args[0] = 0x5000;
	sc.blob[0] = str_blob("oddcalls.tmp");
	sc.blob[1] = mem_blob(tv, sizeof(tv));
	expect("utimes: two timevals, dates to the microsecond", &sc,
	       "utimes(\"oddcalls.tmp\", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, {tv_sec=3, tv_usec=4} /* 1970-01-01T00:00:03.000004+0000 */]) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "utimes", 0);
	sc.args[1] = 0xffd00000;
	sc.args[0] = 0x5000;
	sc.blob[0] = str_blob("oddcalls.tmp");
	sc.blob[1] = mem_blob(tv32, sizeof(tv32));
	expect("i386 utimes: 32-bit timevals", &sc,
	       "utimes(\"oddcalls.tmp\", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, {tv_sec=3, tv_usec=4} /* 1970-01-01T00:00:03.000004+0000 */]) = 0");
	sc = sc64("futimesat", 0);
	sc.args[0] = (uint32_t)-100;
	sc.args[2] = 0x7ffd0000;
	sc.args[1] = 0x5000;
	sc.blob[1] = str_blob("oddcalls.tmp");
	sc.blob[2] = mem_blob(tv, sizeof(tv));
	expect("futimesat", &sc,
	       "futimesat(AT_FDCWD, \"oddcalls.tmp\", [{tv_sec=1, tv_usec=2} /* 1970-01-01T00:00:01.000002+0000 */, {tv_sec=3, tv_usec=4} /* 1970-01-01T00:00:03.000004+0000 */]) = 0");
	sc = sc64("futimesat", 0);
	sc.args[0] = 3;
	expect("futimesat of a descriptor", &sc,
	       "futimesat(3, NULL, NULL)                = 0");

	sc = sc64("settimeofday", -22);
	sc.args[0] = 0x7ffd0000;
	sc.blob[0] = mem_blob(bad_tv, sizeof(bad_tv));
	expect("settimeofday: a timeval out of range, no date", &sc,
	       "settimeofday({tv_sec=0, tv_usec=2000000}, NULL) = -1 EINVAL (Invalid argument)");
	sc.args[1] = 0x7ffd1000;
	sc.blob[1] = mem_blob(tz, sizeof(tz));
	expect("settimeofday: struct timezone", &sc,
	       "settimeofday({tv_sec=0, tv_usec=2000000}, {tz_minuteswest=-60, tz_dsttime=0}) = -1 EINVAL (Invalid argument)");

	sc = sc64("getcpu", 0);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd0004;
	sc.blob[0] = mem_blob(&cpu_node[0], 4);
	sc.blob[1] = mem_blob(&cpu_node[1], 4);
	expect("getcpu: the CPU and node, at the exit", &sc,
	       "getcpu([1], [0], NULL)                  = 0");
	sc.ret = -14;
	expect("getcpu failing: the addresses", &sc,
	       "getcpu(0x7ffd0000, 0x7ffd0004, NULL)    = -1 EFAULT (Bad address)");
	sc.has_exit = false;
	expect("getcpu unfinished: nothing before the exit", &sc,
	       "getcpu( <unfinished ...>");

	sc = sc64("setns", -9);
	sc.args[0] = (uint64_t)-1;
	sc.args[1] = 0x40000000;
	expect("setns: the namespace type", &sc,
	       "setns(-1, CLONE_NEWNET)                 = -1 EBADF (Bad file descriptor)");
	sc.args[1] = 0x40020080;
	expect("setns: types of a pidfd, in strace's order", &sc,
	       "setns(-1, CLONE_NEWTIME|CLONE_NEWNS|CLONE_NEWNET) = -1 EBADF (Bad file descriptor)");
	sc = sc64("pivot_root", -2);
	sc.args[0] = 0x5000;
	sc.blob[0] = str_blob("/nonexistent");
	sc.args[1] = 0x5000;
	sc.blob[1] = str_blob("/nonexistent/old");
	expect("pivot_root: two paths", &sc,
	       "pivot_root(\"/nonexistent\", \"/nonexistent/old\") = -1 ENOENT (No such file or directory)");

	sc = sc64("init_module", -8);
	sc.args[2] = 0x5000;
	sc.blob[2] = str_blob("");
	expect("init_module: image, length, parameters", &sc,
	       "init_module(NULL, 0, \"\")                = -1 ENOEXEC (Exec format error)");
	sc = sc64("finit_module", -9);
	sc.args[0] = (uint64_t)-1;
	sc.args[2] = 3;
	sc.args[1] = 0x5000;
	sc.blob[1] = str_blob("");
	expect("finit_module: insmod's call, its flags", &sc,
	       "finit_module(-1, \"\", MODULE_INIT_IGNORE_MODVERSIONS|MODULE_INIT_IGNORE_VERMAGIC) = -1 EBADF (Bad file descriptor)");
	sc.args[2] = 0;
	sc.args[1] = 0x5000;
	sc.blob[1] = str_blob("x=1");
	expect("finit_module: parameters", &sc,
	       "finit_module(-1, \"x=1\", 0)              = -1 EBADF (Bad file descriptor)");

	sc = sc64("reboot", -22);
	expect("reboot: magic numbers strace does not know", &sc,
	       "reboot(0 /* LINUX_REBOOT_MAGIC_??? */, 0 /* LINUX_REBOOT_MAGIC_??? */, LINUX_REBOOT_CMD_CAD_OFF) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0xfee1dead;
	sc.args[1] = 1;
	sc.args[2] = 0x1234;
	expect("reboot: the first magic, an unknown command", &sc,
	       "reboot(LINUX_REBOOT_MAGIC1, 0x1 /* LINUX_REBOOT_MAGIC_??? */, 0x1234 /* LINUX_REBOOT_CMD_??? */) = -1 EINVAL (Invalid argument)");
	sc.ret = -1;
	sc.args[1] = 672274793;
	sc.args[2] = 0xa1b2c3d4;
	sc.args[3] = 0x7ffd0000;
	sc.args[3] = 0x5000;
	sc.blob[3] = str_blob("rescue");
	expect("reboot RESTART2: its command line", &sc,
	       "reboot(LINUX_REBOOT_MAGIC1, LINUX_REBOOT_MAGIC2, LINUX_REBOOT_CMD_RESTART2, \"rescue\") = -1 EPERM (Operation not permitted)");

	sc = sc64("swapon", -2);
	sc.args[1] = 0x18005;
	sc.args[0] = 0x5000;
	sc.blob[0] = str_blob("/nonexistent");
	expect("swapon: the flags, then the priority", &sc,
	       "swapon(\"/nonexistent\", SWAP_FLAG_PREFER|SWAP_FLAG_DISCARD|5) = -1 ENOENT (No such file or directory)");
	sc.args[1] = 0;
	expect("swapon: no flags", &sc,
	       "swapon(\"/nonexistent\", 0)               = -1 ENOENT (No such file or directory)");
	sc.ret = -22;
	sc.args[1] = 0xa0000;
	expect("swapon: a flag strace has no name for", &sc,
	       "swapon(\"/nonexistent\", SWAP_FLAG_DISCARD_ONCE|0x80000|0) = -1 EINVAL (Invalid argument)");
	sc = sc64("swapoff", -2);
	sc.args[0] = 0x5000;
	sc.blob[0] = str_blob("/nonexistent");
	expect("swapoff", &sc,
	       "swapoff(\"/nonexistent\")                 = -1 ENOENT (No such file or directory)");

	sc = sc64("sysfs", 2);
	sc.args[0] = 1;
	sc.args[1] = 0x556ea6683033;
	sc.args[2] = 0xffffffffffffff80;
	expect("sysfs: raw, as strace 6.1 prints it", &sc,
	       "sysfs(0x1, 0x556ea6683033, 0xffffffffffffff80) = 2");

	sc = sc64("pkey_alloc", 1);
	sc.args[1] = 3;
	expect("pkey_alloc: the access rights", &sc,
	       "pkey_alloc(0, PKEY_DISABLE_ACCESS|PKEY_DISABLE_WRITE) = 1");
	sc = sc64("pkey_free", -22);
	sc.args[0] = (uint64_t)-1;
	expect("pkey_free", &sc,
	       "pkey_free(-1)                           = -1 EINVAL (Invalid argument)");

	sc = sc64("process_madvise", -22);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.args[3] = 20;
	sc.blob[1] = mem_blob(rv_addr, sizeof(rv_addr));
	expect("process_madvise: the ranges, the advice", &sc,
	       "process_madvise(4, [{iov_base=0x7ffd1000, iov_len=8}], 1, MADV_COLD, 0) = -1 EINVAL (Invalid argument)");
	sc = sc64("pidfd_getfd", 6);
	sc.args[0] = 4;
	expect("pidfd_getfd: a descriptor", &sc,
	       "pidfd_getfd(4, 0, 0)                    = 6");
	sc = sc64("process_mrelease", -22);
	sc.args[0] = 4;
	expect("process_mrelease", &sc,
	       "process_mrelease(4, 0)                  = -1 EINVAL (Invalid argument)");
	sc = sc64("memfd_secret", -22);
	sc.args[0] = 1;
	expect("memfd_secret: a flag that is not O_CLOEXEC, bare", &sc,
	       "memfd_secret(0x1)                       = -1 EINVAL (Invalid argument)");
	sc.ret = 3;
	sc.args[0] = 02000000;
	expect("memfd_secret: O_CLOEXEC", &sc,
	       "memfd_secret(O_CLOEXEC)                 = 3");

	sc = sc64("landlock_create_ruleset", 7);
	sc.args[2] = 1;
	expect("landlock_create_ruleset: the ABI version, not a descriptor",
	       &sc, "landlock_create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) = 7");
	sc = sc64("landlock_create_ruleset", 5);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 8;
	sc.blob[0] = mem_blob(ruleset, 8);
	expect("landlock_create_ruleset: the access handled", &sc,
	       "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_WRITE_FILE|LANDLOCK_ACCESS_FS_READ_FILE}, 8, 0) = 5");
	sc.args[1] = 16;
	expect("landlock_create_ruleset: a larger attribute", &sc,
	       "landlock_create_ruleset({handled_access_fs=LANDLOCK_ACCESS_FS_WRITE_FILE|LANDLOCK_ACCESS_FS_READ_FILE, ...}, 16, 0) = 5");
	sc = sc64("landlock_add_rule", -9);
	sc.args[0] = (uint64_t)-1;
	sc.args[1] = 1;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(beneath, sizeof(beneath));
	expect("landlock_add_rule: the packed path_beneath attribute", &sc,
	       "landlock_add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, {allowed_access=LANDLOCK_ACCESS_FS_READ_FILE, parent_fd=3}, 0) = -1 EBADF (Bad file descriptor)");
	sc = sc64("landlock_restrict_self", -9);
	sc.args[0] = (uint64_t)-1;
	expect("landlock_restrict_self", &sc,
	       "landlock_restrict_self(-1, 0)           = -1 EBADF (Bad file descriptor)");

	sc = sc64("ioctl", -25);
	sc.args[0] = 3;
	sc.args[1] = 0x80081272;
	sc.args[2] = 0x7ffd0000;
	expect("ioctl BLKGETSIZE64 on a file (mkfs.ext4)", &sc,
	       "ioctl(3, BLKGETSIZE64, 0x7ffd0000)      = -1 ENOTTY (Inappropriate ioctl for device)");
	sc.args[1] = 0x1268;
	expect("ioctl BLKSSZGET on a file", &sc,
	       "ioctl(3, BLKSSZGET, 0x7ffd0000)         = -1 ENOTTY (Inappropriate ioctl for device)");
	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x80081272;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(&size64, 8);
	expect("ioctl BLKGETSIZE64: the size read (blockdev)", &sc,
	       "ioctl(3, BLKGETSIZE64, [8388608])       = 0");
	sc.args[1] = 0x1260;
	expect("ioctl BLKGETSIZE: an unsigned long", &sc,
	       "ioctl(3, BLKGETSIZE, [8388608])         = 0");
	sc.args[1] = 0x1263;
	sc.blob[2] = mem_blob(&minus1, 8);
	expect("ioctl BLKRAGET: a signed long", &sc,
	       "ioctl(3, BLKRAGET, [-1])                = 0");
	sc.args[1] = 0x1268;
	sc.blob[2] = mem_blob(&int512, 4);
	expect("ioctl BLKSSZGET: an int", &sc,
	       "ioctl(3, BLKSSZGET, [512])              = 0");
	sc.args[1] = 0x127e;
	sc.blob[2] = mem_blob(&ushort1, 2);
	expect("ioctl BLKROTATIONAL: an unsigned short", &sc,
	       "ioctl(3, BLKROTATIONAL, [1])            = 0");
	sc.args[1] = 0x127b;
	sc.blob[2] = mem_blob(&minus1, 4);
	expect("ioctl BLKPBSZGET: an unsigned int", &sc,
	       "ioctl(3, BLKPBSZGET, [4294967295])      = 0");
	sc.args[1] = 0x1262;
	sc.args[2] = 256;
	sc.blob[2] = (struct kt_blob){ 0 };
	expect("ioctl BLKRASET: the value itself", &sc,
	       "ioctl(3, BLKRASET, 256)                 = 0");
	sc.args[1] = 0x125f;
	sc.args[2] = 0;
	expect("ioctl BLKRRPART: no argument", &sc,
	       "ioctl(3, BLKRRPART)                     = 0");
	sc.args[1] = 0x127f;
	sc.args[2] = 0x7ffd0000;
	sc.enter_blob[2] = mem_blob(range, sizeof(range));
	sc.blob[2] = sc.enter_blob[2];
	expect("ioctl BLKZEROOUT: start and length", &sc,
	       "ioctl(3, BLKZEROOUT, [4096, 8192])      = 0");
	sc.args[1] = 0x80086601;
	sc.enter_blob[2] = mem_blob(&fsflags, 4);
	sc.blob[2] = sc.enter_blob[2];
	expect("ioctl FS_IOC_GETFLAGS: the inode's flags (lsattr)", &sc,
	       "ioctl(3, FS_IOC_GETFLAGS, [FS_APPEND_FL|FS_NOATIME_FL|FS_EXTENT_FL|0x4000000]) = 0");
	sc.args[1] = 0x40086602;
	sc.enter_blob[2] = mem_blob(&fsunknown, 4);
	sc.blob[2] = sc.enter_blob[2];
	expect("ioctl FS_IOC_SETFLAGS: no flag known (chattr)", &sc,
	       "ioctl(3, FS_IOC_SETFLAGS, [0x1000000 /* FS_???_FL */]) = 0");
	sc.enter_blob[2] = mem_blob(&zero4, 4);
	sc.blob[2] = sc.enter_blob[2];
	expect("ioctl FS_IOC_SETFLAGS: none", &sc,
	       "ioctl(3, FS_IOC_SETFLAGS, [0])          = 0");
	sc.args[1] = 0x801c581f;
	sc.enter_blob[2] = mem_blob(fsx, sizeof(fsx));
	sc.blob[2] = sc.enter_blob[2];
	expect("ioctl FS_IOC_FSGETXATTR (lsattr -p)", &sc,
	       "ioctl(3, FS_IOC_FSGETXATTR, {fsx_xflags=FS_XFLAG_APPEND|FS_XFLAG_NOATIME, fsx_extsize=4096, fsx_nextents=2, fsx_projid=0x2a, fsx_cowextsize=0}) = 0");
	sc.args[1] = 0x401c5820;
	expect("ioctl FS_IOC_FSSETXATTR (chattr -p): no fsx_nextents", &sc,
	       "ioctl(3, FS_IOC_FSSETXATTR, {fsx_xflags=FS_XFLAG_APPEND|FS_XFLAG_NOATIME, fsx_extsize=4096, fsx_projid=0x2a, fsx_cowextsize=0}) = 0");
	sc.args[1] = 0xc0185879;
	sc.enter_blob[2] = mem_blob(trim, sizeof(trim));
	sc.blob[2] = sc.enter_blob[2];
	expect("ioctl FITRIM: the range (fstrim)", &sc,
	       "ioctl(3, FITRIM, {start=0, len=18446744073709551615, minlen=0}) = 0");
	sc.args[1] = 0xc0045877;
	expect("ioctl FIFREEZE: no argument", &sc,
	       "ioctl(3, FIFREEZE)                      = 0");
	sc = sc64("ioctl", -14);
	sc.args[0] = 3;
	sc.args[1] = 0x80086601;
	sc.args[2] = 8;
	expect("ioctl FS_IOC_GETFLAGS failed: the address", &sc,
	       "ioctl(3, FS_IOC_GETFLAGS, 0x8)          = -1 EFAULT (Bad address)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x1260;
	sc.args[2] = 0xffd00000;
	sc.blob[2] = mem_blob(&minus1, 4);
	expect("i386 ioctl BLKGETSIZE: a 4-byte long", &sc,
	       "ioctl(3, BLKGETSIZE, [4294967295])      = 0");
	sc.args[1] = 0x80046601;
	sc.blob[2] = mem_blob(&fsflags, 4);
	expect("i386 ioctl FS_IOC32_GETFLAGS", &sc,
	       "ioctl(3, FS_IOC32_GETFLAGS, [FS_APPEND_FL|FS_NOATIME_FL|FS_EXTENT_FL|0x4000000]) = 0");

	sc = sc64("prctl", 0);
	sc.args[0] = 27;
	expect("prctl(PR_GET_SECUREBITS): no argument (hwclock)", &sc,
	       "prctl(PR_GET_SECUREBITS)                = 0");
	sc.args[0] = 39;
	expect("prctl(PR_GET_NO_NEW_PRIVS): the other four, as strace", &sc,
	       "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)  = 0");
	sc.args[0] = 42;
	expect("prctl(PR_GET_THP_DISABLE): likewise", &sc,
	       "prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0)   = 0");

	sc = sc64("futex_waitv", -11);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 1;
	sc.args[4] = 1;
	sc.blob[0] = mem_blob(waiter, sizeof(waiter));
	expect("futex_waitv: the waiters, reserved bits set", &sc,
	       "futex_waitv([{val=0x1, uaddr=0x7ffd2000, flags=FUTEX_32, __reserved=0x7}], 1, 0, NULL, CLOCK_MONOTONIC) = -1 EAGAIN (Resource temporarily unavailable)");
	sc = sc64("futex_waitv", -22);
	expect("futex_waitv: none", &sc,
	       "futex_waitv(NULL, 0, 0, NULL, CLOCK_REALTIME) = -1 EINVAL (Invalid argument)");

	sc = sc64("remap_file_pages", -22);
	sc.args[1] = 4096;
	expect("remap_file_pages: mmap's type 0 is MAP_FILE", &sc,
	       "remap_file_pages(NULL, 4096, PROT_NONE, 0, MAP_FILE) = -1 EINVAL (Invalid argument)");
	sc = sc64("mmap", 0x7f0000000000);
	sc.args[1] = 2097152;
	sc.args[2] = 3;
	sc.args[3] = 0x22 | 0x40000 | 21 << 26;
	sc.args[4] = (uint32_t)-1;
	expect("mmap of huge pages: their size", &sc,
	       "mmap(NULL, 2097152, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = 0x7f0000000000");
	sc = sc64("set_mempolicy_home_node", -2);
	sc.args[1] = 4096;
	expect("set_mempolicy_home_node", &sc,
	       "set_mempolicy_home_node(NULL, 4096, 0, 0) = -1 ENOENT (No such file or directory)");
	sc = sc64("kexec_load", -38);
	sc.args[0] = 0x1000;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 3 << 16 | 1;
	sc.blob[2] = mem_blob(segs, sizeof(segs));
	expect("kexec_load: its segments, the architecture and flags", &sc,
	       "kexec_load(0x1000, 2, [{buf=0x1000, bufsz=16, mem=0x1000000, memsz=4096}, {buf=NULL, bufsz=0, mem=0x2000000, memsz=8192}], KEXEC_ARCH_386|KEXEC_ON_CRASH) = -1 ENOSYS (Function not implemented)");
	sc = sc64("kexec_file_load", -38);
	sc.args[0] = (uint64_t)-1;
	sc.args[1] = (uint64_t)-1;
	sc.args[2] = 5;
	sc.args[3] = 0x7ffd0000;
	sc.args[4] = 5;
	sc.blob[3] = mem_blob("quiet", 5);
	expect("kexec_file_load: the command line, its length", &sc,
	       "kexec_file_load(-1, -1, 5, \"quiet\", KEXEC_FILE_UNLOAD|KEXEC_FILE_NO_INITRAMFS) = -1 ENOSYS (Function not implemented)");
}

static void test_keys(void)
{
	static const char desc[] = "user;0;0;3f010000;ktkey";
	struct kt_syscall sc;

	sc = sc64("keyctl", 324471162);
	sc.args[0] = 1;
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = str_blob("ktring");
	expect("keyctl KEYCTL_JOIN_SESSION_KEYRING: the name", &sc,
	       "keyctl(KEYCTL_JOIN_SESSION_KEYRING, \"ktring\") = 324471162");
	sc = sc64("keyctl", 324471162);
	sc.args[1] = (uint32_t)-3;
	expect("keyctl KEYCTL_GET_KEYRING_ID: a special keyring", &sc,
	       "keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0) = 324471162");
	sc = sc64("add_key", 87667200);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 0x7ffd2000;
	sc.args[3] = 7;
	sc.args[4] = (uint32_t)-3;
	sc.blob[0] = str_blob("user");
	sc.blob[1] = str_blob("ktkey");
	sc.blob[2] = mem_blob("payload", 7);
	expect("add_key", &sc,
	       "add_key(\"user\", \"ktkey\", \"payload\", 7, KEY_SPEC_SESSION_KEYRING) = 87667200");
	sc = sc64("keyctl", 24);
	sc.args[0] = 6;
	sc.args[1] = 87667200;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 256;
	sc.blob[2] = mem_blob(desc, sizeof(desc));
	expect("keyctl KEYCTL_DESCRIBE: the description without its NUL", &sc,
	       "keyctl(KEYCTL_DESCRIBE, 87667200, \"user;0;0;3f010000;ktkey\", 256) = 24");
	sc.ret = -128;
	sc.args[0] = 11;
	expect("keyctl KEYCTL_READ failing: the pointer", &sc,
	       "keyctl(KEYCTL_READ, 87667200, 0x7ffd0000, 256) = -1 EKEYREVOKED (Key has been revoked)");
	sc = sc64("keyctl", 0);
	sc.args[0] = 5;
	sc.args[1] = 87667200;
	sc.args[2] = 0x3f010000;
	expect("keyctl KEYCTL_SETPERM: the permissions", &sc,
	       "keyctl(KEYCTL_SETPERM, 87667200, KEY_POS_VIEW|KEY_POS_READ|KEY_POS_WRITE|KEY_POS_SEARCH|KEY_POS_LINK|KEY_POS_SETATTR|KEY_USR_VIEW) = 0");
	sc.args[0] = 4;
	sc.args[2] = 0xffffffff;
	sc.args[3] = 0xffffffff;
	expect("keyctl KEYCTL_CHOWN: ids of -1", &sc,
	       "keyctl(KEYCTL_CHOWN, 87667200, -1, -1)  = 0");
	sc.args[0] = 10;
	sc.args[1] = (uint32_t)-3;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 0x7ffd1000;
	sc.args[4] = 0;
	sc.blob[2] = str_blob("user");
	sc.blob[3] = str_blob("ktkey");
	sc.ret = 87667200;
	expect("keyctl KEYCTL_SEARCH", &sc,
	       "keyctl(KEYCTL_SEARCH, KEY_SPEC_SESSION_KEYRING, \"user\", \"ktkey\", 0) = 87667200");
	sc = sc64("keyctl", -95);
	sc.args[0] = 99;
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[3] = 3;
	sc.args[4] = 4;
	expect("keyctl: an unknown command, its arguments in hex", &sc,
	       "keyctl(0x63 /* KEYCTL_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EOPNOTSUPP (Operation not supported)");
	sc = sc64("request_key", -126);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd1000;
	sc.blob[0] = str_blob("user");
	sc.blob[1] = str_blob("nokey");
	expect("request_key", &sc,
	       "request_key(\"user\", \"nokey\", NULL, 0)   = -1 ENOKEY (Required key not available)");
}

/*
 * System V IPC, POSIX message queues and mincore as strace 6.1 prints
 * them: keys, flags and modes, shmat's address, semop's array, a message
 * sent and received, a queue's attributes.
 */
static const char *test_mount_fd_path(void *ctx, int fd)
{
	if (fd == -100)
		return "/tmp";
	if (fd == 0)
		return "/dev/null";
	return fd == 3 ? "anon_inode:[fscontext]" : fd == 4 ? "/" : NULL;
}

/*
 * The new mount API and the quota calls, as strace 6.1 printed them in
 * the VM (the calls that succeed there) and on the host with every call
 * injected (-e inject=...:retval=0 for the structures a call writes).
 */
static void test_mount(void)
{
	static const char bin[] = "\x01\x02\x61\x62\x63";
	static const uint64_t attr[5] = { 0x500000, 0x200070, 1 << 18, 3 };
	static const uint64_t dqblk[9] = { 100, 90, 4096, 10, 9, 3,
					   1700000000, 0, 0x3f };
	static const uint64_t dqinfo[3] = { 604800, 86400,
					    (7ULL << 32) | (1U << 16) };
	static const uint32_t fmt = 4, uflags = 3, rmflags = 5;
	struct kt_fmt_opts saved = opts;
	uint8_t attr40[40] = { 0 }, nextdq[72], xq[112] = { 0 };
	uint64_t zero[16] = { 0 };
	uint32_t u32;
	struct kt_syscall sc;

	sc = sc64("fsopen", 3);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 1;
	sc.blob[0] = str_blob("tmpfs");
	expect("fsopen", &sc,
	       "fsopen(\"tmpfs\", FSOPEN_CLOEXEC)         = 3");
	sc.args[1] = 3;
	sc.ret = -22;
	expect("fsopen: a flag unknown", &sc,
	       "fsopen(\"tmpfs\", FSOPEN_CLOEXEC|0x2)     = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0;
	sc.args[1] = 2;
	sc.blob[0] = (struct kt_blob){ 0 };
	expect("fsopen: no name, no flag known", &sc,
	       "fsopen(NULL, 0x2 /* FSOPEN_??? */)      = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0;
	sc.ret = -19;
	sc.blob[0] = str_blob("a-very-long-file-system-name-that-passes-s");
	expect("fsopen: the name cut at -s", &sc,
	       "fsopen(\"a-very-long-file-system-name-tha\"..., 0) = -1 ENODEV (No such device)");

	sc = sc64("fsconfig", 0);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 0x7ffd1000;
	sc.blob[2] = str_blob("size");
	sc.blob[3] = str_blob("1M");
	expect("fsconfig SET_STRING", &sc,
	       "fsconfig(3, FSCONFIG_SET_STRING, \"size\", \"1M\", 0) = 0");
	sc.blob[3] = str_blob("a-long-value-string-that-passes-the-s-limit");
	expect("fsconfig SET_STRING: the value cut at -s", &sc,
	       "fsconfig(3, FSCONFIG_SET_STRING, \"size\", \"a-long-value-string-that-passes-\"..., 0) = 0");
	sc.args[1] = 0;
	sc.args[3] = 0;
	sc.blob[2] = str_blob("ro");
	sc.blob[3] = (struct kt_blob){ 0 };
	expect("fsconfig SET_FLAG", &sc,
	       "fsconfig(3, FSCONFIG_SET_FLAG, \"ro\", NULL, 0) = 0");
	sc.args[1] = 2;
	sc.args[3] = 0x557100df40cc;
	sc.args[4] = 5;
	sc.blob[2] = str_blob("blob");
	sc.blob[3] = mem_blob(bin, 5);
	expect("fsconfig SET_BINARY: the bytes in hex", &sc,
	       "fsconfig(3, FSCONFIG_SET_BINARY, \"blob\", \"\\x01\\x02\\x61\\x62\\x63\", 5) = 0");
	sc.args[4] = (uint32_t)-1;
	expect("fsconfig SET_BINARY: a size below 0, the address", &sc,
	       "fsconfig(3, FSCONFIG_SET_BINARY, \"blob\", 0x557100df40cc, -1) = 0");
	sc.args[1] = 3;
	sc.args[4] = (uint32_t)-100;
	sc.blob[2] = str_blob("source");
	sc.blob[3] = str_blob("/dev/null");
	expect("fsconfig SET_PATH: a path and a directory", &sc,
	       "fsconfig(3, FSCONFIG_SET_PATH, \"source\", \"/dev/null\", AT_FDCWD) = 0");
	sc.args[1] = 4;
	sc.args[4] = 5;
	sc.blob[3] = str_blob("");
	expect("fsconfig SET_PATH_EMPTY", &sc,
	       "fsconfig(3, FSCONFIG_SET_PATH_EMPTY, \"source\", \"\", 5) = 0");
	sc.args[1] = 5;
	sc.args[3] = 0;
	sc.args[4] = 0;
	sc.blob[2] = str_blob("fd");
	sc.blob[3] = (struct kt_blob){ 0 };
	expect("fsconfig SET_FD", &sc,
	       "fsconfig(3, FSCONFIG_SET_FD, \"fd\", NULL, 0) = 0");
	sc.args[1] = 6;
	sc.args[2] = 0;
	sc.blob[2] = (struct kt_blob){ 0 };
	expect("fsconfig CMD_CREATE", &sc,
	       "fsconfig(3, FSCONFIG_CMD_CREATE, NULL, NULL, 0) = 0");
	sc.args[1] = 7;
	expect("fsconfig CMD_RECONFIGURE", &sc,
	       "fsconfig(3, FSCONFIG_CMD_RECONFIGURE, NULL, NULL, 0) = 0");
	sc.args[1] = 8;
	sc.args[2] = 0x557100df406a;
	sc.args[3] = 0x557100df4068;
	sc.args[4] = 1;
	expect("fsconfig: a command unknown, its key and value's addresses", &sc,
	       "fsconfig(3, 0x8 /* FSCONFIG_??? */, 0x557100df406a, 0x557100df4068, 1) = 0");

	sc = sc64("fsmount", 4);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 6;
	expect("fsmount", &sc,
	       "fsmount(3, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV) = 4");
	sc.args[1] = 2;
	sc.args[2] = 0x40;
	sc.ret = -22;
	expect("fsmount: flags unknown", &sc,
	       "fsmount(3, 0x2 /* FSMOUNT_??? */, 0x40 /* MOUNT_ATTR_??? */) = -1 EINVAL (Invalid argument)");
	sc.args[1] = 0;
	sc.args[2] = 0x100001;
	expect("fsmount: not mount_setattr's MOUNT_ATTR_IDMAP", &sc,
	       "fsmount(3, 0, MOUNT_ATTR_RDONLY|0x100000) = -1 EINVAL (Invalid argument)");

	sc = sc64("move_mount", -9);
	sc.args[0] = (uint32_t)-1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = (uint32_t)-100;
	sc.args[3] = 0x7ffd1000;
	sc.args[4] = 4;
	sc.blob[1] = str_blob("");
	sc.blob[3] = str_blob("/nonexistent");
	expect("move_mount", &sc,
	       "move_mount(-1, \"\", AT_FDCWD, \"/nonexistent\", MOVE_MOUNT_F_EMPTY_PATH) = -1 EBADF (Bad file descriptor)");
	sc.args[0] = 3;
	sc.args[2] = 4;
	sc.args[4] = 0x377;
	sc.blob[1] = str_blob("a");
	sc.blob[3] = str_blob("b");
	sc.ret = 0;
	expect("move_mount: every flag and one unknown", &sc,
	       "move_mount(3, \"a\", 4, \"b\", MOVE_MOUNT_F_SYMLINKS|MOVE_MOUNT_F_AUTOMOUNTS|MOVE_MOUNT_F_EMPTY_PATH|MOVE_MOUNT_T_SYMLINKS|MOVE_MOUNT_T_AUTOMOUNTS|MOVE_MOUNT_T_EMPTY_PATH|MOVE_MOUNT_SET_GROUP|0x200) = 0");
	sc.args[4] = 0x200;
	expect("move_mount: no flag known", &sc,
	       "move_mount(3, \"a\", 4, \"b\", 0x200 /* MOVE_MOUNT_??? */) = 0");

	sc = sc64("open_tree", 5);
	sc.args[0] = (uint32_t)-100;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x88001;
	sc.blob[1] = str_blob("/tmp");
	expect("open_tree", &sc,
	       "open_tree(AT_FDCWD, \"/tmp\", OPEN_TREE_CLONE|OPEN_TREE_CLOEXEC|AT_RECURSIVE) = 5");
	sc.args[2] = 2;
	sc.ret = -22;
	expect("open_tree: no flag known", &sc,
	       "open_tree(AT_FDCWD, \"/tmp\", 0x2 /* OPEN_TREE_??? */) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 3;
	sc.args[2] = 0x1900;
	sc.blob[1] = str_blob("");
	sc.ret = 5;
	expect("open_tree: the AT_ flags", &sc,
	       "open_tree(3, \"\", AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH) = 5");

	sc = sc64("fspick", 7);
	sc.args[0] = (uint32_t)-100;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.blob[1] = str_blob("/");
	expect("fspick", &sc,
	       "fspick(AT_FDCWD, \"/\", FSPICK_CLOEXEC)   = 7");
	sc.args[0] = 3;
	sc.args[2] = 0x1f;
	sc.blob[1] = str_blob("");
	expect("fspick: every flag and one unknown", &sc,
	       "fspick(3, \"\", FSPICK_CLOEXEC|FSPICK_SYMLINK_NOFOLLOW|FSPICK_NO_AUTOMOUNT|FSPICK_EMPTY_PATH|0x10) = 7");
	sc.args[2] = 0x10;
	sc.ret = -22;
	expect("fspick: no flag known", &sc,
	       "fspick(3, \"\", 0x10 /* FSPICK_??? */)    = -1 EINVAL (Invalid argument)");

	sc = sc64("mount_setattr", -2);
	sc.args[0] = (uint32_t)-1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x8000;
	sc.args[3] = 0x7ffcc43718e0;
	sc.args[4] = 32;
	sc.blob[1] = str_blob("/nonexistent");
	sc.blob[3] = mem_blob(zero, 32);
	zero[0] = 1;
	expect("mount_setattr", &sc,
	       "mount_setattr(-1, \"/nonexistent\", AT_RECURSIVE, {attr_set=MOUNT_ATTR_RDONLY, attr_clr=0, propagation=0 /* MS_??? */, userns_fd=0}, 32) = -1 ENOENT (No such file or directory)");
	sc.args[4] = 24;
	sc.blob[3] = mem_blob(zero, 24);
	expect("mount_setattr: a size below MOUNT_ATTR_SIZE_VER0, the address", &sc,
	       "mount_setattr(-1, \"/nonexistent\", AT_RECURSIVE, 0x7ffcc43718e0, 24) = -1 ENOENT (No such file or directory)");
	sc.args[2] = 0x10000;
	sc.args[3] = 0;
	sc.args[4] = 32;
	sc.blob[3] = (struct kt_blob){ 0 };
	expect("mount_setattr: no flag known, no attributes", &sc,
	       "mount_setattr(-1, \"/nonexistent\", 0x10000 /* AT_??? */, NULL, 32) = -1 ENOENT (No such file or directory)");
	sc.args[0] = 3;
	sc.args[2] = 0x1900;
	sc.args[3] = 0x7ffcc43718e0;
	sc.blob[1] = str_blob("");
	sc.blob[3] = mem_blob(attr, 32);
	sc.ret = 0;
	expect("mount_setattr: MOUNT_ATTR_IDMAP, userns_fd a descriptor", &sc,
	       "mount_setattr(3, \"\", AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH, {attr_set=MOUNT_ATTR_IDMAP|0x400000, attr_clr=MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|MOUNT_ATTR_NOSYMFOLLOW|0x40, propagation=MS_PRIVATE, userns_fd=3}, 32) = 0");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("mount_setattr -X verbose", &sc,
	       "mount_setattr(3, \"\", 0x1900 /* AT_SYMLINK_NOFOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH */, {attr_set=0x500000 /* MOUNT_ATTR_IDMAP|0x400000 */, attr_clr=0x200070 /* MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|MOUNT_ATTR_NOSYMFOLLOW|0x40 */, propagation=0x40000 /* MS_PRIVATE */, userns_fd=3}, 32) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;
	memcpy(attr40, attr, 32);
	attr40[16] = 3;
	attr40[18] = 0;
	memset(attr40 + 24, 0xff, 4);
	sc.args[2] = 0;
	sc.blob[3] = mem_blob(attr40, 32);
	expect("mount_setattr: propagation unknown, userns_fd past INT_MAX", &sc,
	       "mount_setattr(3, \"\", 0, {attr_set=MOUNT_ATTR_IDMAP|0x400000, attr_clr=MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|MOUNT_ATTR_NOSYMFOLLOW|0x40, propagation=0x3 /* MS_??? */, userns_fd=4294967295}, 32) = 0");
	memset(attr40, 0, sizeof(attr40));
	attr40[16 + 2] = 2;	/* MS_UNBINDABLE */
	attr40[24] = 5;
	sc.args[4] = 40;
	sc.blob[3] = mem_blob(attr40, 40);
	expect("mount_setattr: 40 bytes, the last 8 zero", &sc,
	       "mount_setattr(3, \"\", 0, {attr_set=0, attr_clr=0, propagation=MS_UNBINDABLE, userns_fd=5}, 40) = 0");
	attr40[33] = 1;
	attr40[39] = 0xff;
	expect("mount_setattr: 40 bytes, not zero past 32", &sc,
	       "mount_setattr(3, \"\", 0, {attr_set=0, attr_clr=0, propagation=MS_UNBINDABLE, userns_fd=5, /* bytes 32..39 */ \"\\x00\\x01\\x00\\x00\\x00\\x00\\x00\\xff\"}, 40) = 0");

	opts.fd_paths = true;
	opts.fd_path = test_mount_fd_path;
	sc = sc64("fsopen", 3);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 1;
	sc.blob[0] = str_blob("tmpfs");
	expect("-y: fsopen's result", &sc,
	       "fsopen(\"tmpfs\", FSOPEN_CLOEXEC)         = 3<anon_inode:[fscontext]>");
	sc = sc64("fsmount", 4);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 6;
	expect("-y: fsmount's descriptor and result", &sc,
	       "fsmount(3<anon_inode:[fscontext]>, FSMOUNT_CLOEXEC, MOUNT_ATTR_NOSUID|MOUNT_ATTR_NODEV) = 4</>");
	sc = sc64("mount_setattr", 0);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x1000;
	sc.args[3] = 0x7ffcc43718e0;
	sc.args[4] = 32;
	sc.blob[1] = str_blob("");
	sc.blob[3] = mem_blob(attr, 32);
	expect("-y: mount_setattr's userns_fd, its 0 a descriptor", &sc,
	       "mount_setattr(4</>, \"\", AT_EMPTY_PATH, {attr_set=MOUNT_ATTR_IDMAP|0x400000, attr_clr=MOUNT_ATTR_NOATIME|MOUNT_ATTR_STRICTATIME|MOUNT_ATTR_NOSYMFOLLOW|0x40, propagation=MS_PRIVATE, userns_fd=3<anon_inode:[fscontext]>}, 32) = 0</dev/null>");
	opts = saved;

	sc = sc64("quotactl", 0);
	sc.args[0] = 0x80000400;
	sc.args[1] = 0x7ffd0000;
	sc.args[3] = 0x7ffef43d066c;
	sc.blob[1] = str_blob("/dev/null");
	sc.blob[3] = mem_blob(&fmt, 4);
	expect("quotactl Q_GETFMT: the format written", &sc,
	       "quotactl(QCMD(Q_GETFMT, USRQUOTA), \"/dev/null\", [QFMT_VFS_V1]) = 0");
	kt_xlat_style = KT_XLAT_RAW;
	expect("quotactl -X raw", &sc,
	       "quotactl(2147484672, \"/dev/null\", [0x4]) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;
	sc.has_exit = false;
	expect("quotactl Q_GETFMT unfinished", &sc,
	       "quotactl(QCMD(Q_GETFMT, USRQUOTA), \"/dev/null\",  <unfinished ...>");
	sc.has_exit = true;
	sc.ret = -15;
	sc.blob[3] = (struct kt_blob){ 0 };
	expect("quotactl Q_GETFMT failing: the address", &sc,
	       "quotactl(QCMD(Q_GETFMT, USRQUOTA), \"/dev/null\", 0x7ffef43d066c) = -1 ENOTBLK (Block device required)");
	sc.args[0] = 0x80000403;
	sc.args[3] = 0x557100df6040;
	sc.blob[1] = str_blob("/dev/sda");
	sc.ret = -22;
	expect("quotactl: a type unknown", &sc,
	       "quotactl(QCMD(Q_GETFMT, 0x3 /* ???QUOTA */), \"/dev/sda\", 0x557100df6040) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0x80001100;
	sc.args[2] = 5;
	expect("quotactl: a command unknown, its id and address", &sc,
	       "quotactl(QCMD(0x800011 /* Q_??? */, USRQUOTA), \"/dev/sda\", 5, 0x557100df6040) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0x10000;
	sc.args[2] = (uint32_t)-1;
	expect("quotactl: an old command, the id -1", &sc,
	       "quotactl(QCMD(Q_V1_QUOTAON, USRQUOTA), \"/dev/sda\", -1, 0x557100df6040) = -1 EINVAL (Invalid argument)");

	sc = sc64("quotactl", 0);
	sc.args[0] = 0x80000501;
	sc.args[1] = 0x7ffd0000;
	sc.args[3] = 0x7ffef43d0650;
	sc.blob[1] = str_blob("/dev/sda");
	sc.blob[3] = mem_blob(dqinfo, 24);
	expect("quotactl Q_GETINFO: struct if_dqinfo written", &sc,
	       "quotactl(QCMD(Q_GETINFO, GRPQUOTA), \"/dev/sda\", {dqi_bgrace=604800, dqi_igrace=86400, dqi_flags=DQF_SYS_FILE, dqi_valid=IIF_BGRACE|IIF_IGRACE|IIF_FLAGS}) = 0");
	sc.args[0] = 0x80000602;
	sc.enter_blob[3] = sc.blob[3];
	sc.ret = -1;
	expect("quotactl Q_SETINFO failing: struct if_dqinfo read", &sc,
	       "quotactl(QCMD(Q_SETINFO, PRJQUOTA), \"/dev/sda\", {dqi_bgrace=604800, dqi_igrace=86400, dqi_flags=DQF_SYS_FILE, dqi_valid=IIF_BGRACE|IIF_IGRACE|IIF_FLAGS}) = -1 EPERM (Operation not permitted)");

	sc = sc64("quotactl", 0);
	sc.args[0] = 0x80000700;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1000;
	sc.args[3] = 0x7ffef43d0600;
	sc.blob[1] = str_blob("/dev/sda");
	sc.blob[3] = mem_blob(dqblk, 68);
	expect("quotactl Q_GETQUOTA: struct if_dqblk written, abbreviated", &sc,
	       "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/sda\", 1000, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, ...}) = 0");
	kt_abbrev_parse("none");
	expect("quotactl Q_GETQUOTA -v: struct if_dqblk whole", &sc,
	       "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/sda\", 1000, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, dqb_btime=1700000000, dqb_itime=0, dqb_valid=QIF_BLIMITS|QIF_SPACE|QIF_ILIMITS|QIF_INODES|QIF_BTIME|QIF_ITIME}) = 0");
	kt_abbrev_parse("all");
	sc.has_exit = false;
	expect("quotactl Q_GETQUOTA unfinished: the id", &sc,
	       "quotactl(QCMD(Q_GETQUOTA, USRQUOTA), \"/dev/sda\", 1000,  <unfinished ...>");
	sc.has_exit = true;
	sc.args[0] = 0x80000800;
	sc.args[2] = (uint32_t)-1;
	sc.enter_blob[3] = sc.blob[3];
	sc.ret = -1;
	expect("quotactl Q_SETQUOTA failing: struct if_dqblk read", &sc,
	       "quotactl(QCMD(Q_SETQUOTA, USRQUOTA), \"/dev/sda\", -1, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, ...}) = -1 EPERM (Operation not permitted)");

	memcpy(nextdq, dqblk, 64);
	u32 = 0x15;
	memcpy(nextdq + 64, &u32, 4);
	u32 = 1000;
	memcpy(nextdq + 68, &u32, 4);
	memset(nextdq + 48, 0, 8);
	sc = sc64("quotactl", 0);
	sc.args[0] = 0x80000900;
	sc.args[1] = 0x7ffd0000;
	sc.args[3] = 0x7ffef43d05b0;
	sc.blob[1] = str_blob("/dev/sda");
	sc.blob[3] = mem_blob(nextdq, 72);
	expect("quotactl Q_GETNEXTQUOTA: struct if_nextdqblk, abbreviated", &sc,
	       "quotactl(QCMD(Q_GETNEXTQUOTA, USRQUOTA), \"/dev/sda\", 0, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, dqb_id=1000, ...}) = 0");
	kt_abbrev_parse("none");
	expect("quotactl Q_GETNEXTQUOTA -v", &sc,
	       "quotactl(QCMD(Q_GETNEXTQUOTA, USRQUOTA), \"/dev/sda\", 0, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, dqb_btime=0, dqb_itime=0, dqb_valid=QIF_BLIMITS|QIF_ILIMITS|QIF_BTIME, dqb_id=1000}) = 0");
	kt_abbrev_parse("all");

	sc = sc64("quotactl", -1);
	sc.args[0] = 0x80000200;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 2;
	sc.args[3] = 0x7ffd1000;
	sc.blob[1] = str_blob("/dev/sda");
	sc.blob[3] = str_blob("/aquota.user");
	expect("quotactl Q_QUOTAON: the format and the quota file", &sc,
	       "quotactl(QCMD(Q_QUOTAON, USRQUOTA), \"/dev/sda\", QFMT_VFS_V0, \"/aquota.user\") = -1 EPERM (Operation not permitted)");
	sc.args[2] = 9;
	sc.args[3] = 0;
	sc.blob[3] = (struct kt_blob){ 0 };
	expect("quotactl Q_QUOTAON: a format unknown", &sc,
	       "quotactl(QCMD(Q_QUOTAON, USRQUOTA), \"/dev/sda\", 0x9 /* QFMT_VFS_??? */, NULL) = -1 EPERM (Operation not permitted)");
	sc.args[0] = 0x80000300;
	expect("quotactl Q_QUOTAOFF: nothing more", &sc,
	       "quotactl(QCMD(Q_QUOTAOFF, USRQUOTA), \"/dev/sda\") = -1 EPERM (Operation not permitted)");
	sc.args[0] = 0x80000100;
	sc.args[1] = 0;
	sc.blob[1] = (struct kt_blob){ 0 };
	sc.ret = 0;
	expect("quotactl Q_SYNC of every file system", &sc,
	       "quotactl(QCMD(Q_SYNC, USRQUOTA), NULL)  = 0");

	sc = sc64("quotactl", 0);
	sc.args[0] = 0x580100;
	sc.args[1] = 0x7ffd0000;
	sc.args[3] = 0x7ffd1000;
	sc.blob[1] = str_blob("/dev/sda");
	sc.enter_blob[3] = mem_blob(&uflags, 4);
	/* the exit's copy of Q_XGETQUOTA's mask: not these flags */
	sc.blob[3] = mem_blob(xq, sizeof(xq));
	expect("quotactl Q_XQUOTAON: the flags the enter read", &sc,
	       "quotactl(QCMD(Q_XQUOTAON, USRQUOTA), \"/dev/sda\", [FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD]) = 0");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("quotactl -X verbose", &sc,
	       "quotactl(5767424 /* QCMD(Q_XQUOTAON, USRQUOTA) */, \"/dev/sda\", [0x3 /* FS_QUOTA_UDQ_ACCT|FS_QUOTA_UDQ_ENFD */]) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;
	u32 = 0x40;
	sc.args[0] = 0x580200;
	sc.enter_blob[3] = mem_blob(&u32, 4);
	sc.blob[3] = sc.enter_blob[3];
	expect("quotactl Q_XQUOTAOFF: no flag known", &sc,
	       "quotactl(QCMD(Q_XQUOTAOFF, USRQUOTA), \"/dev/sda\", [0x40 /* FS_QUOTA_??? */]) = 0");
	sc.args[0] = 0x580600;
	sc.enter_blob[3] = mem_blob(&rmflags, 4);
	sc.blob[3] = sc.enter_blob[3];
	expect("quotactl Q_XQUOTARM: FS_*_QUOTA", &sc,
	       "quotactl(QCMD(Q_XQUOTARM, USRQUOTA), \"/dev/sda\", [FS_USER_QUOTA|FS_GROUP_QUOTA]) = 0");
	sc.args[0] = 0x580700;
	expect("quotactl Q_XQUOTASYNC: nothing more", &sc,
	       "quotactl(QCMD(Q_XQUOTASYNC, USRQUOTA), \"/dev/sda\") = 0");

	xq[0] = 1;
	xq[1] = 1;
	xq[2] = 0xc;
	u32 = 1000;
	memcpy(xq + 4, &u32, 4);
	xq[9] = 8;		/* d_blk_hardlimit 2048 */
	xq[17] = 4;		/* d_blk_softlimit 1024 */
	xq[40] = 8;		/* d_bcount */
	xq[48] = 2;		/* d_icount */
	memset(xq + 56, 0xff, 4);	/* d_itimer */
	xq[100] = 4;		/* d_rtbwarns */
	sc = sc64("quotactl", 0);
	sc.args[0] = 0x580300;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1000;
	sc.args[3] = 0x7ffef43d0540;
	sc.blob[1] = str_blob("/dev/sda");
	sc.blob[3] = mem_blob(xq, sizeof(xq));
	expect("quotactl Q_XGETQUOTA: struct fs_disk_quota, abbreviated", &sc,
	       "quotactl(QCMD(Q_XGETQUOTA, USRQUOTA), \"/dev/sda\", 1000, {d_version=1, d_flags=FS_USER_QUOTA, d_fieldmask=0xc, d_id=1000, d_blk_hardlimit=2048, d_blk_softlimit=1024, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=8, d_icount=2, ...}) = 0");
	kt_abbrev_parse("none");
	expect("quotactl Q_XGETQUOTA -v", &sc,
	       "quotactl(QCMD(Q_XGETQUOTA, USRQUOTA), \"/dev/sda\", 1000, {d_version=1, d_flags=FS_USER_QUOTA, d_fieldmask=0xc, d_id=1000, d_blk_hardlimit=2048, d_blk_softlimit=1024, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=8, d_icount=2, d_itimer=-1, d_btimer=0, d_iwarns=0, d_bwarns=0, d_rtb_hardlimit=0, d_rtb_softlimit=0, d_rtbcount=0, d_rtbtimer=0, d_rtbwarns=4}) = 0");
	kt_abbrev_parse("all");
	sc.args[0] = 0x580902;
	sc.args[2] = 0;
	expect("quotactl Q_XGETNEXTQUOTA", &sc,
	       "quotactl(QCMD(Q_XGETNEXTQUOTA, PRJQUOTA), \"/dev/sda\", 0, {d_version=1, d_flags=FS_USER_QUOTA, d_fieldmask=0xc, d_id=1000, d_blk_hardlimit=2048, d_blk_softlimit=1024, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=8, d_icount=2, ...}) = 0");
	sc.args[0] = 0x580401;
	sc.args[2] = 1000;
	sc.enter_blob[3] = sc.blob[3];
	sc.ret = -1;
	expect("quotactl Q_XSETQLIM failing: struct fs_disk_quota read", &sc,
	       "quotactl(QCMD(Q_XSETQLIM, GRPQUOTA), \"/dev/sda\", 1000, {d_version=1, d_flags=FS_USER_QUOTA, d_fieldmask=0xc, d_id=1000, d_blk_hardlimit=2048, d_blk_softlimit=1024, d_ino_hardlimit=0, d_ino_softlimit=0, d_bcount=8, d_icount=2, ...}) = -1 EPERM (Operation not permitted)");
	sc.args[0] = 0x580500;
	sc.args[3] = 0x55e397f27040;
	sc.enter_blob[3] = (struct kt_blob){ 0 };
	sc.blob[3] = (struct kt_blob){ 0 };
	expect("quotactl Q_XGETQSTAT failing: the address", &sc,
	       "quotactl(QCMD(Q_XGETQSTAT, USRQUOTA), \"/dev/sda\", 0x55e397f27040) = -1 EPERM (Operation not permitted)");

	sc = sc64("quotactl_fd", -9);
	sc.args[0] = (uint32_t)-1;
	sc.args[1] = 0x80000401;
	expect("quotactl_fd", &sc,
	       "quotactl_fd(-1, QCMD(Q_GETFMT, GRPQUOTA), NULL) = -1 EBADF (Bad file descriptor)");
	sc.args[0] = 3;
	sc.args[1] = 0x80000700;
	sc.args[3] = 0x7ffef43d0600;
	sc.blob[3] = mem_blob(dqblk, 68);
	sc.ret = 0;
	expect("quotactl_fd Q_GETQUOTA", &sc,
	       "quotactl_fd(3, QCMD(Q_GETQUOTA, USRQUOTA), 0, {dqb_bhardlimit=100, dqb_bsoftlimit=90, dqb_curspace=4096, dqb_ihardlimit=10, dqb_isoftlimit=9, dqb_curinodes=3, ...}) = 0");
	sc.args[1] = 0x80000600;
	sc.blob[3] = mem_blob(dqinfo, 24);
	sc.enter_blob[3] = sc.blob[3];
	expect("quotactl_fd Q_SETINFO", &sc,
	       "quotactl_fd(3, QCMD(Q_SETINFO, USRQUOTA), {dqi_bgrace=604800, dqi_igrace=86400, dqi_flags=DQF_SYS_FILE, dqi_valid=IIF_BGRACE|IIF_IGRACE|IIF_FLAGS}) = 0");
}

static void test_ipc(void)
{
	static const uint16_t sops[6] = { 0, 1, 0x1800, 1, 0xffff, 04000 };
	static const struct {
		int64_t type;
		char text[8];
	} msg = { 2, "hi\0\0\0\0\0" };
	static const int64_t attr[8] = { 0, 2, 16, 0 };
	static const int64_t nb_attr[8] = { 04000, 2, 16, 1 };
	static const uint8_t vec[3] = { 1, 0, 0x81 };
	static const uint32_t prio = 1;
	static const int64_t ts64[2] = { 0, 1000 };
	static const int32_t ts32[2] = { 1, 0 };
	struct kt_syscall sc;

	sc = sc64("shmget", 1);
	sc.args[1] = 4096;
	sc.args[2] = 0600;
	expect("shmget: a mode alone", &sc,
	       "shmget(IPC_PRIVATE, 4096, 0600)         = 1");
	sc.args[0] = 0x1234;
	sc.args[2] = 03640;
	expect("shmget: a key, flags and the mode", &sc,
	       "shmget(0x1234, 4096, IPC_CREAT|IPC_EXCL|0640) = 1");
	sc = sc64("shmat", 0x7f0896ac7000);
	sc.args[0] = 1;
	expect("shmat: the address it returns in hex", &sc,
	       "shmat(1, NULL, 0)                       = 0x7f0896ac7000");
	sc.args[0] = -1;
	sc.args[2] = 030000;
	sc.ret = -22;
	expect("shmat failing", &sc,
	       "shmat(-1, NULL, SHM_RDONLY|SHM_RND)     = -1 EINVAL (Invalid argument)");
	sc = sc64("shmctl", 0);
	sc.args[0] = 1;
	expect("shmctl IPC_RMID", &sc,
	       "shmctl(1, IPC_RMID, NULL)               = 0");

	sc = sc64("semtimedop", -11);
	sc.args[0] = 1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 2;
	sc.blob[1] = mem_blob(sops, sizeof(sops));
	expect("semtimedop: the array", &sc,
	       "semtimedop(1, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO|IPC_NOWAIT}, {sem_num=1, sem_op=-1, sem_flg=IPC_NOWAIT}], 2, NULL) = -1 EAGAIN (Resource temporarily unavailable)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "semtimedop_time64", 0);
	sc.args[1] = 0xffd00000;
	sc.args[2] = 1;
	sc.args[3] = 0xffd01000;
	sc.blob[1] = mem_blob(sops, 6);
	sc.blob[3] = mem_blob(ts64, sizeof(ts64));
	expect("i386 semtimedop_time64: a 64-bit timeout", &sc,
	       "semtimedop_time64(0, [{sem_num=0, sem_op=1, sem_flg=SEM_UNDO|IPC_NOWAIT}], 1, {tv_sec=0, tv_nsec=1000}) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "mq_timedsend", 0);
	sc.args[0] = 3;
	sc.args[1] = 0xffd00000;
	sc.args[2] = 2;
	sc.args[4] = 0xffd01000;
	sc.blob[1] = mem_blob("hi", 2);
	sc.blob[4] = mem_blob(ts32, sizeof(ts32));
	expect("i386 mq_timedsend: a 32-bit timeout", &sc,
	       "mq_timedsend(3, \"hi\", 2, 0, {tv_sec=1, tv_nsec=0}) = 0");
	sc = sc64("semctl", 0);
	sc.args[0] = 1;
	sc.args[2] = 16;
	sc.args[3] = 5;
	expect("semctl SETVAL: the value as strace prints it", &sc,
	       "semctl(1, 0, SETVAL, 0x5)               = 0");
	sc = sc64("semget", 1);
	sc.args[1] = 2;
	sc.args[2] = 0600;
	expect("semget", &sc, "semget(IPC_PRIVATE, 2, 0600)            = 1");

	sc = sc64("msgget", 1);
	sc.args[1] = 01600;
	expect("msgget", &sc, "msgget(IPC_PRIVATE, IPC_CREAT|0600)     = 1");
	sc = sc64("msgsnd", 0);
	sc.args[0] = 1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 3;
	sc.args[3] = 04000;
	sc.blob[1] = mem_blob(&msg, 11);
	expect("msgsnd: the type and text", &sc,
	       "msgsnd(1, {mtype=2, mtext=\"hi\\0\"}, 3, IPC_NOWAIT) = 0");
	sc = sc64("msgrcv", 3);
	sc.args[0] = 1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 8;
	sc.args[4] = 014000;
	sc.blob[1] = mem_blob(&msg, 16);
	expect("msgrcv: the whole buffer", &sc,
	       "msgrcv(1, {mtype=2, mtext=\"hi\\0\\0\\0\\0\\0\\0\"}, 8, 0, MSG_NOERROR|IPC_NOWAIT) = 3");
	sc.ret = -42;
	sc.args[4] = 04000;
	expect("msgrcv failing: the pointer", &sc,
	       "msgrcv(1, 0x7ffd0000, 8, 0, IPC_NOWAIT) = -1 ENOMSG (No message of desired type)");

	sc = sc64("mq_open", 3);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0102;
	sc.args[2] = 0600;
	sc.args[3] = 0x7ffd1000;
	sc.blob[0] = str_blob("ktq");
	sc.blob[3] = mem_blob(attr, sizeof(attr));
	expect("mq_open: the mode and attributes with O_CREAT", &sc,
	       "mq_open(\"ktq\", O_RDWR|O_CREAT, 0600, {mq_flags=0, mq_maxmsg=2, mq_msgsize=16, mq_curmsgs=0}) = 3");
	sc.args[1] = 0;
	sc.ret = -2;
	expect("mq_open without O_CREAT: two arguments", &sc,
	       "mq_open(\"ktq\", O_RDONLY)                = -1 ENOENT (No such file or directory)");
	sc = sc64("mq_timedsend", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 5;
	sc.args[3] = 1;
	sc.blob[1] = mem_blob("hello", 5);
	expect("mq_timedsend", &sc,
	       "mq_timedsend(3, \"hello\", 5, 1, NULL)    = 0");
	sc = sc64("mq_timedreceive", 5);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 16;
	sc.args[3] = 0x7ffd1000;
	sc.blob[1] = mem_blob("hello", 5);
	sc.blob[3] = mem_blob(&prio, 4);
	expect("mq_timedreceive: the message and its priority", &sc,
	       "mq_timedreceive(3, \"hello\", 16, [1], NULL) = 5");
	sc.ret = -110;
	expect("mq_timedreceive failing: pointers", &sc,
	       "mq_timedreceive(3, 0x7ffd0000, 16, 0x7ffd1000, NULL) = -1 ETIMEDOUT (Connection timed out)");
	sc = sc64("mq_getsetattr", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x7ffd1000;
	sc.blob[1] = mem_blob(nb_attr, sizeof(nb_attr));
	sc.blob[2] = mem_blob(attr, sizeof(attr));
	expect("mq_getsetattr: new and old attributes, flags by name", &sc,
	       "mq_getsetattr(3, {mq_flags=O_NONBLOCK, mq_maxmsg=2, mq_msgsize=16, mq_curmsgs=1}, {mq_flags=0, mq_maxmsg=2, mq_msgsize=16, mq_curmsgs=0}) = 0");
	sc = sc64("mq_unlink", 0);
	sc.args[0] = 0x7ffd0000;
	sc.blob[0] = str_blob("ktq");
	expect("mq_unlink", &sc, "mq_unlink(\"ktq\")                        = 0");

	sc = sc64("mincore", 0);
	sc.args[0] = 0x7f0896ac5000;
	sc.args[1] = 12288;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(vec, 3);
	expect("mincore: a page's low bit", &sc,
	       "mincore(0x7f0896ac5000, 12288, [1, 0, 1]) = 0");
	sc.args[1] = 5000;
	sc.blob[2] = mem_blob(vec, 2);
	expect("mincore: a part page", &sc,
	       "mincore(0x7f0896ac5000, 5000, [1, 0])   = 0");
}

/*
 * The System V *ctl calls' structures and mq_notify()'s sigevent, as
 * strace 6.1 printed them on the host for the same memory (glibc's
 * structures are the kernel's on x86_64).
 */
static void test_ipc_ctl(void)
{
	struct shmid_ds shm = { 0 };
	struct shminfo shmi = { 0 };
	struct shm_info shmu = { 0 };
	struct semid_ds sem = { 0 };
	struct seminfo semi = { 0 };
	struct msqid_ds msq = { 0 };
	struct msginfo msgi = { 0 };
	uint8_t ev[64] = { 0 };
	int32_t v;
	struct kt_syscall sc;

	shm.shm_perm.mode = 0600;
	shm.shm_segsz = 4096;
	shm.shm_cpid = 23327;
	shm.shm_ctime = 1796445689;
	sc = sc64("shmctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffcb2334e10;
	sc.blob[2] = mem_blob(&shm, sizeof(shm));
	expect("shmctl IPC_STAT: the segment", &sc,
	       "shmctl(3, IPC_STAT, {shm_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, shm_segsz=4096, shm_cpid=23327, shm_lpid=0, shm_nattch=0, shm_atime=0, shm_dtime=0, shm_ctime=1796445689}) = 0");
	sc.has_exit = false;
	expect("shmctl IPC_STAT unfinished: the command", &sc,
	       "shmctl(3, IPC_STAT,  <unfinished ...>");
	sc.has_exit = true;
	sc.args[1] = 0x102;
	shm.shm_perm.__key = -2;
	shm.shm_perm.uid = 1000;
	shm.shm_perm.cgid = -1;
	shm.shm_perm.mode = 01600;
	shm.shm_nattch = 2;
	expect("shmctl IPC_64|IPC_STAT: a key, ids, the mode's high bits", &sc,
	       "shmctl(3, IPC_64|IPC_STAT, {shm_perm={uid=1000, gid=0, mode=01600, key=4294967294, cuid=0, cgid=-1}, shm_segsz=4096, shm_cpid=23327, shm_lpid=0, shm_nattch=2, shm_atime=0, shm_dtime=0, shm_ctime=1796445689}) = 0");
	sc.args[1] = 1;
	expect("shmctl IPC_SET: the fields it sets", &sc,
	       "shmctl(3, IPC_SET, {shm_perm={uid=1000, gid=0, mode=01600}}) = 0");
	sc.ret = -1;
	expect("shmctl IPC_SET failing: what it was given", &sc,
	       "shmctl(3, IPC_SET, {shm_perm={uid=1000, gid=0, mode=01600}}) = -1 EPERM (Operation not permitted)");
	sc.args[0] = 0;
	sc.args[1] = 13;
	sc.ret = -22;
	expect("shmctl SHM_STAT failing: the address", &sc,
	       "shmctl(0, SHM_STAT, 0x7ffcb2334e10)     = -1 EINVAL (Invalid argument)");
	sc.args[0] = 3;
	sc.args[1] = 2;
	sc.args[2] = 0;
	sc.blob[2] = (struct kt_blob){ 0 };
	sc.ret = -14;
	expect("shmctl IPC_STAT of NULL", &sc,
	       "shmctl(3, IPC_STAT, NULL)               = -1 EFAULT (Bad address)");
	sc.args[1] = 11;
	sc.ret = 0;
	expect("shmctl SHM_LOCK", &sc, "shmctl(3, SHM_LOCK, NULL)               = 0");
	shmi.shmmax = 18446744073692774399ULL;
	shmi.shmmin = 1;
	shmi.shmmni = 4096;
	shmi.shmseg = 4096;
	shmi.shmall = 18446744073692774399ULL;
	sc.args[1] = 3;
	sc.args[2] = 0x7ffcb2334e10;
	sc.blob[2] = mem_blob(&shmi, sizeof(shmi));
	sc.ret = 3;
	expect("shmctl IPC_INFO: struct shminfo", &sc,
	       "shmctl(3, IPC_INFO, {shmmax=18446744073692774399, shmmin=1, shmmni=4096, shmseg=4096, shmall=18446744073692774399}) = 3");
	shmu.used_ids = 2;
	shmu.shm_tot = 2;
	sc.args[1] = 14;
	sc.blob[2] = mem_blob(&shmu, sizeof(shmu));
	expect("shmctl SHM_INFO: struct shm_info", &sc,
	       "shmctl(3, SHM_INFO, {used_ids=2, shm_tot=2, shm_rss=0, shm_swp=0, swap_attempts=0, swap_successes=0}) = 3");
	sc.blob[2] = mem_blob(&shmu, 40);
	expect("shmctl SHM_INFO, too short: the address", &sc,
	       "shmctl(3, SHM_INFO, 0x7ffcb2334e10)     = 3");

	sem.sem_perm.mode = 0600;
	sem.sem_ctime = 1796445689;
	sem.sem_nsems = 3;
	sc = sc64("semctl", 0);
	sc.args[0] = 2;
	sc.args[2] = 2;
	sc.args[3] = 0x7ffcb2334c88;
	sc.blob[3] = mem_blob(&sem, sizeof(sem));
	expect("semctl IPC_STAT: the set", &sc,
	       "semctl(2, 0, IPC_STAT, {sem_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, sem_otime=0, sem_ctime=1796445689, sem_nsems=3}) = 0");
	sem.sem_perm.mode = 0640;
	sc.args[2] = 1;
	expect("semctl IPC_SET: the fields it sets", &sc,
	       "semctl(2, 0, IPC_SET, {sem_perm={uid=0, gid=0, mode=0640}}) = 0");
	semi.semmap = 1024000000;
	semi.semmni = 32000;
	semi.semmns = 1024000000;
	semi.semmnu = 1024000000;
	semi.semmsl = 32000;
	semi.semopm = 500;
	semi.semume = 500;
	semi.semusz = 1;
	semi.semvmx = 32767;
	semi.semaem = 3;
	sc.args[2] = 19;
	sc.blob[3] = mem_blob(&semi, sizeof(semi));
	sc.ret = 2;
	expect("semctl SEM_INFO: struct seminfo", &sc,
	       "semctl(2, 0, SEM_INFO, {semmap=1024000000, semmni=32000, semmns=1024000000, semmnu=1024000000, semmsl=32000, semopm=500, semume=500, semusz=1, semvmx=32767, semaem=3}) = 2");
	sc.args[1] = 1;
	sc.args[2] = 16;
	sc.args[3] = 0x7ffc00000007;
	sc.blob[3] = (struct kt_blob){ 0 };
	sc.ret = 0;
	expect("semctl SETVAL: the union as strace prints it", &sc,
	       "semctl(2, 1, SETVAL, 0x7ffc00000007)    = 0");
	sc.args[1] = 0;
	sc.args[2] = 13;
	sc.args[3] = 0x7ffcb2334c88;
	expect("semctl GETALL: the array's address", &sc,
	       "semctl(2, 0, GETALL, 0x7ffcb2334c88)    = 0");

	msq.msg_perm.mode = 0600;
	msq.msg_ctime = 1796445689;
	msq.msg_qbytes = 16384;
	msq.msg_lspid = 7;
	msq.msg_lrpid = 8;
	sc = sc64("msgctl", 0);
	sc.args[0] = 2;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffcb2334e10;
	sc.blob[2] = mem_blob(&msq, sizeof(msq));
	expect("msgctl IPC_STAT: the queue", &sc,
	       "msgctl(2, IPC_STAT, {msg_perm={uid=0, gid=0, mode=0600, key=0, cuid=0, cgid=0}, msg_stime=0, msg_rtime=0, msg_ctime=1796445689, msg_qnum=0, msg_qbytes=16384, msg_lspid=7, msg_lrpid=8}) = 0");
	msq.msg_qbytes = 1000;
	sc.args[1] = 1;
	expect("msgctl IPC_SET: the fields it sets", &sc,
	       "msgctl(2, IPC_SET, {msg_perm={uid=0, gid=0, mode=0600}, msg_qbytes=1000}) = 0");
	msgi.msgpool = 512000;
	msgi.msgmap = 16384;
	msgi.msgmax = 8192;
	msgi.msgmnb = 16384;
	msgi.msgmni = 32000;
	msgi.msgssz = 16;
	msgi.msgtql = 16384;
	msgi.msgseg = 65535;
	sc.args[1] = 3;
	sc.blob[2] = mem_blob(&msgi, sizeof(msgi));
	sc.ret = 2;
	expect("msgctl IPC_INFO: struct msginfo", &sc,
	       "msgctl(2, IPC_INFO, {msgpool=512000, msgmap=16384, msgmax=8192, msgmnb=16384, msgmni=32000, msgssz=16, msgtql=16384, msgseg=65535}) = 2");
	sc.ret = -22;
	expect("msgctl IPC_INFO failing: the address", &sc,
	       "msgctl(2, IPC_INFO, 0x7ffcb2334e10)     = -1 EINVAL (Invalid argument)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "msgctl", 0);
	sc.args[0] = 2;
	sc.args[1] = 0x102;
	sc.args[2] = 0xffd00000;
	expect("i386 msgctl: the address", &sc,
	       "msgctl(2, IPC_64|IPC_STAT, 0xffd00000)  = 0");

	v = 5;
	memcpy(ev, &v, 4);
	v = SIGUSR1;
	memcpy(ev + 8, &v, 4);
	sc = sc64("mq_notify", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffcb2334e10;
	sc.blob[1] = mem_blob(ev, sizeof(ev));
	expect("mq_notify: the sigevent", &sc,
	       "mq_notify(3, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}) = 0");
	v = 1;
	memcpy(ev + 12, &v, 4);
	expect("mq_notify SIGEV_NONE: the signal's number", &sc,
	       "mq_notify(3, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=10, sigev_notify=SIGEV_NONE}) = 0");
	sc.args[1] = 0;
	sc.blob[1] = (struct kt_blob){ 0 };
	expect("mq_notify NULL", &sc, "mq_notify(3, NULL)                      = 0");
}

/*
 * Calls that had no decoder, as strace 6.1 prints them: a generic call's
 * int arguments, capget and capset, membarrier's query, pidfd_send_signal,
 * mlock2, readahead, the splices, sethostname, acct, delete_module,
 * userfaultfd, fanotify and seccomp.
 */
/* struct ptrace_syscall_info, in the kernel's layout */
struct psi {
	uint8_t op, pad[3];
	uint32_t arch;
	uint64_t ip, sp;
	union {
		struct {
			uint64_t nr, args[6];
			uint32_t ret_data;
		} call;
		struct {
			int64_t rval;
			uint8_t is_error;
		} exit;
	};
};

/*
 * PTRACE_GET_SYSCALL_INFO, which strace calls at every stop: the lines of
 * strace 6.1 tracing "strace -o /dev/null /bin/true" on the host.
 */
static void test_ptrace_syscall_info(void)
{
	struct kt_syscall sc;
	struct psi i = {
		.op = 1, .arch = 0xc000003e, .ip = 0x7f5f85c89829,
		.sp = 0x7ffc05ba4238,
		.call = { .nr = 80, .args = { 0x55a5c8860c81, 0xbad1fed1,
					      0xbad2fed2, 0xbad3fed3,
					      0xbad4fed4, 0xbad5fed5 } },
	};

	sc = sc64("ptrace", 80);
	sc.args[0] = 0x420e;
	sc.args[1] = 2957;
	sc.args[2] = 88;
	sc.args[3] = 0x7ffc05ba3000;
	sc.blob[3] = mem_blob(&i, 80);
	expect("ptrace PTRACE_GET_SYSCALL_INFO: a syscall's entry", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f5f85c89829, stack_pointer=0x7ffc05ba4238, entry={nr=__NR_chdir, args=[0x55a5c8860c81, 0xbad1fed1, 0xbad2fed2, 0xbad3fed3, 0xbad4fed4, 0xbad5fed5]}}) = 80");
	i.call.nr = 231;
	i.call.args[0] = 0;
	i.call.args[1] = 0xfac1c0d1;
	expect("ptrace PTRACE_GET_SYSCALL_INFO: a zero argument", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f5f85c89829, stack_pointer=0x7ffc05ba4238, entry={nr=__NR_exit_group, args=[0, 0xfac1c0d1, 0xbad2fed2, 0xbad3fed3, 0xbad4fed4, 0xbad5fed5]}}) = 80");
	i.arch = 0x40000003;
	i.call.nr = 20;
	sc.args[2] = 40;
	sc.blob[3] = mem_blob(&i, 40);
	expect("ptrace PTRACE_GET_SYSCALL_INFO: an i386 tracee's call, one argument asked for", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 40, {op=PTRACE_SYSCALL_INFO_ENTRY, arch=AUDIT_ARCH_I386, instruction_pointer=0x7f5f85c89829, stack_pointer=0x7ffc05ba4238, entry={nr=20 /* getpid */, args=[0]}}) = 80");

	memset(&i.call, 0, sizeof(i.call));
	i.op = 2;
	i.arch = 0xc000003e;
	i.exit.rval = -2;
	i.exit.is_error = 1;
	sc.ret = 33;
	sc.args[2] = 88;
	sc.blob[3] = mem_blob(&i, 33);
	expect("ptrace PTRACE_GET_SYSCALL_INFO: a failed call's exit", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f5f85c89829, stack_pointer=0x7ffc05ba4238, exit={rval=-ENOENT, is_error=1}}) = 33");
	i.exit.rval = 2957;
	i.exit.is_error = 0;
	expect("ptrace PTRACE_GET_SYSCALL_INFO: an exit's value", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, {op=PTRACE_SYSCALL_INFO_EXIT, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f5f85c89829, stack_pointer=0x7ffc05ba4238, exit={rval=2957, is_error=0}}) = 33");

	i.op = 0;
	i.ip = 0x7f5f85bc4267;
	i.sp = 0x7ffc05ba4248;
	sc.ret = 24;
	sc.blob[3] = mem_blob(&i, 24);
	expect("ptrace PTRACE_GET_SYSCALL_INFO: no syscall stop", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, {op=PTRACE_SYSCALL_INFO_NONE, arch=AUDIT_ARCH_X86_64, instruction_pointer=0x7f5f85bc4267, stack_pointer=0x7ffc05ba4248}) = 24");
	sc.ret = -3;
	sc.blob[3] = mem_blob(NULL, 0);
	expect("ptrace PTRACE_GET_SYSCALL_INFO failed: the pointer", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, 0x7ffc05ba3000) = -1 ESRCH (No such process)");
	sc.ret = 80;
	sc.blob[3] = mem_blob(&i, 40);
	expect("ptrace PTRACE_GET_SYSCALL_INFO beyond the bytes captured: the pointer", &sc,
	       "ptrace(PTRACE_GET_SYSCALL_INFO, 2957, 88, 0x7ffc05ba3000) = 80");
}

/* ptrace(2)'s requests as strace 6.1 prints them (tests/progs/ptrace) */
static void test_ptrace(void)
{
	static const uint64_t word = 0x1122334455667788ULL, zero, orig = 0x22;
	static const uint64_t regs[27] = {
		0x7ff627873020, 0x5560f83e7dd8, 0x7ffe79366298, 0x5560f83e8048,
		0x7ffe79366294, 0x7ffe79366548, 0x202, 0x7ff627661fa0,
		0x7ff627645740, 0x7ffe793661d0, 0xfffffffffffffdfe,
		0x7ff62771bdd0, 0, 0x7ffe79365fe0, 0xa, 0x22, 0x7ff62771bdd0,
		0x33, 0x202, 0x7ffe79366278, 0x2b, 0x7ff627645740, 0, 0, 0, 0, 0
	};
	static uint8_t si[128], fp[512];
	static const uint64_t usr2 = 1ULL << 11;
	struct kt_syscall sc;
	uint32_t w;

	sc = sc64("ptrace", -1);
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[3] = 3;
	expect("ptrace PTRACE_TRACEME: the request alone", &sc,
	       "ptrace(PTRACE_TRACEME)                  = -1 EPERM (Operation not permitted)");
	sc = sc64("ptrace", 0);
	sc.args[0] = 0x10;
	sc.args[1] = 1906;
	expect("ptrace PTRACE_ATTACH: the pid alone", &sc,
	       "ptrace(PTRACE_ATTACH, 1906)             = 0");
	sc.args[0] = 0x4208;
	expect("ptrace PTRACE_LISTEN", &sc,
	       "ptrace(PTRACE_LISTEN, 1906)             = 0");
	sc.args[0] = 0x4200;
	sc.args[3] = 0x41;
	expect("ptrace PTRACE_SETOPTIONS: the options", &sc,
	       "ptrace(PTRACE_SETOPTIONS, 1906, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_TRACEEXIT) = 0");
	sc.args[3] = 0x80000000;
	sc.ret = -22;
	expect("ptrace PTRACE_SETOPTIONS: an unknown option", &sc,
	       "ptrace(PTRACE_SETOPTIONS, 1906, NULL, 0x80000000 /* PTRACE_O_??? */) = -1 EINVAL (Invalid argument)");
	sc.ret = 0;
	sc.args[0] = 0x4206;
	sc.args[3] = 0x100008;
	expect("ptrace PTRACE_SEIZE: the options", &sc,
	       "ptrace(PTRACE_SEIZE, 1906, NULL, PTRACE_O_TRACECLONE|PTRACE_O_EXITKILL) = 0");
	sc.args[0] = 7;
	sc.args[3] = 10;
	expect("ptrace PTRACE_CONT: the signal", &sc,
	       "ptrace(PTRACE_CONT, 1906, NULL, SIGUSR1) = 0");
	sc.args[3] = 256;
	sc.ret = -5;
	expect("ptrace PTRACE_CONT: an unknown signal", &sc,
	       "ptrace(PTRACE_CONT, 1906, NULL, 256)    = -1 EIO (Input/output error)");
	sc.ret = 0;
	sc.args[0] = 0x11;
	sc.args[3] = 0;
	expect("ptrace PTRACE_DETACH: no signal", &sc,
	       "ptrace(PTRACE_DETACH, 1906, NULL, 0)    = 0");

	sc.args[0] = 2;
	sc.args[2] = 0x5560f83e8048;
	sc.args[3] = 0x7ffe79366200;
	sc.blob[3] = mem_blob(&word, 8);
	expect("ptrace PTRACE_PEEKDATA: the word peeked", &sc,
	       "ptrace(PTRACE_PEEKDATA, 1906, 0x5560f83e8048, [0x1122334455667788]) = 0");
	sc.has_exit = false;
	expect("ptrace PTRACE_PEEKDATA at the entry", &sc,
	       "ptrace(PTRACE_PEEKDATA, 1906, 0x5560f83e8048,  <unfinished ...>");
	sc.has_exit = true;
	sc.args[0] = 3;
	sc.args[2] = 8 * 15;
	sc.blob[3] = mem_blob(&orig, 8);
	expect("ptrace PTRACE_PEEKUSER: a register's offset", &sc,
	       "ptrace(PTRACE_PEEKUSER, 1906, 8*ORIG_RAX, [0x22]) = 0");
	sc.args[2] = 848 + 56;
	sc.blob[3] = mem_blob(&zero, 8);
	expect("ptrace PTRACE_PEEKUSER: an offset into a field, NULL", &sc,
	       "ptrace(PTRACE_PEEKUSER, 1906, offsetof(struct user, u_debugreg)+56, [NULL]) = 0");
	sc.args[2] = 912;
	expect("ptrace PTRACE_PEEKUSER: the struct's size", &sc,
	       "ptrace(PTRACE_PEEKUSER, 1906, sizeof(struct user), [NULL]) = 0");
	sc.args[2] = 1000;
	sc.ret = -5;
	sc.blob[3] = mem_blob(NULL, 0);
	expect("ptrace PTRACE_PEEKUSER failing: past the struct, the pointer", &sc,
	       "ptrace(PTRACE_PEEKUSER, 1906, 0x3e8, 0x7ffe79366200) = -1 EIO (Input/output error)");
	sc.args[2] = 8 * 4 + 3;
	expect("ptrace PTRACE_PEEKUSER: into a register", &sc,
	       "ptrace(PTRACE_PEEKUSER, 1906, 8*RBP+3, 0x7ffe79366200) = -1 EIO (Input/output error)");
	sc.ret = 0;
	sc.args[0] = 6;
	sc.args[2] = 848 + 56;
	sc.args[3] = 0;
	expect("ptrace PTRACE_POKEUSER: the word as an address", &sc,
	       "ptrace(PTRACE_POKEUSER, 1906, offsetof(struct user, u_debugreg)+56, NULL) = 0");
	sc.args[0] = 5;
	sc.args[2] = 0x5560f83e8048;
	sc.args[3] = 0x42;
	expect("ptrace PTRACE_POKEDATA", &sc,
	       "ptrace(PTRACE_POKEDATA, 1906, 0x5560f83e8048, 0x42) = 0");

	sc.args[0] = 0xc;
	sc.args[2] = 0;
	sc.args[3] = 0x7ffe79366200;
	sc.blob[3] = mem_blob(regs, sizeof(regs));
	expect("ptrace PTRACE_GETREGS: the registers, no address", &sc,
	       "ptrace(PTRACE_GETREGS, 1906, {r15=0x7ff627873020, r14=0x5560f83e7dd8, r13=0x7ffe79366298, r12=0x5560f83e8048, rbp=0x7ffe79366294, rbx=0x7ffe79366548, r11=0x202, r10=0x7ff627661fa0, r9=0x7ff627645740, r8=0x7ffe793661d0, rax=0xfffffffffffffdfe, rcx=0x7ff62771bdd0, rdx=0, rsi=0x7ffe79365fe0, rdi=0xa, orig_rax=0x22, rip=0x7ff62771bdd0, cs=0x33, eflags=0x202, rsp=0x7ffe79366278, ss=0x2b, fs_base=0x7ff627645740, gs_base=0, ds=0, es=0, fs=0, gs=0}) = 0");
	sc.args[0] = 0xd;
	expect("ptrace PTRACE_SETREGS", &sc,
	       "ptrace(PTRACE_SETREGS, 1906, {r15=0x7ff627873020, r14=0x5560f83e7dd8, r13=0x7ffe79366298, r12=0x5560f83e8048, rbp=0x7ffe79366294, rbx=0x7ffe79366548, r11=0x202, r10=0x7ff627661fa0, r9=0x7ff627645740, r8=0x7ffe793661d0, rax=0xfffffffffffffdfe, rcx=0x7ff62771bdd0, rdx=0, rsi=0x7ffe79365fe0, rdi=0xa, orig_rax=0x22, rip=0x7ff62771bdd0, cs=0x33, eflags=0x202, rsp=0x7ffe79366278, ss=0x2b, fs_base=0x7ff627645740, gs_base=0, ds=0, es=0, fs=0, gs=0}) = 0");
	sc.args[0] = 0xc;
	sc.args[3] = 1;
	sc.ret = -14;
	sc.blob[3] = mem_blob(NULL, 0);
	expect("ptrace PTRACE_GETREGS failing: the pointer", &sc,
	       "ptrace(PTRACE_GETREGS, 1906, 0x1)       = -1 EFAULT (Bad address)");

	w = 0x37f;
	memcpy(fp, &w, 2);
	w = 0x1f80;
	memcpy(fp + 24, &w, 4);
	w = 0x2ffff;
	memcpy(fp + 28, &w, 4);
	w = 0x351290c8;
	memcpy(fp + 160, &w, 4);
	sc.ret = 0;
	sc.args[0] = 0xe;
	sc.args[3] = 0x7ffe79366200;
	sc.blob[3] = mem_blob(fp, sizeof(fp));
	opts.strsize = 8;
	expect("ptrace PTRACE_GETFPREGS, -s 8: arrays of 8 words", &sc,
	       "ptrace(PTRACE_GETFPREGS, 1906, {cwd=0x37f, swd=0, ftw=0, fop=0, rip=0, rdp=0, mxcsr=0x1f80, mxcr_mask=0x2ffff, st_space=[0, 0, 0, 0, 0, 0, 0, 0, ...], xmm_space=[0x351290c8, 0, 0, 0, 0, 0, 0, 0, ...], padding=[0, 0, 0, 0, 0, 0, 0, 0, ...]}) = 0");
	opts.strsize = 32;
	sc.blob[3] = mem_blob(fp, 256);
	expect("ptrace PTRACE_GETFPREGS cut by the snap length: the pointer", &sc,
	       "ptrace(PTRACE_GETFPREGS, 1906, 0x7ffe79366200) = 0");

	memset(si, 0, sizeof(si));
	w = 19;
	memcpy(si, &w, 4);
	w = 0x80;
	memcpy(si + 8, &w, 4);
	sc.args[0] = 0x4202;
	sc.blob[3] = mem_blob(si, sizeof(si));
	expect("ptrace PTRACE_GETSIGINFO: the siginfo", &sc,
	       "ptrace(PTRACE_GETSIGINFO, 1906, NULL, {si_signo=SIGSTOP, si_code=SI_KERNEL}) = 0");
	sc.args[0] = 0x4203;
	expect("ptrace PTRACE_SETSIGINFO", &sc,
	       "ptrace(PTRACE_SETSIGINFO, 1906, NULL, {si_signo=SIGSTOP, si_code=SI_KERNEL}) = 0");
	sc.args[0] = 0x4202;
	sc.args[3] = 1;
	sc.ret = -14;
	sc.blob[3] = mem_blob(NULL, 0);
	expect("ptrace PTRACE_GETSIGINFO failing", &sc,
	       "ptrace(PTRACE_GETSIGINFO, 1906, NULL, 0x1) = -1 EFAULT (Bad address)");
	sc.args[0] = 0x4201;
	sc.args[3] = 0;
	expect("ptrace PTRACE_GETEVENTMSG failing", &sc,
	       "ptrace(PTRACE_GETEVENTMSG, 1906, NULL, NULL) = -1 EFAULT (Bad address)");
	sc.ret = 0;
	sc.args[3] = 0x7ffe79366200;
	sc.blob[3] = mem_blob(&word, 8);
	expect("ptrace PTRACE_GETEVENTMSG: the message in decimal", &sc,
	       "ptrace(PTRACE_GETEVENTMSG, 1906, NULL, [1234605616436508552]) = 0");
	sc.args[0] = 0x420a;
	sc.args[2] = 8;
	sc.blob[3] = mem_blob(&zero, 8);
	expect("ptrace PTRACE_GETSIGMASK: the size, the mask", &sc,
	       "ptrace(PTRACE_GETSIGMASK, 1906, 8, [])  = 0");
	sc.args[0] = 0x420b;
	sc.blob[3] = mem_blob(&usr2, 8);
	expect("ptrace PTRACE_SETSIGMASK", &sc,
	       "ptrace(PTRACE_SETSIGMASK, 1906, 8, [USR2]) = 0");
	sc.args[0] = 0x420a;
	sc.args[2] = 4;
	sc.ret = -22;
	sc.blob[3] = mem_blob(NULL, 0);
	expect("ptrace PTRACE_GETSIGMASK of a bad size: the pointer", &sc,
	       "ptrace(PTRACE_GETSIGMASK, 1906, 4, 0x7ffe79366200) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0x4242;
	sc.args[1] = 99999999;
	sc.args[2] = 1;
	sc.args[3] = 2;
	sc.ret = -3;
	expect("ptrace: an unknown request", &sc,
	       "ptrace(0x4242 /* PTRACE_??? */, 99999999, 0x1, 0x2) = -1 ESRCH (No such process)");

	sc = sc_new(KTRACE_CLI_ABI_I386, "ptrace", 0);
	sc.args[0] = 2;
	sc.args[1] = 7;
	sc.args[2] = 0x8049000;
	sc.args[3] = 0xffd00000;
	w = 0x42;
	sc.blob[3] = mem_blob(&w, 4);
	expect("ptrace i386 PTRACE_PEEKDATA: a 32-bit word", &sc,
	       "ptrace(PTRACE_PEEKDATA, 7, 0x8049000, [0x42]) = 0");
	test_ptrace_syscall_info();
}

/* The NUMA memory policies as strace 6.1 prints them (tests/progs/numa) */
static void test_numa(void)
{
	static const uint64_t node0[2] = { 1, 0 }, pages[2] = {
		0x7fd58b7c5000, 0x7fd58b7c6000
	};
	static const int32_t pref = 1, zeros[2], st[2] = { 0, -2 };
	struct kt_syscall sc;

	sc = sc64("set_mempolicy", 0);
	sc.args[0] = 1;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 64;
	sc.blob[1] = mem_blob(node0, 8);
	expect("set_mempolicy: the mode, the node mask", &sc,
	       "set_mempolicy(MPOL_PREFERRED, [0x00000000000001], 64) = 0");
	sc.args[0] = 2 | 0x8000;
	sc.args[2] = 65;
	sc.blob[1] = mem_blob(node0, 16);
	expect("set_mempolicy: a mode flag, maxnode 65", &sc,
	       "set_mempolicy(MPOL_BIND|MPOL_F_STATIC_NODES, [0x00000000000001], 65) = 0");
	sc.args[0] = 99;
	sc.args[2] = 64;
	sc.ret = -22;
	expect("set_mempolicy: an unknown mode", &sc,
	       "set_mempolicy(0x63 /* MPOL_??? */, [0x00000000000001], 64) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 0;
	sc.args[2] = 0;
	expect("set_mempolicy: maxnode 0, no long", &sc,
	       "set_mempolicy(MPOL_DEFAULT, [], 0)      = -1 EINVAL (Invalid argument)");
	sc.args[2] = 1;
	sc.ret = 0;
	expect("set_mempolicy: maxnode 1, the pointer", &sc,
	       "set_mempolicy(MPOL_DEFAULT, 0x7ffd0000, 1) = 0");
	sc.args[1] = 0;
	sc.args[2] = 0;
	expect("set_mempolicy: no mask", &sc,
	       "set_mempolicy(MPOL_DEFAULT, NULL, 0)    = 0");

	sc = sc64("get_mempolicy", 0);
	sc.args[0] = 0x7ffd1000;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 128;
	sc.blob[0] = mem_blob(&pref, 4);
	sc.blob[1] = mem_blob(node0, 16);
	expect("get_mempolicy: the mode and the mask written", &sc,
	       "get_mempolicy([MPOL_PREFERRED], [0x00000000000001, 0000000000000000], 128, NULL, 0) = 0");
	sc.has_exit = false;
	expect("get_mempolicy at the entry: nothing", &sc,
	       "get_mempolicy( <unfinished ...>");
	sc.has_exit = true;
	sc.args[0] = 0;
	sc.args[2] = 64;
	sc.args[4] = 4;
	sc.blob[0] = mem_blob(NULL, 0);
	expect("get_mempolicy MPOL_F_MEMS_ALLOWED", &sc,
	       "get_mempolicy(NULL, [0x00000000000001], 64, NULL, MPOL_F_MEMS_ALLOWED) = 0");
	sc.args[0] = 0x7ffd1000;
	sc.args[4] = 0;
	sc.ret = -38;
	/* strace 6.1: get_mempolicy(0x7ffc..., 0x7ffc..., 128, NULL, ...) */
	expect("get_mempolicy failing: what it writes as pointers", &sc,
	       "get_mempolicy(0x7ffd1000, 0x7ffd0000, 64, NULL, 0) = -1 ENOSYS (Function not implemented)");
	sc.args[1] = 1;
	sc.blob[1] = mem_blob(NULL, 0);
	sc.ret = -14;
	expect("get_mempolicy failing: the pointers", &sc,
	       "get_mempolicy(0x7ffd1000, 0x1, 64, NULL, 0) = -1 EFAULT (Bad address)");

	sc = sc64("mbind", -22);
	sc.args[0] = 0x7fd58b7c5000;
	sc.args[1] = 8192;
	sc.args[2] = 0x63 | 0x8000;
	sc.args[3] = 0x7ffd0000;
	sc.args[4] = 64;
	sc.blob[3] = mem_blob(node0, 8);
	expect("mbind: an unknown mode with a flag", &sc,
	       "mbind(0x7fd58b7c5000, 8192, MPOL_F_STATIC_NODES|0x63, [0x00000000000001], 64, 0) = -1 EINVAL (Invalid argument)");
	sc.ret = 0;
	sc.args[2] = 2;
	sc.args[5] = 1;
	expect("mbind: MPOL_BIND, MPOL_MF_STRICT", &sc,
	       "mbind(0x7fd58b7c5000, 8192, MPOL_BIND, [0x00000000000001], 64, MPOL_MF_STRICT) = 0");

	sc = sc64("migrate_pages", 0);
	sc.args[1] = 64;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 0x7ffd0000;
	sc.blob[2] = mem_blob(node0, 8);
	sc.blob[3] = mem_blob(node0, 8);
	expect("migrate_pages: the old and new nodes", &sc,
	       "migrate_pages(0, 64, [0x00000000000001], [0x00000000000001]) = 0");

	sc = sc64("move_pages", 0);
	sc.args[1] = 2;
	sc.args[2] = 0x7ffd0000;
	sc.args[4] = 0x7ffd1000;
	sc.blob[2] = mem_blob(pages, 16);
	sc.blob[4] = mem_blob(zeros, 8);
	expect("move_pages: no nodes, the status written", &sc,
	       "move_pages(0, 2, [0x7fd58b7c5000, 0x7fd58b7c6000], NULL, [0, 0], 0) = 0");
	sc.args[3] = 0x7ffd2000;
	sc.args[5] = 2;
	sc.blob[3] = mem_blob(zeros, 8);
	sc.blob[4] = mem_blob(st, 8);
	expect("move_pages: nodes, a status of -ENOENT", &sc,
	       "move_pages(0, 2, [0x7fd58b7c5000, 0x7fd58b7c6000], [0, 0], [0, -ENOENT], MPOL_MF_MOVE) = 0");
	sc.ret = -22;
	sc.args[5] = 0x100;
	expect("move_pages failing: the status as a pointer, as strace 6.1", &sc,
	       "move_pages(0, 2, [0x7fd58b7c5000, 0x7fd58b7c6000], [0, 0], 0x7ffd1000, 0x100 /* MPOL_??? */) = -1 EINVAL (Invalid argument)");
	sc = sc64("move_pages", -14);
	sc.args[1] = 1;
	sc.args[2] = 1;
	sc.args[4] = 8;
	expect("move_pages failing: the pointers", &sc,
	       "move_pages(0, 1, 0x1, NULL, 0x8, 0)     = -1 EFAULT (Bad address)");
}

static void test_sysmisc(void)
{
	static const uint32_t hdr[2] = { 0x20080522, 0 };
	static const uint32_t caps[6] = { 0x3, 0x3, 0, 0x2, 0x1, 0 };
	static const int64_t off0;
	static const uint32_t act = 0x80000000;
	static const uint16_t szs[3] = { 80, 24, 64 };
	static const struct {
		struct ktrace_iov_seg s;
		char data[8];
	} vec = { { 0x7ffd1000, 8, 8, 0 }, "vmsplice" };
	struct kt_syscall sc;

	sc = sc64("perf_event_open", 5);
	sc.args[0] = 0x7ffd0000;
	sc.args[2] = 0xffffffffffffffffULL;
	sc.args[3] = 0xffffffff;
	expect("no decoder: an int argument of -1 in decimal", &sc,
	       "perf_event_open(0x7ffd0000, 0, -1, -1, 0) = 5");

	sc = sc64("capget", 0);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd1000;
	sc.enter_blob[0] = mem_blob(hdr, 8);
	sc.blob[0] = sc.enter_blob[0];
	sc.blob[1] = mem_blob(caps, 24);
	expect("capget: the header and the sets the kernel wrote", &sc,
	       "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_ADMIN, permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_OVERRIDE, inheritable=0}) = 0");
	sc.ret = -22;
	expect("capget failing: the sets' pointer", &sc,
	       "capget({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, 0x7ffd1000) = -1 EINVAL (Invalid argument)");
	sc = sc64("capset", 0);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 0x7ffd1000;
	sc.blob[0] = mem_blob(hdr, 8);
	sc.blob[1] = mem_blob(caps, 24);
	expect("capset: the header and the sets", &sc,
	       "capset({version=_LINUX_CAPABILITY_VERSION_3, pid=0}, {effective=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_ADMIN, permitted=1<<CAP_CHOWN|1<<CAP_DAC_OVERRIDE|1<<CAP_MAC_OVERRIDE, inheritable=0}) = 0");

	sc = sc64("membarrier", 0x3ff);
	expect("membarrier query: the commands, in hex and by name", &sc,
	       "membarrier(MEMBARRIER_CMD_QUERY, 0)     = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)");
	sc = sc64("membarrier", 0);
	sc.args[0] = 16;
	expect("membarrier register", &sc,
	       "membarrier(MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0) = 0");
	sc.args[0] = 128;
	sc.args[1] = 1;
	sc.args[2] = 3;
	expect("membarrier on one CPU: its number", &sc,
	       "membarrier(MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ, MEMBARRIER_CMD_FLAG_CPU, 3) = 0");

	sc = sc64("pidfd_send_signal", 0);
	sc.args[0] = 3;
	sc.args[1] = 15;
	expect("pidfd_send_signal", &sc,
	       "pidfd_send_signal(3, SIGTERM, NULL, 0)  = 0");

	sc = sc64("mlock2", 0);
	sc.args[0] = 0x7fa5d344f000;
	sc.args[1] = 4096;
	sc.args[2] = 1;
	expect("mlock2", &sc, "mlock2(0x7fa5d344f000, 4096, MLOCK_ONFAULT) = 0");

	sc = sc64("readahead", 0);
	sc.args[0] = 4;
	sc.args[2] = 4096;
	expect("readahead", &sc, "readahead(4, 0, 4096)                   = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "readahead", 0);
	sc.args[0] = 4;
	sc.args[2] = 1;
	sc.args[3] = 4096;
	expect("i386 readahead: the offset in two words", &sc,
	       "readahead(4, 4294967296, 4096)          = 0");

	sc = sc64("splice", 8);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 8;
	sc.args[4] = 8;
	sc.args[5] = 5;
	sc.blob[1] = mem_blob(&off0, 8);
	expect("splice: an offset given, a NULL one", &sc,
	       "splice(4, [0], 8, NULL, 8, SPLICE_F_MOVE|SPLICE_F_MORE) = 8");
	sc = sc64("tee", 8);
	sc.args[0] = 5;
	sc.args[1] = 8;
	sc.args[2] = 8;
	sc.args[3] = 2;
	expect("tee", &sc, "tee(5, 8, 8, SPLICE_F_NONBLOCK)         = 8");
	sc = sc64("vmsplice", 8);
	sc.args[0] = 6;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 1;
	sc.blob[1] = mem_blob(&vec, sizeof(vec));
	expect("vmsplice: the vector", &sc,
	       "vmsplice(6, [{iov_base=\"vmsplice\", iov_len=8}], 1, 0) = 8");

	sc = sc64("sethostname", 0);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 2;
	sc.blob[0] = mem_blob("ktx", 3);
	expect("sethostname: the name's length", &sc,
	       "sethostname(\"kt\", 2)                    = 0");
	sc.args[1] = 65;
	sc.ret = -22;
	expect("sethostname: too long, the pointer", &sc,
	       "sethostname(0x7ffd0000, 65)             = -1 EINVAL (Invalid argument)");

	sc = sc64("acct", 0);
	expect("acct(NULL)", &sc, "acct(NULL)                              = 0");

	sc = sc64("delete_module", -2);
	sc.args[0] = 0x7ffd0000;
	sc.args[1] = 04000;
	sc.blob[0] = str_blob("nosuchmod");
	expect("delete_module", &sc,
	       "delete_module(\"nosuchmod\", O_NONBLOCK)  = -1 ENOENT (No such file or directory)");

	sc = sc64("userfaultfd", 9);
	sc.args[0] = 02004000;
	expect("userfaultfd", &sc,
	       "userfaultfd(O_NONBLOCK|O_CLOEXEC)       = 9");

	sc = sc64("fanotify_init", 11);
	sc.args[0] = 1;
	expect("fanotify_init", &sc,
	       "fanotify_init(FAN_CLASS_NOTIF|FAN_CLOEXEC, O_RDONLY) = 11");
	sc = sc64("fanotify_mark", 0);
	sc.args[0] = 11;
	sc.args[1] = 1;
	sc.args[2] = 0x28;
	sc.args[3] = (uint32_t)-100;
	sc.args[4] = 0x7ffd0000;
	sc.blob[4] = str_blob(".");
	expect("fanotify_mark: five arguments on x86_64", &sc,
	       "fanotify_mark(11, FAN_MARK_ADD, FAN_CLOSE_WRITE|FAN_OPEN, AT_FDCWD, \".\") = 0");
	sc.args[3] = -1;
	sc.args[4] = 0;
	sc.blob[4] = (struct kt_blob){ 0 };
	expect("fanotify_mark: FAN_NOFD", &sc,
	       "fanotify_mark(11, FAN_MARK_ADD, FAN_CLOSE_WRITE|FAN_OPEN, FAN_NOFD, NULL) = 0");

	sc = sc64("seccomp", 0);
	sc.args[0] = 2;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(&act, 4);
	expect("seccomp SECCOMP_GET_ACTION_AVAIL: the action", &sc,
	       "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_KILL_PROCESS]) = 0");
	sc.args[0] = 3;
	sc.blob[2] = mem_blob(szs, 6);
	expect("seccomp SECCOMP_GET_NOTIF_SIZES: the sizes", &sc,
	       "seccomp(SECCOMP_GET_NOTIF_SIZES, 0, {seccomp_notif=80, seccomp_notif_resp=24, seccomp_data=64}) = 0");
	sc.args[0] = 0;
	sc.args[2] = 0;
	sc.ret = -22;
	expect("seccomp SECCOMP_SET_MODE_STRICT", &sc,
	       "seccomp(SECCOMP_SET_MODE_STRICT, 0, NULL) = -1 EINVAL (Invalid argument)");
}

/* perf_event_open's attributes, as strace 6.1 printed them on the host. */
static void test_perf_event_open(void)
{
	struct perf_event_attr a = { 0 }, back = { 0 };
	struct kt_syscall sc;

	a.type = PERF_TYPE_SOFTWARE;
	a.size = 128;
	a.config = PERF_COUNT_SW_CPU_CLOCK;
	a.disabled = 1;
	a.exclude_kernel = 1;
	sc = sc64("perf_event_open", 3);
	sc.args[0] = 0x7ffd0000;
	sc.args[2] = -1;
	sc.args[3] = -1;
	sc.args[4] = 8;
	sc.enter_blob[0] = mem_blob(&a, 48);
	sc.blob[0] = mem_blob(&a, 8);
	expect("perf_event_open: the attributes as strace prints them without -v", &sc,
	       "perf_event_open({type=PERF_TYPE_SOFTWARE, size=PERF_ATTR_SIZE_VER7, config=PERF_COUNT_SW_CPU_CLOCK, sample_period=0, sample_type=0, read_format=0, disabled=1, exclude_kernel=1, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, PERF_FLAG_FD_CLOEXEC) = 3");
	sc.has_exit = false;
	expect("perf_event_open unfinished: nothing yet", &sc,
	       "perf_event_open( <unfinished ...>");
	sc.has_exit = true;

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_HW_CACHE;
	a.config = (3ULL << 32) | (1 << 16) | (1 << 8) | 2;
	a.freq = 1;
	a.sample_freq = 4000;
	a.sample_type = PERF_SAMPLE_IP | PERF_SAMPLE_TID;
	a.precise_ip = 2;
	a.sigtrap = 1;
	a.remove_on_exec = 1;
	sc.args[4] = 0;
	sc.ret = -2;
	expect("perf_event_open: a cache event, a frequency, precise_ip, size 0", &sc,
	       "perf_event_open({type=PERF_TYPE_HW_CACHE, size=0 /* PERF_ATTR_SIZE_??? */, config=0x3<<32|PERF_COUNT_HW_CACHE_RESULT_MISS<<16|PERF_COUNT_HW_CACHE_OP_WRITE<<8|PERF_COUNT_HW_CACHE_LL, sample_freq=4000, sample_type=PERF_SAMPLE_IP|PERF_SAMPLE_TID, read_format=0, freq=1, precise_ip=2 /* requested to have 0 skid */, remove_on_exec=1, sigtrap=1, ...}, 0, -1, -1, 0) = -1 ENOENT (No such file or directory)");

	memset(&a, 0, sizeof(a));
	a.type = PERF_TYPE_HARDWARE;
	a.size = 200;
	a.config = 1;
	back.size = 136;
	sc.enter_blob[0] = mem_blob(&a, 48);
	sc.blob[0] = mem_blob(&back, 8);
	sc.ret = -7;
	expect("perf_event_open E2BIG: the size the kernel wants", &sc,
	       "perf_event_open({type=PERF_TYPE_HARDWARE, size=0xc8 /* PERF_ATTR_SIZE_??? */ => 0x88 /* PERF_ATTR_SIZE_??? */, config=PERF_COUNT_HW_INSTRUCTIONS, sample_period=0, sample_type=0, read_format=0, precise_ip=0 /* arbitrary skid */, ...}, 0, -1, -1, 0) = -1 E2BIG (Argument list too long)");

	memset(&a, 0, sizeof(a));
	a.type = 77;
	a.size = 64;
	a.config = 0x1234;
	a.read_format = PERF_FORMAT_ID | 64;
	sc.enter_blob[0] = mem_blob(&a, 48);
	sc.blob[0] = mem_blob(&a, 8);
	sc.args[1] = -1;
	sc.args[2] = 0;
	sc.args[3] = 3;
	sc.args[4] = 0x40;
	sc.ret = -22;
	expect("perf_event_open: unknown type, flags, read format", &sc,
	       "perf_event_open({type=0x4d /* PERF_TYPE_??? */, size=PERF_ATTR_SIZE_VER0, config=0x1234, sample_period=0, sample_type=0, read_format=PERF_FORMAT_ID|0x40, precise_ip=0 /* arbitrary skid */, ...}, -1, 0, 3, 0x40 /* PERF_FLAG_??? */) = -1 EINVAL (Invalid argument)");

	a.size = 32;
	sc.args[1] = 0;
	sc.args[2] = -1;
	sc.args[3] = -1;
	sc.args[4] = 0;
	sc.ret = -7;
	expect("perf_event_open: a size below the first version's, the address", &sc,
	       "perf_event_open(0x7ffd0000, 0, -1, -1, 0) = -1 E2BIG (Argument list too long)");
}

/* The AIO calls but io_submit, as strace 6.1 printed them on the host. */
static void test_aio(void)
{
	static const uint64_t ctx = 0x7fa358c9d000;
	static const uint64_t ev[4] = { 0x42, 0x7fffab916ad0, 3, 0 };
	static const int64_t ts[2] = { 0, 1000 };
	static const uint64_t sig[2] = { 0, 8 };
	uint8_t cb[64] = { 0x42 };
	struct kt_syscall sc;

	sc = sc64("io_setup", 0);
	sc.args[0] = 8;
	sc.args[1] = 0x7fffab916b10;
	sc.blob[1] = mem_blob(&ctx, 8);
	expect("io_setup: the context", &sc,
	       "io_setup(8, [0x7fa358c9d000])           = 0");
	sc.args[0] = 0;
	sc.blob[1] = (struct kt_blob){ 0 };
	sc.ret = -22;
	expect("io_setup failing: the address", &sc,
	       "io_setup(0, 0x7fffab916b10)             = -1 EINVAL (Invalid argument)");

	sc = sc64("io_getevents", 1);
	sc.args[0] = ctx;
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[3] = 0x7fffab916b20;
	sc.args[4] = 0x7fffab916b00;
	sc.blob[3] = mem_blob(ev, sizeof(ev));
	sc.blob[4] = mem_blob(ts, sizeof(ts));
	expect("io_getevents: the events, the timeout", &sc,
	       "io_getevents(0x7fa358c9d000, 1, 2, [{data=0x42, obj=0x7fffab916ad0, res=3, res2=0}], {tv_sec=0, tv_nsec=1000}) = 1");
	sc.args[1] = 0;
	sc.blob[3] = (struct kt_blob){ 0 };
	sc.ret = 0;
	expect("io_getevents: none", &sc,
	       "io_getevents(0x7fa358c9d000, 0, 2, [], {tv_sec=0, tv_nsec=1000}) = 0");
	sc.has_exit = false;
	expect("io_getevents unfinished: the counts", &sc,
	       "io_getevents(0x7fa358c9d000, 0, 2,  <unfinished ...>");
	sc = sc64("io_pgetevents", 0);
	sc.args[0] = ctx;
	sc.args[2] = 2;
	sc.args[3] = 0x7fffab916b20;
	sc.args[4] = 0x7fffab916b00;
	sc.args[5] = 0x7fffab916af0;
	sc.blob[4] = mem_blob(ts, sizeof(ts));
	sc.blob[5] = mem_blob(sig, sizeof(sig));
	expect("io_pgetevents: and the mask's struct", &sc,
	       "io_pgetevents(0x7fa358c9d000, 0, 2, [], {tv_sec=0, tv_nsec=1000}, {sigmask=NULL, sigsetsize=8}) = 0");

	cb[20] = 3;	/* aio_fildes */
	sc = sc64("io_cancel", -22);
	sc.args[0] = ctx;
	sc.args[1] = 0x7fffab916a40;
	sc.args[2] = 0x7fffab916a80;
	sc.blob[1] = mem_blob(cb, sizeof(cb));
	expect("io_cancel: the iocb's header, the event's address", &sc,
	       "io_cancel(0x7fa358c9d000, {aio_data=0x42, aio_lio_opcode=IOCB_CMD_PREAD, aio_fildes=3}, 0x7fffab916a80) = -1 EINVAL (Invalid argument)");
	sc = sc64("io_destroy", -22);
	expect("io_destroy of no context", &sc,
	       "io_destroy(NULL)                        = -1 EINVAL (Invalid argument)");
}

/* io_uring's calls, as strace 6.1 printed them on the host. */
static void test_io_uring(void)
{
	static const int32_t fds[2] = { 0, 1 };
	static const uint64_t usr1 = 1ULL << 9;
	struct io_uring_params in = { 0 }, out = { 0 };
	struct kt_syscall sc;

	out.sq_entries = 4;
	out.cq_entries = 8;
	out.features = 0x3ffff;
	out.sq_off.tail = 4;
	out.sq_off.ring_mask = 16;
	out.sq_off.ring_entries = 24;
	out.sq_off.flags = 36;
	out.sq_off.dropped = 32;
	out.sq_off.array = 192;
	out.cq_off.head = 8;
	out.cq_off.tail = 12;
	out.cq_off.ring_mask = 20;
	out.cq_off.ring_entries = 28;
	out.cq_off.overflow = 44;
	out.cq_off.cqes = 64;
	out.cq_off.flags = 40;
	sc = sc64("io_uring_setup", 3);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	sc.enter_blob[1] = mem_blob(&in, sizeof(in));
	sc.blob[1] = mem_blob(&out, sizeof(out));
	expect("io_uring_setup: what was asked and what the kernel answered", &sc,
	       "io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0, sq_entries=4, cq_entries=8, features=IORING_FEAT_SINGLE_MMAP|IORING_FEAT_NODROP|IORING_FEAT_SUBMIT_STABLE|IORING_FEAT_RW_CUR_POS|IORING_FEAT_CUR_PERSONALITY|IORING_FEAT_FAST_POLL|IORING_FEAT_POLL_32BITS|IORING_FEAT_SQPOLL_NONFIXED|IORING_FEAT_EXT_ARG|IORING_FEAT_NATIVE_WORKERS|IORING_FEAT_RSRC_TAGS|IORING_FEAT_CQE_SKIP|IORING_FEAT_LINKED_FILE|0x3e000, sq_off={head=0, tail=4, ring_mask=16, ring_entries=24, flags=36, dropped=32, array=192}, cq_off={head=8, tail=12, ring_mask=20, ring_entries=28, overflow=44, cqes=64, flags=40}}) = 3");
	sc.has_exit = false;
	sc.blob[1] = sc.enter_blob[1];
	expect("io_uring_setup unfinished: what was asked", &sc,
	       "io_uring_setup(4, {flags=0, sq_thread_cpu=0, sq_thread_idle=0 <unfinished ...>");
	sc.has_exit = true;
	in.flags = IORING_SETUP_ATTACH_WQ | IORING_SETUP_SQPOLL | (1U << 13);
	in.sq_thread_cpu = 1;
	in.wq_fd = 3;
	in.resv[1] = 7;
	sc.ret = -22;
	expect("io_uring_setup failing: what was asked, wq_fd, resv, an unknown flag", &sc,
	       "io_uring_setup(4, {flags=IORING_SETUP_SQPOLL|IORING_SETUP_ATTACH_WQ|0x2000, sq_thread_cpu=0x1, sq_thread_idle=0, wq_fd=3, resv=[0, 0x7, 0]}) = -1 EINVAL (Invalid argument)");

	sc = sc64("io_uring_enter", 0);
	sc.args[0] = 3;
	sc.args[3] = 1;
	sc.args[5] = 8;
	expect("io_uring_enter: no mask", &sc,
	       "io_uring_enter(3, 0, 0, IORING_ENTER_GETEVENTS, NULL, 8) = 0");
	sc.args[4] = 0x7ffc94b3b900;
	sc.blob[4] = mem_blob(&usr1, 8);
	expect("io_uring_enter: a mask", &sc,
	       "io_uring_enter(3, 0, 0, IORING_ENTER_GETEVENTS, [USR1], 8) = 0");
	sc.args[3] = 0;
	sc.args[5] = 4;
	expect("io_uring_enter: a mask of a wrong size, its address", &sc,
	       "io_uring_enter(3, 0, 0, 0, 0x7ffc94b3b900, 4) = 0");

	sc = sc64("io_uring_register", 0);
	sc.args[0] = 3;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffd0000;
	sc.args[3] = 2;
	sc.blob[2] = mem_blob(fds, sizeof(fds));
	expect("io_uring_register FILES: the descriptors", &sc,
	       "io_uring_register(3, IORING_REGISTER_FILES, [0, 1], 2) = 0");
	sc.args[1] = 3;
	sc.args[2] = 0;
	sc.args[3] = 0;
	sc.blob[2] = (struct kt_blob){ 0 };
	expect("io_uring_register UNREGISTER_FILES", &sc,
	       "io_uring_register(3, IORING_UNREGISTER_FILES, NULL, 0) = 0");
	sc.args[1] = 99;
	sc.ret = -22;
	expect("io_uring_register: an unknown opcode", &sc,
	       "io_uring_register(3, 0x63 /* IORING_REGISTER_??? */, NULL, 0) = -1 EINVAL (Invalid argument)");
}

/*
 * File handles: name_to_handle_at()'s size asked and written, the handle,
 * the mount id; open_by_handle_at()'s handle; as strace 6.1 printed them
 * on the host.
 */
static void test_file_handles(void)
{
	static const uint32_t asked = 128, zero;
	static const uint8_t fh[16] = { 8, 0, 0, 0, 1, 0, 0, 0,
					0x5d, 0x03, 0, 0, 0, 0, 0, 0 };
	static const uint8_t need[8] = { 8, 0, 0, 0, 0, 0, 0, 0 };
	static const int32_t mnt = 26;
	struct kt_syscall sc;

	sc = sc64("name_to_handle_at", 0);
	sc.args[0] = (uint32_t)-100;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x7ffd1000;
	sc.args[3] = 0x7fff77c4d5fc;
	sc.blob[1] = str_blob("/etc/passwd");
	sc.enter_blob[2] = mem_blob(&asked, 4);
	sc.blob[2] = mem_blob(fh, sizeof(fh));
	sc.blob[3] = mem_blob(&mnt, 4);
	expect("name_to_handle_at: the size asked and written, the handle, the mount id", &sc,
	       "name_to_handle_at(AT_FDCWD, \"/etc/passwd\", {handle_bytes=128 => 8, handle_type=1, f_handle=\"\\x5d\\x03\\x00\\x00\\x00\\x00\\x00\\x00\"}, [26], 0) = 0");
	sc.has_exit = false;
	expect("name_to_handle_at unfinished: the size asked", &sc,
	       "name_to_handle_at(AT_FDCWD, \"/etc/passwd\", {handle_bytes=128 <unfinished ...>");
	sc.has_exit = true;
	sc.args[4] = 0x400;
	sc.enter_blob[2] = mem_blob(&zero, 4);
	sc.blob[2] = mem_blob(need, sizeof(need));
	sc.blob[3] = (struct kt_blob){ 0 };
	sc.ret = -75;
	expect("name_to_handle_at EOVERFLOW: the size needed", &sc,
	       "name_to_handle_at(AT_FDCWD, \"/etc/passwd\", {handle_bytes=0 => 8}, 0x7fff77c4d5fc, AT_SYMLINK_FOLLOW) = -1 EOVERFLOW (Value too large for defined data type)");
	sc.ret = -2;
	expect("name_to_handle_at ENOENT: the size asked alone", &sc,
	       "name_to_handle_at(AT_FDCWD, \"/etc/passwd\", {handle_bytes=0}, 0x7fff77c4d5fc, AT_SYMLINK_FOLLOW) = -1 ENOENT (No such file or directory)");
	sc.enter_blob[2] = (struct kt_blob){ 0, 0, KT_BLOB_FAULT };
	sc.ret = -14;
	expect("name_to_handle_at of a bad handle: addresses", &sc,
	       "name_to_handle_at(AT_FDCWD, \"/etc/passwd\", 0x7ffd1000, 0x7fff77c4d5fc, AT_SYMLINK_FOLLOW) = -1 EFAULT (Bad address)");

	sc = sc64("open_by_handle_at", 4);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd1000;
	sc.args[2] = 02000000;
	sc.blob[1] = mem_blob(fh, sizeof(fh));
	expect("open_by_handle_at: the handle, the flags", &sc,
	       "open_by_handle_at(3, {handle_bytes=8, handle_type=1, f_handle=\"\\x5d\\x03\\x00\\x00\\x00\\x00\\x00\\x00\"}, O_RDONLY|O_CLOEXEC) = 4");
	sc.blob[1] = mem_blob(fh, 12);
	expect("open_by_handle_at: a handle short of its size", &sc,
	       "open_by_handle_at(3, {handle_bytes=8, handle_type=1, f_handle=???}, O_RDONLY|O_CLOEXEC) = 4");
}

/*
 * struct timex at the exit of clock_adjtime() and adjtimex(), as strace
 * 6.1 printed it on the host; the clock's state by name.
 */
static void test_timex(void)
{
	struct timex t = { 0 };
	int32_t t32[32] = { 0 };
	struct kt_syscall sc;

	t.maxerror = 16000000;
	t.esterror = 16000000;
	t.status = STA_UNSYNC | STA_NANO;
	t.constant = 2;
	t.precision = 1;
	t.tolerance = 32768000;
	t.time.tv_sec = 1796446883;
	t.time.tv_usec = 657449964;
	t.tick = 10000;
	sc = sc64("clock_adjtime", 5);
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = mem_blob(&t, sizeof(t));
	expect("clock_adjtime: struct timex, the state by name", &sc,
	       "clock_adjtime(CLOCK_REALTIME, {modes=0, offset=0, freq=0, maxerror=16000000, esterror=16000000, status=STA_UNSYNC|STA_NANO, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796446883, tv_usec=657449964}, tick=10000, ppsfreq=0, jitter=0, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=0}) = 5 (TIME_ERROR)");
	sc.has_exit = false;
	expect("clock_adjtime unfinished: the clock", &sc,
	       "clock_adjtime(CLOCK_REALTIME,  <unfinished ...>");
	sc.has_exit = true;
	t.modes = ADJ_OFFSET | ADJ_STATUS;
	t.status = STA_PLL | STA_NANO;
	t.freq = -12345;
	t.tai = 37;
	t.shift = 4;
	sc.ret = 0;
	expect("clock_adjtime: modes, a negative frequency, shift and tai", &sc,
	       "clock_adjtime(CLOCK_REALTIME, {modes=ADJ_OFFSET|ADJ_STATUS, offset=0, freq=-12345, maxerror=16000000, esterror=16000000, status=STA_PLL|STA_NANO, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796446883, tv_usec=657449964}, tick=10000, ppsfreq=0, jitter=0, shift=4, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}) = 0 (TIME_OK)");
	sc.ret = -1;
	expect("clock_adjtime failing: the address", &sc,
	       "clock_adjtime(CLOCK_REALTIME, 0x7ffd0000) = -1 EPERM (Operation not permitted)");
	sc = sc64("adjtimex", 1);
	sc.args[0] = 0x7ffd0000;
	t.modes = 0x8001;
	sc.blob[0] = mem_blob(&t, sizeof(t));
	expect("adjtimex: the struct alone, ADJ_OFFSET_SINGLESHOT", &sc,
	       "adjtimex({modes=ADJ_OFFSET_SINGLESHOT, offset=0, freq=-12345, maxerror=16000000, esterror=16000000, status=STA_PLL|STA_NANO, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796446883, tv_usec=657449964}, tick=10000, ppsfreq=0, jitter=0, shift=4, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}) = 1 (TIME_INS)");

	t32[3] = 16000000;	/* maxerror */
	t32[5] = STA_UNSYNC;	/* status */
	t32[9] = 1700000000;	/* time.tv_sec */
	t32[10] = 5;		/* time.tv_usec */
	t32[11] = 10000;	/* tick */
	t32[13] = -3;		/* jitter */
	t32[20] = 37;		/* tai */
	sc = sc_new(KTRACE_CLI_ABI_I386, "adjtimex", 5);
	sc.args[0] = 0xffd00000;
	sc.blob[0] = mem_blob(t32, 128);
	expect("i386 adjtimex: longs of 4 bytes", &sc,
	       "adjtimex({modes=0, offset=0, freq=0, maxerror=16000000, esterror=0, status=STA_UNSYNC, constant=0, precision=0, tolerance=0, time={tv_sec=1700000000, tv_usec=5}, tick=10000, ppsfreq=0, jitter=-3, shift=0, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}) = 5 (TIME_ERROR)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "clock_adjtime64", 5);
	sc.args[1] = 0xffd00000;
	t.modes = 0;
	sc.blob[1] = mem_blob(&t, sizeof(t));
	expect("i386 clock_adjtime64: x86_64's layout", &sc,
	       "clock_adjtime64(CLOCK_REALTIME, {modes=0, offset=0, freq=-12345, maxerror=16000000, esterror=16000000, status=STA_PLL|STA_NANO, constant=2, precision=1, tolerance=32768000, time={tv_sec=1796446883, tv_usec=657449964}, tick=10000, ppsfreq=0, jitter=0, shift=4, stabil=0, jitcnt=0, calcnt=0, errcnt=0, stbcnt=0, tai=37}) = 5 (TIME_ERROR)");
}

/*
 * A struct sock_fprog (seccomp, PR_SET_SECCOMP, SO_ATTACH_FILTER): its
 * length and the program's address, as strace 6.1 prints them without -v.
 */
static void test_fprog(void)
{
	static const uint64_t fprog[2] = { 4, 0x7ffc8b4e4090 };
	static const uint32_t fprog32[2] = { 1, 0xffd01000 };
	struct kt_syscall sc;

	sc = sc64("seccomp", 0);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffc8b4e4000;
	sc.blob[2] = mem_blob(fprog, sizeof(fprog));
	expect("seccomp SECCOMP_SET_MODE_FILTER: the program's length and address", &sc,
	       "seccomp(SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_LOG, {len=4, filter=0x7ffc8b4e4090}) = 0");
	sc.args[1] = 0;
	sc.args[2] = 0x10;
	sc.blob[2] = (struct kt_blob){ 0, 0, KT_BLOB_FAULT };
	sc.ret = -14;
	expect("seccomp SECCOMP_SET_MODE_FILTER of a bad address", &sc,
	       "seccomp(SECCOMP_SET_MODE_FILTER, 0, 0x10) = -1 EFAULT (Bad address)");

	sc = sc64("prctl", 0);
	sc.args[0] = 22;
	sc.args[1] = 2;
	sc.args[2] = 0x7ffc8b4e4000;
	sc.args[3] = 7;
	sc.blob[2] = mem_blob(fprog, sizeof(fprog));
	expect("prctl PR_SET_SECCOMP: the mode and the program, no more", &sc,
	       "prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, {len=4, filter=0x7ffc8b4e4090}) = 0");
	sc.args[1] = 1;
	expect("prctl PR_SET_SECCOMP: strict mode alone", &sc,
	       "prctl(PR_SET_SECCOMP, SECCOMP_MODE_STRICT) = 0");
	sc.args[1] = 5;
	sc.args[2] = 1;
	sc.args[3] = 2;
	sc.args[4] = 3;
	sc.ret = -22;
	expect("prctl PR_SET_SECCOMP: an unknown mode and the rest", &sc,
	       "prctl(PR_SET_SECCOMP, 0x5 /* SECCOMP_MODE_??? */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");

	sc = sc64("setsockopt", 0);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 26;
	sc.args[3] = 0x7ffe24b62280;
	sc.args[4] = 16;
	sc.blob[3] = mem_blob(fprog, sizeof(fprog));
	expect("setsockopt SO_ATTACH_FILTER: the program's length and address", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=4, filter=0x7ffc8b4e4090}, 16) = 0");
	sc.args[2] = 51;
	sc.ret = -22;
	expect("setsockopt SO_ATTACH_REUSEPORT_CBPF: likewise", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_ATTACH_REUSEPORT_CBPF, {len=4, filter=0x7ffc8b4e4090}, 16) = -1 EINVAL (Invalid argument)");
	sc.args[2] = 26;
	sc.args[4] = 4;
	sc.blob[3] = mem_blob(fprog, 4);
	expect("setsockopt SO_ATTACH_FILTER of another length: the address", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, 0x7ffe24b62280, 4) = -1 EINVAL (Invalid argument)");

	sc = sc_new(KTRACE_CLI_ABI_I386, "setsockopt", 0);
	sc.args[0] = 3;
	sc.args[1] = 1;
	sc.args[2] = 26;
	sc.args[3] = 0xffd00000;
	sc.args[4] = 8;
	sc.blob[3] = mem_blob(fprog32, sizeof(fprog32));
	expect("i386 setsockopt SO_ATTACH_FILTER: the 8-byte struct", &sc,
	       "setsockopt(3, SOL_SOCKET, SO_ATTACH_FILTER, {len=1, filter=0xffd01000}, 8) = 0");
}

/*
 * Syscalls newer than 6.1, each expected line what strace 6.13 (Debian
 * trixie's) printed for the same call on a 6.18 kernel, its addresses
 * replaced by the records'.  The values of setxattrat's and getxattrat's
 * struct xattr_args are pointers, where strace prints the bytes
 * (ktrace(1), BUGS).
 */
static void test_newer(void)
{
	static const uint64_t range[2] = { 0, 4096 };
	static const uint64_t cstat[5] = { 0, 0, 0, 1, 1 };
	static const uint64_t req24[4] = { 24, UINT64_MAX, 0, 0 };
	static const uint64_t req32[4] = { 32, UINT64_MAX, 0, 0 };
	static const uint64_t req8[4] = { 8, 0, 0, 0 };
	static const uint64_t spare[4] = { 24 | 5ULL << 32, 0x80000001, 0, 0 };
	static const uint64_t ids[2] = { 0x80000261, 0x80000262 };
	static const uint64_t waiters[6] = {
		0, 0x7ffec2133bcc, 0x82, 1, 0x7ffec2133bc8, 2
	};
	static const uint64_t xa[2] = { 0, 1ULL << 32 };
	static const uint64_t xa_hello[2] = { 0x47a050, 6 | 1ULL << 32 };
	static const uint64_t xa_get[2] = { 0x7ffec6f34640, 64 };
	static const uint64_t ts[2] = { 1, 500 };
	static const uint64_t lsm[4] = { 108, 100, 110, 109 };
	static const uint32_t lsm_size[3] = { 64, 32, 0 };
	struct kt_syscall sc;

	sc = sc64("cachestat", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffca88dd7d0;
	sc.args[2] = 0x7ffca88dd7c0;
	sc.blob[1] = mem_blob(range, sizeof(range));
	sc.blob[2] = mem_blob(cstat, sizeof(cstat));
	expect("cachestat: the range and the page cache's counts", &sc,
	       "cachestat(3, {off=0, len=4096}, {nr_cache=0, nr_dirty=0, nr_writeback=0, nr_evicted=1, nr_recently_evicted=1}, 0) = 0");
	sc.ret = -9;
	sc.args[0] = (uint64_t)-1;
	sc.blob[2] = mem_blob(NULL, 0);
	expect("cachestat, failed: the counts' address", &sc,
	       "cachestat(-1, {off=0, len=4096}, 0x7ffca88dd7c0, 0) = -1 EBADF (Bad file descriptor)");
	sc = sc64("cachestat", -14);
	sc.args[3] = 3;
	expect("cachestat: NULLs, flags in hex", &sc,
	       "cachestat(0, NULL, NULL, 0x3)           = -1 EFAULT (Bad address)");

	sc = sc64("fchmodat2", 0);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0755;
	sc.args[3] = 0x100;
	sc.blob[1] = str_blob("/tmp/nc");
	expect("fchmodat2: its flags", &sc,
	       "fchmodat2(AT_FDCWD, \"/tmp/nc\", 0755, AT_SYMLINK_NOFOLLOW) = 0");

	sc = sc64("map_shadow_stack", -38);
	sc.args[1] = 4096;
	sc.args[2] = 1;
	expect("map_shadow_stack", &sc,
	       "map_shadow_stack(NULL, 4096, SHADOW_STACK_SET_TOKEN) = -1 ENOSYS (Function not implemented)");
	sc.args[0] = 0x1000;
	sc.args[1] = 8192;
	sc.args[2] = 3;
	expect("map_shadow_stack: an unknown flag", &sc,
	       "map_shadow_stack(0x1000, 8192, SHADOW_STACK_SET_TOKEN|0x2) = -1 ENOSYS (Function not implemented)");

	sc = sc64("mseal", 0);
	sc.args[0] = 0x7f8bebc4c000;
	sc.args[1] = 4096;
	expect("mseal", &sc, "mseal(0x7f8bebc4c000, 4096, 0)          = 0");
	sc = sc64("mseal", -22);
	sc.args[2] = 0x10;
	expect("mseal: flags in hex", &sc,
	       "mseal(NULL, 0, 0x10)                    = -1 EINVAL (Invalid argument)");

	sc = sc64("futex_wake", 0);
	sc.args[0] = 0x7ffca88dd78c;
	sc.args[1] = 0xffffffff;
	sc.args[2] = 1;
	sc.args[3] = 0x82;
	expect("futex_wake: the bitset and futex2's flags", &sc,
	       "futex_wake(0x7ffca88dd78c, FUTEX_BITSET_MATCH_ANY, 1, FUTEX2_SIZE_U32|FUTEX2_PRIVATE) = 0");
	sc.ret = -22;
	sc.args[1] = 5;
	sc.args[2] = (uint32_t)-1;
	sc.args[3] = 0x85;
	expect("futex_wake: a mask, -1, FUTEX2_NUMA", &sc,
	       "futex_wake(0x7ffca88dd78c, 0x5, -1, FUTEX2_SIZE_U16|FUTEX2_NUMA|FUTEX2_PRIVATE) = -1 EINVAL (Invalid argument)");
	sc.args[2] = 1;
	sc.args[3] = 0x103;
	expect("futex_wake: an unknown flag", &sc,
	       "futex_wake(0x7ffca88dd78c, 0x5, 1, FUTEX2_SIZE_U64|0x100) = -1 EINVAL (Invalid argument)");
	sc = sc64("futex_wait", -11);
	sc.args[0] = 0x7ffca88dd78c;
	sc.args[1] = 1;
	sc.args[2] = 0xffffffff;
	sc.args[3] = 2;
	sc.args[4] = 0x7ffca88dd790;
	sc.args[5] = 1;
	sc.blob[4] = mem_blob(ts, sizeof(ts));
	expect("futex_wait: the timeout and the clock", &sc,
	       "futex_wait(0x7ffca88dd78c, 1, FUTEX_BITSET_MATCH_ANY, FUTEX2_SIZE_U32, {tv_sec=1, tv_nsec=500}, CLOCK_MONOTONIC) = -1 EAGAIN (Resource temporarily unavailable)");
	sc.args[3] = 0x82;
	sc.args[4] = 0;
	sc.args[5] = 0;
	sc.blob[4] = mem_blob(NULL, 0);
	expect("futex_wait: no timeout", &sc,
	       "futex_wait(0x7ffca88dd78c, 1, FUTEX_BITSET_MATCH_ANY, FUTEX2_SIZE_U32|FUTEX2_PRIVATE, NULL, CLOCK_REALTIME) = -1 EAGAIN (Resource temporarily unavailable)");
	sc = sc64("futex_requeue", -22);
	sc.args[0] = 0x7ffec2133bd0;
	sc.args[2] = 1;
	sc.args[3] = 1;
	sc.blob[0] = mem_blob(waiters, sizeof(waiters));
	expect("futex_requeue: its two waiters", &sc,
	       "futex_requeue([{val=0, uaddr=0x7ffec2133bcc, flags=FUTEX2_SIZE_U32|FUTEX2_PRIVATE}, {val=0x1, uaddr=0x7ffec2133bc8, flags=FUTEX2_SIZE_U32}], 0, 1, 1) = -1 EINVAL (Invalid argument)");
	sc = sc64("futex_requeue", -22);
	sc.args[1] = 0x80;
	expect("futex_requeue: none, flags in hex", &sc,
	       "futex_requeue(NULL, 0x80, 0, 0)         = -1 EINVAL (Invalid argument)");

	sc = sc64("listmount", 1);
	sc.args[0] = 0x7ffec2133c40;
	sc.args[1] = 0x7ffec2133c00;
	sc.args[2] = 64;
	sc.blob[0] = mem_blob(req24, sizeof(req24));
	sc.blob[1] = mem_blob(ids, 8);
	expect("listmount: the request and the ids returned", &sc,
	       "listmount({size=24, mnt_id=LSMT_ROOT, param=0}, [0x80000261], 64, 0) = 1");
	sc.args[2] = 2;
	sc.args[3] = 1;
	sc.blob[0] = mem_blob(req32, sizeof(req32));
	sc.blob[1] = mem_blob(ids, 16);
	sc.ret = 2;
	expect("listmount: a request of 32 bytes, LISTMOUNT_REVERSE", &sc,
	       "listmount({size=32, mnt_id=LSMT_ROOT, param=0, mnt_ns_id=0}, [0x80000261, 0x80000262], 2, LISTMOUNT_REVERSE) = 2");
	sc.ret = -22;
	sc.args[3] = 0;
	sc.blob[0] = mem_blob(req8, sizeof(req8));
	sc.blob[1] = mem_blob(NULL, 0);
	expect("listmount: a request too short, its size alone", &sc,
	       "listmount({size=8}, 0x7ffec2133c00, 2, 0) = -1 EINVAL (Invalid argument)");
	sc.args[3] = 0x10;
	sc.blob[0] = mem_blob(spare, sizeof(spare));
	expect("listmount: spare set, a mount id, an unknown flag", &sc,
	       "listmount({size=24, spare=0x5, mnt_id=0x80000001, param=0}, 0x7ffec2133c00, 2, 0x10 /* LISTMOUNT_??? */) = -1 EINVAL (Invalid argument)");
	sc = sc64("listmount", 0);
	sc.args[0] = 0x7ffec2133c40;
	sc.args[1] = 0x7ffec2133c00;
	sc.args[2] = 2;
	sc.blob[0] = mem_blob(req24, sizeof(req24));
	sc.blob[1] = mem_blob(ids, 0);
	expect("listmount: none returned", &sc,
	       "listmount({size=24, mnt_id=LSMT_ROOT, param=0}, [], 2, 0) = 0");

	sc = sc64("getxattrat", -22);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x47a030;
	sc.args[2] = 0x100;
	sc.args[3] = 0x47a040;
	sc.args[4] = 0x7ffec2133bd0;
	sc.args[5] = 16;
	sc.blob[1] = str_blob("/tmp/nc/x");
	sc.blob[3] = str_blob("user.k");
	sc.blob[4] = mem_blob(xa, sizeof(xa));
	expect("getxattrat: struct xattr_args, XATTR_CREATE", &sc,
	       "getxattrat(AT_FDCWD, \"/tmp/nc/x\", AT_SYMLINK_NOFOLLOW, \"user.k\", {value=NULL, size=0, flags=XATTR_CREATE}, 16) = -1 EINVAL (Invalid argument)");
	sc.nr = ktrace_syscall_number(KTRACE_CLI_ABI_X86_64, "setxattrat");
	sc.args[2] = 0x1100;
	sc.args[5] = 8;
	expect("setxattrat: a struct too short, its address", &sc,
	       "setxattrat(AT_FDCWD, \"/tmp/nc/x\", AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH, \"user.k\", 0x7ffec2133bd0, 8) = -1 EINVAL (Invalid argument)");
	sc = sc64("setxattrat", -14);
	sc.args[0] = 5;
	sc.args[1] = 0x47a030;
	sc.args[2] = 0x1002;
	sc.args[3] = 0x47a040;
	sc.args[5] = 16;
	sc.blob[1] = str_blob("");
	sc.blob[3] = str_blob("user.k");
	expect("setxattrat: an unknown flag, NULL", &sc,
	       "setxattrat(5, \"\", AT_EMPTY_PATH|0x2, \"user.k\", NULL, 16) = -1 EFAULT (Bad address)");
	/* the values (KTRACE_BLOB_DEREF, ABI 1.20) */
	sc = sc64("setxattrat", 0);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x47a030;
	sc.args[3] = 0x47a040;
	sc.args[4] = 0x7ffec6f34600;
	sc.args[5] = 16;
	sc.blob[1] = str_blob("/tmp/xaf");
	sc.blob[3] = str_blob("user.kt");
	sc.blob[4] = mem_blob(xa_hello, sizeof(xa_hello));
	add_deref(&sc, 4, 0, mem_blob("hello", 6));
	expect("setxattrat: the value, its NUL left out", &sc,
	       "setxattrat(AT_FDCWD, \"/tmp/xaf\", 0, \"user.kt\", {value=\"hello\", size=6, flags=XATTR_CREATE}, 16) = 0");
	sc.nr = ktrace_syscall_number(KTRACE_CLI_ABI_X86_64, "getxattrat");
	sc.ret = 6;
	sc.blob[4] = mem_blob(xa_get, sizeof(xa_get));
	expect("getxattrat: the value returned", &sc,
	       "getxattrat(AT_FDCWD, \"/tmp/xaf\", 0, \"user.kt\", {value=\"hello\", size=64, flags=0}, 16) = 6");
	sc.has_exit = false;
	expect("getxattrat, unfinished: the value is to come", &sc,
	       "getxattrat(AT_FDCWD, \"/tmp/xaf\", 0, \"user.kt\",  <unfinished ...>");
	sc.has_exit = true;
	sc.ret = -61;
	sc.blob[3] = str_blob("user.none");
	sc.nderef = 0;
	expect("getxattrat: an error, the address", &sc,
	       "getxattrat(AT_FDCWD, \"/tmp/xaf\", 0, \"user.none\", {value=0x7ffec6f34640, size=64, flags=0}, 16) = -1 ENODATA (No data available)");

	sc = sc64("listxattrat", 7);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x47a030;
	sc.args[3] = 0x7ffec2133a90;
	sc.args[4] = 100;
	sc.blob[1] = str_blob("/tmp/nc/x");
	sc.blob[3] = mem_blob("user.k", 7);
	expect("listxattrat: the names returned", &sc,
	       "listxattrat(AT_FDCWD, \"/tmp/nc/x\", 0, \"user.k\\0\", 100) = 7");
	sc.ret = 0;
	sc.args[4] = 0;
	expect("listxattrat: size 0, the address", &sc,
	       "listxattrat(AT_FDCWD, \"/tmp/nc/x\", 0, 0x7ffec2133a90, 0) = 0");
	sc = sc64("removexattrat", -22);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x47a030;
	sc.args[2] = 4;
	sc.args[3] = 0x47a040;
	sc.blob[1] = str_blob("/tmp/nc/nonexist");
	sc.blob[3] = str_blob("user.k");
	expect("removexattrat: an unknown at-flag", &sc,
	       "removexattrat(AT_FDCWD, \"/tmp/nc/nonexist\", 0x4 /* AT_??? */, \"user.k\") = -1 EINVAL (Invalid argument)");

	sc = sc64("lsm_list_modules", 4);
	sc.args[0] = 0x7ffca88dd750;
	sc.args[1] = 0x7ffca88dd74c;
	sc.enter_blob[1] = mem_blob(&lsm_size[0], 4);
	sc.blob[1] = mem_blob(&lsm_size[1], 4);
	sc.blob[0] = mem_blob(lsm, sizeof(lsm));
	expect("lsm_list_modules: the ids, the size given and written back", &sc,
	       "lsm_list_modules([LSM_ID_LOCKDOWN, LSM_ID_CAPABILITY, LSM_ID_LANDLOCK, LSM_ID_BPF], [64 => 32], 0) = 4");
	sc.ret = -7;
	sc.enter_blob[1] = mem_blob(&lsm_size[2], 4);
	sc.blob[0] = mem_blob(NULL, 0);
	expect("lsm_list_modules: E2BIG, the ids' address", &sc,
	       "lsm_list_modules(0x7ffca88dd750, [0 => 32], 0) = -1 E2BIG (Argument list too long)");
	sc.has_exit = false;
	sc.blob[1] = sc.enter_blob[1];
	expect("lsm_list_modules, unfinished: all at the exit", &sc,
	       "lsm_list_modules( <unfinished ...>");
	sc = sc64("lsm_list_modules", -14);
	sc.args[2] = 1;
	expect("lsm_list_modules: no size, everything at once", &sc,
	       "lsm_list_modules(NULL, NULL, 0x1)       = -1 EFAULT (Bad address)");
	sc = sc64("getpid", 0);
	sc.nr = 472;
	expect("fchroot, 7.x's newest: named", &sc,
	       "fchroot(0, 0)                           = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "mseal", -38);
	expect("i386's table has them too", &sc,
	       "mseal(NULL, 0, 0)                       = -1 ENOSYS (Function not implemented)");
}

static void test_raw(void)
{
	struct kt_syscall sc;
	struct kt_buf b = { 0 };

	sc = sc64("getpid", 0);
	sc.nr = 0x1f0;
	sc.args[0] = 3;
	expect("unknown syscall number", &sc,
	       "syscall_0x1f0(0x3, 0, 0, 0, 0, 0)       = 0");

	sc = sc64("ioperm", -38);	/* ENOSYS */
	sc.args[0] = 0x3f8;
	sc.args[1] = 8;
	sc.args[2] = 1;
	expect("a syscall without a decoder: its ints in decimal, by their kinds", &sc,
	       "ioperm(0x3f8, 0x8, 1)                   = -1 ENOSYS (Function not implemented)");

	sc = sc64("openat", -EFAULT);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x1000;
	sc.blob[1].flags = KT_BLOB_FAULT;
	expect("a FAULT blob prints the pointer", &sc,
	       "openat(AT_FDCWD, 0x1000, O_RDONLY)      = -1 EFAULT (Bad address)");

	sc = sc64("rt_sigsuspend", -514);
	sc.args[0] = 0;
	sc.args[1] = 8;
	expect("ERESTARTNOHAND", &sc,
	       "rt_sigsuspend(NULL, 8)                  = ? ERESTARTNOHAND (To be restarted if no handler)");

	kt_buf_printf(&b, "[pid  4534] ");
	sc = sc64("close", 0);
	sc.args[0] = 3;
	kt_format_call(&b, &sc, &opts);
	kt_format_return(&b, &sc, &opts);
	check("the column counts a prefix already in the buffer", b.s,
	      "[pid  4534] close(3)                    = 0");
	kt_buf_free(&b);
}

/*
 * utimensat's two times: a time with its date (TZ=UTC0), UTIME_NOW and
 * UTIME_OMIT by name, or under -X raw and verbose as strace 6.1 prints
 * them; ia32's 32-bit pairs.
 */
static void test_utimensat(void)
{
	static const int64_t times[4] = { 1700000000, 5, 0, (1 << 30) - 2 };
	static const int64_t now[4] = { 0, (1 << 30) - 1, 0, (1 << 30) - 1 };
	static const int32_t t32[4] = { 1700000000, 0, 0, (1 << 30) - 1 };
	struct kt_syscall sc;

	sc = sc64("utimensat", 0);
	sc.args[0] = -100;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 0x7ffd1000;
	sc.blob[1] = mem_blob("f", 1);
	sc.blob[2] = mem_blob(times, sizeof(times));
	expect("utimensat: a time with its date, UTIME_OMIT", &sc,
	       "utimensat(AT_FDCWD, \"f\", [{tv_sec=1700000000, tv_nsec=5} /* 2023-11-14T22:13:20.000000005+0000 */, UTIME_OMIT], 0) = 0");
	sc.blob[2] = mem_blob(now, sizeof(now));
	expect("utimensat: UTIME_NOW twice", &sc,
	       "utimensat(AT_FDCWD, \"f\", [UTIME_NOW, UTIME_NOW], 0) = 0");
	kt_xlat_style = KT_XLAT_RAW;
	expect("utimensat -X raw: the structs", &sc,
	       "utimensat(-100, \"f\", [{tv_sec=0, tv_nsec=1073741823}, {tv_sec=0, tv_nsec=1073741823}], 0) = 0");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("utimensat -X verbose: the structs, their names in comments", &sc,
	       "utimensat(-100 /* AT_FDCWD */, \"f\", [{tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */, {tv_sec=0, tv_nsec=1073741823} /* UTIME_NOW */], 0) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;
	sc.blob[2] = mem_blob(now, 16);
	expect("utimensat: one time copied, the pointer", &sc,
	       "utimensat(AT_FDCWD, \"f\", 0x7ffd1000, 0) = 0");
	sc.args[2] = 0;
	sc.blob[2] = (struct kt_blob){ 0 };
	expect("utimensat: NULL, now", &sc,
	       "utimensat(AT_FDCWD, \"f\", NULL, 0)       = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "utimensat", 0);
	sc.args[0] = 0xffffff9c;
	sc.args[1] = 0xffd00000;
	sc.args[2] = 0xffd01000;
	sc.blob[1] = mem_blob("f", 1);
	sc.blob[2] = mem_blob(t32, sizeof(t32));
	expect("i386 utimensat: two 32-bit timespecs", &sc,
	       "utimensat(AT_FDCWD, \"f\", [{tv_sec=1700000000, tv_nsec=0} /* 2023-11-14T22:13:20+0000 */, UTIME_NOW], 0) = 0");
}

/*
 * -v, -X and -e raw=: the options that change how much is decoded.  The
 * expected lines are strace 6.1's for the same values, with TZ=UTC0.
 */
static void test_verbosity(void)
{
	uint8_t st[144] = { 0 }, stx[256] = { 0 }, tio[36] = { 0 };
	uint64_t dev = 0x801, ino = 1234, nlink = 1, blksize = 4096;
	uint64_t blocks = 8, size = 3, t = 1700000000, tns = 5;
	uint32_t mode = 0100644, u32;
	uint16_t m16 = 0100644;
	struct kt_syscall sc;
	unsigned int i;

	setenv("TZ", "UTC0", 1);
	tzset();
	test_utimensat();
	memcpy(st, &dev, 8);
	memcpy(st + 8, &ino, 8);
	memcpy(st + 16, &nlink, 8);
	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	memcpy(st + 56, &blksize, 8);
	memcpy(st + 64, &blocks, 8);
	for (i = 0; i < 3; i++) {
		memcpy(st + 72 + 16 * i, &t, 8);
		memcpy(st + 80 + 16 * i, &tns, 8);
	}
	sc = sc64("fstat", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.blob[1] = mem_blob(st, sizeof(st));
	kt_set_verbose();
	expect("-v: struct stat whole", &sc,
	       "fstat(3, {st_dev=makedev(0x8, 0x1), st_ino=1234, st_mode=S_IFREG|0644, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=8, st_size=3, st_atime=1700000000 /* 2023-11-14T22:13:20.000000005+0000 */, st_atime_nsec=5, st_mtime=1700000000 /* 2023-11-14T22:13:20.000000005+0000 */, st_mtime_nsec=5, st_ctime=1700000000 /* 2023-11-14T22:13:20.000000005+0000 */, st_ctime_nsec=5}) = 0");

	u32 = 0x7ff;
	memcpy(stx, &u32, 4);
	u32 = 4096;
	memcpy(stx + 4, &u32, 4);
	u32 = 1;
	memcpy(stx + 16, &u32, 4);
	memcpy(stx + 28, &m16, 2);
	memcpy(stx + 32, &ino, 8);
	memcpy(stx + 40, &size, 8);
	memcpy(stx + 48, &blocks, 8);
	memcpy(stx + 64, &t, 8);
	memcpy(stx + 96, &t, 8);
	memcpy(stx + 112, &t, 8);
	u32 = 8;
	memcpy(stx + 136, &u32, 4);
	u32 = 1;
	memcpy(stx + 140, &u32, 4);
	sc = sc64("statx", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x1000;
	sc.args[2] = 0x1000;
	sc.args[3] = 0x7ff;
	sc.args[4] = 0x2000;
	sc.blob[1] = str_blob("");
	sc.blob[4] = mem_blob(stx, sizeof(stx));
	expect("-v: struct statx whole, as its mask says", &sc,
	       "statx(3, \"\", AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH, STATX_BASIC_STATS, {stx_mask=STATX_BASIC_STATS, stx_blksize=4096, stx_attributes=0, stx_nlink=1, stx_uid=0, stx_gid=0, stx_mode=S_IFREG|0644, stx_ino=1234, stx_size=3, stx_blocks=8, stx_attributes_mask=0, stx_atime={tv_sec=1700000000, tv_nsec=0} /* 2023-11-14T22:13:20+0000 */, stx_ctime={tv_sec=1700000000, tv_nsec=0} /* 2023-11-14T22:13:20+0000 */, stx_mtime={tv_sec=1700000000, tv_nsec=0} /* 2023-11-14T22:13:20+0000 */, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=8, stx_dev_minor=1}) = 0");

	u32 = 0x500;			/* ICRNL|IXON */
	memcpy(tio, &u32, 4);
	u32 = 05;			/* OPOST|ONLCR */
	memcpy(tio + 4, &u32, 4);
	u32 = 0277;			/* B38400|CS8|CREAD */
	memcpy(tio + 8, &u32, 4);
	u32 = 0;
	memcpy(tio + 12, &u32, 4);
	tio[17] = 3;
	tio[18] = 0x1c;
	tio[23] = 1;
	sc = sc64("ioctl", 0);
	sc.args[0] = 0;
	sc.args[1] = 0x5401;
	sc.args[2] = 0x7ffd0000;
	sc.blob[2] = mem_blob(tio, sizeof(tio));
	expect("-v: termios with c_line and c_cc", &sc,
	       "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0, [VKILL]=0, [VEOF]=0, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0, [VSTOP]=0, [VSUSP]=0, [VEOL]=0, [VREPRINT]=0, [VDISCARD]=0, [VWERASE]=0, [VLNEXT]=0, [VEOL2]=0, [17]=0, [18]=0]}) = 0");
	kt_xlat_style = KT_XLAT_RAW;
	kt_abbrev_parse("all");
	expect("-X raw: termios's delay fields and sizes one by one", &sc,
	       "ioctl(0, 0x5401, {c_iflag=0x500, c_oflag=0|0|0|0|0|0|0x5, c_cflag=0xf|0x30|0x80, c_lflag=, ...}) = 0");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("-X verbose: termios as strace comments it", &sc,
	       "ioctl(0, 0x5401 /* TCGETS */, {c_iflag=0x500 /* ICRNL|IXON */, c_oflag=0 /* NL0 */|0 /* CR0 */|0 /* TAB0 */|0 /* BS0 */|0 /* VT0 */|0 /* FF0 */|0x5 /* OPOST|ONLCR */, c_cflag=0xf /* B38400 */|0x30 /* CS8 */|0x80 /* CREAD */, c_lflag=, ...}) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;
	expect("-e abbrev=all: abbreviated again", &sc,
	       "ioctl(0, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=, ...}) = 0");
	sc.has_exit = false;
	expect("TCGETS, unfinished: the comma comes with the termios", &sc,
	       "ioctl(0, TCGETS <unfinished ...>");

	sc = sc64("ioctl", 0);
	sc.args[0] = 3;
	sc.args[1] = 0x80245809;	/* _IOR('X', 9, 36): no name */
	sc.args[2] = 0x7ffd0000;
	expect("ioctl: a command without a name, by its fields", &sc,
	       "ioctl(3, _IOC(_IOC_READ, 0x58, 0x9, 0x24), 0x7ffd0000) = 0");
	sc.args[1] = 0xffffffff00001234ULL;
	sc.args[2] = 0;
	expect("ioctl: the command's int, the argument in hex", &sc,
	       "ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = 0");
	sc.args[1] = 0x8942;
	expect("ioctl: a socket's command by name, NULL", &sc,
	       "ioctl(3, SIOCGIFTXQLEN, NULL)           = 0");
	sc.args[1] = 0xc0045678;
	kt_xlat_style = KT_XLAT_RAW;
	expect("-X raw: an unnamed ioctl's number", &sc,
	       "ioctl(3, 0xc0045678, 0)                 = 0");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("-X verbose: an unnamed ioctl's number and fields", &sc,
	       "ioctl(3, 0xc0045678 /* _IOC(_IOC_READ|_IOC_WRITE, 0x56, 0x78, 0x4) */, 0) = 0");
	kt_xlat_style = KT_XLAT_ABBREV;

	test_ifreq();
	test_rtc();
	test_nsfs();
	test_select();
	test_siginfo_value();

	sc = sc64("openat", 3);
	sc.args[0] = (uint64_t)-100;
	sc.args[1] = 0x1000;
	sc.args[2] = 02000000;
	sc.blob[1] = str_blob("/etc/ld.so.cache");
	kt_xlat_style = KT_XLAT_RAW;
	expect("-X raw: numbers", &sc,
	       "openat(-100, \"/etc/ld.so.cache\", 0x80000) = 3");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("-X verbose: numbers and names", &sc,
	       "openat(-100 /* AT_FDCWD */, \"/etc/ld.so.cache\", 0x80000 /* O_RDONLY|O_CLOEXEC */) = 3");
	sc = sc64("mmap", 0x7f0000000000);
	sc.args[1] = 8192;
	sc.args[2] = 3;
	sc.args[3] = 0x22;
	sc.args[4] = (uint64_t)-1;
	expect("-X verbose: mmap's flags, one comment", &sc,
	       "mmap(NULL, 8192, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0) = 0x7f0000000000");
	kt_xlat_style = KT_XLAT_ABBREV;

	kt_raw_parse("mmap");
	expect("-e raw=mmap: arguments and result in hex", &sc,
	       "mmap(0, 0x2000, 0x3, 0x22, 0xffffffffffffffff, 0) = 0x7f0000000000");
	sc = sc64("close", -EBADF);
	sc.args[0] = 9;
	expect("-e raw=mmap: close decoded", &sc,
	       "close(9)                                = -1 EBADF (Bad file descriptor)");
	kt_raw_parse("none");
}

/*
 * A KTRACE_BLOB_MSGHDR blob as the module builds it: struct ktrace_msghdr,
 * one iovec holding "x", then stored bytes of the control buffer.
 */
static uint8_t mh_buf[512];

static struct kt_blob mh_blob(uint64_t controllen, const void *ctl,
			      uint32_t stored)
{
	struct ktrace_msghdr m = {
		.control = 0x7ffd1000, .iovlen = 1, .controllen = controllen,
		.control_stored = stored,
	};
	struct ktrace_iov_seg seg = { 0x7ffd2000, 1, 1, 0 };
	size_t n = 0;

	memcpy(mh_buf, &m, sizeof(m));
	n += sizeof(m);
	memcpy(mh_buf + n, &seg, sizeof(seg));
	n += sizeof(seg);
	mh_buf[n++] = 'x';
	memcpy(mh_buf + n, ctl, stored);
	return mem_blob(mh_buf, n + stored);
}

/* struct cmsghdr on x86_64: a 64-bit cmsg_len, level, type; data. */
static size_t cmsg64(uint8_t *p, uint64_t len, int32_t level, int32_t type,
		     const void *data, size_t dlen)
{
	memcpy(p, &len, 8);
	memcpy(p + 8, &level, 4);
	memcpy(p + 12, &type, 4);
	memcpy(p + 16, data, dlen);
	return (16 + dlen + 7) & ~(size_t)7;
}

static const char *test_cmsg_fd_path(void *ctx, int fd)
{
	return fd == 4 ? "/dev/null" : NULL;
}

static void test_cmsg(void)
{
	static const int32_t fds[2] = { 4, 5 }, creds[3] = { 42, 0, 100 };
	static const int64_t tv[2] = { 1796050328, 509375 };
	static const int32_t tv32[2] = { 1796050328, 509375 };
	static const int32_t namelen = 128;
	struct kt_fmt_opts saved = opts;
	struct kt_syscall sc;
	uint8_t c[256] = { 0 }, raw[56];
	uint32_t c32[8];
	size_t n;

	sc = sc64("sendmsg", 1);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	n = cmsg64(c, 20, 1, 1, fds, 4);
	sc.blob[1] = mh_blob(n, c, n);
	expect("sendmsg SCM_RIGHTS", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4]}], msg_controllen=24, msg_flags=0}, 0) = 1");

	opts.fd_paths = true;
	opts.fd_path = test_cmsg_fd_path;
	n = cmsg64(c, 24, 1, 1, fds, 8);
	sc.blob[1] = mh_blob(n, c, n);
	expect("sendmsg SCM_RIGHTS, -y", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4</dev/null>, 5]}], msg_controllen=24, msg_flags=0}, 0) = 1");
	opts = saved;

	n = cmsg64(c, 20, 1, 1, fds, 4);
	n += cmsg64(c + n, 28, 1, 2, creds, 12);
	sc.blob[1] = mh_blob(n, c, n);
	expect("sendmsg SCM_RIGHTS and SCM_CREDENTIALS", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4]}, {cmsg_len=28, cmsg_level=SOL_SOCKET, cmsg_type=SCM_CREDENTIALS, cmsg_data={pid=42, uid=0, gid=100}}], msg_controllen=56, msg_flags=0}, 0) = 1");

	sc.blob[1] = mh_blob(n, c, 24);
	expect("sendmsg, control cut at the snap length", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4]}, ...], msg_controllen=56, msg_flags=0}, 0) = 1");

	sc.blob[1] = mh_blob(n, c, 0);
	expect("sendmsg, control unreadable: its pointer", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=0x7ffd1000, msg_controllen=56, msg_flags=0}, 0) = 1");

	n = cmsg64(c, 20, 1, 1, fds, 4);
	sc.blob[1] = mh_blob(30, c, 30);
	expect("sendmsg, bytes too few for a header after a cmsg", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[4]}, ... /* 0x7ffd1018 */], msg_controllen=30, msg_flags=0}, 0) = 1");

	cmsg64(c, 8, 1, 1, fds, 4);
	sc.ret = -EINVAL;
	sc.blob[1] = mh_blob(24, c, 24);
	expect("sendmsg, cmsg_len shorter than a header", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=8, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS}, ... /* 0x7ffd1010 */], msg_controllen=24, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)");

	n = cmsg64(c, 20, 1234, 5, fds, 4);
	sc.blob[1] = mh_blob(n, c, n);
	expect("sendmsg, unknown level", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=0x4d2 /* SOL_??? */, cmsg_type=0x5}], msg_controllen=24, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)");

	n = cmsg64(c, 20, 1, 99, fds, 4);
	sc.blob[1] = mh_blob(n, c, n);
	expect("sendmsg, unknown SOL_SOCKET type", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=0x63 /* SCM_??? */}], msg_controllen=24, msg_flags=0}, 0) = -1 EINVAL (Invalid argument)");

	n = cmsg64(c, 20, 0, 2, fds, 4);
	sc.ret = 1;
	sc.blob[1] = mh_blob(n, c, n);
	expect("sendmsg SOL_IP IP_TTL", &sc,
	       "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=20, cmsg_level=SOL_IP, cmsg_type=IP_TTL, cmsg_data=[4]}], msg_controllen=24, msg_flags=0}, 0) = 1");

	sc = sc64("recvmsg", 1);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	n = cmsg64(c, 32, 1, 29, tv, 16);
	sc.blob[1] = mh_blob(n, c, n);
	expect("recvmsg SO_TIMESTAMP_OLD", &sc,
	       "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={tv_sec=1796050328, tv_usec=509375}}], msg_controllen=32, msg_flags=0}, 0) = 1");
	/* The raw struct msghdr of the enter: msg_namelen given, 128. */
	memset(raw, 0, sizeof(raw));
	memcpy(raw + 8, &namelen, 4);
	sc.enter_blob[1] = mem_blob(raw, sizeof(raw));
	expect("recvmsg: the msg_namelen given, and the one written", &sc,
	       "recvmsg(4, {msg_name=NULL, msg_namelen=128 => 0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=32, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={tv_sec=1796050328, tv_usec=509375}}], msg_controllen=32, msg_flags=0}, 0) = 1");
	sc.blob[1] = sc.enter_blob[1];
	sc.ret = -EAGAIN;
	expect("recvmsg failed: the msg_namelen given", &sc,
	       "recvmsg(4, {msg_namelen=128}, 0)        = -1 EAGAIN (Resource temporarily unavailable)");
	sc.ret = 1;
	memset(&sc.enter_blob[1], 0, sizeof(sc.enter_blob[1]));
	n = cmsg64(c, 24, 1, 29, tv, 8);
	sc.blob[1] = mh_blob(n, c, n);
	expect("recvmsg SO_TIMESTAMP_OLD too short", &sc,
	       "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=24, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data=???}], msg_controllen=24, msg_flags=0}, 0) = 1");

	/* ia32: struct compat_cmsghdr, 12 bytes, 4-byte aligned. */
	sc = sc_new(KTRACE_CLI_ABI_I386, "recvmsg", 1);
	sc.args[0] = 4;
	sc.args[1] = 0xffd00000;
	c32[0] = 16;
	c32[1] = 1;
	c32[2] = 1;
	c32[3] = 6;
	c32[4] = 20;
	c32[5] = 1;
	c32[6] = 29;
	memcpy(c, c32, 28);
	memcpy(c + 28, tv32, 8);
	sc.blob[1] = mh_blob(36, c, 36);
	expect("ia32 recvmsg SCM_RIGHTS and SO_TIMESTAMP_OLD", &sc,
	       "recvmsg(4, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"x\", iov_len=1}], msg_iovlen=1, msg_control=[{cmsg_len=16, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[6]}, {cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SO_TIMESTAMP_OLD, cmsg_data={tv_sec=1796050328, tv_usec=509375}}], msg_controllen=36, msg_flags=0}, 0) = 1");
}

/* -Y: every process is "pids" */
static const char *test_pid_comm(void *ctx, int pid, bool result)
{
	return "pids";
}

/*
 * -Y after the process ids of the calls that name one (strace 6.1 on
 * tests/progs/pids.c; a structure the records lack prints its address).
 */
static void test_pids(void)
{
	struct kt_fmt_opts saved = opts;
	struct kt_syscall sc;

	opts.pid_comm = test_pid_comm;
	sc = sc64("sched_getscheduler", 0);
	sc.args[0] = 112;
	expect("-Y: sched_getscheduler", &sc,
	       "sched_getscheduler(112<pids>)           = 0 (SCHED_OTHER)");
	sc = sc64("sched_setscheduler", 0);
	sc.args[0] = 112;
	sc.args[2] = 0x7ffeff6a3784;
	expect("-Y: sched_setscheduler, the sched_param's address", &sc,
	       "sched_setscheduler(112<pids>, SCHED_OTHER, 0x7ffeff6a3784) = 0");
	test_sched_structs();
	sc = sc64("getpriority", 20);
	sc.args[1] = 112;
	expect("-Y: getpriority(PRIO_PROCESS)", &sc,
	       "getpriority(PRIO_PROCESS, 112<pids>)    = 20");
	sc = sc64("setpriority", 0);
	sc.args[0] = 1;
	sc.args[1] = 112;
	expect("-Y: setpriority(PRIO_PGRP) names no process", &sc,
	       "setpriority(PRIO_PGRP, 112, 0)          = 0");
	sc = sc64("ioprio_get", 0);
	sc.args[0] = 1;
	sc.args[1] = 112;
	expect("-Y: ioprio_get", &sc,
	       "ioprio_get(IOPRIO_WHO_PROCESS, 112<pids>) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))");
	sc = sc64("ioprio_set", 0);
	sc.args[0] = 1;
	sc.args[1] = 112;
	sc.args[2] = (2 << 13) | 4;
	expect("-Y: ioprio_set", &sc,
	       "ioprio_set(IOPRIO_WHO_PROCESS, 112<pids>, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = 0");
	sc = sc64("pidfd_open", 3);
	sc.args[0] = 112;
	expect("-Y: pidfd_open", &sc,
	       "pidfd_open(112<pids>, 0)                = 3");
	sc = sc64("kcmp", 0);
	sc.args[0] = 112;
	sc.args[1] = 112;
	sc.args[2] = 1;
	expect("-Y: kcmp", &sc,
	       "kcmp(112<pids>, 112<pids>, KCMP_VM)     = 0");
	sc = sc64("fcntl", 0);
	sc.args[0] = 3;
	sc.args[1] = 8;
	sc.args[2] = 112;
	expect("-Y: fcntl F_SETOWN", &sc,
	       "fcntl(3, F_SETOWN, 112<pids>)           = 0");
	sc = sc64("fcntl", 112);
	sc.args[0] = 3;
	sc.args[1] = 9;
	expect("-Y: fcntl F_GETOWN's result", &sc,
	       "fcntl(3, F_GETOWN)                      = 112<pids>");
	opts = saved;
}

/*
 * A KTRACE_BLOB_MMSGHDR blob: n entries, each struct ktrace_mmsghdr with
 * msg_len, then a msghdr of one iovec holding the byte 'a' + k.
 */
static uint8_t mm_buf[1024];

static struct kt_blob mm_blob(unsigned int n)
{
	struct ktrace_msghdr m = { .iovlen = 1 };
	struct ktrace_iov_seg seg = { 0x7ffd2000, 8, 1, 0 };
	struct ktrace_mmsghdr e = { 1, sizeof(m) + sizeof(seg) + 1 };
	size_t off = 0;
	unsigned int k;

	for (k = 0; k < n; k++) {
		memcpy(mm_buf + off, &e, sizeof(e));
		off += sizeof(e);
		memcpy(mm_buf + off, &m, sizeof(m));
		off += sizeof(m);
		memcpy(mm_buf + off, &seg, sizeof(seg));
		off += sizeof(seg);
		mm_buf[off++] = 'a' + k;
	}
	return mem_blob(mm_buf, off);
}

#define MM(c)								\
	"{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\""	\
	c "\", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}"

static void test_mmsg(void)
{
	static const int64_t ts[2] = { 0, 0 };
	static const int64_t given[2] = { 1, 0 }, left[2] = { 0, 999999000 };
	struct kt_fmt_opts saved = opts;
	struct kt_syscall sc;

	sc = sc64("sendmmsg", 1);
	sc.args[0] = 3;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 2;
	sc.blob[1] = mm_blob(2);
	expect("sendmmsg, one of two sent: msg_len for the first", &sc,
	       "sendmmsg(3, [" MM("a") ", msg_len=1}, " MM("b") "}], 2, 0) = 1");

	sc.ret = -EBADF;
	expect("sendmmsg failed: the vector, no msg_len", &sc,
	       "sendmmsg(3, [" MM("a") "}, " MM("b") "}], 2, 0) = -1 EBADF (Bad file descriptor)");

	sc.ret = 3;
	sc.args[2] = 3;
	sc.blob[1] = mm_blob(2);
	sc.blob[1].flags |= KT_BLOB_TRUNCATED;
	expect("sendmmsg, the record's room out after two", &sc,
	       "sendmmsg(3, [" MM("a") ", msg_len=1}, " MM("b") ", msg_len=1}, ...], 3, 0) = 3");

	opts.strsize = 1;
	sc.blob[1] = mm_blob(3);
	expect("sendmmsg, -s 1: one entry", &sc,
	       "sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"a\", iov_len=8}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=1}, ...], 3, 0) = 3");
	opts = saved;

	sc.has_exit = false;
	expect("sendmmsg at the enter", &sc, "sendmmsg(3,  <unfinished ...>");

	sc = sc64("recvmmsg", 2);
	sc.args[0] = 4;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = 4;
	sc.args[3] = 0x40;
	sc.blob[1] = mm_blob(2);
	expect("recvmmsg of two", &sc,
	       "recvmmsg(4, [" MM("a") ", msg_len=1}, " MM("b")
	       ", msg_len=1}], 4, MSG_DONTWAIT, NULL) = 2");

	sc.ret = 0;
	sc.args[4] = 0x7ffd3000;
	sc.blob[1] = mm_blob(0);
	sc.blob[4] = mem_blob(ts, sizeof(ts));
	sc.enter_blob[4] = sc.blob[4];
	expect("recvmmsg timed out", &sc,
	       "recvmmsg(4, [], 4, MSG_DONTWAIT, {tv_sec=0, tv_nsec=0}) = 0 (Timeout)");

	sc.ret = -EAGAIN;
	sc.blob[1].data = NULL;
	sc.blob[1].len = 0;
	expect("recvmmsg failed: the pointer", &sc,
	       "recvmmsg(4, 0x7ffd0000, 4, MSG_DONTWAIT, {tv_sec=0, tv_nsec=0}) = -1 EAGAIN (Resource temporarily unavailable)");

	sc.ret = 2;
	sc.blob[1] = mm_blob(2);
	sc.enter_blob[4] = mem_blob(given, sizeof(given));
	sc.blob[4] = mem_blob(left, sizeof(left));
	expect("recvmmsg: the time given, and the time left", &sc,
	       "recvmmsg(4, [" MM("a") ", msg_len=1}, " MM("b")
	       ", msg_len=1}], 4, MSG_DONTWAIT, {tv_sec=1, tv_nsec=0}) = 2 (left {tv_sec=0, tv_nsec=999999000})");
}

/* A little-endian field of @n bytes at @off in an attr being built. */
static void put(uint8_t *p, size_t off, uint64_t v, size_t n)
{
	memcpy(p + off, &v, n);
}

/* bpf(@cmd, attr, @size): the attr as the call passed it */
static struct kt_syscall bpf_sc(uint32_t cmd, const uint8_t *attr,
				uint32_t size, int64_t ret)
{
	struct kt_syscall sc = sc64("bpf", ret);

	sc.args[0] = cmd;
	sc.args[1] = 0x7ffd0000;
	sc.args[2] = size;
	sc.blob[1] = mem_blob(attr, size);
	sc.enter_blob[1] = sc.blob[1];
	return sc;
}

static const char *test_bpf_fd_path(void *ctx, int fd)
{
	return fd == 0 ? "/dev/null" : fd == 3 ? "anon_inode:bpf-map" :
	       fd == 5 ? "/sys/fs/cgroup" : NULL;
}

/*
 * bpf(2): each expected line is what strace 6.1 printed for the same
 * memory on the host (the attrs of tests/progs/bpf.c and of calls made to
 * print every field), but where a comment says otherwise: memory the attr
 * points to, which ktrace prints as its address (ktrace.1, BUGS).
 */
static void test_bpf(void)
{
	struct kt_fmt_opts saved = opts;
	uint8_t a[128], x[128], big[80];
	struct kt_syscall sc;

	/* BPF_MAP_CREATE: every field, a map name cut short, bytes past 72 */
	memset(a, 0, sizeof(a));
	put(a, 0, 2, 4);
	put(a, 4, 4, 4);
	put(a, 8, 8, 4);
	put(a, 12, 4, 4);
	put(a, 16, 0x10001, 4);
	memcpy(a + 28, "ktrace_map", 10);
	put(a, 44, 1, 4);
	put(a, 48, 7, 4);
	put(a, 52, 1, 4);
	put(a, 64, UINT64_MAX, 8);
	sc = bpf_sc(0, a, 72, -22);
	expect("bpf MAP_CREATE: every field", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NO_PREALLOC|0x10000, inner_map_fd=0, map_name=\"ktrace_map\", map_ifindex=if_nametoindex(\"lo\"), btf_fd=7, btf_key_type_id=1, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=UINT64_MAX}, 72) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_RAW;
	expect("bpf MAP_CREATE -X raw", &sc,
	       "bpf(0, {map_type=0x2, key_size=4, value_size=8, max_entries=4, map_flags=0x10001, inner_map_fd=0, map_name=\"ktrace_map\", map_ifindex=1, btf_fd=7, btf_key_type_id=1, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=18446744073709551615}, 72) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("bpf MAP_CREATE -X verbose", &sc,
	       "bpf(0 /* BPF_MAP_CREATE */, {map_type=0x2 /* BPF_MAP_TYPE_ARRAY */, key_size=4, value_size=8, max_entries=4, map_flags=0x10001 /* BPF_F_NO_PREALLOC|0x10000 */, inner_map_fd=0, map_name=\"ktrace_map\", map_ifindex=1 /* if_nametoindex(\"lo\") */, btf_fd=7, btf_key_type_id=1, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=18446744073709551615 /* UINT64_MAX */}, 72) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_ABBREV;
	put(a, 16, 0, 4);
	put(a, 44, 0, 4);
	put(a, 48, 0, 4);
	put(a, 52, 0, 4);
	put(a, 64, 0, 8);
	sc = bpf_sc(0, a, 72, 3);
	expect("bpf MAP_CREATE: a map", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=0, inner_map_fd=0, map_name=\"ktrace_map\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = 3");
	opts.fd_paths = true;
	opts.fd_path = test_bpf_fd_path;
	expect("bpf MAP_CREATE -y: descriptors in the attr and the result", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=0, inner_map_fd=0</dev/null>, map_name=\"ktrace_map\", map_ifindex=0, btf_fd=0</dev/null>, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = 3<anon_inode:bpf-map>");
	opts = saved;
	sc = bpf_sc(0, a, 16, 4);
	expect("bpf MAP_CREATE: 16 bytes, four fields", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4}, 16) = 4");
	put(a, 16, 4, 4);
	put(a, 24, 1, 4);
	memcpy(a + 28, "kt\0\0\0\0\0\0\0\0", 10);
	sc = bpf_sc(0, a, 30, -22);
	expect("bpf MAP_CREATE: 30 bytes, the name cut", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NUMA_NODE, inner_map_fd=0, numa_node=1, map_name=\"k\"...}, 30) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_RAW;
	expect("bpf MAP_CREATE -X raw: 30 bytes", &sc,
	       "bpf(0, {map_type=0x2, key_size=4, value_size=8, max_entries=4, map_flags=0x4, inner_map_fd=0, numa_node=1, map_name=\"k\"...}, 30) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_ABBREV;
	memset(big, 0, sizeof(big));
	memcpy(big, a, 72);
	big[72] = 1;
	big[79] = 0x5a;
	sc = bpf_sc(0, big, 80, -22);
	expect("bpf MAP_CREATE: a byte past 72 not zero", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NUMA_NODE, inner_map_fd=0, numa_node=1, map_name=\"kt\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0, ...}, 80) = -1 EINVAL (Invalid argument)");
	kt_set_verbose();
	expect("bpf MAP_CREATE -v: the bytes past 72", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=BPF_MAP_TYPE_ARRAY, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NUMA_NODE, inner_map_fd=0, numa_node=1, map_name=\"kt\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0, extra_data=\"\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x5a\" /* bytes 72..79 */}, 80) = -1 EINVAL (Invalid argument)");
	kt_abbrev_parse("all");
	put(a, 16, (1U << 2) | (1U << 7), 4);
	put(a, 24, UINT32_MAX, 4);
	put(a, 0, 100, 4);
	memcpy(a + 28, "ktrace_map", 10);
	sc = bpf_sc(0, a, 72, -22);
	expect("bpf MAP_CREATE: a type unknown, NUMA_NO_NODE", &sc,
	       "bpf(BPF_MAP_CREATE, {map_type=0x64 /* BPF_MAP_TYPE_??? */, key_size=4, value_size=8, max_entries=4, map_flags=BPF_F_NUMA_NODE|BPF_F_RDONLY_PROG, inner_map_fd=0, numa_node=4294967295 /* NUMA_NO_NODE */, map_name=\"ktrace_map\", map_ifindex=0, btf_fd=0, btf_key_type_id=0, btf_value_type_id=0, btf_vmlinux_value_type_id=0, map_extra=0}, 72) = -1 EINVAL (Invalid argument)");

	/* The element commands, BPF_MAP_FREEZE */
	memset(a, 0, sizeof(a));
	put(a, 0, 3, 4);
	put(a, 8, 0x7ffd1000, 8);
	put(a, 16, 0x7ffd2000, 8);
	put(a, 24, 4, 8);
	sc = bpf_sc(1, a, 32, -22);
	expect("bpf MAP_LOOKUP_ELEM", &sc,
	       "bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=3, key=0x7ffd1000, value=0x7ffd2000, flags=BPF_F_LOCK}, 32) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(1, a, 24, -14);
	expect("bpf MAP_LOOKUP_ELEM: 24 bytes, no flags", &sc,
	       "bpf(BPF_MAP_LOOKUP_ELEM, {map_fd=3, key=0x7ffd1000, value=0x7ffd2000}, 24) = -1 EFAULT (Bad address)");
	sc = bpf_sc(21, a, 32, -22);
	expect("bpf MAP_LOOKUP_AND_DELETE_ELEM", &sc,
	       "bpf(BPF_MAP_LOOKUP_AND_DELETE_ELEM, {map_fd=3, key=0x7ffd1000, value=0x7ffd2000, flags=BPF_F_LOCK}, 32) = -1 EINVAL (Invalid argument)");
	put(a, 24, 8, 8);
	sc = bpf_sc(2, a, 32, -14);
	expect("bpf MAP_UPDATE_ELEM: a flag unknown", &sc,
	       "bpf(BPF_MAP_UPDATE_ELEM, {map_fd=3, key=0x7ffd1000, value=0x7ffd2000, flags=0x8 /* BPF_??? */}, 32) = -1 EFAULT (Bad address)");
	put(a, 24, 2, 8);
	expect("bpf MAP_UPDATE_ELEM", &sc,
	       "bpf(BPF_MAP_UPDATE_ELEM, {map_fd=3, key=0x7ffd1000, value=0x7ffd2000, flags=BPF_EXIST}, 32) = -1 EFAULT (Bad address)");
	sc = bpf_sc(3, a, 16, -14);
	expect("bpf MAP_DELETE_ELEM", &sc,
	       "bpf(BPF_MAP_DELETE_ELEM, {map_fd=3, key=0x7ffd1000}, 16) = -1 EFAULT (Bad address)");
	sc = bpf_sc(3, a, 32, -22);
	expect("bpf MAP_DELETE_ELEM: the bytes past 16", &sc,
	       "bpf(BPF_MAP_DELETE_ELEM, {map_fd=3, key=0x7ffd1000, ...}, 32) = -1 EINVAL (Invalid argument)");
	kt_set_verbose();
	expect("bpf MAP_DELETE_ELEM -v: the bytes past 16", &sc,
	       "bpf(BPF_MAP_DELETE_ELEM, {map_fd=3, key=0x7ffd1000, extra_data=\"\\x00\\x20\\xfd\\x7f\\x00\\x00\\x00\\x00\\x02\\x00\\x00\\x00\\x00\\x00\\x00\\x00\" /* bytes 16..31 */}, 32) = -1 EINVAL (Invalid argument)");
	kt_abbrev_parse("all");
	sc = bpf_sc(4, a, 24, -14);
	expect("bpf MAP_GET_NEXT_KEY", &sc,
	       "bpf(BPF_MAP_GET_NEXT_KEY, {map_fd=3, key=0x7ffd1000, next_key=0x7ffd2000}, 24) = -1 EFAULT (Bad address)");
	sc = bpf_sc(22, a, 4, 0);
	expect("bpf MAP_FREEZE", &sc,
	       "bpf(BPF_MAP_FREEZE, {map_fd=3}, 4)      = 0");
	/* i386: the same attr, one layout on both ABIs */
	sc = sc_new(KTRACE_CLI_ABI_I386, "bpf", -14);
	sc.args[0] = 4;
	sc.args[1] = 0xffd00000;
	sc.args[2] = 24;
	sc.blob[1] = mem_blob(a, 24);
	sc.enter_blob[1] = sc.blob[1];
	expect("i386 bpf MAP_GET_NEXT_KEY", &sc,
	       "bpf(BPF_MAP_GET_NEXT_KEY, {map_fd=3, key=0x7ffd1000, next_key=0x7ffd2000}, 24) = -1 EFAULT (Bad address)");

	/* BPF_PROG_LOAD */
	memset(a, 0, sizeof(a));
	put(a, 0, 1, 4);
	put(a, 4, 2, 4);
	put(a, 8, 0x7ffd3000, 8);
	put(a, 24, 2, 4);
	put(a, 40, 0x050a11, 4);
	put(a, 44, (1U << 4), 4);
	memcpy(a + 48, "ktrace_prog", 11);
	put(a, 68, 41, 4);
	put(a, 72, UINT32_MAX, 4);
	put(a, 112, 5, 4);
	put(a, 120, 0x7ffd4000, 8);
	sc = bpf_sc(5, a, 128, -22);
	expect("bpf PROG_LOAD: every field", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=0x7ffd3000, license=NULL, log_level=2, log_size=0, log_buf=NULL, kern_version=KERNEL_VERSION(5, 10, 17), prog_flags=BPF_F_SLEEPABLE, prog_name=\"ktrace_prog\", prog_ifindex=0, expected_attach_type=BPF_PERF_EVENT, prog_btf_fd=-1, func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0, line_info=NULL, line_info_cnt=0, attach_btf_id=0, attach_prog_fd=5, fd_array=0x7ffd4000}, 128) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_VERBOSE;
	expect("bpf PROG_LOAD -X verbose", &sc,
	       "bpf(0x5 /* BPF_PROG_LOAD */, {prog_type=0x1 /* BPF_PROG_TYPE_SOCKET_FILTER */, insn_cnt=2, insns=0x7ffd3000, license=NULL, log_level=2, log_size=0, log_buf=NULL, kern_version=0x50a11 /* KERNEL_VERSION(5, 10, 17) */, prog_flags=0x10 /* BPF_F_SLEEPABLE */, prog_name=\"ktrace_prog\", prog_ifindex=0, expected_attach_type=0x29 /* BPF_PERF_EVENT */, prog_btf_fd=-1, func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0, line_info=NULL, line_info_cnt=0, attach_btf_id=0, attach_prog_fd=5, fd_array=0x7ffd4000}, 128) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_RAW;
	expect("bpf PROG_LOAD -X raw", &sc,
	       "bpf(0x5, {prog_type=0x1, insn_cnt=2, insns=0x7ffd3000, license=NULL, log_level=2, log_size=0, log_buf=NULL, kern_version=0x50a11, prog_flags=0x10, prog_name=\"ktrace_prog\", prog_ifindex=0, expected_attach_type=0x29, prog_btf_fd=-1, func_info_rec_size=0, func_info=NULL, func_info_cnt=0, line_info_rec_size=0, line_info=NULL, line_info_cnt=0, attach_btf_id=0, attach_prog_fd=5, fd_array=0x7ffd4000}, 128) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_ABBREV;
	sc = bpf_sc(5, a, 40, -14);
	expect("bpf PROG_LOAD: 40 bytes, up to the log", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=0x7ffd3000, license=NULL, log_level=2, log_size=0, log_buf=NULL}, 40) = -1 EFAULT (Bad address)");
	sc = bpf_sc(5, a, 24, -14);
	expect("bpf PROG_LOAD: 24 bytes, up to the license", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=0x7ffd3000, license=NULL}, 24) = -1 EFAULT (Bad address)");
	put(a, 16, 0x7ffd5000, 8);
	sc = bpf_sc(5, a, 24, 4);
	/* an older module's record: no KTRACE_BLOB_DEREF */
	expect("bpf PROG_LOAD: the license's address, not copied", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=2, insns=0x7ffd3000, license=0x7ffd5000}, 24) = 4");

	/*
	 * What attr points to (KTRACE_BLOB_DEREF, ABI 1.20): each expected
	 * line host strace 6.1's for the same attr (a throwaway program).
	 */
	memset(a, 0, sizeof(a));
	put(a, 0, 1, 4);
	put(a, 16, 0x7ffd5000, 8);
	put(a, 28, 64, 4);
	put(a, 32, 0x7ffd6000, 8);
	sc = bpf_sc(5, a, 48, -7);
	add_deref(&sc, 1, 16, str_blob("GPL"));
	add_deref(&sc, 1, 32, mem_blob("hello\0\0\0\0\0\0\0\0\0\0\0", 16));
	expect("bpf PROG_LOAD: the license, the log up to its NUL", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=0, insns=NULL, license=\"GPL\", log_level=0, log_size=64, log_buf=\"hello\", kern_version=KERNEL_VERSION(0, 0, 0), prog_flags=0}, 48) = -1 E2BIG (Argument list too long)");
	put(a, 28, 8, 4);
	sc = bpf_sc(5, a, 48, -7);
	add_deref(&sc, 1, 16, str_blob("a license longer than thirty-two bytes, surely"));
	add_deref(&sc, 1, 32, mem_blob("abcdefgh", 8));
	expect("bpf PROG_LOAD: a long license, a log without a NUL", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=0, insns=NULL, license=\"a license longer than thirty-two\"..., log_level=0, log_size=8, log_buf=\"abcdefgh\"..., kern_version=KERNEL_VERSION(0, 0, 0), prog_flags=0}, 48) = -1 E2BIG (Argument list too long)");
	put(a, 28, 0, 4);
	sc = bpf_sc(5, a, 48, -7);
	add_deref(&sc, 1, 16, str_blob("GPL"));
	add_deref(&sc, 1, 32, mem_blob("", 0));
	expect("bpf PROG_LOAD: a log of size 0", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=0, insns=NULL, license=\"GPL\", log_level=0, log_size=0, log_buf=\"\", kern_version=KERNEL_VERSION(0, 0, 0), prog_flags=0}, 48) = -1 E2BIG (Argument list too long)");
	sc = bpf_sc(5, a, 48, -7);
	add_deref(&sc, 1, 16, fault_blob());
	add_deref(&sc, 1, 32, fault_blob());
	expect("bpf PROG_LOAD: unreadable, the addresses", &sc,
	       "bpf(BPF_PROG_LOAD, {prog_type=BPF_PROG_TYPE_SOCKET_FILTER, insn_cnt=0, insns=NULL, license=0x7ffd5000, log_level=0, log_size=0, log_buf=0x7ffd6000, kern_version=KERNEL_VERSION(0, 0, 0), prog_flags=0}, 48) = -1 E2BIG (Argument list too long)");
	memset(a, 0, sizeof(a));
	put(a, 0, 0x7ffd5000, 8);
	put(a, 8, UINT32_MAX, 4);
	sc = bpf_sc(6, a, 16, -22);
	add_deref(&sc, 1, 0, str_blob("/sys/fs/bpf/none/x"));
	expect("bpf OBJ_PIN: the path", &sc,
	       "bpf(BPF_OBJ_PIN, {pathname=\"/sys/fs/bpf/none/x\", bpf_fd=-1, file_flags=0}, 16) = -1 EINVAL (Invalid argument)");
	sc.args[0] = 7;
	expect("bpf OBJ_GET: the path", &sc,
	       "bpf(BPF_OBJ_GET, {pathname=\"/sys/fs/bpf/none/x\", bpf_fd=-1, file_flags=0}, 16) = -1 EINVAL (Invalid argument)");
	memset(a, 0, sizeof(a));
	put(a, 0, 0x7ffd5000, 8);
	put(a, 8, UINT32_MAX, 4);
	sc = bpf_sc(17, a, 16, -9);
	add_deref(&sc, 1, 0, str_blob("sys_enter"));
	expect("bpf RAW_TRACEPOINT_OPEN: the name", &sc,
	       "bpf(BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name=\"sys_enter\", prog_fd=-1}}, 16) = -1 EBADF (Bad file descriptor)");
	memset(a, 0, sizeof(a));
	put(a, 0, 0x7ffd5000, 8);
	put(a, 16, 8, 4);
	sc = bpf_sc(18, a, 28, -22);
	add_deref(&sc, 1, 0, mem_blob("\x9f\xeb\x01\x00\x18\x00\x00\x00", 8));
	expect("bpf BTF_LOAD: its bytes", &sc,
	       "bpf(BPF_BTF_LOAD, {btf=\"\\237\\353\\1\\0\\30\\0\\0\\0\", btf_log_buf=NULL, btf_size=8, btf_log_size=0, btf_log_level=0}, 28) = -1 EINVAL (Invalid argument)");

	/* BPF_OBJ_PIN, BPF_OBJ_GET, BPF_PROG_ATTACH, BPF_PROG_DETACH */
	memset(a, 0, sizeof(a));
	put(a, 8, 3, 4);
	put(a, 12, (1U << 3) | 0x100, 4);
	sc = bpf_sc(6, a, 16, -22);
	expect("bpf OBJ_PIN", &sc,
	       "bpf(BPF_OBJ_PIN, {pathname=NULL, bpf_fd=3, file_flags=BPF_F_RDONLY|0x100}, 16) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(7, a, 12, -22);
	expect("bpf OBJ_GET: 12 bytes", &sc,
	       "bpf(BPF_OBJ_GET, {pathname=NULL, bpf_fd=3}, 12) = -1 EINVAL (Invalid argument)");
	memset(a, 0, sizeof(a));
	put(a, 0, 5, 4);
	put(a, 4, 4, 4);
	put(a, 8, 18, 4);
	put(a, 12, 5, 4);
	put(a, 16, 6, 4);
	sc = bpf_sc(8, a, 20, -22);
	expect("bpf PROG_ATTACH", &sc,
	       "bpf(BPF_PROG_ATTACH, {target_fd=5, attach_bpf_fd=4, attach_type=BPF_CGROUP_SYSCTL, attach_flags=BPF_F_ALLOW_OVERRIDE|BPF_F_REPLACE, replace_bpf_fd=6}, 20) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(8, a, 16, -22);
	expect("bpf PROG_ATTACH: 16 bytes", &sc,
	       "bpf(BPF_PROG_ATTACH, {target_fd=5, attach_bpf_fd=4, attach_type=BPF_CGROUP_SYSCTL, attach_flags=BPF_F_ALLOW_OVERRIDE|BPF_F_REPLACE}, 16) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(9, a, 20, -22);
	expect("bpf PROG_DETACH: the bytes past 12", &sc,
	       "bpf(BPF_PROG_DETACH, {target_fd=5, attach_type=BPF_CGROUP_SYSCTL, ...}, 20) = -1 EINVAL (Invalid argument)");
	kt_set_verbose();
	expect("bpf PROG_DETACH -v", &sc,
	       "bpf(BPF_PROG_DETACH, {target_fd=5, attach_type=BPF_CGROUP_SYSCTL, extra_data=\"\\x05\\x00\\x00\\x00\\x06\\x00\\x00\\x00\" /* bytes 12..19 */}, 20) = -1 EINVAL (Invalid argument)");
	kt_abbrev_parse("all");
	kt_xlat_style = KT_XLAT_RAW;
	expect("bpf PROG_DETACH -X raw", &sc,
	       "bpf(0x9, {target_fd=5, attach_type=0x12, ...}, 20) = -1 EINVAL (Invalid argument)");
	kt_xlat_style = KT_XLAT_ABBREV;

	/* BPF_PROG_TEST_RUN */
	memset(a, 0, sizeof(a));
	put(a, 0, 4, 4);
	put(a, 4, 1, 4);
	put(a, 8, 64, 4);
	put(a, 16, 0x7ffd5000, 8);
	put(a, 32, 10, 4);
	put(a, 48, 0x7ffd6000, 8);
	put(a, 64, 4, 4);
	put(a, 72, 2, 4);
	sc = bpf_sc(10, a, 80, -22);
	expect("bpf PROG_TEST_RUN", &sc,
	       "bpf(BPF_PROG_TEST_RUN, {test={prog_fd=4, retval=1, data_size_in=64, data_size_out=0, data_in=0x7ffd5000, data_out=NULL, repeat=10, duration=0, ctx_size_in=0, ctx_size_out=0, ctx_in=0x7ffd6000, ctx_out=NULL, flags=0x4 /* BPF_F_??? */, cpu=0, batch_size=2}}, 80) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(10, a, 40, -22);
	expect("bpf PROG_TEST_RUN: 40 bytes", &sc,
	       "bpf(BPF_PROG_TEST_RUN, {test={prog_fd=4, retval=1, data_size_in=64, data_size_out=0, data_in=0x7ffd5000, data_out=NULL, repeat=10, duration=0}}, 40) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(10, a, 72, -22);
	expect("bpf PROG_TEST_RUN: 72 bytes", &sc,
	       "bpf(BPF_PROG_TEST_RUN, {test={prog_fd=4, retval=1, data_size_in=64, data_size_out=0, data_in=0x7ffd5000, data_out=NULL, repeat=10, duration=0, ctx_size_in=0, ctx_size_out=0, ctx_in=0x7ffd6000, ctx_out=NULL, flags=0x4 /* BPF_F_??? */, cpu=0}}, 72) = -1 EINVAL (Invalid argument)");

	/* The next ids: at the exit, what the kernel wrote */
	memset(a, 0, sizeof(a));
	memset(x, 0, sizeof(x));
	put(x, 4, 38, 4);
	sc = bpf_sc(12, a, 12, 0);
	sc.blob[1] = mem_blob(x, 12);
	expect("bpf MAP_GET_NEXT_ID: the id next", &sc,
	       "bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=0 => 38, open_flags=0}, 12) = 0");
	sc.has_exit = false;
	expect("bpf MAP_GET_NEXT_ID: at the entry", &sc,
	       "bpf(BPF_MAP_GET_NEXT_ID, {start_id=0, next_id=0 <unfinished ...>");
	sc = bpf_sc(11, a, 12, -2);
	sc.blob[1] = mem_blob(x + 64, 12);
	expect("bpf PROG_GET_NEXT_ID: none", &sc,
	       "bpf(BPF_PROG_GET_NEXT_ID, {start_id=0, next_id=0, open_flags=0}, 12) = -1 ENOENT (No such file or directory)");
	put(a, 0, UINT32_MAX, 4);
	sc = bpf_sc(12, a, 8, -22);
	sc.blob[1] = mem_blob(x + 64, 8);
	expect("bpf MAP_GET_NEXT_ID: 8 bytes", &sc,
	       "bpf(BPF_MAP_GET_NEXT_ID, {start_id=4294967295, next_id=0}, 8) = -1 EINVAL (Invalid argument)");
	memset(a, 0, sizeof(a));
	put(a, 0, 12, 4);
	put(a, 8, (1U << 4), 4);
	sc = bpf_sc(13, a, 12, -22);
	expect("bpf PROG_GET_FD_BY_ID", &sc,
	       "bpf(BPF_PROG_GET_FD_BY_ID, {prog_id=12, next_id=0, open_flags=BPF_F_WRONLY}, 12) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(14, a, 8, -2);
	expect("bpf MAP_GET_FD_BY_ID: 8 bytes", &sc,
	       "bpf(BPF_MAP_GET_FD_BY_ID, {map_id=12, next_id=0}, 8) = -1 ENOENT (No such file or directory)");
	put(a, 0, 3, 4);
	sc = bpf_sc(19, a, 4, -2);
	expect("bpf BTF_GET_FD_BY_ID", &sc,
	       "bpf(BPF_BTF_GET_FD_BY_ID, {btf_id=3}, 4) = -1 ENOENT (No such file or directory)");
	sc = bpf_sc(30, a, 8, -2);
	expect("bpf LINK_GET_FD_BY_ID: bytes past 4", &sc,
	       "bpf(BPF_LINK_GET_FD_BY_ID, {link_id=3}, 8) = -1 ENOENT (No such file or directory)");

	/* BPF_OBJ_GET_INFO_BY_FD: info_len as the kernel wrote it back */
	memset(a, 0, sizeof(a));
	put(a, 0, 3, 4);
	put(a, 4, 256, 4);
	put(a, 8, 0x7fff1c777e00, 8);
	memcpy(x, a, 16);
	put(x, 4, 104, 4);
	sc = bpf_sc(15, a, 16, 0);
	sc.blob[1] = mem_blob(x, 16);
	expect("bpf OBJ_GET_INFO_BY_FD: info_len changed", &sc,
	       "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=3, info_len=256 => 104, info=0x7fff1c777e00}}, 16) = 0");
	sc.has_exit = false;
	expect("bpf OBJ_GET_INFO_BY_FD: at the entry", &sc,
	       "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=3, info_len=256 <unfinished ...>");
	put(a, 4, 8, 4);
	sc = bpf_sc(15, a, 16, 0);
	sc.blob[1] = mem_blob(a + 0, 16);
	memcpy(x, a, 16);
	sc.blob[1] = mem_blob(x, 16);
	expect("bpf OBJ_GET_INFO_BY_FD", &sc,
	       "bpf(BPF_OBJ_GET_INFO_BY_FD, {info={bpf_fd=3, info_len=8, info=0x7fff1c777e00}}, 16) = 0");

	/* BPF_PROG_QUERY: the ids at the exit */
	memset(a, 0, sizeof(a));
	put(a, 0, 5, 4);
	put(a, 16, 0x7fff1c777cd0, 8);
	put(a, 24, 4, 4);
	sc = bpf_sc(16, a, 28, -9);
	memcpy(x, a, 28);
	sc.blob[1] = mem_blob(x, 28);
	opts.fd_paths = true;
	opts.fd_path = test_bpf_fd_path;
	expect("bpf PROG_QUERY -y: failed, the ids' address", &sc,
	       "bpf(BPF_PROG_QUERY, {query={target_fd=5</sys/fs/cgroup>, attach_type=BPF_CGROUP_INET_INGRESS, query_flags=0, attach_flags=0, prog_ids=0x7fff1c777cd0, prog_cnt=4}}, 28) = -1 EBADF (Bad file descriptor)");
	opts = saved;
	sc.has_exit = false;
	expect("bpf PROG_QUERY: at the entry", &sc,
	       "bpf(BPF_PROG_QUERY, {query={target_fd=5, attach_type=BPF_CGROUP_INET_INGRESS, query_flags=0, attach_flags=0, prog_ids= <unfinished ...>");
	put(a, 8, 3, 4);
	put(a, 12, 8, 4);
	put(a, 16, 0, 8);
	put(a, 24, 0, 4);
	sc = bpf_sc(16, a, 28, -22);
	memcpy(x, a, 28);
	sc.blob[1] = mem_blob(x, 28);
	expect("bpf PROG_QUERY: flags unknown, no ids", &sc,
	       "bpf(BPF_PROG_QUERY, {query={target_fd=5, attach_type=BPF_CGROUP_INET_INGRESS, query_flags=BPF_F_QUERY_EFFECTIVE|0x2, attach_flags=0x8 /* BPF_F_??? */, prog_ids=NULL, prog_cnt=0}}, 28) = -1 EINVAL (Invalid argument)");
	put(a, 8, 0, 4);
	put(a, 12, 0, 4);
	put(a, 16, 0x7fff1c777cd0, 8);
	put(a, 24, 4, 4);
	memcpy(x, a, 28);
	put(x, 24, 0, 4);
	sc = bpf_sc(16, a, 28, 0);
	sc.blob[1] = mem_blob(x, 28);
	/* written by hand: strace's form of an empty array and a count */
	expect("bpf PROG_QUERY: none attached", &sc,
	       "bpf(BPF_PROG_QUERY, {query={target_fd=5, attach_type=BPF_CGROUP_INET_INGRESS, query_flags=0, attach_flags=0, prog_ids=[], prog_cnt=4 => 0}}, 28) = 0");

	/* BPF_RAW_TRACEPOINT_OPEN, BPF_BTF_LOAD, BPF_TASK_FD_QUERY */
	memset(a, 0, sizeof(a));
	put(a, 8, UINT32_MAX, 4);
	sc = bpf_sc(17, a, 16, -9);
	expect("bpf RAW_TRACEPOINT_OPEN", &sc,
	       "bpf(BPF_RAW_TRACEPOINT_OPEN, {raw_tracepoint={name=NULL, prog_fd=-1}}, 16) = -1 EBADF (Bad file descriptor)");
	memset(a, 0, sizeof(a));
	put(a, 8, 0x7ffd7000, 8);
	put(a, 16, 10, 4);
	put(a, 20, 100, 4);
	put(a, 24, 1, 4);
	sc = bpf_sc(18, a, 28, -14);
	expect("bpf BTF_LOAD", &sc,
	       "bpf(BPF_BTF_LOAD, {btf=NULL, btf_log_buf=0x7ffd7000, btf_size=10, btf_log_size=100, btf_log_level=1}, 28) = -1 EFAULT (Bad address)");
	memset(a, 0, sizeof(a));
	put(a, 0, 1, 4);
	put(a, 4, 3, 4);
	put(a, 12, 16, 4);
	put(a, 32, 0x10, 8);
	sc = bpf_sc(20, a, 48, -1);
	memcpy(x, a, 48);
	sc.blob[1] = mem_blob(x, 48);
	expect("bpf TASK_FD_QUERY", &sc,
	       "bpf(BPF_TASK_FD_QUERY, {task_fd_query={pid=1, fd=3, flags=0, buf_len=16, buf=NULL, prog_id=0, fd_type=BPF_FD_TYPE_RAW_TRACEPOINT, probe_offset=0x10, probe_addr=0}}, 48) = -1 EPERM (Operation not permitted)");

	/* The batch commands: the count again when the kernel changed it */
	memset(a, 0, sizeof(a));
	put(a, 8, 0x7ffead63427c, 8);
	put(a, 16, 0x7ffead6342c0, 8);
	put(a, 24, 0x7ffead634280, 8);
	put(a, 32, 8, 4);
	put(a, 36, 3, 4);
	memcpy(x, a, 56);
	put(x, 32, 4, 4);
	sc = bpf_sc(24, a, 56, -2);
	sc.blob[1] = mem_blob(x, 56);
	expect("bpf MAP_LOOKUP_BATCH: the count changed", &sc,
	       "bpf(BPF_MAP_LOOKUP_BATCH, {batch={in_batch=NULL, out_batch=0x7ffead63427c, keys=0x7ffead6342c0, values=0x7ffead634280, count=8, map_fd=3, elem_flags=BPF_ANY, flags=0}} => {batch={count=4}}, 56) = -1 ENOENT (No such file or directory)");
	sc.has_exit = false;
	expect("bpf MAP_LOOKUP_BATCH: at the entry", &sc,
	       "bpf(BPF_MAP_LOOKUP_BATCH, {batch={in_batch=NULL, out_batch=0x7ffead63427c, keys=0x7ffead6342c0, values=0x7ffead634280, count=8, map_fd=3, elem_flags=BPF_ANY, flags=0}} <unfinished ...>");
	put(a, 40, 4, 8);
	put(a, 48, 1, 8);
	memcpy(x, a, 56);
	sc = bpf_sc(24, a, 56, -22);
	sc.blob[1] = mem_blob(x, 56);
	expect("bpf MAP_LOOKUP_BATCH: flags", &sc,
	       "bpf(BPF_MAP_LOOKUP_BATCH, {batch={in_batch=NULL, out_batch=0x7ffead63427c, keys=0x7ffead6342c0, values=0x7ffead634280, count=8, map_fd=3, elem_flags=BPF_F_LOCK, flags=0x1}}, 56) = -1 EINVAL (Invalid argument)");
	put(a, 40, 0, 8);
	put(a, 48, 0, 8);
	memcpy(x, a, 56);
	sc = bpf_sc(26, a, 56, -1);
	sc.blob[1] = mem_blob(x, 56);
	expect("bpf MAP_UPDATE_BATCH", &sc,
	       "bpf(BPF_MAP_UPDATE_BATCH, {batch={keys=0x7ffead6342c0, values=0x7ffead634280, count=8, map_fd=3, elem_flags=BPF_ANY, flags=0}}, 56) = -1 EPERM (Operation not permitted)");
	sc = bpf_sc(27, a, 64, -1);
	sc.blob[1] = mem_blob(x, 64);
	expect("bpf MAP_DELETE_BATCH: 64 bytes, zero past 56", &sc,
	       "bpf(BPF_MAP_DELETE_BATCH, {batch={keys=0x7ffead6342c0, count=8, map_fd=3, elem_flags=BPF_ANY, flags=0}}, 64) = -1 EPERM (Operation not permitted)");

	/* BPF_LINK_CREATE: the union's member by attach type */
	memset(a, 0, sizeof(a));
	put(a, 0, 4, 4);
	put(a, 4, 5, 4);
	put(a, 12, 0x10, 4);
	put(a, 16, 9, 4);
	sc = bpf_sc(28, a, 48, -22);
	expect("bpf LINK_CREATE: target_btf_id", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_CGROUP_INET_INGRESS, flags=0x10, target_btf_id=9}}, 48) = -1 EINVAL (Invalid argument)");
	put(a, 16, 0, 4);
	put(a, 24, 3, 4);
	expect("bpf LINK_CREATE: bytes past target_btf_id", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_CGROUP_INET_INGRESS, flags=0x10}, ...}, 48) = -1 EINVAL (Invalid argument)");
	kt_set_verbose();
	expect("bpf LINK_CREATE -v: bytes past target_btf_id", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_CGROUP_INET_INGRESS, flags=0x10}, extra_data=\"\\x00\\x00\\x00\\x00\\x03\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\" /* bytes 20..47 */}, 48) = -1 EINVAL (Invalid argument)");
	kt_abbrev_parse("all");
	put(a, 8, 28, 4);
	expect("bpf LINK_CREATE: BPF_TRACE_ITER", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_TRACE_ITER, flags=0x10, iter_info=NULL, iter_info_len=3}}, 48) = -1 EINVAL (Invalid argument)");
	put(a, 8, 42, 4);
	put(a, 16, 1, 4);
	put(a, 20, 0, 4);
	put(a, 24, 0x7ffd8000, 8);
	expect("bpf LINK_CREATE: kprobe_multi, no symbols", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_TRACE_KPROBE_MULTI, flags=0x10, kprobe_multi={flags=BPF_F_KPROBE_MULTI_RETURN, cnt=0, syms=[], addrs=NULL, cookies=NULL}}}, 48) = -1 EINVAL (Invalid argument)");
	put(a, 20, 2, 4);
	put(a, 24, 0, 8);
	expect("bpf LINK_CREATE: kprobe_multi", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_TRACE_KPROBE_MULTI, flags=0x10, kprobe_multi={flags=BPF_F_KPROBE_MULTI_RETURN, cnt=2, syms=NULL, addrs=NULL, cookies=NULL}}}, 48) = -1 EINVAL (Invalid argument)");
	put(a, 8, 41, 4);
	expect("bpf LINK_CREATE: perf_event", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_PERF_EVENT, flags=0x10, perf_event={bpf_cookie=0x200000001}}}, 48) = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(28, a, 16, -22);
	expect("bpf LINK_CREATE: 16 bytes", &sc,
	       "bpf(BPF_LINK_CREATE, {link_create={prog_fd=4, target_fd=5, attach_type=BPF_PERF_EVENT, flags=0x10}}, 16) = -1 EINVAL (Invalid argument)");
	memset(a, 0, sizeof(a));
	put(a, 0, 7, 4);
	put(a, 4, 4, 4);
	put(a, 12, 9, 4);
	sc = bpf_sc(29, a, 16, -9);
	expect("bpf LINK_UPDATE: no old program without BPF_F_REPLACE", &sc,
	       "bpf(BPF_LINK_UPDATE, {link_update={link_fd=7, new_prog_fd=4, flags=0}}, 16) = -1 EBADF (Bad file descriptor)");
	put(a, 8, 4, 4);
	put(a, 12, 5, 4);
	put(a, 0, UINT32_MAX, 4);
	put(a, 4, 5, 4);
	/* tests/progs/bpf.c in the VM */
	expect("bpf LINK_UPDATE: BPF_F_REPLACE", &sc,
	       "bpf(BPF_LINK_UPDATE, {link_update={link_fd=-1, new_prog_fd=5, flags=BPF_F_REPLACE, old_prog_fd=5}}, 16) = -1 EBADF (Bad file descriptor)");

	/* Undecoded: no decoder, a size strace does not read, no memory */
	sc = bpf_sc(32, a, 4, -22);
	expect("bpf ENABLE_STATS: the address", &sc,
	       "bpf(BPF_ENABLE_STATS, 0x7ffd0000, 4)    = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(36, a, 8, -22);
	expect("bpf: a command unknown", &sc,
	       "bpf(0x24 /* BPF_??? */, 0x7ffd0000, 8)  = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(0, a, 0, -22);
	expect("bpf: size 0", &sc,
	       "bpf(BPF_MAP_CREATE, 0x7ffd0000, 0)      = -1 EINVAL (Invalid argument)");
	sc = bpf_sc(0, a, 4097, -7);
	sc.blob[1] = mem_blob(a, 128);
	sc.blob[1].flags = KT_BLOB_TRUNCATED;
	sc.enter_blob[1] = sc.blob[1];
	expect("bpf: more than a page", &sc,
	       "bpf(BPF_MAP_CREATE, 0x7ffd0000, 4097)   = -1 E2BIG (Argument list too long)");
	sc = bpf_sc(0, a, 16, -14);
	sc.args[1] = 0;
	sc.blob[1] = (struct kt_blob){ NULL, 0, KT_BLOB_FAULT };
	sc.enter_blob[1] = sc.blob[1];
	expect("bpf: NULL", &sc,
	       "bpf(BPF_MAP_CREATE, NULL, 16)           = -1 EFAULT (Bad address)");
	sc.args[1] = 1;
	expect("bpf: unreadable", &sc,
	       "bpf(BPF_MAP_CREATE, 0x1, 16)            = -1 EFAULT (Bad address)");
	opts = saved;
}

/*
 * i386's calls without an x86_64 sibling, and its multiplexed System V
 * calls: each expected line is what strace 6.1 printed for the same
 * memory (tests/progs-ia32/ia32.c in the test VM).  struct user_desc's
 * bit "use\141ble" is spelt with an escape, as checkpatch would have it
 * spelt otherwise.
 */
static void test_ia32_old(void)
{
	static const uint32_t ud_in[4] = { -1, 0xf7d8e740, 0xfffff, 0x51 };
	static const uint32_t ud_out[4] = { 12, 0xf7d8e740, 0xfffff, 0x51 };
	static const uint32_t ud_get[4] = { 12, 0x804b000, 0xfffff, 0x51 };
	static const uint32_t act[4] = { 1, 1u << 11, 0x10000000, 0 };
	static const uint32_t dfl[4] = { 0, 0, 0, 0 };
	static const uint32_t usr2 = 1u << 11, none;
	static const uint32_t sfs[21] = {
		0x01021994, 4096, 117855, 0, 101249, 0, 101249, 0, 117855, 0,
		117435, 0, 0x7bfcab2c, 0xe3637bc1, 255, 4096, 0x20,
	};
	static const int64_t ts64[4] = { 1, 0, 0, (1 << 30) - 2 };
	static const int32_t ts32[2] = { 1, 0 };
	static const uint8_t dirent[16] = { 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, '.' };
	static const uint16_t ost[16] = {
		2, 1, 040755, 15, 0, 0, 0, 0, 340, 0, 0xc870, 0x6b13,
		0xc86e, 0x6b13, 0xc86e, 0x6b13,
	};
	static const int32_t stime_t = -1;
	static const int16_t sops[3] = { 0, 1, 0x800 };
	static const uint8_t msg[6] = { 1, 0, 0, 0, 'h', 'i' };
	static const uint32_t shmaddr = 0xf7ff0000;
	struct kt_syscall sc;

	sc = sc_new(KTRACE_CLI_ABI_I386, "set_thread_area", 0);
	sc.args[0] = 0xffcb5000;
	sc.enter_blob[0] = mem_blob(ud_in, sizeof(ud_in));
	sc.blob[0] = mem_blob(ud_out, sizeof(ud_out));
	expect("ia32 set_thread_area: the entry the kernel chose", &sc,
	       "set_thread_area({entry_number=-1, base_addr=0xf7d8e740, limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, use\141ble=1}) = 0 (entry_number=12)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "get_thread_area", 0);
	sc.args[0] = 0xffcb5000;
	sc.enter_blob[0] = mem_blob(ud_out, 4);
	sc.blob[0] = mem_blob(ud_get, sizeof(ud_get));
	expect("ia32 get_thread_area", &sc,
	       "get_thread_area({entry_number=12, base_addr=0x804b000, limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, limit_in_pages=1, seg_not_present=0, use\141ble=1}) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "sigaction", 0);
	sc.args[0] = 10;
	sc.args[1] = 0xffcb5000;
	sc.args[2] = 0xffcb5010;
	sc.blob[1] = mem_blob(act, sizeof(act));
	sc.blob[2] = mem_blob(dfl, sizeof(dfl));
	expect("ia32 sigaction: struct old_sigaction", &sc,
	       "sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[USR2], sa_flags=SA_RESTART}, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=0}) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "sigaction", -14);
	sc.args[0] = 10;
	sc.args[1] = 0x10;
	expect("ia32 sigaction: a fault", &sc,
	       "sigaction(SIGUSR1, 0x10, NULL)          = -1 EFAULT (Bad address)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "sigprocmask", 0);
	sc.args[1] = 0xffcb5000;
	sc.args[2] = 0xffcb5004;
	sc.blob[1] = mem_blob(&usr2, 4);
	sc.blob[2] = mem_blob(&none, 4);
	expect("ia32 sigprocmask: masks of one word", &sc,
	       "sigprocmask(SIG_BLOCK, [USR2], [])      = 0");
	sc.ret = -22;
	sc.args[0] = 7;
	sc.args[2] = 0;
	expect("ia32 sigprocmask: an unknown how", &sc,
	       "sigprocmask(0x7 /* SIG_??? */, [USR2], NULL) = -1 EINVAL (Invalid argument)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "signal", 0);
	sc.args[0] = 12;
	sc.args[1] = 1;
	expect("ia32 signal: the old handler", &sc,
	       "signal(SIGUSR2, SIG_IGN)                = 0 (SIG_DFL)");
	sc.args[1] = 0;
	sc.ret = 1;
	expect("ia32 signal: the old handler in hexadecimal", &sc,
	       "signal(SIGUSR2, SIG_DFL)                = 0x1 (SIG_IGN)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "sigpending", 0);
	sc.args[0] = 0xffcb5000;
	sc.blob[0] = mem_blob(&none, 4);
	expect("ia32 sigpending", &sc, "sigpending([])                          = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "sgetmask", 0);
	expect("ia32 sgetmask", &sc, "sgetmask()                              = 0 (mask [])");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ssetmask", 0x200);
	expect("ia32 ssetmask: the old mask", &sc,
	       "ssetmask([])                            = 0x200 (old mask [USR1])");
	sc = sc_new(KTRACE_CLI_ABI_I386, "statfs64", 0);
	sc.args[0] = 0x804a000;
	sc.args[1] = 84;
	sc.args[2] = 0xffcb5000;
	sc.blob[0] = str_blob("/");
	sc.blob[2] = mem_blob(sfs, 84);
	expect("ia32 statfs64: struct statfs64", &sc,
	       "statfs64(\"/\", 84, {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=117855, f_bfree=101249, f_bavail=101249, f_files=117855, f_ffree=117435, f_fsid={val=[0x7bfcab2c, 0xe3637bc1]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID}) = 0");
	sc.ret = -22;
	sc.args[1] = 80;
	sc.args[2] = 0xffcb5448;
	sc.blob[2] = (struct kt_blob){ 0 };
	expect("ia32 statfs64: a size the kernel refuses", &sc,
	       "statfs64(\"/\", 80, 0xffcb5448)           = -1 EINVAL (Invalid argument)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fstatfs64", 0);
	sc.args[0] = 6;
	sc.args[1] = 84;
	sc.args[2] = 0xffcb5000;
	sc.blob[2] = mem_blob(sfs, 84);
	expect("ia32 fstatfs64", &sc,
	       "fstatfs64(6, 84, {f_type=TMPFS_MAGIC, f_bsize=4096, f_blocks=117855, f_bfree=101249, f_bavail=101249, f_files=117855, f_ffree=117435, f_fsid={val=[0x7bfcab2c, 0xe3637bc1]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID}) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "truncate64", -2);
	sc.args[0] = 0xffcb5000;
	sc.args[2] = 2;
	sc.blob[0] = str_blob("/none");
	expect("ia32 truncate64: the length in two arguments", &sc,
	       "truncate64(\"/none\", 8589934592)         = -1 ENOENT (No such file or directory)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ftruncate64", -9);
	sc.args[0] = 0xffffffff;
	sc.args[1] = 5;
	expect("ia32 ftruncate64", &sc,
	       "ftruncate64(-1, 5)                      = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fadvise64_64", -9);
	sc.args[0] = 0xffffffff;
	sc.args[1] = 1;
	sc.args[4] = 1;
	sc.args[5] = 3;
	expect("ia32 fadvise64_64: offset and length in two arguments each", &sc,
	       "fadvise64_64(-1, 1, 4294967296, POSIX_FADV_WILLNEED) = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "fadvise64", -9);
	sc.args[0] = 0xffffffff;
	sc.args[1] = 1;
	sc.args[3] = 100;
	sc.args[4] = 4;
	expect("ia32 fadvise64: the offset in two arguments", &sc,
	       "fadvise64(-1, 1, 100, POSIX_FADV_DONTNEED) = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "utimensat_time64", -2);
	sc.args[0] = (uint32_t)-100;
	sc.args[1] = 0xffcb5000;
	sc.args[2] = 0xffcb5010;
	sc.blob[1] = str_blob("/none");
	sc.blob[2] = mem_blob(ts64, sizeof(ts64));
	expect("ia32 utimensat_time64: 64-bit times", &sc,
	       "utimensat_time64(AT_FDCWD, \"/none\", [{tv_sec=1, tv_nsec=0} /* 1970-01-01T00:00:01+0000 */, UTIME_OMIT], 0) = -1 ENOENT (No such file or directory)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "clock_settime64", -22);
	sc.args[0] = 1;
	sc.args[1] = 0xffcb5000;
	sc.blob[1] = mem_blob(ts64, 16);
	expect("ia32 clock_settime64", &sc,
	       "clock_settime64(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=0}) = -1 EINVAL (Invalid argument)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "clock_settime", -22);
	sc.args[0] = 1;
	sc.args[1] = 0xffcb5000;
	sc.blob[1] = mem_blob(ts32, sizeof(ts32));
	expect("ia32 clock_settime: a 32-bit time", &sc,
	       "clock_settime(CLOCK_MONOTONIC, {tv_sec=1, tv_nsec=0}) = -1 EINVAL (Invalid argument)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "nice", 0);
	expect("ia32 nice", &sc, "nice(0)                                 = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "readdir", 1);
	sc.args[0] = 6;
	sc.args[1] = 0xffcb5000;
	sc.args[2] = 1;
	sc.blob[1] = mem_blob(dirent, sizeof(dirent));
	expect("ia32 readdir: struct old_linux_dirent", &sc,
	       "readdir(6, {d_ino=1, d_off=0, d_reclen=1, d_name=\".\"}) = 1");
	sc.ret = -9;
	sc.args[0] = 0xffffffff;
	sc.args[1] = 0xffcb5148;
	sc.blob[1] = (struct kt_blob){ 0 };
	expect("ia32 readdir: an error", &sc,
	       "readdir(-1, 0xffcb5148)                 = -1 EBADF (Bad file descriptor)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "oldstat", 0);
	sc.args[0] = 0x804a000;
	sc.args[1] = 0xffcb5000;
	sc.blob[0] = str_blob("/");
	sc.blob[1] = mem_blob(ost, sizeof(ost));
	expect("ia32 oldstat: struct __old_kernel_stat", &sc,
	       "oldstat(\"/\", {st_mode=S_IFDIR|0755, st_size=340, ...}) = 0");
	kt_abbrev_parse("none");
	sc = sc_new(KTRACE_CLI_ABI_I386, "oldfstat", 0);
	sc.args[0] = 6;
	sc.args[1] = 0xffcb5000;
	sc.blob[1] = mem_blob(ost, sizeof(ost));
	expect("ia32 oldfstat -v: struct __old_kernel_stat whole", &sc,
	       "oldfstat(6, {st_dev=makedev(0, 0x2), st_ino=1, st_mode=S_IFDIR|0755, st_nlink=15, st_uid=0, st_gid=0, st_blksize=0, st_blocks=0, st_size=340, st_atime=1796458608 /* 2026-12-05T08:16:48+0000 */, st_mtime=1796458606 /* 2026-12-05T08:16:46+0000 */, st_ctime=1796458606 /* 2026-12-05T08:16:46+0000 */}) = 0");
	kt_abbrev_parse("all");
	sc = sc_new(KTRACE_CLI_ABI_I386, "olduname", 0);
	sc.args[0] = 0xffcb5148;
	expect("ia32 olduname: its address", &sc,
	       "olduname(0xffcb5148)                    = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "stime", 0);
	sc.args[0] = 0xffcb5000;
	sc.blob[0] = mem_blob(&stime_t, 4);
	expect("ia32 stime: the time set", &sc,
	       "stime([-1 /* 1969-12-31T23:59:59+0000 */]) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "break", -38);
	sc.args[0] = 1;
	expect("ia32 break: no arguments", &sc,
	       "break()                                 = -1 ENOSYS (Function not implemented)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "vm86", -38);
	sc.args[0] = 1;
	sc.args[1] = 2;
	sc.args[2] = 3;
	sc.args[3] = 4;
	sc.args[4] = 5;
	sc.args[5] = 6;
	expect("ia32 vm86: five arguments in hexadecimal", &sc,
	       "vm86(0x1, 0x2, 0x3, 0x4, 0x5)           = -1 ENOSYS (Function not implemented)");
	sc.nr = ktrace_syscall_number(KTRACE_CLI_ABI_I386, "stty");
	expect("ia32 stty: two", &sc,
	       "stty(0x1, 0x2)                          = -1 ENOSYS (Function not implemented)");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", 0);
	sc.args[0] = 2;
	sc.args[2] = 1;
	sc.args[3] = 0600;
	expect("ia32 ipc(SEMGET): as semget", &sc,
	       "semget(IPC_PRIVATE, 1, 0600)            = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", 0);
	sc.args[0] = 1;
	sc.args[2] = 1;
	sc.args[4] = 0xffcb5000;
	sc.blob[4] = mem_blob(sops, 6);
	expect("ia32 ipc(SEMOP): as semop, its struct sembuf", &sc,
	       "semop(0, [{sem_num=0, sem_op=1, sem_flg=IPC_NOWAIT}], 1) = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", 0);
	sc.args[0] = 3;
	sc.args[3] = 0x100;
	sc.args[4] = 0xffcb5000;
	sc.blob[4] = mem_blob(&none, 4);
	expect("ia32 ipc(SEMCTL): as semctl, its union semun", &sc,
	       "semctl(0, 0, IPC_64|IPC_RMID, [NULL])   = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", 0);
	sc.args[0] = 11;
	sc.args[2] = 2;
	sc.args[3] = 04000;
	sc.args[4] = 0xffcb5000;
	sc.blob[4] = mem_blob(msg, sizeof(msg));
	expect("ia32 ipc(MSGSND): as msgsnd", &sc,
	       "msgsnd(0, {mtype=1, mtext=\"hi\"}, 2, IPC_NOWAIT) = 0");
	sc.args[0] = 0x1000c;
	sc.ret = 2;
	expect("ia32 ipc(MSGRCV) version 1: as msgrcv", &sc,
	       "msgrcv(0, {mtype=1, mtext=\"hi\"}, 2, 0, IPC_NOWAIT) = 2");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", 0);
	sc.args[0] = 21;
	sc.args[3] = 0xffcb5000;
	sc.blob[3] = mem_blob(&shmaddr, 4);
	expect("ia32 ipc(SHMAT): as shmat, the address it wrote", &sc,
	       "shmat(0, NULL, 0)                       = 0xf7ff0000");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", 0);
	sc.args[0] = 22;
	sc.args[4] = shmaddr;
	expect("ia32 ipc(SHMDT): as shmdt", &sc,
	       "shmdt(0xf7ff0000)                       = 0");
	sc = sc_new(KTRACE_CLI_ABI_I386, "ipc", -38);
	sc.args[0] = 99;
	sc.args[1] = 1;
	sc.args[2] = 2;
	sc.args[5] = 0x75;
	expect("ia32 ipc of no known call", &sc,
	       "ipc(99, 0x1, 0x2, 0, 0, 0x75)           = -1 ENOSYS (Function not implemented)");
}

int main(void)
{
	test_numbers();
	test_printf();
	test_json_str();
	test_strings();
	test_file();
	test_desc();
	test_fileops();
	test_fd_paths();
	test_mem();
	test_process();
	test_pids();
	test_signal();
	test_ids();
	test_net();
	test_cmsg();
	test_mmsg();
	test_more();
	test_sysmisc();
	test_ptrace();
	test_numa();
	test_ipc();
	test_ipc_ctl();
	test_fprog();
	test_timex();
	test_file_handles();
	test_io_uring();
	test_aio();
	test_perf_event_open();
	test_keys();
	test_oddcalls();
	test_mount();
	test_bpf();
	test_ia32_old();
	test_newer();
	test_raw();
	test_verbosity();
	printf("1..%u\n", tests);
	return failures ? 1 : 0;
}
