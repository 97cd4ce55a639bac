// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the syscalls on paths: open and its flags, the
 * stat family, access, mkdir, unlink, rename, links, chdir, getcwd,
 * readlink, chmod, chown, truncate, umask, mount and chroot; the
 * extended attributes, inotify and fallocate; file handles.
 */
#include <string.h>

#include "decoders.h"

#define KT_O_CREAT	00100
#define KT_O_TMPFILE	020000000

/* O_RDONLY|O_CLOEXEC: the access mode, then the other flags. */
static void open_flags(struct kt_dec *d, int i)
{
	uint64_t flags = (uint32_t)kt_arg(d, i);

	kt_sep(d);
	kt_format_open_flags(d->b, flags, NULL);
	if (flags & (KT_O_CREAT | KT_O_TMPFILE))
		kt_a_mode(d, i + 1);
}

static void dec_open(struct kt_dec *d)
{
	kt_a_path(d, 0);
	open_flags(d, 1);
}

static void dec_openat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	open_flags(d, 2);
}

static void dec_creat(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_mode(d, 1);
}

/*
 * A struct file_handle's type and handle, of @n bytes after its 8-byte
 * header at @p (up to MAX_HANDLE_SZ, 128, of them captured), as strace's
 * hexadecimal string; "???" when the capture holds less.
 */
static void handle_bytes(struct kt_dec *d, const struct kt_blob *blob, uint32_t n)
{
	uint32_t have = n < 128 ? n : 128;
	int32_t type;

	memcpy(&type, blob->data + 4, 4);
	kt_buf_printf(d->b, ", handle_type=%d, f_handle=", type);
	if (blob->len < 8 + have) {
		kt_buf_puts(d->b, "???");
		return;
	}
	kt_format_hex_bytes(d->b, blob->data + 8, have, have, n > have);
}

static const struct kt_xlat handle_at_flags[] = {
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x1000, "AT_EMPTY_PATH" }, KT_XEND
};

/*
 * name_to_handle_at(AT_FDCWD, "/etc/passwd", {handle_bytes=128 => 8,
 * handle_type=1, f_handle="\x5d..."}, [26], 0) = 0: the size asked at the
 * enter, what the kernel wrote at the exit (only the size needed after
 * EOVERFLOW), the mount id
 */
static void dec_name_to_handle_at(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[2];
	const struct kt_blob *out = kt_exit_blob(d->sc, 2);
	bool failed = kt_failed(d), overflow = (int32_t)d->sc->ret == -75;
	uint32_t asked, bytes;

	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_sep(d);
	if (!kt_arg(d, 2) || !in->data || in->len < 4 ||
	    (in->flags & KT_BLOB_FAULT)) {
		kt_format_ptr(d->b, kt_arg(d, 2));
		kt_a_ptr(d, 3);
		kt_a_flags(d, 4, handle_at_flags, "AT_???");
		return;
	}
	memcpy(&asked, in->data, 4);
	kt_buf_printf(d->b, "{handle_bytes=%u", asked);
	if (kt_entry_only(d, false))
		return;
	if ((!failed || overflow) && out && out->data && out->len >= 8 &&
	    !(out->flags & KT_BLOB_FAULT)) {
		memcpy(&bytes, out->data, 4);
		if (bytes != asked)
			kt_buf_printf(d->b, " => %u", bytes);
		if (!failed)
			handle_bytes(d, out, bytes);
	}
	kt_buf_putc(d->b, '}');
	kt_a_int_ptr(d, 3);
	kt_a_flags(d, 4, handle_at_flags, "AT_???");
}

/* open_by_handle_at(3, {handle_bytes=8, handle_type=1, f_handle=...}, O_RDONLY) */
static void dec_open_by_handle_at(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 1);
	uint32_t bytes;

	kt_a_fd(d, 0);
	kt_sep(d);
	if (!kt_blob_read(d, 1, 0, &bytes, 4) || blob->len < 8) {
		kt_format_ptr(d->b, kt_arg(d, 1));
	} else {
		kt_buf_printf(d->b, "{handle_bytes=%u", bytes);
		handle_bytes(d, blob, bytes);
		kt_buf_putc(d->b, '}');
	}
	kt_sep(d);
	kt_format_open_flags(d->b, (uint32_t)kt_arg(d, 2), NULL);
}

static const struct kt_xlat resolve_flags[] = {
	{ 1, "RESOLVE_NO_XDEV" }, { 2, "RESOLVE_NO_MAGICLINKS" },
	{ 4, "RESOLVE_NO_SYMLINKS" }, { 8, "RESOLVE_BENEATH" },
	{ 16, "RESOLVE_IN_ROOT" }, { 32, "RESOLVE_CACHED" }, KT_XEND
};

static void dec_openat2(struct kt_dec *d)
{
	uint64_t how[3];

	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_sep(d);
	if (kt_blob_read(d, 2, 0, how, sizeof(how))) {
		kt_buf_puts(d->b, "{flags=");
		kt_format_open_flags(d->b, how[0], NULL);
		if (how[0] & (KT_O_CREAT | KT_O_TMPFILE) || how[1]) {
			kt_buf_puts(d->b, ", mode=");
			kt_format_mode(d->b, how[1]);
		}
		kt_buf_puts(d->b, ", resolve=");
		kt_format_flags(d->b, resolve_flags, how[2], NULL);
		kt_buf_putc(d->b, '}');
	} else {
		kt_format_ptr(d->b, kt_arg(d, 2));
	}
	kt_a_ulong(d, 3);
}

/* S_IFDIR|S_ISVTX|0777 */
static void symbolic_mode(struct kt_buf *b, unsigned int mode)
{
	static const char *const types[16] = {
		[001] = "S_IFIFO", [002] = "S_IFCHR", [004] = "S_IFDIR",
		[006] = "S_IFBLK", [010] = "S_IFREG", [012] = "S_IFLNK",
		[014] = "S_IFSOCK",
	};
	const char *type = types[(mode >> 12) & 017];
	size_t mark = kt_const_begin(b);

	if (type) {
		kt_buf_puts(b, type);
		kt_buf_putc(b, '|');
	} else if (mode & 0170000) {
		kt_buf_printf(b, "%#o|", mode & 0170000);
	}
	if (mode & 04000)
		kt_buf_puts(b, "S_ISUID|");
	if (mode & 02000)
		kt_buf_puts(b, "S_ISGID|");
	if (mode & 01000)
		kt_buf_puts(b, "S_ISVTX|");
	kt_format_mode(b, mode & 0777);
	kt_const_end(b, mark, mode, 'o');
}

static void rdev(struct kt_buf *b, uint64_t dev)
{
	unsigned int major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffU);
	unsigned int minor = (dev & 0xff) | ((dev >> 12) & ~0xffU);
	size_t mark = kt_const_begin(b);

	kt_buf_printf(b, "makedev(%#x, %#x)", major, minor);
	kt_const_end(b, mark, dev, 'x');
}

/* st_atime=1700000000 /+ 2023-...+0000 +/, st_atime_nsec=12 */
static void stat_time(struct kt_buf *b, const char *name, const uint8_t *p)
{
	int64_t sec;
	uint64_t nsec;

	memcpy(&sec, p, 8);
	memcpy(&nsec, p + 8, 8);
	kt_buf_printf(b, ", %s=%lld", name, (long long)sec);
	kt_time_comment(b, sec, nsec);
	kt_buf_printf(b, ", %s_nsec=%llu", name, (unsigned long long)nsec);
}

