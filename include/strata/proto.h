/* SPDX-License-Identifier: BSD-3-Clause */
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

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/cursor.h"
#include "strata/model.h"
#include "strata/out.h"

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
	ST_KEY_IGMPTYPE,	/* an IGMP type another protocol's decoder
				   takes whole (DVMRP 0x13, PIMv1 0x14) */
	ST_KEY_NULLFAM,		/* BSD loopback address family */
	ST_KEY_TCPPORT,		/* TCP port (application decoders) */
	ST_KEY_UDPPORT,		/* UDP port */
	ST_KEY_8023,		/* an 802.3 length frame: what the LLC header
				   starts (value 0) */
	ST_KEY_LLCSAP,		/* an 802.2 LLC DSAP (0x42 spanning tree) */
	ST_KEY_SNAP,		/* a SNAP OUI and protocol: OUI << 16 | PID
				   (0x00000c2000 Cisco CDP); OUI 0 goes on by
				   EtherType */
	ST_KEY_PPP,		/* a PPP protocol number (0x0021 IPv4) */
	ST_KEY_SLOW,		/* a slow protocol subtype (IEEE 802.3 annex
				   57A: 1 LACP) */
	ST_KEY_WLAN,		/* what follows a radio header or an 802.11
				   header (ST_WLAN_*, src/proto/wlan.h) */
	ST_KEY_TCPOPT,		/* a TCP option kind shown as a layer of its
				   own (30 MPTCP), st_dsublayer */
	ST_KEY_NLPID,		/* an ISO network layer protocol ID (ISO/IEC
				   TR 9577: 0x83 IS-IS), after LLC SAP 0xfe */
	ST_KEY_FRAMED,		/* what a framing header on a byte stream
				   carries, by the carried protocol's number
				   or magic: TPKT's 8073 (COTP, ISO 8073);
				   NetBIOS session's first four bytes of the
				   message (0xfe534d42 SMB2) */
	ST_KEY_DCCPPORT,	/* DCCP port (RFC 4340) */
	ST_KEY_RXPORT,		/* what an RX data packet carries: the AFS
				   server port of its call (the destination
				   of what the client sent, else the source) */
	ST_KEY_RPCPROG,		/* an ONC RPC program number (100005 MOUNT):
				   the layer after a call or its reply */
	ST_KEY_MEDIA,		/* what a body is, by kind (ST_MEDIA_*), as
				   Wireshark's media types hand it on */
	ST_KEY_SCTPPPID,	/* an SCTP DATA chunk's payload protocol
				   identifier (3 M3UA) */
	ST_KEY_GSSAPI,		/* an authentication token a carrier (SMB2,
				   LDAP, HTTP) or a GSS-API layer hands on,
				   by kind (ST_GSS_*) */
	ST_KEY_PIPE,		/* the bytes of a named pipe an SMB READ,
				   WRITE, IOCTL or Transaction carries (value
				   0): DCE/RPC on \\srvsvc, \\lsarpc; an SMB1
				   Transaction's pipe function and FID, as a
				   layer inside SMB's (ST_PIPE_SMB1) */
	ST_KEY_IPXSOCK,		/* an IPX socket (0x0455 NetBIOS): the lower
				   of the two a packet names that a protocol
				   binds, else the higher */
	ST_KEY_WPAN,		/* what an IEEE 802.15.4 frame carries, or
				   a carrier's 802.15.4 frame of a kind
				   (ST_WPAN_*) */
	ST_KEY_ETHTRAILER,	/* a trailer after an Ethernet, VLAN or
				   cooked header's datagram that a content
				   heuristic recognises (the F5 trailer),
				   by its place in Wireshark's order */
	ST_KEY_LLAP,		/* a LocalTalk LLAP type: 1 short DDP, 2 DDP */
	ST_KEY_DDPTYPE,		/* an AppleTalk DDP protocol type (2 NBP) */
	ST_KEY_ATPSOCK,		/* what an ATP message carries, by the DDP
				   socket it is sent from or to (6 ZIP) */
	ST_KEY_BACNET,		/* what a BACnet NPDU carries (ASHRAE 135
				   clause 6): value 0, an application PDU */
	ST_KEY_RMCPCLASS	/* an RMCP message class (DMTF ASF 2.0
				   3.2.2.1): 6 ASF, 7 IPMI */
};
#define ST_WPAN_DATA	1	/* a data frame's payload: 6LoWPAN */
#define ST_WPAN_CC24XX	2	/* a frame ending in TI CC24xx metadata
				   instead of its FCS (ZEP in LQI mode) */
