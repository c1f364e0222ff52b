/*
 * Protocol decoders and the registry that chains them.
 *
 * Each src/decode/<proto>.c exports one struct st_proto: its names, its
 * table of fields and its decode function.  src/decode/registry.c holds the
 * only list of protocols and the bind table that says which layer follows
 * which (an EtherType, an IP protocol number, a link type).
 */
#ifndef STRATA_DECODE_H
#define STRATA_DECODE_H

#include <stddef.h>
#include <stdint.h>

#include "strata/cursor.h"
#include "strata/model.h"

/*
 * A decoder chosen by port may answer this when the bytes are not its
 * protocol after all: the chain shows them as data instead.
 */
#define ST_ENOTME	3

/* What a layer's next-protocol value means, for the bind table. */
enum st_key {
	ST_KEY_NONE,
	ST_KEY_LINK,		/* a DLT_* link type */
	ST_KEY_ETHERTYPE,
	ST_KEY_IPPROTO,		/* IPv4 protocol / IPv6 next header */
	ST_KEY_NULLFAM,		/* BSD loopback address family */
	ST_KEY_TCPPORT,		/* TCP port (application decoders) */
	ST_KEY_UDPPORT		/* UDP port */
};

/* The network layer's facts a transport checksum needs. */
struct st_net {
	uint8_t		 fam;		/* 0 (none), 4 or 6 */
	uint8_t		 src[16];
	uint8_t		 dst[16];
	uint32_t	 tlen;		/* declared transport length */
	uint8_t		 frag;		/* a fragment: no checksum to verify */
};

/* The state a decoder reads and sets for its layer. */
struct st_dctx {
	struct st_packet *pkt;
	struct st_layer	 *ly;		/* the layer being decoded */
	unsigned	  depth;	/* quoting level */
	struct st_net	  net;

	/* Set by the decoder: */
	size_t		  hdr;		/* header bytes */
	size_t		  plen;		/* payload bytes declared; SIZE_MAX: all */
	int		  next_key;	/* enum st_key */
	uint32_t	  next_val;
	const struct st_proto *next;	/* or the next protocol itself */
	int		  rest_done;	/* the payload was decoded as nested */
};

struct st_proto {
	const char	*name;		/* strata's name: "ipv4" */
	const char	*ws;		/* Wireshark's protocol name: "ip" */
	const char	*title;		/* "Internet Protocol Version 4" */
	const char	*rfc;		/* "RFC 791" */
	const struct st_field_desc *fields;
	size_t		 nfields;
	/*
	 * Decodes the header at c (bounded to the bytes this layer may use),
	 * adding fields to d->pkt and setting d->hdr and what follows.
	 * Returns ST_OK, ST_ETRUNC (header cut short) or ST_EINVAL (after
	 * setting d->ly->why).
	 */
	int		(*decode)(struct st_dctx *d, struct st_cur *c);
	/* Rows of variable parts (options, records), for look-ups. */
	const struct st_field_desc *more;
	size_t		 nmore;
};

struct st_bind {
	int		 key;		/* enum st_key */
	uint32_t	 val;
	const struct st_proto *proto;
};

extern const struct st_proto st_proto_eth, st_proto_vlan, st_proto_qinq,
    st_proto_sll, st_proto_sll2, st_proto_null, st_proto_llc, st_proto_arp,
    st_proto_ipv4, st_proto_ipv6, st_proto_hopopts, st_proto_routing, st_proto_frag6,
    st_proto_dstopts, st_proto_icmp, st_proto_icmpv6, st_proto_tcp,
    st_proto_udp, st_proto_data, st_proto_trailer, st_proto_dns,
    st_proto_http, st_proto_tls;

/*
 * The application decoder for a TCP (tcp = 1) or UDP segment between
 * these ports, by the well-known port (destination first), or NULL.
 */
const struct st_proto *st_proto_app(int tcp, uint16_t sport, uint16_t dport);

/*
 * Adds a text field (fmt ST_FMT_TEXT) covering n bytes at c's position plus
 * byteoff; the text is copied into the packet, so it may be temporary.
 */
struct st_field *st_dtext(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n,
    const char *text);

/*
 * Escapes n wire bytes for display into out (size outn): printable ASCII
 * as is (backslash doubled), everything else as \xHH.  No control byte or
 * terminal escape from the wire reaches a terminal.  Returns the length.
 */
size_t st_escape(const uint8_t *p, size_t n, char *out, size_t outn);

/* ICMP and ICMPv6 type names, and the code names of a type (or NULL). */
extern const struct st_valname st_icmp_type_names[], st_icmpv6_type_names[];
const struct st_valname *st_icmp_code_names(unsigned type);
const struct st_valname *st_icmpv6_code_names(unsigned type);

