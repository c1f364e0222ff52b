/*
 * The builder: writes each layer's header from its field table (the rows
 * the decoders read), then fills what the spec left out, innermost layer
 * first so that a checksum covers the finished bytes inside it: header
 * lengths, total and payload lengths, next-protocol numbers, checksums
 * last.  A value the spec gives is written as given, right or wrong.
 */
#include <stdio.h>
#include <string.h>

#include <pcap/dlt.h>

#include "strata/cksum.h"
#include "strata/protos.h"
#include "strata/craft.h"

/* Where a built layer sits in the packet. */
struct blayer {
	const struct st_spec_layer *sl;	/* NULL for the payload */
	size_t	off;
	size_t	hlen;
};

void
st_bits_put(uint8_t *buf, size_t pos, unsigned nbits, uint64_t val)
{
	unsigned i;

	for (i = 0; i < nbits; i++) {
		size_t bit = pos + i;
		uint8_t mask = (uint8_t)(0x80 >> (bit % 8));

		if (val >> (nbits - 1 - i) & 1)
			buf[bit / 8] |= mask;
		else
			buf[bit / 8] &= (uint8_t)~mask;
	}
}

static const struct st_spec_set *
given(const struct st_spec_layer *sl, const struct st_field_desc *fd)
{
	unsigned i;

	for (i = 0; i < sl->nset; i++)
		if (sl->set[i].fd == fd)
			return &sl->set[i];
	return NULL;
}

/* Header bytes of a layer before its options. */
static size_t
base_len(const struct st_spec_layer *sl)
{
	const struct st_proto *p = sl->proto;
	const struct st_spec_set *t = st_spec_get(sl, "type");

	if (p == &st_proto_eth)
		return 14;
	if (p == &st_proto_ipv4 || p == &st_proto_tcp)
		return 20;
	if (p == &st_proto_ipv6)
		return 40;
	if (p == &st_proto_icmp)
		return t != NULL && (t->val == 13 || t->val == 14) ? 20 : 8;
	if (p == &st_proto_icmpv6 && t != NULL)
		switch (t->val) {
		case 134:
			return 16;
		case 135:
		case 136:
			return 24;
		case 137:
			return 40;
		}
	return 8;
}

/* The default of an address field the spec leaves out. */
static const uint8_t *
default_addr(const struct st_field_desc *fd)
{
	static const uint8_t lo4[4] = { 127, 0, 0, 1 };
	static const uint8_t lo6[16] = { [15] = 1 };

	if (strcmp(fd->name, "ip.dst") == 0)
		return lo4;
	if (strcmp(fd->name, "ipv6.dst") == 0)
		return lo6;
	return NULL;
}

/* Writes the given and default values of layer sl at h. */
static void
write_fields(const struct st_spec_layer *sl, uint8_t *h, size_t hlen)
{
	const struct st_proto *p = sl->proto;
	const struct st_field_desc *fd;
	const struct st_spec_set *s;
	const uint8_t *a;
	size_t i;

	for (i = 0; i < p->nfields; i++) {
		fd = &p->fields[i];
		if (fd->key == NULL || fd->flags & ST_DF_GEN || fd->bits == 0 ||
		    (size_t)fd->bitoff + fd->bits > hlen * 8)
			continue;
		s = given(sl, fd);
		if (fd->fmt == ST_FMT_IPV6 || fd->fmt == ST_FMT_MAC ||
		    fd->fmt == ST_FMT_IPV4) {
			a = s != NULL ? s->bytes : default_addr(fd);
			if (a != NULL)
				memcpy(h + fd->bitoff / 8, a, fd->bits / 8);
			continue;
		}
		if (s != NULL)
			st_bits_put(h, fd->bitoff, fd->bits, s->val);
		else if (fd->autofill == ST_AUTO_NONE && fd->def != 0)
			st_bits_put(h, fd->bitoff, fd->bits, fd->def);
	}
}

