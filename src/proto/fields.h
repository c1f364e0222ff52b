/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Shorthands for the field tables of src/proto/: one row per header field,
 * as the RFC draws it (bit offset from the header's start, width).
 */
#ifndef STRATA_PROTO_FIELDS_H
#define STRATA_PROTO_FIELDS_H

#include "strata/proto.h"
#include "strata/registry.h"

#define FD(k, n, l, off, w, f) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f) }
#define FDN(k, n, l, off, w, f, nm) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .names = (nm) }
#define FDX(k, n, l, off, w, f, sh, au, fl, df, nm) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .shift = (sh), .autofill = (au), \
	  .flags = (fl), .def = (df), .names = (nm) }
/* A part of another field (its bits inside the other's): detail. */
#define FDD(k, n, l, off, w, f) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .flags = ST_DF_DETAIL }
#define FDDN(k, n, l, off, w, f, nm) \
	{ .key = (k), .name = (n), .label = (l), .bitoff = (off), \
	  .bits = (w), .fmt = (f), .flags = ST_DF_DETAIL, .names = (nm) }

/* A generated field: a fact strata works out, not bits on the wire. */
#define FDG(n, l, f, nm) \
	{ .key = NULL, .name = (n), .label = (l), .fmt = (f), \
	  .flags = ST_DF_GEN, .names = (nm) }
/*
 * A generated checksum status that the JSON writes as Wireshark's number:
 * every status but the five strata has always written as words (IPv4,
 * TCP, UDP, ICMP, ICMPv6; docs/json.md).
 */
#define FDGS(n, l) \
	{ .key = NULL, .name = (n), .label = (l), .fmt = ST_FMT_ENUM, \
	  .flags = ST_DF_GEN | ST_DF_WSNUM, .names = st_ck_names }
#define NFIELDS(t) (sizeof(t) / sizeof((t)[0]))


#endif
