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
 * first syscalls are missed).  A task leaves at reap.  The bitmaps cover
 * every possible pid (PID_MAX_LIMIT: 512 KiB each on 64-bit), allocated
 * when the session first uses a PID filter.  They are written with atomic
 * bitops (ioctl, fork and reap probes), read with plain test_bit() in the
 * probes; a probe that races
 * with an ioctl sees the filter before or after the change, never a torn
 * one.
 *
 * Syscall filter.  One bitmap per ABI of KTRACE_NR_MAX bits; a set
 * bit traces the syscall.  Replaced whole by the ioctl while the session
 * is disabled, or bit by bit with atomic bitops while it runs.
 */
#include <linux/bitmap.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/threads.h>
#include <linux/vmalloc.h>

#include "ktrace.h"
#include "filter.h"

static unsigned long *bitmap_vzalloc(unsigned int nbits)
{
	return vzalloc(BITS_TO_LONGS(nbits) * sizeof(unsigned long));
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

void ktrace_filter_free(struct ktrace_filter *f)
{
	vfree(f->tids);
	vfree(f->tgids);
	vfree(f->ftids);
	vfree(f->ftgids);
	f->tids = NULL;
	f->tgids = NULL;
	f->ftids = NULL;
	f->ftgids = NULL;
	f->pid_bits = 0;
}

/* Allocate the PID bitmaps on first use.  Called with the session lock. */
static int pid_filter_alloc(struct ktrace_filter *f)
{
	unsigned int nbits = PID_MAX_LIMIT;

	if (f->tids)
		return 0;
	f->tids = bitmap_vzalloc(nbits);
	f->tgids = bitmap_vzalloc(nbits);
	f->ftids = bitmap_vzalloc(nbits);
	f->ftgids = bitmap_vzalloc(nbits);
	if (!f->tids || !f->tgids || !f->ftids || !f->ftgids) {
		ktrace_filter_free(f);
		return -ENOMEM;
	}
	f->pid_bits = nbits;
	return 0;
}

/*
 * Add or remove a thread or thread group, by the caller's pid number.
 * Called with the session lock held.  The pid must name a live task.
 */
int ktrace_filter_pid(struct ktrace_filter *f, pid_t vnr, u32 flags,
		      bool add)
{
	struct task_struct *task;
	pid_t nr;
	int ret;

	rcu_read_lock();
	task = pid_task(find_vpid(vnr), PIDTYPE_PID);
	if (task && (flags & KTRACE_PID_THREAD_GROUP) &&
	    !thread_group_leader(task))
		task = NULL;
	nr = task ? task_pid_nr(task) : 0;
	rcu_read_unlock();
	if (!nr)
		return -ESRCH;

	ret = pid_filter_alloc(f);
	if (ret)
		return ret;

	if (flags & KTRACE_PID_THREAD_GROUP) {
		if (add) {
			if (flags & KTRACE_PID_FOLLOW)
				set_bit(nr, f->ftgids);
			set_bit(nr, f->tgids);
		} else {
			clear_bit(nr, f->tgids);
			clear_bit(nr, f->ftgids);
		}
	} else {
		if (add) {
			if (flags & KTRACE_PID_FOLLOW)
				set_bit(nr, f->ftids);
			set_bit(nr, f->tids);
		} else {
			clear_bit(nr, f->tids);
			clear_bit(nr, f->ftids);
		}
	}
	/* Publish the bitmaps before probes start looking at them. */
	smp_store_release(&f->pid_filter, true);
	return 0;
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
			set_bit(ctid, f->tids);
		}
		return;
	}
	set_bit(ctgid, f->ftgids);
	set_bit(ctgid, f->tgids);
}

/* Reap probe: a task leaves the filter, its group with its leader. */
void ktrace_filter_reap(struct ktrace_filter *f, struct task_struct *task)
{
	pid_t tid = task_pid_nr(task);

	/* Pairs with the release in ktrace_filter_pid(). */
	if (!smp_load_acquire(&f->pid_filter) || tid >= f->pid_bits)
		return;
	clear_bit(tid, f->tids);
	clear_bit(tid, f->ftids);
	if (thread_group_leader(task)) {
		clear_bit(tid, f->tgids);
		clear_bit(tid, f->ftgids);
	}
}
