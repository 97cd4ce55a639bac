// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace: the per-CPU ring of a session.  Documentation/ring-buffer.rst is
 * the contract this file implements: one writer, the ring's own CPU, which
 * may nest through interrupts and never waits; one reader, which consumes
 * whole records and hands the space back through data_tail.  The control
 * page and the data area are one vmalloc_user() area so that both can be
 * mapped to userspace.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/topology.h>
#include <linux/vmalloc.h>

#include "ktrace.h"

static void ktrace_ring_wakeup(struct irq_work *work)
{
	struct ktrace_ring *ring = container_of(work, struct ktrace_ring,
						wakeup);

	wake_up_interruptible(&ring->session->wq);
}

struct ktrace_ring *ktrace_ring_alloc(struct ktrace_session *s,
				      unsigned int cpu, size_t size,
				      unsigned int watermark)
{
	struct ktrace_ring *ring;

	ring = kzalloc_node(sizeof(*ring), GFP_KERNEL, cpu_to_node(cpu));
	if (!ring)
		return NULL;
	ring->map_size = PAGE_SIZE + size;
	ring->page = vmalloc_user(ring->map_size);
	if (!ring->page) {
		kfree(ring);
		return NULL;
	}
	ring->data = (char *)ring->page + PAGE_SIZE;
	ring->size = size;
	ring->cpu = cpu;
	ring->watermark = watermark;
	ring->throttle_high = size / 4 * 3;
	ring->throttle_low = size / 4;
	ring->session = s;
	local_set(&ring->head, 0);
	ring->loss_head = 0;
	local_set(&ring->nest, 0);
	local_set(&ring->lost, 0);
	local64_set(&ring->lost_first, 0);
	local64_set(&ring->lost_last, 0);
	local_set(&ring->written, 0);
	local_set(&ring->lost_full, 0);
	local_set(&ring->lost_nest, 0);
	local_set(&ring->lost_reported, 0);
	local_set(&ring->overwritten, 0);
	init_irq_work(&ring->wakeup, ktrace_ring_wakeup);

	ring->page->version = KTRACE_RING_VERSION;
	ring->page->cpu = cpu;
	ring->page->data_offset = PAGE_SIZE;
	ring->page->data_size = size;
	return ring;
}

/*
 * Is @tail, as the control page holds it, a place a ring with records up
 * to @head could have its oldest at?  A program that maps the ring may
 * write anything there.
 */
static bool ktrace_ring_tail_ok(const struct ktrace_ring *ring, u64 head,
				u64 tail)
{
	return !(tail & 7) && head - tail <= ring->size;
}

/*
 * Do the records from @tail lead to @head, each of a size a writer makes
 * (ktrace_ring_take_old() and ktrace_ring_overwrite() take no other)?
 * A tail a program moved into the middle of a record does not: the
 * flight recorder's reader would find no record there, nor its writer
 * one to evict, for ever.  No writer runs (ktrace_ring_repair()).
 */
static bool ktrace_ring_chain_ok(const struct ktrace_ring *ring, u64 head,
				 u64 tail)
{
	const struct ktrace_rec_hdr *h;
	unsigned int n = 0;
	u64 off;
	u32 size;

	while (tail != head) {
		off = tail & (ring->size - 1);
		h = ring->data + off;
		size = READ_ONCE(h->size);
		if (size < 8 || (size & 7) || size > head - tail ||
		    size > ring->size - off || size > KTRACE_REC_LONG_MAX_SIZE)
			return false;
		tail += size;
		if (!(++n & 4095))
			cond_resched();
	}
	return true;
}

/*
 * A ring that CONFIGURE keeps (same size) and no program maps, with no
 * writer (the session is disabled): the head and tail a program may have
 * left in its control page while it was mapped go, before a flight
 * recorder's writer and reader, which move the tail themselves, trust
 * them.  The head is the kernel's own; a tail that cannot be the oldest
 * record's moves to the head, and what the ring held is no longer
 * readable, as after a read of it.
 */
