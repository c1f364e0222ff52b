/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OSPF's field table, the LSA header with its Fletcher checksum (ISO 8473,
 * over all of the LSA but its age), and version 2's LSA bodies: router
 * (links), network, summary, AS-external and NSSA, and the grace LSA of
 * RFC 3623.  ospf.c reads the packets; one protocol in three files only
 * to keep each small.
 */
#include "strata/cksum.h"
#include "ospf.h"

static const struct st_valname msg_names[] = {
	{ 1, "Hello Packet" }, { 2, "DB Description" }, { 3, "LS Request" },
	{ 4, "LS Update" }, { 5, "LS Acknowledge" }, { 0, NULL }
};

static const struct st_valname autype_names[] = {
	{ 0, "Null" }, { 1, "Simple password" }, { 2, "Cryptographic" },
	{ 0, NULL }
};

static const struct st_valname lsa2_names[] = {
	{ 1, "Router-LSA" }, { 2, "Network-LSA" },
	{ 3, "Summary-LSA (IP network)" }, { 4, "Summary-LSA (ASBR)" },
	{ 5, "AS-External-LSA (ASBR)" }, { 6, "Group Membership LSA" },
	{ 7, "NSSA AS-External-LSA" }, { 8, "External Attributes LSA" },
	{ 9, "Opaque LSA, Link-local scope" },
	{ 10, "Opaque LSA, Area-local scope" },
	{ 11, "Opaque LSA, AS-local scope" }, { 0, NULL }
};

static const struct st_valname link_names[] = {
	{ 1, "Point-to-point connection to another router" },
	{ 2, "Connection to a transit network" },
	{ 3, "Connection to a stub network" }, { 4, "Virtual link" },
	{ 0, NULL }
};

#define B(n, l, off) FDD(NULL, n, l, off, 1, ST_FMT_BOOL)
#define G(n, l) FDG(n, l, ST_FMT_BOOL, NULL)

