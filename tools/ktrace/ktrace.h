/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): declarations shared by the command's files.  device.c is the
 * only file that talks to /dev/ktrace; everything else works on plain
 * structures.
 */
#ifndef KTRACE_CLI_H
#define KTRACE_CLI_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <linux/ktrace.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define __printf(a, b) __attribute__((format(printf, a, b)))

#define KTRACE_DEV_PATH "/dev/" KTRACE_DEVICE_NAME

extern const char *ktrace_prog;
extern bool kt_debug;			/* -d, --debug (device.c) */

/* Is @ret a syscall's error return, -4095 to -1 (the kernel's -MAX_ERRNO)? */
static inline bool kt_ret_failed(int64_t ret)
{
	return ret < 0 && ret >= -4095;
}

/* The syscall ABIs the command has tables for. */
enum ktrace_cli_abi {
	KTRACE_CLI_ABI_X86_64,
	KTRACE_CLI_ABI_I386,
};

/* How -c's table is sorted (-S). */
enum kt_sort {
	KT_SORT_TIME,
	KT_SORT_CALLS,
	KT_SORT_ERRORS,
	KT_SORT_NAME,
	KT_SORT_NOTHING,
	KT_SORT_MIN,
	KT_SORT_MAX,
	KT_SORT_AVG,
};

/* -U: the columns of -c's table, in the order given (summary.c). */
enum kt_col {
	KT_COL_END,		/* ends the list */
	KT_COL_PERCENT,		/* time-percent: "% time" */
	KT_COL_TOTAL,		/* total-time: "seconds" */
	KT_COL_MIN,		/* min-time: "shortest" */
	KT_COL_MAX,		/* max-time: "longest" */
	KT_COL_AVG,		/* avg-time: "usecs/call" */
	KT_COL_CALLS,		/* calls: "calls" */
	KT_COL_ERRORS,		/* errors: "errors" */
	KT_COL_NAME,		/* name: "syscall" */
	KT_COL_COUNT,
};

/* --decode-pids (-Y): what follows a process id */
#define KT_PIDS_COMM	0x1	/* its command name: 42<sh> */
#define KT_PIDS_NS	0x2	/* its id in ktrace's PID namespace */

#define KT_STATUS_SUCCESSFUL	0x1
#define KT_STATUS_FAILED	0x2
#define KT_STATUS_ALL		(KT_STATUS_SUCCESSFUL | KT_STATUS_FAILED)

/* What a trace is written as: strace's lines, or a drawing (timeline.c). */
enum kt_sink_kind {
	KT_SINK_TEXT,
	KT_SINK_PERFETTO,		/* --perfetto */
	KT_SINK_SVG,			/* --svg */
};

/* -e read=SET, -e write=SET: file descriptors whose I/O is dumped. */
struct kt_fdset {
	bool on;			/* given, and not none */
	bool all;			/* all, or !SET: every fd but fd[] */
	unsigned int n;
	int fd[64];
};

/* --tips=format: */
enum kt_tips {
	KT_TIPS_NONE,
	KT_TIPS_COMPACT,
	KT_TIPS_FULL,
};

