/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BACnet's network layer, the NPDU (ASHRAE 135 clause 6), after
 * Wireshark's packet-bacnet.c: the same on every BACnet link, reached by
 * LLC SAP 0x82 (BACnet/Ethernet) and from BACnet/IP's BVLC.
 *
 * +---------+---------+-- if DEST: DNET (2), DLEN, DADR (DLEN bytes)
 * | version | control +-- if SRC:  SNET (2), SLEN, SADR (SLEN bytes)
 * |  (1)    |         +-- if DEST: hop count
 * +---------+---------+-- if NET:  message type [, vendor ID if >= 0x80]
 *
 * Control: 0x80 a network layer message follows (else an APDU), 0x20
 * DEST present, 0x08 SRC present, 0x04 a reply is expected, 0x03 the
 * priority.  A MAC address of 6 bytes is an Ethernet one, of 1 an MS/TP
 * or ARCNET station.  Network layer messages: Who-Is- and
 * I-Am-Router-To-Network and the router busy/available ones carry a
 * list of networks, the routing table ones their ports.
 */
#include "strata/out.h"
#include "fields.h"

enum {
	F_VER, F_CTRL, F_NET, F_RES1, F_DEST, F_RES2, F_SRC, F_EXPECT,
	F_PRIOH, F_PRIOL, F_DNET, F_DLEN, F_DADR_ETH, F_DADR_MSTP, F_DADR,
	F_SNET, F_SLEN, F_SADR_ETH, F_SADR_MSTP, F_SADR, F_HOPC, F_MSGTYPE,
	F_VENDOR, F_PERF, F_REJECT, F_RPORTNUM, F_PORTID, F_PINFOLEN,
	F_PINFO, F_TERM, F_NETNO
};

#define C_NET	0x80
#define C_DEST	0x20
#define C_SRC	0x08

static const struct st_valname msg_names[] = {
	{ 0x00, "Who-Is-Router-To-Network" },
	{ 0x01, "I-Am-Router-To-Network" },
	{ 0x02, "I-Could-Be-Router-To-Network" },
	{ 0x03, "Reject-Message-To-Network" },
	{ 0x04, "Router-Busy-To-Network" },
	{ 0x05, "Router-Available-To-Network" },
	{ 0x06, "Initialize-Routing-Table" },
	{ 0x07, "Initialize-Routing-Table-Ack" },
	{ 0x08, "Establish-Connection-To-Network" },
	{ 0x09, "Disconnect-Connection-To-Network" },
	{ 0x12, "What-Is-Network-Number" }, { 0x13, "Network-Number-Is" },
	{ 0, NULL }
};

