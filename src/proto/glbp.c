/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GLBP, Cisco's Gateway Load Balancing Protocol, UDP 3222 (to 224.0.0.102
 * from 3222): the routers of a group elect an active virtual gateway,
 * which answers hosts' ARP for the virtual address with the MAC addresses
 * of several forwarders in turn, spreading the hosts across them.  Cisco
 * has published no specification; the layout is Wireshark's, whose names
 * keep its question marks and "unknown" fields.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Version (1)  |   Unknown1    |             Group             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Unknown2            |      Owner ID (a MAC) ...     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then TLVs: type, length (of the whole TLV), value: 1 Hello (the
 * gateway's state, priority, timers, the virtual address), 2 a
 * forwarder's Request/Response (its state, weight, virtual MAC), 3 Auth.
 *
 * As Wireshark: version 1, Unknown1 at most 4 and the same source and
 * destination port, or it is not GLBP.
 */
#include "strata/out.h"
#include "fields.h"

#define GLBP_PORT	3222
#define GLBP_MAXTLV	64	/* TLVs shown */

enum { F_VER, F_UNK1, F_GROUP, F_UNK2, F_OWNER,
	F_TLV, F_TYPE, F_LEN,
	F_H10, F_VGSTATE, F_H11, F_HPRIO, F_H12, F_HELLO, F_HOLD, F_REDIR,
	F_TIMEOUT, F_H13, F_ATYPE, F_ALEN, F_VIP4, F_VIP6, F_VUNK,
	F_FWD, F_VFSTATE, F_R21, F_RPRIO, F_WEIGHT, F_R22, F_VMAC,
	F_AUTHTYPE, F_AUTHLEN, F_PLAIN, F_MD5, F_CHAINIDX, F_CHAIN, F_AUNK,
	F_UNKDATA, F_NGLBP };

static const struct st_valname glbp_types[] = {
	{ 1, "Hello" }, { 2, "Request/Response?" }, { 3, "Auth" }, { 0, NULL }
};

static const struct st_valname glbp_vgstates[] = {
	{ 4, "Listen" }, { 8, "Speak" }, { 0x10, "Standby" }, { 0x20, "Active" },
	{ 0, NULL }
};

static const struct st_valname glbp_auths[] = {
	{ 0, "None" }, { 1, "Plain text" }, { 2, "MD5 string" },
	{ 3, "MD5 chain" }, { 0, NULL }
};

/* A TLV's rows count from the TLV's start (type and length first). */
static const struct st_field_desc glbp_fields[F_NGLBP] = {
	[F_VER] = FD("version", "glbp.version", "Version?", 0, 8, ST_FMT_DEC),
	[F_UNK1] = FD(NULL, "glbp.unknown1", "Unknown1", 8, 8, ST_FMT_DEC),
	[F_GROUP] = FD("group", "glbp.group", "Group", 16, 16, ST_FMT_DEC),
	[F_UNK2] = FD(NULL, "glbp.unknown2", "Unknown2", 32, 16,
	    ST_FMT_BYTES),
	[F_OWNER] = FD("ownerid", "glbp.ownerid", "Owner ID", 48, 48,
	    ST_FMT_MAC),
	[F_TLV] = FD(NULL, "glbp.tlv", "TLV", 0, 0, ST_FMT_TEXT),
	[F_TYPE] = FDN(NULL, "glbp.type", "Type", 0, 8, ST_FMT_DEC,
	    glbp_types),
	[F_LEN] = FD(NULL, "glbp.length", "Length", 8, 8, ST_FMT_DEC),
	/* Hello */
	[F_H10] = FD(NULL, "glbp.hello.unknown10", "Unknown1-0", 16, 8,
	    ST_FMT_BYTES),
	[F_VGSTATE] = FDN(NULL, "glbp.hello.vgstate", "VG state?", 24, 8,
	    ST_FMT_DEC, glbp_vgstates),
	[F_H11] = FD(NULL, "glbp.hello.unknown11", "Unknown1-1", 32, 8,
	    ST_FMT_BYTES),
	[F_HPRIO] = FD(NULL, "glbp.hello.priority", "Priority", 40, 8,
	    ST_FMT_DEC),
	[F_H12] = FD(NULL, "glbp.hello.unknown12", "Unknown1-2", 48, 16,
	    ST_FMT_BYTES),
	[F_HELLO] = FD(NULL, "glbp.hello.helloint", "Helloint (ms)", 64, 32,
	    ST_FMT_DEC),
	[F_HOLD] = FD(NULL, "glbp.hello.holdint", "Holdint (ms)", 96, 32,
	    ST_FMT_DEC),
	[F_REDIR] = FD(NULL, "glbp.hello.redirect", "Redirect (s)", 128, 16,
	    ST_FMT_DEC),
	[F_TIMEOUT] = FD(NULL, "glbp.hello.timeout", "Timeout (s)", 144, 16,
	    ST_FMT_DEC),
	[F_H13] = FD(NULL, "glbp.hello.unknown13", "Unknown1-3", 160, 16,
	    ST_FMT_BYTES),
	[F_ATYPE] = FD(NULL, "glbp.hello.addrtype", "Address type", 176, 8,
	    ST_FMT_DEC),
	[F_ALEN] = FD(NULL, "glbp.hello.addrlen", "Address length", 184, 8,
	    ST_FMT_DEC),
	[F_VIP4] = FD(NULL, "glbp.hello.virtualipv4", "Virtual IPv4", 192, 32,
	    ST_FMT_IPV4),
	[F_VIP6] = FD(NULL, "glbp.hello.virtualipv6", "Virtual IPv6", 192,
	    128, ST_FMT_IPV6),
	[F_VUNK] = FD(NULL, "glbp.hello.virtualunk", "Virtual Unknown", 192, 0,
	    ST_FMT_BYTES),
	/* Request/Response */
	[F_FWD] = FD(NULL, "glbp.reqresp.forwarder", "Forwarder?", 16, 8,
	    ST_FMT_DEC),
	[F_VFSTATE] = FD(NULL, "glbp.reqresp.vfstate", "VF state?", 24, 8,
	    ST_FMT_DEC),
	[F_R21] = FD(NULL, "glbp.reqresp.unknown21", "Unknown2-1", 32, 8,
	    ST_FMT_BYTES),
	[F_RPRIO] = FD(NULL, "glbp.reqresp.priority", "Priority", 40, 8,
	    ST_FMT_DEC),
	[F_WEIGHT] = FD(NULL, "glbp.reqresp.weight", "Weight", 48, 8,
	    ST_FMT_DEC),
	[F_R22] = FD(NULL, "glbp.reqresp.unknown22", "Unknown2-2", 56, 56,
	    ST_FMT_BYTES),
	[F_VMAC] = FD(NULL, "glbp.reqresp.virtualmac", "Virtualmac", 112, 48,
	    ST_FMT_MAC),
	/* Auth */
	[F_AUTHTYPE] = FDN(NULL, "glbp.auth.authtype", "Authtype", 16, 8,
	    ST_FMT_DEC, glbp_auths),
	[F_AUTHLEN] = FD(NULL, "glbp.auth.authlength", "Authlength", 24, 8,
	    ST_FMT_DEC),
	[F_PLAIN] = FD(NULL, "glbp.auth.plainpass", "Plain pass", 32, 0,
	    ST_FMT_TEXT),
	[F_MD5] = FD(NULL, "glbp.auth.md5hash", "MD5-string hash", 32, 0,
	    ST_FMT_BYTES),
	[F_CHAINIDX] = FD(NULL, "glbp.auth.md5chainindex", "MD5-chain index",
	    32, 32, ST_FMT_DEC),
	[F_CHAIN] = FD(NULL, "glbp.auth.md5chainhash", "MD5-chain hash", 64, 0,
	    ST_FMT_BYTES),
	[F_AUNK] = FD(NULL, "glbp.auth.authunknown", "Unknown auth value", 32,
	    0, ST_FMT_BYTES),
	[F_UNKDATA] = FD(NULL, "glbp.unknown.data", "Unknown TLV data", 16, 0,
	    ST_FMT_BYTES),
};

#define R(i)	(&glbp_fields[(i)])

/* A Hello's virtual address: its type and length say which row. */
static void
hello_addr(struct st_dctx *d, struct st_cur *t)
{
	unsigned type = (unsigned)st_peek_bits(t, 176, 8);
	size_t len = (size_t)st_peek_bits(t, 184, 8);

	if (t->err != ST_OK)
		return;
	if ((type == 1 && len != 4) || (type == 2 && len != 16)) {
		st_dmalformed(d, "a virtual IPv%c address of %zu bytes",
		    type == 1 ? '4' : '6', len);
		return;
	}
	if (type == 1)
		st_dfield(d, t, R(F_VIP4));
	else if (type == 2)
		st_dfield(d, t, R(F_VIP6));
	else if (len > 0)
		st_dbytes(d, t, R(F_VUNK), 24, len);
}

/* An Auth TLV's value by its type. */
static void
auth(struct st_dctx *d, struct st_cur *t)
{
	unsigned type = (unsigned)st_peek_bits(t, 16, 8);
	size_t len = (size_t)st_peek_bits(t, 24, 8);

	st_dfields(d, t, R(F_AUTHTYPE), 2);
	if (t->err != ST_OK || len == 0)
		return;
	switch (type) {
	case 1:
		st_dtext_esc(d, t, R(F_PLAIN), 4, len);
		break;
	case 2:
		st_dbytes(d, t, R(F_MD5), 4, len);
		break;
	case 3:
		st_dfield(d, t, R(F_CHAINIDX));
		if (len > 4)
			st_dbytes(d, t, R(F_CHAIN), 8, len - 4);
		break;
	default:
		st_dbytes(d, t, R(F_AUNK), 4, len);
	}
}

static int
glbp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off = 12, len;
	unsigned type, i;
	struct st_cur t;
	int cut;

	if (left < 2 || st_peek_bits(c, 0, 8) != 1 ||
	    st_peek_bits(c, 8, 8) > 4 ||
	    st_dport(d->pkt, d->ly, 0) != st_dport(d->pkt, d->ly, 1))
		return ST_ENOTME;
	st_dfields(d, c, glbp_fields, F_TLV);
	d->hdr = left;
	d->plen = 0;
	for (i = 0; c->err == ST_OK && off < left && i < GLBP_MAXTLV; i++) {
		t = *c;
		t.off += off;
		type = (unsigned)st_peek_bits(&t, 0, 8);
		len = (size_t)st_peek_bits(&t, 8, 8);
		if (t.err != ST_OK) {
			c->err = t.err;
			break;
		}
		if (len < 2)
			return st_dmalformed(d, "TLV %u of length %zu, below 2",
			    type, len);
		st_dtext(d, &t, R(F_TLV), 0, off + len <= left ? len :
		    left - off, "");
		st_dfields(d, &t, R(F_TYPE), 2);
		/* a TLV past the bytes at hand is shown as far as it goes */
		cut = off + len > left;
		if (!cut)
			t.end = t.off + len;
		switch (type) {
		case 1:
			st_dfields(d, &t, R(F_H10), 12);
			hello_addr(d, &t);
			break;
		case 2:
			st_dfields(d, &t, R(F_FWD), 7);
			break;
		case 3:
			auth(d, &t);
			break;
		default:
			if (len > 2)
				st_dbytes(d, &t, R(F_UNKDATA), 2, len - 2);
		}
		if (d->ly->status == ST_LS_MALFORMED)
			return ST_EINVAL;
		if (cut) {
			c->err = ST_ETRUNC;
			break;
		}
		if (t.err != ST_OK)
			return st_dmalformed(d, "TLV %u of %zu bytes is too short "
			    "for its value", type, len);
		off += len;
	}
	if (c->err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "a TLV runs past the datagram");
	return ST_OK;
}

