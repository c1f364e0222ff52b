/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TZSP, the TaZmen Sniffer Protocol (UDP 37008): a remote sensor (a
 * MikroTik router's packet sniffer, a wireless IDS probe) sends each
 * frame it captures to an analyser inside a UDP datagram:
 *
 *   version(1) type(1) encapsulation(2) | tags ... END | the frame
 *
 * Tags are one byte, and but for PAD (0) and END (1) a length byte and a
 * value: the radio's signal and noise, rate, channel, timestamp, FCS
 * and decryption status, the frame's original length, the sensor's MAC.
 * The frame goes on by its encapsulation: 1 Ethernet, 18 IEEE 802.11
 * (119 Prism and 127 AVS headers are not decoded by strata: data).
 * Keepalives (type 4) and port openers (5) carry no tags.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define TZSP_HDR	4
#define TZSP_PAD	0
#define TZSP_END	1

enum { F_VER, F_TYPE, F_ENCAP, O_TAG, O_LEN, O_SIGNAL, O_NOISE, O_RATE,
	O_TIME, O_MSGTYPE, O_PCF, O_UNDECR, O_FCSERR, O_CHANNEL, O_ORIGLEN,
	O_SENSOR, O_UNKNOWN, F_NFIELDS };

static const struct st_valname tzsp_type_names[] = {
	{ 0, "Received tag list" }, { 1, "Packet for transmit" },
	{ 2, "Reserved" }, { 3, "Configuration" }, { 4, "Keepalive" },
	{ 5, "Port opener" }, { 0, NULL }
};

static const struct st_valname tzsp_encap_names[] = {
	{ 1, "Ethernet" }, { 18, "IEEE 802.11" }, { 119, "Prism header" },
	{ 127, "WLAN AVS" }, { 0, NULL }
};

static const struct st_valname tzsp_msgtype_names[] = {
	{ 0, "Normal" }, { 1, "RFC1042 encoded" },
	{ 2, "Bridge-tunnel encoded" }, { 4, "802.11 management frame" },
	{ 0, NULL }
};

static const struct st_valname tzsp_tag_names[] = {
	{ 0, "Pad" }, { 1, "End" }, { 10, "Signal" }, { 11, "Silence" },
	{ 12, "Rate" }, { 13, "Time" }, { 14, "Message type" },
	{ 15, "PCF" }, { 16, "Undecrypted" }, { 17, "Frame check sequence" },
	{ 18, "Channel" }, { 41, "Original Length" }, { 60, "Sensor MAC" },
	{ 0, NULL }
};

/* A signed value of w bits at a tag's value. */
#define FDS(k, n, l, w) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = 0, .bits = (w), \
	  .fmt = ST_FMT_DEC, .flags = ST_DF_SIGNED }

static const struct st_field_desc tzsp_fields[F_NFIELDS] = {
	[F_VER] = FD(NULL, "tzsp.version", "Version", 0, 8, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "tzsp.type", "Type", 8, 8, ST_FMT_DEC,
	    tzsp_type_names),
	[F_ENCAP] = FDN("encap", "tzsp.encap", "Encapsulation", 16, 16,
	    ST_FMT_DEC, tzsp_encap_names),
	/* a tag, from its start */
	[O_TAG] = FDN(NULL, "tzsp.option_tag", "Option tag", 0, 8,
	    ST_FMT_DEC, tzsp_tag_names),
	[O_LEN] = FD(NULL, "tzsp.option_length", "Option length", 8, 8,
	    ST_FMT_DEC),
	/* values, from the value's start */
	[O_SIGNAL] = FDS("signal", "tzsp.wlan.signal", "Signal (dBm)", 8),
	[O_NOISE] = FDS(NULL, "tzsp.wlan.silence", "Silence (dBm)", 8),
	[O_RATE] = FD(NULL, "tzsp.wlan.rate", "Rate", 0, 8, ST_FMT_DEC),
	[O_TIME] = FD(NULL, "tzsp.wlan.time", "Time", 0, 32, ST_FMT_HEX),
	[O_MSGTYPE] = FDN(NULL, "tzsp.wlan.status.msg_type", "Message type",
	    0, 8, ST_FMT_HEX, tzsp_msgtype_names),
	[O_PCF] = FD(NULL, "tzsp.wlan.status.pcf", "PCF", 0, 8, ST_FMT_BOOL),
	[O_UNDECR] = FD(NULL, "tzsp.wlan.status.undecrypted", "Undecrypted",
	    0, 8, ST_FMT_BOOL),
	[O_FCSERR] = FD(NULL, "tzsp.wlan.status.fcs_err", "FCS error", 0, 8,
	    ST_FMT_BOOL),
	[O_CHANNEL] = FD("channel", "tzsp.wlan.channel", "Channel", 0, 8,
	    ST_FMT_DEC),
	[O_ORIGLEN] = FDS(NULL, "tzsp.original_length", "Original length",
	    16),
	[O_SENSOR] = FD("sensor", "tzsp.sensormac", "Sensor address", 0, 48,
	    ST_FMT_MAC),
	[O_UNKNOWN] = FD(NULL, "tzsp.unknown", "Unknown tag", 0, 0,
	    ST_FMT_BYTES),
};

