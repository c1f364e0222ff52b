/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GTP, the GPRS tunnelling protocol: version 1 (3GPP TS 29.060 and, for
 * the user plane, TS 29.281) on UDP 2152 (GTP-U) and 2123 (GTP-C), and
 * version 0 (GSM 09.60; GTP' charging, TS 32.295) on 3386.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-----+-+-+-+-+-+---------------+-------------------------------+
 * | Ver |P|R|E|S|N| Message type  |            Length             |
 * +-----+-+-+-+-+-+---------------+-------------------------------+
 * |            Tunnel endpoint identifier (TEID)                  |
 * +-------------------------------+---------------+---------------+
 * |   Sequence number (if E|S|N)  | N-PDU number  | Next ext. type|
 * +-------------------------------+---------------+---------------+
 *
 * Length counts what follows the first 8 bytes.  A T-PDU (type 255)
 * carries an IP packet (the registry finds it by the version nibble);
 * signalling messages hold information elements, shown as bytes.
 * Version 0 has a 20-byte header: sequence number, flow label, SNDCP
 * N-PDU number, and a tunnel identifier in BCD.
 */
#include "strata/out.h"
#include "gtpie.h"

#define GTP_MAXEXT	8	/* extension headers followed */

enum { F_FLAGS, F_VER, F_PT, F_RES, F_E, F_S, F_PN, F_MSG, F_LEN, F_TEID,
	F_SEQ, F_NPDU, F_NEXT, F_XLEN, F_XNEXT, F_RES0, F_SNN, F_SEQ0, F_FLOW,
	F_SNDCP, F_TID, F_IES };

static const struct st_valname gtp_msg_names[] = {
	{ 1, "Echo request" }, { 2, "Echo response" },
	{ 3, "Version not supported" }, { 16, "Create PDP context request" },
	{ 17, "Create PDP context response" },
	{ 18, "Update PDP context request" },
	{ 19, "Update PDP context response" },
	{ 20, "Delete PDP context request" },
	{ 21, "Delete PDP context response" }, { 26, "Error indication" },
	{ 31, "Supported extension headers notification" },
	{ 240, "Data record transfer request" },
	{ 241, "Data record transfer response" }, { 254, "End marker" },
	{ 255, "T-PDU" }, { 0, NULL }
};

static const struct st_field_desc gtp_fields[] = {
	FD("flags", "gtp.flags", "Flags", 0, 8, ST_FMT_HEX),
	FDD("version", "gtp.flags.version", "Version", 0, 3, ST_FMT_DEC),
	FDD(NULL, "gtp.flags.payload", "Protocol type (1: GTP, 0: GTP')", 3,
	    1, ST_FMT_DEC),
	FDD(NULL, "gtp.flags.reserved", "Reserved", 4, 1, ST_FMT_DEC),
	FDD(NULL, "gtp.flags.e", "Extension header present", 5, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "gtp.flags.s", "Sequence number present", 6, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "gtp.flags.pn", "N-PDU number present", 7, 1, ST_FMT_BOOL),
	FDN("type", "gtp.message", "Message type", 8, 8, ST_FMT_HEX,
	    gtp_msg_names),
	FD("len", st_gtp_length, "Length", 16, 16, ST_FMT_DEC),
	FD("teid", "gtp.teid", "TEID", 32, 32, ST_FMT_HEX),
	FD(NULL, "gtp.seq_number", "Sequence number", 64, 16, ST_FMT_HEX),
	FD(NULL, "gtp.npdu_number", "N-PDU number", 80, 8, ST_FMT_HEX),
	FD(NULL, "gtp.ext_hdr.next", "Next extension header type", 88, 8,
	    ST_FMT_HEX),
	FD(NULL, "gtp.ext_hdr.length", "Extension header length (4 bytes)",
	    0, 8, ST_FMT_DEC),
	FD(NULL, "gtp.ext_hdr.next", "Next extension header type", 0, 8,
	    ST_FMT_HEX),
	/* version 0 */
	FDD(NULL, "gtp.flags.reserved", "Reserved", 4, 3, ST_FMT_DEC),
	FDD(NULL, "gtp.flags.snn", "SNDCP N-PDU number included", 7, 1,
	    ST_FMT_BOOL),
	FD(NULL, "gtp.seq_number", "Sequence number", 32, 16, ST_FMT_HEX),
	FD(NULL, "gtp.flow_label", "Flow label", 48, 16, ST_FMT_HEX),
	FD(NULL, "gtp.sndcp_number", "SNDCP N-PDU number", 64, 8, ST_FMT_HEX),
	FD(NULL, "gtp.tid", "Tunnel identifier", 96, 64, ST_FMT_TEXT),
	FD(NULL, "strata.gtp.ies", "Information elements (not decoded)", 0,
	    0, ST_FMT_BYTES),
};

#define R(i)	(&gtp_fields[(i)])

/* Extension headers from byte off, type next; returns the header end. */
static size_t
gtp_ext(struct st_dctx *d, struct st_cur *c, size_t off, unsigned next,
    size_t end)
{
	struct st_cur w;
	size_t n;
	unsigned i;

	for (i = 0; next != 0 && i < GTP_MAXEXT; i++) {
		w = *c;
		w.off += off;
		st_dfield(d, &w, R(F_XLEN));
		if (w.err != ST_OK) {
			c->err = w.err;
			return end;
		}
		n = (size_t)st_peek_bits(&w, 0, 8) * 4;
		if (n == 0 || off + n > end) {
			st_dmalformed(d, "extension header length %zu", n);
			return end;
		}
		w.off += n - 1;
		st_dfield(d, &w, R(F_XNEXT));
		next = (unsigned)st_peek_bits(&w, 0, 8);
		off += n;
	}
	return off;
}

/* Version 0: the 20-byte header, the TID's BCD digits low nibble first. */
static size_t
gtp_v0(struct st_dctx *d, struct st_cur *c)
{
	char tid[17];
	unsigned i, b;

	st_dfields(d, c, R(F_RES0), 2);
	st_dfields(d, c, R(F_SEQ0), 3);
	if (!st_cur_need(c, 20))
		return 20;
	for (i = 0; i < 8; i++) {
		b = (unsigned)st_peek_bits(c, 96 + 8 * i, 8);
		tid[2 * i] = "0123456789abcdef"[b & 15];
		tid[2 * i + 1] = "0123456789abcdef"[b >> 4];
	}
	tid[16] = '\0';
	st_dtext(d, c, R(F_TID), 12, 8, tid);
	return 20;
}

/* What a T-PDU carries: IPv4 or IPv6 by the version nibble, else data. */
static void
gtp_next(struct st_dctx *d, struct st_cur *c, size_t hdr)
{
	struct st_cur w = *c;
	unsigned v;

	w.off += hdr;
	if (st_cur_left(&w) == 0)
		return;
	v = (unsigned)st_peek_bits(&w, 0, 4);
	if (v == 4 || v == 6) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = v == 4 ? 0x0800 : 0x86dd;
	} else
		d->data = 1;
}

