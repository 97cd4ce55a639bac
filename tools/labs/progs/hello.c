// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 08: the program execve() loads.  Built twice: static (hello) and
 * dynamic (hello-dyn, whose loader and C library are in
 * /opt/ktrace/labs/lib).  Prints one line; with "wait", then waits until
 * killed, so that its memory map can be read.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	printf("hello from %d\n", (int)getpid());
	fflush(stdout);
	if (argc > 1 && !strcmp(argv[1], "wait"))
		for (;;)
			pause();
	return 0;
}
