/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LLDP, the Link Layer Discovery Protocol (IEEE 802.1AB), EtherType 0x88cc.
 *
 * A run of TLVs, each a 16-bit header and its value:
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-----------------
 * |  Type (7)   |    Length (9)     |  Value (Length bytes)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-----------------
 * Chassis ID (1), port ID (2) and time to live (3) come first; End (0)
 * closes the LLDPDU.  Type 127 is organisational: an OUI (24), a subtype
 * (8), then the organisation's bytes (IEEE 802.1 and 802.3 decoded here,
 * the rest shown as bytes).
 */
#include "strata/out.h"
#include "fields.h"

static const struct st_valname tlv_names[] = {
	{ 0, "End of LLDPDU" }, { 1, "Chassis Id" }, { 2, "Port Id" },
	{ 3, "Time to Live" }, { 4, "Port Description" },
	{ 5, "System Name" }, { 6, "System Description" },
	{ 7, "System Capabilities" }, { 8, "Management Address" },
	{ 127, "Organization Specific" }, { 0, NULL }
};

static const struct st_valname chassis_names[] = {
	{ 1, "Chassis component" }, { 2, "Interface alias" },
	{ 3, "Port component" }, { 4, "MAC address" },
	{ 5, "Network address" }, { 6, "Interface name" },
	{ 7, "Locally assigned" }, { 0, NULL }
};

static const struct st_valname port_names[] = {
	{ 1, "Interface alias" }, { 2, "Port component" },
	{ 3, "MAC address" }, { 4, "Network address" },
	{ 5, "Interface name" }, { 6, "Agent circuit ID" },
	{ 7, "Locally assigned" }, { 0, NULL }
};

static const struct st_valname oui_names[] = {
	{ 0x0080c2, "IEEE 802.1" }, { 0x00120f, "IEEE 802.3" },
	{ 0x0012bb, "TIA TR-41 (LLDP-MED)" }, { 0x00000c, "Cisco" },
	{ 0, NULL }
};

enum { F_TYPE, F_LEN, F_CSUB, F_CMAC, F_CNET, F_CIP4, F_CIP6, F_CID,
	F_PSUB, F_PMAC, F_PNET, F_PIP4, F_PIP6, F_PID, F_TTL, F_PDESC,
	F_SNAME, F_SDESC, F_CAP, F_ECAP, F_CAPBITS, F_MLEN = F_CAPBITS + 16,
	F_MSUB, F_MIP4, F_MIP6, F_MHEX, F_MISUB, F_MINUM, F_MOLEN, F_OUI,
	F_UNSUB, F_UNDATA };

/* The low 8 capability bits of a 16-bit field at bit a, lowest first. */
#define LLDP_CAPS(n, a) \
	FDD(NULL, n ".other", "Other", a + 15, 1, ST_FMT_BOOL), \
	FDD(NULL, n ".repeater", "Repeater", a + 14, 1, ST_FMT_BOOL), \
	FDD(NULL, n ".bridge", "Bridge", a + 13, 1, ST_FMT_BOOL), \
	FDD(NULL, n ".wlan_access_pt", "WLAN access point", a + 12, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, n ".router", "Router", a + 11, 1, ST_FMT_BOOL), \
	FDD(NULL, n ".telephone", "Telephone", a + 10, 1, ST_FMT_BOOL), \
	FDD(NULL, n ".docsis_cable_device", "DOCSIS cable device", a + 9, 1, \
	    ST_FMT_BOOL), \
	FDD(NULL, n ".station_only", "Station only", a + 8, 1, ST_FMT_BOOL)