static int
gtp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr = 8, end;
	unsigned ver, fl, type;

	st_dfields(d, c, gtp_fields, F_RES);
	if (c->err != ST_OK)
		return c->err;
	fl = (unsigned)st_peek_bits(c, 0, 8);
	ver = fl >> 5;
	if (ver > 1)
		return ST_ENOTME;	/* GTPv2 is another dissector */
	if (ver == 1)
		st_dfields(d, c, R(F_RES), 4);
	st_dfields(d, c, R(F_MSG), 2);
	if (ver == 1)
		st_dfield(d, c, R(F_TEID));
	if (c->err != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 8, 8);
	end = 8 + (size_t)st_peek_bits(c, 16, 16);
	if (ver == 0) {
		hdr = gtp_v0(d, c);
		end += 12;
	} else if (fl & 0x07) {
		hdr = 12;
		if (fl & 0x02)
			st_dfield(d, c, R(F_SEQ));
		if (fl & 0x01)
			st_dfield(d, c, R(F_NPDU));
		if (fl & 0x04)
			st_dfield(d, c, R(F_NEXT));
		if (c->err == ST_OK && (fl & 0x04))
			hdr = gtp_ext(d, c, 12, (unsigned)st_peek_bits(c, 88, 8),
			    end);
	}
	if (c->err != ST_OK || d->ly->status == ST_LS_MALFORMED) {
		d->hdr = hdr < left ? hdr : left;
		return c->err != ST_OK ? c->err : ST_EINVAL;
	}
	if (end < hdr)
		return st_dmalformed(d, "length %zu below the header's %zu",
		    end - 8, hdr - 8);
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	d->plen = end - hdr;
	if (type == 255) {
		d->hdr = hdr;
		gtp_next(d, c, hdr);
		return ST_OK;
	}
	/* Signalling: the information elements are the rest of the header. */
	if (end > hdr)
		st_gtp_ies(d, c, hdr, end, ver);
	d->hdr = end < left ? end : left;
	d->plen = 0;
	return end > left ? ST_ETRUNC : ST_OK;
}

