/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The checksum view: every checksum of the packet worked out as RFC 1071
 * does it, step by step: the 16-bit words (the checksum field itself
 * counted as zero), the pseudo-header (where the protocol's st_ckspec
 * has one: TCP, UDP, ICMPv6) as a block of its own, the sum, the carries
 * folded back in, the complement, and the value on the wire against it.
 * A value that cannot be trusted (the bytes were not all captured, or the
 * sender left it to the NIC) is said so.
 */
#include <ctype.h>
#include <string.h>

#include "strata/cksum.h"
#include "strata/decode.h"
#include "strata/view.h"

#define SHOW	24	/* words printed before "... more" */

/* The 16-bit words of n bytes, the field at byte skip shown in brackets. */
static uint64_t
words(struct st_out *o, const uint8_t *p, size_t n, size_t skip, int show)
{
	uint64_t sum = 0;
	size_t i, k = 0;
	unsigned w;

	for (i = 0; i < n; i += 2, k++) {
		w = (unsigned)(p[i] << 8 | (i + 1 < n ? p[i + 1] : 0));
		if (i == skip) {
			if (show && k < SHOW)
				st_out_printf(o, " [%04x]", w);
			w = 0;
		} else if (show && k < SHOW)
			st_out_printf(o, " %04x", w);
		if (show && k > 0 && k % 12 == 11 && k + 1 < SHOW &&
		    i + 2 < n)
			st_out_puts(o, "\n     ");
		sum += w;
	}
	if (show && k > SHOW)
		st_out_printf(o, " ... %zu more words", k - SHOW);
	if (show)
		st_out_putc(o, '\n');
	return sum;
}

/* The network layer a layer rides on (same depth, before it). */
static const struct st_layer *
net_of(const struct st_packet *pkt, const struct st_layer *ly)
{
	const struct st_layer *l;

	for (l = ly; l-- > pkt->layers;)
		if (l->depth == ly->depth && l->proto->role == ST_ROLE_NET)
			return l;
	return NULL;
}

/*
 * The facts of network layer nl (NULL: none) a checksum needs: its family
 * by the format of its addresses, the addresses as on the wire, and as the
 * transport's length the bytes captured of layer ly.
 */
static void
net_facts(const struct st_packet *pkt, const struct st_layer *nl,
    const struct st_layer *ly, struct st_net *net)
{
	const struct st_field *a, *b;
	const uint8_t *pa, *pb;
	size_t na, nb;

	memset(net, 0, sizeof(*net));
	net->tlen = ly->len;
	if (nl == NULL || nl->proto->ends[0] == NULL ||
	    (a = st_pkt_fd(pkt, nl, nl->proto->ends[0])) == NULL ||
	    (b = st_pkt_fd(pkt, nl, nl->proto->ends[1])) == NULL ||
	    (pa = st_field_bytes(pkt, a, &na)) == NULL ||
	    (pb = st_field_bytes(pkt, b, &nb)) == NULL ||
	    na != nb || (na != 4 && na != 16))
		return;
	net->fam = na == 4 ? 4 : 6;
	memcpy(net->src, pa, na);
	memcpy(net->dst, pb, nb);
}

/* The pseudo-header, as RFC 768, 793 and 8200 draw it; returns its sum. */
static uint64_t
pseudo_walk(struct st_out *o, const struct st_net *net, unsigned proto,
    unsigned len)
{
	char a[ST_FMT_BUF], c[ST_FMT_BUF];
	uint8_t both[32];
	size_t alen = net->fam == 4 ? 4 : 16;
	uint64_t sum;

	if (net->fam == 6) {
		st_fmt_ipv6(a, net->src);
		st_fmt_ipv6(c, net->dst);
	} else {
		st_fmt_ipv4(a, net->src);
		st_fmt_ipv4(c, net->dst);
	}
	st_out_printf(o, "  pseudo-header: %s \xe2\x86\x92 %s, protocol "
	    "%u, length %u\n    ", a, c, proto, len);
	memcpy(both, net->src, alen);
	memcpy(both + alen, net->dst, alen);
	sum = words(o, both, 2 * alen, (size_t)-1, 1);
	if (net->fam == 4)
		st_out_printf(o, "     %04x %04x   (zero and protocol, "
		    "length)\n", proto, len & 0xffff);
	else
		st_out_printf(o, "     %04x %04x 0000 %04x   (length, "
		    "zeros and next header)\n", len >> 16, len & 0xffff,
		    proto);
	return sum + (len >> 16) + (len & 0xffff) + proto;
}

/* Why a checksum was not worked out, or NULL when it was. */
static const char *
not_worked(const struct st_layer *ly, const struct st_field *f, char *buf,
    size_t n)
{
	const char *p;
	size_t i;

	if (f->ck == ST_CK_UNVERIFIED && f->aux == ST_CKU_FRAGMENT)
		return "  not worked out here: it covers the whole datagram, "
		    "and this frame holds one\n  fragment of it (with "
		    "--reassemble, it is worked out on the frame that\n  "
		    "completes the datagram)\n\n";
	if (f->ck == ST_CK_UNVERIFIED)
		return "  not worked out: the bytes it covers were not all "
		    "captured (or this is a fragment)\n\n";
	if (f->ck != ST_CK_ABSENT)
		return NULL;
	i = (size_t)snprintf(buf, n, "  zero over IPv4: the sender computed "
	    "no ");
	/* Only a checksum zero_v4 allows to be zero has this status. */
	for (p = ly->proto->name; *p != '\0' && i + 1 < n; p++)
		buf[i++] = (char)toupper((unsigned char)*p);
	snprintf(buf + i, n - i, " checksum (%s allows it)\n\n",
	    ly->proto->rfc != NULL ? ly->proto->rfc : "its RFC");
	return buf;
}

