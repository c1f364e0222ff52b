/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VQP, Cisco's VLAN Query Protocol (UDP 1589): a switch port in dynamic
 * VLAN mode asks a VMPS server which VLAN the MAC address it saw belongs
 * to.  An 8-byte header, then nitems objects:
 *
 *  0               8               16              24             31
 * +---------------+---------------+---------------+---------------+
 * |  Version (1)  | Packet type   |  Error code   |    nitems     |
 * +---------------+---------------+---------------+---------------+
 * |                        Sequence number                        |
 * +---------------------------------------------------------------+
 * object: type (32, 0x00000c01..), length (16), value
 *
 * 0x0c01 client IP address, 0x0c02 port name, 0x0c03 VLAN name, 0x0c04
 * VTP domain, 0x0c05 the Ethernet frame that raised the query, 0x0c06
 * MAC null, 0x0c08 MAC address.  Wireshark has no VQP dissector: the
 * field names are strata's.
 */
#include "strata/out.h"
#include "fields.h"

#define VQP_PORT	1589
#define VQP_HDR		8
#define VQP_TEXTMAX	256

static const struct st_valname type_names[] = {
	{ 1, "Request, Join Port" }, { 2, "Response, VLAN" },
	{ 3, "Request, Reconfirm" }, { 4, "Response, Reconfirm" },
	{ 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 0, "No error" }, { 3, "Access denied" }, { 4, "Shutdown port" },
	{ 5, "Wrong VTP domain" }, { 0, NULL }
};

static const struct st_valname obj_names[] = {
	{ 0x0c01, "Client IP Address" }, { 0x0c02, "Port Name" },
	{ 0x0c03, "VLAN Name" }, { 0x0c04, "VTP Domain" },
	{ 0x0c05, "Ethernet Packet" }, { 0x0c06, "MAC Null" },
	{ 0x0c08, "MAC Address" }, { 0, NULL }
};

enum { F_VERS, F_TYPE, F_ERROR, F_NITEMS, F_SEQ, F_OTYPE, F_OLEN, F_IP,
	F_PORT, F_VLAN, F_DOMAIN, F_FRAME, F_MACNULL, F_MAC, F_DATA,
	F_NROWS };

/* The object rows from the object's start. */
static const struct st_field_desc vqp_fields[] = {
	FD("version", "strata.vqp.version", "Version", 0, 8, ST_FMT_DEC),
	FDN("type", "strata.vqp.type", "Packet type", 8, 8, ST_FMT_DEC,
	    type_names),
	FDN("error", "strata.vqp.error", "Error code", 16, 8, ST_FMT_DEC,
	    error_names),
	FD("nitems", "strata.vqp.nitems", "Number of objects", 24, 8,
	    ST_FMT_DEC),
	FD("seq", "strata.vqp.seq", "Sequence number", 32, 32, ST_FMT_HEX),
	FDN(NULL, "strata.vqp.obj.type", "Object type", 0, 32, ST_FMT_HEX,
	    obj_names),
	FD(NULL, "strata.vqp.obj.length", "Object length", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "strata.vqp.client_ip", "Client IP address", 48, 32,
	    ST_FMT_IPV4),
	FD(NULL, "strata.vqp.port_name", "Port name", 48, 0, ST_FMT_TEXT),
	FD(NULL, "strata.vqp.vlan_name", "VLAN name", 48, 0, ST_FMT_TEXT),
	FD(NULL, "strata.vqp.vtp_domain", "VTP domain", 48, 0, ST_FMT_TEXT),
	FD(NULL, "strata.vqp.ethernet_packet", "Ethernet packet", 48, 0,
	    ST_FMT_BYTES),
	FD(NULL, "strata.vqp.mac_null", "MAC null", 48, 48, ST_FMT_MAC),
	FD(NULL, "strata.vqp.mac", "MAC address", 48, 48, ST_FMT_MAC),
	FD(NULL, "strata.vqp.data", "Data", 48, 0, ST_FMT_BYTES),
};

#define Q(i)	(&vqp_fields[(i)])

/* The value of object type, n bytes after its 6-byte header at t. */
static int
value(struct st_dctx *d, struct st_cur *t, unsigned type, size_t n)
{
	char text[VQP_TEXTMAX * 4 + 1];
	unsigned row;

	switch (type) {
	case 0x0c01:
		if (n != 4)
			return st_dmalformed(d, "client IP of %zu bytes", n);
		st_dfield(d, t, Q(F_IP));
		return ST_OK;
	case 0x0c06: case 0x0c08:
		if (n != 6)
			return st_dmalformed(d, "MAC address of %zu bytes", n);
		st_dfield(d, t, Q(type == 0x0c06 ? F_MACNULL : F_MAC));
		return ST_OK;
	case 0x0c02: case 0x0c03: case 0x0c04:
		row = type == 0x0c02 ? F_PORT : type == 0x0c03 ? F_VLAN :
		    F_DOMAIN;
		if (!st_cur_need(t, 6 + n))
			return ST_OK;
		st_escape_ascii(t->base + t->off + 6, n < VQP_TEXTMAX ? n :
		    VQP_TEXTMAX, text, sizeof(text));
		st_dtext(d, t, Q(row), 6, n, text);
		return ST_OK;
	}
	st_dbytes(d, t, Q(type == 0x0c05 ? F_FRAME : F_DATA), 6, n);
	return ST_OK;
}

