/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): turning syscalls into strace's text.  The decoders work on a
 * plain struct kt_syscall, filled from the module's records by the trace
 * loop; they never see the device or the record layout.
 */
#ifndef KTRACE_DECODE_H
#define KTRACE_DECODE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ktrace.h"

/* User memory the module copied for one argument. */
struct kt_blob {
	const uint8_t *data;	/* NULL when nothing was captured */
	uint32_t len;		/* bytes at data (a string's excludes its NUL) */
	uint32_t flags;		/* KT_BLOB_* */
};

#define KT_BLOB_STRING		0x1	/* a NUL-terminated string */
#define KT_BLOB_TRUNCATED	0x2	/* the snap length cut it short */
#define KT_BLOB_FAULT		0x4	/* the pointer could not be read */
#define KT_BLOB_COUNT		0x8	/* a uint32_t count of entries */
#define KT_BLOB_STRUCT		0x10	/* a structure, array or vector */

/* One syscall, its entry and (when has_exit) its exit merged. */
#define KT_DEREF_MAX	4	/* pointed-to blobs a call keeps */

struct kt_syscall {
	enum ktrace_cli_abi abi;
	unsigned int nr;
	uint64_t args[6];
	int64_t ret;		/* the raw return value, -errno on error */
	bool has_exit;
	uint64_t duration_ns;	/* when has_exit */
	bool args_unknown;	/* its entry was not seen: args[] are zeros */
	struct kt_blob blob[6];	/* by argument index */
	/*
	 * The enter's blobs alone: where an argument is copied at both
	 * ends (an address length, in and out), blob[] holds the exit's.
	 */
	struct kt_blob enter_blob[6];
	/* execve's argv, when captured: argc strings */
	const struct kt_blob *argv;
	unsigned int argc;
	bool argv_truncated;	/* more arguments than were captured */
	bool argv_fault;	/* the enter could not read argv */
	/*
	 * -v (KTRACE_CFG_VERBOSE, ABI 1.11): execve's environment, its
	 * strings one after another, each NUL-terminated, and the entries
	 * getdents returned; data NULL when the records carry none.
	 */
	struct kt_blob envp;
	struct kt_blob dirents;
	/* KTRACE_BLOB_INODES (1.18): the descriptors' inodes, u64 each */
	struct kt_blob inodes;
	/*
	 * KTRACE_BLOB_DEREF (1.20): what pointers inside the structures the
	 * arguments point to point to, deref_arg[i] the blob's arg (which
	 * argument, which pointer); the exit's replaces the enter's.
	 */
	struct kt_blob deref[KT_DEREF_MAX];
	uint8_t deref_arg[KT_DEREF_MAX];
	unsigned int nderef;
	bool has_ip;		/* -i: the enter carried KTRACE_BLOB_IP */
	uint64_t ip;		/* the instruction pointer after the call */
	bool has_exit_ip;	/* and the exit: where the call returned to */
	/* restart_syscall: the call it resumes, the task's last; or NULL */
	const char *resumes;
	uint64_t exit_ip;	/* (a new program's entry after execve) */
};

/* What strace's options change in the text. */
struct kt_fmt_opts {
	unsigned int strsize;	/* -s: bytes of a string shown, default 32 */
	unsigned int column;	/* -a: where "= " starts, default 40 */
	bool fd_paths;		/* -y: fd paths, when fd_path() knows them */
	/*
	 * -y: the path of fd in the traced process, or NULL; asked for
	 * AT_FDCWD (-100) too, whose path is the working directory.
	 */
	const char *(*fd_path)(void *ctx, int fd);
	/*
	 * -y, optional: as fd_path(), but what fd was before the call also
	 * when the call made it (dup2's new descriptor).
	 */
	const char *(*fd_path_before)(void *ctx, int fd);
	/*
	 * Optional, with or without -y: the address family of socket fd
	 * (AF_NETLINK...), or 0 when not known.
	 */
	int (*fd_family)(void *ctx, int fd);
	/*
	 * Optional: the netlink protocol of socket fd (NETLINK_ROUTE...)
	 * where strace would know it, from netlink_diag; else -1.
	 */
	int (*fd_nlproto)(void *ctx, int fd);
	/*
	 * -Y: the command name of process or thread pid, or NULL; as it was
	 * when the call entered for an argument, when it returned for the
	 * result (result true).  NULL without -Y.
	 */
	const char *(*pid_comm)(void *ctx, int pid, bool result);
	/*
	 * --decode-pids=pidns: the id in ktrace's PID namespace of what the
	 * traced task calls pid, when its namespace is another; 0 for none.
	 */
	int (*pid_ns)(void *ctx, int pid);
	void *ctx;
};

/* A growing output buffer, always NUL-terminated. */
struct kt_buf {
	char *s;
	size_t len, cap;
};

void kt_buf_grow_slow(struct kt_buf *b, size_t more);

