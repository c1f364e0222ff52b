/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RFB, the remote framebuffer protocol of VNC (RFC 6143), TCP 5900, read
 * as Wireshark's VNC dissector reads it: by a state machine kept per
 * conversation, each packet one message of the state the conversation
 * is in.  The handshake (7.1, 7.2, 7.3): the server's ProtocolVersion,
 * the client's, the security types (3.7+: a count and the list; 3.3: a
 * 4-byte type the server chose), the client's choice, VNC
 * authentication's challenge and response (16 bytes each), the security
 * result (with a reason on failure in 3.8), ClientInit and ServerInit
 * (the framebuffer's size, its pixel format and the desktop's name).
 * Then the normal messages (7.5, 7.6), told apart by direction: towards
 * the server's port a client message, else a server message.
 *
 * As Wireshark, the handshake's states go by packet order, not by
 * direction, and a message cut short by its segment is shown as far as
 * it goes, marked, and leaves the state where it was (tshark's tree
 * throws before it moves on).  A conversation whose start was not seen
 * (no ProtocolVersion) shows an empty layer, as tshark does.  The state
 * is a note of match.h (bounded, emptied per capture), written only when
 * it changes.  The messages after the handshake are in rfbmsg.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"
#include "rfb.h"

#define NOTE_STATE	2	/* st_match id: the conversation's state */

static const struct st_valname sec_names[] = {
	{ 0, "Invalid" }, { 1, "None" }, { 2, "VNC" }, { 5, "RA2" },
	{ 6, "RA2ne" }, { 16, "Tight" }, { 17, "Ultra" }, { 18, "TLS" },
	{ 19, "VeNCrypt" }, { 20, "GTK-VNC SASL" }, { 21, "MD5 hash" },
	{ 22, "Colin Dean xvp" }, { 30, "Apple Remote Desktop" }, { 0, NULL }
};

static const struct st_valname cmsg_names[] = {
	{ 0, "Set Pixel Format" }, { 2, "Set Encodings" },
	{ 3, "Framebuffer Update Request" }, { 4, "Key Event" },
	{ 5, "Pointer Event" }, { 6, "Cut Text" }, { 0, NULL }
};

static const struct st_valname smsg_names[] = {
	{ 0, "Framebuffer Update" }, { 1, "Set Colormap Entries" },
	{ 2, "Ring Bell" }, { 3, "Cut Text" }, { 0, NULL }
};

/* The encodings, as 32-bit values (negative ones, pseudo-encodings, as
 * their two's complement). */
static const struct st_valname enc_names[] = {
	{ 0, "Raw" }, { 1, "CopyRect" }, { 2, "RRE" }, { 4, "CoRRE" },
	{ 5, "Hextile" }, { 6, "Zlib" }, { 7, "Tight" }, { 8, "ZlibHex" },
	{ 15, "TRLE" }, { 16, "ZRLE" },
	{ 0xffffff21, "DesktopSize (pseudo)" },
	{ 0xffffff20, "LastRect (pseudo)" },
	{ 0xffffff18, "Pointer pos (pseudo)" },
	{ 0xffffff11, "Rich Cursor (pseudo)" },
	{ 0xffffff10, "X Cursor (pseudo)" },
	{ 0xfffffecc, "Extended Desktop Size (pseudo)" },
	{ 0, NULL }
};

#define U8(k, n, l, o)	FD(k, n, l, (o) * 8, 8, ST_FMT_DEC)
#define U16(k, n, l, o)	FD(k, n, l, (o) * 8, 16, ST_FMT_DEC)
#define FLAG(n, l, o)	FD(NULL, n, l, (o) * 8, 8, ST_FMT_DEC)
#define BTN(i, o)	FDD(NULL, "vnc.button_" #i "_pos", "Mouse button #" \
	#i " position", (o) * 8 + 8 - (i), 1, ST_FMT_BOOL)

