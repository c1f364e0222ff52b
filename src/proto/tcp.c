/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TCP (RFC 9293) with its options: MSS, window scale and timestamps
 * (RFC 7323), SACK (RFC 2018); others shown as kind, length and bytes.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |     |A|C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsv |E|W|C|R|C|S|S|Y|I|            Window             |
 * |       |     | |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 */
#include <stdio.h>
#include <string.h>

#include "strata/flow.h"
#include "strata/out.h"
#include "strata/proto/tcp.h"
#include "fields.h"
#include "tcpan.h"
#include "tcpopt.h"

enum { F_SPORT, F_DPORT, F_SEQ, F_ACK, F_DOFF, F_FLAGS, F_RES, F_AE, F_CWR,
	F_ECE, F_URG, F_ACKF, F_PSH, F_RST, F_SYN, F_FIN, F_WIN, F_CKSUM,
	F_URP, F_LEN, F_CKSTAT };

static const struct st_field_desc tcp_fields[] = {
	FDX("sport", "tcp.srcport", "Source port", 0, 16, ST_FMT_DEC, 0, 0, 0,
	    20, NULL),
	FDX("dport", "tcp.dstport", "Destination port", 16, 16, ST_FMT_DEC, 0,
	    0, 0, 80, NULL),
	FD("seq", "tcp.seq_raw", "Sequence number", 32, 32, ST_FMT_DEC),
	FD("ack", "tcp.ack_raw", "Acknowledgment number", 64, 32, ST_FMT_DEC),
	FDX("doff", "tcp.hdr_len", "Header length", 96, 4, ST_FMT_DEC, 2,
	    ST_AUTO_HLEN, 0, 5, NULL),
	FDX("flags", "tcp.flags", "Flags", 100, 12, ST_FMT_HEX, 0, 0, 0, 0x002,
	    NULL),
	FDD(NULL, "tcp.flags.res", "Reserved", 100, 3, ST_FMT_DEC),
	FDD(NULL, "tcp.flags.ae", "Accurate ECN", 103, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.cwr", "Congestion window reduced", 104, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.ece", "ECN-Echo", 105, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.urg", "Urgent", 106, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.ack", "Acknowledgment", 107, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.push", "Push", 108, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.reset", "Reset", 109, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.syn", "Syn", 110, 1, ST_FMT_BOOL),
	FDD(NULL, "tcp.flags.fin", "Fin", 111, 1, ST_FMT_BOOL),
	FDX("window", "tcp.window_size_value", "Window", 112, 16, ST_FMT_DEC,
	    0, 0, 0, 8192, NULL),
	FDX("chksum", "tcp.checksum", "Checksum", 128, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FD("urp", "tcp.urgent_pointer", "Urgent pointer", 144, 16, ST_FMT_DEC),
	FDG("tcp.len", "Segment length", ST_FMT_DEC, NULL),
	FDG("tcp.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static const struct st_ckspec tcp_ck = {
	.field = &tcp_fields[F_CKSUM],
	.status = &tcp_fields[F_CKSTAT],
	.cover = ST_CKC_PAYLOAD,
	.pseudo = 6,
};

static const struct st_field_desc flags_text = {
	.name = "tcp.flags.str", .label = "Flags as letters", .fmt = ST_FMT_TEXT,
	.flags = ST_DF_GEN | ST_DF_DETAIL,
};

/* The flags as Wireshark's tcp.flags.str: a letter for each bit set,
 * a middle dot for each clear, the reserved bits first. */
static const char *
flags_str(struct st_packet *pkt, unsigned v)
{
	static const char letters[] = "RRRACEUAPRSF";
	char buf[12 * 2 + 1];
	size_t n = 0, i;

	for (i = 0; i < 12; i++) {
		if (v >> (11 - i) & 1)
			buf[n++] = letters[i];
		else {
			buf[n++] = (char)0xc2;
			buf[n++] = (char)0xb7;
		}
	}
	buf[n] = '\0';
	return st_pkt_printf(pkt, "%s", buf);
}


/* "SYN, ACK": the flags' names for every value of the 9 flag bits, made
 * once by tcp_init before any decoding. */
static char flag_names[512][48];

static void
tcp_init(void)
{
	static const char *const names[] = { "FIN", "SYN", "RST", "PSH", "ACK",
		"URG", "ECE", "CWR", "AE" };
	size_t n, k, i;
	unsigned v;

	for (v = 0; v < 512; v++) {
		for (n = 0, i = 0; i < 9; i++) {
			if (!(v >> i & 1))
				continue;
			if (n > 0) {
				flag_names[v][n++] = ',';
				flag_names[v][n++] = ' ';
			}
			k = strlen(names[i]);
			memcpy(flag_names[v] + n, names[i], k);
			n += k;
		}
		memcpy(flag_names[v] + n, n ? "" : "none", n ? 1 : 5);
	}
}

static int
tcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hlen, tlen, i;
	struct tcp_subopts so;
	struct st_field *ck, *fl, *str;

	so.n = 0;	/* only the count: no per-segment clearing */
	st_dfields(d, c, tcp_fields, F_FLAGS);
	if ((fl = st_dfield(d, c, &tcp_fields[F_FLAGS])) != NULL)
		fl->meaning = flag_names[fl->val & 511];
	if (fl != NULL && !d->pkt->lite &&
	    (str = st_dgen(d, &flags_text, 0)) != NULL)
		str->meaning = flags_str(d->pkt, (unsigned)fl->val);
	st_dfields(d, c, tcp_fields + F_RES, F_CKSUM - F_RES);
	ck = st_dfield(d, c, &tcp_fields[F_CKSUM]);
	st_dfield(d, c, &tcp_fields[F_URP]);
	if (c->err != ST_OK)
		return c->err;
	hlen = (size_t)st_peek_bits(c, 96, 4) * 4;
	tlen = d->net.fam != 0 ? d->net.tlen : left;
	if (hlen < 20)
		return st_dmalformed(d, "header length %zu below 20", hlen);
	if (hlen > tlen)
		return st_dmalformed(d, "header length %zu exceeds the segment "
		    "length %zu", hlen, tlen);
	/* A fragment's segment length is unknown without reassembly. */
	if (!d->net.frag)
		st_dgen(d, &tcp_fields[F_LEN], tlen - hlen);
	st_dck(d, c, &tcp_ck, ck, hlen);
	if (hlen > left) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	st_tcp_options(d, *c, hlen, &so);
	d->hdr = hlen;
	d->plen = tlen - hlen;
	d->next = st_proto_port(ST_KEY_TCPPORT, (uint16_t)st_peek_bits(c, 0, 16),
	    (uint16_t)st_peek_bits(c, 16, 16));
	for (i = 0; i < so.n; i++)	/* last: fields go to their layers */
		st_dsublayer(d, c, so.p[i], so.pos[i], so.len[i]);
	return ST_OK;
}

static const struct st_bind tcp_binds[] = {
	{ ST_KEY_IPPROTO, 6 },
};

/* The segment's numbers and SYN options, for the analysis (tcpan.c). */
static int
tcp_seg_of(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field **f, struct tcpan_seg *sg)
{
	const struct st_field *o = &pkt->fields[ly->field0];
	const struct st_field *end = o + ly->nfields;

	if (f[F_SEQ] == NULL)
		return -1;
	sg->seq = (uint32_t)f[F_SEQ]->val;
	sg->ack = f[F_ACK] != NULL ? (uint32_t)f[F_ACK]->val : 0;
	sg->len = f[F_LEN] != NULL ? (uint32_t)f[F_LEN]->val : 0;
	sg->win = f[F_WIN] != NULL ? (uint32_t)f[F_WIN]->val : 0;
	sg->flags = f[F_FLAGS] != NULL ? (unsigned)f[F_FLAGS]->val : 0;
	sg->mss = sg->ws = -1;
	if (!(sg->flags & 0x002))
		return 0;
	for (; o < end; o++)
		if (o->desc == &st_tcp_opt_fields[O_MSS])
			sg->mss = (int)o->val;
		else if (o->desc == &st_tcp_opt_fields[O_WS])
			sg->ws = (int)o->val;
	return 0;
}

/* The segment of layer tl against its connection: relative numbers and
 * analysis (tcpan.c); shown: counted in the totals. */
static int
tcp_rel_of(struct st_flows **flows, const struct st_packet *pkt,
    const struct st_layer *tl, const struct st_field **f,
    const struct st_flowkey *k, int dir, int shown, struct st_tcp_rel *r)
{
	struct tcpan_seg sg;

	if (tcp_seg_of(pkt, tl, f, &sg) != 0) {
		memset(r, 0, sizeof(*r));
		return -1;
	}
	tcpan_get(flows, pkt, tl, k, dir, &sg, shown, r);
	return 0;
}

int
st_tcp_rel(struct st_flows **flows, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *tl,
    struct st_tcp_rel *r)
{
	const struct st_field *f[F_LEN + 1];
	struct st_flowkey k;
	int dir = st_flow_key_of(pkt, net, tl, &k);

	st_ly_fields(pkt, tl, tcp_fields, F_LEN + 1, f);
	return tcp_rel_of(flows, pkt, tl, f, &k, dir, 1, r);
}

/* Every packet of a capture, shown or not: the connection moves on. */
static void
tcp_track(struct st_flows **flows, const struct st_packet *pkt,
    const struct st_layer *net, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1];
	struct st_tcp_rel r;
	struct st_flowkey k;
	int dir = st_flow_key_of(pkt, net, ly, &k);

	st_ly_fields(pkt, ly, tcp_fields, F_LEN + 1, f);
	tcp_rel_of(flows, pkt, ly, f, &k, dir, 0, &r);
}

/* Lines under the tree's fields: relative numbers, the window, marks. */
static int
tcp_tree_note(struct st_out *o, struct st_flows **flows,
    const struct st_packet *pkt, const struct st_layer *net,
    const struct st_layer *ly, const struct st_field *fd, void *scratch)
{
	struct st_tcp_rel *r = scratch;
	const struct st_field *f[F_LEN + 1];
	unsigned flags;

	_Static_assert(sizeof(*r) <= ST_NOTE_SCRATCH, "fits the scratch");
	if (fd == NULL)
		return st_tcp_rel(flows, pkt, net, ly, r) == 0;
	st_ly_fields(pkt, ly, tcp_fields, F_LEN + 1, f);
	flags = f[F_FLAGS] != NULL ? (unsigned)f[F_FLAGS]->val : 0;
	if (fd == f[F_SEQ])
		tcpan_tree(o, TCPAN_SEQ, r, flags);
	else if (fd == f[F_ACK])
		tcpan_tree(o, TCPAN_ACK, r, flags);
	else if (fd == f[F_WIN])
		tcpan_tree(o, TCPAN_WIN, r, flags);
	else if (fd == f[F_LEN])
		tcpan_tree(o, TCPAN_LEN, r, flags);
	if (fd == &pkt->fields[ly->field0 + ly->nfields - 1])
		tcpan_tree(o, TCPAN_END, r, flags);
	return 1;
}

/*
 * tcpdump's sequence fields: "seq a:b" (b exclusive) with data, "seq a" on
 * SYN, FIN or RST, nothing else on a bare ACK; "ack n" when ACK is set.
 * Relative to each direction's first sequence number after the first
 * packet each way, unless -S.  A quoted segment (in an ICMP error) is
 * not one of its connection's: shown as it is.
 */
static void
tcp_sum_seq(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field **f, struct st_tcp_rel *r)
{
	uint64_t fl = f[F_FLAGS] != NULL ? f[F_FLAGS]->val : 0;
	uint32_t seq, ack, sbase = 0, abase = 0;
	struct st_out *o = s->o;
	struct st_flowkey k;

	if (ly->depth > 0 || tcp_rel_of(s->flows, s->pkt, ly, f, &k,
	    st_flow_key(s->pkt, s->na, s->ta, &k), !s->again, r) != 0) {
		if (f[F_SEQ] == NULL)
			return;
		memset(r, 0, sizeof(*r));
		r->ws = -1;
		r->seq = (uint32_t)f[F_SEQ]->val;
		r->ack = f[F_ACK] != NULL ? (uint32_t)f[F_ACK]->val : 0;
		r->first = 1;
	}
	seq = r->seq;
	ack = r->ack;
	if (!r->first && !s->abs_seq) {	/* the first packet each way: as is */
		sbase = r->sbase;
		abase = r->aframe != 0 ? r->abase : 0;
	}
	if (f[F_LEN] != NULL && f[F_LEN]->val > 0) {
		st_out_puts(o, " seq ");
		st_out_u64(o, (uint32_t)(seq - sbase));
		st_out_putc(o, ':');
		st_out_u64(o, (uint32_t)(seq - sbase + f[F_LEN]->val));
	} else if (fl & 0x007) {
		st_out_puts(o, " seq ");
		st_out_u64(o, (uint32_t)(seq - sbase));
	}
	if (fl & 0x010) {
		st_out_puts(o, " ack ");
		st_out_u64(o, (uint32_t)(ack - abase));
	}
}

/* tcpdump's flag letters, in its order; "." is ACK. */
static void
tcp_sum_flags(struct st_out *o, uint64_t fl)
{
	static const struct {
		unsigned bit;
		char	 c;
	} tab[] = { { 0x001, 'F' }, { 0x002, 'S' }, { 0x004, 'R' },
		{ 0x008, 'P' }, { 0x010, '.' }, { 0x020, 'U' }, { 0x040, 'E' },
		{ 0x080, 'W' }, { 0x100, 'e' } };
	size_t i;
	int any = 0;

	st_out_putc(o, '[');
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if (fl & tab[i].bit) {
			st_out_putc(o, tab[i].c);
			any = 1;
		}
	if (!any)
		st_out_puts(o, "none");
	st_out_putc(o, ']');
}

/* One option with a length, by the row of its value. */
static void
tcp_sum_opt(struct st_out *o, const struct st_field *f,
    const struct st_field *end)
{
	const struct st_field_desc *k;

	if (f + 2 >= end || f[1].desc != &st_tcp_opt_fields[O_LEN]) {
		st_out_printf(o, "opt-%u", (unsigned)f->val);
		return;
	}
	k = f[2].desc;
	if (k == &st_tcp_opt_fields[O_MSS]) {
		st_out_puts(o, "mss ");
		st_out_u64(o, f[2].val);
	} else if (k == &st_tcp_opt_fields[O_WS]) {
		st_out_puts(o, "wscale ");
		st_out_u64(o, f[2].val);
	} else if (k == &st_tcp_opt_fields[O_TSVAL] && f + 3 < end) {
		st_out_puts(o, "TS val ");
		st_out_u64(o, f[2].val);
		st_out_puts(o, " ecr ");
		st_out_u64(o, f[3].val);
	} else if (k == &st_tcp_opt_fields[O_SACKLE])
		st_out_puts(o, "sack");
	else
		st_out_printf(o, "opt-%u", (unsigned)f->val);
}

/* Option layers (MPTCP) inside ly's header that start before byte off,
 * from *sl on, by their hooks. */
static void
tcp_sum_sub(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_layer **sl, uint32_t off, int *n)
{
	const struct st_packet *pkt = s->pkt;

	for (; *sl < pkt->layers + pkt->nlayers && (*sl)->depth == ly->depth &&
	    (*sl)->off > ly->off && (*sl)->off < ly->off + ly->hdr_len &&
	    (*sl)->off < off; (*sl)++) {
		if ((*sl)->proto->summary == NULL)
			continue;
		st_out_puts(s->o, (*n)++ == 0 ? " options [" : ",");
		(*sl)->proto->summary(s, *sl);
	}
}

/* Options in tcpdump's form: "options [mss 1460,sackOK,TS val 1 ecr 0]";
 * those shown as layers of their own (MPTCP) in their place. */
static void
tcp_sum_opts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_field *f, *end = &pkt->fields[ly->field0 + ly->nfields];
	const struct st_layer *sl = ly + 1;
	struct st_out *o = s->o;
	int n = 0;

	for (f = &pkt->fields[ly->field0]; f < end; f++) {
		if (f->desc != &st_tcp_opt_fields[O_KIND])
			continue;
		tcp_sum_sub(s, ly, &sl, f->bitoff / 8, &n);
		st_out_puts(o, n++ == 0 ? " options [" : ",");
		if (f->val == 0) {
			st_out_puts(o, "eol");	/* the padding after: not said */
			break;
		} else if (f->val == 1)
			st_out_puts(o, "nop");
		else if (f->val == 4)
			st_out_puts(o, "sackOK");
		else
			tcp_sum_opt(o, f, end);
	}
	tcp_sum_sub(s, ly, &sl, UINT32_MAX, &n);
	if (n > 0)
		st_out_putc(o, ']');
}

