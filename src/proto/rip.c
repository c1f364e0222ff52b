/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RIP, the Routing Information Protocol: version 1 (RFC 1058) and 2 (RFC
 * 2453), UDP port 520.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Command (1)  |  Version (1)  |       must be zero (2)        |
 * +---------------+---------------+-------------------------------+
 * | Address Family Identifier (2) |        Route Tag (2)          |
 * |                         IP Address (4)                        |
 * |                         Subnet Mask (4)                       |
 * |                         Next Hop (4)                          |
 * |                         Metric (4)                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Up to 25 route entries of 20 bytes.  Version 2 puts its authentication
 * (RFC 2453 plain password, RFC 4822 keyed digest) in an entry of family
 * 0xffff.  A request with one entry of family 0 and metric 16 asks for
 * the whole table.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_CMD, F_VER, F_FAMILY, F_TAG, F_IP, F_MASK, F_NH, F_METRIC,
	F_AUTYPE, F_PASSWD, F_DOFF, F_KEYID, F_ADLEN, F_SEQ, F_PAD, F_ADATA,
	F_AMORE };

static const struct st_valname cmd_names[] = {
	{ 1, "Request" }, { 2, "Response" }, { 3, "Traceon" },
	{ 4, "Traceoff" }, { 5, "Vendor specific (Sun)" }, { 0, NULL }
};

static const struct st_valname family_names[] = {
	{ 0, "Unspecified" }, { 2, "IP" }, { 0xffff, "Authentication" },
	{ 0, NULL }
};

static const struct st_valname auth_names[] = {
	{ 1, "Authentication data" }, { 2, "Simple Password" },
	{ 3, "Keyed Message Digest" }, { 0, NULL }
};

/* Entry rows from the entry's start. */
static const struct st_field_desc rip_fields[] = {
	FDN("command", "rip.command", "Command", 0, 8, ST_FMT_DEC, cmd_names),
	FD("version", "rip.version", "Version", 8, 8, ST_FMT_DEC),
	FDN(NULL, "rip.family", "Address family", 0, 16, ST_FMT_DEC,
	    family_names),
	FD(NULL, "rip.route_tag", "Route tag", 16, 16, ST_FMT_DEC),
	FD(NULL, "rip.ip", "IP address", 32, 32, ST_FMT_IPV4),
	FD(NULL, "rip.netmask", "Netmask", 64, 32, ST_FMT_IPV4),
	FD(NULL, "rip.next_hop", "Next hop", 96, 32, ST_FMT_IPV4),
	FD(NULL, "rip.metric", "Metric", 144, 16, ST_FMT_DEC),
	FDN(NULL, "rip.auth.type", "Authentication type", 16, 16, ST_FMT_DEC,
	    auth_names),
	FD(NULL, "rip.auth.passwd", "Password", 32, 0, ST_FMT_TEXT),
	FD(NULL, "rip.digest_offset", "Digest offset", 32, 16, ST_FMT_DEC),
	FD(NULL, "rip.key_id", "Key ID", 48, 8, ST_FMT_DEC),
	FD(NULL, "rip.auth_data_len", "Auth data length", 56, 8, ST_FMT_DEC),
	FD(NULL, "rip.seq_num", "Sequence number", 64, 32, ST_FMT_DEC),
	FD(NULL, "rip.zero_padding", "Zero padding", 96, 0, ST_FMT_TEXT),
	FD(NULL, "rip.authentication_data", "Authentication data", 32, 0,
	    ST_FMT_BYTES),
	FD(NULL, "strata.rip.authentication_data_more",
	    "Authentication data beyond 16 bytes", 0, 0, ST_FMT_BYTES),
};

#define RIP_MAXRTE	64	/* entries read; RFC 2453 sends at most 25 */

/* n wire bytes at byte off of the entry t as text, up to a NUL. */
static void
rip_text(struct st_dctx *d, struct st_cur *t, unsigned fd, size_t off,
    size_t n)
{
	char text[16 * 4 + 1];
	struct st_cur w = *t;
	const uint8_t *p;
	size_t k;

	w.off += off;
	if ((p = st_get_bytes(&w, n)) == NULL) {
		t->err = w.err;
		return;
	}
	for (k = 0; k < n && p[k] != 0; k++)
		;
	st_escape(p, k, text, sizeof(text));
	st_dtext(d, t, &rip_fields[fd], off, n, text);
}

/* An authentication entry (family 0xffff), n bytes left from t. */
static void
rip_auth(struct st_dctx *d, struct st_cur *t, size_t n)
{
	unsigned type = (unsigned)st_peek_bits(t, 16, 16);

	st_dfield(d, t, &rip_fields[F_AUTYPE]);
	if (type == 2)
		rip_text(d, t, F_PASSWD, 4, 16);
	else if (type == 3) {
		st_dfields(d, t, rip_fields + F_DOFF, 4);
		rip_text(d, t, F_PAD, 12, 8);
	} else if (type == 1 && n > 4)
		st_dbytes(d, t, &rip_fields[F_ADATA], 4, n - 4 < 16 ?
		    n - 4 : 16);
}

/*
 * A keyed digest's trailer (RFC 4822): at the digest offset, family
 * 0xffff, type 1, then the digest.  Returns ST_OK or ST_ETRUNC.
 */