/*
 * The struct stat the kernel wrote, as strace abbreviates it:
 * {st_mode=S_IFREG|0644, st_size=3, ...}, or with -v whole (st_dev,
 * st_ino, ..., the times).  x86_64's layout only; other ABIs print the
 * pointer.
 */
static void stat_buf(struct kt_dec *d, int i)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	bool abbrev = kt_abbrev(d->sc);
	uint64_t u[3];
	uint32_t mode, ids[2];
	uint64_t dev;
	int64_t size;

	kt_sep(d);
	if (!kt_exiting_ok(d) || d->sc->abi != KTRACE_CLI_ABI_X86_64 ||
	    !kt_blob_read(d, i, 24, &mode, 4) ||
	    !kt_blob_read(d, i, 40, &dev, 8) ||
	    !kt_blob_read(d, i, 48, &size, 8) ||
	    (!abbrev && !kt_blob_usable(d, i, 120))) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	if (abbrev) {
		kt_buf_puts(d->b, "{st_mode=");
	} else {
		memcpy(u, blob->data, sizeof(u));	/* dev, ino, nlink */
		memcpy(ids, blob->data + 28, sizeof(ids));
		kt_buf_puts(d->b, "{st_dev=");
		rdev(d->b, u[0]);
		kt_buf_printf(d->b, ", st_ino=%llu, st_mode=",
			      (unsigned long long)u[1]);
	}
	symbolic_mode(d->b, mode);
	if (!abbrev) {
		memcpy(&u[0], blob->data + 56, 8);	/* blksize */
		memcpy(&u[1], blob->data + 64, 8);	/* blocks */
		kt_buf_printf(d->b,
			      ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%llu, st_blocks=%llu",
			      (unsigned long long)u[2], ids[0], ids[1],
			      (unsigned long long)u[0],
			      (unsigned long long)u[1]);
	}
	if ((mode & 0170000) == 0020000 || (mode & 0170000) == 0060000) {
		kt_buf_puts(d->b, ", st_rdev=");
		rdev(d->b, dev);
	} else {
		kt_buf_puts(d->b, ", st_size=");
		kt_buf_dec(d->b, size);
	}
	if (abbrev) {
		kt_buf_puts(d->b, ", ...}");
		return;
	}
	stat_time(d->b, "st_atime", blob->data + 72);
	stat_time(d->b, "st_mtime", blob->data + 88);
	stat_time(d->b, "st_ctime", blob->data + 104);
	kt_buf_putc(d->b, '}');
}

/*
 * i386's struct __old_kernel_stat of oldstat, oldfstat and oldlstat:
 * 16-bit ids, 32-bit size and times, no nanoseconds.  As strace prints
 * it: {st_mode=S_IFDIR|0755, st_size=340, ...}, or with -v whole, its
 * missing st_blksize and st_blocks as 0.
 */
static void old_stat_buf(struct kt_dec *d, int i)
{
	const char *const times[] = { "st_atime", "st_mtime", "st_ctime" };
	uint16_t h[7];		/* dev, ino, mode, nlink, uid, gid, rdev */
	uint32_t w[4];		/* size, atime, mtime, ctime */
	unsigned int k;

	kt_sep(d);
	if (!kt_exiting_ok(d) || !kt_blob_read(d, i, 0, h, sizeof(h)) ||
	    !kt_blob_read(d, i, 16, w, sizeof(w))) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	if (kt_abbrev(d->sc)) {
		kt_buf_puts(d->b, "{st_mode=");
	} else {
		kt_buf_puts(d->b, "{st_dev=");
		rdev(d->b, h[0]);
		kt_buf_printf(d->b, ", st_ino=%u, st_mode=", h[1]);
	}
	symbolic_mode(d->b, h[2]);
	if (!kt_abbrev(d->sc))
		kt_buf_printf(d->b,
			      ", st_nlink=%u, st_uid=%u, st_gid=%u, st_blksize=0, st_blocks=0",
			      h[3], h[4], h[5]);
	if ((h[2] & 0170000) == 0020000 || (h[2] & 0170000) == 0060000) {
		kt_buf_puts(d->b, ", st_rdev=");
		rdev(d->b, h[6]);
	} else {
		kt_buf_printf(d->b, ", st_size=%u", w[0]);
	}
	if (kt_abbrev(d->sc)) {
		kt_buf_puts(d->b, ", ...}");
		return;
	}
	for (k = 0; k < ARRAY_SIZE(times); k++) {
		kt_buf_printf(d->b, ", %s=%d", times[k], (int32_t)w[k + 1]);
		kt_time_comment(d->b, (int32_t)w[k + 1], 0);
	}
	kt_buf_putc(d->b, '}');
}

static void dec_oldstat(struct kt_dec *d)
{
	if (!strcmp(d->name, "oldfstat"))
		kt_a_fd(d, 0);
	else
		kt_a_path(d, 0);
	if (kt_entry_only(d, true))
		return;
	old_stat_buf(d, 1);
}

const struct kt_xlat kt_at_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x200, "AT_REMOVEDIR" },
	{ 0x400, "AT_SYMLINK_FOLLOW" }, { 0x800, "AT_NO_AUTOMOUNT" },
	{ 0x1000, "AT_EMPTY_PATH" }, { 0x8000, "AT_RECURSIVE" },
	KT_XEND
};

static void dec_stat(struct kt_dec *d)
{
	kt_a_path(d, 0);
	if (kt_entry_only(d, true))
		return;
	stat_buf(d, 1);
}

static void dec_fstat(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	stat_buf(d, 1);
}

static void dec_newfstatat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	if (kt_entry_only(d, true))
		return;
	stat_buf(d, 2);
	kt_a_flags(d, 3, kt_at_flags, "AT_???");
}

static const struct kt_xlat statx_mask[] = {
	{ 0x1, "STATX_TYPE" }, { 0x2, "STATX_MODE" }, { 0x4, "STATX_NLINK" },
	{ 0x8, "STATX_UID" }, { 0x10, "STATX_GID" }, { 0x20, "STATX_ATIME" },
	{ 0x40, "STATX_MTIME" }, { 0x80, "STATX_CTIME" },
	{ 0x100, "STATX_INO" }, { 0x200, "STATX_SIZE" },
	{ 0x400, "STATX_BLOCKS" }, { 0x800, "STATX_BTIME" },
	{ 0x1000, "STATX_MNT_ID" }, { 0x2000, "STATX_DIOALIGN" },
	KT_XEND
};

static const struct kt_xlat statx_masks[] = {
	{ 0xfff, "STATX_ALL" }, { 0x7ff, "STATX_BASIC_STATS" }, KT_XEND
};

/* STATX_BASIC_STATS|STATX_MNT_ID: strace names the basic set first. */
static void statx_mask_print(struct kt_buf *b, uint32_t mask)
{
	const char *s = kt_xlat_find(statx_masks, mask);
	size_t mark = kt_const_begin(b);

	if (s) {
		kt_buf_puts(b, s);
	} else if ((mask & 0xfff) == 0xfff) {
		kt_buf_puts(b, "STATX_ALL|");
		kt_format_flags(b, statx_mask, mask & ~0xfffU, "STATX_???");
	} else if ((mask & 0x7ff) == 0x7ff) {
		kt_buf_puts(b, "STATX_BASIC_STATS|");
		kt_format_flags(b, statx_mask, mask & ~0x7ffU, "STATX_???");
	} else {
		kt_format_flags(b, statx_mask, mask, "STATX_???");
	}
	kt_const_end(b, mark, mask, 'x');
}

