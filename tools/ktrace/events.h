/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace(1): the events stage of sources -> events -> sinks.  The module's
 * raw records, from the device or a recording, become typed events per
 * task: a syscall once it returned (enter and exit paired, with its
 * duration) or once the trace ended with it still in flight, fork, exec,
 * exit, reap, signal generate and deliver, loss.  A sink gets them through
 * one callback and knows nothing of records.
 *
 * A sink that prints a call at its entry, as strace does (sink-text.c),
 * asks for the entries too (kt_events_want_enter()) and keeps its own data
 * per task in the stage's table (struct kt_event.priv).  The stage also
 * keeps each process's table of file descriptors, from the calls that
 * open, duplicate and close them, for -y and -P (kt_events_fd_path()).
 */
#ifndef KTRACE_EVENTS_H
#define KTRACE_EVENTS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include "ktrace.h"

struct kt_syscall;
struct kt_blob;

enum kt_ev_type {
	KT_EV_SYSCALL,
	KT_EV_FORK,
	KT_EV_EXEC,
	KT_EV_EXIT,
	KT_EV_REAP,
	KT_EV_SIGNAL_GENERATE,
	KT_EV_SIGNAL_DELIVER,
	KT_EV_LOSS,
	/* -p: a thread found in a group stop at attach (stop) */
	KT_EV_STOPPED,
	/* A syscall entered: sys.enter, nothing of the exit yet. */
	KT_EV_SYSCALL_ENTER,	/* with kt_events_want_enter() only */
};

/* struct kt_event.sys.end */
enum kt_sys_end {
	KT_SYS_RETURNED,	/* the exit record came: ret is valid */
	KT_SYS_NO_RETURN,	/* the task exited in it (exit, exit_group) */
	KT_SYS_IN_FLIGHT,	/* the trace ended before it returned */
};

/*
 * One event.  ts is CLOCK_MONOTONIC in ns; for a syscall, when it
 * entered.  pid and tgid are the task the event happened to (the sender
 * for a signal generated, the reaped task for a reap).  Strings point
 * into the record or the task table and live until the callback returns.
 */
struct kt_event {
	enum kt_ev_type type;
	uint64_t ts;
	pid_t pid, tgid;
	unsigned int cpu;
	const char *comm;
	/*
	 * kt_events_want_enter(): the sink's data for the task the event
	 * happened to, kept in the stage's table; NULL for a loss or reap.
	 */
	void **priv;
	union {
		struct {
			unsigned int nr, abi;	/* KTRACE_ABI_* */
			enum kt_sys_end end;
			bool enter_seen;	/* args are valid */
			uint64_t dur;		/* ns, to the return or end */
			int64_t ret;
			uint64_t args[6];
			/* The records, with their blobs; NULL when unseen. */
			const struct ktrace_rec_sys_enter *enter;
			const struct ktrace_rec_sys_exit *exit;
		} sys;
		struct {
			pid_t child_pid, child_tgid;
			bool thread;		/* a new thread, same group */
			uint64_t clone_flags;
			/* its id in its PID namespace, which; 0 unknown */
			pid_t child_vpid;
			uint32_t child_pidns;
		} fork;
		struct {
			pid_t old_pid;
			const char *filename;	/* or NULL */
		} exec;
		struct {
			int code;		/* raw wait status */
			int status, signal;	/* exit status, or signal */
			bool core, group_dead;
			bool exec;	/* ended by another thread's exec */
		} exit;
		struct {
			int code;		/* raw wait status */
		} reap;
		struct {
			int sig, code, result;	/* generate: KTRACE_SIG_* */
			pid_t target_pid, target_tgid;	/* generate */
			const char *target_comm;	/* generate */
			bool group;		/* generate: to the group */
			bool continued;		/* generate: SIGCONT to a stopped group */
			bool group_exit;	/* generate: to a group exiting */
			unsigned int action;	/* deliver: KTRACE_SIGACT_* */
			/* The siginfo fields (ABI 1.4), or NULL. */
			const struct ktrace_siginfo *si;
			/* deliver, KTRACE_CFG_IP (ABI 1.8): the user IP */
			bool has_ip;
			uint64_t ip;
		} sig;
		struct {
			uint64_t lost;
			uint64_t first_ts, last_ts;	/* of the lost */
		} loss;
		struct {
			int sig;		/* of the group stop */
			int nr;			/* the call it is in, or -1 */
			unsigned int abi;	/* KTRACE_ABI_* of nr */
		} stop;
	};
};

typedef void (*kt_event_fn)(void *ctx, const struct kt_event *e);

struct kt_events;

struct kt_events *kt_events_new(kt_event_fn fn, void *ctx);
/* One record; -1 when it is malformed. */
int kt_events_feed(struct kt_events *ev, const void *rec);
struct ktrace_task;
int kt_events_seed(struct kt_events *ev, const struct ktrace_task *k,
		   uint64_t now);
