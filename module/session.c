// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: sessions.  Each open file of /dev/ktrace is a session with one
 * ring per possible CPU.  The probes walk ktrace_sessions under RCU (with
 * preemption disabled, which synchronize_rcu() waits for), so a session
 * leaves the list and then waits a grace period before its rings go.
 * read() merges the rings oldest record first; mmap() maps one ring.
 */
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/hash.h>
#include <linux/mm.h>
#include <linux/rculist.h>
#include <linux/seq_file.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/timekeeping.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "ktrace.h"

/* Sessions the probes write to.  Writers hold ktrace_sessions_lock. */
LIST_HEAD(ktrace_sessions);
static DEFINE_MUTEX(ktrace_sessions_lock);

static void ktrace_rings_free(struct ktrace_rings *rs)
{
	unsigned int cpu;

	if (!rs)
		return;
	for_each_possible_cpu(cpu)
		ktrace_ring_free(rs->ring[cpu]);
	ktrace_memory_uncharge(rs->charged);
	kfree(rs);
}

static struct ktrace_rings *ktrace_rings_alloc(struct ktrace_session *s,
					       size_t size, bool overwrite)
{
	struct ktrace_rings *rs;
	unsigned int cpu, watermark;

	rs = kzalloc(struct_size(rs, ring, s->nr_rings), GFP_KERNEL);
	if (!rs)
		return NULL;
	rs->size = size;
	/* Past memory_max (main.c), no ring; each is mapped with its page. */
	rs->charged = num_possible_cpus() * (PAGE_SIZE + size);
	if (!ktrace_memory_charge(rs->charged)) {
		kfree(rs);
		return NULL;
	}
	watermark = clamp_t(unsigned int, READ_ONCE(ktrace_wakeup_bytes), 1,
			    size / 2);
	for_each_possible_cpu(cpu) {
		rs->ring[cpu] = ktrace_ring_alloc(s, cpu, size, watermark);
		if (!rs->ring[cpu]) {
			ktrace_rings_free(rs);
			return NULL;
		}
		rs->ring[cpu]->overwrite = overwrite;
	}
	return rs;
}

/* The rings, for those who hold read_lock or lock. */
static struct ktrace_rings *ktrace_rings_locked(struct ktrace_session *s)
{
	return rcu_dereference_protected(s->rings,
					 lockdep_is_held(&s->read_lock) ||
					 lockdep_is_held(&s->lock));
}

/*
 * The largest snap length, up to @max, whose records fit a ring of @size:
 * two of them and a LOSS record in half of it, a multiple of 8.
 */
static u32 ktrace_snaplen_fit(size_t size, u32 max)
{
	size_t fixed = ktrace_rec_max(0), half = size / 2;

	if (half <= fixed + KTRACE_REC_BLOBS_MAX * 8)
		return 8;
	return clamp_t(size_t, ALIGN_DOWN((half - fixed) / KTRACE_REC_BLOBS_MAX,
					  8), 8, max);
}

/* A new session: disabled, rings of the module's default size. */
struct ktrace_session *ktrace_session_create(pid_t owner_tgid)
{
	size_t size = READ_ONCE(ktrace_ring_size);
	size_t counts, count_base, proc_lost;
	struct ktrace_session *s;
	struct ktrace_rings *rs;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	refcount_set(&s->ref, 1);
	mutex_init(&s->lock);
	mutex_init(&s->read_lock);
	init_waitqueue_head(&s->wq);
	init_waitqueue_head(&s->throttle_wq);
	atomic_set(&s->maps, 0);
	atomic_set(&s->throttle_waiters, 0);
	atomic64_set(&s->throttled, 0);
	atomic64_set(&s->throttle_timeouts, 0);
	atomic64_set(&s->throttle_ns, 0);
	s->throttle_ms = READ_ONCE(ktrace_throttle_ms);
	s->nr_rings = nr_cpu_ids;
	s->snap_ceiling = ktrace_snaplen_fit(size, KTRACE_SNAPLEN_MAX);
	s->snaplen = min(READ_ONCE(ktrace_snaplen), s->snap_ceiling);
	ktrace_filter_init(&s->filter, owner_tgid);
	counts = array3_size(s->nr_rings, KTRACE_ABI_COUNT * KTRACE_NR_MAX,
			     sizeof(*s->counts));
	count_base = array_size(KTRACE_ABI_COUNT * KTRACE_NR_MAX,
				sizeof(*s->count_base));
	proc_lost = array3_size(s->nr_rings, KTRACE_PROC_LOSS_SLOTS + 1,
				sizeof(*s->proc_lost));
	s->charged = counts + count_base + proc_lost;
	if (!ktrace_memory_charge(s->charged)) {
		kfree(s);
		return ERR_PTR(-ENOMEM);
	}
	s->counts = vzalloc(counts);
	s->count_base = vzalloc(count_base);
	s->proc_lost = vzalloc(proc_lost);
	rs = ktrace_rings_alloc(s, size, false);
	if (!s->counts || !s->count_base || !s->proc_lost || !rs)
		goto err;
	RCU_INIT_POINTER(s->rings, rs);