static const struct kt_xlat statx_attrs[] = {
	{ 0x4, "STATX_ATTR_COMPRESSED" }, { 0x10, "STATX_ATTR_IMMUTABLE" },
	{ 0x20, "STATX_ATTR_APPEND" }, { 0x40, "STATX_ATTR_NODUMP" },
	{ 0x800, "STATX_ATTR_ENCRYPTED" }, { 0x1000, "STATX_ATTR_AUTOMOUNT" },
	{ 0x2000, "STATX_ATTR_MOUNT_ROOT" }, { 0x100000, "STATX_ATTR_VERITY" },
	{ 0x200000, "STATX_ATTR_DAX" },
	KT_XEND
};

static const struct kt_xlat statx_sync[] = {
	{ 0, "AT_STATX_SYNC_AS_STAT" }, { 0x2000, "AT_STATX_FORCE_SYNC" },
	{ 0x4000, "AT_STATX_DONT_SYNC" }, KT_XEND
};

/* stx_atime={tv_sec=1700000000, tv_nsec=12} /+ 2023-...+0000 +/ */
static void statx_time(struct kt_buf *b, const char *name, const uint8_t *p)
{
	int64_t sec;
	uint32_t nsec;

	memcpy(&sec, p, 8);
	memcpy(&nsec, p + 8, 4);
	kt_buf_printf(b, ", %s={tv_sec=%lld, tv_nsec=%u}", name, (long long)sec,
		      nsec);
	kt_time_comment(b, sec, nsec);
}

static void statx_id(struct kt_buf *b, const char *name, uint32_t id)
{
	if (id == (uint32_t)-1)
		kt_buf_printf(b, ", %s=-1", name);
	else
		kt_buf_printf(b, ", %s=%u", name, id);
}

/* -v: struct statx whole, the fields its stx_mask says are there. */
static void statx_whole(struct kt_buf *b, const uint8_t *p)
{
	uint32_t mask, u32[4];
	uint64_t u64[4];
	uint16_t mode;

	memcpy(&mask, p, 4);
	memcpy(u32, p + 4, 4);
	kt_buf_puts(b, "{stx_mask=");
	statx_mask_print(b, mask);
	kt_buf_printf(b, ", stx_blksize=%u, stx_attributes=", u32[0]);
	memcpy(u64, p + 8, 8);
	kt_format_flags(b, statx_attrs, u64[0], "STATX_ATTR_???");
	memcpy(u32, p + 16, 12);	/* nlink, uid, gid */
	if (mask & 0x4)
		kt_buf_printf(b, ", stx_nlink=%u", u32[0]);
	if (mask & 0x8)
		statx_id(b, "stx_uid", u32[1]);
	if (mask & 0x10)
		statx_id(b, "stx_gid", u32[2]);
	memcpy(&mode, p + 28, 2);
	if (mask & 0x3) {
		kt_buf_puts(b, ", stx_mode=");
		symbolic_mode(b, mode);
	}
	memcpy(u64, p + 32, 32);	/* ino, size, blocks, attributes_mask */
	if (mask & 0x100)
		kt_buf_printf(b, ", stx_ino=%llu", (unsigned long long)u64[0]);
	if (mask & 0x200)
		kt_buf_printf(b, ", stx_size=%llu", (unsigned long long)u64[1]);
	if (mask & 0x400)
		kt_buf_printf(b, ", stx_blocks=%llu",
			      (unsigned long long)u64[2]);
	kt_buf_puts(b, ", stx_attributes_mask=");
	kt_format_flags(b, statx_attrs, u64[3], "STATX_ATTR_???");
	if (mask & 0x20)
		statx_time(b, "stx_atime", p + 64);
	if (mask & 0x800)
		statx_time(b, "stx_btime", p + 80);
	if (mask & 0x80)
		statx_time(b, "stx_ctime", p + 96);
	if (mask & 0x40)
		statx_time(b, "stx_mtime", p + 112);
	memcpy(u32, p + 128, 16);
	kt_buf_printf(b, ", stx_rdev_major=%u, stx_rdev_minor=%u", u32[0], u32[1]);
	kt_buf_printf(b, ", stx_dev_major=%u, stx_dev_minor=%u", u32[2], u32[3]);
	if (mask & 0x1000) {
		memcpy(u64, p + 144, 8);
		kt_buf_printf(b, ", stx_mnt_id=%#llx",
			      (unsigned long long)u64[0]);
	}
	if (mask & 0x2000) {
		memcpy(u32, p + 152, 8);
		kt_buf_printf(b, ", stx_dio_mem_align=%u, stx_dio_offset_align=%u",
			      u32[0], u32[1]);
	}
	kt_buf_putc(b, '}');
}

static void dec_statx(struct kt_dec *d)
{
	uint64_t flags = (uint32_t)kt_arg(d, 2);
	uint64_t attrs, size;
	uint32_t mask;
	uint16_t mode;

	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_sep(d);
	/*
	 * Two words, each as -X says; -X raw prints nothing for a sync
	 * type of 0, as strace does ("|0x900").
	 */
	if (kt_xlat_style != KT_XLAT_RAW || (flags & 0x6000))
		kt_format_xval(d->b, statx_sync, flags & 0x6000, NULL);
	if (flags & ~0x6000ULL) {
		kt_buf_putc(d->b, '|');
		kt_format_flags(d->b, kt_at_flags, flags & ~0x6000ULL, NULL);
	}
	kt_sep(d);
	statx_mask_print(d->b, kt_arg(d, 3));
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!kt_abbrev(d->sc) && kt_exiting_ok(d) &&
	    kt_blob_usable(d, 4, 160)) {
		statx_whole(d->b, kt_blob_at(d, 4)->data);
		return;
	}
	if (!kt_exiting_ok(d) || !kt_blob_read(d, 4, 0, &mask, 4) ||
	    !kt_blob_read(d, 4, 8, &attrs, 8) ||
	    !kt_blob_read(d, 4, 0x1c, &mode, 2) ||
	    !kt_blob_read(d, 4, 0x28, &size, 8)) {
		kt_format_ptr(d->b, kt_arg(d, 4));
		return;
	}
	kt_buf_puts(d->b, "{stx_mask=");
	statx_mask_print(d->b, mask);
	kt_buf_puts(d->b, ", stx_attributes=");
	kt_format_flags(d->b, statx_attrs, attrs, "STATX_ATTR_???");
	kt_buf_puts(d->b, ", stx_mode=");
	symbolic_mode(d->b, mode);
	kt_buf_printf(d->b, ", stx_size=%llu, ...}", (unsigned long long)size);
}

static const struct kt_xlat access_flags[] = {
	{ 0, "F_OK" }, { 4, "R_OK" }, { 2, "W_OK" }, { 1, "X_OK" }, KT_XEND
};

static const struct kt_xlat faccessat_flags[] = {
	{ 0x200, "AT_EACCESS" }, { 0x100, "AT_SYMLINK_NOFOLLOW" },
	{ 0x1000, "AT_EMPTY_PATH" }, KT_XEND
};

