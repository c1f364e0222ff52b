/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Spanning tree BPDUs: STP (IEEE 802.1D), RSTP (802.1w, version 2) and
 * MSTP (802.1s, version 3), after LLC SAP 0x42 or Cisco's PVST+ SNAP
 * (OUI 0x00000c, PID 0x010b), which adds a TLV naming the VLAN.
 *
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Protocol ID (0)          |    Version    |     Type      |
 * +---------------+---------------+---------------+---------------+
 * |     Flags     |       Root identifier (prio 4, ext 12, MAC 48) ...
 * ... root path cost (32), bridge identifier (64), port (16),
 * message age, max age, hello time, forward delay (16 each, 1/256 s);
 * version 2 and 3: version 1 length (8); version 3: version 3 length
 * (16), the MST configuration identifier, the CIST fields and up to 64
 * MSTI records of 16 bytes.  A topology change notice (type 0x80) is the
 * first 4 bytes alone.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

static const struct st_valname type_names[] = {
	{ 0x00, "Configuration" }, { 0x02, "Rapid/Multiple Spanning Tree" },
	{ 0x80, "Topology Change Notification" }, { 0, NULL }
};

static const struct st_valname role_names[] = {
	{ 0, "Unknown" }, { 1, "Alternate or Backup" }, { 2, "Root" },
	{ 3, "Designated" }, { 0, NULL }
};

enum { F_PROTO, F_VERS, F_TYPE, F_FLAGS, F_TCACK, F_AGREE, F_FWD, F_LEARN,
	F_ROLE, F_PROP, F_TC, F_RPRIO, F_REXT, F_RHW, F_COST, F_BPRIO, F_BEXT,
	F_BHW, F_PORT, F_AGE, F_MAXAGE, F_HELLO, F_FWDD, F_V1LEN, F_V3LEN,
	F_SEL, F_NAME, F_REV, F_DIGEST, F_CICOST, F_CBPRIO, F_CBEXT, F_CBHW,
	F_HOPS, F_PVTYPE, F_PVLEN, F_PVLAN };

