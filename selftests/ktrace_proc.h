/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the kselftests ask /proc, shared by the programs that ask it.
 */
#ifndef KTRACE_PROC_H
#define KTRACE_PROC_H

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

/*
 * Until /proc says @pid is asleep in syscall @nr (it reads the registers
 * only of a task off its CPU), 5 s at most: a fixed sleep after a fork
 * is too short for a slow kernel.  0, or -1.
 */
static inline int asleep_in(pid_t pid, long nr)
{
	char path[64], buf[64];
	ssize_t n;
	int i, fd;

	snprintf(path, sizeof(path), "/proc/%d/syscall", pid);
	for (i = 0; i < 500; i++) {
		fd = open(path, O_RDONLY);
		if (fd < 0)
			return -1;
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
		if (n > 0) {
			buf[n] = '\0';
			if (buf[0] >= '0' && buf[0] <= '9' &&
			    strtol(buf, NULL, 10) == nr)
				return 0;
		}
		usleep(10000);
	}
	return -1;
}

#endif /* KTRACE_PROC_H */
