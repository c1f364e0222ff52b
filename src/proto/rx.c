/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RX, the remote procedure call transport of AFS (the OpenAFS sources and
 * "RX protocol specification", http://web.mit.edu/kolya/afs/rx/rx-spec),
 * over UDP ports 7000-7009 and 7021 (backups).  A 28-byte header:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Epoch (the connection's start)                |
 * |                 Connection ID (low 2 bits: channel)           |
 * |                 Call number                                   |
 * |                 Sequence number                               |
 * |                 Serial                                        |
 * +---------------+---------------+---------------+---------------+
 * |     Type      |     Flags     |  User status  |Security index |
 * +---------------+---------------+---------------+---------------+
 * |      Spare (checksum)         |          Service ID           |
 * +-------------------------------+-------------------------------+
 *
 * Then by type: data (1) carries the call's bytes (AFS's own RPCs); ack (2)
 * what was received; abort (4) an error code; challenge (6) and response
 * (7) the rxkad handshake.  There is no length field: the datagram ends it.
 */
#include <time.h>

#include "strata/out.h"
#include "fields.h"

enum { F_EPOCH, F_CID, F_CALL, F_SEQ, F_SERIAL, F_TYPE, F_FLAGS, F_FREE,
	F_MORE, F_LAST, F_REQACK, F_CLIENT, F_USTATUS, F_SECIDX, F_SPARE,
	F_SERVICE, F_NHDR,
	/* ack */
	F_BUFSPACE = F_NHDR, F_MAXSKEW, F_FIRST, F_PREV, F_ASERIAL, F_REASON,
	F_NACKS, F_ACKTYPE, F_MAXMTU, F_IFMTU, F_RWIND, F_MAXPKTS,
	/* challenge, response, abort */
	F_VERSION, F_NONCE, F_MINLEVEL, F_EEPOCH, F_ECID, F_ESECIDX, F_ECALL,
	F_INCNONCE, F_LEVEL, F_KVNO, F_TLEN, F_TICKET, F_ABORT };

static const struct st_valname rx_type_names[] = {
	{ 1, "data" }, { 2, "ack" }, { 3, "busy" }, { 4, "abort" },
	{ 5, "ackall" }, { 6, "challenge" }, { 7, "response" },
	{ 8, "debug" }, { 9, "params" }, { 13, "version" }, { 0, NULL }
};

static const struct st_valname rx_reason_names[] = {
	{ 1, "Ack Requested" }, { 2, "Duplicate Packet" },
	{ 3, "Out Of Sequence" }, { 4, "Exceeds Window" }, { 5, "No Space" },
	{ 6, "Ping" }, { 7, "Ping Response" }, { 8, "Delay" }, { 9, "Idle" },
	{ 0, NULL }
};

static const struct st_valname rx_ack_names[] = {
	{ 0, "NACK" }, { 1, "ACK" }, { 0, NULL }
};

static const struct st_field_desc rx_fields[] = {
	FD("epoch", "rx.epoch", "Epoch", 0, 32, ST_FMT_TEXT),
	FD("cid", "rx.cid", "Connection ID", 32, 32, ST_FMT_DEC),
	FD("call", "rx.callnumber", "Call number", 64, 32, ST_FMT_DEC),
	FD("seq", "rx.seq", "Sequence number", 96, 32, ST_FMT_DEC),
	FD("serial", "rx.serial", "Serial", 128, 32, ST_FMT_DEC),
	FDN("type", "rx.type", "Type", 160, 8, ST_FMT_DEC, rx_type_names),
	FD("flags", "rx.flags", "Flags", 168, 8, ST_FMT_HEX),
	FDD(NULL, "rx.flags.free_packet", "Free packet", 171, 1, ST_FMT_BOOL),
	FDD(NULL, "rx.flags.more_packets", "More packets", 172, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "rx.flags.last_packet", "Last packet", 173, 1, ST_FMT_BOOL),
	FDD(NULL, "rx.flags.request_ack", "Request ack", 174, 1, ST_FMT_BOOL),
	FDD(NULL, "rx.flags.client_init", "Client initiated", 175, 1,
	    ST_FMT_BOOL),
	FD(NULL, "rx.userstatus", "User status", 176, 8, ST_FMT_DEC),
	FD("secidx", "rx.securityindex", "Security index", 184, 8, ST_FMT_DEC),
	FD(NULL, "rx.spare", "Spare (checksum)", 192, 16, ST_FMT_DEC),
	FD("service", "rx.serviceid", "Service ID", 208, 16, ST_FMT_DEC),
	FD(NULL, "rx.bufferspace", "Buffer space", 224, 16, ST_FMT_DEC),
	FD(NULL, "rx.maxskew", "Max skew", 240, 16, ST_FMT_DEC),
	FD(NULL, "rx.first", "First packet", 256, 32, ST_FMT_DEC),
	FD(NULL, "rx.prev", "Previous packet", 288, 32, ST_FMT_DEC),
	FD(NULL, "rx.serial", "Serial acknowledged", 320, 32, ST_FMT_DEC),
	FDN(NULL, "rx.reason", "Reason", 352, 8, ST_FMT_DEC, rx_reason_names),
	FD(NULL, "rx.num_acks", "Number of acks", 360, 8, ST_FMT_DEC),
	FDN(NULL, "rx.ack_type", "Ack type", 0, 8, ST_FMT_DEC, rx_ack_names),
	FD(NULL, "rx.max_mtu", "Max MTU", 0, 32, ST_FMT_DEC),
	FD(NULL, "rx.if_mtu", "Interface MTU", 0, 32, ST_FMT_DEC),
	FD(NULL, "rx.rwind", "Receive window", 0, 32, ST_FMT_DEC),
	FD(NULL, "rx.max_packets", "Max packets", 0, 32, ST_FMT_DEC),
	FD(NULL, "rx.version", "Version", 224, 32, ST_FMT_DEC),
	FD(NULL, "rx.nonce", "Nonce", 256, 32, ST_FMT_HEX),
	FD(NULL, "rx.min_level", "Min level", 288, 32, ST_FMT_DEC),
	FD(NULL, "rx.epoch", "Epoch (encrypted part)", 288, 32, ST_FMT_TEXT),
	FD(NULL, "rx.cid", "Connection ID (encrypted part)", 320, 32,
	    ST_FMT_DEC),
	FD(NULL, "rx.securityindex", "Security index (encrypted part)", 384,
	    8, ST_FMT_DEC),
	FD(NULL, "rx.callnumber", "Call number (encrypted part)", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "rx.inc_nonce", "Incremented nonce", 544, 32, ST_FMT_HEX),
	FD(NULL, "rx.level", "Level", 576, 32, ST_FMT_DEC),
	FD(NULL, "rx.kvno", "Key version", 608, 32, ST_FMT_DEC),
	FD(NULL, "rx.ticket_len", "Ticket length", 640, 32, ST_FMT_DEC),
	FD(NULL, "rx.ticket", "Ticket", 0, 0, ST_FMT_BYTES),
	FD(NULL, "rx.abort_code", "Abort code", 224, 32, ST_FMT_TEXT),
};

#define R(i)	(&rx_fields[(i)])

/* A 32-bit count of seconds at byte off as Wireshark shows a time. */
static void
rx_time(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off)
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	struct st_cur w = *c;
	struct tm tm;
	char buf[64];
	time_t t;

	w.off += off;
	if (!st_cur_need(&w, 4)) {
		c->err = w.err;
		return;
	}
	t = (time_t)st_peek_bits(&w, 0, 32);
	if (gmtime_r(&t, &tm) == NULL)
		return;
	snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d.000000000 UTC",
	    mon[tm.tm_mon], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	st_dtext(d, c, fd, off, 4, buf);
}