const struct st_field_desc rfb_fields[R_NRFB] = {
	[R_SVER] = FD("sver", "vnc.server_proto_ver", "Server protocol "
	    "version", 0, 0, ST_FMT_TEXT),
	[R_CVER] = FD("cver", "vnc.client_proto_ver", "Client protocol "
	    "version", 0, 0, ST_FMT_TEXT),
	[R_NTYPES] = FD("ntypes", "vnc.num_security_types", "Number of "
	    "security types", 0, 8, ST_FMT_DEC),
	[R_TYPE] = FDN(NULL, "vnc.security_type", "Security type", 0, 8,
	    ST_FMT_DEC, sec_names),
	[R_STYPE] = FDN(NULL, "vnc.server_security_type", "Security type", 0,
	    32, ST_FMT_DEC, sec_names),
	[R_CTYPE] = FDN("ctype", "vnc.client_security_type", "Security type "
	    "selected", 0, 8, ST_FMT_DEC, sec_names),
	[R_CHAL] = FD(NULL, "vnc.auth_challenge", "Authentication challenge",
	    0, 0, ST_FMT_BYTES),
	[R_RESP] = FD(NULL, "vnc.auth_response", "Authentication response",
	    0, 0, ST_FMT_BYTES),
	/* A boolean of the 32-bit word's low bit, as Wireshark's. */
	[R_RESULT] = FD(NULL, "vnc.auth_result", "Authentication result",
	    31, 1, ST_FMT_BOOL),
	[R_ERRLEN] = FD(NULL, "vnc.auth_error_len", "Length of "
	    "authentication error", 32, 32, ST_FMT_DEC),
	[R_ERR] = FD(NULL, "vnc.auth_error", "Authentication error", 0, 0,
	    ST_FMT_TEXT),
	[R_SHARED] = FLAG("vnc.share_desktop_flag", "Share desktop flag", 0),
	[R_WIDTH] = U16(NULL, "vnc.width", "Framebuffer width", 0),
	[R_HEIGHT] = U16(NULL, "vnc.height", "Framebuffer height", 2),
	[R_BPP] = U8(NULL, "vnc.server_bits_per_pixel", "Bits per pixel", 4),
	[R_DEPTH] = U8(NULL, "vnc.server_depth", "Depth", 5),
	[R_BE] = FLAG("vnc.server_big_endian_flag", "Big endian flag", 6),
	[R_TC] = FLAG("vnc.server_true_color_flag", "True color flag", 7),
	[R_RMAX] = U16(NULL, "vnc.server_red_max", "Red maximum", 8),
	[R_GMAX] = U16(NULL, "vnc.server_green_max", "Green maximum", 10),
	[R_BMAX] = U16(NULL, "vnc.server_blue_max", "Blue maximum", 12),
	[R_RSH] = U8(NULL, "vnc.server_red_shift", "Red shift", 14),
	[R_GSH] = U8(NULL, "vnc.server_green_shift", "Green shift", 15),
	[R_BSH] = U8(NULL, "vnc.server_blue_shift", "Blue shift", 16),
	[R_PAD] = FD(NULL, "vnc.padding", "Padding", 0, 0, ST_FMT_BYTES),
	[R_NAMELEN] = FD(NULL, "vnc.desktop_name_len", "Desktop name length",
	    0, 32, ST_FMT_DEC),
	[R_NAME] = FD(NULL, "vnc.desktop_name", "Desktop name", 0, 0,
	    ST_FMT_TEXT),

	[R_CMSG] = FDN("cmsg", "vnc.client_message_type", "Client Message "
	    "Type", 0, 8, ST_FMT_DEC, cmsg_names),
	[R_CBPP] = U8(NULL, "vnc.client_bits_per_pixel", "Bits per pixel", 4),
	[R_CDEPTH] = U8(NULL, "vnc.client_depth", "Depth", 5),
	[R_CBE] = FLAG("vnc.client_big_endian_flag", "Big endian flag", 6),
	[R_CTC] = FLAG("vnc.client_true_color_flag", "True color flag", 7),
	[R_CRMAX] = U16(NULL, "vnc.client_red_max", "Red maximum", 8),
	[R_CGMAX] = U16(NULL, "vnc.client_green_max", "Green maximum", 10),
	[R_CBMAX] = U16(NULL, "vnc.client_blue_max", "Blue maximum", 12),
	[R_CRSH] = U8(NULL, "vnc.client_red_shift", "Red shift", 14),
	[R_CGSH] = U8(NULL, "vnc.client_green_shift", "Green shift", 15),
	[R_CBSH] = U8(NULL, "vnc.client_blue_shift", "Blue shift", 16),
	[R_NENC] = U16(NULL, "vnc.client_set_encodings_num", "Number of "
	    "encodings", 2),
	[R_ENC] = FDX(NULL, "vnc.client_set_encodings_encoding_type",
	    "Encoding type", 0, 32, ST_FMT_DEC, 0, 0, ST_DF_SIGNED, 0,
	    enc_names),
	[R_INCR] = FLAG("vnc.update_req_incremental", "Incremental update",
	    1),
	[R_UX] = U16(NULL, "vnc.update_req_x_pos", "X position", 2),
	[R_UY] = U16(NULL, "vnc.update_req_y_pos", "Y position", 4),
	[R_UW] = U16(NULL, "vnc.update_req_width", "Width", 6),
	[R_UH] = U16(NULL, "vnc.update_req_height", "Height", 8),
	[R_KDOWN] = FLAG("vnc.key_down", "Key down", 1),
	[R_KEY] = FD(NULL, "vnc.key", "Key", 32, 32, ST_FMT_HEX),
	[R_B1] = BTN(1, 1), [R_B2] = BTN(2, 1), [R_B3] = BTN(3, 1),
	[R_B4] = BTN(4, 1), [R_B5] = BTN(5, 1), [R_B6] = BTN(6, 1),
	[R_B7] = BTN(7, 1), [R_B8] = BTN(8, 1),
	[R_PX] = U16(NULL, "vnc.pointer_x_pos", "X position", 2),
	[R_PY] = U16(NULL, "vnc.pointer_y_pos", "Y position", 4),
	[R_CCLEN] = FD(NULL, "vnc.client_cut_text_len", "Length", 32, 32,
	    ST_FMT_DEC),
	[R_CCTEXT] = FD(NULL, "vnc.client_cut_text", "Text", 0, 0,
	    ST_FMT_TEXT),

	[R_SMSG] = FDN("smsg", "vnc.server_message_type", "Server Message "
	    "Type", 0, 8, ST_FMT_DEC, smsg_names),
	[R_NRECTS] = U16(NULL, "vnc.fb_update_num_rects", "Number of "
	    "rectangles", 2),
	[R_RX] = U16(NULL, "vnc.fb_update_x_pos", "X position", 0),
	[R_RY] = U16(NULL, "vnc.fb_update_y_pos", "Y position", 2),
	[R_RW] = U16(NULL, "vnc.fb_update_width", "Width", 4),
	[R_RH] = U16(NULL, "vnc.fb_update_height", "Height", 6),
	[R_RENC] = FDX(NULL, "vnc.fb_update_encoding_type", "Encoding type",
	    64, 32, ST_FMT_DEC, 0, 0, ST_DF_SIGNED, 0, enc_names),
	[R_RAW] = FD(NULL, "vnc.raw_pixel_data", "Pixel data", 0, 0,
	    ST_FMT_BYTES),
	[R_CRX] = U16(NULL, "vnc.copyrect_src_x_pos", "Source x position",
	    0),
	[R_CRY] = U16(NULL, "vnc.copyrect_src_y_pos", "Source y position",
	    2),
	[R_FIRST] = U16(NULL, "vnc.colormap_first_color", "First color", 2),
	[R_NCOL] = U16(NULL, "vnc.colormap_groups", "Number of color "
	    "groups", 4),
	[R_GROUPS] = FD(NULL, "vnc.color_groups", "Color groups", 0, 0,
	    ST_FMT_BYTES),
	[R_RED] = U16(NULL, "vnc.colormap_red", "Red", 0),
	[R_GREEN] = U16(NULL, "vnc.colormap_green", "Green", 2),
	[R_BLUE] = U16(NULL, "vnc.colormap_blue", "Blue", 4),
	[R_SCLEN] = FD(NULL, "vnc.server_cut_text_len", "Length", 32, 32,
	    ST_FMT_DEC),
	[R_SCTEXT] = FD(NULL, "vnc.server_cut_text", "Text", 0, 0,
	    ST_FMT_TEXT),
};

