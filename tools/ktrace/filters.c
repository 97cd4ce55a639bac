// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): strace's -e trace= and -e status= turned into the session's
 * in-kernel filters, or into the command's own where the descriptor
 * tables need the calls they leave out (kt_filters_hidden(),
 * kt_filters_status()).  Syscall sets are resolved per ABI
 * (kt_sysset_parse()): a name or number selects that syscall in every ABI
 * that has it (or in one, with strace's @64 or @32), %CLASS the module's
 * published class lists, /REGEX every matching name.  Several -e trace=
 * options add up; "!" selects everything but the set.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "ktrace.h"
#include "decode.h"
#include "events.h"

#define NABI KTRACE_ABI_COUNT

/*
 * -e trace=%CLASS of a live session: the module's list, asked of the
 * session *@ctx; 0, 1 when it has no such class, -1 after an error.
 */
static int dev_class(void *ctx, struct kt_sysset *s, const char *name)
{
	int fd = *(int *)ctx;
	struct ktrace_class c;
	int abi, w, found = 0, r;

	name = kt_class_canon(name);
	for (abi = 0; abi < NABI; abi++) {
		for (c.index = 0;; c.index++) {
			c.abi = abi;
			r = kt_dev_get_class(fd, &c);
			if (r < 0)
				return -1;
			if (r > 0)
				break;
			if (strcmp(c.name, name))
				continue;
			for (w = 0; w < KTRACE_SYSCALL_WORDS; w++)
				s->bits[abi][w] |= c.bits[w];
			found = 1;
		}
	}
	return !found;
}

/* One -e trace=EXPR, added to @s: several add up. */
static int parse_set(int fd, struct kt_sysset *s, const char *expr)
{
	struct kt_sysset one;
	int abi, w;

	if (kt_sysset_parse("trace", expr, &one, fd < 0 ? NULL : dev_class,
			    &fd))
		return -1;
	for (abi = 0; abi < NABI; abi++)
		for (w = 0; w < KTRACE_SYSCALL_WORDS; w++)
			s->bits[abi][w] |= one.bits[abi][w];
	return 0;
}

/*
 * -s N: the module copies at least N + 1 bytes of each string and buffer
 * (the byte past N tells a string longer than N, which strace ends with
 * "..."), up to its limit @max: 131072 with long records (ABI 1.10), 4096
 * before; 0 keeps the module's snaplen, 256 by default.  With
 * --ring-size, no more than that ring's records can hold: two blobs of the
 * snap length in half a ring.
 */
#define KT_SNAPLEN_DEFAULT	256

/*
 * Does a ring of @ring bytes hold the records of @snaplen?  The module's
 * rule (two records and a LOSS record in half a ring), with room to spare.
 */
static bool ring_holds(unsigned int ring, unsigned int snaplen)
{
	return 2 * (snaplen + 16) + 512 <= ring / 2;
}

unsigned int kt_snaplen(const struct kt_opts *o, unsigned int max)
{
	unsigned int n = o->strsize + 1;
	static bool told;

	/* -e read=, -e write=: strace dumps whole buffers, whatever -s. */
	if (o->dump_read.on || o->dump_write.on)
		n = max;
	/*
	 * -v: whole structures, struct utsname's 390 bytes the largest, and
	 * execve's environment and getdents' entries, which share a
	 * record's room (two snap lengths): 8 KiB of them.
	 */
	if (kt_abbrev_partly() && n < KTRACE_SNAPLEN_MAX)
		n = KTRACE_SNAPLEN_MAX;
	if (n <= KT_SNAPLEN_DEFAULT)
		return 0;
	if (n > max) {
		if (o->strsize + 1 > max && !told) {
			ktrace_err("-s %u: the module copies at most %u bytes of a string or buffer",
				   o->strsize, max);
			told = true;
		}
		n = max;
	}
	while (o->ring_size && n > KT_SNAPLEN_DEFAULT &&
	       !ring_holds(o->ring_size, n))
		n /= 2;
	return n;
}

/*
 * The ring a snap length above 4096 needs, when --ring-size says none: 0
 * (the module's ring_size parameter) when that one holds its records.
 */
static unsigned int ring_for(unsigned int snaplen)
{
	unsigned int ring = 1U << 20, param;

	if (snaplen <= KTRACE_SNAPLEN_MAX)
		return 0;
	param = kt_dev_param("ring_size");
	if (param && ring_holds(param, snaplen))
		return 0;
	while (!ring_holds(ring, snaplen))
		ring *= 2;
	return ring;
}

/*
 * The calls recorded for the descriptor tables only (events-fd.c): with
 * -e trace= and -y or -P (or in a recording, for report -y), the calls
 * that open, duplicate and close descriptors are recorded too, whatever
 * the set, and hidden from every output; a recording lists them in its
 * header.  Not for -c alone, which reads the session's counters only.
 */
static struct kt_sysset hidden;
bool kt_filters_some_hidden;

bool kt_filters_hidden_slow(unsigned int abi, unsigned int nr)
{
	return abi < NABI && nr < KTRACE_NR_MAX &&
	       (hidden.bits[abi][nr / 64] >> (nr % 64) & 1);
}

void kt_filters_hide(unsigned int abi, unsigned int nr)
{
	if (abi < NABI) {
		kt_sysset_set(&hidden, abi, nr);
		kt_filters_some_hidden = true;
	}
}

void kt_filters_counts(struct kt_counts *c)
{
	unsigned int abi, nr;

	for (abi = 0; abi < NABI; abi++)
		for (nr = 0; nr < KTRACE_NR_MAX; nr++)
			if (kt_filters_hidden(abi, nr))
				memset(&c->c[abi][nr], 0, sizeof(c->c[abi][nr]));
}

/* Every -e trace= by the command's own lists, into @set. */
static int parse_own_sets(const struct kt_opts *o, struct kt_sysset *set)
{
	unsigned int i;

	memset(set, 0, sizeof(*set));
	for (i = 0; i < o->ntrace; i++)
		if (parse_set(-1, set, o->trace[i]))
			return -1;
	return 0;
}

/*
 * -e trace= checked by the command's own lists before the device is
 * opened or -o FILE emptied: a name it does not know is the error the
 * user sees, with or without the module (the module's classes are
 * those lists).  0, or -1 after saying what is wrong.
 */
int kt_filters_check(const struct kt_opts *o)
{
	struct kt_sysset set;

	return parse_own_sets(o, &set);
}

/*
 * report -e trace=SET: a recording holds the calls its record chose (and
 * those recorded for the descriptor tables); what SET leaves out of them
 * is hidden, as a live trace hides the calls it records for the tables
 * only: the tables of -y still see them, the text, --json and -c do not.
 */
int kt_filters_report(const struct kt_opts *o)
{
	struct kt_sysset set;
	unsigned int nr;
	int abi;

	if (!o->ntrace)
		return 0;
	if (parse_own_sets(o, &set))
		return -1;
	for (abi = 0; abi < NABI; abi++)
		for (nr = 0; nr < KTRACE_NR_MAX; nr++)
			if (!(set.bits[abi][nr / 64] >> (nr % 64) & 1))
				kt_filters_hide(abi, nr);
	return 0;
}

/*
 * -e status= (and --min-duration) with -y or -P, or in a recording: the
 * module's status filter is one for all calls and would drop the
 * descriptors that the calls left out open, dup or close, so the module
 * records every call and the command leaves out those of a status not in
 * this set, or shorter (events.c), after the tables saw them; a recording
 * lists the set and the duration in its header.
 */
unsigned int kt_filters_shown_status = KT_STATUS_ALL;
unsigned long long kt_filters_shown_min_ns;

void kt_filters_set_status(unsigned int status)
{
	kt_filters_shown_status = status & KT_STATUS_ALL;
}

/* --min-duration, as -e status= above; the module's filter otherwise. */
void kt_filters_set_min_duration(unsigned long long ns)
{
	kt_filters_shown_min_ns = ns;
}

/*
 * The calls the session records (-e trace= and the descriptor tables'
 * calls): what -p may show of a call in flight when it attached, whose
 * entry no record gives (kt_attach_calls()).
 */
static struct kt_sysset traced;
static bool traced_some;

bool kt_filters_traced(unsigned int abi, unsigned int nr)
{
	return !traced_some ||
	       (abi < NABI && nr < KTRACE_NR_MAX &&
		(traced.bits[abi][nr / 64] >> (nr % 64) & 1));
}

/* The descriptor-table calls the set leaves out, added and hidden. */
static void add_fd_calls(struct kt_sysset *s)
{
	unsigned int nr;
	int abi;

	for (abi = 0; abi < NABI; abi++) {
		for (nr = 0; nr < KTRACE_NR_MAX; nr++) {
			if (!kt_fdtab_changes(abi, nr) ||
			    (s->bits[abi][nr / 64] >> (nr % 64) & 1))
				continue;
			kt_sysset_set(s, abi, nr);
			kt_filters_hide(abi, nr);
		}
	}
}

/*
 * Does the set trace a call whose buffer is printed by its socket's
 * family (a netlink socket's as messages), which the descriptor tables
 * learn from the calls that make sockets?
 */
static bool sockbuf_calls(const struct kt_sysset *s)
{
	static const char *const names[] = {
		"sendto", "recvfrom", "send", "recv",
	};
	unsigned int i;
	int abi, nr;

	for (abi = 0; abi < NABI; abi++) {
		for (i = 0; i < ARRAY_SIZE(names); i++) {
			nr = ktrace_syscall_number(kt_cli_abi(abi), names[i]);
			if (nr >= 0 && nr < KTRACE_NR_MAX &&
			    (s->bits[abi][nr / 64] >> (nr % 64) & 1))
				return true;
		}
	}
	return false;
}

int kt_filters_apply(int fd, const struct kt_opts *o, bool record)
{
	struct ktrace_config cfg = { 0 };
	struct ktrace_status st = { 0 };
	struct ktrace_version v;
	struct ktrace_syscalls sc;
	struct kt_sysset set;
	unsigned int i;
	bool fdtab;
	int abi;

	/*
	 * -c needs no records of syscalls: the kernel counts them; but not
	 * each call's time, which -U and -S min-time and max-time need.
	 */
	cfg.events = o->summary_only && !kt_summary_needs_minmax(o) ?
		     KTRACE_EV_LIFECYCLE : KTRACE_EV_ALL;
	if (ktrace_dev_version(fd, &v))
		return -1;
	cfg.snaplen = kt_snaplen(o, v.features & KTRACE_FEAT_LONG ?
				 KTRACE_SNAPLEN_LONG_MAX : KTRACE_SNAPLEN_MAX);
	cfg.ring_size = o->ring_size ? o->ring_size : ring_for(cfg.snaplen);
	/*
	 * Tracing chosen processes, the module makes them wait for us rather
	 * than drop their records; --lossy asks it to drop instead.
	 */
	if (o->lossy)
		cfg.flags |= KTRACE_CFG_LOSSY;
	if (o->instruction_pointer && !o->summary_only) {
		if (v.abi_minor < 7 || !(v.features & KTRACE_FEAT_IP)) {
			ktrace_err("-i: module ABI %u.%u does not record the instruction pointer (needs 1.7)",
				   v.abi_major, v.abi_minor);
			return -1;
		}
		cfg.flags |= KTRACE_CFG_IP;
	}
	if (kt_dev_configure(fd, &cfg))
		return -1;

	/* Records for the descriptor tables: -y, -P, and report -y. */
	fdtab = cfg.events == KTRACE_EV_ALL &&
		(record || o->decode_fds || o->trace_path);
	if (o->ntrace) {
		memset(&set, 0, sizeof(set));
		for (i = 0; i < o->ntrace; i++)
			if (parse_set(fd, &set, o->trace[i]))
				return -1;
		if (fdtab || (cfg.events == KTRACE_EV_ALL && !o->summary_only &&
			      sockbuf_calls(&set)))
			add_fd_calls(&set);
		traced = set;
		traced_some = true;
		for (abi = 0; abi < NABI; abi++) {
			memset(&sc, 0, sizeof(sc));
			sc.abi = abi;
			memcpy(sc.bits, set.bits[abi], sizeof(sc.bits));
			if (kt_dev_set_syscalls(fd, &sc))
				return -1;
		}
	}

	if (o->status != KT_STATUS_ALL || o->min_duration_ns) {
		/* -c prints no call, and counts them all, as strace does. */
		if (o->summary_only)
			return 0;
		/*
		 * We filter what the module records: all of it for the
		 * descriptor tables, and with -e status=none (no call, as
		 * strace shows none) or a module older than 1.22; else the
		 * calls that may replace their arguments, which the module
		 * records whole for us (KTRACE_STATUS_KEEP_ARGS).
		 */
		kt_filters_set_status(o->status);
		kt_filters_set_min_duration(o->min_duration_ns);
		if (fdtab || !o->status || v.abi_minor < 22)
			return 0;
		st.status = (o->status & KT_STATUS_SUCCESSFUL ?
			     KTRACE_STATUS_SUCCESSFUL : 0) |
			    (o->status & KT_STATUS_FAILED ?
			     KTRACE_STATUS_FAILED : 0);
		st.flags = KTRACE_STATUS_KEEP_ARGS;
		st.min_duration = o->min_duration_ns;
		if (kt_dev_set_status(fd, &st))
			return -1;
	}
	return 0;
}
