/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SCTP (RFC 9260): a common header, then chunks.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Source Port Number        |     Destination Port Number   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Verification Tag                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Checksum (CRC32c)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Chunk Type  | Chunk  Flags  |        Chunk Length           |
 * |                  Chunk Value, padded to 4 bytes ...           |
 *
 * Chunks: DATA 0, INIT 1, INIT ACK 2 (with parameters), SACK 3,
 * HEARTBEAT 4 and its ACK 5, ABORT 6 and ERROR 9 (with error causes),
 * SHUTDOWN 7, SHUTDOWN ACK 8, COOKIE ECHO 10, COOKIE ACK 11, SHUTDOWN
 * COMPLETE 14; others shown as bytes.  A DATA chunk's user data is a
 * layer of its own, and the chunks after it another SCTP layer, as in
 * Wireshark.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"
#include "sctpassoc.h"

#define SCTP_MAXCHUNKS	64	/* chunks, and parameters in one */

enum { F_SPORT, F_DPORT, F_PORT1, F_PORT2, F_VTAG, F_CKSUM, F_CKSTAT,
	F_CTYPE, F_CFLAGS, F_CBIT1, F_CBIT2, F_CLEN, F_CVALUE, F_CPAD,
	F_DI, F_DU, F_DB, F_DE, F_TSN, F_SID, F_SSN, F_PPID,
	F_INITTAG, F_CREDIT, F_NOS, F_NIS, F_ITSN,
	F_AINITTAG, F_ACREDIT, F_ANOS, F_ANIS, F_AITSN,
	F_PTYPE, F_PBIT1, F_PBIT2, F_PLEN, F_PVALUE, F_PPAD, F_P4, F_P6,
	F_PCOOKIE, F_PPRES, F_PHOST, F_PADDRT, F_PHB, F_PEXT, F_PADAPT,
	F_PRAND,
	F_NONCE, F_CUMACK, F_ARWND, F_NGAPS, F_NDUPS, F_GSTART, F_GEND,
	F_DUP, F_SHUTACK, F_TBIT_SC, F_TBIT_AB, F_COOKIE,
	F_CCODE, F_CCLEN, F_CINFO, F_CPADC, F_ITAG, F_ASSOC, F_RTSN, F_RCUMACK };

static const struct st_valname chunk_names[] = {
	{ 0, "DATA" }, { 1, "INIT" }, { 2, "INIT_ACK" }, { 3, "SACK" },
	{ 4, "HEARTBEAT" }, { 5, "HEARTBEAT_ACK" }, { 6, "ABORT" },
	{ 7, "SHUTDOWN" }, { 8, "SHUTDOWN_ACK" }, { 9, "ERROR" },
	{ 10, "COOKIE_ECHO" }, { 11, "COOKIE_ACK" }, { 12, "ECNE" },
	{ 13, "CWR" }, { 14, "SHUTDOWN_COMPLETE" }, { 15, "AUTH" },
	{ 64, "I_DATA" }, { 128, "ASCONF_ACK" }, { 130, "RE_CONFIG" },
	{ 192, "FORWARD_TSN" }, { 193, "ASCONF" }, { 0, NULL }
};

static const struct st_valname param_names[] = {
	{ 1, "Heartbeat info" }, { 5, "IPv4 address" }, { 6, "IPv6 address" },
	{ 7, "State cookie" }, { 8, "Unrecognized parameter" },
	{ 9, "Cookie preservative" }, { 11, "Hostname address" },
	{ 12, "Supported address types" }, { 0x8000, "ECN" },
	{ 0x8002, "Random" }, { 0x8008, "Supported extensions" },
	{ 0xc000, "Forward TSN supported" }, { 0xc006, "Adaptation layer "
	"indication" }, { 0, NULL }
};

