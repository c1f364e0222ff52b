/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MQTT (TCP 1883), versions 3.1, 3.1.1 and 5: each control packet's fixed
 * header (type and flags, the remaining length as a variable-length
 * integer), then CONNECT (protocol name and level, connect flags, keep
 * alive, client ID, will topic and message, user name, password),
 * CONNACK, PUBLISH (topic, packet identifier, message), the
 * acknowledgements, SUBSCRIBE/SUBACK, UNSUBSCRIBE and the bodiless PING
 * and DISCONNECT.  One layer per packet; a segment's further packets
 * follow as layers of their own, as tshark shows them.
 *
 * Version 5 adds properties to most packets; only CONNECT says its own
 * version, so strata skips a CONNECT's properties by their length and
 * reads the other packets as 3.1.1 (tshark would need the conversation's
 * CONNECT too).
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define MQTT_PORT	1883
#define MQTT_TEXT	256	/* bytes of one string shown */
#define MQTT_ITEMS	128	/* topics of one (UN)SUBSCRIBE / SUBACK */

enum { Q_LEN, Q_CONACK_RES, Q_CONACK_VAL, Q_MSGID, Q_SUBQOS, Q_SUBACKQOS,
	Q_TOPICLEN, Q_TOPIC, Q_WTOPICLEN, Q_WTOPIC, Q_WMSGLEN, Q_WMSG,
	Q_UNAMELEN, Q_UNAME, Q_PASSLEN, Q_PASS, Q_MSG, Q_PROTOLEN, Q_PROTO,
	Q_VER, Q_KALIVE, Q_CIDLEN, Q_CID, Q_PROPLEN, Q_NMQTT };

static const struct st_valname type_names[] = {
	{ 1, "Connect Command" }, { 2, "Connect Ack" },
	{ 3, "Publish Message" }, { 4, "Publish Ack" },
	{ 5, "Publish Received" }, { 6, "Publish Release" },
	{ 7, "Publish Complete" }, { 8, "Subscribe Request" },
	{ 9, "Subscribe Ack" }, { 10, "Unsubscribe Request" },
	{ 11, "Unsubscribe Ack" }, { 12, "Ping Request" },
	{ 13, "Ping Response" }, { 14, "Disconnect Req" },
	{ 15, "Authentication Exchange" }, { 0, NULL },
};

static const struct st_valname conack_names[] = {
	{ 0, "Connection Accepted" },
	{ 1, "Connection Refused: unacceptable protocol version" },
	{ 2, "Connection Refused: identifier rejected" },
	{ 3, "Connection Refused: server unavailable" },
	{ 4, "Connection Refused: bad user name or password" },
	{ 5, "Connection Refused: not authorized" }, { 0, NULL },
};

/* The fixed header's first byte and the connect flags: bits, one table
 * (the flags a packet type has are picked by index). */
enum { H_FLAGS, H_TYPE, H_DUP, H_QOS, H_RETAIN, H_RETRES, H_RES, H_CONF,
	H_NBITS = H_CONF + 8 };

static const struct st_field_desc mq_bits[H_NBITS] = {
	[H_FLAGS] = FD(NULL, "mqtt.hdrflags", "Header Flags", 0, 8,
	    ST_FMT_HEX),
	[H_TYPE] = FDDN(NULL, "mqtt.msgtype", "Message Type", 0, 4,
	    ST_FMT_DEC, type_names),
	[H_DUP] = FDD(NULL, "mqtt.dupflag", "DUP Flag", 4, 1, ST_FMT_BOOL),
	[H_QOS] = FDD(NULL, "mqtt.qos", "QoS Level", 5, 2, ST_FMT_DEC),
	[H_RETAIN] = FDD(NULL, "mqtt.retain", "Retain", 7, 1, ST_FMT_BOOL),
	[H_RETRES] = FDD(NULL, "mqtt.retain_reserved", "Reserved", 7, 1,
	    ST_FMT_DEC),
	[H_RES] = FDD(NULL, "mqtt.hdr_reserved", "Reserved", 4, 4,
	    ST_FMT_DEC),
	[H_CONF] = FD(NULL, "mqtt.conflags", "Connect Flags", 0, 8,
	    ST_FMT_HEX),
	FDD(NULL, "mqtt.conflag.uname", "User Name Flag", 0, 1, ST_FMT_BOOL),
	FDD(NULL, "mqtt.conflag.passwd", "Password Flag", 1, 1, ST_FMT_BOOL),
	FDD(NULL, "mqtt.conflag.retain", "Will Retain", 2, 1, ST_FMT_BOOL),
	FDD(NULL, "mqtt.conflag.qos", "QoS Level", 3, 2, ST_FMT_DEC),
	FDD(NULL, "mqtt.conflag.willflag", "Will Flag", 5, 1, ST_FMT_BOOL),
	FDD(NULL, "mqtt.conflag.cleansess", "Clean Session Flag", 6, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "mqtt.conflag.reserved", "(Reserved)", 7, 1, ST_FMT_BOOL),
};

