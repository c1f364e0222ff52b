/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LMP, the Link Management Protocol of GMPLS (RFC 4204; UDP 701): two
 * neighbours keep a control channel up with Hellos, agree the data links
 * between them (LinkSummary), test them (BeginVerify, Test) and report
 * their state (ChannelStatus).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Vers  |      (Reserved)       |    Flags      |    Msg Type   |
 * |          LMP Length           |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then objects, each |N| C-Type | Class | Length | value, the length
 * counting the 4-byte object header.  Wireshark reads the whole first
 * byte as the version (16 for version 1), shows no checksum unless told
 * to, and stops at an object class it does not know: strata does the
 * same, so that the readings agree, and shows the checksum as its own.
 */
#include "strata/out.h"
#include "lmp.h"

#define L(i)	(&lmp_fields[(i)])

/* The row of type in lmp_fields, or -1: a type Wireshark refuses. */
static int
msg_index(unsigned type)
{
	if (type >= 1 && type <= 20)
		return (int)type - 1;
	if (type >= 50 && type <= 52)
		return (int)type - 50 + 20;
	if (type >= 241 && type <= 243)
		return (int)type - 241 + 23;
	return -1;
}

/* A single-precision float of bytes per second at byte off, in Mbps as
 * Wireshark works it out (in float) and writes it. */
static void
lmp_mbps(struct st_dctx *d, struct st_cur *c, unsigned fd, size_t off)
{
	union { uint32_t u; float f; } v;
	struct st_cur t = *c;
	char text[32];

	t.off += off;
	v.u = st_get_be32(&t);
	if (t.err != ST_OK) {
		c->err = t.err;
		return;
	}
	snprintf(text, sizeof(text), "%.9g", (double)(v.f * 8 / 1000000));
	st_dtext(d, c, L(fd), off, 4, text);
}

/* Row r at byte off of c. */
static void
at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned r)
{
	st_dfields_at(d, c, off, L(r), 1);
}

/*
 * A DATA_LINK's subobjects from byte l of the value at v (the object of
 * n value bytes): type, length and, by type, the switching capability
 * with its bandwidths (1) or the wavelength (2).  As Wireshark, a
 * subobject of length 0 ends them.
 */
static void
lmp_subobjs(struct st_dctx *d, struct st_cur *v, size_t l, size_t n)
{
	unsigned i, type;
	size_t len;

	for (i = 0; i < LMP_MAXSUB && l < n && v->err == ST_OK; i++) {
		if (!st_cur_need(v, l + 2))
			return;
		type = (unsigned)st_peek_bits(v, l * 8, 8);
		len = (size_t)st_peek_bits(v, l * 8 + 8, 8);
		st_dbytes(d, v, L(S_SUB), l, len < st_cur_left(v) - l ? len :
		    st_cur_left(v) - l);
		at(d, v, l, S_TYPE);
		at(d, v, l, S_LEN);
		if (type == 1) {
			at(d, v, l, S_SWITCH);
			at(d, v, l, S_ENC);
			lmp_mbps(d, v, S_MINBW, l + 4);
			lmp_mbps(d, v, S_MAXBW, l + 8);
		} else if (type == 2)
			at(d, v, l, S_WAVE);
		else if (len > 0)
			st_dbytes(d, v, L(O_DATA), l, len);
		if (len == 0)
			return;
		l += len;
	}
}

/* A CHANNEL_STATUS: per interface its ID and, unless the object ends,
 * whether it is active and its state. */
static void
lmp_chstatus(struct st_dctx *d, struct st_cur *v, unsigned ct, size_t n)
{
	size_t l = 0;
	unsigned i;

	if (ct < 1 || ct > 3)
		return;
	for (i = 0; i < LMP_MAXSUB && l < n && v->err == ST_OK; i++) {
		if (ct == 2) {
			/* Wireshark reads each IPv6 ID at the value's start */
			at(d, v, 0, C_IF6);
			l += 16;
		} else {
			at(d, v, l, ct == 1 ? C_IF4 : C_IFU);
			l += 4;
		}
		if (l == n)
			return;
		at(d, v, l, C_LINK);
		at(d, v, l, C_STATUS);
		l += 4;
	}
}

/* An ERROR_CODE: the code, and again with its bits for C-Types 1-4. */
static void
lmp_error(struct st_dctx *d, struct st_cur *v, unsigned ct, size_t n)
{
	static const struct { unsigned first, n; } bits[] = {
		{ E_V1, 4 }, { E_S1, 6 }, { E_T1, 3 }, { E_L1, 5 },
	};

	at(d, v, 0, E_CODE);
	if (ct < 1 || ct > 4) {
		if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	}
	at(d, v, 0, E_CODE);
	st_dfields_at(d, v, 0, L(bits[ct - 1].first), bits[ct - 1].n);
}

