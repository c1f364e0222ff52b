/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNS names and record data (RFC 1035 3.3; SRV RFC 2782, NAPTR RFC 3403,
 * RRSIG/NSEC RFC 4034, NSEC3 RFC 5155, SVCB/HTTPS RFC 9460): the half of
 * DNS that knows each record type, beside dns.c (header, sections, EDNS,
 * descriptors).
 *
 * Every read is checked against the message (dns_at) or the record's
 * data; every list is read with a count limit and progress each step.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "dns.h"

static const struct st_valname type_names[] = {
	{ 1, "A" }, { 2, "NS" }, { 5, "CNAME" }, { 6, "SOA" }, { 12, "PTR" }, { 13, "HINFO" },
	{ 15, "MX" }, { 16, "TXT" }, { 28, "AAAA" }, { 33, "SRV" }, { 35, "NAPTR" },
	{ 41, "OPT" }, { 43, "DS" }, { 46, "RRSIG" }, { 47, "NSEC" },
	{ 48, "DNSKEY" }, { 50, "NSEC3" }, { 51, "NSEC3PARAM" },
	{ 52, "TLSA" }, { 99, "SPF" }, { 64, "SVCB" }, { 65, "HTTPS" }, { 255, "ANY" },
	{ 256, "URI" }, { 257, "CAA" }, { 0, NULL }
};

static const struct st_valname class_names[] = {
	{ 1, "IN" }, { 3, "CH" }, { 4, "HS" }, { 254, "NONE" }, { 255, "ANY" },
	{ 0, NULL }
};

/* SvcParamKeys (RFC 9460 14.3.2). */
static const struct st_valname svc_keys[] = {
	{ 0, "mandatory" }, { 1, "alpn" }, { 2, "no-default-alpn" },
	{ 3, "port" }, { 4, "ipv4hint" }, { 5, "ech" }, { 6, "ipv6hint" },
	{ 0, NULL }
};

