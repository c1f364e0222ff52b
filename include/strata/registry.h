/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The registry: the one list of protocols (src/proto/registry.c) and the
 * bind table made from their descriptors, which says which layer follows
 * which.  Look-ups by name are for what the user types (a spec, --follow,
 * explain); code inside strata holds descriptors and field rows by pointer.
 */
#ifndef STRATA_REGISTRY_H
#define STRATA_REGISTRY_H

#include <stdint.h>

#include "strata/proto.h"

/* Every protocol, NULL-terminated. */
extern const struct st_proto *const st_protos[];

/* The protocols the decode loop itself falls back on: bytes no decoder
 * claims, and bytes after the frame's payload. */
extern const struct st_proto st_proto_data, st_proto_trailer,
    st_proto_trailer_inner, st_proto_trailer_vlan, st_proto_trailer_qinq,
    st_proto_trailer_pbb, st_proto_trailer_sll, st_proto_trailer_other;

/* The protocol bound to (key, val), or NULL. */
const struct st_proto *st_proto_next(int key, uint64_t val);

/*
 * The application decoder for a TCP (key ST_KEY_TCPPORT), UDP or DCCP
 * segment between these ports, by the port bound to one, the lower first
 * (as Wireshark: both directions of a conversation then go the same way,
 * and a well-known port wins over a registered one), or NULL.
 */
const struct st_proto *st_proto_port(int key, uint16_t sport, uint16_t dport);

/*
 * The first application protocol, in registry order, with a port bound
 * under key (ST_KEY_TCPPORT or ST_KEY_UDPPORT) whose content heuristic
 * takes the payload at c, leaving skip out (a decoder that refused the
 * bytes already); NULL when none does.  Under ST_KEY_IPPROTO, the same
 * among the protocols of any role that bind an IP protocol: asked for an
 * IP protocol nothing binds (tshark's "ip" heuristics: CARP).
 */
const struct st_proto *st_proto_guess(int key, const struct st_cur *c,
    const struct st_proto *skip);

/*
 * The value under key that leads to p (the EtherType of IPv4, the IP
 * protocol number of TCP).  Returns 0 and sets *val, or -1.
 */
int st_proto_key(const struct st_proto *p, int key, uint64_t *val);

/* The protocol named name ("ipv4", or Wireshark's "ip"), or NULL. */
const struct st_proto *st_proto_find(const char *name);

/*
 * The descriptor of the field named name (Wireshark's name), in any
 * protocol's tables, or NULL.  For names the user types; code resolves the
 * names it uses once, and a unit test checks that every one resolves.
 */
const struct st_field_desc *st_desc_find(const char *name);

/* The protocol whose tables hold field row fd, or NULL. */
const struct st_proto *st_desc_proto(const struct st_field_desc *fd);

/* Shared value names: EtherTypes, IP protocol numbers, checksum status. */
extern const struct st_valname st_ethertype_names[];
extern const struct st_valname st_ipproto_names[];
extern const struct st_valname st_ck_names[];

/* Runs every protocol's init hook (st_decode_init calls it). */
void	st_registry_init(void);

#endif /* STRATA_REGISTRY_H */