static void dec_access(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_flags(d, 1, access_flags, "?_OK");
}

static void dec_faccessat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_flags(d, 2, access_flags, "?_OK");
	if (!strcmp(d->name, "faccessat2"))
		kt_a_flags(d, 3, faccessat_flags, "AT_???");
}

static void dec_path(struct kt_dec *d)
{
	kt_a_path(d, 0);
}

static void dec_path_mode(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_mode(d, 1);
}

static void dec_dirfd_path_mode(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_mode(d, 2);
	if (!strcmp(d->name, "fchmodat2"))
		kt_a_flags(d, 3, kt_at_flags, "AT_???");
}

static void dec_mknod(struct kt_dec *d)
{
	int i = strcmp(d->name, "mknodat") ? 0 : 1;

	if (i)
		kt_a_dirfd(d, 0);
	kt_a_path(d, i);
	kt_sep(d);
	symbolic_mode(d->b, kt_arg(d, i + 1));
	if (kt_arg(d, i + 1) & 0060000) {
		kt_sep(d);
		rdev(d->b, kt_arg(d, i + 2));
	}
}

static void dec_unlinkat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_flags(d, 2, kt_at_flags, "AT_???");
}

static void dec_path_path(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_path(d, 1);
}

static const struct kt_xlat rename_flags[] = {
	{ 1, "RENAME_NOREPLACE" }, { 2, "RENAME_EXCHANGE" },
	{ 4, "RENAME_WHITEOUT" }, KT_XEND
};

static void dec_renameat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_dirfd(d, 2);
	kt_a_path(d, 3);
	if (!strcmp(d->name, "renameat2"))
		kt_a_flags(d, 4, rename_flags, "RENAME_???");
}

static void dec_linkat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_dirfd(d, 2);
	kt_a_path(d, 3);
	kt_a_flags(d, 4, kt_at_flags, "AT_???");
}

static void dec_symlinkat(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_dirfd(d, 1);
	kt_a_path(d, 2);
}

static void dec_fd(struct kt_dec *d)
{
	kt_a_fd(d, 0);
}

/*
 * getcwd() returns the length with the NUL and the module copies that
 * much: the path is what comes before the NUL.
 */
static void dec_getcwd(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 0);
	struct kt_blob path;
	const uint8_t *nul;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && blob && blob->data) {
		path = *blob;
		nul = memchr(path.data, 0, path.len);
		if (nul) {
			path.len = nul - path.data;
			path.flags &= ~KT_BLOB_TRUNCATED;
		}
		kt_format_path(d->b, &path);
	} else {
		kt_format_ptr(d->b, kt_arg(d, 0));
	}
	kt_a_ulong(d, 1);
}

static void dec_readlink(struct kt_dec *d)
{
	int i = strcmp(d->name, "readlinkat") ? 0 : 1;

	if (i)
		kt_a_dirfd(d, 0);
	kt_a_path(d, i);
	if (kt_entry_only(d, true))
		return;
	kt_a_buf(d, i + 1, d->sc->ret);
	kt_a_ulong(d, i + 2);
}

static void dec_fchmod(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_mode(d, 1);
}

static void dec_chown(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_id16(d, 1);
	kt_a_id16(d, 2);
}

static void dec_fchown(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_id16(d, 1);
	kt_a_id16(d, 2);
}

static void dec_fchownat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_id(d, 2);
	kt_a_id(d, 3);
	kt_a_flags(d, 4, kt_at_flags, "AT_???");
}

static void dec_truncate(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_long(d, 1);
}

static void dec_ftruncate(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_long(d, 1);
}

/* i386's truncate64 and ftruncate64: the length in two arguments */
static void dec_truncate64(struct kt_dec *d)
{
	if (d->name[0] == 'f')
		kt_a_fd(d, 0);
	else
		kt_a_path(d, 0);
	kt_sep(d);
	kt_buf_udec(d->b, kt_arg_lohi(d, 1));
}

static void dec_umask(struct kt_dec *d)
{
	kt_a_mode(d, 0);
}

static const struct kt_xlat mount_flags[] = {
	{ 1, "MS_RDONLY" }, { 2, "MS_NOSUID" }, { 4, "MS_NODEV" },
	{ 8, "MS_NOEXEC" }, { 16, "MS_SYNCHRONOUS" }, { 32, "MS_REMOUNT" },
	{ 64, "MS_MANDLOCK" }, { 128, "MS_DIRSYNC" },
	{ 256, "MS_NOSYMFOLLOW" }, { 1024, "MS_NOATIME" },
	{ 2048, "MS_NODIRATIME" }, { 4096, "MS_BIND" }, { 8192, "MS_MOVE" },
	{ 16384, "MS_REC" }, { 32768, "MS_SILENT" },
	{ 1 << 16, "MS_POSIXACL" }, { 1 << 17, "MS_UNBINDABLE" },
	{ 1 << 18, "MS_PRIVATE" }, { 1 << 19, "MS_SLAVE" },
	{ 1 << 20, "MS_SHARED" }, { 1 << 21, "MS_RELATIME" },
	{ 1 << 22, "MS_KERNMOUNT" }, { 1 << 23, "MS_I_VERSION" },
	{ 1 << 24, "MS_STRICTATIME" }, { 1 << 25, "MS_LAZYTIME" },
	KT_XEND
};

#define KT_MS_REMOUNT	32
/* MS_BIND, MS_MOVE, MS_UNBINDABLE, MS_PRIVATE, MS_SLAVE, MS_SHARED */
#define KT_MS_NO_DATA	(4096 | 8192 | (1 << 17) | (1 << 18) | (1 << 19) | \
			 (1 << 20))

/*
 * As strace: the type is not read for MS_REMOUNT, neither the type nor
 * the data for a bind, a move or a change of propagation (their
 * pointers print).
 */
static void dec_mount(struct kt_dec *d)
{
	uint64_t flags = kt_arg(d, 3);
	uint64_t magicless = (flags & 0xffff0000) == 0xc0ed0000 ?
			     flags & 0xffff : flags;
	bool no_data = !(magicless & KT_MS_REMOUNT) &&
		       (magicless & KT_MS_NO_DATA);

	kt_a_path(d, 0);
	kt_a_path(d, 1);
	if (no_data || (magicless & KT_MS_REMOUNT))
		kt_a_ptr(d, 2);
	else
		kt_a_str(d, 2);
	kt_sep(d);
	/* the old magic in the high half is printed, not decoded */
	if ((flags & 0xffff0000) == 0xc0ed0000) {
		kt_buf_puts(d->b, "MS_MGC_VAL");
		flags &= 0xffff;
		if (flags)
			kt_buf_putc(d->b, '|');
	}
	if (flags || (kt_arg(d, 3) & 0xffff0000) != 0xc0ed0000)
		kt_format_flags(d->b, mount_flags, flags, "MS_???");
	if (no_data)
		kt_a_ptr(d, 4);
	else
		kt_a_str(d, 4);
}

static const struct kt_xlat umount_flags[] = {
	{ 1, "MNT_FORCE" }, { 2, "MNT_DETACH" }, { 4, "MNT_EXPIRE" },
	{ 8, "UMOUNT_NOFOLLOW" }, KT_XEND
};

/* ia32's umount(), which strace names by its kernel name: one path */
static void dec_umount(struct kt_dec *d)
{
	kt_a_path(d, 0);
}

