// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: a session's syscall counters by process (KTRACE_CFG_PROC_STATS,
 * KTRACE_IOC_PROC_STATS), kept by interval.
 *
 * Terms.  A table is an open-addressed hash table of 1 << @bits slots
 * keyed by tgid, plus one overflow slot.  Each possible CPU has two
 * tables, two halves: the probes count into the half @cur names, the
 * other half is the reader's.  An interval is what one half gathered
 * between two flips; the last closed interval is kept, summed over the
 * CPUs and sorted by tgid, in @snap.
 *
 * Writers.  Only the syscall exit probe writes a table, and only the
 * table of its own CPU, with preemption disabled: it is not preempted,
 * and no interrupt or NMI runs that probe, so the slots need no atomic
 * operation and no lock.  A process claims the first free slot of the
 * KTRACE_PROCS_PROBES slots from its hash and keeps it for the interval;
 * one that finds none counts into the overflow slot.  The probe never
 * allocates and never frees.
 *
 * Readers.  KTRACE_IOC_PROC_STATS, under the session's @lock, flips @cur
 * and waits a grace period: every probe that read the old @cur has left
 * (the probes count inside their preemption-disabled section, which
 * synchronize_rcu() waits for), so the old half has no writer.  It sums
 * that half into @snap and zeroes it, and the probes find it zeroed when
 * the next flip hands it back to them.  A call that races with a flip
 * lands in one interval or the next, never in both and never nowhere.
 *
 * Lifetime.  The tables belong to the session and are replaced only by
 * KTRACE_IOC_CONFIGURE, while the session is disabled, with the same
 * grace period as its rings; the file's release frees them.
 */
#include <linux/hash.h>
#include <linux/log2.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/vmalloc.h>

#include "ktrace.h"

/* Slots a process may look at from its hash before it overflows. */
#define KTRACE_PROCS_PROBES	16

struct ktrace_procs {
	unsigned int bits;		/* slots per table, log2 */
	unsigned int nr_cpus;		/* tables per half */
	unsigned int cur;		/* the half the probes count into */
	u64 start_ns;			/* the current interval began */
	/* The last closed interval, summed: the reader's, under @lock. */
	u64 snap_start, snap_end;
	unsigned int nr_snap;
	struct ktrace_proc_count snap_over;
	struct ktrace_proc_count *snap;	/* [nr_cpus << bits] */
	/* [cpu][half][(1 << bits) + 1]: the last slot is the overflow */
	struct ktrace_proc_count *tab;
	size_t charged;			/* ktrace_memory_charge() */
};

static size_t ktrace_procs_table_len(const struct ktrace_procs *p)
{
	return (1U << p->bits) + 1;
}

static struct ktrace_proc_count *ktrace_procs_table(struct ktrace_procs *p,
						    unsigned int cpu,
						    unsigned int half)
{
	return &p->tab[((size_t)cpu * 2 + half) * ktrace_procs_table_len(p)];
}

/* For CONFIGURE: zeroed tables of proc_slots slots, or NULL. */
struct ktrace_procs *ktrace_procs_alloc(unsigned int nr_cpus)
{
	unsigned int slots = READ_ONCE(ktrace_proc_slots);
	size_t tab, snap;
	struct ktrace_procs *p;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	p->bits = ilog2(slots);
	p->nr_cpus = nr_cpus;
	tab = array3_size(nr_cpus * 2, ktrace_procs_table_len(p),
			  sizeof(*p->tab));
	snap = array3_size(nr_cpus, slots, sizeof(*p->snap));
	p->charged = tab + snap;
	if (!ktrace_memory_charge(p->charged)) {
		kfree(p);
		return NULL;
	}
	p->tab = vzalloc(tab);
	p->snap = vzalloc(snap);
	if (!p->tab || !p->snap) {
		ktrace_procs_free(p);
		return NULL;
	}
	p->snap_over.tgid = -1;
	p->start_ns = ktime_get_ns();
	return p;
}

void ktrace_procs_free(struct ktrace_procs *p)
{
	if (!p)
		return;
	vfree(p->tab);
	vfree(p->snap);
	ktrace_memory_uncharge(p->charged);
	kfree(p);
}

unsigned int ktrace_procs_slots(const struct ktrace_procs *p)
{
	return 1U << p->bits;
}

/*
 * Probe side, on @cpu with preemption disabled, from the syscall exit
 * probe only: count one call of @task's process.
 */
