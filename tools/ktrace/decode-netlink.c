// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): netlink messages, as strace prints them.
 *
 * strace asks netlink_diag for a socket's protocol.  Where it cannot
 * (netlink_diag not loaded, not loadable, or the socket not bound yet),
 * it prints each message's header, its payload in hex, an error's errno
 * and the message it answers, the end of a dump's count.  Where it can,
 * it names the protocol's message types and the flags of their kind and
 * decodes their payloads.  ktrace does so for NETLINK_ROUTE's address
 * messages (RTM_NEWADDR, RTM_DELADDR, RTM_GETADDR, RTM_GETMULTICAST,
 * RTM_GETANYCAST: struct ifaddrmsg and its IFA_* attributes, what every
 * getaddrinfo() with AI_ADDRCONFIG exchanges) and for a route message
 * strace prints as a bare family, and prints NETLINK_KOBJECT_UEVENT's
 * buffers as strings; the payloads of other route messages and of other
 * protocols stay in hex (ktrace(1), BUGS).  The attributes of an
 * extended acknowledgment (NLMSGERR_ATTR_*) are decoded whatever the
 * protocol, as strace does.
 *
 * A buffer of several messages is an array of at most -s of them, as are
 * the attributes of one.
 */
#include <arpa/inet.h>
#include <string.h>

#include "decoders.h"

#define KT_NLMSG_HDRLEN		16
#define KT_NLMSG_ERROR		2
#define KT_NLMSG_DONE		3
#define KT_NLMSG_MIN_TYPE	0x10
#define KT_NLM_F_CAPPED		0x100
#define KT_NLA_HDRLEN		4
#define KT_NLA_F_NESTED		0x8000
#define KT_NLA_F_NET_BYTEORDER	0x4000
#define KT_NLA_TYPE_MASK	0x3fff
#define KT_NETLINK_ROUTE	0
#define KT_NETLINK_KOBJECT_UEVENT 15
#define KT_AF_INET		2
#define KT_AF_INET6		10

static const struct kt_xlat nlmsg_types[] = {
	{ 1, "NLMSG_NOOP" }, { 2, "NLMSG_ERROR" }, { 3, "NLMSG_DONE" },
	{ 4, "NLMSG_OVERRUN" }, KT_XEND
};

static const struct kt_xlat nlmsg_flags[] = {
	{ 0x1, "NLM_F_REQUEST" }, { 0x2, "NLM_F_MULTI" }, { 0x4, "NLM_F_ACK" },
	{ 0x8, "NLM_F_ECHO" }, { 0x10, "NLM_F_DUMP_INTR" },
	{ 0x20, "NLM_F_DUMP_FILTERED" }, KT_XEND
};

/*
 * Each kind of message's flags: the common ones, then its own, strace's
 * order (it looks in the one table, then the other).
 */
enum nl_kind { NL_ACK, NL_GET, NL_NEW, NL_DELETE, NL_KINDS };

