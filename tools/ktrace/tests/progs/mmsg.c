// SPDX-License-Identifier: GPL-2.0
/*
 * sendmmsg and recvmmsg for comparing ktrace with strace: three messages
 * over an AF_UNIX datagram pair, one of two iovecs and one passing a
 * descriptor (SCM_RIGHTS), received in a vector of four; a receive with
 * nothing queued (EAGAIN), one with a timeout (the time left written
 * back) and a send on a bad descriptor (EBADF); two
 * addressed datagrams over UDP loopback, one with IP_TTL, received with
 * their source addresses (the loopback must be up; "unix" leaves them
 * out); with "big", 40 datagrams at once over an AF_UNIX pair, more than
 * strace prints by default (32).
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define NBIG	40

/* A control buffer for one int, aligned for struct cmsghdr. */
union ctl {
	struct cmsghdr align;
	char buf[CMSG_SPACE(sizeof(int))];
};

static void one_int(struct msghdr *m, union ctl *u, int level, int type,
		    int v)
{
	struct cmsghdr *c;

	m->msg_control = u;
	m->msg_controllen = sizeof(u->buf);
	c = CMSG_FIRSTHDR(m);
	c->cmsg_len = CMSG_LEN(sizeof(v));
	c->cmsg_level = level;
	c->cmsg_type = type;
	memcpy(CMSG_DATA(c), &v, sizeof(v));
}

static void unix_pair(void)
{
	struct iovec v[4] = {
		{ "abc", 3 }, { "de", 2 }, { "fgh", 3 }, { "x", 1 },
	};
	struct mmsghdr s[3], r[4];
	struct timespec ts = { 1, 0 };
	struct iovec rv[4];
	union ctl u, ru[4];
	char buf[4][8];
	int sv[2], fd, i;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return;
	fd = open("/dev/null", O_RDONLY);
	memset(s, 0, sizeof(s));
	s[0].msg_hdr.msg_iov = &v[0];
	s[0].msg_hdr.msg_iovlen = 1;
	s[1].msg_hdr.msg_iov = &v[1];
	s[1].msg_hdr.msg_iovlen = 2;
	s[2].msg_hdr.msg_iov = &v[3];
	s[2].msg_hdr.msg_iovlen = 1;
	one_int(&s[2].msg_hdr, &u, SOL_SOCKET, SCM_RIGHTS, fd);
	sendmmsg(sv[0], s, 3, 0);

	memset(r, 0, sizeof(r));
	for (i = 0; i < 4; i++) {
		rv[i].iov_base = buf[i];
		rv[i].iov_len = sizeof(buf[i]);
		r[i].msg_hdr.msg_iov = &rv[i];
		r[i].msg_hdr.msg_iovlen = 1;
		r[i].msg_hdr.msg_control = &ru[i];
		r[i].msg_hdr.msg_controllen = sizeof(ru[i].buf);
	}
	recvmmsg(sv[1], r, 4, MSG_DONTWAIT, NULL);
	recvmmsg(sv[1], r, 4, MSG_DONTWAIT, NULL);
	/* A timeout: the call writes back the time left. */
	sendmmsg(sv[0], s, 1, 0);
	recvmmsg(sv[1], r, 2, MSG_WAITFORONE, &ts);
	sendmmsg(99, s, 2, 0);
	close(sv[0]);
	close(sv[1]);
	close(fd);
}

static void udp(void)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	struct sockaddr_in from[3];
	struct mmsghdr m[3];
	struct iovec v[3];
	char buf[3][4];
	socklen_t len = sizeof(a);
	union ctl u;
	int s, r, i;

	r = socket(AF_INET, SOCK_DGRAM, 0);
	s = socket(AF_INET, SOCK_DGRAM, 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (r < 0 || s < 0 || bind(r, (struct sockaddr *)&a, sizeof(a)) ||
	    getsockname(r, (struct sockaddr *)&a, &len))
		return;
	memset(m, 0, sizeof(m));
	for (i = 0; i < 2; i++) {
		v[i].iov_base = i ? "pong" : "ping";
		v[i].iov_len = 4;
		m[i].msg_hdr.msg_name = &a;
		m[i].msg_hdr.msg_namelen = sizeof(a);
		m[i].msg_hdr.msg_iov = &v[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	one_int(&m[1].msg_hdr, &u, SOL_IP, IP_TTL, 9);
	sendmmsg(s, m, 2, 0);

	memset(m, 0, sizeof(m));
	for (i = 0; i < 3; i++) {
		v[i].iov_base = buf[i];
		v[i].iov_len = sizeof(buf[i]);
		m[i].msg_hdr.msg_name = &from[i];
		m[i].msg_hdr.msg_namelen = sizeof(from[i]);
		m[i].msg_hdr.msg_iov = &v[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	recvmmsg(r, m, 3, MSG_DONTWAIT, NULL);
	close(s);
	close(r);
}

static void big(void)
{
	struct mmsghdr m[NBIG];
	struct iovec v[NBIG];
	char buf[NBIG][2];
	int sv[2], i;

	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return;
	memset(m, 0, sizeof(m));
	for (i = 0; i < NBIG; i++) {
		buf[i][0] = 'a' + i % 26;
		v[i].iov_base = buf[i];
		v[i].iov_len = 1;
		m[i].msg_hdr.msg_iov = &v[i];
		m[i].msg_hdr.msg_iovlen = 1;
	}
	sendmmsg(sv[0], m, NBIG, 0);
	for (i = 0; i < NBIG; i++)
		v[i].iov_len = sizeof(buf[i]);
	recvmmsg(sv[1], m, NBIG, MSG_DONTWAIT, NULL);
	close(sv[0]);
	close(sv[1]);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "big")) {
		big();
		return 0;
	}
	unix_pair();
	if (argc < 2 || strcmp(argv[1], "unix"))
		udp();
	return 0;
}