/*
 * Room for @more bytes and a NUL.  The appends are inline: every piece of
 * every line comes through them, and inline a literal's strlen() and a
 * short memcpy() are folded into a few moves (callgrind: the reader's
 * instructions per line, Documentation/benchmark.rst).
 */
static inline void kt_buf_grow(struct kt_buf *b, size_t more)
{
	if (__builtin_expect(b->len + more + 1 > b->cap, 0))
		kt_buf_grow_slow(b, more);
}

/* Append @n bytes. */
static inline void kt_buf_write(struct kt_buf *b, const char *p, size_t n)
{
	kt_buf_grow(b, n);
	memcpy(b->s + b->len, p, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void kt_buf_puts(struct kt_buf *b, const char *s)
{
	kt_buf_write(b, s, strlen(s));
}

static inline void kt_buf_putc(struct kt_buf *b, char c)
{
	kt_buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

static inline void kt_buf_reset(struct kt_buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void kt_buf_printf(struct kt_buf *b, const char *fmt, ...) __printf(2, 3);
void kt_buf_vprintf(struct kt_buf *b, const char *fmt, va_list ap)
	__printf(2, 0);
void kt_buf_pad(struct kt_buf *b, size_t n);
void kt_buf_dec(struct kt_buf *b, long long v);
void kt_buf_decw(struct kt_buf *b, long long v, int width);
void kt_buf_udec(struct kt_buf *b, unsigned long long v);
void kt_buf_udec0(struct kt_buf *b, unsigned long long v, unsigned int width);
void kt_buf_hex(struct kt_buf *b, unsigned long long v);
void kt_buf_free(struct kt_buf *b);

/*
 * "name(arg, arg, ...": the call without its closing parenthesis.  With
 * !sc->has_exit only what is known at entry is printed (strace's
 * "<unfinished ...>" line); with has_exit, the whole argument list.
 * True when the entry stopped before arguments that the exit prints.
 */
bool kt_format_call(struct kt_buf *b, const struct kt_syscall *sc,
		    const struct kt_fmt_opts *o);

/*
 * ") = RET": the closing parenthesis and the return value as strace
 * prints it ("= 3", "= -1 ENOENT (No such file or directory)",
 * "= 0x7f..." for addresses, "= ?" for calls that do not return).
 * Like strace, "= " starts at column 40 of the line: b should hold the
 * line from its start (a "[pid N] " prefix included), or from a newline.
 */
void kt_format_return(struct kt_buf *b, const struct kt_syscall *sc,
		      const struct kt_fmt_opts *o);

/*
 * -x (1): strings with a byte that is neither printable ASCII nor a
 * whitespace escape print all in hex; -xx (2): every string does.
 */
extern unsigned int kt_xflag;
#define KT_HEX_NONE		0
#define KT_HEX_NON_ASCII	1	/* -x */
#define KT_HEX_ALL		2	/* -xx */
#define KT_HEX_CHARS		3	/* non-ascii-chars: escapes in hex */

/* qualify.c: -e raw=, -e abbrev=, -v and -X */
#define KT_XLAT_ABBREV	0	/* -X abbrev: names (strace's default) */
#define KT_XLAT_RAW	1	/* -X raw: numbers */
#define KT_XLAT_VERBOSE	2	/* -X verbose: numbers, names in comments */
extern unsigned int kt_xlat_style;
int kt_raw_parse(const char *spec);
int kt_abbrev_parse(const char *spec);
void kt_set_verbose(void);
extern bool kt_raw_any;		/* -e raw= names some call */
bool kt_raw_slow(const struct kt_syscall *sc);

/* Print it undecoded (-e raw=)? */
static inline bool kt_raw(const struct kt_syscall *sc)
{
	return kt_raw_any && kt_raw_slow(sc);
}

bool kt_abbrev(const struct kt_syscall *sc);	/* abbreviate structures */
int kt_verbose_parse(const char *spec);
bool kt_verbose(const struct kt_syscall *sc);	/* decode structures */
bool kt_abbrev_partly(void);	/* some calls print structures whole */

/*
 * -Y: "<comm>" after a process id, the name quoted as strace quotes it
 * (no quotes, < and > escaped).
 */
void kt_buf_comm(struct kt_buf *b, const char *comm);

/* strace's quoting of user memory: "abc\n"..., with -s truncation. */
void kt_format_string(struct kt_buf *b, const struct kt_blob *blob,
		      const struct kt_fmt_opts *o);

const char *kt_errno_name(int err);		/* "ENOENT", or NULL */
const char *kt_netlink_proto_name(int proto);	/* "NETLINK_ROUTE", or NULL */
const char *kt_signal_name(int sig);		/* "SIGCHLD", or NULL */
int kt_signal_number(const char *name);	/* "SIGCHLD"/"chld"/"17", or -1 */

/* True for syscalls whose result strace prints in hex (mmap, brk...). */
bool kt_syscall_returns_address(const char *name);

#endif /* KTRACE_DECODE_H */