	mutex_lock(&ktrace_sessions_lock);
	ktrace_filter_listed(&s->filter);
	list_add_tail_rcu(&s->node, &ktrace_sessions);
	mutex_unlock(&ktrace_sessions_lock);
	return s;

err:
	ktrace_rings_free(rs);
	vfree(s->counts);
	vfree(s->count_base);
	vfree(s->proc_lost);
	ktrace_memory_uncharge(s->charged);
	kfree(s);
	return ERR_PTR(-ENOMEM);
}

/* The last reference: no probe, reader or throttled task is left. */
void ktrace_session_put(struct ktrace_session *s)
{
	if (!refcount_dec_and_test(&s->ref))
		return;
	ktrace_rings_free(rcu_dereference_protected(s->rings, 1));
	ktrace_filter_free(&s->filter);
	ktrace_procs_free(rcu_dereference_protected(s->procs, 1));
	kvfree(s->bounce);
	vfree(s->counts);
	vfree(s->count_base);
	vfree(s->proc_lost);
	ktrace_memory_uncharge(s->charged);
	kfree(s);
}

/*
 * The file is released.  Tasks that the session throttles hold their own
 * references: they are woken, see @closing and let go.
 */
void ktrace_session_destroy(struct ktrace_session *s)
{
	ktrace_session_set_enabled(s, false);
	mutex_lock(&ktrace_sessions_lock);
	list_del_rcu(&s->node);
	ktrace_filter_unlisted(&s->filter);
	mutex_unlock(&ktrace_sessions_lock);
	/*
	 * Probes run with preemption disabled, debugfs and poll() inside
	 * rcu_read_lock(): after this none sees @s.
	 */
	synchronize_rcu();
	WRITE_ONCE(s->closing, true);
	ktrace_throttle_wake(s);
	ktrace_session_put(s);
}

/*
 * KTRACE_IOC_CONFIGURE, validated by the caller.  Only while disabled:
 * no probe writes into the session then, so its rings can be replaced
 * (unless userspace has them mapped) and its settings changed.  All or
 * nothing: what the new settings need is allocated first, and a failure
 * leaves the session as it was.  The old rings are freed once no
 * lockless reader (poll(), STATS, debugfs) can be looking at them, and
 * the old counters by process (replaced, or dropped without
 * KTRACE_CFG_PROC_STATS) once no probe can be counting into them.
 */