/* Offsets are from each TLV's start. */
static const struct st_field_desc lldp_fields[] = {
	FDN("type", "lldp.tlv.type", "TLV type", 0, 7, ST_FMT_DEC,
	    tlv_names),
	FD("len", "lldp.tlv.len", "TLV length", 7, 9, ST_FMT_DEC),
	FDN(NULL, "lldp.chassis.subtype", "Chassis ID subtype", 16, 8,
	    ST_FMT_DEC, chassis_names),
	FD(NULL, "lldp.chassis.id.mac", "Chassis ID", 24, 48, ST_FMT_MAC),
	FD(NULL, "lldp.network_address.subtype", "Address family", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "lldp.chassis.id.ip4", "Chassis ID", 32, 32, ST_FMT_IPV4),
	FD(NULL, "lldp.chassis.id.ip6", "Chassis ID", 32, 128, ST_FMT_IPV6),
	FD(NULL, "lldp.chassis.id", "Chassis ID", 24, 0, ST_FMT_BYTES),
	FDN(NULL, "lldp.port.subtype", "Port ID subtype", 16, 8, ST_FMT_DEC,
	    port_names),
	FD(NULL, "lldp.port.id.mac", "Port ID", 24, 48, ST_FMT_MAC),
	FD(NULL, "lldp.network_address.subtype", "Address family", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "lldp.port.id.ip4", "Port ID", 32, 32, ST_FMT_IPV4),
	FD(NULL, "lldp.port.id.ip6", "Port ID", 32, 128, ST_FMT_IPV6),
	FD(NULL, "lldp.port.id", "Port ID", 24, 0, ST_FMT_TEXT),
	FD(NULL, "lldp.time_to_live", "Time to live (s)", 16, 16, ST_FMT_DEC),
	FD(NULL, "lldp.port.desc", "Port description", 16, 0, ST_FMT_TEXT),
	FD(NULL, "lldp.tlv.system.name", "System name", 16, 0, ST_FMT_TEXT),
	FD(NULL, "lldp.tlv.system.desc", "System description", 16, 0,
	    ST_FMT_TEXT),
	FD(NULL, "lldp.tlv.system_cap", "Capabilities", 16, 16, ST_FMT_HEX),
	FD(NULL, "lldp.tlv.enable_system_cap", "Enabled capabilities", 32,
	    16, ST_FMT_HEX),
	LLDP_CAPS("lldp.tlv.system_cap", 16),
	LLDP_CAPS("lldp.tlv.enable_system_cap", 32),
	FD(NULL, "lldp.mgn.address.len", "Address string length", 16, 8,
	    ST_FMT_DEC),
	FD(NULL, "lldp.mgn.address.subtype", "Address subtype", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "lldp.mgn.addr.ip4", "Management address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "lldp.mgn.addr.ip6", "Management address", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "lldp.mgn.addr.hex", "Management address", 32, 0,
	    ST_FMT_BYTES),
	FD(NULL, "lldp.mgn.interface.subtype", "Interface subtype", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "lldp.mgn.interface.number", "Interface number", 8, 32,
	    ST_FMT_DEC),
	FD(NULL, "lldp.mgn.obj.len", "OID string length", 40, 8, ST_FMT_DEC),
	FDN(NULL, "lldp.orgtlv.oui", "Organization unique code", 16, 24,
	    ST_FMT_DEC, oui_names),
	FD(NULL, "lldp.unknown_subtype", "Subtype", 40, 8, ST_FMT_HEX),
	FD(NULL, "lldp.unknown_subtype.content", "Subtype content", 48, 0,
	    ST_FMT_BYTES),
};

/* Organisational TLVs of IEEE 802.1 and 802.3, from the TLV's start. */
enum { O1_SUB, O1_PVID, O1_PPFLAG, O1_PPSUP, O1_PPEN, O1_PPVID, O1_VID,
	O1_VNLEN, O1_VNAME, O1_PILEN, O1_PID, O1_AGG, O1_AGGCAP, O1_AGGEN,
	O1_AGGID, O3_SUB, O3_ANEG, O3_ANSUP, O3_ANEN, O3_CAPS, O3_MAU,
	O3_AGG, O3_AGGCAP, O3_AGGEN, O3_AGGID, O3_MFS,
	/* DCBX (IEEE 802.1Qaz) and congestion notification (802.1Qau) */
	O1_PFCW, O1_PFCMBC, O1_PFCTCS, O1_PFC0, O1_CNPV0 = O1_PFC0 + 8,
	O1_RDY0 = O1_CNPV0 + 8, O1_APPRES = O1_RDY0 + 8 };

