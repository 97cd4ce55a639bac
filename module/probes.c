// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: the probes.  They attach to the syscall, process-lifecycle and
 * signal tracepoints, found by name with for_each_kernel_tracepoint(),
 * build one record per event and copy it into the ring of the current CPU
 * of every enabled session.
 *
 * Every probe runs with preemption disabled: the tracepoint does it for
 * most events, and we do it ourselves around the per-CPU work, since the
 * syscall tracepoints run preemptible from Linux 6.13 on.  Records are
 * built on the stack, except syscall records, which carry user data and
 * are built in a per-CPU scratch buffer; a busy flag per interrupt level
 * keeps two probes of one level on one CPU from sharing it.  User memory
 * is read with the _nofault helpers: a probe cannot take a page fault.
 */
#include <linux/binfmts.h>
#include <linux/compat.h>
#include <linux/hash.h>
#include <linux/percpu.h>
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
#include <asm/unistd.h>
#include <asm/unistd_32_ia32.h>
#include <trace/events/sched.h>
#include <trace/events/signal.h>
#include <trace/events/syscalls.h>

#include "ktrace.h"

/*
 * Enter timestamps, one slot per thread id hash.  A slot is two words:
 * @when holds the thread id in its top 22 bits and the low 42 bits of the
 * enter timestamp, @what holds the thread id in its top 32 bits, the ABI
 * in bit 31 and the syscall number below.  rt_sigreturn() clobbers the
 * number in pt_regs (and with it the x32 test of in_compat_syscall()), so
 * the exit takes both from here.  Only the thread itself stores into its
 * slot and reads it back, so migration is harmless.  A colliding thread
 * overwrites the slot; the loser finds a foreign thread id in either word
 * and reports an unknown duration, never a wrong one.  Each word is stored
 * whole, and both words carrying our id were both written by our own
 * latest enter (Documentation/ring-buffer.rst).
 */
#define KTRACE_ENTER_BITS	14
#define KTRACE_TS_BITS		42
#define KTRACE_TS_MASK		((1ULL << KTRACE_TS_BITS) - 1)
#define KTRACE_TID_MASK		((1U << (64 - KTRACE_TS_BITS)) - 1)

struct ktrace_enter {
	u64 when;
	u64 what;
};

static struct ktrace_enter *ktrace_enter_tab;

static struct ktrace_enter *ktrace_enter_slot(pid_t tid)
{
	return &ktrace_enter_tab[hash_32(tid, KTRACE_ENTER_BITS)];
}

static u64 ktrace_enter_when(pid_t tid, u64 ts)
{
	return ((u64)(tid & KTRACE_TID_MASK) << KTRACE_TS_BITS) |
	       (ts & KTRACE_TS_MASK);
}

/*
 * The 32 low bits of @what: ABI, a flag saying that a path could not be
 * read at enter (the exit reads it again: the syscall has faulted its
 * page in by then), and the syscall number.
 */
#define KTRACE_CALL_REFETCH	BIT(30)
#define KTRACE_CALL_NR		(KTRACE_CALL_REFETCH - 1)

static u32 ktrace_call(unsigned int abi, long nr)
{
	return (abi << 31) | ((u32)nr & KTRACE_CALL_NR);
}

static u64 ktrace_enter_what(pid_t tid, u32 call)
{
	return ((u64)(u32)tid << 32) | call;
}

static bool ktrace_enter_owned(u64 when, u64 what, pid_t tid)
{
	return when && (when >> KTRACE_TS_BITS) == (tid & KTRACE_TID_MASK) &&
	       (what >> 32) == (u32)tid;
}

static void ktrace_enter_set(pid_t tid, u64 ts, u32 call)
{
	struct ktrace_enter *e = ktrace_enter_slot(tid);

	WRITE_ONCE(e->when, ktrace_enter_when(tid, ts));
	WRITE_ONCE(e->what, ktrace_enter_what(tid, call));
}

/*
 * Take @tid's enter: the duration until @now (or unknown) and, when
 * known, the ABI and syscall number of the enter in *@abi and *@nr, and
 * in *@refetch whether its paths must be read again.
 */
static u64 ktrace_enter_take(pid_t tid, u64 now, unsigned int *abi,
			     long *nr, bool *refetch)
{
	struct ktrace_enter *e = ktrace_enter_slot(tid);
	u64 when = READ_ONCE(e->when), what = READ_ONCE(e->what);

	*refetch = false;
	if (!ktrace_enter_owned(when, what, tid))
		return KTRACE_DURATION_UNKNOWN;
	WRITE_ONCE(e->when, 0);
	*abi = (u32)what >> 31;
	*nr = (u32)what & KTRACE_CALL_NR;
	*refetch = what & KTRACE_CALL_REFETCH;
	return (now - when) & KTRACE_TS_MASK;
}

/* The enter of @tid could not read a path: have its exit read it. */
static void ktrace_enter_refetch(pid_t tid)
{
	struct ktrace_enter *e = ktrace_enter_slot(tid);
	u64 what = READ_ONCE(e->what);

	if (ktrace_enter_owned(READ_ONCE(e->when), what, tid))
		WRITE_ONCE(e->what, what | KTRACE_CALL_REFETCH);
}