/* Rows local (for C-Type first) and remote (first + 1) of a 4-byte ID. */
static void
lmp_pair(struct st_dctx *d, struct st_cur *v, unsigned ct, unsigned base,
    unsigned ct0, size_t n)
{
	if (ct == ct0 || ct == ct0 + 1)
		at(d, v, 0, base + ct - ct0);
	else if (n > 0)
		st_dbytes(d, v, L(O_DATA), 0, n);
}

/* The value (n bytes at v) of an object of class cls and C-Type ct. */
static void
lmp_value(struct st_dctx *d, struct st_cur *v, unsigned cls, unsigned ct,
    size_t n)
{
	size_t l;
	unsigned i;

	switch (cls) {
	case 1:
		lmp_pair(d, v, ct, V_LCCID, 1, n);
		return;
	case 2:
		lmp_pair(d, v, ct, V_LNODE, 1, n);
		return;
	case 3: case 4:
		/* local and remote IPv4 (1, 2), IPv6 (3, 4), unnumbered */
		if (ct >= 1 && ct <= 6)
			at(d, v, 0, (cls == 3 ? V_LLINK4 : V_LIF4) + ct - 1);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 5:
		lmp_pair(d, v, ct, V_MSGID, 1, n);
		return;
	case 6:
		if (ct == 1)
			st_dfields_at(d, v, 0, L(V_HELLO), 2);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 7:
		if (ct == 1)
			st_dfields_at(d, v, 0, L(V_TXSEQ), 2);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 8:
		if (ct != 1) {
			if (n > 0)
				st_dbytes(d, v, L(O_DATA), 0, n);
			return;
		}
		st_dfields_at(d, v, 0, L(V_BVFLAGS), V_BVRATE - V_BVFLAGS);
		lmp_mbps(d, v, V_BVRATE, 12);
		at(d, v, 0, V_BVWAVE);
		return;
	case 9:
		if (ct == 1)
			st_dfields_at(d, v, 0, L(V_BVADEAD), 2);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 10:
		if (ct == 1)
			at(d, v, 0, V_VERIFYID);
		else if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
		return;
	case 11: case 12:
		i = cls == 11 ? V_TEFLAGS : V_DLFLAGS;
		st_dfields_at(d, v, 0, L(i), 3);
		if (ct < 1 || ct > 3) {
			if (n > 0)
				st_dbytes(d, v, L(O_DATA), 0, n);
			return;
		}
		st_dfields_at(d, v, 0, L(i + 3 + (ct - 1) * 2), 2);
		if (cls == 12)
			lmp_subobjs(d, v, ct == 2 ? 36 : 12, n);
		return;
	case 13:
		lmp_chstatus(d, v, ct, n);
		return;
	case 14:
		for (i = 0, l = 0; i < LMP_MAXSUB && l < n && v->err == ST_OK;
		    i++) {
			if (ct < 1 || ct > 3) {
				st_dbytes(d, v, L(O_DATA), l, n - l);
				return;
			}
			at(d, v, l, R_IF4 + ct - 1);
			l += ct == 2 ? 16 : 4;
		}
		return;
	case 20:
		lmp_error(d, v, ct, n);
		return;
	default:
		/* TRACE, SERVICE_CONFIG and the others: their bytes */
		if (n > 0)
			st_dbytes(d, v, L(O_DATA), 0, n);
	}
}

/* The row of class cls in lmp_fields, or -1: a class Wireshark refuses. */
static int
obj_index(unsigned cls)
{
	static const unsigned late[] = { 20, 21, 22, 51, 248, 249 };
	unsigned i;

	if (cls >= 1 && cls <= 14)
		return M_OBJ0 + (int)cls - 1;
	for (i = 0; i < NFIELDS(late); i++)
		if (cls == late[i])
			return M_OBJ0 + 14 + (int)i;
	return -1;
}

