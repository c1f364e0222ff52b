/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NAT-PMP (RFC 6886) and PCP, the Port Control Protocol (RFC 6887), on
 * UDP 5350 and 5351: a host asks its NAT gateway for its external address
 * and for port mappings.  Both start with a version byte; Wireshark's
 * one dissector on the two ports shows version 0 as NAT-PMP (nat-pmp.*)
 * and versions 1 and 2 as PCP (portcontrol.*), and anything else not at
 * all.  The two descriptors here are that one dissector's.
 *
 * NAT-PMP:  version 0 | opcode | then by opcode:
 *   0   external address request   (nothing)
 *   128 its response               result(16) epoch(32) address(32)
 *   1,2 map UDP, TCP request       reserved(16) internal port(16)
 *                                  external port(16) lifetime(32)
 *   129,130 their responses        result(16) epoch(32) internal port(16)
 *                                  external port(16) lifetime(32)
 *
 * PCP (RFC 6887 7.1, 7.2), 24 bytes:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version = 2  |R|   Opcode    |  Reserved / Result code       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 (Requested) Lifetime (32 bits)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | request: client IP address (128); response: epoch time (32)   |
 * | and 96 reserved bits                                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then the opcode's body (MAP 11.1: nonce, protocol, ports, external
 * address; PEER 12.1: the same and the remote peer's port and address;
 * version 1 has no nonce) and options (code, reserved, length, data
 * padded to 4 bytes).  Addresses are IPv6, IPv4 ones mapped (::ffff:).
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define PCP_MAXOPT	64	/* options shown in one message */

extern const struct st_proto st_proto_natpmp;

/* NAT-PMP */
enum { N_VER, N_OP,
	N_RESULT, N_EPOCH, N_EXTIP,			/* address response */
	N_RES, N_IPORT, N_EPORT, N_PML,			/* map request */
	N_MRESULT, N_MEPOCH, N_MIPORT, N_MEPORT, N_MPML, /* map response */
	N_NFIELDS };

static const struct st_valname natpmp_ops[] = {
	{ 0, "External Address Request" }, { 128, "External Address Response" },
	{ 1, "Map UDP Request" }, { 129, "Map UDP Response" },
	{ 2, "Map TCP Request" }, { 130, "Map TCP Response" }, { 0, NULL }
};

static const struct st_valname natpmp_results[] = {
	{ 0, "Success" }, { 1, "Unsupported Version" },
	{ 2, "Not Authorized/Refused" }, { 3, "Network Failure" },
	{ 4, "Out of resources" }, { 5, "Unsupported opcode" }, { 0, NULL }
};

static const struct st_field_desc natpmp_fields[N_NFIELDS] = {
	[N_VER] = FD("version", "nat-pmp.version", "Version", 0, 8,
	    ST_FMT_DEC),
	[N_OP] = FDN("opcode", "nat-pmp.opcode", "Opcode", 8, 8, ST_FMT_DEC,
	    natpmp_ops),
	[N_RESULT] = FDN(NULL, "nat-pmp.result_code", "Result Code", 16, 16,
	    ST_FMT_DEC, natpmp_results),
	[N_EPOCH] = FD(NULL, "nat-pmp.sssoe", "Seconds Since Start of Epoch",
	    32, 32, ST_FMT_DEC),
	[N_EXTIP] = FD(NULL, "nat-pmp.external_ip", "External IP Address",
	    64, 32, ST_FMT_IPV4),
	[N_RES] = FD(NULL, "nat-pmp.reserved", "Reserved", 16, 16,
	    ST_FMT_DEC),
	[N_IPORT] = FD(NULL, "nat-pmp.internal_port", "Internal Port", 32, 16,
	    ST_FMT_DEC),
	[N_EPORT] = FD(NULL, "nat-pmp.external_port",
	    "Requested External Port", 48, 16, ST_FMT_DEC),
	[N_PML] = FD(NULL, "nat-pmp.pml", "Requested Port Mapping Lifetime",
	    64, 32, ST_FMT_DEC),
	[N_MRESULT] = FDN(NULL, "nat-pmp.result_code", "Result Code", 16, 16,
	    ST_FMT_DEC, natpmp_results),
	[N_MEPOCH] = FD(NULL, "nat-pmp.sssoe", "Seconds Since Start of Epoch",
	    32, 32, ST_FMT_DEC),
	[N_MIPORT] = FD(NULL, "nat-pmp.internal_port", "Internal Port", 64,
	    16, ST_FMT_DEC),
	[N_MEPORT] = FD(NULL, "nat-pmp.external_port", "Mapped External Port",
	    80, 16, ST_FMT_DEC),
	[N_MPML] = FD(NULL, "nat-pmp.pml", "Port Mapping Lifetime", 96, 32,
	    ST_FMT_DEC),
};

