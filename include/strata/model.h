/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The packet model: one decoded (or crafted) packet is a stack of layers,
 * each with its protocol, the bytes it covers and its fields.  Decoders fill
 * it, the crafter builds it, and every view only reads it.
 *
 * Nothing here is allocated per packet: a struct st_packet holds fixed-size
 * arrays and a small string arena, and is reused from one packet to the
 * next with st_pkt_reset().
 */
#ifndef STRATA_MODEL_H
#define STRATA_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define ST_MAX_LAYERS	64	/* layers in one packet, quoted ones included */
#define ST_MAX_FIELDS	1024	/* fields in one packet */
#define ST_MAX_NOTES	8	/* packet-level notes */
#define ST_MAX_DEPTH	3	/* ICMP errors quoting ICMP errors: levels shown */
#define ST_MAX_VLAN	8	/* stacked 802.1Q/802.1ad tags decoded */
#define ST_MAX_EXTHDR	16	/* IPv6 extension headers decoded */
#define ST_STRBUF	8192	/* bytes of notes and texts per packet */

/* How a field's value is shown. */
enum st_fmt {
	ST_FMT_DEC,		/* unsigned decimal */
	ST_FMT_HEX,		/* 0x-prefixed, zero-padded to its width */
	ST_FMT_BOOL,		/* a one-bit flag */
	ST_FMT_IPV4,		/* the field's bytes are an IPv4 address */
	ST_FMT_IPV6,		/* ... an IPv6 address */
	ST_FMT_MAC,		/* ... a 48-bit MAC address */
	ST_FMT_BYTES,		/* ... raw bytes, shown as hex */
	ST_FMT_ENUM,		/* a generated status, shown by its name */
	ST_FMT_TEXT		/* text worked out from the bytes (a DNS name,
				   an HTTP line): in st_field.meaning, escaped */
};

/* Field descriptor flags. */
#define ST_DF_GEN	0x01	/* generated: not on the wire (tcp.len) */
#define ST_DF_CKSUM	0x02	/* a checksum: st_field.ck says its status */
#define ST_DF_SIGNED	0x04	/* shown as a signed number */
#define ST_DF_DETAIL	0x08	/* a part of another field (tcp.flags.syn of
				   tcp.flags): skipped by a lite decode */
#define ST_DF_UNITS	0x10	/* shown scaled (<< shift), but Wireshark's
				   field holds the wire value (ip.frag_offset
				   in 8-byte units): tshark -T ek writes that */
#define ST_DF_WSNUM	0x20	/* a status the JSON writes as Wireshark's
				   number (0 bad, 1 good, 2 unverified,
				   3 not present), not as strata's word */
#define ST_DF_COLONS	0x80	/* bytes the JSON writes as tshark does,
				   03:03:07 (a tree node with no type of its
				   own, tcp.options.wscale: read as bytes
				   only with the colons) */
#define ST_DF_DECTOO	0x40	/* hex shown with its decimal beside, as
				   tshark shows ip.id: 0xf414 (62484) */
#define ST_DF_ASCII	0x100	/* bytes Wireshark holds as an ASCII string
				   (http.file_data): the JSON and ek views
				   write them as tshark does, as text to the
				   first NUL, each byte above 0x7f as
				   U+FFFD; the other views as bytes */
/* What happens to a field on the way, for the quote view to explain. */
#define ST_DF_HOPS	0x200	/* a hop count each router lowers (ip.ttl,
				   ipv6.hlim) */
#define ST_DF_KFILL	0x400	/* left 0 in a packet sent on a raw socket,
				   the sending kernel fills it in (ip.id,
				   ip.len, ip.checksum, ip.src, ipv6.src) */
#define ST_DF_CLASS	0x800	/* a class of service routers may remark
				   (ip.dsfield.dscp, ipv6.tclass.dscp) */

/* What the builder computes when the spec leaves the field out. */
enum st_auto {
	ST_AUTO_NONE,
	ST_AUTO_HLEN,		/* header length */
	ST_AUTO_LEN,		/* total length */
	ST_AUTO_PLEN,		/* payload length */
	ST_AUTO_NEXT,		/* next-protocol number */
	ST_AUTO_CKSUM		/* checksum, computed last */
};

