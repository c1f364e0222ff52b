/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenFlow (Open Networking Foundation, switch specification 1.0.0 and
 * 1.3.x), over TCP 6653 (IANA) or 6633 (before it), after Wireshark's
 * packet-openflow*.c: a zero-length "openflow" layer reads the version
 * byte and hands the messages to OpenFlow 1.0's or 1.3's decoder, one
 * layer per message.
 *
 *  0       7 8      15 16             31
 * +---------+---------+----------------+
 * | version |  type   |     length     |
 * +---------+---------+----------------+
 * |           transaction id           |
 * +------------------------------------+
 *
 * Length counts the whole message, header included.  A packet-in carries
 * the frame the switch received and a packet-out the one it is to send:
 * both are decoded through the registry as Ethernet.
 *
 * This file holds the dispatch layer, the message loop both versions
 * share and OpenFlow 1.0; OpenFlow 1.3 is in openflow4.c.
 */
#include "strata/out.h"
#include "openflow4.h"

static const struct st_valname of1_type_names[] = {
	{ 0, "HELLO" }, { 1, "ERROR" }, { 2, "ECHO_REQUEST" },
	{ 3, "ECHO_REPLY" }, { 4, "VENDOR" }, { 5, "FEATURES_REQUEST" },
	{ 6, "FEATURES_REPLY" }, { 7, "GET_CONFIG_REQUEST" },
	{ 8, "GET_CONFIG_REPLY" }, { 9, "SET_CONFIG" }, { 10, "PACKET_IN" },
	{ 11, "FLOW_REMOVED" }, { 12, "PORT_STATUS" }, { 13, "PACKET_OUT" },
	{ 14, "FLOW_MOD" }, { 15, "PORT_MOD" }, { 16, "STATS_REQUEST" },
	{ 17, "STATS_REPLY" }, { 18, "BARRIER_REQUEST" },
	{ 19, "BARRIER_REPLY" }, { 20, "QUEUE_GET_CONFIG_REQUEST" },
	{ 21, "QUEUE_GET_CONFIG_REPLY" }, { 0, NULL }
};

/* ---- the dispatch layer ---------------------------------------------- */

extern const struct st_proto st_proto_openflow_v1, st_proto_openflow_v4;

static const struct st_field_desc of_fields[] = {
	FD(NULL, "openflow.version", "Version", 0, 8, ST_FMT_HEX),
};

/*
 * No bytes of its own: the version says whose messages follow.  A segment
 * that does not start with a header (the rest of a message begun earlier)
 * is not OpenFlow's to claim.
 */
static int
of_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned ver, len;

	if (st_cur_left(c) < 8)
		return ST_ENOTME;
	ver = (unsigned)st_peek_bits(c, 0, 8);
	len = (unsigned)st_peek_bits(c, 16, 16);
	if (len < 8 || (ver != 1 && ver != 4))
		return ST_ENOTME;
	d->hdr = 0;
	d->next = ver == 1 ? &st_proto_openflow_v1 : &st_proto_openflow_v4;
	return ST_OK;
}

/* The summary says what the first message is: its layer's facts. */
static int
of_dsummary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_layer *nx = ly + 1;

	if (nx >= s->pkt->layers + s->pkt->nlayers || nx->depth != ly->depth ||
	    nx->proto->summary == NULL || nx->proto->summary == of_dsummary)
		return 0;
	return nx->proto->summary(s, nx);
}

static const struct st_bind of_binds[] = {
	{ ST_KEY_TCPPORT, 6653 }, { ST_KEY_TCPPORT, 6633 },
};

const struct st_proto st_proto_openflow = {
	.name = "openflow",
	.ws = "openflow",
	.title = "OpenFlow",
	.rfc = "ONF TS-025 (OpenFlow 1.3), OpenFlow 1.0.0",
	.role = ST_ROLE_APP,
	.fields = of_fields,
	.nfields = NFIELDS(of_fields),
	.decode = of_decode,
	.binds = of_binds,
	.nbinds = NFIELDS(of_binds),
	.summary = of_dsummary,
	.color = "\033[35m",
	.explain = "OpenFlow lets a controller program a switch's flow "
	    "tables over TCP (port 6653, formerly 6633). This layer only "
	    "reads the version byte of the first message: the messages "
	    "themselves follow as OpenFlow 1.0 or 1.3 layers.",
};

/* ---- shared by both versions ----------------------------------------- */

/* Rows [first, first + n) at byte off of c; a missing byte sets c->err. */
void
st_of_at(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *t,
    size_t off, unsigned first, unsigned n)
{
	st_dfields_at(d, c, off, t + first, n);
}

