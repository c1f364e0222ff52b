/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB1 command bodies ([MS-CIFS] 2.2.4): the parameter words and data
 * bytes of the commands a capture mostly holds (Negotiate, Session Setup
 * AndX, Tree Connect AndX, Echo; the transactions are smbtrans.c's), as
 * Wireshark's smb dissector names them.  Every offset is from the SMB header's start;
 * every string and list is bounded by the byte count and SMB_STRMAX.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "smb1.h"
#include "smbpipe.h"

#define DIALECTS_MAX	32

static const struct lebit sm_bits[] = {
	LB("smb.sm.mode", 0x01), LB("smb.sm.password", 0x02),
	LB("smb.sm.signatures", 0x04), LB("smb.sm.sig_required", 0x08),
};

static const struct lebit cap_bits[] = {
	LB("smb.server_cap.raw_mode", 0x1), LB("smb.server_cap.mpx_mode", 0x2),
	LB("smb.server_cap.unicode", 0x4),
	LB("smb.server_cap.large_files", 0x8),
	LB("smb.server_cap.nt_smbs", 0x10),
	LB("smb.server_cap.rpc_remote_apis", 0x20),
	LB("smb.server_cap.nt_status", 0x40),
	LB("smb.server_cap.level_2_oplocks", 0x80),
	LB("smb.server_cap.lock_and_read", 0x100),
	LB("smb.server_cap.nt_find", 0x200), LB("smb.server_cap.dfs", 0x1000),
	LB("smb.server_cap.infolevel_passthru", 0x2000),
	LB("smb.server_cap.large_readx", 0x4000),
	LB("smb.server_cap.large_writex", 0x8000),
	LB("smb.server_cap.lwio", 0x10000), LB("smb.server_cap.unix", 0x800000),
	LB("smb.server_cap.compressed_data", 0x2000000),
	LB("smb.server_cap.dynamic_reauth", 0x20000000),
	LB("smb.server_cap.extended_security", 0x80000000u),
};

static const struct lebit action_bits[] = {
	LB("smb.setup.action.guest", 0x1),
};

static const struct lebit cflag_bits[] = {
	LB("smb.connect.flags.dtid", 0x1),
	LB("smb.connect.flags.extendedsig", 0x4),
	LB("smb.connect.flags.extendedresp", 0x8),
};

static const struct lebit support_bits[] = {
	LB("smb.connect.support.search", 0x1),
	LB("smb.connect.support.dfs", 0x2),
	LB("smb.connect.support.cscmask", 0xc),
	LB("smb.connect.support.uniqfilename", 0x10),
	LB("smb.connect.support.extendedsig", 0x20),
};

/* Field f over n little-endian bytes at off; its value or -1. */
long long
smb1_u(struct smb1_msg *m, int f, size_t off, size_t n)
{
	if (m->c->err != ST_OK)
		return -1;
	return smb1_le(m->d, m->c, f, off, n);
}

/* A flags word with its bits. */
long long
smb1_fl(struct smb1_msg *m, int f, size_t off, size_t n, const struct lebit *b,
    size_t nb)
{
	long long v = smb1_u(m, f, off, n);

	smb1_bits(m->d, m->c, off, v, b, nb);
	return v;
}

/* n bytes at off as field f, when the message holds them. */
void
smb1_raw(struct smb1_msg *m, int f, size_t off, size_t n)
{
	if (m->c->err == ST_OK && n > 0 && off + n <= m->len)
		st_dbytes(m->d, m->c, &smb_fields[f], off, n);
}

/* The end of the data bytes: the byte count's, or the message's. */
size_t
smb1_bend(const struct smb1_msg *m)
{
	size_t e = m->bytes + m->bcc;

	return e < m->len ? e : m->len;
}

/*
 * A NUL-terminated string at off, before end, as row fd: ASCII, or
 * UTF-16LE when uni (1: aligned to 2 from the header; 2: as it lies).
 * Printable ASCII as is, a character past Latin-1 as '?' (Wireshark's
 * reading of SMB strings), anything else escaped.  Returns the offset
 * past its NUL (or end).
 */
size_t
smb1_str(struct smb1_msg *m, int f, size_t off, size_t end, int uni)
{
	return smb1_strd(m, &smb_fields[f], off, end, uni);
}

size_t
smb1_strd(struct smb1_msg *m, const struct st_field_desc *fd, size_t off,
    size_t end, int uni)
{
	char buf[SMB_STRMAX * 6 + 1];
	size_t w = uni ? 2 : 1, p, k = 0;
	long long ch;

	if (uni == 1 && (off & 1))
		off++;
	if (m->c->err != ST_OK || off >= end)
		return end;
	for (p = off; p + w <= end; p += w) {
		if ((ch = smb1_le_at(m->c, p, w)) < 0) {
			m->c->err = ST_ETRUNC;
			return end;
		}
		if (ch == 0)
			break;
		if (k + 7 >= sizeof(buf) || (p - off) / w >= SMB_STRMAX)
			continue;
		if (ch > 0xff)
			buf[k++] = '?';
		else if (ch >= 0x20 && ch < 0x7f)
			buf[k++] = (char)ch;
		else
			k += (size_t)snprintf(buf + k, sizeof(buf) - k,
			    "\\x%02x", (unsigned)ch);
	}
	buf[k] = '\0';
	memcpy(m->last, buf, k < sizeof(m->last) ? k + 1 : sizeof(m->last));
	m->last[sizeof(m->last) - 1] = '\0';
	p = p + w <= end ? p + w : end;
	st_dtext(m->d, m->c, fd, off, p - off, buf);
	return p;
}

/* The byte count after the words; 0 when it was not captured. */
int
smb1_bcc(struct smb1_msg *m)
{
	long long v = smb1_u(m, F_BCC, m->bytes - 2, 2);

	if (v < 0)
		return 0;
	m->bcc = (size_t)v;
	m->gotbcc = 1;
	return 1;
}

/* The AndX block every AndX command's words start with. */
void
smb1_andx(struct smb1_msg *m)
{
	smb1_raw(m, F_RSV, W(0) + 1, 1);
	smb1_u(m, F_ANDXOFF, W(0) + 2, 2);
}

/* A FILETIME (100 ns since 1601) as Wireshark writes an absolute time. */
void
smb1_filetime(struct smb1_msg *m, int f, size_t off)
{
	long long lo = smb1_le_at(m->c, off, 4), hi = smb1_le_at(m->c, off + 4, 4);
	uint64_t v, secs;
	struct tm tm;
	time_t t;
	char buf[80];
	size_t k;

	if (lo < 0 || hi < 0 || m->c->err != ST_OK)
		return;
	v = (uint64_t)hi << 32 | (uint64_t)lo;
	secs = v / 10000000;
	if (v == 0)
		snprintf(buf, sizeof(buf), "Jan  1, 1970 00:00:00.000000000 UTC");
	else {
		t = (time_t)(secs - 11644473600ULL);
		if (secs < 11644473600ULL || gmtime_r(&t, &tm) == NULL)
			return;
		k = strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S", &tm);
		snprintf(buf + k, sizeof(buf) - k, ".%09u UTC",
		    (unsigned)(v % 10000000) * 100);
	}
	st_dtext(m->d, m->c, &smb_fields[f], off, 8, buf);
}

void
smb1_guid(struct smb1_msg *m, int f, size_t off)
{
	char buf[40];
	long long b[16];
	size_t i;

	if (m->c->err != ST_OK)
		return;
	for (i = 0; i < 16; i++)
		if ((b[i] = smb1_le_at(m->c, off + i, 1)) < 0) {
			m->c->err = ST_ETRUNC;
			return;
		}
	snprintf(buf, sizeof(buf), "%02x%02x%02x%02x-%02x%02x-%02x%02x-"
	    "%02x%02x-%02x%02x%02x%02x%02x%02x", (unsigned)b[0],
	    (unsigned)b[1], (unsigned)b[2], (unsigned)b[3], (unsigned)b[4],
	    (unsigned)b[5], (unsigned)b[6], (unsigned)b[7], (unsigned)b[8],
	    (unsigned)b[9], (unsigned)b[10], (unsigned)b[11],
	    (unsigned)b[12], (unsigned)b[13], (unsigned)b[14],
	    (unsigned)b[15]);
	st_dtext(m->d, m->c, &smb_fields[f], off, 16, buf);
}

void
smb1_blob(struct smb1_msg *m, size_t off, size_t n)
{
	if (m->c->err != ST_OK || n == 0 || off + n > m->len)
		return;
	smb1_raw(m, F_BLOB, off, n);
	m->blob_off = off;
	m->blob_len = n;
}

/* A UTIME (seconds since 1970) as Wireshark writes an absolute time;
 * 0 (none) is left out. */
void
smb1_utime(struct smb1_msg *m, int f, size_t off)
{
	long long v = smb1_le_at(m->c, off, 4);
	struct tm tm;
	time_t t;
	char buf[80];
	size_t k;

	if (v < 0)
		m->c->err = ST_ETRUNC;
	if (v <= 0 || m->c->err != ST_OK)
		return;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL)
		return;
	k = strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S", &tm);
	snprintf(buf + k, sizeof(buf) - k, ".000000000 UTC");
	st_dtext(m->d, m->c, &smb_fields[f], off, 4, buf);
}

