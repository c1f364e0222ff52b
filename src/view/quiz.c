/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Quiz questions from real packets.  Each kind says when a packet can ask
 * it, how the packet is shown with the field blanked (in the field list
 * and, nibble by nibble, in the hex), and the working: the same arithmetic
 * the ledger and checksum views show.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strata/decode.h"
#include "strata/quiz.h"
#include "strata/proto/icmp.h"
#include "strata/proto/ipv4.h"
#include "strata/proto/tcp.h"

/* A kind's name: the field it blanks, from the protocol's own table. */
const char *
st_quiz_kind_name(enum st_quiz_kind k)
{
	switch (k) {
	case ST_Q_IPLEN:
		return st_ipv4_h.len->name;
	case ST_Q_IHL:
		return st_ipv4_h.ihl->name;
	case ST_Q_IPCKSUM:
		return st_ipv4_h.cksum->name;
	case ST_Q_FRAG:
		return st_ipv4_h.frag->name;
	case ST_Q_TCPSEQ:
		return "tcp relative seq";
	case ST_Q_ICMPTYPE:
		return st_icmp_h.type->name;
	default:
		return "?";
	}
}

/* The first layer of protocol p outside any quote, or NULL. */
static const struct st_layer *
layer_of(const struct st_packet *pkt, const struct st_proto *p)
{
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == 0 && pkt->layers[i].proto == p)
			return &pkt->layers[i];
	return NULL;
}

/* The network layer ly rides on (outside any quote), or NULL. */
static const struct st_layer *
net_of(const struct st_packet *pkt, const struct st_layer *ly)
{
	const struct st_layer *l;

	for (l = ly; l-- > pkt->layers;)
		if (l->depth == 0 && l->proto->role == ST_ROLE_NET)
			return l;
	return NULL;
}

/* The layer after ly at the same depth, or NULL. */
static const struct st_layer *
next_layer(const struct st_packet *pkt, const struct st_layer *ly)
{
	const struct st_layer *l;

	for (l = ly + 1; l < pkt->layers + pkt->nlayers; l++)
		if (l->depth == ly->depth)
			return l;
	return NULL;
}

int
st_quiz_make(struct st_quiz_q *q, enum st_quiz_kind k,
    const struct st_packet *pkt, struct st_vctx *v)
{
	const struct st_layer *ip = layer_of(pkt, st_ipv4_h.proto), *l;
	const struct st_field *f = NULL;

	memset(q, 0, sizeof(*q));
	q->kind = k;
	q->pkt = pkt;
	if (k == ST_Q_TCPSEQ) {
		if ((l = layer_of(pkt, st_tcp.proto)) == NULL ||
		    (ip = net_of(pkt, l)) == NULL ||
		    st_tcp_rel(&v->flows, pkt, ip, l, &q->rel) != 0 || q->rel.first ||
		    (f = st_pkt_fd(pkt, l, st_tcp.seq)) == NULL)
			return -1;
		q->ly = l;
		q->f = f;
		q->answer = (uint32_t)(q->rel.seq - q->rel.sbase);
		return 0;
	}
	if (k == ST_Q_ICMPTYPE) {
		if ((l = layer_of(pkt, st_icmp_h.proto)) == NULL ||
		    l->status != ST_LS_OK ||
		    (f = st_pkt_fd(pkt, l, st_icmp_h.type)) == NULL ||
		    st_field_meaning(f) == NULL)
			return -1;
		q->ly = l;
		q->f = f;
		q->answer = f->val;
		return 0;
	}
	if (ip == NULL || ip->status != ST_LS_OK || pkt->caplen != pkt->len)
		return -1;
	q->ly = ip;
	switch (k) {
	case ST_Q_IPLEN:
		f = st_pkt_fd(pkt, ip, st_ipv4_h.len);
		if (f == NULL || next_layer(pkt, ip) == NULL ||
		    f->val != ip->len)
			return -1;
		break;
	case ST_Q_IHL:
		f = st_pkt_fd(pkt, ip, st_ipv4_h.ihl);
		if (f == NULL || next_layer(pkt, ip) == NULL)
			return -1;
		break;
	case ST_Q_IPCKSUM:
		f = st_pkt_fd(pkt, ip, st_ipv4_h.cksum);
		if (f == NULL || f->ck != ST_CK_GOOD)
			return -1;
		break;
	case ST_Q_FRAG:
		f = st_pkt_fd(pkt, ip, st_ipv4_h.frag);
		if (f == NULL || f->val == 0)
			return -1;
		break;
	default:
		return -1;
	}
	q->f = f;
	q->answer = f->val;
	return 0;
}

/* Whether bit b of the packet lies in the blanked field. */
static int
blanked(const struct st_quiz_q *q, uint32_t b)
{
	return q->kind != ST_Q_FRAG && q->kind != ST_Q_TCPSEQ &&
	    b >= q->f->bitoff && b < q->f->bitoff + q->f->bits;
}

