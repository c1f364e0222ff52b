/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LMP, the Link Management Protocol of GMPLS (RFC 4204; UDP 701): two
 * neighbours keep a control channel up with Hellos, agree the data links
 * between them (LinkSummary), test them (BeginVerify, Test) and report
 * their state (ChannelStatus).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Vers  |      (Reserved)       |    Flags      |    Msg Type   |
 * |          LMP Length           |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then objects, each |N| C-Type | Class | Length | value, the length
 * counting the 4-byte object header.  Wireshark reads the whole first
 * byte as the version (16 for version 1), shows no checksum unless told
 * to, and stops at an object class it does not know: strata does the
 * same, so that the readings agree, and shows the checksum as its own.
 */
#include "strata/out.h"
#include "fields.h"

#define LMP_MAXOBJ	256	/* objects in one message */
#define LMP_MAXSUB	64	/* subobjects, interface entries in one */
#define LMP_NMSG	26	/* message types Wireshark knows */
#define LMP_NOBJ	20	/* object classes it knows */
#define MSGFLAG(n, l)	FDG(n, l, ST_FMT_BOOL, NULL)
#define OBJ(n, l)	FD(NULL, n, l, 0, 0, ST_FMT_BYTES)

enum { F_VER, F_FLAGS, F_CCDOWN, F_REBOOT, F_MSG, F_LEN, F_CK,
	O_CLASS, O_NEG, O_LEN, O_CLS2, O_CTYPE, O_DATA,
	O_UCT, O_ULEN, O_UVAL,
	V_LCCID, V_RCCID, V_LNODE, V_RNODE,
	V_LLINK4, V_RLINK4, V_LLINK6, V_RLINK6, V_LLINKU, V_RLINKU,
	V_LIF4, V_RIF4, V_LIF6, V_RIF6, V_LIFU, V_RIFU,
	V_MSGID, V_MSGACK, V_HELLO, V_DEAD, V_TXSEQ, V_RXSEQ,
	V_BVFLAGS, V_BVALL, V_BVTYPE, V_BVINT, V_BVNDL, V_BVENC, V_BVTRANS,
	V_BVRATE, V_BVWAVE, V_BVADEAD, V_BVATRANS, V_VERIFYID,
	V_TEFLAGS, V_TEFAULT, V_TEVERIFY, V_TEL4, V_TER4, V_TEL6, V_TER6,
	V_TELU, V_TERU,
	V_DLFLAGS, V_DLPORT, V_DLALLOC, V_DLL4, V_DLR4, V_DLL6, V_DLR6,
	V_DLLU, V_DLRU,
	S_SUB, S_TYPE, S_LEN, S_SWITCH, S_ENC, S_MINBW, S_MAXBW, S_WAVE,
	C_IF4, C_IF6, C_IFU, C_LINK, C_STATUS, R_IF4, R_IF6, R_IFU,
	E_CODE,
	E_V1, E_V2, E_V4, E_V8,
	E_S1, E_S2, E_S4T, E_S4D, E_S8, E_S10,
	E_T1, E_T2, E_T10,
	E_L1, E_L2, E_L4, E_L8, E_L10,
	M_FLAG0, M_OBJ0 = M_FLAG0 + LMP_NMSG, F_NROWS = M_OBJ0 + LMP_NOBJ };

static const struct st_valname msg_names[] = {
	{ 1, "Config" }, { 2, "ConfigAck" }, { 3, "ConfigNack" },
	{ 4, "Hello" }, { 5, "BeginVerify" }, { 6, "BeginVerifyAck" },
	{ 7, "BeginVerifyNack" }, { 8, "EndVerify" }, { 9, "EndVerifyAck" },
	{ 10, "Test" }, { 11, "TestStatusSuccess" },
	{ 12, "TestStatusFailure" }, { 13, "TestStatusAck" },
	{ 14, "LinkSummary" }, { 15, "LinkSummaryAck" },
	{ 16, "LinkSummaryNack" }, { 17, "ChannelStatus" },
	{ 18, "ChannelStatusAck" }, { 19, "ChannelStatusRequest" },
	{ 20, "ChannelStatusResponse" }, { 50, "ServiceConfig" },
	{ 51, "ServiceConfigAck" }, { 52, "ServiceConfigNack" },
	{ 241, "DiscoveryResponse" }, { 242, "DiscoveryResponseAck" },
	{ 243, "DiscoveryResponseNack" }, { 0, NULL }
};

static const struct st_valname class_names[] = {
	{ 1, "CCID" }, { 2, "NODE_ID" }, { 3, "LINK_ID" },
	{ 4, "INTERFACE_ID" }, { 5, "MESSAGE_ID" }, { 6, "CONFIG" },
	{ 7, "HELLO" }, { 8, "BEGIN_VERIFY" }, { 9, "BEGIN_VERIFY_ACK" },
	{ 10, "VERIFY_ID" }, { 11, "TE_LINK" }, { 12, "DATA_LINK" },
	{ 13, "CHANNEL_STATUS" }, { 14, "CHANNEL_STATUS_REQUEST" },
	{ 20, "ERROR" }, { 21, "TRACE" }, { 22, "TRACE_REQ" },
	{ 51, "SERVICE_CONFIG" }, { 248, "DA_DCN_ADDRESS" },
	{ 249, "LOCAL_LAD_INFO" }, { 0, NULL }
};

