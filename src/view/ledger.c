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

static void
ledger_packet(struct st_out *o, const struct st_packet *pkt,
    struct st_vctx *v)
{
	const struct st_layer *ly, *in[ST_MAX_LAYERS];
	unsigned n = 0, i, total = 0, inner = 0, pad = 0;

	(void)v;
	st_out_printf(o, "Frame %llu: length ledger, inside out\n",
	    (unsigned long long)pkt->num);
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		if (ly->proto->role == ST_ROLE_TRAILER)
			pad = ly->len;
		else if (ly->depth == 0 && !st_ly_part(pkt, ly))
			in[n++] = ly;
	}
	if (n == 0) {
		st_out_puts(o, "  (no layers)\n\n");
		return;
	}
	/* The innermost layer's payload, or all of it if it is data. */
	ly = in[n - 1];
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
		st_out_printf(o, "  %-22s %5u = %-6u", what, ly->hdr_len, total);
		who_says(o, pkt, ly, total, inner);
		st_out_putc(o, '\n');
	}
	if (pad > 0)
		st_out_printf(o, "  %-22s %5u = %-6u(after the datagram: the "
		    "frame's padding or trailer)\n", "+ trailer", pad,
		    total + pad);
	if (pkt->linktype == 1 && total + pad < 60)
		st_out_printf(o, "  on an Ethernet wire: padded to 60 and a "
		    "4-byte FCS added, 64 bytes (loopback pads nothing)\n");
	else if (pkt->linktype == 1)
		st_out_printf(o, "  on an Ethernet wire: + 4-byte FCS = %u "
		    "(captures rarely keep it)\n", total + pad + 4);
	if (pkt->caplen < pkt->len)
		st_out_printf(o, "  captured: %u of the %u bytes\n", pkt->caplen,
		    pkt->len);
	st_out_putc(o, '\n');
}

const struct st_view st_view_ledger = {
	"ledger", "the length arithmetic inside out, and what each tool "
	"prints", ledger_packet
};
