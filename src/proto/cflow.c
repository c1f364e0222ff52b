/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Cisco NetFlow versions 1, 5, 7, 8 and 9 (RFC 3954) and IPFIX (RFC 7011,
 * "version 10"), UDP ports 2055 and 9996 (NetFlow) and 4739 (IPFIX), as
 * Wireshark's cflow dissector binds them: a router's flow cache exports
 * one record per flow it saw (addresses, ports, packet and byte counts,
 * when the flow started and ended) to a collector.
 *
 * Versions 1, 5 and 7 carry fixed 48- or 52-byte records after a header:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Version            |         Count (records)       |
 * |              System uptime (milliseconds)                     |
 * |              Seconds since 1970    |    Residual nanoseconds   |
 * |   v5, v7, v8: flow sequence; v5: engine type, ID, sampling;   |
 * |   v7: reserved; v8: engine, aggregation method and version    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Version 9 and IPFIX carry sets (flowsets): templates, which say what
 * fields a record of a template ID holds and how long each is, and data
 * sets of records, which only a template seen before can read.  The
 * templates are kept per capture (src/proto/cflowset.c).  Version 8's
 * aggregation records, whose layout each of eleven methods defines, are
 * decoded for methods 1 to 5; the ToS methods 6 to 11 are left as bytes
 * of its layer.
 */
#include "strata/out.h"
#include "cflow.h"

#define CF_MAX_RECS	64	/* records of versions 1, 5, 7 decoded */

static const struct st_valname ver_names[] = {
	{ 1, "NetFlow v1" }, { 5, "NetFlow v5" }, { 7, "NetFlow v7" },
	{ 8, "NetFlow v8" }, { 9, "NetFlow v9" }, { 10, "IPFIX" },
	{ 0, NULL }
};

static const struct st_valname smode_names[] = {
	{ 0, "No sampling mode configured" },
	{ 1, "Packet Interval sampling mode configured" },
	{ 2, "Random sampling mode configured" }, { 0, NULL }
};

static const struct st_valname setid_names[] = {
	{ 0, "Data Template (V9)" }, { 1, "Options Template (V9)" },
	{ 2, "Data Template (V10 [IPFIX])" },
	{ 3, "Options Template (V10 [IPFIX])" }, { 0, NULL }
};

#define U(i, n, l, off, w)	[i] = FD(NULL, n, l, off, w, ST_FMT_DEC)
#define X(i, n, l, off, w)	[i] = FD(NULL, n, l, off, w, ST_FMT_HEX)
#define A(i, n, l, off)		[i] = FD(NULL, n, l, off, 32, ST_FMT_IPV4)
#define A6(i, n, l)		[i] = FD(NULL, n, l, 0, 128, ST_FMT_IPV6)
#define M(i, n, l)		[i] = FD(NULL, n, l, 0, 48, ST_FMT_MAC)
#define B(i, n, l, off, w)	[i] = FD(NULL, n, l, off, w, ST_FMT_BYTES)
#define T(i, n, l, off, w)	[i] = FD(NULL, n, l, off, w, ST_FMT_TEXT)
/* An information element: its width is the template's, 0 here. */
#define E(i, n, l)		[i] = FD(NULL, n, l, 0, 0, ST_FMT_DEC)
#define EX(i, n, l)		[i] = FD(NULL, n, l, 0, 0, ST_FMT_HEX)
#define EB(i, n, l)		[i] = FD(NULL, n, l, 0, 0, ST_FMT_BYTES)
#define ET(i, n, l)		[i] = FD(NULL, n, l, 0, 0, ST_FMT_TEXT)

