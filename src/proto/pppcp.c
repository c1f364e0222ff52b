/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPP's control protocols (Wireshark's packet-ppp.c, one dissector file):
 * LCP (RFC 1661), IPCP (RFC 1332, RFC 1877 DNS), IPV6CP (RFC 5072), PAP
 * (RFC 1334) and CHAP (RFC 1994).  Each packet starts alike:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Code      |  Identifier   |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Data (configure codes 1-4: options, each type, length, value)
 *
 * The length covers the packet from the code: bytes after it (PPPoE
 * padding) are not the packet's.
 */
#include "strata/out.h"
#include "pppcp.h"

#define CP_MAX_OPTS	64	/* options decoded */
#define CP_TEXT		128	/* text bytes shown */

const char cp_ppp_code[] = "ppp.code", cp_ppp_id[] = "ppp.identifier",
    cp_ppp_len[] = "ppp.length", cp_ppp_data[] = "ppp.data";

const struct st_valname cp_code_names[] = {
	{ 1, "Conf-Request" }, { 2, "Conf-Ack" }, { 3, "Conf-Nak" },
	{ 4, "Conf-Reject" }, { 5, "Term-Request" }, { 6, "Term-Ack" },
	{ 7, "Code-Reject" }, { 8, "Prot-Reject" }, { 9, "Echo-Request" },
	{ 10, "Echo-Reply" }, { 11, "Discard-Request" },
	{ 12, "Identification" }, { 13, "Time-Remaining" }, { 0, NULL }
};

static const struct st_valname pap_code_names[] = {
	{ 1, "Auth-Req" }, { 2, "Auth-Ack" }, { 3, "Auth-Nak" }, { 0, NULL }
};

static const struct st_valname chap_code_names[] = {
	{ 1, "Challenge" }, { 2, "Response" }, { 3, "Success" },
	{ 4, "Failure" }, { 0, NULL }
};

static const struct st_valname lcp_opt_names[] = {
	{ 1, "MRU" }, { 2, "ACCM" }, { 3, "auth protocol" },
	{ 4, "quality protocol" }, { 5, "magic number" }, { 7, "PFC" },
	{ 8, "ACFC" }, { 13, "callback" }, { 17, "MRRU" }, { 0, NULL }
};

static const struct st_valname ipcp_opt_names[] = {
	{ 2, "IP compression protocol" }, { 3, "IP address" },
	{ 129, "primary DNS" }, { 130, "primary NBNS" },
	{ 131, "secondary DNS" }, { 132, "secondary NBNS" }, { 0, NULL }
};

static const struct st_valname ipv6cp_opt_names[] = {
	{ 1, "interface identifier" }, { 2, "IPv6 compression protocol" },
	{ 0, NULL }
};

/* ---- LCP ---- */
enum { L_MAGIC = H_N, L_LDATA, L_MSG, L_SECS, L_REJ };

static const struct st_field_desc lcp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
	FD(NULL, "lcp.magic_number", "Magic number", 0, 32, ST_FMT_HEX),
	FD(NULL, "lcp.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "lcp.message", "Message", 0, 0, ST_FMT_TEXT),
	FD(NULL, "lcp.secs_remaining", "Seconds remaining", 0, 32,
	    ST_FMT_DEC),
	FDN(NULL, "lcp.rej_proto", "Rejected protocol", 0, 16, ST_FMT_HEX,
	    NULL),
};

enum { LO_MRU = 3, LO_ACCM, LO_AUTH, LO_QUAL, LO_MAGIC };

