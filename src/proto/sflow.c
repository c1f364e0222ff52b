/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sFlow version 5 (sflow.org, "sFlow Version 5", July 2004; RFC 3176 for
 * versions 2 and 4), UDP port 6343: a switch or router copies one packet
 * in N (flow samples) and reads its interface counters now and then
 * (counter samples), and sends them to a collector in XDR.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Version (5)                            |
 * |              Agent address type (1 IPv4, 2 IPv6)              |
 * |                 Agent address (4 or 16 bytes)                 |
 * |            Sub-agent ID, sequence number, uptime (ms)         |
 * |                       Number of samples                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Each sample: a 20-bit enterprise and 12-bit format (1 flow, 2 counters,
 * 3 and 4 their expanded forms), its length, its fixed part and records,
 * each again enterprise/format, length and data.  A raw packet header
 * record carries the first bytes of the sampled frame: they are decoded
 * through the registry as a nested chain (Ethernet, IPv4 or IPv6), after
 * the whole datagram, as Wireshark shows them under the record.
 * Versions 2 and 4 are shown to the end of their datagram header.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define SF_MAX_SAMPLES	64	/* samples decoded in one datagram */
#define SF_MAX_RECORDS	64	/* records decoded in one sample */
#define SF_MAX_NEST	8	/* sampled headers decoded in one datagram */
#define SF_MAX_AS	64	/* AS path entries and communities shown */

/* The datagram header; H_SUB on are from after the agent address. */
enum { H_VER, H_ATYPE, H_AGENT4, H_AGENT6, H_SUB, H_SEQ, H_UP, H_NS,
	/* a sample's header */
	S_ENT, S_TYPE, S_LEN,
	/* flow sample (1), from its body */
	F_SEQ, F_CLASS, F_INDEX, F_RATE, F_POOL, F_DROPS, F_IN, F_OUT, F_OFMT,
	F_OVAL, F_NREC,
	/* expanded flow sample (3) */
	X_SEQ, X_TYPE, X_INDEX, X_RATE, X_POOL, X_DROPS, X_INFMT, X_INVAL,
	X_OUTFMT, X_OUTVAL, X_NREC,
	/* counter sample (2) and expanded (4) */
	C_SEQ, C_TYPE, C_INDEX, C_NREC, E_SEQ, E_TYPE, E_INDEX, E_NREC,
	/* a record's header: flow, counters, an unknown enterprise's */
	R_ENT, R_FFMT, R_CFMT, R_LEN, R_ELEN, R_EDATA,
	/* raw packet header (flow 1) */
	P_PROTO, P_FLEN, P_STRIP, P_HLEN, P_HDR,
	/* extended switch (1001), router (1002), gateway (1003) */
	W_VIN, W_PIN, W_VOUT, W_POUT, N_HOP4, N_HOP6, N_SMASK, N_DMASK,
	G_AS, G_SRCAS, G_PEERAS, G_NSEG, G_ASTYPE, G_DSTAS, G_NCOMM, G_PREF,
	/* generic interface counters (counters 1) */
	I_INDEX, I_TYPE, I_SPEED, I_DIR, I_ADMIN, I_OPER, I_INOCT, I_INPKT,
	I_INMC, I_INBC, I_INDISC, I_INERR, I_INUNK, I_OUTOCT, I_OUTPKT,
	I_OUTMC, I_OUTBC, I_OUTDISC, I_OUTERR, I_PROMISC,
	/* Ethernet interface counters (counters 2): 13 in a row */
	T_ALIGN, T_END = T_ALIGN + 13,
	/* VLAN counters (5) and processor (1001) */
	V_ID = T_END, V_OCT, V_UC, V_MC, V_BC, V_DISC, U_5S, U_1M, U_5M,
	U_TOTAL, U_FREE,
	/* versions 2 and 4: no sub-agent ID */
	O_SEQ, O_UP, O_NS, NROWS };

static const struct st_valname atype_names[] = {
	{ 1, "IPv4" }, { 2, "IPv6" }, { 0, NULL }
};

static const struct st_valname stype_names[] = {
	{ 1, "Flow sample" }, { 2, "Counters sample" },
	{ 3, "Expanded flow sample" }, { 4, "Expanded counters sample" },
	{ 0, NULL }
};

