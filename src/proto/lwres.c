/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LWRES, BIND 9's lightweight resolver protocol (lib/lwres in BIND 9.x),
 * on UDP port 921: a library asks the local lwresd for addresses by
 * name, a name by address, or records of a type by name.
 *
 * Header, 28 bytes:
 * +---------------------------------------------------------------+
 * |                         length (32)                           |
 * +-------------------------------+-------------------------------+
 * |          version (16)         |   flags (16): 0x0001 response |
 * +-------------------------------+-------------------------------+
 * |                         serial (32)                           |
 * |                 opcode (32): 0x00010001 getaddrsbyname,       |
 * |                 0x00010002 getnamebyaddr, 0x00010003          |
 * |                 getrdatabyname, 0 no-op                       |
 * |                         result (32)                           |
 * |                   receive buffer length (32)                  |
 * +-------------------------------+-------------------------------+
 * |        auth type (16)         |        auth length (16)       |
 * +-------------------------------+-------------------------------+
 *
 * The body, when the result is 0, by opcode and direction: names are a
 * 16-bit length, the bytes and a NUL; numbers big-endian.  Wireshark's
 * reading is followed where it departs from lib/lwres: an address is
 * always read as four bytes of IPv4 and the next record taken 10 bytes
 * on; a getnamebyaddr response's real name is followed by no NUL before
 * its aliases; only A records of a getrdatabyname response are read.
 * Not followed: tshark 4.0 takes an address field as long as its dotted
 * text, so that a datagram ending with an address is malformed to it.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define LW_HDR		28
#define OP_NOOP		0x00000000u
#define OP_ADDRS	0x00010001u
#define OP_NAME		0x00010002u
#define OP_RDATA	0x00010003u

/* Records of a body: at most this many are shown. */
#define LW_RECORDS	64

static const struct st_valname op_names[] = {
	{ OP_NOOP, "Noop" }, { OP_ADDRS, "getaddrbyname" },
	{ OP_NAME, "getnamebyaddr" }, { OP_RDATA, "getrdatabyname" },
	{ 0, NULL }
};

static const struct st_valname result_names[] = {
	{ 0, "Success" }, { 1, "No memory" }, { 2, "Timeout" },
	{ 3, "Not found" }, { 4, "Unexpected end of input" },
	{ 5, "Generic failure" }, { 6, "I/O Error" },
	{ 7, "Not Implemented" }, { 8, "Unexpected" }, { 9, "Trailing data" },
	{ 10, "Incomplete" }, { 11, "Retry" }, { 12, "Type not found" },
	{ 13, "Too large" }, { 0, NULL }
};

static const struct st_valname type_names[] = {
	{ 1, "T_A" }, { 2, "T_NS" }, { 15, "T_MX" }, { 33, "T_SRV" },
	{ 0, NULL }
};

enum { F_LEN, F_VER, F_FLAGS, F_SERIAL, F_OP, F_RESULT, F_RECVLEN,
	F_AUTHTYPE, F_AUTHLEN,
	/* bodies, at offsets they give */
	F_NOOPLEN, F_ADNFLAGS, F_ADDRTYPE, F_ADNLEN, F_ADNNAME, F_NALIASES,
	F_NADDRS, F_REALNAME, F_ALIAS, F_FAMILY, F_ADDRLEN, F_ADDR,
	F_RFLAGS, F_CLASS, F_TYPE, F_NAMELEN, F_REQNAME, F_TTL, F_NRDATAS,
	F_NSIGS, F_RNLEN, F_RNAME, F_ARECLEN, F_AREC };