static const struct kt_xlat nlmsg_kind_flags[NL_KINDS][11] = {
	[NL_ACK] = {
		{ 0x1, "NLM_F_REQUEST" }, { 0x2, "NLM_F_MULTI" },
		{ 0x4, "NLM_F_ACK" }, { 0x8, "NLM_F_ECHO" },
		{ 0x10, "NLM_F_DUMP_INTR" }, { 0x20, "NLM_F_DUMP_FILTERED" },
		{ 0x100, "NLM_F_CAPPED" }, { 0x200, "NLM_F_ACK_TLVS" },
		KT_XEND },
	[NL_GET] = {
		{ 0x1, "NLM_F_REQUEST" }, { 0x2, "NLM_F_MULTI" },
		{ 0x4, "NLM_F_ACK" }, { 0x8, "NLM_F_ECHO" },
		{ 0x10, "NLM_F_DUMP_INTR" }, { 0x20, "NLM_F_DUMP_FILTERED" },
		{ 0x300, "NLM_F_DUMP" }, { 0x100, "NLM_F_ROOT" },
		{ 0x200, "NLM_F_MATCH" }, { 0x400, "NLM_F_ATOMIC" }, KT_XEND },
	[NL_NEW] = {
		{ 0x1, "NLM_F_REQUEST" }, { 0x2, "NLM_F_MULTI" },
		{ 0x4, "NLM_F_ACK" }, { 0x8, "NLM_F_ECHO" },
		{ 0x10, "NLM_F_DUMP_INTR" }, { 0x20, "NLM_F_DUMP_FILTERED" },
		{ 0x100, "NLM_F_REPLACE" }, { 0x200, "NLM_F_EXCL" },
		{ 0x400, "NLM_F_CREATE" }, { 0x800, "NLM_F_APPEND" }, KT_XEND },
	[NL_DELETE] = {
		{ 0x1, "NLM_F_REQUEST" }, { 0x2, "NLM_F_MULTI" },
		{ 0x4, "NLM_F_ACK" }, { 0x8, "NLM_F_ECHO" },
		{ 0x10, "NLM_F_DUMP_INTR" }, { 0x20, "NLM_F_DUMP_FILTERED" },
		{ 0x100, "NLM_F_NONREC" }, { 0x200, "NLM_F_BULK" }, KT_XEND },
};

/* strace's nl_route_types. */
static const struct kt_xlat route_types[] = {
	{ 16, "RTM_NEWLINK" }, { 17, "RTM_DELLINK" }, { 18, "RTM_GETLINK" },
	{ 19, "RTM_SETLINK" }, { 20, "RTM_NEWADDR" }, { 21, "RTM_DELADDR" },
	{ 22, "RTM_GETADDR" }, { 24, "RTM_NEWROUTE" },
	{ 25, "RTM_DELROUTE" }, { 26, "RTM_GETROUTE" },
	{ 28, "RTM_NEWNEIGH" }, { 29, "RTM_DELNEIGH" },
	{ 30, "RTM_GETNEIGH" }, { 32, "RTM_NEWRULE" }, { 33, "RTM_DELRULE" },
	{ 34, "RTM_GETRULE" }, { 36, "RTM_NEWQDISC" }, { 37, "RTM_DELQDISC" },
	{ 38, "RTM_GETQDISC" }, { 40, "RTM_NEWTCLASS" },
	{ 41, "RTM_DELTCLASS" }, { 42, "RTM_GETTCLASS" },
	{ 44, "RTM_NEWTFILTER" }, { 45, "RTM_DELTFILTER" },
	{ 46, "RTM_GETTFILTER" }, { 48, "RTM_NEWACTION" },
	{ 49, "RTM_DELACTION" }, { 50, "RTM_GETACTION" },
	{ 52, "RTM_NEWPREFIX" }, { 58, "RTM_GETMULTICAST" },
	{ 62, "RTM_GETANYCAST" }, { 64, "RTM_NEWNEIGHTBL" },
	{ 66, "RTM_GETNEIGHTBL" }, { 67, "RTM_SETNEIGHTBL" },
	{ 68, "RTM_NEWNDUSEROPT" }, { 72, "RTM_NEWADDRLABEL" },
	{ 73, "RTM_DELADDRLABEL" }, { 74, "RTM_GETADDRLABEL" },
	{ 78, "RTM_GETDCB" }, { 79, "RTM_SETDCB" }, { 80, "RTM_NEWNETCONF" },
	{ 81, "RTM_DELNETCONF" }, { 82, "RTM_GETNETCONF" },
	{ 84, "RTM_NEWMDB" }, { 85, "RTM_DELMDB" }, { 86, "RTM_GETMDB" },
	{ 88, "RTM_NEWNSID" }, { 89, "RTM_DELNSID" }, { 90, "RTM_GETNSID" },
	{ 92, "RTM_NEWSTATS" }, { 94, "RTM_GETSTATS" },
	{ 96, "RTM_NEWCACHEREPORT" }, { 100, "RTM_NEWCHAIN" },
	{ 101, "RTM_DELCHAIN" }, { 102, "RTM_GETCHAIN" },
	{ 104, "RTM_NEWNEXTHOP" }, { 105, "RTM_DELNEXTHOP" },
	{ 106, "RTM_GETNEXTHOP" }, { 108, "RTM_NEWLINKPROP" },
	{ 109, "RTM_DELLINKPROP" }, { 110, "RTM_GETLINKPROP" },
	{ 112, "RTM_NEWVLAN" }, { 113, "RTM_DELVLAN" }, { 114, "RTM_GETVLAN" },
	{ 116, "RTM_NEWNEXTHOPBUCKET" }, { 117, "RTM_DELNEXTHOPBUCKET" },
	{ 118, "RTM_GETNEXTHOPBUCKET" }, KT_XEND
};