static const struct st_valname status_names[] = {
	{ 1, "Signal Okay (OK)" }, { 2, "Signal Degraded (SD)" },
	{ 3, "Signal Failed (SF)" }, { 0, NULL }
};

/*
 * Header rows from the message's start; object rows from the object's;
 * value rows (V_, C_, R_, E_) from the object's value, subobject rows
 * (S_) from the subobject's.
 */
static const struct st_field_desc lmp_fields[] = {
	[F_VER] = FD("version", "lmp.version", "Version (the first byte)", 0,
	    8, ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "lmp.header_flags", "Flags", 16, 8,
	    ST_FMT_HEX),
	[F_CCDOWN] = FDD(NULL, "lmp.hdr.ccdown", "Control channel down", 23,
	    1, ST_FMT_BOOL),
	[F_REBOOT] = FDD(NULL, "lmp.hdr.reboot", "Reboot", 22, 1,
	    ST_FMT_BOOL),
	[F_MSG] = FDN("type", "lmp.msg", "Message type", 24, 8, ST_FMT_DEC,
	    msg_names),
	[F_LEN] = FD("len", "lmp.header_length", "Length", 32, 16,
	    ST_FMT_DEC),
	[F_CK] = FD(NULL, "strata.lmp.checksum", "Checksum", 48, 16,
	    ST_FMT_HEX),
	[O_CLASS] = FDN(NULL, "lmp.object", "Object", 8, 8, ST_FMT_DEC,
	    class_names),
	[O_NEG] = FD(NULL, "lmp.negotiable", "Negotiable", 0, 1, ST_FMT_BOOL),
	[O_LEN] = FD(NULL, "lmp.object_length", "Object length", 16, 16,
	    ST_FMT_DEC),
	[O_CLS2] = FDN(NULL, "lmp.object_class", "Object class", 8, 8,
	    ST_FMT_DEC, class_names),
	[O_CTYPE] = FD(NULL, "lmp.obj.ctype", "C-Type", 1, 7, ST_FMT_DEC),
	[O_DATA] = FD(NULL, "lmp.data", "Data", 0, 0, ST_FMT_BYTES),
	/* an object of a class Wireshark does not know */
	[O_UCT] = FD(NULL, "strata.lmp.unknown.ctype", "C-Type", 1, 7,
	    ST_FMT_DEC),
	[O_ULEN] = FD(NULL, "strata.lmp.unknown.length", "Object length", 16,
	    16, ST_FMT_DEC),
	[O_UVAL] = FD(NULL, "strata.lmp.unknown.value", "Object value", 0, 0,
	    ST_FMT_BYTES),
	[V_LCCID] = FD(NULL, "lmp.local_ccid", "Local CCID", 0, 32,
	    ST_FMT_DEC),
	[V_RCCID] = FD(NULL, "lmp.remote_ccid", "Remote CCID", 0, 32,
	    ST_FMT_DEC),
	[V_LNODE] = FD(NULL, "lmp.local_nodeid", "Local node ID", 0, 32,
	    ST_FMT_IPV4),
	[V_RNODE] = FD(NULL, "lmp.remote_nodeid", "Remote node ID", 0, 32,
	    ST_FMT_IPV4),
	[V_LLINK4] = FD(NULL, "lmp.local_linkid_ipv4", "Local link ID", 0,
	    32, ST_FMT_IPV4),
	[V_RLINK4] = FD(NULL, "lmp.remote_linkid_ipv4", "Remote link ID", 0,
	    32, ST_FMT_IPV4),
	[V_LLINK6] = FD(NULL, "lmp.local_linkid_ipv6", "Local link ID", 0,
	    128, ST_FMT_IPV6),
	[V_RLINK6] = FD(NULL, "lmp.remote_linkid_ipv6", "Remote link ID", 0,
	    128, ST_FMT_IPV6),
	[V_LLINKU] = FD(NULL, "lmp.local_linkid_unnum",
	    "Local link ID (unnumbered)", 0, 32, ST_FMT_DEC),
	[V_RLINKU] = FD(NULL, "lmp.remote_linkid_unnum",
	    "Remote link ID (unnumbered)", 0, 32, ST_FMT_DEC),
	[V_LIF4] = FD(NULL, "lmp.local_interfaceid_ipv4",
	    "Local interface ID", 0, 32, ST_FMT_IPV4),
	[V_RIF4] = FD(NULL, "lmp.remote_interfaceid_ipv4",
	    "Remote interface ID", 0, 32, ST_FMT_IPV4),
	[V_LIF6] = FD(NULL, "lmp.local_interfaceid_ipv6",
	    "Local interface ID", 0, 128, ST_FMT_IPV6),
	[V_RIF6] = FD(NULL, "lmp.remote_interfaceid_ipv6",
	    "Remote interface ID", 0, 128, ST_FMT_IPV6),
	[V_LIFU] = FD(NULL, "lmp.local_interfaceid_unnum",
	    "Local interface ID (unnumbered)", 0, 32, ST_FMT_DEC),
	[V_RIFU] = FD(NULL, "lmp.remote_interfaceid_unnum",
	    "Remote interface ID (unnumbered)", 0, 32, ST_FMT_DEC),
	[V_MSGID] = FD(NULL, "lmp.messageid", "Message ID", 0, 32,
	    ST_FMT_DEC),
	[V_MSGACK] = FD(NULL, "lmp.messageid_ack", "Message ID acknowledged",
	    0, 32, ST_FMT_DEC),
	[V_HELLO] = FD(NULL, "lmp.hellointerval", "Hello interval (ms)", 0,
	    16, ST_FMT_DEC),
	[V_DEAD] = FD(NULL, "lmp.hellodeadinterval",
	    "Hello dead interval (ms)", 16, 16, ST_FMT_DEC),
	[V_TXSEQ] = FD(NULL, "lmp.txseqnum", "Transmit sequence number", 0,
	    32, ST_FMT_DEC),
	[V_RXSEQ] = FD(NULL, "lmp.rxseqnum", "Receive sequence number", 32,
	    32, ST_FMT_DEC),
	[V_BVFLAGS] = FD(NULL, "lmp.begin_verify.flags", "Flags", 0, 16,
	    ST_FMT_HEX),
	[V_BVALL] = FDD(NULL, "lmp.begin_verify.all_links",
	    "Verify all links", 15, 1, ST_FMT_BOOL),
	[V_BVTYPE] = FDD(NULL, "lmp.begin_verify.link_type",
	    "Data link type", 14, 1, ST_FMT_BOOL),
	[V_BVINT] = FD(NULL, "lmp.verify_interval", "Verify interval (ms)",
	    16, 16, ST_FMT_DEC),
	[V_BVNDL] = FD(NULL, "lmp.number_of_data_links",
	    "Number of data links", 32, 32, ST_FMT_DEC),
	[V_BVENC] = FD(NULL, "lmp.begin_verify.enctype", "Encoding type", 64,
	    8, ST_FMT_DEC),
	[V_BVTRANS] = FD(NULL, "lmp.verify_transport_mechanism",
	    "Verify transport mechanism", 80, 16, ST_FMT_HEX),
	[V_BVRATE] = FD(NULL, "lmp.transmission_rate",
	    "Transmission rate (Mbps)", 96, 32, ST_FMT_TEXT),
	[V_BVWAVE] = FD(NULL, "lmp.wavelength", "Wavelength", 128, 32,
	    ST_FMT_DEC),
	[V_BVADEAD] = FD(NULL, "lmp.verifydeadinterval",
	    "Verify dead interval (ms)", 0, 16, ST_FMT_DEC),
	[V_BVATRANS] = FD(NULL, "lmp.verify_transport_response",
	    "Verify transport response", 16, 16, ST_FMT_HEX),
	[V_VERIFYID] = FD(NULL, "lmp.verifyid", "Verify ID", 0, 32,
	    ST_FMT_DEC),
	[V_TEFLAGS] = FD(NULL, "lmp.te_link_flags", "TE link flags", 0, 8,
	    ST_FMT_HEX),
	[V_TEFAULT] = FDD(NULL, "lmp.te_link.fault_mgmt",
	    "Fault management supported", 7, 1, ST_FMT_BOOL),
	[V_TEVERIFY] = FDD(NULL, "lmp.te_link.link_verify",
	    "Link verification supported", 6, 1, ST_FMT_BOOL),
	[V_TEL4] = FD(NULL, "lmp.te_link.local_ipv4", "Local TE link ID", 32,
	    32, ST_FMT_IPV4),
	[V_TER4] = FD(NULL, "lmp.te_link.remote_ipv4", "Remote TE link ID",
	    64, 32, ST_FMT_IPV4),
	[V_TEL6] = FD(NULL, "lmp.te_link.local_ipv6", "Local TE link ID", 32,
	    128, ST_FMT_IPV6),
	[V_TER6] = FD(NULL, "lmp.te_link.remote_ipv6", "Remote TE link ID",
	    160, 128, ST_FMT_IPV6),
	[V_TELU] = FD(NULL, "lmp.te_link.local_unnum", "Local TE link ID",
	    32, 32, ST_FMT_DEC),
	[V_TERU] = FD(NULL, "lmp.te_link.remote_unnum", "Remote TE link ID",
	    64, 32, ST_FMT_DEC),
	[V_DLFLAGS] = FD(NULL, "lmp.data_link_flags", "Data link flags", 0,
	    8, ST_FMT_HEX),
	[V_DLPORT] = FDD(NULL, "lmp.data_link.port", "Individual port", 7, 1,
	    ST_FMT_BOOL),
	[V_DLALLOC] = FDD(NULL, "lmp.data_link.link_verify", "Allocated", 6,
	    1, ST_FMT_BOOL),
	[V_DLL4] = FD(NULL, "lmp.data_link.local_ipv4", "Local interface ID",
	    32, 32, ST_FMT_IPV4),
	[V_DLR4] = FD(NULL, "lmp.data_link.remote_ipv4",
	    "Remote interface ID", 64, 32, ST_FMT_IPV4),
	[V_DLL6] = FD(NULL, "lmp.data_link.local_ipv6", "Local interface ID",
	    32, 128, ST_FMT_IPV6),
	[V_DLR6] = FD(NULL, "lmp.data_link.remote_ipv6",
	    "Remote interface ID", 160, 128, ST_FMT_IPV6),
	[V_DLLU] = FD(NULL, "lmp.data_link.local_unnum", "Local interface ID",
	    32, 32, ST_FMT_DEC),
	[V_DLRU] = FD(NULL, "lmp.data_link.remote_unnum",
	    "Remote interface ID", 64, 32, ST_FMT_DEC),
	[S_SUB] = FD(NULL, "lmp.data_link_subobj", "Subobject", 0, 0,
	    ST_FMT_BYTES),
	[S_TYPE] = FD(NULL, "lmp.subobject_type", "Subobject type", 0, 8,
	    ST_FMT_DEC),
	[S_LEN] = FD(NULL, "lmp.subobject_length", "Subobject length", 8, 8,
	    ST_FMT_DEC),
	[S_SWITCH] = FD(NULL, "lmp.data_link_switching",
	    "Switching capability", 16, 8, ST_FMT_DEC),
	[S_ENC] = FD(NULL, "lmp.data_link_encoding", "LSP encoding type", 24,
	    8, ST_FMT_DEC),
	[S_MINBW] = FD(NULL, "lmp.minimum_reservable_bandwidth",
	    "Minimum reservable bandwidth (Mbps)", 32, 32, ST_FMT_TEXT),
	[S_MAXBW] = FD(NULL, "lmp.maximum_reservable_bandwidth",
	    "Maximum reservable bandwidth (Mbps)", 64, 32, ST_FMT_TEXT),
	[S_WAVE] = FD(NULL, "lmp.wavelength", "Wavelength", 32, 32,
	    ST_FMT_DEC),
	[C_IF4] = FD(NULL, "lmp.interface_id.ipv4", "Interface ID", 0, 32,
	    ST_FMT_IPV4),
	[C_IF6] = FD(NULL, "lmp.interface_id.ipv6", "Interface ID", 0, 128,
	    ST_FMT_IPV6),
	[C_IFU] = FD(NULL, "lmp.interface_id.id_unnumbered",
	    "Interface ID (unnumbered)", 0, 32, ST_FMT_DEC),
	[C_LINK] = FD(NULL, "lmp.link", "Active", 0, 1, ST_FMT_BOOL),
	[C_STATUS] = FDN(NULL, "lmp.channel_status", "Channel status", 1, 31,
	    ST_FMT_DEC, status_names),
	[R_IF4] = FD(NULL, "lmp.channel_status_interfaceid_ipv4",
	    "Interface ID", 0, 32, ST_FMT_IPV4),
	[R_IF6] = FD(NULL, "lmp.channel_status_interfaceid_ipv6",
	    "Interface ID", 0, 128, ST_FMT_IPV6),
	[R_IFU] = FD(NULL, "lmp.channel_status_interfaceid_unnum",
	    "Interface ID (unnumbered)", 0, 32, ST_FMT_DEC),
	[E_CODE] = FD(NULL, "lmp.error", "Error code", 0, 32, ST_FMT_HEX),
	/* the error bits by C-Type, as Wireshark's masks place them */
	[E_V1] = FDD(NULL, "lmp.error.verify_unsupported_link",
	    "Verification unsupported for this TE link", 31, 1, ST_FMT_BOOL),
	[E_V2] = FDD(NULL, "lmp.error.verify_unwilling",
	    "Unwilling to verify now", 30, 1, ST_FMT_BOOL),
	[E_V4] = FDD(NULL, "lmp.error.verify_unsupported_transport",
	    "Transport unsupported", 29, 1, ST_FMT_BOOL),
	[E_V8] = FDD(NULL, "lmp.error.verify_te_link_id",
	    "TE link ID configuration error", 28, 1, ST_FMT_BOOL),
	[E_S1] = FDD(NULL, "lmp.error.summary_bad_params",
	    "Unacceptable non-negotiable parameters", 31, 1, ST_FMT_BOOL),
	[E_S2] = FDD(NULL, "lmp.error.summary_renegotiate",
	    "Renegotiate parameter", 30, 1, ST_FMT_BOOL),
	[E_S4T] = FDD(NULL, "lmp.error.summary_unknown_tel_ctype",
	    "Bad TE link C-Type", 29, 1, ST_FMT_BOOL),
	[E_S4D] = FDD(NULL, "lmp.error.summary_unknown_dl_ctype",
	    "Bad data link C-Type", 29, 1, ST_FMT_BOOL),
	[E_S8] = FDD(NULL, "lmp.error.summary_bad_te_link",
	    "Bad TE link object", 28, 1, ST_FMT_BOOL),
	[E_S10] = FDD(NULL, "lmp.error.summary_bad_data_link",
	    "Bad data link object", 27, 1, ST_FMT_BOOL),
	[E_T1] = FDD(NULL, "lmp.error.trace_unsupported_type",
	    "Unsupported trace type", 31, 1, ST_FMT_BOOL),
	[E_T2] = FDD(NULL, "lmp.error.trace_invalid_msg",
	    "Invalid trace message", 30, 1, ST_FMT_BOOL),
	[E_T10] = FDD(NULL, "lmp.error.trace_unknown_ctype",
	    "Unknown object C-Type", 27, 1, ST_FMT_BOOL),
	[E_L1] = FDD(NULL, "lmp.error.lad_area_id_mismatch",
	    "Domain routing area ID mismatch", 31, 1, ST_FMT_BOOL),
	[E_L2] = FDD(NULL, "lmp.error.lad_tcp_id_mismatch",
	    "TCP ID mismatch", 30, 1, ST_FMT_BOOL),
	[E_L4] = FDD(NULL, "lmp.error.lad_da_dcn_mismatch",
	    "DA DCN mismatch", 29, 1, ST_FMT_BOOL),
	[E_L8] = FDD(NULL, "lmp.error.lad_capability_mismatch",
	    "Capability mismatch", 28, 1, ST_FMT_BOOL),
	[E_L10] = FDD(NULL, "lmp.error.lad_unknown_ctype",
	    "Unknown object C-Type", 27, 1, ST_FMT_BOOL),
	/*
	 * Rows without bits of their own: Wireshark's hidden "this is a
	 * Config message" flags, by message type (msg_index), then the
	 * object itself as a whole, by class (obj_index).
	 */
	[M_FLAG0] = MSGFLAG("lmp.msg.config", "Config message"),
	MSGFLAG("lmp.msg.configack", "ConfigAck message"),
	MSGFLAG("lmp.msg.confignack", "ConfigNack message"),
	MSGFLAG("lmp.msg.hello", "Hello message"),
	MSGFLAG("lmp.msg.beginverify", "BeginVerify message"),
	MSGFLAG("lmp.msg.beginverifyack", "BeginVerifyAck message"),
	MSGFLAG("lmp.msg.beginverifynack", "BeginVerifyNack message"),
	MSGFLAG("lmp.msg.endverify", "EndVerify message"),
	MSGFLAG("lmp.msg.endverifyack", "EndVerifyAck message"),
	MSGFLAG("lmp.msg.test", "Test message"),
	MSGFLAG("lmp.msg.teststatussuccess", "TestStatusSuccess message"),
	MSGFLAG("lmp.msg.teststatusfailure", "TestStatusFailure message"),
	MSGFLAG("lmp.msg.teststatusack", "TestStatusAck message"),
	MSGFLAG("lmp.msg.linksummary", "LinkSummary message"),
	MSGFLAG("lmp.msg.linksummaryack", "LinkSummaryAck message"),
	MSGFLAG("lmp.msg.linksummarynack", "LinkSummaryNack message"),
	MSGFLAG("lmp.msg.channelstatus", "ChannelStatus message"),
	MSGFLAG("lmp.msg.channelstatusack", "ChannelStatusAck message"),
	MSGFLAG("lmp.msg.channelstatusrequest",
	    "ChannelStatusRequest message"),
	MSGFLAG("lmp.msg.channelstatusresponse",
	    "ChannelStatusResponse message"),
	MSGFLAG("lmp.msg.serviceconfig", "ServiceConfig message"),
	MSGFLAG("lmp.msg.serviceconfigack", "ServiceConfigAck message"),
	MSGFLAG("lmp.msg.serviceconfignack", "ServiceConfigNack message"),
	MSGFLAG("lmp.msg.discoveryresp", "DiscoveryResponse message"),
	MSGFLAG("lmp.msg.discoveryrespack", "DiscoveryResponseAck message"),
	MSGFLAG("lmp.msg.discoveryrespnack", "DiscoveryResponseNack message"),
	/* classes 1 to 14 */
	OBJ("lmp.obj.ccid", "CCID"),
	OBJ("lmp.obj.Nodeid", "NODE_ID"),
	OBJ("lmp.obj.linkid", "LINK_ID"),
	OBJ("lmp.obj.interfaceid", "INTERFACE_ID"),
	OBJ("lmp.obj.messageid", "MESSAGE_ID"),
	OBJ("lmp.obj.config", "CONFIG"),
	OBJ("lmp.obj.hello", "HELLO"),
	OBJ("lmp.obj.begin_verify", "BEGIN_VERIFY"),
	OBJ("lmp.obj.begin_verify_ack", "BEGIN_VERIFY_ACK"),
	OBJ("lmp.obj.verifyid", "VERIFY_ID"),
	OBJ("lmp.obj.te_link", "TE_LINK"),
	OBJ("lmp.obj.data_link", "DATA_LINK"),
	OBJ("lmp.obj.channel_status", "CHANNEL_STATUS"),
	OBJ("lmp.obj.channel_status_request", "CHANNEL_STATUS_REQUEST"),
	/* 20, 21, 22, 51, 248, 249 */
	OBJ("lmp.obj.error", "ERROR"),
	OBJ("lmp.obj.trace", "TRACE"),
	OBJ("lmp.obj.trace_req", "TRACE_REQ"),
	OBJ("lmp.obj.serviceconfig", "SERVICE_CONFIG"),
	OBJ("lmp.obj.dadcnaddr", "DA_DCN_ADDRESS"),
	OBJ("lmp.obj.localladinfo", "LOCAL_LAD_INFO"),
};