static void
hex_blanked(struct st_out *o, const struct st_quiz_q *q)
{
	static const char hx[] = "0123456789abcdef";
	const struct st_packet *p = q->pkt;
	uint32_t i;

	for (i = 0; i < p->caplen && i < 1024; i++) {
		if (i % 16 == 0)
			st_out_printf(o, "%s    %04x ", i ? "\n" : "", i);
		st_out_putc(o, ' ');
		st_out_putc(o, blanked(q, i * 8) ? '_' : hx[p->data[i] >> 4]);
		st_out_putc(o, blanked(q, i * 8 + 4) ? '_' :
		    hx[p->data[i] & 15]);
	}
	if (p->caplen > 1024)
		st_out_printf(o, "\n    ... %u bytes more", p->caplen - 1024);
	st_out_putc(o, '\n');
}

void
st_quiz_ask(struct st_out *o, const struct st_quiz_q *q, unsigned n)
{
	const struct st_packet *p = q->pkt;
	const struct st_layer *ly;
	const struct st_field *f;
	const char *m;
	unsigned i, j;

	st_out_printf(o, "Q%u. Frame %llu, %u bytes: ", n,
	    (unsigned long long)p->num, p->len);
	switch (q->kind) {
	case ST_Q_IPLEN:
		st_out_puts(o, "what is ip.len, the IPv4 total length in "
		    "bytes?\n");
		break;
	case ST_Q_IHL:
		st_out_puts(o, "how long is the IPv4 header, in bytes (the "
		    "IHL nibble, blanked)?\n");
		break;
	case ST_Q_IPCKSUM:
		st_out_puts(o, "what is ip.checksum, the IPv4 header checksum "
		    "(RFC 1071)?\n");
		break;
	case ST_Q_FRAG:
		st_out_printf(o, "this fragment's 13-bit offset field holds "
		    "%llu: how many bytes into the\n    original datagram's "
		    "payload does it start?\n",
		    (unsigned long long)(q->f->val >> 3));
		break;
	case ST_Q_TCPSEQ:
		st_out_printf(o, "this segment's seq is %u;\n    the first "
		    "packet this way (frame %llu) had seq %u.\n    What seq "
		    "does tcpdump print for it (relative)?\n", q->rel.seq,
		    (unsigned long long)q->rel.sframe, q->rel.sbase);
		break;
	default:
		st_out_puts(o, "what is icmp.type (a number or its name)?\n");
		break;
	}
	for (i = 0; i < p->nlayers; i++) {
		ly = &p->layers[i];
		st_out_printf(o, "  %s%s", ly->depth > 0 ? "  quoted " : "",
		    ly->proto->name);
		if (ly != q->ly) {	/* the others: their size only */
			if (ly->proto->role == ST_ROLE_DATA ||
			    ly->proto->role == ST_ROLE_TRAILER)
				st_out_printf(o, ": %u bytes\n", ly->len);
			else
				st_out_printf(o, ": header %u bytes\n",
				    ly->hdr_len);
			continue;
		}
		st_out_putc(o, '\n');
		for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields;
		    j++) {
			f = &p->fields[j];
			if (f->bits == 0)	/* worked out: gives it away */
				continue;
			st_out_printf(o, "    %s%-28s ", ly->depth > 0 ? "  " :
			    "", f->desc->name);
			if (f == q->f && q->kind != ST_Q_FRAG &&
			    q->kind != ST_Q_TCPSEQ) {
				st_out_puts(o, "____\n");
				continue;
			}
			st_fmt_value(o, p, f, 16);
			m = st_field_meaning(f);
			if (m != NULL && q->kind != ST_Q_ICMPTYPE &&
			    f->desc->fmt != ST_FMT_TEXT &&
			    f->desc->fmt != ST_FMT_ENUM)
				st_out_printf(o, " (%s)", m);
			st_out_putc(o, '\n');
		}
	}
	st_out_puts(o, "  bytes:\n");
	hex_blanked(o, q);
}

int
st_quiz_check(const struct st_quiz_q *q, const char *text)
{
	const char *m;
	char *end;
	unsigned long long v;
	size_t n;

	while (isspace((unsigned char)*text))
		text++;
	n = strlen(text);
	while (n > 0 && isspace((unsigned char)text[n - 1]))
		n--;
	if (n == 0)
		return -1;
	if (q->kind == ST_Q_ICMPTYPE && !isdigit((unsigned char)*text)) {
		m = st_field_meaning(q->f);
		return m != NULL && strlen(m) == n &&
		    strncasecmp(m, text, n) == 0;
	}
	v = strtoull(text, &end, 0);
	if (end != text + n) {
		/* A checksum may come as bare hex digits: 1c46. */
		v = strtoull(text, &end, 16);
		if (q->kind != ST_Q_IPCKSUM || end != text + n)
			return -1;
		return v == q->answer;
	}
	if (q->kind == ST_Q_IPCKSUM && v != q->answer &&
	    strtoull(text, NULL, 16) == q->answer)
		return 1;
	return v == q->answer;
}

