/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The JSON view: NDJSON, one object per packet, with Wireshark's field
 * names (docs/json.md is the schema):
 *
 * {"frame":1,"time":"...Z","len":98,"caplen":98,"layers":[{"proto":"eth",
 *  "name":"eth","offset":0,"length":14,"payload":84,"depth":0,
 *  "fields":{"eth.dst":"00:00:00:00:00:00",...},
 *  "bits":{"eth.dst":[0,48],...}},...],"notes":[]}
 *
 * A name that occurs more than once in a layer (options, SACK blocks) holds
 * an array of values, and its bits an array of pairs.
 *
 * The ek view writes the same fields in the bulk format Elasticsearch and
 * OpenSearch ingest, as `tshark -T ek` does: an action line, then the
 * document, with keys PROTO_FIELD (dots as underscores: ip_ip_src) and
 * values as strings (booleans as true and false); a protocol quoted in an
 * ICMP error makes its layer an array of objects.
 */
#include <string.h>
#include <time.h>

#include "strata/decode.h"
#include "strata/view.h"

/* Whether f's name occurred earlier in the layer (fields [from, f)). */
static int
seen(const struct st_packet *pkt, unsigned from, const struct st_field *f)
{
	const struct st_field *g;

	/* Names are string literals of one decoder: equal means the same. */
	for (g = &pkt->fields[from]; g < f; g++)
		if (g->desc == f->desc || g->desc->name == f->desc->name)
			return 1;
	return 0;
}

/* How many fields of the layer share f's name, f included, from f on. */
static unsigned
count_from(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field *f)
{
	const struct st_field *g, *end = &pkt->fields[ly->field0 +
	    ly->nfields];
	unsigned n = 0;

	for (g = f; g < end; g++)
		if (g->desc == f->desc || g->desc->name == f->desc->name)
			n++;
	return n;
}

/* A checksum status as tshark writes it (PI_CHECKSUM's numbers). */
static unsigned
ws_status(uint64_t ck)
{
	switch (ck) {
	case ST_CK_GOOD:
		return 1;
	case ST_CK_BAD:
	case ST_CK_PARTIAL:
		return 0;
	case ST_CK_UNVERIFIED:
		return 2;
	default:
		return 3;
	}
}

/* Bytes Wireshark holds as an ASCII string, as tshark writes them: to
 * the first NUL, a byte above 0x7f as U+FFFD, JSON-escaped. */
static void
ascii_value(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f)
{
	const uint8_t *b;
	size_t n, i, run;

	st_out_putc(o, '"');
	if ((b = st_field_bytes(pkt, f, &n)) != NULL)
		for (i = 0; i < n && b[i] != 0; i += run) {
			if (b[i] > 0x7f) {
				st_out_puts(o, "\\ufffd");
				run = 1;
				continue;
			}
			for (run = 0; i + run < n && b[i + run] != 0 &&
			    b[i + run] <= 0x7f; run++)
				;
			st_out_json_str(o, (const char *)b + i, run);
		}
	st_out_putc(o, '"');
}

static void
json_value(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f)
{
	if (f->desc->flags & ST_DF_ASCII) {
		ascii_value(o, pkt, f);
		return;
	}
	if (f->desc->fmt == ST_FMT_ENUM && (f->desc->flags & ST_DF_WSNUM)) {
		st_out_u64(o, ws_status(f->val));
		return;
	}
	if (f->desc->fmt == ST_FMT_BYTES && (f->desc->flags & ST_DF_COLONS)) {
		const uint8_t *b;
		size_t n, i;

		st_out_putc(o, '"');
		if ((b = st_field_bytes(pkt, f, &n)) != NULL)
			for (i = 0; i < n; i++)
				st_out_printf(o, i > 0 ? ":%02x" : "%02x",
				    b[i]);
		st_out_putc(o, '"');
		return;
	}
	switch (f->desc->fmt) {
	case ST_FMT_DEC:
	case ST_FMT_BOOL:
	case ST_FMT_HEX:
		/* Integers are numbers, whatever base the tree shows. */
		st_fmt_dec(o, f);
		return;
	case ST_FMT_TEXT:
		st_out_putc(o, '"');
		if (f->meaning != NULL)
			st_out_json_str(o, f->meaning, strlen(f->meaning));
		st_out_putc(o, '"');
		return;
	default:
		st_out_putc(o, '"');
		st_fmt_value(o, pkt, f, SIZE_MAX);
		st_out_putc(o, '"');
	}
}

static void
json_bits(struct st_out *o, const struct st_field *f)
{
	st_out_putc(o, '[');
	st_out_u64(o, f->bitoff);
	st_out_putc(o, ',');
	st_out_u64(o, f->bits);
	st_out_putc(o, ']');
}