/* Negotiate request: the dialects the client offers, each a buffer
 * format byte (2) and a NUL-terminated ASCII name. */
static void
neg_req(struct smb1_msg *m)
{
	size_t off = m->bytes, end = smb1_bend(m), next;
	unsigned n;
	struct st_field *fld;
	char name[SMB_STRMAX + 1];
	long long ch;
	size_t k;

	for (n = 0; n < DIALECTS_MAX && off < end && m->c->err == ST_OK;
	    n++) {
		for (next = off + 1, k = 0; next < end; next++) {
			if ((ch = smb1_le_at(m->c, next, 1)) <= 0)
				break;
			if (k < SMB_STRMAX && ch >= 0x20 && ch < 0x7f)
				name[k++] = (char)ch;
		}
		name[k] = '\0';
		next = next < end ? next + 1 : end;
		if ((fld = st_dtext(m->d, m->c, &smb_fields[F_DIALECT], off,
		    next - off, name)) == NULL)
			break;
		smb1_u(m, F_BUFFMT, off, 1);
		st_dtext(m->d, m->c, &smb_fields[F_DIALNAME], off + 1,
		    next - off - 1, name);
		off = next;
	}
}

static const struct lebit sm16_bits[] = {
	LB("smb.sm.mode", 0x01), LB("smb.sm.password", 0x02),
};