#define L(i)	(&lmp_fields[(i)])

/* The row of type in lmp_fields, or -1: a type Wireshark refuses. */
static int
msg_index(unsigned type)
{
	if (type >= 1 && type <= 20)
		return (int)type - 1;
	if (type >= 50 && type <= 52)
		return (int)type - 50 + 20;
	if (type >= 241 && type <= 243)
		return (int)type - 241 + 23;
	return -1;
}

/* A single-precision float of bytes per second at byte off, in Mbps as
 * Wireshark works it out (in float) and writes it. */
static void
lmp_mbps(struct st_dctx *d, struct st_cur *c, unsigned fd, size_t off)
{
	union { uint32_t u; float f; } v;
	struct st_cur t = *c;
	char text[32];

	t.off += off;
	v.u = st_get_be32(&t);
	if (t.err != ST_OK) {
		c->err = t.err;
		return;
	}
	snprintf(text, sizeof(text), "%.9g", (double)(v.f * 8 / 1000000));
	st_dtext(d, c, L(fd), off, 4, text);
}

/* Row r at byte off of c. */
static void
at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned r)
{
	st_dfields_at(d, c, off, L(r), 1);
}

/*
 * A DATA_LINK's subobjects from byte l of the value at v (the object of
 * n value bytes): type, length and, by type, the switching capability
 * with its bandwidths (1) or the wavelength (2).  As Wireshark, a
 * subobject of length 0 ends them.
 */
