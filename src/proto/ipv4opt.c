/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 options (RFC 791 3.1, RFC 2113 router alert): read from the
 * header past its 20 bytes by ipv4_options(), and built from a spec's
 * options=... key by ipv4_spec_key().
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "ipv4opt.h"

static const struct st_valname opt_names[] = {
	{ 0, "end of options list" }, { 1, "no-operation" },
	{ 7, "record route" }, { 68, "timestamp" },
	{ 130, "security" }, { 131, "loose source route" },
	{ 133, "extended security" }, { 134, "commercial security" },
	{ 136, "stream ID" }, { 137, "strict source route" },
	{ 82, "traceroute" }, { 11, "MTU probe" }, { 12, "MTU reply" },
	{ 25, "quick-start" }, { 148, "router alert" }, { 0, NULL }
};

static const struct st_valname tsflag_names[] = {
	{ 0, "timestamps only" }, { 1, "addresses and timestamps" },
	{ 3, "prespecified addresses" }, { 0, NULL }
};

const struct st_field_desc ipv4_opt_fields[O_N] = {
	FDN(NULL, "ip.opt.type", "Option type", 0, 8, ST_FMT_DEC, opt_names),
	FD(NULL, "ip.opt.len", "Option length", 8, 8, ST_FMT_DEC),
	FD(NULL, "ip.opt.ptr", "Pointer", 16, 8, ST_FMT_DEC),
	FD(NULL, "ip.rec_rt", "Recorded route", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ip.src_rt", "Source route", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ip.opt.overflow", "Overflow", 24, 4, ST_FMT_DEC),
	FDN(NULL, "ip.opt.flag", "Flag", 28, 4, ST_FMT_DEC, tsflag_names),
	FD(NULL, "ip.opt.time_stamp", "Timestamp", 0, 32, ST_FMT_DEC),
	FD(NULL, "ip.opt.time_stamp_addr", "Address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ip.opt.ra", "Router alert", 16, 16, ST_FMT_DEC),
	FD(NULL, "ip.opt.data", "Option data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ip.opt.padding", "Padding", 0, 0, ST_FMT_BYTES),
};

/* Decodes the data of one option of length len at o (type and length done). */
static void
opt_body(struct st_dctx *d, struct st_cur *o, unsigned type, size_t len)
{
	size_t i;
	unsigned fl, ptr;

	switch (type) {
	case 7:		/* record route */
	case 131:	/* loose source route */
	case 137:	/* strict source route */
		if (len < 3)
			break;
		st_dfield(d, o, &ipv4_opt_fields[O_PTR]);
		ptr = (unsigned)st_peek_bits(o, 16, 8);
		if (ptr < 4 || ptr > len + 1 || (ptr - 4) % 4 != 0)
			st_dmalformed(d, "option %u pointer %u outside its "
			    "addresses", type, ptr);
		for (i = 3; i + 4 <= len; i += 4)
			st_dbytes(d, o, &ipv4_opt_fields[type == 7 ? O_RR : O_SRR],
			    i, 4);
		return;
	case 68:	/* timestamp */
		if (len < 4)
			break;
		st_dfield(d, o, &ipv4_opt_fields[O_PTR]);
		ptr = (unsigned)st_peek_bits(o, 16, 8);
		if (ptr < 5 || ptr > len + 1)
			st_dmalformed(d, "timestamp pointer %u outside the "
			    "option", ptr);
		st_dfield(d, o, &ipv4_opt_fields[O_OVF]);
		st_dfield(d, o, &ipv4_opt_fields[O_TSFLAG]);
		fl = (unsigned)st_peek_bits(o, 28, 4);
		for (i = 4; i + 4 <= len; i += 4) {
			if (fl != 0 && i + 8 <= len) {
				st_dbytes(d, o, &ipv4_opt_fields[O_TSADDR], i, 4);
				i += 4;
			}
			st_dbytes(d, o, &ipv4_opt_fields[O_TS], i, 4);
		}
		return;
	case 148:	/* router alert */
		if (len != 4)
			break;
		st_dfield(d, o, &ipv4_opt_fields[O_RA]);
		return;
	}
	if (len > 2)
		st_dbytes(d, o, &ipv4_opt_fields[O_DATA], 2, len - 2);
}