#define KT_RTM_DELACTION	49

/* strace's ifaddrflags, in its order. */
static const struct kt_xlat ifa_flags[] = {
	{ 0x1, "IFA_F_SECONDARY" }, { 0x2, "IFA_F_NODAD" },
	{ 0x4, "IFA_F_OPTIMISTIC" }, { 0x8, "IFA_F_DADFAILED" },
	{ 0x10, "IFA_F_HOMEADDRESS" }, { 0x20, "IFA_F_DEPRECATED" },
	{ 0x40, "IFA_F_TENTATIVE" }, { 0x80, "IFA_F_PERMANENT" },
	{ 0x100, "IFA_F_MANAGETEMPADDR" }, { 0x200, "IFA_F_NOPREFIXROUTE" },
	{ 0x400, "IFA_F_MCAUTOJOIN" }, { 0x800, "IFA_F_STABLE_PRIVACY" },
	KT_XEND
};

static const struct kt_xlat rt_scopes[] = {
	{ 0, "RT_SCOPE_UNIVERSE" }, { 200, "RT_SCOPE_SITE" },
	{ 253, "RT_SCOPE_LINK" }, { 254, "RT_SCOPE_HOST" },
	{ 255, "RT_SCOPE_NOWHERE" }, KT_XEND
};

enum {
	IFA_ADDRESS_ = 1, IFA_LOCAL_, IFA_LABEL_, IFA_BROADCAST_,
	IFA_ANYCAST_, IFA_CACHEINFO_, IFA_MULTICAST_, IFA_FLAGS_,
	IFA_RT_PRIORITY_, IFA_TARGET_NETNSID_,
};

static const struct kt_xlat ifa_attrs[] = {
	{ 0, "IFA_UNSPEC" }, { 1, "IFA_ADDRESS" }, { 2, "IFA_LOCAL" },
	{ 3, "IFA_LABEL" }, { 4, "IFA_BROADCAST" }, { 5, "IFA_ANYCAST" },
	{ 6, "IFA_CACHEINFO" }, { 7, "IFA_MULTICAST" }, { 8, "IFA_FLAGS" },
	{ 9, "IFA_RT_PRIORITY" }, { 10, "IFA_TARGET_NETNSID" },
	{ 11, "IFA_PROTO" }, KT_XEND
};

enum { NLMSGERR_ATTR_MSG_ = 1, NLMSGERR_ATTR_OFFS_, NLMSGERR_ATTR_COOKIE_ };

static const struct kt_xlat nlmsgerr_attrs[] = {
	{ 0, "NLMSGERR_ATTR_UNUSED" }, { 1, "NLMSGERR_ATTR_MSG" },
	{ 2, "NLMSGERR_ATTR_OFFS" }, { 3, "NLMSGERR_ATTR_COOKIE" },
	{ 4, "NLMSGERR_ATTR_POLICY" }, { 5, "NLMSGERR_ATTR_MISS_TYPE" },
	{ 6, "NLMSGERR_ATTR_MISS_NEST" }, KT_XEND
};