const struct st_field_desc st_ospf_fields[F_NOSPF] = {
	[H_VER] = FD("version", "ospf.version", "Version", 0, 8, ST_FMT_DEC),
	[H_MSG] = FDN("type", "ospf.msg", "Message type", 8, 8, ST_FMT_DEC,
	    msg_names),
	[H_LEN] = FD("len", "ospf.packet_length", "Packet length", 16, 16,
	    ST_FMT_DEC),
	[H_RID] = FD("router", "ospf.srcrouter", "Source OSPF router", 32, 32,
	    ST_FMT_IPV4),
	[H_AREA] = FD("area", "ospf.area_id", "Area ID", 64, 32,
	    ST_FMT_IPV4),
	[H_CK] = FD("chksum", "ospf.checksum", "Checksum", 96, 16,
	    ST_FMT_HEX),
	[H_AUTYPE] = FDN(NULL, "ospf.auth.type", "Auth type", 112, 16,
	    ST_FMT_DEC, autype_names),
	[H_INST] = FD(NULL, "ospf.instance_id", "Instance ID", 112, 8,
	    ST_FMT_DEC),
	[H_RSV8] = FD(NULL, "ospf.reserved", "Reserved", 120, 8,
	    ST_FMT_BYTES),
	[H_AUNONE] = FD(NULL, "ospf.auth.none", "Auth data (none)", 128, 64,
	    ST_FMT_BYTES),
	[H_AUSIMPLE] = FD(NULL, "ospf.auth.simple", "Auth password", 128, 0,
	    ST_FMT_TEXT),
	[H_AUUNK] = FD(NULL, "ospf.auth.unknown", "Auth data", 128, 64,
	    ST_FMT_BYTES),
	[H_KEYID] = FD(NULL, "ospf.auth.crypt.key_id", "Auth key ID", 144, 8,
	    ST_FMT_DEC),
	[H_ADLEN] = FD(NULL, "ospf.auth.crypt.data_length", "Auth data "
	    "length", 152, 8, ST_FMT_DEC),
	[H_ASEQ] = FD(NULL, "ospf.auth.crypt.seq_nbr", "Auth crypto sequence "
	    "number", 160, 32, ST_FMT_DEC),
	[H_ADATA] = FD(NULL, "ospf.auth.crypt.data", "Auth data", 0, 0,
	    ST_FMT_BYTES),
	[H_HELLO] = G("ospf.msg.hello", "Hello"),
	[H_DBD] = G("ospf.msg.dbdesc", "Database description"),
	[H_LSR] = G("ospf.msg.lsreq", "Link state request"),
	[H_LSU] = G("ospf.msg.lsupdate", "Link state update"),
	[H_LSACK] = G("ospf.msg.lsack", "Link state acknowledgement"),
	[H_CKSTAT] = FDGS("strata.ospf.checksum.status", "Checksum status"),

	[O2] = FD(NULL, "ospf.v2.options", "Options", 0, 8, ST_FMT_HEX),
	[O2_DN] = B("ospf.v2.options.dn", "DN", 0),
	[O2_O] = B("ospf.v2.options.o", "O (opaque LSAs)", 1),
	[O2_DC] = B("ospf.v2.options.dc", "DC (demand circuits)", 2),
	[O2_L] = B("ospf.v2.options.l", "L (LLS data block)", 3),
	[O2_N] = B("ospf.v2.options.n", "N (NSSA)", 4),
	[O2_MC] = B("ospf.v2.options.mc", "MC (multicast)", 5),
	[O2_E] = B("ospf.v2.options.e", "E (external routing)", 6),
	[O2_MT] = B("ospf.v2.options.mt", "MT (multi-topology)", 7),
	[O3] = FD(NULL, "ospf.v3.options", "Options", 0, 24, ST_FMT_HEX),
	[O3_AT] = B("ospf.v3.options.at", "AT (authentication trailer)", 13),
	[O3_L] = B("ospf.v3.options.l", "L (LLS data block)", 14),
	[O3_AF] = B("ospf.v3.options.af", "AF (address families)", 15),
	[O3_DC] = B("ospf.v3.options.dc", "DC (demand circuits)", 18),
	[O3_R] = B("ospf.v3.options.r", "R (router)", 19),
	[O3_N] = B("ospf.v3.options.n", "N (NSSA)", 20),
	[O3_MC] = B("ospf.v3.options.mc", "MC (multicast)", 21),
	[O3_E] = B("ospf.v3.options.e", "E (external routing)", 22),
	[O3_V6] = B("ospf.v3.options.v6", "V6 (IPv6 routing)", 23),

	[HE_MASK] = FD(NULL, "ospf.hello.network_mask", "Network mask", 0,
	    32, ST_FMT_IPV4),
	[HE_HINT2] = FD(NULL, "ospf.hello.hello_interval", "Hello interval "
	    "(s)", 32, 16, ST_FMT_DEC),
	[HE_PRIO2] = FD(NULL, "ospf.hello.router_priority", "Router priority",
	    56, 8, ST_FMT_DEC),
	[HE_DEAD2] = FD(NULL, "ospf.hello.router_dead_interval", "Router dead "
	    "interval (s)", 64, 32, ST_FMT_DEC),
	[HE_DR] = FD(NULL, "ospf.hello.designated_router", "Designated "
	    "router", 96, 32, ST_FMT_IPV4),
	[HE_BDR] = FD(NULL, "ospf.hello.backup_designated_router", "Backup "
	    "designated router", 128, 32, ST_FMT_IPV4),
	[HE_NBR] = FD(NULL, "ospf.hello.active_neighbor", "Active neighbor",
	    0, 32, ST_FMT_IPV4),
	[HE_IFID] = FD(NULL, "ospf.hello.interface_id", "Interface ID", 0,
	    32, ST_FMT_DEC),
	[HE_PRIO3] = FD(NULL, "ospf.hello.router_priority", "Router priority",
	    32, 8, ST_FMT_DEC),
	[HE_HINT3] = FD(NULL, "ospf.hello.hello_interval", "Hello interval "
	    "(s)", 64, 16, ST_FMT_DEC),
	[HE_DEAD3] = FD(NULL, "ospf.hello.router_dead_interval", "Router dead "
	    "interval (s)", 80, 16, ST_FMT_DEC),

	[DB_MTU] = FD(NULL, "ospf.db.interface_mtu", "Interface MTU", 0, 16,
	    ST_FMT_DEC),
	[DB_FLAGS] = FD(NULL, "ospf.dbd", "DB description flags", 0, 8,
	    ST_FMT_HEX),
	[DB_R] = B("ospf.dbd.r", "R (OOBResync)", 4),
	[DB_I] = B("ospf.dbd.i", "I (Init)", 5),
	[DB_M] = B("ospf.dbd.m", "M (More)", 6),
	[DB_MS] = B("ospf.dbd.ms", "MS (Master)", 7),
	[DB_SEQ] = FD(NULL, "ospf.db.dd_sequence", "DD sequence", 0, 32,
	    ST_FMT_DEC),

	[DB_RSV] = FD(NULL, "ospf.reserved", "Reserved", 0, 8, ST_FMT_BYTES),

	[RQ_TYPE2] = FDN(NULL, "ospf.lsa", "LS type", 24, 8, ST_FMT_DEC,
	    lsa2_names),
	[RQ_LSID] = FD(NULL, "ospf.link_state_id", "Link state ID", 32, 32,
	    ST_FMT_IPV4),
	[RQ_ADV] = FD(NULL, "ospf.advrouter", "Advertising router", 64, 32,
	    ST_FMT_IPV4),
	[RQ_RSV3] = FD(NULL, "ospf.reserved", "Reserved", 0, 16,
	    ST_FMT_BYTES),
	[RQ_TYPE3] = FD(NULL, "ospf.v3.lsa", "LS type", 16, 16, ST_FMT_HEX),
	[LU_NUM] = FD(NULL, "ospf.ls.number_of_lsas", "Number of LSAs", 0, 32,
	    ST_FMT_DEC),

	[L_AGE] = FD(NULL, "ospf.lsa.age", "LS age (s)", 1, 15, ST_FMT_DEC),
	[L_DNA2] = FD(NULL, "ospf.lsa.donotage", "Do not age", 0, 1,
	    ST_FMT_DEC),
	[L_DNA3] = FD(NULL, "ospf.v3.lsa.do_not_age", "Do not age", 0, 1,
	    ST_FMT_BOOL),
	[L_TYPE2] = FDN(NULL, "ospf.lsa", "LS type", 24, 8, ST_FMT_DEC,
	    lsa2_names),
	[L_ID] = FD(NULL, "ospf.lsa.id", "Link state ID", 32, 32,
	    ST_FMT_IPV4),
	[L_OTYPE] = FD(NULL, "ospf.lsid_opaque_type", "Opaque type", 32, 8,
	    ST_FMT_DEC),
	[L_OID] = FD(NULL, "ospf.lsid.opaque_id", "Opaque ID", 40, 24,
	    ST_FMT_DEC),
	[L_ADV] = FD(NULL, "ospf.advrouter", "Advertising router", 64, 32,
	    ST_FMT_IPV4),
	[L_SEQ] = FD(NULL, "ospf.lsa.seqnum", "Sequence number", 96, 32,
	    ST_FMT_HEX),
	[L_CK] = FD(NULL, "ospf.lsa.chksum", "LS checksum", 128, 16,
	    ST_FMT_HEX),
	[L_LEN] = FD(NULL, "ospf.lsa.length", "Length", 144, 16, ST_FMT_DEC),
	[L_TYPE3] = FD(NULL, "ospf.v3.lsa", "LS type", 16, 16, ST_FMT_HEX),
	[L_U] = B("ospf.v3.lsa.u", "U (handling unknown)", 16),
	[L_S12] = FDD(NULL, "ospf.v3.lsa.s12", "Flooding scope", 17, 2,
	    ST_FMT_HEX),
	[L_FC] = FDD(NULL, "ospf.v3.lsa.fc", "Function code", 19, 13,
	    ST_FMT_DEC),
	[L_LSID3] = FD(NULL, "ospf.link_state_id", "Link state ID", 32, 32,
	    ST_FMT_IPV4),
	[L_CKSTAT] = FDGS("strata.ospf.lsa.checksum.status", "LS checksum "
	    "status"),
	[L_ROUTER] = G("ospf.lsa.router", "Router-LSA"),
	[L_NETWORK] = G("ospf.lsa.network", "Network-LSA"),
	[L_SUMMARY] = G("ospf.lsa.summary", "Summary-LSA (network)"),
	[L_ASBR] = G("ospf.lsa.asbr", "Summary-LSA (ASBR)"),
	[L_ASEXT] = G("ospf.lsa.asext", "AS-external-LSA"),
	[L_MEMBER] = G("ospf.lsa.member", "Group membership LSA"),
	[L_NSSA] = G("ospf.lsa.nssa", "NSSA AS-external-LSA"),
	[L_ATTR] = G("ospf.lsa.attr", "External attributes LSA"),
	[L_OPAQUE] = G("ospf.lsa.opaque", "Opaque LSA"),
	[L3_ROUTER] = G("ospf.v3.lsa.router", "Router-LSA"),
	[L3_NETWORK] = G("ospf.v3.lsa.network", "Network-LSA"),
	[L3_IPFX] = G("ospf.v3.lsa.interprefix", "Inter-area-prefix-LSA"),
	[L3_IRTR] = G("ospf.v3.lsa.interrouter", "Inter-area-router-LSA"),
	[L3_ASEXT] = G("ospf.v3.lsa.asext", "AS-external-LSA"),
	[L3_MEMBER] = G("ospf.v3.lsa.member", "Group membership LSA"),
	[L3_NSSA] = G("ospf.v3.lsa.nssa", "NSSA-LSA"),
	[L3_LINK] = G("ospf.v3.lsa.link", "Link-LSA"),
	[L3_INTRA] = G("ospf.v3.lsa.intraprefix", "Intra-area-prefix-LSA"),

	[R2_FLAGS] = FD(NULL, "ospf.v2.router.lsa.flags", "Flags", 160, 8,
	    ST_FMT_HEX),
	[R2_H] = B("ospf.v2.router.lsa.flags.h", "H (host)", 160),
	[R2_N] = B("ospf.v2.router.lsa.flags.n", "N (NSSA translator)", 163),
	[R2_W] = B("ospf.v2.router.lsa.flags.w", "W (wildcard multicast)",
	    164),
	[R2_V] = B("ospf.v2.router.lsa.flags.v", "V (virtual link endpoint)",
	    165),
	[R2_E] = B("ospf.v2.router.lsa.flags.e", "E (AS boundary router)",
	    166),
	[R2_B] = B("ospf.v2.router.lsa.flags.b", "B (area border router)",
	    167),
	[R2_NLINKS] = FD(NULL, "ospf.lsa.number_of_links", "Number of links",
	    176, 16, ST_FMT_DEC),
	[K_ID] = FD(NULL, "ospf.lsa.router.linkid", "Link ID", 0, 32,
	    ST_FMT_IPV4),
	[K_DATA] = FD(NULL, "ospf.lsa.router.linkdata", "Link data", 32, 32,
	    ST_FMT_IPV4),
	[K_TYPE] = FDN(NULL, "ospf.lsa.router.linktype", "Link type", 64, 8,
	    ST_FMT_DEC, link_names),
	[K_NMET] = FD(NULL, "ospf.lsa.router.nummetrics", "Number of TOS "
	    "metrics", 72, 8, ST_FMT_DEC),
	[K_MET0] = FD(NULL, "ospf.lsa.router.metric0", "TOS 0 metric", 80, 16,
	    ST_FMT_DEC),
	[N_MASK] = FD(NULL, "ospf.lsa.network.netmask", "Netmask", 160, 32,
	    ST_FMT_IPV4),
	[N_ATT] = FD(NULL, "ospf.lsa.network.attchrtr", "Attached router", 0,
	    32, ST_FMT_IPV4),
	[S_MASK] = FD(NULL, "ospf.lsa.asbr.netmask", "Netmask", 160, 32,
	    ST_FMT_IPV4),
	[S_TOS] = FD(NULL, "ospf.lsa.tos", "TOS", 192, 8, ST_FMT_DEC),
	[S_MET] = FD(NULL, "ospf.metric", "Metric", 200, 24, ST_FMT_DEC),
	[X_MASK] = FD(NULL, "ospf.lsa.asext.netmask", "Netmask", 160, 32,
	    ST_FMT_IPV4),
	[X_TYPE] = FD(NULL, "ospf.lsa.asext.type", "External type 2", 192, 1,
	    ST_FMT_BOOL),
	[X_TOS] = FD(NULL, "ospf.lsa.tos", "TOS", 193, 7, ST_FMT_DEC),
	[X_MET] = FD(NULL, "ospf.metric", "Metric", 200, 24, ST_FMT_DEC),
	[X_FWD] = FD(NULL, "ospf.lsa.asext.fwdaddr", "Forwarding address",
	    224, 32, ST_FMT_IPV4),
	[X_TAG] = FD(NULL, "ospf.lsa.asext.extrttag", "External route tag",
	    256, 32, ST_FMT_DEC),
	[T_TYPE] = FD(NULL, "ospf.tlv_type", "TLV type", 0, 16, ST_FMT_DEC),
	[T_LEN] = FD(NULL, "ospf.tlv_length", "TLV length", 16, 16,
	    ST_FMT_DEC),
	[G_PERIOD] = FD(NULL, "ospf.v2.grace.period", "Grace period (s)", 32,
	    32, ST_FMT_DEC),
	[G_REASON] = FD(NULL, "ospf.v2.grace.reason", "Restart reason", 32, 8,
	    ST_FMT_DEC),
	[G_IP] = FD(NULL, "ospf.v2.grace.ip", "Restarting interface address",
	    32, 32, ST_FMT_IPV4),

	[R3_FLAGS] = FD(NULL, "ospf.v3.router.lsa.flags", "Flags", 160, 8,
	    ST_FMT_HEX),
	[R3_W] = B("ospf.v3.router.lsa.flags.w", "W (wildcard multicast)",
	    164),
	[R3_V] = B("ospf.v3.router.lsa.flags.v", "V (virtual link endpoint)",
	    165),
	[R3_E] = B("ospf.v3.router.lsa.flags.e", "E (AS boundary router)",
	    166),
	[R3_B] = B("ospf.v3.router.lsa.flags.b", "B (area border router)",
	    167),
	[K3_TYPE] = FDN(NULL, "ospf.v3.lsa.type", "Type", 0, 8, ST_FMT_DEC,
	    link_names),
	[K3_RSV] = FD(NULL, "ospf.reserved", "Reserved", 8, 8, ST_FMT_BYTES),
	[K3_MET] = FD(NULL, "ospf.metric", "Metric", 16, 16, ST_FMT_DEC),
	[K3_IFID] = FD(NULL, "ospf.v3.lsa.interface_id", "Interface ID", 32,
	    32, ST_FMT_DEC),
	[K3_NIFID] = FD(NULL, "ospf.v3.lsa.neighbor_interface_id", "Neighbor "
	    "interface ID", 64, 32, ST_FMT_DEC),
	[K3_NRID] = FD(NULL, "ospf.v3.lsa.neighbor_router_id", "Neighbor "
	    "router ID", 96, 32, ST_FMT_IPV4),
	[N3_RSV] = FD(NULL, "ospf.reserved", "Reserved", 160, 8,
	    ST_FMT_BYTES),
	[N3_ATT] = FD(NULL, "ospf.v3.lsa.attached_router", "Attached router",
	    0, 32, ST_FMT_IPV4),
	[IP_MET] = FD(NULL, "ospf.metric", "Metric", 168, 24, ST_FMT_DEC),
	[IR_MET] = FD(NULL, "ospf.metric", "Metric", 200, 24, ST_FMT_DEC),
	[IR_DEST] = FD(NULL, "ospf.v3.lsa.destination_router_id",
	    "Destination router ID", 224, 32, ST_FMT_IPV4),
	[LK_PRIO] = FD(NULL, "ospf.v3.lsa.router_priority", "Router priority",
	    160, 8, ST_FMT_DEC),
	[LK_ADDR] = FD(NULL, "ospf.v3.lsa.link_local_interface_address.ipv6",
	    "Link-local interface address", 192, 128, ST_FMT_IPV6),
	[LK_NPFX] = FD(NULL, "ospf.v3.lsa.num_prefixes", "Number of prefixes",
	    320, 32, ST_FMT_DEC),
	[IA_NPFX] = FD(NULL, "ospf.v3.lsa.num_prefixes", "Number of prefixes",
	    160, 16, ST_FMT_DEC),
	[IA_RTYPE] = FD(NULL, "ospf.v3.lsa.referenced_ls_type", "Referenced "
	    "LS type", 176, 16, ST_FMT_HEX),
	[IA_RLSID] = FD(NULL, "ospf.v3.lsa.referenced_link_state_id",
	    "Referenced link state ID", 192, 32, ST_FMT_IPV4),
	[IA_RADV] = FD(NULL, "ospf.v3.lsa.referenced_advertising_router",
	    "Referenced advertising router", 224, 32, ST_FMT_IPV4),

	[P_LEN] = FD(NULL, "ospf.prefix_length", "Prefix length", 0, 8,
	    ST_FMT_DEC),
	[P_OPT] = FD(NULL, "ospf.v3.prefix.options", "Prefix options", 8, 8,
	    ST_FMT_HEX),
	[P_P] = B("ospf.v3.prefix.options.p", "P (propagate)", 12),
	[P_MC] = B("ospf.v3.prefix.options.mc", "MC (multicast)", 13),
	[P_LA] = B("ospf.v3.prefix.options.la", "LA (local address)", 14),
	[P_NU] = B("ospf.v3.prefix.options.nu", "NU (no unicast)", 15),
	[P_RSV] = FD(NULL, "ospf.reserved", "Reserved", 16, 16, ST_FMT_BYTES),
	[P_MET] = FD(NULL, "ospf.metric", "Metric", 16, 16, ST_FMT_DEC),
	[P_ADDR6] = FD(NULL, "ospf.v3.address_prefix.ipv6", "Address prefix",
	    32, 0, ST_FMT_TEXT),

	[LL_CK] = FD(NULL, "ospf.lls.checksum", "LLS checksum", 0, 16,
	    ST_FMT_HEX),
	[LL_LEN] = FDX(NULL, "ospf.lls.data_length", "LLS data length "
	    "(bytes)", 16, 16, ST_FMT_DEC, 2, 0, 0, 0, NULL),
	[LL_EXT] = FD(NULL, "ospf.lls.ext.options", "Extended options", 32,
	    32, ST_FMT_HEX),
	[LL_LR] = B("ospf.lls.ext.options.lr", "LR (LSDB resynchronization)",
	    63),
	[LL_RS] = B("ospf.lls.ext.options.rs", "RS (restart signal)", 62),
	[LL_SEQ] = FD(NULL, "ospf.v2.lls.sequence_number", "Sequence number",
	    32, 32, ST_FMT_HEX),
	[LL_AUTH] = FD(NULL, "ospf.v2.lls.auth_data", "Auth data", 64, 0,
	    ST_FMT_BYTES),
};

