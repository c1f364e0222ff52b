/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * WCCP, the Web Cache Communication Protocol (version 2:
 * draft-wilson-wrec-wccp-v2), UDP 2048: routers and web caches agree
 * which traffic the routers redirect to which cache.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Message Type                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Version (0x0200)       |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then components: type(16), length(16), value.
 *
 * Shown here: version 2's header, every component's type and length, the
 * Security Info (option, MD5 checksum), Service Info (service, its
 * priority, protocol, hash flags and ports) and Router Identity Info
 * components, and the bytes of a component type Wireshark does not know;
 * the other components (cache identities, views, assignments) are left at
 * their type and length.  Version 1's messages (types 7 to 9) at their
 * type and version.
 */
#include "strata/out.h"
#include "fields.h"

#define WCCP_MAXCOMP	64	/* components shown */
#define WCCP_KNOWN	17	/* the highest component type Wireshark reads */

enum { F_MSG, F_V1VER, F_VER, F_LEN,
	F_ITYPE, F_ILEN, F_IDATA, F_SECOPT, F_MD5,
	F_STYPE, F_STDID, F_DYNID, F_SPRIO, F_SPROTO, F_SFLAGS,
	F_SRCIP, F_DSTIP, F_SRCPORT_H, F_DSTPORT_H, F_PORTS, F_PSRC, F_PROTO0,
	F_SRCIP2, F_DSTIP2, F_SRCPORT2, F_DSTPORT2, F_SRES,
	F_SPORT, F_DPORT,
	F_RTRIP, F_RIDIP, F_RECVID, F_SENDTO, F_NRECV, F_RECVFROM, F_NWCCP };

static const struct st_valname wccp_msgs[] = {
	{ 7, "1.0 Here I am" }, { 8, "1.0 I see you" },
	{ 9, "1.0 Assign bucket" }, { 10, "2.0 Here I am" },
	{ 11, "2.0 I see you" }, { 12, "2.0 Redirect assign" },
	{ 13, "2.0 Removal query" }, { 0, NULL }
};

static const struct st_valname wccp_comps[] = {
	{ 0, "Security Info" }, { 1, "Service Info" },
	{ 2, "Router Identity Info" }, { 3, "Web-Cache Identity Info" },
	{ 4, "Router View Info" }, { 5, "Web-Cache View Info" },
	{ 6, "Assignment Info" }, { 7, "Router Query Info" },
	{ 8, "Capabilities Info" }, { 13, "Alternate Assignment" },
	{ 14, "Assignment Map" }, { 15, "Command Extension" }, { 0, NULL }
};

#define FL(n, l, bit)	FDD(NULL, n, l, 64 + 31 - (bit), 1, ST_FMT_BOOL)