#define ST_PIPE_SMB1	1	/* the SMB Pipe Protocol (src/proto/smbpipe.c) */
#define ST_PIPE_MAILSLOT 2	/* an SMB1 Transaction's mailslot words and
				   name, as a layer inside SMB's
				   (src/proto/mailslot.c) */
#define ST_PIPE_BROWSE	3	/* a \\MAILSLOT\\BROWSE or LANMAN message: the
				   browser protocol (src/proto/browser.c) */
#define ST_MEDIA_TEXT	1	/* lines of text (tshark's data-text-lines) */
#define ST_MEDIA_TLSHS	2	/* TLS handshake messages without records:
				   QUIC's CRYPTO stream (RFC 9001 4.1) */
#define ST_MEDIA_JSON	3	/* a JSON text (RFC 8259): an HTTP body made
				   whole from its chunks */
#define ST_MEDIA_X509	4	/* an X.509 certificate in DER (RFC 5280):
				   one of a TLS Certificate message's */
#define ST_MEDIA_XML	5	/* an XML document (RFC 7303): an HTTP body
				   made whole from its chunks */
#define ST_GSS_TOKEN	1	/* a carrier's security blob: a GSS-API
				   token (RFC 2743 3.1), bare SPNEGO or
				   NTLMSSP */
#define ST_GSS_SPNEGO	2	/* mechanism 1.3.6.1.5.5.2 (RFC 4178) */
#define ST_GSS_KRB5	3	/* a Kerberos mechanism token (RFC 4121) */
#define ST_GSS_NTLMSSP	4	/* an NTLMSSP message or verifier */
#define ST_GSS_KRBMSG	5	/* a Kerberos message inside a krb5 token */

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
#define ST_PF_TUNNEL	0x04	/* carries a packet of its own (GRE, VXLAN,
				   MPLS): the summary names it before the
				   innermost conversation, by its summary
				   hook called with s->net NULL ("gre key
				   5"); at most ST_MAX_TUNNEL in one chain */
#define ST_MAX_TUNNEL	8

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
struct st_sumctx;
struct st_segment;

/*
 * One fragment of a datagram, as a fragmenting layer's frag hook reads it
 * (IPv4's header, IPv6's fragment header): what the reassembly
 * (src/decode/reasm.c) needs, in no protocol's terms.
 */
struct st_frag {
	uint8_t		 key[40];	/* what names its datagram: addresses,
					   identification, protocol */
	uint8_t		 keylen;
	uint8_t		 idhex;		/* hex digits the id is shown in */
	uint8_t		 more;		/* more fragments follow */
	const char	*mword;		/* the flag's name: "MF", "M" */
	uint32_t	 id;		/* the identification */
	uint32_t	 off;		/* its payload's offset in the
					   datagram's, in bytes */
	uint32_t	 pay;		/* its payload's first byte in the
					   frame */
	uint32_t	 len;		/* its payload bytes, as declared */
	int		 next_key;	/* what the datagram carries (enum
					   st_key) */
	uint64_t	 next_val;
	struct st_net	 net;		/* the network facts of the whole
					   datagram (tlen set on completion) */
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
	size_t		  tail;		/* bytes after the payload (of plen, or
					   to the end) that are the layer's
					   own (an ICV): no trailer */
	int		  next_key;	/* enum st_key */
	uint64_t	  next_val;
	const struct st_proto *next;	/* or the next protocol itself */
	int		  data;		/* the payload is data, whatever follows */
	int		  rest_done;	/* the payload was decoded as nested */

	/* Set by the decode loop: decodes a carried packet (st_dnest). */
	void		(*nest)(struct st_dctx *d, struct st_cur *c, int key,
			    uint64_t val);
	/* Set by the decode loop: decodes bytes a decoder made (st_dderive). */
	void		(*derive)(struct st_dctx *d, const uint8_t *b,
			    size_t n, int key, uint64_t val, const char *what);
};

/*
 * Which bytes a checksum covers and how it is summed: one definition, read
 * by the decoder (st_dck), the builder and the checksum view.
 */
enum st_ckcover {
	ST_CKC_HEADER,		/* the layer's header (IPv4) */
	ST_CKC_PAYLOAD,		/* the layer to the end of what the network
				   layer declares (ICMP, TCP) */
	ST_CKC_LENFIELD,	/* as many bytes as the layer's own length
				   field says (UDP) */
	ST_CKC_CRC32C,		/* the layer to the end of what the network
				   layer declares (or captured), as CRC32c
				   with the field zeroed, its bytes least
				   significant first (SCTP, RFC 9260 app. B) */
	ST_CKC_UNITS		/* the header and (v - 1) 4-byte words of
				   payload, v the lenfield's value (0: to the
				   end, as ST_CKC_PAYLOAD), the pseudo-header
				   counting the whole layer (DCCP's CsCov,
				   RFC 4340 9.2) */
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
	uint64_t	 val;
};

struct st_out;
struct st_flows;

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
	/*
	 * Optional, for a protocol that keeps tables of its own over a
	 * capture (conversations, sessions, templates): forgets them, as a
	 * new capture begins (st_decode_forget).  Called for each capture
	 * and each fuzz input: it must be cheap.
	 */
	void		(*forget)(void);
	/*
	 * Optional, for a layer that fragments a datagram: fills *fr when
	 * layer ly of pkt is a fragment and returns 1; 0 when it is whole.
	 */
	int		(*frag)(const struct st_packet *pkt,
			    const struct st_layer *ly, struct st_frag *fr);

	/* Conversations: source and destination addresses (a network
	 * layer) or ports (a transport layer), or NULL. */
	const struct st_field_desc *ends[2];

	/* Its checksum, or NULL. */
	const struct st_ckspec *cksum;
	/* A link layer's or tag's: the layer that shows the bytes after the
	 * datagram it carried, as Wireshark names them by the layer that
	 * handed the datagram on (eth.trailer, vlan.trailer, sll.trailer);
	 * NULL: the innermost such layer before it decides. */
	const struct st_proto *trailer;

	/*
	 * Optional, for an application protocol: whether the TCP or UDP
	 * payload at c (a copy the heuristic may move), which no port bound,
	 * is this protocol's by its content alone.  Tried in registry order
	 * for the transports it binds ports of; it must check enough bytes to
	 * be right, as a wrong guess is worse than data.  Returns 1 or 0.
	 */
	int		(*heuristic)(struct st_cur *c);

	/*
	 * Optional: writes the key facts of layer ly on the summary line
	 * through s (struct st_sumctx below).  Returns 0, having written
	 * nothing, when the facts need what the packet lacks (a transport
	 * layer without a network layer): the summary then says less.
	 */
	int		(*summary)(struct st_sumctx *s, const struct st_layer *ly);
	/*
	 * Optional, a network layer's: the facts tcpdump -v adds of layer ly
	 * ("tos 0x0, ttl 64, id 43730, offset 0, flags [+], proto ICMP (1),
	 * length 1500"), for the summary's -v; returns 0 having written
	 * nothing when it has none.
	 */
	int		(*vsummary)(struct st_sumctx *s,
			    const struct st_layer *ly);
	/*
	 * Optional, NULL-terminated: the fields that identify one packet in
	 * the copy an ICMP error quotes, and that NAT at the source leaves
	 * alone (the quote view matches errors to packets sent by them).
	 */
	const struct st_field_desc *const *qkey;

	/* The fields that say the most about a layer (the diagram's box
	 * titles): NULL-terminated pointers to rows of its own tables. */
	const struct st_field_desc *const *keys;
	/* Its colour on a terminal (an SGR escape); NULL: red. */
	const char	*color;
	/* For the checksum view: what its checksum covers, in words; NULL:
	 * "the header and data". */
	const char	*ck_what;
	/* For the ledger: what the tools print for the length total reached
	 * at this layer (inner: the innermost payload), into buf; or NULL. */
	void		(*ledger)(char *buf, size_t n, unsigned total,
			    unsigned inner);
	/* In a phrase, what the bytes of layer ly are ("padding to the
	 * minimum frame"), or NULL. */
	const char	*(*what)(const struct st_packet *pkt,
			    const struct st_layer *ly);
	/* For explain: the bits of the fixed header its diagram draws (0:
	 * every fixed field), and what the tables cannot say, or NULL. */
	uint32_t	 explain_bits;
	const char	*explain;

	/* What the crafter needs to build it from a spec, or NULL. */
	const struct st_craft *craft;

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

	/* @tcpan */
	/*
	 * Optional, for a protocol whose packets mean more in their
	 * conversation (TCP: relative numbers, retransmissions), kept in the
	 * conversations table *flows.  track: fed every packet of a capture
	 * in order, shown or hidden by a filter (ly at depth 0, after network
	 * layer net); it must not count what it sees as shown.  tree_note:
	 * lines under field f of ly in the tree; called first with f NULL
	 * (o NULL), returning 0 when it has nothing to say of ly, then after
	 * each field, with scratch (ST_NOTE_SCRATCH bytes) kept between the
	 * calls.  tally: the capture's totals, at the end of the summary.
	 */
	void		(*track)(struct st_flows **flows,
			    const struct st_packet *pkt,
			    const struct st_layer *net, const struct st_layer *ly);
	int		(*tree_note)(struct st_out *o, struct st_flows **flows,
			    const struct st_packet *pkt,
			    const struct st_layer *net, const struct st_layer *ly,
			    const struct st_field *f, void *scratch);
	void		(*tally)(struct st_out *o, struct st_flows *flows);
	/* @reasm */
	/*
	 * Optional, an application protocol's on a byte stream: how long the
	 * message (PDU) starting at c is, as its header says (a TLS record's
	 * 5 + length, DNS's 2 + length, an HTTP head to its blank line and
	 * its Content-Length body), for --reassemble to gather one cut
	 * across segments (tshark's tcp_dissect_pdus).  c holds the bytes
	 * at hand from the message's start.  Returns the length (>= 1),
	 * ST_PDU_MORE when those bytes cannot tell yet (a TLS header cut,
	 * an HTTP head without its blank line), or 0 when they start no
	 * message of this protocol (the middle of one).
	 */
	size_t		(*pdu_len)(struct st_cur *c);
	/*
	 * Optional, a byte-stream transport's: fills *sg with what layer ly
	 * (at depth 0) says of its segment (sequence number, SYN, FIN,
	 * RST); returns 0 when it cannot.
	 */
	int		(*segment)(const struct st_packet *pkt,
			    const struct st_layer *ly, struct st_segment *sg);
};
#define ST_NOTE_SCRATCH	256

