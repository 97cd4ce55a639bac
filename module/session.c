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
#include <linux/uaccess.h>
#include <linux/vmalloc.h>

#include "ktrace.h"

/* Sessions the probes write to.  Writers hold ktrace_sessions_lock. */
LIST_HEAD(ktrace_sessions);
static DEFINE_MUTEX(ktrace_sessions_lock);

static void ktrace_session_free_rings(struct ktrace_session *s)
{
	unsigned int cpu;

	if (!s->rings)
		return;
	for_each_possible_cpu(cpu)
		ktrace_ring_free(s->rings[cpu]);
	kfree(s->rings);
	s->rings = NULL;
}

static int ktrace_session_alloc_rings(struct ktrace_session *s, size_t size)
{
	unsigned int cpu, watermark;

	s->rings = kcalloc(s->nr_rings, sizeof(*s->rings), GFP_KERNEL);
	if (!s->rings)
		return -ENOMEM;
	watermark = clamp_t(unsigned int, READ_ONCE(ktrace_wakeup_bytes), 1,
			    size / 2);
	for_each_possible_cpu(cpu) {
		s->rings[cpu] = ktrace_ring_alloc(s, cpu, size, watermark);
		if (!s->rings[cpu]) {
			ktrace_session_free_rings(s);
			return -ENOMEM;
		}
	}
	s->ring_size = size;
	return 0;
}

/* A new session: disabled, rings of the module's default size. */
struct ktrace_session *ktrace_session_create(pid_t owner_tgid)
{
	struct ktrace_session *s;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	mutex_init(&s->lock);
	mutex_init(&s->read_lock);
	init_waitqueue_head(&s->wq);
	s->nr_rings = nr_cpu_ids;
	s->snaplen = READ_ONCE(ktrace_snaplen);
	ktrace_filter_init(&s->filter, owner_tgid);
	s->counts = vzalloc(array3_size(s->nr_rings, KTRACE_ABI_COUNT *
					KTRACE_NR_MAX, sizeof(*s->counts)));
	s->proc_lost = vzalloc(array3_size(s->nr_rings,
					   KTRACE_PROC_LOSS_SLOTS + 1,
					   sizeof(*s->proc_lost)));
	if (!s->counts || !s->proc_lost ||
	    ktrace_session_alloc_rings(s, READ_ONCE(ktrace_ring_size)))
		goto err;

	mutex_lock(&ktrace_sessions_lock);
	list_add_tail_rcu(&s->node, &ktrace_sessions);
	mutex_unlock(&ktrace_sessions_lock);
	return s;

err:
	vfree(s->counts);
	vfree(s->proc_lost);
	kfree(s);
	return ERR_PTR(-ENOMEM);
}

void ktrace_session_destroy(struct ktrace_session *s)
{
	ktrace_session_set_enabled(s, false);
	mutex_lock(&ktrace_sessions_lock);
	list_del_rcu(&s->node);
	mutex_unlock(&ktrace_sessions_lock);
	/* Probes run with preemption disabled: after this none sees @s. */
	synchronize_rcu();
	ktrace_session_free_rings(s);
	ktrace_filter_free(&s->filter);
	kvfree(s->bounce);
	vfree(s->counts);
	vfree(s->proc_lost);
	kfree(s);
}

/*
 * KTRACE_IOC_CONFIGURE, validated by the caller.  Only while disabled:
 * no probe writes into the session then, so its rings can be replaced
 * (unless userspace mapped them) and its settings changed.
 */
int ktrace_session_configure(struct ktrace_session *s,
			     const struct ktrace_config *cfg)
{
	size_t size = cfg->ring_size ? cfg->ring_size :
				       READ_ONCE(ktrace_ring_size);
	unsigned int cpu;
	int ret = 0;

	/*
	 * read_lock before lock: read() faults user pages (mmap_lock) under
	 * read_lock, and mmap() takes lock under mmap_lock.
	 */
	mutex_lock(&s->read_lock);
	mutex_lock(&s->lock);
	if (s->enabled) {
		ret = -EBUSY;
		goto out;
	}
	if (size != s->ring_size) {
		if (s->mapped) {
			ret = -EBUSY;
			goto out;
		}
		ktrace_session_free_rings(s);
		ret = ktrace_session_alloc_rings(s, size);
		/* Keep a usable session: fall back to the old size. */
		if (ret && ktrace_session_alloc_rings(s, s->ring_size))
			ret = -ENOMEM;
		if (ret)
			goto out;
	}
	if (cfg->flags & KTRACE_CFG_OVERWRITE) {
		/* mmap() readers have no protocol for a moving tail. */
		if (s->mapped) {
			ret = -EBUSY;
			goto out;
		}
		if (!s->bounce)
			s->bounce = kvmalloc(KTRACE_REC_MAX_SIZE, GFP_KERNEL);
		if (!s->bounce) {
			ret = -ENOMEM;
			goto out;
		}
	}
	s->overwrite = cfg->flags & KTRACE_CFG_OVERWRITE;
	for_each_possible_cpu(cpu)
		s->rings[cpu]->overwrite = s->overwrite;
	s->snaplen = cfg->snaplen ? cfg->snaplen : READ_ONCE(ktrace_snaplen);
	WRITE_ONCE(s->filter.events, cfg->events);
	WRITE_ONCE(s->filter.exclude_tgid,
		   cfg->flags & KTRACE_CFG_TRACE_SELF ? 0 :
		   s->filter.owner_tgid);
out:
	mutex_unlock(&s->lock);
	mutex_unlock(&s->read_lock);
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
	int ret = 0;

	mutex_lock(&s->lock);
	if (on && !s->enabled) {
		if (!s->rings) {
			ret = -ENOMEM;
			goto out;
		}
		ret = ktrace_probes_get();
		if (!ret)
			WRITE_ONCE(s->enabled, true);
	} else if (!on && s->enabled) {
		WRITE_ONCE(s->enabled, false);
		synchronize_rcu();
		ktrace_probes_put();
		wake_up_interruptible(&s->wq);
	}
out:
	mutex_unlock(&s->lock);
	return ret;
}

