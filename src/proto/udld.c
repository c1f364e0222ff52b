/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * UDLD, Cisco's Unidirectional Link Detection (RFC 5171), after SNAP (OUI
 * 0x00000c, PID 0x0111).
 *
 * +-----+---------+---------------+-------------------------------+
 * | Ver | Opcode  |     Flags     |           Checksum            |
 * | (3) |  (5)    |      (8)      |             (16)              |
 * +-----+---------+---------------+-------------------------------+
 * then TLVs: type (16), length (16, the header counted), value.
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname opcode_names[] = {
	{ 0, "Reserved" }, { 1, "Probe" }, { 2, "Echo" }, { 3, "Flush" },
	{ 0, NULL }
};

static const struct st_valname tlv_names[] = {
	{ 1, "Device ID" }, { 2, "Port ID" }, { 3, "Echo" },
	{ 4, "Message interval" }, { 5, "Timeout interval" },
	{ 6, "Device name" }, { 7, "Sequence number" }, { 0, NULL }
};

enum { F_VERS, F_OP, F_FLAGS, F_RT, F_RSY, F_CKSUM, F_TYPE, F_LEN, F_DEVID,
	F_PORT, F_DATA };

static const struct st_field_desc udld_fields[] = {
	FD("version", "udld.version", "Version", 0, 3, ST_FMT_DEC),
	FDN("opcode", "udld.opcode", "Opcode", 3, 5, ST_FMT_DEC,
	    opcode_names),
	FD("flags", "udld.flags", "Flags", 8, 8, ST_FMT_DEC),
	FDD(NULL, "udld.flags.rt", "Recommended timeout", 15, 1, ST_FMT_HEX),
	FDD(NULL, "udld.flags.rsy", "ReSynch", 14, 1, ST_FMT_HEX),
	FD(NULL, "udld.checksum", "Checksum", 16, 16, ST_FMT_HEX),
	/* From each TLV's start. */
	FDN(NULL, "udld.tlv.type", "TLV type", 0, 16, ST_FMT_HEX, tlv_names),
	FD(NULL, "udld.tlv.len", "TLV length", 16, 16, ST_FMT_DEC),
	FD(NULL, "udld.device_id", "Device ID", 32, 0, ST_FMT_TEXT),
	FD(NULL, "udld.sent_through_interface", "Sent through interface", 32,
	    0, ST_FMT_TEXT),
	FD(NULL, "udld.data", "Data", 32, 0, ST_FMT_BYTES),
};

#define UDLD_MAXTLV	32

/* A text TLV value of n bytes. */
static void
udld_text(struct st_dctx *d, struct st_cur *t, const struct st_field_desc *fd,
    size_t n)
{
	char text[128 * 4 + 1];
	const uint8_t *p;
	size_t k;

	if (n > 128)
		n = 128;
	if (!st_cur_need(t, 4 + n))
		return;
	p = t->base + t->off + 4;
	for (k = 0; k < n && p[k] != 0; k++)
		;
	st_escape(p, k, text, sizeof(text));
	st_dtext(d, t, fd, 4, n, text);
}

static int
udld_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 4, left = st_cur_left(c), n;
	struct st_cur t;
	unsigned type, i;

	if (st_dfields(d, c, udld_fields, F_TYPE) != ST_OK)
		return c->err;
	d->plen = 0;
	for (i = 0; i < UDLD_MAXTLV && pos + 4 <= left; i++) {
		t = *c;
		t.off += pos;
		st_dfields(d, &t, udld_fields + F_TYPE, 2);
		type = (unsigned)st_peek_bits(&t, 0, 16);
		n = (size_t)st_peek_bits(&t, 16, 16);
		if (n < 4 || n > left - pos) {
			d->hdr = left;
			return st_dmalformed(d, "TLV %u of length %zu", type, n);
		}
		if ((type == 1 || type == 2) && n > 4)
			udld_text(d, &t, &udld_fields[type == 1 ? F_DEVID :
			    F_PORT], n - 4);
		else if (n > 4)
			st_dbytes(d, &t, &udld_fields[F_DATA], 4, n - 4);
		pos += n;
	}
	d->hdr = pos;
	return ST_OK;
}

static const struct st_bind udld_binds[] = {
	{ ST_KEY_SNAP, 0x00000c0111 },
};

/* "UDLDv1, Code Probe message (1), Flags [RT, RSY] (0x03), length 60", as
 * tcpdump says it. */
static int
udld_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_FLAGS + 1];
	const char *name;
	unsigned fl;

	st_ly_fields(s->pkt, ly, udld_fields, F_FLAGS + 1, f);
	if (f[F_OP] == NULL || f[F_FLAGS] == NULL)
		return 0;
	name = st_valname(opcode_names, (uint32_t)f[F_OP]->val);
	fl = (unsigned)f[F_FLAGS]->val;
	st_out_printf(s->o, "UDLDv%u, Code %s%s (%u), Flags [%s%s%s%s] "
	    "(0x%02x), length %u", f[F_VERS] != NULL ?
	    (unsigned)f[F_VERS]->val : 0, name != NULL ? name : "Unknown",
	    name != NULL ? " message" : "", (unsigned)f[F_OP]->val,
	    (fl & 1) != 0 ? "RT" : "", (fl & 3) == 3 ? ", " : "",
	    (fl & 2) != 0 ? "RSY" : "", (fl & 3) == 0 ? "none" : "", fl,
	    (unsigned)ly->len);
	return 1;
}

static const struct st_field_desc *const udld_keys[] = {
	&udld_fields[F_OP], &udld_fields[F_FLAGS], NULL,
};

const struct st_proto st_proto_udld = {
	.name = "udld",
	.ws = "udld",
	.title = "Unidirectional Link Detection",
	.rfc = "RFC 5171",
	.role = ST_ROLE_CONTROL,
	.fields = udld_fields,
	.nfields = NFIELDS(udld_fields),
	.decode = udld_decode,
	.binds = udld_binds,
	.nbinds = NFIELDS(udld_binds),
	.summary = udld_summary,
	.keys = udld_keys,
	.color = "\033[35m",
	.explain_bits = 32,
	.explain = "TLVs follow the header: 1 device ID, 2 port ID, 3 echo, 4 "
	    "message interval, 5 timeout interval, 6 device name, 7 sequence "
	    "number. The checksum is not verified.",
};
