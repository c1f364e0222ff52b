/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IEEE 802.15.4's field table and value names (wpan.h), apart from its
 * decoder (wpan.c), which would otherwise pass 600 lines.  Numbers are
 * little-endian: a row that is a part of one counts its bits from the
 * top of the number, as st_dle reads it.
 */
#include "wpan.h"

const struct st_valname wpan_type_names[] = {
	{ 0, "Beacon" }, { 1, "Data" }, { 2, "Ack" }, { 3, "Command" },
	{ 4, "Reserved" }, { 5, "Multipurpose" }, { 6, "Fragment" },
	{ 7, "Extended" }, { 0, NULL }
};

static const struct st_valname mode_names[] = {
	{ 0, "None" }, { 1, "Reserved" }, { 2, "Short/16-bit" },
	{ 3, "Long/64-bit" }, { 0, NULL }
};

static const struct st_valname ver_names[] = {
	{ 0, "IEEE Std 802.15.4-2003" }, { 1, "IEEE Std 802.15.4-2006" },
	{ 2, "IEEE Std 802.15.4-2015" }, { 3, "Reserved" }, { 0, NULL }
};

const struct st_valname wpan_cmd_names[] = {
	{ 0x01, "Association Request" }, { 0x02, "Association Response" },
	{ 0x03, "Disassociation Notification" }, { 0x04, "Data Request" },
	{ 0x05, "PAN ID Conflict" }, { 0x06, "Orphan Notification" },
	{ 0x07, "Beacon Request" }, { 0x08, "Coordinator Realignment" },
	{ 0x09, "GTS Request" }, { 0, NULL }
};

static const struct st_valname assoc_names[] = {
	{ 0x00, "Association Successful" }, { 0x01, "PAN at Capacity" },
	{ 0x02, "PAN Access Denied" }, { 0, NULL }
};

static const struct st_valname level_names[] = {
	{ 0, "No Security" }, { 1, "MIC-32" }, { 2, "MIC-64" },
	{ 3, "MIC-128" }, { 4, "ENC" }, { 5, "ENC-MIC-32" },
	{ 6, "ENC-MIC-64" }, { 7, "ENC-MIC-128" }, { 0, NULL }
};