struct kt_nlmsghdr {
	uint32_t len;
	uint16_t type, flags;
	uint32_t seq, pid;
};

/* Bytes of a netlink buffer: @len the call's, @avail those captured. */
struct kt_nlbuf {
	const uint8_t *p;
	size_t len, avail;
};

/* The bytes of @nb from @off on. */
static struct kt_nlbuf nl_from(const struct kt_nlbuf *nb, size_t off)
{
	struct kt_nlbuf r = { nb->p + off, 0, 0 };

	if (off < nb->len)
		r.len = nb->len - off;
	if (off < nb->avail)
		r.avail = nb->avail - off;
	return r;
}

/* The first @len bytes of @nb. */
static struct kt_nlbuf nl_upto(struct kt_nlbuf nb, size_t len)
{
	if (nb.len > len)
		nb.len = len;
	if (nb.avail > nb.len)
		nb.avail = nb.len;
	return nb;
}

static void nl_hex(struct kt_dec *d, const struct kt_nlbuf *nb, size_t len)
{
	size_t n = len < nb->avail ? len : nb->avail;

	kt_format_hex_bytes(d->b, nb->p, n, d->o->strsize, n < len);
}

/* strace's decode_nla_str: a string whose trailing NUL is not shown. */
static void nl_str(struct kt_dec *d, const struct kt_nlbuf *nb)
{
	size_t n = nb->len < d->o->strsize ? nb->len : d->o->strsize;
	size_t got = n < nb->avail ? n : nb->avail;

	if (got == n && n && !nb->p[n - 1])
		kt_format_bytes(d->b, nb->p, n - 1, n - 1, false);
	else
		kt_format_bytes(d->b, nb->p, got, got, true);
}

/* Each of @nb's attributes is decoded by this, or printed in hex (false). */
typedef bool kt_nla_fn(struct kt_dec *d, unsigned int type,
		       const struct kt_nlbuf *nb, const void *ctx);

/*
 * A run of attributes, strace's decode_nlattr: each {nla_len, nla_type}
 * and its data, an array when there are several.
 */
static void nl_attrs(struct kt_dec *d, struct kt_nlbuf nb,
		     const struct kt_xlat *names, const char *unknown,
		     kt_nla_fn *fn, const void *ctx)
{
	bool array = false;
	unsigned int elt;
	uint16_t h[2];
	size_t n, next;

	for (elt = 0;; elt++) {
		if (nb.len < KT_NLA_HDRLEN) {
			nl_hex(d, &nb, nb.len);
			break;
		}
		if (nb.avail < KT_NLA_HDRLEN ||
		    (kt_abbrev(d->sc) && elt == d->o->strsize)) {
			kt_buf_puts(d->b, "...");
			break;
		}
		memcpy(h, nb.p, sizeof(h));
		next = (h[0] + 3U) & ~3U;
		if (h[0] < KT_NLA_HDRLEN || nb.len <= next)
			next = 0;
		if (!array && next) {
			kt_buf_putc(d->b, '[');
			array = true;
		}
		n = h[0] < nb.len ? h[0] : nb.len;
		if (n > KT_NLA_HDRLEN)
			kt_buf_putc(d->b, '[');
		kt_buf_printf(d->b, "{nla_len=%u, nla_type=", h[0]);
		if (h[1] & KT_NLA_F_NESTED)
			kt_buf_puts(d->b, "NLA_F_NESTED|");
		if (h[1] & KT_NLA_F_NET_BYTEORDER)
			kt_buf_puts(d->b, "NLA_F_NET_BYTEORDER|");
		kt_format_xval(d->b, names, h[1] & KT_NLA_TYPE_MASK, unknown);
		kt_buf_putc(d->b, '}');
		if (n > KT_NLA_HDRLEN) {
			struct kt_nlbuf v = nl_upto(nl_from(&nb, KT_NLA_HDRLEN),
						    n - KT_NLA_HDRLEN);

			kt_buf_puts(d->b, ", ");
			if (!fn(d, h[1] & KT_NLA_TYPE_MASK, &v, ctx))
				nl_hex(d, &v, v.len);
			kt_buf_putc(d->b, ']');
		}
		if (!next)
			break;
		kt_buf_puts(d->b, ", ");
		nb = nl_from(&nb, next);
	}
	if (array)
		kt_buf_putc(d->b, ']');
}

