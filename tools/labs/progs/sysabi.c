// SPDX-License-Identifier: GPL-2.0
/*
 * Lab 02: one system call made three ways.  write(2) through libc,
 * then by hand with the syscall instruction (x86_64 number 1, arguments
 * in rdi, rsi, rdx), then with int $0x80, the 32-bit entry (i386 number
 * 4, arguments in ebx, ecx, edx; the buffer must lie below 4 GiB, so it
 * is a static string of this non-PIE program).
 */
#include <string.h>
#include <unistd.h>

static const char via_libc[] = "1: write() from libc\n";
static const char via_syscall[] = "2: the syscall instruction, rax=1\n";
static const char via_int80[] = "3: int $0x80, eax=4\n";

int main(void)
{
	long ret;

	write(1, via_libc, strlen(via_libc));
	asm volatile ("syscall"
		      : "=a" (ret)
		      : "a" (1L), "D" (1L), "S" (via_syscall),
			"d" (strlen(via_syscall))
		      : "rcx", "r11", "memory");
	asm volatile ("int $0x80"
		      : "=a" (ret)
		      : "a" (4L), "b" (1L), "c" (via_int80),
			"d" (strlen(via_int80))
		      : "memory");
	return ret == (long)strlen(via_int80) ? 0 : 1;
}