static const struct st_field_desc sctp_fields[] = {
	FDX("sport", "sctp.srcport", "Source port", 0, 16, ST_FMT_DEC, 0, 0,
	    0, 9, NULL),
	FDX("dport", "sctp.dstport", "Destination port", 16, 16, ST_FMT_DEC,
	    0, 0, 0, 9, NULL),
	FDD(NULL, "sctp.port", "Port", 0, 16, ST_FMT_DEC),
	FDD(NULL, "sctp.port", "Port", 16, 16, ST_FMT_DEC),
	FD("vtag", "sctp.verification_tag", "Verification tag", 32, 32,
	    ST_FMT_HEX),
	FDX("chksum", "sctp.checksum", "Checksum (CRC32c)", 64, 32,
	    ST_FMT_HEX, 0, ST_AUTO_CKSUM, ST_DF_CKSUM, 0, NULL),
	FDGS("sctp.checksum.status", "Checksum status"),
	/* chunk header, from the chunk's start */
	FDN(NULL, "sctp.chunk_type", "Chunk type", 0, 8, ST_FMT_DEC,
	    chunk_names),
	FD(NULL, "sctp.chunk_flags", "Chunk flags", 8, 8, ST_FMT_HEX),
	FDD(NULL, "sctp.chunk_bit_1", "Bit: stop processing if unknown", 0,
	    1, ST_FMT_BOOL),
	FDD(NULL, "sctp.chunk_bit_2", "Bit: report if unknown", 1, 1,
	    ST_FMT_BOOL),
	FD(NULL, "sctp.chunk_length", "Chunk length", 16, 16, ST_FMT_DEC),
	FD(NULL, "sctp.chunk_value", "Chunk value", 0, 0, ST_FMT_BYTES),
	FD(NULL, "sctp.chunk_padding", "Chunk padding", 0, 0, ST_FMT_BYTES),
	/* DATA */
	FDD(NULL, "sctp.data_i_bit", "I: immediately", 12, 1, ST_FMT_BOOL),
	FDD(NULL, "sctp.data_u_bit", "U: unordered", 13, 1, ST_FMT_BOOL),
	FDD(NULL, "sctp.data_b_bit", "B: beginning", 14, 1, ST_FMT_BOOL),
	FDD(NULL, "sctp.data_e_bit", "E: ending", 15, 1, ST_FMT_BOOL),
	FD(NULL, "sctp.data_tsn_raw", "TSN", 32, 32, ST_FMT_DEC),
	FD(NULL, "sctp.data_sid", "Stream identifier", 64, 16, ST_FMT_HEX),
	FD(NULL, "sctp.data_ssn", "Stream sequence number", 80, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.data_payload_proto_id", "Payload protocol identifier",
	    96, 32, ST_FMT_DEC),
	/* INIT, INIT ACK */
	FD(NULL, "sctp.init_initiate_tag", "Initiate tag", 32, 32,
	    ST_FMT_HEX),
	FD(NULL, "sctp.init_credit", "Advertised receiver window", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "sctp.init_nr_out_streams", "Outbound streams", 96, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.init_nr_in_streams", "Inbound streams", 112, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.init_initial_tsn", "Initial TSN", 128, 32, ST_FMT_DEC),
	FD(NULL, "sctp.initack_initiate_tag", "Initiate tag", 32, 32,
	    ST_FMT_HEX),
	FD(NULL, "sctp.initack_credit", "Advertised receiver window", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "sctp.initack_nr_out_streams", "Outbound streams", 96, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.initack_nr_in_streams", "Inbound streams", 112, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.initack_initial_tsn", "Initial TSN", 128, 32,
	    ST_FMT_DEC),
	/* parameters, from the parameter's start */
	FDN(NULL, "sctp.parameter_type", "Parameter type", 0, 16, ST_FMT_HEX,
	    param_names),
	FDD(NULL, "sctp.parameter_bit_1", "Bit: skip if unknown", 0, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "sctp.parameter_bit_2", "Bit: report if unknown", 1, 1,
	    ST_FMT_BOOL),
	FD(NULL, "sctp.parameter_length", "Parameter length", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.parameter_value", "Parameter value", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "sctp.parameter_padding", "Parameter padding", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "sctp.parameter_ipv4_address", "IPv4 address", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "sctp.parameter_ipv6_address", "IPv6 address", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "sctp.parameter_state_cookie", "State cookie", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "sctp.parameter_cookie_preservative_incr", "Suggested "
	    "cookie life-span increment (ms)", 32, 32, ST_FMT_DEC),
	FD(NULL, "sctp.parameter_hostname", "Hostname", 0, 0, ST_FMT_TEXT),
	FD(NULL, "sctp.parameter_supported_address_type", "Supported address "
	    "type", 0, 16, ST_FMT_DEC),
	FD(NULL, "sctp.parameter_heartbeat_information", "Heartbeat "
	    "information", 0, 0, ST_FMT_BYTES),
	FDN(NULL, "sctp.supported_chunk_type", "Supported chunk type", 0, 8,
	    ST_FMT_DEC, chunk_names),
	FD(NULL, "sctp.adaptation_layer_indication", "Adaptation layer "
	    "indication", 32, 32, ST_FMT_DEC),
	FD(NULL, "sctp.random_number", "Random number", 0, 0, ST_FMT_BYTES),
	/* SACK */
	FDD(NULL, "sctp.sack_nounce_sum", "Nonce sum", 15, 1, ST_FMT_DEC),
	FD(NULL, "sctp.sack_cumulative_tsn_ack_raw", "Cumulative TSN ack",
	    32, 32, ST_FMT_DEC),
	FD(NULL, "sctp.sack_a_rwnd", "Advertised receiver window", 64, 32,
	    ST_FMT_DEC),
	FD(NULL, "sctp.sack_number_of_gap_blocks", "Gap blocks", 96, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.sack_number_of_duplicated_tsns", "Duplicated TSNs",
	    112, 16, ST_FMT_DEC),
	FD(NULL, "sctp.sack_gap_block_start", "Gap block start", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.sack_gap_block_end", "Gap block end", 16, 16,
	    ST_FMT_DEC),
	FD(NULL, "sctp.sack_duplicate_tsn", "Duplicate TSN", 0, 32,
	    ST_FMT_DEC),
	/* SHUTDOWN, SHUTDOWN COMPLETE, ABORT, COOKIE ECHO */
	FD(NULL, "sctp.shutdown_cumulative_tsn_ack", "Cumulative TSN ack", 32,
	    32, ST_FMT_DEC),
	FDD(NULL, "sctp.shutdown_complete_t_bit", "T: no TCB destroyed", 15,
	    1, ST_FMT_BOOL),
	FDD(NULL, "sctp.abort_t_bit", "T: no TCB destroyed", 15, 1,
	    ST_FMT_BOOL),
	FD(NULL, "sctp.cookie", "Cookie", 0, 0, ST_FMT_BYTES),
	/* error causes, from the cause's start */
	FD(NULL, "sctp.cause_code", "Cause code", 0, 16, ST_FMT_DEC),
	FD(NULL, "sctp.cause_length", "Cause length", 16, 16, ST_FMT_DEC),
	FD(NULL, "sctp.cause_information", "Cause information", 0, 0,
	    ST_FMT_BYTES),
	FD(NULL, "sctp.cause_padding", "Cause padding", 0, 0, ST_FMT_BYTES),
	/* INIT and INIT ACK: Wireshark's one name for both tags, hidden */
	FDD(NULL, "sctp.initiate_tag", "Initiate tag", 32, 32, ST_FMT_HEX),
	/* Wireshark's association facts (sctpassoc.c); no association
	 * index unless its preference asks */
	FDG("sctp.assoc_index", "Association index", ST_FMT_DEC, NULL),
	FDG("sctp.data_tsn", "TSN (relative)", ST_FMT_DEC, NULL),
	FDG("sctp.sack_cumulative_tsn_ack", "Cumulative TSN ACK (relative)",
	    ST_FMT_DEC, NULL),
};