/* Adds a text field (fmt ST_FMT_TEXT) covering n bytes at c's position plus
 * byteoff; the text is copied into the packet, so it may be temporary. */
struct st_field *st_dtext(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n,
    const char *text);

/* The same over the n bytes there, their text the bytes escaped
 * (st_escape), at most ST_DTEXT_MAX of them; NULL when they were not
 * captured (c->err is then set). */
#define ST_DTEXT_MAX	512
struct st_field *st_dtext_esc(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n);
/* The same, the bytes shown as tshark shows an ASCII string
 * (st_escape_ascii: to the first NUL, bytes above 0x7f as U+FFFD). */
struct st_field *st_dtext_ascii(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n);

/*
 * A NUL-terminated string (Wireshark's FT_STRINGZ: timed's machine name,
 * Kerberos v4's names) at c's position plus byteoff as field fd, its text
 * as st_dtext_ascii's.  Returns the bytes it covers, the NUL included; 0
 * when no NUL comes before the end of c's bytes (c->err is then
 * ST_ETRUNC, nothing is added).  In src/model/textz.c.
 */
size_t	st_dtextz(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff);

/* A text field of n bytes holding secs, seconds since 1970, written as
 * Wireshark writes an absolute time in UTC ("Jan  1, 1970 00:00:00.000000000
 * UTC"); NULL when the bytes are not there or the time has no date. */
