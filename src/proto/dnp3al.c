/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNP 3.0's application layer (IEEE 1815-2012 4.2): control, function
 * code, internal indications, then object headers (group, variation,
 * qualifier, range) each followed by its objects.  The bytes come without
 * the data link layer's CRCs (src/proto/dnp3.c); object values are
 * skipped by their sizes to reach the next header, and shown for the
 * objects strata knows.
 */
#include "dnp3.h"

/*
 * Bytes per object of group g, variation v, as IEEE 1815 sizes them:
 * > 0 that many, 0 none, -1 packed single bits, -2 packed double bits,
 * -3 unknown.
 */
static int
obj_size(unsigned g, unsigned v)
{
	static const struct { uint8_t g, v; int8_t n; } t[] = {
		{ 1, 1, -1 }, { 1, 2, 1 }, { 2, 1, 1 }, { 2, 2, 7 }, { 2, 3, 3 },
		{ 3, 1, -2 }, { 3, 2, 1 }, { 4, 1, 1 }, { 4, 2, 7 }, { 4, 3, 3 },
		{ 10, 1, -1 }, { 10, 2, 1 }, { 11, 1, 1 }, { 11, 2, 7 },
		{ 12, 1, 11 }, { 13, 1, 1 }, { 13, 2, 7 },
		{ 20, 1, 5 }, { 20, 2, 3 }, { 20, 5, 4 }, { 20, 6, 2 },
		{ 21, 1, 5 }, { 21, 2, 3 }, { 21, 5, 11 }, { 21, 6, 9 },
		{ 21, 9, 4 }, { 21, 10, 2 },
		{ 22, 1, 5 }, { 22, 2, 3 }, { 22, 5, 11 }, { 22, 6, 9 },
		{ 23, 1, 5 }, { 23, 2, 3 }, { 23, 5, 11 }, { 23, 6, 9 },
		{ 30, 1, 5 }, { 30, 2, 3 }, { 30, 3, 4 }, { 30, 4, 2 },
		{ 30, 5, 5 }, { 30, 6, 9 },
		{ 32, 1, 5 }, { 32, 2, 3 }, { 32, 3, 11 }, { 32, 4, 9 },
		{ 32, 5, 5 }, { 32, 6, 9 }, { 32, 7, 11 }, { 32, 8, 15 },
		{ 40, 1, 5 }, { 40, 2, 3 }, { 40, 3, 5 }, { 40, 4, 9 },
		{ 41, 1, 5 }, { 41, 2, 3 }, { 41, 3, 5 }, { 41, 4, 9 },
		{ 50, 1, 6 }, { 50, 2, 10 }, { 50, 3, 6 }, { 51, 1, 6 },
		{ 51, 2, 6 }, { 52, 1, 2 }, { 52, 2, 2 },
		{ 60, 1, 0 }, { 60, 2, 0 }, { 60, 3, 0 }, { 60, 4, 0 },
		{ 80, 1, -1 },
	};
	size_t i;

	if (g == 110 || g == 111)	/* octet strings: the variation */
		return (int)v;
	for (i = 0; i < NFIELDS(t); i++)
		if (t[i].g == g && t[i].v == v)
			return t[i].n;
	return -3;
}

/* Whether a request with function code fn carries object headers only. */
static int
headers_only(unsigned fn)
{
	return fn == 1 || (fn >= 7 && fn <= 12) || (fn >= 20 && fn <= 22);
}

#define DNP3_MAXPT	64	/* points whose values are shown */

/*
 * The values of cnt objects of group g, variation v, from byte off of a
 * (checked there), without prefixes, the first point first: shown for the
 * objects strata knows (internal indications, time delays).  Returns 0,
 * or 1 when it showed none (tshark shows values strata does not know).
 */
static int
obj_values(struct st_dctx *d, struct st_cur *a, size_t off, unsigned g,
    unsigned v, size_t cnt, uint64_t first)
{
	const struct st_field_desc *fd = &st_dnp3_fields[F_BIT];
	size_t i;

	if (cnt > DNP3_MAXPT)
		return 1;
	if (g == 80 && v == 1) {
		for (i = 0; i < cnt; i++) {
			st_dgen(d, &st_dnp3_fields[F_PIDX], first + i);
			st_pkt_add_field(d->pkt, fd, (uint32_t)((a->off + off +
			    i / 8) * 8 + 7 - i % 8), 1, st_dnp3_le(a, off + i / 8,
			    1) >> (i % 8) & 1);
		}
		return 0;
	}
	if (g == 52 && (v == 1 || v == 2)) {
		for (i = 0; i < cnt; i++) {
			st_dgen(d, &st_dnp3_fields[F_PIDX], first + i);
			st_dnp3_val(d, a, F_TDELAY, off + 2 * i, st_dnp3_le(a,
			    off + 2 * i, 2));
		}
		return 0;
	}
	return 1;
}

