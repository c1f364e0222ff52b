/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenFlow 1.3's long fixed structures, after Wireshark's
 * packet-openflow_v4.c: the port description (in PORT_STATUS and the
 * PORT_DESC reply), the multipart bodies that are arrays of fixed records
 * (description, table and port statistics, group features) and the async
 * configuration masks.  The header and the other bodies are in
 * openflow.c.
 */
#include "openflow4.h"

#define OF_MAXREC	64	/* records in one multipart body */

/* A 32-bit word at byte b and its flag k (the bit of value 1 << k). */
#define FW(n, b) FD(NULL, n, "Flags", (b) * 8, 32, ST_FMT_HEX)
#define FB(n, b, k) FDD(NULL, n, "Flag", (b) * 8 + 31 - (k), 1, \
	    ST_FMT_BOOL)

/* ofp_port (OF 1.3 7.2.1): before the name, the name, after it. */
static const struct st_field_desc port_head[] = {
	FD(NULL, "openflow_v4.port.port_no", "Port", 0, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.port.pad", "Pad", 32, 32, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.port.hw_addr", "Hardware address", 64, 48,
	    ST_FMT_MAC),
	FD(NULL, "openflow_v4.port.pad2", "Pad", 112, 16, ST_FMT_BYTES),
};
static const struct st_field_desc port_name =
	FD(NULL, "openflow_v4.port.name", "Name", 128, 128, ST_FMT_TEXT);
