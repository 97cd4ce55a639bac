// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the file descriptor tables of the events stage (events.h),
 * kept from the trace itself so that -y prints what a descriptor was when
 * the call ran, also once its process is gone.  A table is an array by
 * descriptor number; each slot is open (with its path as strace's -y
 * prints it), closed, or not seen: a descriptor from before the trace,
 * looked up in /proc in a live session and kept once found.  The array
 * is made of chunks of FD_CHUNK slots, each made when a slot of it is
 * first needed, so that a process with one high descriptor costs two
 * chunks, not a slot for every number below it, in each of its forks.
 * With -yy a
 * live session also prints a device's numbers after its path, from stat()
 * of the path when the descriptor is first printed.
 *
 * The calls that change a table: open, openat, openat2, creat, dup, dup2,
 * dup3, fcntl F_DUPFD, F_DUPFD_CLOEXEC and F_SETFD, ioctl FIOCLEX and
 * FIONCLEX, pipe, pipe2, socket, socketpair, accept, accept4, eventfd,
 * signalfd, timerfd_create, epoll_create, inotify_init, fanotify_init,
 * memfd_create, pidfd_open, userfaultfd, perf_event_open, io_uring_setup,
 * fsopen, fspick, fsmount, open_tree, move_mount (a mount's descriptor
 * moves with it), bpf (the commands that make a descriptor), close,
 * close_range, chdir and fchdir (the working directory, for relative
 * paths).  events.c adds fork (a copy; shared by threads and CLONE_FILES)
 * and exec (close-on-exec descriptors closed).
 *
 * A call's changes are prepared before its event goes out and applied
 * after it: during the event the descriptors it made read as they are
 * after the call, the others as they were before.
 *
 * A socket's address family is kept too (socket's and socketpair's
 * argument, accept's listener's, dup's original): strace decodes a buffer
 * sent on a netlink socket as netlink messages without -y, so the text
 * sinks keep the tables always, with KT_FDS_LIGHT when no path is asked
 * for: what is open and what each socket is, no path resolved, /proc
 * asked only for the family of a socket from before the trace.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/netlink_diag.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>

#include "ktrace.h"
#include "decode.h"
#include "events.h"

/* No table grows past this many descriptors. */
#define FD_MAX		(1 << 20)
#define FD_CHUNK_BITS	8
#define FD_CHUNK	(1 << FD_CHUNK_BITS)
#define KT_O_CLOEXEC		02000000	/* O_, SOCK_, EFD_, ... CLOEXEC */
#define KT_AT_FDCWD	(-100)

enum fd_state {
	FD_UNSEEN,	/* from before the trace, or never used */
	FD_OPEN,
	FD_CLOSED,
};

struct fd_ent {
	unsigned char state;	/* enum fd_state */
	bool cloexec;
	bool socket;		/* -yy looks it up in /proc/net */
	char *path;		/* as -y prints it, or NULL: not known */
	char *sock;		/* -yy: the last description found */
	char *dev;		/* -yy: "PATH<char 1:3>", or NULL: not a device */
	bool dev_seen;		/* -yy: dev is what stat() said */
	char proto[16];		/* -yy: "TCP", "UNIX-STREAM"..., or "" */
	int pidfd_pid;		/* a pidfd: its process, or 0 */
	short family;		/* a socket's AF_*, or 0: not known */
	bool family_asked;	/* /proc asked for it (a live session) */
	unsigned char nlproto;	/* a netlink socket's NETLINK_*: NLPROTO_* */
	bool nl_bound;		/* and it is bound (bind, connect): listed */
};

/*
 * Nor all tables together past this many chunks (about 150 MB): a
 * recording that scatters descriptors and then forks would otherwise
 * copy them all at each fork.  Past it a descriptor prints bare, and a
 * fork's table is not copied (the child's is made afresh).
 */
#define FD_CHUNKS_MAX	8192
static unsigned int fd_chunks;

static struct fd_ent *chunk_alloc(void)
{
	struct fd_ent *c;

	if (fd_chunks >= FD_CHUNKS_MAX)
		return NULL;
	c = calloc(FD_CHUNK, sizeof(*c));
	if (c)
		fd_chunks++;
	return c;
}

static void chunk_free(struct fd_ent *c)
{
	if (!c)
		return;
	free(c);
	fd_chunks--;
}

/* struct fd_ent.nlproto: the protocol + 1, or not known. */
#define NLPROTO_UNKNOWN	0
#define NLPROTO_ASKED	0xff	/* /proc asked, and did not say */

/* What a call changes, until applied. */
struct fd_new {
	int fd;
	bool moved;		/* its mount moved: the call reads the old path */
	struct fd_ent e;
};

struct kt_fdtab {
	unsigned int refs;
	unsigned int nchunks;
	struct fd_ent **chunk;	/* [nchunks], each FD_CHUNK slots or NULL */
	char *cwd;		/* the working directory, or NULL */
	/* pending */
	unsigned int nnew;
	struct fd_new new[2];
	int close_lo, close_hi;	/* closed: close_lo <= fd <= close_hi */
	int cloexec_fd;		/* F_SETFD, FIOCLEX: fd's flag, or -1 */
	int bound_fd;		/* bind, connect: the socket, or -1 */
	bool cloexec_val;
	bool range_cloexec;	/* close_range(CLOSE_RANGE_CLOEXEC) */
	bool cwd_set;
	char *new_cwd;
};

struct kt_fdtab *kt_fdtab_new(void)
{
	struct kt_fdtab *t = calloc(1, sizeof(*t));

	if (!t)
		return NULL;
	t->refs = 1;
	t->close_lo = 1;
	t->close_hi = 0;
	t->cloexec_fd = -1;
	t->bound_fd = -1;
	return t;
}

unsigned int kt_fdtab_refs(const struct kt_fdtab *t)
{
	return t->refs;
}

struct kt_fdtab *kt_fdtab_get(struct kt_fdtab *t)
{
	t->refs++;
	return t;
}

static void ent_clear(struct fd_ent *e)
{
	free(e->path);
	free(e->sock);
	free(e->dev);
	memset(e, 0, sizeof(*e));
}

static void pending_clear(struct kt_fdtab *t)
{
	unsigned int i;

	for (i = 0; i < t->nnew; i++)
		ent_clear(&t->new[i].e);
	t->nnew = 0;
	t->close_lo = 1;
	t->close_hi = 0;
	t->cloexec_fd = -1;
	t->bound_fd = -1;
	t->range_cloexec = false;
	t->cwd_set = false;
	free(t->new_cwd);
	t->new_cwd = NULL;
}

