/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP's UDP transport, version 1 ([MS-RDPEUDP] 2.2), on UDP 3389:
 *
 *    0                   1                   2                   3
 *   +---------------------------------------------------------------+
 *   |                  snSourceAck (last seen)                      |
 *   +-------------------------------+-------------------------------+
 *   |      uReceiveWindowSize       |  uFlags (SYN ACK DATA ...)    |
 *   +-------------------------------+-------------------------------+
 *   | SYN: initial sequence number, up and down MTU, correlation id  |
 *   |      and SYNEX version; ACK: an ack vector padded to 4 bytes;  |
 *   | DATA: snCoded, snSourceStart, then the payload (TLS or DTLS)  |
 *   +---------------------------------------------------------------+
 *
 * Everything is big-endian.  Version 2 (MS-RDPEUDP2) datagrams, after a
 * SYNEX that agreed on it, are scrambled and are not read here: a
 * datagram that is not a consistent version 1 one is left as data.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define RDPUDP_PORT	3389
#define RDPUDP_SYNLEN	1232	/* a SYN is padded to the minimum MTU */
#define RDPUDP_MAXACK	2048	/* ack vector elements shown */

#define FL_SYN		0x0001
#define FL_ACK		0x0004
#define FL_DATA		0x0008
#define FL_FEC		0x0010
#define FL_AOA		0x0100
#define FL_CORRID	0x0800
#define FL_SYNEX	0x1000

enum { F_ACKSN, F_WIN, F_FLAGS, F_FSYN, F_FFIN, F_FACK, F_FDATA, F_FFEC,
	F_FCN, F_FCWR, F_FAOA, F_FLOSSY, F_FDELAY, F_FCORR, F_FSYNEX, F_ISN,
	F_UPMTU, F_DNMTU, F_CORRID, F_SXFLAGS, F_SXVER, F_SXVERSION, F_COOKIE,
	F_ACKITEM, F_ACKRLE, F_AOASN, F_SNCODED, F_SRCSTART, F_NRDPUDP };

#define FLAG(n, l, b) FDD(NULL, n, l, 63 - (b), 1, ST_FMT_BOOL)

static const struct st_field_desc rdpudp_fields[F_NRDPUDP] = {
	[F_ACKSN] = FD("ack", "rdpudp.snsourceack", "snSourceAck", 0, 32,
	    ST_FMT_HEX),
	[F_WIN] = FD("win", "rdpudp.receivewindowsize",
	    "uReceiveWindowSize", 32, 16, ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "rdpudp.flags", "uFlags", 48, 16,
	    ST_FMT_HEX),
	[F_FSYN] = FLAG("rdpudp.flags.syn", "SYN", 0),
	[F_FFIN] = FLAG("rdpudp.flags.fin", "FIN", 1),
	[F_FACK] = FLAG("rdpudp.flags.ack", "ACK", 2),
	[F_FDATA] = FLAG("rdpudp.flags.data", "DATA", 3),
	[F_FFEC] = FLAG("rdpudp.flags.fec", "FEC", 4),
	[F_FCN] = FLAG("rdpudp.flags.cn", "CN", 5),
	[F_FCWR] = FLAG("rdpudp.flags.cwr", "CWR", 6),
	[F_FAOA] = FLAG("rdpudp.flags.aoa", "AOA", 8),
	[F_FLOSSY] = FLAG("rdpudp.flags.synlossy", "SYNLOSSY", 9),
	[F_FDELAY] = FLAG("rdpudp.flags.ackdelayed", "ACKDELAYED", 10),
	[F_FCORR] = FLAG("rdpudp.flags.correlationid", "CORRELATION_ID", 11),
	[F_FSYNEX] = FLAG("rdpudp.flags.synex", "SYNEX", 12),
	/* Rows below are read where the datagram has them. */
	[F_ISN] = FD(NULL, "rdpudp.initialsequencenumber",
	    "snInitialSequenceNumber", 0, 32, ST_FMT_HEX),
	[F_UPMTU] = FD(NULL, "rdpudp.upstreammtu", "uUpStreamMtu", 32, 16,
	    ST_FMT_DEC),
	[F_DNMTU] = FD(NULL, "rdpudp.downstreammtu", "uDownStreamMtu", 48, 16,
	    ST_FMT_DEC),
	[F_CORRID] = FD(NULL, "rdpudp.correlationid", "uCorrelationId", 0, 0,
	    ST_FMT_BYTES),
	[F_SXFLAGS] = FD(NULL, "rdpudp.synex.flags", "uSynExFlags", 0, 16,
	    ST_FMT_HEX),
	[F_SXVER] = FD(NULL, "rdpudp.synex.flags.versioninfo",
	    "RDPUDP_VERSION_INFO_VALID", 15, 1, ST_FMT_BOOL),
	[F_SXVERSION] = FD(NULL, "rdpudp.synex.version", "uUdpVer", 16, 16,
	    ST_FMT_HEX),
	[F_COOKIE] = FD(NULL, "rdpudp.synex.cookiehash", "Cookie Hash", 0, 0,
	    ST_FMT_BYTES),
	[F_ACKITEM] = FD(NULL, "rdpudp.ack.item", "AckVectorElement", 0, 8,
	    ST_FMT_HEX),
	[F_ACKRLE] = FDD(NULL, "rdpudp.ack.item.rle", "Run length", 2, 6,
	    ST_FMT_DEC),
	[F_AOASN] = FD(NULL, "strata.rdpudp.ackofacks", "snAckOfAcksSeqNum", 0, 32,
	    ST_FMT_HEX),
	[F_SNCODED] = FD(NULL, "rdpudp.data.sncoded", "snCoded", 0, 32,
	    ST_FMT_HEX),
	[F_SRCSTART] = FD(NULL, "rdpudp.data.sourceStart", "snSourceStart",
	    32, 32, ST_FMT_HEX),
};

