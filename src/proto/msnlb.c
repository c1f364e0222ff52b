/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MS NLB, Microsoft Network Load Balancing's heartbeats (EtherType 0x886f):
 * the hosts of a cluster sharing one IP address tell each other, about once
 * a second, that they are alive and how they share the load.  Numbers are
 * little-endian, addresses in network order.
 *
 * +---------------------------------------------------------------+
 * |                   Signature (0xc0de01bf ...)                  |
 * |                   Version (major << 8 | minor)                |
 * |                   Unique host ID                              |
 * |                   Cluster IP                                  |
 * |                   Host (dedicated) IP                         |
 * +---------------------------------------------------------------+
 * then, by signature: a cluster membership heartbeat (host IDs, state,
 * counters, the teaming word, and seven tables of 33 entries), or an
 * extended heartbeat (records: the host's name, or one of its addresses).
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define SIG_MEMBER	0xc0de01bfu
#define SIG_EXT		0xc0de01c0u
#define SIG_RELIABLE	0xc0de01deu

#define NLB_HDR		20
#define NLB_RULES	33	/* entries of each table */
#define NLB_MAXREC	16	/* extended heartbeat records decoded */
#define NLB_NAMEMAX	128	/* UTF-16 units of a host name read */

static const struct st_valname sig_names[] = {
	{ SIG_MEMBER, "NLB Cluster Membership HeartBeat" },
	{ SIG_EXT, "NLB Extended HeartBeat" },
	{ SIG_RELIABLE, "NLB Reliable Protocol" }, { 0, NULL }
};

static const struct st_valname ext_names[] = {
	{ 1, "Host name" }, { 2, "IP Address" }, { 0, NULL }
};

static const struct st_valname af_names[] = {
	{ 0x02, "IPv4" }, { 0x17, "IPv6" }, { 0, NULL }
};

enum { F_SIG, F_VERS, F_UHID, F_CLUSTER, F_HOST, F_MYID, F_DEFID, F_CONV,
	F_NRULES, F_UHCODE, F_HANDLED, F_TEAM, F_TRSV, F_TXOR, F_TNUM, F_THASH,
	F_TMASTER, F_TACTIVE, F_RSV, F_RULE, F_CUR, F_NEW, F_IDLE, F_READY,
	F_WEIGHT, F_RSV2, F_XTYPE, F_XLEN, F_XAF, F_XNAME, F_XIP4, F_XIP6,
	F_XUNK, F_XPAD, F_XDATA };

/* Rows at their bit offset in a membership heartbeat (the tables' and the
 * extended records' at 0: they move); the little-endian ones are read by
 * st_dle, a part's bits counted from the top of its number. */
static const struct st_field_desc nlb_fields[] = {
	[F_SIG] = FDN("signature", "msnlb.signature", "Signature", 0, 32,
	    ST_FMT_HEX, sig_names),
	[F_VERS] = FD("version", "msnlb.version", "Version", 32, 32,
	    ST_FMT_DEC),
	[F_UHID] = FD("uhid", "msnlb.unique_host_id", "Unique host ID", 64,
	    32, ST_FMT_DEC),
	[F_CLUSTER] = FD("cluster", "msnlb.cluster_ip", "Cluster IP", 96, 32,
	    ST_FMT_IPV4),
	[F_HOST] = FD("host", "msnlb.host_ip", "Host IP", 128, 32,
	    ST_FMT_IPV4),
	[F_MYID] = FD(NULL, "msnlb.my_host_ip", "My host ID", 160, 16,
	    ST_FMT_DEC),
	[F_DEFID] = FD(NULL, "msnlb.default_host_ip", "Default host ID", 176,
	    16, ST_FMT_DEC),
	[F_CONV] = FD(NULL, "msnlb.convergence_state", "Convergence state", 192,
	    16, ST_FMT_DEC),
	[F_NRULES] = FD(NULL, "msnlb.number_of_port_rules",
	    "Number of port rules", 208, 16, ST_FMT_DEC),
	[F_UHCODE] = FD(NULL, "msnlb.unique_host_code", "Unique host code",
	    224, 32, ST_FMT_DEC),
	[F_HANDLED] = FD(NULL, "msnlb.packets_handled", "Packets handled", 256,
	    32, ST_FMT_DEC),
	[F_TEAM] = FD(NULL, "msnlb.teamincfg", "Teaming configuration", 288, 32,
	    ST_FMT_HEX),
	[F_TRSV] = FDD(NULL, "msnlb.teamincfg.reserved", "Reserved", 0, 8,
	    ST_FMT_HEX),
	[F_TXOR] = FDD(NULL, "msnlb.teamingcfg.xorclusterip",
	    "XOR of the cluster IPs' low 16 bits", 8, 16, ST_FMT_HEX),
	[F_TNUM] = FDD(NULL, "msnlb.teamingcfg.number_of_participants",
	    "Number of participants", 24, 5, ST_FMT_HEX),
	[F_THASH] = FDD(NULL, "msnlb.teamingcfg.hashing", "Hashing (reverse)",
	    29, 1, ST_FMT_BOOL),
	[F_TMASTER] = FDD(NULL, "msnlb.teamingcfg.master", "Master", 30, 1,
	    ST_FMT_BOOL),
	[F_TACTIVE] = FDD(NULL, "msnlb.teamingcfg.active", "Active", 31, 1,
	    ST_FMT_BOOL),
	[F_RSV] = FD(NULL, "msnlb.reserved", "Reserved", 0, 0, ST_FMT_BYTES),
	[F_RULE] = FD(NULL, "msnlb.portruleconfiguration.data",
	    "Port rule configuration", 0, 32, ST_FMT_DEC),
	[F_CUR] = FD(NULL, "msnlb.currentmap.data", "Current map", 0, 64,
	    ST_FMT_DEC),
	[F_NEW] = FD(NULL, "msnlb.newmap.data", "New map", 0, 64, ST_FMT_DEC),
	[F_IDLE] = FD(NULL, "msnlb.idlemap.data", "Idle map", 0, 64,
	    ST_FMT_DEC),
	[F_READY] = FD(NULL, "msnlb.readymap.data", "Ready map", 0, 64,
	    ST_FMT_DEC),
	[F_WEIGHT] = FD(NULL, "msnlb.loadweights.data", "Load weight", 0, 32,
	    ST_FMT_DEC),
	[F_RSV2] = FD(NULL, "msnlb.reserved2.data", "Reserved", 0, 32,
	    ST_FMT_DEC),
	[F_XTYPE] = FDN(NULL, "msnlb.extended_hb.type", "Extended HB type", 0,
	    8, ST_FMT_DEC, ext_names),
	[F_XLEN] = FD(NULL, "msnlb.length", "Length", 0, 8, ST_FMT_DEC),
	[F_XAF] = FDN(NULL, "msnlb.address_family", "Address family", 0, 16,
	    ST_FMT_HEX, af_names),
	[F_XNAME] = FD(NULL, "msnlb.host_name", "Host name", 0, 0,
	    ST_FMT_TEXT),
	[F_XIP4] = FD(NULL, "msnlb.host_ipv4", "Host IPv4", 0, 32,
	    ST_FMT_IPV4),
	[F_XIP6] = FD(NULL, "msnlb.host_ipv6", "Host IPv6", 0, 128,
	    ST_FMT_IPV6),
	[F_XUNK] = FD(NULL, "msnlb.host_unknown", "Host (unknown family)", 0,
	    0, ST_FMT_BYTES),
	[F_XPAD] = FD(NULL, "msnlb.padding", "Padding", 0, 0, ST_FMT_BYTES),
	[F_XDATA] = FD(NULL, "msnlb.extended_hb.unknown", "Unknown HB data",
	    0, 0, ST_FMT_BYTES),
};

#define F(i)	(&nlb_fields[i])

/* The membership heartbeat after the header, at byte off. */
static void
nlb_member(struct st_dctx *d, struct st_cur *c, size_t off)
{
	static const struct { int f; unsigned n; } tables[] = {
		{ F_RULE, 4 }, { F_CUR, 8 }, { F_NEW, 8 }, { F_IDLE, 8 },
		{ F_READY, 8 }, { F_WEIGHT, 4 }, { F_RSV2, 4 },
	};
	unsigned i, k;

	for (i = F_MYID; i <= F_NRULES; i++, off += 2)
		st_dle(d, c, F(i), off, 2);
	st_dle(d, c, F(F_UHCODE), off, 4);
	st_dle(d, c, F(F_HANDLED), off + 4, 4);
	st_dle(d, c, F(F_TEAM), off + 8, 4);
	for (i = F_TRSV; i <= F_TACTIVE; i++)
		st_dle(d, c, F(i), off + 8, 4);
	st_dbytes(d, c, F(F_RSV), off + 12, 4);
	off += 16;
	for (i = 0; i < NFIELDS(tables) && c->err == ST_OK; i++)
		for (k = 0; k < NLB_RULES; k++, off += tables[i].n)
			if (st_dle(d, c, F(tables[i].f), off, tables[i].n) ==
			    NULL)
				break;
}

/* A host name: NUL-terminated UTF-16LE from byte off; its bytes, the NUL
 * counted, or 0 when no NUL was captured within NLB_NAMEMAX units. */
static size_t
nlb_name(struct st_dctx *d, struct st_cur *c, size_t off)
{
	char text[NLB_NAMEMAX * 6 + 1];
	struct st_cur t = *c;
	size_t k = 0, i;
	unsigned u;

	t.off += off;
	for (i = 0; i < NLB_NAMEMAX; i++) {
		u = st_get_le16(&t);
		if (t.err != ST_OK)
			return 0;
		if (u == 0) {
			st_dtext(d, c, F(F_XNAME), off, 2 * i + 2, text);
			return 2 * i + 2;
		}
		k += (size_t)snprintf(text + k, sizeof(text) - k,
		    u >= 0x20 && u < 0x7f && u != '\\' ? "%c" :
		    u < 0x100 ? "\\x%02x" : "\\u%04x", u);
		text[k] = '\0';
	}
	return 0;
}

/* The extended heartbeat's records from byte off to the end. */
static int
nlb_ext(struct st_dctx *d, struct st_cur *c, size_t off)
{
	size_t left = st_cur_left(c), n;
	unsigned type, af, i;

	for (i = 0; i < NLB_MAXREC && off < left; i++) {
		st_dfields_at(d, c, off, F(F_XTYPE), 1);
		type = (unsigned)st_peek_bits(c, off * 8, 8);
		off++;
		if (type != 1 && type != 2) {
			st_dbytes(d, c, F(F_XDATA), off, left - off);
			return ST_OK;
		}
		st_dfields_at(d, c, off, F(F_XLEN), 1);
		st_dbytes(d, c, F(F_RSV), off + 1, 2);
		st_dbytes(d, c, F(F_RSV), off + 3, 4);
		off += 7;
		if (c->err != ST_OK)
			return c->err;
		if (type == 1) {
			if ((n = nlb_name(d, c, off)) == 0)
				return st_dmalformed(d, "host name without "
				    "its end");
			/* Six bytes follow the name, as Wireshark skips them. */
			off += n + 6;
			continue;
		}
		if (!st_dle(d, c, F(F_XAF), off, 2))
			return c->err;
		af = (unsigned)st_peek_bits(c, off * 8, 8);
		off += 2;
		if (af == 0x02 && st_dbytes(d, c, F(F_XIP4), off, 4) != NULL)
			off += 4;
		else if (af == 0x17 && st_dbytes(d, c, F(F_XIP6), off, 16))
			off += 16;
		else if (af != 0x02 && af != 0x17 && off < left) {
			st_dbytes(d, c, F(F_XUNK), off, left - off);
			off = left;
		}
		if (off < left)
			st_dbytes(d, c, F(F_XPAD), off, left - off);
		return c->err;
	}
	return ST_OK;
}

static int
nlb_decode(struct st_dctx *d, struct st_cur *c)
{
	uint32_t sig;

	st_dle(d, c, F(F_SIG), 0, 4);
	st_dle(d, c, F(F_VERS), 4, 4);
	st_dle(d, c, F(F_UHID), 8, 4);
	st_dfields(d, c, F(F_CLUSTER), 2);
	d->plen = 0;
	d->hdr = st_cur_left(c);
	if (c->err != ST_OK)
		return c->err;
	sig = (uint32_t)st_peek_bits(c, 24, 8) << 24 |
	    (uint32_t)st_peek_bits(c, 16, 8) << 16 |
	    (uint32_t)st_peek_bits(c, 8, 8) << 8 |
	    (uint32_t)st_peek_bits(c, 0, 8);
	if (sig == SIG_MEMBER)
		nlb_member(d, c, NLB_HDR);
	else if (sig == SIG_EXT)
		return nlb_ext(d, c, NLB_HDR);
	return c->err;
}

static const struct st_bind nlb_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x886f },
};

