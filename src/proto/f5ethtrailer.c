/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The F5 Networks Ethernet trailer: what a BIG-IP's tcpdump appends to each
 * frame it captures with "noise" (-i interface:nnn): the TMM that handled
 * it, direction, slot, flow IDs, the peer flow and the virtual server.
 * No RFC; the layout is F5's, as Wireshark's packet-f5ethtrailer.c reads it.
 *
 * Old format (BIG-IP 9.4.2 to 13.x), TLVs one after another:
 * +--------+--------+---------+----------------------------+
 * | type 8 | len 8  | version | value (len - 1 bytes)      |
 * +--------+--------+---------+----------------------------+
 *   type 1 low (ingress, slot, TMM, VIP), 2 medium (flow IDs, flags),
 *   3 high (the peer flow's addresses and ports); len counts from version.
 *
 * New format (BIG-IP 14.0 on):
 * +-------------------------------+----------------+----------------+
 * | magic 0xf5deb0f5 (32)         | length (16)    | version (16)   |
 * +-------------------------------+----------------+----------------+
 * then TLVs: provider (16), type (16), length (16, the header counted),
 * version (16), value.  Provider 1 (noise) types 1, 2, 3 as above.
 *
 * The trailer is found as Wireshark's heuristic finds it among the bytes an
 * Ethernet, VLAN or cooked header left after its datagram (and after zero
 * padding to 60 bytes): leading zeros skipped, then the magic (or the magic
 * 4 bytes on, behind the original FCS), else a plausible old-format TLV.
 * Where that heuristic reads past the trailer's end (it subtracts the
 * offset from what is left after it, so a few bytes behind many zeros send
 * it looking 4 bytes past them), tshark shows the trailer as malformed:
 * so does strata, with no fields.
 */
#include "fields.h"

#define F5_MAGIC	0xf5deb0f5u
#define F5_MAXTLV	16	/* TLVs in one trailer */
#define F5_MAXOBJ	16	/* object names in a low noise TLV */

/* Names that more than one row (of a different width) carries. */
static const char n_type[] = "f5ethtrailer.type";
static const char n_length[] = "f5ethtrailer.length";
static const char n_version[] = "f5ethtrailer.version";
static const char n_slot[] = "f5ethtrailer.slot";
static const char n_flowid[] = "f5ethtrailer.flowid";
static const char n_peerid[] = "f5ethtrailer.peerid";
static const char n_vip[] = "f5ethtrailer.vip";
static const char n_vipnamelen[] = "f5ethtrailer.vipnamelen";
static const char n_objnamelen[] = "f5ethtrailer.objnamelen";
static const char n_data[] = "f5ethtrailer.data";
static const char n_anyflow[] = "f5ethtrailer.anyflowid";

enum {
	F_MAGIC, F_TLEN, F_TVER, F_OFCS,
	F_PROV, F_NTYPE, F_NLEN, F_NVER,		/* new TLV header */
	F_OTYPE, F_OLEN, F_OVER,			/* old TLV header */
	F_DATA, F_INGRESS, F_FLAGS, F_FLING, F_FLHW, F_SLOT, F_TMM,
	F_VIPLEN, F_VIP, F_OBJLEN, F_OBJTYPE, F_PORTLEN, F_PORT, F_TRUNKLEN,
	F_TRUNK, F_DSTR,
	F_FLOW64, F_PEER64, F_FLOW32, F_PEER32, F_CF2, F_CF, F_FTYPE, F_HA,
	F_RES, F_PRIO, F_RCLEN, F_RCVER, F_RCPEER, F_RCVAL, F_RCLINE, F_RCTXT,
	F_PPROTO, F_PVLAN, F_PRADDR, F_PRADDR6, F_PLADDR, F_PLADDR6,
	F_PRRT, F_PLRT, F_PRPORT, F_PLPORT, F_NOPEER,
	/* Wireshark's hidden duplicates, for filters on either end: */
	F_ANY64, F_ANY32, F_PADDR, F_PADDR6, F_PRTDOM, F_PPORT, F_MAX
};

