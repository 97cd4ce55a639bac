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
 * getaddrinfo() with AI_ADDRCONFIG exchanges), its route messages
 * (RTM_{NEW,DEL,GET}ROUTE: struct rtmsg and its RTA_* attributes, what
 * ip route exchanges) and a route message strace prints as a bare
 * family, and prints NETLINK_KOBJECT_UEVENT's
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
 * The flags of each kind of message, printed after the common ones, as
 * strace looks them up: in the one table, then the other.
 */
enum nl_kind { NL_ACK, NL_GET, NL_NEW, NL_DELETE, NL_KINDS };

static const struct kt_xlat nlmsg_kind_flags[NL_KINDS][5] = {
	[NL_ACK] = { { 0x100, "NLM_F_CAPPED" }, { 0x200, "NLM_F_ACK_TLVS" },
		     KT_XEND },
	[NL_GET] = { { 0x300, "NLM_F_DUMP" }, { 0x100, "NLM_F_ROOT" },
		     { 0x200, "NLM_F_MATCH" }, { 0x400, "NLM_F_ATOMIC" },
		     KT_XEND },
	[NL_NEW] = { { 0x100, "NLM_F_REPLACE" }, { 0x200, "NLM_F_EXCL" },
		     { 0x400, "NLM_F_CREATE" }, { 0x800, "NLM_F_APPEND" },
		     KT_XEND },
	[NL_DELETE] = { { 0x100, "NLM_F_NONREC" }, { 0x200, "NLM_F_BULK" },
			KT_XEND },
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

/* struct rtmsg's fields and attributes: strace's routing_* tables. */
static const struct kt_xlat ip_tos[] = {
	{ 0x10, "IPTOS_LOWDELAY" }, { 0x08, "IPTOS_THROUGHPUT" },
	{ 0x04, "IPTOS_RELIABILITY" }, { 0x02, "IPTOS_MINCOST" }, KT_XEND
};

static const struct kt_xlat rt_tables[] = {
	{ 0, "RT_TABLE_UNSPEC" }, { 252, "RT_TABLE_COMPAT" },
	{ 253, "RT_TABLE_DEFAULT" }, { 254, "RT_TABLE_MAIN" },
	{ 255, "RT_TABLE_LOCAL" }, KT_XEND
};

static const struct kt_xlat rt_protos[] = {
	{ 0, "RTPROT_UNSPEC" }, { 1, "RTPROT_REDIRECT" }, { 2, "RTPROT_KERNEL" },
	{ 3, "RTPROT_BOOT" }, { 4, "RTPROT_STATIC" }, { 8, "RTPROT_GATED" },
	{ 9, "RTPROT_RA" }, { 10, "RTPROT_MRT" }, { 11, "RTPROT_ZEBRA" },
	{ 12, "RTPROT_BIRD" }, { 13, "RTPROT_DNROUTED" }, { 14, "RTPROT_XORP" },
	{ 15, "RTPROT_NTK" }, { 16, "RTPROT_DHCP" }, { 17, "RTPROT_MROUTED" },
	{ 18, "RTPROT_KEEPALIVED" }, { 42, "RTPROT_BABEL" },
	{ 99, "RTPROT_OPENR" }, { 186, "RTPROT_BGP" }, { 187, "RTPROT_ISIS" },
	{ 188, "RTPROT_OSPF" }, { 189, "RTPROT_RIP" }, { 192, "RTPROT_EIGRP" },
	KT_XEND
};

static const struct kt_xlat rt_types[] = {
	{ 0, "RTN_UNSPEC" }, { 1, "RTN_UNICAST" }, { 2, "RTN_LOCAL" },
	{ 3, "RTN_BROADCAST" }, { 4, "RTN_ANYCAST" }, { 5, "RTN_MULTICAST" },
	{ 6, "RTN_BLACKHOLE" }, { 7, "RTN_UNREACHABLE" }, { 8, "RTN_PROHIBIT" },
	{ 9, "RTN_THROW" }, { 10, "RTN_NAT" }, { 11, "RTN_XRESOLVE" }, KT_XEND
};

static const struct kt_xlat rt_flags[] = {
	{ 0x100, "RTM_F_NOTIFY" }, { 0x200, "RTM_F_CLONED" },
	{ 0x400, "RTM_F_EQUALIZE" }, { 0x800, "RTM_F_PREFIX" },
	{ 0x1000, "RTM_F_LOOKUP_TABLE" }, { 0x2000, "RTM_F_FIB_MATCH" },
	{ 0x4000, "RTM_F_OFFLOAD" }, { 0x8000, "RTM_F_TRAP" },
	{ 0x20000000, "RTM_F_OFFLOAD_FAILED" }, KT_XEND
};

enum {
	RTA_DST_ = 1, RTA_SRC_, RTA_IIF_, RTA_OIF_, RTA_GATEWAY_,
	RTA_PRIORITY_, RTA_PREFSRC_, RTA_METRICS_, RTA_MULTIPATH_,
	RTA_PROTOINFO_, RTA_FLOW_, RTA_CACHEINFO_, RTA_SESSION_, RTA_MP_ALGO_,
	RTA_TABLE_, RTA_MARK_, RTA_MFC_STATS_, RTA_VIA_, RTA_NEWDST_, RTA_PREF_,
	RTA_ENCAP_TYPE_, RTA_ENCAP_, RTA_EXPIRES_, RTA_PAD_, RTA_UID_,
	RTA_TTL_PROPAGATE_, RTA_IP_PROTO_, RTA_SPORT_, RTA_DPORT_,
};

static const struct kt_xlat rta_attrs[] = {
	{ 0, "RTA_UNSPEC" }, { 1, "RTA_DST" }, { 2, "RTA_SRC" }, { 3, "RTA_IIF" },
	{ 4, "RTA_OIF" }, { 5, "RTA_GATEWAY" }, { 6, "RTA_PRIORITY" },
	{ 7, "RTA_PREFSRC" }, { 8, "RTA_METRICS" }, { 9, "RTA_MULTIPATH" },
	{ 10, "RTA_PROTOINFO" }, { 11, "RTA_FLOW" }, { 12, "RTA_CACHEINFO" },
	{ 13, "RTA_SESSION" }, { 14, "RTA_MP_ALGO" }, { 15, "RTA_TABLE" },
	{ 16, "RTA_MARK" }, { 17, "RTA_MFC_STATS" }, { 18, "RTA_VIA" },
	{ 19, "RTA_NEWDST" }, { 20, "RTA_PREF" }, { 21, "RTA_ENCAP_TYPE" },
	{ 22, "RTA_ENCAP" }, { 23, "RTA_EXPIRES" }, { 24, "RTA_PAD" },
	{ 25, "RTA_UID" }, { 26, "RTA_TTL_PROPAGATE" }, { 27, "RTA_IP_PROTO" },
	{ 28, "RTA_SPORT" }, { 29, "RTA_DPORT" }, { 30, "RTA_NH_ID" }, KT_XEND
};

#define KT_RTAX_CC_ALGO		16

static const struct kt_xlat rtax_attrs[] = {
	{ 0, "RTAX_UNSPEC" }, { 1, "RTAX_LOCK" }, { 2, "RTAX_MTU" },
	{ 3, "RTAX_WINDOW" }, { 4, "RTAX_RTT" }, { 5, "RTAX_RTTVAR" },
	{ 6, "RTAX_SSTHRESH" }, { 7, "RTAX_CWND" }, { 8, "RTAX_ADVMSS" },
	{ 9, "RTAX_REORDERING" }, { 10, "RTAX_HOPLIMIT" },
	{ 11, "RTAX_INITCWND" }, { 12, "RTAX_FEATURES" }, { 13, "RTAX_RTO_MIN" },
	{ 14, "RTAX_INITRWND" }, { 15, "RTAX_QUICKACK" },
	{ 16, "RTAX_CC_ALGO" }, { 17, "RTAX_FASTOPEN_NO_COOKIE" }, KT_XEND
};

static const struct kt_xlat rtnh_flags[] = {
	{ 0x1, "RTNH_F_DEAD" }, { 0x2, "RTNH_F_PERVASIVE" },
	{ 0x4, "RTNH_F_ONLINK" }, { 0x8, "RTNH_F_OFFLOAD" },
	{ 0x10, "RTNH_F_LINKDOWN" }, { 0x20, "RTNH_F_UNRESOLVED" },
	{ 0x40, "RTNH_F_TRAP" }, KT_XEND
};

static const struct kt_xlat lwt_encaps[] = {
	{ 0, "LWTUNNEL_ENCAP_NONE" }, { 1, "LWTUNNEL_ENCAP_MPLS" },
	{ 2, "LWTUNNEL_ENCAP_IP" }, { 3, "LWTUNNEL_ENCAP_ILA" },
	{ 4, "LWTUNNEL_ENCAP_IP6" }, { 5, "LWTUNNEL_ENCAP_SEG6" },
	{ 6, "LWTUNNEL_ENCAP_BPF" }, { 7, "LWTUNNEL_ENCAP_SEG6_LOCAL" },
	{ 8, "LWTUNNEL_ENCAP_RPL" }, KT_XEND
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

/* An attribute's first @n bytes into @x; false when it has fewer. */
static bool nla_get(const struct kt_nlbuf *v, void *x, size_t n)
{
	if (v->len < n || v->avail < n)
		return false;
	memcpy(x, v->p, n);
	return true;
}

/*
 * An unsigned attribute of @n bytes, strace's decode_nla_u8 to
 * decode_nla_u64; false when shorter.
 */
static bool nla_uint(struct kt_dec *d, const struct kt_nlbuf *v, size_t n)
{
	uint64_t x = 0;

	if (!nla_get(v, &x, n))	/* little-endian */
		return false;
	kt_buf_udec(d->b, x);
	return true;
}

static bool nla_u32(struct kt_dec *d, const struct kt_nlbuf *v)
{
	return nla_uint(d, v, 4);
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
		if (!nla_get(v, x, sizeof(x)))
			return false;
		kt_buf_printf(d->b, "{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
			      x[0], x[1], x[2], x[3]);
		return true;
	case IFA_FLAGS_:
		if (!nla_get(v, x, 4))
			return false;
		kt_format_flags(d->b, ifa_flags, x[0], "IFA_F_???");
		return true;
	case IFA_RT_PRIORITY_:
		return nla_u32(d, v);
	case IFA_TARGET_NETNSID_:
		if (!nla_get(v, x, 4))
			return false;
		kt_buf_dec(d->b, (int32_t)x[0]);
		return true;
	}
	return false;
}

/*
 * A route message's structure opens with its family, "{ifa_family=AF_INET,
 * "; false, after "...}", when the message holds less than its @size
 * bytes (glibc's 1-byte struct rtgenmsg).
 */
static bool route_head(struct kt_dec *d, const struct kt_nlbuf *nb,
		       const char *prefix, size_t size)
{
	kt_buf_printf(d->b, "{%s_family=", prefix);
	kt_format_xval(d->b, kt_families, nb->p[0], "AF_???");
	kt_buf_puts(d->b, ", ");
	if (nb->len >= size && nb->avail >= size)
		return true;
	kt_buf_puts(d->b, "...}");
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

	if (!route_head(d, nb, "ifa", sizeof(ifa)))
		return;
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

/* RTA_METRICS' attributes. */
static bool rtax_attr(struct kt_dec *d, unsigned int type,
		      const struct kt_nlbuf *v, const void *ctx)
{
	if (type == KT_RTAX_CC_ALGO) {
		nl_str(d, v);
		return true;
	}
	return type >= 1 && type < KT_RTAX_CC_ALGO && nla_u32(d, v);
}

static bool rta_attr(struct kt_dec *d, unsigned int type,
		     const struct kt_nlbuf *v, const void *ctx);

/*
 * RTA_MULTIPATH: struct rtnexthop, each with its attributes, strace's
 * decode_rta_multipath; @ctx is the struct rtmsg.
 */
static bool rta_multipath(struct kt_dec *d, const struct kt_nlbuf *v,
			  const void *ctx)
{
	struct kt_nlbuf nb = *v;
	bool array = false;
	uint16_t nh_len;
	uint32_t index;
	size_t n, next;

	if (v->len < 8)
		return false;
	for (;;) {
		if (nb.len < 8 || nb.avail < 8) {
			nl_hex(d, &nb, nb.len);
			break;
		}
		memcpy(&nh_len, nb.p, 2);
		memcpy(&index, nb.p + 4, 4);
		n = nh_len < nb.len ? nh_len : nb.len;
		if (nb.p == v->p && nh_len < v->len) {
			kt_buf_putc(d->b, '[');
			array = true;
		}
		if (n > 8)
			kt_buf_putc(d->b, '[');
		kt_buf_printf(d->b, "{rtnh_len=%u, rtnh_flags=", nh_len);
		kt_format_flags(d->b, rtnh_flags, nb.p[2], "RTNH_F_???");
		kt_buf_printf(d->b, ", rtnh_hops=%u, rtnh_ifindex=", nb.p[3]);
		kt_format_ifindex(d->b, index);
		kt_buf_putc(d->b, '}');
		if (n > 8) {
			kt_buf_puts(d->b, ", ");
			nl_attrs(d, nl_upto(nl_from(&nb, 8), n - 8), rta_attrs,
				 "RTA_???", rta_attr, ctx);
			kt_buf_putc(d->b, ']');
		}
		next = (n + 3) & ~(size_t)3;
		if (!next || next >= nb.len)
			break;
		kt_buf_puts(d->b, ", ");
		nb = nl_from(&nb, next);
	}
	if (array)
		kt_buf_putc(d->b, ']');
	return true;
}

/* RTA_VIA's struct rtvia: a family and an address of it. */
static bool rta_via(struct kt_dec *d, const struct kt_nlbuf *v)
{
	struct kt_nlbuf a = nl_from(v, 2);
	char s[INET6_ADDRSTRLEN];
	uint16_t family;

	if (!nla_get(v, &family, 2))
		return false;
	kt_buf_puts(d->b, "{rtvia_family=");
	kt_format_xval(d->b, kt_families, family, "AF_???");
	if (a.len) {
		kt_buf_puts(d->b, ", ");
		if (family == KT_AF_INET6 && a.len >= 16 && a.avail >= 16) {
			inet_ntop(AF_INET6, a.p, s, sizeof(s));
			kt_buf_printf(d->b, "inet_pton(AF_INET6, \"%s\", &rtvia_addr)",
				      s);
		} else {
			/* An IPv6 address too short prints in hex. */
			kt_buf_puts(d->b, "rtvia_addr=");
			if (family == KT_AF_INET6 ||
			    !inet_addr_of(d, family, &a))
				nl_hex(d, &a, a.len);
		}
	}
	kt_buf_putc(d->b, '}');
	return true;
}

/* struct rtmsg's attributes, strace's rtmsg_nla_decoders; @ctx the rtmsg. */
static bool rta_attr(struct kt_dec *d, unsigned int type,
		     const struct kt_nlbuf *v, const void *ctx)
{
	int family = *(const uint8_t *)ctx;
	uint32_t x[8];
	uint64_t m[3];

	switch (type) {
	case RTA_DST_:
	case RTA_SRC_:
	case RTA_GATEWAY_:
	case RTA_PREFSRC_:
	case RTA_NEWDST_:
		return inet_addr_of(d, family, v);
	case RTA_IIF_:
	case RTA_OIF_:
		if (!nla_get(v, x, 4))
			return false;
		kt_format_ifindex(d->b, x[0]);
		return true;
	case RTA_PRIORITY_:
	case RTA_PROTOINFO_:
	case RTA_FLOW_:
	case RTA_MP_ALGO_:
	case RTA_MARK_:
	case RTA_UID_:
		return nla_u32(d, v);
	case RTA_METRICS_:
		nl_attrs(d, *v, rtax_attrs, "RTAX_???", rtax_attr, NULL);
		return true;
	case RTA_MULTIPATH_:
		return rta_multipath(d, v, ctx);
	case RTA_CACHEINFO_:
		if (!nla_get(v, x, sizeof(x)))
			return false;
		kt_buf_printf(d->b, "{rta_clntref=%u, rta_lastuse=%u, rta_expires=%u, ",
			      x[0], x[1], x[2]);
		kt_buf_printf(d->b, "rta_error=%u, rta_used=%u, rta_id=%#x, ",
			      x[3], x[4], x[5]);
		kt_buf_printf(d->b, "rta_ts=%u, rta_tsage=%u}", x[6], x[7]);
		return true;
	case RTA_TABLE_:
		if (!nla_get(v, x, 4))
			return false;
		kt_format_xval(d->b, rt_tables, x[0], NULL);
		return true;
	case RTA_MFC_STATS_:
		if (!nla_get(v, m, sizeof(m)))
			return false;
		kt_buf_printf(d->b, "{mfcs_packets=%llu, mfcs_bytes=%llu, mfcs_wrong_if=%llu}",
			      (unsigned long long)m[0],
			      (unsigned long long)m[1],
			      (unsigned long long)m[2]);
		return true;
	case RTA_VIA_:
		return rta_via(d, v);
	case RTA_PREF_:
	case RTA_TTL_PROPAGATE_:
	case RTA_IP_PROTO_:
		return nla_uint(d, v, 1);
	case RTA_SPORT_:
	case RTA_DPORT_:
		return nla_uint(d, v, 2);
	case RTA_ENCAP_TYPE_:
		x[0] = 0;
		if (!nla_get(v, x, 2))
			return false;
		kt_format_xval(d->b, lwt_encaps, x[0], "LWTUNNEL_ENCAP_???");
		return true;
	case RTA_EXPIRES_:
		return nla_uint(d, v, 8);
	}
	return false;
}

/*
 * struct rtmsg and its attributes (RTM_{NEW,DEL,GET}ROUTE):
 * {rtm_family=AF_INET, rtm_dst_len=24, rtm_src_len=0, rtm_tos=0,
 * rtm_table=RT_TABLE_MAIN, rtm_protocol=RTPROT_KERNEL,
 * rtm_scope=RT_SCOPE_LINK, rtm_type=RTN_UNICAST, rtm_flags=0}, [...]
 */
static void rtmsg(struct kt_dec *d, const struct kt_nlbuf *nb)
{
	uint8_t rtm[12];
	uint32_t flags;

	if (!route_head(d, nb, "rtm", sizeof(rtm)))
		return;
	memcpy(rtm, nb->p, sizeof(rtm));
	memcpy(&flags, rtm + 8, 4);
	kt_buf_printf(d->b, "rtm_dst_len=%u, rtm_src_len=%u, rtm_tos=",
		      rtm[1], rtm[2]);
	kt_format_flags(d->b, ip_tos, rtm[3], "IPTOS_TOS_???");
	kt_buf_puts(d->b, ", rtm_table=");
	kt_format_xval(d->b, rt_tables, rtm[4], NULL);
	kt_buf_puts(d->b, ", rtm_protocol=");
	kt_format_xval(d->b, rt_protos, rtm[5], "RTPROT_???");
	kt_buf_puts(d->b, ", rtm_scope=");
	kt_format_xval(d->b, rt_scopes, rtm[6], NULL);
	kt_buf_puts(d->b, ", rtm_type=");
	kt_format_xval(d->b, rt_types, rtm[7], "RTN_???");
	kt_buf_puts(d->b, ", rtm_flags=");
	kt_format_flags(d->b, rt_flags, flags, "RTM_F_???");
	kt_buf_putc(d->b, '}');
	if (nb->len > sizeof(rtm)) {
		kt_buf_puts(d->b, ", ");
		nl_attrs(d, nl_from(nb, sizeof(rtm)), rta_attrs, "RTA_???",
			 rta_attr, rtm);
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
	case 24: case 25: case 26:	/* RTM_{NEW,DEL,GET}ROUTE */
		rtmsg(d, nb);
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

/*
 * The flags of its kind that a message of @type in @proto takes after
 * the common ones (strace's nlmsg_flags[]), or NULL: none.
 */
static const struct kt_xlat *kind_flags(uint16_t type, int proto)
{
	if (type == KT_NLMSG_ERROR)
		return nlmsg_kind_flags[NL_ACK];
	if (type < KT_NLMSG_MIN_TYPE || proto != KT_NETLINK_ROUTE)
		return NULL;
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
	return NULL;
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
	if (err < 0 && err > INT32_MIN && kt_errno_name(-err))
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
	kt_format_flags2(d->b, nlmsg_flags, kind_flags(h->type, proto),
			 h->flags, "NLM_F_???");
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
