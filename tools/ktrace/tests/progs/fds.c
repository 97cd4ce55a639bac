// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptors for -y and -P, compared with strace: a child that opens a
 * file, reads it and exits at once (a tracer that asked /proc when it
 * prints would find it gone); dup2() onto a descriptor in use (its old
 * path must not show after); an O_CLOEXEC descriptor that exec closes,
 * its number then reused by the new program; a pipe.  Each step waits
 * for the one before, so that the order of the calls does not depend on
 * the scheduler.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char b[8];
	int a, c, fd, p[2];
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "after")) {
		/* After exec: 3 was O_CLOEXEC and is closed, 4 was kept. */
		read(3, b, 1);
		read(4, b, 1);
		fd = open("/etc/passwd", O_RDONLY);
		read(fd, b, 1);
		close(fd);
		return 0;
	}
	pid = fork();
	if (pid == 0) {
		fd = open("/etc/group", O_RDONLY);
		read(fd, b, 1);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	a = open("/etc/group", O_RDONLY);
	c = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
	/* dup2() onto an open descriptor: it closes it, keeps no CLOEXEC. */
	dup2(a, c);
	read(c, b, 1);
	close(a);
	fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
	read(fd, b, 1);
	if (pipe(p) == 0) {
		write(p[1], "x", 1);
		read(p[0], b, 1);
		close(p[0]);
		close(p[1]);
	}
	execl("/proc/self/exe", argv[0], "after", (char *)NULL);
	return 1;
}