/* The command line, as options.c parsed it. */
struct kt_opts {
	bool help, version, json;
	bool lossy;			/* --lossy */
	enum kt_sink_kind sink;		/* --perfetto, --svg */
	unsigned int ring_size;		/* --ring-size, bytes; 0: the module's */
	unsigned int follow;		/* -f: 1, -ff: 2 */
	const char *outfile;		/* -o */
	bool summary_only;		/* -c */
	bool summary;			/* -C */
	enum kt_sort sort;		/* -S */
	unsigned char columns[KT_COL_COUNT];	/* -U, KT_COL_END-ended; [0] 0: default */
	bool syscall_times;		/* -T */
	unsigned char times_digits;	/* -T: digits after the second */
	/* -t, --absolute-timestamps: KT_TS_TIME or KT_TS_UNIX, or 0 */
#define KT_TS_TIME	1	/* the time of day, HH:MM:SS */
#define KT_TS_UNIX	2	/* seconds since the epoch */
	unsigned int timestamps;
	unsigned char ts_digits;	/* -t: digits after the second */
	bool relative;			/* -r */
	unsigned char relative_digits;	/* -r: digits after the second */
	unsigned int strsize;		/* -s */
	unsigned int decode_fds;	/* -y: 1, -yy: 2 */
	bool decode_devs;		/* -yy, --decode-fds=dev: "<char 1:3>" */
	bool decode_devs_only;		/* --decode-fds=dev,pidfd: no other paths */
	bool decode_pidfds;		/* -yy, --decode-fds=pidfd */
	unsigned int decode_pids;	/* -Y, --decode-pids: KT_PIDS_* */
	bool detach_execve;		/* -b execve */
	unsigned int daemonize;		/* -D: KT_DAEMON_*, 0: none */
	unsigned int interruptible;	/* -I: KT_INTR_*, 0: the default */
	const char *trace_path;		/* -P: the first, or NULL */
	const char *trace_paths[16];	/* -P, each */
	unsigned int ntrace_paths;
	/* -q, -qq, -qqq, --quiet=: which of strace's messages not to print */
	bool quiet_attach;		/* "Process N attached", "detached" */
	bool quiet_exit;		/* "+++ exited with N +++" */
	bool quiet_execve;		/* "+++ superseded by execve ... +++" */
	unsigned int status;		/* KT_STATUS_*: -z, -Z, -e status= */
	unsigned long long min_duration_ns;	/* --min-duration, 0: none */
	const char *trace[16];		/* -e trace= expressions, in order */
	unsigned int ntrace;
	int pids[64];			/* -p */
	unsigned int npids;
	const char *pids_none;		/* a -p list that named none */
	const char *user;		/* -u */
	bool syscall_numbers;		/* -n */
	bool instruction_pointer;	/* -i */
	bool append;			/* -A */
	unsigned int column;		/* -a, 0: strace's 40 */
	const char *env[32];		/* -E VAR=VAL or VAR, in order */
	unsigned int nenv;
	bool signal_filter;		/* -e signal= given */
	uint64_t signals[2];		/* its set, bit N-1 for signal N */
	struct kt_fdset dump_read;	/* -e read= (hexdump.c) */
	struct kt_fdset dump_write;	/* -e write= */
	unsigned long long syscall_limit;	/* --syscall-limit, 0: none */
	enum kt_tips tips;		/* --tips */
	long tip_id;			/* --tips=id:N, -1: random */
	unsigned long long overhead_ns;		/* -O: taken from each call */
	bool golden;			/* --golden (golden.c) */
	const char *expect;		/* --expect FILE (golden.c) */
	char **argv;			/* the command to run, or none */
	int argc;
};

/* -D, -DD, -DDD: the tracer as the command's grandchild */
enum {
	KT_DAEMON_GRANDCHILD = 1,
	KT_DAEMON_PGROUP,		/* in a process group of its own */
	KT_DAEMON_SESSION,		/* in a session of its own */
};

/* -I: when ktrace's fatal signals (SIGHUP, SIGINT, SIGQUIT, SIGTERM) end it */
enum {
	KT_INTR_ANYWHERE = 1,	/* whenever they come */
	KT_INTR_WAITING,	/* likewise (strace: while it waits) */
	KT_INTR_NEVER,		/* blocked: ktrace ends with the command */
	KT_INTR_NEVER_TSTP,	/* and SIGTSTP blocked too */
};

/* options.c */
void kt_opt_refuse(const char *cmd, const char *word, bool missing);
int kt_parse_args(struct kt_opts *o, int argc, char **argv);
int kt_parse_time(const char *s, double unit_ns, unsigned long long *ns);
bool kt_signal_shown(const struct kt_opts *o, int sig);
bool kt_death_shown(const struct kt_opts *o, int sig);

