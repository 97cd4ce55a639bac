// SPDX-License-Identifier: GPL-2.0
/*
 * fork() then execl() with string literals, as course programs do: in the
 * child the literals' file pages have no page table entries yet (fork
 * does not copy them), so the probe at execve's enter cannot read them;
 * the module reads them again from the new program's stack at the exit
 * (or, for a failed execve, where the call faulted them in).
 */
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return 1;
	if (!pid) {
		execl("/nonexistent/program", "program", "-x", (char *)NULL);
		execl("/bin/echo", "echo", "hello,", "world", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