/* "A:p → B:p [S.] seq 0 ack 1 win 65535 options [...] len 0" */
static int
tcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1];
	struct st_tcp_rel r;

	if (s->net == NULL)
		return 0;
	st_ly_fields(s->pkt, ly, tcp_fields, F_LEN + 1, f);
	s->endpoints(s, ly);
	st_out_putc(s->o, ' ');
	tcp_sum_flags(s->o, f[F_FLAGS] != NULL ? f[F_FLAGS]->val : 0);
	tcp_sum_seq(s, ly, f, &r);
	if (f[F_WIN] != NULL)
		tcpan_sum_win(s->o, &r, (uint32_t)f[F_WIN]->val);
	else
		st_out_puts(s->o, " win ?");
	tcp_sum_opts(s, ly);
	st_out_puts(s->o, " len ");
	s->value(s, f[F_LEN]);
	tcpan_sum_tso(s->o, &r);
	tcpan_sum_marks(s->o, &r);
	return 1;
}

static const struct st_field_desc *const tcp_qkey[] = {
	&tcp_fields[F_DPORT], &tcp_fields[F_SEQ], NULL
};

extern const struct st_proto st_proto_tcp;

const struct st_tcp_handles st_tcp = {
	.proto = &st_proto_tcp,
	.seq = &tcp_fields[F_SEQ],
	.ack = &tcp_fields[F_ACK],
	.flags = &tcp_fields[F_FLAGS],
	.len = &tcp_fields[F_LEN],
};

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const tcp_keys[] = {
	&tcp_fields[F_SPORT], &tcp_fields[F_DPORT], &tcp_fields[F_FLAGS],
	&tcp_fields[F_SEQ], &tcp_fields[F_ACK], &tcp_fields[F_WIN], NULL,
};

