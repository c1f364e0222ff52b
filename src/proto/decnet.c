/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DECnet Phase IV on Ethernet (EtherType 0x6003): the routing layer
 * (DNA Routing Layer Functional Specification 2.0.0) and NSP above it
 * (DNA NSP Functional Specification 4.0.1), one layer as Wireshark's
 * dec_dna shows them.
 *
 * On Ethernet a routing message starts with its length (16 bits, low
 * byte first, not counting itself) and may be padded: a first byte with
 * bit 0x80 set gives the count of pad bytes, itself included.  Then the
 * flags byte:
 *
 *   bit 0x01 set: a routing control message, its type in bits 0x0e
 *     0 initialization, 1 verification, 2 hello and test, 3 and 4 level 1
 *     and level 2 routing, 5 Ethernet router hello, 6 endnode hello.
 *   else a data packet: 0x06 long header (2) or short (1), 0x08 return
 *     to sender request, 0x10 on its return trip, 0x20 intra-Ethernet,
 *     0x40 discarded.
 *
 * Long data header (21 bytes with the flags): destination area, subarea
 * and its 6-byte Ethernet ID, the same for the source, next level 2
 * router, visit count, service class, protocol type.  Short (6 bytes):
 * destination and source node addresses (16 bits, little-endian: area
 * in the top 6 bits, node in the low 10), forwarding (visits).
 *
 * NSP, after a data header: message flags (the type), destination and
 * source logical link addresses (16 bits, little-endian), then by type:
 * acknowledgement numbers (bit 0x8000 set), the segment number (12 bits,
 * 0x1000 delayed ACK allowed), link service flags, a connect's services,
 * version, segment size and session control's end users, a disconnect's
 * reason.  Numbers are little-endian throughout.
 */
#include "strata/out.h"
#include "decnet.h"

/* Router list entries of a router hello: at most this many are shown. */
#define DN_ROUTERS	64

static const struct st_valname rt_type_names[] = {
	{ 0, "Initialization message" }, { 1, "Verification message" },
	{ 2, "Hello and test message" }, { 3, "Level 1 routing message" },
	{ 4, "Level 2 routing message" },
	{ 5, "Ethernet router hello message" },
	{ 6, "Ethernet endnode hello message" }, { 0, NULL }
};

static const struct st_valname nsp_type_names[] = {
	{ 0x00, "Data segment continuation" },
	{ 0x04, "Data acknowledgement message" }, { 0x08, "NOP" },
	{ 0x10, "Link service message" },
	{ 0x14, "Other data acknowledgement message" },
	{ 0x18, "Connect initiate" }, { 0x20, "Beginning of segment message" },
	{ 0x24, "Connect acknowledgement message" },
	{ 0x28, "Connect confirm" }, { 0x30, "Interrupt message" },
	{ 0x38, "Disconnect initiate" }, { 0x40, "End of segment message" },
	{ 0x48, "Disconnect confirm" },
	{ 0x60, "Begin of segment / End of segment" },
	{ 0x68, "Retransmitted connect initiate" }, { 0, NULL }
};

static const struct st_valname node_type_names[] = {
	{ 1, "Level 2 router" }, { 2, "Level 1 router" }, { 3, "End node" },
	{ 0, NULL }
};

static const struct st_valname fc_names[] = {
	{ 0, "no change" }, { 1, "do not send data" }, { 2, "send data" },
	{ 3, "reserved" }, { 0, NULL }
};

static const struct st_valname svc_names[] = {
	{ 0, "none" }, { 1, "segment request count" },
	{ 2, "Session control message request count" }, { 3, "reserved" },
	{ 0, NULL }
};

static const struct st_valname info_names[] = {
	{ 0, "version 3.2" }, { 1, "version 3.1" }, { 2, "version 4.0" },
	{ 3, "reserved" }, { 0, NULL }
};