/*
 * A -p thread (@h: its ids, name and the snapshot's time) was found in a
 * group stop of signal @sig, in syscall @nr (-1: none) of @abi: a
 * KT_EV_STOPPED event.
 */
int kt_events_stopped(struct kt_events *ev, const struct ktrace_rec_hdr *h,
		      int sig, int nr, unsigned int abi);
/* The same, of the entry kt_task_enter() built (report: from the file). */
int kt_events_seed_enter(struct kt_events *ev,
			 const struct ktrace_rec_sys_enter *en);
/*
 * report: the seeded threads whose call was still in flight when the
 * recording ended, which the end's /proc said: @tids sorted (kt_pid_cmp()),
 * and the caller's until kt_events_free().
 */
void kt_events_seeds_open(struct kt_events *ev, const pid_t *tids,
			  unsigned int n);
/* The calls still in flight at end_ts, then nothing more. */
void kt_events_finish(struct kt_events *ev, uint64_t end_ts);
void kt_events_free(struct kt_events *ev);

/*
 * For a sink that prints calls at their entry: KT_EV_SYSCALL_ENTER events,
 * and a pointer of its own per task (struct kt_event.priv), given to
 * free_priv(ctx, priv) when the stage forgets the task (at its reap, or
 * at kt_events_free()).  kt_events_priv() is the pointer of any task by
 * thread id; with create, the task is made when not seen yet.
 */
void kt_events_want_enter(struct kt_events *ev,
			  void (*free_priv)(void *ctx, void *priv), void *ctx);
void **kt_events_priv(struct kt_events *ev, pid_t pid, bool create);
/* fn(ctx, priv) for every task that has one; fn adds and removes none. */
void kt_events_each_priv(struct kt_events *ev,
			 void (*fn)(void *ctx, void *priv), void *ctx);

/*
 * The file descriptor tables (events-fd.c), kept from the trace: opens,
 * duplicates, closes, exec's close-on-exec, fork's copy, CLONE_FILES and
 * threads sharing one.  Kept once a sink asks for them:
 * KT_FDS_PROC: the session is live, a descriptor the trace has not seen
 * opened (it was before the trace started) is looked up in /proc;
 * KT_FDS_SOCKETS (-yy): a socket shows its protocol and addresses, from
 * /proc/net, when they can be found there;
 * KT_FDS_DEVS (-yy): a character or block device's path is followed by
 * its numbers, "/dev/null<char 1:3>", in a live session only (a
 * recording does not say what its paths were when it was made).
 */
#define KT_FDS_TRACK	0x1
#define KT_FDS_PROC	0x2
#define KT_FDS_SOCKETS	0x4
#define KT_FDS_DEVS	0x8
#define KT_FDS_DEV_ONLY	0x10	/* --decode-fds=dev, pidfd: no plain paths */
#define KT_FDS_BEFORE	0x20	/* kt_fdtab_path(): the state before the call */
#define KT_FDS_PIDFD	0x40	/* -yy: a pidfd prints as "pid:PID" */
/*
 * KT_FDS_LIGHT: no path is asked for (no -y): the tables keep what is
 * open, close-on-exec and each socket's family, resolve no path and ask
 * /proc nothing but, with KT_FDS_ASK (a live session), the family of a
 * socket from before the trace when kt_events_fd_family() wants it.
 */
#define KT_FDS_LIGHT	0x80
#define KT_FDS_ASK	0x100
void kt_events_track_fds(struct kt_events *ev, unsigned int flags);
/*
 * Without -y: light tables for the sockets' families (KT_FDS_LIGHT, with
 * KT_FDS_ASK in a live session); but when the module drops calls by
 * their status (-z, -Z, -e status= live without -y), the calls that make
 * and close descriptors are not all seen: no tables, /proc asked each
 * time.
 */
void kt_events_track_families(struct kt_events *ev, const struct kt_opts *o,
			      bool live);
/*
 * fn(ctx) before a syscall exit that the sink is not shown (a hidden
 * call, a status filter) changes a descriptor table: a sink that keeps a
 * call's text for later writes it as its entry saw the tables.
 */
void kt_events_on_hidden(struct kt_events *ev, void (*fn)(void *ctx),
			 void *ctx);
struct kt_opts;
/* The KT_FDS_* flags -y, -yy, --decode-fds and -P ask for. */
unsigned int kt_fds_flags(const struct kt_opts *o, bool live);
/*
 * pid is the command this process forked to trace (stopped before its
 * execve): its table starts as ours, while the command may be gone by
 * the time its first record is read.
 */