struct st_field *st_dunixtime(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n, int64_t secs);

/*
 * Escapes n wire bytes for display into out (size outn): printable ASCII
 * as is (backslash doubled), everything else as \xHH.  No control byte or
 * terminal escape from the wire reaches a terminal.  Returns the length.
 */
size_t st_escape(const uint8_t *p, size_t n, char *out, size_t outn);

/* n wire bytes as tshark shows an ASCII string, into out (outn bytes): to
 * the first NUL, a byte above 0x7f as U+FFFD, the rest as st_escape. */
void	st_escape_ascii(const uint8_t *p, size_t n, char *out, size_t outn);

/* n bytes as base64 with padding (RFC 4648 4) into out (outn bytes,
 * NUL-terminated; whole groups of four only): the characters written. */
size_t	st_base64(const uint8_t *p, size_t n, char *out, size_t outn);

/*
 * A gzip, zlib-wrapped or bare deflate stream p[0..n) inflated into
 * out[0..outn) by zlib, as far as the input goes (a stream cut short or
 * broken ends where it breaks): the bytes made, 0 when none.
 */
size_t	st_inflate(const uint8_t *p, size_t n, uint8_t *out, size_t outn);

/*
 * For decoders that carry a packet inside (ICMP errors quoting one): decodes
 * the bytes at c as a chain starting with the protocol bound to (key, val),
 * one quoting level deeper, and consumes them.  Beyond ST_MAX_DEPTH the
 * bytes are shown as data.
 */
