// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): from a struct kt_syscall to strace's line.  This file finds
 * the decoder for a syscall by name, in the tables of the decode-*.c
 * files, so that one decoder serves x86_64 and i386; prints the raw hex
 * arguments of syscalls without one; prints return values; and holds the
 * helpers with which decoders print their arguments.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "decoders.h"

static const struct kt_decoder_table *const tables[] = {
	&kt_file_decoders, &kt_desc_decoders, &kt_net_decoders,
	&kt_process_decoders, &kt_mem_decoders, &kt_signal_decoders,
	&kt_time_decoders, &kt_sys_decoders, &kt_ipc_decoders,
	&kt_ptrace_decoders, &kt_numa_decoders, &kt_uring_decoders,
	&kt_mount_decoders, &kt_bpf_decoders, &kt_ia32_decoders,
};

static const struct kt_decoder *find_decoder(const char *name)
{
	size_t t, i;

	if (!name)
		return NULL;
	for (t = 0; t < ARRAY_SIZE(tables); t++)
		for (i = 0; i < tables[t]->n; i++)
			if (!strcmp(tables[t]->d[i].name, name))
				return &tables[t]->d[i];
	return NULL;
}

/*
 * A syscall's name and decoder, looked up once per syscall number and
 * ABI: every line asks for them, at its call and at its result.
 */
struct sc_info {
	const char *name;		/* or NULL */
	size_t len;			/* of name */
	const struct kt_decoder *dec;	/* or NULL */
	bool ipc;			/* i386's ipc(): by its sub-call */
	bool cached;
};

#define KT_NR_CACHE 1024
static struct sc_info cache[2][KT_NR_CACHE];

/* The name and decoder of a number past the cache, or one not seen yet. */
static const struct sc_info *sc_info_slow(const struct kt_syscall *sc)
{
	static struct sc_info past;
	struct sc_info *i = &past;

	if (sc->nr < KT_NR_CACHE)
		i = &cache[sc->abi == KTRACE_CLI_ABI_I386][sc->nr];
	i->name = ktrace_syscall_name(sc->abi, sc->nr);
	i->len = i->name ? strlen(i->name) : 0;
	i->dec = find_decoder(i->name);
	i->ipc = sc->abi == KTRACE_CLI_ABI_I386 && i->name &&
		 !strcmp(i->name, "ipc");
	i->cached = i != &past;
	return i;
}

static inline const struct sc_info *sc_info_of(const struct kt_syscall *sc)
{
	const struct sc_info *i;

	if (__builtin_expect(sc->nr >= KT_NR_CACHE, 0))
		return sc_info_slow(sc);
	i = &cache[sc->abi == KTRACE_CLI_ABI_I386][sc->nr];
	if (__builtin_expect(!i->cached, 0))
		return sc_info_slow(sc);
	return i;
}

/* Argument access: i386 passes 32-bit values. */
uint64_t kt_arg(const struct kt_dec *d, int i)
{
	uint64_t v = d->sc->args[i];

	return d->sc->abi == KTRACE_CLI_ABI_I386 ? (uint32_t)v : v;
}

int64_t kt_arg_long(const struct kt_dec *d, int i)
{
	uint64_t v = d->sc->args[i];

	return d->sc->abi == KTRACE_CLI_ABI_I386 ? (int32_t)v : (int64_t)v;
}

const struct kt_blob *kt_blob_at(const struct kt_dec *d, int i)
{
	const struct kt_blob *blob = &d->sc->blob[i];

	return blob->data || (blob->flags & KT_BLOB_FAULT) ? blob : NULL;
}

/*
 * What the pointer at byte @off of the structure at argument @i points
 * to (KTRACE_BLOB_DEREF, ABI 1.20), or NULL when the module sent none.
 */
const struct kt_blob *kt_deref_blob(const struct kt_dec *d, int i,
				    unsigned int off)
{
	unsigned int k;

	for (k = 0; k < d->sc->nderef; k++)
		if (d->sc->deref_arg[k] == KTRACE_BLOB_DEREF(i, off))
			return &d->sc->deref[k];
	return NULL;
}

