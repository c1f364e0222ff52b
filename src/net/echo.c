/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Echo replies and ICMP errors as ping sees them: which packet answers
 * which request, and what an error says.  The protocols' echo descriptors
 * (struct st_echo_desc) and hop fields name the fields; the words are the
 * CLI's (src/cli/echo.c).  No protocol is named here.
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/ping.h"

/* Field fd of layer ly: its value in *v, 1; or 0 when absent. */
static int
fget(const struct st_packet *p, const struct st_layer *ly,
    const struct st_field_desc *fd, uint64_t *v)
{
	const struct st_field *f;

	if (ly == NULL || fd == NULL || (f = st_pkt_fd(p, ly, fd)) == NULL)
		return 0;
	*v = f->val;
	return 1;
}

/* Address field fd of layer ly equals addr (alen bytes). */
static int
addr_is(const struct st_packet *p, const struct st_layer *ly,
    const struct st_field_desc *fd, const uint8_t *addr, size_t alen)
{
	const struct st_field *f;
	const uint8_t *b;
	size_t n;

	if (ly == NULL || fd == NULL || (f = st_pkt_fd(p, ly, fd)) == NULL ||
	    (b = st_field_bytes(p, f, &n)) == NULL || n != alen)
		return 0;
	return memcmp(b, addr, alen) == 0;
}

/* The first layer at depth with an echo of family fam (0: either). */
static const struct st_layer *
echo_layer(const struct st_packet *p, int fam, unsigned depth)
{
	unsigned i;

	for (i = 0; i < p->nlayers; i++)
		if (p->layers[i].depth == depth && p->layers[i].proto->echo !=
		    NULL && (fam == 0 || p->layers[i].proto->echo->fam == fam))
			return &p->layers[i];
	return NULL;
}

/* The first network layer at depth with addresses of family fam. */
static const struct st_layer *
net_layer(const struct st_packet *p, int fam, unsigned depth)
{
	const struct st_proto *pr;
	unsigned i;

	for (i = 0; i < p->nlayers; i++) {
		pr = p->layers[i].proto;
		if (p->layers[i].depth == depth && pr->role == ST_ROLE_NET &&
		    pr->ends[0] != NULL &&
		    pr->ends[0]->bits == (fam == 6 ? 128 : 32))
			return &p->layers[i];
	}
	return NULL;
}

/* The outer echo protocol's layer: ICMP's before ICMPv6's, as ping asks. */
static const struct st_layer *
outer_echo(const struct st_packet *p)
{
	const struct st_layer *ly = echo_layer(p, 4, 0);

	return ly != NULL ? ly : echo_layer(p, 6, 0);
}

int
st_pkt_icmp(const struct st_packet *got, unsigned *type, unsigned *code)
{
	const struct st_layer *ly = outer_echo(got);
	uint64_t t, c;

	if (ly == NULL || !fget(got, ly, ly->proto->echo->type, &t) ||
	    !fget(got, ly, ly->proto->echo->code, &c))
		return -1;
	*type = (unsigned)t;
	*code = (unsigned)c;
	return ly->proto->echo->fam == 6;
}

enum st_echo
st_echo_classify(const struct st_packet *got, int fam, const uint8_t *dst,
    uint16_t id, uint16_t *seq, unsigned *ttl, size_t *icmplen)
{
	const struct st_layer *net = net_layer(got, fam, 0);
	const struct st_layer *ic = echo_layer(got, fam, 0), *qi, *qn;
	const struct st_echo_desc *e;
	uint64_t type, v, s;
	size_t alen = fam == 6 ? 16 : 4;

	if (net == NULL || ic == NULL)
		return ST_ECHO_NONE;
	e = ic->proto->echo;
	if (!fget(got, ic, e->type, &type))
		return ST_ECHO_NONE;
	*icmplen = ic->len;
	*ttl = 0;
	if (fget(got, net, net->proto->hops, &v))
		*ttl = (unsigned)v;
	if (type == e->reply) {
		if (!fget(got, ic, e->id, &v) || v != id ||
		    !fget(got, ic, e->seq, &s) ||
		    !addr_is(got, net, net->proto->ends[0], dst, alen))
			return ST_ECHO_NONE;
		*seq = (uint16_t)s;
		return ST_ECHO_REPLY;
	}
	if (ic->proto->is_error == NULL || !ic->proto->is_error(got, ic))
		return ST_ECHO_NONE;
	/* An error: the quoted packet must be our echo request. */
	qn = net_layer(got, fam, 1);
	qi = echo_layer(got, fam, 1);
	if (qn == NULL || qi == NULL || !addr_is(got, qn,
	    qn->proto->ends[1], dst, alen) || !fget(got, qi, e->id, &v) ||
	    v != id || !fget(got, qi, e->seq, &s))
		return ST_ECHO_NONE;
	*seq = (uint16_t)s;
	return ST_ECHO_ERROR;
}

