/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NTP (RFC 5905 v4, RFC 1305 v3), UDP port 123.
 *
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |LI | VN  |Mode |    Stratum    |     Poll      |   Precision   |
 * |                          Root Delay                           |
 * |                       Root Dispersion                         |
 * |                          Reference ID                         |
 * |              Reference, Origin, Receive, Transmit             |
 * |                 Timestamps (64 bits each)                     |
 * |  Extension fields (v4) ... | Key ID (32) | MAC (128 or 160)   |
 *
 * A timestamp is seconds since 1900 and a 32-bit binary fraction; one
 * whose top bit is clear is read in the era that starts in 2036, as
 * Wireshark does.  Mode 6 (control) and mode 7 (ntpdc's private) messages
 * have headers of their own, shown here without their data.
 */
#include "strata/ntptime.h"
#include "strata/out.h"
#include "fields.h"

#define NTP_MAX_EXT	16	/* extension fields decoded */

static const struct st_valname li_names[] = {
	{ 0, "no warning" }, { 1, "last minute has 61 seconds" },
	{ 2, "last minute has 59 seconds" }, { 3, "unsynchronized" },
	{ 0, NULL }
};

static const struct st_valname mode_names[] = {
	{ 0, "reserved" }, { 1, "symmetric active" },
	{ 2, "symmetric passive" }, { 3, "client" }, { 4, "server" },
	{ 5, "broadcast" }, { 6, "control" }, { 7, "private" }, { 0, NULL }
};

enum { F_FLAGS, F_LI, F_VN, F_MODE, F_STRATUM, F_POLL, F_PREC, F_DELAY,
	F_DISP, F_REFID, F_REFTIME, F_ORG, F_REC, F_XMT, F_KEYID, F_MAC,
	F_EXTTYPE, F_EXTLEN, F_EXTVAL,
	F_CFLAGS, F_CR, F_CERR, F_CMORE, F_COP, F_CSEQ, F_CSTATUS, F_CASSOC,
	F_COFF, F_CCOUNT,
	F_PR, F_PMORE, F_PAUTHSEQ, F_PAUTH, F_PSEQ, F_PIMPL, F_PREQ, F_PERR,
	F_PNUM, F_PRES, F_PSIZE, F_NFIELDS };

static const struct st_field_desc ntp_fields[] = {
	FD("flags", "ntp.flags", "Flags", 0, 8, ST_FMT_HEX),
	FDDN("li", "ntp.flags.li", "Leap indicator", 0, 2, ST_FMT_DEC,
	    li_names),
	FDD("vn", "ntp.flags.vn", "Version", 2, 3, ST_FMT_DEC),
	FDDN("mode", "ntp.flags.mode", "Mode", 5, 3, ST_FMT_DEC, mode_names),
	FD("stratum", "ntp.stratum", "Stratum", 8, 8, ST_FMT_DEC),
	FD("poll", "ntp.ppoll", "Poll interval (log2 s)", 16, 8, ST_FMT_DEC),
	FD("precision", "ntp.precision", "Precision (log2 s, signed)", 24, 8,
	    ST_FMT_DEC),
	FD("rootdelay", "ntp.rootdelay", "Root delay (16.16 s)", 32, 32,
	    ST_FMT_DEC),
	FD("rootdisp", "ntp.rootdispersion", "Root dispersion (16.16 s)", 64,
	    32, ST_FMT_DEC),
	FD("refid", "ntp.refid", "Reference ID", 96, 32, ST_FMT_BYTES),
	FD(NULL, "ntp.reftime", "Reference timestamp", 128, 64, ST_FMT_TEXT),
	FD(NULL, "ntp.org", "Origin timestamp", 192, 64, ST_FMT_TEXT),
	FD(NULL, "ntp.rec", "Receive timestamp", 256, 64, ST_FMT_TEXT),
	FD(NULL, "ntp.xmt", "Transmit timestamp", 320, 64, ST_FMT_TEXT),
	FD(NULL, "ntp.keyid", "Key ID", 0, 32, ST_FMT_BYTES),
	FD(NULL, "ntp.mac", "Message authentication code", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "ntp.ext.type", "Extension type", 0, 16, ST_FMT_HEX),
	FD(NULL, "ntp.ext.length", "Extension length", 16, 16, ST_FMT_DEC),
	FD(NULL, "ntp.ext.value", "Extension value", 0, 0, ST_FMT_BYTES),
	/* Mode 6. */
	FD(NULL, "ntp.ctrl.flags2", "Flags 2", 8, 8, ST_FMT_HEX),
	FDD(NULL, "ntp.ctrl.flags2.r", "Response", 8, 1, ST_FMT_DEC),
	FDD(NULL, "ntp.ctrl.flags2.error", "Error", 9, 1, ST_FMT_DEC),
	FDD(NULL, "ntp.ctrl.flags2.more", "More", 10, 1, ST_FMT_DEC),
	FDD(NULL, "ntp.ctrl.flags2.opcode", "Opcode", 11, 5, ST_FMT_DEC),
	FD(NULL, "ntp.ctrl.sequence", "Sequence", 16, 16, ST_FMT_DEC),
	FD(NULL, "ntp.ctrl.status", "Status", 32, 16, ST_FMT_HEX),
	FD(NULL, "ntp.ctrl.associd", "Association ID", 48, 16, ST_FMT_DEC),
	FD(NULL, "ntp.ctrl.offset", "Offset", 64, 16, ST_FMT_DEC),
	FD(NULL, "ntp.ctrl.count", "Count", 80, 16, ST_FMT_DEC),
	/* Mode 7. */
	FDD(NULL, "ntp.priv.flags.r", "Response", 0, 1, ST_FMT_DEC),
	FDD(NULL, "ntp.priv.flags.more", "More", 1, 1, ST_FMT_DEC),
	FD(NULL, "ntp.priv.auth_seq", "Auth, sequence", 8, 8, ST_FMT_DEC),
	FDD(NULL, "ntp.priv.auth", "Authenticated", 8, 1, ST_FMT_DEC),
	FDD(NULL, "ntp.priv.seq", "Sequence", 9, 7, ST_FMT_DEC),
	FD(NULL, "ntp.priv.impl", "Implementation", 16, 8, ST_FMT_DEC),
	FD(NULL, "ntp.priv.reqcode", "Request code", 24, 8, ST_FMT_DEC),
	FD(NULL, "ntp.priv.err", "Error", 32, 8, ST_FMT_HEX),
	FD(NULL, "ntp.priv.numitems", "Number of items", 36, 12, ST_FMT_DEC),
	FD(NULL, "ntp.priv.reserved", "Reserved", 48, 8, ST_FMT_HEX),
	FD(NULL, "ntp.priv.itemsize", "Item size", 52, 12, ST_FMT_DEC),
};

/* The four timestamps, as Wireshark writes them ("NULL" when zero). */
static void
ntp_stamps(struct st_dctx *d, struct st_cur *c)
{
	int i;

	for (i = F_REFTIME; i <= F_XMT; i++)
		if (st_dntptime(d, c, &ntp_fields[i], ntp_fields[i].bitoff / 8,
		    "NULL") == NULL)
			return;
}

/*
 * After the 48-byte header: v4 extension fields, then a key ID and MAC
 * (RFC 5905 7.5).  As Wireshark: 4, 20 or 24 bytes left are a MAC (4: a
 * crypto-NAK); more are extension fields first.
 */
static int
ntp_trailer(struct st_dctx *d, struct st_cur *c, size_t pos, size_t left)
{
	struct st_cur p;
	size_t len;
	unsigned i;

	for (i = 0; left - pos > 24 && i < NTP_MAX_EXT; i++) {
		p = *c;
		p.off += pos;
		st_dfields(d, &p, ntp_fields + F_EXTTYPE, 2);
		len = (size_t)st_peek_bits(&p, 16, 16);
		if (len < 4 || len > left - pos)
			return st_dmalformed(d, "extension length %zu", len);
		if (len > 4)
			st_dbytes(d, &p, &ntp_fields[F_EXTVAL], 4, len - 4);
		pos += len;
	}
	if (left - pos >= 4) {
		p = *c;
		p.off += pos;
		st_dfield(d, &p, &ntp_fields[F_KEYID]);
		if (left - pos > 4)
			st_dbytes(d, &p, &ntp_fields[F_MAC], 4, left - pos - 4);
	}
	return ST_OK;
}

static int
ntp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned mode;

	if (!st_cur_need(c, 1))
		return ST_ETRUNC;
	mode = (unsigned)st_peek_bits(c, 5, 3);
	/* Mode 7's first bits are response and more, not a leap warning. */
	st_dfield(d, c, &ntp_fields[F_FLAGS]);
	st_dfields(d, c, ntp_fields + (mode == 7 ? F_VN : F_LI),
	    mode == 7 ? 2 : 3);
	d->hdr = left;
	d->plen = 0;
	if (mode == 6) {
		st_dfields(d, c, ntp_fields + F_CFLAGS, F_PR - F_CFLAGS);
		return c->err;
	}
	if (mode == 7) {
		st_dfields(d, c, ntp_fields + F_PR, F_NFIELDS - F_PR);
		return c->err;
	}
	st_dfields(d, c, ntp_fields + F_STRATUM, F_REFTIME - F_STRATUM);
	ntp_stamps(d, c);
	if (c->err != ST_OK)
		return c->err;
	return ntp_trailer(d, c, 48, left);
}

