/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GRE (RFC 2784, RFC 2890 key and sequence number; RFC 1701 routing) and
 * the enhanced GRE of PPTP (RFC 2637, version 1).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |       Offset (optional)       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Key (optional; version 1: payload length and call ID)      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (optional)                    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Acknowledgment Number (version 1, A bit, optional)     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Routing (R bit, RFC 1701: SREs up to a null one)       |
 *
 * The protocol type is an EtherType: 0x6558 (transparent Ethernet
 * bridging) carries a whole Ethernet frame, 0x880b (version 1) a PPP
 * frame, 0x88be and 0x22eb ERSPAN.  The checksum covers the GRE header
 * and its payload, with no pseudo-header.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define GRE_MAX_SRE	16	/* routing entries decoded */

enum { F_FV, F_C, F_R, F_K, F_S, F_SSR, F_RECUR, F_RES0, F_ACKB, F_RES1,
	F_VER, F_PROTO, F_CKSUM, F_OFF, F_KEY, F_PLEN, F_CALL, F_SEQ, F_ACK,
	F_CKSTAT };

static const struct st_valname gre_ver_names[] = {
	{ 0, "GRE" }, { 1, "Enhanced GRE" }, { 0, NULL }
};

static const struct st_field_desc gre_fields[] = {
	FD("flags", "gre.flags_and_version", "Flags and version", 0, 16,
	    ST_FMT_HEX),
	FDD("c", "gre.flags.checksum", "Checksum bit", 0, 1, ST_FMT_BOOL),
	FDD("r", "gre.flags.routing", "Routing bit", 1, 1, ST_FMT_BOOL),
	FDD("k", "gre.flags.key", "Key bit", 2, 1, ST_FMT_BOOL),
	FDD("s", "gre.flags.sequence_number", "Sequence number bit", 3, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "gre.flags.strict_source_route", "Strict source route bit",
	    4, 1, ST_FMT_BOOL),
	FDD("recur", "gre.flags.recursion_control", "Recursion control", 5, 3,
	    ST_FMT_DEC),
	FDD(NULL, "gre.flags.reserved", "Flags (reserved)", 8, 5, ST_FMT_DEC),
	FDD(NULL, "gre.flags.ack", "Acknowledgment", 8, 1, ST_FMT_BOOL),
	FDD(NULL, "gre.flags.reserved", "Flags (reserved)", 9, 4, ST_FMT_DEC),
	FDDN("ver", "gre.flags.version", "Version", 13, 3, ST_FMT_DEC,
	    gre_ver_names),
	FDX("proto", "gre.proto", "Protocol type", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_NEXT, 0, 0, st_ethertype_names),
	FDX("chksum", "gre.checksum", "Checksum", 0, 16, ST_FMT_HEX, 0, 0,
	    ST_DF_CKSUM, 0, NULL),
	FD(NULL, "gre.offset", "Offset", 16, 16, ST_FMT_DEC),
	FD("key", "gre.key", "Key", 0, 32, ST_FMT_HEX),
	FD(NULL, "gre.key.payload_length", "Payload length", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "gre.key.call_id", "Call ID", 16, 16, ST_FMT_DEC),
	FD("seq", "gre.sequence_number", "Sequence number", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "gre.ack_number", "Acknowledgment number", 0, 32,
	    ST_FMT_DEC),
	FDGS("gre.checksum.status", "Checksum status"),
};

enum { R_AF, R_OFF, R_LEN, R_INFO };

static const struct st_field_desc sre_fields[] = {
	FD(NULL, "gre.routing.address_family", "Address family", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "gre.routing.sre_offset", "SRE offset", 16, 8, ST_FMT_DEC),
	FD(NULL, "gre.routing.src_length", "SRE length", 24, 8, ST_FMT_DEC),
	FD(NULL, "gre.routing.information", "Routing information", 0, 0,
	    ST_FMT_BYTES),
};

static const struct st_ckspec gre_ck = {
	.field = &gre_fields[F_CKSUM],
	.status = &gre_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
};

/* The 32-bit word of row fd at byte off of the header. */
static struct st_field *
word(struct st_dctx *d, struct st_cur *c, size_t off, unsigned row)
{
	struct st_cur w = *c;
	struct st_field *f;

	w.off += off;
	f = st_dfield(d, &w, &gre_fields[row]);
	c->err = w.err;
	return f;
}

/* The source route entries from byte off; returns the bytes or 0. */
static size_t
gre_routing(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_cur r;
	size_t pos = off, len;
	unsigned i;

	for (i = 0; i < GRE_MAX_SRE; i++) {
		r = *c;
		r.off += pos;
		st_dfields(d, &r, sre_fields, R_INFO);
		if (r.err != ST_OK) {
			c->err = r.err;
			return 0;
		}
		len = (size_t)st_peek_bits(&r, 24, 8);
		if (st_peek_bits(&r, 0, 16) == 0 && len == 0)
			return pos + 4 - off;	/* the null SRE ends them */
		if (len > 0 && st_dbytes(d, &r, &sre_fields[R_INFO], 4,
		    len) == NULL) {
			c->err = r.err;
			return 0;
		}
		pos += 4 + len;
	}
	st_dmalformed(d, "more than %d routing entries", GRE_MAX_SRE);
	return 0;
}