/* The next-protocol value layer i carries for what follows it. */
static uint32_t
next_value(const struct blayer *bl, unsigned n, unsigned i)
{
	const struct st_proto *p = bl[i].sl->proto, *next;
	uint64_t v;

	if (i + 1 >= n || bl[i + 1].sl == NULL)
		return p == &st_proto_eth ? 0x0800 : 59;	/* no next header */
	next = bl[i + 1].sl->proto;
	if (st_proto_key(next, p == &st_proto_eth ? ST_KEY_ETHERTYPE :
	    ST_KEY_IPPROTO, &v) == 0)
		return (uint32_t)v;
	return 59;
}

/* The nearest IPv4 or IPv6 layer before layer i, or -1. */
static int
net_layer(const struct blayer *bl, unsigned i)
{
	while (i-- > 0)
		if (bl[i].sl->proto == &st_proto_ipv4 ||
		    bl[i].sl->proto == &st_proto_ipv6)
			return (int)i;
	return -1;
}

/* The pseudo-header sum for layer i of len bytes, proto, or 0 if none. */
static uint32_t
pseudo(const uint8_t *buf, const struct blayer *bl, unsigned i,
    uint8_t proto, uint32_t len)
{
	int n = net_layer(bl, i);
	const uint8_t *h;

	if (n < 0)
		return 0;
	h = buf + bl[n].off;
	if (bl[n].sl->proto == &st_proto_ipv4)
		return st_cksum_pseudo(4, h + 12, h + 16, proto, len);
	return st_cksum_pseudo(6, h + 8, h + 24, proto, len);
}

static uint16_t
cksum_of(const struct st_proto *p, const uint8_t *buf, size_t total,
    const struct blayer *bl, unsigned i)
{
	const uint8_t *h = buf + bl[i].off;
	size_t rest = total - bl[i].off, ulen;
	uint16_t c;

	if (p == &st_proto_ipv4)
		return st_cksum_finish(st_cksum_add(0, h, bl[i].hlen));
	if (p == &st_proto_icmp)
		return st_cksum_finish(st_cksum_add(0, h, rest));
	if (p == &st_proto_icmpv6)
		return st_cksum_finish(st_cksum_add(pseudo(buf, bl, i, 58,
		    (uint32_t)rest), h, rest));
	if (p == &st_proto_tcp)
		return st_cksum_finish(st_cksum_add(pseudo(buf, bl, i, 6,
		    (uint32_t)rest), h, rest));
	/* UDP: the length field says what is covered (RFC 768). */
	ulen = (size_t)(h[4] << 8 | h[5]);
	c = st_cksum_finish(st_cksum_add(pseudo(buf, bl, i, 17,
	    (uint32_t)ulen), h, ulen < rest ? ulen : rest));
	return c == 0 ? 0xffff : c;
}

/* Fills the fields of layer i the spec left to be computed. */
static void
autofill(uint8_t *buf, size_t total, const struct blayer *bl, unsigned n,
    unsigned i, int cksum)
{
	const struct st_spec_layer *sl = bl[i].sl;
	const struct st_proto *p = sl->proto;
	const struct st_field_desc *fd;
	uint8_t *h = buf + bl[i].off;
	uint64_t v;
	size_t k;

	for (k = 0; k < p->nfields; k++) {
		fd = &p->fields[k];
		if (fd->key == NULL || fd->autofill == ST_AUTO_NONE ||
		    given(sl, fd) != NULL ||
		    (size_t)fd->bitoff + fd->bits > bl[i].hlen * 8)
			continue;
		if ((fd->autofill == ST_AUTO_CKSUM) != cksum)
			continue;
		switch (fd->autofill) {
		case ST_AUTO_HLEN:
			v = bl[i].hlen / 4;
			break;
		case ST_AUTO_LEN:
			v = total - bl[i].off;
			break;
		case ST_AUTO_PLEN:
			v = total - bl[i].off - bl[i].hlen;
			break;
		case ST_AUTO_NEXT:
			v = next_value(bl, n, i);
			break;
		default:
			st_bits_put(h, fd->bitoff, fd->bits, 0);
			v = cksum_of(p, buf, total, bl, i);
			break;
		}
		if (fd->bits < 64)
			v &= ((uint64_t)1 << fd->bits) - 1;
		st_bits_put(h, fd->bitoff, fd->bits, v);
	}
}

