/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Solaris's IP observability header (LINKTYPE_IPNET, 226), what snoop and
 * libpcap write for an ipnet device (/dev/ipnet/...: IP packets as the
 * stack sees them, loopback and inter-zone traffic included), after
 * Wireshark's packet-ipnet.c.  24 bytes, big-endian:
 *
 * +---------+---------+-------------------+
 * | version | family  | hook type         |
 * +---------+---------+-------------------+
 * | data length                           |
 * | interface index                       |
 * | group interface index (IPMP)          |
 * | source zone ID                        |
 * | destination zone ID                   |
 * +---------------------------------------+
 *
 * Family 2 is IPv4 and 26 IPv6 (Solaris's AF_INET6); the packet follows.
 */
#include "strata/out.h"
#include "fields.h"

#define IPNET_HDR	24

enum { F_VER, F_FAM, F_HTYPE, F_LEN, F_IF, F_GRIF, F_ZSRC, F_ZDST };

static const struct st_valname fam_names[] = {
	{ 2, "IPv4" }, { 26, "IPv6" }, { 0, NULL }
};
static const struct st_valname htype_names[] = {
	{ 0, "Inbound" }, { 1, "Outbound" }, { 2, "Local" }, { 0, NULL }
};

static const struct st_field_desc ipnet_fields[] = {
	FD(NULL, "ipnet.version", "Header version", 0, 8, ST_FMT_DEC),
	FDN("family", "ipnet.family", "Address family", 8, 8, ST_FMT_DEC,
	    fam_names),
	FDN("hook", "ipnet.htype", "Hook type", 16, 16, ST_FMT_DEC,
	    htype_names),
	FD(NULL, "ipnet.pktlen", "Data length", 32, 32, ST_FMT_DEC),
	FD("ifindex", "ipnet.ifindex", "Interface index", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "ipnet.grifindex", "Group interface index", 96, 32,
	    ST_FMT_DEC),
	FD(NULL, "ipnet.zsrc", "Source Zone ID", 128, 32, ST_FMT_DEC),
	FD(NULL, "ipnet.zdst", "Destination Zone ID", 160, 32, ST_FMT_DEC),
};

static int
ipnet_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	unsigned fam;

	st_dfields(d, c, ipnet_fields, NFIELDS(ipnet_fields));
	fam = (unsigned)st_peek_bits(c, 8, 8);
	if (c->err != ST_OK || left < IPNET_HDR) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = IPNET_HDR;
	d->next_key = ST_KEY_ETHERTYPE;
	if (fam == 2)
		d->next_val = 0x0800;
	else if (fam == 26)
		d->next_val = 0x86dd;
	else {
		d->next_key = ST_KEY_NONE;
		d->data = 1;
	}
	return ST_OK;
}

static const struct st_bind ipnet_binds[] = {
	{ ST_KEY_LINK, 226 },		/* DLT_IPNET */
};

/* "ipnet outbound if 3 zone 0>5": the hook and where it was seen. */
static int
ipnet_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_ZDST + 1];
	const char *m;

	st_ly_fields(s->pkt, ly, ipnet_fields, F_ZDST + 1, f);
	if (f[F_HTYPE] == NULL)
		return 0;
	st_out_puts(s->o, "ipnet ");
	if ((m = st_field_meaning(f[F_HTYPE])) != NULL)
		st_out_puts(s->o, m);
	else
		s->value(s, f[F_HTYPE]);
	st_out_puts(s->o, " if ");
	s->value(s, f[F_IF]);
	st_out_puts(s->o, " zone ");
	s->value(s, f[F_ZSRC]);
	st_out_putc(s->o, '>');
	s->value(s, f[F_ZDST]);
	return 1;
}

static const struct st_field_desc *const ipnet_keys[] = {
	&ipnet_fields[F_FAM], &ipnet_fields[F_HTYPE], &ipnet_fields[F_IF],
	NULL,
};

const struct st_proto st_proto_ipnet = {
	.name = "ipnet",
	.ws = "ipnet",
	.title = "Solaris IPNET",
	.rfc = "Solaris, no RFC (libpcap's LINKTYPE_IPNET)",
	.role = ST_ROLE_LINK,
	.fields = ipnet_fields,
	.nfields = NFIELDS(ipnet_fields),
	.decode = ipnet_decode,
	.binds = ipnet_binds,
	.nbinds = NFIELDS(ipnet_binds),
	.summary = ipnet_summary,
	.keys = ipnet_keys,
	.color = "\033[36m",
	.explain = "Solaris (and illumos) capture IP packets on an ipnet "
	    "device as the IP stack handles them, with no link header: "
	    "traffic between zones on one host and over loopback is seen "
	    "too.  This header says where: the hook (inbound, outbound, "
	    "local), the interface index, the IPMP group's, the source and "
	    "destination zones, then the family (2 IPv4, 26 IPv6) of the "
	    "packet that follows.",
};
