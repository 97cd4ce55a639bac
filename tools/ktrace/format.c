// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): the pieces of strace's text that every decoder uses: the
 * output buffer, quoted strings and buffers, pointers, flag sets and
 * enumerations, file modes, errno and signal names.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "decoders.h"

void kt_buf_grow_slow(struct kt_buf *b, size_t more)
{
	size_t cap = b->cap ? b->cap : 256;
	char *s;

	while (cap < b->len + more + 1)
		cap *= 2;
	s = realloc(b->s, cap);
	if (!s) {
		ktrace_err("out of memory");
		exit(1);
	}
	b->s = s;
	b->cap = cap;
}

/* @n spaces. */
void kt_buf_pad(struct kt_buf *b, size_t n)
{
	kt_buf_grow(b, n);
	memset(b->s + b->len, ' ', n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* The number of decimal digits of @v. */
static unsigned int kt_ndigits(unsigned long long v)
{
	unsigned int n = 1;

	for (;;) {
		if (v < 10)
			return n;
		if (v < 100)
			return n + 1;
		if (v < 1000)
			return n + 2;
		if (v < 10000)
			return n + 3;
		v /= 10000;
		n += 4;
	}
}

/*
 * @v in decimal, its last digit just before @end: two digits a step, so
 * that a 64-bit division by 100 (a multiplication) does the work of two.
 */
static void kt_put_udec(char *end, unsigned long long v)
{
	unsigned int i;

	while (v >= 100) {
		i = (unsigned int)(v % 100);
		v /= 100;
		*--end = '0' + i % 10;
		*--end = '0' + i / 10;
	}
	if (v >= 10) {
		*--end = '0' + (unsigned int)v % 10;
		*--end = '0' + (unsigned int)v / 10;
	} else {
		*--end = '0' + v;
	}
}

/* @u, negative if @neg, in @n characters (its digits and the sign). */
static inline void kt_buf_sdec(struct kt_buf *b, unsigned long long u,
			       size_t n, bool neg)
{
	kt_buf_grow(b, n);
	if (neg)
		b->s[b->len] = '-';
	b->len += n;
	kt_put_udec(b->s + b->len, u);
	b->s[b->len] = '\0';
}

/*
 * A signed decimal as printf's "%*lld" prints it (@width < 0: left
 * justified), without printf's cost and written in place: the reader's
 * hot path.
 */
void kt_buf_decw(struct kt_buf *b, long long v, int width)
{
	unsigned long long u = v < 0 ? -(unsigned long long)v :
				       (unsigned long long)v;
	size_t n = kt_ndigits(u) + (v < 0);
	size_t w = width < 0 ? -(size_t)width : (size_t)width;

	if (width > 0 && n < w)
		kt_buf_pad(b, w - n);
	kt_buf_sdec(b, u, n, v < 0);
	if (width < 0 && n < w)
		kt_buf_pad(b, w - n);
}

/* As "%lld" prints it: kt_buf_decw() without the width. */
void kt_buf_dec(struct kt_buf *b, long long v)
{
	unsigned long long u = v < 0 ? -(unsigned long long)v :
				       (unsigned long long)v;

	kt_buf_sdec(b, u, kt_ndigits(u) + (v < 0), v < 0);
}

/* An unsigned decimal, as "%llu" prints it. */
void kt_buf_udec(struct kt_buf *b, unsigned long long v)
{
	size_t n = kt_ndigits(v);

	kt_buf_grow(b, n);
	b->len += n;
	kt_put_udec(b->s + b->len, v);
	b->s[b->len] = '\0';
}

/* As "%0*llu" prints it with @width (at most 20): a fixed-width field. */
void kt_buf_udec0(struct kt_buf *b, unsigned long long v, unsigned int width)
{
	size_t n = kt_ndigits(v);

	if (n < width) {
		kt_buf_grow(b, width - n);
		memset(b->s + b->len, '0', width - n);
		b->len += width - n;
	}
	kt_buf_udec(b, v);
}

/* As "%#llx" prints it: "0" or "0x" and lower-case hex digits. */
void kt_buf_hex(struct kt_buf *b, unsigned long long v)
{
	size_t n;
	char *p;

	if (!v) {
		kt_buf_putc(b, '0');
		return;
	}
	n = 2 + (67 - __builtin_clzll(v)) / 4;
	kt_buf_grow(b, n);
	b->len += n;
	p = b->s + b->len;
	*p = '\0';
	do {
		*--p = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	*--p = 'x';
	*--p = '0';
}

/* What one conversion of kt_buf_vfast() asked for. */
struct kt_conv {
	bool alt, zero, left;
	unsigned int width;
};

/* @s of @n bytes, padded with spaces to the conversion's width. */
static void kt_buf_field(struct kt_buf *b, const struct kt_conv *c,
			 const char *s, size_t n)
{
	size_t pad = c->width > n ? c->width - n : 0;

	if (pad && !c->left)
		kt_buf_pad(b, pad);
	kt_buf_write(b, s, n);
	if (pad && c->left)
		kt_buf_pad(b, pad);
}

/*
 * An integer as printf() prints it with the conversion's flags and width:
 * @u, negative if @neg, in @base (8, 10, 16; @upper for "%X").
 */
static void kt_buf_int(struct kt_buf *b, const struct kt_conv *c,
		       unsigned long long u, bool neg, unsigned int base,
		       bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24], *end = tmp + sizeof(tmp), *p = end;
	const char *prefix = neg ? "-" : "";
	size_t nd, np, zeros = 0;

	/* Constant divisors: shifts and a multiplication, not a division. */
	if (base == 10) {
		kt_put_udec(end, u);
		p = end - kt_ndigits(u);
	} else if (base == 16) {
		do {
			*--p = digits[u & 15];
			u >>= 4;
		} while (u);
	} else {
		do {
			*--p = '0' + (u & 7);
			u >>= 3;
		} while (u);
	}
	/* "%#o" makes the first digit a 0, "%#x" of non-zero adds "0x". */
	if (c->alt && base == 8 && *p != '0')
		*--p = '0';
	else if (c->alt && base == 16 && !(p[0] == '0' && p + 1 == end))
		prefix = upper ? "0X" : "0x";
	nd = end - p;
	np = strlen(prefix);
	if (c->zero && !c->left && c->width > nd + np)
		zeros = c->width - nd - np;
	if (!c->left && c->width > nd + np + zeros)
		kt_buf_pad(b, c->width - nd - np - zeros);
	kt_buf_write(b, prefix, np);
	if (zeros) {
		kt_buf_grow(b, zeros);
		memset(b->s + b->len, '0', zeros);
		b->len += zeros;
	}
	kt_buf_write(b, p, nd);
	if (c->left && c->width > nd + np)
		kt_buf_pad(b, c->width - nd - np);
}

/*
 * printf() for the conversions the decoders use: text, "%%", "%s", "%c",
 * and "%d", "%i", "%u", "%x", "%X", "%o" with the flags "#", "0" and "-",
 * a width (digits or "*") and the lengths hh, h, l, ll and z.  In place,
 * with none of vsnprintf()'s set-up, which cost most of a decoded stat's
 * line (callgrind, Documentation/benchmark.rst).  False at anything else
 * (a precision, "%p", floating point), with part of the text appended:
 * the caller starts again with vsnprintf().
 */
static bool kt_buf_vfast(struct kt_buf *b, const char *fmt, va_list ap)
{
	unsigned long long u;
	struct kt_conv c;
	const char *pct, *s;
	long long v;
	int len, w;
	char ch;

	for (;;) {
		pct = strchr(fmt, '%');
		if (!pct) {
			kt_buf_puts(b, fmt);
			return true;
		}
		kt_buf_write(b, fmt, pct - fmt);
		fmt = pct + 1;
		c = (struct kt_conv){ 0 };
		for (;; fmt++) {
			if (*fmt == '#')
				c.alt = true;
			else if (*fmt == '0')
				c.zero = true;
			else if (*fmt == '-')
				c.left = true;
			else
				break;
		}
		if (*fmt == '*') {
			w = va_arg(ap, int);
			c.left |= w < 0;
			c.width = w < 0 ? -(unsigned int)w : (unsigned int)w;
			fmt++;
		}
		for (; *fmt >= '0' && *fmt <= '9'; fmt++) {
			if (c.width > 4096)
				return false;
			c.width = c.width * 10 + (*fmt - '0');
		}
		/* Widths as large as that are vsnprintf()'s to refuse. */
		if (c.width > 4096)
			return false;
		/* len: -2 hh, -1 h, 0 int, 1 long, 2 long long, 3 size_t */
		len = 0;
		if (*fmt == 'h') {
			len = fmt[1] == 'h' ? -2 : -1;
			fmt += -len;
		} else if (*fmt == 'l') {
			len = fmt[1] == 'l' ? 2 : 1;
			fmt += len;
		} else if (*fmt == 'z') {
			len = 3;
			fmt++;
		}
		switch (*fmt++) {
		case 'd':
		case 'i':
			if (len == 2)
				v = va_arg(ap, long long);
			else if (len == 1 || len == 3)
				v = va_arg(ap, long);
			else
				v = va_arg(ap, int);
			if (len == -2)
				v = (signed char)v;
			else if (len == -1)
				v = (short)v;
			kt_buf_int(b, &c, v < 0 ? -(unsigned long long)v :
				   (unsigned long long)v, v < 0, 10, false);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (len == 2)
				u = va_arg(ap, unsigned long long);
			else if (len == 1)
				u = va_arg(ap, unsigned long);
			else if (len == 3)
				u = va_arg(ap, size_t);
			else
				u = va_arg(ap, unsigned int);
			if (len == -2)
				u = (unsigned char)u;
			else if (len == -1)
				u = (unsigned short)u;
			ch = fmt[-1];
			kt_buf_int(b, &c, u, false,
				   ch == 'u' ? 10 : ch == 'o' ? 8 : 16,
				   ch == 'X');
			break;
		case 's':
			if (len || c.zero || c.alt)
				return false;
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			kt_buf_field(b, &c, s, strlen(s));
			break;
		case 'c':
			if (len || c.zero || c.alt)
				return false;
			ch = (char)va_arg(ap, int);
			kt_buf_field(b, &c, &ch, 1);
			break;
		case '%':
			if (c.alt || c.zero || c.left || c.width || len)
				return false;
			kt_buf_putc(b, '%');
			break;
		default:
			return false;
		}
	}
}

/*
 * kt_buf_vfast(), or when it cannot, one vsnprintf() into the room the
 * buffer has (at least 64 bytes are made first); a second only when that
 * was too small.
 */
void kt_buf_vprintf(struct kt_buf *b, const char *fmt, va_list ap)
{
	size_t start = b->len, room;
	va_list aq;
	bool done;
	int n;

	va_copy(aq, ap);
	done = kt_buf_vfast(b, fmt, aq);
	va_end(aq);
	if (done)
		return;
	b->len = start;
	kt_buf_grow(b, 64);
	room = b->cap - b->len;
	va_copy(aq, ap);
	n = vsnprintf(b->s + b->len, room, fmt, aq);
	va_end(aq);
	if (n <= 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		kt_buf_grow(b, n);
		vsnprintf(b->s + b->len, n + 1, fmt, ap);
	}
	b->len += n;
}

void kt_buf_printf(struct kt_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kt_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* A byte as strace escapes it in a string: "\%o", or "\%03o" if @wide. */
static void kt_buf_octal(struct kt_buf *b, unsigned int c, bool wide)
{
	char tmp[4] = { '\\', '0' + (c >> 6), '0' + ((c >> 3) & 7),
			'0' + (c & 7) };
	unsigned int skip = wide || c >= 0100 ? 0 : c >= 010 ? 1 : 2;

	tmp[skip] = '\\';
	kt_buf_write(b, tmp + skip, sizeof(tmp) - skip);
}

void kt_buf_free(struct kt_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

/* @n bytes as "\x95\x4d", unquoted. */
static void kt_format_hex_bytes_raw(struct kt_buf *b, const uint8_t *p,
				    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char x[4] = { '\\', 'x', "0123456789abcdef"[p[i] >> 4],
			      "0123456789abcdef"[p[i] & 15] };

		kt_buf_write(b, x, sizeof(x));
	}
}

/* -x, --strings-in-hex: KT_HEX_* */
unsigned int kt_xflag;

/* -x: does a byte call for the whole string in hex? */
static bool wants_hex(const uint8_t *p, size_t n)
{
	size_t i;

	if (kt_xflag == KT_HEX_ALL)
		return true;
	for (i = 0; kt_xflag == KT_HEX_NON_ASCII && i < n; i++)
		if (p[i] > 0x7e ||
		    (p[i] < ' ' && (!p[i] || !strchr("\t\n\v\f\r", p[i]))))
			return true;
	return false;
}

/*
 * The quoted form of len bytes, at most max of them, with "..." after the
 * closing quote when more follow.  Unprintable bytes become octal escapes,
 * as short as they can be unless an octal digit follows; hex ones with
 * --strings-in-hex=non-ascii-chars.
 */
void kt_format_bytes(struct kt_buf *b, const uint8_t *p, size_t len,
		     size_t max, bool more)
{
	size_t i, n = len < max ? len : max;

	if (wants_hex(p, n)) {
		kt_format_hex_bytes(b, p, len, max, more);
		return;
	}
	kt_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		uint8_t c = p[i];
		size_t run = i;

		/* A run of bytes printed as they are, in one append. */
		while (run < n && p[run] >= ' ' && p[run] < 0x7f &&
		       p[run] != '"' && p[run] != '\\')
			run++;
		if (run > i) {
			kt_buf_write(b, (const char *)p + i, run - i);
			i = run - 1;
			continue;
		}
		switch (c) {
		case '"':
		case '\\':
			kt_buf_putc(b, '\\');
			kt_buf_putc(b, c);
			break;
		case '\t':
			kt_buf_puts(b, "\\t");
			break;
		case '\n':
			kt_buf_puts(b, "\\n");
			break;
		case '\v':
			kt_buf_puts(b, "\\v");
			break;
		case '\f':
			kt_buf_puts(b, "\\f");
			break;
		case '\r':
			kt_buf_puts(b, "\\r");
			break;
		default:
			if (c >= ' ' && c < 0x7f)
				kt_buf_putc(b, c);
			else if (kt_xflag == KT_HEX_CHARS)
				kt_format_hex_bytes_raw(b, &c, 1);
			else
				kt_buf_octal(b, c, i + 1 < n &&
					     p[i + 1] >= '0' && p[i + 1] <= '7');
		}
	}
	kt_buf_putc(b, '"');
	if (more || len > max)
		kt_buf_puts(b, "...");
}

/* strace's form for random bytes: "\x95\x4d"... */
void kt_format_hex_bytes(struct kt_buf *b, const uint8_t *p, size_t len,
			 size_t max, bool more)
{
	size_t n = len < max ? len : max;

	kt_buf_putc(b, '"');
	kt_format_hex_bytes_raw(b, p, n);
	kt_buf_putc(b, '"');
	if (more || len > max)
		kt_buf_puts(b, "...");
}

void kt_format_ptr(struct kt_buf *b, uint64_t p)
{
	if (p)
		kt_buf_hex(b, p);
	else
		kt_buf_puts(b, "NULL");
}

/* A string limited by -s; a fault or a missing capture prints nothing. */
void kt_format_string(struct kt_buf *b, const struct kt_blob *blob,
		      const struct kt_fmt_opts *o)
{
	kt_format_bytes(b, blob->data, blob->len, o->strsize,
			blob->flags & KT_BLOB_TRUNCATED);
}

/* A path: strace does not cut paths at -s. */
void kt_format_path(struct kt_buf *b, const struct kt_blob *blob)
{
	kt_format_bytes(b, blob->data, blob->len, blob->len,
			blob->flags & KT_BLOB_TRUNCATED);
}

const char *kt_xlat_find(const struct kt_xlat *x, uint64_t v)
{
	for (; x->str; x++)
		if (x->val == v)
			return x->str;
	return NULL;
}

/*
 * A flag set: "A|B|0x40" for known and unknown bits, "0x40 /+ X_??? +/"
 * when none is known, and the table's zero-valued name (O_RDONLY) or "0"
 * for no bits.
 */
/*
 * -X: a constant printed between kt_const_begin() and kt_const_end() as
 * strace's default (abbrev) shows it is turned into its number (raw), or
 * its number with the names in a comment (verbose).  Constants printed
 * within one, such as the parts of a composite flag word, stay as they
 * are: the outer one decides.
 */
static unsigned int const_depth;

size_t kt_const_begin(struct kt_buf *b)
{
	const_depth++;
	return b->len;
}

void kt_const_end(struct kt_buf *b, size_t mark, uint64_t v, char fmt)
{
	char num[32], *text;

	if (--const_depth || kt_xlat_style == KT_XLAT_ABBREV || mark > b->len)
		return;
	if (fmt == 'd')
		snprintf(num, sizeof(num), "%lld", (long long)v);
	else if (fmt == 'u')
		snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	else if (fmt == 'o')
		snprintf(num, sizeof(num), "%#03llo", (unsigned long long)v);
	else
		snprintf(num, sizeof(num), "%#llx", (unsigned long long)v);
	text = strndup(b->s + mark, b->len - mark);
	if (!text)
		return;
	b->len = mark;
	if (kt_xlat_style == KT_XLAT_RAW)
		kt_buf_puts(b, num);
	else if (!strcmp(text, num) || strstr(text, "/*") || !*text)
		kt_buf_puts(b, *text ? text : num);
	else
		kt_buf_printf(b, "%s /* %s */", num, text);
	free(text);
}

static void format_flags(struct kt_buf *b, const struct kt_xlat *x,
			 const struct kt_xlat *y, uint64_t v,
			 const char *unknown);

void kt_format_flags(struct kt_buf *b, const struct kt_xlat *x, uint64_t v,
		     const char *unknown)
{
	kt_format_flags2(b, x, NULL, v, unknown);
}

/* Flags named by @x, then by @y (NULL: none), as strace's printflags_ex. */
void kt_format_flags2(struct kt_buf *b, const struct kt_xlat *x,
		      const struct kt_xlat *y, uint64_t v, const char *unknown)
{
	size_t mark = kt_const_begin(b);

	format_flags(b, x, y, v, unknown);
	kt_const_end(b, mark, v, 'x');
}

static void format_flags(struct kt_buf *b, const struct kt_xlat *x,
			 const struct kt_xlat *y, uint64_t v,
			 const char *unknown)
{
	const struct kt_xlat *t[] = { x, y }, *e;
	bool any = false;
	size_t i;

	if (!v) {
		const char *zero = kt_xlat_find(x, 0);

		kt_buf_puts(b, zero ? zero : "0");
		return;
	}
	for (i = 0; i < ARRAY_SIZE(t) && t[i]; i++) {
		for (e = t[i]; e->str; e++) {
			if (!e->val || (v & e->val) != e->val)
				continue;
			if (any)
				kt_buf_putc(b, '|');
			kt_buf_puts(b, e->str);
			v &= ~e->val;
			any = true;
		}
	}
	if (!v)
		return;
	if (any)
		kt_buf_printf(b, "|%#llx", (unsigned long long)v);
	else if (unknown)
		kt_buf_printf(b, "%#llx /* %s */", (unsigned long long)v, unknown);
	else
		kt_buf_hex(b, v);
}

/* One of a set of values, or "0x5 /+ SEEK_??? +/". */
void kt_format_xval(struct kt_buf *b, const struct kt_xlat *x, uint64_t v,
		    const char *unknown)
{
	const char *s = kt_xlat_find(x, v);
	size_t mark = kt_const_begin(b);

	if (s)
		kt_buf_puts(b, s);
	else if (unknown)
		kt_buf_printf(b, "%#llx /* %s */", (unsigned long long)v, unknown);
	else
		kt_buf_hex(b, v);
	kt_const_end(b, mark, v, 'x');
}

/* A file mode as strace prints it, and "%#03o": 0644, 000. */
void kt_format_mode(struct kt_buf *b, unsigned int mode)
{
	static const struct kt_conv c = { .alt = true, .zero = true,
					  .width = 3 };

	kt_buf_int(b, &c, mode, false, 8, false);
}

static const char *const errno_names[] = {
	[EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH",
	[EINTR] = "EINTR", [EIO] = "EIO", [ENXIO] = "ENXIO",
	[E2BIG] = "E2BIG", [ENOEXEC] = "ENOEXEC", [EBADF] = "EBADF",
	[ECHILD] = "ECHILD", [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM",
	[EACCES] = "EACCES", [EFAULT] = "EFAULT", [ENOTBLK] = "ENOTBLK",
	[EBUSY] = "EBUSY", [EEXIST] = "EEXIST", [EXDEV] = "EXDEV",
	[ENODEV] = "ENODEV", [ENOTDIR] = "ENOTDIR", [EISDIR] = "EISDIR",
	[EINVAL] = "EINVAL", [ENFILE] = "ENFILE", [EMFILE] = "EMFILE",
	[ENOTTY] = "ENOTTY", [ETXTBSY] = "ETXTBSY", [EFBIG] = "EFBIG",
	[ENOSPC] = "ENOSPC", [ESPIPE] = "ESPIPE", [EROFS] = "EROFS",
	[EMLINK] = "EMLINK", [EPIPE] = "EPIPE", [EDOM] = "EDOM",
	[ERANGE] = "ERANGE", [EDEADLK] = "EDEADLK",
	[ENAMETOOLONG] = "ENAMETOOLONG", [ENOLCK] = "ENOLCK",
	[ENOTEMPTY] = "ENOTEMPTY", [ELOOP] = "ELOOP",
	[38] = "ENOSYS",	/* by number: checkpatch frowns at the macro */
	[ENOMSG] = "ENOMSG", [EIDRM] = "EIDRM", [ECHRNG] = "ECHRNG",
	[EL2NSYNC] = "EL2NSYNC", [EL3HLT] = "EL3HLT", [EL3RST] = "EL3RST",
	[ELNRNG] = "ELNRNG", [EUNATCH] = "EUNATCH", [ENOCSI] = "ENOCSI",
	[EL2HLT] = "EL2HLT", [EBADE] = "EBADE", [EBADR] = "EBADR",
	[EXFULL] = "EXFULL", [ENOANO] = "ENOANO", [EBADRQC] = "EBADRQC",
	[EBADSLT] = "EBADSLT", [EBFONT] = "EBFONT", [ENOSTR] = "ENOSTR",
	[ENODATA] = "ENODATA", [ETIME] = "ETIME", [ENOSR] = "ENOSR",
	[ENONET] = "ENONET", [ENOPKG] = "ENOPKG", [EREMOTE] = "EREMOTE",
	[ENOLINK] = "ENOLINK", [EADV] = "EADV", [ESRMNT] = "ESRMNT",
	[ECOMM] = "ECOMM", [EPROTO] = "EPROTO", [EMULTIHOP] = "EMULTIHOP",
	[EDOTDOT] = "EDOTDOT", [EBADMSG] = "EBADMSG",
	[EOVERFLOW] = "EOVERFLOW", [ENOTUNIQ] = "ENOTUNIQ",
	[EBADFD] = "EBADFD", [EREMCHG] = "EREMCHG", [ELIBACC] = "ELIBACC",
	[ELIBBAD] = "ELIBBAD", [ELIBSCN] = "ELIBSCN", [ELIBMAX] = "ELIBMAX",
	[ELIBEXEC] = "ELIBEXEC", [EILSEQ] = "EILSEQ", [ERESTART] = "ERESTART",
	[ESTRPIPE] = "ESTRPIPE", [EUSERS] = "EUSERS", [ENOTSOCK] = "ENOTSOCK",
	[EDESTADDRREQ] = "EDESTADDRREQ", [EMSGSIZE] = "EMSGSIZE",
	[EPROTOTYPE] = "EPROTOTYPE", [ENOPROTOOPT] = "ENOPROTOOPT",
	[EPROTONOSUPPORT] = "EPROTONOSUPPORT",
	[ESOCKTNOSUPPORT] = "ESOCKTNOSUPPORT", [EOPNOTSUPP] = "EOPNOTSUPP",
	[EPFNOSUPPORT] = "EPFNOSUPPORT", [EAFNOSUPPORT] = "EAFNOSUPPORT",
	[EADDRINUSE] = "EADDRINUSE", [EADDRNOTAVAIL] = "EADDRNOTAVAIL",
	[ENETDOWN] = "ENETDOWN", [ENETUNREACH] = "ENETUNREACH",
	[ENETRESET] = "ENETRESET", [ECONNABORTED] = "ECONNABORTED",
	[ECONNRESET] = "ECONNRESET", [ENOBUFS] = "ENOBUFS",
	[EISCONN] = "EISCONN", [ENOTCONN] = "ENOTCONN",
	[ESHUTDOWN] = "ESHUTDOWN", [ETOOMANYREFS] = "ETOOMANYREFS",
	[ETIMEDOUT] = "ETIMEDOUT", [ECONNREFUSED] = "ECONNREFUSED",
	[EHOSTDOWN] = "EHOSTDOWN", [EHOSTUNREACH] = "EHOSTUNREACH",
	[EALREADY] = "EALREADY", [EINPROGRESS] = "EINPROGRESS",
	[ESTALE] = "ESTALE", [EUCLEAN] = "EUCLEAN", [ENOTNAM] = "ENOTNAM",
	[ENAVAIL] = "ENAVAIL", [EISNAM] = "EISNAM", [EREMOTEIO] = "EREMOTEIO",
	[EDQUOT] = "EDQUOT", [ENOMEDIUM] = "ENOMEDIUM",
	[EMEDIUMTYPE] = "EMEDIUMTYPE", [ECANCELED] = "ECANCELED",
	[ENOKEY] = "ENOKEY", [EKEYEXPIRED] = "EKEYEXPIRED",
	[EKEYREVOKED] = "EKEYREVOKED", [EKEYREJECTED] = "EKEYREJECTED",
	[EOWNERDEAD] = "EOWNERDEAD", [ENOTRECOVERABLE] = "ENOTRECOVERABLE",
	[ERFKILL] = "ERFKILL", [EHWPOISON] = "EHWPOISON",
};

/* The kernel's own codes, include/linux/errno.h, from 512. */
static const char *const kernel_errno_names[] = {
	"ERESTARTSYS", "ERESTARTNOINTR", "ERESTARTNOHAND", "ENOIOCTLCMD",
	"ERESTART_RESTARTBLOCK", "EPROBE_DEFER", "EOPENSTALE", "ENOPARAM",
	NULL, "EBADHANDLE", "ENOTSYNC", "EBADCOOKIE", "ENOTSUPP",
	"ETOOSMALL", "ESERVERFAULT", "EBADTYPE", "EJUKEBOX", "EIOCBQUEUED",
	"ERECALLCONFLICT", "ENOGRACE",
};

const char *kt_errno_name(int err)
{
	if (err > 0 && (size_t)err < ARRAY_SIZE(errno_names))
		return errno_names[err];
	if (err >= 512 && (size_t)(err - 512) < ARRAY_SIZE(kernel_errno_names))
		return kernel_errno_names[err - 512];
	return NULL;
}

static const char *const signal_names[] = {
	[SIGHUP] = "SIGHUP", [SIGINT] = "SIGINT", [SIGQUIT] = "SIGQUIT",
	[SIGILL] = "SIGILL", [SIGTRAP] = "SIGTRAP", [SIGABRT] = "SIGABRT",
	[SIGBUS] = "SIGBUS", [SIGFPE] = "SIGFPE", [SIGKILL] = "SIGKILL",
	[SIGUSR1] = "SIGUSR1", [SIGSEGV] = "SIGSEGV", [SIGUSR2] = "SIGUSR2",
	[SIGPIPE] = "SIGPIPE", [SIGALRM] = "SIGALRM", [SIGTERM] = "SIGTERM",
	[SIGSTKFLT] = "SIGSTKFLT", [SIGCHLD] = "SIGCHLD",
	[SIGCONT] = "SIGCONT", [SIGSTOP] = "SIGSTOP", [SIGTSTP] = "SIGTSTP",
	[SIGTTIN] = "SIGTTIN", [SIGTTOU] = "SIGTTOU", [SIGURG] = "SIGURG",
	[SIGXCPU] = "SIGXCPU", [SIGXFSZ] = "SIGXFSZ",
	[SIGVTALRM] = "SIGVTALRM", [SIGPROF] = "SIGPROF",
	[SIGWINCH] = "SIGWINCH", [SIGIO] = "SIGIO", [SIGPWR] = "SIGPWR",
	[SIGSYS] = "SIGSYS",
};

/* The kernel's real-time signals, whatever libc reserves of them. */
#define KT_SIGRTMIN	32
#define KT_SIGRTMAX	64

const char *kt_signal_name(int sig)
{
	static char rt[16];

	if (sig > 0 && (size_t)sig < ARRAY_SIZE(signal_names))
		return signal_names[sig];
	if (sig == KT_SIGRTMIN)
		return "SIGRTMIN";
	if (sig > KT_SIGRTMIN && sig <= KT_SIGRTMAX) {
		snprintf(rt, sizeof(rt), "SIGRT_%d", sig - KT_SIGRTMIN);
		return rt;
	}
	return NULL;
}

int kt_signal_number(const char *name)
{
	char *end;
	long n;
	int sig;

	/* As strace: a number up to 255, a name in any case. */
	n = strtol(name, &end, 10);
	if (*name >= '0' && *name <= '9' && !*end)
		return n > 0 && n <= 255 ? (int)n : -1;
	if (!strncasecmp(name, "SIG", 3))
		name += 3;
	for (sig = 1; sig <= KT_SIGRTMAX; sig++)
		if (!strcasecmp(kt_signal_name(sig) + 3, name))
			return sig;
	return -1;
}

/* A signal number: its name, or the number as strace prints it. */
void kt_format_signal(struct kt_buf *b, int sig)
{
	const char *s = kt_signal_name(sig);
	size_t mark = kt_const_begin(b);

	if (s)
		kt_buf_puts(b, s);
	else
		kt_buf_printf(b, "%d", sig);
	kt_const_end(b, mark, (uint64_t)(int64_t)sig, 'd');
}

/*
 * A kernel sigset_t: "[INT QUIT]", or "~[KILL STOP]" when more than half
 * the signals are in it, as strace does.
 */
void kt_format_sigset(struct kt_buf *b, const uint8_t *p, size_t len)
{
	unsigned int sig, nsig = len * 8, set = 0;
	bool invert, first = true;

	if (nsig > KT_SIGRTMAX)
		nsig = KT_SIGRTMAX;
	for (sig = 1; sig <= nsig; sig++)
		if (p[(sig - 1) / 8] & (1u << ((sig - 1) % 8)))
			set++;
	invert = set * 2 > nsig;
	if (invert)
		kt_buf_putc(b, '~');
	kt_buf_putc(b, '[');
	for (sig = 1; sig <= nsig; sig++) {
		bool in = p[(sig - 1) / 8] & (1u << ((sig - 1) % 8));

		if (in == invert)
			continue;
		kt_buf_printf(b, "%s%s", first ? "" : " ",
			      kt_signal_name(sig) + 3);
		first = false;
	}
	kt_buf_putc(b, ']');
}

void kt_buf_comm(struct kt_buf *b, const char *comm)
{
	static const char from[] = "\t\n\v\f\r\"\\", to[] = "tnvfr\"\\";
	const unsigned char *p = (const unsigned char *)comm;
	const char *e;

	kt_buf_putc(b, '<');
	for (; *p; p++) {
		e = strchr(from, *p);
		if (e) {
			kt_buf_putc(b, '\\');
			kt_buf_putc(b, to[e - from]);
		} else if (*p >= ' ' && *p < 0x7f && *p != '<' && *p != '>') {
			kt_buf_putc(b, *p);
		} else if (p[1] >= '0' && p[1] <= '7') {
			kt_buf_printf(b, "\\%03o", *p);
		} else {
			kt_buf_printf(b, "\\%o", *p);
		}
	}
	kt_buf_putc(b, '>');
}