void ktrace_ring_repair(struct ktrace_ring *ring)
{
	u64 head = local_read(&ring->head);
	u64 tail = READ_ONCE(ring->page->data_tail);

	WRITE_ONCE(ring->page->data_head, head);
	if (!ktrace_ring_tail_ok(ring, head, tail) ||
	    !ktrace_ring_chain_ok(ring, head, tail))
		WRITE_ONCE(ring->page->data_tail, head);
}

/* Only once no writer can reach the ring any more (see session.c). */
void ktrace_ring_free(struct ktrace_ring *ring)
{
	if (!ring)
		return;
	irq_work_sync(&ring->wakeup);
	vfree(ring->page);
	kfree(ring);
}

/*
 * Count @n drops between @first and @last, to be reported by the next
 * LOSS record on this CPU.  The timestamps go in before the count, so
 * that a writer that claims the count (ktrace_ring_claim_drops()) finds
 * them; a nested writer may claim in between, and then the timestamps of
 * the drops it did not count go with the next LOSS record's range.
 */
static void ktrace_ring_count_drops(struct ktrace_ring *ring, u64 n,
				    u64 first, u64 last)
{
	u64 old, prev;

	old = local64_read(&ring->lost_first);
	while (!old || first < old) {
		prev = local64_cmpxchg(&ring->lost_first, old, first);
		if (prev == old)
			break;
		old = prev;
	}
	old = local64_read(&ring->lost_last);
	while (last > old) {
		prev = local64_cmpxchg(&ring->lost_last, old, last);
		if (prev == old)
			break;
		old = prev;
	}
	barrier();
	local_add(n, &ring->lost);
}

/* Take every drop counted so far, with the range of their timestamps. */
static unsigned long ktrace_ring_claim_drops(struct ktrace_ring *ring,
					     u64 ts, u64 *first, u64 *last)
{
	unsigned long n = local_xchg(&ring->lost, 0);

	if (!n)
		return 0;
	barrier();
	*first = local64_xchg(&ring->lost_first, 0);
	*last = local64_xchg(&ring->lost_last, 0);
	if (!*last || *last > ts)
		*last = ts;
	if (!*first || *first > *last)
		*first = *last;
	return n;
}

/*
 * Flight recorder: make room for @need bytes at @head by pushing the tail
 * past the oldest whole records.  Only records below data_head are
 * complete (a nested writer's may not be): when the room is not there,
 * give up.  The reader takes records by moving the tail too, so every
 * move is a cmpxchg, paired with the one in ktrace_ring_take_old(); what
 * the accounting needs of the victim is read before ours succeeds, since
 * its space is the next writer's as soon as it does.  An evicted data
 * record moves from @written to @lost_full (and @overwritten); an evicted
 * LOSS record gives its count back to the pending drops, so that the next
 * LOSS record reports it again: read + lost == produced holds as in a
 * ring that drops the newest.
 */
