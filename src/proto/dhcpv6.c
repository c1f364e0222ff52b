/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DHCPv6 (RFC 8415), UDP ports 546 (client) and 547 (server, relay).
 *
 *  +---------------+-----------------------------------------------+
 *  |   msg-type    |               transaction-id (24)             |
 *  |   options: option-code (16), option-len (16), data ...        |
 *
 * Relay-forward and relay-reply (12, 13) carry a hop count, the link and
 * peer addresses, and the relayed message in option 9, decoded in place.
 * Options nest (IA_NA holds IA addresses); nesting is bounded.
 */
#include <time.h>

#include "strata/out.h"
#include "fields.h"

#define D6_MAX_OPTS	64	/* options decoded at one level */
#define D6_MAX_DEPTH	4	/* relayed messages and nested options */
#define D6_2000		946684800	/* 2000-01-01 in Unix seconds */

static const struct st_valname msg_names[] = {
	{ 1, "Solicit" }, { 2, "Advertise" }, { 3, "Request" },
	{ 4, "Confirm" }, { 5, "Renew" }, { 6, "Rebind" }, { 7, "Reply" },
	{ 8, "Release" }, { 9, "Decline" }, { 10, "Reconfigure" },
	{ 11, "Information-request" }, { 12, "Relay-forw" },
	{ 13, "Relay-reply" }, { 0, NULL }
};

/* Wireshark's option names, for dhcpv6.option.type_str. */
static const struct st_valname opt_names[] = {
	{ 1, "Client Identifier" }, { 2, "Server Identifier" },
	{ 3, "Identity Association for Non-temporary Address" },
	{ 4, "Identity Association for Temporary Address" },
	{ 5, "IA Address" }, { 6, "Option Request" }, { 7, "Preference" },
	{ 8, "Elapsed time" }, { 9, "Relay Message" },
	{ 11, "Authentication" }, { 12, "Server unicast" },
	{ 13, "Status code" }, { 14, "Rapid Commit" },
	{ 15, "User Class" }, { 16, "Vendor Class" },
	{ 17, "Vendor-specific Information" }, { 18, "Interface-Id" },
	{ 19, "Reconfigure Message" }, { 20, "Reconfigure Accept" },
	{ 23, "DNS recursive name server" }, { 24, "Domain Search List" },
	{ 25, "Identity Association for Prefix Delegation" },
	{ 26, "IA Prefix" }, { 39, "Client Fully Qualified Domain Name" },
	{ 112, "Manufacturer Usage Description" }, { 0, NULL }
};

enum { F_MSG, F_XID, F_HOPS, F_LINK, F_PEER, F_NFIELDS };

static const struct st_field_desc d6_fields[] = {
	FDN("msgtype", "dhcpv6.msgtype", "Message type", 0, 8, ST_FMT_DEC,
	    msg_names),
	FD("xid", "dhcpv6.xid", "Transaction ID", 8, 24, ST_FMT_HEX),
	FD(NULL, "dhcpv6.hopcount", "Hop count", 8, 8, ST_FMT_DEC),
	FD(NULL, "dhcpv6.linkaddr", "Link address", 16, 128, ST_FMT_IPV6),
	FD(NULL, "dhcpv6.peeraddr", "Peer address", 144, 128, ST_FMT_IPV6),
};

enum { O_STR, O_TYPE, O_LEN, O_DUID, O_DUIDTYPE, O_LLTHW, O_LLTTIME,
	O_LLTADDR, O_LLHW, O_LLADDR, O_UUID, O_ENENT, O_ENID, O_IAID, O_T1,
	O_T2, O_IAADDR, O_PREF, O_VALID, O_ORO, O_ELAPSED, O_STATUS, O_VCENT,
	O_VCDATA, O_IFID, O_DNS, O_SEARCH, O_FQDNFL, O_FQDNS, O_FQDNN,
	O_FQDN, O_MUD, O_N };

