/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * 802.1X port access: EAPOL (IEEE 802.1X-2010 11.3), EtherType 0x888e, and
 * the EAP packet (RFC 3748) it carries.
 *
 * +-----------+-----------+-----------------------+
 * | Version 8 |  Type 8   |   Body length (16)    |  EAPOL
 * +-----------+-----------+-----------------------+
 * | Code 8    |   Id 8    |      Length (16)      |  EAP (EAPOL type 0)
 * +-----------+-----------+-----------------------+
 * | Type 8 (requests and responses) | type data ...
 *
 * EAPOL type 3 is a key descriptor: a descriptor type, then (RSN and WPA)
 * key information, key length, replay counter, nonce, IV, RSC, ID, MIC and
 * key data.
 */
#include "strata/out.h"
#include "eap.h"

static const struct st_valname type_names[] = {
	{ 0, "EAP Packet" }, { 1, "Start" }, { 2, "Logoff" }, { 3, "Key" },
	{ 4, "Encapsulated ASF Alert" }, { 5, "MKA" }, { 0, NULL }
};

static const struct st_valname keydes_names[] = {
	{ 1, "RC4 Descriptor" }, { 2, "EAPOL RSN Key" },
	{ 254, "EAPOL WPA Key" }, { 0, NULL }
};

enum { F_VERS, F_TYPE, F_LEN, F_KDTYPE, F_KINFO, F_KLEN, F_REPLAY,
	F_NONCE, F_IV, F_RSC, F_KID, F_MIC, F_KDLEN, F_KDATA, F_RLEN,
	F_RREPLAY, F_RIV, F_RINDEX, F_RITYPE, F_RINUM, F_RSIG, F_RKEY,
	F_RLOCAL, F_BODY };

static const struct st_valname kitype_names[] = {
	{ 0, "Broadcast" }, { 1, "Unicast" }, { 0, NULL }
};

static const struct st_field_desc eapol_fields[] = {
	FD("version", "eapol.version", "Version", 0, 8, ST_FMT_DEC),
	FDN("type", "eapol.type", "Type", 8, 8, ST_FMT_DEC, type_names),
	FD("len", "eapol.len", "Length", 16, 16, ST_FMT_DEC),
	FDN(NULL, "eapol.keydes.type", "Key descriptor type", 32, 8,
	    ST_FMT_DEC, keydes_names),
	FD(NULL, "wlan_rsna_eapol.keydes.key_info", "Key information", 40,
	    16, ST_FMT_HEX),
	FD(NULL, "eapol.keydes.key_len", "Key length", 56, 16, ST_FMT_DEC),
	FD(NULL, "eapol.keydes.replay_counter", "Replay counter", 72, 64,
	    ST_FMT_DEC),
	FD(NULL, "wlan_rsna_eapol.keydes.nonce", "Key nonce", 136, 256,
	    ST_FMT_BYTES),
	FD(NULL, "eapol.keydes.key_iv", "Key IV", 392, 128, ST_FMT_BYTES),
	FD(NULL, "wlan_rsna_eapol.keydes.rsc", "Key RSC", 520, 64,
	    ST_FMT_BYTES),
	FD(NULL, "wlan_rsna_eapol.keydes.id", "Key ID", 584, 64,
	    ST_FMT_BYTES),
	FD(NULL, "wlan_rsna_eapol.keydes.mic", "Key MIC", 648, 128,
	    ST_FMT_BYTES),
	FD(NULL, "wlan_rsna_eapol.keydes.data_len", "Key data length", 776,
	    16, ST_FMT_DEC),
	FD(NULL, "wlan_rsna_eapol.keydes.data", "Key data", 792, 0,
	    ST_FMT_BYTES),
	/* The RC4 descriptor (802.1X-2001 7.6). */
	FD(NULL, "eapol.keydes.key_len", "Key length", 40, 16, ST_FMT_DEC),
	FD(NULL, "eapol.keydes.replay_counter", "Replay counter", 56, 64,
	    ST_FMT_DEC),
	FD(NULL, "eapol.keydes.key_iv", "Key IV", 120, 128, ST_FMT_BYTES),
	FD(NULL, "eapol.keydes.key_index", "Key index", 248, 8, ST_FMT_HEX),
	FDDN(NULL, "eapol.keydes.key_index.type", "Type", 248, 1,
	    ST_FMT_BOOL, kitype_names),
	FDD(NULL, "eapol.keydes.key_index.number", "Number", 249, 7,
	    ST_FMT_DEC),
	FD(NULL, "eapol.keydes.key_signature", "Key signature", 256, 128,
	    ST_FMT_BYTES),
	FD(NULL, "eapol.keydes.key", "Key", 384, 0, ST_FMT_BYTES),
	FDG("eapol.keydes.key.generated_locally", "Key generated locally",
	    ST_FMT_BOOL, NULL),
	/* A descriptor type Wireshark does not know. */
	FD(NULL, "eapol.keydes.body", "Key descriptor body", 40, 0,
	    ST_FMT_BYTES),
};