static inline void
st_dnest(struct st_dctx *d, struct st_cur *c, int key, uint64_t val)
{
	if (d->nest != NULL)
		d->nest(d, c, key, val);
}

/*
 * For decoders that make bytes the wire does not show (a QUIC Initial's
 * CRYPTO data, opened with its public keys): decodes the n bytes at b as a
 * chain starting with the protocol bound to (key, val), at this depth,
 * after the current layer.  The bytes are copied after the frame's own
 * (st_packet's xbuf: the views show them as the reassembled bytes are
 * shown, a note says what they are, in "what").  Fields added afterwards
 * would go to those layers, so the caller adds none: it calls this last.
 * Nothing is decoded in a fragment of a datagram.
 */
static inline void
st_dderive(struct st_dctx *d, const uint8_t *b, size_t n, int key,
    uint64_t val, const char *what)
{
	if (d->derive != NULL)
		d->derive(d, b, n, key, val, what);
}

/*
 * For a header with a part another descriptor shows as a layer of its own
 * (a TCP option the registry binds under ST_KEY_TCPOPT): decodes the n
 * bytes at c's position plus byteoff as a layer of protocol p, at this
 * depth, after the current one.  Fields added afterwards would go to that
 * layer, so the caller adds none: it calls this last.
 */
void st_dsublayer(struct st_dctx *d, struct st_cur *c,
    const struct st_proto *p, size_t byteoff, size_t n);

/*
 * The layer layer ly follows at its depth, past those that are parts of a
 * header shown as layers of their own (ST_ROLE_NETEXT: a TCP option such
 * as MPTCP's comes between TCP and what it carries); NULL if none.
 */
const struct st_layer *st_dbelow(const struct st_packet *pkt,
    const struct st_layer *ly);

/* Whether layer ly is a part of an earlier layer's header at its depth (a
 * TCP option, an SCTP chunk's user data): the views show it within that
 * layer, not wrapped by it. */
int st_ly_part(const struct st_packet *pkt, const struct st_layer *ly);

/*
 * The port at end `end` (0 source, 1 destination) of the transport layer
 * nearest below layer ly, by the descriptor's ends[]; -1 when there is
 * none.  A text protocol tells a command from a reply by it.
 */
long	st_dport(const struct st_packet *pkt, const struct st_layer *ly,
    int end);

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

/*
 * A point in the layer's fields to come back to: st_drewind drops the
 * fields and notes added since st_dmark, so that a decoder whose detail
 * would not fit in a packet (ST_MAX_FIELDS) can show it whole in less
 * detail instead of in part (lists cut short disagree with every reader).
 */
struct st_dmark {
	unsigned	 nfields, lfields, nnotes, nspilled;
};
void	st_dmark(const struct st_dctx *d, struct st_dmark *m);
void	st_drewind(struct st_dctx *d, const struct st_dmark *m);

/* The same at byte off past c's position, without moving c; a missing byte
 * sets c->err (and once it is set, adds nothing). */
void	st_dfields_at(struct st_dctx *d, struct st_cur *c, size_t off,
    const struct st_field_desc *fds, size_t n);

