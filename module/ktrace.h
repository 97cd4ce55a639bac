/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ktrace: declarations shared by the module's files.  Each file owns one
 * concern and exposes a ktrace_<concern>_init()/_exit() pair, called in
 * order by main.c.
 */
#ifndef _KTRACE_H
#define _KTRACE_H

#include <linux/irq_work.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/refcount.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <linux/err.h>
#include <linux/wait.h>
#include <asm/local.h>
#include <asm/local64.h>
#include <asm/unistd.h>
#include <asm/unistd_32_ia32.h>

#include <linux/ktrace.h>

#include "filter.h"

/* Module parameters, main.c.  Read once per session or per record. */
extern unsigned int ktrace_ring_size;
extern unsigned int ktrace_snaplen;
extern unsigned int ktrace_wakeup_bytes;
extern unsigned int ktrace_throttle_ms;
extern unsigned int ktrace_proc_slots;

/*
 * main.c: the memory all sessions hold together (rings, counters), at
 * most the memory_max parameter, or a quarter of RAM: opens and
 * CONFIGUREs past it fail with ENOMEM, before the machine runs out.
 */
bool ktrace_memory_charge(size_t bytes);
void ktrace_memory_uncharge(size_t bytes);

#define KTRACE_RING_MIN		(16U << 10)
#define KTRACE_RING_MAX		(64U << 20)
#define KTRACE_ARGV_MAX		32
#define KTRACE_THROTTLE_MS_MAX	60000U
#define KTRACE_PROC_SLOTS_MIN	16U
#define KTRACE_PROC_SLOTS_MAX	16384U

/* device.c: /dev/ktrace, the misc device userspace talks to */
int ktrace_device_init(void);
void ktrace_device_exit(void);

/* snapshot.c: KTRACE_IOC_TASKS, zombies and blocked syscalls */
long ktrace_ioc_tasks(void __user *argp);

/* debugfs.c: /sys/kernel/debug/ktrace/, for people and tests */
void ktrace_debugfs_init(void);
void ktrace_debugfs_exit(void);

/*
 * ring.c: one CPU's ring of one session.  Documentation/ring-buffer.rst is
 * the contract.  Writer side: ktrace_ring_write() and ktrace_ring_drop(),
 * only on the ring's own CPU with preemption disabled.  Reader side:
 * ktrace_ring_peek() and ktrace_ring_consume(), under the session's read
 * mutex.
 */
struct ktrace_session;
struct seq_file;
struct vm_area_struct;

struct ktrace_ring {
	struct ktrace_ring_page *page;	/* control page, mapped to users */
	void *data;			/* data area, right after the page */
	size_t size;			/* bytes in @data, a power of two */
	size_t map_size;		/* PAGE_SIZE + @size */
	unsigned int cpu;
	unsigned int watermark;		/* wake the reader at this fill */
	unsigned int throttle_high;	/* throttle traced tasks past this */
	unsigned int throttle_low;	/* until the reader drains to this */
	bool overwrite;			/* full: drop the oldest records */
	bool throttle_off;		/* a wait timed out: drop until low */
	struct ktrace_session *session;

	/* Writer state: only the ring's CPU touches these. */
	local_t head;			/* reserve head, bytes ever reserved */
	local_t nest;			/* writers inside on this CPU */
	local_t lost;			/* drops not yet in a LOSS record */
	local64_t lost_first;		/* timestamps of those drops, 0: none */
	local64_t lost_last;
	unsigned long loss_head;	/* @head after the last LOSS record */

	/*
	 * Set by the writer when it queues a wakeup, cleared by a reader
	 * about to sleep (ktrace_session_readable()).
	 */
	bool wakeup_sent;

	/* Counters, written by the ring's CPU, summed by readers. */
	local_t written;		/* in the ring or read, not evicted */
	local_t lost_full;		/* includes @overwritten */
	local_t lost_nest;
	local_t lost_reported;
	local_t overwritten;		/* flight recorder: evicted records */

