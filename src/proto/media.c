/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wireshark's "Media Type" (media): a message body whose Content-Type
 * (RFC 9110 8.3) no dissector claims: the bytes, as one field.  HTTP
 * hands a body on here when it names a media type tshark has no
 * dissector for (application/pdf, application/zip, image/x-icon); a body
 * without a Content-Type stays data.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_TYPE, F_NMEDIA };

static const struct st_field_desc media_fields[F_NMEDIA] = {
	/* Wireshark's name for the bytes themselves */
	[F_TYPE] = FD(NULL, "media.type", "Media bytes", 0, 0, ST_FMT_BYTES),
};

static int
media_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);

	if (left == 0)
		return ST_ETRUNC;
	st_dbytes(d, c, &media_fields[F_TYPE], 0, left);
	d->hdr = left;
	return ST_OK;
}

/* "media, 1234 bytes". */
static int
media_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_printf(s->o, "media, %u bytes", ly->len);
	return 1;
}

const struct st_proto st_proto_media = {
	.name = "media",
	.ws = "media",
	.title = "Media Type",
	.rfc = "RFC 9110 8.3 (Content-Type)",
	.role = ST_ROLE_APP,
	.fields = media_fields,
	.nfields = F_NMEDIA,
	.decode = media_decode,
	.summary = media_summary,
	.color = "\033[37m",
	.explain = "A message body of a media type no decoder reads (a PDF, a "
	    "ZIP archive, an icon): its bytes as they are, named by the "
	    "Content-Type of the message that carries them.",
};
