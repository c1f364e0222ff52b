/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB3's encryption and negotiation ([MS-SMB2] 2.2.41, 2.2.3.1): the
 * transform header an encrypted message starts with.  Offsets are from
 * the start of the header; everything is little-endian.
 *
 *   +-------+-----------------+-----------------+------------+
 *   | 0xfd  | Signature (16)  | Nonce (16)      | OrigMsgSize|
 *   |  SMB  |                 |                 |    (4)     |
 *   +-------+--------+--------+-----------------+------------+
 *   | Reserved (2) | Flags (2) | SessionId (8) | encrypted ... |
 */
#include <string.h>

#include "fields.h"
#include "smb2.h"

#define SMB2_XFORM_HDR	52

static const struct lebit xflags_bits[] = {
	LB("smb2.header.transform.flags.encrypted", 0x1),
};

/*
 * The transform header at m's start, then the session's facts as
 * Wireshark repeats them and the encrypted message (OriginalMessageSize
 * bytes, as many as there are).  Returns the bytes read.
 */
size_t
smb2_transform(struct smb2_msg *m)
{
	size_t n, left;

	st_dbytes(m->d, m->c, &smb2_fields[F_X_SIG], 4, 16);
	st_dbytes(m->d, m->c, &smb2_fields[F_X_NONCE], 20, 16);
	n = (size_t)smb2_le(m, F_X_SIZE, 36, 4);
	if (m->c->err == ST_OK)
		st_dbytes(m->d, m->c, &smb2_fields[F_X_RSV], 40, 2);
	FLAGS(m, F_X_FLAGS, 42, 2, xflags_bits);
	m->sesid = smb2_le(m, F_SESID, 44, 8);
	if (m->c->err != ST_OK)
		return 4;
	smb2_facts(m, 0, 0);
	left = m->len - SMB2_XFORM_HDR;
	if (n > left) {
		if (m->d->pkt->caplen == m->d->pkt->len)
			st_pkt_note(m->d->pkt, "SMB2: an encrypted message "
			    "continues in a later segment");
		n = left;
	}
	if (n > 0)
		st_dbytes(m->d, m->c, &smb2_fields[F_X_DATA], SMB2_XFORM_HDR,
		    n);
	return SMB2_XFORM_HDR + n;
}

#define SMB2_MAXCTX	32	/* contexts read of a negotiate */
#define SMB2_MAXIDS	32	/* algorithm IDs read of a context */

static const struct lebit compf_bits[] = {
	LB("smb2.negotiate_context.comp_alg_flags.chained", 0x1),
};

/* A count (2 bytes at off, as row fn) and that many 2-byte IDs (row fi)
 * from off + skip; returns the bytes after them. */
static size_t
ids(struct smb2_msg *m, int fn, int fi, size_t off, size_t skip,
    size_t end)
{
	unsigned n = (unsigned)smb2_le(m, fn, off, 2), i;
	size_t o = off + skip;

	for (i = 0; i < n && i < SMB2_MAXIDS && o + 2 <= end &&
	    m->c->err == ST_OK; i++, o += 2)
		smb2_le(m, fi, o, 2);
	return o;
}

/* The data of a context of type t, n bytes at o. */
static void
context(struct smb2_msg *m, unsigned t, size_t o, size_t n)
{
	size_t end = o + n, salt;
	struct st_field *fl;
	uint32_t v;

	switch (t) {
	case 1:		/* SMB2_PREAUTH_INTEGRITY_CAPABILITIES */
		if (n < 4)
			break;
		salt = (size_t)smb2_le(m, F_NCSALTLEN, o + 2, 2);
		o = ids(m, F_NCHASHN, F_NCHASH, o, 4, end);
		if (salt > 0 && o + salt <= end && m->c->err == ST_OK)
			st_dbytes(m->d, m->c, &smb2_fields[F_NCSALT], o, salt);
		break;
	case 2:		/* SMB2_ENCRYPTION_CAPABILITIES */
		if (n >= 2)
			ids(m, F_NCCIPHN, F_NCCIPH, o, 2, end);
		break;
	case 3:		/* SMB2_COMPRESSION_CAPABILITIES */
		if (n < 8)
			break;
		v = (uint32_t)smb2_le_at(m, o + 4, 4);
		smb2_flags(m, F_NCCOMPF, o + 4, 4, compf_bits, 1);
		if (m->c->err == ST_OK && (fl = st_dbytes(m->d, m->c,
		    &smb2_fields[F_NCCOMPRSV], o + 4, 4)) != NULL)
			fl->val = (v & 0xfffffffeu) >> 1;
		ids(m, F_NCCOMPN, F_NCCOMP, o, 8, end);
		break;
	case 5:		/* SMB2_NETNAME_NEGOTIATE_CONTEXT_ID */
		smb2_name16(m, F_NCNETNAME, o, n);
		break;
	case 6:		/* SMB2_TRANSPORT_CAPABILITIES */
		if (n >= 4)
			smb2_le(m, F_NCTRANSP, o, 4);
		break;
	case 8:		/* SMB2_SIGNING_CAPABILITIES */
		if (n >= 2)
			ids(m, F_NCSIGNN, F_NCSIGN, o, 2, end);
		break;
	case 0x100:	/* SMB2_POSIX_EXTENSIONS_AVAILABLE */
		if (n > 0)
			st_dbytes(m->d, m->c, &smb2_fields[F_NCPOSIX], o, n);
		break;
	}
}

/*
 * A negotiate's contexts ([MS-SMB2] 2.2.3.1): count of them from off,
 * each 8-byte aligned: its type, data length, 4 reserved bytes, data.
 */
void
smb2_neg_contexts(struct smb2_msg *m, size_t off, unsigned count)
{
	unsigned i, t;
	size_t n;

	if (count == 0 || off < SMB2_HDR)
		return;
	for (i = 0; i < count && i < SMB2_MAXCTX; i++) {
		off = (off + 7) & ~(size_t)7;
		if (off + 8 > m->len) {
			st_pkt_note(m->d->pkt, "SMB2: a negotiate context lies "
			    "past the bytes of the message");
			return;
		}
		t = (unsigned)smb2_le(m, F_NCTYPE, off, 2);
		n = (size_t)smb2_le(m, F_NCLEN, off + 2, 2);
		smb2_rsv(m, off + 4, 4);
		if (m->c->err != ST_OK)
			return;
		if (off + 8 + n > m->len) {
			st_dmalformed(m->d, "negotiate context of %zu bytes "
			    "past the message", n);
			return;
		}
		context(m, t, off + 8, n);
		off += 8 + n;
	}
}
