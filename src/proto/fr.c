/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Frame Relay (DLT_FRELAY): the Q.922 address, then RFC 2427's
 * multiprotocol encapsulation (control 0x03, an optional pad, an NLPID;
 * NLPID 0x80: a SNAP header) or Cisco's (an EtherType straight after the
 * address), after Wireshark's packet-fr.c.
 *
 *   0   1   2   3   4   5   6   7
 * +---+---+---+---+---+---+---+---+
 * |      upper DLCI       |C/R| EA=0 |
 * +---+---+---+---+---+---+---+---+
 * | lower DLCI    |FECN|BECN|DE| EA=1 |
 * +---+---+---+---+---+---+---+---+
 * | control 0x03  | [pad 0] | NLPID | ...
 *
 * Addresses of 3 and 4 octets (EA 0 in the second) add a third octet of
 * 7 DLCI bits and a final one of 6 more (or DL-CORE control, DC set).
 */
#include "strata/out.h"
#include "fields.h"

enum { F_OCT1, F_UPPER, F_CR, F_EA1, F_OCT2, F_LOWER, F_FECN, F_BECN, F_DE,
	F_EA2, F_DLCI, F_CTRL, F_NLPID, F_OUI, F_SNAPTYPE, F_PID, F_CHDLC,
	F_OCT3, F_THIRD, F_EA3, F_LOWDLCI, F_DLCORE, F_DC, F_EAF,
	F_NR, F_NS, F_FTYPE_I, F_SFTYPE, F_FTYPE_SU, F_UCMD, F_URESP,
	F_P8, F_F8, F_P16, F_F16 };

static const struct st_valname ftype_names[] = {
	{ 0, "Information frame" }, { 1, "Supervisory frame" },
	{ 3, "Unnumbered frame" }, { 0, NULL }
};

/* A U frame's modifier bits (0xec of the octet, shifted down by 2). */
static const struct st_valname ucmd_names[] = {
	{ 0x00, "Unnumbered Information" }, { 0x0b, "Set ABM" },
	{ 0x1b, "Set ABM extended" }, { 0x10, "Disconnect" },
	{ 0x20, "Set NRM" }, { 0x2b, "Exchange identification" },
	{ 0x38, "Test" }, { 0, NULL }
};

static const struct st_valname uresp_names[] = {
	{ 0x00, "Unnumbered Information" }, { 0x03, "Disconnected mode" },
	{ 0x18, "Unnumbered acknowledge" }, { 0x21, "Frame reject" },
	{ 0x2b, "Exchange identification" }, { 0x38, "Test" }, { 0, NULL }
};

static const struct st_valname stype_names[] = {
	{ 0, "Receiver ready" }, { 1, "Receiver not ready" },
	{ 2, "Reject" }, { 3, "Selective reject" }, { 0, NULL }
};

static const struct st_valname nlpid_names[] = {
	{ 0x08, "Q.933" }, { 0x80, "SNAP" }, { 0x81, "CLNP" },
	{ 0x82, "ES-IS" }, { 0x83, "IS-IS" }, { 0x8e, "IPv6" },
	{ 0xb0, "FRF.9 compression" }, { 0xb1, "FRF.12 fragment" },
	{ 0xcc, "IPv4" }, { 0xcf, "PPP" }, { 0, NULL }
};