/* golden.c */
int ktrace_golden(struct kt_opts *o, const char *expect);

/* syscalls.c */
const char *ktrace_abi_name(enum ktrace_cli_abi abi);
int ktrace_abi_parse(const char *name);
const char *ktrace_syscall_name(enum ktrace_cli_abi abi, unsigned int nr);
int ktrace_syscall_number(enum ktrace_cli_abi abi, const char *name);
unsigned int ktrace_syscall_count(enum ktrace_cli_abi abi);
int ktrace_cmd_syscalls(int argc, char **argv);

/* Per-syscall calls, errors and time, for -c and -C. */
struct kt_count {
	unsigned long long calls, errors, ns;
	unsigned long long min_ns, max_ns;	/* when kt_counts.minmax */
};

struct kt_counts {
	bool valid;
	bool minmax;	/* counted from the events: min_ns and max_ns are set */
	struct kt_count c[KTRACE_ABI_COUNT][KTRACE_NR_MAX];
};

/* device.c */
struct kt_dev_reader;

int ktrace_dev_open(void);
int ktrace_dev_version(int fd, struct ktrace_version *v);
int kt_dev_configure(int fd, const struct ktrace_config *c);
/* The module's parameter @name (ring_size, snaplen, ...), or 0. */
unsigned int kt_dev_param(const char *name);
int kt_dev_pid(int fd, pid_t pid, unsigned int flags, bool add);
bool kt_proc_zombie(pid_t pid, int *ppid);
int kt_proc_leader_exited(pid_t pid);
bool kt_proc_kthread(pid_t pid);
bool kt_proc_stopped(pid_t pid);
bool kt_proc_dead(pid_t pid);
/*
 * The threads of process @pid, by id in ascending order, in *@tids to
 * free(): their number, 0 when /proc does not say or memory ran out.
 */
unsigned int kt_proc_threads(pid_t pid, pid_t **tids);
void kt_dev_pid_drop(int fd, pid_t tgid);
int kt_dev_pid_follow(int fd, pid_t tgid);
int kt_dev_set_syscalls(int fd, const struct ktrace_syscalls *s);
int kt_dev_get_class(int fd, struct ktrace_class *c);
int kt_dev_set_status(int fd, const struct ktrace_status *s);
int kt_dev_enable(int fd);
int kt_dev_disable(int fd);
int kt_dev_syscall_stats(int fd, struct ktrace_syscall_stats *st);
int kt_dev_stats(int fd, struct ktrace_stats *st);
int kt_dev_counts(int fd, struct kt_counts *c);
int kt_dev_nr_cpus(int fd);
int kt_dev_procs(int fd, bool next, struct ktrace_proc_count **out,
		 size_t *n, struct ktrace_proc_stats *q);
int kt_dev_tasks(int fd, unsigned int select, pid_t tgid, uint64_t min_ns,
		 struct ktrace_task **out, size_t *n, uint64_t *now);
struct kt_dev_reader *kt_dev_reader_new(int fd);
void kt_dev_reader_free(struct kt_dev_reader *r);
bool kt_dev_reader_mapped(const struct kt_dev_reader *r);
int kt_dev_reader_batch(struct kt_dev_reader *r,
			const struct ktrace_rec_hdr *const **recs, size_t *n,
			bool *eof);
void kt_dev_reader_done(struct kt_dev_reader *r);
bool kt_dev_reader_full(const struct kt_dev_reader *r);
size_t kt_dev_reader_ring_size(const struct kt_dev_reader *r);

/* pace.c: how long the reader naps after a batch */
struct kt_pace {
	int64_t since;		/* when the last nap began */
	size_t bytes;		/* taken in the batches since */
};

int64_t kt_pace_nap(size_t bytes, int64_t elapsed, size_t ring_size);
void kt_pace_start(struct kt_pace *p, int64_t now);
int64_t kt_pace_batch(struct kt_pace *p, size_t bytes, bool full,
		      int64_t now, size_t ring_size);

