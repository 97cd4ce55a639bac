// SPDX-License-Identifier: GPL-2.0
/*
 * A route netlink socket asked for the addresses of every interface, as
 * glibc's getaddrinfo() asks with AI_ADDRCONFIG (sendto, then recvmsg
 * until the dump's end); for the loopback link alone, its answer read
 * with recvfrom (a dump of every link would hold as many messages as
 * the kernel has links, which varies); a request the kernel refuses,
 * whose error comes back as a message; and the loopback link asked again
 * without an address (send, recv: strace knows the socket is netlink's),
 * on a duplicate of the socket and in a child that inherits it.  With an
 * argument: the socket made, then, once a byte comes on stdin (a tracer
 * attached with -p, which did not see the socket made), the link asked
 * without an address.
 */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nlask.h"

int main(int argc, char **argv)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct ifaddrmsg ifa = { .ifa_family = AF_UNSPEC };
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 1 };
	socklen_t len = sizeof(sa);
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	int copy;
	pid_t pid;

	if (fd < 0) {
		perror("socket");
		return 1;
	}
	if (argc > 1) {
		char c;

		(void)argv;
		if (read(0, &c, 1) == 1)
			ask(fd, RTM_GETLINK, NLM_F_REQUEST, 7, &ifi,
			    sizeof(ifi), UNNAMED);
		return 0;
	}
	bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	getsockname(fd, (struct sockaddr *)&sa, &len);
	ask(fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, &ifa, sizeof(ifa),
	    RECVMSG);
	ask(fd, RTM_GETLINK, NLM_F_REQUEST, 2, &ifi, sizeof(ifi), RECVFROM);
	/* A new address without attributes: refused, acknowledged. */
	ask(fd, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK, 3, &ifa, sizeof(ifa),
	    RECVMSG);
	ask(fd, RTM_GETLINK, NLM_F_REQUEST, 4, &ifi, sizeof(ifi), UNNAMED);
	copy = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	ask(copy, RTM_GETLINK, NLM_F_REQUEST, 5, &ifi, sizeof(ifi), UNNAMED);
	close(copy);
	pid = fork();
	if (pid == 0) {
		ask(fd, RTM_GETLINK, NLM_F_REQUEST, 6, &ifi, sizeof(ifi),
		    UNNAMED);
		_exit(0);
	}
	if (pid > 0)
		waitpid(pid, NULL, 0);
	close(fd);
	/* The descriptor reused by a socket of another family: bytes. */
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	send(fd, "\x14\0\0\0", 4, MSG_DONTWAIT);
	close(fd);
	return 0;
}