static bool ktrace_ring_overwrite(struct ktrace_ring *ring,
				  unsigned long head, u32 need)
{
	u64 done = READ_ONCE(ring->page->data_head);
	u64 tail = READ_ONCE(ring->page->data_tail);
	const struct ktrace_rec_loss *loss;
	const struct ktrace_rec_hdr *h;
	u64 n, first, last, ts;
	u32 size, off;
	u16 type;
	pid_t tgid;

	/* Not a flight recorder's state (ktrace_ring_repair()): drop. */
	if (!ktrace_ring_tail_ok(ring, done, tail) || done > head)
		return false;
	while (head + need - tail > ring->size) {
		if (tail >= done)
			return false;
		off = tail & (ring->size - 1);
		h = ring->data + off;
		size = READ_ONCE(h->size);
		if (size < 8 || (size & 7) || size > done - tail ||
		    size > ring->size - off)
			return false;
		type = size >= sizeof(*h) ? READ_ONCE(h->type) : KTRACE_REC_PAD;
		n = 0;
		first = 0;
		last = 0;
		ts = 0;
		tgid = 0;
		if (type == KTRACE_REC_LOSS && size >= sizeof(*loss)) {
			loss = (const void *)h;
			n = READ_ONCE(loss->lost);
			first = READ_ONCE(loss->first_ts);
			last = READ_ONCE(loss->last_ts);
		} else if (type != KTRACE_REC_PAD) {
			ts = READ_ONCE(h->ts);
			tgid = READ_ONCE(h->tgid);
		}
		if (!try_cmpxchg64(&ring->page->data_tail, &tail, tail + size))
			continue;	/* the reader took it: look again */
		if (type == KTRACE_REC_LOSS) {
			local_sub(n, &ring->lost_reported);
			ktrace_ring_count_drops(ring, n, first, last);
		} else if (type != KTRACE_REC_PAD) {
			local_dec(&ring->written);
			local_inc(&ring->lost_full);
			local_inc(&ring->overwritten);
			ktrace_ring_count_drops(ring, 1, ts, ts);
			ktrace_session_lost_proc(ring->session, ring->cpu, tgid);
		}
		tail += size;
	}
	return true;
}

/*
 * Reserve @len bytes, plus a PAD record first when they would not fit
 * before the end of the data area.  The caller holds a nesting count.
 * Returns where the record goes, or NULL when the ring is full.
 */
static void *ktrace_ring_reserve(struct ktrace_ring *ring, u32 len)
{
	unsigned long head, old, off, pad, used;
	struct ktrace_rec_hdr *filler;
	u64 tail;

	head = local_read(&ring->head);
	for (;;) {
		/*
		 * Pairs with smp_store_release(&data_tail) in
		 * ktrace_ring_consume() (or the program's own): the reader
		 * is done with every byte below tail before we reuse it.
		 */
		tail = smp_load_acquire(&ring->page->data_tail);
		used = head - (unsigned long)tail;
		off = head & (ring->size - 1);
		pad = off + len > ring->size ? ring->size - off : 0;
		/* A tail ahead of head or too far behind reads as full. */
		if (used > ring->size || pad + len > ring->size - used) {
			if (!ring->overwrite ||
			    !ktrace_ring_overwrite(ring, head, pad + len))
				return NULL;
			continue;
		}
		old = local_cmpxchg(&ring->head, head, head + pad + len);
		if (old == head)
			break;
		/* An interrupt reserved in between: try again after it. */
		head = old;
	}
	if (pad) {
		filler = ring->data + off;
		filler->size = pad;
		filler->type = KTRACE_REC_PAD;
		filler->flags = 0;
	}
	return ring->data + ((head + pad) & (ring->size - 1));
}

/*
 * Drop the caller's nesting count; the outermost writer publishes
 * everything reserved so far, which nested writers finished before it
 * resumed.
 */
static void ktrace_ring_commit(struct ktrace_ring *ring)
{
	unsigned long head;

	for (;;) {
		if (local_read(&ring->nest) > 1) {
			local_dec(&ring->nest);
			return;
		}
		head = local_read(&ring->head);
		/*
		 * Pairs with smp_load_acquire(&data_head) in
		 * ktrace_ring_peek() (or the program's own): the bytes of
		 * every record below head are visible before head is.
		 */
		smp_store_release(&ring->page->data_head, (u64)head);
		local_dec(&ring->nest);
		barrier();
		if (likely(local_read(&ring->head) == head))
			return;
		/* An interrupt reserved after we read head: publish it too. */
		local_inc(&ring->nest);
		barrier();
	}
}