/* The rows of tab[from..to) at byte off of c. */
static void
rows_at(struct st_dctx *d, struct st_cur *c, size_t off, int from, int to)
{
	st_dfields_at(d, c, off, &rdpudp_fields[from], (size_t)(to - from));
}

/* SYN: sequence number and MTUs, correlation id, SYNEX.  Returns the
 * bytes read from off. */
static size_t
syn(struct st_dctx *d, struct st_cur *c, unsigned fl, size_t off)
{
	rows_at(d, c, off, F_ISN, F_DNMTU + 1);
	off += 8;
	if (fl & FL_CORRID) {
		st_dbytes(d, c, &rdpudp_fields[F_CORRID], off, 16);
		off += 32;		/* the id and 16 reserved bytes */
	}
	if (fl & FL_SYNEX) {
		rows_at(d, c, off, F_SXFLAGS, F_SXVERSION + 1);
		/* version 3 (0x101) adds the hash of the TCP side's cookie */
		if (c->err == ST_OK && st_cur_need(c, off + 4) &&
		    st_peek_bits(c, (off + 2) * 8, 16) == 0x101)
			st_dbytes(d, c, &rdpudp_fields[F_COOKIE], off + 4, 32);
		off += 4;
	}
	return off;
}

/* The ack vector: its size, the elements, padding to 4 bytes.  Returns
 * where it ends; 0 when it does not fit. */
static size_t
ackvec(struct st_dctx *d, struct st_cur *c, size_t off)
{
	size_t left = st_cur_left(c), n, i;
	struct st_cur t = *c;

	if (off + 2 > left || !st_cur_skip(&t, off))
		return 0;
	n = (size_t)st_peek_bits(&t, 0, 16);
	if (n > RDPUDP_MAXACK || off + 2 + n > left)
		return 0;
	for (i = 0; i < n; i++)
		rows_at(d, c, off + 2 + i, F_ACKITEM, F_ACKRLE + 1);
	return off + ((2 + n + 3) & ~(size_t)3);
}

