/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * HSRP version 1 (RFC 2281), over UDP port 1985.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Version     |   Op Code     |     State     |   Hellotime   |
 * |   Holdtime    |   Priority    |     Group     |   Reserved    |
 * |                 Authentication Data (8 bytes)                 |
 * |                      Virtual IP Address                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Version 2 (a list of TLVs, on port 1985 for IPv4 too) is not decoded:
 * its first byte is a TLV type, not 0.  An advertise (op code 3) carries,
 * after version and op code, a TLV: type 1 (interface state) is its
 * length (14, counting type and length), the state, a reserved byte, the
 * counts of active and passive groups and 4 reserved bytes.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_OP, F_STATE, F_HELLO, F_HOLD, F_PRIO, F_GROUP, F_RES,
	F_AUTH, F_VIP, A_TYPE, A_LEN, A_STATE, A_RES1, A_ACT, A_PASS, A_RES2 };

static const struct st_valname hsrp_op_names[] = {
	{ 0, "Hello" }, { 1, "Coup" }, { 2, "Resign" }, { 3, "Advertise" },
	{ 0, NULL }
};

static const struct st_valname hsrp_state_names[] = {
	{ 0, "Initial" }, { 1, "Learn" }, { 2, "Listen" }, { 4, "Speak" },
	{ 8, "Standby" }, { 16, "Active" }, { 0, NULL }
};

static const struct st_valname hsrp_adv_state_names[] = {
	{ 1, "Dormant" }, { 2, "Passive" }, { 3, "Active" }, { 0, NULL }
};

static const struct st_valname hsrp_adv_type_names[] = {
	{ 1, "HSRP interface state" }, { 0, NULL }
};

static const struct st_field_desc hsrp_fields[] = {
	FD("version", "hsrp.version", "Version", 0, 8, ST_FMT_DEC),
	FDN("opcode", "hsrp.opcode", "Op code", 8, 8, ST_FMT_DEC,
	    hsrp_op_names),
	FDN("state", "hsrp.state", "State", 16, 8, ST_FMT_DEC,
	    hsrp_state_names),
	FD(NULL, "hsrp.hellotime", "Hellotime", 24, 8, ST_FMT_DEC),
	FD(NULL, "hsrp.holdtime", "Holdtime", 32, 8, ST_FMT_DEC),
	FD("prio", "hsrp.priority", "Priority", 40, 8, ST_FMT_DEC),
	FD("group", "hsrp.group", "Group", 48, 8, ST_FMT_DEC),
	FD(NULL, "hsrp.reserved", "Reserved", 56, 8, ST_FMT_DEC),
	FD(NULL, "hsrp.auth_data", "Authentication data", 64, 64,
	    ST_FMT_TEXT),
	FD("vip", "hsrp.virt_ip", "Virtual IP address", 128, 32,
	    ST_FMT_IPV4),
	/* an advertise's TLV */
	FDN(NULL, "hsrp.adv.tlvtype", "Adv type", 16, 16, ST_FMT_DEC,
	    hsrp_adv_type_names),
	FD(NULL, "hsrp.adv.tlvlength", "Adv length", 32, 16, ST_FMT_DEC),
	FDN(NULL, "hsrp.adv.state", "Adv state", 48, 8, ST_FMT_DEC,
	    hsrp_adv_state_names),
	FD(NULL, "hsrp.adv.reserved1", "Adv reserved1", 56, 8, ST_FMT_DEC),
	FD(NULL, "hsrp.adv.activegrp", "Adv active groups", 64, 16,
	    ST_FMT_DEC),
	FD(NULL, "hsrp.adv.passivegrp", "Adv passive groups", 80, 16,
	    ST_FMT_DEC),
	FD(NULL, "hsrp.adv.reserved2", "Adv reserved2", 96, 32, ST_FMT_DEC),
};

