/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PGM, Pragmatic General Multicast (RFC 3208), IP protocol 113: reliable
 * multicast by sequence numbers and NAKs.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Source Port           |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Type     |    Options    |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Global Source ID                   ... |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | ...    Global Source ID       |           TSDU Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Then by type: SPM 0 (sequence window and the path's address), POLL 1,
 * POLR 2, ODATA 4 and RDATA 5 (sequence number, trail, then options and
 * TSDU length bytes of data), NAK 8, NNAK 9, NCF 10 (the missing sequence
 * number, source and group addresses).  The checksum covers the whole
 * packet, no pseudo-header; zero means none was sent.  Options (the O bit)
 * start with OPT_LENGTH, whose total length they are skipped by.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_PORT1, F_PORT2, F_SPORT, F_DPORT, F_TYPE, F_OPTS, F_OOPT,
	F_ONET, F_OVAR, F_OPAR, F_CKSUM, F_CKSTAT, F_GSI, F_TSDU,
	F_SQN, F_TRAIL, F_LEAD, F_PAFI, F_PRES, F_P4, F_P6,
	F_NSQN, F_NSAFI, F_NSRES, F_NS4, F_NS6, F_NGAFI, F_NGRES, F_NG4,
	F_NG6, F_QSQN, F_QROUND, F_QSUB, F_QAFI, F_QRES, F_Q4, F_Q6,
	F_QBACK, F_QRAND, F_QMASK, F_RSQN, F_RROUND, F_RRES, F_OPTBYTES };

static const struct st_valname pgm_type_names[] = {
	{ 0, "SPM" }, { 1, "POLL" }, { 2, "POLR" }, { 4, "ODATA" },
	{ 5, "RDATA" }, { 8, "NAK" }, { 9, "NNAK" }, { 10, "NCF" },
	{ 12, "SPMR" }, { 13, "ACK" }, { 0, NULL }
};

static const struct st_field_desc pgm_fields[] = {
	FDD(NULL, "pgm.port", "Port", 0, 16, ST_FMT_DEC),
	FDD(NULL, "pgm.port", "Port", 16, 16, ST_FMT_DEC),
	FD("sport", "pgm.hdr.sport", "Source port", 0, 16, ST_FMT_DEC),
	FD("dport", "pgm.hdr.dport", "Destination port", 16, 16, ST_FMT_DEC),
	FDN("type", "pgm.hdr.type", "Type", 32, 8, ST_FMT_HEX,
	    pgm_type_names),
	FD(NULL, "pgm.hdr.opts", "Options", 40, 8, ST_FMT_HEX),
	FDD(NULL, "pgm.hdr.opts.opt", "Options present", 47, 1, ST_FMT_BOOL),
	FDD(NULL, "pgm.hdr.opts.netsig", "Network significant", 46, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "pgm.hdr.opts.varlen", "Variable length parity", 41, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "pgm.hdr.opts.parity", "Parity", 40, 1, ST_FMT_BOOL),
	FDX("chksum", "pgm.hdr.cksum", "Checksum", 48, 16, ST_FMT_HEX, 0, 0,
	    ST_DF_CKSUM, 0, NULL),
	FDGS("pgm.hdr.cksum.status", "Checksum status"),
	FD("gsi", "pgm.hdr.gsi", "Global source ID", 64, 48, ST_FMT_BYTES),
	FD(NULL, "pgm.hdr.tsdulen", "TSDU length", 112, 16, ST_FMT_DEC),
	/* SPM, ODATA, RDATA (Wireshark names both spm) */
	FD(NULL, "pgm.spm.sqn", "Sequence number", 128, 32, ST_FMT_HEX),
	FD(NULL, "pgm.spm.trail", "Trailing edge", 160, 32, ST_FMT_HEX),
	FD(NULL, "pgm.spm.lead", "Leading edge", 192, 32, ST_FMT_HEX),
	FD(NULL, "pgm.spm.pathafi", "Path address family", 224, 16,
	    ST_FMT_DEC),
	FD(NULL, "pgm.spm.res", "Reserved", 240, 16, ST_FMT_HEX),
	FD(NULL, "pgm.spm.path.ipv4", "Path", 256, 32, ST_FMT_IPV4),
	FD(NULL, "pgm.spm.path.ipv6", "Path", 256, 128, ST_FMT_IPV6),
	/* NAK, NNAK, NCF */
	FD(NULL, "pgm.nak.sqn", "Requested sequence number", 128, 32,
	    ST_FMT_HEX),
	FD(NULL, "pgm.nak.srcafi", "Source address family", 160, 16,
	    ST_FMT_DEC),
	FD(NULL, "pgm.nak.srcres", "Reserved", 176, 16, ST_FMT_HEX),
	FD(NULL, "pgm.nak.src.ipv4", "Source", 192, 32, ST_FMT_IPV4),
	FD(NULL, "pgm.nak.src.ipv6", "Source", 192, 128, ST_FMT_IPV6),
	FD(NULL, "pgm.nak.grpafi", "Group address family", 0, 16, ST_FMT_DEC),
	FD(NULL, "pgm.nak.grpres", "Reserved", 16, 16, ST_FMT_HEX),
	FD(NULL, "pgm.nak.grp.ipv4", "Group", 32, 32, ST_FMT_IPV4),
	FD(NULL, "pgm.nak.grp.ipv6", "Group", 32, 128, ST_FMT_IPV6),
	/* POLL */
	FD(NULL, "pgm.poll.sqn", "Sequence number", 128, 32, ST_FMT_HEX),
	FD(NULL, "pgm.poll.round", "Round", 160, 16, ST_FMT_DEC),
	FD(NULL, "pgm.poll.subtype", "Subtype", 176, 16, ST_FMT_HEX),
	FD(NULL, "pgm.poll.pathafi", "Path address family", 192, 16,
	    ST_FMT_DEC),
	FD(NULL, "pgm.poll.res", "Reserved", 208, 16, ST_FMT_HEX),
	FD(NULL, "pgm.poll.path.ipv4", "Path", 224, 32, ST_FMT_IPV4),
	FD(NULL, "pgm.poll.path.ipv6", "Path", 224, 128, ST_FMT_IPV6),
	FD(NULL, "pgm.poll.backoff_ivl", "Back-off interval", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "pgm.poll.rand_str", "Random string", 32, 32, ST_FMT_HEX),
	FD(NULL, "pgm.poll.matching_bmask", "Matching bit-mask", 64, 32,
	    ST_FMT_HEX),
	/* POLR */
	FD(NULL, "pgm.polr.sqn", "Sequence number", 128, 32, ST_FMT_HEX),
	FD(NULL, "pgm.polr.round", "Round", 160, 16, ST_FMT_DEC),
	FD(NULL, "pgm.polr.res", "Reserved", 176, 16, ST_FMT_HEX),
	FD(NULL, "strata.pgm.options", "Options (not decoded)", 0, 0,
	    ST_FMT_BYTES),
};