static int
rip_trailer(struct st_dctx *d, struct st_cur *c, size_t off, size_t n)
{
	/* n is the digest's length: 16 for keyed MD5 (RFC 2082), 20 to 64
	 * for RFC 4822's HMAC-SHA.  Wireshark shows 16 bytes whatever the
	 * length; the rest of a longer digest goes on in a row of ours. */
	if (!st_cur_need(c, off + 4 + n))
		return ST_ETRUNC;
	if (n > 0)
		st_dbytes(d, c, &rip_fields[F_ADATA], off + 4, n < 16 ? n :
		    16);
	if (n > 16)
		st_dbytes(d, c, &rip_fields[F_AMORE], off + 20, n - 16);
	return ST_OK;
}

/* One route entry at t, version ver. */
static void
rip_rte(struct st_dctx *d, struct st_cur *t, unsigned ver)
{
	unsigned fam = (unsigned)st_peek_bits(t, 0, 16);

	st_dfield(d, t, &rip_fields[F_FAMILY]);
	if (ver >= 2)
		st_dfield(d, t, &rip_fields[F_TAG]);
	/* Family 0 names no address (a request for the whole table). */
	if (fam != 0)
		st_dfield(d, t, &rip_fields[F_IP]);
	if (ver >= 2)
		st_dfields(d, t, rip_fields + F_MASK, 2);
	st_dfield(d, t, &rip_fields[F_METRIC]);
}

static int
rip_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 4, end, doff = 0, dlen = 0;
	struct st_cur t;
	unsigned ver, i;

	st_dfields(d, c, rip_fields, 2);
	if (!st_cur_need(c, 4)) {
		d->hdr = left;
		return c->err;
	}
	ver = (unsigned)st_peek_bits(c, 8, 8);
	if (ver == 0)
		return st_dmalformed(d, "RIP version 0");
	end = left;
	for (i = 0; i < RIP_MAXRTE && pos < end; i++, pos += 20) {
		t = *c;
		t.off += pos;
		if (ver >= 2 && st_peek_bits(&t, 0, 16) == 0xffff) {
			rip_auth(d, &t, left - pos);
			/* Entries stop where a keyed digest's trailer is. */
			if (t.err == ST_OK && st_peek_bits(&t, 16, 16) == 3) {
				doff = (size_t)st_peek_bits(&t, 32, 16);
				dlen = (size_t)st_peek_bits(&t, 56, 8);
				if (doff > left && d->pkt->caplen <
				    d->pkt->len) {
					d->hdr = left;
					return ST_ETRUNC;
				}
				if (doff < pos + 20 || doff > left)
					return st_dmalformed(d, "digest offset "
					    "%zu", doff);
				end = doff;
			}
		} else
			rip_rte(d, &t, ver);
		if (t.err != ST_OK) {
			d->hdr = left;
			return t.err;
		}
	}
	d->hdr = left;
	if (pos < end)
		return st_dmalformed(d, "more than %d route entries",
		    RIP_MAXRTE);
	if (doff != 0 && rip_trailer(d, c, doff, dlen) != ST_OK)
		return ST_ETRUNC;
	if (d->net.tlen > 8 + left)	/* the capture ends before UDP does */
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind rip_binds[] = {
	{ ST_KEY_UDPPORT, 520 },
};

/* As tcpdump: "RIPv2, Response, 3 routes". */
static int
rip_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_FAMILY + 1];
	const struct st_field *fl, *end;
	struct st_out *o = s->o;
	const char *cmd;
	unsigned n = 0;

	st_ly_fields(s->pkt, ly, rip_fields, F_FAMILY + 1, f);
	if (f[F_CMD] == NULL || f[F_VER] == NULL) {
		st_out_puts(o, "RIP");
		return 1;
	}
	fl = &s->pkt->fields[ly->field0];
	for (end = fl + ly->nfields; fl < end; fl++)
		n += fl->desc == &rip_fields[F_FAMILY] && fl->val != 0xffff;
	cmd = st_valname(cmd_names, (uint32_t)f[F_CMD]->val);
	st_out_printf(o, "RIPv%u, %s, %u route%s", (unsigned)f[F_VER]->val,
	    cmd != NULL ? cmd : "unknown command", n, n == 1 ? "" : "s");
	return 1;
}

static const struct st_field_desc *const rip_keys[] = {
	&rip_fields[F_CMD], &rip_fields[F_VER], NULL,
};

const struct st_proto st_proto_rip = {
	.name = "rip",
	.ws = "rip",
	.title = "Routing Information Protocol",
	.rfc = "RFC 2453",
	.role = ST_ROLE_APP,
	.fields = rip_fields,
	.nfields = NFIELDS(rip_fields),
	.decode = rip_decode,
	.binds = rip_binds,
	.nbinds = NFIELDS(rip_binds),
	.summary = rip_summary,
	.keys = rip_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "The oldest distance-vector routing protocol: every 30 "
	    "seconds a router sends its table to UDP port 520, each route "
	    "an address family, address and hop count (16: unreachable). "
	    "Version 2 (RFC 2453) adds a route tag, subnet mask and next "
	    "hop, and an authentication entry (family 0xffff) with a "
	    "password or, per RFC 4822, a keyed digest trailer.",
};