static const struct st_field_desc lw_fields[] = {
	[F_LEN] = FD("len", "lwres.length", "Length", 0, 32, ST_FMT_DEC),
	[F_VER] = FD("version", "lwres.version", "Version", 32, 16,
	    ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "lwres.flags", "Packet Flags", 48, 16,
	    ST_FMT_HEX),
	[F_SERIAL] = FD("serial", "lwres.serial", "Serial", 64, 32,
	    ST_FMT_HEX),
	[F_OP] = FDN("opcode", "lwres.opcode", "Operation code", 96, 32,
	    ST_FMT_DEC, op_names),
	[F_RESULT] = FDN("result", "lwres.result", "Result", 128, 32,
	    ST_FMT_DEC, result_names),
	[F_RECVLEN] = FD("recvlen", "lwres.recvlen", "Received length", 160,
	    32, ST_FMT_DEC),
	[F_AUTHTYPE] = FD("authtype", "lwres.authtype", "Auth. type", 192, 16,
	    ST_FMT_DEC),
	[F_AUTHLEN] = FD("authlen", "lwres.authlen", "Auth. length", 208, 16,
	    ST_FMT_DEC),
	/* Wireshark's lwres.length is 32 bits and fails on these 16: a name
	 * of strata's */
	[F_NOOPLEN] = FD(NULL, "strata.lwres.noop.length", "Length", 0, 16,
	    ST_FMT_DEC),
	[F_ADNFLAGS] = FD(NULL, "lwres.adn.flags", "Flags", 0, 32,
	    ST_FMT_HEX),
	[F_ADDRTYPE] = FD(NULL, "lwres.adn.addrtype", "Address type", 0, 32,
	    ST_FMT_DEC),
	[F_ADNLEN] = FD(NULL, "lwres.adn.namelen", "Name length", 0, 16,
	    ST_FMT_DEC),
	[F_ADNNAME] = FD(NULL, "lwres.adn.name", "Name", 0, 0, ST_FMT_TEXT),
	[F_NALIASES] = FD(NULL, "lwres.adn.naliases", "Number of aliases", 0,
	    16, ST_FMT_DEC),
	[F_NADDRS] = FD(NULL, "lwres.adn.naddrs", "Number of addresses", 0,
	    16, ST_FMT_DEC),
	[F_REALNAME] = FD(NULL, "lwres.adn.realname", "Real name", 0, 0,
	    ST_FMT_TEXT),
	[F_ALIAS] = FD(NULL, "lwres.adn.aliasname", "Alias name", 0, 0,
	    ST_FMT_TEXT),
	[F_FAMILY] = FD(NULL, "lwres.adn.addr.family", "Address family", 0,
	    32, ST_FMT_DEC),
	[F_ADDRLEN] = FD(NULL, "lwres.adn.addr.length", "Address length", 0,
	    16, ST_FMT_DEC),
	[F_ADDR] = FD(NULL, "lwres.adn.addr.addr", "IP Address", 0, 32,
	    ST_FMT_TEXT),
	[F_RFLAGS] = FD(NULL, "lwres.rflags", "Flags", 0, 32, ST_FMT_HEX),
	[F_CLASS] = FD(NULL, "lwres.class", "Class", 0, 16, ST_FMT_DEC),
	[F_TYPE] = FDN(NULL, "lwres.type", "Type", 0, 16, ST_FMT_DEC,
	    type_names),
	[F_NAMELEN] = FD(NULL, "lwres.namelen", "Name length", 0, 16,
	    ST_FMT_DEC),
	[F_REQNAME] = FD(NULL, "lwres.reqdname", "Domain name", 0, 0,
	    ST_FMT_TEXT),
	[F_TTL] = FD(NULL, "lwres.ttl", "Time To Live", 0, 32, ST_FMT_DEC),
	[F_NRDATAS] = FD(NULL, "lwres.nrdatas", "Number of rdata records", 0,
	    16, ST_FMT_DEC),
	[F_NSIGS] = FD(NULL, "lwres.nsigs", "Number of signature records", 0,
	    16, ST_FMT_DEC),
	[F_RNLEN] = FD(NULL, "lwres.realnamelen", "Real name length", 0, 16,
	    ST_FMT_DEC),
	[F_RNAME] = FD(NULL, "lwres.realname", "Real doname name", 0, 0,
	    ST_FMT_TEXT),
	[F_ARECLEN] = FD(NULL, "lwres.areclen", "Length", 0, 16, ST_FMT_DEC),
	/* Wireshark's is the address as a number */
	[F_AREC] = FD(NULL, "lwres.arecord", "IPv4 Address", 0, 32,
	    ST_FMT_DEC),
};

/* Field row at byte off (a number of its width). */
static void
lw_num(struct st_dctx *d, struct st_cur *c, size_t off, int row)
{
	st_dfields_at(d, c, off, &lw_fields[row], 1);
}

/* The value of n (2 or 4) bytes at off; 0 when they are not there. */
static uint32_t
lw_peek(struct st_cur *c, size_t off, unsigned n)
{
	return (uint32_t)st_peek_bits(c, off * 8, n * 8);
}

