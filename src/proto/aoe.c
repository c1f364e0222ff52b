/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ATA over Ethernet (Coraid's AoE specification, revision 1), EtherType
 * 0x88a2: ATA commands to disks named by shelf (major) and slot (minor)
 * addresses, straight on Ethernet.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+-+-+-+-+---------------+-------------------------------+
 * |  Ver  |R|E|0|0|     Error     |         Major (shelf)         |
 * +-------+-+-+-+-+---------------+-------------------------------+
 * | Minor (slot)  |    Command    |              Tag ...          |
 * +---------------+---------------+-------------------------------+
 * |           ... Tag             |
 * +-------------------------------+
 *
 * Command 0 (issue ATA command) goes on with the ATA registers: flags
 * (E: LBA48, D: device register, A: asynchronous, W: write), error or
 * feature, sector count, command (status in a response), the LBA in six
 * little-endian bytes and two reserved; the sectors' data follow.
 * Command 1 (query config information): buffer count, firmware version,
 * sector count, AoE version and config command, the config string.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_RESP, F_ERRF, F_ERROR, F_MAJOR, F_MINOR, F_CMD, F_TAG,
	F_AE, F_AD, F_AA, F_AW, F_FEAT, F_SECT, F_ACMD, F_ASTAT, F_LBA,
	F_BUFCNT, F_FWVER, F_CSECT, F_AOEV, F_CCMD, F_CSLEN, F_CSTR,
	F_RSPTO, F_TIME, F_RCMD };

static const struct st_valname aoe_cmd_names[] = {
	{ 0, "Issue ATA Command" }, { 1, "Query Config Information" },
	{ 0, NULL }
};

static const struct st_valname aoe_err_names[] = {
	{ 1, "Unrecognized command code" }, { 2, "Bad argument parameter" },
	{ 3, "Device unavailable" }, { 4, "Config string present" },
	{ 5, "Unsupported version" }, { 0, NULL }
};

static const struct st_valname ata_cmd_names[] = {
	{ 0x20, "Read sectors (with retry)" }, { 0x24, "Read ext" },
	{ 0x25, "Read dma ext" }, { 0x30, "Write sectors (with retry)" },
	{ 0x34, "Write ext" }, { 0x35, "Write dma ext" },
	{ 0xc8, "Read dma (with retry)" }, { 0xca, "Write dma (with retry)" },
	{ 0xe7, "Flush cache" }, { 0xea, "Flush cache ext" },
	{ 0xec, "Identify Device" }, { 0xef, "Set features" },
	{ 0, NULL }
};

static const struct st_field_desc aoe_fields[] = {
	FD("ver", "aoe.version", "Version", 0, 4, ST_FMT_DEC),
	FD(NULL, "aoe.response", "Response flag", 4, 1, ST_FMT_BOOL),
	FD(NULL, "aoe.flags_error", "Error flag", 5, 1, ST_FMT_BOOL),
	FDN(NULL, "aoe.error", "Error", 8, 8, ST_FMT_DEC, aoe_err_names),
	FD("major", "aoe.major", "Major (shelf)", 16, 16, ST_FMT_HEX),
	FD("minor", "aoe.minor", "Minor (slot)", 32, 8, ST_FMT_HEX),
	FDN("cmd", "aoe.cmd", "Command", 40, 8, ST_FMT_DEC, aoe_cmd_names),
	FD("tag", "aoe.tag", "Tag", 48, 32, ST_FMT_HEX),
	FD(NULL, "aoe.aflags.e", "E (LBA48)", 81, 1, ST_FMT_BOOL),
	FD(NULL, "aoe.aflags.d", "D (device register)", 83, 1, ST_FMT_BOOL),
	FD(NULL, "aoe.aflags.a", "A (asynchronous write)", 86, 1,
	    ST_FMT_BOOL),
	FD(NULL, "aoe.aflags.w", "W (write to the device)", 87, 1,
	    ST_FMT_BOOL),
	FD(NULL, "aoe.err_feature", "Error/feature", 88, 8, ST_FMT_HEX),
	FD(NULL, "aoe.sector_count", "Sector count", 96, 8, ST_FMT_DEC),
	FDN("ata", "aoe.ata.cmd", "ATA command", 104, 8, ST_FMT_HEX,
	    ata_cmd_names),
	FD(NULL, "aoe.ata.status", "ATA status", 104, 8, ST_FMT_HEX),
	FD(NULL, "aoe.lba", "LBA", 112, 48, ST_FMT_HEX),
	FD(NULL, "strata.aoe.buffer_count", "Buffer count", 80, 16,
	    ST_FMT_DEC),
	FD(NULL, "strata.aoe.firmware_version", "Firmware version", 96, 16,
	    ST_FMT_HEX),
	FD(NULL, "strata.aoe.sector_count", "Sectors per command", 112, 8,
	    ST_FMT_DEC),
	FD(NULL, "strata.aoe.aoe_version", "AoE version", 120, 4, ST_FMT_DEC),
	FD(NULL, "strata.aoe.config_command", "Config command", 124, 4,
	    ST_FMT_DEC),
	FD(NULL, "strata.aoe.config_length", "Config string length", 128, 16,
	    ST_FMT_DEC),
	FD(NULL, "strata.aoe.config", "Config string", 0, 0, ST_FMT_TEXT),
	/* a response's request, as Wireshark pairs them by tag */
	FDG("aoe.response_to", "Response to frame", ST_FMT_DEC, NULL),
	FDG("aoe.time", "Time from request", ST_FMT_TEXT, NULL),
	FDG("aoe.ata.cmd", "ATA command (of the request)", ST_FMT_HEX,
	    ata_cmd_names),
};

