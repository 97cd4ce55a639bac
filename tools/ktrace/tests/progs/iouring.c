// SPDX-License-Identifier: GPL-2.0
/*
 * Asynchronous I/O, for comparing ktrace with strace.  The AIO calls but
 * io_submit: a context set up, one refused, its events asked for (none)
 * with and without a mask's struct, an iocb it does not hold cancelled,
 * the context destroyed and a null one.  io_uring's calls: a
 * ring set up with default sizes, one with its completion queue's size
 * given and one refused (no entries); the ring entered to wait for
 * nothing, with a signal mask and with a wrong one; descriptors and an
 * eventfd registered and unregistered, and an opcode the kernel does not
 * know.  A kernel without them fails every call, the same under both
 * tracers.
 */
#define _GNU_SOURCE
#include <linux/aio_abi.h>
#include <linux/io_uring.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;
	int fds[2] = { 0, 1 };
	struct {
		const sigset_t *mask;
		size_t size;
	} aio_sig = { NULL, 8 };
	struct timespec ts = { 0, 0 };	/* no wait */
	aio_context_t ctx = 0;
	struct io_event ev[2];
	struct iocb cb;
	sigset_t set;
	int ring, big, efd;

	/*
	 * AIO first: io_getevents() that finds no event fails with EINTR
	 * while a signal is pending, and io_uring's teardown below leaves
	 * task work flagged as one, which strace's stops on the debug
	 * kernel let it see.
	 */
	syscall(SYS_io_setup, 8, &ctx);
	syscall(SYS_io_setup, 0, &ctx);
	syscall(SYS_io_getevents, ctx, 0L, 2L, ev, &ts);
	syscall(SYS_io_pgetevents, ctx, 0L, 2L, ev, &ts, &aio_sig);
	memset(&cb, 0, sizeof(cb));
	cb.aio_data = 0x42;
	cb.aio_lio_opcode = IOCB_CMD_PREAD;
	syscall(SYS_io_cancel, ctx, &cb, ev);
	syscall(SYS_io_destroy, ctx);
	syscall(SYS_io_destroy, 0);

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
	/* syscall() reads longs: the sizes are passed as such */
	syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, NULL,
		8L);
	syscall(SYS_io_uring_enter, ring, 0, 0, IORING_ENTER_GETEVENTS, &set,
		8L);
	syscall(SYS_io_uring_enter, ring, 0, 0, 0, &set, 4L);
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
