/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenFlow 1.3's groups, meters, queues and flow statistics, after
 * Wireshark's packet-openflow_v4.c: GROUP_MOD and the group description
 * and statistics replies with their buckets, the flow and aggregate
 * statistics requests and the flow statistics reply (match, instructions),
 * meter statistics, configuration and features, TABLE_MOD, the queue configuration
 * request and reply, and the contents of a table-features property (the
 * instruction, action and OXM ids, the next tables).
 */
#include "openflow4.h"

#define OF_MAXREC	64	/* records, buckets, queues in one body */
#define OF_MAXIDS	256	/* ids in one table-features property */

#define G(n, l, off, w, f) FD(NULL, "openflow_v4." n, l, off, w, f)
#define GB(n, b, k) FDD(NULL, "openflow_v4." n, "Flag", (b) * 8 + 31 - (k), \
	    1, ST_FMT_BOOL)

/* ofp_bucket (OF 1.3 7.3.4.2), 16 bytes before its actions. */
static const struct st_field_desc bucket[] = {
	G("bucket.length", "Length", 0, 16, ST_FMT_DEC),
	G("bucket.weight", "Weight", 16, 16, ST_FMT_DEC),
	G("bucket.watch_port", "Watch port", 32, 32, ST_FMT_DEC),
	G("bucket.watch_group", "Watch group", 64, 32, ST_FMT_DEC),
	G("bucket.pad", "Pad", 96, 32, ST_FMT_BYTES),
};
/* ofp_group_mod from byte 8 of the message. */
static const struct st_field_desc groupmod[] = {
	G("groupmod.command", "Command", 64, 16, ST_FMT_DEC),
	G("groupmod.type", "Type", 80, 8, ST_FMT_DEC),
	G("groupmod.pad", "Pad", 88, 8, ST_FMT_BYTES),
	G("groupmod.group_id", "Group ID", 96, 32, ST_FMT_DEC),
};
/* ofp_group_desc (7.3.5.11), 8 bytes before its buckets. */
static const struct st_field_desc group_desc[] = {
	G("group_desc.length", "Length", 0, 16, ST_FMT_DEC),
	G("group_desc.type", "Type", 16, 8, ST_FMT_DEC),
	G("group_desc.pad2", "Pad", 24, 8, ST_FMT_BYTES),
	G("group_desc.group_id", "Group ID", 32, 32, ST_FMT_DEC),
};
/* ofp_group_stats (7.3.5.9), 40 bytes before its bucket counters;
 * Wireshark names the durations flow_stats.*. */
