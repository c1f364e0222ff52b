/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Apple's PKTAP header (LINKTYPE_PKTAP, 258; DLT_PKTAP is DLT_USER2, 149,
 * on Darwin): what "tcpdump -i pktap" writes on macOS and iOS, each packet
 * of any interface behind the interface's name, the process that sent or
 * received it, and the packet's own link type.  Little-endian (Apple's
 * machines are), after Wireshark's packet-pktap.c:
 *
 *   0  header length      4  record type (1: a packet follows)
 *   8  DLT of the packet 12  interface name (24 bytes, NUL-padded)
 *  36  flags             40  protocol family
 *  44  link header len   48  link trailer len
 *  52  process ID        56  command name (20 bytes)
 *  76  service class     80  interface type (2)    82  unit (2)
 *  84  effective PID     88  effective command name (20 bytes)
 *
 * The header may grow: its length says where the packet starts, read by
 * its DLT; a length below 108 contradicts it.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define PKTAP_MIN	108

enum {
	F_HDRLEN, F_RECTYPE, F_DLT, F_IFNAME, F_FLAGS, F_PFAMILY, F_LLHDR,
	F_LLTRLR, F_PID, F_CMD, F_SVC, F_IFTYPE, F_IFUNIT, F_EPID, F_ECMD
};

static const struct st_valname rectype_names[] = {
	{ 0, "none" }, { 1, "packet" }, { 0, NULL }
};

/* Where each lies in the header; the numbers are little-endian. */
static const struct st_field_desc pktap_fields[] = {
	FD("hdrlen", "pktap.hdrlen", "Header length", 0, 32, ST_FMT_DEC),
	FDN(NULL, "pktap.rectype", "Record type", 32, 32, ST_FMT_DEC,
	    rectype_names),
	FD("dlt", "pktap.dlt", "DLT", 64, 32, ST_FMT_DEC),
	FD("ifname", "pktap.ifname", "Interface name", 96, 192, ST_FMT_TEXT),
	FD(NULL, "pktap.flags", "Flags", 288, 32, ST_FMT_HEX),
	FD(NULL, "pktap.pfamily", "Protocol family", 320, 32, ST_FMT_DEC),
	FD(NULL, "pktap.llhdrlen", "Link-layer header length", 352, 32,
	    ST_FMT_DEC),
	FD(NULL, "pktap.lltrlrlen", "Link-layer trailer length", 384, 32,
	    ST_FMT_DEC),
	FD("pid", "pktap.pid", "Process ID", 416, 32, ST_FMT_DEC),
	FD("cmd", "pktap.cmdname", "Command name", 448, 160, ST_FMT_TEXT),
	FD(NULL, "pktap.svc_class", "Service class", 608, 32, ST_FMT_DEC),
	FD(NULL, "pktap.iftype", "Interface type", 640, 16, ST_FMT_DEC),
	FD(NULL, "pktap.ifunit", "Interface unit", 656, 16, ST_FMT_DEC),
	FD(NULL, "pktap.epid", "Effective process ID", 672, 32, ST_FMT_DEC),
	FD(NULL, "pktap.ecmdname", "Effective command name", 704, 160,
	    ST_FMT_TEXT),
};

/* A NUL-padded name of n bytes at off, as tshark shows a string. */
static void
name(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[24 * 4 + 1];

	if (!st_cur_need(c, off + n))
		return;
	st_escape_ascii(c->base + c->off + off, n, text, sizeof(text));
	st_dtext(d, c, fd, off, n, text);
}

static int
pktap_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_field_desc *fd;
	size_t left = st_cur_left(c), i;
	struct st_cur p = *c;
	uint32_t hdrlen, rectype, dlt;

	st_dle(d, c, &pktap_fields[F_HDRLEN], 0, 4);
	hdrlen = st_get_le32(&p);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (hdrlen < PKTAP_MIN) {
		d->hdr = 4;
		return st_dmalformed(d, "header length %u below %u", hdrlen,
		    PKTAP_MIN);
	}
	for (i = F_RECTYPE; i <= F_ECMD && c->err == ST_OK; i++) {
		fd = &pktap_fields[i];
		if (fd->fmt == ST_FMT_TEXT)
			name(d, c, fd, fd->bitoff / 8, fd->bits / 8);
		else
			st_dle(d, c, fd, fd->bitoff / 8, fd->bits / 8);
	}
	rectype = st_get_le32(&p);
	dlt = st_get_le32(&p);
	if (c->err != ST_OK || p.err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	if (hdrlen > left) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = hdrlen;
	if (rectype != 1) {		/* nothing follows */
		d->data = 1;
		return ST_OK;
	}
	if (dlt == DLT_RAW || dlt == 101) {
		/* No link header: the IP version says which. */
		p.off = c->off + hdrlen;
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = st_cur_left(&p) > 0 &&
		    st_peek_bits(&p, 0, 4) == 6 ? 0x86dd : 0x0800;
		return ST_OK;
	}
	d->next_key = ST_KEY_LINK;
	d->next_val = dlt;
	return ST_OK;
}

static const struct st_bind pktap_binds[] = {
	{ ST_KEY_LINK, 258 },		/* LINKTYPE_PKTAP */
	{ ST_KEY_LINK, 149 },		/* DLT_PKTAP on Darwin (DLT_USER2) */
};

/* "pktap en0 curl[321]": the interface and the process. */
static int
pktap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_ECMD + 1];

	st_ly_fields(s->pkt, ly, pktap_fields, F_ECMD + 1, f);
	if (f[F_IFNAME] == NULL)
		return 0;
	st_out_puts(s->o, "pktap ");
	s->value(s, f[F_IFNAME]);
	if (f[F_CMD] != NULL && f[F_PID] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_CMD]);
		st_out_putc(s->o, '[');
		s->value(s, f[F_PID]);
		st_out_putc(s->o, ']');
	}
	return 1;
}

static const struct st_field_desc *const pktap_keys[] = {
	&pktap_fields[F_HDRLEN], &pktap_fields[F_DLT], NULL,
};

const struct st_proto st_proto_pktap = {
	.name = "pktap",
	.ws = "pktap",
	.title = "Apple PKTAP",
	.rfc = "Apple, no RFC (libpcap's LINKTYPE_PKTAP)",
	.role = ST_ROLE_LINK,
	.fields = pktap_fields,
	.nfields = NFIELDS(pktap_fields),
	.decode = pktap_decode,
	.binds = pktap_binds,
	.nbinds = NFIELDS(pktap_binds),
	.summary = pktap_summary,
	.keys = pktap_keys,
	.color = "\033[36m",
	.explain = "macOS captures on its pktap pseudo-interface (tcpdump -i "
	    "pktap, or -k) put this little-endian header before each "
	    "packet: its own length (108 bytes or more, so it may grow), "
	    "the packet's link type (DLT), the interface's name, and the "
	    "process that sent or received it (PID and command name, and "
	    "the effective ones when a daemon acts for another).",
};
