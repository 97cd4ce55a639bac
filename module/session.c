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

struct ktrace_session *ktrace_session_create(void)
{
	struct ktrace_session *s;
	unsigned int cpu, watermark;
	size_t size = READ_ONCE(ktrace_ring_size);

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return ERR_PTR(-ENOMEM);
	mutex_init(&s->read_lock);
	init_waitqueue_head(&s->wq);
	s->ring_size = size;
	s->nr_rings = nr_cpu_ids;
	s->rings = kcalloc(s->nr_rings, sizeof(*s->rings), GFP_KERNEL);
	if (!s->rings)
		goto err;
	watermark = clamp_t(unsigned int, READ_ONCE(ktrace_wakeup_bytes), 1,
			    size / 2);
	for_each_possible_cpu(cpu) {
		s->rings[cpu] = ktrace_ring_alloc(s, cpu, size, watermark);
		if (!s->rings[cpu])
			goto err;
	}
	s->enabled = true;

	mutex_lock(&ktrace_sessions_lock);
	list_add_tail_rcu(&s->node, &ktrace_sessions);
	mutex_unlock(&ktrace_sessions_lock);
	return s;

err:
	if (s->rings)
		for_each_possible_cpu(cpu)
			ktrace_ring_free(s->rings[cpu]);
	kfree(s->rings);
	kfree(s);
	return ERR_PTR(-ENOMEM);
}

void ktrace_session_destroy(struct ktrace_session *s)
{
	unsigned int cpu;

	mutex_lock(&ktrace_sessions_lock);
	list_del_rcu(&s->node);
	mutex_unlock(&ktrace_sessions_lock);
	/* Probes run with preemption disabled: after this none sees @s. */
	synchronize_rcu();
	for_each_possible_cpu(cpu)
		ktrace_ring_free(s->rings[cpu]);
	kfree(s->rings);
	kfree(s);
}

/*
 * KTRACE_IOC_ENABLE/DISABLE.  Once disabling returns, no probe writes into
 * the session's rings any more and waiting readers have been woken.
 */
int ktrace_session_set_enabled(struct ktrace_session *s, bool on)
{
	WRITE_ONCE(s->enabled, on);
	if (!on) {
		synchronize_rcu();
		wake_up_interruptible(&s->wq);
	}
	return 0;
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

ssize_t ktrace_session_read(struct ktrace_session *s, char __user *buf,
			    size_t count, bool nonblock)
{
	ssize_t ret;

	for (;;) {
		if (mutex_lock_interruptible(&s->read_lock))
			return -ERESTARTSYS;
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
	ring = s->rings[cpu];
	if (vma->vm_end - vma->vm_start > ring->map_size)
		return -EINVAL;
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
