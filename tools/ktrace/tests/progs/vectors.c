// SPDX-License-Identifier: GPL-2.0
/*
 * Vectored I/O, messages and terminal ioctls, for comparing ktrace with
 * strace: writev, readv, pwritev, preadv on a file (a buffer longer than
 * strace's -s 32, a read shorter than its vector), sendmsg and recvmsg on
 * an AF_UNIX socket pair, and TCGETS, TCSETS*, TIOCGWINSZ, TIOCGPGRP and
 * TIOCSPGRP on a pty.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <termios.h>
#include <unistd.h>

static char long_text[] =
	"a line longer than the thirty-two bytes strace shows\n";

static void io(int fd)
{
	char a[4], b[64], c[8];
	struct iovec w[3] = {
		{ "one ", 4 }, { long_text, sizeof(long_text) - 1 },
		{ "end\n", 4 },
	};
	struct iovec r[3] = { { a, sizeof(a) }, { b, sizeof(b) },
			      { c, sizeof(c) } };

	if (writev(fd, w, 3) < 0 || pwritev(fd, w, 1, 100) < 0)
		_exit(1);
	/* The whole file, then a read that fills only the first buffers. */
	if (preadv(fd, r, 3, 0) < 0 || preadv(fd, r, 2, 100) < 0)
		_exit(1);
	lseek(fd, 0, SEEK_SET);
	if (readv(fd, r, 2) < 0 || readv(fd, r, 0) < 0)
		_exit(1);
}

static void msgs(void)
{
	char a[3], b[16];
	struct iovec w[2] = { { "hi ", 3 }, { "there", 5 } };
	struct iovec r[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct msghdr m = { .msg_iov = w, .msg_iovlen = 2 };
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		_exit(1);
	if (sendmsg(sv[0], &m, 0) != 8)
		_exit(1);
	m.msg_iov = r;
	if (recvmsg(sv[1], &m, 0) != 8)
		_exit(1);
	close(sv[0]);
	close(sv[1]);
}

static void tty(void)
{
	struct winsize ws;
	struct termios t;
	int fd = open("/dev/ptmx", O_RDWR | O_NOCTTY);
	pid_t pgrp;

	/* Not a terminal: strace and ktrace print the pointer. */
	ioctl(1, TCGETS, &t);
	if (fd < 0)
		return;
	if (ioctl(fd, TCGETS, &t) || ioctl(fd, TIOCGWINSZ, &ws))
		_exit(1);
	ws.ws_row = 24;
	ws.ws_col = 80;
	if (ioctl(fd, TIOCSWINSZ, &ws) || ioctl(fd, TIOCGWINSZ, &ws))
		_exit(1);
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	if (ioctl(fd, TCSETS, &t) || ioctl(fd, TCSETSW, &t) ||
	    ioctl(fd, TCSETSF, &t) || ioctl(fd, TCGETS, &t))
		_exit(1);
	/*
	 * A shell's job control: the terminal's foreground group (none: 0),
	 * and setting it to our own, which a terminal not ours refuses (ENOTTY).
	 */
	if (ioctl(fd, TIOCGPGRP, &pgrp))
		_exit(1);
	pgrp = getpid();
	ioctl(fd, TIOCSPGRP, &pgrp);
	close(fd);
}

int main(void)
{
	int fd = open("vectors.tmp", O_RDWR | O_CREAT | O_TRUNC, 0600);

	if (fd < 0)
		return 1;
	io(fd);
	close(fd);
	unlink("vectors.tmp");
	msgs();
	tty();
	return 0;
}
