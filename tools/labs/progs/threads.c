// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 11: a process with threads.  Starts N threads (default 3) that
 * sleep, prints its pid, and sleeps too until killed.  ps shows one
 * process, /proc/PID/task one directory per thread.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *sleeper(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	int i, n = argc > 1 ? atoi(argv[1]) : 3;
	pthread_t t;

	for (i = 0; i < n; i++)
		if (pthread_create(&t, NULL, sleeper, NULL)) {
			fprintf(stderr, "threads: pthread_create failed\n");
			return 1;
		}
	printf("threads %d: %d threads besides the first\n", (int)getpid(), n);
	fflush(stdout);
	for (;;)
		pause();
}
