/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PROFINET's real-time frames (IEC 61158-6-10), EtherType 0x8892: a
 * 16-bit frame ID says what follows.  The IDs 0xfefc to 0xfeff are DCP
 * (Hello, Get/Set, Identify request and response), handed on to pndcp.c
 * through the registry; cyclic I/O data and alarms are shown as data.
 *
 *   +--------+--------+---
 *   |    frame ID     | ...
 *   +--------+--------+---
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define PNRT_ETHERTYPE	0x8892
#define PNRT_FRAMED	0x504e0000	/* ST_KEY_FRAMED: "PN" << 16 | the
					   frame ID of what it carries */

enum { F_FRAMEID, F_NPNRT };

static const struct st_valname frameid_names[] = {
	{ 0xfefc, "DCP Hello" }, { 0xfefd, "DCP Get/Set" },
	{ 0xfefe, "DCP Identify request" }, { 0xfeff, "DCP Identify "
	"response" }, { 0, NULL }
};

static const struct st_field_desc pnrt_fields[F_NPNRT] = {
	[F_FRAMEID] = FDN("frame_id", "pn_rt.frame_id", "FrameID", 0, 16,
	    ST_FMT_DEC, frameid_names),
};

static int
pnrt_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *f;

	if ((f = st_dfield(d, c, &pnrt_fields[F_FRAMEID])) == NULL)
		return ST_ETRUNC;
	d->hdr = 2;
	if (f->val >= 0xfefc && f->val <= 0xfeff) {
		d->next_key = ST_KEY_FRAMED;
		d->next_val = PNRT_FRAMED | f->val;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind pnrt_binds[] = {
	{ ST_KEY_ETHERTYPE, PNRT_ETHERTYPE },
};

/* "pn_rt frame 0xfefe": what it carries speaks after it. */
static int
pnrt_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NPNRT];
	const struct st_layer *next = ly + 1;

	st_ly_fields(s->pkt, ly, pnrt_fields, F_NPNRT, f);
	st_out_puts(s->o, "pn_rt");
	if (f[F_FRAMEID] != NULL)
		st_out_printf(s->o, " frame 0x%04x",
		    (unsigned)f[F_FRAMEID]->val);
	if (next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->role == ST_ROLE_APP &&
	    next->proto->summary != NULL) {
		st_out_putc(s->o, ' ');
		next->proto->summary(s, next);
	}
	return 1;
}

static const struct st_field_desc *const pnrt_keys[] = {
	&pnrt_fields[F_FRAMEID], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_pnrt = {
	.name = "pn_rt",
	.ws = "pn_rt",
	.title = "PROFINET Real-Time Protocol",
	.rfc = "IEC 61158-6-10",
	.role = ST_ROLE_APP,
	.fields = pnrt_fields,
	.nfields = F_NPNRT,
	.decode = pnrt_decode,
	.binds = pnrt_binds,
	.nbinds = NFIELDS(pnrt_binds),
	/* @summary */
	.summary = pnrt_summary,
	/* @views */
	.keys = pnrt_keys,
	.color = "\033[33m",
	.explain = "PROFINET real-time frames ride directly on Ethernet "
	    "(EtherType 0x8892), no IP: the frame ID says what the frame "
	    "is: cyclic I/O data of a connection (0x8000-0xbfff for RT "
	    "class 1), alarms (0xfc01, 0xfe01), or DCP (0xfefc-0xfeff), "
	    "the discovery and configuration protocol that names devices "
	    "and gives them their IP addresses.",
	/* @craft */
	/* @probes */
};
