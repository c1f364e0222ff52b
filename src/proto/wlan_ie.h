/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * More 802.11 elements whose fields Wireshark names part by part (IEEE Std
 * 802.11-2020, 9.4.2): HT operation (61), ERP (42), RSN capabilities (48),
 * mesh configuration (113), VHT capabilities (191) and operation (192),
 * the TIM's bitmap control, and the WFA/Microsoft WMM element (221, OUI
 * 00:50:f2 type 2).  Runs of struct wlan_run (wlan_ht.h): the whole
 * little-endian field and its parts.  Included by wlan_mgt.c only.
 */
#ifndef STRATA_PROTO_WLAN_IE_H
#define STRATA_PROTO_WLAN_IE_H

#define FW(n, l, w, f)	FD(NULL, n, l, 0, w, f)
#define RUN(w, r, off, by)	{ w, r, NFIELDS(r), off, by }
#define WHOLE(w, off, by)	{ w, NULL, 0, off, by }

/* HT operation: the three subsets after the primary channel. */
static const struct st_field_desc htop_whole[] = {
	FW("wlan.ht.info.delim1", "HT information subset (1 of 3)", 8,
	    ST_FMT_HEX),
	FW("wlan.ht.info.delim2", "HT information subset (2 of 3)", 16,
	    ST_FMT_HEX),
	FW("wlan.ht.info.delim3", "HT information subset (3 of 3)", 16,
	    ST_FMT_HEX),
};

static const struct st_field_desc htop1_rows[] = {
	FR("wlan.ht.info.secchanoffset", "Secondary channel offset", 0x3,
	    ST_FMT_DEC),
	FR("wlan.ht.info.chanwidth", "Supported channel width", 0x4,
	    ST_FMT_BOOL),
	FR("wlan.ht.info.rifs", "Reduced Interframe Spacing", 0x8,
	    ST_FMT_BOOL),
	FR("wlan.ht.info.reserved_b4_b7", "Reserved", 0xf0, ST_FMT_DEC),
};

static const struct st_field_desc htop2_rows[] = {
	FR("wlan.ht.info.ht_protection", "HT Protection", 0x3, ST_FMT_DEC),
	FR("wlan.ht.info.greenfield", "Non-greenfield STAs present", 0x4,
	    ST_FMT_BOOL),
	FR("wlan.ht.info.reserved_b11", "Reserved", 0x8, ST_FMT_DEC),
	FR("wlan.ht.info.obssnonht", "OBSS non-HT STAs present", 0x10,
	    ST_FMT_BOOL),
	FR("wlan.ht.info.chan_center_freq_seg_2",
	    "Channel Center Frequency Segment 2", 0x1fe0, ST_FMT_DEC),
	FR("wlan.ht.info.reserved_b21_b23", "Reserved", 0xe000, ST_FMT_DEC),
};

static const struct st_field_desc htop3_rows[] = {
	FR("wlan.ht.info.reserved_b24_b29", "Reserved", 0x3f, ST_FMT_DEC),
	FR("wlan.ht.info.dualbeacon", "Dual beacon", 0x40, ST_FMT_BOOL),
	FR("wlan.ht.info.dualcts", "Dual Clear To Send (CTS) protection",
	    0x80, ST_FMT_BOOL),
	FR("wlan.ht.info.secondarybeacon", "Beacon ID", 0x100, ST_FMT_BOOL),
	FR("wlan.ht.info.lsigprotsupport", "L-SIG TXOP Protection Full "
	    "Support", 0x200, ST_FMT_BOOL),
	FR("wlan.ht.info.pco.active", "Phased Coexistence Operation (PCO)",
	    0x400, ST_FMT_BOOL),
	FR("wlan.ht.info.pco.phase", "Phased Coexistence Operation (PCO) "
	    "Phase", 0x800, ST_FMT_BOOL),
	FR("wlan.ht.info.reserved_b36_b39", "Reserved", 0xf000, ST_FMT_DEC),
};

