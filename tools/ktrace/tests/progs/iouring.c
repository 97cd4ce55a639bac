// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring's calls, for comparing ktrace with strace: a ring set up with
 * default sizes, one with its completion queue's size given and one
 * refused (no entries); the ring entered to wait for nothing, with a
 * signal mask and with a wrong one; descriptors and an eventfd registered
 * and unregistered, and an opcode the kernel does not know.  A kernel
 * without io_uring fails every call, the same under both tracers.
 */
#define _GNU_SOURCE
#include <linux/io_uring.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;
	int fds[2] = { 0, 1 };
	sigset_t set;
	int ring, big, efd;

	memset(&p, 0, sizeof(p));
	ring = syscall(SYS_io_uring_setup, 4, &p);
	memset(&p, 0, sizeof(p));
	p.flags = IORING_SETUP_CQSIZE;
	p.cq_entries = 64;
	big = syscall(SYS_io_uring_setup, 8, &p);
	memset(&p, 0, sizeof(p));
	syscall(SYS_io_uring_setup, 0, &p);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, NULL,
		8);
	syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, &set,
		8);
	syscall(SYS_io_uring_enter, ring, 0, 0, 0, &set, 4);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_FILES, fds, 2);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_FILES, NULL, 0);
	efd = eventfd(0, EFD_CLOEXEC);
	syscall(SYS_io_uring_register, ring, IORING_REGISTER_EVENTFD, &efd, 1);
	syscall(SYS_io_uring_register, ring, IORING_UNREGISTER_EVENTFD, NULL,
		0);
	syscall(SYS_io_uring_register, ring, 99, NULL, 0);
	close(big);
	close(ring);
	return 0;
}
