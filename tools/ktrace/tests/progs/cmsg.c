// SPDX-License-Identifier: GPL-2.0
/*
 * Ancillary data (msg_control) for comparing ktrace with strace, over
 * AF_UNIX socket pairs in one process: a file descriptor passed
 * (SCM_RIGHTS), two at once, credentials (SCM_CREDENTIALS, the receiver
 * with SO_PASSCRED), both in one message, a control buffer too short for
 * what arrives (MSG_CTRUNC), a timestamp (SO_TIMESTAMP), a message of a
 * level AF_UNIX ignores, and one of a type it refuses (EINVAL).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

/* A control buffer for up to four cmsgs, aligned for struct cmsghdr. */
union ctl {
	struct cmsghdr align;
	char buf[256];
};

static struct cmsghdr *add(struct msghdr *m, struct cmsghdr *c, int level,
			   int type, const void *data, size_t len)
{
	c = c ? CMSG_NXTHDR(m, c) : CMSG_FIRSTHDR(m);
	c->cmsg_len = CMSG_LEN(len);
	c->cmsg_level = level;
	c->cmsg_type = type;
	memcpy(CMSG_DATA(c), data, len);
	return c;
}

static int sendctl(int fd, struct msghdr *m, union ctl *u, size_t used)
{
	struct iovec v = { "x", 1 };

	m->msg_iov = &v;
	m->msg_iovlen = 1;
	m->msg_control = u;
	m->msg_controllen = used;
	return sendmsg(fd, m, 0);
}

static int recvctl(int fd, size_t room)
{
	union ctl u;
	char c[8];
	struct iovec v = { c, sizeof(c) };
	struct msghdr m = {
		.msg_iov = &v, .msg_iovlen = 1,
		.msg_control = room ? &u : NULL, .msg_controllen = room,
	};

	return recvmsg(fd, &m, 0);
}

int main(void)
{
	struct ucred cred = { getpid(), getuid(), getgid() };
	int sv[2], dg[2], one = 1, fds[2];
	struct msghdr m;
	struct cmsghdr *c;
	union ctl u;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	fds[0] = open("/dev/null", O_RDONLY);
	fds[1] = dup(fds[0]);

	/* One descriptor, then two, each received. */
	memset(&m, 0, sizeof(m));
	memset(&u, 0, sizeof(u));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	add(&m, NULL, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(int));
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(int)));
	recvctl(sv[1], sizeof(u));
	memset(&m, 0, sizeof(m));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	add(&m, NULL, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(fds)));
	recvctl(sv[1], sizeof(u));

	/* Credentials, alone and with a descriptor. */
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	memset(&m, 0, sizeof(m));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	add(&m, NULL, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof(cred));
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(cred)));
	recvctl(sv[1], sizeof(u));
	memset(&m, 0, sizeof(m));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	c = add(&m, NULL, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(int));
	add(&m, c, SOL_SOCKET, SCM_CREDENTIALS, &cred, sizeof(cred));
	sendctl(sv[0], &m, &u,
		CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(cred)));
	recvctl(sv[1], sizeof(u));

	/* Two descriptors into room for one: MSG_CTRUNC. */
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &(int){ 0 }, sizeof(int));
	memset(&m, 0, sizeof(m));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	add(&m, NULL, SOL_SOCKET, SCM_RIGHTS, fds, sizeof(fds));
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(fds)));
	recvctl(sv[1], CMSG_LEN(sizeof(int)));
	/* And none at all. */
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(fds)));
	recvctl(sv[1], 0);

	/* A level AF_UNIX ignores, a type it refuses. */
	memset(&m, 0, sizeof(m));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	add(&m, NULL, SOL_IP, 2, &one, sizeof(one));
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(one)));
	recvctl(sv[1], sizeof(u));
	memset(&m, 0, sizeof(m));
	m.msg_control = &u;
	m.msg_controllen = sizeof(u);
	add(&m, NULL, SOL_SOCKET, 99, &one, sizeof(one));
	sendctl(sv[0], &m, &u, CMSG_SPACE(sizeof(one)));

	/* A datagram's arrival time. */
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, dg))
		return 1;
	setsockopt(dg[1], SOL_SOCKET, SO_TIMESTAMP, &one, sizeof(one));
	memset(&m, 0, sizeof(m));
	sendctl(dg[0], &m, &u, 0);
	recvctl(dg[1], sizeof(u));
	return 0;
}
