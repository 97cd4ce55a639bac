// SPDX-License-Identifier: GPL-2.0
/*
 * File and descriptor calls whose arguments strace decodes, for comparing
 * ktrace with strace: utimensat's times (a date, UTIME_NOW, UTIME_OMIT),
 * fcntl's locks (F_SETLK, F_GETLK, F_OFD_SETLK, F_OFD_GETLK), sendfile's
 * offset given and moved, poll of a descriptor it ignores (-1),
 * close_range, sync_file_range's flags, memfd_create's name, FIONBIO and
 * FIONREAD on a pipe, TIOCSCTTY on a pipe (ENOTTY), the pty's number from
 * /dev/ptmx, an unknown clock, a tmpfs mounted (when permitted), bound
 * and unmounted, and a file's handle asked for its size, taken and
 * opened.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	struct timespec times[2] = { { 1700000000, 5 }, { 0, UTIME_OMIT } };
	struct timespec now[2] = { { 0, UTIME_NOW }, { 0, UTIME_NOW } };
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
			    .l_start = 0, .l_len = 10 };
	struct pollfd pfd[2];
	off_t off = 0;
	int fd, out, p[2], n, on = 1;
	struct timespec ts;
	struct {
		struct file_handle h;
		unsigned char bytes[128];
	} fh;
	int mnt_id;

	fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	if (fd < 0 || write(fd, "hello", 5) != 5)
		return 1;
	utimensat(AT_FDCWD, "f", times, 0);
	utimensat(AT_FDCWD, "f", now, 0);
	fcntl(fd, F_SETLK, &fl);
	fl.l_type = F_RDLCK;
	fcntl(fd, F_GETLK, &fl);
	/* Beyond the first lock: no conflict, no pid to print. */
	fl.l_type = F_WRLCK;
	fl.l_start = 100;
	fl.l_pid = 0;
	fcntl(fd, F_OFD_SETLK, &fl);
	fcntl(fd, F_OFD_GETLK, &fl);
	out = open("/dev/null", O_WRONLY);
	sendfile(out, fd, &off, 5);
	sendfile(out, fd, &off, 5);
	sendfile(out, fd, NULL, 5);
	sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE |
		       SYNC_FILE_RANGE_WRITE);
	if (pipe(p))
		return 1;
	pfd[0].fd = -1;
	pfd[0].events = POLLIN;
	pfd[1].fd = p[1];
	pfd[1].events = POLLOUT;
	poll(pfd, 2, 0);
	ioctl(p[0], FIONBIO, &on);
	if (write(p[1], "xy", 2) != 2)
		return 1;
	ioctl(p[0], FIONREAD, &n);
	ioctl(p[0], TIOCSCTTY, 1);
	close(memfd_create("kt", MFD_CLOEXEC));
	n = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	if (n >= 0) {
		unsigned int pty;

		ioctl(n, TIOCGPTN, &pty);
		close(n);
	}
	syscall(SYS_clock_gettime, 0x63, &ts);
	if (!mkdir("mnt", 0755) &&
	    !mount("none", "mnt", "tmpfs", MS_NOSUID, "size=64k")) {
		mount("mnt", "mnt", NULL, MS_BIND, NULL);
		umount2("mnt", MNT_DETACH);
		umount2("mnt", 0);
	}
	fh.h.handle_bytes = 0;
	name_to_handle_at(AT_FDCWD, "f", &fh.h, &mnt_id, 0);
	fh.h.handle_bytes = sizeof(fh.bytes);
	if (!name_to_handle_at(AT_FDCWD, "f", &fh.h, &mnt_id, 0))
		close(open_by_handle_at(fd, &fh.h, O_RDONLY | O_CLOEXEC));
	close_range(3, ~0U, 0);
	return 0;
}
