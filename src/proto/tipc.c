/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TIPC, Transparent Inter-Process Communication (version 2, the Linux
 * kernel's; tipc.io "TIPC Protocol Specification"), over Ethernet
 * (EtherType 0x88ca) or UDP port 6118: messages between the nodes of a
 * cluster, addressed by node (zone.cluster.node) and port, or by a
 * service name (type, instance) the name table maps to ports.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Ver | User  | Hsize |N|D|S|Y|          Message size           |
 * | Mtype | error, reroutes, scope, opt |  Broadcast ack number   |
 * |    Link level ack number    |    Link level sequence number   |
 * |                         Previous node                         |
 * |  Originating port / destination port (words 4 and 5)          |
 * |  Originating node / destination node (words 6 and 7)          |
 * |  Name type / instance (named messages, words 8 and 9)         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Users 0 to 3 carry payload (by importance); the others are the
 * protocol's own: link state (7) and name distribution (11) are decoded
 * here, the rest to the end of the common words.
 */
#include "strata/out.h"
#include "fields.h"

#define TIPC_MAX_ITEMS	64	/* name publications decoded */

enum { F_VER, F_USR, F_HSIZE, F_NONSEQ, F_DDROP, F_SDROP, F_SYN, F_SIZE,
	/* word 1 by user: payload, link state, name distributor, others */
	D_TYPE, D_ERR, D_RER, D_SCOPE, D_OPTP, F_BCACK, L_TYPE, L_GAP, N_TYPE,
	F_LLACK, F_LLSEQ, F_PREV,
	/* payload words 4 to 10 */
	D_OPORT, D_DPORT, F_ONODE, F_DNODE, D_NTYPE, D_NINST, D_MLOW, D_MUP,
	/* link state words 4, 5, 8, 9 */
	L_NSB, L_NSP, L_SESS, L_RED, L_BEARER, L_PRIO, L_PLANE, L_PROBE,
	L_TS, L_MAXP, L_TOL,
	/* name distributor */
	N_UNUSED, N_TSEQ, N_ISIZE, I_TYPE, I_LOW, I_UP, I_PORT, I_KEY, NROWS };

static const struct st_valname usr_names[] = {
	{ 0, "Low Priority Payload Data" },
	{ 1, "Normal Priority Payload Data" },
	{ 2, "High Priority Payload Data" },
	{ 3, "Non-Rejectable Payload Data" },
	{ 5, "Broadcast Maintenance Protocol" },
	{ 6, "Message Bundler Protocol" },
	{ 7, "Link State Maintenance Protocol" },
	{ 8, "Connection Manager" },
	{ 10, "Link Changeover Protocol" },
	{ 11, "Name Table Update Protocol" },
	{ 12, "Message Fragmentation Protocol" },
	{ 13, "Neighbour Discovery Protocol" },
	{ 0, NULL }
};

static const struct st_valname dtype_names[] = {
	{ 0, "CONN_MSG" }, { 1, "MCAST_MSG" }, { 2, "NAMED_MSG" },
	{ 3, "DIRECT_MSG" }, { 0, NULL }
};

static const struct st_valname ltype_names[] = {
	{ 0, "State" }, { 1, "Reset" }, { 2, "Activate" }, { 0, NULL }
};

static const struct st_valname ntype_names[] = {
	{ 0, "Publication" }, { 1, "Withdrawal" }, { 0, NULL }
};

static const struct st_valname scope_names[] = {
	{ 0, "Zone Scope" }, { 1, "Cluster Scope" }, { 2, "Node Scope" },
	{ 0, NULL }
};

#define W(i, n, l, off, w) [i] = FD(NULL, n, l, off, w, ST_FMT_DEC)
#define NODE(i, n, l, off) [i] = FD(NULL, n, l, off, 32, ST_FMT_TEXT)

static const struct st_field_desc tipc_fields[NROWS] = {
	W(F_VER, "tipc.ver", "Version", 0, 3),
	[F_USR] = FDN("user", "tipc.usr", "User", 3, 4, ST_FMT_DEC,
	    usr_names),
	W(F_HSIZE, "tipc.hdr_size", "Header size (32-bit words)", 7, 4),
	W(F_NONSEQ, "tipc.non_sequenced", "Non-sequenced", 11, 1),
	W(F_DDROP, "tipc.destdrop", "Destination droppable", 12, 1),
	W(F_SDROP, "tipc.srcdrop", "Source droppable", 13, 1),
	W(F_SYN, "tipc.syn", "Connection request (SYN)", 14, 1),
	W(F_SIZE, "tipc.msg_size", "Message size", 15, 17),

	[D_TYPE] = FDN(NULL, "tipc.data_type", "Message type", 32, 3,
	    ST_FMT_DEC, dtype_names),
	W(D_ERR, "tipcv2.errorcode", "Error code", 35, 4),
	W(D_RER, "tipcv2.rer_cnt", "Reroute counter", 39, 4),
	[D_SCOPE] = FDN(NULL, "tipcv2.lookup_scope", "Lookup scope", 43, 2,
	    ST_FMT_DEC, scope_names),
	W(D_OPTP, "tipcv2.opt_p", "Options position", 45, 3),
	W(F_BCACK, "tipcv2.broadcast_ack_no", "Broadcast acknowledge number",
	    48, 16),
	[L_TYPE] = FDN(NULL, "tipcv2.link_msg_type", "Message type", 32, 3,
	    ST_FMT_DEC, ltype_names),
	W(L_GAP, "tipcv2.seq_gap", "Sequence gap", 35, 13),
	[N_TYPE] = FDN(NULL, "tipcv2.naming_msg_type", "Message type", 32, 3,
	    ST_FMT_DEC, ntype_names),
	W(F_LLACK, "tipcv2.link_level_ack_no", "Link level acknowledge number",
	    64, 16),
	W(F_LLSEQ, "tipcv2.link_level_seq_no", "Link level sequence number",
	    80, 16),
	NODE(F_PREV, "tipcv2.prev_node", "Previous node", 96),

	W(D_OPORT, "tipc.org_port", "Originating port", 128, 32),
	W(D_DPORT, "tipc.dst_port", "Destination port", 160, 32),
	NODE(F_ONODE, "tipcv2.orig_node", "Originating node", 192),
	NODE(F_DNODE, "tipcv2.dest_node", "Destination node", 224),
	W(D_NTYPE, "tipcv2.port_name_type", "Port name type", 256, 32),
	W(D_NINST, "tipcv2.port_name_instance", "Port name instance", 288,
	    32),
	W(D_MLOW, "tipcv2.multicast_lower", "Multicast lower bound", 288, 32),
	W(D_MUP, "tipcv2.multicast_upper", "Multicast upper bound", 320, 32),

	W(L_NSB, "tipcv2.next_sent_broadcast", "Next sent broadcast", 128,
	    16),
	W(L_NSP, "tipcv2.next_sent_packet", "Next sent packet", 144, 16),
	W(L_SESS, "tipcv2.session_no", "Session number", 160, 16),
	W(L_RED, "tipcv2.redundant_link", "Redundant link", 179, 1),
	W(L_BEARER, "tipcv2.bearer_id", "Bearer identity", 180, 3),
	W(L_PRIO, "tipcv2.link_prio", "Link priority", 183, 5),
	W(L_PLANE, "tipcv2.network_plane", "Network plane", 188, 3),
	W(L_PROBE, "tipcv2.probe", "Probe", 191, 1),
	W(L_TS, "tipcv2.timestamp", "Timestamp", 256, 32),
	W(L_MAXP, "tipcv2.max_packet", "Max packet", 288, 16),
	W(L_TOL, "tipcv2.link_tolerance", "Link tolerance (ms)", 304, 16),

	[N_UNUSED] = FD(NULL, "tipc.unused_word", "Unused word", 0, 32,
	    ST_FMT_BYTES),
	W(N_TSEQ, "tipcv2.tseq_no", "Transport sequence number", 256, 32),
	W(N_ISIZE, "tipcv2.item_size", "Item size", 288, 8),
	W(I_TYPE, "tipc.name_dist_type", "Published port name type", 0, 32),
	W(I_LOW, "tipc.name_dist_lower", "Lower bound", 32, 32),
	W(I_UP, "tipc.name_dist_upper", "Upper bound", 64, 32),
	W(I_PORT, "tipc.dist_port", "Port identity", 96, 32),
	W(I_KEY, "tipc.dist_key", "Key", 128, 32),
};

/* A node address, as zone.cluster.node, at byte pos of the header. */
static void
tipc_node(struct st_dctx *d, struct st_cur *c, int row, size_t pos)
{
	char buf[40];
	uint32_t a;

	if (!st_cur_need(c, pos + 4))
		return;
	a = (uint32_t)st_peek_bits(c, pos * 8, 32);
	snprintf(buf, sizeof(buf), "%u.%u.%u", a >> 24, a >> 12 & 0xfff,
	    a & 0xfff);
	st_dtext(d, c, &tipc_fields[row], pos, 4, buf);
}

/* Rows [first, first + n) when the header has hlen bytes to their end. */
static void
tipc_rows(struct st_dctx *d, struct st_cur *c, size_t hlen, int first,
    size_t n)
{
	const struct st_field_desc *last = &tipc_fields[first + n - 1];

	if (((size_t)last->bitoff + last->bits + 7) / 8 <= hlen)
		st_dfields(d, c, &tipc_fields[first], n);
}

static void
tipc_payload(struct st_dctx *d, struct st_cur *c, size_t hlen)
{
	uint32_t type = (uint32_t)st_peek_bits(c, 32, 3);

	tipc_rows(d, c, hlen, D_OPORT, 2);
	if (hlen >= 32) {
		tipc_node(d, c, F_ONODE, 24);
		tipc_node(d, c, F_DNODE, 28);
	}
	if (type == 2)
		tipc_rows(d, c, hlen, D_NTYPE, 2);
	else if (type == 1 && hlen >= 44) {
		tipc_rows(d, c, hlen, D_NTYPE, 1);
		tipc_rows(d, c, hlen, D_MLOW, 2);
	}
}

/* The publications of a name distributor message, after its header. */
static void
tipc_names(struct st_dctx *d, struct st_cur *c, size_t hlen, size_t msize)
{
	struct st_cur w = *c;
	size_t i;

	w.off += hlen;
	for (i = 0; i < TIPC_MAX_ITEMS && hlen + (i + 1) * 20 <= msize;
	    i++, w.off += 20) {
		st_dfields(d, &w, &tipc_fields[I_TYPE], 5);
		if (w.err != ST_OK) {
			c->err = w.err;
			return;
		}
	}
}

static int
tipc_decode(struct st_dctx *d, struct st_cur *c)
{
	uint32_t usr, hlen, msize;

	st_dfields(d, c, tipc_fields, F_VER + 4);
	if (c->err != ST_OK || !st_cur_need(c, 4))
		return c->err;
	usr = (uint32_t)st_peek_bits(c, 3, 4);
	hlen = (uint32_t)st_peek_bits(c, 7, 4) * 4;
	msize = (uint32_t)st_peek_bits(c, 15, 17);
	if (usr < 4)
		st_dfields(d, c, &tipc_fields[F_DDROP], 3);
	st_dfields(d, c, &tipc_fields[F_SIZE], 1);
	if (st_peek_bits(c, 0, 3) != 2)
		return st_dmalformed(d, "version %u: only 2 is decoded",
		    (unsigned)st_peek_bits(c, 0, 3));
	if (hlen < 16 || msize < hlen)
		return st_dmalformed(d, "header of %u bytes in a message of "
		    "%u", hlen, msize);
	d->hdr = hlen;
	d->plen = msize - hlen;
	if (usr < 4)
		st_dfields(d, c, &tipc_fields[D_TYPE], F_BCACK - D_TYPE + 1);
	else if (usr == 7)
		st_dfields(d, c, &tipc_fields[L_TYPE], 2);
	else if (usr == 11)
		st_dfields(d, c, &tipc_fields[N_TYPE], 1);
	if (usr >= 4)
		st_dfields(d, c, &tipc_fields[F_BCACK], 1);
	st_dfields(d, c, &tipc_fields[F_LLACK], 2);
	tipc_node(d, c, F_PREV, 12);
	if (usr < 4)
		tipc_payload(d, c, hlen);
	else if (usr == 7 && hlen >= 40) {
		st_dfields(d, c, &tipc_fields[L_NSB], L_PROBE - L_NSB + 1);
		tipc_node(d, c, F_ONODE, 24);
		tipc_node(d, c, F_DNODE, 28);
		st_dfields(d, c, &tipc_fields[L_TS], 3);
	} else if (usr == 11 && hlen >= 40) {
		st_dbytes(d, c, &tipc_fields[N_UNUSED], 16, 4);
		st_dbytes(d, c, &tipc_fields[N_UNUSED], 20, 4);
		tipc_node(d, c, F_ONODE, 24);
		tipc_node(d, c, F_DNODE, 28);
		st_dfields(d, c, &tipc_fields[N_TSEQ], 2);
		tipc_names(d, c, hlen, msize);
		d->hdr = msize;
		d->plen = 0;
	}
	return c->err;
}

static const struct st_bind tipc_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88ca },
	{ ST_KEY_UDPPORT, 6118 },
};