static void dec_umount2(struct kt_dec *d)
{
	kt_a_path(d, 0);
	kt_a_flags(d, 1, umount_flags, "MNT_???");
}

static const struct kt_xlat fs_magics[] = {
	{ 0x01021994, "TMPFS_MAGIC" }, { 0x858458f6, "RAMFS_MAGIC" },
	{ 0x9fa0, "PROC_SUPER_MAGIC" }, { 0x62656572, "SYSFS_MAGIC" },
	{ 0xef53, "EXT2_SUPER_MAGIC" }, { 0x1cd1, "DEVPTS_SUPER_MAGIC" },
	{ 0x64626720, "DEBUGFS_MAGIC" }, { 0x63677270, "CGROUP2_SUPER_MAGIC" },
	{ 0x27e0eb, "CGROUP_SUPER_MAGIC" }, { 0x9123683e, "BTRFS_SUPER_MAGIC" },
	{ 0x58465342, "XFS_SUPER_MAGIC" }, { 0x794c7630, "OVERLAYFS_SUPER_MAGIC" },
	{ 0x6969, "NFS_SUPER_MAGIC" }, { 0x73636673, "SECURITYFS_MAGIC" },
	{ 0xf97cff8c, "SELINUX_MAGIC" }, { 0x74726163, "TRACEFS_MAGIC" },
	{ 0x4d44, "MSDOS_SUPER_MAGIC" }, { 0x65735546, "FUSE_SUPER_MAGIC" },
	{ 0x9660, "ISOFS_SUPER_MAGIC" }, { 0x73717368, "SQUASHFS_MAGIC" },
	{ 0xcafe4a11, "BPF_FS_MAGIC" }, { 0x42494e4d, "BINFMTFS_MAGIC" },
	{ 0x6e736673, "NSFS_MAGIC" }, { 0x50495045, "PIPEFS_MAGIC" },
	{ 0x534f434b, "SOCKFS_MAGIC" },
	KT_XEND
};

static const struct kt_xlat statfs_flags[] = {
	{ 1, "ST_RDONLY" }, { 2, "ST_NOSUID" }, { 4, "ST_NODEV" },
	{ 8, "ST_NOEXEC" }, { 16, "ST_SYNCHRONOUS" }, { 0x20, "ST_VALID" },
	{ 64, "ST_MANDLOCK" }, { 128, "ST_WRITE" }, { 256, "ST_APPEND" },
	{ 512, "ST_IMMUTABLE" }, { 1024, "ST_NOATIME" },
	{ 2048, "ST_NODIRATIME" }, { 4096, "ST_RELATIME" },
	{ 8192, "ST_NOSYMFOLLOW" },
	KT_XEND
};

/*
 * x86_64's struct statfs, 120 bytes of longs but for f_fsid:
 * {f_type=TMPFS_MAGIC, f_bsize=4096, ..., f_flags=ST_VALID|ST_RELATIME}
 */