/* tcpdump's length and tcp.len are the data, not the segment. */
static void
tcp_ledger(char *buf, size_t n, unsigned total, unsigned inner)
{
	(void)total;
	snprintf(buf, n, "tcpdump \"length %u\" and tcp.len count the data "
	    "only", inner);
}

/* Two numbers "a:b" (each up to max). */
static int
pair(const char *v, uint64_t max, uint64_t *a, uint64_t *b)
{
	char buf[64];
	const char *colon = strchr(v, ':');

	if (colon == NULL || (size_t)(colon - v) >= sizeof(buf))
		return 0;
	memcpy(buf, v, (size_t)(colon - v));
	buf[colon - v] = '\0';
	return st_spec_number(buf, a) && st_spec_number(colon + 1, b) &&
	    *a <= max && *b <= max;
}

static void
put32(uint8_t *b, uint64_t v)
{
	b[0] = (uint8_t)(v >> 24);
	b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8);
	b[3] = (uint8_t)v;
}

/* sack=LEFT:RIGHT[+LEFT:RIGHT...] */
static int
sack_opt(struct st_spec_opts *o, const char *v, unsigned col,
    struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	uint64_t x, y;
	size_t n = 2;

	b[0] = 5;
	while (*v != '\0') {
		char blk[64];
		size_t k = strcspn(v, "+");

		if (k >= sizeof(blk) || n + 8 > sizeof(b))
			return st_spec_fail(err, col, "tcp sack: too many "
			    "blocks");
		memcpy(blk, v, k);
		blk[k] = '\0';
		if (!pair(blk, UINT32_MAX, &x, &y))
			return st_spec_fail(err, col, "tcp sack: '%s' is not "
			    "LEFT:RIGHT", blk);
		put32(b + n, x);
		put32(b + n + 4, y);
		n += 8;
		v += k;
		if (*v == '+')
			v++;
	}
	b[1] = (uint8_t)n;
	return st_spec_opt(o, b, n, col, err);
}