/* "TIPC v2 1.1.10 > 1.1.20, Low Priority Payload Data, NAMED_MSG, size
 * 52" (as tcpdump: nodes, then what the message is). */
static int
tipc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NROWS];
	const struct st_field *t;

	st_ly_fields(s->pkt, ly, tipc_fields, NROWS, f);
	st_out_puts(s->o, "TIPC v2");
	if (f[F_ONODE] != NULL && f[F_DNODE] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_ONODE]);
		st_out_puts(s->o, " > ");
		s->value(s, f[F_DNODE]);
	}
	if (f[F_USR] == NULL)
		return 1;
	st_out_puts(s->o, ", ");
	st_out_puts(s->o, st_field_meaning(f[F_USR]) != NULL ?
	    st_field_meaning(f[F_USR]) : "user ?");
	t = f[D_TYPE] != NULL ? f[D_TYPE] : f[L_TYPE] != NULL ? f[L_TYPE] :
	    f[N_TYPE];
	if (t != NULL && st_field_meaning(t) != NULL) {
		st_out_puts(s->o, ", ");
		st_out_puts(s->o, st_field_meaning(t));
	}
	if (f[D_NTYPE] != NULL && f[D_NINST] != NULL) {
		st_out_puts(s->o, " {");
		s->value(s, f[D_NTYPE]);
		st_out_putc(s->o, ',');
		s->value(s, f[D_NINST]);
		st_out_putc(s->o, '}');
	}
	if (f[F_SIZE] != NULL) {
		st_out_puts(s->o, ", size ");
		s->value(s, f[F_SIZE]);
	}
	return 1;
}

