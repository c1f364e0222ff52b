/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux netfilter NFLOG (LINKTYPE_NFLOG 239): what the kernel's nfnetlink_log
 * hands a logging daemon, written as a capture by libpcap.
 *
 *  | family | version | resource id (16, big-endian) |
 *  then TLVs: | length (16) | type (16) | value, padded to 4 bytes |
 *
 * The TLVs' length and type are in host order (little-endian on the hosts
 * that write these captures, as tshark reads them); their values are in
 * network order.  NFULA_PAYLOAD (9) holds the packet logged, decoded on by
 * the family (2 IPv4, 10 IPv6).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "strata/out.h"
#include "fields.h"

#define NFLOG_MAXTLV	64

static const struct st_valname nflog_type_names[] = {
	{ 1, "NFULA_PACKET_HDR" }, { 2, "NFULA_MARK" },
	{ 3, "NFULA_TIMESTAMP" }, { 4, "NFULA_IFINDEX_INDEV" },
	{ 5, "NFULA_IFINDEX_OUTDEV" }, { 6, "NFULA_IFINDEX_PHYSINDEV" },
	{ 7, "NFULA_IFINDEX_PHYSOUTDEV" }, { 8, "NFULA_HWADDR" },
	{ 9, "NFULA_PAYLOAD" }, { 10, "NFULA_PREFIX" }, { 11, "NFULA_UID" },
	{ 12, "NFULA_SEQ" }, { 13, "NFULA_SEQ_GLOBAL" }, { 14, "NFULA_GID" },
	{ 15, "NFULA_HWTYPE" }, { 16, "NFULA_HWHEADER" },
	{ 17, "NFULA_HWLEN" }, { 0, NULL },
};

static const struct st_valname nflog_fam_names[] = {
	{ 2, "IPv4" }, { 10, "IPv6" }, { 0, NULL },
};

enum { F_FAM, F_VER, F_RESID };

static const struct st_field_desc nflog_fields[] = {
	FDN("family", "nflog.family", "Family", 0, 8, ST_FMT_DEC,
	    nflog_fam_names),
	FD("version", "nflog.version", "Version", 8, 8, ST_FMT_DEC),
	FD("res_id", "nflog.res_id", "Resource id", 16, 16, ST_FMT_DEC),
};

enum {
	T_TLV, T_LEN, T_TYPE, T_PROTO, T_HOOK, T_IN, T_OUT, T_PIN, T_POUT,
	T_PREFIX, T_UID, T_GID, T_VALUE, T_TS, T_N_
};

static const struct st_field_desc nflog_more[] = {
	FD(NULL, "nflog.tlv", "TLV", 0, 0, ST_FMT_BYTES),
	FD(NULL, "nflog.tlv_length", "Length", 0, 16, ST_FMT_DEC),
	FDN(NULL, "nflog.tlv_type", "Type", 0, 16, ST_FMT_DEC,
	    nflog_type_names),
	FD(NULL, "nflog.protocol", "HW protocol", 32, 16, ST_FMT_HEX),
	FD(NULL, "nflog.hook", "Netfilter hook", 48, 8, ST_FMT_DEC),
	FD(NULL, "nflog.ifindex_indev", "IFINDEX_INDEV", 32, 32, ST_FMT_DEC),
	FD(NULL, "nflog.ifindex_outdev", "IFINDEX_OUTDEV", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "nflog.ifindex_physindev", "IFINDEX_PHYSINDEV", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "nflog.ifindex_physoutdev", "IFINDEX_PHYSOUTDEV", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "nflog.prefix", "Prefix", 0, 0, ST_FMT_TEXT),
	FDX(NULL, "nflog.uid", "UID", 32, 32, ST_FMT_DEC, 0, 0, ST_DF_SIGNED,
	    0, NULL),
	FDX(NULL, "nflog.gid", "GID", 32, 32, ST_FMT_DEC, 0, 0, ST_DF_SIGNED,
	    0, NULL),
	FD(NULL, "nflog.tlv_value", "Value", 0, 0, ST_FMT_BYTES),
	FD(NULL, "nflog.timestamp", "Timestamp", 0, 0, ST_FMT_TEXT),
};

/* A 16-bit host-order (little-endian) number at byte at of t, captured. */
static unsigned
nflog_le16(struct st_cur *t, size_t at)
{
	return (unsigned)(st_peek_bits(t, at * 8, 8) |
	    st_peek_bits(t, at * 8 + 8, 8) << 8);
}

/* The prefix: text to its NUL, within n bytes at byte 4 of t. */
static void
nflog_prefix(struct st_dctx *d, struct st_cur *t, size_t n)
{
	char buf[256];
	size_t k;

	for (k = 0; k < n && st_peek_bits(t, (4 + k) * 8, 8) != 0; k++)
		;
	st_escape(t->base + t->off + 4, k, buf, sizeof(buf));
	st_dtext(d, t, &nflog_more[T_PREFIX], 4, n, buf);
}

/* NFULA_TIMESTAMP: seconds and microseconds, 64 bits each, as tshark's
 * absolute time. */