static struct ktrace_sys_count *ktrace_count(struct ktrace_session *s,
					     unsigned int cpu,
					     unsigned int abi, long nr)
{
	return &s->counts[((size_t)cpu * KTRACE_ABI_COUNT + abi) *
			  KTRACE_NR_MAX + nr];
}

/* Probe side, on @cpu with preemption disabled: count one syscall exit. */
void ktrace_session_count(struct ktrace_session *s, unsigned int cpu,
			  unsigned int abi, long nr, long ret, u64 duration)
{
	struct ktrace_sys_count *c;

	if (nr < 0 || nr >= KTRACE_NR_MAX)
		return;
	c = ktrace_count(s, cpu, abi, nr);
	c->calls++;
	if (IS_ERR_VALUE(ret))
		c->errors++;
	if (duration != KTRACE_DURATION_UNKNOWN)
		c->total_ns += duration;
}

void ktrace_session_sum_syscall(struct ktrace_session *s,
				struct ktrace_syscall_stats *out)
{
	struct ktrace_sys_count *c;
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		c = ktrace_count(s, cpu, out->abi, out->nr);
		out->calls += READ_ONCE(c->calls);
		out->errors += READ_ONCE(c->errors);
		out->total_ns += READ_ONCE(c->total_ns);
	}
}

/*
 * KTRACE_IOC_RESET_STATS: the per-syscall counts and the losses by
 * process start again from zero; the rings' record counts go on, so that
 * their accounting stays whole.  Counts in flight on other CPUs may
 * survive a reset of a running session.
 */
void ktrace_session_reset_stats(struct ktrace_session *s)
{
	memset(s->counts, 0, array3_size(s->nr_rings, KTRACE_ABI_COUNT *
					 KTRACE_NR_MAX, sizeof(*s->counts)));
	memset(s->proc_lost, 0, array3_size(s->nr_rings,
					    KTRACE_PROC_LOSS_SLOTS + 1,
					    sizeof(*s->proc_lost)));
}

/* Probe side: a record of @tgid was dropped on @cpu. */
void ktrace_session_lost_proc(struct ktrace_session *s, unsigned int cpu,
			      pid_t tgid)
{
	struct ktrace_proc_lost *t = &s->proc_lost[(size_t)cpu *
						   (KTRACE_PROC_LOSS_SLOTS + 1)];
	struct ktrace_proc_lost *slot = &t[hash_32(tgid, 6)];

	BUILD_BUG_ON(KTRACE_PROC_LOSS_SLOTS != 1 << 6);
	if (!slot->tgid)
		WRITE_ONCE(slot->tgid, tgid);
	else if (slot->tgid != tgid)
		slot = &t[KTRACE_PROC_LOSS_SLOTS];	/* others */
	WRITE_ONCE(slot->lost, slot->lost + 1);
}

/* KTRACE_IOC_LOSSES: per CPU, then per process summed over the CPUs. */
int ktrace_session_losses(struct ktrace_session *s, struct ktrace_losses *q)
{
	const unsigned int per_cpu = KTRACE_PROC_LOSS_SLOTS + 1;
	u64 __user *ucpus = u64_to_user_ptr(q->cpus);
	struct ktrace_proc_loss *out;
	struct ktrace_proc_lost *e;
	unsigned int cpu, i, j, n = 0;
	struct ktrace_ring *r;
	int ret = 0;
	u64 lost;

	for (cpu = 0; cpu < s->nr_rings && ucpus && cpu < q->nr_cpus; cpu++) {
		r = cpu_possible(cpu) ? s->rings[cpu] : NULL;
		lost = r ? local_read(&r->lost_full) + local_read(&r->lost_nest) :
			   0;
		if (put_user(lost, ucpus + cpu))
			return -EFAULT;
	}
	q->nr_cpus = s->nr_rings;

	out = kvcalloc(s->nr_rings * per_cpu, sizeof(*out), GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		for (i = 0; i < per_cpu; i++) {
			e = &s->proc_lost[(size_t)cpu * per_cpu + i];
			lost = READ_ONCE(e->lost);
			if (!lost)
				continue;
			for (j = 0; j < n; j++)
				if (out[j].tgid == READ_ONCE(e->tgid))
					break;
			if (j == n)
				out[n++].tgid = READ_ONCE(e->tgid);
			out[j].lost += lost;
		}
	}
	if (q->procs && copy_to_user(u64_to_user_ptr(q->procs), out,
				     min(n, q->nr_procs) * sizeof(*out)))
		ret = -EFAULT;
	q->nr_procs = n;
	kvfree(out);
	return ret;
}

