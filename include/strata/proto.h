/*
 * The protocol descriptor: everything strata knows of one protocol, in one
 * struct that the protocol's own file (src/proto/<name>.c) fills.  The
 * decode loop, the crafter and every view read protocols only through it,
 * so adding a protocol is one new file and one line in the registry.
 *
 * Also here: the helpers a decoder uses to add its fields to the packet
 * model, every read going through the bounds-checked cursor.  They know no
 * protocol (src/model/dfield.c).
 */
#ifndef STRATA_PROTO_H
#define STRATA_PROTO_H

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
	ST_KEY_UDPPORT,		/* UDP port */
	ST_KEY_8023		/* an 802.3 length frame: what the LLC header
				   starts (value 0) */
};

/* What a protocol is, for the views that treat layers by kind. */
enum st_role {
	ST_ROLE_NONE,
	ST_ROLE_LINK,		/* frames on one link: Ethernet, tags, LLC */
	ST_ROLE_NET,		/* end-to-end addresses: IPv4, IPv6 */
	ST_ROLE_NETEXT,		/* a part of the network header carried as a
				   layer of its own (IPv6 extension headers) */
	ST_ROLE_TRANSPORT,	/* ports and segments: TCP, UDP */
	ST_ROLE_CONTROL,	/* messages about the network itself: ICMP,
				   ICMPv6, ARP */
	ST_ROLE_APP,		/* the application's own bytes: DNS, HTTP */
	ST_ROLE_DATA,		/* bytes no decoder claimed */
	ST_ROLE_TRAILER		/* bytes after the frame's payload */
};

/* Protocol flags. */
#define ST_PF_STREAM	0x01	/* a byte stream (TCP): what rides on it
				   may be framed across segments */
#define ST_PF_TAG	0x02	/* a stacked link tag (802.1Q): bounded by
				   ST_MAX_VLAN in one chain */

/* The network layer's facts a transport checksum needs. */
struct st_net {
	uint8_t		 fam;		/* 0 (none), 4 or 6 */
	uint8_t		 src[16];
	uint8_t		 dst[16];	/* the final destination */
	uint32_t	 tlen;		/* declared transport length */
	uint8_t		 frag;		/* a fragment: no checksum to verify */
};

struct st_proto;
struct st_dctx;

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
	int		  data;		/* the payload is data, whatever follows */
	int		  rest_done;	/* the payload was decoded as nested */

	/* Set by the decode loop: decodes a carried packet (st_dnest). */
	void		(*nest)(struct st_dctx *d, struct st_cur *c, int key,
			    uint32_t val);
};

/*
 * Which bytes a checksum covers and how it is summed: one definition, read
 * by the decoder (st_dck), the builder and the checksum view.
 */
enum st_ckcover {
	ST_CKC_HEADER,		/* the layer's header (IPv4) */
	ST_CKC_PAYLOAD,		/* the layer to the end of what the network
				   layer declares (ICMP, TCP) */
	ST_CKC_LENFIELD		/* as many bytes as the layer's own length
				   field says (UDP) */
};

struct st_ckspec {
	const struct st_field_desc *field;	/* the checksum */
	const struct st_field_desc *status;	/* its generated status */
	const struct st_field_desc *lenfield;	/* ST_CKC_LENFIELD */
	uint8_t		 cover;		/* enum st_ckcover */
	uint8_t		 fam;		/* verified only over this network
					   family (4 or 6); 0: either */
	uint8_t		 pseudo;	/* pseudo-header protocol; 0: none */
	uint8_t		 zero_v4;	/* zero over IPv4: none was sent */
};

/* One key under which this protocol follows another. */
struct st_bind {
	int		 key;		/* enum st_key */
	uint32_t	 val;
};

struct st_proto {
	/* Names. */
	const char	*name;		/* strata's name: "ipv4" */
	const char	*ws;		/* Wireshark's protocol name: "ip" */
	const char	*title;		/* "Internet Protocol Version 4" */
	const char	*rfc;		/* "RFC 791" */
	uint8_t		 role;		/* enum st_role */
	uint8_t		 flags;		/* ST_PF_* */

