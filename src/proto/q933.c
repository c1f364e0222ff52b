/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Q.933: Frame Relay's signalling, and its link management (LMI) on DLCI
 * 0, ITU-T Q.933 annex A and ANSI T1.617 annex D, after Wireshark's
 * packet-q933.c.  Reached from Frame Relay by NLPID 0x08, which is the
 * message's own first byte, its protocol discriminator.
 *
 * +---------------+---------------+-----------------+--------------+
 * | discriminator | 0000 | ref len| call reference  | message type |
 * |     0x08      |       (0-15)  | (ref len bytes) |              |
 * +---------------+---------------+-----------------+--------------+
 * then information elements: a byte with the top bit set is one on its
 * own (0x9_: a shift to another codeset, locking unless bit 0x08), else
 * an identifier, a length and the value.  LMI's elements: report type
 * (0x51; ANSI 0x01 in codeset 5), link integrity verification (0x53;
 * ANSI 0x03: the sender's and the last received sequence numbers), PVC
 * status (0x57; ANSI 0x07: a DLCI and its new/active bits).
 */
#include "strata/out.h"
#include "fields.h"

enum {
	F_DISC, F_REFLEN, F_REFFLAG, F_REF, F_MSGTYPE,
	F_LSHIFT, F_NLSHIFT, F_REPEAT, F_IE, F_LEN, F_REPORT, F_TXSEQ,
	F_RXSEQ, F_DLCI, F_STATUS, F_DATA
};

static const struct st_valname msg_names[] = {
	{ 0x01, "ALERTING" }, { 0x02, "CALL PROCEEDING" },
	{ 0x03, "PROGRESS" }, { 0x05, "SETUP" }, { 0x07, "CONNECT" },
	{ 0x0f, "CONNECT ACKNOWLEDGE" }, { 0x45, "DISCONNECT" },
	{ 0x4d, "RELEASE" }, { 0x5a, "RELEASE COMPLETE" },
	{ 0x60, "SEGMENT" }, { 0x75, "STATUS ENQUIRY" }, { 0x7d, "STATUS" },
	{ 0, NULL }
};
static const struct st_valname report_names[] = {
	{ 0, "Full status" }, { 1, "Link verification only" },
	{ 2, "Single PVC asynchronous status" }, { 0, NULL }
};
/* The new (0x08) and active (0x02) bits, read as one number >> 1. */
static const struct st_valname status_names[] = {
	{ 0, "Inactive" }, { 1, "Active" }, { 4, "New" },
	{ 5, "New, Active" }, { 0, NULL }
};
static const struct st_valname codeset_names[] = {
	{ 0, "Q.931 information elements" },
	{ 5, "National-specific (ANSI T1.617 LMI)" }, { 0, NULL }
};

static const struct st_field_desc q933_fields[] = {
	FD("disc", "q933.disc", "Protocol discriminator", 0, 8, ST_FMT_HEX),
	FD(NULL, "q933.call_ref_len", "Call reference value length", 12, 4,
	    ST_FMT_DEC),
};

/* What follows the call reference's length, where it is found. */
#define M(i)	(&q933_more[(i) - F_REFFLAG])
static const struct st_field_desc q933_more[] = {
	FD(NULL, "q933.call_ref_flag", "Call reference flag", 0, 1,
	    ST_FMT_BOOL),
	FD(NULL, "q933.call_ref", "Call reference value", 0, 0,
	    ST_FMT_BYTES),
	FDN("type", "q933.message_type", "Message type", 0, 8, ST_FMT_HEX,
	    msg_names),
	FDN(NULL, "q933.locking_shift_to_codeset", "Locking shift to codeset",
	    5, 3, ST_FMT_DEC, codeset_names),
	FDN(NULL, "q933.non_locking_shift_to_codeset",
	    "Non-locking shift to codeset", 5, 3, ST_FMT_DEC, codeset_names),
	FD(NULL, "q933.repeat_indicator", "Repeat indicator", 4, 4,
	    ST_FMT_HEX),
	FD(NULL, "q933.information_element", "Information element", 0, 8,
	    ST_FMT_HEX),
	FD(NULL, "q933.length", "Length", 8, 8, ST_FMT_DEC),
	FDN(NULL, "q933.report_type", "Report type", 0, 8, ST_FMT_DEC,
	    report_names),
	FD(NULL, "q933.link_verification.txseq", "TX Sequence", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "q933.link_verification.rxseq", "RX Sequence", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "q933.dlci", "DLCI", 0, 16, ST_FMT_DEC),
	FDN(NULL, "q933.status", "Status", 4, 3, ST_FMT_DEC, status_names),
	FD(NULL, "q933.data", "Data", 0, 0, ST_FMT_BYTES),
};

/* Codeset 0's elements Wireshark reads field by field (strata does not):
 * neither shown as data. */
static int
q931_known(unsigned ie)
{
	switch (ie) {
	case 0x00: case 0x04: case 0x08: case 0x14: case 0x18: case 0x1e:
	case 0x20: case 0x28: case 0x42: case 0x43: case 0x44: case 0x4a:
	case 0x4c: case 0x6c: case 0x6d: case 0x70: case 0x71: case 0x78:
	case 0x7c: case 0x7d: case 0x7e:
		return 1;
	}
	return 0;
}

/* A PVC status element's value (len bytes at c): the DLCI in 2 to 4
 * octets, then the status octet. */
static void
pvc_status(struct st_dctx *d, struct st_cur *c, unsigned len)
{
	struct st_cur v = *c;
	unsigned dlen = len == 4 ? 3 : len == 5 ? 4 : 2;
	uint32_t dlci;
	uint8_t b[5];
	unsigned i, st;

	for (i = 0; i <= dlen; i++)
		b[i] = st_get_u8(&v);
	if (v.err != ST_OK) {
		c->err = v.err;
		return;
	}
	dlci = (uint32_t)(b[0] & 0x3f) << 4 | (b[1] & 0x78) >> 3;
	if (len == 4)
		dlci = dlci << 6 | (b[2] & 0x7e) >> 1;
	else if (len == 5)	/* as Wireshark joins them */
		dlci = dlci << 13 | (b[2] & 0x7f) | (b[3] & 0x7e) >> 1;
	st = (b[dlen] & 0x0a) >> 1;
	st_pkt_add_field(d->pkt, M(F_DLCI), (uint32_t)(c->off * 8),
	    dlen * 8, dlci);
	st_pkt_add_field(d->pkt, M(F_STATUS),
	    (uint32_t)((c->off + dlen) * 8 + 4), 3, st);
}

/* One variable-length element's value, len bytes at c, in codeset cs. */
static void
ie_value(struct st_dctx *d, struct st_cur *c, unsigned cs, unsigned ie,
    unsigned len)
{
	struct st_cur v = *c;
	unsigned k = cs << 8 | ie;

	if (k == 0x051 || k == 0x551 || k == 0x501) {
		if (len > 0)
			st_dfield(d, &v, M(F_REPORT));
	} else if (k == 0x053 || k == 0x553 || k == 0x503) {
		if (len >= 2)
			st_dfields(d, &v, M(F_TXSEQ), 2);
	} else if (k == 0x057 || k == 0x557 || k == 0x507) {
		if (len >= 3)
			pvc_status(d, &v, len);
	} else if (cs != 0 || !q931_known(ie))
		st_dbytes(d, &v, M(F_DATA), 0, len);
}

static int
q933_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t start = c->off, left = st_cur_left(c);
	unsigned reflen, b, cs = 0, locked = 0, len;

	st_dfields(d, c, q933_fields, NFIELDS(q933_fields));
	reflen = (unsigned)st_peek_bits(c, 12, 4);
	if (c->err != ST_OK)
		goto cut;
	c->off += 2;
	if (reflen > 0) {
		if (!st_cur_need(c, reflen))
			goto cut;
		st_dfield(d, c, M(F_REFFLAG));
		/* Wireshark shows the value with the flag bit cleared */
		if (st_peek_bits(c, 0, 1) == 0)
			st_dbytes(d, c, M(F_REF), 0, reflen);
		c->off += reflen;
	}
	st_dfield(d, c, M(F_MSGTYPE));
	if (c->err != ST_OK)
		goto cut;
	c->off += 1;
	/* Each element takes at least a byte: the loop ends with them. */
	while (st_cur_left(c) > 0) {
		b = (unsigned)st_peek_bits(c, 0, 8);
		if ((b & 0xf0) == 0x90) {		/* a shift */
			cs = b & 0x07;
			if (!(b & 0x08))
				locked = cs;
			st_dfield(d, c, M(b & 0x08 ? F_NLSHIFT : F_LSHIFT));
			c->off += 1;
			continue;
		}
		if (b & 0x80) {				/* one byte alone */
			if (cs == 0 && (b & 0xf0) == 0xd0)
				st_dfield(d, c, M(F_REPEAT));
			c->off += 1;
			cs = locked;
			continue;
		}
		len = (unsigned)st_peek_bits(c, 8, 8);
		if (c->err != ST_OK || st_cur_left(c) < 2 + (size_t)len) {
			/* Wireshark shows nothing of an element that passes
			 * the end: the frame's, or the capture's */
			d->hdr = left;
			if (d->pkt->caplen < d->pkt->len)
				return ST_ETRUNC;
			return st_dmalformed(d, "element 0x%02x of %u bytes "
			    "past the message's end", b, len);
		}
		st_dfields(d, c, M(F_IE), 2);
		c->off += 2;
		ie_value(d, c, cs, b, len);
		c->off += len;
		cs = locked;
	}
	d->hdr = c->off - start;
	return ST_OK;
cut:
	d->hdr = left;
	return ST_ETRUNC;
}