static const struct st_valname ingress_names[] = {
	{ 0, "Out" }, { 1, "In" }, { 0, NULL }
};
static const struct st_valname hwaction_names[] = {
	{ 0, "Not set" }, { 1, "Challenge" }, { 2, "Drop" }, { 3, "Forward" },
	{ 0, NULL }
};
static const struct st_valname objtype_names[] = {
	{ 0, "Virtual Server" }, { 1, "Port" }, { 2, "Trunk" },
	{ 255, "Unknown" }, { 0, NULL }
};

/* Offsets are from the start of the TLV (the trailer header's for the
 * first three), values of the noise TLVs past their 8-byte header. */
static const struct st_field_desc f5_fields[] = {
	[F_MAGIC] = FD(NULL, "f5ethtrailer.trailer_magic", "Magic", 0, 32,
	    ST_FMT_HEX),
	[F_TLEN] = FD(NULL, "f5ethtrailer.trailer_length", "Length", 32, 16,
	    ST_FMT_DEC),
	[F_TVER] = FD(NULL, "f5ethtrailer.trailer_version", "Version", 48, 16,
	    ST_FMT_DEC),
	[F_OFCS] = FD(NULL, "f5ethtrailer.orig_fcs", "Original FCS", 0, 32,
	    ST_FMT_HEX),
	[F_PROV] = FD(NULL, "f5ethtrailer.provider", "Provider", 0, 16,
	    ST_FMT_DEC),
	[F_NTYPE] = FD(NULL, n_type, "Type", 16, 16, ST_FMT_DEC),
	[F_NLEN] = FD(NULL, n_length, "Trailer length", 32, 16, ST_FMT_DEC),
	[F_NVER] = FD(NULL, n_version, "Version", 48, 16, ST_FMT_DEC),
	[F_OTYPE] = FD(NULL, n_type, "Type", 0, 8, ST_FMT_DEC),
	[F_OLEN] = FD(NULL, n_length, "Trailer length", 8, 8, ST_FMT_DEC),
	[F_OVER] = FD(NULL, n_version, "Version", 16, 8, ST_FMT_DEC),
	[F_DATA] = FD(NULL, n_data, "Data", 0, 0, ST_FMT_BYTES),
	[F_INGRESS] = FD(NULL, "f5ethtrailer.ingress", "Ingress", 0, 8,
	    ST_FMT_BOOL),
	[F_FLAGS] = FD(NULL, "f5ethtrailer.flags", "Flags", 0, 8, ST_FMT_HEX),
	[F_FLING] = FDDN(NULL, "f5ethtrailer.flags.ingress", "Ingress", 7, 1,
	    ST_FMT_DEC, ingress_names),
	[F_FLHW] = FDDN(NULL, "f5ethtrailer.flags.hwaction",
	    "Hardware action", 5, 2, ST_FMT_DEC, hwaction_names),
	[F_SLOT] = FD(NULL, n_slot, "Slot", 0, 8, ST_FMT_DEC),
	[F_TMM] = FD(NULL, "f5ethtrailer.tmm", "TMM (0-based)", 0, 8,
	    ST_FMT_DEC),
	[F_VIPLEN] = FD(NULL, n_vipnamelen, "VIP name length", 0, 8,
	    ST_FMT_DEC),
	[F_VIP] = FD(NULL, n_vip, "VIP", 0, 0, ST_FMT_TEXT),
	[F_OBJLEN] = FD(NULL, n_objnamelen, "Object data length", 0, 8,
	    ST_FMT_DEC),
	[F_OBJTYPE] = FDN(NULL, "f5ethtrailer.objnametype", "Object type", 0,
	    8, ST_FMT_DEC, objtype_names),
	[F_PORTLEN] = FD(NULL, "f5ethtrailer.portnamelen", "Port name length",
	    0, 8, ST_FMT_DEC),
	[F_PORT] = FD(NULL, "f5ethtrailer.phys_port", "Port", 0, 0,
	    ST_FMT_TEXT),
	[F_TRUNKLEN] = FD(NULL, "f5ethtrailer.trunknamelen",
	    "Trunk name length", 0, 8, ST_FMT_DEC),
	[F_TRUNK] = FD(NULL, "f5ethtrailer.trunk", "Trunk", 0, 0, ST_FMT_TEXT),
	[F_DSTR] = FD(NULL, "f5ethtrailer.data.string", "Data", 0, 0,
	    ST_FMT_TEXT),
	[F_FLOW64] = FD(NULL, n_flowid, "Flow ID", 0, 64, ST_FMT_HEX),
	[F_PEER64] = FD(NULL, n_peerid, "Peer ID", 64, 64, ST_FMT_HEX),
	[F_FLOW32] = FD(NULL, n_flowid, "Flow ID", 0, 32, ST_FMT_HEX),
	[F_PEER32] = FD(NULL, n_peerid, "Peer ID", 32, 32, ST_FMT_HEX),
	[F_CF2] = FD(NULL, "f5ethtrailer.cfflags2", "Connflow flags high bits",
	    0, 32, ST_FMT_HEX),
	[F_CF] = FD(NULL, "f5ethtrailer.cfflags", "Connflow flags", 0, 32,
	    ST_FMT_HEX),
	[F_FTYPE] = FD(NULL, "f5ethtrailer.flowtype", "Flow type", 0, 8,
	    ST_FMT_HEX),
	[F_HA] = FD(NULL, "f5ethtrailer.haunit", "HA unit", 0, 8, ST_FMT_HEX),
	[F_RES] = FD(NULL, "f5ethtrailer.reserved", "Reserved", 0, 32,
	    ST_FMT_HEX),
	[F_PRIO] = FD(NULL, "f5ethtrailer.priority", "Priority", 0, 8,
	    ST_FMT_DEC),
	[F_RCLEN] = FD(NULL, "f5ethtrailer.rstcauselen", "RST cause length",
	    0, 8, ST_FMT_DEC),
	[F_RCVER] = FDD(NULL, "f5ethtrailer.rstcausever", "RST cause version",
	    0, 7, ST_FMT_HEX),
	[F_RCPEER] = FDD(NULL, "f5ethtrailer.rstcausepeer", "RST cause peer",
	    7, 1, ST_FMT_DEC),
	[F_RCVAL] = FD(NULL, "f5ethtrailer.rstcauseval", "RST cause value", 8,
	    48, ST_FMT_HEX),
	[F_RCLINE] = FD(NULL, "f5ethtrailer.rstcauseline", "RST cause line",
	    56, 16, ST_FMT_DEC),
	[F_RCTXT] = FD(NULL, "f5ethtrailer.rstcausetxt", "RST cause", 0, 0,
	    ST_FMT_TEXT),
	[F_PPROTO] = FD(NULL, "f5ethtrailer.peeripproto", "Peer IP protocol",
	    0, 8, ST_FMT_DEC),
	[F_PVLAN] = FD(NULL, "f5ethtrailer.peervlan", "Peer VLAN", 8, 16,
	    ST_FMT_DEC),
	[F_PRADDR] = FD(NULL, "f5ethtrailer.peerremoteaddr",
	    "Peer remote address", 0, 32, ST_FMT_IPV4),
	[F_PRADDR6] = FD(NULL, "f5ethtrailer.peerremoteaddr6",
	    "Peer remote address", 0, 128, ST_FMT_IPV6),
	[F_PLADDR] = FD(NULL, "f5ethtrailer.peerlocaladdr",
	    "Peer local address", 0, 32, ST_FMT_IPV4),
	[F_PLADDR6] = FD(NULL, "f5ethtrailer.peerlocaladdr6",
	    "Peer local address", 0, 128, ST_FMT_IPV6),
	[F_PRRT] = FD(NULL, "f5ethtrailer.peerremotertdom",
	    "Peer remote route domain", 0, 16, ST_FMT_DEC),
	[F_PLRT] = FD(NULL, "f5ethtrailer.peerlocalrtdom",
	    "Peer local route domain", 0, 16, ST_FMT_DEC),
	[F_PRPORT] = FD(NULL, "f5ethtrailer.peerremoteport",
	    "Peer remote port", 0, 16, ST_FMT_DEC),
	[F_PLPORT] = FD(NULL, "f5ethtrailer.peerlocalport", "Peer local port",
	    0, 16, ST_FMT_DEC),
	[F_NOPEER] = FD(NULL, "f5ethtrailer.nopeer",
	    "No peer connection information", 0, 0, ST_FMT_BYTES),
	[F_ANY64] = FD(NULL, n_anyflow, "Flow ID or peer flow ID", 0,
	    64, ST_FMT_HEX),
	[F_ANY32] = FD(NULL, n_anyflow, "Flow ID or peer flow ID", 0,
	    32, ST_FMT_HEX),
	[F_PADDR] = FD(NULL, "f5ethtrailer.peeraddr",
	    "Peer remote or local address", 0, 32, ST_FMT_IPV4),
	[F_PADDR6] = FD(NULL, "f5ethtrailer.peeraddr6",
	    "Peer remote or local address", 0, 128, ST_FMT_IPV6),
	[F_PRTDOM] = FD(NULL, "f5ethtrailer.peerrtdom",
	    "Peer remote or local route domain", 0, 16, ST_FMT_DEC),
	[F_PPORT] = FD(NULL, "f5ethtrailer.peerport", "Peer remote or local port",
	    0, 16, ST_FMT_DEC),
};

