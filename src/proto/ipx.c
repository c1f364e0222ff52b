/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPX, Novell's Internetwork Packet Exchange, after LLC SAP 0xe0 or
 * EtherType 0x8137.
 *
 * +-------------------------------+-------------------------------+
 * |        Checksum (16)          |         Length (16)           |
 * +---------------+---------------+-------------------------------+
 * | Transport (8) | Packet type 8 | Destination network (32) ...
 * ... destination node (48), socket (16); source network (32), node
 * (48), socket (16): 30 bytes.  The length counts header and data; the
 * checksum is 0xffff when not used.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

static const struct st_valname type_names[] = {
	{ 0x00, "Unknown" }, { 0x01, "RIP" }, { 0x02, "Echo" },
	{ 0x03, "Error" }, { 0x04, "PEP" }, { 0x05, "SPX" },
	{ 0x11, "NCP" }, { 0x14, "NetBIOS Broadcast" }, { 0, NULL }
};

enum { F_CKSUM, F_LEN, F_HOPS, F_TYPE, F_DNET, F_DNODE, F_DSOCK, F_SNET,
	F_SNODE, F_SSOCK, F_DST, F_SRC, F_NET, F_NODE = F_NET + 2,
	F_SOCK = F_NODE + 2, F_ADDR = F_SOCK + 2 };

static const struct st_field_desc ipx_fields[] = {
	FD("chksum", "ipx.checksum", "Checksum", 0, 16, ST_FMT_HEX),
	FD("len", "ipx.len", "Length", 16, 16, ST_FMT_DEC),
	FD("hops", "ipx.hops", "Transport control (hops)", 32, 8, ST_FMT_DEC),
	FDN("type", "ipx.packet_type", "Packet type", 40, 8, ST_FMT_HEX,
	    type_names),
	FD("dnet", "ipx.dst.net", "Destination network", 48, 32, ST_FMT_TEXT),
	FD("dnode", "ipx.dst.node", "Destination node", 80, 48, ST_FMT_MAC),
	FD("dsock", "ipx.dst.socket", "Destination socket", 128, 16,
	    ST_FMT_HEX),
	FD("snet", "ipx.src.net", "Source network", 144, 32, ST_FMT_TEXT),
	FD("snode", "ipx.src.node", "Source node", 176, 48, ST_FMT_MAC),
	FD("ssock", "ipx.src.socket", "Source socket", 224, 16, ST_FMT_HEX),
	/* Network and node together, as Wireshark writes them. */
	FD(NULL, "ipx.dst", "Destination address", 48, 80, ST_FMT_TEXT),
	FD(NULL, "ipx.src", "Source address", 144, 80, ST_FMT_TEXT),
	/* Either end's, as Wireshark adds them for filters: destination
	 * then source. */
	FDD(NULL, "ipx.net", "Network", 48, 32, ST_FMT_TEXT),
	FDD(NULL, "ipx.net", "Network", 144, 32, ST_FMT_TEXT),
	FDD(NULL, "ipx.node", "Node", 80, 48, ST_FMT_MAC),
	FDD(NULL, "ipx.node", "Node", 176, 48, ST_FMT_MAC),
	FDD(NULL, "ipx.socket", "Socket", 128, 16, ST_FMT_HEX),
	FDD(NULL, "ipx.socket", "Socket", 224, 16, ST_FMT_HEX),
	FDD(NULL, "ipx.addr", "Address", 48, 80, ST_FMT_TEXT),
	FDD(NULL, "ipx.addr", "Address", 144, 80, ST_FMT_TEXT),
};

/* A network number, as Wireshark writes it: "0x" and 8 hex digits. */
static void
ipx_net(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd)
{
	char text[16];
	struct st_field *f;
	uint64_t net;

	net = st_peek_bits(c, fd->bitoff, 32);
	if (c->err != ST_OK)
		return;
	snprintf(text, sizeof(text), "0x%08llx", (unsigned long long)net);
	if ((f = st_dtext(d, c, fd, fd->bitoff / 8, 4, text)) != NULL)
		f->val = net;
}

