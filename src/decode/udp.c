/*
 * UDP (RFC 768).
 *
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |   Source Port   | Destination Port|
 * +--------+--------+--------+--------+
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 *
 * Length counts header and data.  Over IPv4 a zero checksum means none was
 * computed; over IPv6 it is not allowed (RFC 8200 8.1).
 */
#include "strata/cksum.h"
#include "fields.h"

enum { F_SPORT, F_DPORT, F_LEN, F_CKSUM, F_CKSTAT };

static const struct st_field_desc udp_fields[] = {
	FDX("sport", "udp.srcport", "Source port", 0, 16, ST_FMT_DEC, 0, 0, 0,
	    53, NULL),
	FDX("dport", "udp.dstport", "Destination port", 16, 16, ST_FMT_DEC, 0,
	    0, 0, 53, NULL),
	FDX("len", "udp.length", "Length", 32, 16, ST_FMT_DEC, 0, ST_AUTO_LEN,
	    0, 0, NULL),
	FDX("chksum", "udp.checksum", "Checksum", 48, 16, ST_FMT_HEX, 0,
	    ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDG("udp.checksum.status", "Checksum status", ST_FMT_ENUM,
	    st_ck_names),
};

static int
udp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len;
	struct st_field *ck;
	uint32_t pseudo;

	st_dfields(d, c, udp_fields, F_CKSUM);
	ck = st_dfield(d, c, &udp_fields[F_CKSUM]);
	if (c->err != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 32, 16);
	d->hdr = 8;
	if (len < 8)
		return st_dmalformed(d, "length %zu below 8", len);
	/* A first fragment carries the length of the whole datagram. */
	if (d->net.fam != 0 && len > d->net.tlen && !d->net.frag)
		st_dmalformed(d, "length %zu exceeds the IP payload of %u", len,
		    d->net.tlen);
	if (d->net.fam == 4 && ck->val == 0)
		ck->ck = ST_CK_ABSENT;
	else if (d->net.fam != 0) {
		pseudo = st_cksum_pseudo(d->net.fam, d->net.src, d->net.dst,
		    17, (uint32_t)len);
		st_dcksum(d, ck, c->base + c->off, len, pseudo,
		    !d->net.frag && left >= len && len <= d->net.tlen);
	} else
		ck->ck = ST_CK_UNVERIFIED;
	st_dckstatus(d, ck, &udp_fields[F_CKSTAT]);
	d->plen = len - 8;
	d->next = st_proto_app(0, (uint16_t)st_peek_bits(c, 0, 16),
	    (uint16_t)st_peek_bits(c, 16, 16));
	return ST_OK;
}

const struct st_proto st_proto_udp = {
	"udp", "udp", "User Datagram Protocol", "RFC 768",
	udp_fields, NFIELDS(udp_fields), udp_decode
};
