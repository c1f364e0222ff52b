/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The AppleTalk protocols DDP carries by its type (Inside AppleTalk, 2nd
 * ed.), in one file as Wireshark keeps them in one dissector: RTMP
 * (chapter 5: routing data, type 1, and requests, type 5), NBP (chapter
 * 7: names to addresses, type 2), ATP (chapter 9: transactions, type 3)
 * and ZIP (chapter 8: zones, type 6, and the GetZoneList family of
 * requests carried by ATP to socket 6).  AEP (type 4) has no decoder in
 * Wireshark: its bytes are data.
 *
 * NBP:  op (4) | tuple count (4) | NBP ID (8) | tuples: network (16),
 *       node (8), socket (8), enumerator (8), object, type and zone as
 *       Pascal strings (a length byte, then the bytes).
 * RTMP data: the sender's network (16), node ID length in bits (8), node
 *       ID (8, or 16 when longer than 8 bits), then routing tuples: a
 *       network (16) and a distance (8); distance bit 0x80 marks an
 *       extended tuple, a network range, whose end (16) and a version
 *       byte follow.  On a non-extended network, a tuple of network 0
 *       holds the version.
 * ATP:  control (8: function 2, XO, EOM, STS, TRel timer 3), bitmap or
 *       sequence number (8), transaction ID (16), four user bytes.
 * ZIP:  function (8) and a body by function.
 */
#include "strata/out.h"
#include "fields.h"

/*
 * A Pascal string at byte off of c as a text field of fd (the length byte
 * and the bytes, as Wireshark's FT_UINT_STRING covers them): the offset
 * after it, or 0 when it runs past the bytes (c->err set).
 */
static size_t
at_pstr(struct st_dctx *d, struct st_cur *c, size_t off,
    const struct st_field_desc *fd)
{
	char text[256 * 4 + 1];
	struct st_cur s = *c;
	const uint8_t *p;
	size_t n;

	if (!st_cur_skip(&s, off) || (n = st_get_u8(&s), s.err != ST_OK) ||
	    (p = st_get_bytes(&s, n)) == NULL) {
		c->err = ST_ETRUNC;
		return 0;
	}
	st_escape_ascii(p, n, text, sizeof(text));
	st_dtext(d, c, fd, off, 1 + n, text);
	return off + 1 + n;
}

/* ------------------------------------------------------------------ NBP */

static const struct st_valname nbp_op_names[] = {
	{ 1, "broadcast request" }, { 2, "lookup" }, { 3, "reply" },
	{ 4, "forward request" }, { 0, NULL }
};

enum { N_INFO, N_OP, N_COUNT, N_TID, N_NET, N_NODE, N_PORT, N_ENUM,
	N_OBJ, N_TYPE, N_ZONE };

static const struct st_field_desc nbp_fields[] = {
	[N_INFO] = FD("info", "nbp.info", "Info", 0, 8, ST_FMT_HEX),
	[N_OP] = FDDN("op", "nbp.op", "Operation", 0, 4, ST_FMT_DEC,
	    nbp_op_names),
	[N_COUNT] = FDD("count", "nbp.count", "Count", 4, 4, ST_FMT_DEC),
	[N_TID] = FD("tid", "nbp.tid", "Transaction ID", 8, 8, ST_FMT_DEC),
	/* a tuple's, from its start */
	[N_NET] = FD(NULL, "nbp.net", "Network", 0, 16, ST_FMT_DEC),
	[N_NODE] = FD(NULL, "nbp.node", "Node", 16, 8, ST_FMT_DEC),
	[N_PORT] = FD(NULL, "nbp.port", "Port", 24, 8, ST_FMT_DEC),
	[N_ENUM] = FD(NULL, "nbp.enum", "Enumerator", 32, 8, ST_FMT_DEC),
	[N_OBJ] = FD(NULL, "nbp.object", "Object", 0, 0, ST_FMT_TEXT),
	[N_TYPE] = FD(NULL, "nbp.type", "Type", 0, 0, ST_FMT_TEXT),
	[N_ZONE] = FD(NULL, "nbp.zone", "Zone", 0, 0, ST_FMT_TEXT),
};

