// SPDX-License-Identifier: GPL-2.0
/*
 * A route netlink socket asked for the addresses of every interface, as
 * glibc's getaddrinfo() asks with AI_ADDRCONFIG (sendto, then recvmsg
 * until the dump's end), then for the links, read with recvfrom; and a
 * request the kernel refuses, whose error comes back as a message.
 */
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void dump(int fd, int type, unsigned int seq, int flags, bool from)
{
	struct {
		struct nlmsghdr nh;
		struct ifaddrmsg ifa;
	} req;
	struct sockaddr_nl nladdr = { .nl_family = AF_NETLINK };
	char buf[8192];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr msg = {
		.msg_name = &nladdr, .msg_namelen = sizeof(nladdr),
		.msg_iov = &iov, .msg_iovlen = 1,
	};
	struct nlmsghdr *nh;
	ssize_t n;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = sizeof(req);
	req.nh.nlmsg_type = type;
	req.nh.nlmsg_flags = flags;
	req.nh.nlmsg_seq = seq;
	req.ifa.ifa_family = AF_UNSPEC;
	if (sendto(fd, &req, sizeof(req), 0, (struct sockaddr *)&nladdr,
		   sizeof(nladdr)) < 0)
		perror("sendto");
	for (;;) {
		if (from) {
			socklen_t len = sizeof(nladdr);

			n = recvfrom(fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&nladdr, &len);
		} else {
			n = recvmsg(fd, &msg, 0);
		}
		if (n <= 0)
			return;
		for (nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (size_t)n);
		     nh = NLMSG_NEXT(nh, n))
			if (nh->nlmsg_type == NLMSG_DONE ||
			    nh->nlmsg_type == NLMSG_ERROR)
				return;
	}
}

int main(void)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(sa);
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);

	if (fd < 0) {
		perror("socket");
		return 1;
	}
	bind(fd, (struct sockaddr *)&sa, sizeof(sa));
	getsockname(fd, (struct sockaddr *)&sa, &len);
	dump(fd, RTM_GETADDR, 1, NLM_F_REQUEST | NLM_F_DUMP, false);
	dump(fd, RTM_GETLINK, 2, NLM_F_REQUEST | NLM_F_DUMP, true);
	/* A new address without attributes: refused, acknowledged. */
	dump(fd, RTM_NEWADDR, 3, NLM_F_REQUEST | NLM_F_ACK, false);
	close(fd);
	return 0;
}
