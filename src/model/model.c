/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The packet model's storage: fixed arrays and a string arena, reset per
 * packet, never allocated per packet.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "strata/proto.h"
#include "strata/model.h"

void
st_pkt_reset(struct st_packet *pkt, const uint8_t *data, uint32_t caplen,
    uint32_t len)
{
	pkt->data = data;
	pkt->caplen = caplen;
	pkt->len = len;
	pkt->nlayers = 0;
	pkt->nfields = 0;
	pkt->nspilled = 0;
	pkt->nbadck = 0;
	pkt->nnotes = 0;
	pkt->strused = 0;
	pkt->reasm = NULL;
	pkt->xtotal = 0;
	pkt->frag = 0;
	pkt->xlen = 0;
	pkt->xwhat = NULL;
}

void
st_pkt_note(struct st_packet *pkt, const char *note)
{
	unsigned i;

	for (i = 0; i < pkt->nnotes; i++)
		if (strcmp(pkt->notes[i], note) == 0)
			return;
	if (pkt->nnotes < ST_MAX_NOTES)
		pkt->notes[pkt->nnotes++] = note;
}

struct st_layer *
st_pkt_add_layer(struct st_packet *pkt, const struct st_proto *proto,
    uint32_t off, unsigned depth)
{
	struct st_layer *ly;

	if (pkt->nlayers >= ST_MAX_LAYERS) {
		st_pkt_note(pkt, "too many layers: the rest is not decoded");
		return NULL;
	}
	ly = &pkt->layers[pkt->nlayers++];
	memset(ly, 0, sizeof(*ly));
	ly->proto = proto;
	ly->off = off;
	ly->field0 = (uint16_t)pkt->nfields;
	ly->note0 = (uint8_t)pkt->nnotes;
	ly->depth = (uint8_t)depth;
	return ly;
}

const char *
st_pkt_printf(struct st_packet *pkt, const char *fmt, ...)
{
	size_t room = sizeof(pkt->str) - pkt->strused;
	char *s = pkt->str + pkt->strused;
	va_list ap;
	int n;

	if (room < 2)
		return "...";
	va_start(ap, fmt);
	n = vsnprintf(s, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		return "...";
	if ((size_t)n >= room)
		n = (int)room - 1;
	pkt->strused += (size_t)n + 1;
	return s;
}

const char *
st_pkt_strdup(struct st_packet *pkt, const char *s)
{
	size_t room = sizeof(pkt->str) - pkt->strused, n = strlen(s);
	char *d = pkt->str + pkt->strused;

	if (room < 2)
		return "...";
	if (n >= room)
		n = room - 1;
	memcpy(d, s, n);
	d[n] = '\0';
	pkt->strused += n + 1;
	return d;
}

const char *
st_valname(const struct st_valname *t, uint32_t val)
{
	if (t == NULL)
		return NULL;
	for (; t->name != NULL; t++)
		if (t->val == val)
			return t->name;
	return NULL;
}

const char *
st_field_meaning(const struct st_field *f)
{
	if (f->meaning != NULL)
		return f->meaning;
	if (f->desc->names == NULL || f->val > UINT32_MAX)
		return NULL;
	return st_valname(f->desc->names, (uint32_t)f->val);
}

const struct st_layer *
st_pkt_layer(const struct st_packet *pkt, const char *name, unsigned depth)
{
	unsigned i;

	for (i = 0; i < pkt->nlayers; i++)
		if (pkt->layers[i].depth == depth &&
		    strcmp(pkt->layers[i].proto->name, name) == 0)
			return &pkt->layers[i];
	return NULL;
}

const struct st_field *
st_pkt_field(const struct st_packet *pkt, const struct st_layer *ly,
    const char *name)
{
	unsigned i = 0, n = pkt->nfields;

	if (ly != NULL) {
		i = ly->field0;
		n = ly->field0 + ly->nfields;
	}
	for (; i < n; i++)
		if (strcmp(pkt->fields[i].desc->name, name) == 0)
			return &pkt->fields[i];
	return NULL;
}

uint64_t
st_pkt_val(const struct st_packet *pkt, const struct st_layer *ly,
    const char *name, uint64_t def)
{
	const struct st_field *f = ly != NULL ? st_pkt_field(pkt, ly, name) :
	    NULL;

	return f != NULL ? f->val : def;
}

int
st_field_equal(const struct st_packet *a, const struct st_field *fa,
    const struct st_packet *b, const struct st_field *fb)
{
	const uint8_t *pa, *pb;
	size_t na, nb;

	if (fa->desc->fmt >= ST_FMT_IPV4 && fa->desc->fmt <= ST_FMT_BYTES) {
		pa = st_field_bytes(a, fa, &na);
		pb = st_field_bytes(b, fb, &nb);
		return pa != NULL && pb != NULL && na == nb &&
		    memcmp(pa, pb, na) == 0;
	}
	return fa->val == fb->val;
}

const uint8_t *
st_field_bytes(const struct st_packet *pkt, const struct st_field *f,
    size_t *n)
{
	size_t off = f->bitoff / 8, len = f->bits / 8;

	size_t have = (size_t)pkt->caplen + pkt->xlen;

	if (f->bits == 0 || off > have || len > have - off) {
		*n = 0;
		return NULL;
	}
	*n = len;
	return pkt->data + off;
}

const struct st_field *
st_pkt_fd(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field_desc *d)
{
	unsigned i = 0, n = pkt->nfields;

	if (ly != NULL) {
		i = ly->field0;
		n = ly->field0 + ly->nfields;
	}
	for (; i < n; i++)
		if (pkt->fields[i].desc == d)
			return &pkt->fields[i];
	return NULL;
}
