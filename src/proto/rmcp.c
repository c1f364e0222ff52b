/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RMCP, the Remote Management Control Protocol (DMTF ASF 2.0 3.2.2), on
 * UDP 623: how a management console reaches a machine's management
 * controller, before and beside its operating system.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version (6)  |   Reserved    |   Sequence    |A| res |Class  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The class says whose message follows (6 ASF, 7 IPMI's session wrapper,
 * 8 OEM), found in the registry under ST_KEY_RMCPCLASS; A set is an
 * acknowledgement, which carries nothing.  As Wireshark's dissector, a
 * class it does not know is not RMCP.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_RES, F_SEQ, F_CLASS, F_TYPE, F_NRMCP };

static const struct st_valname rmcp_classes[] = {
	{ 6, "ASF" }, { 7, "IPMI" }, { 8, "OEM" }, { 0, NULL }
};

static const struct st_valname rmcp_types[] = {
	{ 0, "Normal RMCP" }, { 1, "RMCP ACK" }, { 0, NULL }
};

static const struct st_field_desc rmcp_fields[F_NRMCP] = {
	[F_VER] = FD("version", "rmcp.version", "Version", 0, 8, ST_FMT_HEX),
	[F_RES] = FD(NULL, "rmcp.reserved", "Reserved", 8, 8, ST_FMT_HEX),
	[F_SEQ] = FD("sequence", "rmcp.sequence", "Sequence", 16, 8,
	    ST_FMT_HEX),
	[F_CLASS] = FDN("class", "rmcp.class", "Class", 27, 5, ST_FMT_HEX,
	    rmcp_classes),
	[F_TYPE] = FDN("type", "rmcp.type", "Message Type", 24, 1, ST_FMT_HEX,
	    rmcp_types),
};

static int
rmcp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned cls;

	if (!st_cur_need(c, 4))
		return ST_ENOTME;	/* Wireshark's: no class, not RMCP */
	cls = (unsigned)st_peek_bits(c, 27, 5);
	if (st_valname(rmcp_classes, cls) == NULL)
		return ST_ENOTME;
	st_dfields(d, c, rmcp_fields, F_NRMCP);
	d->hdr = 4;
	if (st_peek_bits(c, 24, 1)) {
		/* an acknowledgement: nothing follows it */
		d->plen = 0;
		return ST_OK;
	}
	d->next_key = ST_KEY_RMCPCLASS;
	d->next_val = cls;
	return ST_OK;
}

static const struct st_bind rmcp_binds[] = {
	{ ST_KEY_UDPPORT, 623 },
};

/*
 * "RMCP ACK seq 5, class ASF"; a message's facts are those of the layer
 * it carries (ASF's, the IPMI session's), as tshark's Info column shows
 * them, else "RMCP seq 255, class OEM".
 */
static int
rmcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_layer *nx = ly + 1;
	const struct st_field *f[F_NRMCP];
	const char *cls;

	st_ly_fields(s->pkt, ly, rmcp_fields, F_NRMCP, f);
	if (f[F_TYPE] == NULL || f[F_CLASS] == NULL || f[F_SEQ] == NULL)
		return 0;
	if (!f[F_TYPE]->val && nx < s->pkt->layers + s->pkt->nlayers &&
	    nx->depth == ly->depth && nx->proto->summary != NULL &&
	    nx->proto->role == ST_ROLE_APP && nx->proto->summary(s, nx))
		return 1;
	cls = st_valname(rmcp_classes, (uint32_t)f[F_CLASS]->val);
	st_out_printf(s->o, "RMCP%s seq %u, class %s", f[F_TYPE]->val ?
	    " ACK" : "", (unsigned)f[F_SEQ]->val, cls != NULL ? cls : "?");
	return 1;
}

static const struct st_field_desc *const rmcp_keys[] = {
	&rmcp_fields[F_SEQ], &rmcp_fields[F_CLASS], NULL,
};

const struct st_proto st_proto_rmcp = {
	.name = "rmcp",
	.ws = "rmcp",
	.title = "Remote Management Control Protocol",
	.rfc = "DMTF ASF 2.0 (DSP0136) 3.2.2",
	.role = ST_ROLE_APP,
	.fields = rmcp_fields,
	.nfields = F_NRMCP,
	.decode = rmcp_decode,
	.binds = rmcp_binds,
	.nbinds = NFIELDS(rmcp_binds),
	.summary = rmcp_summary,
	.keys = rmcp_keys,
	.color = "\033[35m",
	.explain = "The envelope of out-of-band management on UDP 623: a "
	    "console talks to a machine's management controller (a BMC, an "
	    "ASF network card) whatever state its operating system is in.  "
	    "Four bytes: version 6, a reserved byte, a sequence number (255: "
	    "no acknowledgement wanted) and the class of what follows, ASF "
	    "(6: presence ping and pong, power control), IPMI (7: the IPMI "
	    "session wrapper and the IPMI request or response in it) or OEM "
	    "(8).  The top bit of the class byte marks an acknowledgement, "
	    "four bytes with nothing after them.",
};
