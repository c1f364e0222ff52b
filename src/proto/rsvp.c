/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RSVP, the Resource ReSerVation Protocol (RFC 2205) and its traffic
 * engineering extensions (RSVP-TE, RFC 3209), IP protocol 46.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Vers  | Flags |   Msg Type    |         RSVP Checksum         |
 * |  Send_TTL     | (Reserved)    |          RSVP Length          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Length (bytes)         |  Class-Num    |   C-Type      |
 * |                  object contents ...                          |
 * Objects are shown as class, C-Type and length; the LSP tunnel session
 * and hello instances (RFC 3209) and restart capability (RFC 3473) are
 * decoded.  The checksum
 * is the Internet checksum of the message.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_FLAGS, F_MSG, F_CK, F_TTL, F_LEN, F_CKSTAT, F_MSGBOOL,
	F_OLEN = F_MSGBOOL + 13, F_CLASS, F_CTYPE, F_CTHELLO, F_SRCINST,
	F_DSTINST, F_CTRESTART, F_RESTART, F_RECOVERY, F_CTUNK, F_UNKDATA, F_CTSESS, F_SESSIP,
	F_SCALL, F_STUNNEL, F_SEXT, F_CTFRR, F_CTGUNI, F_FRRSETUP, F_FRRHOLD,
	F_FRRHOP, F_FRRFLAGS, F_FRR121, F_FRRFAC, F_FRRBW, F_FRRINCANY,
	F_FRREXCANY, F_FRRINCALL, F_FRRDATA, F_SCLASS, F_STYPE, F_SLEN,
	F_SLEN8, F_SDEFTYPE, F_GSRC4, F_GDST4, F_GSRC6, F_GDST6, F_NSAPLEN,
	F_GDATA, F_DIVERSITY, F_GDIR, F_ELTYPE, F_GPORT, F_ELABEL, F_GLEVEL };

static const struct st_valname msg_names[] = {
	{ 1, "PATH Message." }, { 2, "RESV Message." },
	{ 3, "PATH ERROR Message." }, { 4, "RESV ERROR Message." },
	{ 5, "PATH TEAR Message." }, { 6, "RESV TEAR Message." },
	{ 7, "CONFIRM Message." }, { 10, "RESV TEAR CONFIRM Message." },
	{ 12, "BUNDLE Message." }, { 13, "ACK Message." },
	{ 15, "SREFRESH Message." }, { 20, "HELLO Message." },
	{ 21, "NOTIFY Message." }, { 0, NULL }
};

/* The classes Wireshark 4 names (its rsvp_class_vals): others are shown
 * as unknown, with their bytes. */
static const struct st_valname class_names[] = {
	{ 0, "NULL object" }, { 1, "SESSION object" }, { 3, "HOP object" },
	{ 4, "INTEGRITY object" }, { 5, "TIME VALUES object" },
	{ 6, "ERROR object" }, { 7, "SCOPE object" }, { 8, "STYLE object" },
	{ 9, "FLOWSPEC object" }, { 10, "FILTER SPEC object" },
	{ 11, "SENDER TEMPLATE object" }, { 12, "SENDER TSPEC object" },
	{ 13, "ADSPEC object" }, { 14, "POLICY object" },
	{ 15, "CONFIRM object" }, { 16, "LABEL object" },
	{ 17, "HOP_COUNT object" }, { 18, "STRICT_SOURCE_ROUTE object" },
	{ 19, "LABEL REQUEST object" }, { 20, "EXPLICIT ROUTE object" },
	{ 21, "RECORD ROUTE object" }, { 22, "HELLO object" },
	{ 23, "MESSAGE-ID object" }, { 24, "MESSAGE-ID ACK/NACK object" },
	{ 25, "MESSAGE-ID LIST object" }, { 34, "RECOVERY-LABEL object" },
	{ 35, "UPSTREAM-LABEL object" }, { 36, "LABEL-SET object" },
	{ 37, "PROTECTION object" }, { 50, "S2L_SUB_LSP object" },
	{ 63, "DETOUR object" }, { 65, "DIFFSERV object" },
	{ 66, "CLASSTYPE object" }, { 67, "LSP REQUIRED ATTRIBUTES object" },
	{ 124, "VENDOR PRIVATE object" }, { 125, "VENDOR PRIVATE object" },
	{ 126, "VENDOR PRIVATE object" }, { 127, "VENDOR PRIVATE object" },
	{ 129, "SUGGESTED-LABEL object" },
	{ 130, "ACCEPTABLE-LABEL-SET object" },
	{ 131, "RESTART-CAPABILITY object" }, { 133, "LINK-CAPABILITY object" },
	{ 188, "VENDOR PRIVATE object" }, { 189, "VENDOR PRIVATE object" },
	{ 190, "VENDOR PRIVATE object" }, { 191, "VENDOR PRIVATE object" },
	{ 193, "LSP-TUNNEL INTERFACE-ID object" },
	{ 195, "NOTIFY-REQUEST object" }, { 196, "ADMIN-STATUS object" },
	{ 197, "LSP ATTRIBUTES object" }, { 199, "ASSOCIATION object" },
	{ 202, "CALL ATTRIBUTES object" }, { 204, "Juniper properties object" },
	{ 205, "FAST-REROUTE object" }, { 207, "SESSION ATTRIBUTE object" },
	{ 225, "DCLASS object" }, { 229, "GENERALIZED-UNI object" },
	{ 230, "CALL-ID object" }, { 231, "3GPP2 object" },
	{ 232, "EXCLUDE ROUTE object" }, { 252, "VENDOR PRIVATE object" },
	{ 253, "VENDOR PRIVATE object" }, { 254, "VENDOR PRIVATE object" },
	{ 255, "VENDOR PRIVATE object" }, { 0, NULL }
};

