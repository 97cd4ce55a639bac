// SPDX-License-Identifier: GPL-2.0
/*
 * ktrace(1): decoders of the socket syscalls: socket and socketpair,
 * socket addresses (AF_UNIX, AF_INET, AF_INET6, AF_NETLINK), connect,
 * bind, accept, listen, send and recv, sendmsg and recvmsg, sendmmsg
 * and recvmmsg, shutdown, socket options, and i386's socketcall.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <string.h>

#include "decoders.h"

/* strace's addrfams. */
const struct kt_xlat kt_families[] = {
	{ 0, "AF_UNSPEC" }, { 1, "AF_UNIX" }, { 2, "AF_INET" },
	{ 3, "AF_AX25" }, { 4, "AF_IPX" }, { 5, "AF_APPLETALK" },
	{ 6, "AF_NETROM" }, { 7, "AF_BRIDGE" }, { 8, "AF_ATMPVC" },
	{ 9, "AF_X25" }, { 10, "AF_INET6" }, { 11, "AF_ROSE" },
	{ 12, "AF_DECnet" }, { 13, "AF_NETBEUI" }, { 14, "AF_SECURITY" },
	{ 15, "AF_KEY" }, { 16, "AF_NETLINK" }, { 17, "AF_PACKET" },
	{ 18, "AF_ASH" }, { 19, "AF_ECONET" }, { 20, "AF_ATMSVC" },
	{ 21, "AF_RDS" }, { 22, "AF_SNA" }, { 23, "AF_IRDA" },
	{ 24, "AF_PPPOX" }, { 25, "AF_WANPIPE" }, { 26, "AF_LLC" },
	{ 27, "AF_IB" }, { 28, "AF_MPLS" }, { 29, "AF_CAN" },
	{ 30, "AF_TIPC" }, { 31, "AF_BLUETOOTH" }, { 32, "AF_IUCV" },
	{ 33, "AF_RXRPC" }, { 34, "AF_ISDN" }, { 35, "AF_PHONET" },
	{ 36, "AF_IEEE802154" }, { 37, "AF_CAIF" }, { 38, "AF_ALG" },
	{ 39, "AF_NFC" }, { 40, "AF_VSOCK" }, { 41, "AF_KCM" },
	{ 42, "AF_QIPCRTR" }, { 43, "AF_SMC" }, { 44, "AF_XDP" },
	{ 45, "AF_MCTP" }, KT_XEND
};

static const struct kt_xlat sock_types[] = {
	{ 1, "SOCK_STREAM" }, { 2, "SOCK_DGRAM" }, { 3, "SOCK_RAW" },
	{ 4, "SOCK_RDM" }, { 5, "SOCK_SEQPACKET" }, { 6, "SOCK_DCCP" },
	{ 10, "SOCK_PACKET" }, KT_XEND
};

static const struct kt_xlat sock_flags[] = {
	/* strace's order */
	{ 02000000, "SOCK_CLOEXEC" }, { 04000, "SOCK_NONBLOCK" }, KT_XEND
};

static const struct kt_xlat ip_protos[] = {
	{ 0, "IPPROTO_IP" }, { 1, "IPPROTO_ICMP" }, { 2, "IPPROTO_IGMP" },
	{ 4, "IPPROTO_IPIP" }, { 6, "IPPROTO_TCP" }, { 17, "IPPROTO_UDP" },
	{ 41, "IPPROTO_IPV6" }, { 47, "IPPROTO_GRE" }, { 50, "IPPROTO_ESP" },
	{ 58, "IPPROTO_ICMPV6" }, { 132, "IPPROTO_SCTP" },
	{ 136, "IPPROTO_UDPLITE" }, { 255, "IPPROTO_RAW" },
	{ 262, "IPPROTO_MPTCP" },
	KT_XEND
};

/* strace's netlink_protocols. */
static const struct kt_xlat netlink_protos[] = {
	{ 0, "NETLINK_ROUTE" }, { 1, "NETLINK_UNUSED" },
	{ 2, "NETLINK_USERSOCK" }, { 3, "NETLINK_FIREWALL" },
	{ 4, "NETLINK_SOCK_DIAG" }, { 5, "NETLINK_NFLOG" },
	{ 6, "NETLINK_XFRM" }, { 7, "NETLINK_SELINUX" },
	{ 8, "NETLINK_ISCSI" }, { 9, "NETLINK_AUDIT" },
	{ 10, "NETLINK_FIB_LOOKUP" }, { 11, "NETLINK_CONNECTOR" },
	{ 12, "NETLINK_NETFILTER" }, { 13, "NETLINK_IP6_FW" },
	{ 14, "NETLINK_DNRTMSG" }, { 15, "NETLINK_KOBJECT_UEVENT" },
	{ 16, "NETLINK_GENERIC" }, { 18, "NETLINK_SCSITRANSPORT" },
	{ 19, "NETLINK_ECRYPTFS" }, { 20, "NETLINK_RDMA" },
	{ 21, "NETLINK_CRYPTO" }, { 22, "NETLINK_SMC" }, KT_XEND
};

const char *kt_netlink_proto_name(int proto)
{
	return proto < 0 ? NULL : kt_xlat_find(netlink_protos, proto);
}

/* strace's ethernet_protocols: AF_PACKET's, in network byte order. */
static const struct kt_xlat eth_protos[] = {
	{ 0x0001, "ETH_P_802_3" }, { 0x0002, "ETH_P_AX25" },
	{ 0x0003, "ETH_P_ALL" }, { 0x0004, "ETH_P_802_2" },
	{ 0x0005, "ETH_P_SNAP" }, { 0x0006, "ETH_P_DDCMP" },
	{ 0x0007, "ETH_P_WAN_PPP" }, { 0x0008, "ETH_P_PPP_MP" },
	{ 0x0009, "ETH_P_LOCALTALK" }, { 0x000c, "ETH_P_CAN" },
	{ 0x000d, "ETH_P_CANFD" }, { 0x000e, "ETH_P_CANXL" },
	{ 0x0010, "ETH_P_PPPTALK" }, { 0x0011, "ETH_P_TR_802_2" },
	{ 0x0015, "ETH_P_MOBITEX" }, { 0x0016, "ETH_P_CONTROL" },
	{ 0x0017, "ETH_P_IRDA" }, { 0x0018, "ETH_P_ECONET" },
	{ 0x0019, "ETH_P_HDLC" }, { 0x001a, "ETH_P_ARCNET" },
	{ 0x001b, "ETH_P_DSA" }, { 0x001c, "ETH_P_TRAILER" },
	{ 0x0060, "ETH_P_LOOP" }, { 0x00f5, "ETH_P_PHONET" },
	{ 0x00f6, "ETH_P_IEEE802154" }, { 0x00f7, "ETH_P_CAIF" },
	{ 0x00f8, "ETH_P_XDSA" }, { 0x00f9, "ETH_P_MAP" },
	{ 0x00fa, "ETH_P_MCTP" }, { 0x0200, "ETH_P_PUP" },
	{ 0x0201, "ETH_P_PUPAT" }, { 0x0600, "ETH_P_802_3_MIN" },
	{ 0x0800, "ETH_P_IP" }, { 0x0805, "ETH_P_X25" },
	{ 0x0806, "ETH_P_ARP" }, { 0x08ff, "ETH_P_BPQ" },
	{ 0x0a00, "ETH_P_IEEEPUP" }, { 0x0a01, "ETH_P_IEEEPUPAT" },
	{ 0x22eb, "ETH_P_ERSPAN2" }, { 0x22f0, "ETH_P_TSN" },
	{ 0x4305, "ETH_P_BATMAN" }, { 0x6000, "ETH_P_DEC" },
	{ 0x6001, "ETH_P_DNA_DL" }, { 0x6002, "ETH_P_DNA_RC" },
	{ 0x6003, "ETH_P_DNA_RT" }, { 0x6004, "ETH_P_LAT" },
	{ 0x6005, "ETH_P_DIAG" }, { 0x6006, "ETH_P_CUST" },
	{ 0x6007, "ETH_P_SCA" }, { 0x6558, "ETH_P_TEB" },
	{ 0x8035, "ETH_P_RARP" }, { 0x809b, "ETH_P_ATALK" },
	{ 0x80f3, "ETH_P_AARP" }, { 0x8100, "ETH_P_8021Q" },
	{ 0x8137, "ETH_P_IPX" }, { 0x86dd, "ETH_P_IPV6" },
	{ 0x8808, "ETH_P_PAUSE" }, { 0x8809, "ETH_P_SLOW" },
	{ 0x883e, "ETH_P_WCCP" }, { 0x8847, "ETH_P_MPLS_UC" },
	{ 0x8848, "ETH_P_MPLS_MC" }, { 0x884c, "ETH_P_ATMMPOA" },
	{ 0x8863, "ETH_P_PPP_DISC" }, { 0x8864, "ETH_P_PPP_SES" },
	{ 0x886c, "ETH_P_LINK_CTL" }, { 0x8884, "ETH_P_ATMFATE" },
	{ 0x888e, "ETH_P_PAE" }, { 0x8899, "ETH_P_REALTEK" },
	{ 0x88a2, "ETH_P_AOE" }, { 0x88a8, "ETH_P_8021AD" },
	{ 0x88b5, "ETH_P_802_EX1" }, { 0x88be, "ETH_P_ERSPAN" },
	{ 0x88c7, "ETH_P_PREAUTH" }, { 0x88ca, "ETH_P_TIPC" },
	{ 0x88cc, "ETH_P_LLDP" }, { 0x88e3, "ETH_P_MRP" },
	{ 0x88e5, "ETH_P_MACSEC" }, { 0x88e7, "ETH_P_8021AH" },
	{ 0x88f5, "ETH_P_MVRP" }, { 0x88f7, "ETH_P_1588" },
	{ 0x88f8, "ETH_P_NCSI" }, { 0x88fb, "ETH_P_PRP" },
	{ 0x8902, "ETH_P_CFM" }, { 0x8906, "ETH_P_FCOE" },
	{ 0x890d, "ETH_P_TDLS" }, { 0x8914, "ETH_P_FIP" },
	{ 0x8915, "ETH_P_IBOE" }, { 0x8917, "ETH_P_80221" },
	{ 0x892f, "ETH_P_HSR" }, { 0x894f, "ETH_P_NSH" },
	{ 0x9000, "ETH_P_LOOPBACK" }, { 0x9100, "ETH_P_QINQ1" },
	{ 0x9200, "ETH_P_QINQ2" }, { 0x9300, "ETH_P_QINQ3" },
	{ 0xdada, "ETH_P_EDSA" }, { 0xdadb, "ETH_P_DSA_8021Q" },
	{ 0xe001, "ETH_P_DSA_A5PSW" }, { 0xed3e, "ETH_P_IFE" },
	{ 0xfbfb, "ETH_P_AF_IUCV" },
	KT_XEND
};

static void sock_type(struct kt_dec *d, int i)
{
	uint32_t t = kt_arg(d, i);

	kt_sep(d);
	kt_format_xval(d->b, sock_types, t & 0xf, "SOCK_???");
	if (t & ~0xfU) {
		kt_buf_putc(d->b, '|');
		kt_format_flags(d->b, sock_flags, t & ~0xfU, NULL);
	}
}

