/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EAP identities (RFC 3748 5.1) and the attributes of EAP-SIM (RFC 4186)
 * and EAP-AKA (RFC 4187, AKA' RFC 5448), for the EAP layer of eapol.c.
 *
 * An identity of the 3GPP form (TS 23.003 19.3)
 *
 *   <prefix><IMSI, pseudonym or re-authentication id>@wlan.mnc<MNC>.
 *   mcc<MCC>.3gppnetwork.org
 *
 * is split as Wireshark splits it: the prefix and what it says, the
 * identity without the prefix, the full identity and the country code.
 * Wireshark's network code depends on its table of two-digit network
 * codes, so it is not given here.
 *
 * EAP-SIM and EAP-AKA type data:
 *
 * +---------------+-------------------------------+
 * |   Subtype 8   |          Reserved 16          |
 * +---------------+---------------+---------------+---------------+
 * | Attribute type| Length (x4)   |  Value ...                    |
 */
#include <strings.h>

#include "eap.h"

#define EAP_ID_MAX	1024	/* identity bytes parsed */
#define EAP_MAX_ATTRS	256	/* attributes decoded */

static const struct st_valname sim_subtypes[] = {
	{ 10, "Start" }, { 11, "Challenge" }, { 12, "Notification" },
	{ 13, "Re-authentication" }, { 14, "Client-Error" }, { 0, NULL }
};

static const struct st_valname aka_subtypes[] = {
	{ 1, "AKA-Challenge" }, { 2, "AKA-Authentication-Reject" },
	{ 4, "AKA-Synchronization-Failure" }, { 5, "AKA-Identity" },
	{ 12, "Notification" }, { 13, "Re-authentication" },
	{ 14, "Client-Error" }, { 0, NULL }
};

/* The attribute types of RFC 4186, 4187, 5448 and TS 24.302. */
static const struct st_valname attr_names[] = {
	{ 1, "AT_RAND" }, { 2, "AT_AUTN" }, { 3, "AT_RES" },
	{ 4, "AT_AUTS" }, { 6, "AT_PADDING" }, { 7, "AT_NONCE_MT" },
	{ 10, "AT_PERMANENT_ID_REQ" }, { 11, "AT_MAC" },
	{ 12, "AT_NOTIFICATION" }, { 13, "AT_ANY_ID_REQ" },
	{ 14, "AT_IDENTITY" }, { 15, "AT_VERSION_LIST" },
	{ 16, "AT_SELECTED_VERSION" }, { 17, "AT_FULLAUTH_ID_REQ" },
	{ 19, "AT_COUNTER" }, { 20, "AT_COUNTER_TOO_SMALL" },
	{ 21, "AT_NONCE_S" }, { 22, "AT_CLIENT_ERROR_CODE" },
	{ 23, "AT_KDF_INPUT" }, { 24, "AT_KDF" }, { 129, "AT_IV" },
	{ 130, "AT_ENCR_DATA" }, { 132, "AT_NEXT_PSEUDONYM" },
	{ 133, "AT_NEXT_REAUTH_ID" }, { 134, "AT_CHECKCODE" },
	{ 135, "AT_RESULT_IND" }, { 136, "AT_BIDDING" },
	{ 137, "AT_IPMS_IND" }, { 138, "AT_IPMS_RES" },
	{ 139, "AT_TRUST_IND" }, { 140, "AT_SHORT_NAME_FOR_NETWORK" },
	{ 141, "AT_FULL_NAME_FOR_NETWORK" }, { 142, "AT_RQSI_IND" },
	{ 143, "AT_RQSI_RES" }, { 144, "AT_TWAN_CONN_MODE" },
	{ 145, "AT_VIRTUAL_NETWORK_ID" }, { 146, "AT_VIRTUAL_NETWORK_REQ" },
	{ 147, "AT_CONNECTIVITY_TYPE" }, { 148, "AT_HANDOVER_INDICATION" },
	{ 149, "AT_HANDOVER_SESSION_ID" }, { 150, "AT_MN_SERIAL_ID" },
	{ 151, "AT_DEVICE_IDENTITY" }, { 0, NULL }
};

static const struct st_valname notif_names[] = {
	{ 0, "General Failure after Authentication" },
	{ 1026, "User has been temporarily denied access" },
	{ 1031, "User has not subscribed to the requested service" },
	{ 8192, "Failure to Terminate the Authentication Exchange" },
	{ 16384, "General Failure" }, { 32768, "Success" }, { 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 0, "Unable to process packet" }, { 1, "Unsupported version" },
	{ 2, "Insufficient number of challenges" },
	{ 3, "RANDs are not fresh" }, { 0, NULL }
};

/* The attribute rows, bit offsets from the attribute's start. */
#define ATTR_ROWS(p, P, subs) \
	FDN(NULL, "eap." p ".subtype", P " subtype", 40, 8, ST_FMT_DEC, \
	    subs), \
	FD(NULL, "eap." p ".reserved", P " reserved", 48, 16, ST_FMT_HEX), \
	FDN(NULL, "eap." p ".subtype.type", P " attribute type", 0, 8, \
	    ST_FMT_DEC, attr_names), \
	FD(NULL, "eap." p ".subtype.len", P " attribute length (x4)", 8, 8, \
	    ST_FMT_DEC), \
	FDN(NULL, "eap." p ".notification_type", P " notification type", \
	    16, 16, ST_FMT_DEC, notif_names), \
	FDN(NULL, "eap." p ".error_code", P " error code", 16, 16, \
	    ST_FMT_DEC, error_names), \
	FD(NULL, "eap." p ".subtype.value", P " attribute value", 16, 0, \
	    ST_FMT_BYTES)

const struct st_field_desc st_eap_more[M_NMORE] = {
	FD(NULL, "eap.identity.prefix", "Identity prefix", 0, 8, ST_FMT_TEXT),
	FD(NULL, "eap.identity.type", "Identity type", 0, 8, ST_FMT_TEXT),
	FD(NULL, "eap.identity.full", "Identity (full)", 0, 0, ST_FMT_TEXT),
	FD(NULL, "eap.identity.mcc", "Identity mobile country code", 0, 0,
	    ST_FMT_DEC),
	FD(NULL, "eap.identity.cert_sn", "Certificate serial number", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "eap.identity.padding", "Identity padding", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "eap.identity.actual_len", "Identity actual length", 16, 16,
	    ST_FMT_DEC),
	ATTR_ROWS("sim", "EAP-SIM", sim_subtypes),
	ATTR_ROWS("aka", "EAP-AKA", aka_subtypes),
};

static const struct st_valname prefix_names[] = {
	{ 0x00, "Encrypted IMSI" }, { '0', "EAP-AKA Permanent" },
	{ '1', "EAP-SIM Permanent" }, { '2', "EAP-AKA Pseudonym" },
	{ '3', "EAP-SIM Pseudonym" }, { '4', "EAP-AKA Reauth ID" },
	{ '5', "EAP-SIM Reauth ID" }, { '6', "EAP-AKA Prime Permanent" },
	{ '7', "EAP-AKA Prime Pseudonym" }, { '8', "EAP-AKA Prime Reauth ID" },
	{ 'C', "Conservative Peer" }, { 'a', "Anonymous Identity" },
	{ 0, NULL }
};

/* Adds text row fd over the n bytes at byte off past c (already checked
 * captured), as the bytes escaped. */
static void
id_text(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[EAP_ID_MAX * 4 + 1];
	const uint8_t *nul = memchr(c->base + c->off + off, 0, n);
	size_t k = nul != NULL ? (size_t)(nul - (c->base + c->off + off)) : n;

	/* As a string, to its first NUL. */
	st_escape(c->base + c->off + off, k > EAP_ID_MAX ? EAP_ID_MAX : k,
	    text, sizeof(text));
	st_dtext(d, c, fd, off, n, text);
}

/* Whether the n characters at s start with w, in any case. */
static int
starts(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && strncasecmp(s, w, k) == 0;
}

/* The number the text at s (n characters) starts with, as sscanf's %u
 * reads it (blanks, a sign, digits; modulo 2^32); -1 when none. */
static int64_t
leading_u(const char *s, size_t n)
{
	uint32_t v = 0;
	size_t i = 0;
	int neg = 0, any = 0;

	while (i < n && s[i] == ' ')
		i++;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, any = 1)
		v = v * 10 + (uint32_t)(s[i] - '0');
	if (!any)
		return -1;
	return neg ? (uint32_t)(0u - v) : v;
}

