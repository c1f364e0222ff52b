/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * EtherNet/IP's encapsulation (ODVA, The CIP Networks Library volume 2,
 * chapter 2) on TCP and UDP 44818: a 24-byte header, little-endian, then
 * the command's data.  SendRRData and SendUnitData carry CIP in a Common
 * Packet Format item list: an address item (null, or a connection ID) and
 * a data item (unconnected, or connected with a sequence count) whose
 * bytes are a CIP message, handed on to cip.c through the registry.
 *
 *   +--------+--------+--------+--------+
 *   | command         | length          |
 *   +--------+--------+--------+--------+
 *   | session handle                    |
 *   +--------+--------+--------+--------+
 *   | status                            |
 *   +--------+--------+--------+--------+
 *   | sender context (8 bytes)          |
 *   +                                   +
 *   |                                   |
 *   +--------+--------+--------+--------+
 *   | options                           |
 *   +--------+--------+--------+--------+
 *   | command specific data ...
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"
#include "indus.h"

#define ENIP_PORT	44818
#define ENIP_HDR	24
#define ENIP_CIP	0x454e4950	/* ST_KEY_FRAMED ("ENIP"): a CIP
					   message in a CPF data item */
#define ENIP_MAXITEMS	16

enum { C_NOP = 0x00, C_LISTSERVICES = 0x04, C_LISTIDENTITY = 0x63,
	C_LISTINTERFACES = 0x64, C_REGISTER = 0x65, C_UNREGISTER = 0x66,
	C_SENDRR = 0x6f, C_SENDUNIT = 0x70 };

enum { I_NULL = 0x0000, I_IDENTITY = 0x000c, I_CONNADDR = 0x00a1,
	I_CONNDATA = 0x00b1, I_UNCONNDATA = 0x00b2, I_SERVICES = 0x0100,
	I_SOCKOT = 0x8000, I_SOCKTO = 0x8001 };

enum { F_CMD, F_LEN, F_SESSION, F_STATUS, F_CONTEXT, F_DELAY, F_CONTEXT6,
	F_OPTIONS, F_RSVERSION, F_RSFLAGS, F_SRRDIFACE, F_SUDIFACE,
	F_TIMEOUT, F_ITEMCOUNT, F_TYPEID, F_ILEN, F_CONNID, F_SEQ,
	F_ENCAPVER, F_SINFAMILY, F_SINPORT, F_SINADDR, F_SINZERO, F_VENDOR,
	F_DEVTYPE, F_PRODCODE, F_REVISION, F_LIRSTATUS, F_SERIAL, F_NAMELEN,
	F_NAME, F_STATE, F_CAPA, F_CAPATCP, F_CAPAUDP, F_SVCNAME, F_NENIP };

static const struct st_valname cmd_names[] = {
	{ C_NOP, "NOP" }, { C_LISTSERVICES, "List Services" },
	{ C_LISTIDENTITY, "List Identity" },
	{ C_LISTINTERFACES, "List Interfaces" },
	{ C_REGISTER, "Register Session" },
	{ C_UNREGISTER, "Unregister Session" },
	{ C_SENDRR, "Send RR Data" }, { C_SENDUNIT, "Send Unit Data" },
	{ 0xc8, "StartDTLS" }, { 0, NULL }
};

static const struct st_valname status_names[] = {
	{ 0x00, "Success" }, { 0x01, "Invalid Command" },
	{ 0x02, "No Memory Resources" }, { 0x03, "Incorrect Data" },
	{ 0x64, "Invalid Session Handle" }, { 0x65, "Invalid Length" },
	{ 0x69, "Unsupported Protocol Revision" },
	{ 0x6a, "Encapsulated CIP service not allowed on this port" },
	{ 0, NULL }
};

