/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * SSDP (UPnP Device Architecture 1.1, section 1), UDP port 1900: HTTP
 * messages in single datagrams, M-SEARCH * and NOTIFY * requests to
 * 239.255.255.250 and unicast 200 OK answers.  The message is HTTP's, so
 * HTTP's decoder reads it through its descriptor (one parser for both),
 * its fields under HTTP's names in an SSDP layer, as Wireshark shows it.
 */
#include "strata/out.h"
#include "fields.h"

extern const struct st_proto st_proto_http;

/* HTTP's decoder, on the datagram; bytes that start no HTTP message are
 * not SSDP (ST_ENOTME, shown as data). */
static int
ssdp_decode(struct st_dctx *d, struct st_cur *c)
{
	return st_proto_http.decode(d, c);
}

static const struct st_bind ssdp_binds[] = {
	{ ST_KEY_UDPPORT, 1900 },
};

/* "ssdp M-SEARCH * ..." : HTTP's facts after the name. */
static int
ssdp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_puts(s->o, "ssdp ");
	if (st_proto_http.summary == NULL || !st_proto_http.summary(s, ly))
		st_out_puts(s->o, "message");
	return 1;
}

const struct st_proto st_proto_ssdp = {
	.name = "ssdp",
	.ws = "ssdp",
	.title = "Simple Service Discovery Protocol",
	.rfc = "UPnP Device Architecture 1.1",
	.role = ST_ROLE_APP,
	.decode = ssdp_decode,
	.binds = ssdp_binds,
	.nbinds = NFIELDS(ssdp_binds),
	.summary = ssdp_summary,
	.color = "\033[32m",
	.explain = "UPnP's discovery: HTTP messages over UDP.  A control point "
	    "multicasts M-SEARCH * to 239.255.255.250:1900 with the search "
	    "target (ST) and a maximum wait (MX); devices answer 200 OK with "
	    "their location (LOCATION) and announce themselves with NOTIFY * "
	    "(NTS ssdp:alive or ssdp:byebye).",
};
