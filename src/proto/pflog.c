/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pflog, the header OpenBSD's and FreeBSD's pf put before each packet a
 * rule logs (LINKTYPE_PFLOG 117, on the pflog0 interface):
 *
 *   0  length (the header's bytes: 61 before OpenBSD 4.9, padded to 64;
 *      100 since)       1  address family (BSD's: 2, 24/28/30)
 *   2  action           3  reason
 *   4  interface name (16)          20  ruleset (anchor) name (16)
 *  36  rule number      40  subrule number (-1: none; both big-endian)
 *  44  uid, pid, rule uid, rule pid (host order of the logging machine)
 *  60  direction        61  rewritten (OpenBSD 4.9), then padding
 *  64  source and destination address (16 each), ports (OpenBSD 4.9)
 *
 * then the packet, by the address family through the registry (the BSD
 * loopback families).  As Wireshark: the header is the length byte plus
 * 3 pad bytes, or the length byte alone once that reaches 100; the
 * 16-byte ids are there from 64 bytes on, the addresses from 100.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#ifndef DLT_PFLOG
#define DLT_PFLOG	117
#endif

#define PFLOG_MIN	48	/* OpenBSD 3.4's header */
#define PFLOG_IDS	64	/* with the uids and pids */
#define PFLOG_ADDRS	100	/* with rewritten addresses and ports */

static const struct st_valname af_names[] = {
	{ 2, "IPv4" }, { 24, "IPv6" }, { 28, "IPv6 (FreeBSD)" },
	{ 30, "IPv6 (Darwin)" }, { 0, NULL }
};

static const struct st_valname action_names[] = {
	{ 0, "pass" }, { 1, "block" }, { 2, "scrub" }, { 4, "nat" },
	{ 5, "nat" }, { 6, "binat" }, { 7, "binat" }, { 8, "rdr" },
	{ 9, "rdr" }, { 12, "match" }, { 13, "divert" }, { 0, NULL }
};

static const struct st_valname reason_names[] = {
	{ 0, "match" }, { 1, "bad-offset" }, { 2, "fragment" },
	{ 3, "short" }, { 4, "normalize" }, { 5, "memory" },
	{ 6, "timestamp" }, { 7, "congestion" }, { 8, "ip-option" },
	{ 9, "proto-cksum" }, { 10, "state-mismatch" },
	{ 11, "state-ins-fail" }, { 12, "max-states" },
	{ 13, "srcnode-limit" }, { 14, "syn-proxy" }, { 0, NULL }
};

static const struct st_valname dir_names[] = {
	{ 0, "inout" }, { 1, "in" }, { 2, "out" }, { 0, NULL }
};

enum { F_LEN, F_AF, F_ACTION, F_REASON, F_IFNAME, F_RULESET, F_RULENR,
	F_SUBRULENR, F_UID, F_PID, F_RUID, F_RPID, F_DIR, F_REWRITTEN, F_PAD,
	F_SA4, F_DA4, F_SA6, F_DA6, F_SAB, F_DAB, F_SPORT, F_DPORT,
	F_NROWS };

/* The rows from dir on are placed by the header's length. */
static const struct st_field_desc pflog_fields[] = {
	FD("length", "pflog.length", "Header Length", 0, 8, ST_FMT_DEC),
	FDN("af", "pflog.af", "Address Family", 8, 8, ST_FMT_DEC, af_names),
	FDN("action", "pflog.action", "Action", 16, 8, ST_FMT_DEC,
	    action_names),
	FDN("reason", "pflog.reason", "Reason", 24, 8, ST_FMT_DEC,
	    reason_names),
	FD("ifname", "pflog.ifname", "Interface", 32, 128, ST_FMT_TEXT),
	FD(NULL, "pflog.ruleset", "Ruleset", 160, 128, ST_FMT_TEXT),
	FDX("rulenr", "pflog.rulenr", "Rule Number", 288, 32, ST_FMT_DEC, 0,
	    0, ST_DF_SIGNED, 0, NULL),
	FDX(NULL, "pflog.subrulenr", "Sub Rule Number", 320, 32, ST_FMT_DEC,
	    0, 0, ST_DF_SIGNED, 0, NULL),
	FDX(NULL, "pflog.uid", "UID", 0, 32, ST_FMT_DEC, 0, 0, ST_DF_SIGNED,
	    0, NULL),
	FDX(NULL, "pflog.pid", "PID", 0, 32, ST_FMT_DEC, 0, 0, ST_DF_SIGNED,
	    0, NULL),
	FDX(NULL, "pflog.rule_uid", "Rule UID", 0, 32, ST_FMT_DEC, 0, 0,
	    ST_DF_SIGNED, 0, NULL),
	FDX(NULL, "pflog.rule_pid", "Rule PID", 0, 32, ST_FMT_DEC, 0, 0,
	    ST_DF_SIGNED, 0, NULL),
	FDN("dir", "pflog.dir", "Direction", 0, 8, ST_FMT_DEC, dir_names),
	FD(NULL, "pflog.rewritten", "Rewritten", 0, 8, ST_FMT_DEC),
	FD(NULL, "pflog.pad", "Padding", 0, 0, ST_FMT_BYTES),
	FD(NULL, "pflog.saddr.ipv4", "Source Address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "pflog.daddr.ipv4", "Destination Address", 128, 32,
	    ST_FMT_IPV4),
	FD(NULL, "pflog.saddr.ipv6", "Source Address", 0, 128, ST_FMT_IPV6),
	FD(NULL, "pflog.daddr.ipv6", "Destination Address", 128, 128,
	    ST_FMT_IPV6),
	FD(NULL, "pflog.saddr.bytes", "Source Address", 0, 128,
	    ST_FMT_BYTES),
	FD(NULL, "pflog.daddr.bytes", "Destination Address", 128, 128,
	    ST_FMT_BYTES),
	FD(NULL, "pflog.sport", "Source Port", 256, 16, ST_FMT_DEC),
	FD(NULL, "pflog.dport", "Destination Port", 272, 16, ST_FMT_DEC),
};

#define L(i)	(&pflog_fields[(i)])

/* A 16-byte name at byte off, as tshark's ASCII string. */
static void
name(struct st_dctx *d, struct st_cur *c, unsigned row)
{
	const struct st_field_desc *fd = L(row);
	char text[16 * 4 + 1];

	if (!st_cur_need(c, fd->bitoff / 8 + 16))
		return;
	st_escape_ascii(c->base + c->off + fd->bitoff / 8, 16, text,
	    sizeof(text));
	st_dtext(d, c, fd, fd->bitoff / 8, 16, text);
}

/*
 * A signed 32-bit field of row at byte off of c, big-endian or (le)
 * little-endian, held sign-extended as signed fields are.
 */
static void
s32(struct st_dctx *d, struct st_cur *c, size_t off, unsigned row, int le)
{
	struct st_cur r = *c;
	struct st_field *f;
	uint32_t v;

	r.off += off;
	v = le ? st_get_le32(&r) : st_get_be32(&r);
	if (r.err != ST_OK) {
		c->err = r.err;
		return;
	}
	f = st_pkt_add_field(d->pkt, L(row), (uint32_t)((c->off + off) * 8),
	    32, v);
	if (f != NULL)
		f->val = (uint64_t)(int64_t)(int32_t)v;
}

/* The rewritten addresses and ports from byte 64, by family af. */
static void
addrs(struct st_dctx *d, struct st_cur *c, unsigned af)
{
	unsigned row = af == 2 ? F_SA4 : af == 24 ? F_SA6 : F_SAB;

	st_dfields_at(d, c, 64, L(row), 2);
	st_dfields_at(d, c, 64, L(F_SPORT), 2);
}

static int
pflog_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, pos, pad = 3;
	unsigned af;

	d->hdr = left;
	d->plen = 0;
	if (st_dfields(d, c, pflog_fields, F_IFNAME) != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 0, 8) + 3;
	af = (unsigned)st_peek_bits(c, 8, 8);
	if (len < PFLOG_MIN)
		return st_dmalformed(d, "header length %zu below 48", len - 3);
	name(d, c, F_IFNAME);
	name(d, c, F_RULESET);
	s32(d, c, 36, F_RULENR, 0);
	s32(d, c, 40, F_SUBRULENR, 0);
	pos = 44;
	if (len >= PFLOG_IDS) {
		/*
		 * The uids and pids are in the logging host's order, which
		 * the header does not say: read little-endian, as tshark
		 * does on the x86 hosts that read these captures (it takes
		 * its own host's order).
		 */
		for (; pos < 60; pos += 4)
			s32(d, c, pos, F_UID + (unsigned)(pos - 44) / 4, 1);
	}
	st_dfields_at(d, c, pos, L(F_DIR), 1);
	pos++;
	if (len >= PFLOG_ADDRS) {
		/* OpenBSD 4.9: the length byte counts the padding. */
		len -= 3;
		pad = 2;
		st_dfields_at(d, c, pos++, L(F_REWRITTEN), 1);
	}
	if (c->err == ST_OK && st_cur_need(c, pos + pad))
		st_dbytes(d, c, L(F_PAD), pos, pad);
	if (c->err == ST_OK && len >= PFLOG_ADDRS)
		addrs(d, c, af);
	if (c->err != ST_OK || len > left) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "header of %zu bytes in a frame of %zu",
		    len, left);
	}
	d->hdr = len;
	d->plen = SIZE_MAX;
	d->next_key = ST_KEY_NULLFAM;
	d->next_val = af;
	return ST_OK;
}

