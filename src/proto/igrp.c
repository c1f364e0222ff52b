/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IGRP, Cisco's Interior Gateway Routing Protocol (Cisco, "An
 * Introduction to IGRP", 1991), IP protocol 9: a distance-vector
 * protocol whose metric is made of delay, bandwidth, reliability and
 * load.
 *
 * +-------+-------+---------------+-------------------------------+
 * |version|opcode |update release |    autonomous system (16)     |
 * +-------+-------+---------------+-------------------------------+
 * |     interior routes (16)      |      system routes (16)       |
 * +-------------------------------+-------------------------------+
 * |     exterior routes (16)      |        checksum (16)          |
 * +-------------------------------+-------------------------------+
 *
 * then one 14-byte entry per route: network (24), delay (24, tens of
 * microseconds; 0xffffff unreachable), bandwidth (24), MTU (16),
 * reliability (8), load (8), hop count (8).  IGRP is classful: an
 * interior route's three bytes are the last three of its network, the
 * first being the sender's (the IP source's); a system or exterior
 * route's are the first three.  The checksum is the Internet checksum
 * of the header and the entries.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define IGRP_HDR	12
#define IGRP_ENTRY	14

static const struct st_valname cmd_names[] = {
	{ 1, "Response" }, { 2, "Request" }, { 0, NULL }
};

enum { F_VER, F_CMD, F_UPDATE, F_AS, F_INT, F_SYS, F_EXT, F_CK, F_CKST,
	F_NET, F_DELAY, F_BW, F_MTU, F_REL, F_LOAD, F_HOPS };

static const struct st_field_desc igrp_fields[] = {
	[F_VER] = FD("version", "igrp.version", "IGRP Version", 0, 4,
	    ST_FMT_DEC),
	[F_CMD] = FDN("command", "igrp.command", "Command", 4, 4, ST_FMT_DEC,
	    cmd_names),
	[F_UPDATE] = FD("update", "igrp.update", "Update Release", 8, 8,
	    ST_FMT_DEC),
	[F_AS] = FD("as", "igrp.as", "Autonomous System", 16, 16,
	    ST_FMT_DEC),
	[F_INT] = FD("interior", "igrp.interior_routes", "Interior routes",
	    32, 16, ST_FMT_DEC),
	[F_SYS] = FD("system", "igrp.system_routes", "System routes", 48, 16,
	    ST_FMT_DEC),
	[F_EXT] = FD("exterior", "igrp.exterior_routes", "Exterior routes",
	    64, 16, ST_FMT_DEC),
	[F_CK] = FDX("chksum", "igrp.checksum", "Checksum", 80, 16, ST_FMT_HEX,
	    0, ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	/* Wireshark shows the checksum without verifying it */
	[F_CKST] = FDGS("strata.igrp.checksum.status", "Checksum status"),
	/* an entry's, from its start */
	[F_NET] = FD(NULL, "igrp.network", "Network", 0, 24, ST_FMT_TEXT),
	[F_DELAY] = FD(NULL, "igrp.delay", "Delay", 24, 24, ST_FMT_DEC),
	[F_BW] = FD(NULL, "igrp.bandwidth", "Bandwidth", 48, 24, ST_FMT_DEC),
	[F_MTU] = FD(NULL, "igrp.mtu", "MTU", 72, 16, ST_FMT_DEC),
	[F_REL] = FD(NULL, "igrp.reliability", "Reliability", 88, 8,
	    ST_FMT_DEC),
	[F_LOAD] = FD(NULL, "igrp.load", "Load", 96, 8, ST_FMT_DEC),
	[F_HOPS] = FD(NULL, "igrp.hop_count", "Hop count", 104, 8,
	    ST_FMT_DEC),
};

static const struct st_ckspec igrp_ck = {
	.field = &igrp_fields[F_CK],
	.status = &igrp_fields[F_CKST],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

/*
 * The entry at byte off: its network as a dotted address, the first
 * byte being the IP source's (an interior route, first) or its three
 * bytes the first three (interior 0).
 */
static void
igrp_entry(struct st_dctx *d, struct st_cur *c, size_t off, int interior)
{
	char text[16];
	struct st_field *f;
	uint32_t n, a;

	n = (uint32_t)st_peek_bits(c, off * 8, 24);
	if (c->err != ST_OK)
		return;
	if (interior)
		a = (uint32_t)(d->net.fam == 4 ? d->net.src[0] : 0) << 24 | n;
	else
		a = n << 8;
	snprintf(text, sizeof(text), "%u.%u.%u.%u", a >> 24, a >> 16 & 255,
	    a >> 8 & 255, a & 255);
	if ((f = st_dtext(d, c, &igrp_fields[F_NET], off, 3, text)) != NULL)
		f->val = a;
	st_dfields_at(d, c, off, igrp_fields + F_DELAY, F_HOPS + 1 - F_DELAY);
}

static int
igrp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck;
	unsigned count[3], i, k;
	size_t off = IGRP_HDR, room;

	if (st_dfields(d, c, igrp_fields, F_CK) != ST_OK)
		return c->err;
	ck = st_dfield(d, c, &igrp_fields[F_CK]);
	if (c->err != ST_OK)
		return c->err;
	/* interior, system and exterior routes, each count at most 65535:
	 * bounded by the bytes too */
	room = (st_cur_left(c) - IGRP_HDR) / IGRP_ENTRY;
	for (k = 0; k < 3; k++) {
		count[k] = (unsigned)st_peek_bits(c, 32 + 16 * k, 16);
		for (i = 0; i < count[k] && c->err == ST_OK; i++) {
			if (room == 0)
				break;
			igrp_entry(d, c, off, k == 0);
			off += IGRP_ENTRY;
			room--;
		}
		if (i < count[k])
			break;
	}
	d->hdr = off;
	if (c->err != ST_OK)
		return c->err;
	if (k < 3) {
		/* counts that name more entries than there are bytes for */
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "%u interior, %u system, %u exterior "
		    "routes: room for %zu", count[0],
		    (unsigned)st_peek_bits(c, 48, 16),
		    (unsigned)st_peek_bits(c, 64, 16),
		    (st_cur_left(c) - IGRP_HDR) / IGRP_ENTRY);
	}
	if (ck != NULL)
		st_dck(d, c, &igrp_ck, ck, off);
	d->data = 1;
	return ST_OK;
}

