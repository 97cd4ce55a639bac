// SPDX-License-Identifier: GPL-2.0
/*
 * filter-session PID: hold an enabled ktrace session that traces only PID
 * (an idle process), until killed.  Every syscall of every other task
 * then runs the probes and is filtered out: the cost the benchmark's
 * "filter-out" configuration measures.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/ktrace.h>

int main(int argc, char **argv)
{
	struct ktrace_pid p;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: filter-session PID\n");
		return 2;
	}
	fd = open("/dev/" KTRACE_DEVICE_NAME, O_RDWR);
	if (fd < 0) {
		perror("filter-session: /dev/" KTRACE_DEVICE_NAME);
		return 1;
	}
	memset(&p, 0, sizeof(p));
	p.pid = atoi(argv[1]);
	p.flags = KTRACE_PID_THREAD_GROUP;
	if (ioctl(fd, KTRACE_IOC_PID_ADD, &p)) {
		perror("filter-session: KTRACE_IOC_PID_ADD");
		return 1;
	}
	if (ioctl(fd, KTRACE_IOC_ENABLE)) {
		perror("filter-session: KTRACE_IOC_ENABLE");
		return 1;
	}
	printf("ready\n");
	fflush(stdout);
	for (;;)
		pause();
}