/* Splits the n characters at s at each sep into at most max parts (start,
 * length); returns the number of parts, max + 1 when there are more. */
static unsigned
split(const char *s, size_t n, char sep, const char **part, size_t *plen,
    unsigned max)
{
	unsigned k = 0;
	size_t i, from = 0;

	for (i = 0; i <= n; i++)
		if (i == n || s[i] == sep) {
			if (k == max)
				return max + 1;
			part[k] = s + from;
			plen[k++] = i - from;
			from = i + 1;
		}
	return k;
}

/* An encrypted IMSI (the identity's first byte 0, TS 33.402 14.4): the
 * n - 1 bytes after it, s their text. */
static void
id_encrypted(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *ident, size_t off, const char *s, size_t n)
{
	const char *t[3];
	size_t tl[3];
	unsigned k;

	k = split(s, n - 1, ',', t, tl, 2);
	if (k < 2 || !starts(t[1], tl[1], "CertificateSerialNumber")) {
		id_text(d, c, ident, off + 1, n - 1);
		return;
	}
	st_dtext(d, c, &st_eap_more[M_IDPREFIX], off, 1, "'\\0'");
	st_dtext(d, c, &st_eap_more[M_IDTYPE], off, 1, "Encrypted IMSI");
	id_text(d, c, &st_eap_more[M_IDFULL], off + 1, n - 1);
	id_text(d, c, ident, off + 1, tl[0]);
	if (tl[1] > 24)		/* "CertificateSerialNumber=" */
		id_text(d, c, &st_eap_more[M_IDCERT], off + 2 + tl[0] + 24,
		    tl[1] - 24);
}

