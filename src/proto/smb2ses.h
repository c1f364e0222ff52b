/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SMB2's per-capture facts (src/proto/smb2ses.c), private to smb2.c: who
 * a session authenticated as and which share a tree ID names, which
 * Wireshark repeats on every later message of the session or tree.
 */
#ifndef STRATA_SMB2SES_H
#define STRATA_SMB2SES_H

#include <stddef.h>
#include <stdint.h>

#include "strata/cursor.h"

struct st_dctx;

#define SMB2_FACTLEN	128	/* bytes of a name kept, with its NUL */

struct smb2_ses {
	uint64_t	 auth_frame;	/* 0: no authentication seen */
	int		 names;		/* acct, domain, host are known */
	char		 acct[SMB2_FACTLEN];
	char		 domain[SMB2_FACTLEN];
	char		 host[SMB2_FACTLEN];
};

struct smb2_tree {
	uint64_t	 frame;		/* the tree connect response */
	uint8_t		 share_type;
	char		 path[SMB2_FACTLEN * 2];
};

/* Empties the tables when frame starts a new capture. */
void	smb2_state_frame(uint64_t frame);
/* The same tables forgotten for a new capture (the descriptor's forget). */
void	smb2_state_forget(void);

/* What session sesid was known as before frame: 1, or 0. */
int	smb2_ses_get(uint64_t sesid, uint64_t frame, struct smb2_ses *out);

/* Frame authenticated session sesid; s->names says whether NTLMSSP gave
 * the account's names. */
void	smb2_ses_auth(uint64_t sesid, uint64_t frame, const struct smb2_ses *s);

/* A successful session setup response in frame. */
void	smb2_ses_done(uint64_t sesid, uint64_t frame);

/* The tree (sesid, tid) as known before frame: 1, or 0. */
int	smb2_tree_get(uint64_t sesid, uint32_t tid, uint64_t frame,
	    struct smb2_tree *out);

/* A tree connect request (message msgid) for path. */
void	smb2_tree_req(uint64_t sesid, uint64_t msgid, const char *path);

/* Its response, giving the tree ID tid. */
void	smb2_tree_resp(uint64_t sesid, uint64_t msgid, uint32_t tid,
	    uint8_t share_type, uint64_t frame);

/*
 * The account, domain and host of an NTLMSSP AUTHENTICATE message found
 * in the n bytes at c's position (a security blob, SPNEGO-wrapped or
 * bare) into *s (names set): 1, or 0 when there is none.
 */
int	smb2_ntlm_names(const struct st_cur *c, size_t n, struct smb2_ses *s);

/*
 * The security buffer of len bytes at byte off past c's position as the
 * layers of the GSS-API token it holds (gss-api, then its mechanism's),
 * after the SMB2 layer, through the registry; called last, when the
 * message adds no more fields.
 */
void	smb2_secblob_on(struct st_dctx *d, struct st_cur *c, size_t off,
	    size_t len);

#endif
