/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * L2TP version 2 (RFC 2661) over UDP port 1701: PPP sessions in a tunnel.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |T|L|x|x|S|x|O|P|x|x|x|x|  Ver  |          Length (opt)         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Tunnel ID           |           Session ID          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Ns (opt)          |             Nr (opt)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Offset Size (opt)        |    Offset pad... (opt)
 *
 * A control message (T) carries attribute-value pairs, each with flags
 * (M, H), a 10-bit length, a vendor ID and a type; a data message a PPP
 * frame, which goes on as a DLT_PPP frame (data while no PPP decoder is
 * registered).
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define L2TP_MAX_AVPS	64	/* attribute-value pairs decoded */

enum { F_FLAGS, F_TYPE, F_LBIT, F_SBIT, F_OBIT, F_PRIO, F_VER, F_LEN,
	F_TUNNEL, F_SESSION, F_NS, F_NR, F_OFF };

static const struct st_valname type_names[] = {
	{ 0, "data message" }, { 1, "control message" }, { 0, NULL }
};

static const struct st_field_desc l2tp_fields[] = {
	FD("flags", "l2tp.flags", "Flags", 0, 16, ST_FMT_HEX),
	FDDN(NULL, "l2tp.type", "Type", 0, 1, ST_FMT_DEC, type_names),
	FDD(NULL, "l2tp.length_bit", "Length bit", 1, 1, ST_FMT_BOOL),
	FDD(NULL, "l2tp.seq_bit", "Sequence bit", 4, 1, ST_FMT_BOOL),
	FDD(NULL, "l2tp.offset_bit", "Offset bit", 6, 1, ST_FMT_BOOL),
	FDD(NULL, "l2tp.priority", "Priority", 7, 1, ST_FMT_BOOL),
	FDD("ver", "l2tp.version", "Version", 12, 4, ST_FMT_DEC),
	FD("len", "l2tp.length", "Length", 0, 16, ST_FMT_DEC),
	FD("tunnel", "l2tp.tunnel", "Tunnel ID", 0, 16, ST_FMT_DEC),
	FD("session", "l2tp.session", "Session ID", 0, 16, ST_FMT_DEC),
	FD(NULL, "l2tp.Ns", "Ns", 0, 16, ST_FMT_DEC),
	FD(NULL, "l2tp.Nr", "Nr", 0, 16, ST_FMT_DEC),
	FD(NULL, "l2tp.offset", "Offset", 0, 16, ST_FMT_DEC),
};

enum { A_M, A_H, A_LEN, A_VENDOR, A_TYPE, A_VAL };

static const struct st_field_desc avp_fields[] = {
	FD(NULL, "l2tp.avp.mandatory", "Mandatory", 0, 1, ST_FMT_BOOL),
	FD(NULL, "l2tp.avp.hidden", "Hidden", 1, 1, ST_FMT_BOOL),
	FD(NULL, "l2tp.avp.length", "Length", 6, 10, ST_FMT_DEC),
	FD(NULL, "l2tp.avp.vendor_id", "Vendor ID", 16, 16, ST_FMT_DEC),
	FD(NULL, "l2tp.avp.type", "AVP type", 32, 16, ST_FMT_DEC),
	FD(NULL, "strata.l2tp.avp.value", "Value", 0, 0, ST_FMT_BYTES),
};

/* The 16-bit word of row r at byte off. */
static void
word(struct st_dctx *d, struct st_cur *c, size_t off, unsigned r)
{
	struct st_cur w = *c;

	w.off += off;
	st_dfield(d, &w, &l2tp_fields[r]);
	if (w.err != ST_OK)
		c->err = w.err;
}

/* The attribute-value pairs in the n bytes at c. */
static void
l2tp_avps(struct st_dctx *d, struct st_cur c, size_t n)
{
	size_t pos = 0, len;
	struct st_cur a;
	unsigned i;

	for (i = 0; pos < n && i < L2TP_MAX_AVPS; i++) {
		a = c;
		a.off += pos;
		if (n - pos < 6) {
			st_dmalformed(d, "AVP header cut short");
			return;
		}
		st_dfields(d, &a, avp_fields, A_VAL);
		len = (size_t)st_peek_bits(&a, 6, 10);
		if (len < 6 || len > n - pos) {
			st_dmalformed(d, "AVP length %zu", len);
			return;
		}
		if (len > 6)
			st_dbytes(d, &a, &avp_fields[A_VAL], 6, len - 6);
		pos += len;
	}
	if (pos < n)
		st_dmalformed(d, "more than %d AVPs", L2TP_MAX_AVPS);
}