const struct st_field_desc cf_fields[CF_NROWS] = {
	[H_VER] = FDN("version", "cflow.version", "Version", 0, 16,
	    ST_FMT_DEC, ver_names),
	U(H_COUNT, "cflow.count", "Count", 16, 16),
	T(H_UPTIME, "cflow.sysuptime", "System uptime", 32, 32),
	T(H_TS8, "cflow.timestamp", "Timestamp", 64, 64),
	T(H_TS4, "cflow.timestamp", "Timestamp", 64, 32),
	T(H_TS10, "cflow.timestamp", "Timestamp", 32, 32),
	U(H_SECS, "cflow.unix_secs", "Current seconds", 64, 32),
	U(H_NSECS, "cflow.unix_nsecs", "Residual nanoseconds", 96, 32),
	U(H_SEQ5, "cflow.sequence", "Flow sequence", 128, 32),
	U(H_ETYPE, "cflow.engine_type", "Engine type", 160, 8),
	U(H_EID, "cflow.engine_id", "Engine ID", 168, 8),
	[H_SMODE] = FDN(NULL, "cflow.samplingmode", "Sampling mode", 176, 2,
	    ST_FMT_DEC, smode_names),
	U(H_SRATE, "cflow.samplerate", "Sampling rate (1 in)", 178, 14),
	B(H_RES7, "cflow.reserved", "Reserved", 160, 32),
	U(H_AGGM, "cflow.aggmethod", "Aggregation method", 176, 8),
	U(H_AGGV, "cflow.aggversion", "Aggregation version", 184, 8),
	B(H_RES8, "cflow.reserved", "Reserved", 192, 32),
	U(H_SEQ9, "cflow.sequence", "Flow sequence", 96, 32),
	U(H_SRCID, "cflow.source_id", "Source ID", 128, 32),
	U(H_LEN, "cflow.len", "Length", 16, 16),
	U(H_EXPT, "cflow.exporttime", "Export time", 32, 32),
	U(H_SEQ10, "cflow.sequence", "Sequence number", 64, 32),
	U(H_ODID, "cflow.od_id", "Observation domain ID", 96, 32),

	A(R_SRC, "cflow.srcaddr", "Source address", 0),
	A(R_DST, "cflow.dstaddr", "Destination address", 32),
	A(R_HOP, "cflow.nexthop", "Next hop", 64),
	U(R_IN, "cflow.inputint", "Input interface", 96, 16),
	U(R_OUT, "cflow.outputint", "Output interface", 112, 16),
	U(R_PKTS, "cflow.packets", "Packets", 128, 32),
	U(R_OCTS, "cflow.octets", "Octets", 160, 32),
	T(R_DELTA, "cflow.timedelta", "Duration", 192, 64),
	T(R_START, "cflow.timestart", "Start time (uptime)", 192, 32),
	T(R_END, "cflow.timeend", "End time (uptime)", 224, 32),
	U(R_SPORT, "cflow.srcport", "Source port", 256, 16),
	U(R_DPORT, "cflow.dstport", "Destination port", 272, 16),
	B(R1_PAD1, "cflow.padding", "Padding", 288, 16),
	B(R5_PAD1, "cflow.padding", "Padding", 288, 8),
	U(R1_PROTO, "cflow.protocol", "Protocol", 304, 8),
	X(R1_TOS, "cflow.tos", "IP ToS", 312, 8),
	X(R1_TCPF, "cflow.tcpflags", "TCP flags", 320, 8),
	B(R1_PAD, "cflow.padding", "Padding", 328, 24),
	B(R1_RES, "cflow.reserved", "Reserved", 352, 32),
	X(R7_FLAGS, "cflow.flags", "Export flags", 288, 8),
	X(R5_TCPF, "cflow.tcpflags", "TCP flags", 296, 8),
	U(R5_PROTO, "cflow.protocol", "Protocol", 304, 8),
	X(R5_TOS, "cflow.tos", "IP ToS", 312, 8),
	U(R5_SAS, "cflow.srcas", "Source AS", 320, 16),
	U(R5_DAS, "cflow.dstas", "Destination AS", 336, 16),
	U(R5_SMASK, "cflow.srcmask", "Source mask", 352, 8),
	U(R5_DMASK, "cflow.dstmask", "Destination mask", 360, 8),
	B(R5_PAD, "cflow.padding", "Padding", 368, 16),
	A(R7_RSC, "cflow.routersc", "Router shortcut", 384),

	U(V8_FLOWS, "cflow.flows", "Flows", 0, 32),
	U(V8_PKTS, "cflow.packets", "Packets", 32, 32),
	U(V8_OCTS, "cflow.octets", "Octets", 64, 32),
	U(V8_SAS, "cflow.srcas", "Source AS", 160, 16),
	U(V8_DAS, "cflow.dstas", "Destination AS", 176, 16),
	U(V8_IN, "cflow.inputint", "Input interface", 192, 16),
	U(V8_OUT, "cflow.outputint", "Output interface", 208, 16),
	U(V8_PROTO, "cflow.protocol", "Protocol", 160, 8),
	B(V8_PAD1, "cflow.padding", "Padding", 168, 8),
	B(V8_RES2, "cflow.reserved", "Reserved", 176, 16),
	U(V8_SPORT, "cflow.srcport", "Source port", 192, 16),
	U(V8_DPORT, "cflow.dstport", "Destination port", 208, 16),
	A(V8_SNET, "cflow.srcnet", "Source prefix", 160),
	U(V8_SMASK, "cflow.srcmask", "Source mask", 192, 8),
	B(V8_PAD, "cflow.padding", "Padding", 200, 8),
	U(V8_SAS3, "cflow.srcas", "Source AS", 208, 16),
	U(V8_IN3, "cflow.inputint", "Input interface", 224, 16),
	B(V8_RES3, "cflow.reserved", "Reserved", 240, 16),
	A(V8_DNET, "cflow.dstnet", "Destination prefix", 160),
	U(V8_DMASK, "cflow.dstmask", "Destination mask", 192, 8),
	U(V8_DAS4, "cflow.dstas", "Destination AS", 208, 16),
	U(V8_OUT4, "cflow.outputint", "Output interface", 224, 16),
	A(V8_DNET5, "cflow.dstnet", "Destination prefix", 192),
	U(V8_SMASK5, "cflow.srcmask", "Source mask", 224, 8),
	U(V8_DMASK5, "cflow.dstmask", "Destination mask", 232, 8),
	B(V8_RES5, "cflow.reserved", "Reserved", 240, 16),
	U(V8_SAS5, "cflow.srcas", "Source AS", 256, 16),
	U(V8_DAS5, "cflow.dstas", "Destination AS", 272, 16),
	U(V8_IN5, "cflow.inputint", "Input interface", 288, 16),
	U(V8_OUT5, "cflow.outputint", "Output interface", 304, 16),

	[S_ID] = FDN(NULL, "cflow.flowset_id", "FlowSet ID", 0, 16,
	    ST_FMT_DEC, setid_names),
	U(S_LEN, "cflow.flowset_length", "FlowSet length", 16, 16),
	B(S_PAD, "cflow.padding", "Padding", 0, 0),
	[S_TFRAME] = FDG("cflow.template_frame", "Template frame",
	    ST_FMT_DEC, NULL),
	U(T_ID, "cflow.template_id", "Template ID", 0, 16),
	U(T_COUNT, "cflow.template_field_count", "Field count", 16, 16),
	U(T_TYPE9, "cflow.template_field_type", "Field type", 0, 16),
	U(T_FLEN, "cflow.template_field_length", "Field length", 16, 16),
	[T_PENF] = FD(NULL, "cflow.template_ipfix_pen_provided",
	    "Enterprise number provided", 0, 1, ST_FMT_BOOL),
	U(T_TYPE10, "cflow.template_ipfix_field_type", "Field type", 1, 15),
	U(T_CISCO, "cflow.template_cisco_field_type", "Cisco field type", 1,
	    15),
	U(T_ENT, "cflow.template_ipfix_field_type_enterprise",
	    "Enterprise field type", 1, 15),
	U(T_PEN, "cflow.template_ipfix_field_pen", "Enterprise number", 32,
	    32),
	U(O_SCOPELEN, "cflow.option_scope_length", "Scope length (bytes)", 16,
	    16),
	U(O_OPTLEN, "cflow.option_length", "Option length (bytes)", 32, 16),
	U(O_SCOPE9, "cflow.scope_field_type", "Scope type", 0, 16),
	U(O_TOTAL, "cflow.template_ipfix_total_field_count", "Field count",
	    16, 16),
	U(O_SCOPECNT, "cflow.template_ipfix_scope_field_count",
	    "Scope field count", 32, 16),
	EB(D_NOTMPL, "strata.cflow.no_template",
	    "Data, no template seen for it"),
	EB(D_UNKNOWN, "cflow.unknown_field_type", "Unknown field type"),
	EB(D_ENT, "cflow.enterprise_private_entry",
	    "Enterprise private entry"),
	EB(D_OTHER, "strata.cflow.field", "Field strata does not name"),
	U(D_SLEN1, "cflow.string_len_short", "String length", 0, 8),
	U(D_SLEN2, "cflow.string_len_long", "String length", 8, 16),
	[D_TCPRES] = FDD(NULL, "cflow.tcpflags.reserved", "Reserved", 0, 2,
	    ST_FMT_HEX),
	[D_URG] = FDD(NULL, "cflow.tcpflags.urg", "URG", 2, 1, ST_FMT_BOOL),
	[D_ACK] = FDD(NULL, "cflow.tcpflags.ack", "ACK", 3, 1, ST_FMT_BOOL),
	[D_PSH] = FDD(NULL, "cflow.tcpflags.psh", "PSH", 4, 1, ST_FMT_BOOL),
	[D_RST] = FDD(NULL, "cflow.tcpflags.rst", "RST", 5, 1, ST_FMT_BOOL),
	[D_SYN] = FDD(NULL, "cflow.tcpflags.syn", "SYN", 6, 1, ST_FMT_BOOL),
	[D_FIN] = FDD(NULL, "cflow.tcpflags.fin", "FIN", 7, 1, ST_FMT_BOOL),

	E(E_OCTETS, "cflow.octets", "Octets"),
	E(E_PACKETS, "cflow.packets", "Packets"),
	E(E_FLOWS, "cflow.flows", "Flows"),
	E(E_PROTO, "cflow.protocol", "Protocol"),
	EX(E_TOS, "cflow.tos", "IP ToS"),
	EX(E_TCPF, "cflow.tcpflags", "TCP flags"),
	E(E_SPORT, "cflow.srcport", "Source port"),
	A(E_SRC, "cflow.srcaddr", "Source address", 0),
	E(E_SMASK, "cflow.srcmask", "Source mask"),
	E(E_IN, "cflow.inputint", "Input interface"),
	E(E_DPORT, "cflow.dstport", "Destination port"),
	A(E_DST, "cflow.dstaddr", "Destination address", 0),
	E(E_DMASK, "cflow.dstmask", "Destination mask"),
	E(E_OUT, "cflow.outputint", "Output interface"),
	A(E_HOP, "cflow.nexthop", "Next hop", 0),
	E(E_SAS, "cflow.srcas", "Source AS"),
	E(E_DAS, "cflow.dstas", "Destination AS"),
	A(E_BGPHOP, "cflow.bgpnexthop", "BGP next hop", 0),
	E(E_MULPKTS, "cflow.mulpackets", "Multicast packets"),
	E(E_MULOCTS, "cflow.muloctets", "Multicast octets"),
	ET(E_END, "cflow.timeend", "End time (uptime)"),
	ET(E_START, "cflow.timestart", "Start time (uptime)"),
	E(E_POSTOCTS, "cflow.post_octets", "Post octets"),
	E(E_POSTPKTS, "cflow.post_packets", "Post packets"),
	E(E_LMIN, "cflow.length_min", "Minimum packet length"),
	E(E_LMAX, "cflow.length_max", "Maximum packet length"),
	A6(E_SRC6, "cflow.srcaddrv6", "Source address"),
	A6(E_DST6, "cflow.dstaddrv6", "Destination address"),
	E(E_SMASK6, "cflow.srcmaskv6", "Source mask"),
	E(E_DMASK6, "cflow.dstmaskv6", "Destination mask"),
	E(E_LABEL6, "cflow.ipv6flowlabel", "IPv6 flow label"),
	EX(E_ICMPTC, "cflow.icmp_type_code_ipv4", "ICMP type and code"),
	E(E_IGMP, "cflow.igmp_type", "IGMP type"),
	E(E_SINT, "cflow.sampling_interval", "Sampling interval"),
	E(E_SALG, "cflow.sampling_algorithm", "Sampling algorithm"),
	E(E_ACTIVE, "cflow.flow_active_timeout", "Active timeout (s)"),
	E(E_INACTIVE, "cflow.flow_inactive_timeout", "Inactive timeout (s)"),
	E(E_ETYPE, "cflow.engine_type", "Engine type"),
	E(E_EID, "cflow.engine_id", "Engine ID"),
	E(E_OCTSEXP, "cflow.octetsexp", "Octets exported"),
	E(E_PKTSEXP, "cflow.packetsexp", "Packets exported"),
	E(E_FLOWSEXP, "cflow.flowsexp", "Flows exported"),
	A6(E_HOP6, "cflow.nexthopv6", "Next hop"),
	A6(E_BGPHOP6, "cflow.bgpnexthopv6", "BGP next hop"),
	EX(E_EXTHDR, "cflow.ipv6_exthdr", "IPv6 extension headers"),
	M(E_SMAC, "cflow.srcmac", "Source MAC"),
	M(E_DMAC, "cflow.dstmac", "Destination MAC"),
	E(E_VLAN, "cflow.vlanid", "VLAN ID"),
	E(E_POSTVLAN, "cflow.post_vlanid", "Post VLAN ID"),
	E(E_IPVER, "cflow.ip_version", "IP version"),
	E(E_DIR, "cflow.direction", "Direction"),
	E(E_TOPTYPE, "cflow.toplabeltype", "Top MPLS label type"),
	A(E_TOPADDR, "cflow.toplabeladdr", "Top MPLS label address", 0),
	E(E_SAMPLER, "cflow.sampler_id", "Sampler ID"),
	E(E_TTLMIN, "cflow.ttl_min", "Minimum TTL"),
	E(E_TTLMAX, "cflow.ttl_max", "Maximum TTL"),
	EX(E_POSTTOS, "cflow.post_tos", "Post IP ToS"),
	M(E_POSTSMAC, "cflow.post_srcmac", "Post source MAC"),
	M(E_POSTDMAC, "cflow.post_dstmac", "Post destination MAC"),
	ET(E_IFNAME, "cflow.if_name", "Interface name"),
	ET(E_IFDESCR, "cflow.if_descr", "Interface description"),
	A(E_EXPADDR, "cflow.exporter_addr", "Exporter address", 0),
	A6(E_EXPADDR6, "cflow.exporter_addr_v6", "Exporter address"),
	E(E_ENDREASON, "cflow.flow_end_reason", "Flow end reason"),
	E(E_FLOWID, "cflow.flow_id", "Flow ID"),
	E(E_ICMPTYPE, "cflow.icmp_ipv4_type", "ICMP type"),
	E(E_ICMPCODE, "cflow.icmp_ipv4_code", "ICMP code"),
	A(E_NATSRC, "cflow.post_natsource_ipv4_address",
	    "Post-NAT source address", 0),
	A(E_NATDST, "cflow.post_natdestination_ipv4_address",
	    "Post-NAT destination address", 0),
	E(E_NAPTSRC, "cflow.post_naptsource_transport_port",
	    "Post-NAPT source port"),
	E(E_NAPTDST, "cflow.post_naptdestination_transport_port",
	    "Post-NAPT destination port"),
	E(E_PERMOCTS, "cflow.permanent_octets", "Permanent octets"),
	E(E_PERMPKTS, "cflow.permanent_packets", "Permanent packets"),
	E(E_FRAGID, "cflow.frag_ident", "Fragment identification"),
	E(E_FRAGOFF, "cflow.fragment_offset", "Fragment offset"),
	ET(E_ABSSTART, "cflow.abstimestart", "Start time"),
	ET(E_ABSEND, "cflow.abstimeend", "End time"),
	E(E_ODID, "cflow.od_id", "Observation domain ID"),
	EB(E_SCSYS, "cflow.scope_system", "Scope: system"),
	E(E_SCIF, "cflow.scope_interface", "Scope: interface"),
	E(E_SCLC, "cflow.scope_linecard", "Scope: line card"),
	EB(E_SCCACHE, "cflow.scope_cache", "Scope: cache"),
	EB(E_SCTMPL, "cflow.scope_template", "Scope: template"),
	[E_DELTA] = FDG("cflow.timedelta", "Duration", ST_FMT_TEXT, NULL),
};