/* Parts of a little-endian number: bit offsets from its top. */
const struct st_field_desc wpan_fields[F_NROWS] = {
	[F_LEN] = FDG("wpan.frame_length", "Frame length", ST_FMT_DEC, NULL),
	[F_FCF] = FD("fcf", "wpan.fcf", "Frame control field", 0, 16,
	    ST_FMT_HEX),
	[F_TYPE] = FDDN("type", "wpan.frame_type", "Frame type", 13, 3,
	    ST_FMT_HEX, wpan_type_names),
	[F_SEC] = FDD(NULL, "wpan.security", "Security enabled", 12, 1,
	    ST_FMT_BOOL),
	[F_PEND] = FDD(NULL, "wpan.pending", "Frame pending", 11, 1,
	    ST_FMT_BOOL),
	[F_ACKR] = FDD(NULL, "wpan.ack_request", "Acknowledge request", 10,
	    1, ST_FMT_BOOL),
	[F_COMP] = FDD(NULL, "wpan.pan_id_compression", "PAN ID compression",
	    9, 1, ST_FMT_BOOL),
	[F_RES] = FDD(NULL, "wpan.fcf.reserved", "Reserved", 8, 1,
	    ST_FMT_BOOL),
	[F_SNS] = FDD(NULL, "wpan.seqno_suppression", "Sequence number "
	    "suppression", 7, 1, ST_FMT_BOOL),
	[F_IE] = FDD(NULL, "wpan.ie_present", "Information elements present",
	    6, 1, ST_FMT_BOOL),
	[F_DAM] = FDDN(NULL, "wpan.dst_addr_mode", "Destination addressing "
	    "mode", 4, 2, ST_FMT_HEX, mode_names),
	[F_VER] = FDDN(NULL, "wpan.version", "Frame version", 2, 2,
	    ST_FMT_DEC, ver_names),
	[F_SAM] = FDDN(NULL, "wpan.src_addr_mode", "Source addressing mode",
	    0, 2, ST_FMT_HEX, mode_names),
	[F_SEQ] = FD("seq", "wpan.seq_no", "Sequence number", 0, 8,
	    ST_FMT_DEC),
	[F_DPAN] = FD(NULL, "wpan.dst_pan", "Destination PAN", 0, 16,
	    ST_FMT_HEX),
	[F_DST16] = FD("dst", "wpan.dst16", "Destination", 0, 16,
	    ST_FMT_HEX),
	[F_DST64] = FD(NULL, "wpan.dst64", "Destination", 0, 64,
	    ST_FMT_TEXT),
	[F_SPAN] = FD(NULL, "wpan.src_pan", "Source PAN", 0, 16, ST_FMT_HEX),
	[F_SRC16] = FD("src", "wpan.src16", "Source", 0, 16, ST_FMT_HEX),
	[F_SRC64] = FD(NULL, "wpan.src64", "Extended source", 0, 64,
	    ST_FMT_TEXT),
	[F_SCF] = FD(NULL, "wpan.aux_sec.security_control_field",
	    "Security control field", 0, 8, ST_FMT_HEX),
	[F_SLVL] = FDDN(NULL, "wpan.aux_sec.sec_level", "Security level", 5,
	    3, ST_FMT_HEX, level_names),
	[F_KIM] = FDD(NULL, "wpan.aux_sec.key_id_mode", "Key identifier mode",
	    3, 2, ST_FMT_HEX),
	[F_FCSUP] = FDD(NULL, "wpan.aux_sec.frame_counter_suppression",
	    "Frame counter suppression", 2, 1, ST_FMT_BOOL),
	[F_ASN] = FDD(NULL, "wpan.aux_sec.asn_in_nonce", "ASN in nonce", 1,
	    1, ST_FMT_BOOL),
	[F_SRES] = FDD(NULL, "wpan.aux_sec.reserved", "Reserved", 0, 1,
	    ST_FMT_HEX),
	[F_FCNT] = FD(NULL, "wpan.aux_sec.frame_counter", "Frame counter", 0,
	    32, ST_FMT_DEC),
	[F_KSRC] = FD(NULL, "wpan.aux_sec.key_source", "Key source", 0, 64,
	    ST_FMT_HEX),
	[F_KIDX] = FD(NULL, "wpan.aux_sec.key_index", "Key index", 0, 8,
	    ST_FMT_HEX),
	[F_FCNT03] = FD(NULL, "wpan.sec_frame_counter", "Frame counter", 0,
	    32, ST_FMT_HEX),
	[F_KSC] = FD(NULL, "wpan.sec_key_sequence_counter", "Key sequence "
	    "counter", 0, 8, ST_FMT_HEX),
	[F_MIC] = FD(NULL, "wpan.mic", "MIC", 0, 0, ST_FMT_BYTES),
	[F_SFS] = FD(NULL, "strata.wpan.superframe", "Superframe "
	    "specification", 0, 16, ST_FMT_HEX),
	[F_BO] = FDD(NULL, "wpan.beacon_order", "Beacon interval (order)", 12,
	    4, ST_FMT_DEC),
	[F_SO] = FDD(NULL, "wpan.superframe_order", "Superframe interval "
	    "(order)", 8, 4, ST_FMT_DEC),
	[F_CAP] = FDD(NULL, "wpan.cap", "Final CAP slot", 4, 4, ST_FMT_DEC),
	[F_BEXT] = FDD(NULL, "wpan.battery_ext", "Battery extension", 3, 1,
	    ST_FMT_BOOL),
	[F_COORD] = FDD(NULL, "wpan.bcn_coord", "PAN coordinator", 1, 1,
	    ST_FMT_BOOL),
	[F_APERMIT] = FDD(NULL, "wpan.assoc_permit", "Association permit", 0,
	    1, ST_FMT_BOOL),
	[F_GTS] = FD(NULL, "strata.wpan.gts", "GTS specification", 0, 8,
	    ST_FMT_HEX),
	[F_GTSCNT] = FDD(NULL, "wpan.gts.count", "GTS descriptor count", 5,
	    3, ST_FMT_DEC),
	[F_GTSPERMIT] = FDD(NULL, "wpan.gts.permit", "GTS permit", 0, 1,
	    ST_FMT_BOOL),
	[F_GTSDIRS] = FD(NULL, "strata.wpan.gts.directions", "GTS "
	    "directions", 0, 8, ST_FMT_HEX),
	[F_GTSDIR] = FDG("wpan.gts.direction", "Direction (receive)",
	    ST_FMT_BOOL, NULL),
	[F_GTSADDR] = FD(NULL, "wpan.gts.address", "Address", 0, 16,
	    ST_FMT_HEX),
	[F_GTSSLOT] = FD(NULL, "strata.wpan.gts.slot", "Starting slot and "
	    "length", 0, 8, ST_FMT_HEX),
	[F_PSPEC] = FD(NULL, "strata.wpan.pending", "Pending address "
	    "specification", 0, 8, ST_FMT_HEX),
	[F_P16] = FD(NULL, "wpan.pending16", "Address", 0, 16, ST_FMT_HEX),
	[F_P64] = FD(NULL, "wpan.pending64", "Address", 0, 64, ST_FMT_TEXT),
	[F_CMD] = FDN("cmd", "wpan.cmd", "Command identifier", 0, 8,
	    ST_FMT_HEX, wpan_cmd_names),
	[F_CINFO] = FD(NULL, "strata.wpan.cinfo", "Capability information",
	    0, 8, ST_FMT_HEX),
	[F_CALT] = FDD(NULL, "wpan.cinfo.alt_coord", "Alternate PAN "
	    "coordinator", 7, 1, ST_FMT_BOOL),
	[F_CDEV] = FDD(NULL, "wpan.cinfo.device_type", "Device type (FFD)",
	    6, 1, ST_FMT_BOOL),
	[F_CPWR] = FDD(NULL, "wpan.cinfo.power_src", "Power source (mains)",
	    5, 1, ST_FMT_BOOL),
	[F_CIDLE] = FDD(NULL, "wpan.cinfo.idle_rx", "Receive on when idle",
	    4, 1, ST_FMT_BOOL),
	[F_CSEC] = FDD(NULL, "wpan.cinfo.sec_capable", "Security capability",
	    1, 1, ST_FMT_BOOL),
	[F_CALLOC] = FDD(NULL, "wpan.cinfo.alloc_addr", "Allocate address",
	    0, 1, ST_FMT_BOOL),
	[F_AADDR] = FD(NULL, "wpan.asoc.addr", "Short address", 0, 16,
	    ST_FMT_HEX),
	[F_ASTAT] = FDN(NULL, "wpan.assoc.status", "Association status", 0,
	    8, ST_FMT_HEX, assoc_names),
	[F_DREASON] = FD(NULL, "wpan.disassoc.reason", "Disassociation "
	    "reason", 0, 8, ST_FMT_HEX),
	[F_GREQ] = FD(NULL, "strata.wpan.gtsreq", "GTS characteristics", 0,
	    8, ST_FMT_HEX),
	[F_GLEN] = FDD(NULL, "wpan.gtsreq.length", "GTS length", 4, 4,
	    ST_FMT_DEC),
	[F_GDIR] = FDD(NULL, "wpan.gtsreq.direction", "GTS direction "
	    "(receive)", 3, 1, ST_FMT_BOOL),
	[F_GTYPE] = FDD(NULL, "wpan.gtsreq.type", "Characteristic type "
	    "(allocation)", 2, 1, ST_FMT_BOOL),
	[F_FCS] = { .name = "wpan.fcs", .label = "FCS", .bits = 16,
	    .fmt = ST_FMT_HEX, .flags = ST_DF_CKSUM },
	[F_FCSOK] = FDG("wpan.fcs_ok", "FCS valid", ST_FMT_BOOL, NULL),
	[F_RSSI] = { .name = "wpan.rssi", .label = "RSSI", .bits = 8,
	    .fmt = ST_FMT_DEC, .flags = ST_DF_SIGNED },
	[F_META] = FD(NULL, "strata.wpan.cc24xx", "FCS valid and "
	    "correlation", 0, 8, ST_FMT_HEX),
	[F_CORR] = FDD(NULL, "wpan.correlation", "LQI correlation value", 1,
	    7, ST_FMT_DEC),
};