static const struct st_field_desc fr_fields[] = {
	FD(NULL, "fr.first_addr_octet", "First address octet", 0, 8,
	    ST_FMT_HEX),
	FDD(NULL, "fr.upper_dlci", "Upper DLCI", 0, 6, ST_FMT_HEX),
	FDD(NULL, "fr.cr", "C/R", 6, 1, ST_FMT_BOOL),
	FDD(NULL, "fr.ea", "EA", 7, 1, ST_FMT_BOOL),
	FD(NULL, "fr.second_addr_octet", "Second address octet", 8, 8,
	    ST_FMT_HEX),
	FDD(NULL, "fr.second_dlci", "Second DLCI", 8, 4, ST_FMT_HEX),
	FDD("fecn", "fr.fecn", "FECN", 12, 1, ST_FMT_BOOL),
	FDD("becn", "fr.becn", "BECN", 13, 1, ST_FMT_BOOL),
	FDD("de", "fr.de", "DE", 14, 1, ST_FMT_BOOL),
	FDD(NULL, "fr.ea", "EA", 15, 1, ST_FMT_BOOL),
	FDG("fr.dlci", "DLCI", ST_FMT_DEC, NULL),
	FD(NULL, "fr.control", "Control", 0, 8, ST_FMT_HEX),
	FDN("nlpid", "fr.nlpid", "NLPID", 0, 8, ST_FMT_HEX, nlpid_names),
	FD(NULL, "fr.snap.oui", "Organization code", 0, 24, ST_FMT_DEC),
	FDN(NULL, "fr.snaptype", "Type", 24, 16, ST_FMT_HEX,
	    st_ethertype_names),
	FD(NULL, "fr.snap.pid", "Protocol ID", 24, 16, ST_FMT_HEX),
	FDN(NULL, "fr.chdlctype", "Type", 0, 16, ST_FMT_HEX,
	    st_ethertype_names),
	/* 4-byte addresses: a third octet; 3 and 4: a final one */
	FD(NULL, "fr.third_addr_octet", "Third address octet", 0, 8,
	    ST_FMT_HEX),
	FDD(NULL, "fr.third_dlci", "Third DLCI", 0, 7, ST_FMT_HEX),
	FDD(NULL, "fr.ea", "EA", 7, 1, ST_FMT_BOOL),
	FD(NULL, "fr.lower_dlci", "Lower DLCI", 0, 6, ST_FMT_HEX),
	FD(NULL, "fr.dlcore_control", "DL-CORE control", 0, 6, ST_FMT_HEX),
	FD(NULL, "fr.dc", "DC", 6, 1, ST_FMT_BOOL),
	FD(NULL, "fr.ea", "EA", 7, 1, ST_FMT_BOOL),
	/*
	 * The Q.922 control field as Wireshark's xdlc reads it (modulo 128):
	 * I and S frames are 2 octets, little-endian (N(S) or the S type in
	 * the first, N(R) in the second); U frames are one octet.
	 */
	FDD(NULL, "fr.control.n_r", "N(R)", 8, 7, ST_FMT_DEC),
	FDD(NULL, "fr.control.n_s", "N(S)", 0, 7, ST_FMT_DEC),
	FDDN(NULL, "fr.control.ftype", "Frame type", 7, 1, ST_FMT_HEX,
	    ftype_names),
	FDDN(NULL, "fr.control.s_ftype", "Supervisory frame type", 4, 2,
	    ST_FMT_HEX, stype_names),
	FDDN(NULL, "fr.control.ftype", "Frame type", 6, 2, ST_FMT_HEX,
	    ftype_names),
	/* the modifier bits (0xec) are not contiguous: worked out */
	FDG("fr.control.u_modifier_cmd", "Command", ST_FMT_HEX, ucmd_names),
	FDG("fr.control.u_modifier_resp", "Response", ST_FMT_HEX,
	    uresp_names),
	/* the poll (command) or final (response) bit, shown when set */
	FDD(NULL, "fr.control.p", "Poll", 3, 1, ST_FMT_BOOL),
	FDD(NULL, "fr.control.f", "Final", 3, 1, ST_FMT_BOOL),
	FDD(NULL, "fr.control.p", "Poll", 15, 1, ST_FMT_BOOL),
	FDD(NULL, "fr.control.f", "Final", 15, 1, ST_FMT_BOOL),
};

/* Row r at byte off of c. */
static void
fr_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned r)
{
	struct st_cur w = *c;

	w.off += off;
	st_dfield(d, &w, &fr_fields[r]);
	if (w.err != ST_OK)
		c->err = w.err;
}

/* Where an NLPID leads; returns the header bytes after it (SNAP: 5). */
static size_t
fr_nlpid(struct st_dctx *d, struct st_cur *c, size_t off, unsigned nlpid)
{
	uint64_t oui, pid;

	d->next_key = ST_KEY_ETHERTYPE;
	if (nlpid == 0xcc)
		d->next_val = 0x0800;
	else if (nlpid == 0x8e)
		d->next_val = 0x86dd;
	else if (nlpid == 0x80) {
		fr_at(d, c, off, F_OUI);
		oui = st_peek_bits(c, off * 8, 24);
		fr_at(d, c, off, oui == 0 ? F_SNAPTYPE : F_PID);
		pid = st_peek_bits(c, off * 8 + 24, 16);
		if (oui != 0) {
			d->next_key = ST_KEY_SNAP;
			d->next_val = oui << 16 | pid;
		} else
			d->next_val = pid;
		return 5;
	} else {
		d->next_key = ST_KEY_NONE;
		d->data = 1;
	}
	return 0;
}

/*
 * The control field at off (ctl its first octet) with its parts; returns
 * its length: 2 for I and S frames (modulo 128), 1 for U frames.  resp:
 * the C/R bit, which names a U frame's modifier a command or a response.
 */