/* A u32 attribute, strace's decode_nla_u32; false when shorter. */
static bool nla_u32(struct kt_dec *d, const struct kt_nlbuf *v)
{
	uint32_t x;

	if (v->len < 4 || v->avail < 4)
		return false;
	memcpy(&x, v->p, 4);
	kt_buf_udec(d->b, x);
	return true;
}

/* An extended acknowledgment's attributes. */
static bool nlmsgerr_attr(struct kt_dec *d, unsigned int type,
			  const struct kt_nlbuf *v, const void *ctx)
{
	size_t i;

	switch (type) {
	case NLMSGERR_ATTR_MSG_:
		nl_str(d, v);
		return true;
	case NLMSGERR_ATTR_OFFS_:
		return nla_u32(d, v);
	case NLMSGERR_ATTR_COOKIE_:
		kt_buf_putc(d->b, '[');
		for (i = 0; i < v->len; i++) {
			if (i)
				kt_buf_puts(d->b, ", ");
			if (i >= v->avail ||
			    (kt_abbrev(d->sc) && i == d->o->strsize)) {
				kt_buf_puts(d->b, "...");
				break;
			}
			kt_buf_udec(d->b, v->p[i]);
		}
		kt_buf_putc(d->b, ']');
		return true;
	}
	return false;
}

/* An address of @family, strace's decode_inet_addr; false: not one. */
static bool inet_addr_of(struct kt_dec *d, int family,
			 const struct kt_nlbuf *v)
{
	char s[INET6_ADDRSTRLEN];

	if (family == KT_AF_INET && v->len >= 4 && v->avail >= 4) {
		inet_ntop(AF_INET, v->p, s, sizeof(s));
		kt_buf_printf(d->b, "inet_addr(\"%s\")", s);
		return true;
	}
	if (family == KT_AF_INET6 && v->len >= 16 && v->avail >= 16) {
		inet_ntop(AF_INET6, v->p, s, sizeof(s));
		kt_buf_printf(d->b, "inet_pton(AF_INET6, \"%s\")", s);
		return true;
	}
	return false;
}

/* struct ifaddrmsg's attributes; @ctx points to ifa_family. */
static bool ifa_attr(struct kt_dec *d, unsigned int type,
		     const struct kt_nlbuf *v, const void *ctx)
{
	uint32_t x[4];

	switch (type) {
	case IFA_ADDRESS_:
	case IFA_LOCAL_:
	case IFA_BROADCAST_:
	case IFA_ANYCAST_:
	case IFA_MULTICAST_:
		return inet_addr_of(d, *(const uint8_t *)ctx, v);
	case IFA_LABEL_:
		nl_str(d, v);
		return true;
	case IFA_CACHEINFO_:
		if (v->len < sizeof(x) || v->avail < sizeof(x))
			return false;
		memcpy(x, v->p, sizeof(x));
		kt_buf_printf(d->b, "{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
			      x[0], x[1], x[2], x[3]);
		return true;
	case IFA_FLAGS_:
		if (v->len < 4 || v->avail < 4)
			return false;
		memcpy(x, v->p, 4);
		kt_format_flags(d->b, ifa_flags, x[0], "IFA_F_???");
		return true;
	case IFA_RT_PRIORITY_:
		return nla_u32(d, v);
	case IFA_TARGET_NETNSID_:
		if (v->len < 4 || v->avail < 4)
			return false;
		memcpy(x, v->p, 4);
		kt_buf_dec(d->b, (int32_t)x[0]);
		return true;
	}
	return false;
}

