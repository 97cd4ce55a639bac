// SPDX-License-Identifier: GPL-2.0
/*
 * Calls strace decodes that the other programs do not make, for comparing
 * ktrace with strace: a POSIX timer created with a value, armed for 10 ms
 * and its SIGALRM waited for, read back, its overruns asked and deleted,
 * then an unknown timer deleted; SIGUSR1 queued with a value; the
 * bounding set's CAP_SYS_ADMIN and a capability that does not exist; the
 * FIFO policy's priorities; the kernel clock's state read by adjtimex and
 * clock_adjtime, and asked of a clock that does not exist.
 */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/timex.h>
#include <time.h>
#include <unistd.h>

static void on_signal(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigevent sev = {
		.sigev_notify = SIGEV_SIGNAL, .sigev_signo = SIGALRM,
		.sigev_value.sival_ptr = (void *)7,
	};
	struct itimerspec its = { .it_value = { 0, 10000000 } }, cur;
	struct timex tx = { .modes = 0 };
	union sigval v = { .sival_ptr = (void *)42 };
	sigset_t alrm, old;
	timer_t t;

	signal(SIGALRM, on_signal);
	signal(SIGUSR1, on_signal);
	sigemptyset(&alrm);
	sigaddset(&alrm, SIGALRM);
	sigprocmask(SIG_BLOCK, &alrm, &old);
	if (timer_create(CLOCK_MONOTONIC, &sev, &t))
		return 1;
	timer_settime(t, 0, &its, NULL);
	sigsuspend(&old);
	timer_gettime(t, &cur);
	timer_getoverrun(t);
	timer_delete(t);
	timer_delete((timer_t)1234L);
	sigqueue(getpid(), SIGUSR1, v);
	prctl(PR_CAPBSET_READ, 21);
	prctl(PR_CAPBSET_READ, 63);
	sched_get_priority_min(SCHED_FIFO);
	sched_get_priority_max(SCHED_FIFO);
	syscall(SYS_adjtimex, &tx);
	syscall(SYS_clock_adjtime, CLOCK_REALTIME, &tx);
	syscall(SYS_clock_adjtime, 99, &tx);
	return 0;
}
