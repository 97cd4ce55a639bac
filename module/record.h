/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace: building the variable part of a record, and the capture table
 * that says what user memory a syscall's records carry (capture.def,
 * turned into tables by gen-capture).  The probes build each syscall
 * record in their per-CPU scratch buffer with these; record.c holds them.
 */
#ifndef _KTRACE_RECORD_H
#define _KTRACE_RECORD_H

#include <linux/align.h>
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/minmax.h>
#include <linux/types.h>
#include <linux/ktrace.h>

#include "ktrace.h"

/* struct ktrace_cap.dir */
#define KTRACE_CAP_IN		0x1	/* copied at the enter */
#define KTRACE_CAP_OUT		0x2	/* copied at the exit, on success */
#define KTRACE_CAP_VERBOSE	0x4	/* only for KTRACE_CFG_VERBOSE (1.11) */
#define KTRACE_CAP_RESTART	0x8	/* at the exit, interrupted (1.14) */
#define KTRACE_CAP_EXIT		0x10	/* at the exit, failed or not */
/* capture.def's verbose lines, short for the generated table */
#define KTRACE_CAP_VIN		(KTRACE_CAP_IN | KTRACE_CAP_VERBOSE)
#define KTRACE_CAP_VOUT		(KTRACE_CAP_OUT | KTRACE_CAP_VERBOSE)

/* struct ktrace_cap.rule: how many bytes to copy */
enum ktrace_cap_rule {
	KTRACE_CAP_STR,		/* a string, up to its NUL */
	KTRACE_CAP_STRV,	/* a NULL-terminated array of strings */
	KTRACE_CAP_COUNT,	/* that array's length, as a __u32 */
	KTRACE_CAP_FIXED,	/* @size bytes */
	KTRACE_CAP_ARG,		/* argument @len_arg times @size bytes */
	KTRACE_CAP_RET,		/* the return value times @size bytes */
	KTRACE_CAP_LENPTR,	/* the int argument @len_arg points to */
	KTRACE_CAP_DIRENTS,	/* the linux_dirent64 records returned */
	KTRACE_CAP_SIGFRAME,	/* the mask rt_sigreturn() restores */
	KTRACE_CAP_IOV,		/* argument @len_arg iovecs and their data */
	KTRACE_CAP_MSGHDR,	/* a struct user_msghdr, its name and iovecs */
	KTRACE_CAP_MMSG_ARG,	/* argument @len_arg struct mmsghdr, at the exit */
	KTRACE_CAP_MMSG_RET,	/* the return value's struct mmsghdr */
	KTRACE_CAP_IOC,		/* the size ioctl command @len_arg encodes */
	KTRACE_CAP_BITS,	/* argument @len_arg bits, in longs: an fd_set */
	KTRACE_CAP_SIGMASK,	/* a mask's address and size, and the mask */
	KTRACE_CAP_ARG_PLUS,	/* argument @len_arg plus @size bytes */
	KTRACE_CAP_PAGES,	/* a byte a page of argument @len_arg bytes */
	/*
	 * The inodes of the descriptors made: the return value's (@len_arg
	 * 0xff), or the @len_arg ints argument @arg points to.
	 */
	KTRACE_CAP_FDINO,
	/*
	 * What the __u64 pointer at byte @size of the structure at argument
	 * @arg points to: a string (@len_arg KB_DEREF_STR), the return
	 * value's bytes (KB_RET_ANY), or as many bytes as the __u32 at byte
	 * @len_arg of the structure says (KTRACE_BLOB_DEREF, ABI 1.20).
	 */
	KTRACE_CAP_DEREF,
};

/* One pointer argument of a syscall, and what to copy from it. */
struct ktrace_cap {
	u8 arg;
	u8 dir;
	u8 kind;		/* KTRACE_BLOB_* */
	u8 rule;
	u8 len_arg;
	u8 if_arg;		/* only when argument @if_arg, masked, */
	u16 size;
	u32 if_val;		/* is @if_val */
	u32 if_mask;
};

#define KTRACE_CAP_ALWAYS	0xff	/* struct ktrace_cap.if_arg */

/*
 * A syscall's captures: capture.def's lines for it, in their order.  A
 * pointer to its own array, so that the per-syscall tables stay small
 * (KTRACE_NR_MAX entries per ABI) whatever the number of lines.
 */