static const struct st_valname disc_names[] = {
	{ 0, "no error" }, { 3, "The node is shutting down" },
	{ 4, "The destination end user does not exist" },
	{ 5, "A connect message contains an invalid end user name" },
	{ 6, "Destination end user has insufficient resources" },
	{ 7, "Unspecified error" },
	{ 8, "A third party has disconnected the link" },
	{ 9, "An end user has aborted the logical link" },
	{ 32, "The node has insufficient resources" },
	{ 33, "Destination end user has insufficient resources" },
	{ 34, "Connect request rejected because incorrect RQSTRID or "
	    "PASSWORD" },
	{ 36, "Connect request rejected because of unacceptable ACCOUNT "
	    "info" },
	{ 38, "End user has timed out, aborted or cancelled a connect "
	    "request" },
	{ 43, "Connect request RQSTRID, PASSWORD, ACCOUNT or USRDATA too "
	    "long" },
	{ 0, NULL }
};

#define LE16(n, l, f)	FD(NULL, n, l, 0, 16, f)

const struct st_field_desc st_dn_fields[] = {
	[F_LEN] = FD("len", "strata.dec_dna.length", "Length", 0, 16,
	    ST_FMT_DEC),
	[F_PAD] = FD(NULL, "strata.dec_dna.padding", "Padding", 0, 0,
	    ST_FMT_BYTES),
	/* from the flags byte */
	[F_FLAGS] = FD("flags", "dec_dna.flags", "Routing flags", 0, 8,
	    ST_FMT_HEX),
	[F_CTL] = FDD(NULL, "dec_dna.flags.control", "Control packet", 7, 1,
	    ST_FMT_BOOL),
	[F_RTTYPE] = FDDN(NULL, "dec_dna.rt.msg_type",
	    "Routing control message", 4, 3, ST_FMT_HEX, rt_type_names),
	/* Wireshark adds the type a second time, as the message's header,
	 * passing the type already shifted through the field's mask 0x0e
	 * again: (type & 6) >> 1, generated to agree with it */
	[F_RTTYPE2] = FDG("dec_dna.rt.msg_type", "Routing control message "
	    "(Wireshark's header item)", ST_FMT_HEX, NULL),
	[F_MSGLEN] = FDD(NULL, "dec_dna.flags.msglen", "Data packet format",
	    5, 2, ST_FMT_HEX),
	[F_RQR] = FDD(NULL, "dec_dna.flags.RQR", "Return to Sender Request",
	    4, 1, ST_FMT_BOOL),
	[F_RTS] = FDD(NULL, "dec_dna.flags.RTS", "Packet on return trip", 3,
	    1, ST_FMT_BOOL),
	[F_IETH] = FDD(NULL, "dec_dna.flags.intra_eth",
	    "Intra-ethernet packet", 2, 1, ST_FMT_BOOL),
	[F_DISCARD] = FDD(NULL, "dec_dna.flags.discard", "Discarded packet",
	    1, 1, ST_FMT_BOOL),
	[F_DADDR] = FD("dst", "dec_dna.dst.address", "Destination Address",
	    24, 48, ST_FMT_MAC),
	[F_SADDR] = FD("src", "dec_dna.src.addr", "Source Address", 88, 48,
	    ST_FMT_MAC),
	[F_NL2] = FD(NULL, "dec_dna.nl2", "Next level 2 router", 136, 8,
	    ST_FMT_HEX),
	[F_VISIT] = FD(NULL, "dec_dna.visit_cnt", "Visit count", 144, 8,
	    ST_FMT_HEX),
	[F_SVC] = FD(NULL, "dec_dna.svc_cls", "Service class", 152, 8,
	    ST_FMT_HEX),
	[F_PT] = FD(NULL, "dec_dna.proto_type", "Protocol type", 160, 8,
	    ST_FMT_HEX),
	/* little-endian, at offsets the message gives */
	[F_DNODE] = LE16("dec_dna.dst_node", "Destination node", ST_FMT_HEX),
	[F_SNODE] = LE16("dec_dna.src_node", "Source node", ST_FMT_HEX),
	[F_VST] = FD(NULL, "dec_dna.vst_node", "Nodes visited", 0, 8,
	    ST_FMT_DEC),
	[F_TIINFO] = LE16("dec_dna.ctl.tiinfo", "Routing information",
	    ST_FMT_HEX),
	[F_BLK] = LE16("dec_dna.ctl.blk_size", "Block size", ST_FMT_DEC),
	[F_VERSION] = FD(NULL, "strata.dec_dna.version",
	    "Routing layer version", 0, 24, ST_FMT_TEXT),
	[F_TIMER] = LE16("dec_dna.ctl.timer", "Hello timer(seconds)",
	    ST_FMT_DEC),
	[F_RESERVED] = FD(NULL, "dec_dna.ctl.reserved", "Reserved", 0, 0,
	    ST_FMT_BYTES),
	[F_FCNVAL] = FD(NULL, "dec_dna.ctl.fcnval",
	    "Verification message function value", 0, 0, ST_FMT_BYTES),
	[F_TEST] = FD(NULL, "dec_dna.ctl.test_data", "Test message data", 0,
	    0, ST_FMT_BYTES),
	[F_SEGCOUNT] = LE16("strata.dec_dna.segment.count", "Count",
	    ST_FMT_DEC),
	[F_SEGSTART] = LE16("strata.dec_dna.segment.start", "Start ID",
	    ST_FMT_DEC),
	[F_SEGHOPS] = FD(NULL, "strata.dec_dna.segment.hops", "Hops", 1, 5,
	    ST_FMT_DEC),
	[F_SEGCOST] = FD(NULL, "strata.dec_dna.segment.cost", "Cost", 6, 10,
	    ST_FMT_DEC),
	/* a sum of 16-bit words, not RFC 1071's: no ST_DF_CKSUM, for the
	 * checksum view; the decoder sets its status */
	[F_CK] = FD(NULL, "dec_dna.ctl.checksum", "Checksum", 0, 16,
	    ST_FMT_HEX),
	[F_CKST] = FDGS("dec_dna.ctl.checksum.status", "Checksum Status"),
	[F_ID] = FD(NULL, "dec_dna.ctl.id", "Transmitting system ID", 24, 48,
	    ST_FMT_MAC),
	[F_IINFO] = FD(NULL, "dec_dna.ctl.tiinfo", "Routing information",
	    72, 8, ST_FMT_HEX),
	[F_NTYPE] = FDDN(NULL, "dec_dna.ctl.iinfo.node_type", "Node type",
	    78, 2, ST_FMT_HEX, node_type_names),
	[F_VRF] = FDD(NULL, "dec_dna.ctl.iinfo.vrf", "Verification required",
	    77, 1, ST_FMT_BOOL),
	[F_REJ] = FDD(NULL, "dec_dna.ctl.iinfo.rej", "Rejected", 76, 1,
	    ST_FMT_BOOL),
	[F_VERF] = FDD(NULL, "dec_dna.ctl.iinfo.verf", "Verification failed",
	    75, 1, ST_FMT_BOOL),
	[F_MTA] = FDD(NULL, "dec_dna.ctl.iinfo.mta",
	    "Accepts multicast traffic", 74, 1, ST_FMT_BOOL),
	[F_BLKREQ] = FDD(NULL, "dec_dna.ctl.iinfo.blkreq",
	    "Blocking requested", 73, 1, ST_FMT_BOOL),
	[F_PRIO] = FD(NULL, "dec_dna.ctl.prio", "Routing priority", 0, 8,
	    ST_FMT_HEX),
	[F_SEED] = FD(NULL, "dec_dna.ctl.seed", "Verification seed", 0, 64,
	    ST_FMT_BYTES),
	[F_NEIGHBOR] = FD(NULL, "dec_dna.ctl_neighbor", "Neighbor", 64, 48,
	    ST_FMT_MAC),
	[F_ENAME] = FD(NULL, "dec_dna.ctl.ename", "Ethernet name", 0, 56,
	    ST_FMT_BYTES),
	[F_RID] = FD(NULL, "dec_dna.ctl.router_id", "Router ID", 0, 48,
	    ST_FMT_MAC),
	[F_RSTATE] = FD(NULL, "dec_dna.ctl.router_state", "Router state", 48,
	    8, ST_FMT_TEXT),
	[F_RPRIO] = FD(NULL, "dec_dna.ctl.router_prio", "Router priority", 49,
	    7, ST_FMT_HEX),
	/* NSP */
	[F_NSPTYPE] = FDN(NULL, "dec_dna.nsp.msg_type", "DNA NSP message", 0,
	    8, ST_FMT_HEX, nsp_type_names),
	[F_SEGNUM] = FD(NULL, "dec_dna.nsp.segnum", "Message number", 4, 12,
	    ST_FMT_DEC),
	[F_DELAY] = FDD(NULL, "dec_dna.nsp.delay", "Delayed ACK allowed", 3,
	    1, ST_FMT_BOOL),
	[F_FC] = FDN(NULL, "dec_dna.nsp.flow_control", "Flow control", 6, 2,
	    ST_FMT_HEX, fc_names),
	[F_SERVICES] = FDN(NULL, "dec_dna.nsp.services", "Requested services",
	    4, 2, ST_FMT_HEX, svc_names),
	[F_INFO] = FDN(NULL, "dec_dna.nsp.info", "Version info", 14, 2,
	    ST_FMT_HEX, info_names),
	[F_SEGSIZE] = LE16("dec_dna.nsp.segsize", "Maximum data segment size",
	    ST_FMT_DEC),
	[F_REASON] = FDN(NULL, "dec_dna.nsp.disc_reason",
	    "Reason for disconnect", 0, 16, ST_FMT_HEX, disc_names),
	[F_OBJ] = FD(NULL, "dec_dna.sess.obj_type", "Session Object type", 0,
	    8, ST_FMT_HEX),
	[F_GRP] = LE16("dec_dna.sess.grp_code", "Session Group code",
	    ST_FMT_HEX),
	[F_USR] = LE16("dec_dna.sess.usr_code", "Session User code",
	    ST_FMT_HEX),
	[F_DNAME] = FD(NULL, "dec_dna.sess.dst_name",
	    "Session Destination end user", 0, 0, ST_FMT_TEXT),
	[F_SNAME] = FD(NULL, "dec_dna.sess.src_name",
	    "Session Source end user", 0, 0, ST_FMT_TEXT),
	[F_MENU] = FD(NULL, "dec_dna.sess.menu_ver", "Session Menu version",
	    0, 8, ST_FMT_TEXT),
	[F_RQSTR] = FD(NULL, "dec_dna.sess.rqstr_id", "Session Requestor ID",
	    0, 0, ST_FMT_TEXT),
};

