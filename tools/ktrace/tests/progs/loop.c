// SPDX-License-Identifier: GPL-2.0
/*
 * loop N [STATUS]: N getppid() calls at full speed, then exit with STATUS
 * (default 0): the load of the reader tests and measurements.
 */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	long i, n = argc > 1 ? atol(argv[1]) : 100000;

	for (i = 0; i < n; i++)
		syscall(SYS_getppid);
	return argc > 2 ? atoi(argv[2]) : 0;
}
