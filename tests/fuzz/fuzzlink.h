/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The packet targets' input (fuzz_decode, fuzz_views; seeds.py writes it):
 * two bytes of link type, then the frame.
 *
 *   byte 0: bit 7 set: the frame was longer on the wire than captured;
 *           bits 2..6: free for the target's own choices (views: colour,
 *           listener, ...); bits 0..1: the link type's high bits
 *   byte 1: the link type's low bits (a DLT_*, so 0..1023)
 *
 * The link types are the raw IP ones the decode loop knows by itself and
 * every one the registry binds (ST_KEY_LINK), found by walking the
 * descriptors, so a protocol that binds a new link type is fuzzed without
 * a change here.  A value that is none of them picks one by its rest.
 */
#ifndef FUZZLINK_H
#define FUZZLINK_H

#include <stddef.h>
#include <stdint.h>

#include <pcap/dlt.h>

#include "strata/decode.h"

#define FZ_MAXLINKS	64
#define FZ_HDR		2

static int
fz_link(const uint8_t *data)
{
	static int links[FZ_MAXLINKS];
	static size_t nlinks;
	const struct st_proto *p;
	size_t k, i;
	int lt;

	if (nlinks == 0) {
		links[nlinks++] = DLT_RAW;
		links[nlinks++] = DLT_IPV4;
		links[nlinks++] = DLT_IPV6;
		for (k = 0; (p = st_protos[k]) != NULL; k++)
			for (i = 0; i < p->nbinds; i++)
				if (p->binds[i].key == ST_KEY_LINK &&
				    nlinks < FZ_MAXLINKS)
					links[nlinks++] = (int)p->binds[i].val;
	}
	lt = (data[0] & 3) << 8 | data[1];
	for (i = 0; i < nlinks; i++)
		if (links[i] == lt)
			return lt;
	return links[(size_t)lt % nlinks];
}

/* Points pkt at the frame after the header; returns the link type, or -1
 * when the input is too short to hold a header. */
static int
fz_packet(struct st_packet *pkt, const uint8_t *data, size_t size)
{
	uint32_t n;

	if (size < FZ_HDR)
		return -1;
	n = (uint32_t)(size - FZ_HDR);
	st_pkt_reset(pkt, data + FZ_HDR, n, n + (data[0] & 0x80 ? 100 : 0));
	pkt->num = 1;
	return fz_link(data);
}

#endif /* FUZZLINK_H */
