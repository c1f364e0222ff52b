/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EIGRP, Cisco's Enhanced Interior Gateway Routing Protocol (RFC 7868), IP
 * protocol 88.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Header Version |    Opcode     |           Checksum            |
 * |                             Flags                             |
 * |                        Sequence Number                        |
 * |                     Acknowledgment Number                     |
 * |     Virtual Router ID         |     Autonomous System Number  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Then TLVs, each a 16-bit type and a 16-bit length (header included):
 * parameters (K values, hold time), software version, IPv4 internal
 * routes (next hop, the classic metric, then destinations) decoded; the
 * others shown by type and length.  The checksum is the Internet
 * checksum of the whole packet.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_OP, F_CK, F_FLAGS, F_INIT, F_CR, F_RS, F_EOT, F_SEQ, F_ACK,
	F_VRID, F_AS, F_CKSTAT, F_TTYPE, F_TLEN, F_K1, F_K2, F_K3, F_K4, F_K5,
	F_K6, F_HOLD, F_TERM, F_REL, F_TVER, F_NH, F_DELAY, F_BW, F_MTU, F_HOPS,
	F_REL2, F_LOAD, F_INTAG, F_SRCWD, F_CD, F_ACTIVE, F_REPL, F_PLEN,
	F_DEST };

static const struct st_valname op_names[] = {
	{ 1, "Update" }, { 3, "Query" }, { 4, "Reply" }, { 5, "Hello" },
	{ 6, "IPX SAP" }, { 10, "SIA-Query" }, { 11, "SIA-Reply" },
	{ 0, NULL }
};

static const struct st_valname tlv_names[] = {
	{ 0x0001, "Parameters" }, { 0x0002, "Authentication" },
	{ 0x0003, "Sequence" }, { 0x0004, "Software Version" },
	{ 0x0005, "Next Multicast Sequence" }, { 0x0006, "Stub Router" },
	{ 0x0007, "Peer Termination" }, { 0x0102, "IPv4 Internal Route" },
	{ 0x0103, "IPv4 External Route" }, { 0x0402, "IPv6 Internal Route" },
	{ 0x0403, "IPv6 External Route" }, { 0, NULL }
};

