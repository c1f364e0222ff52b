/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * FDDI, the Fiber Distributed Data Interface (ANSI X3.139, ISO 9314-2),
 * as libpcap captures it (LINKTYPE_FDDI, 10), after Wireshark's
 * packet-fddi.c:
 *
 * +--------+----------------------+----------------------+
 * |   FC   | destination (48)     | source (48)          |
 * +--------+----------------------+----------------------+
 *  FC: class, address length, format (the high four bits: 0x4 SMT,
 *  0x5 asynchronous LLC, 0xc MAC, 0xd synchronous LLC), then the
 *  priority (LLC) or the subtype (SMT, MAC) in the low four.
 *
 * FDDI sends each byte's most significant bit first, Ethernet its least:
 * the addresses as captured are in FDDI's order and Wireshark shows them
 * bit-swapped, each byte reversed (libpcap's LINKTYPE_FDDI is its
 * WTAP_ENCAP_FDDI_BITSWAPPED), so they read as the Ethernet addresses of
 * a bridged LAN would.  An asynchronous LLC frame goes on through LLC.
 */
#include "strata/out.h"
#include "fields.h"

#define FDDI_HDR	13

#define FC_CLFF		0xf0	/* class, length and format */
#define FC_SMT		0x40
#define FC_LLC_ASYNC	0x50
#define FC_MAC		0xc0
#define FC_RT		0xc0	/* the restricted token: no subtype */
#define FC_ASYNC_R	0x08	/* a reserved bit in an async LLC FC */

enum { F_FC, F_CLF, F_PRIO, F_SMT, F_MAC, F_DST, F_ADDRD, F_SRC, F_ADDRS };

static const struct st_valname clf_names[] = {
	{ 0x0, "Void frame" }, { 0x4, "SMT" }, { 0x5, "Async LLC" },
	{ 0x6, "Implementor async" }, { 0x8, "Nonrestricted token" },
	{ 0xc, "MAC" }, { 0xd, "Sync LLC" }, { 0xe, "Implementor sync" },
	{ 0, NULL }
};
static const struct st_valname smt_names[] = {
	{ 0x1, "SMT info" }, { 0xf, "SMT Next Station Address" }, { 0, NULL }
};
static const struct st_valname mac_names[] = {
	{ 0x2, "MAC beacon" }, { 0x3, "MAC claim token" }, { 0, NULL }
};

static const struct st_field_desc fddi_fields[] = {
	FD("fc", "fddi.fc", "Frame Control", 0, 8, ST_FMT_HEX),
	FDDN(NULL, "fddi.fc.clf", "Class/Length/Format", 0, 4, ST_FMT_HEX,
	    clf_names),
	FDD(NULL, "fddi.fc.prio", "Priority", 5, 3, ST_FMT_DEC),
	FDDN(NULL, "fddi.fc.smt_subtype", "SMT Subtype", 4, 4, ST_FMT_DEC,
	    smt_names),
	FDDN(NULL, "fddi.fc.mac_subtype", "MAC Subtype", 4, 4, ST_FMT_DEC,
	    mac_names),
	/* The addresses bit-swapped, as text (Wireshark repeats each, and
	 * each as fddi.addr: the same values). */
	FD("dst", "fddi.dst", "Destination", 8, 48, ST_FMT_TEXT),
	FDD(NULL, "fddi.addr", "Source or Destination Address", 8, 48,
	    ST_FMT_TEXT),
	FD("src", "fddi.src", "Source", 56, 48, ST_FMT_TEXT),
	FDD(NULL, "fddi.addr", "Source or Destination Address", 56, 48,
	    ST_FMT_TEXT),
};

/* Reverses the bits of a byte: FDDI's order to Ethernet's. */
static unsigned
bitswap(unsigned b)
{
	b = (b & 0xf0) >> 4 | (b & 0x0f) << 4;
	b = (b & 0xcc) >> 2 | (b & 0x33) << 2;
	return (b & 0xaa) >> 1 | (b & 0x55) << 1;
}