static int
l2tp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t off = 2, left = st_cur_left(c), len = 0;
	unsigned fl;

	st_dfields(d, c, l2tp_fields, F_LEN);
	fl = (unsigned)st_peek_bits(c, 0, 16);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 2;
	if ((fl & 0xf) != 2)
		return (fl & 0xf) == 3 ? ST_ENOTME :
		    st_dmalformed(d, "version %u", fl & 0xf);
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (fl & 0x4000) {
		word(d, c, off, F_LEN);
		if (c->err == ST_OK)
			len = (size_t)st_peek_bits(c, off * 8, 16);
		off += 2;
	}
	word(d, c, off, F_TUNNEL);
	word(d, c, off + 2, F_SESSION);
	off += 4;
	if (fl & 0x0800) {
		word(d, c, off, F_NS);
		word(d, c, off + 2, F_NR);
		off += 4;
	}
	if (fl & 0x0200) {
		word(d, c, off, F_OFF);
		if (c->err == ST_OK)
			off += 2 + (size_t)st_peek_bits(c, off * 8, 16);
	}
	if (c->err != ST_OK || off > left) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = off;
	if (len != 0) {
		if (len < off)
			return st_dmalformed(d, "length %zu below the header's "
			    "%zu", len, off);
		d->plen = len - off;
	}
	if (fl & 0x8000) {		/* control: AVPs, all of them ours */
		struct st_cur a = *c;
		size_t n = (len != 0 && len < left ? len : left) - off;

		a.off += off;
		l2tp_avps(d, a, n);
		d->hdr = off + n;
		d->plen = 0;
		return d->ly->status == ST_LS_MALFORMED ? ST_EINVAL : ST_OK;
	}
	d->next_key = ST_KEY_LINK;
	d->next_val = DLT_PPP;
	return ST_OK;
}

static const struct st_bind l2tp_binds[] = {
	{ ST_KEY_UDPPORT, 1701 },
};

/* "l2tp tunnel 1 session 2" (control: "... control n AVPs" after ends). */
static int
l2tp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_OFF + 1];
	const struct st_field *a = &s->pkt->fields[ly->field0];
	unsigned n = 0, i;

	st_ly_fields(s->pkt, ly, l2tp_fields, F_OFF + 1, f);
	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(s->o, ' ');
	}
	st_out_puts(s->o, "l2tp tunnel ");
	s->value(s, f[F_TUNNEL]);
	st_out_puts(s->o, " session ");
	s->value(s, f[F_SESSION]);
	if (f[F_FLAGS] != NULL && (f[F_FLAGS]->val & 0x8000)) {
		for (i = 0; i < ly->nfields; i++)
			n += a[i].desc == &avp_fields[A_TYPE];
		st_out_printf(s->o, " control %u AVPs", n);
	}
	return 1;
}

static const struct st_field_desc *const l2tp_keys[] = {
	&l2tp_fields[F_TUNNEL], &l2tp_fields[F_SESSION], &l2tp_fields[F_FLAGS],
	NULL,
};

const struct st_proto st_proto_l2tp = {
	.name = "l2tp",
	.ws = "l2tp",
	.title = "Layer 2 Tunneling Protocol",
	.rfc = "RFC 2661",
	.role = ST_ROLE_TRANSPORT,
	.flags = ST_PF_TUNNEL,
	.fields = l2tp_fields,
	.nfields = NFIELDS(l2tp_fields),
	.more = avp_fields,
	.nmore = NFIELDS(avp_fields),
	.decode = l2tp_decode,
	.binds = l2tp_binds,
	.nbinds = NFIELDS(l2tp_binds),
	.summary = l2tp_summary,
	.keys = l2tp_keys,
	.color = "\033[33m",
	.explain_bits = 16,
	.explain = "The flags say which words follow: length (L), sequence "
	    "numbers Ns and Nr (S), an offset (O). Control messages (T) carry "
	    "attribute-value pairs; data messages a PPP frame.",
};
