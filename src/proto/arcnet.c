/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ARCNET as the BSDs (LINKTYPE_ARCNET_BSD, 7) and Linux (LINKTYPE_ARCNET_
 * LINUX, 129) capture it, after Wireshark's packet-arcnet.c.  Addresses are
 * one byte; the protocol ID says what follows.  RFC 1051's IDs (0xf0 IP,
 * 0xf1 ARP) carry the packet at once; RFC 1201's (0xd4 IP, 0xd5 ARP, ...)
 * first give a split flag and a sequence number, to cut a packet over
 * several ARCNET frames:
 *
 * +--------+--------+--------+--------+--------+--------+
 * | source |  dest  | protID | split  |    sequence     |   BSD, RFC 1201
 * +--------+--------+--------+--------+--------+--------+
 *
 * Linux puts the hardware's 2-byte offset after the addresses.  A BSD
 * capture may hold an RFC 1201 exception packet, split flag 0xff: two
 * bytes of padding, the protocol ID again, then the real split flag and
 * sequence.  The packet goes on by an EtherType the ID stands for.
 */
#include "strata/out.h"
#include "fields.h"

#define ARC_EXCEPTION	0xff

enum { A_SRC, A_DST, A_OFF, A_PID, A_SPLIT, A_SEQ, A_EXC, A_PAD, A_PID2 };

static const struct st_valname pid_names[] = {
	{ 0xf0, "RFC 1051 IP" }, { 0xf1, "RFC 1051 ARP" },
	{ 0xd4, "RFC 1201 IP" }, { 0xd5, "RFC 1201 ARP" },
	{ 0xd6, "RFC 1201 RARP" }, { 0xfa, "IPX" },
	{ 0xec, "Novell of some sort" }, { 0xc4, "IPv6" },
	{ 0xe8, "Encapsulated Ethernet" }, { 0x00, "Datapoint boot" },
	{ 0x01, "Datapoint mount" }, { 0x08, "PowerLAN beacon" },
	{ 0xf3, "PowerLAN beacon2" }, { 0xdd, "Appletalk" },
	{ 0xf7, "Banyan VINES" }, { 0x80, "Diagnose" }, { 0xcd, "BACnet" },
	{ 0, NULL }
};

/*
 * Bit offsets as a BSD header draws them; Linux's are two bytes later
 * from the protocol ID on (read with st_dfields_at).  An exception
 * packet's split flag and sequence are four bytes later again.
 */
static const struct st_field_desc arc_fields[] = {
	FD("src", "arcnet.src", "Source", 0, 8, ST_FMT_HEX),
	FD("dst", "arcnet.dst", "Dest", 8, 8, ST_FMT_HEX),
	FD(NULL, "arcnet.offset", "Offset (Linux)", 16, 16, ST_FMT_BYTES),
	FDN("protid", "arcnet.protID", "Protocol ID", 16, 8, ST_FMT_HEX,
	    pid_names),
	FD("split", "arcnet.split_flag", "Split Flag", 24, 8, ST_FMT_DEC),
	FD("seq", "arcnet.sequence", "Sequence", 32, 16, ST_FMT_DEC),
	FD(NULL, "arcnet.exception_flag", "Exception Flag", 24, 8,
	    ST_FMT_HEX),
	FD(NULL, "arcnet.padding", "Padding", 32, 16, ST_FMT_HEX),
	FDN(NULL, "arcnet.protID", "Protocol ID (again)", 48, 8, ST_FMT_HEX,
	    pid_names),
};

/*
 * What the protocol ID carries, as Wireshark's arcnet.protocol_id table
 * hands it on: by EtherType, or LLC (BACnet's) and long DDP by their keys.
 * Returns 0 when nothing strata decodes is bound to it.
 */
static int
arc_next(struct st_dctx *d, unsigned pid)
{
	switch (pid) {
	case 0xd4: case 0xf0:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x0800;
		break;
	case 0xd5: case 0xd6: case 0xf1:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x0806;
		break;
	case 0xc4:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x86dd;
		break;
	case 0xfa: case 0xec:
		d->next_key = ST_KEY_ETHERTYPE, d->next_val = 0x8137;
		break;
	case 0xcd:
		d->next_key = ST_KEY_8023, d->next_val = 0;
		break;
	case 0xdd:
		d->next_key = ST_KEY_LLAP, d->next_val = 2;
		break;
	default:
		return 0;
	}
	return 1;
}

extern const struct st_proto st_proto_arcnet_linux;

