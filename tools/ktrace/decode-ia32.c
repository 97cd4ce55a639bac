// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the calls i386 has and x86_64 does not, but
 * for the signal, file and advice calls that sit beside their x86_64
 * siblings: the TLS segment calls (x86_64 has them too), nice, stime,
 * readdir, olduname and oldolduname, the calls Linux never implemented
 * (break, stty, ...), and the ipc() multiplexer, whose sub-calls print
 * as the System V calls of decode-ipc.c, as strace prints them.
 */
#include <string.h>

#include "decoders.h"

/*
 * struct user_desc: entry, base and limit, then its bits; lm only on
 * x86_64, as strace prints it.  The kernel spells one bit so (checkpatch
 * would have it otherwise).
 */
#define KT_USEABLE	"use\141ble"
static void user_desc_rest(struct kt_dec *d, const uint32_t *u)
{
	static const char *const bits[] = {
		"seg_32bit", "contents", "read_exec_only", "limit_in_pages",
		"seg_not_present", KT_USEABLE, "lm",
	};
	static const unsigned int width[] = { 1, 2, 1, 1, 1, 1, 1 };
	unsigned int k, shift = 0, n = ARRAY_SIZE(bits);

	kt_buf_printf(d->b, ", base_addr=%#08x, limit=%#08x", u[1], u[2]);
	if (kt_long_size(d) == 4)
		n--;
	for (k = 0; k < n; k++) {
		kt_buf_printf(d->b, ", %s=%u", bits[k],
			      (u[3] >> shift) & ((1U << width[k]) - 1));
		shift += width[k];
	}
	kt_buf_putc(d->b, '}');
}

static void print_entry(struct kt_buf *b, uint32_t n)
{
	kt_buf_puts(b, "{entry_number=");
	kt_format_id(b, n);
}

/* set_thread_area({entry_number=-1, base_addr=..., ...}) */
static void dec_set_thread_area(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[0];
	uint32_t u[4];

	kt_sep(d);
	if (!kt_arg(d, 0) || !in->data || in->len < sizeof(u)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return;
	}
	memcpy(u, in->data, sizeof(u));
	print_entry(d->b, u[0]);
	user_desc_rest(d, u);
}

/* = 0 (entry_number=12): the entry the kernel chose */
static void ret_set_thread_area(struct kt_dec *d)
{
	const struct kt_blob *out = kt_exit_blob(d->sc, 0);
	uint32_t n;

	kt_format_retval(d, KT_RV_DEC);
	if (!out || !out->data || out->len < 4)
		return;
	memcpy(&n, out->data, 4);
	kt_buf_printf(d->b, " (entry_number=%u)", n);
}

/*
 * get_thread_area({entry_number=12, base_addr=..., ...}): the entry
 * asked for at the call, what the kernel wrote at its return (after
 * " => " an entry it changed), ", ...}" after an error.
 */
static void dec_get_thread_area(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[0];
	const struct kt_blob *out = kt_exit_blob(d->sc, 0);
	uint32_t n, u[4];

	kt_sep(d);
	if (!kt_arg(d, 0) || !in->data || in->len < 4) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return;
	}
	memcpy(&n, in->data, 4);
	print_entry(d->b, n);
	if (kt_entry_only(d, false))
		return;
	if (kt_failed(d) || !out || !out->data || out->len < sizeof(u)) {
		kt_buf_puts(d->b, ", ...}");
		return;
	}
	memcpy(u, out->data, sizeof(u));
	if (u[0] != n) {
		kt_buf_puts(d->b, " => ");
		kt_format_id(d->b, u[0]);
	}
	user_desc_rest(d, u);
}

static void dec_nice(struct kt_dec *d)
{
	kt_a_int(d, 0);
}

