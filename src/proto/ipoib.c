/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IP over InfiniBand (RFC 4391 section 6) as libpcap captures it
 * (LINKTYPE_IPOIB, 242): a 40-byte pseudo-header, then the 4-byte IPoIB
 * encapsulation header.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-------+---------------+---------------------------------------+
 * |IPVer  | Traffic class |             Flow label                |
 * +-------+-------+-------+---------------------------------------+
 * |     (byte 4)  |            Source QPN                         |
 * +---------------+-----------------------------------------------+
 * |            Source GID (16 bytes)                              |
 * +---------------------------------------------------------------+
 * |            Destination GID (16 bytes)                         |
 * +-------------------------------+-------------------------------+
 * |             Type              |           Reserved            |
 * +-------------------------------+-------------------------------+
 *
 * The first 40 bytes are the received packet's Global Route Header; when
 * its first 16 bits are zero there was none (unicast) and bytes 20..40
 * hold the destination address instead: a reserved byte, the destination
 * queue pair number, the destination GID.  The type is an EtherType.
 */
#include <pcap/dlt.h>

#include "fields.h"

enum { F_DADDR, F_QPN, F_DGID, F_TYPE, F_RES, F_GRH, F_IPVER, F_TCLASS,
	F_FLOW, F_SQPN, F_SGID, F_GDGID, F_NIPOIB };

static const struct st_field_desc ipoib_fields[] = {
	FD(NULL, "ipoib.daddr", "Destination address", 160, 160,
	    ST_FMT_BYTES),
	FD("qpn", "ipoib.daddr.qpn", "Destination QPN", 168, 24, ST_FMT_HEX),
	FD("dgid", "ipoib.dgid", "Destination GID", 192, 128, ST_FMT_IPV6),
	FD("type", "ipoib.type", "Type", 320, 16, ST_FMT_HEX),
	FD(NULL, "ipoib.reserved", "Reserved", 336, 16, ST_FMT_HEX),
	FD(NULL, "ipoib.grh", "Global Route Header", 0, 320, ST_FMT_BYTES),
	FD(NULL, "ipoib.grh.ipver", "IP Version", 0, 4, ST_FMT_DEC),
	FD(NULL, "ipoib.grh.tclass", "Traffic Class", 4, 8, ST_FMT_DEC),
	FD(NULL, "ipoib.grh.flowlabel", "Flow Label", 12, 20, ST_FMT_DEC),
	FD("sqpn", "ipoib.grh.sqpn", "Source QPN", 40, 24, ST_FMT_HEX),
	FD("sgid", "ipoib.grh.sgid", "Source GID", 64, 128, ST_FMT_IPV6),
	FD(NULL, "ipoib.dgid", "Destination GID", 192, 128, ST_FMT_IPV6),
};

_Static_assert(NFIELDS(ipoib_fields) == F_NIPOIB, "one row per F_ index");

static int
ipoib_decode(struct st_dctx *d, struct st_cur *c)
{
	if (!st_cur_need(c, 2))
		return c->err;
	if (st_peek_bits(c, 0, 16) == 0)	/* no GRH: the address */
		st_dfields(d, c, &ipoib_fields[F_DADDR], 3);
	else {
		/* As Wireshark: the header's fields even when it is cut. */
		if (st_cur_left(c) >= 40)
			st_dfield(d, c, &ipoib_fields[F_GRH]);
		st_dfields(d, c, &ipoib_fields[F_IPVER], F_NIPOIB - F_IPVER);
	}
	st_dfields(d, c, &ipoib_fields[F_TYPE], 2);
	if (c->err != ST_OK)
		return c->err;
	d->hdr = 44;
	d->next_key = ST_KEY_ETHERTYPE;
	d->next_val = st_peek_bits(c, 320, 16);
	return ST_OK;
}

static const struct st_bind ipoib_binds[] = {
	{ ST_KEY_LINK, DLT_IPOIB },
};

/* @summary */
/* @views */
static const struct st_field_desc *const ipoib_keys[] = {
	&ipoib_fields[F_TYPE], &ipoib_fields[F_QPN], NULL,
};

const struct st_proto st_proto_ipoib = {
	.name = "ipoib",
	.ws = "ipoib",
	.title = "IP over Infiniband",
	.rfc = "RFC 4391",
	.role = ST_ROLE_LINK,
	.fields = ipoib_fields,
	.nfields = NFIELDS(ipoib_fields),
	.decode = ipoib_decode,
	.binds = ipoib_binds,
	.nbinds = NFIELDS(ipoib_binds),
	/* @summary */
	/* @views */
	.keys = ipoib_keys,
	.explain = "IPoIB carries IP (and ARP) over an InfiniBand fabric "
	    "(RFC 4391).  libpcap puts before its 4-byte header (an "
	    "EtherType and a reserved word) the 40-byte Global Route Header "
	    "of the received packet, or, for a unicast packet without one, "
	    "the destination's queue pair number and GID.",
	/* @craft */
	/* @probes */
};