/* A file command status (group 70 variation 4) of sz bytes at byte off:
 * 0, or 1 when it is not the plain 13 bytes strata shows. */
static int
file_status(struct st_dctx *d, struct st_cur *a, size_t off, size_t sz)
{
	if (sz != 13)
		return 1;
	st_dnp3_val(d, a, F_FHANDLE, off, st_dnp3_le(a, off, 4));
	st_dnp3_val(d, a, F_FSIZE, off + 4, st_dnp3_le(a, off + 4, 4));
	st_dnp3_val(d, a, F_FMAXB, off + 8, st_dnp3_le(a, off + 8, 2));
	st_dnp3_val(d, a, F_FREQ, off + 10, st_dnp3_le(a, off + 10, 2));
	st_dnp3_val(d, a, F_FSTATUS, off + 12, st_dnp3_le(a, off + 12, 1));
	return 0;
}

/*
 * A file command (group 70 variation 3) of sz bytes at byte off: name
 * offset and length, creation time and permissions (for writing), key,
 * size (for writing or appending), mode, block size, request ID, name.
 * 0, or 1 when it is one strata does not show (writing, appending: a
 * time), or its name runs past it.
 */
static int
file_cmd(struct st_dctx *d, struct st_cur *a, size_t off, size_t sz)
{
	char text[256 * 4 + 1];
	size_t nl;
	unsigned mode;

	if (sz < 26)
		return 1;
	nl = (size_t)st_dnp3_le(a, off + 2, 2);
	mode = (unsigned)st_dnp3_le(a, off + 20, 2);
	if (mode == 2 || mode == 3 || 26 + nl > sz || nl > 256)
		return 1;
	st_dnp3_val(d, a, F_FSOFF, off, st_dnp3_le(a, off, 2));
	st_dnp3_val(d, a, F_FSLEN, off + 2, nl);
	st_dnp3_val(d, a, F_FAUTH, off + 12, st_dnp3_le(a, off + 12, 4));
	st_dnp3_val(d, a, F_FMODE, off + 20, mode);
	st_dnp3_val(d, a, F_FMAXB, off + 22, st_dnp3_le(a, off + 22, 2));
	st_dnp3_val(d, a, F_FREQ, off + 24, st_dnp3_le(a, off + 24, 2));
	if (nl > 0) {
		st_escape_ascii(a->base + a->off + off + 26, nl, text,
		    sizeof(text));
		st_dtext(d, a, &st_dnp3_fields[F_FNAME], off + 26, nl, text);
	}
	return 0;
}

/*
 * The object headers from byte off of the application bytes at a (n of
 * them, cursor over them); their fields go to the layer with positions in
 * a, set right by the caller.  Values too when *values is set; it is
 * cleared when an object's are not shown (the caller then shows none).
 * Returns 0, or -1 when an object's size is unknown or the bytes run out
 * (the caller drops the headers).
 */
