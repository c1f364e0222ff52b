/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A NUL-terminated string on the wire (Wireshark's FT_STRINGZ) as a
 * decoder's text field: timed's machine name, Kerberos v4's names.
 */
#ifndef STRATA_TEXTZ_H
#define STRATA_TEXTZ_H

#include "strata/proto.h"

/*
 * Adds field fd over the string at c's position plus byteoff and its NUL,
 * its text as tshark shows an ASCII string (st_escape_ascii, at most
 * ST_DTEXT_MAX bytes of it).  Returns the bytes it covers, the NUL
 * included; 0 when no NUL comes before the end of c's bytes (c->err is
 * then ST_ETRUNC, nothing is added: the string runs past what is there).
 */
size_t	st_dtextz(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff);

#endif /* STRATA_TEXTZ_H */