void
rfb_rows(struct st_dctx *d, struct st_cur *c, size_t off, int a, int b)
{
	st_dfields_at(d, c, off, &rfb_fields[a], (size_t)(b - a + 1));
}

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

void
rfb_text(struct st_dctx *d, struct st_cur *c, int row, size_t off, size_t n)
{
	char buf[512];

	if (!st_cur_need(c, off + n))
		return;
	st_escape_ascii(c->base + c->off + off, n, buf, sizeof(buf));
	st_dtext(d, c, &rfb_fields[row], off, n, buf);
}

uint32_t
rfb_peek(struct st_cur *c, size_t off, unsigned n)
{
	if (st_cur_left(c) < off + n)
		return 0;
	return (uint32_t)st_peek_bits(c, (unsigned)off * 8, n * 8);
}

/*
 * One handshake message of state st->state; moves st on when it is
 * whole.  Returns ST_OK, or ST_ETRUNC when it was cut short.
 */
static int
handshake(struct st_dctx *d, struct st_cur *c, struct rfb_state *st,
    size_t left)
{
	size_t i, n;
	uint32_t v;

	switch (st->state) {
	case S_SECURITY:
		if (st->minor < 7) {
			/* 3.3: the server chose (7.2.1 of RFC 6143's
			 * appendix), four bytes. */
			rfb_rows(d, c, 0, R_STYPE, R_STYPE);
			if (c->err != ST_OK)
				return ST_ETRUNC;
			v = rfb_peek(c, 0, 4);
			st->state = v == 1 ? S_CINIT : v == 2 ? S_CHALLENGE :
			    S_SECURITY;
			return ST_OK;
		}
		rfb_rows(d, c, 0, R_NTYPES, R_NTYPES);
		n = rfb_peek(c, 0, 1);
		for (i = 0; i < n && c->err == ST_OK; i++)
			rfb_rows(d, c, 1 + i, R_TYPE, R_TYPE);
		if (c->err != ST_OK)
			return ST_ETRUNC;
		st->state = S_SECTYPE;
		return ST_OK;
	case S_SECTYPE:
		rfb_rows(d, c, 0, R_CTYPE, R_CTYPE);
		/* Wireshark follows None and VNC; others leave it here. */
		v = rfb_peek(c, 0, 1);
		if (v == 1)
			st->state = st->minor >= 8 ? S_RESULT : S_CINIT;
		else if (v == 2)
			st->state = S_CHALLENGE;
		return ST_OK;
	case S_CHALLENGE:
	case S_RESPONSE:
		if (left < 16) {
			st_dbytes(d, c, &rfb_fields[st->state == S_CHALLENGE ?
			    R_CHAL : R_RESP], 0, left);
			return ST_ETRUNC;
		}
		st_dbytes(d, c, &rfb_fields[st->state == S_CHALLENGE ?
		    R_CHAL : R_RESP], 0, 16);
		st->state = st->state == S_CHALLENGE ? S_RESPONSE : S_RESULT;
		return ST_OK;
	case S_RESULT:
		rfb_rows(d, c, 0, R_RESULT, R_RESULT);
		if (c->err != ST_OK)
			return ST_ETRUNC;
		v = rfb_peek(c, 0, 4);
		if (v == 0) {
			st->state = S_CINIT;
			return ST_OK;
		}
		/* Failed: 3.8 says why (7.1.3); the connection closes. */
		if (v == 1 && st->minor >= 8) {
			rfb_rows(d, c, 0, R_ERRLEN, R_ERRLEN);
			n = rfb_peek(c, 4, 4);
			if (c->err != ST_OK || n > left - 8)
				return ST_ETRUNC;
			rfb_text(d, c, R_ERR, 8, n);
		}
		return ST_OK;
	case S_CINIT:
		rfb_rows(d, c, 0, R_SHARED, R_SHARED);
		st->state = S_SINIT;
		return ST_OK;
	case S_SINIT:
		rfb_rows(d, c, 0, R_WIDTH, R_BSH);
		if (c->err == ST_OK)
			st_dbytes(d, c, &rfb_fields[R_PAD], 17, 3);
		if (c->err != ST_OK || !st_cur_need(c, 20))
			return ST_ETRUNC;
		st->bypp = (uint8_t)(rfb_peek(c, 4, 1) / 8);
		/* The name, when there (Wireshark allows it left out). */
		if (left > 20) {
			st_dfields_at(d, c, 20, &rfb_fields[R_NAMELEN], 1);
			n = rfb_peek(c, 20, 4);
			if (c->err != ST_OK || n > left - 24)
				return ST_ETRUNC;
			rfb_text(d, c, R_NAME, 24, n);
		}
		st->state = S_NORMAL;
		return ST_OK;
	}
	return ST_OK;
}

