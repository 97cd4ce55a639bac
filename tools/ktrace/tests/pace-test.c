// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the reader's pace (pace.c), in TAP: a trickle naps the
 * whole nap, records that came in fast enough to fill a small ring during
 * it do not, nor do 16 KiB of them, no nap lasts longer than an eighth
 * of the smallest ring takes to fill at the rate seen, and the rate is
 * that of every batch since the last nap.
 */
#include <stdio.h>

#include "../ktrace.h"

const char *ktrace_prog = "pace-test";

void ktrace_err(const char *fmt, ...)
{
}

static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed |= !cond;
}

#define US	1000LL
#define KIB	1024

int main(void)
{
	static const size_t rings[] = { 16 * KIB, 64 * KIB, 1 << 20, 64 << 20 };
	int64_t nap, worst = 0, el;
	struct kt_pace p;
	size_t bytes, i;

	/* One record of 100 bytes a millisecond, default rings: the nap. */
	ok(kt_pace_nap(100, 1000 * US, 1 << 20) == 2000 * US,
	   "a trickle into 1 MiB rings naps 2 ms");
	ok(kt_pace_nap(0, 1000 * US, 1 << 20) == 0, "no records, no nap");
	ok(kt_pace_nap(16 * KIB, 100000 * US, 1 << 20) == 0,
	   "16 KiB is no trickle, however slowly it came");
	/*
	 * Saturation with 16 KiB rings: a batch takes a quarter of each of
	 * two rings, 8 KiB, that came in while the last one was formatted.
	 */
	ok(kt_pace_nap(8 * KIB, 200 * US, 16 * KIB) == 0,
	   "8 KiB in 200 us into 16 KiB rings: no nap");
	ok(kt_pace_nap(1 * KIB, 200 * US, 16 * KIB) == 400 * US,
	   "1 KiB in 200 us into 16 KiB rings: 400 us, an eighth of a ring");
	ok(kt_pace_nap(1 * KIB, 200 * US, 0) == 400 * US,
	   "rings of unknown size count as the smallest");
	ok(kt_pace_nap(100, 0, 1 << 20) == 0, "no time elapsed, no nap");
	ok(kt_pace_nap(100, 3600000000000LL, 64 << 20) == 2000 * US,
	   "an hour's quiet into 64 MiB rings: 2 ms, no overflow");

	/* Never longer than an eighth of the smallest ring takes to fill. */
	for (i = 0; i < ARRAY_SIZE(rings); i++)
		for (bytes = 8; bytes < 4 * rings[i]; bytes = bytes * 3 + 8)
			for (el = 1000; el < 4000000000LL; el *= 7) {
				nap = kt_pace_nap(bytes, el, rings[i]);
				if (nap < 0 || nap > 2000 * US ||
				    (nap && (double)bytes * nap / el >
					    rings[i] / 8.0 + 1))
					worst = nap ? nap : -1;
			}
	ok(!worst, "no nap outlasts an eighth of the smallest ring");

	/*
	 * A throttle cycle with 16 KiB rings: after a nap, a full batch of
	 * a quarter ring, then the rest.  The rate is over both.
	 */
	kt_pace_start(&p, 0);
	ok(kt_pace_batch(&p, 4 * KIB, true, 1200 * US, 16 * KIB) == 0,
	   "a batch that stopped at its limit: no nap");
	ok(kt_pace_batch(&p, 4 * KIB, false, 1320 * US, 16 * KIB) == 330 * US,
	   "the rate is that of every batch since the last nap");
	/* The next batch begins after that nap, and counts from its own. */
	ok(p.bytes == 0 && p.since == 1320 * US,
	   "a nap starts a new count where its batch began");
	ok(kt_pace_batch(&p, 200, false, 1700 * US, 16 * KIB) == 2000 * US,
	   "200 bytes in the 380 us since: a trickle, 2 ms");
	ok(kt_pace_batch(&p, 0, false, 2000 * US, 16 * KIB) == 0 &&
	   p.bytes == 0 && p.since == 2000 * US,
	   "an empty batch starts a new count");
	ok(kt_pace_batch(&p, 100, false, 3000 * US, 1 << 20) == 2000 * US,
	   "a trickle after it naps 2 ms");
	kt_pace_start(&p, 0);
	ok(kt_pace_batch(&p, 8 * KIB, false, 100000 * US, 1 << 20) ==
	   2000 * US && kt_pace_batch(&p, 8 * KIB, false, 200000 * US,
				      1 << 20) == 2000 * US,
	   "8 KiB batches 100 ms apart nap");
	ok(kt_pace_batch(&p, 8 * KIB, true, 300000 * US, 1 << 20) == 0 &&
	   kt_pace_batch(&p, 8 * KIB, false, 400000 * US, 1 << 20) == 0,
	   "16 KiB since the last nap, however slowly: no nap");
	/* A steady stream: 16 KiB in 10 ms, then 500 bytes in 10 us. */
	ok(kt_pace_batch(&p, 500, false, 400010 * US, 1 << 20) == 2000 * US,
	   "after 16 KiB, the batches that follow are judged anew");

	printf("1..%d\n", n);
	return failed;
}
