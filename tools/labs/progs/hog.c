// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 14: a program that runs into its cgroup's limits.
 *
 *   hog mem MB    allocates MB megabytes one at a time with mmap() and
 *                 writes to every page, saying how far it got every 8 MB;
 *                 under a smaller memory.max the kernel's OOM killer
 *                 ends it with SIGKILL
 *   hog cpu MS    spins until it has used MS milliseconds of CPU, then
 *                 prints that CPU time and the wall-clock time it took;
 *                 under cpu.max the wall time grows while the CPU time
 *                 stays the same
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define MB (1024 * 1024)

static double now(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int touch(long mbs)
{
	long i;

	for (i = 1; i <= mbs; i++) {
		char *p = mmap(NULL, MB, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED) {
			perror("hog: mmap");
			return 1;
		}
		memset(p, 1, MB);
		if (i % 8 == 0) {
			printf("hog: %ld MB touched\n", i);
			fflush(stdout);
		}
	}
	printf("hog: all %ld MB touched\n", mbs);
	return 0;
}

static int burn(long ms)
{
	double cpu0 = now(CLOCK_PROCESS_CPUTIME_ID), wall0 = now(CLOCK_MONOTONIC);
	volatile unsigned long spin = 0;
	double used;

	do {
		for (int i = 0; i < 100000; i++)
			spin++;
		used = now(CLOCK_PROCESS_CPUTIME_ID) - cpu0;
	} while (used * 1000 < ms);
	printf("hog: cpu %.3f s, wall %.3f s\n", used,
	       now(CLOCK_MONOTONIC) - wall0);
	return 0;
}

int main(int argc, char **argv)
{
	long n = argc == 3 ? atol(argv[2]) : 0;

	if (n > 0 && !strcmp(argv[1], "mem"))
		return touch(n);
	if (n > 0 && !strcmp(argv[1], "cpu"))
		return burn(n);
	fprintf(stderr, "usage: hog mem MB | hog cpu MS\n");
	return 2;
}
