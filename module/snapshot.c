// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: task snapshots, KTRACE_IOC_TASKS.
 *
 * One walk of the task list under RCU finds the zombies and the threads
 * blocked inside a syscall, whenever they got there: before the module
 * was loaded as well as since.  It is what "ktrace zombies" and "ktrace
 * hung" start from.  No probe is attached for it, so that an idle module
 * still costs nothing.
 *
 * The walk never sleeps: it fills a buffer allocated beforehand, with
 * room for what the caller asked, and copies it out once the RCU read
 * section is over.  A blocked thread's syscall number and arguments are
 * the registers it saved on its kernel stack at syscall entry; they are
 * read with copy_from_kernel_nofault(), and only while the thread is off
 * CPU and its stack is still held, since a thread exiting under us may
 * drop its stack at any time.  The values are a snapshot: a thread woken
 * meanwhile may already be elsewhere.
 *
 * How long a task has been off CPU is the scheduler clock now minus the
 * scheduler's last accounting of it (se.exec_start, set when it last left
 * its CPU, or when it last arrived on one if a migration zeroed that:
 * ktrace_off_cpu()).  For a zombie that is its exit; for a thread blocked
 * in a syscall, the time it has been blocked.
 */
#include <linux/pid_namespace.h>
#include <linux/ptrace.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/clock.h>
#include <linux/sched/jobctl.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <asm/syscall.h>

#include "ktrace.h"

/* What the walk looks for, and where it writes. */
struct ktrace_walk {
	struct ktrace_task *buf;
	u32 room;
	u32 matched;
	u32 select;
	pid_t tgid;		/* 0: every process */
	u64 min_off_cpu_ns;
	u64 clock;		/* local_clock() at the start of the walk */
};

/*
 * Nanoseconds since @p last left a CPU; 0 while it is on one.  The fair
 * class's exec_start is when its runtime was last accounted, which is
 * when it left, except that a migration zeroes it: a sleeping task that
 * stays queued (6.12's delayed dequeue) can be moved by the balancer and
 * would look blocked since boot.  The time it last arrived on a CPU is
 * then the bound that is left: it ran at most until it left.
 */
static u64 ktrace_off_cpu(struct task_struct *p, u64 clock)
{
	u64 last;

	if (READ_ONCE(p->on_cpu))
		return 0;
	last = READ_ONCE(p->se.exec_start);
#ifdef CONFIG_SCHED_INFO
	last = max_t(u64, last, READ_ONCE(p->sched_info.last_arrival));
#endif
	return clock > last ? clock - last : 0;
}

/*
 * The syscall @p is blocked in, from the registers it saved at entry:
 * true with *nr, *abi and @args set, false when it is not in a syscall
 * or cannot be read.
 */
static bool ktrace_task_syscall(struct task_struct *p, s32 *nr, u16 *abi,
				u64 *args)
{
	struct pt_regs regs;

	/*
	 * @p changes its own flags with plain read-modify-writes (fork
	 * clears PF_NPROC_EXCEEDED in the parent), racing with this read.
	 * The bit it looks at, PF_KTHREAD, is set by copy_process() before
	 * @p is on the task list and never changes after.
	 */
	if (data_race(p->flags & PF_KTHREAD) || READ_ONCE(p->exit_state) ||
	    READ_ONCE(p->on_cpu))
		return false;
	/* The stack goes with the thread's last reference to it. */
	if (!refcount_read(&p->stack_refcount))
		return false;
	if (copy_from_kernel_nofault(&regs, task_pt_regs(p), sizeof(regs)))
		return false;
	if ((long)regs.orig_ax < 0)
		return false;
	*nr = regs.orig_ax;
	*abi = KTRACE_ABI_NATIVE;
#ifdef TS_COMPAT
	/*
	 * @p clears TS_COMPAT itself, with a plain read-modify-write, on
	 * every return to user mode (arch_exit_to_user_mode_prepare()): a
	 * thread woken since the test of @on_cpu may do so under this read.
	 * Its registers are then no longer those of a blocked call either,
	 * the snapshot the file's comment warns of, whichever bit we see.
	 */
	if (data_race(task_thread_info(p)->status & TS_COMPAT)) {
		*abi = KTRACE_ABI_COMPAT;
		args[0] = (u32)regs.bx;
		args[1] = (u32)regs.cx;
		args[2] = (u32)regs.dx;
		args[3] = (u32)regs.si;
		args[4] = (u32)regs.di;
		args[5] = (u32)regs.bp;
		return true;
	}
#endif
	args[0] = regs.di;
	args[1] = regs.si;
	args[2] = regs.dx;
	args[3] = regs.r10;
	args[4] = regs.r8;
	args[5] = regs.r9;
	return true;
}

/* Fill @t for @p, and its parent's part. */
/*
 * What ktrace_task_wanted() found of a task, which its entry reports as
 * it was then: a parent can reap a zombie while the walk is at it, which
 * detaches its pids (task_pid_vnr() 0) and makes it EXIT_DEAD, and a
 * task can return from the syscall it was in.
 */
struct ktrace_seen {
	pid_t pid;
	pid_t tgid;
	bool zombie;
	u16 abi;
	s32 nr;
	u64 off_cpu;
	u64 args[6];
};

