/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PIM version 1 (draft-ietf-idmr-pim-spec-01/02, Cisco's first PIM), which
 * ran inside IGMP as type 0x14 before PIMv2 had its own IP protocol (103):
 * IGMP's decoder hands the message whole to this one (ST_KEY_IGMPTYPE).
 * Shown as Wireshark shows it, a PIM layer of its own:
 *
 * +---------------+---------------+-------------------------------+
 * |  Type (0x14)  |     Code      |           Checksum            |
 * +-------+-------+---------------+-------------------------------+
 * |Ver (1)|            Reserved (28 bits)                         |
 * +-------+-------------------------------------------------------+
 * | by code: query (mode, holdtime), register (the packet), register-
 * | stop (group, source), join/prune/graft/graft-ack (upstream
 * | neighbour, holdtime, groups with joined and pruned sources),
 * | RP-reachable (group, mask, RP, holdtime), assert (group, mask,
 * | RPT bit, preference, metric)
 *
 * The checksum covers the message, a register's its 8-byte header only.
 * A message whose version nibble is not 1 is shown to the version.
 */
#include "strata/out.h"
#include "fields.h"

#define PIMV1_HDR	8
#define PIMV1_MAXADDRS	1024	/* joined and pruned sources, all groups */

static const struct st_valname code_names[] = {
	{ 0, "Query" }, { 1, "Register" }, { 2, "Register-stop" },
	{ 3, "Join/Prune" }, { 4, "RP-Reachable" }, { 5, "Assert" },
	{ 6, "Graft" }, { 7, "Graft-Ack" }, { 8, "Mode" }, { 0, NULL }
};

static const struct st_valname mode_names[] = {
	{ 0, "Dense" }, { 1, "Sparse" }, { 2, "Sparse-Dense" }, { 0, NULL }
};

enum { F_TYPE, F_CODE, F_CK, F_CKST, F_VER, F_RSV,
	/* the body's rows, each from its own start */
	F_MODE, F_HOLD, F_IPVER, F_GROUP, F_SOURCE, F_UPNBR, F_RSV2, F_RSV1,
	F_MASKLEN, F_ADDRLEN, F_NGROUPS, F_GMASK, F_NJOIN, F_NPRUNE, F_SFA,
	F_SFS, F_SFW, F_SFR, F_SFRSV, F_SMASKLEN, F_JOIN, F_PRUNE, F_GADDR,
	F_RP, F_RPT, F_PREF, F_METRIC };

static const struct st_field_desc pimv1_fields[] = {
	[F_TYPE] = FD("type", "pim.igmp_type", "Type", 0, 8, ST_FMT_TEXT),
	[F_CODE] = FDN("code", "pim.code", "Code", 8, 8, ST_FMT_DEC,
	    code_names),
	[F_CK] = FDX("chksum", "pim.cksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	[F_CKST] = FDGS("pim.cksum.status", "Checksum status"),
	[F_VER] = FD("ver", "pim.version", "Version", 32, 4, ST_FMT_DEC),
	[F_RSV] = FD(NULL, "pim.res_bytes", "Reserved", 40, 24,
	    ST_FMT_BYTES),
	[F_MODE] = FDN(NULL, "pim.mode", "Mode", 0, 4, ST_FMT_DEC,
	    mode_names),
	[F_HOLD] = FD(NULL, "pim.holdtime", "Holdtime", 0, 16, ST_FMT_DEC),
	[F_IPVER] = FD(NULL, "pim.ip_version", "IP version", 0, 4,
	    ST_FMT_DEC),
	[F_GROUP] = FD(NULL, "pim.group", "Group", 0, 32, ST_FMT_IPV4),
	[F_SOURCE] = FD(NULL, "pim.source", "Source", 0, 32, ST_FMT_IPV4),
	[F_UPNBR] = FD(NULL, "pim.upstream_neighbor", "Upstream neighbor", 0,
	    32, ST_FMT_IPV4),
	[F_RSV2] = FD(NULL, "pim.res_bytes", "Reserved", 0, 16, ST_FMT_BYTES),
	[F_RSV1] = FD(NULL, "pim.res_bytes", "Reserved", 0, 8, ST_FMT_BYTES),
	[F_MASKLEN] = FD(NULL, "pim.mask_len", "Mask length", 0, 8,
	    ST_FMT_DEC),
	[F_ADDRLEN] = FD(NULL, "pim.addr_len", "Address length", 0, 8,
	    ST_FMT_DEC),
	[F_NGROUPS] = FD(NULL, "pim.numgroups", "Number of groups", 0, 8,
	    ST_FMT_DEC),
	[F_GMASK] = FD(NULL, "pim.group_mask", "Group mask", 0, 32,
	    ST_FMT_IPV4),
	[F_NJOIN] = FD(NULL, "pim.numjoins", "Joins", 0, 16, ST_FMT_DEC),
	[F_NPRUNE] = FD(NULL, "pim.numprunes", "Prunes", 0, 16, ST_FMT_DEC),
	/* a joined or pruned source: flags, mask length, address */
	[F_SFA] = FDD(NULL, "pim.src_flags.a", "Annotated", 4, 1,
	    ST_FMT_DEC),
	[F_SFS] = FDD(NULL, "pim.src_flags.s", "Sparse", 5, 1, ST_FMT_DEC),
	[F_SFW] = FDD(NULL, "pim.src_flags.w", "WC", 6, 1, ST_FMT_DEC),
	[F_SFR] = FDD(NULL, "pim.src_flags.r", "RP", 7, 1, ST_FMT_DEC),
	[F_SFRSV] = FDD(NULL, "pim.src_flags.rsv", "Reserved", 0, 4,
	    ST_FMT_DEC),
	[F_SMASKLEN] = FD(NULL, "pim.mask_len", "Mask length", 8, 8,
	    ST_FMT_DEC),
	[F_JOIN] = FD(NULL, "pim.join_ip", "Join", 16, 32, ST_FMT_IPV4),
	[F_PRUNE] = FD(NULL, "pim.prune_ip", "Prune", 16, 32, ST_FMT_IPV4),
	[F_GADDR] = FD(NULL, "pim.group_address", "Group address", 0, 32,
	    ST_FMT_IPV4),
	[F_RP] = FD(NULL, "pim.rp", "RP", 0, 32, ST_FMT_IPV4),
	[F_RPT] = FD(NULL, "pim.rpt", "RP tree", 0, 1, ST_FMT_BOOL),
	[F_PREF] = FD(NULL, "pim.metric_pref", "Metric preference", 1, 31,
	    ST_FMT_DEC),
	[F_METRIC] = FD(NULL, "pim.metric", "Metric", 0, 32, ST_FMT_DEC),
};

static const struct st_ckspec pimv1_ck = {
	.field = &pimv1_fields[F_CK],
	.status = &pimv1_fields[F_CKST],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

/* A register's covers its header alone. */
static const struct st_ckspec pimv1_regck = {
	.field = &pimv1_fields[F_CK],
	.status = &pimv1_fields[F_CKST],
	.cover = ST_CKC_HEADER,
	.fam = 4,
};

/* Rows first..last at byte off of c, one after another as laid out. */
static void
pimv1_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned last)
{
	st_dfields_at(d, c, off, &pimv1_fields[first], last - first + 1);
}

/* A join/prune's, a graft's or a graft-ack's groups from byte off;
 * returns the offset after them. */
static size_t
pimv1_groups(struct st_dctx *d, struct st_cur *c, size_t off)
{
	unsigned ngroups, g, nj, np, k, addrs = 0;

	pimv1_at(d, c, off, F_UPNBR, F_UPNBR);
	pimv1_at(d, c, off + 4, F_RSV2, F_RSV2);
	pimv1_at(d, c, off + 6, F_HOLD, F_HOLD);
	pimv1_at(d, c, off + 8, F_RSV1, F_RSV1);
	pimv1_at(d, c, off + 9, F_MASKLEN, F_MASKLEN);
	pimv1_at(d, c, off + 10, F_ADDRLEN, F_ADDRLEN);
	pimv1_at(d, c, off + 11, F_NGROUPS, F_NGROUPS);
	if (c->err != ST_OK)
		return off;
	ngroups = (unsigned)st_peek_bits(c, (off + 11) * 8, 8);
	off += 12;
	for (g = 0; g < ngroups && c->err == ST_OK; g++) {
		pimv1_at(d, c, off, F_GROUP, F_GROUP);
		pimv1_at(d, c, off + 4, F_GMASK, F_GMASK);
		pimv1_at(d, c, off + 8, F_NJOIN, F_NJOIN);
		pimv1_at(d, c, off + 10, F_NPRUNE, F_NPRUNE);
		if (c->err != ST_OK)
			break;
		nj = (unsigned)st_peek_bits(c, (off + 8) * 8, 16);
		np = (unsigned)st_peek_bits(c, (off + 10) * 8, 16);
		off += 12;
		for (k = 0; k < nj + np && c->err == ST_OK; k++, off += 6) {
			if (++addrs > PIMV1_MAXADDRS) {
				st_dmalformed(d, "more than %u sources",
				    PIMV1_MAXADDRS);
				return off;
			}
			pimv1_at(d, c, off, F_SFA, F_SMASKLEN);
			pimv1_at(d, c, off, k < nj ? F_JOIN : F_PRUNE,
			    k < nj ? F_JOIN : F_PRUNE);
		}
	}
	return off;
}

/* After the 8-byte header, by code; returns the offset reached. */
static size_t
pimv1_body(struct st_dctx *d, struct st_cur *c, unsigned code)
{
	size_t off = PIMV1_HDR;

	switch (code) {
	case 0:
		pimv1_at(d, c, off, F_MODE, F_MODE);
		pimv1_at(d, c, off + 2, F_HOLD, F_HOLD);
		return off + 4;
	case 2:
		pimv1_at(d, c, off, F_GROUP, F_GROUP);
		pimv1_at(d, c, off + 4, F_SOURCE, F_SOURCE);
		return off + 8;
	case 3:
	case 6:
	case 7:
		return pimv1_groups(d, c, off);
	case 4:
		pimv1_at(d, c, off, F_GADDR, F_GADDR);
		pimv1_at(d, c, off + 4, F_GMASK, F_GMASK);
		pimv1_at(d, c, off + 8, F_RP, F_RP);
		pimv1_at(d, c, off + 12, F_RSV2, F_RSV2);
		pimv1_at(d, c, off + 14, F_HOLD, F_HOLD);
		return off + 16;
	case 5:
		pimv1_at(d, c, off, F_GADDR, F_GADDR);
		pimv1_at(d, c, off + 4, F_GMASK, F_GMASK);
		pimv1_at(d, c, off + 8, F_RPT, F_PREF);
		pimv1_at(d, c, off + 12, F_METRIC, F_METRIC);
		return off + 16;
	}
	return off;
}

static int
pimv1_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr;
	struct st_field *ck = NULL;
	unsigned code, ver;

	st_dtext(d, c, &pimv1_fields[F_TYPE], 0, 1, "PIM (0x14)");
	st_dfield(d, c, &pimv1_fields[F_CODE]);
	if (!st_cur_need(c, 5)) {
		d->hdr = left;
		return c->err;
	}
	code = (unsigned)st_peek_bits(c, 8, 8);
	ver = (unsigned)st_peek_bits(c, 32, 4);
	ck = st_dfield(d, c, &pimv1_fields[F_CK]);
	st_dfield(d, c, &pimv1_fields[F_VER]);
	if (ver != 1) {
		/* Not PIMv1: the checksum is not checked, nor the rest read,
		 * as Wireshark's */
		if (ck != NULL) {
			ck->ck = ST_CK_UNVERIFIED;
			st_dckstatus(d, ck, &pimv1_fields[F_CKST]);
		}
		d->hdr = left;
		d->rest_done = 1;
		return ST_OK;
	}
	st_dfield(d, c, &pimv1_fields[F_RSV]);
	hdr = left > PIMV1_HDR && code != 1 ? pimv1_body(d, c, code) :
	    PIMV1_HDR;
	if (code == 1 && left > PIMV1_HDR)
		pimv1_at(d, c, PIMV1_HDR, F_IPVER, F_IPVER);
	if (c->err != ST_OK) {
		/* cut short: the sum cannot be checked */
		if (ck != NULL) {
			ck->ck = ST_CK_UNVERIFIED;
			st_dckstatus(d, ck, &pimv1_fields[F_CKST]);
		}
		d->hdr = left;
		return c->err;
	}
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	d->hdr = hdr < left ? hdr : left;
	if (ck != NULL)
		st_dck(d, c, code == 1 ? &pimv1_regck : &pimv1_ck, ck,
		    code == 1 ? PIMV1_HDR : d->hdr);
	ver = code == 1 && left > PIMV1_HDR ?
	    (unsigned)st_peek_bits(c, PIMV1_HDR * 8, 4) : 0;
	if (ver == 4 || ver == 6) {
		struct st_cur q = *c;

		/* the multicast packet it carries, by its version, inside
		 * PIM's layer as Wireshark shows it (a dummy header of
		 * version 0 is data) */
		q.off += PIMV1_HDR;
		st_dnest(d, &q, ST_KEY_ETHERTYPE, ver == 6 ? 0x86dd : 0x0800);
		return ST_OK;
	}
	d->data = 1;
	return ST_OK;
}

static const struct st_bind pimv1_binds[] = {
	{ ST_KEY_IGMPTYPE, 0x14 },
};

/* "pim v1 Join/Prune", as tcpdump. */
static int
pimv1_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CODE + 1];
	const char *name;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(s->o, ' ');
	}
	st_ly_fields(s->pkt, ly, pimv1_fields, F_CODE + 1, f);
	if (f[F_CODE] == NULL) {
		st_out_puts(s->o, "pim v1");
		return 1;
	}
	name = st_valname(code_names, (uint32_t)f[F_CODE]->val);
	if (name != NULL)
		st_out_printf(s->o, "pim v1 %s", name);
	else
		st_out_printf(s->o, "pim v1 code %u", (unsigned)f[F_CODE]->val);
	return 1;
}

static const struct st_field_desc *const pimv1_keys[] = {
	&pimv1_fields[F_CODE], &pimv1_fields[F_GROUP], NULL,
};

const struct st_proto st_proto_pimv1 = {
	.name = "pimv1",
	.ws = "pim",
	.title = "Protocol Independent Multicast version 1",
	.rfc = "draft-ietf-idmr-pim-spec-02",
	.role = ST_ROLE_CONTROL,
	.fields = pimv1_fields,
	.nfields = NFIELDS(pimv1_fields),
	.decode = pimv1_decode,
	.binds = pimv1_binds,
	.nbinds = NFIELDS(pimv1_binds),
	.cksum = &pimv1_ck,
	.summary = pimv1_summary,
	.keys = pimv1_keys,
	.color = "\033[36m",
	.explain = "The first version of PIM, which ran inside IGMP (type "
	    "0x14) before PIMv2 got an IP protocol of its own (103): the same "
	    "messages, carried differently.  Routers query for neighbours, "
	    "a designated router registers a source's packets with the "
	    "rendezvous point (RP) inside register messages until told to "
	    "stop, routers join and prune groups towards the RP or the "
	    "source, and asserts settle which router forwards on a shared "
	    "link.",
};
