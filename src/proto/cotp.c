/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * COTP, the OSI connection-oriented transport protocol (ISO 8073 / ITU-T
 * X.224), as TPKT carries it (RFC 1006): the TPDU header, a length
 * indicator, the type in the high nibble of the second byte, then the
 * fixed part of that type and its parameters, then the user data.
 *
 *   +--------+--------+--------+--------+--------+--------+--------+
 *   |   LI   |CR  CDT | DST-REF         | SRC-REF         |class/op| CR, CC
 *   +--------+--------+--------+--------+--------+--------+--------+
 *   |   LI   |DT 1111 |E| TPDU-NR |  user data ...                   DT (0, 1)
 *   +--------+--------+--------+---
 *
 * Class 0 and 1 data TPDUs have no destination reference on the wire;
 * Wireshark shows one of 0 all the same, and so does strata.
 */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/out.h"
#include "fields.h"

#define COTP_MAXPARAMS	32
#define COTP_UDATA	0x80730e00	/* ST_KEY_FRAMED: CR/CC user data */
#define COTP_DTDATA	0x80730f00	/* ST_KEY_FRAMED: a DT's payload */

enum { T_ED = 0x1, T_EA = 0x2, T_RJ = 0x5, T_AK = 0x6, T_ER = 0x7,
	T_DR = 0x8, T_DC = 0xc, T_CC = 0xd, T_CR = 0xe, T_DT = 0xf };

enum { F_LI, F_TYPE, F_CDT, F_DST, F_SRC, F_CLASS, F_EXT, F_NOFC, F_NR,
	F_EOT, F_NEXTNR, F_CAUSE, F_REJECT, F_GDST, F_PCODE, F_PLEN,
	F_PVAL, F_TSIZE, F_SRCTSAP, F_DSTTSAP, F_SRCTSAPS, F_DSTTSAPS, F_SEG,
	F_NCOTP };

static const struct st_valname type_names[] = {
	{ T_ED, "ED Expedited Data" }, { T_EA, "EA Expedited Data "
	"Acknowledgement" }, { T_RJ, "RJ Reject" }, { T_AK, "AK Data "
	"Acknowledgement" }, { T_ER, "ER TPDU Error" }, { T_DR, "DR "
	"Disconnect Request" }, { T_DC, "DC Disconnect Confirm" },
	{ T_CC, "CC Connect Confirm" }, { T_CR, "CR Connect Request" },
	{ T_DT, "DT Data" }, { 0, NULL }
};

/* The short names the summary uses. */
static const char *const type_abbr[16] = {
	[T_ED] = "ED", [T_EA] = "EA", [T_RJ] = "RJ", [T_AK] = "AK",
	[T_ER] = "ER", [T_DR] = "DR", [T_DC] = "DC", [T_CC] = "CC",
	[T_CR] = "CR", [T_DT] = "DT",
};

static const struct st_valname cause_names[] = {
	{ 0, "Reason not specified" }, { 1, "Congestion at TSAP" },
	{ 2, "Session entity not attached to TSAP" },
	{ 3, "Address unknown" }, { 128, "Normal disconnect" },
	{ 129, "Remote transport entity congestion" },
	{ 130, "Connection negotiation failed" },
	{ 131, "Duplicate source reference" },
	{ 132, "Mismatched references" }, { 133, "Protocol error" },
	{ 135, "Reference overflow" },
	{ 136, "Connection request refused" },
	{ 138, "Header or parameter length invalid" }, { 0, NULL }
};

static const struct st_valname reject_names[] = {
	{ 0, "Reason not specified" }, { 1, "Invalid parameter code" },
	{ 2, "Invalid TPDU type" }, { 3, "Invalid parameter value" },
	{ 0, NULL }
};

static const struct st_valname param_names[] = {
	{ 0xc0, "TPDU size" }, { 0xc1, "Calling TSAP" },
	{ 0xc2, "Called TSAP" }, { 0xc3, "Checksum" },
	{ 0xc4, "Version number" }, { 0xc5, "Protection parameters" },
	{ 0xc6, "Additional option selection" },
	{ 0xc7, "Alternative protocol classes" },
	{ 0xf0, "Preferred maximum TPDU size" }, { 0, NULL }
};

