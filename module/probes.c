// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: the probes.  They attach to the syscall, process-lifecycle and
 * signal tracepoints, found by name with for_each_kernel_tracepoint(),
 * build one record per event and copy it into the ring of the current CPU
 * of every enabled session.
 *
 * Every probe runs with preemption disabled.  The tracepoints of older
 * kernels do it; the syscall tracepoints run preemptible from Linux 6.13
 * on, and later kernels run the others so too, so the probes do it
 * themselves around the per-CPU work (the syscall probes only where the
 * tracepoint does not: ktrace_sys_probe_begin()).  Records are
 * built on the stack, except syscall records, which carry user data and
 * are built in a per-CPU scratch buffer; a busy flag per interrupt level
 * keeps two probes of one level on one CPU from sharing it.  User memory
 * is read with the _nofault helpers: a probe cannot take a page fault.
 */
#include <linux/binfmts.h>
#include <linux/clocksource.h>
#include <linux/compat.h>
#include <linux/cred.h>
#include <linux/hash.h>
#include <linux/percpu.h>
#include <linux/pid_namespace.h>
#include <linux/preempt.h>
#include <linux/ptrace.h>
#include <linux/rculist.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/topology.h>
#include <linux/tracepoint.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/syscall.h>
#include <asm/tsc.h>
#include <asm/unistd.h>
#include <asm/unistd_32_ia32.h>
#include <trace/events/sched.h>
#include <trace/events/signal.h>
#include <trace/events/syscalls.h>

#include "ktrace.h"
#include "record.h"

/*
 * Enter timestamps and syscall numbers, for the exit: its duration, and
 * its number, which rt_sigreturn() clobbers in pt_regs (and with it the
 * x32 test of in_compat_syscall()).
 *
 * The table has a part per CPU, and a thread claims a slot in the part of
 * the CPU it enters on: only that CPU claims slots there, in task context
 * with preemption disabled, so claims need no atomic operation.  A slot
 * is then written and freed by its thread alone, wherever the thread has
 * moved (or, for a child not yet running, by the parent that forks it).
 * A part is a hash table of buckets of KTRACE_ENTER_WAYS slots by thread
 * id: the enter takes a free slot of its bucket, and the exit looks in
 * the bucket of its own CPU's part, then in that of the CPU a per-tid
 * hint names, then in every part.  A thread holds at most one slot: its
 * syscall exit frees it, and so do its exit probe and exec.  When every
 * slot of the bucket is taken by a thread still in a syscall, the call
 * goes untimed, and the sessions that keep calls by duration count it as
 * lost (ktrace_drop_untimed()): no call they want goes missing silently.
 *
 * A slot: @when holds the thread id in its top 22 bits (PID_MAX_LIMIT is
 * 2^22) and the low 42 bits of the enter's reading of ktrace_clock(), 0
 * when the slot is free; @nr the syscall number, all 32 bits; @call its
 * ABI and flags.  A thread trusts only a slot whose @when carries its id.
 */
#define KTRACE_ENTER_WAYS	8
#define KTRACE_ENTER_SLOTS	16384	/* in all, at least */
#define KTRACE_TS_BITS		42
#define KTRACE_TS_MASK		((1ULL << KTRACE_TS_BITS) - 1)
#define KTRACE_HINT_BITS	14

struct ktrace_enter_bucket {
	u64 when[KTRACE_ENTER_WAYS];
	u32 nr[KTRACE_ENTER_WAYS];
	u32 call[KTRACE_ENTER_WAYS];
};

/*
 * @call: the ABI, that a path could not be read at enter, and that @when
 * is monotonic ns (the enter was recorded, with that timestamp), not a
 * TSC reading (see ktrace_clock()).
 */
#define KTRACE_CALL_COMPAT	BIT(0)
#define KTRACE_CALL_REFETCH	BIT(1)
#define KTRACE_CALL_MONO	BIT(2)

/*
 * The enter table's clock.  A duration takes two readings per call, and
 * ktime_get_mono_fast_ns() reaches the TSC through the clocksource's
 * read(), an indirect call: under emulation two of them cost a quarter of
 * a counted getppid().  Where the kernel trusts the TSC (its rate known,
 * not marked unstable), the table keeps TSC readings in units of
 * 2^KTRACE_TSC_SHIFT cycles, 42 bits of which last more than an hour at
 * 5 GHz, and only their difference is converted to ns.  The monotonic
 * clock is read only for a record's timestamp (ktrace_mono()): an enter
 * that is recorded keeps its timestamp in the table instead
 * (KTRACE_CALL_MONO), so that a record's duration is always the
 * difference of its exit's and its enter's timestamps.  Without a trusted
 * TSC the table keeps monotonic ns only.  Chosen when the syscall probes
 * attach, with the table empty and no syscall probe running.
 */
#define KTRACE_TSC_SHIFT	3

static bool ktrace_tsc __read_mostly;
static u32 ktrace_tsc_mult __read_mostly, ktrace_tsc_shift __read_mostly;

/* The TSC in the table's units. */
static __always_inline u64 ktrace_tsc_units(void)
{
	return rdtsc_ordered() >> KTRACE_TSC_SHIFT;
}

static __always_inline u64 ktrace_clock(void)
{
	if (likely(ktrace_tsc))
		return ktrace_tsc_units();
	return ktime_get_mono_fast_ns();
}

/* A difference of two readings of ktrace_clock(), in ns. */
static __always_inline u64 ktrace_clock_ns(u64 delta)
{
	if (likely(ktrace_tsc))
		return mul_u64_u32_shr(delta, ktrace_tsc_mult,
				       ktrace_tsc_shift);
	return delta;
}

/*
 * The records' clock: CLOCK_MONOTONIC, extrapolated from the TSC.
 * ktime_get_mono_fast_ns() costs an indirect call, which under emulation
 * is most of a primitive's price, and a recorded syscall read it twice.
 * Where the table keeps TSC readings, a reading of the TSC is converted
 * instead, from an anchor: a TSC reading and the monotonic time taken
 * with it, renewed by the first probe that finds it older than
 * KTRACE_ANCHOR_UNITS (2^22 cycles, 2 ms at 2 GHz).  The conversion uses
 * the TSC's nominal rate, as the kernel's clocksource does, and is off
 * from the kernel's clock by NTP's correction of that rate over at most
 * one such period: nanoseconds, which a renewal gives back, possibly by a
 * step back that small.  The exit of a recorded call is never stamped
 * before its enter (ktrace_enter_take()).
 *
 * The anchor is a latch of two copies: a renewal writes the copy readers
 * do not use, then moves them to it with @seq; a reader that saw @seq
 * move while it read tries again.  A probe that interrupts a renewal on
 * its CPU reads the old copy, whole.  One renewal at a time (@busy).
 *
 * A renewal reads the TSC on both sides of the monotonic clock and pairs
 * the clock with their midpoint, from the tightest of KTRACE_ANCHOR_TRIES
 * tries, interrupts off: whatever comes between two readings (a host
 * that runs the other vCPU, under QEMU's single-threaded TCG, can take
 * microseconds) would otherwise shift every timestamp until the next
 * renewal.  capture.timestamps_are_clock_monotonic caught one such anchor,
 * 1.2 us ahead of the clock.
 */
#define KTRACE_ANCHOR_UNITS	(1ULL << (22 - KTRACE_TSC_SHIFT))
#define KTRACE_ANCHOR_TRIES	3

static struct {
	unsigned int seq;
	atomic_t busy;
	struct {
		u64 tsc, mono;
	} copy[2];
} ktrace_anchor ____cacheline_aligned;

static noinline u64 ktrace_anchor_renew(void)
{
	u64 t0, t1, now, tsc = 0, mono = 0, gap = U64_MAX;
	unsigned long flags;
	unsigned int seq, i;

	if (atomic_xchg(&ktrace_anchor.busy, 1))
		return ktime_get_mono_fast_ns();
	local_irq_save(flags);
	for (i = 0; i < KTRACE_ANCHOR_TRIES; i++) {
		t0 = ktrace_tsc_units();
		now = ktime_get_mono_fast_ns();
		t1 = ktrace_tsc_units();
		if (t1 - t0 < gap) {
			gap = t1 - t0;
			tsc = t0 + gap / 2;
			mono = now;
		}
	}
	local_irq_restore(flags);
	seq = ktrace_anchor.seq;
	WRITE_ONCE(ktrace_anchor.copy[(seq + 1) & 1].tsc, tsc);
	WRITE_ONCE(ktrace_anchor.copy[(seq + 1) & 1].mono, mono);
	smp_wmb();	/* the copy, then the readers to it */
	WRITE_ONCE(ktrace_anchor.seq, seq + 1);
	atomic_set_release(&ktrace_anchor.busy, 0);
	return now;
}

static __always_inline u64 ktrace_mono(void)
{
	unsigned int seq;
	u64 now, tsc, mono;

	if (unlikely(!READ_ONCE(ktrace_tsc)))
		return ktime_get_mono_fast_ns();
	now = ktrace_tsc_units();
	do {
		/* Pairs with the smp_wmb() of ktrace_anchor_renew(). */
		seq = smp_load_acquire(&ktrace_anchor.seq);
		tsc = READ_ONCE(ktrace_anchor.copy[seq & 1].tsc);
		mono = READ_ONCE(ktrace_anchor.copy[seq & 1].mono);
		smp_rmb();	/* the copy, then whether it moved */
	} while (unlikely(READ_ONCE(ktrace_anchor.seq) != seq));
	/* Also a renewal by another CPU after @now was read: now < tsc. */
	if (unlikely(now - tsc >= KTRACE_ANCHOR_UNITS))
		return ktrace_anchor_renew();
	/* The rate directly: ktrace_clock_ns() would test ktrace_tsc again. */
	return mono + mul_u64_u32_shr(now - tsc, READ_ONCE(ktrace_tsc_mult),
				      READ_ONCE(ktrace_tsc_shift));
}

/*
 * The lifecycle probes may be running: they read ktrace_mono(), which
 * finds the rate in place before ktrace_tsc says to use it, and renews an
 * anchor it finds stale (or never set).
 */
static void ktrace_clock_choose(void)
{
	u64 units = (u64)tsc_khz * 1000 >> KTRACE_TSC_SHIFT;
	bool tsc = boot_cpu_has(X86_FEATURE_TSC) && units &&
		   !check_tsc_unstable();
	u32 mult, shift;

	if (tsc) {
		clocks_calc_mult_shift(&mult, &shift, units, NSEC_PER_SEC,
				       (1ULL << KTRACE_TS_BITS) / units + 1);
		if (!READ_ONCE(ktrace_tsc)) {
			WRITE_ONCE(ktrace_tsc_mult, mult);
			WRITE_ONCE(ktrace_tsc_shift, shift);
		}
	}
	/* The rate, then the probes to it: they test ktrace_tsc first. */
	smp_store_release(&ktrace_tsc, tsc);
}

