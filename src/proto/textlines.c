/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Lines of text, Wireshark's "Line-based text data" (data-text-lines):
 * what a carrier hands on when its bytes are text (an FTP data connection
 * whose first bytes are printable, as tshark decides it).  One line per
 * field, escaped, up to TL_MAXLINES; tshark shows them as text items with
 * no field name, so strata names them strata.text.line.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define TL_MAXLINES	64
#define TL_MAXTEXT	256	/* bytes of a line shown */

enum { F_LINE, F_COUNT };

static const struct st_field_desc textlines_fields[] = {
	FD(NULL, "strata.text.line", "Line", 0, 0, ST_FMT_TEXT),
	FDG("strata.text.lines", "Lines", ST_FMT_DEC, NULL),
};

static int
textlines_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 0, n, show;
	const uint8_t *p, *nl;
	char buf[TL_MAXTEXT * 4 + 1];
	unsigned lines = 0;
	struct st_cur t = *c;

	if ((p = st_get_bytes(&t, left)) == NULL)
		return ST_ETRUNC;
	while (pos < left && lines < TL_MAXLINES) {
		nl = memchr(p + pos, '\n', left - pos);
		n = nl != NULL ? (size_t)(nl - (p + pos)) + 1 : left - pos;
		show = n < TL_MAXTEXT ? n : TL_MAXTEXT;
		st_escape(p + pos, show, buf, sizeof(buf));
		st_dtext(d, c, &textlines_fields[F_LINE], pos, n, buf);
		pos += n;
		lines++;
	}
	if (pos < left)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "text: the lines after "
		    "the first %u are not shown", TL_MAXLINES));
	st_dgen(d, &textlines_fields[F_COUNT], lines);
	d->hdr = left;
	return ST_OK;
}

static const struct st_bind textlines_binds[] = {
	{ ST_KEY_MEDIA, ST_MEDIA_TEXT },
};

const struct st_proto st_proto_textlines = {
	.name = "data-text-lines",
	.ws = "data-text-lines",
	.title = "Line-based text data",
	.rfc = "RFC 2046 4.1 (text media)",
	.role = ST_ROLE_APP,
	.fields = textlines_fields,
	.nfields = NFIELDS(textlines_fields),
	.decode = textlines_decode,
	.binds = textlines_binds,
	.nbinds = NFIELDS(textlines_binds),
	.color = "\033[37m",
	.explain = "Bytes that are text, shown a line at a time: the body a "
	    "carrier (an FTP data connection) hands on when its first bytes "
	    "are printable.",
};