/* An abort's code: a signed 32-bit number (negative: an RX error). */
static void
rx_abort(struct st_dctx *d, struct st_cur *c)
{
	char buf[16];

	if (!st_cur_need(c, 32))
		return;
	snprintf(buf, sizeof(buf), "%d", (int)(int32_t)st_peek_bits(c, 224,
	    32));
	st_dtext(d, c, R(F_ABORT), 28, 4, buf);
}

/* An ack: the window's state, one byte per packet acknowledged or not,
 * then (after 3 bytes of padding) up to four words some senders add. */
static size_t
rx_ack(struct st_dctx *d, struct st_cur *c, size_t left)
{
	size_t off, i, n;

	st_dfields(d, c, R(F_BUFSPACE), F_ACKTYPE - F_BUFSPACE);
	if (c->err != ST_OK)
		return left;
	n = (size_t)st_peek_bits(c, 360, 8);
	for (off = 46, i = 0; i < n && off < left; i++, off++)	/* n < 256 */
		st_dbytes(d, c, R(F_ACKTYPE), off, 1);
	if (i < n) {
		c->err = ST_ETRUNC;
		return left;
	}
	if (left - off <= 3)
		return off;
	off += 3;
	for (i = 0; i < 4 && off + 4 <= left; i++, off += 4)
		st_dbytes(d, c, R(F_MAXMTU + i), off, 4);
	return off;
}

