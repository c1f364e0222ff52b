/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PTP, the Precision Time Protocol version 2 (IEEE 1588-2008), over
 * Ethernet (EtherType 0x88f7) and UDP (319 event, 320 general messages).
 *
 *  0                   1                   2                   3
 * +-------+-------+-------+-------+-------------------------------+
 * |SdoId  |MsgType| minor | vers  |        Message length         |
 * +-------+-------+-------+-------+-------------------------------+
 * |    Domain     |  minorSdoId   |            Flags              |
 * +---------------+---------------+-------------------------------+
 * |     Correction (64: nanoseconds << 16 | sub-nanoseconds)      |
 * +---------------------------------------------------------------+
 * |                 Message type specific (32)                    |
 * +---------------------------------------------------------------+
 * |   Clock identity (64)   | Source port (16) | Sequence ID (16) |
 * +---------------+---------------+-------------------------------+
 * |   Control     | Log period    |  body: timestamps (48-bit
 * +---------------+---------------+  seconds, 32-bit nanoseconds)...
 *
 * A management message ends in a TLV: its data sets (default, current,
 * parent, time properties, port) and clock description are decoded.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

static const struct st_valname msg_names[] = {
	{ 0x0, "Sync Message" }, { 0x1, "Delay_Req Message" },
	{ 0x2, "Path_Delay_Req Message" }, { 0x3, "Path_Delay_Resp Message" },
	{ 0x8, "Follow_Up Message" }, { 0x9, "Delay_Resp Message" },
	{ 0xa, "Path_Delay_Resp_Follow_Up Message" },
	{ 0xb, "Announce Message" }, { 0xc, "Signalling Message" },
	{ 0xd, "Management Message" }, { 0, NULL }
};

enum { F_SDO, F_TYPE, F_MINOR, F_VERS, F_LEN, F_DOMAIN, F_MINSDO, F_FLAGS,
	F_FSEC, F_FSP2, F_FSP1, F_FUNI, F_F2STEP, F_FALT, F_FUNC, F_FFREQ,
	F_FTIME, F_FTSCALE, F_FUTC, F_FLI59, F_FLI61, F_CORNS, F_CORSUB,
	F_SPEC, F_CLOCK, F_PORT, F_SEQ, F_CTRL, F_PERIOD, F_HDR = F_PERIOD };