int
cf_at(struct st_dctx *d, struct st_cur *w, size_t pos, int first, size_t n)
{
	st_dfields_at(d, w, pos, &cf_fields[first], n);
	return w->err;
}

struct st_field *
cf_abstime(struct st_dctx *d, struct st_cur *c, int row, size_t pos,
    size_t n, int64_t secs, uint32_t nsec)
{
	struct st_field *f;
	size_t k;

	/* st_dunixtime writes the whole seconds; the fraction goes after. */
	f = st_dunixtime(d, c, &cf_fields[row], pos, n, secs);
	if (f != NULL && f->meaning != NULL &&
	    (k = strlen(f->meaning)) > 13 && nsec != 0)
		f->meaning = st_pkt_printf(d->pkt, "%.*s%09u UTC",
		    (int)(k - 13), f->meaning, (unsigned)(nsec % 1000000000u));
	return f;
}

void
cf_relfmt(char *buf, size_t n, int64_t ms)
{
	uint64_t a = ms < 0 ? (uint64_t)-ms : (uint64_t)ms;

	snprintf(buf, n, "%s%llu.%03u000000", ms < 0 ? "-" : "",
	    (unsigned long long)(a / 1000), (unsigned)(a % 1000));
}

struct st_field *
cf_reltime(struct st_dctx *d, struct st_cur *c, int row, size_t pos,
    size_t n, int64_t ms)
{
	char buf[40];

	cf_relfmt(buf, sizeof(buf), ms);
	return st_dtext(d, c, &cf_fields[row], pos, n, buf);
}