/* Adds a field of n bytes at c's position plus byteoff, without moving. */
struct st_field *st_dbytes(struct st_dctx *d, struct st_cur *c,
    const struct st_field_desc *fd, size_t byteoff, size_t n);

/*
 * Adds field fd over the n (1 to 8) bytes at c's position plus byteoff read
 * as a little-endian number; when fd is a part of that number (bits less
 * than n * 8), its bitoff and bits say which bits, counted from the top
 * of the number as the protocol's drawing counts them.  NULL when the bytes
 * were not captured (c->err is then set) or in a lite decode of a detail.
 */
struct st_field *st_dle(struct st_dctx *d, struct st_cur *c,
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

struct st_out;
struct st_flows;

/*
 * What a summary hook is handed: where to write (the writers of
 * strata/out.h), the packet, the network layer its facts are about and
 * the ends found in it, and the services of the summary view that a
 * protocol cannot offer itself (formatting a value, the endpoints, a
 * quoted chain), as function pointers so that protocols depend on no view.
 */
struct st_sumctx {
	struct st_out		*o;
	const struct st_packet	*pkt;
	const struct st_layer	*net;		/* network layer, or NULL */
	const struct st_field	*na[2];		/* its ends (addresses) */
	const struct st_field	*ta[2];		/* the transport layer's ends
						   (ports), when it has any */
	struct st_flows		**flows;	/* the conversations */
	int			 abs_seq;	/* numbers as on the wire */
	int			 again;		/* shown before (replay --step
						   going back): not counted */
	/* Writes field f's value as the views show it ('?' for NULL). */
	void	(*value)(struct st_sumctx *s, const struct st_field *f);
	/* Writes "A → B" from net's ends, with tl's (ports) when not NULL. */
	void	(*endpoints)(struct st_sumctx *s, const struct st_layer *tl);
	/* Writes " [quoting chain  facts]" for what layer ly quotes. */
	void	(*quoted)(struct st_sumctx *s, const struct st_layer *ly);
};

/*
 * For a summary hook of a protocol with several messages to a segment,
 * one layer each: calls fn on layer ly and on each layer after it of the
 * same protocol at its depth, writing sep between them.
 */
static inline void
st_sum_each(struct st_sumctx *s, const struct st_layer *ly, const char *sep,
    void (*fn)(struct st_sumctx *s, const struct st_layer *ly))
{
	const struct st_layer *l, *end = s->pkt->layers + s->pkt->nlayers;

	for (l = ly; l < end && l->depth == ly->depth && l->proto ==
	    ly->proto; l++) {
		if (l != ly)
			st_out_puts(s->o, sep);
		fn(s, l);
	}
}

/*
 * The first field of each row of table tab[0..n) in layer ly, into
 * out[0..n) (NULL: absent), in one pass: a hook reads its own layer's
 * fields by row (compile-checked), not by name.
 */
static inline void
st_ly_fields(const struct st_packet *pkt, const struct st_layer *ly,
    const struct st_field_desc *tab, size_t n, const struct st_field **out)
{
	const struct st_field *f = &pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	uintptr_t d;
	size_t i;

	for (i = 0; i < n; i++)
		out[i] = NULL;
	for (; f < end; f++) {
		/* As addresses: a row of another table is out of range. */
		d = (uintptr_t)f->desc - (uintptr_t)tab;
		if (d < n * sizeof(*tab) && out[d / sizeof(*tab)] == NULL)
			out[d / sizeof(*tab)] = f;
	}
}

/*
 * What the crafter (src/craft) knows of a protocol: its name in a spec, how
 * its values are written, and what the builder fills in.  The parser's
 * error, the option bytes and the helpers here are for the hooks.
 */

#define ST_SPEC_OPTS	40		/* IPv4 and TCP option bytes */
#define ST_SPEC_OPTMAX	1024		/* option bytes of any layer (IPv6
					   extension headers, ND options) */

/* Where a spec went wrong: "spec:1:COL: MSG". */
struct st_spec_err {
	unsigned	 col;
	char		 msg[256];
	/* What the parse understood, for the user, though it did not fail
	 * ("fragmentation-needed is fragmentation-needed-and-df-set (4)"),
	 * or "". */
	char		 note[256];
};