/*
 * struct ifaddrmsg and its attributes:
 * {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT,
 * ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex("lo")}, [...]
 * glibc's request holds one byte of it (struct rtgenmsg): {ifa_family=
 * AF_UNSPEC, ...}.
 */
static void ifaddrmsg(struct kt_dec *d, const struct kt_nlbuf *nb)
{
	uint8_t ifa[8];
	uint32_t index;

	kt_buf_puts(d->b, "{ifa_family=");
	kt_format_xval(d->b, kt_families, nb->p[0], "AF_???");
	kt_buf_puts(d->b, ", ");
	if (nb->len < sizeof(ifa) || nb->avail < sizeof(ifa)) {
		kt_buf_puts(d->b, "...}");
		return;
	}
	memcpy(ifa, nb->p, sizeof(ifa));
	memcpy(&index, ifa + 4, 4);
	kt_buf_printf(d->b, "ifa_prefixlen=%u, ifa_flags=", ifa[1]);
	kt_format_flags(d->b, ifa_flags, ifa[2], "IFA_F_???");
	kt_buf_puts(d->b, ", ifa_scope=");
	kt_format_xval(d->b, rt_scopes, ifa[3], NULL);
	kt_buf_puts(d->b, ", ifa_index=");
	kt_format_ifindex(d->b, index);
	kt_buf_putc(d->b, '}');
	if (nb->len > sizeof(ifa)) {
		kt_buf_puts(d->b, ", ");
		nl_attrs(d, nl_from(nb, sizeof(ifa)), ifa_attrs, "IFA_???",
			 ifa_attr, ifa);
	}
}

/*
 * The route messages strace decodes with a structure of their own (its
 * route_decoders[]).  Those ktrace does not decode print in hex; the
 * others, which strace prints as a family, are printed so.
 */
static const uint8_t route_structs[] = {
	16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 28, 29, 30, 32, 33, 34, 36,
	37, 38, 40, 41, 42, 44, 45, 46, 48, 49, 50, 58, 62, 64, 66, 67, 72,
	73, 74, 78, 79, 80, 81, 82, 84, 85, 86, 88, 89, 90, 92, 94, 96, 100,
	101, 102, 104, 105, 106,
};

static bool route_struct(uint16_t type)
{
	return type <= 0xff && memchr(route_structs, type,
				      sizeof(route_structs));
}

/* A route message's payload; false to print it in hex. */
static bool route_payload(struct kt_dec *d, uint16_t type,
			  const struct kt_nlbuf *nb)
{
	if (type == KT_NLMSG_DONE || !nb->avail)
		return false;
	switch (type) {
	case 20: case 21: case 22:	/* RTM_{NEW,DEL,GET}ADDR */
	case 58: case 62:		/* RTM_GET{MULTI,ANY}CAST */
		ifaddrmsg(d, nb);
		return true;
	}
	if (route_struct(type))
		return false;
	kt_buf_puts(d->b, "{family=");
	kt_format_xval(d->b, kt_families, nb->p[0], "AF_???");
	if (nb->len > 1) {
		struct kt_nlbuf data = nl_from(nb, 1);

		kt_buf_puts(d->b, ", data=");
		nl_hex(d, &data, data.len);
	}
	kt_buf_putc(d->b, '}');
	return true;
}

/* The flags of a message of @type in @proto: strace's nlmsg_flags[]. */
static const struct kt_xlat *flags_of(uint16_t type, int proto)
{
	if (type == KT_NLMSG_ERROR)
		return nlmsg_kind_flags[NL_ACK];
	if (type < KT_NLMSG_MIN_TYPE || proto != KT_NETLINK_ROUTE)
		return nlmsg_flags;
	/* RTM_DELACTION takes NLM_F_ROOT. */
	if (type == KT_RTM_DELACTION)
		return nlmsg_kind_flags[NL_GET];
	switch (type & 3) {
	case 0:
		return nlmsg_kind_flags[NL_NEW];
	case 1:
		return nlmsg_kind_flags[NL_DELETE];
	case 2:
		return nlmsg_kind_flags[NL_GET];
	}
	return nlmsg_flags;
}