/* What the heuristic found. */
enum { K_NONE, K_OVERRUN, K_NEW, K_OLD };

struct f5find {
	int		 kind;
	size_t		 at;		/* where the trailer starts */
	int		 fcs;		/* the original FCS is the 4 bytes
					   before it */
};

/* The value of the nbits at byte off of c's window; the caller checked
 * that they are there. */
static uint64_t
peek(const struct st_cur *c, size_t off, unsigned nbits)
{
	struct st_cur t = *c;

	return st_peek_bits(&t, off * 8, nbits);
}

/* Wireshark's magic check at byte q of the n-byte window, left bytes
 * being what follows the leading zeros: 1 found, 0 not, -1 past the end
 * (r->kind set), 2 found but too long (not a trailer). */
static int
magic_at(const struct st_cur *c, size_t n, size_t q, size_t left)
{
	size_t len;

	if (q + 4 > n)
		return -1;
	if (peek(c, q, 32) != F5_MAGIC)
		return 0;
	if (q + 6 > n)
		return -1;
	/* Too long, or 0 (which the dissector then returns: given back). */
	len = (size_t)peek(c, q + 4, 16);
	return len > left || len == 0 ? 2 : 1;
}

static int old_valid(const struct st_cur *t, unsigned type, size_t len,
    unsigned ver);