#define R(i)	(&sctp_fields[(i)])

static const struct st_ckspec sctp_ck = {
	.field = &sctp_fields[F_CKSUM],
	.status = &sctp_fields[F_CKSTAT],
	.cover = ST_CKC_CRC32C,
};

/* A cursor at byte off of c. */
static struct st_cur
at(const struct st_cur *c, size_t off)
{
	struct st_cur w = *c;

	w.off += off;
	return w;
}

/* The value of one parameter of length len (its header checked) at p. */
static void
param_value(struct st_dctx *d, struct st_cur *p, unsigned type, size_t len)
{
	size_t i;

	switch (type) {
	case 1:
		st_dbytes(d, p, R(F_PHB), 4, len - 4);
		return;
	case 5:
		if (len == 8) {
			st_dfield(d, p, R(F_P4));
			return;
		}
		break;
	case 6:
		if (len == 20) {
			st_dfield(d, p, R(F_P6));
			return;
		}
		break;
	case 7:
		st_dbytes(d, p, R(F_PCOOKIE), 4, len - 4);
		return;
	case 9:
	case 0xc006:
		if (len == 8) {
			st_dfield(d, p, R(type == 9 ? F_PPRES : F_PADAPT));
			return;
		}
		break;
	case 12:
		for (i = 4; i + 2 <= len; i += 2)
			st_dbytes(d, p, R(F_PADDRT), i, 2);
		return;
	case 0x8008:
		for (i = 4; i < len; i++)
			st_dbytes(d, p, R(F_PEXT), i, 1);
		return;
	case 0x8002:
		st_dbytes(d, p, R(F_PRAND), 4, len - 4);
		return;
	case 0xc000:
	case 0x8000:
		return;
	}
	if (len > 4)
		st_dbytes(d, p, R(F_PVALUE), 4, len - 4);
}