/*
 * Wake the reader once the ring holds @watermark bytes, unless a wakeup
 * is already on its way.  The fill is read with the tail we see, which
 * can only be older than the reader's, so the test is never late.  Below
 * the watermark nothing more is needed; above it, the full barrier pairs
 * with the one in ktrace_session_readable(): either the reader, about to
 * sleep, sees our data_head, or we see its cleared @wakeup_sent.
 */
static void ktrace_ring_maybe_wake(struct ktrace_ring *ring)
{
	u64 used = READ_ONCE(ring->page->data_head) -
		   READ_ONCE(ring->page->data_tail);

	if (used < ring->watermark)
		return;
	/* Pairs with smp_mb() in ktrace_session_readable(). */
	smp_mb();
	if (READ_ONCE(ring->wakeup_sent))
		return;
	WRITE_ONCE(ring->wakeup_sent, true);
	irq_work_queue(&ring->wakeup);
}

/*
 * Are the drops pending due in a LOSS record before this one?  A ring
 * that drops the newest reports them before the next record it keeps.  A
 * flight recorder that wraps evicts at nearly every write: it reports at
 * most once per eighth of the ring, so that LOSS records take a bounded
 * share of it and a dump still holds the latest.  The position is a hint
 * (a nested writer may race with it): at worst one LOSS record more.
 */
static bool ktrace_ring_loss_due(struct ktrace_ring *ring)
{
	return !ring->overwrite ||
	       local_read(&ring->head) - READ_ONCE(ring->loss_head) >=
	       ring->size / 8;
}

/*
 * Copy a record into the ring.  Records are whole 8-byte words at 8-byte
 * aligned places, and most are tens of bytes to a few hundred: a loop of
 * words copies those for less than memcpy() (see KTRACE_COPY_WORDS).
 * The barrier keeps the compiler from making the loop a memcpy() call
 * again.  Longer records carry user data in bulk and take memcpy().
 */

static __always_inline void ktrace_ring_copy(void *dst, const void *src,
					     u32 len)
{
	const u64 *s = src;
	u64 *d = dst;
	u32 i;

	if (unlikely(len > KTRACE_COPY_WORDS)) {
		memcpy(dst, src, len);
		return;
	}
	for (i = 0; i < len / 8; i++) {
		d[i] = s[i];
		barrier();
	}
}

/* Fill in, at @p, the LOSS record of @n drops, stamped @ts. */
static void ktrace_ring_put_loss(struct ktrace_ring *ring, void *p, u64 ts,
				 unsigned long n, u64 first, u64 last)
{
	struct ktrace_rec_loss *loss = p;

	memset(loss, 0, sizeof(*loss));
	loss->hdr.size = sizeof(*loss);
	loss->hdr.type = KTRACE_REC_LOSS;
	loss->hdr.ts = ts;
	loss->hdr.cpu = ring->cpu;
	loss->lost = n;
	loss->first_ts = first;
	loss->last_ts = last;
	local_add(n, &ring->lost_reported);
	WRITE_ONCE(ring->loss_head, local_read(&ring->head));
}

/*
 * Write one record of @len bytes (a multiple of 8, its header filled in)
 * stamped @ts, preceded by a LOSS record when drops are pending.  On the
 * ring's CPU with preemption disabled; any context.
 */
void ktrace_ring_write(struct ktrace_ring *ring, const void *rec, u32 len,
		       u64 ts)
{
	unsigned long pending = 0;
	u64 first = 0, last = 0;
	char *p;

	local_inc(&ring->nest);
	barrier();
	/* Claim the count: a nested writer now sees none. */
	if (local_read(&ring->lost) && ktrace_ring_loss_due(ring))
		pending = ktrace_ring_claim_drops(ring, ts, &first, &last);
	p = ktrace_ring_reserve(ring, pending ?
				len + sizeof(struct ktrace_rec_loss) : len);
	if (!p) {
		if (pending)
			ktrace_ring_count_drops(ring, pending, first, last);
		local_inc(&ring->lost_full);
		ktrace_ring_count_drops(ring, 1, ts, ts);
		ktrace_session_lost_proc(ring->session, ring->cpu,
					 ((const struct ktrace_rec_hdr *)rec)->tgid);
		ktrace_ring_commit(ring);
		return;
	}
	if (pending) {
		ktrace_ring_put_loss(ring, p, ts, pending, first, last);
		p += sizeof(struct ktrace_rec_loss);
	}
	ktrace_ring_copy(p, rec, len);
	local_inc(&ring->written);
	ktrace_ring_commit(ring);
	ktrace_ring_maybe_wake(ring);
}

