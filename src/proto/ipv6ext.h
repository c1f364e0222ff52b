/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the IPv6 extension headers share (RFC 8200 4): the bound on how many
 * a chain may hold, and the start each header's decoder makes.  Included by
 * the files of the extension headers only.
 */
#ifndef STRATA_PROTO_IPV6EXT_H
#define STRATA_PROTO_IPV6EXT_H

#include "fields.h"

/* Counts the extension headers already in this chain. */
static inline unsigned
ext_count(const struct st_dctx *d)
{
	return st_dcount_kind(d, 0, ST_ROLE_NETEXT);
}

/*
 * The start every extension header shares: checks the chain bound and that
 * hdr bytes fit in what the IPv6 header declared, then sets what follows.
 */
static inline int
ext_common(struct st_dctx *d, struct st_cur *c, size_t hdr)
{
	if (ext_count(d) >= ST_MAX_EXTHDR)
		return st_dmalformed(d, "more than %d extension headers",
		    ST_MAX_EXTHDR);
	if (d->net.fam == 6 && hdr > d->net.tlen)
		return st_dmalformed(d, "extension header of %zu bytes runs "
		    "past the payload length %u", hdr, d->net.tlen);
	if (!st_cur_need(c, hdr)) {
		d->hdr = st_cur_left(c);
		return ST_ETRUNC;
	}
	d->hdr = hdr;
	if (d->net.tlen >= hdr)
		d->net.tlen -= (uint32_t)hdr;
	d->plen = d->net.tlen;
	d->next_key = ST_KEY_IPPROTO;
	d->next_val = (uint32_t)st_peek_bits(c, 0, 8);
	return ST_OK;
}

#endif /* STRATA_PROTO_IPV6EXT_H */
