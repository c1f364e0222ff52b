/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMP for IPv4 (RFC 792; RFC 1191 for the next-hop MTU).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Identifier / unused / gateway / pointer / next-hop MTU       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data: echo payload, or the IP header + 8 bytes of the packet |
 * |  that caused an error, decoded here as nested layers          |
 *
 * The quoted packet is decoded at most ST_MAX_DEPTH levels deep (an ICMP
 * error may quote an ICMP error); its transport header is normally only 8
 * bytes, so quoted layers cut short are marked partial, not truncated.
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "strata/proto/icmp.h"
#include "fields.h"
#include "icmpext.h"

static const struct st_valname icmp_type_names[] = {
	{ 0, "echo reply" }, { 3, "destination unreachable" },
	{ 4, "source quench" }, { 5, "redirect" }, { 8, "echo request" },
	{ 9, "router advertisement" }, { 10, "router solicitation" },
	{ 11, "time exceeded" }, { 12, "parameter problem" },
	{ 13, "timestamp request" }, { 14, "timestamp reply" },
	{ 15, "information request" }, { 16, "information reply" },
	{ 17, "address mask request" }, { 18, "address mask reply" },
	{ 42, "extended echo request" }, { 43, "extended echo reply" },
	{ 0, NULL }
};

static const struct st_valname unreach_names[] = {
	{ 0, "network unreachable" }, { 1, "host unreachable" },
	{ 2, "protocol unreachable" }, { 3, "port unreachable" },
	{ 4, "fragmentation needed and DF set" },
	{ 5, "source route failed" }, { 6, "destination network unknown" },
	{ 7, "destination host unknown" }, { 8, "source host isolated" },
	{ 9, "network administratively prohibited" },
	{ 10, "host administratively prohibited" },
	{ 11, "network unreachable for TOS" },
	{ 12, "host unreachable for TOS" },
	{ 13, "communication administratively prohibited" },
	{ 14, "host precedence violation" },
	{ 15, "precedence cutoff in effect" }, { 0, NULL }
};

static const struct st_valname redirect_names[] = {
	{ 0, "for the network" }, { 1, "for the host" },
	{ 2, "for the TOS and network" }, { 3, "for the TOS and host" },
	{ 0, NULL }
};

static const struct st_valname timex_names[] = {
	{ 0, "TTL exceeded in transit" },
	{ 1, "fragment reassembly time exceeded" }, { 0, NULL }
};

static const struct st_valname param_names[] = {
	{ 0, "pointer indicates the error" },
	{ 1, "missing a required option" }, { 2, "bad length" }, { 0, NULL }
};

/* The meanings of codes for type, or NULL. */
static const struct st_valname *
icmp_code_names(unsigned type)
{
	switch (type) {
	case 3:
		return unreach_names;
	case 5:
		return redirect_names;
	case 11:
		return timex_names;
	case 12:
		return param_names;
	}
	return NULL;
}

enum { F_TYPE, F_CODE, F_CKSUM, F_ID, F_SEQ, F_UNUSED, F_MTU, F_GW, F_PTR,
	F_PUNUSED, F_OTS, F_RTS, F_TTS, F_CKSTAT,
	/* RFC 4884: the quoted datagram's length in an error */
	F_UNUSED8, F_LENGTH, F_ORIGLEN, F_UNUSED16,
	/* RFC 8335 extended echo: sequence number, then the request's or
	 * the reply's flags */
	F_XSEQ, F_XREQRES, F_XLOCAL, F_XSTATE, F_XRRES, F_XACT, F_XV4, F_XV6 };

/* One literal for the rows of that name (the views group a layer's fields
 * by their name's pointer). */
static const char icmp_unused[] = "icmp.unused";