/* The message types' flags (rows from F_MSGBOOL), by type; -1: none. */
static const signed char msg_row[22] = {
	-1, 0, 1, 2, 3, 4, 5, 6, -1, -1, 7, -1, 8, 9, -1, 10, -1, -1, -1, -1,
	11, 12
};

#define MB(n, name, l) [F_MSGBOOL + (n)] = FDG(name, l, ST_FMT_BOOL, NULL)

static const struct st_field_desc rsvp_fields[] = {
	[F_VER] = FD("version", "rsvp.version", "Version", 0, 4, ST_FMT_DEC),
	[F_FLAGS] = FD("flags", "rsvp.flags", "Flags", 4, 4, ST_FMT_HEX),
	[F_MSG] = FDN("type", "rsvp.msg", "Message type", 8, 8, ST_FMT_DEC,
	    msg_names),
	[F_CK] = FDX("chksum", "rsvp.message_checksum", "Message checksum",
	    16, 16, ST_FMT_HEX, 0, ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	[F_TTL] = FD("ttl", "rsvp.sending_ttl", "Sending TTL", 32, 8,
	    ST_FMT_DEC),
	[F_LEN] = FD("len", "rsvp.message_length", "Message length", 48, 16,
	    ST_FMT_DEC),
	[F_CKSTAT] = FDGS("strata.rsvp.checksum.status", "Checksum status"),
	MB(0, "rsvp.path", "PATH message"),
	MB(1, "rsvp.resv", "RESV message"),
	MB(2, "rsvp.perr", "PATH ERROR message"),
	MB(3, "rsvp.rerr", "RESV ERROR message"),
	MB(4, "rsvp.ptear", "PATH TEAR message"),
	MB(5, "rsvp.rtear", "RESV TEAR message"),
	MB(6, "rsvp.resvconf", "CONFIRM message"),
	MB(7, "rsvp.rtearconf", "RESV TEAR CONFIRM message"),
	MB(8, "rsvp.bundle", "BUNDLE message"),
	MB(9, "rsvp.ack", "ACK message"),
	MB(10, "rsvp.srefresh", "SREFRESH message"),
	MB(11, "rsvp.hello", "HELLO message"),
	MB(12, "rsvp.notify", "NOTIFY message"),
	[F_OLEN] = FD(NULL, "rsvp.length", "Object length", 0, 16,
	    ST_FMT_DEC),
	[F_CLASS] = FDN(NULL, "rsvp.object", "Class", 16, 8, ST_FMT_DEC,
	    class_names),
	[F_CTYPE] = FD(NULL, "rsvp.ctype", "C-Type", 24, 8, ST_FMT_DEC),
	[F_CTHELLO] = FD(NULL, "rsvp.ctype.hello", "C-Type", 24, 8,
	    ST_FMT_DEC),
	[F_SRCINST] = FD(NULL, "rsvp.hello.source_instance", "Source "
	    "instance", 32, 32, ST_FMT_HEX),
	[F_DSTINST] = FD(NULL, "rsvp.hello.destination_instance",
	    "Destination instance", 64, 32, ST_FMT_HEX),
	[F_CTRESTART] = FD(NULL, "rsvp.ctype.restart_cap", "C-Type", 24, 8,
	    ST_FMT_DEC),
	[F_RESTART] = FD(NULL, "rsvp.restart_cap.restart_time", "Restart "
	    "time (ms)", 32, 32, ST_FMT_DEC),
	[F_RECOVERY] = FD(NULL, "rsvp.restart_cap.recovery_time", "Recovery "
	    "time (ms)", 64, 32, ST_FMT_DEC),
	[F_CTUNK] = FD(NULL, "rsvp.ctype.unknown", "C-Type", 24, 8,
	    ST_FMT_DEC),
	[F_UNKDATA] = FD(NULL, "rsvp.unknown.data", "Data", 32, 0,
	    ST_FMT_BYTES),
	[F_CTSESS] = FD(NULL, "rsvp.ctype.session", "C-Type", 24, 8,
	    ST_FMT_DEC),
	[F_SESSIP] = FD(NULL, "rsvp.session.ip", "Tunnel end point", 32, 32,
	    ST_FMT_IPV4),
	[F_SCALL] = FD(NULL, "rsvp.session.short_call_id", "Short call ID",
	    64, 16, ST_FMT_DEC),
	[F_STUNNEL] = FD(NULL, "rsvp.session.tunnel_id", "Tunnel ID", 80, 16,
	    ST_FMT_DEC),
	[F_SEXT] = FD(NULL, "rsvp.session.ext_tunnel_id", "Extended tunnel "
	    "ID", 96, 32, ST_FMT_DEC),
	[F_CTFRR] = FD(NULL, "rsvp.ctype.fast_reroute", "C-Type", 24, 8,
	    ST_FMT_DEC),
	[F_CTGUNI] = FD(NULL, "rsvp.ctype.generalized_uni", "C-Type", 24, 8,
	    ST_FMT_DEC),
	/* FAST_REROUTE (RFC 4090 4.1; C-Type 7 the older form). */
	[F_FRRSETUP] = FD(NULL, "rsvp.fast_reroute.setup_priority", "Setup "
	    "priority", 32, 8, ST_FMT_DEC),
	[F_FRRHOLD] = FD(NULL, "rsvp.fast_reroute.hold_priority", "Hold "
	    "priority", 40, 8, ST_FMT_DEC),
	[F_FRRHOP] = FD(NULL, "rsvp.fast_reroute.hop_limit", "Hop limit", 48,
	    8, ST_FMT_DEC),
	[F_FRRFLAGS] = FD(NULL, "rsvp.fast_reroute.flags", "Flags", 56, 8,
	    ST_FMT_HEX),
	[F_FRR121] = FDD(NULL, "rsvp.frr.flags.one2one_backup", "One-to-one "
	    "backup", 63, 1, ST_FMT_BOOL),
	[F_FRRFAC] = FDD(NULL, "rsvp.frr.flags.facility_backup", "Facility "
	    "backup", 62, 1, ST_FMT_BOOL),
	[F_FRRBW] = FD(NULL, "rsvp.fast_reroute.bandwidth", "Bandwidth", 64,
	    32, ST_FMT_TEXT),
	[F_FRRINCANY] = FD(NULL, "rsvp.fast_reroute.include_any", "Include-"
	    "any", 96, 32, ST_FMT_HEX),
	[F_FRREXCANY] = FD(NULL, "rsvp.fast_reroute.exclude_any", "Exclude-"
	    "any", 128, 32, ST_FMT_HEX),
	[F_FRRINCALL] = FD(NULL, "rsvp.fast_reroute.include_all", "Include-"
	    "all", 160, 32, ST_FMT_HEX),
	[F_FRRDATA] = FD(NULL, "rsvp.fast_reroute.data", "Data", 32, 0,
	    ST_FMT_BYTES),
	/* GENERALIZED_UNI subobjects (OIF UNI 1.0): length, class, type,
	 * value; bit offsets from the subobject's start. */
	[F_SCLASS] = FD(NULL, "rsvp.class", "Subobject class", 16, 8,
	    ST_FMT_DEC),
	[F_STYPE] = FD(NULL, "rsvp.type", "Subobject type", 24, 8,
	    ST_FMT_DEC),
	[F_SLEN] = FD(NULL, "rsvp.class_length", "Subobject length", 0, 16,
	    ST_FMT_DEC),
	[F_SLEN8] = FD(NULL, "rsvp.class_length", "Subobject length", 8, 8,
	    ST_FMT_DEC),
	[F_SDEFTYPE] = FD(NULL, "rsvp.type", "Subobject type", 0, 8,
	    ST_FMT_DEC),
	[F_GSRC4] = FD(NULL, "rsvp.guni.srctna.ipv4", "Source TNA", 32, 32,
	    ST_FMT_IPV4),
	[F_GDST4] = FD(NULL, "rsvp.guni.dsttna.ipv4", "Destination TNA", 32,
	    32, ST_FMT_IPV4),
	[F_GSRC6] = FD(NULL, "rsvp.guni.srctna.ipv6", "Source TNA", 32, 128,
	    ST_FMT_IPV6),
	[F_GDST6] = FD(NULL, "rsvp.guni.dsttna.ipv6", "Destination TNA", 32,
	    128, ST_FMT_IPV6),
	[F_NSAPLEN] = FD(NULL, "rsvp.nsap_length", "NSAP length", 32, 8,
	    ST_FMT_DEC),
	[F_GDATA] = FD(NULL, "rsvp.gen_uni.data", "Data", 32, 0,
	    ST_FMT_BYTES),
	[F_DIVERSITY] = FD(NULL, "rsvp.class_diversity", "Diversity", 32, 8,
	    ST_FMT_DEC),
	/* Wireshark reads the direction two bytes before the subobject's
	 * class, 4 bytes early (in the subobject before, or the header). */
	[F_GDIR] = FD(NULL, "rsvp.gen_uni.direction", "Direction", 16, 1,
	    ST_FMT_BOOL),
	[F_ELTYPE] = FD(NULL, "rsvp.egress.label_type", "Label type", 56, 8,
	    ST_FMT_DEC),
	[F_GPORT] = FD(NULL, "rsvp.gen_uni.logical_port_id", "Logical port "
	    "ID", 64, 32, ST_FMT_DEC),
	[F_ELABEL] = FD(NULL, "rsvp.egress.label", "Label", 0, 32,
	    ST_FMT_DEC),
	[F_GLEVEL] = FD(NULL, "rsvp.gen_uni.service_level", "Service level",
	    32, 8, ST_FMT_DEC),
};

static const struct st_ckspec rsvp_ck = {
	.field = &rsvp_fields[F_CK],
	.status = &rsvp_fields[F_CKSTAT],
	.lenfield = &rsvp_fields[F_LEN],
	.cover = ST_CKC_LENFIELD,
};

#define RSVP_MAXOBJ	512	/* objects in one message */

#define RSVP_MAXSUB	64	/* subobjects in one object */

/*
 * A FAST_REROUTE object (class 205) of n bytes at t: C-Types 1 (24
 * bytes) and 7 (20 bytes) by field, another C-Type's data as bytes.
 */
static void
rsvp_frr(struct st_dctx *d, struct st_cur *t, size_t n)
{
	unsigned ct = (unsigned)st_peek_bits(t, 24, 8);
	union { uint32_t u; float f; } bw;
	char text[32];

	st_dfield(d, t, &rsvp_fields[F_CTFRR]);
	if (ct != 1 && ct != 7) {
		st_dbytes(d, t, &rsvp_fields[F_FRRDATA], 4, n - 4);
		return;
	}
	if (n != (ct == 1 ? 24u : 20u)) {
		st_dmalformed(d, "FAST_REROUTE of %zu bytes", n);
		return;
	}
	st_dfields(d, t, rsvp_fields + F_FRRSETUP, 6);
	if (!st_cur_need(t, n))
		return;
	bw.u = (uint32_t)st_peek_bits(t, 64, 32);
	snprintf(text, sizeof(text), "%.9g", (double)bw.f);
	st_dtext(d, t, &rsvp_fields[F_FRRBW], 8, 4, text);
	st_dfields(d, t, rsvp_fields + F_FRRINCANY, ct == 1 ? 3 : 2);
}

/*
 * The subobjects of a GENERALIZED_UNI object (class 229, C-Type 1) of n
 * bytes at t, as Wireshark walks them: each by its 16-bit length, class
 * and type, but the walk goes on by the byte after the length's first
 * (what an older draft had as an 8-bit length), and it may read past the
 * object.  Returns ST_EINVAL (marked) when a step is 0.
 */
static int
rsvp_guni(struct st_dctx *d, struct st_cur *t, size_t n)
{
	struct st_cur u;
	struct st_field *f;
	size_t l, slen, need, k;
	unsigned i, cls, ty;

	for (l = 0, i = 0; l + 4 < n && i < RSVP_MAXSUB; i++) {
		u = *t;
		u.off += 4 + l;
		if (!st_cur_need(&u, 3))
			return u.err;
		slen = (size_t)st_peek_bits(&u, 0, 16);
		cls = (unsigned)st_peek_bits(&u, 16, 8);
		ty = cls >= 1 && cls <= 5 && st_cur_need(&u, 4) ?
		    (unsigned)st_peek_bits(&u, 24, 8) : 0;
		/* the bytes Wireshark's subtree claims */
		need = (cls == 1 || cls == 2) && ty == 1 ? 8 :
		    (cls == 1 || cls == 2) && ty == 2 ? 20 : slen;
		if (u.err != ST_OK || !st_cur_need(&u, need))
			return u.err;
		if (cls >= 1 && cls <= 5)
			st_dfields(d, &u, rsvp_fields + F_SCLASS, 3);
		switch (cls) {
		case 1:
		case 2:
			if (ty == 1)
				st_dfield(d, &u, &rsvp_fields[cls == 1 ?
				    F_GSRC4 : F_GDST4]);
			else if (ty == 2)
				st_dfield(d, &u, &rsvp_fields[cls == 1 ?
				    F_GSRC6 : F_GDST6]);
			else if (ty == 3)
				st_dfield(d, &u, &rsvp_fields[F_NSAPLEN]);
			else if (slen >= 4)
				st_dbytes(d, &u, &rsvp_fields[F_GDATA], 4,
				    slen - 4);
			else
				return st_dmalformed(d, "subobject of %zu "
				    "bytes", slen);
			break;
		case 3:
			st_dfield(d, &u, &rsvp_fields[F_DIVERSITY]);
			break;
		case 4:
			{
				struct st_cur w = u;

				w.off -= 4;	/* Wireshark's offset */
				st_dfield(d, &w, &rsvp_fields[F_GDIR]);
			}
			st_dfields(d, &u, rsvp_fields + F_ELTYPE, 2);
			for (k = 12; k < slen && k < 4 * RSVP_MAXSUB; k += 4)
				if ((f = st_dbytes(d, &u, &rsvp_fields[F_ELABEL],
				    k, 4)) == NULL)
					return u.err;
				else
					f->val = st_peek_bits(&u, k * 8, 32);
			break;
		case 5:
			st_dfield(d, &u, &rsvp_fields[F_GLEVEL]);
			break;
		default:
			if ((f = st_dfield(d, &u, &rsvp_fields[F_SDEFTYPE])) !=
			    NULL)
				f->val = cls;
			st_dfield(d, &u, &rsvp_fields[F_SLEN8]);
			break;
		}
		if (u.err != ST_OK)
			return u.err;
		k = (size_t)st_peek_bits(&u, 8, 8);
		if (k < 1)
			return st_dmalformed(d, "subobject step 0");
		l += k;
	}
	return ST_OK;
}

/* One object at t, n bytes (its length, header included). */
static void
rsvp_object(struct st_dctx *d, struct st_cur *t, size_t n)
{
	unsigned class = (unsigned)st_peek_bits(t, 16, 8);

	if (class == 22 && n == 12)
		st_dfields(d, t, rsvp_fields + F_CTHELLO, 3);
	else if (class == 1 && n == 16 && st_peek_bits(t, 24, 8) == 7)
		st_dfields(d, t, rsvp_fields + F_CTSESS, 5);	/* LSP tunnel */
	else if (class == 131 && n == 12)
		st_dfields(d, t, rsvp_fields + F_CTRESTART, 3);
	else if (class == 205)
		rsvp_frr(d, t, n);
	else if (class == 229) {
		st_dfield(d, t, &rsvp_fields[F_CTGUNI]);
		if (st_peek_bits(t, 24, 8) == 1)
			rsvp_guni(d, t, n);
		else if (n > 4)
			st_dbytes(d, t, &rsvp_fields[F_GDATA], 4, n - 4);
	}
	else if (st_valname(class_names, class) == NULL) {
		st_dfield(d, t, &rsvp_fields[F_CTUNK]);
		if (n > 4 && st_cur_need(t, n))
			st_dbytes(d, t, &rsvp_fields[F_UNKDATA], 4, n - 4);
	}
}

static int
rsvp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), pos = 8, len, end, n;
	struct st_field *ck;
	struct st_cur t = *c;
	unsigned i, type;

	d->hdr = left;
	st_dfields(d, c, rsvp_fields, F_CK);
	ck = st_dfield(d, c, &rsvp_fields[F_CK]);
	st_dfields(d, c, rsvp_fields + F_TTL, 2);
	if (c->err != ST_OK)
		return c->err;
	if (st_peek_bits(c, 0, 4) != 1)
		return st_dmalformed(d, "RSVP version %u",
		    (unsigned)st_peek_bits(c, 0, 4));
	type = (unsigned)st_peek_bits(c, 8, 8);
	if (type < sizeof(msg_row) && msg_row[type] >= 0)
		st_dgen(d, &rsvp_fields[F_MSGBOOL + msg_row[type]], 1);
	len = (size_t)st_peek_bits(c, 48, 16);
	if (len < 8)
		return st_dmalformed(d, "message length %zu", len);
	end = len < left ? len : left;
	for (i = 0; i < RSVP_MAXOBJ && pos + 4 <= end; i++, pos += n) {
		t = *c;
		t.off += pos;
		t.end = c->off + end;
		st_dfields(d, &t, rsvp_fields + F_OLEN, 3);
		n = (size_t)st_peek_bits(&t, 0, 16);
		if (n < 4 || n % 4 != 0 || pos + n > len)
			return st_dmalformed(d, "object of %zu bytes", n);
		rsvp_object(d, &t, n);
		if (t.err != ST_OK)
			break;
	}
	if (t.err == ST_OK && pos + 4 <= end)
		return st_dmalformed(d, "more than %d objects", RSVP_MAXOBJ);
	if (len > left)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "message length %zu beyond the %zu bytes "
		    "IP carries", len, left);
	st_dck(d, c, &rsvp_ck, ck, len);
	return ST_OK;
}

