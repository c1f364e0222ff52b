/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RTP events (RFC 4733, telephone-event): DTMF digits and tones carried
 * in RTP with the dynamic payload type that SDP's rtpmap names
 * "telephone-event"; rtp.c hands the payload on when the stream's SDP
 * named that type.
 *
 *   |     event     |E|R| volume    |          duration             |
 */
#include "strata/out.h"
#include "fields.h"

enum { F_EVENT, F_END, F_RES, F_VOLUME, F_DURATION, F_NEV };

static const struct st_valname event_names[] = {
	{ 0, "DTMF Zero 0" }, { 1, "DTMF One 1" }, { 2, "DTMF Two 2" },
	{ 3, "DTMF Three 3" }, { 4, "DTMF Four 4" }, { 5, "DTMF Five 5" },
	{ 6, "DTMF Six 6" }, { 7, "DTMF Seven 7" }, { 8, "DTMF Eight 8" },
	{ 9, "DTMF Nine 9" }, { 10, "DTMF Star *" }, { 11, "DTMF Pound #" },
	{ 12, "DTMF A" }, { 13, "DTMF B" }, { 14, "DTMF C" },
	{ 15, "DTMF D" }, { 16, "Flash" }, { 0, NULL }
};

static const struct st_field_desc ev_fields[F_NEV] = {
	[F_EVENT] = FDN("event", "rtpevent.event_id", "Event ID", 0, 8,
	    ST_FMT_DEC, event_names),
	[F_END] = FD("end", "rtpevent.end_of_event", "End of Event", 8, 1,
	    ST_FMT_BOOL),
	[F_RES] = FD("reserved", "rtpevent.reserved", "Reserved", 9, 1,
	    ST_FMT_BOOL),
	[F_VOLUME] = FD("volume", "rtpevent.volume", "Volume", 10, 6,
	    ST_FMT_DEC),
	[F_DURATION] = FD("duration", "rtpevent.duration", "Event Duration",
	    16, 16, ST_FMT_DEC),
};

static int
ev_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfields(d, c, ev_fields, F_NEV) != ST_OK)
		return ST_ETRUNC;
	/* RTP's padding, which RTP's fields show, ends the layer */
	d->hdr = st_cur_left(c);
	d->plen = 0;
	return ST_OK;
}

/* "rtpevent DTMF One 1 duration 160 end". */
static int
ev_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NEV];
	const char *nm;

	st_ly_fields(s->pkt, ly, ev_fields, F_NEV, f);
	st_out_puts(s->o, "rtpevent");
	if (f[F_EVENT] == NULL)
		return 1;
	if ((nm = st_valname(event_names, (uint32_t)f[F_EVENT]->val)) != NULL)
		st_out_printf(s->o, " %s", nm);
	else
		st_out_printf(s->o, " event %u", (unsigned)f[F_EVENT]->val);
	if (f[F_DURATION] != NULL)
		st_out_printf(s->o, " duration %u",
		    (unsigned)f[F_DURATION]->val);
	if (f[F_END] != NULL && f[F_END]->val)
		st_out_puts(s->o, " end");
	return 1;
}

static const struct st_field_desc *const ev_keys[] = {
	&ev_fields[F_EVENT], &ev_fields[F_END], &ev_fields[F_DURATION], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rtpevent = {
	.name = "rtpevent",
	.ws = "rtpevent",
	.title = "RTP Event",
	.rfc = "RFC 4733",
	.role = ST_ROLE_APP,
	.fields = ev_fields,
	.nfields = F_NEV,
	.decode = ev_decode,
	/* @summary */
	.summary = ev_summary,
	/* @views */
	.keys = ev_keys,
	.color = "\033[35m",
	.explain = "A key pressed or a tone during a call, sent in RTP rather "
	    "than as sound (RFC 4733): the event (DTMF 0-9, *, #, A-D, "
	    "flash), its volume in -dBm0, and its duration so far in "
	    "timestamp units; the E bit marks the last packets of an event, "
	    "usually sent three times.",
	/* @craft */
	/* @probes */
};
