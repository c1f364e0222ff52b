/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CARP, OpenBSD's Common Address Redundancy Protocol (carp(4)), after
 * Wireshark's packet-carp.c.  It is sent as IP protocol 112, VRRP's, in a
 * header drawn after VRRP's:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Type  | Virt. host ID |   Adv. skew   |   Auth len    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Demotion    |   Adv. base   |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Counter (64)                                 |
 * |                  SHA-1 HMAC (160)                             |
 *
 * Wireshark hands IP protocol 112 to VRRP, which takes every packet, so
 * CARP is shown only where its heuristic on Wireshark's "ip" list is
 * asked: for an IP protocol no dissector is registered for.  strata's
 * binding of 112 is VRRP's too (listed first); CARP's heuristic is asked
 * for the IP protocols nothing binds, as tshark asks it.
 */
#include "strata/out.h"
#include "fields.h"

#define CARP_LEN	36
#define CARP_AUTHLEN	7	/* the counter and HMAC in 32-bit words */

enum { C_TYPEVER, C_VER, C_TYPE, C_VHID, C_SKEW, C_AUTHLEN, C_DEMOTE,
	C_ADVBASE, C_CKSUM, C_CKSTAT, C_COUNTER, C_HMAC };

static const struct st_valname type_names[] = {
	{ 1, "Advertisement" }, { 0, NULL }
};

static const struct st_field_desc carp_fields[] = {
	FD(NULL, "carp.typever", "CARP message version and type", 0, 8,
	    ST_FMT_DEC),
	FDD("version", "carp.version", "CARP protocol version", 0, 4,
	    ST_FMT_DEC),
	FDDN("type", "carp.type", "CARP packet type", 4, 4, ST_FMT_DEC,
	    type_names),
	FD("vhid", "carp.vhid", "Virtual Host ID", 8, 8, ST_FMT_DEC),
	FD("advskew", "carp.advskew", "Advertisement Skew", 16, 8,
	    ST_FMT_DEC),
	FD(NULL, "carp.authlen", "Auth Len", 24, 8, ST_FMT_DEC),
	FD("demotion", "carp.demotion", "Demotion indicator", 32, 8,
	    ST_FMT_DEC),
	FD("advbase", "carp.adver_int", "Adver Int", 40, 8, ST_FMT_DEC),
	FDX("chksum", "carp.checksum", "Checksum", 48, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDGS("carp.checksum.status", "Checksum Status"),
	FD(NULL, "carp.counter", "Counter", 64, 64, ST_FMT_DEC),
	FDX(NULL, "carp.hmac", "HMAC", 128, 160, ST_FMT_BYTES, 0, 0,
	    ST_DF_COLONS, 0, NULL),
};

/* The message alone, as RFC 1071 sums it: no pseudo-header. */
static const struct st_ckspec carp_ck = {
	.field = &carp_fields[C_CKSUM],
	.status = &carp_fields[C_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
};

/*
 * Wireshark's test: 36 bytes captured, version 1 or 2, type 1
 * (advertisement), and an authentication length of 7 words.
 */
static int
carp_heuristic(struct st_cur *c)
{
	unsigned tv, ver;

	if (st_cur_left(c) < CARP_LEN)
		return 0;
	tv = (unsigned)st_peek_bits(c, 0, 8);
	ver = tv >> 4;
	return c->err == ST_OK && (ver == 1 || ver == 2) && (tv & 0xf) == 1 &&
	    st_peek_bits(c, 24, 8) == CARP_AUTHLEN;
}

static int
carp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_field *ck;

	st_dfields(d, c, carp_fields, C_CKSUM);
	ck = st_dfield(d, c, &carp_fields[C_CKSUM]);
	st_dfields(d, c, &carp_fields[C_COUNTER], 2);
	if (c->err != ST_OK || left < CARP_LEN) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = CARP_LEN;
	st_dck(d, c, &carp_ck, ck, d->hdr);
	d->data = 1;
	return ST_OK;
}

/* Listed after VRRP, which keeps 112 (as in Wireshark). */
static const struct st_bind carp_binds[] = {
	{ ST_KEY_IPPROTO, 112 },
};

/* "CARPv2, Advertisement, vhid 1, advbase 1, advskew 0, demote 0". */
static int
carp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[C_ADVBASE + 1];
	struct st_out *o = s->o;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, carp_fields, C_ADVBASE + 1, f);
	if (f[C_TYPEVER] == NULL || f[C_VHID] == NULL || f[C_SKEW] == NULL ||
	    f[C_DEMOTE] == NULL || f[C_ADVBASE] == NULL) {
		st_out_puts(o, "CARP");
		return 1;
	}
	st_out_printf(o, "CARPv%u, %s, vhid %u, advbase %u, advskew %u, "
	    "demote %u", (unsigned)f[C_TYPEVER]->val >> 4,
	    (f[C_TYPEVER]->val & 0xf) == 1 ? "Advertisement" : "unknown type",
	    (unsigned)f[C_VHID]->val, (unsigned)f[C_ADVBASE]->val,
	    (unsigned)f[C_SKEW]->val, (unsigned)f[C_DEMOTE]->val);
	return 1;
}

static const struct st_field_desc *const carp_keys[] = {
	&carp_fields[C_VHID], &carp_fields[C_SKEW], &carp_fields[C_ADVBASE],
	NULL,
};

const struct st_proto st_proto_carp = {
	.name = "carp",
	.ws = "carp",
	.title = "Common Address Redundancy Protocol",
	.rfc = "OpenBSD carp(4), no RFC",
	.role = ST_ROLE_CONTROL,
	.fields = carp_fields,
	.nfields = NFIELDS(carp_fields),
	.decode = carp_decode,
	.binds = carp_binds,
	.nbinds = NFIELDS(carp_binds),
	.heuristic = carp_heuristic,
	.cksum = &carp_ck,
	.summary = carp_summary,
	.keys = carp_keys,
	.color = "\033[36m",
	.explain = "OpenBSD's free answer to VRRP: hosts sharing a virtual "
	    "host's addresses elect a master, which advertises itself every "
	    "advbase seconds plus advskew/256; the host with the smallest "
	    "interval wins, and the demotion counter lets a host step back "
	    "(a failed link, a starting daemon).  Each advertisement carries "
	    "a 64-bit counter against replays and a SHA-1 HMAC keyed with "
	    "the shared password.  CARP uses VRRP's IP protocol number, 112; "
	    "Wireshark shows 112 as VRRP and recognises CARP by its content "
	    "(version 1 or 2, type 1, auth len 7) only on IP protocols it "
	    "has no dissector for, and strata does the same.",
};