/* stime([1700000000 /+ 2023-11-14T22:13:20+0000 +/]) at its return */
static void dec_stime(struct kt_dec *d)
{
	int32_t t;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_read(d, 0, 0, &t, 4)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
		return;
	}
	kt_buf_printf(d->b, "[%d", t);
	kt_time_comment(d->b, t, 0);
	kt_buf_putc(d->b, ']');
}

/*
 * readdir(3, {d_ino=1, d_off=0, d_reclen=1, d_name="."}) = 1: struct
 * old_linux_dirent, 32-bit inode and offset, the name's length as
 * d_reclen; the pointer at the end of the directory (0) and after an
 * error.  The count prints when it is not 1.
 */
static void dec_readdir(struct kt_dec *d)
{
	const struct kt_blob *blob;
	uint32_t ino, off;
	uint16_t len;
	size_t n;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	blob = kt_blob_at(d, 1);
	if (!kt_exiting_ok(d) || !d->sc->ret ||
	    !kt_blob_read(d, 1, 0, &ino, 4) || !kt_blob_read(d, 1, 4, &off, 4) ||
	    !kt_blob_read(d, 1, 8, &len, 2)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
	} else {
		n = len < 256 ? len : 256;
		if (n > blob->len - 10)
			n = blob->len - 10;
		n = strnlen((const char *)blob->data + 10, n);
		kt_buf_printf(d->b, "{d_ino=%u, d_off=%u, d_reclen=%u, d_name=",
			      ino, off, len);
		kt_format_bytes(d->b, blob->data + 10, n, n, false);
		kt_buf_putc(d->b, '}');
	}
	if ((uint32_t)kt_arg(d, 2) != 1)
		kt_a_uint(d, 2);
}

/*
 * The calls strace prints by their arguments in hexadecimal, as many as
 * its table gives them: the old uname calls, and those Linux never
 * implemented or no longer does (ENOSYS).
 */
static const struct {
	const char *name;
	unsigned int nargs;
} printargs[] = {
	{ "olduname", 1 }, { "oldolduname", 1 }, { "break", 0 },
	{ "stty", 2 }, { "gtty", 2 }, { "ftime", 0 }, { "prof", 0 },
	{ "lock", 0 }, { "mpx", 0 }, { "ulimit", 2 }, { "profil", 4 },
	{ "idle", 0 }, { "vm86old", 1 }, { "bdflush", 2 }, { "vm86", 5 },
};

static void dec_printargs(struct kt_dec *d)
{
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(printargs); k++)
		if (!strcmp(d->name, printargs[k].name))
			kt_a_raw(d, printargs[k].nargs);
}

/*
 * i386's ipc(call, first, second, third, ptr, fifth): each sub-call's
 * arguments (by index in ipc's) in the order the direct call takes them;
 * version (call >> 16) 0 of msgrcv passes a struct ipc_kludge of the
 * buffer and type at ptr instead of the two.
 */
static const struct {
	unsigned int call;
	const char *name;
	unsigned char arg[5];	/* ipc's argument of each; 0: none */
} ipc_calls[] = {
	{ 1, "semop", { 1, 4, 2 } },
	{ 2, "semget", { 1, 2, 3 } },
	{ 3, "semctl", { 1, 2, 3, 4 } },
	{ 4, "semtimedop", { 1, 4, 2, 5 } },
	{ 11, "msgsnd", { 1, 4, 2, 3 } },
	{ 12, "msgrcv", { 1, 4, 2, 5, 3 } },
	{ 13, "msgget", { 1, 2 } },
	{ 14, "msgctl", { 1, 2, 4 } },
	{ 21, "shmat", { 1, 4, 2 } },
	{ 22, "shmdt", { 4 } },
	{ 23, "shmget", { 1, 2, 3 } },
	{ 24, "shmctl", { 1, 2, 4 } },
};

