/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * memcached's protocols on TCP and UDP 11211: the text protocol
 * (memcached's doc/protocol.txt) and the binary one (the "Memcache Binary
 * Protocol" draft), told apart by the first byte (0x80 a binary request,
 * 0x81 a response).  A binary message is a 24-byte header and a body:
 *
 *  0         8        16                 31
 * +--------+--------+-----------------+
 * | magic  | opcode |   key length    |
 * +--------+--------+-----------------+
 * | extras | type   | status/reserved |
 * +--------+--------+-----------------+
 * |        total body length          |
 * |             opaque                |
 * |          CAS (8 bytes)            |
 * +-----------------------------------+
 *
 * then the extras (flags and expiration of a set, delta, initial value
 * and expiration of an increment, flags of a get's answer), the key and
 * the value.  A text message is a command line ("set k 0 60 5", "get a
 * b") with, for storage commands, a data block after it, or an answer
 * ("STORED", "VALUE k 0 5" and its block up to "END", "STAT" lines).
 *
 * As Wireshark's dissector: binary messages are one layer each, several
 * to a TCP segment; a text segment is one message, its first line read
 * token by token.  Over UDP memcached puts an 8-byte frame header first
 * (request ID, sequence number, datagram count, reserved); Wireshark does
 * not know it and reads the datagram from its first byte, finding no
 * message when the header is there.  strata shows the header (as
 * strata.memcache.*) and reads the message after it.  The text protocol
 * is read in memcachetext.c.
 */
#include <stdlib.h>
#include <string.h>

#include "strata/out.h"
#include "memcache.h"

#define MC_PORT		11211
#define MC_HDR		24
#define MC_UDPHDR	8

static const struct st_valname magic_names[] = {
	{ MC_REQ, "Request" }, { MC_RESP, "Response" }, { 0, NULL }
};

static const struct st_valname op_names[] = {
	{ 0x00, "Get" }, { 0x01, "Set" }, { 0x02, "Add" },
	{ 0x03, "Replace" }, { 0x04, "Delete" }, { 0x05, "Increment" },
	{ 0x06, "Decrement" }, { 0x07, "Quit" }, { 0x08, "Flush" },
	{ 0x09, "Get Quietly" }, { 0x0a, "No-op" }, { 0x0b, "Version" },
	{ 0x0c, "Get Key" }, { 0x0d, "Get Key Quietly" }, { 0x0e, "Append" },
	{ 0x0f, "Prepend" }, { 0x10, "Statistics" }, { 0x11, "Set Quietly" },
	{ 0x12, "Add Quietly" }, { 0x13, "Replace Quietly" },
	{ 0x14, "Delete Quietly" }, { 0x15, "Increment Quietly" },
	{ 0x16, "Decrement Quietly" }, { 0x17, "Quit Quietly" },
	{ 0x18, "Flush Quietly" }, { 0x19, "Append Quietly" },
	{ 0x1a, "Prepend Quietly" }, { 0, NULL }
};

static const struct st_valname status_names[] = {
	{ 0x0000, "No error" }, { 0x0001, "Key not found" },
	{ 0x0002, "Key exists" }, { 0x0003, "Value too big" },
	{ 0x0004, "Invalid arguments" }, { 0x0005, "Item not stored" },
	{ 0x0081, "Unknown command" }, { 0x0082, "Out of memory" },
	{ 0, NULL }
};

static const struct st_valname dtype_names[] = {
	{ 0, "Raw bytes" }, { 0, NULL }
};

const struct st_field_desc st_memcache_fields[F_N] = {
	[F_MAGIC] = FDN("magic", "memcache.magic", "Magic", 0, 8, ST_FMT_DEC,
	    magic_names),
	[F_OPCODE] = FDN("opcode", "memcache.opcode", "Opcode", 8, 8,
	    ST_FMT_DEC, op_names),
	[F_KEYLEN] = FD(NULL, "memcache.key.length", "Key Length", 16, 16,
	    ST_FMT_DEC),
	[F_EXTLEN] = FD(NULL, "memcache.extras.length", "Extras length", 32,
	    8, ST_FMT_DEC),
	[F_DTYPE] = FDN(NULL, "memcache.data_type", "Data type", 40, 8,
	    ST_FMT_DEC, dtype_names),
	[F_STATUS] = FDN("status", "memcache.status", "Status", 48, 16,
	    ST_FMT_DEC, status_names),
	[F_RES] = FD(NULL, "memcache.reserved", "Reserved", 48, 16,
	    ST_FMT_DEC),
	[F_VLEN] = FDG("memcache.value.length", "Value length", ST_FMT_DEC,
	    NULL),
	[F_BODY] = FD(NULL, "memcache.total_body_length", "Total body length",
	    64, 32, ST_FMT_DEC),
	[F_OPAQUE] = FD(NULL, "memcache.opaque", "Opaque", 96, 32,
	    ST_FMT_DEC),
	[F_CAS] = FD(NULL, "memcache.cas", "CAS", 128, 64, ST_FMT_DEC),
	/* a subtree's head, no value (FT_NONE) */
	[F_EXTRAS] = FD(NULL, "memcache.extras", "Extras", 0, 0,
	    ST_FMT_TEXT),
	[F_XFLAGS] = FD(NULL, "memcache.extras.flags", "Flags", 0, 32,
	    ST_FMT_HEX),
	[F_XEXP] = FD(NULL, "memcache.extras.expiration", "Expiration", 0,
	    32, ST_FMT_DEC),
	[F_XDELTA] = FD(NULL, "memcache.extras.delta", "Amount to add", 0, 64,
	    ST_FMT_DEC),
	[F_XINIT] = FD(NULL, "memcache.extras.initial", "Initial value", 0,
	    64, ST_FMT_DEC),
	[F_XUNK] = FD(NULL, "memcache.extras.unknown", "Unknown", 0, 0,
	    ST_FMT_BYTES),
	[F_KEY] = FD("key", "memcache.key", "Key", 0, 0, ST_FMT_TEXT),
	[F_VALUE] = FD(NULL, "memcache.value", "Value", 0, 0, ST_FMT_TEXT),
	[F_XRESP] = FD(NULL, "memcache.extras.response", "Response", 0, 64,
	    ST_FMT_DEC),
	/* the text protocol's: numbers are digits on the wire */
	[F_CMD] = FD("command", "memcache.command", "Command", 0, 0,
	    ST_FMT_TEXT),
	[F_SUB] = FD(NULL, "memcache.subcommand", "Sub command", 0, 0,
	    ST_FMT_TEXT),
	[F_FLAGS] = FD(NULL, "memcache.flags", "Flags", 0, 0, ST_FMT_DEC),
	[F_EXP] = FD(NULL, "memcache.expiration", "Expiration", 0, 0,
	    ST_FMT_DEC),
	[F_NOREPLY] = FD(NULL, "memcache.noreply", "Noreply", 0, 0,
	    ST_FMT_TEXT),
	[F_RESPONSE] = FD("response", "memcache.response", "Response", 0, 0,
	    ST_FMT_TEXT),
	[F_VERSION] = FD(NULL, "memcache.version", "Version", 0, 0,
	    ST_FMT_TEXT),
	[F_SLAB] = FD(NULL, "memcache.slabclass", "Slab class", 0, 0,
	    ST_FMT_DEC),
	[F_NAME] = FD(NULL, "memcache.name", "Stat name", 0, 0, ST_FMT_TEXT),
	[F_NVALUE] = FD(NULL, "memcache.name_value", "Stat value", 0, 0,
	    ST_FMT_TEXT),
	[F_TVLEN] = FD(NULL, "memcache.value.length", "Value length", 0, 0,
	    ST_FMT_DEC),
	[F_TCAS] = FD(NULL, "memcache.cas", "CAS", 0, 0, ST_FMT_DEC),
	/* UDP's frame header, which Wireshark does not show */
	[F_UREQ] = FD(NULL, "strata.memcache.request_id", "Request ID", 0, 16,
	    ST_FMT_DEC),
	[F_USEQ] = FD(NULL, "strata.memcache.sequence", "Sequence number", 16,
	    16, ST_FMT_DEC),
	[F_UTOTAL] = FD(NULL, "strata.memcache.datagrams",
	    "Datagrams in the message", 32, 16, ST_FMT_DEC),
	[F_URES] = FD(NULL, "strata.memcache.reserved", "Reserved", 48, 16,
	    ST_FMT_DEC),
};

/* ---- the binary protocol ---- */

static int
is_get(unsigned op)
{
	return op == OP_GET || op == OP_GETQ || op == OP_GETK ||
	    op == OP_GETKQ;
}

static int
is_store(unsigned op)
{
	return op == OP_SET || op == OP_SETQ || op == OP_ADD ||
	    op == OP_ADDQ || op == OP_REPLACE || op == OP_REPLACEQ;
}

static int
is_incr(unsigned op)
{
	return op == OP_INCR || op == OP_INCRQ || op == OP_DECR ||
	    op == OP_DECRQ;
}

/* Field fd of n bytes at byte off, read as a number (the row's bitoff is
 * 0: extras are read where they are). */
static void
at(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off)
{
	struct st_cur t = *c;

	if (st_cur_skip(&t, off))
		st_dfield(d, &t, M(i));
	if (t.err != ST_OK)
		c->err = t.err;
}

void
st_memcache_ascii(struct st_dctx *d, struct st_cur *c, unsigned i, size_t off,
    size_t n)
{
	char text[MC_TEXT * 6 + 8];

	if (!st_cur_need(c, off + n))
		return;
	st_escape_ascii(c->base + c->off + off, n < MC_TEXT ? n : MC_TEXT,
	    text, sizeof(text));
	st_dtext(d, c, M(i), off, n, text);
}

/* The extras of opcode op, n bytes at off, as the draft lays them out. */
static void
extras(struct st_dctx *d, struct st_cur *c, unsigned op, int req, size_t off,
    size_t n)
{
	size_t want = 0;

	if (n > 0)
		st_dtext(d, c, M(F_EXTRAS), off, n, "");
	if (is_get(op))
		want = n > 0 && !req ? 4 : 0;
	else if (is_store(op))
		want = n > 0 && req ? 8 : 0;
	else if (is_incr(op))
		want = n > 0 && req ? 20 : 0;
	else if (op == OP_FLUSH || op == OP_FLUSHQ)
		want = n > 0 ? 4 : 0;
	else if (op > OP_PREPENDQ || op == OP_NOOP) {
		if (n > 0)
			st_dbytes(d, c, M(F_XUNK), off, n);
		return;
	}
	if (want == 0 && n > 0) {
		/* extras the opcode has none of */
		st_dbytes(d, c, M(F_XUNK), off, n);
		st_pkt_note(d->pkt, "memcache: extras where this message "
		    "has none");
		return;
	}
	if (is_get(op) && want)
		at(d, c, F_XFLAGS, off);
	else if (is_store(op) && want) {
		at(d, c, F_XFLAGS, off);
		at(d, c, F_XEXP, off + 4);
	} else if (is_incr(op) && want) {
		at(d, c, F_XDELTA, off);
		at(d, c, F_XINIT, off + 8);
		at(d, c, F_XEXP, off + 16);
	} else if (want)
		at(d, c, F_XEXP, off);
	if (want != n && n > 0)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "memcache: extras of "
		    "%zu bytes, where the opcode has %zu", n, want));
}