/* A component's rows count from its start (type and length first). */
static const struct st_field_desc wccp_fields[F_NWCCP] = {
	[F_MSG] = FDN("message", "wccp.message", "WCCP Message Type", 0, 32,
	    ST_FMT_DEC, wccp_msgs),
	[F_V1VER] = FD(NULL, "wccp.version", "WCCP Version", 32, 32,
	    ST_FMT_HEX),
	[F_VER] = FD("version", "wccp.message_header_version",
	    "WCCP Version (>=2)", 32, 16, ST_FMT_HEX),
	[F_LEN] = FD("length", "wccp.message_header_length", "Length", 48, 16,
	    ST_FMT_DEC),
	[F_ITYPE] = FDN(NULL, "wccp.item_type", "Type", 0, 16, ST_FMT_DEC,
	    wccp_comps),
	[F_ILEN] = FD(NULL, "wccp.item_length", "Length", 16, 16, ST_FMT_DEC),
	[F_IDATA] = FD(NULL, "wccp.item_data", "Data", 32, 0, ST_FMT_BYTES),
	[F_SECOPT] = FD(NULL, "wccp.security_info_option", "Security Option",
	    32, 32, ST_FMT_DEC),
	[F_MD5] = FD(NULL, "wccp.security_md5_checksum",
	    "MD5 checksum (not checked)", 64, 128, ST_FMT_BYTES),
	[F_STYPE] = FD(NULL, "wccp.service_info_type", "Service Type", 32, 8,
	    ST_FMT_DEC),
	[F_STDID] = FD(NULL, "wccp.service_info_std_id",
	    "WCCP Service ID (Standard)", 40, 8, ST_FMT_DEC),
	[F_DYNID] = FD(NULL, "wccp.service_info_dyn_id",
	    "WCCP Service ID ( Dynamic)", 40, 8, ST_FMT_DEC),
	[F_SPRIO] = FD(NULL, "wccp.service_info_priority",
	    "Priority (highest is 255)", 48, 8, ST_FMT_DEC),
	[F_SPROTO] = FD(NULL, "wccp.service_info_protocol", "Protocol", 56, 8,
	    ST_FMT_DEC),
	[F_SFLAGS] = FD(NULL, "wccp.service_info_flags", "Flags", 64, 32,
	    ST_FMT_HEX),
	/* the flags, by their bit from the lowest (the rows are at 64) */
	[F_SRCIP] = FL("wccp.service_info_flag.src_ip_hash",
	    "Source IP address in primary hash", 0),
	[F_DSTIP] = FL("wccp.service_info_flag.dest_ip_hash",
	    "Destination IP address in primary hash", 1),
	[F_SRCPORT_H] = FL("wccp.service_info_flag.src_port_hash",
	    "Source port in primary hash", 2),
	[F_DSTPORT_H] = FL("wccp.service_info_flag.dest_port_hash",
	    "Destination port in primary hash", 3),
	[F_PORTS] = FL("wccp.service_info_flag.ports_defined", "Ports",
	    4),
	[F_PSRC] = FL("wccp.service_info_flag.ports_source",
	    "Ports refer to source", 5),
	[F_PROTO0] = FL("wccp.service_info_flag.redirect_only_protocol_0",
	    "Redirect only protocol 0", 6),
	[F_SRCIP2] = FL("wccp.service_info_flag.src_ip_alt_hash",
	    "Source IP address in secondary hash", 8),
	[F_DSTIP2] = FL("wccp.service_info_flag.dest_ip_alt_hash",
	    "Destination IP address in secondary hash", 9),
	[F_SRCPORT2] = FL("wccp.service_info_flag.src_port_alt_hash",
	    "Source port in secondary hash", 10),
	[F_DSTPORT2] = FL("wccp.service_info_flag.dest_port_alt_hash",
	    "Destination port in secondary hash", 11),
	[F_SRES] = FDD(NULL, "wccp.service_info_flag.reserved",
	    "Reserved, should be 0", 64, 20, ST_FMT_HEX),
	[F_SPORT] = FD(NULL, "wccp.service_info_source_port", "Source Port",
	    0, 16, ST_FMT_DEC),
	[F_DPORT] = FD(NULL, "wccp.service_info_destination_port",
	    "Destination Port", 0, 16, ST_FMT_DEC),
	/* Router Identity Info, its addresses as IPv4 ones */
	[F_RTRIP] = FD(NULL, "wccp.router_identity.router_ip.ipv4",
	    "Router IP Address", 32, 32, ST_FMT_IPV4),
	[F_RIDIP] = FD(NULL, "wccp.router_identity.ip_address.ipv4",
	    "IP Address", 32, 32, ST_FMT_IPV4),
	[F_RECVID] = FD(NULL, "wccp.router_identity.receive_id",
	    "Received ID", 64, 32, ST_FMT_DEC),
	[F_SENDTO] = FD(NULL, "wccp.router_identity.send_to_ip.ipv4",
	    "Sent To IP Address", 96, 32, ST_FMT_IPV4),
	[F_NRECV] = FD(NULL, "wccp.router.num_recv_ip",
	    "Number of Received From IP addresses", 128, 32, ST_FMT_DEC),
	[F_RECVFROM] = FD(NULL, "wccp.router_identity.received_from_ip.ipv4",
	    "Received From IP Address/Target Web Cache IP", 0, 32,
	    ST_FMT_IPV4),
};

#define R(i)	(&wccp_fields[(i)])

/* A Service Info component (its 28 bytes at t): the ports only when the
 * flags define them, and only those not 0, as Wireshark lists them. */
static void
service(struct st_dctx *d, struct st_cur *t)
{
	uint32_t flags;
	struct st_cur p;
	unsigned i;

	st_dfield(d, t, R(F_STYPE));
	st_dfield(d, t, R(st_peek_bits(t, 32, 8) == 0 ? F_STDID : F_DYNID));
	st_dfields(d, t, R(F_SPRIO), F_SPORT - F_SPRIO);
	flags = (uint32_t)st_peek_bits(t, 64, 32);
	if (t->err != ST_OK || !(flags & 0x10))
		return;
	p = *t;
	p.off += 12;
	for (i = 0; i < 8; i++, st_cur_skip(&p, 2))
		if (st_peek_bits(&p, 0, 16) != 0)
			st_dfield(d, &p, R(flags & 0x20 ? F_SPORT : F_DPORT));
	t->err = p.err;
}

/*
 * A Router Identity Info component (its bytes at t): the router's ID
 * element, where it sent the message, and the caches it heard from.
 * Wireshark shows the addresses as indexes instead when the message has
 * an address table, a component type strata leaves alone (known: 0).
 */
static void
router_id(struct st_dctx *d, struct st_cur *t, int known)
{
	struct st_cur a;
	uint32_t n, i;

	if (!known)
		return;
	st_dfields(d, t, R(F_RTRIP), F_RECVFROM - F_RTRIP);
	n = (uint32_t)st_peek_bits(t, 128, 32);
	a = *t;
	if (t->err != ST_OK || !st_cur_skip(&a, 20))
		return;
	for (i = 0; i < n && i < WCCP_MAXCOMP && a.err == ST_OK; i++) {
		st_dfield(d, &a, R(F_RECVFROM));
		st_cur_skip(&a, 4);
	}
	t->err = a.err;
}