static const struct st_field_desc lcp_opt_fields[] = {
	FDN(NULL, "lcp.opt.type", "Type", 0, 8, ST_FMT_DEC, lcp_opt_names),
	FD(NULL, "lcp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.lcp.opt.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "lcp.opt.mru", "Maximum receive unit", 0, 16, ST_FMT_DEC),
	FD(NULL, "lcp.opt.asyncmap", "Async control character map", 0, 32,
	    ST_FMT_HEX),
	FD(NULL, "lcp.opt.auth_protocol", "Authentication protocol", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "lcp.opt.quality_protocol", "Quality protocol", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "lcp.opt.magic_number", "Magic number", 0, 32, ST_FMT_HEX),
	CP_NODE("lcp.opt.vendor", "Vendor specific"),
	CP_NODE("lcp.opt.mtu_bytes", "Maximum receive unit"),
	CP_NODE("lcp.opt.asyncmap_bytes", "Async control character map"),
	CP_NODE("lcp.opt.auth_protocol_bytes", "Authentication protocol"),
	CP_NODE("lcp.opt.quality_protocol_bytes", "Quality protocol"),
	CP_NODE("lcp.opt.magic_number_bytes", "Magic number"),
	CP_NODE("lcp.opt.field_compress", "Protocol field compression"),
	CP_NODE("lcp.opt.addr_field_compress", "Address and control field "
	    "compression"),
	CP_NODE("lcp.opt.fcs_alternatives_bytes", "FCS alternatives"),
	CP_NODE("lcp.opt.self_desc_pad", "Self describing pad"),
	CP_NODE("lcp.opt.numbered_mode", "Numbered mode"),
	CP_NODE("lcp.opt.callback", "Callback"),
	CP_NODE("lcp.opt.multilink_mrru", "Multilink MRRU"),
	CP_NODE("lcp.opt.multilink_ssnh", "Multilink short sequence number "
	    "header"),
	CP_NODE("lcp.opt.multilink_ep_disc", "Multilink endpoint "
	    "discriminator"),
	/* The ACCM's bits, one per control character (bit 0: NUL). */
	FDD(NULL, "lcp.opt.asyncmap.nul", "NUL", 31, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.soh", "SOH", 30, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.stx", "STX", 29, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.etx", "ETX", 28, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.eot", "EOT", 27, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.enq", "ENQ", 26, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.ack", "ACK", 25, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.bel", "BEL", 24, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.bs", "BS", 23, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.ht", "HT", 22, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.lf", "LF", 21, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.vt", "VT", 20, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.ff", "FF", 19, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.cr", "CR", 18, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.so", "SO", 17, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.si", "SI", 16, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.dle", "DLE", 15, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.dc1", "DC1", 14, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.dc2", "DC2", 13, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.dc3", "DC3", 12, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.dc4", "DC4", 11, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.nak", "NAK", 10, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.syn", "SYN", 9, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.etb", "ETB", 8, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.can", "CAN", 7, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.em", "EM", 6, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.sub", "SUB", 5, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.esc", "ESC", 4, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.fs", "FS", 3, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.gs", "GS", 2, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.rs", "RS", 1, 1, ST_FMT_BOOL),
	FDD(NULL, "lcp.opt.asyncmap.us", "US", 0, 1, ST_FMT_BOOL),
};

enum { LN_VENDOR = LO_MAGIC + 1, LO_ACCMBITS = LN_VENDOR + 15 };

/* By RFC 1661 6, RFC 1570, RFC 1990 5.1. */
static const struct cp_opt lcp_opts[] = {
	{ 0, 0, LN_VENDOR }, { 1, LO_MRU, LN_VENDOR + 1 },
	{ 2, LO_ACCM, LN_VENDOR + 2 }, { 3, LO_AUTH, LN_VENDOR + 3 },
	{ 4, LO_QUAL, LN_VENDOR + 4 }, { 5, LO_MAGIC, LN_VENDOR + 5 },
	{ 7, 0, LN_VENDOR + 6 }, { 8, 0, LN_VENDOR + 7 },
	{ 9, 0, LN_VENDOR + 8 }, { 10, 0, LN_VENDOR + 9 },
	{ 11, 0, LN_VENDOR + 10 }, { 13, 0, LN_VENDOR + 11 },
	{ 17, 0, LN_VENDOR + 12 }, { 18, 0, LN_VENDOR + 13 },
	{ 19, 0, LN_VENDOR + 14 },
};

static const struct cp_spec lcp_spec = {
	lcp_fields, lcp_opt_fields, lcp_opts, NFIELDS(lcp_opts)
};

/* ---- IPCP ---- */
static const struct st_field_desc ipcp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
};

enum { IO_COMP = 3, IO_ADDR, IO_DNS1, IO_NBNS1, IO_DNS2, IO_NBNS2 };

