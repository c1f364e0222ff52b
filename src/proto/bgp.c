/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BGP-4, the Border Gateway Protocol (RFC 4271), TCP port 179.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     Marker (16 bytes of 0xff)                 |
 * |           Length              |      Type     |  message ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * OPEN (1): version, AS, hold time, identifier, optional parameters
 * (capabilities, RFC 5492).  UPDATE (2): withdrawn routes, path
 * attributes, NLRI, prefixes as a length in bits and as many bytes as it
 * needs.  NOTIFICATION (3): error codes and data (a shutdown
 * communication, RFC 8203).  KEEPALIVE (4): the header alone.
 * ROUTE-REFRESH (5, RFC 2918/7313).  Multiprotocol reachability,
 * extended communities and PMSI tunnels in bgpmp.c.  One layer per message; several may
 * share a segment.  A segment that does not start with a marker continues
 * a message begun earlier (no reassembly here, as tshark without it).
 */
#include "strata/out.h"
#include "bgp.h"

const char st_bgp_prefix_length[] = "bgp.prefix_length";

enum { F_MARKER, F_LEN, F_TYPE, F_CONT,
	/* OPEN, from the message's start */
	O_VER, O_AS, O_HOLD, O_ID, O_OPTLEN,
	/* parameters and capabilities, from their start */
	P_TYPE, P_LEN, P_UNK, C_TYPE, C_LEN, C_UNK, C_MPAFI, C_RSV, C_MPSAFI,
	C_GRT, C_GRR, C_GRN, C_GRTIME, C_GRHELPER, C_GRAFI, C_GRSAFI, C_GRFLAG,
	C_4AS, C_APAFI, C_APSAFI, C_APSR, C_HLEN, C_HOST, C_DLEN, C_DOMAIN,
	/* UPDATE */
	U_WLEN, U_ALEN, U_PLEN, U_WPFX, U_NPFX,
	A_FLAGS, A_OPT, A_TRANS, A_PART, A_EXT, A_UNUSED, A_TYPE, A_LEN8,
	A_LEN16, A_ORIGIN, S_TYPE, S_LEN, S_AS2, S_AS4, A_NH, A_MED, A_LPREF,
	A_AGGAS2, A_AGGAS4, A_AGGIP, A_COMAS, A_COMVAL,
	/* NOTIFICATION, ROUTE-REFRESH */
	N_MAJOR, N_MINOR, N_DATA = N_MINOR + 8, N_CLEN, N_COMM, R_AFI, R_SUB,
	R_SAFI };

static const struct st_valname type_names[] = {
	{ 1, "OPEN Message" }, { 2, "UPDATE Message" },
	{ 3, "NOTIFICATION Message" }, { 4, "KEEPALIVE Message" },
	{ 5, "ROUTE-REFRESH Message" }, { 0, NULL }
};

static const struct st_valname cap_names[] = {
	{ 1, "Multiprotocol extensions capability" },
	{ 2, "Route refresh capability" },
	{ 64, "Graceful Restart capability" },
	{ 65, "Support for 4-octet AS number capability" },
	{ 69, "ADD-PATH capability" },
	{ 70, "Enhanced route refresh capability" },
	{ 73, "FQDN Capability" },
	{ 128, "Route refresh capability (Cisco)" }, { 0, NULL }
};

static const struct st_valname attr_names[] = {
	{ 1, "ORIGIN" }, { 2, "AS_PATH" }, { 3, "NEXT_HOP" },
	{ 4, "MULTI_EXIT_DISC" }, { 5, "LOCAL_PREF" },
	{ 6, "ATOMIC_AGGREGATE" }, { 7, "AGGREGATOR" }, { 8, "COMMUNITIES" },
	{ 14, "MP_REACH_NLRI" }, { 15, "MP_UNREACH_NLRI" },
	{ 16, "EXTENDED_COMMUNITIES" }, { 17, "AS4_PATH" },
	{ 18, "AS4_AGGREGATOR" }, { 32, "LARGE_COMMUNITY" }, { 0, NULL }
};

