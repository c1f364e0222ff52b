/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RFB, the remote framebuffer protocol of VNC (RFC 6143), TCP 5900: the
 * handshake's first messages, which need no state to read.  Each side
 * opens with its ProtocolVersion, twelve bytes "RFB 003.008\n" (7.1.1;
 * tshark's vnc.server_proto_ver from the server's port, else
 * vnc.client_proto_ver); a version 3.7+ server then sends the number of
 * security types it offers and the types, one byte each (7.1.2), and the
 * viewer answers with the one it chose, one byte.  Later messages depend
 * on what was agreed (the pixel format, the security type): they are
 * left as data.
 *
 * As Wireshark, which reads the handshake in order without reassembly: a
 * list of security types cut short by its segment (the count alone, its
 * types in later segments) leaves the conversation expecting the list,
 * so that the next message either side sends is read as one too, until
 * one is whole (noted with match.h).
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

#define RFB_PORT	5900
#define NOTE_TYPES	1	/* st_match id: a list of types cut short */

static const struct st_valname sec_names[] = {
	{ 0, "Invalid" }, { 1, "None" }, { 2, "VNC" }, { 5, "RA2" },
	{ 6, "RA2ne" }, { 16, "Tight" }, { 17, "Ultra" }, { 18, "TLS" },
	{ 19, "VeNCrypt" }, { 20, "GTK-VNC SASL" }, { 21, "MD5 hash" },
	{ 22, "Colin Dean xvp" }, { 30, "Apple Remote Desktop" }, { 0, NULL }
};

enum { R_SVER, R_CVER, R_NTYPES, R_TYPE, R_CTYPE, R_NRFB };

static const struct st_field_desc rfb_fields[R_NRFB] = {
	[R_SVER] = FD("sver", "vnc.server_proto_ver", "Server protocol "
	    "version", 0, 0, ST_FMT_TEXT),
	[R_CVER] = FD("cver", "vnc.client_proto_ver", "Client protocol "
	    "version", 0, 0, ST_FMT_TEXT),
	[R_NTYPES] = FD("ntypes", "vnc.num_security_types", "Number of "
	    "security types", 0, 8, ST_FMT_DEC),
	[R_TYPE] = FDN(NULL, "vnc.security_type", "Security type", 0, 8,
	    ST_FMT_DEC, sec_names),
	[R_CTYPE] = FDN("ctype", "vnc.client_security_type", "Security type "
	    "selected", 0, 8, ST_FMT_DEC, sec_names),
};

/* Whether the 12 bytes at p are a ProtocolVersion: "RFB ddd.ddd\n". */
static int
is_version(const uint8_t *p)
{
	static const char shape[] = "RFB 999.999\n";
	unsigned i;

	for (i = 0; i < 12; i++)
		if (shape[i] == '9' ? p[i] < '0' || p[i] > '9' :
		    p[i] != (uint8_t)shape[i])
			return 0;
	return 1;
}

static int
rfb_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), i, n;
	int srv = st_dport(d->pkt, d->ly, 0) == RFB_PORT, pending;
	uint8_t cut;
	struct st_match m;
	struct st_cur t = *c;
	const uint8_t *p;
	char ver[8];

	if (left == 12 && (p = st_get_bytes(&t, 12)) != NULL &&
	    is_version(p)) {
		memcpy(ver, p + 4, 7);
		ver[7] = '\0';
		st_dtext(d, c, &rfb_fields[srv ? R_SVER : R_CVER], 4, 7, ver);
		d->hdr = 12;
		d->plen = 0;
		return ST_OK;
	}
	pending = st_match_answer(d, NOTE_TYPES, &m) && m.data[0];
	/* The viewer's choice among them: one byte (7.1.2). */
	if (left == 1 && !srv && !pending) {
		st_dfields_at(d, c, 0, &rfb_fields[R_CTYPE], 1);
		d->hdr = 1;
		d->plen = 0;
		return ST_OK;
	}
	/* The security types offered: a count and as many bytes (or the
	 * count alone, its types in a later segment). */
	if (left == 0 || (!pending && (!srv || (left > 1 &&
	    st_peek_bits(c, 0, 8) != left - 1))))
		return ST_ENOTME;
	st_dfields_at(d, c, 0, &rfb_fields[R_NTYPES], 1);
	n = (size_t)st_peek_bits(c, 0, 8);
	cut = n > left - 1;
	for (i = 0; i < n && i < left - 1; i++)
		st_dfields_at(d, c, 1 + i, &rfb_fields[R_TYPE], 1);
	if (cut || pending)
		(void)st_match_note(d, NOTE_TYPES, &cut, 1);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind rfb_binds[] = {
	{ ST_KEY_TCPPORT, RFB_PORT },
};

/* "vnc server version 003.008", "vnc 2 security types". */
static int
rfb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[R_NRFB];

	st_ly_fields(s->pkt, ly, rfb_fields, R_NRFB, f);
	if (f[R_SVER] != NULL || f[R_CVER] != NULL) {
		st_out_printf(s->o, "vnc %s version ", f[R_SVER] != NULL ?
		    "server" : "client");
		s->value(s, f[R_SVER] != NULL ? f[R_SVER] : f[R_CVER]);
	} else if (f[R_NTYPES] != NULL)
		st_out_printf(s->o, "vnc %llu security type%s offered",
		    (unsigned long long)f[R_NTYPES]->val,
		    f[R_NTYPES]->val == 1 ? "" : "s");
	else if (f[R_CTYPE] != NULL) {
		st_out_puts(s->o, "vnc security type ");
		s->value(s, f[R_CTYPE]);
		st_out_puts(s->o, " chosen");
	} else
		st_out_puts(s->o, "vnc");
	return 1;
}

static const struct st_field_desc *const rfb_keys[] = {
	&rfb_fields[R_SVER], &rfb_fields[R_CVER], &rfb_fields[R_NTYPES], NULL,
};

const struct st_proto st_proto_rfb = {
	.name = "vnc",
	.ws = "vnc",
	.title = "Virtual Network Computing",
	.rfc = "RFC 6143",
	.role = ST_ROLE_APP,
	.fields = rfb_fields,
	.nfields = R_NRFB,
	.decode = rfb_decode,
	.binds = rfb_binds,
	.nbinds = NFIELDS(rfb_binds),
	.summary = rfb_summary,
	.keys = rfb_keys,
	.color = "\033[35m",
	.explain = "VNC's remote framebuffer protocol: a viewer connects to "
	    "TCP 5900 (+ the display number); both sides say their version "
	    "(\"RFB 003.008\"), the server offers security types (None, VNC "
	    "authentication's DES challenge, TLS...), and once the viewer "
	    "is in, the server sends rectangles of screen as it changes while "
	    "the viewer sends keys and pointer moves.",
};
