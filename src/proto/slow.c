/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The slow protocols of IEEE 802.3 (annex 57A), EtherType 0x8809: a subtype
 * byte names what follows (ST_KEY_SLOW).  Here too the three Wireshark
 * shows: LACP (subtype 1, 802.1AX), the marker protocol (2) and Ethernet
 * OAM (3, 802.3 clause 57, shown as its header).
 *
 * LACPDU, after the subtype:
 * +---------+-----------------------------+---------------------------+
 * | Version | Actor TLV (1, 20): system   | Partner TLV (2, 20): the  |
 * |  (8)    | priority, system, key, port | same                      |
 * |         | priority, port, state, 3 res|                           |
 * +---------+-----------------------------+---------------------------+
 * | Collector TLV (3, 16): max delay, 12 reserved | Terminator (0, 0) |
 * +-----------------------------------------------+-------------------+
 * then 50 reserved bytes: 110 bytes in all, the subtype counted.
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname subtype_names[] = {
	{ 1, "LACP" }, { 2, "Marker Protocol" }, { 3, "OAM" },
	{ 10, "Organization Specific Slow Protocol" }, { 0, NULL }
};

static const struct st_field_desc slow_fields[] = {
	FDN("subtype", "slow.subtype", "Slow protocols subtype", 0, 8,
	    ST_FMT_HEX, subtype_names),
};

static int
slow_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfield(d, c, &slow_fields[0]) == NULL)
		return c->err;
	d->hdr = 1;
	d->next_key = ST_KEY_SLOW;
	d->next_val = st_peek_bits(c, 0, 8);
	return ST_OK;
}

static const struct st_bind slow_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x8809 },
};

/* The state bits of actor (at bit a) and partner alike: LSB first. */
#define LACP_STATE(who, a) \
	FD(NULL, "lacp." who ".state", "State", a, 8, ST_FMT_HEX), \
	FDD(NULL, "lacp." who ".state.expired", "Expired", a, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.defaulted", "Defaulted", a + 1, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.distributing", "Distributing", a + 2, \
	    1, ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.collecting", "Collecting", a + 3, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.synchronization", "Synchronization", \
	    a + 4, 1, ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.aggregation", "Aggregation", a + 5, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.timeout", "LACP timeout", a + 6, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, "lacp." who ".state.activity", "LACP activity", a + 7, 1, \
	    ST_FMT_BOOL)

/* Offsets from the version byte (the subtype is the slow layer's). */
enum { L_VERS, L_ATYPE, L_ALEN, L_ASPRIO, L_ASYS, L_AKEY, L_APPRIO, L_APORT,
	L_ASTATE, L_ARES = L_ASTATE + 9, L_PTYPE, L_PLEN, L_PSPRIO, L_PSYS,
	L_PKEY, L_PPPRIO, L_PPORT, L_PSTATE, L_PRES = L_PSTATE + 9, L_CTYPE,
	L_CLEN, L_CDELAY, L_CRES, L_TTYPE, L_TLEN, L_PAD, L_NROWS };

static const struct st_field_desc lacp_fields[] = {
	FD("version", "lacp.version", "LACP version", 0, 8, ST_FMT_HEX),
	FD(NULL, "lacp.tlv_type", "TLV type (actor)", 8, 8, ST_FMT_HEX),
	FD(NULL, "lacp.tlv_length", "TLV length", 16, 8, ST_FMT_HEX),
	FD(NULL, "lacp.actor.sys_priority", "Actor system priority", 24, 16,
	    ST_FMT_DEC),
	FD("actor", "lacp.actor.sysid", "Actor system", 40, 48, ST_FMT_MAC),
	FD("key", "lacp.actor.key", "Actor key", 88, 16, ST_FMT_DEC),
	FD(NULL, "lacp.actor.port_priority", "Actor port priority", 104, 16,
	    ST_FMT_DEC),
	FD("port", "lacp.actor.port", "Actor port", 120, 16, ST_FMT_DEC),
	LACP_STATE("actor", 136),
	FD(NULL, "lacp.actor.reserved", "Reserved", 144, 24, ST_FMT_BYTES),
	FD(NULL, "lacp.tlv_type", "TLV type (partner)", 168, 8, ST_FMT_HEX),
	FD(NULL, "lacp.tlv_length", "TLV length", 176, 8, ST_FMT_HEX),
	FD(NULL, "lacp.partner.sys_priority", "Partner system priority", 184,
	    16, ST_FMT_DEC),
	FD("partner", "lacp.partner.sysid", "Partner system", 200, 48,
	    ST_FMT_MAC),
	FD(NULL, "lacp.partner.key", "Partner key", 248, 16, ST_FMT_DEC),
	FD(NULL, "lacp.partner.port_priority", "Partner port priority", 264,
	    16, ST_FMT_DEC),
	FD(NULL, "lacp.partner.port", "Partner port", 280, 16, ST_FMT_DEC),
	LACP_STATE("partner", 296),
	FD(NULL, "lacp.partner.reserved", "Reserved", 304, 24, ST_FMT_BYTES),
	FD(NULL, "lacp.tlv_type", "TLV type (collector)", 328, 8, ST_FMT_HEX),
	FD(NULL, "lacp.tlv_length", "TLV length", 336, 8, ST_FMT_HEX),
	FD(NULL, "lacp.collector.max_delay", "Collector max delay (10 us)",
	    344, 16, ST_FMT_DEC),
	FD(NULL, "lacp.coll_reserved", "Reserved", 360, 96, ST_FMT_BYTES),
	FD(NULL, "lacp.tlv_type", "TLV type (terminator)", 456, 8,
	    ST_FMT_HEX),
	FD(NULL, "lacp.tlv_length", "TLV length", 464, 8, ST_FMT_HEX),
	FD(NULL, "lacp.pad", "Reserved", 472, 400, ST_FMT_BYTES),
	/* not read in order: the state bytes as letters */
	FDG("lacp.actor.state_str", "Actor state", ST_FMT_TEXT, NULL),
	FDG("lacp.partner.state_str", "Partner state", ST_FMT_TEXT, NULL),
};

