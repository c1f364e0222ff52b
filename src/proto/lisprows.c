/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LISP control's field table and value names (lispctl.c's companion): one
 * row per field Wireshark names, the records, locators and LCAFs included,
 * each placed from the start of its part; and how long an address of each
 * AFI is and how it is written.
 */
#include <arpa/inet.h>
#include <stdio.h>

#include "lispctl.h"

const struct st_valname lisp_type_names[] = {
	{ T_MREQ, "Map-Request" }, { T_MREP, "Map-Reply" },
	{ T_MREG, "Map-Register" }, { T_MNOT, "Map-Notify" },
	{ T_MREF, "Map-Referral" }, { T_INFO, "Info" },
	{ T_ECM, "Encapsulated Control Message" }, { 0, NULL }
};

static const struct st_valname afi_names[] = {
	{ 0, "Reserved" }, { 1, "IP (IP version 4)" },
	{ 2, "IP6 (IP version 6)" }, { 6, "802 (Ethernet)" },
	{ 16387, "LISP Canonical Address Format (LCAF)" },
	{ 16389, "48-bit MAC" }, { 0, NULL }
};

const struct st_valname lisp_act_names[] = {
	{ 0, "No-Action" }, { 1, "Natively-Forward" },
	{ 2, "Send-Map-Request" }, { 3, "Drop/No-Reason" },
	{ 4, "Drop/Policy-Denied" }, { 5, "Drop/Authentication-Failure" },
	{ 6, "Forward-For-Unknown-Address" }, { 0, NULL }
};

const struct st_valname lisp_lcaf_names[] = {
	{ 0, "Null Body" }, { 1, "AFI List" }, { 2, "Instance ID" },
	{ 3, "AS Number" }, { 4, "Application Data" },
	{ 5, "Geo Coordinates" }, { 6, "Opaque Key" }, { 7, "NAT Traversal" },
	{ 8, "Nonce Locator" }, { 9, "Multicast Info" },
	{ 10, "Explicit Locator Path" }, { 11, "Security Key" },
	{ 12, "Source/Dest Key" }, { 13, "Replication List Entry" },
	{ 14, "JSON Data Model" }, { 15, "Key/Value Address Pair" },
	{ 255, "Vendor Specific LCAF" }, { 0, NULL }
};

