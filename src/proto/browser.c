/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The Microsoft Windows Browser Protocol ([MS-BRWS] 2.2): the messages
 * the browser service writes to the \MAILSLOT\BROWSE mailslot (as SMB1
 * Transactions, mostly in NetBIOS datagrams on UDP 138), by which hosts
 * announce themselves and their workgroup, ask for announcements, and
 * elect the master browser of a subnet.  One command byte, then its
 * fields, little-endian; names are NUL-terminated ASCII, a host name in
 * an announcement a 16-byte field.
 *
 *   Host, Local Master, Domain Announcement:
 *   +-----+--------+-----------------+-------------------------------+
 *   | cmd | update | periodicity (4) | server name (16, NUL-padded)   |
 *   +-----+--------+-----------------+-------------------------------+
 *   | OS major | OS minor | server type (4) | browser version | 0xaa55 |
 *   +----------+----------+-----------------+-----------------+--------+
 *   | comment (or, in a domain announcement, the master browser) ...   |
 *
 * The older announcements to \MAILSLOT\LANMAN order the same facts
 * otherwise (server type first, a 2-byte periodicity in seconds, the
 * names NUL-terminated); Wireshark reads them with the same fields.
 */
#include <stdio.h>
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define HOSTNAME_LEN	16
#define NAMEMAX		256
#define BACKUPS_MAX	64	/* server names of a backup list shown */

enum { C_HOST = 1, C_REQUEST = 2, C_ELECTION = 8, C_BACKUP_REQ = 9,
	C_BACKUP_RESP = 10, C_BECOME_BACKUP = 11, C_DOMAIN = 12,
	C_MASTER = 13, C_RESET = 14, C_LOCAL_MASTER = 15 };

enum { F_CMD, F_UPDATE, F_PERIOD, F_SERVER, F_WINVER, F_OSMAJ, F_OSMIN,
	F_STYPE, F_PMAJ, F_PMIN, F_SIG, F_COMMENT, F_MBSERVER, F_MYST,
	F_UNUSED, F_RESPNAME, F_EVERSION, F_CRITERIA, F_DESIRE, F_EOS,
	F_UPTIME, F_BCOUNT, F_BTOKEN, F_BSERVER, F_RESET, F_PROMOTE,
	F_NBROWSER };

static const struct st_valname cmd_names[] = {
	{ C_HOST, "Host Announcement" },
	{ C_REQUEST, "Request Announcement" },
	{ C_ELECTION, "Browser Election Request" },
	{ C_BACKUP_REQ, "Get Backup List Request" },
	{ C_BACKUP_RESP, "Get Backup List Response" },
	{ C_BECOME_BACKUP, "Become Backup Browser" },
	{ C_DOMAIN, "Domain/Workgroup Announcement" },
	{ C_MASTER, "Master Announcement" },
	{ C_RESET, "Reset Browser State Announcement" },
	{ C_LOCAL_MASTER, "Local Master Announcement" }, { 0, NULL }
};

#define B(n, l, w, f)	FD(NULL, "browser." n, l, 0, w, f)

