/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PROFINET DCP, the Discovery and basic Configuration Protocol (IEC
 * 61158-6-10, 4.3), in a PROFINET real-time frame of ID 0xfefc-0xfeff
 * (pnrt.c hands it on): a 10-byte header, then blocks of an option and
 * suboption, a length and the value; in a response a block first has
 * two bytes of block info, in a Set request a qualifier.  Numbers are
 * big-endian.
 *
 *   +--------+--------+--------+--------+--------+--------+
 *   |service |  type  | xid (4 bytes)                     |
 *   +--------+--------+--------+--------+--------+--------+
 *   | response delay  | data length     | blocks ...
 *   +--------+--------+--------+--------+---
 *   | option |suboptn | block length    | (info) value ... (padded to even)
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "indus.h"

#define DCP_HDR		10
#define DCP_MAXBLOCKS	64

enum { S_GET = 3, S_SET = 4, S_IDENTIFY = 5, S_HELLO = 6 };
enum { O_IP = 1, O_DEVICE = 2, O_DHCP = 3, O_CONTROL = 5,
	O_INITIATIVE = 6, O_ALL = 0xff };

enum { F_SERVICE, F_TYPE, F_XID, F_DELAY, F_RES16, F_DLEN, F_OPTION,
	F_SUBIP, F_SUBDEV, F_SUBDHCP, F_SUBCTL, F_SUBINIT, F_SUBALL,
	F_BLEN, F_INFO, F_IPINFO, F_QUALIFIER, F_CTLOPT, F_ERROR, F_MAC, F_IP,
	F_MASK, F_GW, F_VENDORVAL, F_NAME, F_VENDORID, F_DEVICEID, F_NDCP };

static const struct st_valname service_names[] = {
	{ S_GET, "Get" }, { S_SET, "Set" }, { S_IDENTIFY, "Identify" },
	{ S_HELLO, "Hello" }, { 0, NULL }
};

static const struct st_valname type_names[] = {
	{ 0, "Request" }, { 1, "Response Success" },
	{ 5, "Response - Request not supported" }, { 0, NULL }
};

static const struct st_valname option_names[] = {
	{ O_IP, "IP" }, { O_DEVICE, "Device properties" },
	{ O_DHCP, "DHCP" }, { O_CONTROL, "Control" },
	{ O_INITIATIVE, "Device Initiative" }, { 7, "TSN Domain" },
	{ O_ALL, "All Selector" },
	{ 0, NULL }
};

/* Rows are read at the position of their bytes. */
static const struct st_field_desc dcp_fields[F_NDCP] = {
	[F_SERVICE] = FDN("service", "pn_dcp.service_id", "ServiceID", 0, 8,
	    ST_FMT_DEC, service_names),
	[F_TYPE] = FDN("type", "pn_dcp.service_type", "ServiceType", 8, 8,
	    ST_FMT_DEC, type_names),
	[F_XID] = FD("xid", "pn_dcp.xid", "Xid", 16, 32, ST_FMT_HEX),
	/* An Identify request's; reserved in the others. */
	[F_DELAY] = FD("delay", "pn_dcp.response_delay", "ResponseDelay", 48,
	    16, ST_FMT_DEC),
	[F_RES16] = FDD(NULL, "pn_dcp.reserved16", "Reserved", 48, 16,
	    ST_FMT_DEC),
	[F_DLEN] = FD("dlen", "pn_dcp.data_length", "DCPDataLength", 64, 16,
	    ST_FMT_DEC),
	[F_OPTION] = FDN(NULL, "pn_dcp.option", "Option", 0, 8, ST_FMT_DEC,
	    option_names),
	/* The suboption, named by its option as Wireshark names it. */
	[F_SUBIP] = FD(NULL, "pn_dcp.suboption_ip", "Suboption", 0, 8,
	    ST_FMT_DEC),
	[F_SUBDEV] = FD(NULL, "pn_dcp.suboption_device", "Suboption", 0, 8,
	    ST_FMT_DEC),
	[F_SUBDHCP] = FD(NULL, "pn_dcp.suboption_dhcp", "Suboption", 0, 8,
	    ST_FMT_DEC),
	[F_SUBCTL] = FD(NULL, "pn_dcp.suboption_control", "Suboption", 0, 8,
	    ST_FMT_DEC),
	[F_SUBINIT] = FD(NULL, "pn_dcp.suboption_deviceinitiative",
	    "Suboption", 0, 8, ST_FMT_DEC),
	[F_SUBALL] = FD(NULL, "pn_dcp.suboption_all", "Suboption", 0, 8,
	    ST_FMT_DEC),
	[F_BLEN] = FD(NULL, "pn_dcp.block_length", "DCPBlockLength", 0, 16,
	    ST_FMT_DEC),
	[F_INFO] = FD(NULL, "pn_dcp.block_info", "BlockInfo", 0, 16,
	    ST_FMT_DEC),
	[F_IPINFO] = FD(NULL, "pn_dcp.suboption_ip_block_info", "BlockInfo",
	    0, 16, ST_FMT_DEC),
	[F_QUALIFIER] = FD(NULL, "pn_dcp.block_qualifier", "BlockQualifier",
	    0, 16, ST_FMT_DEC),
	/* A Set's answer: the option it answers, then the error. */
	[F_CTLOPT] = FDN(NULL, "pn_dcp.suboption_control_option", "Option",
	    0, 8, ST_FMT_DEC, option_names),
	[F_ERROR] = FD(NULL, "pn_dcp.block_error", "BlockError", 0, 8,
	    ST_FMT_DEC),
	[F_MAC] = FD(NULL, "pn_dcp.suboption_ip_mac_address", "MAC Address",
	    0, 48, ST_FMT_MAC),
	[F_IP] = FD(NULL, "pn_dcp.suboption_ip_ip", "IPaddress", 0, 32,
	    ST_FMT_IPV4),
	[F_MASK] = FD(NULL, "pn_dcp.suboption_ip_subnetmask", "Subnetmask",
	    0, 32, ST_FMT_IPV4),
	[F_GW] = FD(NULL, "pn_dcp.suboption_ip_standard_gateway",
	    "StandardGateway", 0, 32, ST_FMT_IPV4),
	[F_VENDORVAL] = FD(NULL, "pn_dcp.suboption_device_devicevendorvalue",
	    "DeviceVendorValue", 0, 0, ST_FMT_TEXT),
	[F_NAME] = FD(NULL, "pn_dcp.suboption_device_nameofstation",
	    "NameOfStation", 0, 0, ST_FMT_TEXT),
	[F_VENDORID] = FD(NULL, "pn_dcp.suboption_vendor_id", "VendorID", 0,
	    16, ST_FMT_HEX),
	[F_DEVICEID] = FD(NULL, "pn_dcp.suboption_device_id", "DeviceID", 0,
	    16, ST_FMT_HEX),
};