static const struct st_valname major_names[] = {
	{ 1, "Message Header Error" }, { 2, "OPEN Message Error" },
	{ 3, "UPDATE Message Error" }, { 4, "Hold Timer Expired" },
	{ 5, "Finite State Machine Error" }, { 6, "Cease" },
	{ 7, "CAPABILITY Message Error" }, { 0, NULL }
};

static const struct st_valname origin_names[] = {
	{ 0, "IGP" }, { 1, "EGP" }, { 2, "INCOMPLETE" }, { 0, NULL }
};

#define MINOR(n) FD(NULL, n, "Minor error code", 160, 8, ST_FMT_DEC)

static const struct st_field_desc bgp_fields[] = {
	[F_MARKER] = FD(NULL, "bgp.marker", "Marker", 0, 128, ST_FMT_BYTES),
	[F_LEN] = FD("len", "bgp.length", "Length", 128, 16, ST_FMT_DEC),
	[F_TYPE] = FDN("type", "bgp.type", "Type", 144, 8, ST_FMT_DEC,
	    type_names),
	[F_CONT] = FD(NULL, "bgp.continuation", "Continuation", 0, 0,
	    ST_FMT_BYTES),
	[O_VER] = FD(NULL, "bgp.open.version", "Version", 152, 8, ST_FMT_DEC),
	[O_AS] = FD(NULL, "bgp.open.myas", "My AS", 160, 16, ST_FMT_DEC),
	[O_HOLD] = FD(NULL, "bgp.open.holdtime", "Hold time (s)", 176, 16,
	    ST_FMT_DEC),
	[O_ID] = FD(NULL, "bgp.open.identifier", "BGP identifier", 192, 32,
	    ST_FMT_IPV4),
	[O_OPTLEN] = FD(NULL, "bgp.open.opt.len", "Optional parameters "
	    "length", 224, 8, ST_FMT_DEC),
	[P_TYPE] = FD(NULL, "bgp.open.opt.param.type", "Parameter type", 0, 8,
	    ST_FMT_DEC),
	[P_LEN] = FD(NULL, "bgp.open.opt.param.len", "Parameter length", 8, 8,
	    ST_FMT_DEC),
	[P_UNK] = FD(NULL, "bgp.open.opt.param.unknown", "Unknown", 16, 0,
	    ST_FMT_BYTES),
	[C_TYPE] = FDN(NULL, "bgp.cap.type", "Capability type", 0, 8,
	    ST_FMT_DEC, cap_names),
	[C_LEN] = FD(NULL, "bgp.cap.length", "Capability length", 8, 8,
	    ST_FMT_DEC),
	[C_UNK] = FD(NULL, "bgp.cap.unknown", "Unknown", 16, 0, ST_FMT_BYTES),
	[C_MPAFI] = FD(NULL, "bgp.cap.mp.afi", "AFI", 16, 16, ST_FMT_DEC),
	[C_RSV] = FD(NULL, "bgp.cap.reserved", "Reserved", 32, 8,
	    ST_FMT_BYTES),
	[C_MPSAFI] = FD(NULL, "bgp.cap.mp.safi", "SAFI", 40, 8, ST_FMT_DEC),
	[C_GRT] = FD(NULL, "bgp.cap.gr.timers", "Restart timers", 16, 16,
	    ST_FMT_HEX),
	[C_GRR] = FDD(NULL, "bgp.cap.gr.timers.restart_flag", "Restart state",
	    16, 1, ST_FMT_BOOL),
	[C_GRN] = FDD(NULL, "bgp.cap.gr.timers.notification_flag",
	    "Graceful notification", 17, 1, ST_FMT_BOOL),
	[C_GRTIME] = FDD(NULL, "bgp.cap.gr.timers.restart_time", "Restart "
	    "time (s)", 20, 12, ST_FMT_DEC),
	[C_GRHELPER] = FDG("bgp.cap.gr.helper_mode_only", "Helper mode only",
	    ST_FMT_BOOL, NULL),
	[C_GRAFI] = FD(NULL, "bgp.cap.gr.afi", "AFI", 0, 16, ST_FMT_DEC),
	[C_GRSAFI] = FD(NULL, "bgp.cap.gr.safi", "SAFI", 16, 8, ST_FMT_DEC),
	[C_GRFLAG] = FD(NULL, "bgp.cap.gr.flag", "Flags", 24, 8, ST_FMT_HEX),
	[C_4AS] = FD(NULL, "bgp.cap.4as", "AS number", 16, 32, ST_FMT_DEC),
	[C_APAFI] = FD(NULL, "bgp.cap.ap.afi", "AFI", 0, 16, ST_FMT_DEC),
	[C_APSAFI] = FD(NULL, "bgp.cap.ap.safi", "SAFI", 16, 8, ST_FMT_DEC),
	[C_APSR] = FD(NULL, "bgp.cap.ap.sendreceive", "Send/receive", 24, 8,
	    ST_FMT_DEC),
	[C_HLEN] = FD(NULL, "bgp.cap.orf.fqdn.hostname.len", "Hostname "
	    "length", 0, 8, ST_FMT_DEC),
	[C_HOST] = FD(NULL, "bgp.cap.orf.fqdn.hostname", "Hostname", 8, 0,
	    ST_FMT_TEXT),
	[C_DLEN] = FD(NULL, "bgp.cap.orf.fqdn.domain_name.len", "Domain name "
	    "length", 0, 8, ST_FMT_DEC),
	[C_DOMAIN] = FD(NULL, "bgp.cap.orf.fqdn.domain_name", "Domain name", 8,
	    0, ST_FMT_TEXT),
	[U_WLEN] = FD(NULL, "bgp.update.withdrawn_routes.length", "Withdrawn "
	    "routes length", 152, 16, ST_FMT_DEC),
	[U_ALEN] = FD(NULL, "bgp.update.path_attributes.length", "Total path "
	    "attribute length", 0, 16, ST_FMT_DEC),
	[U_PLEN] = FD(NULL, st_bgp_prefix_length, "Prefix length", 0, 8,
	    ST_FMT_DEC),
	[U_WPFX] = FD(NULL, "bgp.withdrawn_prefix", "Withdrawn prefix", 8, 0,
	    ST_FMT_TEXT),
	[U_NPFX] = FD(NULL, "bgp.nlri_prefix", "NLRI prefix", 8, 0,
	    ST_FMT_TEXT),
	[A_FLAGS] = FD(NULL, "bgp.update.path_attribute.flags", "Flags", 0, 8,
	    ST_FMT_HEX),
	[A_OPT] = FDD(NULL, "bgp.update.path_attribute.flags.optional",
	    "Optional", 0, 1, ST_FMT_BOOL),
	[A_TRANS] = FDD(NULL, "bgp.update.path_attribute.flags.transitive",
	    "Transitive", 1, 1, ST_FMT_BOOL),
	[A_PART] = FDD(NULL, "bgp.update.path_attribute.flags.partial",
	    "Partial", 2, 1, ST_FMT_BOOL),
	[A_EXT] = FDD(NULL, "bgp.update.path_attribute.flags.extended_length",
	    "Extended length", 3, 1, ST_FMT_BOOL),
	[A_UNUSED] = FDD(NULL, "bgp.update.path_attribute.flags.unused",
	    "Unused", 4, 4, ST_FMT_HEX),
	[A_TYPE] = FDN(NULL, "bgp.update.path_attribute.type_code", "Type "
	    "code", 8, 8, ST_FMT_DEC, attr_names),
	[A_LEN8] = FD(NULL, "bgp.update.path_attribute.length", "Length", 16,
	    8, ST_FMT_DEC),
	[A_LEN16] = FD(NULL, "bgp.update.path_attribute.length", "Length", 16,
	    16, ST_FMT_DEC),
	[A_ORIGIN] = FDN(NULL, "bgp.update.path_attribute.origin", "Origin",
	    0, 8, ST_FMT_DEC, origin_names),
	[S_TYPE] = FD(NULL, "bgp.update.path_attribute.as_path_segment.type",
	    "Segment type", 0, 8, ST_FMT_DEC),
	[S_LEN] = FD(NULL, "bgp.update.path_attribute.as_path_segment.length",
	    "Segment length (ASes)", 8, 8, ST_FMT_DEC),
	[S_AS2] = FD(NULL, "bgp.update.path_attribute.as_path_segment.as2",
	    "AS", 0, 16, ST_FMT_DEC),
	[S_AS4] = FD(NULL, "bgp.update.path_attribute.as_path_segment.as4",
	    "AS", 0, 32, ST_FMT_DEC),
	[A_NH] = FD(NULL, "bgp.update.path_attribute.next_hop", "Next hop", 0,
	    32, ST_FMT_IPV4),
	[A_MED] = FD(NULL, "bgp.update.path_attribute.multi_exit_disc",
	    "Multiple exit discriminator", 0, 32, ST_FMT_DEC),
	[A_LPREF] = FD(NULL, "bgp.update.path_attribute.local_pref", "Local "
	    "preference", 0, 32, ST_FMT_DEC),
	[A_AGGAS2] = FD(NULL, "bgp.update.path_attribute.aggregator_as",
	    "Aggregator AS", 0, 16, ST_FMT_DEC),
	[A_AGGAS4] = FD(NULL, "bgp.update.path_attribute.aggregator_as",
	    "Aggregator AS", 0, 32, ST_FMT_DEC),
	[A_AGGIP] = FD(NULL, "bgp.update.path_attribute.aggregator_origin",
	    "Aggregator origin", 0, 32, ST_FMT_IPV4),
	[A_COMAS] = FD(NULL, "bgp.update.path_attribute.community_as",
	    "Community AS", 0, 16, ST_FMT_DEC),
	[A_COMVAL] = FD(NULL, "bgp.update.path_attribute.community_value",
	    "Community value", 16, 16, ST_FMT_DEC),
	[N_MAJOR] = FDN(NULL, "bgp.notify.major_error", "Major error code",
	    152, 8, ST_FMT_DEC, major_names),
	/* The minor code's name depends on the major (1..7). */
	[N_MINOR] = MINOR("bgp.notify.minor_error"),
	[N_MINOR + 1] = MINOR("bgp.notify.minor_error"),
	[N_MINOR + 2] = MINOR("bgp.notify.minor_error_open"),
	[N_MINOR + 3] = MINOR("bgp.notify.minor_error_update"),
	[N_MINOR + 4] = MINOR("bgp.notify.minor_error_expired"),
	[N_MINOR + 5] = MINOR("bgp.notify.minor_error_state"),
	[N_MINOR + 6] = MINOR("bgp.notify.minor_error_cease"),
	[N_MINOR + 7] = MINOR("bgp.notify.minor_error_capability"),
	[N_DATA] = FD(NULL, "bgp.notify.minor_data", "Data", 168, 0,
	    ST_FMT_BYTES),
	[N_CLEN] = FD(NULL, "bgp.notify.communication_length", "Shutdown "
	    "communication length", 168, 8, ST_FMT_DEC),
	[N_COMM] = FD(NULL, "bgp.notify.communication", "Shutdown "
	    "communication", 176, 0, ST_FMT_TEXT),
	[R_AFI] = FD(NULL, "bgp.route_refresh.afi", "AFI", 152, 16,
	    ST_FMT_DEC),
	[R_SUB] = FD(NULL, "bgp.route_refresh.subtype", "Subtype", 168, 8,
	    ST_FMT_DEC),
	[R_SAFI] = FD(NULL, "bgp.route_refresh.safi", "SAFI", 176, 8,
	    ST_FMT_DEC),
};