/*
 * The memory pointer @p, at byte @off of the structure at argument @i,
 * points to, as strace prints it: a string (KT_DEREF_STR, printstr()),
 * a path (KT_DEREF_PATH, not cut at -s), at most @len bytes up to a NUL
 * (KT_DEREF_STRZ, printstr_ex()'s QUOTE_0_TERMINATED: "..." when there
 * is none), or @len bytes (KT_DEREF_BYTES, printstrn(); KT_DEREF_VALUE
 * leaves out a NUL that ends them, as an xattr's value).  NULL, or the
 * pointer when the module did not copy it.
 */
void kt_format_deref(struct kt_dec *d, int i, unsigned int off, uint64_t p,
		     enum kt_deref how, uint64_t len)
{
	const struct kt_blob *blob = kt_deref_blob(d, i, off);
	const uint8_t *nul;
	size_t n, max, z;

	if (!p || !blob || !blob->data) {
		kt_format_ptr(d->b, p);
		return;
	}
	switch (how) {
	case KT_DEREF_STR:
		kt_format_string(d->b, blob, d->o);
		return;
	case KT_DEREF_PATH:
		kt_format_path(d->b, blob);
		return;
	case KT_DEREF_STRZ:
		max = len < (uint64_t)d->o->strsize + 1 ? len : d->o->strsize + 1;
		n = blob->len < max ? blob->len : max;
		nul = memchr(blob->data, '\0', n);
		/* a string blob's NUL is not in its length */
		z = nul ? (size_t)(nul - blob->data) :
		    (blob->flags & KT_BLOB_STRING) &&
		    !(blob->flags & KT_BLOB_TRUNCATED) && blob->len < max ?
		    blob->len : SIZE_MAX;
		if (z < d->o->strsize) {
			kt_format_bytes(d->b, blob->data, z, d->o->strsize,
					false);
			return;
		}
		n = n < d->o->strsize ? n : d->o->strsize;
		kt_format_bytes(d->b, blob->data, n, d->o->strsize, len != 0);
		return;
	case KT_DEREF_BYTES:
	case KT_DEREF_VALUE:
		n = blob->len < len ? blob->len : len;
		if (how == KT_DEREF_VALUE && n && n == len &&
		    n <= d->o->strsize && !blob->data[n - 1])
			len = --n;
		kt_format_bytes(d->b, blob->data, n, d->o->strsize,
				n < len || (blob->flags & KT_BLOB_TRUNCATED));
		return;
	}
}

/*
 * The first @n __u64 of argument @i's memory, as strace's print_array():
 * [A, B], each by @fmt, "..." past -s's count or the bytes captured; the
 * pointer when nothing was, or after an error.
 */
void kt_format_u64_array(struct kt_dec *d, int i, uint64_t n,
			 void (*fmt)(struct kt_buf *b, uint64_t v))
{
	uint64_t k, v;

	if (kt_failed(d) || !kt_blob_usable(d, i, 0)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize || !kt_blob_read(d, i, k * 8, &v, 8)) {
			kt_buf_puts(d->b, "...");
			break;
		}
		fmt(d->b, v);
	}
	kt_buf_putc(d->b, ']');
}

/* What the exit copied of argument @i, apart from the enter's; or NULL. */
const struct kt_blob *kt_exit_blob(const struct kt_syscall *sc, int i)
{
	return sc->blob[i].data != sc->enter_blob[i].data ? &sc->blob[i] : NULL;
}

static int64_t ret_of(const struct kt_syscall *sc)
{
	return sc->abi == KTRACE_CLI_ABI_I386 ? (int32_t)sc->ret : sc->ret;
}

static bool is_error(const struct kt_syscall *sc)
{
	return kt_ret_failed(ret_of(sc));
}

bool kt_failed(const struct kt_dec *d)
{
	return d->sc->has_exit && is_error(d->sc);
}

bool kt_exiting_ok(const struct kt_dec *d)
{
	return d->sc->has_exit && !is_error(d->sc);
}

/*
 * At entry, after all the arguments: the call prints more at its exit,
 * with its return value (poll's revents), so that a task that dies in
 * it ends its line with " <unfinished ...>) = ?", as strace does for a
 * call whose decoder has work left at the exit.
 */
