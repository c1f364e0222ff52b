/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMPv6 (RFC 4443) and neighbour discovery (RFC 4861, RFC 8106 RDNSS);
 * node information, Mobile IPv6, multicast router discovery and the
 * extended echo in icmpv6msg.c.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Message Body                          |
 *
 * The checksum covers an IPv6 pseudo-header (RFC 8200 8.1).  Errors quote
 * as much of the offending packet as fits; it is decoded as nested layers.
 * ND messages end in options: type (8), length (8, in units of 8 bytes).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "icmpv6.h"

static const struct st_valname icmpv6_type_names[] = {
	{ 1, "destination unreachable" }, { 2, "packet too big" },
	{ 3, "time exceeded" }, { 4, "parameter problem" },
	{ 128, "echo request" }, { 129, "echo reply" },
	{ 130, "multicast listener query" },
	{ 131, "multicast listener report" },
	{ 132, "multicast listener done" }, { 133, "router solicitation" },
	{ 134, "router advertisement" }, { 135, "neighbor solicitation" },
	{ 136, "neighbor advertisement" }, { 137, "redirect" },
	{ 139, "node information query" },
	{ 140, "node information reply" },
	{ 141, "inverse neighbor discovery solicitation" },
	{ 142, "inverse neighbor discovery advertisement" },
	{ 143, "multicast listener report v2" },
	{ 144, "home agent address discovery request" },
	{ 145, "home agent address discovery reply" },
	{ 146, "mobile prefix solicitation" },
	{ 147, "mobile prefix advertisement" },
	{ 151, "multicast router advertisement" },
	{ 152, "multicast router solicitation" },
	{ 153, "multicast router termination" },
	{ 160, "extended echo request" }, { 161, "extended echo reply" },
	{ 0, NULL }
};

static const struct st_valname unreach_names[] = {
	{ 0, "no route to destination" },
	{ 1, "administratively prohibited" },
	{ 2, "beyond scope of source address" },
	{ 3, "address unreachable" }, { 4, "port unreachable" },
	{ 5, "source address failed ingress/egress policy" },
	{ 6, "reject route to destination" }, { 0, NULL }
};

static const struct st_valname timex_names[] = {
	{ 0, "hop limit exceeded in transit" },
	{ 1, "fragment reassembly time exceeded" }, { 0, NULL }
};

static const struct st_valname param_names[] = {
	{ 0, "erroneous header field" },
	{ 1, "unrecognized next header" },
	{ 2, "unrecognized IPv6 option" }, { 0, NULL }
};

/* The meanings of codes for type, or NULL. */
static const struct st_valname *
icmpv6_code_names(unsigned type)
{
	switch (type) {
	case 1:
		return unreach_names;
	case 3:
		return timex_names;
	case 4:
		return param_names;
	}
	return NULL;
}


const char st_icmpv6_reserved[] = "icmpv6.reserved";
const char st_icmpv6_data[] = "icmpv6.data";