/* Rows [first, first + n) at byte off of c; a missing byte sets c->err. */
static void
bgp_at(struct st_dctx *d, struct st_cur *c, size_t off, unsigned first,
    unsigned n)
{
	st_dfields_at(d, c, off, bgp_fields + first, n);
}

/* n wire bytes at byte off of c as escaped text in field fd. */
static void
bgp_text(struct st_dctx *d, struct st_cur *c, unsigned fd, size_t off,
    size_t n)
{
	char text[255 * 4 + 1];
	struct st_cur w = *c;
	const uint8_t *p;

	w.off += off;
	if ((p = st_get_bytes(&w, n)) == NULL) {
		c->err = w.err;
		return;
	}
	st_escape(p, n, text, sizeof(text));
	st_dtext(d, c, &bgp_fields[fd], off, n, text);
}

/*
 * IPv4 prefixes from byte pos to end of c, each a length in bits and as
 * many bytes as it needs, into field fd.  Returns 0, or -1 when one runs
 * past end (malformed) or the capture.
 */
static int
bgp_prefixes(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end,
    unsigned fd)
{
	uint8_t a[4];
	char text[16];
	struct st_cur w = *c;
	const uint8_t *p;
	unsigned i, bits;
	size_t n;

	for (i = 0; i < BGP_MAXITEMS && pos < end && c->err == ST_OK; i++) {
		bgp_at(d, c, pos, U_PLEN, 1);
		bits = (unsigned)st_peek_bits(c, pos * 8, 8);
		if (c->err != ST_OK)
			return -1;
		if (bits > 32 || pos + 1 + (bits + 7) / 8 > end) {
			st_dmalformed(d, "prefix of %u bits beyond its "
			    "field", bits);
			return -1;
		}
		n = (bits + 7) / 8;
		w = *c;
		w.off += pos + 1;
		if ((p = st_get_bytes(&w, n)) == NULL) {
			c->err = w.err;
			return -1;
		}
		memset(a, 0, sizeof(a));
		memcpy(a, p, n);
		snprintf(text, sizeof(text), "%u.%u.%u.%u", a[0], a[1], a[2],
		    a[3]);
		st_dtext(d, c, &bgp_fields[fd], pos + 1, n, text);
		pos += 1 + n;
	}
	return 0;
}