static int
rdpudp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 8;
	unsigned fl;
	struct st_cur p;

	if (left < 8)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_ENOTME;
	fl = (unsigned)st_peek_bits(c, 48, 16);
	if ((fl & FL_SYN) && left + (d->pkt->len - d->pkt->caplen) <
	    RDPUDP_SYNLEN)
		return ST_ENOTME;	/* a SYN is padded: not version 1 */
	if (!(fl & FL_SYN) && (!(fl & (FL_ACK | FL_DATA)) || (fl & FL_FEC)))
		return ST_ENOTME;
	st_dfields(d, c, rdpudp_fields, F_FSYNEX + 1);
	if (fl & FL_SYN) {
		off = syn(d, c, fl, off);
		d->hdr = left;		/* the rest is padding */
		d->data = 1;
		return c->err;
	}
	if ((fl & FL_ACK) && (off = ackvec(d, c, off)) == 0)
		return ST_ETRUNC;
	if (fl & FL_AOA) {
		rows_at(d, c, off, F_AOASN, F_AOASN + 1);
		off += 4;
	}
	if (fl & FL_DATA) {
		rows_at(d, c, off, F_SNCODED, F_SRCSTART + 1);
		off += 8;
	}
	if (c->err != ST_OK)
		return c->err;
	if (off > left)
		return ST_ETRUNC;
	d->hdr = off;
	p = *c;
	if (st_cur_skip(&p, off) && st_cur_left(&p) > 0)
		/* TLS (or DTLS) from the first datagram on. */
		d->next = st_proto_guess(ST_KEY_TCPPORT, &p, NULL);
	if (d->next == NULL)
		d->data = 1;
	return ST_OK;
}

static const struct st_bind rdpudp_binds[] = {
	{ ST_KEY_UDPPORT, RDPUDP_PORT },
};

/* "rdpudp SYN,SYNEX isn 0x0b127f15 mtu 1232", "rdpudp ACK,DATA". */
static int
rdpudp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const names[13] = { "SYN", "FIN", "ACK", "DATA",
		"FEC", "CN", "CWR", NULL, "AOA", "SYNLOSSY", "ACKDELAYED",
		"CORRELATIONID", "SYNEX" };
	const struct st_field *f[F_NRDPUDP];
	const struct st_layer *next = ly + 1;
	unsigned i, n = 0;

	st_ly_fields(s->pkt, ly, rdpudp_fields, F_NRDPUDP, f);
	st_out_puts(s->o, "rdpudp");
	if (f[F_FLAGS] == NULL)
		return 1;
	for (i = 0; i < 13; i++)
		if (names[i] != NULL && (f[F_FLAGS]->val & (1u << i)))
			st_out_printf(s->o, "%s%s", n++ ? "," : " ",
			    names[i]);
	if (f[F_ISN] != NULL)
		st_out_printf(s->o, " isn 0x%08x",
		    (unsigned)f[F_ISN]->val);
	if (f[F_UPMTU] != NULL)
		st_out_printf(s->o, " mtu %u", (unsigned)f[F_UPMTU]->val);
	if (f[F_SXVERSION] != NULL)
		st_out_printf(s->o, " version 0x%x",
		    (unsigned)f[F_SXVERSION]->val);
	if (f[F_SRCSTART] != NULL)
		st_out_printf(s->o, " sn 0x%08x",
		    (unsigned)f[F_SRCSTART]->val);
	/* What the data carries (TLS) speaks after it. */
	if (next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto->summary != NULL &&
	    next->proto->role == ST_ROLE_APP) {
		st_out_putc(s->o, ' ');
		next->proto->summary(s, next);
	}
	return 1;
}

static const struct st_field_desc *const rdpudp_keys[] = {
	&rdpudp_fields[F_ACKSN], &rdpudp_fields[F_FLAGS], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_rdpudp = {
	.name = "rdpudp",
	.ws = "rdpudp",
	.title = "UDP Remote Desktop Protocol",
	.rfc = "MS-RDPEUDP",
	.role = ST_ROLE_APP,
	.fields = rdpudp_fields,
	.nfields = F_NRDPUDP,
	.decode = rdpudp_decode,
	.binds = rdpudp_binds,
	.nbinds = NFIELDS(rdpudp_binds),
	/* @summary */
	.summary = rdpudp_summary,
	/* @views */
	.keys = rdpudp_keys,
	.color = "\033[35m",
	.explain = "RDP's UDP transport ([MS-RDPEUDP]) on UDP 3389, set up "
	    "after the TCP connection asked for it: a SYN (padded to 1232 "
	    "bytes) with the client's initial sequence number, MTUs and "
	    "correlation id, a SYN+ACK, then datagrams that acknowledge by "
	    "an ack vector and carry sequenced data (TLS in reliable mode, "
	    "DTLS in lossy).  A SYNEX block says the version; version 2 "
	    "(MS-RDPEUDP2) datagrams that follow are scrambled and shown as "
	    "data here.",
	/* @craft */
	/* @probes */
};
