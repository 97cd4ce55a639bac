// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 16: a high fork rate.  Forks N short-lived children one after the
 * other (each exits at once and is reaped), then says how many and how
 * fast.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct timespec t0, t1;
	int i, n, status;
	double secs;

	n = argc > 1 ? atoi(argv[1]) : 100;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("forker: fork");
			return 1;
		}
		if (pid == 0)
			_exit(0);
		waitpid(pid, &status, 0);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("forker: %d children in %.3f s\n", n, secs);
	return 0;
}