static const struct st_field_desc ipcp_opt_fields[] = {
	FDN(NULL, "ipcp.opt.type", "Type", 0, 8, ST_FMT_DEC, ipcp_opt_names),
	FD(NULL, "ipcp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.ipcp.opt.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ipcp.opt.compress_proto", "IP compression protocol", 0, 16,
	    ST_FMT_HEX),
	FD(NULL, "ipcp.opt.ip_address", "IP address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "ipcp.opt.pri_dns_address", "Primary DNS address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ipcp.opt.pri_nbns_address", "Primary NBNS address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ipcp.opt.sec_dns_address", "Secondary DNS address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "ipcp.opt.sec_nbns_address", "Secondary NBNS address", 0, 32,
	    ST_FMT_IPV4),
	CP_NODE("ipcp.opt.addrs", "IP addresses (deprecated)"),
	CP_NODE("ipcp.opt.compress", "IP compression protocol"),
	CP_NODE("ipcp.opt.addr", "IP address"),
	CP_NODE("ipcp.opt.mobileipv4", "Mobile node's home IP address"),
	CP_NODE("ipcp.opt.pri_dns", "Primary DNS server IP address"),
	CP_NODE("ipcp.opt.pri_nbns", "Primary NBNS server IP address"),
	CP_NODE("ipcp.opt.sec_dns", "Secondary DNS server IP address"),
	CP_NODE("ipcp.opt.sec_nbns", "Secondary NBNS server IP address"),
};

enum { IN_ADDRS = IO_NBNS2 + 1 };

/* By RFC 1332 3, RFC 2290, RFC 1877. */
static const struct cp_opt ipcp_opts[] = {
	{ 1, 0, IN_ADDRS }, { 2, IO_COMP, IN_ADDRS + 1 },
	{ 3, IO_ADDR, IN_ADDRS + 2 }, { 4, 0, IN_ADDRS + 3 },
	{ 129, IO_DNS1, IN_ADDRS + 4 }, { 130, IO_NBNS1, IN_ADDRS + 5 },
	{ 131, IO_DNS2, IN_ADDRS + 6 }, { 132, IO_NBNS2, IN_ADDRS + 7 },
};

static const struct cp_spec ipcp_spec = {
	ipcp_fields, ipcp_opt_fields, ipcp_opts, NFIELDS(ipcp_opts)
};

/* ---- IPV6CP ---- */
static const struct st_field_desc ipv6cp_fields[] = {
	CP_PPP_HEAD(cp_code_names),
};

static const struct st_field_desc ipv6cp_opt_fields[] = {
	FDN(NULL, "ipv6cp.opt.type", "Type", 0, 8, ST_FMT_DEC,
	    ipv6cp_opt_names),
	FD(NULL, "ipv6cp.opt.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "strata.ipv6cp.opt.data", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "ipv6cp.interface_identifier", "Interface identifier", 0, 0,
	    ST_FMT_BYTES),
	CP_NODE("ipv6cp.opt.interface_identifier", "Interface identifier"),
	CP_NODE("ipv6cp.opt.compress", "IPv6 compression"),
};

/* By RFC 5072 4. */
static const struct cp_opt ipv6cp_opts[] = {
	{ 1, 3, 4 }, { 2, 0, 5 },
};

static const struct cp_spec ipv6cp_spec = {
	ipv6cp_fields, ipv6cp_opt_fields, ipv6cp_opts, NFIELDS(ipv6cp_opts)
};

/* ---- PAP and CHAP ---- */
enum { P_PIDLEN = H_N, P_PID, P_PWLEN, P_PW, P_MSGLEN, P_MSG };