static const struct st_field_desc ptp_fields[] = {
	FD(NULL, "ptp.v2.majorsdoid", "Major SdoId", 0, 4, ST_FMT_HEX),
	FDN("type", "ptp.v2.messagetype", "Message type", 4, 4, ST_FMT_HEX,
	    msg_names),
	FD(NULL, "ptp.v2.minorversionptp", "Minor version", 8, 4,
	    ST_FMT_DEC),
	FD("version", "ptp.v2.versionptp", "Version", 12, 4, ST_FMT_DEC),
	FD("len", "ptp.v2.messagelength", "Message length", 16, 16,
	    ST_FMT_DEC),
	FD("domain", "ptp.v2.domainnumber", "Domain", 32, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.minorsdoid", "Minor SdoId", 40, 8, ST_FMT_DEC),
	FD("flags", "ptp.v2.flags", "Flags", 48, 16, ST_FMT_HEX),
	FDD(NULL, "ptp.v2.flags.security", "Security", 48, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.specific2", "PTP profile specific 2", 49, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.specific1", "PTP profile specific 1", 50, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.unicast", "Unicast", 53, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.twostep", "Two step", 54, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.alternatemaster", "Alternate master", 55, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.synchronizationUncertain", "Synchronization "
	    "uncertain", 57, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.frequencytraceable", "Frequency traceable",
	    58, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.timetraceable", "Time traceable", 59, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.timescale", "PTP timescale", 60, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.utcreasonable", "Current UTC offset valid",
	    61, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.li59", "Leap 59", 62, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.flags.li61", "Leap 61", 63, 1, ST_FMT_BOOL),
	FD(NULL, "ptp.v2.correction.ns", "Correction (ns)", 64, 48,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.correction.subns", "Correction (sub-ns)", 112, 16,
	    ST_FMT_TEXT),
	FD(NULL, "ptp.v2.messagetypespecific", "Message type specific", 128,
	    32, ST_FMT_DEC),
	FD("clock", "ptp.v2.clockidentity", "Clock identity", 160, 64,
	    ST_FMT_HEX),
	FD("port", "ptp.v2.sourceportid", "Source port ID", 224, 16,
	    ST_FMT_DEC),
	FD("seq", "ptp.v2.sequenceid", "Sequence ID", 240, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.controlfield", "Control field", 256, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.logmessageperiod", "Log message period", 264, 8,
	    ST_FMT_TEXT),
};

/* The bodies, from the header's start: a timestamp's seconds and
 * nanoseconds, then per message what follows it. */
enum { B_SDRS, B_SDRN, B_FUS, B_FUN, B_DRS, B_DRN, B_DRID, B_DRPORT,
	B_PQS, B_PQN, B_PSS, B_PSN, B_PSID, B_PSPORT, B_PFS, B_PFN, B_PFID,
	B_PFPORT, B_ANS, B_ANN, B_ANUTC, B_ANP1, B_ANCLASS, B_ANACC, B_ANVAR,
	B_ANP2, B_ANGM, B_ANSTEPS, B_ANSRC, B_SGID, B_SGPORT, B_MMID, B_MMPORT,
	B_MMSTART, B_MMHOPS, B_MMACT };

static const struct st_field_desc body_fields[] = {
	FD(NULL, "ptp.v2.sdr.origintimestamp.seconds", "Origin timestamp "
	    "(s)", 272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.sdr.origintimestamp.nanoseconds", "Origin "
	    "timestamp (ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.fu.preciseorigintimestamp.seconds", "Precise origin "
	    "timestamp (s)", 272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.fu.preciseorigintimestamp.nanoseconds", "Precise "
	    "origin timestamp (ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.dr.receivetimestamp.seconds", "Receive timestamp "
	    "(s)", 272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.dr.receivetimestamp.nanoseconds", "Receive "
	    "timestamp (ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.dr.requestingsourceportidentity", "Requesting clock",
	    352, 64, ST_FMT_HEX),
	FD(NULL, "ptp.v2.dr.requestingsourceportid", "Requesting port", 416,
	    16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdrq.origintimestamp.seconds", "Origin timestamp "
	    "(s)", 272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdrq.origintimestamp.nanoseconds", "Origin "
	    "timestamp (ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdrs.requestreceipttimestamp.seconds", "Request "
	    "receipt timestamp (s)", 272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdrs.requestreceipttimestamp.nanoseconds", "Request "
	    "receipt timestamp (ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdrs.requestingportidentity", "Requesting clock",
	    352, 64, ST_FMT_HEX),
	FD(NULL, "ptp.v2.pdrs.requestingsourceportid", "Requesting port", 416,
	    16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdfu.responseorigintimestamp.seconds", "Response "
	    "origin timestamp (s)", 272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdfu.responseorigintimestamp.nanoseconds",
	    "Response origin timestamp (ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.pdfu.requestingportidentity", "Requesting clock",
	    352, 64, ST_FMT_HEX),
	FD(NULL, "ptp.v2.pdfu.requestingsourceportid", "Requesting port", 416,
	    16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.origintimestamp.seconds", "Origin timestamp (s)",
	    272, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.origintimestamp.nanoseconds", "Origin timestamp "
	    "(ns)", 320, 32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.origincurrentutcoffset", "Current UTC offset",
	    352, 16, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.an.priority1", "Priority 1", 376, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.grandmasterclockclass", "Grandmaster clock class",
	    384, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.grandmasterclockaccuracy", "Grandmaster clock "
	    "accuracy", 392, 8, ST_FMT_HEX),
	FD(NULL, "ptp.v2.an.grandmasterclockvariance", "Grandmaster clock "
	    "variance", 400, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.priority2", "Priority 2", 416, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.an.grandmasterclockidentity", "Grandmaster clock "
	    "identity", 424, 64, ST_FMT_HEX),
	FD(NULL, "ptp.v2.an.localstepsremoved", "Steps removed", 488, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.timesource", "Time source", 504, 8, ST_FMT_HEX),
	FD(NULL, "ptp.v2.sig.targetportidentity", "Target clock", 272, 64,
	    ST_FMT_HEX),
	FD(NULL, "ptp.v2.sig.targetportid", "Target port", 336, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.targetportidentity", "Target clock", 272, 64,
	    ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.targetportid", "Target port", 336, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.startingboundaryhops", "Starting boundary hops",
	    352, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.boundaryhops", "Boundary hops", 360, 8,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.action", "Action", 372, 4, ST_FMT_DEC),
	FD(NULL, "ptp.v2.clockidentity_manuf", "MAC vendor (an EUI-64 made "
	    "from a MAC)", 160, 24, ST_FMT_BYTES),
	FDG("ptp.v2.fu.preciseorigintimestamp.32bit", "Precise origin "
	    "timestamp, nanoseconds modulo 2^32", ST_FMT_DEC, NULL),
};
enum { B_MANUF = B_MMACT + 1, B_FU32 };

/* A signed field of bits 8 or 16 at byte off, as text (Wireshark's
 * FT_INT8 and FT_INT16). */
static void
ptp_signed(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd)
{
	char text[8];
	unsigned v;
	int s;

	v = (unsigned)st_peek_bits(c, fd->bitoff, fd->bits);
	if (c->err != ST_OK)
		return;
	s = fd->bits == 8 ? (int)(int8_t)v : (int)(int16_t)v;
	snprintf(text, sizeof(text), "%d", s);
	st_dtext(d, c, fd, fd->bitoff / 8, fd->bits / 8, text);
}

/* The correction's sub-nanoseconds, in nanoseconds as Wireshark shows
 * them (a fraction). */
static void
ptp_subns(struct st_dctx *d, struct st_cur *c)
{
	char text[24];
	unsigned v;

	v = (unsigned)st_peek_bits(c, 112, 16);
	if (c->err != ST_OK)
		return;
	snprintf(text, sizeof(text), "%.6g", v / 65536.0);
	st_dtext(d, c, &ptp_fields[F_CORSUB], 14, 2, text);
}

/* The body of message type type: the first and the count of its rows;
 * returns its bytes. */
static size_t
ptp_body(struct st_dctx *d, struct st_cur *c, unsigned type)
{
	static const uint8_t first[16] = {
		[0x0] = B_SDRS, [0x1] = B_SDRS, [0x2] = B_PQS, [0x3] = B_PSS,
		[0x8] = B_FUS, [0x9] = B_DRS, [0xa] = B_PFS, [0xb] = B_ANS,
		[0xc] = B_SGID, [0xd] = B_MMID,
	};
	static const uint8_t count[16] = {
		[0x0] = 2, [0x1] = 2, [0x2] = 2, [0x3] = 4, [0x8] = 2,
		[0x9] = 4, [0xa] = 4, [0xb] = 11, [0xc] = 2, [0xd] = 5,
	};
	static const uint8_t size[16] = {
		[0x0] = 10, [0x1] = 10, [0x2] = 20, [0x3] = 20, [0x8] = 10,
		[0x9] = 20, [0xa] = 20, [0xb] = 30, [0xc] = 10, [0xd] = 14,
	};
	unsigned i;

	if (count[type] == 0)
		return 0;
	if (type != 0xb) {
		st_dfields(d, c, body_fields + first[type], count[type]);
		return size[type];
	}
	st_dfields(d, c, body_fields + B_ANS, 2);
	ptp_signed(d, c, &body_fields[B_ANUTC]);
	for (i = B_ANP1; i <= B_ANSRC; i++)
		st_dfield(d, c, &body_fields[i]);
	return size[type];
}

/*
 * A management message's TLV (IEEE 1588-2008 15.5): type, length, then
 * for a management TLV (1) its ID and data, the data sets by their IDs;
 * for a management error status (2) the error, the ID and a text.  Rows
 * from the data's start (byte 54 of the message).
 */
enum { M_TYPE, M_LEN, M_ID, M_DATA, M_CT, M_OC, M_BC, M_P2P, M_E2E, M_MM,
	M_CTRSV, M_PHYP, M_PHYPLEN, M_PALEN, M_PADDR, M_PROTO, M_NETPROTO,
	M_PROTOLEN, M_MANUF, M_RSV, M_PROD, M_PRODLEN, M_REV, M_REVLEN, M_USER,
	M_USERLEN, M_PROFILE, M_PAD, M_INITKEY, M_TSC, M_SO, M_NPORTS, M_PRIO1,
	M_CLASS, M_ACC, M_VAR, M_PRIO2, M_CLOCK, M_DOMAIN, M_STEPS, M_OFFNS,
	M_OFFSUB, M_PDNS, M_PDSUB, M_PARENT, M_PPORT, M_PSTATS, M_OPOSLV,
	M_OPCPCR, M_GMP1, M_GMCLASS, M_GMACC, M_GMVAR, M_GMP2, M_GMID, M_UTC,
	M_LI61, M_LI59, M_UTCV, M_PTPTS, M_TTRA, M_FTRA, M_TSRC, M_PORTNUM,
	M_PSTATE, M_LMDRI, M_PMPDNS, M_PMPDSUB, M_LAI, M_ART, M_LSI, M_DELAYM,
	M_LMPRI, M_VERSION, M_CTS, M_CTNS, M_ERRID, M_DISP, M_DISPLEN, MM_NF };

static const struct st_field_desc mm_fields[MM_NF] = {
	FD(NULL, "ptp.v2.mm.tlvType", "TLV type", 384, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.lengthField", "TLV length", 400, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.managementId", "Management ID", 416, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.data", "Management data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.clockType", "Clock type", 0, 16, ST_FMT_HEX),
	FDD(NULL, "ptp.v2.mm.clockType.OC", "Ordinary clock", 0, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.clockType.BC", "Boundary clock", 1, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.clockType.p2p_TC", "Peer-to-peer transparent "
	    "clock", 2, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.clockType.e2e_TC", "End-to-end transparent "
	    "clock", 3, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.clockType.MM", "Management node", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.clockType.reserved", "Reserved", 5, 11,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.physicalLayerProtocol", "Physical layer protocol",
	    0, 0, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.physicalLayerProtocol.length", "Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.physicalAddressLength", "Physical address "
	    "length", 0, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.physicalAddress", "Physical address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.protocolAddress", "Protocol address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.networkProtocol", "Network protocol", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.protocolAddress.length", "Length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.manufacturerIdentity", "Manufacturer identity", 0,
	    24, ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.reserved", "Reserved", 0, 8, ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.productDescription", "Product description", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.productDescription.length", "Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.revisionData", "Revision data", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.revisionData.length", "Length", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.userDescription", "User description", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.userDescription.length", "Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.profileIdentity", "Profile identity", 0, 48,
	    ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.pad", "Pad", 0, 8, ST_FMT_BYTES),
	FD(NULL, "ptp.v2.mm.initializationKey", "Initialization key", 0, 16,
	    ST_FMT_DEC),
	FDD(NULL, "ptp.v2.mm.twoStep", "Two step", 7, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.SlavOnly", "Slave only", 6, 1, ST_FMT_BOOL),
	FD(NULL, "ptp.v2.mm.numberPorts", "Number of ports", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.priority1", "Priority 1", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.clockclass", "Clock class", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.clockaccuracy", "Clock accuracy", 8, 8,
	    ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.clockvariance", "Clock variance", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.priority2", "Priority 2", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.clockidentity", "Clock identity", 0, 64,
	    ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.domainNumber", "Domain", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.stepsRemoved", "Steps removed", 0, 16,
	    ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.offset.ns", "Offset from master (ns)", 0, 48,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.offset.subns", "Offset from master (sub-ns)", 48,
	    16, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.pathDelay.ns", "Mean path delay (ns)", 0, 48,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.pathDelay.subns", "Mean path delay (sub-ns)", 48,
	    16, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.parentclockidentity", "Parent clock identity", 0,
	    64, ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.parentsourceportid", "Parent port", 64, 16,
	    ST_FMT_DEC),
	FDD(NULL, "ptp.v2.mm.parentstats", "Parent statistics", 87, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ptp.v2.mm.observedParentOffsetScaledLogVariance",
	    "Observed parent offset scaled log variance", 0, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.observedParentClockPhaseChangeRate", "Observed "
	    "parent clock phase change rate", 0, 32, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.grandmasterPriority1", "Grandmaster priority 1",
	    0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.grandmasterclockclass", "Grandmaster clock class",
	    0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.grandmasterclockaccuracy", "Grandmaster clock "
	    "accuracy", 8, 8, ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.grandmasterclockvariance", "Grandmaster clock "
	    "variance", 16, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.grandmasterPriority2", "Grandmaster priority 2",
	    0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.grandmasterclockidentity", "Grandmaster clock "
	    "identity", 0, 64, ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.currentutcoffset", "Current UTC offset", 0, 16,
	    ST_FMT_TEXT),
	FDD(NULL, "ptp.v2.mm.li61", "Leap 61", 7, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.li59", "Leap 59", 6, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.CurrentUTCOffsetValid", "Current UTC offset "
	    "valid", 5, 1, ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.ptptimescale", "PTP timescale", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.timeTraceable", "Time traceable", 3, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "ptp.v2.mm.frequencyTraceable", "Frequency traceable", 2, 1,
	    ST_FMT_BOOL),
	FD(NULL, "ptp.v2.mm.timesource", "Time source", 0, 8, ST_FMT_HEX),
	FD(NULL, "ptp.v2.mm.PortNumber", "Port number", 0, 16, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.portState", "Port state", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.logMinDelayReqInterval", "Log min delay request "
	    "interval", 0, 8, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.peerMeanPathDelay.ns", "Peer mean path delay "
	    "(ns)", 0, 48, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.peerMeanPathDelay.subns", "Peer mean path delay "
	    "(sub-ns)", 48, 16, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.logAnnounceInterval", "Log announce interval", 0,
	    8, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.announceReceiptTimeout", "Announce receipt "
	    "timeout", 0, 8, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.logSyncInterval", "Log sync interval", 0, 8,
	    ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.delayMechanism", "Delay mechanism", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.logMinPdelayReqInterval", "Log min peer delay "
	    "request interval", 0, 8, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.versionNumber", "Version", 4, 4, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.currentTime.seconds", "Current time (s)", 0, 48,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.currentTime.nanoseconds", "Current time (ns)", 48,
	    32, ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.managementErrorId", "Management error", 416, 16,
	    ST_FMT_DEC),
	FD(NULL, "ptp.v2.mm.displayData", "Display data", 0, 0, ST_FMT_TEXT),
	FD(NULL, "ptp.v2.mm.displayData.length", "Length", 0, 8, ST_FMT_DEC),
};

/* Data read at o (its position moving on): a row, a signed row shown as
 * text, a PTPText (length, then text, shown as tshark does: the text,
 * and under it the length and the text again). */
struct mm {
	struct st_dctx	*d;
	struct st_cur	 o;
	size_t		 start;
};

static void
mm_rows(struct mm *m, unsigned row, unsigned n, size_t bytes)
{
	st_dfields(m->d, &m->o, mm_fields + row, n);
	st_cur_skip(&m->o, bytes);
}

static void
mm_signed(struct mm *m, unsigned row)
{
	const struct st_field_desc *fd = &mm_fields[row];
	size_t n = fd->bits / 8;
	uint64_t v;
	char text[16];

	if (!st_cur_need(&m->o, n))
		return;
	v = st_peek_bits(&m->o, 0, (unsigned)fd->bits);
	snprintf(text, sizeof(text), "%lld", n == 1 ? (long long)(int8_t)v :
	    n == 2 ? (long long)(int16_t)v : (long long)(int32_t)v);
	st_dtext(m->d, &m->o, fd, 0, n, text);
	st_cur_skip(&m->o, n);
}

static void
mm_text(struct mm *m, unsigned row, unsigned lenrow)
{
	char text[4 * 255 + 1];
	size_t n;

	if (!st_cur_need(&m->o, 1))
		return;
	n = (size_t)st_peek_bits(&m->o, 0, 8);
	if (!st_cur_need(&m->o, 1 + n))
		return;
	st_escape(m->o.base + m->o.off + 1, n, text, sizeof(text));
	st_dtext(m->d, &m->o, &mm_fields[row], 1, n, text);
	st_dfield(m->d, &m->o, &mm_fields[lenrow]);
	st_dtext(m->d, &m->o, &mm_fields[row], 1, n, text);
	st_cur_skip(&m->o, 1 + n);
}

/* A TimeInterval (nanoseconds << 16): the nanoseconds, as tshark keeps
 * them (the 64 bits shifted down, sign and all), and the fraction. */
static void
mm_interval(struct mm *m, unsigned row)
{
	char text[24];
	uint64_t v;

	if (!st_cur_need(&m->o, 8))
		return;
	v = st_peek_bits(&m->o, 0, 64);
	st_pkt_add_field(m->d->pkt, &mm_fields[row], (uint32_t)(m->o.off * 8),
	    48, (uint64_t)((int64_t)v >> 16));
	snprintf(text, sizeof(text), "%.6g", (double)(v & 0xffff) / 65536.0);
	st_dtext(m->d, &m->o, &mm_fields[row + 1], 6, 2, text);
	st_cur_skip(&m->o, 8);
}

/* An odd number of data bytes read ends in a pad byte. */
static void
mm_pad(struct mm *m)
{
	if ((m->o.off - m->start) % 2)
		mm_rows(m, M_PAD, 1, 1);
}

/* The clock description (ID 1, 15.5.3.1.2). */
static void
mm_clock(struct mm *m)
{
	size_t n;

	mm_rows(m, M_CT, 7, 2);
	mm_text(m, M_PHYP, M_PHYPLEN);
	n = st_cur_left(&m->o) >= 2 ? (size_t)st_peek_bits(&m->o, 0, 16) : 0;
	mm_rows(m, M_PALEN, 1, 2);
	if (st_dbytes(m->d, &m->o, &mm_fields[M_PADDR], 0, n) == NULL && n)
		return;
	st_cur_skip(&m->o, n);
	n = st_cur_left(&m->o) >= 4 ? (size_t)st_peek_bits(&m->o, 16, 16) :
	    0;
	if (!st_cur_need(&m->o, 4 + n))
		return;
	st_dbytes(m->d, &m->o, &mm_fields[M_PROTO], 4, n);
	st_dfields(m->d, &m->o, mm_fields + M_NETPROTO, 2);
	st_dbytes(m->d, &m->o, &mm_fields[M_PROTO], 4, n);
	st_cur_skip(&m->o, 4 + n);
	mm_rows(m, M_MANUF, 1, 3);
	mm_rows(m, M_RSV, 1, 1);
	mm_text(m, M_PROD, M_PRODLEN);
	mm_text(m, M_REV, M_REVLEN);
	mm_text(m, M_USER, M_USERLEN);
	mm_rows(m, M_PROFILE, 1, 6);
	mm_pad(m);
}

/* The data of management ID id, at m. */
static void
mm_data(struct mm *m, unsigned id)
{
	switch (id) {
	case 0x0001:
		mm_clock(m);
		break;
	case 0x0002:
		mm_text(m, M_USER, M_USERLEN);
		mm_pad(m);
		break;
	case 0x0005:
		mm_rows(m, M_INITKEY, 1, 2);
		break;
	case 0x2000:		/* default data set */
		mm_rows(m, M_TSC, 2, 1);
		mm_rows(m, M_RSV, 1, 1);
		mm_rows(m, M_NPORTS, 1, 2);
		mm_rows(m, M_PRIO1, 1, 1);
		mm_rows(m, M_CLASS, 3, 4);
		mm_rows(m, M_PRIO2, 1, 1);
		mm_rows(m, M_CLOCK, 1, 8);
		mm_rows(m, M_DOMAIN, 1, 1);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x2001:		/* current data set */
		mm_signed(m, M_STEPS);
		mm_interval(m, M_OFFNS);
		mm_interval(m, M_PDNS);
		break;
	case 0x2002:		/* parent data set */
		mm_rows(m, M_PARENT, 3, 11);
		mm_rows(m, M_RSV, 1, 1);
		mm_rows(m, M_OPOSLV, 1, 2);
		mm_signed(m, M_OPCPCR);
		mm_rows(m, M_GMP1, 1, 1);
		mm_rows(m, M_GMCLASS, 3, 4);
		mm_rows(m, M_GMP2, 1, 1);
		mm_rows(m, M_GMID, 1, 8);
		break;
	case 0x2003:		/* time properties data set */
		mm_signed(m, M_UTC);
		mm_rows(m, M_LI61, 6, 1);
		mm_rows(m, M_TSRC, 1, 1);
		break;
	case 0x2004:		/* port data set */
		mm_rows(m, M_CLOCK, 1, 8);
		mm_rows(m, M_PORTNUM, 1, 2);
		mm_rows(m, M_PSTATE, 1, 1);
		mm_signed(m, M_LMDRI);
		mm_interval(m, M_PMPDNS);
		mm_signed(m, M_LAI);
		mm_rows(m, M_ART, 1, 1);
		mm_signed(m, M_LSI);
		mm_rows(m, M_DELAYM, 1, 1);
		mm_signed(m, M_LMPRI);
		mm_rows(m, M_VERSION, 1, 1);
		break;
	case 0x2005:
		mm_rows(m, M_PRIO1, 1, 1);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x2006:
		mm_rows(m, M_PRIO2, 1, 1);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x2007:
		mm_rows(m, M_DOMAIN, 1, 1);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x2009:
		mm_signed(m, M_LAI);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x200a:
		mm_rows(m, M_ART, 1, 1);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x200b:
		mm_signed(m, M_LSI);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x200c:
		mm_rows(m, M_VERSION, 1, 1);
		mm_rows(m, M_RSV, 1, 1);
		break;
	case 0x200f:
		mm_rows(m, M_CTS, 2, 10);
		break;
	}
}

/* The TLV of a management message of len bytes at c, from byte 48. */
static void
ptp_mm_tlv(struct st_dctx *d, struct st_cur *c, size_t len)
{
	struct mm m;
	unsigned type;
	size_t tlen;

	if (len < 52 || st_dfields(d, c, mm_fields + M_TYPE, 2) != ST_OK)
		return;
	type = (unsigned)st_peek_bits(c, 384, 16);
	tlen = (size_t)st_peek_bits(c, 400, 16);
	m.d = d;
	m.o = st_cur_sub(c, len, NULL);
	m.o.off += 54;
	m.start = m.o.off;
	if (type == 1) {
		if (st_dfield(d, c, &mm_fields[M_ID]) == NULL || tlen <= 2)
			return;
		if (54 + tlen - 2 > len) {
			st_dmalformed(d, "TLV of %zu bytes runs past the message",
			    tlen);
			return;
		}
		m.o.end = m.o.off + tlen - 2 < m.o.end ? m.o.off + tlen - 2 :
		    m.o.end;
		st_dbytes(d, c, &mm_fields[M_DATA], 54, tlen - 2);
		mm_data(&m, (unsigned)st_peek_bits(c, 416, 16));
	} else if (type == 2) {
		st_dfield(d, c, &mm_fields[M_ERRID]);
		if (st_cur_left(c) >= 56)
			st_pkt_add_field(d->pkt, &mm_fields[M_ID],
			    (uint32_t)((c->off + 54) * 8), 16,
			    st_peek_bits(c, 432, 16));
		m.o.off += 6;		/* reserved */
		mm_text(&m, M_DISP, M_DISPLEN);
	}
}

static int
ptp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len, body;
	unsigned type;

	if (st_cur_left(c) >= 2 && st_peek_bits(c, 12, 4) != 2)
		return ST_ENOTME;	/* PTPv1 and others: not decoded */
	if (st_dfields(d, c, ptp_fields, F_CORSUB) != ST_OK)
		return c->err;
	ptp_subns(d, c);
	st_dfields(d, c, ptp_fields + F_SPEC, F_CLOCK - F_SPEC + 1);
	/* An EUI-64 made from a MAC (ff:fe in its middle): the MAC's OUI. */
	if (st_cur_left(c) >= 25 && st_peek_bits(c, 184, 16) == 0xfffe)
		st_dfield(d, c, &body_fields[B_MANUF]);
	st_dfields(d, c, ptp_fields + F_PORT, F_PERIOD - F_PORT);
	ptp_signed(d, c, &ptp_fields[F_PERIOD]);
	if (c->err != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 4, 4);
	len = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = 34;
	if (len < 34)
		return st_dmalformed(d, "message length %zu below 34", len);
	body = ptp_body(d, c, type);
	if (c->err != ST_OK)
		return c->err;
	if (34 + body > len)
		return st_dmalformed(d, "message length %zu below the %zu "
		    "bytes of its type", len, 34 + body);
	d->hdr = 34 + body;
	/* A follow-up's timestamp in nanoseconds, its low 32 bits (tshark's
	 * "32bit"). */
	if (type == 0x8 && !d->pkt->lite)
		st_dgen(d, &body_fields[B_FU32], (uint32_t)(st_peek_bits(c,
		    272, 48) * 1000000000u + st_peek_bits(c, 320, 32)));
	if (type == 0xd) {
		ptp_mm_tlv(d, c, len);
		d->hdr = len;
		d->plen = 0;
		return ST_OK;
	}
	/* TLVs (signalling, announce extensions): data. */
	d->plen = len - d->hdr;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind ptp_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88f7 },
	{ ST_KEY_UDPPORT, 319 },
	{ ST_KEY_UDPPORT, 320 },
};

/* "PTPv2, sync, seq 23". */
static int
ptp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const char *const names[16] = {
		"sync", "delay req", "peer delay req", "peer delay resp",
		NULL, NULL, NULL, NULL, "follow up", "delay resp",
		"peer delay resp follow up", "announce", "signaling",
		"management",
	};
	const struct st_field *f[F_SEQ + 1];
	const char *name;

	st_ly_fields(s->pkt, ly, ptp_fields, F_SEQ + 1, f);
	if (f[F_TYPE] == NULL)
		return 0;
	name = names[f[F_TYPE]->val & 15];
	st_out_puts(s->o, "PTPv2, ");
	if (name != NULL)
		st_out_puts(s->o, name);
	else
		st_out_printf(s->o, "type %u", (unsigned)f[F_TYPE]->val);
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, ", seq %u", (unsigned)f[F_SEQ]->val);
	return 1;
}

static const struct st_field_desc *const ptp_keys[] = {
	&ptp_fields[F_TYPE], &ptp_fields[F_DOMAIN], &ptp_fields[F_SEQ], NULL,
};

const struct st_proto st_proto_ptp = {
	.name = "ptp",
	.ws = "ptp",
	.title = "Precision Time Protocol",
	.rfc = "IEEE 1588-2008",
	.role = ST_ROLE_APP,
	.fields = ptp_fields,
	.nfields = NFIELDS(ptp_fields),
	.more = body_fields,
	.nmore = NFIELDS(body_fields),
	.decode = ptp_decode,
	.binds = ptp_binds,
	.nbinds = NFIELDS(ptp_binds),
	.summary = ptp_summary,
	.keys = ptp_keys,
	.color = "\033[35m",
	.explain_bits = 272,
	.explain = "Timestamps are 48-bit seconds and 32-bit nanoseconds. The "
	    "correction is nanoseconds times 65536. Event messages (sync, "
	    "delay and peer delay requests and responses) go to UDP port 319, "
	    "general ones to 320. Only version 2 is decoded.",
};