static const struct st_field_desc icmp_fields[] = {
	FDX("type", "icmp.type", "Type", 0, 8, ST_FMT_DEC, 0, 0, 0, 8,
	    icmp_type_names),
	FD("code", "icmp.code", "Code", 8, 8, ST_FMT_DEC),
	FDX("chksum", "icmp.checksum", "Checksum", 16, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("id", "icmp.ident", "Identifier", 32, 16, ST_FMT_DEC),
	FD("seq", "icmp.seq", "Sequence number", 48, 16, ST_FMT_DEC),
	FD("unused", icmp_unused, "Unused", 32, 32, ST_FMT_HEX),
	FD("mtu", "icmp.mtu", "Next-hop MTU", 48, 16, ST_FMT_DEC),
	FD("gw", "icmp.redir_gw", "Gateway address", 32, 32, ST_FMT_IPV4),
	FD("ptr", "icmp.pointer", "Pointer", 32, 8, ST_FMT_DEC),
	FD(NULL, icmp_unused, "Unused", 40, 24, ST_FMT_HEX),
	FD("ots", "icmp.originate_timestamp", "Originate timestamp", 64, 32,
	    ST_FMT_DEC),
	FD("rts", "icmp.receive_timestamp", "Receive timestamp", 96, 32,
	    ST_FMT_DEC),
	FD("tts", "icmp.transmit_timestamp", "Transmit timestamp", 128, 32,
	    ST_FMT_DEC),
	FDG("icmp.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
	FD(NULL, icmp_unused, "Unused", 32, 8, ST_FMT_HEX),
	FD(NULL, "icmp.length", "Length (32-bit words)", 40, 8, ST_FMT_DEC),
	FDG("icmp.length.original_datagram", "Length of the original "
	    "datagram", ST_FMT_DEC, NULL),
	FD(NULL, icmp_unused, "Unused", 48, 16, ST_FMT_HEX),
	FD(NULL, "icmp.ext.echo.seq", "Sequence number", 48, 8, ST_FMT_DEC),
	FDD(NULL, "icmp.ext.echo.req.res", "Reserved", 56, 7, ST_FMT_HEX),
	FDD(NULL, "icmp.ext.echo.req.local", "Local", 63, 1, ST_FMT_BOOL),
	FDD(NULL, "icmp.ext.echo.rsp.state", "State", 56, 3, ST_FMT_DEC),
	FDD(NULL, "icmp.ext.echo.rsp.res", "Reserved", 59, 2, ST_FMT_HEX),
	FDD(NULL, "icmp.ext.echo.rsp.active", "Active", 61, 1, ST_FMT_BOOL),
	FDD(NULL, "icmp.ext.echo.rsp.ipv4", "IPv4", 62, 1, ST_FMT_BOOL),
	FDD(NULL, "icmp.ext.echo.rsp.ipv6", "IPv6", 63, 1, ST_FMT_BOOL),
};

static const struct st_ckspec icmp_ck = {
	.field = &icmp_fields[F_CKSUM],
	.status = &icmp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.fam = 4,
};

/* The identifier and sequence number read the other way round, as
 * Windows and some BSDs write them (Wireshark gives both readings). */
static const struct st_field_desc icmp_le[] = {
	{ .name = "icmp.ident_le", .label = "Identifier (little endian)",
	  .fmt = ST_FMT_DEC, .flags = ST_DF_GEN | ST_DF_DETAIL },
	{ .name = "icmp.seq_le", .label = "Sequence number (little endian)",
	  .fmt = ST_FMT_DEC, .flags = ST_DF_GEN | ST_DF_DETAIL },
};

/* The identifier and sequence number, and both read little endian; the
 * identifier alone when seq is 0 (an extended echo). */
static void
icmp_idseq(struct st_dctx *d, struct st_cur *c, int seq)
{
	uint32_t v;

	st_dfields(d, c, icmp_fields + F_ID, seq ? 2 : 1);
	if (d->pkt->lite || !st_cur_need(c, 8))
		return;
	v = (uint32_t)st_peek_bits(c, 32, 32);
	st_dgen(d, &icmp_le[0], (v >> 16 & 0xff) << 8 | v >> 24);
	if (seq)
		st_dgen(d, &icmp_le[1], (v & 0xff) << 8 | (v >> 8 & 0xff));
}

static const struct st_field_desc icmp_unused16 =
    FD(NULL, icmp_unused, "Unused", 32, 16, ST_FMT_HEX);

/*
 * An error's second word when its byte 5 holds the RFC 4884 length of
 * the quoted datagram (in 32-bit words): unused, the length and what it
 * comes to in bytes, then the next-hop MTU (a "fragmentation needed") or
 * unused.  The pointer of a parameter problem is added already.
 */
static void
icmp_length(struct st_dctx *d, struct st_cur *c, unsigned type,
    unsigned code)
{
	if (type != 12)
		st_dfield(d, c, &icmp_fields[F_UNUSED8]);
	if (st_dfield(d, c, &icmp_fields[F_LENGTH]) != NULL)
		st_dgen(d, &icmp_fields[F_ORIGLEN], st_peek_bits(c, 40, 8) *
		    4);
	st_dfield(d, c, &icmp_fields[type == 3 && code == 4 ? F_MTU :
	    F_UNUSED16]);
}

/* Adds the second word of the header; returns whether a packet is quoted. */
static int
icmp_rest(struct st_dctx *d, struct st_cur *c, unsigned type, unsigned code)
{
	/* RFC 4884's length, in byte 5 of the errors that may carry it */
	unsigned len = (type == 3 || type == 11 || type == 12) &&
	    st_cur_left(c) >= 6 ? (unsigned)st_peek_bits(c, 40, 8) : 0;

	switch (type) {
	case 3:
		if (len > 0)
			icmp_length(d, c, type, code);
		else if (code == 4) {
			st_dfield(d, c, &icmp_unused16);
			st_dfield(d, c, &icmp_fields[F_MTU]);
		} else
			st_dfield(d, c, &icmp_fields[F_UNUSED]);
		return 1;
	case 11:
		if (len > 0) {
			icmp_length(d, c, type, code);
			return 1;
		}
		/* FALLTHROUGH */
	case 4:
		st_dfield(d, c, &icmp_fields[F_UNUSED]);
		return 1;
	case 5:
		st_dfield(d, c, &icmp_fields[F_GW]);
		return 1;
	case 12:
		st_dfield(d, c, &icmp_fields[F_PTR]);
		if (len > 0)
			icmp_length(d, c, type, code);
		else
			st_dfield(d, c, &icmp_fields[F_PUNUSED]);
		return 1;
	case 13:
	case 14:
		icmp_idseq(d, c, 1);
		st_dfields(d, c, icmp_fields + F_OTS, 3);
		return 0;
	case 0:
	case 8:
	case 15:
	case 16:
	case 17:
	case 18:
		icmp_idseq(d, c, 1);
		return 0;
	case 42:
		icmp_idseq(d, c, 0);
		st_dfields(d, c, icmp_fields + F_XSEQ, 3);
		return 0;
	case 43:
		icmp_idseq(d, c, 0);
		st_dfield(d, c, &icmp_fields[F_XSEQ]);
		st_dfields(d, c, icmp_fields + F_XSTATE, 5);
		return 0;
	default:
		st_dfield(d, c, &icmp_fields[F_UNUSED]);
		return 0;
	}
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
icmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_field *ck, *code;
	unsigned type;
	int quoted;

	st_dfield(d, c, &icmp_fields[F_TYPE]);
	code = st_dfield(d, c, &icmp_fields[F_CODE]);
	ck = st_dfield(d, c, &icmp_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 0, 8);
	code->meaning = st_valname(icmp_code_names(type),
	    (uint32_t)code->val);
	quoted = icmp_rest(d, c, type, (unsigned)code->val);
	/* Quoted in an error, it is not verified (tshark: "in ICMP error
	 * packet"). */
	if (in_error(d) && ck != NULL) {
		ck->ck = ST_CK_UNVERIFIED;
		st_dckstatus(d, ck, &icmp_fields[F_CKSTAT]);
	} else
		st_dck(d, c, &icmp_ck, ck, 8);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = type == 13 || type == 14 ? 20 : 8;
	if (quoted && left > 8) {
		struct st_cur q = *c;
		size_t n = d->net.fam == 4 && d->net.tlen < left ?
		    d->net.tlen : left, ext;

		/* Its extension first: the quoted packet's layers come after
		 * this layer's fields. */
		if ((ext = icmp_ext_at(c, type, n)) != 0) {
			icmp_ext(d, c, ext, n);
			q.end = q.off + ext;
		}
		q.off += 8;
		st_dnest(d, &q, ST_KEY_ETHERTYPE, 0x0800);
		return ST_OK;
	}
	/* RFC 8335: a request asks about the interface its extension names;
	 * neither carries data. */
	if (type == 42 || type == 43) {
		size_t n = d->net.fam == 4 && d->net.tlen < left ?
		    d->net.tlen : left;

		if (type == 42 && n > 8)
			icmp_ext(d, c, 8, n);
		d->hdr = n;
		d->plen = 0;
		return ST_OK;
	}
	/* The timestamp stays in the data (ping's 56 bytes), where tshark
	 * starts the data after it. */
	if (type == 0 || type == 8)
		icmp_data_time(d, c);
	d->data = 1;
	return ST_OK;
}

/* The code names of the type ctl, for the crafter and explain. */
static const struct st_valname *
icmp_names(const struct st_field_desc *fd, uint64_t ctl)
{
	return fd == &icmp_fields[F_CODE] ? icmp_code_names((unsigned)ctl) :
	    NULL;
}

static const struct st_bind icmp_binds[] = {
	{ ST_KEY_IPPROTO, 1 },
};

/* "A → B echo request id 1 seq 2 len 64", then what an error quotes. */
static int
icmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CKSTAT + 1], *t;
	struct st_out *o = s->o;

	if (s->net == NULL)
		return 0;
	s->endpoints(s, NULL);
	st_out_putc(o, ' ');
	st_ly_fields(s->pkt, ly, icmp_fields, F_CKSTAT + 1, f);
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

static const struct st_field_desc *const icmp_qkey[] = {
	&icmp_fields[F_ID], &icmp_fields[F_SEQ], NULL
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const icmp_keys[] = {
	&icmp_fields[F_TYPE], &icmp_fields[F_CODE], &icmp_fields[F_ID],
	&icmp_fields[F_SEQ], NULL,
};

/* ping and tcpdump count from the ICMP header in. */
static void
icmp_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)inner;
	snprintf(buf, n, "ping \"%u bytes from\", tcpdump \"length %u\"",
	    total, total);
}