const struct st_field_desc st_icmpv6_fields[ICMPV6_NF] = {
	FDX("type", "icmpv6.type", "Type", 0, 8, ST_FMT_DEC, 0, 0, 0, 128,
	    icmpv6_type_names),
	FD("code", "icmpv6.code", "Code", 8, 8, ST_FMT_DEC),
	FDX("chksum", "icmpv6.checksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("id", "icmpv6.echo.identifier", "Identifier", 32, 16, ST_FMT_DEC),
	FD("seq", "icmpv6.echo.sequence_number", "Sequence number", 48, 16,
	    ST_FMT_DEC),
	FD("reserved", st_icmpv6_reserved, "Reserved", 32, 32, ST_FMT_HEX),
	FD("mtu", "icmpv6.mtu", "MTU", 32, 32, ST_FMT_DEC),
	FD("ptr", "icmpv6.pointer", "Pointer", 32, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.cur_hop_limit", "Current hop limit", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.flag", "Flags", 40, 8, ST_FMT_HEX),
	FD(NULL, "icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.reachable_time", "Reachable time (ms)", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ra.retrans_timer", "Retransmission timer (ms)",
	    96, 32, ST_FMT_DEC),
	FD(NULL, "icmpv6.nd.ns.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.nd.na.flag", "Flags (router, solicited, override)",
	    32, 32, ST_FMT_HEX),
	FD(NULL, "icmpv6.nd.na.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.nd.rd.target_address", "Target address", 64, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmpv6.rd.na.destination_address", "Destination address",
	    192, 128, ST_FMT_IPV6),
	FDG("icmpv6.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
	FD(NULL, "icmpv6.length", "Length of the original datagram (8-byte "
	    "units)", 32, 8, ST_FMT_DEC),
	FD(NULL, st_icmpv6_reserved, "Reserved", 40, 24, ST_FMT_BYTES),
	FD(NULL, st_icmpv6_data, "Data", 0, 0, ST_FMT_BYTES),
};

static const struct st_ckspec icmpv6_ck = {
	.field = &st_icmpv6_fields[F_CKSUM],
	.status = &st_icmpv6_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 6,
	.pseudo = 58,
};

/* What the body says follows its header. */
struct body {
	size_t	 opts;		/* where ND options start; 0: none */
	size_t	 ext;		/* where an RFC 4884 extension starts; 0: none */
	int	 quoted;	/* an error quoting the packet that caused it */
	int	 unknown;	/* a type tshark does not know: its data */
};

/* The layer ICMP's extension structure is shown as (icmpext.c), found once
 * by name. */
static const struct st_proto *icmpv6_ext;

static void
icmpv6_init(void)
{
	icmpv6_ext = st_proto_find("icmpext");
}

/*
 * An error's second word: reserved, or (destination unreachable and time
 * exceeded, RFC 4884 4.5) the quoted datagram's length in 8-byte units and
 * 24 reserved bits, the extension structure after that many bytes.
 */
static void
icmpv6_error(struct st_dctx *d, struct st_cur *c, unsigned type,
    struct body *b)
{
	unsigned len = st_cur_left(c) >= 5 ? (unsigned)st_peek_bits(c, 32, 8) :
	    0;

	b->quoted = 1;
	if ((type == 1 || type == 3) && len > 0) {
		st_dfields(d, c, st_icmpv6_fields + F_LEN, 2);
		b->ext = 8 + (size_t)len * 8;
	} else
		st_dfield(d, c, &st_icmpv6_fields[F_RES]);
}

/*
 * The body after the first word of the message, n bytes as declared.
 * Returns the header length and says in *b what follows.
 */
static size_t
icmpv6_body(struct st_dctx *d, struct st_cur *c, unsigned type,
    unsigned code, size_t n, struct body *b)
{
	size_t hdr;

	memset(b, 0, sizeof(*b));
	switch (type) {
	case 1:
	case 3:
		icmpv6_error(d, c, type, b);
		return 8;
	case 2:
		st_dfield(d, c, &st_icmpv6_fields[F_MTU]);
		b->quoted = 1;
		return 8;
	case 4:
		st_dfield(d, c, &st_icmpv6_fields[F_PTR]);
		b->quoted = 1;
		return 8;
	case 128:
	case 129:
		st_dfields(d, c, st_icmpv6_fields + F_ID, 2);
		return 8;
	case 130:
	case 131:
	case 132:
	case 143:
		n = icmpv6_mld(d, c, type, n);
		return n < st_cur_left(c) ? n : st_cur_left(c);
	case 133:
	case 141:		/* inverse ND (RFC 3122) */
	case 142:
		st_dfield(d, c, &st_icmpv6_fields[F_RES]);
		b->opts = 8;
		return 8;
	case 134:
		st_dfields(d, c, st_icmpv6_fields + F_CHL, 2);
		icmpv6_flags(d, c, type);
		st_dfields(d, c, st_icmpv6_fields + F_RLT, 3);
		b->opts = 16;
		return 16;
	case 135:
		st_dfield(d, c, &st_icmpv6_fields[F_RES]);
		st_dfield(d, c, &st_icmpv6_fields[F_NSTGT]);
		b->opts = 24;
		return 24;
	case 136:
		st_dfield(d, c, &st_icmpv6_fields[F_NAFLAG]);
		icmpv6_flags(d, c, type);
		st_dfield(d, c, &st_icmpv6_fields[F_NATGT]);
		b->opts = 24;
		return 24;
	case 137:
		st_dfield(d, c, &st_icmpv6_fields[F_RES]);
		st_dfields(d, c, st_icmpv6_fields + F_RDTGT, 2);
		b->opts = 40;
		return 40;
	case 155:
		return icmpv6_rpl(d, c, code, n < st_cur_left(c) ? n :
		    st_cur_left(c));
	}
	if ((hdr = icmpv6_msg(d, c, type, code, n, &b->opts)) > 0) {
		if (type == 160 && n > 8)
			b->ext = 8;
		return hdr;
	}
	/* Types Wireshark knows but strata does not decode (router
	 * renumbering, SEND, ...) go on as data; the rest are
	 * undecoded types whose body Wireshark shows as icmpv6.data. */
	b->unknown = (type > 4 && type < 128) || type > 161;
	return 4;
}

/* The extension structure at byte at of the n-byte message at c, as a
 * layer of its own, after everything else the message holds. */
static void
icmpv6_extension(struct st_dctx *d, struct st_cur *c, size_t at, size_t n)
{
	if (icmpv6_ext != NULL && at + 4 <= n)
		st_dsublayer(d, c, icmpv6_ext, at, n - at);
}

/* Whether the layer being decoded is quoted by an ICMP or ICMPv6 error
 * (the layer one level up, by its is_error hook). */
static int
in_error(const struct st_dctx *d)
{
	const struct st_layer *ly;

	if (d->depth == 0)
		return 0;
	for (ly = d->ly - 1; ly >= d->pkt->layers; ly--)
		if (ly->depth < d->depth)
			return (unsigned)ly->depth + 1 == d->depth &&
			    ly->proto->is_error != NULL &&
			    ly->proto->is_error(d->pkt, ly);
	return 0;
}

static int
icmpv6_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr, n;
	struct st_field *ck, *code;
	struct body b;
	unsigned type;

	st_dfield(d, c, &st_icmpv6_fields[F_TYPE]);
	code = st_dfield(d, c, &st_icmpv6_fields[F_CODE]);
	ck = st_dfield(d, c, &st_icmpv6_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 8);
	code->meaning = st_valname(icmpv6_code_names(type),
	    (uint32_t)code->val);
	n = d->net.fam == 6 && d->net.tlen < left ? d->net.tlen : left;
	hdr = icmpv6_body(d, c, type, (unsigned)code->val, d->net.fam == 6 ?
	    d->net.tlen : left, &b);
	/* Quoted in an error, it is not verified (tshark: "in ICMP error
	 * packet"). */
	if (in_error(d) && ck != NULL) {
		ck->ck = ST_CK_UNVERIFIED;
		st_dckstatus(d, ck, &st_icmpv6_fields[F_CKSTAT]);
	} else
		st_dck(d, c, &icmpv6_ck, ck, hdr);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = hdr;
	if (b.opts > 0) {
		icmpv6_nd_options(d, *c, b.opts, n);
		d->hdr = n;
		d->plen = 0;
		return ST_OK;
	}
	if (b.quoted && left > 8) {
		struct st_cur q = *c;

		/* The quote goes on to the end, over an extension, as tshark
		 * reads it: the quoted packet's own lengths bound it. */
		q.off += 8;
		st_dnest(d, &q, ST_KEY_ETHERTYPE, 0x86dd);
		if (b.ext > 0)
			icmpv6_extension(d, c, b.ext, n);
		return ST_OK;
	}
	if (b.unknown) {
		if (n > 4)
			st_dbytes(d, c, &st_icmpv6_fields[F_DATA], 4, n - 4);
		hdr = n;
	}
	if (b.ext > 0 || hdr >= n) {
		d->hdr = n;
		d->plen = 0;
		if (b.ext > 0)
			icmpv6_extension(d, c, b.ext, n);
		return ST_OK;
	}
	d->data = 1;
	return ST_OK;
}

/* The code names of the type ctl, for the crafter and explain. */
static const struct st_valname *
icmpv6_names(const struct st_field_desc *fd, uint64_t ctl)
{
	return fd == &st_icmpv6_fields[F_CODE] ?
	    icmpv6_code_names((unsigned)ctl) : NULL;
}

static const struct st_bind icmpv6_binds[] = {
	{ ST_KEY_IPPROTO, 58 },
};

/* "A → B echo request id 1 seq 2 len 64", then what an error quotes. */
static int
icmpv6_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CKSTAT + 1], *t, *c;
	struct st_out *o = s->o;

	if (s->net == NULL)
		return 0;
	s->endpoints(s, NULL);
	st_out_putc(o, ' ');
	st_ly_fields(s->pkt, ly, st_icmpv6_fields, F_CKSTAT + 1, f);
	if ((t = f[F_TYPE]) != NULL) {
		st_out_type_code(o, t, f[F_CODE]);
		if (f[F_ID] != NULL) {
			st_out_puts(o, " id ");
			s->value(s, f[F_ID]);
		}
		if (f[F_SEQ] != NULL) {
			st_out_puts(o, " seq ");
			s->value(s, f[F_SEQ]);
		}
		if ((c = f[F_NSTGT]) != NULL || (c = f[F_NATGT]) != NULL) {
			st_out_puts(o, " target ");
			s->value(s, c);
		}
		if (f[F_MTU] != NULL) {
			st_out_puts(o, " mtu ");
			st_out_u64(o, f[F_MTU]->val);
		}
		st_out_puts(o, " len ");
		st_out_u64(o, ly->len);
	}
	s->quoted(s, ly);
	return 1;
}

