/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BACnet Virtual Link Control (BACnet/IP, ASHRAE 135 annex J) on UDP
 * 47808, after Wireshark's packet-bvlc.c.
 *
 * +--------+----------+-------------------+---------------------
 * | type   | function | length (message)  | per function ...
 * |  0x81  |          |                   |
 * +--------+----------+-------------------+---------------------
 *
 * Functions 0x09 to 0x0c carry an NPDU straight after the 4 bytes,
 * 0x04 (Forwarded-NPDU) after the original sender's address and port;
 * the rest manage the broadcast distribution table (BDT: address, port,
 * mask) and foreign devices (FDT: address, port, TTL, seconds left) and
 * carry no NPDU.  Wireshark's bvlc.length is the BVLC part's length: 4,
 * 10, or (for those others) the whole message.
 *
 * The NPDU goes on by LLC SAP 0x82, BACnet's on Ethernet (ASHRAE 135
 * clause 7): the same network layer whatever the link.
 */
#include "strata/out.h"
#include "fields.h"

#define BVLC_PORT	47808

enum {
	F_TYPE, F_FUNC, F_LEN, F_RESULT, F_BDT_IP, F_BDT_PORT, F_BDT_MASK,
	F_TTL, F_FDT_IP, F_FDT_PORT, F_FDT_TTL, F_FDT_TIMEOUT, F_FWD_IP,
	F_FWD_PORT
};

static const struct st_valname func_names[] = {
	{ 0x00, "BVLC-Result" }, { 0x01, "Write-Broadcast-Distribution-Table" },
	{ 0x02, "Read-Broadcast-Distribution-Table" },
	{ 0x03, "Read-Broadcast-Distribution-Table-Ack" },
	{ 0x04, "Forwarded-NPDU" }, { 0x05, "Register-Foreign-Device" },
	{ 0x06, "Read-Foreign-Device-Table" },
	{ 0x07, "Read-Foreign-Device-Table-Ack" },
	{ 0x08, "Delete-Foreign-Device-Table-Entry" },
	{ 0x09, "Distribute-Broadcast-To-Network" },
	{ 0x0a, "Original-Unicast-NPDU" }, { 0x0b, "Original-Broadcast-NPDU" },
	{ 0x0c, "Secured-BVLL" }, { 0, NULL }
};
static const struct st_valname result_names[] = {
	{ 0x0000, "Successful completion" },
	{ 0x0010, "Write-Broadcast-Distribution-Table NAK" },
	{ 0x0020, "Read-Broadcast-Distribution-Table NAK" },
	{ 0x0030, "Register-Foreign-Device NAK" },
	{ 0x0040, "Read-Foreign-Device-Table NAK" },
	{ 0x0050, "Delete-Foreign-Device-Table-Entry NAK" },
	{ 0x0060, "Distribute-Broadcast-To-Network NAK" }, { 0, NULL }
};

static const struct st_field_desc bvlc_fields[] = {
	FD(NULL, "bvlc.type", "Type", 0, 8, ST_FMT_HEX),
	FDN("function", "bvlc.function", "Function", 8, 8, ST_FMT_HEX,
	    func_names),
	FD(NULL, "bvlc.length", "BVLC-Length", 16, 16, ST_FMT_DEC),
};

/* What follows the 4 bytes, where it is found (M(F_...)). */
#define M(i)	(&bvlc_more[(i) - F_RESULT])
static const struct st_field_desc bvlc_more[] = {
	FDN(NULL, "bvlc.result", "Result", 0, 16, ST_FMT_HEX, result_names),
	FD(NULL, "bvlc.bdt_ip", "IP", 0, 32, ST_FMT_IPV4),
	FD(NULL, "bvlc.bdt_port", "Port", 32, 16, ST_FMT_DEC),
	FD(NULL, "bvlc.bdt_mask", "Mask", 48, 32, ST_FMT_BYTES),
	FD(NULL, "bvlc.reg_ttl", "TTL", 0, 16, ST_FMT_DEC),
	FD(NULL, "bvlc.fdt_ip", "IP", 0, 32, ST_FMT_IPV4),
	FD(NULL, "bvlc.fdt_port", "Port", 32, 16, ST_FMT_DEC),
	FD(NULL, "bvlc.fdt_ttl", "TTL", 48, 16, ST_FMT_DEC),
	FD(NULL, "bvlc.fdt_timeout", "Timeout", 64, 16, ST_FMT_DEC),
	FD(NULL, "bvlc.fwd_ip", "IP", 0, 32, ST_FMT_IPV4),
	FD(NULL, "bvlc.fwd_port", "Port", 32, 16, ST_FMT_DEC),
};

/* The entries of a table (size bytes each) from off to end, as far as
 * they were captured. */
