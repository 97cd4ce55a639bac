// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): ktrace record and ktrace report.  record writes the
 * session's records as they come, after a header saying where they come
 * from, and ends the file with what only the session knows (the
 * command's wait status, the loss counters, the per-syscall counters of
 * -c); report feeds them to the same tracer as a live trace, so that it
 * prints what live tracing with the same options prints.  The format is
 * Documentation/record-format.rst.
 */
#include <assert.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "ktrace.h"

#define KT_FILE_MAGIC		"KTRECORD"
#define KT_FILE_BYTE_ORDER	0x01020304
#define KT_FILE_VERSION		1

/* struct kt_file_header.flags: the options the records were taken with */
#define KT_FILE_FOLLOW		0x1	/* -f: children were traced */
#define KT_FILE_COUNTS_ONLY	0x2	/* -c: no syscall records */
#define KT_FILE_IP		0x4	/* -i: enters carry KTRACE_BLOB_IP */
#define KT_FILE_HIDDEN		0x8	/* hidden[] follows the header */
#define KT_FILE_STATUS		0x10	/* status: -e status= for report */
#define KT_FILE_THREADS		0x20	/* nthreads[] follows hidden[] */
#define KT_FILE_NETLINK_DIAG	0x40	/* netlink_diag answered (decoding) */
#define KT_FILE_MIN_DURATION	0x80	/* min_duration: --min-duration */
#define KT_FILE_IDS		0x100	/* ids[] follows nthreads[] */

/* The file starts with this; records follow at header_size. */
struct kt_file_header {
	char magic[8];			/* KT_FILE_MAGIC, not NUL-terminated */
	__u32 byte_order;		/* KT_FILE_BYTE_ORDER, as written */
	__u32 version;			/* KT_FILE_VERSION */
	__u32 header_size;		/* bytes before the first record */
	__u32 nr_cpus;			/* the session's rings */
	__u32 abi_major;		/* the module's ABI */
	__u32 abi_minor;
	__u64 features;			/* the module's KTRACE_FEAT_* */
	char module_release[32];	/* the module's release */
	char kernel_release[72];	/* uname -r */
	char machine[16];		/* uname -m */
	__u64 syscall_tables;		/* FNV-1a of the syscall name tables */
	__u32 nr_syscalls[2];		/* entries of the x86_64, i386 tables */
	__s64 mono_to_real;		/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
	__s32 child;			/* the command's pid, or 0 */
	__u32 npids;			/* entries of pids */
	__s32 pids[64];			/* -p */
	__u32 flags;			/* KT_FILE_* */
	__u32 nhidden;			/* entries of hidden[], after this */
	__u32 status;			/* KT_STATUS_* of the calls shown */
	__u32 __reserved0;
	__u64 min_duration;		/* ns: the shortest call shown */
	__u32 __reserved[10];
};

/*
 * After the header, with KT_FILE_HIDDEN: the syscalls recorded for the
 * descriptor tables only (filters.c), which report hides.
 */
struct kt_file_hidden {
	__u32 nr;
	__u16 abi;
	__u16 __reserved;
};

/* Record types of the file's own, after the module's. */
#define KT_FILE_REC_END		0x8000
#define KT_FILE_REC_SEED	0x8001	/* -p: a call in flight at attach */
#define KT_FILE_REC_OPEN	0x8002	/* the seeded calls open at the end */
#define KT_FILE_REC_STOPPED	0x8003	/* -p: a thread in a group stop */

/* struct kt_file_end.flags */
#define KT_END_CHILD_REAPED	0x1	/* child_status is valid */
#define KT_END_STATS		0x2	/* stats is valid */
#define KT_END_COUNTS		0x4	/* counts are the session's */
#define KT_END_DETACHED		0x8	/* ended by a signal: tasks detached */
#define KT_END_TARGETS		0x10	/* the -p targets' threads left follow */

struct kt_file_count {
	__u32 nr;
	__u16 abi;
	__u16 __reserved;
	__u64 calls;
	__u64 errors;
	__u64 ns;
};

/* The last record of a whole file. */
struct kt_file_end {
	struct ktrace_rec_hdr hdr;	/* KT_FILE_REC_END; ts: the end */
	__u32 flags;			/* KT_END_* */
	__s32 child_status;		/* the command's wait status */
	struct ktrace_stats stats;	/* the session's counters */
	__u32 ncounts;			/* entries of counts */
	__u32 ntargets;			/* with KT_END_TARGETS: the ids after */
	struct kt_file_count counts[];	/* syscalls counted, calls > 0 */
	/* then ntargets __s32 thread ids, zero-padded to 8 bytes */
};

/*
 * Before the end record, with a KT_FILE_REC_SEED in the file: the threads
 * whose seeded syscall /proc still showed once the session ended.
 */
struct kt_file_open {
	struct ktrace_rec_hdr hdr;	/* KT_FILE_REC_OPEN; ts: the check */
	__u32 n;			/* entries of tids */
	__u32 __reserved;
	__s32 tids[];			/* zero-padded to 8 bytes */
};

#define KT_FILE_OPEN_MAX	1024	/* tids per record */

/* -p, with the seeds: a thread found in a group stop when it attached. */
struct kt_file_stopped {
	struct ktrace_rec_hdr hdr;	/* the thread's; ts: the attach */
	__s32 sig;			/* of the stop, 1 to 64 */
	__s32 nr;			/* the call it is in, or -1 */
	__u16 abi;			/* KTRACE_ABI_* of nr */
	__u16 __reserved0;
	__u32 __reserved;
};

static_assert(sizeof(struct kt_file_header) == 512, "file header layout");
static_assert(sizeof(struct kt_file_end) == 192, "end record layout");
static_assert(sizeof(struct kt_file_hidden) == 8, "hidden entry layout");
static_assert(sizeof(struct kt_file_stopped) == 64, "stopped record layout");
static_assert(sizeof(struct kt_file_open) +
	      KT_FILE_OPEN_MAX * sizeof(__s32) <= KTRACE_REC_LONG_MAX_SIZE,
	      "open record size");