void kt_fdtab_put(struct kt_fdtab *t)
{
	unsigned int c, i;

	if (!t || --t->refs)
		return;
	pending_clear(t);
	for (c = 0; c < t->nchunks; c++) {
		if (!t->chunk[c])
			continue;
		for (i = 0; i < FD_CHUNK; i++)
			ent_clear(&t->chunk[c][i]);
		chunk_free(t->chunk[c]);
	}
	free(t->chunk);
	free(t->cwd);
	free(t);
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

struct kt_fdtab *kt_fdtab_copy(const struct kt_fdtab *o)
{
	struct kt_fdtab *t = kt_fdtab_new();
	struct fd_ent *d;
	unsigned int c, i;

	if (!t)
		return NULL;
	t->chunk = calloc(o->nchunks ? o->nchunks : 1, sizeof(*t->chunk));
	if (!t->chunk) {
		free(t);
		return NULL;
	}
	t->nchunks = o->nchunks;
	for (c = 0; c < o->nchunks; c++) {
		if (!o->chunk[c])
			continue;
		d = chunk_alloc();
		if (!d) {
			kt_fdtab_put(t);
			return NULL;
		}
		t->chunk[c] = d;
		for (i = 0; i < FD_CHUNK; i++) {
			d[i] = o->chunk[c][i];
			d[i].path = dup_or_null(d[i].path);
			d[i].sock = dup_or_null(d[i].sock);
			d[i].dev = dup_or_null(d[i].dev);
		}
	}
	t->cwd = dup_or_null(o->cwd);
	return t;
}

/* The slot of fd, or NULL when the table never held one near it. */
static struct fd_ent *ent_at(const struct kt_fdtab *t, int fd)
{
	unsigned int c = (unsigned int)fd >> FD_CHUNK_BITS;

	if (fd < 0 || c >= t->nchunks || !t->chunk[c])
		return NULL;
	return &t->chunk[c][fd & (FD_CHUNK - 1)];
}

/* The slot of fd, the table grown to hold it; NULL when out of range. */
static struct fd_ent *slot(struct kt_fdtab *t, int fd)
{
	unsigned int c = (unsigned int)fd >> FD_CHUNK_BITS, n;
	struct fd_ent **p;

	if (fd < 0 || fd >= FD_MAX)
		return NULL;
	if (c >= t->nchunks) {
		n = t->nchunks ? t->nchunks : 1;
		while (n <= c)
			n *= 2;
		p = realloc(t->chunk, n * sizeof(*p));
		if (!p)
			return NULL;
		memset(p + t->nchunks, 0, (n - t->nchunks) * sizeof(*p));
		t->chunk = p;
		t->nchunks = n;
	}
	if (!t->chunk[c]) {
		t->chunk[c] = chunk_alloc();
		if (!t->chunk[c])
			return NULL;
	}
	return &t->chunk[c][fd & (FD_CHUNK - 1)];
}

void kt_fdtab_exec(struct kt_fdtab *t)
{
	unsigned int c, i;
	struct fd_ent *e;

	for (c = 0; c < t->nchunks; c++) {
		for (i = 0; t->chunk[c] && i < FD_CHUNK; i++) {
			e = &t->chunk[c][i];
			if (e->state != FD_OPEN || !e->cloexec)
				continue;
			ent_clear(e);
			e->state = FD_CLOSED;
		}
	}
}

/* /proc/TGID/fd/FD's link, or NULL. */
static const char *proc_link(pid_t tgid, int fd)
{
	return tgid > 0 ? kt_proc_fd_path(tgid, fd) : NULL;
}

/* The family of a socket of the protocol the kernel names (sockprotoname) */
static int proto_family(const char *proto)
{
	static const struct {
		const char *prefix;
		int family;
	} fams[] = {
		{ "NETLINK", AF_NETLINK }, { "UNIX", AF_UNIX },
		{ "PACKET", AF_PACKET }, { "TCPv6", AF_INET6 },
		{ "UDPv6", AF_INET6 }, { "UDPLITEv6", AF_INET6 },
		{ "RAWv6", AF_INET6 }, { "PINGv6", AF_INET6 },
		{ "TCP", AF_INET }, { "UDP", AF_INET }, { "UDPLITE", AF_INET },
		{ "RAW", AF_INET }, { "PING", AF_INET },
	};
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(fams); i++) {
		n = strlen(fams[i].prefix);
		/* "UNIX-STREAM"...: the UNIX ones carry their type. */
		if (!strncmp(proto, fams[i].prefix, n) &&
		    (!proto[n] || (proto[n] == '-' && fams[i].family == AF_UNIX)))
			return fams[i].family;
	}
	return 0;
}

/*
 * -yy: the socket's protocol as the kernel names it ("TCP",
 * "UNIX-STREAM"), which strace prints with the inode when it can find
 * nothing more.
 */
static void proc_proto(pid_t tgid, int fd, char *proto, size_t size)
{
	char link[64];
	ssize_t n;

	snprintf(link, sizeof(link), "/proc/%d/fd/%d", tgid, fd);
	n = getxattr(link, "system.sockprotoname", proto, size - 1);
	proto[n > 0 ? n : 0] = '\0';
}

static void sock_proto(struct fd_ent *e, pid_t tgid, int fd)
{
	proc_proto(tgid, fd, e->proto, sizeof(e->proto));
}

/*
 * -yy: the protocol the kernel names a socket of @family, @type and
 * @protocol (socket()'s arguments) by, for one /proc no longer shows:
 * the common ones.
 */
static void args_proto(struct fd_ent *e, int family, int type, int protocol)
{
	const char *v6 = family == AF_INET6 ? "v6" : "";
	const char *p = NULL;

	if (family == AF_INET || family == AF_INET6) {
		if (type == SOCK_STREAM && (!protocol || protocol == IPPROTO_TCP))
			p = "TCP";
		else if (type == SOCK_DGRAM &&
			 (!protocol || protocol == IPPROTO_UDP))
			p = "UDP";
	} else if (family == AF_UNIX) {
		p = type == SOCK_STREAM ? "UNIX-STREAM" : "UNIX";
	} else if (family == AF_NETLINK) {
		p = "NETLINK";
	}
	if (p)
		snprintf(e->proto, sizeof(e->proto), "%s%s", p, v6);
}

/* Inode @i of those the call made (KTRACE_BLOB_INODES), or 0. */
static uint64_t sc_inode(const struct kt_syscall *sc, unsigned int i)
{
	uint64_t ino = 0;

	if (sc->inodes.data && sc->inodes.len >= (i + 1) * sizeof(ino))
		memcpy(&ino, sc->inodes.data + i * sizeof(ino), sizeof(ino));
	return ino;
}

/*
 * A live process first seen: the descriptors it has (from before the
 * trace, or opened since by calls not read yet, which their events
 * overwrite), their close-on-exec flags and its working directory, while
 * /proc has them, so that a child forked from it and gone before ktrace
 * prints its lines still shows them.
 */
/* The process of a pidfd from before the trace: its fdinfo's "Pid:". */
static int proc_pidfd_pid(pid_t tgid, int fd)
{
	char info[96], line[128];
	int pid = 0;
	FILE *f;

	snprintf(info, sizeof(info), "/proc/%d/fdinfo/%d", tgid, fd);
	f = fopen(info, "re");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "Pid: %d", &pid) == 1)
			break;
	if (f)
		fclose(f);
	return pid > 0 ? pid : 0;
}

static bool is_pidfd_link(const char *p)
{
	return !strcmp(p, "anon_inode:[pidfd]");
}

void kt_fdtab_snapshot(struct kt_fdtab *t, pid_t tgid)
{
	char dir[64], info[96], line[128];
	struct fd_ent *e;
	struct dirent *d;
	const char *p;
	unsigned int flags;
	DIR *dp;
	FILE *f;
	int fd;

	if (tgid <= 0)
		return;
	p = proc_link(tgid, KT_AT_FDCWD);
	if (p && !t->cwd)
		t->cwd = strdup(p);
	snprintf(dir, sizeof(dir), "/proc/%d/fd", tgid);
	dp = opendir(dir);
	if (!dp)
		return;
	while ((d = readdir(dp))) {
		if (d->d_name[0] < '0' || d->d_name[0] > '9')
			continue;
		fd = atoi(d->d_name);
		p = proc_link(tgid, fd);
		e = p ? slot(t, fd) : NULL;
		if (!e || e->state != FD_UNSEEN)
			continue;
		e->state = FD_OPEN;
		e->path = strdup(p);
		e->socket = !strncmp(p, "socket:", 7);
		if (e->socket) {
			sock_proto(e, tgid, fd);
			e->family = (short)proto_family(e->proto);
			e->family_asked = true;
		}
		if (e->family == AF_NETLINK) {
			int proto = kt_proc_nlproto(tgid, fd, &e->nl_bound);

			e->nlproto = proto >= 0 && proto < 0xfe ?
				     (unsigned char)(proto + 1) : NLPROTO_ASKED;
		}
		if (is_pidfd_link(p))
			e->pidfd_pid = proc_pidfd_pid(tgid, fd);
		snprintf(info, sizeof(info), "/proc/%d/fdinfo/%d", tgid, fd);
		f = fopen(info, "re");
		while (f && fgets(line, sizeof(line), f))
			if (sscanf(line, "flags: %o", &flags) == 1)
				e->cloexec = flags & KT_O_CLOEXEC;
		if (f)
			fclose(f);
	}
	closedir(dp);
}

/*
 * base/rel with ".", ".." and repeated slashes resolved by name, as the
 * kernel would without symbolic links; a live session then asks the file
 * system (realpath()) for the links too, when the file is still there.
 */
