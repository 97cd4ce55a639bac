// SPDX-License-Identifier: GPL-2.0
/*
 * select(), which glibc makes as pselect6, and poll(), for comparing
 * ktrace with strace: a pipe with a byte in it, watched for reading and
 * writing with a timeout (both ends ready, time left), for reading alone
 * without one, with FD_SETSIZE bits; a timeout that expires; a negative
 * count.  Then, the byte read, poll() timing out on the empty pipe, and
 * with a byte again ppoll() finding it, with the time left.
 */
#define _GNU_SOURCE	/* ppoll */
#include <poll.h>
#include <sys/select.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timeval tv = { .tv_sec = 1 }, short_tv = { .tv_usec = 1000 };
	struct timespec ts = { .tv_sec = 1 };
	struct pollfd pfd;
	fd_set rd, wr;
	char c;
	int p[2];

	if (pipe(p) || write(p[1], "x", 1) != 1)
		return 1;
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	select(p[1] + 1, &rd, &wr, NULL, &tv);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	select(FD_SETSIZE, &rd, NULL, NULL, NULL);
	select(0, NULL, NULL, NULL, &short_tv);
	select(-1, NULL, NULL, NULL, NULL);
	pfd.fd = p[0];
	pfd.events = POLLIN;
	if (read(p[0], &c, 1) != 1)
		return 1;
	poll(&pfd, 1, 1);
	if (write(p[1], "x", 1) != 1)
		return 1;
	ppoll(&pfd, 1, &ts, NULL);
	return 0;
}