/* record -p: the seeds written (KT_FILE_REC_SEED), checked at the end */
struct rec_seed {
	pid_t tid;
	unsigned int nr;
	unsigned int order;		/* the later of a thread's two decides */
};

static struct rec_seed *seeds;
static unsigned int nseeds, seeds_cap;

/* Which names this command gives the syscall numbers. */
static __u64 syscall_tables(void)
{
	__u64 h = 0xcbf29ce484222325ULL;
	unsigned int abi, nr;
	const char *name;

	for (abi = 0; abi < 2; abi++) {
		for (nr = 0; nr < ktrace_syscall_count(abi); nr++) {
			name = ktrace_syscall_name(abi, nr);
			do {
				h ^= name ? (unsigned char)*name : 0;
				h *= 0x100000001b3ULL;
			} while (name && *name++);
		}
	}
	return h;
}

int kt_record_begin(struct kt_out *out, int fd, const struct kt_opts *o,
		    const struct kt_target *tg)
{
	struct kt_file_hidden hid[KTRACE_ABI_COUNT * KTRACE_NR_MAX];
	struct kt_file_header h;
	__u32 nthreads[ARRAY_SIZE(h.pids)] = { 0 };
	__s32 ids[ARRAY_SIZE(h.pids)] = { 0 };
	struct ktrace_version v;
	struct utsname u;
	unsigned int abi, nr, n = 0, nthr = 0, nids = 0;
	int cpus;

	memset(&h, 0, sizeof(h));
	if (ktrace_dev_version(fd, &v))
		return -1;
	cpus = kt_dev_nr_cpus(fd);
	if (cpus < 0)
		return -1;
	memcpy(h.magic, KT_FILE_MAGIC, sizeof(h.magic));
	h.byte_order = KT_FILE_BYTE_ORDER;
	h.version = KT_FILE_VERSION;
	h.header_size = sizeof(h);
	h.nr_cpus = cpus;
	h.abi_major = v.abi_major;
	h.abi_minor = v.abi_minor;
	h.features = v.features;
	memcpy(h.module_release, v.release, sizeof(h.module_release));
	if (!uname(&u)) {
		snprintf(h.kernel_release, sizeof(h.kernel_release), "%s",
			 u.release);
		snprintf(h.machine, sizeof(h.machine), "%.15s", u.machine);
	}
	h.syscall_tables = syscall_tables();
	h.nr_syscalls[0] = ktrace_syscall_count(KTRACE_CLI_ABI_X86_64);
	h.nr_syscalls[1] = ktrace_syscall_count(KTRACE_CLI_ABI_I386);
	h.mono_to_real = tg->mono_to_real;
	h.child = tg->child;
	h.npids = tg->npids;
	memcpy(h.pids, tg->pids, tg->npids * sizeof(h.pids[0]));
	h.flags = (o->follow ? KT_FILE_FOLLOW : 0) |
		  (o->summary_only ? KT_FILE_COUNTS_ONLY : 0) |
		  (o->instruction_pointer && !o->summary_only ? KT_FILE_IP : 0);
	if (!o->summary_only && kt_netlink_diag())
		h.flags |= KT_FILE_NETLINK_DIAG;
	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++) {
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			if (!kt_filters_hidden(abi, nr))
				continue;
			memset(&hid[n], 0, sizeof(hid[n]));
			hid[n].nr = nr;
			hid[n].abi = abi;
			n++;
		}
	}
	if (kt_filters_status() != KT_STATUS_ALL) {
		h.flags |= KT_FILE_STATUS;
		h.status = kt_filters_status();
	}
	if (kt_filters_min_duration()) {
		h.flags |= KT_FILE_MIN_DURATION;
		h.min_duration = kt_filters_min_duration();
	}
	if (n) {
		h.flags |= KT_FILE_HIDDEN;
		h.nhidden = n;
		h.header_size += n * sizeof(hid[0]);
	}
	/* For report's "attached with N threads", padded to 8 bytes. */
	if (tg->nthreads && tg->npids) {
		memcpy(nthreads, tg->nthreads, tg->npids * sizeof(nthreads[0]));
		nthr = (tg->npids + 1) / 2 * 2;
		h.flags |= KT_FILE_THREADS;
		h.header_size += nthr * sizeof(nthreads[0]);
	}
	/* -f -p of a thread: the process traced, for report's -f. */
	if (nthr && memcmp(tg->ids, tg->pids, tg->npids * sizeof(ids[0]))) {
		memcpy(ids, tg->ids, tg->npids * sizeof(ids[0]));
		nids = nthr;
		h.flags |= KT_FILE_IDS;
		h.header_size += nids * sizeof(ids[0]);
	}
	kt_out_write(out, &h, sizeof(h));
	kt_out_write(out, hid, n * sizeof(hid[0]));
	kt_out_write(out, nthreads, nthr * sizeof(nthreads[0]));
	kt_out_write(out, ids, nids * sizeof(ids[0]));
	return kt_out_flush(out);
}