static void
table(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    const struct st_field_desc *rows, size_t n, size_t size)
{
	struct st_cur e;

	for (; off + size <= end && off < st_cur_left(c); off += size) {
		e = *c;
		e.off = c->off + off;
		st_dfields(d, &e, rows, n);
	}
}

static int
bvlc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), rep = left, hlen;
	unsigned type, func;

	st_dfields(d, c, bvlc_fields, F_LEN);
	type = (unsigned)st_peek_bits(c, 0, 8);
	func = (unsigned)st_peek_bits(c, 8, 8);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	if (type != 0x81)	/* BACnet/IPv6's 0x82 is not read here */
		return ST_ENOTME;
	/* Wireshark's length: the BVLC part's, not the field's; a message
	 * without an NPDU runs to the datagram's end, captured or not. */
	if (c->end == d->pkt->caplen && d->pkt->len > d->pkt->caplen)
		rep += d->pkt->len - d->pkt->caplen;
	hlen = func > 0x08 ? 4 : func == 0x04 ? 10 : rep;
	if (left < 4) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	st_pkt_add_field(d->pkt, &bvlc_fields[F_LEN],
	    (uint32_t)(c->off * 8 + 16), 16, hlen);
	switch (func) {
	case 0x00:
		st_dfields_at(d, c, 4, M(F_RESULT), 1);
		break;
	case 0x01: case 0x03:
		table(d, c, 4, hlen, M(F_BDT_IP), 3, 10);
		break;
	case 0x04:
		st_dfields_at(d, c, 4, M(F_FWD_IP), 2);
		break;
	case 0x05:
		st_dfields_at(d, c, 4, M(F_TTL), 1);
		break;
	case 0x07:
		table(d, c, 4, hlen, M(F_FDT_IP), 4, 10);
		break;
	case 0x08:
		st_dfields_at(d, c, 4, M(F_FDT_IP), 2);
		break;
	}
	if (c->err != ST_OK || hlen > left) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = hlen;
	if (func == 0x04 || (func >= 0x09 && func <= 0x0c)) {
		d->next_key = ST_KEY_LLCSAP;
		d->next_val = 0x82;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind bvlc_binds[] = {
	{ ST_KEY_UDPPORT, BVLC_PORT },
};

/* "BVLC Original-Broadcast-NPDU", "BVLC Forwarded-NPDU from a:p" */
static int
bvlc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1], *m[F_FWD_PORT - F_RESULT + 1];
	const char *name;

	st_ly_fields(s->pkt, ly, bvlc_fields, F_LEN + 1, f);
	st_ly_fields(s->pkt, ly, bvlc_more, NFIELDS(bvlc_more), m);
	st_out_puts(s->o, "BVLC ");
	if (f[F_FUNC] != NULL &&
	    (name = st_field_meaning(f[F_FUNC])) != NULL)
		st_out_puts(s->o, name);
	else {
		st_out_puts(s->o, "function ");
		s->value(s, f[F_FUNC]);
	}
	if (m[F_FWD_IP - F_RESULT] != NULL) {
		st_out_puts(s->o, " from ");
		s->value(s, m[F_FWD_IP - F_RESULT]);
		st_out_putc(s->o, ':');
		s->value(s, m[F_FWD_PORT - F_RESULT]);
	}
	if (m[0] != NULL && (name = st_field_meaning(m[0])) != NULL)
		st_out_printf(s->o, ": %s", name);
	return 1;
}

static const struct st_field_desc *const bvlc_keys[] = {
	&bvlc_fields[F_FUNC], NULL,
};

const struct st_proto st_proto_bvlc = {
	.name = "bvlc",
	.ws = "bvlc",
	.title = "BACnet Virtual Link Control",
	.rfc = "ASHRAE 135 annex J (BACnet/IP)",
	.role = ST_ROLE_APP,
	.fields = bvlc_fields,
	.nfields = NFIELDS(bvlc_fields),
	.more = bvlc_more,
	.nmore = NFIELDS(bvlc_more),
	.decode = bvlc_decode,
	.binds = bvlc_binds,
	.nbinds = NFIELDS(bvlc_binds),
	.summary = bvlc_summary,
	.keys = bvlc_keys,
	.color = "\033[36m",
	.explain = "BACnet (building automation: HVAC, lighting, access) "
	    "runs over UDP 47808 behind this 4-byte header, which makes IP "
	    "look like one BACnet link: type 0x81, a function, the message "
	    "length.  A BACnet broadcast cannot cross an IP router, so a "
	    "BBMD on each subnet forwards them (Forwarded-NPDU, with the "
	    "original sender's address) to the others in its broadcast "
	    "distribution table, and devices on subnets without one "
	    "register as foreign devices.",
};