const struct st_field_desc st_dns_rr[R_NRR] = {
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
	/* Record types after the first ones; bit offsets from the data. */
	FD(NULL, "dns.txt.length", "TXT length", 0, 8, ST_FMT_DEC),
	FD(NULL, "dns.spf.length", "SPF length", 0, 8, ST_FMT_DEC),
	FD(NULL, "dns.spf", "SPF", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.srv.service", "Service", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.srv.proto", "Protocol", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.srv.name", "Name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.srv.priority", "Priority", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.srv.weight", "Weight", 16, 16, ST_FMT_DEC),
	FD(NULL, "dns.srv.port", "Port", 32, 16, ST_FMT_DEC),
	FD(NULL, "dns.srv.target", "Target", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.naptr.order", "Order", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.naptr.preference", "Preference", 16, 16, ST_FMT_DEC),
	FD(NULL, "dns.naptr.flags_length", "Flags length", 0, 8, ST_FMT_DEC),
	FD(NULL, "dns.naptr.flags", "Flags", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.naptr.service_length", "Service length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "dns.naptr.service", "Service", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.naptr.regex_length", "Regex length", 0, 8, ST_FMT_DEC),
	FD(NULL, "dns.naptr.regex", "Regex", 0, 0, ST_FMT_TEXT),
	/* Wireshark counts the replacement name's text, not its bytes. */
	FDG("dns.naptr.replacement_length", "Replacement length", ST_FMT_DEC,
	    NULL),
	FD(NULL, "dns.naptr.replacement", "Replacement", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "dns.rrsig.type_covered", "Type covered", 0, 16,
	    ST_FMT_DEC, type_names),
	FD(NULL, "dns.rrsig.algorithm", "Algorithm", 16, 8, ST_FMT_DEC),
	FD(NULL, "dns.rrsig.labels", "Labels", 24, 8, ST_FMT_DEC),
	FD(NULL, "dns.rrsig.original_ttl", "Original TTL", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "dns.rrsig.signature_expiration", "Signature expiration", 0,
	    0, ST_FMT_TEXT),
	FD(NULL, "dns.rrsig.signature_inception", "Signature inception", 0,
	    0, ST_FMT_TEXT),
	FD(NULL, "dns.rrsig.key_tag", "Key tag", 128, 16, ST_FMT_DEC),
	FD(NULL, "dns.rrsig.signers_name", "Signer's name", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dns.rrsig.signature", "Signature", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dns.nsec.next_domain_name", "Next domain name", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dns.nsec3.algo", "Hash algorithm", 0, 8, ST_FMT_DEC),
	FD(NULL, "dns.nsec3.flags", "Flags", 8, 8, ST_FMT_DEC),
	FDD(NULL, "dns.nsec3.flags.opt_out", "Opt-out", 15, 1, ST_FMT_BOOL),
	FD(NULL, "dns.nsec3.iterations", "Iterations", 16, 16, ST_FMT_DEC),
	FD(NULL, "dns.nsec3.salt_length", "Salt length", 32, 8, ST_FMT_DEC),
	FD(NULL, "dns.nsec3.salt_value", "Salt", 0, 0, ST_FMT_BYTES),
	FD(NULL, "dns.nsec3.hash_length", "Hash length", 0, 8, ST_FMT_DEC),
	/* Base 32 with the extended hex alphabet (RFC 4648 7), as names
	 * carry it. */
	FD(NULL, "dns.nsec3.hash_value", "Next hashed owner", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "dns.svcb.svcpriority", "SvcPriority", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.svcb.targetname", "TargetName", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "dns.svcb.svcparam.key", "SvcParamKey", 0, 16, ST_FMT_DEC,
	    svc_keys),
	FD(NULL, "dns.svcb.svcparam.value.length", "SvcParamValue length",
	    16, 16, ST_FMT_DEC),
	FD(NULL, "dns.svcb.svcparam.value", "SvcParamValue", 0, 0,
	    ST_FMT_BYTES),
	FDN(NULL, "dns.svcb.svcparam.mandatory.key", "Mandatory key", 0, 16,
	    ST_FMT_DEC, svc_keys),
	FD(NULL, "dns.svcb.svcparam.alpn.length", "ALPN length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "dns.svcb.svcparam.alpn", "ALPN", 0, 0, ST_FMT_TEXT),
	FD(NULL, "dns.svcb.svcparam.port", "Port", 0, 16, ST_FMT_DEC),
	FD(NULL, "dns.svcb.svcparam.ipv4hint.ip", "IPv4 hint", 0, 32,
	    ST_FMT_IPV4),
	FD(NULL, "dns.svcb.svcparam.echconfig", "ECHConfigList", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "dns.svcb.svcparam.ipv6hint.ip", "IPv6 hint", 0, 128,
	    ST_FMT_IPV6),
	/* NSEC's and NSEC3's type bitmaps: Wireshark lists each type under
	 * the record type's own name. */
	FDG("dns.resp.type", "Type in bitmap", ST_FMT_DEC, type_names),
	FD(NULL, "dns.opt.padding", "Padding", 0, 0, ST_FMT_BYTES),
};

/*
 * Reads the name at pos into text; sets *wire to the bytes it takes at pos
 * (pointers not followed).  Returns 0, or -1 with m->why set.
 */
static int
read_name(struct dns_msg *m, size_t pos, char *text, size_t tn, size_t *wire)
{
	size_t p = pos, k = 0, total = 0, l;
	int hops = 0, jumped = 0;

	text[0] = '\0';
	for (;;) {
		if (!dns_at(m, p, 1))
			return m->why = "name runs past the message", -1;
		l = dns_byte(m, p);
		if ((l & 0xc0) == 0xc0) {
			if (!dns_at(m, p, 2))
				return m->why = "compression pointer cut short",
				    -1;
			if (!jumped)
				*wire = p + 2 - pos;
			jumped = 1;
			if (++hops > DNS_HOPS)
				return m->why = "compression pointers loop", -1;
			p = (l & 0x3f) << 8 | dns_byte(m, p + 1);
			continue;
		}
		if (l & 0xc0)
			return m->why = "unknown label type", -1;
		if (l == 0) {
			if (!jumped)
				*wire = p + 1 - pos;
			break;
		}
		if (!dns_at(m, p + 1, l))
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
	st_dgen(d, &st_dns_rr[R_QNLEN], n);
	st_dgen(d, &st_dns_rr[R_LABELS], labels);
}

/* Adds the name at *pos as field fd and moves past it. */
int
st_dns_name(struct st_dctx *d, struct dns_msg *m, size_t *pos,
    const struct st_field_desc *fd)
{
	char text[DNS_NAME];
	size_t wire = 0;

	if (read_name(m, *pos, text, sizeof(text), &wire) != 0)
		return -1;
	st_dtext(d, &m->c, fd, *pos, wire, text);
	*pos += wire;
	if (fd == &st_dns_rr[R_QNAME])
		name_len(d, text);
	return 0;
}

/* Text row fd from the character-string (a length byte, RFC 1035 3.3) at
 * *p, its length as row flen; moves past it.  -1 when it runs past end. */
static int
charstr(struct st_dctx *d, struct dns_msg *m, size_t *p, size_t end,
    unsigned flen, unsigned fd)
{
	char text[DNS_NAME];
	size_t k;

	if (*p >= end)
		return -1;
	/* The length even when it lies, as Wireshark shows it. */
	st_dbytes(d, &m->c, &st_dns_rr[flen], *p, 1);
	if ((k = dns_byte(m, *p)) > end - *p - 1)
		return -1;
	st_escape(m->c.base + m->c.off + *p + 1, k, text, sizeof(text));
	st_dtext(d, &m->c, &st_dns_rr[fd], *p + 1, k, text);
	*p += 1 + k;
	return 0;
}

/* The owner name at *pos: SRV's "_service._proto.name" (RFC 2782) split
 * in three as Wireshark shows it, any other type's whole. */
int
st_dns_owner(struct st_dctx *d, struct dns_msg *m, size_t *pos)
{
	char text[DNS_NAME], *a, *b;
	size_t wire = 0;

	if (read_name(m, *pos, text, sizeof(text), &wire) != 0)
		return -1;
	if (!dns_at(m, *pos + wire, 2) || (dns_byte(m, *pos + wire) << 8 |
	    dns_byte(m, *pos + wire + 1)) != 33 ||
	    (a = strchr(text, '.')) == NULL || (b = strchr(a + 1, '.')) == NULL)
		return st_dns_name(d, m, pos, &st_dns_rr[R_NAME]);
	*a = *b = '\0';
	st_dtext(d, &m->c, &st_dns_rr[R_SRVSERVICE], *pos, wire, text);
	st_dtext(d, &m->c, &st_dns_rr[R_SRVPROTO], *pos, wire, a + 1);
	st_dtext(d, &m->c, &st_dns_rr[R_SRVNAME], *pos, wire, b + 1);
	*pos += wire;
	return 0;
}

/* Rows first..last, read at the cursor placed at pos (bit offsets from
 * there); the caller checked their bytes. */
static void
rows(struct st_dctx *d, struct dns_msg *m, size_t pos, unsigned first,
    unsigned last)
{
	struct st_cur c = m->c;
	unsigned i;

	c.off += pos;
	for (i = first; i <= last; i++)
		st_dfield(d, &c, &st_dns_rr[i]);
}

/* The type bitmaps from p to end (RFC 4034 4.1.2): windows of up to 32
 * bytes, a set bit for each type present; at most DNS_MAXRR types. */
static void
bitmaps(struct st_dctx *d, struct dns_msg *m, size_t p, size_t end)
{
	unsigned win, len, i, bit, n = 0;

	while (end - p >= 2 && p < end) {
		win = dns_byte(m, p);
		len = dns_byte(m, p + 1);
		if (len == 0 || len > 32 || len > end - p - 2)
			return;
		for (i = 0; i < len * 8; i++) {
			bit = dns_byte(m, p + 2 + i / 8) & (0x80 >> (i & 7));
			if (bit != 0 && n++ < DNS_MAXRR)
				st_dgen(d, &st_dns_rr[R_BMTYPE], win << 8 | i);
		}
		p += 2 + len;
	}
}

/* SRV (RFC 2782): priority, weight, port, target. */
static int
rr_srv(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t p = pos + 6;

	if (n < 7)
		return -1;
	rows(d, m, pos, R_SRVPRIO, R_SRVPORT);
	return st_dns_name(d, m, &p, &st_dns_rr[R_SRVTARGET]);
}

/* NAPTR (RFC 3403 4.1): order, preference, three character-strings and
 * the replacement name. */
static int
rr_naptr(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	char text[DNS_NAME];
	size_t p = pos + 4, end = pos + n, wire = 0;
	unsigned i;

	if (n < 8)
		return -1;
	rows(d, m, pos, R_NAPORDER, R_NAPPREF);
	for (i = 0; i < 3; i++)
		if (charstr(d, m, &p, end, R_NAPFLEN + 2 * i,
		    R_NAPFLAGS + 2 * i) != 0)
			return -1;
	if (read_name(m, p, text, sizeof(text), &wire) != 0)
		return -1;
	st_dgen(d, &st_dns_rr[R_NAPPLEN], strlen(text));
	st_dtext(d, &m->c, &st_dns_rr[R_NAPPL], p, wire, text);
	return 0;
}

/* A DNSSEC time (RFC 4034 3.1.5: seconds since 1970, as 32 bits) as
 * Wireshark writes it, row fd. */
static void
sigtime(struct st_dctx *d, struct dns_msg *m, size_t pos, unsigned fd)
{
	time_t t = (time_t)((uint32_t)dns_byte(m, pos) << 24 |
	    dns_byte(m, pos + 1) << 16 | dns_byte(m, pos + 2) << 8 |
	    dns_byte(m, pos + 3));
	struct tm tm;
	char buf[64];

	if (gmtime_r(&t, &tm) == NULL)
		return;
	strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S.000000000 UTC", &tm);
	st_dtext(d, &m->c, &st_dns_rr[fd], pos, 4, buf);
}

/* RRSIG (RFC 4034 3.1). */
static int
rr_rrsig(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t p = pos + 18, end = pos + n;

	if (n < 19)
		return -1;
	rows(d, m, pos, R_RSTYPE, R_RSOTTL);
	sigtime(d, m, pos + 8, R_RSEXP);
	sigtime(d, m, pos + 12, R_RSINC);
	rows(d, m, pos, R_RSTAG, R_RSTAG);
	if (st_dns_name(d, m, &p, &st_dns_rr[R_RSSIGNER]) != 0 || p > end)
		return -1;
	if (p < end)
		st_dbytes(d, &m->c, &st_dns_rr[R_RSSIG], p, end - p);
	return 0;
}

/* NSEC3 (RFC 5155 3.2): parameters, salt, the next hashed owner name in
 * base 32 (extended hex alphabet, lower case as Wireshark shows it). */
static int
rr_nsec3(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	static const char b32[] = "0123456789abcdefghijklmnopqrstuv";
	char text[DNS_NAME];
	size_t s, h, p, i, k = 0;
	unsigned acc = 0, bits = 0;

	if (n < 6 || (s = dns_byte(m, pos + 4)) > n - 6 ||
	    (h = dns_byte(m, pos + 5 + s)) > n - 6 - s)
		return -1;
	rows(d, m, pos, R_N3ALG, R_N3SLEN);
	if (s > 0)
		st_dbytes(d, &m->c, &st_dns_rr[R_N3SALT], pos + 5, s);
	p = pos + 5 + s;
	st_dbytes(d, &m->c, &st_dns_rr[R_N3HLEN], p, 1);
	for (i = 0; i < h; i++) {	/* h <= 255: 408 characters at most */
		acc = (acc << 8 | dns_byte(m, p + 1 + i)) & 0xfff;
		for (bits += 8; bits >= 5; bits -= 5)
			text[k++] = b32[(acc >> (bits - 5)) & 31];
	}
	if (bits > 0)
		text[k++] = b32[(acc << (5 - bits)) & 31];
	text[k] = '\0';
	st_dtext(d, &m->c, &st_dns_rr[R_N3HASH], p + 1, h, text);
	bitmaps(d, m, p + 1 + h, pos + n);
	return 0;
}

/* One SvcParam's value of n bytes at v (RFC 9460 7). */
static void
svc_value(struct st_dctx *d, struct dns_msg *m, unsigned key, size_t v,
    size_t n)
{
	size_t p = v, end = v + n, k;
	unsigned i;

	switch (key) {
	case 0:
	case 4:
	case 6:
		k = key == 0 ? 2 : key == 4 ? 4 : 16;
		for (i = 0; i < DNS_MAXRR && end - p >= k; i++, p += k)
			st_dbytes(d, &m->c, &st_dns_rr[key == 0 ? R_SVMAND :
			    key == 4 ? R_SVV4 : R_SVV6], p, k);
		return;
	case 1:
		for (i = 0; i < DNS_MAXRR && p < end; i++)
			if (charstr(d, m, &p, end, R_SVALPNLEN, R_SVALPN) != 0) {
				st_dmalformed(d, "ALPN runs past its SvcParam");
				return;
			}
		return;
	case 2:
		return;
	case 3:
		if (n >= 2)
			st_dbytes(d, &m->c, &st_dns_rr[R_SVPORT], v, 2);
		if (n != 2)
			st_dmalformed(d, "SvcParam port of %zu bytes", n);
		return;
	case 5:
		if (n > 0)
			st_dbytes(d, &m->c, &st_dns_rr[R_SVECH], v, n);
		return;
	}
	if (n > 0)
		st_dbytes(d, &m->c, &st_dns_rr[R_SVVAL], v, n);
}

/* SVCB and HTTPS (RFC 9460 2.2): priority, target, SvcParams. */
static int
rr_svcb(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n)
{
	size_t p = pos + 2, end = pos + n, l;
	unsigned i;

	if (n < 2)
		return -1;
	rows(d, m, pos, R_SVPRIO, R_SVPRIO);
	/* A target past the data length is shown as Wireshark reads it. */
	if (st_dns_name(d, m, &p, &st_dns_rr[R_SVTARGET]) != 0 || p > end)
		return 0;
	for (i = 0; i < DNS_MAXRR && end - p >= 4; i++) {
		l = dns_byte(m, p + 2) << 8 | dns_byte(m, p + 3);
		if (l > end - p - 4) {
			st_dmalformed(d, "SvcParam runs past the record");
			break;
		}
		rows(d, m, p, R_SVKEY, R_SVVLEN);
		svc_value(d, m, dns_byte(m, p) << 8 | dns_byte(m, p + 1),
		    p + 4, l);
		p += 4 + l;
	}
	return 0;
}

/* The record types decoded here beyond the first ones: 0 when shown, -1
 * to show the data as bytes. */
static int
rr_more(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n)
{
	size_t p = pos;
	int r = -1;

	switch (t) {
	case 33:
		r = rr_srv(d, m, pos, n);
		break;
	case 35:
		r = rr_naptr(d, m, pos, n);
		break;
	case 46:
		r = rr_rrsig(d, m, pos, n);
		break;
	case 47:
		r = st_dns_name(d, m, &p, &st_dns_rr[R_NSECNEXT]);
		if (r == 0 && p <= pos + n)
			bitmaps(d, m, p, pos + n);
		break;
	case 50:
		r = rr_nsec3(d, m, pos, n);
		break;
	case 64:
	case 65:
		r = rr_svcb(d, m, pos, n);
		break;
	case 99:
		for (r = 0; r < DNS_MAXRR && p < pos + n; r++)
			if (charstr(d, m, &p, pos + n, R_SPFLEN, R_SPF) != 0)
				break;
		r = 0;
		break;
	}
	m->why = NULL;
	return r;
}

/* The data of one record of type t, n bytes at pos. */
void
st_dns_rdata(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n)
{
	size_t p = pos, end = pos + n, k;

	switch (t) {
	case 1:
		if (n == 4) {
			st_dbytes(d, &m->c, &st_dns_rr[R_A], pos, 4);
			return;
		}
		break;
	case 28:
		if (n == 16) {
			st_dbytes(d, &m->c, &st_dns_rr[R_AAAA], pos, 16);
			return;
		}
		break;
	case 2:
	case 5:
	case 12:
		if (st_dns_name(d, m, &p, &st_dns_rr[t == 2 ? R_NS : t == 5 ?
		    R_CNAME : R_PTR]) == 0)
			return;
		m->why = NULL;
		break;
	case 15:
		if (n >= 3) {
			st_dbytes(d, &m->c, &st_dns_rr[R_MXPREF], pos, 2);
			p += 2;
			if (st_dns_name(d, m, &p, &st_dns_rr[R_MX]) == 0)
				return;
			m->why = NULL;
		}
		break;
	case 16:
		for (k = 0; k < DNS_MAXRR && p < end; k++)
			if (charstr(d, m, &p, end, R_TXTLEN, R_TXT) != 0)
				break;
		return;
	case 6:
		if (st_dns_name(d, m, &p, &st_dns_rr[R_MNAME]) == 0 &&
		    st_dns_name(d, m, &p, &st_dns_rr[R_RNAME]) == 0 &&
		    p + 20 <= end) {
			for (k = 0; k < 5; k++)
				st_dbytes(d, &m->c, &st_dns_rr[R_SERIAL + k],
				    p + 4 * k, 4);
			return;
		}
		m->why = NULL;
		break;
	default:
		if (rr_more(d, m, t, pos, n) == 0)
			return;
	}
	if (n > 0)
		st_dbytes(d, &m->c, &st_dns_rr[R_DATA], pos, n);
}