int ktrace_session_configure(struct ktrace_session *s,
			     const struct ktrace_config *cfg)
{
	size_t size = cfg->ring_size ? cfg->ring_size :
				       READ_ONCE(ktrace_ring_size);
	u32 ceiling = ktrace_snaplen_fit(size, cfg->flags & KTRACE_CFG_LONG ?
					 KTRACE_SNAPLEN_LONG_MAX :
					 KTRACE_SNAPLEN_MAX);
	u32 snaplen = cfg->snaplen ? cfg->snaplen :
		      min(READ_ONCE(ktrace_snaplen), ceiling);
	bool overwrite = cfg->flags & KTRACE_CFG_OVERWRITE;
	bool by_proc = cfg->flags & KTRACE_CFG_PROC_STATS;
	bool ip = cfg->flags & KTRACE_CFG_IP;
	struct ktrace_procs *old_procs, *procs = NULL;
	struct ktrace_rings *old, *rs = NULL;
	bool replace, mapped;
	unsigned int cpu;
	int ret = 0;

	/* Every record must fit, or some would be dropped forever. */
	if (snaplen > ceiling)
		return -EINVAL;
	/* The probes' buffers for records of this snap length. */
	ret = ktrace_probes_scratch(snaplen);
	if (ret)
		return ret;
	/*
	 * read_lock before lock: read() faults user pages (mmap_lock) under
	 * read_lock, and mmap() takes lock under mmap_lock.  A read() may
	 * hold it as long as its buffer's page fault lasts (a userfaultfd's):
	 * a fatal signal ends the wait (killable: other signals do not, so
	 * that CONFIGURE never fails for one, and the hung task detector
	 * does not count the wait).
	 */
	if (mutex_lock_killable(&s->read_lock))
		return -EINTR;
	mutex_lock(&s->lock);
	old = ktrace_rings_locked(s);
	old_procs = rcu_dereference_protected(s->procs,
					      lockdep_is_held(&s->lock));
	if (s->enabled) {
		ret = -EBUSY;
		goto out;
	}
	/*
	 * New rings for a new size, and when the longest record gets shorter:
	 * else the rings may hold records that read() of the new longest
	 * cannot take.  A mapped ring stays, and mmap() has no protocol for
	 * overwrite.
	 */
	replace = size != old->size || ceiling < s->snap_ceiling;
	mapped = atomic_read(&s->maps);
	if ((replace || overwrite) && mapped) {
		ret = -EBUSY;
		goto out;
	}
	if (overwrite && !s->bounce) {
		if (!ktrace_memory_charge(KTRACE_REC_LONG_MAX_SIZE)) {
			ret = -ENOMEM;
			goto out;
		}
		s->bounce = kvmalloc(KTRACE_REC_LONG_MAX_SIZE, GFP_KERNEL);
		if (!s->bounce) {
			ktrace_memory_uncharge(KTRACE_REC_LONG_MAX_SIZE);
			ret = -ENOMEM;
			goto out;
		}
		/* Kept until the session goes. */
		s->charged += KTRACE_REC_LONG_MAX_SIZE;
	}
	/* Counters by process: new tables when asked for or resized. */
	if (by_proc && (!old_procs || ktrace_procs_slots(old_procs) !=
				     READ_ONCE(ktrace_proc_slots))) {
		procs = ktrace_procs_alloc(s->nr_rings);
		if (!procs) {
			ret = -ENOMEM;
			goto out;
		}
	}
	if (replace) {
		rs = ktrace_rings_alloc(s, size, overwrite);
		if (!rs) {
			ktrace_procs_free(procs);
			procs = NULL;
			ret = -ENOMEM;
			goto out;
		}
		rcu_assign_pointer(s->rings, rs);
		/* A record read() took from the old rings goes with them. */
		s->bounce_len = 0;
	} else {
		for_each_possible_cpu(cpu) {
			/* What a program left in the page it mapped goes. */
			if (!mapped)
				ktrace_ring_repair(old->ring[cpu]);
			old->ring[cpu]->overwrite = overwrite;
		}
	}
	if (procs || !by_proc)
		rcu_assign_pointer(s->procs, procs);
	else
		old_procs = NULL;	/* kept */
	s->overwrite = overwrite;
	/* The probes read them without the lock. */
	WRITE_ONCE(s->snaplen, snaplen);
	WRITE_ONCE(s->snap_ceiling, ceiling);
	WRITE_ONCE(s->lossy, cfg->flags & KTRACE_CFG_LOSSY);
	WRITE_ONCE(s->ip, ip);
	WRITE_ONCE(s->verbose, cfg->flags & KTRACE_CFG_VERBOSE);
	WRITE_ONCE(s->lng, cfg->flags & KTRACE_CFG_LONG);
	WRITE_ONCE(s->throttle_ms, cfg->throttle_ms ? cfg->throttle_ms :
				   READ_ONCE(ktrace_throttle_ms));
	WRITE_ONCE(s->filter.events, cfg->events);
	WRITE_ONCE(s->filter.exclude_tgid,
		   cfg->flags & KTRACE_CFG_TRACE_SELF ? 0 :
		   s->filter.owner_tgid);
out:
	mutex_unlock(&s->lock);
	mutex_unlock(&s->read_lock);
	if (ret)
		old_procs = NULL;
	if (rs || old_procs) {
		synchronize_rcu();
		if (rs)
			ktrace_rings_free(old);
		ktrace_procs_free(old_procs);
	}
	return ret;
}

