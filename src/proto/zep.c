/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ZigBee Encapsulation Protocol (ZEP, UDP 17754): an IEEE 802.15.4 frame
 * a sniffer (a TI or Exegin radio) forwards over UDP, with the channel it
 * heard it on and its link quality.
 *
 * Version 1 (16 bytes):        Version 2 data (32 bytes), ack (8):
 * +------+---+----+------+     +------+---+----+----+------+----+----+
 * | "EX" | 1 | ch | dev  |     | "EX" | 2 |type| ch | dev  |mode|lqi |
 * +------+---+----+------+     +------+---+----+----+------+----+----+
 * | mode | lqi | res (7) |     | NTP time (8) | seq (4) | res (10)   |
 * +------+-----+---------+     +--------------+---------+------------+
 * | length |  frame ...        | length | frame ...
 *
 * The mode says how the frame ends: 1 (CRC) in its FCS, 0 (LQI) in TI
 * CC24xx metadata (RSSI, FCS valid, correlation) in the FCS's place.
 */
#include <pcap/dlt.h>

#include "strata/ntptime.h"
#include "strata/out.h"
#include "fields.h"

enum {
	F_PREAMBLE, F_VER, F_TYPE, F_CHAN, F_DEV, F_MODE, F_LQI, F_TIME,
	F_SEQ, F_RES1, F_LEN, F_NROWS
};

static const struct st_valname type_names[] = {
	{ 1, "Data" }, { 2, "Ack" }, { 0, NULL }
};

static const struct st_valname mode_names[] = {
	{ 0, "LQI" }, { 1, "CRC" }, { 0, NULL }
};

/* Bit offsets are version 2's; version 1's fields are placed apart. */
static const struct st_field_desc zep_fields[] = {
	[F_PREAMBLE] = FD(NULL, "zep.protocol_id", "Protocol ID", 0, 16,
	    ST_FMT_TEXT),
	[F_VER] = FD("ver", "zep.version", "Version", 16, 8, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "zep.type", "Type", 24, 8, ST_FMT_DEC,
	    type_names),
	[F_CHAN] = FD("chan", "zep.channel_id", "Channel ID", 32, 8,
	    ST_FMT_DEC),
	[F_DEV] = FD(NULL, "zep.device_id", "Device ID", 40, 16, ST_FMT_DEC),
	[F_MODE] = FDN(NULL, "zep.lqi_mode", "LQI/CRC mode", 56, 8,
	    ST_FMT_BOOL, mode_names),
	[F_LQI] = FD(NULL, "zep.lqi", "Link quality indication", 64, 8,
	    ST_FMT_DEC),
	[F_TIME] = FD(NULL, "zep.time", "Timestamp", 72, 64, ST_FMT_TEXT),
	[F_SEQ] = FD("seq", "zep.seqno", "Sequence number", 136, 32,
	    ST_FMT_DEC),
	[F_RES1] = FD(NULL, "zep.reserved_field", "Reserved fields", 64, 64,
	    ST_FMT_BYTES),
	[F_LEN] = FD(NULL, "zep.length", "Length", 248, 8, ST_FMT_DEC),
};

/* Version 1's rows: the same fields, 8 bits earlier from the channel. */
static const struct st_field_desc zep1_fields[] = {
	FD("chan", "zep.channel_id", "Channel ID", 24, 8, ST_FMT_DEC),
	FD(NULL, "zep.device_id", "Device ID", 32, 16, ST_FMT_DEC),
	FDN(NULL, "zep.lqi_mode", "LQI/CRC mode", 48, 8, ST_FMT_BOOL,
	    mode_names),
	FD(NULL, "zep.lqi", "Link quality indication", 56, 8, ST_FMT_DEC),
	/* tshark's reserved bytes run over the length byte after them */
	FD(NULL, "zep.reserved_field", "Reserved fields", 64, 64,
	    ST_FMT_BYTES),
	FD(NULL, "zep.length", "Length", 120, 8, ST_FMT_DEC),
};

/* An ack's sequence number, after its type. */
static const struct st_field_desc zep_ack_seq =
    FD("seq", "zep.seqno", "Sequence number", 32, 32, ST_FMT_DEC);

