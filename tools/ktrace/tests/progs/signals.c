// SPDX-License-Identifier: GPL-2.0
/*
 * Signals for comparing ktrace with strace: a handled SIGUSR1 sent to
 * itself, a blocked and then unblocked SIGUSR2, a SIGALRM from alarm()
 * ending a pause(), and a child that kills itself with SIGTERM, reaped.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_sig(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_sig };
	sigset_t set;
	int status;
	pid_t pid;

	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	sigaction(SIGALRM, &sa, NULL);
	raise(SIGUSR1);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	alarm(1);
	pause();

	pid = fork();
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		raise(SIGTERM);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	return WIFSIGNALED(status) ? 0 : 1;
}