static const struct st_field_desc group_stats[] = {
	G("group_stats.length", "Length", 0, 16, ST_FMT_DEC),
	G("group_stats.pad", "Pad", 16, 16, ST_FMT_BYTES),
	G("group_stats.group_id", "Group ID", 32, 32, ST_FMT_DEC),
	G("group_stats.ref_count", "Ref. count", 64, 32, ST_FMT_DEC),
	G("group_stats.pad2", "Pad", 96, 32, ST_FMT_BYTES),
	G("group_stats.packet_count", "Packet count", 128, 64, ST_FMT_DEC),
	G("group_stats.byte_count", "Byte count", 192, 64, ST_FMT_DEC),
	G("flow_stats.duration_sec", "Duration sec", 256, 32, ST_FMT_DEC),
	G("flow_stats.duration_nsec", "Duration nsec", 288, 32, ST_FMT_DEC),
};
static const struct st_field_desc bucket_counter[] = {
	G("bucket_counter.packet_count", "Packet count", 0, 64, ST_FMT_DEC),
	G("bucket_counter.byte_count", "Byte count", 64, 64, ST_FMT_DEC),
};
/* ofp_flow_stats (7.3.5.2), 48 bytes before its match. */
static const struct st_field_desc flow_stats[] = {
	G("flow_stats.length", "Length", 0, 16, ST_FMT_DEC),
	G("flow_stats.table_id", "Table ID", 16, 8, ST_FMT_DEC),
	G("flow_stats.pad", "Pad", 24, 8, ST_FMT_BYTES),
	G("flow_stats.duration_sec", "Duration sec", 32, 32, ST_FMT_DEC),
	G("flow_stats.duration_nsec", "Duration nsec", 64, 32, ST_FMT_DEC),
	G("flow_stats.priority", "Priority", 96, 16, ST_FMT_DEC),
	G("flow_stats.idle_timeout", "Idle timeout", 112, 16, ST_FMT_DEC),
	G("flow_stats.hard_timeout", "Hard timeout", 128, 16, ST_FMT_DEC),
	G("flow_stats.flags", "Flags", 144, 16, ST_FMT_HEX),
	FDD(NULL, "openflow_v4.flow_stats.flags.send_flow_rem",
	    "Send flow removed", 159, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flow_stats.flags.check_overlap",
	    "Check overlap", 158, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flow_stats.flags.reset_counts",
	    "Reset counts", 157, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flow_stats.flags.no_packet_counts",
	    "No packet counts", 156, 1, ST_FMT_BOOL),
	FDD(NULL, "openflow_v4.flow_stats.flags.no_byte_counts",
	    "No byte counts", 155, 1, ST_FMT_BOOL),
	G("flow_stats.pad2", "Pad", 160, 32, ST_FMT_BYTES),
	G("flow_stats.cookie", "Cookie", 192, 64, ST_FMT_HEX),
	G("flow_stats.packet_count", "Packet count", 256, 64, ST_FMT_DEC),
	G("flow_stats.byte_count", "Byte count", 320, 64, ST_FMT_DEC),
};
/* ofp_flow_stats_request and ofp_aggregate_stats_request (7.3.5.2-3),
 * 32 bytes before their match. */
#define SR(p) \
	G(p ".table_id", "Table ID", 0, 8, ST_FMT_DEC), \
	G(p ".pad", "Pad", 8, 24, ST_FMT_BYTES), \
	G(p ".out_port", "Out port", 32, 32, ST_FMT_DEC), \
	G(p ".out_group", "Out group", 64, 32, ST_FMT_DEC), \
	G(p ".pad2", "Pad", 96, 32, ST_FMT_BYTES), \
	G(p ".cookie", "Cookie", 128, 64, ST_FMT_HEX), \
	G(p ".cookie_mask", "Cookie mask", 192, 64, ST_FMT_HEX)
static const struct st_field_desc flow_req[] = { SR("flow_stats_request") };
static const struct st_field_desc agg_req[] = {
	SR("aggregate_stats_request") };
#undef SR
/* ofp_meter_stats (7.3.5.12), 40 bytes before its band statistics. */
static const struct st_field_desc meter_stats[] = {
	G("meter_stats.meter_id", "Meter ID", 0, 32, ST_FMT_DEC),
	G("meter_stats.length", "Length", 32, 16, ST_FMT_DEC),
	G("meter_stats.pad", "Pad", 48, 48, ST_FMT_BYTES),
	G("meter_stats.flow_count", "Flow count", 96, 32, ST_FMT_DEC),
	G("meter_stats.packet_in_count", "Packet in count", 128, 64,
	    ST_FMT_DEC),
	G("meter_stats.byte_in_count", "Byte in count", 192, 64, ST_FMT_DEC),
	G("meter_stats.duration_sec", "Duration sec", 256, 32, ST_FMT_DEC),
	G("meter_stats.duration_nsec", "Duration nsec", 288, 32, ST_FMT_DEC),
};
static const struct st_field_desc band_stats[] = {
	G("meter_band_stats.packet_band_count", "Packet count", 0, 64,
	    ST_FMT_DEC),
	G("meter_band_stats.byte_band_count", "Byte count", 64, 64,
	    ST_FMT_DEC),
};
/* ofp_meter_multipart_request (7.3.5.12), from byte 16 of the message. */
static const struct st_field_desc meter_stats_req[] = {
	G("meter_stats_request.meter_id", "Meter ID", 128, 32, ST_FMT_DEC),
	G("meter_stats_request.pad", "Pad", 160, 32, ST_FMT_BYTES),
};
static const struct st_field_desc meter_config_req[] = {
	G("meter_config_request.meter_id", "Meter ID", 128, 32, ST_FMT_DEC),
	G("meter_config_request.pad", "Pad", 160, 32, ST_FMT_BYTES),
};
/* ofp_meter_config (7.3.5.13), 8 bytes before its bands; a band
 * (7.2.3.7): type, length, rate, burst size, then what its type has. */
