// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 05: the cost of many small system calls.  Writes 64 KiB to
 * /dev/null 16 bytes at a time with write(2) (4096 calls), then the
 * same 64 KiB as 16 writev(2) calls of 256 16-byte pieces each.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

#define PIECE 16
#define TOTAL (64 * 1024)
#define PER_VEC 256

int main(void)
{
	static char buf[TOTAL];
	struct iovec iov[PER_VEC];
	int fd, i, j;

	fd = open("/dev/null", O_WRONLY);
	if (fd < 0) {
		perror("smallwrites: /dev/null");
		return 1;
	}
	for (i = 0; i < TOTAL / PIECE; i++)
		write(fd, buf + i * PIECE, PIECE);
	for (i = 0; i < TOTAL / (PIECE * PER_VEC); i++) {
		for (j = 0; j < PER_VEC; j++) {
			iov[j].iov_base = buf + (i * PER_VEC + j) * PIECE;
			iov[j].iov_len = PIECE;
		}
		writev(fd, iov, PER_VEC);
	}
	close(fd);
	return 0;
}
