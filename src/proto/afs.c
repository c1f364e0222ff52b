/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * AFS, the Andrew File System's remote procedure calls (the OpenAFS
 * interface definitions: afsint.xg, ptint.xg, vldbint.xg, volint.xg,
 * ubik_int.xg), carried by the data packets of RX (src/proto/rx.c).
 *
 * Which server a call is for is its UDP port, as Wireshark reads it: the
 * destination of what the client sent (RX's client-initiated flag), the
 * source of what the server sent: 7000 the file server, 7001 the cache
 * manager's callbacks, 7002 the protection server, 7003 the volume
 * location server, 7004 kaserver, 7005 the volume server, 7007 bosserver,
 * 7021 the backup tape coordinator.  A call's data starts with a 32-bit
 * opcode; its reply does not repeat it, so the call is noted (match.h) by
 * its conversation, connection and call number, and the reply decoded as
 * that operation's results.  Opcodes 10000-10007 and 20000-20013 are
 * Ubik's, the replication every database server speaks.
 *
 * The data of one call spans packets (RX sequence numbers): only the
 * first, which holds the start, has arguments or results to decode.
 */
#include <string.h>

#include "strata/match.h"
#include "strata/out.h"
#include "afs.h"

enum { F_SERVICE, F_REQFRAME, F_TIME, F_CALL, F_OP, F_TYPE = F_OP + AFS_NSVC,
	F_NAFS = F_TYPE + AFS_NSVC };

static const struct st_valname fs_ops[] = {
	{ 130, "fetch-data" }, { 131, "fetch-acl" }, { 132, "fetch-status" },
	{ 133, "store-data" }, { 134, "store-acl" }, { 135, "store-status" },
	{ 136, "remove-file" }, { 137, "create-file" }, { 138, "rename" },
	{ 139, "symlink" }, { 140, "link" }, { 141, "makedir" },
	{ 142, "rmdir" }, { 143, "old-set-lock" }, { 144, "old-extend-lock" },
	{ 145, "old-release-lock" }, { 146, "get-stats" },
	{ 147, "give-up-callbacks" }, { 148, "get-volume-info" },
	{ 149, "get-volume-status" }, { 150, "set-volume-status" },
	{ 151, "get-root-volume" }, { 152, "check-token" },
	{ 153, "get-time" }, { 154, "nget-volume-info" },
	{ 155, "bulk-status" }, { 156, "set-lock" }, { 157, "extend-lock" },
	{ 158, "release-lock" }, { 159, "xstats-version" },
	{ 160, "get-xstats" }, { 161, "dfs-lookup" }, { 162, "dfs-flushcps" },
	{ 163, "dfs-symlink" }, { 220, "residency" },
	{ 65536, "inline-bulk-status" }, { 65537, "fetch-data-64" },
	{ 65538, "store-data-64" }, { 65539, "give-up-all-callbacks" },
	{ 65540, "get-capabilities" }, { 0, NULL }
};

static const struct st_valname cb_ops[] = {
	{ 204, "callback" }, { 205, "init-callback-state" }, { 206, "probe" },
	{ 207, "get-lock" }, { 208, "get-ce" }, { 209, "xstats-version" },
	{ 210, "get-xstats" }, { 211, "init-callback-state2" },
	{ 212, "who-are-you" }, { 213, "init-callback-state3" },
	{ 214, "probeuuid" }, { 215, "get-server-prefs" },
	{ 216, "get-cellservdb" }, { 217, "get-local-cell" },
	{ 218, "get-cache-config" }, { 65536, "get-ce-64" },
	{ 65537, "get-cell-by-num" }, { 65538, "get-capabilities" },
	{ 0, NULL }
};

static const struct st_valname prot_ops[] = {
	{ 500, "new-user" }, { 501, "where-is-it" }, { 502, "dump-entry" },
	{ 503, "add-to-group" }, { 504, "name-to-id" }, { 505, "id-to-name" },
	{ 506, "delete" }, { 507, "remove-from-group" }, { 508, "get-cps" },
	{ 509, "new-entry" }, { 510, "list-max" }, { 511, "set-max" },
	{ 512, "list-entry" }, { 513, "change-entry" },
	{ 514, "list-elements" }, { 515, "is-member-of" },
	{ 516, "set-fld-sentry" }, { 517, "list-owned" }, { 518, "get-cps2" },
	{ 519, "get-host-cps" }, { 520, "update-entry" },
	{ 521, "list-entries" }, { 0, NULL }
};

static const struct st_valname vldb_ops[] = {
	{ 501, "create-entry" }, { 502, "delete-entry" },
	{ 503, "get-entry-by-id" }, { 504, "get-entry-by-name" },
	{ 505, "get-new-volume-id" }, { 506, "replace-entry" },
	{ 507, "update-entry" }, { 508, "set-lock" }, { 509, "release-lock" },
	{ 510, "list-entry" }, { 511, "list-attributes" },
	{ 512, "linked-list" }, { 513, "get-stats" }, { 514, "probe" },
	{ 515, "get-addrs" }, { 516, "change-addr" },
	{ 517, "create-entry-n" }, { 518, "get-entry-by-id-n" },
	{ 519, "get-entry-by-name-n" }, { 520, "replace-entry-n" },
	{ 521, "list-entry-n" }, { 522, "list-attrib-n" },
	{ 523, "linked-list-n" }, { 524, "update-entry-by-name" },
	{ 525, "create-entry-u" }, { 526, "get-entry-by-id-u" },
	{ 527, "get-entry-by-name-u" }, { 528, "replace-entry-u" },
	{ 529, "list-entry-u" }, { 530, "list-attrib-u" },
	{ 531, "linked-list-u" }, { 532, "regaddr" }, { 533, "get-addrs-u" },
	{ 534, "list-attrib-n2" }, { 0, NULL }
};

static const struct st_valname kauth_ops[] = {
	{ 1, "auth-old" }, { 2, "change-pw" }, { 3, "get-ticket-old" },
	{ 4, "set-pw" }, { 5, "set-fields" }, { 6, "create-user" },
	{ 7, "delete-user" }, { 8, "get-entry" }, { 9, "list-entry" },
	{ 10, "get-stats" }, { 11, "debug" }, { 12, "get-pw" },
	{ 13, "get-random-key" }, { 14, "unlock" }, { 15, "lock-status" },
	{ 21, "authenticate" }, { 22, "authenticate-v2" },
	{ 23, "get-ticket" }, { 0, NULL }
};

static const struct st_valname vol_ops[] = {
	{ 100, "create-volume" }, { 101, "delete-volume" }, { 102, "restore" },
	{ 103, "forward" }, { 104, "end-trans" }, { 105, "clone" },
	{ 106, "set-flags" }, { 107, "get-flags" }, { 108, "trans-create" },
	{ 109, "dump" }, { 110, "get-nth-volume" }, { 111, "set-forwarding" },
	{ 112, "get-name" }, { 113, "get-status" }, { 114, "sig-restore" },
	{ 115, "list-partitions" }, { 116, "list-volumes" },
	{ 117, "set-id-types" }, { 118, "monitor" },
	{ 119, "partition-info" }, { 120, "reclone" },
	{ 121, "list-one-volume" }, { 122, "nuke" }, { 123, "set-date" },
	{ 124, "x-list-volumes" }, { 125, "x-list-one-volume" },
	{ 126, "set-info" }, { 127, "x-list-partitions" },
	{ 128, "forward-multiple" }, { 65536, "convert-ro" },
	{ 65537, "getsize" }, { 0, NULL }
};

static const struct st_valname bos_ops[] = {
	{ 80, "create-bnode" }, { 81, "delete-bnode" }, { 82, "set-status" },
	{ 83, "get-status" }, { 84, "enumerate-instance" },
	{ 85, "get-instance-info" }, { 86, "get-instance-parm" },
	{ 87, "add-superuser" }, { 88, "delete-superuser" },
	{ 89, "list-superusers" }, { 90, "list-keys" }, { 91, "add-key" },
	{ 92, "delete-key" }, { 93, "set-cell-name" },
	{ 94, "get-cell-name" }, { 95, "get-cell-host" },
	{ 96, "add-cell-host" }, { 97, "delete-cell-host" },
	{ 98, "set-t-status" }, { 99, "shutdown-all" },
	{ 100, "restart-all" }, { 101, "startup-all" },
	{ 102, "set-noauth-flag" }, { 103, "re-bozo" }, { 104, "restart" },
	{ 105, "install" }, { 106, "uninstall" }, { 107, "get-dates" },
	{ 108, "exec" }, { 109, "prune" }, { 110, "set-restart-time" },
	{ 111, "get-restart-time" }, { 112, "get-log" }, { 113, "wait-all" },
	{ 114, "get-instance-strings" }, { 115, "get-restricted" },
	{ 116, "set restricted" }, { 0, NULL }
};

static const struct st_valname update_ops[] = {
	{ 1, "fetch-file" }, { 2, "fetch-info" }, { 0, NULL }
};

static const struct st_valname rmtsys_ops[] = {
	{ 1, "setpag" }, { 2, "pioctl" }, { 0, NULL }
};

static const struct st_valname backup_ops[] = {
	{ 100, "perform-dump" }, { 101, "perform-restore" },
	{ 102, "check-dump" }, { 103, "abort-dump" },
	{ 104, "wait-for-dump" }, { 105, "end-dump" }, { 106, "get-tm-info" },
	{ 107, "label-tape" }, { 108, "scan-nodes" }, { 109, "read-label" },
	{ 110, "scan-dumps" }, { 111, "get-tc-info" },
	{ 112, "save-database" }, { 113, "restore-database" },
	{ 114, "get-status" }, { 115, "request-abort" },
	{ 116, "end-status" }, { 117, "scan-status" },
	{ 118, "delete-dump" }, { 0, NULL }
};

static const struct st_valname ubik_ops[] = {
	{ 10000, "vote-beacon" }, { 10001, "vote-debug-old" },
	{ 10002, "vote-sdebug-old" }, { 10003, "vote-getsyncsite" },
	{ 10004, "vote-debug" }, { 10005, "vote-sdebug" },
	{ 10006, "vote-xdebug" }, { 10007, "vote-xsdebug" },
	{ 20000, "disk-begin" }, { 20001, "disk-commit" },
	{ 20002, "disk-lock" }, { 20003, "disk-write" },
	{ 20004, "disk-getversion" }, { 20005, "disk-getfile" },
	{ 20006, "disk-sendfile" }, { 20007, "disk-abort" },
	{ 20008, "disk-releaselocks" }, { 20009, "disk-truncate" },
	{ 20010, "disk-probe" }, { 20011, "disk-writev" },
	{ 20012, "disk-interfaceaddr" }, { 20013, "disk-setversion" },
	{ 0, NULL }
};

#define OP(n, t)	FDN(NULL, n, "Operation", 0, 32, ST_FMT_DEC, t)
#define SVC(n, l)	FDG(n, l, ST_FMT_BOOL, NULL)

static const struct st_field_desc afs_fields[] = {
	FDG("afs.service", "Service", ST_FMT_DEC, NULL),
	FDG("afs.reqframe", "Request Frame", ST_FMT_DEC, NULL),
	FDG("afs.time", "Time from request", ST_FMT_TEXT, NULL),
	FDG("strata.afs.call", "Call", ST_FMT_TEXT, NULL),
	OP("afs.fs.opcode", fs_ops), OP("afs.cb.opcode", cb_ops),
	OP("afs.prot.opcode", prot_ops), OP("afs.vldb.opcode", vldb_ops),
	OP("afs.kauth.opcode", kauth_ops), OP("afs.vol.opcode", vol_ops),
	OP("afs.error.opcode", NULL), OP("afs.bos.opcode", bos_ops),
	OP("afs.update.opcode", update_ops),
	OP("afs.rmtsys.opcode", rmtsys_ops),
	OP("afs.backup.opcode", backup_ops), OP("afs.ubik.opcode", ubik_ops),
	SVC("afs.fs", "File Server"), SVC("afs.cb", "Callback"),
	SVC("afs.prot", "Protection"), SVC("afs.vldb", "VLDB"),
	SVC("afs.kauth", "KAuth"), SVC("afs.vol", "Volume Server"),
	SVC("afs.error", "Error"), SVC("afs.bos", "BOS"),
	SVC("afs.update", "Update"), SVC("afs.rmtsys", "Rmtsys"),
	SVC("afs.backup", "Backup"), SVC("afs.ubik", "Ubik"),
};

_Static_assert(NFIELDS(afs_fields) == F_NAFS, "one row per F_ index");

#define R(i)	(&afs_fields[(i)])

/* The services by port (7000 + index; the backup coordinator's 7021),
 * with Wireshark's short names. */
static const char *const svc_short[AFS_NSVC] = { "FS", "CB", "PROT", "VLDB",
	"KAUTH", "VOL", "ERR", "BOS", "UPD", "RMT", "BKUP", "UBIK" };

/* Wireshark takes an opcode above this for an encrypted call's bytes. */
#define AFS_OPMAX	66000

/* What a call notes for its reply. */
struct afs_note {
	uint32_t	 epoch;
	uint32_t	 op;
};

static int
afs_svc(long port)
{
	if (port == 7021)
		return AFS_BACKUP;
	if (port >= 7000 && port <= 7009)
		return (int)(port - 7000);
	return -1;
}

static int
afs_is_ubik(uint32_t op)
{
	return (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013);
}

/*
 * The call this packet belongs to: a call's first packet notes its
 * opcode, later ones (and the reply) take the noted one; without a note a
 * call's opcode is its first word and a reply's 0, as in Wireshark.
 */
static uint32_t
afs_opcode(struct st_dctx *d, struct st_cur *c, const uint32_t *rx,
    int reply)
{
	uint64_t id = (uint64_t)rx[1] << 32 | rx[2];
	struct afs_note k;
	struct st_match r;
	struct st_field *f;
	char buf[48];

	if (st_match_answer(d, id, &r)) {
		memcpy(&k, r.data, sizeof(k));
		if (k.epoch == rx[0]) {
			if (reply) {
				st_dgen(d, R(F_REQFRAME), r.frame);
				st_match_delta(d, &r, buf, sizeof(buf));
				if ((f = st_dgen(d, R(F_TIME), 0)) != NULL)
					f->meaning = st_pkt_strdup(d->pkt,
					    buf);
			}
			return k.op;
		}
	}
	if (reply)
		return 0;
	k.epoch = rx[0];
	k.op = (uint32_t)st_peek_bits(c, 0, 32);
	st_match_note(d, id, &k, sizeof(k));
	return k.op;
}

static int
afs_decode(struct st_dctx *d, struct st_cur *c)
{
	const struct st_layer *rxl = st_dbelow(d->pkt, d->ly);
	size_t left = st_cur_left(c);
	struct afs_m m = { d, c, 0, left, 0 };
	struct st_cur w = *c;
	struct st_field *f;
	uint32_t rx[4], op;
	int reply, svc, i;
	char buf[32];

	if (rxl == NULL)
		return ST_ENOTME;
	w.off = rxl->off;
	if (!st_cur_need(&w, 28))
		return ST_ENOTME;
	for (i = 0; i < 4; i++)		/* epoch, cid, call, seq */
		rx[i] = (uint32_t)st_peek_bits(&w, 32 * i, 32);
	reply = (st_peek_bits(&w, 168, 8) & 1) == 0;
	svc = afs_svc(st_dport(d->pkt, d->ly, reply ? 0 : 1));
	if (svc < 0)
		return ST_ENOTME;
	d->hdr = left;
	if (!reply && left < 4) {
		if (d->pkt->caplen < d->pkt->len)
			return ST_ETRUNC;
		return st_dmalformed(d, "%zu bytes: no room for an opcode",
		    left);
	}
	op = afs_opcode(d, c, rx, reply);
	st_dgen(d, R(F_SERVICE), op);
	if (afs_is_ubik(op))
		svc = AFS_UBIK;
	snprintf(buf, sizeof(buf), "%s%s %s", op > AFS_OPMAX ? "Encrypted " :
	    "", svc_short[svc], reply ? "Reply" : "Request");
	if ((f = st_dgen(d, R(F_CALL), 0)) != NULL)
		f->meaning = st_pkt_strdup(d->pkt, buf);
	if (op > AFS_OPMAX)
		return ST_OK;
	if (!reply && rx[3] == 1)
		st_dbytes(d, c, R(F_OP + svc), 0, 4);
	else
		st_dgen(d, R(F_OP + svc), op);
	st_dgen(d, R(F_TYPE + svc), 1);
	if (rx[3] == 1)
		st_afs_body_decode(&m, svc, reply, op);
	if (m.stop && d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return ST_OK;
}

static const struct st_bind afs_binds[] = {
	{ ST_KEY_RXPORT, 7000 }, { ST_KEY_RXPORT, 7001 },
	{ ST_KEY_RXPORT, 7002 }, { ST_KEY_RXPORT, 7003 },
	{ ST_KEY_RXPORT, 7004 }, { ST_KEY_RXPORT, 7005 },
	{ ST_KEY_RXPORT, 7006 }, { ST_KEY_RXPORT, 7007 },
	{ ST_KEY_RXPORT, 7008 }, { ST_KEY_RXPORT, 7009 },
	{ ST_KEY_RXPORT, 7021 },
};

/* As Wireshark's Info: "FS Request: fetch-status (132)", and the call's
 * frame for a reply. */
static int
afs_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NAFS];
	const struct st_field *op = NULL;
	const char *name;
	int i;

	st_ly_fields(s->pkt, ly, afs_fields, F_NAFS, f);
	for (i = F_OP; i < F_TYPE && op == NULL; i++)
		op = f[i];
	st_out_puts(s->o, "afs ");
	st_out_puts(s->o, f[F_CALL] != NULL && f[F_CALL]->meaning != NULL ?
	    f[F_CALL]->meaning : "?");
	if (op != NULL) {
		name = op->desc->names != NULL ?
		    st_valname(op->desc->names, (uint32_t)op->val) : NULL;
		st_out_printf(s->o, ": %s (%u)", name != NULL ? name :
		    "Unknown", (unsigned)op->val);
	}
	if (f[F_REQFRAME] != NULL)
		st_out_printf(s->o, " call in frame %llu",
		    (unsigned long long)f[F_REQFRAME]->val);
	return 1;
}

