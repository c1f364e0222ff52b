/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * memcache's private header, for memcache.c (the descriptor, the binary
 * protocol, UDP's frame header) and memcachetext.c (the text protocol).
 */
#ifndef STRATA_PROTO_MEMCACHE_H
#define STRATA_PROTO_MEMCACHE_H

#include "fields.h"

#define MC_TEXT		256	/* bytes of a token or value shown */
#define MC_ITEMS	64	/* VALUE or STAT lines read in one answer */
#define MC_REQ		0x80
#define MC_RESP		0x81

enum { OP_GET, OP_SET, OP_ADD, OP_REPLACE, OP_DELETE, OP_INCR, OP_DECR,
	OP_QUIT, OP_FLUSH, OP_GETQ, OP_NOOP, OP_VERSION, OP_GETK, OP_GETKQ,
	OP_APPEND, OP_PREPEND, OP_STAT, OP_SETQ, OP_ADDQ, OP_REPLACEQ,
	OP_DELETEQ, OP_INCRQ, OP_DECRQ, OP_QUITQ, OP_FLUSHQ, OP_APPENDQ,
	OP_PREPENDQ,
	/* the text protocol's own */
	OP_GETS = 0xf0, OP_CAS, OP_NONE = 0xff };

enum { F_MAGIC, F_OPCODE, F_KEYLEN, F_EXTLEN, F_DTYPE, F_STATUS, F_RES,
	F_VLEN, F_BODY, F_OPAQUE, F_CAS, F_EXTRAS, F_XFLAGS, F_XEXP, F_XDELTA,
	F_XINIT, F_XUNK, F_KEY, F_VALUE, F_XRESP, F_CMD, F_SUB, F_FLAGS,
	F_EXP, F_NOREPLY, F_RESPONSE, F_VERSION, F_SLAB, F_NAME, F_NVALUE,
	F_TVLEN, F_TCAS, F_UREQ, F_USEQ, F_UTOTAL, F_URES, F_N };

extern const struct st_field_desc st_memcache_fields[F_N];
#define M(i)	(&st_memcache_fields[(i)])

/* A string field (row i) over the n bytes at off, as Wireshark shows
 * ASCII. */
void	st_memcache_ascii(struct st_dctx *d, struct st_cur *c, unsigned i,
    size_t off, size_t n);

/* The text message that is the whole of the n bytes at c. */
void	st_memcache_text(struct st_dctx *d, struct st_cur *c, size_t n);

/* How long the text message at p (n bytes at hand) is, for pdu_len. */
size_t	st_memcache_text_len(const uint8_t *p, size_t n);

#endif