static int
nbp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned count, i, k;
	size_t off = 2;

	if (st_dfields(d, c, nbp_fields, N_NET) != ST_OK)
		return c->err;
	/* at most 15 tuples: the count is four bits */
	count = (unsigned)st_peek_bits(c, 4, 4);
	for (i = 0; i < count; i++) {
		st_dfields_at(d, c, off, nbp_fields + N_NET, 4);
		off += 5;
		for (k = N_OBJ; k <= N_ZONE && off != 0; k++)
			off = at_pstr(d, c, off, &nbp_fields[k]);
		if (c->err != ST_OK || off == 0)
			return ST_ETRUNC;
	}
	d->hdr = off;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind nbp_binds[] = {
	{ ST_KEY_DDPTYPE, 2 },
};

/* "nbp lookup 7: =:AFPServer@*" (the first tuple's name) */
static int
nbp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[N_ZONE + 1];
	const char *op;

	st_ly_fields(s->pkt, ly, nbp_fields, N_ZONE + 1, f);
	if (f[N_INFO] == NULL || f[N_TID] == NULL)
		return 0;
	op = st_valname(nbp_op_names, (uint32_t)(f[N_INFO]->val >> 4));
	st_out_printf(s->o, "nbp %s %u", op != NULL ? op : "op?",
	    (unsigned)f[N_TID]->val);
	if (f[N_OBJ] != NULL && f[N_TYPE] != NULL && f[N_ZONE] != NULL)
		st_out_printf(s->o, ": %s:%s@%s", f[N_OBJ]->meaning,
		    f[N_TYPE]->meaning, f[N_ZONE]->meaning);
	if ((f[N_INFO]->val & 15) > 1)
		st_out_printf(s->o, " (%u tuples)",
		    (unsigned)(f[N_INFO]->val & 15));
	return 1;
}

static const struct st_field_desc *const nbp_keys[] = {
	&nbp_fields[N_OP], &nbp_fields[N_COUNT], &nbp_fields[N_TID], NULL,
};

const struct st_proto st_proto_nbp = {
	.name = "nbp",
	.ws = "nbp",
	.title = "Name Binding Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 7",
	.role = ST_ROLE_APP,
	.fields = nbp_fields,
	.nfields = NFIELDS(nbp_fields),
	.decode = nbp_decode,
	.binds = nbp_binds,
	.nbinds = NFIELDS(nbp_binds),
	.summary = nbp_summary,
	.keys = nbp_keys,
	.color = "\033[36m",
	.explain_bits = 16,
	.explain = "AppleTalk's names: an entity is object:type@zone (\"Mac "
	    "One:AFPServer@Office\"; = matches any object or type, * is this "
	    "zone). A lookup or a broadcast request to a router carries the "
	    "name wanted in one tuple; each reply tuple gives a matching "
	    "name and the net.node.socket it is at, the enumerator telling "
	    "apart several names on one socket. The NBP ID pairs replies "
	    "with their request.",
};

/* ----------------------------------------------------------------- RTMP */

static const struct st_valname rtmp_fn_names[] = {
	{ 1, "Request" }, { 2, "Route Data Request (split horizon processed)" },
	{ 3, "Route Data Request (no split horizon processing)" },
	{ 0, NULL }
};

enum { R_NET, R_NODELEN, R_NODE, R_NODE16, R_VERSION, R_TNET, R_TDIST,
	R_START, R_XDIST, R_END, R_XVERSION };

static const struct st_field_desc rtmp_fields[] = {
	[R_NET] = FD("net", "rtmp.net", "Net", 0, 16, ST_FMT_DEC),
	[R_NODELEN] = FD("nodelen", "nbp.nodeid.length", "Node Length", 16, 8,
	    ST_FMT_DEC),
	[R_NODE] = FD("node", "nbp.nodeid", "Node", 24, 8, ST_FMT_DEC),
	[R_NODE16] = FD(NULL, "nbp.nodeid", "Node", 24, 16, ST_FMT_DEC),
	/* a non-extended network's version, in a tuple of network 0 */
	[R_VERSION] = FD(NULL, "rtmp.version", "Version", 16, 8, ST_FMT_HEX),
	/* a tuple's, from its start */
	[R_TNET] = FD(NULL, "rtmp.tuple.net", "Net", 0, 16, ST_FMT_DEC),
	[R_TDIST] = FD(NULL, "rtmp.tuple.dist", "Distance", 16, 8, ST_FMT_DEC),
	[R_START] = FD(NULL, "rtmp.tuple.range_start", "Range Start", 0, 16,
	    ST_FMT_DEC),
	[R_XDIST] = FD(NULL, "rtmp.tuple.dist", "Distance", 17, 7,
	    ST_FMT_DEC),
	[R_END] = FD(NULL, "rtmp.tuple.range_end", "Range End", 24, 16,
	    ST_FMT_DEC),
	[R_XVERSION] = FD(NULL, "rtmp.version", "Version", 40, 8, ST_FMT_HEX),
};

