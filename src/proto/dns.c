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
#include "dns.h"

extern const struct st_proto st_proto_mdns, st_proto_llmnr;

static const struct st_valname opcode_names[] = {
	{ 0, "standard query" }, { 1, "inverse query" }, { 2, "status" },
	{ 4, "notify" }, { 5, "update" }, { 6, "DSO" }, { 0, NULL }
};

static const struct st_valname rcode_names[] = {
	{ 0, "no error" }, { 1, "format error" }, { 2, "server failure" },
	{ 3, "no such name" }, { 4, "not implemented" }, { 5, "refused" },
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

/* One EDNS option of n data bytes at pos (its code and length before). */
static void
edns_option(struct st_dctx *d, struct dns_msg *m, unsigned code, size_t pos,
    size_t n)
{
	struct st_cur oc = m->c;
	char text[DNS_NAME];
	unsigned fam;

	oc.off += pos - 4;
	st_dfield(d, &oc, &st_dns_rr[R_OPTCODE]);
	st_dfield(d, &oc, &st_dns_rr[R_OPTLEN]);
	if (n == 0)
		return;
	st_dbytes(d, &m->c, &st_dns_rr[R_OPTDATA], pos, n);
	if (code == 10 && n >= 8) {		/* cookie, RFC 7873 */
		st_dbytes(d, &m->c, &st_dns_rr[R_CKCLIENT], pos, 8);
		/* Wireshark shows an absent server cookie as empty. */
		st_dbytes(d, &m->c, &st_dns_rr[R_CKSERVER], pos + 8, n - 8);
	} else if (code == 11 && n == 2) {	/* TCP keepalive, RFC 7828 */
		st_dbytes(d, &m->c, &st_dns_rr[R_KATIME], pos, 2);
	} else if (code == 15 && n >= 2) {	/* extended error, RFC 8914 */
		st_dbytes(d, &m->c, &st_dns_rr[R_EECODE], pos, 2);
		st_escape(m->c.base + m->c.off + pos + 2, n - 2, text,
		    sizeof(text));
		st_dtext(d, &m->c, &st_dns_rr[R_EETEXT], pos + 2, n - 2, text);
	} else if (code == 12) {		/* padding, RFC 7830 */
		st_dbytes(d, &m->c, &st_dns_rr[R_PADDING], pos, n);
	} else if (code == 8 && n >= 4) {	/* client subnet, RFC 7871 */
		st_dfield(d, &oc, &st_dns_rr[R_ECSFAM]);
		st_dfield(d, &oc, &st_dns_rr[R_ECSMASK]);
		st_dfield(d, &oc, &st_dns_rr[R_ECSSCOPE]);
		/* Only a whole address: Wireshark pads a shorter prefix. */
		fam = dns_byte(m, pos) << 8 | dns_byte(m, pos + 1);
		if (fam == 1 && n == 8)
			st_dbytes(d, &m->c, &st_dns_rr[R_ECS4], pos + 4, 4);
		else if (fam == 2 && n == 20)
			st_dbytes(d, &m->c, &st_dns_rr[R_ECS6], pos + 4, 16);
	}
}

/*
 * The OPT pseudo-record from its class at pos (RFC 6891): EDNS facts in
 * class and TTL, options as its data.  Returns the position after it, or 0
 * when its data runs past the message.
 */
static size_t
opt_record(struct st_dctx *d, struct dns_msg *m, size_t pos)
{
	struct st_cur oc = m->c;
	size_t rdlen, end, n;
	unsigned i;

	oc.off += pos;
	for (i = R_UDPSIZE; i <= R_EZRES; i++)
		st_dfield(d, &oc, &st_dns_rr[i]);
	st_dbytes(d, &m->c, &st_dns_rr[R_RDLEN], pos + 6, 2);
	rdlen = dns_byte(m, pos + 6) << 8 | dns_byte(m, pos + 7);
	pos += 8;
	if (!dns_at(m, pos, rdlen))
		return 0;
	end = pos + rdlen;
	for (i = 0; i < DNS_MAXRR && pos + 4 <= end; i++) {
		n = dns_byte(m, pos + 2) << 8 | dns_byte(m, pos + 3);
		if (n > end - pos - 4)
			break;
		edns_option(d, m, dns_byte(m, pos) << 8 | dns_byte(m, pos + 1),
		    pos + 4, n);
		pos += 4 + n;
	}
	return end;
}

/* The class at pos of a question (q) or record; mDNS splits it. */
static void
rr_class(struct st_dctx *d, struct dns_msg *m, size_t pos, int q)
{
	struct st_cur cc = m->c;

	if (d->ly->proto != &st_proto_mdns) {
		st_dbytes(d, &m->c, &st_dns_rr[q ? R_QCLASS : R_CLASS], pos, 2);
		return;
	}
	cc.off += pos;
	st_dfield(d, &cc, &st_dns_rr[q ? R_MQCLASS : R_MCLASS]);
	st_dfield(d, &cc, &st_dns_rr[q ? R_QU : R_FLUSH]);
}

/* Questions and records after the header; stops at the first fault. */
static void
records(struct st_dctx *d, struct dns_msg *m, const unsigned *count)
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
			if ((sect == 0 ? st_dns_name(d, m, &pos,
			    &st_dns_rr[R_QNAME]) : st_dns_owner(d, m, &pos))
			    != 0) {
				st_dmalformed(d, "%s", m->why);
				return;
			}
			if (!dns_at(m, pos, sect == 0 ? 4 : 10)) {
				st_dmalformed(d, "record cut short");
				return;
			}
			t = dns_byte(m, pos) << 8 | dns_byte(m, pos + 1);
			if (sect == 0) {
				st_dbytes(d, &m->c, &st_dns_rr[R_QTYPE], pos, 2);
				rr_class(d, m, pos + 2, 1);
				pos += 4;
				continue;
			}
			st_dbytes(d, &m->c, &st_dns_rr[R_TYPE], pos, 2);
			if (t == 41) {
				if ((pos = opt_record(d, m, pos + 2)) == 0) {
					st_dmalformed(d, "OPT record data runs "
					    "past the message");
					return;
				}
				continue;
			}
			rr_class(d, m, pos + 2, 0);
			st_dbytes(d, &m->c, &st_dns_rr[R_TTL], pos + 4, 4);
			st_dbytes(d, &m->c, &st_dns_rr[R_RDLEN], pos + 8, 2);
			rdlen = dns_byte(m, pos + 8) << 8 | dns_byte(m, pos + 9);
			pos += 10;
			if (!dns_at(m, pos, rdlen)) {
				st_dmalformed(d, "record data of %zu bytes runs "
				    "past the message", rdlen);
				return;
			}
			st_dns_rdata(d, m, t, pos, rdlen);
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
	struct dns_msg m;

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

/* @reasm */
/*
 * Over TCP a message is its two-byte length and that many bytes (RFC 1035
 * 4.2.2; strata/proto.h, pdu_len).  What there is of the header must be
 * DNS's, as the decoder wants it.
 */
static size_t
dns_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), n;
	unsigned op;

	if (left < 2)
		return left == 0 ? 0 : ST_PDU_MORE;
	if ((n = (size_t)st_peek_bits(c, 0, 16)) < 12)
		return 0;
	if (left >= 5) {
		op = (unsigned)st_peek_bits(c, 33, 4);
		if (op == 3 || op > 6)
			return 0;
	}
	if (left >= 8 && st_peek_bits(c, 48, 16) > 64)
		return 0;
	return 2 + n;
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
		if (f->desc == &st_dns_rr[R_TYPE]) {
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
		if (f->desc == &st_dns_rr[R_A] || f->desc == &st_dns_rr[R_AAAA])
			dns_sum_data(s, f, 0);
		else if (f->desc == &st_dns_rr[R_CNAME] ||
		    f->desc == &st_dns_rr[R_NS] || f->desc == &st_dns_rr[R_PTR])
			dns_sum_data(s, f, 1);
		else if (f->desc == &st_dns_rr[R_MXPREF] ||
		    f->desc == &st_dns_rr[R_SRVPRIO]) {
			pref = f;	/* written with the name after it */
			continue;
		} else if (f->desc == &st_dns_rr[R_SRVTARGET] && pref != NULL &&
		    f > pref + 2) {
			/* tcpdump's "SRV target.:port priority weight" */
			dns_sum_data(s, f, 1);
			st_out_putc(s->o, ':');
			s->value(s, pref + 2);
			dns_sum_data(s, pref, 0);
			dns_sum_data(s, pref + 1, 0);
		} else if (f->desc == &st_dns_rr[R_MX]) {
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
	st_ly_fields(s->pkt, ly, st_dns_rr, R_AAAA + 1, r);
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
	&dns_fields[F_ID], &dns_fields[F_QR], &st_dns_rr[R_QNAME],
	&st_dns_rr[R_QTYPE], &dns_fields[F_AN], &st_dns_rr[R_A],
	&st_dns_rr[R_AAAA], NULL,
};

const struct st_proto st_proto_dns = {
	.name = "dns",
	.ws = "dns",
	.title = "Domain Name System",
	.rfc = "RFC 1035",
	.role = ST_ROLE_APP,
	.fields = dns_fields,
	.nfields = NFIELDS(dns_fields),
	.more = st_dns_rr,
	.nmore = NFIELDS(st_dns_rr),
	.decode = dns_decode,
	.binds = dns_binds,
	.nbinds = NFIELDS(dns_binds),
	.summary = dns_summary,
	.keys = dns_keys,
	.color = "\033[95m",
	.explain = "The Internet's name lookups: a query names a domain and "
	    "a record type, the answer carries records (A and AAAA addresses, "
	    "CNAME aliases, MX mail hosts, SRV service locations, TXT text, "
	    "HTTPS/SVCB connection hints, DNSSEC signatures and proofs of "
	    "absence: RRSIG, NSEC, NSEC3). Over UDP or TCP port 53; EDNS "
	    "(RFC 6891) adds an OPT record with a larger UDP size, the DO bit "
	    "and options such as cookies (RFC 7873) and client subnet.",
	/* @reasm */
	.pdu_len = dns_pdu_len,
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
	.more = st_dns_rr,
	.nmore = NFIELDS(st_dns_rr),
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
	.more = st_dns_rr,
	.nmore = NFIELDS(st_dns_rr),
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
