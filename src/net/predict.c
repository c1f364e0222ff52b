/*
 * Predictions: what a crafted packet should bring back, read from its
 * decoded model, and whether the reply bore it out.  The rules are the
 * hosts' requirements (RFC 1122): echo requests are answered, ICMP errors
 * and replies never are; a UDP datagram to a port nobody owns draws a port
 * unreachable; a TCP segment no connection owns draws a RST (RFC 9293
 * 3.10.7.1), a SYN to a listening port a SYN-ACK.  A TTL that runs out on
 * the way draws a time exceeded from the router where it did.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strata/decode.h"
#include "strata/net.h"
#include "strata/predict.h"

/* Whether any checksum of the outer packet is wrong as crafted. */
static const char *
bad_checksum(const struct st_packet *p)
{
	const struct st_layer *ly;
	unsigned i, k;

	for (i = 0; i < p->nlayers; i++) {
		ly = &p->layers[i];
		for (k = ly->field0; ly->depth == 0 &&
		    k < (unsigned)ly->field0 + ly->nfields; k++)
			if (p->fields[k].ck == ST_CK_BAD)
				return p->fields[k].desc->name;
	}
	return NULL;
}

#define ADD(...) \
	(void)(len < sizeof(p->text) ? len += (size_t)snprintf(p->text + len, \
	    sizeof(p->text) - len, __VA_ARGS__) : 0)

void
st_predict(const struct st_packet *sent, enum st_listen listening,
    struct st_prediction *p)
{
	const struct st_layer *ip, *tl;
	const struct st_field *f;
	const uint8_t *a;
	char dst[INET6_ADDRSTRLEN] = "?", port[32] = "";
	const char *bad;
	size_t len = 0, n;
	uint64_t ttl, type, flags;
	int v6, local;

	p->expect = p->primary = ST_OUT_NONE;
	p->text[0] = '\0';
	v6 = (ip = st_pkt_layer(sent, "ipv4", 0)) == NULL;
	if (v6 && (ip = st_pkt_layer(sent, "ipv6", 0)) == NULL) {
		ADD("nothing to predict: no IP layer");
		return;
	}
	f = st_pkt_field(sent, ip, v6 ? "ipv6.dst" : "ip.dst");
	a = f != NULL ? st_field_bytes(sent, f, &n) : NULL;
	if (a != NULL && n == (v6 ? 16u : 4u))
		inet_ntop(v6 ? AF_INET6 : AF_INET, a, dst, sizeof(dst));
	local = a != NULL && st_is_loopback(v6 ? 6 : 4, a);
	ttl = st_pkt_val(sent, ip, v6 ? "ipv6.hlim" : "ip.ttl", 64);