/* Whether every component of the message at c (its bytes from off on)
 * is of a type whose addresses are plain (no address table). */
static int
plain_addresses(struct st_cur c, size_t off, size_t left)
{
	unsigned type, i;
	size_t len;

	c.off += off;
	for (i = 0; off < left && i < WCCP_MAXCOMP; i++) {
		type = (unsigned)st_peek_bits(&c, 0, 16);
		len = (size_t)st_peek_bits(&c, 16, 16);
		if (c.err != ST_OK)
			return 1;
		if (type > 8 && st_valname(wccp_comps, type) == NULL)
			return 0;
		if (!st_cur_skip(&c, 4 + len))
			return 1;
		off += 4 + len;
	}
	return 1;
}

static int
wccp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 8, len;
	unsigned msg, type, i;
	struct st_cur t;
	int cut, plain;

	if (left < 4)
		return ST_ENOTME;
	msg = (unsigned)st_peek_bits(c, 0, 32);
	st_dfield(d, c, R(F_MSG));
	d->hdr = left;
	d->plen = 0;
	if (msg >= 7 && msg <= 9) {
		st_dfield(d, c, R(F_V1VER));
		return c->err != ST_OK ? (d->pkt->caplen < d->pkt->len ?
		    ST_ETRUNC : st_dmalformed(d, "a version 1 header cut "
		    "short")) : ST_OK;
	}
	if (msg < 10 || msg > 13) {
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "WCCP: unknown "
		    "message type %u", msg));
		return ST_OK;
	}
	st_dfields(d, c, R(F_VER), 2);
	plain = plain_addresses(*c, off, left);
	for (i = 0; c->err == ST_OK && off < left && i < WCCP_MAXCOMP; i++) {
		t = *c;
		t.off += off;
		st_dfields(d, &t, R(F_ITYPE), 2);
		type = (unsigned)st_peek_bits(&t, 0, 16);
		len = (size_t)st_peek_bits(&t, 16, 16);
		if (t.err != ST_OK) {
			c->err = t.err;
			break;
		}
		/* one past the bytes at hand is shown as far as it goes */
		cut = off + 4 + len > left;
		if (!cut)
			t.end = t.off + 4 + len;
		if (type == 0) {
			st_dfield(d, &t, R(F_SECOPT));
			if (len >= 20)
				st_dfield(d, &t, R(F_MD5));
		} else if (type == 1)
			service(d, &t);
		else if (type == 2)
			router_id(d, &t, plain);
		else if (type > WCCP_KNOWN && len > 0)
			st_dbytes(d, &t, R(F_IDATA), 4, len);
		if (cut) {
			c->err = ST_ETRUNC;
			break;
		}
		if (t.err != ST_OK)
			return st_dmalformed(d, "component %u of %zu bytes is "
			    "too short for its value", type, len);
		off += 4 + len;
	}
	if (c->err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "a component runs past the datagram");
	return ST_OK;
}

static const struct st_bind wccp_binds[] = {
	{ ST_KEY_UDPPORT, 2048 },
};

/* As tshark's Info: "2.0 Here I am". */
static int
wccp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = st_pkt_fd(s->pkt, ly, R(F_MSG));
	const char *name;

	if (f == NULL)
		return 0;
	name = st_valname(wccp_msgs, (uint32_t)f->val);
	if (name != NULL)
		st_out_printf(s->o, "WCCP %s", name);
	else
		st_out_printf(s->o, "WCCP message %u", (unsigned)f->val);
	return 1;
}

static const struct st_field_desc *const wccp_keys[] = {
	R(F_MSG), R(F_VER), R(F_LEN), NULL,
};

const struct st_proto st_proto_wccp = {
	.name = "wccp",
	.ws = "wccp",
	.title = "Web Cache Communication Protocol",
	.rfc = "draft-wilson-wrec-wccp-v2",
	.role = ST_ROLE_APP,
	.fields = wccp_fields,
	.nfields = F_NWCCP,
	.decode = wccp_decode,
	.binds = wccp_binds,
	.nbinds = NFIELDS(wccp_binds),
	.summary = wccp_summary,
	.keys = wccp_keys,
	.color = "\033[32m",
	.explain_bits = 64,	/* the header; components follow */
	.explain = "How a router hands web traffic to transparent caches "
	    "(Squid, WAN optimizers), on UDP 2048: each cache sends Here I "
	    "am every ten seconds for each service group it serves (service "
	    "0 is web-cache, TCP port 80; others are defined by their "
	    "protocol, ports and hash), and the router answers I see you.  "
	    "The lead cache then sends Redirect assign, dividing the 256 "
	    "hash buckets (or masks) among the caches, and the router "
	    "redirects matching packets by GRE or layer 2.  Each message is "
	    "a header and components of type and length; Security Info may "
	    "carry an MD5 digest keyed by a shared password.",
};