static void statfs_buf(struct kt_dec *d, int i)
{
	static const char *const names[] = {
		"f_type", "f_bsize", "f_blocks", "f_bfree", "f_bavail",
		"f_files", "f_ffree",
	};
	uint64_t v[11];
	uint32_t fsid[2];
	unsigned int k;

	kt_sep(d);
	if (!kt_exiting_ok(d) || d->sc->abi != KTRACE_CLI_ABI_X86_64 ||
	    !kt_blob_usable(d, i, 88)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	for (k = 0; k < 11; k++)
		kt_blob_read(d, i, k * 8, &v[k], 8);
	memcpy(fsid, &v[7], sizeof(fsid));
	kt_buf_puts(d->b, "{f_type=");
	kt_format_xval(d->b, fs_magics, v[0], NULL);
	for (k = 1; k < ARRAY_SIZE(names); k++)
		kt_buf_printf(d->b, ", %s=%llu", names[k],
			      (unsigned long long)v[k]);
	kt_buf_printf(d->b, ", f_fsid={val=[%#x, %#x]}", fsid[0], fsid[1]);
	kt_buf_printf(d->b, ", f_namelen=%llu, f_frsize=%llu, f_flags=",
		      (unsigned long long)v[8], (unsigned long long)v[9]);
	kt_format_flags(d->b, statfs_flags, v[10], NULL);
	kt_buf_putc(d->b, '}');
}

static void dec_statfs(struct kt_dec *d)
{
	kt_a_path(d, 0);
	if (kt_entry_only(d, true))
		return;
	statfs_buf(d, 1);
}

static void dec_fstatfs(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	statfs_buf(d, 1);
}

/*
 * i386's struct statfs64 (84 bytes, packed): 32-bit type and block
 * size, 64-bit counts, 32-bit name length, fragment size and flags,
 * which print when ST_VALID says they are set, as strace prints them.
 * The pointer for a size other than 84, as the kernel refuses it.
 */
static void statfs64_buf(struct kt_dec *d, int i)
{
	static const char *const names[] = {
		"f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree",
	};
	uint32_t w[2], fsid[2], tail[3];	/* namelen, frsize, flags */
	uint64_t v[5];
	unsigned int k;

	kt_sep(d);
	if (!kt_exiting_ok(d) || kt_arg(d, 1) != 84 ||
	    !kt_blob_read(d, i, 0, w, sizeof(w)) ||
	    !kt_blob_read(d, i, 8, v, sizeof(v)) ||
	    !kt_blob_read(d, i, 48, fsid, sizeof(fsid)) ||
	    !kt_blob_read(d, i, 56, tail, sizeof(tail))) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_puts(d->b, "{f_type=");
	kt_format_xval(d->b, fs_magics, w[0], NULL);
	kt_buf_printf(d->b, ", f_bsize=%u", w[1]);
	for (k = 0; k < ARRAY_SIZE(names); k++)
		kt_buf_printf(d->b, ", %s=%llu", names[k],
			      (unsigned long long)v[k]);
	kt_buf_printf(d->b, ", f_fsid={val=[%#x, %#x]}", fsid[0], fsid[1]);
	kt_buf_printf(d->b, ", f_namelen=%u, f_frsize=%u", tail[0], tail[1]);
	if (tail[2] & 0x20) {	/* ST_VALID */
		kt_buf_puts(d->b, ", f_flags=");
		kt_format_flags(d->b, statfs_flags, tail[2], "ST_???");
	}
	kt_buf_putc(d->b, '}');
}

/* statfs64("/", 84, {f_type=TMPFS_MAGIC, ...}), fstatfs64(3, 84, ...) */
static void dec_statfs64(struct kt_dec *d)
{
	if (d->name[0] == 'f')
		kt_a_fd(d, 0);
	else
		kt_a_path(d, 0);
	kt_a_ulong(d, 1);
	if (kt_entry_only(d, true))
		return;
	statfs64_buf(d, 2);
}

/* The file of an xattr call: a descriptor for the f forms, else a path. */
static void xattr_file(struct kt_dec *d)
{
	if (d->name[0] == 'f')
		kt_a_fd(d, 0);
	else
		kt_a_path(d, 0);
}

/*
 * An attribute's value of @len bytes, as strace prints it: the pointer
 * where nothing was read, else the bytes less the NUL that ends a value
 * shown whole.
 */
static void xattr_bytes(struct kt_dec *d, int i, uint64_t len)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	size_t n;

	kt_sep(d);
	if (!kt_arg(d, i) || !blob || !blob->data ||
	    (blob->flags & KT_BLOB_FAULT)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	n = blob->len < len ? blob->len : len;
	if (n && n == len && n <= d->o->strsize && !blob->data[n - 1])
		len = --n;
	kt_format_bytes(d->b, blob->data, n, d->o->strsize, n < len);
}

/*
 * getxattr's value and size: with a size of 0 the call writes nothing
 * and returns the value's length, and strace prints the pointer at the
 * entry; otherwise the bytes returned, or the pointer after an error.
 */
static void xattr_value(struct kt_dec *d, int i)
{
	if (!kt_arg(d, i + 1)) {
		kt_a_ptr(d, i);
		kt_a_ulong(d, i + 1);
		return;
	}
	if (kt_entry_only(d, true))
		return;
	if (kt_failed(d))
		kt_a_ptr(d, i);
	else
		xattr_bytes(d, i, d->sc->ret);
	kt_a_ulong(d, i + 1);
}

static void dec_getxattr(struct kt_dec *d)
{
	xattr_file(d);
	kt_a_str(d, 1);
	xattr_value(d, 2);
}

/*
 * listxattr(path, "user.a\0user.b\0", 256) = 14: the names as the call
 * wrote them, every NUL shown; the pointer with a size of 0 (the call
 * then writes nothing) or after an error.
 */
static void xattr_list(struct kt_dec *d, int i)
{
	if (kt_entry_only(d, true))
		return;
	if (!kt_arg(d, i + 1) || kt_failed(d))
		kt_a_ptr(d, i);
	else
		kt_a_buf(d, i, d->sc->ret);
	kt_a_ulong(d, i + 1);
}

static void dec_listxattr(struct kt_dec *d)
{
	xattr_file(d);
	xattr_list(d, 1);
}

static const struct kt_xlat xattr_flags[] = {
	{ 1, "XATTR_CREATE" }, { 2, "XATTR_REPLACE" }, KT_XEND
};

static void dec_setxattr(struct kt_dec *d)
{
	xattr_file(d);
	kt_a_str(d, 1);
	xattr_bytes(d, 2, kt_arg(d, 3));
	kt_a_ulong(d, 3);
	kt_a_flags(d, 4, xattr_flags, "XATTR_???");
}

static void dec_removexattr(struct kt_dec *d)
{
	xattr_file(d);
	kt_a_str(d, 1);
}

static const struct kt_xlat xattrat_flags[] = {
	{ 0x100, "AT_SYMLINK_NOFOLLOW" }, { 0x1000, "AT_EMPTY_PATH" }, KT_XEND
};

/* The *xattrat calls open with (dirfd, path, at_flags). */
static void xattrat_file(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	kt_a_flags(d, 2, xattrat_flags, "AT_???");
}

/*
 * setxattrat's and getxattrat's struct xattr_args and its size:
 * {value="v", size=1, flags=XATTR_CREATE}, 16, as strace 6.13 prints
 * them: setxattrat's value of size bytes; getxattrat's of the bytes it
 * returned, the pointer with a size of 0 (the call writes nothing) or
 * after an error; the pointer for a value over 64 KiB.
 */
#define KT_XATTR_SIZE_MAX	65536

static void xattr_args(struct kt_dec *d, int i, bool get)
{
	uint64_t a[2], len;

	kt_sep(d);
	if (kt_arg(d, i + 1) < sizeof(a) || !kt_blob_read(d, i, 0, a, sizeof(a))) {
		kt_format_ptr(d->b, kt_arg(d, i));
	} else {
		len = get ? (uint64_t)d->sc->ret : (uint32_t)a[1];
		kt_buf_puts(d->b, "{value=");
		if ((get && (!(uint32_t)a[1] || kt_failed(d))) ||
		    len > KT_XATTR_SIZE_MAX)
			kt_format_ptr(d->b, a[0]);
		else
			kt_format_deref(d, i, 0, a[0], KT_DEREF_VALUE, len);
		kt_buf_printf(d->b, ", size=%u, flags=", (uint32_t)a[1]);
		kt_format_flags(d->b, xattr_flags, a[1] >> 32, "XATTR_???");
		kt_buf_putc(d->b, '}');
	}
	kt_a_ulong(d, i + 1);
}

/* setxattrat(AT_FDCWD, "f", 0, "user.k", {value="v", ...}, 16) */
static void dec_setxattrat(struct kt_dec *d)
{
	xattrat_file(d);
	kt_a_str(d, 3);
	xattr_args(d, 4, false);
}

/*
 * getxattrat(AT_FDCWD, "f", 0, "user.k", {value="v", size=64, ...}, 16)
 * = 1: the struct at the exit, where the value is known, but for a size
 * of 0, which strace prints at the enter.
 */
static void dec_getxattrat(struct kt_dec *d)
{
	uint64_t a[2];

	xattrat_file(d);
	kt_a_str(d, 3);
	if (kt_arg(d, 5) >= sizeof(a) && kt_blob_read(d, 4, 0, a, sizeof(a)) &&
	    (uint32_t)a[1] && kt_entry_only(d, true))
		return;
	xattr_args(d, 4, true);
}

/* listxattrat(AT_FDCWD, "f", 0, "user.a\0user.b\0", 256): as listxattr */
static void dec_listxattrat(struct kt_dec *d)
{
	xattrat_file(d);
	xattr_list(d, 3);
}

static void dec_removexattrat(struct kt_dec *d)
{
	xattrat_file(d);
	kt_a_str(d, 3);
}

/*
 * cachestat(3, {off=0, len=4096}, {nr_cache=1, nr_dirty=0,
 * nr_writeback=0, nr_evicted=0, nr_recently_evicted=0}, 0): the counts
 * at the exit, the pointer after an error.
 */
static void dec_cachestat(struct kt_dec *d)
{
	uint64_t v[5];

	kt_a_fd(d, 0);
	kt_sep(d);
	if (kt_blob_read(d, 1, 0, v, 2 * sizeof(v[0]))) {
		kt_buf_puts(d->b, "{off=");
		kt_buf_hex(d->b, v[0]);
		kt_buf_printf(d->b, ", len=%llu}", (unsigned long long)v[1]);
	} else {
		kt_format_ptr(d->b, kt_arg(d, 1));
	}
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (!kt_failed(d) && kt_blob_read(d, 2, 0, v, sizeof(v)))
		kt_buf_printf(d->b,
			      "{nr_cache=%llu, nr_dirty=%llu, nr_writeback=%llu, nr_evicted=%llu, nr_recently_evicted=%llu}",
			      (unsigned long long)v[0], (unsigned long long)v[1],
			      (unsigned long long)v[2], (unsigned long long)v[3],
			      (unsigned long long)v[4]);
	else
		kt_format_ptr(d->b, kt_arg(d, 2));
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 3));
}