static const struct st_field_desc cotp_fields[F_NCOTP] = {
	[F_LI] = FD("li", "cotp.li", "Length", 0, 8, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "cotp.type", "PDU Type", 8, 4, ST_FMT_HEX,
	    type_names),
	[F_CDT] = FD("cdt", "strata.cotp.cdt", "Credit (CDT)", 12, 4,
	    ST_FMT_DEC),
	[F_DST] = FD("dst", "cotp.destref", "Destination reference", 16, 16,
	    ST_FMT_HEX),
	[F_SRC] = FD("src", "cotp.srcref", "Source reference", 32, 16,
	    ST_FMT_HEX),
	[F_CLASS] = FD("class", "cotp.class", "Class", 48, 4, ST_FMT_DEC),
	[F_EXT] = FD(NULL, "cotp.opts.extended_formats", "Extended formats",
	    54, 1, ST_FMT_BOOL),
	[F_NOFC] = FD(NULL, "cotp.opts.no_explicit_flow_control",
	    "No explicit flow control", 55, 1, ST_FMT_BOOL),
	/* Rows below are read at the position of their byte. */
	[F_NR] = FD(NULL, "cotp.tpdu-number", "TPDU number", 1, 7,
	    ST_FMT_HEX),
	[F_EOT] = FD(NULL, "cotp.eot", "Last data unit", 0, 1, ST_FMT_BOOL),
	[F_NEXTNR] = FD(NULL, "cotp.next-tpdu-number", "Your TPDU number",
	    0, 8, ST_FMT_HEX),
	[F_CAUSE] = FDN(NULL, "cotp.cause", "Cause", 0, 8, ST_FMT_DEC,
	    cause_names),
	[F_REJECT] = FDN(NULL, "cotp.reject_cause", "Reject cause", 0, 8,
	    ST_FMT_DEC, reject_names),
	[F_GDST] = FDG("cotp.destref", "Destination reference (none on the "
	    "wire in class 0 and 1 data)", ST_FMT_HEX, NULL),
	[F_PCODE] = FDN(NULL, "cotp.parameter_code", "Parameter code", 0, 8,
	    ST_FMT_HEX, param_names),
	[F_PLEN] = FD(NULL, "cotp.parameter_length", "Parameter length", 0,
	    8, ST_FMT_DEC),
	[F_PVAL] = FD(NULL, "cotp.parameter_value", "Parameter value", 0, 0,
	    ST_FMT_BYTES),
	[F_TSIZE] = FD(NULL, "cotp.tpdu_size", "TPDU size", 0, 8, ST_FMT_DEC),
	[F_SRCTSAP] = FD(NULL, "cotp.src-tsap-bytes", "Source TSAP", 0, 0,
	    ST_FMT_BYTES),
	[F_DSTTSAP] = FD(NULL, "cotp.dst-tsap-bytes", "Destination TSAP", 0,
	    0, ST_FMT_BYTES),
	[F_SRCTSAPS] = FD(NULL, "cotp.src-tsap", "Source TSAP", 0, 0,
	    ST_FMT_TEXT),
	[F_DSTTSAPS] = FD(NULL, "cotp.dst-tsap", "Destination TSAP", 0, 0,
	    ST_FMT_TEXT),
	[F_SEG] = FD(NULL, "cotp.segment_data", "COTP segment data", 0, 0,
	    ST_FMT_BYTES),
};

/*
 * The data TPDUs still waiting for their last one (EOT), per direction of
 * a connection and destination reference: the DT that ends such a run
 * ends a segmented TSDU, and Wireshark, which reassembles it, shows that
 * DT's data as segment data (a TSDU in one DT is shown as no segment).
 * A bounded table of the runs' keys (0: free), guarded by a lock, emptied
 * when the frame numbers start again (a new capture).
 */