/* One message; another may follow in the segment. */
int
st_of_message(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *t, unsigned ver,
    void (*body)(struct st_dctx *, struct st_cur *, unsigned, size_t))
{
	size_t left = st_cur_left(c), len, end;
	struct st_cur m;

	st_dfields(d, c, t, 4);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	len = (size_t)st_peek_bits(c, 16, 16);
	if (len < 8) {
		d->hdr = 8;
		return st_dmalformed(d, "message length %zu below 8", len);
	}
	end = len < left ? len : left;
	d->hdr = end;
	d->plen = left - end;
	m = st_cur_sub(c, end, NULL);
	/* Lengths inside are checked against the declared length; reads
	 * past the captured bytes stop at m's end. */
	body(d, &m, (unsigned)st_peek_bits(c, 8, 8), len);
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (len > left) {
		st_pkt_note(d->pkt, "OpenFlow: a message continues in a later "
		    "segment");
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
	}
	if (m.err != ST_OK)
		return st_dmalformed(d, "message body shorter than its type "
		    "needs");
	/* Another message of the same version follows. */
	if (d->plen >= 8 && st_peek_bits(c, end * 8, 8) == ver)
		d->next = d->ly->proto;
	else if (d->plen > 0)
		d->data = 1;
	return ST_OK;
}

/* "OpenFlow 1.3 PACKET_IN xid 0 len 154". */
int
st_of_summary(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field_desc *t, const char *ver)
{
	const struct st_field *f[4];
	const struct st_valname *vn;

	st_ly_fields(s->pkt, ly, t, 4, f);
	if (f[OFH_TYPE] == NULL)
		return 0;
	st_out_printf(s->o, "OpenFlow %s ", ver);
	for (vn = t[OFH_TYPE].names; vn->name != NULL &&
	    vn->val != f[OFH_TYPE]->val; vn++)
		;
	if (vn->name != NULL)
		st_out_puts(s->o, vn->name);
	else
		st_out_printf(s->o, "type %u", (unsigned)f[OFH_TYPE]->val);
	if (f[OFH_XID] != NULL)
		st_out_printf(s->o, " xid %u", (unsigned)f[OFH_XID]->val);
	if (f[OFH_LEN] != NULL)
		st_out_printf(s->o, " len %u", (unsigned)f[OFH_LEN]->val);
	return 1;
}

/* ---- OpenFlow 1.0 (wire version 1) ------------------------------------ */

enum { V1_VER, V1_TYPE, V1_LEN, V1_XID, V1_DPID, V1_NBUF, V1_NTAB,
	V1_CAP, V1_ACT, V1_STYPE, V1_SFLAGS };

static const struct st_field_desc of1_fields[] = {
	FD("version", "openflow.version", "Version", 0, 8, ST_FMT_HEX),
	FDN("type", "openflow_1_0.type", "Type", 8, 8, ST_FMT_DEC,
	    of1_type_names),
	FD("len", "openflow.length", "Length", 16, 16, ST_FMT_DEC),
	FD("xid", "openflow.xid", "Transaction ID", 32, 32, ST_FMT_DEC),
	FD(NULL, "openflow.datapath_id", "Datapath ID", 64, 64, ST_FMT_HEX),
	FD(NULL, "openflow.n_buffers", "Buffers", 128, 32, ST_FMT_DEC),
	FD(NULL, "openflow.n_tables", "Tables", 160, 8, ST_FMT_DEC),
	FD(NULL, "openflow.capabilities", "Capabilities", 192, 32,
	    ST_FMT_HEX),
	FD(NULL, "openflow.actions", "Actions", 224, 32, ST_FMT_HEX),
	FD(NULL, "openflow.stats.type", "Statistics type", 64, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow.flags", "Flags", 80, 16, ST_FMT_DEC),
};

static void
of1_body(struct st_dctx *d, struct st_cur *c, unsigned type, size_t len)
{
	(void)len;
	if (type == 6) {
		st_of_at(d, c, of1_fields, 0, V1_DPID, 3);
		st_of_at(d, c, of1_fields, 0, V1_CAP, 2);
	} else if (type == 16 || type == 17)
		st_of_at(d, c, of1_fields, 0, V1_STYPE, 2);
}

static int
of1_decode(struct st_dctx *d, struct st_cur *c)
{
	return st_of_message(d, c, of1_fields, 1, of1_body);
}

static int
of1_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	return st_of_summary(s, ly, of1_fields, "1.0");
}

static const struct st_field_desc *const of1_keys[] = {
	&of1_fields[V1_TYPE], &of1_fields[V1_LEN], &of1_fields[V1_XID], NULL,
};

const struct st_proto st_proto_openflow_v1 = {
	.name = "openflow_v1",
	.ws = "openflow_v1",
	.title = "OpenFlow 1.0",
	.rfc = "OpenFlow switch specification 1.0.0",
	.role = ST_ROLE_APP,
	.fields = of1_fields,
	.nfields = NFIELDS(of1_fields),
	.decode = of1_decode,
	.summary = of1_summary,
	.keys = of1_keys,
	.color = "\033[35m",
	.explain_bits = 64,
	.explain = "OpenFlow 1.0's header: version 1, type, the length of "
	    "the whole message and a transaction id pairing replies with "
	    "requests; FEATURES_REPLY names the switch's datapath and "
	    "STATS_REQUEST/REPLY carry its counters.",
};