struct ktrace_sys_caps {
	u8 n;
	const struct ktrace_cap *c;
};

/* The captures of syscall @nr of @abi, or NULL. */
const struct ktrace_sys_caps *ktrace_caps(unsigned int abi, long nr);

/*
 * A record under construction: blob descriptors right after its fixed
 * part, their data after them, each piece 8-byte aligned, all of it
 * within the room ktrace_rec_max() gives: KTRACE_REC_BLOBS_MAX blobs of
 * the snap length, descriptors included.  A record whose room passes
 * 64 KiB has its blobs in long form (KTRACE_RF_LONG: @lng), which only
 * sessions with KTRACE_CFG_LONG allow the snap length for.
 */
struct ktrace_build {
	char *rec;
	struct ktrace_blob *blobs;
	u16 *nblobs;
	u32 pos;
	u32 end;
	u32 snaplen;
	bool compat;
	bool lng;
};

/*
 * Start a record whose fixed part, @fixed bytes (a multiple of 8, as
 * every record's is), ends with @n blob descriptors.  Inline, and the
 * descriptors zeroed a word at a time: records without blobs are the
 * most frequent, and a call and memset() (rep stosb) cost more than the
 * rest of them under emulation.
 */
static __always_inline void ktrace_build_init(struct ktrace_build *b,
					      void *rec, size_t fixed,
					      struct ktrace_blob *blobs,
					      u16 *nblobs, unsigned int n,
					      bool compat, u32 snaplen)
{
	u64 *d = (u64 *)blobs;
	unsigned int i;

	BUILD_BUG_ON(sizeof(*blobs) != sizeof(u64));
	b->rec = rec;
	b->blobs = blobs;
	b->nblobs = nblobs;
	*nblobs = 0;
	b->pos = fixed + n * sizeof(*blobs);
	for (i = 0; i < n; i++) {
		d[i] = 0;
		barrier();	/* not memset() again */
	}
	b->snaplen = clamp_t(u32, snaplen, 8, KTRACE_SNAPLEN_LONG_MAX);
	b->end = max_t(u32, b->pos, fixed + KTRACE_REC_BLOBS_MAX *
		       (sizeof(*blobs) + ALIGN(b->snaplen, 8)));
	b->compat = compat;
	/* The IP's descriptor and 8 bytes may come on top of @end. */
	b->lng = b->end + sizeof(*blobs) + sizeof(u64) > U16_MAX;
}

struct ktrace_blob *ktrace_build_add(struct ktrace_build *b, u8 kind, u8 arg);
void ktrace_build_put(struct ktrace_build *b, struct ktrace_blob *bl, u32 len);
u32 ktrace_build_room(const struct ktrace_build *b);

/* The record's size. */
static inline u32 ktrace_build_finish(const struct ktrace_build *b)
{
	return b->pos;
}

/* The header flags the record needs: KTRACE_RF_LONG or none. */
static inline u16 ktrace_build_flags(const struct ktrace_build *b)
{
	return b->lng ? KTRACE_RF_LONG : 0;
}

void ktrace_build_want_ip(struct ktrace_build *b);
void ktrace_build_ip(struct ktrace_build *b, u64 ip);

/*
 * The blobs of one syscall record: at the enter (@x->exit false) what the
 * table copies in; at the exit what it copies out when @x->ret is a
 * success, and the strings again when @x->refetch (they faulted at the
 * enter); the lines marked verbose only when @x->verbose.
 * ktrace_capture_count() says how many blobs ktrace_capture() adds, for
 * ktrace_build_init().
 */
struct ktrace_capture_ctx {
	const unsigned long *args;	/* as the kernel takes them (ia32: 32 bits) */
	unsigned long sp;	/* the user stack pointer */
	long ret;		/* at the exit */
	bool exit;
	bool refetch;
	bool verbose;		/* a session asked for KTRACE_CFG_VERBOSE */
};

unsigned int ktrace_capture_count(const struct ktrace_sys_caps *c,
				  const struct ktrace_capture_ctx *x);
void ktrace_capture(struct ktrace_build *b, const struct ktrace_sys_caps *c,
		    const struct ktrace_capture_ctx *x);
void ktrace_capture_exec(struct ktrace_build *b, u8 path_arg, u8 argv_arg,
			 u8 envp_arg);

#endif /* _KTRACE_RECORD_H */