static void ktrace_enter_forget(pid_t tid)
{
	struct ktrace_enter *e = ktrace_enter_slot(tid);

	if (ktrace_enter_owned(READ_ONCE(e->when), READ_ONCE(e->what), tid))
		WRITE_ONCE(e->when, 0);
}

/* Give @to the enter of @from (fork child, exec by a thread). */
static void ktrace_enter_copy(pid_t from, pid_t to)
{
	struct ktrace_enter *e = ktrace_enter_slot(from);
	u64 when = READ_ONCE(e->when), what = READ_ONCE(e->what);

	if (ktrace_enter_owned(when, what, from))
		ktrace_enter_set(to, when, (u32)what);
}

/* Per-CPU probe state. */
#define KTRACE_LEVELS		4	/* task, softirq, hardirq, NMI */
#define KTRACE_SCRATCH_SIZE	(20U << 10)

struct ktrace_cpu {
	bool busy[KTRACE_LEVELS];
	void *scratch;			/* task level only */
};

static DEFINE_PER_CPU(struct ktrace_cpu, ktrace_cpu);

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

/* Does session @s record @ev?  The filters, in the order of their cost. */
static bool ktrace_match(struct ktrace_session *s, const struct ktrace_ev *ev)
{
	const struct ktrace_filter *f = &s->filter;
	bool deferred;

	if (!READ_ONCE(s->enabled) || !(READ_ONCE(f->events) & ev->kind))
		return false;
	if (!ktrace_filter_task(f, ev->task) &&
	    !(ev->task2 && ktrace_filter_task(f, ev->task2)))
		return false;
	if (ev->phase == KTRACE_PH_OTHER)
		return true;
	if (!ktrace_filter_syscall(f, ev->abi, ev->nr))
		return false;
	deferred = ktrace_filter_deferred(f);
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
 * among them: a record is built once for every session.
 */
static bool ktrace_wanted(const struct ktrace_ev *ev, u32 *snaplen)
{
	struct ktrace_session *s;
	bool any = false;

	*snaplen = 0;
	list_for_each_entry_rcu(s, &ktrace_sessions, node) {
		if (ktrace_match(s, ev)) {
			any = true;
			*snaplen = max(*snaplen, READ_ONCE(s->snaplen));
		}
	}
	return any;
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

static void ktrace_hdr(struct ktrace_rec_hdr *h, u16 type, u32 size,
		       struct task_struct *t, u64 ts)
{
	h->size = size;
	h->type = type;
	h->flags = in_task() ? 0 : KTRACE_RF_IRQ;
	h->ts = ts;
	h->pid = t->pid;
	h->tgid = t->tgid;
	h->cpu = smp_processor_id();
	h->__reserved = 0;
	strscpy_pad(h->comm, t->comm, sizeof(h->comm));
}

/* Copy a finished record into this CPU's ring of every session wanting it. */
static void ktrace_emit(struct ktrace_rec_hdr *h, const struct ktrace_ev *ev)
{
	unsigned int cpu = smp_processor_id();
	struct ktrace_session *s;

	local_inc(&ktrace_stats_cpu(cpu)->records);
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		if (ktrace_match(s, ev))
			ktrace_ring_write(ktrace_session_ring(s, cpu), h, h->size,
					  h->ts);
}

/*
 * Which syscall arguments point at data worth copying.  Fields hold the
 * argument index plus one, so that zero means none.
 */
struct ktrace_sys_desc {
	u8 path0, path1;	/* enter: path names */
	u8 argv;		/* enter: an argv array */
	u8 sa, sa_len;		/* enter: a sockaddr and its length */
	u8 wbuf, wbuf_len;	/* enter: bytes written and their count */
	u8 rbuf;		/* exit: bytes read; the count is the return */
	u8 sa_out, sa_out_len;	/* exit: a sockaddr and a pointer to its length */
};

#define A(n)		((n) + 1)
#define PATH(a)		{ .path0 = A(a) }
#define PATH2(a, b)	{ .path0 = A(a), .path1 = A(b) }
#define EXEC(p, v)	{ .path0 = A(p), .argv = A(v) }
#define WBUF(b, l)	{ .wbuf = A(b), .wbuf_len = A(l) }
#define RBUF(b)		{ .rbuf = A(b) }
#define SA_IN(s, l)	{ .sa = A(s), .sa_len = A(l) }
#define SA_OUT(s, l)	{ .sa_out = A(s), .sa_out_len = A(l) }

static const struct ktrace_sys_desc ktrace_sys_native[KTRACE_NR_MAX] = {
	[__NR_read]		= RBUF(1),
	[__NR_pread64]		= RBUF(1),
	[__NR_write]		= WBUF(1, 2),
	[__NR_pwrite64]		= WBUF(1, 2),
	[__NR_open]		= PATH(0),
	[__NR_creat]		= PATH(0),
	[__NR_openat]		= PATH(1),
	[__NR_openat2]		= PATH(1),
	[__NR_stat]		= PATH(0),
	[__NR_lstat]		= PATH(0),
	[__NR_newfstatat]	= PATH(1),
	[__NR_statx]		= PATH(1),
	[__NR_statfs]		= PATH(0),
	[__NR_access]		= PATH(0),
	[__NR_faccessat]	= PATH(1),
	[__NR_faccessat2]	= PATH(1),
	[__NR_unlink]		= PATH(0),
	[__NR_unlinkat]		= PATH(1),
	[__NR_mkdir]		= PATH(0),
	[__NR_mkdirat]		= PATH(1),
	[__NR_rmdir]		= PATH(0),
	[__NR_mknod]		= PATH(0),
	[__NR_mknodat]		= PATH(1),
	[__NR_rename]		= PATH2(0, 1),
	[__NR_renameat]		= PATH2(1, 3),
	[__NR_renameat2]	= PATH2(1, 3),
	[__NR_link]		= PATH2(0, 1),
	[__NR_linkat]		= PATH2(1, 3),
	[__NR_symlink]		= PATH2(0, 1),
	[__NR_symlinkat]	= PATH2(0, 2),
	[__NR_readlink]		= PATH(0),
	[__NR_readlinkat]	= PATH(1),
	[__NR_chdir]		= PATH(0),
	[__NR_chroot]		= PATH(0),
	[__NR_chmod]		= PATH(0),
	[__NR_fchmodat]		= PATH(1),
	[__NR_chown]		= PATH(0),
	[__NR_lchown]		= PATH(0),
	[__NR_fchownat]		= PATH(1),
	[__NR_truncate]		= PATH(0),
	[__NR_execve]		= EXEC(0, 1),
	[__NR_execveat]		= EXEC(1, 2),
	[__NR_connect]		= SA_IN(1, 2),
	[__NR_bind]		= SA_IN(1, 2),
	[__NR_sendto]		= { .wbuf = A(1), .wbuf_len = A(2),
				    .sa = A(4), .sa_len = A(5) },
	[__NR_recvfrom]		= { .rbuf = A(1),
				    .sa_out = A(4), .sa_out_len = A(5) },
	[__NR_accept]		= SA_OUT(1, 2),
	[__NR_accept4]		= SA_OUT(1, 2),
};

static const struct ktrace_sys_desc ktrace_sys_compat[KTRACE_NR_MAX] = {
	[__NR_ia32_read]	= RBUF(1),
	[__NR_ia32_pread64]	= RBUF(1),
	[__NR_ia32_write]	= WBUF(1, 2),
	[__NR_ia32_pwrite64]	= WBUF(1, 2),
	[__NR_ia32_open]	= PATH(0),
	[__NR_ia32_creat]	= PATH(0),
	[__NR_ia32_openat]	= PATH(1),
	[__NR_ia32_openat2]	= PATH(1),
	[__NR_ia32_stat]	= PATH(0),
	[__NR_ia32_lstat]	= PATH(0),
	[__NR_ia32_stat64]	= PATH(0),
	[__NR_ia32_lstat64]	= PATH(0),
	[__NR_ia32_fstatat64]	= PATH(1),
	[__NR_ia32_statx]	= PATH(1),
	[__NR_ia32_access]	= PATH(0),
	[__NR_ia32_faccessat]	= PATH(1),
	[__NR_ia32_faccessat2]	= PATH(1),
	[__NR_ia32_unlink]	= PATH(0),
	[__NR_ia32_unlinkat]	= PATH(1),
	[__NR_ia32_mkdir]	= PATH(0),
	[__NR_ia32_mkdirat]	= PATH(1),
	[__NR_ia32_rmdir]	= PATH(0),
	[__NR_ia32_mknod]	= PATH(0),
	[__NR_ia32_mknodat]	= PATH(1),
	[__NR_ia32_rename]	= PATH2(0, 1),
	[__NR_ia32_renameat]	= PATH2(1, 3),
	[__NR_ia32_renameat2]	= PATH2(1, 3),
	[__NR_ia32_link]	= PATH2(0, 1),
	[__NR_ia32_linkat]	= PATH2(1, 3),
	[__NR_ia32_symlink]	= PATH2(0, 1),
	[__NR_ia32_symlinkat]	= PATH2(0, 2),
	[__NR_ia32_readlink]	= PATH(0),
	[__NR_ia32_readlinkat]	= PATH(1),
	[__NR_ia32_chdir]	= PATH(0),
	[__NR_ia32_chroot]	= PATH(0),
	[__NR_ia32_chmod]	= PATH(0),
	[__NR_ia32_fchmodat]	= PATH(1),
	[__NR_ia32_truncate]	= PATH(0),
	[__NR_ia32_execve]	= EXEC(0, 1),
	[__NR_ia32_execveat]	= EXEC(1, 2),
	[__NR_ia32_connect]	= SA_IN(1, 2),
	[__NR_ia32_bind]	= SA_IN(1, 2),
	[__NR_ia32_sendto]	= { .wbuf = A(1), .wbuf_len = A(2),
				    .sa = A(4), .sa_len = A(5) },
	[__NR_ia32_recvfrom]	= { .rbuf = A(1),
				    .sa_out = A(4), .sa_out_len = A(5) },
	[__NR_ia32_accept4]	= SA_OUT(1, 2),
};

#undef A
#undef PATH
#undef PATH2
#undef EXEC
#undef WBUF
#undef RBUF
#undef SA_IN
#undef SA_OUT

static const struct ktrace_sys_desc *ktrace_sys_desc(unsigned int abi,
						     long nr)
{
	if (nr < 0 || nr >= KTRACE_NR_MAX)
		return NULL;
	return abi == KTRACE_ABI_COMPAT ? &ktrace_sys_compat[nr] :
					  &ktrace_sys_native[nr];
}

/*
 * Building the variable part of a syscall record in the scratch buffer:
 * blob descriptors right after the fixed part, their data after them,
 * each piece 8-byte aligned.
 */
struct ktrace_build {
	char *rec;
	struct ktrace_blob *blobs;
	u16 *nblobs;
	u32 pos;
	u32 snaplen;
	bool compat;
};

static void kb_init(struct ktrace_build *b, void *rec, size_t fixed,
		    struct ktrace_blob *blobs, u16 *nblobs, unsigned int n,
		    bool compat, u32 snaplen)
{
	b->rec = rec;
	b->blobs = blobs;
	b->nblobs = nblobs;
	*nblobs = 0;
	b->pos = ALIGN(fixed + n * sizeof(*blobs), 8);
	memset(blobs, 0, b->pos - fixed);
	b->snaplen = clamp_t(u32, snaplen, 8, KTRACE_SNAPLEN_MAX);
	b->compat = compat;
}

static void __user *kb_uptr(struct ktrace_build *b, unsigned long v)
{
	return (void __user *)(b->compat ? (unsigned long)(u32)v : v);
}

static struct ktrace_blob *kb_add(struct ktrace_build *b, u8 kind, u8 arg)
{
	struct ktrace_blob *bl = &b->blobs[(*b->nblobs)++];

	bl->offset = b->pos;
	bl->kind = kind;
	bl->arg = arg;
	return bl;
}

static void kb_put(struct ktrace_build *b, struct ktrace_blob *bl, u32 len)
{
	u32 end = ALIGN(b->pos + len, 8);

	bl->len = len;
	memset(b->rec + b->pos + len, 0, end - b->pos - len);
	b->pos = end;
}

static void kb_fault(struct ktrace_build *b, struct ktrace_blob *bl)
{
	bl->flags |= KTRACE_BF_FAULT;
	ktrace_stats_cpu(smp_processor_id())->faults++;
	kb_put(b, bl, 0);
}

/*
 * strncpy_from_user_nofault() is not exported to modules: copy a string
 * with copy_from_user_nofault(), one page at a time so that a string
 * ending just before an unmapped page still reads.  Returns the length
 * including the NUL, @count if there was no NUL within @count bytes, or
 * -EFAULT.
 */
static long ktrace_strncpy_nofault(char *dst, const char __user *src,
				   long count)
{
	unsigned long addr = (unsigned long)src;
	long done = 0, chunk;
	char *nul;

	while (done < count) {
		chunk = min_t(long, count - done,
			      PAGE_SIZE - ((addr + done) & ~PAGE_MASK));
		if (copy_from_user_nofault(dst + done, src + done, chunk))
			return -EFAULT;
		nul = memchr(dst + done, '\0', chunk);
		if (nul)
			return nul - dst + 1;
		done += chunk;
	}
	return count;
}

static void kb_string(struct ktrace_build *b, u8 kind, u8 arg,
		      unsigned long uaddr)
{
	struct ktrace_blob *bl = kb_add(b, kind, arg);
	char *dst = b->rec + b->pos;
	long n;

	n = ktrace_strncpy_nofault(dst, kb_uptr(b, uaddr), b->snaplen);
	if (n <= 0) {
		kb_fault(b, bl);
		return;
	}
	if (dst[n - 1]) {
		dst[n - 1] = '\0';
		bl->flags |= KTRACE_BF_TRUNC;
	}
	kb_put(b, bl, n);
}

static void kb_bytes(struct ktrace_build *b, u8 kind, u8 arg,
		     unsigned long uaddr, unsigned long len)
{
	struct ktrace_blob *bl = kb_add(b, kind, arg);
	u32 n = min_t(unsigned long, len, b->snaplen);

	if (n && copy_from_user_nofault(b->rec + b->pos, kb_uptr(b, uaddr),
					n)) {
		kb_fault(b, bl);
		return;
	}
	if (len > n)
		bl->flags |= KTRACE_BF_TRUNC;
	kb_put(b, bl, n);
}

/* Read argv[i] of a native or compat argv array. */
static int kb_argv_ptr(struct ktrace_build *b, void __user *argv,
		       unsigned int i, unsigned long *p)
{
	u32 p32;

	if (!b->compat)
		return copy_from_user_nofault(p, argv + i * sizeof(*p),
					      sizeof(*p));
	if (copy_from_user_nofault(&p32, argv + i * sizeof(p32), sizeof(p32)))
		return -EFAULT;
	*p = p32;
	return 0;
}

static void kb_argv(struct ktrace_build *b, u8 arg, unsigned long uaddr)
{
	struct ktrace_blob *bl = kb_add(b, KTRACE_BLOB_ARGV, arg);
	void __user *argv = kb_uptr(b, uaddr);
	char *dst = b->rec + b->pos;
	unsigned long p;
	unsigned int i;
	u32 used = 0;
	long n;

	for (i = 0; i < KTRACE_ARGV_MAX; i++) {
		if (kb_argv_ptr(b, argv, i, &p))
			goto fault;
		if (!p)
			goto done;
		if (used == b->snaplen)
			break;
		n = ktrace_strncpy_nofault(dst + used, kb_uptr(b, p),
					   b->snaplen - used);
		if (n <= 0)
			goto fault;
		used += n;
		if (dst[used - 1]) {
			dst[used - 1] = '\0';
			break;
		}
	}
	/* Out of room or out of argument slots. */
	bl->flags |= KTRACE_BF_TRUNC;
done:
	kb_put(b, bl, used);
	return;
fault:
	kb_fault(b, bl);
}

/* A sockaddr filled by the kernel, its length behind a user pointer. */
static void kb_sockaddr_out(struct ktrace_build *b, u8 arg,
			    unsigned long uaddr, unsigned long ulen)
{
	int len;

	if (copy_from_user_nofault(&len, kb_uptr(b, ulen), sizeof(len))) {
		kb_fault(b, kb_add(b, KTRACE_BLOB_SOCKADDR, arg));
		return;
	}
	kb_bytes(b, KTRACE_BLOB_SOCKADDR, arg, uaddr,
		 clamp_t(int, len, 0, sizeof(struct sockaddr_storage)));
}

static u32 kb_finish(struct ktrace_build *b)
{
	return b->pos;
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

/* Returns true when a path could not be read. */
static bool ktrace_record_sys_enter(struct pt_regs *regs, long id,
				    unsigned int abi, u64 ts, void *scratch,
				    const struct ktrace_ev *ev, u32 snaplen)
{
	const struct ktrace_sys_desc *d = ktrace_sys_desc(abi, id);
	struct ktrace_rec_sys_enter *r = scratch;
	unsigned long args[6];
	struct ktrace_build b;
	unsigned int i, n = 0;

	syscall_get_arguments(current, regs, args);
	memset(r, 0, sizeof(*r));
	r->nr = id;
	r->abi = abi;
	for (i = 0; i < 6; i++)
		r->args[i] = abi == KTRACE_ABI_COMPAT ? (u32)args[i] : args[i];
	if (d)
		n = !!d->path0 + !!d->path1 + !!d->argv + !!d->sa + !!d->wbuf;
	kb_init(&b, r, sizeof(*r), r->blobs, &r->nblobs, n,
		abi == KTRACE_ABI_COMPAT, snaplen);
	if (d && d->path0)
		kb_string(&b, KTRACE_BLOB_PATH, d->path0 - 1,
			  args[d->path0 - 1]);
	if (d && d->path1)
		kb_string(&b, KTRACE_BLOB_PATH, d->path1 - 1,
			  args[d->path1 - 1]);
	if (d && d->argv)
		kb_argv(&b, d->argv - 1, args[d->argv - 1]);
	if (d && d->sa)
		kb_bytes(&b, KTRACE_BLOB_SOCKADDR, d->sa - 1, args[d->sa - 1],
			 min_t(unsigned long, (u32)args[d->sa_len - 1],
			       sizeof(struct sockaddr_storage)));
	if (d && d->wbuf)
		kb_bytes(&b, KTRACE_BLOB_BUF, d->wbuf - 1, args[d->wbuf - 1],
			 args[d->wbuf_len - 1]);
	ktrace_hdr(&r->hdr, KTRACE_REC_SYS_ENTER, kb_finish(&b), current, ts);
	ktrace_emit(&r->hdr, ev);
	for (i = 0; i < r->nblobs; i++)
		if (r->blobs[i].kind == KTRACE_BLOB_PATH &&
		    (r->blobs[i].flags & KTRACE_BF_FAULT))
			return true;
	return false;
}

static void ktrace_record_sys_exit(struct pt_regs *regs, long nr, long ret,
				   unsigned int abi, u64 ts, u64 duration,
				   void *scratch, const struct ktrace_ev *ev,
				   u32 snaplen, bool refetch)
{
	const struct ktrace_sys_desc *d = ktrace_sys_desc(abi, nr);
	struct ktrace_rec_sys_exit *r = scratch;
	bool rbuf = false, sa = false, p0 = false, p1 = false;
	unsigned long args[6];
	struct ktrace_build b;

	syscall_get_arguments(current, regs, args);
	memset(r, 0, sizeof(*r));
	r->nr = nr;
	r->abi = abi;
	r->ret = ret;
	r->duration = duration;
	if (d) {
		rbuf = d->rbuf && ret > 0;
		sa = d->sa_out && ret >= 0 && args[d->sa_out - 1] &&
		     args[d->sa_out_len - 1];
		p0 = refetch && d->path0;
		p1 = refetch && d->path1;
	}
	kb_init(&b, r, sizeof(*r), r->blobs, &r->nblobs, rbuf + sa + p0 + p1,
		abi == KTRACE_ABI_COMPAT, snaplen);
	if (p0)
		kb_string(&b, KTRACE_BLOB_PATH, d->path0 - 1,
			  args[d->path0 - 1]);
	if (p1)
		kb_string(&b, KTRACE_BLOB_PATH, d->path1 - 1,
			  args[d->path1 - 1]);
	if (rbuf)
		kb_bytes(&b, KTRACE_BLOB_BUF, d->rbuf - 1, args[d->rbuf - 1],
			 ret);
	if (sa)
		kb_sockaddr_out(&b, d->sa_out - 1, args[d->sa_out - 1],
				args[d->sa_out_len - 1]);
	ktrace_hdr(&r->hdr, KTRACE_REC_SYS_EXIT, kb_finish(&b), current, ts);
	ktrace_emit(&r->hdr, ev);
}

static void ktrace_probe_sys_enter(void *data, struct pt_regs *regs, long id)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = {
		.kind = KTRACE_EV_SYSCALL, .phase = KTRACE_PH_ENTER,
		.task = current, .abi = ktrace_abi(), .nr = id,
	};
	unsigned int level;
	u32 snaplen;

	/* Preemptible from Linux 6.13 on: stay on this CPU from here. */
	preempt_disable();
	ktrace_enter_set(current->pid, ts, ktrace_call(ev.abi, id));
	if (ktrace_wanted(&ev, &snaplen) && ktrace_begin(&level, &ev, ts)) {
		if (ktrace_record_sys_enter(regs, id, ev.abi, ts,
					    this_cpu_ptr(&ktrace_cpu)->scratch,
					    &ev, snaplen))
			ktrace_enter_refetch(current->pid);
		ktrace_end(level);
	}
	preempt_enable();
}

/*
 * One walk at syscall exit: each session that traces this syscall of this
 * task counts it, and says whether it wants the exit record and (status
 * filters) the enter written now, and with what snap length.
 */
struct ktrace_exit_want {
	bool late_enter, exit;
	u32 snaplen;
};

static void ktrace_exit_sessions(const struct ktrace_ev *ev,
				 struct ktrace_exit_want *w)
{
	unsigned int cpu = smp_processor_id();
	const struct ktrace_filter *f;
	struct ktrace_session *s;

	memset(w, 0, sizeof(*w));
	list_for_each_entry_rcu(s, &ktrace_sessions, node) {
		f = &s->filter;
		if (!READ_ONCE(s->enabled) || !ktrace_filter_task(f, ev->task) ||
		    !ktrace_filter_syscall(f, ev->abi, ev->nr))
			continue;
		ktrace_session_count(s, cpu, ev->abi, ev->nr, ev->ret,
				     ev->duration);
		if (!(READ_ONCE(f->events) & KTRACE_EV_SYSCALL))
			continue;
		if (ktrace_filter_deferred(f)) {
			if (!ktrace_status_ok(f, ev))
				continue;
			w->late_enter = true;
		}
		w->exit = true;
		w->snaplen = max(w->snaplen, READ_ONCE(s->snaplen));
	}
}

static void ktrace_probe_sys_exit(void *data, struct pt_regs *regs, long ret)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = {
		.kind = KTRACE_EV_SYSCALL, .task = current, .ret = ret,
		.abi = ktrace_abi(), .nr = syscall_get_nr(current, regs),
	};
	struct ktrace_exit_want w;
	unsigned int level;
	bool refetch;
	void *scratch;

	preempt_disable();
	ev.duration = ktrace_enter_take(current->pid, ts, &ev.abi, &ev.nr,
					&refetch);
	ktrace_stats_syscall(ev.abi, ev.nr, ret, ev.duration);
	ktrace_exit_sessions(&ev, &w);
	scratch = this_cpu_ptr(&ktrace_cpu)->scratch;

	/* Sessions with status filters get the enter only now. */
	ev.phase = KTRACE_PH_LATE_ENTER;
	if (w.late_enter && ktrace_begin(&level, &ev, ts)) {
		ktrace_record_sys_enter(regs, ev.nr, ev.abi,
					ev.duration == KTRACE_DURATION_UNKNOWN ?
					ts : ts - ev.duration, scratch, &ev,
					w.snaplen);
		ktrace_end(level);
	}
	ev.phase = KTRACE_PH_EXIT;
	if (w.exit && ktrace_begin(&level, &ev, ts)) {
		ktrace_record_sys_exit(regs, ev.nr, ret, ev.abi, ts,
				       ev.duration, scratch, &ev, w.snaplen,
				       refetch);
		ktrace_end(level);
	}
	preempt_enable();
}

/* The clone flags of the fork in progress in current, from its syscall. */
static bool ktrace_clone_flags(u64 *flags)
{
	struct pt_regs *regs;
	unsigned long args[6];
	bool compat;
	long nr;

	if (current->flags & (PF_KTHREAD | PF_IO_WORKER))
		return false;
	regs = task_pt_regs(current);
	nr = syscall_get_nr(current, regs);
	compat = ktrace_abi() == KTRACE_ABI_COMPAT;
	syscall_get_arguments(current, regs, args);
	if (compat ? nr == __NR_ia32_clone : nr == __NR_clone) {
		*flags = compat ? (u32)args[0] : args[0];
	} else if (compat ? nr == __NR_ia32_fork : nr == __NR_fork) {
		*flags = SIGCHLD;
	} else if (compat ? nr == __NR_ia32_vfork : nr == __NR_vfork) {
		*flags = CLONE_VM | CLONE_VFORK | SIGCHLD;
	} else if (compat ? nr == __NR_ia32_clone3 : nr == __NR_clone3) {
		/* struct clone_args starts with its u64 flags. */
		if (copy_from_user_nofault(flags, (void __user *)(compat ?
					   (unsigned long)(u32)args[0] :
					   args[0]), sizeof(*flags))) {
			ktrace_stats_cpu(smp_processor_id())->faults++;
			return false;
		}
	} else {
		return false;
	}
	return true;
}

static void ktrace_probe_fork(void *data, struct task_struct *parent,
			      struct task_struct *child)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = parent };
	struct ktrace_session *s;
	struct ktrace_rec_fork r;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	/* The child's first event is the exit of clone(): time it from here. */
	ktrace_enter_copy(parent->pid, child->pid);
	/* Children of followed tasks join before their first syscall. */
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		if (READ_ONCE(s->enabled))
			ktrace_filter_fork(&s->filter, parent, child);
	if (!ktrace_wanted(&ev, &snaplen) || !ktrace_begin(&level, &ev, ts))
		goto out;
	memset(&r, 0, sizeof(r));
	r.parent_pid = parent->pid;
	r.parent_tgid = parent->tgid;
	r.child_pid = child->pid;
	r.child_tgid = child->tgid;
	if (child->tgid == parent->tgid)
		r.fork_flags |= KTRACE_FORK_THREAD;
	if (parent == current && ktrace_clone_flags(&r.clone_flags))
		r.fork_flags |= KTRACE_FORK_FLAGS_VALID;
	ktrace_hdr(&r.hdr, KTRACE_REC_FORK, sizeof(r), current, ts);
	ktrace_emit(&r.hdr, &ev);
	ktrace_end(level);