static char *resolve(const char *base, const char *rel, bool live)
{
	char *buf, *out, *p, *q, *seg;
	size_t n;

	/* Relative to a directory only, not to a pipe or unknown. */
	if (rel[0] != '/' && (!base || base[0] != '/'))
		return NULL;
	n = (rel[0] == '/' ? 0 : strlen(base)) + strlen(rel) + 3;
	buf = malloc(n);
	out = malloc(n);
	if (!buf || !out) {
		free(buf);
		free(out);
		return NULL;
	}
	if (rel[0] == '/')
		snprintf(buf, n, "%s", rel);
	else
		snprintf(buf, n, "%s/%s", base, rel);
	q = out;
	for (seg = strtok_r(buf, "/", &p); seg; seg = strtok_r(NULL, "/", &p)) {
		if (!strcmp(seg, "."))
			continue;
		if (!strcmp(seg, "..")) {
			while (q > out && *--q != '/')
				;
			*q = '\0';
			continue;
		}
		*q++ = '/';
		strcpy(q, seg);
		q += strlen(seg);
	}
	if (q == out)
		*q++ = '/';
	*q = '\0';
	free(buf);
	/* Longer than the kernel takes: not a path any call resolved. */
	if (q - out >= PATH_MAX) {
		free(out);
		return NULL;
	}
	/* ktrace's own /proc/self and /dev/std* are not the tracee's. */
	if (live && strncmp(out, "/proc/", 6) && strncmp(out, "/dev/fd/", 8) &&
	    strncmp(out, "/dev/std", 8)) {
		char real[PATH_MAX];

		if (realpath(out, real)) {
			free(out);
			return strdup(real);
		}
	}
	return out;
}

/* The path a descriptor of the table had, without pending changes. */
static const char *table_path(struct kt_fdtab *t, pid_t tgid,
			      unsigned int flags, int fd);

static const char *cwd_of(struct kt_fdtab *t, pid_t tgid, unsigned int flags)
{
	const char *p;

	if (!t->cwd && (flags & KT_FDS_PROC)) {
		p = proc_link(tgid, KT_AT_FDCWD);
		if (p)
			t->cwd = strdup(p);
	}
	return t->cwd;
}

/* A string blob of the call, or NULL. */
static const char *blob_str(const struct kt_syscall *sc, int i, char *buf,
			    size_t size)
{
	const struct kt_blob *b = &sc->blob[i];

	if (!b->data || !(b->flags & KT_BLOB_STRING) ||
	    (b->flags & KT_BLOB_TRUNCATED) || b->len >= size ||
	    memchr(b->data, 0, b->len))
		return NULL;
	memcpy(buf, b->data, b->len);
	buf[b->len] = '\0';
	return buf;
}

/* Two int descriptors written by the call at argument i (pipe...). */
static bool blob_fds(const struct kt_syscall *sc, int i, int fds[2])
{
	const struct kt_blob *b = &sc->blob[i];

	if (!b->data || b->len < 2 * sizeof(int))
		return false;
	memcpy(fds, b->data, 2 * sizeof(int));
	return true;
}

static struct fd_ent *add_new(struct kt_fdtab *t, int fd, bool cloexec)
{
	struct fd_new *n;

	if (fd < 0 || fd >= FD_MAX || t->nnew >= ARRAY_SIZE(t->new))
		return NULL;
	n = &t->new[t->nnew++];
	memset(n, 0, sizeof(*n));
	n->fd = fd;
	n->e.state = FD_OPEN;
	n->e.cloexec = cloexec;
	return &n->e;
}

/*
 * A new descriptor.  In a live session, what /proc names it while it is
 * there to ask and of the kind @prefix says ("socket:", "anon_inode:");
 * given its inode @ino from the record (KTRACE_BLOB_INODES, ABI 1.18),
 * only if /proc shows that very file (a number reused since is another
 * file's) and PREFIX[INO] otherwise; without, the kind's @name (or none).
 */
static struct fd_ent *add_desc(struct kt_fdtab *t, pid_t tgid,
			       unsigned int flags, int fd, bool cloexec,
			       const char *name, const char *prefix,
			       uint64_t ino)
{
	struct fd_ent *e = add_new(t, fd, cloexec);
	char made[48];
	const char *p = NULL;

	if (!e)
		return NULL;
	e->socket = prefix && !strcmp(prefix, "socket:");
	if (flags & KT_FDS_LIGHT)
		return e;
	if (ino) {
		snprintf(made, sizeof(made), "%s[%llu]", prefix,
			 (unsigned long long)ino);
		name = made;
	}
	if (flags & KT_FDS_PROC) {
		p = proc_link(tgid, fd);
		if (p && (ino ? strcmp(p, made) :
			  prefix && strncmp(p, prefix, strlen(prefix))))
			p = NULL;
	}
	/* -yy: the protocol from /proc, only where it showed this socket. */
	if (p && e->socket && (flags & KT_FDS_SOCKETS))
		sock_proto(e, tgid, fd);
	e->path = dup_or_null(p ? p : name);
	return e;
}

/* A descriptor of a kind the trace names (anon_inode:[eventfd], ...). */
static struct fd_ent *add_kind(struct kt_fdtab *t, pid_t tgid,
			       unsigned int flags, int fd, bool cloexec,
			       const char *name, const char *prefix)
{
	return add_desc(t, tgid, flags, fd, cloexec, name, prefix, 0);
}

/* The kinds of calls, by what they do to the table. */
enum fd_op {
	OP_NONE = 1,
	OP_OPEN, OP_OPENAT, OP_OPENAT2, OP_CREAT, OP_OPEN_UNKNOWN,
	OP_DUP, OP_DUP2, OP_DUP3, OP_FCNTL, OP_IOCTL,
	OP_PIPE, OP_PIPE2, OP_SOCKET, OP_SOCKETPAIR, OP_ACCEPT, OP_ACCEPT4,
	OP_EVENTFD, OP_EVENTFD2, OP_SIGNALFD, OP_SIGNALFD4, OP_TIMERFD,
	OP_EPOLL, OP_EPOLL1, OP_INOTIFY, OP_INOTIFY1, OP_FANOTIFY, OP_MEMFD,
	OP_PIDFD, OP_USERFAULTFD, OP_PERF, OP_IO_URING,
	OP_FSOPEN, OP_FSPICK, OP_FSMOUNT, OP_OPEN_TREE, OP_BPF,
	/* from here on, calls that make no descriptor */
	OP_CLOSE, OP_CLOSE_RANGE, OP_CHDIR, OP_FCHDIR, OP_MOVE_MOUNT,
	OP_BIND,	/* bind, connect: a netlink socket is bound then */
};

static const struct {
	const char *name;
	enum fd_op op;
} fd_ops[] = {
	{ "open", OP_OPEN }, { "openat", OP_OPENAT }, { "openat2", OP_OPENAT2 },
	{ "creat", OP_CREAT }, { "open_by_handle_at", OP_OPEN_UNKNOWN },
	{ "pidfd_getfd", OP_OPEN_UNKNOWN }, { "fsopen", OP_FSOPEN },
	{ "fsmount", OP_FSMOUNT }, { "open_tree", OP_OPEN_TREE },
	{ "fspick", OP_FSPICK }, { "move_mount", OP_MOVE_MOUNT },
	{ "bpf", OP_BPF },
	{ "memfd_secret", OP_OPEN_UNKNOWN },
	{ "dup", OP_DUP }, { "dup2", OP_DUP2 }, { "dup3", OP_DUP3 },
	{ "fcntl", OP_FCNTL }, { "fcntl64", OP_FCNTL }, { "ioctl", OP_IOCTL },
	{ "pipe", OP_PIPE }, { "pipe2", OP_PIPE2 },
	{ "socket", OP_SOCKET }, { "socketpair", OP_SOCKETPAIR },
	{ "accept", OP_ACCEPT }, { "accept4", OP_ACCEPT4 },
	{ "eventfd", OP_EVENTFD }, { "eventfd2", OP_EVENTFD2 },
	{ "signalfd", OP_SIGNALFD }, { "signalfd4", OP_SIGNALFD4 },
	{ "timerfd_create", OP_TIMERFD },
	{ "epoll_create", OP_EPOLL }, { "epoll_create1", OP_EPOLL1 },
	{ "inotify_init", OP_INOTIFY }, { "inotify_init1", OP_INOTIFY1 },
	{ "fanotify_init", OP_FANOTIFY }, { "memfd_create", OP_MEMFD },
	{ "pidfd_open", OP_PIDFD }, { "userfaultfd", OP_USERFAULTFD },
	{ "perf_event_open", OP_PERF }, { "io_uring_setup", OP_IO_URING },
	{ "close", OP_CLOSE }, { "close_range", OP_CLOSE_RANGE },
	{ "chdir", OP_CHDIR }, { "fchdir", OP_FCHDIR },
	{ "bind", OP_BIND }, { "connect", OP_BIND },
};