void kt_exit_adds(struct kt_dec *d)
{
	if (!d->sc->has_exit)
		d->stopped = true;
}

/*
 * At entry, stop where the arguments the kernel writes begin.  strace
 * prints the separator before them at entry for most calls ("wait4(-1, "),
 * and at exit for some (clone).
 */
bool kt_entry_only(struct kt_dec *d, bool sep)
{
	if (d->sc->has_exit)
		return false;
	if (sep && d->printed)
		kt_buf_puts(d->b, ", ");
	d->stopped = true;
	return true;
}

void kt_sep(struct kt_dec *d)
{
	if (d->printed++)
		kt_buf_puts(d->b, ", ");
}

/* A named argument, as in "flags=" of clone. */
void kt_a_name(struct kt_dec *d, const char *name)
{
	kt_sep(d);
	kt_buf_puts(d->b, name);
	kt_buf_putc(d->b, '=');
}

void kt_a_int(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_buf_dec(d->b, (int)d->sc->args[i]);
}

void kt_a_uint(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_buf_udec(d->b, (unsigned int)d->sc->args[i]);
}

/* A uid_t or gid_t: -1 ("unchanged") as strace prints it. */
void kt_format_id(struct kt_buf *b, uint32_t id)
{
	if (id == (uint32_t)-1)
		kt_buf_puts(b, "-1");
	else
		kt_buf_udec(b, id);
}

void kt_a_id(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_id(d->b, (uint32_t)d->sc->args[i]);
}

/*
 * ia32's id calls without "32" in their name (setuid, chown, getgroups,
 * ...; not fchownat) take and give 16-bit ids, in which 0xffff is -1.
 * Only the decoders of those calls ask.
 */
bool kt_ids16(const struct kt_dec *d)
{
	return kt_long_size(d) == 4 && !strstr(d->name, "32");
}

/* A 16-bit id as the kernel widens it (low2highuid()): 0xffff is -1. */
uint32_t kt_id16(uint16_t id)
{
	return id == 0xffff ? (uint32_t)-1 : id;
}

/* The id argument of a call with a 16-bit form: its low 16 bits there. */
void kt_a_id16(struct kt_dec *d, int i)
{
	uint32_t id = (uint32_t)d->sc->args[i];

	kt_sep(d);
	kt_format_id(d->b, kt_ids16(d) ? kt_id16((uint16_t)id) : id);
}

void kt_a_long(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_buf_dec(d->b, kt_arg_long(d, i));
}

void kt_a_ulong(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_buf_udec(d->b, kt_arg(d, i));
}

void kt_a_hex(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_buf_hex(d->b, kt_arg(d, i));
}

void kt_a_ptr(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_ptr(d->b, kt_arg(d, i));
}

/* A file descriptor; with -y, "3</path>". */
void kt_fd(struct kt_dec *d, int fd)
{
	const char *path = NULL;

	if (fd >= 0 && d->o->fd_paths && d->o->fd_path)
		path = d->o->fd_path(d->o->ctx, fd);
	kt_buf_dec(d->b, fd);
	if (path) {
		kt_buf_putc(d->b, '<');
		kt_buf_puts(d->b, path);
		kt_buf_putc(d->b, '>');
	}
}

/*
 * A process or thread id; with -Y, "42<sh>" while the trace knows it.  An
 * id of 0 or below (the caller, any child, minus a process group) has no
 * name.
 */
void kt_pid(struct kt_dec *d, int pid, bool result)
{
	const char *comm = NULL;
	int ours;

	kt_buf_dec(d->b, pid);
	if (pid > 0 && d->o->pid_comm)
		comm = d->o->pid_comm(d->o->ctx, pid, result);
	if (comm && *comm)
		kt_buf_comm(d->b, comm);
	/*
	 * --decode-pids=pidns.  Not a wait's result: strace translates at
	 * the exit, from /proc, where the child it reaped is gone.
	 */
	if (pid > 0 && d->o->pid_ns &&
	    !(result && d->name && !strncmp(d->name, "wait", 4))) {
		ours = d->o->pid_ns(d->o->ctx, pid);
		if (ours) {
			kt_buf_puts(d->b, " /* ");
			kt_buf_dec(d->b, ours);
			kt_buf_puts(d->b, " in strace's PID NS */");
		}
	}
}

