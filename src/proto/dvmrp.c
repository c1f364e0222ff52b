/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DVMRP, the Distance Vector Multicast Routing Protocol (RFC 1075 and
 * draft-ietf-idmr-dvmrp-v3-11), mrouted's routing protocol: IGMP type
 * 0x13, which IGMP's decoder hands whole to this one (ST_KEY_IGMPTYPE).
 * Version 3, as Wireshark reads every DVMRP message unless told to be
 * strict (its dvmrp.strict_v3, off by default):
 *
 * +---------------+---------------+-------------------------------+
 * |  Type (0x13)  |     Code      |           Checksum            |
 * +---------------+---------------+---------------+---------------+
 * |   Reserved    | Capabilities  | Minor version | Major version |
 * +---------------+---------------+---------------+---------------+
 * | by code: probe (generation ID, neighbours), report (routes),  |
 * | neighbors 2 (local address, metric, threshold, flags, count,  |
 * | neighbours), prune/graft/graft ack (source, group ...)        |
 *
 * mrinfo asks a router for its neighbours with Ask Neighbors 2 and reads
 * the Neighbors 2 reply.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define DVMRP_HDR	8
#define DVMRP_MAXITEMS	1024	/* routes, neighbours, interfaces */

static const struct st_valname type_names[] = {
	{ 0x13, "DVMRP" }, { 0, NULL }
};

static const struct st_valname code_names[] = {
	{ 1, "Probe" }, { 2, "Report" }, { 3, "Ask Neighbors" },
	{ 4, "Neighbors" }, { 5, "Ask Neighbors 2" }, { 6, "Neighbors 2" },
	{ 7, "Prune" }, { 8, "Graft" }, { 9, "Graft ACK" }, { 0, NULL }
};

enum { F_VER, F_TYPE, F_CODE, F_CK, F_CKST, F_RSV, F_CAP, F_CNETMASK,
	F_CSNMP, F_CMTRACE, F_CGENID, F_CPRUNE, F_CLEAF, F_MIN, F_MAJ,
	/* the body's rows, each from its own start */
	F_GENID, F_NBR, F_SADDR, F_MADDR, F_LIFE, F_MASK, F_LOCAL, F_METRIC,
	F_THRESH, F_FTUN, F_FSRC, F_FDOWN, F_FDIS, F_FQ, F_FLEAF, F_NCOUNT,
	F_RMASK, F_RSRC, F_RMETRIC };