/* What each call does to the table, looked up by name once per number. */
static unsigned char known[KTRACE_ABI_COUNT][KTRACE_NR_MAX];

static enum fd_op op_lookup(unsigned int abi, unsigned int nr)
{
	const char *name;
	size_t i;

	known[abi][nr] = OP_NONE;
	name = ktrace_syscall_name(kt_cli_abi(abi), nr);
	for (i = 0; name && i < ARRAY_SIZE(fd_ops); i++)
		if (!strcmp(fd_ops[i].name, name))
			known[abi][nr] = fd_ops[i].op;
	return known[abi][nr];
}

/* Every call asks: the lookup is out of line. */
static inline enum fd_op op_of(unsigned int abi, unsigned int nr)
{
	if (abi >= KTRACE_ABI_COUNT || nr >= KTRACE_NR_MAX)
		return OP_NONE;
	return known[abi][nr] ? known[abi][nr] : op_lookup(abi, nr);
}

bool kt_fdtab_changes(unsigned int abi, unsigned int nr)
{
	return op_of(abi, nr) != OP_NONE;
}

#define KT_F_DUPFD		0
#define KT_F_SETFD		2
#define KT_F_DUPFD_CLOEXEC	1030
#define KT_FIONCLEX		0x5450
#define KT_FIOCLEX		0x5451
#define KT_CLOSE_RANGE_CLOEXEC	4
#define KT_MFD_CLOEXEC		1
#define KT_PERF_FLAG_FD_CLOEXEC	8
#define KT_FS_CLOEXEC		1	/* FSOPEN_, FSPICK_, FSMOUNT_CLOEXEC */
#define KT_OPEN_TREE_CLONE	1
/*
 * open_tree's flags for a descriptor of the path or a clone of its mount:
 * CLONE, CLOEXEC, AT_SYMLINK_NOFOLLOW, AT_NO_AUTOMOUNT, AT_EMPTY_PATH and
 * AT_RECURSIVE
 */
#define KT_OPEN_TREE_KNOWN	(KT_OPEN_TREE_CLONE | KT_O_CLOEXEC | 0x100 | \
				 0x800 | 0x1000 | 0x8000)
#define KT_MOVE_MOUNT_F_EMPTY_PATH	4

/* A path argument opened: relative to dirfd (or the working directory). */
static void open_path(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		      int fd, bool cloexec, int dirfd, const char *path)
{
	struct fd_ent *e = add_new(t, fd, cloexec);
	const char *base = NULL;

	if (!e || (flags & KT_FDS_LIGHT))
		return;
	if (!path) {
		/* Not captured: only /proc can tell. */
		e->state = FD_UNSEEN;
		return;
	}
	if (path[0] != '/')
		base = dirfd == KT_AT_FDCWD ? cwd_of(t, tgid, flags) :
		       table_path(t, tgid, flags, dirfd);
	e->path = resolve(base, path, flags & KT_FDS_PROC);
	if (!e->path)
		e->state = FD_UNSEEN;
}

/*
 * bpf(cmd, ...): the descriptor of a map, program, BTF object, link,
 * iterator or statistics the command made, close-on-exec, as the kernel
 * names its anon inode; BPF_OBJ_GET's (any of them) as /proc tells.  The
 * other commands make none.
 */
static void bpf_fd(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		   uint32_t cmd, int fd)
{
	static const char *const kinds[] = {
		[0] = "anon_inode:bpf-map",	/* BPF_MAP_CREATE */
		[5] = "anon_inode:bpf-prog",	/* BPF_PROG_LOAD */
		[13] = "anon_inode:bpf-prog",	/* BPF_PROG_GET_FD_BY_ID */
		[14] = "anon_inode:bpf-map",	/* BPF_MAP_GET_FD_BY_ID */
		[17] = "anon_inode:bpf_link",	/* BPF_RAW_TRACEPOINT_OPEN */
		[18] = "anon_inode:btf",	/* BPF_BTF_LOAD */
		[19] = "anon_inode:btf",	/* BPF_BTF_GET_FD_BY_ID */
		[28] = "anon_inode:bpf_link",	/* BPF_LINK_CREATE */
		[30] = "anon_inode:bpf_link",	/* BPF_LINK_GET_FD_BY_ID */
		[32] = "anon_inode:bpf-stats",	/* BPF_ENABLE_STATS */
		[33] = "anon_inode:bpf_iter",	/* BPF_ITER_CREATE */
	};

	if (cmd == 7) {		/* BPF_OBJ_GET */
		if (add_new(t, fd, true))
			t->new[t->nnew - 1].e.state = FD_UNSEEN;
	} else if (cmd < ARRAY_SIZE(kinds) && kinds[cmd]) {
		add_kind(t, tgid, flags, fd, true, kinds[cmd], "anon_inode:");
	}
}

/* Copy what fd old is (before the call) to new fd nfd. */
static void dup_fd(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		   int old, int nfd, bool cloexec)
{
	const char *p = NULL;
	struct fd_ent *e = add_new(t, nfd, cloexec), *o;

	if (!e)
		return;
	if (!(flags & KT_FDS_LIGHT))
		p = table_path(t, tgid, flags, old);
	o = ent_at(t, old);
	if (o && o->state == FD_OPEN) {
		e->socket = o->socket;
		e->pidfd_pid = o->pidfd_pid;
	}
	if (o) {
		e->family = o->family;
		e->family_asked = o->family_asked;
		e->nlproto = o->nlproto;
		e->nl_bound = o->nl_bound;
	}
	if (flags & KT_FDS_LIGHT) {
		/* Not seen: its copy is asked for in /proc when needed. */
		if (!o || o->state != FD_OPEN)
			e->state = FD_UNSEEN;
		return;
	}
	e->path = dup_or_null(p);
	if (!p)
		e->state = FD_UNSEEN;
}

/* The family a socket of the table is known to have, or 0. */
static int known_family(const struct kt_fdtab *t, int fd)
{
	const struct fd_ent *e = ent_at(t, fd);

	return e && e->state != FD_CLOSED ? e->family : 0;
}

/*
 * The root of a mount not attached yet (fsmount's, open_tree's clone),
 * "/" as d_path() names it then; not from /proc, which by the time the
 * event is read may name where move_mount put it.
 */
static void detached_mount(struct kt_fdtab *t, int fd, bool cloexec)
{
	struct fd_ent *e = add_new(t, fd, cloexec);

	if (e)
		e->path = dup_or_null("/");
}

/*
 * move_mount(fd, "", ..., MOVE_MOUNT_F_EMPTY_PATH): the mount fd holds
 * (fsmount's, open_tree's) is now at the target path, which /proc names
 * it by after the call (the call's own line has the path before).
 */
static void move_mount(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		       const struct kt_syscall *sc)
{
	const uint64_t *a = sc->args;
	const struct fd_ent *o = ent_at(t, (int)a[0]);
	char from[2], to[4096];
	const char *s = blob_str(sc, 3, to, sizeof(to)), *base = NULL;
	struct fd_ent *e;

	if (!(a[4] & KT_MOVE_MOUNT_F_EMPTY_PATH) || (int)a[0] < 0 || !s ||
	    !blob_str(sc, 1, from, sizeof(from)) || from[0])
		return;
	e = add_new(t, (int)a[0], o && o->state == FD_OPEN && o->cloexec);
	if (!e)
		return;
	t->new[t->nnew - 1].moved = true;
	if (s[0] != '/')
		base = (int)a[2] == KT_AT_FDCWD ? cwd_of(t, tgid, flags) :
		       table_path(t, tgid, flags, (int)a[2]);
	e->path = resolve(base, s, flags & KT_FDS_PROC);
	if (!e->path)
		e->state = FD_UNSEEN;
}