static const struct st_valname ffmt_names[] = {
	{ 1, "Raw packet header" }, { 2, "Ethernet frame data" },
	{ 3, "IPv4 data" }, { 4, "IPv6 data" },
	{ 1001, "Extended switch data" }, { 1002, "Extended router data" },
	{ 1003, "Extended gateway data" }, { 1004, "Extended user data" },
	{ 1005, "Extended URL data" }, { 1006, "Extended MPLS data" },
	{ 1007, "Extended NAT data" }, { 0, NULL }
};

static const struct st_valname cfmt_names[] = {
	{ 1, "Generic interface counters" },
	{ 2, "Ethernet interface counters" },
	{ 3, "Token ring counters" }, { 4, "100 BaseVG interface counters" },
	{ 5, "VLAN counters" }, { 1001, "Processor information" },
	{ 0, NULL }
};

static const struct st_valname hproto_names[] = {
	{ 1, "Ethernet" }, { 2, "Token Bus" }, { 3, "Token Ring" },
	{ 4, "FDDI" }, { 5, "Frame Relay" }, { 6, "X.25" }, { 7, "PPP" },
	{ 8, "SMDS" }, { 9, "AAL5" }, { 10, "AAL5 IP" }, { 11, "IPv4" },
	{ 12, "IPv6" }, { 13, "MPLS" }, { 14, "POS" }, { 0, NULL }
};

static const struct st_valname dir_names[] = {
	{ 0, "Unknown" }, { 1, "Full-Duplex" }, { 2, "Half-Duplex" },
	{ 3, "In" }, { 4, "Out" }, { 0, NULL }
};

#define U32(i, n, l, off) [i] = FD(NULL, n, l, off, 32, ST_FMT_DEC)
#define U64(i, n, l, off) [i] = FD(NULL, n, l, off, 64, ST_FMT_DEC)

