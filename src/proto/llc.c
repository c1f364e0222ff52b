/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.2 LLC, what an 802.3 length frame carries, and SNAP (RFC 1042),
 * which puts an OUI and an EtherType after it.
 *
 *  0                   1                   2
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     DSAP      |     SSAP      |    Control    |  (16 bits for I and S
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   frames)
 * SNAP (DSAP = SSAP = 0xaa, control 0x03), then:
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   OUI (24)                    |       Protocol ID (16)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include "fields.h"

static const struct st_valname sap_names[] = {
	{ 0x00, "NULL LSAP" }, { 0x06, "IP" }, { 0x42, "Spanning Tree BPDU" },
	{ 0x98, "ARP" }, { 0xaa, "SNAP" }, { 0xe0, "NetWare" },
	{ 0xf0, "NetBIOS" }, { 0xf4, "LAN Management" },
	{ 0xfe, "ISO Network Layer" }, { 0xff, "Global LSAP" }, { 0, NULL }
};

static const struct st_valname oui_names[] = {
	{ 0x000000, "Encapsulated Ethernet" }, { 0x00000c, "Cisco" },
	{ 0x0080c2, "IEEE 802.1" }, { 0x00000d, "Cisco (old)" },
	{ 0, NULL }
};

static const struct st_valname ig_names[] = {
	{ 0, "individual" }, { 1, "group" }, { 0, NULL }
};
static const struct st_valname cr_names[] = {
	{ 0, "command" }, { 1, "response" }, { 0, NULL }
};

/* Rows 0-5 in the order of the bytes: each SAP, then its parts. */
enum { L_DSAP, L_SSAP = 3, L_CTL1 = 6, L_CTL2, L_OUI, L_TYPE, L_PID,
    L_FTYPE, L_UMOD };

static const struct st_field_desc llc_fields[] = {
	FDX("dsap", "llc.dsap", "DSAP", 0, 8, ST_FMT_HEX, 0, 0, 0, 0,
	    sap_names),
	FDD(NULL, "llc.dsap.sap", "DSAP address", 0, 7, ST_FMT_DEC),
	FDDN(NULL, "llc.dsap.ig", "DSAP individual/group", 7, 1, ST_FMT_BOOL,
	    ig_names),
	FDX("ssap", "llc.ssap", "SSAP", 8, 8, ST_FMT_HEX, 0, 0, 0, 0,
	    sap_names),
	FDD(NULL, "llc.ssap.sap", "SSAP address", 8, 7, ST_FMT_DEC),
	FDDN(NULL, "llc.ssap.cr", "SSAP command/response", 15, 1, ST_FMT_BOOL,
	    cr_names),
	FD("control", "llc.control", "Control field", 16, 8, ST_FMT_HEX),
	FD(NULL, "llc.control", "Control field (I or S frame, its first "
	    "byte low)", 16, 16, ST_FMT_HEX),
	FDX(NULL, "llc.oui", "Organization code", 24, 24, ST_FMT_HEX, 0, 0, 0,
	    0, oui_names),
	/* Wireshark's names for the protocol ID by OUI. */
	FDX(NULL, "llc.type", "Type", 48, 16, ST_FMT_HEX, 0, 0, 0, 0,
	    st_ethertype_names),
	FD(NULL, "llc.pid", "Protocol ID", 48, 16, ST_FMT_HEX),
	/* A U frame's control byte: the frame type (its low two bits), and
	 * the modifier in the others but the poll/final bit (mask 0xec). */
	FDD(NULL, "llc.control.ftype", "Frame type", 22, 2, ST_FMT_HEX),
	{ .name = "llc.control.u_modifier_cmd", .label = "Command",
	  .fmt = ST_FMT_HEX, .flags = ST_DF_GEN | ST_DF_DETAIL },
};

/*
 * The protocol ID's row by OUI, under the name Wireshark gives it where
 * the organisation's protocols have a dissector of their own; another
 * OUI's is llc.pid.  OUI 0 and Cisco's 0x0000f8 carry an EtherType.
 */
static const uint32_t pid_ouis[] = {
	0x00000c, 0x00005e, 0x000081, 0x0001e8, 0x001090, 0x0017f2, 0x001958,
	0x004096, 0x00805f, 0x00e02b, 0x00e052, 0x080007,
};

