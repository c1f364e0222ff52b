/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RADIUS (RFC 2865, accounting RFC 2866, dynamic authorization RFC 5176),
 * UDP ports 1812, 1813 and the old 1645, 1646, and 3799 (CoA).
 *
 *  0               1               2               3
 * +---------------+---------------+-------------------------------+
 * |     Code      |  Identifier   |            Length             |
 * |                  Authenticator (16 bytes)                     |
 * |  Attributes: type (8), length (8, the 2 counted), value ...
 *
 * Every attribute is shown whole (radius.avp), by type and length, and
 * the common ones of RFC 2865 by value; a Vendor-Specific attribute (26)
 * by its vendor and the vendor's type, length and bytes.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define RADIUS_MAX_AVPS	128	/* attributes decoded */

static const struct st_valname code_names[] = {
	{ 1, "Access-Request" }, { 2, "Access-Accept" },
	{ 3, "Access-Reject" }, { 4, "Accounting-Request" },
	{ 5, "Accounting-Response" }, { 11, "Access-Challenge" },
	{ 12, "Status-Server" }, { 13, "Status-Client" },
	{ 40, "Disconnect-Request" }, { 41, "Disconnect-ACK" },
	{ 42, "Disconnect-NAK" }, { 43, "CoA-Request" }, { 44, "CoA-ACK" },
	{ 45, "CoA-NAK" }, { 0, NULL }
};

enum { F_CODE, F_ID, F_LEN, F_AUTH, F_REQ, F_RSP, F_REQFR, F_RSPFR, F_TIME,
	F_DUP, F_REQDUP, F_RSPDUP, F_NFIELDS };

static const struct st_field_desc radius_fields[] = {
	FDN("code", "radius.code", "Code", 0, 8, ST_FMT_DEC, code_names),
	FD("id", "radius.id", "Identifier", 8, 8, ST_FMT_DEC),
	FD("len", "radius.length", "Length", 16, 16, ST_FMT_DEC),
	FD("auth", "radius.authenticator", "Authenticator", 32, 128,
	    ST_FMT_BYTES),
	FDG("radius.req", "A request", ST_FMT_BOOL, NULL),
	FDG("radius.rsp", "A response", ST_FMT_BOOL, NULL),
	FDG("radius.reqframe", "Request frame", ST_FMT_DEC, NULL),
	FDG("radius.rspframe", "Response frame", ST_FMT_DEC, NULL),
	FDG("radius.time", "Time from request", ST_FMT_TEXT, NULL),
	FDG("radius.dup", "Duplicate message ID", ST_FMT_DEC, NULL),
	FDG("radius.req.dup", "Duplicate request (first frame)", ST_FMT_DEC,
	    NULL),
	FDG("radius.rsp.dup", "Duplicate response (first frame)", ST_FMT_DEC,
	    NULL),
};

/* How an attribute's value is shown. */
enum { K_STR, K_BYTES, K_IP, K_U32 };

enum { A_AVP, A_TYPE, A_LEN, A_VENDOR, A_VTYPE, A_VLEN, A_VSA, A_NAMED };