/*
 * The drops still pending when the session is disabled, in a LOSS record
 * of their own, stamped with the last of them: the loss then shows where
 * it happened even when no record came after it on this CPU (the traced
 * program ended while its ring dropped, with the reader stopped).  Only
 * once no writer can reach the ring, after the probes' grace period; from
 * any CPU.  Without room for it (the reader has not drained the ring)
 * the drops stay pending.  A flight recorder keeps them pending: making
 * room would evict another record, and count it.
 */
void ktrace_ring_flush_drops(struct ktrace_ring *ring, u64 now)
{
	unsigned long n;
	u64 first, last;
	void *p;

	if (ring->overwrite || !local_read(&ring->lost))
		return;
	local_inc(&ring->nest);
	barrier();
	n = ktrace_ring_claim_drops(ring, now, &first, &last);
	p = ktrace_ring_reserve(ring, sizeof(struct ktrace_rec_loss));
	if (p)
		ktrace_ring_put_loss(ring, p, last, n, first, last);
	else if (n)
		ktrace_ring_count_drops(ring, n, first, last);
	ktrace_ring_commit(ring);
}

/* Count a record of @tgid dropped before it reached the ring. */
void ktrace_ring_drop(struct ktrace_ring *ring, u64 ts, bool nested,
		      pid_t tgid)
{
	local_inc(nested ? &ring->lost_nest : &ring->lost_full);
	ktrace_ring_count_drops(ring, 1, ts, ts);
	ktrace_session_lost_proc(ring->session, ring->cpu, tgid);
}

/*
 * Reader: the oldest record, skipping a PAD record.  Returns NULL when
 * the ring is empty and ERR_PTR(-EIO) when it holds something that is not
 * a record; *len and *ts are read once, here.
 *
 * A writer pads only from within the data area to its end, and puts the
 * record that did not fit at its start: one PAD at most comes before a
 * record.  Anything else is a program's writing on its mapped control
 * page and data, which could otherwise keep this loop, which copies
 * nothing and has no bound of its own, going for as long as it likes.
 */
void *ktrace_ring_peek(struct ktrace_ring *ring, u32 *len, u64 *ts)
{
	struct ktrace_rec_hdr *h;
	bool padded = false;
	u64 head, tail, off;
	u32 size;

	for (;;) {
		/*
		 * Pairs with smp_store_release(&data_head) in
		 * ktrace_ring_commit(): the record bytes below head are
		 * visible once head is.
		 */
		head = smp_load_acquire(&ring->page->data_head);
		tail = READ_ONCE(ring->page->data_tail);
		if (head == tail)
			return NULL;
		if (!ktrace_ring_tail_ok(ring, head, tail))
			return ERR_PTR(-EIO);
		off = tail & (ring->size - 1);
		h = ring->data + off;
		size = READ_ONCE(h->size);
		if (size < 8 || (size & 7) || size > head - tail ||
		    size > ring->size - off)
			return ERR_PTR(-EIO);
		if (READ_ONCE(h->type) != KTRACE_REC_PAD)
			break;
		if (padded || !off || size != ring->size - off)
			return ERR_PTR(-EIO);
		padded = true;
		ktrace_ring_consume(ring, size);
	}
	if (size < sizeof(*h) || size > KTRACE_REC_LONG_MAX_SIZE)
		return ERR_PTR(-EIO);
	*len = size;
	*ts = READ_ONCE(h->ts);
	return h;
}

