/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The protocols by name, for the code that has not yet moved its protocol
 * knowledge into the descriptors (docs/architecture.md, "what is left").
 * Each file that includes this names protocols it should not; the goal is
 * that only src/proto/registry.c declares these.
 */
#ifndef STRATA_PROTOS_H
#define STRATA_PROTOS_H

#include "strata/proto.h"

extern const struct st_proto st_proto_eth, st_proto_vlan, st_proto_qinq,
    st_proto_sll, st_proto_sll2, st_proto_null, st_proto_llc, st_proto_arp,
    st_proto_ipv4, st_proto_ipv6, st_proto_hopopts, st_proto_routing,
    st_proto_frag6, st_proto_dstopts, st_proto_icmp, st_proto_icmpv6,
    st_proto_tcp, st_proto_udp, st_proto_dns, st_proto_http, st_proto_tls,
    st_proto_data, st_proto_trailer;

#endif /* STRATA_PROTOS_H */