/* qsort(): by thread, the seeds of each in the order written */
static int by_tid_order(const void *a, const void *b)
{
	const struct rec_seed *x = a, *y = b;

	if (x->tid != y->tid)
		return x->tid < y->tid ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/*
 * The seeded calls /proc says are still in flight, as live tracing asks
 * at its end (kt_events_finish()): for report to end the same ones.
 */
static void write_open(struct kt_out *out, uint64_t ts)
{
	__s32 tids[KT_FILE_OPEN_MAX + 1];
	struct kt_file_open o;
	unsigned int i, n = 0;

	/*
	 * A thread's seed of the snapshot before the session and that of
	 * the one after: the later one is what report ends the call of.
	 */
	if (nseeds)
		qsort(seeds, nseeds, sizeof(*seeds), by_tid_order);
	for (i = 0; i <= nseeds; i++) {
		if (i + 1 < nseeds && seeds[i + 1].tid == seeds[i].tid)
			continue;
		if (i < nseeds && kt_proc_in_syscall(seeds[i].tid, seeds[i].nr))
			tids[n++] = seeds[i].tid;
		if (!n || (n < KT_FILE_OPEN_MAX && i < nseeds))
			continue;
		memset(&o, 0, sizeof(o));
		tids[n] = 0;
		o.hdr.size = sizeof(o) + (n + 1) / 2 * 2 * sizeof(tids[0]);
		o.hdr.type = KT_FILE_REC_OPEN;
		o.hdr.ts = ts;
		o.n = n;
		kt_out_write(out, &o, sizeof(o));
		kt_out_write(out, tids, o.hdr.size - sizeof(o));
		n = 0;
	}
	free(seeds);
	seeds = NULL;
	nseeds = 0;
	seeds_cap = 0;
}

int kt_record_end(struct kt_out *out, const struct kt_end *e,
		  uint64_t end_ts)
{
	struct kt_file_count c[KTRACE_ABI_COUNT * KTRACE_NR_MAX];
	static const __s32 pad;
	struct kt_file_end f;
	unsigned int abi, nr, n = 0, i, ntargets;
	size_t room;

	write_open(out, end_ts);
	memset(&f, 0, sizeof(f));
	for (abi = 0; e->counts && abi < KTRACE_ABI_COUNT; abi++) {
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			const struct kt_count *k = &e->counts->c[abi][nr];

			if (!k->calls)
				continue;
			memset(&c[n], 0, sizeof(c[n]));
			c[n].nr = nr;
			c[n].abi = abi;
			c[n].calls = k->calls;
			c[n].errors = k->errors;
			c[n].ns = k->ns;
			n++;
		}
	}
	/* A list too long for a record: report names the processes. */
	room = KTRACE_REC_LONG_MAX_SIZE - sizeof(f) - n * sizeof(c[0]);
	ntargets = e->ndetached < room / sizeof(pad) - 1 ? e->ndetached : 0;
	f.hdr.size = sizeof(f) + n * sizeof(c[0]) +
		     (ntargets + 1) / 2 * 2 * sizeof(pad);
	f.hdr.type = KT_FILE_REC_END;
	f.hdr.ts = end_ts;
	f.flags = (e->child_reaped ? KT_END_CHILD_REAPED : 0) |
		  (e->have_stats ? KT_END_STATS : 0) |
		  (e->counts ? KT_END_COUNTS : 0) |
		  (e->detach ? KT_END_DETACHED : 0) |
		  (ntargets || !e->ndetached ? KT_END_TARGETS : 0);
	f.child_status = e->child_status;
	f.stats = e->stats;
	f.ncounts = n;
	f.ntargets = ntargets;
	kt_out_write(out, &f, sizeof(f));
	kt_out_write(out, c, n * sizeof(c[0]));
	for (i = 0; i < ntargets; i++) {
		__s32 tid = e->detached[i];

		kt_out_write(out, &tid, sizeof(tid));
	}
	if (ntargets % 2)
		kt_out_write(out, &pad, sizeof(pad));
	return kt_out_flush(out);
}

struct seed_ctx {
	struct kt_out *out;
	uint64_t t0;
};

static int seed(void *ctx, const struct ktrace_task *k, unsigned int how,
		uint64_t now)
{
	static uint64_t rec[KT_TASK_ENTER_MAX / 8];
	struct seed_ctx *s = ctx;
	struct ktrace_rec_sys_enter *en;

	if (how & KT_ATTACH_STOPPED) {
		struct kt_file_stopped st;

		memset(&st, 0, sizeof(st));
		kt_task_hdr(k, s->t0, &st.hdr);
		st.hdr.size = sizeof(st);
		st.hdr.type = KT_FILE_REC_STOPPED;
		st.sig = k->exit_code;
		st.nr = how & KT_ATTACH_CALL ? k->nr : -1;
		st.abi = k->abi;
		kt_out_write(s->out, &st, sizeof(st));
	}
	if (!(how & KT_ATTACH_CALL))
		return 0;
	if (how & KT_ATTACH_BLOCKED) {
		en = kt_task_enter(k, s->t0, rec);
		kt_out_write(s->out, en, en->hdr.size);
		return 0;
	}
	/* Its entry may be in a ring: report decides, as live does. */
	if (nseeds == seeds_cap) {
		unsigned int cap = seeds_cap ? 2 * seeds_cap : 16;
		struct rec_seed *p = realloc(seeds, cap * sizeof(*p));

		if (!p)
			return 0;	/* its exit prints as resumed */
		seeds = p;
		seeds_cap = cap;
	}
	seeds[nseeds].tid = k->pid;
	seeds[nseeds].nr = k->nr;
	seeds[nseeds].order = nseeds;
	nseeds++;
	en = kt_task_enter(k, now, rec);
	en->hdr.type = KT_FILE_REC_SEED;
	kt_out_write(s->out, en, en->hdr.size);
	return 0;
}

/*
 * -p: the calls its threads are in once the session began at @t0
 * (kt_attach_calls()), first in the file.  One blocked since before @t0
 * goes as the enter record the module would have written: report shows
 * it as the live trace does.  One of a thread that ran since goes as a
 * KT_FILE_REC_SEED: report prints its exit whole unless the file holds
 * its entry, as live tracing does (kt_events_seed()).  A thread in a
 * group stop gets a KT_FILE_REC_STOPPED first, for "--- stopped by".
 * @t0 0: the snapshot before the session began, its calls as seeds.
 */