static int
zep_decode(struct st_dctx *d, struct st_cur *c)
{
	const uint8_t *p;
	struct st_cur t = *c;
	unsigned ver, type = 1;
	size_t hdr;
	int mode;

	if ((p = st_get_bytes(&t, 3)) == NULL)
		return ST_ETRUNC;
	if (p[0] != 'E' || p[1] != 'X')
		return ST_ENOTME;
	st_dtext(d, c, &zep_fields[F_PREAMBLE], 0, 2, "EX");
	st_dfield(d, c, &zep_fields[F_VER]);
	ver = p[2];
	if (ver == 1) {
		st_dfields(d, c, zep1_fields, NFIELDS(zep1_fields));
		hdr = 16;
		mode = (int)st_peek_bits(c, 48, 8);
	} else if (ver == 2) {
		if (st_dfield(d, c, &zep_fields[F_TYPE]) == NULL)
			return c->err;
		type = (unsigned)st_peek_bits(c, 24, 8);
		if (type == 2) {
			if (st_dfield(d, c, &zep_ack_seq) == NULL)
				return c->err;
			d->hdr = 8;
			d->plen = 0;
			return ST_OK;
		}
		st_dfields(d, c, zep_fields + F_CHAN, 4);
		st_dntptime(d, c, &zep_fields[F_TIME], 9,
		    "Jan  1, 1970 00:00:00.000000000 UTC");
		st_dfield(d, c, &zep_fields[F_SEQ]);
		st_dfield(d, c, &zep_fields[F_LEN]);
		hdr = 32;
		mode = (int)st_peek_bits(c, 56, 8);
	} else
		return st_dmalformed(d, "version %u (1 and 2 are defined)",
		    ver);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = hdr;
	if (type != 1) {
		d->data = 1;
		return ST_OK;
	}
	d->plen = (size_t)st_peek_bits(c, hdr * 8 - 8, 8);
	if (mode) {
		d->next_key = ST_KEY_LINK;
		d->next_val = 195;	/* DLT_IEEE802_15_4_WITHFCS */
	} else {
		d->next_key = ST_KEY_WPAN;
		d->next_val = ST_WPAN_CC24XX;
	}
	return ST_OK;
}

static const struct st_bind zep_binds[] = {
	{ ST_KEY_UDPPORT, 17754 },
};

/* "zep v2 channel 15 seq 77" (before the frame's facts). */
static int
zep_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS], *ch, *seq;

	st_ly_fields(s->pkt, ly, zep_fields, F_NROWS, f);
	st_out_puts(s->o, "zep v");
	s->value(s, f[F_VER]);
	ch = f[F_CHAN] != NULL ? f[F_CHAN] :
	    st_pkt_fd(s->pkt, ly, &zep1_fields[0]);
	if (f[F_TYPE] != NULL && f[F_TYPE]->val == 2)
		st_out_puts(s->o, " ack");
	if (ch != NULL) {
		st_out_puts(s->o, " channel ");
		s->value(s, ch);
	}
	seq = f[F_SEQ] != NULL ? f[F_SEQ] : st_pkt_fd(s->pkt, ly,
	    &zep_ack_seq);
	if (seq != NULL) {
		st_out_puts(s->o, " seq ");
		s->value(s, seq);
	}
	return 1;
}

static const struct st_field_desc *const zep_keys[] = {
	&zep_fields[F_VER], &zep_fields[F_CHAN], &zep_fields[F_SEQ], NULL,
};

const struct st_proto st_proto_zep = {
	.name = "zep",
	.ws = "zep",
	.title = "ZigBee Encapsulation Protocol",
	.rfc = "Exegin ZEP",
	.role = ST_ROLE_LINK,	/* a shim before the carried frame */
	.flags = ST_PF_TUNNEL,
	.fields = zep_fields,
	.nfields = NFIELDS(zep_fields),
	.more = zep1_fields,
	.nmore = NFIELDS(zep1_fields),
	.decode = zep_decode,
	.binds = zep_binds,
	.nbinds = NFIELDS(zep_binds),
	.summary = zep_summary,
	.keys = zep_keys,
	.color = "\033[33m",
	.explain = "An IEEE 802.15.4 frame a sniffer heard, forwarded over "
	    "UDP port 17754 after \"EX\" and a version: the radio channel "
	    "(11 to 26 at 2.4 GHz), the sniffer's device ID, the link "
	    "quality, and in version 2 an NTP timestamp and a sequence "
	    "number. The mode says whether the frame ends in its own FCS "
	    "(CRC mode) or in the radio's RSSI and correlation (LQI mode). "
	    "A version 2 ack carries only a sequence number.",
};
