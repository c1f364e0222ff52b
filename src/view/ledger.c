/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The ledger view: the length arithmetic of a packet from the inside out,
 * each step naming the header that added its bytes, and which number ping,
 * tcpdump and tshark each print for the same packet:
 *
 *   data                56
 *   + icmp header        8  = 64    ping "64 bytes from", tcpdump "length 64"
 *   + ipv4 header       20  = 84    ping "56(84)", tcpdump -v "length 84"
 *   + eth header        14  = 98    tshark "98 bytes on wire"
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"

/* What each tool prints for the total reached at layer ly: the
 * protocol's own words, or for the outermost layer the frame's size. */
static void
who_says(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, unsigned total, unsigned inner)
{
	char buf[160];

	if (ly->proto->ledger != NULL) {
		ly->proto->ledger(buf, sizeof(buf), total, inner);
		st_out_puts(o, buf);
	} else if (ly == &pkt->layers[0])
		st_out_printf(o, "tshark \"%u bytes on wire\"", pkt->len);
}

/*
 * The sums from the innermost of in[0..n) outwards.  A layer at index
 * frag or beyond (-1: none) is in a fragment: what the tools print is for
 * the whole datagram, so those lines say what the fragment is instead.
 * Returns the total.
 */
static unsigned
sums(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *const *in, unsigned n, int frag)
{
	const struct st_layer *ly = in[n - 1];
	unsigned total = 0, inner;
	struct st_frag fr;

	/* The innermost layer's payload, or all of it if it is data. */
	if (ly->proto->role == ST_ROLE_DATA || ly->proto->role == ST_ROLE_APP) {
		total = ly->len;
		st_out_printf(o, "  %-22s %5u\n", ly->proto->name, total);
		n--;
	} else if (ly->len > ly->hdr_len) {
		total = ly->len - ly->hdr_len;
		st_out_printf(o, "  %-22s %5u   (what the %s carries%s)\n",
		    "payload", total, ly->proto->name, ly->proto->role ==
		    ST_ROLE_CONTROL ? ", here a quoted packet" : "");
	}
	inner = total;
	while (n-- > 0) {
		char what[40];

		ly = in[n];
		snprintf(what, sizeof(what), "+ %s header", ly->proto->name);
		total += ly->hdr_len;
		st_out_printf(o, "  %-22s %5u = %-6u", what, ly->hdr_len,
		    total);
		if (frag >= 0 && (int)n == frag && ly->proto->frag(pkt, ly,
		    &fr))
			st_out_printf(o, "a fragment of datagram id 0x%0*x: "
			    "its payload bytes %u..%u%s", fr.idhex, fr.id,
			    fr.off, fr.off + fr.len, fr.more ? ", more follow" :
			    ", the last");
		else if (frag < 0 || (int)n < frag)
			who_says(o, pkt, ly, total, inner);
		else
			st_out_puts(o, "(in this fragment only)");
		st_out_putc(o, '\n');
	}
	return total;
}

/*
 * The frame that completes a datagram: the tools' numbers for the whole,
 * from the datagram's payload and the headers up to the fragmenting
 * layer (in[0..frag]).
 */
static void
whole(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *const *in, int frag)
{
	const struct st_layer *ly;
	unsigned total = pkt->xtotal, inner = total;
	int i;

	st_out_printf(o, "  the datagram this frame completes, whole (see "
	    "--reassemble):\n  %-22s %5u\n", "payload", total);
	for (i = frag; i >= 0 && in[i]->proto->role != ST_ROLE_LINK; i--) {
		char what[40];

		ly = in[i];
		if (i == frag && ly->proto->role == ST_ROLE_NETEXT)
			continue;	/* a fragment header: gone when whole */
		snprintf(what, sizeof(what), "+ %s header", ly->proto->name);
		total += ly->hdr_len;
		st_out_printf(o, "  %-22s %5u = %-6u", what, ly->hdr_len,
		    total);
		who_says(o, pkt, ly, total, inner);
		st_out_putc(o, '\n');
	}
}

static void
ledger_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	const struct st_layer *ly, *in[ST_MAX_LAYERS];
	unsigned n = 0, nframe = 0, i, total = 0, pad = 0;
	struct st_frag fr;
	int frag = -1, done = 0;

	(void)v;
	st_out_printf(o, "Frame %llu: length ledger, inside out\n",
	    (unsigned long long)pkt->num);
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->proto->role == ST_ROLE_TRAILER)
			pad = ly->len;
		else if (ly->depth == 0 && !st_ly_part(pkt, ly) &&
		    !(pkt->xwhat != NULL && ly->off >= pkt->caplen)) {
			/* (not the layers over bytes a decoder made) */
			if (frag < 0 && ly->proto->frag != NULL &&
			    ly->proto->frag(pkt, ly, &fr))
				frag = (int)n;
			if (ly->off < pkt->caplen)
				nframe = n + 1;
			in[n++] = ly;
		}
	}
	if (n == 0) {
		st_out_puts(o, "  (no layers)\n\n");
		return;
	}
	if (frag >= 0 && nframe < n) {
		/* Reassembled: the datagram's layers on the network
		 * layers up to the fragmenting one, then this frame's. */
		const struct st_layer *dg[ST_MAX_LAYERS];
		unsigned k = 0;

		for (i = 0; i <= (unsigned)frag; i++)
			if (in[i]->proto->role != ST_ROLE_LINK &&
			    (i < (unsigned)frag ||
			    in[i]->proto->role != ST_ROLE_NETEXT))
				dg[k++] = in[i];
		for (i = nframe; i < n; i++)
			dg[k++] = in[i];
		st_out_printf(o, "  the datagram, reassembled:\n");
		sums(o, pkt, dg, k, -1);
		st_out_printf(o, "  this frame, one fragment of it:\n");
		n = nframe;
		done = 1;
	}
	total = sums(o, pkt, in, n, frag);
	if (pad > 0)
		st_out_printf(o, "  %-22s %5u = %-6u(after the datagram: the "
		    "frame's padding or trailer)\n", "+ trailer", pad,
		    total + pad);
	if (pkt->linktype == 1 && total > 0 && total + pad < 60)
		st_out_printf(o, "  on an Ethernet wire: padded to 60 and a "
		    "4-byte FCS added, 64 bytes (loopback pads nothing)\n");
	else if (pkt->linktype == 1 && total > 0)
		st_out_printf(o, "  on an Ethernet wire: + 4-byte FCS = %u "
		    "(captures rarely keep it)\n", total + pad + 4);
	if (pkt->caplen < pkt->len)
		st_out_printf(o, "  captured: %u of the %u bytes\n", pkt->caplen,
		    pkt->len);
	if (frag >= 0 && !done && pkt->xtotal > 0)
		whole(o, pkt, in, frag);
	st_out_putc(o, '\n');
}

const struct st_view st_view_ledger = {
	"ledger", "the length arithmetic inside out, and what each tool "
	"prints", ledger_packet
};