/*
 * opt=KIND[:HEX], or opt(kind=KIND[,data=HEX]) as scapy writes it: an
 * option strata does not model (kind 30, 34 ...).
 */
static int
raw_opt(struct st_spec_opts *o, const char *v, unsigned col,
    struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	const char *colon;
	char num[8], flat[128];
	uint64_t kind;
	long n = 0;

	if (strncmp(v, "kind=", 5) == 0 && strlen(v) < sizeof(flat)) {
		colon = strstr(v, ",data=");
		snprintf(flat, sizeof(flat), "%.*s%s%s", (int)(colon != NULL ?
		    colon - v - 5 : (long)strlen(v + 5)), v + 5,
		    colon != NULL ? ":" : "", colon != NULL ? colon + 6 : "");
		v = flat;
	}
	colon = strchr(v, ':');
	if (colon == NULL)
		colon = v + strlen(v);
	if (colon == v || (size_t)(colon - v) >= sizeof(num))
		return st_spec_fail(err, col, "tcp opt: '%s' is not "
		    "KIND[:HEX]", v);
	memcpy(num, v, (size_t)(colon - v));
	num[colon - v] = '\0';
	if (*colon == ':')
		n = st_spec_hex(colon + 1, b + 2, sizeof(b) - 2);
	if (!st_spec_number(num, &kind) || kind > 255 || n < 0)
		return st_spec_fail(err, col, "tcp opt: '%s' is not "
		    "KIND[:HEX]", v);
	b[0] = (uint8_t)kind, b[1] = (uint8_t)(n + 2);
	return st_spec_opt(o, b, (size_t)n + 2, col, err);
}

