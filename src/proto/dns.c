/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNS (RFC 1035; AAAA RFC 3596), over UDP and over TCP (with its 2-byte
 * length, RFC 7766).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |              ID               |Q|Opcode |A|T|R|R|Z|A|C| RCODE |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           QDCOUNT             |           ANCOUNT             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           NSCOUNT             |           ARCOUNT             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * then questions (name, type, class) and resource records (name, type,
 * class, TTL, data length, data).
 *
 * Names are followed through compression pointers safely: at most
 * DNS_HOPS jumps, no name over 255 bytes, every byte read through the
 * cursor's bounds; a name that breaks a rule ends the message, marked.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

extern const struct st_proto st_proto_mdns, st_proto_llmnr;

#define DNS_HOPS	32	/* compression pointers followed per name */
#define DNS_MAXRR	256	/* questions and records decoded */
#define DNS_NAME	1024	/* an escaped name's text */

static const struct st_valname opcode_names[] = {
	{ 0, "standard query" }, { 1, "inverse query" }, { 2, "status" },
	{ 4, "notify" }, { 5, "update" }, { 6, "DSO" }, { 0, NULL }
};

static const struct st_valname rcode_names[] = {
	{ 0, "no error" }, { 1, "format error" }, { 2, "server failure" },
	{ 3, "no such name" }, { 4, "not implemented" }, { 5, "refused" },
	{ 0, NULL }
};

static const struct st_valname type_names[] = {
	{ 1, "A" }, { 2, "NS" }, { 5, "CNAME" }, { 6, "SOA" }, { 12, "PTR" },
	{ 15, "MX" }, { 16, "TXT" }, { 28, "AAAA" }, { 33, "SRV" },
	{ 41, "OPT" }, { 43, "DS" }, { 46, "RRSIG" }, { 47, "NSEC" },
	{ 48, "DNSKEY" }, { 64, "SVCB" }, { 65, "HTTPS" }, { 255, "ANY" },
	{ 256, "URI" }, { 257, "CAA" }, { 0, NULL }
};

static const struct st_valname class_names[] = {
	{ 1, "IN" }, { 3, "CH" }, { 4, "HS" }, { 254, "NONE" }, { 255, "ANY" },
	{ 0, NULL }
};

enum { F_ID, F_FLAGS, F_QR, F_OPCODE, F_AA, F_TC, F_RD, F_RA, F_Z, F_AD,
	F_CD, F_RCODE, F_QD, F_AN, F_NS, F_AR, F_LEN, F_CONFLICT, F_TENT };

static const struct st_field_desc dns_fields[] = {
	FD("id", "dns.id", "Transaction ID", 0, 16, ST_FMT_HEX),
	FD("flags", "dns.flags", "Flags", 16, 16, ST_FMT_HEX),
	FD("qr", "dns.flags.response", "Response", 16, 1, ST_FMT_BOOL),
	FDDN("opcode", "dns.flags.opcode", "Opcode", 17, 4, ST_FMT_DEC,
	    opcode_names),
	FDD("aa", "dns.flags.authoritative", "Authoritative", 21, 1,
	    ST_FMT_BOOL),
	FDD("tc", "dns.flags.truncated", "Truncated", 22, 1, ST_FMT_BOOL),
	FDD("rd", "dns.flags.recdesired", "Recursion desired", 23, 1,
	    ST_FMT_BOOL),
	FDD("ra", "dns.flags.recavail", "Recursion available", 24, 1,
	    ST_FMT_BOOL),
	FDD("z", "dns.flags.z", "Reserved", 25, 1, ST_FMT_BOOL),
	FDD("ad", "dns.flags.authenticated", "Authenticated data", 26, 1,
	    ST_FMT_BOOL),
	FDD("cd", "dns.flags.checkdisable", "Checking disabled", 27, 1,
	    ST_FMT_BOOL),
	FDN("rcode", "dns.flags.rcode", "Reply code", 28, 4, ST_FMT_DEC,
	    rcode_names),
	FD("qdcount", "dns.count.queries", "Questions", 32, 16, ST_FMT_DEC),
	FD("ancount", "dns.count.answers", "Answer records", 48, 16,
	    ST_FMT_DEC),
	FD("nscount", "dns.count.auth_rr", "Authority records", 64, 16,
	    ST_FMT_DEC),
	FD("arcount", "dns.count.add_rr", "Additional records", 80, 16,
	    ST_FMT_DEC),
	/* Over TCP only, before the message (RFC 7766). */
	FD("length", "dns.length", "Length (TCP only, before the header)", 0,
	    16, ST_FMT_DEC),
	/* LLMNR's flags where DNS has AA and RD (RFC 4795 2.1.1). */
	FDD("c", "dns.flags.conflict", "Conflict", 21, 1, ST_FMT_BOOL),
	FDD("t", "dns.flags.tentative", "Tentative", 23, 1, ST_FMT_BOOL),
};