static const struct st_field_desc meter_config[] = {
	G("meter_config.len", "Length", 0, 16, ST_FMT_DEC),
	G("meter_config.flags", "Flags", 16, 16, ST_FMT_HEX),
	GB("meter_config.flags.kbps", 0, 0),
	GB("meter_config.flags.ptkps", 0, 1),
	GB("meter_config.flags.burst", 0, 2),
	GB("meter_config.flags.stats", 0, 3),
	G("meter_config.meter_id", "Meter ID", 32, 32, ST_FMT_DEC),
};
static const struct st_field_desc meter_band[] = {
	G("meter_band.type", "Type", 0, 16, ST_FMT_DEC),
	G("meter_band.length", "Length", 16, 16, ST_FMT_DEC),
	G("meter_band.rate", "Rate", 32, 32, ST_FMT_DEC),
	G("meter_band.burst_size", "Burst size", 64, 32, ST_FMT_DEC),
	G("meter_band.drop.pad", "Pad", 96, 32, ST_FMT_BYTES),
	G("meter_band.dscp_remark.prec_level", "Precedence level", 96, 8,
	    ST_FMT_DEC),
	G("meter_band.dscp_remark.pad", "Pad", 104, 24, ST_FMT_BYTES),
	G("meter_band.experimenter.experimenter", "Experimenter", 96, 32,
	    ST_FMT_DEC),
};
/* ofp_meter_features (7.3.5.14); Wireshark's masks for the band types
 * are 1 << OFPMBT_*, its name for the word features.band_types. */
static const struct st_field_desc meter_features[] = {
	G("meter_features.max_meter", "Max meters", 0, 32, ST_FMT_DEC),
	G("features.band_types", "Band types", 32, 32, ST_FMT_HEX),
	GB("meter_features.band_types.drop", 4, 1),
	GB("meter_features.band_types.dscp_remark", 4, 2),
	G("meter_features.capabilities", "Capabilities", 64, 32, ST_FMT_HEX),
	GB("meter_features.capabilities.kbps", 8, 0),
	GB("meter_features.capabilities.ptkps", 8, 1),
	GB("meter_features.capabilities.burst", 8, 2),
	GB("meter_features.capabilities.stats", 8, 3),
	G("meter_features.max_bands", "Max bands", 96, 8, ST_FMT_DEC),
	G("meter_features.max_color", "Max colors", 104, 8, ST_FMT_DEC),
	G("meter_features.pad", "Pad", 112, 16, ST_FMT_BYTES),
};
/* TABLE_MOD and the queue configuration messages, from byte 8. */
static const struct st_field_desc tablemod[] = {
	G("tablemod.table_id", "Table ID", 64, 8, ST_FMT_DEC),
	G("tablemod.pad", "Pad", 72, 24, ST_FMT_BYTES),
	G("tablemod.config", "Config", 96, 32, ST_FMT_BYTES),
};
static const struct st_field_desc qcfg_req[] = {
	G("queue_get_config_request.port", "Port", 64, 32, ST_FMT_DEC),
	G("queue_get_config_request.pad", "Pad", 96, 32, ST_FMT_BYTES),
};
static const struct st_field_desc qcfg_rep[] = {
	G("queue_get_config_reply.port", "Port", 64, 32, ST_FMT_DEC),
	G("queue_get_config_reply.pad", "Pad", 96, 32, ST_FMT_BYTES),
};
/* ofp_packet_queue (7.3.6), 16 bytes, then its properties. */
static const struct st_field_desc pqueue[] = {
	G("packet_queue.queue_id", "Queue ID", 0, 32, ST_FMT_DEC),
	G("packet_queue.port", "Port", 32, 32, ST_FMT_DEC),
	G("packet_queue.len", "Length", 64, 16, ST_FMT_DEC),
	G("packet_queue.pad", "Pad", 80, 48, ST_FMT_BYTES),
};
static const struct st_field_desc qprop[] = {
	G("queue_prop.property", "Property", 0, 16, ST_FMT_DEC),
	G("queue_prop.len", "Length", 16, 16, ST_FMT_DEC),
	G("queue_prop.pad", "Pad", 32, 32, ST_FMT_BYTES),
};
static const struct st_field_desc qprop_min[] = {
	G("queue_prop.min_rate.rate", "Rate", 64, 16, ST_FMT_DEC),
	G("queue_prop.min_rate.pad", "Pad", 80, 48, ST_FMT_BYTES),
};
static const struct st_field_desc qprop_max[] = {
	G("queue_prop.max_rate.rate", "Rate", 64, 16, ST_FMT_DEC),
	G("queue_prop.max_rate.pad", "Pad", 80, 48, ST_FMT_BYTES),
};
static const struct st_field_desc qprop_exp[] = {
	G("queue_prop.experimenter.experimenter", "Experimenter", 64, 32,
	    ST_FMT_HEX),
	G("queue_prop.experimenter.pad", "Pad", 96, 32, ST_FMT_BYTES),
};
static const struct st_field_desc error_body =
	G("error.data.body", "Body", 0, 0, ST_FMT_BYTES);
