// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the memory syscalls: mmap and mmap2, munmap,
 * mprotect, brk, mremap, madvise, msync, the mlocks and mincore.
 */
#include <string.h>

#include "decoders.h"

static const struct kt_xlat prot_flags[] = {
	{ 0, "PROT_NONE" }, { 1, "PROT_READ" }, { 2, "PROT_WRITE" },
	{ 4, "PROT_EXEC" }, { 0x10, "PROT_SEM" },
	{ 0x01000000, "PROT_GROWSDOWN" }, { 0x02000000, "PROT_GROWSUP" },
	KT_XEND
};

static const struct kt_xlat map_types[] = {
	{ 0, "MAP_FILE" }, { 1, "MAP_SHARED" }, { 2, "MAP_PRIVATE" },
	{ 3, "MAP_SHARED_VALIDATE" }, KT_XEND
};

static const struct kt_xlat map_flags[] = {
	{ 0x10, "MAP_FIXED" }, { 0x20, "MAP_ANONYMOUS" },
	{ 0x40, "MAP_32BIT" }, { 0x80, "MAP_ABOVE4G" },
	{ 0x4000, "MAP_NORESERVE" }, { 0x8000, "MAP_POPULATE" },
	{ 0x10000, "MAP_NONBLOCK" }, { 0x100, "MAP_GROWSDOWN" },
	{ 0x800, "MAP_DENYWRITE" }, { 0x1000, "MAP_EXECUTABLE" },
	{ 0x2000, "MAP_LOCKED" }, { 0x20000, "MAP_STACK" },
	{ 0x40000, "MAP_HUGETLB" }, { 0x80000, "MAP_SYNC" },
	{ 0x4000000, "MAP_UNINITIALIZED" },
	{ 0x100000, "MAP_FIXED_NOREPLACE" },
	KT_XEND
};

static void a_prot(struct kt_dec *d, int i)
{
	kt_a_flags(d, i, prot_flags, "PROT_???");
}

#define KT_MAP_HUGE_SHIFT	26
#define KT_MAP_HUGE_MASK	(0x3fULL << KT_MAP_HUGE_SHIFT)

/*
 * mmap's and remap_file_pages' flags: the type, the flags, and a huge
 * page size as strace prints it, MAP_PRIVATE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT.
 */
static void a_map_flags(struct kt_dec *d, int i)
{
	uint64_t flags = (uint32_t)kt_arg(d, i);
	uint64_t huge = flags & KT_MAP_HUGE_MASK;
	uint64_t rest = flags & ~0xfULL & ~KT_MAP_HUGE_MASK;
	size_t mark;

	kt_sep(d);
	mark = kt_const_begin(d->b);
	kt_format_xval(d->b, map_types, flags & 0xf, "MAP_???");
	if (rest) {
		kt_buf_putc(d->b, '|');
		kt_format_flags(d->b, map_flags, rest, NULL);
	}
	if (huge)
		kt_buf_printf(d->b, "|%llu<<MAP_HUGE_SHIFT",
			      (unsigned long long)(huge >> KT_MAP_HUGE_SHIFT));
	kt_const_end(d->b, mark, flags, 'x');
}

/* mmap(addr, len, prot, flags, fd, offset); mmap2's offset is in pages. */
static void dec_mmap(struct kt_dec *d)
{
	uint64_t off = kt_arg(d, 5);

	if (d->sc->abi == KTRACE_CLI_ABI_I386 && !strcmp(d->name, "mmap")) {
		/* i386's old mmap takes a pointer to the six arguments */
		kt_a_ptr(d, 0);
		return;
	}
	if (!strcmp(d->name, "mmap2"))
		off <<= 12;
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	a_prot(d, 2);
	a_map_flags(d, 3);
	kt_a_fd(d, 4);
	kt_sep(d);
	kt_buf_printf(d->b, "%#llx", (unsigned long long)off);
}