/* One capability at byte pos of c, n value bytes. */
static void
bgp_cap(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	unsigned type = (unsigned)st_peek_bits(c, pos * 8, 8), i;
	size_t k;

	switch (type) {
	case 1:
		if (n == 4)
			bgp_at(d, c, pos, C_MPAFI, 3);
		return;
	case 2:
	case 70:
	case 128:
		return;
	case 64:
		if (n < 2)
			break;
		bgp_at(d, c, pos, C_GRT, 4);
		if (n == 2)
			st_dgen(d, &bgp_fields[C_GRHELPER], 1);
		for (i = 0, k = 4; i < BGP_MAXITEMS && k + 4 <= 2 + n; i++,
		    k += 4)
			bgp_at(d, c, pos + k, C_GRAFI, 3);
		return;
	case 65:
		if (n == 4)
			bgp_at(d, c, pos, C_4AS, 1);
		return;
	case 69:
		for (i = 0, k = 2; i < BGP_MAXITEMS && k + 4 <= 2 + n; i++,
		    k += 4)
			bgp_at(d, c, pos + k, C_APAFI, 3);
		return;
	case 73:
		if (n < 1 || (k = (size_t)st_peek_bits(c, (pos + 2) * 8, 8)) +
		    2 > n)
			break;
		bgp_at(d, c, pos + 2, C_HLEN, 1);
		bgp_text(d, c, C_HOST, pos + 3, k);
		bgp_at(d, c, pos + 3 + k, C_DLEN, 1);
		i = (unsigned)st_peek_bits(c, (pos + 3 + k) * 8, 8);
		if (c->err == ST_OK && k + 2 + i <= n)
			bgp_text(d, c, C_DOMAIN, pos + 4 + k, i);
		return;
	}
	if (n > 0 && st_cur_need(c, pos + 2 + n))
		st_dbytes(d, c, &bgp_fields[C_UNK], pos + 2, n);
}