void kt_a_pid(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_pid(d, (int)d->sc->args[i], false);
}

void kt_a_fd(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_fd(d, (int)d->sc->args[i]);
}

/* A descriptor the call replaces (dup2's new one), as it was before. */
void kt_a_fd_before(struct kt_dec *d, int i)
{
	const char *path = NULL;
	int fd = (int)d->sc->args[i];

	if (!d->o->fd_path_before) {
		kt_a_fd(d, i);
		return;
	}
	kt_sep(d);
	if (fd >= 0 && d->o->fd_paths)
		path = d->o->fd_path_before(d->o->ctx, fd);
	kt_buf_dec(d->b, fd);
	if (path) {
		kt_buf_putc(d->b, '<');
		kt_buf_puts(d->b, path);
		kt_buf_putc(d->b, '>');
	}
}

#define KT_AT_FDCWD (-100)

void kt_a_dirfd(struct kt_dec *d, int i)
{
	const char *path = NULL;
	size_t mark;

	if ((int)d->sc->args[i] == KT_AT_FDCWD) {
		if (d->o->fd_paths && d->o->fd_path)
			path = d->o->fd_path(d->o->ctx, KT_AT_FDCWD);
		kt_sep(d);
		mark = kt_const_begin(d->b);
		kt_buf_puts(d->b, "AT_FDCWD");
		kt_const_end(d->b, mark, (uint64_t)(int64_t)KT_AT_FDCWD, 'd');
		if (path)
			kt_buf_printf(d->b, "<%s>", path);
	} else {
		kt_a_fd(d, i);
	}
}

/* User memory: its text when captured, else the pointer. */
static bool print_blob(struct kt_dec *d, int i, bool path, uint64_t len)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	if (!kt_arg(d, i) || !blob || (blob->flags & KT_BLOB_FAULT)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return false;
	}
	if (path) {
		kt_format_path(d->b, blob);
	} else if (blob->flags & KT_BLOB_STRING) {
		kt_format_string(d->b, blob, d->o);
	} else {
		bool more = blob->flags & KT_BLOB_TRUNCATED;
		size_t n = blob->len;

		if (len < n)
			n = len;
		more = more || n < len;
		kt_format_bytes(d->b, blob->data, n, d->o->strsize, more);
	}
	return true;
}

void kt_a_path(struct kt_dec *d, int i)
{
	kt_sep(d);
	print_blob(d, i, true, 0);
}

void kt_a_str(struct kt_dec *d, int i)
{
	kt_sep(d);
	print_blob(d, i, false, 0);
}

/*
 * Argument @i's @len bytes, as strace's printstrn(), whether the call
 * failed or not; with @omit_nul, not a NUL that ends them.  The pointer
 * when nothing was captured.
 */
void kt_a_strn(struct kt_dec *d, int i, uint64_t len, bool omit_nul)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	size_t n;

	kt_sep(d);
	if (!kt_blob_usable(d, i, 0)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	n = blob->len < len ? blob->len : len;
	if (omit_nul && n && n == len && !blob->data[n - 1])
		len = --n;
	kt_format_bytes(d->b, blob->data, n, d->o->strsize,
			n < len || (blob->flags & KT_BLOB_TRUNCATED));
}

/* A buffer of len bytes; the pointer when the call failed. */
void kt_a_buf(struct kt_dec *d, int i, uint64_t len)
{
	kt_sep(d);
	if (kt_failed(d))
		kt_format_ptr(d->b, kt_arg(d, i));
	else if (d->sc->has_exit && !d->sc->ret)
		kt_buf_puts(d->b, "\"\"");
	else
		print_blob(d, i, false, len);
}

void kt_a_flags(struct kt_dec *d, int i, const struct kt_xlat *x,
		const char *unknown)
{
	kt_sep(d);
	kt_format_flags(d->b, x, kt_arg(d, i), unknown);
}

