/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NTLMSSP, the NT LAN Manager security support provider ([MS-NLMP]), as
 * SPNEGO or a carrier hands its messages on:
 *
 *   "NTLMSSP\0" | MessageType (4) | ...
 *
 * NEGOTIATE (1): flags, the client's domain and workstation, a version.
 * CHALLENGE (2): the target's name, flags, the server's 8-byte challenge,
 * the target info (AV pairs: names, a timestamp), a version.
 * AUTHENTICATE (3): the LM and NT responses (an NTLMv2 response holds the
 * client's challenge, a timestamp and AV pairs), the domain, user and host
 * names, the session key, flags, a version and a MIC.
 * Every number is little-endian; strings and blobs are (length, maxlen,
 * offset from the message's start) triples pointing into the message.
 * A 16-byte message without the signature is a verifier (the signature
 * SPNEGO's mechListMIC holds): version 1 and 12 bytes.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "strata/out.h"
#include "fields.h"

#define NTLM_AVMAX	32		/* AV pairs read in one list */
#define NTLM_TXTMAX	256		/* characters of a name shown */

enum {
	F_ID, F_TYPE, F_FLAGS, F_NDOM, F_NWS, F_TNAME, F_SCHAL, F_RSV,
	F_TI_LEN, F_TI_MAX, F_TI_OFF,
	F_SLEN, F_SMAX, F_SOFF, F_BLEN, F_BMAX, F_BOFF,
	F_LMRESP, F_CCHAL, F_NTRESP, F_V2, F_PROOF, F_RVER, F_HIRVER, F_Z,
	F_TIME, F_CHAL, F_PAD, F_ADOM, F_AUSER, F_AHOST, F_SKEY, F_MIC,
	F_VMAJ, F_VMIN, F_VBUILD, F_VREV, F_VERS, F_VBODY,
	/* The AV pairs, twice: the challenge's target info, then the NTLMv2
	 * response's, in the same order. */
	F_AV0, F_AVLEN0, F_AVNBC0, F_AVNBD0, F_AVDNSC0, F_AVDNSD0, F_AVTREE0,
	F_AVFLAGS0, F_AVTIME0, F_AVREST0, F_AVTGT0, F_AVCB0,
	F_AV1, F_AVLEN1, F_AVNBC1, F_AVNBD1, F_AVDNSC1, F_AVDNSD1, F_AVTREE1,
	F_AVFLAGS1, F_AVTIME1, F_AVREST1, F_AVTGT1, F_AVCB1,
	F_NFIELDS
};
#define AVROWS	(F_AV1 - F_AV0)

#define T(n, l)	FD(NULL, n, l, 0, 0, ST_FMT_TEXT)
#define B(n, l)	FD(NULL, n, l, 0, 0, ST_FMT_BYTES)
#define N(n, l, w)	FD(NULL, n, l, 0, w, ST_FMT_DEC)
#define H(n, l, w)	FD(NULL, n, l, 0, w, ST_FMT_HEX)
#define AV(p) \
	FDN(NULL, p ".item.type", "AV pair type", 0, 16, ST_FMT_HEX, av_names), \
	N(p ".item.length", "AV pair length", 16), \
	T(p ".nb_computer_name", "NetBIOS computer name"), \
	T(p ".nb_domain_name", "NetBIOS domain name"), \
	T(p ".dns_computer_name", "DNS computer name"), \
	T(p ".dns_domain_name", "DNS domain name"), \
	T(p ".dns_tree_name", "DNS tree name"), \
	H(p ".flags", "Flags", 32), \
	T(p ".timestamp", "Timestamp"), \
	B(p ".restrictions", "Restrictions"), \
	T(p ".target_name", "Target name"), \
	B(p ".channel_bindings", "Channel bindings")

static const struct st_valname type_names[] = {
	{ 1, "NTLMSSP_NEGOTIATE" }, { 2, "NTLMSSP_CHALLENGE" },
	{ 3, "NTLMSSP_AUTH" }, { 0, NULL },
};

static const struct st_valname av_names[] = {
	{ 0, "End of list" }, { 1, "NetBIOS computer name" },
	{ 2, "NetBIOS domain name" }, { 3, "DNS computer name" },
	{ 4, "DNS domain name" }, { 5, "DNS tree name" }, { 6, "Flags" },
	{ 7, "Timestamp" }, { 8, "Restrictions" }, { 9, "Target Name" },
	{ 10, "Channel Bindings" }, { 0, NULL },
};

static const struct st_field_desc ntlm_fields[] = {
	[F_ID] = T("ntlmssp.identifier", "NTLMSSP identifier"),
	[F_TYPE] = FDN(NULL, "ntlmssp.messagetype", "Message type", 0, 32,
	    ST_FMT_HEX, type_names),
	[F_FLAGS] = H("ntlmssp.negotiateflags", "Negotiate flags", 32),
	[F_NDOM] = T("ntlmssp.negotiate.domain", "Calling workstation domain"),
	[F_NWS] = T("ntlmssp.negotiate.callingworkstation",
	    "Calling workstation name"),
	[F_TNAME] = T("ntlmssp.challenge.target_name", "Target name"),
	[F_SCHAL] = B("ntlmssp.ntlmserverchallenge", "NTLM server challenge"),
	[F_RSV] = B("ntlmssp.reserved", "Reserved"),
	[F_TI_LEN] = N("ntlmssp.challenge.target_info.length",
	    "Target info length", 16),
	[F_TI_MAX] = N("ntlmssp.challenge.target_info.maxlen",
	    "Target info maxlen", 16),
	[F_TI_OFF] = N("ntlmssp.challenge.target_info.offset",
	    "Target info offset", 32),
	[F_SLEN] = N("ntlmssp.string.length", "Length", 16),
	[F_SMAX] = N("ntlmssp.string.maxlen", "Maxlen", 16),
	[F_SOFF] = N("ntlmssp.string.offset", "Offset", 32),
	[F_BLEN] = N("ntlmssp.blob.length", "Length", 16),
	[F_BMAX] = N("ntlmssp.blob.maxlen", "Maxlen", 16),
	[F_BOFF] = N("ntlmssp.blob.offset", "Offset", 32),
	[F_LMRESP] = B("ntlmssp.auth.lmresponse", "Lan Manager response"),
	[F_CCHAL] = B("ntlmssp.ntlmclientchallenge", "LMv2 client challenge"),
	[F_NTRESP] = B("ntlmssp.auth.ntresponse", "NTLM response"),
	[F_V2] = B("ntlmssp.ntlmv2_response", "NTLMv2 response"),
	[F_PROOF] = B("ntlmssp.ntlmv2_response.ntproofstr", "NTProofStr"),
	[F_RVER] = N("ntlmssp.ntlmv2_response.rversion", "Response version",
	    8),
	[F_HIRVER] = N("ntlmssp.ntlmv2_response.hirversion",
	    "Hi response version", 8),
	[F_Z] = B("ntlmssp.ntlmv2_response.z", "Z"),
	[F_TIME] = T("ntlmssp.ntlmv2_response.time", "Time"),
	[F_CHAL] = B("ntlmssp.ntlmv2_response.chal",
	    "NTLMv2 client challenge"),
	[F_PAD] = B("ntlmssp.ntlmv2_response.pad", "Padding"),
	[F_ADOM] = T("ntlmssp.auth.domain", "Domain name"),
	[F_AUSER] = T("ntlmssp.auth.username", "User name"),
	[F_AHOST] = T("ntlmssp.auth.hostname", "Host name"),
	[F_SKEY] = B("ntlmssp.auth.sesskey", "Session key"),
	[F_MIC] = B("ntlmssp.authenticate.mic", "MIC"),
	[F_VMAJ] = N("ntlmssp.version.major", "Major version", 8),
	[F_VMIN] = N("ntlmssp.version.minor", "Minor version", 8),
	[F_VBUILD] = N("ntlmssp.version.build_number", "Build number", 16),
	[F_VREV] = N("ntlmssp.version.ntlm_current_revision",
	    "NTLM current revision", 8),
	[F_VERS] = N("ntlmssp.verf.vers", "Verifier version", 32),
	[F_VBODY] = B("ntlmssp.verf.body", "Verifier body"),
	AV("ntlmssp.challenge.target_info"),
	AV("ntlmssp.ntlmv2_response"),
};

/* The negotiate flags' bits, least significant first (ntlmssp.h). */
#define NB(n, l)	FD(NULL, n, l, 0, 1, ST_FMT_BOOL)
static const struct st_field_desc ntlm_bits[32] = {
	NB("ntlmssp.negotiateunicode", "Negotiate UNICODE"),
	NB("ntlmssp.negotiateoem", "Negotiate OEM"),
	NB("ntlmssp.requesttarget", "Request target"),
	NB("ntlmssp.negotiate00000008", "Request 0x00000008"),
	NB("ntlmssp.negotiatesign", "Negotiate sign"),
	NB("ntlmssp.negotiateseal", "Negotiate seal"),
	NB("ntlmssp.negotiatedatagram", "Negotiate datagram"),
	NB("ntlmssp.negotiatelmkey", "Negotiate LAN Manager key"),
	NB("ntlmssp.negotiate00000100", "Negotiate 0x00000100"),
	NB("ntlmssp.negotiatentlm", "Negotiate NTLM key"),
	NB("ntlmssp.negotiatentonly", "Negotiate NT only"),
	NB("ntlmssp.negotiateanonymous", "Negotiate anonymous"),
	NB("ntlmssp.negotiateoemdomainsupplied", "OEM domain supplied"),
	NB("ntlmssp.negotiateoemworkstationsupplied",
	    "OEM workstation supplied"),
	NB("ntlmssp.negotiate00004000", "Negotiate 0x00004000"),
	NB("ntlmssp.negotiatealwayssign", "Negotiate always sign"),
	NB("ntlmssp.targettypedomain", "Target type domain"),
	NB("ntlmssp.targettypeserver", "Target type server"),
	NB("ntlmssp.targettypeshare", "Target type share"),
	NB("ntlmssp.negotiatentlm2", "Negotiate extended security"),
	NB("ntlmssp.negotiateidentify", "Negotiate identify"),
	NB("ntlmssp.negotiatent00200000", "Negotiate 0x00200000"),
	NB("ntlmssp.requestnonntsession", "Request non-NT session"),
	NB("ntlmssp.negotiatetargetinfo", "Negotiate target info"),
	NB("ntlmssp.negotiatent01000000", "Negotiate 0x01000000"),
	NB("ntlmssp.negotiateversion", "Negotiate version"),
	NB("ntlmssp.negotiatent04000000", "Negotiate 0x04000000"),
	NB("ntlmssp.negotiatent08000000", "Negotiate 0x08000000"),
	NB("ntlmssp.negotiatent10000000", "Negotiate 0x10000000"),
	NB("ntlmssp.negotiate128", "Negotiate 128"),
	NB("ntlmssp.negotiatekeyexch", "Negotiate key exchange"),
	NB("ntlmssp.negotiate56", "Negotiate 56"),
};

#define F(i)	(&ntlm_fields[(i)])

/* One message being read: its cursor (at the signature) and length. */
struct nm {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;
	int		 uni;		/* strings in UTF-16LE */
};

/* n little-endian bytes at off, or -1 when not all captured. */
static long long
le(struct nm *m, size_t off, size_t n)
{
	struct st_cur t = *m->c;
	unsigned long long v = 0;
	size_t i;

	if (off + n > m->len || !st_cur_skip(&t, off) || !st_cur_need(&t, n))
		return -1;
	for (i = n; i-- > 0; )
		v = v << 8 | st_peek_bits(&t, i * 8, 8);
	return (long long)v;
}

/* Row f over n little-endian bytes at off; its value or -1. */
static long long
lef(struct nm *m, int f, size_t off, size_t n)
{
	long long v = le(m, off, n);
	struct st_field *fl;

	if (v < 0) {
		m->c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(m->d, m->c, F(f), off, n)) != NULL)
		fl->val = (uint64_t)v;
	return v;
}

/* The n bytes at off as text (UTF-16LE when uni), escaped, into out. */
static int
text(struct nm *m, size_t off, size_t n, int uni, char *out, size_t outn)
{
	size_t i, k = 0;
	long long u;

	out[0] = '\0';
	for (i = 0; i < n && k + 8 < outn; i += uni ? 2 : 1) {
		if ((u = le(m, off + i, uni && i + 1 < n ? 2 : 1)) < 0)
			return 0;
		if (u == 0)		/* Wireshark's strings end there */
			break;
		if (u >= 0x20 && u < 0x7f && u != '\\')
			out[k++] = (char)u;
		else
			k += (size_t)snprintf(out + k, outn - k,
			    u < 0x100 ? "\\x%02x" : "\\u%04x", (unsigned)u);
	}
	out[k] = '\0';
	return 1;
}

/* A FILETIME at off as Wireshark writes an absolute time. */
static void
filetime(struct nm *m, int f, size_t off)
{
	long long v = le(m, off, 8);
	unsigned long long secs;
	char buf[80];
	struct tm tm;
	time_t t;
	size_t k;

	if (v < 0) {
		m->c->err = ST_ETRUNC;
		return;
	}
	secs = (unsigned long long)v / 10000000;
	t = (time_t)(secs - 11644473600ULL);
	if (secs < 11644473600ULL || gmtime_r(&t, &tm) == NULL)
		return;
	k = strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S", &tm);
	snprintf(buf + k, sizeof(buf) - k, ".%09u UTC",
	    (unsigned)((unsigned long long)v % 10000000) * 100);
	st_dtext(m->d, m->c, F(f), off, 8, buf);
}

/*
 * A (length, maxlen, offset) triple at at, rows f (the value) and len (the
 * first of its three); the value's place into *boff, *blen.  Returns 1
 * when the value lies in the message, 0 when empty or outside it.
 */
static int
triple(struct nm *m, size_t at, int len, size_t *boff, size_t *blen)
{
	long long l = le(m, at, 2), o;

	if (l <= 0)		/* empty: Wireshark shows no triple */
		return 0;
	lef(m, len, at, 2);
	lef(m, len + 1, at + 2, 2);
	o = lef(m, len + 2, at + 4, 4);
	if (l <= 0 || o < 0 || (size_t)o > m->len ||
	    (size_t)l > m->len - (size_t)o)
		return 0;
	*boff = (size_t)o;
	*blen = (size_t)l;
	return 1;
}

/* A string triple at at as row f (NULL when empty, as Wireshark says). */
static void
string(struct nm *m, int f, size_t at)
{
	char buf[NTLM_TXTMAX * 6 + 8];
	size_t off, n;

	if (le(m, at, 2) == 0) {
		st_dtext(m->d, m->c, F(f), at, 8, "NULL");
		return;
	}
	if (triple(m, at, F_SLEN, &off, &n) &&
	    text(m, off, n < NTLM_TXTMAX * 2 ? n : NTLM_TXTMAX * 2, m->uni,
	    buf, sizeof(buf)))
		st_dtext(m->d, m->c, F(f), off, n, buf);
}

/* A blob triple at at as row f; an empty one is shown over the triple's
 * own 8 bytes, as Wireshark does.  Returns 1 with the blob's place. */
static int
blob(struct nm *m, int f, size_t at, size_t *boff, size_t *blen)
{
	if (le(m, at, 2) == 0) {
		st_dbytes(m->d, m->c, F(f), at, 8);
		return 0;
	}
	if (!triple(m, at, F_BLEN, boff, blen))
		return 0;
	st_dbytes(m->d, m->c, F(f), *boff, *blen);
	return 1;
}

static void
flags(struct nm *m, size_t off)
{
	long long v = lef(m, F_FLAGS, off, 4);
	unsigned i;

	if (v < 0 || m->d->pkt->lite)
		return;
	m->uni = (int)(v & 1);
	for (i = 32; i-- > 0; )		/* as Wireshark lists them */
		st_pkt_add_field(m->d->pkt, &ntlm_bits[i],
		    (uint32_t)((m->c->off + off + i / 8) * 8 + 7 - i % 8), 1,
		    (uint64_t)(v >> i & 1));
}

static void
version(struct nm *m, size_t off)
{
	if (off + 8 > m->len)
		return;
	lef(m, F_VMAJ, off, 1);
	lef(m, F_VMIN, off + 1, 1);
	lef(m, F_VBUILD, off + 2, 2);
	lef(m, F_VREV, off + 7, 1);
}

/*
 * The AV pairs from off to end, as rows from base (F_AV0 or F_AV1): an
 * ID's value row is base + 1 + ID (1 NetBIOS computer ... 10 channel
 * bindings).  Returns where the list ended.
 */
static size_t
avpairs(struct nm *m, size_t off, size_t end, int base)
{
	char buf[NTLM_TXTMAX * 6 + 8];
	long long id, n;
	unsigned k;
	int r;

	for (k = 0; k < NTLM_AVMAX && off + 4 <= end; k++) {
		id = lef(m, base, off, 2);
		n = lef(m, base + 1, off + 2, 2);
		if (id < 0 || n < 0 || (size_t)n > end - off - 4)
			return off;
		off += 4;
		if (id == 0)
			return off;
		r = base + 1 + (int)id;
		if (id > 10)
			;
		else if (id == 6) {
			if (n == 4)
				lef(m, r, off, 4);
		} else if (id == 7) {
			if (n == 8)
				filetime(m, r, off);
		} else if (id == 8 || id == 10)
			st_dbytes(m->d, m->c, F(r), off, (size_t)n);
		else if (text(m, off, (size_t)n < NTLM_TXTMAX * 2 ? (size_t)n :
		    NTLM_TXTMAX * 2, 1, buf, sizeof(buf)))
			st_dtext(m->d, m->c, F(r), off, (size_t)n, buf);
		off += (size_t)n;
	}
	return off;
}

static void
negotiate(struct nm *m)
{
	long long v = le(m, 12, 4);

	flags(m, 12);
	string(m, F_NDOM, 16);
	string(m, F_NWS, 24);
	if (v >= 0 && (v & 0x02000000))
		version(m, 32);
}

static void
challenge(struct nm *m)
{
	size_t off, n;
	long long v;

	m->uni = (int)(le(m, 20, 4) & 1);
	string(m, F_TNAME, 12);
	flags(m, 20);
	v = le(m, 20, 4);
	st_dbytes(m->d, m->c, F(F_SCHAL), 24, 8);
	st_dbytes(m->d, m->c, F(F_RSV), 32, 8);
	if (m->len >= 48 && triple(m, 40, F_TI_LEN, &off, &n))
		avpairs(m, off, off + n, F_AV0);
	if (v >= 0 && (v & 0x02000000) && m->len >= 56)
		version(m, 48);
}

/* The NT response at off (n bytes): an NTLMv2 response beyond 24. */
static void
ntv2(struct nm *m, size_t off, size_t n)
{
	size_t end;

	if (n <= 24 || n < 48)
		return;
	st_dbytes(m->d, m->c, F(F_V2), off, n);
	st_dbytes(m->d, m->c, F(F_PROOF), off, 16);
	lef(m, F_RVER, off + 16, 1);
	lef(m, F_HIRVER, off + 17, 1);
	st_dbytes(m->d, m->c, F(F_Z), off + 18, 6);
	filetime(m, F_TIME, off + 24);
	st_dbytes(m->d, m->c, F(F_CHAL), off + 32, 8);
	st_dbytes(m->d, m->c, F(F_Z), off + 40, 4);
	end = avpairs(m, off + 44, off + n, F_AV1);
	if (end < off + n)
		st_dbytes(m->d, m->c, F(F_PAD), end, off + n - end);
}

static void
authenticate(struct nm *m)
{
	size_t off, n, first = m->len;
	long long v = le(m, 60, 4), o;
	unsigned i;

	m->uni = v >= 0 && (v & 1);
	for (i = 0; i < 6; i++)		/* where the payload starts */
		if ((o = le(m, 12 + 8 * i + 4, 4)) > 0 && le(m, 12 + 8 * i,
		    2) > 0 && (size_t)o < first)
			first = (size_t)o;
	if (blob(m, F_LMRESP, 12, &off, &n)) {
		if (n == 24)
			st_dbytes(m->d, m->c, F(F_CCHAL), off + 16, 8);
	}
	if (blob(m, F_NTRESP, 20, &off, &n))
		ntv2(m, off, n);
	string(m, F_ADOM, 28);
	string(m, F_AUSER, 36);
	string(m, F_AHOST, 44);
	blob(m, F_SKEY, 52, &off, &n);
	flags(m, 60);
	if (v >= 0 && (v & 0x02000000) && first >= 72)
		version(m, 64);
	if (first >= 88)
		st_dbytes(m->d, m->c, F(F_MIC), 72, 16);
}

static int
ntlm_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c);
	struct nm m = { d, c, left, 0 };
	long long t;

	d->hdr = left;
	d->plen = 0;
	if (left == 16 && le(&m, 0, 4) == 1) {		/* a verifier */
		lef(&m, F_VERS, 0, 4);
		st_dbytes(d, c, F(F_VBODY), 4, 12);
		return c->err;
	}
	if (!st_cur_need(c, 8))
		return ST_ETRUNC;
	if (le(&m, 0, 4) != 0x4d4c544e || le(&m, 4, 4) != 0x00505353)
		return st_dmalformed(d, "no NTLMSSP signature");
	st_dtext(d, c, F(F_ID), 0, 8, "NTLMSSP");
	if ((t = lef(&m, F_TYPE, 8, 4)) < 0)
		return ST_ETRUNC;
	if (t == 1)
		negotiate(&m);
	else if (t == 2)
		challenge(&m);
	else if (t == 3)
		authenticate(&m);
	return c->err;
}