/* One binary message at c (left bytes there); sets *len to its length. */
static int
binary(struct st_dctx *d, struct st_cur *c, size_t left, size_t *len)
{
	unsigned magic, op, klen, xlen, status;
	uint32_t body, vlen;
	int req;

	st_dfields(d, c, st_memcache_fields, F_STATUS);
	if (c->err != ST_OK)
		return c->err;
	magic = (unsigned)st_peek_bits(c, 0, 8);
	op = (unsigned)st_peek_bits(c, 8, 8);
	klen = (unsigned)st_peek_bits(c, 16, 16);
	xlen = (unsigned)st_peek_bits(c, 32, 8);
	req = !(magic & 1);
	st_dfield(d, c, M(req ? F_RES : F_STATUS));
	if (c->err != ST_OK || !st_cur_need(c, 12))
		return c->err;
	status = (unsigned)st_peek_bits(c, 48, 16);
	body = (uint32_t)st_peek_bits(c, 64, 32);
	vlen = body - xlen - klen;
	st_dgen(d, M(F_VLEN), vlen);
	st_dfields(d, c, M(F_BODY), 3);
	*len = (size_t)MC_HDR + body;
	if (c->err != ST_OK)
		return c->err;
	if (!req && status != 0)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "memcache: %s",
		    st_valname(status_names, status) != NULL ?
		    st_valname(status_names, status) : "an error status"));
	if (status != 0) {
		if (body > 0)
			st_memcache_ascii(d, c, F_VALUE, MC_HDR, body);
	} else {
		extras(d, c, op, req, MC_HDR, xlen);
		if (klen > 0)
			st_memcache_ascii(d, c, F_KEY, MC_HDR + xlen, klen);
		if ((size_t)xlen + klen > body)
			return st_dmalformed(d, "extras and key of %u bytes in "
			    "a body of %u", xlen + klen, (unsigned)body);
		if (vlen > 0 && !req && (op == OP_INCR || op == OP_DECR))
			at(d, c, F_XRESP, MC_HDR + xlen + klen);
		else if (vlen > 0)
			st_memcache_ascii(d, c, F_VALUE, MC_HDR + xlen + klen, vlen);
	}
	if (c->err == ST_OK && *len > left && d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return c->err;
}