/* Writes s with dots as underscores (ek's keys). */
static void
underscored(struct st_out *o, const char *s)
{
	for (; *s != '\0'; s++)
		st_out_putc(o, *s == '.' ? '_' : *s);
}

static void
ek_value(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f)
{
	const uint8_t *b;
	size_t n, i;

	if (f->desc->fmt == ST_FMT_BOOL) {
		st_out_puts(o, f->val ? "true" : "false");
		return;
	}
	if (f->desc->flags & ST_DF_ASCII) {
		ascii_value(o, pkt, f);
		return;
	}
	st_out_putc(o, '"');
	if (f->desc->fmt == ST_FMT_TEXT) {
		if (f->meaning != NULL)
			st_out_json_str(o, f->meaning, strlen(f->meaning));
	} else if (f->desc->fmt == ST_FMT_BYTES &&
	    (b = st_field_bytes(pkt, f, &n)) != NULL) {
		for (i = 0; i < n; i++)	/* tshark's 68:65:6c */
			st_out_printf(o, i > 0 ? ":%02x" : "%02x", b[i]);
	} else if (f->desc->fmt == ST_FMT_ENUM &&
	    (f->desc->flags & ST_DF_WSNUM))	/* as the JSON writes it */
		st_out_u64(o, ws_status(f->val));
	else if (f->desc->flags & ST_DF_UNITS)	/* as tshark -T ek */
		st_out_printf(o, "%llu", (unsigned long long)(f->val >>
		    f->desc->shift));
	else
		st_fmt_value(o, pkt, f, SIZE_MAX);
	st_out_putc(o, '"');
}

enum { M_FIELDS, M_BITS, M_EK };

/* Writes the "fields", the "bits", or the ek members of layer ly. */
static void
json_members(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly, int mode)
{
	int bits = mode == M_BITS;
	const struct st_field *f, *g, *end = &pkt->fields[ly->field0 +
	    ly->nfields];
	unsigned n;
	int first = 1;

	for (f = &pkt->fields[ly->field0]; f < end; f++) {
		if ((bits && f->bits == 0) || seen(pkt, ly->field0, f))
			continue;
		if (!first)
			st_out_putc(o, ',');
		first = 0;
		st_out_putc(o, '"');
		if (mode == M_EK) {
			underscored(o, ly->proto->ws);
			st_out_putc(o, '_');
			underscored(o, f->desc->name);
		} else
			st_out_puts(o, f->desc->name);
		st_out_puts(o, "\":");
		n = count_from(pkt, ly, f);
		if (n > 1)
			st_out_putc(o, '[');
		for (g = f; g < end; g++) {
			if (g != f && g->desc != f->desc &&
			    g->desc->name != f->desc->name)
				continue;
			if (bits && g->bits == 0)
				continue;
			if (g != f)
				st_out_putc(o, ',');
			if (bits)
				json_bits(o, g);
			else if (mode == M_EK)
				ek_value(o, pkt, g);
			else
				json_value(o, pkt, g);
		}
		if (n > 1)
			st_out_putc(o, ']');
	}
}

static void
json_layer(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly)
{
	static const char *const status[] = { "ok", "truncated", "malformed",
		"partial" };

	st_out_puts(o, "{\"proto\":\"");
	st_out_puts(o, ly->proto->ws);
	st_out_puts(o, "\",\"name\":\"");
	st_out_puts(o, ly->proto->name);
	st_out_puts(o, "\",\"offset\":");
	st_out_u64(o, ly->off);
	st_out_puts(o, ",\"length\":");
	st_out_u64(o, ly->hdr_len);
	st_out_puts(o, ",\"payload\":");
	st_out_u64(o, ly->len > ly->hdr_len ? ly->len - ly->hdr_len : 0);
	st_out_puts(o, ",\"depth\":");
	st_out_u64(o, ly->depth);
	if (ly->status != ST_LS_OK) {
		st_out_puts(o, ",\"status\":\"");
		st_out_puts(o, status[ly->status]);
		st_out_putc(o, '"');
		if (ly->why != NULL) {
			st_out_puts(o, ",\"why\":\"");
			st_out_json_str(o, ly->why, strlen(ly->why));
			st_out_putc(o, '"');
		}
	}
	st_out_puts(o, ",\"fields\":{");
	json_members(o, pkt, ly, M_FIELDS);
	st_out_puts(o, "},\"bits\":{");
	json_members(o, pkt, ly, M_BITS);
	st_out_puts(o, "}}");
}

void
st_json_layers(struct st_out *o, const struct st_packet *pkt)
{
	unsigned i;

	st_out_putc(o, '[');
	for (i = 0; i < pkt->nlayers; i++) {
		if (i > 0)
			st_out_putc(o, ',');
		json_layer(o, pkt, &pkt->layers[i]);
	}
	st_out_putc(o, ']');
}