static void
lmp_subobjs(struct st_dctx *d, struct st_cur *v, size_t l, size_t n)
{
	unsigned i, type;
	size_t len;

	for (i = 0; i < LMP_MAXSUB && l < n && v->err == ST_OK; i++) {
		if (!st_cur_need(v, l + 2))
			return;
		type = (unsigned)st_peek_bits(v, l * 8, 8);
		len = (size_t)st_peek_bits(v, l * 8 + 8, 8);
		st_dbytes(d, v, L(S_SUB), l, len < st_cur_left(v) - l ? len :
		    st_cur_left(v) - l);
		at(d, v, l, S_TYPE);
		at(d, v, l, S_LEN);
		if (type == 1) {
			at(d, v, l, S_SWITCH);
			at(d, v, l, S_ENC);
			lmp_mbps(d, v, S_MINBW, l + 4);
			lmp_mbps(d, v, S_MAXBW, l + 8);
		} else if (type == 2)
			at(d, v, l, S_WAVE);
		else if (len > 0)
			st_dbytes(d, v, L(O_DATA), l, len);
		if (len == 0)
			return;
		l += len;
	}
}

/* A CHANNEL_STATUS: per interface its ID and, unless the object ends,
 * whether it is active and its state. */
static void
lmp_chstatus(struct st_dctx *d, struct st_cur *v, unsigned ct, size_t n)
{
	size_t l = 0;
	unsigned i;

	if (ct < 1 || ct > 3)
		return;
	for (i = 0; i < LMP_MAXSUB && l < n && v->err == ST_OK; i++) {
		if (ct == 2) {
			/* Wireshark reads each IPv6 ID at the value's start */
			at(d, v, 0, C_IF6);
			l += 16;
		} else {
			at(d, v, l, ct == 1 ? C_IF4 : C_IFU);
			l += 4;
		}
		if (l == n)
			return;
		at(d, v, l, C_LINK);
		at(d, v, l, C_STATUS);
		l += 4;
	}
}