out:
	preempt_enable();
}

static void ktrace_probe_exec(void *data, struct task_struct *p,
			      pid_t old_pid, struct linux_binprm *bprm)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = p };
	struct ktrace_rec_exec *r;
	struct ktrace_build b;
	struct ktrace_blob *bl;
	unsigned int level;
	u32 snaplen;
	long n;

	preempt_disable();
	if (old_pid != p->pid)
		ktrace_enter_copy(old_pid, p->pid);
	if (!ktrace_wanted(&ev, &snaplen) || !ktrace_begin(&level, &ev, ts))
		goto out;
	r = this_cpu_ptr(&ktrace_cpu)->scratch;
	if (level != 0) {
		/* Cannot happen: exec runs in task context. */
		ktrace_end(level);
		goto out;
	}
	memset(r, 0, sizeof(*r));
	r->old_pid = old_pid;
	kb_init(&b, r, sizeof(*r), r->blobs, &r->nblobs, 1, false, snaplen);
	bl = kb_add(&b, KTRACE_BLOB_FILENAME, 0);
	n = strscpy((char *)r + b.pos, bprm->filename, b.snaplen);
	if (n < 0) {
		n = b.snaplen - 1;
		bl->flags |= KTRACE_BF_TRUNC;
	}
	kb_put(&b, bl, n + 1);
	ktrace_hdr(&r->hdr, KTRACE_REC_EXEC, kb_finish(&b), p, ts);
	ktrace_emit(&r->hdr, &ev);
	ktrace_end(level);