static int
mc_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_layer *below = st_dbelow(d->pkt, d->ly);
	int udp = below != NULL && !(below->proto->flags & ST_PF_STREAM) &&
	    below->proto != d->ly->proto;
	size_t left = st_cur_left(c), len = 0;
	struct st_cur m = *c;
	unsigned b0;
	int rc;

	if (left == 0)
		return ST_ENOTME;
	d->hdr = left;
	d->plen = 0;
	b0 = (unsigned)st_peek_bits(c, 0, 8);
	/* UDP's frame header: reserved 0, the sequence below the count. */
	if (udp && b0 != MC_REQ && b0 != MC_RESP && left >= MC_UDPHDR &&
	    st_peek_bits(c, 48, 16) == 0 && st_peek_bits(c, 32, 16) > 0 &&
	    st_peek_bits(c, 16, 16) < st_peek_bits(c, 32, 16)) {
		st_dfields(d, c, M(F_UREQ), 4);
		st_cur_skip(&m, MC_UDPHDR);
		left -= MC_UDPHDR;
		if (left == 0)
			return ST_OK;
		b0 = (unsigned)st_peek_bits(&m, 0, 8);
	}
	if (b0 != MC_REQ && b0 != MC_RESP) {
		st_memcache_text(d, &m, left);
		return ST_OK;
	}
	rc = binary(d, &m, left, &len);
	if (rc != ST_OK)
		return rc;
	if (len > left)
		st_pkt_note(d->pkt, "memcache: a message continues in a later "
		    "segment");
	else if (!udp && len < left) {
		d->hdr = len;
		d->plen = left - len;
		d->next = d->ly->proto;		/* another message */
	}
	return ST_OK;
}

