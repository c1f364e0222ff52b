/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VRRP, version 2 (RFC 3768) and version 3 (RFC 5798).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Type  | Virtual Rtr ID|   Priority    | Count IP Addrs|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Auth Type   |   Adver Int   |          Checksum             |  v2
 * |(rsvd) |     Max Adver Int     |          Checksum             |  v3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  IP addresses (IPv4, or IPv6 in v3)           |
 * |            Authentication data (v2: 8 bytes)                  |
 *
 * A version 3 checksum covers the IP pseudo-header too; version 2's only
 * the message.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_TYPEVER, F_VER, F_TYPE, F_VRID, F_PRIO, F_COUNT, F_AUTHT, F_ADV,
	F_RSV, F_SADV, F_CKSUM, F_CKSTAT, F_ADDR4, F_ADDR6, F_AUTH };

static const struct st_valname vrrp_auth_names[] = {
	{ 0, "No Authentication" }, { 1, "Simple Text Authentication" },
	{ 2, "IP Authentication Header" }, { 0, NULL }
};

static const struct st_valname vrrp_type_names[] = {
	{ 1, "Advertisement" }, { 0, NULL }
};

static const struct st_field_desc vrrp_fields[] = {
	FD(NULL, "vrrp.typever", "VRRP message version and type", 0, 8,
	    ST_FMT_DEC),
	FDD("version", "vrrp.version", "Version", 0, 4, ST_FMT_DEC),
	FDDN("type", "vrrp.type", "Type", 4, 4, ST_FMT_DEC, vrrp_type_names),
	FD("vrid", "vrrp.virt_rtr_id", "Virtual router ID", 8, 8,
	    ST_FMT_DEC),
	FD("prio", "vrrp.prio", "Priority", 16, 8, ST_FMT_DEC),
	FD(NULL, "vrrp.addr_count", "Address count", 24, 8, ST_FMT_DEC),
	FDN(NULL, "vrrp.auth_type", "Auth type", 32, 8, ST_FMT_DEC,
	    vrrp_auth_names),
	FD(NULL, "vrrp.adver_int", "Advertisement interval", 40, 8,
	    ST_FMT_DEC),
	FD(NULL, "vrrp.reserved_mbz", "Reserved", 32, 4, ST_FMT_DEC),
	FD(NULL, "vrrp.short_adver_int", "Advertisement interval", 36, 12,
	    ST_FMT_DEC),
	FDX("chksum", "vrrp.checksum", "Checksum", 48, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDGS("vrrp.checksum.status", "Checksum status"),
	FD(NULL, "vrrp.ip_addr", "IP address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "vrrp.ipv6_addr", "IPv6 address", 0, 128, ST_FMT_IPV6),
	FD(NULL, "vrrp.auth_string", "Authentication string", 0, 0,
	    ST_FMT_TEXT),
};

static const struct st_ckspec vrrp_ck = {
	.field = &vrrp_fields[F_CKSUM],
	.status = &vrrp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

static const struct st_ckspec vrrp3_ck = {
	.field = &vrrp_fields[F_CKSUM],
	.status = &vrrp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.pseudo = 112,
};

/* A version 2 simple-text password at byte off: up to its first NUL. */
static void
vrrp_auth(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char text[8 * 4 + 1];
	size_t n;

	w.off += off;
	if ((p = st_get_bytes(&w, 8)) == NULL) {
		c->err = w.err;
		return;
	}
	for (n = 0; n < 8 && p[n] != 0; n++)
		;
	st_escape(p, n, text, sizeof(text));
	w.off -= 8;
	st_dtext(d, &w, &vrrp_fields[F_AUTH], 0, 8, text);
}

static int
vrrp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 8, alen;
	struct st_field *ck;
	struct st_cur w;
	unsigned ver, n, i;

	st_dfields(d, c, vrrp_fields, F_AUTHT);
	if (c->err != ST_OK)
		return c->err;
	ver = (unsigned)st_peek_bits(c, 0, 4);
	if (ver != 2 && ver != 3)
		return st_dmalformed(d, "VRRP version %u", ver);
	st_dfields(d, c, vrrp_fields + (ver == 2 ? F_AUTHT : F_RSV), 2);
	ck = st_dfield(d, c, &vrrp_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	n = (unsigned)st_peek_bits(c, 24, 8);
	alen = ver == 3 && d->net.fam == 6 ? 16 : 4;
	for (i = 0; i < n && c->err == ST_OK; i++, off += alen) {
		w = *c;
		w.off += off;
		st_dfield(d, &w, &vrrp_fields[alen == 16 ? F_ADDR6 : F_ADDR4]);
		c->err = w.err;
	}
	if (ver == 2 && c->err == ST_OK && st_peek_bits(c, 32, 8) == 1)
		vrrp_auth(d, c, off);
	if (ver == 2)
		off += 8;
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	d->hdr = off < left ? off : left;
	st_dck(d, c, ver == 2 ? &vrrp_ck : &vrrp3_ck, ck, d->hdr);
	d->data = 1;
	return ST_OK;
}

static const struct st_bind vrrp_binds[] = {
	{ ST_KEY_IPPROTO, 112 },
};

/* As tcpdump: "VRRPv2, Advertisement, vrid 1, prio 100". */
static int
vrrp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_AUTH + 1];
	struct st_out *o = s->o;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, vrrp_fields, F_AUTH + 1, f);
	/* The version and type from their byte: the summary decodes no
	 * detail rows. */
	if (f[F_TYPEVER] == NULL || f[F_VRID] == NULL || f[F_PRIO] == NULL) {
		st_out_puts(o, "VRRP");
		return 1;
	}
	st_out_printf(o, "VRRPv%u, %s, vrid %u, prio %u",
	    (unsigned)f[F_TYPEVER]->val >> 4, (f[F_TYPEVER]->val & 0xf) == 1 ?
	    "Advertisement" : "unknown type", (unsigned)f[F_VRID]->val,
	    (unsigned)f[F_PRIO]->val);
	return 1;
}

static const struct st_field_desc *const vrrp_keys[] = {
	&vrrp_fields[F_VRID], &vrrp_fields[F_PRIO], NULL,
};

const struct st_proto st_proto_vrrp = {
	.name = "vrrp",
	.ws = "vrrp",
	.title = "Virtual Router Redundancy Protocol",
	.rfc = "RFC 5798",
	.role = ST_ROLE_CONTROL,
	.fields = vrrp_fields,
	.nfields = NFIELDS(vrrp_fields),
	.decode = vrrp_decode,
	.binds = vrrp_binds,
	.nbinds = NFIELDS(vrrp_binds),
	.cksum = &vrrp_ck,
	.summary = vrrp_summary,
	.keys = vrrp_keys,
	.color = "\033[36m",
	.explain = "Routers sharing a virtual router's addresses: the master "
	    "(highest priority) advertises itself every interval, and a "
	    "backup takes over when the advertisements stop.  Version 2 "
	    "carries IPv4 addresses and an 8-byte authentication field; "
	    "version 3 (IPv4 or IPv6) drops the authentication and counts "
	    "the interval in centiseconds.",
};