void kt_events_inherit(struct kt_events *ev, pid_t pid);
/*
 * pid is a process ktrace attached to (-p): its descriptors and what its
 * sockets are, read from /proc now, while it is there to ask (a socket's
 * family decides how its messages print, with or without -y).
 */
void kt_events_attach(struct kt_events *ev, pid_t pid);
/*
 * The path of fd in the table of task pid, as strace's -y prints it (or
 * the working directory for AT_FDCWD), or NULL.  During the event of a
 * call that returned, a descriptor it made (its result, pipe's pair...)
 * shows what it is after the call, any other what it was before: a call's
 * arguments show what they were when it ran (close's too), its result
 * what it made.
 */
const char *kt_events_fd_path(struct kt_events *ev, pid_t pid, int fd);
/*
 * As kt_events_fd_path(), but what fd was before the call even when the
 * call made it: dup2's and dup3's new descriptor, which strace prints as
 * it was when the call entered.
 */
const char *kt_events_fd_path_before(struct kt_events *ev, pid_t pid, int fd);
/*
 * The address family (AF_NETLINK...) of socket fd of task pid, from the
 * socket() call that made it (or the listener it was accepted from, the
 * descriptor it duplicates), in a live session from /proc for one from
 * before the trace; 0 when not known or not a socket.
 */
int kt_events_fd_family(struct kt_events *ev, pid_t pid, int fd);
/*
 * The netlink protocol of socket fd of task pid where strace would know
 * it (netlink_diag answers), as kt_events_fd_family() finds a family; -1
 * when not.
 */
int kt_events_fd_nlproto(struct kt_events *ev, pid_t pid, int fd);

/*
 * -Y: the name of task pid as the trace knows it at time ts: its last
 * record's, until its reap; a task reaped before ts has none.  With proc
 * (a live session), a task the trace never saw is looked up once in
 * /proc/PID/comm.  kt_events_track_comms() keeps the names of the tasks
 * reaped for that.
 */
void kt_events_track_comms(struct kt_events *ev, bool proc);
const char *kt_events_comm(struct kt_events *ev, pid_t pid, uint64_t ts);

/*
 * The time a returned call took, in ns (-T): the module's, or, for a call
 * whose entry the module did not see but ktrace did (-p of a thread
 * blocked since before the attach), since that entry, as strace times the
 * call its attach restarts.  KTRACE_DURATION_UNKNOWN when neither knows.
 */
uint64_t kt_event_duration(const struct kt_event *e);

/*
 * A syscall event as the strace text decoders take it: its arguments,
 * result and the blobs of both records.  argv holds KT_ARGV_MAX strings
 * for execve's.
 */
#define KT_ARGV_MAX	64
void kt_event_syscall(const struct kt_event *e, struct kt_syscall *sc,
		      struct kt_blob *argv);
/* Fill sc's blobs from one record's blob table (sink-text.c too). */
void kt_sc_take_blobs(struct kt_syscall *sc, struct kt_blob *argv,
		      const void *rec, const struct ktrace_blob *blobs,
		      unsigned int n, uint32_t size);

/* Between events.c and events-fd.c, the table of one or more tasks. */
struct kt_fdtab;
struct kt_fdtab *kt_fdtab_new(void);
struct kt_fdtab *kt_fdtab_get(struct kt_fdtab *t);	/* one more user */
unsigned int kt_fdtab_refs(const struct kt_fdtab *t);	/* its users */
struct kt_fdtab *kt_fdtab_copy(const struct kt_fdtab *t);	/* fork */
void kt_fdtab_put(struct kt_fdtab *t);			/* one user less */
void kt_fdtab_exec(struct kt_fdtab *t);		/* close-on-exec */
void kt_fdtab_snapshot(struct kt_fdtab *t, pid_t tgid);	/* from /proc */
/* A call returned (e): what it will change, pending until applied. */
void kt_fdtab_prepare(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		      const struct kt_event *e);
void kt_fdtab_apply(struct kt_fdtab *t);
/* Does syscall nr of abi (KTRACE_ABI_*) change a table? (filters.c) */
bool kt_fdtab_changes(unsigned int abi, unsigned int nr);
const char *kt_fdtab_path(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
			  int fd);
int kt_fdtab_family(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		    int fd);
int kt_proc_family(pid_t tgid, int fd);	/* what /proc says now, or 0 */
/*
 * A netlink socket's protocol (NETLINK_ROUTE...): from its socket() call,
 * for one from before the trace from /proc/net/netlink; -1 when not known
 * or not a netlink socket.
 */
int kt_fdtab_nlproto(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		     int fd);
/* What /proc says now, or -1; whether the socket is bound, in @bound. */
int kt_proc_nlproto(pid_t tgid, int fd, bool *bound);

#endif /* KTRACE_EVENTS_H */