static const struct st_field_desc org_fields[] = {
	FD(NULL, "lldp.ieee.802_1.subtype", "IEEE 802.1 subtype", 40, 8,
	    ST_FMT_HEX),
	FD(NULL, "lldp.ieee.802_1.port_vlan.id", "Port VLAN ID", 48, 16,
	    ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_1.port_and_vlan_id_flag", "Flags", 48, 8,
	    ST_FMT_HEX),
	FDD(NULL, "lldp.ieee.802_1.port_and_vlan_id_flag.supported",
	    "Supported", 54, 1, ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1.port_and_vlan_id_flag.enabled", "Enabled",
	    53, 1, ST_FMT_BOOL),
	FD(NULL, "lldp.ieee.802_1.port_proto_vlan.id", "Port and protocol "
	    "VLAN ID", 56, 16, ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_1.vlan.id", "VLAN ID", 48, 16, ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_1.vlan.name_len", "VLAN name length", 64, 8,
	    ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_1.vlan.name", "VLAN name", 72, 0,
	    ST_FMT_TEXT),
	FD(NULL, "lldp.ieee.802_1.proto.id_length", "Protocol identity "
	    "length", 48, 8, ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_1.proto.id", "Protocol identity", 56, 0,
	    ST_FMT_BYTES),
	FD(NULL, "lldp.ieee.802_1.aggregation_status", "Aggregation status",
	    48, 8, ST_FMT_HEX),
	FDD(NULL, "lldp.ieee.802_1.aggregation_status.cap", "Capable", 55, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1.aggregation_status.enabled", "Enabled", 54,
	    1, ST_FMT_BOOL),
	FD(NULL, "lldp.ieee.802_1.aggregated_port_id", "Aggregated port ID",
	    56, 32, ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_3.subtype", "IEEE 802.3 subtype", 40, 8,
	    ST_FMT_HEX),
	FD(NULL, "lldp.ieee.802_3.mac_phy_auto_neg_status", "Auto-negotiation "
	    "status", 48, 8, ST_FMT_HEX),
	FDD(NULL, "lldp.ieee.802_3.mac_phy_auto_neg_status.supported",
	    "Supported", 55, 1, ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_3.mac_phy_auto_neg_status.enabled",
	    "Enabled", 54, 1, ST_FMT_BOOL),
	FD(NULL, "lldp.ieee.802_3.pmd_auto_neg_advertised_caps", "Advertised "
	    "capabilities", 56, 16, ST_FMT_HEX),
	FD(NULL, "lldp.ieee.802_3.pmd_mau_type", "Operational MAU type", 72,
	    16, ST_FMT_HEX),
	FD(NULL, "lldp.ieee.802_3.aggregation_status", "Aggregation status",
	    48, 8, ST_FMT_HEX),
	FDD(NULL, "lldp.ieee.802_3.aggregation_status.cap", "Capable", 55, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_3.aggregation_status.enabled", "Enabled", 54,
	    1, ST_FMT_BOOL),
	FD(NULL, "lldp.ieee.802_3.aggregated_port_id", "Aggregated port ID",
	    56, 32, ST_FMT_DEC),
	FD(NULL, "lldp.ieee.802_3.max_frame_size", "Maximum frame size", 48,
	    16, ST_FMT_DEC),
	FDD(NULL, "lldp.dcbx.ieee.willing", "Willing", 48, 1, ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.ieee.pfc.mbc", "MACsec bypass capability", 49, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.ieee.pfc.numtcs", "Max PFC enabled traffic "
	    "classes", 52, 4, ST_FMT_DEC),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio0", "Priority 0", 63, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio1", "Priority 1", 62, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio2", "Priority 2", 61, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio3", "Priority 3", 60, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio4", "Priority 4", 59, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio5", "Priority 5", 58, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio6", "Priority 6", 57, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.dcbx.feature.pfc.prio7", "Priority 7", 56, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio0", "Priority 0", 55, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio1", "Priority 1", 54, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio2", "Priority 2", 53, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio3", "Priority 3", 52, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio4", "Priority 4", 51, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio5", "Priority 5", 50, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio6", "Priority 6", 49, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.cnpv.prio7", "Priority 7", 48, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio0", "Priority 0", 63, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio1", "Priority 1", 62, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio2", "Priority 2", 61, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio3", "Priority 3", 60, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio4", "Priority 4", 59, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio5", "Priority 5", 58, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio6", "Priority 6", 57, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lldp.ieee.802_1qau.ready.prio7", "Priority 7", 56, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lldp.dcbx.ieee.app.reserved", "Reserved", 48, 8,
	    ST_FMT_HEX),
};

#define LLDP_MAXTLV	256	/* TLVs in one LLDPDU: a 1500-byte frame
				   holds at most 750 headers, real ones ~20 */

/* Adds n bytes at off of TLV t as escaped text. */
static void
lldp_text(struct st_dctx *d, struct st_cur *t, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[512 * 4 + 1];

	if (!st_cur_need(t, off + n))
		return;
	st_escape(t->base + t->off + off, n, text, sizeof(text));
	st_dtext(d, t, fd, off, n, text);
}