enum { R_QNAME, R_QTYPE, R_QCLASS, R_NAME, R_TYPE, R_CLASS, R_TTL, R_RDLEN,
	R_A, R_AAAA, R_CNAME, R_NS, R_PTR, R_MXPREF, R_MX, R_TXT, R_MNAME,
	R_RNAME, R_SERIAL, R_REFRESH, R_RETRY, R_EXPIRE, R_MIN, R_DATA,
	R_QNLEN, R_LABELS, R_UDPSIZE, R_EXTRCODE, R_EDNSVER, R_EZ, R_EZDO,
	R_EZRES, R_OPTCODE, R_OPTLEN, R_OPTDATA, R_CKCLIENT, R_CKSERVER,
	R_ECSFAM, R_ECSMASK, R_ECSSCOPE, R_ECS4, R_ECS6, R_QU, R_MQCLASS,
	R_FLUSH, R_MCLASS };

static const struct st_field_desc rr_fields[] = {
	FD(NULL, "dns.qry.name", "Question name", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "dns.qry.type", "Question type", 0, 16, ST_FMT_DEC,
	    type_names),
	FDN(NULL, "dns.qry.class", "Question class", 0, 16, ST_FMT_HEX,
	    class_names),
	FD(NULL, "dns.resp.name", "Name", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "dns.resp.type", "Type", 0, 16, ST_FMT_DEC, type_names),
	FDN(NULL, "dns.resp.class", "Class", 0, 16, ST_FMT_HEX, class_names),
	FD(NULL, "dns.resp.ttl", "Time to live", 0, 32, ST_FMT_DEC),
	FD(NULL, "dns.resp.len", "Data length", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.a", "Address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "dns.aaaa", "AAAA address", 0, 128, ST_FMT_IPV6),
	FD(NULL, "dns.cname", "Canonical name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.ns", "Name server", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.ptr.domain_name", "Domain name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.mx.preference", "Preference", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.mx.mail_exchange", "Mail exchange", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.txt", "Text", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.soa.mname", "Primary name server", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.soa.rname", "Responsible mailbox", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.soa.serial_number", "Serial number", 0, 32, ST_FMT_DEC),
	FD(NULL, "dns.soa.refresh_interval", "Refresh interval", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "dns.soa.retry_interval", "Retry interval", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "dns.soa.expire_limit", "Expire limit", 0, 32, ST_FMT_DEC),
	FD(NULL, "dns.soa.minimum_ttl", "Minimum TTL", 0, 32, ST_FMT_DEC),
	FD(NULL, "dns.data", "Data", 0, 0, ST_FMT_BYTES),
	/* Worked out as Wireshark does: the name's length as text, its
	 * labels. */
	FDG("dns.qry.name.len", "Name length", ST_FMT_DEC, NULL),
	FDG("dns.count.labels", "Label count", ST_FMT_DEC, NULL),
	/* The OPT pseudo-record (RFC 6891): class and TTL hold EDNS facts,
	 * bit offsets from the class. */
	FD(NULL, "dns.rr.udp_payload_size", "UDP payload size", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "dns.resp.ext_rcode", "Higher bits in extended RCODE", 16, 8,
	    ST_FMT_HEX),
	FD(NULL, "dns.resp.edns0_version", "EDNS0 version", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "dns.resp.z", "Z", 32, 16, ST_FMT_HEX),
	FDD(NULL, "dns.resp.z.do", "DO bit", 32, 1, ST_FMT_BOOL),
	FDD(NULL, "dns.resp.z.reserved", "Reserved", 33, 15, ST_FMT_HEX),
	/* Its options, bit offsets from the option. */
	FD(NULL, "dns.opt.code", "Option code", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.opt.len", "Option length", 16, 16, ST_FMT_DEC),
	FD(NULL, "dns.opt.data", "Option data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dns.opt.cookie.client", "Client cookie", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dns.opt.cookie.server", "Server cookie", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dns.opt.client.family", "Family", 32, 16, ST_FMT_DEC),
	FD(NULL, "dns.opt.client.netmask", "Source netmask", 48, 8,
	    ST_FMT_DEC),
	FD(NULL, "dns.opt.client.scope", "Scope netmask", 56, 8, ST_FMT_DEC),
	FD(NULL, "dns.opt.client.addr4", "Client subnet", 0, 32, ST_FMT_IPV4),
	FD(NULL, "dns.opt.client.addr6", "Client subnet", 0, 128,
	    ST_FMT_IPV6),
	/* mDNS: the class's top bit asks for a unicast answer (RFC 6762
	 * 5.4) or flushes the cache (10.2); bit offsets from the class. */
	FDD(NULL, "dns.qry.qu", "Unicast response", 0, 1, ST_FMT_BOOL),
	FDN(NULL, "dns.qry.class", "Question class", 1, 15, ST_FMT_HEX,
	    class_names),
	FDD(NULL, "dns.resp.cache_flush", "Cache flush", 0, 1, ST_FMT_BOOL),
	FDN(NULL, "dns.resp.class", "Class", 1, 15, ST_FMT_HEX, class_names),
};

/* The message: a cursor over it, offsets from its first byte. */
struct msg {
	struct st_cur	 c;		/* positioned at the message's start */
	size_t		 len;
	const char	*why;		/* what broke, when something did */
};

static int
at(struct msg *m, size_t pos, size_t n)
{
	return pos <= m->len && n <= m->len - pos;
}

static unsigned
byte(struct msg *m, size_t pos)
{
	return m->c.base[m->c.off + pos];
}

/*
 * Reads the name at pos into text; sets *wire to the bytes it takes at pos
 * (pointers not followed).  Returns 0, or -1 with m->why set.
 */
static int
read_name(struct msg *m, size_t pos, char *text, size_t tn, size_t *wire)
{
	size_t p = pos, k = 0, total = 0, l;
	int hops = 0, jumped = 0;

	text[0] = '\0';
	for (;;) {
		if (!at(m, p, 1))
			return m->why = "name runs past the message", -1;
		l = byte(m, p);
		if ((l & 0xc0) == 0xc0) {
			if (!at(m, p, 2))
				return m->why = "compression pointer cut short",
				    -1;
			if (!jumped)
				*wire = p + 2 - pos;
			jumped = 1;
			if (++hops > DNS_HOPS)
				return m->why = "compression pointers loop", -1;
			p = (l & 0x3f) << 8 | byte(m, p + 1);
			continue;
		}
		if (l & 0xc0)
			return m->why = "unknown label type", -1;
		if (l == 0) {
			if (!jumped)
				*wire = p + 1 - pos;
			break;
		}
		if (!at(m, p + 1, l))
			return m->why = "label runs past the message", -1;
		if ((total += l + 1) > 255)
			return m->why = "name longer than 255 bytes", -1;
		if (k > 0 && k + 1 < tn)
			text[k++] = '.';
		k += st_escape(m->c.base + m->c.off + p + 1, l, text + k,
		    tn - k);
		p += 1 + l;
	}
	if (k == 0)
		strcpy(text, "<Root>");
	return 0;
}

/* A question name's length as text and its labels, as Wireshark counts
 * them (the root, "<Root>", is one label). */
static void
name_len(struct st_dctx *d, const char *text)
{
	size_t n = strlen(text), i, labels = 0;

	if (n > 1) {
		for (i = 0; i < n; i++)
			labels += text[i] == '.';
		labels++;
	}
	st_dgen(d, &rr_fields[R_QNLEN], n);
	st_dgen(d, &rr_fields[R_LABELS], labels);
}

/* Adds the name at *pos as field fd and moves past it. */
static int
name_field(struct st_dctx *d, struct msg *m, size_t *pos,
    const struct st_field_desc *fd)
{
	char text[DNS_NAME];
	size_t wire = 0;

	if (read_name(m, *pos, text, sizeof(text), &wire) != 0)
		return -1;
	st_dtext(d, &m->c, fd, *pos, wire, text);
	*pos += wire;
	if (fd == &rr_fields[R_QNAME])
		name_len(d, text);
	return 0;
}

/* The data of one record of type t, n bytes at pos. */
static void
rdata(struct st_dctx *d, struct msg *m, unsigned t, size_t pos, size_t n)
{
	size_t p = pos, end = pos + n, k;
	char text[DNS_NAME];

	switch (t) {
	case 1:
		if (n == 4) {
			st_dbytes(d, &m->c, &rr_fields[R_A], pos, 4);
			return;
		}
		break;
	case 28:
		if (n == 16) {
			st_dbytes(d, &m->c, &rr_fields[R_AAAA], pos, 16);
			return;
		}
		break;
	case 2:
	case 5:
	case 12:
		if (name_field(d, m, &p, &rr_fields[t == 2 ? R_NS : t == 5 ?
		    R_CNAME : R_PTR]) == 0)
			return;
		m->why = NULL;
		break;
	case 15:
		if (n >= 3) {
			st_dbytes(d, &m->c, &rr_fields[R_MXPREF], pos, 2);
			p += 2;
			if (name_field(d, m, &p, &rr_fields[R_MX]) == 0)
				return;
			m->why = NULL;
		}
		break;
	case 16:
		while (p < end) {
			k = byte(m, p);
			if (p + 1 + k > end)
				break;
			st_escape(m->c.base + m->c.off + p + 1, k, text,
			    sizeof(text));
			st_dtext(d, &m->c, &rr_fields[R_TXT], p, 1 + k, text);
			p += 1 + k;
		}
		return;
	case 6:
		if (name_field(d, m, &p, &rr_fields[R_MNAME]) == 0 &&
		    name_field(d, m, &p, &rr_fields[R_RNAME]) == 0 &&
		    p + 20 <= end) {
			for (k = 0; k < 5; k++)
				st_dbytes(d, &m->c, &rr_fields[R_SERIAL + k],
				    p + 4 * k, 4);
			return;
		}
		m->why = NULL;
		break;
	}
	if (n > 0)
		st_dbytes(d, &m->c, &rr_fields[R_DATA], pos, n);
}

/* One EDNS option of n data bytes at pos (its code and length before). */
static void
edns_option(struct st_dctx *d, struct msg *m, unsigned code, size_t pos,
    size_t n)
{
	struct st_cur oc = m->c;
	unsigned fam;

	oc.off += pos - 4;
	st_dfield(d, &oc, &rr_fields[R_OPTCODE]);
	st_dfield(d, &oc, &rr_fields[R_OPTLEN]);
	if (n == 0)
		return;
	st_dbytes(d, &m->c, &rr_fields[R_OPTDATA], pos, n);
	if (code == 10 && n >= 8) {		/* cookie, RFC 7873 */
		st_dbytes(d, &m->c, &rr_fields[R_CKCLIENT], pos, 8);
		/* Wireshark shows an empty server cookie when there is none */
		st_dbytes(d, &m->c, &rr_fields[R_CKSERVER], pos + 8, n - 8);
	} else if (code == 8 && n >= 4) {	/* client subnet, RFC 7871 */
		st_dfield(d, &oc, &rr_fields[R_ECSFAM]);
		st_dfield(d, &oc, &rr_fields[R_ECSMASK]);
		st_dfield(d, &oc, &rr_fields[R_ECSSCOPE]);
		/* Only a whole address: Wireshark pads a shorter prefix. */
		fam = byte(m, pos) << 8 | byte(m, pos + 1);
		if (fam == 1 && n == 8)
			st_dbytes(d, &m->c, &rr_fields[R_ECS4], pos + 4, 4);
		else if (fam == 2 && n == 20)
			st_dbytes(d, &m->c, &rr_fields[R_ECS6], pos + 4, 16);
	}
}

/*
 * The OPT pseudo-record from its class at pos (RFC 6891): EDNS facts in
 * class and TTL, options as its data.  Returns the position after it, or 0
 * when its data runs past the message.
 */
static size_t
opt_record(struct st_dctx *d, struct msg *m, size_t pos)
{
	struct st_cur oc = m->c;
	size_t rdlen, end, n;
	unsigned i;

	oc.off += pos;
	for (i = R_UDPSIZE; i <= R_EZRES; i++)
		st_dfield(d, &oc, &rr_fields[i]);
	st_dbytes(d, &m->c, &rr_fields[R_RDLEN], pos + 6, 2);
	rdlen = byte(m, pos + 6) << 8 | byte(m, pos + 7);
	pos += 8;
	if (!at(m, pos, rdlen))
		return 0;
	end = pos + rdlen;
	for (i = 0; i < DNS_MAXRR && pos + 4 <= end; i++) {
		n = byte(m, pos + 2) << 8 | byte(m, pos + 3);
		if (n > end - pos - 4)
			break;
		edns_option(d, m, byte(m, pos) << 8 | byte(m, pos + 1),
		    pos + 4, n);
		pos += 4 + n;
	}
	return end;
}

/* The class at pos of a question (q) or record; mDNS splits it. */
static void
rr_class(struct st_dctx *d, struct msg *m, size_t pos, int q)
{
	struct st_cur cc = m->c;

	if (d->ly->proto != &st_proto_mdns) {
		st_dbytes(d, &m->c, &rr_fields[q ? R_QCLASS : R_CLASS], pos, 2);
		return;
	}
	cc.off += pos;
	st_dfield(d, &cc, &rr_fields[q ? R_MQCLASS : R_MCLASS]);
	st_dfield(d, &cc, &rr_fields[q ? R_QU : R_FLUSH]);
}

/* Questions and records after the header; stops at the first fault. */
static void
records(struct st_dctx *d, struct msg *m, const unsigned *count)
{
	size_t pos = 12, rdlen;
	unsigned sect, i, t, done = 0;

	for (sect = 0; sect < 4; sect++) {
		for (i = 0; i < count[sect]; i++) {
			if (++done > DNS_MAXRR) {
				st_pkt_note(d->pkt, "DNS: more records than "
				    "strata decodes; the rest not shown");
				return;
			}
			if (pos >= m->len) {
				st_dmalformed(d, "%s count says %u, the message "
				    "ends after %u", sect == 0 ? "question" :
				    "record", count[sect], i);
				return;
			}
			if (name_field(d, m, &pos, &rr_fields[sect == 0 ?
			    R_QNAME : R_NAME]) != 0) {
				st_dmalformed(d, "%s", m->why);
				return;
			}
			if (!at(m, pos, sect == 0 ? 4 : 10)) {
				st_dmalformed(d, "record cut short");
				return;
			}
			t = byte(m, pos) << 8 | byte(m, pos + 1);
			if (sect == 0) {
				st_dbytes(d, &m->c, &rr_fields[R_QTYPE], pos, 2);
				rr_class(d, m, pos + 2, 1);
				pos += 4;
				continue;
			}
			st_dbytes(d, &m->c, &rr_fields[R_TYPE], pos, 2);
			if (t == 41) {
				if ((pos = opt_record(d, m, pos + 2)) == 0) {
					st_dmalformed(d, "OPT record data runs "
					    "past the message");
					return;
				}
				continue;
			}
			rr_class(d, m, pos + 2, 0);
			st_dbytes(d, &m->c, &rr_fields[R_TTL], pos + 4, 4);
			st_dbytes(d, &m->c, &rr_fields[R_RDLEN], pos + 8, 2);
			rdlen = byte(m, pos + 8) << 8 | byte(m, pos + 9);
			pos += 10;
			if (!at(m, pos, rdlen)) {
				st_dmalformed(d, "record data of %zu bytes runs "
				    "past the message", rdlen);
				return;
			}
			rdata(d, m, t, pos, rdlen);
			pos += rdlen;
		}
	}
}

/*
 * The header.  As Wireshark, a query leaves out the flags only answers
 * carry (authoritative, recursion available, reply code) and shows
 * authenticated data only when set.
 */
static void
header(struct st_dctx *d, struct st_cur *c)
{
	int resp = (int)st_peek_bits(c, 16, 1);
	unsigned i;

	if (d->ly->proto == &st_proto_llmnr) {
		for (i = 0; i <= F_TENT; i++)
			if (i <= F_OPCODE || i == F_TC || i >= F_QD ||
			    (i == F_RCODE && resp))
				if (i != F_LEN)
					st_dfield(d, c, &dns_fields[i]);
		return;
	}
	if (resp) {
		st_dfields(d, c, dns_fields, F_LEN);
		return;
	}
	for (i = 0; i < F_LEN; i++)
		if (i != F_AA && i != F_RA && i != F_RCODE &&
		    (i != F_AD || st_peek_bits(c, 26, 1)))
			st_dfield(d, c, &dns_fields[i]);
}

static int
dns_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_layer *below = st_dbelow(d->pkt, d->ly);
	int tcp = below != NULL && (below->proto->flags & ST_PF_STREAM);
	size_t left = st_cur_left(c);
	unsigned count[4], op, i;
	struct msg m;

	m.c = *c;
	m.why = NULL;
	if (tcp) {
		if (left < 14 || st_peek_bits(c, 0, 16) < 12)
			return ST_ENOTME;
		m.c.off += 2;
		/* The length prefix bounds the message (more may follow). */
		if (st_peek_bits(c, 0, 16) < left - 2)
			m.c.end = m.c.off + st_peek_bits(c, 0, 16);
	}
	m.len = st_cur_left(&m.c);
	if (m.len < 12)
		return ST_ENOTME;
	op = (unsigned)st_peek_bits(&m.c, 17, 4);
	if (op == 3 || op > 6 || st_peek_bits(&m.c, 32, 16) > 64)
		return ST_ENOTME;	/* not DNS after all */
	if (tcp)
		st_dfield(d, c, &dns_fields[F_LEN]);
	header(d, &m.c);
	for (i = 0; i < 4; i++)
		count[i] = (unsigned)st_peek_bits(&m.c, 32 + 16 * i, 16);
	records(d, &m, count);
	d->hdr = left;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind dns_binds[] = {
	{ ST_KEY_UDPPORT, 53 },
	{ ST_KEY_TCPPORT, 53 },
};

/* Writes field f's text; a domain name ends in "." as tcpdump writes it. */
static void
dns_sum_data(struct st_sumctx *s, const struct st_field *f, int name)
{
	st_out_putc(s->o, ' ');
	s->value(s, f);
	if (name)
		st_out_putc(s->o, '.');
}

/*
 * The answers as tcpdump writes them, in order, at most 8: "CNAME
 * www.strata.test., A 198.18.0.10"; a type it has no data words for by
 * its name alone.
 */
static void
dns_sum_answers(struct st_sumctx *s, const struct st_layer *ly, unsigned an)
{
	const struct st_field *f, *end, *pref = NULL;
	const char *m;
	unsigned n = 0;
	int open = 0;

	f = &s->pkt->fields[ly->field0];
	end = f + ly->nfields;
	for (; f < end; f++) {
		if (f->desc == &rr_fields[R_TYPE]) {
			if (n++ == an)
				return;
			if (n > 8) {
				st_out_puts(s->o, ",...");
				return;
			}
			st_out_puts(s->o, n > 1 ? ", " : " ");
			m = st_field_meaning(f);
			if (m != NULL)
				st_out_puts(s->o, m);
			else
				st_out_printf(s->o, "TYPE%llu",
				    (unsigned long long)f->val);
			open = 1;
			pref = NULL;
			continue;
		}
		if (!open)
			continue;
		if (f->desc == &rr_fields[R_A] || f->desc == &rr_fields[R_AAAA])
			dns_sum_data(s, f, 0);
		else if (f->desc == &rr_fields[R_CNAME] ||
		    f->desc == &rr_fields[R_NS] || f->desc == &rr_fields[R_PTR])
			dns_sum_data(s, f, 1);
		else if (f->desc == &rr_fields[R_MXPREF])
			pref = f;
		else if (f->desc == &rr_fields[R_MX]) {
			dns_sum_data(s, f, 1);
			if (pref != NULL)
				dns_sum_data(s, pref, 0);
		} else
			continue;
		open = 0;		/* one datum per record */
	}
}

/* "dns query 4660 A? example.com", "dns response 4660 A example.com
 * 2/0/0 CNAME www.example.com., A 192.0.2.1": the ID in decimal and the
 * answers as tcpdump writes them. */
static int
dns_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_AR + 1], *r[R_AAAA + 1];
	int resp;
	const char *m;

	st_ly_fields(s->pkt, ly, dns_fields, F_AR + 1, f);
	st_ly_fields(s->pkt, ly, rr_fields, R_AAAA + 1, r);
	resp = f[F_QR] != NULL && f[F_QR]->val != 0;
	st_out_printf(s->o, "%s %s ", ly->proto->name, resp ? "response" :
	    "query");
	if (f[F_ID] != NULL)
		st_out_u64(s->o, f[F_ID]->val);
	else
		st_out_putc(s->o, '?');
	if (r[R_QTYPE] != NULL) {
		m = st_field_meaning(r[R_QTYPE]);
		st_out_printf(s->o, " %s", m != NULL ? m : "?");
		if (!resp)
			st_out_putc(s->o, '?');
		st_out_putc(s->o, ' ');
		s->value(s, r[R_QNAME]);
	}
	if (!resp)
		return 1;
	st_out_printf(s->o, " %u/%u/%u",
	    f[F_AN] != NULL ? (unsigned)f[F_AN]->val : 0,
	    f[F_NS] != NULL ? (unsigned)f[F_NS]->val : 0,
	    f[F_AR] != NULL ? (unsigned)f[F_AR]->val : 0);
	if (f[F_RCODE] != NULL && f[F_RCODE]->val != 0 &&
	    (m = st_field_meaning(f[F_RCODE])) != NULL)
		st_out_printf(s->o, " %s", m);
	if (f[F_AN] != NULL && f[F_AN]->val > 0)
		dns_sum_answers(s, ly, (unsigned)f[F_AN]->val);
	return 1;
}

