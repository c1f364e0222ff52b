/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MSDP, the Multicast Source Discovery Protocol (RFC 3618, TCP 639):
 * rendezvous points of PIM-SM domains tell each other of active
 * multicast sources.  The stream is a run of TLVs:
 *
 * +---------------+-------------------------------+
 * |     Type      |  Length (the 3 counted)       |  value ...
 * +---------------+-------------------------------+
 *
 *   1 Source-Active: entry count, RP address, then per entry 3 reserved
 *     bytes, source prefix length, group and source address; what the
 *     length leaves after the entries is the first multicast packet of
 *     the source, in IPv4 (decoded through the registry, as Wireshark
 *     hands it to IP);
 *   2 SA Request: a reserved byte and a group address;
 *   3 SA Response: as 1, without a packet;
 *   4 KeepAlive: the header alone;
 *   5 Notification: O-bit and error code, subcode, then by code the
 *     address or count in error, or the offending message.
 * All the TLVs of a segment are one layer, as Wireshark shows them.
 */
#include "strata/out.h"
#include "fields.h"

#define MSDP_PORT	639
#define MSDP_MAXTLV	256	/* TLVs read in one segment */
#define MSDP_MAXNEST	2	/* notifications quoting notifications */

static const struct st_valname type_names[] = {
	{ 1, "IPv4 Source-Active" }, { 2, "IPv4 Source-Active Request" },
	{ 3, "IPv4 Source-Active Response" }, { 4, "KeepAlive" },
	{ 5, "Notification" }, { 6, "MSDP traceroute in progress" },
	{ 7, "MSDP traceroute reply" }, { 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 1, "Message Header Error" }, { 2, "SA-Request Error" },
	{ 3, "SA-Message/SA-Response Error" }, { 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" }, { 6, "Notification" },
	{ 7, "Cease" }, { 0, NULL }
};

enum { F_TYPE, F_LEN, F_COUNT, F_RP, F_RES, F_SPLEN, F_GROUP, F_SRC,
	F_RQRES, F_RQGROUP, F_O, F_ERROR, F_SUB, F_NRES, F_NGROUP, F_NRP,
	F_NSRC, F_NCOUNT, F_NSPLEN, F_CONTENTS, F_JUNK, F_UNKNOWN, F_NROWS };

/* Each row from its TLV's start (an entry's from the entry's, a
 * notification's address from its reserved bytes). */
static const struct st_field_desc msdp_fields[] = {
	FDN("type", "msdp.type", "Type", 0, 8, ST_FMT_DEC, type_names),
	FD("length", "msdp.length", "Length", 8, 16, ST_FMT_DEC),
	FD(NULL, "msdp.sa.entry_count", "Entry Count", 24, 8, ST_FMT_DEC),
	FD(NULL, "msdp.sa.rp_addr", "RP Address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "msdp.sa.reserved", "Reserved", 0, 24, ST_FMT_HEX),
	FD(NULL, "msdp.sa.sprefix_len", "Sprefix len", 24, 8, ST_FMT_DEC),
	FD(NULL, "msdp.sa.group_addr", "Group Address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "msdp.sa.src_addr", "Source Address", 64, 32, ST_FMT_IPV4),
	FD(NULL, "msdp.sa_req.res", "Reserved", 24, 8, ST_FMT_HEX),
	FD(NULL, "msdp.sa_req.group_addr", "Group Address", 32, 32,
	    ST_FMT_IPV4),
	FDD(NULL, "msdp.not.o", "Open-bit", 24, 1, ST_FMT_HEX),
	FDN(NULL, "msdp.not.error", "Error Code", 25, 7, ST_FMT_DEC,
	    error_names),
	FD(NULL, "msdp.not.error_sub", "Error subcode", 32, 8, ST_FMT_DEC),
	FD(NULL, "msdp.not.res", "Reserved", 0, 24, ST_FMT_HEX),
	FD(NULL, "msdp.not.group_address", "Group address", 24, 32,
	    ST_FMT_IPV4),
	FD(NULL, "msdp.not.rp_address", "RP address", 24, 32, ST_FMT_IPV4),
	FD(NULL, "msdp.not.source_address", "Source address", 24, 32,
	    ST_FMT_IPV4),
	FD(NULL, "msdp.not.entry_count", "Entry Count", 0, 8, ST_FMT_HEX),
	FD(NULL, "msdp.not.sprefix_len", "Sprefix len", 0, 8, ST_FMT_DEC),
	FD(NULL, "msdp.tlv_contents", "TLV contents", 24, 0, ST_FMT_BYTES),
	FD(NULL, "msdp.trailing_junk", "Trailing junk", 0, 0, ST_FMT_BYTES),
	FD(NULL, "msdp.unknown_data", "Unknown data", 0, 0, ST_FMT_BYTES),
};

#define M(i)	(&msdp_fields[(i)])

/* Where a segment's first encapsulated packet is, to decode last. */
struct msdp_walk {
	struct st_cur	 pkt;
	int		 has;
	int		 bad;		/* a TLV contradicts itself */
};

static int tlvs(struct st_dctx *d, struct st_cur *c, unsigned nest,
    struct msdp_walk *w);

/* A Source-Active or its response, len bytes with its header, at t:
 * the entries, then (an SA's) the packet it carries. */
static void
source_active(struct st_dctx *d, struct st_cur *t, size_t len,
    struct msdp_walk *w)
{
	size_t pos = 8, n;
	struct st_cur e;
	unsigned i, count;

	if (len < 4)
		return;
	count = (unsigned)st_peek_bits(t, 24, 8);
	st_dfield(d, t, M(F_COUNT));
	if (len < 8) {
		w->bad = 1;
		return;
	}
	st_dfield(d, t, M(F_RP));
	for (i = 0; i < count; i++, pos += 12) {
		if (len < pos + 12) {
			w->bad = 1;
			return;
		}
		e = *t;
		e.off += pos;
		if (st_dfields(d, &e, M(F_RES), 4) != ST_OK) {
			t->err = e.err;
			return;
		}
	}
	n = len - pos;
	if (n == 0 || st_peek_bits(t, 0, 8) != 1 || w->has)
		return;
	e = *t;
	e.off += pos;
	w->pkt = st_cur_sub(&e, n, NULL);
	w->has = st_cur_left(&w->pkt) > 0;
}

/* A notification, len bytes with its header, at t: what its code and
 * subcode say follows them. */
static void
notification(struct st_dctx *d, struct st_cur *t, size_t len,
    unsigned nest, struct msdp_walk *w)
{
	unsigned err, sub, row = 0;
	struct st_cur r = *t, m;

	if (st_dfields(d, t, M(F_O), 3) != ST_OK)
		return;
	err = (unsigned)st_peek_bits(t, 25, 7);
	sub = (unsigned)st_peek_bits(t, 32, 8);
	r.off += 5;
	if (err == 2)
		row = F_NGROUP;
	else if (err == 3 && (sub == 2 || sub == 3 || sub == 4 ||
	    sub == 8))
		row = sub == 2 ? F_NRP : sub == 4 ? F_NSRC : F_NGROUP;
	if (row != 0) {
		st_dfield(d, &r, M(F_NRES));
		st_dfield(d, &r, M(row));
	} else if (err == 3 && (sub == 1 || sub == 5))
		st_dfield(d, &r, M(sub == 1 ? F_NCOUNT : F_NSPLEN));
	else if (err == 1 || err == 6 || (err == 3 && sub == 6)) {
		/* The message in error, as TLVs of their own. */
		if (len > 5 && nest < MSDP_MAXNEST) {
			m = st_cur_sub(&r, len - 5, NULL);
			tlvs(d, &m, nest + 1, w);
		}
	} else if (len > 5 && (err == 3 || err < 1 || err > 7))
		st_dbytes(d, &r, M(F_UNKNOWN), 0, len - 5);
	if (r.err != ST_OK)
		t->err = r.err;
}

/* The TLVs at c, to its end; returns the cursor's error. */
static int
tlvs(struct st_dctx *d, struct st_cur *c, unsigned nest,
    struct msdp_walk *w)
{
	size_t left = st_cur_left(c), pos = 0, len;
	struct st_cur t;
	unsigned type, i;

	for (i = 0; i < MSDP_MAXTLV && left - pos >= 3; i++) {
		t = *c;
		t.off += pos;
		type = (unsigned)st_peek_bits(&t, 0, 8);
		len = (size_t)st_peek_bits(&t, 8, 16);
		if (len < 3) {
			w->bad = 1;
			break;
		}
		st_dfields(d, &t, msdp_fields, 2);
		if (len > left - pos)
			t.end = t.off + (left - pos);
		else
			t.end = t.off + len;
		switch (type) {
		case 1: case 3:
			source_active(d, &t, len, w);
			break;
		case 2:
			if (len < 8)
				w->bad = 1;
			st_dfields(d, &t, M(F_RQRES), 2);
			break;
		case 4:
			break;
		case 5:
			notification(d, &t, len, nest, w);
			break;
		default:
			if (len > 3)
				st_dbytes(d, &t, M(F_CONTENTS), 0, len - 3);
			break;
		}
		if (t.err != ST_OK || len > left - pos)
			return ST_ETRUNC;
		pos += len;
	}
	if (pos < left && i < MSDP_MAXTLV) {
		t = *c;
		t.off += pos;
		st_dbytes(d, &t, M(F_JUNK), 0, left - pos);
	}
	return ST_OK;
}

static int
msdp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct msdp_walk w = { { NULL, 0, 0, ST_OK }, 0, 0 };
	int rc;

	d->plen = 0;
	d->hdr = st_cur_left(c);
	if (!st_cur_need(c, 3)) {
		st_dfields(d, c, msdp_fields, 2);
		return c->err;
	}
	rc = tlvs(d, c, 0, &w);
	if (rc == ST_ETRUNC && d->pkt->caplen >= d->pkt->len) {
		/* Not cut by the capture: it continues in a later segment. */
		st_pkt_note(d->pkt, "MSDP: a TLV continues in a later segment");
		rc = ST_OK;
	}
	if (w.bad)
		rc = st_dmalformed(d, "a TLV shorter than its fields");
	if (w.has)
		st_dnest(d, &w.pkt, ST_KEY_ETHERTYPE, 0x0800);
	return rc;
}

/* The TLV at c is as long as its length says. */
static size_t
msdp_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), len;

	if (left < 3)
		return ST_PDU_MORE;
	len = (size_t)st_peek_bits(c, 8, 16);
	return len < 3 || st_peek_bits(c, 0, 8) > 7 ? 0 : len;
}