/* Parameters (or error causes: cause 1) in bytes [off, end) of chunk c. */
static int
params(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    int cause)
{
	struct st_cur p;
	size_t len, pad;
	unsigned n, type;

	for (n = 0; off + 4 <= end && n < SCTP_MAXCHUNKS; n++) {
		p = at(c, off);
		type = (unsigned)st_peek_bits(&p, 0, 16);
		len = (size_t)st_peek_bits(&p, 16, 16);
		if (cause)
			st_dfields(d, &p, R(F_CCODE), 2);
		else
			st_dfields(d, &p, R(F_PTYPE), 4);
		if (len < 4 || off + len > end)
			return st_dmalformed(d, "%s length %zu %s", cause ?
			    "cause" : "parameter", len, len < 4 ? "below 4" :
			    "runs past the chunk");
		if (cause)
			st_dbytes(d, &p, R(F_CINFO), 4, len - 4);
		else
			param_value(d, &p, type, len);
		pad = (4 - len % 4) % 4;
		if (pad > 0 && off + len + pad <= end)
			st_dbytes(d, &p, R(cause ? F_CPADC : F_PPAD), len, pad);
		off += len + pad;
	}
	return ST_OK;
}

extern const struct st_proto st_proto_sctp;

/*
 * A TSN's relative value (field fd) as Wireshark shows it: the sender's
 * (rev 0) or receiver's (rev 1) direction's, counted from its first TSN
 * (setbase: this one may be it).  The packet's first SCTP layer names
 * the association.
 */
static void
rel_tsn(struct st_dctx *d, struct st_cur *c, size_t off, unsigned fd,
    int rev, int setbase)
{
	size_t i = (size_t)(d->ly - d->pkt->layers);
	uint32_t tsn, rel;

	tsn = (uint32_t)st_peek_bits(c, 8 * off, 32);
	if (c->err != ST_OK)
		return;
	for (;;) {		/* bounded by the layer count */
		if (d->pkt->layers[i].proto == &st_proto_sctp)
			break;
		if (i-- == 0)
			return;
	}
	if (sctp_assoc_rel(d, &d->pkt->layers[i], rev, setbase, tsn,
	    &rel) == 0 && fd != 0)
		st_dgen(d, R(fd), rel);
}

/* SACK: counts, then gap blocks and duplicates, all inside len bytes. */
static int
sack(struct st_dctx *d, struct st_cur *c, size_t len)
{
	size_t gaps, dups, i;

	st_dfield(d, c, R(F_NONCE));
	st_dfields(d, c, R(F_CUMACK), 4);
	if (c->err != ST_OK || len < 16)
		return len < 16 ? st_dmalformed(d, "SACK length %zu below 16",
		    len) : c->err;
	rel_tsn(d, c, 4, F_RCUMACK, 1, 0);
	gaps = (size_t)st_peek_bits(c, 96, 16);
	dups = (size_t)st_peek_bits(c, 112, 16);
	if (16 + 4 * gaps + 4 * dups > len)
		return st_dmalformed(d, "SACK of %zu gaps and %zu duplicates "
		    "exceeds its length %zu", gaps, dups, len);
	for (i = 0; i < gaps; i++) {
		struct st_cur g = at(c, 16 + 4 * i);

		st_dfields(d, &g, R(F_GSTART), 2);
	}
	for (i = 0; i < dups; i++)
		st_dbytes(d, c, R(F_DUP), 16 + 4 * gaps + 4 * i, 4);
	return ST_OK;
}