/* Little-endian numbers at offsets by command: placed by the decoder. */
static const struct st_field_desc br_fields[F_NBROWSER] = {
	[F_CMD] = FDN("command", "browser.command", "Command", 0, 8,
	    ST_FMT_HEX, cmd_names),
	[F_UPDATE] = B("update_count", "Update Count", 8, ST_FMT_DEC),
	[F_PERIOD] = B("period", "Update Periodicity", 32, ST_FMT_DEC),
	[F_SERVER] = B("server", "Server Name", 0, ST_FMT_TEXT),
	[F_WINVER] = B("windows_version", "Windows version", 0, ST_FMT_TEXT),
	[F_OSMAJ] = B("os_major", "OS Major Version", 8, ST_FMT_DEC),
	[F_OSMIN] = B("os_minor", "OS Minor Version", 8, ST_FMT_DEC),
	[F_STYPE] = B("server_type", "Server Type", 32, ST_FMT_HEX),
	[F_PMAJ] = B("proto_major", "Browser Protocol Major Version", 8,
	    ST_FMT_DEC),
	[F_PMIN] = B("proto_minor", "Browser Protocol Minor Version", 8,
	    ST_FMT_DEC),
	[F_SIG] = B("sig", "Signature", 16, ST_FMT_HEX),
	[F_COMMENT] = B("comment", "Host Comment", 0, ST_FMT_TEXT),
	[F_MBSERVER] = B("mb_server", "Master Browser Server Name", 0,
	    ST_FMT_TEXT),
	[F_MYST] = B("mysterious_field", "Mysterious Field", 32, ST_FMT_HEX),
	[F_UNUSED] = B("unused", "Unused flags", 8, ST_FMT_HEX),
	[F_RESPNAME] = B("response_computer_name", "Response Computer Name",
	    0, ST_FMT_TEXT),
	[F_EVERSION] = B("election.version", "Election Version", 8,
	    ST_FMT_DEC),
	[F_CRITERIA] = B("election.criteria", "Election Criteria", 32,
	    ST_FMT_HEX),
	[F_DESIRE] = B("election.desire", "Election Desire", 8, ST_FMT_HEX),
	[F_EOS] = B("election.os", "Election OS", 8, ST_FMT_HEX),
	[F_UPTIME] = B("uptime", "Uptime", 32, ST_FMT_DEC),
	[F_BCOUNT] = B("backup.count", "Backup List Requested Count", 8,
	    ST_FMT_DEC),
	[F_BTOKEN] = B("backup.token", "Backup Request Token", 32,
	    ST_FMT_DEC),
	[F_BSERVER] = B("backup.server", "Backup Server", 0, ST_FMT_TEXT),
	[F_RESET] = B("reset_cmd", "ResetBrowserState Command", 8,
	    ST_FMT_HEX),
	[F_PROMOTE] = B("browser_to_promote", "Browser to Promote", 0,
	    ST_FMT_TEXT),
};

/* A bit (or a few) of a little-endian value, as Wireshark names it. */
struct brbit {
	struct st_field_desc fd;
	uint32_t	 mask;
};
#define BB(n, m)	{ FD(NULL, "browser." n, "browser." n, 0, 1, \
			    ST_FMT_BOOL), (m) }

static const struct brbit stype_bits[] = {
	BB("server_type.workstation", 1u << 0),
	BB("server_type.server", 1u << 1), BB("server_type.sql", 1u << 2),
	BB("server_type.domain_controller", 1u << 3),
	BB("server_type.backup_controller", 1u << 4),
	BB("server_type.time", 1u << 5), BB("server_type.apple", 1u << 6),
	BB("server_type.novell", 1u << 7), BB("server_type.member", 1u << 8),
	BB("server_type.print", 1u << 9), BB("server_type.dialin", 1u << 10),
	BB("server_type.xenix", 1u << 11), BB("server_type.ntw", 1u << 12),
	BB("server_type.wfw", 1u << 13), BB("server_type.nts", 1u << 15),
	BB("server_type.browser.potential", 1u << 16),
	BB("server_type.browser.backup", 1u << 17),
	BB("server_type.browser.master", 1u << 18),
	BB("server_type.browser.domain_master", 1u << 19),
	BB("server_type.osf", 1u << 20), BB("server_type.vms", 1u << 21),
	BB("server_type.w95", 1u << 22), BB("server_type.dfs", 1u << 23),
	BB("server_type.local", 1u << 30),
	BB("server_type.domainenum", 1u << 31),
};

static const struct brbit desire_bits[] = {
	BB("election.desire.backup", 0x01),
	BB("election.desire.standby", 0x02),
	BB("election.desire.master", 0x04),
	BB("election.desire.domain_master", 0x08),
	BB("election.desire.wins", 0x20), BB("election.desire.nt", 0x80),
};

static const struct brbit eos_bits[] = {
	BB("election.os.wfw", 0x01), BB("election.os.ntw", 0x10),
	BB("election.os.nts", 0x20),
};

static const struct brbit reset_bits[] = {
	BB("reset_cmd.demote", 0x01), BB("reset_cmd.flush", 0x02),
	BB("reset_cmd.stop_lmb", 0x04),
};

