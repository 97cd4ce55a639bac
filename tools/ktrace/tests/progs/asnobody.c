// SPDX-License-Identifier: GPL-2.0
/* Run a command as nobody (65534), for the permission test. */
#include <grp.h>
#include <stdio.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2 || setgroups(0, NULL) || setgid(65534) ||
	    setuid(65534)) {
		perror("asnobody");
		return 126;
	}
	execv(argv[1], argv + 1);
	perror("asnobody");
	return 127;
}