/* What each type is for, in a sentence (the quiz's working). */
static const struct st_valname icmp_story[] = {
	{ 0, "the answer to an echo request (type 8): same id, seq and data" },
	{ 3, "the packet could not be delivered: the message quotes its IP "
	    "header and first bytes, the code says why" },
	{ 5, "a router tells the sender a better next hop" },
	{ 8, "a request for an echo reply: id, seq and data to be sent back" },
	{ 11, "the TTL ran out on the way (code 0) or reassembly timed out "
	    "(code 1); it quotes the packet" },
	{ 12, "a header was bad; the pointer says where" },
	{ 13, "a timestamp request: three 32-bit times follow" },
	{ 14, "the answer to a timestamp request" },
	{ 0, NULL }
};

extern const struct st_proto st_proto_icmp;

const struct st_icmp_handles st_icmp_h = {
	.proto = &st_proto_icmp,
	.type = &icmp_fields[F_TYPE],
	.story = icmp_story,
};

/* Timestamp request and reply carry three timestamps (RFC 792). */
static size_t
icmp_hlen_of(uint64_t type)
{
	return type == 13 || type == 14 ? 20 : 8;
}

/* data=HEX: a body strata does not model (an address mask), after the
 * first 8 bytes. */
static int
icmp_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTMAX];
	long n;

	(void)key;	/* only "data" */
	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "icmp data needs a value: "
		    "data=ffffff00");
	if ((n = st_spec_hex(v, b, sizeof(b))) < 0)
		return st_spec_fail(err, col, "icmp data: needs pairs of hex "
		    "digits");
	return st_spec_opt(o, b, (size_t)n, col, err);
}

