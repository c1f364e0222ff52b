/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AFS's remote procedure calls over RX: what afs.c (the call: service,
 * opcode, matching a reply to its call) and afsbody.c (the arguments and
 * results of each service's operations) share.  Included by those two
 * files only.
 */
#ifndef STRATA_PROTO_AFS_H
#define STRATA_PROTO_AFS_H

#include "fields.h"

/* The services, by the server's UDP port (7000 + n; 7021 backups), and
 * Ubik, the database replication every database server also speaks. */
enum { AFS_FS, AFS_CB, AFS_PROT, AFS_VLDB, AFS_KAUTH, AFS_VOL, AFS_ERROR,
	AFS_BOS, AFS_UPDATE, AFS_RMTSYS, AFS_BACKUP, AFS_UBIK, AFS_NSVC };

/* Reading a call's data: every read checks pos against left and, past
 * it, sets stop, after which nothing more is read (a call's data goes
 * on in the next packets). */
struct afs_m {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 pos;
	size_t		 left;
	int		 stop;
};

/* The rows of the arguments and results (the descriptor's .more). */
#define AFS_NBODY	128
extern const struct st_field_desc st_afs_body[AFS_NBODY];

/* The rows of st_afs_body. */
enum {
	/* a file ID, lengths and names */
	B_FID_VOL, B_FID_VNODE, B_FID_UNIQ, B_OFFSET, B_LENGTH, B_FLENGTH,
	B_OFFSET64, B_LENGTH64, B_FLENGTH64, B_DATA, B_NAME, B_OLDNAME,
	B_NEWNAME, B_SYMNAME, B_SYMCONTENT, B_VOLID, B_VOLNAME, B_OFFLINEMSG,
	B_MOTD, B_XSVERSION, B_XSTIME, B_XSCLIENT, B_XSCOLL, B_CPS1, B_CPS2,
	B_CPS3, B_LOCKTYPE, B_VICEID, B_IPADDR, B_ACLSIZE,
	/* AFSFetchStatus */
	B_ST_IFVER, B_ST_FTYPE, B_ST_LINKS, B_ST_LENGTH, B_ST_DV, B_ST_AUTHOR,
	B_ST_OWNER, B_ST_CALLER, B_ST_ANON, B_ST_MODE, B_ST_PVNODE,
	B_ST_PUNIQ, B_ST_SEGSIZE, B_ST_CMTIME, B_ST_SMTIME, B_ST_GROUP,
	B_ST_SYNC, B_ST_DVHIGH, B_ST_SPARE2, B_ST_SPARE3, B_ST_SPARE4,
	/* AFSStoreStatus's mask, then its bits */
	B_MASK, B_MASK_MTIME, B_MASK_OWNER, B_MASK_GROUP, B_MASK_MODE,
	B_MASK_SEGSIZE, B_MASK_FSYNC,
	/* AFSVolSync, AFSCallBack */
	B_VS1, B_VS2, B_VS3, B_VS4, B_VS5, B_VS6, B_CB_VERSION, B_CB_EXPIRES,
	B_CB_TYPE,
	/* callbacks */
	B_CBF_VOL, B_CBF_VNODE, B_CBF_UNIQ, B_CBC_VERSION, B_CBC_EXPIRES,
	B_CBC_TYPE,
	/* protection */
	B_P_NAME, B_P_ID, B_P_COUNT, B_P_OLDID, B_P_NEWID, B_P_POS, B_P_FLAG,
	B_P_UID, B_P_GID, B_P_MAXUID, B_P_MAXGID,
	/* volume location */
	B_V_NAME, B_V_ID, B_V_TYPE, B_V_BUMP, B_V_INDEX, B_V_NEXT, B_V_COUNT,
	B_V_NSERVERS, B_V_SERVER, B_V_UUID, B_V_UNIQ, B_V_SFLAGS, B_V_SIP,
	B_V_PART, B_V_RWVOL, B_V_ROVOL, B_V_BKVOL, B_V_CLONEVOL,
	B_V_FLAGS, B_V_RW, B_V_RO, B_V_BK, B_V_DFS,
	B_V_SPARE1,
	/* volume server */
	B_VOL_COUNT = B_V_SPARE1 + 9, B_VOL_ID, B_VOL_NAME,
	/* Ubik */
	B_U_STATE, B_U_VOTESTART, B_U_EPOCH, B_U_COUNTER, B_U_SITE, B_U_FILE,
	B_U_POS, B_U_LENGTH, B_U_LOCKTYPE, B_NBODY
};
/* A bound on the elements of one array, whatever its count says (each
 * also takes at least one word, so the packet bounds them too). */
#define AFS_MAXARRAY	1024

/* The readers of a call's data (afsbody.c), each at m->pos and past it;
 * a row given by its B_ index. */
int	afs_have(struct afs_m *m, size_t n);
uint32_t afs_peek32(struct afs_m *m);
uint32_t afs_word(struct afs_m *m, int r);
void	afs_words(struct afs_m *m, const uint8_t *rows, size_t n);
void	afs_bits(struct afs_m *m, int r, size_t n);
void	afs_bytes(struct afs_m *m, int r, size_t n);
void	afs_string(struct afs_m *m, int r);
void	afs_vstring(struct afs_m *m, int r, size_t n);
void	afs_array(struct afs_m *m, const uint8_t *rows, size_t n);
void	afs_counted(struct afs_m *m, int r, int e, size_t n);

/* Each service's arguments (reply 0) or results of operation op. */
void	afs_fs(struct afs_m *m, int reply, uint32_t op);
void	afs_cb(struct afs_m *m, int reply, uint32_t op);
void	afs_prot(struct afs_m *m, int reply, uint32_t op);
void	afs_vldb(struct afs_m *m, int reply, uint32_t op);
void	afs_ubik(struct afs_m *m, int reply, uint32_t op);

/* Decodes the arguments of a call (reply 0: from after its opcode) or
 * the results of its reply, of operation op of service svc. */
void	st_afs_body_decode(struct afs_m *m, int svc, int reply, uint32_t op);

#endif
