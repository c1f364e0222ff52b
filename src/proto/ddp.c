/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AppleTalk's network layer (Inside AppleTalk, 2nd ed., chapters 1 and
 * 4): LLAP, LocalTalk's link header, and DDP, the Datagram Delivery
 * Protocol, in its long form (after SNAP with Apple's OUI 08:00:07 and
 * PID 0x809b, after LLAP type 2, PPP 0x0029, BSD loopback family 16) and
 * its short form (after LLAP type 1, on one LocalTalk cable).
 *
 * LLAP:  destination node (8), source node (8), type (8): 1 short DDP,
 *        2 DDP, 0x81.. control frames (enquiry, acknowledgement, RTS, CTS).
 *
 * Long DDP, 13 bytes:
 * +---+-------+-------------------+-------------------------------+
 * |0 0| hops 4|  datagram length  |          checksum (16)        |
 * +---+-------+-------------------+-------------------------------+
 * |    destination network (16)   |      source network (16)      |
 * +---------------+---------------+---------------+---------------+
 * | dest node (8) | src node (8)  | dest socket 8 | src socket 8  |
 * +---------------+---------------+---------------+---------------+
 * | type (8)      |
 *
 * Short DDP, 5 bytes: 6 zero bits and the 10-bit length, destination
 * socket, source socket, type; the nodes are LLAP's.  The length counts
 * the header.  The checksum, 0 when not sent, is the bytes from the
 * destination network to the end, added one at a time into 16 bits that
 * are rotated left by one after each (a result of 0 is sent as 0xffff).
 * tshark shows the checksum without verifying it: its status here is
 * strata's own field.
 */
#include "strata/out.h"
#include "fields.h"

#define DDP_HDR		13
#define DDP_SHORT	5

static const struct st_valname llap_type_names[] = {
	{ 0x01, "Short DDP" }, { 0x02, "DDP" }, { 0x81, "Enquiry" },
	{ 0x82, "Acknowledgement" }, { 0x84, "RTS" }, { 0x85, "CTS" },
	{ 0, NULL }
};

enum { L_DST, L_SRC, L_TYPE };

static const struct st_field_desc llap_fields[] = {
	[L_DST] = FD("dst", "llap.dst", "Destination Node", 0, 8, ST_FMT_DEC),
	[L_SRC] = FD("src", "llap.src", "Source Node", 8, 8, ST_FMT_DEC),
	[L_TYPE] = FDN("type", "llap.type", "Type", 16, 8, ST_FMT_HEX,
	    llap_type_names),
};

static int
llap_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned type;

	if (st_dfields(d, c, llap_fields, NFIELDS(llap_fields)) != ST_OK)
		return c->err;
	type = (unsigned)st_peek_bits(c, 16, 8);
	d->hdr = 3;
	if (type == 1 || type == 2) {
		d->next_key = ST_KEY_LLAP;
		d->next_val = type;
	} else
		d->data = 1;	/* a control frame carries nothing */
	return ST_OK;
}

static const struct st_bind llap_binds[] = {
	{ ST_KEY_LINK, 114 },		/* LINKTYPE_LTALK */
	/* gatewayed LocalTalk frames, LLAP header and all, as Wireshark
	 * reads EtherType 0x809b */
	{ ST_KEY_ETHERTYPE, 0x809b },
};

/* "llap 12 > 255 DDP" */
static int
llap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[L_TYPE + 1];
	const char *t;

	st_ly_fields(s->pkt, ly, llap_fields, L_TYPE + 1, f);
	if (f[L_DST] == NULL || f[L_SRC] == NULL || f[L_TYPE] == NULL)
		return 0;
	t = st_valname(llap_type_names, (uint32_t)f[L_TYPE]->val);
	st_out_printf(s->o, "llap %u > %u ", (unsigned)f[L_SRC]->val,
	    (unsigned)f[L_DST]->val);
	if (t != NULL)
		st_out_puts(s->o, t);
	else
		st_out_printf(s->o, "type 0x%02x", (unsigned)f[L_TYPE]->val);
	return 1;
}

static const struct st_field_desc *const llap_keys[] = {
	&llap_fields[L_TYPE], NULL,
};

const struct st_proto st_proto_llap = {
	.name = "llap",
	.ws = "llap",
	.title = "LocalTalk Link Access Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 1",
	.role = ST_ROLE_LINK,
	.fields = llap_fields,
	.nfields = NFIELDS(llap_fields),
	.decode = llap_decode,
	.binds = llap_binds,
	.nbinds = NFIELDS(llap_binds),
	.summary = llap_summary,
	.keys = llap_keys,
	.color = "\033[33m",
	.explain = "LocalTalk's three-byte link header: the destination and "
	    "source node (one byte each, 255 is broadcast) and a type. Types 1 "
	    "and 2 carry a short or a long DDP datagram; types from 0x81 are "
	    "the link's own control frames (enquiry and acknowledgement when "
	    "a node picks its address, RTS and CTS before a directed frame).",
};