/*
 * The state byte at bit off as Wireshark spells it, bit 7 first: a
 * letter for each bit set (Expired, deFaulted, Distributing, Collecting,
 * Synchronization, aGgregation, Short timeout, Activity), '*' for each
 * clear.
 */
static void
lacp_state_str(struct st_dctx *d, struct st_cur *c, unsigned row,
    unsigned off)
{
	static const char letter[] = "EFDCSGSA";
	struct st_field *f;
	unsigned v = (unsigned)st_peek_bits(c, off, 8), i;
	char s[9];

	for (i = 0; i < 8; i++)
		s[i] = v >> (7 - i) & 1 ? letter[i] : '*';
	s[8] = '\0';
	if ((f = st_dgen(d, &lacp_fields[row], 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, s);
}

/* The fixed LACPDU, every row in order; bytes rows through st_dbytes. */
static int
lacp_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_field_desc *fd;
	size_t i;

	for (i = 0; i < L_NROWS; i++) {
		fd = &lacp_fields[i];
		if (fd->fmt == ST_FMT_BYTES)
			st_dbytes(d, c, fd, fd->bitoff / 8, fd->bits / 8);
		else if ((fd->flags & ST_DF_DETAIL) == 0 || !d->pkt->lite)
			st_dfield(d, c, fd);
		if (c->err != ST_OK)
			return c->err;
	}
	lacp_state_str(d, c, L_NROWS, 136);
	lacp_state_str(d, c, L_NROWS + 1, 296);
	d->hdr = 109;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind lacp_binds[] = {
	{ ST_KEY_SLOW, 1 },
};

/* The marker protocol (802.1AX 6.5), after the subtype. */
static const struct st_field_desc marker_fields[] = {
	FD("version", "marker.version", "Version", 0, 8, ST_FMT_HEX),
	FD(NULL, "marker.tlvType", "TLV type", 8, 8, ST_FMT_HEX),
	FD(NULL, "marker.tlvLen", "TLV length", 16, 8, ST_FMT_HEX),
	FD(NULL, "marker.requesterPort", "Requester port", 24, 16,
	    ST_FMT_DEC),
	FD(NULL, "marker.requesterSystem", "Requester system", 40, 48,
	    ST_FMT_MAC),
	FD(NULL, "marker.requesterTransId", "Requester transaction ID", 88,
	    32, ST_FMT_DEC),
	FD(NULL, "marker.requesterPad", "Pad", 120, 16, ST_FMT_DEC),
	FD(NULL, "marker.tlvType", "TLV type (terminator)", 136, 8,
	    ST_FMT_HEX),
	FD(NULL, "marker.tlvLen", "TLV length", 144, 8, ST_FMT_HEX),
	FD(NULL, "marker.reserved", "Reserved", 152, 720, ST_FMT_BYTES),
};

static int
marker_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfields(d, c, marker_fields, 9) != ST_OK ||
	    st_dbytes(d, c, &marker_fields[9], 19, 90) == NULL)
		return c->err;
	d->hdr = 109;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind marker_binds[] = {
	{ ST_KEY_SLOW, 2 },
};

/* Ethernet OAM (802.3 57.4): flags and code; the TLVs are not decoded. */
static const struct st_valname oam_codes[] = {
	{ 0, "Information" }, { 1, "Event Notification" },
	{ 2, "Variable Request" }, { 3, "Variable Response" },
	{ 4, "Loopback Control" }, { 0xfe, "Organization Specific" },
	{ 0, NULL }
};

static const struct st_field_desc oam_fields[] = {
	FD("flags", "oampdu.flags", "Flags", 0, 16, ST_FMT_HEX),
	FDN("code", "oampdu.code", "OAMPDU code", 16, 8, ST_FMT_HEX,
	    oam_codes),
};

static int
oam_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfields(d, c, oam_fields, NFIELDS(oam_fields)) != ST_OK)
		return c->err;
	d->hdr = 3;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind oam_binds[] = {
	{ ST_KEY_SLOW, 3 },
};

