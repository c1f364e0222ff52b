/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux vsock monitor frames (LINKTYPE_VSOCK 271, the vsockmon device):
 * traffic between a virtual machine and its host over AF_VSOCK.  A
 * 32-byte header in little-endian order (include/uapi/linux/vsockmon.h)
 *
 *   src_cid (8)  dst_cid (8)  src_port (4)  dst_port (4)
 *   op (2: 1 connect, 2 disconnect, 3 control, 4 payload)
 *   transport (2: 2 virtio)  transport header length (2)  reserved (2)
 *
 * then the transport's own header (virtio: struct
 * virtio_vsock_hdr, 44 bytes, also little-endian) and the payload.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

enum { F_SCID, F_DCID, F_SPORT, F_DPORT, F_OP, F_TRANS, F_TLEN, F_RES,
	F_VSCID, F_VDCID, F_VSPORT, F_VDPORT, F_VLEN, F_VTYPE, F_VOP,
	F_VFLAGS, F_VBUF, F_VFWD, F_PAYLOAD, F_NVSOCK };

static const struct st_valname op_names[] = {
	{ 0, "Unknown" }, { 1, "Connect" }, { 2, "Disconnect" },
	{ 3, "Control" }, { 4, "Payload" }, { 0, NULL }
};

static const struct st_valname trans_names[] = {
	{ 0, "Unknown" }, { 1, "No transport information" }, { 2, "Virtio" },
	{ 0, NULL }
};

static const struct st_valname vop_names[] = {
	{ 0, "Invalid" }, { 1, "Request" }, { 2, "Response" }, { 3, "Rst" },
	{ 4, "Shutdown" }, { 5, "Payload" }, { 6, "Credit update" },
	{ 7, "Credit request" }, { 0, NULL }
};

/* Rows at their byte offsets; the values are read little-endian. */
static const struct st_field_desc vsock_fields[] = {
	FD("src_cid", "vsock.src_cid", "Source cid", 0, 64, ST_FMT_DEC),
	FD("dst_cid", "vsock.dst_cid", "Destination cid", 64, 64, ST_FMT_DEC),
	FD("src_port", "vsock.src_port", "Source port", 128, 32, ST_FMT_DEC),
	FD("dst_port", "vsock.dst_port", "Destination port", 160, 32,
	    ST_FMT_DEC),
	FDN("op", "vsock.op", "Operation", 192, 16, ST_FMT_DEC, op_names),
	FDN(NULL, "vsock.trans", "Transport", 208, 16, ST_FMT_DEC,
	    trans_names),
	FD(NULL, "vsock.trans_len", "Transport length", 224, 16, ST_FMT_DEC),
	FD(NULL, "vsock.reserved", "Reserved", 240, 16, ST_FMT_BYTES),
	FD(NULL, "vsock.virtio.src_cid", "Source cid", 256, 64, ST_FMT_DEC),
	FD(NULL, "vsock.virtio.dst_cid", "Destination cid", 320, 64,
	    ST_FMT_DEC),
	FD(NULL, "vsock.virtio.src_prot", "Source port", 384, 32, ST_FMT_DEC),
	FD(NULL, "vsock.virtio.dst_prot", "Destination port", 416, 32,
	    ST_FMT_DEC),
	FD(NULL, "vsock.virtio.len", "Length", 448, 32, ST_FMT_DEC),
	FD(NULL, "vsock.virtio.type", "Type", 480, 16, ST_FMT_DEC),
	FDN(NULL, "vsock.virtio.op", "Operation", 496, 16, ST_FMT_DEC,
	    vop_names),
	FD(NULL, "vsock.virtio.flags", "Flags", 512, 32, ST_FMT_HEX),
	FD(NULL, "vsock.virtio.buf_alloc", "Buf alloc", 544, 32, ST_FMT_DEC),
	FD(NULL, "vsock.virtio.fwd_cnt", "Fwd cnt", 576, 32, ST_FMT_DEC),
	FD(NULL, "vsock.payload", "Payload", 0, 0, ST_FMT_BYTES),
};

_Static_assert(NFIELDS(vsock_fields) == F_NVSOCK, "one row per F_ index");