	if ((bad = bad_checksum(sent)) != NULL) {
		ADD("nothing: %s is wrong as crafted, and %s drops the packet "
		    "without a word (no ICMP error reports a bad checksum)",
		    bad, dst);
		return;
	}
	if (!v6 && (st_pkt_val(sent, ip, "ip.flags.mf", 0) ||
	    st_pkt_val(sent, ip, "ip.frag_offset", 0))) {
		ADD("nothing yet: this is a fragment, and %s answers only when "
		    "every fragment has come (after 30 s without them, a time "
		    "exceeded, code 1, for the first one)", dst);
		return;
	}
	if ((tl = st_pkt_layer(sent, "icmp", 0)) != NULL ||
	    (tl = st_pkt_layer(sent, "icmpv6", 0)) != NULL) {
		int six = strcmp(tl->proto->name, "icmpv6") == 0;

		type = st_pkt_val(sent, tl, six ? "icmpv6.type" : "icmp.type",
		    255);
		if ((!six && type == 8) || (six && type == 128)) {
			p->expect = ST_OUT_ECHO;
			ADD("an echo reply from %s with id %llu and seq %llu", dst,
			    (unsigned long long)st_pkt_val(sent, tl, six ?
			    "icmpv6.echo.identifier" : "icmp.ident", 0),
			    (unsigned long long)st_pkt_val(sent, tl, six ?
			    "icmpv6.echo.sequence_number" : "icmp.seq", 0));
		} else if (!six && type == 13) {
			p->expect = ST_OUT_TSREPLY | ST_OUT_NONE;
			ADD("a timestamp reply (type 14) from %s, if it answers "
			    "them (Linux does unless a firewall drops them)",
			    dst);
		} else {
			ADD("nothing: hosts never answer an ICMP %s (RFC 1122 "
			    "3.2.2), lest errors answer errors",
			    (!six && (type == 0 || type == 14)) ||
			    (six && type == 129) ? "reply" : (!six && (type ==
			    3 || type == 4 || type == 5 || type == 11 ||
			    type == 12)) || (six && type < 128) ? "error" :
			    "message of this type");
			return;
		}
	} else if ((tl = st_pkt_layer(sent, "udp", 0)) != NULL) {
		snprintf(port, sizeof(port), "udp port %llu",
		    (unsigned long long)st_pkt_val(sent, tl, "udp.dstport", 0));
		if (listening == ST_LISTEN_NO) {
			p->expect = ST_OUT_PORT;
			ADD("a port unreachable from %s: no socket here owns "
			    "%s", dst, port);
		} else if (listening == ST_LISTEN_YES) {
			p->expect = ST_OUT_DATA | ST_OUT_NONE;
			ADD("an answer from %s if the program that owns %s "
			    "answers this datagram; else nothing", dst, port);
		} else {
			p->expect = ST_OUT_PORT | ST_OUT_DATA | ST_OUT_NONE;
			ADD("a port unreachable from %s if no socket owns %s; "
			    "the program's answer (or nothing) if one does",
			    dst, port);
		}
	} else if ((tl = st_pkt_layer(sent, "tcp", 0)) != NULL) {
		snprintf(port, sizeof(port), "tcp port %llu",
		    (unsigned long long)st_pkt_val(sent, tl, "tcp.dstport", 0));
		flags = st_pkt_val(sent, tl, "tcp.flags", 0);
		if (flags & 0x04) {
			ADD("nothing: no one answers a RST (RFC 9293 3.10.7)");
			return;
		}
		if ((flags & 0x12) == 0x02 && listening != ST_LISTEN_NO) {
			p->expect = listening == ST_LISTEN_YES ? ST_OUT_SYNACK :
			    ST_OUT_SYNACK | ST_OUT_RST;
			if (listening == ST_LISTEN_YES)
				ADD("a SYN-ACK from %s: a socket listens on %s",
				    dst, port);
			else
				ADD("a SYN-ACK from %s if a socket listens on "
				    "%s, a RST-ACK if none does", dst, port);
			ADD("; after a SYN-ACK, this host's kernel sends a RST, "
			    "since no socket of its own sent the SYN");
		} else if ((flags & 0x12) == 0x02) {
			p->expect = ST_OUT_RST;
			ADD("a RST-ACK from %s: no socket listens on %s", dst,
			    port);
		} else {
			p->expect = ST_OUT_RST;
			ADD("a RST from %s: no connection owns this segment "
			    "(RFC 9293 3.10.7.1)", dst);
		}
	} else {
		p->expect = ST_OUT_OTHER | ST_OUT_NONE;
		ADD("no rule for this protocol: whatever %s makes of it", dst);
	}
	p->primary = p->expect;
	if (!local && ttl <= 30)
		ADD("; or, if %s is more than %llu hop%s away, a time exceeded "
		    "from the router at hop %llu", dst, (unsigned long long)ttl,
		    ttl == 1 ? "" : "s", (unsigned long long)ttl);
	if (!local)
		p->expect |= ST_OUT_TTL | ST_OUT_UNREACH | ST_OUT_NONE;
	else if (ttl <= 1)
		ADD(" (ttl=%llu is no obstacle: a packet for this host is "
		    "never forwarded)", (unsigned long long)ttl);
}