static const struct st_valname type_names[] = {
	{ I_NULL, "Null Address Item" }, { I_IDENTITY, "CIP Identity" },
	{ 0x86, "CIP Security Information" },
	{ 0x87, "EtherNet/IP Capability" }, { 0x88, "EtherNet/IP Usage" },
	{ I_CONNADDR, "Connected Address Item" },
	{ I_CONNDATA, "Connected Data Item" },
	{ I_UNCONNDATA, "Unconnected Data Item" },
	{ I_SERVICES, "List Services Response" },
	{ I_SOCKOT, "Socket Address Info O->T" },
	{ I_SOCKTO, "Socket Address Info T->O" },
	{ 0x8002, "Sequenced Address Item" },
	{ 0x8003, "Unconnected Message over UDP" }, { 0, NULL }
};

/*
 * The header's rows by their bit offsets (values little-endian, read by
 * st_dle); the rest are read at the position of their bytes.  The socket
 * address and an identity's revision are big-endian on the wire.
 */
static const struct st_field_desc enip_fields[F_NENIP] = {
	[F_CMD] = FDN("cmd", "enip.command", "Command", 0, 16, ST_FMT_HEX,
	    cmd_names),
	[F_LEN] = FD("len", "enip.length", "Length", 16, 16, ST_FMT_DEC),
	[F_SESSION] = FD("session", "enip.session", "Session Handle", 32, 32,
	    ST_FMT_HEX),
	[F_STATUS] = FDN("status", "enip.status", "Status", 64, 32,
	    ST_FMT_HEX, status_names),
	[F_CONTEXT] = FD("context", "enip.context", "Sender Context", 96, 64,
	    ST_FMT_BYTES),
	/* A List Identity request's context starts with the longest
	 * delay of the answer, in milliseconds: parts of the context. */
	[F_DELAY] = FDD(NULL, "enip.listid_delay", "Max Response Delay", 96,
	    16, ST_FMT_DEC),
	[F_CONTEXT6] = FDD(NULL, "enip.context", "Sender Context", 112, 48,
	    ST_FMT_BYTES),
	[F_OPTIONS] = FD("options", "enip.options", "Options", 160, 32,
	    ST_FMT_HEX),
	[F_RSVERSION] = FD(NULL, "enip.rs.version", "Protocol Version", 0,
	    16, ST_FMT_DEC),
	[F_RSFLAGS] = FD(NULL, "enip.rs.flags", "Option Flags", 0, 16,
	    ST_FMT_HEX),
	[F_SRRDIFACE] = FD(NULL, "enip.srrd.iface", "Interface Handle", 0, 32,
	    ST_FMT_HEX),
	[F_SUDIFACE] = FD(NULL, "enip.sud.iface", "Interface Handle", 0, 32,
	    ST_FMT_HEX),
	[F_TIMEOUT] = FD(NULL, "enip.timeout", "Timeout", 0, 16, ST_FMT_DEC),
	[F_ITEMCOUNT] = FD(NULL, "enip.cpf.itemcount", "Item Count", 0, 16,
	    ST_FMT_DEC),
	[F_TYPEID] = FDN(NULL, "enip.cpf.typeid", "Type ID", 0, 16,
	    ST_FMT_HEX, type_names),
	[F_ILEN] = FD(NULL, "enip.cpf.length", "Length", 0, 16, ST_FMT_DEC),
	[F_CONNID] = FD(NULL, "enip.cpf.cai.connid", "Connection ID", 0, 32,
	    ST_FMT_HEX),
	[F_SEQ] = FD(NULL, "cip.seq", "CIP Sequence Count", 0, 16,
	    ST_FMT_DEC),
	[F_ENCAPVER] = FD(NULL, "enip.encapver", "Encapsulation Protocol "
	    "Version", 0, 16, ST_FMT_DEC),
	[F_SINFAMILY] = FD(NULL, "enip.sinfamily", "sin_family", 0, 16,
	    ST_FMT_DEC),
	[F_SINPORT] = FD(NULL, "enip.sinport", "sin_port", 0, 16, ST_FMT_DEC),
	[F_SINADDR] = FD(NULL, "enip.sinaddr", "sin_addr", 0, 32,
	    ST_FMT_IPV4),
	[F_SINZERO] = FD(NULL, "enip.sinzero", "sin_zero", 0, 0,
	    ST_FMT_BYTES),
	[F_VENDOR] = FD(NULL, "enip.lir.vendor", "Vendor ID", 0, 16,
	    ST_FMT_HEX),
	[F_DEVTYPE] = FD(NULL, "enip.lir.devtype", "Device Type", 0, 16,
	    ST_FMT_DEC),
	[F_PRODCODE] = FD(NULL, "enip.lir.prodcode", "Product Code", 0, 16,
	    ST_FMT_DEC),
	/* Major then minor: Wireshark reads the two bytes as one number,
	 * big-endian. */
	[F_REVISION] = FD(NULL, "enip.lir.revision", "Revision", 0, 16,
	    ST_FMT_DEC),
	[F_LIRSTATUS] = FD(NULL, "enip.lir.status", "Status", 0, 16,
	    ST_FMT_HEX),
	[F_SERIAL] = FD(NULL, "enip.lir.serial", "Serial Number", 0, 32,
	    ST_FMT_HEX),
	[F_NAMELEN] = FD(NULL, "enip.lir.namelen", "Product Name Length", 0,
	    8, ST_FMT_DEC),
	[F_NAME] = FD(NULL, "enip.lir.name", "Product Name", 0, 0,
	    ST_FMT_TEXT),
	[F_STATE] = FD(NULL, "enip.lir.state", "State", 0, 8, ST_FMT_HEX),
	[F_CAPA] = FD(NULL, "enip.lsr.capaflags", "Capability Flags", 0, 16,
	    ST_FMT_HEX),
	/* Bits of the little-endian number, counted from its top. */
	[F_CAPATCP] = FDD(NULL, "enip.lsr.capaflags.tcp", "Supports CIP "
	    "Encapsulation via TCP", 10, 1, ST_FMT_BOOL),
	[F_CAPAUDP] = FDD(NULL, "enip.lsr.capaflags.udp", "Supports CIP "
	    "Class 0 or 1 via UDP", 7, 1, ST_FMT_BOOL),
	[F_SVCNAME] = FD(NULL, "enip.lsr.servicename", "Name of Service", 0,
	    0, ST_FMT_TEXT),
};