void kt_fdtab_prepare(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		      const struct kt_event *e)
{
	enum fd_op op = op_of(e->sys.abi, e->sys.nr);
	struct kt_blob argv[KT_ARGV_MAX];
	struct kt_syscall sc;
	const uint64_t *a = e->sys.args;
	int ret = (int)e->sys.ret, fds[2];
	char path[4096];
	const char *s;

	/* What a call copies (dup's path, a directory) is the bare path. */
	flags &= ~(KT_FDS_DEVS | KT_FDS_DEV_ONLY | KT_FDS_PIDFD);
	pending_clear(t);
	if (op == OP_NONE || e->sys.end != KT_SYS_RETURNED || e->sys.ret < 0)
		return;
	if (!e->sys.enter_seen) {
		/* Its arguments unseen: a descriptor it returned is not known. */
		if (op != OP_DUP2 && op != OP_DUP3 && op != OP_FCNTL &&
		    op != OP_IOCTL && op != OP_PIPE && op != OP_PIPE2 &&
		    op != OP_SOCKETPAIR && op != OP_SIGNALFD &&
		    op != OP_SIGNALFD4 && op < OP_CLOSE && add_new(t, ret, false))
			t->new[t->nnew - 1].e.state = FD_UNSEEN;
		return;
	}
	kt_event_syscall(e, &sc, argv);
	switch (op) {
	case OP_OPEN:
		open_path(t, tgid, flags, ret, a[1] & KT_O_CLOEXEC, KT_AT_FDCWD,
			  blob_str(&sc, 0, path, sizeof(path)));
		break;
	case OP_CREAT:
		open_path(t, tgid, flags, ret, false, KT_AT_FDCWD,
			  blob_str(&sc, 0, path, sizeof(path)));
		break;
	case OP_OPENAT:
		open_path(t, tgid, flags, ret, a[2] & KT_O_CLOEXEC, (int)a[0],
			  blob_str(&sc, 1, path, sizeof(path)));
		break;
	case OP_OPENAT2: {
		uint64_t how = 0;

		if (sc.blob[2].data && sc.blob[2].len >= sizeof(how))
			memcpy(&how, sc.blob[2].data, sizeof(how));
		open_path(t, tgid, flags, ret, how & KT_O_CLOEXEC, (int)a[0],
			  blob_str(&sc, 1, path, sizeof(path)));
		break;
	}
	case OP_OPEN_UNKNOWN:
		if (add_new(t, ret, false))
			t->new[t->nnew - 1].e.state = FD_UNSEEN;
		break;
	case OP_DUP:
		dup_fd(t, tgid, flags, (int)a[0], ret, false);
		break;
	case OP_DUP2:
		if ((int)a[0] != (int)a[1])
			dup_fd(t, tgid, flags, (int)a[0], (int)a[1], false);
		break;
	case OP_DUP3:
		dup_fd(t, tgid, flags, (int)a[0], (int)a[1],
		       a[2] & KT_O_CLOEXEC);
		break;
	case OP_FCNTL:
		if ((int)a[1] == KT_F_DUPFD || (int)a[1] == KT_F_DUPFD_CLOEXEC) {
			dup_fd(t, tgid, flags, (int)a[0], ret,
			       (int)a[1] == KT_F_DUPFD_CLOEXEC);
		} else if ((int)a[1] == KT_F_SETFD) {
			t->cloexec_fd = (int)a[0];
			t->cloexec_val = a[2] & 1;
		}
		break;
	case OP_IOCTL:
		if ((unsigned int)a[1] == KT_FIOCLEX ||
		    (unsigned int)a[1] == KT_FIONCLEX) {
			t->cloexec_fd = (int)a[0];
			t->cloexec_val = (unsigned int)a[1] == KT_FIOCLEX;
		}
		break;
	case OP_BIND:
		t->bound_fd = (int)a[0];
		break;
	case OP_PIPE:
	case OP_PIPE2:
		if (blob_fds(&sc, 0, fds)) {
			bool ce = op == OP_PIPE2 && (a[1] & KT_O_CLOEXEC);

			add_desc(t, tgid, flags, fds[0], ce, NULL, "pipe:",
				 sc_inode(&sc, 0));
			add_desc(t, tgid, flags, fds[1], ce, NULL, "pipe:",
				 sc_inode(&sc, 1));
		}
		break;
	case OP_SOCKET:
	case OP_SOCKETPAIR: {
		int n = op == OP_SOCKET ? 1 : 2, i;
		struct fd_ent *sk;

		fds[0] = ret;
		if (op == OP_SOCKETPAIR && !blob_fds(&sc, 3, fds))
			break;
		for (i = 0; i < n; i++) {
			sk = add_desc(t, tgid, flags, fds[i],
				      a[1] & KT_O_CLOEXEC, NULL, "socket:",
				      sc_inode(&sc, i));
			if (!sk)
				continue;
			if (a[0] < AF_MAX)
				sk->family = (short)a[0];
			if (a[0] == AF_NETLINK && a[2] < 0xfe)
				sk->nlproto = (unsigned char)(a[2] + 1);
			if (sk->path && !sk->proto[0] && (flags & KT_FDS_SOCKETS))
				args_proto(sk, (int)a[0], (int)a[1] & 0xf,
					   (int)a[2]);
		}
		break;
	}
	case OP_ACCEPT:
	case OP_ACCEPT4: {
		int family = known_family(t, (int)a[0]);
		struct fd_ent *sk;

		const struct fd_ent *l = ent_at(t, (int)a[0]);

		sk = add_desc(t, tgid, flags, ret,
			      op == OP_ACCEPT4 && (a[3] & KT_O_CLOEXEC),
			      NULL, "socket:", sc_inode(&sc, 0));
		if (sk)
			sk->family = (short)family;
		/* The listener's protocol, when /proc no longer says. */
		if (sk && sk->path && !sk->proto[0] && l && l->proto[0] &&
		    (flags & KT_FDS_SOCKETS))
			memcpy(sk->proto, l->proto, sizeof(sk->proto));
		break;
	}
	case OP_EVENTFD:
	case OP_EVENTFD2:
		add_kind(t, tgid, flags, ret,
			 op == OP_EVENTFD2 && (a[1] & KT_O_CLOEXEC),
			 "anon_inode:[eventfd]", "anon_inode:");
		break;
	case OP_SIGNALFD:
	case OP_SIGNALFD4:
		/* On an existing signalfd, nothing new. */
		if ((int)a[0] == -1)
			add_kind(t, tgid, flags, ret,
				 op == OP_SIGNALFD4 && (a[3] & KT_O_CLOEXEC),
				 "anon_inode:[signalfd]", "anon_inode:");
		break;
	case OP_TIMERFD:
		add_kind(t, tgid, flags, ret, a[1] & KT_O_CLOEXEC,
			 "anon_inode:[timerfd]", "anon_inode:");
		break;
	case OP_EPOLL:
	case OP_EPOLL1:
		add_kind(t, tgid, flags, ret,
			 op == OP_EPOLL1 && (a[0] & KT_O_CLOEXEC),
			 "anon_inode:[eventpoll]", "anon_inode:");
		break;
	case OP_INOTIFY:
	case OP_INOTIFY1:
		add_kind(t, tgid, flags, ret,
			 op == OP_INOTIFY1 && (a[0] & KT_O_CLOEXEC),
			 "anon_inode:inotify", "anon_inode:");
		break;
	case OP_FANOTIFY:
		add_kind(t, tgid, flags, ret, a[0] & 1 /* FAN_CLOEXEC */,
			 "anon_inode:[fanotify]", "anon_inode:");
		break;
	case OP_MEMFD: {
		char name[300];

		s = blob_str(&sc, 0, path, 250);
		snprintf(name, sizeof(name), "/memfd:%s (deleted)", s ? s : "");
		add_kind(t, tgid, flags, ret, a[1] & KT_MFD_CLOEXEC,
			 s ? name : NULL, "/memfd:");
		break;
	}
	case OP_PIDFD: {
		struct fd_ent *n = add_kind(t, tgid, flags, ret, true,
					    "anon_inode:[pidfd]", NULL);

		if (n)
			n->pidfd_pid = (int)a[0];
		break;
	}
	case OP_USERFAULTFD:
		add_kind(t, tgid, flags, ret, a[0] & KT_O_CLOEXEC,
			 "anon_inode:[userfaultfd]", "anon_inode:");
		break;
	case OP_PERF:
		add_kind(t, tgid, flags, ret, a[4] & KT_PERF_FLAG_FD_CLOEXEC,
			 "anon_inode:[perf_event]", "anon_inode:");
		break;
	case OP_IO_URING:
		add_kind(t, tgid, flags, ret, true, "anon_inode:[io_uring]",
			 "anon_inode:");
		break;
	case OP_FSOPEN:
	case OP_FSPICK:
		add_kind(t, tgid, flags, ret,
			 a[op == OP_FSOPEN ? 1 : 2] & KT_FS_CLOEXEC,
			 "anon_inode:[fscontext]", "anon_inode:");
		break;
	case OP_FSMOUNT:
		detached_mount(t, ret, a[1] & KT_FS_CLOEXEC);
		break;
	case OP_OPEN_TREE:
		if (a[2] & ~KT_OPEN_TREE_KNOWN) {
			/* A later kernel's kind (a namespace): /proc knows */
			if (add_new(t, ret, false))
				t->new[t->nnew - 1].e.state = FD_UNSEEN;
		} else if (a[2] & KT_OPEN_TREE_CLONE) {
			detached_mount(t, ret, a[2] & KT_O_CLOEXEC);
		} else {
			open_path(t, tgid, flags, ret, a[2] & KT_O_CLOEXEC,
				  (int)a[0], blob_str(&sc, 1, path, sizeof(path)));
		}
		break;
	case OP_BPF:
		bpf_fd(t, tgid, flags, (uint32_t)a[0], ret);
		break;
	case OP_MOVE_MOUNT:
		if (!(flags & KT_FDS_LIGHT))
			move_mount(t, tgid, flags, &sc);
		break;
	case OP_CLOSE:
		t->close_lo = (int)a[0];
		t->close_hi = (int)a[0];
		break;
	case OP_CLOSE_RANGE:
		t->close_lo = (int)a[0];
		t->close_hi = a[1] > INT_MAX ? INT_MAX : (int)a[1];
		t->range_cloexec = a[2] & KT_CLOSE_RANGE_CLOEXEC;
		break;
	case OP_CHDIR:
		if (flags & KT_FDS_LIGHT)
			break;
		s = blob_str(&sc, 0, path, sizeof(path));
		t->cwd_set = true;
		if (s)
			t->new_cwd = resolve(s[0] == '/' ? NULL :
					     cwd_of(t, tgid, flags), s,
					     flags & KT_FDS_PROC);
		break;
	case OP_FCHDIR:
		if (flags & KT_FDS_LIGHT)
			break;
		t->cwd_set = true;
		t->new_cwd = dup_or_null(table_path(t, tgid, flags, (int)a[0]));
		break;
	default:
		break;
	}
}