static const struct lebit rm_bits[] = {
	LB("smb.rm.read", 0x1), LB("smb.rm.write", 0x2),
};

/* A DOS date and time (a time word, then a date word) at off, as
 * Wireshark writes them: the two words and the time they make. */
static void
dos_datetime(struct smb1_msg *m, size_t off)
{
	long long t = smb1_le_at(m->c, off, 2), dt = smb1_le_at(m->c,
	    off + 2, 2);
	char buf[64];
	struct tm tm;
	time_t v;

	if (t < 0 || dt < 0) {
		m->c->err = ST_ETRUNC;
		return;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_sec = (int)(t & 0x1f) * 2;
	tm.tm_min = (int)(t >> 5 & 0x3f);
	tm.tm_hour = (int)(t >> 11 & 0x1f);
	tm.tm_mday = (int)(dt & 0x1f);
	tm.tm_mon = (int)(dt >> 5 & 0xf) - 1;
	tm.tm_year = (int)(dt >> 9) + 80;
	if ((t != 0 || dt != 0) && (t != 0xffff || dt != 0xffff) &&
	    tm.tm_mday > 0 && tm.tm_mon >= 0 && tm.tm_mon < 12 &&
	    tm.tm_hour < 24 && tm.tm_min < 60 && tm.tm_sec < 60 &&
	    (v = timegm(&tm)) != (time_t)-1 && gmtime_r(&v, &tm) != NULL) {
		strftime(buf, sizeof(buf), "%b %e, %Y %H:%M:%S.000000000 UTC",
		    &tm);
		st_dtext(m->d, m->c, &smb_fields[F_SDT], off, 4, buf);
	}
	smb1_u(m, F_STIME, off, 2);
	smb1_u(m, F_SDATE, off + 2, 2);
}

/* Negotiate response, LANMAN's 13 words: a 16-bit security mode, raw
 * mode, the server's DOS time, the challenge and (aligned when strings
 * are Unicode) the primary domain. */
static void
neg_lanman(struct smb1_msg *m)
{
	long long chlen, v;
	char tz[16];

	smb1_fl(m, F_SM, W(1), 2, sm16_bits, NFIELDS(sm16_bits));
	smb1_u(m, F_MAXBUFSZ, W(2), 2);
	smb1_u(m, F_MAXMPX, W(3), 2);
	smb1_u(m, F_MAXVCS, W(4), 2);
	smb1_fl(m, F_RM, W(5), 2, rm_bits, NFIELDS(rm_bits));
	smb1_u(m, F_SESKEY, W(6), 4);
	if (m->c->err == ST_OK)
		dos_datetime(m, W(8));
	if ((v = smb1_le_at(m->c, W(10), 2)) >= 0 && m->c->err == ST_OK) {
		snprintf(tz, sizeof(tz), "%d", (int)(int16_t)v);
		st_dtext(m->d, m->c, &smb_fields[F_TZ], W(10), 2, tz);
	}
	chlen = smb1_u(m, F_CHLEN, W(11), 2);
	smb1_raw(m, F_RSV, W(12), 2);
	if (!smb1_bcc(m) || chlen < 0)
		return;
	if ((size_t)chlen > smb1_bend(m) - m->bytes)
		return;
	smb1_raw(m, F_CHAL, m->bytes, (size_t)chlen);
	if (m->bytes + (size_t)chlen < smb1_bend(m))
		smb1_str(m, F_DOMAIN, m->bytes + (size_t)chlen, smb1_bend(m),
		    m->uni);
}

/* Negotiate response, NT LM 0.12's 17 words (or 1: no dialect). */
static void
neg_resp(struct smb1_msg *m)
{
	long long caps, chlen;
	int uni;
	char tz[16];
	long long v;
	size_t off;

	smb1_u(m, F_DIALIDX, W(0), 2);
	if (m->wct == 13) {
		neg_lanman(m);
		return;
	}
	if (m->wct != 17)
		return;
	smb1_fl(m, F_SM, W(1), 1, sm_bits, NFIELDS(sm_bits));
	smb1_u(m, F_MAXMPX, W(1) + 1, 2);
	smb1_u(m, F_MAXVCS, W(2) + 1, 2);
	smb1_u(m, F_MAXBUFSZ, W(3) + 1, 4);
	smb1_u(m, F_MAXRAW, W(5) + 1, 4);
	smb1_u(m, F_SESKEY, W(7) + 1, 4);
	caps = smb1_fl(m, F_CAPS, W(9) + 1, 4, cap_bits, NFIELDS(cap_bits));
	smb1_filetime(m, F_SYSTIME, W(11) + 1);
	if ((v = smb1_le_at(m->c, W(15) + 1, 2)) >= 0) {
		snprintf(tz, sizeof(tz), "%d", (int)(int16_t)v);
		st_dtext(m->d, m->c, &smb_fields[F_TZ], W(15) + 1, 2, tz);
	}
	chlen = smb1_u(m, F_CHLEN, W(16) + 1, 1);
	if (!smb1_bcc(m) || caps < 0 || chlen < 0)
		return;
	off = m->bytes;
	if (caps & 0x80000000u) {	/* a GUID, then a security blob */
		if (off + 16 <= smb1_bend(m))
			smb1_guid(m, F_GUID, off);
		if (smb1_bend(m) > off + 16)
			smb1_blob(m, off + 16, smb1_bend(m) - off - 16);
		return;
	}
	/* Wireshark reads these names by the Unicode capability, not by
	 * the flag, and unaligned */
	smb1_raw(m, F_CHAL, off, (size_t)chlen);
	uni = (caps & 0x4) ? 2 : 0;
	off = smb1_str(m, F_DOMAIN, off + (size_t)chlen, smb1_bend(m), uni);
	smb1_str(m, F_SERVER, off, smb1_bend(m), uni);
}

/* Session Setup AndX request: 13 words (passwords), 12 (a blob). */
static void
ss_req(struct smb1_msg *m)
{
	long long a, b = 0;
	size_t off;

	smb1_andx(m);
	smb1_u(m, F_MAXBUF, W(2), 2);
	smb1_u(m, F_MAXMPX, W(3), 2);
	smb1_u(m, F_VC, W(4), 2);
	smb1_u(m, F_SESKEY, W(5), 4);
	if (m->wct == 12) {
		a = smb1_u(m, F_BLOBLEN, W(7), 2);
		smb1_raw(m, F_RSV, W(8), 4);
		smb1_fl(m, F_CAPS, W(10), 4, cap_bits, NFIELDS(cap_bits));
	} else if (m->wct == 13) {
		a = smb1_u(m, F_ANSIPWLEN, W(7), 2);
		b = smb1_u(m, F_UNIPWLEN, W(8), 2);
		smb1_raw(m, F_RSV, W(9), 4);
		smb1_fl(m, F_CAPS, W(11), 4, cap_bits, NFIELDS(cap_bits));
	} else
		return;
	if (!smb1_bcc(m) || a < 0 || b < 0)
		return;
	off = m->bytes;
	if (m->wct == 12)
		smb1_blob(m, off, (size_t)a);
	else
		smb1_raw(m, F_ANSIPW, off, (size_t)a);
	smb1_raw(m, F_UNIPW, off + (size_t)a, (size_t)b);
	off += (size_t)a + (size_t)b;
	if (off > smb1_bend(m))
		return;
	if (m->wct == 13) {
		off = smb1_str(m, F_ACCOUNT, off, smb1_bend(m), m->uni);
		off = smb1_str(m, F_DOMAIN, off, smb1_bend(m), m->uni);
	}
	off = smb1_str(m, F_NATOS, off, smb1_bend(m), m->uni);
	off = smb1_str(m, F_NATLM, off, smb1_bend(m), m->uni);
	if (m->wct == 12 && off < smb1_bend(m))
		smb1_str(m, F_DOMAIN, off, smb1_bend(m), m->uni);
}

/* Session Setup AndX response: 3 words, or 4 with a security blob. */
static void
ss_resp(struct smb1_msg *m)
{
	long long a = 0;
	size_t off;

	if (m->wct != 3 && m->wct != 4)
		return;
	smb1_andx(m);
	smb1_fl(m, F_ACTION, W(2), 2, action_bits, NFIELDS(action_bits));
	if (m->wct == 4)
		a = smb1_u(m, F_BLOBLEN, W(3), 2);
	if (!smb1_bcc(m) || a < 0)
		return;
	off = m->bytes;
	smb1_blob(m, off, (size_t)a);
	off += (size_t)a;
	if (off >= smb1_bend(m))
		return;
	off = smb1_str(m, F_NATOS, off, smb1_bend(m), m->uni);
	off = smb1_str(m, F_NATLM, off, smb1_bend(m), m->uni);
	if (off < smb1_bend(m))
		smb1_str(m, F_DOMAIN, off, smb1_bend(m), m->uni);
}

/* Tree Connect AndX request: a password, the path, the service. */
static void
tc_req(struct smb1_msg *m)
{
	long long pw;
	size_t off;

	if (m->wct != 4)
		return;
	smb1_andx(m);
	smb1_fl(m, F_CFLAGS, W(2), 2, cflag_bits, NFIELDS(cflag_bits));
	pw = smb1_u(m, F_PWLEN, W(3), 2);
	if (!smb1_bcc(m) || pw < 0)
		return;
	smb1_raw(m, F_PASSWORD, m->bytes, (size_t)pw);
	off = m->bytes + (size_t)pw;
	if (off >= smb1_bend(m))
		return;
	off = smb1_str(m, F_PATH, off, smb1_bend(m), m->uni);
	if (m->c->err == ST_OK) {	/* for the TID its answer maps */
		memcpy(m->path, m->last, sizeof(m->path));
		m->haspath = 1;
	}
	smb1_str(m, F_SERVICE, off, smb1_bend(m), 0);	/* always ASCII */
}

/* Tree Connect AndX response: optional support (and, in the extended
 * answer of 7 words, maximal access rights), service, file system. */
static void
tc_resp(struct smb1_msg *m)
{
	size_t off;

	if (m->wct != 3 && m->wct != 7)
		return;
	smb1_andx(m);
	smb1_fl(m, F_SUPPORT, W(2), 2, support_bits, NFIELDS(support_bits));
	if (m->wct == 7) {	/* the extended answer: the user's and a
				   guest's maximal access to the share */
		smb1_fl(m, F_ACCESS, W(3), 4, smb1_access_bits,
		    smb1_naccess_bits);
		smb1_fl(m, F_ACCESS, W(5), 4, smb1_access_bits,
		    smb1_naccess_bits);
	}
	if (!smb1_bcc(m))
		return;
	off = smb1_str(m, F_SERVICE, m->bytes, smb1_bend(m), 0);
	if (off < smb1_bend(m))
		smb1_str(m, F_NATFS, off, smb1_bend(m), m->uni);
}

/* Echo and Find Close2's rows (their own: no other command has them). */
enum { E_COUNT, E_SEQ, E_DATA, E_SID, E_N };

static const struct st_field_desc echo_fields[E_N] = {
	[E_COUNT] = FD(NULL, "smb.echo.count", "Echo Count", 0, 16,
	    ST_FMT_DEC),
	[E_SEQ] = FD(NULL, "smb.echo.seq_num", "Echo Seq Num", 0, 16,
	    ST_FMT_DEC),
	[E_DATA] = FD(NULL, "smb.echo.data", "Echo Data", 0, 0,
	    ST_FMT_BYTES),
	[E_SID] = FD(NULL, st_smb_search_id, "Search ID", 0, 16, ST_FMT_HEX),
};

/* Row f of echo_fields, the little-endian word at off. */
static void
eword(struct smb1_msg *m, int f, size_t off)
{
	long long v = smb1_le_at(m->c, off, 2);
	struct st_field *fl;

	if (m->c->err != ST_OK)
		return;
	if (v < 0) {
		m->c->err = ST_ETRUNC;
		return;
	}
	if ((fl = st_dbytes(m->d, m->c, &echo_fields[f], off, 2)) != NULL)
		fl->val = (uint64_t)v;
}

/* Echo: a count (a response: its sequence number) and the bytes to
 * echo; Find Close2: the search's ID. */
static void
echo_msg(struct smb1_msg *m)
{
	size_t end;

	if (m->wct != 1)
		return;
	eword(m, m->cmd == 0x34 ? E_SID : m->resp ? E_SEQ : E_COUNT, W(0));
	if (!smb1_bcc(m) || m->cmd == 0x34)
		return;
	end = smb1_bend(m);
	if (end > m->bytes && m->bytes + m->bcc <= m->len)
		st_dbytes(m->d, m->c, &echo_fields[E_DATA], m->bytes,
		    end - m->bytes);
}

int
smb1_body(struct smb1_msg *m)
{
	if (m->cmd == 0x72 && !m->resp && m->wct == 0) {
		if (smb1_bcc(m))
			neg_req(m);
	}
	else if (m->cmd == 0x72 && m->resp && m->wct >= 1)
		neg_resp(m);
	else if (m->cmd == 0x73)
		m->resp ? ss_resp(m) : ss_req(m);
	else if (m->cmd == 0x75)
		m->resp ? tc_resp(m) : tc_req(m);
	else if (m->cmd == 0x25 || m->cmd == 0x32 || ((m->cmd == 0x26 ||
	    m->cmd == 0x33) && !m->resp))
		smb1_trans(m);	/* smbtrans.c */
	else if (m->cmd == 0x2b || (m->cmd == 0x34 && !m->resp))
		echo_msg(m);
	else if (!smb1_file(m)) {
		/* another AndX command: its AndX block at least */
		if (m->wct >= 2 && (m->cmd == 0x24 || m->cmd == 0x2d ||
		    m->cmd == 0x2e || m->cmd == 0x2f || m->cmd == 0x74))
			smb1_andx(m);
		return 0;
	}
	if (!m->gotbcc && m->c->err == ST_OK)
		smb1_bcc(m);
	return 1;
}