/* A little-endian 16-bit field (or a part of one) at byte off. */
uint16_t
st_dn_le16(struct st_dctx *d, struct st_cur *c, size_t off, int row)
{
	struct st_cur s = *c;

	st_dle(d, c, &st_dn_fields[row], off, 2);
	if (!st_cur_skip(&s, off))
		return 0;
	return st_get_le16(&s);
}

/* A byte at off, 0 when it is not there (c->err then set). */
unsigned
st_dn_u8(struct st_cur *c, size_t off)
{
	return (unsigned)st_peek_bits(c, off * 8, 8);
}

/* The n bytes at off as text (end user names, requestor IDs). */
static void
dn_text(struct st_dctx *d, struct st_cur *c, size_t off, size_t n, int row)
{
	char text[256 * 4 + 1];
	struct st_cur s = *c;
	const uint8_t *p;

	if (!st_cur_skip(&s, off) || (p = st_get_bytes(&s, n)) == NULL) {
		c->err = ST_ETRUNC;
		return;
	}
	st_escape_ascii(p, n, text, sizeof(text));
	st_dtext(d, c, &st_dn_fields[row], off, n, text);
}

/* A counted image field at off (a count byte, then the bytes): its name
 * as text, as Wireshark shows it without the count; the offset after. */
size_t
st_dn_image(struct st_dctx *d, struct st_cur *c, size_t off, int row)
{
	size_t n = st_dn_u8(c, off);

	dn_text(d, c, off + 1, n, row);
	return off + 1 + n;
}

