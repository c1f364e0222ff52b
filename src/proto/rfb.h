/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RFB (VNC): what rfb.c (the field table, the handshake, the descriptor)
 * and rfbmsg.c (the messages after the handshake) share.  Included by
 * those two files only.
 */
#ifndef STRATA_PROTO_RFB_H
#define STRATA_PROTO_RFB_H

#include <stddef.h>
#include <stdint.h>

#include "fields.h"

#define RFB_PORT	5900

/* The conversation's state, as the note's bytes. */
enum {
	S_NONE,		/* no ProtocolVersion seen yet */
	S_CVER, S_SECURITY, S_SECTYPE, S_CHALLENGE, S_RESPONSE, S_RESULT,
	S_CINIT, S_SINIT, S_NORMAL
};
struct rfb_state {
	uint8_t		 state;
	uint8_t		 minor;		/* the client's minor version */
	uint8_t		 bypp;		/* bytes per pixel, 0 unknown */
	uint8_t		 pad;
	uint16_t	 sport;		/* the server's port */
};

/* The rows of rfb_fields. */
enum {
	R_SVER, R_CVER, R_NTYPES, R_TYPE, R_STYPE, R_CTYPE, R_CHAL, R_RESP,
	R_RESULT, R_ERRLEN, R_ERR, R_SHARED,
	R_WIDTH, R_HEIGHT, R_BPP, R_DEPTH, R_BE, R_TC, R_RMAX, R_GMAX,
	R_BMAX, R_RSH, R_GSH, R_BSH, R_PAD, R_NAMELEN, R_NAME,
	R_CMSG, R_CBPP, R_CDEPTH, R_CBE, R_CTC, R_CRMAX, R_CGMAX, R_CBMAX,
	R_CRSH, R_CGSH, R_CBSH, R_NENC, R_ENC, R_INCR, R_UX, R_UY, R_UW,
	R_UH, R_KDOWN, R_KEY, R_B1, R_B2, R_B3, R_B4, R_B5, R_B6, R_B7,
	R_B8, R_PX, R_PY, R_CCLEN, R_CCTEXT,
	R_SMSG, R_NRECTS, R_RX, R_RY, R_RW, R_RH, R_RENC, R_RAW, R_CRX,
	R_CRY, R_FIRST, R_NCOL, R_GROUPS, R_RED, R_GREEN, R_BLUE, R_SCLEN,
	R_SCTEXT, R_NRFB
};

extern const struct st_field_desc rfb_fields[R_NRFB];

/* Rows [a, b] of the table at byte off past c. */
void	rfb_rows(struct st_dctx *d, struct st_cur *c, size_t off, int a,
	    int b);
/* A text of n bytes at off past c (as tshark's ASCII strings), if all
 * of them are there. */
void	rfb_text(struct st_dctx *d, struct st_cur *c, int row, size_t off,
	    size_t n);
/* The big-endian number of n bytes at off past c (0 when missing). */
uint32_t rfb_peek(struct st_cur *c, size_t off, unsigned n);

/* A client message (7.5), a server message (7.6) in the normal traffic:
 * ST_OK, or ST_ETRUNC when cut short. */
int	rfb_client_msg(struct st_dctx *d, struct st_cur *c,
	    struct rfb_state *st, size_t left);
int	rfb_server_msg(struct st_dctx *d, struct st_cur *c,
	    const struct rfb_state *st, size_t left);

#endif