void ktrace_procs_count(struct ktrace_procs *p, unsigned int cpu,
			struct task_struct *task, long ret, u64 duration)
{
	const unsigned int mask = (1U << p->bits) - 1;
	struct ktrace_proc_count *t, *e;
	pid_t tgid = task->tgid;
	unsigned int i, h;

	/* Pairs with smp_store_release() in ktrace_procs_next(). */
	t = ktrace_procs_table(p, cpu, smp_load_acquire(&p->cur));
	h = hash_32(tgid, p->bits);
	e = &t[mask + 1];				/* overflow */
	for (i = 0; i < KTRACE_PROCS_PROBES && i <= mask; i++) {
		struct ktrace_proc_count *slot = &t[(h + i) & mask];

		if (slot->tgid == tgid) {
			e = slot;
			break;
		}
		if (!slot->tgid) {
			slot->tgid = tgid;
			strscpy_pad(slot->comm, task->comm, sizeof(slot->comm));
			e = slot;
			break;
		}
	}
	e->calls++;
	if (IS_ERR_VALUE(ret))
		e->errors++;
	if (duration != KTRACE_DURATION_UNKNOWN)
		e->total_ns += duration;
}

static int ktrace_procs_cmp(const void *a, const void *b)
{
	const struct ktrace_proc_count *x = a, *y = b;

	return x->tgid < y->tgid ? -1 : x->tgid > y->tgid;
}

/*
 * Close the current interval and start the next: flip the halves, wait
 * until no probe writes the old one, sum it into @snap and zero it.
 * Under the session's @lock.
 */
static void ktrace_procs_next(struct ktrace_procs *p)
{
	const size_t len = ktrace_procs_table_len(p);
	const unsigned int slots = 1U << p->bits;
	unsigned int old = p->cur, cpu, i, n = 0, m;
	struct ktrace_proc_count *t, *o = &p->snap_over;
	u64 now;

	/*
	 * The old half was zeroed before this store (by the flip before
	 * this one, or at allocation): pairs with smp_load_acquire() in
	 * ktrace_procs_count(), so the probes see it zeroed.
	 */
	smp_store_release(&p->cur, !old);
	now = ktime_get_ns();
	synchronize_rcu();

	memset(o, 0, sizeof(*o));
	o->tgid = -1;
	for (cpu = 0; cpu < p->nr_cpus; cpu++) {
		t = ktrace_procs_table(p, cpu, old);
		for (i = 0; i < slots; i++)
			if (t[i].tgid)
				p->snap[n++] = t[i];
		o->calls += t[slots].calls;
		o->errors += t[slots].errors;
		o->total_ns += t[slots].total_ns;
		memset(t, 0, len * sizeof(*t));
		cond_resched();
	}
	/* One line per process: its slots on every CPU added up. */
	sort(p->snap, n, sizeof(*p->snap), ktrace_procs_cmp, NULL);
	for (i = 0, m = 0; i < n; i++) {
		if (m && p->snap[m - 1].tgid == p->snap[i].tgid) {
			p->snap[m - 1].calls += p->snap[i].calls;
			p->snap[m - 1].errors += p->snap[i].errors;
			p->snap[m - 1].total_ns += p->snap[i].total_ns;
		} else {
			p->snap[m++] = p->snap[i];
		}
	}
	p->nr_snap = m;
	p->snap_start = p->start_ns;
	p->snap_end = now;
	p->start_ns = now;
}

/*
 * KTRACE_IOC_PROC_STATS, under the session's @lock, @q validated: fill
 * @q and return in *@out a copy of the first @q->nr_procs processes
 * (kvfree() it), for the caller to copy out once the lock is dropped.
 */
int ktrace_procs_query(struct ktrace_procs *p, struct ktrace_proc_stats *q,
		       struct ktrace_proc_count **out)
{
	unsigned int n;

	*out = NULL;
	if (q->flags & KTRACE_PROC_NEXT)
		ktrace_procs_next(p);
	n = q->procs ? min(q->nr_procs, p->nr_snap) : 0;
	if (n) {
		*out = kvmalloc_array(n, sizeof(**out), GFP_KERNEL);
		if (!*out)
			return -ENOMEM;
		memcpy(*out, p->snap, n * sizeof(**out));
	}
	q->nr_procs = p->nr_snap;
	q->start_ns = p->snap_start;
	q->end_ns = p->snap_end;
	q->slots = 1U << p->bits;
	q->overflow = p->snap_over;
	return 0;
}