/* Tuples of a routing data packet: at most this many are shown. */
#define RTMP_TUPLES	256

static int
rtmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t off, n = st_cur_left(c);
	unsigned i;

	if (st_dfields(d, c, rtmp_fields, R_NODE) != ST_OK)
		return c->err;
	/* a node ID longer than 8 bits takes two bytes */
	if (st_peek_bits(c, 16, 8) <= 8) {
		st_dfield(d, c, &rtmp_fields[R_NODE]);
		off = 4;
	} else {
		st_dfield(d, c, &rtmp_fields[R_NODE16]);
		off = 5;
	}
	if (c->err != ST_OK)
		return c->err;
	if (n >= off + 2 && st_peek_bits(c, off * 8, 16) == 0) {
		st_dfields_at(d, c, off, &rtmp_fields[R_VERSION], 1);
		off += 3;
	}
	for (i = 0; off < n && i < RTMP_TUPLES && c->err == ST_OK; i++) {
		if (n - off < 3)
			break;
		if (st_peek_bits(c, off * 8 + 16, 1)) {
			st_dfields_at(d, c, off, rtmp_fields + R_START, 3);
			if (i == 0)
				st_dfields_at(d, c, off,
				    &rtmp_fields[R_XVERSION], 1);
			off += 6;
		} else {
			st_dfields_at(d, c, off, rtmp_fields + R_TNET, 2);
			off += 3;
		}
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = off < n ? off : n;
	d->plen = 0;
	if (off < n && i < RTMP_TUPLES)
		return st_dmalformed(d, "%zu bytes after the last tuple",
		    n - off);
	return ST_OK;
}

static const struct st_bind rtmp_binds[] = {
	{ ST_KEY_DDPTYPE, 1 },
};

/* "rtmp net 100 node 1, 3 tuples" */
static int
rtmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[R_XVERSION + 1];
	const struct st_field *p = &s->pkt->fields[ly->field0];
	unsigned i, tuples = 0;

	st_ly_fields(s->pkt, ly, rtmp_fields, R_XVERSION + 1, f);
	if (f[R_NET] == NULL)
		return 0;
	for (i = 0; i < ly->nfields; i++)
		if (p[i].desc == &rtmp_fields[R_TNET] ||
		    p[i].desc == &rtmp_fields[R_START])
			tuples++;
	st_out_printf(s->o, "rtmp net %u", (unsigned)f[R_NET]->val);
	if (f[R_NODE] != NULL || f[R_NODE16] != NULL)
		st_out_printf(s->o, " node %u", (unsigned)(f[R_NODE] != NULL ?
		    f[R_NODE] : f[R_NODE16])->val);
	st_out_printf(s->o, ", %u tuple%s", tuples, tuples == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const rtmp_keys[] = {
	&rtmp_fields[R_NET], &rtmp_fields[R_NODE], NULL,
};

const struct st_proto st_proto_rtmp = {
	.name = "rtmp",
	.ws = "rtmp",
	.title = "Routing Table Maintenance Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 5",
	.role = ST_ROLE_CONTROL,
	.fields = rtmp_fields,
	.nfields = NFIELDS(rtmp_fields),
	.decode = rtmp_decode,
	.binds = rtmp_binds,
	.nbinds = NFIELDS(rtmp_binds),
	.summary = rtmp_summary,
	.keys = rtmp_keys,
	.color = "\033[33m",
	.explain_bits = 32,
	.explain = "AppleTalk's distance-vector routing: every 10 seconds a "
	    "router broadcasts its routing table to socket 1, after its own "
	    "network and node. Each tuple is a network (or, extended, a range "
	    "of networks) and its distance in hops; a router that hears no "
	    "update for a route ages it out. The first tuple of an extended "
	    "network, or a tuple of network 0, carries the version (0x82).",
};

static const struct st_field_desc rtmpreq_fields[] = {
	FDN("function", "rtmp.function", "Function", 0, 8, ST_FMT_DEC,
	    rtmp_fn_names),
};

static int
rtmpreq_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfield(d, c, &rtmpreq_fields[0]) == NULL)
		return c->err;
	d->hdr = 1;
	return ST_OK;
}

