// SPDX-License-Identifier: GPL-2.0
/*
 * Descriptors to wait on and the waits that take a signal mask, for
 * comparing ktrace with strace: eventfd2() and timerfd_create() with all
 * their flags, timerfd_settime() and timerfd_gettime(); signalfd4(),
 * ppoll(), epoll_pwait() and epoll_pwait2() with a mask and its size,
 * pselect() (pselect6 and its struct of the mask's address and size) with
 * a mask and without, and masks of a size strace does not read (4 and 16
 * bytes), which print as addresses, as does a struct that does not read.
 */
#define _GNU_SOURCE	/* ppoll */
#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/select.h>
#include <sys/signalfd.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <time.h>
#include <unistd.h>

#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif

int main(void)
{
	struct timespec ts = { .tv_sec = 1 }, zero = { 0 };
	struct itimerspec its = { .it_value.tv_sec = 100 }, old;
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 7 }, out[4];
	struct pollfd pfd;
	unsigned long sas[2];
	sigset_t set;
	fd_set rd;
	int p[2], ep, tfd;

	if (eventfd(0, EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC) < 0)
		return 1;
	tfd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
	if (tfd < 0 || timerfd_settime(tfd, 0, &its, NULL) ||
	    timerfd_settime(tfd, TFD_TIMER_ABSTIME, &its, &old) ||
	    timerfd_gettime(tfd, &old))
		return 1;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGRTMIN + 2);
	if (signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC) < 0)
		return 1;
	if (pipe(p) || write(p[1], "x", 1) != 1)
		return 1;
	pfd.fd = p[0];
	pfd.events = POLLIN;
	ppoll(&pfd, 1, &ts, &set);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	pselect(p[0] + 1, &rd, NULL, NULL, &ts, &set);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	pselect(p[0] + 1, &rd, NULL, NULL, NULL, NULL);
	ep = epoll_create1(EPOLL_CLOEXEC);
	if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev))
		return 1;
	epoll_pwait(ep, out, 4, 100, &set);
	syscall(SYS_epoll_pwait2, ep, out, 4, &zero, &set, 8);
	/*
	 * Sizes the kernel refuses, and strace does not read; pselect6's
	 * struct with such a size, and at an address that does not read.
	 */
	sas[0] = (unsigned long)&set;
	sas[1] = 16;
	syscall(SYS_pselect6, -1, NULL, NULL, NULL, NULL, sas);
	syscall(SYS_pselect6, -1, NULL, NULL, NULL, NULL, 1L);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 16);
	syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, NULL, 4);
	syscall(SYS_ppoll, &pfd, 1, &zero, &set, 16);
	return 0;
}