	struct irq_work wakeup;
};

/*
 * A session's rings, one per possible CPU, replaced whole by CONFIGURE
 * while the session is disabled and unmapped.  Published with RCU: the
 * probes and the lockless readers (poll(), STATS, debugfs) hold an RCU
 * read-side section; read() and mmap() hold the locks CONFIGURE takes.
 */
struct ktrace_rings {
	size_t size;
	size_t charged;		/* against ktrace_memory_charge() */
	struct ktrace_ring *ring[];	/* by CPU, NULL if not possible */
};

struct ktrace_ring *ktrace_ring_alloc(struct ktrace_session *s,
				      unsigned int cpu, size_t size,
				      unsigned int watermark);
void ktrace_ring_free(struct ktrace_ring *ring);
void ktrace_ring_repair(struct ktrace_ring *ring);
void ktrace_ring_write(struct ktrace_ring *ring, const void *rec, u32 len,
		       u64 ts);
void ktrace_ring_drop(struct ktrace_ring *ring, u64 ts, bool nested,
		      pid_t tgid);
void ktrace_ring_flush_drops(struct ktrace_ring *ring, u64 now);
void *ktrace_ring_peek(struct ktrace_ring *ring, u32 *len, u64 *ts);
void ktrace_ring_consume(struct ktrace_ring *ring, u32 len);
bool ktrace_ring_empty(struct ktrace_ring *ring);
long ktrace_ring_take_old(struct ktrace_ring *ring, void *dst, u64 *ts);
bool ktrace_ring_oldest_ts(struct ktrace_ring *ring, u64 *ts);

/*
 * The longest copy done by 8-byte moves rather than memcpy() or
 * copy_from_user_nofault(), both of which use rep movsb on CPUs with
 * ERMS: its start-up is paid on every copy, and QEMU's TCG (the test VM)
 * runs it a byte per round of its loop (ktrace_ring_write(), the
 * captures in record.c).
 */
#define KTRACE_COPY_WORDS	512

/*
 * The largest record a session with @snaplen can be sent: a syscall enter
 * with two blobs of @snaplen bytes and its KTRACE_BLOB_IP.  CONFIGURE
 * wants two of them, and the LOSS record that may precede one, to fit in
 * half a ring: a record then always fits once the reader has drained the
 * ring, wherever the head is.
 */
#define KTRACE_REC_BLOBS_MAX	2
#define ktrace_rec_max(snaplen)						\
	(sizeof(struct ktrace_rec_sys_enter) +				\
	 KTRACE_REC_BLOBS_MAX * (sizeof(struct ktrace_blob) +		\
				 ALIGN((snaplen), 8)) +			\
	 sizeof(struct ktrace_blob) + sizeof(__u64) +			\
	 sizeof(struct ktrace_rec_loss))

/* A session's count of one syscall, per CPU. */
struct ktrace_sys_count {
	u64 calls;
	u64 errors;
	u64 total_ns;
};

/* A session's records lost, by process, per CPU: a small direct map. */
#define KTRACE_PROC_LOSS_SLOTS	64
struct ktrace_proc_lost {
	int tgid;			/* 0: free, claimed with cmpxchg */
	local_t lost;
	long base;			/* lost at the last reset; @lock */
};

/*
 * session.c: an open file of /dev/ktrace and the list the probes walk.
 * @lock serializes the ioctls that change the session; the probes read
 * its settings without it (see filter.c for how the filters change under
 * them).  Lock order: read_lock, then mmap_lock (read() faults), then
 * lock (mmap()); nothing under @lock touches user memory.
 */