/*
 * KTRACE_IOC_ENABLE/DISABLE.  The first enabled session attaches the
 * probes and the last one to leave detaches them, so an idle module costs
 * the traced system nothing.  Once disabling returns, no probe writes into
 * the session's rings any more and waiting readers have been woken.
 */
int ktrace_session_set_enabled(struct ktrace_session *s, bool on)
{
	struct ktrace_rings *rs;
	unsigned int cpu;
	int ret = 0;
	u64 now;

	mutex_lock(&s->lock);
	if (on && !s->enabled) {
		ret = ktrace_probes_get();
		if (!ret)
			WRITE_ONCE(s->enabled, true);
	} else if (!on && s->enabled) {
		WRITE_ONCE(s->enabled, false);
		synchronize_rcu();
		ktrace_probes_put();
		/* No probe writes now: the drops no record followed. */
		rs = ktrace_rings_locked(s);
		now = ktime_get_ns();
		for_each_possible_cpu(cpu)
			ktrace_ring_flush_drops(rs->ring[cpu], now);
		/* read() returns the rest then EOF, poll() says EPOLLHUP. */
		wake_up_interruptible(&s->wq);
		ktrace_throttle_wake(s);
	}
	mutex_unlock(&s->lock);
	return ret;
}

/*
 * KTRACE_IOC_PROC_STATS, @q validated.  Under @lock, which keeps the
 * tables from CONFIGURE and serializes the flips; the processes are
 * copied out after it, since nothing under @lock touches user memory.
 */
int ktrace_session_proc_stats(struct ktrace_session *s,
			      struct ktrace_proc_stats *q)
{
	struct ktrace_proc_count *out;
	struct ktrace_procs *p;
	unsigned int room = q->nr_procs;
	int ret;

	mutex_lock(&s->lock);
	p = rcu_dereference_protected(s->procs, lockdep_is_held(&s->lock));
	ret = p ? ktrace_procs_query(p, q, &out) : -ENODATA;
	mutex_unlock(&s->lock);
	if (ret)
		return ret;
	if (out && copy_to_user(u64_to_user_ptr(q->procs), out,
				min(room, q->nr_procs) * sizeof(*out)))
		ret = -EFAULT;
	kvfree(out);
	return ret;
}

static void ktrace_session_sum(struct ktrace_session *s, unsigned int abi,
			       unsigned int nr, struct ktrace_sys_count *sum)
{
	struct ktrace_sys_count *c;
	unsigned int cpu;

	memset(sum, 0, sizeof(*sum));
	for_each_possible_cpu(cpu) {
		c = ktrace_count(s, cpu, abi, nr);
		sum->calls += READ_ONCE(c->calls);
		sum->errors += READ_ONCE(c->errors);
		sum->total_ns += READ_ONCE(c->total_ns);
	}
}

/* @now less @base, or 0 where a reset took a later sum as its zero. */
static u64 ktrace_since(u64 now, u64 base)
{
	return now > base ? now - base : 0;
}

/*
 * Syscall @nr's counters since the last KTRACE_IOC_RESET_STATS.  Without
 * the session's lock: the zero is read before the counters, so that a
 * reset that runs between them does not set it past the sum (a count
 * then below zero, as about 2^64); the zero's three words may still come
 * from two resets, and a count is never less than 0.
 */
void ktrace_session_count_of(struct ktrace_session *s, unsigned int abi,
			     unsigned int nr, struct ktrace_count *out)
{
	struct ktrace_sys_count *base, zero, sum;

	base = &s->count_base[abi * KTRACE_NR_MAX + nr];
	zero.calls = READ_ONCE(base->calls);
	zero.errors = READ_ONCE(base->errors);
	zero.total_ns = READ_ONCE(base->total_ns);
	smp_rmb();	/* the zero, then the counters it was a sum of */
	ktrace_session_sum(s, abi, nr, &sum);
	out->calls = ktrace_since(sum.calls, zero.calls);
	out->errors = ktrace_since(sum.errors, zero.errors);
	out->total_ns = ktrace_since(sum.total_ns, zero.total_ns);
}

void ktrace_session_sum_syscall(struct ktrace_session *s,
				struct ktrace_syscall_stats *out)
{
	struct ktrace_count c;

	ktrace_session_count_of(s, out->abi, out->nr, &c);
	out->calls += c.calls;
	out->errors += c.errors;
	out->total_ns += c.total_ns;
}

