/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DNS's parts shared by its files: dns.c (header, sections, EDNS, the
 * descriptors of DNS, mDNS, LLMNR), dnsrr.c (names, the record data of
 * each type), dnssec.c (DNSSEC's records) and dnsrows.c (the rows).  One
 * protocol, four files only to keep each small; nothing else includes
 * this.
 */
#ifndef STRATA_PROTO_DNS_H
#define STRATA_PROTO_DNS_H

#include "fields.h"

#define DNS_HOPS	32	/* compression pointers followed per name */
#define DNS_MAXRR	256	/* questions and records decoded */
#define DNS_NAME	1024	/* an escaped name's text */

enum { R_QNAME, R_QTYPE, R_QCLASS, R_NAME, R_TYPE, R_CLASS, R_TTL, R_RDLEN,
	R_A, R_AAAA, R_CNAME, R_NS, R_PTR, R_MXPREF, R_MX, R_TXT, R_MNAME,
	R_RNAME, R_SERIAL, R_REFRESH, R_RETRY, R_EXPIRE, R_MIN, R_DATA,
	R_QNLEN, R_LABELS, R_UDPSIZE, R_EXTRCODE, R_EDNSVER, R_EZ, R_EZDO,
	R_EZRES, R_OPTCODE, R_OPTLEN, R_OPTDATA, R_CKCLIENT, R_CKSERVER,
	R_ECSFAM, R_ECSMASK, R_ECSSCOPE, R_ECS4, R_ECS6, R_QU, R_MQCLASS,
	R_FLUSH, R_MCLASS,
	/* record types after the first ones (dnsrr.c) */
	R_TXTLEN, R_SPFLEN, R_SPF,
	R_SRVSERVICE, R_SRVPROTO, R_SRVNAME, R_SRVPRIO, R_SRVWEIGHT,
	R_SRVPORT, R_SRVTARGET,
	R_NAPORDER, R_NAPPREF, R_NAPFLEN, R_NAPFLAGS, R_NAPSLEN, R_NAPSVC,
	R_NAPRLEN, R_NAPREGEX, R_NAPPLEN, R_NAPPL,
	R_RSTYPE, R_RSALG, R_RSLABELS, R_RSOTTL, R_RSEXP, R_RSINC, R_RSTAG,
	R_RSSIGNER, R_RSSIG,
	R_NSECNEXT,
	R_N3ALG, R_N3FLAGS, R_N3OPTOUT, R_N3ITER, R_N3SLEN, R_N3SALT,
	R_N3HLEN, R_N3HASH,
	R_SVPRIO, R_SVTARGET, R_SVKEY, R_SVVLEN, R_SVVAL, R_SVMAND,
	R_SVALPNLEN, R_SVALPN, R_SVPORT, R_SVV4, R_SVECH, R_SVV6,
	R_BMTYPE, R_PADDING,
	R_DSTAG, R_DSALG, R_DSDTYPE, R_DSDIGEST,
	R_KFLAGS, R_KZONE, R_KREV, R_KSEP, R_KPROTO, R_KALG, R_KID, R_KPUB,
	R_TLUSE, R_TLSEL, R_TLMATCH, R_TLDATA,
	R_SSALG, R_SSTYPE, R_SSFP,
	R_HICPULEN, R_HICPU, R_HIOSLEN, R_HIOS,
	R_RPMBOX, R_RPTXT,
	R_CAAFLAGS, R_CAACRIT, R_CAATAGLEN, R_CAATAG, R_CAAISSUE, R_CAAWILD,
	R_CAAIODEF, R_CAAUNK,
	R_KATIME, R_EECODE, R_EETEXT, R_CAAVAL, R_KRES,
	R_NRR
};

extern const struct st_field_desc st_dns_rr[R_NRR];

/* The message: a cursor over it, offsets from its first byte. */
struct dns_msg {
	struct st_cur	 c;		/* positioned at the message's start */
	size_t		 len;
	const char	*why;		/* what broke, when something did */
};

/* Whether n bytes at pos are inside the message. */
static inline int
dns_at(const struct dns_msg *m, size_t pos, size_t n)
{
	return pos <= m->len && n <= m->len - pos;
}

/* The byte at pos, which the caller checked with dns_at. */
static inline unsigned
dns_byte(const struct dns_msg *m, size_t pos)
{
	return m->c.base[m->c.off + pos];
}

/* Adds the name at *pos as field fd and moves past it; -1 with m->why set
 * when it breaks a rule. */
int st_dns_name(struct st_dctx *d, struct dns_msg *m, size_t *pos,
    const struct st_field_desc *fd);
/* A record's owner name at *pos, as Wireshark shows it for its type
 * (SRV's split in service, protocol, name); moves past it. */
int st_dns_owner(struct st_dctx *d, struct dns_msg *m, size_t *pos);
/* Rows first..last read at the cursor placed at pos (bit offsets from
 * there); the caller checked their bytes. */
void st_dns_rows(struct st_dctx *d, struct dns_msg *m, size_t pos,
    unsigned first, unsigned last);
/* Fixed rows first..rest-1 in the first hdr of n bytes at pos, the rest as
 * bytes row rest (DS, SSHFP, TLSA); -1 when n < hdr. */
int st_dns_fixed(struct st_dctx *d, struct dns_msg *m, size_t pos, size_t n,
    size_t hdr, unsigned first, unsigned rest);
/* A DNSSEC record (dnssec.c); 0 when shown, -1 to show bytes. */
int st_dns_sec(struct st_dctx *d, struct dns_msg *m, unsigned t, size_t pos,
    size_t n);
/* The data of one record of type t, n bytes at pos (checked). */
void st_dns_rdata(struct st_dctx *d, struct dns_msg *m, unsigned t,
    size_t pos, size_t n);

#endif
