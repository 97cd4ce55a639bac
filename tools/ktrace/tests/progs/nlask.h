/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ask(): one route netlink request and its answer, for progs/netlink and
 * progs/nlroute: sent with sendto (to the kernel's address) or send (none),
 * read with recvmsg, recvfrom or recv until the end of a dump, an error or
 * a single answer.
 */
#ifndef KTRACE_PROGS_NLASK_H
#define KTRACE_PROGS_NLASK_H

#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

enum how { RECVMSG, RECVFROM, UNNAMED };

static void ask(int fd, int type, int flags, unsigned int seq,
		const void *body, size_t len, enum how how)
{
	struct {
		struct nlmsghdr nh;
		char body[16];
	} req;
	struct sockaddr_nl nladdr = { .nl_family = AF_NETLINK };
	char buf[8192];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr msg = {
		.msg_name = &nladdr, .msg_namelen = sizeof(nladdr),
		.msg_iov = &iov, .msg_iovlen = 1,
	};
	socklen_t alen = sizeof(nladdr);
	struct nlmsghdr *nh;
	ssize_t n;

	memset(&req, 0, sizeof(req));
	req.nh.nlmsg_len = NLMSG_LENGTH(len);
	req.nh.nlmsg_type = type;
	req.nh.nlmsg_flags = flags;
	req.nh.nlmsg_seq = seq;
	memcpy(req.body, body, len);
	if (how == UNNAMED)
		n = send(fd, &req, req.nh.nlmsg_len, 0);
	else
		n = sendto(fd, &req, req.nh.nlmsg_len, 0,
			   (struct sockaddr *)&nladdr, sizeof(nladdr));
	if (n < 0) {
		perror("sendto");
		return;
	}
	for (;;) {
		if (how == UNNAMED)
			n = recv(fd, buf, sizeof(buf), 0);
		else if (how == RECVFROM)
			n = recvfrom(fd, buf, sizeof(buf), 0,
				     (struct sockaddr *)&nladdr, &alen);
		else
			n = recvmsg(fd, &msg, 0);
		if (n <= 0)
			return;
		/* The end of a dump, an error, or a single answer. */
		for (nh = (struct nlmsghdr *)buf; NLMSG_OK(nh, (size_t)n);
		     nh = NLMSG_NEXT(nh, n))
			if (nh->nlmsg_type == NLMSG_DONE ||
			    nh->nlmsg_type == NLMSG_ERROR ||
			    !(nh->nlmsg_flags & NLM_F_MULTI))
				return;
	}
}

#endif /* KTRACE_PROGS_NLASK_H */
