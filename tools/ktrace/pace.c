// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the reader's pace.  After a batch that took every record
 * there was, the run loop naps before it looks again, so that a trickle
 * of records is taken in batches rather than one by one.  A nap must not
 * outlast the rings: it ends before an eighth of the smallest ring could
 * fill (all of a batch may come from one CPU) at the rate the records
 * came in, and a nap shorter than PACE_MIN_NS is not worth a sleep.
 * Records of PACE_SMALL bytes or more since the last nap are no trickle,
 * however slowly they came: the loop takes the next batch at once, as
 * measured under "text" to be the faster with rings of 1 MiB, and counts
 * anew from there, so that a steady stream still naps between batches.
 *
 * The rate is taken over the records of every batch since the last nap
 * began, not over the last batch alone: a batch taken just after the
 * reader woke a throttled task holds the few records the task wrote
 * since, and alone it would say that the task is slow.
 */
#include "ktrace.h"

/* Records of this many bytes since the last nap are no trickle. */
#define PACE_SMALL	(16 << 10)
#define PACE_NAP_NS	2000000LL
#define PACE_MIN_NS	100000LL
/* The smallest ring a session has (KTRACE_IOC_CONFIGURE's ring_size). */
#define PACE_RING_MIN	(16 << 10)

/*
 * The nap in ns after @bytes came in over @elapsed ns, with rings of at
 * least @ring_size bytes (0: not known); 0 for none.
 */
int64_t kt_pace_nap(size_t bytes, int64_t elapsed, size_t ring_size)
{
	int64_t fill;

	if (!bytes || bytes >= PACE_SMALL || elapsed <= 0)
		return 0;
	if (ring_size < PACE_RING_MIN)
		ring_size = PACE_RING_MIN;
	/* Longer ago than a second: as slow as a trickle gets. */
	if (elapsed > 1000000000LL)
		elapsed = 1000000000LL;
	fill = elapsed * (int64_t)(ring_size / 8) / (int64_t)bytes;
	if (fill < PACE_MIN_NS)
		return 0;
	return fill < PACE_NAP_NS ? fill : PACE_NAP_NS;
}

/* Start counting at @now, a CLOCK_MONOTONIC time. */
void kt_pace_start(struct kt_pace *p, int64_t now)
{
	p->since = now;
	p->bytes = 0;
}

/*
 * A batch of @bytes taken from rings of at least @ring_size bytes at
 * @now (when it began), @full when it stopped at its limit with records
 * left behind: the nap to take, in ns, or 0.
 */
int64_t kt_pace_batch(struct kt_pace *p, size_t bytes, bool full,
		      int64_t now, size_t ring_size)
{
	int64_t nap;

	if (!bytes) {
		/* Nothing came: what comes next counts from now. */
		kt_pace_start(p, now);
		return 0;
	}
	p->bytes += bytes;
	if (full)
		return 0;
	if (p->bytes >= PACE_SMALL) {
		/* No trickle: no nap, and the next batches are judged anew. */
		kt_pace_start(p, now);
		return 0;
	}
	nap = kt_pace_nap(p->bytes, now - p->since, ring_size);
	if (nap)
		kt_pace_start(p, now);
	return nap;
}
