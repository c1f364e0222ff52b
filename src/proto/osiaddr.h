/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NSAP addresses written as Wireshark writes them (epan/osi-utils.c), for
 * CLNP (clnp.c) and ES-IS (esis.c), which include this header only.
 */
#ifndef STRATA_PROTO_OSIADDR_H
#define STRATA_PROTO_OSIADDR_H

#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* An area (or an NSAP of no RFC 1237 length): groups of four bytes. */
static inline void
osi_area_text(char *buf, size_t sz, const uint8_t *a, size_t n)
{
	size_t k = 0, i = 0;

	if (n == 0 || n > 30) {
		snprintf(buf, sz, "<Invalid length of AREA>");
		return;
	}
	if ((a[0] == 0x39 || a[0] == 0x47) && (n == 13 || n == 14)) {
		k = (size_t)snprintf(buf, sz, "[%02x|%02x:%02x][%02x|%02x:%02x:"
		    "%02x|%02x:%02x][%02x:%02x|%02x:%02x]", a[0], a[1], a[2],
		    a[3], a[4], a[5], a[6], a[7], a[8], a[9], a[10], a[11],
		    a[12]);
		if (n == 14 && k < sz)
			snprintf(buf + k, sz - k, "-[%02x]", a[13]);
		return;
	}
	if (n == 3) {
		snprintf(buf, sz, "%02x.%02x%02x", a[0], a[1], a[2]);
		return;
	}
	/* Wireshark's loop: four bytes and a dot while fewer than n / 4
	 * are printed, then the rest without one. */
	if (n > 4)
		for (; i < n / 4 && k + 10 < sz; i += 4)
			k += (size_t)snprintf(buf + k, sz - k, "%02x%02x%02x%02x.",
			    a[i], a[i + 1], a[i + 2], a[i + 3]);
	for (; i < n && k + 3 < sz; i++)
		k += (size_t)snprintf(buf + k, sz - k, "%02x", a[i]);
	buf[k] = '\0';
}

/* An NSAP or NET: a 20-byte (GOSIP) one as area, system ID and NSEL. */
static inline void
osi_nsap_text(char *buf, size_t sz, const uint8_t *a, size_t n)
{
	size_t k;

	if (n == 0 || n > 30) {
		snprintf(buf, sz, "<Invalid length of NSAP>");
		return;
	}
	if (n != 20 && n != 21) {
		osi_area_text(buf, sz, a, n);
		return;
	}
	osi_area_text(buf, sz, a, 13);
	k = strlen(buf);
	if (k < sz)
		k += (size_t)snprintf(buf + k, sz - k, "%02x%02x.%02x%02x."
		    "%02x%02x[%02x]", a[13], a[14], a[15], a[16], a[17], a[18],
		    a[19]);
	if (n == 21 && k < sz)
		snprintf(buf + k, sz - k, "-%02x", a[20]);
}

#endif
