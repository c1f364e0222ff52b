/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The AFS file server's operations (OpenAFS afsint.xg: RXAFS_*) and the
 * cache manager's callback service (RXAFSCB_*): file IDs, the status a
 * file server returns (AFSFetchStatus) and a client sets
 * (AFSStoreStatus), callbacks and the volume's sync record, as Wireshark
 * decodes them.
 */
#include "afs.h"

static const uint8_t fid_rows[] = { B_FID_VOL, B_FID_VNODE, B_FID_UNIQ };
static const uint8_t cbfid_rows[] = { B_CBF_VOL, B_CBF_VNODE, B_CBF_UNIQ };
static const uint8_t cb_rows[] = { B_CB_VERSION, B_CB_EXPIRES, B_CB_TYPE };
static const uint8_t cbcb_rows[] = { B_CBC_VERSION, B_CBC_EXPIRES,
	B_CBC_TYPE };
static const uint8_t vs_rows[] = { B_VS1, B_VS2, B_VS3, B_VS4, B_VS5,
	B_VS6 };
static const uint8_t store_rows[] = { B_ST_CMTIME, B_ST_OWNER, B_ST_GROUP,
	B_ST_MODE, B_ST_SEGSIZE };

#define FID(m)		afs_words((m), fid_rows, 3)
#define CALLBACK(m)	afs_words((m), cb_rows, 3)
#define VOLSYNC(m)	afs_words((m), vs_rows, 6)

/* AFSFetchStatus: 21 words, B_ST_IFVER to B_ST_SPARE4 in order. */
static void
fetch_status(struct afs_m *m)
{
	int r;

	for (r = B_ST_IFVER; r <= B_ST_SPARE4 && !m->stop; r++)
		afs_word(m, r);
}

static void
store_status(struct afs_m *m)
{
	afs_bits(m, B_MASK, B_MASK_FSYNC - B_MASK);
	afs_words(m, store_rows, NFIELDS(store_rows));
}

static void
fs_reply(struct afs_m *m, uint32_t op)
{
	switch (op) {
	case 130:					/* fetch-data */
		fetch_status(m);
		CALLBACK(m);
		VOLSYNC(m);
		if (!m->stop && m->pos < m->left)
			afs_bytes(m, B_DATA, m->left - m->pos);
		break;
	case 131:					/* fetch-acl */
		afs_word(m, B_ACLSIZE);		/* the ACL's text: not read */
		m->stop = 1;
		break;
	case 132:					/* fetch-status */
		fetch_status(m);
		CALLBACK(m);
		VOLSYNC(m);
		break;
	case 133: case 134: case 135: case 136:
		fetch_status(m);
		VOLSYNC(m);
		break;
	case 137: case 141: case 161: case 163:
		FID(m);
		fetch_status(m);
		fetch_status(m);
		CALLBACK(m);
		VOLSYNC(m);
		break;
	case 138:					/* rename */
		fetch_status(m);
		fetch_status(m);
		VOLSYNC(m);
		break;
	case 139:					/* symlink */
		FID(m);
		break;
	case 140:					/* link */
		fetch_status(m);
		break;
	case 142:					/* rmdir */
		fetch_status(m);
		VOLSYNC(m);
		break;
	case 149:				/* get-volume-status */
		afs_string(m, B_VOLNAME);
		afs_string(m, B_OFFLINEMSG);
		afs_string(m, B_MOTD);
		break;
	case 151:					/* root volume */
		afs_string(m, B_VOLNAME);
		break;
	case 156: case 157: case 158:
		VOLSYNC(m);
		break;
	case 159:
		afs_word(m, B_XSVERSION);
		break;
	case 160:
		afs_word(m, B_XSVERSION);
		afs_word(m, B_XSTIME);
		break;
	case 162:
		afs_word(m, B_CPS2);
		afs_word(m, B_CPS3);
		break;
	}
}

