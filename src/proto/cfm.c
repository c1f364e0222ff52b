/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CFM, Connectivity Fault Management (IEEE 802.1ag, now 802.1Q clause 21,
 * and ITU-T Y.1731's Ethernet OAM on the same header), EtherType 0x8902.
 * Every PDU opens with four bytes:
 *
 *  0     3         8               16              24             31
 * +-----+---------+---------------+---------------+---------------+
 * |Level| Version |    OpCode     |     Flags     |First TLV Offs.|
 * +-----+---------+---------------+---------------+---------------+
 *
 * then the opcode's fixed part (the first TLV offset counts its bytes)
 * and TLVs of a type byte and a 16-bit length, to an End TLV (a zero
 * byte with no length).  Decoded here: the Continuity Check Message (1:
 * sequence, MEP ID, the 48-byte MAID of an MD name and a short MA name,
 * Y.1731's 16 bytes of counters), Loopback Message and Reply (3, 2: a
 * transaction ID), Linktrace Message (5: transaction ID, TTL, original
 * and target MAC) and Reply (4: transaction ID, TTL, relay action), and
 * their TLVs.  Wireshark reads the TLVs only where the first TLV offset
 * lands on the end of the fixed part it knows; so does this.
 */
#include "strata/out.h"
#include "fields.h"

#define CFM_CCM		1
#define CFM_LBR		2
#define CFM_LBM		3
#define CFM_LTR		4
#define CFM_LTM		5
#define CFM_MAID	48	/* bytes of a CCM's MAID */
#define CFM_MAXTLV	64

static const struct st_valname opcode_names[] = {
	{ 1, "Continuity Check Message (CCM)" },
	{ 2, "Loopback Reply (LBR)" }, { 3, "Loopback Message (LBM)" },
	{ 4, "Linktrace Reply (LTR)" }, { 5, "Linktrace Message (LTM)" },
	{ 32, "Generic Notification Message (GNM)" },
	{ 33, "Alarm Indication Signal (AIS)" },
	{ 35, "Lock Signal (LCK)" }, { 37, "Test Signal (TST)" },
	{ 39, "Automatic Protection Switching (APS)" },
	{ 40, "Ring-Automatic Protection Switching (R-APS)" },
	{ 41, "Maintenance Communication Channel (MCC)" },
	{ 42, "Loss Measurement Reply (LMR)" },
	{ 43, "Loss Measurement Message (LMM)" },
	{ 45, "One Way Delay Measurement (1DM)" },
	{ 46, "Delay Measurement Reply (DMR)" },
	{ 47, "Delay Measurement Message (DMM)" },
	{ 48, "Experimental OAM Message (EXM)" },
	{ 49, "Experimental OAM Reply (EXR)" },
	{ 50, "Vendor Specific Message (VSM)" },
	{ 51, "Vendor Specific Reply (VSR)" },
	{ 52, "Client Signal Fail (CSF)" },
	{ 53, "One Way Synthetic Loss Measurement (1SL)" },
	{ 54, "Synthetic Loss Reply (SLR)" },
	{ 55, "Synthetic Loss Message (SLM)" }, { 0, NULL }
};

static const struct st_valname interval_names[] = {
	{ 0, "invalid" }, { 1, "Trans Int 3.33ms, max Lifetime 11.66ms, "
	"min Lifetime 10.83ms" }, { 2, "Trans Int 10ms" },
	{ 3, "Trans Int 100ms" }, { 4, "Trans Int 1s" },
	{ 5, "Trans Int 10s" }, { 6, "Trans Int 1min" },
	{ 7, "Trans Int 10min" }, { 0, NULL }
};

static const struct st_valname mdfmt_names[] = {
	{ 1, "No Maintenance Domain Name present" },
	{ 2, "Domain Name based string" },
	{ 3, "MAC address + 2-octet integer" }, { 4, "Character string" },
	{ 0, NULL }
};

static const struct st_valname mafmt_names[] = {
	{ 1, "Primary VID" }, { 2, "Character string" },
	{ 3, "2-octet integer" }, { 4, "RFC 2685 VPN ID" },
	{ 32, "ICC-based Format" }, { 0, NULL }
};

static const struct st_valname tlv_names[] = {
	{ 0, "End TLV" }, { 1, "Sender ID TLV" }, { 2, "Port Status TLV" },
	{ 3, "Data TLV" }, { 4, "Interface Status TLV" },
	{ 5, "Reply Ingress TLV" }, { 6, "Reply Egress TLV" },
	{ 7, "LTM Egress Identifier TLV" }, { 8, "LTR Egress Identifier TLV" },
	{ 31, "Organizational-Specific TLV" }, { 32, "Test TLV" },
	{ 0, NULL }
};

static const struct st_valname port_names[] = {
	{ 1, "psBlocked" }, { 2, "psUp" }, { 0, NULL }
};

static const struct st_valname ifstat_names[] = {
	{ 1, "isUp" }, { 2, "isDown" }, { 3, "isTesting" },
	{ 4, "isUnknown" }, { 5, "isDormant" }, { 6, "isNotPresent" },
	{ 7, "isLowerLayerDown" }, { 0, NULL }
};

static const struct st_valname relay_names[] = {
	{ 1, "RlyHit" }, { 2, "RlyFDB" }, { 3, "RlyMPDB" }, { 0, NULL }
};

static const struct st_valname ingress_names[] = {
	{ 1, "IngOK" }, { 2, "IngDown" }, { 3, "IngBlocked" },
	{ 4, "IngVID" }, { 0, NULL }
};

static const struct st_valname egress_names[] = {
	{ 1, "EgrOK" }, { 2, "EgrDown" }, { 3, "EgrBlocked" },
	{ 4, "EgrVID" }, { 0, NULL }
};

enum { F_LEVEL, F_VERS, F_OP, F_FLAGS, F_OFFSET,
	/* CCM, from the flags */
	F_RDI, F_CCMRES, F_INTERVAL, F_SEQ, F_MEPID, F_TXFCF, F_RXFCB,
	F_TXFCB, F_ITURES,
	/* the MAID, from each item */
	F_MDFMT, F_MDLEN, F_MDSTR, F_MDHEX, F_MDMAC, F_MDMACID, F_MAFMT,
	F_MALEN, F_MASTR, F_MAHEX,
	/* LBM, LBR, LTM, LTR, from the flags */
	F_LBID, F_USEFDB, F_LTMRES, F_FWDYES, F_TERMMEP, F_LTRRES, F_LTID,
	F_TTL, F_ORIG, F_TARG, F_RELAY,
	/* TLVs, from the TLV's start */
	F_TTYPE, F_TLEN, F_PORT, F_IFSTAT, F_DATA, F_INGACT, F_INGMAC,
	F_EGRACT, F_EGRMAC, F_LTMUI, F_LTMMAC, F_LASTUI, F_LASTMAC, F_NEXTUI,
	F_NEXTMAC, F_OUI, F_SUBTYPE, F_VALUE,
	/* length-prefixed parts of TLVs, from their length byte */
	F_CHLEN, F_CHSUB, F_CHID, F_DOMLEN, F_DOM, F_MGMTLEN, F_MGMT,
	F_PIDLEN, F_PIDSUB, F_PID };

static const struct st_field_desc cfm_fields[] = {
	FD("level", "cfm.md.level", "CFM MD Level", 0, 3, ST_FMT_DEC),
	FD("version", "cfm.version", "CFM Version", 3, 5, ST_FMT_DEC),
	FDN("opcode", "cfm.opcode", "CFM OpCode", 8, 8, ST_FMT_DEC,
	    opcode_names),
	FD("flags", "cfm.flags", "Flags", 16, 8, ST_FMT_HEX),
	FD("offset", "cfm.first.tlv.offset", "First TLV Offset", 24, 8,
	    ST_FMT_DEC),
	FDD(NULL, "cfm.flags.rdi", "RDI", 16, 1, ST_FMT_DEC),
	FDD(NULL, "cfm.flags.ccm.reserved", "Reserved", 17, 4, ST_FMT_DEC),
	FDDN(NULL, "cfm.flags.interval", "Interval Field", 21, 3, ST_FMT_DEC,
	    interval_names),
	FD(NULL, "cfm.ccm.seq.num", "Sequence Number", 32, 32, ST_FMT_DEC),
	FD(NULL, "cfm.ccm.ma.ep.id", "Maintenance Association End Point "
	    "Identifier", 67, 13, ST_FMT_DEC),
	FD(NULL, "cfm.itu.txfcf", "TxFCf", 464, 32, ST_FMT_BYTES),
	FD(NULL, "cfm.itu.rxfcb", "RxFCb", 496, 32, ST_FMT_BYTES),
	FD(NULL, "cfm.itu.txfcb", "TxFCb", 528, 32, ST_FMT_BYTES),
	FD(NULL, "cfm.itu.reserved", "Reserved", 560, 32, ST_FMT_BYTES),
	FDN(NULL, "cfm.maid.md.name.format", "MD Name Format", 0, 8,
	    ST_FMT_DEC, mdfmt_names),
	FD(NULL, "cfm.maid.md.name.length", "MD Name Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "cfm.maid.md.name.string", "MD Name (String)", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "cfm.maid.md.name.hex", "MD Name", 0, 0, ST_FMT_BYTES),
	FD(NULL, "cfm.maid.md.name.mac", "MD Name (MAC)", 0, 48, ST_FMT_MAC),
	FD(NULL, "cfm.maid.md.name.mac.id", "MD Name (MAC)", 48, 16,
	    ST_FMT_BYTES),
	FDN(NULL, "cfm.maid.ma.name.format", "Short MA Name (MEG ID) Format",
	    0, 8, ST_FMT_DEC, mafmt_names),
	FD(NULL, "cfm.maid.ma.name.length", "Short MA Name (MEG ID) Length",
	    8, 8, ST_FMT_DEC),
	FD(NULL, "cfm.maid.ma.name.string", "Short MA Name", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "cfm.maid.ma.name.hex", "Short MA Name", 0, 0, ST_FMT_BYTES),
	FD(NULL, "cfm.lb.transaction.id", "Loopback Transaction Identifier",
	    32, 32, ST_FMT_DEC),
	FDD(NULL, "cfm.flags.usefdbonly", "UseFDBonly", 16, 1, ST_FMT_DEC),
	FDD(NULL, "cfm.flags.ltm.reserved", "Reserved", 17, 7, ST_FMT_DEC),
	FDD(NULL, "cfm.flags.fwdyes", "FwdYes", 17, 1, ST_FMT_DEC),
	FDD(NULL, "cfm.flags.ltr.terminalmep", "TerminalMEP", 18, 1,
	    ST_FMT_DEC),
	FDD(NULL, "cfm.flags.ltr.reserved", "Reserved", 19, 5, ST_FMT_DEC),
	FD(NULL, "cfm.lt.transaction.id", "Linktrace Transaction Identifier",
	    32, 32, ST_FMT_DEC),
	FD(NULL, "cfm.lt.ttl", "Linktrace TTL", 64, 8, ST_FMT_DEC),
	FD(NULL, "cfm.ltm.orig.addr", "Linktrace Message: Original Address",
	    72, 48, ST_FMT_MAC),
	FD(NULL, "cfm.ltm.targ.addr", "Linktrace Message:   Target Address",
	    120, 48, ST_FMT_MAC),
	FDN(NULL, "cfm.ltr.relay.action", "Linktrace Reply Relay Action", 72,
	    8, ST_FMT_DEC, relay_names),
	FDN(NULL, "cfm.tlv.type", "TLV Type", 0, 8, ST_FMT_DEC, tlv_names),
	FD(NULL, "cfm.tlv.length", "TLV Length", 8, 16, ST_FMT_DEC),
	FDN(NULL, "cfm.tlv.port.status.value", "Port Status value", 24, 8,
	    ST_FMT_DEC, port_names),
	FDN(NULL, "cfm.tlv.port.interface.value", "Interface Status value",
	    24, 8, ST_FMT_DEC, ifstat_names),
	FD(NULL, "cfm.tlv.data.value", "Data Value", 24, 0, ST_FMT_BYTES),
	FDN(NULL, "cfm.tlv.reply.ingress.action", "Ingress Action", 24, 8,
	    ST_FMT_DEC, ingress_names),
	FD(NULL, "cfm.tlv.reply.ingress.mac.address", "Ingress MAC address",
	    32, 48, ST_FMT_MAC),
	FDN(NULL, "cfm.tlv.reply.egress.action", "Egress Action", 24, 8,
	    ST_FMT_DEC, egress_names),
	FD(NULL, "cfm.tlv.reply.egress.mac.address", "Egress MAC address",
	    32, 48, ST_FMT_MAC),
	FD(NULL, "cfm.tlv.ltm.egress.id.ui", "Egress Identifier - Unique "
	    "Identifier", 24, 16, ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.ltm.egress.id.mac", "Egress Identifier - MAC of LT "
	    "Initiator/Responder", 40, 48, ST_FMT_MAC),
	FD(NULL, "cfm.tlv.ltr.egress.last.id.ui", "Last Egress Identifier - "
	    "Unique Identifier", 24, 16, ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.ltr.egress.last.id.mac", "Last Egress Identifier - "
	    "MAC address", 40, 48, ST_FMT_MAC),
	FD(NULL, "cfm.tlv.ltr.egress.next.id.ui", "Next Egress Identifier - "
	    "Unique Identifier", 88, 16, ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.ltr.egress.next.id.mac", "Next Egress Identifier - "
	    "MAC address", 104, 48, ST_FMT_MAC),
	FD(NULL, "cfm.tlv.org.spec.oui", "OUI", 24, 24, ST_FMT_HEX),
	FD(NULL, "cfm.tlv.org.spec.subtype", "Sub-Type", 48, 8, ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.org.spec.value", "Value", 56, 0, ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.chassis.id.length", "Chassis ID Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "cfm.tlv.chassis.id.subtype", "Chassis ID Sub-type", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "cfm.tlv.chassis.id", "Chassis ID", 16, 0, ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.ma.domain.length", "Management Address Domain "
	    "Length", 0, 8, ST_FMT_DEC),
	FD(NULL, "cfm.tlv.ma.domain", "Management Address Domain", 8, 0,
	    ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.management.addr.length", "Management Address "
	    "Length", 0, 8, ST_FMT_DEC),
	FD(NULL, "cfm.tlv.management.addr", "Management Address", 8, 0,
	    ST_FMT_BYTES),
	FD(NULL, "cfm.tlv.reply.ing.egr.portid.length", "Chassis ID Length",
	    0, 8, ST_FMT_DEC),
	FD(NULL, "cfm.tlv.reply.ing.egr.portid.subtype", "Chassis ID "
	    "Sub-type", 8, 8, ST_FMT_DEC),
	FD(NULL, "cfm.tlv.reply.ing.egr.portid", "Chassis ID", 16, 0,
	    ST_FMT_BYTES),
};

#define F(i)	(&cfm_fields[(i)])

/* Bytes of each decoded opcode's fixed part after the 4-byte header. */
static size_t
fixed_len(unsigned op)
{
	switch (op) {
	case CFM_CCM:
		return 70;
	case CFM_LBM: case CFM_LBR:
		return 4;
	case CFM_LTM:
		return 17;
	case CFM_LTR:
		return 6;
	}
	return 0;
}

/* A name of n bytes at c's position plus off, as text or as bytes. */
static void
name(struct st_dctx *d, struct st_cur *c, size_t off, size_t n,
    const struct st_field_desc *fd)
{
	char text[CFM_MAID * 4 + 1];

	if (n == 0 || !st_cur_need(c, off + n))
		return;
	if (fd->fmt == ST_FMT_BYTES) {
		st_dbytes(d, c, fd, off, n);
		return;
	}
	st_escape_ascii(c->base + c->off + off, n, text, sizeof(text));
	st_dtext(d, c, fd, off, n, text);
}

/*
 * The MAID of a CCM at c (its 48 bytes): the MD name (absent in format
 * 1), then the short MA name, zero-padded.  Wireshark reads the lengths
 * as given, past the 48 bytes if they say so; a MAID they overrun is
 * shown as far and marked.
 */
static int
maid(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t = *c;
	unsigned fmt, len;
	size_t pos = 0;

	fmt = (unsigned)st_peek_bits(&t, 0, 8);
	st_dfield(d, &t, F(F_MDFMT));
	pos = 1;
	if (t.err == ST_OK && fmt != 1) {
		t.off = c->off + pos;
		len = (unsigned)st_peek_bits(&t, 0, 8);
		st_dfield(d, &t, F(F_MDLEN));
		pos++;
		t.off = c->off + pos;
		if (fmt == 3 && len == 8)
			st_dfields(d, &t, F(F_MDMAC), 2);
		else
			name(d, &t, 0, len, F(fmt == 3 ? F_MDHEX : F_MDSTR));
		pos += len;
	}
	t.off = c->off + pos;
	fmt = (unsigned)st_peek_bits(&t, 0, 8);
	len = (unsigned)st_peek_bits(&t, 8, 8);
	st_dfields(d, &t, F(F_MAFMT), 2);
	name(d, &t, 2, len, F(fmt == 2 || fmt == 32 ? F_MASTR : F_MAHEX));
	pos += 2 + len;
	if (t.err != ST_OK)
		return c->err = t.err;
	if (pos > CFM_MAID)
		return st_dmalformed(d, "MAID names of %zu bytes, above 48",
		    pos);
	return ST_OK;
}

/* The fixed part of a decoded opcode, the 4-byte header included. */
static int
fixed(struct st_dctx *d, struct st_cur *c, unsigned op)
{
	struct st_cur m;

	switch (op) {
	case CFM_CCM:
		st_dfield(d, c, F(F_FLAGS));
		st_dfields(d, c, F(F_RDI), 3);
		st_dfield(d, c, F(F_OFFSET));
		st_dfields(d, c, F(F_SEQ), 2);
		if (c->err != ST_OK)
			return c->err;
		m = *c;
		m.off += 10;
		if (maid(d, &m) == ST_EINVAL)
			return ST_EINVAL;
		st_dfields(d, c, F(F_TXFCF), 4);
		break;
	case CFM_LBM: case CFM_LBR:
		st_dfields(d, c, F(F_FLAGS), 2);
		st_dfield(d, c, F(F_LBID));
		break;
	case CFM_LTM:
		st_dfield(d, c, F(F_FLAGS));
		st_dfields(d, c, F(F_USEFDB), 2);
		st_dfield(d, c, F(F_OFFSET));
		st_dfields(d, c, F(F_LTID), 4);
		break;
	case CFM_LTR:
		st_dfield(d, c, F(F_FLAGS));
		st_dfield(d, c, F(F_USEFDB));
		st_dfields(d, c, F(F_FWDYES), 3);
		st_dfield(d, c, F(F_OFFSET));
		st_dfields(d, c, F(F_LTID), 2);
		st_dfield(d, c, F(F_RELAY));
		break;
	default:
		/* Wireshark reads no further than the opcode of one it
		 * does not know. */
		if (st_valname(opcode_names, op) != NULL)
			st_dfields(d, c, F(F_FLAGS), 2);
		break;
	}
	return c->err;
}

/*
 * A length byte at c's position plus off and the bytes it counts: the
 * length, then fd (at 8 bits, or at 16 after a subtype byte when sub
 * is set, which comes only when the length is not 0).  Returns the bytes
 * taken.
 */
static size_t
counted(struct st_dctx *d, struct st_cur *c, size_t off, int row, int sub)
{
	struct st_cur t = *c;
	size_t n;

	t.off += off;
	n = (size_t)st_peek_bits(&t, 0, 8);
	st_dfield(d, &t, F(row));
	if (n == 0 || t.err != ST_OK)
		return 1;
	if (sub) {
		st_dfield(d, &t, F(row + 1));
		if (st_cur_need(&t, 2 + n))
			st_dbytes(d, &t, F(row + 2), 2, n);
		return 2 + n;
	}
	if (st_cur_need(&t, 1 + n))
		st_dbytes(d, &t, F(row + 1), 1, n);
	return 1 + n;
}

/*
 * The Sender ID TLV's value of n bytes at t + 3: the chassis ID, then,
 * as far as the length goes, the management address domain and the
 * management address, each after its length.
 */
static void
sender_id(struct st_dctx *d, struct st_cur *t, size_t n)
{
	size_t chlen = (size_t)st_peek_bits(t, 24, 8), domlen, pos;

	pos = 3 + counted(d, t, 3, F_CHLEN, 1);
	if (n <= 2 + chlen || !st_cur_need(t, pos + 1))
		return;
	domlen = (size_t)st_peek_bits(t, pos * 8, 8);
	pos += counted(d, t, pos, F_DOMLEN, 0);
	if (n > 2 + chlen + 1 + domlen && st_cur_need(t, pos + 1))
		counted(d, t, pos, F_MGMTLEN, 0);
}

/* The value of TLV type of n bytes at t (its header at t). */
static void
tlv_value(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	switch (type) {
	case 1:
		sender_id(d, t, n);
		break;
	case 2:
		st_dfield(d, t, F(F_PORT));
		break;
	case 3:
		st_dbytes(d, t, F(F_DATA), 3, n);
		break;
	case 4:
		st_dfield(d, t, F(F_IFSTAT));
		break;
	case 5: case 6:
		st_dfields(d, t, F(type == 5 ? F_INGACT : F_EGRACT), 2);
		if (n > 7)
			counted(d, t, 10, F_PIDLEN, 1);
		break;
	case 7:
		st_dfields(d, t, F(F_LTMUI), 2);
		break;
	case 8:
		st_dfields(d, t, F(F_LASTUI), 4);
		break;
	case 31:
		if (n <= 3)
			break;
		st_dfields(d, t, F(F_OUI), 2);
		if (n > 4)
			st_dbytes(d, t, F(F_VALUE), 7, n - 4);
		break;
	}
}

/* The TLVs from pos to the End TLV; sets d->hdr past it. */
static int
tlvs(struct st_dctx *d, struct st_cur *c, size_t pos)
{
	size_t left = st_cur_left(c), n;
	struct st_cur t;
	unsigned type, i;

	for (i = 0; i < CFM_MAXTLV; i++) {
		t = *c;
		t.off += pos;
		type = (unsigned)st_peek_bits(&t, 0, 8);
		if (t.err != ST_OK)
			break;
		if (type == 0) {
			st_dfield(d, &t, F(F_TTYPE));
			d->hdr = pos + 1;
			return ST_OK;
		}
		st_dfields(d, &t, F(F_TTYPE), 2);
		if (t.err != ST_OK)
			break;
		n = (size_t)st_peek_bits(&t, 8, 16);
		if (n > 0)
			tlv_value(d, &t, type, n);
		if (n > left - pos - 3) {
			t.err = ST_ETRUNC;
			break;
		}
		pos += 3 + n;
	}
	d->hdr = left;
	if (i == CFM_MAXTLV)
		return st_dmalformed(d, "more than %d TLVs", CFM_MAXTLV);
	/* Out of bytes before the End TLV. */
	if (d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return st_dmalformed(d, "no End TLV");
}

static int
cfm_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned op, first;
	int rc;

	d->plen = 0;
	d->hdr = st_cur_left(c);
	st_dfields(d, c, cfm_fields, 3);
	if (c->err != ST_OK)
		return c->err;
	op = (unsigned)st_peek_bits(c, 8, 8);
	if ((rc = fixed(d, c, op)) != ST_OK)
		return rc;
	first = (unsigned)st_peek_bits(c, 24, 8);
	if (fixed_len(op) == 0 || first != fixed_len(op)) {
		/* Not read further, as Wireshark. */
		d->hdr = fixed_len(op) != 0 || st_valname(opcode_names, op) !=
		    NULL ? 4 + fixed_len(op) : 2;
		d->data = 1;
		d->plen = SIZE_MAX;
		return ST_OK;
	}
	return tlvs(d, c, 4 + first);
}

static const struct st_bind cfm_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8902 },
};