/*
 * The version of a hello or initialization message (3 bytes: version,
 * ECO, user ECO) at off, as text "2.0.0".
 */
static void
dn_version(struct st_dctx *d, struct st_cur *c, size_t off)
{
	char text[16];
	struct st_field *f;

	if (!st_cur_need(c, off + 3))
		return;
	snprintf(text, sizeof(text), "%u.%u.%u", st_dn_u8(c, off),
	    st_dn_u8(c, off + 1), st_dn_u8(c, off + 2));
	if ((f = st_dtext(d, c, &st_dn_fields[F_VERSION], off, 3, text)) != NULL)
		f->val = st_peek_bits(c, off * 8, 24);
}

/* A counted field Wireshark shows from its count byte on, count bytes. */
static size_t
dn_counted(struct st_dctx *d, struct st_cur *c, size_t off, int row)
{
	size_t n = st_dn_u8(c, off);

	if (c->err != ST_OK)
		return off;
	if (n > 0)
		st_dbytes(d, c, &st_dn_fields[row], off, n);
	return off + (n > 0 ? n : 1);
}

/*
 * A routing message's segments from off (count, start ID, and routing
 * information: hops and cost), then its checksum: 1 plus the 16-bit
 * words of the segments, folded, as Wireshark reads one six-byte segment
 * at a time.  Returns the offset after the checksum.
 */