static void dec_munmap(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
}

static void dec_mprotect(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	a_prot(d, 2);
	if (!strcmp(d->name, "pkey_mprotect"))
		kt_a_int(d, 3);
}

static void dec_pkey_free(struct kt_dec *d)
{
	kt_a_int(d, 0);
}

static void dec_brk(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
}

static const struct kt_xlat mremap_flags[] = {
	{ 1, "MREMAP_MAYMOVE" }, { 2, "MREMAP_FIXED" },
	{ 4, "MREMAP_DONTUNMAP" }, KT_XEND
};

static void dec_mremap(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_a_ulong(d, 2);
	kt_a_flags(d, 3, mremap_flags, "MREMAP_???");
	if (kt_arg(d, 3) & 2)
		kt_a_ptr(d, 4);
}

static const struct kt_xlat madvise_advice[] = {
	{ 0, "MADV_NORMAL" }, { 1, "MADV_RANDOM" }, { 2, "MADV_SEQUENTIAL" },
	{ 3, "MADV_WILLNEED" }, { 4, "MADV_DONTNEED" }, { 8, "MADV_FREE" },
	{ 9, "MADV_REMOVE" }, { 10, "MADV_DONTFORK" }, { 11, "MADV_DOFORK" },
	{ 12, "MADV_MERGEABLE" }, { 13, "MADV_UNMERGEABLE" },
	{ 14, "MADV_HUGEPAGE" }, { 15, "MADV_NOHUGEPAGE" },
	{ 16, "MADV_DONTDUMP" }, { 17, "MADV_DODUMP" },
	{ 18, "MADV_WIPEONFORK" }, { 19, "MADV_KEEPONFORK" },
	{ 20, "MADV_COLD" }, { 21, "MADV_PAGEOUT" },
	{ 22, "MADV_POPULATE_READ" }, { 23, "MADV_POPULATE_WRITE" },
	{ 24, "MADV_DONTNEED_LOCKED" }, { 25, "MADV_COLLAPSE" },
	{ 100, "MADV_HWPOISON" }, { 101, "MADV_SOFT_OFFLINE" },
	KT_XEND
};

static void dec_madvise(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_a_xval(d, 2, madvise_advice, "MADV_???");
}

/* remap_file_pages(addr, size, prot, pgoff, flags) */
static void dec_remap_file_pages(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	a_prot(d, 2);
	kt_a_ulong(d, 3);
	a_map_flags(d, 4);
}

/* process_madvise(pidfd, iovec, vlen, advice, flags) */
static void dec_process_madvise(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_iov_addrs(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
	kt_a_xval(d, 3, madvise_advice, "MADV_???");
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 4));
}

/* process_mrelease(pidfd, flags) */
static void dec_process_mrelease(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_sep(d);
	kt_buf_hex(d->b, (uint32_t)kt_arg(d, 1));
}

static const struct kt_xlat pkey_access[] = {
	{ 1, "PKEY_DISABLE_ACCESS" }, { 2, "PKEY_DISABLE_WRITE" },
	{ 4, "PKEY_DISABLE_EXECUTE" }, KT_XEND
};

/* pkey_alloc(flags, access_rights) */
static void dec_pkey_alloc(struct kt_dec *d)
{
	kt_a_hex(d, 0);
	kt_a_flags(d, 1, pkey_access, "PKEY_???");
}

static const struct kt_xlat memfd_secret_flags[] = {
	{ 02000000, "O_CLOEXEC" }, KT_XEND
};

static void dec_memfd_secret(struct kt_dec *d)
{
	kt_sep(d);
	kt_format_flags(d->b, memfd_secret_flags, (uint32_t)kt_arg(d, 0),
			NULL);
}

static const struct kt_xlat msync_flags[] = {
	{ 1, "MS_ASYNC" }, { 2, "MS_INVALIDATE" }, { 4, "MS_SYNC" }, KT_XEND
};