/* out.c: buffered output, written once per batch */
struct kt_out {
	int fd;
	char *name;		/* for messages */
	char *buf;
	size_t len, cap;
	bool tty;		/* written at every newline */
	bool own;		/* kt_out_close() closes fd */
	pid_t pid;		/* -o '|COMMAND': COMMAND, to wait for */
	bool dirty;		/* on the list of outputs to write */
	struct kt_out *next;
};

extern bool kt_out_append;		/* -A: open output files to append */
int kt_out_open(struct kt_out *o, const char *path);
int kt_out_open_file(struct kt_out *o, const char *path, bool append);
void kt_out_fd(struct kt_out *o, int fd, const char *name);
bool kt_same_file(int fd, const char *path);
void kt_out_write(struct kt_out *o, const void *p, size_t n);
void kt_out_puts(struct kt_out *o, const char *s);
__printf(2, 3) void kt_out_printf(struct kt_out *o, const char *fmt, ...);
int kt_out_flush(struct kt_out *o);
int kt_out_flush_all(void);
int kt_out_close(struct kt_out *o);
int kt_out_error(void);
void kt_out_stop(int err);

/* pidmap.c: thread id -> pointer */
struct kt_pidmap {
	struct kt_pidmap_slot {
		pid_t pid;
		void *val;	/* NULL: free */
	} *slot;
	unsigned int cap, n;
};

void *kt_pidmap_get(const struct kt_pidmap *m, pid_t pid);
/* Adds an entry, even for a @pid it has: kt_pidmap_del() it first. */
int kt_pidmap_put(struct kt_pidmap *m, pid_t pid, void *val);
void kt_pidmap_del(struct kt_pidmap *m, pid_t pid);
void kt_pidmap_each(const struct kt_pidmap *m,
		    void (*fn)(void *ctx, void *val), void *ctx);
void kt_pidmap_free(struct kt_pidmap *m);
/* qsort() of pid_t, ascending */
int kt_pid_cmp(const void *a, const void *b);

/*
 * pidns.c: --decode-pids=pidns.  kt_pidns_ours() is the id in ktrace's
 * namespace of the task that task @task (an id in ours) calls @id, when
 * @task's namespace is another one and /proc knows it; else 0.
 */
struct kt_pidns;
struct kt_pidns *kt_pidns_new(void);
void kt_pidns_free(struct kt_pidns *c);
int kt_pidns_ours(struct kt_pidns *c, pid_t task, int id);
/* A fork record: task @ours is @id in namespace @ns (its inode). */
void kt_pidns_fork(struct kt_pidns *c, pid_t ours, int id, uint64_t ns);

/* filters.c: -e trace=, -e status= and the events, set in the kernel */
unsigned int kt_snaplen(const struct kt_opts *o, unsigned int max);
int kt_filters_apply(int fd, const struct kt_opts *o, bool record);
int kt_filters_report(const struct kt_opts *o);
int kt_filters_check(const struct kt_opts *o);
/* Class @cls (without its '%') by its name in the lists: "net" is "network". */
const char *kt_class_canon(const char *cls);
/*
 * The syscalls of strace's class @cls (without its '%'; "net" as
 * "network"), by name, from the module's lists (syscall-classes.def): the
 * next from entry *@i on (0 first), or NULL after the last.
 */
const char *kt_class_next(const char *cls, size_t *i);
/*
 * The calls recorded for the descriptor tables only, hidden from every
 * output (and from -c's counts, which kt_filters_counts() clears).
 */
bool kt_filters_hidden_slow(unsigned int abi, unsigned int nr);
void kt_filters_hide(unsigned int abi, unsigned int nr);
void kt_filters_counts(struct kt_counts *c);
/* Does the session record calls @nr of @abi (KTRACE_ABI_*)? */
bool kt_filters_traced(unsigned int abi, unsigned int nr);
/*
 * KT_STATUS_* of the calls shown when the command applies -e status=
 * (with -y or -P, and in recordings), both when it shows all.
 */
