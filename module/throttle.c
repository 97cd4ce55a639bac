// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: throttling, so that tracing chosen processes loses nothing.
 *
 * A session with a PID filter, and without KTRACE_CFG_LOSSY, does not
 * drop the records of the tasks it traces while its reader keeps up.
 * When a traced task's syscall leaves the ring of its CPU three quarters
 * full, the syscall exit probe queues a task_work; on its way back to
 * user mode, where it may sleep, the task waits until the reader has
 * drained that ring to a quarter.  The wait ends early when the session
 * is disabled or closed, on a fatal signal, and when the task is to stop
 * or freeze (ktrace_throttle_stopping()); and it ends after the
 * session's throttle_ms, when the ring stops throttling until the reader
 * has drained it: a reader that is stuck costs the traced program one
 * wait, and from then on the ring drops and counts as any ring does.
 *
 * Only tasks in syscalls wait: interrupts, lifecycle events and the
 * threads of the session's owner (the reader) never do, nor does a task
 * of another process that holds the session's descriptor, which may be
 * reading it (checked when the wait would begin: only then is the
 * descriptor table walked).  System-wide sessions never throttle.
 *
 * Lifetime.  A queued wait holds a reference on its session, so that the
 * session outlives it, and counts in ktrace_throttle_pending, which
 * module exit waits to fall to zero before a Tasks RCU grace period: no
 * task is then left in this file's code.
 */
#include <linux/atomic.h>
#include <linux/freezer.h>
#include <linux/jiffies.h>
#include <linux/sched/jobctl.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/task_work.h>
#include <linux/wait.h>
#include <linux/wait_bit.h>

#include "ktrace.h"

struct ktrace_throttle {
	struct callback_head work;
	struct ktrace_session *session;
	unsigned int cpu;
};

static atomic_t ktrace_throttle_pending = ATOMIC_INIT(0);

/* Has the reader of @s made room in the ring of @cpu, or gone? */
static bool ktrace_throttle_done(struct ktrace_session *s, unsigned int cpu)
{
	struct ktrace_ring *ring;
	bool done;

	if (!READ_ONCE(s->enabled) || READ_ONCE(s->closing))
		return true;
	rcu_read_lock();
	ring = rcu_dereference(s->rings)->ring[cpu];
	done = ktrace_ring_used(ring) <= ring->throttle_low ||
	       READ_ONCE(ring->throttle_off);
	rcu_read_unlock();
	return done;
}

/*
 * Is current to stop: a stop signal it does not block is queued for it or
 * its process, a group stop is under way (JOBCTL_STOP_PENDING), a
 * ptracer asked it to trap (PTRACE_INTERRUPT, PTRACE_LISTEN), or it is to
 * freeze (its cgroup's cgroup.freeze, JOBCTL_TRAP_FREEZE; the system
 * freezer of suspend, or cgroup v1's, freezing())?  Then the wait ends,
 * so that SIGSTOP, ^Z, a debugger and a freezer act in a slice instead of
 * after throttle_ms: suspend gives up on tasks that take 20 s to freeze,
 * and throttle_ms may be 60 s.  Nothing is lost: a stopped or frozen task
 * makes no syscall, and the next syscall it makes after it continues
 * waits again.  Other signals do not end the wait, or a program that
 * takes signals all the time (a profiler's SIGPROF) would slip out of it.
 * A stop signal with a handler ends it too, once.
 */
static bool ktrace_throttle_stopping(void)
{
	struct task_struct *t = current;
	unsigned long queued;

	if (READ_ONCE(t->jobctl) & (JOBCTL_STOP_PENDING | JOBCTL_TRAP_MASK |
				     JOBCTL_TRAP_FREEZE))
		return true;
	if (freezing(t))
		return true;
	if (!signal_pending(t))
		return false;
	/* Unlocked: a signal queued just after is seen at the next slice. */
	queued = READ_ONCE(t->pending.signal.sig[0]) |
		 READ_ONCE(t->signal->shared_pending.signal.sig[0]);
	return queued & ~READ_ONCE(t->blocked.sig[0]) & SIG_KERNEL_STOP_MASK;
}

