// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of -e read= and -e write= (hexdump.c): the fd sets as strace
 * parses them, and the dumps printed after a call, byte for byte as
 * strace 6.1 prints them for the same data.  Prints TAP.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../ktrace.h"
#include "../decode.h"

const char *ktrace_prog = "hexdump-test";

void ktrace_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static unsigned int tests, failures;

static void check(const char *desc, const char *got, const char *want)
{
	tests++;
	if (!strcmp(got, want)) {
		printf("ok %u - %s\n", tests, desc);
		return;
	}
	failures++;
	printf("not ok %u - %s\n#   got:\n%s#   want:\n%s", tests, desc, got,
	       want);
}

static void check_bool(const char *desc, bool got, bool want)
{
	check(desc, got ? "true\n" : "false\n", want ? "true\n" : "false\n");
}

static void test_fdsets(void)
{
	struct kt_fdset s;

	check_bool("read=1: parsed", kt_fdset_parse(&s, "read", "1") == 0, true);
	check_bool("read=1: fd 1 in", kt_fdset_has(&s, 1), true);
	check_bool("read=1: fd 2 out", kt_fdset_has(&s, 2), false);
	kt_fdset_parse(&s, "read", "3,5");
	check_bool("read=3,5: 5 in", kt_fdset_has(&s, 5), true);
	check_bool("read=3,5: 4 out", kt_fdset_has(&s, 4), false);
	kt_fdset_parse(&s, "read", "all");
	check_bool("read=all: 77 in", kt_fdset_has(&s, 77), true);
	kt_fdset_parse(&s, "read", "none");
	check_bool("read=none: nothing", s.on || kt_fdset_has(&s, 0), false);
	kt_fdset_parse(&s, "read", "!0");
	check_bool("read=!0: 0 out", kt_fdset_has(&s, 0), false);
	check_bool("read=!0: 1 in", kt_fdset_has(&s, 1), true);
	kt_fdset_parse(&s, "read", "!all");
	check_bool("read=!all: nothing", s.on, false);
	check_bool("read=x: refused", kt_fdset_parse(&s, "read", "x") < 0, true);
	check_bool("read=-1: refused", kt_fdset_parse(&s, "read", "-1") < 0, true);
	check_bool("read=1,: accepted", kt_fdset_parse(&s, "read", "1,") == 0,
		   true);
}

static void dump(const char *desc, const void *p, size_t stored, uint64_t len,
		 const char *want)
{
	struct kt_buf b = { 0 };

	kt_hexdump(&b, p, stored, len);
	check(desc, b.s ? b.s : "", want);
	kt_buf_free(&b);
}

static void test_dumps(void)
{
	uint8_t bytes[40];
	unsigned int i;

	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = 0x1e + i;
	dump("a short line", "hello\n", 6, 6,
	     " | 00000  68 65 6c 6c 6f 0a                                 hello.           |\n");
	dump("sixteen bytes and four, unprintable as dots", bytes, 20, 20,
	     " | 00000  1e 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2d  .. !\"#$%&'()*+,- |\n"
	     " | 00010  2e 2f 30 31                                       ./01             |\n");
	dump("nothing read: no line", "", 0, 0, "");
	dump("the record holds less than the call moved", bytes, 16, 9000,
	     " | 00000  1e 1f 20 21 22 23 24 25  26 27 28 29 2a 2b 2c 2d  .. !\"#$%&'()*+,- |\n"
	     " | <8984 of 9000 bytes not in the record: -s sets how much is copied, up to 131072>\n");
	dump("above 1 MiB, a wider offset", "ab", 2, (1 << 20) + 1,
	     " | 000000  61 62                                             ab               |\n"
	     " | <1048575 of 1048577 bytes not in the record: -s sets how much is copied, up to 131072>\n");
}

/* A write of "hi\n" and a readv into two buffers, as the records hold them. */
static void test_calls(void)
{
	struct kt_opts o;
	struct kt_syscall sc = { .abi = KTRACE_CLI_ABI_X86_64, .has_exit = true };
	struct kt_buf b = { 0 };
	uint8_t vec[2 * sizeof(struct ktrace_iov_seg) + 5];
	struct ktrace_iov_seg seg = { .base = 0x1000, .len = 3, .stored = 3 };

	memset(&o, 0, sizeof(o));
	kt_fdset_parse(&o.dump_write, "write", "1");
	kt_fdset_parse(&o.dump_read, "read", "3");

	sc.nr = ktrace_syscall_number(KTRACE_CLI_ABI_X86_64, "write");
	sc.args[0] = 1;
	sc.args[2] = 3;
	sc.ret = 3;
	sc.blob[1].data = (const uint8_t *)"hi\n";
	sc.blob[1].len = 3;
	kt_dump_io(&b, &sc, &o);
	check("write(1, ...): dumped", b.s ? b.s : "",
	      " | 00000  68 69 0a                                          hi.              |\n");
	kt_buf_reset(&b);
	sc.args[0] = 2;
	kt_dump_io(&b, &sc, &o);
	check("write(2, ...): not in the set", b.s ? b.s : "", "");
	kt_buf_reset(&b);
	sc.args[0] = 1;
	sc.ret = -9;
	kt_dump_io(&b, &sc, &o);
	check("a failed write is dumped too, as strace does", b.s ? b.s : "",
	      " | 00000  68 69 0a                                          hi.              |\n");

	kt_buf_reset(&b);
	memcpy(vec, &seg, sizeof(seg));
	memcpy(vec + sizeof(seg), "abc", 3);
	seg.base = 0x2000;
	seg.len = 10;
	seg.stored = 2;
	memcpy(vec + sizeof(seg) + 3, &seg, sizeof(seg));
	memcpy(vec + 2 * sizeof(seg) + 3, "de", 2);
	sc.nr = ktrace_syscall_number(KTRACE_CLI_ABI_X86_64, "readv");
	sc.args[0] = 3;
	sc.args[2] = 2;
	sc.ret = 5;
	sc.blob[1].data = vec;
	sc.blob[1].len = sizeof(vec);
	kt_dump_io(&b, &sc, &o);
	check("readv(3, ...): each buffer, up to what was read", b.s ? b.s : "",
	      " * 3 bytes in buffer 0\n"
	      " | 00000  61 62 63                                          abc              |\n"
	      " * 2 bytes in buffer 1\n"
	      " | 00000  64 65                                             de               |\n");
	kt_buf_reset(&b);
	sc.ret = -4;
	kt_dump_io(&b, &sc, &o);
	check("a failed readv: nothing", b.s ? b.s : "", "");
	kt_buf_free(&b);
}

int main(void)
{
	test_fdsets();
	test_dumps();
	test_calls();
	printf("1..%u\n", tests);
	return failures ? 1 : 0;
}