static struct ktrace_enter_bucket *ktrace_enter_tab;
static unsigned int ktrace_enter_bits;	/* buckets per CPU, log2 */
static u16 ktrace_enter_hint[1 << KTRACE_HINT_BITS];

/*
 * The task probes touch the table only while the syscall probes are
 * attached, and it is cleared before they are: enters seen by an earlier
 * attachment must not time new exits.
 */
static bool ktrace_timing;

static bool ktrace_enter_on(void)
{
	/* Pairs with the release in ktrace_probes_attach(). */
	return smp_load_acquire(&ktrace_timing);
}

static struct ktrace_enter_bucket *ktrace_enter_bucket(unsigned int cpu,
						       pid_t tid)
{
	return &ktrace_enter_tab[((size_t)cpu << ktrace_enter_bits) +
				 hash_32(tid, ktrace_enter_bits)];
}

static u64 ktrace_enter_id(pid_t tid)
{
	return (u64)tid << KTRACE_TS_BITS;
}

/* The way of @b that holds @tid's enter, or -1. */
static __always_inline int ktrace_enter_way(struct ktrace_enter_bucket *b,
					    pid_t tid)
{
	u64 when;
	int i;

	for (i = 0; i < KTRACE_ENTER_WAYS; i++) {
		when = READ_ONCE(b->when[i]);
		if (when && (when & ~KTRACE_TS_MASK) == ktrace_enter_id(tid))
			return i;
	}
	return -1;
}

/* ktrace_enter_find() when @tid entered on another CPU than @cpu. */
static noinline struct ktrace_enter_bucket *
ktrace_enter_find_moved(pid_t tid, unsigned int cpu, int *way)
{
	struct ktrace_enter_bucket *b;
	unsigned int hint, i;

	/* It entered elsewhere: most likely where it last entered. */
	hint = READ_ONCE(ktrace_enter_hint[hash_32(tid, KTRACE_HINT_BITS)]);
	if (hint != cpu && hint < nr_cpu_ids) {
		b = ktrace_enter_bucket(hint, tid);
		*way = ktrace_enter_way(b, tid);
		if (*way >= 0)
			return b;
	}
	for_each_possible_cpu(i) {
		if (i == cpu || i == hint)
			continue;
		b = ktrace_enter_bucket(i, tid);
		*way = ktrace_enter_way(b, tid);
		if (*way >= 0)
			return b;
	}
	return NULL;
}

/* The bucket holding @tid's enter, its way in *@way; NULL if none. */
static __always_inline struct ktrace_enter_bucket *
ktrace_enter_find(pid_t tid, int *way)
{
	unsigned int cpu = smp_processor_id();
	struct ktrace_enter_bucket *b;

	b = ktrace_enter_bucket(cpu, tid);
	*way = ktrace_enter_way(b, tid);
	if (likely(*way >= 0))
		return b;
	return ktrace_enter_find_moved(tid, cpu, way);
}

/*
 * Claim a slot of this CPU's part for @tid's enter at @ts, a reading of
 * ktrace_clock(); its way in *@way.  NULL when the bucket is full.  Task
 * context, preemption off.  The first way that is free or already
 * @tid's (a slot left behind, which cannot happen) is taken: a lookup
 * scans in the same order and stops at the first of @tid's, so a later
 * one left behind can never be taken for this enter.
 */
static __always_inline struct ktrace_enter_bucket *
ktrace_enter_set(pid_t tid, u64 ts, u32 nr, u32 call, int *way)
{
	unsigned int cpu = smp_processor_id();
	struct ktrace_enter_bucket *b = ktrace_enter_bucket(cpu, tid);
	u16 *hint = &ktrace_enter_hint[hash_32(tid, KTRACE_HINT_BITS)];
	u64 when;
	int i;

	for (i = 0; i < KTRACE_ENTER_WAYS; i++) {
		when = READ_ONCE(b->when[i]);
		if (!when || (when & ~KTRACE_TS_MASK) == ktrace_enter_id(tid))
			break;
	}
	if (i == KTRACE_ENTER_WAYS) {
		*way = -1;
		return NULL;
	}
	*way = i;
	WRITE_ONCE(b->nr[*way], nr);
	WRITE_ONCE(b->call[*way], call);
	WRITE_ONCE(b->when[*way], ktrace_enter_id(tid) | (ts & KTRACE_TS_MASK));
	if (READ_ONCE(*hint) != cpu)
		WRITE_ONCE(*hint, cpu);
	return b;
}

static u32 ktrace_call(unsigned int abi)
{
	return abi == KTRACE_ABI_COMPAT ? KTRACE_CALL_COMPAT : 0;
}

/*
 * Take @tid's enter: its duration in ns (or unknown) and, when known, the
 * ABI and syscall number of the enter in *@abi and *@nr, and in *@refetch
 * whether its paths must be read again.  *@ts is the monotonic time of
 * the exit if reading it was needed, else 0.
 */
static __always_inline u64
ktrace_enter_take(pid_t tid, u64 *ts, unsigned int *abi, long *nr,
		  bool *refetch)
{
	struct ktrace_enter_bucket *b;
	u64 when;
	u32 call;
	int way;

	*refetch = false;
	*ts = 0;
	b = ktrace_enter_find(tid, &way);
	if (!b)
		return KTRACE_DURATION_UNKNOWN;
	when = READ_ONCE(b->when[way]);
	call = READ_ONCE(b->call[way]);
	*nr = (s32)READ_ONCE(b->nr[way]);
	WRITE_ONCE(b->when[way], 0);
	*abi = call & KTRACE_CALL_COMPAT ? KTRACE_ABI_COMPAT :
					   KTRACE_ABI_NATIVE;
	*refetch = call & KTRACE_CALL_REFETCH;
	if (call & KTRACE_CALL_MONO || !ktrace_tsc) {
		u64 d;

		*ts = ktrace_mono();
		d = (*ts - when) & KTRACE_TS_MASK;
		/*
		 * An anchor renewed since the enter may have stepped back
		 * (ktrace_mono()): stamp the exit with the enter's time.
		 */
		if (unlikely(d > KTRACE_TS_MASK - NSEC_PER_SEC)) {
			*ts += KTRACE_TS_MASK + 1 - d;
			d = 0;
		}
		return d;
	}
	return ktrace_clock_ns((ktrace_clock() - when) & KTRACE_TS_MASK);
}

static void ktrace_enter_forget(pid_t tid)
{
	struct ktrace_enter_bucket *b;
	int way;

	b = ktrace_enter_find(tid, &way);
	if (b)
		WRITE_ONCE(b->when[way], 0);
}

/*
 * Per-CPU probe state.  The scratch buffer builds records of a snap length
 * up to KTRACE_SNAPLEN_MAX at first; a session configured for longer ones
 * (KTRACE_CFG_LONG) grows it with ktrace_probes_scratch(), a grace period
 * before the old one is freed.
 */
#define KTRACE_LEVELS		4	/* task, softirq, hardirq, NMI */

struct ktrace_scratch {
	u32 snaplen;			/* the longest it builds records of */
	u32 __pad;
	u64 buf[];
};

struct ktrace_cpu {
	bool busy[KTRACE_LEVELS];
	struct ktrace_scratch __rcu *scratch;	/* task level only */
};

static DEFINE_PER_CPU(struct ktrace_cpu, ktrace_cpu);

/* This CPU's scratch buffer; *@snaplen is cut to what it holds. */
static __always_inline void *ktrace_scratch(u32 *snaplen)
{
	struct ktrace_scratch *sc;

	sc = rcu_dereference_sched(this_cpu_ptr(&ktrace_cpu)->scratch);
	*snaplen = min(*snaplen, sc->snaplen);
	return sc->buf;
}

static struct ktrace_scratch *ktrace_scratch_alloc(unsigned int cpu,
						   u32 snaplen)
{
	struct ktrace_scratch *sc;

	sc = kvmalloc_node(sizeof(*sc) + ktrace_rec_max(snaplen), GFP_KERNEL,
			   cpu_to_node(cpu));
	if (sc)
		sc->snaplen = snaplen;
	return sc;
}

/*
 * What an event is, for the sessions' filters: its kind, the task whose
 * PID filter decides (or a second one, the target of a signal), and for
 * syscalls the number and how the call ended.
 */
enum ktrace_phase {
	KTRACE_PH_OTHER,	/* not a syscall record */
	KTRACE_PH_ENTER,	/* a syscall enter, as it happens */
	KTRACE_PH_EXIT,		/* a syscall exit */
	KTRACE_PH_LATE_ENTER,	/* an enter written at exit (status filters) */
};

struct ktrace_ev {
	u32 kind;			/* KTRACE_EV_* */
	enum ktrace_phase phase;
	bool reap;			/* the free probe's reap record */
	struct task_struct *task, *task2;
	unsigned int abi;
	long nr;
	long ret;
	u64 duration;
};

static bool ktrace_status_ok(const struct ktrace_filter *f,
			     const struct ktrace_ev *ev)
{
	u32 status = READ_ONCE(f->status);
	u64 min = READ_ONCE(f->min_duration_ns);

	if (status && !(status & (IS_ERR_VALUE(ev->ret) ?
				  KTRACE_STATUS_FAILED :
				  KTRACE_STATUS_SUCCESSFUL)))
		return false;
	return !min || (ev->duration != KTRACE_DURATION_UNKNOWN &&
			ev->duration >= min);
}

static bool ktrace_may_replace_args(unsigned int abi, long nr);

/*
 * Is call @nr of @abi recorded only once it returns, when its status is
 * known?  Not, with KTRACE_STATUS_KEEP_ARGS, a call that may replace its
 * arguments: that one is recorded as without the filter, for the reader
 * to filter.
 */
static __always_inline bool ktrace_defers(const struct ktrace_filter *f,
					  unsigned int abi, long nr)
{
	return ktrace_filter_deferred(f) &&
	       !((READ_ONCE(f->status_flags) & KTRACE_STATUS_KEEP_ARGS) &&
		 ktrace_may_replace_args(abi, nr));
}

/* Does session @s trace @ev's task, and its syscall? */
static bool ktrace_traces(struct ktrace_session *s, const struct ktrace_ev *ev)
{
	const struct ktrace_filter *f = &s->filter;

	if (!READ_ONCE(s->enabled) || !(READ_ONCE(f->events) & ev->kind))
		return false;
	if (unlikely(ev->reap)) {
		if (!ktrace_filter_reaped(f, ev->task))
			return false;
	} else if (!ktrace_filter_task(f, ev->task) &&
		   !(ev->task2 && ktrace_filter_task(f, ev->task2))) {
		return false;
	}
	return ev->phase == KTRACE_PH_OTHER ||
	       ktrace_filter_syscall(f, ev->abi, ev->nr);
}

