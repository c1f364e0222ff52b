/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CDP, the Cisco Discovery Protocol, after SNAP (OUI 0x00000c, PID 0x2000).
 *
 * +---------------+---------------+-------------------------------+
 * |  Version (8)  |   TTL (8, s)  |          Checksum             |
 * +---------------+---------------+-------------------------------+
 * then TLVs: type (16), length (16, the header counted), value.
 *
 * The checksum is the Internet checksum over the whole PDU, without a
 * pseudo-header; over an odd length Cisco sums the last byte its own way
 * (cdp_oddck).
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

static const struct st_valname tlv_names[] = {
	{ 0x01, "Device ID" }, { 0x02, "Addresses" }, { 0x03, "Port ID" },
	{ 0x04, "Capabilities" }, { 0x05, "Software version" },
	{ 0x06, "Platform" }, { 0x07, "IP Prefixes" },
	{ 0x09, "VTP Management Domain" }, { 0x0a, "Native VLAN" },
	{ 0x0b, "Duplex" }, { 0x0e, "VoIP VLAN Reply" },
	{ 0x10, "Power Consumption" }, { 0x11, "MTU" },
	{ 0x12, "Trust Bitmap" }, { 0x13, "Untrusted Port CoS" },
	{ 0x14, "System Name" }, { 0x16, "Management Address" },
	{ 0, NULL }
};

enum { F_VERS, F_TTL, F_CKSUM, F_CKSTAT, F_TYPE, F_LEN, F_DEVID, F_PORTID,
	F_SWVER, F_PLAT, F_VTP, F_SYSNAME, F_CAPS, F_NATIVE = F_CAPS + 12,
	F_DUPLEX, F_VOICE, F_POWER, F_MTU, F_NADDR, F_PTYPE, F_PLEN, F_PROTO, F_ALEN,
	F_ADDR, F_DATA };

/* The TLV rows are from each TLV's start. */
static const struct st_field_desc cdp_fields[] = {
	FD("version", "cdp.version", "Version", 0, 8, ST_FMT_DEC),
	FD("ttl", "cdp.ttl", "TTL (s)", 8, 8, ST_FMT_DEC),
	FDX("chksum", "cdp.checksum", "Checksum", 16, 16, ST_FMT_HEX, 0, 0,
	    ST_DF_CKSUM, 0, NULL),
	FDGS("cdp.checksum.status", "Checksum status"),
	FDN(NULL, "cdp.tlv.type", "TLV type", 0, 16, ST_FMT_HEX, tlv_names),
	FD(NULL, "cdp.tlv.len", "TLV length", 16, 16, ST_FMT_DEC),
	FD(NULL, "cdp.deviceid", "Device ID", 32, 0, ST_FMT_TEXT),
	FD(NULL, "cdp.portid", "Port ID", 32, 0, ST_FMT_TEXT),
	FD(NULL, "cdp.software_version", "Software version", 32, 0,
	    ST_FMT_TEXT),
	FD(NULL, "cdp.platform", "Platform", 32, 0, ST_FMT_TEXT),
	FD(NULL, "cdp.vtp_management_domain", "VTP management domain", 32, 0,
	    ST_FMT_TEXT),
	FD(NULL, "cdp.system_name", "System name", 32, 0, ST_FMT_TEXT),
	FD(NULL, "cdp.capabilities", "Capabilities", 32, 32, ST_FMT_HEX),
	FDD(NULL, "cdp.capabilities.router", "Router", 63, 1, ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.trans_bridge", "Transparent bridge", 62, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.src_bridge", "Source route bridge", 61, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.switch", "Switch", 60, 1, ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.host", "Host", 59, 1, ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.igmp_capable", "IGMP capable", 58, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.repeater", "Repeater", 57, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.voip_phone", "VoIP phone", 56, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.remote", "Remotely managed", 55, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.cvta", "CVTA/STP dispute resolution", 54,
	    1, ST_FMT_BOOL),
	FDD(NULL, "cdp.capabilities.mac_relay", "Two-port MAC relay", 53, 1,
	    ST_FMT_BOOL),
	FD(NULL, "cdp.native_vlan", "Native VLAN", 32, 16, ST_FMT_DEC),
	FD(NULL, "cdp.duplex", "Full duplex", 32, 8, ST_FMT_BOOL),
	FD(NULL, "cdp.voice_vlan", "Voice VLAN", 40, 16, ST_FMT_DEC),
	FD(NULL, "cdp.power_consumption", "Power consumption (mW)", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "cdp.mtu", "MTU", 32, 32, ST_FMT_DEC),
	FD(NULL, "cdp.number_of_addresses", "Number of addresses", 32, 32,
	    ST_FMT_DEC),
	/* One address, from its start. */
	FD(NULL, "cdp.protocol_type", "Protocol type", 0, 8, ST_FMT_HEX),
	FD(NULL, "cdp.protocol_length", "Protocol length", 8, 8, ST_FMT_DEC),
	FD(NULL, "cdp.protocol", "Protocol", 16, 0, ST_FMT_BYTES),
	FD(NULL, "cdp.address_length", "Address length", 0, 16, ST_FMT_DEC),
	FD(NULL, "cdp.nrgyz.ip_address", "IP address", 16, 32, ST_FMT_IPV4),
	FD(NULL, "cdp.data", "Data", 32, 0, ST_FMT_BYTES),
};