#define N(i, n, l)	[i] = FD(NULL, "mqtt." n, l, 0, 0, ST_FMT_DEC)
#define T(i, n, l)	[i] = FD(NULL, "mqtt." n, l, 0, 0, ST_FMT_TEXT)
#define B(i, n, l)	[i] = FD(NULL, "mqtt." n, l, 0, 0, ST_FMT_BYTES)

static const struct st_field_desc mq_fields[Q_NMQTT] = {
	N(Q_LEN, "len", "Msg Len"),
	N(Q_CONACK_RES, "conack.flags.reserved", "Reserved"),
	[Q_CONACK_VAL] = FDN(NULL, "mqtt.conack.val", "Return Code", 0, 0,
	    ST_FMT_DEC, conack_names),
	N(Q_MSGID, "msgid", "Message Identifier"),
	N(Q_SUBQOS, "sub.qos", "Requested QoS"),
	N(Q_SUBACKQOS, "suback.qos", "Granted QoS"),
	N(Q_TOPICLEN, "topic_len", "Topic Length"),
	T(Q_TOPIC, "topic", "Topic"),
	N(Q_WTOPICLEN, "willtopic_len", "Will Topic Length"),
	T(Q_WTOPIC, "willtopic", "Will Topic"),
	N(Q_WMSGLEN, "willmsg_len", "Will Message Length"),
	B(Q_WMSG, "willmsg", "Will Message"),
	N(Q_UNAMELEN, "username_len", "User Name Length"),
	T(Q_UNAME, "username", "User Name"),
	N(Q_PASSLEN, "passwd_len", "Password Length"),
	T(Q_PASS, "passwd", "Password"),
	B(Q_MSG, "msg", "Message"),
	N(Q_PROTOLEN, "proto_len", "Protocol Name Length"),
	T(Q_PROTO, "protoname", "Protocol Name"),
	N(Q_VER, "ver", "Version"),
	N(Q_KALIVE, "kalive", "Keep Alive"),
	N(Q_CIDLEN, "clientid_len", "Client ID Length"),
	T(Q_CID, "clientid", "Client ID"),
	N(Q_PROPLEN, "property_len", "Total Length"),
};

/* One packet: its bytes from the fixed header and how far the reading got. */
struct mm {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 pos, end;	/* bounded by the segment */
	int		 short_;	/* the packet ended before a field */
};

static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* A big-endian number of n bytes as field fi; -1 when the packet ends. */
static long
num(struct mm *m, int fi, size_t n)
{
	struct st_field *f;
	unsigned long v = 0;
	size_t i;

	if (m->end - m->pos < n) {
		m->pos = m->end;
		m->short_ = 1;
		return -1;
	}
	for (i = 0; i < n; i++)
		v = v << 8 | m->p[m->pos + i];
	if ((f = st_dbytes(m->d, m->c, &mq_fields[fi], m->pos, n)) != NULL)
		f->val = v;
	m->pos += n;
	return (long)v;
}

/* A 2-byte length (field lfi) then that many bytes (field fi, text or
 * bytes); -1 when the packet ends inside it. */
static long
lenstr(struct mm *m, int lfi, int fi)
{
	char buf[MQTT_TEXT * 4 + 8];
	long n = num(m, lfi, 2);

	if (n < 0)
		return -1;
	if ((size_t)n > m->end - m->pos) {
		m->pos = m->end;
		m->short_ = 1;
		return -1;
	}
	if (mq_fields[fi].fmt == ST_FMT_TEXT) {
		st_escape(m->p + m->pos, (size_t)n < MQTT_TEXT ? (size_t)n :
		    MQTT_TEXT, buf, sizeof(buf));
		st_dtext(m->d, m->c, &mq_fields[fi], m->pos, (size_t)n, buf);
	} else
		st_dbytes(m->d, m->c, &mq_fields[fi], m->pos, (size_t)n);
	m->pos += (size_t)n;
	return n;
}