/* "MS NLB heartbeat, host priority 1, cluster IP 198.18.0.10, host IP
 * 198.18.0.11", as tcpdump says it (the priority is the host ID). */
static int
nlb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_MYID + 1];
	unsigned i;

	st_ly_fields(s->pkt, ly, nlb_fields, F_MYID + 1, f);
	if (f[F_SIG] == NULL)
		return 0;
	st_out_printf(s->o, "MS NLB %s", f[F_SIG]->val == SIG_EXT ?
	    "extended heartbeat" : "heartbeat");
	if (f[F_MYID] != NULL)
		st_out_printf(s->o, ", host priority %u",
		    (unsigned)f[F_MYID]->val);
	for (i = F_CLUSTER; i <= F_HOST; i++)
		if (f[i] != NULL)
			st_out_printf(s->o, ", %s IP %u.%u.%u.%u",
			    i == F_CLUSTER ? "cluster" : "host",
			    (unsigned)(f[i]->val >> 24),
			    (unsigned)(f[i]->val >> 16 & 255),
			    (unsigned)(f[i]->val >> 8 & 255),
			    (unsigned)(f[i]->val & 255));
	return 1;
}

static const struct st_field_desc *const nlb_keys[] = {
	&nlb_fields[F_CLUSTER], &nlb_fields[F_HOST], NULL,
};

const struct st_proto st_proto_msnlb = {
	.name = "msnlb",
	.ws = "msnlb",
	.title = "MS Network Load Balancing",
	.rfc = "no public specification (read as Wireshark and tcpdump do)",
	.role = ST_ROLE_CONTROL,
	.fields = nlb_fields,
	.nfields = NFIELDS(nlb_fields),
	.decode = nlb_decode,
	.binds = nlb_binds,
	.nbinds = NFIELDS(nlb_binds),
	.summary = nlb_summary,
	.keys = nlb_keys,
	.color = "\033[35m",
	.explain_bits = 160,
	.explain = "Windows servers in a Network Load Balancing cluster share "
	    "one cluster IP address: every host receives every packet sent to "
	    "it and each keeps only its share, by a hash of the client's "
	    "address and port. For that the hosts must agree who is alive, so "
	    "each sends a heartbeat about once a second as a broadcast "
	    "Ethernet frame of its own EtherType, 0x886f: its host ID "
	    "(priority), the cluster and dedicated addresses, whether the "
	    "cluster has converged, and the port rules and bucket maps that "
	    "divide the load. Numbers are little-endian, as Windows writes "
	    "them; the addresses are in network order.",
};