/* Network and node at byte off as "net.node" (12 hex digits). */
static void
ipx_addr(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd)
{
	char text[32];
	uint64_t net, node;

	net = st_peek_bits(c, fd->bitoff, 32);
	node = st_peek_bits(c, fd->bitoff + 32, 48);
	if (c->err != ST_OK)
		return;
	snprintf(text, sizeof(text), "%08llx.%012llx",
	    (unsigned long long)net, (unsigned long long)node);
	st_dtext(d, c, fd, fd->bitoff / 8, 10, text);
}

static int
ipx_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t len;
	unsigned i, lo, hi;

	if (st_dfields(d, c, ipx_fields, F_DNET) != ST_OK)
		return c->err;
	ipx_net(d, c, &ipx_fields[F_DNET]);
	st_dfields(d, c, ipx_fields + F_DNODE, 2);
	ipx_net(d, c, &ipx_fields[F_SNET]);
	st_dfields(d, c, ipx_fields + F_SNODE, 2);
	ipx_addr(d, c, &ipx_fields[F_DST]);
	ipx_addr(d, c, &ipx_fields[F_SRC]);
	for (i = 0; i < 2; i++) {
		ipx_net(d, c, &ipx_fields[F_NET + i]);
		st_dfield(d, c, &ipx_fields[F_NODE + i]);
		st_dfield(d, c, &ipx_fields[F_SOCK + i]);
		ipx_addr(d, c, &ipx_fields[F_ADDR + i]);
	}
	if (c->err != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = 30;
	if (len < 30)
		return st_dmalformed(d, "length %zu below 30", len);
	d->plen = len - 30;
	/* what a socket carries, by the lower socket first (NetBIOS on
	 * 0x0455), as Wireshark tries them */
	lo = (unsigned)st_peek_bits(c, 128, 16);
	hi = (unsigned)st_peek_bits(c, 224, 16);
	if (lo > hi) {
		i = lo;
		lo = hi;
		hi = i;
	}
	d->next_key = ST_KEY_IPXSOCK;
	d->next_val = st_proto_next(ST_KEY_IPXSOCK, lo) != NULL ? lo : hi;
	return ST_OK;
}

static const struct st_bind ipx_binds[] = {
	{ ST_KEY_LLCSAP, 0xe0 },
	{ ST_KEY_ETHERTYPE, 0x8137 },
};

/* "IPX net.node.socket > net.node.socket: length N", as tcpdump. */
static int
ipx_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_SSOCK + 1];
	int i;

	st_ly_fields(s->pkt, ly, ipx_fields, F_SSOCK + 1, f);
	for (i = 0; i <= F_SSOCK; i++)
		if (f[i] == NULL)
			return 0;
	st_out_printf(s->o, "IPX %08x.", (unsigned)f[F_SNET]->val);
	s->value(s, f[F_SNODE]);
	st_out_printf(s->o, ".%04x > %08x.", (unsigned)f[F_SSOCK]->val,
	    (unsigned)f[F_DNET]->val);
	s->value(s, f[F_DNODE]);
	st_out_printf(s->o, ".%04x: length %u", (unsigned)f[F_DSOCK]->val,
	    f[F_LEN]->val >= 30 ? (unsigned)f[F_LEN]->val - 30 : 0);
	return 1;
}

static const struct st_field_desc *const ipx_keys[] = {
	&ipx_fields[F_TYPE], &ipx_fields[F_DSOCK], &ipx_fields[F_SSOCK], NULL,
};

const struct st_proto st_proto_ipx = {
	.name = "ipx",
	.ws = "ipx",
	.title = "Internetwork Packet eXchange",
	.rfc = "Novell IPX",
	.role = ST_ROLE_NET,
	.fields = ipx_fields,
	.nfields = NFIELDS(ipx_fields),
	.decode = ipx_decode,
	.binds = ipx_binds,
	.nbinds = NFIELDS(ipx_binds),
	.summary = ipx_summary,
	.keys = ipx_keys,
	.color = "\033[35m",
	.explain_bits = 240,
	.explain = "An address is a 32-bit network, a 48-bit node and a 16-bit "
	    "socket. The length counts header and data; a checksum of 0xffff "
	    "means none.",
};
