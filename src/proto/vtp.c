/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * VTP, Cisco's VLAN Trunking Protocol, after SNAP (OUI 0x00000c, PID
 * 0x2003): switches of one management domain learn the VLANs a server
 * switch defines.  A version and a code byte, then by code:
 *
 *   1 Summary Advertisement: followers (subset adverts to come), the
 *     domain (its length, 32 bytes NUL-padded), the configuration
 *     revision, the updater's IPv4 address, the update time as 12 ASCII
 *     digits (yymmddhhmmss) and an MD5 digest;
 *   2 Subset Advertisement: sequence number, domain, revision, then one
 *     VLAN information record per VLAN: its length (its own byte
 *     counted), status, type, name length, ISL VLAN ID, MTU, 802.10 SAID,
 *     the name padded to 4 bytes, then TLVs of a type and a length in
 *     2-byte words;
 *   3 Advertisement Request: a reserved byte, the domain, the first VLAN
 *     wanted;
 *   4 Join: a reserved byte, the domain, the first and last VLAN ID, and
 *     a bitmap of the VLANs active on the link (bit 7 of the first byte
 *     is the first VLAN).
 */
#include "strata/out.h"
#include "fields.h"

#define VTP_MDLEN	32
#define VTP_MAXREC	1024	/* VLAN records read */
#define VTP_MAXTLV	64	/* TLVs in one record */

static const struct st_valname code_names[] = {
	{ 1, "Summary Advertisement" }, { 2, "Subset Advertisement" },
	{ 3, "Advertisement Request" }, { 4, "Join/Prune Message" },
	{ 0, NULL }
};

static const struct st_valname vtype_names[] = {
	{ 1, "Ethernet" }, { 2, "FDDI" }, { 3, "TrCRF" }, { 4, "FDDI-net" },
	{ 5, "TrBRF" }, { 0, NULL }
};

static const struct st_valname tlv_names[] = {
	{ 1, "Source-Routing Ring Number" },
	{ 2, "Source-Routing Bridge Number" },
	{ 3, "Spanning-Tree Protocol Type" }, { 4, "Parent VLAN" },
	{ 5, "Translationally Bridged VLANs" }, { 6, "Pruning" },
	{ 7, "Bridge Type" }, { 8, "Max ARE Hop Count" },
	{ 9, "Max STE Hop Count" }, { 10, "Backup CRF Mode" }, { 0, NULL }
};

static const struct st_valname stp_names[] = {
	{ 1, "SRT" }, { 2, "SRB" }, { 3, "Auto" }, { 0, NULL }
};

static const struct st_valname bridge_names[] = {
	{ 1, "SRT" }, { 2, "SRB" }, { 0, NULL }
};

static const struct st_valname pruning_names[] = {
	{ 1, "Enabled" }, { 2, "Disabled" }, { 0, NULL }
};

static const struct st_valname crf_names[] = {
	{ 1, "TrCRF is configured as a backup" },
	{ 2, "TrCRF is not configured as a backup" }, { 0, NULL }
};

enum { F_VERS, F_CODE, F_FOLLOW, F_SEQ, F_RES, F_MDLEN, F_MD, F_REV,
	F_UPDID, F_UPDTS, F_MD5, F_START, F_FIRST, F_LAST, F_ACTIVE,
	/* a VLAN record, from its length byte */
	F_ILEN, F_STATUS, F_SUSP, F_VTYPE, F_NLEN, F_ISL, F_MTU, F_SAID,
	F_VNAME,
	/* a record's TLV, from its type byte */
	F_TTYPE, F_TLEN, F_TV1, F_TDATA = F_TV1 + 10 };