static const struct st_field_desc avp_fields[] = {
	FD(NULL, "radius.avp", "Attribute", 0, 0, ST_FMT_BYTES),
	FD(NULL, "radius.avp.type", "Attribute type", 0, 8, ST_FMT_DEC),
	FD(NULL, "radius.avp.length", "Attribute length", 8, 8, ST_FMT_DEC),
	FD(NULL, "radius.avp.vendor_id", "Vendor", 16, 32, ST_FMT_DEC),
	FD(NULL, "radius.avp.vendor_type", "Vendor type", 48, 8, ST_FMT_DEC),
	FD(NULL, "radius.avp.vendor_len", "Vendor length", 56, 8, ST_FMT_DEC),
	FD(NULL, "radius.Vendor_Specific", "Vendor-specific value", 0, 0,
	    ST_FMT_BYTES),
	/* By type, as the table below says. */
	FD(NULL, "radius.User_Name", "User-Name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "radius.User_Password_encrypted", "User-Password "
	    "(encrypted)", 0, 0, ST_FMT_BYTES),
	FD(NULL, "radius.NAS_IP_Address", "NAS-IP-Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "radius.NAS_Port", "NAS-Port", 0, 32, ST_FMT_DEC),
	FD(NULL, "radius.Service_Type", "Service-Type", 0, 32, ST_FMT_DEC),
	FD(NULL, "radius.Framed_Protocol", "Framed-Protocol", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "radius.Framed-IP-Address", "Framed-IP-Address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "radius.Framed_MTU", "Framed-MTU", 0, 32, ST_FMT_DEC),
	FD(NULL, "radius.Reply_Message", "Reply-Message", 0, 0, ST_FMT_TEXT),
	FD(NULL, "radius.State", "State", 0, 0, ST_FMT_BYTES),
	FD(NULL, "radius.Class", "Class", 0, 0, ST_FMT_BYTES),
	FD(NULL, "radius.Session_Timeout", "Session-Timeout", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "radius.Idle_Timeout", "Idle-Timeout", 0, 32, ST_FMT_DEC),
	FD(NULL, "radius.Called_Station_Id", "Called-Station-Id", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "radius.Calling_Station_Id", "Calling-Station-Id", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "radius.NAS_Identifier", "NAS-Identifier", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "radius.Acct_Status_Type", "Acct-Status-Type", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "radius.Acct_Session_Id", "Acct-Session-Id", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "radius.NAS_Port_Type", "NAS-Port-Type", 0, 32, ST_FMT_DEC),
	FD(NULL, "radius.Tunnel_Type", "Tunnel-Type", 0, 32, ST_FMT_DEC),
	FD(NULL, "radius.eap_fragment", "EAP-Message fragment", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "radius.Message_Authenticator", "Message-Authenticator", 0,
	    0, ST_FMT_BYTES),
	FD(NULL, "radius.Ingress_Filters", "Ingress-Filters", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "radius.User_Priority_Table", "User-Priority-Table", 0, 0,
	    ST_FMT_BYTES),
	/* RFC 4675's Egress-VLANID (56) and Egress-VLAN-Name (58). */
	FD(NULL, "radius.egress_vlanid_tag", "Tagged (0x31) or not (0x32)",
	    16, 8, ST_FMT_HEX),
	FD(NULL, "radius.egress_vlanid_pad", "Pad", 24, 12, ST_FMT_HEX),
	FD(NULL, "radius.egress_vlanid", "Egress VLAN ID", 36, 12, ST_FMT_DEC),
	FD(NULL, "radius.egress_vlan_name_tag", "Tagged (0x31) or not (0x32)",
	    16, 8, ST_FMT_HEX),
	FD(NULL, "radius.egress_vlan_name", "Egress VLAN name", 0, 0,
	    ST_FMT_TEXT),
};

enum { A_VLANTAG = A_NAMED + 24, A_VLANNAMETAG = A_VLANTAG + 3 };

/* The attributes shown by value: type, kind, row in avp_fields. */
static const struct {
	uint8_t	 type, kind, row;
} known[] = {
	{ 1, K_STR, A_NAMED }, { 2, K_BYTES, A_NAMED + 1 },
	{ 4, K_IP, A_NAMED + 2 }, { 5, K_U32, A_NAMED + 3 },
	{ 6, K_U32, A_NAMED + 4 }, { 7, K_U32, A_NAMED + 5 },
	{ 8, K_IP, A_NAMED + 6 }, { 12, K_U32, A_NAMED + 7 },
	{ 18, K_STR, A_NAMED + 8 }, { 24, K_BYTES, A_NAMED + 9 },
	{ 25, K_BYTES, A_NAMED + 10 }, { 27, K_U32, A_NAMED + 11 },
	{ 28, K_U32, A_NAMED + 12 }, { 30, K_STR, A_NAMED + 13 },
	{ 31, K_STR, A_NAMED + 14 }, { 32, K_STR, A_NAMED + 15 },
	{ 40, K_U32, A_NAMED + 16 }, { 44, K_STR, A_NAMED + 17 },
	{ 61, K_U32, A_NAMED + 18 }, { 64, K_U32, A_NAMED + 19 },
	{ 79, K_BYTES, A_NAMED + 20 }, { 80, K_BYTES, A_NAMED + 21 },
	{ 57, K_U32, A_NAMED + 22 }, { 59, K_BYTES, A_NAMED + 23 },
};

/* The value of attribute type (n bytes at c + 2), when a known one. */
static void
radius_value(struct st_dctx *d, struct st_cur *c, unsigned type, size_t n)
{
	char text[256 * 4 + 1];
	size_t k;

	for (k = 0; k < NFIELDS(known) && known[k].type != type; k++)
		;
	if (k == NFIELDS(known) || n == 0)
		return;
	switch (known[k].kind) {
	case K_IP: case K_U32:
		if (n == 4)
			st_dbytes(d, c, &avp_fields[known[k].row], 2, 4);
		break;
	case K_BYTES:
		st_dbytes(d, c, &avp_fields[known[k].row], 2, n);
		break;
	case K_STR:
		if (!st_cur_need(c, 2 + n))
			return;
		st_escape(c->base + c->off + 2, n, text, sizeof(text));
		st_dtext(d, c, &avp_fields[known[k].row], 2, n, text);
		break;
	}
}

/* A Vendor-Specific attribute of n value bytes: vendor, then (as RFC 2865
 * 5.26 suggests) the vendor's type, length and bytes. */
static void
radius_vsa(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t vl;

	if (n < 4)
		return;
	st_dfield(d, c, &avp_fields[A_VENDOR]);
	if (n < 6)
		return;
	vl = (size_t)st_peek_bits(c, 56, 8);
	if (vl < 2 || vl > n - 4)		/* not in the suggested form */
		return (void)st_dbytes(d, c, &avp_fields[A_VSA], 6, n - 4);
	st_dfields(d, c, avp_fields + A_VTYPE, 2);
	if (vl > 2)
		st_dbytes(d, c, &avp_fields[A_VSA], 8, vl - 2);
}

/* Where the EAP-Message attributes (79) are: how many, the first's value. */
struct radius_eap {
	unsigned	 n;
	size_t		 pos, len;
};

/* The attributes from pos to end. */
static int
radius_avps(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    struct radius_eap *eap)
{
	struct st_cur p;
	unsigned i, type;
	size_t len;

	for (i = 0; pos < end && i < RADIUS_MAX_AVPS; i++) {
		p = *c;
		p.off += pos;
		if (end - pos < 2)
			return st_dmalformed(d, "attribute header cut short");
		if (!st_cur_need(&p, 2))
			return ST_ETRUNC;
		type = (unsigned)st_peek_bits(&p, 0, 8);
		len = (size_t)st_peek_bits(&p, 8, 8);
		if (len < 2 || len > end - pos)
			return st_dmalformed(d, "attribute %u of length %zu",
			    type, len);
		st_dbytes(d, &p, &avp_fields[A_AVP], 0, len);
		st_dfields(d, &p, avp_fields + A_TYPE, 2);
		if (type == 79 && len > 2 && eap->n++ == 0) {
			eap->pos = pos + 2;
			eap->len = len - 2;
		}
		if (type == 26)
			radius_vsa(d, &p, len - 2);
		else if (type == 56 && len == 6)
			st_dfields(d, &p, avp_fields + A_VLANTAG, 3);
		else if (type == 58 && len >= 3) {
			char text[256 * 4 + 1];

			st_dfield(d, &p, &avp_fields[A_VLANNAMETAG]);
			if (st_cur_need(&p, len)) {
				st_escape(p.base + p.off + 3, len - 3, text,
				    sizeof(text));
				st_dtext(d, &p, &avp_fields[A_VLANNAMETAG + 1],
				    3, len - 3, text);
			}
		} else
			radius_value(d, &p, type, len - 2);
		pos += len;
	}
	return ST_OK;
}

/* The request code a response code answers; 0: none (it is no response). */
static unsigned
asked(unsigned code)
{
	switch (code) {
	case 2: case 3: case 11:
		return 1;		/* Access-Accept, -Reject, -Challenge */
	case 5: case 8: case 9: case 22: case 24: case 27: case 34:
		return code - 1;	/* Accounting, Password, Resource ... */
	case 41: case 42:
		return 40;		/* Disconnect */
	case 44: case 45:
		return 43;		/* CoA */
	}
	return 0;
}

/*
 * Requests and responses paired as Wireshark does (by request code and
 * identifier in the conversation): the first request with a key is noted;
 * one repeating it is a duplicate (and shows the response frame if one
 * came), the first response takes the request, a later one is a
 * duplicate; each response shows its request's frame and the time since.
 */
static void
pair(struct st_dctx *d, unsigned code, unsigned id)
{
	struct st_match r;
	struct st_field *f;
	uint64_t rsp = 0, num = d->pkt->num;
	unsigned req = asked(code);
	char buf[48];

	if (req == 0) {
		if (asked(code + 1) != code)
			return;			/* no request either */
		if (!st_match_answer(d, (uint64_t)code << 8 | id, &r)) {
			(void)st_match_note(d, (uint64_t)code << 8 | id, &rsp,
			    sizeof(rsp));
			return;
		}
		st_dgen(d, &radius_fields[F_DUP], id);
		st_dgen(d, &radius_fields[F_REQDUP], r.frame);
		memcpy(&rsp, r.data, sizeof(rsp));
		if (rsp != 0)
			st_dgen(d, &radius_fields[F_RSPFR], rsp);
		return;
	}
	if (!st_match_answer(d, (uint64_t)req << 8 | id, &r))
		return;
	memcpy(&rsp, r.data, sizeof(rsp));
	if (rsp == 0) {
		memcpy(r.data, &num, sizeof(num));
		st_match_add(&r);
	} else if (rsp != num) {
		st_dgen(d, &radius_fields[F_DUP], id);
		st_dgen(d, &radius_fields[F_RSPDUP], rsp);
	}
	st_dgen(d, &radius_fields[F_REQFR], r.frame);
	st_match_delta(d, &r, buf, sizeof(buf));
	if ((f = st_dgen(d, &radius_fields[F_TIME], 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
}

/*
 * The EAP packet one EAP-Message attribute holds, as a layer after this
 * one (RFC 3579 3.1), through the registry (EAP's PPP number).  Several
 * attributes hold the fragments of one packet: strata does not join them.
 * Called last, with the attributes' result rc, which it returns.
 */
static int
radius_eap_on(struct st_dctx *d, struct st_cur *c, const struct radius_eap *e,
    int rc)
{
	const struct st_proto *p;

	if (e->n == 1 && (p = st_proto_next(ST_KEY_PPP, 0xc227)) != NULL &&
	    e->pos < st_cur_left(c))
		st_dsublayer(d, c, p, e->pos, e->len);
	return rc;
}

/* Whether Wireshark takes code as a RADIUS packet type (1-13, 21-27,
 * 29-34, 40-45, 50, 51, 129-132): with another, or a length below 20,
 * the datagram is no RADIUS for it. */
static int
radius_known(unsigned code)
{
	return (code >= 1 && code <= 13) || (code >= 21 && code <= 34 &&
	    code != 28) || (code >= 40 && code <= 45) || code == 50 ||
	    code == 51 || (code >= 129 && code <= 132);
}

static int
radius_decode(struct st_dctx *d, struct st_cur *c)
{
	struct radius_eap eap = { 0, 0, 0 };
	size_t left = st_cur_left(c), len, end;
	unsigned code;
	int rc;

	if (left >= 1 && !radius_known((unsigned)st_peek_bits(c, 0, 8)))
		return ST_ENOTME;
	if (left >= 4 && st_peek_bits(c, 16, 16) < 20)
		return ST_ENOTME;
	st_dfields(d, c, radius_fields, F_REQ);
	if (c->err != ST_OK)
		return c->err;
	code = (unsigned)st_peek_bits(c, 0, 8);
	len = (size_t)st_peek_bits(c, 16, 16);
	st_dgen(d, &radius_fields[code == 1 || code == 4 || code == 12 ||
	    code == 40 || code == 43 ? F_REQ : F_RSP], 1);
	pair(d, code, (unsigned)st_peek_bits(c, 8, 8));
	if (len < 20)
		return st_dmalformed(d, "length %zu below 20", len);
	d->hdr = len < left ? len : left;
	d->plen = left - d->hdr;	/* beyond the length: padding */
	end = len;
	if (len > left) {
		if (d->pkt->caplen == d->pkt->len)
			return st_dmalformed(d, "length %zu exceeds the %zu "
			    "bytes", len, left);
		end = left;
		rc = radius_avps(d, c, 20, end, &eap);
		return radius_eap_on(d, c, &eap, rc == ST_EINVAL ? rc :
		    ST_ETRUNC);
	}
	rc = radius_avps(d, c, 20, end, &eap);
	return radius_eap_on(d, c, &eap, rc);
}

static const struct st_bind radius_binds[] = {
	{ ST_KEY_UDPPORT, 1812 }, { ST_KEY_UDPPORT, 1813 },
	{ ST_KEY_UDPPORT, 1645 }, { ST_KEY_UDPPORT, 1646 },
	{ ST_KEY_UDPPORT, 3799 },
};

/* "radius Access-Request id 70 user bob". */
static int
radius_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS], *u;
	const char *m;

	st_ly_fields(s->pkt, ly, radius_fields, F_NFIELDS, f);
	st_out_puts(s->o, "radius");
	if (f[F_CODE] != NULL) {
		if ((m = st_field_meaning(f[F_CODE])) != NULL)
			st_out_printf(s->o, " %s", m);
		else
			st_out_printf(s->o, " code %u",
			    (unsigned)f[F_CODE]->val);
	}
	if (f[F_ID] != NULL) {
		st_out_puts(s->o, " id ");
		s->value(s, f[F_ID]);
	}
	if ((u = st_pkt_fd(s->pkt, ly, &avp_fields[A_NAMED])) != NULL) {
		st_out_puts(s->o, " user ");
		s->value(s, u);
	}
	return 1;
}

static const struct st_field_desc *const radius_keys[] = {
	&radius_fields[F_CODE], &radius_fields[F_ID], &radius_fields[F_LEN],
	NULL,
};

const struct st_proto st_proto_radius = {
	.name = "radius",
	.ws = "radius",
	.title = "Remote Authentication Dial-In User Service",
	.rfc = "RFC 2865, RFC 2866, RFC 5176",
	.role = ST_ROLE_APP,
	.fields = radius_fields,
	.nfields = NFIELDS(radius_fields),
	.more = avp_fields,
	.nmore = NFIELDS(avp_fields),
	.decode = radius_decode,
	.binds = radius_binds,
	.nbinds = NFIELDS(radius_binds),
	.summary = radius_summary,
	.keys = radius_keys,
	.color = "\033[33m",
	.explain = "A network access server (NAS) asks the RADIUS server "
	    "whether a user may connect (Access-Request), and is answered "
	    "Accept, Reject or Challenge; the identifier pairs them.  The "
	    "authenticator is random in a request and an MD5 over the answer "
	    "and the shared secret in a response; the password attribute is "
	    "hidden with the same secret.  Attributes are type, length, "
	    "value; type 26 carries a vendor's own.",
};
