/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ISAKMP (RFC 2408, the IPsec DOI RFC 2407) and IKEv2 (RFC 7296) payloads
 * for isakmp.c: each payload's generic header, then its body by type (an
 * SA's proposals and transforms with their attributes, key exchange,
 * identification, nonce, notification, delete, vendor ID, authentication,
 * IKEv2's encrypted payload), as Wireshark reads them.
 *
 *  0                   1                   2                   3
 * +---------------+---------------+-------------------------------+
 * | Next Payload  |C|  RESERVED   |         Payload Length        |
 * +---------------+---------------+-------------------------------+
 *
 * (IKEv1 has a reserved byte where IKEv2 has the critical bit.)
 */
#include <string.h>

#include "isakmp.h"

const struct st_valname st_isakmp_payload_names[] = {
	{ 0, "none" }, { 1, "security association" }, { 2, "proposal" },
	{ 3, "transform" }, { 4, "key exchange" }, { 5, "identification" },
	{ 6, "certificate" }, { 7, "certificate request" }, { 8, "hash" },
	{ 9, "signature" }, { 10, "nonce" }, { 11, "notification" },
	{ 12, "delete" }, { 13, "vendor ID" }, { 20, "NAT-D" },
	{ 21, "NAT-OA" }, { 33, "security association" },
	{ 34, "key exchange" }, { 35, "identification (initiator)" },
	{ 36, "identification (responder)" }, { 37, "certificate" },
	{ 38, "certificate request" }, { 39, "authentication" },
	{ 40, "nonce" }, { 41, "notify" }, { 42, "delete" },
	{ 43, "vendor ID" }, { 44, "traffic selector (initiator)" },
	{ 45, "traffic selector (responder)" }, { 46, "encrypted" },
	{ 47, "configuration" }, { 48, "EAP" }, { 53, "encrypted fragment" },
	{ 0, NULL }
};