int
st_build(const struct st_spec *sp, uint8_t *buf, size_t cap, size_t *len,
    int *linktype, struct st_spec_err *err)
{
	struct blayer bl[ST_SPEC_LAYERS];
	const struct st_spec_layer *sl;
	size_t off = 0, opad;
	unsigned i, n = sp->nlayers;

	for (i = 0; i < n; i++) {
		sl = &sp->layers[i];
		opad = (sl->optlen + 3) / 4 * 4;
		bl[i].sl = sl;
		bl[i].off = off;
		bl[i].hlen = base_len(sl) + opad;
		if (off + bl[i].hlen > cap) {
			err->col = sl->col;
			snprintf(err->msg, sizeof(err->msg), "packet longer than "
			    "%zu bytes", cap);
			return -1;
		}
		memset(buf + off, 0, bl[i].hlen);
		write_fields(sl, buf + off, bl[i].hlen);
		/* Options after the fixed header; EOL (0) pads to 4 bytes. */
		memcpy(buf + off + base_len(sl), sl->opts, sl->optlen);
		off += bl[i].hlen;
	}
	if (off + sp->paylen > cap) {
		err->col = sp->paycol;
		snprintf(err->msg, sizeof(err->msg), "packet longer than %zu "
		    "bytes", cap);
		return -1;
	}
	memcpy(buf + off, sp->payload, sp->paylen);
	off += sp->paylen;
	/* Lengths and next protocols, then checksums, innermost first. */
	for (i = n; i-- > 0;) {
		autofill(buf, off, bl, n, i, 0);
		autofill(buf, off, bl, n, i, 1);
	}
	*len = off;
	*linktype = sp->layers[0].proto == &st_proto_eth ? DLT_EN10MB : DLT_RAW;
	return 0;
}

int
st_spec_fill_src(struct st_spec *sp, int (*find)(int fam, const uint8_t *dst,
    uint8_t *src), struct st_spec_err *err)
{
	static const uint8_t lo4[4] = { 127, 0, 0, 1 };
	static const uint8_t lo6[16] = { [15] = 1 };
	const struct st_spec_set *d;
	struct st_spec_layer *ly;
	struct st_spec_set *s;
	unsigned i;
	int v6;

	for (i = 0; i < sp->nlayers; i++) {
		ly = &sp->layers[i];
		v6 = ly->proto == &st_proto_ipv6;
		if ((ly->proto != &st_proto_ipv4 && !v6) ||
		    st_spec_get(ly, "src") != NULL)
			continue;
		if (ly->nset == ST_SPEC_SETS)
			continue;
		s = &ly->set[ly->nset];
		memset(s, 0, sizeof(*s));
		d = st_spec_get(ly, "dst");
		if (find(v6 ? 6 : 4, d != NULL ? d->bytes : v6 ? lo6 : lo4,
		    s->bytes) != 0) {
			err->col = ly->col;
			snprintf(err->msg, sizeof(err->msg), "no route to the "
			    "destination of layer %u to choose a source "
			    "address from", i + 1);
			return -1;
		}
		for (s->fd = ly->proto->fields; strcmp(s->fd->name, v6 ?
		    "ipv6.src" : "ip.src") != 0; s->fd++)
			;
		s->col = ly->col;
		if (!v6)
			s->val = (uint64_t)s->bytes[0] << 24 |
			    s->bytes[1] << 16 | s->bytes[2] << 8 | s->bytes[3];
		ly->nset++;
	}
	return 0;
}
