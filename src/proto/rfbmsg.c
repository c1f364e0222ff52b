/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RFB (VNC) after the handshake (RFC 6143 7.5, 7.6): the client's
 * messages and the server's, one a packet, read as Wireshark's VNC
 * dissector reads them.  Every count (encodings, rectangles, colours)
 * is bounded by the bytes of the segment: a loop ends where they do.
 */
#include "rfb.h"

/* A signed 32-bit row at off past c (an encoding type): its value
 * sign-extended, so that -223 shows as Wireshark's FT_INT32 does. */
static void
srow(struct st_dctx *d, struct st_cur *c, size_t off, int row)
{
	struct st_cur t = *c;
	struct st_field *f;

	if (!st_cur_need(c, off + rfb_fields[row].bitoff / 8 + 4))
		return;
	t.off += off;
	if ((f = st_dfield(d, &t, &rfb_fields[row])) != NULL)
		f->val = (uint64_t)(int64_t)(int32_t)(uint32_t)f->val;
}

/* ClientCutText or ServerCutText (7.5.6, 7.6.4): padding, a length
 * (row len, its text the row after), the text when all of it is here.
 * Returns the message's length, 0 when cut short. */
static size_t
cut_text(struct st_dctx *d, struct st_cur *c, int len, size_t left)
{
	size_t n;

	st_dbytes(d, c, &rfb_fields[R_PAD], 1, 3);
	rfb_rows(d, c, 0, len, len);
	n = rfb_peek(c, 4, 4);
	if (c->err == ST_OK && n > left - 8)
		c->err = ST_ETRUNC;
	rfb_text(d, c, len + 1, 8, n);
	return c->err != ST_OK ? 0 : 8 + n;
}

/* A client message (7.5); ST_ETRUNC when cut short. */
int
rfb_client_msg(struct st_dctx *d, struct st_cur *c, struct rfb_state *st,
    size_t left)
{
	size_t i, n;

	rfb_rows(d, c, 0, R_CMSG, R_CMSG);
	switch (rfb_peek(c, 0, 1)) {
	case 0:
		st_dbytes(d, c, &rfb_fields[R_PAD], 1, 3);
		rfb_rows(d, c, 0, R_CBPP, R_CBSH);
		st_dbytes(d, c, &rfb_fields[R_PAD], 17, 3);
		if (c->err == ST_OK)
			st->bypp = (uint8_t)(rfb_peek(c, 4, 1) / 8);
		break;
	case 2:
		st_dbytes(d, c, &rfb_fields[R_PAD], 1, 1);
		rfb_rows(d, c, 0, R_NENC, R_NENC);
		n = rfb_peek(c, 2, 2);
		for (i = 0; i < n && c->err == ST_OK; i++)
			srow(d, c, 4 + 4 * i, R_ENC);
		break;
	case 3:
		rfb_rows(d, c, 0, R_INCR, R_UH);
		break;
	case 4:
		rfb_rows(d, c, 0, R_KDOWN, R_KDOWN);
		st_dbytes(d, c, &rfb_fields[R_PAD], 2, 2);
		rfb_rows(d, c, 0, R_KEY, R_KEY);
		break;
	case 5:
		rfb_rows(d, c, 0, R_B1, R_PY);
		break;
	case 6:
		(void)cut_text(d, c, R_CCLEN, left);
		break;
	}
	return c->err != ST_OK ? ST_ETRUNC : ST_OK;
}

/* A FramebufferUpdate's rectangles (7.6.1): raw pixels when the pixel
 * format says how many bytes, CopyRect's source; other encodings end
 * the reading, as their lengths need their own decoding.  Returns the
 * message's length, 0 when that is not known. */
static size_t
fb_update(struct st_dctx *d, struct st_cur *c, const struct rfb_state *st,
    size_t left)
{
	size_t off = 4, i, n, len;
	uint32_t enc;

	st_dbytes(d, c, &rfb_fields[R_PAD], 1, 1);
	rfb_rows(d, c, 0, R_NRECTS, R_NRECTS);
	n = rfb_peek(c, 2, 2);
	for (i = 0; i < n && c->err == ST_OK; i++) {
		rfb_rows(d, c, off, R_RX, R_RH);
		srow(d, c, off, R_RENC);
		if (c->err != ST_OK)
			return 0;
		enc = rfb_peek(c, off + 8, 4);
		len = (size_t)rfb_peek(c, off + 4, 2) * rfb_peek(c, off + 6, 2);
		off += 12;
		if (enc == 0 && st->bypp != 0) {
			len *= st->bypp;
			if (len > left - off) {
				c->err = ST_ETRUNC;
				return 0;
			}
			if (len > 0)
				st_dbytes(d, c, &rfb_fields[R_RAW], off, len);
			off += len;
		} else if (enc == 1) {
			rfb_rows(d, c, off, R_CRX, R_CRY);
			off += 4;
		} else if (enc != 0xffffff21 && enc != 0xffffff20)
			return 0;	/* no further than tshark goes */
	}
	return c->err != ST_OK ? 0 : off;
}

/* A server message (7.6): *used its length, 0 when not known. */
static int
server_msg(struct st_dctx *d, struct st_cur *c, const struct rfb_state *st,
    size_t left, size_t *used)
{
	size_t i, n;

	*used = 0;
	rfb_rows(d, c, 0, R_SMSG, R_SMSG);
	switch (rfb_peek(c, 0, 1)) {
	case 0:
		*used = fb_update(d, c, st, left);
		break;
	case 1:
		st_dbytes(d, c, &rfb_fields[R_PAD], 1, 1);
		rfb_rows(d, c, 0, R_FIRST, R_NCOL);
		n = rfb_peek(c, 4, 2);
		if (c->err == ST_OK && n * 6 > left - 6)
			c->err = ST_ETRUNC;
		if (c->err != ST_OK)
			break;
		if (n > 0)
			st_dbytes(d, c, &rfb_fields[R_GROUPS], 6, n * 6);
		for (i = 0; i < n; i++)
			rfb_rows(d, c, 6 + 6 * i, R_RED, R_BLUE);
		*used = 6 + 6 * n;
		break;
	case 2:
		*used = 1;
		break;
	case 3:
		*used = cut_text(d, c, R_SCLEN, left);
		break;
	}
	return c->err != ST_OK ? ST_ETRUNC : ST_OK;
}

/*
 * The server's messages in the segment, one after another while each
 * one's length is known (tshark reads on after a bell or an update, not
 * after the client's messages).  Each one takes a byte at least: the
 * loop ends with the segment.
 */
int
rfb_server_msg(struct st_dctx *d, struct st_cur *c, const struct rfb_state *st,
    size_t left)
{
	struct st_cur t = *c;
	size_t used;
	int rc;

	while ((rc = server_msg(d, &t, st, left, &used)) == ST_OK &&
	    used > 0 && used < left) {
		t.off += used;
		left -= used;
	}
	return rc;
}