/* Adds rows [a, b) and turns their values little-endian. */
static void
vsock_rows(struct st_dctx *d, struct st_cur *c, int a, int b)
{
	struct st_field *f;
	uint64_t v;
	unsigned i, n;
	int r;

	for (r = a; r < b && c->err == ST_OK; r++) {
		if ((f = st_dfield(d, c, &vsock_fields[r])) == NULL ||
		    vsock_fields[r].fmt == ST_FMT_BYTES)
			continue;
		n = vsock_fields[r].bits / 8;
		for (v = 0, i = 0; i < n; i++)
			v |= st_peek_bits(c, vsock_fields[r].bitoff + 8 * i,
			    8) << (8 * i);
		f->val = v;
	}
}

static uint32_t
le16_at(struct st_cur *c, size_t off)
{
	return (uint32_t)(st_peek_bits(c, off * 8, 8) |
	    st_peek_bits(c, off * 8 + 8, 8) << 8);
}

static int
vsock_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr = 32;

	vsock_rows(d, c, F_SCID, F_VSCID);
	if (c->err != ST_OK)
		return c->err;
	/* A virtio header (transport 2) of 44 bytes is decoded; another
	 * transport's header is left in the layer's bytes. */
	hdr += le16_at(c, 28);
	if (hdr > left && d->pkt->caplen >= d->pkt->len)
		return st_dmalformed(d, "transport header of %u bytes past "
		    "the frame's end", le16_at(c, 28));
	if (le16_at(c, 26) == 2 && le16_at(c, 28) >= 44) {
		vsock_rows(d, c, F_VSCID, F_PAYLOAD);
		if (c->err != ST_OK)
			return c->err;
	}
	if (hdr > left)
		return ST_ETRUNC;
	if (left > hdr)
		st_dbytes(d, c, &vsock_fields[F_PAYLOAD], hdr, left - hdr);
	d->hdr = left;
	return ST_OK;
}

static const struct st_bind vsock_binds[] = {
	{ ST_KEY_LINK, DLT_VSOCK },
};

/* @summary */
/* "vsock 3:1024 > 2:1234 Payload len 6": the ends as cid:port, the
 * transport's operation (else vsock's). */
static int
vsock_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NVSOCK], *op;
	const char *name;

	st_ly_fields(s->pkt, ly, vsock_fields, F_NVSOCK, f);
	st_out_puts(s->o, "vsock ");
	s->value(s, f[F_SCID]);
	st_out_puts(s->o, ":");
	s->value(s, f[F_SPORT]);
	st_out_puts(s->o, " > ");
	s->value(s, f[F_DCID]);
	st_out_puts(s->o, ":");
	s->value(s, f[F_DPORT]);
	op = f[F_VOP] != NULL ? f[F_VOP] : f[F_OP];
	name = op != NULL ? st_valname(op->desc->names, (uint32_t)op->val) :
	    NULL;
	st_out_puts(s->o, " ");
	st_out_puts(s->o, name != NULL ? name : "?");
	if (f[F_VLEN] != NULL && f[F_VLEN]->val > 0) {
		st_out_puts(s->o, " len ");
		s->value(s, f[F_VLEN]);
	}
	return 1;
}

/* @views */
static const struct st_field_desc *const vsock_keys[] = {
	&vsock_fields[F_SCID], &vsock_fields[F_DCID], &vsock_fields[F_OP],
	NULL,
};

const struct st_proto st_proto_vsock = {
	.name = "vsock",
	.ws = "vsock",
	.title = "Linux vsock",
	.rfc = "Linux vsockmon (include/uapi/linux/vsockmon.h)",
	.role = ST_ROLE_LINK,
	.fields = vsock_fields,
	.nfields = NFIELDS(vsock_fields),
	.decode = vsock_decode,
	.binds = vsock_binds,
	.nbinds = NFIELDS(vsock_binds),
	/* @summary */
	.summary = vsock_summary,
	/* @views */
	.keys = vsock_keys,
	.explain = "vsock frames are what Linux's vsockmon device shows of "
	    "AF_VSOCK sockets between virtual machines and their host: each "
	    "end is a context ID (2 the host) and a port; the operation says "
	    "whether a connection opens or closes or data flows, and the "
	    "transport's own header follows (virtio's: its operation, "
	    "length and flow-control credit).  The values are "
	    "little-endian.",
	/* @craft */
	/* @probes */
};