/* Does session @s record @ev?  The filters, in the order of their cost. */
static bool ktrace_match(struct ktrace_session *s, const struct ktrace_ev *ev)
{
	const struct ktrace_filter *f = &s->filter;
	bool deferred;

	if (!ktrace_traces(s, ev))
		return false;
	if (ev->phase == KTRACE_PH_OTHER)
		return true;
	deferred = ktrace_defers(f, ev->abi, ev->nr);
	switch (ev->phase) {
	case KTRACE_PH_ENTER:
		return !deferred;
	case KTRACE_PH_EXIT:
		return !deferred || ktrace_status_ok(f, ev);
	default:
		return deferred && ktrace_status_ok(f, ev);
	}
}

/*
 * Does any session record @ev?  Then *@snaplen is the largest snap length
 * among them, no more than the smallest of their ceilings (what their
 * rings hold, and 4096 for a reader that does not take long records),
 * and, unless @ip is NULL, *@ip tells whether one of them asked for the
 * instruction pointer (KTRACE_CFG_IP): a record is built once for every
 * session.  @s->ip shares a cache line with @s->enabled,
 * which ktrace_match() reads first.  *@verbose likewise, unless NULL:
 * one of them asked for what strace -v prints (KTRACE_CFG_VERBOSE).
 * Unlike the IP, those blobs are not taken out again for the others:
 * they lie among the rest, each of a kind of its own (ABI 1.11) that a
 * reader which did not ask skips, as it skips kinds it does not know;
 * a session without the flag pays only their room, as it gets the
 * largest snap length of the sessions recording the same event.
 * *@only, unless @only is NULL: the session, when only one records @ev,
 * for ktrace_emit_ip() to write to without matching every session again;
 * else NULL.
 */
static bool ktrace_wanted_v(const struct ktrace_ev *ev, u32 *snaplen,
			    bool *ip, bool *verbose,
			    struct ktrace_session **only)
{
	u32 ceiling = KTRACE_SNAPLEN_LONG_MAX;
	struct ktrace_session *s, *one = NULL;
	unsigned int n = 0;

	*snaplen = 0;
	if (ip)
		*ip = false;
	if (verbose)
		*verbose = false;
	list_for_each_entry_rcu(s, &ktrace_sessions, node) {
		if (ktrace_match(s, ev)) {
			one = s;
			n++;
			*snaplen = max(*snaplen, READ_ONCE(s->snaplen));
			ceiling = min(ceiling, READ_ONCE(s->snap_ceiling));
			if (ip && READ_ONCE(s->ip))
				*ip = true;
			if (verbose && READ_ONCE(s->verbose))
				*verbose = true;
		}
	}
	*snaplen = min(*snaplen, ceiling);
	if (only)
		*only = n == 1 ? one : NULL;
	return n;
}

static bool ktrace_wanted(const struct ktrace_ev *ev, u32 *snaplen, bool *ip)
{
	return ktrace_wanted_v(ev, snaplen, ip, NULL, NULL);
}

/* Count a record dropped for nesting in every session that wanted it. */
static void ktrace_drop_nested(const struct ktrace_ev *ev, u64 ts)
{
	unsigned int cpu = smp_processor_id();
	struct ktrace_session *s;

	local_inc(&ktrace_stats_cpu(cpu)->lost_nest);
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		if (ktrace_match(s, ev))
			ktrace_ring_drop(ktrace_session_ring(s, cpu), ts, true,
					 ev->task->tgid);
}

/*
 * The enter of @ev found no free slot (see the enter table): the sessions
 * that keep calls by their duration cannot judge this call, and count it
 * as one record lost.
 */
static void ktrace_drop_untimed(const struct ktrace_ev *ev, u64 ts)
{
	unsigned int cpu = smp_processor_id();
	struct ktrace_session *s;

	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		if (READ_ONCE(s->filter.min_duration_ns) &&
		    ktrace_defers(&s->filter, ev->abi, ev->nr) &&
		    ktrace_traces(s, ev))
			ktrace_ring_drop(ktrace_session_ring(s, cpu), ts, false,
					 ev->task->tgid);
}

/*
 * Claim this CPU's state for the current interrupt level; false (and the
 * record counted as dropped) if a probe of this level is already in it.
 * Preemption is disabled.
 */
static bool ktrace_begin(unsigned int *level, const struct ktrace_ev *ev,
			 u64 ts)
{
	struct ktrace_cpu *kc = this_cpu_ptr(&ktrace_cpu);

	*level = interrupt_context_level();
	if (unlikely(kc->busy[*level])) {
		ktrace_drop_nested(ev, ts);
		return false;
	}
	kc->busy[*level] = true;
	barrier();
	return true;
}

static void ktrace_end(unsigned int level)
{
	barrier();
	this_cpu_ptr(&ktrace_cpu)->busy[level] = false;
}

static __always_inline void ktrace_hdr(struct ktrace_rec_hdr *h, u16 type,
				       u32 size, struct task_struct *t, u64 ts)
{
	h->size = size;
	h->type = type;
	h->flags = in_task() ? 0 : KTRACE_RF_IRQ;
	h->ts = ts;
	h->pid = t->pid;
	h->tgid = t->tgid;
	h->cpu = smp_processor_id();
	h->__reserved = 0;
	/*
	 * The kernel keeps comm NUL-padded (__set_task_comm() uses
	 * strscpy_pad()): two words copied, not a byte loop; the last byte
	 * forced in case of a rename under way.
	 */
	BUILD_BUG_ON(sizeof(t->comm) != sizeof(h->comm));
	memcpy(h->comm, t->comm, sizeof(h->comm));
	h->comm[sizeof(h->comm) - 1] = '\0';
}

/*
 * Write @h into session @s's ring on @cpu, or count it lost there when
 * the session does not take it: the record was sized for the sessions
 * that matched when the probe looked, and one that matched only after
 * (ENABLE, a pid, a syscall or a status filter set meanwhile) may take
 * less: a long record (KTRACE_RF_LONG) that it did not ask for, or one
 * longer than its snap length allows, which its reader's buffer need not
 * hold.
 */
static void ktrace_emit_to(struct ktrace_session *s, unsigned int cpu,
			   struct ktrace_rec_hdr *h)
{
	struct ktrace_ring *ring = ktrace_session_ring(s, cpu);

	if (unlikely(((h->flags & KTRACE_RF_LONG) && !READ_ONCE(s->lng)) ||
		     h->size > ktrace_rec_max(READ_ONCE(s->snap_ceiling)))) {
		ktrace_ring_drop(ring, h->ts, false, h->tgid);
		return;
	}
	ktrace_ring_write(ring, h, h->size, h->ts);
}

/*
 * Copy a finished record into this CPU's ring of every session that
 * records @ev.  @ip: the record ends with the instruction pointer
 * (KTRACE_CFG_IP), which the sessions that asked for it get whole; the
 * others, met on the way, get it after the walk without its last 8
 * bytes, and a syscall record (@nblobs not NULL) without the IP blob's
 * descriptor, the last, its slot left zero: a second walk, only when
 * sessions with and without the flag record the same event.  @only: the
 * one session that records @ev, which the probe found matching (see
 * ktrace_wanted_v()), or NULL to match them all here; it asked for the
 * IP if @ip.
 */
static void ktrace_emit_ip(struct ktrace_rec_hdr *h, const struct ktrace_ev *ev,
			   bool ip, u16 *nblobs, struct ktrace_blob *blobs,
			   struct ktrace_session *only)
{
	unsigned int cpu = smp_processor_id();
	struct ktrace_session *s;
	bool others = false;

	local_inc(&ktrace_stats_cpu(cpu)->records);
	if (only) {
		ktrace_emit_to(only, cpu, h);
		return;
	}
	list_for_each_entry_rcu(s, &ktrace_sessions, node) {
		if (!ktrace_match(s, ev))
			continue;
		if (ip && !READ_ONCE(s->ip)) {
			others = true;
			continue;
		}
		ktrace_emit_to(s, cpu, h);
	}
	if (likely(!others))
		return;
	if (nblobs) {
		(*nblobs)--;
		memset(&blobs[*nblobs], 0, sizeof(blobs[0]));
	}
	h->size -= sizeof(u64);
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		if (!READ_ONCE(s->ip) && ktrace_match(s, ev))
			ktrace_emit_to(s, cpu, h);
}

/* A record without the instruction pointer. */
static void ktrace_emit(struct ktrace_rec_hdr *h, const struct ktrace_ev *ev)
{
	ktrace_emit_ip(h, ev, false, NULL, NULL, NULL);
}

/*
 * ia32 or native: TS_COMPAT, set by the 32-bit entry points.  Not
 * in_compat_syscall(), which also reports x32 from the syscall number in
 * pt_regs, a number that rt_sigreturn() sets to -1.
 */
static unsigned int ktrace_abi(void)
{
	return in_ia32_syscall() ? KTRACE_ABI_COMPAT : KTRACE_ABI_NATIVE;
}

/*
 * Calls that replace the registers holding their arguments: once they
 * have returned, neither the arguments nor (exec) the memory they pointed
 * to are there any more.
 */
#define KTRACE_X32_RT_SIGRETURN	(__X32_SYSCALL_BIT + 513)
#define KTRACE_X32_EXECVE	(__X32_SYSCALL_BIT + 520)
#define KTRACE_X32_EXECVEAT	(__X32_SYSCALL_BIT + 545)

/*
 * execve's and execveat's path and argv arguments, or -1: what
 * ktrace_capture_exec() reads again at the exit of a successful one.
 * execveat's path is relative to a descriptor, where the kernel's copy
 * is "/dev/fd/N/...": not read again.
 */
static int ktrace_exec_args(unsigned int abi, long nr, u8 *path_arg)
{
	bool execveat;

	if (abi == KTRACE_ABI_COMPAT) {
		if (nr != __NR_ia32_execve && nr != __NR_ia32_execveat)
			return -1;
		execveat = nr == __NR_ia32_execveat;
	} else {
		if (nr != __NR_execve && nr != __NR_execveat &&
		    nr != KTRACE_X32_EXECVE && nr != KTRACE_X32_EXECVEAT)
			return -1;
		execveat = nr == __NR_execveat || nr == KTRACE_X32_EXECVEAT;
	}
	*path_arg = execveat ? KTRACE_BLOB_ARG_NONE : 0;
	return execveat ? 2 : 1;
}

static bool ktrace_sigreturn(unsigned int abi, long nr)
{
	if (abi == KTRACE_ABI_COMPAT)
		return nr == __NR_ia32_rt_sigreturn ||
		       nr == __NR_ia32_sigreturn;
	return nr == __NR_rt_sigreturn || nr == KTRACE_X32_RT_SIGRETURN;
}

/* Does call @nr of @abi replace its arguments if it succeeds? */
static bool ktrace_may_replace_args(unsigned int abi, long nr)
{
	u8 path_arg;

	return ktrace_exec_args(abi, nr, &path_arg) >= 0 ||
	       ktrace_sigreturn(abi, nr);
}

/* Did call @nr of @abi, returning @ret, replace its arguments? */
static bool ktrace_args_replaced(unsigned int abi, long nr, long ret)
{
	u8 path_arg;

	if (ktrace_exec_args(abi, nr, &path_arg) >= 0)
		return !ret;
	return ktrace_sigreturn(abi, nr);
}