/* Where the payload goes: by protocol type, which is an EtherType. */
static void
gre_next(struct st_dctx *d, unsigned type, unsigned flags)
{
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = type;
	if (type == 0x6558) {		/* transparent Ethernet bridging */
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_EN10MB;
	} else if (type == 0x880b) {	/* PPP (PPTP) */
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_PPP;
	} else if (type == 0x88be && !(flags & 0x1000))
		d->next_val = 0x188be;	/* ERSPAN type I: no header */
}

static int
gre_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck = NULL;
	unsigned fl, ver;
	size_t off = 4, n;

	st_dfields(d, c, gre_fields, F_RES0);
	fl = (unsigned)st_peek_bits(c, 0, 16);
	if (c->err != ST_OK)
		return c->err;
	ver = fl & 7;
	if (ver == 1)
		st_dfields(d, c, gre_fields + F_ACKB, 2);
	else
		st_dfield(d, c, &gre_fields[F_RES0]);
	st_dfields(d, c, gre_fields + F_VER, 2);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (ver > 1)
		return st_dmalformed(d, "version %u", ver);
	if (fl & 0xc000) {
		ck = word(d, c, off, F_CKSUM);
		word(d, c, off, F_OFF);
		off += 4;
	}
	if (fl & 0x2000) {
		if (ver == 1) {
			word(d, c, off, F_PLEN);
			word(d, c, off, F_CALL);
		} else
			word(d, c, off, F_KEY);
		off += 4;
	}
	if (fl & 0x1000) {
		word(d, c, off, F_SEQ);
		off += 4;
	}
	if (ver == 1 && (fl & 0x80)) {
		word(d, c, off, F_ACK);
		off += 4;
	}
	if (c->err == ST_OK && (fl & 0x4000)) {
		n = gre_routing(d, c, off);
		if (d->ly->status == ST_LS_MALFORMED)
			return ST_EINVAL;
		off += n;
	}
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	d->hdr = off;
	if (ck != NULL)
		st_dck(d, c, &gre_ck, ck, off);
	gre_next(d, (unsigned)st_peek_bits(c, 16, 16), fl);
	return ST_OK;
}

static const struct st_bind gre_binds[] = {
	{ ST_KEY_IPPROTO, 47 },
};

/*
 * "gre key 0x00000005 seq 7 proto 0x6558" before the inner conversation
 * (s->net NULL), or "A → B GRE proto 0x0800 (IPv4) len n" when nothing
 * decodable follows.
 */
static int
gre_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CKSTAT + 1];
	struct st_out *o = s->o;
	const char *m;

	st_ly_fields(s->pkt, ly, gre_fields, F_CKSTAT + 1, f);
	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	/* The version's own row is a detail, left out of a lite decode. */
	st_out_puts(o, f[F_FV] != NULL && (f[F_FV]->val & 7) == 1 ?
	    "pptp gre" : "gre");
	if (f[F_KEY] != NULL) {
		st_out_puts(o, " key ");
		s->value(s, f[F_KEY]);
	}
	if (f[F_CALL] != NULL)
		st_out_printf(o, " call %u", (unsigned)f[F_CALL]->val);
	if (f[F_SEQ] != NULL)
		st_out_printf(o, " seq %u", (unsigned)f[F_SEQ]->val);
	if (f[F_ACK] != NULL)
		st_out_printf(o, " ack %u", (unsigned)f[F_ACK]->val);
	if (s->net != NULL && f[F_PROTO] != NULL) {
		st_out_printf(o, " proto 0x%04x", (unsigned)f[F_PROTO]->val);
		if ((m = st_field_meaning(f[F_PROTO])) != NULL)
			st_out_printf(o, " (%s)", m);
		st_out_puts(o, " len ");
		st_out_u64(o, ly->len);
	}
	return 1;
}

static const struct st_field_desc *const gre_keys[] = {
	&gre_fields[F_PROTO], &gre_fields[F_KEY], &gre_fields[F_SEQ], NULL,
};

const struct st_proto st_proto_gre = {
	.name = "gre",
	.ws = "gre",
	.title = "Generic Routing Encapsulation",
	.rfc = "RFC 2784",
	.role = ST_ROLE_TRANSPORT,
	.flags = ST_PF_TUNNEL,
	.fields = gre_fields,
	.nfields = NFIELDS(gre_fields),
	.more = sre_fields,
	.nmore = NFIELDS(sre_fields),
	.decode = gre_decode,
	.binds = gre_binds,
	.nbinds = NFIELDS(gre_binds),
	.cksum = &gre_ck,
	.summary = gre_summary,
	.keys = gre_keys,
	.color = "\033[33m",
	.ck_what = "the GRE header and its payload",
	.explain = "The flags say which optional words follow: checksum and "
	    "offset (C or R), key (K), sequence number (S), and in PPTP's "
	    "version 1 an acknowledgment (A). The protocol type is an "
	    "EtherType: 0x6558 carries a whole Ethernet frame.",
};
