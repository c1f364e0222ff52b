/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2 create contexts ([MS-SMB2] 2.2.13.2, 2.2.14.2): the chain of
 * tagged elements a create request and its response carry after the
 * fixed body (a lease, a durable handle, the maximal access, the on-disk
 * ID).  Each element: the offset of the next (0: the last), the tag's
 * and the data's offset (from the element) and length, then both.
 * Wireshark shows each pair as smb2.olb.offset/length; strata does too.
 */
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "smb2.h"

#define CTX_MAX		32	/* elements of a chain read */
#define CTX_ELEM	16	/* an element's fixed part */

static const struct lebit lstate_bits[] = {
	LB("smb2.lease.lease_state.read_caching", 0x1),
	LB("smb2.lease.lease_state.handle_caching", 0x2),
	LB("smb2.lease.lease_state.write_caching", 0x4),
};

static const struct lebit lflags_bits[] = {
	LB("smb2.lease.lease_state.break_ack_required", 0x1),
	LB("smb2.lease.lease_state.break_in_progress", 0x2),
	LB("smb2.lease.lease_state.parent_lease_key_set", 0x4),
};

static const struct lebit dh2x_bits[] = {
	LB("smb2.dh2x.flags.persistent_handle", 0x2),
};

/* A lease (RqLs): version 1 is 32 bytes, version 2 52. */
static void
lease(struct smb2_msg *m, size_t o, size_t n)
{
	if (n < 32)
		return;
	smb2_guid(m, F_L_KEY, o);
	FLAGS(m, F_L_STATE, o + 16, 4, lstate_bits);
	FLAGS(m, F_L_FLAGS, o + 20, 4, lflags_bits);
	smb2_le(m, F_L_DUR, o + 24, 8);
	if (n < 52)
		return;
	smb2_guid(m, F_L_PKEY, o + 32);
	smb2_le(m, F_L_EPOCH, o + 48, 2);
	smb2_le(m, F_L_RSV, o + 50, 2);
}

/* The data of element tag, n bytes at o. */
static void
ctx_data(struct smb2_msg *m, const char *tag, size_t o, size_t n)
{
	if (strcmp(tag, "RqLs") == 0)
		lease(m, o, n);
	else if (strcmp(tag, "MxAc") == 0 && m->resp && n >= 4)
		smb2_le(m, F_M_STATUS, o, 4);
	else if (strcmp(tag, "QFid") == 0 && m->resp && n >= 32)
		st_dbytes(m->d, m->c, &smb2_fields[F_QFID], o, 32);
	/* a durable handle request's 16 bytes Wireshark reads as a file
	 * ID; the response's 8 reserved bytes */
	else if (strcmp(tag, "DHnQ") == 0 && !m->resp && n >= 16)
		smb2_guid(m, F_FID, o);
	else if (strcmp(tag, "DHnQ") == 0 && m->resp && n >= 8)
		smb2_le(m, F_DHNQ_RSV, o, 8);
	else if (strcmp(tag, "DH2Q") == 0 && n >= 8) {
		smb2_le(m, F_DH_TIMEOUT, o, 4);
		FLAGS(m, F_DH_FLAGS, o + 4, 4, dh2x_bits);
		if (!m->resp && n >= 32) {
			smb2_le(m, F_DH_RSV, o + 8, 8);
			smb2_guid(m, F_DH_GUID, o + 16);
		}
	}
}

/* The element at e (end: the chain's end); the offset of the next (0:
 * the last, or none readable). */
static size_t
element(struct smb2_msg *m, size_t e, size_t end)
{
	size_t next, toff, tlen, doff, dlen, i;
	char tag[64];
	unsigned u;

	next = (size_t)smb2_le(m, F_CCHAIN, e, 4);
	if (!smb2_olb(m, e + 4, 2, e + 6, 2, &toff, &tlen))
		return 0;
	if (tlen > 0 && tlen <= 16 && e + toff + tlen <= end) {
		for (i = 0; i < tlen; i++) {
			u = (unsigned)smb2_le_at(m, e + toff + i, 1);
			/* a tag is ASCII; others are not shown as text */
			tag[i] = (u >= 0x20 && u < 0x7f) ? (char)u : '?';
		}
		tag[tlen] = '\0';
		st_dtext(m->d, m->c, &smb2_fields[F_TAG], e + toff, tlen,
		    tag);
	} else
		tag[0] = '\0';
	if (!smb2_olb(m, e + 10, 2, e + 12, 4, &doff, &dlen))
		return 0;
	if (dlen == 0)
		st_dtext(m->d, m->c, &smb2_fields[F_CDATA], e + 10, 0, "");
	else if (doff <= end - e && dlen <= end - e - doff)
		ctx_data(m, tag, e + doff, dlen);
	return m->c->err == ST_OK ? next : 0;
}

void
smb2_contexts(struct smb2_msg *m, size_t off, size_t n)
{
	size_t end, next;
	unsigned i;

	if (n == 0 || off < SMB2_HDR || off > m->len || n > m->len - off)
		return;
	end = off + n;
	for (i = 0; i < CTX_MAX && m->c->err == ST_OK; i++) {
		if (end - off < CTX_ELEM)
			break;
		next = element(m, off, end);
		if (next == 0 || next > end - off)
			break;
		off += next;
	}
}