/* What the diagram shows of a layer in its box title. */
static const struct st_field_desc *const dns_keys[] = {
	&dns_fields[F_ID], &dns_fields[F_QR], &rr_fields[R_QNAME],
	&rr_fields[R_QTYPE], &dns_fields[F_AN], &rr_fields[R_A],
	&rr_fields[R_AAAA], NULL,
};

const struct st_proto st_proto_dns = {
	.name = "dns",
	.ws = "dns",
	.title = "Domain Name System",
	.rfc = "RFC 1035",
	.role = ST_ROLE_APP,
	.fields = dns_fields,
	.nfields = NFIELDS(dns_fields),
	.more = rr_fields,
	.nmore = NFIELDS(rr_fields),
	.decode = dns_decode,
	.binds = dns_binds,
	.nbinds = NFIELDS(dns_binds),
	.summary = dns_summary,
	.keys = dns_keys,
	.color = "\033[95m",
};

/* Multicast DNS (RFC 6762) and LLMNR (RFC 4795): DNS's format, a layer of
 * their own as in Wireshark. */
static const struct st_bind mdns_binds[] = {
	{ ST_KEY_UDPPORT, 5353 },
};

static const struct st_bind llmnr_binds[] = {
	{ ST_KEY_UDPPORT, 5355 },
};

