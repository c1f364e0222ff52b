/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BFD, Bidirectional Forwarding Detection (RFC 5880): the control packet,
 * over UDP port 3784 (one hop, RFC 5881), 4784 (multihop, RFC 5883) or
 * 6784 (a LAG member link, RFC 7130).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Vers |  Diag   |Sta|P|F|C|A|D|M|  Detect Mult  |    Length     |
 * |                       My Discriminator                        |
 * |                      Your Discriminator                       |
 * |                    Desired Min TX Interval                    |
 * |                   Required Min RX Interval                    |
 * |                 Required Min Echo RX Interval                 |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Auth Type   |   Auth Len    |  Auth Key ID  |  (A set)  ...
 *
 * The authentication section: a password (type 1), or a sequence number
 * and an MD5 (2, 3) or SHA1 (4, 5) digest.  No checksum: UDP's covers it.
 */
#include "strata/out.h"
#include "fields.h"

enum { F_VER, F_DIAG, F_STA, F_FLAGS, F_P, F_F, F_C, F_A, F_D, F_M, F_MULT,
	F_LEN, F_MYD, F_YOURD, F_TX, F_RX, F_ECHO, F_ATYPE, F_ALEN, F_AKEY,
	F_APASS, F_ASEQ, F_ADIGEST };

static const struct st_valname diag_names[] = {
	{ 0, "No Diagnostic" }, { 1, "Control Detection Time Expired" },
	{ 2, "Echo Function Failed" }, { 3, "Neighbor Signaled Session Down" },
	{ 4, "Forwarding Plane Reset" }, { 5, "Path Down" },
	{ 6, "Concatenated Path Down" }, { 7, "Administratively Down" },
	{ 8, "Reverse Concatenated Path Down" }, { 9, "Mis-Connectivity "
	"Defect" }, { 0, NULL }
};

static const struct st_valname sta_names[] = {
	{ 0, "AdminDown" }, { 1, "Down" }, { 2, "Init" }, { 3, "Up" },
	{ 0, NULL }
};

static const struct st_valname auth_names[] = {
	{ 0, "Reserved" }, { 1, "Simple Password" }, { 2, "Keyed MD5" },
	{ 3, "Meticulous Keyed MD5" }, { 4, "Keyed SHA1" },
	{ 5, "Meticulous Keyed SHA1" }, { 0, NULL }
};

static const struct st_field_desc bfd_fields[] = {
	FD("version", "bfd.version", "Protocol version", 0, 3, ST_FMT_DEC),
	FDN("diag", "bfd.diag", "Diagnostic code", 3, 5, ST_FMT_HEX,
	    diag_names),
	FDN("state", "bfd.sta", "Session state", 8, 2, ST_FMT_HEX, sta_names),
	FD(NULL, "bfd.flags", "Message flags", 8, 8, ST_FMT_HEX),
	FDD(NULL, "bfd.flags.p", "Poll", 10, 1, ST_FMT_BOOL),
	FDD(NULL, "bfd.flags.f", "Final", 11, 1, ST_FMT_BOOL),
	FDD(NULL, "bfd.flags.c", "Control plane independent", 12, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bfd.flags.a", "Authentication present", 13, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bfd.flags.d", "Demand", 14, 1, ST_FMT_BOOL),
	FDD(NULL, "bfd.flags.m", "Multipoint", 15, 1, ST_FMT_BOOL),
	FD("mult", "bfd.detect_time_multiplier", "Detect time multiplier", 16,
	    8, ST_FMT_DEC),
	FD("len", "bfd.message_length", "Message length", 24, 8, ST_FMT_DEC),
	FD("mydisc", "bfd.my_discriminator", "My discriminator", 32, 32,
	    ST_FMT_HEX),
	FD("yourdisc", "bfd.your_discriminator", "Your discriminator", 64, 32,
	    ST_FMT_HEX),
	FD(NULL, "bfd.desired_min_tx_interval", "Desired min TX interval "
	    "(us)", 96, 32, ST_FMT_DEC),
	FD(NULL, "bfd.required_min_rx_interval", "Required min RX interval "
	    "(us)", 128, 32, ST_FMT_DEC),
	FD(NULL, "bfd.required_min_echo_interval", "Required min echo "
	    "interval (us)", 160, 32, ST_FMT_DEC),
	FDN(NULL, "bfd.auth.type", "Authentication type", 192, 8, ST_FMT_DEC,
	    auth_names),
	FD(NULL, "bfd.auth.len", "Authentication length", 200, 8, ST_FMT_DEC),
	FD(NULL, "bfd.auth.key", "Authentication key ID", 208, 8, ST_FMT_DEC),
	FD(NULL, "bfd.auth.password", "Password", 216, 0, ST_FMT_TEXT),
	FD(NULL, "bfd.auth.seq_num", "Sequence number", 224, 32, ST_FMT_HEX),
	FD(NULL, "bfd.checksum", "Digest", 256, 0, ST_FMT_BYTES),
};