static const struct st_field_desc sf_fields[NROWS] = {
	[H_VER] = FD("version", "sflow_245.version", "Datagram version", 0, 32,
	    ST_FMT_DEC),
	[H_ATYPE] = FDN(NULL, "sflow_245.agenttype", "Agent address type", 32,
	    32, ST_FMT_DEC, atype_names),
	[H_AGENT4] = FD(NULL, "sflow_245.agent", "Agent address", 64, 32,
	    ST_FMT_IPV4),
	[H_AGENT6] = FD(NULL, "sflow_245.agent.v6", "Agent address", 64, 128,
	    ST_FMT_IPV6),
	U32(H_SUB, "sflow_245.sub_agent_id", "Sub-agent ID", 0),
	U32(H_SEQ, "sflow_245.sequence_number", "Sequence number", 32),
	U32(H_UP, "sflow_245.sysuptime", "System uptime (ms)", 64),
	U32(H_NS, "sflow_245.numsamples", "Number of samples", 96),

	[S_ENT] = FD(NULL, "sflow.enterprise", "Enterprise", 0, 20,
	    ST_FMT_DEC),
	[S_TYPE] = FDN(NULL, "sflow_245.sampletype", "Sample type", 20, 12,
	    ST_FMT_DEC, stype_names),
	U32(S_LEN, "sflow_5.sample_length", "Sample length", 32),

	U32(F_SEQ, "sflow.flow_sample.sequence_number", "Sequence number", 0),
	[F_CLASS] = FD(NULL, "sflow.flow_sample.source_id_class",
	    "Source ID class", 32, 8, ST_FMT_DEC),
	[F_INDEX] = FD(NULL, "sflow.flow_sample.index", "Source ID index", 40,
	    24, ST_FMT_DEC),
	U32(F_RATE, "sflow.flow_sample.sampling_rate", "Sampling rate (1 in)",
	    64),
	U32(F_POOL, "sflow.flow_sample.sample_pool", "Sample pool", 96),
	U32(F_DROPS, "sflow.flow_sample.dropped_packets", "Dropped packets",
	    128),
	U32(F_IN, "sflow.flow_sample.input_interface", "Input interface", 160),
	[F_OUT] = FD(NULL, "sflow.flow_sample.output_interface",
	    "Output interface", 192, 32, ST_FMT_HEX),
	[F_OFMT] = FDD(NULL, "sflow.flow_sample.output_interface_format",
	    "Output interface format", 192, 2, ST_FMT_DEC),
	[F_OVAL] = FDD(NULL, "sflow.flow_sample.output_interface_value",
	    "Output interface value", 194, 30, ST_FMT_DEC),
	U32(F_NREC, "sflow.flow_sample.flow_record", "Flow records", 224),

	U32(X_SEQ, "sflow.flow_sample.sequence_number", "Sequence number", 0),
	U32(X_TYPE, "sflow.flow_sample.source_id_type", "Source ID type", 32),
	U32(X_INDEX, "sflow.flow_sample.source_id_index", "Source ID index",
	    64),
	U32(X_RATE, "sflow.flow_sample.sampling_rate", "Sampling rate (1 in)",
	    96),
	U32(X_POOL, "sflow.flow_sample.sample_pool", "Sample pool", 128),
	U32(X_DROPS, "sflow.flow_sample.dropped_packets", "Dropped packets",
	    160),
	U32(X_INFMT, "sflow.flow_sample.input_interface_format",
	    "Input interface format", 192),
	U32(X_INVAL, "sflow.flow_sample.input_interface_value",
	    "Input interface value", 224),
	/* Wireshark masks the format word with 0x7fffffff. */
	[X_OUTFMT] = FD(NULL, "sflow.flow_sample.output_interface.format",
	    "Output interface format", 257, 31, ST_FMT_DEC),
	U32(X_OUTVAL, "sflow.flow_sample.output_interface_value",
	    "Output interface value", 288),
	U32(X_NREC, "sflow.flow_sample.flow_record", "Flow records", 320),

	U32(C_SEQ, "sflow.counters_sample.sequence_number", "Sequence number",
	    0),
	[C_TYPE] = FD(NULL, "sflow.counters_sample.source_id_type",
	    "Source ID type", 32, 8, ST_FMT_DEC),
	[C_INDEX] = FD(NULL, "sflow.counters_sample.source_id_index",
	    "Source ID index", 40, 24, ST_FMT_DEC),
	U32(C_NREC, "sflow.counters_sample.counters_records",
	    "Counters records", 64),
	U32(E_SEQ, "sflow.counters_sample.sequence_number", "Sequence number",
	    0),
	U32(E_TYPE, "sflow.counters_sample.source_id_type", "Source ID type",
	    32),
	U32(E_INDEX, "sflow.counters_sample.source_id_index",
	    "Source ID index", 64),
	U32(E_NREC, "sflow.counters_sample.counters_records",
	    "Counters records", 96),

	[R_ENT] = FD(NULL, "sflow.enterprise", "Enterprise", 0, 20,
	    ST_FMT_DEC),
	[R_FFMT] = FDN(NULL, "sflow_245.flow_record_format", "Format", 20, 12,
	    ST_FMT_DEC, ffmt_names),
	[R_CFMT] = FDN(NULL, "sflow_245.counters_record_format", "Format", 20,
	    12, ST_FMT_DEC, cfmt_names),
	U32(R_LEN, "sflow_5.flow_data_length", "Data length", 32),
	U32(R_ELEN, "sflow.enterprise.length", "Length", 32),
	[R_EDATA] = FD(NULL, "sflow.enterprise.data", "Data", 64, 0,
	    ST_FMT_BYTES),

	[P_PROTO] = FDN(NULL, "sflow_245.header_protocol", "Header protocol",
	    0, 32, ST_FMT_DEC, hproto_names),
	U32(P_FLEN, "sflow_245.header.frame_length", "Frame length", 32),
	U32(P_STRIP, "sflow_245.header.payload_stripped", "Payload stripped",
	    64),
	U32(P_HLEN, "sflow_245.header.sampled_header_length",
	    "Sampled header length", 96),
	[P_HDR] = FD(NULL, "sflow_245.header", "Header of sampled packet", 128,
	    0, ST_FMT_BYTES),

	U32(W_VIN, "sflow_245.vlan.in", "Incoming 802.1Q VLAN", 0),
	U32(W_PIN, "sflow_245.pri.in", "Incoming 802.1p priority", 32),
	U32(W_VOUT, "sflow_245.vlan.out", "Outgoing 802.1Q VLAN", 64),
	U32(W_POUT, "sflow_245.pri.out", "Outgoing 802.1p priority", 96),
	[N_HOP4] = FD(NULL, "sflow_245.nexthop", "Next hop", 32, 32,
	    ST_FMT_IPV4),
	[N_HOP6] = FD(NULL, "sflow_245.nexthop.v6", "Next hop", 32, 128,
	    ST_FMT_IPV6),
	U32(N_SMASK, "sflow_245.nexthop.src_mask", "Next hop source mask", 0),
	U32(N_DMASK, "sflow_245.nexthop.dst_mask",
	    "Next hop destination mask", 32),
	U32(G_AS, "sflow_245.as", "AS router", 0),
	U32(G_SRCAS, "sflow_245.srcAS", "AS source", 32),
	U32(G_PEERAS, "sflow_245.peerAS", "AS peer", 64),
	U32(G_NSEG, "sflow_245.dstASentries", "AS path segments", 96),
	U32(G_ASTYPE, "sflow.as_type", "AS path segment type", 0),
	/* Wireshark's name for the path's ASes and the communities alike */
	U32(G_DSTAS, "sflow_245.dstAS", "AS", 0),
	U32(G_NCOMM, "sflow_245.communityEntries", "Communities", 0),
	U32(G_PREF, "sflow_245.localpref", "Local preference", 0),

	U32(I_INDEX, "sflow_245.ifindex", "Interface index", 0),
	U32(I_TYPE, "sflow_245.iftype", "Interface type", 32),
	U64(I_SPEED, "sflow_245.ifspeed", "Interface speed", 64),
	[I_DIR] = FDN(NULL, "sflow_245.ifdirection", "Interface direction",
	    128, 32, ST_FMT_DEC, dir_names),
	[I_ADMIN] = FD(NULL, "sflow_245.ifadmin_status", "Admin status up",
	    191, 1, ST_FMT_BOOL),
	[I_OPER] = FD(NULL, "sflow_245.ifoper_status", "Oper status up", 190,
	    1, ST_FMT_BOOL),
	U64(I_INOCT, "sflow_245.ifinoct", "Input octets", 192),
	U32(I_INPKT, "sflow_245.ifinpkt", "Input packets", 256),
	U32(I_INMC, "sflow_245.ifinmcast", "Input multicast packets", 288),
	U32(I_INBC, "sflow_245.ifinbcast", "Input broadcast packets", 320),
	U32(I_INDISC, "sflow_245.ifindisc", "Input discarded packets", 352),
	U32(I_INERR, "sflow_245.ifinerr", "Input errors", 384),
	U32(I_INUNK, "sflow_245.ifinunk", "Input unknown protocol packets",
	    416),
	U64(I_OUTOCT, "sflow_245.ifoutoct", "Output octets", 448),
	U32(I_OUTPKT, "sflow_245.ifoutpkt", "Output packets", 512),
	U32(I_OUTMC, "sflow_245.ifoutmcast", "Output multicast packets", 544),
	U32(I_OUTBC, "sflow_245.ifoutbcast", "Output broadcast packets", 576),
	U32(I_OUTDISC, "sflow_245.ifoutdisc", "Output discarded packets", 608),
	U32(I_OUTERR, "sflow_245.ifouterr", "Output errors", 640),
	U32(I_PROMISC, "sflow_245.ifpromisc", "Promiscuous mode", 672),

	U32(T_ALIGN, "sflow_245.dot3StatsAlignmentErrors", "Alignment errors",
	    0),
	U32(T_ALIGN + 1, "sflow_245.dot3StatsFCSErrors", "FCS errors", 32),
	U32(T_ALIGN + 2, "sflow_245.dot3StatsSingleCollisionFrames",
	    "Single collision frames", 64),
	U32(T_ALIGN + 3, "sflow_245.dot3StatsMultipleCollisionFrames",
	    "Multiple collision frames", 96),
	U32(T_ALIGN + 4, "sflow_245.dot3StatsSQETestErrors",
	    "SQE test errors", 128),
	U32(T_ALIGN + 5, "sflow_245.dot3StatsDeferredTransmissions",
	    "Deferred transmissions", 160),
	U32(T_ALIGN + 6, "sflow_245.dot3StatsLateCollisions",
	    "Late collisions", 192),
	U32(T_ALIGN + 7, "sflow_245.dot3StatsExcessiveCollisions",
	    "Excessive collisions", 224),
	U32(T_ALIGN + 8, "sflow_245.dot3StatsInternalMacTransmitErrors",
	    "Internal MAC transmit errors", 256),
	U32(T_ALIGN + 9, "sflow_245.dot3StatsCarrierSenseErrors",
	    "Carrier sense errors", 288),
	U32(T_ALIGN + 10, "sflow_245.dot3StatsFrameTooLongs",
	    "Frames too long", 320),
	U32(T_ALIGN + 11, "sflow_245.dot3StatsInternalMacReceiveErrors",
	    "Internal MAC receive errors", 352),
	U32(T_ALIGN + 12, "sflow_245.dot3StatsSymbolErrors", "Symbol errors",
	    384),

	U32(V_ID, "sflow_245.vlan_id", "VLAN ID", 0),
	U64(V_OCT, "sflow_245.octets", "Octets", 32),
	U32(V_UC, "sflow_245.ucastPkts", "Unicast packets", 96),
	U32(V_MC, "sflow_245.multicastPkts", "Multicast packets", 128),
	U32(V_BC, "sflow_245.broadcastPkts", "Broadcast packets", 160),
	U32(V_DISC, "sflow_245.discards", "Discards", 192),
	U32(U_5S, "sflow_5.cpu_5s", "CPU load, 5 s (%/100)", 0),
	U32(U_1M, "sflow_5.cpu_1m", "CPU load, 1 min (%/100)", 32),
	U32(U_5M, "sflow_5.cpu_5m", "CPU load, 5 min (%/100)", 64),
	U64(U_TOTAL, "sflow_5.total_memory", "Total memory", 96),
	U64(U_FREE, "sflow_5.free_memory", "Free memory", 160),
	U32(O_SEQ, "sflow_245.sequence_number", "Sequence number", 0),
	U32(O_UP, "sflow_245.sysuptime", "System uptime (ms)", 32),
	U32(O_NS, "sflow_245.numsamples", "Number of samples", 64),
};