unsigned
st_outcome(const struct st_packet *got)
{
	const struct st_layer *l;
	uint64_t t, c, flags;

	if (got == NULL)
		return ST_OUT_NONE;
	if ((l = st_pkt_layer(got, "icmp", 0)) != NULL) {
		t = st_pkt_val(got, l, "icmp.type", 255);
		c = st_pkt_val(got, l, "icmp.code", 255);
		return t == 0 ? ST_OUT_ECHO : t == 14 ? ST_OUT_TSREPLY :
		    t == 11 ? ST_OUT_TTL : t == 3 && c == 3 ? ST_OUT_PORT :
		    t == 3 ? ST_OUT_UNREACH : ST_OUT_OTHER;
	}
	if ((l = st_pkt_layer(got, "icmpv6", 0)) != NULL) {
		t = st_pkt_val(got, l, "icmpv6.type", 255);
		c = st_pkt_val(got, l, "icmpv6.code", 255);
		return t == 129 ? ST_OUT_ECHO : t == 3 ? ST_OUT_TTL :
		    t == 1 && c == 4 ? ST_OUT_PORT : t == 1 ? ST_OUT_UNREACH :
		    ST_OUT_OTHER;
	}
	if ((l = st_pkt_layer(got, "tcp", 0)) != NULL) {
		flags = st_pkt_val(got, l, "tcp.flags", 0);
		return flags & 0x04 ? ST_OUT_RST : (flags & 0x12) == 0x12 ?
		    ST_OUT_SYNACK : ST_OUT_DATA;
	}
	if (st_pkt_layer(got, "udp", 0) != NULL)
		return ST_OUT_DATA;
	return ST_OUT_OTHER;
}

static const char *
outcome_name(unsigned o)
{
	switch (o) {
	case ST_OUT_NONE:	return "no reply";
	case ST_OUT_ECHO:	return "an echo reply";
	case ST_OUT_TSREPLY:	return "a timestamp reply";
	case ST_OUT_TTL:	return "a time exceeded";
	case ST_OUT_PORT:	return "a port unreachable";
	case ST_OUT_UNREACH:	return "a destination unreachable";
	case ST_OUT_SYNACK:	return "a SYN-ACK";
	case ST_OUT_RST:	return "a RST";
	case ST_OUT_DATA:	return "an answer from the port";
	default:		return "an unexpected kind of reply";
	}
}

void
st_predict_check(const struct st_prediction *p, const struct st_packet *got,
    char *out, size_t n)
{
	unsigned o = st_outcome(got);

	if (p->primary & o)
		snprintf(out, n, "as predicted: %s%s", outcome_name(o),
		    o == ST_OUT_SYNACK ? " (this host's kernel now answers it "
		    "with a RST: no socket of its own sent the SYN)" : "");
	else if ((p->expect & o) && o == ST_OUT_NONE)
		snprintf(out, n, "no reply: not the answer expected, but one "
		    "that happens off this host (a firewall, a lost packet, or "
		    "a host that ignores it)");
	else if (p->expect & o)
		snprintf(out, n, "as allowed for: %s (the path is longer than "
		    "the ttl, or a router cannot reach the host)",
		    outcome_name(o));
	else if (o == ST_OUT_NONE)
		snprintf(out, n, "not as predicted: no reply (a firewall, a "
		    "lost packet, or a host that ignores this: see "
		    "'strata doctor' if nothing ever comes back)");
	else
		snprintf(out, n, "not as predicted: %s", outcome_name(o));
}

enum st_listen
st_port_listening(int proto, int fam, unsigned port)
{
	static const char *const tcp[] = { "/proc/net/tcp", "/proc/net/tcp6" };
	static const char *const udp[] = { "/proc/net/udp", "/proc/net/udp6" };
	const char *const *files = proto == 6 ? tcp : udp;
	enum st_listen r = ST_LISTEN_UNKNOWN;
	char line[512], addr[64];
	unsigned lport, state;
	FILE *fp;
	int i;

	/* A v6 socket bound to :: takes IPv4 too, so both files count. */
	for (i = 0; i < 2; i++) {
		if (fam == 6 && i == 0)
			continue;
		if ((fp = fopen(files[i], "r")) == NULL)
			continue;
		if (r == ST_LISTEN_UNKNOWN)
			r = ST_LISTEN_NO;
		while (fgets(line, sizeof(line), fp) != NULL)
			if (sscanf(line, " %*u: %63[0-9A-Fa-f]:%x %*[0-9A-Fa-f]:"
			    "%*x %x", addr, &lport, &state) == 3 &&
			    lport == port && (proto == 17 || state == 0x0A))
				r = ST_LISTEN_YES;
		fclose(fp);
	}
	return r;
}