/* INIT (ack 0) or INIT ACK: the fixed part, then parameters. */
static int
init(struct st_dctx *d, struct st_cur *c, size_t len, int ack)
{
	if (len < 20)
		return st_dmalformed(d, "INIT length %zu below 20", len);
	st_dfields(d, c, R(ack ? F_AINITTAG : F_INITTAG), 5);
	st_dfield(d, c, R(F_ITAG));
	rel_tsn(d, c, 16, 0, 0, 1);	/* the sender's first TSN */
	return params(d, c, 20, len, 0);
}

/* The body of chunk c of type and length len (a DATA chunk's user data
 * is a layer of its own, after the caller's fields). */
static int
chunk(struct st_dctx *d, struct st_cur *c, unsigned type, size_t len)
{
	switch (type) {
	case 0:
		if (len < 16)
			return st_dmalformed(d, "DATA length %zu below 16", len);
		st_dfields(d, c, R(F_DI), F_INITTAG - F_DI);
		rel_tsn(d, c, 4, F_RTSN, 0, 1);
		return ST_OK;
	case 1:
	case 2:
		return init(d, c, len, type == 2);
	case 3:
		return sack(d, c, len);
	case 4:
	case 5:
		return params(d, c, 4, len, 0);
	case 6:
	case 9:
		if (type == 6)
			st_dfield(d, c, R(F_TBIT_AB));
		return params(d, c, 4, len, 1);
	case 7:
		st_dfield(d, c, R(F_SHUTACK));
		return len == 8 ? ST_OK : st_dmalformed(d, "SHUTDOWN length "
		    "%zu is not 8", len);
	case 10:
		if (len > 4)
			st_dbytes(d, c, R(F_COOKIE), 4, len - 4);
		return ST_OK;
	case 14:
		st_dfield(d, c, R(F_TBIT_SC));
		/* FALLTHROUGH */
	case 8:
	case 11:
		return ST_OK;
	}
	if (len > 4)
		st_dbytes(d, c, R(F_CVALUE), 4, len - 4);
	return ST_OK;
}

extern const struct st_proto st_proto_sctp_more;

/* The protocol of a DATA chunk's user data, by its payload protocol
 * identifier; data when none is bound. */
static const struct st_proto *
user_proto(struct st_cur *k)
{
	const struct st_proto *p;

	p = st_proto_next(ST_KEY_SCTPPPID, st_peek_bits(k, 96, 32));
	return p != NULL ? p : &st_proto_data;
}

/*
 * The chunks from byte off to end (total: the packet's declared length,
 * end what was captured of it); returns the header length.  As Wireshark
 * shows them, a DATA chunk's user data is a layer (data, after this one)
 * and the chunks after it another SCTP layer (st_proto_sctp_more), so
 * that each field is where tshark has it.
 */