static size_t
fr_control(struct st_dctx *d, struct st_cur *c, size_t off, unsigned ctl,
    int resp)
{
	fr_at(d, c, off, F_CTRL);
	if ((ctl & 3) == 3) {
		st_dgen(d, &fr_fields[resp ? F_URESP : F_UCMD],
		    (ctl & 0xec) >> 2);
		if (ctl & 0x10)
			fr_at(d, c, off, resp ? F_F8 : F_P8);
		fr_at(d, c, off, F_FTYPE_SU);
		return 1;
	}
	if (ctl & 1) {
		fr_at(d, c, off, F_SFTYPE);
		fr_at(d, c, off, F_FTYPE_SU);
	} else {
		fr_at(d, c, off, F_NS);
		fr_at(d, c, off, F_FTYPE_I);
	}
	fr_at(d, c, off, F_NR);
	/* an I frame's bit is a poll whatever C/R says (as Wireshark) */
	if (st_peek_bits(c, off * 8 + 15, 1))
		fr_at(d, c, off, resp && (ctl & 1) ? F_F16 : F_P16);
	return 2;
}

/* An NLPID something here goes on by (RFC 2427, FRF.3.2); 0, the
 * inactive subset of CLNP in Wireshark's tables, is also a pad's. */
static int
fr_known_nlpid(unsigned nlpid)
{
	return nlpid == 0x00 || nlpid == 0x08 || (nlpid >= 0x80 && nlpid <= 0x83) ||
	    nlpid == 0x8e || nlpid == 0xcc || nlpid == 0xcf;
}

enum { FR_CISCO, FR_NUMBERED, FR_UNKNOWN };

/*
 * A frame on DLCI != 0 whose control octet is not UI: Cisco's encapsulation
 * when the two octets are an EtherType something decodes; else RFC 2427
 * with a numbered (I, S) or other U control field when a known NLPID
 * follows it (Wireshark also skips one 0 octet before the control field
 * when it looks); else unknown (Wireshark 4.0 tries raw Ethernet, then
 * data).  Fewer than 2 octets: Cisco's, cut short.
 */
static int
fr_encap(struct st_cur *c, size_t off)
{
	unsigned ctl, type;
	size_t n = off;

	if (st_cur_left(c) < off + 2)
		return FR_CISCO;
	type = (unsigned)st_peek_bits(c, off * 8, 16);
	if (type > 1500 && st_proto_next(ST_KEY_ETHERTYPE, type) != NULL)
		return FR_CISCO;
	if ((ctl = (unsigned)st_peek_bits(c, n * 8, 8)) == 0)
		ctl = (unsigned)st_peek_bits(c, ++n * 8, 8);
	n += (ctl & 3) == 3 ? 1 : 2;
	if (st_cur_left(c) > n &&
	    fr_known_nlpid((unsigned)st_peek_bits(c, n * 8, 8)))
		return FR_NUMBERED;
	return FR_UNKNOWN;
}

/*
 * The address after its first two octets (a): 2, 3 or 4 octets, each but
 * the last with EA 0 (Q.922 3.3).  Returns its length, having added the
 * third and final octets' fields and set *dlci; 0 when it is longer than
 * 4 octets or cut short (c->err).
 */
static size_t
fr_addr(struct st_dctx *d, struct st_cur *c, unsigned a, unsigned *dlci)
{
	unsigned o3, o4, n;

	*dlci = (a >> 10) << 4 | (a >> 4 & 15);
	if (a & 1)
		return 2;
	o3 = (unsigned)st_peek_bits(c, 16, 8);
	n = 2;
	if (c->err == ST_OK && !(o3 & 1)) {
		o4 = (unsigned)st_peek_bits(c, 24, 8);
		if (c->err != ST_OK || !(o4 & 1))
			return 0;
		fr_at(d, c, 2, F_OCT3);
		fr_at(d, c, 2, F_THIRD);
		fr_at(d, c, 2, F_EA3);
		*dlci = *dlci << 7 | o3 >> 1;
		o3 = o4;
		n = 3;
	}
	if (c->err != ST_OK)
		return 0;
	if (o3 & 2)
		fr_at(d, c, n, F_DLCORE);
	else {
		fr_at(d, c, n, F_LOWDLCI);
		*dlci = *dlci << 6 | o3 >> 2;
	}
	fr_at(d, c, n, F_DC);
	fr_at(d, c, n, F_EAF);
	return c->err == ST_OK ? n + 1 : 0;
}