#define COTP_RUNS	256

static pthread_mutex_t runs_lock = PTHREAD_MUTEX_INITIALIZER;
static uint64_t runs[COTP_RUNS];
static uint64_t runs_frame;

/* For a new capture: the next frame, whatever its number, empties the
 * tables (as a frame number going back does). */
static void
cotp_forget(void)
{
	pthread_mutex_lock(&runs_lock);
	runs_frame = UINT64_MAX;
	pthread_mutex_unlock(&runs_lock);
}

/* The key of the run this DT belongs to, or 0 without a connection. */
static uint64_t
run_key(const struct st_dctx *d, unsigned dstref)
{
	const struct st_proto *tp;
	struct st_flowkey k;
	uint64_t h = 14695981039346656037ULL;
	int dir;
	size_t i;

	memset(&k, 0, sizeof(k));
	if ((dir = st_expect_conv_dir(d, &k, &tp)) < 0)
		return 0;
	for (i = 0; i < sizeof(k.b); i++)
		h = (h ^ k.b[i]) * 1099511628211ULL;
	h = (h ^ (uint64_t)dir) * 1099511628211ULL;
	h = (h ^ dstref) * 1099511628211ULL;
	return h | 1;
}

/* Notes a DT of the run key (last: its EOT bit); whether it ends a run
 * of more than one DT.  Open addressing over COTP_PROBE slots, an ended
 * run leaving a tombstone; a run that finds no room takes its first slot,
 * forgetting the run there. */
#define COTP_PROBE	8
#define RUN_GONE	2	/* keys are odd */

static int
run_note(uint64_t key, uint64_t frame, int last)
{
	size_t i, at, slot = key % COTP_RUNS, room = COTP_RUNS;
	int ends = 0;

	pthread_mutex_lock(&runs_lock);
	if (frame < runs_frame)
		memset(runs, 0, sizeof(runs));
	runs_frame = frame;
	for (i = 0; i < COTP_PROBE; i++) {
		at = (slot + i) % COTP_RUNS;
		if (runs[at] == key) {
			if (last) {
				runs[at] = RUN_GONE;
				ends = 1;
			}
			goto out;
		}
		if ((runs[at] == 0 || runs[at] == RUN_GONE) &&
		    room == COTP_RUNS)
			room = at;
		if (runs[at] == 0)
			break;
	}
	if (!last)
		runs[room == COTP_RUNS ? slot : room] = key;
out:
	pthread_mutex_unlock(&runs_lock);
	return ends;
}

/*
 * A TSAP as Wireshark writes it: as text when every byte is printable
 * ("SIMATIC-ROOT-HMI"), else as hex ("0x0100").
 */
static void
tsap(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char buf[2 + 2 * 255 + 1];
	struct st_cur t = *c;
	const uint8_t *p;
	size_t i, k = 0;
	int text = 1;

	if (!st_cur_skip(&t, off) || (p = st_get_bytes(&t, n)) == NULL)
		return;
	for (i = 0; i < n; i++)
		text &= p[i] >= 0x20 && p[i] < 0x7f;
	if (text) {
		st_escape(p, n, buf, sizeof(buf));
	} else {
		buf[k++] = '0';
		buf[k++] = 'x';
		for (i = 0; i < n && k + 3 < sizeof(buf); i++) {
			buf[k++] = hex[p[i] >> 4];
			buf[k++] = hex[p[i] & 0xf];
		}
		buf[k] = '\0';
	}
	st_dtext(d, c, &cotp_fields[f], off, n, buf);
}

/* Row f over n bytes at byte off from the header's start; its value. */
static long
at(struct st_dctx *d, struct st_cur *c, int f, size_t off, size_t n)
{
	struct st_field *fl = st_dbytes(d, c, &cotp_fields[f], off, n);

	return fl != NULL ? (long)fl->val : -1;
}

