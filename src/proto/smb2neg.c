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
