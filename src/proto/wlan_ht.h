/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The parts of 802.11 element fields whose bits Wireshark names one by one
 * (the capability information, the HT capabilities element): rows whose
 * .def is the mask of the part in the little-endian field, read by
 * wlan_mgt.c's parts().  Included by wlan_mgt.c only.
 */
#ifndef STRATA_PROTO_WLAN_HT_H
#define STRATA_PROTO_WLAN_HT_H

#define FR(n, l, m, f)	WLAN_PART(n, l, 0, m, f)

static const struct st_field_desc cap_rows[] = {
	FR("wlan.fixed.capabilities.ess", "ESS capabilities", 0x1, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.ibss", "IBSS status", 0x2, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.reserved1", "Reserved", 0x4, ST_FMT_DEC),
	FR("wlan.fixed.capabilities.reserved2", "Reserved", 0x8, ST_FMT_DEC),
	FR("wlan.fixed.capabilities.privacy", "Privacy", 0x10, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.short_preamble",
	    "Short Preamble", 0x20, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.reserved3", "Reserved", 0x40, ST_FMT_DEC),
	FR("wlan.fixed.capabilities.reserved4", "Reserved", 0x80, ST_FMT_DEC),
	FR("wlan.fixed.capabilities.spec_man",
	    "Spectrum Management", 0x100, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.qos", "QoS", 0x200, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.short_slot_time",
	    "Short Slot Time", 0x400, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.apsd",
	    "Automatic Power Save Delivery", 0x800, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.radio_measurement",
	    "Radio Measurement", 0x1000, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.epd", "EPD", 0x2000, ST_FMT_BOOL),
	FR("wlan.fixed.capabilities.reserved5", "Reserved", 0x4000, ST_FMT_DEC),
	FR("wlan.fixed.capabilities.reserved6", "Reserved", 0x8000, ST_FMT_DEC),
};

static const struct st_field_desc htcap_rows[] = {
	FR("wlan.ht.capabilities.ldpccoding",
	    "HT LDPC coding capability", 0x1, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.width",
	    "HT Support channel width", 0x2, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.sm", "HT SM Power Save", 0xc, ST_FMT_DEC),
	FR("wlan.ht.capabilities.green", "HT Green Field", 0x10, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.short20",
	    "HT Short GI for 20MHz", 0x20, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.short40",
	    "HT Short GI for 40MHz", 0x40, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.txstbc", "HT Tx STBC", 0x80, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.rxstbc", "HT Rx STBC", 0x300, ST_FMT_DEC),
	FR("wlan.ht.capabilities.delayedblockack",
	    "HT Delayed Block ACK", 0x400, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.amsdu",
	    "HT Max A-MSDU length", 0x800, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.dsscck",
	    "HT DSSS/CCK mode in 40MHz", 0x1000, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.psmp", "HT PSMP Support", 0x2000, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.40mhzintolerant",
	    "HT Forty MHz Intolerant", 0x4000, ST_FMT_BOOL),
	FR("wlan.ht.capabilities.lsig",
	    "HT L-SIG TXOP Protection support", 0x8000, ST_FMT_BOOL),
};

static const struct st_field_desc ampdu_rows[] = {
	FR("wlan.ht.ampduparam.maxlength",
	    "Maximum Rx A-MPDU Length", 0x3, ST_FMT_DEC),
	FR("wlan.ht.ampduparam.mpdudensity", "MPDU Density", 0x1c, ST_FMT_DEC),
	FR("wlan.ht.ampduparam.reserved", "Reserved", 0xe0, ST_FMT_DEC),
};

static const struct st_field_desc mcs0_rows[] = {
	FR("wlan.ht.mcsset.rxbitmask.0to7",
	    "Rx Bitmask Bits 0-7", 0xff, ST_FMT_DEC),
	FR("wlan.ht.mcsset.rxbitmask.8to15",
	    "Rx Bitmask Bits 8-15", 0xff00, ST_FMT_DEC),
	FR("wlan.ht.mcsset.rxbitmask.16to23",
	    "Rx Bitmask Bits 16-23", 0xff0000, ST_FMT_DEC),
	FR("wlan.ht.mcsset.rxbitmask.24to31",
	    "Rx Bitmask Bits 24-31", 0xff000000, ST_FMT_DEC),
};

static const struct st_field_desc mcs1_rows[] = {
	FR("wlan.ht.mcsset.rxbitmask.32", "Rx Bitmask Bit 32", 0x1, ST_FMT_DEC),
	FR("wlan.ht.mcsset.rxbitmask.33to38",
	    "Rx Bitmask Bits 33-38", 0x7e, ST_FMT_DEC),
	FR("wlan.ht.mcsset.rxbitmask.39to52",
	    "Rx Bitmask Bits 39-52", 0x1fff80, ST_FMT_DEC),
};

static const struct st_field_desc mcs2_rows[] = {
	FR("wlan.ht.mcsset.rxbitmask.53to76",
	    "Rx Bitmask Bits 53-76", 0x1fffffe0, ST_FMT_DEC),
};

static const struct st_field_desc mcs3_rows[] = {
	FR("wlan.ht.mcsset.highestdatarate",
	    "Highest Supported Data Rate", 0x3ff, ST_FMT_DEC),
};

static const struct st_field_desc mcs4_rows[] = {
	FR("wlan.ht.mcsset.txsetdefined",
	    "Tx Supported MCS Set", 0x1, ST_FMT_BOOL),
	FR("wlan.ht.mcsset.txrxmcsnotequal",
	    "Tx and Rx MCS Set", 0x2, ST_FMT_BOOL),
	FR("wlan.ht.mcsset.txmaxss",
	    "Maximum Number of Tx Spatial Streams", 0xc, ST_FMT_DEC),
	FR("wlan.ht.mcsset.txunequalmod",
	    "Unequal Modulation", 0x10, ST_FMT_BOOL),
};

static const struct st_field_desc htex_rows[] = {
	FR("wlan.htex.capabilities.pco",
	    "Transmitter supports PCO", 0x1, ST_FMT_BOOL),
	FR("wlan.htex.capabilities.transtime",
	    "Time needed to transition between 20MHz", 0x6, ST_FMT_DEC),
	FR("wlan.htex.capabilities.mcs",
	    "MCS Feedback capability", 0x300, ST_FMT_DEC),
	FR("wlan.htex.capabilities.htc", "High Throughput", 0x400, ST_FMT_BOOL),
	FR("wlan.htex.capabilities.rdresponder",
	    "Reverse Direction Responder", 0x800, ST_FMT_BOOL),
};

static const struct st_field_desc txbf_rows[] = {
	FR("wlan.txbf.txbf", "Transmit Beamforming", 0x1, ST_FMT_BOOL),
	FR("wlan.txbf.rxss", "Receive Staggered Sounding", 0x2, ST_FMT_BOOL),
	FR("wlan.txbf.txss", "Transmit Staggered Sounding", 0x4, ST_FMT_BOOL),
	FR("wlan.txbf.rxndp",
	    "Receive Null Data packet (NDP)", 0x8, ST_FMT_BOOL),
	FR("wlan.txbf.txndp",
	    "Transmit Null Data packet (NDP)", 0x10, ST_FMT_BOOL),
	FR("wlan.txbf.impltxbf", "Implicit TxBF capable", 0x20, ST_FMT_BOOL),
	FR("wlan.txbf.calibration", "Calibration", 0xc0, ST_FMT_DEC),
	FR("wlan.txbf.csi",
	    "STA can apply TxBF using CSI explicit", 0x100, ST_FMT_BOOL),
	FR("wlan.txbf.fm.uncompressed.tbf",
	    "STA can apply TxBF using uncompressed", 0x200, ST_FMT_BOOL),
	FR("wlan.txbf.fm.compressed.tbf",
	    "STA can apply TxBF using compressed", 0x400, ST_FMT_BOOL),
	FR("wlan.txbf.rcsi",
	    "Receiver can return explicit CSI", 0x1800, ST_FMT_DEC),
	FR("wlan.txbf.fm.uncompressed.rbf",
	    "Receiver can return explicit", 0x6000, ST_FMT_DEC),
	FR("wlan.txbf.fm.compressed.bf",
	    "STA can compress and use compressed", 0x18000, ST_FMT_DEC),
	FR("wlan.txbf.mingroup",
	    "Minimal grouping used for explicit", 0x60000, ST_FMT_DEC),
	FR("wlan.txbf.csinumant",
	    "Max antennae STA can support when CSI", 0x180000, ST_FMT_DEC),
	FR("wlan.txbf.fm.uncompressed.maxant",
	    "Max antennae STA can support when", 0x600000, ST_FMT_DEC),
	FR("wlan.txbf.fm.compressed.maxant",
	    "Max antennae STA can support when", 0x1800000, ST_FMT_DEC),
	FR("wlan.txbf.csi.maxrows",
	    "Maximum number of rows of CSI explicit", 0x6000000, ST_FMT_DEC),
	FR("wlan.txbf.channelest",
	    "Maximum number of space time streams", 0x18000000, ST_FMT_DEC),
	FR("wlan.txbf.reserved", "Reserved", 0xe0000000, ST_FMT_DEC),
};

static const struct st_field_desc asel_rows[] = {
	FR("wlan.asel.capable", "Antenna Selection Capable", 0x1, ST_FMT_BOOL),
	FR("wlan.asel.txcsi",
	    "Explicit CSI Feedback Based Tx ASEL", 0x2, ST_FMT_BOOL),
	FR("wlan.asel.txif",
	    "Antenna Indices Feedback Based Tx ASEL", 0x4, ST_FMT_BOOL),
	FR("wlan.asel.csi", "Explicit CSI Feedback", 0x8, ST_FMT_BOOL),
	FR("wlan.asel.if", "Antenna Indices Feedback", 0x10, ST_FMT_BOOL),
	FR("wlan.asel.rx", "Rx ASEL", 0x20, ST_FMT_BOOL),
	FR("wlan.asel.sppdu", "Tx Sounding PPDUs", 0x40, ST_FMT_BOOL),
	FR("wlan.asel.reserved", "Reserved", 0x80, ST_FMT_DEC),
};

/* The whole fields of the HT capabilities element beyond the first. */
static const struct st_field_desc ht_whole[] = {
	FD(NULL, "wlan.ht.ampduparam", "A-MPDU parameters", 0, 8, ST_FMT_HEX),
	FD(NULL, "wlan.htex.capabilities", "HT extended capabilities", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "wlan.txbf", "Transmit beamforming capabilities", 0, 32,
	    ST_FMT_HEX),
	FD(NULL, "wlan.asel", "Antenna selection capabilities", 0, 8,
	    ST_FMT_HEX),
};

/*
 * A run of an element: its whole little-endian field of bytes at off
 * (none when NULL) and the n parts of it in rows (wlan_mgt.c's runs()).
 */
struct wlan_run {
	const struct st_field_desc *whole;	/* or NULL */
	const struct st_field_desc *rows;	/* or NULL */
	uint8_t		 n;
	uint8_t		 off;
	uint8_t		 bytes;
};

/* The HT capabilities element (26 bytes): where each run of parts is. */
static const struct wlan_run ht_parts[] = {
	{ NULL, htcap_rows, NFIELDS(htcap_rows), 0, 2 },
	{ &ht_whole[0], ampdu_rows, NFIELDS(ampdu_rows), 2, 1 },
	{ NULL, mcs0_rows, NFIELDS(mcs0_rows), 3, 4 },
	{ NULL, mcs1_rows, NFIELDS(mcs1_rows), 7, 4 },
	{ NULL, mcs2_rows, NFIELDS(mcs2_rows), 9, 4 },
	{ NULL, mcs3_rows, NFIELDS(mcs3_rows), 13, 2 },
	{ NULL, mcs4_rows, NFIELDS(mcs4_rows), 15, 1 },
	{ &ht_whole[1], htex_rows, NFIELDS(htex_rows), 19, 2 },
	{ &ht_whole[2], txbf_rows, NFIELDS(txbf_rows), 21, 4 },
	{ &ht_whole[3], asel_rows, NFIELDS(asel_rows), 25, 1 },
};

#endif