out:
	preempt_enable();
}

static void ktrace_record_exit(struct task_struct *p, bool group_dead)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = p };
	struct ktrace_rec_exit r;
	unsigned int level;
	u32 snaplen;
	int code;

	preempt_disable();
	ktrace_enter_forget(p->pid);
	if (!ktrace_wanted(&ev, &snaplen) || !ktrace_begin(&level, &ev, ts))
		goto out;
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
	ktrace_hdr(&r.hdr, KTRACE_REC_EXIT, sizeof(r), p, ts);
	ktrace_emit(&r.hdr, &ev);
	ktrace_end(level);
out:
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
	ktrace_record_exit(p, group_dead);
}
#else
static void ktrace_probe_exit(void *data, struct task_struct *p)
{
	/* do_exit() has already taken the task off signal->live. */
	ktrace_record_exit(p, !atomic_read(&p->signal->live));
}
#endif

static void ktrace_probe_free(void *data, struct task_struct *p)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = { .kind = KTRACE_EV_LIFECYCLE, .task = p };
	struct ktrace_session *s;
	struct ktrace_rec_reap r;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	if (!ktrace_wanted(&ev, &snaplen) || !ktrace_begin(&level, &ev, ts))
		goto leave;
	memset(&r, 0, sizeof(r));
	r.exit_code = READ_ONCE(p->exit_code);
	ktrace_hdr(&r.hdr, KTRACE_REC_REAP, sizeof(r), p, ts);
	ktrace_emit(&r.hdr, &ev);
	ktrace_end(level);
