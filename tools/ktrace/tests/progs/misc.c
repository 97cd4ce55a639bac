// SPDX-License-Identifier: GPL-2.0
/*
 * Calls strace decodes that the other programs do not make, for comparing
 * ktrace with strace: the ids, set by root to what they are (nothing
 * changes; -1 leaves one as it is, and setuid(-1) fails), the groups, the
 * interval timers (one armed, then disarmed with the time it had left
 * read back; an unknown timer), inotify on the working directory and a
 * name that is not there, and fallocate's modes on a file.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <grp.h>
#include <sys/fsuid.h>
#include <sys/inotify.h>
#include <sys/time.h>
#include <unistd.h>

int main(void)
{
	struct itimerval it = { .it_value = { 5, 0 } }, off = { 0 }, old;
	gid_t groups[2] = { 0, 4 };
	uid_t r, e, s;
	gid_t gr, ge, gs;
	int fd, wd;

	setreuid(-1, 0);
	setregid(-1, 0);
	setresuid(-1, 0, -1);
	setresgid(0, -1, 0);
	getresuid(&r, &e, &s);
	getresgid(&gr, &ge, &gs);
	setfsuid(0);
	setfsgid(0);
	setuid(-1);
	setgroups(2, groups);
	setgroups(0, NULL);

	setitimer(ITIMER_REAL, &it, NULL);
	setitimer(ITIMER_REAL, &off, &old);
	getitimer(ITIMER_PROF, &old);
	setitimer(99, &it, NULL);

	fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	wd = inotify_add_watch(fd, ".", IN_MODIFY | IN_CREATE | IN_DELETE);
	inotify_add_watch(fd, "not-there", IN_ALL_EVENTS | IN_ONLYDIR);
	inotify_rm_watch(fd, wd);
	close(fd);

	fd = open("falloc-file", O_RDWR | O_CREAT | O_TRUNC, 0600);
	fallocate(fd, 0, 0, 4096);
	fallocate(fd, FALLOC_FL_KEEP_SIZE, 4096, 8192);
	fallocate(fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, 0, 4096);
	close(fd);
	unlink("falloc-file");
	return 0;
}
