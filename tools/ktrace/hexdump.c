// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): -e read=SET and -e write=SET, strace's hex dumps of the data
 * a call read or wrote on the chosen file descriptors, printed after the
 * call's line: sixteen bytes a line, in hex and as text,
 *
 *  | 00000  68 65 6c 6c 6f 0a                                hello.           |
 *
 * and for vectors a " * N bytes in buffer K" line before each buffer.
 * The bytes are those the records carry, within the session's snap
 * length: when a record holds fewer than the call moved, a last line says
 * how many are missing.
 */
#include <stdlib.h>
#include <string.h>

#include "ktrace.h"
#include "decoders.h"

/*
 * Parse SET (numbers, all, none, a leading ! negating) into s.  Returns
 * 0, or -1 after saying what is wrong with it.
 */
int kt_fdset_parse(struct kt_fdset *s, const char *what, const char *spec)
{
	const char *p = spec;
	bool neg = false, all = false;
	char *end;
	long fd;

	memset(s, 0, sizeof(*s));
	while (*p == '!') {
		neg = !neg;
		p++;
	}
	if (!*p) {
		ktrace_err("-e %s: '%s' is not a set of file descriptors",
			   what, spec);
		return -1;
	}
	while (*p) {
		if (!strncmp(p, "all", 3) && (p[3] == ',' || !p[3])) {
			all = true;
			p += 3;
		} else if (!strncmp(p, "none", 4) && (p[4] == ',' || !p[4])) {
			p += 4;
		} else {
			fd = strtol(p, &end, 10);
			if (end == p || fd < 0 || fd > 0x7fffffff ||
			    (*end && *end != ',')) {
				ktrace_err("-e %s: '%s' is not a set of file descriptors",
					   what, spec);
				return -1;
			}
			if (s->n == ARRAY_SIZE(s->fd)) {
				ktrace_err("-e %s: at most %zu file descriptors",
					   what, ARRAY_SIZE(s->fd));
				return -1;
			}
			s->fd[s->n++] = fd;
			p = end;
		}
		if (*p == ',')
			p++;
	}
	if (all)
		s->n = 0;
	s->all = all != neg;
	/* !all: nothing, whatever else the set names. */
	if (neg && all)
		s->n = 0;
	s->on = s->all || s->n;
	return 0;
}

bool kt_fdset_has(const struct kt_fdset *s, int fd)
{
	unsigned int i;

	if (!s->on || fd < 0)
		return false;
	for (i = 0; i < s->n; i++)
		if (s->fd[i] == fd)
			return !s->all;
	return s->all;
}

/*
 * strace's dump of len bytes of which the first stored are at p: the
 * offset (five hex digits, more above 1 MiB), sixteen bytes in two groups
 * of eight, and the same bytes as text, '.' for the unprintable.
 */
void kt_hexdump(struct kt_buf *b, const uint8_t *p, size_t stored,
		uint64_t len)
{
	static const char hex[] = "0123456789abcdef";
	char line[16 * 3 + 2 + 16 + 1];
	int width = 5;
	uint64_t v;
	size_t off, j, pos;

	if (stored > len)
		stored = len;
	if (len > (1 << 20)) {
		for (width = 1, v = (len - 1) >> 4; v; v >>= 4)
			width++;
	}
	for (off = 0; off < stored; off += 16) {
		memset(line, ' ', sizeof(line) - 1);
		line[sizeof(line) - 1] = '\0';
		for (j = 0; j < 16 && off + j < stored; j++) {
			uint8_t c = p[off + j];

			pos = j * 3 + (j >= 8);
			line[pos] = hex[c >> 4];
			line[pos + 1] = hex[c & 15];
			line[50 + j] = c >= ' ' && c < 0x7f ? c : '.';
		}
		kt_buf_printf(b, " | %0*llx  %s |\n", width,
			      (unsigned long long)off, line);
	}
	if (stored < len)
		kt_buf_printf(b,
			      " | <%llu of %llu bytes not in the record: -s sets how much is copied, up to 131072>\n",
			      (unsigned long long)(len - stored),
			      (unsigned long long)len);
}