/* PCP: the common header, the opcodes' bodies (from the body's start),
 * the options (from the option's start). */
enum { P_VER, P_R, P_OP, P_REQ, P_RES2, P_LIFE_REQ, P_CLIENT,
	P_RES1, P_RESULT, P_LIFE_RSP, P_EPOCH, P_RES12,
	P_MNONCE, P_MPROTO, P_MRES, P_MIPORT, P_MSUGPORT, P_MSUGIP,
	P_MASSPORT, P_MASSIP,
	P_PNONCE, P_PPROTO, P_PRES, P_PIPORT, P_PSUGPORT, P_PSUGIP,
	P_PASSPORT, P_PASSIP, P_PRPORT, P_PRES2, P_PRIP,
	P_OPTS, P_OPT, P_OCODE, P_ORES, P_OLEN, P_O3P_IP, P_OF_RES,
	P_OF_PLEN, P_OF_PORT, P_OF_IP, P_ODESC, P_OPS_SIZE, P_OPS_SUG,
	P_OPS_ASS, P_OPS_RES, P_OPS_PAR, P_OPAD,
	P_NFIELDS };

static const struct st_valname pcp_ops[] = {
	{ 0, "Announce" }, { 1, "Map" }, { 2, "Peer" }, { 0, NULL }
};

static const struct st_valname pcp_results[] = {
	{ 0, "Success" }, { 1, "Unsupported Version" },
	{ 2, "Not Authorized/Refused" }, { 3, "Malformed Request" },
	{ 4, "Unsupported opcode" }, { 5, "Unsupported option" },
	{ 6, "Malformed option" }, { 7, "Network failure" },
	{ 8, "No resources" }, { 9, "Unsupported protocol" },
	{ 10, "User exceeds quota" }, { 11, "Cannot provide external port" },
	{ 12, "Address mismatch" }, { 13, "Excessive remote peers" },
	{ 0, NULL }
};

static const struct st_valname pcp_options[] = {
	{ 0, "Reserved" }, { 1, "Third Party" }, { 2, "Prefer Failure" },
	{ 3, "Filter" }, { 128, "Description" }, { 129, "Prefix64" },
	{ 130, "Port Set" }, { 0, NULL }
};