static const struct st_field_desc pap_fields[] = {
	CP_HEAD("pap", pap_code_names),
	FD(NULL, "pap.stuff", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "pap.peer_id.length", "Peer-ID length", 0, 8, ST_FMT_DEC),
	FD("peer", "pap.peer_id", "Peer-ID", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pap.password.length", "Password length", 0, 8, ST_FMT_DEC),
	FD(NULL, "pap.password", "Password", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pap.message.length", "Message length", 0, 8, ST_FMT_DEC),
	FD(NULL, "pap.message", "Message", 0, 0, ST_FMT_TEXT),
};

enum { C_VSIZE = H_N, C_VALUE, C_NAME, C_MSG };

static const struct st_field_desc chap_fields[] = {
	CP_HEAD("chap", chap_code_names),
	FD(NULL, "chap.stuff", "Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "chap.value_size", "Value size", 0, 8, ST_FMT_DEC),
	FD(NULL, "chap.value", "Value", 0, 0, ST_FMT_BYTES),
	FD("name", "chap.name", "Name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "chap.message", "Message", 0, 0, ST_FMT_TEXT),
};

/* Row fd as text from the n bytes at off of c. */
static void
cp_text(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char buf[CP_TEXT * 4 + 8];
	struct st_cur t = *c;

	if (!st_cur_need(&t, off + n)) {
		c->err = t.err;
		return;
	}
	st_escape(c->base + c->off + off, n < CP_TEXT ? n : CP_TEXT, buf,
	    sizeof(buf));
	st_dtext(d, c, fd, off, n, buf);
}

/* Row fd (a fixed width) at byte off of c. */
static void
cp_at(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off)
{
	struct st_cur w = *c;

	w.off += off;
	st_dfield(d, &w, fd);
	if (w.err != ST_OK)
		c->err = w.err;
}

/* One option's value, of n bytes at c (past its type and length). */
static void
cp_value(struct st_dctx *d, struct st_cur *c, const struct cp_spec *sp,
    unsigned type, size_t n)
{
	const struct st_field_desc *fd = &sp->o[O_DATA];
	size_t i;

	for (i = 0; i < sp->nopts; i++)
		if (sp->opts[i].type == type && sp->opts[i].row != 0)
			fd = &sp->o[sp->opts[i].row];
	if (fd->bits == 0 || fd->fmt == ST_FMT_BYTES)
		st_dbytes(d, c, fd, 0, n);
	else if (fd->bits / 8 == n)
		st_dfield(d, c, fd);
	else
		st_dbytes(d, c, &sp->o[O_DATA], 0, n);
}

/* The node row of an option of type type and len bytes at c, if any. */
static void
cp_node(struct st_dctx *d, struct st_cur *c, const struct cp_spec *sp,
    unsigned type, size_t len)
{
	size_t i;

	for (i = 0; i < sp->nopts; i++)
		if (sp->opts[i].type == type && sp->opts[i].node != 0)
			st_dbytes(d, c, &sp->o[sp->opts[i].node], 0, len);
}

/* Whether an option running past the n bytes at o is cut by the capture
 * (then c->err says so), not malformed. */
static int
cp_cut(struct st_dctx *d, struct st_cur *c, struct st_cur *o, size_t n)
{
	if (st_cur_left(o) != n || d->pkt->caplen >= d->pkt->len)
		return 0;
	c->err = ST_ETRUNC;
	return 1;
}

/* The options in the n bytes at c. */
void
cp_options(struct st_dctx *d, struct st_cur *c, const struct cp_spec *sp,
    size_t n)
{
	struct st_cur o;
	size_t pos = 0, len;
	unsigned i, type;

	for (i = 0; pos < n && i < CP_MAX_OPTS; i++) {
		o = *c;
		o.off += pos;
		if (n - pos < 2) {
			if (!cp_cut(d, c, &o, n - pos))
				st_dmalformed(d, "option header cut short");
			return;
		}
		if (sp->opt == NULL)
			st_dfields(d, &o, sp->o, O_DATA);
		type = (unsigned)st_peek_bits(&o, 0, 8);
		len = (size_t)st_peek_bits(&o, 8, 8);
		if (o.err != ST_OK) {
			c->err = o.err;
			return;
		}
		if (len < 2) {
			st_dmalformed(d, "option length %zu", len);
			return;
		}
		if (len > n - pos) {
			if (!cp_cut(d, c, &o, n - pos))
				st_dmalformed(d, "option length %zu", len);
			return;
		}
		if (sp->opt != NULL)
			sp->opt(d, &o, sp, type, len);
		else {
			cp_node(d, &o, sp, type, len);
			o.off += 2;
			if (len > 2)
				cp_value(d, &o, sp, type, len - 2);
			if (sp == &lcp_spec && type == 2 && len == 6)
				st_dfields(d, &o, lcp_opt_fields + LO_ACCMBITS,
				    32);
		}
		if (o.err != ST_OK) {
			c->err = o.err;
			return;
		}
		if (d->ly->status == ST_LS_MALFORMED)
			return;
		pos += len;
	}
	if (pos < n)
		st_dmalformed(d, "more than %d options", CP_MAX_OPTS);
}

/*
 * The code, identifier and length; sets *n to the bytes after them the
 * packet holds (within what was captured) and d->hdr.  Returns ST_OK or
 * an error.
 */
int
cp_head(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *f,
    size_t *n)
{
	size_t len, left = st_cur_left(c);

	st_dfields(d, c, f, H_DATA);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	len = (size_t)st_peek_bits(c, 16, 16);
	d->hdr = 4;
	if (len < 4)
		return st_dmalformed(d, "length %zu below 4", len);
	d->hdr = len < left ? len : left;
	d->plen = 0;
	*n = d->hdr - 4;
	c->off += 4;
	return len > left ? ST_ETRUNC : ST_OK;
}

/* What an LCP packet holds beyond options (Echo, Reject, Identification). */
static void
lcp_body(struct st_dctx *d, struct st_cur *c, unsigned code, size_t n)
{
	if (code >= 9 && code <= 13) {
		cp_at(d, c, &lcp_fields[L_MAGIC], 0);
		if (n <= 4)
			return;
		if (code == 12)
			cp_text(d, c, &lcp_fields[L_MSG], 4, n - 4);
		else if (code == 13 && n >= 8)
			cp_at(d, c, &lcp_fields[L_SECS], 4);
		else if (code != 13)
			st_dbytes(d, c, &lcp_fields[L_LDATA], 4, n - 4);
	} else if (code == 8 && n >= 2) {
		cp_at(d, c, &lcp_fields[L_REJ], 0);
		if (n > 2)
			st_dbytes(d, c, &lcp_fields[H_DATA], 2, n - 2);
	} else if (n > 0)
		st_dbytes(d, c, &lcp_fields[H_DATA], 0, n);
}

int
cp_decode(struct st_dctx *d, struct st_cur *c, const struct cp_spec *sp,
    int lcp)
{
	unsigned code = (unsigned)st_peek_bits(c, 0, 8);
	size_t n;
	int rc;

	if ((rc = cp_head(d, c, sp->f, &n)) == ST_EINVAL ||
	    d->hdr < 4)
		return rc;
	if (code >= 1 && code <= 4)
		cp_options(d, c, sp, n);
	else if (lcp)
		lcp_body(d, c, code, n);
	else if (n > 0)
		st_dbytes(d, c, &sp->f[H_DATA], 0, n);
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	return rc != ST_OK ? rc : c->err;
}

static int
lcp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &lcp_spec, 1);
}

static int
ipcp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &ipcp_spec, 0);
}