/* Where the sampled headers lie, decoded after the datagram's fields. */
struct sf_nest {
	size_t		 off[SF_MAX_NEST], len[SF_MAX_NEST];
	int		 key[SF_MAX_NEST];
	uint64_t	 val[SF_MAX_NEST];
	unsigned	 n;
};


/* Adds n rows from first, read pos bytes into the part at w (whose
 * error it sets when they are not all there). */
static int
sf_at(struct st_dctx *d, struct st_cur *w, size_t pos, int first, size_t n)
{
	struct st_cur c = *w;

	c.off += pos;
	st_dfields(d, &c, &sf_fields[first], n);
	if (c.err != ST_OK)
		w->err = c.err;
	return c.err;
}

static uint32_t
sf_u32(struct st_cur *w, size_t pos)
{
	return (uint32_t)st_peek_bits(w, pos * 8, 32);
}

/* A next hop: its address type, then 4 or 16 bytes; returns its size. */
static size_t
sf_nexthop(struct st_dctx *d, struct st_cur *r)
{
	if (!st_cur_need(r, 4))
		return 0;
	switch (sf_u32(r, 0)) {
	case 1:
		return sf_at(d, r, 0, N_HOP4, 1) == ST_OK ? 8 : 0;
	case 2:
		return sf_at(d, r, 0, N_HOP6, 1) == ST_OK ? 20 : 0;
	}
	r->err = ST_EINVAL;
	return 0;
}