bool ktrace_session_readable(struct ktrace_session *s)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu)
		if (!ktrace_ring_empty(s->rings[cpu]))
			return true;
	return false;
}

/*
 * Copy whole records, oldest timestamp first across the rings, into
 * @buf.  Returns bytes copied, or an error when nothing was.
 */
static ssize_t ktrace_session_read_some(struct ktrace_session *s,
					char __user *buf, size_t count)
{
	struct ktrace_ring *ring, *best;
	size_t copied = 0;
	unsigned int cpu;
	u32 len, best_len = 0;
	u64 ts, best_ts = 0;
	void *rec, *best_rec = NULL;

	for (;;) {
		best = NULL;
		for_each_possible_cpu(cpu) {
			ring = s->rings[cpu];
			rec = ktrace_ring_peek(ring, &len, &ts);
			if (!rec)
				continue;
			if (IS_ERR(rec))
				return copied ? copied : PTR_ERR(rec);
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
	return copied;
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
	struct ktrace_ring *ring, *best;
	unsigned int cpu, tries = 0;
	size_t copied = 0;
	u64 ts, best_ts = 0;
	long n;

	for (;;) {
		if (s->bounce_len) {
			if (s->bounce_len > count - copied)
				return copied ? copied : -EINVAL;
			if (copy_to_user(buf + copied, s->bounce, s->bounce_len))
				return copied ? copied : -EFAULT;
			copied += s->bounce_len;
			s->bounce_len = 0;
		}
		best = NULL;
		for_each_possible_cpu(cpu) {
			ring = s->rings[cpu];
			if (ktrace_ring_empty(ring))
				continue;
			/* A racy look, only to choose: the take checks. */
			ts = READ_ONCE(((struct ktrace_rec_hdr *)(ring->data +
				(READ_ONCE(ring->page->data_tail) &
				 (ring->size - 1))))->ts);
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
		if (n <= 0)
			return copied;
		s->bounce_len = n;
	}
}

ssize_t ktrace_session_read(struct ktrace_session *s, char __user *buf,
			    size_t count, bool nonblock)
{
	ssize_t ret;

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
		if (nonblock)
			return -EAGAIN;
		ret = wait_event_interruptible(s->wq,
					       ktrace_session_readable(s) ||
					       !READ_ONCE(s->enabled));
		if (ret)
			return ret;
	}
}

void ktrace_session_stats(struct ktrace_session *s, struct ktrace_stats *st)
{
	struct ktrace_ring *ring;
	unsigned int cpu;

	memset(st, 0, sizeof(*st));
	for_each_possible_cpu(cpu) {
		ring = s->rings[cpu];
		st->written += local_read(&ring->written);
		st->lost_full += local_read(&ring->lost_full);
		st->lost_nest += local_read(&ring->lost_nest);
		st->lost_reported += local_read(&ring->lost_reported);
		st->lost_pending += local_read(&ring->lost);
	}
	ktrace_stats_global(st);
}

/* mmap() at KTRACE_MMAP_OFFSET(cpu): that CPU's control page and data. */
int ktrace_session_mmap(struct ktrace_session *s, struct vm_area_struct *vma)
{
	const unsigned int shift = 32 - PAGE_SHIFT;
	unsigned long cpu = vma->vm_pgoff >> shift;
	struct ktrace_ring *ring;

	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (vma->vm_pgoff & ((1UL << shift) - 1))
		return -EINVAL;
	if (cpu >= s->nr_rings || !cpu_possible(cpu))
		return -EINVAL;
	/* Not read_lock: read() faults in user pages while holding it. */
	mutex_lock(&s->lock);
	ring = s->rings[cpu];
	if (s->overwrite ||
	    vma->vm_end - vma->vm_start > ring->map_size) {
		mutex_unlock(&s->lock);
		return -EINVAL;
	}
	s->mapped = true;
	mutex_unlock(&s->lock);
	return remap_vmalloc_range(vma, ring->page, 0);
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
		for_each_possible_cpu(cpu) {
			r = s->rings[cpu];
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
		n++;
	}
	mutex_unlock(&ktrace_sessions_lock);
}