static const struct st_field_desc *const afs_keys[] = {
	R(F_SERVICE), R(F_CALL), NULL,
};

const struct st_proto st_proto_afs = {
	.name = "afs",
	.ws = "afs",
	.title = "Andrew File System (AFS)",
	.rfc = "OpenAFS RPC interfaces (afsint.xg, ptint.xg, vldbint.xg)",
	.role = ST_ROLE_APP,
	.fields = afs_fields,
	.nfields = NFIELDS(afs_fields),
	.more = st_afs_body,
	.nmore = AFS_NBODY,
	.decode = afs_decode,
	.binds = afs_binds,
	.nbinds = NFIELDS(afs_binds),
	.summary = afs_summary,
	.keys = afs_keys,
	.color = "\033[33m",
	.explain = "AFS, the Andrew File System, is a set of servers that "
	    "clients call through RX: the file server (port 7000) for files "
	    "and directories by file ID (volume, vnode, uniquifier), the "
	    "volume location server (7003) for where a volume lives, the "
	    "protection server (7002) for users and groups, the volume "
	    "server (7005), and the client's own callback service (7001) "
	    "by which a file server says a cached file changed.  A call "
	    "starts with its operation's number; the reply, which does not "
	    "repeat it, is read as the results of the call it answers.",
};
