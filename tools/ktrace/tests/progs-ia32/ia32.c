// SPDX-License-Identifier: GPL-2.0
/*
 * An ia32 static binary for comparing ktrace with strace on the compat
 * ABI: a write, a failing open, getpid and exit through int $0x80, with
 * no C library (the build machine has no 32-bit one).
 */
static long sys3(long nr, long a, long b, long c)
{
	long ret;

	__asm__ volatile ("int $0x80" : "=a"(ret)
			  : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
	return ret;
}

void _start(void);

void _start(void)
{
	static const char msg[] = "ia32\n";

	sys3(4, 1, (long)msg, sizeof(msg) - 1);		/* write */
	sys3(5, (long)"/nonexistent", 0, 0);		/* open */
	sys3(20, 0, 0, 0);				/* getpid */
	sys3(1, 3, 0, 0);				/* exit(3) */
	for (;;)
		;
}
