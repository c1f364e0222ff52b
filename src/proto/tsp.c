/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TSP, the time synchronization protocol of 4.3BSD's timed, UDP 525: the
 * machines of a network elect a master, which polls the others' clocks
 * and tells each how far to adjust.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Version    |        Sequence number        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  seconds (settime, adjtime, setdate, setdatereq) / hop count   |
 * |  (loop)                                                       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 microseconds (with the seconds)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          the sender's name, NUL-terminated (256 bytes)        \
 *
 * As Wireshark's dissector: the name is read at byte 12 to its NUL, in
 * every message; one cut before its NUL is cut short (tcpdump's
 * kh-timed-*-oobr tests are such messages).
 */
#include "strata/out.h"
#include "fields.h"

enum { F_TYPE, F_VERS, F_SEQ, F_HOPS, F_SEC, F_USEC, F_NAME, F_NTSP };

static const struct st_valname tsp_types[] = {
	{ 0, "any" }, { 1, "adjtime" }, { 2, "ack" }, { 3, "masterreq" },
	{ 4, "masterack" }, { 5, "settime" }, { 6, "masterup" },
	{ 7, "slaveup" }, { 8, "election" }, { 9, "accept" }, { 10, "refuse" },
	{ 11, "conflict" }, { 12, "resolve" }, { 13, "quit" }, { 14, "date" },
	{ 15, "datereq" }, { 16, "dateack" }, { 17, "traceon" },
	{ 18, "traceoff" }, { 19, "msite" }, { 20, "msitereq" },
	{ 21, "test" }, { 22, "setdate" }, { 23, "setdatereq" },
	{ 24, "loop" }, { 0, NULL }
};

static const struct st_field_desc tsp_fields[F_NTSP] = {
	[F_TYPE] = FDN("type", "tsp.type", "Type", 0, 8, ST_FMT_DEC,
	    tsp_types),
	[F_VERS] = FD("version", "tsp.version", "Version", 8, 8, ST_FMT_DEC),
	[F_SEQ] = FD("sequence", "tsp.sequence", "Sequence", 16, 16,
	    ST_FMT_DEC),
	[F_HOPS] = FD("hopcnt", "tsp.hopcnt", "Hop Count", 32, 8, ST_FMT_DEC),
	[F_SEC] = FD("sec", "tsp.sec", "Seconds", 32, 32, ST_FMT_DEC),
	[F_USEC] = FD("usec", "tsp.usec", "Microseconds", 64, 32, ST_FMT_DEC),
	[F_NAME] = FD(NULL, "tsp.name", "Machine Name", 96, 0, ST_FMT_TEXT),
};

static int
tsp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned type;

	if (left == 0)
		return ST_ENOTME;
	type = (unsigned)st_peek_bits(c, 0, 8);
	st_dfields(d, c, tsp_fields, F_HOPS);
	switch (type) {
	case 24:
		st_dfield(d, c, &tsp_fields[F_HOPS]);
		break;
	case 1:
	case 5:
	case 22:
	case 23:
		st_dfields(d, c, &tsp_fields[F_SEC], 2);
		break;
	}
	if (c->err == ST_OK)
		st_dtextz(d, c, &tsp_fields[F_NAME], 12);
	d->hdr = left;
	d->plen = 0;
	if (c->err != ST_OK)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "the message ends before its name does");
	return ST_OK;
}

static const struct st_bind tsp_binds[] = {
	{ ST_KEY_UDPPORT, 525 },
};

/* "TSP settime seq 2 from master". */
static int
tsp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NTSP];
	const char *name;

	st_ly_fields(s->pkt, ly, tsp_fields, F_NTSP, f);
	if (f[F_TYPE] == NULL)
		return 0;
	name = st_valname(tsp_types, (uint32_t)f[F_TYPE]->val);
	if (name != NULL)
		st_out_printf(s->o, "TSP %s", name);
	else
		st_out_printf(s->o, "TSP type %u", (unsigned)f[F_TYPE]->val);
	if (f[F_SEQ] != NULL)
		st_out_printf(s->o, " seq %u", (unsigned)f[F_SEQ]->val);
	if (f[F_NAME] != NULL) {
		st_out_puts(s->o, " from ");
		s->value(s, f[F_NAME]);
	}
	return 1;
}

static const struct st_field_desc *const tsp_keys[] = {
	&tsp_fields[F_TYPE], &tsp_fields[F_SEQ], NULL,
};

const struct st_proto st_proto_tsp = {
	.name = "tsp",
	.ws = "tsp",
	.title = "Time Synchronization Protocol",
	.rfc = "4.3BSD timed (Gusella and Zatti, 1985)",
	.role = ST_ROLE_APP,
	.fields = tsp_fields,
	.nfields = F_NTSP,
	.decode = tsp_decode,
	.binds = tsp_binds,
	.nbinds = NFIELDS(tsp_binds),
	.summary = tsp_summary,
	.keys = tsp_keys,
	.color = "\033[36m",
	.explain_bits = 32,	/* then the time or hop count, and the name */
	.explain = "BSD's timed keeps the clocks of a LAN together: the "
	    "machines elect a master (election, accept, refuse), which asks "
	    "each slave for its time and sends it an adjtime of the "
	    "difference (seconds and microseconds), or a settime of the "
	    "network's time.  Every message carries its type, a version, a "
	    "sequence number and the sender's host name, NUL-terminated, "
	    "in a 256-byte field; loop messages count hops to find a loop "
	    "between masters.  A receiver that trusts the name without "
	    "looking for its NUL reads past the packet, which tcpdump's "
	    "kh-timed tests check.",
};