static const struct st_ckspec cdp_ck = {
	.field = &cdp_fields[F_CKSUM],
	.status = &cdp_fields[F_CKSTAT],
	.cover = ST_CKC_HEADER,		/* the header given: the whole PDU */
};

#define CDP_MAXTLV	128
#define CDP_MAXADDR	32

/* Adds n bytes at off of t as escaped text. */
static void
cdp_text(struct st_dctx *d, struct st_cur *t, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[512 * 4 + 1];

	if (n > 512)
		n = 512;
	if (!st_cur_need(t, off + n))
		return;
	st_escape(t->base + t->off + off, n, text, sizeof(text));
	st_dtext(d, t, fd, off, n, text);
}

/* The addresses TLV of n bytes: a count, then the addresses. */
static void
cdp_addrs(struct st_dctx *d, struct st_cur *t, size_t n)
{
	struct st_cur a;
	size_t pos = 8, pl, al;
	uint32_t count, i;

	if (n < 8 || st_dfield(d, t, &cdp_fields[F_NADDR]) == NULL)
		return;
	count = (uint32_t)st_peek_bits(t, 32, 32);
	for (i = 0; i < count && i < CDP_MAXADDR && pos + 2 <= n; i++) {
		a = *t;
		a.off += pos;
		st_dfields(d, &a, cdp_fields + F_PTYPE, 2);
		pl = (size_t)st_peek_bits(&a, 8, 8);
		if (a.err != ST_OK || pos + 4 + pl > n)
			break;
		st_dbytes(d, &a, &cdp_fields[F_PROTO], 2, pl);
		a.off += 2 + pl;
		st_dfield(d, &a, &cdp_fields[F_ALEN]);
		al = (size_t)st_peek_bits(&a, 0, 16);
		if (a.err != ST_OK || pos + 4 + pl + al > n)
			break;
		if (pl == 1 && al == 4)
			st_dfield(d, &a, &cdp_fields[F_ADDR]);
		pos += 4 + pl + al;
	}
}

/* The software version (TLV of n bytes at t): a field a line, as Wireshark
 * shows it, without the line ends. */
static void
cdp_lines(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t a = 4, e, len;

	while (a < n && t->err == ST_OK) {
		for (e = a; e < n && st_peek_bits(t, e * 8, 8) != '\n'; e++)
			;
		len = e - a;
		if (len > 0 && st_peek_bits(t, (e - 1) * 8, 8) == '\r')
			len--;
		cdp_text(d, t, &cdp_fields[F_SWVER], a, len);
		a = e + 1;
	}
}

/* The value of one TLV of n bytes in all at t. */
static void
cdp_tlv(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	static const uint8_t text[0x15] = {
		[0x01] = F_DEVID, [0x03] = F_PORTID, [0x05] = F_SWVER,
		[0x06] = F_PLAT, [0x09] = F_VTP, [0x14] = F_SYSNAME,
	};

	if (type == 0x05) {
		cdp_lines(d, t, n);
		return;
	}
	if (type < sizeof(text) && text[type] != 0) {
		cdp_text(d, t, &cdp_fields[text[type]], 4, n - 4);
		return;
	}
	switch (type) {
	case 0x02:
		cdp_addrs(d, t, n);
		return;
	case 0x04:
		if (n >= 8)
			st_dfields(d, t, cdp_fields + F_CAPS, 12);
		return;
	case 0x0a:
		if (n >= 6)
			st_dfield(d, t, &cdp_fields[F_NATIVE]);
		return;
	case 0x0b:
		if (n >= 5)
			st_dfield(d, t, &cdp_fields[F_DUPLEX]);
		return;
	case 0x0e:
		if (n >= 7)
			st_dfield(d, t, &cdp_fields[F_VOICE]);
		return;
	case 0x10:
		if (n >= 6)
			st_dfield(d, t, &cdp_fields[F_POWER]);
		return;
	case 0x11:
		if (n >= 8)
			st_dfield(d, t, &cdp_fields[F_MTU]);
		return;
	}
	if (n > 4)
		st_dbytes(d, t, &cdp_fields[F_DATA], 4, n - 4);
}

