/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMP's companion to icmp.c: the timestamp an echo's data may start with,
 * and multi-part extensions (RFC 4884 7): after the quoted datagram of a
 * destination unreachable, time exceeded or parameter problem, a header
 * (version 2, reserved, checksum) and objects (length, class, C-type,
 * data), such as the MPLS label stack a router received the packet with
 * (RFC 4950: class 1, C-type 1, entries of label, EXP, S and TTL), the
 * interface it came in on (RFC 5837: class 2, the C-Type's bits saying
 * which of index, address, name and MTU follow) or, in an extended echo
 * request, the interface a probe asks about (RFC 8335: class 3, by name,
 * index or address).  ICMPv6 carries the same structure, shown as a layer
 * of its own (st_proto_icmpext, Wireshark's "icmp" inside "icmpv6").
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|      (Reserved)       |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Length            |   Class-Num   |   C-Type      |
 */
#include <stdio.h>
#include <time.h>

#include "icmpext.h"

enum { E_VER, E_RES, E_CK, E_CKSTAT, E_LEN, E_CLASS, E_CTYPE, E_DATA,
	E_LABEL, E_EXP, E_S, E_TTL, E_MDATA, E_TIME, E_TREL,
	/* RFC 5837 interface information: the C-Type's bits, then the
	 * sub-objects */
	E_IROLE, E_IRES, E_IIDXP, E_IIPP, E_INAMEP, E_IMTUP, E_IINDEX,
	E_IAFI, E_IRSV, E_IV4, E_IV6, E_IUNK, E_INLEN, E_INAME, E_IMTU,
	/* RFC 8335 interface identification */
	E_DNAME, E_DINDEX, E_DAFI, E_DALEN, E_DRSV, E_DV4, E_DV6, E_DADDR };

const struct st_field_desc st_icmp_ext_fields[ICMP_EXT_NF] = {
	FD(NULL, "icmp.ext.version", "Extension version", 0, 4, ST_FMT_DEC),
	FD(NULL, "icmp.ext.res", "Reserved", 4, 12, ST_FMT_HEX),
	FDX(NULL, "icmp.ext.checksum", "Extension checksum", 16, 16,
	    ST_FMT_HEX, 0, 0, ST_DF_CKSUM, 0, NULL),
	FDGS("icmp.ext.checksum.status", "Extension checksum status"),
	FD(NULL, "icmp.ext.length", "Object length", 0, 16, ST_FMT_DEC),
	FD(NULL, "icmp.ext.class", "Object class", 16, 8, ST_FMT_DEC),
	FD(NULL, "icmp.ext.ctype", "Object C-type", 24, 8, ST_FMT_DEC),
	FD(NULL, "icmp.ext.data", "Object data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "icmp.mpls.label", "MPLS label", 0, 20, ST_FMT_DEC),
	FD(NULL, "icmp.mpls.exp", "MPLS experimental bits", 20, 3,
	    ST_FMT_DEC),
	FD(NULL, "icmp.mpls.s", "MPLS bottom of stack", 23, 1, ST_FMT_BOOL),
	FD(NULL, "icmp.mpls.ttl", "MPLS time to live", 24, 8, ST_FMT_DEC),
	FD(NULL, "icmp.mpls.data", "MPLS object data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "icmp.data_time", "Timestamp from the echo data", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "icmp.data_time_relative", "Frame time minus that "
	    "timestamp (s)", 0, 0, ST_FMT_TEXT),
	FDD(NULL, "icmp.int_info.role", "Interface role", 24, 2, ST_FMT_DEC),
	FDD(NULL, "icmp.int_info.reserved", "Reserved", 26, 2, ST_FMT_DEC),
	FDD(NULL, "icmp.int_info.ifindex", "ifIndex present", 28, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmp.int_info.ipaddr", "IP address present", 29, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "icmp.int_info.name_present", "Interface name present", 30,
	    1, ST_FMT_BOOL),
	FDD(NULL, "icmp.int_info.mtu_present", "MTU present", 31, 1,
	    ST_FMT_BOOL),
	FD(NULL, "icmp.int_info.index", "Interface index", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "icmp.int_info.afi", "Address family identifier", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "icmp.reserved", "Reserved", 16, 16, ST_FMT_BYTES),
	FD(NULL, "icmp.int_info.ipv4", "Interface address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "icmp.int_info.ipv6", "Interface address", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "icmp.int_info.ipunknown", "Interface address", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "icmp.int_info.name_length", "Name length (with itself)", 0,
	    8, ST_FMT_DEC),
	FD(NULL, "icmp.int_info.name", "Interface name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "icmp.int_info.mtu", "MTU", 0, 32, ST_FMT_DEC),
	FD(NULL, "icmp.int_ident.name", "Interface name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "icmp.int_ident.index", "Interface index", 32, 32,
	    ST_FMT_DEC),
	FD(NULL, "icmp.int_ident.afi", "Address family identifier", 32, 16,
	    ST_FMT_DEC),
	FD(NULL, "icmp.int_ident.addr_length", "Address length", 48, 8,
	    ST_FMT_DEC),
	FD(NULL, "icmp.int_ident.reserved", "Reserved", 56, 8, ST_FMT_BYTES),
	FD(NULL, "icmp.int_ident.ipv4", "Address", 0, 32, ST_FMT_IPV4),
	FD(NULL, "icmp.int_ident.ipv6", "Address", 0, 128, ST_FMT_IPV6),
	FD(NULL, "icmp.int_ident.address", "Address", 0, 0, ST_FMT_BYTES),
};

/*
 * As tshark does: the first 8 data bytes of an echo as a struct timeval
 * (seconds, microseconds), big endian or else little endian, when it lies
 * within a day of the frame's time.  Returns 1 when it does; adds its
 * fields unless decoding lite (the summary needs none).
 */
int
icmp_data_time(struct st_dctx *d, struct st_cur *c)
{
	static const char months[12][4] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	uint32_t sec, usec;
	int64_t fs = (int64_t)d->pkt->ts.tv_sec, rel;
	char buf[64];
	struct tm tm;
	time_t t;
	int le;

	if (st_cur_left(c) < 16)
		return 0;
	for (le = 0; le < 2; le++) {
		sec = (uint32_t)st_peek_bits(c, 64, 32);
		usec = (uint32_t)st_peek_bits(c, 96, 32);
		if (le) {
			sec = __builtin_bswap32(sec);
			usec = __builtin_bswap32(usec);
		}
		/* tshark compares as int: a 32-bit difference */
		if (usec < 1000000 && llabs((int64_t)(int32_t)(sec -
		    (uint32_t)fs)) < 3600 * 24)
			break;
	}
	if (le == 2)
		return 0;
	if (d->pkt->lite)
		return 1;	/* no formatting on the summary's path */
	t = (time_t)sec;
	if (gmtime_r(&t, &tm) == NULL)
		return 1;
	snprintf(buf, sizeof(buf), "%s %2d, %d %02d:%02d:%02d.%06u000 UTC",
	    months[tm.tm_mon % 12], tm.tm_mday, tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, usec);
	st_dtext(d, c, &st_icmp_ext_fields[E_TIME], 8, 8, buf);
	rel = (fs - (int64_t)sec) * 1000000000 + d->pkt->ts.tv_nsec -
	    (int64_t)usec * 1000;
	snprintf(buf, sizeof(buf), "%s%lld.%09lld", rel < 0 ? "-" : "",
	    (long long)(llabs(rel) / 1000000000),
	    (long long)(llabs(rel) % 1000000000));
	st_dtext(d, c, &st_icmp_ext_fields[E_TREL], 8, 8, buf);
	return 1;
}

/*
 * As tshark decides: an error longer than 8 + 128 bytes whose quoted
 * datagram says it is at most 128 bytes long has an extension after the
 * datagram's 128 bytes, or after its RFC 4884 length (byte 5, in words)
 * when longer (its objects are read for versions 1 and 2 only).
 */
size_t
icmp_ext_at(struct st_cur *c, unsigned type, size_t n)
{
	size_t at;

	if ((type != 3 && type != 11 && type != 12) || n <= 8 + 128 ||
	    st_cur_left(c) < 12 || st_peek_bits(c, 80, 16) > 128)
		return 0;
	at = (size_t)st_peek_bits(c, 40, 8) * 4;
	at = 8 + (at > 128 ? at : 128);
	return at + 4 <= n && st_cur_left(c) >= at + 4 ? at : 0;
}

/* The entries of an MPLS label stack object of len bytes at o. */
static void
mpls_stack(struct st_dctx *d, struct st_cur *o, size_t len)
{
	size_t pos;
	struct st_cur e;

	for (pos = 4; pos + 4 <= len; pos += 4) {
		e = *o;
		e.off += pos;
		st_dfields(d, &e, st_icmp_ext_fields + E_LABEL, 4);
	}
	if (pos < len)
		st_dbytes(d, o, &st_icmp_ext_fields[E_MDATA], pos, len - pos);
}

/* A string of n bytes at byte off of o, to its first NUL, as text. */
static void
ext_string(struct st_dctx *d, struct st_cur *o, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[4 * 255 + 1];
	size_t k;

	if (st_cur_left(o) < off + n) {
		st_cur_need(o, off + n);	/* cut short: the rest is not there */
		return;
	}
	for (k = 0; k < n && o->base[o->off + off + k] != 0; k++)
		;
	st_escape(o->base + o->off + off, k < 255 ? k : 255, text,
	    sizeof(text));
	st_dtext(d, o, fd, off, n, text);
}

/*
 * RFC 5837 interface information (class 2) of len bytes at o: what the
 * C-Type's bits say is there, in order (index, address sub-object, name
 * sub-object, MTU).  Returns 0 when it was decoded, 1 when it is to be
 * shown as an unknown object.
 */
static int
int_info(struct st_dctx *d, struct st_cur *o, size_t len)
{
	unsigned ct;
	size_t pos = 4, nlen, afi;

	st_dfields(d, o, st_icmp_ext_fields + E_CTYPE, 1);
	st_dfields(d, o, st_icmp_ext_fields + E_IROLE, 6);
	ct = (unsigned)st_peek_bits(o, 24, 8);
	if (ct & 0x08) {
		st_dfields_at(d, o, pos, st_icmp_ext_fields + E_IINDEX, 1);
		pos += 4;
	}
	if ((ct & 0x04) && len >= pos + 2) {
		afi = (size_t)st_peek_bits(o, pos * 8, 16);
		st_dfields_at(d, o, pos, st_icmp_ext_fields + E_IAFI, 2);
		if (afi == 1)
			st_dfields_at(d, o, pos, st_icmp_ext_fields + E_IV4, 1);
		else if (afi == 2)
			st_dfields_at(d, o, pos, st_icmp_ext_fields + E_IV6, 1);
		else {
			if (len > pos + 4)
				st_dbytes(d, o, &st_icmp_ext_fields[E_IUNK],
				    pos + 4, len - pos - 4);
			return 0;
		}
		pos += afi == 1 ? 8 : 20;
	}
	if (ct & 0x02) {
		nlen = 0;
		if (len >= pos + 1) {
			nlen = (size_t)st_peek_bits(o, pos * 8, 8);
			st_dfields_at(d, o, pos, st_icmp_ext_fields + E_INLEN,
			    1);
			pos++;
		}
		if (nlen > 1 && len >= pos + nlen) {
			ext_string(d, o, &st_icmp_ext_fields[E_INAME], pos,
			    nlen - 1);
			pos += nlen - 1;
		}
	}
	if (ct & 0x01)
		st_dfields_at(d, o, pos, st_icmp_ext_fields + E_IMTU, 1);
	return 0;
}

/*
 * RFC 8335 interface identification (class 3) of len bytes at o, of
 * which n are in the extension: by name (C-Type 1), index (2) or address
 * (3: AFI, address length, reserved, the addresses).  Returns 1 when it
 * is to be shown as an unknown object.
 */
static int
int_ident(struct st_dctx *d, struct st_cur *o, size_t len, size_t n)
{
	unsigned ct, afi;
	size_t alen, pos;

	if (n < 5)
		return 1;
	st_dfields(d, o, st_icmp_ext_fields + E_CTYPE, 1);
	ct = (unsigned)st_peek_bits(o, 24, 8);
	switch (ct) {
	case 1:
		if (len > 4)
			ext_string(d, o, &st_icmp_ext_fields[E_DNAME], 4,
			    len - 4);
		break;
	case 2:
		st_dfields(d, o, st_icmp_ext_fields + E_DINDEX, 1);
		break;
	case 3:
		if (st_dfields(d, o, st_icmp_ext_fields + E_DAFI, 3) != ST_OK)
			break;
		afi = (unsigned)st_peek_bits(o, 32, 16);
		alen = (size_t)st_peek_bits(o, 48, 8);
		/* As many addresses as the length holds and the extension
		 * has room for. */
		for (pos = 8; afi == 1 && alen >= 4 && pos + 4 <= n;
		    pos += 4, alen -= 4)
			st_dfields_at(d, o, pos, st_icmp_ext_fields + E_DV4, 1);
		for (pos = 8; afi == 2 && alen >= 16 && pos + 16 <= n;
		    pos += 16, alen -= 16)
			st_dfields_at(d, o, pos, st_icmp_ext_fields + E_DV6, 1);
		if (afi != 1 && afi != 2 && n > 8)
			st_dbytes(d, o, &st_icmp_ext_fields[E_DADDR], 8,
			    n - 8);
		break;
	}
	return 0;
}

void
icmp_ext(struct st_dctx *d, struct st_cur *c, size_t at, size_t n)
{
	struct st_cur x = *c, o;
	struct st_field *ck;
	size_t pos, len, k, all;
	unsigned ver;
	int unknown;

	x.off += at;
	all = n - at;
	ver = (unsigned)st_peek_bits(&x, 0, 4);
	st_dfields(d, &x, st_icmp_ext_fields, 2);
	ck = st_dfield(d, &x, &st_icmp_ext_fields[E_CK]);
	if (ck == NULL)
		return;
	/* A zero checksum: none was sent (as tshark reads it). */
	if (ck->val == 0)
		ck->ck = ST_CK_ABSENT;
	else
		st_dcksum(d, ck, x.base + x.off, all, 0,
		    st_cur_left(&x) >= all);
	st_dckstatus(d, ck, &st_icmp_ext_fields[E_CKSTAT]);
	if (ver != 1 && ver != 2)
		return;		/* its objects are of no known form */
	/* Each object moves pos on by at least 4 bytes. */
	for (pos = 4, k = 0; pos + 4 <= all && k < 64; pos += len, k++) {
		o = x;
		o.off += pos;
		if (st_dfields(d, &o, st_icmp_ext_fields + E_LEN, 2) != ST_OK)
			return;
		len = (size_t)st_peek_bits(&o, 0, 16);
		if (len < 4) {
			st_dmalformed(d, "extension object of %zu bytes", len);
			return;
		}
		if (len > all - pos)
			len = all - pos;	/* tshark: what is there */
		unknown = 0;
		switch (st_peek_bits(&o, 16, 8)) {
		case 0:		/* MPLS extended payload */
		case 1:		/* MPLS label stack */
			/* tshark names the C-Type, and again when it knows
			 * it not. */
			st_dfields(d, &o, st_icmp_ext_fields + E_CTYPE, 1);
			if (st_peek_bits(&o, 24, 8) != 1)
				unknown = 1;
			else if (st_peek_bits(&o, 16, 8) == 1)
				mpls_stack(d, &o, len);
			else if (len > 4)
				st_dbytes(d, &o, &st_icmp_ext_fields[E_DATA],
				    4, len - 4);
			break;
		case 2:
			unknown = int_info(d, &o, len);
			break;
		case 3:
			unknown = int_ident(d, &o, (size_t)st_peek_bits(&o, 0,
			    16), all - pos);
			break;
		default:
			unknown = 1;
		}
		if (unknown) {
			st_dfields(d, &o, st_icmp_ext_fields + E_CTYPE, 1);
			if (len > 4)
				st_dbytes(d, &o, &st_icmp_ext_fields[E_DATA],
				    4, len - 4);
		}
	}
}

/* The extension as a layer of its own (ICMPv6's extended echo request and
 * errors): the whole of the bytes at c. */
static int
icmpext_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);

	if (n < 4)
		return ST_ETRUNC;
	icmp_ext(d, c, 0, n);
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

const struct st_proto st_proto_icmpext = {
	.name = "icmpext",
	.ws = "icmp",
	.title = "ICMP Multi-Part Extensions",
	.rfc = "RFC 4884",
	.role = ST_ROLE_NETEXT,
	.fields = st_icmp_ext_fields,
	.nfields = ICMP_EXT_NF,
	.decode = icmpext_decode,
	.explain = "After an ICMPv6 error's quoted packet (RFC 4884) or in an "
	    "extended echo request (RFC 8335): a header (version 2, checksum) "
	    "and objects of length, class and C-Type: an MPLS label stack, the "
	    "interface a packet came in on, the interface a probe asks about.",
};