/* Row f, little-endian over the n bytes at off of the message. */
static struct st_field *
le(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dle(d, c, &enip_fields[f], off, n);
}

/* Row f, big-endian (or bytes) over the n bytes at off. */
static struct st_field *
be(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	return st_dbytes(d, c, &enip_fields[f], off, n);
}

/* A socket address (big-endian, as in struct sockaddr_in) at off. */
static void
sockaddr(struct st_dctx *d, struct st_cur *c, size_t off)
{
	be(d, c, F_SINFAMILY, off, 2);
	be(d, c, F_SINPORT, off + 2, 2);
	be(d, c, F_SINADDR, off + 4, 4);
	be(d, c, F_SINZERO, off + 8, 8);
}

/* A List Identity answer's CIP Identity item, its n bytes at off. */
static void
identity(struct st_dctx *d, struct st_cur *c, size_t off, size_t n)
{
	unsigned nl;

	if (n < 33)
		return;
	le(d, c, F_ENCAPVER, off, 2);
	sockaddr(d, c, off + 2);
	le(d, c, F_VENDOR, off + 18, 2);
	le(d, c, F_DEVTYPE, off + 20, 2);
	le(d, c, F_PRODCODE, off + 22, 2);
	be(d, c, F_REVISION, off + 24, 2);
	le(d, c, F_LIRSTATUS, off + 26, 2);
	le(d, c, F_SERIAL, off + 28, 4);
	nl = ind_le(c, off + 32, 1);
	be(d, c, F_NAMELEN, off + 32, 1);
	if (33 + nl > n)
		return;
	if (nl > 0)
		st_dtext_ascii(d, c, &enip_fields[F_NAME], off + 33, nl);
	if (34 + nl <= n)
		be(d, c, F_STATE, off + 33 + nl, 1);
}