static void nlmsg_with_payload(struct kt_dec *d, const struct kt_nlmsghdr *h,
			       struct kt_nlbuf nb, int proto,
			       unsigned int depth);

/* NLMSG_ERROR's struct nlmsgerr: the errno and the message it answers. */
static void nlmsgerr(struct kt_dec *d, const struct kt_nlmsghdr *h,
		     struct kt_nlbuf nb, int proto, unsigned int depth)
{
	struct kt_nlmsghdr msg;
	size_t payload, mark;
	int32_t err;

	if (nb.len < 4 + sizeof(msg)) {
		nl_hex(d, &nb, nb.len);
		return;
	}
	if (nb.avail < 4 + sizeof(msg) || depth > 4) {
		kt_buf_puts(d->b, "...");
		return;
	}
	memcpy(&err, nb.p, 4);
	memcpy(&msg, nb.p + 4, sizeof(msg));
	nb = nl_from(&nb, 4);
	/* The request echoed whole, or its header only (NLM_F_CAPPED). */
	payload = h->flags & KT_NLM_F_CAPPED || msg.len < sizeof(msg) ?
		  sizeof(msg) : msg.len;
	if (payload > nb.len)
		payload = nb.len;
	if (nb.len > payload)
		kt_buf_putc(d->b, '[');
	kt_buf_puts(d->b, "{error=");
	mark = kt_const_begin(d->b);
	if (err < 0 && kt_errno_name(-err))
		kt_buf_printf(d->b, "-%s", kt_errno_name(-err));
	else
		kt_buf_dec(d->b, err);
	kt_const_end(d->b, mark, (uint64_t)(int64_t)err, 'd');
	kt_buf_puts(d->b, ", msg=");
	nlmsg_with_payload(d, &msg, nl_upto(nb, payload), proto, depth + 1);
	kt_buf_putc(d->b, '}');
	if (nb.len > payload) {
		/* The extended acknowledgment's attributes. */
		kt_buf_puts(d->b, ", ");
		nl_attrs(d, nl_from(&nb, payload), nlmsgerr_attrs,
			 "NLMSGERR_ATTR_???", nlmsgerr_attr, NULL);
		kt_buf_putc(d->b, ']');
	}
}

static void nlmsg_with_payload(struct kt_dec *d, const struct kt_nlmsghdr *h,
			       struct kt_nlbuf nb, int proto,
			       unsigned int depth)
{
	size_t n = h->len < nb.len ? h->len : nb.len;
	struct kt_nlbuf pl;
	int32_t num;

	if (n > KT_NLMSG_HDRLEN)
		kt_buf_putc(d->b, '[');
	kt_buf_puts(d->b, "{nlmsg_len=");
	kt_buf_udec(d->b, h->len);
	kt_buf_puts(d->b, ", nlmsg_type=");
	if (h->type >= KT_NLMSG_MIN_TYPE && proto == KT_NETLINK_ROUTE)
		kt_format_xval(d->b, route_types, h->type, "RTM_???");
	else
		kt_format_xval(d->b, nlmsg_types, h->type, "NLMSG_???");
	kt_buf_puts(d->b, ", nlmsg_flags=");
	kt_format_flags(d->b, flags_of(h->type, proto), h->flags, "NLM_F_???");
	kt_buf_puts(d->b, ", nlmsg_seq=");
	kt_buf_udec(d->b, h->seq);
	kt_buf_puts(d->b, ", nlmsg_pid=");
	kt_pid(d, (int)h->pid, false);
	kt_buf_putc(d->b, '}');
	if (n <= KT_NLMSG_HDRLEN)
		return;
	kt_buf_puts(d->b, ", ");
	pl = nl_upto(nl_from(&nb, KT_NLMSG_HDRLEN), n - KT_NLMSG_HDRLEN);
	if (h->type == KT_NLMSG_ERROR) {
		nlmsgerr(d, h, pl, proto, depth);
	} else if ((h->type >= KT_NLMSG_MIN_TYPE || h->type == KT_NLMSG_DONE) &&
		   proto == KT_NETLINK_ROUTE && route_payload(d, h->type, &pl)) {
		/* decoded */
	} else if (h->type == KT_NLMSG_DONE && pl.len == 4 && pl.avail == 4) {
		memcpy(&num, pl.p, 4);
		kt_buf_dec(d->b, num);
	} else {
		nl_hex(d, &pl, pl.len);
	}
	kt_buf_putc(d->b, ']');
}