/*
 * Wireshark's heuristic (dissect_f5ethtrailer in 4.0) over the n bytes at
 * c: the trailer's kind and start.
 */
static void
f5_find(const struct st_cur *c, struct f5find *r)
{
	size_t n = st_cur_left(c), off = 0, left, i, q, len;
	unsigned type, ver;
	struct st_cur t;
	int m;

	memset(r, 0, sizeof(*r));
	while (off < n && peek(c, off, 8) == 0)
		off++;
	left = n - off;
	if (left < 7)
		return;
	/* The check as Wireshark writes it, in its unsigned 32 bits. */
	if ((uint32_t)(left - off) >= 12) {
		m = magic_at(c, n, off, left);
		if (m != 0) {
			r->kind = m < 0 ? K_OVERRUN : m == 1 ? K_NEW : K_NONE;
			r->at = off;
			return;
		}
		/* Behind an FCS: the magic up to 4 bytes on. */
		for (i = 0; i <= off && i <= 4; i++) {
			q = off + 4 - i;
			m = magic_at(c, n, q, left);
			if (m == 0)
				continue;
			r->kind = m < 0 ? K_OVERRUN : m == 1 ? K_NEW : K_NONE;
			r->at = m < 0 ? off : q;
			r->fcs = m == 1;
			return;
		}
	}
	type = (unsigned)peek(c, off, 8);
	len = (size_t)peek(c, off + 1, 8) + 2;
	ver = (unsigned)peek(c, off + 2, 8);
	if (len <= left && type >= 1 && type <= 3 && len >= 7 && len <= 140 &&
	    ver <= 3) {
		/* Wireshark's dissector then gives it back (returns 0) when
		 * its first TLV's length fits no version. */
		t = *c;
		t.off += off;
		if (old_valid(&t, type, len, ver)) {
			r->kind = K_OLD;
			r->at = off;
		}
	}
}

