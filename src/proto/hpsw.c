/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HP's switch protocol (extended SAP 0x0623 under HP's extended LLC,
 * hpext.c): ProCurve switches announce themselves to their neighbours.  No
 * public specification; the layout as Wireshark reads it:
 *
 *   version (1) | type (1) | TLVs: type (1) | length (1) | value
 *
 * TLVs: 1 device name, 2 software version, 3 configuration name (text);
 * 4 root MAC; 5 IPv4 address; 6, 8, 9 16-bit words; 7 domain (text);
 * 10 a 32-bit word; 11 neighbours (MACs); 12 a byte; 13 device ID (a MAC
 * and data); 14 the switch's own MAC.  A value of the wrong length is
 * shown as nothing; a length of 0 or past the frame ends the list.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define HPSW_MAXTLV	64
#define HPSW_MAXNB	42	/* neighbours of one TLV: 255 / 6 */

static const struct st_valname tlv_names[] = {
	{ 1, "Device Name" }, { 2, "Version" }, { 3, "Config Name" },
	{ 4, "Root MAC Addr" }, { 5, "IP Addr" }, { 6, "Field 6" },
	{ 7, "Domain" }, { 8, "Field 8" }, { 9, "Field 9" },
	{ 10, "Field 10" }, { 11, "Neighbors" }, { 12, "Field 12" },
	{ 13, "Device ID" }, { 14, "2nd MAC Addr" }, { 0, NULL }
};

enum { F_VERS, F_TYPE, F_TTYPE, F_TLEN, F_NAME, F_SWVERS, F_CONFIG,
	F_ROOTMAC, F_IP, F_F6, F_DOMAIN, F_F8, F_F9, F_F10, F_NBMAC, F_F12,
	F_OWNMAC, F_DEVID, F_DEVDATA, F_DATA, F_NFIELDS };

static const struct st_field_desc hpsw_fields[] = {
	[F_VERS] = FD("version", "hpsw.version", "Version", 0, 8, ST_FMT_HEX),
	[F_TYPE] = FD("type", "hpsw.type", "Type", 8, 8, ST_FMT_HEX),
	[F_TTYPE] = FDN(NULL, "hpsw.tlv_type", "Type", 0, 8, ST_FMT_HEX,
	    tlv_names),
	[F_TLEN] = FD(NULL, "hpsw.tlv_len", "Length", 8, 8, ST_FMT_DEC),
	[F_NAME] = FD(NULL, "hpsw.device_name", "Device Name", 0, 0,
	    ST_FMT_TEXT),
	[F_SWVERS] = FD(NULL, "hpsw.device_version", "Version", 0, 0,
	    ST_FMT_TEXT),
	[F_CONFIG] = FD(NULL, "hpsw.config_name", "Config Name", 0, 0,
	    ST_FMT_TEXT),
	[F_ROOTMAC] = FD(NULL, "hpsw.root_mac_addr", "Root MAC Addr", 16, 48,
	    ST_FMT_MAC),
	[F_IP] = FD(NULL, "hpsw.ip_addr", "IP Addr", 16, 32, ST_FMT_IPV4),
	[F_F6] = FD(NULL, "hpsw.field_6", "Field 6", 16, 16, ST_FMT_HEX),
	[F_DOMAIN] = FD(NULL, "hpsw.domain", "Domain", 0, 0, ST_FMT_TEXT),
	[F_F8] = FD(NULL, "hpsw.field_8", "Field 8", 16, 16, ST_FMT_HEX),
	[F_F9] = FD(NULL, "hpsw.field_9", "Field 9", 16, 16, ST_FMT_HEX),
	[F_F10] = FD(NULL, "hpsw.field_10", "Field 10", 16, 32, ST_FMT_HEX),
	[F_NBMAC] = FD(NULL, "hpsw.neighbor_mac_addr", "MAC Addr", 0, 48,
	    ST_FMT_MAC),
	[F_F12] = FD(NULL, "hpsw.field_12", "Field 12", 16, 8, ST_FMT_HEX),
	[F_OWNMAC] = FD(NULL, "hpsw.own_mac_addr", "Own MAC Addr", 16, 48,
	    ST_FMT_MAC),
	[F_DEVID] = FD(NULL, "hpsw.device_id", "Device ID", 16, 48,
	    ST_FMT_MAC),
	[F_DEVDATA] = FD(NULL, "hpsw.device_id_data", "Data", 0, 0,
	    ST_FMT_BYTES),
	[F_DATA] = FD(NULL, "hpsw.data", "Data", 0, 0, ST_FMT_BYTES),
};

#define F(i)	(&hpsw_fields[i])

/* Text of n bytes at off of t, to its first NUL, as Wireshark shows an
 * ASCII string. */
