// SPDX-License-Identifier: GPL-2.0
/*
 * loop N [STATUS [thread]]: N getppid() calls at full speed, then exit
 * with STATUS (default 0): the load of the reader tests and measurements.
 * With "thread", a second thread makes the calls, after printing its
 * thread id, while the first calls getpid() every 10 ms until it is done:
 * for -p TID.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long n;
static volatile int done;

static void *calls(void *arg)
{
	long i;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	done = 1;
	return arg;
}

static void *thread_calls(void *arg)
{
	printf("%ld\n", (long)syscall(SYS_gettid));
	fflush(stdout);
	return calls(arg);
}

int main(int argc, char **argv)
{
	const struct timespec nap = { .tv_nsec = 10 * 1000 * 1000 };
	pthread_t t;

	n = argc > 1 ? atol(argv[1]) : 100000;
	if (argc > 3 && !strcmp(argv[3], "thread")) {
		if (pthread_create(&t, NULL, thread_calls, NULL))
			return 125;
		while (!done) {
			syscall(SYS_getpid);
			nanosleep(&nap, NULL);
		}
		pthread_join(t, NULL);
	} else {
		calls(NULL);
	}
	return argc > 2 ? atoi(argv[2]) : 0;
}
