/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DHCP (RFC 2131) and BOOTP (RFC 951), UDP ports 67 and 68.
 *
 *  0               1               2               3
 * +---------------+---------------+---------------+---------------+
 * |  op (1 or 2)  |  htype        |  hlen         |  hops         |
 * |                          xid (4)                              |
 * |  secs (2)                     |  flags (2, B: broadcast)      |
 * |  ciaddr, yiaddr, siaddr, giaddr (4 each)                      |
 * |  chaddr (16)  sname (64)  file (128)                          |
 * |  magic cookie 99.130.83.99, then options (RFC 2132)           |
 *
 * Each option: code, length, value (0 pad and 255 end have neither).
 * Every option is shown by its code, length and bytes, as Wireshark does,
 * and the common ones by their value too.
 */
#include "strata/out.h"
#include "fields.h"

#define DHCP_FIXED	236	/* bytes before the cookie */
#define DHCP_MAX_OPTS	128	/* options decoded */
#define DHCP_MAX_SUBOPTS 32	/* relay agent sub-options decoded */
#define DHCP_TEXT	255	/* wire bytes of a text option shown */

static const struct st_valname msgtype_names[] = {
	{ 1, "Discover" }, { 2, "Offer" }, { 3, "Request" }, { 4, "Decline" },
	{ 5, "ACK" }, { 6, "NAK" }, { 7, "Release" }, { 8, "Inform" },
	{ 9, "Force Renew" }, { 10, "Lease query" }, { 11, "Lease Unassigned" },
	{ 12, "Lease Unknown" }, { 13, "Lease Active" }, { 0, NULL }
};

static const struct st_valname op_names[] = {
	{ 1, "Boot Request" }, { 2, "Boot Reply" }, { 0, NULL }
};

enum { F_OP, F_HTYPE, F_HLEN, F_HOPS, F_XID, F_SECS, F_FLAGS, F_BC,
	F_FRES, F_CIADDR, F_YIADDR, F_SIADDR, F_GIADDR, F_MAC, F_MACPAD,
	F_HWADDR, F_SNAME, F_FILE, F_COOKIE, F_NFIXED };

static const struct st_field_desc dhcp_fields[] = {
	FDN("op", "dhcp.type", "Message type", 0, 8, ST_FMT_DEC, op_names),
	FD("htype", "dhcp.hw.type", "Hardware type", 8, 8, ST_FMT_HEX),
	FD("hlen", "dhcp.hw.len", "Hardware address length", 16, 8,
	    ST_FMT_DEC),
	FD("hops", "dhcp.hops", "Hops", 24, 8, ST_FMT_DEC),
	FD("xid", "dhcp.id", "Transaction ID", 32, 32, ST_FMT_HEX),
	FD("secs", "dhcp.secs", "Seconds elapsed", 64, 16, ST_FMT_DEC),
	FD("flags", "dhcp.flags", "Flags", 80, 16, ST_FMT_HEX),
	FDD(NULL, "dhcp.flags.bc", "Broadcast", 80, 1, ST_FMT_BOOL),
	FDD(NULL, "dhcp.flags.reserved", "Reserved flags", 81, 15,
	    ST_FMT_HEX),
	FD("ciaddr", "dhcp.ip.client", "Client address", 96, 32, ST_FMT_IPV4),
	FD("yiaddr", "dhcp.ip.your", "Your (client) address", 128, 32,
	    ST_FMT_IPV4),
	FD("siaddr", "dhcp.ip.server", "Next server address", 160, 32,
	    ST_FMT_IPV4),
	FD("giaddr", "dhcp.ip.relay", "Relay agent address", 192, 32,
	    ST_FMT_IPV4),
	FD("chaddr", "dhcp.hw.mac_addr", "Client MAC address", 224, 48,
	    ST_FMT_MAC),
	FD(NULL, "dhcp.hw.addr_padding", "Client hardware address padding",
	    272, 80, ST_FMT_BYTES),
	FD(NULL, "dhcp.hw.addr", "Client hardware address", 224, 128,
	    ST_FMT_BYTES),
	FD(NULL, "dhcp.server", "Server host name", 352, 512, ST_FMT_TEXT),
	FD(NULL, "dhcp.file", "Boot file name", 864, 1024, ST_FMT_TEXT),
	FD(NULL, "dhcp.cookie", "Magic cookie", 1888, 32, ST_FMT_IPV4),
};

