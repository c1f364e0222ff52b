/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Geneve (RFC 8926): over UDP port 6081, a frame of the protocol its
 * protocol type (an EtherType) names, after variable-length options.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Option Class         |      Type     |R|R|R| Length  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Option data (Length x 4 bytes)               |
 *
 * Opt Len counts 4-byte words of options; Wireshark shows it, and each
 * option's length (its 4-byte header included), in bytes.
 */
#include <pcap/dlt.h>

#include "strata/out.h"
#include "fields.h"

#define GENEVE_MAX_OPTS	64	/* options decoded */

enum { F_VER, F_OPTLEN, F_FLAGS, F_OAM, F_CRIT, F_RSV, F_PROTO, F_VNI,
	F_RES, F_OPTS };

static const struct st_field_desc geneve_fields[] = {
	FD("ver", "geneve.version", "Version", 0, 2, ST_FMT_DEC),
	FDX("optlen", "geneve.option.length", "Options length", 2, 6,
	    ST_FMT_DEC, 2, 0, 0, 0, NULL),
	FD("flags", "geneve.flags", "Flags", 8, 8, ST_FMT_HEX),
	FDD(NULL, "geneve.flags.oam", "OAM frame", 8, 1, ST_FMT_BOOL),
	FDD(NULL, "geneve.flags.critical", "Critical options present", 9, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "geneve.flags.reserved", "Reserved", 10, 6, ST_FMT_DEC),
	FDX("proto", "geneve.proto_type", "Protocol type", 16, 16, ST_FMT_HEX,
	    0, ST_AUTO_NEXT, 0, 0x6558, st_ethertype_names),
	FD("vni", "geneve.vni", "Virtual network identifier", 32, 24,
	    ST_FMT_HEX),
	FD(NULL, "geneve.reserved", "Reserved", 56, 8, ST_FMT_HEX),
	FD(NULL, "geneve.options", "Options", 0, 0, ST_FMT_BYTES),
};

enum { O_OPT, O_CLASS, O_TYPE, O_CRIT, O_FLAGS, O_FRES, O_LEN, O_DATA };

static const struct st_field_desc opt_fields[] = {
	FD(NULL, "geneve.option", "Option", 0, 0, ST_FMT_BYTES),
	FD(NULL, "geneve.option.class", "Class", 0, 16, ST_FMT_HEX),
	FD(NULL, "geneve.option.type", "Type", 16, 8, ST_FMT_HEX),
	FDD(NULL, "geneve.option.type.critical", "Critical option", 16, 1,
	    ST_FMT_BOOL),
	FD(NULL, "geneve.option.flags", "Flags", 24, 3, ST_FMT_HEX),
	FDD(NULL, "geneve.option.flags.reserved", "Reserved", 24, 3,
	    ST_FMT_BOOL),
	FDX(NULL, "geneve.option.length", "Length", 27, 5, ST_FMT_DEC, 2, 0,
	    0, 0, NULL),
	FD(NULL, "geneve.option.unknown.data", "Option data", 0, 0,
	    ST_FMT_BYTES),
};

/* The n bytes of options at c: class, type, length and data each. */
static void
geneve_options(struct st_dctx *d, struct st_cur c, size_t n)
{
	size_t pos = 0, len;
	struct st_cur o;
	struct st_field *f;
	unsigned i;

	for (i = 0; pos < n && i < GENEVE_MAX_OPTS; i++) {
		o = c;
		o.off += pos;
		if (n - pos < 4) {
			st_dmalformed(d, "option header cut by the options "
			    "length");
			return;
		}
		len = 4 + (size_t)st_peek_bits(&o, 27, 5) * 4;
		if (len > n - pos) {
			st_dmalformed(d, "option length %zu runs past the "
			    "options", len);
			return;
		}
		st_dbytes(d, &o, &opt_fields[O_OPT], 0, len);
		st_dfields(d, &o, opt_fields + O_CLASS, O_LEN - O_CLASS);
		/* The length counts the option's header, as Wireshark's. */
		if ((f = st_dfield(d, &o, &opt_fields[O_LEN])) != NULL)
			f->val += 4;
		if (len > 4)
			st_dbytes(d, &o, &opt_fields[O_DATA], 4, len - 4);
		pos += len;
	}
	if (pos < n)
		st_dmalformed(d, "more than %d options", GENEVE_MAX_OPTS);
}

static int
geneve_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t olen;
	unsigned ver;

	st_dfields(d, c, geneve_fields, F_OPTS);
	if (c->err != ST_OK)
		return c->err;
	ver = (unsigned)st_peek_bits(c, 0, 2);
	olen = (size_t)st_peek_bits(c, 2, 6) * 4;
	d->hdr = 8;
	if (ver != 0)
		return st_dmalformed(d, "version %u", ver);
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	if (olen > 0) {
		struct st_cur o = *c;

		o.off += 8;
		if (!st_cur_need(&o, olen)) {
			d->hdr = st_cur_left(c);
			return ST_ETRUNC;
		}
		st_dbytes(d, &o, &geneve_fields[F_OPTS], 0, olen);
		geneve_options(d, o, olen);
		if (d->ly->status == ST_LS_MALFORMED)
			return ST_EINVAL;
	}
	d->hdr = 8 + olen;
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = (uint32_t)st_peek_bits(c, 16, 16);
	if (d->next_val == 0x6558) {	/* transparent Ethernet bridging */
		d->next_key = ST_KEY_LINK;
		d->next_val = DLT_EN10MB;
	}
	return ST_OK;
}

static const struct st_bind geneve_binds[] = {
	{ ST_KEY_UDPPORT, 6081 },
};

/* "geneve vni 0x00000a" (before the inner frame's facts). */
static int
geneve_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_OPTS + 1];

	st_ly_fields(s->pkt, ly, geneve_fields, F_OPTS + 1, f);
	st_out_puts(s->o, "geneve vni ");
	if (f[F_VNI] != NULL)
		st_out_u64(s->o, f[F_VNI]->val);
	else
		st_out_putc(s->o, '?');
	if (f[F_OAM] != NULL && f[F_OAM]->val)
		st_out_puts(s->o, " oam");
	return 1;
}

static const struct st_field_desc *const geneve_keys[] = {
	&geneve_fields[F_VNI], &geneve_fields[F_PROTO],
	&geneve_fields[F_OPTLEN], NULL,
};

const struct st_proto st_proto_geneve = {
	.name = "geneve",
	.ws = "geneve",
	.title = "Generic Network Virtualization Encapsulation",
	.rfc = "RFC 8926",
	.role = ST_ROLE_LINK,	/* a shim before the carried frame */
	.flags = ST_PF_TUNNEL,
	.fields = geneve_fields,
	.nfields = NFIELDS(geneve_fields),
	.more = opt_fields,
	.nmore = NFIELDS(opt_fields),
	.decode = geneve_decode,
	.binds = geneve_binds,
	.nbinds = NFIELDS(geneve_binds),
	.summary = geneve_summary,
	.keys = geneve_keys,
	.color = "\033[33m",
	.explain_bits = 64,
	.explain = "The options length counts 4-byte words of options, each "
	    "a class, a type and its own length; the protocol type is an "
	    "EtherType (0x6558: an Ethernet frame).",
};
