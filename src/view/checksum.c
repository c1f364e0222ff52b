/*
 * The checksum view: every checksum of the packet worked out as RFC 1071
 * does it, step by step: the 16-bit words (the checksum field itself
 * counted as zero), the pseudo-header of TCP, UDP and ICMPv6 as a block of
 * its own, the sum, the carries folded back in, the complement, and the
 * value on the wire against it.  A value that cannot be trusted (the bytes
 * were not all captured, or the sender left it to the NIC) is said so.
 */
#include <string.h>

#include "strata/cksum.h"
#include "strata/protos.h"
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

/* The IP layer a transport layer rides on (same depth, before it). */
static const struct st_layer *
net_of(const struct st_packet *pkt, const struct st_layer *ly)
{
	const struct st_layer *l;

	for (l = ly; l-- > pkt->layers;)
		if (l->depth == ly->depth && (l->proto == &st_proto_ipv4 ||
		    l->proto == &st_proto_ipv6))
			return l;
	return NULL;
}

void
st_checksum_walk(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_field *f)
{
	const struct st_layer *net = NULL;
	const struct st_field *ul;
	const uint8_t *b = pkt->data;
	uint64_t sum = 0, s;
	size_t start = ly->off, n = ly->len, skip = f->bitoff / 8 - ly->off;
	unsigned fam = 0, proto = 0, len, folded, res;
	char a[ST_FMT_BUF], c[ST_FMT_BUF];

	if (ly->proto == &st_proto_ipv4)
		n = ly->hdr_len;
	else if (ly->proto == &st_proto_udp &&
	    (ul = st_pkt_field(pkt, ly, "udp.length")) != NULL && ul->val < n)
		n = (size_t)ul->val;
	if (ly->proto == &st_proto_tcp || ly->proto == &st_proto_udp ||
	    ly->proto == &st_proto_icmpv6)
		net = net_of(pkt, ly);
	st_out_printf(o, "%s at byte %u: 0x%04x\n", f->desc->name,
	    f->bitoff / 8, (unsigned)f->val);
	if (f->ck == ST_CK_UNVERIFIED) {
		st_out_puts(o, "  not worked out: the bytes it covers were not "
		    "all captured (or this is a fragment)\n\n");
		return;
	}
	if (f->ck == ST_CK_ABSENT) {
		st_out_puts(o, "  zero over IPv4: the sender computed no UDP "
		    "checksum (RFC 768 allows it)\n\n");
		return;
	}
	if (net != NULL) {
		fam = net->proto == &st_proto_ipv4 ? 4 : 6;
		proto = ly->proto == &st_proto_tcp ? 6 : ly->proto ==
		    &st_proto_udp ? 17 : 58;
		len = (unsigned)n;
		st_fmt_ipv4(a, b + net->off + 12);
		if (fam == 6) {
			st_fmt_ipv6(a, b + net->off + 8);
			st_fmt_ipv6(c, b + net->off + 24);
		} else
			st_fmt_ipv4(c, b + net->off + 16);
		st_out_printf(o, "  pseudo-header: %s \xe2\x86\x92 %s, protocol "
		    "%u, length %u\n    ", a, c, proto, len);
		sum = words(o, b + net->off + (fam == 4 ? 12 : 8),
		    fam == 4 ? 8 : 32, (size_t)-1, 1);
		if (fam == 4)
			st_out_printf(o, "     %04x %04x   (zero and protocol, "
			    "length)\n", proto, len & 0xffff);
		else
			st_out_printf(o, "     %04x %04x 0000 %04x   (length, "
			    "zeros and next header)\n", len >> 16, len & 0xffff,
			    proto);
		sum += (len >> 16) + (len & 0xffff) + proto;
	}
	st_out_printf(o, "  %s, %zu bytes%s:\n    ", ly->proto ==
	    &st_proto_ipv4 ? "the IPv4 header" : "the header and data", n,
	    n % 2 ? " (odd: a zero byte pads the last word)" : "");
	sum += words(o, b + start, n, skip, 1);
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
