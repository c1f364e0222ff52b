/*
 * Which received packet answers the one sent.  Both are decoded models,
 * so the matcher reads fields by name, never raw bytes: an echo reply with
 * the request's identifier and sequence from its destination; an ICMP
 * error whose quoted header is the packet sent; a TCP or UDP segment from
 * the destination port back to the source port.
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/net.h"

/* Field na of layer la and nb of lb: 1 when both exist and are equal. */
static int
same(const struct st_packet *a, const struct st_layer *la, const char *na,
    const struct st_packet *b, const struct st_layer *lb, const char *nb)
{
	const struct st_field *fa, *fb;

	return la != NULL && lb != NULL &&
	    (fa = st_pkt_field(a, la, na)) != NULL &&
	    (fb = st_pkt_field(b, lb, nb)) != NULL &&
	    st_field_equal(a, fa, b, fb);
}

/* The quoted packet in an ICMP error of got is the one sent. */
static int
quotes(const struct st_packet *sent, const struct st_packet *got, int v6)
{
	const char *ip = v6 ? "ipv6" : "ipv4", *dst = v6 ? "ipv6.dst" :
	    "ip.dst", *proto = v6 ? "ipv6.nxt" : "ip.proto";
	const struct st_layer *s = st_pkt_layer(sent, ip, 0);
	const struct st_layer *q = st_pkt_layer(got, ip, 1);
	const struct st_layer *st, *qt;
	const char *tp[] = { "udp", "tcp" };
	size_t i;

	if (!same(sent, s, dst, got, q, dst) ||
	    !same(sent, s, proto, got, q, proto))
		return 0;
	for (i = 0; i < 2; i++) {
		st = st_pkt_layer(sent, tp[i], 0);
		qt = st_pkt_layer(got, tp[i], 1);
		if (st != NULL && qt != NULL) {
			char sp[24], dp[24];

			strcpy(sp, tp[i]);
			strcat(sp, ".srcport");
			strcpy(dp, tp[i]);
			strcat(dp, ".dstport");
			return same(sent, st, sp, got, qt, sp) &&
			    same(sent, st, dp, got, qt, dp);
		}
	}
	st = st_pkt_layer(sent, v6 ? "icmpv6" : "icmp", 0);
	qt = st_pkt_layer(got, v6 ? "icmpv6" : "icmp", 1);
	if (st != NULL && qt != NULL && !v6)
		return same(sent, st, "icmp.ident", got, qt, "icmp.ident") &&
		    same(sent, st, "icmp.seq", got, qt, "icmp.seq");
	if (st != NULL && qt != NULL)
		return same(sent, st, "icmpv6.echo.identifier", got, qt,
		    "icmpv6.echo.identifier");
	return 1;
}

int
st_match_reply(const struct st_packet *sent, const struct st_packet *got)
{
	const struct st_layer *sn, *gn, *sl, *gl;
	int v6;
	uint64_t t;

	if ((sn = st_pkt_layer(sent, "ipv4", 0)) != NULL)
		v6 = 0;
	else if ((sn = st_pkt_layer(sent, "ipv6", 0)) != NULL)
		v6 = 1;
	else
		return 0;
	if ((gn = st_pkt_layer(got, v6 ? "ipv6" : "ipv4", 0)) == NULL)
		return 0;
	/* ICMP errors may come from any router on the way. */
	if ((gl = st_pkt_layer(got, v6 ? "icmpv6" : "icmp", 0)) != NULL) {
		t = st_pkt_val(got, gl, v6 ? "icmpv6.type" : "icmp.type", 255);
		if ((!v6 && (t == 3 || t == 4 || t == 5 || t == 11 || t == 12)) ||
		    (v6 && t >= 1 && t <= 4))
			return quotes(sent, got, v6);
	}
	if (!same(sent, sn, v6 ? "ipv6.dst" : "ip.dst", got, gn,
	    v6 ? "ipv6.src" : "ip.src"))
		return 0;
	if ((sl = st_pkt_layer(sent, v6 ? "icmpv6" : "icmp", 0)) != NULL) {
		if (gl == NULL)
			return 0;
		t = st_pkt_val(sent, sl, v6 ? "icmpv6.type" : "icmp.type", 0);
		if (v6)
			return t == 128 &&
			    st_pkt_val(got, gl, "icmpv6.type", 0) == 129 &&
			    same(sent, sl, "icmpv6.echo.identifier",
			    got, gl, "icmpv6.echo.identifier") && same(sent, sl,
			    "icmpv6.echo.sequence_number", got, gl,
			    "icmpv6.echo.sequence_number");
		if (t == 13)
			return st_pkt_val(got, gl, "icmp.type", 0) == 14 &&
			    same(sent, sl, "icmp.ident", got, gl, "icmp.ident");
		return t == 8 && st_pkt_val(got, gl, "icmp.type", 0) == 0 &&
		    same(sent, sl, "icmp.ident", got, gl, "icmp.ident") &&
		    same(sent, sl, "icmp.seq", got, gl, "icmp.seq");
	}
	if ((sl = st_pkt_layer(sent, "tcp", 0)) != NULL) {
		gl = st_pkt_layer(got, "tcp", 0);
		return same(sent, sl, "tcp.dstport", got, gl, "tcp.srcport") &&
		    same(sent, sl, "tcp.srcport", got, gl, "tcp.dstport");
	}
	if ((sl = st_pkt_layer(sent, "udp", 0)) != NULL) {
		gl = st_pkt_layer(got, "udp", 0);
		return same(sent, sl, "udp.dstport", got, gl, "udp.srcport") &&
		    same(sent, sl, "udp.srcport", got, gl, "udp.dstport");
	}
	return 0;
}