static size_t
chunks(struct st_dctx *d, struct st_cur *c, size_t off, size_t end,
    size_t total, int *rc)
{
	size_t len, pad;
	struct st_cur k;
	unsigned n, type;

	for (n = 0; off < end && n < SCTP_MAXCHUNKS; n++) {
		k = at(c, off);
		if (off + 4 > total) {
			*rc = st_dmalformed(d, "%zu bytes after the last chunk",
			    total - off);
			return end;
		}
		st_dfields(d, &k, R(F_CTYPE), F_CVALUE - F_CTYPE);
		if (k.err != ST_OK) {
			*rc = k.err;
			return end;
		}
		type = (unsigned)st_peek_bits(&k, 0, 8);
		len = (size_t)st_peek_bits(&k, 16, 16);
		if (len < 4 || off + len > total) {
			*rc = st_dmalformed(d, "chunk %u length %zu %s", type,
			    len, len < 4 ? "below 4" : "runs past the packet");
			return end;
		}
		if (off + len > end) {		/* the capture ends inside */
			*rc = ST_ETRUNC;
			return end;
		}
		k.end = k.off + len;
		pad = (4 - len % 4) % 4;
		if ((*rc = chunk(d, &k, type, len)) == ST_OK && k.err != ST_OK)
			*rc = k.err;
		if (*rc != ST_OK)
			return end;
		if (type == 0 && len > 16) {	/* last: fields go there */
			if (pad > 0 && off + len + pad <= end)
				st_dbytes(d, c, R(F_CPAD), off + len, pad);
			st_dsublayer(d, c, user_proto(&k), off + 16,
			    len - 16);
			if (off + len + pad < end)
				st_dsublayer(d, c, &st_proto_sctp_more, off +
				    len + pad, end - off - len - pad);
			return end;
		}
		if (pad > 0 && off + len + pad <= end)
			st_dbytes(d, c, R(F_CPAD), off + len, pad);
		off += len + pad;
	}
	return off < end ? end : off;
}

/* The chunks after a DATA chunk's user data: the rest of the packet. */
static int
sctp_more_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	int rc = ST_OK;

	d->hdr = chunks(d, c, 0, left, left, &rc);
	return rc;
}

/* RFC 2960's Adler-32 over the n bytes at c, the checksum taken as 0. */
static uint32_t
adler32(const struct st_cur *cur, size_t n)
{
	struct st_cur c = *cur;
	uint32_t a = 1, b = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		a = (a + (i >= 8 && i < 12 ? 0 :
		    (uint32_t)st_peek_bits(&c, i * 8, 8))) % 65521;
		b = (b + a) % 65521;
	}
	return b << 16 | a;
}

/*
 * A checksum that is not CRC32c but the Adler-32 of RFC 2960, which RFC
 * 3309 replaced: good, and said so (Wireshark, unless asked, checks
 * neither).
 */
static void
sctp_adler(struct st_dctx *d, const struct st_cur *c, struct st_field *ck,
    size_t n)
{
	struct st_packet *pkt = d->pkt;
	struct st_field *st;

	if (ck == NULL || ck->ck != ST_CK_BAD || n > st_cur_left(c) ||
	    adler32(c, n) != (uint32_t)ck->val)
		return;
	ck->ck = ST_CK_GOOD;
	pkt->nbadck--;
	/* st_dck added the status last */
	if (pkt->nfields > 0 && (st = &pkt->fields[pkt->nfields - 1])->desc ==
	    R(F_CKSTAT))
		st->val = ST_CK_GOOD;
	st_pkt_note(pkt, "SCTP: the checksum is RFC 2960's Adler-32, not "
	    "CRC32c");
}

static int
sctp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), end, total;
	struct st_field *ck;
	int rc = ST_OK;

	st_dfields(d, c, sctp_fields, F_CKSUM);
	st_dgen(d, R(F_ASSOC), 65535);
	ck = st_dfield(d, c, R(F_CKSUM));
	if (c->err != ST_OK)
		return c->err;
	total = d->net.fam != 0 ? d->net.tlen : left;
	end = total < left ? total : left;
	st_dck(d, c, &sctp_ck, ck, 12);
	sctp_adler(d, c, ck, end);
	d->plen = 0;
	d->hdr = chunks(d, c, 12, end, total, &rc);
	if (rc == ST_OK && end < total)
		rc = ST_ETRUNC;		/* the capture ends inside */
	return rc;
}

static const struct st_bind sctp_binds[] = {
	{ ST_KEY_IPPROTO, 132 },
};

/* The chunks of layer ly in the summary's words. */
static void
sctp_sum_chunks(struct st_out *o, const struct st_packet *pkt,
    const struct st_layer *ly)
{
	const struct st_field *f = &pkt->fields[ly->field0];
	const struct st_field *end = f + ly->nfields;
	const char *name;

	for (; f < end; f++) {
		if (f->desc == R(F_CTYPE)) {
			name = st_valname(chunk_names, (uint32_t)f->val);
			st_out_puts(o, " [");
			if (name != NULL)
				st_out_puts(o, name);
			else
				st_out_printf(o, "chunk %u", (unsigned)f->val);
			st_out_putc(o, ']');
		} else if (f->desc == R(F_TSN))
			st_out_printf(o, " [TSN: %u]", (unsigned)f->val);
		else if (f->desc == R(F_CUMACK))
			st_out_printf(o, " [cum ack %u]", (unsigned)f->val);
		else if (f->desc == R(F_INITTAG) || f->desc == R(F_AINITTAG))
			st_out_printf(o, " [init tag: %u]", (unsigned)f->val);
	}
}