	/* Decoding. */
	const struct st_field_desc *fields;
	size_t		 nfields;
	/* Rows of variable parts (options, records), for look-ups. */
	const struct st_field_desc *more;
	size_t		 nmore;
	/*
	 * Decodes the header at c (bounded to the bytes this layer may use),
	 * adding fields to d->pkt and setting d->hdr and what follows.
	 * Returns ST_OK, ST_ETRUNC (header cut short) or ST_EINVAL (after
	 * setting d->ly->why).
	 */
	int		(*decode)(struct st_dctx *d, struct st_cur *c);
	/* The keys under which it follows another layer (the registry's
	 * bind table is made of these). */
	const struct st_bind *binds;
	size_t		 nbinds;
	/* Optional: the value names of field fd when they depend on the
	 * value ctl of another field (ICMP codes by type), or NULL. */
	const struct st_valname *(*names)(const struct st_field_desc *fd,
			    uint64_t ctl);
	/* Optional: tables made once before any decoding (st_decode_init),
	 * so that threads only read them. */
	void		(*init)(void);

	/* Conversations: source and destination addresses (a network
	 * layer) or ports (a transport layer), or NULL. */
	const struct st_field_desc *ends[2];

	/* Its checksum, or NULL. */
	const struct st_ckspec *cksum;

	/* @summary */

	/* @views */

	/* @craft */

	/* @probes */
	/*
	 * Optional, for telling which received packet answers a probe
	 * (src/net/match.c).  answers: whether gl, this protocol's layer in
	 * got (NULL if got has none), answers sl of the packet sent; without
	 * it, a transport answers when its ends come back swapped.  quoted:
	 * whether ql, this protocol's layer quoted in an error, is sl as
	 * sent; without it, when the ends are equal.  is_error: whether gl is
	 * an error that quotes the packet that caused it.
	 */
	int		(*answers)(const struct st_packet *sent,
			    const struct st_layer *sl,
			    const struct st_packet *got,
			    const struct st_layer *gl);
	int		(*quoted)(const struct st_packet *sent,
			    const struct st_layer *sl,
			    const struct st_packet *got,
			    const struct st_layer *ql);
	int		(*is_error)(const struct st_packet *got,
			    const struct st_layer *gl);
	/* Optional: the echo a ping sends, for the ping engine. */
	const struct st_echo_desc *echo;
	/* Optional, a network layer's: its hop count (TTL, hop limit). */
	const struct st_field_desc *hops;
	/*
	 * Optional, for predicting the answer to a crafted packet
	 * (src/net/predict.c).  predict: for sl, this protocol's layer in
	 * sent (the network's, then the first above it that has the hook),
	 * sets the ST_OUT_* bits it expects in *expect and writes what
	 * comes back, as text, into text (n bytes; dst: the destination as
	 * text; listening: an enum st_listen); returns 1 when that is all
	 * there is to say, 0 to go on.  outcome: which ST_OUT_* a received
	 * packet is, read at gl.
	 */
	int		(*predict)(const struct st_packet *sent,
			    const struct st_layer *sl, int listening,
			    const char *dst, unsigned *expect, char *text,
			    size_t n);
	unsigned	(*outcome)(const struct st_packet *got,
			    const struct st_layer *gl);
};

/* Adds a text field (fmt ST_FMT_TEXT) covering n bytes at c's position plus
 * byteoff; the text is copied into the packet, so it may be temporary. */
struct st_field *st_dtext(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n,
    const char *text);

/*
 * Escapes n wire bytes for display into out (size outn): printable ASCII
 * as is (backslash doubled), everything else as \xHH.  No control byte or
 * terminal escape from the wire reaches a terminal.  Returns the length.
 */
size_t st_escape(const uint8_t *p, size_t n, char *out, size_t outn);

/*
 * For decoders that carry a packet inside (ICMP errors quoting one): decodes
 * the bytes at c as a chain starting with the protocol bound to (key, val),
 * one quoting level deeper, and consumes them.  Beyond ST_MAX_DEPTH the
 * bytes are shown as data.
 */
static inline void
st_dnest(struct st_dctx *d, struct st_cur *c, int key, uint32_t val)
{
	if (d->nest != NULL)
		d->nest(d, c, key, val);
}

/*
 * The value of field fd at the cursor, whose bytes the caller checked (only
 * st_dfield and the decode helpers call it): the bytes it touches,
 * big-endian, shifted down and masked.
 */
static inline __attribute__((always_inline)) uint64_t
st__field_val(struct st_cur *c, const struct st_field_desc *fd)
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
	    fd->bits, st__field_val(c, fd) << fd->shift);
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