/* Row f over the n bytes at off. */
static struct st_field *
row(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dbytes(d, c, &dcp_fields[f], off, n);
}

/* The suboption's row, by its option. */
static int
subrow(unsigned opt)
{
	switch (opt) {
	case O_IP:		return F_SUBIP;
	case O_DEVICE:		return F_SUBDEV;
	case O_DHCP:		return F_SUBDHCP;
	case O_CONTROL:		return F_SUBCTL;
	case O_INITIATIVE:	return F_SUBINIT;
	case O_ALL:		return F_SUBALL;
	}
	return -1;
}

/* A block's value, its n bytes at off (after any info or qualifier). */
static void
value(struct st_dctx *d, struct st_cur *c, unsigned opt, unsigned sub,
    size_t off, size_t n)
{
	if (opt == O_IP && sub == 1 && n >= 6)
		row(d, c, F_MAC, off, 6);
	else if (opt == O_IP && sub == 2 && n >= 12) {
		row(d, c, F_IP, off, 4);
		row(d, c, F_MASK, off + 4, 4);
		row(d, c, F_GW, off + 8, 4);
	} else if (opt == O_DEVICE && sub == 1 && n > 0)
		st_dtext_ascii(d, c, &dcp_fields[F_VENDORVAL], off, n < 255 ? n :
		    255);
	else if (opt == O_DEVICE && sub == 2 && n > 0)
		st_dtext_ascii(d, c, &dcp_fields[F_NAME], off, n < 255 ? n : 255);
	else if (opt == O_DEVICE && sub == 3 && n >= 4) {
		row(d, c, F_VENDORID, off, 2);
		row(d, c, F_DEVICEID, off + 2, 2);
	}
}

/*
 * The blocks from off to end, of a message of service svc and type
 * (request or response): a Get request lists option and suboption
 * only; the others' blocks have a length, and in a response two bytes
 * of info (a Set's answer: the option answered and an error), in a Set
 * request a qualifier.
 */
static void
blocks(struct st_dctx *d, struct st_cur *c, unsigned svc, unsigned type,
    size_t off, size_t end)
{
	unsigned opt, sub, len, k;
	size_t at, n;
	int sr;

	for (k = 0; k < DCP_MAXBLOCKS && off + 2 <= end && c->err == ST_OK;
	    k++) {
		opt = ind_byte(c, off);
		sub = ind_byte(c, off + 1);
		row(d, c, F_OPTION, off, 1);
		if ((sr = subrow(opt)) >= 0)
			row(d, c, sr, off + 1, 1);
		if (svc == S_GET && type == 0) {
			off += 2;
			continue;
		}
		if (off + 4 > end)
			break;
		len = ind_byte(c, off + 2) << 8 | ind_byte(c, off + 3);
		row(d, c, F_BLEN, off + 2, 2);
		at = off + 4;
		n = len;
		if (at + n > end)
			n = end - at;
		if (type != 0 && opt == O_CONTROL && sub == 4 && n >= 3) {
			row(d, c, F_CTLOPT, at, 1);
			if ((sr = subrow(ind_byte(c, at))) >= 0)
				row(d, c, sr, at + 1, 1);
			row(d, c, F_ERROR, at + 2, 1);
		} else if ((type != 0 || svc == S_HELLO ||
		    svc == S_SET) && n >= 2) {
			/* IP parameter's info has a name of its own */
			row(d, c, type != 0 || svc == S_HELLO ? (opt == O_IP &&
			    sub == 2 ? F_IPINFO : F_INFO) : F_QUALIFIER, at, 2);
			value(d, c, opt, sub, at + 2, n - 2);
		} else if (svc == S_IDENTIFY)
			value(d, c, opt, sub, at, n);
		off = at + len + (len & 1);
	}
}