/* An ERROR_CODE: the code, and again with its bits for C-Types 1-4. */
static void
lmp_error(struct st_dctx *d, struct st_cur *v, unsigned ct, size_t n)
{
	static const struct { unsigned first, n; } bits[] = {
		{ E_V1, 4 }, { E_S1, 6 }, { E_T1, 3 }, { E_L1, 5 },
	};

	at(d, v, 0, E_CODE);
	if (ct < 1 || ct > 4) {
		if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	}
	at(d, v, 0, E_CODE);
	st_dfields_at(d, v, 0, L(bits[ct - 1].first), bits[ct - 1].n);
}

/* Rows local (for C-Type first) and remote (first + 1) of a 4-byte ID. */
static void
lmp_pair(struct st_dctx *d, struct st_cur *v, unsigned ct, unsigned base,
    unsigned ct0, size_t n)
{
	if (ct == ct0 || ct == ct0 + 1)
		at(d, v, 0, base + ct - ct0);
	else if (n > 0)
		st_dbytes(d, v, L(O_DATA), 0, n);
}

/* The value (n bytes at v) of an object of class cls and C-Type ct. */
static void
lmp_value(struct st_dctx *d, struct st_cur *v, unsigned cls, unsigned ct,
    size_t n)
{
	size_t l;
	unsigned i;

	switch (cls) {
	case 1:
		lmp_pair(d, v, ct, V_LCCID, 1, n);
		return;
	case 2:
		lmp_pair(d, v, ct, V_LNODE, 1, n);
		return;
	case 3: case 4:
		/* local and remote IPv4 (1, 2), IPv6 (3, 4), unnumbered */
		if (ct >= 1 && ct <= 6)
			at(d, v, 0, (cls == 3 ? V_LLINK4 : V_LIF4) + ct - 1);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 5:
		lmp_pair(d, v, ct, V_MSGID, 1, n);
		return;
	case 6:
		if (ct == 1)
			st_dfields_at(d, v, 0, L(V_HELLO), 2);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 7:
		if (ct == 1)
			st_dfields_at(d, v, 0, L(V_TXSEQ), 2);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 8:
		if (ct != 1) {
			if (n > 0)
				st_dbytes(d, v, L(O_DATA), 0, n);
			return;
		}
		st_dfields_at(d, v, 0, L(V_BVFLAGS), V_BVRATE - V_BVFLAGS);
		lmp_mbps(d, v, V_BVRATE, 12);
		at(d, v, 0, V_BVWAVE);
		return;
	case 9:
		if (ct == 1)
			st_dfields_at(d, v, 0, L(V_BVADEAD), 2);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 10:
		if (ct == 1)
			at(d, v, 0, V_VERIFYID);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 11: case 12:
		i = cls == 11 ? V_TEFLAGS : V_DLFLAGS;
		st_dfields_at(d, v, 0, L(i), 3);
		if (ct < 1 || ct > 3) {
			if (n > 0)
				st_dbytes(d, v, L(O_DATA), 0, n);
			return;
		}
		st_dfields_at(d, v, 0, L(i + 3 + (ct - 1) * 2), 2);
		if (cls == 12)
			lmp_subobjs(d, v, ct == 2 ? 36 : 12, n);
		return;
	case 13:
		lmp_chstatus(d, v, ct, n);
		return;
	case 14:
		for (i = 0, l = 0; i < LMP_MAXSUB && l < n && v->err == ST_OK;
		    i++) {
			if (ct < 1 || ct > 3) {
				st_dbytes(d, v, L(O_DATA), l, n - l);
				return;
			}
			at(d, v, l, R_IF4 + ct - 1);
			l += ct == 2 ? 16 : 4;
		}
		return;
	case 20:
		lmp_error(d, v, ct, n);
		return;
	default:
		/* TRACE, SERVICE_CONFIG and the others: their bytes */
		if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
	}
}