static const struct st_field_desc vtp_fields[] = {
	FD("version", "vtp.version", "Version", 0, 8, ST_FMT_HEX),
	FDN("code", "vtp.code", "Code", 8, 8, ST_FMT_HEX, code_names),
	FD(NULL, "vtp.followers", "Followers", 16, 8, ST_FMT_DEC),
	FD(NULL, "vtp.seq_num", "Sequence Number", 16, 8, ST_FMT_DEC),
	FD(NULL, "vtp.reserved", "Reserved", 16, 8, ST_FMT_BYTES),
	FD(NULL, "vtp.md_len", "Management Domain Length", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "vtp.md", "Management Domain", 32, 256, ST_FMT_TEXT),
	FD(NULL, "vtp.conf_rev_num", "Configuration Revision Number", 288,
	    32, ST_FMT_DEC),
	FD(NULL, "vtp.upd_id", "Updater Identity", 320, 32, ST_FMT_IPV4),
	FD(NULL, "vtp.upd_ts", "Update Timestamp", 352, 96, ST_FMT_TEXT),
	FD(NULL, "vtp.md5_digest", "MD5 Digest", 448, 128, ST_FMT_BYTES),
	FD(NULL, "vtp.start_value", "Start Value", 288, 16, ST_FMT_HEX),
	FD(NULL, "vtp.pruning.first", "First VLAN ID", 288, 16, ST_FMT_DEC),
	FD(NULL, "vtp.pruning.last", "Last VLAN ID", 304, 16, ST_FMT_DEC),
	FD(NULL, "vtp.pruning.active", "VLAN", 0, 8, ST_FMT_DEC),
	FD(NULL, "vtp.vlan_info.len", "VLAN Information Length", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "vtp.vlan_info.status", "Status", 8, 8, ST_FMT_HEX),
	FDD(NULL, "vtp.vlan_info.status.vlan_susp", "VLAN suspended", 15, 1,
	    ST_FMT_BOOL),
	FDN(NULL, "vtp.vlan_info.vlan_type", "VLAN Type", 16, 8, ST_FMT_HEX,
	    vtype_names),
	FD(NULL, "vtp.vlan_info.vlan_name_len", "VLAN Name Length", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "vtp.vlan_info.isl_vlan_id", "ISL VLAN ID", 32, 16,
	    ST_FMT_HEX),
	FD(NULL, "vtp.vlan_info.mtu_size", "MTU Size", 48, 16, ST_FMT_DEC),
	FD(NULL, "vtp.vlan_info.802_10_index", "802.10 Index", 64, 32,
	    ST_FMT_HEX),
	FD(NULL, "vtp.vlan_info.vlan_name", "VLAN Name", 96, 0, ST_FMT_TEXT),
	FDN(NULL, "vtp.vlan_info.tlv_type", "Type", 0, 8, ST_FMT_HEX,
	    tlv_names),
	FD(NULL, "vtp.vlan_info.tlv_len", "Length", 8, 8, ST_FMT_DEC),
	/* the TLVs' 2-byte values, by type 1..10 */
	FD(NULL, "vtp.vlan_info.src_route_ring_num",
	    "Source-Routing Ring Number", 16, 16, ST_FMT_HEX),
	FD(NULL, "vtp.vlan_info.src_route_bridge_num",
	    "Source-Routing Bridge Number", 16, 16, ST_FMT_HEX),
	FDN(NULL, "vtp.vlan_info.stp_type", "Spanning-Tree Protocol Type", 16,
	    16, ST_FMT_HEX, stp_names),
	FD(NULL, "vtp.vlan_info.parent_vlan", "Parent VLAN", 16, 16,
	    ST_FMT_HEX),
	FD(NULL, "vtp.vlan_info.translationally_bridged_vlans",
	    "Translationally Bridged VLANs", 16, 16, ST_FMT_HEX),
	FDN(NULL, "vtp.vlan_info.pruning", "Pruning", 16, 16, ST_FMT_HEX,
	    pruning_names),
	FDN(NULL, "vtp.vlan_info.bridge_type", "Bridge Type", 16, 16,
	    ST_FMT_HEX, bridge_names),
	FD(NULL, "vtp.vlan_info.max_are_hop_count", "Max ARE Hop Count", 16,
	    16, ST_FMT_DEC),
	FD(NULL, "vtp.vlan_info.max_ste_hop_count", "Max STE Hop Count", 16,
	    16, ST_FMT_DEC),
	FDN(NULL, "vtp.vlan_info.backup_crf_mode", "Backup CRF Mode", 16, 16,
	    ST_FMT_HEX, crf_names),
	FD(NULL, "vtp.vlan_info.data", "Data", 16, 0, ST_FMT_BYTES),
};