/* The GSS-API key under which SPNEGO and the carriers hand it on. */
static const struct st_bind ntlm_binds[] = {
	{ ST_KEY_GSSAPI, ST_GSS_NTLMSSP },
};

/* "ntlmssp auth WORKGROUP\\alice from HOST", "ntlmssp challenge SRV",
 * "ntlmssp negotiate", "ntlmssp verifier". */
static int
ntlm_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NFIELDS];

	st_ly_fields(s->pkt, ly, ntlm_fields, F_NFIELDS, f);
	st_out_puts(s->o, "ntlmssp");
	if (f[F_TYPE] == NULL) {
		if (f[F_VERS] != NULL)
			st_out_puts(s->o, " verifier");
		return 1;
	}
	switch (f[F_TYPE]->val) {
	case 1:
		st_out_puts(s->o, " negotiate");
		break;
	case 2:
		st_out_puts(s->o, " challenge");
		if (f[F_TNAME] != NULL) {
			st_out_putc(s->o, ' ');
			s->value(s, f[F_TNAME]);
		}
		break;
	case 3:
		st_out_puts(s->o, " auth ");
		if (f[F_ADOM] != NULL) {
			s->value(s, f[F_ADOM]);
			st_out_puts(s->o, "\\");
		}
		s->value(s, f[F_AUSER]);
		if (f[F_AHOST] != NULL) {
			st_out_puts(s->o, " from ");
			s->value(s, f[F_AHOST]);
		}
		break;
	default:
		st_out_puts(s->o, " type ");
		s->value(s, f[F_TYPE]);
	}
	return 1;
}