static const struct st_field_desc error_text =
	G("error.data", "Data", 0, 0, ST_FMT_TEXT);
/* A table-features property's contents (7.3.5.5.2). */
static const struct st_field_desc tf_next =
	G("table_feature_prop.next_tables.next_table_id", "Next table ID",
	    0, 8, ST_FMT_DEC);
static const struct st_field_desc tf_exp[] = {
	G("table_feature_prop.experimenter.experimenter", "Experimenter",
	    32, 32, ST_FMT_HEX),
	G("table_feature_prop.experimenter.exp_type", "Experimenter type",
	    64, 32, ST_FMT_DEC),
};

static void
at(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *t,
    size_t n, size_t off)
{
	st_dfields_at(d, c, off, t, n);
}

/* The buckets from byte pos to end, each with its actions. */
static void
buckets(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	size_t n;
	unsigned i;

	for (i = 0; i < OF_MAXREC && pos + 16 <= end && c->err == ST_OK;
	    i++, pos += n) {
		n = (size_t)st_peek_bits(c, pos * 8, 16);
		at(d, c, bucket, NFIELDS(bucket), pos);
		if (c->err != ST_OK)
			return;
		if (n < 16 || pos + n > end) {
			st_dmalformed(d, "bucket of %zu bytes", n);
			return;
		}
		st_of4_actions(d, c, pos + 16, pos + n);
	}
}

/*
 * Records from byte 16 to len, each its own length in the 16 bits at
 * byte lo of it: hn header rows t of hsz bytes, then what follows through
 * fn (or counters of 16 bytes, rows sub).
 */
struct of4_rec {
	const struct st_field_desc *t, *sub;
	uint8_t	 hn, hsz, lo, nsub;
	void	(*fn)(struct st_dctx *, struct st_cur *, size_t, size_t);
};

static void
records(struct st_dctx *d, struct st_cur *c, size_t pos, size_t len,
    const struct of4_rec *r)
{
	size_t n, o;
	unsigned i, j;

	for (i = 0; i < OF_MAXREC && pos + r->hsz <= len && c->err == ST_OK;
	    i++, pos += n) {
		n = (size_t)st_peek_bits(c, (pos + r->lo) * 8, 16);
		at(d, c, r->t, r->hn, pos);
		if (c->err != ST_OK)
			return;
		if (n < r->hsz || pos + n > len) {
			st_dmalformed(d, "record of %zu bytes", n);
			return;
		}
		if (r->fn != NULL) {
			r->fn(d, c, pos + r->hsz, pos + n);
			continue;
		}
		for (j = 0, o = pos + r->hsz; j < OF_MAXREC && o + 16 <= pos + n;
		    j++, o += 16)
			at(d, c, r->sub, r->nsub, o);
	}
}