static const struct st_field_desc port_tail[] = {
	FW("openflow_v4.port.config", 32),
	FB("openflow_v4.port.config.port_down", 32, 0),
	FB("openflow_v4.port.config.no_recv", 32, 2),
	FB("openflow_v4.port.config.no_fwd", 32, 5),
	FB("openflow_v4.port.config.no_packet_in", 32, 6),
	FW("openflow_v4.port.sate", 36),
	FB("openflow_v4.port.state.link_down", 36, 0),
	FB("openflow_v4.port.state.blocked", 36, 1),
	FB("openflow_v4.port.state.live", 36, 2),
	FW("openflow_v4.port.current", 40),
	FB("openflow_v4.port.current.10mb_hd", 40, 0),
	FB("openflow_v4.port.current.10mb_fd", 40, 1),
	FB("openflow_v4.port.current.100mb_hd", 40, 2),
	FB("openflow_v4.port.current.100mb_fd", 40, 3),
	FB("openflow_v4.port.current.1gb_hd", 40, 4),
	FB("openflow_v4.port.current.1gb_fd", 40, 5),
	FB("openflow_v4.port.current.10gb_fd", 40, 6),
	FB("openflow_v4.port.current.40gb_fd", 40, 7),
	FB("openflow_v4.port.current.100_gb_fd", 40, 8),
	FB("openflow_v4.port.current.1tb_fd", 40, 9),
	FB("openflow_v4.port.current.other", 40, 10),
	FB("openflow_v4.port.current.copper", 40, 11),
	FB("openflow_v4.port.current.fiber", 40, 12),
	FB("openflow_v4.port.current.autoneg", 40, 13),
	FB("openflow_v4.port.current.pause", 40, 14),
	FB("openflow_v4.port.current.pause_asym", 40, 15),
	FW("openflow_v4.port.advertised", 44),
	FB("openflow_v4.port.advertised.10mb_hd", 44, 0),
	FB("openflow_v4.port.advertised.10mb_fd", 44, 1),
	FB("openflow_v4.port.advertised.100mb_hd", 44, 2),
	FB("openflow_v4.port.advertised.100mb_fd", 44, 3),
	FB("openflow_v4.port.advertised.1gb_hd", 44, 4),
	FB("openflow_v4.port.advertised.1gb_fd", 44, 5),
	FB("openflow_v4.port.advertised.10gb_fd", 44, 6),
	FB("openflow_v4.port.advertised.40gb_fd", 44, 7),
	FB("openflow_v4.port.advertised.100gb_fd", 44, 8),
	FB("openflow_v4.port.advertised.1tb_fd", 44, 9),
	FB("openflow_v4.port.advertised.other", 44, 10),
	FB("openflow_v4.port.advertised.copper", 44, 11),
	FB("openflow_v4.port.advertised.fiber", 44, 12),
	FB("openflow_v4.port.advertised.autoneg", 44, 13),
	FB("openflow_v4.port.advertised.pause", 44, 14),
	FB("openflow_v4.port.advertised.pause_asym", 44, 15),
	FW("openflow_v4.port.supported", 48),
	FB("openflow_v4.port.supported.10mb_hd", 48, 0),
	FB("openflow_v4.port.supported.10mb_fd", 48, 1),
	FB("openflow_v4.port.supported.100mb_hd", 48, 2),
	FB("openflow_v4.port.supported.100mb_fd", 48, 3),
	FB("openflow_v4.port.supported.1gb_hd", 48, 4),
	FB("openflow_v4.port.supported.1gb_fd", 48, 5),
	FB("openflow_v4.port.supported.10gb_fd", 48, 6),
	FB("openflow_v4.port.supported.40gb_fd", 48, 7),
	FB("openflow_v4.port.supported.100gb_fd", 48, 8),
	FB("openflow_v4.port.supported.1tb_fd", 48, 9),
	FB("openflow_v4.port.supported.other", 48, 10),
	FB("openflow_v4.port.supported.copper", 48, 11),
	FB("openflow_v4.port.supported.fiber", 48, 12),
	FB("openflow_v4.port.supported.autoneg", 48, 13),
	FB("openflow_v4.port.supported.pause", 48, 14),
	FB("openflow_v4.port.supported.pause_asym", 48, 15),
	FW("openflow_v4.port.peer", 52),
	FB("openflow_v4.port.peer.10mb_hd", 52, 0),
	FB("openflow_v4.port.peer.10mb_fd", 52, 1),
	FB("openflow_v4.port.peer.100mb_hd", 52, 2),
	FB("openflow_v4.port.peer.100mb_fd", 52, 3),
	FB("openflow_v4.port.peer.1gb_hd", 52, 4),
	FB("openflow_v4.port.peer.1gb_fd", 52, 5),
	FB("openflow_v4.port.peer.10gb_fd", 52, 6),
	FB("openflow_v4.port.peer.40gb_fd", 52, 7),
	FB("openflow_v4.port.peer.100gb_fd", 52, 8),
	FB("openflow_v4.port.peer.1tb_fd", 52, 9),
	FB("openflow_v4.port.peer.other", 52, 10),
	FB("openflow_v4.port.peer.copper", 52, 11),
	FB("openflow_v4.port.peer.fiber", 52, 12),
	FB("openflow_v4.port.peer.autoneg", 52, 13),
	FB("openflow_v4.port.peer.pause", 52, 14),
	FB("openflow_v4.port.peer.pause_asym", 52, 15),
	FD(NULL, "openflow_v4.port.curr_speed", "Current speed (kbps)", 448,
	    32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.port.max_speed", "Maximum speed (kbps)", 480,
	    32, ST_FMT_DEC),
};

/* ofp_desc (7.3.5.1): five NUL-padded strings. */
static const struct st_field_desc desc_rows[] = {
	FD(NULL, "openflow_v4.switch_description.mfr_desc", "Manufacturer",
	    0, 2048, ST_FMT_TEXT),
	FD(NULL, "openflow_v4.switch_description.hw_desc", "Hardware", 2048,
	    2048, ST_FMT_TEXT),
	FD(NULL, "openflow_v4.switch_description.sw_desc", "Software", 4096,
	    2048, ST_FMT_TEXT),
	FD(NULL, "openflow_v4.switch_description.serial_num", "Serial number",
	    6144, 256, ST_FMT_TEXT),
	FD(NULL, "openflow_v4.switch_description.dp_desc", "Datapath", 6400,
	    2048, ST_FMT_TEXT),
};