/* Every protocol, NULL-terminated. */
extern const struct st_proto *const st_protos[];

/* The protocol bound to (key, val), or NULL. */
const struct st_proto *st_proto_next(int key, uint32_t val);

/*
 * The value under key that leads to p (the EtherType of IPv4, the IP
 * protocol number of TCP).  Returns 0 and sets *val, or -1.
 */
int st_proto_key(const struct st_proto *p, int key, uint32_t *val);

/*
 * The descriptor of the field named name (Wireshark's name), in any
 * protocol's tables, or NULL.  Views resolve the fields they read once,
 * then find them in a packet by pointer with st_pkt_fd.
 */
const struct st_field_desc *st_desc_find(const char *name);

/* The first field of layer ly (or the packet) described by d, or NULL. */
const struct st_field *st_pkt_fd(const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_field_desc *d);

/* The protocol named name ("ipv4", or Wireshark's "ip"), or NULL. */
const struct st_proto *st_proto_find(const char *name);

/*
 * Decodes pkt->data as a frame of link type linktype (DLT_*), filling pkt's
 * layers and fields.  Never fails: what cannot be decoded is marked in the
 * model.  Returns the number of layers.
 */
unsigned st_decode(struct st_packet *pkt, int linktype);

/*
 * Builds the tables the decoders otherwise make on first use, so that
 * threads may then decode at once (they only read them after this).
 */
void	st_decode_init(void);

/*
 * For decoders that carry a packet inside (ICMP errors): decodes the bytes
 * at c as a chain starting with proto, one quoting level deeper, and
 * consumes them.  Beyond ST_MAX_DEPTH the bytes are shown as data.
 */
void st_decode_nested(struct st_dctx *d, struct st_cur *c,
    const struct st_proto *proto);

/*
 * The value of field fd at the cursor, whose bytes the caller checked:
 * the bytes it touches, big-endian, shifted down and masked.
 */
static inline __attribute__((always_inline)) uint64_t
st_field_val(struct st_cur *c, const struct st_field_desc *fd)
{
	const uint8_t *p = c->base + c->off + fd->bitoff / 8;
	unsigned lead = fd->bitoff & 7, bits = fd->bits, nb, i;
	uint64_t v;

	if (fd->fmt == ST_FMT_IPV6 || fd->fmt == ST_FMT_BYTES || bits > 64)
		return 0;
	if (lead == 0) {			/* the common cases, directly */
		if (bits == 8)
			return p[0];
		if (bits == 16)
			return (uint64_t)(p[0] << 8 | p[1]);
		if (bits == 32)
			return (uint64_t)p[0] << 24 | (uint64_t)p[1] << 16 |
			    (uint64_t)p[2] << 8 | p[3];
	}
	nb = (lead + bits + 7) / 8;
	if (nb > 8)		/* 58..64 bits not on a byte boundary */
		return st_peek_bits(c, fd->bitoff, fd->bits);
	for (v = 0, i = 0; i < nb; i++)
		v = v << 8 | p[i];
	v >>= nb * 8 - lead - bits;
	return bits < 64 ? v & (((uint64_t)1 << bits) - 1) : v;
}

/*
 * Adds the field described by fd, read from the header at c (fd->bitoff is
 * from the cursor's position), to the current layer, and returns it; NULL
 * when its bits were not captured (c->err is then ST_ETRUNC) or the packet
 * is full.  Inline: with fd a row of the caller's own table, the compiler
 * works out most of it.
 */
static inline __attribute__((always_inline)) struct st_field *
st_dfield(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd)
{
	size_t nbytes = ((size_t)fd->bitoff + fd->bits + 7) / 8;

	if (!st_cur_need(c, nbytes))
		return NULL;
	return st_pkt_add_field(d->pkt, fd, (uint32_t)(c->off * 8 + fd->bitoff),
	    fd->bits, st_field_val(c, fd) << fd->shift);
}

/* Adds every row of fds[0..n) that lies in the header at c. */
int st_dfields(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fds, size_t n);

/* Adds a field of n bytes at c's position plus byteoff, without moving. */
struct st_field *st_dbytes(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n);

/* Adds a generated field (no bits on the wire) with value val. */
struct st_field *st_dgen(struct st_dctx *d, const struct st_field_desc *fd,
    uint64_t val);

/* Marks the current layer malformed with a reason; returns ST_EINVAL. */
int st_dmalformed(struct st_dctx *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Sets the status of checksum field f: the covered bytes are the n bytes at
 * p, preceded by the pseudo-header sum pseudo (0 for none).  covered says
 * whether all of them were captured.
 */
void st_dcksum(struct st_dctx *d, struct st_field *f, const uint8_t *p,
    size_t n, uint32_t pseudo, int covered);

#endif /* STRATA_DECODE_H */
