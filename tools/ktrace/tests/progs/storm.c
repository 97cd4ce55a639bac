// SPDX-License-Identifier: GPL-2.0
/* Many cheap syscalls at full speed, to overflow a small ring. */
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	int i;

	for (i = 0; i < 50000; i++)
		syscall(SYS_getppid);
	return 0;
}