static uint32_t
cf_u32(struct st_cur *c, size_t pos)
{
	return (uint32_t)st_peek_bits(c, pos * 8, 32);
}

/* The header of versions 1, 5, 7 and 8: what they share. */
static int
cf_head(struct st_dctx *d, struct st_cur *c)
{
	if (cf_at(d, c, 0, H_VER, 2) != ST_OK)
		return c->err;
	cf_reltime(d, c, H_UPTIME, 4, 4, cf_u32(c, 4));
	cf_abstime(d, c, H_TS8, 8, 8, cf_u32(c, 8), cf_u32(c, 12));
	return cf_at(d, c, 0, H_SECS, 2);
}

/* Version 8's aggregation methods 1 to 5 (AS, protocol and port, source
 * prefix, destination prefix, both prefixes): a record's bytes and its
 * rows after the counts and times. */
static const struct {
	uint8_t		 len;
	uint16_t	 rows[9];
} agg[6] = {
	{ 0, { 0 } },
	{ 28, { V8_SAS, V8_DAS, V8_IN, V8_OUT } },
	{ 28, { V8_PROTO, V8_PAD1, V8_RES2, V8_SPORT, V8_DPORT } },
	{ 32, { V8_SNET, V8_SMASK, V8_PAD, V8_SAS3, V8_IN3, V8_RES3 } },
	{ 32, { V8_DNET, V8_DMASK, V8_PAD, V8_DAS4, V8_OUT4, V8_RES3 } },
	{ 40, { V8_SNET, V8_DNET5, V8_SMASK5, V8_DMASK5, V8_RES5, V8_SAS5,
	    V8_DAS5, V8_IN5, V8_OUT5 } },
};

