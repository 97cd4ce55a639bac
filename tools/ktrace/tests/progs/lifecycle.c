// SPDX-License-Identifier: GPL-2.0
/*
 * A deterministic process lifecycle for comparing ktrace with strace:
 * fork, the child exits with 7, the parent waits, signals itself, and
 * executes another program.
 */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_usr1(int sig)
{
	(void)sig;
}

int main(void)
{
	char *const argv[] = { "true", NULL };
	struct sigaction sa = { .sa_handler = on_usr1 };
	int status;
	pid_t pid;

	pid = fork();
	if (pid == 0)
		_exit(7);
	waitpid(pid, &status, 0);
	sigaction(SIGUSR1, &sa, NULL);
	kill(getpid(), SIGUSR1);
	execv("/bin/true", argv);
	return 1;
}
