// SPDX-License-Identifier: GPL-2.0
/*
 * recvfrom's and getsockname's address lengths for comparing ktrace with
 * strace, which prints the length given and the length written when they
 * differ ([128 => 16]) and the length given after an error: UDP
 * datagrams over the loopback (it must be up) received into a
 * sockaddr_in ([16]), a sockaddr_storage ([128 => 16]), a buffer shorter
 * than the address ([8 => 16]) and no address at all; a datagram longer
 * than the buffer, received with MSG_TRUNC (its length returned, the
 * buffer's bytes printed); a receive with
 * nothing queued (EAGAIN); getpeername of an unconnected socket
 * (ENOTCONN); an AF_UNIX pair whose sender has no name ([128 => 2]).
 * recvmsg likewise: msg_namelen=128 => 16 over UDP, => 0 (no name) over
 * the AF_UNIX pair, and after an error (EAGAIN) the length given.
 */
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

static void recv_named(int fd, int flags)
{
	struct sockaddr_storage ss;
	char buf[16];
	struct iovec v = { buf, sizeof(buf) };
	struct msghdr m = {
		.msg_name = &ss, .msg_namelen = sizeof(ss),
		.msg_iov = &v, .msg_iovlen = 1,
	};

	recvmsg(fd, &m, flags);
}

int main(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET }, from;
	struct sockaddr_storage ss;
	socklen_t len;
	char buf[64];
	int fd, sv[2];

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		return 1;
	/* A fixed port: the short address's bytes print raw, unmasked. */
	in.sin_port = htons(9999);
	in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(fd, (struct sockaddr *)&in, sizeof(in)))
		return 1;
	len = sizeof(ss);
	getsockname(fd, (struct sockaddr *)&ss, &len);
	memcpy(&in, &ss, sizeof(in));
	sendto(fd, "one", 3, 0, (struct sockaddr *)&in, sizeof(in));
	len = sizeof(from);
	recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
	sendto(fd, "two", 3, 0, (struct sockaddr *)&in, sizeof(in));
	len = sizeof(ss);
	recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&ss, &len);
	sendto(fd, "three", 5, 0, (struct sockaddr *)&in, sizeof(in));
	len = 8;
	recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&ss, &len);
	sendto(fd, "four", 4, 0, (struct sockaddr *)&in, sizeof(in));
	recvfrom(fd, buf, sizeof(buf), 0, NULL, NULL);
	/* MSG_TRUNC: the datagram's length, more than the buffer holds. */
	sendto(fd, "AB", 2, 0, (struct sockaddr *)&in, sizeof(in));
	recvfrom(fd, buf, 1, MSG_TRUNC, NULL, NULL);
	sendto(fd, "six", 3, 0, (struct sockaddr *)&in, sizeof(in));
	recv_named(fd, 0);
	recv_named(fd, MSG_DONTWAIT);
	len = sizeof(ss);
	recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT, (struct sockaddr *)&ss,
		 &len);
	len = sizeof(ss);
	getpeername(fd, (struct sockaddr *)&ss, &len);
	close(fd);
	if (socketpair(AF_UNIX, SOCK_DGRAM, 0, sv))
		return 1;
	write(sv[0], "five", 4);
	len = sizeof(ss);
	recvfrom(sv[1], buf, sizeof(buf), 0, (struct sockaddr *)&ss, &len);
	write(sv[0], "seven", 5);
	recv_named(sv[1], 0);
	close(sv[0]);
	close(sv[1]);
	return 0;
}