#define R(i)	(&pgm_fields[(i)])

static const struct st_ckspec pgm_ck = {
	.field = &pgm_fields[F_CKSUM],
	.status = &pgm_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
};

/* An address of family afi (1 IPv4, 2 IPv6) at byte off by rows v4/v6;
 * returns the bytes it takes, 0 for another family. */
static size_t
pgm_addr(struct st_dctx *d, struct st_cur *c, unsigned afi, size_t off,
    int v4, int v6)
{
	struct st_cur w = *c;
	const struct st_field_desc *fd = R(afi == 2 ? v6 : v4);

	if (afi != 1 && afi != 2)
		return 0;
	w.off += off - fd->bitoff / 8;
	st_dfield(d, &w, fd);
	c->err = w.err;
	return afi == 1 ? 4 : 16;
}

/* The type's own part; returns where options (or data) start. */
static size_t
pgm_body(struct st_dctx *d, struct st_cur *c, unsigned type)
{
	size_t n;
	struct st_cur g;

	switch (type) {
	case 0:
		st_dfields(d, c, R(F_SQN), F_P4 - F_SQN);
		return 32 + pgm_addr(d, c, (unsigned)st_peek_bits(c, 224, 16),
		    32, F_P4, F_P6);
	case 1:
		st_dfields(d, c, R(F_QSQN), F_Q4 - F_QSQN);
		n = 28 + pgm_addr(d, c, (unsigned)st_peek_bits(c, 192, 16),
		    28, F_Q4, F_Q6);
		g = *c;
		g.off += n;
		st_dfields(d, &g, R(F_QBACK), 3);
		c->err = g.err;
		return n + 12;
	case 2:
		st_dfields(d, c, R(F_RSQN), 3);
		return 24;
	case 4:
	case 5:
		st_dfields(d, c, R(F_SQN), 2);
		return 24;
	case 8:
	case 9:
	case 10:
		st_dfields(d, c, R(F_NSQN), 3);
		n = 24 + pgm_addr(d, c, (unsigned)st_peek_bits(c, 160, 16),
		    24, F_NS4, F_NS6);
		g = *c;
		g.off += n;
		st_dfields(d, &g, R(F_NGAFI), 2);
		if (g.err == ST_OK)
			n += 4 + pgm_addr(d, &g, (unsigned)st_peek_bits(&g, 0,
			    16), 4, F_NG4, F_NG6);
		c->err = g.err;
		return n;
	}
	return 16;
}