static const struct wlan_run htop_runs[] = {
	RUN(&htop_whole[0], htop1_rows, 1, 1),
	RUN(&htop_whole[1], htop2_rows, 2, 2),
	RUN(&htop_whole[2], htop3_rows, 4, 2),
};

/* ERP information (one byte). */
static const struct st_field_desc erp_whole[] = {
	FW("wlan.erp_info", "ERP Information", 8, ST_FMT_HEX),
};

static const struct st_field_desc erp_rows[] = {
	FR("wlan.erp_info.erp_present", "Non ERP Present", 0x1, ST_FMT_BOOL),
	FR("wlan.erp_info.use_protection", "Use Protection", 0x2,
	    ST_FMT_BOOL),
	FR("wlan.erp_info.barker_preamble_mode", "Barker Preamble Mode", 0x4,
	    ST_FMT_BOOL),
	FR("wlan.erp_info.reserved", "Reserved", 0xf8, ST_FMT_DEC),
};

static const struct wlan_run erp_runs[] = {
	RUN(&erp_whole[0], erp_rows, 0, 1),
};

/* The RSN capabilities (their whole field is wlan_mgt.c's). */
static const struct st_field_desc rsncap_rows[] = {
	FR("wlan.rsn.capabilities.preauth", "RSN Pre-Auth capabilities", 0x1,
	    ST_FMT_BOOL),
	FR("wlan.rsn.capabilities.no_pairwise", "RSN No Pairwise "
	    "capabilities", 0x2, ST_FMT_BOOL),
	FR("wlan.rsn.capabilities.ptksa_replay_counter", "RSN PTKSA Replay "
	    "Counter capabilities", 0xc, ST_FMT_DEC),
	FR("wlan.rsn.capabilities.gtksa_replay_counter", "RSN GTKSA Replay "
	    "Counter capabilities", 0x30, ST_FMT_DEC),
	FR("wlan.rsn.capabilities.mfpr", "Management Frame Protection "
	    "Required", 0x40, ST_FMT_BOOL),
	FR("wlan.rsn.capabilities.mfpc", "Management Frame Protection "
	    "Capable", 0x80, ST_FMT_BOOL),
	FR("wlan.rsn.capabilities.jmr", "Joint Multi-band RSNA", 0x100,
	    ST_FMT_BOOL),
	FR("wlan.rsn.capabilities.peerkey", "PeerKey Enabled", 0x200,
	    ST_FMT_BOOL),
	FR("wlan.rsn.capabilities.extended_key_id_iaf", "Extended Key ID for "
	    "Individually Addressed Frames", 0x2000, ST_FMT_BOOL),
};

/* The TIM's bitmap control (its whole field is wlan_mgt.c's). */
static const struct st_field_desc bmapctl_rows[] = {
	FR("wlan.tim.bmapctl.multicast", "Multicast", 0x1, ST_FMT_BOOL),
	FR("wlan.tim.bmapctl.offset", "Bitmap Offset", 0xfe, ST_FMT_DEC),
};

/* Mesh configuration (seven bytes). */
static const struct st_field_desc mesh_whole[] = {
	FW("wlan.mesh.config.ps_protocol", "Path Selection Protocol", 8,
	    ST_FMT_HEX),
	FW("wlan.mesh.config.ps_metric", "Path Selection Metric", 8,
	    ST_FMT_HEX),
	FW("wlan.mesh.config.cong_ctl", "Congestion Control", 8, ST_FMT_HEX),
	FW("wlan.mesh.config.sync_method", "Synchronization Method", 8,
	    ST_FMT_HEX),
	FW("wlan.mesh.config.auth_protocol", "Authentication Protocol", 8,
	    ST_FMT_HEX),
	FW("wlan.mesh.config.formation_info", "Formation Info", 8,
	    ST_FMT_HEX),
	FW("wlan.mesh.config.cap", "Capability", 8, ST_FMT_HEX),
};