static const struct st_field_desc pcp_fields[P_NFIELDS] = {
	[P_VER] = FD("version", "portcontrol.version", "Version", 0, 8,
	    ST_FMT_DEC),
	[P_R] = FD("r", "portcontrol.r", "R (response)", 8, 1, ST_FMT_BOOL),
	[P_OP] = FDN("opcode", "portcontrol.opcode", "Opcode", 9, 7,
	    ST_FMT_DEC, pcp_ops),
	/* Wireshark's hidden marker of a request (its "response" marker is
	 * written 0 by a slip in its dissector, so strata leaves it out) */
	[P_REQ] = FDG("portcontrol.request", "Request", ST_FMT_BOOL, NULL),
	[P_RES2] = FD(NULL, "portcontrol.reserved", "Reserved", 16, 16,
	    ST_FMT_DEC),
	[P_LIFE_REQ] = FD(NULL, "portcontrol.lifetime_req",
	    "Requested Lifetime", 32, 32, ST_FMT_DEC),
	[P_CLIENT] = FD(NULL, "portcontrol.client_ip", "Client IP Address",
	    64, 128, ST_FMT_IPV6),
	[P_RES1] = FD(NULL, "portcontrol.reserved", "Reserved", 16, 8,
	    ST_FMT_DEC),
	[P_RESULT] = FDN(NULL, "portcontrol.result_code", "Result Code", 24,
	    8, ST_FMT_DEC, pcp_results),
	[P_LIFE_RSP] = FD(NULL, "portcontrol.lifetime_rsp", "Lifetime", 32,
	    32, ST_FMT_DEC),
	[P_EPOCH] = FD(NULL, "portcontrol.epoch_time", "Epoch Time", 64, 32,
	    ST_FMT_DEC),
	[P_RES12] = FD(NULL, "portcontrol.rsp_reserved", "Reserved", 96, 96,
	    ST_FMT_BYTES),
	/* MAP, from the body's start (version 2, with the nonce) */
	[P_MNONCE] = FD(NULL, "portcontrol.map.nonce", "Mapping Nonce", 0, 96,
	    ST_FMT_BYTES),
	[P_MPROTO] = FD(NULL, "portcontrol.map.protocol", "Protocol", 96, 8,
	    ST_FMT_DEC),
	[P_MRES] = FD(NULL, "portcontrol.map.reserved", "Reserved", 104, 24,
	    ST_FMT_DEC),
	[P_MIPORT] = FD(NULL, "portcontrol.map.internal_port",
	    "Internal Port", 128, 16, ST_FMT_DEC),
	[P_MSUGPORT] = FD(NULL, "portcontrol.map.req_sug_external_port",
	    "Suggested External Port", 144, 16, ST_FMT_DEC),
	[P_MSUGIP] = FD(NULL, "portcontrol.map.req_sug_external_ip",
	    "Suggested External IP Address", 160, 128, ST_FMT_IPV6),
	[P_MASSPORT] = FD(NULL, "portcontrol.map.rsp_assigned_external_port",
	    "Assigned External Port", 144, 16, ST_FMT_DEC),
	[P_MASSIP] = FD(NULL, "portcontrol.map.rsp_assigned_ext_ip",
	    "Assigned External IP Address", 160, 128, ST_FMT_IPV6),
	/* PEER, from the body's start */
	[P_PNONCE] = FD(NULL, "portcontrol.peer.nonce", "Mapping Nonce", 0,
	    96, ST_FMT_BYTES),
	[P_PPROTO] = FD(NULL, "portcontrol.peer.protocol", "Protocol", 96, 8,
	    ST_FMT_DEC),
	[P_PRES] = FD(NULL, "portcontrol.peer.reserved", "Reserved", 104, 24,
	    ST_FMT_BYTES),
	[P_PIPORT] = FD(NULL, "portcontrol.peer.internal_port",
	    "Internal Port", 128, 16, ST_FMT_DEC),
	[P_PSUGPORT] = FD(NULL, "portcontrol.peer.req_sug_external_port",
	    "Suggested External Port", 144, 16, ST_FMT_DEC),
	[P_PSUGIP] = FD(NULL, "portcontrol.peer.req_sug_external_ip",
	    "Suggested External IP Address", 160, 128, ST_FMT_IPV6),
	[P_PASSPORT] = FD(NULL, "portcontrol.peer.rsp_assigned_external_port",
	    "Assigned External Port", 144, 16, ST_FMT_DEC),
	[P_PASSIP] = FD(NULL, "portcontrol.peer.rsp_assigned_ext_ip",
	    "Assigned External IP Address", 160, 128, ST_FMT_IPV6),
	[P_PRPORT] = FD(NULL, "portcontrol.peer.remote_peer_port",
	    "Remote Peer Port", 288, 16, ST_FMT_DEC),
	[P_PRES2] = FD(NULL, "portcontrol.peer.reserved", "Reserved", 304, 16,
	    ST_FMT_BYTES),
	[P_PRIP] = FD(NULL, "portcontrol.peer.remote_peer_ip",
	    "Remote Peer IP Address", 320, 128, ST_FMT_IPV6),
	/* options: tree nodes of no value, then an option's own rows */
	[P_OPTS] = FD(NULL, "portcontrol.options", "Options", 0, 0,
	    ST_FMT_TEXT),
	[P_OPT] = FD(NULL, "portcontrol.option", "Option", 0, 0, ST_FMT_TEXT),
	[P_OCODE] = FDN(NULL, "portcontrol.option.code", "Option", 0, 8,
	    ST_FMT_DEC, pcp_options),
	[P_ORES] = FD(NULL, "portcontrol.option.reserved", "Reserved", 8, 8,
	    ST_FMT_DEC),
	[P_OLEN] = FD(NULL, "portcontrol.option.length", "Option Length", 16,
	    16, ST_FMT_DEC),
	[P_O3P_IP] = FD(NULL, "portcontrol.option.third_party.internal_ip",
	    "Internal IP Address", 32, 128, ST_FMT_IPV6),
	[P_OF_RES] = FD(NULL, "portcontrol.option.filter.reserved",
	    "Reserved", 32, 8, ST_FMT_DEC),
	[P_OF_PLEN] = FD(NULL, "portcontrol.option.filter.prefix_length",
	    "Prefix Length", 40, 8, ST_FMT_DEC),
	[P_OF_PORT] = FD(NULL, "portcontrol.option.filter.remote_peer_port",
	    "Remote Peer Port", 48, 16, ST_FMT_DEC),
	[P_OF_IP] = FD(NULL, "portcontrol.option.filter.remote_peer_ip",
	    "Remote Peer IP Address", 64, 128, ST_FMT_IPV6),
	[P_ODESC] = FD(NULL, "portcontrol.option.description", "Description",
	    32, 0, ST_FMT_TEXT),
	[P_OPS_SIZE] = FD(NULL, "portcontrol.option.portset.size",
	    "Port Set Size", 32, 16, ST_FMT_DEC),
	[P_OPS_SUG] = FD(NULL,
	    "portcontrol.option.portset.req_sug_first_external_port",
	    "Suggested First Port", 48, 16, ST_FMT_DEC),
	[P_OPS_ASS] = FD(NULL,
	    "portcontrol.option.portset.rsp_assigned_first_external_port",
	    "Assigned First Port", 48, 16, ST_FMT_DEC),
	[P_OPS_RES] = FD(NULL, "portcontrol.option.portset.reserved",
	    "Reserved", 64, 7, ST_FMT_HEX),
	[P_OPS_PAR] = FD(NULL, "portcontrol.option.portset.parity",
	    "Parity Requested", 71, 1, ST_FMT_BOOL),
	[P_OPAD] = FD(NULL, "portcontrol.option.padding", "Padding", 0, 0,
	    ST_FMT_BYTES),
};