void kt_a_xval(struct kt_dec *d, int i, const struct kt_xlat *x,
	       const char *unknown)
{
	kt_sep(d);
	kt_format_xval(d->b, x, kt_arg(d, i), unknown);
}

void kt_a_mode(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_mode(d->b, (unsigned int)d->sc->args[i]);
}

void kt_a_signal(struct kt_dec *d, int i)
{
	kt_sep(d);
	kt_format_signal(d->b, (int)d->sc->args[i]);
}

/* An int the kernel reads or writes: "[1]", else the pointer. */
void kt_a_int_ptr(struct kt_dec *d, int i)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	int32_t v;

	kt_sep(d);
	if (!kt_arg(d, i) || !blob || !blob->data || blob->len < 4) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	memcpy(&v, blob->data, 4);
	kt_buf_printf(d->b, "[%d]", v);
}

unsigned int kt_long_size(const struct kt_dec *d)
{
	return d->sc->abi == KTRACE_CLI_ABI_I386 ? 4 : 8;
}

/* A segment's bytes as a string: kt_format_iov(). */
static void iov_bytes(struct kt_dec *d, const uint8_t *p, size_t stored,
		      uint64_t size, bool trunc)
{
	kt_format_bytes(d->b, p, stored, d->o->strsize, trunc);
}

/*
 * A vector as the module stores it, struct ktrace_iov_seg and its bytes
 * after each: [{iov_base=..., iov_len=N}, ...], at most -s elements,
 * "..." for what is not there (the record's room ran out).  @seg prints
 * a segment's bytes: @stored of them there, @size the segment's share of
 * @data_size (what the call moved, UINT64_MAX when all of each).
 */
void kt_format_iov_with(struct kt_dec *d, const uint8_t *p, size_t len,
			uint64_t cnt, uint64_t data_size, kt_iov_seg_fn *seg)
{
	struct ktrace_iov_seg s;
	size_t off = 0;
	uint64_t k, size;

	kt_buf_putc(d->b, '[');
	for (k = 0; k < cnt; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize || len - off < sizeof(s)) {
			kt_buf_puts(d->b, "...");
			break;
		}
		memcpy(&s, p + off, sizeof(s));
		off += sizeof(s);
		if (s.stored > len - off) {
			kt_buf_puts(d->b, "...");
			break;
		}
		size = s.len < data_size ? s.len : data_size;
		if (data_size != UINT64_MAX)
			data_size -= size;
		kt_buf_puts(d->b, "{iov_base=");
		if (!s.base)	/* strace: a NULL buffer, whatever its length */
			kt_buf_puts(d->b, "NULL");
		else
			seg(d, p + off, s.stored, size,
			    s.flags & KTRACE_BF_TRUNC);
		kt_buf_puts(d->b, ", iov_len=");
		kt_buf_udec(d->b, s.len);
		kt_buf_putc(d->b, '}');
		off += s.stored;
	}
	kt_buf_putc(d->b, ']');
}

void kt_format_iov(struct kt_dec *d, const uint8_t *p, size_t len,
		   uint64_t cnt)
{
	kt_format_iov_with(d, p, len, cnt, UINT64_MAX, iov_bytes);
}

/* At least len bytes of argument i's memory were captured. */
bool kt_blob_usable(const struct kt_dec *d, int i, size_t len)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	return kt_arg(d, i) && blob && blob->data &&
	       !(blob->flags & KT_BLOB_FAULT) && blob->len >= len;
}

bool kt_blob_read(const struct kt_dec *d, int i, size_t off, void *out,
		  size_t n)
{
	if (!kt_blob_usable(d, i, off + n))
		return false;
	memcpy(out, d->sc->blob[i].data + off, n);
	return true;
}

/* A long or pointer of the traced ABI at off in argument i's memory. */
bool kt_blob_ulong(const struct kt_dec *d, int i, size_t off, uint64_t *v)
{
	uint32_t v32;

	if (kt_long_size(d) == 8)
		return kt_blob_read(d, i, off, v, 8);
	if (!kt_blob_read(d, i, off, &v32, 4))
		return false;
	*v = v32;
	return true;
}