/* A version 2 (rxkad) response: the encrypted part, key version, ticket. */
static size_t
rx_response(struct st_dctx *d, struct st_cur *c, size_t left)
{
	size_t i, tl;

	st_dfield(d, c, R(F_VERSION));
	if (c->err != ST_OK || st_peek_bits(c, 224, 32) != 2)
		return c->err != ST_OK ? left : 32;
	rx_time(d, c, R(F_EEPOCH), 36);
	st_dfield(d, c, R(F_ECID));
	st_dfield(d, c, R(F_ESECIDX));
	for (i = 0; i < 4; i++)
		st_dbytes(d, c, R(F_ECALL), 52 + 4 * i, 4);
	st_dfields(d, c, R(F_INCNONCE), F_TICKET - F_INCNONCE);
	if (c->err != ST_OK)
		return left;
	tl = (size_t)st_peek_bits(c, 640, 32);
	if (tl > left - 84) {
		if (st_cur_left(c) < d->pkt->len - c->off)	/* cut short */
			c->err = ST_ETRUNC;
		else
			st_dmalformed(d, "ticket length %zu exceeds the %zu "
			    "bytes left", tl, left - 84);
		return left;
	}
	if (tl > 0)
		st_dbytes(d, c, R(F_TICKET), 84, tl);
	return 84 + tl;
}

static int
rx_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), hdr = 28;
	unsigned type;

	/* As Wireshark: a datagram on an RX port is RX only if it has the
	 * header and a known type. */
	if (left < 28)
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_ENOTME;
	type = (unsigned)st_peek_bits(c, 160, 8);
	if (type == 0 || type == 10 || type == 11 || type == 12 || type > 13)
		return ST_ENOTME;
	rx_time(d, c, R(F_EPOCH), 0);
	st_dfields(d, c, R(F_CID), F_NHDR - F_CID);
	switch (type) {
	case 2:
		hdr = rx_ack(d, c, left);
		break;
	case 4:
		rx_abort(d, c);
		hdr = 32;
		break;
	case 6:
		st_dfield(d, c, R(F_VERSION));
		if (c->err == ST_OK && st_peek_bits(c, 224, 32) == 2)
			st_dfields(d, c, R(F_NONCE), 2);
		hdr = 40;
		break;
	case 7:
		hdr = rx_response(d, c, left);
		break;
	}
	d->hdr = hdr < left ? hdr : left;
	if (c->err != ST_OK)
		return c->err;
	if (type != 1) {
		d->data = 1;
		return ST_OK;
	}
	/* A data packet's bytes are an AFS call's, for the server at the
	 * destination of what the client sent, else at the source. */
	d->next_key = ST_KEY_RXPORT;
	d->next_val = (uint64_t)st_dport(d->pkt, d->ly,
	    (st_peek_bits(c, 168, 8) & 1) ? 1 : 0);
	return ST_OK;
}

