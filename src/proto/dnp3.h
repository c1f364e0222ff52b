/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNP 3.0 (src/proto/dnp3.c): the field rows and helpers that the data
 * link and transport layers (dnp3.c) and the application layer
 * (dnp3al.c) share.  Included by those two files only.
 */
#ifndef STRATA_PROTO_DNP3_H
#define STRATA_PROTO_DNP3_H

#include "fields.h"

#define DNP3_MAXOBJ	32	/* object headers in a fragment */

enum {
	F_START, F_LEN, F_CTL, F_DIR, F_PRM, F_FCB, F_FCV, F_PRIF, F_DFC,
	F_SECF, F_DST, F_ADDR, F_SRC, F_CRC, F_CRCST,
	F_TR, F_TRFIN, F_TRFIR, F_TRSEQ,
	F_CHUNK, F_CHLEN, F_CHCRC, F_CHCRCST,
	F_ALCTL, F_ALFIR, F_ALFIN, F_ALCON, F_ALUNS, F_ALSEQ, F_FUNC,
	F_IIN, F_RST, F_DT, F_DOL, F_TSR, F_C3, F_C2, F_C1, F_BMSG, F_CC,
	F_OAE, F_EBO, F_PIOOR, F_OBJU, F_FCNI,
	F_OBJ, F_PREFIX, F_RANGE,
	F_START8, F_STOP8, F_START16, F_STOP16, F_START32, F_STOP32,
	F_ABS8, F_ABS16, F_ABS32, F_QTY8, F_QTY16, F_QTY32,
	F_SIZE8, F_SIZE16, F_SIZE32,
	F_PIDX, F_BIT, F_TDELAY, F_FHANDLE, F_FSIZE, F_FMAXB, F_FREQ,
	F_FSTATUS, F_FSOFF, F_FSLEN, F_FAUTH, F_FMODE, F_FNAME, F_FRAG,
	F_FRAGN, F_FRAGLEN, ST_DNP3_NFIELDS
};

/* The rows, in the order of the enum. */
extern const struct st_field_desc st_dnp3_fields[ST_DNP3_NFIELDS];

/* Adds row fi with value v over its bits at byte off of c (a value the
 * wire holds little-endian, or one worked out); NULL when full. */
struct st_field *st_dnp3_val(struct st_dctx *d, const struct st_cur *c,
    int fi, size_t off, uint64_t v);

/* The little-endian value of nb bytes at byte off of c (the caller
 * checked that they are there). */
uint64_t st_dnp3_le(const struct st_cur *c, size_t off, unsigned nb);

/*
 * The application layer of a one-fragment message: its n bytes (the
 * CRCs taken out, copied through the cursor) in al, pos[i] the frame
 * offset of al[i]; its fields go to the current layer at those offsets.
 */
void st_dnp3_al(struct st_dctx *d, const uint8_t *al, size_t n,
    const size_t *pos);

#endif