/*
 * A syscall's arguments as the kernel takes them: an ia32 call's are the
 * low 32 bits of the registers.  A 64-bit process may make one by int
 * $0x80 with the registers' upper halves set, which the call's wrapper
 * drops and syscall_get_arguments() keeps.
 */
static void ktrace_syscall_args(struct pt_regs *regs, unsigned int abi,
				unsigned long *args)
{
	unsigned int i;

	syscall_get_arguments(current, regs, args);
	if (abi == KTRACE_ABI_COMPAT)
		for (i = 0; i < 6; i++)
			args[i] = (u32)args[i];
}

/*
 * Returns true when an in blob (envp's count aside) could not be read,
 * for the exit to read it again.  @args_lost: written at
 * exit, after a call that replaced its arguments; the record says so and
 * carries neither arguments nor blobs.
 */
static bool ktrace_record_sys_enter(struct pt_regs *regs, long id,
				    unsigned int abi, u64 ts, void *scratch,
				    const struct ktrace_ev *ev,
				    struct ktrace_session *only, u32 snaplen,
				    bool ip, bool verbose, bool args_lost)
{
	const struct ktrace_sys_caps *c = ktrace_caps(abi, id);
	struct ktrace_rec_sys_enter *r = scratch;
	unsigned long args[6] __uninitialized;
	struct ktrace_capture_ctx x = { .args = args, .verbose = verbose };
	struct ktrace_build b __uninitialized;
	unsigned int i;

	/* Every field is written: the header by ktrace_hdr(), no holes. */
	r->nr = id;
	r->abi = abi;
	ip = ip && !args_lost;
	if (args_lost) {
		c = NULL;
		memset(r->args, 0, sizeof(r->args));
	} else {
		ktrace_syscall_args(regs, abi, args);
		for (i = 0; i < 6; i++)
			r->args[i] = args[i];
	}
	x.sp = c ? user_stack_pointer(regs) : 0;
	ktrace_build_init(&b, r, sizeof(*r), r->blobs, &r->nblobs,
			  c ? ktrace_capture_count(c, &x) : 0,
			  abi == KTRACE_ABI_COMPAT, snaplen);
	if (ip)
		ktrace_build_want_ip(&b);
	if (c)
		ktrace_capture(&b, c, &x);
	if (ip)
		ktrace_build_ip(&b, instruction_pointer(regs));
	ktrace_hdr(&r->hdr, KTRACE_REC_SYS_ENTER, ktrace_build_finish(&b),
		   current, ts);
	r->hdr.flags |= ktrace_build_flags(&b);
	if (args_lost)
		r->hdr.flags |= KTRACE_RF_ARGS_LOST;
	ktrace_emit_ip(&r->hdr, ev, ip, &r->nblobs, r->blobs, only);
	for (i = 0; i < r->nblobs; i++)
		if (r->blobs[i].kind != KTRACE_BLOB_COUNT &&
		    (r->blobs[i].flags & KTRACE_BF_FAULT))
			return true;
	return false;
}

/* Is @sig (a standard signal) in @set?  Read without the siglock. */
static bool ktrace_sig_in(const sigset_t *set, int sig)
{
	return READ_ONCE(set->sig[0]) & sigmask(sig);
}

/* Did call @nr of @abi, returning @ret, send a signal? */
static bool ktrace_sent_signal(unsigned int abi, long nr, long ret)
{
	if (ret)
		return false;
	if (abi == KTRACE_ABI_COMPAT)
		return nr == __NR_ia32_kill || nr == __NR_ia32_tkill ||
		       nr == __NR_ia32_tgkill ||
		       nr == __NR_ia32_rt_sigqueueinfo ||
		       nr == __NR_ia32_rt_tgsigqueueinfo ||
		       nr == __NR_ia32_pidfd_send_signal;
	return nr == __NR_kill || nr == __NR_tkill || nr == __NR_tgkill ||
	       nr == __NR_rt_sigqueueinfo || nr == __NR_rt_tgsigqueueinfo ||
	       nr == __NR_pidfd_send_signal;
}

/*
 * The process that queued @sig, a fatal signal, to current's group, by
 * kill() or sigqueue() (a pid in current's namespace), or 0: unknown.
 */
static pid_t ktrace_group_sender(int sig)
{
	/* Only current's own exec could change it: preemption is off. */
	struct sighand_struct *sh = rcu_dereference_sched(current->sighand);
	struct sigpending *sp = &current->signal->shared_pending;
	struct sigqueue *q;
	unsigned long flags;
	pid_t pid = 0;

	spin_lock_irqsave(&sh->siglock, flags);
	list_for_each_entry(q, &sp->list, list) {
		if (q->info.si_signo != sig)
			continue;
		if (SI_FROMUSER(&q->info))
			pid = q->info.si_pid;
		break;
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	return pid;
}

/*
 * Would a tracer see current take @sig, the fatal signal its group dies
 * of?  Where it is still queued: to current alone (tkill(), a fault), or
 * to the group.  A group's signal sent by one of its own threads is
 * taken by that thread, which a tracer stops at its call's return first
 * (ktrace_sent_signal()).  Else complete_signal() gives it to the main
 * thread unless that one blocks it, then to the first thread that does
 * not.  Once no thread has it queued, its taker has dequeued it, past
 * its own call's return (a core dump's).  Task context, preemption off:
 * the thread list is read under RCU, the masks without the siglock.
 */
static bool ktrace_takes_signal(int sig)
{
	struct task_struct *t;

	if (ktrace_sig_in(&current->pending.signal, sig))
		return true;
	if (!ktrace_sig_in(&current->signal->shared_pending.signal, sig) ||
	    ktrace_group_sender(sig) == task_tgid_vnr(current))
		return false;
	for_each_thread(current, t)
		if (!ktrace_sig_in(&t->blocked, sig))
			return t == current;
	return false;
}

/*
 * Does current die on its way out of call @nr of @abi, returning @ret,
 * where a ptrace tracer sees no exit?  A fatal signal is pending: a
 * SIGKILL, or a group exit (another thread's exit_group(), an exec).
 * When the group dies of another fatal signal, a tracer sees one thread
 * take it: in an untraced group complete_signal() queues a SIGKILL to
 * every thread at once, in a traced one only the thread it gives the
 * signal to returns, then takes it (and so does the thread whose call
 * sent it), and the others are killed by the group exit that follows.
 */
static bool ktrace_dies_unseen(unsigned int abi, long nr, long ret)
{
	int sig;

	if (!fatal_signal_pending(current))
		return false;
	sig = READ_ONCE(current->signal->group_exit_code) & 0x7f;
	if (!sig || sig == SIGKILL || sig > _NSIG)
		return true;
	return !ktrace_sent_signal(abi, nr, ret) && !ktrace_takes_signal(sig);
}

static void ktrace_record_sys_exit(struct pt_regs *regs, long nr, long ret,
				   unsigned int abi, u64 ts, u64 duration,
				   void *scratch, const struct ktrace_ev *ev,
				   struct ktrace_session *only, u32 snaplen,
				   bool ip, bool verbose, bool refetch,
				   bool exec_again)
{
	const struct ktrace_sys_caps *c = ktrace_caps(abi, nr);
	struct ktrace_rec_sys_exit *r = scratch;
	u8 path_arg = KTRACE_BLOB_ARG_NONE;
	unsigned long args[6] __uninitialized;
	struct ktrace_capture_ctx x = {
		.args = args, .ret = ret, .exit = true, .refetch = refetch,
		.verbose = verbose,
	};
	struct ktrace_build b __uninitialized;
	int argv_arg = exec_again ? ktrace_exec_args(abi, nr, &path_arg) : -1;

	ktrace_syscall_args(regs, abi, args);
	/* Every field is written: the header by ktrace_hdr(), no holes. */
	r->nr = nr;
	r->abi = abi;
	r->ret = ret;
	r->duration = duration;
	ktrace_build_init(&b, r, sizeof(*r), r->blobs, &r->nblobs,
			  (c ? ktrace_capture_count(c, &x) : 0) +
			  (argv_arg < 0 ? 0 : verbose ? 3 : 2),
			  abi == KTRACE_ABI_COMPAT, snaplen);
	if (ip)
		ktrace_build_want_ip(&b);
	if (c)
		ktrace_capture(&b, c, &x);
	/* envp follows argv in both calls' arguments. */
	if (argv_arg >= 0)
		ktrace_capture_exec(&b, path_arg, argv_arg,
				    verbose ? argv_arg + 1 :
					      KTRACE_BLOB_ARG_NONE);
	if (ip)
		ktrace_build_ip(&b, instruction_pointer(regs));
	ktrace_hdr(&r->hdr, KTRACE_REC_SYS_EXIT, ktrace_build_finish(&b),
		   current, ts);
	r->hdr.flags |= ktrace_build_flags(&b);
	if (ktrace_dies_unseen(abi, nr, ret))
		r->hdr.flags |= KTRACE_RF_KILLED;
	ktrace_emit_ip(&r->hdr, ev, ip, &r->nblobs, r->blobs, only);
}

/*
 * The tracepoints of older kernels call every probe with preemption
 * disabled.  The kernels whose syscall tracepoints may take page faults
 * define __DECLARE_TRACE_SYSCALL, and call those probes preemptible; the
 * syscall probes then disable preemption themselves, to stay on one
 * CPU's enter table, counters and ring until they return.  Where the
 * tracepoint has done it they do not do it again, which saves every
 * probe call two updates of the preemption count and a test; lockdep
 * checks the assumption on the kernels that have it.
 */
#ifdef __DECLARE_TRACE_SYSCALL
#define ktrace_sys_probe_begin()	preempt_disable()
#define ktrace_sys_probe_end()		preempt_enable()
#else
#define ktrace_sys_probe_begin()	lockdep_assert_preemption_disabled()
#define ktrace_sys_probe_end()		do { } while (0)
#endif

/*
 * Does an enabled session trace @task at all, and does one of them record
 * its syscalls or do they only count them?  Both syscall probes ask
 * first: the calls of a task that no session traces cost a test of two
 * bits while every session has a PID filter (ktrace_filter_maybe()), else
 * one walk of the session list, with no timestamp, no enter table and no
 * counter; the enter of a call that is only counted costs no second walk.
 * *@one: the session, when only one traces @task, which the probes then
 * ask the rest without walking the list again; else NULL.
 */
#define KTRACE_TRACED		BIT(0)
#define KTRACE_RECORDED		BIT(1)

static __always_inline unsigned int
ktrace_who_traces(const struct task_struct *task, struct ktrace_session **one)
{
	struct ktrace_session *s;
	unsigned int who = 0, n = 0;

	*one = NULL;
	if (!ktrace_filter_maybe(task))
		return 0;
	list_for_each_entry_rcu(s, &ktrace_sessions, node) {
		if (!READ_ONCE(s->enabled) ||
		    !ktrace_filter_task(&s->filter, task))
			continue;
		*one = s;
		n++;
		who |= KTRACE_TRACED;
		if (READ_ONCE(s->filter.events) & KTRACE_EV_SYSCALL)
			who |= KTRACE_RECORDED;
	}
	if (n != 1)
		*one = NULL;
	return who;
}

/*
 * ktrace_wanted_v() for a syscall enter of a task that only @s traces
 * (ktrace_who_traces()), and records syscalls: the rest of
 * ktrace_match()'s tests, for @s alone.
 */
static __always_inline bool ktrace_wanted_one(struct ktrace_session *s,
					      const struct ktrace_ev *ev,
					      u32 *snaplen, bool *ip,
					      bool *verbose)
{
	const struct ktrace_filter *f = &s->filter;

	if (!ktrace_filter_syscall(f, ev->abi, ev->nr) ||
	    ktrace_defers(f, ev->abi, ev->nr))
		return false;
	*snaplen = min(READ_ONCE(s->snaplen), READ_ONCE(s->snap_ceiling));
	*ip = READ_ONCE(s->ip);
	*verbose = READ_ONCE(s->verbose);
	return true;
}

/*
 * A syscall event, its fields stored one by one, after the test that
 * most calls stop at.  The probes declare it __uninitialized: kernels
 * built with CONFIG_INIT_STACK_ALL_ZERO would otherwise zero it with a
 * rep stos on entry to every probe call, which under emulation costs a
 * round of the emulator's loop per word.
 */
static __always_inline void ktrace_ev_syscall(struct ktrace_ev *ev,
					      enum ktrace_phase phase,
					      unsigned int abi, long nr,
					      long ret)
{
	ev->kind = KTRACE_EV_SYSCALL;
	ev->phase = phase;
	ev->reap = false;
	ev->task = current;
	ev->task2 = NULL;
	ev->abi = abi;
	ev->nr = nr;
	ev->ret = ret;
	ev->duration = 0;
}

/* The enter table found no slot for syscall @id: see ktrace_drop_untimed(). */
static noinline void ktrace_enter_untimed(long id, u64 ts, u32 call)
{
	struct ktrace_ev ev __uninitialized;

	ktrace_ev_syscall(&ev, KTRACE_PH_ENTER, ktrace_abi(), id, 0);
	ktrace_drop_untimed(&ev, call & KTRACE_CALL_MONO ? ts : ktrace_mono());
}

/*
 * The enter of a call of a task that a session traces and may record
 * (@one as ktrace_who_traces() gives it), with preemption disabled; it
 * ends the probe (ktrace_sys_probe_end()).  Out of line, so that the
 * probe itself, for every other task, saves no registers and sets up no
 * frame before it returns; and called last, so that the probe jumps to it
 * without a frame of its own.
 */
static noinline void ktrace_sys_enter(struct pt_regs *regs, long id,
				      struct ktrace_session *one)
{
	struct ktrace_ev ev __uninitialized;
	struct ktrace_session *only = NULL;
	struct ktrace_enter_bucket *b;
	unsigned int level;
	u32 snaplen, call;
	bool wanted, ip = false, verbose = false;
	int way;
	u64 ts;

	ktrace_ev_syscall(&ev, KTRACE_PH_ENTER, ktrace_abi(), id, 0);
	call = ktrace_call(ev.abi);
	if (one) {
		wanted = ktrace_wanted_one(one, &ev, &snaplen, &ip, &verbose);
		only = one;
	} else {
		wanted = ktrace_wanted_v(&ev, &snaplen, &ip, &verbose, &only);
	}
	if (wanted || !ktrace_tsc) {
		ts = ktrace_mono();
		call |= KTRACE_CALL_MONO;
	} else {
		ts = ktrace_clock();
	}
	b = ktrace_enter_set(current->pid, ts, id, call, &way);
	if (unlikely(!b))
		ktrace_enter_untimed(id, ts, call);
	if (wanted && ktrace_begin(&level, &ev, ts)) {
		void *scratch = ktrace_scratch(&snaplen);

		if (ktrace_record_sys_enter(regs, id, ev.abi, ts, scratch,
					    &ev, only, snaplen, ip, verbose,
					    false) &&
		    b)
			WRITE_ONCE(b->call[way],
				   b->call[way] | KTRACE_CALL_REFETCH);
		ktrace_end(level);
	}
	ktrace_sys_probe_end();
}

/*
 * The enter of a call that the sessions tracing the task only count: its
 * slot in the enter table, for the exit to time it.  As ktrace_sys_enter()
 * without what only a record needs, and so without a stack frame.
 */
static noinline void ktrace_sys_enter_counted(long id)
{
	u32 call = ktrace_call(ktrace_abi());
	int way;
	u64 ts;

	if (ktrace_tsc) {
		ts = ktrace_clock();
	} else {
		ts = ktrace_mono();
		call |= KTRACE_CALL_MONO;
	}
	if (unlikely(!ktrace_enter_set(current->pid, ts, id, call, &way)))
		ktrace_enter_untimed(id, ts, call);
	ktrace_sys_probe_end();
}

static void ktrace_probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	struct ktrace_session *one;
	unsigned int who;

	ktrace_sys_probe_begin();
	who = ktrace_who_traces(current, &one);
	if (who & KTRACE_RECORDED) {
		ktrace_sys_enter(regs, id, one);	/* ends the probe */
		return;
	}
	if (who) {
		ktrace_sys_enter_counted(id);		/* likewise */
		return;
	}
	ktrace_sys_probe_end();
}