static int
fr_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off;
	unsigned a, ctl, nlpid, dlci;
	int encap;

	st_dfields(d, c, fr_fields, F_DLCI);
	a = (unsigned)st_peek_bits(c, 0, 16);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	d->hdr = 2;
	if (a & 0x0100) {		/* EA in the first octet: bogus */
		d->data = 1;
		return ST_OK;
	}
	if ((off = fr_addr(d, c, a, &dlci)) == 0) {
		if (c->err != ST_OK) {
			d->hdr = left;
			return c->err;
		}
		d->data = 1;
		return ST_OK;
	}
	d->hdr = off;
	st_dgen(d, &fr_fields[F_DLCI], dlci);
	ctl = (unsigned)st_peek_bits(c, off * 8, 8);
	if (c->err == ST_OK && ctl != 0x03 && dlci == 0) {
		/* LAPF signalling on DLCI 0 (Wireshark: not decoded) */
		fr_control(d, c, off, ctl, a >> 9 & 1);
		if (c->err != ST_OK) {
			d->hdr = left;
			return c->err;
		}
		d->data = 1;
		return ST_OK;
	}
	encap = ctl == 0x03 ? FR_NUMBERED : fr_encap(c, off);
	if (encap == FR_UNKNOWN) {
		d->data = 1;
		return ST_OK;
	}
	if (c->err != ST_OK || encap == FR_CISCO) {
		/* Cisco's encapsulation: an EtherType after the address. */
		fr_at(d, c, off, F_CHDLC);
		if (c->err != ST_OK) {
			d->hdr = left;
			return c->err;
		}
		d->hdr = off + 2;
		d->next_key = ST_KEY_ETHERTYPE;
		d->next_val = st_peek_bits(c, off * 8, 16);
		return ST_OK;
	}
	off += fr_control(d, c, off, ctl, a >> 9 & 1);
	/* The pad before an NLPID (Wireshark shows it as NLPID 0). */
	if (st_cur_left(c) > off && st_peek_bits(c, off * 8, 8) == 0)
		fr_at(d, c, off++, F_NLPID);
	nlpid = (unsigned)st_peek_bits(c, off * 8, 8);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	/* An ISO protocol's NLPID is its PDU's first byte (RFC 2427 3.3),
	 * as Q.933's (0x08) is its protocol discriminator: it goes on from
	 * there, by the NLPID, as after LLC SAP 0xfe. */
	if (nlpid == 0x08 || (nlpid >= 0x81 && nlpid <= 0x83)) {
		d->hdr = off;
		d->next_key = ST_KEY_NLPID;
		d->next_val = nlpid;
		return ST_OK;
	}
	fr_at(d, c, off, F_NLPID);
	off += 1;
	off += fr_nlpid(d, c, off, nlpid);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	d->hdr = off;
	return ST_OK;
}

static const struct st_bind fr_binds[] = {
	{ ST_KEY_LINK, 107 },		/* DLT_FRELAY */
};

/* "FR DLCI 100 FECN BECN DE" (tcpdump: "Q.922, DLCI 100"). */
static int
fr_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_CHDLC + 1];

	st_ly_fields(s->pkt, ly, fr_fields, F_CHDLC + 1, f);
	if (f[F_DLCI] == NULL)
		return 0;
	st_out_printf(s->o, "FR DLCI %u", (unsigned)f[F_DLCI]->val);
	if (f[F_OCT2] != NULL) {
		if (f[F_OCT2]->val & 8)
			st_out_puts(s->o, " FECN");
		if (f[F_OCT2]->val & 4)
			st_out_puts(s->o, " BECN");
		if (f[F_OCT2]->val & 2)
			st_out_puts(s->o, " DE");
	}
	return 1;
}

static const struct st_field_desc *const fr_keys[] = {
	&fr_fields[F_OCT1], &fr_fields[F_OCT2], &fr_fields[F_NLPID], NULL,
};

const struct st_proto st_proto_fr = {
	.name = "fr",
	.ws = "fr",
	.title = "Frame Relay",
	.rfc = "RFC 2427",
	.role = ST_ROLE_LINK,
	.flags = ST_PF_TUNNEL,
	.fields = fr_fields,
	.nfields = NFIELDS(fr_fields),
	.decode = fr_decode,
	.binds = fr_binds,
	.nbinds = NFIELDS(fr_binds),
	.summary = fr_summary,
	.keys = fr_keys,
	.color = "\033[36m",
	.explain = "The 10-bit DLCI names the virtual circuit on this link; "
	    "the network sets FECN and BECN when it meets congestion going "
	    "forward or backward, and may drop frames marked DE first. The "
	    "NLPID says what follows (0xcc IPv4, 0x8e IPv6, 0x80 a SNAP "
	    "header).",
};