const char *
st_quiz_hint(const struct st_quiz_q *q, const char *text)
{
	unsigned long long v = strtoull(text, NULL, 0);

	switch (q->kind) {
	case ST_Q_IHL:
		if (v * 4 == q->answer)
			return "that is the nibble itself, in 32-bit words: "
			    "four bytes each";
		break;
	case ST_Q_FRAG:
		if (v * 8 == q->answer)
			return "that is the field itself, in 8-byte units";
		break;
	case ST_Q_IPLEN:
		if (v == q->pkt->len)
			return "that is the whole frame: ip.len starts at the "
			    "IPv4 header, the link header is not in it";
		if (v + q->ly->hdr_len == q->answer)
			return "that is the payload: ip.len counts the IPv4 "
			    "header too";
		break;
	case ST_Q_TCPSEQ:
		if (v == q->rel.seq)
			return "that is the absolute number on the wire";
		if (v + 1 == q->answer)
			return "one short: the SYN itself took sequence number "
			    "0";
		break;
	case ST_Q_ICMPTYPE:
		if ((v == 0 && q->answer == 8) || (v == 8 && q->answer == 0))
			return "request and reply the other way round: 8 asks, "
			    "0 answers";
		break;
	default:
		break;
	}
	return NULL;
}

void
st_quiz_working(struct st_out *o, const struct st_quiz_q *q)
{
	const struct st_packet *p = q->pkt;
	const struct st_layer *ly = q->ly, *nx;
	const struct st_field *fl;
	const char *m;

	switch (q->kind) {
	case ST_Q_IPLEN:
		nx = next_layer(p, ly);
		st_out_printf(o, "  ip.len = %llu: the IPv4 header (%u bytes) "
		    "and everything it carries\n", (unsigned long long)q->answer,
		    ly->hdr_len);
		st_out_printf(o, "  = %u (IPv4 header) + %u (%s, its header %u "
		    "and payload %u)\n", ly->hdr_len, nx->len, nx->proto->name,
		    nx->hdr_len, nx->len - nx->hdr_len);
		st_out_printf(o, "  the frame is %u bytes: %u before the IPv4 "
		    "header%s%s\n", p->len, ly->off, p->len > ly->off + ly->len ?
		    ", and padding or a trailer after it" : "", "");
		break;
	case ST_Q_IHL:
		nx = next_layer(p, ly);
		st_out_printf(o, "  %llu bytes: %s starts at byte %u, IPv4 at "
		    "byte %u, and %u - %u = %llu\n", (unsigned long long)q->answer,
		    nx->proto->name, nx->off, ly->off, nx->off, ly->off,
		    (unsigned long long)q->answer);
		st_out_printf(o, "  the IHL nibble counts 32-bit words: %llu / 4 "
		    "= %llu, the hex digit after the 4 in byte %u\n",
		    (unsigned long long)q->answer,
		    (unsigned long long)q->answer / 4, ly->off);
		if (q->answer > 20)
			st_out_printf(o, "  more than 20: %llu bytes of options "
			    "follow the fixed header\n",
			    (unsigned long long)q->answer - 20);
		break;
	case ST_Q_IPCKSUM:
		st_out_printf(o, "  0x%04llx:\n  ", (unsigned long long)q->answer);
		st_checksum_walk(o, p, ly, q->f);
		break;
	case ST_Q_FRAG:
		fl = st_pkt_fd(p, ly, st_ipv4_h.mf);
		st_out_printf(o, "  %llu bytes: the field counts 8-byte units, "
		    "%llu x 8 = %llu\n", (unsigned long long)q->answer,
		    (unsigned long long)(q->answer >> 3),
		    (unsigned long long)q->answer);
		st_out_printf(o, "  so the fragments before it carried %llu "
		    "bytes of payload; this one carries %u more%s\n",
		    (unsigned long long)q->answer, ly->len - ly->hdr_len,
		    fl != NULL && fl->val ? ", and MF says more follow" :
		    ", and MF is clear: it is the last");
		break;
	case ST_Q_TCPSEQ:
		fl = st_pkt_fd(p, ly, st_tcp.len);
		st_out_printf(o, "  %llu = %u - %u: tcpdump subtracts the first "
		    "seq seen this way (frame %llu)\n", (unsigned long long)
		    q->answer, q->rel.seq, q->rel.sbase,
		    (unsigned long long)q->rel.sframe);
		st_out_puts(o, "  (mod 2^32); a SYN takes one number, so data "
		    "starts at relative 1\n");
		if (fl != NULL && fl->val > 0)
			st_out_printf(o, "  with %llu bytes of data it prints seq "
			    "%llu:%llu, the end exclusive\n",
			    (unsigned long long)fl->val,
			    (unsigned long long)q->answer,
			    (unsigned long long)(uint32_t)(q->answer + fl->val));
		break;
	default:
		st_out_printf(o, "  %llu (%s): ", (unsigned long long)q->answer,
		    st_field_meaning(q->f));
		if ((m = st_valname(st_icmp_h.story, (uint32_t)q->answer)) !=
		    NULL)
			st_out_printf(o, "%s\n", m);
		else
			st_out_printf(o, "see 'strata explain %s'\n",
			    ly->proto->name);
		break;
	}
}
