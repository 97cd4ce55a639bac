// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: a session's in-kernel filters.
 *
 * Filters run in the probes, before any record is reserved, so they are
 * built for the cost of the test: every check is a load or a test_bit()
 * on memory the session owns, with no lock and no atomic operation.
 *
 * PID filter.  Four bitmaps indexed by global pid number: tids and tgids
 * say which threads, and which whole thread groups, are traced; ftids and
 * ftgids say which of them are followed, so that what they fork joins the
 * filter in the fork probe (strace -f with no window in which a child's
 * first syscalls are missed).  The bitmaps cover every possible pid
 * (PID_MAX_LIMIT: 512 KiB each on 64-bit), allocated when the session
 * first uses a PID filter.  They are written with atomic bitops (ioctl and
 * task probes), read with plain test_bit() in the probes; a probe that
 * races with an ioctl sees the filter before or after the change, never a
 * torn one.
 *
 * A bit names a task only while its pid does: a thread leaves the filter
 * in its exit probe and a thread group with its last thread out (see
 * ktrace_exit_last() in probes.c), both before the pid can be freed, so a
 * pid used again never matches.  The task probes stay attached for as
 * long as a session has a PID filter, enabled or not, so that no exit
 * goes unseen.  PID_ADD and the exit probes of a thread group take the
 * group's lock: a task is either added before its exit probe runs (which
 * then takes it out) or seen exiting and refused with ESRCH.  A fifth
 * bitmap, exited, keeps the threads that left while traced until the free
 * probe has recorded their reap; it is read only for that record.
 *
 * The probes' first test.  While every session on the list has a PID
 * filter, a task whose tid and tgid are in no session's bitmaps is traced
 * by none, and the syscall probes learn it without walking the sessions
 * (ktrace_filter_maybe()).  ktrace_maybe_bits holds a superset of every
 * session's tids and tgids: a number is set there before it is set in a
 * session's bitmap, and stays until no session has PID bitmaps left (a
 * number that left a session only costs its task the walk).
 * ktrace_unfiltered counts the sessions on the list without a PID filter,
 * which may trace any task: while it is not zero the probes walk.
 *
 * Syscall filter.  One bitmap per ABI of KTRACE_NR_MAX bits; a set
 * bit traces the syscall.  Replaced whole by the ioctl while the session
 * is disabled, or bit by bit with atomic bitops while it runs.
 */
#include <linux/bitmap.h>
#include <linux/hash.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/threads.h>
#include <linux/vmalloc.h>

#include "ktrace.h"
#include "filter.h"

