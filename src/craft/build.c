/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The builder: writes each layer's header from its field table (the rows
 * the decoders read), then fills what the spec left out, innermost layer
 * first so that a checksum covers the finished bytes inside it: header
 * lengths, total and payload lengths, next-protocol numbers, checksums
 * last.  A value the spec gives is written as given, right or wrong.
 * What a protocol needs beyond its field table is in its descriptor
 * (struct st_craft); no protocol is named here.
 */
#include <stdio.h>
#include <string.h>

#include "strata/cksum.h"
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

#define given	st_spec_given

/* Header bytes of a layer before its options. */
static size_t
base_len(const struct st_spec_layer *sl)
{
	const struct st_craft *cr = sl->proto->craft;
	const struct st_field_desc *ctl = cr->named[0];
	const struct st_spec_set *t;

	if (cr->hlen_of == NULL || ctl == NULL)
		return cr->hlen;
	t = given(sl, ctl);
	return cr->hlen_of(t != NULL ? t->val : ctl->def);
}

/* The default of an address field the spec leaves out, or NULL. */
static const uint8_t *
default_addr(const struct st_proto *p, const struct st_field_desc *fd)
{
	size_t i;

	for (i = 0; i < p->craft->ndefs; i++)
		if (p->craft->defs[i].fd == fd)
			return p->craft->defs[i].bytes;
	return NULL;
}