/* n bytes at off as text of row (a name, to its first NUL). */
static void
lw_text(struct st_dctx *d, struct st_cur *c, size_t off, size_t n, int row)
{
	char text[1024];
	struct st_cur s = *c;
	const uint8_t *p;

	if (c->err != ST_OK)
		return;
	if (!st_cur_skip(&s, off) || (p = st_get_bytes(&s, n)) == NULL) {
		c->err = ST_ETRUNC;
		return;
	}
	st_escape_ascii(p, n, text, sizeof(text));
	st_dtext(d, c, &lw_fields[row], off, n, text);
}

/* Four bytes at off as a dotted IPv4 address, text of row. */
static void
lw_ipv4(struct st_dctx *d, struct st_cur *c, size_t off, int row)
{
	char text[16];
	struct st_field *f;
	uint32_t a = lw_peek(c, off, 4);

	if (c->err != ST_OK)
		return;
	snprintf(text, sizeof(text), "%u.%u.%u.%u", a >> 24, a >> 16 & 255,
	    a >> 8 & 255, a & 255);
	if ((f = st_dtext(d, c, &lw_fields[row], off, 4, text)) != NULL)
		f->val = a;
}

/* Aliases from off (length, name, NUL each): the offset after them. */
static size_t
lw_aliases(struct st_dctx *d, struct st_cur *c, size_t off, unsigned n)
{
	unsigned i;
	size_t len;

	for (i = 0; i < n && i < LW_RECORDS && c->err == ST_OK; i++) {
		len = lw_peek(c, off, 2);
		lw_num(d, c, off, F_ADNLEN);
		lw_text(d, c, off + 2, len, F_ALIAS);
		off += 2 + len + 1;
	}
	return off;
}

/* A getaddrbyname or getnamebyaddr body at off (LW_HDR). */
static void
lw_adn(struct st_dctx *d, struct st_cur *c, size_t off, uint32_t op,
    int response)
{
	unsigned nal, nad, i;
	size_t len;

	lw_num(d, c, off, F_ADNFLAGS);
	if (!response) {
		if (op == OP_ADDRS) {
			len = lw_peek(c, off + 8, 2);
			lw_num(d, c, off + 4, F_ADDRTYPE);
			lw_num(d, c, off + 8, F_ADNLEN);
			lw_text(d, c, off + 10, len, F_ADNNAME);
		} else {
			lw_num(d, c, off + 4, F_FAMILY);
			lw_num(d, c, off + 8, F_ADDRLEN);
			lw_ipv4(d, c, off + 10, F_ADDR);
		}
		return;
	}
	nal = lw_peek(c, off + 4, 2);
	lw_num(d, c, off + 4, F_NALIASES);
	if (op == OP_NAME) {
		len = lw_peek(c, off + 6, 2);
		lw_num(d, c, off + 6, F_ADNLEN);
		lw_text(d, c, off + 8, len, F_REALNAME);
		lw_aliases(d, c, off + 8 + len, nal);
		return;
	}
	nad = lw_peek(c, off + 6, 2);
	len = lw_peek(c, off + 8, 2);
	lw_num(d, c, off + 6, F_NADDRS);
	lw_num(d, c, off + 8, F_ADNLEN);
	lw_text(d, c, off + 10, len, F_REALNAME);
	off = lw_aliases(d, c, off + 10 + len + 1, nal);
	for (i = 0; i < nad && i < LW_RECORDS && c->err == ST_OK; i++) {
		lw_num(d, c, off, F_FAMILY);
		lw_num(d, c, off + 4, F_ADDRLEN);
		lw_ipv4(d, c, off + 6, F_ADDR);
		off += 10;
	}
}