/*
 * KTRACE_IOC_RESET_STATS: the per-syscall counts and the losses by
 * process start again from zero; the rings' record counts go on, so that
 * their accounting stays whole.  Only the probes write the counters (each
 * its own CPU's): a reset takes their sums as the new zero, and a count
 * that races with it lands on either side.
 */
void ktrace_session_reset_stats(struct ktrace_session *s)
{
	const unsigned int per_cpu = KTRACE_PROC_LOSS_SLOTS + 1;
	struct ktrace_sys_count sum, *base;
	struct ktrace_proc_lost *e;
	unsigned int abi, nr, i;

	mutex_lock(&s->lock);
	for (abi = 0; abi < KTRACE_ABI_COUNT; abi++) {
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			ktrace_session_sum(s, abi, nr, &sum);
			base = &s->count_base[abi * KTRACE_NR_MAX + nr];
			WRITE_ONCE(base->calls, sum.calls);
			WRITE_ONCE(base->errors, sum.errors);
			WRITE_ONCE(base->total_ns, sum.total_ns);
		}
		cond_resched();
	}
	for (i = 0; i < s->nr_rings * per_cpu; i++) {
		e = &s->proc_lost[i];
		e->base = local_read(&e->lost);
	}
	mutex_unlock(&s->lock);
}

/*
 * Probe side: a record of @tgid was dropped on @cpu.  A task and the
 * interrupts that nest in it may count on one CPU at once: the slot is
 * claimed with a cmpxchg and the count is a local_t.
 */
void ktrace_session_lost_proc(struct ktrace_session *s, unsigned int cpu,
			      pid_t tgid)
{
	struct ktrace_proc_lost *t = &s->proc_lost[(size_t)cpu *
						   (KTRACE_PROC_LOSS_SLOTS + 1)];
	struct ktrace_proc_lost *slot = &t[hash_32(tgid, 6)];
	int owner;

	BUILD_BUG_ON(KTRACE_PROC_LOSS_SLOTS != 1 << 6);
	owner = READ_ONCE(slot->tgid);
	if (!owner)
		owner = cmpxchg_local(&slot->tgid, 0, tgid) ?: tgid;
	if (owner != tgid)
		slot = &t[KTRACE_PROC_LOSS_SLOTS];	/* others */
	local_inc(&slot->lost);
}

/*
 * KTRACE_IOC_LOSSES: per CPU, then per process summed over the CPUs, the
 * processes that did not get a slot of their own as tgid -1.  Gathered
 * under the lock (the rings stay), copied out after.
 */
int ktrace_session_losses(struct ktrace_session *s, struct ktrace_losses *q)
{
	const unsigned int per_cpu = KTRACE_PROC_LOSS_SLOTS + 1;
	struct ktrace_proc_loss *out;
	struct ktrace_proc_lost *e;
	unsigned int cpu, i, j, n = 0;
	struct ktrace_rings *rs;
	struct ktrace_ring *r;
	u64 lost, *cpus;
	int ret = 0;
	pid_t tgid;

	cpus = kvcalloc(s->nr_rings, sizeof(*cpus), GFP_KERNEL);
	out = kvcalloc(s->nr_rings * per_cpu, sizeof(*out), GFP_KERNEL);
	if (!cpus || !out) {
		ret = -ENOMEM;
		goto free;
	}
	mutex_lock(&s->lock);
	rs = ktrace_rings_locked(s);
	for_each_possible_cpu(cpu) {
		r = rs->ring[cpu];
		cpus[cpu] = local_read(&r->lost_full) +
			    local_read(&r->lost_nest);
		for (i = 0; i < per_cpu; i++) {
			e = &s->proc_lost[(size_t)cpu * per_cpu + i];
			lost = local_read(&e->lost) - e->base;
			if (!lost)
				continue;
			tgid = i == KTRACE_PROC_LOSS_SLOTS ? -1 :
							     READ_ONCE(e->tgid);
			for (j = 0; j < n; j++)
				if (out[j].tgid == tgid)
					break;
			if (j == n)
				out[n++].tgid = tgid;
			out[j].lost += lost;
		}
	}
	mutex_unlock(&s->lock);

	if (q->cpus && copy_to_user(u64_to_user_ptr(q->cpus), cpus,
				    min(s->nr_rings, q->nr_cpus) *
				    sizeof(*cpus))) {
		ret = -EFAULT;
		goto free;
	}
	q->nr_cpus = s->nr_rings;
	if (q->procs && copy_to_user(u64_to_user_ptr(q->procs), out,
				     min(n, q->nr_procs) * sizeof(*out)))
		ret = -EFAULT;
	q->nr_procs = n;
free:
	kvfree(out);
	kvfree(cpus);
	return ret;
}