const struct st_field_desc lispctl_fields[F_NROWS] = {
	FDN("type", "lisp.type", "Type", 0, 4, ST_FMT_DEC, lisp_type_names),
	FD("records", "lisp.records", "Record Count", 24, 8, ST_FMT_DEC),
	FD("nonce", "lisp.nonce", "Nonce", 32, 64, ST_FMT_HEX),
	/* Map-Request */
	FD(NULL, "lisp.mreq.flags", "Flags", 4, 6, ST_FMT_HEX),
	FDD(NULL, "lisp.mreq.flags.auth", "A bit (Authoritative)", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreq.flags.mrp", "M bit (Map-Reply present)", 5, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreq.flags.probe", "P bit (Probe)", 6, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreq.flags.smr", "S bit (Solicit-Map-Request)", 7, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreq.flags.pitr", "p bit (Proxy ITR)", 8, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreq.flags.smri", "s bit (SMR-invoked)", 9, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lisp.mreq.res", "Reserved bits", 10, 9, ST_FMT_HEX),
	FD(NULL, "lisp.irc", "ITR-RLOC Count", 19, 5, ST_FMT_DEC),
	FDN(NULL, "lisp.mreq.srceid.afi", "Source EID AFI", 96, 16,
	    ST_FMT_DEC, afi_names),
	FD(NULL, "lisp.mreq.srceid.string", "Source EID", 112, 0,
	    ST_FMT_TEXT),
	FD(NULL, "lisp.mreq.srceid.ipv4", "Source EID", 112, 32, ST_FMT_IPV4),
	FD(NULL, "lisp.mreq.srceid_ipv6", "Source EID", 112, 128,
	    ST_FMT_IPV6),
	FD(NULL, "lisp.mreq.srceid.mac", "Source EID", 112, 48, ST_FMT_MAC),
	/* an ITR-RLOC, from its AFI */
	FD(NULL, "lisp.mreq.itr_rloc", "ITR-RLOC", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "lisp.mreq.itr_rloc.afi", "ITR-RLOC AFI", 0, 16, ST_FMT_DEC,
	    afi_names),
	FD(NULL, "lisp.mreq.itr_rloc_ipv4", "ITR-RLOC Address", 16, 32,
	    ST_FMT_IPV4),
	FD(NULL, "lisp.mreq.itr_rloc_ipv6", "ITR-RLOC Address", 16, 128,
	    ST_FMT_IPV6),
	/* a Map-Request record, from its start */
	FD(NULL, "lisp.mreq.record", "Map-Request Record", 0, 0, ST_FMT_TEXT),
	FD(NULL, "lisp.mreq.record.res", "Reserved", 0, 8, ST_FMT_HEX),
	FD(NULL, "lisp.mreq.record.prefix.length", "Prefix Length", 8, 8,
	    ST_FMT_DEC),
	FDN(NULL, "lisp.mreq.record.prefix.afi", "Prefix AFI", 16, 16,
	    ST_FMT_DEC, afi_names),
	FD(NULL, "lisp.mreq.record.prefix.ipv4", "Prefix", 32, 32,
	    ST_FMT_IPV4),
	FD(NULL, "lisp.mreq.record.prefix.ipv6", "Prefix", 32, 128,
	    ST_FMT_IPV6),
	FD(NULL, "lisp.mreq.record.prefix.mac", "Prefix", 32, 48, ST_FMT_MAC),
	FD(NULL, "lisp.mrep.record", "Map-Reply Record", 0, 0, ST_FMT_TEXT),
	/* Map-Reply */
	FDD(NULL, "lisp.mrep.flags.probe", "P bit (Probe)", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mrep.flags.enlr", "E bit (Echo-Nonce locator "
	    "reachability algorithm enabled)", 5, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp.mrep.flags.sec", "S bit (LISP-SEC capable)", 6, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lisp.mrep.res", "Reserved bits", 7, 17, ST_FMT_HEX),
	/* Map-Register */
	FDD(NULL, "lisp.mreg.flags.pmr", "P bit (Proxy-Map-Reply)", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreg.flags.sec", "S bit (LISP-SEC capable)", 5, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreg.flags.xtrid", "I bit (xTR-ID present)", 6, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mreg.flags.rtr", "R bit (Built for an RTR)", 7, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lisp.mreg.res", "Reserved bits", 8, 15, ST_FMT_HEX),
	FDD(NULL, "lisp.mreg.flags.wmn", "M bit (Want-Map-Notify)", 23, 1,
	    ST_FMT_BOOL),
	/* Map-Notify */
	FDD(NULL, "lisp.mnot.flags.xtrid", "I bit (xTR-ID present)", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.mnot.flags.rtr", "R bit (Built for an RTR)", 5, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lisp.mnot.res", "Reserved bits", 6, 18, ST_FMT_HEX),
	/* Map-Referral */
	FD(NULL, "lisp.mref.res", "Reserved bits", 4, 20, ST_FMT_HEX),
	/* Encapsulated Control Message */
	FDD(NULL, "lisp.ecm.flags.sec", "S bit (LISP-SEC capable)", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.ecm.flags.ddt", "D bit (DDT-originated)", 5, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lisp.ecm.res", "Reserved bits", 6, 26, ST_FMT_HEX),
	/* after the nonce of a Map-Register or Map-Notify */
	FD(NULL, "lisp.keyid", "Key ID", 96, 16, ST_FMT_HEX),
	FD(NULL, "lisp.authlen", "Authentication Data Length", 112, 16,
	    ST_FMT_DEC),
	FD(NULL, "lisp.auth", "Authentication Data", 0, 0, ST_FMT_BYTES),
	FD(NULL, "lisp.xtrid", "xTR-ID", 0, 128, ST_FMT_BYTES),
	FD(NULL, "lisp.siteid", "Site-ID", 128, 64, ST_FMT_BYTES),
	FD(NULL, "lisp.msrtr.keyid", "MS-RTR Key ID", 0, 16, ST_FMT_HEX),
	FD(NULL, "lisp.msrtr.authlen", "MS-RTR Authentication Data Length",
	    16, 16, ST_FMT_DEC),
	FD(NULL, "lisp.msrtr.auth", "MS-RTR Authentication Data", 0, 0,
	    ST_FMT_BYTES),
	/* a mapping record */
	FD(NULL, "lisp.mapping", "Mapping Record", 0, 0, ST_FMT_TEXT),
	FD(NULL, "lisp.mapping.ttl", "Record TTL", 0, 32, ST_FMT_DEC),
	FD(NULL, "lisp.mapping.loccnt", "Locator Count", 32, 8, ST_FMT_DEC),
	FD(NULL, "lisp.mapping.eid.masklen", "EID Mask Length", 40, 8,
	    ST_FMT_DEC),
	FDN(NULL, "lisp.mapping.act", "Action", 48, 3, ST_FMT_DEC, lisp_act_names),
	FDD(NULL, "lisp.mapping.auth", "Authoritative bit", 51, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lisp.referral.incomplete", "Incomplete", 52, 1,
	    ST_FMT_BOOL),
	FD(NULL, "lisp.mapping.res1", "Reserved", 53, 11, ST_FMT_HEX),
	FD(NULL, "lisp.mapping.res2", "Reserved", 64, 4, ST_FMT_HEX),
	FD(NULL, "lisp.referral.sigcnt", "Signature Count", 64, 4,
	    ST_FMT_DEC),
	FD(NULL, "lisp.mapping.ver", "Mapping Version", 68, 12, ST_FMT_DEC),
	FDN(NULL, "lisp.mapping.eid.afi", "EID Prefix AFI", 80, 16,
	    ST_FMT_DEC, afi_names),
	FD(NULL, "lisp.mapping.eid.ipv4", "EID Prefix", 96, 32, ST_FMT_IPV4),
	FD(NULL, "lisp.mapping.eid.ipv6", "EID Prefix", 96, 128, ST_FMT_IPV6),
	FD(NULL, "lisp.mapping.eid.mac", "EID Prefix", 96, 48, ST_FMT_MAC),
	/* a locator record */
	FD(NULL, "lisp.loc", "Locator Record", 0, 0, ST_FMT_TEXT),
	FD(NULL, "lisp.loc.priority", "Priority", 0, 8, ST_FMT_DEC),
	FD(NULL, "lisp.loc.weight", "Weight", 8, 8, ST_FMT_DEC),
	FD(NULL, "lisp.loc.multicast_priority", "Multicast Priority", 16, 8,
	    ST_FMT_DEC),
	FD(NULL, "lisp.loc.multicast_weight", "Multicast Weight", 24, 8,
	    ST_FMT_DEC),
	FD(NULL, "lisp.loc.flags", "Flags", 32, 16, ST_FMT_HEX),
	FDD(NULL, "lisp.loc.flags.res", "Reserved", 32, 13, ST_FMT_HEX),
	FDD(NULL, "lisp.loc.flags.local", "Local", 45, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp.loc.flags.probe", "Probe", 46, 1, ST_FMT_BOOL),
	FDD(NULL, "lisp.loc.flags.reach", "Reachable", 47, 1, ST_FMT_BOOL),
	FDN(NULL, "lisp.loc.afi", "AFI", 48, 16, ST_FMT_DEC, afi_names),
	FD(NULL, "lisp.loc.locator", "Locator", 64, 0, ST_FMT_TEXT),
	/* an LCAF */
	FD(NULL, "lisp.lcaf", "LCAF", 0, 0, ST_FMT_TEXT),
	FD(NULL, "lisp.lcaf.header", "LCAF Header", 0, 48, ST_FMT_BYTES),
	FD(NULL, "lisp.lcaf.res1", "Reserved bits", 0, 8, ST_FMT_HEX),
	FD(NULL, "lisp.lcaf.flags", "Flags", 8, 8, ST_FMT_HEX),
	FDN(NULL, "lisp.lcaf.type", "Type", 16, 8, ST_FMT_DEC, lisp_lcaf_names),
	FD(NULL, "lisp.lcaf.res2", "Reserved bits", 24, 8, ST_FMT_HEX),
	FD(NULL, "lisp.lcaf.length", "Length", 32, 16, ST_FMT_DEC),
	FD(NULL, "lisp.lcaf.iid", "Instance ID", 48, 32, ST_FMT_DEC),
	FDN(NULL, "lisp.lcaf.iid.afi", "Address AFI", 80, 16, ST_FMT_DEC,
	    afi_names),
	FD(NULL, "lisp.lcaf.iid.ipv4", "Address", 96, 32, ST_FMT_IPV4),
	FD(NULL, "lisp.lcaf.iid.ipv6", "Address", 96, 128, ST_FMT_IPV6),
	FD(NULL, "strata.lisp.lcaf.body", "LCAF body (not decoded)", 0, 0,
	    ST_FMT_BYTES),
	/* Info: the flag and reserved bits, then after the authentication
	 * data, from its end */
	/* not a detail: the summary tells a request from a reply by it */
	FD(NULL, "lisp.info.r", "R bit (Info-Reply)", 4, 1, ST_FMT_BOOL),
	FD(NULL, "lisp.info.res1", "Reserved bits", 5, 27, ST_FMT_HEX),
	FD(NULL, "lisp.info.ttl", "TTL", 0, 32, ST_FMT_DEC),
	FD(NULL, "lisp.info.res2", "Reserved bits", 32, 8, ST_FMT_HEX),
	FD(NULL, "lisp.info.prefix.masklen", "EID Prefix Mask Length", 40, 8,
	    ST_FMT_DEC),
	FDN(NULL, "lisp.info.prefix.afi", "Prefix AFI", 48, 16, ST_FMT_DEC,
	    afi_names),
	FD(NULL, "lisp.info.prefix.ipv4", "Prefix", 64, 32, ST_FMT_IPV4),
	FD(NULL, "lisp.info.prefix.ipv6", "Prefix", 64, 128, ST_FMT_IPV6),
	FDN(NULL, "lisp.info.afi", "AFI", 0, 16, ST_FMT_DEC, afi_names),
};

/*
 * The bytes of an address of AFI afi at byte off of c: 0 for none, -1
 * when the AFI is one strata cannot measure (or the LCAF's length is not
 * captured), which ends what can be read.
 */
long
lisp_addr_len(struct st_cur *c, size_t off, unsigned afi)
{
	switch (afi) {
	case AFI_NONE:
		return 0;
	case AFI_IPV4:
		return 4;
	case AFI_IPV6:
		return 16;
	case AFI_MAC:
	case AFI_EUI48:
		return 6;
	case AFI_LCAF:
		if (st_cur_left(c) < off + 6)
			return -1;
		return 6 + (long)st_peek_bits(c, off * 8 + 32, 16);
	}
	return -1;
}

/* An LCAF at byte off of c as text: an instance ID's address as
 * Wireshark writes it ("[7] 10.7.0.0"), else "LCAF". */
static const char *
lcaf_text(struct st_cur *c, size_t off, char *buf, size_t n)
{
	char a[INET6_ADDRSTRLEN];
	const uint8_t *p;
	struct st_cur w = *c;
	unsigned afi;
	int fam;

	w.off += off;
	if (st_cur_left(&w) < 12 || st_peek_bits(&w, 16, 8) != 2)
		return "LCAF";
	afi = (unsigned)st_peek_bits(&w, 80, 16);
	fam = afi == AFI_IPV4 ? AF_INET : AF_INET6;
	if ((afi != AFI_IPV4 && afi != AFI_IPV6) || !st_cur_skip(&w, 12) ||
	    (p = st_get_bytes(&w, afi == AFI_IPV4 ? 4 : 16)) == NULL ||
	    inet_ntop(fam, p, a, sizeof(a)) == NULL)
		return "LCAF";
	snprintf(buf, n, "[%u] %s", (unsigned)st_peek_bits(c, off * 8 + 48,
	    32), a);
	return buf;
}

/* The address of AFI afi at byte off of c as text ("10.0.0.1"), in buf. */
const char *
lisp_addr_text(struct st_cur *c, size_t off, unsigned afi, char *buf, size_t n)
{
	const uint8_t *p;
	struct st_cur w = *c;

	w.off += off;
	switch (afi) {
	case AFI_NONE:
		return "not set";
	case AFI_IPV4:
	case AFI_IPV6:
		if ((p = st_get_bytes(&w, afi == AFI_IPV4 ? 4 : 16)) == NULL ||
		    inet_ntop(afi == AFI_IPV4 ? AF_INET : AF_INET6, p, buf,
		    (socklen_t)n) == NULL)
			return "?";
		return buf;
	case AFI_MAC:
	case AFI_EUI48:
		if ((p = st_get_bytes(&w, 6)) == NULL)
			return "?";
		snprintf(buf, n, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1],
		    p[2], p[3], p[4], p[5]);
		return buf;
	}
	return lcaf_text(c, off, buf, n);
}