static const struct st_bind pflog_binds[] = {
	{ ST_KEY_LINK, DLT_PFLOG },
};

/* "rule 3/block in on em0" (a subrule as "3.anchor.1"): the rule, what
 * it did, where; before the logged packet's facts, as a tunnel's. */
static int
pflog_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS];
	const char *a, *dir;

	st_ly_fields(s->pkt, ly, pflog_fields, F_NROWS, f);
	if (f[F_ACTION] == NULL || f[F_RULENR] == NULL)
		return 0;
	a = st_valname(action_names, (uint32_t)f[F_ACTION]->val);
	dir = f[F_DIR] != NULL ? st_valname(dir_names,
	    (uint32_t)f[F_DIR]->val) : NULL;
	st_out_printf(s->o, "rule %d", (int)(int32_t)f[F_RULENR]->val);
	if (f[F_SUBRULENR] != NULL && (int32_t)f[F_SUBRULENR]->val != -1)
		st_out_printf(s->o, ".%s.%d", f[F_RULESET] != NULL &&
		    f[F_RULESET]->meaning != NULL ? f[F_RULESET]->meaning : "",
		    (int)(int32_t)f[F_SUBRULENR]->val);
	st_out_printf(s->o, "/%s", a != NULL ? a : "unknown");
	if (dir != NULL)
		st_out_printf(s->o, " %s", dir);
	if (f[F_IFNAME] != NULL && f[F_IFNAME]->meaning != NULL)
		st_out_printf(s->o, " on %s", f[F_IFNAME]->meaning);
	return 1;
}