/*
 * One walk at syscall exit: each session that traces this syscall of this
 * task counts it, and says whether it wants the exit record and (status
 * filters) the enter written now, with what snap length and whether with
 * the instruction pointer (both records get it if one session asked),
 * and whether with the verbose blobs (likewise).  @only: the session,
 * when only one wants the exit record (and then the enter too, if
 * @late_enter), as ktrace_wanted_v() gives it.
 */
struct ktrace_exit_want {
	bool late_enter, exit, ip, verbose;
	u32 snaplen;
	unsigned int n;
	struct ktrace_session *only;
	struct ktrace_session *throttle;	/* wait for its reader */
};

/*
 * At a syscall exit, session @s, which traces the task, counts the call if
 * it traces the syscall; false if it does not, and then has no more to do
 * with it.  Both exits, ktrace_sys_exit() and ktrace_sys_exit_counted().
 */
static __always_inline bool ktrace_exit_count(struct ktrace_session *s,
					      unsigned int cpu,
					      struct task_struct *task,
					      unsigned int abi, long nr,
					      long ret, u64 duration)
{
	if (!ktrace_filter_syscall(&s->filter, abi, nr))
		return false;
	ktrace_session_count(s, cpu, task, abi, nr, ret, duration);
	return true;
}

/* What session @s, which traces @ev's task, does with @ev. */
static __always_inline void ktrace_exit_session(struct ktrace_session *s,
						const struct ktrace_ev *ev,
						unsigned int cpu,
						struct ktrace_exit_want *w,
						u32 *ceiling)
{
	const struct ktrace_filter *f = &s->filter;

	if (!ktrace_exit_count(s, cpu, ev->task, ev->abi, ev->nr, ev->ret,
			       ev->duration))
		return;
	if (!w->throttle && ktrace_throttle_wanted(s, cpu))
		w->throttle = s;
	if (!(READ_ONCE(f->events) & KTRACE_EV_SYSCALL))
		return;
	if (ktrace_defers(f, ev->abi, ev->nr)) {
		if (!ktrace_status_ok(f, ev))
			return;
		w->late_enter = true;
	}
	w->exit = true;
	w->only = s;
	w->n++;
	w->snaplen = max(w->snaplen, READ_ONCE(s->snaplen));
	*ceiling = min(*ceiling, READ_ONCE(s->snap_ceiling));
	if (READ_ONCE(s->ip))
		w->ip = true;
	if (READ_ONCE(s->verbose))
		w->verbose = true;
}

/* @one: the only session tracing the task, or NULL (ktrace_who_traces()). */
static void ktrace_exit_sessions(const struct ktrace_ev *ev,
				 struct ktrace_session *one,
				 struct ktrace_exit_want *w)
{
	unsigned int cpu = smp_processor_id();
	u32 ceiling = KTRACE_SNAPLEN_LONG_MAX;
	struct ktrace_session *s;

	memset(w, 0, sizeof(*w));
	if (one) {
		ktrace_exit_session(one, ev, cpu, w, &ceiling);
	} else {
		list_for_each_entry_rcu(s, &ktrace_sessions, node)
			if (READ_ONCE(s->enabled) &&
			    ktrace_filter_task(&s->filter, ev->task))
				ktrace_exit_session(s, ev, cpu, w, &ceiling);
	}
	w->snaplen = min(w->snaplen, ceiling);
	if (w->n != 1)
		w->only = NULL;
}

/*
 * The records of a call's exit that sessions want (@w), and of its enter
 * for those that keep calls by their status: out of line, so that a call
 * that is only counted does not set up their frame.  Changes @ev's phase
 * and @w's snap length, which the caller no longer needs.
 */
static noinline void ktrace_sys_exit_records(struct pt_regs *regs, long ret,
					     struct ktrace_ev *ev,
					     struct ktrace_exit_want *w,
					     u64 ts, bool refetch)
{
	unsigned int level;
	void *scratch;
	bool lost;

	if (!ts)
		ts = ktrace_mono();
	scratch = ktrace_scratch(&w->snaplen);
	lost = ktrace_args_replaced(ev->abi, ev->nr, ret);

	/* Sessions with status filters get the enter only now. */
	ev->phase = KTRACE_PH_LATE_ENTER;
	if (w->late_enter && ktrace_begin(&level, ev, ts)) {
		ktrace_record_sys_enter(regs, ev->nr, ev->abi,
					ev->duration == KTRACE_DURATION_UNKNOWN ?
					ts : ts - ev->duration, scratch, ev,
					w->only, w->snaplen, w->ip, w->verbose,
					lost);
		ktrace_end(level);
	}
	ev->phase = KTRACE_PH_EXIT;
	if (w->exit && ktrace_begin(&level, ev, ts)) {
		ktrace_record_sys_exit(regs, ev->nr, ret, ev->abi, ts,
				       ev->duration, scratch, ev, w->only,
				       w->snaplen, w->ip, w->verbose,
				       refetch && !lost, refetch && lost);
		ktrace_end(level);
	}
}

/*
 * The exit of a call of a task that @one, or several sessions, trace; as
 * ktrace_sys_enter(), it ends the probe.
 */
static noinline void ktrace_sys_exit(struct pt_regs *regs, long ret,
				     struct ktrace_session *one)
{
	struct ktrace_ev ev __uninitialized;
	struct ktrace_exit_want w __uninitialized;
	bool refetch;
	u64 ts;

