/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The AFS database servers' operations: the protection server's users
 * and groups (ptint.xg: PR_*), the volume location server's entries
 * (vldbint.xg: VL_*), and Ubik, the replication under both (ubik_int.xg:
 * VOTE_*, DISK_*), as Wireshark decodes them.
 */
#include <stdio.h>

#include "afs.h"

#define R(i)	(&st_afs_body[(i)])

void
afs_prot(struct afs_m *m, int reply, uint32_t op)
{
	if (reply) {
		if (op == 505)
			afs_counted(m, B_P_COUNT, B_P_NAME, 64);
		else if (op == 504 || op == 508 || op == 514 || op == 517 ||
		    op == 518 || op == 519)
			afs_counted(m, B_P_COUNT, B_P_ID, 0);
		else if (op == 510) {
			afs_word(m, B_P_MAXUID);
			afs_word(m, B_P_MAXGID);
		}
		return;
	}
	switch (op) {
	case 500: case 509:
		afs_string(m, B_P_NAME);
		afs_word(m, op == 500 ? B_P_ID : B_P_FLAG);
		afs_word(m, B_P_OLDID);
		break;
	case 501: case 506: case 508: case 512: case 514: case 517: case 519:
		afs_word(m, B_P_ID);
		break;
	case 502:
		afs_word(m, B_P_POS);
		break;
	case 503: case 507: case 515:
		afs_word(m, B_P_UID);
		afs_word(m, B_P_GID);
		break;
	case 504:
		afs_counted(m, B_P_COUNT, B_P_NAME, 64);
		break;
	case 505:
		afs_counted(m, B_P_COUNT, B_P_ID, 0);
		break;
	case 511:
		afs_word(m, B_P_ID);
		afs_word(m, B_P_FLAG);
		break;
	case 513: case 520:
		afs_word(m, B_P_ID);
		afs_string(m, B_P_NAME);
		if (op == 513) {
			afs_word(m, B_P_OLDID);
			afs_word(m, B_P_NEWID);
		}
		break;
	}
}

/* A volume location entry of ns server slots: name, servers and their
 * partitions for the first nservers slots, then the volume IDs. */
static void
vldb_entry(struct afs_m *m, unsigned ns, int uuids)
{
	uint32_t n, i, j;
	char part[8];

	afs_vstring(m, B_V_NAME, 65);
	if (ns == 8)
		m->pos += 4;
	n = afs_word(m, B_V_NSERVERS);
	for (i = 0; i < ns && !m->stop; i++)
		if (i < n)
			uuids ? afs_bytes(m, B_V_UUID, 44) : (void)afs_word(m,
			    B_V_SERVER);
		else
			m->pos += uuids ? 44 : 4;
	for (i = 0; uuids && i < ns && !m->stop; i++)
		if (i < n)
			afs_word(m, B_V_UNIQ);
		else
			m->pos += 4;
	for (i = 0; i < ns && afs_have(m, 4); i++, m->pos += 4) {
		j = afs_peek32(m);
		if (i < n && (int32_t)j <= 25) {
			snprintf(part, sizeof(part), "/vicep%c",
			    (char)('a' + (int8_t)(uint8_t)j));
			if ((uint8_t)part[6] < 0x20 || (uint8_t)part[6] > 0x7e)
				part[6] = '?';
			st_dtext(m->d, m->c, R(B_V_PART), m->pos, 4, part);
		}
	}
	for (i = 0; uuids && i < ns && !m->stop; i++)
		if (i < n)
			afs_word(m, B_V_SFLAGS);
		else
			m->pos += 4;
	if (!uuids)
		m->pos += 4 * ns;
	afs_word(m, B_V_RWVOL);
	afs_word(m, B_V_ROVOL);
	afs_word(m, B_V_BKVOL);
	if (ns == 13 && !uuids)
		return;
	afs_word(m, B_V_CLONEVOL);
	if (!uuids) {
		afs_bits(m, B_V_FLAGS, B_V_DFS - B_V_FLAGS);
		return;
	}
	afs_word(m, B_V_FLAGS);
	for (i = 0; i < 9 && !m->stop; i++)
		afs_word(m, B_V_SPARE1 + (int)i);
}

void
afs_vldb(struct afs_m *m, int reply, uint32_t op)
{
	if (reply) {
		if (op == 503 || op == 504)
			vldb_entry(m, 8, 0);
		else if (op == 518 || op == 519)
			vldb_entry(m, 13, 0);
		else if (op == 526 || op == 527)
			vldb_entry(m, 13, 1);
		else if (op == 505)
			afs_word(m, B_V_ID);
		else if (op == 510 || op == 521 || op == 529) {
			afs_word(m, B_V_COUNT);
			afs_word(m, B_V_NEXT);
		}
		return;
	}
	switch (op) {
	case 501: case 517:
		afs_vstring(m, B_V_NAME, 65);
		break;
	case 502: case 503: case 507: case 508: case 509: case 518:
	case 506: case 520:
		afs_word(m, B_V_ID);
		afs_word(m, B_V_TYPE);
		if (op == 506 || op == 520)
			afs_vstring(m, B_V_NAME, 65);
		break;
	case 504: case 519: case 524: case 527:
		afs_string(m, B_V_NAME);
		break;
	case 505:
		afs_word(m, B_V_BUMP);
		break;
	case 510: case 521:
		afs_word(m, B_V_INDEX);
		break;
	case 532: {					/* regaddr */
		uint32_t k, i;

		afs_bytes(m, B_V_UUID, 44);
		afs_word(m, B_V_SPARE1);
		k = afs_have(m, 4) ? afs_peek32(m) : 0;
		m->pos += 4;
		for (i = 0; i < k && i < AFS_MAXARRAY && !m->stop; i++)
			afs_word(m, B_V_SIP);
		break;
	}
	}
}

/* Ubik's calls: a database version is an epoch (a time) and a counter. */
static void
ubik_request(struct afs_m *m, uint32_t op)
{
	static const uint8_t version[] = { B_U_EPOCH, B_U_COUNTER };
	static const uint8_t lock[] = { B_U_FILE, B_U_POS, B_U_LENGTH,
	    B_U_LOCKTYPE };

	switch (op) {
	case 10000:					/* vote-beacon */
		afs_word(m, B_U_STATE);
		afs_word(m, B_U_VOTESTART);
		afs_words(m, version, 2);
		afs_words(m, version, 2);
		break;
	case 10002: case 10003: case 10004: case 10005:
		afs_word(m, B_U_SITE);
		break;
	case 20000: case 20001: case 20011:
		afs_words(m, version, 2);
		break;
	case 20002:					/* disk-lock */
		afs_words(m, version, 2);
		afs_words(m, lock, 4);
		break;
	case 20003: case 20009:			/* write, truncate */
		afs_words(m, version, 2);
		afs_word(m, B_U_FILE);
		afs_word(m, op == 20003 ? B_U_POS : B_U_LENGTH);
		break;
	case 20005:
		afs_word(m, B_U_FILE);
		break;
	case 20006:					/* disk-sendfile */
		afs_word(m, B_U_FILE);
		afs_word(m, B_U_LENGTH);
		afs_words(m, version, 2);
		break;
	case 20013:				/* disk-setversion */
		afs_words(m, version, 2);
		afs_words(m, version, 2);
		afs_words(m, version, 2);
		break;
	}
}

void
afs_ubik(struct afs_m *m, int reply, uint32_t op)
{
	if (!reply)
		ubik_request(m, op);
	else if (op == 20004) {			/* disk-getversion */
		afs_word(m, B_U_EPOCH);
		afs_word(m, B_U_COUNTER);
	}
}