/* A record's first and last uptimes at pos past r, and the duration. */
static int
cf_times(struct st_dctx *d, struct st_cur *r, size_t pos)
{
	uint32_t start, end;

	if (!st_cur_need(r, pos + 8))
		return r->err;
	start = cf_u32(r, pos);
	end = cf_u32(r, pos + 4);
	/* As Wireshark: the difference of two 32-bit uptimes, unsigned. */
	cf_reltime(d, r, R_DELTA, pos, 8, (uint32_t)(end - start));
	cf_reltime(d, r, R_START, pos, 4, start);
	cf_reltime(d, r, R_END, pos + 4, 4, end);
	return ST_OK;
}

/* One record of version ver (1, 5, 7; 8 of aggregation method m) at r. */
static int
cf_record(struct st_dctx *d, struct st_cur *r, unsigned ver, unsigned m)
{
	size_t i;

	if (ver == 8) {
		if (cf_at(d, r, 0, V8_FLOWS, 3) != ST_OK ||
		    cf_times(d, r, 12) != ST_OK)
			return r->err;
		for (i = 0; i < 9 && agg[m].rows[i] != 0; i++)
			if (cf_at(d, r, 0, agg[m].rows[i], 1) != ST_OK)
				return r->err;
		return ST_OK;
	}
	if (cf_at(d, r, 0, R_SRC, R_OCTS - R_SRC + 1) != ST_OK ||
	    cf_times(d, r, 24) != ST_OK)
		return r->err;
	if (cf_at(d, r, 0, R_SPORT, 2) != ST_OK)
		return r->err;
	if (ver == 1)
		return cf_at(d, r, 0, R1_PAD1, 1) != ST_OK ? r->err :
		    cf_at(d, r, 0, R1_PROTO, R1_RES - R1_PROTO + 1);
	if (cf_at(d, r, 0, ver == 7 ? R7_FLAGS : R5_PAD1, 1) != ST_OK)
		return r->err;
	if (cf_at(d, r, 0, R5_TCPF, R5_PAD - R5_TCPF + 1) != ST_OK)
		return r->err;
	return ver == 7 ? cf_at(d, r, 0, R7_RSC, 1) : ST_OK;
}