const struct st_field_desc st_isakmp_pl[P_COUNT] = {
	FDN(NULL, "isakmp.typepayload", "Payload", 0, 8, ST_FMT_DEC,
	    st_isakmp_payload_names),
	FDN(NULL, st_isakmp_nextpayload, "Next payload", 0, 8, ST_FMT_DEC,
	    st_isakmp_payload_names),
	FD(NULL, "isakmp.criticalpayload", "Critical bit", 8, 1, ST_FMT_BOOL),
	FD(NULL, "isakmp.reserved7", "Reserved", 9, 7, ST_FMT_HEX),
	FD(NULL, "isakmp.payloadlength", "Payload length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "strata.isakmp.payload", "Payload data", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.extradata", "Extra data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "strata.isakmp.encrypted", "Encrypted payloads", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.prop.number", "Proposal number", 32, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.prop.protoid", "Protocol ID", 40, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.spisize", "SPI size", 48, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.prop.transforms", "Proposal transforms", 56, 8,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.spi", "SPI", 0, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.trans.number", "Transform number", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.trans.id", "Transform ID", 40, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.type", "Transform type", 32, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id", "Transform ID", 48, 16, ST_FMT_DEC),
	/* The transform ID by transform type 1 to 5, as Wireshark names it. */
	FD(NULL, "isakmp.tf.id.encr", "Transform ID (ENCR)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.prf", "Transform ID (PRF)", 48, 16, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.integ", "Transform ID (INTEG)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.dh", "Transform ID (D-H)", 48, 16, ST_FMT_DEC),
	FD(NULL, "isakmp.tf.id.esn", "Transform ID (ESN)", 48, 16, ST_FMT_DEC),
	/* IKEv1's reserved byte of a payload header; other reserved bytes. */
	FD(NULL, "isakmp.reserved", "Reserved", 8, 8, ST_FMT_BYTES),
	/* Payload bodies: bit offsets from the payload's start. */
	FD(NULL, "isakmp.sa.doi", "Domain of interpretation", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.sa.situation", "Situation", 64, 32, ST_FMT_BYTES),
	FDD(NULL, "isakmp.sa.situation.identity_only", "Identity only", 95,
	    1, ST_FMT_BOOL),
	FDD(NULL, "isakmp.sa.situation.secrecy", "Secrecy", 94, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "isakmp.sa.situation.integrity", "Integrity", 93, 1,
	    ST_FMT_BOOL),
	FD(NULL, "isakmp.key_exchange.dh_group", "DH group", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.key_exchange.data", "Key exchange data", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.id.type", "ID type", 32, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.id.protoid", "Protocol ID", 40, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.id.port", "Port", 48, 16, ST_FMT_DEC),
	FD(NULL, "isakmp.id.data", "Identification data", 64, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.id.data.ipv4_addr", "ID_IPV4_ADDR", 64, 32,
	    ST_FMT_IPV4),
	FD(NULL, "isakmp.id.data.ipv4_subnet", "ID_IPV4_SUBNET", 96, 32,
	    ST_FMT_IPV4),
	FD(NULL, "isakmp.id.data.ipv4_range_start", "ID_IPV4_RANGE (start)",
	    64, 32, ST_FMT_IPV4),
	FD(NULL, "isakmp.id.data.ipv4_range_end", "ID_IPV4_RANGE (end)", 96,
	    32, ST_FMT_IPV4),
	FD(NULL, "isakmp.id.data.ipv6_addr", "ID_IPV6_ADDR", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "isakmp.id.data.ipv6_subnet", "ID_IPV6_SUBNET", 192, 128,
	    ST_FMT_IPV6),
	FD(NULL, "isakmp.id.data.ipv6_range_start", "ID_IPV6_RANGE (start)",
	    64, 128, ST_FMT_IPV6),
	FD(NULL, "isakmp.id.data.ipv6_range_end", "ID_IPV6_RANGE (end)", 192,
	    128, ST_FMT_IPV6),
	FD(NULL, "isakmp.id.data.fqdn", "ID_FQDN", 64, 0, ST_FMT_TEXT),
	FD(NULL, "isakmp.id.data.user_fqdn", "ID_USER_FQDN", 64, 0,
	    ST_FMT_TEXT),
	FD(NULL, "isakmp.id.data.key_id", "ID_KEY_ID", 64, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.nonce", "Nonce data", 32, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.hash", "Hash data", 32, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.sig", "Signature data", 32, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.ike.nat_hash", "Hash of the address and port", 32, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.vid_bytes", "Vendor ID", 32, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.vid_string", "Vendor ID", 32, 0, ST_FMT_TEXT),
	FD(NULL, "isakmp.notify.doi", "Domain of interpretation", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.notify.protoid", "Protocol ID", 0, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.spisize", "SPI size", 8, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.notify.msgtype", "Notify message type", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.notify.data", "Notification data", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.delete.doi", "Domain of interpretation", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.delete.protoid", "Protocol ID", 0, 8, ST_FMT_DEC),
	FD(NULL, "isakmp.spinum", "Number of SPIs", 16, 16, ST_FMT_DEC),
	FD(NULL, "isakmp.delete.spi", "Delete SPI", 0, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.auth.method", "Authentication method", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.auth.data", "Authentication data", 64, 0,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.enc.iv", "Initialization vector", 32, 32,
	    ST_FMT_BYTES),
	FD(NULL, "isakmp.enc.data", "Encrypted data", 64, 0, ST_FMT_BYTES),
	FD(NULL, "isakmp.datapayload", "Data payload", 32, 0, ST_FMT_BYTES),
	/* Transform attributes (RFC 2409 app. A, RFC 2407 4.5, RFC 7296
	 * 3.3.5), of IKEv1's IKE proposals, its IPsec ones, and IKEv2's;
	 * each: format bit, type, (length), value. */
#define ATTR_ROWS(k) \
	FDD(NULL, "isakmp." k ".attr.format", "Format (TV)", 0, 1, \
	    ST_FMT_BOOL), \
	FD(NULL, "isakmp." k ".attr.type", "Attribute type", 1, 15, \
	    ST_FMT_DEC), \
	FD(NULL, "isakmp." k ".attr.length", "Attribute length", 16, 16, \
	    ST_FMT_DEC), \
	FD(NULL, "isakmp." k ".attr.value", "Attribute value", 0, 0, \
	    ST_FMT_BYTES)
	ATTR_ROWS("ike"),
	ATTR_ROWS("ipsec"),
	ATTR_ROWS("ike2"),
#undef ATTR_ROWS
	/* Values by type, in the attribute's own rows below. */
	FD(NULL, "isakmp.ike.attr.encryption_algorithm", "Encryption algorithm",
	    0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.hash_algorithm", "Hash algorithm", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.authentication_method",
	    "Authentication method", 0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.group_description", "Group description",
	    0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.group_type", "Group type", 0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.life_type", "Life type", 0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.life_duration", "Life duration", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ike.attr.key_length", "Key length", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ipsec.attr.life_type", "Life type", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ipsec.attr.life_duration", "Life duration", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ipsec.attr.group_description", "Group description",
	    0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ipsec.attr.encap_mode", "Encapsulation mode", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ipsec.attr.auth_algorithm", "Authentication "
	    "algorithm", 0, 0, ST_FMT_DEC),
	FD(NULL, "isakmp.ipsec.attr.key_length", "Key length", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "isakmp.ike2.attr.key_length", "Key length", 0, 0,
	    ST_FMT_DEC),
};




/* The attribute types whose value has a row of its own: the class (0
 * IKEv1's IKE, 1 its IPsec, 2 IKEv2), the type, the row; life durations
 * are numbers only up to 4 bytes. */
static const struct {
	uint8_t	 cls, type, row, life;
} attr_vals[] = {
	{ 0, 1, P_ATTRV, 0 }, { 0, 2, P_ATTRV + 1, 0 },
	{ 0, 3, P_ATTRV + 2, 0 }, { 0, 4, P_ATTRV + 3, 0 },
	{ 0, 5, P_ATTRV + 4, 0 }, { 0, 11, P_ATTRV + 5, 0 },
	{ 0, 12, P_ATTRV + 6, 1 }, { 0, 14, P_ATTRV + 7, 0 },
	{ 1, 1, P_ATTRV + 8, 0 }, { 1, 2, P_ATTRV + 9, 1 },
	{ 1, 3, P_ATTRV + 10, 0 }, { 1, 4, P_ATTRV + 11, 0 },
	{ 1, 5, P_ATTRV + 12, 0 }, { 1, 6, P_ATTRV + 13, 0 },
	{ 2, 14, P_ATTRV + 14, 0 },
};

/* Vendor IDs Wireshark names (a name for the bytes a Vendor ID starts
 * with); those it does not know it calls unknown, which strata cannot
 * tell without its whole table, so says nothing of them. */
static const struct {
	const char	*name;
	uint8_t		 n;
	uint8_t		 b[20];
} vids[] = {
	{ "RFC 3947 Negotiation of NAT-Traversal in the IKE", 16,
	  { 0x4a, 0x13, 0x1c, 0x81, 0x07, 0x03, 0x58, 0x45, 0x5c, 0x57,
	    0x28, 0xf2, 0x0e, 0x95, 0x45, 0x2f } },
	{ "RFC 3706 DPD (Dead Peer Detection)", 16,
	  { 0xaf, 0xca, 0xd7, 0x13, 0x68, 0xa1, 0xf1, 0xc9, 0x6b, 0x86,
	    0x96, 0xfc, 0x77, 0x57, 0x01, 0x00 } },
	{ "draft-ietf-ipsec-nat-t-ike-02\\n", 16,
	  { 0x90, 0xcb, 0x80, 0x91, 0x3e, 0xbb, 0x69, 0x6e, 0x08, 0x63,
	    0x81, 0xb5, 0xec, 0x42, 0x7b, 0x1f } },
	{ "draft-ietf-ipsec-nat-t-ike-03", 16,
	  { 0x7d, 0x94, 0x19, 0xa6, 0x53, 0x10, 0xca, 0x6f, 0x2c, 0x17,
	    0x9d, 0x92, 0x15, 0x52, 0x9d, 0x56 } },
	{ "CISCO-UNITY", 14,
	  { 0x12, 0xf5, 0xf2, 0x8c, 0x45, 0x71, 0x68, 0xa9, 0x70, 0x2d,
	    0x9f, 0xe2, 0x74, 0xcc } },
	{ "XAUTH", 8,
	  { 0x09, 0x00, 0x26, 0x89, 0xdf, 0xd6, 0xb7, 0x12 } },
	{ "Cisco Fragmentation", 16,
	  { 0x40, 0x48, 0xb7, 0xd5, 0x6e, 0xbc, 0xe8, 0x85, 0x25, 0xe7,
	    0xde, 0x7f, 0x00, 0xd6, 0xc2, 0xd3 } },
	{ "MS NT5 ISAKMPOAKLEY", 16,
	  { 0x1e, 0x2b, 0x51, 0x69, 0x05, 0x99, 0x1c, 0x7d, 0x7c, 0x96,
	    0xfc, 0xbf, 0xb5, 0x87, 0xe4, 0x61 } },
};

/*
 * The generic header of a payload of type type at p, within n bytes, of
 * IKE version ver (1: a reserved byte; 2: the critical bit and 7 reserved
 * bits; another: neither); returns its length, or 0 (the layer marked)
 * when it lies.
 */
static size_t
pl_header(struct st_dctx *d, struct st_cur *p, unsigned type, size_t n,
    unsigned ver)
{
	/* Proposals and transforms have a reserved byte in IKEv2 too. */
	if (type == 2 || type == 3)
		ver = 1;
	struct st_field *f;
	size_t len;

	if (n < 4) {
		st_dmalformed(d, "payload header cut short");
		return 0;
	}
	/* The type is the previous header's; its bits are here. */
	if ((f = st_dfield(d, p, &st_isakmp_pl[P_TYPE])) != NULL)
		f->val = type;
	st_dfield(d, p, &st_isakmp_pl[P_NEXT]);
	if (ver == 1)
		st_dfield(d, p, &st_isakmp_pl[P_RES]);
	else if (ver == 2)
		st_dfields(d, p, st_isakmp_pl + P_CRIT, 2);
	st_dfield(d, p, &st_isakmp_pl[P_LEN]);
	len = (size_t)st_peek_bits(p, 16, 16);
	if (p->err != ST_OK)
		return 0;		/* cut short */
	if (len < 4 || len > n) {
		st_dmalformed(d, "payload length %zu", len);
		return 0;
	}
	return len;
}

/*
 * The attributes of a transform in bytes [pos, end) of t, of class cls
 * (0 IKEv1's IKE, 1 its IPsec, 2 IKEv2); each at least 4 bytes.
 */
static void
tf_attrs(struct st_dctx *d, struct st_cur *t, size_t pos, size_t end,
    unsigned cls)
{
	const struct st_field_desc *r = &st_isakmp_pl[P_ATTR + 4 * cls];
	struct st_cur a;
	struct st_field *f;
	size_t vlen, voff, k;
	unsigned i, type, tv;

	for (i = 0; pos + 4 <= end && i < ISAKMP_MAX_PAYLOADS * 4; i++) {
		a = *t;
		a.off += pos;
		if (!st_cur_need(&a, 4))
			break;
		tv = (unsigned)st_peek_bits(&a, 0, 1);
		type = (unsigned)st_peek_bits(&a, 1, 15);
		st_dfields(d, &a, r, 2);
		vlen = tv ? 2 : (size_t)st_peek_bits(&a, 16, 16);
		voff = tv ? 2 : 4;
		if (!tv)
			st_dfield(d, &a, &r[2]);
		if (vlen > 0 && st_dbytes(d, &a, &r[3], voff, vlen) == NULL)
			break;
		for (k = 0; k < NFIELDS(attr_vals); k++)
			if (attr_vals[k].cls == cls && attr_vals[k].type == type &&
			    vlen > 0 && vlen <= (attr_vals[k].life ? 4u : 2u)) {
				f = st_dbytes(d, &a, &st_isakmp_pl[attr_vals[k].row],
				    voff, vlen);
				if (f != NULL)
					f->val = st_peek_bits(&a, voff * 8,
					    (unsigned)vlen * 8);
			}
		pos += voff + vlen;
	}
}

/*
 * The proposals (type 2) of a security association in the n bytes at c,
 * each with its transforms (type 3), of IKE version ver.
 */
static void
isakmp_proposals(struct st_dctx *d, struct st_cur c, size_t n, unsigned ver)
{
	size_t pos = 0, len, tpos, tlen, spi;
	unsigned i, k, more = 1;
	struct st_cur p, t;

	for (i = 0; more && pos < n && i < ISAKMP_MAX_PAYLOADS; i++) {
		p = c;
		p.off += pos;
		if ((len = pl_header(d, &p, 2, n - pos, ver)) < 8)
			return;
		more = (unsigned)st_peek_bits(&p, 0, 8) != 0;
		st_dfields(d, &p, st_isakmp_pl + P_PNUM, 4);
		spi = (size_t)st_peek_bits(&p, 48, 8);
		if (8 + spi > len)
			return (void)st_dmalformed(d, "SPI size %zu", spi);
		if (spi > 0)
			st_dbytes(d, &p, &st_isakmp_pl[P_SPI], 8, spi);
		tpos = 8 + spi;
		for (k = 0; tpos < len && k < ISAKMP_MAX_PAYLOADS; k++) {
			t = p;
			t.off += tpos;
			if ((tlen = pl_header(d, &t, 3, len - tpos, ver)) < 8)
				return;
			if (ver == 2) {
				unsigned ty = (unsigned)st_peek_bits(&t, 32, 8);

				st_dfield(d, &t, &st_isakmp_pl[P_TFTYPE]);
				st_dbytes(d, &t, &st_isakmp_pl[P_RES], 5, 1);
				st_dfield(d, &t, &st_isakmp_pl[ty >= 1 && ty <= 5 ?
				    P_TFENCR + ty - 1 : P_TFID]);
				tf_attrs(d, &t, 8, tlen, 2);
			} else {
				st_dfields(d, &t, st_isakmp_pl + P_TNUM, 2);
				st_dbytes(d, &t, &st_isakmp_pl[P_RES], 6, 2);
				tf_attrs(d, &t, 8, tlen, st_peek_bits(&p, 40,
				    8) == 1 ? 0 : 1);
			}
			tpos += tlen;
		}
		pos += len;
	}
}

/* Bytes row fd of n bytes at byte off of p, when n > 0. */
static void
pl_bytes(struct st_dctx *d, struct st_cur *p, unsigned row, size_t off,
    size_t n)
{
	if (n > 0)
		st_dbytes(d, p, &st_isakmp_pl[row], off, n);
}

/* An identification payload (RFC 2407 4.6.2, RFC 7296 3.5) of body
 * length n at p; as Wireshark does, its fixed fields are read even past a
 * payload too short for them. */
static void
pl_id(struct st_dctx *d, struct st_cur *p, size_t n, unsigned ver)
{
	char text[1024 * 4 + 1];
	const uint8_t *nul;
	size_t k;
	unsigned t;

	if (st_dfield(d, p, &st_isakmp_pl[P_IDTYPE]) == NULL)
		return;
	t = (unsigned)st_peek_bits(p, 32, 8);
	if (ver == 1)
		st_dfields(d, p, st_isakmp_pl + P_IDPROTO, 2);
	else if (ver == 2)
		st_dbytes(d, p, &st_isakmp_pl[P_RES], 5, 3);
	k = ver == 1 || ver == 2 ? 4 : 1;
	k = n > k ? n - k : 0;		/* the data's length */
	/* The data as a whole only when nothing is read from it (tshark's
	 * JSON names a node with children by its subtree alone). */
	if ((ver != 1 && ver != 2) || t == 0 || t == 9 || t > 11)
		st_dbytes(d, p, &st_isakmp_pl[P_IDDATA], ver == 1 ||
		    ver == 2 ? 8 : 5, k);
	if (ver != 1 && ver != 2)
		return;
	switch (t) {
	case 1:
		st_dfield(d, p, &st_isakmp_pl[P_ID4]);
		break;
	case 4:
		st_dfields(d, p, st_isakmp_pl + P_ID4, 2);
		break;
	case 7:
		st_dfields(d, p, st_isakmp_pl + P_ID4START, 2);
		break;
	case 5:
		st_dfield(d, p, &st_isakmp_pl[P_ID6]);
		break;
	case 6:
		st_dfields(d, p, st_isakmp_pl + P_ID6, 2);
		break;
	case 8:
		st_dfields(d, p, st_isakmp_pl + P_ID6START, 2);
		break;
	case 2:
	case 3:
		if (!st_cur_need(p, 8 + k))
			break;
		/* as a string, to its first NUL */
		nul = memchr(p->base + p->off + 8, 0, k);
		st_escape(p->base + p->off + 8, nul != NULL ? (size_t)(nul -
		    (p->base + p->off + 8)) : k > 1024 ? 1024 : k, text,
		    sizeof(text));
		st_dtext(d, p, &st_isakmp_pl[t == 2 ? P_IDFQDN : P_IDUFQDN], 8,
		    k, text);
		break;
	case 11:
		pl_bytes(d, p, P_IDKEY, 8, k);
		break;
	}
	if (n < 4)
		st_dmalformed(d, "identification payload of %zu bytes", n + 4);
}

/* A notification (11, 41) or delete (12, 42) payload of body length n at
 * p: IKEv1's DOI, protocol, SPI size, then the message type, SPI and data
 * or the number of SPIs and the SPIs. */
static void
pl_notify(struct st_dctx *d, struct st_cur *p, size_t n, unsigned ver,
    int del)
{
	struct st_cur q = *p;
	size_t spi, k, pos;
	unsigned i;

	if (ver == 1) {
		if (st_dfield(d, p, &st_isakmp_pl[del ? P_DDOI : P_NDOI]) == NULL)
			return;
		q.off += 8;
		n = n > 4 ? n - 4 : 0;
	} else
		q.off += 4;
	st_dfield(d, &q, &st_isakmp_pl[del ? P_DPROTO : P_NPROTO]);
	st_dfield(d, &q, &st_isakmp_pl[P_NSPISIZE]);
	st_dfield(d, &q, &st_isakmp_pl[del ? P_DNUM : P_NTYPE]);
	if (q.err != ST_OK) {
		p->err = q.err;
		return;
	}
	spi = (size_t)st_peek_bits(&q, 8, 8);
	if (del) {
		/* SPIs while bytes are left (Wireshark's reading) */
		for (pos = 4, i = 0; spi > 0 && pos < n &&
		    i < ISAKMP_MAX_PAYLOADS * 8; pos += spi, i++)
			if (st_dbytes(d, &q, &st_isakmp_pl[P_DSPI], pos, spi) ==
			    NULL)
				break;
		p->err = q.err;
		return;
	}
	if (spi > 0)
		st_dbytes(d, &q, &st_isakmp_pl[P_SPI], 4, spi);
	k = n > 4 + spi ? n - 4 - spi : 0;
	st_dbytes(d, &q, &st_isakmp_pl[P_NDATA], 4 + spi, k);	/* even empty */
	p->err = q.err;
}

/* A vendor ID of n bytes at p: the bytes, and the name Wireshark knows it
 * by, when strata knows it too. */
static void
pl_vid(struct st_dctx *d, struct st_cur *p, size_t n)
{
	size_t i;

	pl_bytes(d, p, P_VID, 4, n);
	if (!st_cur_need(p, 4 + n))
		return;
	for (i = 0; i < NFIELDS(vids); i++)
		if (n >= vids[i].n && memcmp(p->base + p->off + 4, vids[i].b,
		    vids[i].n) == 0) {
			st_dtext(d, p, &st_isakmp_pl[P_VIDSTR], 4, n,
			    vids[i].name);
			return;
		}
}

/*
 * The body of a payload of type type and length len at p (its cursor
 * reaching to the message's end), of IKE version ver.  Returns 1 when the
 * payload ends the chain (IKEv2's encrypted payloads).
 */
static int
pl_body(struct st_dctx *d, struct st_cur *p, unsigned type, size_t len,
    unsigned ver)
{
	size_t n = len - 4;

	switch (type) {
	case 1:
	case 33:
		if (ver == 1) {
			st_dfield(d, p, &st_isakmp_pl[P_DOI]);
			if (n < 8) {
				pl_bytes(d, p, P_SIT, 8, n > 4 ? n - 4 : 0);
				return 0;
			}
			if (st_peek_bits(p, 32, 32) != 1) {
				pl_bytes(d, p, P_SIT, 8, n - 4);
				return 0;
			}
			st_dfields(d, p, st_isakmp_pl + P_SIT, 4);
		}
		if (ver == 1 || ver == 2) {
			struct st_cur sa = *p;
			size_t skip = ver == 1 ? 12 : 4;

			sa.off += skip;
			if (len > skip)
				isakmp_proposals(d, sa, len - skip, ver);
		}
		return 0;
	case 4:
	case 34:
		if (ver == 2) {
			st_dfield(d, p, &st_isakmp_pl[P_KEDH]);
			st_dbytes(d, p, &st_isakmp_pl[P_RES], 6, 2);
			pl_bytes(d, p, P_KEDATA, 8, n > 4 ? n - 4 : 0);
		} else
			pl_bytes(d, p, P_KEDATA, 4, n);
		return 0;
	case 5:
	case 35:
	case 36:
		pl_id(d, p, n, ver);
		return 0;
	case 8:
		pl_bytes(d, p, P_HASH, 4, n);
		return 0;
	case 9:
		pl_bytes(d, p, P_SIG, 4, n);
		return 0;
	case 10:
	case 40:
		pl_bytes(d, p, P_NONCE, 4, n);
		return 0;
	case 11:
	case 41:
		pl_notify(d, p, n, ver, 0);
		return 0;
	case 12:
	case 42:
		pl_notify(d, p, n, ver, 1);
		return 0;
	case 13:
	case 43:
		pl_vid(d, p, n);
		return 0;
	case 15:
	case 20:
	case 130:
		pl_bytes(d, p, P_NATD, 4, n);
		return 0;
	case 39:
		st_dfield(d, p, &st_isakmp_pl[P_AUTHM]);
		st_dbytes(d, p, &st_isakmp_pl[P_RES], 5, 3);
		pl_bytes(d, p, P_AUTHD, 8, n > 4 ? n - 4 : 0);
		return 0;
	case 46:
		if (ver == 2) {
			/* No keys: an IV Wireshark takes as 4 bytes, then
			 * the rest */
			st_dbytes(d, p, &st_isakmp_pl[P_ENCIV], 4, 4);
			st_dbytes(d, p, &st_isakmp_pl[P_ENCDATA], 8,
			    n > 4 ? n - 4 : 0);
		}
		return 1;
	case 53:
		pl_bytes(d, p, P_DATA, 4, n);
		return 1;
	case 6: case 7: case 14: case 16: case 17: case 18: case 19: case 21:
	case 131: case 37: case 38: case 44: case 45: case 47: case 48:
	case 49: case 50: case 51:
		/* Decoded by Wireshark, not yet by strata. */
		pl_bytes(d, p, P_DATA, 4, n);
		return 0;
	}
	pl_bytes(d, p, P_DATAPL, 4, n);
	return 0;
}

/* The payload chain in the n bytes at c, the first of type type. */
void
st_isakmp_payloads(struct st_dctx *d, struct st_cur c, size_t n, unsigned type,
    unsigned ver)
{
	size_t pos = 0, len;
	struct st_cur p;
	unsigned i;

	for (i = 0; type != 0 && pos < n && i < ISAKMP_MAX_PAYLOADS; i++) {
		p = c;
		p.off += pos;
		if ((len = pl_header(d, &p, type, n - pos, ver)) == 0)
			return;
		if (pl_body(d, &p, type, len, ver))
			return;
		if (p.err != ST_OK)
			return;
		pos += len;
		type = (unsigned)st_peek_bits(&p, 0, 8);
	}
	if (type != 0 && pos < n && i == ISAKMP_MAX_PAYLOADS)
		st_dmalformed(d, "more than %d payloads", ISAKMP_MAX_PAYLOADS);
	else if (pos < n) {
		p = c;
		p.off += pos;
		st_dbytes(d, &p, &st_isakmp_pl[P_EXTRA], 0, n - pos);
	}
}

/*
 * As Wireshark: fewer than 28 bytes, or a length below 28, are no ISAKMP
 * message (data); a version other than 1 and 2 shows the header without
 * exchange type and flag bits, and its payloads by their headers.
 */