static int
rfb_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct rfb_state st, was;
	struct st_match m;
	struct st_cur t = *c;
	const uint8_t *p;
	char ver[8];
	int rc = ST_OK, toserver;

	memset(&st, 0, sizeof(st));
	if (st_match_answer(d, NOTE_STATE, &m))
		memcpy(&st, m.data, sizeof(st));
	was = st;
	if (left == 0)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	p = left == 12 ? st_get_bytes(&t, 12) : NULL;
	if ((st.state == S_NONE || st.state == S_CVER) && p != NULL &&
	    is_version(p)) {
		memcpy(ver, p + 4, 7);
		ver[7] = '\0';
		if (st.state == S_NONE) {
			st_dtext(d, c, &rfb_fields[R_SVER], 4, 7, ver);
			st.sport = (uint16_t)st_dport(d->pkt, d->ly, 0);
			st.state = S_CVER;
		} else {
			st_dtext(d, c, &rfb_fields[R_CVER], 4, 7, ver);
			/* "003.889" (Apple's) and the like count as 3.8. */
			ver[3] = '\0';
			st.minor = (uint8_t)(atoi(ver + 4) > 8 ? 8 :
			    atoi(ver + 4));
			st.state = S_SECURITY;
		}
	} else if (st.state == S_NONE || st.state == S_CVER)
		;	/* waiting for a version: an empty layer, as tshark */
	else if (st.state != S_NORMAL)
		rc = handshake(d, c, &st, left);
	else {
		toserver = st_dport(d->pkt, d->ly, 1) == RFB_PORT ||
		    st_dport(d->pkt, d->ly, 1) == st.sport;
		rc = toserver ? rfb_client_msg(d, c, &st, left) :
		    rfb_server_msg(d, c, &st, left);
	}
	if (memcmp(&st, &was, sizeof(st)) != 0)
		(void)st_match_note(d, NOTE_STATE, &st, sizeof(st));
	return rc;
}

