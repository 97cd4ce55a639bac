// SPDX-License-Identifier: GPL-2.0
/*
 * Socket options and addresses for comparing ktrace with strace: the
 * options of SOL_NETLINK, SOL_IP and SOL_IPV6 by name; SO_LINGER's and
 * SO_PEERCRED's structures, SO_RCVTIMEO_OLD's timeval as bytes, a length
 * the kernel shortens and one refused; two netlink sockets bound at
 * negative port ids, a message from one to the other (its nl_pid
 * signed); and AF_PACKET sockets and their struct sockaddr_ll (root).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

static void netlink(void)
{
	struct sockaddr_nl a = { .nl_family = AF_NETLINK, .nl_pid = -217918663 };
	struct sockaddr_nl b = { .nl_family = AF_NETLINK, .nl_pid = -217918664 };
	struct sockaddr_nl from;
	struct nlmsghdr nh = { .nlmsg_len = sizeof(nh), .nlmsg_type = 1 };
	socklen_t len = sizeof(from);
	int fa, fb, one = 1, v;
	char buf[64];

	fa = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	fb = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	setsockopt(fa, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	setsockopt(fa, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof(one));
	len = sizeof(v);
	getsockopt(fa, SOL_NETLINK, NETLINK_EXT_ACK, &v, &len);
	len = sizeof(v);
	getsockopt(fa, SOL_IP, IP_TTL, &v, &len);	/* refused */
	bind(fa, (struct sockaddr *)&a, sizeof(a));
	bind(fb, (struct sockaddr *)&b, sizeof(b));
	len = sizeof(from);
	getsockname(fa, (struct sockaddr *)&from, &len);
	sendto(fb, &nh, sizeof(nh), 0, (struct sockaddr *)&a, sizeof(a));
	len = sizeof(from);
	recvfrom(fa, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *)&from,
		 &len);
	close(fb);
	close(fa);
}

static void inet(void)
{
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	struct timeval tv = { .tv_sec = 1 };
	int fd, one = 1, ttl = 64, v;
	socklen_t len;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	setsockopt(fd, SOL_IP, IP_TTL, &ttl, sizeof(ttl));
	setsockopt(fd, SOL_IP, IP_RECVERR, &one, sizeof(one));
	len = sizeof(v);
	getsockopt(fd, SOL_IP, IP_RECVERR, &v, &len);
	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	len = sizeof(lg);
	getsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, &len);
	setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	len = sizeof(tv);
	getsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, &len);
	len = sizeof(v);
	getsockopt(fd, SOL_SOCKET, SO_ERROR, &v, &len);
	len = sizeof(tv);	/* the kernel writes an int's 4 bytes */
	getsockopt(fd, SOL_SOCKET, SO_TYPE, &tv, &len);
	setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, "lo", 3);
	close(fd);

	fd = socket(AF_INET6, SOCK_DGRAM, 0);
	setsockopt(fd, SOL_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	len = sizeof(v);
	getsockopt(fd, SOL_IPV6, IPV6_V6ONLY, &v, &len);
	close(fd);
}

static void peercred(void)
{
	struct ucred uc;
	socklen_t len = sizeof(uc);
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return;
	getsockopt(sv[0], SOL_SOCKET, SO_PEERCRED, &uc, &len);
	close(sv[1]);
	close(sv[0]);
}

static void packet(void)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET, .sll_protocol = htons(ETH_P_ALL),
		.sll_ifindex = (int)if_nametoindex("lo"),
	};
	socklen_t len = sizeof(sll);
	int fd;

	fd = socket(AF_PACKET, SOCK_DGRAM, 0);
	close(fd);
	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	bind(fd, (struct sockaddr *)&sll, sizeof(sll));
	getsockname(fd, (struct sockaddr *)&sll, &len);
	close(fd);
}

int main(void)
{
	netlink();
	inet();
	peercred();
	packet();
	return 0;
}
