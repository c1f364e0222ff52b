/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Predictions: what a crafted packet should bring back, read from its
 * decoded model, and whether the reply bore it out.  The rules are the
 * hosts' requirements (RFC 1122): echo requests are answered, ICMP errors
 * and replies never are; a UDP datagram to a port nobody owns draws a port
 * unreachable; a TCP segment no connection owns draws a RST (RFC 9293
 * 3.10.7.1), a SYN to a listening port a SYN-ACK.  A TTL that runs out on
 * the way draws a time exceeded from the router where it did.  What each
 * protocol draws is said by its descriptor's predict and outcome hooks;
 * no protocol is named here.
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

/* The outer network layer of pkt: IPv4's before IPv6's (by the width of
 * its addresses). */
static const struct st_layer *
network(const struct st_packet *pkt, int *fam)
{
	const struct st_proto *pr;
	unsigned i;

	for (*fam = 4; *fam <= 6; *fam += 2)
		for (i = 0; i < pkt->nlayers; i++) {
			pr = pkt->layers[i].proto;
			if (pkt->layers[i].depth == 0 &&
			    pr->role == ST_ROLE_NET && pr->ends[1] != NULL &&
			    pr->ends[1]->bits == (*fam == 6 ? 128 : 32))
				return &pkt->layers[i];
		}
	return NULL;
}

/* Lets layer l's protocol predict into p; 1 when it said all there is. */
static int
ask(const struct st_packet *sent, const struct st_layer *l,
    enum st_listen listening, const char *dst, struct st_prediction *p)
{
	size_t len = strlen(p->text);

	return l->proto->predict(sent, l, listening, dst, &p->expect,
	    p->text + len, sizeof(p->text) - len);
}

void
st_predict(const struct st_packet *sent, enum st_listen listening,
    struct st_prediction *p)
{
	const struct st_layer *ip, *tl = NULL;
	const struct st_field *f;
	const uint8_t *a;
	char dst[INET6_ADDRSTRLEN] = "?";
	const char *bad;
	size_t len = 0, n;
	uint64_t ttl;
	unsigned i;
	int fam, local;

	p->expect = p->primary = ST_OUT_NONE;
	p->text[0] = '\0';
	if ((ip = network(sent, &fam)) == NULL) {
		ADD("nothing to predict: no IP layer");
		return;
	}
	f = st_pkt_fd(sent, ip, ip->proto->ends[1]);
	a = f != NULL ? st_field_bytes(sent, f, &n) : NULL;
	if (a != NULL && n == (fam == 6 ? 16u : 4u))
		inet_ntop(fam == 6 ? AF_INET6 : AF_INET, a, dst, sizeof(dst));
	local = a != NULL && st_is_loopback(fam, a);
	ttl = 64;
	if (ip->proto->hops != NULL && (f = st_pkt_fd(sent, ip,
	    ip->proto->hops)) != NULL)
		ttl = f->val;

	if ((bad = bad_checksum(sent)) != NULL) {
		ADD("nothing: %s is wrong as crafted, and %s drops the packet "
		    "without a word (no ICMP error reports a bad checksum)",
		    bad, dst);
		return;
	}
	if (ip->proto->predict != NULL && ask(sent, ip, listening, dst, p))
		return;
	/* The first layer above the network that knows what it draws. */
	for (i = (unsigned)(ip - sent->layers) + 1; i < sent->nlayers &&
	    tl == NULL; i++)
		if (sent->layers[i].depth == 0 &&
		    sent->layers[i].proto->role != ST_ROLE_NET &&
		    sent->layers[i].proto->predict != NULL)
			tl = &sent->layers[i];
	if (tl != NULL) {
		if (ask(sent, tl, listening, dst, p))
			return;
		len = strlen(p->text);
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
	unsigned i;

	if (got == NULL)
		return ST_OUT_NONE;
	for (i = 0; i < got->nlayers; i++)
		if (got->layers[i].depth == 0 &&
		    got->layers[i].proto->outcome != NULL)
			return got->layers[i].proto->outcome(got,
			    &got->layers[i]);
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