/* An advertise's TLV after version and op code; the rest is data. */
static int
hsrp_adv(struct st_dctx *d, struct st_cur *c)
{
	size_t n;

	d->hdr = 2;
	d->data = 1;
	if (st_cur_left(c) < 6)
		return ST_OK;
	st_dfields(d, c, hsrp_fields + A_TYPE, 2);
	n = (size_t)st_peek_bits(c, 32, 16);
	if (c->err != ST_OK || st_peek_bits(c, 16, 16) != 1)
		return c->err;
	if (n < 14)
		return st_dmalformed(d, "interface state TLV of %zu bytes", n);
	st_dfields(d, c, hsrp_fields + A_STATE, A_RES2 - A_STATE + 1);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	/* the TLV runs on past the bytes there are */
	if (!st_cur_need(c, 2 + n)) {
		d->hdr = 16;
		return c->err;
	}
	d->hdr = 2 + n;
	return ST_OK;
}

static int
hsrp_decode(struct st_dctx *d, struct st_cur *c)
{
	const uint8_t *p;
	struct st_cur w;
	char text[8 * 4 + 1];
	size_t n;

	if (!st_cur_need(c, 1))
		return c->err;
	if (st_peek_bits(c, 0, 8) != 0)
		return ST_ENOTME;	/* version 2's TLVs */
	st_dfields(d, c, hsrp_fields, F_STATE);
	if (c->err != ST_OK)
		return c->err;
	if (st_peek_bits(c, 8, 8) == 3)
		return hsrp_adv(d, c);
	st_dfields(d, c, hsrp_fields + F_STATE, F_AUTH - F_STATE);
	if (c->err != ST_OK)
		return c->err;
	w = *c;
	w.off += 8;
	if ((p = st_get_bytes(&w, 8)) != NULL) {
		/* The password, up to its first NUL, escaped. */
		for (n = 0; n < 8 && p[n] != 0; n++)
			;
		st_escape(p, n, text, sizeof(text));
		st_dtext(d, c, &hsrp_fields[F_AUTH], 8, 8, text);
	}
	else
		c->err = w.err;
	st_dfield(d, c, &hsrp_fields[F_VIP]);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	d->hdr = 20;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind hsrp_binds[] = {
	{ ST_KEY_UDPPORT, 1985 },
};

/* As tcpdump: "HSRPv0 Hello state Active group 1 prio 100 vip 10.0.0.1". */
static int
hsrp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_VIP + 1];
	struct st_out *o = s->o;
	const char *m;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, hsrp_fields, F_VIP + 1, f);
	st_out_puts(o, "HSRPv0");
	if (f[F_OP] != NULL && (m = st_field_meaning(f[F_OP])) != NULL)
		st_out_printf(o, " %s", m);
	if (f[F_STATE] != NULL && (m = st_field_meaning(f[F_STATE])) != NULL)
		st_out_printf(o, " state %s", m);
	if (f[F_GROUP] != NULL)
		st_out_printf(o, " group %u prio %u", (unsigned)f[F_GROUP]->val,
		    f[F_PRIO] != NULL ? (unsigned)f[F_PRIO]->val : 0);
	if (f[F_VIP] != NULL) {
		st_out_puts(o, " vip ");
		s->value(s, f[F_VIP]);
	}
	return 1;
}

static const struct st_field_desc *const hsrp_keys[] = {
	&hsrp_fields[F_OP], &hsrp_fields[F_STATE], &hsrp_fields[F_GROUP],
	NULL,
};

const struct st_proto st_proto_hsrp = {
	.name = "hsrp",
	.ws = "hsrp",
	.title = "Cisco Hot Standby Router Protocol",
	.rfc = "RFC 2281",
	.role = ST_ROLE_CONTROL,
	.fields = hsrp_fields,
	.nfields = NFIELDS(hsrp_fields),
	.decode = hsrp_decode,
	.binds = hsrp_binds,
	.nbinds = NFIELDS(hsrp_binds),
	.summary = hsrp_summary,
	.keys = hsrp_keys,
	.color = "\033[36m",
	.explain = "Cisco's first-hop redundancy: routers of a group share a "
	    "virtual IP address; the active one (highest priority) answers "
	    "for it and says hello every hellotime seconds, a standby takes "
	    "over after holdtime.  The authentication data is a clear-text "
	    "password (\"cisco\" by default).",
};