/*
 * Decodes the options in the n bytes at c.  A bad option length ends the
 * options with the layer marked malformed; the datagram still decodes.
 */
void
ipv4_options(struct st_dctx *d, struct st_cur c, size_t n)
{
	size_t pos = 0, len;
	struct st_cur o;
	unsigned type;

	while (pos < n) {
		o = c;
		o.off += pos;
		type = (unsigned)st_peek_bits(&o, 0, 8);
		st_dfield(d, &o, &ipv4_opt_fields[O_TYPE]);
		if (type == 0) {	/* end of list: the rest is padding */
			if (n - pos > 1)
				st_dbytes(d, &o, &ipv4_opt_fields[O_PAD], 1,
				    n - pos - 1);
			return;
		}
		if (type == 1) {
			pos++;
			continue;
		}
		if (pos + 1 >= n) {
			st_dmalformed(d, "option %u has no length byte", type);
			return;
		}
		len = (size_t)st_peek_bits(&o, 8, 8);
		st_dfield(d, &o, &ipv4_opt_fields[O_LEN]);
		if (len < 2) {
			st_dmalformed(d, "option %u length %zu below 2", type,
			    len);
			return;
		}
		if (len > n - pos) {
			st_dmalformed(d, "option %u length %zu runs past the "
			    "header", type, len);
			return;
		}
		opt_body(d, &o, type, len);
		pos += len;
	}
}

/* "A:B:C" addresses after a source-route option name. */
static int
route_opt(struct st_spec_opts *o, uint8_t type, const char *list,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	char addr[64];
	size_t n = 3, k;

	b[0] = type;
	b[2] = 4;
	while (*list == ':') {
		list++;
		k = strcspn(list, ":");
		if (k >= sizeof(addr) || n + 4 > sizeof(b))
			return st_spec_fail(err, col, "source route too long");
		memcpy(addr, list, k);
		addr[k] = '\0';
		if (inet_pton(AF_INET, addr, b + n) != 1)
			return st_spec_fail(err, col, "'%s' is not an IPv4 "
			    "address", addr);
		n += 4;
		list += k;
	}
	if (n == 3)
		return st_spec_fail(err, col, "source route needs addresses: "
		    "lsrr:A:B");
	b[1] = (uint8_t)n;
	return st_spec_opt(o, b, n, col, err);
}

/*
 * The bytes an option item takes, or 0 for rr and ts without a slot count:
 * those share whatever room the other options leave.
 */
static size_t
option_size(const char *item)
{
	size_t n;

	if (strcmp(item, "rr") == 0 || strcmp(item, "ts") == 0)
		return 0;
	if (strncmp(item, "rr:", 3) == 0 || strncmp(item, "ts:", 3) == 0)
		return (size_t)(item[0] == 'r' ? 3 : 4) +
		    4 * strtoul(item + 3, NULL, 10);
	if (strncmp(item, "lsrr:", 5) == 0 || strncmp(item, "ssrr:", 5) == 0) {
		for (n = 3, item += 4; *item != '\0'; item++)
			n += *item == ':' ? 4 : 0;
		return n;
	}
	if (strcmp(item, "ra") == 0)
		return 4;
	if (strncmp(item, "raw:", 4) == 0)
		return strlen(item + 4) / 2;
	return 1;	/* nop, eol, or an error reported later */
}

/*
 * Record route (rr) or timestamp (ts) with room for `slots` entries, or, when
 * slots is -1, as many as `room` bytes hold (ping -R takes all 40 bytes).
 */