/* How an option's value is shown beside its bytes. */
enum { K_IP, K_IPLIST, K_U8, K_U16, K_U32, K_I32, K_STR, K_REQ, K_CLIENTID,
	K_AGENT };

enum { O_TYPE, O_END, O_LEN, O_VALUE, O_PAD, O_TYPEEND, O_CIDTYPE,
	O_CIDUNDEF, O_CIDMAC, O_SUB, O_SUBLEN, O_SUBVAL, O_CIRCUIT, O_REMOTE,
	O_SUBSCR, O_MSGTYPE, O_REQITEM, O_SUBNET, O_TIMEOFF, O_TIMEOFFT,
	O_ROUTER, O_TIMESRV, O_NAMESRV, O_DNS, O_HOST, O_DOMAIN, O_BCAST,
	O_NTP, O_REQIP, O_LEASE, O_SRVID, O_MAXMSG, O_RENEW, O_REBIND,
	O_VENDOR, O_AUTOCONF, O_PROXY, O_CIDHW, O_NOPTS };

static const struct st_field_desc opt_fields[] = {
	FD(NULL, "dhcp.option.type", "Option", 0, 8, ST_FMT_DEC),
	FD(NULL, "dhcp.option.end", "Option end", 0, 8, ST_FMT_DEC),
	FD(NULL, "dhcp.option.length", "Length", 8, 8, ST_FMT_DEC),
	FD(NULL, "dhcp.option.value", "Value", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcp.option.padding", "Padding", 0, 0, ST_FMT_BYTES),
	/* Wireshark's option item for End holds 0, its code in .end. */
	FD(NULL, "dhcp.option.type", "Option (End; the code is in "
	    "dhcp.option.end)", 0, 0, ST_FMT_DEC),
	FD(NULL, "dhcp.client_id.type", "Client ID type", 0, 8, ST_FMT_DEC),
	FD(NULL, "dhcp.client_id.undef", "Client ID", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dhcp.hw.mac_addr", "Client ID (MAC)", 0, 48, ST_FMT_MAC),
	FD(NULL, "dhcp.option.agent_information_option.suboption",
	    "Sub-option", 0, 8, ST_FMT_DEC),
	FD(NULL, "dhcp.option.suboption_length", "Sub-option length", 8, 8,
	    ST_FMT_DEC),
	FD(NULL, "dhcp.option.agent_information_option.value",
	    "Sub-option value", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcp.option.agent_information_option.agent_circuit_id",
	    "Agent circuit ID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcp.option.agent_information_option.agent_remote_id",
	    "Agent remote ID", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dhcp.option.agent_information_option.subscriber_id",
	    "Subscriber ID", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "dhcp.option.dhcp", "DHCP message type", 0, 8, ST_FMT_DEC,
	    msgtype_names),
	FD(NULL, "dhcp.option.request_list_item", "Parameter request", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "dhcp.option.subnet_mask", "Subnet mask", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dhcp.option.time_offset", "Time offset", 0, 32, ST_FMT_DEC),
	FD(NULL, "dhcp.option.time_offset", "Time offset", 0, 32,
	    ST_FMT_TEXT),
	FD(NULL, "dhcp.option.router", "Router", 0, 32, ST_FMT_IPV4),
	FD(NULL, "dhcp.option.time_server", "Time server", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dhcp.option.name_server", "Name server", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dhcp.option.domain_name_server", "DNS server", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dhcp.option.hostname", "Host name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dhcp.option.domain_name", "Domain name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dhcp.option.broadcast_address", "Broadcast address", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dhcp.option.ntp_server", "NTP server", 0, 32, ST_FMT_IPV4),
	FD(NULL, "dhcp.option.requested_ip_address", "Requested address", 0,
	    32, ST_FMT_IPV4),
	FD(NULL, "dhcp.option.ip_address_lease_time", "Lease time (s)", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "dhcp.option.dhcp_server_id", "Server identifier", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dhcp.option.dhcp_max_message_size", "Maximum message size",
	    0, 16, ST_FMT_DEC),
	FD(NULL, "dhcp.option.renewal_time_value", "Renewal time (s)", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "dhcp.option.rebinding_time_value", "Rebinding time (s)", 0,
	    32, ST_FMT_DEC),
	FD(NULL, "dhcp.option.vendor_class_id", "Vendor class", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dhcp.option.dhcp_auto_configuration", "Auto-configure", 0,
	    8, ST_FMT_DEC),
	FD(NULL, "dhcp.option.private_proxy_autodiscovery", "Proxy "
	    "auto-discovery URL", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dhcp.hw.type", "Client ID hardware type", 0, 8, ST_FMT_HEX),
};

/* The options shown by value: code, kind, row. */
static const struct {
	uint8_t	 code, kind, row;
} known[] = {
	{ 1, K_IP, O_SUBNET }, { 2, K_I32, O_TIMEOFF },
	{ 3, K_IPLIST, O_ROUTER }, { 4, K_IPLIST, O_TIMESRV },
	{ 5, K_IPLIST, O_NAMESRV }, { 6, K_IPLIST, O_DNS },
	{ 12, K_STR, O_HOST }, { 15, K_STR, O_DOMAIN }, { 28, K_IP, O_BCAST },
	{ 42, K_IPLIST, O_NTP }, { 50, K_IP, O_REQIP }, { 51, K_U32, O_LEASE },
	{ 53, K_U8, O_MSGTYPE }, { 54, K_IP, O_SRVID }, { 55, K_REQ, O_REQITEM },
	{ 57, K_U16, O_MAXMSG }, { 58, K_U32, O_RENEW },
	{ 59, K_U32, O_REBIND }, { 60, K_STR, O_VENDOR },
	{ 61, K_CLIENTID, O_CIDTYPE }, { 82, K_AGENT, O_SUB },
	{ 116, K_U8, O_AUTOCONF }, { 252, K_STR, O_PROXY },
};

#define O(i)	(&opt_fields[i])

/* n wire bytes at c + off as escaped text in field fd, ending at a NUL as
 * Wireshark's strings do. */
static void
dhcp_text(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[DHCP_TEXT * 4 + 1];
	const uint8_t *p;
	size_t k;

	if (!st_cur_need(c, off + n))
		return;
	p = c->base + c->off + off;
	for (k = 0; k < n && k < DHCP_TEXT && p[k] != '\0'; k++)
		;
	st_escape(p, k, text, sizeof(text));
	st_dtext(d, c, fd, off, n, text);
}

/* Relay agent information (RFC 3046): sub-options in n bytes at c + 2. */
static void
dhcp_agent(struct st_dctx *d, struct st_cur *c, size_t n)
{
	size_t pos = 2, len;
	struct st_cur p;
	unsigned i, code;

	for (i = 0; pos + 2 <= 2 + n && i < DHCP_MAX_SUBOPTS; i++) {
		p = *c;
		p.off += pos;
		st_dfields(d, &p, O(O_SUB), 2);
		code = (unsigned)st_peek_bits(&p, 0, 8);
		len = (size_t)st_peek_bits(&p, 8, 8);
		if (pos + 2 + len > 2 + n) {
			st_dmalformed(d, "agent sub-option of %zu bytes", len);
			return;
		}
		if (len > 0)
			st_dbytes(d, &p, O(O_SUBVAL), 2, len);
		if (code == 1 && len > 0)
			st_dbytes(d, &p, O(O_CIRCUIT), 2, len);
		else if (code == 2 && len > 0)
			st_dbytes(d, &p, O(O_REMOTE), 2, len);
		else if (code == 6)
			dhcp_text(d, &p, O(O_SUBSCR), 2, len);
		pos += 2 + len;
	}
}

/* The value of option code (n bytes at c + 2), when it is a known one. */
static void
dhcp_value(struct st_dctx *d, struct st_cur *c, unsigned code, size_t n)
{
	struct st_field *f;
	size_t i, k;

	for (k = 0; k < NFIELDS(known) && known[k].code != code; k++)
		;
	if (k == NFIELDS(known))
		return;
	switch (known[k].kind) {
	case K_IP: case K_U32:
		if (n == 4)
			st_dbytes(d, c, O(known[k].row), 2, 4);
		break;
	case K_I32:
		if (n == 4 && (f = st_dbytes(d, c, O(O_TIMEOFF), 2, 4)) &&
		    (f->val & 0x80000000u)) {	/* negative: as text */
			char buf[16];

			f->desc = O(O_TIMEOFFT);
			snprintf(buf, sizeof(buf), "%d", (int)(int32_t)f->val);
			f->meaning = st_pkt_strdup(d->pkt, buf);
		}
		break;
	case K_IPLIST:
		for (i = 0; i + 4 <= n; i += 4)
			st_dbytes(d, c, O(known[k].row), 2 + i, 4);
		break;
	case K_U8: case K_U16:
		if (n == (known[k].kind == K_U8 ? 1u : 2u))
			st_dbytes(d, c, O(known[k].row), 2, n);
		break;
	case K_STR:
		dhcp_text(d, c, O(known[k].row), 2, n);
		break;
	case K_REQ:
		for (i = 0; i < n; i++)
			st_dbytes(d, c, O(O_REQITEM), 2 + i, 1);
		break;
	case K_CLIENTID:
		if (n < 1)
			break;
		/* An Ethernet address: its type is a hardware type. */
		if (n == 7 && st_peek_bits(c, 16, 8) == 1) {
			st_dbytes(d, c, O(O_CIDHW), 2, 1);
			st_dbytes(d, c, O(O_CIDMAC), 3, 6);
			break;
		}
		st_dbytes(d, c, O(O_CIDTYPE), 2, 1);
		if (n > 1 && st_peek_bits(c, 16, 8) == 0)
			dhcp_text(d, c, O(O_CIDUNDEF), 3, n - 1);
		break;
	case K_AGENT:
		dhcp_agent(d, c, n);
		break;
	}
}

/* The options from pos to left. */
static int
dhcp_options(struct st_dctx *d, struct st_cur *c, size_t pos, size_t left)
{
	struct st_cur p;
	unsigned i, code;
	size_t len;

	for (i = 0; pos < left && i < DHCP_MAX_OPTS; i++) {
		p = *c;
		p.off += pos;
		code = (unsigned)st_peek_bits(&p, 0, 8);
		if (code == 255) {
			st_pkt_add_field(d->pkt, O(O_TYPEEND), (uint32_t)(p.off *
			    8), 8, 0);
			st_dfield(d, &p, O(O_END));
			if (pos + 1 < left)
				st_dbytes(d, &p, O(O_PAD), 1, left - pos - 1);
			return ST_OK;
		}
		st_dfield(d, &p, O(O_TYPE));
		if (code == 0) {		/* a pad byte */
			pos++;
			continue;
		}
		if (st_dfield(d, &p, O(O_LEN)) == NULL)
			return ST_ETRUNC;
		len = (size_t)st_peek_bits(&p, 8, 8);
		if (pos + 2 + len > left)
			return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
			    st_dmalformed(d, "option %u of %zu bytes runs past "
			    "the packet", code, len);
		if (len > 0)
			st_dbytes(d, &p, O(O_VALUE), 2, len);
		dhcp_value(d, &p, code, len);
		pos += 2 + len;
	}
	return ST_OK;
}

static int
dhcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);

	st_dfields(d, c, dhcp_fields, F_MAC);
	if (c->err != ST_OK)
		return c->err;
	/* An Ethernet address when the header says so, else 16 bytes. */
	if (st_peek_bits(c, 8, 8) == 1 && st_peek_bits(c, 16, 8) == 6)
		st_dfields(d, c, dhcp_fields + F_MAC, 2);
	else
		st_dfield(d, c, &dhcp_fields[F_HWADDR]);
	dhcp_text(d, c, &dhcp_fields[F_SNAME], 44, 64);
	dhcp_text(d, c, &dhcp_fields[F_FILE], 108, 128);
	d->hdr = left;
	d->plen = 0;
	if (c->err != ST_OK)
		return c->err;
	if (left < DHCP_FIXED + 4)	/* BOOTP without a cookie */
		return left == DHCP_FIXED || d->pkt->caplen == d->pkt->len ?
		    ST_OK : ST_ETRUNC;
	if (st_peek_bits(c, DHCP_FIXED * 8, 32) != 0x63825363)
		return ST_OK;		/* BOOTP vendor area */
	st_dfield(d, c, &dhcp_fields[F_COOKIE]);
	return dhcp_options(d, c, DHCP_FIXED + 4, left);
}

static const struct st_bind dhcp_binds[] = {
	{ ST_KEY_UDPPORT, 67 },
	{ ST_KEY_UDPPORT, 68 },
};

/*
 * "dhcp discover xid 0x3903f326 from 00:0b:82:01:fc:42 want 10.0.0.5",
 * "dhcp ack xid ... yiaddr 10.0.0.5 server 10.0.0.1 lease 3600".
 */
static int
dhcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	static const struct { int row; const char *say; } more[] = {
		{ O_REQIP, " want " }, { O_SRVID, " server " },
		{ O_LEASE, " lease " }, { O_HOST, " host " },
	};
	const struct st_field *f[F_NFIXED], *g;
	const char *m;
	size_t i;

	st_ly_fields(s->pkt, ly, dhcp_fields, F_NFIXED, f);
	g = st_pkt_fd(s->pkt, ly, O(O_MSGTYPE));
	st_out_puts(s->o, g != NULL ? "dhcp" : "bootp");
	if (g != NULL && (m = st_field_meaning(g)) != NULL) {
		st_out_putc(s->o, ' ');
		for (; *m != '\0'; m++)
			st_out_putc(s->o, (char)tolower((unsigned char)*m));
	} else if (f[F_OP] != NULL && (m = st_field_meaning(f[F_OP])) != NULL)
		st_out_printf(s->o, " %s", f[F_OP]->val == 1 ? "request" :
		    "reply");
	if (f[F_XID] != NULL) {
		st_out_puts(s->o, " xid ");
		s->value(s, f[F_XID]);
	}
	if (f[F_MAC] != NULL) {
		st_out_puts(s->o, " from ");
		s->value(s, f[F_MAC]);
	}
	if (f[F_YIADDR] != NULL && f[F_YIADDR]->val != 0) {
		st_out_puts(s->o, " yiaddr ");
		s->value(s, f[F_YIADDR]);
	}
	for (i = 0; i < NFIELDS(more); i++)
		if ((g = st_pkt_fd(s->pkt, ly, O(more[i].row))) != NULL) {
			st_out_puts(s->o, more[i].say);
			s->value(s, g);
		}
	return 1;
}

static const struct st_field_desc *const dhcp_keys[] = {
	&dhcp_fields[F_OP], &dhcp_fields[F_XID], &dhcp_fields[F_MAC], NULL,
};

const struct st_proto st_proto_dhcp = {
	.name = "dhcp",
	.ws = "dhcp",
	.title = "Dynamic Host Configuration Protocol",
	.rfc = "RFC 2131, RFC 2132",
	.role = ST_ROLE_APP,
	.fields = dhcp_fields,
	.nfields = NFIELDS(dhcp_fields),
	.more = opt_fields,
	.nmore = NFIELDS(opt_fields),
	.decode = dhcp_decode,
	.binds = dhcp_binds,
	.nbinds = NFIELDS(dhcp_binds),
	.summary = dhcp_summary,
	.keys = dhcp_keys,
	.color = "\033[33m",
	.explain = "A client without an address broadcasts Discover from port "
	    "68 to 67; servers Offer an address (yiaddr), the client Requests "
	    "one, the chosen server ACKs it with a lease time.  The fixed "
	    "BOOTP header (RFC 951) is followed by a magic cookie and options, "
	    "each a code, a length and a value; option 53 says the DHCP "
	    "message type, 55 lists what the client asks for, 82 is added by "
	    "a relay agent (giaddr).",
};
