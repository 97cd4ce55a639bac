// SPDX-License-Identifier: GPL-2.0
/*
 * spawn threads N: N threads alive at once, each waiting for the last to
 * start, then all exit.  spawn procs N: N short-lived child processes, one
 * after the other.  For the tracer's task table.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pthread_barrier_t all_started;

static void *thread(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&all_started);
	return NULL;
}

int main(int argc, char **argv)
{
	long i, n = argc > 2 ? atol(argv[2]) : 0;
	pthread_attr_t attr;
	pthread_t *t;
	pid_t pid;

	if (argc > 2 && !strcmp(argv[1], "threads")) {
		t = calloc(n, sizeof(*t));
		if (!t || pthread_barrier_init(&all_started, NULL, n + 1))
			return 1;
		pthread_attr_init(&attr);
		pthread_attr_setstacksize(&attr, 64 << 10);
		for (i = 0; i < n; i++)
			if (pthread_create(&t[i], &attr, thread, NULL))
				return 1;
		pthread_barrier_wait(&all_started);
		for (i = 0; i < n; i++)
			pthread_join(t[i], NULL);
		return 0;
	}
	if (argc > 2 && !strcmp(argv[1], "procs")) {
		for (i = 0; i < n; i++) {
			pid = fork();
			if (pid < 0)
				return 1;
			if (!pid)
				_exit(0);
			waitpid(pid, NULL, 0);
		}
		return 0;
	}
	fprintf(stderr, "usage: spawn threads|procs N\n");
	return 2;
}