/* Row f (a part of a byte, by its bit offset) in the byte at off. */
static void
bits_at(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;

	if (st_cur_skip(&t, off))
		st_dfield(d, &t, &cotp_fields[f]);
	else
		c->err = t.err;
}

/* The TPDU size parameter: 2 to the power of its value, as Wireshark
 * shows it. */
static void
tpdu_size(struct st_dctx *d, struct st_cur *c, size_t off)
{
	struct st_field *f = st_dbytes(d, c, &cotp_fields[F_TSIZE], off, 1);

	if (f != NULL && f->val < 32)
		f->val = (uint64_t)1 << f->val;
}

/*
 * The variable part of a CR, CC or DR: parameters as code, length,
 * value, from byte off to the header's end.  RDP puts its cookie and
 * negotiation there instead, which are no parameters: the first code
 * that is not one (below 0x80) ends them, and its bytes are user data.
 * Returns where the parameters end.
 */
static size_t
params(struct st_dctx *d, struct st_cur *c, size_t off, size_t end)
{
	struct st_cur t;
	unsigned code, len, k;

	for (k = 0; k < COTP_MAXPARAMS && off + 2 <= end; k++) {
		t = *c;
		if (!st_cur_skip(&t, off))
			break;
		code = st_get_u8(&t);
		len = st_get_u8(&t);
		if (code < 0x80 || off + 2 + len > end)
			break;
		at(d, c, F_PCODE, off, 1);
		at(d, c, F_PLEN, off + 1, 1);
		if (code == 0xc0 && len == 1)
			tpdu_size(d, c, off + 2);
		else if ((code == 0xc1 || code == 0xc2) && len > 0) {
			tsap(d, c, code == 0xc1 ? F_SRCTSAPS : F_DSTTSAPS,
			    off + 2, len);
			at(d, c, code == 0xc1 ? F_SRCTSAP : F_DSTTSAP, off + 2,
			    len);
		}
		else if (len > 0)
			at(d, c, F_PVAL, off + 2, len);
		off += 2 + len;
	}
	return off;
}

/* The byte at off of c; -1 when not captured. */
static int
byte_at(struct st_cur *c, size_t off)
{
	struct st_cur t = *c;

	if (!st_cur_skip(&t, off) || !st_cur_need(&t, 1))
		return -1;
	return (int)st_peek_bits(&t, 0, 8);
}

/* Whether the checksum parameter stands at off, as a TPDU whose length
 * indicator says it has one must have it (uncaptured: taken as there). */
static int
cksum_at(struct st_cur *c, size_t off)
{
	int b = byte_at(c, off);

	return b < 0 || b == 0xc3;
}

/*
 * Whether the TPDU at c (length indicator li, type) is one Wireshark
 * takes for no COTP at all: a length indicator its type never has, an
 * unknown disconnect or reject cause, a class above 4.  Such bytes only
 * happen to follow a TPKT header (the middle of a message cut across
 * segments, whose first byte is 3); they are left as data, as there.
 * Bytes not captured are given the benefit of the doubt.
 */
static int
not_cotp(struct st_cur *c, unsigned li, unsigned type)
{
	int b;

	switch (type) {
	case T_DT:
	case T_ED:
		if (li == 2 && type == T_DT)
			return 0;
		if ((li == 8 && !cksum_at(c, 5)) ||
		    (li == 11 && !cksum_at(c, 8)))
			return 1;
		if (li != 4 && li != 7 && li != 8 && li != 11)
			return 1;
		/* an expedited TPDU is always the last of its unit */
		return type == T_ED && (b = byte_at(c, 4)) >= 0 &&
		    !(b & 0x80);
	case T_EA:
		if ((li == 8 && !cksum_at(c, 5)) ||
		    (li == 11 && !cksum_at(c, 8)))
			return 1;
		return li != 4 && li != 7 && li != 8 && li != 11;
	case T_RJ:
		return li != 4 && li != 9;
	case T_DC:
		return li > 9;
	case T_AK:
		return li > 27;
	case T_ER:
		return li > 8 || ((b = byte_at(c, 4)) >= 0 &&
		    st_valname(reject_names, (uint32_t)b) == NULL);
	case T_DR:
		return li >= 6 && (b = byte_at(c, 6)) >= 0 &&
		    st_valname(cause_names, (uint32_t)b) == NULL;
	case T_CR:
	case T_CC:
		return li >= 6 && (b = byte_at(c, 6)) >= 0 && (b >> 4) > 4;
	}
	return 0;
}

