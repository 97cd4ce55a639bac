/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): what the decoder files share.  Each decode-*.c file holds the
 * decoders of one syscall family and exports a table of them; decode.c
 * dispatches by syscall name and owns the argument helpers below, and
 * format.c owns strings, numbers, flags, errnos and signals.
 */
#ifndef KTRACE_DECODERS_H
#define KTRACE_DECODERS_H

#include "decode.h"

/* One syscall being printed. */
struct kt_dec {
	struct kt_buf *b;
	const struct kt_syscall *sc;
	const struct kt_fmt_opts *o;
	const char *name;
	unsigned int printed;	/* arguments printed so far */
	bool stopped;		/* at entry, before what the exit prints */
};

/* A value or flag and its name; tables end with a NULL name. */
struct kt_xlat {
	uint64_t val;
	const char *str;
};

#define KT_X(v)		{ (uint64_t)(v), #v }
#define KT_XEND		{ 0, NULL }

/* How the return value prints. */
enum kt_rv {
	KT_RV_DEC,		/* signed decimal */
	KT_RV_HEX,		/* an address: 0x7f... */
	KT_RV_OCT,		/* a mode: 022 */
	KT_RV_FD,		/* a file descriptor, with -y its path */
	KT_RV_TGID,		/* a process id, with -Y its name */
	KT_RV_TID,		/* a thread id, with -Y its name */
	KT_RV_NONE,		/* never returns: "= ?" */
};

struct kt_decoder {
	const char *name;
	void (*decode)(struct kt_dec *d);
	enum kt_rv rv;
	/*
	 * Optional: prints a successful result in place of rv, e.g.
	 * "0x8002 (flags O_RDWR|O_LARGEFILE)"; kt_format_retval() does the
	 * plain part.
	 */
	void (*ret)(struct kt_dec *d);
};

struct kt_decoder_table {
	const struct kt_decoder *d;
	size_t n;
};

/* decode-net.c: ioctl()'s struct ifreq of the socket commands (0x89XX) */
void kt_sock_ioctl(struct kt_dec *d, uint32_t cmd);
extern const struct kt_xlat kt_families[];	/* AF_* */
/*
 * decode-netlink.c: the @len bytes of a netlink buffer, @avail of them
 * captured at @p, as messages of protocol @proto (NETLINK_ROUTE...), or
 * -1 when strace would not know it.
 */
void kt_netlink_msgs(struct kt_dec *d, const uint8_t *p, size_t len,
		     size_t avail, int proto);
/* decode-time.c: the RTC's commands (type 'p'); false if not one */
bool kt_rtc_ioctl(struct kt_dec *d, uint32_t cmd);
/*
 * decode-desc.c: ioctl()'s argument, @len bytes the module captured
 * (what the call wrote, if @out: only at the exit of a success), or NULL.
 */
const uint8_t *kt_ioctl_arg(struct kt_dec *d, size_t len, bool out);
/* decode-process.c: the CLONE_NEW* of setns() and NS_GET_NSTYPE */
extern const struct kt_xlat kt_setns_types[];

extern const struct kt_decoder_table kt_file_decoders, kt_desc_decoders,
	kt_net_decoders, kt_process_decoders, kt_mem_decoders,
	kt_signal_decoders, kt_time_decoders, kt_sys_decoders,
	kt_ipc_decoders, kt_ptrace_decoders, kt_numa_decoders,
	kt_uring_decoders, kt_mount_decoders, kt_ia32_decoders,
	kt_bpf_decoders;

/*
 * decode-ia32.c: i386's ipc() of a known sub-call: its name, and in @out
 * the call with the arguments and memory of the sub-call made directly;
 * else NULL.  kt_via_ipc(): the call being printed came that way.
 */
const char *kt_ipc_subcall(const struct kt_syscall *sc, struct kt_syscall *out);
bool kt_via_ipc(const struct kt_dec *d);