static int
vqp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = VQP_HDR, n;
	unsigned nitems, i, type;
	struct st_cur t;
	int rc;

	d->plen = 0;
	d->hdr = left;
	if (st_dfields(d, c, vqp_fields, F_OTYPE) != ST_OK)
		return c->err;
	nitems = (unsigned)st_peek_bits(c, 24, 8);
	/* nitems is one byte: the loop is bounded by 255. */
	for (i = 0; i < nitems; i++) {
		t = *c;
		t.off += pos;
		if (st_dfields(d, &t, Q(F_OTYPE), 2) != ST_OK)
			break;
		type = (unsigned)st_peek_bits(&t, 0, 32);
		n = (size_t)st_peek_bits(&t, 32, 16);
		if (type == 0)
			return st_dmalformed(d, "object %u of type 0", i + 1);
		/* An empty object (a request's VLAN name) has no value. */
		if (n > 0 && (rc = value(d, &t, type, n)) != ST_OK)
			return rc;
		if (n > left - pos - 6) {
			t.err = ST_ETRUNC;
			break;
		}
		pos += 6 + n;
	}
	if (i == nitems) {
		d->hdr = pos;
		return ST_OK;
	}
	if (d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return st_dmalformed(d, "%u objects announced, %u there", nitems, i);
}

static const struct st_bind vqp_binds[] = {
	{ ST_KEY_UDPPORT, VQP_PORT },
};

/* "VQPv1 Request, Join Port, seq 0x00000001, port Fa0/1, MAC
 * 02:00:00:00:00:22"; "VQPv1 Response, VLAN, No error, seq 0x00000001,
 * VLAN users, MAC 02:00:00:00:00:22". */
static int
vqp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS];
	const char *nm;

	st_ly_fields(s->pkt, ly, vqp_fields, F_NROWS, f);
	if (f[F_TYPE] == NULL || f[F_ERROR] == NULL)
		return 0;
	nm = st_valname(type_names, (uint32_t)f[F_TYPE]->val);
	st_out_printf(s->o, "VQPv%u ", (unsigned)f[F_VERS]->val);
	if (nm != NULL)
		st_out_puts(s->o, nm);
	else
		st_out_printf(s->o, "type %u", (unsigned)f[F_TYPE]->val);
	if (f[F_TYPE]->val == 2 || f[F_TYPE]->val == 4) {
		nm = st_valname(error_names, (uint32_t)f[F_ERROR]->val);
		st_out_printf(s->o, ", %s", nm != NULL ? nm : "error");
	}
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, ", seq 0x%08x", (unsigned)f[F_SEQ]->val);
	if (f[F_PORT] != NULL && f[F_PORT]->meaning != NULL)
		st_out_printf(s->o, ", port %s", f[F_PORT]->meaning);
	if (f[F_VLAN] != NULL && f[F_VLAN]->meaning != NULL)
		st_out_printf(s->o, ", VLAN %s", f[F_VLAN]->meaning);
	/* A request names the client's MAC in its MAC null object. */
	if (f[F_MAC] != NULL || f[F_MACNULL] != NULL) {
		st_out_puts(s->o, ", MAC ");
		s->value(s, f[F_MAC] != NULL ? f[F_MAC] : f[F_MACNULL]);
	}
	return 1;
}

static const struct st_field_desc *const vqp_keys[] = {
	Q(F_TYPE), Q(F_ERROR), Q(F_NITEMS), NULL,
};

const struct st_proto st_proto_vqp = {
	.name = "vqp",
	.ws = "vqp",
	.title = "VLAN Query Protocol",
	.rfc = "Cisco",
	.role = ST_ROLE_APP,
	.fields = vqp_fields,
	.nfields = NFIELDS(vqp_fields),
	.decode = vqp_decode,
	.binds = vqp_binds,
	.nbinds = NFIELDS(vqp_binds),
	.summary = vqp_summary,
	.keys = vqp_keys,
	.color = "\033[35m",
	.explain_bits = 64,
	.explain = "A switch port with a dynamic VLAN asks a VLAN Membership "
	    "Policy Server (VMPS) over UDP 1589 which VLAN the first source "
	    "MAC it saw may join: the request (Join Port, or Reconfirm for "
	    "ports already assigned) names the switch's IP, the port, the VTP "
	    "domain, the frame it saw and the MAC; the response gives the "
	    "VLAN name (and echoes the MAC), or an error: access denied, "
	    "shut the port down, wrong VTP domain.  The sequence number pairs "
	    "the two.  Wireshark has no dissector for it; tcpdump's vqp "
	    "printer reads the same layout.",
};
