/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Ethernet Configuration Testing Protocol (EtherType 0x9000, "loop";
 * Xerox/DEC/Intel Ethernet 2.0 section 8): a station forwards the packet
 * along a list of addresses and the last one replies.  Every number is
 * little-endian.
 *
 * +-------------------------------+
 * |        skipCount (16)         |   bytes to the function to act on
 * +-------------------------------+
 * |        function (16)          |   2: forward data, then an address
 * +-------------------------------+   1: reply, then a receipt number
 * |  forwarding address (48) or   |
 * |  receipt number (16)          |   ... functions to the reply,
 * +-------------------------------+   then data
 */
#include "strata/out.h"
#include "fields.h"

enum { F_SKIP, F_RELEVANT, F_FUNC, F_FWD, F_RECEIPT };

static const struct st_valname func_names[] = {
	{ 1, "Reply" }, { 2, "Forward Data" }, { 0, NULL }
};

static const struct st_field_desc loop_fields[] = {
	FD("skip", "loop.skipcount", "Skip count (little-endian)", 0, 16,
	    ST_FMT_DEC),
	FDN(NULL, "loop.relevant_function", "Function to act on", 0, 16,
	    ST_FMT_DEC, func_names),
	FDN(NULL, "loop.function", "Function", 0, 16, ST_FMT_DEC, func_names),
	FD(NULL, "loop.forwarding_address", "Forwarding address", 16, 48,
	    ST_FMT_MAC),
	FD(NULL, "loop.receipt_number", "Receipt number", 16, 16, ST_FMT_DEC),
};

/* The functions one packet holds at most (each at least 4 bytes). */
#define LOOP_MAXFUNC	64

/* Row fd, a little-endian 16-bit number at byte off of c; its value, or
 * -1 when it was not captured. */
static long
le16(struct st_dctx *d, struct st_cur *c, unsigned row, size_t off)
{
	const struct st_field *f = st_dle(d, c, &loop_fields[row], off, 2);

	return f != NULL ? (long)f->val : -1;
}

static int
loop_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t off = 2;
	long skip, func = 0;
	unsigned i;

	if ((skip = le16(d, c, F_SKIP, 0)) < 0)
		return c->err;
	for (i = 0; i < LOOP_MAXFUNC; i++) {
		if ((size_t)skip + 2 == off)
			le16(d, c, F_RELEVANT, off);
		if ((func = le16(d, c, F_FUNC, off)) < 0)
			return c->err;
		off += 2;
		if (func == 2) {
			st_dfields_at(d, c, off - 2, loop_fields + F_FWD, 1);
			off += 6;
			continue;
		}
		if (func == 1) {
			if (le16(d, c, F_RECEIPT, off) < 0)
				return c->err;
			off += 2;
		}
		break;
	}
	if (c->err != ST_OK)
		return c->err;
	if (i == LOOP_MAXFUNC)
		return st_dmalformed(d, "more than %d forwardings",
		    LOOP_MAXFUNC);
	/* What follows the reply (or a function of no known kind, as
	 * tshark reads it) is the test's data. */
	d->hdr = off;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind loop_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x9000 },
};

/* "loopback, skip 0, forward to aa:00:04:00:1d:04" or "..., reply 1". */
static int
loop_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_RECEIPT + 1];

	st_ly_fields(s->pkt, ly, loop_fields, F_RECEIPT + 1, f);
	st_out_puts(s->o, "loopback, skip ");
	s->value(s, f[F_SKIP]);
	if (f[F_FWD] != NULL) {
		st_out_puts(s->o, ", forward to ");
		s->value(s, f[F_FWD]);
	}
	if (f[F_RECEIPT] != NULL) {
		st_out_puts(s->o, ", reply ");
		s->value(s, f[F_RECEIPT]);
	}
	return 1;
}

static const struct st_field_desc *const loop_keys[] = {
	&loop_fields[F_SKIP], &loop_fields[F_FUNC], NULL,
};

const struct st_proto st_proto_loop = {
	.name = "loop",
	.ws = "loop",
	.title = "Configuration Test Protocol (loopback)",
	.rfc = "Ethernet 2.0 section 8",
	.role = ST_ROLE_CONTROL,
	.fields = loop_fields,
	.nfields = NFIELDS(loop_fields),
	.decode = loop_decode,
	.binds = loop_binds,
	.nbinds = NFIELDS(loop_binds),
	.summary = loop_summary,
	.keys = loop_keys,
	.color = "\033[35m",
	.explain_bits = 16,
	.explain = "Little-endian throughout. The skip count says which "
	    "function the receiving station acts on: forward data (2) to the "
	    "address after it, or reply (1) with a receipt number; data "
	    "follows the reply.",
};