/* The authentication section at byte 24, n bytes (its own length). */
static void
bfd_auth(struct st_dctx *d, struct st_cur *c, size_t n)
{
	char text[16 * 4 + 1];
	struct st_cur w = *c;
	const uint8_t *p;
	unsigned type;

	if (st_dfields(d, c, bfd_fields + F_ATYPE, 3) != ST_OK)
		return;
	type = (unsigned)st_peek_bits(c, 192, 8);
	if (type == 1 && n >= 4 && n <= 19) {
		w.off += 27;
		if ((p = st_get_bytes(&w, n - 3)) == NULL) {
			c->err = w.err;
			return;
		}
		st_escape(p, n - 3, text, sizeof(text));
		st_dtext(d, c, &bfd_fields[F_APASS], 27, n - 3, text);
	} else if (type >= 2 && type <= 5 && n >= 8) {
		st_dfield(d, c, &bfd_fields[F_ASEQ]);
		if (n > 8)
			st_dbytes(d, c, &bfd_fields[F_ADIGEST], 32, n - 8);
	}
}

static int
bfd_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, alen;
	unsigned ver;

	st_dfields(d, c, bfd_fields, F_ATYPE);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	ver = (unsigned)st_peek_bits(c, 0, 3);
	len = (size_t)st_peek_bits(c, 24, 8);
	d->hdr = 24;
	d->data = 1;
	if (ver != 1)
		return st_dmalformed(d, "BFD version %u", ver);
	if (len < 24)
		return st_dmalformed(d, "message length %zu, shorter than the "
		    "header", len);
	if (len > left) {
		d->hdr = left;
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "message length %zu, beyond the %zu bytes "
		    "UDP carries", len, left);
	}
	if (st_peek_bits(c, 13, 1) == 1) {
		alen = (size_t)st_peek_bits(c, 200, 8);
		if (alen < 3 || 24 + alen > len)
			return st_dmalformed(d, "authentication of %zu bytes in "
			    "a message of %zu", alen, len);
		bfd_auth(d, c, alen);
		if (c->err != ST_OK) {
			d->hdr = left;
			return c->err;
		}
		d->hdr = 24 + alen;
	}
	return ST_OK;
}

static const struct st_bind bfd_binds[] = {
	{ ST_KEY_UDPPORT, 3784 }, { ST_KEY_UDPPORT, 4784 },
	{ ST_KEY_UDPPORT, 6784 },
};

/* As tcpdump: "BFDv1, Control, State Up, Diag No Diagnostic, mult 3". */
static int
bfd_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_YOURD + 1];
	struct st_out *o = s->o;
	const char *sta, *diag;

	if (s->net != NULL) {
		s->endpoints(s, NULL);
		st_out_putc(o, ' ');
	}
	st_ly_fields(s->pkt, ly, bfd_fields, F_YOURD + 1, f);
	if (f[F_VER] == NULL || f[F_DIAG] == NULL || f[F_STA] == NULL ||
	    f[F_MULT] == NULL || f[F_YOURD] == NULL) {
		st_out_puts(o, "BFD");
		return 1;
	}
	sta = st_valname(sta_names, (uint32_t)f[F_STA]->val);
	diag = st_valname(diag_names, (uint32_t)f[F_DIAG]->val);
	st_out_printf(o, "BFDv%u, Control, State %s, Diag %s, mult %u, "
	    "discr 0x%08x/0x%08x", (unsigned)f[F_VER]->val, sta,
	    diag != NULL ? diag : "unknown", (unsigned)f[F_MULT]->val,
	    (unsigned)f[F_MYD]->val, (unsigned)f[F_YOURD]->val);
	return 1;
}

static const struct st_field_desc *const bfd_keys[] = {
	&bfd_fields[F_STA], &bfd_fields[F_MYD], &bfd_fields[F_YOURD], NULL,
};

const struct st_proto st_proto_bfd = {
	.name = "bfd",
	.ws = "bfd",
	.title = "Bidirectional Forwarding Detection",
	.rfc = "RFC 5880",
	.role = ST_ROLE_CONTROL,
	.fields = bfd_fields,
	.nfields = NFIELDS(bfd_fields),
	.decode = bfd_decode,
	.binds = bfd_binds,
	.nbinds = NFIELDS(bfd_binds),
	.summary = bfd_summary,
	.keys = bfd_keys,
	.color = "\033[36m",
	.explain_bits = 192,
	.explain = "Two systems detect quickly that the path between them "
	    "fails: each sends control packets at the negotiated interval, "
	    "and the session goes down after Detect Mult intervals without "
	    "one.  The discriminators name the session at each end; the "
	    "state walks Down, Init, Up.  With A set, an authentication "
	    "section follows (a password, or a sequence number and an MD5 or "
	    "SHA1 digest).",
};