/* Extended gateway data (1003): AS numbers, the path, communities. */
static void
sf_gateway(struct st_dctx *d, struct st_cur *r)
{
	size_t p = sf_nexthop(d, r), k, i, j, n, shown = 0;

	if (p == 0 || sf_at(d, r, p, G_AS, 4) != ST_OK)
		return;
	n = sf_u32(r, p + 12);
	p += 16;
	for (i = 0; i < n && shown < SF_MAX_AS; i++) {
		if (sf_at(d, r, p, G_ASTYPE, 1) != ST_OK ||
		    !st_cur_need(r, p + 8))
			return;
		k = sf_u32(r, p + 4);
		p += 8;
		for (j = 0; j < k && shown < SF_MAX_AS; j++, shown++, p += 4)
			if (sf_at(d, r, p, G_DSTAS, 1) != ST_OK)
				return;
		if (j < k)
			return;
	}
	if (i < n || sf_at(d, r, p, G_NCOMM, 1) != ST_OK)
		return;
	n = sf_u32(r, p);
	p += 4;
	for (i = 0; i < n && i < SF_MAX_AS; i++, p += 4)
		if (sf_at(d, r, p, G_DSTAS, 1) != ST_OK)
			return;
	if (i == n)
		sf_at(d, r, p, G_PREF, 1);
}