/* "LACPv1, length 110", as tcpdump counts it: the subtype included. */
static int
lacp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[1];

	st_ly_fields(s->pkt, ly, lacp_fields, 1, f);
	st_out_printf(s->o, "LACPv%u, length %u", f[0] != NULL ?
	    (unsigned)f[0]->val : 0, (unsigned)ly->len + 1);
	return 1;
}

static int
marker_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[1];

	st_ly_fields(s->pkt, ly, marker_fields, 1, f);
	st_out_printf(s->o, "MARKERv%u, length %u", f[0] != NULL ?
	    (unsigned)f[0]->val : 0, (unsigned)ly->len + 1);
	return 1;
}

static int
oam_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[2];
	const char *name;

	st_ly_fields(s->pkt, ly, oam_fields, 2, f);
	name = f[1] != NULL ? st_valname(oam_codes, (uint32_t)f[1]->val) :
	    NULL;
	st_out_printf(s->o, "OAM %s, length %u", name != NULL ? name :
	    "unknown code", (unsigned)ly->len + 1);
	return 1;
}

static const struct st_field_desc *const slow_keys[] = {
	&slow_fields[0], NULL,
};

static const struct st_field_desc *const lacp_keys[] = {
	&lacp_fields[L_ASYS], &lacp_fields[L_AKEY], &lacp_fields[L_APORT],
	&lacp_fields[L_PSYS], NULL,
};

static const struct st_field_desc *const marker_keys[] = {
	&marker_fields[3], &marker_fields[4], NULL,
};

static const struct st_field_desc *const oam_keys[] = {
	&oam_fields[1], NULL,
};

const struct st_proto st_proto_slow = {
	.name = "slow",
	.ws = "slow",
	.title = "Slow Protocols",
	.rfc = "IEEE 802.3 annex 57A",
	.role = ST_ROLE_LINK,
	.fields = slow_fields,
	.nfields = NFIELDS(slow_fields),
	.decode = slow_decode,
	.binds = slow_binds,
	.nbinds = NFIELDS(slow_binds),
	.keys = slow_keys,
	.color = "\033[35m",
	.explain = "One subtype byte: 1 LACP, 2 marker, 3 OAM, 10 "
	    "organisation specific.",
};

const struct st_proto st_proto_lacp = {
	.name = "lacp",
	.ws = "lacp",
	.title = "Link Aggregation Control Protocol",
	.rfc = "IEEE 802.1AX",
	.role = ST_ROLE_CONTROL,
	.fields = lacp_fields,
	.nfields = NFIELDS(lacp_fields),
	.decode = lacp_decode,
	.binds = lacp_binds,
	.nbinds = NFIELDS(lacp_binds),
	.summary = lacp_summary,
	.keys = lacp_keys,
	.color = "\033[35m",
	.explain = "Fixed TLVs: actor (1), partner (2), collector (3), "
	    "terminator (0), then 50 reserved bytes. A state byte's bits, "
	    "lowest first: activity, timeout, aggregation, synchronization, "
	    "collecting, distributing, defaulted, expired.",
};

const struct st_proto st_proto_marker = {
	.name = "marker",
	.ws = "marker",
	.title = "Link Aggregation Marker Protocol",
	.rfc = "IEEE 802.1AX",
	.role = ST_ROLE_CONTROL,
	.fields = marker_fields,
	.nfields = NFIELDS(marker_fields),
	.decode = marker_decode,
	.binds = marker_binds,
	.nbinds = NFIELDS(marker_binds),
	.summary = marker_summary,
	.keys = marker_keys,
	.color = "\033[35m",
};

const struct st_proto st_proto_oampdu = {
	.name = "oampdu",
	.ws = "oampdu",
	.title = "Ethernet OAM",
	.rfc = "IEEE 802.3 clause 57",
	.role = ST_ROLE_CONTROL,
	.fields = oam_fields,
	.nfields = NFIELDS(oam_fields),
	.decode = oam_decode,
	.binds = oam_binds,
	.nbinds = NFIELDS(oam_binds),
	.summary = oam_summary,
	.keys = oam_keys,
	.color = "\033[35m",
	.explain = "Flags and code only; the TLVs after them are shown as "
	    "data.",
};