int kt_record_seed(struct kt_out *out, int fd, const struct kt_opts *o,
		   pid_t pid, uint64_t t0)
{
	struct seed_ctx s = { .out = out, .t0 = t0 };

	if (o->summary_only)
		return 0;
	kt_attach_calls(fd, pid, o->follow, t0, seed, &s);
	return kt_out_flush(out);
}

static void record_usage(void)
{
	printf("Usage: %s record -o FILE [OPTIONS] -- COMMAND [ARGS...]\n"
	       "       %s record -o FILE [OPTIONS] -p PID[,PID...]\n"
	       "Write the raw records of COMMAND (or of the processes PID) to FILE,\n"
	       "at the speed of a copy, for '%s report FILE' to print later.  The\n"
	       "options that choose what is traced apply (-f, -e, -z, -Z,\n"
	       "--min-duration, -u, --ring-size, see '%s --help'); with -c, only the\n"
	       "counters and the process lifecycle are recorded.\n",
	       ktrace_prog, ktrace_prog, ktrace_prog, ktrace_prog);
}

/* ktrace record -o FILE [OPTIONS] (COMMAND | -p PID) */
int ktrace_cmd_record(int argc, char **argv)
{
	struct kt_out out;
	struct kt_opts o;
	int fd, ret;

	if (kt_parse_args(&o, argc, argv) < 0)
		return 1;
	if (o.help) {
		record_usage();
		return 0;
	}
	if (!o.outfile) {
		ktrace_err("record: -o FILE is needed: where the records go");
		return 1;
	}
	if (o.sink) {
		ktrace_err("record: writes records; --perfetto and --svg are for report");
		return 1;
	}
	if (o.golden || o.expect) {
		ktrace_err("record: writes records; %s checks the lines of a live trace",
			   o.golden ? "--golden" : "--expect");
		return 1;
	}
	if (o.syscall_limit) {
		ktrace_err("record: --syscall-limit detaches a live trace; it does not cut recordings");
		return 1;
	}
	if (o.append) {
		ktrace_err("record: -A would add a recording after the end record in %s, where report stops",
			   o.outfile);
		return 1;
	}
	if (!o.argc && !o.npids) {
		ktrace_err("record: a COMMAND or -p PID to record is needed");
		return 1;
	}
	if (kt_filters_check(&o))
		return 1;
	/* Without a module to record with, FILE keeps the recording it holds. */
	fd = ktrace_dev_open();
	if (fd < 0)
		return 1;
	if (kt_out_open(&out, o.outfile)) {
		close(fd);
		return 1;
	}
	ret = kt_run(&o, &out, true, fd);
	if (kt_out_close(&out) && !ret)
		ret = 1;
	return ret;
}

/*
 * Reading a recording: records are taken whole from a buffer that is
 * refilled as it empties, so that a file of any size, or a pipe, is read
 * in one pass.
 */
#define FILE_BUF_SIZE	(4 << 20)

struct reader {
	const char *path;
	int fd;
	char *buf;
	size_t len, off;	/* bytes in buf, and consumed */
	unsigned long long pos;	/* file offset of buf + off */
	bool eof;
	bool newer;		/* of a module ABI later than this ktrace's */
	const struct kt_file_header *h;
	bool gone[ARRAY_SIZE(((struct kt_file_header *)0)->pids)];
	/* Each -p target's threads at attach (KT_FILE_THREADS), or 0 */
	__u32 nthreads[ARRAY_SIZE(((struct kt_file_header *)0)->pids)];
	/* Each one as traced (KT_FILE_IDS), else as given */
	__s32 ids[ARRAY_SIZE(((struct kt_file_header *)0)->pids)];
	/* The end record's -p threads left (KT_END_TARGETS), to free() */
	bool have_left;
	pid_t *left;
	unsigned int nleft;
	/* The seeded threads whose call was open at the end (KT_FILE_REC_OPEN) */
	pid_t *open;
	unsigned int nopen;
	char why[256];		/* what is wrong with the file, told last */
};

/* A -p target's exit in the recording: as live, it is not detached. */
static void target_exit(struct reader *r, const struct ktrace_rec_hdr *rec)
{
	const struct ktrace_rec_exit *x = (const void *)rec;
	unsigned int i;

	if (rec->type != KTRACE_REC_EXIT || rec->size < sizeof(*x))
		return;
	for (i = 0; i < r->h->npids; i++)
		if ((r->ids[i] == rec->tgid &&
		     (x->exit_flags & KTRACE_EXIT_GROUP_DEAD)) ||
		    (r->ids[i] == rec->pid && rec->pid != rec->tgid))
			r->gone[i] = true;
}

__printf(2, 3) static int bad(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->why, sizeof(r->why), fmt, ap);
	va_end(ap);
	return -1;
}

