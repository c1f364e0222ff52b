/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenFlow 1.3 (wire version 4, ONF TS-025), after Wireshark's
 * packet-openflow_v4.c: the header, hello, error, features, config,
 * packet-in/out, flow-removed and flow-mod bodies with their match.  The
 * long fixed structures are in openflow4mp.c, the dispatch layer and the
 * message loop in openflow.c.
 */
#include "strata/out.h"
#include "openflow4.h"

#define OF_MAXITEMS	64	/* elements, OXM fields, actions per message */

static const struct st_valname of4_type_names[] = {
	{ 0, "HELLO" }, { 1, "ERROR" }, { 2, "ECHO_REQUEST" },
	{ 3, "ECHO_REPLY" }, { 4, "EXPERIMENTER" }, { 5, "FEATURES_REQUEST" },
	{ 6, "FEATURES_REPLY" }, { 7, "GET_CONFIG_REQUEST" },
	{ 8, "GET_CONFIG_REPLY" }, { 9, "SET_CONFIG" }, { 10, "PACKET_IN" },
	{ 11, "FLOW_REMOVED" }, { 12, "PORT_STATUS" }, { 13, "PACKET_OUT" },
	{ 14, "FLOW_MOD" }, { 15, "GROUP_MOD" }, { 16, "PORT_MOD" },
	{ 17, "TABLE_MOD" }, { 18, "MULTIPART_REQUEST" },
	{ 19, "MULTIPART_REPLY" }, { 20, "BARRIER_REQUEST" },
	{ 21, "BARRIER_REPLY" }, { 22, "QUEUE_GET_CONFIG_REQUEST" },
	{ 23, "QUEUE_GET_CONFIG_REPLY" }, { 24, "ROLE_REQUEST" },
	{ 25, "ROLE_REPLY" }, { 26, "GET_ASYNC_REQUEST" },
	{ 27, "GET_ASYNC_REPLY" }, { 28, "SET_ASYNC" }, { 29, "METER_MOD" },
	{ 0, NULL }
};

/* ---- OpenFlow 1.3 (wire version 4) ------------------------------------ */

enum {
	H_VER, H_TYPE, H_LEN, H_XID,
	/* hello element */
	E_TYPE, E_LEN, E_BITMAP,
	/* error */
	R_TYPE, R_CODE,
	/* experimenter */
	X_EXP, X_TYPE,
	/* features reply */
	S_DPID, S_NBUF, S_NTAB, S_AUX, S_PAD, S_CAP, S_CFLOW, S_CTAB, S_CPORT,
	S_CGROUP, S_CREASM, S_CQUEUE, S_CBLOCK, S_RES,
	/* switch config */
	C_FLAGS, C_FRAG, C_MISS,
	/* packet-in */
	I_BUF, I_TOTAL, I_REASON, I_TABLE, I_COOKIE,
	/* match and OXM */
	M_TYPE, M_LEN, M_PAD, O_CLASS, O_FIELD, O_HM, O_LEN, O_U32, O_MAC,
	O_ETYPE, O_PROTO, O_IP4, O_U16, O_IP6, O_BYTES,
	/* flow removed */
	V_COOKIE, V_PRIO, V_REASON, V_TABLE, V_DSEC, V_DNSEC, V_IDLE, V_HARD,
	V_PKTS, V_BYTES,
	/* port status */
	P_REASON,
	/* packet-out */
	U_BUF, U_INPORT, U_ACTSLEN,
	/* flow mod */
	F_COOKIE, F_MASK, F_TABLE, F_CMD, F_IDLE, F_HARD, F_PRIO, F_BUF,
	F_OUTPORT, F_OUTGROUP, F_FLAGS, F_FREM, F_FOVL, F_FRESET, F_FNOPKT,
	F_FNOBYTE,
	/* multipart */
	Q_TYPE, Q_FLAGS, Q_MORE, A_TYPE, A_FLAGS, A_MORE,
	/* role */
	L_ROLE, L_GEN, K_ROLE, K_GEN,
	/* pads and actions */
	D_QPAD, D_APAD, D_IPAD, D_UPAD, D_FPAD, D_PSPAD, D_LPAD, D_KPAD,
	T_TYPE, T_LEN, T_OPORT, T_OMAX, T_OPAD,
	/* bytes */
	B_ECHO
};

