/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace: building the variable part of a record, and the capture table
 * that says what user memory a syscall's records carry (capture.def,
 * turned into tables by gen-capture).  The probes build each syscall
 * record in their per-CPU scratch buffer with these; record.c holds them.
 */
#ifndef _KTRACE_RECORD_H
#define _KTRACE_RECORD_H

#include <linux/types.h>
#include <linux/ktrace.h>

/* struct ktrace_cap.dir */
#define KTRACE_CAP_IN		0x1	/* copied at the enter */
#define KTRACE_CAP_OUT		0x2	/* copied at the exit, on success */

/* struct ktrace_cap.rule: how many bytes to copy */
enum ktrace_cap_rule {
	KTRACE_CAP_STR,		/* a string, up to its NUL */
	KTRACE_CAP_STRV,	/* a NULL-terminated array of strings */
	KTRACE_CAP_COUNT,	/* that array's length, as a __u32 */
	KTRACE_CAP_FIXED,	/* @size bytes */
	KTRACE_CAP_ARG,		/* argument @len_arg times @size bytes */
	KTRACE_CAP_RET,		/* the return value times @size bytes */
	KTRACE_CAP_LENPTR,	/* the int argument @len_arg points to */
};

/* One pointer argument of a syscall, and what to copy from it. */
struct ktrace_cap {
	u8 arg;
	u8 dir;
	u8 kind;		/* KTRACE_BLOB_* */
	u8 rule;
	u8 len_arg;
	u16 size;
};

#define KTRACE_CAPS_MAX		3

struct ktrace_sys_caps {
	u8 n;
	struct ktrace_cap c[KTRACE_CAPS_MAX];
};

/* The captures of syscall @nr of @abi, or NULL. */
const struct ktrace_sys_caps *ktrace_caps(unsigned int abi, long nr);

/*
 * A record under construction: blob descriptors right after its fixed
 * part, their data after them, each piece 8-byte aligned, all of it
 * within the room ktrace_rec_max() gives: KTRACE_REC_BLOBS_MAX blobs of
 * the snap length, descriptors included.
 */
struct ktrace_build {
	char *rec;
	struct ktrace_blob *blobs;
	u16 *nblobs;
	u32 pos;
	u32 end;
	u32 snaplen;
	bool compat;
};

void ktrace_build_init(struct ktrace_build *b, void *rec, size_t fixed,
		       struct ktrace_blob *blobs, u16 *nblobs, unsigned int n,
		       bool compat, u32 snaplen);
struct ktrace_blob *ktrace_build_add(struct ktrace_build *b, u8 kind, u8 arg);
void ktrace_build_put(struct ktrace_build *b, struct ktrace_blob *bl, u32 len);
u32 ktrace_build_room(const struct ktrace_build *b);
u32 ktrace_build_finish(struct ktrace_build *b);

/*
 * The blobs of one syscall record: at the enter (@exit false) what the
 * table copies in; at the exit what it copies out when @ret is a success,
 * and the strings again when @refetch (they faulted at the enter).
 * ktrace_capture_count() says how many blobs ktrace_capture() adds, for
 * ktrace_build_init().
 */
unsigned int ktrace_capture_count(const struct ktrace_sys_caps *c, bool exit,
				  const unsigned long *args, long ret,
				  bool refetch);
void ktrace_capture(struct ktrace_build *b, const struct ktrace_sys_caps *c,
		    bool exit, const unsigned long *args, long ret,
		    bool refetch);

#endif /* _KTRACE_RECORD_H */
