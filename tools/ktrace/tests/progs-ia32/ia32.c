// SPDX-License-Identifier: GPL-2.0
/*
 * An ia32 static binary for comparing ktrace with strace on the compat
 * ABI: a write, a failing open, getpid and exit through int $0x80, with
 * no C library (the build machine has no 32-bit one).  The line written
 * is built on the stack: a write from a page of constants never touched
 * before, to /dev/null (which never reads it), is beyond what the probes
 * can read (see ktrace(1), BUGS).
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
	volatile char msg[] = { 'i', 'a', '3', '2', '\n' };

	sys3(4, 1, (long)msg, sizeof(msg));		/* write */
	sys3(5, (long)"/nonexistent", 0, 0);		/* open */
	sys3(20, 0, 0, 0);				/* getpid */
	sys3(1, 3, 0, 0);				/* exit(3) */
	for (;;)
		;
}
