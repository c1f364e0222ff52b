/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Git's smart protocol over git:// (TCP 9418; git's
 * Documentation/gitprotocol-pack.txt): everything is pkt-lines, four hex
 * digits giving the line's length with themselves, then the data:
 *
 *   0032git-upload-pack /project.git\0host=example.com\0
 *   003f7217a7c7... refs/heads/master\n
 *   0000                          flush: the end of a list
 *   0001, 0002                    delimiter, response end (protocol v2)
 *
 * The client names the service and repository; the server lists its
 * refs with its capabilities after the first; the client sends want and
 * have lines and done; the server answers NAK or ACK and the pack, which
 * with side-band comes in lines whose first byte is the band (1 pack
 * data, 2 progress text, 3 an error).
 *
 * As Wireshark's dissector: one layer per pkt-line, several to a
 * segment; the length, the band's code when the data starts with 1, 2 or
 * 3, the protocol version of a "version N" line, the data; a special
 * length other than 0, 1, 2 is marked unknown.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define GIT_PORT	9418
#define GIT_HDR		4

static const struct st_valname type_names[] = {
	{ 0, "Flush" }, { 1, "Delimiter" }, { 2, "Response end" }, { 0, NULL }
};

static const struct st_valname band_names[] = {
	{ 1, "Git packfile data" }, { 2, "Git progress data" },
	{ 3, "Git error data" }, { 0, NULL }
};

static const struct st_valname version_names[] = {
	{ '1', "Git protocol version 1" }, { '2', "Git protocol version 2" },
	{ 0, NULL }
};

enum { F_LEN, F_TYPE, F_BAND, F_VERSION, F_DATA, F_N };

static const struct st_field_desc git_fields[F_N] = {
	/* the length's four hex digits, as the number they spell */
	[F_LEN] = FD("length", "git.length", "Packet length", 0, 0,
	    ST_FMT_HEX),
	[F_TYPE] = FDN("type", "git.packet_type", "Git Packet Type", 0, 0,
	    ST_FMT_DEC, type_names),
	[F_BAND] = FDN(NULL, "git.sideband_control_code",
	    "Sideband control code", 0, 8, ST_FMT_HEX, band_names),
	[F_VERSION] = FDN(NULL, "git.version", "Git Protocol Version", 0, 8,
	    ST_FMT_DEC, version_names),
	[F_DATA] = FD(NULL, "git.data", "Packet data", 0, 0, ST_FMT_BYTES),
};

#define G(i)	(&git_fields[(i)])

/* The length the four hex digits at p spell, as sscanf("%hx") reads
 * them (leading hex digits); -1 if none. */
static long
pkt_len(const uint8_t *p, size_t n)
{
	long v = 0;
	size_t i;
	int d;

	for (i = 0; i < n && i < GIT_HDR; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			d = p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			d = p[i] - 'A' + 10;
		else
			break;
		v = v * 16 + d;
	}
	return i == 0 ? -1 : v;
}

static int
git_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, n, off = GIT_HDR;
	struct st_cur t = *c;
	const uint8_t *p;
	struct st_field *f;
	long v;

	if (left < GIT_HDR || (p = st_get_bytes(&t, left)) == NULL ||
	    (v = pkt_len(p, left)) < 0)
		return left < GIT_HDR && d->ly > d->pkt->layers &&
		    d->ly[-1].proto == d->ly->proto ? ST_ETRUNC : ST_ENOTME;
	d->plen = 0;
	if (v < GIT_HDR) {
		/* flush, delimiter, response end, or a length it has not */
		if ((f = st_dbytes(d, c, G(F_TYPE), 0, GIT_HDR)) != NULL)
			f->val = (uint64_t)v;
		if (v > 2)
			st_pkt_note(d->pkt, "Git: an unknown special pkt-len");
		len = GIT_HDR;
	} else {
		len = (size_t)v;
		if ((f = st_dbytes(d, c, G(F_LEN), 0, GIT_HDR)) != NULL)
			f->val = (uint64_t)v;
		n = (len < left ? len : left);
		if (len == GIT_HDR) {
			d->hdr = GIT_HDR;
			return st_dmalformed(d, "a pkt-line of no data");
		}
		if (n > off && p[off] >= 1 && p[off] <= 3) {
			st_dfields_at(d, c, off, G(F_BAND), 1);
			off++;
		}
		if (n >= off + 9 && memcmp(p + off, "version ", 8) == 0)
			st_dfields_at(d, c, off + 8, G(F_VERSION), 1);
		if (n > off)
			st_dbytes(d, c, G(F_DATA), off, n - off);
	}
	d->hdr = len < left ? len : left;
	if (len > left) {
		st_pkt_note(d->pkt, "Git: a pkt-line continues in a later "
		    "segment");
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC : ST_OK;
	}
	if (len < left) {
		d->plen = left - len;
		d->next = d->ly->proto;		/* another pkt-line */
	}
	return ST_OK;
}

/* The pkt-line's length (strata/proto.h, pdu_len). */
static size_t
git_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct st_cur t = *c;
	const uint8_t *p;
	long v;

	if (left < GIT_HDR)
		return ST_PDU_MORE;
	if ((p = st_get_bytes(&t, GIT_HDR)) == NULL ||
	    (v = pkt_len(p, GIT_HDR)) < 0)
		return 0;
	return v < GIT_HDR ? GIT_HDR : (size_t)v;
}

static const struct st_bind git_binds[] = {
	{ ST_KEY_TCPPORT, GIT_PORT },
};

/* One pkt-line's facts: "flush", "62 bytes", "62 bytes band 2". */
static void
git_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_N];
	const char *nm;

	st_ly_fields(s->pkt, ly, git_fields, F_N, f);
	if (f[F_TYPE] != NULL) {
		nm = st_valname(type_names, (uint32_t)f[F_TYPE]->val);
		st_out_puts(s->o, nm != NULL ? nm : "special");
		return;
	}
	if (f[F_LEN] == NULL) {
		st_out_puts(s->o, "?");
		return;
	}
	st_out_printf(s->o, "%u bytes", (unsigned)f[F_LEN]->val);
	if (f[F_BAND] != NULL)
		st_out_printf(s->o, " band %u", (unsigned)f[F_BAND]->val);
}

/* "git 50 bytes, 63 bytes, Flush". */
static int
git_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "git ");
	st_sum_each(s, ly, ", ", git_facts);
	return 1;
}

static const struct st_field_desc *const git_keys[] = {
	G(F_LEN), G(F_TYPE), G(F_BAND), NULL,
};

const struct st_proto st_proto_git = {
	.name = "git",
	.ws = "git",
	.title = "Git Smart Protocol",
	.rfc = "gitprotocol-pack",
	.role = ST_ROLE_APP,
	.fields = git_fields,
	.nfields = F_N,
	.decode = git_decode,
	.binds = git_binds,
	.nbinds = NFIELDS(git_binds),
	.summary = git_summary,
	.pdu_len = git_pdu_len,
	.keys = git_keys,
	.color = "\033[32m",
	.explain = "How git fetches and pushes over git:// (TCP 9418): "
	    "everything is pkt-lines, four hex digits giving the line's "
	    "length (themselves included) and the data; 0000 (flush) ends a "
	    "list.  The client names the service and repository "
	    "(git-upload-pack /project.git, then host=); the server lists "
	    "its refs, capabilities after the first; the client sends want "
	    "and have lines and done; the server answers NAK or ACK and the "
	    "pack file, with side-band in lines whose first byte says the "
	    "band: 1 pack data, 2 progress text, 3 an error.  Protocol "
	    "version 2 adds 0001 (delimiter) and 0002 (response end).",
};