/* Verifies the LSA checksum f of the LSA at byte off, len bytes. */
static void
ospf_lsack(struct st_dctx *d, struct st_cur *c, size_t off, size_t len,
    struct st_field *f)
{
	struct st_cur w = *c;
	const uint8_t *p;
	unsigned want;

	if (f == NULL || len < 20)
		return;
	w.off += off + 2;
	if ((p = st_get_bytes(&w, len - 2)) == NULL)
		f->ck = ST_CK_UNVERIFIED;
	else if ((want = st_fletcher(p, len - 2, 14)) == f->val)
		f->ck = ST_CK_GOOD;
	else {
		f->ck = ST_CK_BAD;
		f->aux = want;
		d->pkt->nbadck++;
	}
	st_dckstatus(d, f, &st_ospf_fields[L_CKSTAT]);
}

void
ospf_lsahdr(struct st_dctx *d, struct st_cur *c, size_t off, int ver,
    int full)
{
	struct st_cur w = *c;
	struct st_field *ck;
	unsigned type;
	size_t len;

	if (!st_cur_need(c, off + 20))
		return;
	w.off += off;
	st_dfield(d, &w, &st_ospf_fields[L_AGE]);
	if (ver == 2) {
		st_dfield(d, &w, &st_ospf_fields[L_DNA2]);
		ospf_at(d, &w, 2, O2, 9);
		st_dfield(d, &w, &st_ospf_fields[L_TYPE2]);
		type = (unsigned)st_peek_bits(&w, 24, 8);
		if (type >= 1 && type <= 8)
			st_dgen(d, &st_ospf_fields[L_ROUTER + type - 1], 1);
		else if (type >= 9 && type <= 11)
			st_dgen(d, &st_ospf_fields[L_OPAQUE], 1);
		if (type >= 9 && type <= 11)
			ospf_at(d, &w, 0, L_OTYPE, 2);
		else
			st_dfield(d, &w, &st_ospf_fields[L_ID]);
	} else {
		st_dfield(d, &w, &st_ospf_fields[L_DNA3]);
		ospf_at(d, &w, 0, L_TYPE3, 4);
		type = (unsigned)st_peek_bits(&w, 19, 13);
		if (type >= 1 && type <= 9)
			st_dgen(d, &st_ospf_fields[L3_ROUTER + type - 1], 1);
		st_dfield(d, &w, &st_ospf_fields[L_LSID3]);
	}
	ospf_at(d, &w, 0, L_ADV, 2);
	ck = st_dfield(d, &w, &st_ospf_fields[L_CK]);
	st_dfield(d, &w, &st_ospf_fields[L_LEN]);
	len = (size_t)st_peek_bits(&w, 144, 16);
	if (full)
		ospf_lsack(d, c, off, len, ck);
}