#define BITS(t)	(t), NFIELDS(t)

/* The message being read: its bytes from c's position. */
struct brmsg {
	struct st_dctx	*d;
	struct st_cur	*c;
	size_t		 len;
};

/* The n-byte little-endian value at off; -1 when it is not there. */
static long long
le_at(const struct brmsg *m, size_t off, size_t n)
{
	struct st_cur t = *m->c;
	long long v = 0;
	size_t i;

	if (off > m->len || n > m->len - off || !st_cur_skip(&t, off) ||
	    !st_cur_need(&t, n))
		return -1;
	for (i = n; i-- > 0; )
		v = v << 8 | (long long)st_peek_bits(&t, i * 8, 8);
	return v;
}

/* Row f over n little-endian bytes at off (value times mul), with its
 * bits; the value read, or -1 (the cursor marked cut). */
static long long
num(struct brmsg *m, int f, size_t off, size_t n, unsigned mul,
    const struct brbit *b, size_t nb)
{
	long long v;
	struct st_field *fl;
	unsigned lo;
	size_t i;

	if (m->c->err != ST_OK)
		return -1;
	if ((v = le_at(m, off, n)) < 0) {
		m->c->err = ST_ETRUNC;
		return -1;
	}
	if ((fl = st_dbytes(m->d, m->c, &br_fields[f], off, n)) != NULL)
		fl->val = (uint64_t)v * mul;
	for (i = 0; i < nb && !m->d->pkt->lite; i++) {
		lo = (unsigned)__builtin_ctz(b[i].mask);
		st_pkt_add_field(m->d->pkt, &b[i].fd, (uint32_t)((m->c->off +
		    off + lo / 8) * 8 + 7 - lo % 8), 1,
		    ((uint64_t)v & b[i].mask) >> lo);
	}
	return v;
}

/*
 * A name at off as row f: up to its NUL (taking it) when pad is 0, else
 * in a field of pad bytes, NUL-padded.  Printable ASCII as is, other
 * bytes as \xHH.  Returns the offset past it, or 0 when its NUL is not
 * there (the cursor marked cut, or the layer malformed).
 */
static size_t
name(struct brmsg *m, int f, size_t off, size_t pad)
{
	char buf[NAMEMAX * 4 + 1];
	size_t n, k = 0, end = pad > 0 ? off + pad : m->len;
	long long ch;

	if (m->c->err != ST_OK)
		return 0;
	for (n = off; n < end; n++) {
		if ((ch = le_at(m, n, 1)) < 0)
			break;
		if (ch == 0)
			break;
		if (k + 5 >= sizeof(buf))
			continue;
		if (ch >= 0x20 && ch < 0x7f)
			buf[k++] = (char)ch;
		else
			k += (size_t)snprintf(buf + k, sizeof(buf) - k,
			    "\\x%02x", (unsigned)ch);
	}
	buf[k] = '\0';
	if (pad > 0) {
		if (end > m->len) {
			m->c->err = ST_ETRUNC;
			return 0;
		}
		if (st_dtext(m->d, m->c, &br_fields[f], off, pad, buf) ==
		    NULL) {
			m->c->err = ST_ETRUNC;
			return 0;
		}
		return end;
	}
	if (n >= m->len) {		/* no NUL */
		if (m->d->pkt->caplen < m->d->pkt->len)
			m->c->err = ST_ETRUNC;
		else
			st_dmalformed(m->d, "a name has no NUL");
		return 0;
	}
	st_dtext(m->d, m->c, &br_fields[f], off, n + 1 - off, buf);
	return n + 1;
}

/* The Windows version Wireshark names by the OS major and minor
 * versions (an empty name for others). */
static const char *
winver(long long maj, long long min)
{
	if (maj == 6 && min == 1)
		return "Windows 7 or Windows Server 2008 R2";
	if (maj == 6 && min == 0)
		return "Windows Vista or Windows Server 2008";
	if (maj == 5 && min == 2)
		return "Windows Server 2003 R2 or Windows Server 2003";
	if (maj == 5 && min == 1)
		return "Windows XP";
	if (maj == 5 && min == 0)
		return "Windows 2000";
	return "";
}