/* Versions 1, 5, 7 and 8: a header and count fixed records. */
static int
cf_fixed(struct st_dctx *d, struct st_cur *c, unsigned ver)
{
	static const uint8_t hlen[9] = { 0, 16, 0, 0, 0, 24, 0, 24, 28 };
	size_t rlen = ver == 7 ? 52 : 48, i, n;
	unsigned m = 0;
	struct st_cur r;

	if (cf_head(d, c) != ST_OK)
		return c->err;
	if (ver == 5 && cf_at(d, c, 0, H_SEQ5, H_SRATE - H_SEQ5 + 1) != ST_OK)
		return c->err;
	if (ver == 7 && (cf_at(d, c, 0, H_SEQ5, 1) != ST_OK ||
	    cf_at(d, c, 0, H_RES7, 1) != ST_OK))
		return c->err;
	if (ver == 8 && (cf_at(d, c, 0, H_SEQ5, 3) != ST_OK ||
	    cf_at(d, c, 0, H_AGGM, 3) != ST_OK))
		return c->err;
	n = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = st_cur_left(c);
	if (ver == 8) {
		/* methods 6 to 11 (ToS variants) are not decoded */
		m = (unsigned)st_peek_bits(c, 176, 8);
		if (m == 0 || m > 5)
			return ST_OK;
		rlen = agg[m].len;
	}
	r = *c;
	r.off += hlen[ver];
	for (i = 0; i < n && i < CF_MAX_RECS; i++, r.off += rlen) {
		if (st_cur_left(&r) == 0 && d->pkt->caplen >= d->pkt->len)
			return st_dmalformed(d, "%zu records announced, %zu "
			    "found", n, i);
		if (cf_record(d, &r, ver, m) != ST_OK) {
			if (d->pkt->caplen < d->pkt->len)
				return ST_ETRUNC;
			return st_dmalformed(d, "record %zu of %zu bytes cut "
			    "short", i + 1, rlen);
		}
	}
	return ST_OK;
}