/* A version 2 router LSA's links, from byte 24 of the LSA at off. */
static void
ospf2_links(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	size_t pos = 24, step;
	unsigned i, n = (unsigned)st_peek_bits(c, off * 8 + 176, 16);

	for (i = 0; i < n && i < OSPF_MAXITEMS && pos + 12 <= len &&
	    c->err == ST_OK; i++, pos += step) {
		ospf_at(d, c, off + pos, K_ID, 5);
		step = 12 + 4 * (size_t)st_peek_bits(c, (off + pos) * 8 + 72,
		    8);
	}
}

/* The TLVs of a grace LSA (RFC 3623), from byte 20 of the LSA at off. */
static void
ospf2_grace(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	size_t pos = 20, n;
	unsigned i, t;

	for (i = 0; i < OSPF_MAXITEMS && pos + 4 <= len && c->err == ST_OK;
	    i++, pos += 4 + ((n + 3) & ~(size_t)3)) {
		ospf_at(d, c, off + pos, T_TYPE, 2);
		t = (unsigned)st_peek_bits(c, (off + pos) * 8, 16);
		n = (size_t)st_peek_bits(c, (off + pos) * 8 + 16, 16);
		if (t >= 1 && t <= 3 && n == (t == 2 ? 1u : 4u))
			ospf_at(d, c, off + pos, G_PERIOD + t - 1, 1);
	}
}