/* The OS version at off: Wireshark's name for it, then its bytes. */
static void
osver(struct brmsg *m, size_t off)
{
	long long maj = le_at(m, off, 1), min = le_at(m, off + 1, 1);

	if (maj >= 0 && min >= 0 && m->c->err == ST_OK)
		st_dtext(m->d, m->c, &br_fields[F_WINVER], off, 2,
		    winver(maj, min));
	num(m, F_OSMAJ, off, 1, 1, NULL, 0);
	num(m, F_OSMIN, off + 1, 1, 1, NULL, 0);
}

/* A host, local master or domain announcement to \MAILSLOT\BROWSE. */
static void
announce(struct brmsg *m, unsigned cmd)
{
	long long sig;

	num(m, F_UPDATE, 1, 1, 1, NULL, 0);
	num(m, F_PERIOD, 2, 4, 1, NULL, 0);
	if (name(m, F_SERVER, 6, HOSTNAME_LEN) == 0)
		return;
	osver(m, 22);
	num(m, F_STYPE, 24, 4, 1, BITS(stype_bits));
	/* a domain announcement's last four bytes are no version and
	 * signature unless the signature is there */
	sig = le_at(m, 30, 2);
	if (cmd == C_DOMAIN && sig != 0xaa55)
		num(m, F_MYST, 28, 4, 1, NULL, 0);
	else {
		num(m, F_PMAJ, 28, 1, 1, NULL, 0);
		num(m, F_PMIN, 29, 1, 1, NULL, 0);
		num(m, F_SIG, 30, 2, 1, NULL, 0);
	}
	if (m->c->err == ST_OK)
		name(m, cmd == C_DOMAIN ? F_MBSERVER : F_COMMENT, 32, 0);
}

/* The same announcements to \MAILSLOT\LANMAN: the server type first, a
 * periodicity in seconds (shown in milliseconds), NUL-terminated names. */
static void
announce_lanman(struct brmsg *m, unsigned cmd)
{
	size_t off;

	num(m, F_UPDATE, 1, 1, 1, NULL, 0);
	num(m, F_STYPE, 2, 4, 1, BITS(stype_bits));
	osver(m, 6);
	num(m, F_PERIOD, 8, 2, 1000, NULL, 0);
	if ((off = name(m, F_SERVER, 10, 0)) == 0)
		return;
	name(m, cmd == C_DOMAIN ? F_MBSERVER : F_COMMENT, off, 0);
}

static void
election(struct brmsg *m)
{
	num(m, F_EVERSION, 1, 1, 1, NULL, 0);
	num(m, F_CRITERIA, 2, 4, 1, NULL, 0);
	num(m, F_DESIRE, 2, 1, 1, BITS(desire_bits));
	num(m, F_PMAJ, 3, 1, 1, NULL, 0);
	num(m, F_PMIN, 4, 1, 1, NULL, 0);
	num(m, F_EOS, 5, 1, 1, BITS(eos_bits));
	num(m, F_UPTIME, 6, 4, 1, NULL, 0);
	/* four reserved bytes, then the sender's name */
	if (m->c->err == ST_OK)
		name(m, F_SERVER, 14, 0);
}

static void
backup_list(struct brmsg *m)
{
	long long n = num(m, F_BCOUNT, 1, 1, 1, NULL, 0);
	size_t off = 6;
	long long i;

	num(m, F_BTOKEN, 2, 4, 1, NULL, 0);
	for (i = 0; i < n && i < BACKUPS_MAX && m->c->err == ST_OK &&
	    off < m->len; i++)
		if ((off = name(m, F_BSERVER, off, 0)) == 0)
			return;
}

/* Whether the message came to \MAILSLOT\LANMAN: the name of the SMB
 * Transaction that carries it says (the last one before this layer). */
static int
to_lanman(const struct st_dctx *d)
{
	const struct st_field *f = NULL;
	unsigned i;

	for (i = d->ly->field0; i-- > 0; )
		if (strcmp(d->pkt->fields[i].desc->name, "smb.trans_name") ==
		    0) {
			f = &d->pkt->fields[i];
			break;
		}
	return f != NULL && f->meaning != NULL &&
	    strncmp(f->meaning, "\\MAILSLOT\\LANMAN", 16) == 0;
}