/* An ID (chassis: which 0, port: 1) of n value bytes. */
static void
lldp_id(struct st_dctx *d, struct st_cur *t, int port, size_t n)
{
	unsigned base = port ? F_PSUB : F_CSUB, sub, fam;

	if (n < 2) {
		st_dmalformed(d, "%s ID of %zu bytes", port ? "port" :
		    "chassis", n);
		return;
	}
	st_dfield(d, t, &lldp_fields[base]);
	sub = (unsigned)st_peek_bits(t, 16, 8);
	if (sub == (port ? 3u : 4u) && n == 7) {
		st_dfield(d, t, &lldp_fields[base + 1]);
		return;
	}
	if (sub == (port ? 4u : 5u) && n >= 3) {
		st_dfield(d, t, &lldp_fields[base + 2]);
		fam = (unsigned)st_peek_bits(t, 24, 8);
		if (fam == 1 && n == 6)
			st_dfield(d, t, &lldp_fields[base + 3]);
		else if (fam == 2 && n == 18)
			st_dbytes(d, t, &lldp_fields[base + 4], 4, 16);
		return;
	}
	if (port)
		lldp_text(d, t, &lldp_fields[F_PID], 3, n - 1);
	else
		st_dbytes(d, t, &lldp_fields[F_CID], 3, n - 1);
}

/* The management address TLV, n value bytes. */
static void
lldp_mgmt(struct st_dctx *d, struct st_cur *t, size_t n)
{
	struct st_cur r;
	size_t alen;

	if (st_dfield(d, t, &lldp_fields[F_MLEN]) == NULL)
		return;
	alen = (size_t)st_peek_bits(t, 16, 8);
	if (alen < 1 || alen + 6 > n) {
		st_dmalformed(d, "management address of %zu bytes", alen);
		return;
	}
	st_dfield(d, t, &lldp_fields[F_MSUB]);
	if (st_peek_bits(t, 24, 8) == 1 && alen == 5)
		st_dfield(d, t, &lldp_fields[F_MIP4]);
	else if (st_peek_bits(t, 24, 8) == 2 && alen == 17)
		st_dbytes(d, t, &lldp_fields[F_MIP6], 4, 16);
	else if (alen > 1)
		st_dbytes(d, t, &lldp_fields[F_MHEX], 4, alen - 1);
	r = *t;
	r.off += 3 + alen;
	st_dfields(d, &r, lldp_fields + F_MISUB, 3);
	t->err = r.err;
}

/* An IEEE 802.1 organisational TLV of n value bytes. */
static void
lldp_8021(struct st_dctx *d, struct st_cur *t, unsigned sub, size_t n)
{
	size_t k;

	switch (sub) {
	case 1:
		if (n >= 6)
			st_dfield(d, t, &org_fields[O1_PVID]);
		return;
	case 2:
		if (n >= 7)
			st_dfields(d, t, org_fields + O1_PPFLAG, 4);
		return;
	case 3:
		if (n < 7)
			return;
		st_dfields(d, t, org_fields + O1_VID, 2);
		k = (size_t)st_peek_bits(t, 64, 8);
		if (k + 7 <= n)
			lldp_text(d, t, &org_fields[O1_VNAME], 9, k);
		return;
	case 4:
		if (n < 5)
			return;
		st_dfield(d, t, &org_fields[O1_PILEN]);
		k = (size_t)st_peek_bits(t, 48, 8);
		if (k > 0 && k + 5 <= n)
			st_dbytes(d, t, &org_fields[O1_PID], 7, k);
		return;
	case 7:
		if (n >= 9)
			st_dfields(d, t, org_fields + O1_AGG, 4);
		return;
	case 8:
		/* congestion notification: CNPV and ready bits by priority */
		if (n >= 6)
			st_dfields(d, t, org_fields + O1_CNPV0, 16);
		return;
	case 11:
		/* PFC: willing, MBC, number of classes, enabled priorities */
		if (n >= 6) {
			st_dfields(d, t, org_fields + O1_PFCW, 3);
			st_dfields(d, t, org_fields + O1_PFC0, 8);
		}
		return;
	case 12:
		/* application priority: the entries are left out */
		if (n >= 5)
			st_dfield(d, t, &org_fields[O1_APPRES]);
		return;
	}
}

/* An IEEE 802.3 organisational TLV of n value bytes. */
static void
lldp_8023(struct st_dctx *d, struct st_cur *t, unsigned sub, size_t n)
{
	switch (sub) {
	case 1:
		if (n >= 9)
			st_dfields(d, t, org_fields + O3_ANEG, 5);
		return;
	case 3:
		if (n >= 9)
			st_dfields(d, t, org_fields + O3_AGG, 4);
		return;
	case 4:
		if (n >= 6)
			st_dfield(d, t, &org_fields[O3_MFS]);
		return;
	}
}