#define PR(i)	(&pcp_fields[(i)])

/* A datagram shorter than its message: cut by the capture, or sent so. */
static int
short_msg(struct st_dctx *d, const char *what)
{
	if (d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return st_dmalformed(d, "%s: the datagram ends inside it", what);
}

static int
natpmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned op;
	int rc = ST_OK;

	st_dfields(d, c, natpmp_fields, N_RESULT);
	if (c->err != ST_OK)
		return short_msg(d, "NAT-PMP header");
	op = (unsigned)st_peek_bits(c, 8, 8);
	switch (op) {
	case 0:
		break;
	case 128:
		st_dfields(d, c, &natpmp_fields[N_RESULT], 3);
		break;
	case 1:
	case 2:
		st_dfields(d, c, &natpmp_fields[N_RES], 4);
		break;
	case 129:
	case 130:
		st_dfields(d, c, &natpmp_fields[N_MRESULT], 5);
		break;
	default:
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "NAT-PMP: unknown "
		    "opcode %u", op));
		break;
	}
	if (c->err != ST_OK)
		rc = short_msg(d, "NAT-PMP message");
	d->hdr = left;
	d->plen = 0;
	return rc;
}

/* One option at byte off of c (all of the message's bytes at c): how
 * many bytes it takes with its padding; 0 when it ends the options. */