static const struct st_bind q933_binds[] = {
	{ ST_KEY_NLPID, 0x08 },
};

/* "Q.933 STATUS, full status, seq 2/1, DLCI 16 active" */
static int
q933_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_DATA + 1 - F_REFFLAG];
	const char *m;

	st_ly_fields(s->pkt, ly, q933_more, NFIELDS(q933_more), f);
	st_out_puts(s->o, "Q.933 ");
	if (f[F_MSGTYPE - F_REFFLAG] == NULL)
		return 1;
	if ((m = st_field_meaning(f[F_MSGTYPE - F_REFFLAG])) != NULL)
		st_out_puts(s->o, m);
	else {
		st_out_puts(s->o, "type ");
		s->value(s, f[F_MSGTYPE - F_REFFLAG]);
	}
	if (f[F_REPORT - F_REFFLAG] != NULL &&
	    (m = st_field_meaning(f[F_REPORT - F_REFFLAG])) != NULL)
		st_out_printf(s->o, ", %s", m);
	if (f[F_TXSEQ - F_REFFLAG] != NULL && f[F_RXSEQ - F_REFFLAG] != NULL) {
		st_out_puts(s->o, ", seq ");
		s->value(s, f[F_TXSEQ - F_REFFLAG]);
		st_out_putc(s->o, '/');
		s->value(s, f[F_RXSEQ - F_REFFLAG]);
	}
	if (f[F_DLCI - F_REFFLAG] != NULL) {
		st_out_puts(s->o, ", DLCI ");
		s->value(s, f[F_DLCI - F_REFFLAG]);
		if (f[F_STATUS - F_REFFLAG] != NULL &&
		    (m = st_field_meaning(f[F_STATUS - F_REFFLAG])) != NULL)
			st_out_printf(s->o, " %s", m);
	}
	return 1;
}