/*
 * Is there anything to read?  Also the reader's last step before it
 * sleeps: it re-arms every ring's wakeup, then looks.  The full barrier
 * pairs with the one in ktrace_ring_maybe_wake(): either a writer sees
 * @wakeup_sent cleared and wakes us, or we see its data_head.
 */
bool ktrace_session_readable(struct ktrace_session *s)
{
	struct ktrace_rings *rs;
	unsigned int cpu;
	bool ret = false;

	rcu_read_lock();
	rs = rcu_dereference(s->rings);
	for_each_possible_cpu(cpu)
		WRITE_ONCE(rs->ring[cpu]->wakeup_sent, false);
	/* Pairs with smp_mb() in ktrace_ring_maybe_wake(). */
	smp_mb();
	for_each_possible_cpu(cpu) {
		if (!ktrace_ring_empty(rs->ring[cpu])) {
			ret = true;
			break;
		}
	}
	rcu_read_unlock();
	/* An mmap() consumer that polls has made room: tell the waiters. */
	ktrace_throttle_wake(s);
	return ret;
}

/* Hand over what the bounce buffer holds; false when it does not fit. */
static bool ktrace_session_unbounce(struct ktrace_session *s,
				    char __user *buf, size_t count,
				    size_t *copied, ssize_t *err)
{
	if (!s->bounce_len)
		return true;
	if (s->bounce_len > count - *copied) {
		*err = -EINVAL;
		return false;
	}
	if (copy_to_user(buf + *copied, s->bounce, s->bounce_len)) {
		*err = -EFAULT;
		return false;
	}
	*copied += s->bounce_len;
	s->bounce_len = 0;
	return true;
}

/*
 * Copy whole records, oldest timestamp first across the rings, into
 * @buf.  A ring that holds something that is not a record (userspace
 * scribbled on its mapped tail) is left out, and reported as -EIO only
 * when nothing else could be read.  Returns bytes copied, or an error
 * when nothing was.
 */
static ssize_t ktrace_session_read_some(struct ktrace_session *s,
					char __user *buf, size_t count)
{
	struct ktrace_rings *rs = ktrace_rings_locked(s);
	struct ktrace_ring *ring, *best;
	ssize_t err = 0;
	size_t copied = 0;
	unsigned int cpu;
	u32 len, best_len = 0;
	u64 ts, best_ts = 0;
	void *rec, *best_rec = NULL;

	if (!ktrace_session_unbounce(s, buf, count, &copied, &err))
		return err;
	for (;;) {
		best = NULL;
		for_each_possible_cpu(cpu) {
			ring = rs->ring[cpu];
			rec = ktrace_ring_peek(ring, &len, &ts);
			if (!rec)
				continue;
			if (IS_ERR(rec)) {
				err = PTR_ERR(rec);
				continue;
			}
			if (!best || ts < best_ts) {
				best = ring;
				best_rec = rec;
				best_len = len;
				best_ts = ts;
			}
		}
		if (!best)
			break;
		if (best_len > count - copied)
			return copied ? copied : -EINVAL;
		if (copy_to_user(buf + copied, best_rec, best_len))
			return copied ? copied : -EFAULT;
		ktrace_ring_consume(best, best_len);
		copied += best_len;
	}
	if (copied)
		ktrace_throttle_wake(s);
	return copied ? copied : err;
}

/*
 * read() of a flight recorder: the writer may take the oldest record from
 * under us, so each record is copied into the bounce buffer and taken
 * with a cmpxchg (ktrace_ring_take_old()); one that does not fit the
 * caller's buffer waits there for the next read().
 */