/* The row a tag's value is shown by and the length it needs. */
static int
tzsp_row(unsigned tag, size_t *need)
{
	static const struct { unsigned char tag, row, need; } t[] = {
		{ 10, O_SIGNAL, 1 }, { 11, O_NOISE, 1 }, { 12, O_RATE, 1 },
		{ 13, O_TIME, 4 }, { 14, O_MSGTYPE, 1 }, { 15, O_PCF, 1 },
		{ 16, O_UNDECR, 1 }, { 17, O_FCSERR, 1 }, { 18, O_CHANNEL, 1 },
		{ 41, O_ORIGLEN, 2 }, { 60, O_SENSOR, 6 },
	};
	size_t i;

	for (i = 0; i < NFIELDS(t); i++)
		if (t[i].tag == tag) {
			*need = t[i].need;
			return t[i].row;
		}
	*need = 0;
	return O_UNKNOWN;
}

/* A tag's value at at, shown by row: a signed one held as the 64-bit
 * two's complement the views expect. */
static void
tzsp_value(struct st_dctx *d, struct st_cur *c, size_t at, int row)
{
	const struct st_field_desc *fd = &tzsp_fields[row];
	unsigned i = d->pkt->nfields;
	struct st_field *f;

	st_dfields_at(d, c, at, fd, 1);
	if (i == d->pkt->nfields || (fd->flags & ST_DF_SIGNED) == 0)
		return;
	f = &d->pkt->fields[i];
	if ((f->val >> (fd->bits - 1)) & 1)
		f->val |= ~(uint64_t)0 << fd->bits;
}

/* The tags from at to END; returns the offset past END, 0 when the tags
 * run past the bytes (c->err set). */
static size_t
tzsp_tags(struct st_dctx *d, struct st_cur *c, size_t at)
{
	size_t n, need;
	unsigned tag;
	int row;

	/* each tag takes a byte at least: the loop ends */
	for (;;) {
		if (!st_cur_need(c, at + 1))
			return 0;
		tag = (unsigned)st_peek_bits(c, at * 8, 8);
		if (tag == TZSP_PAD || tag == TZSP_END) {
			st_dfields_at(d, c, at, &tzsp_fields[O_TAG], 1);
			at++;
			if (tag == TZSP_END)
				return at;
			continue;
		}
		/* shown whole or not at all */
		if (!st_cur_need(c, at + 2))
			return 0;
		n = (size_t)st_peek_bits(c, at * 8 + 8, 8);
		row = tzsp_row(tag, &need);
		if (!st_cur_need(c, at + 2 + (n > need ? n : need)))
			return 0;
		st_dfields_at(d, c, at, &tzsp_fields[O_TAG], 2);
		if (row == O_UNKNOWN)
			st_dbytes(d, c, &tzsp_fields[row], at + 2, n);
		else
			tzsp_value(d, c, at + 2, row);
		at += 2 + n;
	}
}

static int
tzsp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), at;
	unsigned type, encap;

	if (!st_cur_need(c, 1))
		return c->err;
	st_dfields(d, c, tzsp_fields, O_TAG);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	type = (unsigned)st_peek_bits(c, 8, 8);
	encap = (unsigned)st_peek_bits(c, 16, 16);
	if (type == 4 || type == 5) {
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	if ((at = tzsp_tags(d, c, TZSP_HDR)) == 0) {
		d->hdr = left;
		return c->err;
	}
	d->hdr = at;
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (encap == 0) {
		d->hdr = left;
		d->plen = 0;
	} else if (encap == 1) {
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_EN10MB;
	} else if (encap == 18) {
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_IEEE802_11;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind tzsp_binds[] = {
	{ ST_KEY_UDPPORT, 37008 },
};

/* "tzsp Ethernet, signal -40 dBm, channel 6". */
static int
tzsp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, tzsp_fields, F_NFIELDS, f);
	st_out_puts(s->o, "tzsp");
	if (f[F_ENCAP] != NULL && f[F_ENCAP]->val != 0)
		st_out_printf(s->o, " %s", (m = st_field_meaning(f[F_ENCAP])) !=
		    NULL ? m : "unknown encapsulation");
	else if (f[F_TYPE] != NULL && (m = st_field_meaning(f[F_TYPE])) !=
	    NULL)
		st_out_printf(s->o, " %s", m);
	if (f[O_SIGNAL] != NULL)
		st_out_printf(s->o, ", signal %d dBm",
		    (int)(int8_t)f[O_SIGNAL]->val);
	if (f[O_CHANNEL] != NULL)
		st_out_printf(s->o, ", channel %u",
		    (unsigned)f[O_CHANNEL]->val);
	return 1;
}

static const struct st_field_desc *const tzsp_keys[] = {
	&tzsp_fields[F_ENCAP], &tzsp_fields[O_SENSOR], NULL,
};

const struct st_proto st_proto_tzsp = {
	.name = "tzsp",
	.ws = "tzsp",
	.title = "Tazmen Sniffer Protocol",
	.rfc = "Network Chemistry application note AN001 (TZSP)",
	.role = ST_ROLE_LINK,	/* a shim before the carried frame */
	.flags = ST_PF_TUNNEL,
	.fields = tzsp_fields,
	.nfields = F_NFIELDS,
	.decode = tzsp_decode,
	.binds = tzsp_binds,
	.nbinds = NFIELDS(tzsp_binds),
	.summary = tzsp_summary,
	.keys = tzsp_keys,
	.color = "\033[35m",
	.explain = "A remote capture stream: a sensor (a MikroTik router's "
	    "sniffer, a wireless intrusion-detection probe) wraps every frame "
	    "it captures in a UDP datagram to port 37008 for an analyser "
	    "elsewhere.  A short header names the frame's encapsulation "
	    "(Ethernet, 802.11), tags give what the radio saw (signal, noise, "
	    "rate, channel, FCS errors) and the sensor's MAC address, and the "
	    "captured frame follows, decoded here as its own stack of layers "
	    "inside the outer one.",
};