	ktrace_ev_syscall(&ev, KTRACE_PH_OTHER, ktrace_abi(),
			  syscall_get_nr(current, regs), ret);
	ev.duration = ktrace_enter_take(current->pid, &ts, &ev.abi, &ev.nr,
					&refetch);
	/*
	 * No enter to pair: the call began before a session traced the task
	 * (ktrace -p attaching to it, a trace started).  The exit carries
	 * what the enter would have, read now, as strace prints the call
	 * whole (its memory is the caller's still, unless the call
	 * replaced it: ktrace_args_replaced()).
	 */
	if (ev.duration == KTRACE_DURATION_UNKNOWN)
		refetch = true;
	ktrace_stats_syscall(ev.abi, ev.nr, ret, ev.duration);
	ktrace_exit_sessions(&ev, one, &w);
	/* Counted only: no record, no timestamp. */
	if (w.late_enter || w.exit)
		ktrace_sys_exit_records(regs, ret, &ev, &w, ts, refetch);
	if (unlikely(w.throttle))
		ktrace_throttle_queue(w.throttle, smp_processor_id());
	ktrace_sys_probe_end();
}

/*
 * The exit of a call that @one, the only session tracing the task, only
 * counts: ktrace_sys_exit() without the event and the wants that only a
 * record needs, and so without their frame.  It ends the probe.
 */
static noinline void ktrace_sys_exit_counted(struct pt_regs *regs, long ret,
					     struct ktrace_session *one)
{
	unsigned int cpu = smp_processor_id(), abi = ktrace_abi();
	long nr = syscall_get_nr(current, regs);
	u64 duration, ts;
	bool refetch;

	duration = ktrace_enter_take(current->pid, &ts, &abi, &nr, &refetch);
	ktrace_stats_syscall(abi, nr, ret, duration);
	if (ktrace_exit_count(one, cpu, current, abi, nr, ret, duration) &&
	    unlikely(ktrace_throttle_wanted(one, cpu)))
		ktrace_throttle_queue(one, cpu);
	ktrace_sys_probe_end();
}

static void ktrace_probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	struct ktrace_session *one;
	unsigned int who;

	ktrace_sys_probe_begin();
	who = ktrace_who_traces(current, &one);
	if (who & KTRACE_RECORDED || (who && !one)) {
		ktrace_sys_exit(regs, ret, one);	/* ends the probe */
		return;
	}
	if (who) {
		ktrace_sys_exit_counted(regs, ret, one);	/* likewise */
		return;
	}
	ktrace_sys_probe_end();
}

/* The clone flags of the fork in progress in current, from its syscall. */
static bool ktrace_clone_flags(u64 *flags)
{
	struct pt_regs *regs;
	unsigned long args[6];
	unsigned int abi;
	bool compat;
	long nr;

	if (current->flags & (PF_KTHREAD | PF_IO_WORKER))
		return false;
	regs = task_pt_regs(current);
	nr = syscall_get_nr(current, regs);
	abi = ktrace_abi();
	compat = abi == KTRACE_ABI_COMPAT;
	ktrace_syscall_args(regs, abi, args);
	if (compat ? nr == __NR_ia32_clone : nr == __NR_clone) {
		*flags = args[0];
	} else if (compat ? nr == __NR_ia32_fork : nr == __NR_fork) {
		*flags = SIGCHLD;
	} else if (compat ? nr == __NR_ia32_vfork : nr == __NR_vfork) {
		*flags = CLONE_VM | CLONE_VFORK | SIGCHLD;
	} else if (compat ? nr == __NR_ia32_clone3 : nr == __NR_clone3) {
		/* struct clone_args starts with its u64 flags. */
		if (copy_from_user_nofault(flags, (void __user *)args[0],
					   sizeof(*flags))) {
			ktrace_stats_fault();
			return false;
		}
	} else {
		return false;
	}
	return true;
}

/*
 * What @child shares with @parent, in @flags as the kernel made it: the
 * clone_args that clone3() read may have been rewritten since by another
 * thread, and ktrace(1) keeps one descriptor table for both by
 * CLONE_FILES.  The child has not run yet, nor can another task change
 * what current points to: the pointers compare as copy_process() left
 * them.  The other flags (CLONE_VFORK is set up after this tracepoint)
 * stay as the call passed them.
 */
static void ktrace_clone_shared(u64 *flags, struct task_struct *parent,
				struct task_struct *child)
{
	*flags &= ~(u64)(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND |
			 CLONE_THREAD);
	if (child->mm && child->mm == parent->mm)
		*flags |= CLONE_VM;
	if (child->fs && child->fs == parent->fs)
		*flags |= CLONE_FS;
	if (child->files && child->files == parent->files)
		*flags |= CLONE_FILES;
	if (rcu_access_pointer(child->sighand) ==
	    rcu_access_pointer(parent->sighand))
		*flags |= CLONE_SIGHAND;
	if (child->tgid == parent->tgid)
		*flags |= CLONE_THREAD;
}

/*
 * Give @to the enter of @from, taken from its ABI and syscall (fork:
 * the child's first event is the exit of clone(), timed from the parent's
 * enter), and on exec by a thread other than the leader, which takes the
 * leader's pid, free @from's.  Task context, preemption off.
 */
static void ktrace_enter_copy(struct task_struct *to, pid_t from, bool move)
{
	struct ktrace_ev ev = {
		.kind = KTRACE_EV_SYSCALL, .phase = KTRACE_PH_ENTER, .task = to,
	};
	struct ktrace_enter_bucket *b;
	u64 when;
	u32 call;
	int way;

	if (!ktrace_enter_on())
		return;
	b = ktrace_enter_find(from, &way);
	if (!b)
		return;
	when = READ_ONCE(b->when[way]);
	call = READ_ONCE(b->call[way]);
	ev.nr = (s32)READ_ONCE(b->nr[way]);
	ev.abi = call & KTRACE_CALL_COMPAT ? KTRACE_ABI_COMPAT :
					     KTRACE_ABI_NATIVE;
	if (move)
		WRITE_ONCE(b->when[way], 0);
	if (!ktrace_enter_set(to->pid, when, ev.nr, call, &way))
		ktrace_drop_untimed(&ev, ktrace_mono());
}

/*
 * Threads that went through the exit probe, by pid: see ktrace_exit_last().
 * Set there, cleared when a pid is given to a new task (fork and exec
 * probes), and all of them when the task probes attach.
 */
static unsigned long *ktrace_exited;

static void ktrace_exited_clear(pid_t pid)
{
	if (test_bit(pid, ktrace_exited))
		clear_bit(pid, ktrace_exited);
}

static void ktrace_probe_fork(void *data, struct task_struct *parent,
			      struct task_struct *child)
{
	u64 ts = ktrace_mono();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = parent };
	struct ktrace_session *s;
	struct pid_namespace *pidns;
	struct ktrace_rec_fork r;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	ktrace_exited_clear(child->pid);
	ktrace_enter_copy(child, parent->pid, false);
	/* Children of followed tasks join before their first syscall. */
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		if (READ_ONCE(s->enabled))
			ktrace_filter_fork(&s->filter, parent, child);
	if (!ktrace_wanted(&ev, &snaplen, NULL) ||
	    !ktrace_begin(&level, &ev, ts))
		goto out;
	memset(&r, 0, sizeof(r));
	r.parent_pid = parent->pid;
	r.parent_tgid = parent->tgid;
	r.child_pid = child->pid;
	r.child_tgid = child->tgid;
	if (child->tgid == parent->tgid)
		r.fork_flags |= KTRACE_FORK_THREAD;
	if (parent == current && ktrace_clone_flags(&r.clone_flags)) {
		ktrace_clone_shared(&r.clone_flags, parent, child);
		r.fork_flags |= KTRACE_FORK_FLAGS_VALID;
	}
	pidns = task_active_pid_ns(child);
	if (pidns) {
		r.child_vpid = task_pid_nr_ns(child, pidns);
		r.child_pidns = pidns->ns.inum;
	}
	ktrace_hdr(&r.hdr, KTRACE_REC_FORK, sizeof(r), current, ts);
	ktrace_emit(&r.hdr, &ev);
	ktrace_end(level);
out:
	preempt_enable();
}

static void ktrace_probe_exec(void *data, struct task_struct *p,
			      pid_t old_pid, struct linux_binprm *bprm)
{
	u64 ts = ktrace_mono();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = p };
	struct ktrace_session *s;
	struct ktrace_rec_exec *r;
	struct ktrace_build b;
	struct ktrace_blob *bl;
	unsigned int level;
	u32 snaplen;
	long n;

	preempt_disable();
	if (old_pid != p->pid) {
		/* It took the pid of the leader, which has exited. */
		ktrace_exited_clear(p->pid);
		ktrace_enter_copy(p, old_pid, true);
		list_for_each_entry_rcu(s, &ktrace_sessions, node)
			ktrace_filter_exec(&s->filter, old_pid, p);
	}
	if (!ktrace_wanted(&ev, &snaplen, NULL) ||
	    !ktrace_begin(&level, &ev, ts))
		goto out;
	r = ktrace_scratch(&snaplen);
	if (level != 0) {
		/* Cannot happen: exec runs in task context. */
		ktrace_end(level);
		goto out;
	}
	memset(r, 0, sizeof(*r));
	r->old_pid = old_pid;
	ktrace_build_init(&b, r, sizeof(*r), r->blobs, &r->nblobs, 1, false,
			  snaplen);
	bl = ktrace_build_add(&b, KTRACE_BLOB_FILENAME, 0);
	n = strscpy((char *)r + b.pos, bprm->filename, b.snaplen);
	if (n < 0) {
		n = b.snaplen - 1;
		bl->flags |= KTRACE_BF_TRUNC;
	}
	ktrace_build_put(&b, bl, n + 1);
	ktrace_hdr(&r->hdr, KTRACE_REC_EXEC, ktrace_build_finish(&b), p, ts);
	r->hdr.flags |= ktrace_build_flags(&b);
	ktrace_emit(&r->hdr, &ev);
	ktrace_end(level);
out:
	preempt_enable();
}

/*
 * Is @p the last thread of its group through the exit probe?  Called with
 * the group's lock, which orders the exits of its threads.
 *
 * Linux 6.16 passes the tracepoint group_dead, true for the thread whose
 * atomic_dec_and_test(&signal->live) in do_exit() reached zero.  Before,
 * nothing tells that thread from the others at the tracepoint: several
 * may be between their decrement and the tracepoint when the count hits
 * zero (exit_mm() sleeps), and each would read zero.  So each thread
 * marks itself in ktrace_exited here, and the last is the one that finds
 * live at zero (no thread left to start exiting) and every other thread
 * of the group marked or past exit_notify() (exit_state set).  Under the
 * lock exactly one finds that: every other one still had the last to
 * come.  A thread that passed the tracepoint before the probes attached
 * is not marked: if it is still short of exit_notify() when the last one
 * looks, no thread is found last, and none is reported twice.
 *
 * The PID filters take a thread group out with its last thread; on every
 * kernel, since with the tracepoint's group_dead some threads may still
 * come through after it.
 */