static int
pgm_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off, olen, tlen;
	struct st_field *ck;
	unsigned type;

	st_dfields(d, c, pgm_fields, F_CKSUM);
	ck = st_dfield(d, c, R(F_CKSUM));
	st_dfields(d, c, R(F_GSI), 2);
	if (c->err != ST_OK)
		return c->err;
	tlen = d->net.fam != 0 ? d->net.tlen : left;
	if (ck != NULL && ck->val == 0) {	/* none sent */
		ck->ck = ST_CK_ABSENT;
		st_dckstatus(d, ck, R(F_CKSTAT));
	} else
		st_dck(d, c, &pgm_ck, ck, 16);
	type = (unsigned)st_peek_bits(c, 32, 8);
	off = pgm_body(d, c, type);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (st_peek_bits(c, 40, 8) & 0x01) {	/* OPT_LENGTH first */
		struct st_cur w = *c;

		w.off += off;
		olen = (size_t)st_peek_bits(&w, 16, 16);
		if (w.err != ST_OK) {
			d->hdr = left;
			return w.err;
		}
		if (st_peek_bits(&w, 0, 8) != 0 || olen < 4 || off + olen >
		    tlen)
			return st_dmalformed(d, "options of length %zu", olen);
		st_dbytes(d, c, R(F_OPTBYTES), off, olen);
		off += olen;
	}
	if (off > tlen)
		return st_dmalformed(d, "%s needs %zu bytes, the packet has "
		    "%zu", st_valname(pgm_type_names, type) != NULL ?
		    st_valname(pgm_type_names, type) : "the type", off, tlen);
	d->hdr = off;
	d->plen = tlen - off;
	d->data = 1;
	return off > left ? ST_ETRUNC : ST_OK;
}

static const struct st_bind pgm_binds[] = {
	{ ST_KEY_IPPROTO, 113 },
};

/* As tcpdump: "A.p > B.p PGM, length 1436 ODATA 92327 trail 21618". */
static int
pgm_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_OPTBYTES + 1];
	const char *t;

	if (s->net == NULL)
		return 0;
	st_ly_fields(s->pkt, ly, pgm_fields, F_OPTBYTES + 1, f);
	s->endpoints(s, ly);
	t = f[F_TYPE] != NULL ? st_valname(pgm_type_names,
	    (uint32_t)f[F_TYPE]->val) : NULL;
	st_out_printf(s->o, " pgm %s", t != NULL ? t : "?");
	if (f[F_SQN] != NULL || f[F_NSQN] != NULL || f[F_QSQN] != NULL ||
	    f[F_RSQN] != NULL) {
		st_out_puts(s->o, " sqn ");
		s->value(s, f[F_SQN] != NULL ? f[F_SQN] : f[F_NSQN] != NULL ?
		    f[F_NSQN] : f[F_QSQN] != NULL ? f[F_QSQN] : f[F_RSQN]);
	}
	st_out_puts(s->o, " len ");
	s->value(s, f[F_TSDU]);
	return 1;
}

static const struct st_field_desc *const pgm_keys[] = {
	R(F_SPORT), R(F_DPORT), R(F_TYPE), R(F_TSDU), NULL,
};

const struct st_proto st_proto_pgm = {
	.name = "pgm",
	.ws = "pgm",
	.title = "Pragmatic General Multicast",
	.rfc = "RFC 3208",
	.role = ST_ROLE_TRANSPORT,
	.fields = pgm_fields,
	.nfields = NFIELDS(pgm_fields),
	.decode = pgm_decode,
	.binds = pgm_binds,
	.nbinds = NFIELDS(pgm_binds),
	.ends = { &pgm_fields[F_SPORT], &pgm_fields[F_DPORT] },
	.cksum = &pgm_ck,
	.summary = pgm_summary,
	.keys = pgm_keys,
	.color = "\033[36m",
	.explain = "PGM delivers multicast data reliably: a source sends "
	    "numbered ODATA and announces its window in SPMs; a receiver "
	    "that misses a sequence number sends a NAK up the path, the "
	    "network confirms it with an NCF, and the source (or a repairer) "
	    "resends it as RDATA.  The checksum covers the whole packet "
	    "without a pseudo-header; zero means none.",
};