static const struct st_field_desc opt_fields[] = {
	FD(NULL, "dhcpv6.option.type_str", "Option", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dhcpv6.option.type", "Option code", 0, 16, ST_FMT_DEC),
	FD(NULL, "dhcpv6.option.length", "Option length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.duid.bytes", "DUID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcpv6.duid.type", "DUID type", 0, 16, ST_FMT_DEC),
	FD(NULL, "dhcpv6.duidllt.hwtype", "Hardware type", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.duidllt.time", "Time", 32, 32, ST_FMT_TEXT),
	FD(NULL, "dhcpv6.duidllt.link_layer_addr", "Link-layer address", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dhcpv6.duidll.hwtype", "Hardware type", 16, 16, ST_FMT_DEC),
	FD(NULL, "dhcpv6.duidll.link_layer_addr", "Link-layer address", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dhcpv6.duiduuid.bytes", "UUID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcpv6.duiden.enterprise", "Enterprise", 16, 32,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.duiden.identifier", "Identifier", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dhcpv6.iaid", "IAID", 0, 32, ST_FMT_TEXT),
	FD(NULL, "dhcpv6.iaid.t1", "T1", 32, 32, ST_FMT_DEC),
	FD(NULL, "dhcpv6.iaid.t2", "T2", 64, 32, ST_FMT_DEC),
	FD(NULL, "dhcpv6.iaaddr.ip", "Address", 0, 128, ST_FMT_IPV6),
	FD(NULL, "dhcpv6.iaaddr.pref_lifetime", "Preferred lifetime", 128, 32,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.iaaddr.valid_lifetime", "Valid lifetime", 160, 32,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.requested_option_code", "Requested option", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.elapsed_time", "Elapsed time (ms)", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.status_code", "Status code", 0, 16, ST_FMT_DEC),
	FD(NULL, "dhcpv6.vendorclass.enterprise", "Enterprise", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "dhcpv6.vendorclass.data", "Vendor class data", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dhcpv6.interface_id", "Interface ID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcpv6.dns_server", "DNS server", 0, 128, ST_FMT_IPV6),
	FD(NULL, "dhcpv6.search_list_entry", "Search domain", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dhcpv6.client_fqdn_flags", "FQDN flags", 0, 8, ST_FMT_HEX),
	FD(NULL, "dhcpv6.clientfqdn.client.s", "Server updates AAAA", 7, 1,
	    ST_FMT_BOOL),
	FD(NULL, "dhcpv6.clientfqdn.client.n", "No server updates", 5, 1,
	    ST_FMT_BOOL),
	FD(NULL, "dhcpv6.client_domain", "Client domain", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dhcpv6.mudurl", "MUD URL", 0, 0, ST_FMT_TEXT),
};

#define O(i)	(&opt_fields[i])

static int d6_options(struct st_dctx *, struct st_cur *, size_t, size_t,
    unsigned);
static int d6_message(struct st_dctx *, struct st_cur *, size_t, unsigned);

/* n bytes at c + off as text field fd: hex with colons (sep) or not. */
static void
hex_text(struct st_dctx *d, struct st_cur *c, int fd, size_t off, size_t n,
    int sep)
{
	char buf[3 * 64 + 1];
	size_t i, k = 0;

	if (!st_cur_need(c, off + n))
		return;
	for (i = 0; i < n && i < 64; i++)
		k += (size_t)snprintf(buf + k, sizeof(buf) - k, sep && i > 0 ?
		    ":%02x" : "%02x", c->base[c->off + off + i]);
	buf[k] = '\0';
	st_dtext(d, c, O(fd), off, n, buf);
}

/* DNS names in wire form in n bytes at c + off (RFC 1035 3.1), each as
 * text field fd; dot: a full name ends with a dot, as Wireshark writes. */
static void
names(struct st_dctx *d, struct st_cur *c, int fd, size_t off, size_t n,
    int dot)
{
	char buf[256 * 4 + 2];
	size_t pos = off, start, k, len;
	unsigned labels;
	const uint8_t *p;

	if (!st_cur_need(c, off + n))
		return;
	p = c->base + c->off;
	while (pos < off + n) {
		start = pos;
		k = 0;
		for (labels = 0; pos < off + n && p[pos] != 0 && labels < 128;
		    labels++) {
			len = p[pos];
			if (len > 63 || pos + 1 + len > off + n)
				return (void)st_dmalformed(d, "bad name");
			if (k > 0 && k < sizeof(buf) - 1)
				buf[k++] = '.';
			k += st_escape(p + pos + 1, len, buf + k,
			    sizeof(buf) - 1 - k);
			pos += 1 + len;
		}
		if (pos < off + n) {		/* the root label: full */
			pos++;
			if (dot && k < sizeof(buf) - 1)
				buf[k++] = '.';
		}
		buf[k] = '\0';
		st_dtext(d, c, O(fd), start, pos - start, buf);
	}
}

/* A DUID of n bytes at c + 4 (RFC 8415 11). */
static void
d6_duid(struct st_dctx *d, struct st_cur *c, size_t n)
{
	struct st_cur p = *c;
	char buf[64];
	unsigned type;
	time_t t;
	struct tm tm;

	p.off += 4;
	if (n < 2 || !st_cur_need(&p, n))
		return;
	st_dbytes(d, &p, O(O_DUID), 0, n);
	st_dfield(d, &p, O(O_DUIDTYPE));
	type = (unsigned)st_peek_bits(&p, 0, 16);
	if (type == 1 && n >= 8) {
		st_dfield(d, &p, O(O_LLTHW));
		t = (time_t)(D6_2000 + st_peek_bits(&p, 32, 32));
		if (gmtime_r(&t, &tm) != NULL) {
			strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S", &tm);
			strncat(buf, ".000000000 UTC", sizeof(buf) -
			    strlen(buf) - 1);
			st_dtext(d, &p, O(O_LLTTIME), 4, 4, buf);
		}
		if (n > 8)
			hex_text(d, &p, O_LLTADDR, 8, n - 8, 1);
	} else if (type == 3 && n >= 4) {
		st_dfield(d, &p, O(O_LLHW));
		if (n > 4)
			hex_text(d, &p, O_LLADDR, 4, n - 4, 1);
	} else if (type == 2 && n >= 6) {
		st_dfield(d, &p, O(O_ENENT));
		if (n > 6)
			st_dbytes(d, &p, O(O_ENID), 6, n - 6);
	} else if (type == 4 && n == 18)
		st_dbytes(d, &p, O(O_UUID), 2, 16);
}

/* Vendor class (16): enterprise, then data items each with a length. */
static void
d6_vclass(struct st_dctx *d, struct st_cur *c, size_t n)
{
	char buf[256 * 4 + 1];
	size_t pos = 8, len;
	unsigned i;

	if (n < 4)
		return;
	st_dbytes(d, c, O(O_VCENT), 4, 4);
	for (i = 0; pos + 2 <= 4 + n && i < D6_MAX_OPTS; i++) {
		len = (size_t)st_peek_bits(c, pos * 8, 16);
		if (pos + 2 + len > 4 + n || !st_cur_need(c, pos + 2 + len))
			return;
		st_escape(c->base + c->off + pos + 2, len < 256 ? len : 256,
		    buf, sizeof(buf));
		st_dtext(d, c, O(O_VCDATA), pos + 2, len, buf);
		pos += 2 + len;
	}
}

/* The data of option code (n bytes at c + 4). */
static int
d6_value(struct st_dctx *d, struct st_cur *c, unsigned code, size_t n,
    unsigned depth)
{
	struct st_field *f;
	size_t i;

	switch (code) {
	case 1: case 2:
		d6_duid(d, c, n);
		break;
	case 3:
		if (n < 12)
			return st_dmalformed(d, "IA_NA of %zu bytes", n);
		hex_text(d, c, O_IAID, 4, 4, 0);
		st_dbytes(d, c, O(O_T1), 8, 4);
		st_dbytes(d, c, O(O_T2), 12, 4);
		return d6_options(d, c, 16, 4 + n, depth + 1);
	case 5:
		if (n < 24)
			return st_dmalformed(d, "IA address of %zu bytes", n);
		st_dbytes(d, c, O(O_IAADDR), 4, 16);
		st_dbytes(d, c, O(O_PREF), 20, 4);
		st_dbytes(d, c, O(O_VALID), 24, 4);
		return d6_options(d, c, 28, 4 + n, depth + 1);
	case 6:
		for (i = 0; i + 2 <= n; i += 2)
			st_dbytes(d, c, O(O_ORO), 4 + i, 2);
		break;
	case 8:		/* hundredths of a second, shown in ms */
		if (n == 2 && (f = st_dbytes(d, c, O(O_ELAPSED), 4, 2)) != NULL)
			f->val *= 10;
		break;
	case 13:
		if (n >= 2)
			st_dbytes(d, c, O(O_STATUS), 4, 2);
		break;
	case 16:
		d6_vclass(d, c, n);
		break;
	case 18:
		if (n > 0)
			st_dbytes(d, c, O(O_IFID), 4, n);
		break;
	case 23:
		for (i = 0; i + 16 <= n; i += 16)
			st_dbytes(d, c, O(O_DNS), 4 + i, 16);
		break;
	case 24:
		names(d, c, O_SEARCH, 4, n, 1);
		break;
	case 39:
		if (n < 1)
			break;
		st_dbytes(d, c, O(O_FQDNFL), 4, 1);
		{
			struct st_cur fl = *c;

			fl.off += 4;
			st_dfield(d, &fl, O(O_FQDNS));
			st_dfield(d, &fl, O(O_FQDNN));
		}
		names(d, c, O_FQDN, 5, n - 1, 1);
		break;
	case 112:
		if (n > 0 && st_cur_need(c, 4 + n)) {
			char buf[256 * 4 + 1];

			st_escape(c->base + c->off + 4, n < 256 ? n : 256, buf,
			    sizeof(buf));
			st_dtext(d, c, O(O_MUD), 4, n, buf);
		}
		break;
	}
	return ST_OK;
}

/* The options from pos to end of c's bytes, depth levels in. */
static int
d6_options(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    unsigned depth)
{
	struct st_cur p, relay = { NULL, 0, 0, ST_OK };
	unsigned i, code;
	const char *m;
	size_t len;
	int rc;

	if (depth > D6_MAX_DEPTH)
		return st_dmalformed(d, "options nested deeper than %d",
		    D6_MAX_DEPTH);
	for (i = 0; pos < end && i < D6_MAX_OPTS; i++) {
		p = *c;
		p.off += pos;
		if (end - pos < 4)
			return st_dmalformed(d, "option header cut short");
		if (!st_cur_need(&p, 4))
			return ST_ETRUNC;
		code = (unsigned)st_peek_bits(&p, 0, 16);
		len = (size_t)st_peek_bits(&p, 16, 16);
		if ((m = st_valname(opt_names, code)) != NULL)
			st_dtext(d, &p, O(O_STR), 0, 2, m);
		st_dfields(d, &p, opt_fields + O_TYPE, 2);
		if (len > end - pos - 4)
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "option %u of %zu bytes runs past "
			    "its container", code, len);
		if (!st_cur_need(&p, 4 + len))
			return ST_ETRUNC;
		if (code == 9 && relay.base == NULL) {
			relay = p;
			relay.off += 4;
			relay.end = relay.off + len;
		} else if ((rc = d6_value(d, &p, code, len, depth)) != ST_OK)
			return rc;
		pos += 4 + len;
	}
	/* The relayed message: a DHCPv6 layer of its own, as Wireshark
	 * shows it, after this layer's fields (it takes the next ones). */
	if (relay.base != NULL)
		st_dnest(d, &relay, ST_KEY_UDPPORT, 547);
	return ST_OK;
}

/* A message at c + pos to c's end: its header, then its options. */
static int
d6_message(struct st_dctx *d, struct st_cur *c, size_t pos, unsigned depth)
{
	struct st_cur p = *c;
	size_t left;
	unsigned type;

	p.off += pos;
	left = st_cur_left(&p);
	if (depth > D6_MAX_DEPTH)
		return st_dmalformed(d, "relayed deeper than %d", D6_MAX_DEPTH);
	st_dfield(d, &p, &d6_fields[F_MSG]);
	if (p.err != ST_OK)
		return ST_ETRUNC;
	type = (unsigned)st_peek_bits(&p, 0, 8);
	if (type == 12 || type == 13) {
		st_dfields(d, &p, d6_fields + F_HOPS, 3);
		if (p.err != ST_OK)
			return ST_ETRUNC;
		return d6_options(d, &p, 34, left, depth);
	}
	st_dfield(d, &p, &d6_fields[F_XID]);
	if (p.err != ST_OK)
		return ST_ETRUNC;
	return d6_options(d, &p, 4, left, depth);
}

static int
d6_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned type;

	/* Message types 1 to 36 are assigned: other bytes are not DHCPv6. */
	if (!st_cur_need(c, 1))
		return ST_ETRUNC;
	type = (unsigned)st_peek_bits(c, 0, 8);
	if (type == 0 || type > 36)
		return ST_ENOTME;
	d->hdr = st_cur_left(c);
	d->plen = 0;
	return d6_message(d, c, 0, 0);
}

static const struct st_bind d6_binds[] = {
	{ ST_KEY_UDPPORT, 546 },
	{ ST_KEY_UDPPORT, 547 },
};

/* "dhcpv6 Solicit xid 0x90b45c", relays: "dhcpv6 Relay-forw ...". */
static int
d6_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, d6_fields, F_NFIELDS, f);
	st_out_puts(s->o, "dhcpv6");
	if (f[F_MSG] != NULL && (m = st_field_meaning(f[F_MSG])) != NULL)
		st_out_printf(s->o, " %s", m);
	if (f[F_PEER] != NULL) {
		st_out_puts(s->o, " peer ");
		s->value(s, f[F_PEER]);
	}
	if (f[F_XID] != NULL) {
		st_out_puts(s->o, " xid ");
		s->value(s, f[F_XID]);
	}
	return 1;
}

static const struct st_field_desc *const d6_keys[] = {
	&d6_fields[F_MSG], &d6_fields[F_XID], NULL,
};

const struct st_proto st_proto_dhcpv6 = {
	.name = "dhcpv6",
	.ws = "dhcpv6",
	.title = "DHCP for IPv6",
	.rfc = "RFC 8415",
	.role = ST_ROLE_APP,
	.fields = d6_fields,
	.nfields = NFIELDS(d6_fields),
	.more = opt_fields,
	.nmore = NFIELDS(opt_fields),
	.decode = d6_decode,
	.binds = d6_binds,
	.nbinds = NFIELDS(d6_binds),
	.summary = d6_summary,
	.keys = d6_keys,
	.color = "\033[33m",
	.explain = "A client multicasts Solicit from port 546 to ff02::1:2 "
	    "port 547; servers Advertise, the client Requests, the server "
	    "Replies with addresses in an identity association (IA_NA).  "
	    "Clients and servers name themselves by DUIDs; a relay wraps the "
	    "message in Relay-forw with the link and peer addresses.",
};