#define V(i)	(&vtp_fields[(i)])

/* n bytes at c's position plus off as tshark's ASCII string, as fd. */
static void
ascii(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off, size_t n)
{
	char text[256 * 4 + 1];
	size_t k = n < 256 ? n : 256;

	if (!st_cur_need(c, off + n))
		return;
	st_escape_ascii(c->base + c->off + off, k, text, sizeof(text));
	st_dtext(d, c, fd, off, n, text);
}

/* The domain's length byte and its 32 bytes. */
static void
domain(struct st_dctx *d, struct st_cur *c)
{
	st_dfield(d, c, V(F_MDLEN));
	ascii(d, c, V(F_MD), 4, VTP_MDLEN);
}

/* The TLVs of a record from byte pos of it to byte end (its length). */
static void
rec_tlvs(struct st_dctx *d, struct st_cur *r, size_t pos, size_t end)
{
	struct st_cur t;
	unsigned type, i;
	size_t n;

	for (i = 0; i < VTP_MAXTLV && pos < end; i++) {
		t = *r;
		t.off += pos;
		type = (unsigned)st_peek_bits(&t, 0, 8);
		n = 2 * (size_t)st_peek_bits(&t, 8, 8);
		if (st_dfields(d, &t, V(F_TTYPE), 2) != ST_OK)
			return;
		/* A known type's value is one word; another length is
		 * only marked by Wireshark. */
		if (type >= 1 && type <= 10) {
			if (n == 2)
				st_dfield(d, &t, V(F_TV1 + type - 1));
		} else if (n > 0)
			st_dbytes(d, &t, V(F_TDATA), 2, n);
		if (t.err != ST_OK)
			return;
		pos += 2 + n;
	}
}

/* A VLAN record of n bytes runs past the bytes at hand: cut by the
 * capture, or longer than the frame. */