/* As tcpdump: "A:p → B:p sctp [INIT] [init tag: 1] [SACK] [cum ack 5]
 * [DATA] [TSN: 6]", the chunks of the layers inside this one too. */
static int
sctp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_packet *pkt = s->pkt;
	const struct st_layer *l;

	if (s->net == NULL)
		return 0;
	s->endpoints(s, ly);
	st_out_puts(s->o, " sctp");
	for (l = ly; l < pkt->layers + pkt->nlayers && l->depth == ly->depth &&
	    l->off < ly->off + ly->hdr_len; l++)
		if (l->proto->fields == sctp_fields)
			sctp_sum_chunks(s->o, pkt, l);
	return 1;
}

static const struct st_field_desc *const sctp_keys[] = {
	R(F_SPORT), R(F_DPORT), R(F_VTAG), NULL,
};

static const struct st_field_desc *const sctp_qkey[] = {
	R(F_DPORT), R(F_VTAG), NULL
};

/* A chunk of type, flags and body b (n bytes) into o, padded to 4. */
static int
put_chunk(struct st_spec_opts *o, unsigned type, unsigned flags,
    const uint8_t *b, size_t n, unsigned col, struct st_spec_err *err)
{
	uint8_t c[ST_SPEC_OPTMAX];
	size_t len = 4 + n, pad = (4 - len % 4) % 4;

	if (len + pad > sizeof(c))
		return st_spec_fail(err, col, "sctp: chunk too long");
	c[0] = (uint8_t)type, c[1] = (uint8_t)flags;
	c[2] = (uint8_t)(len >> 8), c[3] = (uint8_t)len;
	memcpy(c + 4, b, n);
	memset(c + len, 0, pad);
	return st_spec_opt(o, c, len + pad, col, err);
}

static void
be32(uint8_t *b, uint64_t v)
{
	b[0] = (uint8_t)(v >> 24), b[1] = (uint8_t)(v >> 16);
	b[2] = (uint8_t)(v >> 8), b[3] = (uint8_t)v;
}

/*
 * Chunks, in order: init=TAG initack=TAG (10 streams each way, window
 * 65535, initial TSN 1), data=HEX (TSN 1, stream 0, B and E set),
 * sack=TSN, heartbeat=HEX, shutdown=TSN, cookie=HEX (COOKIE ECHO), and
 * abort cookieack shutdownack shutdowncomplete without a value.
 */