static size_t
dn_routing(struct st_dctx *d, struct st_cur *c, size_t off)
{
	size_t left = st_cur_left(c) > off ? st_cur_left(c) - off : 0;
	struct st_field *f;
	uint32_t sum = 1;
	unsigned i, k;

	for (i = 0; i == 0 || left > 6; i++) {
		if (left < 6) {
			c->err = ST_ETRUNC;
			return off;
		}
		for (k = 0; k < 3; k++)
			sum += st_dn_le16(d, c, off + 2 * k, k == 0 ? F_SEGCOUNT :
			    k == 1 ? F_SEGSTART : F_SEGHOPS);
		st_dle(d, c, &st_dn_fields[F_SEGCOST], off + 4, 2);
		off += 6;
		left -= 6;
	}
	if (left < 2) {
		st_dmalformed(d, "no room for the checksum after the segments");
		return off;
	}
	off += left - 2;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	if ((f = st_dle(d, c, &st_dn_fields[F_CK], off, 2)) == NULL)
		return off;
	if (f->val == sum)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = sum;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &st_dn_fields[F_CKST]);
	return off + 2;
}

/* An Ethernet router or endnode hello (type 5 or 6) at off. */
static size_t
dn_hello(struct st_dctx *d, struct st_cur *c, size_t off, unsigned type)
{
	unsigned i, image, item;

	dn_version(d, c, off);
	/* the ID and information byte: rows from the message's start */
	st_dfields_at(d, c, off, st_dn_fields + F_ID, F_PRIO - F_ID);
	st_dn_le16(d, c, off + 10, F_BLK);
	off += 12;
	if (type == 5)
		st_dfields_at(d, c, off++, &st_dn_fields[F_PRIO], 1);
	off++;				/* the area, reserved */
	if (type == 6) {
		st_dfields_at(d, c, off, st_dn_fields + F_SEED, 2);
		off += 14;
	}
	st_dn_le16(d, c, off, F_TIMER);
	off += 3;			/* and the reserved MPD */
	if (type != 5 || c->err != ST_OK)
		return off;
	/* the routers this one hears, by Ethernet name (7 bytes) */
	image = st_dn_u8(c, off++);
	for (i = 0; image > 0 && c->err == ST_OK && i < DN_ROUTERS; ) {
		if (image < 8) {
			st_dmalformed(d, "router list of %u bytes left", image);
			return off;
		}
		st_dfields_at(d, c, off, &st_dn_fields[F_ENAME], 1);
		item = st_dn_u8(c, off + 7);
		off += 8;
		image -= 8;
		for (; item > 0 && c->err == ST_OK && i < DN_ROUTERS; i++) {
			if (item < 7 || image < 7) {
				st_dmalformed(d, "router entry of %u bytes",
				    item);
				return off;
			}
			st_dfields_at(d, c, off, &st_dn_fields[F_RID], 1);
			if (st_cur_need(c, off + 7))
				st_dtext(d, c, &st_dn_fields[F_RSTATE], off + 6, 1,
				    st_dn_u8(c, off + 6) & 0x80 ? "known 2-way" :
				    "unknown");
			st_dfields_at(d, c, off, &st_dn_fields[F_RPRIO], 1);
			off += 7;
			item -= 7;
			image -= 7;
		}
	}
	return off;
}