static const struct st_bind rtmpreq_binds[] = {
	{ ST_KEY_DDPTYPE, 5 },
};

/* "rtmp Request" */
static int
rtmpreq_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[1];
	const char *fn;

	st_ly_fields(s->pkt, ly, rtmpreq_fields, 1, f);
	if (f[0] == NULL)
		return 0;
	fn = st_valname(rtmp_fn_names, (uint32_t)f[0]->val);
	if (fn != NULL)
		st_out_printf(s->o, "rtmp %s", fn);
	else
		st_out_printf(s->o, "rtmp function %u", (unsigned)f[0]->val);
	return 1;
}

static const struct st_field_desc *const rtmpreq_keys[] = {
	&rtmpreq_fields[0], NULL,
};

const struct st_proto st_proto_rtmpreq = {
	.name = "rtmp",
	.ws = "rtmp",
	.title = "Routing Table Maintenance Protocol request",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 5",
	.role = ST_ROLE_CONTROL,
	.fields = rtmpreq_fields,
	.nfields = NFIELDS(rtmpreq_fields),
	.decode = rtmpreq_decode,
	.binds = rtmpreq_binds,
	.nbinds = NFIELDS(rtmpreq_binds),
	.summary = rtmpreq_summary,
	.keys = rtmpreq_keys,
	.color = "\033[33m",
	.explain = "A node asks the routers on its network for their network "
	    "number (function 1), or a router asks another for its whole "
	    "table (2, split horizon applied; 3, not).",
};

/* ------------------------------------------------------------------ ZIP */

static const struct st_valname zip_fn_names[] = {
	{ 1, "Query" }, { 2, "Reply" }, { 5, "GetNetInfo request" },
	{ 6, "GetNetInfo reply" }, { 7, "notify" }, { 8, "Extended reply" },
	{ 0, NULL }
};

static const struct st_valname zip_atp_names[] = {
	{ 7, "GetMyZone" }, { 8, "GetZoneList" }, { 9, "GetLocalZones" },
	{ 0, NULL }
};

enum { Z_FN, Z_NCOUNT, Z_NET, Z_ZONE, Z_PAD1, Z_PAD4, Z_FLAGS, Z_INVALID,
	Z_BCAST, Z_ONE, Z_START, Z_END, Z_MLEN, Z_MADDR, Z_DEFZONE };

static const struct st_field_desc zip_fields[] = {
	[Z_FN] = FDN("function", "zip.function", "Function", 0, 8, ST_FMT_DEC,
	    zip_fn_names),
	[Z_NCOUNT] = FD("count", "zip.network_count", "Count", 8, 8,
	    ST_FMT_DEC),
	/* the rest at offsets the body gives */
	[Z_NET] = FD(NULL, "zip.network", "Network", 0, 16, ST_FMT_DEC),
	[Z_ZONE] = FD(NULL, "zip.zone_name", "Zone", 0, 0, ST_FMT_TEXT),
	[Z_PAD1] = FD(NULL, "zip.zero_value", "Pad (0)", 0, 8, ST_FMT_BYTES),
	[Z_PAD4] = FD(NULL, "zip.zero_value", "Pad (0)", 0, 32, ST_FMT_BYTES),
	/* Wireshark's flags field shows the top two bits (mask 0xc0) */
	[Z_FLAGS] = FD(NULL, "zip.flags", "Flags", 0, 2, ST_FMT_HEX),
	[Z_INVALID] = FDD(NULL, "zip.flags.zone_invalid", "Zone invalid", 0,
	    1, ST_FMT_BOOL),
	[Z_BCAST] = FDD(NULL, "zip.flags.use_broadcast", "Use broadcast", 1,
	    1, ST_FMT_BOOL),
	[Z_ONE] = FDD(NULL, "zip.flags.only_one_zone", "Only one zone", 2, 1,
	    ST_FMT_BOOL),
	[Z_START] = FD(NULL, "zip.network_start", "Network start", 0, 16,
	    ST_FMT_DEC),
	[Z_END] = FD(NULL, "zip.network_end", "Network end", 0, 16,
	    ST_FMT_DEC),
	[Z_MLEN] = FD(NULL, "zip.multicast_length", "Multicast length", 0, 8,
	    ST_FMT_DEC),
	[Z_MADDR] = FD(NULL, "zip.multicast_address", "Multicast address", 0,
	    0, ST_FMT_BYTES),
	[Z_DEFZONE] = FD(NULL, "zip.default_zone", "Default zone", 0, 0,
	    ST_FMT_TEXT),
};