static ssize_t ktrace_session_read_old(struct ktrace_session *s,
				       char __user *buf, size_t count)
{
	struct ktrace_rings *rs = ktrace_rings_locked(s);
	struct ktrace_ring *ring, *best;
	unsigned int cpu, tries = 0;
	size_t copied = 0;
	u64 ts, best_ts = 0;
	ssize_t err = 0;
	long n;

	for (;;) {
		if (!ktrace_session_unbounce(s, buf, count, &copied, &err))
			return copied ? copied : err;
		best = NULL;
		for_each_possible_cpu(cpu) {
			ring = rs->ring[cpu];
			if (!ktrace_ring_oldest_ts(ring, &ts))
				continue;
			if (!best || ts < best_ts) {
				best = ring;
				best_ts = ts;
			}
		}
		if (!best)
			return copied;
		n = ktrace_ring_take_old(best, s->bounce, &ts);
		if (n == -EAGAIN && ++tries < 1000)
			continue;
		if (n < 0 && n != -EAGAIN && !copied)
			return n;
		if (n <= 0)
			return copied;
		s->bounce_len = n;
	}
}

ssize_t ktrace_session_read(struct ktrace_session *s, char __user *buf,
			    size_t count, bool nonblock)
{
	ssize_t ret;

	/* Nothing asked, nothing to wait for: no record fits anyway. */
	if (!count)
		return 0;
	for (;;) {
		if (mutex_lock_interruptible(&s->read_lock))
			return -ERESTARTSYS;
		if (s->overwrite)
			ret = ktrace_session_read_old(s, buf, count);
		else
			ret = ktrace_session_read_some(s, buf, count);
		mutex_unlock(&s->read_lock);
		if (ret)
			return ret;
		if (!READ_ONCE(s->enabled))
			return 0;
		/*
		 * A program that writes its mapped control page can make the
		 * rings look readable and then empty, again and again.
		 */
		cond_resched();
		if (nonblock)
			return -EAGAIN;
		/* The wait below does not look when it need not sleep. */
		if (signal_pending(current))
			return -ERESTARTSYS;
		ret = wait_event_interruptible(s->wq,
					       ktrace_session_readable(s) ||
					       !READ_ONCE(s->enabled));
		if (ret)
			return ret;
	}
}

void ktrace_session_stats(struct ktrace_session *s, struct ktrace_stats *st)
{
	struct ktrace_rings *rs;
	struct ktrace_ring *ring;
	unsigned int cpu;

	memset(st, 0, sizeof(*st));
	rcu_read_lock();
	rs = rcu_dereference(s->rings);
	for_each_possible_cpu(cpu) {
		ring = rs->ring[cpu];
		st->written += local_read(&ring->written);
		st->lost_full += local_read(&ring->lost_full);
		st->lost_nest += local_read(&ring->lost_nest);
		st->lost_reported += local_read(&ring->lost_reported);
		st->lost_pending += local_read(&ring->lost);
		st->overwritten += local_read(&ring->overwritten);
	}
	rcu_read_unlock();
	st->throttled = atomic64_read(&s->throttled);
	st->throttle_timeouts = atomic64_read(&s->throttle_timeouts);
	st->throttle_ns = atomic64_read(&s->throttle_ns);
	ktrace_stats_global(st);
}

/*
 * A mapping of a ring keeps the session's rings in place (CONFIGURE
 * refuses to replace them) until its last vma goes.  The vma holds the
 * file, so the session outlives it.
 */
static void ktrace_vm_open(struct vm_area_struct *vma)
{
	struct ktrace_session *s = vma->vm_private_data;

	atomic_inc(&s->maps);
}

static void ktrace_vm_close(struct vm_area_struct *vma)
{
	struct ktrace_session *s = vma->vm_private_data;

	atomic_dec(&s->maps);
}

/*
 * A page of a mapping that is no longer there (madvise(MADV_DONTNEED)
 * zapped it) is mapped again, as mmap() mapped it: else the next access
 * to the ring would get SIGBUS.  The rings stay while the vma exists.
 */