#define R(i)	(&aoe_fields[(i)])

/* The LBA: six little-endian bytes, as Wireshark reads them. */
static void
aoe_lba(struct st_dctx *d, struct st_cur *c)
{
	struct st_field *f;
	uint64_t v = 0;
	unsigned i;

	if ((f = st_dfield(d, c, R(F_LBA))) == NULL)
		return;
	for (i = 0; i < 6; i++)
		v |= st_peek_bits(c, 112 + 8 * i, 8) << (8 * i);
	f->val = v;
}

/*
 * An ATA request is noted under its tag (AoE has no transport: the key's
 * conversation part stays zero, so a tag pairs across the segment as in
 * Wireshark); a response shows its request's frame, the time since and
 * the ATA command it asked, which a response's register holds no more.
 */
static void
aoe_pair(struct st_dctx *d, struct st_cur *c, int resp)
{
	struct st_match m;
	struct st_field *f;
	uint64_t tag = st_peek_bits(c, 48, 32);
	uint8_t cmd;
	char buf[48];

	if (c->err != ST_OK)
		return;
	if (!resp) {
		memset(&m, 0, sizeof(m));
		m.proto = d->ly->proto;
		m.id = tag;
		m.frame = d->pkt->num;
		m.ts = d->pkt->ts;
		m.data[0] = (uint8_t)st_peek_bits(c, 104, 8);
		st_match_add(&m);
		return;
	}
	memset(&m, 0, sizeof(m));
	if (!st_match_find(d->ly->proto, &m.conv, tag, d->pkt->num, &m))
		return;
	cmd = m.data[0];
	st_dgen(d, R(F_RSPTO), m.frame);
	st_match_delta(d, &m, buf, sizeof(buf));
	if ((f = st_dgen(d, R(F_TIME), 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
	st_dgen(d, R(F_RCMD), cmd);
}

/* Issue ATA command: the registers, then the sectors' data. */
static size_t
aoe_ata(struct st_dctx *d, struct st_cur *c, int resp)
{
	unsigned fl;

	if (!st_cur_need(c, 11))
		return 10;
	fl = (unsigned)st_peek_bits(c, 80, 8);
	st_dfield(d, c, R(F_AE));
	if (fl & 0x40)
		st_dfield(d, c, R(F_AD));
	if (fl & 0x01)
		st_dfield(d, c, R(F_AA));
	st_dfield(d, c, R(F_AW));
	st_dfields(d, c, R(F_FEAT), 2);
	st_dfield(d, c, R(resp ? F_ASTAT : F_ACMD));
	aoe_lba(d, c);
	aoe_pair(d, c, resp);
	return 22;
}

/* Query config: counts, versions, and the config string (escaped). */
static size_t
aoe_config(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char text[1024 * 4 + 1];
	size_t n;

	st_dfields(d, c, R(F_BUFCNT), F_CSTR - F_BUFCNT);
	if (c->err != ST_OK)
		return 18;
	n = (size_t)st_peek_bits(c, 128, 16);
	if (n > 1024)
		return st_dmalformed(d, "config string length %zu above 1024",
		    n), 18;
	w.off += 18;
	if ((p = st_get_bytes(&w, n)) == NULL) {
		c->err = w.err;
		return 18;
	}
	if (n > 0) {
		st_escape(p, n, text, sizeof(text));
		st_dtext(d, c, R(F_CSTR), 18, n, text);
	}
	return 18 + n;
}

static int
aoe_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr = 10;
	unsigned ver, flags;

	st_dfield(d, c, R(F_VER));
	if (c->err != ST_OK)
		return c->err;
	ver = (unsigned)st_peek_bits(c, 0, 4);
	if (ver != 1) {		/* only version 1 is defined */
		d->hdr = 1;
		d->data = 1;
		return ST_OK;
	}
	st_dfields(d, c, R(F_RESP), 2);
	if (c->err != ST_OK)
		return c->err;
	flags = (unsigned)st_peek_bits(c, 4, 4);
	if (flags & 0x4)
		st_dfield(d, c, R(F_ERROR));
	st_dfields(d, c, R(F_MAJOR), F_AE - F_MAJOR);
	if (c->err != ST_OK)
		return c->err;
	switch (st_peek_bits(c, 40, 8)) {
	case 0:
		hdr = aoe_ata(d, c, flags & 0x8);
		break;
	case 1:
		hdr = aoe_config(d, c);
		break;
	}
	d->hdr = hdr < left ? hdr : left;
	if (c->err != ST_OK || d->ly->status == ST_LS_MALFORMED)
		return c->err != ST_OK ? c->err : ST_EINVAL;
	if (hdr > left)
		return ST_ETRUNC;
	d->data = 1;		/* the sectors' data */
	return ST_OK;
}

static const struct st_bind aoe_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x88a2 },
};