static size_t
pcp_option(struct st_dctx *d, struct st_cur *c, size_t off, int resp)
{
	struct st_cur o = *c;
	size_t left = st_cur_left(c), len, pad, n;
	unsigned code;

	o.off += off;
	/* the option's node over its bytes, padding included, as captured */
	len = left - off >= 4 ? (size_t)st_peek_bits(&o, 16, 16) : 0;
	n = 4 + len + (4 - len % 4) % 4;
	st_dtext(d, &o, PR(P_OPT), 0, n < left - off ? n : left - off, "");
	st_dfields(d, &o, PR(P_OCODE), 3);
	if (o.err != ST_OK) {
		c->err = o.err;
		return 0;
	}
	code = (unsigned)st_peek_bits(&o, 0, 8);
	len = (size_t)st_peek_bits(&o, 16, 16);
	pad = (4 - len % 4) % 4;
	if (off + 4 + len > left) {
		c->err = o.err = ST_ETRUNC;
		return 0;
	}
	o.end = o.off + 4 + len;
	if (len > 0)
		switch (code) {
		case 1:
			st_dfield(d, &o, PR(P_O3P_IP));
			break;
		case 3:
			st_dfields(d, &o, PR(P_OF_RES), 4);
			break;
		case 128:
			st_dtext_esc(d, &o, PR(P_ODESC), 4, len);
			break;
		case 130:
			st_dfield(d, &o, PR(P_OPS_SIZE));
			st_dfield(d, &o, PR(resp ? P_OPS_ASS : P_OPS_SUG));
			st_dfields(d, &o, PR(P_OPS_RES), 2);
			break;
		}
	if (o.err != ST_OK) {		/* an option shorter than its data */
		st_dmalformed(d, "PCP option %u of %zu bytes is too short for "
		    "its data", code, len);
		return 0;
	}
	if (pad > 0) {
		o.end = c->end;
		if (off + 4 + len + pad > left) {
			c->err = ST_ETRUNC;
			return 0;
		}
		st_dbytes(d, &o, PR(P_OPAD), 4 + len, pad);
	}
	return 4 + len + pad;
}

static int
pcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off, n, body;
	unsigned ver, op, i;
	struct st_cur b;
	int resp;

	st_dfields(d, c, pcp_fields, P_REQ);
	if (c->err != ST_OK)
		return short_msg(d, "PCP header");
	ver = (unsigned)st_peek_bits(c, 0, 8);
	resp = (int)st_peek_bits(c, 8, 1);
	op = (unsigned)st_peek_bits(c, 9, 7);
	d->hdr = left;
	d->plen = 0;
	if (!resp) {
		st_dgen(d, PR(P_REQ), 1);
		st_dfields(d, c, PR(P_RES2), 3);
	} else
		st_dfields(d, c, PR(P_RES1), 5);
	if (c->err != ST_OK)
		return short_msg(d, "PCP header");

	/*
	 * The body: version 1 has no nonce, so its rows start 12 bytes
	 * earlier than the body (inside the header, which is there).
	 */
	b = *c;
	b.off += ver == 1 ? 12 : 24;
	switch (op) {
	case 0:
		body = 0;
		break;
	case 1:
		if (ver > 1)
			st_dfield(d, &b, PR(P_MNONCE));
		st_dfields(d, &b, PR(P_MPROTO), 3);
		st_dfields(d, &b, PR(resp ? P_MASSPORT : P_MSUGPORT), 2);
		body = 36;
		break;
	case 2:
		if (ver > 1)
			st_dfield(d, &b, PR(P_PNONCE));
		st_dfields(d, &b, PR(P_PPROTO), 3);
		st_dfields(d, &b, PR(resp ? P_PASSPORT : P_PSUGPORT), 2);
		st_dfields(d, &b, PR(P_PRPORT), 3);
		body = 56;
		break;
	default:
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "PCP: unknown opcode "
		    "%u: its body and options are not shown", op));
		return ST_OK;
	}
	if (b.err != ST_OK)
		return short_msg(d, "PCP opcode body");
	off = 24 + body - (ver == 1 && body > 0 ? 12 : 0);
	if (off >= left)
		return ST_OK;
	st_dtext(d, c, PR(P_OPTS), off, left - off, "");
	for (i = 0; off < left && i < PCP_MAXOPT; i++) {
		if ((n = pcp_option(d, c, off, resp)) == 0)
			break;
		off += n;
	}
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (c->err != ST_OK)
		return short_msg(d, "PCP option");
	if (off < left)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "PCP: the options "
		    "after the first %u are not shown", PCP_MAXOPT));
	return ST_OK;
}