static void
nflog_time(struct st_dctx *d, struct st_cur *t)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	uint64_t sec = st_peek_bits(t, 32, 64), usec = st_peek_bits(t, 96, 64);
	char buf[64];
	time_t tt = (time_t)sec;
	struct tm tm;

	if (sec > ((uint64_t)1 << 40) || usec >= 1000000 ||
	    gmtime_r(&tt, &tm) == NULL)
		snprintf(buf, sizeof(buf), "?");
	else
		snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d.%09u UTC",
		    months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900,
		    tm.tm_hour, tm.tm_min, tm.tm_sec, (unsigned)usec * 1000);
	st_dtext(d, t, &nflog_more[T_TS], 4, 16, buf);
}

/* One TLV's value (n bytes after its 4-byte header at t, captured). */
static void
nflog_value(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	static const uint8_t u32[] = {
		[4] = T_IN, [5] = T_OUT, [6] = T_PIN, [7] = T_POUT,
		[11] = T_UID, [14] = T_GID,
	};

	if (type == 1 && n >= 3) {
		st_dfields(d, t, &nflog_more[T_PROTO], 2);
	} else if (type < sizeof(u32) && u32[type] != 0 && n == 4) {
		st_dfield(d, t, &nflog_more[u32[type]]);
	} else if (type == 3 && n == 16) {
		nflog_time(d, t);
	} else if (type == 10) {
		nflog_prefix(d, t, n);
	} else if (type == 8 || type >= 15) {
		st_dbytes(d, t, &nflog_more[T_VALUE], 4, n);
	}
}

static int
nflog_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t;
	size_t at = 4, len, pay = 0, plen = 0, left;
	unsigned i, type, fam;

	st_dfields(d, c, nflog_fields, NFIELDS(nflog_fields));
	if (c->err != ST_OK)
		return c->err;
	fam = (unsigned)st_peek_bits(c, 0, 8);
	left = st_cur_left(c);
	d->hdr = 4;
	for (i = 0; i < NFLOG_MAXTLV && at < left; i++) {
		t = *c;
		t.off += at;
		if (!st_cur_need(&t, 4))
			return ST_ETRUNC;
		len = nflog_le16(&t, 0);
		type = nflog_le16(&t, 2) & 0x7fff;
		if (len < 4)
			return st_dmalformed(d, "TLV length %zu below 4", len);
		if (at + len > left) {
			d->hdr = at;
			return ST_ETRUNC;
		}
		st_dbytes(d, &t, &nflog_more[T_TLV], 0, len);
		st_pkt_add_field(d->pkt, &nflog_more[T_LEN],
		    (uint32_t)(t.off * 8), 16, len);
		st_pkt_add_field(d->pkt, &nflog_more[T_TYPE],
		    (uint32_t)(t.off * 8 + 16), 16, type);
		if (type == 9) {
			pay = at + 4;
			plen = len - 4;
		} else {
			nflog_value(d, &t, type, len - 4);
		}
		at += (len + 3) & ~(size_t)3;
	}
	if (pay == 0) {
		d->hdr = at < left ? at : left;
		d->plen = 0;
		return ST_OK;
	}
	/* The payload is the layer's payload; the TLVs after it its own. */
	d->hdr = pay;
	d->plen = plen;
	d->tail = left > pay + plen ? left - pay - plen : 0;
	if (fam == 2 || fam == 10) {
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = fam == 2 ? 0x0800 : 0x86dd;
	} else {
		d->data = 1;
	}
	return ST_OK;
}

static const struct st_bind nflog_binds[] = {
	{ ST_KEY_LINK, 239 },	/* LINKTYPE_NFLOG */
};

/* "NFLOG group 20" (the resource id: the log group). */
static int
nflog_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[3];

	st_ly_fields(s->pkt, ly, nflog_fields, 3, f);
	if (f[F_RESID] == NULL)
		return 0;
	st_out_puts(s->o, "NFLOG group ");
	st_out_u64(s->o, f[F_RESID]->val);
	return 1;
}

static const struct st_field_desc *const nflog_keys[] = {
	&nflog_fields[F_FAM], &nflog_fields[F_RESID], NULL,
};

const struct st_proto st_proto_nflog = {
	.name = "nflog",
	.ws = "nflog",
	.title = "Linux Netfilter NFLOG",
	.rfc = "Linux nfnetlink_log",
	.role = ST_ROLE_LINK,
	.fields = nflog_fields,
	.nfields = NFIELDS(nflog_fields),
	.more = nflog_more,
	.nmore = NFIELDS(nflog_more),
	.decode = nflog_decode,
	.binds = nflog_binds,
	.nbinds = NFIELDS(nflog_binds),
	.summary = nflog_summary,
	.keys = nflog_keys,
	.explain = "NFLOG is what Linux's netfilter hands a logging daemon "
	    "(iptables -j NFLOG, nftables log group): the address family, a "
	    "version and the log group, then TLVs in host byte order "
	    "(packet header, prefix, interfaces, hardware address, timestamp, "
	    "uid/gid) and the logged packet itself (NFULA_PAYLOAD).",
};
