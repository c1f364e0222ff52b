/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which received packet answers the one sent.  Both are decoded models,
 * and each protocol says through its descriptor's probe hooks what an
 * answer to it is (an echo reply with the request's identifier and
 * sequence, a reply from the destination), which errors quote the packet
 * that caused them, and when a quoted copy is the packet sent; a
 * transport without hooks answers from the destination port back to the
 * source port.  No protocol is named here.
 */
#include "strata/decode.h"
#include "strata/net.h"

/* The first layer of protocol p at depth in pkt, or NULL. */
static const struct st_layer *
layer_of(const struct st_packet *pkt, const struct st_proto *p,
    unsigned depth)
{
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].proto == p && pkt->layers[i].depth == depth)
			return &pkt->layers[i];
	return NULL;
}

/* An outer layer above the network (transport, control, application):
 * where the matcher looks for what decides. */
static int
past_network(const struct st_layer *l)
{
	return l->depth == 0 && l->proto->role != ST_ROLE_NET &&
	    l->proto->role != ST_ROLE_NETEXT;
}

/* Ends of la in a and lb in b: equal (same), or swapped (!same). */
static int
ends(const struct st_packet *a, const struct st_layer *la,
    const struct st_packet *b, const struct st_layer *lb, int same)
{
	const struct st_field_desc *const *e = la->proto->ends;

	return e[0] != NULL && e[1] != NULL &&
	    st_probe_same2(a, la, e[0], b, lb, e[same ? 0 : 1]) &&
	    st_probe_same2(a, la, e[1], b, lb, e[same ? 1 : 0]);
}

/* The quoted packet in an error in got is the one sent (net layer sn). */
static int
quotes(const struct st_packet *sent, const struct st_layer *sn,
    const struct st_packet *got)
{
	const struct st_layer *q = layer_of(got, sn->proto, 1), *ql;
	unsigned i;

	if (q == NULL || sn->proto->quoted == NULL ||
	    !sn->proto->quoted(sent, sn, got, q))
		return 0;
	/* The first layer above the network quoted too decides. */
	for (i = (unsigned)(sn - sent->layers) + 1; i < sent->nlayers; i++) {
		const struct st_layer *sl = &sent->layers[i];

		if (!past_network(sl) ||
		    (ql = layer_of(got, sl->proto, 1)) == NULL)
			continue;
		if (sl->proto->quoted != NULL)
			return sl->proto->quoted(sent, sl, got, ql);
		if (sl->proto->ends[0] != NULL)
			return ends(sent, sl, got, ql, 1);
	}
	return 1;
}

int
st_match_reply(const struct st_packet *sent, const struct st_packet *got)
{
	const struct st_layer *sn = NULL, *gn, *sl;
	unsigned i;

	for (i = 0; i < sent->nlayers && sn == NULL; i++)
		if (sent->layers[i].depth == 0 &&
		    sent->layers[i].proto->role == ST_ROLE_NET &&
		    sent->layers[i].proto->answers != NULL)
			sn = &sent->layers[i];
	if (sn == NULL || (gn = layer_of(got, sn->proto, 0)) == NULL)
		return 0;
	/* Errors may come from any router on the way. */
	for (i = 0; i < got->nlayers; i++)
		if (got->layers[i].depth == 0 &&
		    got->layers[i].proto->is_error != NULL) {
			if (got->layers[i].proto->is_error(got,
			    &got->layers[i]))
				return quotes(sent, sn, got);
			break;
		}
	if (!sn->proto->answers(sent, sn, got, gn))
		return 0;
	/* The first layer above the network that knows its answer decides. */
	for (i = (unsigned)(sn - sent->layers) + 1; i < sent->nlayers; i++) {
		sl = &sent->layers[i];
		if (!past_network(sl))
			continue;
		if (sl->proto->answers != NULL)
			return sl->proto->answers(sent, sl, got,
			    layer_of(got, sl->proto, 0));
		if (sl->proto->ends[0] != NULL)
			return (gn = layer_of(got, sl->proto, 0)) != NULL &&
			    ends(sent, sl, got, gn, 0);
	}
	return 0;
}