/* The flags byte at off and its three bits. */
static void
zip_flags(struct st_dctx *d, struct st_cur *c, size_t off)
{
	st_dfields_at(d, c, off, zip_fields + Z_FLAGS, 4);
}

/* A multicast address after its length byte at off: the offset after. */
static size_t
zip_mcast(struct st_dctx *d, struct st_cur *c, size_t off)
{
	size_t n;

	if (!st_cur_need(c, off + 1))
		return 0;
	n = (size_t)st_peek_bits(c, off * 8, 8);
	st_dfields_at(d, c, off, &zip_fields[Z_MLEN], 1);
	if (n > 0 && st_dbytes(d, c, &zip_fields[Z_MADDR], off + 1, n) ==
	    NULL)
		return 0;
	return off + 1 + n;
}

static int
zip_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned fn, count, i;
	size_t off = 1;
	int dflt;

	if (st_dfield(d, c, &zip_fields[Z_FN]) == NULL)
		return c->err;
	fn = (unsigned)st_peek_bits(c, 0, 8);
	switch (fn) {
	case 1:		/* Query: networks */
	case 2:		/* Reply and extended reply: networks and zones */
	case 8:
		if (st_dfield(d, c, &zip_fields[Z_NCOUNT]) == NULL)
			return c->err;
		count = (unsigned)st_peek_bits(c, 8, 8);	/* <= 255 */
		off = 2;
		for (i = 0; i < count && off != 0; i++) {
			st_dfields_at(d, c, off, &zip_fields[Z_NET], 1);
			off += 2;
			if (fn != 1 && c->err == ST_OK)
				off = at_pstr(d, c, off, &zip_fields[Z_ZONE]);
			if (c->err != ST_OK)
				off = 0;
		}
		break;
	case 5:		/* GetNetInfo request: the zone the node knows */
		st_dfields_at(d, c, 1, &zip_fields[Z_PAD1], 1);
		st_dfields_at(d, c, 2, &zip_fields[Z_PAD4], 1);
		off = at_pstr(d, c, 6, &zip_fields[Z_ZONE]);
		break;
	case 6:		/* GetNetInfo reply */
	case 7:		/* Notify */
		dflt = st_peek_bits(c, 8, 1) != 0;
		zip_flags(d, c, 1);
		if (fn == 6) {
			st_dfields_at(d, c, 2, &zip_fields[Z_START], 1);
			st_dfields_at(d, c, 4, &zip_fields[Z_END], 1);
		} else
			st_dfields_at(d, c, 2, &zip_fields[Z_PAD4], 1);
		if (c->err != ST_OK)
			return c->err;
		off = at_pstr(d, c, 6, &zip_fields[Z_ZONE]);
		if (off != 0)
			off = zip_mcast(d, c, off);
		/* a notify's new zone; a reply's default zone when the one
		 * asked about is invalid */
		if (off != 0 && (fn == 7 || dflt))
			off = at_pstr(d, c, off, &zip_fields[fn == 7 ? Z_ZONE :
			    Z_DEFZONE]);
		break;
	}
	if (off == 0 || c->err != ST_OK)
		return ST_ETRUNC;
	d->hdr = off;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind zip_binds[] = {
	{ ST_KEY_DDPTYPE, 6 },
};

/* "zip Query, 2 networks" */
static int
zip_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[Z_NCOUNT + 1];
	const char *fn;

	st_ly_fields(s->pkt, ly, zip_fields, Z_NCOUNT + 1, f);
	if (f[Z_FN] == NULL)
		return 0;
	fn = st_valname(zip_fn_names, (uint32_t)f[Z_FN]->val);
	if (fn != NULL)
		st_out_printf(s->o, "zip %s", fn);
	else
		st_out_printf(s->o, "zip function %u", (unsigned)f[Z_FN]->val);
	if (f[Z_NCOUNT] != NULL)
		st_out_printf(s->o, ", %u network%s",
		    (unsigned)f[Z_NCOUNT]->val, f[Z_NCOUNT]->val == 1 ?
		    "" : "s");
	return 1;
}

