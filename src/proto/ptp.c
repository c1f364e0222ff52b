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
};

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
	st_dfields(d, c, ptp_fields + F_SPEC, F_PERIOD - F_SPEC);
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
	/* TLVs (management, signalling, announce extensions): data. */
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