static const struct st_bind rx_binds[] = {
	{ ST_KEY_UDPPORT, 7000 }, { ST_KEY_UDPPORT, 7001 },
	{ ST_KEY_UDPPORT, 7002 }, { ST_KEY_UDPPORT, 7003 },
	{ ST_KEY_UDPPORT, 7004 }, { ST_KEY_UDPPORT, 7005 },
	{ ST_KEY_UDPPORT, 7006 }, { ST_KEY_UDPPORT, 7007 },
	{ ST_KEY_UDPPORT, 7008 }, { ST_KEY_UDPPORT, 7009 },
	{ ST_KEY_UDPPORT, 7021 },	/* AFS backups */
};

/* tcpdump's words for the flags, lowest bit first. */
static void
rx_sum_flags(struct st_out *o, uint64_t fl)
{
	static const char *const words[] = { "<client-init>", "<req-ack>",
	    "<last-pckt>", "<more-pckts>", "<free-pckt>" };
	unsigned i, n = 0;

	for (i = 0; i < 5; i++)
		if (fl >> i & 1) {
			st_out_puts(o, n++ == 0 ? " " : ",");
			st_out_puts(o, words[i]);
		}
}

/* As tcpdump: "rx data cid 458586716 call# 290 seq 1 ser 431
 * <client-init>,<last-pckt>", an ack's first packet and reason. */
static int
rx_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_ABORT + 1];
	struct st_out *o = s->o;
	const char *t;

	st_ly_fields(s->pkt, ly, rx_fields, F_ABORT + 1, f);
	t = f[F_TYPE] != NULL ? st_valname(rx_type_names,
	    (uint32_t)f[F_TYPE]->val) : NULL;
	st_out_puts(o, "rx ");
	st_out_puts(o, t != NULL ? t : "?");
	st_out_puts(o, " cid ");
	s->value(s, f[F_CID]);
	st_out_puts(o, " call# ");
	s->value(s, f[F_CALL]);
	st_out_puts(o, " seq ");
	s->value(s, f[F_SEQ]);
	st_out_puts(o, " ser ");
	s->value(s, f[F_SERIAL]);
	rx_sum_flags(o, f[F_FLAGS] != NULL ? f[F_FLAGS]->val : 0);
	if (f[F_FIRST] != NULL) {
		st_out_puts(o, " first ");
		s->value(s, f[F_FIRST]);
		st_out_puts(o, " reason ");
		s->value(s, f[F_REASON]);
	}
	if (f[F_ABORT] != NULL) {
		st_out_puts(o, " code ");
		s->value(s, f[F_ABORT]);
	}
	return 1;
}

static const struct st_field_desc *const rx_keys[] = {
	R(F_TYPE), R(F_CID), R(F_CALL), R(F_SEQ), R(F_SERVICE), NULL,
};

const struct st_proto st_proto_rx = {
	.name = "rx",
	.ws = "rx",
	.title = "RX Protocol (AFS)",
	.rfc = "OpenAFS RX specification",
	.role = ST_ROLE_APP,
	.fields = rx_fields,
	.nfields = NFIELDS(rx_fields),
	.decode = rx_decode,
	.binds = rx_binds,
	.nbinds = NFIELDS(rx_binds),
	.summary = rx_summary,
	.keys = rx_keys,
	.color = "\033[33m",
	.explain = "RX carries the remote procedure calls of AFS over UDP: "
	    "a connection (epoch and connection ID) holds up to four calls "
	    "(the ID's low bits), each a numbered sequence of data packets "
	    "that acks, with one byte per packet in the window, acknowledge; "
	    "rxkad's challenge and response authenticate the connection.  "
	    "The spare field holds a header checksum only when the security "
	    "class computes one.",
};