/* format.c */
void kt_format_path(struct kt_buf *b, const struct kt_blob *blob);
void kt_format_bytes(struct kt_buf *b, const uint8_t *p, size_t len,
		     size_t max, bool more);
void kt_format_hex_bytes(struct kt_buf *b, const uint8_t *p, size_t len,
			 size_t max, bool more);
void kt_format_ptr(struct kt_buf *b, uint64_t p);
size_t kt_const_begin(struct kt_buf *b);
void kt_const_end(struct kt_buf *b, size_t mark, uint64_t v, char fmt);
void kt_format_ifindex(struct kt_buf *b, uint32_t idx);
void kt_format_flags2(struct kt_buf *b, const struct kt_xlat *x,
		      const struct kt_xlat *y, uint64_t v, const char *unknown);
void kt_format_flags(struct kt_buf *b, const struct kt_xlat *x, uint64_t v,
		     const char *unknown);
void kt_format_xval(struct kt_buf *b, const struct kt_xlat *x, uint64_t v,
		    const char *unknown);
const char *kt_xlat_find(const struct kt_xlat *x, uint64_t v);
void kt_format_signal(struct kt_buf *b, int sig);
void kt_format_mode(struct kt_buf *b, unsigned int mode);
void kt_format_sigset(struct kt_buf *b, const uint8_t *p, size_t len);
void kt_a_sigset(struct kt_dec *d, int i, uint64_t size);
void kt_a_sigmask_struct(struct kt_dec *d, int i);
void kt_a_siginfo(struct kt_dec *d, int i);	/* decode-signal.c */

/* @n (at most 8) bytes at @off in a structure's copy, as an unsigned value */
static inline uint64_t kt_field(const uint8_t *p, size_t off, size_t n)
{
	uint64_t v = 0;

	memcpy(&v, p + off, n);
	return v;
}

/* decode.c: argument i of the syscall being printed */
uint64_t kt_arg(const struct kt_dec *d, int i);		/* a pointer-sized value */
int64_t kt_arg_long(const struct kt_dec *d, int i);	/* sign-extended long */

/* i386: a 64-bit argument in two, @i its low half and @i + 1 its high */
static inline uint64_t kt_arg_lohi(const struct kt_dec *d, int i)
{
	return (uint32_t)kt_arg(d, i) | kt_arg(d, i + 1) << 32;
}

const struct kt_blob *kt_blob_at(const struct kt_dec *d, int i);
const struct kt_blob *kt_exit_blob(const struct kt_syscall *sc, int i);
const struct kt_blob *kt_deref_blob(const struct kt_dec *d, int i,
				    unsigned int off);
enum kt_deref { KT_DEREF_STR, KT_DEREF_PATH, KT_DEREF_STRZ, KT_DEREF_BYTES,
		KT_DEREF_VALUE };
void kt_format_deref(struct kt_dec *d, int i, unsigned int off, uint64_t p,
		     enum kt_deref how, uint64_t len);
void kt_format_u64_array(struct kt_dec *d, int i, uint64_t n,
			 void (*fmt)(struct kt_buf *b, uint64_t v));
bool kt_failed(const struct kt_dec *d);		/* exited with an error */
bool kt_exiting_ok(const struct kt_dec *d);		/* exited, no error */
bool kt_entry_only(struct kt_dec *d, bool sep);
void kt_exit_adds(struct kt_dec *d);
void kt_sep(struct kt_dec *d);
void kt_a_name(struct kt_dec *d, const char *name);
void kt_a_int(struct kt_dec *d, int i);
void kt_a_uint(struct kt_dec *d, int i);
void kt_a_id(struct kt_dec *d, int i);		/* uid_t, gid_t: -1 */
void kt_a_id16(struct kt_dec *d, int i);	/* 16 bits in ia32's old calls */
bool kt_ids16(const struct kt_dec *d);
uint32_t kt_id16(uint16_t id);
void kt_format_id(struct kt_buf *b, uint32_t id);
void kt_a_long(struct kt_dec *d, int i);
void kt_a_ulong(struct kt_dec *d, int i);
void kt_a_hex(struct kt_dec *d, int i);
void kt_a_ptr(struct kt_dec *d, int i);
void kt_a_fd(struct kt_dec *d, int i);
void kt_a_fd_before(struct kt_dec *d, int i);	/* dup2's new descriptor */
void kt_a_dirfd(struct kt_dec *d, int i);
void kt_a_path(struct kt_dec *d, int i);
void kt_a_str(struct kt_dec *d, int i);
void kt_a_buf(struct kt_dec *d, int i, uint64_t len);
void kt_a_strn(struct kt_dec *d, int i, uint64_t len, bool omit_nul);
void kt_a_flags(struct kt_dec *d, int i, const struct kt_xlat *x,
		const char *unknown);