static vm_fault_t ktrace_vm_fault(struct vm_fault *vmf)
{
	const unsigned int shift = 32 - PAGE_SHIFT;
	struct ktrace_session *s = vmf->vma->vm_private_data;
	unsigned long cpu = vmf->pgoff >> shift;
	unsigned long off = (vmf->pgoff & ((1UL << shift) - 1)) << PAGE_SHIFT;
	struct ktrace_ring *ring;
	struct page *page = NULL;

	rcu_read_lock();
	if (cpu < s->nr_rings && cpu_possible(cpu)) {
		ring = rcu_dereference(s->rings)->ring[cpu];
		if (off < ring->map_size)
			page = vmalloc_to_page((void *)ring->page + off);
	}
	rcu_read_unlock();
	if (!page)
		return VM_FAULT_SIGBUS;
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct ktrace_vm_ops = {
	.open	= ktrace_vm_open,
	.close	= ktrace_vm_close,
	.fault	= ktrace_vm_fault,
};

/*
 * mmap() at KTRACE_MMAP_OFFSET(cpu): that CPU's control page and data.
 * MAP_SHARED is VM_MAYSHARE: the kernel leaves VM_SHARED out of a shared
 * mapping of a file opened read-only, which can never be made writable
 * (no VM_MAYWRITE), so that a reader that only looks may map the rings
 * too.  MAP_PRIVATE is refused: a write would copy the control page and
 * its tail would never reach us.
 */
int ktrace_session_mmap(struct ktrace_session *s, struct vm_area_struct *vma)
{
	const unsigned int shift = 32 - PAGE_SHIFT;
	unsigned long cpu = vma->vm_pgoff >> shift;
	struct ktrace_ring *ring;
	int ret;

	if (!(vma->vm_flags & VM_MAYSHARE))
		return -EINVAL;
	if (vma->vm_pgoff & ((1UL << shift) - 1))
		return -EINVAL;
	if (cpu >= s->nr_rings || !cpu_possible(cpu))
		return -EINVAL;
	/* Not read_lock: read() faults in user pages while holding it. */
	mutex_lock(&s->lock);
	ring = ktrace_rings_locked(s)->ring[cpu];
	if (s->overwrite ||
	    vma->vm_end - vma->vm_start > ring->map_size) {
		mutex_unlock(&s->lock);
		return -EINVAL;
	}
	/* Counted before the lock goes: CONFIGURE keeps the ring now. */
	atomic_inc(&s->maps);
	mutex_unlock(&s->lock);
	ret = remap_vmalloc_range(vma, ring->page, 0);
	if (ret) {
		atomic_dec(&s->maps);
		return ret;
	}
	vma->vm_private_data = s;
	vma->vm_ops = &ktrace_vm_ops;
	return 0;
}

/* debugfs: the counters of all sessions added up, and the sessions. */
void ktrace_session_show_totals(struct seq_file *m)
{
	struct ktrace_stats sum = {}, st;
	struct ktrace_session *s;
	unsigned int n = 0;

	mutex_lock(&ktrace_sessions_lock);
	list_for_each_entry(s, &ktrace_sessions, node) {
		ktrace_session_stats(s, &st);
		sum.written += st.written;
		sum.lost_full += st.lost_full;
		sum.lost_nest += st.lost_nest;
		sum.lost_reported += st.lost_reported;
		sum.lost_pending += st.lost_pending;
		n++;
	}
	mutex_unlock(&ktrace_sessions_lock);
	seq_printf(m, "sessions %u\n", n);
	seq_printf(m, "written %llu\n", sum.written);
	seq_printf(m, "lost_full %llu\n", sum.lost_full);
	seq_printf(m, "lost_nest %llu\n", sum.lost_nest);
	seq_printf(m, "lost_reported %llu\n", sum.lost_reported);
	seq_printf(m, "lost_pending %llu\n", sum.lost_pending);
}

/* debugfs: one line per ring of every session. */
void ktrace_session_show_rings(struct seq_file *m)
{
	struct ktrace_session *s;
	struct ktrace_ring *r;
	unsigned int cpu, n = 0;

	seq_puts(m, "session cpu size head tail used written lost_full lost_nest lost_reported lost_pending enabled\n");
	mutex_lock(&ktrace_sessions_lock);
	list_for_each_entry(s, &ktrace_sessions, node) {
		rcu_read_lock();
		for_each_possible_cpu(cpu) {
			r = rcu_dereference(s->rings)->ring[cpu];
			seq_printf(m, "%u %u %zu %llu %llu %llu %ld %ld %ld %ld %ld %d\n",
				   n, cpu, r->size,
				   READ_ONCE(r->page->data_head),
				   READ_ONCE(r->page->data_tail),
				   READ_ONCE(r->page->data_head) -
				   READ_ONCE(r->page->data_tail),
				   local_read(&r->written),
				   local_read(&r->lost_full),
				   local_read(&r->lost_nest),
				   local_read(&r->lost_reported),
				   local_read(&r->lost),
				   READ_ONCE(s->enabled));
		}
		rcu_read_unlock();
		n++;
	}
	mutex_unlock(&ktrace_sessions_lock);
}
