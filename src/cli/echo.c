/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * iputils' words for what came back to a ping or a trace: the source
 * address as text, and what an ICMP or ICMPv6 error says ("Time to live
 * exceeded", "Destination Port Unreachable", "Frag needed and DF set (mtu
 * = 1400)").  The facts come from src/net/echo.c.
 */
#include <stdio.h>

#include "strata/ping.h"
#include "strata/view.h"
#include "cli.h"

void
st_cli_src_text(const struct st_packet *got, char *buf, size_t n)
{
	char tmp[ST_FMT_BUF];
	uint8_t a[16];
	size_t len = st_pkt_src_addr(got, a);

	snprintf(buf, n, "%s", len == 4 ? st_fmt_ipv4(tmp, a) : len == 16 ?
	    st_fmt_ipv6(tmp, a) : "?");
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

/* ICMPv6's words. */
static void
error_text6(const struct st_echo_error *e, char *buf, size_t n)
{
	switch (e->type) {
	case 1:
		snprintf(buf, n, "Destination unreachable: %s", e->code < 7 ?
		    unreach6[e->code] : "Unknown code");
		return;
	case 2:
		snprintf(buf, n, "Packet too big: mtu=%llu",
		    (unsigned long long)e->mtu);
		return;
	case 3:
		snprintf(buf, n, "Time exceeded: %s", e->code == 0 ?
		    "Hop limit" : "Defragmentation failure");
		return;
	case 4:
		snprintf(buf, n, "Parameter problem: pointer = %llu",
		    (unsigned long long)e->ptr);
		return;
	}
	snprintf(buf, n, "Unknown ICMPv6 type %u", e->type);
}

void
st_cli_icmp_error_text(const struct st_packet *got, char *buf, size_t n)
{
	struct st_echo_error e;
	unsigned code;

	if (st_echo_error_info(got, &e) != 0) {
		snprintf(buf, n, "Bad ICMP message");
		return;
	}
	if (e.fam == 6) {
		error_text6(&e, buf, n);
		return;
	}
	code = e.code;
	switch (e.type) {
	case 3:
		if (code == 4 && e.has_mtu) {
			snprintf(buf, n, "Frag needed and DF set (mtu = %llu)",
			    (unsigned long long)e.mtu);
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
		snprintf(buf, n, "Parameter problem: pointer = %llu",
		    (unsigned long long)e.ptr);
		return;
	}
	snprintf(buf, n, "Bad ICMP type: %u", e.type);
}