static bool ktrace_exit_last(struct task_struct *p)
{
	struct task_struct *t;
	bool last = true;

	set_bit(p->pid, ktrace_exited);
	if (atomic_read(&p->signal->live))
		return false;
	rcu_read_lock();
	for_each_thread(p, t) {
		if (t != p && !READ_ONCE(t->exit_state) &&
		    !test_bit(READ_ONCE(t->pid), ktrace_exited)) {
			last = false;
			break;
		}
	}
	rcu_read_unlock();
	return last;
}

static void ktrace_record_exit(struct task_struct *p, bool group_dead,
			       bool known)
{
	u64 ts = ktrace_mono();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = p };
	raw_spinlock_t *lock = ktrace_group_lock(p->signal);
	struct task_struct *exec;
	struct ktrace_session *s;
	struct ktrace_rec_exit r;
	unsigned int level;
	u32 snaplen;
	bool last;
	int code;

	preempt_disable();
	if (ktrace_enter_on())
		ktrace_enter_forget(p->pid);
	raw_spin_lock(lock);
	last = ktrace_exit_last(p);
	if (!known)
		group_dead = last;
	if (ktrace_wanted(&ev, &snaplen, NULL) &&
	    ktrace_begin(&level, &ev, ts)) {
		memset(&r, 0, sizeof(r));
		code = READ_ONCE(p->exit_code);
		r.exit_code = code;
		if (code & 0x7f)
			r.signal = code & 0x7f;
		else
			r.status = (code >> 8) & 0xff;
		if (code & 0x80)
			r.exit_flags |= KTRACE_EXIT_CORE;
		if (group_dead)
			r.exit_flags |= KTRACE_EXIT_GROUP_DEAD;
		exec = READ_ONCE(p->signal->group_exec_task);
		if (exec && exec != p)
			r.exit_flags |= KTRACE_EXIT_EXEC;
		ktrace_hdr(&r.hdr, KTRACE_REC_EXIT, sizeof(r), p, ts);
		ktrace_emit(&r.hdr, &ev);
		ktrace_end(level);
	}
	/* Its record is out: it leaves the PID filters, enabled or not. */
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		ktrace_filter_exit(&s->filter, p, last);
	raw_spin_unlock(lock);
	preempt_enable();
}

/*
 * sched_process_exit() gained group_dead in Linux 6.16; Kbuild sets
 * KTRACE_EXIT_HAS_GROUP_DEAD from the version of the kernel we build for,
 * and ktrace_probes_typecheck() proves the choice right.
 */
#if KTRACE_EXIT_HAS_GROUP_DEAD
static void ktrace_probe_exit(void *data, struct task_struct *p,
			      bool group_dead)
{
	ktrace_record_exit(p, group_dead, true);
}
#else
static void ktrace_probe_exit(void *data, struct task_struct *p)
{
	/* Not !signal->live, which several threads may see at once. */
	ktrace_record_exit(p, false, false);
}
#endif

static void ktrace_probe_free(void *data, struct task_struct *p)
{
	u64 ts = ktrace_mono();
	struct ktrace_ev ev = {
		.kind = KTRACE_EV_LIFECYCLE, .reap = true, .task = p,
	};
	struct ktrace_session *s;
	struct ktrace_rec_reap r;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	if (!ktrace_wanted(&ev, &snaplen, NULL) ||
	    !ktrace_begin(&level, &ev, ts))
		goto leave;
	memset(&r, 0, sizeof(r));
	r.exit_code = READ_ONCE(p->exit_code);
	ktrace_hdr(&r.hdr, KTRACE_REC_REAP, sizeof(r), p, ts);
	ktrace_emit(&r.hdr, &ev);
	ktrace_end(level);
leave:
	/* The PID filters forget it. */
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		ktrace_filter_reap(&s->filter, p);
	preempt_enable();
}

static bool ktrace_siginfo_valid(struct kernel_siginfo *info)
{
	return info != SEND_SIG_NOINFO && info != SEND_SIG_PRIV;
}

/*
 * A signal sent by current without a siginfo (SEND_SIG_NOINFO: kill() on
 * 7.x): the sender's ids as __send_signal_locked() queues them for @t.
 */
static void ktrace_siginfo_user(struct ktrace_siginfo *si,
				struct task_struct *t)
{
	si->flags = KTRACE_SI_VALID;
	si->pid = task_tgid_nr_ns(current, task_active_pid_ns(t));
	si->uid = from_kuid_munged(task_cred_xxx(t, user_ns), current_uid());
}

/* The fields strace prints, by the siginfo's layout for @sig and its code. */
static void ktrace_siginfo(struct ktrace_siginfo *si, int sig,
			   struct kernel_siginfo *info)
{
	if (!ktrace_siginfo_valid(info))
		return;
	si->flags = KTRACE_SI_VALID;
	if (info->si_code <= 0 || sig == SIGCHLD) {
		si->pid = info->si_pid;
		si->uid = info->si_uid;
	}
	if (sig == SIGCHLD && info->si_code > 0) {
		si->status = info->si_status;
		si->utime = info->si_utime;
		si->stime = info->si_stime;
	}
	if (info->si_code > 0 && (sig == SIGSEGV || sig == SIGBUS ||
				  sig == SIGILL || sig == SIGFPE ||
				  sig == SIGTRAP))
		si->addr = (unsigned long)info->si_addr;
	/* The value sigqueue(), a timer, a message queue or AIO carries */
	if (info->si_code >= SI_ASYNCIO && info->si_code <= SI_QUEUE) {
		si->flags |= KTRACE_SI_VALUE;
		si->addr = (unsigned long)info->si_ptr;
	}
}

static void ktrace_probe_signal_generate(void *data, int sig,
					 struct kernel_siginfo *info,
					 struct task_struct *task, int group,
					 int result)
{
	u64 ts = ktrace_mono();
	struct ktrace_ev ev = {
		.kind = KTRACE_EV_SIGNAL, .task = current, .task2 = task,
	};
	struct ktrace_rec_signal_generate r;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	if (!ktrace_wanted(&ev, &snaplen, NULL) ||
	    !ktrace_begin(&level, &ev, ts))
		goto out;
	memset(&r, 0, sizeof(r));
	r.sig = sig;
	if (ktrace_siginfo_valid(info)) {
		r.code = info->si_code;
		r.errno_ = info->si_errno;
		ktrace_siginfo(&r.si, sig, info);
	} else if (info == SEND_SIG_NOINFO) {
		r.code = SI_USER;
		ktrace_siginfo_user(&r.si, task);
	} else {
		r.code = SI_KERNEL;
	}
	r.result = result;
	/*
	 * A SIGCONT that continues a group stopped, or stopping: what a
	 * tracer sees stop, when its parent asked for no SIGCHLD saying so.
	 * prepare_signal() set the flag under the siglock we are under.
	 */
	if (sig == SIGCONT && (task->signal->flags & SIGNAL_CLD_MASK))
		r.flags = KTRACE_SIGGEN_CONTINUED;
	/*
	 * The target's group exiting: exit_group(), a fatal signal sent
	 * before, or this one (complete_signal() began the exit as it
	 * queued it).  Every other signal is then dropped but a core dump's
	 * SIGKILL; a ptracer never sees those, its tracee dying first.
	 */
	if (task->signal->flags & SIGNAL_GROUP_EXIT)
		r.flags |= KTRACE_SIGGEN_GROUP_EXIT;
	r.target_pid = task->pid;
	r.target_tgid = task->tgid;
	r.group = !!group;
	strscpy_pad(r.target_comm, task->comm, sizeof(r.target_comm));
	ktrace_hdr(&r.hdr, KTRACE_REC_SIGNAL_GENERATE, sizeof(r), current, ts);
	ktrace_emit(&r.hdr, &ev);
	ktrace_end(level);
out:
	preempt_enable();
}

static void ktrace_probe_signal_deliver(void *data, int sig,
					struct kernel_siginfo *info,
					struct k_sigaction *ka)
{
	u64 ts = ktrace_mono();
	struct ktrace_ev ev = { .kind = KTRACE_EV_SIGNAL, .task = current };
	struct ktrace_rec_signal_deliver r;
	__sighandler_t handler;
	struct pt_regs *regs;
	unsigned int level;
	u32 snaplen;
	bool ip;

	preempt_disable();
	if (!ktrace_wanted(&ev, &snaplen, &ip) ||
	    !ktrace_begin(&level, &ev, ts))
		goto out;
	memset(&r, 0, sizeof(r));
	r.sig = sig;
	if (ktrace_siginfo_valid(info)) {
		r.code = info->si_code;
		r.errno_ = info->si_errno;
	}
	ktrace_siginfo(&r.si, sig, info);
	handler = ka->sa.sa_handler;
	if (handler == SIG_DFL) {
		r.action = KTRACE_SIGACT_DEFAULT;
	} else if (handler == SIG_IGN) {
		r.action = KTRACE_SIGACT_IGNORE;
	} else {
		r.action = KTRACE_SIGACT_HANDLER;
		r.handler = (unsigned long)handler;
	}
	r.sa_flags = ka->sa.sa_flags;
	/*
	 * get_signal() runs on the way back to user mode, before
	 * handle_signal() moves the IP (syscall restart) or writes the
	 * handler's frame: the registers are still those of the interrupted
	 * user code.  An io_uring worker has none.
	 */
	regs = task_pt_regs(current);
	if (ip && user_mode(regs))
		r.ip = instruction_pointer(regs);
	ktrace_hdr(&r.hdr, KTRACE_REC_SIGNAL_DELIVER, ip ? sizeof(r) :
		   offsetof(struct ktrace_rec_signal_deliver, ip), current, ts);
	ktrace_emit_ip(&r.hdr, &ev, ip, NULL, NULL, NULL);
	ktrace_end(level);
out:
	preempt_enable();
}

/*
 * Never called: makes the compiler check each probe against the
 * tracepoint's prototype in this kernel's headers.  sizeof() does not
 * evaluate, so the tracepoints need not be exported.
 */
