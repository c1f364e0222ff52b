/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Modbus/TCP's MBAP header (Modbus Messaging on TCP/IP Implementation
 * Guide V1.0b) on TCP port 502: transaction ID, protocol ID 0, the length
 * of what follows, the unit ID; then the Modbus PDU (modbus.c).
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "modbus.h"

const struct st_field_desc st_mbtcp_fields[M_NMBTCP] = {
	[M_TRANS] = FD("trans", "mbtcp.trans_id", "Transaction Identifier",
	    0, 16, ST_FMT_DEC),
	[M_PROT] = FD("prot", "mbtcp.prot_id", "Protocol Identifier", 16, 16,
	    ST_FMT_DEC),
	[M_LEN] = FD("len", "mbtcp.len", "Length", 32, 16, ST_FMT_DEC),
	[M_UNIT] = FD("unit", "mbtcp.unit_id", "Unit Identifier", 48, 8,
	    ST_FMT_DEC),
};

/*
 * The MBAP header.  Wireshark takes port 502's bytes for Modbus/TCP only
 * when the protocol identifier is 0 and the length covers a unit ID and
 * a function code; otherwise they are data.
 */
static int
mbtcp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur t = *c;
	unsigned prot, len;

	if (left < 8)
		return d->pkt->caplen < d->pkt->len && left > 0 ? ST_ETRUNC :
		    ST_ENOTME;
	st_cur_skip(&t, 2);
	prot = st_get_be16(&t);
	len = st_get_be16(&t);
	if (prot != 0 || len < 2)
		return ST_ENOTME;
	st_dfields(d, c, st_mbtcp_fields, M_NMBTCP);
	if (len > MB_MAXLEN)
		return st_dmalformed(d, "length %u exceeds %u", len,
		    MB_MAXLEN);
	d->hdr = 7;
	d->next = &st_proto_modbus;
	return ST_OK;
}

static const struct st_bind mbtcp_binds[] = {
	{ ST_KEY_TCPPORT, MB_PORT },
};

/* "modbus tid 5 unit 1 query Read Holding Registers ref 107 count 3":
 * the MBAP header's hook speaks for the PDU after it, and counts the
 * further messages of the segment. */
static int
mbtcp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[M_NMBTCP];
	const struct st_layer *end = s->pkt->layers + s->pkt->nlayers, *l;
	unsigned more = 0;

	st_ly_fields(s->pkt, ly, st_mbtcp_fields, M_NMBTCP, f);
	st_out_puts(s->o, "modbus");
	if (f[M_TRANS] != NULL) {
		st_out_puts(s->o, " tid ");
		s->value(s, f[M_TRANS]);
	}
	if (f[M_UNIT] != NULL) {
		st_out_puts(s->o, " unit ");
		s->value(s, f[M_UNIT]);
	}
	if (ly + 1 < end && ly[1].proto == &st_proto_modbus)
		modbus_facts(s, ly + 1);
	for (l = ly + 1; l < end; l++)
		more += l->proto == &st_proto_mbtcp;
	if (more > 0)
		st_out_printf(s->o, " (+%u more)", more);
	return 1;
}

static const struct st_field_desc *const mbtcp_keys[] = {
	&st_mbtcp_fields[M_TRANS], &st_mbtcp_fields[M_LEN], &st_mbtcp_fields[M_UNIT],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_mbtcp = {
	.name = "mbtcp",
	.ws = "mbtcp",
	.title = "Modbus/TCP",
	.rfc = "Modbus Messaging on TCP/IP Implementation Guide V1.0b",
	.role = ST_ROLE_APP,
	.fields = st_mbtcp_fields,
	.nfields = M_NMBTCP,
	.decode = mbtcp_decode,
	.binds = mbtcp_binds,
	.nbinds = NFIELDS(mbtcp_binds),
	/* @summary */
	.summary = mbtcp_summary,
	/* @views */
	.keys = mbtcp_keys,
	.color = "\033[33m",
	.explain = "The MBAP header that carries a Modbus message over TCP "
	    "port 502: a transaction ID the response repeats, protocol ID 0, "
	    "the length of what follows (unit ID and PDU), and the unit ID "
	    "of a device behind a gateway (255 or 0 when none).  Modbus has "
	    "no checksum over TCP: TCP's covers it.",
	/* @craft */
	/* @probes */
};