static const struct st_field_desc meshform_rows[] = {
	FR("wlan.mesh.formation_info.connect_to_mesh_gate",
	    "Connected to Mesh Gate", 0x1, ST_FMT_BOOL),
	FR("wlan.mesh.config.formation_info.num_peers", "Number of Peerings",
	    0x7e, ST_FMT_DEC),
	FR("wlan.mesh.formation_info.connect_to_as", "Connected to AS", 0x80,
	    ST_FMT_BOOL),
};

static const struct st_field_desc meshcap_rows[] = {
	FR("wlan.mesh.config.cap.accept", "Accepting Additional Mesh Peerings",
	    0x1, ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.mcca_support", "MCCA Supported", 0x2,
	    ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.mcca_enabled", "MCCA Enabled", 0x4,
	    ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.forwarding", "Mesh Forwarding", 0x8,
	    ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.mbca_enabled", "MBCA Enabled", 0x10,
	    ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.tbtt_adjusting", "TBTT Adjustment", 0x20,
	    ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.power_save_level", "Power Save", 0x40,
	    ST_FMT_BOOL),
	FR("wlan.mesh.config.cap.reserved", "Reserved", 0x80, ST_FMT_DEC),
};

static const struct wlan_run mesh_runs[] = {
	WHOLE(&mesh_whole[0], 0, 1), WHOLE(&mesh_whole[1], 1, 1),
	WHOLE(&mesh_whole[2], 2, 1), WHOLE(&mesh_whole[3], 3, 1),
	WHOLE(&mesh_whole[4], 4, 1),
	RUN(&mesh_whole[5], meshform_rows, 5, 1),
	RUN(&mesh_whole[6], meshcap_rows, 6, 1),
};

/* VHT capabilities: the information word, then the supported MCS set. */
static const struct st_field_desc vht_whole[] = {
	FW("wlan.vht.capabilities", "VHT Capabilities Info", 32, ST_FMT_HEX),
	FW("wlan.vht.mcsset.rxmcsmap", "Rx VHT-MCS Map", 16, ST_FMT_HEX),
	FW("wlan.vht.mcsset.txmcsmap", "Tx VHT-MCS Map", 16, ST_FMT_HEX),
	FW("wlan.vht.op.channelwidth", "Channel Width", 8, ST_FMT_DEC),
	FW("wlan.vht.op.channelcenter0", "Channel Center Segment 0", 8,
	    ST_FMT_DEC),
	FW("wlan.vht.op.channelcenter1", "Channel Center Segment 1", 8,
	    ST_FMT_DEC),
	FW("wlan.vht.op.basicmcsmap", "Basic MCS Map", 16, ST_FMT_HEX),
};