const char *kt_ipc_subcall(const struct kt_syscall *sc, struct kt_syscall *out)
{
	uint32_t call = (uint32_t)sc->args[0], k, j, a, v[2];

	for (k = 0; k < ARRAY_SIZE(ipc_calls); k++)
		if (ipc_calls[k].call == (call & 0xffff))
			break;
	if (k == ARRAY_SIZE(ipc_calls))
		return NULL;
	*out = *sc;
	for (j = 0; j < 6; j++) {
		a = j < 5 ? ipc_calls[k].arg[j] : 0;
		out->args[j] = a ? sc->args[a] : 0;
		out->blob[j] = a ? sc->blob[a] : (struct kt_blob){ 0 };
		out->enter_blob[j] = a ? sc->enter_blob[a] :
					 (struct kt_blob){ 0 };
	}
	if (call == 12) {		/* msgrcv's struct ipc_kludge */
		out->blob[1] = (struct kt_blob){ 0 };
		out->enter_blob[1] = (struct kt_blob){ 0 };
		if (sc->enter_blob[4].data && sc->enter_blob[4].len >= 8) {
			memcpy(v, sc->enter_blob[4].data, 8);
			out->args[1] = v[0];
			out->args[3] = v[1];
		}
	}
	/* shmat returns 0 and writes the address at ipc's third argument */
	if (ipc_calls[k].call == 21 && sc->has_exit && !sc->ret &&
	    sc->blob[3].data && sc->blob[3].len >= 4) {
		memcpy(v, sc->blob[3].data, 4);
		out->ret = v[0];
	}
	return ipc_calls[k].name;
}

/* A call that came through ipc(): semctl prints its union semun so. */
bool kt_via_ipc(const struct kt_dec *d)
{
	const char *name = ktrace_syscall_name(d->sc->abi, d->sc->nr);

	return d->sc->abi == KTRACE_CLI_ABI_I386 && name &&
	       !strcmp(name, "ipc");
}

/* ipc(99, 0x1, ...) of no known sub-call; "1 << 16|99" with a version */
static void dec_ipc(struct kt_dec *d)
{
	uint32_t call = (uint32_t)kt_arg(d, 0);
	int i;

	kt_sep(d);
	if (call >> 16)
		kt_buf_printf(d->b, "%u << 16|", call >> 16);
	kt_buf_udec(d->b, call & 0xffff);
	for (i = 1; i < 6; i++)
		kt_a_hex(d, i);
}

static const struct kt_decoder decoders[] = {
	{ "set_thread_area", dec_set_thread_area, KT_RV_DEC,
	  ret_set_thread_area },
	{ "get_thread_area", dec_get_thread_area, KT_RV_DEC, NULL },
	{ "nice", dec_nice, KT_RV_DEC, NULL },
	{ "stime", dec_stime, KT_RV_DEC, NULL },
	{ "readdir", dec_readdir, KT_RV_DEC, NULL },
	{ "ipc", dec_ipc, KT_RV_DEC, NULL },
	{ "olduname", dec_printargs, KT_RV_DEC, NULL },
	{ "oldolduname", dec_printargs, KT_RV_DEC, NULL },
	{ "break", dec_printargs, KT_RV_DEC, NULL },
	{ "stty", dec_printargs, KT_RV_DEC, NULL },
	{ "gtty", dec_printargs, KT_RV_DEC, NULL },
	{ "ftime", dec_printargs, KT_RV_DEC, NULL },
	{ "prof", dec_printargs, KT_RV_DEC, NULL },
	{ "lock", dec_printargs, KT_RV_DEC, NULL },
	{ "mpx", dec_printargs, KT_RV_DEC, NULL },
	{ "ulimit", dec_printargs, KT_RV_DEC, NULL },
	{ "profil", dec_printargs, KT_RV_DEC, NULL },
	{ "idle", dec_printargs, KT_RV_DEC, NULL },
	{ "vm86old", dec_printargs, KT_RV_DEC, NULL },
	{ "bdflush", dec_printargs, KT_RV_DEC, NULL },
	{ "vm86", dec_printargs, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_ia32_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
