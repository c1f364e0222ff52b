/*
 * Echo replies and ICMP errors as ping sees them: which packet answers
 * which request, and iputils' words for what went wrong.
 */
#include <stdio.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/ping.h"
#include "strata/protos.h"
#include "strata/view.h"

static int
fget(const struct st_packet *p, const struct st_layer *ly, const char *name,
    uint64_t *v)
{
	const struct st_field *f;

	if (ly == NULL || (f = st_pkt_field(p, ly, name)) == NULL)
		return 0;
	*v = f->val;
	return 1;
}

/* Address field name of layer ly equals addr (alen bytes). */
static int
addr_is(const struct st_packet *p, const struct st_layer *ly,
    const char *name, const uint8_t *addr, size_t alen)
{
	const struct st_field *f;
	const uint8_t *b;
	size_t n;

	if (ly == NULL || (f = st_pkt_field(p, ly, name)) == NULL ||
	    (b = st_field_bytes(p, f, &n)) == NULL || n != alen)
		return 0;
	return memcmp(b, addr, alen) == 0;
}

int
st_pkt_icmp(const struct st_packet *got, unsigned *type, unsigned *code)
{
	const struct st_layer *ly;
	uint64_t t, c;
	int v6 = 0;

	if ((ly = st_pkt_layer(got, "icmp", 0)) == NULL) {
		ly = st_pkt_layer(got, "icmpv6", 0);
		v6 = 1;
	}
	if (!fget(got, ly, v6 ? "icmpv6.type" : "icmp.type", &t) ||
	    !fget(got, ly, v6 ? "icmpv6.code" : "icmp.code", &c))
		return -1;
	*type = (unsigned)t;
	*code = (unsigned)c;
	return v6;
}

enum st_echo
st_echo_classify(const struct st_packet *got, int fam, const uint8_t *dst,
    uint16_t id, uint16_t *seq, unsigned *ttl, size_t *icmplen)
{
	const char *ip = fam == 6 ? "ipv6" : "ipv4";
	const char *icmp = fam == 6 ? "icmpv6" : "icmp";
	const char *fid = fam == 6 ? "icmpv6.echo.identifier" : "icmp.ident";
	const char *fseq = fam == 6 ? "icmpv6.echo.sequence_number" :
	    "icmp.seq";
	const struct st_layer *net = st_pkt_layer(got, ip, 0);
	const struct st_layer *ic = st_pkt_layer(got, icmp, 0), *qi, *qn;
	uint64_t type, v, s;
	size_t alen = fam == 6 ? 16 : 4;

	if (net == NULL || ic == NULL || !fget(got, ic, fam == 6 ?
	    "icmpv6.type" : "icmp.type", &type))
		return ST_ECHO_NONE;
	*icmplen = ic->len;
	*ttl = 0;
	if (fget(got, net, fam == 6 ? "ipv6.hlim" : "ip.ttl", &v))
		*ttl = (unsigned)v;
	if (type == (fam == 6 ? 129u : 0u)) {
		if (!fget(got, ic, fid, &v) || v != id ||
		    !fget(got, ic, fseq, &s) ||
		    !addr_is(got, net, fam == 6 ? "ipv6.src" : "ip.src", dst,
		    alen))
			return ST_ECHO_NONE;
		*seq = (uint16_t)s;
		return ST_ECHO_REPLY;
	}
	if ((fam == 4 && type != 3 && type != 4 && type != 5 && type != 11 &&
	    type != 12) || (fam == 6 && (type < 1 || type > 4)))
		return ST_ECHO_NONE;
	/* An error: the quoted packet must be our echo request. */
	qn = st_pkt_layer(got, ip, 1);
	qi = st_pkt_layer(got, icmp, 1);
	if (qn == NULL || qi == NULL || !addr_is(got, qn, fam == 6 ?
	    "ipv6.dst" : "ip.dst", dst, alen) || !fget(got, qi, fid, &v) ||
	    v != id || !fget(got, qi, fseq, &s))
		return ST_ECHO_NONE;
	*seq = (uint16_t)s;
	return ST_ECHO_ERROR;
}

void
st_pkt_src(const struct st_packet *got, char *buf, size_t n)
{
	const struct st_layer *ly = st_pkt_layer(got, "ipv4", 0);
	const struct st_field *f;
	const uint8_t *b;
	char tmp[ST_FMT_BUF];
	size_t len;

	snprintf(buf, n, "?");
	if (ly != NULL && (f = st_pkt_field(got, ly, "ip.src")) != NULL &&
	    (b = st_field_bytes(got, f, &len)) != NULL && len == 4)
		snprintf(buf, n, "%s", st_fmt_ipv4(tmp, b));
	else if ((ly = st_pkt_layer(got, "ipv6", 0)) != NULL &&
	    (f = st_pkt_field(got, ly, "ipv6.src")) != NULL &&
	    (b = st_field_bytes(got, f, &len)) != NULL && len == 16)
		snprintf(buf, n, "%s", st_fmt_ipv6(tmp, b));
}