/* A routing control message after the flags byte at o. */
static size_t
dn_control(struct st_dctx *d, struct st_cur *c, size_t o, unsigned type)
{
	switch (type) {
	case 0:		/* initialization */
		st_dn_le16(d, c, o, F_SNODE);
		st_dn_le16(d, c, o + 2, F_TIINFO);
		st_dn_le16(d, c, o + 4, F_BLK);
		dn_version(d, c, o + 6);
		st_dn_le16(d, c, o + 9, F_TIMER);
		return dn_counted(d, c, o + 11, F_RESERVED);
	case 1:		/* verification */
		st_dn_le16(d, c, o, F_SNODE);
		return dn_counted(d, c, o + 2, F_FCNVAL);
	case 2:		/* hello and test: test data to the end */
		st_dn_le16(d, c, o, F_SNODE);
		if (st_cur_left(c) > o + 2)
			st_dbytes(d, c, &st_dn_fields[F_TEST], o + 2,
			    st_cur_left(c) - o - 2);
		return st_cur_left(c) > o + 2 ? st_cur_left(c) : o + 2;
	case 3:		/* level 1 and 2 routing */
	case 4:
		st_dn_le16(d, c, o, F_SNODE);
		return dn_routing(d, c, o + 3);
	case 5:
	case 6:
		return dn_hello(d, c, o, type);
	}
	return o;
}

static int
dn_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_field *lf;
	struct st_cur m;
	size_t len, fo, o;
	unsigned flags, pad = 0;
	int clipped;

	if ((lf = st_dle(d, c, &st_dn_fields[F_LEN], 0, 2)) == NULL)
		return c->err;
	len = (size_t)lf->val;
	/* the message is bounded by its length; what follows it is padding
	 * to Ethernet's minimum */
	m = st_cur_sub(c, 2 + len, &clipped);
	flags = st_dn_u8(&m, 2);
	if (flags & 0x80) {
		pad = flags & 0x7f;
		if (pad > 0)
			st_dbytes(d, &m, &st_dn_fields[F_PAD], 2, pad);
	}
	fo = 2 + pad;
	flags = st_dn_u8(&m, fo);
	st_dfields_at(d, &m, fo, &st_dn_fields[F_FLAGS], 1);
	if (m.err != ST_OK)
		return m.err;
	if (flags & 0x01) {
		st_dfields_at(d, &m, fo, st_dn_fields + F_CTL, 2);
		st_dgen(d, &st_dn_fields[F_RTTYPE2], ((flags >> 1) & 6) >> 1);
		o = dn_control(d, &m, fo + 1, (flags >> 1) & 7);
	} else if (flags & 0x04) {
		st_dfields_at(d, &m, fo, st_dn_fields + F_MSGLEN, 5);
		st_dfields_at(d, &m, fo, st_dn_fields + F_DADDR, 6);
		o = fo + 21;
	} else {
		st_dfields_at(d, &m, fo, st_dn_fields + F_MSGLEN, 3);
		st_dn_le16(d, &m, fo + 1, F_DNODE);
		st_dn_le16(d, &m, fo + 3, F_SNODE);
		st_dfields_at(d, &m, fo + 5, &st_dn_fields[F_VST], 1);
		o = fo + 6;
	}
	/* a message that runs past the length it gives, within what was
	 * captured, contradicts itself */
	if (m.err == ST_ETRUNC && !clipped)
		return st_dmalformed(d, "message runs past its length %zu",
		    len);
	if (m.err != ST_OK)
		return m.err;
	if (d->ly->status != ST_LS_OK)
		return ST_EINVAL;
	if (clipped && d->pkt->caplen >= d->pkt->len)
		return st_dmalformed(d, "length %zu past the %zu bytes carried",
		    len, st_cur_left(c) - 2);
	d->hdr = o < st_cur_left(&m) ? o : st_cur_left(&m);
	d->plen = st_cur_left(&m) - d->hdr;
	/* a data packet carries NSP, shown as a layer of its own (Wireshark
	 * puts its fields beside dec_dna's, not inside); a control message
	 * ends with test data or nothing */
	if (flags & 0x01)
		d->data = 1;
	else
		d->next = &st_proto_decnsp;
	return ST_OK;
}

static const struct st_bind dn_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x6003 },
};