static int
cflow_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned ver;

	if (!st_cur_need(c, 2))
		return ST_ETRUNC;
	ver = (unsigned)st_peek_bits(c, 0, 16);
	switch (ver) {
	case 1:
	case 5:
	case 7:
	case 8:
		return cf_fixed(d, c, ver);
	case 9:
		if (cf_at(d, c, 0, H_VER, 2) != ST_OK || !st_cur_need(c, 20))
			return c->err;
		cf_reltime(d, c, H_UPTIME, 4, 4, cf_u32(c, 4));
		cf_abstime(d, c, H_TS4, 8, 4, cf_u32(c, 8), 0);
		if (cf_at(d, c, 0, H_SECS, 1) != ST_OK ||
		    cf_at(d, c, 0, H_SEQ9, 2) != ST_OK)
			return c->err;
		break;
	case 10:
		if (cf_at(d, c, 0, H_VER, 1) != ST_OK ||
		    cf_at(d, c, 0, H_LEN, 1) != ST_OK || !st_cur_need(c, 16))
			return c->err;
		cf_abstime(d, c, H_TS10, 4, 4, cf_u32(c, 4), 0);
		if (cf_at(d, c, 0, H_EXPT, 3) != ST_OK)
			return c->err;
		break;
	default:
		/* Wireshark's cflow takes no other version: not NetFlow. */
		return ST_ENOTME;
	}
	d->hdr = st_cur_left(c);
	{
		struct st_cur w = st_cur_sub(c, st_cur_left(c), NULL);
		uint32_t dom = cf_u32(c, ver == 9 ? 16 : 12);
		size_t hl = ver == 9 ? 20 : 16;

		if (ver == 10) {
			size_t len = (size_t)st_peek_bits(c, 16, 16);

			if (len < hl)
				return st_dmalformed(d, "message length %zu "
				    "shorter than its header", len);
			w = st_cur_sub(c, len, NULL);
		}
		w.off += hl;
		return cf_sets(d, &w, ver, dom);
	}
}