static const struct st_field_desc dvmrp_fields[] = {
	[F_VER] = FDG("dvmrp.version", "DVMRP version", ST_FMT_DEC, NULL),
	[F_TYPE] = FDN("type", "dvmrp.type", "Type", 0, 8, ST_FMT_HEX,
	    type_names),
	[F_CODE] = FDN("code", "dvmrp.v3.code", "Code", 8, 8, ST_FMT_HEX,
	    code_names),
	[F_CK] = FDX("chksum", "dvmrp.checksum", "Checksum", 16, 16,
	    ST_FMT_HEX, 0, ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	[F_CKST] = FDGS("dvmrp.checksum.status", "Checksum status"),
	[F_RSV] = FD(NULL, "dvmrp.reserved", "Reserved", 32, 16, ST_FMT_HEX),
	[F_CAP] = FD("caps", "dvmrp.capabilities", "Capabilities", 40, 8,
	    ST_FMT_HEX),
	[F_CNETMASK] = FDD(NULL, "dvmrp.cap.netmask", "Netmask", 42, 1,
	    ST_FMT_BOOL),
	[F_CSNMP] = FDD(NULL, "dvmrp.cap.snmp", "SNMP", 43, 1, ST_FMT_BOOL),
	[F_CMTRACE] = FDD(NULL, "dvmrp.cap.mtrace", "Mtrace", 44, 1,
	    ST_FMT_BOOL),
	[F_CGENID] = FDD(NULL, "dvmrp.cap.genid", "Genid", 45, 1,
	    ST_FMT_BOOL),
	[F_CPRUNE] = FDD(NULL, "dvmrp.cap.prune", "Prune", 46, 1,
	    ST_FMT_BOOL),
	[F_CLEAF] = FDD(NULL, "dvmrp.cap.leaf", "Leaf", 47, 1, ST_FMT_BOOL),
	[F_MIN] = FD("minor", "dvmrp.min_ver", "Minor version", 48, 8,
	    ST_FMT_HEX),
	[F_MAJ] = FD("major", "dvmrp.maj_ver", "Major version", 56, 8,
	    ST_FMT_HEX),
	[F_GENID] = FD(NULL, "dvmrp.genid", "Generation ID", 0, 32,
	    ST_FMT_DEC),
	[F_NBR] = FD(NULL, "dvmrp.neighbor", "Neighbor address", 0, 32,
	    ST_FMT_IPV4),
	[F_SADDR] = FD(NULL, "dvmrp.saddr", "Source address", 0, 32,
	    ST_FMT_IPV4),
	[F_MADDR] = FD(NULL, "dvmrp.maddr", "Multicast address", 0, 32,
	    ST_FMT_IPV4),
	[F_LIFE] = FD(NULL, "dvmrp.lifetime", "Prune lifetime", 0, 32,
	    ST_FMT_DEC),
	[F_MASK] = FD(NULL, "dvmrp.netmask", "Netmask", 0, 32, ST_FMT_IPV4),
	[F_LOCAL] = FD(NULL, "dvmrp.local", "Local address", 0, 32,
	    ST_FMT_IPV4),
	[F_METRIC] = FD(NULL, "dvmrp.metric", "Metric", 32, 8, ST_FMT_DEC),
	[F_THRESH] = FD(NULL, "dvmrp.threshold", "Threshold", 40, 8,
	    ST_FMT_DEC),
	[F_FTUN] = FDD(NULL, "dvmrp.flag.tunnel", "Tunnel", 55, 1,
	    ST_FMT_BOOL),
	[F_FSRC] = FDD(NULL, "dvmrp.flag.srcroute", "Source route", 54, 1,
	    ST_FMT_BOOL),
	[F_FDOWN] = FDD(NULL, "dvmrp.flag.down", "Down", 51, 1, ST_FMT_BOOL),
	[F_FDIS] = FDD(NULL, "dvmrp.flag.disabled", "Disabled", 50, 1,
	    ST_FMT_BOOL),
	[F_FQ] = FDD(NULL, "dvmrp.flag.querier", "Querier", 49, 1,
	    ST_FMT_BOOL),
	[F_FLEAF] = FDD(NULL, "dvmrp.flag.leaf", "Leaf", 48, 1, ST_FMT_BOOL),
	[F_NCOUNT] = FD(NULL, "dvmrp.ncount", "Neighbor count", 56, 8,
	    ST_FMT_DEC),
	/* a report's route: a mask of three bytes (the first is 255), then
	 * sources of as many bytes as the mask's non-zero ones, and a
	 * metric whose top bit ends the route */
	[F_RMASK] = FD(NULL, "dvmrp.netmask", "Netmask", 0, 0, ST_FMT_TEXT),
	[F_RSRC] = FD(NULL, "dvmrp.saddr", "Source network", 0, 0,
	    ST_FMT_TEXT),
	[F_RMETRIC] = FD(NULL, "dvmrp.metric", "Metric", 1, 7, ST_FMT_DEC),
};

static const struct st_ckspec dvmrp_ck = {
	.field = &dvmrp_fields[F_CK],
	.status = &dvmrp_fields[F_CKST],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

/* The row fd at byte off of c. */
static void
dvmrp_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned fd)
{
	st_dfields_at(d, c, off, &dvmrp_fields[fd], 1);
}

/* A report's routes from byte off to end; returns the offset reached. */
static size_t
dvmrp_report(struct st_dctx *d, struct st_cur *c, size_t off, size_t end)
{
	unsigned m[4], s[4], i, k, items = 0, metric;
	char text[16];
	size_t at;

	while (off < end && c->err == ST_OK) {
		if (off + 3 > end || !st_cur_need(c, off + 3))
			break;
		m[0] = 255;
		for (i = 1; i < 4; i++)
			m[i] = (unsigned)st_peek_bits(c, (off + i - 1) * 8, 8);
		snprintf(text, sizeof(text), "%u.%u.%u.%u", m[0], m[1], m[2],
		    m[3]);
		st_dtext(d, c, &dvmrp_fields[F_RMASK], off, 3, text);
		off += 3;
		do {
			if (++items > DVMRP_MAXITEMS) {
				st_dmalformed(d, "more than %u routes",
				    DVMRP_MAXITEMS);
				return end;
			}
			at = off;
			s[0] = s[1] = s[2] = s[3] = 0;
			for (k = 0; k < 4; k++) {
				if (k > 0 && m[k] == 0)
					continue;
				if (!st_cur_need(c, off + 1))
					return off;
				s[k] = (unsigned)st_peek_bits(c, off * 8, 8);
				off++;
			}
			snprintf(text, sizeof(text), "%u.%u.%u.%u", s[0], s[1],
			    s[2], s[3]);
			st_dtext(d, c, &dvmrp_fields[F_RSRC], at, off - at,
			    text);
			if (!st_cur_need(c, off + 1))
				return off;
			metric = (unsigned)st_peek_bits(c, off * 8, 8);
			dvmrp_at(d, c, off, F_RMETRIC);
			off++;
		} while (!(metric & 0x80) && off < end);
	}
	return off;
}

/* Neighbors 2: per interface its local address, metric, threshold, flags
 * and neighbours, while twelve bytes are left. */
static size_t
dvmrp_neighbors2(struct st_dctx *d, struct st_cur *c, size_t off,
    size_t end)
{
	unsigned n, items = 0;

	while (off + 12 <= end && c->err == ST_OK) {
		st_dfields_at(d, c, off, dvmrp_fields + F_LOCAL,
		    F_NCOUNT - F_LOCAL + 1);
		if (c->err != ST_OK)
			return off;
		n = (unsigned)st_peek_bits(c, off * 8 + 56, 8);
		off += 8;
		for (; n > 0 && off + 4 <= end; n--, off += 4) {
			if (++items > DVMRP_MAXITEMS)
				return end;
			dvmrp_at(d, c, off, F_NBR);
		}
	}
	return off;
}

static int
dvmrp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), end, off = DVMRP_HDR;
	unsigned code;
	struct st_field *ck;

	/* the message's own length: what the network layer declares, the
	 * capture perhaps cut short of it */
	end = d->net.tlen != 0 ? d->net.tlen : left;
	st_dgen(d, &dvmrp_fields[F_VER], 3);
	st_dfields(d, c, dvmrp_fields + F_TYPE, 2);
	ck = st_dfield(d, c, &dvmrp_fields[F_CK]);
	st_dfield(d, c, &dvmrp_fields[F_RSV]);
	code = (unsigned)st_peek_bits(c, 8, 8);
	if (code == 1 || code == 6)
		st_dfields(d, c, dvmrp_fields + F_CAP, F_CLEAF - F_CAP + 1);
	st_dfields(d, c, dvmrp_fields + F_MIN, 2);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	switch (code) {
	case 1:
		dvmrp_at(d, c, off, F_GENID);
		for (off += 4; off + 4 <= end && c->err == ST_OK; off += 4)
			dvmrp_at(d, c, off, F_NBR);
		break;
	case 2:
		off = dvmrp_report(d, c, off, end);
		break;
	case 7:
	case 8:
	case 9:
		dvmrp_at(d, c, off, F_SADDR);
		dvmrp_at(d, c, off + 4, F_MADDR);
		off += 8;
		if (code == 7) {
			dvmrp_at(d, c, off, F_LIFE);
			off += 4;
		}
		if (c->err == ST_OK && end >= off + 4) {
			dvmrp_at(d, c, off, F_MASK);
			off += 4;
		}
		break;
	case 6:
		off = dvmrp_neighbors2(d, c, off, end);
		break;
	}
	if (c->err != ST_OK) {
		/* cut short: the sum cannot be checked */
		if (ck != NULL) {
			ck->ck = ST_CK_UNVERIFIED;
			st_dckstatus(d, ck, &dvmrp_fields[F_CKST]);
		}
		d->hdr = left;
		return c->err;
	}
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	d->hdr = off < end ? off : end;
	if (ck != NULL)
		st_dck(d, c, &dvmrp_ck, ck, d->hdr);
	d->data = 1;
	return ST_OK;
}