static void protocol(struct kt_dec *d, int family, int i)
{
	if (family == 17) {	/* AF_PACKET: htons(ETH_P_ALL) */
		kt_sep(d);
		kt_buf_puts(d->b, "htons(");
		kt_format_xval(d->b, eth_protos, ntohs((uint16_t)kt_arg(d, i)),
			       "ETH_P_???");
		kt_buf_putc(d->b, ')');
		return;
	}
	if (family == 2 || family == 10)
		kt_a_xval(d, i, ip_protos, "IPPROTO_???");
	else if (family == 16)
		kt_a_xval(d, i, netlink_protos, "NETLINK_???");
	else
		kt_a_uint(d, i);
}

static void dec_socket(struct kt_dec *d)
{
	kt_a_xval(d, 0, kt_families, "AF_???");
	sock_type(d, 1);
	protocol(d, (int)kt_arg(d, 0), 2);
}

static void dec_socketpair(struct kt_dec *d)
{
	int32_t fds[2];

	dec_socket(d);
	if (kt_entry_only(d, true))
		return;
	kt_sep(d);
	if (kt_exiting_ok(d) && kt_blob_read(d, 3, 0, fds, sizeof(fds))) {
		kt_buf_putc(d->b, '[');
		kt_fd(d, fds[0]);
		kt_buf_puts(d->b, ", ");
		kt_fd(d, fds[1]);
		kt_buf_putc(d->b, ']');
	} else {
		kt_format_ptr(d->b, kt_arg(d, 3));
	}
}

static void sockaddr_ll(struct kt_buf *b, const uint8_t *p, uint64_t len);

/*
 * A socket address of len bytes, from argument i's memory:
 * {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("127.0.0.1")}
 */
static void sockaddr_bytes(struct kt_buf *b, const uint8_t *p, uint64_t len)
{
	uint16_t family, port;
	char addr[INET6_ADDRSTRLEN];

	memcpy(&family, p, 2);
	kt_buf_puts(b, "{sa_family=");
	kt_format_xval(b, kt_families, family, NULL);
	switch (family) {
	case 1: {
		struct kt_blob path = {
			.data = p + 2, .len = len - 2, .flags = KT_BLOB_STRING,
		};
		bool abstract = len > 2 && !p[2];

		if (len == 2)
			break;
		if (abstract) {
			path.data++;
			path.len--;
		} else {
			path.len = strnlen((const char *)path.data, path.len);
		}
		kt_buf_printf(b, ", sun_path=%s", abstract ? "@" : "");
		kt_format_path(b, &path);
		break;
	}
	case 2:
		if (len < 16)	/* strace's least: a whole sockaddr_in */
			goto raw;
		memcpy(&port, p + 2, 2);
		inet_ntop(AF_INET, p + 4, addr, sizeof(addr));
		kt_buf_printf(b, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")",
			      ntohs(port), addr);
		break;
	case 10: {
		uint32_t flow, scope;

		if (len < 28)
			goto raw;
		memcpy(&port, p + 2, 2);
		memcpy(&flow, p + 4, 4);
		memcpy(&scope, p + 24, 4);
		inet_ntop(AF_INET6, p + 8, addr, sizeof(addr));
		kt_buf_printf(b, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u)",
			      ntohs(port), ntohl(flow));
		kt_buf_printf(b, ", inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u",
			      addr, scope);
		break;
	}
	case 16: {	/* nl_pid signed, as strace's PRINT_FIELD_TGID */
		uint16_t pad;
		int32_t pid;
		uint32_t groups;

		if (len < 12)
			goto raw;
		memcpy(&pad, p + 2, 2);
		memcpy(&pid, p + 4, 4);
		memcpy(&groups, p + 8, 4);
		if (pad)
			kt_buf_printf(b, ", nl_pad=%#x", pad);
		kt_buf_printf(b, ", nl_pid=%d, nl_groups=%08x", pid, groups);
		break;
	}
	case 17:
		if (len < 20)	/* a whole sockaddr_ll */
			goto raw;
		sockaddr_ll(b, p, len);
		break;
	default:
raw:
		kt_buf_puts(b, ", sa_data=");
		kt_format_bytes(b, p + 2, len - 2, len - 2, false);
	}
	kt_buf_putc(b, '}');
}

/*
 * The socket ioctls of an interface: struct ifreq, its name (16 bytes)
 * then a union at byte 16.  The module copies it at the enter and, when
 * the call succeeded, at the exit (capture.def).
 */
#define IFR_U	16

static const struct kt_xlat iff_flags[] = {
	{ 0x1, "IFF_UP" }, { 0x2, "IFF_BROADCAST" }, { 0x4, "IFF_DEBUG" },
	{ 0x8, "IFF_LOOPBACK" }, { 0x10, "IFF_POINTOPOINT" },
	{ 0x20, "IFF_NOTRAILERS" }, { 0x40, "IFF_RUNNING" },
	{ 0x80, "IFF_NOARP" }, { 0x100, "IFF_PROMISC" },
	{ 0x200, "IFF_ALLMULTI" }, { 0x400, "IFF_MASTER" },
	{ 0x800, "IFF_SLAVE" }, { 0x1000, "IFF_MULTICAST" },
	{ 0x2000, "IFF_PORTSEL" }, { 0x4000, "IFF_AUTOMEDIA" },
	{ 0x8000, "IFF_DYNAMIC" }, { 0x10000, "IFF_LOWER_UP" },
	{ 0x20000, "IFF_DORMANT" }, { 0x40000, "IFF_ECHO" }, KT_XEND
};

static const struct kt_xlat arphrd_types[] = {
	{ 0, "ARPHRD_NETROM" }, { 1, "ARPHRD_ETHER" }, { 2, "ARPHRD_EETHER" },
	{ 3, "ARPHRD_AX25" }, { 4, "ARPHRD_PRONET" }, { 5, "ARPHRD_CHAOS" },
	{ 6, "ARPHRD_IEEE802" }, { 7, "ARPHRD_ARCNET" },
	{ 8, "ARPHRD_APPLETLK" }, { 15, "ARPHRD_DLCI" }, { 19, "ARPHRD_ATM" },
	{ 23, "ARPHRD_METRICOM" }, { 24, "ARPHRD_IEEE1394" },
	{ 27, "ARPHRD_EUI64" }, { 32, "ARPHRD_INFINIBAND" },
	{ 256, "ARPHRD_SLIP" }, { 257, "ARPHRD_CSLIP" },
	{ 258, "ARPHRD_SLIP6" }, { 259, "ARPHRD_CSLIP6" },
	{ 260, "ARPHRD_RSRVD" }, { 264, "ARPHRD_ADAPT" },
	{ 270, "ARPHRD_ROSE" }, { 271, "ARPHRD_X25" }, { 272, "ARPHRD_HWX25" },
	{ 280, "ARPHRD_CAN" }, { 290, "ARPHRD_MCTP" }, { 512, "ARPHRD_PPP" },
	{ 513, "ARPHRD_CISCO" }, { 516, "ARPHRD_LAPB" },
	{ 517, "ARPHRD_DDCMP" }, { 518, "ARPHRD_RAWHDLC" },
	{ 519, "ARPHRD_RAWIP" }, { 768, "ARPHRD_TUNNEL" },
	{ 769, "ARPHRD_TUNNEL6" }, { 770, "ARPHRD_FRAD" },
	{ 771, "ARPHRD_SKIP" }, { 772, "ARPHRD_LOOPBACK" },
	{ 773, "ARPHRD_LOCALTLK" }, { 774, "ARPHRD_FDDI" },
	{ 775, "ARPHRD_BIF" }, { 776, "ARPHRD_SIT" }, { 777, "ARPHRD_IPDDP" },
	{ 778, "ARPHRD_IPGRE" }, { 779, "ARPHRD_PIMREG" },
	{ 780, "ARPHRD_HIPPI" }, { 781, "ARPHRD_ASH" },
	{ 782, "ARPHRD_ECONET" }, { 783, "ARPHRD_IRDA" },
	{ 784, "ARPHRD_FCPP" }, { 785, "ARPHRD_FCAL" }, { 786, "ARPHRD_FCPL" },
	{ 787, "ARPHRD_FCFABRIC" }, { 800, "ARPHRD_IEEE802_TR" },
	{ 801, "ARPHRD_IEEE80211" }, { 802, "ARPHRD_IEEE80211_PRISM" },
	{ 803, "ARPHRD_IEEE80211_RADIOTAP" }, { 804, "ARPHRD_IEEE802154" },
	{ 805, "ARPHRD_IEEE802154_MONITOR" }, { 820, "ARPHRD_PHONET" },
	{ 821, "ARPHRD_PHONET_PIPE" }, { 822, "ARPHRD_CAIF" },
	{ 823, "ARPHRD_IP6GRE" }, { 824, "ARPHRD_NETLINK" },
	{ 825, "ARPHRD_6LOWPAN" }, { 826, "ARPHRD_VSOCKMON" },
	{ 0xfffe, "ARPHRD_NONE" }, { 0xffff, "ARPHRD_VOID" },
	KT_XEND
};

static const struct kt_xlat packet_types[] = {
	{ 0, "PACKET_HOST" }, { 1, "PACKET_BROADCAST" },
	{ 2, "PACKET_MULTICAST" }, { 3, "PACKET_OTHERHOST" },
	{ 4, "PACKET_OUTGOING" }, { 5, "PACKET_LOOPBACK" },
	{ 6, "PACKET_USER" }, { 7, "PACKET_KERNEL" }, KT_XEND
};

/* An interface index as strace prints one: if_nametoindex("lo") by name. */
void kt_format_ifindex(struct kt_buf *b, uint32_t idx)
{
	char name[IF_NAMESIZE];
	bool named = idx && if_indextoname(idx, name);

	if (!named || kt_xlat_style != KT_XLAT_ABBREV)
		kt_buf_udec(b, idx);
	if (named && kt_xlat_style != KT_XLAT_RAW)
		kt_buf_printf(b, kt_xlat_style == KT_XLAT_VERBOSE ?
			      " /* if_nametoindex(\"%s\") */" :
			      "if_nametoindex(\"%s\")", name);
}

/*
 * AF_PACKET's struct sockaddr_ll after its family: ", sll_protocol=
 * htons(ETH_P_ALL), sll_ifindex=if_nametoindex("lo"), sll_hatype=
 * ARPHRD_LOOPBACK, sll_pkttype=PACKET_HOST, sll_halen=6, sll_addr=[0, 0,
 * 0, 0, 0, 0]", the address's bytes past len as "...".
 */
