// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the reader's pace (pace.c), in TAP: a trickle naps the
 * whole nap, a batch that came in fast enough to fill a small ring during
 * it does not, and no nap lasts longer than an eighth of the smallest
 * ring takes to fill at the rate seen.
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

int main(void)
{
	static const size_t rings[] = { 16 << 10, 64 << 10, 1 << 20, 64 << 20 };
	int64_t nap, worst = 0;
	size_t bytes, i;
	int64_t el;

	/* One record of 100 bytes a millisecond, default rings: the nap. */
	ok(kt_pace_nap(100, 1000000, 1 << 20) == 2000000,
	   "a trickle into 1 MiB rings naps 2 ms");
	ok(kt_pace_nap(0, 1000000, 1 << 20) == 0, "no records, no nap");
	ok(kt_pace_nap(16 << 10, 100000000, 1 << 20) == 0,
	   "a batch of 16 KiB is no trickle");
	/*
	 * Saturation with 16 KiB rings: a batch takes a quarter of each of
	 * two rings, 8 KiB, that came in while the last one was formatted.
	 */
	ok(kt_pace_nap(8 << 10, 200000, 16 << 10) == 0,
	   "8 KiB in 200 us into 16 KiB rings: no nap");
	ok(kt_pace_nap(1 << 10, 200000, 16 << 10) == 400000,
	   "1 KiB in 200 us into 16 KiB rings: 400 us, an eighth of a ring");
	ok(kt_pace_nap(1 << 10, 200000, 0) == 400000,
	   "rings of unknown size count as the smallest");
	ok(kt_pace_nap(100, 0, 1 << 20) == 0, "no time elapsed, no nap");
	ok(kt_pace_nap(100, 3600000000000LL, 64 << 20) == 2000000,
	   "an hour's quiet into 64 MiB rings: 2 ms, no overflow");

	/* Never longer than an eighth of the smallest ring takes to fill. */
	for (i = 0; i < ARRAY_SIZE(rings); i++)
		for (bytes = 8; bytes < (32 << 10); bytes = bytes * 3 + 8)
			for (el = 1000; el < 4000000000LL; el *= 7) {
				nap = kt_pace_nap(bytes, el, rings[i]);
				if (nap < 0 || nap > 2000000 ||
				    (nap && (double)bytes * nap / el >
					    rings[i] / 8.0 + 1))
					worst = nap ? nap : -1;
			}
	ok(!worst, "no nap outlasts an eighth of the smallest ring");

	printf("1..%d\n", n);
	return failed;
}