/* The row of class cls in lmp_fields, or -1: a class Wireshark refuses. */
static int
obj_index(unsigned cls)
{
	static const unsigned late[] = { 20, 21, 22, 51, 248, 249 };
	unsigned i;

	if (cls >= 1 && cls <= 14)
		return M_OBJ0 + (int)cls - 1;
	for (i = 0; i < NFIELDS(late); i++)
		if (cls == late[i])
			return M_OBJ0 + 14 + (int)i;
	return -1;
}

static int
lmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), mlen, pos, olen, n;
	unsigned type, cls, ct, i;
	struct st_cur v;
	int k;

	d->plen = 0;
	d->hdr = left;
	st_dfields(d, c, lmp_fields, F_MSG + 1);
	if (!st_cur_need(c, 6)) {
		st_dfields(d, c, L(F_LEN), 1);
		return c->err;
	}
	type = (unsigned)st_peek_bits(c, 24, 8);
	st_dfield(d, c, L(F_LEN));
	if ((k = msg_index(type)) < 0) {
		st_pkt_note(d->pkt, "LMP: a message type Wireshark does not "
		    "know; its objects are not read");
		return ST_OK;
	}
	st_dgen(d, L(M_FLAG0 + k), 1);
	st_dfield(d, c, L(F_CK));
	if (c->err != ST_OK)
		return c->err;
	mlen = (size_t)st_peek_bits(c, 32, 16);
	for (pos = 8, i = 0; pos < mlen && i < LMP_MAXOBJ; i++) {
		v = *c;
		v.off += pos;
		if (!st_cur_need(&v, 4))
			return v.err;
		ct = (unsigned)st_peek_bits(&v, 1, 7);
		cls = (unsigned)st_peek_bits(&v, 8, 8);
		olen = (size_t)st_peek_bits(&v, 16, 16);
		st_dfield(d, &v, L(O_CLASS));
		if ((k = obj_index(cls)) < 0) {
			st_dfield(d, &v, L(O_UCT));
			st_dfield(d, &v, L(O_ULEN));
			if (olen > 4)
				st_dbytes(d, &v, L(O_UVAL), 4, olen - 4 <
				    st_cur_left(&v) - 4 ? olen - 4 :
				    st_cur_left(&v) - 4);
			/* as Wireshark, which reads no further */
			st_pkt_note(d->pkt, "LMP: an object class Wireshark "
			    "does not know ends the decoding");
			return ST_OK;
		}
		if (olen < 4) {
			st_dfields(d, &v, L(O_NEG), 2);
			return st_dmalformed(d, "LMP object of length %zu, "
			    "below its 4-byte header", olen);
		}
		n = olen < st_cur_left(&v) ? olen : st_cur_left(&v);
		st_dbytes(d, &v, L(k), 0, n);
		st_dfields(d, &v, L(O_NEG), 4);
		/* The value is read within the capture, not the object:
		 * Wireshark reads a subobject past its object's end. */
		v.off += 4;
		lmp_value(d, &v, cls, ct, olen - 4);
		if (v.err != ST_OK)
			return v.err;
		pos += olen;
	}
	if (pos > left && c->err == ST_OK)
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind lmp_binds[] = {
	{ ST_KEY_UDPPORT, 701 },
};