/* ofp_table_stats (7.3.5.4), 24 bytes. */
static const struct st_field_desc table_stats[] = {
	FD(NULL, "openflow_v4.table_stats.table_id", "Table ID", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_stats.pad", "Pad", 8, 24, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.table_stats.active_count", "Active entries",
	    32, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_stats.lookup_count", "Lookups", 64, 64,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_stats.match_count", "Matches", 128, 64,
	    ST_FMT_DEC),
};

/* ofp_port_stats_request and ofp_port_stats (7.3.5.6), 8 and 112 bytes. */
static const struct st_field_desc port_stats_req[] = {
	FD(NULL, "openflow_v4.port_stats_request.port_no", "Port", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.port_stats_request.pad", "Pad", 32, 32,
	    ST_FMT_BYTES),
};
#define PS(n, i) FD(NULL, "openflow_v4.port_stats." n, n, 64 + (i) * 64, \
	    64, ST_FMT_DEC)
static const struct st_field_desc port_stats[] = {
	FD(NULL, "openflow_v4.port_stats.port_no", "Port", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.port_stats.pad", "Pad", 32, 32, ST_FMT_BYTES),
	PS("rx_packets", 0), PS("tx_packets", 1), PS("rx_bytes", 2),
	PS("tx_bytes", 3), PS("rx_dropped", 4), PS("tx_dropped", 5),
	PS("rx_errors", 6), PS("tx_errors", 7), PS("rx_frame_error", 8),
	PS("rx_over_error", 9), PS("rx_crc_error", 10), PS("collisions", 11),
	FD(NULL, "openflow_v4.port_stats.duration_sec", "Duration (s)", 832,
	    32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.port_stats.duration_nsec", "Duration (ns)",
	    864, 32, ST_FMT_DEC),
};
#undef PS

/* ofp_aggregate_stats_reply (7.3.5.3), 24 bytes. */
static const struct st_field_desc aggregate[] = {
	FD(NULL, "openflow_v4.aggregate_stats.packet_count", "Packets", 0, 64,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.aggregate_stats.byte_count", "Bytes", 64, 64,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.aggregate_stats.flow_count", "Flows", 128, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.aggregate_stats.pad", "Pad", 160, 32,
	    ST_FMT_BYTES),
};

/* ofp_queue_stats_request and ofp_queue_stats (7.3.5.8), 8 and 40
 * bytes; Wireshark names a queue's tx_errors port_stats.tx_errors. */
static const struct st_field_desc queue_stats_req[] = {
	FD(NULL, "openflow_v4.queue_stats_request.port_no", "Port", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.queue_stats_request.queue_id", "Queue", 32, 32,
	    ST_FMT_DEC),
};
static const struct st_field_desc queue_stats[] = {
	FD(NULL, "openflow_v4.queue_stats.port_no", "Port", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.queue_stats.queue_id", "Queue", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.queue_stats.tx_bytes", "Bytes sent", 64, 64,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.quee_stats.tx_packets", "Packets sent", 128,
	    64, ST_FMT_DEC),
	FD(NULL, "openflow_v4.port_stats.tx_errors", "Transmit errors", 192,
	    64, ST_FMT_DEC),
};
static const struct st_field_desc queue_stats_time[] = {
	FD(NULL, "openflow_v4.queue_stats.duration_sec", "Duration (s)", 256,
	    32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.queue_stats.duration_nsec", "Duration (ns)",
	    288, 32, ST_FMT_DEC),
};

/* ofp_group_features (7.3.5.13), 40 bytes. */
static const struct st_field_desc group_features[] = {
	FW("openflow_v4.group_features.types", 0),
	FB("openflow_v4.group_features.types.all", 0, 0),
	FB("openflow_v4.group_features.types.select", 0, 1),
	FB("openflow_v4.group_features.types.indirect", 0, 2),
	FB("openflow_v4.group_features.types.ff", 0, 3),
	FW("openflow_v4.group_features.capabilities", 4),
	FB("openflow_v4.group_features.capabilities.select_weight", 4, 0),
	FB("openflow_v4.group_features.capabilities.select_liveness", 4, 1),
	FB("openflow_v4.group_features.capabilities.chaining", 4, 2),
	FB("openflow_v4.group_features.capabilities.chaining_checks", 4, 3),
	FD(NULL, "openflow_v4.group_stats.max_groups.all", "Max groups", 64, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.group_stats.max_groups.select", "Max groups", 96, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.group_stats.max_groups.indirect", "Max groups", 128, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.group_stats.max_groups.ff", "Max groups", 160, 32, ST_FMT_DEC),
	FW("openflow_v4.group_features.actions.all", 24),
	FB("openflow_v4.group_features.actions.all.output", 24, 0),
	FB("openflow_v4.group_features.actions.all.copy_ttl_out", 24, 11),
	FB("openflow_v4.group_features.actions.all.copy_ttl_in", 24, 12),
	FB("openflow_v4.group_features.actions.all.set_mpls_ttl", 24, 15),
	FB("openflow_v4.group_features.actions.all.dec_mpls_ttl", 24, 16),
	FB("openflow_v4.group_features.actions.all.push_vlan", 24, 17),
	FB("openflow_v4.group_features.actions.all.pop_vlan", 24, 18),
	FB("openflow_v4.group_features.actions.all.push_mpls", 24, 19),
	FB("openflow_v4.group_features.actions.all.pop_mpls", 24, 20),
	FB("openflow_v4.group_features.actions.all.set_queue", 24, 21),
	FB("openflow_v4.group_features.actions.all.group", 24, 22),
	FB("openflow_v4.group_features.actions.all.set_nw_ttl", 24, 23),
	FB("openflow_v4.group_features.actions.all.dec_nw_ttl", 24, 24),
	FB("openflow_v4.group_features.actions.all.set_field", 24, 25),
	FB("openflow_v4.group_features.actions.all.push_pbb", 24, 26),
	FB("openflow_v4.group_features.actions.all.pop_pbb", 24, 27),
	FW("openflow_v4.group_features.actions.select", 28),
	FB("openflow_v4.group_features.actions.select.output", 28, 0),
	FB("openflow_v4.group_features.actions.select.copy_ttl_out", 28, 11),
	FB("openflow_v4.group_features.actions.select.copy_ttl_in", 28, 12),
	FB("openflow_v4.group_features.actions.select.set_mpls_ttl", 28, 15),
	FB("openflow_v4.group_features.actions.select.dec_mpls_ttl", 28, 16),
	FB("openflow_v4.group_features.actions.select.push_vlan", 28, 17),
	FB("openflow_v4.group_features.actions.select.pop_vlan", 28, 18),
	FB("openflow_v4.group_features.actions.select.push_mpls", 28, 19),
	FB("openflow_v4.group_features.actions.select.pop_mpls", 28, 20),
	FB("openflow_v4.group_features.actions.select.set_queue", 28, 21),
	FB("openflow_v4.group_features.actions.select.group", 28, 22),
	FB("openflow_v4.group_features.actions.select.set_nw_ttl", 28, 23),
	FB("openflow_v4.group_features.actions.select.dec_nw_ttl", 28, 24),
	FB("openflow_v4.group_features.actions.select.set_field", 28, 25),
	FB("openflow_v4.group_features.actions.select.push_pbb", 28, 26),
	FB("openflow_v4.group_features.actions.select.pop_pbb", 28, 27),
	FW("openflow_v4.group_features.actions.indirect", 32),
	FB("openflow_v4.group_features.actions.indirect.output", 32, 0),
	FB("openflow_v4.group_features.actions.indirect.copy_ttl_out", 32, 11),
	FB("openflow_v4.group_features.actions.indirect.copy_ttl_in", 32, 12),
	FB("openflow_v4.group_features.actions.indirect.set_mpls_ttl", 32, 15),
	FB("openflow_v4.group_features.actions.indirect.dec_mpls_ttl", 32, 16),
	FB("openflow_v4.group_features.actions.indirect.push_vlan", 32, 17),
	FB("openflow_v4.group_features.actions.indirect.pop_vlan", 32, 18),
	FB("openflow_v4.group_features.actions.indirect.push_mpls", 32, 19),
	FB("openflow_v4.group_features.actions.indirect.pop_mpls", 32, 20),
	FB("openflow_v4.group_features.actions.indirect.set_queue", 32, 21),
	FB("openflow_v4.group_features.actions.indirect.group", 32, 22),
	FB("openflow_v4.group_features.actions.indirect.set_nw_ttl", 32, 23),
	FB("openflow_v4.group_features.actions.indirect.dec_nw_ttl", 32, 24),
	FB("openflow_v4.group_features.actions.indirect.set_field", 32, 25),
	FB("openflow_v4.group_features.actions.indirect.push_pbb", 32, 26),
	FB("openflow_v4.group_features.actions.indirect.pop_pbb", 32, 27),
	FW("openflow_v4.group_features.actions.ff", 36),
	FB("openflow_v4.group_features.actions.ff.output", 36, 0),
	FB("openflow_v4.group_features.actions.ff.copy_ttl_out", 36, 11),
	FB("openflow_v4.group_features.actions.ff.copy_ttl_in", 36, 12),
	FB("openflow_v4.group_features.actions.ff.set_mpls_ttl", 36, 15),
	FB("openflow_v4.group_features.actions.ff.dec_mpls_ttl", 36, 16),
	FB("openflow_v4.group_features.actions.ff.push_vlan", 36, 17),
	FB("openflow_v4.group_features.actions.ff.pop_vlan", 36, 18),
	FB("openflow_v4.group_features.actions.ff.push_mpls", 36, 19),
	FB("openflow_v4.group_features.actions.ff.pop_mpls", 36, 20),
	FB("openflow_v4.group_features.actions.ff.set_queue", 36, 21),
	FB("openflow_v4.group_features.actions.ff.group", 36, 22),
	FB("openflow_v4.group_features.actions.ff.set_nw_ttl", 36, 23),
	FB("openflow_v4.group_features.actions.ff.dec_nw_ttl", 36, 24),
	FB("openflow_v4.group_features.actions.ff.set_field", 36, 25),
	FB("openflow_v4.group_features.actions.ff.push_pbb", 36, 26),
	FB("openflow_v4.group_features.actions.ff.pop_pbb", 36, 27),
};

/* ofp_port_mod (7.3.4.3): from byte 8 of the message. */
static const struct st_field_desc portmod[] = {
	FD(NULL, "openflow_v4.portmod.port_no", "Port", 64, 32, ST_FMT_DEC),
	FD(NULL, "openflow_v4.portmod.pad", "Pad", 96, 32, ST_FMT_BYTES),
	FD(NULL, "openflow_v4.portmod.hw_addr", "Hardware address", 128, 48,
	    ST_FMT_MAC),
	FD(NULL, "openflow_v4.portmod.pad2", "Pad", 176, 16, ST_FMT_BYTES),
	FW("openflow_v4.portmod.config", 24),
	FB("openflow_v4.portmod.config.port_down", 24, 0),
	FB("openflow_v4.portmod.config.no_recv", 24, 2),
	FB("openflow_v4.portmod.config.no_fwd", 24, 5),
	FB("openflow_v4.portmod.config.no_packet_in", 24, 6),
	FW("openflow_v4.portmod.mask", 28),
	FB("openflow_v4.portmod.mask.port_down", 28, 0),
	FB("openflow_v4.portmod.mask.no_recv", 28, 2),
	FB("openflow_v4.portmod.mask.no_fwd", 28, 5),
	FB("openflow_v4.portmod.mask.no_packet_in", 28, 6),
	FW("openflow_v4.portmod.advertise", 32),
	FB("openflow_v4.portmod.advertise.10mb_hd", 32, 0),
	FB("openflow_v4.portmod.advertise.10mb_fd", 32, 1),
	FB("openflow_v4.portmod.advertise.100mb_hd", 32, 2),
	FB("openflow_v4.portmod.advertise.100mb_fd", 32, 3),
	FB("openflow_v4.portmod.advertise.1gb_hd", 32, 4),
	FB("openflow_v4.portmod.advertise.1gb_fd", 32, 5),
	FB("openflow_v4.portmod.advertise.10gb_fd", 32, 6),
	FB("openflow_v4.portmod.advertise.40gb_fd", 32, 7),
	FB("openflow_v4.portmod.advertise.100_gb_fd", 32, 8),
	FB("openflow_v4.portmod.advertise.1tb_fd", 32, 9),
	FB("openflow_v4.portmod.advertise.other", 32, 10),
	FB("openflow_v4.portmod.advertise.copper", 32, 11),
	FB("openflow_v4.portmod.advertise.fiber", 32, 12),
	FB("openflow_v4.portmod.advertise.autoneg", 32, 13),
	FB("openflow_v4.portmod.advertise.pause", 32, 14),
	FB("openflow_v4.portmod.advertise.pause_asym", 32, 15),
	FD(NULL, "openflow_v4.portmod.pad3", "Pad", 288, 32, ST_FMT_BYTES),
};

/* ofp_table_features (7.3.5.5.1): the 64 bytes before the properties,
 * the name apart; then each property's type and length. */
static const struct st_field_desc tf_head[] = {
	FD(NULL, "openflow_v4.table_features.length", "Length", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_features.table_id", "Table ID", 16, 8,
	    ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_features.pad", "Pad", 24, 40,
	    ST_FMT_BYTES),
};
static const struct st_field_desc tf_name =
	FD(NULL, "openflow_v4.table_features.name", "Name", 64, 256,
	    ST_FMT_TEXT);
static const struct st_field_desc tf_tail[] = {
	FD(NULL, "openflow_v4.table_features.metadata_match",
	    "Metadata match", 320, 64, ST_FMT_HEX),
	FD(NULL, "openflow_v4.table_features.metadata_write",
	    "Metadata write", 384, 64, ST_FMT_HEX),
	FD(NULL, "openflow_v4.table_features.config", "Config", 448, 32,
	    ST_FMT_BYTES),
	FD(NULL, "openflow_v4.table_features.max_entries", "Max entries",
	    480, 32, ST_FMT_DEC),
};
static const struct st_field_desc tf_prop[] = {
	FD(NULL, "openflow_v4.table_feature_prop.type", "Property type", 0,
	    16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_feature_prop.length", "Property length",
	    16, 16, ST_FMT_DEC),
	FD(NULL, "openflow_v4.table_feature_prop.pad", "Pad", 0, 0,
	    ST_FMT_BYTES),
};

/* ofp_async_config (7.3.10): from byte 8 of the message. */
static const struct st_field_desc async_rows[] = {
	FW("openflow_v4.async_config.packet_in_mask.master", 8),
	FB("openflow_v4.async_config.packet_in_mask.master.no_match", 8, 0),
	FB("openflow_v4.async_config.packet_in_mask.master.action", 8, 1),
	FB("openflow_v4.async_config.packet_in_mask.master.invalid_ttl", 8, 2),
	FW("openflow_v4.async_config.packet_in_mask.slave", 12),
	FB("openflow_v4.async_config.packet_in_mask.slave.no_match", 12, 0),
	FB("openflow_v4.async_config.packet_in_mask.slave.action", 12, 1),
	FB("openflow_v4.async_config.packet_in_mask.slave.invalid_ttl", 12, 2),
	FW("openflow_v4.async_config.port_status_mask.master", 16),
	FB("openflow_v4.async_config.port_status_mask.master.add", 16, 0),
	FB("openflow_v4.async_config.port_status_mask.master.delete", 16, 1),
	FB("openflow_v4.async_config.port_status_mask.master.modify", 16, 2),
	FW("openflow_v4.async_config.port_status_mask.slave", 20),
	FB("openflow_v4.async_config.port_status_mask.slave.add", 20, 0),
	FB("openflow_v4.async_config.port_status_mask.slave.delete", 20, 1),
	FB("openflow_v4.async_config.port_status_mask.slave.modify", 20, 2),
	FW("openflow_v4.async_config.flow_removed_mask.master", 24),
	FB("openflow_v4.async_config.flow_removed_mask.master.idle_timeout", 24, 0),
	FB("openflow_v4.async_config.flow_removed_mask.master.hard_timeout", 24, 1),
	FB("openflow_v4.async_config.flow_removed_mask.master.delete", 24, 2),
	FB("openflow_v4.async_config.flow_removed_mask.master.group_delete", 24, 3),
	FW("openflow_v4.async_config.flow_removed_mask.slave", 28),
	FB("openflow_v4.async_config.flow_removed_mask.slave.idle_timeout", 28, 0),
	FB("openflow_v4.async_config.flow_removed_mask.slave.hard_timeout", 28, 1),
	FB("openflow_v4.async_config.flow_removed_mask.slave.delete", 28, 2),
	FB("openflow_v4.async_config.flow_removed_mask.slave.group_delete", 28, 3),
};

/* Rows t[0..n) at byte off of c; a missing byte sets c->err. */
static void
at(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *t,
    size_t n, size_t off)
{
	st_dfields_at(d, c, off, t, n);
}

/* The NUL-padded string of row fd (its width) at byte off, up to its
 * first NUL, escaped. */
static void
nulstr(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off)
{
	char text[4 * 256 + 1];
	struct st_cur w = *c;
	const uint8_t *p;
	size_t n = fd->bits / 8, k;

	if (c->err != ST_OK)
		return;
	w.off += off + fd->bitoff / 8;
	if (off > st_cur_left(c) || (p = st_get_bytes(&w, n)) == NULL) {
		c->err = ST_ETRUNC;
		return;
	}
	for (k = 0; k < n && p[k] != 0; k++)
		;
	st_escape(p, k, text, sizeof(text));
	st_dtext(d, c, fd, off + fd->bitoff / 8, n, text);
}

void
st_of4_port(struct st_dctx *d, struct st_cur *c, size_t pos)
{
	at(d, c, port_head, NFIELDS(port_head), pos);
	nulstr(d, c, &port_name, pos);
	at(d, c, port_tail, NFIELDS(port_tail), pos);
}

/* Records of size sz from byte 16 to len, each through fn. */
static void
records(struct st_dctx *d, struct st_cur *c, size_t len, size_t sz,
    const struct st_field_desc *t, size_t n)
{
	size_t pos;
	unsigned i;

	for (i = 0, pos = 16; i < OF_MAXREC && pos + sz <= len &&
	    c->err == ST_OK; i++, pos += sz) {
		if (t == NULL)
			st_of4_port(d, c, pos);
		else
			at(d, c, t, n, pos);
	}
}

/* One table's features at byte pos, n bytes, its properties' contents
 * with detail (TF_ALL; TF_INS: the instructions' only); 0 when its
 * length lies. */
enum { TF_NONE, TF_ALL, TF_INS };

static int
table_features(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n,
    int detail)
{
	size_t o, plen;
	unsigned i;

	at(d, c, tf_head, NFIELDS(tf_head), pos);
	nulstr(d, c, &tf_name, pos);
	at(d, c, tf_tail, NFIELDS(tf_tail), pos);
	for (i = 0, o = pos + 64; i < OF_MAXREC && o + 4 <= pos + n &&
	    c->err == ST_OK; i++, o += (plen + 7) / 8 * 8) {
		plen = (size_t)st_peek_bits(c, o * 8 + 16, 16);
		at(d, c, tf_prop, 2, o);
		if (c->err != ST_OK)
			return 1;
		if (plen < 4 || o + plen > pos + n) {
			st_dmalformed(d, "table feature property of %zu bytes",
			    plen);
			return 0;
		}
		if (detail == TF_ALL || (detail == TF_INS &&
		    st_peek_bits(c, o * 8, 16) <= 1))
			st_of4_tfprop(d, c, o, plen);
		if (plen % 8 != 0 && o + (plen + 7) / 8 * 8 <= pos + n)
			st_dbytes(d, c, &tf_prop[2], o + plen, 8 - plen % 8);
	}
	return 1;
}

/* The table features records from byte 16 to len, each its own length. */
static void
table_features_list(struct st_dctx *d, struct st_cur *c, size_t len,
    int detail)
{
	size_t pos, n;
	unsigned i;

	for (i = 0, pos = 16; i < OF_MAXREC && pos + 64 <= len &&
	    c->err == ST_OK; i++, pos += n) {
		n = (size_t)st_peek_bits(c, pos * 8, 16);
		if (c->err != ST_OK || n < 64 || pos + n > len) {
			st_dmalformed(d, "table features of %zu bytes", n);
			return;
		}
		if (!table_features(d, c, pos, n, detail))
			return;
	}
}

/* The same, their properties' contents only if all of them fit in the
 * packet (a list cut short would disagree with every other reader), else
 * the instructions' alone if those fit, else none. */
static void
table_features_all(struct st_dctx *d, struct st_cur *c, size_t len)
{
	struct st_dmark m;

	st_dmark(d, &m);
	table_features_list(d, c, len, TF_ALL);
	if (d->pkt->nspilled == m.nspilled)
		return;
	st_drewind(d, &m);
	table_features_list(d, c, len, TF_INS);
	if (d->pkt->nspilled == m.nspilled) {
		st_pkt_note(d->pkt, "table features: only the instruction "
		    "properties' contents are shown, more fields than a "
		    "packet holds");
		return;
	}
	st_drewind(d, &m);
	st_pkt_note(d->pkt, "table features: the properties' contents are "
	    "not shown, more fields than a packet holds");
	table_features_list(d, c, len, TF_NONE);
}

void
st_of4_multipart(struct st_dctx *d, struct st_cur *c, unsigned type,
    size_t len)
{
	unsigned mp;
	size_t i;

	if (len < 16 || c->err != ST_OK)
		return;
	mp = (unsigned)st_peek_bits(c, 64, 16);
	if (st_of4_mp_more(d, c, type, mp, len))
		return;
	if (type == 18) {
		if (mp == 4 && len >= 24)
			at(d, c, port_stats_req, NFIELDS(port_stats_req), 16);
		else if (mp == 5 && len >= 24)
			at(d, c, queue_stats_req, NFIELDS(queue_stats_req),
			    16);
		return;
	}
	switch (mp) {
	case 0:
		if (len < 16 + 1056)
			break;
		for (i = 0; i < NFIELDS(desc_rows); i++)
			nulstr(d, c, &desc_rows[i], 16);
		break;
	case 2:
		if (len >= 16 + 24)
			at(d, c, aggregate, NFIELDS(aggregate), 16);
		break;
	case 5:
		for (i = 0; i < OF_MAXREC && 16 + (i + 1) * 40 <= len; i++) {
			at(d, c, queue_stats, NFIELDS(queue_stats),
			    16 + i * 40);
			at(d, c, queue_stats_time, NFIELDS(queue_stats_time),
			    16 + i * 40);
		}
		break;
	case 3:
		records(d, c, len, 24, table_stats, NFIELDS(table_stats));
		break;
	case 4:
		records(d, c, len, 112, port_stats, NFIELDS(port_stats));
		break;
	case 8:
		if (len >= 16 + 40)
			at(d, c, group_features, NFIELDS(group_features), 16);
		break;
	case 12:
		table_features_all(d, c, len);
		break;
	case 13:
		records(d, c, len, 64, NULL, 0);
		break;
	}
}

void
st_of4_async(struct st_dctx *d, struct st_cur *c, size_t len)
{
	if (len >= 32)
		at(d, c, async_rows, NFIELDS(async_rows), 0);
}

void
st_of4_portmod(struct st_dctx *d, struct st_cur *c, size_t len)
{
	if (len >= 40)
		at(d, c, portmod, NFIELDS(portmod), 0);
}
