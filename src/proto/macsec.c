/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MACsec (IEEE 802.1AE): the SecTAG after EtherType 0x88e5, the frame's
 * data (its EtherType and payload in clear, or encrypted), and the ICV
 * after it.
 *
 *  +--------+--------+--------+--------+--------+--------+--------+-----+
 *  |TCI  |AN|  SL    |      packet number (PN)           | SCI (8, if SC)
 *  +--------+--------+--------+--------+--------+--------+--------+-----+
 *  TCI: V (version 0), ES (end station), SC (SCI present), SCB (EPON),
 *  E (encrypted), C (changed text); AN the association number.
 *
 * SL, the short length, is the data's length when under 48 bytes (the
 * frame may be padded after the ICV); 0: the ICV is the frame's last 16
 * bytes.  E and C set: the data is encrypted (no EtherType in clear).
 */
#include "strata/out.h"
#include "fields.h"

#define ICV	16

enum {
	F_TCI, F_V, F_ES, F_SC, F_SCB, F_E, F_C, F_AN, F_SL, F_PN, F_SYS,
	F_PORT, F_ETYPE, F_ICV
};

static const struct st_field_desc macsec_fields[] = {
	FDX("tci", "macsec.TCI", "Tag control information", 0, 6,
	    ST_FMT_HEX, 0, 0, 0, 0x08, NULL),
	FDD(NULL, "macsec.TCI.V", "Version", 0, 1, ST_FMT_HEX),
	FDD(NULL, "macsec.TCI.ES", "End station", 1, 1, ST_FMT_BOOL),
	FDD(NULL, "macsec.TCI.SC", "SCI present", 2, 1, ST_FMT_BOOL),
	FDD(NULL, "macsec.TCI.SCB", "Single copy broadcast", 3, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "macsec.TCI.E", "Encrypted", 4, 1, ST_FMT_BOOL),
	FDD(NULL, "macsec.TCI.C", "Changed text", 5, 1, ST_FMT_BOOL),
	FD("an", "macsec.AN", "Association number", 6, 2, ST_FMT_HEX),
	FD("sl", "macsec.SL", "Short length", 10, 6, ST_FMT_DEC),
	FD("pn", "macsec.PN", "Packet number", 16, 32, ST_FMT_DEC),
	FD("system", "macsec.SCI.system_identifier", "SCI system identifier",
	    48, 48, ST_FMT_MAC),
	FD("port", "macsec.SCI.port_identifier", "SCI port identifier", 96,
	    16, ST_FMT_DEC),
	FD("etype", "macsec.etype", "EtherType", 0, 16, ST_FMT_HEX),
	FD(NULL, "macsec.ICV", "Integrity check value", 0, 0, ST_FMT_BYTES),
};

static int
macsec_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned tci, sl;
	size_t hdr, n = st_cur_left(c), data;

	if (st_dfields(d, c, macsec_fields, F_SYS) != ST_OK)
		return c->err;
	tci = (unsigned)st_peek_bits(c, 0, 8);
	sl = (unsigned)st_peek_bits(c, 10, 6);
	hdr = 6;
	if (tci & 0x20) {
		st_dfields(d, c, macsec_fields + F_SYS, 2);
		hdr = 14;
	}
	if (c->err != ST_OK)
		return c->err;
	if (tci & 0x80)
		return st_dmalformed(d, "version 1 (only 0 is defined)");
	/* The data: SL bytes, or up to the ICV at the frame's end. */
	if (sl != 0)
		data = sl;
	else if (n >= hdr + ICV && d->pkt->caplen >= d->pkt->len)
		data = n - hdr - ICV;
	else
		data = n > hdr ? n - hdr : 0;
	if (n >= hdr + data + ICV)
		st_dbytes(d, c, &macsec_fields[F_ICV], hdr + data, ICV);
	if ((tci & 0x0c) == 0x0c) {
		d->hdr = hdr;
		d->plen = data;
		d->tail = ICV;
		d->data = 1;
		st_pkt_note(d->pkt, "MACsec frame encrypted: its data is shown "
		    "as bytes");
		return ST_OK;
	}
	if (data < 2)
		return st_dmalformed(d, "%zu bytes of data: no room for the "
		    "EtherType", data);
	st_dfields_at(d, c, hdr, macsec_fields + F_ETYPE, 1);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = hdr + 2;
	d->plen = data - 2;
	d->tail = ICV;
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = (uint64_t)st_peek_bits(c, hdr * 8, 16);
	return ST_OK;
}

static const struct st_bind macsec_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88e5 },
};

/* "macsec an 0 pn 68 encrypted". */
static int
macsec_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_ICV + 1];

	st_ly_fields(s->pkt, ly, macsec_fields, F_ICV + 1, f);
	st_out_puts(s->o, "macsec an ");
	s->value(s, f[F_AN]);
	st_out_puts(s->o, " pn ");
	s->value(s, f[F_PN]);
	if (f[F_E] != NULL && f[F_E]->val && f[F_C] != NULL && f[F_C]->val)
		st_out_puts(s->o, " encrypted");
	else
		st_out_puts(s->o, " integrity only");
	return 1;
}

static const struct st_field_desc *const macsec_keys[] = {
	&macsec_fields[F_TCI], &macsec_fields[F_AN], &macsec_fields[F_PN],
	&macsec_fields[F_ICV], NULL,
};

const struct st_proto st_proto_macsec = {
	.name = "macsec",
	.ws = "macsec",
	.title = "MAC Security (MACsec)",
	.rfc = "IEEE 802.1AE",
	.role = ST_ROLE_LINK,	/* a tag before the frame's EtherType */
	.fields = macsec_fields,
	.nfields = NFIELDS(macsec_fields),
	.decode = macsec_decode,
	.binds = macsec_binds,
	.nbinds = NFIELDS(macsec_binds),
	.summary = macsec_summary,
	.keys = macsec_keys,
	.color = "\033[35m",
	.explain = "Link-layer security between two neighbours: the SecTAG "
	    "says which secure channel (SCI) and association (AN) and counts "
	    "frames (PN, against replay); the 16-byte ICV at the end "
	    "authenticates the frame, and with E and C set the data is "
	    "encrypted.",
};