void kt_fdtab_apply(struct kt_fdtab *t)
{
	struct fd_ent *e;
	unsigned int i;
	int fd;

	if (t->close_lo <= t->close_hi) {
		/* Beyond the table's chunks and 1024, nothing was seen. */
		int hi = t->nchunks * FD_CHUNK > 1024 ?
			 (int)(t->nchunks * FD_CHUNK) - 1 : 1023;

		if (hi > t->close_hi)
			hi = t->close_hi;
		for (fd = t->close_lo; fd <= hi;) {
			int end = fd | (FD_CHUNK - 1);

			if (fd >= 1024 && !ent_at(t, fd)) {
				fd = end + 1;	/* the next chunk */
				continue;
			}
			e = slot(t, fd);
			if (!e)
				break;
			/* The rest of this chunk, slot by slot. */
			if (end > hi)
				end = hi;
			for (; fd <= end; fd++, e++) {
				if (t->range_cloexec) {
					e->cloexec = true;
				} else if (e->state != FD_CLOSED) {
					ent_clear(e);
					e->state = FD_CLOSED;
				}
			}
		}
	}
	if (t->bound_fd >= 0) {
		e = ent_at(t, t->bound_fd);
		if (e)
			e->nl_bound = true;
	}
	if (t->cloexec_fd >= 0) {
		e = slot(t, t->cloexec_fd);
		if (e)
			e->cloexec = t->cloexec_val;
	}
	for (i = 0; i < t->nnew; i++) {
		e = slot(t, t->new[i].fd);
		if (!e)
			continue;
		ent_clear(e);
		*e = t->new[i].e;
		memset(&t->new[i].e, 0, sizeof(t->new[i].e));
	}
	t->nnew = 0;
	if (t->cwd_set && t->new_cwd) {
		free(t->cwd);
		t->cwd = t->new_cwd;
		t->new_cwd = NULL;
	}
	pending_clear(t);
}

/*
 * -yy: an AF_UNIX socket as strace prints it, "UNIX-STREAM:[INODE->PEER]"
 * (with ,"PATH" when bound), from the kernel's socket diagnostics (one
 * netlink request: /proc/net/unix has no peer); NULL when not found.
 */
static const char *unix_describe(unsigned long long ino, char *out,
				 size_t size)
{
	struct {
		struct nlmsghdr nh;
		struct unix_diag_req r;
	} req = {
		.nh = {
			.nlmsg_len = sizeof(req),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_REQUEST,
		},
		.r = {
			.sdiag_family = AF_UNIX,
			.udiag_states = ~0U,
			.udiag_ino = (unsigned int)ino,
			.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
			.udiag_cookie = { ~0U, ~0U },
		},
	};
	static const char *const types[] = {
		[SOCK_STREAM] = "STREAM", [SOCK_DGRAM] = "DGRAM",
		[SOCK_SEQPACKET] = "SEQPACKET",
	};
	union {
		struct nlmsghdr nh;
		char b[4096];
	} buf;
	const struct unix_diag_msg *m;
	const struct nlattr *a;
	char name[110] = "";
	unsigned int peer = 0;
	size_t off, n;
	ssize_t got;
	int fd;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return NULL;
	got = send(fd, &req, sizeof(req), 0) == sizeof(req) ?
	      recv(fd, &buf, sizeof(buf), 0) : -1;
	close(fd);
	if (got < (ssize_t)NLMSG_LENGTH(sizeof(*m)) ||
	    buf.nh.nlmsg_type != SOCK_DIAG_BY_FAMILY ||
	    buf.nh.nlmsg_len > (size_t)got)
		return NULL;
	m = NLMSG_DATA(&buf.nh);
	if (m->udiag_ino != (unsigned int)ino)
		return NULL;
	for (off = NLMSG_LENGTH(sizeof(*m)); off + NLA_HDRLEN <= buf.nh.nlmsg_len;
	     off += NLA_ALIGN(a->nla_len)) {
		a = (const void *)(buf.b + off);
		if (a->nla_len < NLA_HDRLEN || off + a->nla_len > buf.nh.nlmsg_len)
			break;
		n = a->nla_len - NLA_HDRLEN;
		if ((a->nla_type & NLA_TYPE_MASK) == UNIX_DIAG_PEER &&
		    n >= sizeof(peer)) {
			memcpy(&peer, buf.b + off + NLA_HDRLEN, sizeof(peer));
		} else if ((a->nla_type & NLA_TYPE_MASK) == UNIX_DIAG_NAME &&
			   n && n < sizeof(name)) {
			memcpy(name, buf.b + off + NLA_HDRLEN, n);
			name[n] = '\0';
			/* An abstract name starts with a NUL: strace shows @. */
			if (!name[0])
				name[0] = '@';
		}
	}
	n = snprintf(out, size, "UNIX-%s:[%llu",
		     m->udiag_type < ARRAY_SIZE(types) && types[m->udiag_type] ?
		     types[m->udiag_type] : "UNKNOWN", ino);
	if (peer && n < size)
		n += snprintf(out + n, size - n, "->%u", peer);
	if (name[0] && n < size)
		n += snprintf(out + n, size - n, ",\"%s\"", name);
	if (n < size)
		snprintf(out + n, size - n, "]");
	return out;
}