static const struct st_field_desc bacnet_fields[] = {
	FD(NULL, "bacnet.version", "Version", 0, 8, ST_FMT_DEC),
	FD("control", "bacnet.control", "Control", 8, 8, ST_FMT_HEX),
	FDD(NULL, "bacnet.control_net", "NSDU contains", 8, 1, ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_res1", "Reserved", 9, 1, ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_dest", "Destination Specifier", 10, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_res2", "Reserved", 11, 1, ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_src", "Source specifier", 12, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_expect", "Expecting Reply", 13, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_prio_high", "Priority", 14, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bacnet.control_prio_low", "Priority", 15, 1, ST_FMT_BOOL),
};

/* The optional parts, at the cursor (M(F_...)). */
#define M(i)	(&bacnet_more[(i) - F_DNET])
static const struct st_field_desc bacnet_more[] = {
	FD("dnet", "bacnet.dnet", "Destination Network Address", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "bacnet.dlen", "Destination MAC Layer Address Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "bacnet.dadr_eth", "Destination ISO 8802-3 MAC Address", 0,
	    48, ST_FMT_MAC),
	FD(NULL, "bacnet.dadr_mstp", "DADR", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacnet.dadr_tmp", "Unknown Destination MAC", 0, 0,
	    ST_FMT_BYTES),
	FD("snet", "bacnet.snet", "Source Network Address", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "bacnet.slen", "Source MAC Layer Address Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "bacnet.sadr_eth", "SADR", 0, 48, ST_FMT_MAC),
	FD(NULL, "bacnet.sadr_mstp", "SADR", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacnet.sadr_tmp", "Unknown Source MAC", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "bacnet.hopc", "Hop Count", 0, 8, ST_FMT_DEC),
	FDN("type", "bacnet.mesgtyp", "Network Layer Message Type", 0, 8,
	    ST_FMT_HEX, msg_names),
	FD(NULL, "bacnet.vendor", "Vendor ID", 0, 16, ST_FMT_DEC),
	FD(NULL, "bacnet.perf", "Performance Index", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacnet.rejectreason", "Reject Reason", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacnet.rportnum", "Number of Port Mappings", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "bacnet.portid", "Port ID", 0, 8, ST_FMT_HEX),
	FD(NULL, "bacnet.pinfolen", "Port Info Length", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacnet.pinfo", "Port Inf", 0, 0, ST_FMT_BYTES),
	FD(NULL, "bacnet.term_time_value", "Termination Time Value (seconds)",
	    0, 8, ST_FMT_DEC),
	FD(NULL, "bacnet.netno_status", "Network number status (enumerated)",
	    0, 8, ST_FMT_DEC),
};

/* Field i at c, moving past it. */
static void
take(struct st_dctx *d, struct st_cur *c, int i)
{
	const struct st_field_desc *fd = M(i);

	if (st_dfield(d, c, fd) != NULL)
		c->off += fd->bits / 8;
}

/* n bytes of field i at c, moving past them (none: an empty field, as
 * Wireshark shows it). */
static void
take_bytes(struct st_dctx *d, struct st_cur *c, int i, size_t n)
{
	if (!st_cur_need(c, n))
		return;
	st_dbytes(d, c, M(i), 0, n);
	c->off += n;
}

/*
 * A network and MAC address: the network, the length, the address by
 * its length (Wireshark's reading: 6 Ethernet, 1 MS/TP, else bytes; a
 * length past 6 is shown and skipped for a source, not for a
 * destination).
 */
static void
address(struct st_dctx *d, struct st_cur *c, int net, int src)
{
	unsigned len;

	take(d, c, net);
	len = (unsigned)st_peek_bits(c, 0, 8);
	take(d, c, net + 1);
	if (c->err != ST_OK || len == 0)
		return;
	if (len == 6)
		take(d, c, net + 2);
	else if (len == 1)
		take(d, c, net + 3);
	else if (len < 6)
		take_bytes(d, c, net + 4, len);
	else if (!src)
		c->off -= 1;	/* Wireshark stays on the length byte */
}

/* A network layer message's parameters, of message type t. */
static void
message(struct st_dctx *d, struct st_cur *c, unsigned t)
{
	unsigned n, i, plen;

	switch (t) {
	case 0x00: case 0x01: case 0x04: case 0x05:
		while (st_cur_left(c) > 1 && c->err == ST_OK)
			take(d, c, F_DNET);
		break;
	case 0x02:
		take(d, c, F_DNET);
		take(d, c, F_PERF);
		break;
	case 0x03:
		take(d, c, F_REJECT);
		take(d, c, F_DNET);
		break;
	case 0x06: case 0x07:
		n = (unsigned)st_peek_bits(c, 0, 8);
		take(d, c, F_RPORTNUM);
		/* Each port takes 4 bytes at least: bounded by them. */
		for (i = 0; i < n && st_cur_left(c) > 1 && c->err == ST_OK;
		    i++) {
			take(d, c, F_DNET);
			take(d, c, F_PORTID);
			plen = (unsigned)st_peek_bits(c, 0, 8);
			take(d, c, F_PINFOLEN);
			if (c->err == ST_OK)
				take_bytes(d, c, F_PINFO, plen);
		}
		break;
	case 0x08:
		take(d, c, F_DNET);
		take(d, c, F_TERM);
		break;
	case 0x09:
		take(d, c, F_DNET);
		break;
	case 0x13:
		take(d, c, F_DNET);
		take(d, c, F_NETNO);
		break;
	default:
		if (t > 0x7f)
			take(d, c, F_VENDOR);
		break;
	}
}

static int
bacnet_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t start = c->off, left = st_cur_left(c);
	unsigned ctrl, t;

	st_dfields(d, c, bacnet_fields, NFIELDS(bacnet_fields));
	ctrl = (unsigned)st_peek_bits(c, 8, 8);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	c->off += 2;
	if (ctrl & C_DEST)
		address(d, c, F_DNET, 0);
	if (ctrl & C_SRC)
		address(d, c, F_SNET, 1);
	if (ctrl & C_DEST)
		take(d, c, F_HOPC);
	if ((ctrl & C_NET) && c->err == ST_OK) {
		t = (unsigned)st_peek_bits(c, 0, 8);
		take(d, c, F_MSGTYPE);
		if (c->err == ST_OK)
			message(d, c, t);
	}
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = c->off - start;
	if (ctrl & C_NET)	/* the rest of a message not known */
		d->data = 1;
	else {
		d->next_key = ST_KEY_BACNET;
		d->next_val = 0;
	}
	return ST_OK;
}

static const struct st_bind bacnet_binds[] = {
	{ ST_KEY_LLCSAP, 0x82 },
};

/* "BACnet NPDU Who-Is-Router-To-Network", "BACnet NPDU to net 65535 hop
 * 255" */
static int
bacnet_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NETNO - F_DNET + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, bacnet_more, NFIELDS(bacnet_more), f);
	st_out_puts(s->o, "BACnet NPDU");
	if (f[F_MSGTYPE - F_DNET] != NULL) {
		st_out_putc(s->o, ' ');
		if ((m = st_field_meaning(f[F_MSGTYPE - F_DNET])) != NULL)
			st_out_puts(s->o, m);
		else
			s->value(s, f[F_MSGTYPE - F_DNET]);
	}
	if (f[F_HOPC - F_DNET] != NULL) {
		st_out_puts(s->o, " to net ");
		s->value(s, f[F_DNET - F_DNET]);
		st_out_puts(s->o, " hop ");
		s->value(s, f[F_HOPC - F_DNET]);
	}
	if (f[F_SNET - F_DNET] != NULL) {
		st_out_puts(s->o, " from net ");
		s->value(s, f[F_SNET - F_DNET]);
	}
	return 1;
}

static const struct st_field_desc *const bacnet_keys[] = {
	&bacnet_fields[F_VER], &bacnet_fields[F_CTRL], NULL,
};

const struct st_proto st_proto_bacnet = {
	.name = "bacnet",
	.ws = "bacnet",
	.title = "Building Automation and Control Network NPDU",
	.rfc = "ASHRAE 135 clause 6",
	.role = ST_ROLE_APP,
	.fields = bacnet_fields,
	.nfields = NFIELDS(bacnet_fields),
	.more = bacnet_more,
	.nmore = NFIELDS(bacnet_more),
	.decode = bacnet_decode,
	.binds = bacnet_binds,
	.nbinds = NFIELDS(bacnet_binds),
	.summary = bacnet_summary,
	.keys = bacnet_keys,
	.color = "\033[36m",
	.explain = "BACnet's network layer joins BACnet links (BACnet/IP, "
	    "MS/TP serial buses, Ethernet) through routers: each network "
	    "has a 16-bit number, 65535 meaning all.  The control byte says "
	    "which parts follow: a destination (network, MAC address, and a "
	    "hop count starting at 255), a source (added by the router that "
	    "forwards it), and whether the rest is a network layer message "
	    "(routers finding each other: Who-Is-Router-To-Network, "
	    "I-Am-Router-To-Network) or an application PDU.",
};