static const struct st_field_desc stp_fields[] = {
	FD("proto", "stp.protocol", "Protocol identifier", 0, 16, ST_FMT_HEX),
	FD("version", "stp.version", "Protocol version", 16, 8, ST_FMT_DEC),
	FDN("type", "stp.type", "BPDU type", 24, 8, ST_FMT_HEX, type_names),
	FD("flags", "stp.flags", "Flags", 32, 8, ST_FMT_HEX),
	FDD(NULL, "stp.flags.tcack", "Topology change acknowledgment", 32, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "stp.flags.agreement", "Agreement", 33, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.forwarding", "Forwarding", 34, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.learning", "Learning", 35, 1, ST_FMT_BOOL),
	FDDN(NULL, "stp.flags.port_role", "Port role", 36, 2, ST_FMT_DEC,
	    role_names),
	FDD(NULL, "stp.flags.proposal", "Proposal", 38, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.tc", "Topology change", 39, 1, ST_FMT_BOOL),
	FDX("rootprio", "stp.root.prio", "Root bridge priority", 40, 4,
	    ST_FMT_DEC, 12, 0, 0, 0, NULL),
	FD("rootext", "stp.root.ext", "Root bridge system ID extension", 44,
	    12, ST_FMT_DEC),
	FD("roothw", "stp.root.hw", "Root bridge system ID", 56, 48,
	    ST_FMT_MAC),
	FD("cost", "stp.root.cost", "Root path cost", 104, 32, ST_FMT_DEC),
	FDX("bridgeprio", "stp.bridge.prio", "Bridge priority", 136, 4,
	    ST_FMT_DEC, 12, 0, 0, 0, NULL),
	FD("bridgeext", "stp.bridge.ext", "Bridge system ID extension", 140,
	    12, ST_FMT_DEC),
	FD("bridgehw", "stp.bridge.hw", "Bridge system ID", 152, 48,
	    ST_FMT_MAC),
	FD("port", "stp.port", "Port identifier", 200, 16, ST_FMT_HEX),
	FD("age", "stp.msg_age", "Message age (s)", 216, 16, ST_FMT_TEXT),
	FD("maxage", "stp.max_age", "Max age (s)", 232, 16, ST_FMT_TEXT),
	FD("hello", "stp.hello", "Hello time (s)", 248, 16, ST_FMT_TEXT),
	FD("fwd", "stp.forward", "Forward delay (s)", 264, 16, ST_FMT_TEXT),
	FD(NULL, "stp.version_1_length", "Version 1 length", 280, 8,
	    ST_FMT_DEC),
	FD(NULL, "mstp.version_3_length", "Version 3 length", 288, 16,
	    ST_FMT_DEC),
	FD(NULL, "mstp.config_format_selector", "MST config ID format "
	    "selector", 304, 8, ST_FMT_DEC),
	FD(NULL, "mstp.config_name", "MST config name", 312, 256,
	    ST_FMT_TEXT),
	FD(NULL, "mstp.config_revision_level", "MST config revision", 568, 16,
	    ST_FMT_DEC),
	FD(NULL, "mstp.config_digest", "MST config digest", 584, 128,
	    ST_FMT_BYTES),
	FD(NULL, "mstp.cist_internal_root_path_cost", "CIST internal root "
	    "path cost", 712, 32, ST_FMT_DEC),
	FDX(NULL, "mstp.cist_bridge.prio", "CIST bridge priority", 744, 4,
	    ST_FMT_DEC, 12, 0, 0, 0, NULL),
	FD(NULL, "mstp.cist_bridge.ext", "CIST bridge system ID extension",
	    748, 12, ST_FMT_DEC),
	FD(NULL, "mstp.cist_bridge.hw", "CIST bridge system ID", 760, 48,
	    ST_FMT_MAC),
	FD(NULL, "mstp.cist_remaining_hops", "CIST remaining hops", 808, 8,
	    ST_FMT_DEC),
	/* PVST+: from the BPDU's end. */
	FD(NULL, "stp.pvst.tlvtype", "PVST+ TLV type", 0, 16, ST_FMT_HEX),
	FD(NULL, "stp.pvst.tlvlen", "PVST+ TLV length", 16, 16, ST_FMT_DEC),
	FD(NULL, "stp.pvst.origvlan", "Originating VLAN", 32, 16, ST_FMT_DEC),
};

/* The four times, counted in 1/256 s: shown in seconds, as Wireshark does. */
static void
stp_times(struct st_dctx *d, struct st_cur *c)
{
	char text[16];
	unsigned i, v;

	for (i = 0; i < 4; i++) {
		v = (unsigned)st_peek_bits(c, 216 + i * 16, 16);
		if (c->err != ST_OK)
			return;
		if (v % 256 == 0)
			snprintf(text, sizeof(text), "%u", v / 256);
		else
			snprintf(text, sizeof(text), "%.6g", v / 256.0);
		st_dtext(d, c, &stp_fields[F_AGE + i], 27 + i * 2, 2, text);
	}
}

/* One MSTI configuration message, from its start. */
static const struct st_field_desc msti_fields[] = {
	FD(NULL, "mstp.msti.flags", "MSTI flags", 0, 8, ST_FMT_HEX),
	FDD(NULL, "stp.flags.tcack", "Master", 0, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.agreement", "Agreement", 1, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.forwarding", "Forwarding", 2, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.learning", "Learning", 3, 1, ST_FMT_BOOL),
	FDDN(NULL, "stp.flags.port_role", "Port role", 4, 2, ST_FMT_DEC,
	    role_names),
	FDD(NULL, "stp.flags.proposal", "Proposal", 6, 1, ST_FMT_BOOL),
	FDD(NULL, "stp.flags.tc", "Topology change", 7, 1, ST_FMT_BOOL),
	FD(NULL, "mstp.msti.priority", "Regional root priority (/4096)", 8, 4,
	    ST_FMT_HEX),
	FD(NULL, "mstp.msti.msti_id", "MSTI", 12, 12, ST_FMT_DEC),
	FD(NULL, "mstp.msti.root.hw", "Regional root", 24, 48, ST_FMT_MAC),
	FD(NULL, "mstp.msti.root_cost", "Internal root path cost", 72, 32,
	    ST_FMT_DEC),
	FD(NULL, "mstp.msti.bridge_priority", "Bridge priority (/4096)", 104,
	    4, ST_FMT_DEC),
	FD(NULL, "mstp.msti.port_priority", "Port priority (/16)", 112, 4,
	    ST_FMT_DEC),
	FD(NULL, "mstp.msti.remaining_hops", "Remaining hops", 120, 8,
	    ST_FMT_DEC),
};

#define STP_MAXMSTI	64	/* 802.1Q: at most 64 MSTIs */

/* The MSTI records after the CIST fields, n bytes of them. */
static void
stp_msti(struct st_dctx *d, struct st_cur *c, size_t n)
{
	struct st_cur m;
	size_t i;

	for (i = 0; i < STP_MAXMSTI && (i + 1) * 16 <= n; i++) {
		m = *c;
		m.off += 102 + i * 16;
		if (st_dfields(d, &m, msti_fields, NFIELDS(msti_fields)) !=
		    ST_OK) {
			c->err = m.err;
			return;
		}
	}
}

/* The MST configuration name: up to 32 bytes, NUL-padded. */
static void
stp_name(struct st_dctx *d, struct st_cur *c)
{
	char text[32 * 4 + 1];
	const uint8_t *p;
	size_t n;

	if (!st_cur_need(c, 71))
		return;
	p = c->base + c->off + 39;
	for (n = 0; n < 32 && p[n] != 0; n++)
		;
	st_escape(p, n, text, sizeof(text));
	st_dtext(d, c, &stp_fields[F_NAME], 39, 32, text);
}

/* Version 3: the MST parts after the version 1 length. */
static int
stp_mst(struct st_dctx *d, struct st_cur *c, size_t *hdr)
{
	size_t v3;

	if (st_dfield(d, c, &stp_fields[F_V3LEN]) == NULL)
		return c->err;
	v3 = (size_t)st_peek_bits(c, 288, 16);
	if (v3 < 64)
		return st_dmalformed(d, "version 3 length %zu below 64", v3);
	st_dfield(d, c, &stp_fields[F_SEL]);
	stp_name(d, c);
	st_dfield(d, c, &stp_fields[F_REV]);
	st_dbytes(d, c, &stp_fields[F_DIGEST], 73, 16);
	st_dfields(d, c, stp_fields + F_CICOST, 5);
	if (c->err != ST_OK)
		return c->err;
	stp_msti(d, c, v3 - 64);
	*hdr = 38 + v3;
	if (c->err != ST_OK)
		return c->err;
	if (v3 > 64 + STP_MAXMSTI * 16 || (v3 - 64) % 16 != 0)
		return st_dmalformed(d, "version 3 length %zu is not 64 and "
		    "whole MSTI records", v3);
	return ST_OK;
}

/* A PVST+ TLV after the BPDU: type 0, length 2, the VLAN. */
static void
stp_pvst(struct st_dctx *d, struct st_cur *c, size_t *hdr)
{
	struct st_cur t = *c;

	t.off += *hdr;
	if (st_cur_left(&t) < 6 || st_peek_bits(&t, 0, 16) != 0 ||
	    st_peek_bits(&t, 16, 16) != 2)
		return;
	st_dfields(d, &t, stp_fields + F_PVTYPE, 3);
	*hdr += 6;
}

static int
stp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned vers, type;
	size_t hdr;
	int r;

	if (st_dfields(d, c, stp_fields, F_FLAGS) != ST_OK)
		return c->err;
	vers = (unsigned)st_peek_bits(c, 16, 8);
	type = (unsigned)st_peek_bits(c, 24, 8);
	d->plen = 0;
	if (type == 0x80) {
		d->hdr = 4;
		return ST_OK;
	}
	st_dfield(d, c, &stp_fields[F_FLAGS]);
	if (vers >= 2)
		st_dfields(d, c, stp_fields + F_TCACK, F_TC - F_TCACK + 1);
	else {
		st_dfield(d, c, &stp_fields[F_TCACK]);
		st_dfield(d, c, &stp_fields[F_TC]);
	}
	st_dfields(d, c, stp_fields + F_RPRIO, F_PORT - F_RPRIO + 1);
	stp_times(d, c);
	if (c->err != ST_OK)
		return c->err;
	hdr = 35;
	if (vers >= 2 && type == 0x02) {
		if (st_dfield(d, c, &stp_fields[F_V1LEN]) == NULL)
			return c->err;
		hdr = 36;
		if (vers >= 3 && st_cur_left(c) > 36 &&
		    (r = stp_mst(d, c, &hdr)) != ST_OK)
			return r;
	}
	stp_pvst(d, c, &hdr);
	d->hdr = hdr;
	return ST_OK;
}

static const struct st_bind stp_binds[] = {
	{ ST_KEY_LLCSAP, 0x42 },
	{ ST_KEY_SNAP, 0x00000c010b },		/* Cisco PVST+ */
};

enum { S_NROWS = F_PORT + 1 };

/* The flags tcpdump names, as it names them. */
static void
stp_flags(struct st_out *o, uint64_t fl, unsigned vers)
{
	static const struct { uint8_t bit; const char *name; } tab[] = {
		{ 0x01, "Topology change" }, { 0x02, "Proposal" },
		{ 0x10, "Learn" }, { 0x20, "Forward" }, { 0x40, "Agreement" },
		{ 0x80, "Topology change ACK" },
	};
	const char *sep = "";
	size_t i;

	st_out_puts(o, "Flags [");
	for (i = 0; i < sizeof(tab) / sizeof(tab[0]); i++)
		if ((fl & tab[i].bit) != 0 && (vers >= 2 ||
		    (tab[i].bit & 0x81) != 0)) {
			st_out_printf(o, "%s%s", sep, tab[i].name);
			sep = ", ";
		}
	st_out_puts(o, *sep == '\0' ? "none]" : "]");
}

/* "STP 802.1w, Rapid STP, Flags [Learn, Forward], bridge-id 8000.MAC.port,
 * length 36", as tcpdump says it. */
static int
stp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[S_NROWS];
	unsigned vers, type;

	st_ly_fields(s->pkt, ly, stp_fields, S_NROWS, f);
	vers = f[F_VERS] != NULL ? (unsigned)f[F_VERS]->val : 0;
	type = f[F_TYPE] != NULL ? (unsigned)f[F_TYPE]->val : 0;
	st_out_puts(s->o, vers == 0 ? "STP 802.1d" : vers == 2 ? "STP 802.1w" :
	    vers == 3 ? "STP 802.1s" : "STP unknown version");
	if (type == 0x80) {
		st_out_puts(s->o, ", Topology Change");
		return 1;
	}
	st_out_puts(s->o, type == 0 ? ", Config, " : type == 2 ?
	    ", Rapid STP, " : ", unknown type, ");
	if (f[F_FLAGS] == NULL || f[F_BHW] == NULL || f[F_PORT] == NULL)
		return 1;
	stp_flags(s->o, f[F_FLAGS]->val, vers);
	st_out_printf(s->o, ", bridge-id %04x.",
	    (unsigned)((f[F_BPRIO] != NULL ? f[F_BPRIO]->val : 0) |
	    (f[F_BEXT] != NULL ? f[F_BEXT]->val : 0)));
	s->value(s, f[F_BHW]);
	st_out_printf(s->o, ".%04x, length %u", (unsigned)f[F_PORT]->val,
	    (unsigned)ly->len);
	return 1;
}