static const struct st_field_desc *const zip_keys[] = {
	&zip_fields[Z_FN], &zip_fields[Z_NCOUNT], NULL,
};

const struct st_proto st_proto_zip = {
	.name = "zip",
	.ws = "zip",
	.title = "Zone Information Protocol",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 8",
	.role = ST_ROLE_CONTROL,
	.fields = zip_fields,
	.nfields = NFIELDS(zip_fields),
	.decode = zip_decode,
	.binds = zip_binds,
	.nbinds = NFIELDS(zip_binds),
	.summary = zip_summary,
	.keys = zip_keys,
	.color = "\033[33m",
	.explain_bits = 8,
	.explain = "Zones name groups of AppleTalk networks. Routers ask one "
	    "another which zones a network is in (query, reply); a node "
	    "starting up asks for its network's range and zone, and the "
	    "multicast address of that zone, with GetNetInfo; a notify tells "
	    "nodes their zone was renamed. Macs list zones with ATP requests "
	    "to socket 6 (GetZoneList, GetMyZone, GetLocalZones).",
};

enum { ZA_FN, ZA_PAD, ZA_START };

static const struct st_field_desc zipatp_fields[] = {
	[ZA_FN] = FDN("function", "zip.atp_function", "Function", 0, 8,
	    ST_FMT_DEC, zip_atp_names),
	[ZA_PAD] = FD(NULL, "zip.zero_value", "Pad (0)", 8, 8, ST_FMT_BYTES),
	[ZA_START] = FD("start", "zip.start_index", "Start index", 16, 16,
	    ST_FMT_DEC),
};

/* A request's four user bytes: function, a zero, the first zone wanted. */
static int
zipatp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned fn;

	if (st_dfield(d, c, &zipatp_fields[ZA_FN]) == NULL)
		return c->err;
	fn = (unsigned)st_peek_bits(c, 0, 8);
	d->hdr = 1;
	if (fn >= 7 && fn <= 9) {
		if (st_dfields(d, c, zipatp_fields + ZA_PAD, 2) != ST_OK)
			return c->err;
		d->hdr = 4;
	}
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind zipatp_binds[] = {
	{ ST_KEY_ATPSOCK, 6 },
};

/* "zip GetZoneList from 1" */
static int
zipatp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[ZA_START + 1];
	const char *fn;

	st_ly_fields(s->pkt, ly, zipatp_fields, ZA_START + 1, f);
	if (f[ZA_FN] == NULL)
		return 0;
	fn = st_valname(zip_atp_names, (uint32_t)f[ZA_FN]->val);
	if (fn != NULL)
		st_out_printf(s->o, "zip %s", fn);
	else
		st_out_printf(s->o, "zip function %u",
		    (unsigned)f[ZA_FN]->val);
	if (f[ZA_START] != NULL)
		st_out_printf(s->o, " from %u", (unsigned)f[ZA_START]->val);
	return 1;
}

static const struct st_field_desc *const zipatp_keys[] = {
	&zipatp_fields[ZA_FN], &zipatp_fields[ZA_START], NULL,
};

const struct st_proto st_proto_zipatp = {
	.name = "zip",
	.ws = "zip",
	.title = "Zone Information Protocol over ATP",
	.rfc = "Inside AppleTalk, 2nd ed., chapter 8",
	.role = ST_ROLE_CONTROL,
	.fields = zipatp_fields,
	.nfields = NFIELDS(zipatp_fields),
	.decode = zipatp_decode,
	.binds = zipatp_binds,
	.nbinds = NFIELDS(zipatp_binds),
	.summary = zipatp_summary,
	.keys = zipatp_keys,
	.color = "\033[33m",
	.explain = "A Mac's question to a router's ZIP socket (6), carried in "
	    "an ATP request's user bytes: GetMyZone (7), GetZoneList (8, all "
	    "zones of the internet) or GetLocalZones (9, its network's), from "
	    "the start index on, as many zone names as fit in the response.",
};