static int
ipv6cp_decode(struct st_dctx *d, struct st_cur *c)
{
	return cp_decode(d, c, &ipv6cp_spec, 0);
}

/* A length byte, then as many bytes of text (PAP); returns the bytes. */
static size_t
pap_pair(struct st_dctx *d, struct st_cur *c, size_t off, size_t n,
    unsigned row)
{
	size_t k;

	if (off >= n) {
		struct st_cur w = *c;

		/* Wireshark reads the length byte past the packet's length
		 * (from padding or a trailer) */
		w.off += off;
		if (st_cur_left(&w) >= 1)
			st_dfield(d, &w, &pap_fields[row]);
		st_dmalformed(d, "%s missing", pap_fields[row].label);
		return n;
	}
	cp_at(d, c, &pap_fields[row], off);
	k = (size_t)st_peek_bits(c, off * 8, 8);
	if (c->err != ST_OK)
		return n;
	if (k > n - off - 1) {
		st_dmalformed(d, "%s length %zu", pap_fields[row + 1].label, k);
		return n;
	}
	cp_text(d, c, &pap_fields[row + 1], off + 1, k);
	return off + 1 + k;
}

static int
pap_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned code = (unsigned)st_peek_bits(c, 0, 8);
	size_t n, off;
	int rc;

	if ((rc = cp_head(d, c, pap_fields, &n)) == ST_EINVAL || d->hdr < 4)
		return rc;
	if (code == 1) {
		off = pap_pair(d, c, 0, n, P_PIDLEN);
		if (d->ly->status != ST_LS_MALFORMED)
			pap_pair(d, c, off, n, P_PWLEN);
	} else if (code == 2 || code == 3)
		pap_pair(d, c, 0, n, P_MSGLEN);
	else if (n > 0)
		st_dbytes(d, c, &pap_fields[H_DATA], 0, n);
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	return rc != ST_OK ? rc : c->err;
}