leave:
	/* The reaped task leaves every PID filter it was in. */
	list_for_each_entry_rcu(s, &ktrace_sessions, node)
		ktrace_filter_reap(&s->filter, p);
	preempt_enable();
}

static bool ktrace_siginfo_valid(struct kernel_siginfo *info)
{
	return info != SEND_SIG_NOINFO && info != SEND_SIG_PRIV;
}

static void ktrace_probe_signal_generate(void *data, int sig,
					 struct kernel_siginfo *info,
					 struct task_struct *task, int group,
					 int result)
{
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = {
		.kind = KTRACE_EV_SIGNAL, .task = current, .task2 = task,
	};
	struct ktrace_rec_signal_generate r;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	if (!ktrace_wanted(&ev, &snaplen) || !ktrace_begin(&level, &ev, ts))
		goto out;
	memset(&r, 0, sizeof(r));
	r.sig = sig;
	if (ktrace_siginfo_valid(info)) {
		r.code = info->si_code;
		r.errno_ = info->si_errno;
	}
	r.result = result;
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
	u64 ts = ktime_get_mono_fast_ns();
	struct ktrace_ev ev = { .kind = KTRACE_EV_SIGNAL, .task = current };
	struct ktrace_rec_signal_deliver r;
	__sighandler_t handler;
	unsigned int level;
	u32 snaplen;

	preempt_disable();
	if (!ktrace_wanted(&ev, &snaplen) || !ktrace_begin(&level, &ev, ts))
		goto out;
	memset(&r, 0, sizeof(r));
	r.sig = sig;
	if (ktrace_siginfo_valid(info)) {
		r.code = info->si_code;
		r.errno_ = info->si_errno;
	}
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
	ktrace_hdr(&r.hdr, KTRACE_REC_SIGNAL_DELIVER, sizeof(r), current, ts);
	ktrace_emit(&r.hdr, &ev);
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
	struct tracepoint *tp;
	bool registered;
};