static const char *const unreach4[] = {
	"Destination Net Unreachable", "Destination Host Unreachable",
	"Destination Protocol Unreachable", "Destination Port Unreachable",
	"Frag needed and DF set", "Source Route Failed",
	"Destination Net Unknown", "Destination Host Unknown",
	"Source Host Isolated", "Destination Net Prohibited",
	"Destination Host Prohibited",
	"Destination Net Unreachable for Type of Service",
	"Destination Host Unreachable for Type of Service",
	"Packet filtered", "Precedence Violation", "Precedence Cutoff"
};

static const char *const unreach6[] = {
	"No route", "Administratively prohibited",
	"Beyond scope of source address", "Address unreachable",
	"Port unreachable", "Source address failed ingress/egress policy",
	"Reject route to destination"
};

void
st_icmp_error_text(const struct st_packet *got, char *buf, size_t n)
{
	unsigned type, code;
	uint64_t v = 0;
	int v6 = st_pkt_icmp(got, &type, &code);
	const struct st_layer *ic = st_pkt_layer(got, v6 ? "icmpv6" : "icmp", 0);

	if (v6 < 0) {
		snprintf(buf, n, "Bad ICMP message");
		return;
	}
	if (v6) {
		switch (type) {
		case 1:
			snprintf(buf, n, "Destination unreachable: %s", code < 7 ?
			    unreach6[code] : "Unknown code");
			return;
		case 2:
			fget(got, ic, "icmpv6.mtu", &v);
			snprintf(buf, n, "Packet too big: mtu=%llu",
			    (unsigned long long)v);
			return;
		case 3:
			snprintf(buf, n, "Time exceeded: %s", code == 0 ?
			    "Hop limit" : "Defragmentation failure");
			return;
		case 4:
			fget(got, ic, "icmpv6.pointer", &v);
			snprintf(buf, n, "Parameter problem: pointer = %llu",
			    (unsigned long long)v);
			return;
		}
		snprintf(buf, n, "Unknown ICMPv6 type %u", type);
		return;
	}
	switch (type) {
	case 3:
		if (code == 4 && fget(got, ic, "icmp.mtu", &v)) {
			snprintf(buf, n, "Frag needed and DF set (mtu = %llu)",
			    (unsigned long long)v);
			return;
		}
		snprintf(buf, n, "%s", code < 16 ? unreach4[code] :
		    "Dest Unreachable, Bad Code");
		return;
	case 4:
		snprintf(buf, n, "Source Quench");
		return;
	case 5:
		snprintf(buf, n, "Redirect %s", code == 0 ? "Network" :
		    code == 1 ? "Host" : code == 2 ? "Type of Service and "
		    "Network" : "Type of Service and Host");
		return;
	case 11:
		snprintf(buf, n, "%s", code == 0 ? "Time to live exceeded" :
		    "Frag reassembly time exceeded");
		return;
	case 12:
		fget(got, ic, "icmp.pointer", &v);
		snprintf(buf, n, "Parameter problem: pointer = %llu",
		    (unsigned long long)v);
		return;
	}
	snprintf(buf, n, "Bad ICMP type: %u", type);
}

int
st_echo_token_ok(const struct st_packet *got, const uint8_t *token, size_t n)
{
	const struct st_layer *ly = NULL;
	unsigned i;
	size_t at;

	for (i = 0; i < got->nlayers; i++)
		if (got->layers[i].depth == 0 && (got->layers[i].proto ==
		    &st_proto_icmp || got->layers[i].proto == &st_proto_icmpv6))
			ly = &got->layers[i];
	if (ly == NULL)
		return 0;
	at = (size_t)ly->off + 8 + 16;
	return at + n <= got->caplen && memcmp(got->data + at, token, n) == 0;
}

int
st_echo_bad_checksum(const struct st_packet *got)
{
	const struct st_layer *l = st_pkt_layer(got, "icmp", 0);
	const struct st_field *f;

	if (l == NULL)
		l = st_pkt_layer(got, "icmpv6", 0);
	f = l != NULL ? st_pkt_field(got, l, l->proto == &st_proto_icmp ?
	    "icmp.checksum" : "icmpv6.checksum") : NULL;
	return f != NULL && f->ck == ST_CK_BAD;
}