static const struct st_field_desc *const icmpv6_qkey[] = {
	&st_icmpv6_fields[F_ID], &st_icmpv6_fields[F_SEQ], NULL
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const icmpv6_keys[] = {
	&st_icmpv6_fields[F_TYPE], &st_icmpv6_fields[F_CODE], &st_icmpv6_fields[F_ID],
	&st_icmpv6_fields[F_SEQ], NULL,
};

/* ping and tcpdump count from the ICMPv6 header in. */
static void
icmpv6_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)inner;
	snprintf(buf, n, "ping \"%u bytes from\", tcpdump \"length %u\"",
	    total, total);
}

/* Echo requests are answered; replies and errors never are. */
static int
icmpv6_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	uint64_t type = st_probe_val(sent, sl, &st_icmpv6_fields[F_TYPE], 255);

	(void)listening;
	if (type == 128) {
		*expect = ST_OUT_ECHO;
		snprintf(text, n, "an echo reply from %s with id %llu and seq "
		    "%llu", dst, (unsigned long long)st_probe_val(sent, sl,
		    &st_icmpv6_fields[F_ID], 0), (unsigned long long)
		    st_probe_val(sent, sl, &st_icmpv6_fields[F_SEQ], 0));
		return 0;
	}
	snprintf(text, n, "nothing: hosts never answer an ICMP %s (RFC 1122 "
	    "3.2.2), lest errors answer errors", type == 129 ? "reply" :
	    type < 128 ? "error" : "message of this type");
	return 1;
}