static const struct st_field_desc of4_fields[] = {
	FD("version", "openflow_v4.version", "Version", 0, 8, ST_FMT_HEX),
	FDN("type", "openflow_v4.type", "Type", 8, 8, ST_FMT_DEC,
	    of4_type_names),
	FD("len", "openflow_v4.length", "Length", 16, 16, ST_FMT_DEC),
	FD("xid", "openflow_v4.xid", "Transaction ID", 32, 32, ST_FMT_DEC),

	FD(NULL, "openflow_v4.hello_element.type", "Element type", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.hello_element.length", "Element length", 16,
	    16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.hello_element.version.bitmap",
	    "Version bitmap", 32, 32, ST_FMT_BYTES),

	FD(NULL, "openflow_v4.error.type", "Error type", 64, 16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.error.code", "Error code", 80, 16, ST_FMT_DEC),

	FD(NULL, "openflow_v4.experimenter.experimenter", "Experimenter",
	    64, 32, ST_FMT_HEX),
	FD(NULL, "openflow_v4.experimenter.exp_type", "Experimenter type",
	    96, 32, ST_FMT_DEC),

	FD(NULL, "openflow_v4.switch_features.datapath_id", "Datapath ID",
	    64, 64, ST_FMT_HEX),
	FD(NULL, "openflow_v4.switch_features.n_buffers", "Buffers", 128,
	    32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.switch_features.n_tables", "Tables", 160, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.switch_features.auxiliary_id",
	    "Auxiliary ID", 168, 8, ST_FMT_DEC),
	FD(NULL, "openflow_v4.switch_features.pad", "Pad", 176, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.switch_features.capabilities",
	    "Capabilities", 192, 32, ST_FMT_HEX),
	FDD(NULL, "openflow_v4.switch_features.capabilities.flow_stats",
	    "Flow statistics", 223, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.switch_features.capabilities.table_stats",
	    "Table statistics", 222, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.switch_features.capabilities.port_stats",
	    "Port statistics", 221, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.switch_features.capabilities.group_stats",
	    "Group statistics", 220, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.switch_features.capabilities.ip_reasm",
	    "IP reassembly", 218, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.switch_features.capabilities.queue_stats",
	    "Queue statistics", 217, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.switch_features.capabilities.port_blocked",
	    "Port blocked", 215, 1, ST_FMT_BOOL),
	FD(NULL, "openflow_v4.switch_features_reserved", "Reserved", 224,
	    32, ST_FMT_HEX),

	FD(NULL, "openflow_v4.switch_config.flags", "Flags", 64, 16,
	    ST_FMT_HEX),
	FDD(NULL, "openflow_v4.switch_config.flags.fragments",
	    "IP fragments", 78, 2, ST_FMT_DEC),
	FD(NULL, "openflow_v4.switch_config.miss_send_len", "Miss send "
	    "length", 80, 16, ST_FMT_DEC),

	FD(NULL, "openflow_v4.packet_in.buffer_id", "Buffer ID", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.packet_in.total_len", "Total length", 96, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.packet_in.reason", "Reason", 112, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.packet_in.table_id", "Table ID", 120, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.packet_in.cookie", "Cookie", 128, 64,
	    ST_FMT_HEX),

	FD(NULL, "openflow_v4.match.type", "Match type", 0, 16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.match.length", "Match length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.match.pad", "Pad", 0, 0, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.oxm.class", "OXM class", 0, 16, ST_FMT_HEX),
	FD(NULL, "openflow_v4.oxm.field", "OXM field", 16, 7, ST_FMT_DEC),
	FD(NULL, "openflow_v4.oxm.hm", "Has mask", 23, 1, ST_FMT_DEC),
	FD(NULL, "openflow_v4.oxm.length", "OXM length", 24, 8, ST_FMT_DEC),
	FD(NULL, "openflow_v4.oxm.value_uint32", "Value", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.oxm.value_etheraddr", "Value", 32, 48,
	    ST_FMT_MAC),
	FDN(NULL, "openflow_v4.oxm.value_ethertype", "Value", 32, 16,
	    ST_FMT_HEX, st_ethertype_names),
	FD(NULL, "openflow_v4.oxm.value_ipproto", "Value", 32, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.oxm.value_ipv4addr", "Value", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "openflow_v4.oxm.value_uint16", "Value", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.oxm.value_ipv6addr", "Value", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "openflow_v4.oxm.value", "Value", 0, 0, ST_FMT_BYTES),

	FD(NULL, "openflow_v4.flow_removed.cookie", "Cookie", 64, 64,
	    ST_FMT_HEX),
	FD(NULL, "openflow_v4.flow_removed.priority", "Priority", 128, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.reason", "Reason", 144, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.table_id", "Table ID", 152, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.duration_sec", "Duration (s)",
	    160, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.duration_nsec", "Duration (ns)",
	    192, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.idle_timeout", "Idle timeout",
	    224, 16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.hard_timeout", "Hard timeout",
	    240, 16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.packet_count", "Packets", 256,
	    64, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flow_removed.byte_count", "Bytes", 320, 64,
	    ST_FMT_DEC),

	FD(NULL, "openflow_v4.port_status.reason", "Reason", 64, 8,
	    ST_FMT_DEC),

	FD(NULL, "openflow_v4.packet_out.buffer_id", "Buffer ID", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.packet_out.in_port", "In port", 96, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.packet_out.acts_len", "Actions length", 128,
	    16, ST_FMT_DEC),

	FD(NULL, "openflow_v4.flowmod.cookie", "Cookie", 64, 64, ST_FMT_HEX),
	FD(NULL, "openflow_v4.flowmod.cookie_mask", "Cookie mask", 128, 64,
	    ST_FMT_HEX),
	FD(NULL, "openflow_v4.flowmod.table_id", "Table ID", 192, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.command", "Command", 200, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.idle_timeout", "Idle timeout", 208,
	    16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.hard_timeout", "Hard timeout", 224,
	    16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.priority", "Priority", 240, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.buffer_id", "Buffer ID", 256, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.out_port", "Out port", 288, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.out_group", "Out group", 320, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.flowmod.flags", "Flags", 352, 16, ST_FMT_HEX),
	FDD(NULL, "openflow_v4.flowmod.flags.send_flow_rem",
	    "Send flow removed", 367, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flowmod.flags.check_overlap",
	    "Check overlap", 366, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flowmod.flags.reset_counts", "Reset counts",
	    365, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flowmod.flags.no_packet_counts",
	    "No packet counts", 364, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flowmod.flags.no_byte_counts",
	    "No byte counts", 363, 1, ST_FMT_BOOL),

	FD(NULL, "openflow_v4.multipart_request.type", "Multipart type", 64,
	    16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.multipart_request.flags", "Flags", 80, 16,
	    ST_FMT_HEX),
	FDD(NULL, "openflow_v4.multipart_request.flags.more", "More", 80,
	    16, ST_FMT_HEX),
	FD(NULL, "openflow_v4.multipart_reply.type", "Multipart type", 64,
	    16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.multipart_reply.flags", "Flags", 80, 16,
	    ST_FMT_HEX),
	FDD(NULL, "openflow_v4.multipart_reply.flags.more", "More", 80, 16,
	    ST_FMT_HEX),

	FD(NULL, "openflow_v4.role_request.role", "Role", 64, 32,
	    ST_FMT_HEX),
	FD(NULL, "openflow_v4.role_request.generation_id", "Generation ID",
	    128, 64, ST_FMT_HEX),
	FD(NULL, "openflow_v4.role_reply.role", "Role", 64, 32, ST_FMT_HEX),
	FD(NULL, "openflow_v4.role_reply.generation_id", "Generation ID",
	    128, 64, ST_FMT_HEX),

	FD(NULL, "openflow_v4.multipart_request.pad", "Pad", 96, 32,
	    ST_FMT_BYTES),
	FD(NULL, "openflow_v4.multipart_reply.pad", "Pad", 96, 32,
	    ST_FMT_BYTES),
	FD(NULL, "openflow_v4.packet_in.pad", "Pad", 0, 16, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.packet_out.pad", "Pad", 144, 48,
	    ST_FMT_BYTES),
	FD(NULL, "openflow_v4.flowmod.pad", "Pad", 368, 16, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.port_status.pad", "Pad", 72, 56,
	    ST_FMT_BYTES),
	FD(NULL, "openflow_v4.role_request.pad", "Pad", 96, 32,
	    ST_FMT_BYTES),
	FD(NULL, "openflow_v4.role_reply.pad", "Pad", 96, 32, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.action.type", "Action type", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.action.length", "Action length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.action.output.port", "Output port", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.action.output.max_len", "Max length", 64, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.action.output.pad", "Pad", 80, 48,
	    ST_FMT_BYTES),

	FD(NULL, "openflow_v4.echo.data", "Data", 0, 0, ST_FMT_BYTES),
};

#define OF4(d, c, off, first, n) st_of_at(d, c, of4_fields, off, first, n)

/* The hello elements from byte 8 to end (OF 1.3 7.5.1). */
static void
of4_hello(struct st_dctx *d, struct st_cur *c, size_t end)
{
	size_t pos = 8, n;
	unsigned i;

	for (i = 0; i < OF_MAXITEMS && pos + 4 <= end && c->err == ST_OK;
	    i++, pos += (n + 7) / 8 * 8) {
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		OF4(d, c, pos, E_TYPE, 2);
		if (c->err != ST_OK)
			return;
		if (n < 4 || pos + n > end) {
			st_dmalformed(d, "hello element of %zu bytes", n);
			return;
		}
		if (st_peek_bits(c, pos * 8, 16) == 1 && n >= 8)
			OF4(d, c, pos, E_BITMAP, 1);
	}
}

/* The VLAN id's two rows (OFPVID_PRESENT and the id), the masks. */
static const struct st_field_desc oxm_vlan[] = {
	FD(NULL, "openflow_v4.oxm.value_vlan_present", "Present", 35, 1,
	    ST_FMT_BOOL),
	FD(NULL, "openflow_v4.oxm.value_vlan_vid", "VLAN id", 36, 12,
	    ST_FMT_DEC),
};
static const struct st_field_desc oxm_masks[] = {
	FD(NULL, "openflow_v4.oxm.ether_mask", "Mask", 0, 48, ST_FMT_MAC),
	FD(NULL, "openflow_v4.oxm.ipv4_mask", "Mask", 0, 32, ST_FMT_IPV4),
	FD(NULL, "openflow_v4.oxm.ipv6_mask", "Mask", 0, 128, ST_FMT_IPV6),
	FD(NULL, "openflow_v4.oxm.mask", "Mask", 0, 0, ST_FMT_BYTES),
};

/*
 * A masked OXM value (n bytes: value then mask, as Wireshark splits
 * them): typed where Wireshark types both halves, else two byte rows.
 */
static void
of4_oxm_masked(struct st_dctx *d, struct st_cur *c, size_t o, size_t n,
    unsigned r)
{
	unsigned k = r == O_MAC ? 0 : r == O_IP4 ? 1 : r == O_IP6 ? 2 : 3;

	n /= 2;
	if (k < 3 && of4_fields[r].bits == n * 8) {
		OF4(d, c, o, r, 1);
		st_of_at(d, c, oxm_masks, o + 4 + n, k, 1);
		return;
	}
	st_dbytes(d, c, &of4_fields[O_BYTES], o + 4, n);
	st_dbytes(d, c, &oxm_masks[3], o + 4 + n, n);
}

/*
 * An OpenFlow basic OXM field's value (n bytes after its 4-byte header at
 * byte o), typed by field as Wireshark shows it; masked ones as bytes.
 */
static void
of4_oxm(struct st_dctx *d, struct st_cur *c, size_t o, size_t n)
{
	static const uint8_t row[] = {
		[0] = O_U32, [1] = O_U32, [3] = O_MAC, [4] = O_MAC,
		[5] = O_ETYPE, [10] = O_PROTO, [11] = O_IP4, [12] = O_IP4,
		[13] = O_U16, [14] = O_U16, [15] = O_U16, [16] = O_U16,
		[17] = O_U16, [18] = O_U16, [22] = O_IP4, [23] = O_IP4,
		[26] = O_IP6, [27] = O_IP6,
	};
	unsigned field, r;

	if (st_peek_bits(c, o * 8, 16) != 0x8000 || n == 0)
		return;
	field = (unsigned)st_peek_bits(c, o * 8 + 16, 7);
	r = field < sizeof(row) ? row[field] : 0;
	if (field == 6 && n == 2) {
		st_of_at(d, c, oxm_vlan, o, 0, 2);
		return;
	}
	if (st_peek_bits(c, o * 8 + 23, 1)) {
		of4_oxm_masked(d, c, o, n, r);
		return;
	}
	if (r != 0 && of4_fields[r].bits == n * 8)
		OF4(d, c, o, r, 1);
	else
		st_dbytes(d, c, &of4_fields[O_BYTES], o + 4, n);
}

void
st_of4_oxm(struct st_dctx *d, struct st_cur *c, size_t o, size_t n)
{
	OF4(d, c, o, O_CLASS, 4);
	if (c->err == ST_OK)
		of4_oxm(d, c, o, n);
}

/* The match at byte pos (OF 1.3 7.2.2): its length without the padding
 * to 8 bytes, or 0 when it is cut short or lies. */
static size_t
of4_match(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	size_t mlen, o, n;
	unsigned i;

	OF4(d, c, pos, M_TYPE, 2);
	mlen = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
	if (c->err != ST_OK)
		return 0;
	if (mlen < 4 || pos + mlen > end) {
		st_dmalformed(d, "match of %zu bytes", mlen);
		return 0;
	}
	for (i = 0, o = pos + 4; i < OF_MAXITEMS && o + 4 <= pos + mlen &&
	    c->err == ST_OK; i++, o += 4 + n) {
		n = (size_t)st_peek_bits(c, o * 8 + 24, 8);
		OF4(d, c, o, O_CLASS, 4);
		if (c->err != ST_OK)
			return 0;
		if (o + 4 + n > pos + mlen) {
			st_dmalformed(d, "OXM field of %zu bytes beyond the "
			    "match", n);
			return 0;
		}
		of4_oxm(d, c, o, n);
	}
	if (mlen % 8 != 0 && pos + (mlen + 7) / 8 * 8 <= end)
		st_dbytes(d, c, &of4_fields[M_PAD], pos + mlen,
		    8 - mlen % 8);
	return mlen;
}

size_t
st_of4_match(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	return of4_match(d, c, pos, end);
}

void
st_of4_oxm_id(struct st_dctx *d, struct st_cur *c, size_t o)
{
	OF4(d, c, o, O_CLASS, 4);
}

/* The frame a packet-in or packet-out carries, from byte pos to end. */
static void
of4_frame(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	struct st_cur w = *c;

	if (pos >= end || pos > st_cur_left(c))
		return;
	w.off += pos;
	w = st_cur_sub(&w, end - pos, NULL);
	st_dnest(d, &w, ST_KEY_LINK, 1);
}

static void
of4_packet_in(struct st_dctx *d, struct st_cur *c, size_t end)
{
	size_t m;

	OF4(d, c, 0, I_BUF, 5);
	m = of4_match(d, c, 24, end);
	if (m == 0 || c->err != ST_OK)
		return;
	/* match padded to 8 bytes, then 2 bytes of pad */
	OF4(d, c, 24 + (m + 7) / 8 * 8, D_IPAD, 1);
	of4_frame(d, c, 24 + (m + 7) / 8 * 8 + 2, end);
}

/* A packet-out's actions (OF 1.3 7.2.5), then the frame to send. */
static void
of4_packet_out(struct st_dctx *d, struct st_cur *c, size_t end)
{
	size_t aend;

	if (c->err != ST_OK)
		return;
	aend = 24 + (size_t)st_peek_bits(c, 128, 16);
	if (aend > end) {
		st_dmalformed(d, "actions beyond the message");
		return;
	}
	st_of4_actions(d, c, 24, aend);
	if (d->ly->status != ST_LS_MALFORMED)
		of4_frame(d, c, aend, end);
}

static void of4_body(struct st_dctx *, struct st_cur *, unsigned, size_t);

/*
 * The request an ERROR carries from byte 12 to len: its header and, as
 * Wireshark does, its body as far as it is there; one level only (an
 * ERROR inside is not read).
 */
static void
of4_inner(struct st_dctx *d, struct st_cur *c, size_t len)
{
	struct st_cur w = *c;
	size_t n;
	unsigned type;

	OF4(d, c, 12, H_VER, 4);
	if (c->err != ST_OK || st_cur_left(c) < 20)
		return;
	type = (unsigned)st_peek_bits(c, 12 * 8 + 8, 8);
	n = (size_t)st_peek_bits(c, 12 * 8 + 16, 16);
	if (type == 1 || n < 8)
		return;
	if (n > len - 12)
		n = len - 12;
	w.off += 12;
	w = st_cur_sub(&w, st_cur_left(&w), NULL);
	of4_body(d, &w, type, n);
}

/*
 * The bodies that are fixed rows: first and n the rows from byte 0, pad a
 * pad row after them (0: none), match the byte a match begins at (0:
 * none; read when the message is long enough to hold one).
 */
struct of4_shape {
	uint8_t	 first, n, pad, match;
};

static const struct of4_shape of4_shapes[] = {
	[1] = { R_TYPE, 2, 0, 0 },
	[4] = { X_EXP, 2, 0, 0 },
	[6] = { S_DPID, S_RES - S_DPID + 1, 0, 0 },
	[8] = { C_FLAGS, 3, 0, 0 },
	[9] = { C_FLAGS, 3, 0, 0 },
	[11] = { V_COOKIE, 10, 0, 48 },
	[12] = { P_REASON, 1, D_PSPAD, 0 },
	[13] = { U_BUF, 3, D_UPAD, 0 },
	[14] = { F_COOKIE, F_FNOBYTE - F_COOKIE + 1, D_FPAD, 48 },
	[18] = { Q_TYPE, 3, D_QPAD, 0 },
	[19] = { A_TYPE, 3, D_APAD, 0 },
	[24] = { L_ROLE, 2, D_LPAD, 0 },
	[25] = { K_ROLE, 2, D_KPAD, 0 },
};

static void
of4_body(struct st_dctx *d, struct st_cur *c, unsigned type, size_t len)
{
	const struct of4_shape *sh = type < NFIELDS(of4_shapes) ?
	    &of4_shapes[type] : NULL;
	size_t m = 0;

	if (sh != NULL && sh->n > 0) {
		OF4(d, c, 0, sh->first, sh->n);
		if (sh->pad != 0)
			OF4(d, c, 0, sh->pad, 1);
		if (sh->match != 0 && c->err == ST_OK &&
		    len >= (size_t)sh->match + 8)
			m = of4_match(d, c, sh->match, len);
	}
	/* a FLOW_MOD's instructions follow its padded match */
	if (type == 14 && m != 0 && c->err == ST_OK)
		st_of4_instructions(d, c, 48 + (m + 7) / 8 * 8, len);
	switch (type) {
	case 0:
		of4_hello(d, c, len);
		break;
	case 1:
		/* HELLO_FAILED carries text, the others (the start of)
		 * the request, whose header Wireshark shows */
		if (len >= 20 && st_peek_bits(c, 64, 16) != 0)
			of4_inner(d, c, len);
		st_of4_more(d, c, type, len);
		break;
	case 15:
	case 17:
	case 22:
	case 23:
		st_of4_more(d, c, type, len);
		break;
	case 2:
	case 3:
		if (len > 8)
			st_dbytes(d, c, &of4_fields[B_ECHO], 8, len - 8);
		break;
	case 10:
		of4_packet_in(d, c, len);
		break;
	case 13:
		of4_packet_out(d, c, len);
		break;
	case 12:
		if (len >= 80)
			st_of4_port(d, c, 16);
		break;
	case 18:
	case 19:
		st_of4_multipart(d, c, type, len);
		break;
	case 16:
		st_of4_portmod(d, c, len);
		break;
	case 27:
	case 28:
		st_of4_async(d, c, len);
		break;
	}
}

static int
of4_decode(struct st_dctx *d, struct st_cur *c)
{
	return st_of_message(d, c, of4_fields, 4, of4_body);
}

static int
of4_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	return st_of_summary(s, ly, of4_fields, "1.3");
}

static const struct st_field_desc *const of4_keys[] = {
	&of4_fields[H_TYPE], &of4_fields[H_LEN], &of4_fields[H_XID], NULL,
};

const struct st_proto st_proto_openflow_v4 = {
	.name = "openflow_v4",
	.ws = "openflow_v4",
	.title = "OpenFlow 1.3",
	.rfc = "ONF TS-025 (OpenFlow switch specification 1.3)",
	.role = ST_ROLE_APP,
	.fields = of4_fields,
	.nfields = NFIELDS(of4_fields),
	.decode = of4_decode,
	.summary = of4_summary,
	.keys = of4_keys,
	.color = "\033[35m",
	.explain_bits = 64,
	.explain = "Every OpenFlow message starts with version (4 for 1.3), "
	    "type, length of the whole message and a transaction id that "
	    "pairs a reply with its request. HELLO negotiates the version, "
	    "ECHO keeps the connection alive, FEATURES_REPLY names the "
	    "switch's datapath, PACKET_IN hands a frame the tables did not "
	    "match to the controller, FLOW_MOD and PACKET_OUT are its "
	    "answers.",
};