struct ktrace_session {
	struct list_head node;		/* in ktrace_sessions, RCU */
	refcount_t ref;			/* the file, and throttled tasks */
	bool enabled;			/* probes write when set; @lock */
	bool closing;			/* the file is gone */
	bool overwrite;			/* KTRACE_CFG_OVERWRITE; both locks */
	bool lossy;			/* KTRACE_CFG_LOSSY; @lock */
	bool ip;			/* KTRACE_CFG_IP; @lock */
	bool verbose;			/* KTRACE_CFG_VERBOSE; @lock */
	bool lng;			/* KTRACE_CFG_LONG; @lock */
	u32 throttle_ms;		/* @lock */
	atomic_t maps;			/* live mmap()s of its rings */
	size_t charged;			/* counters, bounce: ktrace_memory_charge() */
	void *bounce;			/* one record for read(); read_lock */
	u32 bounce_len;			/* bytes of it not yet read */
	struct mutex lock;		/* configuration and enable */
	struct mutex read_lock;		/* one reader at a time */
	wait_queue_head_t wq;		/* readers sleep here */
	u32 snaplen;			/* bytes of user data per blob */
	u32 snap_ceiling;		/* the most its rings and reader take */
	unsigned int nr_rings;		/* nr_cpu_ids */
	/* replaced under both locks, while disabled and unmapped */
	struct ktrace_rings __rcu *rings;
	struct ktrace_filter filter;
	/* [cpu][abi][nr]: written by the probes on cpu, summed by ioctls */
	struct ktrace_sys_count *counts;
	/* [abi][nr]: the sums at the last reset, subtracted from them */
	struct ktrace_sys_count *count_base;
	/* [cpu][KTRACE_PROC_LOSS_SLOTS + 1]: the last slot is "others" */
	struct ktrace_proc_lost *proc_lost;
	/* KTRACE_CFG_PROC_STATS, or NULL; replaced like @rings, read @lock */
	struct ktrace_procs __rcu *procs;
	/* throttle.c: traced tasks waiting for the reader */
	wait_queue_head_t throttle_wq;
	atomic_t throttle_waiters;
	atomic64_t throttled, throttle_timeouts, throttle_ns;
};

/*
 * The ring of @cpu, for the probes: they run with preemption disabled and
 * write only while the session is enabled, and the rings are replaced
 * only while it is disabled, a grace period after the last probe left.
 */
static inline struct ktrace_ring *ktrace_session_ring(struct ktrace_session *s,
						      unsigned int cpu)
{
	return rcu_dereference_sched(s->rings)->ring[cpu];
}

extern struct list_head ktrace_sessions;

struct ktrace_session *ktrace_session_create(pid_t owner_tgid);
int ktrace_session_configure(struct ktrace_session *s,
			     const struct ktrace_config *cfg);
int ktrace_session_proc_stats(struct ktrace_session *s,
			      struct ktrace_proc_stats *q);
void ktrace_session_sum_syscall(struct ktrace_session *s,
				struct ktrace_syscall_stats *out);
void ktrace_session_count_of(struct ktrace_session *s, unsigned int abi,
			     unsigned int nr, struct ktrace_count *out);
void ktrace_session_reset_stats(struct ktrace_session *s);
void ktrace_session_lost_proc(struct ktrace_session *s, unsigned int cpu,
			      pid_t tgid);
int ktrace_session_losses(struct ktrace_session *s,
			  struct ktrace_losses *q);
void ktrace_session_destroy(struct ktrace_session *s);
void ktrace_session_put(struct ktrace_session *s);
int ktrace_session_set_enabled(struct ktrace_session *s, bool on);
bool ktrace_session_readable(struct ktrace_session *s);
ssize_t ktrace_session_read(struct ktrace_session *s, char __user *buf,
			    size_t count, bool nonblock);
void ktrace_session_stats(struct ktrace_session *s, struct ktrace_stats *st);
int ktrace_session_mmap(struct ktrace_session *s, struct vm_area_struct *vma);
void ktrace_session_show_totals(struct seq_file *m);
void ktrace_session_show_rings(struct seq_file *m);

/*
 * throttle.c: a traced task waits for the reader instead of losing its
 * records (sessions with a PID filter, not KTRACE_CFG_LOSSY).  The probe
 * asks ktrace_throttle_wanted() at syscall exit, with preemption disabled,
 * and queues the wait with ktrace_throttle_queue(); readers call
 * ktrace_throttle_wake() when they have made room.
 */