/* The optional parameters of an OPEN, from byte 29 to end. */
static void
bgp_params(struct st_dctx *d, struct st_cur *c, size_t end)
{
	size_t pos = 29, n, k, cn;
	unsigned i, j;

	for (i = 0; i < BGP_MAXITEMS && pos + 2 <= end && c->err == ST_OK;
	    i++, pos += 2 + n) {
		bgp_at(d, c, pos, P_TYPE, 2);
		n = (size_t)st_peek_bits(c, pos * 8 + 8, 8);
		if (c->err != ST_OK || pos + 2 + n > end)
			return;
		if (st_peek_bits(c, pos * 8, 8) != 2) {
			if (n > 0)
				st_dbytes(d, c, &bgp_fields[P_UNK], pos + 2, n);
			continue;
		}
		for (j = 0, k = pos + 2; j < BGP_MAXITEMS && k + 2 <= pos + 2 +
		    n && c->err == ST_OK; j++, k += 2 + cn) {
			bgp_at(d, c, k, C_TYPE, 2);
			cn = (size_t)st_peek_bits(c, k * 8 + 8, 8);
			if (c->err != ST_OK || k + 2 + cn > pos + 2 + n)
				break;
			bgp_cap(d, c, k, cn);
		}
	}
}

/*
 * Whether the AS_PATH of n bytes at byte pos of c reads whole with
 * 2-byte AS numbers (a speaker without the 4-octet capability), as
 * Wireshark guesses when no OPEN was seen.
 */