/* A variable-length integer (at most 4 bytes); -1 when cut or too long. */
static long
varint(const uint8_t *p, size_t n, size_t *used)
{
	unsigned long v = 0;
	size_t i;

	for (i = 0; i < 4 && i < n; i++) {
		v |= (unsigned long)(p[i] & 0x7f) << (7 * i);
		if ((p[i] & 0x80) == 0) {
			*used = i + 1;
			return (long)v;
		}
	}
	*used = i;
	return -1;
}

/* Version 5 properties: their total length, then skipped. */
static void
properties(struct mm *m)
{
	size_t used;
	long n = varint(m->p + m->pos, m->end - m->pos, &used);
	struct st_field *f;

	if (n < 0) {
		m->pos = m->end;
		return;
	}
	if ((f = st_dbytes(m->d, m->c, &mq_fields[Q_PROPLEN], m->pos, used))
	    != NULL)
		f->val = (uint64_t)n;
	m->pos += used;
	m->pos += (size_t)n < m->end - m->pos ? (size_t)n : m->end - m->pos;
}

static void
connect_(struct mm *m)
{
	struct st_cur t = *m->c;
	long ver;
	uint8_t fl;

	if (lenstr(m, Q_PROTOLEN, Q_PROTO) < 0 ||
	    (ver = num(m, Q_VER, 1)) < 0 || m->pos >= m->end)
		return;
	fl = m->p[m->pos];
	t.off += m->pos;
	st_dfields(m->d, &t, &mq_bits[H_CONF], 8);
	m->pos++;
	if (num(m, Q_KALIVE, 2) < 0)
		return;
	if (ver == 5)
		properties(m);
	if (lenstr(m, Q_CIDLEN, Q_CID) < 0)
		return;
	if (fl & 0x04) {
		if (ver == 5)
			properties(m);
		if (lenstr(m, Q_WTOPICLEN, Q_WTOPIC) < 0 ||
		    lenstr(m, Q_WMSGLEN, Q_WMSG) < 0)
			return;
	}
	if ((fl & 0x80) && lenstr(m, Q_UNAMELEN, Q_UNAME) < 0)
		return;
	if (fl & 0x40)
		lenstr(m, Q_PASSLEN, Q_PASS);
}

/* The packet's body by its type. */
static void
body(struct mm *m, unsigned type, unsigned flags)
{
	unsigned k;

	switch (type) {
	case 1:
		connect_(m);
		break;
	case 2:
		num(m, Q_CONACK_RES, 1);
		num(m, Q_CONACK_VAL, 1);
		break;
	case 3:
		if (lenstr(m, Q_TOPICLEN, Q_TOPIC) < 0)
			break;
		if ((flags & 0x06) != 0 && num(m, Q_MSGID, 2) < 0)
			break;
		st_dbytes(m->d, m->c, &mq_fields[Q_MSG], m->pos,
		    m->end - m->pos);
		m->pos = m->end;
		break;
	case 4: case 5: case 6: case 7: case 11:
		num(m, Q_MSGID, 2);
		break;
	case 8: case 10:
		if (num(m, Q_MSGID, 2) < 0)
			break;
		for (k = 0; k < MQTT_ITEMS && m->pos < m->end; k++)
			if (lenstr(m, Q_TOPICLEN, Q_TOPIC) < 0 ||
			    (type == 8 && num(m, Q_SUBQOS, 1) < 0))
				break;
		break;
	case 9:
		if (num(m, Q_MSGID, 2) < 0)
			break;
		for (k = 0; k < MQTT_ITEMS && m->pos < m->end; k++)
			num(m, Q_SUBACKQOS, 1);
		break;
	}
}

static int
mqtt_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), used, total;
	const uint8_t *p = bytes_at(c, left);
	unsigned type;
	struct st_field *f;
	struct mm m;
	long len;

	if (p == NULL || left == 0)
		return ST_ENOTME;
	type = p[0] >> 4;
	if (type == 0)
		return ST_ENOTME;	/* reserved: not MQTT */
	/* The flags: PUBLISH's own; PUBREL, SUBSCRIBE and UNSUBSCRIBE's
	 * fixed 0010; the others' reserved 0000. */
	st_dfields(d, c, &mq_bits[H_FLAGS], 2);
	if (type == 3)
		st_dfields(d, c, &mq_bits[H_DUP], 3);
	else if (type == 6 || type == 8 || type == 10) {
		st_dfields(d, c, &mq_bits[H_DUP], 2);
		st_dfields(d, c, &mq_bits[H_RETRES], 1);
	} else
		st_dfields(d, c, &mq_bits[H_RES], 1);
	len = varint(p + 1, left - 1, &used);
	if (len < 0) {
		if (used == 4)
			return st_dmalformed(d, "MQTT: remaining length of "
			    "more than 4 bytes");
		return ST_ETRUNC;
	}
	if ((f = st_dbytes(d, c, &mq_fields[Q_LEN], 1, used)) != NULL)
		f->val = (uint64_t)len;
	total = 1 + used + (size_t)len;
	memset(&m, 0, sizeof(m));
	m.d = d;
	m.c = c;
	m.p = p;
	m.pos = 1 + used;
	m.end = total < left ? total : left;
	body(&m, type, p[0] & 0x0f);
	if (total > left) {
		st_pkt_note(d->pkt, "MQTT: a packet continues in a later "
		    "segment");
		d->hdr = left;
		d->plen = 0;
		return ST_OK;
	}
	if (m.short_)
		return st_dmalformed(d, "MQTT: a field runs past the "
		    "packet's remaining length");
	d->hdr = total;
	d->plen = left - total;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another packet */
	return ST_OK;
}