/* "LMP Hello, CCID 7, tx 5 rx 4", as tcpdump names the message. */
static int
lmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[V_RXSEQ + 1];
	const char *name;

	st_ly_fields(s->pkt, ly, lmp_fields, V_RXSEQ + 1, f);
	if (f[F_MSG] == NULL)
		return 0;
	name = st_valname(msg_names, (uint32_t)f[F_MSG]->val);
	if (name != NULL)
		st_out_printf(s->o, "LMP %s", name);
	else
		st_out_printf(s->o, "LMP message type %u",
		    (unsigned)f[F_MSG]->val);
	if (f[F_LEN] != NULL)
		st_out_printf(s->o, ", length %u", (unsigned)f[F_LEN]->val);
	if (f[V_LCCID] != NULL)
		st_out_printf(s->o, ", CCID %u", (unsigned)f[V_LCCID]->val);
	if (f[V_MSGID] != NULL)
		st_out_printf(s->o, ", Msg-ID %u", (unsigned)f[V_MSGID]->val);
	if (f[V_HELLO] != NULL && f[V_DEAD] != NULL)
		st_out_printf(s->o, ", hello %ums dead %ums",
		    (unsigned)f[V_HELLO]->val, (unsigned)f[V_DEAD]->val);
	if (f[V_TXSEQ] != NULL && f[V_RXSEQ] != NULL)
		st_out_printf(s->o, ", tx %u rx %u",
		    (unsigned)f[V_TXSEQ]->val, (unsigned)f[V_RXSEQ]->val);
	return 1;
}