/* An option key: mss, wscale, sackok, sack, ts, nop, eol, in order. */
static int
tcp_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned vcol, struct st_spec_err *err)
{
	unsigned col = v != NULL ? vcol : kcol;
	uint8_t b[ST_SPEC_OPTS];
	uint64_t x, y;

	if ((strcmp(key, "sackok") == 0 || strcmp(key, "nop") == 0 ||
	    strcmp(key, "eol") == 0) && v != NULL)
		return st_spec_fail(err, col, "tcp %s takes no value", key);
	if (strcmp(key, "sackok") == 0) {
		b[0] = 4, b[1] = 2;
		return st_spec_opt(o, b, 2, col, err);
	}
	if (strcmp(key, "nop") == 0 || strcmp(key, "eol") == 0) {
		b[0] = key[0] == 'n' ? 1 : 0;
		return st_spec_opt(o, b, 1, col, err);
	}
	if (v == NULL)
		return st_spec_fail(err, col, "tcp %s needs a value", key);
	if (strcmp(key, "mss") == 0) {
		if (!st_spec_number(v, &x) || x > 0xffff)
			return st_spec_fail(err, col, "tcp mss: '%s' is not "
			    "0..65535", v);
		b[0] = 2, b[1] = 4, b[2] = (uint8_t)(x >> 8), b[3] = (uint8_t)x;
		return st_spec_opt(o, b, 4, col, err);
	}
	if (strcmp(key, "wscale") == 0) {
		if (!st_spec_number(v, &x) || x > 255)
			return st_spec_fail(err, col, "tcp wscale: '%s' is not "
			    "0..255", v);
		b[0] = 3, b[1] = 3, b[2] = (uint8_t)x;
		return st_spec_opt(o, b, 3, col, err);
	}
	if (strcmp(key, "ts") == 0) {
		if (!pair(v, UINT32_MAX, &x, &y))
			return st_spec_fail(err, col, "tcp ts: '%s' is not "
			    "VAL:ECR", v);
		b[0] = 8, b[1] = 10;
		put32(b + 2, x);
		put32(b + 6, y);
		return st_spec_opt(o, b, 10, col, err);
	}
	if (strcmp(key, "opt") == 0)
		return raw_opt(o, v, col, err);
	return sack_opt(o, v, col, err);
}