static const struct st_bind igrp_binds[] = {
	{ ST_KEY_IPPROTO, 9 },
};

/* "igrp Response AS 100: 2 interior, 1 system, 1 exterior" */
static int
igrp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_EXT + 1];
	const char *cmd;

	st_ly_fields(s->pkt, ly, igrp_fields, F_EXT + 1, f);
	if (f[F_CMD] == NULL || f[F_AS] == NULL)
		return 0;
	cmd = st_valname(cmd_names, (uint32_t)f[F_CMD]->val);
	st_out_printf(s->o, "igrp %s AS %u", cmd != NULL ? cmd : "command?",
	    (unsigned)f[F_AS]->val);
	if (f[F_INT] != NULL && f[F_SYS] != NULL && f[F_EXT] != NULL)
		st_out_printf(s->o, ": %u interior, %u system, %u exterior",
		    (unsigned)f[F_INT]->val, (unsigned)f[F_SYS]->val,
		    (unsigned)f[F_EXT]->val);
	return 1;
}

static const struct st_field_desc *const igrp_keys[] = {
	&igrp_fields[F_CMD], &igrp_fields[F_AS], &igrp_fields[F_INT], NULL,
};

const struct st_proto st_proto_igrp = {
	.name = "igrp",
	.ws = "igrp",
	.title = "Cisco Interior Gateway Routing Protocol",
	.rfc = "Cisco, An Introduction to IGRP (1991)",
	.role = ST_ROLE_CONTROL,
	.fields = igrp_fields,
	.nfields = NFIELDS(igrp_fields),
	.decode = igrp_decode,
	.binds = igrp_binds,
	.nbinds = NFIELDS(igrp_binds),
	.cksum = &igrp_ck,
	.summary = igrp_summary,
	.keys = igrp_keys,
	.color = "\033[33m",
	.explain_bits = 96,
	.explain = "Cisco's distance-vector routing before EIGRP: every 90 "
	    "seconds a router sends its table, routes counted in three kinds "
	    "(interior: subnets of the network the update is sent on, whose "
	    "first byte is the sender's; system: other networks of its "
	    "autonomous system; exterior: candidate defaults). Each route "
	    "carries the metric's parts, delay (tens of microseconds; "
	    "0xffffff unreachable), bandwidth, MTU, reliability and load (of "
	    "255), and the hop count. A request (opcode 2) asks for an update.",
};