static int
bgp_as2(struct st_cur *c, size_t pos, size_t n)
{
	size_t k = 0;
	unsigned i, type;

	for (i = 0; i < BGP_MAXITEMS && k + 2 <= n; i++) {
		type = (unsigned)st_peek_bits(c, (pos + k) * 8, 8);
		if (type < 1 || type > 4)
			return 0;
		k += 2 + 2 * (size_t)st_peek_bits(c, (pos + k) * 8 + 8, 8);
	}
	return k == n && c->err == ST_OK;
}

/* AS path segments from byte pos, n bytes, AS numbers of w bytes. */
static void
bgp_aspath(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n,
    unsigned w)
{
	size_t k = 0, cnt, j;
	unsigned i;

	for (i = 0; i < BGP_MAXITEMS && k + 2 <= n && c->err == ST_OK; i++) {
		bgp_at(d, c, pos + k, S_TYPE, 2);
		cnt = (size_t)st_peek_bits(c, (pos + k) * 8 + 8, 8);
		k += 2;
		for (j = 0; j < cnt && k + w <= n && c->err == ST_OK; j++,
		    k += w)
			bgp_at(d, c, pos + k, w == 2 ? S_AS2 : S_AS4, 1);
	}
}

/* One path attribute's value: type type, n bytes at byte pos of c. */
static void
bgp_attr(struct st_dctx *d, struct st_cur *c, unsigned type, size_t pos,
    size_t n)
{
	size_t k;
	unsigned i;

	switch (type) {
	case 1:
		if (n == 1)
			bgp_at(d, c, pos, A_ORIGIN, 1);
		break;
	case 2:
	case 17:
		bgp_aspath(d, c, pos, n, type == 2 && bgp_as2(c, pos, n) ? 2 :
		    4);
		break;
	case 3:
		if (n == 4)
			bgp_at(d, c, pos, A_NH, 1);
		break;
	case 4:
	case 5:
		if (n == 4)
			bgp_at(d, c, pos, type == 4 ? A_MED : A_LPREF, 1);
		break;
	case 7:
	case 18:
		if (n != 6 && n != 8)
			break;
		bgp_at(d, c, pos, n == 6 ? A_AGGAS2 : A_AGGAS4, 1);
		bgp_at(d, c, pos + n - 4, A_AGGIP, 1);
		break;
	case 8:
		for (i = 0, k = 0; i < BGP_MAXITEMS && k + 4 <= n; i++, k += 4)
			bgp_at(d, c, pos + k, A_COMAS, 2);
		break;
	default:
		bgp_mp_attr(d, c, type, pos, n);
		break;
	}
}

