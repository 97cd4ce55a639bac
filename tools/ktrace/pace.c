// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the reader's pace.  After a batch that took every record
 * there was, the run loop naps before it looks again, so that a trickle
 * of records is taken in batches rather than one by one.  A nap must not
 * outlast the rings: at the rate the last batch came in, it ends before
 * an eighth of the smallest ring could fill (all of a batch may come from
 * one CPU), and a nap shorter than PACE_MIN_NS is not worth a sleep.
 */
#include "ktrace.h"

/* A batch this large is no trickle. */
#define PACE_SMALL	(16 << 10)
#define PACE_NAP_NS	2000000LL
#define PACE_MIN_NS	100000LL
/* The smallest ring a session has (KTRACE_IOC_CONFIGURE's ring_size). */
#define PACE_RING_MIN	(16 << 10)

/*
 * The nap in ns after a batch of @bytes that came in over @elapsed ns
 * (since the batch before it began), with rings of at least @ring_size
 * bytes (0: not known); 0 for none.
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
