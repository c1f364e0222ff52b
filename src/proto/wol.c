/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Wake-on-LAN's magic packet (AMD's "Magic Packet Technology", 1995): six
 * bytes of 0xff, then the MAC address of the machine to wake sixteen
 * times, then perhaps a SecureOn password of four or six bytes.  A NIC
 * asleep scans every frame for that pattern, whatever carries it: an
 * Ethernet frame of EtherType 0x0842, or (most often) a UDP datagram,
 * broadcast to port 9 or 7.  Found by content, as Wireshark's heuristic
 * (on by default); UDP 9 is bound too, where nothing else claims it.
 */
#include "strata/out.h"
#include "fields.h"

#define WOL_REPS	16

enum { F_SYNC, F_MAC, F_PASSWD, F_NFIELDS };

static const struct st_field_desc wol_fields[F_NFIELDS] = {
	[F_SYNC] = FD(NULL, "wol.sync", "Sync stream", 0, 48, ST_FMT_BYTES),
	[F_MAC] = FD("mac", "wol.mac", "MAC", 0, 48, ST_FMT_MAC),
	[F_PASSWD] = FD(NULL, "wol.passwd", "Password", 0, 0, ST_FMT_BYTES),
};

/* Whether the n bytes at c are a magic packet: the sync stream, sixteen
 * copies of one address, and 0, 4 or 6 bytes of password. */
static int
wol_is(struct st_cur *c, size_t n)
{
	uint64_t mac;
	unsigned i;

	if ((n != 102 && n != 106 && n != 108) || !st_cur_need(c, 102) ||
	    st_peek_bits(c, 0, 48) != 0xffffffffffffULL)
		return 0;
	mac = st_peek_bits(c, 48, 48);
	for (i = 1; i < WOL_REPS; i++)
		if (st_peek_bits(c, 48 + 48 * i, 48) != mac)
			return 0;
	return 1;
}

static int
wol_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned i;

	if (!wol_is(c, left))
		return ST_ENOTME;
	st_dfield(d, c, &wol_fields[F_SYNC]);
	for (i = 0; i < WOL_REPS; i++)
		st_dfields_at(d, c, 6 + 6 * i, &wol_fields[F_MAC], 1);
	if (left > 102)
		st_dbytes(d, c, &wol_fields[F_PASSWD], 102, left - 102);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static int
wol_heuristic(struct st_cur *c)
{
	return wol_is(c, st_cur_left(c));
}

static const struct st_bind wol_binds[] = {
	{ ST_KEY_ETHERTYPE, 0x0842 },
	{ ST_KEY_UDPPORT, 9 },
};

/* "wake-on-lan for 02:00:00:00:00:02 (SecureOn password)". */
static int
wol_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, wol_fields, F_NFIELDS, f);
	st_out_puts(s->o, "wake-on-lan");
	if (f[F_MAC] != NULL) {
		st_out_puts(s->o, " for ");
		s->value(s, f[F_MAC]);
	}
	if (f[F_PASSWD] != NULL)
		st_out_puts(s->o, " (SecureOn password)");
	return 1;
}

static const struct st_field_desc *const wol_keys[] = {
	&wol_fields[F_MAC], NULL,
};

const struct st_proto st_proto_wol = {
	.name = "wol",
	.ws = "wol",
	.title = "Wake On LAN",
	.rfc = "AMD Magic Packet Technology white paper",
	.role = ST_ROLE_APP,
	.fields = wol_fields,
	.nfields = F_NFIELDS,
	.decode = wol_decode,
	.binds = wol_binds,
	.nbinds = NFIELDS(wol_binds),
	.heuristic = wol_heuristic,
	.summary = wol_summary,
	.keys = wol_keys,
	.color = "\033[33m",
	.explain = "How to wake a sleeping computer over the network: its "
	    "network card, powered while the rest sleeps, watches every "
	    "frame for six 0xff bytes followed by its own MAC address sixteen "
	    "times, and powers the machine on when it sees them.  Any "
	    "carrier will do; a UDP broadcast to port 9 is usual, and "
	    "EtherType 0x0842 is a bare one.  A SecureOn password of four or "
	    "six bytes may follow.",
};