static void
hpsw_text(struct st_dctx *d, struct st_cur *t, int f, size_t off, size_t n)
{
	char text[255 * 4 + 1];
	const uint8_t *p;
	size_t k;

	if (!st_cur_need(t, off + n))
		return;
	p = t->base + t->off + off;
	for (k = 0; k < n && p[k] != 0; k++)
		;
	st_escape(p, k, text, sizeof(text));
	st_dtext(d, t, F(f), off, n, text);
}

/* The value of TLV type (n bytes) at t (its type byte). */
static void
hpsw_tlv(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	static const struct { uint8_t len, field; } fixed[] = {
		[4] = { 6, F_ROOTMAC }, [5] = { 4, F_IP }, [6] = { 2, F_F6 },
		[8] = { 2, F_F8 }, [9] = { 2, F_F9 }, [10] = { 4, F_F10 },
		[12] = { 1, F_F12 }, [14] = { 6, F_OWNMAC },
	};
	struct st_cur m;
	size_t i;

	switch (type) {
	case 1: case 2: case 3: case 7:
		hpsw_text(d, t, type == 1 ? F_NAME : type == 2 ? F_SWVERS :
		    type == 3 ? F_CONFIG : F_DOMAIN, 2, n);
		return;
	case 11:
		if (n % 6 != 0)
			return;
		for (i = 0; i < n / 6 && i < HPSW_MAXNB; i++) {
			m = *t;
			m.off += 2 + i * 6;
			st_dfield(d, &m, F(F_NBMAC));
		}
		return;
	case 13:
		if (n <= 6)
			return;
		st_dfield(d, t, F(F_DEVID));
		st_dbytes(d, t, F(F_DEVDATA), 8, n - 6);
		return;
	}
	if (type < sizeof(fixed) / sizeof(fixed[0]) && fixed[type].len != 0) {
		if (n == fixed[type].len)
			st_dfield(d, t, F(fixed[type].field));
		return;
	}
	st_dbytes(d, t, F(F_DATA), 2, n);
}

static int
hpsw_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 2, left = st_cur_left(c), n;
	/* The capture cut this layer's bytes (not a trailer after them). */
	int cut = d->pkt->caplen < d->pkt->len && c->end >= d->pkt->caplen;
	struct st_cur t;
	unsigned i, type;

	if (st_dfields(d, c, hpsw_fields, 2) != ST_OK)
		return c->err;
	d->hdr = left;
	for (i = 0; i < HPSW_MAXTLV && pos < left; i++) {
		t = *c;
		t.off += pos;
		if (left - pos < 2)
			return cut ? ST_ETRUNC :
			    st_dmalformed(d, "a TLV header cut at the end");
		type = (unsigned)st_peek_bits(&t, 0, 8);
		n = (size_t)st_peek_bits(&t, 8, 8);
		if (n == 0)
			return st_dmalformed(d, "TLV %u of length 0", type);
		if (n > left - pos - 2)
			return cut ? ST_ETRUNC :
			    st_dmalformed(d, "TLV %u of %zu bytes runs past "
			    "the frame", type, n);
		st_dfields(d, &t, hpsw_fields + F_TTYPE, 2);
		hpsw_tlv(d, &t, type, n);
		pos += 2 + n;
	}
	if (pos < left)
		return st_dmalformed(d, "more than %d TLVs", HPSW_MAXTLV);
	return cut ? ST_ETRUNC : ST_OK;
}

/* "hpsw HP 4000M C.09.16 192.168.0.12": name, version, address. */
static int
hpsw_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, hpsw_fields, F_NFIELDS, f);
	st_out_puts(s->o, "hpsw");
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	if (f[F_SWVERS] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_SWVERS]);
	}
	if (f[F_IP] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_IP]);
	}
	return 1;
}

static const struct st_field_desc *const hpsw_keys[] = {
	&hpsw_fields[F_VERS], &hpsw_fields[F_TYPE], NULL,
};

const struct st_proto st_proto_hpsw = {
	.name = "hpsw",
	.ws = "hpsw",
	.title = "HP Switch Protocol",
	.rfc = "(none public)",
	.role = ST_ROLE_CONTROL,
	.fields = hpsw_fields,
	.nfields = F_NFIELDS,
	.decode = hpsw_decode,
	.summary = hpsw_summary,
	.keys = hpsw_keys,
	.color = "\033[33m",
	.explain = "HP ProCurve switches multicast this discovery message "
	    "(to 09:00:09:00:00:67) under HP's extended LLC: a version, a "
	    "type and TLVs naming the switch, its software version and "
	    "configuration name, its IPv4 address, its own MAC and the MACs "
	    "of neighbours it heard.  Several TLVs (6, 8, 9, 10, 12) carry "
	    "numbers whose meaning HP never published.",
};