/* strace's raw style: every argument in hex. */
void kt_a_raw(struct kt_dec *d, unsigned int nargs)
{
	unsigned int i;

	for (i = 0; i < nargs && i < 6; i++)
		kt_a_hex(d, i);
}

/*
 * -e verbose=SET, for a call outside SET: the call without its structure
 * blobs, whose pointers then print as addresses.
 */
/*
 * A call without a decoder: its integers and descriptors in decimal, as
 * strace's decoder of the call would print them (perf_event_open's -1),
 * the rest in hex.
 */
static void a_generic(struct kt_dec *d, const char *name)
{
	const char *kinds = kt_syscall_arg_kinds(name);
	unsigned int nargs = kt_syscall_nargs(name);
	unsigned int i;

	for (i = 0; i < nargs && i < 6; i++) {
		switch (i < strlen(kinds) ? kinds[i] : 'u') {
		case 'i':
			kt_a_int(d, i);
			break;
		case 'f':
			kt_a_fd(d, i);
			break;
		case 'l':
			kt_a_long(d, i);
			break;
		default:
			kt_a_hex(d, i);
		}
	}
}

static const struct kt_syscall *unverbose(const struct kt_syscall *sc)
{
	static struct kt_syscall bare;
	unsigned int i;

	bare = *sc;
	/* An empty array still prints, as [] (strace reads no memory). */
	for (i = 0; i < ARRAY_SIZE(bare.blob); i++)
		if (bare.blob[i].flags & (KT_BLOB_STRUCT | KT_BLOB_COUNT) &&
		    bare.blob[i].len)
			bare.blob[i] = (struct kt_blob){ 0 };
	for (i = 0; i < ARRAY_SIZE(bare.enter_blob); i++)
		if (bare.enter_blob[i].flags & (KT_BLOB_STRUCT | KT_BLOB_COUNT))
			bare.enter_blob[i] = (struct kt_blob){ 0 };
	/* execve's argv and envp: their addresses, without the count. */
	bare.argv = NULL;
	bare.argc = 0;
	bare.envp = (struct kt_blob){ 0 };
	bare.dirents = (struct kt_blob){ 0 };
	return &bare;
}

/*
 * i386's ipc() of a known sub-call prints as the sub-call made directly,
 * as strace prints it: semget(IPC_PRIVATE, 1, 0600).  Its name, and in
 * @sub its arguments; else NULL.
 */
static const char *ipc_sub(const struct sc_info *info,
			   const struct kt_syscall *sc, struct kt_syscall *sub,
			   const struct kt_decoder **dec)
{
	const char *name;

	if (!info->ipc || kt_raw(sc) || sc->args_unknown)
		return NULL;
	name = kt_ipc_subcall(sc, sub);
	if (name)
		*dec = find_decoder(name);
	return name;
}

bool kt_format_call(struct kt_buf *b, const struct kt_syscall *sc,
		    const struct kt_fmt_opts *o)
{
	const struct sc_info *info = sc_info_of(sc);
	const char *name = info->name;
	const struct kt_decoder *dec = info->dec;
	struct kt_dec d = { .b = b, .sc = sc, .o = o, .name = name };
	struct kt_syscall sub;
	const char *subname;
	char nbuf[24];

	if (!name) {
		kt_buf_puts(b, kt_sc_name(sc->abi, sc->nr, nbuf));
		kt_buf_putc(b, '(');
		kt_a_raw(&d, 6);
		return false;
	}
	subname = ipc_sub(info, sc, &sub, &dec);
	if (subname) {
		kt_buf_puts(b, subname);
		d.name = subname;
		d.sc = &sub;
	} else {
		kt_buf_write(b, name, info->len);
	}
	kt_buf_putc(b, '(');
	if (kt_raw(sc)) {
		kt_a_raw(&d, kt_syscall_nargs(name));
	} else if (!dec) {
		a_generic(&d, name);
	} else if (dec->decode && !kt_verbose(sc)) {
		d.sc = unverbose(d.sc);
		dec->decode(&d);
	} else if (dec->decode) {
		dec->decode(&d);
	}
	return d.stopped;
}