/* Checksum status of a checksum field. */
enum st_ck {
	ST_CK_NONE,		/* not a checksum */
	ST_CK_GOOD,
	ST_CK_BAD,		/* st_field.aux holds the expected value */
	ST_CK_UNVERIFIED,	/* the bytes it covers were not all captured */
	ST_CK_PARTIAL,		/* offloaded: holds only the pseudo-header sum */
	ST_CK_ABSENT		/* zero UDP checksum over IPv4: none was sent */
};

/* st_field.aux of an ST_CK_UNVERIFIED checksum: why it was not worked out
 * (0: bytes not captured). */
#define ST_CKU_FRAGMENT	1	/* the layer is in a fragment: verified on
				   the frame that completes the datagram,
				   when reassembled */

struct st_valname {
	uint32_t	 val;
	const char	*name;
};

/*
 * A field as a protocol defines it: one row of the protocol's table.  The
 * same rows drive decoding, building and the header diagrams.
 */
struct st_field_desc {
	const char		*key;	/* spec key: "ttl" */
	const char		*name;	/* Wireshark's name: "ip.ttl" */
	const char		*label;	/* "Time to live" */
	uint16_t		 bitoff; /* from the header's start */
	uint16_t		 bits;	/* width; 0 for variable */
	uint8_t			 fmt;	/* enum st_fmt */
	uint8_t			 shift;	/* value = wire value << shift */
	uint8_t			 autofill; /* enum st_auto */
	uint16_t		 flags;	/* ST_DF_* */
	uint32_t		 def;	/* builder default */
	const struct st_valname	*names;	/* meanings of values, or NULL */
};

/* A field as decoded in one packet. */
struct st_field {
	const struct st_field_desc *desc;
	uint32_t	 bitoff;	/* from the frame's first bit */
	uint32_t	 bits;		/* width on the wire; 0 if generated */
	uint64_t	 val;		/* integer value, scaled by desc->shift */
	uint32_t	 aux;		/* checksum: the expected value */
	uint8_t		 ck;		/* enum st_ck */
	const char	*meaning;	/* overrides desc->names; NULL if none */
};

/* Layer status. */
enum st_ls {
	ST_LS_OK,
	ST_LS_TRUNCATED,	/* the capture ends inside the header */
	ST_LS_MALFORMED,	/* the header contradicts itself: see why */
	ST_LS_PARTIAL		/* a quoted header cut short, as ICMP does */
};

struct st_proto;

struct st_layer {
	const struct st_proto *proto;
	uint32_t	 off;		/* first byte, from the frame's start */
	uint32_t	 hdr_len;	/* header bytes */
	uint32_t	 len;		/* header and payload bytes captured */
	uint16_t	 field0;	/* index of its first field */
	uint16_t	 nfields;
	uint8_t		 depth;		/* 0, or the quoting level in ICMP */
	uint8_t		 status;	/* enum st_ls */
	uint8_t		 note0;		/* the packet's notes before it */
	const char	*why;		/* reason when malformed */
};

struct st_packet {
	const uint8_t	*data;		/* captured bytes */
	uint32_t	 caplen;	/* bytes captured */
	uint32_t	 len;		/* bytes on the wire */
	uint64_t	 num;		/* frame number, from 1 */
	struct timespec	 ts;
	int		 linktype;	/* DLT_* */
	int		 lite;		/* skip ST_DF_DETAIL fields (summary) */

	struct st_layer	 layers[ST_MAX_LAYERS];
	unsigned	 nlayers;
	struct st_field	 fields[ST_MAX_FIELDS];
	unsigned	 nfields;
	struct st_field	 spill;		/* handed out once fields[] is full */
	unsigned	 nspilled;	/* fields that went to spill */
	unsigned	 nbadck;	/* checksum fields found bad */
	const char	*notes[ST_MAX_NOTES];
	unsigned	 nnotes;
	char		 str[ST_STRBUF];
	size_t		 strused;
	/*
	 * When the frame completes a fragmented datagram (src/decode/
	 * reasm.c): the line that lists its fragments, and with reassembly
	 * on, the datagram's payload after the frame's bytes, at
	 * data[caplen .. caplen + xlen), where the layers decoded from it
	 * lie.  xbuf (xcap bytes) is the packet's own, kept across resets.
	 */
	const char	*reasm;
	uint32_t	 xtotal;	/* the datagram's payload bytes */
	uint8_t		 frag;		/* a network layer is a fragment: only
					   then do views ask the frag hooks */
	uint32_t	 xlen;
	uint8_t		*xbuf;
	size_t		 xcap;
	/* When the bytes after the frame's own are not a reassembly but
	 * made by a decoder (st_dderive): what they are, "QUIC Initial's
	 * CRYPTO data, opened"; NULL otherwise. */
	const char	*xwhat;
};

