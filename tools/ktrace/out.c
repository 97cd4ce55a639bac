// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the output streams.  Lines are appended to a large buffer
 * that is written once per batch of records: fully buffered to files and
 * pipes, flushed after every line only to a terminal.  The first write
 * error is reported in one line and ends the trace; a reader that went
 * away (EPIPE) ends it quietly, as it ends other filters.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ktrace.h"

/* A buffer this full is written at once, batch or not. */
#define OUT_HIGH	(1 << 20)
/*
 * A write this long skips the buffer: glibc copies a few kilobytes or
 * more with "rep movsb", which QEMU's TCG runs a byte per round of its
 * loop, and the copy into the buffer came before the one write() makes.
 */
#define OUT_DIRECT	2048

/* Outputs holding unwritten bytes, to write at the end of a batch. */
static struct kt_out *dirty;
static int out_errno;

static void out_grow(struct kt_out *o, size_t more)
{
	size_t cap = o->cap ? o->cap : 4096;
	char *p;

	if (o->len + more <= o->cap)
		return;
	while (cap < o->len + more)
		cap *= 2;
	p = realloc(o->buf, cap);
	if (!p) {
		ktrace_err("out of memory");
		exit(1);
	}
	o->buf = p;
	o->cap = cap;
}

bool kt_out_append;

/*
 * -o '|COMMAND' or -o '!COMMAND', as strace: the output goes down a pipe
 * to COMMAND, run by /bin/sh, which kt_out_close() waits for.  The pipe's
 * end is close-on-exec: the traced command does not hold it open.
 */
static int out_pipe(struct kt_out *o, const char *path)
{
	int fd[2];
	pid_t pid;

	if (pipe2(fd, O_CLOEXEC)) {
		ktrace_err("%s: %s", path, strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		ktrace_err("%s: %s", path, strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (!pid) {
		if (dup2(fd[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", path + 1, (char *)NULL);
		_exit(127);
	}
	close(fd[0]);
	o->fd = fd[1];
	o->pid = pid;
	o->name = strdup(path);
	o->own = true;
	return 0;
}

/*
 * @path, a file (not a command), opened to append if @append: 0, or -1
 * with errno set and nothing said (the caller may retry).
 */
int kt_out_open_file(struct kt_out *o, const char *path, bool append)
{
	memset(o, 0, sizeof(*o));
	o->fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
		     (append ? O_APPEND : O_TRUNC), 0666);
	if (o->fd < 0)
		return -1;
	o->name = strdup(path);
	o->tty = isatty(o->fd);
	o->own = true;
	return 0;
}

int kt_out_open(struct kt_out *o, const char *path)
{
	int e;

	memset(o, 0, sizeof(*o));
	if (path[0] == '|' || path[0] == '!')
		return out_pipe(o, path);
	if (kt_out_open_file(o, path, kt_out_append)) {
		e = errno;
		ktrace_err("%s: %s", path, strerror(e));
		errno = e;
		return -1;
	}
	return 0;
}

/* Is @path the file open as @fd? */
bool kt_same_file(int fd, const char *path)
{
	struct stat a, b;

	return !fstat(fd, &a) && !stat(path, &b) && a.st_dev == b.st_dev &&
	       a.st_ino == b.st_ino;
}

void kt_out_fd(struct kt_out *o, int fd, const char *name)
{
	memset(o, 0, sizeof(*o));
	o->fd = fd;
	o->name = strdup(name);
	o->tty = isatty(fd);
}

static void out_fail(struct kt_out *o, int err)
{
	if (out_errno)
		return;
	out_errno = err;
	if (err != EPIPE)
		ktrace_err("writing %s: %s", o->name ? o->name : "output",
			   strerror(err));
}

/* Write @len bytes at @p to @o's file, all of them or fail. */
static void out_all(struct kt_out *o, const char *p, size_t len)
{
	size_t done = 0;
	ssize_t n;

	while (done < len && !out_errno) {
		n = write(o->fd, p + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			out_fail(o, n < 0 ? errno : EIO);
			break;
		}
		done += n;
	}
}

int kt_out_flush(struct kt_out *o)
{
	out_all(o, o->buf, o->len);
	o->len = 0;
	return out_errno ? -1 : 0;
}

void kt_out_write(struct kt_out *o, const void *p, size_t n)
{
	if (out_errno)
		return;
	/*
	 * A long run (ktrace record's records, side by side in a ring)
	 * goes out as it is, after what the buffer holds: no copy.
	 */
	if (n >= OUT_DIRECT && !o->tty) {
		kt_out_flush(o);
		out_all(o, p, n);
		return;
	}
	if (!o->len && !o->dirty) {
		o->dirty = true;
		o->next = dirty;
		dirty = o;
	}
	out_grow(o, n);
	memcpy(o->buf + o->len, p, n);
	o->len += n;
	if (o->len >= OUT_HIGH || (o->tty && memchr(p, '\n', n)))
		kt_out_flush(o);
}

void kt_out_puts(struct kt_out *o, const char *s)
{
	kt_out_write(o, s, strlen(s));
}

void kt_out_printf(struct kt_out *o, const char *fmt, ...)
{
	char small[256], *big = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(small)) {
		va_start(ap, fmt);
		n = vasprintf(&big, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
	}
	kt_out_write(o, big ? big : small, n);
	free(big);
}

/* Write what every output holds: the end of a batch. */
int kt_out_flush_all(void)
{
	struct kt_out *o;

	while (dirty) {
		o = dirty;
		dirty = o->next;
		o->dirty = false;
		o->next = NULL;
		kt_out_flush(o);
	}
	return out_errno ? -1 : 0;
}

int kt_out_close(struct kt_out *o)
{
	struct kt_out **p;
	int ret = kt_out_flush(o);

	for (p = &dirty; *p; p = &(*p)->next) {
		if (*p == o) {
			*p = o->next;
			break;
		}
	}
	if (o->own && close(o->fd) && !ret) {
		out_fail(o, errno);
		ret = -1;
	}
	/* -o '|COMMAND': it has read all, and ends, before we do. */
	while (o->pid && waitpid(o->pid, NULL, 0) < 0 && errno == EINTR)
		;
	free(o->buf);
	free(o->name);
	memset(o, 0, sizeof(*o));
	o->fd = -1;
	return ret;
}

/* 0, or the errno of the first failed write (EPIPE: the reader left). */
int kt_out_error(void)
{
	return out_errno;
}

/*
 * An output that could not be opened, already reported: the trace cannot
 * be written, and ends as after a write error.
 */
void kt_out_stop(int err)
{
	if (!out_errno)
		out_errno = err;
}