static void ktrace_task_fill(struct ktrace_task *t, struct task_struct *p,
			     const struct ktrace_seen *seen)
{
	struct task_struct *parent = rcu_dereference(p->real_parent);
	u64 pargs[6];

	memset(t, 0, sizeof(*t));
	t->pid = seen->pid;
	t->tgid = seen->tgid;
	t->nr = -1;
	t->parent_nr = -1;
	t->off_cpu_ns = seen->off_cpu;
	t->start_ns = p->start_time;
	get_task_comm(t->comm, p);
	if (seen->zombie) {
		t->flags |= KTRACE_TASK_ZOMBIE;
		t->state = 'Z';
		t->exit_code = READ_ONCE(p->exit_code);
	} else {
		t->flags |= KTRACE_TASK_IN_SYSCALL;
		t->state = task_state_to_char(p);
		if (t->state == 'T') {
			t->flags |= KTRACE_TASK_STOPPED;
			/*
			 * The signal of the stop, which do_signal_stop() left
			 * in its jobctl: read racing with a SIGCONT, as the
			 * state is, and either answer is a snapshot's.
			 */
			t->exit_code = data_race(p->jobctl) &
				       JOBCTL_STOP_SIGMASK;
		}
		t->nr = seen->nr;
		t->abi = seen->abi;
		memcpy(t->args, seen->args, sizeof(t->args));
	}
	if (!parent)
		return;
	t->ppid = task_tgid_vnr(parent);
	t->parent_state = task_state_to_char(parent);
	get_task_comm(t->parent_comm, parent);
	if (ktrace_task_syscall(parent, &t->parent_nr, &t->parent_abi, pargs))
		t->flags |= KTRACE_TASK_PARENT_IN_SYSCALL;
}

/* Is @p wanted?  What was seen of it goes to @seen. */
static bool ktrace_task_wanted(struct ktrace_walk *w, struct task_struct *p,
			       struct ktrace_seen *seen)
{
	struct task_struct *parent;

	seen->zombie = READ_ONCE(p->exit_state) == EXIT_ZOMBIE;
	seen->pid = task_pid_vnr(p);
	seen->tgid = task_tgid_vnr(p);
	/* Not in the caller's namespace, or already reaped. */
	if (!seen->pid || !seen->tgid)
		return false;
	if (w->tgid && seen->tgid != w->tgid) {
		parent = rcu_dereference(p->real_parent);
		if (!seen->zombie || !parent ||
		    task_tgid_vnr(parent) != w->tgid)
			return false;
	}
	seen->off_cpu = ktrace_off_cpu(p, w->clock);
	if (seen->off_cpu < w->min_off_cpu_ns)
		return false;
	if (seen->zombie)
		return (w->select & KTRACE_TASKS_ZOMBIES) &&
		       thread_group_leader(p) && thread_group_empty(p);
	return (w->select & KTRACE_TASKS_SYSCALL) &&
	       ktrace_task_syscall(p, &seen->nr, &seen->abi, seen->args);
}

static void ktrace_walk_tasks(struct ktrace_walk *w)
{
	struct task_struct *g, *p;
	struct ktrace_seen seen;

	rcu_read_lock();
	for_each_process_thread(g, p) {
		if (!ktrace_task_wanted(w, p, &seen))
			continue;
		if (w->matched < w->room)
			ktrace_task_fill(&w->buf[w->matched], p, &seen);
		w->matched++;
	}
	rcu_read_unlock();
}

long ktrace_ioc_tasks(void __user *argp)
{
	struct ktrace_walk w = {};
	struct ktrace_tasks q;
	bool found;
	long ret = 0;

	if (copy_from_user(&q, argp, sizeof(q)))
		return -EFAULT;
	if (q.__reserved0 || q.__reserved[0] || q.__reserved[1] ||
	    !q.select || (q.select & ~KTRACE_TASKS_SELECT) ||
	    q.nr_tasks > KTRACE_TASKS_MAX || q.tgid < 0 ||
	    (q.nr_tasks && !q.tasks))
		return -EINVAL;
	if (q.tgid) {
		rcu_read_lock();
		found = pid_task(find_vpid(q.tgid), PIDTYPE_TGID);
		rcu_read_unlock();
		if (!found)
			return -ESRCH;
	}
	if (q.nr_tasks) {
		w.buf = kvmalloc_array(q.nr_tasks, sizeof(*w.buf), GFP_KERNEL);
		if (!w.buf)
			return -ENOMEM;
	}
	w.room = q.nr_tasks;
	w.select = q.select;
	w.tgid = q.tgid;
	w.min_off_cpu_ns = q.min_off_cpu_ns;
	q.now = ktime_get_ns();
	w.clock = local_clock();
	ktrace_walk_tasks(&w);
	if (w.buf && copy_to_user(u64_to_user_ptr(q.tasks), w.buf,
				  (size_t)min(w.matched, w.room) *
				  sizeof(*w.buf)))
		ret = -EFAULT;
	q.nr_tasks = w.matched;
	if (!ret && copy_to_user(argp, &q, sizeof(q)))
		ret = -EFAULT;
	kvfree(w.buf);
	return ret;
}