static const struct st_bind dvmrp_binds[] = {
	{ ST_KEY_IGMPTYPE, 0x13 },
};

/* "dvmrp probe", "dvmrp neighbors2 v3.255", as tcpdump names them. */
static int
dvmrp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_MAJ + 1];
	const char *name;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(s->o, ' ');
	}
	st_ly_fields(s->pkt, ly, dvmrp_fields, F_MAJ + 1, f);
	if (f[F_CODE] == NULL) {
		st_out_puts(s->o, "dvmrp");
		return 1;
	}
	name = st_valname(code_names, (uint32_t)f[F_CODE]->val);
	if (name != NULL)
		st_out_printf(s->o, "dvmrp %s", name);
	else
		st_out_printf(s->o, "dvmrp code %u",
		    (unsigned)f[F_CODE]->val);
	if (f[F_MAJ] != NULL && f[F_MIN] != NULL)
		st_out_printf(s->o, " (v %u.%u)", (unsigned)f[F_MAJ]->val,
		    (unsigned)f[F_MIN]->val);
	return 1;
}

static const struct st_field_desc *const dvmrp_keys[] = {
	&dvmrp_fields[F_CODE], &dvmrp_fields[F_SADDR],
	&dvmrp_fields[F_MADDR], NULL,
};

const struct st_proto st_proto_dvmrp = {
	.name = "dvmrp",
	.ws = "dvmrp",
	.title = "Distance Vector Multicast Routing Protocol",
	.rfc = "RFC 1075, draft-ietf-idmr-dvmrp-v3-11",
	.role = ST_ROLE_CONTROL,
	.fields = dvmrp_fields,
	.nfields = NFIELDS(dvmrp_fields),
	.decode = dvmrp_decode,
	.binds = dvmrp_binds,
	.nbinds = NFIELDS(dvmrp_binds),
	.cksum = &dvmrp_ck,
	.summary = dvmrp_summary,
	.keys = dvmrp_keys,
	.color = "\033[36m",
	.explain = "The first multicast routing protocol of the Internet's "
	    "MBone, run by mrouted, inside IGMP (type 0x13).  Routers probe "
	    "for neighbours (a probe lists the ones heard), exchange "
	    "distance-vector reports of source networks and metrics, and "
	    "build a tree per source by flooding and pruning: a router "
	    "with no members downstream sends a prune, a graft undoes it.  "
	    "mrinfo asks a router for its interfaces and neighbours with "
	    "Ask Neighbors 2; the Neighbors 2 reply lists them.",
};