/* The path attributes from byte pos to end. */
static void
bgp_attrs(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	size_t hl, n;
	unsigned i, ext;

	for (i = 0; i < BGP_MAXITEMS && pos + 3 <= end && c->err == ST_OK;
	    i++, pos += hl + n) {
		ext = (unsigned)st_peek_bits(c, pos * 8 + 3, 1);
		bgp_at(d, c, pos, A_FLAGS, 7);
		bgp_at(d, c, pos, ext ? A_LEN16 : A_LEN8, 1);
		hl = ext ? 4 : 3;
		n = (size_t)st_peek_bits(c, pos * 8 + 16, ext ? 16 : 8);
		if (c->err != ST_OK)
			return;
		if (pos + hl + n > end) {
			st_dmalformed(d, "path attribute of %zu bytes beyond "
			    "the attributes", n);
			return;
		}
		bgp_attr(d, c, (unsigned)st_peek_bits(c, pos * 8 + 8, 8),
		    pos + hl, n);
	}
}

/* An UPDATE of len bytes. */
static void
bgp_update(struct st_dctx *d, struct st_cur *c, size_t len)
{
	size_t wl, al;

	bgp_at(d, c, 0, U_WLEN, 1);
	wl = (size_t)st_peek_bits(c, 152, 16);
	if (c->err != ST_OK)
		return;
	if (23 + wl > len) {
		st_dmalformed(d, "withdrawn routes of %zu bytes beyond the "
		    "message", wl);
		return;
	}
	if (bgp_prefixes(d, c, 21, 21 + wl, U_WPFX) < 0)
		return;
	bgp_at(d, c, 21 + wl, U_ALEN, 1);
	al = (size_t)st_peek_bits(c, (21 + wl) * 8, 16);
	if (c->err != ST_OK)
		return;
	if (23 + wl + al > len) {
		/* As Wireshark, the attributes the message does hold. */
		bgp_attrs(d, c, 23 + wl, len);
		st_dmalformed(d, "path attributes of %zu bytes beyond the "
		    "message", al);
		return;
	}
	bgp_attrs(d, c, 23 + wl, 23 + wl + al);
	if (c->err == ST_OK && d->ly->status != ST_LS_MALFORMED)
		bgp_prefixes(d, c, 23 + wl + al, len, U_NPFX);
}

/* A NOTIFICATION of len bytes. */
static void
bgp_notify(struct st_dctx *d, struct st_cur *c, size_t len)
{
	unsigned major, minor;
	size_t n;

	bgp_at(d, c, 0, N_MAJOR, 1);
	major = (unsigned)st_peek_bits(c, 152, 8);
	bgp_at(d, c, 0, N_MINOR + (major <= 7 ? major : 0), 1);
	minor = (unsigned)st_peek_bits(c, 160, 8);
	if (c->err != ST_OK || len <= 21)
		return;
	/* A shutdown or reset communication (RFC 9003): a length and
	 * UTF-8, filling the data exactly as Wireshark requires. */
	n = (size_t)st_peek_bits(c, 168, 8);
	if (major == 6 && (minor == 2 || minor == 4) && 22 + n == len) {
		bgp_at(d, c, 0, N_CLEN, 1);
		bgp_text(d, c, N_COMM, 22, n);
	} else if (st_cur_need(c, len))
		st_dbytes(d, c, &bgp_fields[N_DATA], 21, len - 21);
}