void kt_a_xval(struct kt_dec *d, int i, const struct kt_xlat *x,
	       const char *unknown);
void kt_a_mode(struct kt_dec *d, int i);
void kt_a_signal(struct kt_dec *d, int i);
void kt_a_int_ptr(struct kt_dec *d, int i);
void kt_a_raw(struct kt_dec *d, unsigned int nargs);
void kt_fd(struct kt_dec *d, int fd);
void kt_pid(struct kt_dec *d, int pid, bool result);	/* -Y: 42<sh> */
void kt_a_pid(struct kt_dec *d, int i);	/* a process or thread id, or <= 0 */
void kt_format_retval(struct kt_dec *d, enum kt_rv rv);
unsigned int kt_long_size(const struct kt_dec *d);
bool kt_blob_read(const struct kt_dec *d, int i, size_t off, void *out,
		  size_t n);
bool kt_blob_ulong(const struct kt_dec *d, int i, size_t off, uint64_t *v);
bool kt_blob_usable(const struct kt_dec *d, int i, size_t len);
void kt_format_iov(struct kt_dec *d, const uint8_t *p, size_t len,
		   uint64_t cnt);
typedef void kt_iov_seg_fn(struct kt_dec *d, const uint8_t *p, size_t stored,
			   uint64_t size, bool trunc);
void kt_format_iov_with(struct kt_dec *d, const uint8_t *p, size_t len,
			uint64_t cnt, uint64_t data_size, kt_iov_seg_fn *seg);

/* decode-process.c: an iovec array's addresses and lengths, not its data */
void kt_a_iov_addrs(struct kt_dec *d, int i, uint64_t cnt);

/* decode-time.c */
void kt_a_timespec(struct kt_dec *d, int i);
void kt_a_timeval(struct kt_dec *d, int i);
void kt_format_timespec_at(struct kt_dec *d, int i, size_t off);
void kt_time_comment(struct kt_buf *b, int64_t sec, uint64_t nsec);
void kt_time_comment_usec(struct kt_buf *b, int64_t sec, uint64_t usec);
/* a timespec's or timeval's two fields at @off in argument @i's copy */
bool kt_read_time_pair(struct kt_dec *d, int i, size_t off, int64_t v[2]);
bool kt_read_time_pairs(struct kt_dec *d, int i, int64_t v[2][2]);
void kt_a_sigevent(struct kt_dec *d, int i);	/* timer_create, mq_notify */
void kt_a_clock(struct kt_dec *d, int i);	/* CLOCK_MONOTONIC */

/* decode-sys.c: a struct sock_fprog (seccomp, prctl, SO_ATTACH_FILTER) */
void kt_format_fprog(struct kt_dec *d, int i);

/* syscall-nargs.c */
unsigned int kt_syscall_nargs(const char *name);
const char *kt_syscall_arg_kinds(const char *name);

/* Shared flag tables. */
extern const struct kt_xlat kt_open_flags[], kt_at_flags[];
void kt_format_open_flags(struct kt_buf *b, uint64_t flags, const char *dflt);

#endif /* KTRACE_DECODERS_H */