/* "CFMv0 Continuity Check Message (CCM), MD Level 5, MEP 101, seq 7", as
 * tcpdump begins it, with the message's numbers. */
static int
cfm_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LTID + 1];
	const char *nm;

	st_ly_fields(s->pkt, ly, cfm_fields, F_LTID + 1, f);
	if (f[F_OP] == NULL || f[F_LEVEL] == NULL)
		return 0;
	nm = st_valname(opcode_names, (uint32_t)f[F_OP]->val);
	st_out_printf(s->o, "CFMv%u ", f[F_VERS] != NULL ?
	    (unsigned)f[F_VERS]->val : 0);
	if (nm != NULL)
		st_out_puts(s->o, nm);
	else
		st_out_printf(s->o, "opcode %u", (unsigned)f[F_OP]->val);
	st_out_printf(s->o, ", MD Level %u", (unsigned)f[F_LEVEL]->val);
	if (f[F_MEPID] != NULL)
		st_out_printf(s->o, ", MEP %u", (unsigned)f[F_MEPID]->val);
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, ", seq %u", (unsigned)f[F_SEQ]->val);
	if (f[F_LBID] != NULL)
		st_out_printf(s->o, ", transaction %u",
		    (unsigned)f[F_LBID]->val);
	if (f[F_LTID] != NULL)
		st_out_printf(s->o, ", transaction %u",
		    (unsigned)f[F_LTID]->val);
	return 1;
}