/*
 * Version 0 is NAT-PMP's, 1 and 2 PCP's.  As Wireshark's dissector on the
 * two ports hands version 0 on to NAT-PMP's (tshark lists portcontrol
 * among the frame's protocols, the fields under nat-pmp), the layer takes
 * no bytes then and names NAT-PMP as what follows.
 */
static int
portcontrol_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned ver;

	if (!st_cur_need(c, 1))
		return ST_ENOTME;
	ver = (unsigned)st_peek_bits(c, 0, 8);
	if (ver == 0) {
		d->hdr = 0;
		d->next = &st_proto_natpmp;
		return ST_OK;
	}
	if (ver > 2)
		return ST_ENOTME;
	return pcp_decode(d, c);
}

static const struct st_bind portcontrol_binds[] = {
	{ ST_KEY_UDPPORT, 5350 },
	{ ST_KEY_UDPPORT, 5351 },
};

/* "NAT-PMP Map TCP Response 22 -> 2222". */
static int
natpmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[N_NFIELDS];
	const char *name;

	st_ly_fields(s->pkt, ly, natpmp_fields, N_NFIELDS, f);
	st_out_puts(s->o, "NAT-PMP");
	if (f[N_OP] == NULL)
		return 1;
	name = st_valname(natpmp_ops, (uint32_t)f[N_OP]->val);
	if (name != NULL)
		st_out_printf(s->o, " %s", name);
	else
		st_out_printf(s->o, " opcode %u", (unsigned)f[N_OP]->val);
	if (f[N_EXTIP] != NULL) {
		st_out_puts(s->o, " ");
		s->value(s, f[N_EXTIP]);
	}
	if (f[N_IPORT] != NULL && f[N_EPORT] != NULL)
		st_out_printf(s->o, " %u -> %u", (unsigned)f[N_IPORT]->val,
		    (unsigned)f[N_EPORT]->val);
	if (f[N_MIPORT] != NULL && f[N_MEPORT] != NULL)
		st_out_printf(s->o, " %u -> %u", (unsigned)f[N_MIPORT]->val,
		    (unsigned)f[N_MEPORT]->val);
	if (f[N_MRESULT] != NULL && f[N_MRESULT]->val != 0)
		st_out_printf(s->o, " result %u", (unsigned)f[N_MRESULT]->val);
	else if (f[N_RESULT] != NULL && f[N_RESULT]->val != 0)
		st_out_printf(s->o, " result %u", (unsigned)f[N_RESULT]->val);
	return 1;
}