/* fill()'s refill: the bytes left move to the start, and more are read. */
static int refill(struct reader *r, size_t n)
{
	ssize_t got;

	if (r->eof)
		return 0;
	memmove(r->buf, r->buf + r->off, r->len - r->off);
	r->len -= r->off;
	r->off = 0;
	while (r->len < n && !r->eof) {
		got = read(r->fd, r->buf + r->len, FILE_BUF_SIZE - r->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return bad(r, "%s: %s", r->path, strerror(errno));
		if (!got)
			r->eof = true;
		r->len += got;
	}
	return 0;
}

/*
 * At least n bytes at r->buf + r->off, or fewer at the end of the file.
 * Inline: two calls per record, and a refill once in 4 MiB.
 */
static inline int fill(struct reader *r, size_t n)
{
	if (__builtin_expect(r->len - r->off >= n, 1))
		return 0;
	return refill(r, n);
}

/*
 * @len bytes of the header at @at, the npids entries of @what, into
 * @dst: 0, or -1 after one line.
 */
static int header_array(struct reader *r, const struct kt_file_header *h,
			size_t at, void *dst, size_t len, const char *what)
{
	if (at + len > h->header_size) {
		ktrace_err("%s: corrupt header at offset 0: %u %s in a header of %u bytes",
			   r->path, h->npids, what, h->header_size);
		return -1;
	}
	if (fill(r, at + len) || r->len < at + len) {
		ktrace_err("%s: truncated header at offset 0", r->path);
		return -1;
	}
	memcpy(dst, r->buf + at, len);
	return 0;
}

static int check_header(struct reader *r, struct kt_file_header *h)
{
	size_t at;

	if (fill(r, sizeof(*h))) {
		ktrace_err("%s", r->why);
		return -1;
	}
	if (r->len < sizeof(h->magic) ||
	    memcmp(r->buf, KT_FILE_MAGIC, sizeof(h->magic))) {
		ktrace_err("%s: not a ktrace recording", r->path);
		return -1;
	}
	if (r->len < sizeof(*h)) {
		ktrace_err("%s: truncated header at offset 0 (%zu of %zu bytes)",
			   r->path, r->len, sizeof(*h));
		return -1;
	}
	memcpy(h, r->buf, sizeof(*h));
	if (h->byte_order != KT_FILE_BYTE_ORDER) {
		ktrace_err("%s: recorded on a machine of another byte order",
			   r->path);
		return -1;
	}
	if (h->version != KT_FILE_VERSION) {
		ktrace_err("%s: recording format %u is not the format %u this ktrace reads",
			   r->path, h->version, KT_FILE_VERSION);
		return -1;
	}
	if (h->header_size < sizeof(*h) || h->header_size % 8) {
		ktrace_err("%s: corrupt header at offset 0: a header size of %u bytes",
			   r->path, h->header_size);
		return -1;
	}
	if (h->npids > ARRAY_SIZE(h->pids)) {
		ktrace_err("%s: corrupt header at offset 0: %u processes, more than %zu",
			   r->path, h->npids, ARRAY_SIZE(h->pids));
		return -1;
	}
	if (h->abi_major != KTRACE_ABI_MAJOR) {
		ktrace_err("%s: records of module ABI %u.%u; this ktrace reads ABI %u.x",
			   r->path, h->abi_major, h->abi_minor,
			   KTRACE_ABI_MAJOR);
		return -1;
	}
	/* Its module may write record types this ktrace skips. */
	r->newer = h->abi_minor > KTRACE_ABI_MINOR;
	if (h->flags & KT_FILE_HIDDEN) {
		const struct kt_file_hidden *hid;
		unsigned int i;

		/* At most one per syscall of each ABI, as the writer has. */
		if (h->nhidden > KTRACE_ABI_COUNT * KTRACE_NR_MAX) {
			ktrace_err("%s: corrupt header at offset 0: %u hidden syscalls, more than %u",
				   r->path, h->nhidden,
				   KTRACE_ABI_COUNT * KTRACE_NR_MAX);
			return -1;
		}
		if (h->nhidden > (h->header_size - sizeof(*h)) / sizeof(*hid)) {
			ktrace_err("%s: corrupt header at offset 0: %u hidden syscalls in a header of %u bytes",
				   r->path, h->nhidden, h->header_size);
			return -1;
		}
		if (fill(r, sizeof(*h) + h->nhidden * sizeof(*hid)) ||
		    r->len < sizeof(*h) + h->nhidden * sizeof(*hid)) {
			ktrace_err("%s: truncated header at offset 0", r->path);
			return -1;
		}
		hid = (const void *)(r->buf + sizeof(*h));
		for (i = 0; i < h->nhidden; i++)
			kt_filters_hide(hid[i].abi, hid[i].nr);
	}
	/* The thread counts, then the ids traced, of the -p processes */
	at = sizeof(*h) + (h->flags & KT_FILE_HIDDEN ?
			   h->nhidden * sizeof(struct kt_file_hidden) : 0);
	if ((h->flags & KT_FILE_THREADS) &&
	    header_array(r, h, at, r->nthreads,
			 h->npids * sizeof(r->nthreads[0]), "thread counts"))
		return -1;
	at += (h->npids + 1) / 2 * 2 * sizeof(r->nthreads[0]);
	memcpy(r->ids, h->pids, sizeof(r->ids));
	if ((h->flags & KT_FILE_THREADS) && (h->flags & KT_FILE_IDS) &&
	    header_array(r, h, at, r->ids, h->npids * sizeof(r->ids[0]),
			 "process ids"))
		return -1;
	kt_netlink_diag_set(h->flags & KT_FILE_NETLINK_DIAG);
	/* Recorded with -e status=: report applies it, and its own too. */
	if (h->flags & KT_FILE_STATUS)
		kt_filters_set_status(kt_filters_status() & h->status);
	/* And its --min-duration, or report's own if longer. */
	if ((h->flags & KT_FILE_MIN_DURATION) &&
	    h->min_duration > kt_filters_min_duration())
		kt_filters_set_min_duration(h->min_duration);
	/* Skip what a later version of the header may add. */
	r->off = 0;
	while (r->pos < h->header_size) {
		size_t skip;

		if (fill(r, 1) || r->len == r->off) {
			ktrace_err("%s: truncated header at offset 0: it is %u bytes, the file %llu",
				   r->path, h->header_size,
				   (unsigned long long)r->pos);
			return -1;
		}
		skip = r->len - r->off;
		if (skip > h->header_size - r->pos)
			skip = h->header_size - r->pos;
		r->off += skip;
		r->pos += skip;
	}
	/*
	 * x86 never renumbers a syscall: tables differ only by the syscalls
	 * one of them lacks, and only a recorder's longer table can name a
	 * number this one shows as syscall_0x...
	 */
	if (h->syscall_tables != syscall_tables() &&
	    (h->nr_syscalls[0] > ktrace_syscall_count(KTRACE_CLI_ABI_X86_64) ||
	     h->nr_syscalls[1] > ktrace_syscall_count(KTRACE_CLI_ABI_I386)))
		ktrace_err("%s: recorded by a ktrace that knows newer syscalls: those print as syscall_0x...",
			   r->path);
	return 0;
}

/*
 * What no module writes in a record whose size and type are valid: an
 * ABI this ktrace does not know, or blobs outside the record.  False
 * when none; else true, and why in @buf.
 */
static bool rec_corrupt(const struct ktrace_rec_hdr *h, char *buf,
			size_t len)
{
	const struct ktrace_blob *b;
	unsigned int i, n, abi = 0;
	size_t fixed;

	switch (h->type) {
	case KTRACE_REC_SYS_ENTER: {
		const struct ktrace_rec_sys_enter *x = (const void *)h;

		fixed = sizeof(*x);
		abi = x->abi;
		n = x->nblobs;
		b = x->blobs;
		break;
	}
	case KTRACE_REC_SYS_EXIT: {
		const struct ktrace_rec_sys_exit *x = (const void *)h;

		fixed = sizeof(*x);
		abi = x->abi;
		n = x->nblobs;
		b = x->blobs;
		break;
	}
	case KTRACE_REC_EXEC: {
		const struct ktrace_rec_exec *x = (const void *)h;

		fixed = sizeof(*x);
		n = x->nblobs;
		b = x->blobs;
		break;
	}
	default:
		return false;
	}
	if (h->size < fixed)
		return false;	/* kt_timeline_feed() tells */
	if (abi >= KTRACE_ABI_COUNT) {
		snprintf(buf, len, "ABI %u", abi);
		return true;
	}
	if ((h->size - fixed) / sizeof(*b) < n) {
		snprintf(buf, len, "%u blobs in %u bytes", n, h->size);
		return true;
	}
	for (i = 0; i < n; i++) {
		if (kt_blob_inside(h, &b[i]))
			continue;
		snprintf(buf, len, "blob %u outside the record", i);
		return true;
	}
	return false;
}

/* The end record's counters, for -c. */
static int take_end(struct reader *r, const struct kt_file_end *f,
		    struct kt_end *e, struct kt_counts *counts)
{
	const __s32 *tid;
	unsigned int i;
	size_t room;

	if (f->hdr.size < sizeof(*f) ||
	    (f->hdr.size - sizeof(*f)) / sizeof(f->counts[0]) < f->ncounts)
		return -1;
	room = f->hdr.size - sizeof(*f) - f->ncounts * sizeof(f->counts[0]);
	tid = (const __s32 *)&f->counts[f->ncounts];
	if ((f->flags & KT_END_TARGETS) && room / sizeof(*tid) < f->ntargets)
		return -1;
	/* All checked first: nothing of a corrupt end record is taken. */
	for (i = 0; (f->flags & KT_END_COUNTS) && i < f->ncounts; i++)
		if (f->counts[i].abi >= KTRACE_ABI_COUNT ||
		    f->counts[i].nr >= KTRACE_NR_MAX)
			return -1;
	for (i = 0; (f->flags & KT_END_TARGETS) && i < f->ntargets; i++)
		if (tid[i] <= 0)
			return -1;
	if (f->flags & KT_END_TARGETS) {
		r->left = malloc((f->ntargets ? f->ntargets : 1) *
				 sizeof(*r->left));
		if (!r->left)
			return -1;
		for (i = 0; i < f->ntargets; i++)
			r->left[i] = tid[i];
		r->nleft = f->ntargets;
		r->have_left = true;
	}
	e->end_ts = f->hdr.ts;
	e->child_reaped = f->flags & KT_END_CHILD_REAPED;
	e->child_status = f->child_status;
	e->have_stats = f->flags & KT_END_STATS;
	e->stats = f->stats;
	e->detach = f->flags & KT_END_DETACHED;
	if (!(f->flags & KT_END_COUNTS))
		return 0;
	memset(counts, 0, sizeof(*counts));
	for (i = 0; i < f->ncounts; i++) {
		const struct kt_file_count *c = &f->counts[i];

		counts->c[c->abi][c->nr].calls = c->calls;
		counts->c[c->abi][c->nr].errors = c->errors;
		counts->c[c->abi][c->nr].ns = c->ns;
	}
	/* Not the calls hidden: for the tables only, or by -e trace=. */
	kt_filters_counts(counts);
	counts->valid = true;
	e->counts = counts;
	return 0;
}

/*
 * A KT_FILE_REC_SEED: the enter record kt_task_enter() built, but for its
 * type, checked as the module's are.
 */
static int take_seed(struct kt_timeline *tl, const struct ktrace_rec_hdr *h,
		     char *why, size_t len)
{
	static uint64_t rec[KT_TASK_ENTER_MAX / 8];
	struct ktrace_rec_sys_enter *en = (void *)rec;

	if (h->size < sizeof(*en) || h->size > sizeof(rec)) {
		snprintf(why, len, "size %u", h->size);
		return -1;
	}
	memcpy(en, h, h->size);
	en->hdr.type = KTRACE_REC_SYS_ENTER;
	if (rec_corrupt(&en->hdr, why, len))
		return -1;
	if (kt_timeline_seed_enter(tl, en)) {
		snprintf(why, len, "out of memory");
		return -1;
	}
	return 0;
}

/* A KT_FILE_REC_STOPPED: the stop said, as live at the attach. */
static int take_stopped(struct kt_timeline *tl,
			const struct kt_file_stopped *st)
{
	if (st->hdr.size < sizeof(*st) || st->sig < 1 || st->sig > 64 ||
	    (st->nr >= 0 && (st->abi >= KTRACE_ABI_COUNT ||
			     st->nr >= KTRACE_NR_MAX)))
		return -1;
	return kt_timeline_stopped(tl, &st->hdr, st->sig,
				   st->nr < 0 ? -1 : st->nr, st->abi);
}

/* A KT_FILE_REC_OPEN: its threads join the list for kt_events_finish(). */
static int take_open(struct reader *r, const struct kt_file_open *o)
{
	unsigned int i;
	pid_t *p;

	if (o->hdr.size < sizeof(*o) ||
	    o->n > (o->hdr.size - sizeof(*o)) / sizeof(o->tids[0]))
		return -1;
	for (i = 0; i < o->n; i++)
		if (o->tids[i] <= 0)
			return -1;
	p = realloc(r->open, (r->nopen + o->n + 1) * sizeof(*p));
	if (!p)
		return -1;
	r->open = p;
	for (i = 0; i < o->n; i++)
		r->open[r->nopen++] = o->tids[i];
	return 0;
}

/* Feed the records to t; ends at the end record or the first fault. */
static int replay(struct reader *r, struct kt_timeline *tl, struct kt_end *e,
		  struct kt_counts *counts)
{
	const struct ktrace_rec_hdr *h;
	bool ended = false;
	char why[64];

	for (;;) {
		if (fill(r, sizeof(*h)))
			return -1;
		if (r->len == r->off)
			break;
		if (ended)
			return bad(r, "%s: data after the end record at offset %llu",
				   r->path, r->pos);
		h = (const void *)(r->buf + r->off);
		if (r->len - r->off < sizeof(*h))
			return bad(r, "%s: truncated record at offset %llu (%zu of %zu bytes)",
				   r->path, r->pos, r->len - r->off, sizeof(*h));
		if (h->size < sizeof(*h) || h->size % 8 ||
		    h->size > KTRACE_REC_LONG_MAX_SIZE)
			return bad(r, "%s: corrupt record at offset %llu (size %u)",
				   r->path, r->pos, h->size);
		if (fill(r, h->size))
			return -1;
		h = (const void *)(r->buf + r->off);
		if (r->len - r->off < h->size)
			return bad(r, "%s: truncated record at offset %llu (%zu of %u bytes)",
				   r->path, r->pos, r->len - r->off, h->size);
		target_exit(r, h);
		if (h->type == KT_FILE_REC_END) {
			if (take_end(r, (const void *)h, e, counts))
				return bad(r, "%s: corrupt end record at offset %llu",
					   r->path, r->pos);
			ended = true;
		} else if (h->type == KT_FILE_REC_SEED) {
			if (take_seed(tl, h, why, sizeof(why)))
				return bad(r, "%s: corrupt seed record at offset %llu (%s)",
					   r->path, r->pos, why);
		} else if (h->type == KT_FILE_REC_STOPPED) {
			if (take_stopped(tl, (const void *)h))
				return bad(r, "%s: corrupt stopped record at offset %llu",
					   r->path, r->pos);
		} else if (h->type == KT_FILE_REC_OPEN) {
			if (take_open(r, (const void *)h))
				return bad(r, "%s: corrupt open record at offset %llu",
					   r->path, r->pos);
		} else if (!kt_rec_known(h) && !r->newer) {
			return bad(r, "%s: corrupt record at offset %llu (unknown type %u)",
				   r->path, r->pos, h->type);
		} else if (rec_corrupt(h, why, sizeof(why))) {
			return bad(r, "%s: corrupt record at offset %llu (type %u: %s)",
				   r->path, r->pos, h->type, why);
		} else if (kt_timeline_feed(tl, h)) {
			return bad(r, "%s: corrupt record at offset %llu (type %u, size %u)",
				   r->path, r->pos, h->type, h->size);
		}
		r->off += h->size;
		r->pos += h->size;
		if (kt_out_error())
			return -1;
	}
	if (!ended)
		return bad(r, "%s: cut short at offset %llu: no end record",
			   r->path, r->pos);
	return 0;
}

/*
 * The first option given that only a live trace takes, which report
 * refuses rather than ignore; NULL if none.  --golden and --expect
 * check the text of a trace they run.
 */
static const char *live_only(const struct kt_opts *o)
{
	if (o->golden)
		return "--golden";
	if (o->expect)
		return "--expect";
	if (o->lossy)
		return "--lossy";
	if (o->ring_size)
		return "--ring-size";
	if (o->daemonize)
		return "-D";
	if (o->interruptible)
		return "-I";
	if (o->nenv)
		return "-E";
	return NULL;
}

static void report_usage(void)
{
	printf("Usage: %s report [OPTIONS] FILE\n"
	       "Print a recording of '%s record' as a live trace with the same\n"
	       "options would have printed it: text, -c, -C, --json, or with -o FILE\n"
	       "--perfetto or --svg.  The options are the trace's (see '%s --help');\n"
	       "-f follows the children the recording holds.  Those of a live trace\n"
	       "alone (-p, -u, -E, -D, -I, --lossy, --ring-size) are refused.\n",
	       ktrace_prog, ktrace_prog, ktrace_prog);
}

/* ktrace report [OPTIONS] FILE */
int ktrace_cmd_report(int argc, char **argv)
{
	struct kt_file_header h;
	pid_t left[ARRAY_SIZE(h.pids)];
	struct kt_target tg = { 0 };
	struct kt_end e = { 0 };
	struct kt_counts *counts;
	struct kt_timeline *tl;
	struct reader r = { 0 };
	struct kt_out out;
	struct kt_opts o;
	unsigned int i, j;
	bool own_counts = false;
	int ret = 0;

	if (kt_parse_args(&o, argc, argv) < 0)
		return 1;
	if (o.help) {
		report_usage();
		return 0;
	}
	if (o.npids || o.user) {
		ktrace_err("report: reads a recording; %s is for a live trace",
			   o.npids ? "-p" : "-u");
		return 1;
	}
	if (o.argc != 1) {
		ktrace_err("report: takes options and one FILE, %s",
			   o.argc ? "not more" : "the recording to print");
		return 1;
	}
	if (live_only(&o)) {
		ktrace_err("report: %s is for a live trace, not a recording",
			   live_only(&o));
		return 1;
	}
	if (o.syscall_limit) {
		ktrace_err("report: --syscall-limit detaches a live trace; it does not cut reports");
		return 1;
	}
	if (o.decode_pids & KT_PIDS_NS) {
		ktrace_err("report: --decode-pids=pidns translates ids from /proc while the processes live; a recording cannot");
		return 1;
	}
	r.path = o.argv[0];
	r.fd = open(r.path, O_RDONLY | O_CLOEXEC);
	r.buf = malloc(FILE_BUF_SIZE);
	counts = malloc(sizeof(*counts));
	if (r.fd < 0) {
		ktrace_err("%s: %s", r.path, strerror(errno));
		goto fail;
	}
	if (!r.buf || !counts) {
		ktrace_err("out of memory");
		goto fail;
	}
	kt_filters_set_status(o.status);
	kt_filters_set_min_duration(o.min_duration_ns);
	if (kt_filters_report(&o) || check_header(&r, &h))
		goto fail;
	o.min_duration_ns = kt_filters_min_duration();	/* the file's too */
	r.h = &h;
	if (o.instruction_pointer && !o.summary_only &&
	    !(h.flags & KT_FILE_IP)) {
		ktrace_err("%s: recorded without -i: it has no instruction pointers",
			   r.path);
		goto fail;
	}
	if ((h.flags & KT_FILE_COUNTS_ONLY) && !o.summary_only && !o.summary)
		ktrace_err("%s: recorded with -c: no syscall lines, only the counts of report -c",
			   r.path);
	/*
	 * The session's counts of a recording made with -f are the
	 * children's too; without -f, as live, report counts the calls of
	 * the tasks it prints, from their records: a recording made with
	 * -c has none.
	 */
	if ((h.flags & KT_FILE_FOLLOW) && !o.follow &&
	    (o.summary_only || o.summary)) {
		if (h.flags & KT_FILE_COUNTS_ONLY) {
			ktrace_err("%s: recorded with -f -c: its counts are the children's too, which report -c cannot leave out without the records (add -f)",
				   r.path);
			goto fail;
		}
		own_counts = true;
	}
	if (o.outfile && o.follow < 2) {
		if (kt_same_file(r.fd, o.outfile)) {
			ktrace_err("report: -o %s is the recording it reads",
				   o.outfile);
			goto fail;
		}
		if (kt_out_open(&out, o.outfile))
			goto fail;
	} else {
		kt_out_fd(&out, STDERR_FILENO, "standard error");
	}
	signal(SIGPIPE, SIG_IGN);
	tg.child = h.child;
	tg.pids = h.pids;
	tg.ids = r.ids;
	tg.nthreads = r.nthreads;
	tg.npids = h.npids;
	tg.mono_to_real = h.mono_to_real;
	/*
	 * As live: not with -o FILE and a command (strace's -q), nor on the
	 * standard error that --json writes its objects to.
	 */
	for (i = 0; i < h.npids && !o.quiet_attach && !(o.outfile && h.child) &&
	     !(o.json && !o.outfile); i++) {
		if (r.nthreads[i] > 1)
			fprintf(stderr, "%s: Process %d attached with %u threads\n",
				ktrace_prog, h.pids[i], r.nthreads[i]);
		else
			fprintf(stderr, "%s: Process %d attached\n",
				ktrace_prog, h.pids[i]);
	}
	tl = kt_timeline_new(&o, &tg, &out);
	if (!tl) {
		kt_out_close(&out);
		goto fail;
	}
	if (replay(&r, tl, &e, counts)) {
		ret = 1;
		e.cut_off = true;
	}
	if (own_counts)
		e.counts = NULL;
	/* Not this machine's /proc: the recording says which were open. */
	if (r.nopen)
		qsort(r.open, r.nopen, sizeof(*r.open), kt_pid_cmp);
	kt_timeline_seeds_open(tl, r.open, r.nopen);
	/*
	 * As live: the -p targets that did not end are said detached (each
	 * thread, as the end record lists them; a recording before that
	 * list names the targets), and what else lived at a signal's end.
	 */
	if (r.have_left) {
		/* Not a target whose exit the recording holds. */
		for (i = 0; i < r.nleft; i++) {
			for (j = 0; j < h.npids; j++)
				if (r.gone[j] && r.ids[j] == r.left[i])
					break;
			if (j == h.npids)
				r.left[e.ndetached++] = r.left[i];
		}
		e.detached = r.left;
	} else {
		for (i = 0; i < h.npids; i++)
			if (!r.gone[i])
				left[e.ndetached++] = h.pids[i];
		e.detached = left;
	}
	e.detach = e.detach || e.ndetached;
	/* Everything before the fault is reported, then the fault. */
	kt_timeline_finish(tl, &e);
	kt_timeline_free(tl);
	if (r.why[0] && !kt_out_error())
		ktrace_err("%s", r.why);
	if (kt_out_close(&out))
		ret = 1;
	if (kt_out_error() == EPIPE) {
		signal(SIGPIPE, SIG_DFL);
		raise(SIGPIPE);
	}
	free(counts);
	free(r.left);
	free(r.open);
	free(r.buf);
	close(r.fd);
	/* Not after the error that a damaged file gets. */
	kt_tips_due(!ret && !r.why[0]);
	kt_tips_print(&o);
	return ret;
fail:
	free(counts);
	free(r.left);
	free(r.buf);
	if (r.fd >= 0)
		close(r.fd);
	return 1;
}