/* A 16-bit node address as DECnet writes it, area.node. */
static void
dn_node(struct st_sumctx *s, const struct st_field *f)
{
	if (f == NULL)
		st_out_puts(s->o, "?");
	else
		st_out_printf(s->o, "%u.%u", (unsigned)(f->val >> 10),
		    (unsigned)(f->val & 0x3ff));
}

/* A DECnet Ethernet address AA-00-04-00-xx-xx as area.node. */
static void
dn_mac(struct st_sumctx *s, const struct st_field *f)
{
	const uint8_t *p;
	size_t n = 0;

	if (f != NULL && (p = st_field_bytes(s->pkt, f, &n)) != NULL &&
	    n == 6 && p[0] == 0xaa && p[1] == 0 && p[2] == 4 && p[3] == 0) {
		st_out_printf(s->o, "%u.%u", (unsigned)(p[5] >> 2),
		    (unsigned)((p[5] & 3) << 8 | p[4]));
		return;
	}
	s->value(s, f);
}

/*
 * "decnet 1.8 > 1.4 Connect initiate", "decnet Ethernet router hello
 * message from 1.4", as tcpdump names them.
 */
static int
dn_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_RQSTR + 1];
	const char *t;

	st_ly_fields(s->pkt, ly, st_dn_fields, F_RQSTR + 1, f);
	if (f[F_FLAGS] == NULL)
		return 0;
	st_out_puts(s->o, "decnet ");
	/* read from the flags: their bits are details a summary skips */
	if (f[F_FLAGS]->val & 1) {
		t = st_valname(rt_type_names, (uint32_t)(f[F_FLAGS]->val >> 1 &
		    7));
		st_out_puts(s->o, t != NULL ? t : "routing control message");
		if (f[F_ID] != NULL) {
			st_out_puts(s->o, " from ");
			dn_mac(s, f[F_ID]);
		} else if (f[F_SNODE] != NULL) {
			st_out_puts(s->o, " from ");
			dn_node(s, f[F_SNODE]);
		}
		return 1;
	}
	st_dn_sum_route(s, ly);
	return 1;
}

void
st_dn_sum_route(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_VST + 1];

	st_ly_fields(s->pkt, ly, st_dn_fields, F_VST + 1, f);
	if (f[F_SADDR] != NULL) {
		dn_mac(s, f[F_SADDR]);
		st_out_puts(s->o, " > ");
		dn_mac(s, f[F_DADDR]);
	} else if (f[F_SNODE] != NULL) {
		dn_node(s, f[F_SNODE]);
		st_out_puts(s->o, " > ");
		dn_node(s, f[F_DNODE]);
	} else
		st_out_puts(s->o, "data packet");
}

static const struct st_field_desc *const dn_keys[] = {
	&st_dn_fields[F_FLAGS], &st_dn_fields[F_DADDR], &st_dn_fields[F_SADDR],
	NULL,
};

const struct st_proto st_proto_decnet = {
	.name = "decnet",
	.ws = "dec_dna",
	.title = "DECnet Phase IV routing layer",
	.rfc = "DNA Routing Layer 2.0.0, NSP 4.0.1",
	.role = ST_ROLE_NET,
	.fields = st_dn_fields,
	.nfields = F_NSPTYPE,		/* NSP's rows are its own layer's */
	.decode = dn_decode,
	.binds = dn_binds,
	.nbinds = NFIELDS(dn_binds),
	.summary = dn_summary,
	.keys = dn_keys,
	.color = "\033[35m",
	.explain_bits = 24,
	.explain = "DEC's network architecture. On Ethernet a node's address "
	    "area.node (6 and 10 bits) is also its MAC, AA-00-04-00 and the "
	    "16-bit address low byte first. A routing message starts with its "
	    "length and optional padding, then a flags byte: bit 0 marks a "
	    "routing control message (hellos from routers and end nodes, "
	    "routing tables whose entries give each node's hops and cost, "
	    "initialization on point-to-point lines); otherwise a data packet "
	    "with a long (Ethernet) or short header, carrying NSP, DECnet's "
	    "transport: connect initiate and confirm with the session's end "
	    "users, numbered data segments and their acknowledgements, link "
	    "service flow control, interrupts, disconnects.",
};