static unsigned long *bitmap_vzalloc(unsigned int nbits)
{
	return vzalloc(BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

/*
 * The superset (ktrace_maybe_bits), the sessions that have PID bitmaps
 * and those on the list without a PID filter, under ktrace_maybe_lock;
 * the probes read only ktrace_maybe_pids: the superset while it decides
 * (every session on the list has a PID filter), else NULL.
 */
const unsigned long *ktrace_maybe_pids;
static unsigned long *ktrace_maybe_bits;
static DEFINE_MUTEX(ktrace_maybe_lock);
static unsigned int ktrace_maybe_users;
static unsigned int ktrace_unfiltered;

static void ktrace_maybe_publish(void)
{
	lockdep_assert_held(&ktrace_maybe_lock);
	/* The bits set so far are seen with the pointer. */
	smp_store_release(&ktrace_maybe_pids,
			  ktrace_unfiltered ? NULL : ktrace_maybe_bits);
}

/* A session with PID bitmaps: the superset exists until module exit. */
static int ktrace_maybe_get(void)
{
	int ret = 0;

	mutex_lock(&ktrace_maybe_lock);
	if (!ktrace_maybe_bits) {
		ktrace_maybe_bits = bitmap_vzalloc(PID_MAX_LIMIT);
		if (!ktrace_maybe_bits)
			ret = -ENOMEM;
		else
			ktrace_maybe_publish();
	}
	if (!ret)
		ktrace_maybe_users++;
	mutex_unlock(&ktrace_maybe_lock);
	return ret;
}

/*
 * The last session with PID bitmaps has gone: no probe sees it any more
 * and no other can set a number, so the superset starts again empty.
 * The sessions left on the list, if any, have no PID filter, and the
 * probes do not read it while they are there.
 */
static void ktrace_maybe_put(void)
{
	mutex_lock(&ktrace_maybe_lock);
	if (!--ktrace_maybe_users)
		bitmap_zero(ktrace_maybe_bits, PID_MAX_LIMIT);
	mutex_unlock(&ktrace_maybe_lock);
}

/* Module exit: no session is left. */
void ktrace_filter_cleanup(void)
{
	ktrace_maybe_pids = NULL;
	vfree(ktrace_maybe_bits);
	ktrace_maybe_bits = NULL;
}

/* Trace pid number @nr in @bits, a session's tids or tgids. */
static void ktrace_filter_set(unsigned long *bits, pid_t nr)
{
	set_bit(nr, ktrace_maybe_bits);
	/* A probe that sees @nr in @bits sees it in the superset. */
	smp_mb__after_atomic();
	set_bit(nr, bits);
}

/* @n more sessions on the list without a PID filter (or fewer). */
static void ktrace_unfiltered_add(int n)
{
	mutex_lock(&ktrace_maybe_lock);
	ktrace_unfiltered += n;
	ktrace_maybe_publish();
	mutex_unlock(&ktrace_maybe_lock);
}

/*
 * The session goes on the list, with no PID filter yet: the probes walk
 * the sessions before they can find it.  And it goes off the list.
 * Called with the sessions' lock.
 */
void ktrace_filter_listed(struct ktrace_filter *f)
{
	ktrace_unfiltered_add(1);
}

void ktrace_filter_unlisted(struct ktrace_filter *f)
{
	if (!f->pid_filter)
		ktrace_unfiltered_add(-1);
}

void ktrace_filter_init(struct ktrace_filter *f, pid_t exclude_tgid)
{
	unsigned int abi;

	memset(f, 0, sizeof(*f));
	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++)
		bitmap_fill(f->syscalls[abi], KTRACE_NR_MAX);
	f->owner_tgid = exclude_tgid;
	f->exclude_tgid = exclude_tgid;
	f->events = KTRACE_EV_ALL;
}

static void pid_filter_free(struct ktrace_filter *f)
{
	vfree(f->tids);
	vfree(f->tgids);
	vfree(f->ftids);
	vfree(f->ftgids);
	vfree(f->exited);
	f->tids = NULL;
	f->tgids = NULL;
	f->ftids = NULL;
	f->ftgids = NULL;
	f->exited = NULL;
	f->pid_bits = 0;
}

/* The five bitmaps of a PID filter, charged to memory_max. */
#define KTRACE_PID_FILTER_BYTES \
	(5 * BITS_TO_LONGS(PID_MAX_LIMIT) * sizeof(unsigned long))

/* No probe sees the session any more. */
void ktrace_filter_free(struct ktrace_filter *f)
{
	if (f->tids) {
		ktrace_probes_filter_put();
		ktrace_maybe_put();
		ktrace_memory_uncharge(KTRACE_PID_FILTER_BYTES);
	}
	pid_filter_free(f);
}

/*
 * Allocate the PID bitmaps on first use, and keep the task probes
 * attached from now on.  Called with the session lock.
 */
static int pid_filter_alloc(struct ktrace_filter *f)
{
	unsigned int nbits = PID_MAX_LIMIT;
	int ret;

	if (f->tids)
		return 0;
	if (!ktrace_memory_charge(KTRACE_PID_FILTER_BYTES))
		return -ENOMEM;
	f->tids = bitmap_vzalloc(nbits);
	f->tgids = bitmap_vzalloc(nbits);
	f->ftids = bitmap_vzalloc(nbits);
	f->ftgids = bitmap_vzalloc(nbits);
	f->exited = bitmap_vzalloc(nbits);
	ret = -ENOMEM;
	if (f->tids && f->tgids && f->ftids && f->ftgids && f->exited)
		ret = ktrace_maybe_get();
	if (!ret) {
		ret = ktrace_probes_filter_get();
		if (ret)
			ktrace_maybe_put();
	}
	if (ret) {
		pid_filter_free(f);
		ktrace_memory_uncharge(KTRACE_PID_FILTER_BYTES);
		return ret;
	}
	f->pid_bits = nbits;
	return 0;
}

#define KTRACE_GROUP_LOCK_BITS	6

static raw_spinlock_t ktrace_group_locks[1 << KTRACE_GROUP_LOCK_BITS] = {
	[0 ... (1 << KTRACE_GROUP_LOCK_BITS) - 1] =
		__RAW_SPIN_LOCK_UNLOCKED(ktrace_group_locks),
};

raw_spinlock_t *ktrace_group_lock(const struct signal_struct *sig)
{
	return &ktrace_group_locks[hash_ptr(sig, KTRACE_GROUP_LOCK_BITS)];
}

/*
 * Add or remove a thread or thread group, by the caller's pid number.
 * Called with the session lock held.  The pid must name a live task (for
 * a group, a group with a live thread).
 */
int ktrace_filter_pid(struct ktrace_filter *f, pid_t vnr, u32 flags,
		      bool add)
{
	bool group = flags & KTRACE_PID_THREAD_GROUP, gone = false;
	unsigned long *bits, *follow;
	struct task_struct *task;
	raw_spinlock_t *lock;
	pid_t nr;
	int ret;

	rcu_read_lock();
	task = pid_task(find_vpid(vnr), PIDTYPE_PID);
	if (task && group && !thread_group_leader(task))
		task = NULL;
	if (task)
		get_task_struct(task);
	rcu_read_unlock();
	if (!task)
		return -ESRCH;
	nr = task_pid_nr(task);

	/* Nothing to take out of a session that traces every task. */
	if (!add && !f->pid_filter) {
		ret = 0;
		goto out;
	}
	ret = pid_filter_alloc(f);
	if (ret)
		goto out;
	bits = group ? f->tgids : f->tids;
	follow = group ? f->ftgids : f->ftids;
	if (!add) {
		clear_bit(nr, bits);
		clear_bit(nr, follow);
	} else {
		/* Against its exit probe, which takes the bits out. */
		lock = ktrace_group_lock(task->signal);
		raw_spin_lock(lock);
		gone = group ? !atomic_read(&task->signal->live) :
			       READ_ONCE(task->flags) & PF_EXITING;
		if (!gone) {
			if (flags & KTRACE_PID_FOLLOW)
				set_bit(nr, follow);
			ktrace_filter_set(bits, nr);
		}
		raw_spin_unlock(lock);
	}
	if (gone) {
		ret = -ESRCH;
		goto out;
	}
	if (!f->pid_filter) {
		/* Publish the bitmaps before probes start looking at them. */
		smp_store_release(&f->pid_filter, true);
		/* Filtered, and seen so, before the probes may skip the walk. */
		ktrace_unfiltered_add(-1);
	}
out:
	put_task_struct(task);
	return ret;
}

/*
 * Fork probe: a child of a followed task joins the filter, as a thread
 * or, for a new process, as a followed thread group when its parent's
 * group was followed.
 */
void ktrace_filter_fork(struct ktrace_filter *f, struct task_struct *parent,
			struct task_struct *child)
{
	pid_t ptid = task_pid_nr(parent), ptgid = task_tgid_nr(parent);
	pid_t ctid = task_pid_nr(child), ctgid = task_tgid_nr(child);
	bool by_tid, by_tgid;

	if (!smp_load_acquire(&f->pid_filter))	/* ktrace_filter_pid() */
		return;
	if (ptid >= f->pid_bits || ptgid >= f->pid_bits ||
	    ctid >= f->pid_bits || ctgid >= f->pid_bits)
		return;
	by_tid = test_bit(ptid, f->ftids);
	by_tgid = test_bit(ptgid, f->ftgids);
	if (!by_tid && !by_tgid)
		return;
	if (ctgid == ptgid) {
		/* A new thread: its group covers it, or it joins by tid. */
		if (!by_tgid) {
			set_bit(ctid, f->ftids);
			ktrace_filter_set(f->tids, ctid);
		}
		return;
	}
	set_bit(ctgid, f->ftgids);
	ktrace_filter_set(f->tgids, ctgid);
}

/*
 * Exec probe: a thread other than the leader exec'd and took the leader's
 * pid; a thread traced by its old pid stays traced by the new one.
 */
void ktrace_filter_exec(struct ktrace_filter *f, pid_t old_pid,
			struct task_struct *task)
{
	pid_t tid = task_pid_nr(task);

	/* Pairs with the release in ktrace_filter_pid(). */
	if (!smp_load_acquire(&f->pid_filter) || old_pid == tid ||
	    old_pid >= f->pid_bits || tid >= f->pid_bits)
		return;
	if (test_bit(old_pid, f->tids) && test_and_clear_bit(old_pid, f->tids))
		ktrace_filter_set(f->tids, tid);
	if (test_bit(old_pid, f->ftids) &&
	    test_and_clear_bit(old_pid, f->ftids))
		set_bit(tid, f->ftids);
}

/*
 * Exit probe, with the task's group lock held and its exit record out: the
 * task leaves the filter, its thread group too when @group_gone (the last
 * thread out).  A traced task is remembered for its reap record.
 */
void ktrace_filter_exit(struct ktrace_filter *f, struct task_struct *task,
			bool group_gone)
{
	pid_t tid = task_pid_nr(task), tgid = task_tgid_nr(task);
	bool by_tid;

	/* Pairs with the release in ktrace_filter_pid(). */
	if (!smp_load_acquire(&f->pid_filter) || tid >= f->pid_bits ||
	    tgid >= f->pid_bits)
		return;
	by_tid = test_bit(tid, f->tids);
	if (by_tid || test_bit(tgid, f->tgids))
		set_bit(tid, f->exited);
	if (by_tid)
		clear_bit(tid, f->tids);
	if (test_bit(tid, f->ftids))
		clear_bit(tid, f->ftids);
	if (!group_gone)
		return;
	if (test_bit(tgid, f->tgids))
		clear_bit(tgid, f->tgids);
	if (test_bit(tgid, f->ftgids))
		clear_bit(tgid, f->ftgids);
}

/* Free probe, its reap record out: forget the task. */
void ktrace_filter_reap(struct ktrace_filter *f, struct task_struct *task)
{
	pid_t tid = task->pid;

	/* Pairs with the release in ktrace_filter_pid(). */
	if (smp_load_acquire(&f->pid_filter) && tid < f->pid_bits &&
	    test_bit(tid, f->exited))
		clear_bit(tid, f->exited);
}
