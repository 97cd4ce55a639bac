/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace: a session's in-kernel filters (filter.c), and the checks the
 * probes make, inline so that a filtered-out event costs a few loads.
 */
#ifndef _KTRACE_FILTER_H
#define _KTRACE_FILTER_H

#include <linux/bitops.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/types.h>

#include <linux/ktrace.h>

struct ktrace_filter {
	/* PID filter: see filter.c; NULL until first used */
	bool pid_filter;
	unsigned int pid_bits;
	unsigned long *tids, *tgids, *ftids, *ftgids;
	unsigned long *exited;		/* left at exit, reap not yet seen */
	/* the opener's thread group, and the one not traced (0: none) */
	pid_t owner_tgid;
	pid_t exclude_tgid;
	/* KTRACE_EV_* kinds of events recorded */
	u32 events;
	/* KTRACE_STATUS_* (0: any) and minimum duration, checked at exit */
	u32 status;
	u32 status_flags;	/* KTRACE_STATUS_KEEP_ARGS */
	u64 min_duration_ns;
	/* traced syscalls, per ABI */
	DECLARE_BITMAP(syscalls[KTRACE_ABI_COUNT], KTRACE_NR_MAX);
};

void ktrace_filter_init(struct ktrace_filter *f, pid_t exclude_tgid);
void ktrace_filter_free(struct ktrace_filter *f);
int ktrace_filter_pid(struct ktrace_filter *f, pid_t vnr, u32 flags,
		      bool add);
void ktrace_filter_fork(struct ktrace_filter *f, struct task_struct *parent,
			struct task_struct *child);
void ktrace_filter_exec(struct ktrace_filter *f, pid_t old_pid,
			struct task_struct *task);
void ktrace_filter_exit(struct ktrace_filter *f, struct task_struct *task,
			bool group_gone);
void ktrace_filter_reap(struct ktrace_filter *f, struct task_struct *task);

void ktrace_filter_listed(struct ktrace_filter *f);
void ktrace_filter_unlisted(struct ktrace_filter *f);
void ktrace_filter_cleanup(void);

/* The superset of every session's tids and tgids: see filter.c. */
extern const unsigned long *ktrace_maybe_pids;

/*
 * May a session trace @task?  False only when none does: every session on
 * the list has a PID filter, and none has @task's tid or tgid in it.  The
 * two words are read and tested as one, for one branch.
 */
static __always_inline bool ktrace_filter_maybe(const struct task_struct *task)
{
	/* Pairs with the release in ktrace_maybe_publish(). */
	const unsigned long *maybe = smp_load_acquire(&ktrace_maybe_pids);
	unsigned int tid = task->pid, tgid = task->tgid;

	if (!maybe)
		return true;
	return ((READ_ONCE(maybe[BIT_WORD(tid)]) >> (tid % BITS_PER_LONG)) |
		(READ_ONCE(maybe[BIT_WORD(tgid)]) >> (tgid % BITS_PER_LONG))) &
	       1;
}

/* Serializes the exits of one thread group, and PID_ADD against them. */
raw_spinlock_t *ktrace_group_lock(const struct signal_struct *sig);

/* probes.c: the task probes stay attached while a PID filter exists. */
int ktrace_probes_filter_get(void);
void ktrace_probes_filter_put(void);

/* Is task traced by this session at all? */
static __always_inline bool ktrace_filter_task(const struct ktrace_filter *f,
					       const struct task_struct *task)
{
	pid_t tgid = task->tgid, tid = task->pid;

	if (unlikely(tgid == f->exclude_tgid))
		return false;
	if (likely(!smp_load_acquire(&f->pid_filter)))	/* ktrace_filter_pid() */
		return true;
	if (unlikely(tid >= f->pid_bits || tgid >= f->pid_bits))
		return false;
	return test_bit(tid, f->tids) || test_bit(tgid, f->tgids);
}

/* Is the reap of task, which exited, recorded by this session? */
static __always_inline bool ktrace_filter_reaped(const struct ktrace_filter *f,
						 const struct task_struct *task)
{
	pid_t tid = task->pid;

	if (unlikely(task->tgid == f->exclude_tgid))
		return false;
	if (likely(!smp_load_acquire(&f->pid_filter)))	/* ktrace_filter_pid() */
		return true;
	return tid < f->pid_bits && test_bit(tid, f->exited);
}

/* Are calls recorded only at exit, once their status is known? */
static __always_inline bool ktrace_filter_deferred(const struct ktrace_filter *f)
{
	return READ_ONCE(f->status) || READ_ONCE(f->min_duration_ns);
}

/* Is syscall nr of this ABI traced? */
static __always_inline bool ktrace_filter_syscall(const struct ktrace_filter *f,
						  unsigned int abi, long nr)
{
	if (unlikely((unsigned long)nr >= KTRACE_NR_MAX))
		return true;	/* out-of-range numbers are always shown */
	return test_bit(nr, f->syscalls[abi]);
}

#endif /* _KTRACE_FILTER_H */
