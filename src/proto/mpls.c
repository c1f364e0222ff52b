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
 * Entries repeat until the bottom-of-stack bit S; one layer holds them
 * all.  Nothing says what the payload is: as Wireshark guesses, a first
 * nibble of 4 is IPv4, 6 IPv6, and 0 a pseudowire control word (RFC 4385)
 * before an Ethernet frame.
 */
#include <pcap/dlt.h>

#include "fields.h"

#define MPLS_MAX_LABELS	16	/* entries decoded in one stack */

enum { F_LABEL, F_EXP, F_S, F_TTL, F_CW };

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
};

/* What the bytes after the stack are, by their first nibble. */
static void
mpls_payload(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_cur p = *c;
	unsigned nib;

	p.off += off;
	if (st_cur_left(&p) == 0)
		return;
	nib = (unsigned)st_peek_bits(&p, 0, 4);
	if (nib == 4 || nib == 6) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = nib == 4 ? 0x0800 : 0x86dd;
	} else if (nib == 0 && st_cur_left(&p) >= 4 + 14) {
		st_dfield(d, &p, &mpls_fields[F_CW]);
		d->hdr += 4;
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_EN10MB;
	} else
		d->data = 1;
}

static int
mpls_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur e;
	unsigned i;

	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	for (i = 0; i < MPLS_MAX_LABELS; i++) {
		e = *c;
		e.off += (size_t)i * 4;
		st_dfields(d, &e, mpls_fields, F_CW);
		if (e.err != ST_OK) {
			d->hdr = st_cur_left(c);
			return e.err;
		}
		if (st_peek_bits(&e, 23, 1)) {
			d->hdr = (size_t)(i + 1) * 4;
			mpls_payload(d, c, d->hdr);
			return ST_OK;
		}
	}
	d->hdr = (size_t)i * 4;
	return st_dmalformed(d, "no bottom of stack in %d labels",
	    MPLS_MAX_LABELS);
}

static const struct st_bind mpls_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8847 },
	{ ST_KEY_ETHERTYPE, 0x8848 },
	{ ST_KEY_PPP, 0x0281 },
	{ ST_KEY_IPPROTO, 137 },
	{ ST_KEY_UDPPORT, 6635 },
};

/* @summary */
#include "strata/out.h"

/* "mpls 16/17 ttl 64": the stack, top first, and the top entry's TTL. */
static int
mpls_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields, *ttl = NULL;
	int n = 0;

	st_out_puts(s->o, "mpls ");
	for (; f < end; f++) {
		if (f->desc == &mpls_fields[F_LABEL])
			st_out_printf(s->o, "%s%u", n++ > 0 ? "/" : "",
			    (unsigned)f->val);
		else if (f->desc == &mpls_fields[F_TTL] && ttl == NULL)
			ttl = f;
	}
	if (ttl != NULL)
		st_out_printf(s->o, " ttl %u", (unsigned)ttl->val);
	return 1;
}

/* @views */
static const struct st_field_desc *const mpls_keys[] = {
	&mpls_fields[F_LABEL], &mpls_fields[F_S], &mpls_fields[F_TTL], NULL,
};

/* @craft */

/* @probes */

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
	/* @summary */
	.summary = mpls_summary,
	/* @views */
	.keys = mpls_keys,
	.color = "\033[33m",
	.explain_bits = 32,
	.explain = "Each 32-bit entry is a label, a traffic class, the bottom "
	    "of stack bit S and a TTL; entries repeat until S is set. The "
	    "payload's type is not said: its first nibble is the guess.",
	/* @craft */
	/* @probes */
};