/* Reader: hand @len bytes back to the writer. */
void ktrace_ring_consume(struct ktrace_ring *ring, u32 len)
{
	u64 tail = READ_ONCE(ring->page->data_tail);

	/*
	 * Pairs with smp_load_acquire(&data_tail) in ktrace_ring_reserve():
	 * our reads of the record are done before the writer may reuse it.
	 */
	smp_store_release(&ring->page->data_tail, tail + len);
}

/*
 * Reader of a flight recorder ring: copy the oldest record into @dst
 * (KTRACE_REC_LONG_MAX_SIZE bytes) and take it, unless the writer took it
 * first.  Returns the record's length, 0 when the ring is empty,
 * -EAGAIN when the writer overwrote what we copied (try again), or -EIO
 * when the control page holds what no ring does.
 */
long ktrace_ring_take_old(struct ktrace_ring *ring, void *dst, u64 *ts)
{
	const struct ktrace_rec_hdr *h;
	u64 head, tail, off;
	u32 size;

	/* Pairs with smp_store_release(&data_head) in ktrace_ring_commit(). */
	head = smp_load_acquire(&ring->page->data_head);
	/*
	 * Pairs with try_cmpxchg64(&data_tail) in ktrace_ring_overwrite():
	 * the victims below this tail are the writer's, not ours to copy.
	 */
	tail = smp_load_acquire(&ring->page->data_tail);
	if (head == tail)
		return 0;
	if (!ktrace_ring_tail_ok(ring, head, tail))
		return -EIO;
	off = tail & (ring->size - 1);
	h = ring->data + off;
	size = READ_ONCE(h->size);
	if (size < 8 || (size & 7) || size > head - tail ||
	    size > ring->size - off || size > KTRACE_REC_LONG_MAX_SIZE)
		return -EAGAIN;
	memcpy(dst, h, size);
	/*
	 * Pairs with try_cmpxchg64() in ktrace_ring_overwrite(): the writer
	 * moves the tail before it overwrites, so if the tail is still ours
	 * after the copy, the copy is whole.  Both cmpxchgs are fully
	 * ordered: ours comes after every load of the copy.
	 */
	if (!try_cmpxchg64(&ring->page->data_tail, &tail, tail + size))
		return -EAGAIN;
	if (((struct ktrace_rec_hdr *)dst)->type == KTRACE_REC_PAD ||
	    size < sizeof(*h))
		return -EAGAIN;		/* a filler: look again */
	*ts = ((struct ktrace_rec_hdr *)dst)->ts;
	return size;
}

/*
 * Reader of a flight recorder ring, to choose which ring to take from:
 * the timestamp of the oldest record, or 0 for a PAD (take it first).  A
 * racy look, the take checks; it never reads past the data area.
 */
bool ktrace_ring_oldest_ts(struct ktrace_ring *ring, u64 *ts)
{
	const struct ktrace_rec_hdr *h;
	u64 head, tail, off;

	/* Pairs with smp_store_release(&data_head) in ktrace_ring_commit(). */
	head = smp_load_acquire(&ring->page->data_head);
	tail = READ_ONCE(ring->page->data_tail);
	if (head == tail)
		return false;
	off = tail & (ring->size - 1);
	h = ring->data + off;
	*ts = 0;
	if (off + sizeof(*h) <= ring->size &&
	    READ_ONCE(h->type) != KTRACE_REC_PAD)
		*ts = READ_ONCE(h->ts);
	return true;
}

bool ktrace_ring_empty(struct ktrace_ring *ring)
{
	/* Pairs with smp_store_release(&data_head) in ktrace_ring_commit(). */
	return smp_load_acquire(&ring->page->data_head) ==
	       READ_ONCE(ring->page->data_tail);
}