static int
cut(struct st_dctx *d, size_t n)
{
	if (d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	return st_dmalformed(d, "VLAN record of %zu bytes past the end", n);
}

/*
 * The VLAN records of a subset advertisement from byte pos of c.  A
 * record's fields are read as its bytes lay them out even when its
 * length is shorter (as Wireshark does); the next starts where the
 * length says.  Returns ST_ETRUNC when the capture cuts a record,
 * ST_EINVAL when one runs past the frame or its fields past its length.
 */
static int
records(struct st_dctx *d, struct st_cur *c, size_t pos)
{
	size_t left = st_cur_left(c), len, fixed;
	int bad = 0;
	struct st_cur r;
	unsigned i;

	for (i = 0; i < VTP_MAXREC && pos < left; i++) {
		r = *c;
		r.off += pos;
		len = (size_t)st_peek_bits(&r, 0, 8);
		if (len == 0) {
			st_dfield(d, &r, V(F_ILEN));
			return st_dmalformed(d, "VLAN record of length 0");
		}
		/* Wireshark shows nothing of a record cut short. */
		if (!st_cur_need(&r, len))
			return cut(d, len);
		st_dfields(d, &r, V(F_ILEN), F_VNAME - F_ILEN);
		fixed = 12 + 4 * (((size_t)st_peek_bits(&r, 24, 8) + 3) / 4);
		if (r.err == ST_OK && fixed > 12)
			ascii(d, &r, V(F_VNAME), 12, fixed - 12);
		if (r.err != ST_OK)
			return cut(d, fixed);
		if (fixed > len)
			bad = 1;
		else if (fixed < len)
			rec_tlvs(d, &r, fixed, len);
		pos += len;
	}
	if (bad)
		return st_dmalformed(d, "a VLAN record shorter than its name");
	return ST_OK;
}

/* The bitmap of a join from byte 40: one field per active VLAN. */
static void
join_bitmap(struct st_dctx *d, struct st_cur *c, uint16_t vlan)
{
	size_t left = st_cur_left(c), i;
	struct st_field *f;
	struct st_cur b;
	unsigned bits, k;

	for (i = 40; i < left; i++) {
		b = *c;
		b.off += i;
		bits = st_get_u8(&b);
		for (k = 0; k < 8; k++, vlan++) {
			if ((bits & (0x80u >> k)) == 0)
				continue;
			b.off = c->off + i;
			if ((f = st_dfield(d, &b, V(F_ACTIVE))) != NULL)
				f->val = vlan;
		}
	}
}

static int
vtp_decode(struct st_dctx *d, struct st_cur *c)
{
	unsigned code;
	int rc = ST_OK;

	d->plen = 0;
	d->hdr = st_cur_left(c);
	if (st_dfields(d, c, vtp_fields, 2) != ST_OK)
		return c->err;
	code = (unsigned)st_peek_bits(c, 8, 8);
	switch (code) {
	case 1:
		st_dfield(d, c, V(F_FOLLOW));
		domain(d, c);
		st_dfields(d, c, V(F_REV), 2);
		ascii(d, c, V(F_UPDTS), 44, 12);
		st_dfield(d, c, V(F_MD5));
		break;
	case 2:
		st_dfield(d, c, V(F_SEQ));
		domain(d, c);
		st_dfield(d, c, V(F_REV));
		if (c->err == ST_OK)
			rc = records(d, c, 40);
		break;
	case 3:
		st_dfield(d, c, V(F_RES));
		domain(d, c);
		st_dfield(d, c, V(F_START));
		break;
	case 4:
		st_dfield(d, c, V(F_RES));
		domain(d, c);
		st_dfields(d, c, V(F_FIRST), 2);
		if (c->err == ST_OK)
			join_bitmap(d, c, (uint16_t)st_peek_bits(c, 288, 16));
		break;
	}
	if (c->err != ST_OK)
		return c->err;
	return rc;
}

static const struct st_bind vtp_binds[] = {
	{ ST_KEY_SNAP, 0x00000c2003 },
};

/* "VTPv1 Subset Advertisement, domain 'strata', revision 5". */
static int
vtp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_REV + 1];
	const char *nm;

	st_ly_fields(s->pkt, ly, vtp_fields, F_REV + 1, f);
	if (f[F_CODE] == NULL)
		return 0;
	nm = st_valname(code_names, (uint32_t)f[F_CODE]->val);
	st_out_printf(s->o, "VTPv%u ", (unsigned)f[F_VERS]->val);
	if (nm != NULL)
		st_out_puts(s->o, nm);
	else
		st_out_printf(s->o, "code %u", (unsigned)f[F_CODE]->val);
	if (f[F_MD] != NULL && f[F_MD]->meaning != NULL)
		st_out_printf(s->o, ", domain '%s'", f[F_MD]->meaning);
	if (f[F_REV] != NULL)
		st_out_printf(s->o, ", revision %u", (unsigned)f[F_REV]->val);
	return 1;
}

static const struct st_field_desc *const vtp_keys[] = {
	V(F_VERS), V(F_CODE), NULL,
};

const struct st_proto st_proto_vtp = {
	.name = "vtp",
	.ws = "vtp",
	.title = "VLAN Trunking Protocol",
	.rfc = "Cisco",
	.role = ST_ROLE_CONTROL,
	.fields = vtp_fields,
	.nfields = NFIELDS(vtp_fields),
	.decode = vtp_decode,
	.binds = vtp_binds,
	.nbinds = NFIELDS(vtp_binds),
	.summary = vtp_summary,
	.keys = vtp_keys,
	.color = "\033[35m",
	.explain_bits = 16,
	.explain = "A VTP server switch tells the switches of its management "
	    "domain which VLANs exist.  Every few minutes, and at each "
	    "change, it sends a Summary Advertisement (the domain, the "
	    "configuration revision, who changed it last and when, an MD5 "
	    "digest of the configuration and a password) followed by Subset "
	    "Advertisements listing each VLAN (ID, type, MTU, name); a switch "
	    "whose revision is older asks for them with an Advertisement "
	    "Request.  A higher revision wins, which is why a switch added "
	    "with a stale high revision can wipe a domain's VLANs.  Join "
	    "messages carry a bitmap of the VLANs active on a trunk, for "
	    "pruning.",
};