static int
arc_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), at;
	int linux_hdr = d->ly->proto == &st_proto_arcnet_linux;
	unsigned pid;

	st_dfields(d, c, arc_fields, A_OFF);
	at = linux_hdr ? 2 : 0;
	if (linux_hdr)
		st_dfield(d, c, &arc_fields[A_OFF]);
	st_dfields_at(d, c, at, &arc_fields[A_PID], 1);
	pid = (unsigned)st_peek_bits(c, (at + 2) * 8, 8);
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = at + 3;
	/* RFC 1051's IDs, Diagnose and BACnet: no split flag (Wireshark). */
	if (pid != 0xf0 && pid != 0xf1 && pid != 0x80 && pid != 0xcd) {
		if (!linux_hdr && st_peek_bits(c, (at + 3) * 8, 8) ==
		    ARC_EXCEPTION) {
			st_dfields_at(d, c, at, &arc_fields[A_EXC], 3);
			/* The ID again, which must be the same one. */
			if (c->err == ST_OK &&
			    st_peek_bits(c, (at + 6) * 8, 8) != pid) {
				d->hdr = at + 7;
				return st_dmalformed(d, "exception packet's "
				    "protocol ID 0x%02x after 0x%02x",
				    (unsigned)st_peek_bits(c, (at + 6) * 8, 8),
				    pid);
			}
			at += 4;
		}
		st_dfields_at(d, c, at, &arc_fields[A_SPLIT], 2);
		if (c->err != ST_OK) {
			d->hdr = left;
			return ST_ETRUNC;
		}
		d->hdr = at + 6;
	}
	if (!arc_next(d, pid))
		d->data = 1;
	return ST_OK;
}

static const struct st_bind arc_binds[] = {
	{ ST_KEY_LINK, 7 },		/* LINKTYPE_ARCNET_BSD */
};
static const struct st_bind arclinux_binds[] = {
	{ ST_KEY_LINK, 129 },		/* LINKTYPE_ARCNET_LINUX */
};

/* "arcnet 0x01 > 0x02 RFC 1201 IP split 0 seq 1". */
static int
arc_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[A_PID2 + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, arc_fields, A_PID2 + 1, f);
	if (f[A_SRC] == NULL || f[A_DST] == NULL)
		return 0;
	st_out_printf(s->o, "arcnet 0x%02x > 0x%02x", (unsigned)f[A_SRC]->val,
	    (unsigned)f[A_DST]->val);
	if (f[A_PID] != NULL) {
		if ((m = st_field_meaning(f[A_PID])) != NULL)
			st_out_printf(s->o, " %s", m);
		else
			st_out_printf(s->o, " protocol 0x%02x",
			    (unsigned)f[A_PID]->val);
	}
	if (f[A_EXC] != NULL)
		st_out_puts(s->o, " exception");
	if (f[A_SPLIT] != NULL && f[A_SEQ] != NULL)
		st_out_printf(s->o, " split %u seq %u",
		    (unsigned)f[A_SPLIT]->val, (unsigned)f[A_SEQ]->val);
	return 1;
}

static const struct st_field_desc *const arc_keys[] = {
	&arc_fields[A_SRC], &arc_fields[A_DST], &arc_fields[A_PID], NULL,
};

#define ARC_EXPLAIN \
	"ARCNET, a token-passing LAN of the late 1970s still found in " \
	"factories: stations have one-byte addresses (0 is broadcast).  " \
	"After the addresses, a protocol ID says what the frame carries.  " \
	"RFC 1051's IDs (0xf0 IP, 0xf1 ARP) carry the packet directly; " \
	"RFC 1201's (0xd4 IP, 0xd5 ARP, 0xd6 RARP) add a split flag and a " \
	"sequence number, so that a packet too big for one ARCNET frame is " \
	"cut into several (the flag says which piece), and an exception " \
	"packet (split flag 0xff, then padding and the ID again) pads " \
	"frames of awkward lengths.  "

const struct st_proto st_proto_arcnet = {
	.name = "arcnet",
	.ws = "arcnet",
	.title = "ARCNET",
	.rfc = "RFC 1201",
	.role = ST_ROLE_LINK,
	.fields = arc_fields,
	.nfields = NFIELDS(arc_fields),
	.decode = arc_decode,
	.binds = arc_binds,
	.nbinds = NFIELDS(arc_binds),
	.summary = arc_summary,
	.keys = arc_keys,
	.color = "\033[36m",
	.explain_bits = 48,
	.explain = ARC_EXPLAIN "This is the header BSD captures hold "
	    "(LINKTYPE_ARCNET_BSD); Linux's puts two bytes of offset after "
	    "the addresses (arcnet-linux).",
};

const struct st_proto st_proto_arcnet_linux = {
	.name = "arcnet-linux",
	.ws = "arcnet",
	.title = "ARCNET (Linux header)",
	.rfc = "RFC 1201",
	.role = ST_ROLE_LINK,
	.fields = arc_fields,
	.nfields = NFIELDS(arc_fields),
	.decode = arc_decode,
	.binds = arclinux_binds,
	.nbinds = NFIELDS(arclinux_binds),
	.summary = arc_summary,
	.keys = arc_keys,
	.color = "\033[36m",
	.explain_bits = 16,
	.explain = ARC_EXPLAIN "This is the header Linux captures hold "
	    "(LINKTYPE_ARCNET_LINUX): after the addresses, two bytes of the "
	    "hardware's offset into its buffer, then the protocol ID, split "
	    "flag and sequence two bytes later than the drawing shows them; "
	    "Linux reassembles split packets and never shows an exception "
	    "packet.",
};
