/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The portmapper (RFC 1833, program 100000), after an ONC RPC call or its
 * reply (rpc.h): version 2's procedures NULL 0, SET 1, UNSET 2, GETPORT 3,
 * DUMP 4, CALLIT 5.
 *
 *   SET, UNSET, GETPORT call: prog | vers | prot (6 TCP, 17 UDP) | port
 *   GETPORT reply: port (0: the program is not registered)
 *   SET, UNSET reply: a boolean
 *   DUMP reply: (1 | prog | vers | prot | port)* 0
 *
 * As Wireshark does, the program's tree repeats rpc.programversion and
 * names the procedure.
 */
#include "strata/out.h"
#include "rpc.h"

#define PMAP_MAXMAPS	256	/* DUMP entries decoded */

static const struct st_valname proc_names[] = {
	{ 0, "NULL" }, { 1, "SET" }, { 2, "UNSET" }, { 3, "GETPORT" },
	{ 4, "DUMP" }, { 5, "CALLIT" }, { 0, NULL }
};

static const struct st_valname prot_names[] = {
	{ 6, "TCP" }, { 17, "UDP" }, { 0, NULL }
};

enum { F_PROC2, F_PROG, F_VERS, F_PROT, F_PORT, F_ANSWER, F_VFOLLOWS,
	F_NFIELDS };

static const struct st_field_desc pmap_fields[] = {
	FDG("portmap.procedure_v2", "V2 Procedure", ST_FMT_DEC, proc_names),
	FD(NULL, "portmap.prog", "Program", 0, 32, ST_FMT_DEC),
	FD(NULL, "portmap.version", "Version", 0, 32, ST_FMT_DEC),
	FDN(NULL, "portmap.proto", "Protocol", 0, 32, ST_FMT_DEC,
	    prot_names),
	FD(NULL, "portmap.port", "Port", 0, 32, ST_FMT_DEC),
	FD(NULL, "portmap.answer", "Answer", 0, 32, ST_FMT_BOOL),
	FD(NULL, "portmap.value_follows", "Value Follows", 0, 32,
	    ST_FMT_BOOL),
};

#define F(i)	(&pmap_fields[i])

static const struct st_field_desc *const pmap_procs[] = {
	NULL, NULL, F(F_PROC2),
};

/* A mapping: program, version, protocol, port. */
static void
mapping(struct st_xdr *x)
{
	st_xdr_u32(x, F(F_PROG));
	st_xdr_u32(x, F(F_VERS));
	st_xdr_u32(x, F(F_PROT));
	st_xdr_u32(x, F(F_PORT));
}

/* DUMP's list of mappings, each after a "value follows" word. */
static void
dump(struct st_xdr *x)
{
	int i;

	for (i = 0; i < PMAP_MAXMAPS && x->c->err == ST_OK; i++) {
		if (st_xdr_u32(x, F(F_VFOLLOWS)) != 1)
			return;
		mapping(x);
	}
}

static int
pmap_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_rpcmsg m;
	struct st_xdr x;

	if (st_rpc_begin(d, c, &x, &m, pmap_procs, NFIELDS(pmap_procs)) < 0) {
		d->data = 1;
		return ST_OK;
	}
	if (m.vers == 2 && m.proc >= 1 && m.proc <= 3) {
		if (!m.reply)
			mapping(&x);
		else
			st_xdr_u32(&x, F(m.proc == 3 ? F_PORT : F_ANSWER));
	} else if (m.vers == 2 && m.proc == 4 && m.reply)
		dump(&x);
	return st_xdr_end(&x, x.c->err);
}

static const struct st_bind pmap_binds[] = {
	{ ST_KEY_RPCPROG, 100000 },
};

/* "portmap GETPORT reply port 32773". */
static int
pmap_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, pmap_fields, F_NFIELDS, f);
	st_out_puts(s->o, "portmap");
	if (f[F_PROC2] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_PROC2]);
	}
	if (f[F_PROG] != NULL)
		st_out_printf(s->o, " prog %u v%u", (unsigned)f[F_PROG]->val,
		    f[F_VERS] != NULL ? (unsigned)f[F_VERS]->val : 0);
	if (f[F_PORT] != NULL)
		st_out_printf(s->o, " port %u", (unsigned)f[F_PORT]->val);
	return 1;
}

static const struct st_field_desc *const pmap_keys[] = {
	&pmap_fields[F_PROC2], &pmap_fields[F_PROG], &pmap_fields[F_PORT],
	NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_portmap = {
	.name = "portmap",
	.ws = "portmap",
	.title = "Portmap (ONC RPC program 100000)",
	.rfc = "RFC 1833",
	.role = ST_ROLE_APP,
	.fields = pmap_fields,
	.nfields = F_NFIELDS,
	.decode = pmap_decode,
	.binds = pmap_binds,
	.nbinds = NFIELDS(pmap_binds),
	/* @summary */
	.summary = pmap_summary,
	/* @views */
	.keys = pmap_keys,
	.color = "\033[35m",
	.explain = "The portmapper (rpcbind) tells which port an RPC "
	    "program listens on: a client asks GETPORT for a program, "
	    "version and protocol (TCP or UDP) on port 111 and gets the "
	    "port, 0 when the program is not registered; servers register "
	    "with SET and UNSET, and DUMP lists every mapping.",
	/* @craft */
	/* @probes */
};