/* A flow statistics record's match and instructions from pos to end. */
static void
flow_rest(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	size_t m = st_of4_match(d, c, pos, end);

	if (m != 0 && c->err == ST_OK)
		st_of4_instructions(d, c, pos + (m + 7) / 8 * 8, end);
}

/* A queue's properties from pos to end. */
static void
queue_props(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	size_t n;
	unsigned i, t;

	for (i = 0; i < OF_MAXREC && pos + 8 <= end && c->err == ST_OK;
	    i++, pos += n) {
		t = (unsigned)st_peek_bits(c, pos * 8, 16);
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		at(d, c, qprop, NFIELDS(qprop), pos);
		if (c->err != ST_OK)
			return;
		if (n < 8 || pos + n > end) {
			st_dmalformed(d, "queue property of %zu bytes", n);
			return;
		}
		if (n >= 16 && (t == 1 || t == 2 || t == 0xffff))
			at(d, c, t == 1 ? qprop_min : t == 2 ? qprop_max :
			    qprop_exp, 2, pos);
	}
}

/* A meter's bands from pos to end, each its own length (16 bytes). */
static void
meter_bands(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	size_t n;
	unsigned i, t;

	for (i = 0; i < OF_MAXREC && pos + 16 <= end && c->err == ST_OK;
	    i++, pos += n) {
		t = (unsigned)st_peek_bits(c, pos * 8, 16);
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		at(d, c, meter_band, 4, pos);
		if (c->err != ST_OK)
			return;
		if (n < 16 || pos + n > end) {
			st_dmalformed(d, "meter band of %zu bytes", n);
			return;
		}
		if (t == 1)
			at(d, c, meter_band + 4, 1, pos);
		else if (t == 2)
			at(d, c, meter_band + 5, 2, pos);
		else if (t == 0xffff)
			at(d, c, meter_band + 7, 1, pos);
	}
}

static const struct of4_rec rec_meter_config = {
	meter_config, NULL, NFIELDS(meter_config), 8, 0, 0, meter_bands };
static const struct of4_rec rec_group_desc = {
	group_desc, NULL, NFIELDS(group_desc), 8, 0, 0, buckets };
static const struct of4_rec rec_group_stats = {
	group_stats, bucket_counter, NFIELDS(group_stats), 40, 0,
	NFIELDS(bucket_counter), NULL };
static const struct of4_rec rec_flow_stats = {
	flow_stats, NULL, NFIELDS(flow_stats), 48, 0, 0, flow_rest };
static const struct of4_rec rec_meter_stats = {
	meter_stats, band_stats, NFIELDS(meter_stats), 40, 4,
	NFIELDS(band_stats), NULL };
static const struct of4_rec rec_queue = {
	pqueue, NULL, NFIELDS(pqueue), 16, 8, 0, queue_props };

int
st_of4_mp_more(struct st_dctx *d, struct st_cur *c, unsigned type,
    unsigned mp, size_t len)
{
	const struct st_field_desc *req = mp == 1 ? flow_req : agg_req;

	if (type == 18) {
		if ((mp == 9 || mp == 10) && len >= 16 + 8) {
			at(d, c, mp == 9 ? meter_stats_req : meter_config_req,
			    2, 0);
			return 1;
		}
		if ((mp != 1 && mp != 2) || len < 16 + 32)
			return 0;
		at(d, c, req, NFIELDS(flow_req), 16);
		flow_rest(d, c, 48, len);
		return 1;
	}
	switch (mp) {
	case 1:
		records(d, c, 16, len, &rec_flow_stats);
		return 1;
	case 6:
		records(d, c, 16, len, &rec_group_stats);
		return 1;
	case 7:
		records(d, c, 16, len, &rec_group_desc);
		return 1;
	case 9:
		records(d, c, 16, len, &rec_meter_stats);
		return 1;
	case 10:
		records(d, c, 16, len, &rec_meter_config);
		return 1;
	case 11:
		if (len >= 16 + 16)
			at(d, c, meter_features, NFIELDS(meter_features), 16);
		return 1;
	}
	return 0;
}

