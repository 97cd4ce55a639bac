// SPDX-License-Identifier: GPL-2.0
/*
 * What strace -v prints whole: a directory listed by getdents64 (and the
 * old getdents where the ABI has it), a child reaped by wait4 with its
 * rusage, getrusage of the process and its children, and an execve with
 * an environment of its own.  With an argument, lists that directory
 * (a stable one: strace and ktrace list it in turn), getdents 200 bytes
 * at a time; "child" is the program run again by the exec.
 */
#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	static char *const env[] = {
		"KTRACE_A=1", "KTRACE_B=two", "PATH=/usr/bin:/bin",
		"KTRACE_LONG=0123456789012345678901234567890123456789", NULL
	};
	const char *dir = argc > 1 ? argv[1] : ".";
	char buf[200];
	struct rusage ru;
	struct dirent *de;
	int status, fd;
	pid_t pid;
	DIR *d;

	if (argc > 1 && !strcmp(argv[1], "child"))
		return 0;
	d = opendir(dir);
	if (!d)
		return 1;
	while ((de = readdir(d)))
		;
	closedir(d);
#ifdef SYS_getdents
	fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return 1;
	while (syscall(SYS_getdents, fd, buf, sizeof(buf)) > 0)
		;
	close(fd);
#endif
	pid = fork();
	if (pid < 0)
		return 1;
	if (!pid)
		_exit(3);
	if (wait4(pid, &status, 0, &ru) != pid)
		return 1;
	getrusage(RUSAGE_CHILDREN, &ru);
	pid = fork();
	if (pid < 0)
		return 1;
	if (!pid) {
		static char *const args[] = { "verbose", "child", NULL };

		execve("/proc/self/exe", args, env);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
