/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A 64-bit NTP timestamp (RFC 5905 6: seconds since 1900, a 32-bit binary
 * fraction) as a decoder's text field, written as Wireshark writes an
 * absolute time.  Protocols beside NTP carry them (MPLS LSP ping's sent
 * and received times, RFC 8029).
 */
#ifndef STRATA_NTPTIME_H
#define STRATA_NTPTIME_H

#include "strata/proto.h"

/*
 * Adds field fd over the 8 bytes at c's position plus byteoff, as "Sep 17,
 * 2023 21:48:16.500000000 UTC" (era 1, from 2036, when the top bit of the
 * seconds is clear); an all-zero timestamp reads as zero, its own text
 * (Wireshark's NTP says "NULL", its LSP ping the Unix epoch).  NULL when
 * the bytes were not captured (c->err is then set).
 */
struct st_field *st_dntptime(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, const char *zero);

#endif /* STRATA_NTPTIME_H */