size_t
st_pkt_src_addr(const struct st_packet *got, uint8_t addr[16])
{
	const struct st_layer *ly;
	const struct st_field *f;
	const uint8_t *b;
	size_t len;
	int fam;

	for (fam = 4; fam <= 6; fam += 2)
		if ((ly = net_layer(got, fam, 0)) != NULL &&
		    (f = st_pkt_fd(got, ly, ly->proto->ends[0])) != NULL &&
		    (b = st_field_bytes(got, f, &len)) != NULL &&
		    len == (fam == 6 ? 16u : 4u)) {
			memcpy(addr, b, len);
			return len;
		}
	return 0;
}

int
st_echo_error_info(const struct st_packet *got, struct st_echo_error *e)
{
	const struct st_layer *ly;
	const struct st_echo_desc *d;

	memset(e, 0, sizeof(*e));
	if ((e->fam = st_pkt_icmp(got, &e->type, &e->code)) < 0)
		return -1;
	ly = outer_echo(got);
	d = ly->proto->echo;
	e->fam = d->fam;
	e->has_mtu = fget(got, ly, d->mtu, &e->mtu);
	fget(got, ly, d->ptr, &e->ptr);
	return 0;
}

int
st_echo_token_ok(const struct st_packet *got, const uint8_t *token, size_t n)
{
	const struct st_layer *ly = NULL;
	unsigned i;
	size_t at;

	for (i = 0; i < got->nlayers; i++)
		if (got->layers[i].depth == 0 &&
		    got->layers[i].proto->echo != NULL)
			ly = &got->layers[i];
	if (ly == NULL)
		return 0;
	at = (size_t)ly->off + 8 + 16;
	return at + n <= got->caplen && memcmp(got->data + at, token, n) == 0;
}

int
st_echo_bad_checksum(const struct st_packet *got)
{
	const struct st_layer *l = outer_echo(got);
	const struct st_field *f;

	f = l != NULL && l->proto->cksum != NULL ? st_pkt_fd(got, l,
	    l->proto->cksum->field) : NULL;
	return f != NULL && f->ck == ST_CK_BAD;
}

/*
 * The record-route option of got's outer IPv4 header (ping -R).  Debt: it
 * reads the option's bytes (type 7, RFC 791) rather than the decoder's
 * ip.rec_rt fields, which no handle exports yet.
 */
int
st_echo_rr(const struct st_packet *got, uint8_t *addrs, size_t max,
    size_t *slots)
{
	const struct st_layer *ly = got->nlayers > 0 ? &got->layers[0] : NULL;
	const uint8_t *h;
	size_t hl, i, len, ptr;

	if (ly == NULL || ly->hdr_len <= 20 || ly->off + ly->hdr_len >
	    got->caplen)
		return -1;
	h = got->data + ly->off;
	if (h[0] >> 4 != 4)
		return -1;
	hl = ly->hdr_len;
	for (i = 20; i < hl && h[i] != 0; i += h[i] == 1 ? 1 : len) {
		if (h[i] == 1)
			continue;
		len = i + 1 < hl ? h[i + 1] : 0;
		if (len < 2 || i + len > hl)
			return -1;
		if (h[i] != 7 || len < 3)
			continue;
		*slots = (len - 3) / 4;
		ptr = h[i + 2] > len + 1 ? len + 1 : h[i + 2];
		if (ptr < 4)
			return 0;
		ptr = (ptr - 4) / 4;	/* addresses recorded */
		if (ptr > max)
			ptr = max;
		memcpy(addrs, h + i + 3, ptr * 4);
		return (int)ptr;
	}
	return -1;
}