void kt_filters_set_status(unsigned int status);
/* Likewise --min-duration: the shortest call shown, in ns; 0 for all. */
void kt_filters_set_min_duration(unsigned long long ns);

/* Asked of every call: inline, and one test when no call is hidden. */
extern bool kt_filters_some_hidden;
extern unsigned int kt_filters_shown_status;
extern unsigned long long kt_filters_shown_min_ns;

static inline bool kt_filters_hidden(unsigned int abi, unsigned int nr)
{
	return kt_filters_some_hidden && kt_filters_hidden_slow(abi, nr);
}

static inline unsigned int kt_filters_status(void)
{
	return kt_filters_shown_status;
}

static inline unsigned long long kt_filters_min_duration(void)
{
	return kt_filters_shown_min_ns;
}

/*
 * Do the options show calls only once they end (-e status=,
 * --min-duration), whether the module or the command filters them?
 */
static inline bool kt_opts_at_end(const struct kt_opts *o)
{
	return o->status != KT_STATUS_ALL || o->min_duration_ns;
}

/* Does the command show calls only once they end (status, duration)? */
static inline bool kt_filters_at_end(void)
{
	return kt_filters_shown_status != KT_STATUS_ALL ||
	       kt_filters_shown_min_ns;
}

/* summary.c: -c and -C's table */
void kt_summary(struct kt_out *out, const struct kt_opts *o,
		const struct kt_counts *c);
/* Does -c's table need each call's time (-U or -S min-time, max-time)? */
bool kt_summary_needs_minmax(const struct kt_opts *o);
/* -U and -S: a column by one of strace's names, or KT_COL_END */
enum kt_col kt_summary_column(const char *name, size_t len);
struct kt_event;
/* A syscall event counted, as -c counts when the session's are not at hand */
void kt_count_syscall(struct kt_counts *c, const struct kt_event *e);

/* names.c: names and numbers printed alike by every stage */
struct kt_buf;
enum ktrace_cli_abi kt_cli_abi(unsigned int abi);	/* KTRACE_ABI_* */
const char *kt_sc_name(enum ktrace_cli_abi abi, unsigned int nr,
		       char buf[24]);			/* or "syscall_0x..." */
const char *kt_sys_name(unsigned int abi, unsigned int nr, char buf[24]);
const char *kt_sig_name(int sig, char buf[16]);		/* or its number */
/* "S.UUUUUU", the seconds right-aligned in width columns */
void kt_buf_frac(struct kt_buf *b, uint64_t ns, unsigned int digits);
void kt_buf_secs(struct kt_buf *b, uint64_t ns, int width,
		 unsigned int digits);
/* JSON: valid UTF-8 through, other bytes as \udcXX; n -1: to the NUL */
void kt_buf_json_str(struct kt_buf *b, const char *s, size_t n);
const char *kt_sigcode_name(int sig, int code, char buf[16]);
void kt_buf_siginfo(struct kt_buf *b, int sig, int code,
		    const struct ktrace_siginfo *si);	/* ", si_pid=..." */
const char *kt_proc_fd_path(pid_t tgid, int fd);	/* -y, or NULL */
/* /proc/PID/FILE into @buf, NUL-terminated: its length, or -1. */
ssize_t kt_proc_read(pid_t pid, const char *file, char *buf, size_t size);
/* Is thread @tid inside syscall @nr now (/proc/TID/syscall)? */
bool kt_proc_in_syscall(pid_t tid, unsigned int nr);
pid_t kt_proc_tgid(pid_t pid);	/* its process's id in /proc, or 0 */

/* events-fd.c */
/*
 * Does netlink_diag answer here (asked once, which may load it, as
 * strace's first netlink socket would)?  strace decodes a netlink
 * protocol's messages only then.  A report says what the recording's
 * machine answered (kt_netlink_diag_set()).
 */
bool kt_netlink_diag(void);
void kt_netlink_diag_set(bool answers);