/*
 * The RC4 key descriptor (802.1X-2004 7.6), n body bytes: the key, of the
 * key length, follows when the body has more than the 44 bytes of the
 * descriptor; when it has none, each side generated the key itself.
 * Returns ST_EINVAL when the key runs past the body.
 */
static int
eapol_rc4(struct st_dctx *d, struct st_cur *c, size_t n)
{
	const struct st_field_desc *fd;
	size_t klen;

	for (fd = &eapol_fields[F_RLEN]; fd < &eapol_fields[F_RKEY]; fd++) {
		if (fd->bitoff + fd->bits > (4 + n) * 8)
			return st_dmalformed(d, "RC4 descriptor cut by the "
			    "length %zu", n);
		if (fd->fmt == ST_FMT_BYTES)
			st_dbytes(d, c, fd, fd->bitoff / 8, fd->bits / 8);
		else
			st_dfield(d, c, fd);
		if (c->err != ST_OK)
			return c->err;
	}
	klen = (size_t)st_peek_bits(c, 40, 16);
	if (klen == 0)
		return ST_OK;
	if (n > 44) {
		if (44 + klen > n)
			return st_dmalformed(d, "key of %zu bytes in %zu", klen,
			    n - 44);
		if (st_dbytes(d, c, &eapol_fields[F_RKEY], 48, klen) == NULL)
			return c->err;
	}
	st_dgen(d, &eapol_fields[F_RLOCAL], n <= 44);
	return ST_OK;
}

extern const struct st_proto st_proto_eap;

/* A key descriptor of n body bytes: RC4, RSN or WPA; another type's
 * body as bytes.  Returns ST_EINVAL when it contradicts itself. */
static int
eapol_key(struct st_dctx *d, struct st_cur *c, size_t n)
{
	const struct st_field_desc *fd;
	size_t k;
	unsigned kd;

	if (n < 1 || st_dfield(d, c, &eapol_fields[F_KDTYPE]) == NULL)
		return ST_OK;
	kd = (unsigned)st_peek_bits(c, 32, 8);
	if (kd == 1)
		return eapol_rc4(d, c, n);
	if (kd != 2 && kd != 254) {
		k = st_cur_left(c) - 5;		/* the type byte was read */
		if (k > n - 1)
			k = n - 1;
		if (k > 0)
			st_dbytes(d, c, &eapol_fields[F_BODY], 5, k);
		return ST_OK;
	}
	if (n < 95)
		return ST_OK;
	for (fd = &eapol_fields[F_KINFO]; fd <= &eapol_fields[F_KDLEN]; fd++) {
		if (fd->fmt == ST_FMT_BYTES)
			st_dbytes(d, c, fd, fd->bitoff / 8, fd->bits / 8);
		else
			st_dfield(d, c, fd);
	}
	k = (size_t)st_peek_bits(c, 776, 16);
	if (c->err == ST_OK && k > 0 && 95 + k <= n)
		st_dbytes(d, c, &eapol_fields[F_KDATA], 99, k);
	return ST_OK;
}

static int
eapol_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;
	unsigned type;

	if (st_dfields(d, c, eapol_fields, F_KDTYPE) != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 8, 8);
	len = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = 4;
	d->plen = len;
	if (type == 0 && len > 0)
		d->next = &st_proto_eap;
	else if (type == 3) {
		eapol_key(d, c, len);
		d->hdr = 4 + len;
		d->plen = 0;
		if (c->err != ST_OK || st_cur_left(c) < d->hdr) {
			d->hdr = st_cur_left(c) < d->hdr ? st_cur_left(c) :
			    d->hdr;
			return ST_ETRUNC;
		}
	} else if (len > 0)
		d->data = 1;
	return ST_OK;
}

static const struct st_bind eapol_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x888e },
};

static const struct st_valname code_names[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Success" },
	{ 4, "Failure" }, { 5, "Initiate" }, { 6, "Finish" }, { 0, NULL }
};

static const struct st_valname eaptype_names[] = {
	{ 1, "Identity" }, { 2, "Notification" }, { 3, "Legacy Nak" },
	{ 4, "MD5-Challenge" }, { 6, "Generic Token Card" },
	{ 13, "TLS" }, { 17, "LEAP" }, { 18, "SIM" }, { 21, "TTLS" },
	{ 23, "AKA" }, { 25, "PEAP" }, { 26, "MSCHAPv2" }, { 43, "FAST" },
	{ 50, "AKA'" }, { 254, "Expanded Type" }, { 0, NULL }
};