/* A text field of n bytes at byte off of t. */
static void
f5_text(struct st_dctx *d, struct st_cur *t, int fi, size_t off, size_t n)
{
	char text[256 * 4 + 1];

	if (!st_cur_need(t, off + n))
		return;
	st_escape_ascii(t->base + t->off + off, n, text, sizeof(text));
	st_dtext(d, t, &f5_fields[fi], off, n, text);
}

/* Field fi read at byte off of t. */
static void
f5_at(struct st_dctx *d, struct st_cur *t, int fi, size_t off)
{
	st_dfields_at(d, t, off, &f5_fields[fi], 1);
}

/* The flow and peer flow IDs at byte off, of 32 or 64 bits each. */
static void
f5_flows(struct st_dctx *d, struct st_cur *t, size_t off, unsigned bits)
{
	size_t w = bits / 8;

	f5_at(d, t, bits == 32 ? F_FLOW32 : F_FLOW64, off);
	f5_at(d, t, bits == 32 ? F_ANY32 : F_ANY64, off);
	f5_at(d, t, bits == 32 ? F_PEER32 : F_PEER64, off);
	f5_at(d, t, bits == 32 ? F_ANY32 : F_ANY64, off + w);
}

/* The slot, 1-based (Wireshark adds 1 to the byte) unless zero-based. */
static void
f5_slot(struct st_dctx *d, struct st_cur *t, size_t off, unsigned plus)
{
	if (!st_cur_need(t, off + 1))
		return;
	st_pkt_add_field(d->pkt, &f5_fields[F_SLOT], (uint32_t)((t->off +
	    off) * 8), 8, peek(t, off, 8) + plus);
}

/* A peer address of 16 bytes at byte off: IPv4 in it too when it is
 * v4-mapped, or in F5's route-domain prefix with the route domain. */
static void
f5_peeraddr(struct st_dctx *d, struct st_cur *t, size_t off, int remote)
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0xff, 0xff };
	static const uint8_t rtdom[10] = { 0x26, 0x20, 0, 0, 0x0c, 0x10,
	    0xf5, 0x01, 0, 0 };
	const uint8_t *p;

	if (!st_cur_need(t, off + 16))
		return;
	p = t->base + t->off + off;
	if (memcmp(p, mapped, sizeof(mapped)) == 0) {
		f5_at(d, t, remote ? F_PRADDR : F_PLADDR, off + 12);
		f5_at(d, t, F_PADDR, off + 12);
	} else if (memcmp(p, rtdom, sizeof(rtdom)) == 0) {
		f5_at(d, t, remote ? F_PRADDR : F_PLADDR, off + 12);
		f5_at(d, t, remote ? F_PRRT : F_PLRT, off + 10);
		f5_at(d, t, F_PADDR, off + 12);
		f5_at(d, t, F_PRTDOM, off + 10);
	}
	f5_at(d, t, remote ? F_PRADDR6 : F_PLADDR6, off);
	f5_at(d, t, F_PADDR6, off);
}

/* The peer flow at byte off of t (high noise): n bytes. */
static void
f5_high(struct st_dctx *d, struct st_cur *t, size_t off, size_t n,
    uint64_t peer)
{
	if (peer == 0) {
		if (n > off)
			st_dbytes(d, t, &f5_fields[F_NOPEER], off, n - off);
		return;
	}
	f5_at(d, t, F_PPROTO, off);
	f5_at(d, t, F_PVLAN, off);
	f5_peeraddr(d, t, off + 3, 1);
	f5_peeraddr(d, t, off + 19, 0);
	f5_at(d, t, F_PRPORT, off + 35);
	f5_at(d, t, F_PPORT, off + 35);
	f5_at(d, t, F_PLPORT, off + 37);
	f5_at(d, t, F_PPORT, off + 37);
}