/* Flags as letters, FIN first: flags=SA. */
static int
tcp_spec_value(const struct st_field_desc *fd, const char *s, uint64_t *v,
    const char **hint)
{
	static const char letters[] = "FSRPAUEC";
	const char *p;

	if (fd != &tcp_fields[F_FLAGS])
		return 0;
	*hint = " or flag letters FSRPAUEC";
	*v = 0;
	for (; *s != '\0'; s++) {
		if ((p = strchr(letters, toupper((unsigned char)*s))) == NULL)
			return 0;
		*v |= 1u << (p - letters);
	}
	return 1;
}

static const struct st_craft tcp_craft = {
	.spec = "tcp",
	.extra = "mss wscale sackok sack ts nop eol opt",
	.key = tcp_spec_key,
	.value = tcp_spec_value,
	.hlen = 20,
	.help = "  options   mss=N wscale=N sackok sack=L:R[+L:R] ts=VAL:ECR nop "
	    "eol, in order;\n            opt=KIND[:HEX] or opt(kind=K,data=HEX) "
	    "any other\n",
};

/*
 * A segment no connection owns draws a RST (RFC 9293 3.10.7.1), a SYN to
 * a listening port a SYN-ACK; no one answers a RST.
 */
static int
tcp_predict(const struct st_packet *sent, const struct st_layer *sl,
    int listening, const char *dst, unsigned *expect, char *text, size_t n)
{
	static const char after[] = "; after a SYN-ACK, this host's kernel "
	    "sends a RST, since no socket of its own sent the SYN";
	uint64_t flags = st_probe_val(sent, sl, &tcp_fields[F_FLAGS], 0);
	char port[32];

	snprintf(port, sizeof(port), "tcp port %llu", (unsigned long long)
	    st_probe_val(sent, sl, &tcp_fields[F_DPORT], 0));
	if (flags & 0x04) {
		snprintf(text, n, "nothing: no one answers a RST (RFC 9293 "
		    "3.10.7)");
		return 1;
	}
	if ((flags & 0x12) == 0x02 && listening == ST_LISTEN_YES) {
		*expect = ST_OUT_SYNACK;
		snprintf(text, n, "a SYN-ACK from %s: a socket listens on %s%s",
		    dst, port, after);
	} else if ((flags & 0x12) == 0x02 && listening != ST_LISTEN_NO) {
		*expect = ST_OUT_SYNACK | ST_OUT_RST;
		snprintf(text, n, "a SYN-ACK from %s if a socket listens on %s, "
		    "a RST-ACK if none does%s", dst, port, after);
	} else if ((flags & 0x12) == 0x02) {
		*expect = ST_OUT_RST;
		snprintf(text, n, "a RST-ACK from %s: no socket listens on %s",
		    dst, port);
	} else {
		*expect = ST_OUT_RST;
		snprintf(text, n, "a RST from %s: no connection owns this "
		    "segment (RFC 9293 3.10.7.1)", dst);
	}
	return 0;
}

