// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 10: a process to look at through /proc.  Opens /etc/passwd and
 * reads it, creates /tmp/procview.log and writes 4096 bytes to it,
 * keeps both open, prints its pid and waits until killed.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char buf[4096];
	int in, out;

	in = open("/etc/passwd", O_RDONLY);
	out = open("/tmp/procview.log", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (in < 0 || out < 0) {
		perror("procview: open");
		return 1;
	}
	while (read(in, buf, sizeof(buf)) > 0)
		;
	memset(buf, 'x', sizeof(buf));
	write(out, buf, sizeof(buf));
	printf("procview %d: fd %d is /etc/passwd, fd %d is /tmp/procview.log\n",
	       (int)getpid(), in, out);
	fflush(stdout);
	for (;;)
		pause();
}