static int
chap_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned code = (unsigned)st_peek_bits(c, 0, 8);
	size_t n, k;
	int rc;

	if ((rc = cp_head(d, c, chap_fields, &n)) == ST_EINVAL || d->hdr < 4)
		return rc;
	if ((code == 1 || code == 2) && n > 0) {
		cp_at(d, c, &chap_fields[C_VSIZE], 0);
		k = (size_t)st_peek_bits(c, 0, 8);
		if (c->err == ST_OK && k > n - 1)
			return st_dmalformed(d, "value size %zu", k);
		if (k > 0)
			st_dbytes(d, c, &chap_fields[C_VALUE], 1, k);
		if (n > 1 + k)
			cp_text(d, c, &chap_fields[C_NAME], 1 + k, n - 1 - k);
	} else if ((code == 3 || code == 4) && n > 0)
		cp_text(d, c, &chap_fields[C_MSG], 0, n);
	else if (n > 0)
		st_dbytes(d, c, &chap_fields[H_DATA], 0, n);
	return rc != ST_OK ? rc : c->err;
}

static const struct st_bind lcp_binds[] = { { ST_KEY_PPP, 0xc021 } };
static const struct st_bind ipcp_binds[] = { { ST_KEY_PPP, 0x8021 } };
static const struct st_bind ipv6cp_binds[] = { { ST_KEY_PPP, 0x8057 } };
static const struct st_bind pap_binds[] = { { ST_KEY_PPP, 0xc023 } };
static const struct st_bind chap_binds[] = { { ST_KEY_PPP, 0xc223 } };

/*
 * "PPP LCP Conf-Request id 1", as tcpdump names them; PAP adds the
 * peer, CHAP the name, IPCP the address asked for.
 */
void
cp_summary(struct st_sumctx *s, const struct st_layer *ly, const char *what,
    const struct st_field_desc *f)
{
	const struct st_field *h[H_N];
	const char *m;

	st_ly_fields(s->pkt, ly, f, H_N, h);
	st_out_printf(s->o, "PPP %s ", what);
	if (h[H_CODE] != NULL && (m = st_field_meaning(h[H_CODE])) != NULL)
		st_out_puts(s->o, m);
	else {
		st_out_puts(s->o, "code ");
		s->value(s, h[H_CODE]);
	}
	st_out_puts(s->o, " id ");
	s->value(s, h[H_ID]);
}

/* Writes " label value" for the first field of row fd in ly, if any. */
void
cp_fact(struct st_sumctx *s, const struct st_layer *ly,
    const struct st_field_desc *fd, const char *label)
{
	const struct st_field *f[1];

	st_ly_fields(s->pkt, ly, fd, 1, f);
	if (f[0] == NULL)
		return;
	st_out_printf(s->o, " %s ", label);
	s->value(s, f[0]);
}

static int
lcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "LCP", lcp_fields);
	cp_fact(s, ly, &lcp_opt_fields[LO_MRU], "mru");
	cp_fact(s, ly, &lcp_opt_fields[LO_AUTH], "auth");
	cp_fact(s, ly, &lcp_opt_fields[LO_MAGIC], "magic");
	cp_fact(s, ly, &lcp_fields[L_MAGIC], "magic");
	return 1;
}

static int
ipcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "IPCP", ipcp_fields);
	cp_fact(s, ly, &ipcp_opt_fields[IO_ADDR], "addr");
	cp_fact(s, ly, &ipcp_opt_fields[IO_DNS1], "dns");
	return 1;
}

static int
ipv6cp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "IPV6CP", ipv6cp_fields);
	cp_fact(s, ly, &ipv6cp_opt_fields[3], "ifid");
	return 1;
}

static int
pap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "PAP", pap_fields);
	cp_fact(s, ly, &pap_fields[P_PID], "peer");
	cp_fact(s, ly, &pap_fields[P_MSG], "msg");
	return 1;
}

static int
chap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	cp_summary(s, ly, "CHAP", chap_fields);
	cp_fact(s, ly, &chap_fields[C_NAME], "name");
	cp_fact(s, ly, &chap_fields[C_MSG], "msg");
	return 1;
}