/* strace starts the return value at column 40 of the line. */
#define KT_RET_COLUMN 40

static void tab_to_return(struct kt_buf *b, const struct kt_fmt_opts *o)
{
	const char *nl = b->s ? memrchr(b->s, '\n', b->len) : NULL;
	size_t col = nl ? b->len - (nl + 1 - b->s) : b->len;
	size_t want = o && o->column ? o->column : KT_RET_COLUMN;

	if (col < want)
		kt_buf_pad(b, want - col);
	else
		kt_buf_putc(b, ' ');
}

static void format_error(struct kt_buf *b, int err)
{
	const char *name = kt_errno_name(err);

	switch (err) {
	case 512:
		kt_buf_puts(b, "? ERESTARTSYS (To be restarted if SA_RESTART is set)");
		return;
	case 513:
		kt_buf_puts(b, "? ERESTARTNOINTR (To be restarted)");
		return;
	case 514:
		kt_buf_puts(b, "? ERESTARTNOHAND (To be restarted if no handler)");
		return;
	case 516:
		kt_buf_puts(b, "? ERESTART_RESTARTBLOCK (Interrupted by signal)");
		return;
	}
	kt_buf_puts(b, "-1 ");
	if (name)
		kt_buf_puts(b, name);
	else
		kt_buf_dec(b, err);
	kt_buf_puts(b, " (");
	kt_buf_puts(b, strerror(err));
	kt_buf_putc(b, ')');
}

/* A successful result, as rv says. */
void kt_format_retval(struct kt_dec *d, enum kt_rv rv)
{
	const struct kt_syscall *sc = d->sc;
	struct kt_buf *b = d->b;

	switch (rv) {
	case KT_RV_HEX:
		kt_buf_hex(b, sc->abi == KTRACE_CLI_ABI_I386 ?
			   (uint32_t)sc->ret : (uint64_t)sc->ret);
		break;
	case KT_RV_OCT:
		kt_format_mode(b, (unsigned int)ret_of(sc));
		break;
	case KT_RV_FD:
		kt_fd(d, (int)ret_of(sc));
		break;
	case KT_RV_TGID:
	case KT_RV_TID:
		kt_pid(d, (int)ret_of(sc), true);
		break;
	default:
		kt_buf_dec(b, (long long)ret_of(sc));
	}
}

void kt_format_return(struct kt_buf *b, const struct kt_syscall *sc,
		      const struct kt_fmt_opts *o)
{
	const struct sc_info *info = sc_info_of(sc);
	const struct kt_decoder *dec = info->name ? info->dec : NULL;
	struct kt_dec d = { .b = b, .sc = sc, .o = o, .name = info->name };
	struct kt_syscall sub;
	const char *subname = ipc_sub(info, sc, &sub, &dec);
	enum kt_rv rv;

	if (subname) {
		d.name = subname;
		sc = &sub;
		d.sc = sc;
	}
	rv = dec ? dec->rv : KT_RV_DEC;

	kt_buf_putc(b, ')');
	tab_to_return(b, o);
	kt_buf_puts(b, "= ");
	if (!sc->has_exit || rv == KT_RV_NONE) {
		kt_buf_putc(b, '?');
		return;
	}
	if (is_error(sc)) {
		format_error(b, (int)-ret_of(sc));
		return;
	}
	if (kt_raw(sc)) {
		/* -e raw=: the result in hex too. */
		kt_buf_printf(b, "%#llx", sc->abi == KTRACE_CLI_ABI_I386 ?
			      (unsigned long long)(uint32_t)sc->ret :
			      (unsigned long long)sc->ret);
		return;
	}
	/* Some results read the arguments (fcntl's command): not unknown ones. */
	if (dec && dec->ret && !sc->args_unknown)
		dec->ret(&d);
	else
		kt_format_retval(&d, rv);
}

bool kt_syscall_returns_address(const char *name)
{
	const struct kt_decoder *dec = find_decoder(name);

	return dec && dec->rv == KT_RV_HEX;
}