/*
 * A DT's place in its TSDU: a DT without EOT opens (or continues) a run;
 * the DT with EOT that ends a run of more than one shows its data as
 * cotp.segment_data, as Wireshark's reassembly does.
 */
static void
segment(struct st_dctx *d, struct st_cur *c, unsigned li, size_t hl,
    size_t left)
{
	struct st_cur t = *c;
	unsigned dstref = 0;
	uint64_t key;
	int eot;

	if (!st_cur_skip(&t, li == 2 ? 2 : 4) || !st_cur_need(&t, 1))
		return;
	eot = st_get_u8(&t) >> 7;
	if (li != 2) {
		t = *c;
		if (!st_cur_skip(&t, 2) || !st_cur_need(&t, 2))
			return;
		dstref = st_get_be16(&t);
	}
	if ((key = run_key(d, dstref)) != 0 &&
	    run_note(key, d->pkt->num, eot))
		st_dbytes(d, c, &cotp_fields[F_SEG], hl, left - hl);
}

static int
cotp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hl, end;
	struct st_cur t = *c;
	unsigned li, type;
	int b;

	if (!st_cur_need(&t, 2))
		return ST_ETRUNC;
	li = st_get_u8(&t);
	type = st_get_u8(&t) >> 4;
	st_dfields(d, c, cotp_fields, F_TYPE + 1);
	if (li == 255)
		return st_dmalformed(d, "length indicator 255 is reserved");
	if (li < 1)
		return st_dmalformed(d, "length indicator 0 leaves no type");
	hl = (size_t)li + 1;
	end = hl < left ? hl : left;
	if (not_cotp(c, li, type))
		return ST_ENOTME;
	switch (type) {
	case T_CR: case T_CC: case T_DR: case T_DC:
		if (li < 6)
			return st_dmalformed(d, "length %u is too short for a "
			    "%s", li, type_abbr[type]);
		if (type == T_CR || type == T_CC)
			st_dfield(d, c, &cotp_fields[F_CDT]);
		st_dfield(d, c, &cotp_fields[F_DST]);
		st_dfield(d, c, &cotp_fields[F_SRC]);
		if (type == T_DR)
			at(d, c, F_CAUSE, 6, 1);
		if (type == T_CR || type == T_CC) {
			st_dfield(d, c, &cotp_fields[F_CLASS]);
			st_dfield(d, c, &cotp_fields[F_EXT]);
			st_dfield(d, c, &cotp_fields[F_NOFC]);
		}
		if (type != T_DC)
			end = params(d, c, 7, end);
		break;
	case T_DT: case T_ED:
		if (li == 2) {		/* classes 0 and 1: no reference */
			st_dgen(d, &cotp_fields[F_GDST], 0);
			bits_at(d, c, F_EOT, 2);
			bits_at(d, c, F_NR, 2);
		} else if (li >= 4) {
			st_dfield(d, c, &cotp_fields[F_DST]);
			bits_at(d, c, F_EOT, 4);
			bits_at(d, c, F_NR, 4);
		} else
			return st_dmalformed(d, "length %u is too short for "
			    "data", li);
		end = hl;
		if (type == T_DT && hl <= left && c->err == ST_OK)
			segment(d, c, li, hl, left);
		break;
	case T_AK: case T_EA: case T_RJ: case T_ER:
		if (li < 4)
			return st_dmalformed(d, "length %u is too short for "
			    "a %s", li, type_abbr[type]);
		st_dfield(d, c, &cotp_fields[F_DST]);
		if (type == T_ER)
			at(d, c, F_REJECT, 4, 1);
		else
			at(d, c, F_NEXTNR, 4, 1);
		end = hl;
		break;
	default:
		return st_dmalformed(d, "unknown TPDU type 0x%x", type);
	}
	if (c->err != ST_OK)
		return c->err;
	if (hl > left)
		return ST_ETRUNC;
	/* RDP's negotiation in a CR or CC, after the parameters, is user
	 * data (end < hl); a DT's payload is the session's (T.125 MCS on
	 * RDP): both go on by what the registry binds to them. */
	d->hdr = end;
	if ((type == T_CR || type == T_CC) && end < hl) {
		d->next_key = ST_KEY_FRAMED;
		d->next_val = COTP_UDATA;
	} else if (type == T_DT && hl < left) {
		d->next_key = ST_KEY_FRAMED;
		d->next_val = COTP_DTDATA;
		/* A payload opening with a protocol ID a protocol binds
		 * (S7comm's 0x32) goes to that one, as Wireshark's COTP
		 * heuristics find it; its decoder checks the rest. */
		if ((b = byte_at(c, hl)) > 0 && st_proto_next(ST_KEY_FRAMED,
		    COTP_DTDATA | (unsigned)b) != NULL)
			d->next_val = COTP_DTDATA | (unsigned)b;
	} else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind cotp_binds[] = {
	{ ST_KEY_FRAMED, 8073 },
};