/* scapy's names that the tables' words do not give. */
static const struct st_craft_alias icmp_aliases[] = {
	{ &icmp_fields[F_CODE], 11, 0, "ttl-zero-during-transit" },
	{ &icmp_fields[F_CODE], 11, 1, "ttl-zero-during-reassembly" },
	{ &icmp_fields[F_CODE], 12, 0, "ip-header-bad" },
	{ &icmp_fields[F_CODE], 12, 1, "required-option-missing" },
	{ &icmp_fields[F_CODE], 5, 0, "network-redirect" },
	{ &icmp_fields[F_CODE], 5, 1, "host-redirect" },
	{ &icmp_fields[F_CODE], 5, 2, "TOS-network-redirect" },
	{ &icmp_fields[F_CODE], 5, 3, "TOS-host-redirect" },
};

static const struct st_craft icmp_craft = {
	.spec = "icmp",
	.aliases = icmp_aliases,
	.naliases = NFIELDS(icmp_aliases),
	.extra = "data",
	.key = icmp_spec_key,
	.optmax = ST_SPEC_OPTMAX,
	.align = 1,
	.named = { &icmp_fields[F_TYPE], &icmp_fields[F_CODE] },
	.hlen = 8,
	.hlen_of = icmp_hlen_of,
	.help = "  names     type and code by name: type=echo-request, "
	    "code=port-unreachable\n"
	    "  data      data=HEX: a body not modelled (type=17,data=ffffff00 "
	    "address mask)\n",
};

/* Echo and timestamp requests are answered; replies and errors never
 * are (RFC 1122 3.2.2). */
