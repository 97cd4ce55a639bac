// SPDX-License-Identifier: GPL-2.0
/*
 * Route netlink's address and route messages, for the decoding that
 * strace does when netlink_diag tells it the socket's protocol: a route
 * socket bound and named; the addresses of every
 * interface asked as glibc's getaddrinfo() asks with AI_ADDRCONFIG
 * (sendto, then recvmsg until the dump's end), once with a struct
 * ifaddrmsg and once with the 1-byte struct rtgenmsg glibc sends, padded
 * to 4 bytes (20 in all); the IPv4 addresses alone, read with recvfrom;
 * requests the kernel refuses, whose errors come back as messages with
 * the request they answer: a new address without attributes (EINVAL,
 * without a reason on 6.1), then with NETLINK_EXT_ACK the same and an
 * IPv6 address asked with a header too short for a struct ifaddrmsg
 * (EINVAL, the reason in NLMSGERR_ATTR_MSG), then with NETLINK_CAP_ACK
 * the two again (the request's header alone); and the IPv6 addresses
 * asked without an address (send, recv); the IPv4 routes of every table
 * (RTM_GETROUTE with a struct rtmsg: lo's local and broadcast routes).
 * The guest has only lo (127.0.0.1/8 and ::1), so the answers keep their
 * sizes from one run to the next; no link messages (RTM_GETLINK), whose
 * attributes vary, nor IPv6 routes, whose cache information does.
 */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "nlask.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

int main(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct ifaddrmsg any = { .ifa_family = AF_UNSPEC };
	struct ifaddrmsg inet = { .ifa_family = AF_INET };
	struct ifaddrmsg inet6 = { .ifa_family = AF_INET6 };
	struct rtmsg rt4 = { .rtm_family = AF_INET };
	/* glibc's struct rtgenmsg and the 3 bytes that pad it. */
	unsigned char gen[4] = { AF_UNSPEC };
	unsigned char gen6[4] = { AF_INET6 };
	socklen_t len = sizeof(sa);
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	struct timespec hold = { 2, 0 };
	int one = 1;

	if (fd < 0) {
		perror("socket");
		return 1;
	}
	bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	getsockname(fd, (struct sockaddr *)&sa, &len);
	ask(fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 1, &any, sizeof(any),
	    RECVMSG);
	ask(fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 2, gen, sizeof(gen),
	    RECVMSG);
	ask(fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 3, &inet,
	    sizeof(inet), RECVFROM);
	/* A new address without attributes: refused, acknowledged. */
	ask(fd, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK, 4, &inet, sizeof(inet),
	    RECVMSG);
	setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	ask(fd, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK, 5, &inet, sizeof(inet),
	    RECVMSG);
	/* "Invalid header for get address request" */
	ask(fd, RTM_GETADDR, NLM_F_REQUEST, 6, gen6, sizeof(gen6), RECVMSG);
	setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	ask(fd, RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK, 7, &inet, sizeof(inet),
	    RECVMSG);
	ask(fd, RTM_GETADDR, NLM_F_REQUEST, 8, gen6, sizeof(gen6), RECVMSG);
	ask(fd, RTM_GETADDR, NLM_F_REQUEST | NLM_F_DUMP, 9, &inet6,
	    sizeof(inet6), UNNAMED);
	ask(fd, RTM_GETROUTE, NLM_F_REQUEST | NLM_F_DUMP, 10, &rt4, sizeof(rt4),
	    RECVMSG);
	/*
	 * -yy describes the socket from netlink_diag when it prints a line:
	 * ktrace reads behind, and the socket must still be there then.
	 */
	nanosleep(&hold, NULL);
	close(fd);
	return 0;
}