static inline void ktrace_probes_typecheck(void)
{
	BUILD_BUG_ON(sizeof(register_trace_sys_enter(ktrace_probe_sys_enter,
						     NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_sys_exit(ktrace_probe_sys_exit,
						    NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_sched_process_fork(ktrace_probe_fork,
							      NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_sched_process_exec(ktrace_probe_exec,
							      NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_sched_process_exit(ktrace_probe_exit,
							      NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_sched_process_free(ktrace_probe_free,
							      NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_signal_generate(ktrace_probe_signal_generate,
							   NULL)) == 0);
	BUILD_BUG_ON(sizeof(register_trace_signal_deliver(ktrace_probe_signal_deliver,
							  NULL)) == 0);
}

struct ktrace_probe {
	const char *name;
	void *func;
	bool task;		/* a task probe: see ktrace_probes_attach() */
	struct tracepoint *tp;
	bool registered;
};

static struct ktrace_probe ktrace_probes[] = {
	{ "sys_enter",			ktrace_probe_sys_enter },
	{ "sys_exit",			ktrace_probe_sys_exit },
	{ "sched_process_fork",		ktrace_probe_fork,	true },
	{ "sched_process_exec",		ktrace_probe_exec,	true },
	{ "sched_process_exit",		ktrace_probe_exit,	true },
	{ "sched_process_free",		ktrace_probe_free,	true },
	{ "signal_generate",		ktrace_probe_signal_generate },
	{ "signal_deliver",		ktrace_probe_signal_deliver },
};

static void ktrace_probe_find(struct tracepoint *tp, void *priv)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++)
		if (!strcmp(tp->name, ktrace_probes[i].name))
			ktrace_probes[i].tp = tp;
}

/*
 * Probes are attached while at least one session is enabled, and the
 * task probes (fork, exec, exit, free) also while a session has a PID
 * filter, which they keep right (filter.c): an idle module leaves every
 * tracepoint, and with the syscall ones every task's syscall path, as if
 * it were not loaded.  Under ktrace_probes_lock.
 */
static DEFINE_MUTEX(ktrace_probes_lock);
static unsigned int ktrace_probes_users;	/* enabled sessions */
static unsigned int ktrace_probes_filters;	/* sessions with PID filters */

static void ktrace_probes_detach(bool task)
{
	struct ktrace_probe *p;
	unsigned int i;

	/* Task probes leave the enter table alone from here. */
	if (!task)
		WRITE_ONCE(ktrace_timing, false);
	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		if (p->task != task || !p->registered)
			continue;
		WARN_ON_ONCE(tracepoint_probe_unregister(p->tp, p->func, NULL));
		p->registered = false;
	}
	/* No probe runs any more once this returns, nor uses the table. */
	tracepoint_synchronize_unregister();
}

static int ktrace_probes_attach(bool task)
{
	struct ktrace_probe *p;
	unsigned int i;
	int ret;

	if (task) {
		/* Pids may have changed hands since the exit probe last ran. */
		bitmap_zero(ktrace_exited, PID_MAX_LIMIT);
	} else {
		/* Enters seen by an earlier attachment must not time exits. */
		memset(ktrace_enter_tab, 0, array_size(sizeof(*ktrace_enter_tab),
						       (size_t)nr_cpu_ids <<
						       ktrace_enter_bits));
		ktrace_clock_choose();
		/* Pairs with the acquire in ktrace_enter_on(). */
		smp_store_release(&ktrace_timing, true);
	}
	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		if (p->task != task)
			continue;
		ret = tracepoint_probe_register(p->tp, p->func, NULL);
		if (ret) {
			pr_err("cannot attach to %s: %d\n", p->name, ret);
			ktrace_probes_detach(task);
			return ret;
		}
		p->registered = true;
	}
	return 0;
}

/* A session is being enabled: attach the probes if it is the first. */
int ktrace_probes_get(void)
{
	int ret = 0;

	mutex_lock(&ktrace_probes_lock);
	if (!ktrace_probes_users) {
		if (!ktrace_probes_filters)
			ret = ktrace_probes_attach(true);
		if (!ret)
			ret = ktrace_probes_attach(false);
		if (ret && !ktrace_probes_filters)
			ktrace_probes_detach(true);
	}
	if (!ret)
		ktrace_probes_users++;
	mutex_unlock(&ktrace_probes_lock);
	return ret;
}

/* A session was disabled: detach the probes if it was the last. */
void ktrace_probes_put(void)
{
	mutex_lock(&ktrace_probes_lock);
	if (!WARN_ON_ONCE(!ktrace_probes_users) && !--ktrace_probes_users) {
		ktrace_probes_detach(false);
		if (!ktrace_probes_filters)
			ktrace_probes_detach(true);
	}
	mutex_unlock(&ktrace_probes_lock);
}

/* A session has a PID filter now: keep the task probes attached. */
int ktrace_probes_filter_get(void)
{
	int ret = 0;

	mutex_lock(&ktrace_probes_lock);
	if (!ktrace_probes_users && !ktrace_probes_filters)
		ret = ktrace_probes_attach(true);
	if (!ret)
		ktrace_probes_filters++;
	mutex_unlock(&ktrace_probes_lock);
	return ret;
}

/* A session with a PID filter has gone. */
void ktrace_probes_filter_put(void)
{
	mutex_lock(&ktrace_probes_lock);
	if (!WARN_ON_ONCE(!ktrace_probes_filters) &&
	    !--ktrace_probes_filters && !ktrace_probes_users)
		ktrace_probes_detach(true);
	mutex_unlock(&ktrace_probes_lock);
}

/*
 * debugfs: each tracepoint's own state, its static key, next to whether
 * we attached to it.  A key can also be on because another tracer uses
 * the tracepoint.
 */
void ktrace_probes_show(struct seq_file *m)
{
	struct ktrace_probe *p;
	unsigned int i;

	mutex_lock(&ktrace_probes_lock);
	seq_printf(m, "sessions_enabled %u\n", ktrace_probes_users);
	seq_printf(m, "pid_filters %u\n", ktrace_probes_filters);
	seq_puts(m, "tracepoint key attached\n");
	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		seq_printf(m, "%s %d %d\n", p->name,
			   p->tp ? static_key_enabled(&p->tp->key) : -1,
			   p->registered);
	}
	mutex_unlock(&ktrace_probes_lock);
}

/*
 * Make every CPU's scratch buffer build records of @snaplen, for a session
 * being configured; a buffer is only ever replaced by a larger one.  On
 * failure the buffers that grew stay, and the probes cut the others'
 * records to the snap length they hold.
 */
int ktrace_probes_scratch(u32 snaplen)
{
	struct ktrace_scratch **old = NULL, *sc;
	unsigned int cpu;
	bool grown = false;
	int ret = 0;

	snaplen = roundup_pow_of_two(snaplen);
	mutex_lock(&ktrace_probes_lock);
	for_each_possible_cpu(cpu) {
		sc = rcu_dereference_protected(per_cpu_ptr(&ktrace_cpu,
							   cpu)->scratch,
					       lockdep_is_held(&ktrace_probes_lock));
		if (sc->snaplen >= snaplen)
			continue;
		if (!old) {
			old = kcalloc(nr_cpu_ids, sizeof(*old), GFP_KERNEL);
			if (!old) {
				ret = -ENOMEM;
				break;
			}
		}
		sc = ktrace_scratch_alloc(cpu, snaplen);
		if (!sc) {
			ret = -ENOMEM;
			break;
		}
		old[cpu] = rcu_replace_pointer(per_cpu_ptr(&ktrace_cpu,
							   cpu)->scratch, sc,
					       lockdep_is_held(&ktrace_probes_lock));
		grown = true;
	}
	mutex_unlock(&ktrace_probes_lock);
	if (grown) {
		/* The probes use it with preemption disabled. */
		synchronize_rcu();
		for_each_possible_cpu(cpu)
			kvfree(old[cpu]);
	}
	kfree(old);
	return ret;
}

static void ktrace_probes_free(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		kvfree(rcu_dereference_protected(per_cpu_ptr(&ktrace_cpu,
							     cpu)->scratch,
						 true));
		RCU_INIT_POINTER(per_cpu_ptr(&ktrace_cpu, cpu)->scratch, NULL);
	}
	vfree(ktrace_exited);
	ktrace_exited = NULL;
	vfree(ktrace_enter_tab);
	ktrace_enter_tab = NULL;
}

int ktrace_probes_init(void)
{
	unsigned int cpu, i, per_cpu;
	struct ktrace_probe *p;
	int ret;

	/* ktrace_rec_max() counts the longest fixed part built there. */
	BUILD_BUG_ON(sizeof(struct ktrace_rec_sys_exit) >
		     sizeof(struct ktrace_rec_sys_enter));
	BUILD_BUG_ON(sizeof(struct ktrace_rec_exec) >
		     sizeof(struct ktrace_rec_sys_enter));
	BUILD_BUG_ON(ktrace_rec_max(KTRACE_SNAPLEN_MAX) > KTRACE_REC_MAX_SIZE);
	BUILD_BUG_ON(ktrace_rec_max(KTRACE_SNAPLEN_LONG_MAX) >
		     KTRACE_REC_LONG_MAX_SIZE);
	/* Long-form offsets count 8 bytes in 16 bits, lengths 24 bits. */
	BUILD_BUG_ON(KTRACE_REC_LONG_MAX_SIZE > 8 * (U16_MAX + 1));
	/* The syscall records are built without a memset: no holes. */
	BUILD_BUG_ON(sizeof(struct ktrace_rec_hdr) != 4 + 2 + 2 + 8 + 4 * 4 + 16);
	BUILD_BUG_ON(sizeof(struct ktrace_rec_sys_enter) !=
		     sizeof(struct ktrace_rec_hdr) + 4 + 2 + 2 + 6 * 8);
	BUILD_BUG_ON(sizeof(struct ktrace_rec_sys_exit) !=
		     sizeof(struct ktrace_rec_hdr) + 4 + 2 + 2 + 8 + 8);
	/* Every pid fits the top bits of a slot's @when. */
	BUILD_BUG_ON(PID_MAX_LIMIT > 1 << (64 - KTRACE_TS_BITS));

	/* At least KTRACE_ENTER_SLOTS in all, 128 buckets per CPU. */
	per_cpu = DIV_ROUND_UP(KTRACE_ENTER_SLOTS / KTRACE_ENTER_WAYS,
			       nr_cpu_ids);
	ktrace_enter_bits = max(7, ilog2(roundup_pow_of_two(per_cpu)));
	ktrace_enter_tab = vzalloc(array_size(sizeof(*ktrace_enter_tab),
					      (size_t)nr_cpu_ids <<
					      ktrace_enter_bits));
	ktrace_exited = vzalloc(BITS_TO_LONGS(PID_MAX_LIMIT) *
				sizeof(unsigned long));
	if (!ktrace_enter_tab || !ktrace_exited) {
		ret = -ENOMEM;
		goto err;
	}
	for_each_possible_cpu(cpu) {
		struct ktrace_scratch *sc;

		sc = ktrace_scratch_alloc(cpu, KTRACE_SNAPLEN_MAX);
		if (!sc) {
			ret = -ENOMEM;
			goto err;
		}
		RCU_INIT_POINTER(per_cpu_ptr(&ktrace_cpu, cpu)->scratch, sc);
	}

	for_each_kernel_tracepoint(ktrace_probe_find, NULL);
	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		if (!p->tp) {
			pr_err("tracepoint %s not found\n", p->name);
			ret = -ENOENT;
			goto err;
		}
	}
	return 0;

err:
	ktrace_probes_free();
	return ret;
}

/* Every session is gone by now, and with them the probes' users. */
void ktrace_probes_exit(void)
{
	WARN_ON_ONCE(ktrace_probes_users || ktrace_probes_filters);
	ktrace_probes_free();
}