static int
bgp_decode(struct st_dctx *d, struct st_cur *c)
{
	static const uint8_t marker[16] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
	};
	size_t left = st_cur_left(c), len, end, opt;
	struct st_cur w = *c, m;
	const uint8_t *p;
	unsigned type;

	d->plen = 0;
	p = st_get_bytes(&w, left < 16 ? left : 16);
	if (p != NULL && memcmp(p, marker, left < 16 ? left : 16) != 0) {
		/* The middle of a message begun in an earlier segment. */
		st_dbytes(d, c, &bgp_fields[F_CONT], 0, left);
		d->hdr = left;
		return ST_OK;
	}
	st_dfields(d, c, bgp_fields, F_CONT);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	len = (size_t)st_peek_bits(c, 128, 16);
	type = (unsigned)st_peek_bits(c, 144, 8);
	if (len < 19) {
		d->hdr = 19;
		return st_dmalformed(d, "message length %zu", len);
	}
	end = len < left ? len : left;
	d->hdr = end;
	m = st_cur_sub(c, end, NULL);
	if (type == 1) {
		bgp_at(d, &m, 0, O_VER, 5);
		opt = 29 + (size_t)st_peek_bits(&m, 224, 8);
		bgp_params(d, &m, opt < len ? opt : len);
	} else if (type == 2)
		bgp_update(d, &m, len);
	else if (type == 3)
		bgp_notify(d, &m, len);
	else if (type == 5)
		bgp_at(d, &m, 0, R_AFI, 3);
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (m.err != ST_OK || len > left) {
		st_pkt_note(d->pkt, "BGP: a message continues in a later "
		    "segment");
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
	}
	d->plen = left - end;
	if (d->plen > 0)
		d->next = d->ly->proto;		/* another message */
	return ST_OK;
}

static const struct st_bind bgp_binds[] = {
	{ ST_KEY_TCPPORT, 179 },
};

/* As tcpdump: "BGP, length: 95, UPDATE Message". */
static int
bgp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_TYPE + 1];
	const char *t;

	st_ly_fields(s->pkt, ly, bgp_fields, F_TYPE + 1, f);
	if (f[F_LEN] == NULL || f[F_TYPE] == NULL) {
		st_out_puts(s->o, "BGP continuation");
		return 1;
	}
	t = st_valname(type_names, (uint32_t)f[F_TYPE]->val);
	st_out_printf(s->o, "BGP %s, length %u", t != NULL ? t :
	    "unknown message", (unsigned)f[F_LEN]->val);
	return 1;
}

/* @reasm */
/* The message at c is as long as its length says (strata/proto.h,
 * pdu_len): after its marker, whose bytes at hand must be 0xff. */
static size_t
bgp_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), i, len;

	for (i = 0; i < 16 && i < left; i++)
		if (st_peek_bits(c, i * 8, 8) != 0xff)
			return 0;
	if (left == 0)
		return 0;
	if (left < 18)
		return ST_PDU_MORE;
	len = (size_t)st_peek_bits(c, 128, 16);
	return len >= 19 ? len : 0;
}

static const struct st_field_desc *const bgp_keys[] = {
	&bgp_fields[F_TYPE], &bgp_fields[F_LEN], NULL,
};

const struct st_proto st_proto_bgp = {
	.name = "bgp",
	.ws = "bgp",
	.title = "Border Gateway Protocol",
	.rfc = "RFC 4271",
	.role = ST_ROLE_APP,
	.fields = bgp_fields,
	.nfields = NFIELDS(bgp_fields),
	.decode = bgp_decode,
	.binds = bgp_binds,
	.nbinds = NFIELDS(bgp_binds),
	.summary = bgp_summary,
	.keys = bgp_keys,
	.color = "\033[36m",
	.explain_bits = 152,
	.explain = "The routing protocol between autonomous systems, over "
	    "TCP port 179.  Each message starts with 16 bytes of 0xff, a "
	    "length and a type.  Peers OPEN a session (AS number, hold "
	    "time, identifier, capabilities such as multiprotocol, 4-octet "
	    "AS numbers and graceful restart), then send UPDATEs (withdrawn "
	    "prefixes, path attributes such as ORIGIN, AS_PATH, NEXT_HOP, "
	    "and the prefixes they apply to), KEEPALIVEs within the hold "
	    "time, ROUTE-REFRESH requests, and a NOTIFICATION before "
	    "closing on an error.",
	/* @reasm */
	.pdu_len = bgp_pdu_len,
};