enum { E_CODE, E_ID, E_LEN, E_TYPE, E_IDENT, E_NOTIF, E_NAK, E_MD5SZ,
	E_MD5, E_MD5X, E_TLSF, E_TLSL, E_TLSM, E_TLSS, E_TLSV, E_TLSLEN };

static const struct st_field_desc eap_fields[] = {
	FDN("code", "eap.code", "Code", 0, 8, ST_FMT_DEC, code_names),
	FD("id", "eap.id", "Identifier", 8, 8, ST_FMT_DEC),
	FD("len", "eap.len", "Length", 16, 16, ST_FMT_DEC),
	FDN("type", "eap.type", "Type", 32, 8, ST_FMT_DEC, eaptype_names),
	FD(NULL, "eap.identity", "Identity", 40, 0, ST_FMT_TEXT),
	FD(NULL, "eap.notification", "Notification", 40, 0, ST_FMT_TEXT),
	FDN(NULL, "eap.desired_type", "Desired auth type", 40, 8, ST_FMT_DEC,
	    eaptype_names),
	FD(NULL, "eap.md5.value_size", "Value size", 40, 8, ST_FMT_DEC),
	FD(NULL, "eap.md5.value", "Value", 48, 0, ST_FMT_BYTES),
	FD(NULL, "eap.md5.extra_data", "Name", 48, 0, ST_FMT_BYTES),
	FD(NULL, "eap.tls.flags", "TLS flags", 40, 8, ST_FMT_HEX),
	FDD(NULL, "eap.tls.flags.len_included", "Length included", 40, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "eap.tls.flags.more_fragments", "More fragments", 41, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "eap.tls.flags.start", "Start", 42, 1, ST_FMT_BOOL),
	FDD(NULL, "eap.tls.flags.version", "Version", 45, 3, ST_FMT_DEC),
	FD(NULL, "eap.tls.len", "TLS message length", 48, 32, ST_FMT_DEC),
};

/* Adds n bytes at off as escaped text. */
static void
eap_text(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[256 * 4 + 1];

	if (n > 256)
		n = 256;
	if (!st_cur_need(c, off + n))
		return;
	st_escape(c->base + c->off + off, n, text, sizeof(text));
	st_dtext(d, c, fd, off, n, text);
}

/* The type data of a request or response of len bytes in all.  Returns
 * ST_EINVAL when it contradicts itself (the layer marked). */
static int
eap_typedata(struct st_dctx *d, struct st_cur *c, unsigned type, size_t len)
{
	size_t k;

	switch (type) {
	case 1:
		st_eap_identity(d, c, &eap_fields[E_IDENT], 5, len - 5);
		return ST_OK;
	case 2:
		if (len > 5)
			eap_text(d, c, &eap_fields[E_NOTIF], 5, len - 5);
		return ST_OK;
	case 3:
		if (len > 5)
			st_dfield(d, c, &eap_fields[E_NAK]);
		return ST_OK;
	case 4:
		if (len < 6 || st_dfield(d, c, &eap_fields[E_MD5SZ]) == NULL)
			return ST_OK;
		k = (size_t)st_peek_bits(c, 40, 8);
		if (k > 0 && 6 + k <= len)
			st_dbytes(d, c, &eap_fields[E_MD5], 6, k);
		if (6 + k < len)
			st_dbytes(d, c, &eap_fields[E_MD5X], 6 + k,
			    len - 6 - k);
		return ST_OK;
	case 13:
	case 21:
	case 25:
	case 43:
		if (len < 6)
			return ST_OK;
		/* The version bits: only PEAP, TTLS and FAST have them. */
		st_dfields(d, c, eap_fields + E_TLSF, type == 13 ? 4 : 5);
		if ((st_peek_bits(c, 40, 8) & 0x80) != 0 && len >= 10)
			st_dfield(d, c, &eap_fields[E_TLSLEN]);
		return ST_OK;
	case 18:
	case 23:
	case 50:
		if (len < 6)
			return ST_OK;
		return st_eap_simaka(d, c, &eap_fields[E_IDENT], len,
		    type != 18);
	}
	return ST_OK;
}

/* EAP over PPP (RFC 3748 4), and so in a RADIUS EAP-Message (RFC 3579),
 * which finds it by the same number. */
static const struct st_bind eap_binds[] = {
	{ ST_KEY_PPP, 0xc227 },
};