/* "cotp DT eot", "cotp CR class 0". */
static int
cotp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NCOTP];
	const char *abbr;

	st_ly_fields(s->pkt, ly, cotp_fields, F_NCOTP, f);
	st_out_puts(s->o, "cotp");
	if (f[F_TYPE] == NULL)
		return 1;
	abbr = type_abbr[f[F_TYPE]->val & 0xf];
	if (abbr != NULL)
		st_out_printf(s->o, " %s", abbr);
	else
		st_out_printf(s->o, " type 0x%x", (unsigned)f[F_TYPE]->val);
	if (f[F_NR] != NULL)
		st_out_printf(s->o, " nr %u", (unsigned)f[F_NR]->val);
	if (f[F_EOT] != NULL && f[F_EOT]->val)
		st_out_puts(s->o, " eot");
	if (f[F_CLASS] != NULL)
		st_out_printf(s->o, " class %u", (unsigned)f[F_CLASS]->val);
	if (f[F_SRC] != NULL)
		st_out_printf(s->o, " src-ref 0x%04x",
		    (unsigned)f[F_SRC]->val);
	if (f[F_CAUSE] != NULL) {
		st_out_puts(s->o, " cause ");
		s->value(s, f[F_CAUSE]);
	}
	return 1;
}

static const struct st_field_desc *const cotp_keys[] = {
	&cotp_fields[F_LI], &cotp_fields[F_TYPE], &cotp_fields[F_DST], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_cotp = {
	.forget = cotp_forget,
	.name = "cotp",
	.ws = "cotp",
	.title = "ISO 8073/X.224 COTP Connection-Oriented Transport Protocol",
	.rfc = "ISO 8073, ITU-T X.224",
	.role = ST_ROLE_APP,
	.fields = cotp_fields,
	.nfields = F_NCOTP,
	.decode = cotp_decode,
	.binds = cotp_binds,
	.nbinds = NFIELDS(cotp_binds),
	/* @summary */
	.summary = cotp_summary,
	/* @views */
	.keys = cotp_keys,
	.color = "\033[36m",
	.explain = "The OSI transport protocol.  The length indicator counts "
	    "the header bytes after itself; the type (high nibble of the "
	    "second byte) is CR/CC to connect (with references, class and "
	    "parameters such as the TSAPs and the TPDU size), DT for data "
	    "(a TPDU number and an end-of-TSDU bit that says the last "
	    "segment of a message), DR/DC to disconnect.  Over TPKT only "
	    "class 0 is used: no checksum, no acknowledgements.",
	/* @craft */
	/* @probes */
};