static const struct st_valname ddp_type_names[] = {
	{ 1, "AppleTalk Routing Table response or data" },
	{ 2, "AppleTalk Name Binding Protocol packet" },
	{ 3, "AppleTalk Transaction Protocol packet" },
	{ 4, "AppleTalk Echo Protocol packet" },
	{ 5, "AppleTalk Routing Table request" },
	{ 6, "AppleTalk Zone Information Protocol packet" },
	{ 7, "AppleTalk Data Stream Protocol" },
	{ 88, "Cisco EIGRP for AppleTalk" },
	{ 0, NULL }
};

enum { D_HOPS, D_LEN, D_CK, D_DNET, D_SNET, D_DNODE, D_SNODE, D_DSOCK,
	D_SSOCK, D_TYPE, D_CKST };

static const struct st_field_desc ddp_fields[] = {
	/* raised by each router, not lowered: no ST_DF_HOPS */
	[D_HOPS] = FD("hops", "ddp.hopcount", "Hop count", 2, 4, ST_FMT_DEC),
	[D_LEN] = FD("len", "ddp.len", "Datagram length", 6, 10, ST_FMT_DEC),
	/* not RFC 1071's sum: no ST_DF_CKSUM, for the checksum view, which
	 * walks those; the decoder sets its status */
	[D_CK] = FD("cksum", "ddp.checksum", "Checksum", 16, 16, ST_FMT_DEC),
	[D_DNET] = FD("dnet", "ddp.dst.net", "Destination Net", 32, 16,
	    ST_FMT_DEC),
	[D_SNET] = FD("snet", "ddp.src.net", "Source Net", 48, 16, ST_FMT_DEC),
	[D_DNODE] = FD("dnode", "ddp.dst.node", "Destination Node", 64, 8,
	    ST_FMT_DEC),
	[D_SNODE] = FD("snode", "ddp.src.node", "Source Node", 72, 8,
	    ST_FMT_DEC),
	[D_DSOCK] = FD("dsock", "ddp.dst_socket", "Destination Socket", 80, 8,
	    ST_FMT_DEC),
	[D_SSOCK] = FD("ssock", "ddp.src_socket", "Source Socket", 88, 8,
	    ST_FMT_DEC),
	[D_TYPE] = FDN("type", "ddp.type", "Protocol type", 96, 8, ST_FMT_DEC,
	    ddp_type_names),
	[D_CKST] = FDGS("strata.ddp.checksum.status", "Checksum status"),
};

/* The short header's rows: the same names at its own offsets. */
enum { S_LEN, S_DSOCK, S_SSOCK, S_TYPE };

static const struct st_field_desc ddps_fields[] = {
	[S_LEN] = FD("len", "ddp.len", "Datagram length", 6, 10, ST_FMT_DEC),
	[S_DSOCK] = FD("dsock", "ddp.dst_socket", "Destination Socket", 16, 8,
	    ST_FMT_DEC),
	[S_SSOCK] = FD("ssock", "ddp.src_socket", "Source Socket", 24, 8,
	    ST_FMT_DEC),
	[S_TYPE] = FDN("type", "ddp.type", "Protocol type", 32, 8, ST_FMT_DEC,
	    ddp_type_names),
};

/*
 * The checksum of the n bytes from the destination network on (byte 4),
 * as Inside AppleTalk 4-17 sums them.
 */
static uint16_t
ddp_sum(struct st_cur *c, size_t n)
{
	struct st_cur s = *c;
	uint32_t sum = 0;
	size_t i;

	st_cur_skip(&s, 4);
	for (i = 0; i < n; i++) {
		sum = (sum + st_get_u8(&s)) & 0xffff;
		sum = ((sum << 1) | (sum >> 15)) & 0xffff;
	}
	return sum == 0 ? 0xffff : (uint16_t)sum;
}

static void
ddp_check(struct st_dctx *d, struct st_cur *c, struct st_field *f,
    size_t len)
{
	uint16_t want;

	if (f == NULL)
		return;
	if (f->val == 0)
		f->ck = ST_CK_ABSENT;
	else if (len < DDP_HDR || st_cur_left(c) < len)
		f->ck = ST_CK_UNVERIFIED;
	else if ((want = ddp_sum(c, len - 4)) == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &ddp_fields[D_CKST]);
}

/* What follows both headers: the payload the length leaves, by type. */
static int
ddp_next(struct st_dctx *d, struct st_cur *c, size_t len, size_t hdr,
    unsigned type)
{
	struct st_packet *pkt = d->pkt;

	d->hdr = hdr;
	/* Wireshark warns and decodes what there is: so does strata, with
	 * a note, unless the capture cut the datagram short */
	if (len > st_cur_left(c) && pkt->caplen >= pkt->len)
		st_pkt_note(pkt, st_pkt_printf(pkt, "ddp: length %zu past the "
		    "%zu bytes carried", len, st_cur_left(c)));
	d->next_key = ST_KEY_DDPTYPE;
	d->next_val = type;
	if (len < hdr)
		return st_dmalformed(d, "length %zu below the %zu-byte header",
		    len, hdr);
	d->plen = len - hdr;
	return ST_OK;
}

