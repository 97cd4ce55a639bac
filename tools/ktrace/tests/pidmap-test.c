// SPDX-License-Identifier: GPL-2.0
/*
 * Unit test of the tracer's task table (pidmap.c), in TAP: 100,000 tasks
 * alive at once, and 1,000,000 short-lived ones with their ids reused,
 * checked against a plain array after every operation's effects.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "../ktrace.h"

#define PID_SPACE	(1 << 22)

const char *ktrace_prog = "pidmap-test";

void ktrace_err(const char *fmt, ...)
{
}

static unsigned char present[PID_SPACE];
static int n, failed;

static void ok(int cond, const char *what)
{
	printf("%sok %d - %s\n", cond ? "" : "not ", ++n, what);
	failed |= !cond;
}

static int all_found(const struct kt_pidmap *m)
{
	unsigned int count = 0;
	int pid;

	for (pid = 1; pid < PID_SPACE; pid++) {
		if (present[pid] && kt_pidmap_get(m, pid) !=
		    (void *)(long)pid)
			return 0;
		if (!present[pid] && kt_pidmap_get(m, pid))
			return 0;
		count += present[pid];
	}
	return count == m->n;
}

int main(void)
{
	struct kt_pidmap m = { 0 };
	unsigned int cap;
	clock_t start;
	long i;
	int pid, next = 300;

	/* 100,000 threads alive at once, in a block of ids. */
	for (pid = 1000; pid < 101000; pid++) {
		kt_pidmap_put(&m, pid, (void *)(long)pid);
		present[pid] = 1;
	}
	ok(m.n == 100000 && all_found(&m), "100,000 tasks alive at once");
	for (pid = 1000; pid < 101000; pid += 2) {
		kt_pidmap_del(&m, pid);
		present[pid] = 0;
	}
	ok(m.n == 50000 && all_found(&m), "half of them deleted, the rest found");
	for (pid = 1001; pid < 101000; pid += 2) {
		kt_pidmap_del(&m, pid);
		present[pid] = 0;
	}
	ok(m.n == 0 && all_found(&m), "all deleted");

	/*
	 * 1,000,000 short-lived processes: ids handed out in order and
	 * wrapping as the kernel's do, 1,000 alive at a time.
	 */
	cap = m.cap;
	start = clock();
	for (i = 0; i < 1000000; i++) {
		if (++next >= PID_SPACE)
			next = 300;
		kt_pidmap_put(&m, next, (void *)(long)next);
		present[next] = 1;
		pid = next - 1000 < 300 ? next - 1000 + PID_SPACE - 300 : next - 1000;
		if (present[pid]) {
			kt_pidmap_del(&m, pid);
			present[pid] = 0;
		}
	}
	ok(m.n == 1000 && all_found(&m), "1,000,000 short-lived tasks: the live ones found");
	ok(m.cap == cap, "and the table did not grow for them");
	ok((double)(clock() - start) / CLOCKS_PER_SEC < 2.0,
	   "in under 2 s of CPU");

	/* Random churn, checked against the array. */
	srand(1);
	for (i = 0; i < 2000000; i++) {
		pid = rand() % (PID_SPACE - 1) + 1;
		if (present[pid]) {
			kt_pidmap_del(&m, pid);
			present[pid] = 0;
		} else {
			kt_pidmap_put(&m, pid, (void *)(long)pid);
			present[pid] = 1;
		}
	}
	ok(all_found(&m), "2,000,000 random inserts and deletes");
	kt_pidmap_free(&m);
	printf("1..%d\n", n);
	return failed;
}