static const struct st_bind ntp_binds[] = {
	{ ST_KEY_UDPPORT, 123 },
};

/* "ntp v4 client stratum 2 xmt May 26, 2017 13:22:09.482904187 UTC". */
static int
ntp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];
	const char *m;

	st_ly_fields(s->pkt, ly, ntp_fields, F_NFIELDS, f);
	st_out_puts(s->o, "ntp");
	/* From the flags byte: its parts are details a summary skips. */
	if (f[F_FLAGS] != NULL) {
		st_out_printf(s->o, " v%u", (unsigned)(f[F_FLAGS]->val >> 3 &
		    7));
		if ((m = st_valname(mode_names, (uint32_t)(f[F_FLAGS]->val &
		    7))) != NULL)
			st_out_printf(s->o, " %s", m);
	}
	if (f[F_STRATUM] != NULL) {
		st_out_puts(s->o, " stratum ");
		s->value(s, f[F_STRATUM]);
	}
	if (f[F_XMT] != NULL) {
		st_out_puts(s->o, " xmt ");
		s->value(s, f[F_XMT]);
	}
	if (f[F_CFLAGS] != NULL)
		st_out_printf(s->o, " %s opcode %u", f[F_CFLAGS]->val & 0x80 ?
		    "response" : "request", (unsigned)(f[F_CFLAGS]->val & 0x1f));
	if (f[F_PREQ] != NULL) {
		st_out_puts(s->o, " request ");
		s->value(s, f[F_PREQ]);
	}
	return 1;
}

static const struct st_field_desc *const ntp_keys[] = {
	&ntp_fields[F_MODE], &ntp_fields[F_STRATUM], &ntp_fields[F_XMT], NULL,
};

const struct st_proto st_proto_ntp = {
	.name = "ntp",
	.ws = "ntp",
	.title = "Network Time Protocol",
	.rfc = "RFC 5905",
	.role = ST_ROLE_APP,
	.fields = ntp_fields,
	.nfields = NFIELDS(ntp_fields),
	.decode = ntp_decode,
	.binds = ntp_binds,
	.nbinds = NFIELDS(ntp_binds),
	.summary = ntp_summary,
	.keys = ntp_keys,
	.color = "\033[36m",
	.explain = "A client sends its transmit time; the server answers with "
	    "the client's time as origin, its own receive and transmit times, "
	    "so the client can work out offset and round-trip delay.  Times "
	    "are seconds since 1900 with a 32-bit fraction.  Stratum says how "
	    "far the server is from a reference clock (1: attached to one); "
	    "the reference ID names it (an upstream's IPv4 address above "
	    "stratum 1).  Mode 6 is ntpq's control protocol, mode 7 ntpdc's.",
};
