/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A minimal pcapng writer (draft-ietf-opsawg-pcapng): a section header
 * block, one interface description block with nanosecond resolution, and
 * an enhanced packet block per packet.  Little-endian, as the host writes.
 */
#include <errno.h>
#include <string.h>

#include "strata/capture.h"

static void
put(struct st_ng *w, const void *p, size_t n)
{
	if (w->err == 0 && fwrite(p, 1, n, w->fp) != n)
		w->err = errno != 0 ? errno : EIO;
}

static void
put32(struct st_ng *w, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16),
		(uint8_t)(v >> 24) };

	put(w, b, 4);
}

static void
put16(struct st_ng *w, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)v, (uint8_t)(v >> 8) };

	put(w, b, 2);
}

static void
pad(struct st_ng *w, size_t n)
{
	static const uint8_t z[4];

	put(w, z, (4 - n % 4) % 4);
}

int
st_ng_open(struct st_ng *w, FILE *fp, int linktype, int snaplen,
    const char *ifname)
{
	size_t nl = ifname != NULL ? strlen(ifname) : 0, opts;

	w->fp = fp;
	w->err = 0;
	/* Section header: magic, version 1.0, section length unknown. */
	put32(w, 0x0a0d0d0a);
	put32(w, 28);
	put32(w, 0x1a2b3c4d);
	put16(w, 1);
	put16(w, 0);
	put32(w, 0xffffffff);
	put32(w, 0xffffffff);
	put32(w, 28);
	/* Interface: if_name, if_tsresol = 9 (nanoseconds), end. */
	opts = (nl > 0 ? 4 + (nl + 3) / 4 * 4 : 0) + 8 + 4;
	put32(w, 1);
	put32(w, (uint32_t)(20 + opts));
	put16(w, (uint16_t)linktype);
	put16(w, 0);
	put32(w, (uint32_t)snaplen);
	if (nl > 0) {
		put16(w, 2);
		put16(w, (uint16_t)nl);
		put(w, ifname, nl);
		pad(w, nl);
	}
	put16(w, 9);
	put16(w, 1);
	put(w, "\x09\0\0\0", 4);
	put32(w, 0);
	put32(w, (uint32_t)(20 + opts));
	if (w->err != 0) {
		errno = w->err;
		return -1;
	}
	return 0;
}

int
st_ng_write(struct st_ng *w, const struct timespec *ts, const uint8_t *data,
    uint32_t caplen, uint32_t len)
{
	uint64_t t = (uint64_t)ts->tv_sec * 1000000000ULL +
	    (uint64_t)ts->tv_nsec;
	uint32_t total = 32 + (caplen + 3) / 4 * 4;

	put32(w, 6);
	put32(w, total);
	put32(w, 0);			/* interface 0 */
	put32(w, (uint32_t)(t >> 32));
	put32(w, (uint32_t)t);
	put32(w, caplen);
	put32(w, len);
	put(w, data, caplen);
	pad(w, caplen);
	put32(w, total);
	if (w->err != 0) {
		errno = w->err;
		return -1;
	}
	return 0;
}

int
st_ng_close(struct st_ng *w)
{
	if (w->fp != NULL && fflush(w->fp) != 0 && w->err == 0)
		w->err = errno;
	if (w->err != 0) {
		errno = w->err;
		return -1;
	}
	return 0;
}