/*
 * A dump of the socket diagnostics (@req, @len bytes), searched for the
 * message whose u32 at @ino_off of its payload is inode @ino, its first
 * @size bytes copied to @out: 1 when found, 0 when the dump ended without
 * it, -1 when nothing answered (no diagnostics for the family).
 */
static int diag_find(const void *req, size_t len, unsigned int ino,
		     size_t ino_off, void *out, size_t size)
{
	union {
		struct nlmsghdr nh;
		char b[16384];
	} buf;
	const struct nlmsghdr *h;
	int ret = -1, fd;
	bool done = false;
	uint32_t i;
	ssize_t got;

	fd = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (fd < 0)
		return -1;
	if (send(fd, req, len, 0) != (ssize_t)len)
		done = true;
	while (!done) {
		got = recv(fd, &buf, sizeof(buf), 0);
		if (got <= 0)
			break;
		for (h = &buf.nh; NLMSG_OK(h, (size_t)got); h = NLMSG_NEXT(h, got)) {
			if (h->nlmsg_type == NLMSG_ERROR) {
				done = true;
				break;
			}
			ret = ret < 0 ? 0 : ret;
			if (h->nlmsg_type == NLMSG_DONE) {
				done = true;
				break;
			}
			if (h->nlmsg_len < NLMSG_LENGTH(size))
				continue;
			memcpy(&i, (const char *)NLMSG_DATA(h) + ino_off, 4);
			if (i == ino) {
				memcpy(out, NLMSG_DATA(h), size);
				ret = 1;
				done = true;
				break;
			}
		}
	}
	close(fd);
	return ret;
}

/*
 * -yy: an IPv4 or IPv6 TCP or UDP socket as strace prints it,
 * "TCP:[127.0.0.1:40000->127.0.0.1:8080]" ("TCPv6:[[::1]:...]"), from
 * the socket diagnostics (a dump of the family and protocol, searched for
 * the inode); NULL when not found (or unbound: strace shows the inode).
 */
static const char *inet_describe(unsigned long long ino, int family,
				 int protocol, char *out, size_t size)
{
	struct {
		struct nlmsghdr nh;
		struct inet_diag_req_v2 r;
	} req = {
		.nh = {
			.nlmsg_len = sizeof(req),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		},
		.r = {
			.sdiag_family = family,
			.sdiag_protocol = protocol,
			.idiag_states = ~0U,
		},
	};
	struct inet_diag_msg m;
	char src[INET6_ADDRSTRLEN], dst[INET6_ADDRSTRLEN];
	const char *name, *v6 = family == AF_INET6 ? "v6" : "";

	if (diag_find(&req, sizeof(req), ino,
		      offsetof(struct inet_diag_msg, idiag_inode), &m,
		      sizeof(m)) != 1)
		return NULL;
	if (!m.id.idiag_sport && !m.id.idiag_src[0] && !m.id.idiag_src[1] &&
	    !m.id.idiag_src[2] && !m.id.idiag_src[3])
		return NULL;
	name = protocol == IPPROTO_TCP ? "TCP" : "UDP";
	inet_ntop(family, m.id.idiag_src, src, sizeof(src));
	inet_ntop(family, m.id.idiag_dst, dst, sizeof(dst));
	if (!m.id.idiag_dport)
		snprintf(out, size, family == AF_INET6 ? "%s%s:[[%s]:%u]" :
			 "%s%s:[%s:%u]", name, v6, src,
			 ntohs(m.id.idiag_sport));
	else
		snprintf(out, size, family == AF_INET6 ?
			 "%s%s:[[%s]:%u->[%s]:%u]" : "%s%s:[%s:%u->%s:%u]",
			 name, v6, src, ntohs(m.id.idiag_sport), dst,
			 ntohs(m.id.idiag_dport));
	return out;
}

/*
 * netlink_diag's dump of the netlink sockets, searched for @ino (0: none,
 * only whether it answers): 1 when found, its protocol and port id in
 * @proto and @portid; 0 when not (it lists bound sockets only); -1 when
 * netlink_diag does not answer (not loaded and not loadable), and strace
 * then knows no netlink socket's protocol either.
 */
static int netlink_diag_find(unsigned long long ino, int *proto,
			     unsigned int *portid)
{
	struct {
		struct nlmsghdr nh;
		struct netlink_diag_req r;
	} req = {
		.nh = {
			.nlmsg_len = sizeof(req),
			.nlmsg_type = SOCK_DIAG_BY_FAMILY,
			.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		},
		.r = {
			.sdiag_family = AF_NETLINK,
			.sdiag_protocol = NDIAG_PROTO_ALL,
		},
	};
	struct netlink_diag_msg m;
	int ret;

	ret = diag_find(&req, sizeof(req), (unsigned int)ino,
			offsetof(struct netlink_diag_msg, ndiag_ino), &m,
			sizeof(m));
	if (ret == 1) {
		*proto = m.ndiag_protocol;
		*portid = m.ndiag_portid;
	}
	return ret;
}

static int nl_diag = -1;	/* netlink_diag answers: 1, 0, or not asked */

bool kt_netlink_diag(void)
{
	if (nl_diag < 0)
		nl_diag = netlink_diag_find(0, NULL, NULL) >= 0;
	return nl_diag;
}

void kt_netlink_diag_set(bool answers)
{
	nl_diag = answers;
}

/* -yy: "NETLINK:[ROUTE:PORTID]", or NULL (strace shows the inode then). */
static const char *netlink_describe(unsigned long long ino, char *out,
				    size_t size)
{
	unsigned int portid;
	const char *name;
	int proto;

	if (netlink_diag_find(ino, &proto, &portid) != 1)
		return NULL;
	name = kt_netlink_proto_name(proto);
	if (name)
		snprintf(out, size, "NETLINK:[%s:%u]", name + 8, portid);
	else
		snprintf(out, size, "NETLINK:[%d]", proto);
	return out;
}

/*
 * -yy: a socket's protocol and addresses as strace prints them, from the
 * kernel's socket diagnostics as strace finds them (its protocol, from
 * sockprotoname, says where to look); NULL when not found, and then
 * PROTOCOL:[INODE] shows, as strace prints it then.
 */
static const char *sock_describe(const struct fd_ent *e)
{
	static char out[256];
	unsigned long long ino;

	if (sscanf(e->path, "socket:[%llu]", &ino) != 1)
		return NULL;
	if (!strcmp(e->proto, "TCP"))
		return inet_describe(ino, AF_INET, IPPROTO_TCP, out, sizeof(out));
	if (!strcmp(e->proto, "UDP"))
		return inet_describe(ino, AF_INET, IPPROTO_UDP, out, sizeof(out));
	if (!strcmp(e->proto, "TCPv6"))
		return inet_describe(ino, AF_INET6, IPPROTO_TCP, out,
				     sizeof(out));
	if (!strcmp(e->proto, "UDPv6"))
		return inet_describe(ino, AF_INET6, IPPROTO_UDP, out,
				     sizeof(out));
	if (!strncmp(e->proto, "UNIX", 4))
		return unix_describe(ino, out, sizeof(out));
	/* Unbound, it is not in netlink_diag's list: strace shows the inode. */
	if (!strcmp(e->proto, "NETLINK") && e->nl_bound)
		return netlink_describe(ino, out, sizeof(out));
	return NULL;
}

/*
 * -yy: a character or block device's path followed by its numbers, as
 * strace prints them ("/dev/null<char 1:3>"), from stat() of the path
 * the first time it is printed (strace asks each time: a device node does
 * not change its numbers under a descriptor); NULL when it is not a
 * device, or is no longer there.
 */