/*
 * The bytes checksum ck of a layer covers: the layer starts at c's position
 * with hdr header bytes, over the network facts net.  Sets *n and *pseudo
 * (the pseudo-header sum, 0 for none).  Returns 1 when the checksum can be
 * verified and all n bytes were captured, 0 when it cannot (a fragment,
 * bytes missing, no network layer of the family it needs), and -1 when a
 * zero means none was sent.
 */
int st_ck_range(const struct st_ckspec *ck, const struct st_net *net,
    struct st_cur *c, size_t hdr, size_t *n, uint32_t *pseudo);

/*
 * Verifies checksum field f of the layer at c (hdr header bytes) as the
 * protocol's st_ckspec says, then adds its status field.
 */
void st_dck(struct st_dctx *d, struct st_cur *c, const struct st_ckspec *ck,
    struct st_field *f, size_t hdr);

/* Adds the checksum status field described by fd after checksum field f. */
void st_dckstatus(struct st_dctx *d, const struct st_field *f,
    const struct st_field_desc *fd);

/* How many layers of protocol p the current chain already holds. */
unsigned st_dcount(const struct st_dctx *d, const struct st_proto *p);

/* How many layers with any of the flags (ST_PF_*) or of role (if not
 * ST_ROLE_NONE) the current chain already holds, the current one left out. */
unsigned st_dcount_kind(const struct st_dctx *d, unsigned flags, int role);

/* @summary-api */

/* @views-api */

/* @craft-api */

/* @probes-api */

/* Outcomes a packet can meet; a prediction is a set of them. */
enum {
	ST_OUT_NONE	 = 1 << 0,	/* nothing comes back */
	ST_OUT_ECHO	 = 1 << 1,	/* echo reply (ICMP or ICMPv6) */
	ST_OUT_TSREPLY	 = 1 << 2,	/* ICMP timestamp reply */
	ST_OUT_TTL	 = 1 << 3,	/* time exceeded in transit */
	ST_OUT_PORT	 = 1 << 4,	/* port unreachable */
	ST_OUT_UNREACH	 = 1 << 5,	/* another destination unreachable */
	ST_OUT_SYNACK	 = 1 << 6,	/* a TCP SYN-ACK */
	ST_OUT_RST	 = 1 << 7,	/* a TCP RST */
	ST_OUT_DATA	 = 1 << 8,	/* a TCP or UDP answer from the port */
	ST_OUT_OTHER	 = 1 << 9	/* anything else */
};

/* Whether something on this host listens on a port. */
enum st_listen { ST_LISTEN_UNKNOWN = -1, ST_LISTEN_NO, ST_LISTEN_YES };

/*
 * What a ping needs of a protocol with an echo (ICMP, ICMPv6): the types
 * of request and reply, and its fields as handles.
 */
struct st_echo_desc {
	uint8_t		 fam;		/* the network family: 4 or 6 */
	uint8_t		 request, reply;
	const struct st_field_desc *type, *code, *id, *seq;
	const struct st_field_desc *mtu;	/* in "too big" errors */
	const struct st_field_desc *ptr;	/* in parameter problems */
};

/*
 * For the probe hooks: field fd of layer la in a and of lb in b exist and
 * hold the same value.
 */
static inline int
st_probe_same(const struct st_packet *a, const struct st_layer *la,
    const struct st_packet *b, const struct st_layer *lb,
    const struct st_field_desc *fd)
{
	const struct st_field *fa, *fb;

	return la != NULL && lb != NULL &&
	    (fa = st_pkt_fd(a, la, fd)) != NULL &&
	    (fb = st_pkt_fd(b, lb, fd)) != NULL &&
	    st_field_equal(a, fa, b, fb);
}

/* The same, for field fa of la in a and field fb of lb in b. */
static inline int
st_probe_same2(const struct st_packet *a, const struct st_layer *la,
    const struct st_field_desc *fda, const struct st_packet *b,
    const struct st_layer *lb, const struct st_field_desc *fdb)
{
	const struct st_field *fa, *fb;

	return la != NULL && lb != NULL &&
	    (fa = st_pkt_fd(a, la, fda)) != NULL &&
	    (fb = st_pkt_fd(b, lb, fdb)) != NULL &&
	    st_field_equal(a, fa, b, fb);
}

/* The value of field fd in layer ly, or def when absent. */
static inline uint64_t
st_probe_val(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field_desc *fd, uint64_t def)
{
	const struct st_field *f = ly != NULL ? st_pkt_fd(pkt, ly, fd) : NULL;

	return f != NULL ? f->val : def;
}

#endif /* STRATA_PROTO_H */
