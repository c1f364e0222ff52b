/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IGMP, versions 1 (RFC 1112), 2 (RFC 2236) and 3 (RFC 3376), and the
 * multicast traceroute carried in it (types 0x1f query and request, 0x1e
 * response: draft-ietf-idmr-traceroute-ipm, mtrace), shown in IGMP's layer
 * as Wireshark does.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     | Max Resp Code |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Group Address                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Resv  |S| QRV |     QQIC      |     Number of Sources (N)     |  v3 query
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The version is not on the wire: a query of 8 bytes is version 1 when its
 * max response code is zero, else 2; of 12 or more, version 3.  A version 3
 * report (0x22) holds group records after a 4-byte reserved word: record
 * type, auxiliary data length (in words), number of sources, the group, the
 * sources, the auxiliary data.  The checksum covers the whole message.
 */
#include "strata/out.h"
#include "strata/registry.h"
#include "fields.h"

#define IGMP_MAX_REC	256		/* group records decoded */
#define IGMP_MAX_SRC	256		/* sources per query or record */

enum { F_VER, F_TYPE, F_MRT, F_MEXP, F_MMANT, F_RSV1, F_CKSUM, F_CKSTAT,
	F_MADDR, F_S, F_QRV, F_QQIC, F_NSRC, F_RSV2, F_NGRP };
enum { R_TYPE, R_AUXLEN, R_NSRC, R_MADDR, R_SADDR, R_AUX, M_HOPS, M_SADDR,
	M_RADDR, M_RSPADDR, M_RESPTTL, M_QID, M_ARRIVAL, M_INADDR, M_OUTADDR,
	M_PREVRTR, M_INPKT, M_OUTPKT, M_TOTAL, M_RTGPROTO, M_FWDTTL, M_MBZ, M_S,
	M_SRCMASK, M_FWDCODE };

#define MTRACE_HDR	24	/* the query's bytes before the blocks */
#define MTRACE_BLOCK	32	/* one router's response data block */
#define MTRACE_MAXBLK	255	/* blocks decoded: one per hop at most */

static const struct st_valname igmp_type_names[] = {
	{ 0x11, "Membership Query" }, { 0x12, "Membership Report v1" },
	{ 0x13, "DVMRP" }, { 0x14, "PIM v1" },
	{ 0x16, "Membership Report v2" }, { 0x17, "Leave Group" },
	{ 0x1e, "Traceroute Response" }, { 0x1f, "Traceroute Query" },
	{ 0x22, "Membership Report v3" }, { 0, NULL }
};

static const struct st_valname igmp_rec_names[] = {
	{ 1, "Mode Is Include" }, { 2, "Mode Is Exclude" },
	{ 3, "Change To Include Mode" }, { 4, "Change To Exclude Mode" },
	{ 5, "Allow New Sources" }, { 6, "Block Old Sources" }, { 0, NULL }
};