void
st_eap_identity(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *ident, size_t off, size_t n)
{
	char s[EAP_ID_MAX + 1], buf[8];
	const char *r[5], *name;
	const uint8_t *p;
	size_t rl[5], at, i, from;
	int64_t mnc, mcc;
	struct st_field *f;

	if (n == 0 || !st_cur_need(c, off + n))
		return;
	p = c->base + c->off + off;
	from = p[0] == 0;		/* an encrypted IMSI's text after it */
	for (i = from; i < n && p[i] >= 0x20 && p[i] < 0x7f; i++)
		;
	if (i < n || n > EAP_ID_MAX) {
		id_text(d, c, ident, off + from, n - from);
		return;
	}
	memcpy(s, p, n);
	s[n] = '\0';
	if (from) {
		id_encrypted(d, c, ident, off, s + 1, n);
		return;
	}
	/* One '@', and a realm of five labels: wlan, mnc, mcc, 3gppnetwork,
	 * org (each checked by its start, as Wireshark does). */
	if (strchr(s, '@') == NULL) {
		id_text(d, c, ident, off, n);
		return;
	}
	at = (size_t)(strchr(s, '@') - s);
	if (strchr(s + at + 1, '@') != NULL ||
	    split(s + at + 1, n - at - 1, '.', r, rl, 5) != 5 ||
	    !starts(r[0], rl[0], "wlan") ||
	    !starts(r[3], rl[3], "3gppnetwork") || !starts(r[4], rl[4], "org")) {
		id_text(d, c, ident, off, n);
		return;
	}
	/* As Wireshark shows a character. */
	snprintf(buf, sizeof(buf), s[0] == '\\' || s[0] == '\'' ? "'\\%c'" :
	    "'%c'", s[0]);
	st_dtext(d, c, &st_eap_more[M_IDPREFIX], off, 1, buf);
	name = st_valname(prefix_names, (uint8_t)s[0]);
	st_dtext(d, c, &st_eap_more[M_IDTYPE], off, 1,
	    name != NULL ? name : "Unknown");
	switch (s[0]) {
	case '0': case '1': case '6':	/* an IMSI: E.212's to read */
		id_text(d, c, &st_eap_more[M_IDFULL], off + 1, n - 1);
		break;
	case 'a':
		id_text(d, c, &st_eap_more[M_IDFULL], off, n);
		id_text(d, c, ident, off, at);
		break;
	default:
		id_text(d, c, &st_eap_more[M_IDFULL], off + 1, n - 1);
		if (at > 0)
			id_text(d, c, ident, off + 1, at - 1);
		else		/* Wireshark's length -1: to the end */
			id_text(d, c, ident, off + 1, st_cur_left(c) - off - 1);
		break;
	}
	if (rl[1] < 3 || rl[2] < 3)
		return;
	mnc = leading_u(r[1] + 3, rl[1] - 3);
	mcc = leading_u(r[2] + 3, rl[2] - 3);
	if (mnc < 0 || mcc < 0)
		return;
	f = st_dbytes(d, c, &st_eap_more[M_IDMCC], (size_t)(r[2] - s) + off + 3,
	    rl[2] - 3);
	if (f != NULL)
		f->val = (uint64_t)mcc;
}