#define PID(n)	FD(NULL, n, "Protocol ID", 48, 16, ST_FMT_HEX)

/* The descriptor's .more: the protocol IDs of pid_ouis, in its order. */
static const struct st_field_desc llc_pids[NFIELDS(pid_ouis)] = {
	PID("llc.cisco_pid"), PID("llc.iana_pid"), PID("llc.nortel_pid"),
	PID("llc.force10_pid"), PID("llc.cimetrics_pid"),
	PID("llc.apple_awdl_pid"), PID("llc.bluetooth_pid"),
	PID("llc.wlccp_pid"), PID("llc.hpteam_pid"), PID("llc.extreme_pid"),
	PID("llc.foundry_pid"), PID("llc.apple_atalk_pid"),
};

static const struct st_field_desc *
pid_row(uint32_t oui)
{
	size_t i;

	if (oui == 0 || oui == 0x0000f8)
		return &llc_fields[L_TYPE];
	for (i = 0; i < NFIELDS(pid_ouis); i++)
		if (pid_ouis[i] == oui)
			return &llc_pids[i];
	return &llc_fields[L_PID];
}

static int
llc_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *f;
	uint8_t dsap, ssap, ctl;
	uint32_t oui;

	if (st_dfields(d, c, llc_fields, L_CTL1) != ST_OK)
		return c->err;
	dsap = (uint8_t)st_peek_bits(c, 0, 8);
	ssap = (uint8_t)st_peek_bits(c, 8, 8);
	ctl = (uint8_t)st_peek_bits(c, 16, 8);
	if (c->err != ST_OK)
		return c->err;
	/* U frames have a one-byte control field; I and S frames two. */
	if ((ctl & 3) == 3) {
		st_dfield(d, c, &llc_fields[L_CTL1]);
		st_dfield(d, c, &llc_fields[L_FTYPE]);
		if (!d->pkt->lite)
			st_dgen(d, &llc_fields[L_UMOD], (ctl & 0xecu) >> 2);
		d->hdr = 3;
	} else {
		/* Sent low byte first: bit 0 of the number is the first bit
		 * on the wire, as Wireshark reads it. */
		if ((f = st_dfield(d, c, &llc_fields[L_CTL2])) != NULL)
			f->val = (f->val & 0xff) << 8 | f->val >> 8;
		d->hdr = 4;
	}
	if (c->err != ST_OK)
		return c->err;
	if (dsap == 0xaa && ssap == 0xaa && ctl == 0x03) {
		oui = (uint32_t)st_peek_bits(c, 24, 24);
		st_dfield(d, c, &llc_fields[L_OUI]);
		st_dfield(d, c, pid_row(oui));
		if (c->err != ST_OK)
			return c->err;
		d->hdr = 8;
		/* OUI 0 (RFC 1042) and Cisco's 0xf8: the protocol ID is an
		 * EtherType. */
		if (oui == 0 || oui == 0x0000f8) {
			d->next_key = ST_KEY_ETHERTYPE;
			d->next_val = (uint32_t)st_peek_bits(c, 48, 16);
		} else {
			d->next_key = ST_KEY_SNAP;
			d->next_val = (uint64_t)oui << 16 |
			    st_peek_bits(c, 48, 16);
		}
		return ST_OK;
	}
	/* Not SNAP: what follows is named by the DSAP. */
	d->next_key = ST_KEY_LLCSAP;
	d->next_val = dsap;
	return ST_OK;
}

static const struct st_bind llc_binds[] = {
	{ ST_KEY_8023, 0 },
};

const struct st_proto st_proto_llc = {
	.name = "llc",
	.ws = "llc",
	.title = "Logical-Link Control",
	.rfc = "IEEE 802.2",
	.role = ST_ROLE_LINK,
	.fields = llc_fields,
	.nfields = NFIELDS(llc_fields),
	.more = llc_pids,
	.nmore = NFIELDS(llc_pids),
	.decode = llc_decode,
	.binds = llc_binds,
	.nbinds = NFIELDS(llc_binds),
	.explain = "The control field is one byte for U frames (its low two "
	    "bits 11), two for I and S frames. With DSAP and SSAP 0xaa and "
	    "control 0x03 a SNAP header follows: an OUI, then a protocol ID "
	    "that, when the OUI is 0, is an EtherType (RFC 1042).",
};
