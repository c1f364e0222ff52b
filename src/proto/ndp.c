/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Nortel Discovery Protocol (SynOptics Network Management Protocol,
 * SONMP): a switch's hello to its neighbours, in SNAP with Nortel's OUI
 * 00-00-81, protocol 0x01a1 (flatnet hello) or 0x01a2 (segment hello),
 * sent to 01-00-81-00-01-00.  Eleven bytes:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                 IP address (of the sender)                    |
 * +-----------------------------------------------+---------------+
 * |          Segment identifier (port)            | Chassis type  |
 * +---------------+---------------+---------------+---------------+
 * | Backplane     | State         | Number of links|
 * +---------------+---------------+---------------+
 */
#include "strata/out.h"
#include "fields.h"

enum { F_IP, F_SEG, F_CHASSIS, F_BACKPLANE, F_STATE, F_LINKS, F_NNDP };

static const struct st_field_desc ndp_fields[] = {
	FD("ip", "ndp.ipaddress", "IP address", 0, 32, ST_FMT_IPV4),
	FD("seg", "ndp.segmentident", "Segment Identifier", 32, 24,
	    ST_FMT_HEX),
	FD("chassis", "ndp.chassis", "Chassis type", 56, 8, ST_FMT_DEC),
	FD(NULL, "ndp.backplane", "Backplane type", 64, 8, ST_FMT_DEC),
	FD("state", "ndp.state", "State", 72, 8, ST_FMT_DEC),
	FD(NULL, "ndp.numberoflinks", "Number of links", 80, 8, ST_FMT_DEC),
};

_Static_assert(NFIELDS(ndp_fields) == F_NNDP, "one row per F_ index");

static int
ndp_decode(struct st_dctx *d, struct st_cur *c)
{
	st_dfields(d, c, ndp_fields, F_NNDP);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 11;
	d->plen = 0;		/* what follows is the frame's padding */
	return ST_OK;
}

static const struct st_bind ndp_binds[] = {
	{ ST_KEY_SNAP, 0x00008101a1 },	/* flatnet hello */
	{ ST_KEY_SNAP, 0x00008101a2 },	/* segment hello */
};

/* @summary */
/* "ndp 10.0.0.1 segment 0x000115 chassis 131 state 2". */
static int
ndp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NNDP];

	st_ly_fields(s->pkt, ly, ndp_fields, F_NNDP, f);
	st_out_puts(s->o, "ndp ");
	s->value(s, f[F_IP]);
	st_out_puts(s->o, " segment ");
	s->value(s, f[F_SEG]);
	st_out_puts(s->o, " chassis ");
	s->value(s, f[F_CHASSIS]);
	st_out_puts(s->o, " state ");
	s->value(s, f[F_STATE]);
	return 1;
}

/* @views */
static const struct st_field_desc *const ndp_keys[] = {
	&ndp_fields[F_IP], &ndp_fields[F_SEG], NULL,
};

const struct st_proto st_proto_ndp = {
	.name = "ndp",
	.ws = "ndp",
	.title = "Nortel Discovery Protocol",
	.rfc = "Nortel SONMP",
	.role = ST_ROLE_CONTROL,
	.fields = ndp_fields,
	.nfields = NFIELDS(ndp_fields),
	.decode = ndp_decode,
	.binds = ndp_binds,
	.nbinds = NFIELDS(ndp_binds),
	/* @summary */
	.summary = ndp_summary,
	/* @views */
	.keys = ndp_keys,
	.explain = "NDP (SONMP), the Nortel/SynOptics discovery protocol: "
	    "every few seconds a switch tells its neighbours its IP "
	    "address, the segment (port) it sends from, its chassis and "
	    "backplane types and whether the link is new or in a steady "
	    "state (heartbeat), so that a management station can draw the "
	    "topology.",
	/* @craft */
	/* @probes */
};