/* An organisational TLV: OUI, subtype, the organisation's bytes. */
static void
lldp_org(struct st_dctx *d, struct st_cur *t, size_t n)
{
	uint32_t oui;
	unsigned sub;

	if (n < 4) {
		st_dmalformed(d, "organisational TLV of %zu bytes", n);
		return;
	}
	st_dfield(d, t, &lldp_fields[F_OUI]);
	oui = (uint32_t)st_peek_bits(t, 16, 24);
	sub = (unsigned)st_peek_bits(t, 40, 8);
	if (oui == 0x0080c2) {
		st_dfield(d, t, &org_fields[O1_SUB]);
		lldp_8021(d, t, sub, n);
	} else if (oui == 0x00120f) {
		st_dfield(d, t, &org_fields[O3_SUB]);
		lldp_8023(d, t, sub, n);
	} else {
		st_dfield(d, t, &lldp_fields[F_UNSUB]);
		if (n > 4)
			st_dbytes(d, t, &lldp_fields[F_UNDATA], 6, n - 4);
	}
}

/* The value of one TLV of type type and n bytes at t. */
static void
lldp_tlv(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	switch (type) {
	case 1:
	case 2:
		lldp_id(d, t, type == 2, n);
		break;
	case 3:
		if (n >= 2)
			st_dfield(d, t, &lldp_fields[F_TTL]);
		break;
	case 4:
	case 5:
	case 6:
		lldp_text(d, t, &lldp_fields[F_PDESC + type - 4], 2, n);
		break;
	case 7:
		if (n >= 4)
			st_dfields(d, t, lldp_fields + F_CAP, 18);
		break;
	case 8:
		lldp_mgmt(d, t, n);
		break;
	case 127:
		lldp_org(d, t, n);
		break;
	}
}

static int
lldp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t pos = 0, left = st_cur_left(c), n;
	struct st_cur t;
	unsigned type, i;

	d->plen = 0;		/* what follows End is padding */
	for (i = 0; i < LLDP_MAXTLV; i++) {
		t = *c;
		t.off += pos;
		if (st_dfields(d, &t, lldp_fields, 2) != ST_OK) {
			d->hdr = pos;
			return t.err;
		}
		type = (unsigned)st_peek_bits(&t, 0, 7);
		n = (size_t)st_peek_bits(&t, 7, 9);
		/* Wireshark reads no further than a first TLV that is not
		 * the chassis ID. */
		if (i == 0 && type != 1) {
			d->hdr = 2;
			return st_dmalformed(d, "first TLV of type %u, not the "
			    "chassis ID", type);
		}
		lldp_tlv(d, &t, type, n);
		pos += 2 + n;
		if (t.err != ST_OK || pos > left) {
			d->hdr = pos > left ? left : pos;
			return ST_ETRUNC;
		}
		if (type == 0) {
			d->hdr = pos;
			return ST_OK;
		}
	}
	d->hdr = pos;
	return st_dmalformed(d, "more than %d TLVs", LLDP_MAXTLV);
}

static const struct st_bind lldp_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88cc },
};

/* "LLDP, length N: system name", as tcpdump says it. */
static int
lldp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_SNAME + 1];

	st_ly_fields(s->pkt, ly, lldp_fields, F_SNAME + 1, f);
	st_out_printf(s->o, "LLDP, length %u", (unsigned)ly->len);
	if (f[F_SNAME] != NULL && f[F_SNAME]->meaning != NULL) {
		st_out_puts(s->o, ": ");
		st_out_puts(s->o, f[F_SNAME]->meaning);
	}
	return 1;
}

static const struct st_field_desc *const lldp_keys[] = {
	&lldp_fields[F_TYPE], &lldp_fields[F_LEN], NULL,
};

const struct st_proto st_proto_lldp = {
	.name = "lldp",
	.ws = "lldp",
	.title = "Link Layer Discovery Protocol",
	.rfc = "IEEE 802.1AB",
	.role = ST_ROLE_CONTROL,
	.fields = lldp_fields,
	.nfields = NFIELDS(lldp_fields),
	.more = org_fields,
	.nmore = NFIELDS(org_fields),
	.decode = lldp_decode,
	.binds = lldp_binds,
	.nbinds = NFIELDS(lldp_binds),
	.summary = lldp_summary,
	.keys = lldp_keys,
	.color = "\033[35m",
	.explain_bits = 16,
	.explain = "A run of TLVs, each a 7-bit type and a 9-bit length: "
	    "chassis ID, port ID and time to live first, End (type 0) last. "
	    "Type 127 carries an OUI and a subtype; those of IEEE 802.1 and "
	    "802.3 are decoded, others shown as bytes.",
};