/*
 * A vector as the module stores it (struct ktrace_iov_seg, its bytes,
 * ...): strace's " * N bytes in buffer K" and dump for each buffer, at
 * most limit bytes in all, stopping at an empty buffer as strace does.
 */
static void dump_iov(struct kt_buf *b, const uint8_t *p, size_t len,
		     uint64_t cnt, uint64_t limit)
{
	struct ktrace_iov_seg seg;
	size_t off = 0;
	uint64_t k, n;

	for (k = 0; k < cnt && limit; k++) {
		if (len - off < sizeof(seg)) {
			kt_buf_printf(b, " | <buffers %llu to %llu not in the record>\n",
				      (unsigned long long)k,
				      (unsigned long long)cnt - 1);
			return;
		}
		memcpy(&seg, p + off, sizeof(seg));
		off += sizeof(seg);
		if (seg.stored > len - off)
			seg.stored = len - off;
		n = seg.len < limit ? seg.len : limit;
		if (!n)
			return;
		limit -= n;
		kt_buf_printf(b, " * %llu bytes in buffer %llu\n",
			      (unsigned long long)n, (unsigned long long)k);
		kt_hexdump(b, p + off, seg.stored, n);
		off += seg.stored;
	}
}

static void dump_msghdr(struct kt_buf *b, const struct kt_blob *blob,
			uint64_t limit)
{
	struct ktrace_msghdr m;

	if (!blob->data || blob->len < sizeof(m))
		return;
	memcpy(&m, blob->data, sizeof(m));
	if (m.name_stored > blob->len - sizeof(m))
		return;
	dump_iov(b, blob->data + sizeof(m) + m.name_stored,
		 blob->len - sizeof(m) - m.name_stored, m.iovlen, limit);
}

static bool name_in(const char *name, const char *const *names)
{
	for (; *names; names++)
		if (!strcmp(name, *names))
			return true;
	return false;
}

/*
 * After sc's line: the dump of what it wrote on an fd of -e write= (even
 * when it failed: strace dumps the buffer it passed), or read on an fd of
 * -e read= (when it succeeded).
 */
void kt_dump_io(struct kt_buf *b, const struct kt_syscall *sc,
		const struct kt_opts *o)
{
	static const char *const wr_buf[] = { "write", "pwrite64", "send",
					      "sendto", NULL };
	static const char *const wr_iov[] = { "writev", "pwritev", "pwritev2",
					      NULL };
	static const char *const rd_buf[] = { "read", "pread64", "recv",
					      "recvfrom", NULL };
	static const char *const rd_iov[] = { "readv", "preadv", "preadv2",
					      NULL };
	const char *name = ktrace_syscall_name(sc->abi, sc->nr);
	const struct kt_blob *blob = &sc->blob[1];
	int fd = (int)sc->args[0];
	uint64_t ret = (uint64_t)sc->ret;
	bool failed = kt_ret_failed(sc->ret);

	/* Its entry unseen, the descriptor is not known. */
	if (!name || !sc->has_exit || !blob->data || sc->args_unknown)
		return;
	if (kt_fdset_has(&o->dump_write, fd)) {
		if (name_in(name, wr_buf))
			kt_hexdump(b, blob->data, blob->len, sc->args[2]);
		else if (name_in(name, wr_iov))
			dump_iov(b, blob->data, blob->len, sc->args[2], ~0ULL);
		else if (!strcmp(name, "sendmsg"))
			dump_msghdr(b, blob, ~0ULL);
	}
	if (failed || !kt_fdset_has(&o->dump_read, fd))
		return;
	if (name_in(name, rd_buf))
		kt_hexdump(b, blob->data, blob->len, ret);
	else if (name_in(name, rd_iov))
		dump_iov(b, blob->data, blob->len, sc->args[2], ret);
	else if (!strcmp(name, "recvmsg"))
		dump_msghdr(b, blob, ret);
}

/* kt_dump_io() to out: the hook the text tracer calls after each exit. */
void kt_dump_io_out(struct kt_out *out, const struct kt_syscall *sc,
		    const struct kt_opts *o)
{
	static struct kt_buf b;

	if (!o->dump_read.on && !o->dump_write.on)
		return;
	kt_buf_reset(&b);
	kt_dump_io(&b, sc, o);
	if (b.len)
		kt_out_write(out, b.s, b.len);
}