int ktrace_throttle_init(void);
void ktrace_throttle_exit(void);
void ktrace_throttle_queue(struct ktrace_session *s, unsigned int cpu);
void ktrace_throttle_wake(struct ktrace_session *s);
/* device.c: does current hold a descriptor of @s (may it be its reader)? */
bool ktrace_holds_session(struct ktrace_session *s);

/*
 * procs.c: a session's syscall counters by process, by interval.  The
 * syscall exit probe counts with ktrace_procs_count() on its own CPU;
 * KTRACE_IOC_PROC_STATS reads with ktrace_procs_query() under the
 * session's @lock.  The file's first comment is the contract.
 */
struct ktrace_procs;
struct task_struct;

struct ktrace_procs *ktrace_procs_alloc(unsigned int nr_cpus);
void ktrace_procs_free(struct ktrace_procs *p);
unsigned int ktrace_procs_slots(const struct ktrace_procs *p);
void ktrace_procs_count(struct ktrace_procs *p, unsigned int cpu,
			struct task_struct *task, long ret, u64 duration);
int ktrace_procs_query(struct ktrace_procs *p, struct ktrace_proc_stats *q,
		       struct ktrace_proc_count **out);

/* probes.c: the tracepoints and what they record */
int ktrace_probes_init(void);
void ktrace_probes_exit(void);
int ktrace_probes_get(void);
int ktrace_probes_scratch(u32 snaplen);
void ktrace_probes_put(void);
void ktrace_probes_show(struct seq_file *m);

/* classes.c: strace's syscall classes, per ABI */
int ktrace_class_get(unsigned int abi, unsigned int index, char *name,
		     size_t name_len, unsigned long *bits);

/*
 * A counter that one CPU adds to and other CPUs read with READ_ONCE(): the
 * owner is its only writer (task context, preemption disabled), so the
 * addition needs no atomic, but its store must not be torn or merged with
 * the next one while a reader may load it (stats.c, session.c).
 */
#define ktrace_count_add(x, n)						\
	do {								\
		typeof(x) *__ktrace_c = &(x);				\
									\
		WRITE_ONCE(*__ktrace_c, *__ktrace_c + (n));		\
	} while (0)
#define ktrace_count_inc(x)	ktrace_count_add(x, 1)

/* stats.c: module-wide per-CPU counters */
struct ktrace_sys_stats {
	u64 calls;
	u64 errors;
	u64 total_ns;
	u32 hist[KTRACE_HIST_BUCKETS];
};

struct ktrace_cpu_stats {
	u64 faults;
	u64 syscalls;
	local_t records;
	local_t lost_nest;
	struct ktrace_sys_stats *sys;	/* [KTRACE_ABI_COUNT][KTRACE_NR_MAX] */
};

DECLARE_PER_CPU(struct ktrace_cpu_stats, ktrace_cpu_stats);

int ktrace_stats_init(void);
void ktrace_stats_exit(void);

static inline struct ktrace_cpu_stats *ktrace_stats_cpu(unsigned int cpu)
{
	return per_cpu_ptr(&ktrace_cpu_stats, cpu);
}

/* A copy of user memory for a record faulted; preemption disabled. */
static inline void ktrace_stats_fault(void)
{
	ktrace_count_inc(ktrace_stats_cpu(smp_processor_id())->faults);
}

static inline unsigned int ktrace_hist_bucket(u64 ns)
{
	if (ns < 2)
		return 0;
	return min_t(unsigned int, ilog2(ns), KTRACE_HIST_BUCKETS - 1);
}

/*
 * A syscall exit on this CPU; preemption disabled, task context.  Inline:
 * the exit probe of every traced call runs it.
 */
