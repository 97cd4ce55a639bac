// SPDX-License-Identifier: GPL-2.0
/*
 * Sockets for comparing ktrace with strace: a TCP round trip over
 * loopback on a fixed port, then a datagram over an AF_UNIX socketpair
 * and a named AF_UNIX stream socket, all in one process so that the
 * order of the calls does not depend on the scheduler.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in in = {
		.sin_family = AF_INET, .sin_port = htons(5555),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	struct sockaddr_un un = { .sun_family = AF_UNIX };
	int l, c, a, sv[2], one = 1;
	char buf[64];

	l = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	setsockopt(l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(l, (struct sockaddr *)&in, sizeof(in)) || listen(l, 1))
		return 1;
	c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&in, sizeof(in)))
		return 1;
	a = accept4(l, NULL, NULL, SOCK_CLOEXEC);
	send(c, "hello", 5, 0);
	recv(a, buf, sizeof(buf), 0);
	shutdown(c, SHUT_WR);
	close(a);
	close(c);
	close(l);

	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	sendto(sv[0], "dgram", 5, 0, NULL, 0);
	recvfrom(sv[1], buf, sizeof(buf), 0, NULL, NULL);
	close(sv[0]);
	close(sv[1]);

	strcpy(un.sun_path, "ktrace-sock");
	unlink(un.sun_path);
	l = socket(AF_UNIX, SOCK_STREAM, 0);
	if (bind(l, (struct sockaddr *)&un, sizeof(un)) || listen(l, 1))
		return 1;
	c = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
	connect(c, (struct sockaddr *)&un, sizeof(un));
	a = accept(l, NULL, NULL);
	write(c, "unix", 4);
	read(a, buf, sizeof(buf));
	close(a);
	close(c);
	close(l);
	unlink(un.sun_path);
	return 0;
}