static unsigned
tcp_outcome(const struct st_packet *got, const struct st_layer *gl)
{
	uint64_t flags = st_probe_val(got, gl, &tcp_fields[F_FLAGS], 0);

	return flags & 0x04 ? ST_OUT_RST : (flags & 0x12) == 0x12 ?
	    ST_OUT_SYNACK : ST_OUT_DATA;
}

/* @reasm */
/* The segment's number and flags, for the stream reassembly (reasm.h). */
static int
tcp_segment(const struct st_packet *pkt, const struct st_layer *ly,
    struct st_segment *sg)
{
	const struct st_field *f[F_FLAGS + 1];

	st_ly_fields(pkt, ly, tcp_fields, F_FLAGS + 1, f);
	if (f[F_SEQ] == NULL || f[F_FLAGS] == NULL)
		return 0;
	sg->seq = (uint32_t)f[F_SEQ]->val;
	sg->flags = (unsigned)f[F_FLAGS]->val & (ST_SEG_FIN | ST_SEG_SYN |
	    ST_SEG_RST);
	return 1;
}

const struct st_proto st_proto_tcp = {
	.name = "tcp",
	.ws = "tcp",
	.title = "Transmission Control Protocol",
	.rfc = "RFC 9293",
	.role = ST_ROLE_TRANSPORT,
	.flags = ST_PF_STREAM,
	.fields = tcp_fields,
	.nfields = NFIELDS(tcp_fields),
	.more = st_tcp_opt_fields,
	.nmore = ST_TCP_NOPT,
	.decode = tcp_decode,
	.binds = tcp_binds,
	.nbinds = NFIELDS(tcp_binds),
	.init = tcp_init,
	.ends = { &tcp_fields[F_SPORT], &tcp_fields[F_DPORT] },
	.cksum = &tcp_ck,
	.summary = tcp_summary,
	.qkey = tcp_qkey,
	.keys = tcp_keys,
	.color = "\033[33m",
	.ledger = tcp_ledger,
	.explain = "Options follow when the header length is over 20 bytes (up "
	    "to 40 bytes): MSS, window scale, SACK permitted, SACK blocks, "
	    "timestamps, no-op, end of list; then the data.",
	.craft = &tcp_craft,
	.predict = tcp_predict,
	.outcome = tcp_outcome,
	/* @tcpan */
	.track = tcp_track,
	.tree_note = tcp_tree_note,
	.tally = tcpan_tally,
	/* @reasm */
	.segment = tcp_segment,
};