/*
 * An error's data: a HELLO_FAILED's text (type 0), else the offending
 * message, from byte 12 to the error's end (OpenFlow 1.3 7.4.4; tshark
 * 4.0 shows 8 bytes fewer, its count taking the header off twice: a
 * known difference, tests/difftest-allow.txt).
 */
static void
error_data(struct st_dctx *d, struct st_cur *c, size_t len)
{
	char text[4 * 256 + 1];
	size_t n, k;

	if (st_cur_left(c) < 12 || len <= 12)
		return;
	if (st_peek_bits(c, 64, 16) != 0) {
		st_dbytes(d, c, &error_body, 12, len - 12);
		return;
	}
	n = len - 12;
	if (st_cur_left(c) < 12 + n) {
		st_cur_need(c, 12 + n);
		return;
	}
	for (k = 0; k < n && c->base[c->off + 12 + k] != 0; k++)
		;
	st_escape(c->base + c->off + 12, k < 256 ? k : 256, text,
	    sizeof(text));
	st_dtext(d, c, &error_text, 12, n, text);
}

void
st_of4_more(struct st_dctx *d, struct st_cur *c, unsigned type, size_t len)
{
	switch (type) {
	case 1:
		error_data(d, c, len);
		break;
	case 15:
		if (len < 16)
			break;
		at(d, c, groupmod, NFIELDS(groupmod), 0);
		buckets(d, c, 16, len);
		break;
	case 17:
		if (len >= 16)
			at(d, c, tablemod, NFIELDS(tablemod), 0);
		break;
	case 22:
		if (len >= 16)
			at(d, c, qcfg_req, NFIELDS(qcfg_req), 0);
		break;
	case 23:
		if (len < 16)
			break;
		at(d, c, qcfg_rep, NFIELDS(qcfg_rep), 0);
		records(d, c, 16, len, &rec_queue);
		break;
	}
}

/* The ids of a table-features property from pos to end, each through
 * fn: an instruction or action id is as long as its length says (4
 * unless an experimenter's); an OXM id is its 4-byte header, 8 for an
 * experimenter class, its length naming the value it stands for. */
static void
ids(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    void (*fn)(struct st_dctx *, struct st_cur *, size_t), int oxm)
{
	size_t n;
	unsigned i;

	for (i = 0; i < OF_MAXIDS && pos + 4 <= end && c->err == ST_OK;
	    i++, pos += n) {
		if (oxm)
			n = st_peek_bits(c, pos * 8, 16) == 0xffff ? 8 : 4;
		else
			n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		fn(d, c, pos);
		if (n < 4)
			n = 4;
	}
}

void
st_of4_tfprop(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	unsigned type = (unsigned)st_peek_bits(c, pos * 8, 16);
	size_t i;

	switch (type) {
	case 0:
	case 1:
		ids(d, c, pos + 4, pos + n, st_of4_ins_id, 0);
		break;
	case 2:
	case 3:
		for (i = 4; i < n && c->err == ST_OK; i++)
			at(d, c, &tf_next, 1, pos + i);
		break;
	case 4: case 5: case 6: case 7:
		ids(d, c, pos + 4, pos + n, st_of4_act_id, 0);
		break;
	case 8: case 10: case 12: case 13: case 14: case 15:
		ids(d, c, pos + 4, pos + n, st_of4_oxm_id, 1);
		break;
	case 0xfffe:
	case 0xffff:
		if (n >= 12)
			at(d, c, tf_exp, NFIELDS(tf_exp), pos);
		break;
	}
}