/* The RST cause at byte off of t, rclen bytes after its length byte. */
static void
f5_rstcause(struct st_dctx *d, struct st_cur *t, size_t off, size_t rclen)
{
	f5_at(d, t, F_RCLEN, off);
	if (rclen == 0 || !st_cur_need(t, off + 2) ||
	    peek(t, off + 1, 8) >> 1 != 0)
		return;
	f5_at(d, t, F_RCVER, off + 1);
	f5_at(d, t, F_RCPEER, off + 1);
	f5_at(d, t, F_RCVAL, off + 1);
	f5_at(d, t, F_RCLINE, off + 1);
	/* Shorter than its value and line: Wireshark's read of the text
	 * fails there, and the trailer ends malformed. */
	if (rclen < 9) {
		t->err = ST_EINVAL;
		return;
	}
	f5_text(d, t, F_RCTXT, off + 10, rclen - 9);
}

/* The least length of a medium TLV by version (its RST cause's after). */
static const size_t med_lenmin[4] = { 0, 30, 31, 35 };

/* Whether an old-format TLV at t of len bytes (of the window's), type and
 * version as read, has a length that fits its version, as Wireshark
 * checks before it shows one. */
static int
old_valid(const struct st_cur *t, unsigned type, size_t len, unsigned ver)
{
	size_t n = st_cur_left(t);

	if (len > n || ver > 3)
		return 0;
	if (type == 1)
		return ver == 0 ? len == 22 || len == 35 : ver == 1 &&
		    len >= 7 && peek(t, 6, 8) + 7 == len;
	if (type == 2)
		return ver == 0 ? len == 29 || len == 21 || len == 8 :
		    len >= med_lenmin[ver] &&
		    peek(t, med_lenmin[ver] - 1, 8) + med_lenmin[ver] == len;
	return type == 3 && ver == 0 && len == 42;
}

/*
 * An old-format TLV at t, len bytes, type and version as read: 1 if
 * decoded, 0 if its length fits no version of its type.  *peer is the
 * medium TLV's peer flow ID for the high TLV after it.
 */
static int
f5_old_tlv(struct st_dctx *d, struct st_cur *t, unsigned type, size_t len,
    unsigned ver, uint64_t *peer)
{
	size_t rc = 0, o = 3;

	if (!old_valid(t, type, len, ver))
		return 0;
	if (type == 1) {
		st_dfields(d, t, f5_fields + F_OTYPE, 3);
		f5_at(d, t, F_INGRESS, 3);
		f5_slot(d, t, 4, ver == 0 && len == 35 ? 0 : 1);
		f5_at(d, t, F_TMM, 5);
		if (ver == 0 && len == 35) {
			f5_flows(d, t, 6, 32);
			f5_at(d, t, F_CF, 14);
			f5_at(d, t, F_FTYPE, 18);
			f5_text(d, t, F_VIP, 19, 16);
		} else if (ver == 0)
			f5_text(d, t, F_VIP, 6, 16);
		else {
			f5_at(d, t, F_VIPLEN, 6);
			f5_text(d, t, F_VIP, 7, len - 7);
		}
		return 1;
	}
	if (type == 2) {
		if (ver > 0)
			rc = (size_t)peek(t, med_lenmin[ver] - 1, 8);
		st_dfields(d, t, f5_fields + F_OTYPE, 3);
		if (len == 21 && ver == 0) {
			f5_flows(d, t, 3, 32);
			*peer = peek(t, 7, 32);
			o = 11;
		} else if (len != 8 || ver > 0) {
			f5_flows(d, t, 3, 64);
			*peer = st_cur_need(t, 19) ? peek(t, 11, 64) : 0;
			o = 19;
		}
		if (len != 8 || ver > 0) {
			if (ver >= 3) {
				f5_at(d, t, F_CF2, o);
				o += 4;
			}
			f5_at(d, t, F_CF, o);
			f5_at(d, t, F_FTYPE, o + 4);
			o += 5;
		}
		f5_at(d, t, F_HA, o);
		f5_at(d, t, F_RES, o + 1);
		o += 5;
		if (ver >= 2)
			f5_at(d, t, F_PRIO, o++);
		if (ver >= 1 && rc > 0)
			f5_rstcause(d, t, o, rc);
		return 1;
	}
	st_dfields(d, t, f5_fields + F_OTYPE, 3);
	f5_high(d, t, 3, len, *peer);
	return 1;
}