static int
slot_opt(struct st_spec_opts *o, int ts, long slots, size_t room,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	size_t head = ts ? 4 : 3, n;

	if (slots < 0)
		slots = room >= head + 4 ? (long)((room - head) / 4) : 0;
	if (slots < 1 || head + 4 * (size_t)slots > ST_SPEC_OPTS)
		return st_spec_fail(err, col, "no room for %s: it needs at "
		    "least %zu of the %d option bytes", ts ? "ts" : "rr",
		    head + 4, ST_SPEC_OPTS);
	n = head + 4 * (size_t)slots;
	memset(b, 0, sizeof(b));
	b[0] = ts ? 68 : 7, b[1] = (uint8_t)n, b[2] = ts ? 5 : 4;
	return st_spec_opt(o, b, n, col, err);
}

/* The room each rr or ts without a count gets: what the others leave. */
static int
option_room(const char *v, size_t *room, unsigned col, struct st_spec_err *err)
{
	char item[256];
	size_t k, n, fixed = 0, shared = 0;

	for (; *v != '\0'; v += *v == '+') {
		k = strcspn(v, "+");
		if (k >= sizeof(item))
			return st_spec_fail(err, col, "option too long");
		memcpy(item, v, k);
		item[k] = '\0';
		if ((n = option_size(item)) == 0)
			shared++;
		fixed += n;
		v += k;
	}
	*room = fixed < ST_SPEC_OPTS && shared > 0 ?
	    (ST_SPEC_OPTS - fixed) / shared : 0;
	return 0;
}

/* One option item of options=...; room as option_room says. */
static int
option_item(struct st_spec_opts *o, const char *item, size_t room,
    unsigned col, struct st_spec_err *err)
{
	uint8_t b[ST_SPEC_OPTS];
	char *end;
	long n;

	memset(b, 0, sizeof(b));
	if (strcmp(item, "rr") == 0 || strcmp(item, "ts") == 0)
		return slot_opt(o, item[0] == 't', -1, room, col, err);
	if (strncmp(item, "rr:", 3) == 0 || strncmp(item, "ts:", 3) == 0) {
		n = strtol(item + 3, &end, 10);
		if (!isdigit((unsigned char)item[3]) || *end != '\0' ||
		    n < 1 || n > 9)
			return st_spec_fail(err, col, "%.2s: '%s' is not a "
			    "number of slots 1..9", item, item + 3);
		return slot_opt(o, item[0] == 't', n, 0, col, err);
	}
	if (strncmp(item, "lsrr:", 5) == 0 || strncmp(item, "ssrr:", 5) == 0)
		return route_opt(o, item[0] == 'l' ? 131 : 137, item + 4, col,
		    err);
	if (strcmp(item, "ra") == 0) {
		b[0] = 148, b[1] = 4;
		return st_spec_opt(o, b, 4, col, err);
	}
	if (strcmp(item, "nop") == 0 || strcmp(item, "eol") == 0) {
		b[0] = item[0] == 'n' ? 1 : 0;
		return st_spec_opt(o, b, 1, col, err);
	}
	if (strncmp(item, "raw:", 4) == 0) {
		if ((n = st_spec_hex(item + 4, b, sizeof(b))) <= 0)
			return st_spec_fail(err, col, "raw:%s is not hex bytes",
			    item + 4);
		return st_spec_opt(o, b, (size_t)n, col, err);
	}
	return st_spec_fail(err, col, "unknown IPv4 option '%s' (rr, ts, "
	    "rr:N, ts:N, lsrr:A:B, ssrr:A:B, ra, nop, eol, raw:HEX)", item);
}

/*
 * options=... : IPv4 options joined by '+': rr, ts (optionally rr:N, ts:N
 * slots), lsrr:A:B, ssrr:A:B, ra, nop, eol, raw:HEX.
 */
int
ipv4_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned col, struct st_spec_err *err)
{
	char item[256];
	size_t k, room = 0;

	(void)key;	/* only "options" */
	if (v == NULL || *v == '\0')
		return st_spec_fail(err, kcol, "ip options needs a value: "
		    "options=ra+rr");
	if (option_room(v, &room, col, err) != 0)
		return -1;
	while (*v != '\0') {
		k = strcspn(v, "+");
		memcpy(item, v, k);
		item[k] = '\0';
		if (option_item(o, item, room, col, err) != 0)
			return -1;
		v += k;
		if (*v == '+')
			v++;
	}
	return 0;
}