static const struct st_field_desc igmp_fields[] = {
	FDG("igmp.version", "IGMP version", ST_FMT_DEC, NULL),
	FDN("type", "igmp.type", "Type", 0, 8, ST_FMT_HEX, igmp_type_names),
	FD("mrt", "igmp.max_resp", "Max resp time", 8, 8, ST_FMT_DEC),
	FDD(NULL, "igmp.max_resp.exp", "Exponent", 9, 3, ST_FMT_HEX),
	FDD(NULL, "igmp.max_resp.mant", "Mantissa", 12, 4, ST_FMT_HEX),
	FD(NULL, "igmp.reserved", "Reserved", 8, 8, ST_FMT_BYTES),
	FDX("chksum", "igmp.checksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDGS("igmp.checksum.status", "Checksum status"),
	FD("group", "igmp.maddr", "Multicast address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "igmp.s", "Suppress router-side processing", 68, 1,
	    ST_FMT_BOOL),
	FD(NULL, "igmp.qrv", "Querier's robustness variable", 69, 3,
	    ST_FMT_DEC),
	FD(NULL, "igmp.qqic", "Querier's query interval code", 72, 8,
	    ST_FMT_DEC),
	FD(NULL, "igmp.num_src", "Number of sources", 80, 16, ST_FMT_DEC),
	FD(NULL, "igmp.reserved", "Reserved", 32, 16, ST_FMT_BYTES),
	FD(NULL, "igmp.num_grp_recs", "Number of group records", 48, 16,
	    ST_FMT_DEC),
};

/* A group record's rows, from the record's start (a source from its own). */
static const struct st_field_desc rec_fields[] = {
	FDN(NULL, "igmp.record_type", "Record type", 0, 8, ST_FMT_DEC,
	    igmp_rec_names),
	FD(NULL, "igmp.aux_data_len", "Aux data len", 8, 8, ST_FMT_DEC),
	FD(NULL, "igmp.num_src", "Number of sources", 16, 16, ST_FMT_DEC),
	FD(NULL, "igmp.maddr", "Multicast address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "igmp.saddr", "Source address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "igmp.aux_data", "Aux data", 0, 0, ST_FMT_BYTES),
	/* mtrace: the query, from the message's start */
	[M_HOPS] = FD(NULL, "igmp.mtrace.max_hops", "Max hops", 8, 8,
	    ST_FMT_DEC),
	[M_SADDR] = FD(NULL, "igmp.mtrace.saddr", "Source address", 64, 32,
	    ST_FMT_IPV4),
	[M_RADDR] = FD(NULL, "igmp.mtrace.raddr", "Receiver address", 96, 32,
	    ST_FMT_IPV4),
	[M_RSPADDR] = FD(NULL, "igmp.mtrace.rspaddr", "Response address", 128,
	    32, ST_FMT_IPV4),
	[M_RESPTTL] = FD(NULL, "igmp.mtrace.resp_ttl", "Response TTL", 160, 8,
	    ST_FMT_DEC),
	[M_QID] = FD(NULL, "igmp.mtrace.q_id", "Query ID", 168, 24,
	    ST_FMT_DEC),
	/* a response data block, from its start */
	[M_ARRIVAL] = FD(NULL, "igmp.mtrace.q_arrival", "Query arrival time",
	    0, 32, ST_FMT_DEC),
	[M_INADDR] = FD(NULL, "igmp.mtrace.q_inaddr", "Incoming interface", 32,
	    32, ST_FMT_IPV4),
	[M_OUTADDR] = FD(NULL, "igmp.mtrace.q_outaddr", "Outgoing interface",
	    64, 32, ST_FMT_IPV4),
	[M_PREVRTR] = FD(NULL, "igmp.mtrace.q_prevrtr", "Previous-hop router",
	    96, 32, ST_FMT_IPV4),
	[M_INPKT] = FD(NULL, "igmp.mtrace.q_inpkt", "Input packets", 128, 32,
	    ST_FMT_DEC),
	[M_OUTPKT] = FD(NULL, "igmp.mtrace.q_outpkt", "Output packets", 160,
	    32, ST_FMT_DEC),
	[M_TOTAL] = FD(NULL, "igmp.mtrace.q_total", "S,G packet count", 192,
	    32, ST_FMT_DEC),
	[M_RTGPROTO] = FD(NULL, "igmp.mtrace.q_rtg_proto", "Routing protocol",
	    224, 8, ST_FMT_DEC),
	[M_FWDTTL] = FD(NULL, "igmp.mtrace.q_fwd_ttl", "Forwarding TTL", 232,
	    8, ST_FMT_DEC),
	[M_MBZ] = FD(NULL, "igmp.mtrace.q_mbz", "Must be zero", 240, 1,
	    ST_FMT_HEX),
	[M_S] = FD(NULL, "igmp.mtrace.q_s", "S,G count for the source network",
	    241, 1, ST_FMT_HEX),
	[M_SRCMASK] = FD(NULL, "igmp.mtrace.q_src_mask", "Source mask length",
	    242, 6, ST_FMT_HEX),
	[M_FWDCODE] = FD(NULL, "igmp.mtrace.q_fwd_code", "Forwarding code",
	    248, 8, ST_FMT_HEX),
};

/* An mtrace query or response after the checksum: the group, the three
 * addresses, the response TTL and query ID, then one 32-byte block per
 * router the response passed; returns the message's length. */
static size_t
igmp_mtrace(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = MTRACE_HDR;
	struct st_cur b;
	unsigned i;

	st_dfield(d, c, &igmp_fields[F_MADDR]);
	st_dfields(d, c, rec_fields + M_SADDR, M_ARRIVAL - M_SADDR);
	if (c->err != ST_OK)
		return MTRACE_HDR;
	for (i = 0; i < MTRACE_MAXBLK && off + MTRACE_BLOCK <= left; i++) {
		b = *c;
		b.off += off;
		st_dfields(d, &b, rec_fields + M_ARRIVAL, M_FWDCODE + 1 -
		    M_ARRIVAL);
		off += MTRACE_BLOCK;
	}
	return off;
}

static const struct st_ckspec igmp_ck = {
	.field = &igmp_fields[F_CKSUM],
	.status = &igmp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

/* n source addresses from byte off; returns the offset after them. */
static size_t
igmp_sources(struct st_dctx *d, struct st_cur *c, size_t off, unsigned n)
{
	struct st_cur s;
	unsigned i;

	for (i = 0; i < n && c->err == ST_OK; i++, off += 4) {
		s = *c;
		s.off += off;
		st_dfield(d, &s, &rec_fields[R_SADDR]);
		c->err = s.err;
	}
	return off;
}

/* The group records of a v3 report, from byte 8; returns its length. */
static size_t
igmp_records(struct st_dctx *d, struct st_cur *c, unsigned nrec)
{
	struct st_cur r;
	size_t off = 8;
	unsigned i, nsrc, aux;

	if (nrec > IGMP_MAX_REC) {
		st_dmalformed(d, "%u group records", nrec);
		return off;
	}
	for (i = 0; i < nrec && c->err == ST_OK; i++) {
		r = *c;
		r.off += off;
		st_dfields(d, &r, rec_fields, R_SADDR);
		if ((c->err = r.err) != ST_OK)
			break;
		aux = (unsigned)st_peek_bits(&r, 8, 8) * 4;
		nsrc = (unsigned)st_peek_bits(&r, 16, 16);
		if (nsrc > IGMP_MAX_SRC) {
			st_dmalformed(d, "%u sources in a record", nsrc);
			break;
		}
		off = igmp_sources(d, c, off + 8, nsrc);
		if (aux > 0 && c->err == ST_OK) {
			r = *c;
			r.off += off;
			if (st_dbytes(d, &r, &rec_fields[R_AUX], 0, aux) == NULL)
				c->err = r.err;
			off += aux;
		}
	}
	return off;
}

/* The version: by type, and for a query by its length and code. */
static unsigned
igmp_version(unsigned type, unsigned code, size_t left)
{
	switch (type) {
	case 0x11:
		return left >= 12 ? 3 : code == 0 ? 1 : 2;
	case 0x12:
		return 1;
	case 0x16:
	case 0x17:
		return 2;
	case 0x22:
		return 3;
	}
	return 0;
}

/* The second byte: a reserved byte, or the max response code. */
static void
igmp_code(struct st_dctx *d, struct st_cur *c, unsigned type, unsigned ver)
{
	struct st_field *mrt;

	if (type == 0x1e || type == 0x1f) {
		st_dfield(d, c, &rec_fields[M_HOPS]);
		return;
	}
	if (type == 0x22 || ver == 1) {
		st_dbytes(d, c, &igmp_fields[F_RSV1], 1, 1);
		return;
	}
	mrt = st_dfield(d, c, &igmp_fields[F_MRT]);
	/* A v3 code of 128 or more is a floating-point value (RFC 3376
	 * 4.1.1), which Wireshark shows worked out. */
	if (ver == 3 && mrt != NULL && mrt->val >= 128) {
		mrt->val = ((mrt->val & 0xf) | 0x10) <<
		    (((mrt->val >> 4) & 7) + 3);
		st_dfields(d, c, igmp_fields + F_MEXP, 2);
	}
}

/* After the checksum; returns the message's length. */
static size_t
igmp_body(struct st_dctx *d, struct st_cur *c, unsigned type, unsigned ver)
{
	unsigned n;

	if (type == 0x1e || type == 0x1f)
		return igmp_mtrace(d, c);
	if (type == 0x22) {
		st_dbytes(d, c, &igmp_fields[F_RSV2], 4, 2);
		if (st_dfield(d, c, &igmp_fields[F_NGRP]) == NULL)
			return 8;
		return igmp_records(d, c, (unsigned)st_peek_bits(c, 48, 16));
	}
	st_dfield(d, c, &igmp_fields[F_MADDR]);
	if (type != 0x11 || ver != 3)
		return 8;
	st_dfields(d, c, igmp_fields + F_S, 4);
	if (c->err != ST_OK)
		return 12;
	n = (unsigned)st_peek_bits(c, 80, 16);
	if (n > IGMP_MAX_SRC) {
		st_dmalformed(d, "%u sources", n);
		return 12;
	}
	return igmp_sources(d, c, 12, n);
}

static int
igmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr;
	struct st_field *ck;
	unsigned type, ver;

	if (!st_cur_need(c, 2))
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 8);
	/* DVMRP's and PIMv1's messages are theirs whole, as in Wireshark:
	 * IGMP carries them, their layers show them. */
	if (st_proto_next(ST_KEY_IGMPTYPE, type) != NULL) {
		d->next_key = ST_KEY_IGMPTYPE;
		d->next_val = type;
		return ST_OK;
	}
	ver = igmp_version(type, (unsigned)st_peek_bits(c, 8, 8), left);
	if (ver != 0)
		st_dgen(d, &igmp_fields[F_VER], ver);
	st_dfield(d, c, &igmp_fields[F_TYPE]);
	igmp_code(d, c, type, ver);
	ck = st_dfield(d, c, &igmp_fields[F_CKSUM]);
	hdr = igmp_body(d, c, type, ver);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	d->hdr = hdr;
	if (ck != NULL)
		st_dck(d, c, &igmp_ck, ck, hdr);
	d->data = 1;
	return ST_OK;
}

