/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TACACS and XTACACS (RFC 1492), UDP 49: the terminal servers' login
 * check of the 1980s that TACACS+ (tacplus.c, TCP 49) replaced.  Every
 * message starts with a version (0 TACACS, 0x80 XTACACS), a type (login,
 * response, logout, ...) and a nonce the answer repeats.
 *
 * TACACS:   version type nonce(2) | userlen passlen user password
 *           or, for a response:     | response reason
 * XTACACS:  version type nonce(2) userlen passlen response reason
 *           result1(4) destaddr(4) destport(2) line(2) result2(4)
 *           result3(2), then user and password (not in a response)
 *
 * The password travels in the clear: a student sees why TACACS+ came.
 */
#include "strata/out.h"
#include "fields.h"

#define TACACS_RESPONSE	2
#define XTACACS_HDR	26

enum { F_VER, F_TYPE, F_NONCE, F_USERLEN, F_PASSLEN, F_RESP0, F_REASON0,
	X_USERLEN, X_PASSLEN, X_RESP, X_REASON, X_RESULT1, X_DESTADDR,
	X_DESTPORT, X_LINE, X_RESULT2, X_RESULT3, F_USER, F_PASS, F_NFIELDS };

static const struct st_valname tacacs_ver_names[] = {
	{ 0x00, "TACACS" }, { 0x80, "XTACACS" }, { 0, NULL }
};

static const struct st_valname tacacs_type_names[] = {
	{ 1, "Login" }, { 2, "Response" }, { 3, "Change" }, { 4, "Follow" },
	{ 5, "Connect" }, { 6, "Superuser" }, { 7, "Logout" },
	{ 8, "Reload" }, { 9, "SLIP on" }, { 10, "SLIP off" },
	{ 11, "SLIP Addr" }, { 0, NULL }
};

static const struct st_valname tacacs_resp_names[] = {
	{ 0, "this is not a response" }, { 1, "accepted" },
	{ 2, "rejected" }, { 0, NULL }
};

static const struct st_valname tacacs_reason_names[] = {
	{ 0, "none" }, { 1, "expiring" }, { 2, "password" }, { 3, "denied" },
	{ 4, "quit" }, { 5, "idle" }, { 6, "drop" }, { 7, "bad" },
	{ 0, NULL }
};

static const struct st_field_desc tacacs_fields[F_NFIELDS] = {
	[F_VER] = FDN(NULL, "tacacs.version", "Version", 0, 8, ST_FMT_HEX,
	    tacacs_ver_names),
	[F_TYPE] = FDN("type", "tacacs.type", "Type", 8, 8, ST_FMT_DEC,
	    tacacs_type_names),
	[F_NONCE] = FD(NULL, "tacacs.nonce", "Nonce", 16, 16, ST_FMT_HEX),
	/* TACACS */
	[F_USERLEN] = FD(NULL, "tacacs.userlen", "Username length", 32, 8,
	    ST_FMT_DEC),
	[F_PASSLEN] = FD(NULL, "tacacs.passlen", "Password length", 40, 8,
	    ST_FMT_DEC),
	[F_RESP0] = FDN("response", "tacacs.response", "Response", 32, 8,
	    ST_FMT_DEC, tacacs_resp_names),
	[F_REASON0] = FDN(NULL, "tacacs.reason", "Reason", 40, 8,
	    ST_FMT_DEC, tacacs_reason_names),
	/* XTACACS */
	[X_USERLEN] = FD(NULL, "tacacs.userlen", "Username length", 32, 8,
	    ST_FMT_DEC),
	[X_PASSLEN] = FD(NULL, "tacacs.passlen", "Password length", 40, 8,
	    ST_FMT_DEC),
	[X_RESP] = FDN("response", "tacacs.response", "Response", 48, 8,
	    ST_FMT_DEC, tacacs_resp_names),
	[X_REASON] = FDN(NULL, "tacacs.reason", "Reason", 56, 8, ST_FMT_DEC,
	    tacacs_reason_names),
	[X_RESULT1] = FD(NULL, "tacacs.result1", "Result 1", 64, 32,
	    ST_FMT_HEX),
	[X_DESTADDR] = FD("dest", "tacacs.destaddr", "Destination address",
	    96, 32, ST_FMT_IPV4),
	[X_DESTPORT] = FD(NULL, "tacacs.destport", "Destination port", 128,
	    16, ST_FMT_DEC),
	[X_LINE] = FD(NULL, "tacacs.line", "Line", 144, 16, ST_FMT_DEC),
	[X_RESULT2] = FD(NULL, "tacacs.result2", "Result 2", 160, 32,
	    ST_FMT_HEX),
	[X_RESULT3] = FD(NULL, "tacacs.result3", "Result 3", 192, 16,
	    ST_FMT_HEX),
	[F_USER] = FD("user", "tacacs.username", "Username", 0, 0,
	    ST_FMT_TEXT),
	[F_PASS] = FD(NULL, "tacacs.password", "Password", 0, 0, ST_FMT_TEXT),
};