static void sockaddr_ll(struct kt_buf *b, const uint8_t *p, uint64_t len)
{
	uint16_t proto, hatype;
	uint32_t ifindex;
	unsigned int i;

	memcpy(&proto, p + 2, 2);
	memcpy(&ifindex, p + 4, 4);
	memcpy(&hatype, p + 8, 2);
	kt_buf_puts(b, ", sll_protocol=");
	if (kt_xlat_style != KT_XLAT_ABBREV)
		kt_format_hex_bytes(b, p + 2, 2, 2, false);
	if (kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_puts(b, " /* ");
	if (kt_xlat_style != KT_XLAT_RAW) {
		unsigned int style = kt_xlat_style;

		kt_xlat_style = KT_XLAT_ABBREV;
		kt_buf_puts(b, "htons(");
		kt_format_xval(b, eth_protos, ntohs(proto), "ETH_P_???");
		kt_buf_putc(b, ')');
		kt_xlat_style = style;
	}
	if (kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_puts(b, " */");
	kt_buf_puts(b, ", sll_ifindex=");
	kt_format_ifindex(b, ifindex);
	kt_buf_puts(b, ", sll_hatype=");
	kt_format_xval(b, arphrd_types, hatype, "ARPHRD_???");
	kt_buf_puts(b, ", sll_pkttype=");
	kt_format_xval(b, packet_types, p[10], "PACKET_???");
	kt_buf_printf(b, ", sll_halen=%u", p[11]);
	if (!p[11])
		return;
	kt_buf_puts(b, ", sll_addr=[");
	for (i = 0; i < p[11]; i++) {
		if (i)
			kt_buf_puts(b, ", ");
		if (12 + i >= len) {
			kt_buf_puts(b, "...");
			break;
		}
		kt_buf_printf(b, "%#x", p[12 + i]);
	}
	kt_buf_putc(b, ']');
}

/* The length of a hardware address by its type; the whole sa_data else. */
static const struct { uint16_t type, len; } hwaddr_lens[] = {
	{ 0, 7 }, { 1, 6 }, { 3, 7 }, { 6, 6 }, { 7, 1 }, { 15, 2 },
	{ 24, 16 }, { 27, 8 }, { 32, 20 }, { 256, 0 }, { 270, 5 }, { 271, 0 },
	{ 280, 0 }, { 290, 1 }, { 512, 0 }, { 518, 0 }, { 519, 0 }, { 768, 4 },
	{ 769, 16 }, { 772, 6 }, { 773, 1 }, { 774, 6 }, { 776, 4 },
	{ 777, 0 }, { 778, 4 }, { 779, 0 }, { 780, 6 }, { 783, 4 }, { 801, 6 },
	{ 802, 6 }, { 803, 6 }, { 804, 8 }, { 805, 8 }, { 820, 1 }, { 821, 1 },
	{ 822, 0 }, { 823, 16 }, { 824, 0 }, { 825, 8 }, { 826, 0 },
};

/* "00:00:00:00:00:00"; with -X raw the bytes, with -X verbose both. */
static void hwaddr(struct kt_buf *b, const uint8_t *p, unsigned int type)
{
	unsigned int i, n = 14;

	for (i = 0; i < ARRAY_SIZE(hwaddr_lens); i++)
		if (hwaddr_lens[i].type == type)
			n = hwaddr_lens[i].len;
	if (kt_xlat_style != KT_XLAT_ABBREV)
		kt_format_hex_bytes(b, p, 14, 14, false);
	if (kt_xlat_style == KT_XLAT_RAW)
		return;
	if (kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_puts(b, " /* ");
	for (i = 0; i < n; i++)
		kt_buf_printf(b, "%s%02x", i ? ":" : "", p[i]);
	if (kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_puts(b, " */");
}

/* A char array that need not hold a NUL: "lo", or "..." after 16. */
static void ifr_string(struct kt_buf *b, const char *field, const uint8_t *p)
{
	size_t n = strnlen((const char *)p, 16);

	kt_buf_puts(b, field);
	kt_format_bytes(b, p, n, n, n == 16);
}

/* The union's member that command @cmd reads or writes. */
static void ifreq_field(struct kt_dec *d, uint32_t cmd, const uint8_t *p)
{
	struct kt_buf *b = d->b;
	bool x64 = d->sc->abi == KTRACE_CLI_ABI_X86_64;
	const uint8_t *u = p + IFR_U;
	uint64_t start, end;
	uint16_t family;
	int32_t v;

	memcpy(&v, u, 4);
	switch (cmd) {
	case 0x8915: case 0x8916:	/* SIOC[GS]IFADDR */
		kt_buf_puts(b, "ifr_addr=");
		sockaddr_bytes(b, u, 16);
		break;
	case 0x8917: case 0x8918:	/* SIOC[GS]IFDSTADDR */
		kt_buf_puts(b, "ifr_dstaddr=");
		sockaddr_bytes(b, u, 16);
		break;
	case 0x8919: case 0x891a:	/* SIOC[GS]IFBRDADDR */
		kt_buf_puts(b, "ifr_broadaddr=");
		sockaddr_bytes(b, u, 16);
		break;
	case 0x891b: case 0x891c:	/* SIOC[GS]IFNETMASK */
		kt_buf_puts(b, "ifr_netmask=");
		sockaddr_bytes(b, u, 16);
		break;
	case 0x8927: case 0x8924: case 0x8937: case 0x8931: case 0x8932:
		/* SIOC[GS]IFHWADDR, SIOCSIFHWBROADCAST, SIOC{ADD,DEL}MULTI */
		memcpy(&family, u, 2);
		kt_buf_puts(b, "ifr_hwaddr={sa_family=");
		kt_format_xval(b, arphrd_types, family, "ARPHRD_???");
		kt_buf_puts(b, ", sa_data=");
		hwaddr(b, u + 2, family);
		kt_buf_putc(b, '}');
		break;
	case 0x8913: case 0x8914:	/* SIOC[GS]IFFLAGS: a short */
		kt_buf_puts(b, "ifr_flags=");
		kt_format_flags(b, iff_flags, (uint16_t)v, "IFF_???");
		break;
	case 0x8933:
		kt_buf_printf(b, "ifr_ifindex=%d", v);
		break;
	case 0x891d: case 0x891e:
		kt_buf_printf(b, "ifr_metric=%d", v);
		break;
	case 0x8921: case 0x8922:
		kt_buf_printf(b, "ifr_mtu=%d", v);
		break;
	case 0x8942: case 0x8943:
		kt_buf_printf(b, "ifr_qlen=%d", v);
		break;
	case 0x8929: case 0x8930:
		ifr_string(b, "ifr_slave=", u);
		break;
	case 0x8923:
		ifr_string(b, "ifr_newname=", u);
		break;
	case 0x8910:
		ifr_string(b, "ifr_name=", p);
		break;
	case 0x8970: case 0x8971:	/* SIOC[GS]IFMAP: struct ifmap */
		start = 0;
		end = 0;
		memcpy(&start, u, x64 ? 8 : 4);
		memcpy(&end, u + (x64 ? 8 : 4), x64 ? 8 : 4);
		u += x64 ? 16 : 8;
		kt_buf_puts(b, "ifr_map={mem_start=");
		kt_buf_hex(b, start);
		kt_buf_puts(b, ", mem_end=");
		kt_buf_hex(b, end);
		kt_buf_puts(b, ", base_addr=");
		kt_buf_hex(b, u[0] | u[1] << 8);
		kt_buf_puts(b, ", irq=");
		kt_buf_hex(b, u[2]);
		kt_buf_puts(b, ", dma=");
		kt_buf_hex(b, u[3]);
		kt_buf_puts(b, ", port=");
		kt_buf_hex(b, u[4]);
		kt_buf_putc(b, '}');
		break;
	}
}

/*
 * ioctl()'s struct ifreq, as strace prints it: a command that sets shows
 * the name and the member it sets; one that gets, the name (the index
 * for SIOCGIFNAME) at the enter and, when it succeeded, the member at the
 * exit.  The other commands of 0x89XX print their argument's address, as
 * strace prints those it does not decode.
 */
void kt_sock_ioctl(struct kt_dec *d, uint32_t cmd)
{
	const struct kt_blob *in = &d->sc->enter_blob[2];
	size_t size = d->sc->abi == KTRACE_CLI_ABI_X86_64 ? 40 : 32;
	bool get;
	int32_t index;

	switch (cmd) {
	case 0x8910: case 0x8913: case 0x8915: case 0x8917: case 0x8919:
	case 0x891b: case 0x891d: case 0x8921: case 0x8927: case 0x8929:
	case 0x8933: case 0x8942: case 0x8970:
		get = true;
		break;
	case 0x8914: case 0x8916: case 0x8918: case 0x891a: case 0x891c:
	case 0x891e: case 0x8922: case 0x8923: case 0x8924: case 0x8930:
	case 0x8931: case 0x8932: case 0x8937: case 0x8943: case 0x8971:
		get = false;
		break;
	default:
		kt_a_ptr(d, 2);
		return;
	}
	kt_sep(d);
	if (!kt_arg(d, 2) || !in->data || (in->flags & KT_BLOB_FAULT) ||
	    in->len < size) {
		kt_format_ptr(d->b, kt_arg(d, 2));
		return;
	}
	kt_buf_putc(d->b, '{');
	if (cmd == 0x8910) {
		memcpy(&index, in->data + IFR_U, 4);
		kt_buf_printf(d->b, "ifr_ifindex=%d", index);
	} else {
		ifr_string(d->b, "ifr_name=", in->data);
	}
	if (!get) {
		kt_buf_puts(d->b, ", ");
		ifreq_field(d, cmd, in->data);
	} else {
		if (kt_entry_only(d, false))
			return;
		if (kt_exiting_ok(d) && kt_blob_usable(d, 2, size) &&
		    d->sc->blob[2].data != in->data) {
			kt_buf_puts(d->b, ", ");
			ifreq_field(d, cmd, d->sc->blob[2].data);
		}
	}
	kt_buf_putc(d->b, '}');
}

static void sockaddr(struct kt_dec *d, int i, uint64_t len)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	kt_sep(d);
	if (len > 128 && len <= 0x7fffffff)	/* strace reads 128 at most */
		len = 128;
	if (!kt_arg(d, i) || len < 2 || len > 128 || !kt_blob_usable(d, i, len))
		kt_format_ptr(d->b, kt_arg(d, i));
	else
		sockaddr_bytes(d->b, blob->data, len);
}

/* connect(fd, addr, addrlen), bind */
static void dec_connect(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	sockaddr(d, 1, kt_arg(d, 2));
	kt_a_uint(d, 2);
}

/*
 * The address the kernel wrote and its length: [16], or [128 => 16] when
 * the call changed the length it was given, the address cut at the
 * shorter of the two; after an error, the address's pointer and the
 * length given.  The length's int is copied at the enter (the length
 * given, in enter_blob) and at the exit of a success (the length written).
 */
static void addr_out(struct kt_dec *d, int i, int lenp)
{
	const struct kt_blob *in = &d->sc->enter_blob[lenp];
	bool given = in->data && in->len >= 4 && !(in->flags & KT_BLOB_FAULT);
	int32_t ulen = 0, rlen;

	if (given)
		memcpy(&ulen, in->data, 4);
	if (kt_arg(d, i) && kt_arg(d, lenp) && kt_exiting_ok(d) &&
	    kt_blob_read(d, lenp, 0, &rlen, 4)) {
		if (!given)
			ulen = rlen;
		sockaddr(d, i, (uint32_t)(ulen < rlen ? ulen : rlen));
		kt_sep(d);
		if (ulen != rlen)
			kt_buf_printf(d->b, "[%d => %d]", ulen, rlen);
		else
			kt_buf_printf(d->b, "[%d]", rlen);
	} else if (kt_arg(d, i) && given && kt_failed(d)) {
		kt_a_ptr(d, i);
		kt_sep(d);
		kt_buf_printf(d->b, "[%d]", ulen);
	} else {
		kt_a_ptr(d, i);
		kt_a_ptr(d, lenp);
	}
}

static void dec_accept(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	addr_out(d, 1, 2);
	if (!strcmp(d->name, "accept4"))
		kt_a_flags(d, 3, sock_flags, "SOCK_???");
}

static void dec_getsockname(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	addr_out(d, 1, 2);
}

static void dec_listen(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_int(d, 1);
}

static const struct kt_xlat msg_flags[] = {
	{ 0x1, "MSG_OOB" }, { 0x2, "MSG_PEEK" }, { 0x4, "MSG_DONTROUTE" },
	{ 0x8, "MSG_CTRUNC" }, { 0x10, "MSG_PROXY" }, { 0x20, "MSG_TRUNC" },
	{ 0x40, "MSG_DONTWAIT" }, { 0x80, "MSG_EOR" },
	{ 0x100, "MSG_WAITALL" }, { 0x200, "MSG_FIN" }, { 0x400, "MSG_SYN" },
	{ 0x800, "MSG_CONFIRM" }, { 0x1000, "MSG_RST" },
	{ 0x2000, "MSG_ERRQUEUE" }, { 0x4000, "MSG_NOSIGNAL" },
	{ 0x8000, "MSG_MORE" }, { 0x10000, "MSG_WAITFORONE" },
	{ 0x20000, "MSG_SENDPAGE_NOPOLICY" }, { 0x4000000, "MSG_ZEROCOPY" },
	{ 0x20000000, "MSG_FASTOPEN" }, { 0x40000000, "MSG_CMSG_CLOEXEC" },
	KT_XEND
};

/*
 * The netlink protocol of the call's socket (argument 0) where strace
 * would know it (netlink_diag answers), or -1: kt_netlink_msgs().
 */
static int nl_proto(const struct kt_dec *d)
{
	return d->o->fd_nlproto ?
	       d->o->fd_nlproto(d->o->ctx, (int)kt_arg(d, 0)) : -1;
}

/*
 * The buffer (argument 1) of sendto, recvfrom, send or recv as netlink
 * messages: it was captured, and the socket is a netlink one, as strace
 * decides; in a recording that did not see the socket made, when the
 * call's address (argument 4, @addrlen bytes, @addr: the call has one)
 * is netlink's.
 */
static bool netlink_buf(const struct kt_dec *d, bool addr, uint64_t addrlen)
{
	const struct kt_blob *blob = kt_blob_at(d, 1);
	uint16_t family;
	int fd_family;

	if (!kt_arg(d, 1) || !blob || !blob->data ||
	    (blob->flags & KT_BLOB_FAULT) || !kt_verbose(d->sc))
		return false;
	fd_family = d->o->fd_family ?
		    d->o->fd_family(d->o->ctx, (int)kt_arg(d, 0)) : 0;
	if (fd_family)
		return fd_family == AF_NETLINK;
	return addr && addrlen >= 2 && kt_blob_read(d, 4, 0, &family, 2) &&
	       family == AF_NETLINK;
}

/* sendto(fd, buf, len, flags, addr, addrlen); send on i386 stops at flags */
static void dec_sendto(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 1);

	kt_a_fd(d, 0);
	kt_sep(d);
	if (netlink_buf(d, !strcmp(d->name, "sendto"), kt_arg(d, 5)))
		kt_netlink_msgs(d, blob->data, kt_arg(d, 2), blob->len,
				nl_proto(d));
	else if (kt_arg(d, 1) && blob && blob->data)
		kt_format_bytes(d->b, blob->data, blob->len, d->o->strsize,
				(blob->flags & KT_BLOB_TRUNCATED) ||
				blob->len < kt_arg(d, 2));
	else
		kt_format_ptr(d->b, kt_arg(d, 1));
	kt_a_ulong(d, 2);
	kt_a_flags(d, 3, msg_flags, "MSG_???");
	if (strcmp(d->name, "sendto"))
		return;
	sockaddr(d, 4, kt_arg(d, 5));
	kt_a_uint(d, 5);
}

static void dec_recvfrom(struct kt_dec *d)
{
	const struct kt_blob *blob = kt_blob_at(d, 1);
	uint64_t len = kt_arg(d, 2);
	int32_t alen = 0;
	bool addr;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	/* MSG_TRUNC returns the datagram's length, past the buffer's. */
	if ((uint64_t)d->sc->ret < len)
		len = d->sc->ret;
	addr = !strcmp(d->name, "recvfrom") && kt_blob_read(d, 5, 0, &alen, 4);
	if (kt_exiting_ok(d) && netlink_buf(d, addr, (uint32_t)alen)) {
		kt_sep(d);
		kt_netlink_msgs(d, blob->data, len, blob->len, nl_proto(d));
	} else {
		kt_a_buf(d, 1, len);
	}
	kt_a_ulong(d, 2);
	kt_a_flags(d, 3, msg_flags, "MSG_???");
	if (strcmp(d->name, "recvfrom"))
		return;
	addr_out(d, 4, 5);
}

/* Socket levels as strace names them in a control message. */
static const struct kt_xlat cmsg_levels[] = {
	{ 0, "SOL_IP" }, { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" },
	{ 17, "SOL_UDP" }, { 40, "AF_VSOCK" }, { 41, "SOL_IPV6" },
	{ 58, "SOL_ICMPV6" }, { 100, "SOL_CAN_BASE" }, { 101, "SOL_CAN_RAW" },
	{ 132, "SOL_SCTP" }, { 136, "SOL_UDPLITE" }, { 255, "SOL_RAW" },
	{ 256, "SOL_IPX" }, { 257, "SOL_AX25" }, { 258, "SOL_ATALK" },
	{ 259, "SOL_NETROM" }, { 260, "SOL_ROSE" }, { 261, "SOL_DECNET" },
	{ 262, "SOL_X25" }, { 263, "SOL_PACKET" }, { 264, "SOL_ATM" },
	{ 265, "SOL_AAL" }, { 266, "SOL_IRDA" }, { 267, "SOL_NETBEUI" },
	{ 268, "SOL_LLC" }, { 269, "SOL_DCCP" }, { 270, "SOL_NETLINK" },
	{ 271, "SOL_TIPC" }, { 272, "SOL_RXRPC" }, { 273, "SOL_PPPOL2TP" },
	{ 274, "SOL_BLUETOOTH" }, { 275, "SOL_PNPIPE" }, { 276, "SOL_RDS" },
	{ 277, "SOL_IUCV" }, { 278, "SOL_CAIF" }, { 279, "SOL_ALG" },
	{ 280, "SOL_NFC" }, { 281, "SOL_KCM" }, { 282, "SOL_TLS" },
	{ 283, "SOL_XDP" },
	KT_XEND
};

/* How a control message's data prints. */
enum cmsg_data_kind {
	CD_NONE,		/* not at all */
	CD_FDS,			/* [3, 4] */
	CD_CREDS,		/* {pid=1, uid=0, gid=0} */
	CD_STR,			/* "..." */
	CD_TV,			/* struct timeval (long fields) */
	CD_TS,			/* struct timespec (long fields) */
	CD_TS3,			/* three of them */
	CD_TV64,		/* struct __kernel_sock_timeval */
	CD_TS64,		/* struct __kernel_timespec */
	CD_TS3_64,		/* three of them */
	CD_BYTES,		/* [0x1, 0x2] */
	CD_INTS,		/* [64] */
	CD_PKTINFO,		/* struct in_pktinfo */
	CD_SOCKADDR,		/* a struct sockaddr_in */
};

struct cmsg_type {
	uint32_t type;
	const char *name;
	enum cmsg_data_kind data;
	uint32_t min_len;	/* data shorter than this does not print */
};

static const struct cmsg_type scm_types[] = {
	{ 1, "SCM_RIGHTS", CD_FDS, 4 },
	{ 2, "SCM_CREDENTIALS", CD_CREDS, 12 },
	{ 3, "SCM_SECURITY", CD_STR, 1 },
	{ 29, "SO_TIMESTAMP_OLD", CD_TV, 1 },
	{ 35, "SO_TIMESTAMPNS_OLD", CD_TS, 1 },
	{ 37, "SO_TIMESTAMPING_OLD", CD_TS3, 1 },
	{ 41, "SO_WIFI_STATUS", CD_NONE, 0 },
	{ 54, "SCM_TIMESTAMPING_OPT_STATS", CD_NONE, 0 },
	{ 58, "SCM_TIMESTAMPING_PKTINFO", CD_NONE, 0 },
	{ 61, "SO_TXTIME", CD_NONE, 0 },
	{ 63, "SO_TIMESTAMP_NEW", CD_TV64, 1 },
	{ 64, "SO_TIMESTAMPNS_NEW", CD_TS64, 1 },
	{ 65, "SO_TIMESTAMPING_NEW", CD_TS3_64, 1 },
	{ 0, NULL, CD_NONE, 0 }
};

/* IP_RECVERR (11) prints by name only: its data is not decoded yet. */
static const struct cmsg_type ip_cmsg_types[] = {
	{ 1, "IP_TOS", CD_BYTES, 1 },
	{ 2, "IP_TTL", CD_INTS, 4 },
	{ 3, "SCM_SECURITY", CD_STR, 1 },
	{ 6, "IP_RECVOPTS", CD_BYTES, 1 },
	{ 7, "IP_RETOPTS", CD_BYTES, 1 },
	{ 8, "IP_PKTINFO", CD_PKTINFO, 12 },
	{ 11, "IP_RECVERR", CD_NONE, 0 },
	{ 20, "IP_ORIGDSTADDR", CD_SOCKADDR, 16 },
	{ 23, "IP_CHECKSUM", CD_INTS, 4 },
	{ 0, NULL, CD_NONE, 0 }
};

static const struct cmsg_type *cmsg_type_find(const struct cmsg_type *t,
					      uint32_t type)
{
	for (; t->name; t++)
		if (t->type == type)
			return t;
	return NULL;
}

/* A signed integer of size bytes (4 or 8) at p. */
static int64_t cmsg_long(const uint8_t *p, unsigned int size)
{
	int64_t v64;
	int32_t v32;

	if (size == 8) {
		memcpy(&v64, p, 8);
		return v64;
	}
	memcpy(&v32, p, 4);
	return v32;
}

/* {tv_sec=1, tv_usec=2} or tv_nsec, from two fields of size bytes. */
static void cmsg_time(struct kt_buf *b, const uint8_t *p, unsigned int size,
		      const char *sub)
{
	kt_buf_printf(b, "{tv_sec=%lld, %s=%lld}",
		      (long long)cmsg_long(p, size), sub,
		      (long long)cmsg_long(p + size, size));
}

/* [elem, ...] of n elements of size bytes, at most -s of them. */
static void cmsg_array(struct kt_dec *d, const uint8_t *p, size_t n,
		       unsigned int size, bool fds)
{
	size_t k;

	kt_buf_putc(d->b, '[');
	for (k = 0; k < n; k++) {
		if (k)
			kt_buf_puts(d->b, ", ");
		if (k >= d->o->strsize) {
			kt_buf_puts(d->b, "...");
			break;
		}
		if (fds)
			kt_fd(d, (int)cmsg_long(p + k * size, size));
		else if (size == 1)
			kt_buf_printf(d->b, "%#x", p[k]);
		else
			kt_buf_printf(d->b, "%d", (int)cmsg_long(p + k * size, 4));
	}
	kt_buf_putc(d->b, ']');
}

static void cmsg_print_data(struct kt_dec *d, const struct cmsg_type *t,
			    const uint8_t *p, size_t len)
{
	static const char *const subs[] = { "tv_usec", "tv_nsec" };
	unsigned int lsz = kt_long_size(d), size = 0, n = 1, k;
	struct kt_buf *b = d->b;
	uint32_t u[3];
	char a[2][INET_ADDRSTRLEN];
	const char *sub = subs[1];

	if (t->data == CD_NONE || len < t->min_len)
		return;
	kt_buf_puts(b, ", cmsg_data=");
	switch (t->data) {
	case CD_FDS:
		cmsg_array(d, p, len / 4, 4, true);
		return;
	case CD_INTS:
		cmsg_array(d, p, len / 4, 4, false);
		return;
	case CD_BYTES:
		cmsg_array(d, p, len, 1, false);
		return;
	case CD_CREDS:
		memcpy(u, p, sizeof(u));
		kt_buf_printf(b, "{pid=%u, uid=%u, gid=%u}", u[0], u[1], u[2]);
		return;
	case CD_STR:
		kt_format_bytes(b, p, len, len, false);
		return;
	case CD_PKTINFO:
		memcpy(u, p, sizeof(u));
		inet_ntop(AF_INET, p + 4, a[0], sizeof(a[0]));
		inet_ntop(AF_INET, p + 8, a[1], sizeof(a[1]));
		kt_buf_printf(b, "{ipi_ifindex=%d, ", (int)u[0]);
		kt_buf_printf(b, "ipi_spec_dst=inet_addr(\"%s\"), ", a[0]);
		kt_buf_printf(b, "ipi_addr=inet_addr(\"%s\")}", a[1]);
		return;
	case CD_SOCKADDR:
		sockaddr_bytes(b, p, len);
		return;
	case CD_TV:
		sub = subs[0];
		size = lsz;
		break;
	case CD_TS:
		size = lsz;
		break;
	case CD_TS3:
		size = lsz;
		n = 3;
		break;
	case CD_TV64:
		sub = subs[0];
		size = 8;
		break;
	case CD_TS64:
		size = 8;
		break;
	default:	/* CD_TS3_64 */
		size = 8;
		n = 3;
		break;
	}
	if (len < 2 * size * n) {
		kt_buf_puts(b, "???");
		return;
	}
	if (n > 1)
		kt_buf_putc(b, '[');
	for (k = 0; k < n; k++) {
		if (k)
			kt_buf_puts(b, ", ");
		cmsg_time(b, p + 2 * size * k, size, sub);
	}
	if (n > 1)
		kt_buf_putc(b, ']');
}

/* One control message's level, type and data. */
static void cmsg_body(struct kt_dec *d, int level, uint32_t type,
		      const uint8_t *p, size_t len)
{
	const struct cmsg_type *t = NULL;
	struct kt_buf *b = d->b;

	kt_buf_puts(b, ", cmsg_level=");
	kt_format_xval(b, cmsg_levels, (uint32_t)level, "SOL_???");
	kt_buf_puts(b, ", cmsg_type=");
	if (level == 1)
		t = cmsg_type_find(scm_types, type);
	else if (level == 0)
		t = cmsg_type_find(ip_cmsg_types, type);
	if (t) {
		kt_buf_puts(b, t->name);
		cmsg_print_data(d, t, p, len);
	} else if (level == 1 || level == 0) {
		kt_buf_printf(b, "%#x /* %s */", type,
			      level ? "SCM_???" : "IP_???");
	} else {
		kt_buf_printf(b, "%#x", type);
	}
}

/*
 * msg_control=[{cmsg_len=20, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS,
 * cmsg_data=[3]}]: the stored bytes of the control buffer (struct cmsghdr,
 * or for ia32 struct compat_cmsghdr), walked as the kernel's CMSG_NXTHDR
 * walks them.  Bytes too few for another header end the list with "...",
 * and their address; a buffer cut at the snap length ends with "...".
 * Without stored bytes (a fault) or room for one header, the pointer.
 */
static void msg_control(struct kt_dec *d, const struct ktrace_msghdr *m,
			const uint8_t *p)
{
	unsigned int hdr = kt_long_size(d) == 8 ? 16 : 12;
	unsigned int align = kt_long_size(d);
	size_t total = m->control_stored, left = total, len;
	uint64_t clen;
	int32_t lt[2];
	struct kt_buf *b = d->b;

	if (m->controllen < hdr || total < hdr) {
		kt_format_ptr(b, m->control);
		return;
	}
	kt_buf_putc(b, '[');
	while (left >= hdr) {
		if (left != total)
			kt_buf_puts(b, ", ");
		clen = (uint64_t)cmsg_long(p, align);
		if (align == 4)
			clen = (uint32_t)clen;
		memcpy(lt, p + align, sizeof(lt));
		kt_buf_printf(b, "{cmsg_len=%llu", (unsigned long long)clen);
		len = clen < left ? clen : left;
		cmsg_body(d, lt[0], (uint32_t)lt[1], p + hdr,
			  len > hdr ? len - hdr : 0);
		kt_buf_putc(b, '}');
		if (len < hdr) {
			left -= hdr;
			break;
		}
		clen = (clen + align - 1) & ~(uint64_t)(align - 1);
		if (clen >= left || clen < len) {
			left = 0;
			break;
		}
		p += clen;
		left -= clen;
	}
	if (left) {
		kt_buf_puts(b, ", ... /* ");
		kt_format_ptr(b, m->control + total - left);
		kt_buf_puts(b, " */");
	} else if (total < m->controllen) {
		kt_buf_puts(b, ", ...");
	}
	kt_buf_putc(b, ']');
}

/* A segment of a netlink message's vector: kt_format_iov_with(). */
static void iov_netlink(struct kt_dec *d, const uint8_t *p, size_t stored,
			uint64_t size, bool trunc)
{
	kt_netlink_msgs(d, p, size, stored, nl_proto(d));
}

/*
 * struct msghdr as a KTRACE_BLOB_MSGHDR blob holds it, @len bytes at @p:
 * {msg_name=NULL, msg_namelen=0, msg_iov=[...], msg_iovlen=1,
 * msg_control=[...], msg_controllen=24, msg_flags=0}.  False, printing
 * nothing, when the bytes do not hold one.  @data_size: the bytes the
 * call moved (UINT64_MAX: every segment's), which a netlink address's
 * messages are cut at.
 */
static bool msghdr_at(struct kt_dec *d, const uint8_t *p, size_t n,
		      int namelen_in, uint64_t data_size)
{
	struct ktrace_msghdr m;
	struct kt_buf *b = d->b;
	uint16_t family = 0;

	if (n < sizeof(m))
		return false;
	memcpy(&m, p, sizeof(m));
	p += sizeof(m);
	n -= sizeof(m);
	if (m.name_stored > n || m.control_stored > n - m.name_stored ||
	    m.iovlen > 1024)
		return false;
	n -= m.control_stored;
	kt_buf_puts(b, "{msg_name=");
	if (!m.name) {
		kt_buf_puts(b, "NULL");
	} else if (m.name_stored >= 2) {
		sockaddr_bytes(b, p, m.name_stored);
		memcpy(&family, p, 2);
	} else {
		kt_format_ptr(b, m.name);
	}
	/* recvmsg: the length given, and the one written when it differs. */
	if (namelen_in >= 0 && namelen_in != m.namelen)
		kt_buf_printf(b, ", msg_namelen=%d => %d", namelen_in,
			      m.namelen);
	else
		kt_buf_printf(b, ", msg_namelen=%d", m.namelen);
	kt_buf_puts(b, ", msg_iov=");
	if (family == AF_NETLINK)
		kt_format_iov_with(d, p + m.name_stored, n - m.name_stored,
				   m.iovlen, data_size, iov_netlink);
	else
		kt_format_iov(d, p + m.name_stored, n - m.name_stored,
			      m.iovlen);
	kt_buf_printf(b, ", msg_iovlen=%llu", (unsigned long long)m.iovlen);
	if (m.controllen) {
		kt_buf_puts(b, ", msg_control=");
		msg_control(d, &m, p + n);
	}
	kt_buf_printf(b, ", msg_controllen=%llu, msg_flags=",
		      (unsigned long long)m.controllen);
	kt_format_flags(b, msg_flags, m.flags, NULL);
	kt_buf_putc(b, '}');
	return true;
}

static void msghdr(struct kt_dec *d, int i, int namelen_in,
		   uint64_t data_size)
{
	const struct kt_blob *blob = kt_blob_at(d, i);

	kt_sep(d);
	if (!kt_blob_usable(d, i, sizeof(struct ktrace_msghdr)) ||
	    !msghdr_at(d, blob->data, blob->len, namelen_in, data_size))
		kt_format_ptr(d->b, kt_arg(d, i));
}

/*
 * A struct mmsghdr vector from a KTRACE_BLOB_MMSGHDR blob: [{msg_hdr={...},
 * msg_len=3}, ...], @cnt entries, the first @nlen with their msg_len, at
 * most -s of them; "..." for entries the record has no room for.
 */
static void mmsghdrs(struct kt_dec *d, int i, uint64_t cnt, uint64_t nlen)
{
	const struct kt_blob *blob = kt_blob_at(d, i);
	struct ktrace_mmsghdr e;
	struct kt_buf *b = d->b;
	size_t off = 0, mark;
	uint64_t k;

	kt_sep(d);
	if (!kt_blob_usable(d, i, 0)) {
		kt_format_ptr(b, kt_arg(d, i));
		return;
	}
	kt_buf_putc(b, '[');
	for (k = 0; k < cnt; k++) {
		if (k)
			kt_buf_puts(b, ", ");
		if (k >= d->o->strsize || blob->len - off < sizeof(e)) {
			kt_buf_puts(b, "...");
			break;
		}
		memcpy(&e, blob->data + off, sizeof(e));
		off += sizeof(e);
		mark = b->len;
		kt_buf_puts(b, "{msg_hdr=");
		if (e.size > blob->len - off ||
		    !msghdr_at(d, blob->data + off, e.size, -1,
			       UINT64_MAX)) {
			b->len = mark;
			b->s[mark] = '\0';
			kt_buf_puts(b, "...");
			break;
		}
		off += e.size;
		if (k < nlen)
			kt_buf_printf(b, ", msg_len=%u", e.msg_len);
		kt_buf_putc(b, '}');
	}
	kt_buf_putc(b, ']');
}

static void dec_sendmsg(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	msghdr(d, 1, -1, UINT64_MAX);
	kt_a_flags(d, 2, msg_flags, "MSG_???");
}

/*
 * recvmsg's struct msghdr is copied at the exit of a success, as
 * KTRACE_BLOB_MSGHDR, and raw at the enter (enter_blob), for the
 * msg_namelen given: after a failure only the raw one is there, and
 * prints as strace prints it then, {msg_namelen=128}.
 */
static void dec_recvmsg(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[1];
	size_t off = kt_long_size(d) == 8 ? 8 : 4;
	int32_t given = -1;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (in->data && !(in->flags & KT_BLOB_FAULT) && in->len >= off + 4)
		memcpy(&given, in->data + off, 4);
	if (in->data && d->sc->blob[1].data == in->data) {
		kt_sep(d);
		if (given >= 0 && kt_failed(d))
			kt_buf_printf(d->b, "{msg_namelen=%d}", given);
		else
			kt_format_ptr(d->b, kt_arg(d, 1));
	} else {
		msghdr(d, 1, given, (uint64_t)d->sc->ret);
	}
	kt_a_flags(d, 2, msg_flags, "MSG_???");
}

/*
 * sendmmsg and recvmmsg print their vector at the exit, as strace does:
 * sendmmsg's vlen entries (msg_len for those sent), recvmmsg's received
 * ones; a failed recvmmsg, the pointer.
 */
static void dec_sendmmsg(struct kt_dec *d)
{
	int64_t ret = (int64_t)d->sc->ret;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	mmsghdrs(d, 1, (uint32_t)kt_arg(d, 2), kt_failed(d) ? 0 : ret);
	kt_a_uint(d, 2);
	kt_a_flags(d, 3, msg_flags, "MSG_???");
}

/*
 * recvmmsg's timeout is copied at the enter (the time given) and at the
 * exit of a success (the time left, which the call wrote back): printed
 * with the one or the other as argument 4.
 */
static void timeout_at(struct kt_dec *d, bool enter)
{
	const struct kt_syscall *was = d->sc;
	struct kt_syscall sc = *was;

	sc.blob[4] = enter ? was->enter_blob[4] : was->blob[4];
	d->sc = &sc;
	kt_format_timespec_at(d, 4, 0);
	d->sc = was;
}

static void dec_recvmmsg(struct kt_dec *d)
{
	int64_t ret = (int64_t)d->sc->ret;

	kt_a_fd(d, 0);
	if (kt_entry_only(d, true))
		return;
	if (kt_failed(d))
		kt_a_ptr(d, 1);
	else
		mmsghdrs(d, 1, ret, ret);
	kt_a_uint(d, 2);
	kt_a_flags(d, 3, msg_flags, "MSG_???");
	kt_sep(d);
	timeout_at(d, true);
}

/*
 * strace's "0 (Timeout)": recvmmsg returned before any message came; and
 * after messages, the time left: "1 (left {tv_sec=0, tv_nsec=999000})".
 */
static void ret_recvmmsg(struct kt_dec *d)
{
	const struct kt_syscall *sc = d->sc;

	kt_format_retval(d, KT_RV_DEC);
	if (!sc->ret) {
		kt_buf_puts(d->b, " (Timeout)");
	} else if (sc->ret > 0 && kt_arg(d, 4) && sc->blob[4].data &&
		   sc->blob[4].data != sc->enter_blob[4].data &&
		   !(sc->blob[4].flags & KT_BLOB_FAULT)) {
		kt_buf_puts(d->b, " (left ");
		timeout_at(d, false);
		kt_buf_puts(d->b, ")");
	}
}

static const struct kt_xlat shut_how[] = {
	{ 0, "SHUT_RD" }, { 1, "SHUT_WR" }, { 2, "SHUT_RDWR" }, KT_XEND
};

static void dec_shutdown(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_xval(d, 1, shut_how, "SHUT_???");
}

/* strace's socketlayers, x86's values (SOL_SOCKET is 0xffff elsewhere). */
static const struct kt_xlat sol_levels[] = {
	{ 0, "SOL_IP" }, { 1, "SOL_SOCKET" }, { 6, "SOL_TCP" },
	{ 17, "SOL_UDP" }, { 40, "AF_VSOCK" }, { 41, "SOL_IPV6" },
	{ 58, "SOL_ICMPV6" }, { 100, "SOL_CAN_BASE" }, { 101, "SOL_CAN_RAW" },
	{ 132, "SOL_SCTP" }, { 136, "SOL_UDPLITE" }, { 255, "SOL_RAW" },
	{ 256, "SOL_IPX" }, { 257, "SOL_AX25" }, { 258, "SOL_ATALK" },
	{ 259, "SOL_NETROM" }, { 260, "SOL_ROSE" }, { 261, "SOL_DECNET" },
	{ 262, "SOL_X25" }, { 263, "SOL_PACKET" }, { 264, "SOL_ATM" },
	{ 265, "SOL_AAL" }, { 266, "SOL_IRDA" }, { 267, "SOL_NETBEUI" },
	{ 268, "SOL_LLC" }, { 269, "SOL_DCCP" }, { 270, "SOL_NETLINK" },
	{ 271, "SOL_TIPC" }, { 272, "SOL_RXRPC" }, { 273, "SOL_PPPOL2TP" },
	{ 274, "SOL_BLUETOOTH" }, { 275, "SOL_PNPIPE" }, { 276, "SOL_RDS" },
	{ 277, "SOL_IUCV" }, { 278, "SOL_CAIF" }, { 279, "SOL_ALG" },
	{ 280, "SOL_NFC" }, { 281, "SOL_KCM" }, { 282, "SOL_TLS" },
	{ 283, "SOL_XDP" },
	KT_XEND
};

#define SOL_IP_		0
#define SOL_SOCKET_	1
#define SOL_TCP_	6
#define SOL_UDP_	17
#define SOL_IPV6_	41
#define SOL_PACKET_	263
#define SOL_NETLINK_	270

/* strace's sock_options, x86's values; 26 is SO_ATTACH_FILTER's alone. */
static const struct kt_xlat so_options[] = {
	{ 1, "SO_DEBUG" }, { 2, "SO_REUSEADDR" }, { 3, "SO_TYPE" },
	{ 4, "SO_ERROR" }, { 5, "SO_DONTROUTE" }, { 6, "SO_BROADCAST" },
	{ 7, "SO_SNDBUF" }, { 8, "SO_RCVBUF" }, { 9, "SO_KEEPALIVE" },
	{ 10, "SO_OOBINLINE" }, { 11, "SO_NO_CHECK" }, { 12, "SO_PRIORITY" },
	{ 13, "SO_LINGER" }, { 14, "SO_BSDCOMPAT" }, { 15, "SO_REUSEPORT" },
	{ 16, "SO_PASSCRED" }, { 17, "SO_PEERCRED" }, { 18, "SO_RCVLOWAT" },
	{ 19, "SO_SNDLOWAT" }, { 20, "SO_RCVTIMEO_OLD" },
	{ 21, "SO_SNDTIMEO_OLD" }, { 22, "SO_SECURITY_AUTHENTICATION" },
	{ 23, "SO_SECURITY_ENCRYPTION_TRANSPORT" },
	{ 24, "SO_SECURITY_ENCRYPTION_NETWORK" }, { 25, "SO_BINDTODEVICE" },
	{ 27, "SO_DETACH_FILTER" }, { 28, "SO_PEERNAME" },
	{ 29, "SO_TIMESTAMP_OLD" }, { 30, "SO_ACCEPTCONN" },
	{ 31, "SO_PEERSEC" }, { 32, "SO_SNDBUFFORCE" },
	{ 33, "SO_RCVBUFFORCE" }, { 34, "SO_PASSSEC" },
	{ 35, "SO_TIMESTAMPNS_OLD" }, { 36, "SO_MARK" },
	{ 37, "SO_TIMESTAMPING_OLD" }, { 38, "SO_PROTOCOL" },
	{ 39, "SO_DOMAIN" }, { 40, "SO_RXQ_OVFL" }, { 41, "SO_WIFI_STATUS" },
	{ 42, "SO_PEEK_OFF" }, { 43, "SO_NOFCS" }, { 44, "SO_LOCK_FILTER" },
	{ 45, "SO_SELECT_ERR_QUEUE" }, { 46, "SO_BUSY_POLL" },
	{ 47, "SO_MAX_PACING_RATE" }, { 48, "SO_BPF_EXTENSIONS" },
	{ 49, "SO_INCOMING_CPU" }, { 50, "SO_ATTACH_BPF" },
	{ 51, "SO_ATTACH_REUSEPORT_CBPF" }, { 52, "SO_ATTACH_REUSEPORT_EBPF" },
	{ 53, "SO_CNX_ADVICE" }, { 55, "SO_MEMINFO" },
	{ 56, "SO_INCOMING_NAPI_ID" }, { 57, "SO_COOKIE" },
	{ 59, "SO_PEERGROUPS" }, { 60, "SO_ZEROCOPY" }, { 61, "SO_TXTIME" },
	{ 62, "SO_BINDTOIFINDEX" }, { 63, "SO_TIMESTAMP_NEW" },
	{ 64, "SO_TIMESTAMPNS_NEW" }, { 65, "SO_TIMESTAMPING_NEW" },
	{ 66, "SO_RCVTIMEO_NEW" }, { 67, "SO_SNDTIMEO_NEW" },
	{ 68, "SO_DETACH_REUSEPORT_BPF" }, { 69, "SO_PREFER_BUSY_POLL" },
	{ 70, "SO_BUSY_POLL_BUDGET" }, { 71, "SO_NETNS_COOKIE" },
	{ 72, "SO_BUF_LOCK" }, { 73, "SO_RESERVE_MEM" }, { 74, "SO_TXREHASH" },
	{ 75, "SO_RCVMARK" },
	KT_XEND
};

static const struct kt_xlat so_get_options[] = {
	{ 26, "SO_GET_FILTER" }, KT_XEND
};

static const struct kt_xlat so_set_options[] = {
	{ 26, "SO_ATTACH_FILTER" }, KT_XEND
};

static const struct kt_xlat tcp_options[] = {
	{ 1, "TCP_NODELAY" }, { 2, "TCP_MAXSEG" }, { 3, "TCP_CORK" },
	{ 4, "TCP_KEEPIDLE" }, { 5, "TCP_KEEPINTVL" }, { 6, "TCP_KEEPCNT" },
	{ 9, "TCP_DEFER_ACCEPT" }, { 11, "TCP_INFO" },
	{ 13, "TCP_CONGESTION" }, { 23, "TCP_FASTOPEN" },
	KT_XEND
};

/* strace's sock_ip_options. */
static const struct kt_xlat ip_options[] = {
	{ 1, "IP_TOS" }, { 2, "IP_TTL" }, { 3, "IP_HDRINCL" },
	{ 4, "IP_OPTIONS" }, { 5, "IP_ROUTER_ALERT" }, { 6, "IP_RECVOPTS" },
	{ 7, "IP_RETOPTS" }, { 8, "IP_PKTINFO" }, { 9, "IP_PKTOPTIONS" },
	{ 10, "IP_MTU_DISCOVER" }, { 11, "IP_RECVERR" }, { 12, "IP_RECVTTL" },
	{ 13, "IP_RECVTOS" }, { 14, "IP_MTU" }, { 15, "IP_FREEBIND" },
	{ 16, "IP_IPSEC_POLICY" }, { 17, "IP_XFRM_POLICY" },
	{ 18, "IP_PASSSEC" }, { 19, "IP_TRANSPARENT" },
	{ 20, "IP_ORIGDSTADDR" }, { 21, "IP_MINTTL" }, { 22, "IP_NODEFRAG" },
	{ 23, "IP_CHECKSUM" }, { 24, "IP_BIND_ADDRESS_NO_PORT" },
	{ 25, "IP_RECVFRAGSIZE" }, { 26, "IP_RECVERR_RFC4884" },
	{ 32, "IP_MULTICAST_IF" }, { 33, "IP_MULTICAST_TTL" },
	{ 34, "IP_MULTICAST_LOOP" }, { 35, "IP_ADD_MEMBERSHIP" },
	{ 36, "IP_DROP_MEMBERSHIP" }, { 37, "IP_UNBLOCK_SOURCE" },
	{ 38, "IP_BLOCK_SOURCE" }, { 39, "IP_ADD_SOURCE_MEMBERSHIP" },
	{ 40, "IP_DROP_SOURCE_MEMBERSHIP" }, { 41, "IP_MSFILTER" },
	{ 42, "MCAST_JOIN_GROUP" }, { 43, "MCAST_BLOCK_SOURCE" },
	{ 44, "MCAST_UNBLOCK_SOURCE" }, { 45, "MCAST_LEAVE_GROUP" },
	{ 46, "MCAST_JOIN_SOURCE_GROUP" }, { 47, "MCAST_LEAVE_SOURCE_GROUP" },
	{ 48, "MCAST_MSFILTER" }, { 49, "IP_MULTICAST_ALL" },
	{ 50, "IP_UNICAST_IF" },
	KT_XEND
};

/* strace's getsock_ip_options and setsock_ip_options: iptables'. */
static const struct kt_xlat ip_get_options[] = {
	{ 64, "IPT_SO_GET_INFO" }, { 65, "IPT_SO_GET_ENTRIES" },
	{ 66, "IPT_SO_GET_REVISION_MATCH" },
	{ 67, "IPT_SO_GET_REVISION_TARGET" }, KT_XEND
};

static const struct kt_xlat ip_set_options[] = {
	{ 64, "IPT_SO_SET_REPLACE" }, { 65, "IPT_SO_SET_ADD_COUNTERS" },
	KT_XEND
};

/* strace's sock_ipv6_options. */
static const struct kt_xlat ipv6_options[] = {
	{ 1, "IPV6_ADDRFORM" }, { 2, "IPV6_2292PKTINFO" },
	{ 3, "IPV6_2292HOPOPTS" }, { 4, "IPV6_2292DSTOPTS" },
	{ 5, "IPV6_2292RTHDR" }, { 6, "IPV6_2292PKTOPTIONS" },
	{ 7, "IPV6_CHECKSUM" }, { 8, "IPV6_2292HOPLIMIT" },
	{ 9, "IPV6_NEXTHOP" }, { 10, "IPV6_AUTHHDR" }, { 11, "IPV6_FLOWINFO" },
	{ 16, "IPV6_UNICAST_HOPS" }, { 17, "IPV6_MULTICAST_IF" },
	{ 18, "IPV6_MULTICAST_HOPS" }, { 19, "IPV6_MULTICAST_LOOP" },
	{ 20, "IPV6_ADD_MEMBERSHIP" }, { 21, "IPV6_DROP_MEMBERSHIP" },
	{ 22, "IPV6_ROUTER_ALERT" }, { 23, "IPV6_MTU_DISCOVER" },
	{ 24, "IPV6_MTU" }, { 25, "IPV6_RECVERR" }, { 26, "IPV6_V6ONLY" },
	{ 27, "IPV6_JOIN_ANYCAST" }, { 28, "IPV6_LEAVE_ANYCAST" },
	{ 29, "IPV6_MULTICAST_ALL" }, { 30, "IPV6_ROUTER_ALERT_ISOLATE" },
	{ 31, "IPV6_RECVERR_RFC4884" }, { 32, "IPV6_FLOWLABEL_MGR" },
	{ 33, "IPV6_FLOWINFO_SEND" }, { 34, "IPV6_IPSEC_POLICY" },
	{ 35, "IPV6_XFRM_POLICY" }, { 36, "IPV6_HDRINCL" },
	{ 42, "MCAST_JOIN_GROUP" }, { 43, "MCAST_BLOCK_SOURCE" },
	{ 44, "MCAST_UNBLOCK_SOURCE" }, { 45, "MCAST_LEAVE_GROUP" },
	{ 46, "MCAST_JOIN_SOURCE_GROUP" }, { 47, "MCAST_LEAVE_SOURCE_GROUP" },
	{ 48, "MCAST_MSFILTER" }, { 49, "IPV6_RECVPKTINFO" },
	{ 50, "IPV6_PKTINFO" }, { 51, "IPV6_RECVHOPLIMIT" },
	{ 52, "IPV6_HOPLIMIT" }, { 53, "IPV6_RECVHOPOPTS" },
	{ 54, "IPV6_HOPOPTS" }, { 55, "IPV6_RTHDRDSTOPTS" },
	{ 56, "IPV6_RECVRTHDR" }, { 57, "IPV6_RTHDR" },
	{ 58, "IPV6_RECVDSTOPTS" }, { 59, "IPV6_DSTOPTS" },
	{ 60, "IPV6_RECVPATHMTU" }, { 61, "IPV6_PATHMTU" },
	{ 62, "IPV6_DONTFRAG" }, { 63, "IPV6_USE_MIN_MTU" },
	{ 66, "IPV6_RECVTCLASS" }, { 67, "IPV6_TCLASS" },
	{ 70, "IPV6_AUTOFLOWLABEL" }, { 72, "IPV6_ADDR_PREFERENCES" },
	{ 73, "IPV6_MINHOPCOUNT" }, { 74, "IPV6_ORIGDSTADDR" },
	{ 75, "IPV6_TRANSPARENT" }, { 76, "IPV6_UNICAST_IF" },
	{ 77, "IPV6_RECVFRAGSIZE" }, { 78, "IPV6_FREEBIND" },
	KT_XEND
};

static const struct kt_xlat ipv6_get_options[] = {
	{ 64, "IP6T_SO_GET_INFO" }, { 65, "IP6T_SO_GET_ENTRIES" },
	{ 66, "IP6T_SO_GET_REVISION_MATCH" },
	{ 67, "IP6T_SO_GET_REVISION_TARGET" }, KT_XEND
};

static const struct kt_xlat ipv6_set_options[] = {
	{ 64, "IP6T_SO_SET_REPLACE" }, { 65, "IP6T_SO_SET_ADD_COUNTERS" },
	KT_XEND
};

static const struct kt_xlat udp_options[] = {
	{ 1, "UDP_CORK" }, { 100, "UDP_ENCAP" }, { 101, "UDP_NO_CHECK6_TX" },
	{ 102, "UDP_NO_CHECK6_RX" }, { 103, "UDP_SEGMENT" }, { 104, "UDP_GRO" },
	KT_XEND
};

static const struct kt_xlat packet_options[] = {
	{ 1, "PACKET_ADD_MEMBERSHIP" }, { 2, "PACKET_DROP_MEMBERSHIP" },
	{ 3, "PACKET_RECV_OUTPUT" }, { 5, "PACKET_RX_RING" },
	{ 6, "PACKET_STATISTICS" }, { 7, "PACKET_COPY_THRESH" },
	{ 8, "PACKET_AUXDATA" }, { 9, "PACKET_ORIGDEV" },
	{ 10, "PACKET_VERSION" }, { 11, "PACKET_HDRLEN" },
	{ 12, "PACKET_RESERVE" }, { 13, "PACKET_TX_RING" },
	{ 14, "PACKET_LOSS" }, { 15, "PACKET_VNET_HDR" },
	{ 16, "PACKET_TX_TIMESTAMP" }, { 17, "PACKET_TIMESTAMP" },
	{ 18, "PACKET_FANOUT" }, { 19, "PACKET_TX_HAS_OFF" },
	{ 20, "PACKET_QDISC_BYPASS" }, { 21, "PACKET_ROLLOVER_STATS" },
	{ 22, "PACKET_FANOUT_DATA" }, { 23, "PACKET_IGNORE_OUTGOING" },
	KT_XEND
};

/* strace's sock_netlink_options. */
static const struct kt_xlat netlink_options[] = {
	{ 1, "NETLINK_ADD_MEMBERSHIP" }, { 2, "NETLINK_DROP_MEMBERSHIP" },
	{ 3, "NETLINK_PKTINFO" }, { 4, "NETLINK_BROADCAST_ERROR" },
	{ 5, "NETLINK_NO_ENOBUFS" }, { 6, "NETLINK_RX_RING" },
	{ 7, "NETLINK_TX_RING" }, { 8, "NETLINK_LISTEN_ALL_NSID" },
	{ 9, "NETLINK_LIST_MEMBERSHIPS" }, { 10, "NETLINK_CAP_ACK" },
	{ 11, "NETLINK_EXT_ACK" }, { 12, "NETLINK_GET_STRICT_CHK" },
	KT_XEND
};

/*
 * The option's name by its level; a name a level's common table lacks
 * is looked up in the table of getsockopt's or setsockopt's own, as
 * strace's printxvals() does.
 */
static void sockopt_name(struct kt_dec *d, bool get)
{
	const struct kt_xlat *x = NULL, *own = NULL;
	uint32_t name = (uint32_t)kt_arg(d, 2);
	const char *unknown = NULL;

	switch (kt_arg(d, 1)) {
	case SOL_SOCKET_:
		x = so_options;
		own = get ? so_get_options : so_set_options;
		unknown = "SO_???";
		break;
	case SOL_IP_:
		x = ip_options;
		own = get ? ip_get_options : ip_set_options;
		unknown = "IP_???";
		break;
	case SOL_IPV6_:
		x = ipv6_options;
		own = get ? ipv6_get_options : ipv6_set_options;
		unknown = "IPV6_???";
		break;
	case SOL_TCP_:
		x = tcp_options;
		unknown = "TCP_???";
		break;
	case SOL_UDP_:
		x = udp_options;
		unknown = "UDP_???";
		break;
	case SOL_PACKET_:
		x = packet_options;
		unknown = "PACKET_???";
		break;
	case SOL_NETLINK_:
		x = netlink_options;
		unknown = "NETLINK_???";
		break;
	default:
		kt_a_uint(d, 2);
		return;
	}
	kt_sep(d);
	if (own && !kt_xlat_find(x, name) && kt_xlat_find(own, name))
		x = own;
	kt_format_xval(d->b, x, name, unknown);
}

/* The SOL_SOCKET options strace prints as an int ("All known int-like"). */
static bool so_int_like(uint32_t name)
{
	static const uint8_t ints[] = {
		1, 2, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19, 27, 29,
		30, 32, 33, 34, 35, 36, 37, 40, 41, 42, 43, 44, 45, 46, 49,
		53, 56, 60, 63, 64, 65, 68, 69, 70, 73, 75,
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ints); i++)
		if (ints[i] == name)
			return true;
	return false;
}

/*
 * The options whose structure strace prints and ktrace does not decode
 * yet: their pointer (SO_GET_FILTER's program, which strace prints so
 * only with -v; SO_TXREHASH, multicast requests, packet rings and
 * memberships, ICMP_FILTER).
 */
static bool sockopt_undecoded(uint32_t level, uint32_t name, bool get)
{
	switch (level) {
	case SOL_SOCKET_:
		return (get && name == 26) || name == 74;
	case 255:	/* SOL_RAW: ICMP_FILTER */
		return name == 1;
	}
	if (get)
		return false;
	switch (level) {
	case SOL_IP_:
		return name == 35 || name == 36 || name == 42 || name == 45;
	case SOL_IPV6_:
		return name == 20 || name == 21 || name == 27 || name == 28 ||
		       name == 42 || name == 45;
	case SOL_PACKET_:
		return name == 1 || name == 2 || name == 5 || name == 13;
	}
	return false;
}

/* SO_ERROR's error: [ECONNREFUSED], [0]; -X raw and verbose as strace. */
static void so_error(struct kt_dec *d, uint32_t err)
{
	const char *s = kt_errno_name((int)err);

	kt_buf_putc(d->b, '[');
	if (!s || kt_xlat_style != KT_XLAT_ABBREV)
		kt_buf_printf(d->b, "%u", err);
	if (s && kt_xlat_style == KT_XLAT_VERBOSE)
		kt_buf_printf(d->b, " /* %s */", s);
	else if (s && kt_xlat_style == KT_XLAT_ABBREV)
		kt_buf_puts(d->b, s);
	kt_buf_putc(d->b, ']');
}

/* The option's bytes, n of them, as strace's printstrn(): "\1\0...". */
static void sockopt_bytes(struct kt_dec *d, const struct kt_blob *blob,
			  uint32_t n, bool hex)
{
	bool more = blob->flags & KT_BLOB_TRUNCATED;
	size_t have = blob->len < n ? blob->len : n;

	more = more || have < n;
	if (hex)
		kt_format_hex_bytes(d->b, blob->data, have, d->o->strsize, more);
	else
		kt_format_bytes(d->b, blob->data, have, d->o->strsize, more);
}

/* strace's MAYBE_PRINT_FIELD_LEN: a field whole, its bytes cut, none. */
static void field_len(struct kt_dec *d, const char *name, const uint8_t *p,
		      uint32_t len, uint32_t off, bool is_signed, bool id)
{
	int32_t v;

	if (len <= off)
		return;
	kt_buf_printf(d->b, "%s%s=", off ? ", " : "{", name);
	if (len < off + 4) {
		kt_format_hex_bytes(d->b, p + off, len - off, len - off, false);
		return;
	}
	memcpy(&v, p + off, 4);
	if (id)
		kt_format_id(d->b, (uint32_t)v);
	else
		kt_buf_printf(d->b, is_signed ? "%d" : "%u", v);
}

/*
 * getsockopt's value, rlen bytes the kernel wrote into a buffer of ulen:
 * SO_LINGER's {l_onoff=1, l_linger=0}, SO_PEERCRED's {pid=42, uid=0,
 * gid=0}, SO_ERROR's [ECONNREFUSED], PACKET_STATISTICS' struct, an int
 * [1], or the bytes as a string; the fields that fit when rlen is short.
 */
static void getsockopt_value(struct kt_dec *d, int32_t ulen, int32_t rlen)
{
	static const char *const linger[] = { "l_onoff", "l_linger" };
	static const char *const ucred[] = { "pid", "uid", "gid" };
	static const char *const stats[] = {
		"tp_packets", "tp_drops", "tp_freeze_q_cnt"
	};
	uint32_t level = (uint32_t)kt_arg(d, 1), name = (uint32_t)kt_arg(d, 2);
	const struct kt_blob *blob = kt_blob_at(d, 3);
	const char *const *fields = NULL;
	unsigned int i, n = 0;
	bool so_int;
	int32_t v;

	kt_sep(d);
	if (ulen <= 0 || rlen <= 0 || !kt_arg(d, 3) ||
	    sockopt_undecoded(level, name, true) || !blob || !blob->data ||
	    (blob->flags & KT_BLOB_FAULT)) {
		kt_format_ptr(d->b, kt_arg(d, 3));
		return;
	}
	if (level == SOL_SOCKET_ && name == 13) {
		fields = linger;
		n = 2;
	} else if (level == SOL_SOCKET_ && name == 17) {
		fields = ucred;
		n = 3;
	} else if (level == SOL_PACKET_ && name == 6) {
		fields = stats;
		n = 3;
	}
	if (fields) {
		uint32_t len = (uint32_t)rlen > n * 4 ? n * 4 : (uint32_t)rlen;

		if (blob->len < len) {
			kt_format_ptr(d->b, kt_arg(d, 3));
			return;
		}
		for (i = 0; i < n; i++)
			field_len(d, fields[i], blob->data, len, i * 4,
				  fields != stats, fields == ucred && i);
		kt_buf_putc(d->b, '}');
		return;
	}
	if (level == SOL_NETLINK_ && name == 9) {	/* LIST_MEMBERSHIPS */
		uint32_t cnt = (uint32_t)(ulen < rlen ? ulen : rlen) / 4;

		kt_buf_putc(d->b, '[');
		for (i = 0; i < cnt && (i + 1) * 4 <= blob->len; i++) {
			if (i == d->o->strsize) {
				kt_buf_puts(d->b, ", ...");
				break;
			}
			memcpy(&v, blob->data + i * 4, 4);
			kt_buf_printf(d->b, "%s%u", i ? ", " : "", v);
		}
		kt_buf_putc(d->b, ']');
		return;
	}
	so_int = level == SOL_SOCKET_ && (name == 4 || so_int_like(name));
	if (so_int && rlen < 4) {
		sockopt_bytes(d, blob, rlen, true);
		return;
	}
	if (blob->len >= 4 && (rlen == 4 || level == SOL_NETLINK_ || so_int)) {
		memcpy(&v, blob->data, 4);
		if (level == SOL_SOCKET_ && name == 4)
			so_error(d, (uint32_t)v);
		else
			kt_buf_printf(d->b, "[%d]", v);
		return;
	}
	sockopt_bytes(d, blob, rlen, false);
}

/*
 * setsockopt's value, len bytes: SO_LINGER's struct, an int [1] (an
 * int-like SOL_SOCKET option or any SOL_NETLINK one: the pointer when
 * shorter), else the bytes as a string (SO_RCVTIMEO_OLD's timeval).
 */
static void setsockopt_value(struct kt_dec *d, int32_t len)
{
	uint32_t level = (uint32_t)kt_arg(d, 1), name = (uint32_t)kt_arg(d, 2);
	const struct kt_blob *blob = kt_blob_at(d, 3);
	int32_t v[2];

	kt_sep(d);
	if (!kt_arg(d, 3) || sockopt_undecoded(level, name, false) || !blob ||
	    !blob->data || (blob->flags & KT_BLOB_FAULT)) {
		kt_format_ptr(d->b, kt_arg(d, 3));
		return;
	}
	/* SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF: a struct sock_fprog */
	if (level == SOL_SOCKET_ && (name == 26 || name == 51)) {
		if (len != 2 * (int32_t)kt_long_size(d)) {
			kt_format_ptr(d->b, kt_arg(d, 3));
			return;
		}
		kt_format_fprog(d, 3);
		return;
	}
	if (level == SOL_SOCKET_ && name == 13) {
		if (len < 8 || blob->len < 8) {
			kt_format_ptr(d->b, kt_arg(d, 3));
			return;
		}
		memcpy(v, blob->data, 8);
		kt_buf_printf(d->b, "{l_onoff=%d, l_linger=%d}", v[0], v[1]);
		return;
	}
	if (len == 4 || level == SOL_NETLINK_ ||
	    (level == SOL_SOCKET_ && so_int_like(name))) {
		if (len < 4 || blob->len < 4) {
			kt_format_ptr(d->b, kt_arg(d, 3));
			return;
		}
		memcpy(v, blob->data, 4);
		kt_buf_printf(d->b, "[%d]", v[0]);
		return;
	}
	sockopt_bytes(d, blob, len, false);
}

static void dec_setsockopt(struct kt_dec *d)
{
	kt_a_fd(d, 0);
	kt_a_xval(d, 1, sol_levels, "SOL_??");
	sockopt_name(d, false);
	setsockopt_value(d, (int32_t)kt_arg(d, 4));
	kt_a_int(d, 4);
}

/*
 * The length given (copied at the enter) and the length written (at the
 * exit of a success): [12], or [16 => 12]; after an error, the value's
 * pointer and the length given.
 */
static void dec_getsockopt(struct kt_dec *d)
{
	const struct kt_blob *in = &d->sc->enter_blob[4];
	bool given = in->data && in->len >= 4 && !(in->flags & KT_BLOB_FAULT);
	int32_t ulen = 0, rlen;

	kt_a_fd(d, 0);
	kt_a_xval(d, 1, sol_levels, "SOL_??");
	sockopt_name(d, true);
	if (kt_entry_only(d, true))
		return;
	if (given)
		memcpy(&ulen, in->data, 4);
	if (kt_exiting_ok(d) && kt_blob_read(d, 4, 0, &rlen, 4)) {
		if (!given)
			ulen = rlen;
		getsockopt_value(d, ulen, rlen);
		kt_sep(d);
		if (ulen != rlen)
			kt_buf_printf(d->b, "[%d => %d]", ulen, rlen);
		else
			kt_buf_printf(d->b, "[%d]", rlen);
	} else if (given && kt_failed(d)) {
		kt_a_ptr(d, 3);
		kt_sep(d);
		kt_buf_printf(d->b, "[%d]", ulen);
	} else {
		kt_a_ptr(d, 3);
		kt_a_ptr(d, 4);
	}
}

static const struct kt_xlat socketcalls[] = {
	{ 1, "SYS_SOCKET" }, { 2, "SYS_BIND" }, { 3, "SYS_CONNECT" },
	{ 4, "SYS_LISTEN" }, { 5, "SYS_ACCEPT" }, { 6, "SYS_GETSOCKNAME" },
	{ 7, "SYS_GETPEERNAME" }, { 8, "SYS_SOCKETPAIR" }, { 9, "SYS_SEND" },
	{ 10, "SYS_RECV" }, { 11, "SYS_SENDTO" }, { 12, "SYS_RECVFROM" },
	{ 13, "SYS_SHUTDOWN" }, { 14, "SYS_SETSOCKOPT" },
	{ 15, "SYS_GETSOCKOPT" }, { 16, "SYS_SENDMSG" }, { 17, "SYS_RECVMSG" },
	{ 18, "SYS_ACCEPT4" }, { 20, "SYS_SENDMMSG" },
	KT_XEND
};

/*
 * i386's socketcall(call, args): the call's name and the pointer to its
 * arguments, which live in user memory the capture does not follow.
 */
static void dec_socketcall(struct kt_dec *d)
{
	kt_a_xval(d, 0, socketcalls, "SYS_???");
	kt_a_ptr(d, 1);
}

static const struct kt_decoder decoders[] = {
	{ "socket", dec_socket, KT_RV_FD, NULL },
	{ "socketpair", dec_socketpair, KT_RV_DEC, NULL },
	{ "connect", dec_connect, KT_RV_DEC, NULL },
	{ "bind", dec_connect, KT_RV_DEC, NULL },
	{ "accept", dec_accept, KT_RV_FD, NULL },
	{ "accept4", dec_accept, KT_RV_FD, NULL },
	{ "getsockname", dec_getsockname, KT_RV_DEC, NULL },
	{ "getpeername", dec_getsockname, KT_RV_DEC, NULL },
	{ "listen", dec_listen, KT_RV_DEC, NULL },
	{ "sendto", dec_sendto, KT_RV_DEC, NULL },
	{ "send", dec_sendto, KT_RV_DEC, NULL },
	{ "recvfrom", dec_recvfrom, KT_RV_DEC, NULL },
	{ "recv", dec_recvfrom, KT_RV_DEC, NULL },
	{ "sendmsg", dec_sendmsg, KT_RV_DEC, NULL },
	{ "recvmsg", dec_recvmsg, KT_RV_DEC, NULL },
	{ "sendmmsg", dec_sendmmsg, KT_RV_DEC, NULL },
	{ "recvmmsg", dec_recvmmsg, KT_RV_DEC, ret_recvmmsg },
	{ "recvmmsg_time64", dec_recvmmsg, KT_RV_DEC, ret_recvmmsg },
	{ "shutdown", dec_shutdown, KT_RV_DEC, NULL },
	{ "setsockopt", dec_setsockopt, KT_RV_DEC, NULL },
	{ "getsockopt", dec_getsockopt, KT_RV_DEC, NULL },
	{ "socketcall", dec_socketcall, KT_RV_DEC, NULL },
};

const struct kt_decoder_table kt_net_decoders = {
	decoders, ARRAY_SIZE(decoders)
};