static const struct st_bind igmp_binds[] = {
	{ ST_KEY_IPPROTO, 2 },
};

/* As tcpdump: "igmp v2 report 239.1.1.1", "igmp query v3 [gaddr G]",
 * "igmp v3 report, 2 group record(s)", "igmp leave G". */
static int
igmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NGRP + 1];
	struct st_out *o = s->o;
	unsigned type, ver;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, igmp_fields, F_NGRP + 1, f);
	if (f[F_TYPE] == NULL) {
		st_out_puts(o, "igmp");
		return 1;
	}
	type = (unsigned)f[F_TYPE]->val;
	ver = f[F_VER] != NULL ? (unsigned)f[F_VER]->val : 0;
	switch (type) {
	case 0x11:
		st_out_puts(o, "igmp query");
		if (ver > 1)
			st_out_printf(o, " v%u", ver);
		if (f[F_MADDR] != NULL && f[F_MADDR]->val != 0) {
			st_out_puts(o, " [gaddr ");
			s->value(s, f[F_MADDR]);
			if (f[F_NSRC] != NULL && f[F_NSRC]->val != 0)
				st_out_printf(o, ", %u source(s)",
				    (unsigned)f[F_NSRC]->val);
			st_out_putc(o, ']');
		}
		return 1;
	case 0x12:
	case 0x16:
		st_out_printf(o, "igmp v%u report ", ver);
		s->value(s, f[F_MADDR]);
		return 1;
	case 0x17:
		st_out_puts(o, "igmp leave ");
		s->value(s, f[F_MADDR]);
		return 1;
	case 0x1e:
	case 0x1f:
		st_out_puts(o, type == 0x1e ? "mtrace response to " :
		    "mtrace query to ");
		s->value(s, f[F_MADDR]);
		return 1;
	case 0x22:
		st_out_puts(o, "igmp v3 report");
		if (f[F_NGRP] != NULL)
			st_out_printf(o, ", %u group record(s)",
			    (unsigned)f[F_NGRP]->val);
		return 1;
	}
	st_out_printf(o, "igmp type 0x%02x", type);
	return 1;
}

