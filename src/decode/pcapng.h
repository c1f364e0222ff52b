/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata's own pcapng reader (private to src/decode/ and its tests): the
 * blocks libpcap refuses or flattens (interfaces of different link types,
 * snapshot lengths and time resolutions; several sections) read as
 * Wireshark reads them.  Every byte of the file is untrusted.
 */
#ifndef STRATA_DECODE_PCAPNG_H
#define STRATA_DECODE_PCAPNG_H

#include <stdint.h>
#include <stdio.h>

#include "strata/reader.h"

#define ST_PCAPNG_MAGIC	0x0A0D0D0AU
#define ST_PCAPNG_MAXBLOCK (16U * 1024 * 1024)	/* a sane block's most */

struct st_pcapng;

/*
 * Reads the Section Header Block at the start of fp (its first byte
 * already read and pushed back, or not read).  NULL with why when it is
 * not a pcapng file or its first block is broken; fp is left to the caller
 * then.  Otherwise the reader owns fp (st_pcapng_close closes it unless it
 * is stdin).
 */
struct st_pcapng *st_pcapng_open(FILE *fp, char *why, size_t n);
/*
 * The next packet into rec (data valid until the next call; num left to
 * the caller): 1; -2 at the end of the file; -1 on an error
 * (st_pcapng_error says it).
 */
int	st_pcapng_next(struct st_pcapng *g, struct st_record *rec);
const char *st_pcapng_error(const struct st_pcapng *g);
/* The link type (DLT_*) of the first interface described, or -1. */
int	st_pcapng_first_lt(const struct st_pcapng *g);
FILE	*st_pcapng_file(const struct st_pcapng *g);
void	st_pcapng_close(struct st_pcapng *g);

#endif /* STRATA_DECODE_PCAPNG_H */