/* The given and default values of the rows fds[0..n) of layer sl, at h. */
static void
write_rows(const struct st_spec_layer *sl, const struct st_field_desc *fds,
    size_t n, uint8_t *h, size_t hlen)
{
	const struct st_proto *p = sl->proto;
	const struct st_field_desc *fd;
	const struct st_spec_set *s;
	const uint8_t *a;
	size_t i;

	for (i = 0; i < n; i++) {
		fd = &fds[i];
		if (fd->key == NULL || fd->flags & ST_DF_GEN || fd->bits == 0 ||
		    (size_t)fd->bitoff + fd->bits > hlen * 8)
			continue;
		s = given(sl, fd);
		if (fd->fmt == ST_FMT_IPV6 || fd->fmt == ST_FMT_MAC ||
		    fd->fmt == ST_FMT_IPV4) {
			a = s != NULL ? s->bytes : default_addr(p, fd);
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

/* Writes the given and default values of layer sl at h. */
static void
write_fields(const struct st_spec_layer *sl, uint8_t *h, size_t hlen)
{
	const struct st_craft *cr = sl->proto->craft;

	write_rows(sl, sl->proto->fields, sl->proto->nfields, h, hlen);
	write_rows(sl, cr->rows, cr->nrows, h, hlen);
}

/* The header bytes of layer sl: its fixed part, options, padding. */
static size_t
header_len(const struct st_spec_layer *sl)
{
	size_t base = base_len(sl), a = sl->proto->craft->align;

	if (a == 0)
		return base + (sl->optlen + 3) / 4 * 4;
	return (base + sl->optlen + a - 1) / a * a;
}

/* The next-protocol value layer i carries for what follows it. */
static uint32_t
next_value(const struct blayer *bl, unsigned n, unsigned i)
{
	const struct st_craft *cr = bl[i].sl->proto->craft;
	uint64_t v;

	if (i + 1 >= n || bl[i + 1].sl == NULL)
		return cr->next_none;
	if (st_proto_key(bl[i + 1].sl->proto, cr->next_key, &v) == 0)
		return (uint32_t)v;
	return cr->next_none;
}

/*
 * The network facts layer i's checksum is computed over: the addresses of
 * the nearest network layer before it as built, if any, and as the length
 * the bytes from layer i to the end of the packet.
 */
static void
net_of(const uint8_t *buf, size_t total, const struct blayer *bl, unsigned i,
    struct st_net *net)
{
	const struct st_field_desc *const *ends;
	const struct st_craft *cr;
	uint8_t final[16];
	const uint8_t *h;
	unsigned k = i;
	int routed = 0;

	memset(net, 0, sizeof(*net));
	net->tlen = (uint32_t)(total - bl[i].off);
	while (k-- > 0) {
		cr = bl[k].sl->proto->craft;
		/* A routing header names the final destination (RFC 8200
		 * 8.1); the nearest one to layer i counts. */
		if (!routed && cr->final_dst != NULL &&
		    cr->final_dst(buf + bl[k].off, bl[k].hlen, final))
			routed = 1;
		ends = bl[k].sl->proto->ends;
		if (bl[k].sl->proto->role != ST_ROLE_NET || ends[0] == NULL ||
		    ends[1] == NULL || ends[0]->bits > 128 ||
		    ends[1]->bits != ends[0]->bits)
			continue;
		h = buf + bl[k].off;
		net->fam = ends[0]->fmt == ST_FMT_IPV6 ? 6 : 4;
		memcpy(net->src, h + ends[0]->bitoff / 8, ends[0]->bits / 8);
		memcpy(net->dst, h + ends[1]->bitoff / 8, ends[1]->bits / 8);
		if (routed && net->fam == 6)
			memcpy(net->dst, final, 16);
		return;
	}
}

/*
 * The checksum of layer i (its field zeroed), over the bytes its protocol's
 * st_ckspec says: the definition the decoders verify with.
 */
static uint16_t
cksum_of(const struct st_proto *p, const uint8_t *buf, size_t total,
    const struct blayer *bl, unsigned i)
{
	struct st_ckspec ck = *p->cksum;
	struct st_cur c = st_cur_make(buf, total);
	size_t n, left = total - bl[i].off;
	struct st_net net;
	uint32_t pseudo;
	uint16_t v;

	/* A zero meaning "none sent" is for the decoder: build one. */
	ck.zero_v4 = 0;
	c.off = bl[i].off;
	net_of(buf, total, bl, i, &net);
	st_ck_range(&ck, &net, &c, bl[i].hlen, &n, &pseudo);
	v = st_cksum_finish(st_cksum_add(pseudo, buf + bl[i].off,
	    n < left ? n : left));
	/* Where zero means none, a computed zero goes as all ones (RFC 768). */
	return v == 0 && p->cksum->zero_v4 ? 0xffff : v;
}

/* The value autofill kind au (enum st_auto or st_cauto) gives field fd. */
static uint64_t
auto_value(uint8_t *buf, size_t total, const struct blayer *bl, unsigned n,
    unsigned i, const struct st_field_desc *fd, int au)
{
	const struct st_proto *p = bl[i].sl->proto;

	switch (au) {
	case ST_AUTO_HLEN:
		return bl[i].hlen / 4;
	case ST_AUTO_LEN:
		return total - bl[i].off;
	case ST_AUTO_PLEN:
		return total - bl[i].off - bl[i].hlen;
	case ST_AUTO_NEXT:
		return next_value(bl, n, i);
	case ST_CA_LEN8:
		return bl[i].hlen / 8 - 1;
	case ST_CA_COUNT16:
		return (bl[i].hlen - base_len(bl[i].sl)) / 16;
	case ST_CA_HOOK:
		return p->craft->auto_val(fd, buf + bl[i].off, bl[i].hlen);
	}
	st_bits_put(buf + bl[i].off, fd->bitoff, fd->bits, 0);
	if (p->cksum->cover == ST_CKC_CRC32C)	/* SCTP: to the end, its
						   bytes least significant
						   first */
		return __builtin_bswap32(st_crc32c(buf + bl[i].off,
		    total - bl[i].off, total));
	return cksum_of(p, buf, total, bl, i);
}

/* Fills field fd of layer i by kind au, unless the spec gives it. */
static void
fill_one(uint8_t *buf, size_t total, const struct blayer *bl, unsigned n,
    unsigned i, const struct st_field_desc *fd, int au, int cksum)
{
	const struct st_proto *p = bl[i].sl->proto;
	uint64_t v;

	if (fd->key == NULL || au == ST_AUTO_NONE || given(bl[i].sl, fd) !=
	    NULL || (size_t)fd->bitoff + fd->bits > bl[i].hlen * 8)
		return;
	if ((au == ST_AUTO_CKSUM) != cksum || (cksum && p->cksum == NULL))
		return;
	v = auto_value(buf, total, bl, n, i, fd, au);
	if (au == ST_CA_HOOK && v == UINT64_MAX)
		return;
	if (fd->bits < 64)
		v &= ((uint64_t)1 << fd->bits) - 1;
	st_bits_put(buf + bl[i].off, fd->bitoff, fd->bits, v);
}

/* Fills the fields of layer i the spec left to be computed. */
static void
autofill(uint8_t *buf, size_t total, const struct blayer *bl, unsigned n,
    unsigned i, int cksum)
{
	const struct st_proto *p = bl[i].sl->proto;
	const struct st_craft *cr = p->craft;
	size_t k;

	for (k = 0; k < p->nfields; k++)
		fill_one(buf, total, bl, n, i, &p->fields[k],
		    p->fields[k].autofill, cksum);
	for (k = 0; k < cr->nrows; k++)
		fill_one(buf, total, bl, n, i, &cr->rows[k],
		    cr->rows[k].autofill, cksum);
	for (k = 0; k < cr->nautos; k++)
		fill_one(buf, total, bl, n, i, cr->autos[k].fd,
		    cr->autos[k].kind, cksum);
}

int
st_build(const struct st_spec *sp, uint8_t *buf, size_t cap, size_t *len,
    int *linktype, struct st_spec_err *err)
{
	struct blayer bl[ST_SPEC_LAYERS];
	const struct st_spec_layer *sl;
	size_t off = 0, end;
	unsigned i, n = sp->nlayers;

	for (i = 0; i < n; i++) {
		sl = &sp->layers[i];
		bl[i].sl = sl;
		bl[i].off = off;
		bl[i].hlen = header_len(sl);
		if (off + bl[i].hlen > cap) {
			err->col = sl->col;
			snprintf(err->msg, sizeof(err->msg), "packet longer than "
			    "%zu bytes", cap);
			return -1;
		}
		memset(buf + off, 0, bl[i].hlen);
		write_fields(sl, buf + off, bl[i].hlen);
		/* Options after the fixed header; EOL (0) pads to 4 bytes
		 * unless the protocol pads its own way. */
		memcpy(buf + off + base_len(sl), sl->opts, sl->optlen);
		end = base_len(sl) + sl->optlen;
		if (sl->proto->craft->pad != NULL && end < bl[i].hlen)
			sl->proto->craft->pad(buf + off + end,
			    bl[i].hlen - end);
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
	/* Lengths and next protocols (a routing header's segments left
	 * among them, which the checksums depend on), then checksums,
	 * innermost first. */
	for (i = n; i-- > 0;)
		autofill(buf, off, bl, n, i, 0);
	for (i = n; i-- > 0;)
		autofill(buf, off, bl, n, i, 1);
	*len = off;
	*linktype = sp->layers[0].proto->craft->link;
	return 0;
}

size_t
st_build_offset(const struct st_spec *sp, unsigned i)
{
	size_t off = 0;
	unsigned k;

	for (k = 0; k < i && k < sp->nlayers; k++)
		off += header_len(&sp->layers[k]);
	return off;
}

int
st_spec_fill_src(struct st_spec *sp, int (*find)(int fam, const uint8_t *dst,
    uint8_t *src), struct st_spec_err *err)
{
	static const uint8_t none[16];
	const struct st_field_desc *const *ends;
	const struct st_spec_set *d;
	struct st_spec_layer *ly;
	struct st_spec_set *s;
	const uint8_t *dst;
	unsigned i;
	int v6;

	for (i = 0; i < sp->nlayers; i++) {
		ly = &sp->layers[i];
		ends = ly->proto->ends;
		if (ly->proto->role != ST_ROLE_NET || ends[0] == NULL ||
		    ends[1] == NULL || given(ly, ends[0]) != NULL ||
		    ly->nset == ST_SPEC_SETS)
			continue;
		v6 = ends[0]->fmt == ST_FMT_IPV6;
		s = &ly->set[ly->nset];
		memset(s, 0, sizeof(*s));
		d = given(ly, ends[1]);
		dst = d != NULL ? d->bytes : default_addr(ly->proto, ends[1]);
		if (find(v6 ? 6 : 4, dst != NULL ? dst : none, s->bytes) != 0) {
			err->col = ly->col;
			snprintf(err->msg, sizeof(err->msg), "no route to the "
			    "destination of layer %u to choose a source "
			    "address from", i + 1);
			return -1;
		}
		s->fd = ends[0];
		s->col = ly->col;
		if (!v6)
			s->val = (uint64_t)s->bytes[0] << 24 |
			    s->bytes[1] << 16 | s->bytes[2] << 8 | s->bytes[3];
		ly->nset++;
	}
	return 0;
}