static const struct st_field_desc *const igmp_keys[] = {
	&igmp_fields[F_TYPE], &igmp_fields[F_MADDR], NULL,
};

const struct st_proto st_proto_igmp = {
	.name = "igmp",
	.ws = "igmp",
	.title = "Internet Group Management Protocol",
	.rfc = "RFC 3376",
	.role = ST_ROLE_CONTROL,
	.fields = igmp_fields,
	.nfields = NFIELDS(igmp_fields),
	.more = rec_fields,
	.nmore = NFIELDS(rec_fields),
	.decode = igmp_decode,
	.binds = igmp_binds,
	.nbinds = NFIELDS(igmp_binds),
	.cksum = &igmp_ck,
	.summary = igmp_summary,
	.keys = igmp_keys,
	.color = "\033[36m",
	.explain = "Hosts tell the routers on their link which multicast "
	    "groups they want: a router queries (all groups, or one), hosts "
	    "report their groups and leave them.  The version is not in the "
	    "header: a query of 8 bytes is IGMPv1 with a zero response time, "
	    "else IGMPv2; a longer one is IGMPv3, which also names sources, "
	    "and IGMPv3 reports carry one record per group.  Types 0x1f and "
	    "0x1e are multicast traceroute (mtrace): a query walks from the "
	    "receiver back towards the source, each router adding a block "
	    "of its interfaces, counters and forwarding code.  Types 0x13 "
	    "(DVMRP) and 0x14 (PIM version 1) are multicast routing "
	    "protocols that borrowed IGMP as their carrier: their layers "
	    "show them.",
};