static void
json_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	unsigned i;

	st_out_puts(o, "{\"frame\":");
	st_out_u64(o, pkt->num);
	if (v->file != NULL) {
		st_out_puts(o, ",\"file\":\"");
		st_out_json_str(o, v->file, strlen(v->file));
		st_out_putc(o, '"');
	}
	st_out_puts(o, ",\"time\":\"");
	st_fmt_time(o, v, &pkt->ts, 'T');
	st_out_puts(o, "\",\"len\":");
	st_out_u64(o, pkt->len);
	st_out_puts(o, ",\"caplen\":");
	st_out_u64(o, pkt->caplen);
	st_out_puts(o, ",\"layers\":");
	st_json_layers(o, pkt);
	st_out_puts(o, ",\"notes\":[");
	for (i = 0; i < pkt->nnotes; i++) {
		if (i > 0)
			st_out_putc(o, ',');
		st_out_putc(o, '"');
		st_out_json_str(o, pkt->notes[i], strlen(pkt->notes[i]));
		st_out_putc(o, '"');
	}
	st_out_puts(o, "]}\n");
}

const struct st_view st_view_json = {
	"json", "NDJSON, one object per packet, Wireshark field names",
	json_packet, NULL, NULL, 0, 0, 1
};

/* ek: the frame's own layer, as tshark's "frame" protocol gives it. */
static void
ek_frame(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	time_t t = pkt->ts.tv_sec;
	struct tm tm;
	unsigned i;

	st_out_puts(o, "\"frame\":{\"frame_frame_number\":\"");
	st_out_u64(o, pkt->num);
	st_out_puts(o, "\",\"frame_frame_time\":\"");
	if (gmtime_r(&t, &tm) != NULL)	/* tshark's: UTC, 9 digits */
		st_out_printf(o, "%04d-%02d-%02dT%02d:%02d:%02d.%09ldZ",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec, pkt->ts.tv_nsec);
	st_out_printf(o, "\",\"frame_frame_time_epoch\":\"%lld.%09ld\","
	    "\"frame_frame_len\":\"%u\",\"frame_frame_cap_len\":\"%u\","
	    "\"frame_frame_protocols\":\"", (long long)pkt->ts.tv_sec,
	    pkt->ts.tv_nsec, pkt->len, pkt->caplen);
	for (i = 0; i < pkt->nlayers; i++) {
		if (i > 0)
			st_out_putc(o, ':');
		st_out_puts(o, pkt->layers[i].proto->ws);
	}
	st_out_putc(o, '"');
	if (v->file != NULL) {
		st_out_puts(o, ",\"frame_frame_file\":\"");
		st_out_json_str(o, v->file, strlen(v->file));
		st_out_putc(o, '"');
	}
	st_out_putc(o, '}');
}

static void
ek_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	const struct st_layer *ly, *l2;
	unsigned i, j, n;
	struct tm tm;
	time_t t = pkt->ts.tv_sec;
	char day[16] = "1970-01-01";

	/* The index is named by the packet's day (UTC), as tshark's. */
	if (gmtime_r(&t, &tm) != NULL)
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
	st_out_printf(o, "{\"index\":{\"_index\":\"packets-%s\",\"_type\":"
	    "\"doc\"}}\n{\"timestamp\":\"%lld\",\"layers\":{", day,
	    (long long)pkt->ts.tv_sec * 1000 + pkt->ts.tv_nsec / 1000000);
	ek_frame(o, pkt, v);
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		for (j = 0; j < i; j++)
			if (pkt->layers[j].proto->ws == ly->proto->ws ||
			    strcmp(pkt->layers[j].proto->ws, ly->proto->ws) == 0)
				break;
		if (j < i)
			continue;	/* written with its first */
		for (n = 0, j = i; j < pkt->nlayers; j++)
			n += strcmp(pkt->layers[j].proto->ws, ly->proto->ws) == 0;
		st_out_puts(o, ",\"");
		underscored(o, ly->proto->ws);
		st_out_puts(o, n > 1 ? "\":[" : "\":");
		for (j = i, n = 0; j < pkt->nlayers; j++) {
			l2 = &pkt->layers[j];
			if (strcmp(l2->proto->ws, ly->proto->ws) != 0)
				continue;
			if (n++ > 0)
				st_out_putc(o, ',');
			st_out_putc(o, '{');
			json_members(o, pkt, l2, M_EK);
			st_out_putc(o, '}');
		}
		if (n > 1)
			st_out_putc(o, ']');
	}
	st_out_puts(o, "}}\n");
}

const struct st_view st_view_ek = {
	"ek", "Elasticsearch/OpenSearch bulk lines, as tshark -T ek",
	ek_packet, NULL, NULL, 0, 0, 1
};