static const struct kt_xlat inotify_mask[] = {
	{ 0x00000001, "IN_ACCESS" }, { 0x00000002, "IN_MODIFY" },
	{ 0x00000004, "IN_ATTRIB" }, { 0x00000008, "IN_CLOSE_WRITE" },
	{ 0x00000010, "IN_CLOSE_NOWRITE" }, { 0x00000020, "IN_OPEN" },
	{ 0x00000040, "IN_MOVED_FROM" }, { 0x00000080, "IN_MOVED_TO" },
	{ 0x00000100, "IN_CREATE" }, { 0x00000200, "IN_DELETE" },
	{ 0x00000400, "IN_DELETE_SELF" }, { 0x00000800, "IN_MOVE_SELF" },
	{ 0x00002000, "IN_UNMOUNT" }, { 0x00004000, "IN_Q_OVERFLOW" },
	{ 0x00008000, "IN_IGNORED" }, { 0x01000000, "IN_ONLYDIR" },
	{ 0x02000000, "IN_DONT_FOLLOW" }, { 0x04000000, "IN_EXCL_UNLINK" },
	{ 0x10000000, "IN_MASK_CREATE" }, { 0x20000000, "IN_MASK_ADD" },
	{ 0x40000000, "IN_ISDIR" }, { 0x80000000, "IN_ONESHOT" },
	KT_XEND
};

static const struct kt_xlat inotify_init_flags[] = {
	{ 00004000, "IN_NONBLOCK" }, { 02000000, "IN_CLOEXEC" }, KT_XEND
};

/* inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3 */
static void dec_inotify_init1(struct kt_dec *d)
{
	kt_a_flags(d, 0, inotify_init_flags, "IN_???");
}

/* inotify_add_watch(3, "/tmp", IN_MODIFY|IN_CREATE) = 1 */
static void dec_inotify_add_watch(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_path(d, 1);
	kt_sep(d);
	kt_format_flags(d->b, inotify_mask, (uint32_t)kt_arg(d, 2), "IN_???");
}

static void dec_inotify_rm_watch(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_int(d, 1);
}

static const struct kt_xlat falloc_flags[] = {
	{ 0x01, "FALLOC_FL_KEEP_SIZE" }, { 0x02, "FALLOC_FL_PUNCH_HOLE" },
	{ 0x04, "FALLOC_FL_NO_HIDE_STALE" }, { 0x08, "FALLOC_FL_COLLAPSE_RANGE" },
	{ 0x10, "FALLOC_FL_ZERO_RANGE" }, { 0x20, "FALLOC_FL_INSERT_RANGE" },
	{ 0x40, "FALLOC_FL_UNSHARE_RANGE" }, KT_XEND
};

/* fallocate(3, FALLOC_FL_KEEP_SIZE, 0, 4096) = 0 */
static void dec_fallocate(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_sep(d);
	kt_format_flags(d->b, falloc_flags, (uint32_t)kt_arg(d, 1),
			"FALLOC_FL_???");
	if (kt_long_size(d) == 8) {
		kt_a_long(d, 2);
		kt_a_long(d, 3);
		return;
	}
	/* ia32: each 64-bit offset in two registers, low half first */
	kt_buf_printf(d->b, ", %lld, %lld", (long long)kt_arg_lohi(d, 2),
		      (long long)kt_arg_lohi(d, 4));
}

#define KT_UTIME_NOW	((1 << 30) - 1)
#define KT_UTIME_OMIT	((1 << 30) - 2)

/*
 * utimensat's two times as strace prints them: [{tv_sec=1, tv_nsec=0}
 * /+ 1970-01-01T00:00:01+0000 +/, UTIME_NOW], a special value by its name
 * (-X raw: the struct alone; -X verbose: both), NULL, or the pointer.
 */
static void utime_pair(struct kt_dec *d, int i)
{
	int64_t t[2][2];
	unsigned int k;

	kt_sep(d);
	if (!kt_read_time_pairs(d, i, t)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < 2; k++) {
		int64_t sec = t[k][0], nsec = t[k][1];
		bool special = nsec == KT_UTIME_NOW || nsec == KT_UTIME_OMIT;
		const char *name = nsec == KT_UTIME_NOW ? "UTIME_NOW" :
							   "UTIME_OMIT";

		kt_buf_puts(d->b, k ? ", " : "");
		if (!special || kt_xlat_style != KT_XLAT_ABBREV)
			kt_buf_printf(d->b, "{tv_sec=%lld, tv_nsec=%lld}",
				      (long long)sec, (long long)nsec);
		if (!special)
			kt_time_comment(d->b, sec, nsec);
		else if (kt_xlat_style == KT_XLAT_ABBREV)
			kt_buf_puts(d->b, name);
		else if (kt_xlat_style == KT_XLAT_VERBOSE)
			kt_buf_printf(d->b, " /* %s */", name);
	}
	kt_buf_putc(d->b, ']');
}

static void dec_utimensat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	utime_pair(d, 2);
	kt_a_flags(d, 3, kt_at_flags, "AT_???");
}

/*
 * utimes' and futimesat's two struct timevals: [{tv_sec=1, tv_usec=2} /+
 * 1970-01-01T00:00:01.000002+0000 +/, ...], NULL, or the pointer.
 */
static void timeval_pair(struct kt_dec *d, int i)
{
	int64_t v[2][2];
	unsigned int k;

	kt_sep(d);
	if (!kt_read_time_pairs(d, i, v)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < 2; k++) {
		kt_buf_printf(d->b, "%s{tv_sec=%lld, tv_usec=%lld}",
			      k ? ", " : "", (long long)v[k][0],
			      (long long)v[k][1]);
		kt_time_comment_usec(d->b, v[k][0], v[k][1]);
	}
	kt_buf_putc(d->b, ']');
}

static void dec_utimes(struct kt_dec *d)
{
	kt_a_path(d, 0);
	timeval_pair(d, 1);
}

static void dec_futimesat(struct kt_dec *d)
{
	kt_a_dirfd(d, 0);
	kt_a_path(d, 1);
	timeval_pair(d, 2);
}

/* utime's struct utimbuf: {actime=5 /+ 1970-... +/, modtime=6 /+ ... +/} */
static void dec_utime(struct kt_dec *d)
{
	int64_t t[2];

	kt_a_path(d, 0);
	kt_sep(d);
	if (!kt_read_time_pair(d, 1, 0, t)) {
		kt_format_ptr(d->b, kt_arg(d, 1));
		return;
	}
	kt_buf_printf(d->b, "{actime=%lld", (long long)t[0]);
	kt_time_comment(d->b, t[0], 0);
	kt_buf_printf(d->b, ", modtime=%lld", (long long)t[1]);
	kt_time_comment(d->b, t[1], 0);
	kt_buf_putc(d->b, '}');
}

static const struct kt_xlat swap_flags[] = {
	{ 0x8000, "SWAP_FLAG_PREFER" }, { 0x10000, "SWAP_FLAG_DISCARD" },
	{ 0x20000, "SWAP_FLAG_DISCARD_ONCE" },
	{ 0x40000, "SWAP_FLAG_DISCARD_PAGES" }, KT_XEND
};

/* swapon("/swap", SWAP_FLAG_PREFER|5): the flags, then the priority. */
static void dec_swapon(struct kt_dec *d)
{
	uint32_t flags = kt_arg(d, 1);

	kt_a_path(d, 0);
	kt_sep(d);
	if (flags & ~0x7fffU) {
		kt_format_flags(d->b, swap_flags, flags & ~0x7fffU,
				"SWAP_FLAG_???");
		kt_buf_putc(d->b, '|');
	}
	kt_buf_printf(d->b, "%u", flags & 0x7fff);
}