/* A getrdatabyname body at off. */
static void
lw_rdata(struct st_dctx *d, struct st_cur *c, size_t off, int response)
{
	unsigned type, n, i;
	size_t len;

	lw_num(d, c, off, F_RFLAGS);
	lw_num(d, c, off + 4, F_CLASS);
	lw_num(d, c, off + 6, F_TYPE);
	if (!response) {
		len = lw_peek(c, off + 8, 2);
		lw_num(d, c, off + 8, F_NAMELEN);
		lw_text(d, c, off + 10, len, F_REQNAME);
		return;
	}
	type = lw_peek(c, off + 6, 2);
	n = lw_peek(c, off + 12, 2);
	len = lw_peek(c, off + 16, 2);
	lw_num(d, c, off + 8, F_TTL);
	lw_num(d, c, off + 12, F_NRDATAS);
	lw_num(d, c, off + 14, F_NSIGS);
	lw_num(d, c, off + 16, F_RNLEN);
	lw_text(d, c, off + 18, len, F_RNAME);
	if (type != 1)
		return;
	off += 18 + len + 1;
	for (i = 0; i < n && i < LW_RECORDS && c->err == ST_OK; i++) {
		lw_num(d, c, off, F_ARECLEN);
		lw_num(d, c, off + 2, F_AREC);
		off += 6;
	}
}

static int
lw_decode(struct st_dctx *d, struct st_cur *c)
{
	uint32_t op;
	int response;

	if (st_dfields(d, c, lw_fields, F_NOOPLEN) != ST_OK)
		return c->err;
	op = lw_peek(c, 12, 4);
	response = (lw_peek(c, 6, 2) & 1) != 0;
	/* a body only with a result of success */
	if (lw_peek(c, 16, 4) == 0) {
		if (op == OP_NOOP)
			lw_num(d, c, LW_HDR, F_NOOPLEN);
		else if (op == OP_ADDRS || op == OP_NAME)
			lw_adn(d, c, LW_HDR, op, response);
		else if (op == OP_RDATA)
			lw_rdata(d, c, LW_HDR, response);
	}
	if (c->err != ST_OK) {
		/* a length inside the datagram pointing past it */
		if (d->pkt->caplen >= d->pkt->len) {
			c->err = ST_OK;
			d->hdr = st_cur_left(c);
			return st_dmalformed(d, "a record runs past the "
			    "datagram");
		}
		return c->err;
	}
	d->hdr = st_cur_left(c);
	return ST_OK;
}

static const struct st_bind lw_binds[] = {
	{ ST_KEY_UDPPORT, 921 },
};

/* "lwres getaddrbyname request serial 0x1", "... response: Not found" */
static int
lw_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_AUTHLEN + 1];
	const char *op, *res;

	st_ly_fields(s->pkt, ly, lw_fields, F_AUTHLEN + 1, f);
	if (f[F_OP] == NULL || f[F_FLAGS] == NULL || f[F_SERIAL] == NULL)
		return 0;
	op = st_valname(op_names, (uint32_t)f[F_OP]->val);
	st_out_puts(s->o, "lwres ");
	if (op != NULL)
		st_out_puts(s->o, op);
	else
		st_out_printf(s->o, "opcode 0x%08x", (unsigned)f[F_OP]->val);
	st_out_printf(s->o, " %s serial 0x%x", f[F_FLAGS]->val & 1 ?
	    "response" : "request", (unsigned)f[F_SERIAL]->val);
	if ((f[F_FLAGS]->val & 1) && f[F_RESULT] != NULL) {
		res = st_valname(result_names, (uint32_t)f[F_RESULT]->val);
		st_out_printf(s->o, ": %s", res != NULL ? res : "result?");
	}
	return 1;
}

static const struct st_field_desc *const lw_keys[] = {
	&lw_fields[F_FLAGS], &lw_fields[F_SERIAL], &lw_fields[F_OP], NULL,
};

const struct st_proto st_proto_lwres = {
	.name = "lwres",
	.ws = "lwres",
	.title = "Lightweight Resolver Protocol",
	.rfc = "BIND 9 lib/lwres",
	.role = ST_ROLE_APP,
	.fields = lw_fields,
	.nfields = NFIELDS(lw_fields),
	.decode = lw_decode,
	.binds = lw_binds,
	.nbinds = NFIELDS(lw_binds),
	.summary = lw_summary,
	.keys = lw_keys,
	.color = "\033[36m",
	.explain_bits = 224,
	.explain = "BIND 9's lightweight resolver: programs linked with "
	    "liblwres asked a local lwresd, on UDP port 921, instead of "
	    "speaking DNS themselves (removed in BIND 9.13). A request and "
	    "its response share the serial; flag 0x0001 marks the response. "
	    "getaddrbyname returns a name's real name, aliases and "
	    "addresses; getnamebyaddr a name for an address; getrdatabyname "
	    "records of one type and class. A result other than 0 carries "
	    "no body.",
};