/* The address at byte off, bit-swapped, as its two rows twice over. */
static void
fddi_addr(struct st_dctx *d, struct st_cur *c, size_t off,
    const struct st_field_desc *row)
{
	struct st_cur w = *c;
	const uint8_t *p;
	char text[18];
	int i;

	w.off += off;
	if ((p = st_get_bytes(&w, 6)) == NULL) {
		c->err = w.err;
		return;
	}
	snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x",
	    bitswap(p[0]), bitswap(p[1]), bitswap(p[2]), bitswap(p[3]),
	    bitswap(p[4]), bitswap(p[5]));
	for (i = 0; i < 2; i++) {
		st_dtext(d, c, row, off, 6, text);
		if (!d->pkt->lite)
			st_dtext(d, c, row + 1, off, 6, text);
	}
}

static int
fddi_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned fc;

	st_dfields(d, c, fddi_fields, F_PRIO);
	fc = (unsigned)st_peek_bits(c, 0, 8);
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	switch (fc & FC_CLFF) {
	case FC_SMT:
		st_dfield(d, c, &fddi_fields[F_SMT]);
		break;
	case FC_MAC:
		if (fc != FC_RT)
			st_dfield(d, c, &fddi_fields[F_MAC]);
		break;
	case FC_LLC_ASYNC:
		if (!(fc & FC_ASYNC_R))
			st_dfield(d, c, &fddi_fields[F_PRIO]);
		break;
	}
	fddi_addr(d, c, 1, &fddi_fields[F_DST]);
	fddi_addr(d, c, 7, &fddi_fields[F_SRC]);
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = FDDI_HDR;
	if ((fc & FC_CLFF) == FC_LLC_ASYNC)
		d->next_key = ST_KEY_8023, d->next_val = 0;
	else
		d->data = 1;
	return ST_OK;
}

static const struct st_bind fddi_binds[] = {
	{ ST_KEY_LINK, 10 },		/* LINKTYPE_FDDI */
};

/* "fddi 40:00:00:00:00:80 → 40:00:00:00:00:40 Async LLC". */
static int
fddi_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_ADDRS + 1];
	const char *m;
	unsigned fc;

	st_ly_fields(s->pkt, ly, fddi_fields, F_ADDRS + 1, f);
	if (f[F_SRC] == NULL || f[F_DST] == NULL)
		return 0;
	st_out_puts(s->o, "fddi ");
	s->value(s, f[F_SRC]);
	st_out_puts(s->o, " \xe2\x86\x92 ");
	s->value(s, f[F_DST]);
	/* By the frame control byte: a lite decode has no detail rows. */
	if (f[F_FC] == NULL)
		return 1;
	fc = (unsigned)f[F_FC]->val;
	if ((fc & FC_CLFF) == FC_SMT &&
	    (m = st_valname(smt_names, fc & 0xf)) != NULL)
		st_out_printf(s->o, " %s", m);
	else if ((fc & FC_CLFF) == FC_MAC &&
	    (m = st_valname(mac_names, fc & 0xf)) != NULL)
		st_out_printf(s->o, " %s", m);
	else if ((m = st_valname(clf_names, fc >> 4)) != NULL)
		st_out_printf(s->o, " %s", m);
	else
		st_out_printf(s->o, " fc 0x%02x", fc);
	return 1;
}

static const struct st_field_desc *const fddi_keys[] = {
	&fddi_fields[F_FC], &fddi_fields[F_SRC], &fddi_fields[F_DST], NULL,
};

const struct st_proto st_proto_fddi = {
	.name = "fddi",
	.ws = "fddi",
	.title = "Fiber Distributed Data Interface",
	.rfc = "ISO 9314-2",
	.role = ST_ROLE_LINK,
	.fields = fddi_fields,
	.nfields = NFIELDS(fddi_fields),
	.decode = fddi_decode,
	.binds = fddi_binds,
	.nbinds = NFIELDS(fddi_binds),
	.summary = fddi_summary,
	.keys = fddi_keys,
	.color = "\033[36m",
	.explain = "FDDI, a 100 Mbit/s dual fibre ring of the early 1990s, "
	    "often the backbone between Ethernet segments: a token passes "
	    "round the ring as on Token Ring.  Frame control says what the "
	    "frame is: asynchronous LLC data (with a priority), station "
	    "management (SMT), MAC frames (beacon, claim token) or a token.  "
	    "The 48-bit addresses are sent most significant bit first, the "
	    "reverse of Ethernet's order, so they are shown bit-swapped, "
	    "each byte reversed, as Wireshark shows them: the same station "
	    "then has the same address on both sides of a bridge.  LLC data "
	    "goes on through 802.2 LLC and SNAP.",
};
