/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers shared by the unit tests: packets from hex text, decoding into a
 * model, looking fields up, and the truncation sweep every decoder test
 * runs (each shorter prefix of a packet, in a buffer of exactly that size
 * so that AddressSanitizer sees any read past it).
 */
#ifndef STRATA_TESTUTIL_H
#define STRATA_TESTUTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <pcap/dlt.h>

#include "strata/craft.h"
#include "strata/decode.h"
#include "strata/protos.h"
#include "strata/model.h"
#include "strata/view.h"

#define TU __attribute__((unused)) static

static struct st_packet tpkt;
static uint8_t tbuf[4096];

/* Parses hex digits (spaces ignored) into tbuf; returns the length. */
TU size_t
hexbytes(const char *hex)
{
	size_t n = 0;
	int hi = -1;

	for (; *hex != '\0'; hex++) {
		int v;

		if (*hex >= '0' && *hex <= '9')
			v = *hex - '0';
		else if (*hex >= 'a' && *hex <= 'f')
			v = *hex - 'a' + 10;
		else if (*hex >= 'A' && *hex <= 'F')
			v = *hex - 'A' + 10;
		else
			continue;
		if (hi < 0)
			hi = v;
		else {
			tbuf[n++] = (uint8_t)(hi << 4 | v);
			hi = -1;
		}
	}
	return n;
}

/*
 * Builds spec into buf (ST_PKT_MAX bytes) and decodes it into p, failing
 * the test on a spec error.
 */
TU const struct st_packet *
craft(struct st_packet *p, uint8_t *buf, const char *spec)
{
	static struct st_spec sp;
	struct st_spec_err err;
	size_t n;
	int lt;

	if (st_spec_parse(spec, &sp, &err) != 0 ||
	    st_build(&sp, buf, ST_PKT_MAX, &n, &lt, &err) != 0)
		fail_msg("%s: %s", spec, err.msg);
	st_pkt_reset(p, buf, (uint32_t)n, (uint32_t)n);
	st_decode(p, lt);
	return p;
}

/* Decodes the hex packet as link type lt into tpkt. */
TU const struct st_packet *
decode_hex(int lt, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	st_decode(&tpkt, lt);
	return &tpkt;
}

/* The nth (from 0) field named name, failing the test when absent. */
TU const struct st_field *
field_n(const struct st_packet *p, const char *name, unsigned nth)
{
	unsigned i;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].desc->name, name) == 0 && nth-- == 0)
			return &p->fields[i];
	fail_msg("no field %s", name);
	return NULL;
}

TU uint64_t
fval(const struct st_packet *p, const char *name)
{
	return field_n(p, name, 0)->val;
}

TU int
has_field(const struct st_packet *p, const char *name)
{
	return st_pkt_field(p, NULL, name) != NULL;
}

/* Whether a packet note contains text. */
TU int
has_note(const struct st_packet *p, const char *text)
{
	unsigned i;

	for (i = 0; i < p->nnotes; i++)
		if (strstr(p->notes[i], text) != NULL)
			return 1;
	return 0;
}

/* Asserts the layer chain, as names separated by spaces ("eth ipv4 tcp"). */
TU void
assert_chain(const struct st_packet *p, const char *want)
{
	char got[512] = "";
	unsigned i;

	for (i = 0; i < p->nlayers; i++) {
		if (i > 0)
			strcat(got, " ");
		strcat(got, p->layers[i].proto->name);
	}
	assert_string_equal(got, want);
}

/* The first layer named name, failing when absent. */
TU const struct st_layer *
layer(const struct st_packet *p, const char *name)
{
	unsigned i;

	for (i = 0; i < p->nlayers; i++)
		if (strcmp(p->layers[i].proto->name, name) == 0)
			return &p->layers[i];
	fail_msg("no layer %s", name);
	return NULL;
}

/*
 * Decodes every prefix of the hex packet as a capture cut short.  Each
 * must stay inside its bytes, and mark the cut: a truncated or partial
 * layer, or a cut inside a payload.
 */
TU void
sweep_prefixes(int lt, const char *hex)
{
	size_t n = hexbytes(hex), k, i;
	static struct st_packet p;

	for (k = 0; k < n; k++) {
		uint8_t *b = malloc(k > 0 ? k : 1);

		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, lt);
		for (i = 0; i < p.nlayers; i++)
			assert_true(p.layers[i].off + p.layers[i].len <= k);
		for (i = 0; i < p.nfields; i++)
			if (p.fields[i].bits > 0)
				assert_true((p.fields[i].bitoff +
				    p.fields[i].bits + 7) / 8 <= k);
		assert_true(p.nnotes > 0);	/* "capture cut at k of n" */
		free(b);
	}
}

/* The last layer named name; NULL when there is none. */
TU const struct st_layer *
last_layer(const struct st_packet *p, const char *name)
{
	const struct st_layer *ly = NULL;
	unsigned i;

	for (i = 0; i < p->nlayers; i++)
		if (strcmp(p->layers[i].proto->name, name) == 0)
			ly = &p->layers[i];
	return ly;
}

/*
 * Every prefix of hex that ends inside the layer named name (from byte
 * from on) decodes with that layer marked truncated, besides the sweep's
 * own checks; with multi, the last of several messages, unless it ends
 * exactly at the cut.
 */
TU void
sweep_trunc(const char *name, size_t from, const char *hex, int multi)
{
	static struct st_packet p;
	size_t n = hexbytes(hex), k;
	const struct st_layer *ly;
	uint8_t *b;

	sweep_prefixes(DLT_EN10MB, hex);
	for (k = from; k < n; k++) {
		n = hexbytes(hex);
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		ly = last_layer(&p, name);
		if (ly == NULL)
			fail_msg("%s: no layer at %zu of %zu bytes", name, k, n);
		if (ly->status != ST_LS_TRUNCATED &&
		    !(multi && ly->off + ly->len == k))
			fail_msg("%s: status %d at %zu of %zu bytes", name,
			    ly->status, k, n);
		free(b);
	}
}

/* The summary line of the hex frame of link type lt (number 1, at t = 0). */
TU const char *
summary_of(int lt, const char *hex)
{
	static char *text;
	static struct st_out o;
	struct st_vctx v;
	size_t len;
	FILE *fp;

	free(text);
	text = NULL;
	fp = open_memstream(&text, &len);
	assert_non_null(fp);
	st_out_init(&o, fp);
	memset(&v, 0, sizeof(v));
	decode_hex(lt, hex);
	tpkt.num = 1;
	st_view_summary.packet(&o, &tpkt, &v);
	assert_int_equal(st_out_flush(&o), 0);
	fclose(fp);
	st_vctx_free(&v);
	return text;
}

#endif