static const struct st_field_desc vhtcap_rows[] = {
	FR("wlan.vht.capabilities.maxmpdulength", "Maximum MPDU Length", 0x3,
	    ST_FMT_DEC),
	FR("wlan.vht.capabilities.supportedchanwidthset",
	    "Supported Channel Width Set", 0xc, ST_FMT_DEC),
	FR("wlan.vht.capabilities.rxldpc", "Rx LDPC", 0x10, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.short80", "Short GI for 80MHz", 0x20,
	    ST_FMT_BOOL),
	FR("wlan.vht.capabilities.short160", "Short GI for 160MHz", 0x40,
	    ST_FMT_BOOL),
	FR("wlan.vht.capabilities.txstbc", "Tx STBC", 0x80, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.rxstbc", "Rx STBC", 0x700, ST_FMT_DEC),
	FR("wlan.vht.capabilities.subeamformer", "SU Beamformer Capable",
	    0x800, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.subeamformee", "SU Beamformee Capable",
	    0x1000, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.beamformee_sts_cap", "Beamformee STS "
	    "Capability", 0xe000, ST_FMT_DEC),
	FR("wlan.vht.capabilities.soundingdimensions", "Number of Sounding "
	    "Dimensions", 0x70000, ST_FMT_DEC),
	FR("wlan.vht.capabilities.mubeamformer", "MU Beamformer Capable",
	    0x80000, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.mubeamformee", "MU Beamformee Capable",
	    0x100000, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.vhttxopps", "VHT TXOP PS", 0x200000,
	    ST_FMT_BOOL),
	FR("wlan.vht.capabilities.vhthtc", "+HTC-VHT Capable", 0x400000,
	    ST_FMT_BOOL),
	FR("wlan.vht.capabilities.maxampdu", "Max A-MPDU Length Exponent",
	    0x3800000, ST_FMT_DEC),
	FR("wlan.vht.capabilities.linkadapt", "VHT Link Adaptation",
	    0xc000000, ST_FMT_DEC),
	FR("wlan.vht.capabilities.rxpatconsist", "Rx Antenna Pattern "
	    "Consistency", 0x10000000, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.txpatconsist", "Tx Antenna Pattern "
	    "Consistency", 0x20000000, ST_FMT_BOOL),
	FR("wlan.vht.capabilities.ext_nss_bw_support", "Extended NSS BW "
	    "Support", 0xc0000000, ST_FMT_DEC),
};

/* The eight two-bit maximum MCS per spatial stream of an MCS map. */
#define SS8(p) \
	FR(p ".ss1", "1 SS", 0x3, ST_FMT_DEC), \
	FR(p ".ss2", "2 SS", 0xc, ST_FMT_DEC), \
	FR(p ".ss3", "3 SS", 0x30, ST_FMT_DEC), \
	FR(p ".ss4", "4 SS", 0xc0, ST_FMT_DEC), \
	FR(p ".ss5", "5 SS", 0x300, ST_FMT_DEC), \
	FR(p ".ss6", "6 SS", 0xc00, ST_FMT_DEC), \
	FR(p ".ss7", "7 SS", 0x3000, ST_FMT_DEC), \
	FR(p ".ss8", "8 SS", 0xc000, ST_FMT_DEC)

static const struct st_field_desc vhtrx_rows[] = {
	SS8("wlan.vht.mcsset.rxmcsmap")
};

static const struct st_field_desc vhtrxhi_rows[] = {
	FR("wlan.vht.mcsset.rxhighestlonggirate", "Rx Highest Long GI Data "
	    "Rate (in Mb/sec)", 0x1fff, ST_FMT_DEC),
	FR("wlan.vht.mcsset.max_nsts_total", "Max NSTS Total", 0xe000,
	    ST_FMT_DEC),
};

static const struct st_field_desc vhttx_rows[] = {
	SS8("wlan.vht.mcsset.txmcsmap")
};

static const struct st_field_desc vhttxhi_rows[] = {
	FR("wlan.vht.mcsset.txhighestlonggirate", "Tx Highest Long GI Data "
	    "Rate  (in Mb/sec)", 0x1fff, ST_FMT_DEC),
	FR("wlan.vht.ncsset.ext_nss_bw_cap", "Extended NSS BW Capable",
	    0x2000, ST_FMT_BOOL),
	FR("wlan.vht.ncsset.reserved", "Reserved", 0xc000, ST_FMT_DEC),
};

static const struct wlan_run vhtcap_runs[] = {
	RUN(&vht_whole[0], vhtcap_rows, 0, 4),
	RUN(&vht_whole[1], vhtrx_rows, 4, 2),
	RUN(NULL, vhtrxhi_rows, 6, 2),
	RUN(&vht_whole[2], vhttx_rows, 8, 2),
	RUN(NULL, vhttxhi_rows, 10, 2),
};

static const struct st_field_desc vhtop_rows[] = {
	SS8("wlan.vht.op.basicmcsmap")
};

static const struct wlan_run vhtop_runs[] = {
	WHOLE(&vht_whole[3], 0, 1), WHOLE(&vht_whole[4], 1, 1),
	WHOLE(&vht_whole[5], 2, 1),
	RUN(&vht_whole[6], vhtop_rows, 3, 2),
};

/* The WMM (WME) element after OUI 00:50:f2 and its type (2). */
static const struct st_field_desc wme_whole[] = {
	FW("wlan.wfa.ie.type", "Type", 8, ST_FMT_HEX),
	FW("wlan.wfa.ie.wme.subtype", "WME Subtype", 8, ST_FMT_DEC),
	FW("wlan.wfa.ie.wme.version", "WME Version", 8, ST_FMT_DEC),
	FW("wlan.wfa.ie.wme.qos_info", "WME QoS Info", 8, ST_FMT_HEX),
	FW("wlan.wfa.ie.wme.reserved", "Reserved", 8, ST_FMT_BYTES),
	FW("wlan.wfa.ie.wme.acp.aci_aifsn", "ACI / AIFSN Field", 8,
	    ST_FMT_HEX),
	FW("wlan.wfa.ie.wme.acp.ecw", "ECW", 8, ST_FMT_HEX),
	FW("wlan.wfa.ie.wme.acp.cw.max", "CW Max", 8, ST_FMT_DEC),
	FW("wlan.wfa.ie.wme.acp.cw.min", "CW Min", 8, ST_FMT_DEC),
	FW("wlan.wfa.ie.wme.acp.txop_limit", "TXOP Limit", 16, ST_FMT_DEC),
};

enum { WME_TYPE, WME_SUB, WME_VER, WME_QOS, WME_RES, WME_AIFSN, WME_ECW,
	WME_CWMAX, WME_CWMIN, WME_TXOP };

/* The QoS info as an AP sends it (beacons, responses)... */
static const struct st_field_desc wmeap_rows[] = {
	FR("wlan.wfa.ie.wme.qos_info.ap.u_apsd", "U-APSD", 0x80, ST_FMT_BOOL),
	FR("wlan.wfa.ie.wme.qos_info.ap.parameter_set_count",
	    "Parameter Set Count", 0xf, ST_FMT_DEC),
	FR("wlan.wfa.ie.wme.qos_info.ap.reserved", "Reserved", 0x70,
	    ST_FMT_DEC),
};

/* ... and as a station does (requests). */
static const struct st_field_desc wmesta_rows[] = {
	FR("wlan.wfa.ie.wme.qos_info.sta.max_sp_length", "Max SP Length",
	    0x60, ST_FMT_DEC),
	FR("wlan.wfa.ie.wme.qos_info.sta.ac_be", "AC_BE", 0x8, ST_FMT_BOOL),
	FR("wlan.wfa.ie.wme.qos_info.sta.ac_bk", "AC_BK", 0x4, ST_FMT_BOOL),
	FR("wlan.wfa.ie.wme.qos_info.sta.ac_vi", "AC_VI", 0x2, ST_FMT_BOOL),
	FR("wlan.wfa.ie.wme.qos_info.sta.ac_vo", "AC_VO", 0x1, ST_FMT_BOOL),
	FR("wlan.wfa.ie.wme.qos_info.sta.reserved", "Reserved", 0x90,
	    ST_FMT_DEC),
};

/* One access category's parameters (four bytes). */
static const struct st_field_desc aifsn_rows[] = {
	FR("wlan.wfa.ie.wme.acp.aifsn", "AIFSN", 0xf, ST_FMT_DEC),
	FR("wlan.wfa.ie.wme.acp.acm", "Admission Control Mandatory", 0x10,
	    ST_FMT_BOOL),
	FR("wlan.wfa.ie.wme.acp.aci", "ACI", 0x60, ST_FMT_DEC),
	FR("wlan.wfa.ie.wme.acp.reserved", "Reserved", 0x80, ST_FMT_DEC),
};

static const struct st_field_desc ecw_rows[] = {
	FR("wlan.wfa.ie.wme.acp.ecw.max", "ECW Max", 0xf0, ST_FMT_DEC),
	FR("wlan.wfa.ie.wme.acp.ecw.min", "ECW Min", 0x0f, ST_FMT_DEC),
};

static const struct wlan_run acp_runs[] = {
	RUN(&wme_whole[WME_AIFSN], aifsn_rows, 0, 1),
	RUN(&wme_whole[WME_ECW], ecw_rows, 1, 1),
};

/*
 * Extended capabilities (127): one byte of bits after another; Wireshark
 * reads the eighth and ninth as one little-endian word.
 */
static const struct st_field_desc extcap_whole[] = {
	FW("wlan.extcap", "Extended Capabilities", 8, ST_FMT_HEX),
};

static const struct st_field_desc extcap0_rows[] = {
	FR("wlan.extcap.b0", "20/40 BSS Coexistence Management Support",
	    0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b1", "Reserved (was On-demand beacon)",
	    0x2, ST_FMT_DEC),
	FR("wlan.extcap.b2", "Extended Channel Switching", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b3", "Reserved (was WAVE indication)",
	    0x8, ST_FMT_DEC),
	FR("wlan.extcap.b4", "PSMP Capability", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b5", "Reserved", 0x20, ST_FMT_DEC),
	FR("wlan.extcap.b6", "S-PSMP Support", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b7", "Event", 0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap1_rows[] = {
	FR("wlan.extcap.b8", "Diagnostics", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b9", "Multicast Diagnostics", 0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b10", "Location Tracking", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b11", "FMS", 0x8, ST_FMT_BOOL),
	FR("wlan.extcap.b12", "Proxy ARP Service", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b13", "Collocated Interference Reporting",
	    0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b14", "Civic Location", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b15", "Geospatial Location", 0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap2_rows[] = {
	FR("wlan.extcap.b16", "TFS", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b17", "WNM Sleep Mode", 0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b18", "TIM Broadcast", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b19", "BSS Transition", 0x8, ST_FMT_BOOL),
	FR("wlan.extcap.b20", "QoS Traffic Capability", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b21", "AC Station Count", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b22", "Multiple BSSID", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b23", "Timing Measurement", 0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap3_rows[] = {
	FR("wlan.extcap.b24", "Channel Usage", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b25", "SSID List", 0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b26", "DMS", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b27", "UTC TSF Offset", 0x8, ST_FMT_BOOL),
	FR("wlan.extcap.b28", "TPU Buffer STA Support", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b29", "TDLS Peer PSM Support", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b30", "TDLS channel switching", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b31", "Interworking", 0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap4_rows[] = {
	FR("wlan.extcap.b32", "QoS Map", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b33", "EBR", 0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b34", "SSPN Interface", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b35", "Reserved", 0x8, ST_FMT_DEC),
	FR("wlan.extcap.b36", "MSGCF Capability", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b37", "TDLS Support", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b38", "TDLS Prohibited", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b39", "TDLS Channel Switching Prohibited",
	    0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap5_rows[] = {
	FR("wlan.extcap.b40", "Reject Unadmitted Frame", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.serv_int_granularity", "Service Interval Granularity",
	    0xe, ST_FMT_DEC),
	FR("wlan.extcap.b44", "Identifier Location", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b45", "U-APSD Coexistence", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b46", "WNM Notification", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b47", "QAB Capability", 0x80, ST_FMT_DEC),
};

static const struct st_field_desc extcap6_rows[] = {
	FR("wlan.extcap.b48", "UTF-8 SSID", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b49", "QMF Activated", 0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b50", "QMF Reconfiguration Activated",
	    0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b51", "Robust AV Streaming", 0x8, ST_FMT_BOOL),
	FR("wlan.extcap.b52", "Advanced GCR", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b53", "Mesh GCR", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b54", "SCS", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b55", "QLoad Report", 0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap7_rows[] = {
	FR("wlan.extcap.b56", "Alternate EDCA", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b57", "Unprotected TXOP Negotiation",
	    0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b58", "Protected TXOP Negotiation", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b59", "Reserved", 0x8, ST_FMT_DEC),
	FR("wlan.extcap.b60", "Protected QLoad Report", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b61", "TDLS Wider Bandwidth", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b62", "Operating Mode Notification",
	    0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b63", "Max Number Of MSDUs In A-MSDU",
	    0x80, ST_FMT_DEC),
	FR("wlan.extcap.b65", "Channel Schedule Management",
	    0x200, ST_FMT_BOOL),
	FR("wlan.extcap.b66", "Geodatabase Inband Enabling Signal",
	    0x400, ST_FMT_BOOL),
	FR("wlan.extcap.b67", "Network Channel Control", 0x800, ST_FMT_BOOL),
	FR("wlan.extcap.b68", "White Space Map", 0x1000, ST_FMT_BOOL),
	FR("wlan.extcap.b69", "Channel Availability Query",
	    0x2000, ST_FMT_BOOL),
	FR("wlan.extcap.b70", "Fine Timing Measurement Responder",
	    0x4000, ST_FMT_BOOL),
	FR("wlan.extcap.b71", "Fine Timing Measurement Initiator",
	    0x8000, ST_FMT_BOOL),
};

static const struct st_field_desc extcap9_rows[] = {
	FR("wlan.extcap.b72", "FILS Capable", 0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b73", "Extended Spectrum Management Capable",
	    0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b74", "Future Channel Capable", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b75", "Reserved", 0x8, ST_FMT_DEC),
	FR("wlan.extcap.b76", "Reserved", 0x10, ST_FMT_DEC),
	FR("wlan.extcap.b77", "TWT Requester Support", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b78", "TWT Responder Support", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b79", "OBSS Narrow Bandwidth RU in UL OFDMA Tol",
	    0x80, ST_FMT_BOOL),
};

static const struct st_field_desc extcap10_rows[] = {
	FR("wlan.extcap.b80", "Complete List of NonTxBSSID Profiles",
	    0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b81", "SAE Password Identifiers In Use",
	    0x2, ST_FMT_BOOL),
	FR("wlan.extcap.b82", "SAE Passwords Used Exclusively",
	    0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b83", "Enhanced Multi-BSSID Advertisement Suppo",
	    0x8, ST_FMT_BOOL),
	FR("wlan.extcap.b84", "Beacon Protection Enabled", 0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b85", "Mirrored SCS", 0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b86", "OCT", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b87", "Reserved", 0x80, ST_FMT_DEC),
};

static const struct st_field_desc extcap11_rows[] = {
	FR("wlan.extcap.b88", "SAE-PK Passwords Used Exclusively",
	    0x1, ST_FMT_BOOL),
	FR("wlan.extcap.b89", "TWT Parameters Range Support", 0x2, ST_FMT_DEC),
	FR("wlan.extcap.b90", "non-TB Ranging Responder", 0x4, ST_FMT_BOOL),
	FR("wlan.extcap.b91", "TB Ranging Responder", 0x8, ST_FMT_BOOL),
	FR("wlan.extcap.b92", "TB Ranging Responder Measurement Support",
	    0x10, ST_FMT_BOOL),
	FR("wlan.extcap.b93", "TB Ranging Initiator Measurement Support",
	    0x20, ST_FMT_BOOL),
	FR("wlan.extcap.b94", "AOA Measurement Available", 0x40, ST_FMT_BOOL),
	FR("wlan.extcap.b95", "Phase Shift Feedback Support",
	    0x80, ST_FMT_BOOL),
};

static const struct wlan_run extcap_runs[] = {
	RUN(&extcap_whole[0], extcap0_rows, 0, 1),
	RUN(&extcap_whole[0], extcap1_rows, 1, 1),
	RUN(&extcap_whole[0], extcap2_rows, 2, 1),
	RUN(&extcap_whole[0], extcap3_rows, 3, 1),
	RUN(&extcap_whole[0], extcap4_rows, 4, 1),
	RUN(&extcap_whole[0], extcap5_rows, 5, 1),
	RUN(&extcap_whole[0], extcap6_rows, 6, 1),
	RUN(&extcap_whole[0], extcap7_rows, 7, 2),
	RUN(&extcap_whole[0], extcap9_rows, 9, 1),
	RUN(&extcap_whole[0], extcap10_rows, 10, 1),
	RUN(&extcap_whole[0], extcap11_rows, 11, 1),
};

#endif