static int
lmp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), mlen, pos, olen, n;
	unsigned type, cls, ct, i;
	struct st_cur v;
	int k;

	d->plen = 0;
	d->hdr = left;
	st_dfields(d, c, lmp_fields, F_MSG + 1);
	if (!st_cur_need(c, 6)) {
		st_dfields(d, c, L(F_LEN), 1);
		return c->err;
	}
	type = (unsigned)st_peek_bits(c, 24, 8);
	st_dfield(d, c, L(F_LEN));
	if ((k = msg_index(type)) < 0) {
		st_pkt_note(d->pkt, "LMP: a message type Wireshark does not "
		    "know; its objects are not read");
		return ST_OK;
	}
	st_dgen(d, L(M_FLAG0 + k), 1);
	st_dfield(d, c, L(F_CK));
	if (c->err != ST_OK)
		return c->err;
	mlen = (size_t)st_peek_bits(c, 32, 16);
	for (pos = 8, i = 0; pos < mlen && i < LMP_MAXOBJ; i++) {
		v = *c;
		v.off += pos;
		if (!st_cur_need(&v, 4))
			return v.err;
		ct = (unsigned)st_peek_bits(&v, 1, 7);
		cls = (unsigned)st_peek_bits(&v, 8, 8);
		olen = (size_t)st_peek_bits(&v, 16, 16);
		st_dfield(d, &v, L(O_CLASS));
		if ((k = obj_index(cls)) < 0) {
			st_dfield(d, &v, L(O_UCT));
			st_dfield(d, &v, L(O_ULEN));
			if (olen > 4)
				st_dbytes(d, &v, L(O_UVAL), 4, olen - 4 <
				    st_cur_left(&v) - 4 ? olen - 4 :
				    st_cur_left(&v) - 4);
			/* as Wireshark, which reads no further */
			st_pkt_note(d->pkt, "LMP: an object class Wireshark "
			    "does not know ends the decoding");
			return ST_OK;
		}
		if (olen < 4) {
			st_dfields(d, &v, L(O_NEG), 2);
			return st_dmalformed(d, "LMP object of length %zu, "
			    "below its 4-byte header", olen);
		}
		n = olen < st_cur_left(&v) ? olen : st_cur_left(&v);
		st_dbytes(d, &v, L(k), 0, n);
		st_dfields(d, &v, L(O_NEG), 4);
		/* The value is read within the capture, not the object:
		 * Wireshark reads a subobject past its object's end. */
		v.off += 4;
		lmp_value(d, &v, cls, ct, olen - 4);
		if (v.err != ST_OK)
			return v.err;
		pos += olen;
	}
	if (pos > left && c->err == ST_OK)
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind lmp_binds[] = {
	{ ST_KEY_UDPPORT, 701 },
};

/* "LMP Hello, CCID 7, tx 5 rx 4", as tcpdump names the message. */
static int
lmp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[V_RXSEQ + 1];
	const char *name;

	st_ly_fields(s->pkt, ly, lmp_fields, V_RXSEQ + 1, f);
	if (f[F_MSG] == NULL)
		return 0;
	name = st_valname(lmp_msg_names, (uint32_t)f[F_MSG]->val);
	if (name != NULL)
		st_out_printf(s->o, "LMP %s", name);
	else
		st_out_printf(s->o, "LMP message type %u",
		    (unsigned)f[F_MSG]->val);
	if (f[F_LEN] != NULL)
		st_out_printf(s->o, ", length %u", (unsigned)f[F_LEN]->val);
	if (f[V_LCCID] != NULL)
		st_out_printf(s->o, ", CCID %u", (unsigned)f[V_LCCID]->val);
	if (f[V_MSGID] != NULL)
		st_out_printf(s->o, ", Msg-ID %u", (unsigned)f[V_MSGID]->val);
	if (f[V_HELLO] != NULL && f[V_DEAD] != NULL)
		st_out_printf(s->o, ", hello %ums dead %ums",
		    (unsigned)f[V_HELLO]->val, (unsigned)f[V_DEAD]->val);
	if (f[V_TXSEQ] != NULL && f[V_RXSEQ] != NULL)
		st_out_printf(s->o, ", tx %u rx %u",
		    (unsigned)f[V_TXSEQ]->val, (unsigned)f[V_RXSEQ]->val);
	return 1;
}

static const struct st_field_desc *const lmp_keys[] = {
	L(F_VER), L(F_MSG), L(F_LEN), NULL,
};

const struct st_proto st_proto_lmp = {
	.name = "lmp",
	.ws = "lmp",
	.title = "Link Management Protocol",
	.rfc = "RFC 4204",
	.role = ST_ROLE_CONTROL,
	/* the header's rows; the objects' after them */
	.fields = lmp_fields,
	.nfields = O_CLASS,
	.more = lmp_fields + O_CLASS,
	.nmore = F_NROWS - O_CLASS,
	.decode = lmp_decode,
	.binds = lmp_binds,
	.nbinds = NFIELDS(lmp_binds),
	.summary = lmp_summary,
	.keys = lmp_keys,
	.color = "\033[35m",
	.explain_bits = 64,
	.explain = "GMPLS switches (optical cross-connects, SONET/SDH "
	    "multiplexers) are joined by many data links that carry no IP, "
	    "so a separate control channel runs LMP over UDP port 701 "
	    "(RFC 4204).  Over it two neighbours bring the channel up with "
	    "Config messages (the CONFIG object carries the hello and "
	    "hello-dead intervals), keep it up with Hellos (transmit and "
	    "receive sequence numbers), test data links with BeginVerify and "
	    "Test messages, correlate their link IDs in LinkSummary "
	    "(TE_LINK and DATA_LINK objects, with switching capability and "
	    "wavelength subobjects), and report failures with ChannelStatus. "
	    " Each message is a header (version, flags, type, length, an "
	    "optional Internet checksum) then objects: a negotiable bit, a "
	    "C-Type saying which form the value takes (IPv4, IPv6 or "
	    "unnumbered IDs), a class and a length.  Wireshark reads the "
	    "whole first byte as the version (16 for version 1).",
};