/* A layer's option bytes as the spec gives them, unpadded. */
struct st_spec_opts {
	uint8_t		 b[ST_SPEC_OPTMAX];
	size_t		 n;
	size_t		 max;		/* the layer's limit (st_craft.optmax);
					   0: ST_SPEC_OPTS */
};

/* The default bytes of an address field a spec leaves out. */
struct st_build_def {
	const struct st_field_desc *fd;
	const uint8_t	*bytes;
};

/* What the builder computes for a field a spec leaves out, beyond the
 * field table's own autofill (enum st_auto). */
enum st_cauto {
	ST_CA_NEXT = ST_AUTO_NEXT,	/* the next layer's key value */
	ST_CA_LEN8 = 16,		/* the header's 8-byte units after the
					   first 8 (IPv6 extension headers) */
	ST_CA_COUNT16,			/* the 16-byte entries after the fixed
					   header (routing addresses) */
	ST_CA_HOOK			/* what st_craft.auto_val says */
};

struct st_craft_auto {
	const struct st_field_desc *fd;
	int		 kind;		/* enum st_cauto */
};

/* Another name a spec may give a value (scapy's "mld-query"), for field
 * fd; for a field named after another (a code), only when that one is
 * ctl (-1: any). */
struct st_craft_alias {
	const struct st_field_desc *fd;
	int32_t		 ctl;
	uint32_t	 val;
	const char	*name;
};

/* How a fragment step orders and overlaps the fragments it cuts. */
enum st_frag_order {
	ST_FRAG_INORDER,
	ST_FRAG_REVERSE,		/* last fragment first */
	ST_FRAG_FIRSTLAST		/* the first fragment sent last */
};

/* Where one network header's payload is cut: what a fragment hook gets. */
struct st_frag_piece {
	size_t		 off;		/* payload offset of this fragment */
	size_t		 len;		/* its payload bytes */
	int		 more;		/* more fragments follow */
	uint32_t	 id;		/* the identification */
};

struct st_craft {
	/* The layer's name in a spec ("ip"), and another name accepted
	 * ("ipv4") or NULL. */
	const char	*spec;
	const char	*alias;
	/* Keys beyond the field table, space-separated ("options"), each
	 * parsed by key() into option bytes: val is NULL when the spec
	 * gives none.  Returns 0, or -1 with err set (at kcol or vcol). */
	const char	*extra;
	int		(*key)(const char *key, const char *val,
			    struct st_spec_opts *o, unsigned kcol,
			    unsigned vcol, struct st_spec_err *err);
	/* Optional: a value of field fd written neither as a number nor as
	 * a name (TCP flags as letters).  Returns 1 and sets *val, or 0,
	 * then setting *hint when fd may be written so (for the message). */
	int		(*value)(const struct st_field_desc *fd, const char *v,
			    uint64_t *val, const char **hint);
	/* The values of named[1] are named by the protocol's names() after
	 * the value of named[0] (ICMP codes by type). */
	const struct st_field_desc *named[2];
	/* Header bytes before options; hlen_of, if set, says them by the
	 * value of named[0] (an ICMP timestamp has 20). */
	size_t		 hlen;
	size_t		(*hlen_of)(uint64_t ctl);
	/* Defaults of address fields a spec leaves out (ip.dst 127.0.0.1). */
	const struct st_build_def *defs;
	size_t		 ndefs;
	/* The key (enum st_key) under which its ST_AUTO_NEXT field takes the
	 * next layer's value, and the value when none follows. */
	int		 next_key;
	uint32_t	 next_none;
	/* The link type (DLT_*) of a frame starting with it; 0: a spec may
	 * not start with it (no DLT_NULL frame is crafted). */
	int		 link;
	/* Lines `strata send --list` shows after the fields, or NULL. */
	const char	*help;
	/* Keys beyond the decoder's table: rows only the crafter reads
	 * (ICMPv6 ND targets and flags), with Wireshark's names. */
	const struct st_field_desc *rows;
	size_t		 nrows;
	/* Fields computed when left out, beyond the table's autofill. */
	const struct st_craft_auto *autos;
	size_t		 nautos;
	/* Other names of values, as other tools spell them. */
	const struct st_craft_alias *aliases;
	size_t		 naliases;
	/* For ST_CA_HOOK: the value of field fd worked out from the hlen
	 * finished header bytes at h (the records an MLDv2 report holds), or
	 * UINT64_MAX: the field is not in this message, leave its bits. */
	uint64_t	(*auto_val)(const struct st_field_desc *fd,
			    const uint8_t *h, size_t hlen);
	/* Option bytes a layer may hold (0: ST_SPEC_OPTS); the header is
	 * padded to a multiple of align bytes (0: options padded to 4) by
	 * pad() (NULL: zero bytes). */
	size_t		 optmax;
	size_t		 align;
	void		(*pad)(uint8_t *p, size_t n);
	/*
	 * Optional, for a header that names where the packet goes in the end
	 * (an IPv6 routing header): copies the final destination of the hlen
	 * header bytes at h into dst and returns 1, or returns 0.  The
	 * builder computes upper-layer checksums over it (RFC 8200 8.1).
	 */
	int		(*final_dst)(const uint8_t *h, size_t hlen,
			    uint8_t *dst);
	/*
	 * Optional, for a network layer that can be fragmented (st_fragment):
	 * unfrag_len says how many bytes of the len-byte packet at h every
	 * fragment repeats (0: it cannot be cut); frag_header writes into out
	 * (cap bytes) the headers of fragment fp, returning their length, or
	 * 0 when they do not fit.  The fragment's payload bytes follow them.
	 */
	size_t		(*unfrag_len)(const uint8_t *h, size_t len);
	long		(*frag_header)(const uint8_t *h, size_t hlen,
			    const struct st_frag_piece *fp, uint8_t *out,
			    size_t cap);
	/*
	 * Optional, its inverse: writes into out (cap bytes) the headers of
	 * the whole datagram of paylen payload bytes that the fragment
	 * whose headers are h (hlen bytes, up to its payload) belongs to:
	 * no fragment left in them.  Returns their length, or 0.  A
	 * filter's second look at a reassembled datagram (decode -f with
	 * --reassemble).
	 */
	long		(*whole_header)(const uint8_t *h, size_t hlen,
			    size_t paylen, uint8_t *out, size_t cap);
};