static const struct st_field_desc *const q933_keys[] = {
	&q933_fields[F_DISC], &q933_fields[F_REFLEN], NULL,
};

const struct st_proto st_proto_q933 = {
	.name = "q933",
	.ws = "q933",
	.title = "Q.933 (Frame Relay signalling and LMI)",
	.rfc = "ITU-T Q.933, ANSI T1.617 annex D",
	.role = ST_ROLE_CONTROL,
	.fields = q933_fields,
	.nfields = NFIELDS(q933_fields),
	.more = q933_more,
	.nmore = NFIELDS(q933_more),
	.decode = q933_decode,
	.binds = q933_binds,
	.nbinds = NFIELDS(q933_binds),
	.summary = q933_summary,
	.keys = q933_keys,
	.color = "\033[36m",
	.explain = "Frame Relay's link management on DLCI 0: every 10 seconds "
	    "the router sends STATUS ENQUIRY and the switch answers STATUS, "
	    "each with a report type and a pair of sequence numbers (its own, "
	    "and the last it received) so both sides see the link is alive; "
	    "every sixth exchange asks for full status, and the answer lists "
	    "each PVC's DLCI with its new and active bits.  ITU-T's annex A "
	    "uses elements 0x51, 0x53, 0x57; ANSI's annex D shifts to "
	    "codeset 5 (0x95) and uses 0x01, 0x03, 0x07.",
};
