// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the NUMA memory policy calls, as strace prints
 * them: set_mempolicy, get_mempolicy, mbind, migrate_pages and move_pages.
 * A policy's mode by name with its MPOL_F_* flags, node masks as arrays of
 * longs in zero-padded hex, move_pages' vectors of pages, nodes and status.
 */
#include <string.h>

#include "decoders.h"

static const struct kt_xlat mpol_modes[] = {
	{ 0, "MPOL_DEFAULT" }, { 1, "MPOL_PREFERRED" }, { 2, "MPOL_BIND" },
	{ 3, "MPOL_INTERLEAVE" }, { 4, "MPOL_LOCAL" },
	{ 5, "MPOL_PREFERRED_MANY" },
	KT_XEND
};

#define MPOL_MODE_FLAGS	0xe000U

static const struct kt_xlat mpol_mode_flags[] = {
	{ 1U << 15, "MPOL_F_STATIC_NODES" },
	{ 1U << 14, "MPOL_F_RELATIVE_NODES" },
	{ 1U << 13, "MPOL_F_NUMA_BALANCING" },
	KT_XEND
};

static const struct kt_xlat get_mempolicy_flags[] = {
	{ 1, "MPOL_F_NODE" }, { 2, "MPOL_F_ADDR" },
	{ 4, "MPOL_F_MEMS_ALLOWED" },
	KT_XEND
};

static const struct kt_xlat mbind_flags[] = {
	{ 1, "MPOL_MF_STRICT" }, { 2, "MPOL_MF_MOVE" },
	{ 4, "MPOL_MF_MOVE_ALL" },
	KT_XEND
};

static const struct kt_xlat move_pages_flags[] = {
	{ 2, "MPOL_MF_MOVE" }, { 4, "MPOL_MF_MOVE_ALL" },
	KT_XEND
};

/*
 * MPOL_BIND|MPOL_F_STATIC_NODES; a mode without a name and flags as
 * flags: MPOL_F_STATIC_NODES|0x63.
 */
static void a_mode(struct kt_dec *d, uint64_t v)
{
	uint64_t flags = v & MPOL_MODE_FLAGS;
	uint64_t mode = v & ~(uint64_t)MPOL_MODE_FLAGS;
	const char *name = kt_xlat_find(mpol_modes, mode);
	size_t mark;

	kt_sep(d);
	if (!flags) {
		kt_format_xval(d->b, mpol_modes, v, "MPOL_???");
		return;
	}
	if (!name) {
		kt_format_flags(d->b, mpol_mode_flags, v, "MPOL_???");
		return;
	}
	mark = kt_const_begin(d->b);
	kt_buf_puts(d->b, name);
	kt_buf_putc(d->b, '|');
	kt_format_flags(d->b, mpol_mode_flags, flags, NULL);
	kt_const_end(d->b, mark, v, 'x');
}

/* A long of a node mask, zero-padded: 0x00000000000001, 0000000000000000 */
static void node_word(struct kt_dec *d, uint64_t v)
{
	kt_buf_printf(d->b, "%#0*llx", (int)kt_long_size(d) * 2,
		      (unsigned long long)v);
}

/*
 * The node mask of argument i, maxnode - 1 bits in longs as the kernel
 * reads them: [0x00000000000001], at most -s longs; its address when
 * maxnode says none or too many.
 */
static void a_nodemask(struct kt_dec *d, int i, uint64_t maxnode)
{
	unsigned int ls = kt_long_size(d), bits = ls * 8;
	uint64_t n, k, v;

	if (ls == 4) {
		maxnode = (uint32_t)maxnode;
		n = (uint32_t)(maxnode + bits - 2) / bits;
	} else {
		n = (maxnode + bits - 2) / bits;
	}
	kt_sep(d);
	if (kt_arg(d, i) && !maxnode) {
		kt_buf_puts(d->b, "[]");
		return;
	}
	if (!kt_arg(d, i) || n < maxnode / bits || !n ||
	    !kt_blob_usable(d, i, (n < d->o->strsize ? n : d->o->strsize) * ls)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize) {
			kt_buf_puts(d->b, "...");
			break;
		}
		kt_blob_ulong(d, i, k * ls, &v);
		node_word(d, v);
	}
	kt_buf_putc(d->b, ']');
}

/* set_mempolicy(MPOL_PREFERRED, [0x00000000000001], 64) = 0 */
/* set_mempolicy_home_node(start, len, home_node, flags) */
static void dec_set_mempolicy_home_node(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	kt_a_ulong(d, 2);
	kt_a_hex(d, 3);
}