/*
 * Over TCP (strata/proto.h, pdu_len): a binary message is its header and
 * body; a text message as memcachetext.c measures it.
 */
static size_t
mc_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur t = *c;
	const uint8_t *p;

	if (left == 0)
		return ST_PDU_MORE;
	if (st_peek_bits(c, 0, 8) == MC_REQ || st_peek_bits(c, 0, 8) ==
	    MC_RESP) {
		if (left < 12)
			return ST_PDU_MORE;
		return MC_HDR + (size_t)st_peek_bits(c, 64, 32);
	}
	if ((p = st_get_bytes(&t, left)) == NULL)
		return ST_PDU_MORE;
	return st_memcache_text_len(p, left);
}

static const struct st_bind mc_binds[] = {
	{ ST_KEY_TCPPORT, MC_PORT },
	{ ST_KEY_UDPPORT, MC_PORT },
};

/* One message's facts: "Get Request key foo", "get foo", "STORED". */
static void
mc_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_N];
	const char *nm;

	st_ly_fields(s->pkt, ly, st_memcache_fields, F_N, f);
	if (f[F_MAGIC] != NULL && f[F_OPCODE] != NULL) {
		nm = st_valname(op_names, (uint32_t)f[F_OPCODE]->val);
		if (nm != NULL)
			st_out_puts(s->o, nm);
		else
			st_out_printf(s->o, "opcode %u",
			    (unsigned)f[F_OPCODE]->val);
		st_out_puts(s->o, f[F_MAGIC]->val & 1 ? " Response" :
		    " Request");
		if (f[F_STATUS] != NULL && f[F_STATUS]->val != 0) {
			nm = st_valname(status_names,
			    (uint32_t)f[F_STATUS]->val);
			st_out_printf(s->o, " (%s)", nm != NULL ? nm :
			    "error");
		}
	} else if (f[F_CMD] != NULL)
		s->value(s, f[F_CMD]);
	else if (f[F_RESPONSE] != NULL)
		s->value(s, f[F_RESPONSE]);
	else if (f[F_VERSION] != NULL) {
		st_out_puts(s->o, "VERSION ");
		s->value(s, f[F_VERSION]);
	} else if (f[F_KEY] != NULL)
		st_out_puts(s->o, "VALUE");
	else
		st_out_puts(s->o, "continuation");
	if (f[F_KEY] != NULL) {
		st_out_puts(s->o, " key ");
		s->value(s, f[F_KEY]);
	}
}

