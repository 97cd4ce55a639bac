// SPDX-License-Identifier: GPL-2.0
/*
 * What the process calls write that strace decodes, for comparing ktrace
 * with strace: a child killed by a signal and reaped with waitid (its
 * siginfo); a child stopped, continued and exiting, waited for with wait4
 * at each step (WIFCONTINUED among the statuses); a blocked SIGUSR2 sent to
 * itself and taken with rt_sigtimedwait (its siginfo, the timeout, the
 * signal returned); times(); prctl(PR_GET_DUMPABLE); personality asked,
 * set and asked again; getrandom of 0 bytes.  Each child signals itself
 * and waits on a pipe, so that no signal finds it at a place the
 * scheduler chose, and the parent blocks SIGCHLD: the lines are the same
 * under both tracers.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A child that sends itself sig, then reads p[0] until its end. */
static pid_t child(int sig, int p[2])
{
	pid_t pid = fork();
	char c;

	if (!pid) {
		close(p[1]);
		raise(sig);
		while (read(p[0], &c, 1) > 0)
			;
		_exit(0);
	}
	close(p[0]);
	return pid;
}

int main(void)
{
	const struct timespec ts = { .tv_nsec = 1000 };
	struct tms tms;
	siginfo_t si;
	sigset_t set;
	char buf[1];
	int status, p[2];
	pid_t pid;

	/* No SIGCHLD to interrupt a wait where the scheduler chooses. */
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	if (pipe(p))
		return 1;
	pid = child(SIGTERM, p);
	waitid(P_PID, pid, &si, WEXITED);
	close(p[1]);

	if (pipe(p))
		return 1;
	pid = child(SIGSTOP, p);
	wait4(pid, &status, WUNTRACED | WCONTINUED, NULL);
	kill(pid, SIGCONT);
	wait4(pid, &status, WUNTRACED | WCONTINUED, NULL);
	close(p[1]);
	wait4(pid, &status, 0, NULL);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	sigtimedwait(&set, &si, &ts);

	times(&tms);
	prctl(PR_GET_DUMPABLE);
	personality(0xffffffff);
	personality(PER_LINUX | ADDR_NO_RANDOMIZE);
	personality(0xffffffff);
	personality(PER_LINUX);
	getrandom(buf, 0, GRND_NONBLOCK);
	return 0;
}