/* A List Services answer's item, its n bytes at off. */
static void
services(struct st_dctx *d, struct st_cur *c, size_t off, size_t n)
{
	if (n < 4)
		return;
	le(d, c, F_ENCAPVER, off, 2);
	le(d, c, F_CAPA, off + 2, 2);
	le(d, c, F_CAPATCP, off + 2, 2);
	le(d, c, F_CAPAUDP, off + 2, 2);
	if (n >= 20)
		st_dtext_ascii(d, c, &enip_fields[F_SVCNAME], off + 4, 16);
}

/* Where the CIP message of a data item is, if any. */
struct cipat {
	size_t		 off, len;
};

/*
 * The Common Packet Format at off, to end: the item count, each item's
 * type and length and what strata reads of it.  The first data item's
 * CIP message is noted in *cip.
 */
static void
cpf(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    struct cipat *cip)
{
	unsigned count, i, type, len;

	if (off + 2 > end)
		return;
	count = ind_le(c, off, 2);
	le(d, c, F_ITEMCOUNT, off, 2);
	off += 2;
	for (i = 0; i < count && i < ENIP_MAXITEMS && off + 4 <= end &&
	    c->err == ST_OK; i++) {
		type = ind_le(c, off, 2);
		len = ind_le(c, off + 2, 2);
		le(d, c, F_TYPEID, off, 2);
		le(d, c, F_ILEN, off + 2, 2);
		off += 4;
		if (off + len > end)
			len = (unsigned)(end - off);
		switch (type) {
		case I_CONNADDR:
			if (len >= 4)
				le(d, c, F_CONNID, off, 4);
			break;
		case I_CONNDATA:
			if (len < 2)
				break;
			le(d, c, F_SEQ, off, 2);
			if (cip->len == 0 && len > 2) {
				cip->off = off + 2;
				cip->len = len - 2;
			}
			break;
		case I_UNCONNDATA:
			if (cip->len == 0 && len > 0) {
				cip->off = off;
				cip->len = len;
			}
			break;
		case I_IDENTITY:
			identity(d, c, off, len);
			break;
		case I_SERVICES:
			services(d, c, off, len);
			break;
		case I_SOCKOT:
		case I_SOCKTO:
			if (len >= 16)
				sockaddr(d, c, off);
			break;
		}
		off += len;
	}
}

static int
enip_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), end, total;
	struct cipat cip = { 0, 0 };
	unsigned cmd, len;
	int request;

	cmd = ind_le(c, 0, 2);
	len = ind_le(c, 2, 2);
	request = st_dport(d->pkt, d->ly, 1) == ENIP_PORT;
	le(d, c, F_CMD, 0, 2);
	le(d, c, F_LEN, 2, 2);
	le(d, c, F_SESSION, 4, 4);
	le(d, c, F_STATUS, 8, 4);
	if (cmd == C_LISTIDENTITY && request) {
		le(d, c, F_DELAY, 12, 2);
		be(d, c, F_CONTEXT6, 14, 6);
	} else
		be(d, c, F_CONTEXT, 12, 8);
	le(d, c, F_OPTIONS, 20, 4);
	if (c->err != ST_OK)
		return c->err;
	total = ENIP_HDR + (size_t)len;
	end = total < left ? total : left;
	switch (cmd) {
	case C_REGISTER:
		if (len >= 4) {
			le(d, c, F_RSVERSION, 24, 2);
			le(d, c, F_RSFLAGS, 26, 2);
		}
		break;
	case C_LISTIDENTITY:
	case C_LISTSERVICES:
	case C_LISTINTERFACES:
		if (len > 0)
			cpf(d, c, 24, end, &cip);
		break;
	case C_SENDRR:
	case C_SENDUNIT:
		le(d, c, cmd == C_SENDRR ? F_SRRDIFACE : F_SUDIFACE, 24, 4);
		le(d, c, F_TIMEOUT, 28, 2);
		cpf(d, c, 30, end, &cip);
		break;
	}
	if (total > left && d->pkt->caplen == d->pkt->len) {
		c->err = ST_OK;
		d->hdr = left;
		return st_dmalformed(d, "the length (%u) runs past the "
		    "segment", len);
	}
	if (c->err != ST_OK)
		return c->err;
	if (cip.len > 0 && cip.off + cip.len <= end) {
		/* The CIP message goes on through the registry; the items
		 * after it are this layer's own. */
		d->hdr = cip.off;
		d->plen = cip.len;
		d->tail = left - cip.off - cip.len;
		d->next_key = ST_KEY_FRAMED;
		d->next_val = ENIP_CIP;
		return ST_OK;
	}
	d->hdr = end;
	if (total > left)
		return ST_ETRUNC;
	if (left > total)
		d->next = d->ly->proto;	/* another message */
	return ST_OK;
}