static const struct st_field_desc *const lmp_keys[] = {
	L(F_VER), L(F_MSG), L(F_LEN), NULL,
};

const struct st_proto st_proto_lmp = {
	.name = "lmp",
	.ws = "lmp",
	.title = "Link Management Protocol",
	.rfc = "RFC 4204",
	.role = ST_ROLE_CONTROL,
	/* the header's rows; the objects' after them */
	.fields = lmp_fields,
	.nfields = O_CLASS,
	.more = lmp_fields + O_CLASS,
	.nmore = F_NROWS - O_CLASS,
	.decode = lmp_decode,
	.binds = lmp_binds,
	.nbinds = NFIELDS(lmp_binds),
	.summary = lmp_summary,
	.keys = lmp_keys,
	.color = "\033[35m",
	.explain_bits = 64,
	.explain = "GMPLS switches (optical cross-connects, SONET/SDH "
	    "multiplexers) are joined by many data links that carry no IP, "
	    "so a separate control channel runs LMP over UDP port 701 "
	    "(RFC 4204).  Over it two neighbours bring the channel up with "
	    "Config messages (the CONFIG object carries the hello and "
	    "hello-dead intervals), keep it up with Hellos (transmit and "
	    "receive sequence numbers), test data links with BeginVerify and "
	    "Test messages, correlate their link IDs in LinkSummary "
	    "(TE_LINK and DATA_LINK objects, with switching capability and "
	    "wavelength subobjects), and report failures with ChannelStatus. "
	    " Each message is a header (version, flags, type, length, an "
	    "optional Internet checksum) then objects: a negotiable bit, a "
	    "C-Type saying which form the value takes (IPv4, IPv6 or "
	    "unnumbered IDs), a class and a length.  Wireshark reads the "
	    "whole first byte as the version (16 for version 1).",
};