static const struct st_bind mqtt_binds[] = {
	{ ST_KEY_TCPPORT, MQTT_PORT },
};

static void
sum_one(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[Q_NMQTT];
	/* The type from the whole byte: its bits are detail, which the
	 * summary's decode skips. */
	const struct st_field *t = st_pkt_fd(s->pkt, ly, &mq_bits[H_FLAGS]);
	const char *nm = NULL;

	st_ly_fields(s->pkt, ly, mq_fields, Q_NMQTT, f);
	if (t != NULL)
		nm = st_valname(type_names, (uint32_t)t->val >> 4);
	st_out_puts(s->o, nm != NULL ? nm : "Reserved");
	if (f[Q_MSGID] != NULL) {
		st_out_puts(s->o, " (id=");
		s->value(s, f[Q_MSGID]);
		st_out_putc(s->o, ')');
	}
	if (f[Q_TOPIC] != NULL) {
		st_out_puts(s->o, " [");
		s->value(s, f[Q_TOPIC]);
		st_out_putc(s->o, ']');
	}
	if (f[Q_CID] != NULL) {
		st_out_puts(s->o, " client ");
		s->value(s, f[Q_CID]);
	}
	if (f[Q_CONACK_VAL] != NULL && f[Q_CONACK_VAL]->val != 0) {
		st_out_puts(s->o, " refused ");
		s->value(s, f[Q_CONACK_VAL]);
	}
}

/* "mqtt Publish Message [SampleTopic], Disconnect Req": every packet of
 * the segment, as tshark's Info column. */
static int
mqtt_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	unsigned i, n = 0;

	st_out_puts(s->o, "mqtt ");
	for (i = (unsigned)(ly - pkt->layers); i < pkt->nlayers; i++) {
		const struct st_layer *t = &pkt->layers[i];

		if (t->proto != ly->proto || t->depth != ly->depth)
			continue;
		if (n++ == 4) {
			st_out_puts(s->o, ", ...");
			break;
		}
		if (n > 1)
			st_out_puts(s->o, ", ");
		sum_one(s, t);
	}
	return 1;
}

static const struct st_field_desc *const mqtt_keys[] = {
	&mq_bits[H_TYPE], &mq_fields[Q_LEN], &mq_fields[Q_TOPIC],
	&mq_fields[Q_MSGID], NULL,
};

const struct st_proto st_proto_mqtt = {
	.name = "mqtt",
	.ws = "mqtt",
	.title = "MQ Telemetry Transport Protocol",
	.rfc = "MQTT 3.1.1 (OASIS, ISO/IEC 20922) and MQTT 5.0 (OASIS)",
	.role = ST_ROLE_APP,
	.fields = mq_fields,
	.nfields = Q_NMQTT,
	.more = mq_bits,
	.nmore = H_NBITS,
	.decode = mqtt_decode,
	.binds = mqtt_binds,
	.nbinds = NFIELDS(mqtt_binds),
	.summary = mqtt_summary,
	.keys = mqtt_keys,
	.color = "\033[96m",
	.explain = "A publish/subscribe protocol for small devices: a client "
	    "connects to a broker (CONNECT with a client ID, keep-alive "
	    "seconds, optional will, user name and password; CONNACK says "
	    "accepted or why not), subscribes to topic filters (SUBSCRIBE, "
	    "SUBACK grants a QoS per topic) and publishes messages to "
	    "topics (PUBLISH; QoS 1 is acknowledged by PUBACK, QoS 2 by "
	    "PUBREC/PUBREL/PUBCOMP).  Every packet starts with one byte of "
	    "type and flags and its remaining length in 1 to 4 bytes of 7 "
	    "bits each; PINGREQ/PINGRESP keep the connection alive.",
};