static const char *dev_path(struct fd_ent *e)
{
	struct stat st;
	size_t n;

	if (e->dev_seen)
		return e->dev;
	e->dev_seen = true;
	if (e->path[0] != '/' || stat(e->path, &st) ||
	    !(S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)))
		return NULL;
	n = strlen(e->path) + 32;
	e->dev = malloc(n);
	if (e->dev)
		snprintf(e->dev, n, "%s<%s %u:%u>", e->path,
			 S_ISCHR(st.st_mode) ? "char" : "block",
			 major(st.st_rdev), minor(st.st_rdev));
	return e->dev;
}

static const char *ent_path(struct fd_ent *e, unsigned int flags)
{
	static char pid[24];
	const char *s;

	/* --decode-fds=pidfd (-yy): a pidfd is its process, "pid:PID". */
	if (e->pidfd_pid && (flags & KT_FDS_PIDFD)) {
		snprintf(pid, sizeof(pid), "pid:%d", e->pidfd_pid);
		return pid;
	}

	if (!e->socket && e->path && (flags & KT_FDS_DEVS) &&
	    (flags & KT_FDS_PROC)) {
		s = dev_path(e);
		return s ? s : e->path;
	}
	if (!e->socket || !e->path || !(flags & KT_FDS_SOCKETS))
		return e->path;
	if (flags & KT_FDS_PROC) {
		s = sock_describe(e);
		if (s && (!e->sock || strcmp(e->sock, s))) {
			free(e->sock);
			e->sock = strdup(s);
		}
	}
	if (!e->sock && e->proto[0]) {
		static char buf[64];
		unsigned long long ino;

		if (sscanf(e->path, "socket:[%llu]", &ino) == 1) {
			snprintf(buf, sizeof(buf), "%s:[%llu]", e->proto, ino);
			return buf;
		}
	}
	return e->sock ? e->sock : e->path;
}

static const char *table_path(struct kt_fdtab *t, pid_t tgid,
			      unsigned int flags, int fd)
{
	struct fd_ent *e;
	const char *p;

	if (fd == KT_AT_FDCWD)
		return cwd_of(t, tgid, flags);
	if (fd < 0 || fd >= FD_MAX)
		return NULL;
	e = ent_at(t, fd);
	if (e && e->state == FD_OPEN)
		return ent_path(e, flags);
	if (e && e->state == FD_CLOSED)
		return NULL;
	/* Not seen: from before the trace; /proc knows, while it is there. */
	if (!(flags & KT_FDS_PROC))
		return NULL;
	p = proc_link(tgid, fd);
	e = p ? slot(t, fd) : NULL;
	if (!e)
		return p;
	e->state = FD_OPEN;
	e->path = strdup(p);
	e->socket = !strncmp(p, "socket:", 7);
	if (e->socket && (flags & KT_FDS_SOCKETS))
		sock_proto(e, tgid, fd);
	if (is_pidfd_link(p))
		e->pidfd_pid = proc_pidfd_pid(tgid, fd);
	return ent_path(e, flags);
}

static const char *fdtab_path(struct kt_fdtab *t, pid_t tgid,
			      unsigned int flags, int fd)
{
	unsigned int i;

	for (i = t->nnew; i-- > 0;) {
		if (t->new[i].fd != fd)
			continue;
		if (t->new[i].moved)
			break;
		if (flags & KT_FDS_BEFORE) {
			/* What the call replaced (/proc has its result). */
			struct fd_ent *e = ent_at(t, fd);

			if (e && e->state == FD_OPEN)
				return ent_path(e, flags);
			return NULL;
		}
		if (t->new[i].e.state == FD_OPEN)
			return ent_path(&t->new[i].e, flags);
		return flags & KT_FDS_PROC ? proc_link(tgid, fd) : NULL;
	}
	return table_path(t, tgid, flags, fd);
}

int kt_proc_family(pid_t tgid, int fd)
{
	char proto[32];

	if (tgid <= 0 || fd < 0)
		return 0;
	proc_proto(tgid, fd, proto, sizeof(proto));
	return proto_family(proto);
}

int kt_fdtab_family(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		    int fd)
{
	struct fd_ent *e;
	unsigned int i;

	/* A descriptor the call made: what it made. */
	for (i = t->nnew; i-- > 0;)
		if (t->new[i].fd == fd && !t->new[i].moved)
			return t->new[i].e.family;
	e = ent_at(t, fd);
	if (e && e->state == FD_CLOSED)
		return 0;
	if (e && (e->family || e->family_asked ||
		  (e->state == FD_OPEN && !e->socket)))
		return e->family;
	/* A socket from before the trace: /proc knows while it is open. */
	if (tgid <= 0 || !(flags & (KT_FDS_PROC | KT_FDS_ASK)))
		return 0;
	e = slot(t, fd);
	if (!e)
		return 0;
	e->family = (short)kt_proc_family(tgid, fd);
	e->family_asked = true;
	return e->family;
}

/*
 * The protocol of netlink socket fd of process tgid, from its network
 * namespace's /proc/net/netlink (which has it whether or not netlink_diag
 * is loaded), or -1; in @bound whether it has a port id.
 */
int kt_proc_nlproto(pid_t tgid, int fd, bool *bound)
{
	unsigned long long ino, i;
	char path[64], line[256];
	int proto = -1, eth;
	unsigned int portid;
	struct stat st;
	FILE *f;

	if (tgid <= 0 || fd < 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%d", tgid, fd);
	if (stat(path, &st) || !S_ISSOCK(st.st_mode))
		return -1;
	ino = st.st_ino;
	snprintf(path, sizeof(path), "/proc/%d/net/netlink", tgid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	/* sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode */
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%*x %d %u %*x %*d %*d %*d %*d %*d %llu",
			   &eth, &portid, &i) == 3 && i == ino) {
			proto = eth;
			*bound = portid != 0;
			break;
		}
	fclose(f);
	return proto;
}

int kt_fdtab_nlproto(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
		     int fd)
{
	struct fd_ent *e = NULL;
	unsigned int i;
	int proto;

	if (kt_fdtab_family(t, tgid, flags, fd) != AF_NETLINK)
		return -1;
	for (i = t->nnew; i-- > 0;)
		if (t->new[i].fd == fd && !t->new[i].moved) {
			e = &t->new[i].e;
			break;
		}
	if (!e)
		e = ent_at(t, fd);
	if (!e)
		return -1;
	/* netlink_diag lists bound sockets alone: strace knows no other's. */
	if (e->nlproto != NLPROTO_UNKNOWN)
		return e->nlproto == NLPROTO_ASKED || !e->nl_bound ? -1 :
		       e->nlproto - 1;
	/* A socket from before the trace: /proc knows while it is open. */
	if (tgid <= 0 || !(flags & (KT_FDS_PROC | KT_FDS_ASK)))
		return -1;
	proto = kt_proc_nlproto(tgid, fd, &e->nl_bound);
	e->nlproto = proto >= 0 && proto < 0xfe ? (unsigned char)(proto + 1) :
		     NLPROTO_ASKED;
	return e->nl_bound ? proto : -1;
}

/* Does p end with a device's numbers, "<char 1:3>"? */
static bool is_dev_path(const char *p)
{
	const char *lt = strrchr(p, '<');
	unsigned int maj, min;
	char kind[8];
	int n = 0;

	return lt && sscanf(lt, "<%7[a-z] %u:%u>%n", kind, &maj, &min, &n) == 3 &&
	       !lt[n] && (!strcmp(kind, "char") || !strcmp(kind, "block"));
}

const char *kt_fdtab_path(struct kt_fdtab *t, pid_t tgid, unsigned int flags,
			  int fd)
{
	const char *p = fdtab_path(t, tgid, flags & ~KT_FDS_DEV_ONLY, fd);

	/*
	 * --decode-fds=dev, =pidfd without path: only a device shows, with
	 * its path, and a pidfd, with its process.
	 */
	if (p && (flags & KT_FDS_DEV_ONLY) &&
	    !((flags & KT_FDS_DEVS) && is_dev_path(p)) &&
	    !((flags & KT_FDS_PIDFD) && !strncmp(p, "pid:", 4)))
		return NULL;
	return p;
}