static const struct st_bind cflow_binds[] = {
	{ ST_KEY_UDPPORT, 2055 },
	{ ST_KEY_UDPPORT, 9996 },
	{ ST_KEY_UDPPORT, 4739 },
};

/* "NetFlow v5, 2 flows, seq 77" / "IPFIX, domain 42, seq 1, 68 bytes". */
static int
cflow_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[S_ID];
	const struct st_field *seq, *dom;
	const char *name;

	st_ly_fields(s->pkt, ly, cf_fields, S_ID, f);
	if (f[H_VER] == NULL)
		return 1;
	name = st_valname(ver_names, (uint32_t)f[H_VER]->val);
	if (name != NULL)
		st_out_puts(s->o, name);
	else {
		st_out_puts(s->o, "NetFlow v");
		s->value(s, f[H_VER]);
	}
	if (f[H_COUNT] != NULL) {
		st_out_puts(s->o, ", ");
		s->value(s, f[H_COUNT]);
		st_out_puts(s->o, f[H_VER]->val == 9 ? " record" :
		    f[H_VER]->val == 8 ? " aggregate" : " flow");
		if (f[H_COUNT]->val != 1)
			st_out_puts(s->o, "s");
	}
	dom = f[H_SRCID] != NULL ? f[H_SRCID] : f[H_ODID];
	if (dom != NULL) {
		st_out_puts(s->o, f[H_ODID] != NULL ? ", domain " :
		    ", source ");
		s->value(s, dom);
	}
	seq = f[H_SEQ5] != NULL ? f[H_SEQ5] : f[H_SEQ9] != NULL ?
	    f[H_SEQ9] : f[H_SEQ10];
	if (seq != NULL) {
		st_out_puts(s->o, ", seq ");
		s->value(s, seq);
	}
	if (f[H_LEN] != NULL) {
		st_out_puts(s->o, ", ");
		s->value(s, f[H_LEN]);
		st_out_puts(s->o, " bytes");
	}
	return 1;
}

static const struct st_field_desc *const cflow_keys[] = {
	&cf_fields[H_VER], &cf_fields[H_COUNT], &cf_fields[H_SEQ5], NULL,
};

const struct st_proto st_proto_cflow = {
	.name = "cflow",
	.ws = "cflow",
	.title = "Cisco NetFlow/IPFIX",
	.rfc = "RFC 3954 (NetFlow v9), RFC 7011 (IPFIX); Cisco NetFlow v1-v8",
	.role = ST_ROLE_APP,
	.fields = cf_fields,
	.nfields = CF_NROWS,
	.decode = cflow_decode,
	.binds = cflow_binds,
	.nbinds = NFIELDS(cflow_binds),
	.summary = cflow_summary,
	.keys = cflow_keys,
	.forget = cflow_forget,
	.color = "\033[32m",
	.explain_bits = 128,
	.explain = "A router keeps a cache of the flows it forwards (packets "
	    "with the same addresses, ports and protocol) and, when a flow "
	    "ends or times out, exports a record of it to a collector: "
	    "addresses, ports, packet and byte counts, and when it started "
	    "and ended, in milliseconds of the router's uptime.  Versions 1, "
	    "5 and 7 have fixed records; version 9 and IPFIX (version 10) "
	    "first send templates, which name each field and its length, and "
	    "then data sets whose records only a template seen earlier can "
	    "read, so a collector (and strata) that missed the template shows "
	    "the records as bytes until the exporter sends it again.  The "
	    "sequence number counts what was exported: a gap is lost export "
	    "datagrams, not lost traffic.",
};