static int
tacacs_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned ver, type;
	size_t at, ul, pl;

	if (!st_cur_need(c, 1))
		return c->err;
	st_dfields(d, c, tacacs_fields, F_USERLEN);
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	ver = (unsigned)st_peek_bits(c, 0, 8);
	type = (unsigned)st_peek_bits(c, 8, 8);
	if (ver == 0 && type == TACACS_RESPONSE) {
		st_dfields(d, c, tacacs_fields + F_RESP0, 2);
		at = 6;
	} else if (ver == 0) {
		st_dfields(d, c, tacacs_fields + F_USERLEN, 2);
		at = 6;
	} else {
		st_dfields(d, c, tacacs_fields + X_USERLEN,
		    X_RESULT3 - X_USERLEN + 1);
		at = XTACACS_HDR;
	}
	if (c->err == ST_OK && type != TACACS_RESPONSE) {
		ul = (size_t)st_peek_bits(c, 32, 8);
		pl = (size_t)st_peek_bits(c, 40, 8);
		st_dtext_ascii(d, c, &tacacs_fields[F_USER], at, ul);
		if (c->err == ST_OK)
			st_dtext_ascii(d, c, &tacacs_fields[F_PASS], at + ul,
			    pl);
		at += ul + pl;
	}
	if (c->err != ST_OK) {
		d->hdr = st_cur_left(c);
		return c->err;
	}
	d->hdr = at;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind tacacs_binds[] = {
	{ ST_KEY_UDPPORT, 49 },
};

/* "XTACACS Login alice", "TACACS Response accepted". */
static int
tacacs_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const struct st_field *resp, *why;

	st_ly_fields(s->pkt, ly, tacacs_fields, F_NFIELDS, f);
	st_out_puts(s->o, f[F_VER] != NULL && f[F_VER]->val != 0 ?
	    "XTACACS" : "TACACS");
	if (f[F_TYPE] != NULL) {
		st_out_putc(s->o, ' ');
		st_out_puts(s->o, st_field_meaning(f[F_TYPE]) != NULL ?
		    st_field_meaning(f[F_TYPE]) : "?");
	}
	if (f[F_USER] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_USER]);
	}
	resp = f[F_RESP0] != NULL ? f[F_RESP0] : f[X_RESP];
	if (resp != NULL && resp->val != 0) {
		st_out_putc(s->o, ' ');
		st_out_puts(s->o, st_field_meaning(resp) != NULL ?
		    st_field_meaning(resp) : "?");
	}
	why = f[F_REASON0] != NULL ? f[F_REASON0] : f[X_REASON];
	if (why != NULL && why->val != 0 && st_field_meaning(why) != NULL)
		st_out_printf(s->o, " (%s)", st_field_meaning(why));
	return 1;
}

static const struct st_field_desc *const tacacs_keys[] = {
	&tacacs_fields[F_TYPE], &tacacs_fields[F_USER], NULL,
};

const struct st_proto st_proto_tacacs = {
	.name = "tacacs",
	.ws = "tacacs",
	.title = "TACACS",
	.rfc = "RFC 1492",
	.role = ST_ROLE_APP,
	.fields = tacacs_fields,
	.nfields = F_NFIELDS,
	.decode = tacacs_decode,
	.binds = tacacs_binds,
	.nbinds = NFIELDS(tacacs_binds),
	.summary = tacacs_summary,
	.keys = tacacs_keys,
	.color = "\033[33m",
	.explain = "The Terminal Access Controller Access-Control System, "
	    "as terminal servers and early routers spoke it over UDP port "
	    "49: a login request carries the user name and the password in "
	    "clear text, and the server answers accepted or rejected with a "
	    "reason.  Extended TACACS (version 0x80) adds the line, the "
	    "destination and result words.  Cisco's TACACS+ (TCP 49) "
	    "replaced both and obfuscates its bodies.",
};