/* A version 2 LSA's body: the LSA (header included) at off, len bytes. */
void
ospf2_lsa(struct st_dctx *d, struct st_cur *c, size_t off, size_t len)
{
	struct st_cur w = *c;
	unsigned i, type = (unsigned)st_peek_bits(c, off * 8 + 24, 8);

	w.end = w.off + off + len < w.end ? w.off + off + len : w.end;
	switch (type) {
	case 1:
		ospf_at(d, &w, off, R2_FLAGS, 8);
		ospf2_links(d, &w, off, len);
		break;
	case 2:
		ospf_at(d, &w, off, N_MASK, 1);
		for (i = 0; i < OSPF_MAXITEMS && 24 + 4 * (size_t)i + 4 <= len;
		    i++)
			ospf_at(d, &w, off + 24 + 4 * (size_t)i, N_ATT, 1);
		break;
	case 3:
	case 4:
		ospf_at(d, &w, off, S_MASK, 3);
		break;
	case 5:
	case 7:
		ospf_at(d, &w, off, X_MASK, 6);
		break;
	case 9:
	case 10:
	case 11:
		if (st_peek_bits(c, off * 8 + 32, 8) == 3)
			ospf2_grace(d, &w, off, len);
		break;
	}
	if (w.err != ST_OK && c->err == ST_OK)
		c->err = w.err;
}