static const struct st_field_desc *const cfm_keys[] = {
	F(F_LEVEL), F(F_OP), F(F_OFFSET), NULL,
};

const struct st_proto st_proto_cfm = {
	.name = "cfm",
	.ws = "cfm",
	.title = "Connectivity Fault Management",
	.rfc = "IEEE 802.1ag, ITU-T Y.1731",
	.role = ST_ROLE_CONTROL,
	.fields = cfm_fields,
	.nfields = NFIELDS(cfm_fields),
	.decode = cfm_decode,
	.binds = cfm_binds,
	.nbinds = NFIELDS(cfm_binds),
	.summary = cfm_summary,
	.keys = cfm_keys,
	.color = "\033[35m",
	.explain_bits = 32,
	.explain = "Ethernet OAM between maintenance end points (MEPs) of one "
	    "maintenance domain level (0-7; a MEP drops frames of lower "
	    "levels).  A MEP multicasts a Continuity Check Message every "
	    "interval the flags name (3.33 ms to 10 min), with a sequence "
	    "number, its MEP ID and the MAID (domain and association names) "
	    "its peers must share; RDI set says it misses a peer.  A Loopback "
	    "Message is Ethernet's ping (the reply echoes its transaction ID); "
	    "a Linktrace Message, its traceroute: each bridge on the way to "
	    "the target MAC lowers the TTL and answers with a Linktrace "
	    "Reply.  The first TLV offset says where the TLVs start (after "
	    "the opcode's fixed fields); they end with an End TLV (type 0).",
};