static const struct st_field_desc *const lcp_keys[] = {
	&lcp_fields[H_CODE], &lcp_fields[H_ID], NULL,
};
static const struct st_field_desc *const ipcp_keys[] = {
	&ipcp_fields[H_CODE], &ipcp_fields[H_ID], NULL,
};
static const struct st_field_desc *const ipv6cp_keys[] = {
	&ipv6cp_fields[H_CODE], &ipv6cp_fields[H_ID], NULL,
};
static const struct st_field_desc *const pap_keys[] = {
	&pap_fields[H_CODE], &pap_fields[P_PID], NULL,
};
static const struct st_field_desc *const chap_keys[] = {
	&chap_fields[H_CODE], &chap_fields[C_NAME], NULL,
};

const struct st_proto st_proto_lcp = {
	.name = "lcp",
	.ws = "lcp",
	.title = "PPP Link Control Protocol",
	.rfc = "RFC 1661",
	.role = ST_ROLE_CONTROL,
	.fields = lcp_fields,
	.nfields = NFIELDS(lcp_fields),
	.more = lcp_opt_fields,
	.nmore = NFIELDS(lcp_opt_fields),
	.decode = lcp_decode,
	.binds = lcp_binds,
	.nbinds = NFIELDS(lcp_binds),
	.summary = lcp_summary,
	.keys = lcp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " LCP options: MRU, ACCM (control characters "
	    "to escape), the authentication protocol (0xc023 PAP, 0xc223 "
	    "CHAP), a magic number that detects looped links, PFC and ACFC "
	    "(leave out the protocol's first byte, the address and control).",
};

const struct st_proto st_proto_ipcp = {
	.name = "ipcp",
	.ws = "ipcp",
	.title = "PPP IP Control Protocol",
	.rfc = "RFC 1332",
	.role = ST_ROLE_CONTROL,
	.fields = ipcp_fields,
	.nfields = NFIELDS(ipcp_fields),
	.more = ipcp_opt_fields,
	.nmore = NFIELDS(ipcp_opt_fields),
	.decode = ipcp_decode,
	.binds = ipcp_binds,
	.nbinds = NFIELDS(ipcp_binds),
	.summary = ipcp_summary,
	.keys = ipcp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " An address 0.0.0.0 asks the peer to assign "
	    "one (a Nak then carries it), likewise the DNS servers (RFC "
	    "1877).",
};

const struct st_proto st_proto_ipv6cp = {
	.name = "ipv6cp",
	.ws = "ipv6cp",
	.title = "PPP IPv6 Control Protocol",
	.rfc = "RFC 5072",
	.role = ST_ROLE_CONTROL,
	.fields = ipv6cp_fields,
	.nfields = NFIELDS(ipv6cp_fields),
	.more = ipv6cp_opt_fields,
	.nmore = NFIELDS(ipv6cp_opt_fields),
	.decode = ipv6cp_decode,
	.binds = ipv6cp_binds,
	.nbinds = NFIELDS(ipv6cp_binds),
	.summary = ipv6cp_summary,
	.keys = ipv6cp_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = CP_EXPLAIN " The interface identifier is the low 64 bits "
	    "of the link-local address each end will use.",
};

const struct st_proto st_proto_pap = {
	.name = "pap",
	.ws = "pap",
	.title = "PPP Password Authentication Protocol",
	.rfc = "RFC 1334",
	.role = ST_ROLE_CONTROL,
	.fields = pap_fields,
	.nfields = NFIELDS(pap_fields),
	.decode = pap_decode,
	.binds = pap_binds,
	.nbinds = NFIELDS(pap_binds),
	.summary = pap_summary,
	.keys = pap_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "The peer sends its name and password in clear text "
	    "(Auth-Req); the authenticator answers Ack or Nak with a message.",
};

const struct st_proto st_proto_chap = {
	.name = "chap",
	.ws = "chap",
	.title = "PPP Challenge Handshake Authentication Protocol",
	.rfc = "RFC 1994",
	.role = ST_ROLE_CONTROL,
	.fields = chap_fields,
	.nfields = NFIELDS(chap_fields),
	.decode = chap_decode,
	.binds = chap_binds,
	.nbinds = NFIELDS(chap_binds),
	.summary = chap_summary,
	.keys = chap_keys,
	.color = "\033[36m",
	.explain_bits = 32,
	.explain = "The authenticator sends a random challenge; the peer "
	    "answers with a hash (MD5) of the identifier, the shared secret "
	    "and the challenge, then Success or Failure.",
};