static const struct kt_decoder decoders[] = {
	{ "open", dec_open, KT_RV_FD, NULL },
	{ "openat", dec_openat, KT_RV_FD, NULL },
	{ "openat2", dec_openat2, KT_RV_FD, NULL },
	{ "creat", dec_creat, KT_RV_FD, NULL },
	{ "name_to_handle_at", dec_name_to_handle_at, KT_RV_DEC, NULL },
	{ "open_by_handle_at", dec_open_by_handle_at, KT_RV_FD, NULL },
	{ "stat", dec_stat, KT_RV_DEC, NULL },
	{ "lstat", dec_stat, KT_RV_DEC, NULL },
	{ "stat64", dec_stat, KT_RV_DEC, NULL },
	{ "lstat64", dec_stat, KT_RV_DEC, NULL },
	{ "fstat", dec_fstat, KT_RV_DEC, NULL },
	{ "fstat64", dec_fstat, KT_RV_DEC, NULL },
	{ "newfstatat", dec_newfstatat, KT_RV_DEC, NULL },
	{ "fstatat64", dec_newfstatat, KT_RV_DEC, NULL },
	{ "statx", dec_statx, KT_RV_DEC, NULL },
	{ "access", dec_access, KT_RV_DEC, NULL },
	{ "faccessat", dec_faccessat, KT_RV_DEC, NULL },
	{ "faccessat2", dec_faccessat, KT_RV_DEC, NULL },
	{ "mkdir", dec_path_mode, KT_RV_DEC, NULL },
	{ "mkdirat", dec_dirfd_path_mode, KT_RV_DEC, NULL },
	{ "mknod", dec_mknod, KT_RV_DEC, NULL },
	{ "mknodat", dec_mknod, KT_RV_DEC, NULL },
	{ "rmdir", dec_path, KT_RV_DEC, NULL },
	{ "unlink", dec_path, KT_RV_DEC, NULL },
	{ "unlinkat", dec_unlinkat, KT_RV_DEC, NULL },
	{ "rename", dec_path_path, KT_RV_DEC, NULL },
	{ "renameat", dec_renameat, KT_RV_DEC, NULL },
	{ "renameat2", dec_renameat, KT_RV_DEC, NULL },
	{ "link", dec_path_path, KT_RV_DEC, NULL },
	{ "linkat", dec_linkat, KT_RV_DEC, NULL },
	{ "symlink", dec_path_path, KT_RV_DEC, NULL },
	{ "symlinkat", dec_symlinkat, KT_RV_DEC, NULL },
	{ "chdir", dec_path, KT_RV_DEC, NULL },
	{ "fchdir", dec_fd, KT_RV_DEC, NULL },
	{ "chroot", dec_path, KT_RV_DEC, NULL },
	{ "getcwd", dec_getcwd, KT_RV_DEC, NULL },
	{ "readlink", dec_readlink, KT_RV_DEC, NULL },
	{ "readlinkat", dec_readlink, KT_RV_DEC, NULL },
	{ "chmod", dec_path_mode, KT_RV_DEC, NULL },
	{ "fchmod", dec_fchmod, KT_RV_DEC, NULL },
	{ "fchmodat", dec_dirfd_path_mode, KT_RV_DEC, NULL },
	{ "fchmodat2", dec_dirfd_path_mode, KT_RV_DEC, NULL },
	{ "chown", dec_chown, KT_RV_DEC, NULL },
	{ "lchown", dec_chown, KT_RV_DEC, NULL },
	{ "chown32", dec_chown, KT_RV_DEC, NULL },
	{ "lchown32", dec_chown, KT_RV_DEC, NULL },
	{ "fchown", dec_fchown, KT_RV_DEC, NULL },
	{ "fchown32", dec_fchown, KT_RV_DEC, NULL },
	{ "fchownat", dec_fchownat, KT_RV_DEC, NULL },
	{ "truncate", dec_truncate, KT_RV_DEC, NULL },
	{ "ftruncate", dec_ftruncate, KT_RV_DEC, NULL },
	{ "umask", dec_umask, KT_RV_OCT, NULL },
	{ "mount", dec_mount, KT_RV_DEC, NULL },
	{ "umount2", dec_umount2, KT_RV_DEC, NULL },
	{ "umount", dec_umount, KT_RV_DEC, NULL },
	{ "utimensat", dec_utimensat, KT_RV_DEC, NULL },
	{ "utimes", dec_utimes, KT_RV_DEC, NULL },
	{ "futimesat", dec_futimesat, KT_RV_DEC, NULL },
	{ "utime", dec_utime, KT_RV_DEC, NULL },
	{ "pivot_root", dec_path_path, KT_RV_DEC, NULL },
	{ "swapon", dec_swapon, KT_RV_DEC, NULL },
	{ "swapoff", dec_path, KT_RV_DEC, NULL },
	{ "statfs", dec_statfs, KT_RV_DEC, NULL },
	{ "fstatfs", dec_fstatfs, KT_RV_DEC, NULL },
	{ "statfs64", dec_statfs64, KT_RV_DEC, NULL },
	{ "fstatfs64", dec_statfs64, KT_RV_DEC, NULL },
	{ "truncate64", dec_truncate64, KT_RV_DEC, NULL },
	{ "ftruncate64", dec_truncate64, KT_RV_DEC, NULL },
	{ "oldstat", dec_oldstat, KT_RV_DEC, NULL },
	{ "oldfstat", dec_oldstat, KT_RV_DEC, NULL },
	{ "oldlstat", dec_oldstat, KT_RV_DEC, NULL },
	{ "utimensat_time64", dec_utimensat, KT_RV_DEC, NULL },
	{ "getxattr", dec_getxattr, KT_RV_DEC, NULL },
	{ "lgetxattr", dec_getxattr, KT_RV_DEC, NULL },
	{ "fgetxattr", dec_getxattr, KT_RV_DEC, NULL },
	{ "listxattr", dec_listxattr, KT_RV_DEC, NULL },
	{ "llistxattr", dec_listxattr, KT_RV_DEC, NULL },
	{ "flistxattr", dec_listxattr, KT_RV_DEC, NULL },
	{ "setxattr", dec_setxattr, KT_RV_DEC, NULL },
	{ "lsetxattr", dec_setxattr, KT_RV_DEC, NULL },
	{ "fsetxattr", dec_setxattr, KT_RV_DEC, NULL },
	{ "inotify_init1", dec_inotify_init1, KT_RV_FD, NULL },
	{ "inotify_init", NULL, KT_RV_FD, NULL },
	{ "inotify_add_watch", dec_inotify_add_watch, KT_RV_DEC, NULL },
	{ "inotify_rm_watch", dec_inotify_rm_watch, KT_RV_DEC, NULL },
	{ "fallocate", dec_fallocate, KT_RV_DEC, NULL },
	{ "setxattrat", dec_setxattrat, KT_RV_DEC, NULL },
	{ "getxattrat", dec_getxattrat, KT_RV_DEC, NULL },
	{ "listxattrat", dec_listxattrat, KT_RV_DEC, NULL },
	{ "removexattrat", dec_removexattrat, KT_RV_DEC, NULL },
	{ "cachestat", dec_cachestat, KT_RV_DEC, NULL },
	{ "removexattr", dec_removexattr, KT_RV_DEC, NULL },
	{ "lremovexattr", dec_removexattr, KT_RV_DEC, NULL },
	{ "fremovexattr", dec_removexattr, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_file_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