static int
dcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), end, total;
	unsigned svc, type, dlen;

	svc = ind_byte(c, 0);
	type = ind_byte(c, 1);
	st_dfields(d, c, dcp_fields, F_XID + 1);
	st_dfields_at(d, c, 0, &dcp_fields[svc == S_IDENTIFY && type == 0 ?
	    F_DELAY : F_RES16], 1);
	st_dfields_at(d, c, 0, &dcp_fields[F_DLEN], 1);
	if (c->err != ST_OK)
		return c->err;
	dlen = ind_byte(c, 8) << 8 | ind_byte(c, 9);
	total = DCP_HDR + (size_t)dlen;
	end = total < left ? total : left;
	blocks(d, c, svc, type, DCP_HDR, end);
	if (total > left && d->pkt->caplen == d->pkt->len) {
		c->err = ST_OK;
		d->hdr = left;
		return st_dmalformed(d, "the data length (%u) runs past the "
		    "frame", dlen);
	}
	if (c->err != ST_OK)
		return c->err;
	d->hdr = end;
	if (total > left)
		return ST_ETRUNC;
	/* What follows, Ethernet's padding to the least frame, is the
	 * frame's own. */
	d->tail = left - total;
	return ST_OK;
}

static const struct st_bind dcp_binds[] = {
	{ ST_KEY_FRAMED, 0x504efefc }, { ST_KEY_FRAMED, 0x504efefd },
	{ ST_KEY_FRAMED, 0x504efefe }, { ST_KEY_FRAMED, 0x504efeff },
};

/* "pn_dcp Identify Request xid 0x01020304", "pn_dcp Identify Response
 * Success xid 0x01020304 plc-1". */
static int
dcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NDCP];
	const char *n;

	st_ly_fields(s->pkt, ly, dcp_fields, F_NDCP, f);
	st_out_puts(s->o, "pn_dcp");
	if (f[F_SERVICE] != NULL) {
		n = st_valname(service_names, (uint32_t)f[F_SERVICE]->val);
		if (n != NULL)
			st_out_printf(s->o, " %s", n);
		else
			st_out_printf(s->o, " service %u",
			    (unsigned)f[F_SERVICE]->val);
	}
	if (f[F_TYPE] != NULL &&
	    (n = st_valname(type_names, (uint32_t)f[F_TYPE]->val)) != NULL)
		st_out_printf(s->o, " %s", n);
	if (f[F_XID] != NULL)
		st_out_printf(s->o, " xid 0x%08x", (unsigned)f[F_XID]->val);
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	if (f[F_IP] != NULL) {
		st_out_puts(s->o, " ip ");
		s->value(s, f[F_IP]);
	}
	return 1;
}

static const struct st_field_desc *const dcp_keys[] = {
	&dcp_fields[F_SERVICE], &dcp_fields[F_TYPE], &dcp_fields[F_XID],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_pndcp = {
	.name = "pn_dcp",
	.ws = "pn_dcp",
	.title = "PROFINET DCP",
	.rfc = "IEC 61158-6-10",
	.role = ST_ROLE_APP,
	.fields = dcp_fields,
	.nfields = F_NDCP,
	.decode = dcp_decode,
	.binds = dcp_binds,
	.nbinds = NFIELDS(dcp_binds),
	/* @summary */
	.summary = dcp_summary,
	/* @views */
	.keys = dcp_keys,
	.color = "\033[33m",
	.explain_bits = 80,
	.explain = "PROFINET DCP finds and configures devices on one Ethernet "
	    "segment, before they have an IP address.  An engineering "
	    "station multicasts an Identify request (often for all, the "
	    "All Selector); each device answers after a random part of the "
	    "response delay with blocks: its name of station, IP address, "
	    "netmask and gateway, vendor and device ID.  Set writes a name "
	    "or an address into a device (a block qualifier says whether it "
	    "is kept), Get reads one; the xid pairs an answer with its "
	    "request.  Nothing is authenticated: anyone on the segment can "
	    "rename or readdress a device.",
	/* @craft */
	/* @probes */
};