/* Makes pkt empty and points it at data; keeps no reference to old data. */
void	st_pkt_reset(struct st_packet *pkt, const uint8_t *data,
	    uint32_t caplen, uint32_t len);

/*
 * Appends a layer of proto at byte off.  Returns it, or NULL when the packet
 * holds ST_MAX_LAYERS already (a note then says so).
 */
struct st_layer *st_pkt_add_layer(struct st_packet *pkt,
	    const struct st_proto *proto, uint32_t off, unsigned depth);

/* Adds a packet-level note (a static string, or one from st_pkt_printf). */
void	st_pkt_note(struct st_packet *pkt, const char *note);

/*
 * Appends a field to the packet's last layer and returns it.  When the packet
 * holds ST_MAX_FIELDS already, a note says so and the field is written to
 * pkt->spill instead: filled in but in no layer, so a decoder can still read
 * back what it just decoded.  NULL only when there is no layer yet.  Inline:
 * the decoders call it for every field of every packet.
 */
static inline struct st_field *
st_pkt_add_field(struct st_packet *pkt, const struct st_field_desc *desc,
    uint32_t bitoff, uint32_t bits, uint64_t val)
{
	struct st_field *f;

	if (pkt->nlayers == 0)
		return 0;
	if (pkt->nfields >= ST_MAX_FIELDS) {
		if (pkt->nspilled++ == 0)
			st_pkt_note(pkt, "too many fields: the rest is not shown");
		f = &pkt->spill;
	} else
		f = &pkt->fields[pkt->nfields++];
	f->desc = desc;
	f->bitoff = bitoff;
	f->bits = bits;
	f->val = val;
	f->aux = 0;
	f->ck = ST_CK_NONE;
	f->meaning = 0;
	if (f != &pkt->spill)
		pkt->layers[pkt->nlayers - 1].nfields++;
	return f;
}

/*
 * Formats into the packet's string arena.  Returns the string; when the
 * arena is full, a static "..." so callers never get NULL.
 */
const char *st_pkt_printf(struct st_packet *pkt, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* Copies s into the packet's string arena (as st_pkt_printf, no format). */
const char *st_pkt_strdup(struct st_packet *pkt, const char *s);

/* The meaning of f's value (from the field or its table), or NULL. */
const char *st_field_meaning(const struct st_field *f);

/* Looks val up in a {0, NULL}-terminated table; NULL when absent. */
const char *st_valname(const struct st_valname *t, uint32_t val);

/* The first layer of protocol name at depth (0 = outermost), or NULL. */
const struct st_layer *st_pkt_layer(const struct st_packet *pkt,
    const char *name, unsigned depth);

/*
 * The first field named name in layer ly (or in the whole packet when ly is
 * NULL), or NULL.
 */
const struct st_field *st_pkt_field(const struct st_packet *pkt,
	    const struct st_layer *ly, const char *name);

/* The value of field name in layer ly (NULL: none), or def when absent. */
uint64_t st_pkt_val(const struct st_packet *pkt, const struct st_layer *ly,
	    const char *name, uint64_t def);

/*
 * Whether field fa of packet a and fb of b hold the same value: the same
 * bytes for addresses and byte strings, the same number otherwise.
 */
int	st_field_equal(const struct st_packet *a, const struct st_field *fa,
	    const struct st_packet *b, const struct st_field *fb);

/* The first field of layer ly (or the packet) described by d, or NULL. */
const struct st_field *st_pkt_fd(const struct st_packet *pkt,
    const struct st_layer *ly, const struct st_field_desc *d);

/* Bytes of a byte-valued field (address, payload), bounded by caplen. */
const uint8_t *st_field_bytes(const struct st_packet *pkt,
	    const struct st_field *f, size_t *n);

#endif /* STRATA_MODEL_H */