/*
 * The wait, in the traced task on its way to user mode.  It sleeps in
 * slices of 10 ms: a reader that consumes a mapping makes room without
 * entering the kernel, and is seen at the next slice, as is a stop
 * (ktrace_throttle_stopping()), which wakes only interruptible sleeps.
 */
static void ktrace_throttle_run(struct callback_head *work)
{
	struct ktrace_throttle *t = container_of(work, struct ktrace_throttle,
						 work);
	struct ktrace_session *s = t->session;
	unsigned long deadline = jiffies +
				 msecs_to_jiffies(READ_ONCE(s->throttle_ms));
	u64 start = ktime_get_ns();
	struct ktrace_ring *ring;

	/*
	 * A reader outside the owner's process (it inherited or was sent
	 * the descriptor) would wait for itself: it does not wait.
	 */
	if (ktrace_holds_session(s))
		goto out;
	atomic_inc(&s->throttle_waiters);
	atomic64_inc(&s->throttled);
	while (!ktrace_throttle_done(s, t->cpu)) {
		if (fatal_signal_pending(current) ||
		    ktrace_throttle_stopping())
			break;
		if (time_after_eq(jiffies, deadline)) {
			atomic64_inc(&s->throttle_timeouts);
			rcu_read_lock();
			ring = rcu_dereference(s->rings)->ring[t->cpu];
			WRITE_ONCE(ring->throttle_off, true);
			rcu_read_unlock();
			break;
		}
		wait_event_killable_timeout(s->throttle_wq,
					    ktrace_throttle_done(s, t->cpu),
					    max(1UL, min(deadline - jiffies,
							 msecs_to_jiffies(10))));
	}
	atomic_dec(&s->throttle_waiters);
	atomic64_add(ktime_get_ns() - start, &s->throttle_ns);
out:
	ktrace_session_put(s);
	kfree(t);
	if (atomic_dec_and_test(&ktrace_throttle_pending))
		wake_up_var(&ktrace_throttle_pending);
}

/*
 * At syscall exit, preemption disabled, inside the probes' RCU walk of
 * the sessions: make current wait for the reader of @s before it returns
 * to user mode.  Without memory for the request, it does not wait, and
 * what does not fit is dropped and counted as usual.
 */
void ktrace_throttle_queue(struct ktrace_session *s, unsigned int cpu)
{
	struct ktrace_throttle *t;

	t = kmalloc(sizeof(*t), GFP_NOWAIT | __GFP_NOWARN);
	if (!t)
		return;
	if (!refcount_inc_not_zero(&s->ref)) {
		kfree(t);
		return;
	}
	t->session = s;
	t->cpu = cpu;
	init_task_work(&t->work, ktrace_throttle_run);
	atomic_inc(&ktrace_throttle_pending);
	if (task_work_add(current, &t->work, TWA_RESUME)) {
		/* The task is exiting: it will not return to user mode. */
		atomic_dec(&ktrace_throttle_pending);
		refcount_dec(&s->ref);	/* the file still holds one */
		kfree(t);
	}
}

/* A reader made room, or the session stops: wake the tasks waiting. */
void ktrace_throttle_wake(struct ktrace_session *s)
{
	if (atomic_read(&s->throttle_waiters))
		wake_up_all(&s->throttle_wq);
}

int ktrace_throttle_init(void)
{
	return 0;
}

/*
 * Module exit, once every file is closed: no session is on the list the
 * probes walk, so no wait is queued any more; those queued run as soon as
 * their tasks head for user mode (a session's release wakes them), and
 * may drop a session's last reference, which needs the probes and the
 * filters: called before those go.  Then a Tasks RCU grace period: no
 * task is still returning from ktrace_throttle_run() into this module's
 * text.
 */
void ktrace_throttle_exit(void)
{
	wait_var_event(&ktrace_throttle_pending,
		       !atomic_read(&ktrace_throttle_pending));
	synchronize_rcu_tasks();
}