/* A raw packet header (1): the sampled bytes, decoded after the rest. */
static void
sf_rawhdr(struct st_dctx *d, struct st_cur *r, struct sf_nest *ns)
{
	size_t hlen, have;
	int key = ST_KEY_NONE;
	uint64_t val = 0;

	if (sf_at(d, r, 0, P_PROTO, 4) != ST_OK)
		return;
	hlen = sf_u32(r, 12);
	have = st_cur_left(r) - 16;
	if (hlen > have) {
		r->err = ST_ETRUNC;	/* the record's end decides */
		hlen = have;
	}
	/* The field holds the XDR padding too, as Wireshark's does. */
	if (hlen == 0 || st_dbytes(d, r, &sf_fields[P_HDR], 16,
	    hlen + (-hlen & 3) <= have ? hlen + (-hlen & 3) : hlen) == NULL)
		return;
	switch (sf_u32(r, 0)) {
	case 1:
		key = ST_KEY_LINK, val = DLT_EN10MB;
		break;
	case 11:
		key = ST_KEY_ETHERTYPE, val = 0x0800;
		break;
	case 12:
		key = ST_KEY_ETHERTYPE, val = 0x86dd;
		break;
	}
	if (key != ST_KEY_NONE && ns->n < SF_MAX_NEST) {
		ns->off[ns->n] = r->off + 16;
		ns->len[ns->n] = hlen;
		ns->key[ns->n] = key;
		ns->val[ns->n++] = val;
	}
}

/* One flow record's data (fmt, standard enterprise) at r. */
static void
sf_flowrec(struct st_dctx *d, struct st_cur *r, uint32_t fmt,
    struct sf_nest *ns)
{
	size_t p;

	switch (fmt) {
	case 1:
		sf_rawhdr(d, r, ns);
		break;
	case 1001:
		sf_at(d, r, 0, W_VIN, 4);
		break;
	case 1002:
		if ((p = sf_nexthop(d, r)) != 0)
			sf_at(d, r, p, N_SMASK, 2);
		break;
	case 1003:
		sf_gateway(d, r);
		break;
	}
}

/* One counters record's data (fmt, standard enterprise) at r. */
static void
sf_cntrec(struct st_dctx *d, struct st_cur *r, uint32_t fmt)
{
	switch (fmt) {
	case 1:
		sf_at(d, r, 0, I_INDEX, I_PROMISC - I_INDEX + 1);
		break;
	case 2:
		sf_at(d, r, 0, T_ALIGN, 13);
		break;
	case 5:
		sf_at(d, r, 0, V_ID, 6);
		break;
	case 1001:
		sf_at(d, r, 0, U_5S, 5);
		break;
	}
}

/* Whether bytes missing were cut by the capture (or a header lies). */
static int
sf_cut(const struct st_dctx *d)
{
	return d->pkt->caplen < d->pkt->len;
}

/*
 * The n records of a sample from s's position; flow records when flow.
 * Returns ST_OK, ST_ETRUNC, or ST_EINVAL having marked the layer.
 */
static int
sf_records(struct st_dctx *d, struct st_cur *s, uint32_t n, int flow,
    struct sf_nest *ns)
{
	struct st_cur r;
	uint32_t i, word, len;
	int over;