static const struct st_bind msdp_binds[] = {
	{ ST_KEY_TCPPORT, MSDP_PORT },
};

/*
 * "MSDP IPv4 Source-Active RP 198.18.0.9 (2 entries), KeepAlive": each
 * TLV's type, an SA's RP and entries, a notification's error.
 */
static int
msdp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const char *nm;
	unsigned n = 0;

	st_out_puts(s->o, "MSDP");
	for (; f < end; f++) {
		if (f->desc == M(F_TYPE)) {
			nm = st_valname(type_names, (uint32_t)f->val);
			st_out_puts(s->o, n++ > 0 ? ", " : " ");
			if (nm != NULL)
				st_out_puts(s->o, nm);
			else
				st_out_printf(s->o, "type %u",
				    (unsigned)f->val);
		} else if (f->desc == M(F_RP)) {
			st_out_puts(s->o, " RP ");
			s->value(s, f);
		} else if (f->desc == M(F_COUNT))
			st_out_printf(s->o, " (%u entries)", (unsigned)f->val);
		else if (f->desc == M(F_ERROR) &&
		    (nm = st_valname(error_names, (uint32_t)f->val)) != NULL)
			st_out_printf(s->o, " %s", nm);
	}
	return 1;
}

static const struct st_field_desc *const msdp_keys[] = {
	M(F_TYPE), M(F_LEN), NULL,
};

const struct st_proto st_proto_msdp = {
	.name = "msdp",
	.ws = "msdp",
	.title = "Multicast Source Discovery Protocol",
	.rfc = "RFC 3618",
	.role = ST_ROLE_APP,
	.fields = msdp_fields,
	.nfields = NFIELDS(msdp_fields),
	.decode = msdp_decode,
	.binds = msdp_binds,
	.nbinds = NFIELDS(msdp_binds),
	.pdu_len = msdp_pdu_len,
	.summary = msdp_summary,
	.keys = msdp_keys,
	.color = "\033[35m",
	.explain_bits = 24,
	.explain = "Rendezvous points (RPs) of PIM sparse-mode domains peer "
	    "over TCP 639 and flood Source-Active messages: this RP has "
	    "these (source, group) pairs active, so an RP with receivers for "
	    "a group can join the source's tree across domains.  An SA may "
	    "carry the source's first multicast packet, so that receivers "
	    "get it before the tree is built.  SA Request and Response ask "
	    "a peer for the sources of one group; KeepAlives hold the "
	    "connection up; a Notification says what was wrong before the "
	    "connection closes.  Each TLV's length counts its 3-byte "
	    "header.",
};