static __always_inline void ktrace_stats_syscall(unsigned int abi,
						 unsigned int nr, long ret,
						 u64 duration)
{
	struct ktrace_cpu_stats *cs = this_cpu_ptr(&ktrace_cpu_stats);
	struct ktrace_sys_stats *ss;

	ktrace_count_inc(cs->syscalls);
	if (abi >= KTRACE_ABI_COUNT || nr >= KTRACE_NR_MAX)
		return;
	ss = &cs->sys[abi * KTRACE_NR_MAX + nr];
	ktrace_count_inc(ss->calls);
	if (IS_ERR_VALUE(ret))
		ktrace_count_inc(ss->errors);
	if (duration != KTRACE_DURATION_UNKNOWN) {
		ktrace_count_add(ss->total_ns, duration);
		ktrace_count_inc(ss->hist[ktrace_hist_bucket(duration)]);
	}
}

void ktrace_stats_sum_syscall(struct ktrace_syscall_stats *out);
void ktrace_stats_global(struct ktrace_stats *st);

/*
 * The counting path, inline: the syscall exit probe of every traced call
 * runs it, and under emulation a call and its return cost more than the
 * counting itself.
 */
static inline u64 ktrace_ring_used(struct ktrace_ring *ring)
{
	return READ_ONCE(ring->page->data_head) -
	       READ_ONCE(ring->page->data_tail);
}

/*
 * At syscall exit, preemption disabled: should current wait for the
 * reader of @s?  A ring whose wait timed out throttles again only once
 * its reader has drained it to the low watermark.
 */
static __always_inline bool ktrace_throttle_wanted(struct ktrace_session *s,
						   unsigned int cpu)
{
	struct ktrace_ring *ring;
	u64 used;

	if (!READ_ONCE(s->filter.pid_filter) || READ_ONCE(s->lossy) ||
	    current->tgid == s->filter.owner_tgid)
		return false;
	ring = ktrace_session_ring(s, cpu);
	used = ktrace_ring_used(ring);
	if (unlikely(READ_ONCE(ring->throttle_off))) {
		if (used <= ring->throttle_low)
			WRITE_ONCE(ring->throttle_off, false);
		return false;
	}
	return used >= ring->throttle_high;
}

static inline struct ktrace_sys_count *ktrace_count(struct ktrace_session *s,
						    unsigned int cpu,
						    unsigned int abi, long nr)
{
	return &s->counts[((size_t)cpu * KTRACE_ABI_COUNT + abi) *
			  KTRACE_NR_MAX + nr];
}

/*
 * A child's return from a fork-family call: the exit of a call its parent
 * made, which strace -c counts once, in the parent.
 */
static __always_inline bool ktrace_child_return(unsigned int abi, long nr,
						long ret)
{
	if (ret)
		return false;
	if (abi == KTRACE_ABI_COMPAT)
		return nr == __NR_ia32_clone || nr == __NR_ia32_clone3 ||
		       nr == __NR_ia32_fork || nr == __NR_ia32_vfork;
	return nr == __NR_clone || nr == __NR_clone3 || nr == __NR_fork ||
	       nr == __NR_vfork;
}

/*
 * Probe side, from the syscall exit probe on @cpu with preemption
 * disabled: count one syscall exit of @task, by syscall and, when the
 * session asked for it, by process.
 */
static __always_inline void ktrace_session_count(struct ktrace_session *s,
						 unsigned int cpu,
						 struct task_struct *task,
						 unsigned int abi, long nr,
						 long ret, u64 duration)
{
	struct ktrace_sys_count *c;
	struct ktrace_procs *p;

	if (nr < 0 || nr >= KTRACE_NR_MAX || ktrace_child_return(abi, nr, ret))
		return;
	c = ktrace_count(s, cpu, abi, nr);
	ktrace_count_inc(c->calls);
	if (IS_ERR_VALUE(ret))
		ktrace_count_inc(c->errors);
	if (duration != KTRACE_DURATION_UNKNOWN)
		ktrace_count_add(c->total_ns, duration);
	p = rcu_dereference_sched(s->procs);
	if (unlikely(p))
		ktrace_procs_count(p, cpu, task, ret, duration);
}

#endif /* _KTRACE_H */