static int
icmp_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	uint64_t type = st_probe_val(sent, sl, &icmp_fields[F_TYPE], 255);

	(void)listening;
	if (type == 8) {
		*expect = ST_OUT_ECHO;
		snprintf(text, n, "an echo reply from %s with id %llu and seq "
		    "%llu", dst, (unsigned long long)st_probe_val(sent, sl,
		    &icmp_fields[F_ID], 0), (unsigned long long)
		    st_probe_val(sent, sl, &icmp_fields[F_SEQ], 0));
		return 0;
	}
	if (type == 13) {
		*expect = ST_OUT_TSREPLY | ST_OUT_NONE;
		snprintf(text, n, "a timestamp reply (type 14) from %s, if it "
		    "answers them (Linux does unless a firewall drops them)",
		    dst);
		return 0;
	}
	snprintf(text, n, "nothing: hosts never answer an ICMP %s (RFC 1122 "
	    "3.2.2), lest errors answer errors", type == 0 || type == 14 ?
	    "reply" : type == 3 || type == 4 || type == 5 || type == 11 ||
	    type == 12 ? "error" : "message of this type");
	return 1;
}

static unsigned
icmp_outcome(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t t = st_probe_val(got, gl, &icmp_fields[F_TYPE], 255);
	uint64_t c = st_probe_val(got, gl, &icmp_fields[F_CODE], 255);

	return t == 0 ? ST_OUT_ECHO : t == 14 ? ST_OUT_TSREPLY :
	    t == 11 ? ST_OUT_TTL : t == 3 && c == 3 ? ST_OUT_PORT :
	    t == 3 ? ST_OUT_UNREACH : ST_OUT_OTHER;
}

static const struct st_echo_desc icmp_echo = {
	.fam = 4, .request = 8, .reply = 0,
	.type = &icmp_fields[F_TYPE], .code = &icmp_fields[F_CODE],
	.id = &icmp_fields[F_ID], .seq = &icmp_fields[F_SEQ],
	.mtu = &icmp_fields[F_MTU], .ptr = &icmp_fields[F_PTR],
};

/*
 * An echo request is answered by an echo reply with its identifier and
 * sequence number, a timestamp request by a timestamp reply with its
 * identifier; nothing else of ICMP's asks for an answer.
 */
static int
icmp_answers(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *gl)
{
	const struct st_field_desc *type = &icmp_fields[F_TYPE];
	const struct st_field_desc *id = &icmp_fields[F_ID];
	uint64_t t;

	if (gl == NULL)
		return 0;
	t = st_probe_val(sent, sl, type, 0);
	if (t == 13)
		return st_probe_val(got, gl, type, 0) == 14 &&
		    st_probe_same(sent, sl, got, gl, id);
	return t == 8 && st_probe_val(got, gl, type, 0) == 0 &&
	    st_probe_same(sent, sl, got, gl, id) &&
	    st_probe_same(sent, sl, got, gl, &icmp_fields[F_SEQ]);
}

/* A quoted echo is ours by its identifier and sequence number. */
static int
icmp_quoted(const struct st_packet *sent, const struct st_layer *sl,
    const struct st_packet *got, const struct st_layer *ql)
{
	return st_probe_same(sent, sl, got, ql, &icmp_fields[F_ID]) &&
	    st_probe_same(sent, sl, got, ql, &icmp_fields[F_SEQ]);
}

/* Unreachable, source quench, redirect, time exceeded, parameter problem:
 * the errors that quote the packet that caused them. */
static int
icmp_is_error(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t t = st_probe_val(got, gl, &icmp_fields[F_TYPE], 255);

	return t == 3 || t == 4 || t == 5 || t == 11 || t == 12;
}

const struct st_proto st_proto_icmp = {
	.name = "icmp",
	.ws = "icmp",
	.title = "Internet Control Message Protocol",
	.rfc = "RFC 792",
	.role = ST_ROLE_CONTROL,
	.fields = icmp_fields,
	.nfields = NFIELDS(icmp_fields),
	.more = st_icmp_ext_fields,
	.nmore = ICMP_EXT_NF,
	.decode = icmp_decode,
	.binds = icmp_binds,
	.nbinds = NFIELDS(icmp_binds),
	.cksum = &icmp_ck,
	.names = icmp_names,
	.summary = icmp_summary,
	.qkey = icmp_qkey,
	.keys = icmp_keys,
	.color = "\033[35m",
	.ledger = icmp_ledger,
	.explain_bits = 64,
	.explain = "The second word depends on the type. Errors (3, 4, 5, 11, "
	    "12) then quote the IP header and the first 8 bytes of the packet "
	    "that caused them; echo requests and replies carry data.",
	.craft = &icmp_craft,
	.predict = icmp_predict,
	.outcome = icmp_outcome,
	.echo = &icmp_echo,
	.answers = icmp_answers,
	.quoted = icmp_quoted,
	.is_error = icmp_is_error,
};