static int
br_decode(struct st_dctx *d, struct st_cur *c)
{
	struct brmsg m = { d, c, st_cur_left(c) };
	struct st_field *f;
	unsigned cmd;

	if ((f = st_dfield(d, c, &br_fields[F_CMD])) == NULL)
		return ST_ETRUNC;
	cmd = (unsigned)f->val;
	switch (cmd) {
	case C_HOST: case C_LOCAL_MASTER: case C_DOMAIN:
		if (to_lanman(d))
			announce_lanman(&m, cmd);
		else
			announce(&m, cmd);
		break;
	case C_REQUEST:
		if (!to_lanman(d)) {
			num(&m, F_UNUSED, 1, 1, 1, NULL, 0);
			name(&m, F_RESPNAME, 2, 0);
		}
		break;
	case C_ELECTION:
		if (!to_lanman(d))
			election(&m);
		break;
	case C_BACKUP_REQ:
		if (!to_lanman(d)) {
			num(&m, F_BCOUNT, 1, 1, 1, NULL, 0);
			num(&m, F_BTOKEN, 2, 4, 1, NULL, 0);
		}
		break;
	case C_BACKUP_RESP:
		if (!to_lanman(d))
			backup_list(&m);
		break;
	case C_MASTER:
		if (!to_lanman(d))
			name(&m, F_MBSERVER, 1, 0);
		break;
	case C_RESET:
		if (!to_lanman(d))
			num(&m, F_RESET, 1, 1, 1, BITS(reset_bits));
		break;
	case C_BECOME_BACKUP:
		if (!to_lanman(d))
			name(&m, F_PROMOTE, 1, 0);
		break;
	}
	if (d->ly->status == ST_LS_MALFORMED)
		return ST_EINVAL;
	if (c->err != ST_OK)
		return ST_ETRUNC;
	d->hdr = m.len;
	return ST_OK;
}

static const struct st_bind br_binds[] = {
	{ ST_KEY_PIPE, ST_PIPE_BROWSE },
};

/* "browser Host Announcement DJP95S0J", "browser Browser Election
 * Request DJP95S0J". */
static int
br_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NBROWSER];
	const struct st_valname *v;
	const struct st_field *nm;

	st_ly_fields(s->pkt, ly, br_fields, F_NBROWSER, f);
	st_out_puts(s->o, "browser");
	if (f[F_CMD] != NULL) {
		for (v = cmd_names; v->name != NULL &&
		    v->val != f[F_CMD]->val; v++)
			;
		if (v->name != NULL)
			st_out_printf(s->o, " %s", v->name);
		else
			st_out_printf(s->o, " command 0x%02x",
			    (unsigned)f[F_CMD]->val);
	}
	nm = f[F_SERVER] != NULL ? f[F_SERVER] : f[F_RESPNAME] != NULL ?
	    f[F_RESPNAME] : f[F_MBSERVER];
	if (nm != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, nm);
	}
	return 1;
}

static const struct st_field_desc *const br_keys[] = {
	&br_fields[F_CMD], &br_fields[F_SERVER], &br_fields[F_STYPE], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_browser = {
	.name = "browser",
	.ws = "browser",
	.title = "Microsoft Windows Browser Protocol",
	.rfc = "[MS-BRWS]",
	.role = ST_ROLE_APP,
	.fields = br_fields,
	.nfields = F_NBROWSER,
	.decode = br_decode,
	.binds = br_binds,
	.nbinds = NFIELDS(br_binds),
	/* @summary */
	.summary = br_summary,
	/* @views */
	.keys = br_keys,
	.color = "\033[35m",
	.explain = "The Windows browser service (Network Neighborhood): hosts "
	    "announce their name, OS version and server roles every few "
	    "minutes, workgroups their master browser, and browsers elect "
	    "the subnet's master by their criteria, all as messages to the "
	    "\\MAILSLOT\\BROWSE mailslot in SMB Transactions, broadcast as "
	    "NetBIOS datagrams on UDP 138.",
	/* @craft */
	/* @probes */
};