static int
dnp3_objects(struct st_dctx *d, struct st_cur *a, size_t off, unsigned fn,
    int *values)
{
	static const int rf[12][2] = {
		{ F_START8, 1 }, { F_START16, 2 }, { F_START32, 4 },
		{ F_ABS8, 1 }, { F_ABS16, 2 }, { F_ABS32, 4 }, { 0, 0 },
		{ F_QTY8, 1 }, { F_QTY16, 2 }, { F_QTY32, 4 }, { 0, -1 },
		{ F_QTY8, 1 },
	};
	size_t n = st_cur_left(a), w, i, sz, pre, cnt;
	unsigned k, g, v, pc, rc;
	uint64_t first;
	int os;

	for (k = 0; k < DNP3_MAXOBJ && off < n; k++) {
		if (n - off < 3)
			return -1;
		g = (unsigned)st_dnp3_le(a, off, 1);
		v = (unsigned)st_dnp3_le(a, off + 1, 1);
		pc = (unsigned)st_dnp3_le(a, off + 2, 1) >> 4 & 7;
		rc = (unsigned)st_dnp3_le(a, off + 2, 1) & 0xf;
		st_dfields_at(d, a, off, st_dnp3_fields + F_OBJ, 3);
		off += 3;
		if (rc > 11 || rf[rc][1] < 0)
			return -1;
		w = (size_t)rf[rc][1];
		if (n - off < w * (rc <= 2 ? 2 : 1))
			return -1;
		cnt = 0;
		first = 0;
		if (rc <= 2) {
			first = st_dnp3_le(a, off, (unsigned)w);
			st_dnp3_val(d, a, rf[rc][0], off, st_dnp3_le(a, off,
			    (unsigned)w));
			/* The stop row's offset counts the start's width. */
			st_dnp3_val(d, a, rf[rc][0] + 1, off, st_dnp3_le(a, off + w,
			    (unsigned)w));
			if (st_dnp3_le(a, off + w, (unsigned)w) < st_dnp3_le(a, off,
			    (unsigned)w))
				return -1;
			cnt = (size_t)(st_dnp3_le(a, off + w, (unsigned)w) -
			    st_dnp3_le(a, off, (unsigned)w) + 1);
			off += 2 * w;
		} else if (rc != 6) {
			st_dnp3_val(d, a, rf[rc][0], off, st_dnp3_le(a, off,
			    (unsigned)w));
			cnt = rc <= 5 ? 1 : (size_t)st_dnp3_le(a, off, (unsigned)w);
			if (rc <= 5)
				*values = 0;	/* an address, not indices */
			off += w;
		}
		if (rc == 6)
			continue;	/* all points: nothing more here */
		pre = pc >= 1 && pc <= 3 ? (size_t)1 << (pc - 1) : pc >= 4 &&
		    pc <= 6 ? (size_t)1 << (pc - 4) : 0;
		if (headers_only(fn) && pc < 4) {
			if (cnt > n || pre * cnt > n - off)
				return -1;
			off += pre * cnt;
			continue;
		}
		if (pc >= 4) {
			/* Each object behind its own size. */
			for (i = 0; i < cnt && i < 256; i++) {
				if (n - off < pre)
					return -1;
				sz = (size_t)st_dnp3_le(a, off, (unsigned)pre);
				st_dnp3_val(d, a, F_SIZE8 + (pre == 2 ? 1 :
				    pre == 4 ? 2 : 0), off, sz);
				off += pre;
				if (n - off < sz)
					return -1;
				if (*values && (g != 70 || (v == 4 ?
				    file_status(d, a, off, sz) : v == 3 ?
				    file_cmd(d, a, off, sz) : 1) != 0))
					*values = 0;
				off += sz;
			}
			if (i < cnt)
				return -1;
			continue;
		}
		os = obj_size(g, v);
		if (os == -3 || cnt > 65536)
			return -1;
		sz = os == -1 ? (cnt + 7) / 8 : os == -2 ? (cnt + 3) / 4 :
		    pre * cnt + (size_t)os * cnt;
		if (os < 0)
			sz += pre * cnt;
		if (sz > n - off)
			return -1;
		if (*values && os != 0 && (pre != 0 ||
		    obj_values(d, a, off, g, v, cnt, first) != 0))
			*values = 0;
		off += sz;
	}
	return off < n ? -1 : 0;
}

/*
 * The application layer: its n bytes (the CRCs taken out) copied into
 * al; pos[i] is the frame offset of al[i].  Its fields are added through
 * a cursor over al, then moved to their frame positions.
 */
void
st_dnp3_al(struct st_dctx *d, const uint8_t *al, size_t n, const size_t *pos)
{
	struct st_cur a = st_cur_make(al, n);
	struct st_dmark m;
	unsigned i0 = d->pkt->nfields, i, fn;
	struct st_field *f;
	size_t b, off = 2;
	int values = 1;

	if (n < 2)
		return;
	st_dgen(d, &st_dnp3_fields[F_FRAG], d->pkt->num);
	st_dgen(d, &st_dnp3_fields[F_FRAGN], 1);
	st_dgen(d, &st_dnp3_fields[F_FRAGLEN], n);
	st_dfields(d, &a, st_dnp3_fields + F_ALCTL, F_FUNC - F_ALCTL + 1);
	fn = al[1];
	if ((fn == 129 || fn == 130) && n >= 4) {
		st_dfields(d, &a, st_dnp3_fields + F_IIN, F_FCNI - F_IIN + 1);
		off = 4;
	}
	st_dmark(d, &m);
	if (fn != 0 && dnp3_objects(d, &a, off, fn, &values) != 0)
		st_drewind(d, &m);
	else if (fn != 0 && !values) {
		/* Values of objects strata does not know: none shown. */
		st_drewind(d, &m);
		dnp3_objects(d, &a, off, fn, &values);
	}
	for (i = i0; i < d->pkt->nfields; i++) {
		f = &d->pkt->fields[i];
		if (f->bits == 0 || (b = f->bitoff / 8) >= n)
			continue;
		f->bitoff = (uint32_t)(pos[b] * 8 + f->bitoff % 8);
	}
}
