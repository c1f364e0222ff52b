/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MPLS label stacks (RFC 3032), over Ethernet (0x8847 unicast, 0x8848
 * multicast), PPP (0x0281), IP (protocol 137, RFC 4023) and UDP (port
 * 6635, RFC 7510).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|      TTL      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Entries repeat until the bottom-of-stack bit S, each a layer of its
 * own (as Wireshark shows them), at most MPLS_MAX_LABELS.  Nothing says what the payload is: as Wireshark guesses, a first
 * nibble of 4 is IPv4, 6 IPv6, and 0 a pseudowire control word (RFC 4385)
 * before an Ethernet frame.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define MPLS_MAX_LABELS	16	/* entries decoded in one stack */

enum { F_LABEL, F_EXP, F_S, F_TTL, F_CW, F_CWSEQ };

static const struct st_field_desc mpls_fields[] = {
	FDX("label", "mpls.label", "Label", 0, 20, ST_FMT_DEC, 0, 0, 0, 16,
	    NULL),
	FD("tc", "mpls.exp", "Traffic class", 20, 3, ST_FMT_DEC),
	FDX("s", "mpls.bottom", "Bottom of stack", 23, 1, ST_FMT_DEC, 0, 0, 0,
	    1, NULL),
	FDX("ttl", "mpls.ttl", "Time to live", 24, 8, ST_FMT_DEC, 0, 0, 0, 64,
	    NULL),
	FD(NULL, "strata.mpls.cw", "Pseudowire control word", 0, 32,
	    ST_FMT_HEX),
	FD(NULL, "pweth.cw.sequence_number", "Sequence number", 16, 16,
	    ST_FMT_DEC),
};

/* What the bytes after the stack are, by their first nibble. */
static void
mpls_payload(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_cur p = *c;
	unsigned nib;

	p.off += off;
	/* Nothing after the stack: the chain ends. */
	if (st_cur_left(&p) == 0)
		return;
	nib = (unsigned)st_peek_bits(&p, 0, 4);
	if (nib == 4 || nib == 6) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = nib == 4 ? 0x0800 : 0x86dd;
	} else if (nib == 0 && st_cur_left(&p) >= 4 + 14) {
		st_dfields(d, &p, mpls_fields + F_CW, 2);
		d->hdr += 4;
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_EN10MB;
	} else
		d->data = 1;
}

extern const struct st_proto st_proto_mpls;

/* One label stack entry per layer, as Wireshark shows them. */
static int
mpls_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned n = st_dcount(d, &st_proto_mpls);

	/* The stack's labels count once towards the tunnels' bound. */
	if (n == 0 && st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >=
	    ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	st_dfields(d, c, mpls_fields, F_CW);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 4;
	if (n + 1 >= MPLS_MAX_LABELS)
		return st_dmalformed(d, "no bottom of stack in %d labels",
		    MPLS_MAX_LABELS);
	if (!st_peek_bits(c, 23, 1)) {
		d->next = &st_proto_mpls;
		return ST_OK;
	}
	mpls_payload(d, c, 4);
	return ST_OK;
}

static const struct st_bind mpls_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8847 },
	{ ST_KEY_ETHERTYPE, 0x8848 },
	{ ST_KEY_PPP, 0x0281 },
	{ ST_KEY_IPPROTO, 137 },
	{ ST_KEY_UDPPORT, 6635 },
};

/*
 * "mpls 16/17 ttl 64": the stack, top first, and the top entry's TTL, from
 * the layer of any of its entries.
 */
static int
mpls_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_layer *top = ly, *l, *end;
	const struct st_field *f[F_CWSEQ + 1];
	int n = 0;

	while (top > s->pkt->layers && top[-1].proto == ly->proto &&
	    top[-1].depth == ly->depth)
		top--;
	end = s->pkt->layers + s->pkt->nlayers;
	st_out_puts(s->o, "mpls ");
	for (l = top; l < end && l->proto == ly->proto && l->depth ==
	    ly->depth; l++) {
		st_ly_fields(s->pkt, l, mpls_fields, F_CWSEQ + 1, f);
		if (f[F_LABEL] != NULL)
			st_out_printf(s->o, "%s%u", n++ > 0 ? "/" : "",
			    (unsigned)f[F_LABEL]->val);
	}
	st_ly_fields(s->pkt, top, mpls_fields, F_CWSEQ + 1, f);
	if (f[F_TTL] != NULL)
		st_out_printf(s->o, " ttl %u", (unsigned)f[F_TTL]->val);
	return 1;
}

static const struct st_field_desc *const mpls_keys[] = {
	&mpls_fields[F_LABEL], &mpls_fields[F_S], &mpls_fields[F_TTL], NULL,
};

const struct st_proto st_proto_mpls = {
	.name = "mpls",
	.ws = "mpls",
	.title = "MultiProtocol Label Switching",
	.rfc = "RFC 3032",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TUNNEL,
	.fields = mpls_fields,
	.nfields = NFIELDS(mpls_fields),
	.decode = mpls_decode,
	.binds = mpls_binds,
	.nbinds = NFIELDS(mpls_binds),
	.summary = mpls_summary,
	.keys = mpls_keys,
	.color = "\033[33m",
	.explain_bits = 32,
	.explain = "Each 32-bit entry is a label, a traffic class, the bottom "
	    "of stack bit S and a TTL; entries repeat until S is set. The "
	    "payload's type is not said: its first nibble is the guess.",
};