static int
ddp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *ck;
	size_t len;

	if (st_dfields(d, c, ddp_fields, D_CK) != ST_OK)
		return c->err;
	ck = st_dfield(d, c, &ddp_fields[D_CK]);
	if (c->err != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 6, 10);
	ddp_check(d, c, ck, len);
	if (st_dfields(d, c, ddp_fields + D_DNET, D_CKST - D_DNET) != ST_OK)
		return c->err;
	return ddp_next(d, c, len, DDP_HDR, (unsigned)st_peek_bits(c, 96, 8));
}

static int
ddps_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;

	if (st_dfields(d, c, ddps_fields, NFIELDS(ddps_fields)) != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 6, 10);
	return ddp_next(d, c, len, DDP_SHORT,
	    (unsigned)st_peek_bits(c, 32, 8));
}

static const struct st_bind ddp_binds[] = {
	{ ST_KEY_SNAP, 0x080007809bULL },	/* EtherTalk, TokenTalk */
	{ ST_KEY_LLAP, 2 },
	{ ST_KEY_PPP, 0x0029 },
	{ ST_KEY_NULLFAM, 16 },			/* BSD AF_APPLETALK */
};

static const struct st_bind ddps_binds[] = {
	{ ST_KEY_LLAP, 1 },
};

/* "ddp 100.12.253 > 0.255.2 nbp", net.node.socket as tcpdump. */
static int
ddp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[D_TYPE + 1];
	const char *t;
	int i;

	st_ly_fields(s->pkt, ly, ddp_fields, D_TYPE + 1, f);
	for (i = D_DNET; i <= D_TYPE; i++)
		if (f[i] == NULL)
			return 0;
	st_out_printf(s->o, "ddp %u.%u.%u > %u.%u.%u",
	    (unsigned)f[D_SNET]->val, (unsigned)f[D_SNODE]->val,
	    (unsigned)f[D_SSOCK]->val, (unsigned)f[D_DNET]->val,
	    (unsigned)f[D_DNODE]->val, (unsigned)f[D_DSOCK]->val);
	t = st_valname(ddp_type_names, (uint32_t)f[D_TYPE]->val);
	if (t == NULL)
		st_out_printf(s->o, " type %u", (unsigned)f[D_TYPE]->val);
	return 1;
}

/* "ddp short 253 > 1" */
static int
ddps_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[S_TYPE + 1];

	st_ly_fields(s->pkt, ly, ddps_fields, S_TYPE + 1, f);
	if (f[S_DSOCK] == NULL || f[S_SSOCK] == NULL)
		return 0;
	st_out_printf(s->o, "ddp short socket %u > %u",
	    (unsigned)f[S_SSOCK]->val, (unsigned)f[S_DSOCK]->val);
	return 1;
}

static const struct st_field_desc *const ddp_keys[] = {
	&ddp_fields[D_DNET], &ddp_fields[D_DNODE], &ddp_fields[D_TYPE], NULL,
};

static const struct st_field_desc *const ddps_keys[] = {
	&ddps_fields[S_DSOCK], &ddps_fields[S_TYPE], NULL,
};

const struct st_proto st_proto_ddp = {
	.name = "ddp",
	.ws = "ddp",
	.title = "Datagram Delivery Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 4",
	.role = ST_ROLE_NET,
	.fields = ddp_fields,
	.nfields = NFIELDS(ddp_fields),
	.decode = ddp_decode,
	.binds = ddp_binds,
	.nbinds = NFIELDS(ddp_binds),
	.summary = ddp_summary,
	.keys = ddp_keys,
	.color = "\033[35m",
	.explain_bits = 104,
	.explain = "AppleTalk's network layer. An address is a 16-bit network, "
	    "an 8-bit node and an 8-bit socket (net.node.socket); node 255 is "
	    "broadcast, network 0 this network. The hop count is raised by "
	    "each router and the datagram dropped at 16; the length (10 bits) "
	    "counts header and data, at most 599 bytes. The checksum is "
	    "optional (0: none): each byte after it is added and the 16-bit "
	    "sum rotated left one bit. The type says what follows: 1 RTMP "
	    "data, 2 NBP, 3 ATP, 4 AEP (echo), 5 RTMP request, 6 ZIP.",
};

const struct st_proto st_proto_ddp_short = {
	.name = "ddp",
	.ws = "ddp",
	.title = "Datagram Delivery Protocol (short header)",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 4",
	.role = ST_ROLE_NET,
	.fields = ddps_fields,
	.nfields = NFIELDS(ddps_fields),
	.decode = ddps_decode,
	.binds = ddps_binds,
	.nbinds = NFIELDS(ddps_binds),
	.summary = ddps_summary,
	.keys = ddps_keys,
	.color = "\033[35m",
	.explain = "DDP's short header, for a datagram that stays on one "
	    "LocalTalk cable: only the length, the two sockets and the type; "
	    "the nodes are LLAP's and there is no network, hop count or "
	    "checksum.",
};