const struct st_proto st_proto_mdns = {
	.name = "mdns",
	.ws = "mdns",
	.title = "Multicast Domain Name System",
	.rfc = "RFC 6762",
	.role = ST_ROLE_APP,
	.fields = dns_fields,
	.nfields = NFIELDS(dns_fields),
	.more = rr_fields,
	.nmore = NFIELDS(rr_fields),
	.decode = dns_decode,
	.binds = mdns_binds,
	.nbinds = NFIELDS(mdns_binds),
	.summary = dns_summary,
	/* No keys: the rows are DNS's (st_desc_proto names dns). */
	.color = "\033[95m",
	.explain = "DNS messages sent to a multicast group on the link "
	    "(224.0.0.251, ff02::fb), port 5353. The top bit of a question's "
	    "class asks for a unicast answer (QU), of a record's class that "
	    "caches flush older records of that name and type.",
};

const struct st_proto st_proto_llmnr = {
	.name = "llmnr",
	.ws = "llmnr",
	.title = "Link-local Multicast Name Resolution",
	.rfc = "RFC 4795",
	.role = ST_ROLE_APP,
	.fields = dns_fields,
	.nfields = NFIELDS(dns_fields),
	.more = rr_fields,
	.nmore = NFIELDS(rr_fields),
	.decode = dns_decode,
	.binds = llmnr_binds,
	.nbinds = NFIELDS(llmnr_binds),
	.summary = dns_summary,
	.color = "\033[95m",
	.explain = "DNS messages for single-label names on the link "
	    "(224.0.0.252, ff02::1:3), port 5355. Where DNS has the "
	    "authoritative and recursion-desired bits, LLMNR has C (the name "
	    "is in conflict) and T (tentative, still being claimed).",
};