static void
fs_request(struct afs_m *m, uint32_t op)
{
	switch (op) {
	case 130:					/* fetch-data */
		FID(m);
		afs_word(m, B_OFFSET);
		afs_word(m, B_LENGTH);
		break;
	case 131: case 132: case 144: case 145: case 157: case 158:
	case 220:
		FID(m);
		if (op == 144 || op == 145)
			VOLSYNC(m);
		break;
	case 133:					/* store-data */
		FID(m);
		store_status(m);
		afs_word(m, B_OFFSET);
		afs_word(m, B_LENGTH);
		afs_word(m, B_FLENGTH);
		if (!m->stop && m->pos < m->left)
			afs_bytes(m, B_DATA, m->left - m->pos);
		break;
	case 134:					/* store-acl */
		FID(m);
		afs_word(m, B_ACLSIZE);
		m->stop = 1;
		break;
	case 135:
		FID(m);
		store_status(m);
		break;
	case 136: case 142: case 161:
		FID(m);
		afs_string(m, B_NAME);
		break;
	case 137: case 141:			/* create-file, makedir */
		FID(m);
		afs_string(m, B_NAME);
		store_status(m);
		break;
	case 138:					/* rename */
		FID(m);
		afs_string(m, B_OLDNAME);
		FID(m);
		afs_string(m, B_NEWNAME);
		break;
	case 139: case 163:				/* symlink */
		FID(m);
		afs_string(m, B_SYMNAME);
		afs_string(m, B_SYMCONTENT);
		store_status(m);
		break;
	case 140:					/* link */
		FID(m);
		afs_string(m, B_NAME);
		FID(m);
		break;
	case 143: case 156:				/* set-lock */
		FID(m);
		afs_word(m, B_LOCKTYPE);
		if (op == 143)
			VOLSYNC(m);
		break;
	case 147:				/* give-up-callbacks */
		afs_array(m, fid_rows, 3);
		afs_array(m, cb_rows, 3);
		break;
	case 148: case 154:
		afs_string(m, B_VOLNAME);
		break;
	case 149:
		afs_word(m, B_VOLID);
		break;
	case 150:
		afs_word(m, B_VOLID);
		afs_string(m, B_VOLNAME);
		afs_string(m, B_OFFLINEMSG);
		afs_string(m, B_MOTD);
		break;
	case 155: case 65536:
		afs_array(m, fid_rows, 3);
		break;
	case 160:
		afs_word(m, B_XSCLIENT);
		afs_word(m, B_XSCOLL);
		break;
	case 65537: case 65538:			/* fetch/store-data-64 */
		FID(m);
		if (op == 65538)
			store_status(m);
		afs_bytes(m, B_OFFSET64, 8);
		afs_bytes(m, B_LENGTH64, 8);
		if (op == 65538)
			afs_bytes(m, B_FLENGTH64, 8);
		break;
	}
}

/* Bulk status replies: an array of statuses, (bulk-status only) a word
 * Wireshark skips, an array of callbacks and a VolSync. */
static void
fs_bulk(struct afs_m *m, uint32_t op)
{
	uint32_t k, i;

	if (!afs_have(m, 4))
		return;
	k = afs_peek32(m);
	m->pos += 4;
	for (i = 0; i < k && i < AFS_MAXARRAY && !m->stop; i++)
		fetch_status(m);
	if (op == 155)
		m->pos += 4;
	afs_array(m, cb_rows, 3);
	VOLSYNC(m);
}

static void
cb_request(struct afs_m *m, uint32_t op)
{
	if (op != 204)				/* callback */
		return;
	afs_array(m, cbfid_rows, 3);
	afs_array(m, cbcb_rows, 3);
}

void
afs_fs(struct afs_m *m, int reply, uint32_t op)
{
	if (reply && (op == 155 || op == 65536))
		fs_bulk(m, op);
	else if (reply)
		fs_reply(m, op);
	else
		fs_request(m, op);
}

/* Only a callback call has arguments Wireshark reads; no result. */
void
afs_cb(struct afs_m *m, int reply, uint32_t op)
{
	if (!reply)
		cb_request(m, op);
}