static const struct st_bind gtp_binds[] = {
	{ ST_KEY_UDPPORT, 2152 }, { ST_KEY_UDPPORT, 2123 },
};
/* GTP' and version 0 on 3386: Wireshark's gtpprime, with GTP's fields. */
static const struct st_bind gtpprime_binds[] = {
	{ ST_KEY_UDPPORT, 3386 },
};

/* "gtp teid 0x760d3bb0" before the carried packet's facts; a signalling
 * message by name and sequence number. */
static int
gtp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_IES + 1];
	const char *name;

	st_ly_fields(s->pkt, ly, gtp_fields, F_IES + 1, f);
	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(s->o, ' ');
	}
	st_out_puts(s->o, "gtp");
	if (f[F_VER] != NULL && f[F_VER]->val == 0)
		st_out_puts(s->o, "v0");
	if (f[F_MSG] != NULL && f[F_MSG]->val != 255) {
		name = st_valname(gtp_msg_names, (uint32_t)f[F_MSG]->val);
		st_out_putc(s->o, ' ');
		if (name != NULL)
			st_out_puts(s->o, name);
		else
			s->value(s, f[F_MSG]);
	}
	if (f[F_TEID] != NULL) {
		st_out_puts(s->o, " teid ");
		s->value(s, f[F_TEID]);
	}
	if (f[F_SEQ] != NULL || f[F_SEQ0] != NULL) {
		st_out_puts(s->o, " seq ");
		s->value(s, f[F_SEQ] != NULL ? f[F_SEQ] : f[F_SEQ0]);
	}
	return 1;
}

static const struct st_field_desc *const gtp_keys[] = {
	R(F_MSG), R(F_TEID), R(F_LEN), NULL,
};

const struct st_proto st_proto_gtp = {
	.name = "gtp",
	.ws = "gtp",
	.title = "GPRS Tunnelling Protocol",
	.rfc = "3GPP TS 29.060, TS 29.281",
	.role = ST_ROLE_LINK,	/* a shim before the carried packet */
	.flags = ST_PF_TUNNEL,
	.fields = gtp_fields,
	.nfields = NFIELDS(gtp_fields),
	.decode = gtp_decode,
	.binds = gtp_binds,
	.nbinds = NFIELDS(gtp_binds),
	.summary = gtp_summary,
	.keys = gtp_keys,
	.color = "\033[33m",
	.explain = "GTP carries a mobile subscriber's IP packets between the "
	    "radio network and the core (GTP-U, UDP 2152), each tunnel named "
	    "by its TEID, and the signalling that sets tunnels up (GTP-C, UDP "
	    "2123: create, update and delete PDP context).  Version 0 and "
	    "GTP' (charging records, UDP 3386) have a 20-byte header.",
};

const struct st_proto st_proto_gtpprime = {
	.name = "gtpprime",
	.ws = "gtp",
	.title = "GPRS Tunnelling Protocol Prime (version 0, charging)",
	.rfc = "GSM 09.60, 3GPP TS 32.295",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TUNNEL,
	.fields = gtp_fields,
	.nfields = NFIELDS(gtp_fields),
	.decode = gtp_decode,
	.binds = gtpprime_binds,
	.nbinds = NFIELDS(gtpprime_binds),
	.summary = gtp_summary,
	.color = "\033[33m",
	.explain = "UDP 3386: GTP version 0 (GSM 09.60) and GTP' (charging "
	    "records), a 20-byte header; a T-PDU (type 255) carries an IP "
	    "packet as in version 1.",
};