/* "aoe 20.0 request tag 0x0001cd4a ata Identify Device lba 0xa0000000" */
static int
aoe_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CSTR + 1];
	struct st_out *o = s->o;

	st_ly_fields(s->pkt, ly, aoe_fields, F_CSTR + 1, f);
	st_out_puts(o, "aoe");
	if (f[F_MAJOR] == NULL) {
		st_out_puts(o, " version ");
		s->value(s, f[F_VER]);
		return 1;
	}
	st_out_printf(o, " %u.%u %s", (unsigned)f[F_MAJOR]->val,
	    f[F_MINOR] != NULL ? (unsigned)f[F_MINOR]->val : 0,
	    f[F_RESP] != NULL && f[F_RESP]->val ? "response" : "request");
	if (f[F_ERROR] != NULL) {
		st_out_puts(o, " error ");
		s->value(s, f[F_ERROR]);
	}
	st_out_puts(o, " tag ");
	s->value(s, f[F_TAG]);
	if (f[F_ACMD] != NULL) {
		const char *n = st_valname(ata_cmd_names,
		    (uint32_t)f[F_ACMD]->val);

		st_out_puts(o, " ata ");
		if (n != NULL)
			st_out_puts(o, n);
		else
			s->value(s, f[F_ACMD]);
	}
	if (f[F_ASTAT] != NULL) {
		st_out_puts(o, " status ");
		s->value(s, f[F_ASTAT]);
	}
	if (f[F_LBA] != NULL) {
		st_out_printf(o, " lba %llu sectors %u", (unsigned long long)
		    f[F_LBA]->val, f[F_SECT] != NULL ?
		    (unsigned)f[F_SECT]->val : 0);
	}
	if (f[F_BUFCNT] != NULL) {
		st_out_puts(o, " config buffers ");
		s->value(s, f[F_BUFCNT]);
	}
	return 1;
}

static const struct st_field_desc *const aoe_keys[] = {
	R(F_MAJOR), R(F_MINOR), R(F_CMD), R(F_TAG), NULL,
};

const struct st_proto st_proto_aoe = {
	.name = "aoe",
	.ws = "aoe",
	.title = "ATA over Ethernet",
	.rfc = "AoE specification r1",
	.role = ST_ROLE_CONTROL,
	.fields = aoe_fields,
	.nfields = NFIELDS(aoe_fields),
	.decode = aoe_decode,
	.binds = aoe_binds,
	.nbinds = NFIELDS(aoe_binds),
	.summary = aoe_summary,
	.keys = aoe_keys,
	.color = "\033[35m",
	.explain = "ATA over Ethernet sends a disk's ATA commands in Ethernet "
	    "frames, without IP: a target is its shelf (major) and slot "
	    "(minor) address (0xffff.0xff: every target), a tag matches a "
	    "response to its request, and config queries find the targets "
	    "on the segment.  The LBA is little-endian, as ATA's registers; "
	    "everything else big-endian.",
};