/* Header rows from the packet's start; TLV rows from the TLV's start. */
static const struct st_field_desc eigrp_fields[] = {
	FD("version", "eigrp.version", "Version", 0, 8, ST_FMT_DEC),
	FDN("opcode", "eigrp.opcode", "Opcode", 8, 8, ST_FMT_DEC, op_names),
	FDX("chksum", "eigrp.checksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("flags", "eigrp.flags", "Flags", 32, 32, ST_FMT_HEX),
	FDD(NULL, "eigrp.flags.init", "Init", 63, 1, ST_FMT_BOOL),
	FDD(NULL, "eigrp.flags.condrecv", "Conditional receive", 62, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "eigrp.flags.restart", "Restart", 61, 1, ST_FMT_BOOL),
	FDD(NULL, "eigrp.flags.eot", "End of table", 60, 1, ST_FMT_BOOL),
	FD("seq", "eigrp.seq", "Sequence", 64, 32, ST_FMT_DEC),
	FD("ack", "eigrp.ack", "Acknowledge", 96, 32, ST_FMT_DEC),
	FD(NULL, "eigrp.vrid", "Virtual router ID", 128, 16, ST_FMT_DEC),
	FD("as", "eigrp.as", "Autonomous system", 144, 16, ST_FMT_DEC),
	FDGS("eigrp.checksum.status", "Checksum status"),
	FDN(NULL, "eigrp.tlv_type", "Type", 0, 16, ST_FMT_HEX, tlv_names),
	FD(NULL, "eigrp.tlv.len", "Length", 16, 16, ST_FMT_DEC),
	FD(NULL, "eigrp.par.k1", "K1", 32, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.par.k2", "K2", 40, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.par.k3", "K3", 48, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.par.k4", "K4", 56, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.par.k5", "K5", 64, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.par.k6", "K6", 72, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.par.holdtime", "Hold time (s)", 80, 16, ST_FMT_DEC),
	FDG("eigrp.peer_termination", "Peer termination (K values 255)",
	    ST_FMT_BOOL, NULL),
	FD(NULL, "eigrp.release_version", "EIGRP release", 32, 16,
	    ST_FMT_HEX),
	FD(NULL, "eigrp.tlv_version", "TLV version", 48, 16, ST_FMT_HEX),
	FD(NULL, "eigrp.ipv4.nexthop", "Next hop", 32, 32, ST_FMT_IPV4),
	FD(NULL, "eigrp.old_metric.delay", "Delay", 64, 32, ST_FMT_DEC),
	FD(NULL, "eigrp.old_metric.bw", "Bandwidth", 96, 32, ST_FMT_DEC),
	FD(NULL, "eigrp.old_metric.mtu", "MTU", 128, 24, ST_FMT_DEC),
	FD(NULL, "eigrp.old_metric.hopcount", "Hop count", 152, 8,
	    ST_FMT_DEC),
	FD(NULL, "eigrp.old_metric.rel", "Reliability", 160, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.old_metric.load", "Load", 168, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.old_metric.intag", "Internal tag", 176, 8,
	    ST_FMT_DEC),
	FDD(NULL, "eigrp.metric.flags.srcwd", "Source withdraw", 191, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "eigrp.metric.flags.cd", "Candidate default", 190, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "eigrp.metric.flags.active", "Route is active", 189, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "eigrp.metric.flags.repl", "Route is replicated", 188, 1,
	    ST_FMT_BOOL),
	FD(NULL, "eigrp.ipv4.prefixlen", "Prefix length", 0, 8, ST_FMT_DEC),
	FD(NULL, "eigrp.ipv4.destination", "Destination", 8, 0, ST_FMT_TEXT),
};

static const struct st_ckspec eigrp_ck = {
	.field = &eigrp_fields[F_CK],
	.status = &eigrp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
};

#define EIGRP_MAXTLV	256	/* TLVs in one packet */

/* The destinations of an IPv4 route TLV from byte pos to end of c. */
static void
eigrp_dests(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	uint8_t a[4];
	char text[16];
	struct st_cur w;
	const uint8_t *p;
	size_t n;
	unsigned i, plen;

	for (i = 0; i < EIGRP_MAXTLV && pos < end && c->err == ST_OK; i++) {
		w = *c;
		w.off += pos;
		if (st_dfield(d, &w, &eigrp_fields[F_PLEN]) == NULL) {
			c->err = w.err;
			return;
		}
		plen = (unsigned)st_peek_bits(&w, 0, 8);
		n = plen > 32 ? 4 : (plen + 7) / 8;
		if (pos + 1 + n > end) {
			st_dmalformed(d, "destination of /%u beyond its TLV",
			    plen);
			return;
		}
		w.off++;
		if ((p = st_get_bytes(&w, n)) == NULL) {
			c->err = w.err;
			return;
		}
		memset(a, 0, sizeof(a));
		memcpy(a, p, n);
		snprintf(text, sizeof(text), "%u.%u.%u.%u", a[0], a[1], a[2],
		    a[3]);
		w.off -= n + 1;
		st_dtext(d, &w, &eigrp_fields[F_DEST], 1, n, text);
		pos += 1 + n;
	}
}

/* The value of one TLV of type type and n bytes (header included) at t. */
static void
eigrp_tlv(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	switch (type) {
	case 0x0001:
		if (n < 12)
			break;
		st_dfields(d, t, eigrp_fields + F_K1, 7);
		/* K1..K5 all 255: the sender leaves (RFC 7868 5.3.1). */
		if (t->err == ST_OK && st_peek_bits(t, 32, 32) == 0xffffffff &&
		    st_peek_bits(t, 64, 8) == 0xff)
			st_dgen(d, &eigrp_fields[F_TERM], 1);
		break;
	case 0x0004:
		if (n >= 8)
			st_dfields(d, t, eigrp_fields + F_REL, 2);
		break;
	case 0x0102:
		if (n < 25)
			break;
		st_dfields(d, t, eigrp_fields + F_NH, 12);
		eigrp_dests(d, t, 24, n);
		break;
	}
}

static int
eigrp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 20, n;
	struct st_field *ck;
	struct st_cur t;
	unsigned i, type;

	d->hdr = left;
	st_dfields(d, c, eigrp_fields, F_CK);
	ck = st_dfield(d, c, &eigrp_fields[F_CK]);
	st_dfields(d, c, eigrp_fields + F_FLAGS, F_CKSTAT - F_FLAGS);
	if (c->err != ST_OK)
		return c->err;
	if (st_peek_bits(c, 0, 8) != 2)
		return st_dmalformed(d, "EIGRP version %u",
		    (unsigned)st_peek_bits(c, 0, 8));
	for (i = 0; i < EIGRP_MAXTLV && pos < left; i++) {
		t = *c;
		t.off += pos;
		if (st_dfields(d, &t, eigrp_fields + F_TTYPE, 2) != ST_OK)
			return t.err;
		type = (unsigned)st_peek_bits(&t, 0, 16);
		n = (size_t)st_peek_bits(&t, 16, 16);
		if (n < 4)
			return st_dmalformed(d, "TLV of %zu bytes", n);
		t.end = t.off + n < t.end ? t.off + n : t.end;
		eigrp_tlv(d, &t, type, n);
		if (d->ly->status == ST_LS_MALFORMED)
			return ST_EINVAL;
		if (t.err != ST_OK || pos + n > left)
			return ST_ETRUNC;
		pos += n;
	}
	if (pos < left)
		return st_dmalformed(d, "more than %d TLVs", EIGRP_MAXTLV);
	if (d->net.tlen > left)		/* the capture ends before IP does */
		return ST_ETRUNC;
	if (ck != NULL)
		st_dck(d, c, &eigrp_ck, ck, left);
	return ST_OK;
}