	for (i = 0; i < n && i < SF_MAX_RECORDS; i++) {
		word = sf_u32(s, 0);
		if (sf_at(d, s, 0, R_ENT, 1) != ST_OK ||
		    sf_at(d, s, 0, flow ? R_FFMT : R_CFMT, 1) != ST_OK ||
		    sf_at(d, s, 0, (word >> 12) != 0 ? R_ELEN : R_LEN, 1) !=
		    ST_OK)
			return sf_cut(d) ? ST_ETRUNC : st_dmalformed(d,
			    "sample ends before its record %u", i + 1);
		len = sf_u32(s, 4);
		s->off += 8;
		over = len > st_cur_left(s);
		if (over && !sf_cut(d))
			return st_dmalformed(d, "record of %u bytes overruns "
			    "its sample", len);
		r = st_cur_sub(s, len, NULL);
		if ((word >> 12) != 0) {
			if (len > 0)
				st_dbytes(d, &r, &sf_fields[R_EDATA], 0,
				    st_cur_left(&r));
		} else if (flow)
			sf_flowrec(d, &r, word & 0xfff, ns);
		else
			sf_cntrec(d, &r, word & 0xfff);
		if (over)
			return ST_ETRUNC;
		if (r.err != ST_OK)
			return st_dmalformed(d, "record format %u of %u bytes "
			    "is shorter than its fields", word & 0xfff, len);
		s->off += len;
	}
	return ST_OK;
}

/* One sample at w's position (its header read); its body in s. */
static int
sf_sample(struct st_dctx *d, struct st_cur *s, uint32_t type,
    struct sf_nest *ns)
{
	static const struct { uint8_t first, n, size, nrec; } fix[5] = {
		{ 0, 0, 0, 0 },
		{ F_SEQ, F_NREC - F_SEQ + 1, 32, 28 },
		{ C_SEQ, 4, 12, 8 },
		{ X_SEQ, X_NREC - X_SEQ + 1, 44, 40 },
		{ E_SEQ, 4, 16, 12 },
	};
	uint32_t n;

	if (type == 0 || type > 4)
		return ST_OK;		/* shown by its header only */
	if (sf_at(d, s, 0, fix[type].first, fix[type].n) != ST_OK)
		return sf_cut(d) ? ST_ETRUNC : st_dmalformed(d,
		    "sample type %u shorter than its fields", type);
	n = sf_u32(s, fix[type].nrec);
	s->off += fix[type].size;
	return sf_records(d, s, n, type == 1 || type == 3, ns);
}

/* The samples of a version 5 datagram, from w's position. */
static int
sf_samples(struct st_dctx *d, struct st_cur *w, uint32_t n,
    struct sf_nest *ns)
{
	struct st_cur s;
	uint32_t i, word, len;
	int err, over;

	for (i = 0; i < n && i < SF_MAX_SAMPLES; i++) {
		if (sf_at(d, w, 0, S_ENT, 3) != ST_OK)
			return sf_cut(d) ? ST_ETRUNC : st_dmalformed(d,
			    "%u samples announced, %u found", n, i);
		word = sf_u32(w, 0);
		len = sf_u32(w, 4);
		w->off += 8;
		over = len > st_cur_left(w);
		if (over && !sf_cut(d))
			return st_dmalformed(d, "sample of %u bytes overruns "
			    "the datagram", len);
		s = st_cur_sub(w, len, NULL);
		err = sf_sample(d, &s, (word >> 12) != 0 ? 0 : word & 0xfff,
		    ns);
		if (err != ST_OK || over)
			return err != ST_OK ? err : ST_ETRUNC;
		w->off += len;
	}
	return ST_OK;
}

/* Decodes the sampled headers as nested chains, after every field. */
static void
sf_nest_all(struct st_dctx *d, const struct st_cur *c,
    const struct sf_nest *ns)
{
	struct st_cur w;
	unsigned i;

	for (i = 0; i < ns->n; i++) {
		w = *c;
		w.off = ns->off[i];
		w = st_cur_sub(&w, ns->len[i], NULL);
		st_dnest(d, &w, ns->key[i], ns->val[i]);
	}
}