static const struct st_bind rsvp_binds[] = {
	{ ST_KEY_IPPROTO, 46 },
};

/* As tcpdump: "RSVPv1 Hello Message, Flags [Refresh reduction capable],
 * length: 40". */
static int
rsvp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_LEN + 1];
	struct st_out *o = s->o;
	const char *m;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, rsvp_fields, F_LEN + 1, f);
	if (f[F_VER] == NULL || f[F_MSG] == NULL || f[F_LEN] == NULL) {
		st_out_puts(o, "RSVP");
		return 1;
	}
	m = st_valname(msg_names, (uint32_t)f[F_MSG]->val);
	st_out_printf(o, "RSVPv%u %s length %u", (unsigned)f[F_VER]->val,
	    m != NULL ? m : "unknown message,", (unsigned)f[F_LEN]->val);
	return 1;
}

static const struct st_field_desc *const rsvp_keys[] = {
	&rsvp_fields[F_MSG], &rsvp_fields[F_LEN], NULL,
};

const struct st_proto st_proto_rsvp = {
	.name = "rsvp",
	.ws = "rsvp",
	.title = "Resource ReSerVation Protocol",
	.rfc = "RFC 2205",
	.role = ST_ROLE_CONTROL,
	.fields = rsvp_fields,
	.nfields = NFIELDS(rsvp_fields),
	.decode = rsvp_decode,
	.binds = rsvp_binds,
	.nbinds = NFIELDS(rsvp_binds),
	.cksum = &rsvp_ck,
	.summary = rsvp_summary,
	.keys = rsvp_keys,
	.color = "\033[36m",
	.ck_what = "the RSVP message",
	.explain_bits = 64,
	.explain = "Reserves resources, and with RSVP-TE (RFC 3209) sets up "
	    "MPLS label-switched paths: PATH messages travel towards the "
	    "receiver, RESV messages come back reserving and binding labels, "
	    "HELLOs watch the neighbours.  A message is a header and objects, "
	    "each a length, a class and a C-Type; this decoder names them "
	    "and reads the hello and restart capability objects.",
};