static const struct st_bind rfb_binds[] = {
	{ ST_KEY_TCPPORT, RFB_PORT },
};

/* What a user looks for: "vnc server init 1024x768 'desktop'", "vnc
 * framebuffer update 3 rects", "vnc key down 'a'". */
static int
rfb_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[R_NRFB], *sec;
	const char *name;
	uint64_t k;

	st_ly_fields(s->pkt, ly, rfb_fields, R_NRFB, f);
	if (f[R_SVER] != NULL || f[R_CVER] != NULL) {
		st_out_printf(s->o, "vnc %s version ", f[R_SVER] != NULL ?
		    "server" : "client");
		s->value(s, f[R_SVER] != NULL ? f[R_SVER] : f[R_CVER]);
	} else if (f[R_NTYPES] != NULL)
		st_out_printf(s->o, "vnc %llu security type%s offered",
		    (unsigned long long)f[R_NTYPES]->val,
		    f[R_NTYPES]->val == 1 ? "" : "s");
	else if (f[R_STYPE] != NULL || f[R_CTYPE] != NULL) {
		/* By its name ("VNC"), which is what one looks for. */
		sec = f[R_STYPE] != NULL ? f[R_STYPE] : f[R_CTYPE];
		name = st_valname(sec_names, (uint32_t)sec->val);
		st_out_puts(s->o, "vnc security type ");
		if (name != NULL)
			st_out_puts(s->o, name);
		else
			s->value(s, sec);
		st_out_puts(s->o, sec == f[R_STYPE] ? " (server's choice)" :
		    " chosen");
	} else if (f[R_CHAL] != NULL)
		st_out_puts(s->o, "vnc auth challenge");
	else if (f[R_RESP] != NULL)
		st_out_puts(s->o, "vnc auth response");
	else if (f[R_RESULT] != NULL) {
		st_out_puts(s->o, f[R_RESULT]->val ? "vnc auth failed" :
		    "vnc auth ok");
		if (f[R_ERR] != NULL) {
			st_out_puts(s->o, ": ");
			s->value(s, f[R_ERR]);
		}
	} else if (f[R_SHARED] != NULL)
		st_out_printf(s->o, "vnc client init %s",
		    f[R_SHARED]->val ? "shared" : "exclusive");
	else if (f[R_WIDTH] != NULL) {
		st_out_printf(s->o, "vnc server init %llux%llu",
		    (unsigned long long)f[R_WIDTH]->val, f[R_HEIGHT] != NULL ?
		    (unsigned long long)f[R_HEIGHT]->val : 0ULL);
		if (f[R_NAME] != NULL) {
			st_out_puts(s->o, " '");
			s->value(s, f[R_NAME]);
			st_out_puts(s->o, "'");
		}
	} else if (f[R_CMSG] != NULL) {
		switch (f[R_CMSG]->val) {
		case 0:
			st_out_puts(s->o, "vnc set pixel format");
			if (f[R_CBPP] != NULL)
				st_out_printf(s->o, " %llu bpp",
				    (unsigned long long)f[R_CBPP]->val);
			break;
		case 2:
			st_out_printf(s->o, "vnc set encodings %llu",
			    f[R_NENC] != NULL ?
			    (unsigned long long)f[R_NENC]->val : 0ULL);
			break;
		case 3:
			st_out_puts(s->o, "vnc update request");
			if (f[R_UH] != NULL)
				st_out_printf(s->o, " %llux%llu+%llu+%llu%s",
				    (unsigned long long)f[R_UW]->val,
				    (unsigned long long)f[R_UH]->val,
				    (unsigned long long)f[R_UX]->val,
				    (unsigned long long)f[R_UY]->val,
				    f[R_INCR]->val ? " incremental" : "");
			break;
		case 4:
			st_out_puts(s->o, "vnc key");
			if (f[R_KEY] == NULL)
				break;
			k = f[R_KEY]->val;
			st_out_puts(s->o, f[R_KDOWN]->val ? " down" : " up");
			/* Latin-1 keysyms are their characters. */
			if (k >= 0x21 && k < 0x7f)
				st_out_printf(s->o, " '%c'", (int)k);
			else
				st_out_printf(s->o, " 0x%04llx",
				    (unsigned long long)k);
			break;
		case 5:
			st_out_puts(s->o, "vnc pointer");
			if (f[R_PY] != NULL)
				st_out_printf(s->o, " %llu,%llu",
				    (unsigned long long)f[R_PX]->val,
				    (unsigned long long)f[R_PY]->val);
			if (f[R_B1] != NULL && f[R_B1]->val)
				st_out_puts(s->o, " button 1");
			break;
		case 6:
			st_out_printf(s->o, "vnc client cut text %llu bytes",
			    f[R_CCLEN] != NULL ?
			    (unsigned long long)f[R_CCLEN]->val : 0ULL);
			break;
		default:
			st_out_printf(s->o, "vnc client message %llu",
			    (unsigned long long)f[R_CMSG]->val);
		}
	} else if (f[R_SMSG] != NULL) {
		switch (f[R_SMSG]->val) {
		case 0:
			st_out_printf(s->o, "vnc framebuffer update %llu "
			    "rect%s", f[R_NRECTS] != NULL ?
			    (unsigned long long)f[R_NRECTS]->val : 0ULL,
			    f[R_NRECTS] != NULL && f[R_NRECTS]->val == 1 ?
			    "" : "s");
			break;
		case 1:
			st_out_printf(s->o, "vnc set colour map %llu entries",
			    f[R_NCOL] != NULL ?
			    (unsigned long long)f[R_NCOL]->val : 0ULL);
			break;
		case 2:
			st_out_puts(s->o, "vnc bell");
			break;
		case 3:
			st_out_printf(s->o, "vnc server cut text %llu bytes",
			    f[R_SCLEN] != NULL ?
			    (unsigned long long)f[R_SCLEN]->val : 0ULL);
			break;
		default:
			st_out_printf(s->o, "vnc server message %llu",
			    (unsigned long long)f[R_SMSG]->val);
		}
	} else
		st_out_puts(s->o, "vnc");
	return 1;
}

static const struct st_field_desc *const rfb_keys[] = {
	&rfb_fields[R_SVER], &rfb_fields[R_CVER], &rfb_fields[R_NTYPES],
	&rfb_fields[R_CMSG], &rfb_fields[R_SMSG], NULL,
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
