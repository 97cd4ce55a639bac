// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptors for -y and -P, compared with strace: a child that opens a
 * file, reads it and exits at once (a tracer that asked /proc when it
 * prints would find it gone); dup2() onto a descriptor in use (its old
 * path must not show after); an O_CLOEXEC descriptor that exec closes,
 * its number then reused by the new program; a pipe.  Each step waits
 * for the one before, so that the order of the calls does not depend on
 * the scheduler.  "fds sockets": a loopback TCP connection and an AF_UNIX
 * socketpair, held two seconds before they are used and closed, so that
 * ktrace reads their calls while /proc still has them (-yy).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int sockets(void)
{
	struct sockaddr_in in = {
		.sin_family = AF_INET, .sin_port = htons(5556),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct timespec hold = { 2, 0 };
	int l, c, a, sv[2], one = 1;
	char b[8];

	l = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&in, sizeof(in)) || listen(l, 1))
		return 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&in, sizeof(in)))
		return 1;
	a = accept(l, NULL, NULL);
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	nanosleep(&hold, NULL);
	send(c, "hi", 2, 0);
	recv(a, b, sizeof(b), 0);
	write(sv[0], "x", 1);
	read(sv[1], b, 1);
	close(a);
	close(c);
	close(l);
	close(sv[0]);
	close(sv[1]);
	return 0;
}

int main(int argc, char **argv)
{
	char b[8];
	int a, c, fd, p[2];
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "sockets"))
		return sockets();

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