/* Sets err (at column col) from the format; returns -1. */
static inline __attribute__((format(printf, 3, 4))) int
st_spec_fail(struct st_spec_err *err, unsigned col, const char *fmt, ...)
{
	va_list ap;

	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* Appends n option bytes to o, within its limit (40 bytes unless set). */
static inline int
st_spec_opt(struct st_spec_opts *o, const uint8_t *b, size_t n, unsigned col,
    struct st_spec_err *err)
{
	size_t max = o->max != 0 ? o->max : ST_SPEC_OPTS;

	if (o->n + n > max)
		return st_spec_fail(err, col, "options exceed %zu bytes", max);
	memcpy(o->b + o->n, b, n);
	o->n += n;
	return 0;
}

/* Parses a whole unsigned number (decimal or 0x hex); 0 if it is not one. */
static inline int
st_spec_number(const char *s, uint64_t *v)
{
	char *end;

	if (!isdigit((unsigned char)s[0]))
		return 0;
	errno = 0;
	*v = strtoull(s, &end, 0);
	return errno == 0 && *end == '\0';
}

/* Decodes hex digits s into b (at most cap); returns the count or -1. */
static inline long
st_spec_hex(const char *s, uint8_t *b, size_t cap)
{
	static const char digits[] = "0123456789abcdef";
	const char *hi, *lo;
	size_t n = 0;

	while (*s != '\0') {
		if (s[1] == '\0' || n == cap ||
		    (hi = strchr(digits, tolower((unsigned char)s[0]))) == NULL ||
		    (lo = strchr(digits, tolower((unsigned char)s[1]))) == NULL)
			return -1;
		b[n++] = (uint8_t)((hi - digits) << 4 | (lo - digits));
		s += 2;
	}
	return (long)n;
}

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

/* @reasm-api */
/* A pdu_len hook's "the bytes at hand cannot tell yet". */
#define ST_PDU_MORE	((size_t)-1)

/* What a byte-stream transport's segment hook says of one segment. */
#define ST_SEG_FIN	0x01
#define ST_SEG_SYN	0x02
#define ST_SEG_RST	0x04
struct st_segment {
	uint32_t	 seq;		/* of the payload's first byte */
	unsigned	 flags;		/* ST_SEG_* */
};

#endif /* STRATA_PROTO_H */