static void dec_set_mempolicy(struct kt_dec *d)
{
	a_mode(d, (uint32_t)kt_arg(d, 0));
	a_nodemask(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
}

/* get_mempolicy([MPOL_PREFERRED], [0x00000000000001], 64, NULL, 0) = 0 */
static void dec_get_mempolicy(struct kt_dec *d)
{
	int32_t mode;

	if (kt_entry_only(d, false))
		return;
	kt_sep(d);
	if (kt_failed(d) || !kt_blob_read(d, 0, 0, &mode, 4)) {
		kt_format_ptr(d->b, kt_arg(d, 0));
	} else {
		kt_buf_putc(d->b, '[');
		kt_format_xval(d->b, mpol_modes, (uint32_t)mode, "MPOL_???");
		kt_buf_putc(d->b, ']');
	}
	/* What the call wrote: a failed call's prints as its address. */
	if (kt_failed(d))
		kt_a_ptr(d, 1);
	else
		a_nodemask(d, 1, kt_arg(d, 2));
	kt_a_ulong(d, 2);
	kt_a_ptr(d, 3);
	kt_a_flags(d, 4, get_mempolicy_flags, "MPOL_???");
}

/* mbind(0x7f..., 8192, MPOL_BIND, [0x00000000000001], 64, MPOL_MF_STRICT) */
static void dec_mbind(struct kt_dec *d)
{
	kt_a_ptr(d, 0);
	kt_a_ulong(d, 1);
	a_mode(d, kt_arg(d, 2));
	a_nodemask(d, 3, kt_arg(d, 4));
	kt_a_ulong(d, 4);
	kt_a_flags(d, 5, mbind_flags, "MPOL_???");
}

/* migrate_pages(0, 64, [0x00000000000001], [0x00000000000002]) */
static void dec_migrate_pages(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_ulong(d, 1);
	a_nodemask(d, 2, kt_arg(d, 1));
	a_nodemask(d, 3, kt_arg(d, 1));
}

/*
 * One of move_pages' vectors, count entries of argument i: pages as
 * addresses, nodes as ints, the status as a node or -ENOENT.
 */
enum vec_kind { VEC_PAGES, VEC_NODES, VEC_STATUS };

static void a_pages_vec(struct kt_dec *d, int i, enum vec_kind kind)
{
	uint64_t count = kt_arg(d, 1), shown, k, v;
	unsigned int es = kind == VEC_PAGES ? kt_long_size(d) : 4;
	const char *e;
	int32_t n;

	kt_sep(d);
	if (kt_long_size(d) == 4)
		count = (uint32_t)count;
	shown = count < d->o->strsize ? count : d->o->strsize;
	if (kt_arg(d, i) && !count) {
		kt_buf_puts(d->b, "[]");
		return;
	}
	if (!kt_arg(d, i) || count > (1U << 24) ||
	    !kt_blob_usable(d, i, shown * es)) {
		kt_format_ptr(d->b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(d->b, '[');
	for (k = 0; k < count; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize) {
			kt_buf_puts(d->b, "...");
			break;
		}
		if (kind == VEC_PAGES) {
			kt_blob_ulong(d, i, k * es, &v);
			kt_format_ptr(d->b, v);
			continue;
		}
		kt_blob_read(d, i, k * es, &n, 4);
		e = kind == VEC_STATUS && n < 0 && n > INT32_MIN ?
		    kt_errno_name(-n) : NULL;
		if (e)
			kt_buf_printf(d->b, "-%s", e);
		else
			kt_buf_dec(d->b, n);
	}
	kt_buf_putc(d->b, ']');
}

/* move_pages(0, 2, [0x7f..., 0x7f...], NULL, [0, 0], 0) = 0 */
static void dec_move_pages(struct kt_dec *d)
{
	kt_a_pid(d, 0);
	kt_a_ulong(d, 1);
	a_pages_vec(d, 2, VEC_PAGES);
	a_pages_vec(d, 3, VEC_NODES);
	if (kt_entry_only(d, true))
		return;
	if (kt_failed(d))
		kt_a_ptr(d, 4);		/* as strace: not what it wrote */
	else
		a_pages_vec(d, 4, VEC_STATUS);
	kt_a_flags(d, 5, move_pages_flags, "MPOL_???");
}

static const struct kt_decoder decoders[] = {
	{ "set_mempolicy", dec_set_mempolicy, KT_RV_DEC, NULL },
	{ "set_mempolicy_home_node", dec_set_mempolicy_home_node, KT_RV_DEC,
	  NULL },
	{ "get_mempolicy", dec_get_mempolicy, KT_RV_DEC, NULL },
	{ "mbind", dec_mbind, KT_RV_DEC, NULL },
	{ "migrate_pages", dec_migrate_pages, KT_RV_DEC, NULL },
	{ "move_pages", dec_move_pages, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_numa_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