static unsigned
icmpv6_outcome(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t t = st_probe_val(got, gl, &st_icmpv6_fields[F_TYPE], 255);
	uint64_t c = st_probe_val(got, gl, &st_icmpv6_fields[F_CODE], 255);

	return t == 129 ? ST_OUT_ECHO : t == 3 ? ST_OUT_TTL :
	    t == 1 && c == 4 ? ST_OUT_PORT : t == 1 ? ST_OUT_UNREACH :
	    ST_OUT_OTHER;
}

static const struct st_echo_desc icmpv6_echo = {
	.fam = 6, .request = 128, .reply = 129,
	.type = &st_icmpv6_fields[F_TYPE], .code = &st_icmpv6_fields[F_CODE],
	.id = &st_icmpv6_fields[F_ID], .seq = &st_icmpv6_fields[F_SEQ],
	.mtu = &st_icmpv6_fields[F_MTU], .ptr = &st_icmpv6_fields[F_PTR],
};

/* An echo request is answered by an echo reply with its identifier and
 * sequence number. */
static int
icmpv6_answers(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *gl)
{
	const struct st_field_desc *type = &st_icmpv6_fields[F_TYPE];

	return gl != NULL && st_probe_val(sent, sl, type, 0) == 128 &&
	    st_probe_val(got, gl, type, 0) == 129 &&
	    st_probe_same(sent, sl, got, gl, &st_icmpv6_fields[F_ID]) &&
	    st_probe_same(sent, sl, got, gl, &st_icmpv6_fields[F_SEQ]);
}

/* A quoted echo is ours by its identifier. */
static int
icmpv6_quoted(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *ql)
{
	return st_probe_same(sent, sl, got, ql, &st_icmpv6_fields[F_ID]);
}

/* Unreachable, too big, time exceeded, parameter problem: the errors that
 * quote the packet that caused them. */
static int
icmpv6_is_error(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t t = st_probe_val(got, gl, &st_icmpv6_fields[F_TYPE], 255);

	return t >= 1 && t <= 4;
}

const struct st_proto st_proto_icmpv6 = {
	.name = "icmpv6",
	.ws = "icmpv6",
	.title = "Internet Control Message Protocol v6",
	.rfc = "RFC 4443",
	.role = ST_ROLE_CONTROL,
	.fields = st_icmpv6_fields,
	.nfields = ICMPV6_NF,
	.more = st_icmpv6_more,
	.nmore = M_NF,
	.decode = icmpv6_decode,
	.init = icmpv6_init,
	.binds = icmpv6_binds,
	.nbinds = NFIELDS(icmpv6_binds),
	.cksum = &icmpv6_ck,
	.names = icmpv6_names,
	.summary = icmpv6_summary,
	.qkey = icmpv6_qkey,
	.keys = icmpv6_keys,
	.color = "\033[35m",
	.ledger = icmpv6_ledger,
	.explain_bits = 64,
	.explain = "The body depends on the type: errors quote as much of the "
	    "packet as fits in 1280 bytes; neighbour discovery messages end in "
	    "options (type, length in 8-byte units, value).",
	.craft = &st_icmpv6_craft,
	.predict = icmpv6_predict,
	.outcome = icmpv6_outcome,
	.echo = &icmpv6_echo,
	.answers = icmpv6_answers,
	.quoted = icmpv6_quoted,
	.is_error = icmpv6_is_error,
};