/* As tshark's Info: "PCP v2 Map Response 5004 -> 15004". */
static int
pcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[P_NFIELDS], *ext;
	const struct st_layer *nx;
	const char *name;

	if (ly->nfields == 0) {		/* NAT-PMP follows: its facts */
		nx = ly + 1;
		if (nx >= s->pkt->layers + s->pkt->nlayers ||
		    nx->depth != ly->depth || nx->proto != &st_proto_natpmp)
			return 0;
		return natpmp_summary(s, nx);
	}
	st_ly_fields(s->pkt, ly, pcp_fields, P_NFIELDS, f);
	st_out_puts(s->o, "PCP");
	if (f[P_VER] != NULL)
		st_out_printf(s->o, " v%u", (unsigned)f[P_VER]->val);
	if (f[P_OP] == NULL || f[P_R] == NULL)
		return 1;
	name = st_valname(pcp_ops, (uint32_t)f[P_OP]->val);
	if (name != NULL)
		st_out_printf(s->o, " %s %s", name, f[P_R]->val ? "Response" :
		    "Request");
	else
		st_out_printf(s->o, " opcode %u", (unsigned)f[P_OP]->val);
	ext = f[P_MASSPORT] != NULL ? f[P_MASSPORT] : f[P_MSUGPORT];
	if (f[P_MIPORT] != NULL && ext != NULL)
		st_out_printf(s->o, " %u -> %u", (unsigned)f[P_MIPORT]->val,
		    (unsigned)ext->val);
	if (f[P_RESULT] != NULL && f[P_RESULT]->val != 0) {
		name = st_valname(pcp_results, (uint32_t)f[P_RESULT]->val);
		st_out_printf(s->o, " (%s)", name != NULL ? name : "error");
	}
	return 1;
}

static const struct st_field_desc *const natpmp_keys[] = {
	&natpmp_fields[N_VER], &natpmp_fields[N_OP], NULL,
};

static const struct st_field_desc *const pcp_keys[] = {
	PR(P_VER), PR(P_OP), PR(P_LIFE_REQ), PR(P_LIFE_RSP), NULL,
};

const struct st_proto st_proto_natpmp = {
	.name = "nat-pmp",
	.ws = "nat-pmp",
	.title = "NAT Port Mapping Protocol",
	.rfc = "RFC 6886",
	.role = ST_ROLE_APP,
	.fields = natpmp_fields,
	.nfields = N_NFIELDS,
	.decode = natpmp_decode,
	.summary = natpmp_summary,
	.keys = natpmp_keys,
	.color = "\033[36m",
	.explain_bits = 16,	/* the rest is the opcode's */
	.explain = "Apple's way for a host behind a home NAT gateway to learn "
	    "the gateway's public address and to open a port on it: the host "
	    "sends a request to the gateway (its default router) on UDP "
	    "5351, version 0, opcode 0 for the external address, 1 or 2 to "
	    "map a UDP or TCP port for a lifetime in seconds (lifetime 0 "
	    "removes the mapping).  Each answer has the opcode plus 128, a "
	    "result code and the seconds since the gateway's table began "
	    "(a gateway that restarted shows a smaller number, telling hosts "
	    "to map their ports again).  PCP replaced it, keeping the port "
	    "and the version byte so both can share them.",
};

const struct st_proto st_proto_portcontrol = {
	.name = "portcontrol",
	.ws = "portcontrol",
	.title = "Port Control Protocol",
	.rfc = "RFC 6887",
	.role = ST_ROLE_APP,
	.fields = pcp_fields,
	.nfields = P_NFIELDS,
	.decode = portcontrol_decode,
	.binds = portcontrol_binds,
	.nbinds = NFIELDS(portcontrol_binds),
	.summary = pcp_summary,
	.keys = pcp_keys,
	.color = "\033[36m",
	.explain_bits = 192,	/* the common header; a body follows */
	.explain = "PCP lets a host ask the NAT or firewall in front of it "
	    "(UDP 5351) for a mapping: MAP opens an external port for a "
	    "server inside, PEER makes or learns the mapping of an outgoing "
	    "connection to one remote peer, ANNOUNCE (sent by the server to "
	    "5350 after a restart) tells hosts to map again.  Every message "
	    "has a 24-byte header: version 2, the R bit (response), the "
	    "opcode, a lifetime, and the client's address in a request, a "
	    "result code and the server's epoch in a response.  Addresses "
	    "are IPv6, IPv4 ones written as ::ffff:a.b.c.d; the nonce ties "
	    "a response to its request.  Options follow (THIRD_PARTY to map "
	    "for another host, PREFER_FAILURE, FILTER to admit only some "
	    "peers, DESCRIPTION), each padded to 4 bytes.  Version 0 on the "
	    "same ports is NAT-PMP, which PCP replaced.",
};