static void dec_msync(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_a_flags(d, 2, msync_flags, "MS_???");
}

static const struct kt_xlat mlockall_flags[] = {
	{ 1, "MCL_CURRENT" }, { 2, "MCL_FUTURE" }, { 4, "MCL_ONFAULT" },
	KT_XEND
};

static void dec_mlockall(struct kt_dec *d)
{
	kt_a_flags(d, 0, mlockall_flags, "MCL_???");
}

static const struct kt_xlat mlock_flags[] = {
	{ 1, "MLOCK_ONFAULT" }, KT_XEND
};

static void dec_mlock2(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_a_flags(d, 2, mlock_flags, "MLOCK_???");
}

/* mincore(addr, 12288, [1, 0, 1]): a page's byte is its low bit */
static void dec_mincore(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 2);
	uint64_t len = kt_arg(d, 1);
	uint64_t n = len / 4096 + !!(len % 4096), k;

	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (kt_failed(d) || !kt_blob_usable(d, 2, 0)) {
		kt_format_ptr(d->b, kt_arg(d, 2));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize || k >= blob->len) {
			kt_buf_puts(d->b, "...");
			break;
		}
		kt_buf_putc(d->b, '0' + (blob->data[k] & 1));
	}
	kt_buf_putc(d->b, ']');
}

/* mseal(0x7f..., 4096, 0): the flags are reserved, in hex (strace 6.13) */
static void dec_mseal(struct kt_dec *d)
{
	dec_munmap(d);
	kt_a_hex(d, 2);
}

static const struct kt_xlat shadow_stack_flags[] = {
	{ 1, "SHADOW_STACK_SET_TOKEN" }, KT_XEND
};

/* map_shadow_stack(NULL, 4096, SHADOW_STACK_SET_TOKEN) */
static void dec_map_shadow_stack(struct kt_dec *d)
{
	dec_munmap(d);
	kt_a_flags(d, 2, shadow_stack_flags, "SHADOW_STACK_???");
}

static const struct kt_decoder decoders[] = {
	{ "mmap", dec_mmap, KT_RV_HEX, NULL },
	{ "mseal", dec_mseal, KT_RV_DEC, NULL },
	{ "map_shadow_stack", dec_map_shadow_stack, KT_RV_DEC, NULL },
	{ "mmap2", dec_mmap, KT_RV_HEX, NULL },
	{ "munmap", dec_munmap, KT_RV_DEC, NULL },
	{ "mprotect", dec_mprotect, KT_RV_DEC, NULL },
	{ "pkey_mprotect", dec_mprotect, KT_RV_DEC, NULL },
	{ "brk", dec_brk, KT_RV_HEX, NULL },
	{ "mremap", dec_mremap, KT_RV_HEX, NULL },
	{ "madvise", dec_madvise, KT_RV_DEC, NULL },
	{ "remap_file_pages", dec_remap_file_pages, KT_RV_DEC, NULL },
	{ "process_madvise", dec_process_madvise, KT_RV_DEC, NULL },
	{ "process_mrelease", dec_process_mrelease, KT_RV_DEC, NULL },
	{ "pkey_alloc", dec_pkey_alloc, KT_RV_DEC, NULL },
	{ "pkey_free", dec_pkey_free, KT_RV_DEC, NULL },
	{ "memfd_secret", dec_memfd_secret, KT_RV_FD, NULL },
	{ "msync", dec_msync, KT_RV_DEC, NULL },
	{ "mlock", dec_munmap, KT_RV_DEC, NULL },
	{ "mlock2", dec_mlock2, KT_RV_DEC, NULL },
	{ "mincore", dec_mincore, KT_RV_DEC, NULL },
	{ "munlock", dec_munmap, KT_RV_DEC, NULL },
	{ "mlockall", dec_mlockall, KT_RV_DEC, NULL },
	{ "munlockall", NULL, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_mem_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