/* Whose records a stream holds. */
struct kt_target {
	bool live;		/* a session, not a recording: /proc is there */
	pid_t child;		/* the command ktrace started, or 0 */
	const int *pids;	/* -p, as given */
	/*
	 * Each one as traced: with -f the process of a thread given, whose
	 * every thread is traced, as strace attaches them all.
	 */
	const int *ids;
	const unsigned int *nthreads;	/* each one's threads at attach */
	unsigned int npids;
	int64_t mono_to_real;	/* CLOCK_REALTIME - CLOCK_MONOTONIC, ns */
};

/* How a stream ended, beyond its records. */
struct kt_end {
	bool child_reaped;
	int child_status;	/* its wait status, when reaped */
	bool have_stats;
	struct ktrace_stats stats;	/* the session's, when have_stats */
	const struct kt_counts *counts;	/* the session's, or NULL */
	uint64_t end_ts;		/* when the session ended, or 0 */
	/*
	 * The trace ended while tasks it traced lived (ktrace interrupted,
	 * --syscall-limit): they are detached, as strace detaches them; the
	 * -p targets' threads alive, to be said detached, in @detached.
	 */
	bool detach;
	const pid_t *detached;
	unsigned int ndetached;
	/* A recording that ended before its end record: not whole. */
	bool cut_off;
};

/*
 * The records lost in all: @seen, the LOSS records' sum, or the
 * session's count when larger (a loss no record came after to report).
 */
static inline uint64_t kt_end_lost(const struct kt_end *e, uint64_t seen)
{
	uint64_t n = e->stats.lost_full + e->stats.lost_nest;

	return e->have_stats && n > seen ? n : seen;
}

/* events.c: is a record shorter than its type's, of a type known? */
bool kt_rec_short(const struct ktrace_rec_hdr *h);
bool kt_rec_known(const struct ktrace_rec_hdr *h);

/* qualify.c: a syscall set of -e trace=, raw=, abbrev=, verbose= */
struct kt_sysset {
	uint64_t bits[KTRACE_ABI_COUNT][KTRACE_SYSCALL_WORDS];
};

void kt_sysset_set(struct kt_sysset *s, int abi, unsigned int nr);
int kt_sysset_parse(const char *what, const char *spec, struct kt_sysset *s,
		    int (*dev_class)(void *ctx, struct kt_sysset *s,
				     const char *name),
		    void *ctx);

/*
 * timeline.c: records to events to the sink the options chose: strace's
 * lines, --json's, --perfetto's or --svg's file.
 */
struct kt_timeline;

struct kt_timeline *kt_timeline_new(const struct kt_opts *o,
				    const struct kt_target *tg,
				    struct kt_out *out);
int kt_timeline_feed(struct kt_timeline *tl, const struct ktrace_rec_hdr *h);
unsigned long long kt_timeline_ncalls(const struct kt_timeline *tl);
/* The end of a batch of records: the text's open line shows. */
void kt_timeline_idle(struct kt_timeline *tl);
void kt_timeline_attach(struct kt_timeline *tl, pid_t pid);
void kt_timeline_seed(struct kt_timeline *tl, int fd, pid_t pid,
		      uint64_t t0);
/* A -p thread in a group stop at attach (kt_events_stopped()) */
int kt_timeline_stopped(struct kt_timeline *tl, const struct ktrace_rec_hdr *h,
			int sig, int nr, unsigned int abi);
/* report: a seed of the file (kt_events_seed_enter()), and those open */
int kt_timeline_seed_enter(struct kt_timeline *tl,
			   const struct ktrace_rec_sys_enter *en);
void kt_timeline_seeds_open(struct kt_timeline *tl, const pid_t *tids,
			    unsigned int n);
void kt_timeline_finish(struct kt_timeline *tl, const struct kt_end *e);
void kt_timeline_free(struct kt_timeline *tl);