/* A CRC32c (SCTP): no words to add up, the polynomial's remainder. */
static void
crc_walk(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_field *f,
    const struct st_net *net)
{
	struct st_cur c = st_cur_make(pkt->data, (size_t)ly->off + ly->len);
	size_t n;
	uint32_t pseudo, v;

	c.off = ly->off;
	st_ck_range(ly->proto->cksum, net, &c, ly->hdr_len, &n, &pseudo);
	if (n > ly->len)
		n = ly->len;
	v = __builtin_bswap32(st_crc32c(pkt->data + ly->off, n,
	    f->bitoff / 8 - ly->off));
	st_out_printf(o, "  CRC32c (Castagnoli polynomial 0x1edc6f41, RFC 9260 "
	    "appendix B) over %s, %zu bytes, the checksum field counted as "
	    "zero; sent least significant byte first, so read as a number "
	    "0x%08x\n", ly->proto->ck_what != NULL ? ly->proto->ck_what :
	    "the header and data", n, v);
	st_out_printf(o, "  on the wire 0x%08x: %s\n\n", (unsigned)f->val,
	    f->ck == ST_CK_GOOD ? "good" : "bad");
}

void
st_checksum_walk(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_field *f)
{
	const struct st_ckspec *ck = ly->proto->cksum;
	const uint8_t *b = pkt->data;
	struct st_net net;
	struct st_cur c;
	uint64_t sum = 0, s;
	size_t n = ly->len, skip = f->bitoff / 8 - ly->off;
	uint32_t pseudo;
	unsigned folded, res;
	const char *why;
	char buf[160];

	st_out_printf(o, "%s at byte %u: 0x%04x\n", f->desc->name,
	    f->bitoff / 8, (unsigned)f->val);
	if ((why = not_worked(ly, f, buf, sizeof(buf))) != NULL) {
		st_out_puts(o, why);
		return;
	}
	/* The bytes covered as the decoder counted them (st_ck_range). */
	net_facts(pkt, net_of(pkt, ly), ly, &net);
	if (ck != NULL && ck->cover == ST_CKC_CRC32C) {
		crc_walk(o, pkt, ly, f, &net);
		return;
	}
	if (ck != NULL) {
		c = st_cur_make(b, (size_t)ly->off + ly->len);
		c.off = ly->off;
		st_ck_range(ck, &net, &c, ly->hdr_len, &n, &pseudo);
		if (n > ly->len)
			n = ly->len;
		if (ck->pseudo != 0 && net.fam != 0)
			sum = pseudo_walk(o, &net, ck->pseudo, (unsigned)n);
	}
	st_out_printf(o, "  %s, %zu bytes%s:\n    ", ck != NULL &&
	    ly->proto->ck_what != NULL ? ly->proto->ck_what :
	    "the header and data", n,
	    n % 2 ? " (odd: a zero byte pads the last word)" : "");
	sum += words(o, b + ly->off, n, skip, 1);
	st_out_printf(o, "  sum 0x%llx", (unsigned long long)sum);
	for (s = sum; s >> 16; ) {
		s = (s & 0xffff) + (s >> 16);
		st_out_printf(o, " \xe2\x86\x92 carries folded 0x%04llx",
		    (unsigned long long)s);
	}
	folded = (unsigned)s;
	res = ~folded & 0xffff;
	st_out_printf(o, "; one's complement 0x%04x\n", res);
	if (f->ck == ST_CK_GOOD)
		st_out_printf(o, "  on the wire 0x%04x: good%s\n\n",
		    (unsigned)f->val, (unsigned)f->val != res ? " (0x0000 and "
		    "0xffff are both zero in one's complement)" : "");
	else if (f->ck == ST_CK_PARTIAL)
		st_out_printf(o, "  on the wire 0x%04x: the pseudo-header sum "
		    "only; the sender left the rest to its NIC (checksum "
		    "offload), so a capture on the sending host sees this: not "
		    "an error\n\n", (unsigned)f->val);
	else
		st_out_printf(o, "  on the wire 0x%04x: bad, it should be "
		    "0x%04x\n\n", (unsigned)f->val, res);
}

static void
checksum_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	const struct st_layer *ly;
	const struct st_field *f;
	unsigned i, j;
	int any = 0;

	(void)v;
	st_out_printf(o, "Frame %llu: checksums (RFC 1071)\n",
	    (unsigned long long)pkt->num);
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields;
		    j++) {
			f = &pkt->fields[j];
			if (!(f->desc->flags & ST_DF_CKSUM) || f->ck == ST_CK_NONE)
				continue;
			if (ly->depth > 0)
				st_out_puts(o, "(quoted) ");
			st_checksum_walk(o, pkt, ly, f);
			any = 1;
		}
	}
	if (!any)
		st_out_puts(o, "  no checksum in this packet\n\n");
}

const struct st_view st_view_checksum = {
	"checksum", "every checksum worked out step by step (RFC 1071)",
	checksum_packet
};