static struct ktrace_probe ktrace_probes[] = {
	{ "sys_enter",			ktrace_probe_sys_enter },
	{ "sys_exit",			ktrace_probe_sys_exit },
	{ "sched_process_fork",		ktrace_probe_fork },
	{ "sched_process_exec",		ktrace_probe_exec },
	{ "sched_process_exit",		ktrace_probe_exit },
	{ "sched_process_free",		ktrace_probe_free },
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
 * Probes are attached while at least one session is enabled: an idle
 * module leaves every tracepoint, and with the syscall ones every task's
 * syscall path, as if it were not loaded.  Under ktrace_probes_lock.
 */
static DEFINE_MUTEX(ktrace_probes_lock);
static unsigned int ktrace_probes_users;

static void ktrace_probes_unregister(void)
{
	struct ktrace_probe *p;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		if (p->registered)
			WARN_ON_ONCE(tracepoint_probe_unregister(p->tp, p->func,
								 NULL));
		p->registered = false;
	}
	/* No probe runs any more once this returns. */
	tracepoint_synchronize_unregister();
}

static int ktrace_probes_register(void)
{
	struct ktrace_probe *p;
	unsigned int i;
	int ret;

	/* Enters seen by an earlier attachment must not time new exits. */
	memset(ktrace_enter_tab, 0, sizeof(*ktrace_enter_tab) <<
	       KTRACE_ENTER_BITS);
	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		ret = tracepoint_probe_register(p->tp, p->func, NULL);
		if (ret) {
			pr_err("cannot attach to %s: %d\n", p->name, ret);
			ktrace_probes_unregister();
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
	if (!ktrace_probes_users)
		ret = ktrace_probes_register();
	if (!ret)
		ktrace_probes_users++;
	mutex_unlock(&ktrace_probes_lock);
	return ret;
}

/* A session was disabled: detach the probes if it was the last. */
void ktrace_probes_put(void)
{
	mutex_lock(&ktrace_probes_lock);
	if (!WARN_ON_ONCE(!ktrace_probes_users) && !--ktrace_probes_users)
		ktrace_probes_unregister();
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
	seq_puts(m, "tracepoint key attached\n");
	for (i = 0; i < ARRAY_SIZE(ktrace_probes); i++) {
		p = &ktrace_probes[i];
		seq_printf(m, "%s %d %d\n", p->name,
			   p->tp ? static_key_enabled(&p->tp->key) : -1,
			   p->registered);
	}
	mutex_unlock(&ktrace_probes_lock);
}

static void ktrace_probes_free(void)
{
	unsigned int cpu;

	for_each_possible_cpu(cpu) {
		kfree(per_cpu_ptr(&ktrace_cpu, cpu)->scratch);
		per_cpu_ptr(&ktrace_cpu, cpu)->scratch = NULL;
	}
	vfree(ktrace_enter_tab);
	ktrace_enter_tab = NULL;
}

int ktrace_probes_init(void)
{
	struct ktrace_probe *p;
	unsigned int cpu, i;
	int ret;

	BUILD_BUG_ON(sizeof(struct ktrace_rec_sys_enter) +
		     4 * sizeof(struct ktrace_blob) +
		     4 * (KTRACE_SNAPLEN_MAX + 8) > KTRACE_SCRATCH_SIZE);
	BUILD_BUG_ON(KTRACE_SCRATCH_SIZE > KTRACE_REC_MAX_SIZE);

	ktrace_enter_tab = vzalloc(sizeof(*ktrace_enter_tab) <<
				   KTRACE_ENTER_BITS);
	if (!ktrace_enter_tab)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		per_cpu_ptr(&ktrace_cpu, cpu)->scratch =
			kmalloc_node(KTRACE_SCRATCH_SIZE, GFP_KERNEL,
				     cpu_to_node(cpu));
		if (!per_cpu_ptr(&ktrace_cpu, cpu)->scratch) {
			ret = -ENOMEM;
			goto err;
		}
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
	WARN_ON_ONCE(ktrace_probes_users);
	ktrace_probes_free();
}