/* "memcache set key foo", "memcache Get Response key foo". */
static int
mc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "memcache ");
	st_sum_each(s, ly, ", ", mc_facts);
	return 1;
}

static const struct st_field_desc *const mc_keys[] = {
	M(F_MAGIC), M(F_OPCODE), M(F_CMD), M(F_KEY), NULL,
};

const struct st_proto st_proto_memcache = {
	.name = "memcache",
	.ws = "memcache",
	.title = "Memcache Protocol",
	.rfc = "memcached protocol.txt, binary protocol draft",
	.role = ST_ROLE_APP,
	.fields = st_memcache_fields,
	.nfields = F_N,
	.decode = mc_decode,
	.binds = mc_binds,
	.nbinds = NFIELDS(mc_binds),
	.summary = mc_summary,
	.pdu_len = mc_pdu_len,
	.keys = mc_keys,
	.color = "\033[33m",
	.explain_bits = 192,
	.explain = "memcached keeps values in memory under keys, for "
	    "applications that would otherwise ask a database again.  In "
	    "the text protocol a client sends a line such as \"set KEY FLAGS "
	    "EXPTIME BYTES\" followed by the value and CRLF, or \"get KEY "
	    "...\"; the server answers \"STORED\", or \"VALUE KEY FLAGS "
	    "BYTES\" lines each with the value, then \"END\".  The binary "
	    "protocol puts a 24-byte header first (magic 0x80 for a request, "
	    "0x81 for a response; opcode; key and extras lengths; a status in "
	    "a response; the body's length; an opaque the answer echoes; a "
	    "CAS version), then the extras, key and value.  Over UDP each "
	    "datagram starts with an 8-byte frame header: request ID, "
	    "sequence number, datagram count and a reserved 0.",
};
