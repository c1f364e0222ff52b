/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ICMP's companion to icmp.c: the timestamp an echo's data may start with,
 * and multi-part extensions (RFC 4884 7): after the quoted datagram of a
 * destination unreachable, time exceeded or parameter problem, a header
 * (version 2, reserved, checksum) and objects (length, class, C-type,
 * data), such as the MPLS label stack a router received the packet with
 * (RFC 4950: class 1, C-type 1, entries of label, EXP, S and TTL).
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
	E_LABEL, E_EXP, E_S, E_TTL, E_MDATA, E_TIME, E_TREL };

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
 * when longer; version 1 or 2 only.
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
	if (at + 4 > n || st_cur_left(c) < at + 4)
		return 0;
	switch (st_peek_bits(c, at * 8, 4)) {
	case 1:
	case 2:
		return at;
	}
	return 0;
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

void
icmp_ext(struct st_dctx *d, struct st_cur *c, size_t at, size_t n)
{
	struct st_cur x = *c, o;
	struct st_field *ck;
	size_t pos, len, k;

	x.off += at;
	st_dfields(d, &x, st_icmp_ext_fields, 2);
	ck = st_dfield(d, &x, &st_icmp_ext_fields[E_CK]);
	if (ck != NULL && st_cur_need(&x, n - at))
		st_dcksum(d, ck, x.base + x.off, n - at, 0, 1);
	if (ck != NULL)
		st_dckstatus(d, ck, &st_icmp_ext_fields[E_CKSTAT]);
	/* Each object moves pos on by at least 4 bytes. */
	for (pos = 4, k = 0; pos + 4 <= n - at && k < 64; pos += len, k++) {
		o = x;
		o.off += pos;
		if (st_dfields(d, &o, st_icmp_ext_fields + E_LEN, 3) != ST_OK)
			return;
		len = (size_t)st_peek_bits(&o, 0, 16);
		if (len < 4) {
			st_dmalformed(d, "extension object of %zu bytes", len);
			return;
		}
		if (len > n - at - pos)
			len = n - at - pos;	/* tshark: what is there */
		if (st_peek_bits(&o, 16, 16) == 0x0101)
			mpls_stack(d, &o, len);
		else if (len > 4)
			st_dbytes(d, &o, &st_icmp_ext_fields[E_DATA], 4,
			    len - 4);
	}
}
