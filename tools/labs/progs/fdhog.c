// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 13: RLIMIT_NOFILE.  Prints its soft and hard limit on open files,
 * then opens /dev/null until open() fails and says with what error and
 * how many descriptors it held.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

int main(void)
{
	struct rlimit rl;
	int fd, last = -1, n = 0;

	getrlimit(RLIMIT_NOFILE, &rl);
	printf("RLIMIT_NOFILE: soft %llu, hard %llu\n",
	       (unsigned long long)rl.rlim_cur,
	       (unsigned long long)rl.rlim_max);
	fflush(stdout);
	for (;;) {
		fd = open("/dev/null", O_RDONLY);
		if (fd < 0)
			break;
		last = fd;
		n++;
	}
	printf("open #%d failed: %s (%s); the last fd it got was %d\n",
	       n + 1, strerror(errno), errno == EMFILE ? "EMFILE" : "?", last);
	return 0;
}