static const struct st_field_desc *const stp_keys[] = {
	&stp_fields[F_TYPE], &stp_fields[F_FLAGS], &stp_fields[F_BHW],
	&stp_fields[F_PORT], NULL,
};

const struct st_proto st_proto_stp = {
	.name = "stp",
	.ws = "stp",
	.title = "Spanning Tree Protocol",
	.rfc = "IEEE 802.1D",
	.role = ST_ROLE_CONTROL,
	.fields = stp_fields,
	.nfields = NFIELDS(stp_fields),
	.more = msti_fields,
	.nmore = NFIELDS(msti_fields),
	.decode = stp_decode,
	.binds = stp_binds,
	.nbinds = NFIELDS(stp_binds),
	.summary = stp_summary,
	.keys = stp_keys,
	.color = "\033[35m",
	.explain_bits = 280,
	.explain = "Times are in 1/256 s on the wire, shown in seconds. A "
	    "bridge identifier is a 4-bit priority (in steps of 4096), a "
	    "12-bit system ID extension (the VLAN or MSTI) and a MAC address. "
	    "RSTP (version 2) adds a version 1 length; MSTP (version 3) the MST "
	    "configuration, the CIST fields and 16-byte MSTI records. PVST+ "
	    "follows with a TLV naming the VLAN.",
};