/* tips.c: --tips */
int kt_tips_parse(struct kt_opts *o, const char *spec);
void kt_tips_due(bool due);
void kt_tips_print(const struct kt_opts *o);

/* run.c: a live session, traced or recorded */
int kt_trace(const struct kt_opts *o);
int kt_run(const struct kt_opts *o, struct kt_out *out, bool record, int fd);
int kt_exit(int status);
int kt_exit_status(pid_t child, bool reaped, int status, int sig);
void kt_catch_fatal(void (*handler)(int), bool block);
/* Fork @argv stopped before its execve; an exec's errno comes on err[0]. */
pid_t kt_start_stopped(char **argv, const struct kt_opts *o, int err[2]);

/* record.c: ktrace record and ktrace report */
int ktrace_cmd_record(int argc, char **argv);
int ktrace_cmd_report(int argc, char **argv);
int kt_record_begin(struct kt_out *out, int fd, const struct kt_opts *o,
		    const struct kt_target *tg);
int kt_record_end(struct kt_out *out, const struct kt_end *e,
		  uint64_t end_ts);
int kt_record_seed(struct kt_out *out, int fd, const struct kt_opts *o,
		   pid_t pid, uint64_t t0);

/* views.c and cmd-*.c: the process lifecycle views */
struct kt_buf;
const char *kt_view_dur(char *buf, size_t len, uint64_t ns);
const char *kt_view_status(char *buf, size_t len, int status);
pid_t kt_view_pid(const char *view, const char *s);

#define KT_VIEW_MAX_OPTS	8
struct option;
struct kt_view_opts {
	const char *view;		/* "hung": the subcommand, for messages */
	void (*usage)(FILE *f);
	const char *shortopts;		/* the view's own; NULL for none */
	const struct option *longopts;	/* the view's own, ended by a zeroed one */
	int (*opt)(void *ctx, int c, const char *arg);	/* 0, or -1 said */
	void *ctx;
	bool command;			/* takes COMMAND or -p PID */
	bool no_json;			/* writes no JSON: no --json */
	/* out */
	pid_t pid;			/* -p, or 0 */
	bool json;			/* --json */
	char **argv;			/* the COMMAND, argc words */
	int argc;
};

int kt_view_options(struct kt_view_opts *o, int argc, char **argv);
double kt_view_interval(const char *view, const char *s, double min);
double kt_view_count(const char *view, const char *s);
int kt_view_flush(void);
double kt_view_number(const char *s);
uint64_t kt_view_now(void);
int kt_view_by_off_cpu(const void *a, const void *b);
pid_t kt_view_ppid(pid_t pid);
void kt_view_syscall(struct kt_buf *b, const struct ktrace_task *t);
/*
 * The enter record the module would have made for the call the task of
 * @k is blocked in, at @ts, with its in blobs (what its pointer arguments
 * point to) read from the task's memory now: in @buf, KT_TASK_ENTER_MAX
 * bytes, 8-byte aligned.  ktrace hung prints it; -p seeds the calls it
 * finds in flight with it.
 */
#define KT_TASK_BLOBS		6
#define KT_TASK_ENTER_MAX	2048
struct ktrace_rec_sys_enter *kt_task_enter(const struct ktrace_task *k,
					   uint64_t ts, void *buf);
/* The record header of @k at @ts, its type and size zero. */
void kt_task_hdr(const struct ktrace_task *k, uint64_t ts,
		 struct ktrace_rec_hdr *h);
/*
 * -p PID: what its traced threads (with @group, a process's every thread;
 * else the thread PID) are in once the session records them, by a task
 * snapshot taken after KTRACE_IOC_ENABLE began at @t0.  @fn gets each
 * thread in a syscall that -e trace= keeps (KT_ATTACH_CALL), with
 * KT_ATTACH_BLOCKED when it has not run since before @t0: it entered the
 * call before the session began, and no record will give the entry,
 * which the caller may show now; otherwise the entry may be in a ring
 * yet.  And each thread in a group stop (KT_ATTACH_STOPPED, ABI 1.21:
 * k->exit_code is its signal), in a call or not.  A thread a snapshot
 * misses, being on a CPU then, is looked for in a few more, 2 ms apart.
 * @t0 0: one snapshot taken before the session began, which gives the
 * calls (KT_ATTACH_CALL) alone, for the exits of those that return
 * before the snapshot after it is taken.  0, or -1 if the module has no
 * snapshot (ABI < 1.4) or it failed.
 */