/*
 * The value of attribute type, alen bytes in all, at p (captured): an
 * identity, a notification, an error code or bytes.  Returns ST_EINVAL
 * when an identity's length exceeds its attribute's.
 */
static int
simaka_value(struct st_dctx *d, struct st_cur *p,
    const struct st_field_desc *t, const struct st_field_desc *ident,
    unsigned type, size_t alen)
{
	size_t idlen;

	switch (type) {
	case 14:			/* AT_IDENTITY */
		if (st_dfield(d, p, &st_eap_more[M_IDALEN]) == NULL)
			return p->err;
		idlen = (size_t)st_peek_bits(p, 16, 16);
		st_eap_identity(d, p, ident, 4, idlen);
		if (p->err != ST_OK)
			return p->err;
		if (idlen == alen - 3 && st_cur_left(p) > 4 + idlen)
			/* Wireshark's padding of length -1: to the end */
			st_dbytes(d, p, &st_eap_more[M_IDPAD], 4 + idlen,
			    st_cur_left(p) - 4 - idlen);
		else if (idlen > alen - 4)
			return st_dmalformed(d, "identity of %zu bytes in an "
			    "attribute of %zu", idlen, alen);
		else if (idlen < alen - 4)
			st_dbytes(d, p, &st_eap_more[M_IDPAD], 4 + idlen,
			    alen - 4 - idlen);
		return ST_OK;
	case 12:			/* AT_NOTIFICATION */
		st_dfield(d, p, &t[M_NOTIF]);
		return ST_OK;
	case 22:			/* AT_CLIENT_ERROR_CODE */
		st_dfield(d, p, &t[M_ERR]);
		return ST_OK;
	}
	st_dbytes(d, p, &t[M_VALUE], 2, alen - 2);
	return ST_OK;
}

int
st_eap_simaka(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *ident, size_t len, int aka)
{
	const struct st_field_desc *t = &st_eap_more[aka ? M_AKA : M_SIM];
	struct st_cur p;
	size_t pos, left, alen;
	unsigned i, type;
	int rc;

	if (st_dfield(d, c, &t[M_SUB]) == NULL)
		return c->err;
	if (len < 8)
		return ST_OK;
	if (st_dfield(d, c, &t[M_RES]) == NULL)
		return c->err;
	for (pos = 8, left = len - 8, i = 0; left >= 2 && i < EAP_MAX_ATTRS;
	    i++) {
		p = *c;
		p.off += pos;
		if (!st_cur_need(&p, 2))
			return p.err;
		type = (unsigned)st_peek_bits(&p, 0, 8);
		alen = 4 * (size_t)st_peek_bits(&p, 8, 8);
		st_dfield(d, &p, &t[M_ATYPE]);
		if (alen == 0)
			return st_dmalformed(d, "attribute %u of length 0",
			    type);
		st_dfield(d, &p, &t[M_ALEN]);
		rc = simaka_value(d, &p, t, ident, type, alen);
		if (rc == ST_OK && p.err != ST_OK)
			rc = p.err;
		if (rc != ST_OK) {
			/* past the bytes of a whole frame: the length lies */
			if (rc == ST_ETRUNC && d->pkt->caplen == d->pkt->len)
				return st_dmalformed(d, "attribute %u of %zu "
				    "bytes past the end", type, alen);
			return rc;
		}
		pos += alen;
		left = alen < left ? left - alen : 0;
	}
	return ST_OK;
}