static const struct st_bind glbp_binds[] = {
	{ ST_KEY_UDPPORT, GLBP_PORT },
};

/* As tshark's Info: "G: 1, Hello, Request/Response?". */
static int
glbp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f = &s->pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const char *name;

	for (; f < end && f->desc != R(F_GROUP); f++)
		;
	if (f == end)
		return 0;
	st_out_printf(s->o, "GLBP G: %u", (unsigned)f->val);
	for (; f < end; f++)
		if (f->desc == R(F_TYPE)) {
			name = st_valname(glbp_types, (uint32_t)f->val);
			if (name != NULL)
				st_out_printf(s->o, ", %s", name);
			else
				st_out_printf(s->o, ", %u", (unsigned)f->val);
		}
	return 1;
}

static const struct st_field_desc *const glbp_keys[] = {
	R(F_GROUP), R(F_OWNER), NULL,
};

const struct st_proto st_proto_glbp = {
	.name = "glbp",
	.ws = "glbp",
	.title = "Gateway Load Balancing Protocol",
	.rfc = "Cisco GLBP (unpublished; as Wireshark reads it)",
	.role = ST_ROLE_APP,
	.fields = glbp_fields,
	.nfields = NFIELDS(glbp_fields),
	.decode = glbp_decode,
	.binds = glbp_binds,
	.nbinds = NFIELDS(glbp_binds),
	.summary = glbp_summary,
	.keys = glbp_keys,
	.color = "\033[32m",
	.explain_bits = 96,	/* the header; TLVs follow */
	.explain = "Cisco's first-hop redundancy protocol that also shares "
	    "the load: the routers of a group (UDP 3222 to 224.0.0.102) "
	    "send Hellos with their priority and timers; the highest "
	    "becomes the active virtual gateway, owner of the group's "
	    "virtual IP address.  It hands out up to four virtual MAC "
	    "addresses, one per forwarder (the Request/Response TLV, with "
	    "each forwarder's weight), and answers hosts' ARP requests for "
	    "the virtual address with each in turn, so hosts spread across "
	    "the routers.  Cisco never published the format; the field names "
	    "(with their question marks) are Wireshark's guesses.",
};