/*
 * An odd length: Cisco sums the last byte as the low byte of a last word
 * (as a little-endian host would), and adds it as a signed number, an off
 * by one that Wireshark makes up for in that word; so does this.
 */
static void
cdp_oddck(struct st_dctx *d, struct st_cur *c, struct st_field *ck, size_t n)
{
	uint32_t last;

	last = (uint32_t)st_peek_bits(c, (n - 1) * 8, 8);
	if ((last & 0x80) != 0)
		last = 0xff00 | (last - 1);
	st_dcksum(d, ck, c->base + c->off, n - 1, last, 1);
	st_dckstatus(d, ck, cdp_ck.status);
}

static int
cdp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 4, left = st_cur_left(c), n;
	struct st_field *ck;
	struct st_cur t;
	unsigned type, i;

	st_dfields(d, c, cdp_fields, 2);
	ck = st_dfield(d, c, &cdp_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	/* The PDU runs to the end of what SNAP carries. */
	if (left % 2 == 0)
		st_dck(d, c, &cdp_ck, ck, left);
	else
		cdp_oddck(d, c, ck, left);
	d->plen = 0;
	for (i = 0; i < CDP_MAXTLV && pos < left; i++) {
		t = *c;
		t.off += pos;
		if (st_dfields(d, &t, cdp_fields + F_TYPE, 2) != ST_OK) {
			d->hdr = left;
			return t.err;
		}
		type = (unsigned)st_peek_bits(&t, 0, 16);
		n = (size_t)st_peek_bits(&t, 16, 16);
		if (n < 4) {
			d->hdr = left;
			return st_dmalformed(d, "TLV 0x%04x of length %zu below "
			    "4", type, n);
		}
		if (n > left - pos) {
			d->hdr = left;
			return st_dmalformed(d, "TLV 0x%04x of %zu bytes runs "
			    "past the PDU", type, n);
		}
		cdp_tlv(d, &t, type, n);
		pos += n;
	}
	d->hdr = pos;
	if (pos < left)
		return st_dmalformed(d, "more than %d TLVs", CDP_MAXTLV);
	return ST_OK;
}

static const struct st_bind cdp_binds[] = {
	{ ST_KEY_SNAP, 0x00000c2000 },
	/* Cisco HDLC's protocol field, which holds EtherTypes and this. */
	{ ST_KEY_ETHERTYPE, 0x2000 },
};

/* "CDPv2, ttl: 180s, Device-ID 'sw1'", as tcpdump says it. */
static int
cdp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_DEVID + 1];

	st_ly_fields(s->pkt, ly, cdp_fields, F_DEVID + 1, f);
	if (f[F_VERS] == NULL || f[F_TTL] == NULL)
		return 0;
	st_out_printf(s->o, "CDPv%u, ttl: %us", (unsigned)f[F_VERS]->val,
	    (unsigned)f[F_TTL]->val);
	if (f[F_DEVID] != NULL && f[F_DEVID]->meaning != NULL)
		st_out_printf(s->o, ", Device-ID '%s'", f[F_DEVID]->meaning);
	return 1;
}

static const struct st_field_desc *const cdp_keys[] = {
	&cdp_fields[F_VERS], &cdp_fields[F_TTL], &cdp_fields[F_CKSUM], NULL,
};

const struct st_proto st_proto_cdp = {
	.name = "cdp",
	.ws = "cdp",
	.title = "Cisco Discovery Protocol",
	.rfc = "Cisco",
	.role = ST_ROLE_CONTROL,
	.fields = cdp_fields,
	.nfields = NFIELDS(cdp_fields),
	.decode = cdp_decode,
	.binds = cdp_binds,
	.nbinds = NFIELDS(cdp_binds),
	.cksum = &cdp_ck,
	.summary = cdp_summary,
	.keys = cdp_keys,
	.color = "\033[35m",
	.ck_what = "the whole CDP packet, without a pseudo-header",
	.explain_bits = 32,
	.explain = "TLVs follow the header: a 16-bit type and a 16-bit length "
	    "that counts the TLV's own 4-byte header.",
};