/*
 * A uevent, strace's decode_netlink_kobject_uevent: the kernel's a
 * string, libudev's a header and a string.
 */
static void kobject_uevent(struct kt_dec *d, const struct kt_nlbuf *nb)
{
	static const char *const names[] = {
		"magic", "header_size", "properties_off", "properties_len",
		"filter_subsystem_hash", "filter_devtype_hash",
		"filter_tag_bloom_hi", "filter_tag_bloom_lo",
	};
	uint32_t v[8];
	size_t i;

	if (nb->len < 40 || nb->avail < 40 || memcmp(nb->p, "libudev", 8)) {
		kt_format_bytes(d->b, nb->p, nb->avail, d->o->strsize,
				nb->avail < nb->len);
		return;
	}
	memcpy(v, nb->p + 8, sizeof(v));
	if (nb->len > 40)
		kt_buf_putc(d->b, '[');
	kt_buf_puts(d->b, "{prefix=\"libudev\"");
	for (i = 0; i < ARRAY_SIZE(v); i++) {
		bool net = i == 0 || i > 3;	/* htonl()'d */

		kt_buf_printf(d->b, ", %s=", names[i]);
		if (net) {
			kt_buf_puts(d->b, "htonl(");
			kt_buf_hex(d->b, ntohl(v[i]));
			kt_buf_putc(d->b, ')');
		} else {
			kt_buf_udec(d->b, v[i]);
		}
	}
	kt_buf_putc(d->b, '}');
	if (nb->len > 40) {
		struct kt_nlbuf rest = nl_from(nb, 40);

		kt_buf_puts(d->b, ", ");
		kt_format_bytes(d->b, rest.p, rest.avail, d->o->strsize,
				rest.avail < rest.len);
		kt_buf_putc(d->b, ']');
	}
}

void kt_netlink_msgs(struct kt_dec *d, const uint8_t *p, size_t len,
		     size_t avail, int proto)
{
	struct kt_nlbuf nb = { p, len, avail < len ? avail : len };
	bool array = false;
	struct kt_nlmsghdr h;
	unsigned int elt;
	size_t next;

	if (proto == KT_NETLINK_KOBJECT_UEVENT) {
		kobject_uevent(d, &nb);
		return;
	}
	for (elt = 0;; elt++) {
		if (nb.len < sizeof(h)) {
			nl_hex(d, &nb, nb.len);
			break;
		}
		if (nb.avail < sizeof(h) ||
		    (kt_abbrev(d->sc) && elt + 1 > d->o->strsize)) {
			kt_buf_puts(d->b, "...");
			break;
		}
		memcpy(&h, nb.p, sizeof(h));
		next = (h.len + 3) & ~3U;
		if (h.len < KT_NLMSG_HDRLEN || nb.len <= next)
			next = 0;
		if (!array && next) {
			kt_buf_putc(d->b, '[');
			array = true;
		}
		nlmsg_with_payload(d, &h, nb, proto, 0);
		if (!next)
			break;
		kt_buf_puts(d->b, ", ");
		nb = nl_from(&nb, next);
	}
	if (array)
		kt_buf_putc(d->b, ']');
}