static const struct st_field_desc *const pflog_keys[] = {
	L(F_LEN), L(F_AF), L(F_ACTION), L(F_REASON), NULL,
};

const struct st_proto st_proto_pflog = {
	.name = "pflog",
	.ws = "pflog",
	.title = "OpenBSD Packet Filter log file",
	.rfc = "pflog(4)",
	.role = ST_ROLE_LINK,
	/* It carries the logged packet: the summary names the rule first. */
	.flags = ST_PF_TUNNEL,
	.fields = pflog_fields,
	.nfields = NFIELDS(pflog_fields),
	.decode = pflog_decode,
	.binds = pflog_binds,
	.nbinds = NFIELDS(pflog_binds),
	.summary = pflog_summary,
	.keys = pflog_keys,
	.color = "\033[34m",
	.explain_bits = 32,
	.explain = "What pf (OpenBSD, FreeBSD) logged: a rule with the log "
	    "keyword copies each packet it matches to the pflog0 interface, "
	    "after this header: which rule (number, and anchor and subrule "
	    "when inside one), what it did (pass, block, nat, ...), why it "
	    "logged (match, or a normalization or state error), on which "
	    "interface and in which direction, and (OpenBSD 4.9 on) the "
	    "addresses and ports after any rewriting.  The uid and pid are "
	    "those of the socket's owner when pf knew them, -1 otherwise.  "
	    "pflogd(8) saves them to /var/log/pflog, a pcap file of this "
	    "link type.",
};