static int
eap_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;
	unsigned code, type;

	if (st_dfields(d, c, eap_fields, E_TYPE) != ST_OK)
		return c->err;
	code = (unsigned)st_peek_bits(c, 0, 8);
	len = (size_t)st_peek_bits(c, 16, 16);
	d->plen = 0;
	if (len < 4) {
		d->hdr = 4;
		return st_dmalformed(d, "length %zu below 4", len);
	}
	d->hdr = st_cur_left(c) < len ? st_cur_left(c) : len;
	if ((code == 1 || code == 2) && len >= 5) {
		if (st_dfield(d, c, &eap_fields[E_TYPE]) == NULL)
			return c->err;
		type = (unsigned)st_peek_bits(c, 32, 8);
		if (eap_typedata(d, c, type, len) == ST_EINVAL)
			return ST_EINVAL;
	}
	if (st_cur_left(c) < len)
		return ST_ETRUNC;
	return c->err;
}

/* "EAPOL start (1) v2, len 0", "EAP packet (0) v1, len 5", as tcpdump
 * says them. */
static int
eapol_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1];
	unsigned type;

	st_ly_fields(s->pkt, ly, eapol_fields, F_LEN + 1, f);
	if (f[F_TYPE] == NULL)
		return 0;
	type = (unsigned)f[F_TYPE]->val;
	st_out_printf(s->o, "%s (%u) v%u, len %u", type == 0 ? "EAP packet" :
	    type == 1 ? "EAPOL start" : type == 2 ? "EAPOL logoff" :
	    type == 3 ? "EAPOL key" : "EAPOL type", type, f[F_VERS] != NULL ?
	    (unsigned)f[F_VERS]->val : 0, f[F_LEN] != NULL ?
	    (unsigned)f[F_LEN]->val : 0);
	return 1;
}

/* "EAP Request (1), id 1, Identity": code, id and type. */
static int
eap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[E_IDENT + 1];
	const char *name;

	st_ly_fields(s->pkt, ly, eap_fields, E_IDENT + 1, f);
	if (f[E_CODE] == NULL)
		return 0;
	name = st_valname(code_names, (uint32_t)f[E_CODE]->val);
	st_out_printf(s->o, "EAP %s (%u)", name != NULL ? name : "unknown",
	    (unsigned)f[E_CODE]->val);
	if (f[E_ID] != NULL)
		st_out_printf(s->o, ", id %u", (unsigned)f[E_ID]->val);
	if (f[E_TYPE] != NULL) {
		name = st_valname(eaptype_names, (uint32_t)f[E_TYPE]->val);
		st_out_printf(s->o, ", %s", name != NULL ? name : "type");
		if (name == NULL)
			st_out_printf(s->o, " %u", (unsigned)f[E_TYPE]->val);
	}
	if (f[E_IDENT] != NULL && f[E_IDENT]->meaning != NULL) {
		st_out_puts(s->o, " ");
		st_out_puts(s->o, f[E_IDENT]->meaning);
	}
	return 1;
}

static const struct st_field_desc *const eapol_keys[] = {
	&eapol_fields[F_VERS], &eapol_fields[F_TYPE], &eapol_fields[F_LEN],
	NULL,
};

static const struct st_field_desc *const eap_keys[] = {
	&eap_fields[E_CODE], &eap_fields[E_ID], &eap_fields[E_TYPE], NULL,
};

const struct st_proto st_proto_eapol = {
	.name = "eapol",
	.ws = "eapol",
	.title = "802.1X Authentication",
	.rfc = "IEEE 802.1X",
	.role = ST_ROLE_CONTROL,
	.fields = eapol_fields,
	.nfields = NFIELDS(eapol_fields),
	.decode = eapol_decode,
	.binds = eapol_binds,
	.nbinds = NFIELDS(eapol_binds),
	.summary = eapol_summary,
	.keys = eapol_keys,
	.color = "\033[35m",
	.explain_bits = 32,
	.explain = "Type 0 carries an EAP packet, 1 starts and 2 ends the "
	    "authentication, 3 carries a key descriptor (RSN and WPA ones "
	    "decoded). The length counts the body only.",
};

const struct st_proto st_proto_eap = {
	.name = "eap",
	.ws = "eap",
	.title = "Extensible Authentication Protocol",
	.rfc = "RFC 3748",
	.role = ST_ROLE_APP,
	.fields = eap_fields,
	.nfields = NFIELDS(eap_fields),
	.more = st_eap_more,
	.nmore = M_NMORE,
	.decode = eap_decode,
	.binds = eap_binds,
	.nbinds = NFIELDS(eap_binds),
	.summary = eap_summary,
	.keys = eap_keys,
	.color = "\033[35m",
	.explain_bits = 40,
	.explain = "Requests and responses carry a type (1 identity, 4 MD5, "
	    "13 TLS...) and its data; success and failure are the 4-byte "
	    "header alone. The length counts the whole packet.",
};