/* Old-format TLVs from t's position to the end. */
static int
f5_old(struct st_dctx *d, struct st_cur *c)
{
	size_t left, len;
	unsigned i, type, ver;
	uint64_t peer = 0;
	struct st_cur t;

	for (i = 0; i < F5_MAXTLV && (left = st_cur_left(c)) >= 3; i++) {
		type = (unsigned)peek(c, 0, 8);
		len = (size_t)peek(c, 1, 8) + 2;
		ver = (unsigned)peek(c, 2, 8);
		if (len > left || type < 1 || type > 3 || len < 7 ||
		    len > 140 || ver > 3)
			break;
		t = *c;
		t.end = t.off + len;
		/* One that fits no version ends the trailer, unshown. */
		if (!f5_old_tlv(d, &t, type, len, ver, &peer))
			break;
		if (t.err != ST_OK)
			return st_dmalformed(d, "type %u version %u TLV cut "
			    "short", type, ver);
		c->off += len;
	}
	return ST_OK;
}

/* A low noise TLV's value (versions 2 to 4) at t. */
static void
f5_low(struct st_dctx *d, struct st_cur *t, unsigned ver)
{
	size_t n = st_cur_left(t), l, o;
	unsigned i, ty, kind[3][2] = { { F_VIPLEN, F_VIP },
	    { F_PORTLEN, F_PORT }, { F_TRUNKLEN, F_TRUNK } }, lf, sf;

	if (!st_cur_need(t, 12))
		return;
	if (ver == 2)
		f5_at(d, t, F_INGRESS, 8);
	else {
		st_pkt_add_field(d->pkt, &f5_fields[F_INGRESS], (uint32_t)
		    ((t->off + 8) * 8), 8, peek(t, 8, 8) & 1);
		f5_at(d, t, F_FLAGS, 8);
		f5_at(d, t, F_FLING, 8);
		f5_at(d, t, F_FLHW, 8);
	}
	f5_slot(d, t, 9, 1);
	f5_at(d, t, F_TMM, 10);
	l = (size_t)peek(t, 11, 8);
	if (ver < 4) {
		if (n - 11 < l)
			return;
		f5_at(d, t, F_VIPLEN, 11);
		f5_text(d, t, F_VIP, 12, l);
		return;
	}
	f5_at(d, t, F_OBJLEN, 11);
	if (n - 12 < l)
		return;
	n = 12 + l;
	for (o = 12, i = 0; i < F5_MAXOBJ && o + 2 <= n; i++) {
		ty = (unsigned)peek(t, o, 8);
		l = (size_t)peek(t, o + 1, 8);
		lf = ty < 3 ? kind[ty][0] : F_OBJLEN;
		sf = ty < 3 ? kind[ty][1] : F_DSTR;
		f5_at(d, t, F_OBJTYPE, o);
		f5_at(d, t, (int)lf, o + 1);
		if (n - o - 2 < l)
			return;
		f5_text(d, t, (int)sf, o + 2, l);
		o += 2 + l;
	}
}

/* A medium noise TLV's value (version 4) at t; returns the peer ID. */
static uint64_t
f5_med(struct st_dctx *d, struct st_cur *t)
{
	size_t n = st_cur_left(t), rc;

	if (!st_cur_need(t, 40))
		return 0;
	rc = (size_t)peek(t, 39, 8);
	f5_flows(d, t, 8, 64);
	f5_at(d, t, F_CF2, 24);
	f5_at(d, t, F_CF, 28);
	f5_at(d, t, F_FTYPE, 32);
	f5_at(d, t, F_HA, 33);
	f5_at(d, t, F_RES, 34);
	f5_at(d, t, F_PRIO, 38);
	if (n - 40 < rc)
		f5_at(d, t, F_RCLEN, 39);
	else if (rc > 0)
		f5_rstcause(d, t, 39, rc);
	return peek(t, 16, 64);
}