static const struct st_bind eigrp_binds[] = {
	{ ST_KEY_IPPROTO, 88 },
};

/* As tcpdump: "EIGRP v2, opcode: Hello (5), AS: 100, seq 0, ack 0". */
static int
eigrp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_AS + 1];
	struct st_out *o = s->o;
	const char *op;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, eigrp_fields, F_AS + 1, f);
	if (f[F_VER] == NULL || f[F_OP] == NULL || f[F_SEQ] == NULL ||
	    f[F_ACK] == NULL || f[F_AS] == NULL) {
		st_out_puts(o, "EIGRP");
		return 1;
	}
	op = st_valname(op_names, (uint32_t)f[F_OP]->val);
	st_out_printf(o, "EIGRP v%u, %s%s, AS %u, seq %u, ack %u",
	    (unsigned)f[F_VER]->val, op != NULL ? op : "opcode ",
	    op != NULL ? "" : "?", (unsigned)f[F_AS]->val,
	    (unsigned)f[F_SEQ]->val, (unsigned)f[F_ACK]->val);
	return 1;
}

static const struct st_field_desc *const eigrp_keys[] = {
	&eigrp_fields[F_OP], &eigrp_fields[F_AS], NULL,
};

const struct st_proto st_proto_eigrp = {
	.name = "eigrp",
	.ws = "eigrp",
	.title = "Enhanced Interior Gateway Routing Protocol",
	.rfc = "RFC 7868",
	.role = ST_ROLE_CONTROL,
	.fields = eigrp_fields,
	.nfields = NFIELDS(eigrp_fields),
	.decode = eigrp_decode,
	.binds = eigrp_binds,
	.nbinds = NFIELDS(eigrp_binds),
	.cksum = &eigrp_ck,
	.summary = eigrp_summary,
	.keys = eigrp_keys,
	.color = "\033[36m",
	.ck_what = "the whole EIGRP packet",
	.explain_bits = 160,
	.explain = "Cisco's distance-vector routing protocol (RFC 7868): "
	    "neighbours meet with Hellos (the parameters TLV carries the K "
	    "values that weigh bandwidth, delay, load and reliability, and "
	    "the hold time), then exchange routes reliably in Updates, "
	    "Queries and Replies, each sequenced and acknowledged.  A route "
	    "TLV holds a next hop, the metric and the destinations, each a "
	    "prefix length and as many address bytes as it needs.",
};