#define KT_ATTACH_CALL		0x1
#define KT_ATTACH_BLOCKED	0x2
#define KT_ATTACH_STOPPED	0x4
typedef int (*kt_call_fn)(void *ctx, const struct ktrace_task *k,
			  unsigned int how, uint64_t now);
int kt_attach_calls(int fd, pid_t pid, bool group, uint64_t t0, kt_call_fn fn,
		    void *ctx);
void kt_json_string(FILE *f, const char *s);
int ktrace_cmd_zombies(int argc, char **argv);
int ktrace_cmd_tree(int argc, char **argv);
int ktrace_cmd_signals(int argc, char **argv);
int ktrace_cmd_top(int argc, char **argv);

/* views-run.c: the session of a view that follows a command or process */
struct kt_view_run {
	unsigned int events;		/* KTRACE_EV_* */
	const char *const *syscalls;	/* with KTRACE_EV_SYSCALL, NULL-ended */
	char **argv;			/* the command, or none */
	int argc;
	pid_t pid;			/* -p, or 0 */
	void (*feed)(void *ctx, const struct ktrace_rec_hdr *h);
	/*
	 * -p, or NULL: the process, then each of its descendants from before
	 * the view (followed too), parents first, before any record
	 */
	void (*seed)(void *ctx, pid_t pid, pid_t ppid);
	void *ctx;
	/* out */
	uint64_t start_ns, end_ns;	/* CLOCK_MONOTONIC */
	pid_t child;
	bool child_reaped;		/* child_status is its wait status */
	int child_status;
};

int kt_view_run(struct kt_view_run *v);
bool kt_view_self(pid_t pid);
int ktrace_cmd_hung(int argc, char **argv);

/* hexdump.c: -e read= and -e write=, strace's hex dumps of I/O */
int kt_fdset_parse(struct kt_fdset *s, const char *what, const char *spec);
bool kt_fdset_has(const struct kt_fdset *s, int fd);
struct kt_syscall;
void kt_hexdump(struct kt_buf *b, const uint8_t *p, size_t stored,
		uint64_t len);
void kt_dump_io(struct kt_buf *b, const struct kt_syscall *sc,
		const struct kt_opts *o);
void kt_dump_io_out(struct kt_out *out, const struct kt_syscall *sc,
		    const struct kt_opts *o);

/* ktrace.c */
__printf(1, 2) void ktrace_err(const char *fmt, ...);

/*
 * Where blob @b of the record at @h lies: in a record with
 * KTRACE_RF_LONG (ABI 1.10) the offset counts 8-byte units and the
 * length's bits 16-23 are in the flags.
 */
static inline uint32_t kt_blob_off(const struct ktrace_rec_hdr *h,
				   const struct ktrace_blob *b)
{
	return h->flags & KTRACE_RF_LONG ? (uint32_t)b->offset * 8 :
					   b->offset;
}

static inline uint32_t kt_blob_len(const struct ktrace_rec_hdr *h,
				   const struct ktrace_blob *b)
{
	return h->flags & KTRACE_RF_LONG ?
	       b->len | (uint32_t)(b->flags & KTRACE_BF_LEN_HI) << 8 : b->len;
}

/* Does blob @b lie within the record at @h? */
static inline bool kt_blob_inside(const struct ktrace_rec_hdr *h,
				  const struct ktrace_blob *b)
{
	return (uint64_t)kt_blob_off(h, b) + kt_blob_len(h, b) <= h->size;
}

#endif /* KTRACE_CLI_H */