static int
sctp_spec_key(const char *key, const char *v, struct st_spec_opts *o,
    unsigned kcol, unsigned vcol, struct st_spec_err *err)
{
	static const struct { const char *key; unsigned type; } bare[] = {
		{ "abort", 6 }, { "cookieack", 11 }, { "shutdownack", 8 },
		{ "shutdowncomplete", 14 } };
	unsigned col = v != NULL ? vcol : kcol;
	uint8_t b[ST_SPEC_OPTMAX];
	uint64_t x;
	long n;
	size_t i;

	memset(b, 0, 16);
	for (i = 0; i < sizeof(bare) / sizeof(bare[0]); i++)
		if (strcmp(key, bare[i].key) == 0) {
			if (v != NULL)
				return st_spec_fail(err, col, "sctp %s takes no "
				    "value", key);
			return put_chunk(o, bare[i].type, 0, b, 0, col, err);
		}
	if (v == NULL)
		return st_spec_fail(err, col, "sctp %s needs a value", key);
	if (strcmp(key, "data") == 0 || strcmp(key, "heartbeat") == 0 ||
	    strcmp(key, "cookie") == 0) {
		size_t at = key[0] == 'd' ? 12 : key[0] == 'h' ? 4 : 0;

		memset(b, 0, 16);
		if ((n = st_spec_hex(v, b + at, sizeof(b) - at - 16)) < 0)
			return st_spec_fail(err, col, "sctp %s: '%s' is not "
			    "hex", key, v);
		if (key[0] == 'd') {
			be32(b, 1);
			return put_chunk(o, 0, 0x03, b, 12 + (size_t)n, col,
			    err);
		}
		if (key[0] == 'h') {
			b[0] = 0, b[1] = 1;
			b[2] = (uint8_t)((n + 4) >> 8), b[3] = (uint8_t)(n + 4);
		}
		return put_chunk(o, key[0] == 'h' ? 4 : 10, 0, b, at +
		    (size_t)n, col, err);
	}
	if (!st_spec_number(v, &x) || x > 0xffffffffu)
		return st_spec_fail(err, col, "sctp %s: '%s' is not 0..2^32-1",
		    key, v);
	memset(b, 0, 16);
	be32(b, x);
	if (strcmp(key, "init") == 0 || strcmp(key, "initack") == 0) {
		be32(b + 4, 65535);
		b[8] = 0, b[9] = 10, b[10] = 0, b[11] = 10;
		be32(b + 12, 1);
		return put_chunk(o, key[4] == 'a' ? 2 : 1, 0, b, 16, col, err);
	}
	if (strcmp(key, "sack") == 0) {
		be32(b + 4, 65535);
		return put_chunk(o, 3, 0, b, 12, col, err);
	}
	return put_chunk(o, 7, 0, b, 4, col, err);	/* shutdown */
}

static const struct st_craft sctp_craft = {
	.spec = "sctp",
	.extra = "init initack data sack heartbeat shutdown cookie abort "
	    "cookieack shutdownack shutdowncomplete",
	.key = sctp_spec_key,
	.hlen = 12,
	.optmax = ST_SPEC_OPTMAX,
	.help = "  chunks    init=TAG initack=TAG data=HEX sack=TSN "
	    "heartbeat=HEX shutdown=TSN\n            cookie=HEX abort "
	    "cookieack shutdownack shutdowncomplete, in order\n",
};

const struct st_proto st_proto_sctp = {
	.forget = sctp_assoc_forget,
	.name = "sctp",
	.ws = "sctp",
	.title = "Stream Control Transmission Protocol",
	.rfc = "RFC 9260",
	.role = ST_ROLE_TRANSPORT,
	.fields = sctp_fields,
	.nfields = NFIELDS(sctp_fields),
	.decode = sctp_decode,
	.binds = sctp_binds,
	.nbinds = NFIELDS(sctp_binds),
	.ends = { &sctp_fields[F_SPORT], &sctp_fields[F_DPORT] },
	.cksum = &sctp_ck,
	.summary = sctp_summary,
	.qkey = sctp_qkey,
	.keys = sctp_keys,
	.color = "\033[36m",
	.ck_what = "the whole packet (common header and chunks)",
	.explain = "SCTP carries messages on several streams of one "
	    "association between two sets of addresses (multi-homing).  A "
	    "packet is a common header and chunks: INIT, INIT_ACK, "
	    "COOKIE_ECHO and COOKIE_ACK open the association (a four-way "
	    "handshake with a state cookie, so no state is kept before it), "
	    "DATA chunks carry numbered (TSN) user messages that SACK "
	    "acknowledges with gap blocks, HEARTBEAT probes paths, SHUTDOWN "
	    "closes, ABORT resets.  The verification tag, from the INIT "
	    "exchange, guards against stray packets; the checksum is "
	    "CRC32c over the whole packet.",
	.craft = &sctp_craft,
};

const struct st_proto st_proto_sctp_more = {
	.name = "sctp-chunks",
	.ws = "sctp",
	.title = "SCTP chunks after user data",
	.rfc = "RFC 9260",
	.role = ST_ROLE_NETEXT,
	.fields = sctp_fields,
	.nfields = NFIELDS(sctp_fields),
	.decode = sctp_more_decode,
	.color = "\033[36m",
	.explain = "The chunks of an SCTP packet that follow a DATA chunk's "
	    "user data, shown after it as Wireshark does.",
};