static const struct st_field_desc *const tipc_keys[] = {
	&tipc_fields[F_USR], &tipc_fields[F_SIZE], &tipc_fields[F_ONODE],
	&tipc_fields[F_DNODE], NULL,
};

const struct st_proto st_proto_tipc = {
	.name = "tipc",
	.ws = "tipc",
	.title = "Transparent Inter Process Communication",
	.rfc = "TIPC v2 (tipc.io)",
	.role = ST_ROLE_APP,	/* the message; no port layer below */
	.fields = tipc_fields,
	.nfields = NROWS,
	.decode = tipc_decode,
	.binds = tipc_binds,
	.nbinds = NFIELDS(tipc_binds),
	.summary = tipc_summary,
	.keys = tipc_keys,
	.color = "\033[36m",
	.explain_bits = 128,
	.explain = "Messages between the nodes of a cluster (Linux's TIPC), "
	    "straight over Ethernet or over UDP.  Nodes are written "
	    "zone.cluster.node; a message goes to a port, or to a service "
	    "name (type and instance) the name table, spread by name "
	    "distributor messages (user 11), maps to ports.  Users 0 to 3 "
	    "are payload by importance; link state messages (user 7) keep "
	    "the links between nodes up and acknowledge their sequence "
	    "numbers.",
};