/* New-format TLVs from c's position to the end. */
static int
f5_tlvs(struct st_dctx *d, struct st_cur *c)
{
	unsigned i, prov, type, ver;
	uint64_t peer = 0;
	struct st_cur t;
	size_t len;

	for (i = 0; i < F5_MAXTLV && st_cur_left(c) >= 8; i++) {
		len = (size_t)peek(c, 4, 16);
		if (len < 8 || len > st_cur_left(c)) {
			st_dfields(d, c, f5_fields + F_PROV, len < 8 ? 3 : 4);
			return st_dmalformed(d, "TLV of length %zu", len);
		}
		prov = (unsigned)peek(c, 0, 16);
		type = (unsigned)peek(c, 2, 16);
		ver = (unsigned)peek(c, 6, 16);
		t = *c;
		t.end = t.off + len;
		st_dfields(d, &t, f5_fields + F_PROV, 4);
		if (prov == 1 && type == 1 && ver >= 2 && ver <= 4)
			f5_low(d, &t, ver);
		else if (prov == 1 && type == 2 && ver == 4)
			peer = f5_med(d, &t);
		else if (prov == 1 && type == 3 && ver == 1)
			f5_high(d, &t, 8, len, peer);
		else if (len > 8)
			st_dbytes(d, &t, &f5_fields[F_DATA], 8, len - 8);
		if (t.err != ST_OK)
			return st_dmalformed(d, "TLV %u/%u version %u cut "
			    "short", prov, type, ver);
		c->off += len;
	}
	return ST_OK;
}

static int
f5_decode(struct st_dctx *d, struct st_cur *c)
{
	struct f5find r;
	size_t len;
	unsigned ver;

	f5_find(c, &r);
	d->hdr = st_cur_left(c);
	d->plen = 0;
	if (r.kind == K_OVERRUN || r.kind == K_NONE)
		return st_dmalformed(d, "the F5 trailer heuristic reads past "
		    "the trailer's end");
	if (r.fcs)
		f5_at(d, c, F_OFCS, r.at - 4);
	c->off += r.at;
	if (r.kind == K_OLD)
		return f5_old(d, c);
	st_dfields(d, c, f5_fields, 3);
	if (st_cur_left(c) < 8)
		return st_dmalformed(d, "trailer header cut short");
	len = (size_t)peek(c, 4, 16);
	ver = (unsigned)peek(c, 6, 16);
	if (ver != 1) {
		if (len < 8 || len > st_cur_left(c))
			return st_dmalformed(d, "trailer of length %zu", len);
		if (len > 8)
			st_dbytes(d, c, &f5_fields[F_DATA], 8, len - 8);
		return ST_OK;
	}
	c->off += 8;
	return f5_tlvs(d, c);
}

/* Whether the bytes at c, after a datagram and its zero padding, are an
 * F5 trailer as Wireshark's heuristic tells (its overruns included). */
static int
f5_heuristic(struct st_cur *c)
{
	struct f5find r;

	f5_find(c, &r);
	return r.kind != K_NONE;
}

/* Wireshark's trailer heuristics in the order tshark lists them: this one
 * fifth (vssmonitoring, ixiatrailer, gmtrailer and gmhdr before it). */
static const struct st_bind f5_binds[] = {
	{ ST_KEY_ETHTRAILER, 5 },
};

static const struct st_field_desc *const f5_keys[] = {
	&f5_fields[F_INGRESS], &f5_fields[F_SLOT], &f5_fields[F_TMM], NULL,
};

const struct st_proto st_proto_f5ethtrailer = {
	.name = "f5ethtrailer",
	.ws = "f5ethtrailer",
	.title = "F5 Ethernet trailer",
	.rfc = "F5 Networks (Wireshark's packet-f5ethtrailer.c)",
	.role = ST_ROLE_TRAILER,
	.fields = f5_fields,
	.nfields = NFIELDS(f5_fields),
	.decode = f5_decode,
	.binds = f5_binds,
	.nbinds = NFIELDS(f5_binds),
	.heuristic = f5_heuristic,
	.keys = f5_keys,
	.color = "\033[90m",
	.explain_bits = 64,
	.explain = "Appended by a BIG-IP's tcpdump with noise (-i "
	    "interface:nnn). Old format: TLVs of type 1 (low: ingress, slot, "
	    "TMM, virtual server), 2 (medium: flow and peer flow IDs, flags) "
	    "and 3 (high: the peer flow's addresses and ports). New format: "
	    "magic 0xf5deb0f5, length, version, then TLVs by provider, type, "
	    "length and version.",
};
