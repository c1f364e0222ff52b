/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rwho, BSD's rwhod (UDP 513): each host broadcasts every few minutes its
 * name, load averages, boot time and who is logged in (struct whod,
 * protocols/rwhod.h); rwho and ruptime read the others' from disk.
 *
 *   version(8) type(8) pad(16) send time(32) receive time(32)
 *   host name (32 bytes, NUL-padded) load averages (3 x 32, hundredths)
 *   boot time(32), then up to 42 entries of 24 bytes:
 *   tty (8, NUL-padded) user (8, NUL-padded) login time(32) idle(32)
 *
 * Times are seconds since 1970.  Fields are named as Wireshark's "who".
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define WHO_ENTRY	24
#define WHO_MAXENT	(1024 / WHO_ENTRY)	/* as rwhod and Wireshark */

enum { F_VERS, F_TYPE, F_SEND, F_RECV, F_HOST, F_LOAD5, F_LOAD10,
	F_LOAD15, F_BOOT, F_ENTRY, F_TTY, F_UID, F_TIMEON, F_IDLE, F_NWHO };

#define T(n, l, off)	FD(NULL, n, l, off, 0, ST_FMT_TEXT)

static const struct st_field_desc who_fields[F_NWHO] = {
	[F_VERS] = FD("vers", "who.vers", "Version", 0, 8, ST_FMT_DEC),
	[F_TYPE] = FD("type", "who.type", "Type", 8, 8, ST_FMT_DEC),
	[F_SEND] = T("who.sendtime", "Send Time", 32),
	[F_RECV] = T("who.recvtime", "Receive Time", 64),
	[F_HOST] = T("who.hostname", "Hostname", 96),
	[F_LOAD5] = T("who.loadav_5", "Load Average Over Past  5 Minutes",
	    352),
	[F_LOAD10] = T("who.loadav_10", "Load Average Over Past 10 Minutes",
	    384),
	[F_LOAD15] = T("who.loadav_15", "Load Average Over Past 15 Minutes",
	    416),
	[F_BOOT] = T("who.boottime", "Boot Time", 448),
	/* an entry, from its start */
	[F_ENTRY] = T("who.entry", "Who utmp Entry", 0),
	[F_TTY] = T("who.tty", "TTY Name", 0),
	[F_UID] = T("who.uid", "User ID", 64),
	[F_TIMEON] = T("who.timeon", "Time On", 128),
	[F_IDLE] = FD(NULL, "who.idle", "Time Idle", 160, 32, ST_FMT_DEC),
};

#define R(i)	(&who_fields[(i)])

/* The n NUL-padded bytes at byte off of c as row, to their first NUL. */
static void
padded(struct st_dctx *d, struct st_cur *c, unsigned row, size_t off,
    size_t n)
{
	struct st_cur t = *c;
	const uint8_t *p;
	char buf[32 * 6 + 8];

	t.off += off;
	if ((p = st_get_bytes(&t, n)) == NULL) {
		c->err = t.err;
		return;
	}
	st_escape_ascii(p, n, buf, sizeof(buf));
	st_dtext(d, c, R(row), off, n, buf);
}

/* A 32-bit time at byte off of c as row. */
static void
stamp(struct st_dctx *d, struct st_cur *c, unsigned row, size_t off)
{
	struct st_cur t = *c;
	uint32_t v;

	t.off += off;
	v = st_get_be32(&t);
	if (t.err != ST_OK) {
		c->err = t.err;
		return;
	}
	st_dunixtime(d, c, R(row), off, 4, (int64_t)v);
}

/* A load average at byte off of c, in hundredths, as Wireshark's double
 * shows it ("0.5", "1.25"). */
static void
load(struct st_dctx *d, struct st_cur *c, unsigned row, size_t off)
{
	struct st_cur t = *c;
	char buf[32];
	uint32_t v;

	t.off += off;
	v = st_get_be32(&t);
	if (t.err != ST_OK) {
		c->err = t.err;
		return;
	}
	snprintf(buf, sizeof(buf), "%.15g", v / 100.0);
	st_dtext(d, c, R(row), off, 4, buf);
}

static int
who_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), off;
	struct st_cur e;
	unsigned i;

	st_dfields(d, c, who_fields, F_SEND);
	stamp(d, c, F_SEND, 4);
	stamp(d, c, F_RECV, 8);
	padded(d, c, F_HOST, 12, 32);
	load(d, c, F_LOAD5, 44);
	load(d, c, F_LOAD10, 48);
	load(d, c, F_LOAD15, 52);
	stamp(d, c, F_BOOT, 56);
	d->hdr = left;
	d->plen = 0;
	for (off = 60, i = 0; c->err == ST_OK && off < left &&
	    i < WHO_MAXENT; off += WHO_ENTRY, i++) {
		e = *c;
		e.off += off;
		st_dtext(d, &e, R(F_ENTRY), 0, left - off < WHO_ENTRY ?
		    left - off : WHO_ENTRY, "");
		padded(d, &e, F_TTY, 0, 8);
		padded(d, &e, F_UID, 8, 8);
		stamp(d, &e, F_TIMEON, 16);
		st_dfield(d, &e, R(F_IDLE));
		c->err = e.err;
	}
	if (c->err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "the message ends inside %s", off > 60 ?
		    "an entry" : "its header");
	if (off < left)
		st_pkt_note(d->pkt, st_pkt_printf(d->pkt, "rwho: the bytes "
		    "after %u entries are not shown", WHO_MAXENT));
	return ST_OK;
}

static const struct st_bind who_binds[] = {
	{ ST_KEY_UDPPORT, 513 },
};

/* As tshark's Info: "host1: 0.50 0.25 0.10". */
static int
who_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NWHO];

	st_ly_fields(s->pkt, ly, who_fields, F_NWHO, f);
	if (f[F_HOST] == NULL)
		return 0;
	st_out_puts(s->o, "rwho ");
	s->value(s, f[F_HOST]);
	if (f[F_LOAD5] != NULL && f[F_LOAD10] != NULL && f[F_LOAD15] != NULL) {
		st_out_puts(s->o, ": ");
		s->value(s, f[F_LOAD5]);
		st_out_putc(s->o, ' ');
		s->value(s, f[F_LOAD10]);
		st_out_putc(s->o, ' ');
		s->value(s, f[F_LOAD15]);
	}
	return 1;
}

static const struct st_field_desc *const who_keys[] = {
	R(F_VERS), R(F_TYPE), NULL,
};

const struct st_proto st_proto_who = {
	.name = "who",
	.ws = "who",
	.title = "Who (rwhod)",
	.rfc = "4.2BSD rwhod(8), protocols/rwhod.h",
	.role = ST_ROLE_APP,
	.fields = who_fields,
	.nfields = F_NWHO,
	.decode = who_decode,
	.binds = who_binds,
	.nbinds = NFIELDS(who_binds),
	.summary = who_summary,
	.keys = who_keys,
	.color = "\033[36m",
	.explain_bits = 32,	/* then times, the name and the entries */
	.explain = "BSD's rwhod broadcasts a status report on UDP 513 every "
	    "three minutes: the host's name, its load averages over 5, 10 "
	    "and 15 minutes (in hundredths), when it booted, and one 24-byte "
	    "entry per login (terminal, user, login time, seconds idle).  "
	    "Every host keeps the others' last reports, which rwho and "
	    "ruptime list.  Nothing is authenticated: any host on the LAN "
	    "can claim any name.",
};