static const struct st_field_desc *const ntlm_keys[] = {
	&ntlm_fields[F_TYPE], &ntlm_fields[F_AUSER], NULL,
};

const struct st_proto st_proto_ntlmssp = {
	.name = "ntlmssp",
	.ws = "ntlmssp",
	.title = "NTLM Secure Service Provider",
	.rfc = "MS-NLMP",
	.role = ST_ROLE_APP,
	.fields = ntlm_fields,
	.nfields = NFIELDS(ntlm_fields),
	.more = ntlm_bits,
	.nmore = NFIELDS(ntlm_bits),
	.decode = ntlm_decode,
	.binds = ntlm_binds,
	.nbinds = NFIELDS(ntlm_binds),
	.summary = ntlm_summary,
	.keys = ntlm_keys,
	.color = "\033[33m",
	.explain = "NTLMSSP authenticates a Windows client to a server by "
	    "challenge and response, in three messages carried by SMB, "
	    "HTTP, LDAP or DCE/RPC (usually inside SPNEGO): NEGOTIATE (the "
	    "client's capabilities as flags), CHALLENGE (the server's 8-byte "
	    "nonce and the target's names as AV pairs) and AUTHENTICATE (the "
	    "LM and NT responses computed from the password hash, the domain, "
	    "user and host names, an encrypted session key and a MIC).  An "
	    "NTLMv2 response holds the client's own challenge, a timestamp "
	    "and the AV pairs again.  Names are in clear; the password never "
	    "is, but a captured response can be attacked offline.  "
	    "Little-endian; strings are (length, maxlen, offset) triples.  "
	    "[MS-NLMP].",
};