/* Header and length: how long the message starting at c is. */
static size_t
enip_pdu_len(struct st_cur *c)
{
	if (st_cur_left(c) < ENIP_HDR)
		return ST_PDU_MORE;
	return ENIP_HDR + (size_t)(st_peek_bits(c, 16, 8) |
	    st_peek_bits(c, 24, 8) << 8);
}

static const struct st_bind enip_binds[] = {
	{ ST_KEY_TCPPORT, ENIP_PORT },
	{ ST_KEY_UDPPORT, ENIP_PORT },
};

/* "enip Send RR Data session 0x12345678 cip Get Attribute Single ...",
 * "enip List Identity 1756-L61", "enip Register Session status
 * 0x00000064". */
static int
enip_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NENIP];
	const struct st_layer *next = ly + 1;
	const char *n;

	st_ly_fields(s->pkt, ly, enip_fields, F_NENIP, f);
	st_out_puts(s->o, "enip");
	if (f[F_CMD] == NULL)
		return 1;
	if ((n = st_valname(cmd_names, (uint32_t)f[F_CMD]->val)) != NULL)
		st_out_printf(s->o, " %s", n);
	else
		st_out_printf(s->o, " command 0x%04x",
		    (unsigned)f[F_CMD]->val);
	if (f[F_SESSION] != NULL && f[F_SESSION]->val != 0)
		st_out_printf(s->o, " session 0x%08x",
		    (unsigned)f[F_SESSION]->val);
	if (f[F_STATUS] != NULL && f[F_STATUS]->val != 0)
		st_out_printf(s->o, " status 0x%08x",
		    (unsigned)f[F_STATUS]->val);
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	if (f[F_SVCNAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_SVCNAME]);
	}
	/* What it carries (CIP) speaks after it. */
	if (next < s->pkt->layers + s->pkt->nlayers &&
	    next->depth == ly->depth && next->proto != ly->proto &&
	    next->proto->role == ST_ROLE_APP && next->proto->summary != NULL) {
		st_out_putc(s->o, ' ');
		next->proto->summary(s, next);
	}
	return 1;
}

static const struct st_field_desc *const enip_keys[] = {
	&enip_fields[F_CMD], &enip_fields[F_SESSION], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_enip = {
	.name = "enip",
	.ws = "enip",
	.title = "EtherNet/IP (Industrial Protocol)",
	.rfc = "ODVA CIP Networks Library vol. 2 (EtherNet/IP)",
	.role = ST_ROLE_APP,
	.fields = enip_fields,
	.nfields = F_NENIP,
	.decode = enip_decode,
	.binds = enip_binds,
	.nbinds = NFIELDS(enip_binds),
	.pdu_len = enip_pdu_len,
	/* @summary */
	.summary = enip_summary,
	/* @views */
	.keys = enip_keys,
	.color = "\033[33m",
	.explain_bits = 192,
	.explain = "EtherNet/IP's encapsulation, on TCP and UDP 44818 (all "
	    "numbers little-endian).  The command says what the message "
	    "does: List Identity (a scanner finds devices: vendor, product "
	    "name, serial number, often broadcast on UDP), List Services, "
	    "Register Session (the target hands out the session handle "
	    "every later message on the connection carries), Send RR Data "
	    "(a request and its answer, unconnected) and Send Unit Data "
	    "(over a CIP connection a Forward Open made).  Those two carry "
	    "a Common Packet Format list: an address item (null, or the "
	    "connection ID) and a data item holding the CIP message.  The "
	    "sender context is echoed back untouched, for the client to "
	    "match answers.",
	/* @craft */
	/* @probes */
};
