// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 06: a service that starts slowly.  The master forks three
 * workers.  Each worker loads the configuration file (/etc/passwd
 * stands in for it) once per "plugin", 10 times, without caching it.
 * Worker 2 then waits for a backend that never answers: a poll() on a
 * pipe with a 500 ms timeout.  The master waits for the workers and
 * says it is ready.  The lab finds the repeated opens and the slow call.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#define WORKERS 3
#define PLUGINS 10

static void load_config(void)
{
	char buf[512];
	int fd;

	fd = open("/etc/passwd", O_RDONLY);
	if (fd < 0)
		return;
	while (read(fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
}

static void worker(int id)
{
	struct pollfd pfd;
	int p[2], i;

	for (i = 0; i < PLUGINS; i++)
		load_config();
	if (id == 2 && pipe(p) == 0) {
		pfd.fd = p[0];
		pfd.events = POLLIN;
		poll(&pfd, 1, 500);
	}
	_exit(0);
}

int main(void)
{
	int i, status;

	for (i = 0; i < WORKERS; i++) {
		pid_t pid = fork();

		if (pid < 0) {
			perror("slowsvc: fork");
			return 1;
		}
		if (pid == 0)
			worker(i);
	}
	for (i = 0; i < WORKERS; i++)
		wait(&status);
	printf("slowsvc: ready\n");
	return 0;
}