static int
sflow_decode(struct st_dctx *d, struct st_cur *c)
{
	struct sf_nest ns = { .n = 0 };
	struct st_cur w = *c;
	uint32_t ver, atype, n;
	int err;

	st_dfields(d, c, sf_fields, H_ATYPE + 1);
	if (c->err != ST_OK)
		return c->err;
	ver = sf_u32(c, 0);
	atype = sf_u32(c, 4);
	d->hdr = st_cur_left(c);
	if (ver != 2 && ver != 4 && ver != 5)
		return st_dmalformed(d, "version %u unknown", ver);
	if (atype != 1 && atype != 2)
		return st_dmalformed(d, "agent address type %u unknown", atype);
	if (sf_at(d, c, 0, atype == 1 ? H_AGENT4 : H_AGENT6, 1) != ST_OK)
		return ST_ETRUNC;
	w.off += atype == 1 ? 12 : 24;
	if (ver != 5) {
		if (sf_at(d, &w, 0, O_SEQ, 3) != ST_OK)
			return ST_ETRUNC;
		d->hdr = w.off - c->off + 12;
		d->data = 1;	/* version 2 and 4 samples: not decoded */
		return ST_OK;
	}
	if (sf_at(d, &w, 0, H_SUB, 4) != ST_OK)
		return ST_ETRUNC;
	n = sf_u32(&w, 12);
	w.off += 16;
	err = sf_samples(d, &w, n, &ns);
	sf_nest_all(d, c, &ns);
	return err;
}

static const struct st_bind sflow_binds[] = {
	{ ST_KEY_UDPPORT, 6343 },
};

/*
 * As tcpdump: "sFlowv5, IPv4 agent 192.0.2.1, agent-id 0, seqnum 1,
 * uptime 123456, samples 2".
 */
static int
sflow_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NROWS];
	const struct st_field *agent, *seq, *up, *ns;

	st_ly_fields(s->pkt, ly, sf_fields, NROWS, f);
	st_out_puts(s->o, "sFlowv");
	s->value(s, f[H_VER]);
	agent = f[H_AGENT4] != NULL ? f[H_AGENT4] : f[H_AGENT6];
	if (agent == NULL)
		return 1;
	st_out_puts(s->o, f[H_AGENT4] != NULL ? ", IPv4 agent " :
	    ", IPv6 agent ");
	s->value(s, agent);
	if (f[H_SUB] != NULL) {
		st_out_puts(s->o, ", agent-id ");
		s->value(s, f[H_SUB]);
	}
	seq = f[H_SEQ] != NULL ? f[H_SEQ] : f[O_SEQ];
	up = f[H_UP] != NULL ? f[H_UP] : f[O_UP];
	ns = f[H_NS] != NULL ? f[H_NS] : f[O_NS];
	if (seq == NULL || up == NULL || ns == NULL)
		return 1;
	st_out_puts(s->o, ", seqnum ");
	s->value(s, seq);
	st_out_puts(s->o, ", uptime ");
	s->value(s, up);
	st_out_puts(s->o, ", samples ");
	s->value(s, ns);
	return 1;
}

static const struct st_field_desc *const sflow_keys[] = {
	&sf_fields[H_VER], &sf_fields[H_AGENT4], &sf_fields[H_SEQ],
	&sf_fields[H_NS], NULL,
};

const struct st_proto st_proto_sflow = {
	.name = "sflow",
	.ws = "sflow",
	.title = "sFlow",
	.rfc = "sFlow v5 (sflow.org); RFC 3176",
	.role = ST_ROLE_APP,
	.fields = sf_fields,
	.nfields = NROWS,
	.decode = sflow_decode,
	.binds = sflow_binds,
	.nbinds = NFIELDS(sflow_binds),
	.summary = sflow_summary,
	.keys = sflow_keys,
	.color = "\033[32m",
	.explain_bits = 64,
	.explain = "A switch or router copies one packet in N (the sampling "
	    "rate) and polls its interface counters, and sends both to a "
	    "collector: each datagram names the agent, a sequence number "
	    "(gaps are lost datagrams) and its samples.  A flow sample holds "
	    "records: the sampled packet's first bytes (decoded here as a "
	    "packet of their own), its VLANs, next hop and BGP AS path; a "
	    "counter sample the interface's octet, packet and error counters.",
};
