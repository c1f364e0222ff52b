/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata ping's options, as iputils ping takes them: -c -i -w -W -s -t -Q
 * -M -p -I -f -q -D -4 -6, and strata's --layers, --spec, --explain.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/view.h"
#include "pingcli.h"

static void
ping_usage(FILE *fp)
{
	fputs("usage: strata ping [-4|-6] [-c count] [-i interval] [-w deadline]"
	    " [-W timeout]\n"
	    "                   [-s size] [-t ttl] [-Q tos] [-M do|want|dont] "
	    "[-p pattern]\n"
	    "                   [-I source] [-f] [-q] [-D] [-R] [--layers VIEW] "
	    "[--explain]\n"
	    "                   [--spec SPEC] HOST\n"
	    "\n"
	    "  -c count      stop after count replies' worth of requests\n"
	    "  -i interval   seconds between requests (below 0.2 only as "
	    "root)\n"
	    "  -w deadline   stop after this many seconds\n"
	    "  -W timeout    after the last request, wait this long for "
	    "replies (default 10)\n"
	    "  -s size       data bytes (default 56)\n"
	    "  -t ttl        IP time to live / IPv6 hop limit\n"
	    "  -Q tos        IP type of service / IPv6 traffic class\n"
	    "  -M do|want|dont  path MTU discovery: DF set (too big: a local "
	    "error),\n"
	    "                set when the request fits (default), or never\n"
	    "  -p pattern    up to 16 hex bytes to fill the data with\n"
	    "  -I source     source address, or an interface to leave by\n"
	    "  -f            flood: as fast as replies come (root only)\n"
	    "  -q            only the summary\n"
	    "  -D            print a timestamp before each line\n"
	    "  -R            record route: the routers' addresses, both ways\n"
	    "  --layers VIEW show each reply decoded (tree, hex, summary, json)\n"
	    "  --explain     say what should come back, compare each error's "
	    "quote with\n"
	    "                the request, and explain the statistics\n"
	    "  --spec SPEC   the request as a strata spec, for any other field:\n"
	    "                'ip(dst=127.0.0.1,id=7,options=rr)/icmp(type="
	    "echo-request)'\n", fp);
}

static int
num(const char *opt, const char *arg, double min, double max, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(arg, &end);
	if (errno != 0 || *end != '\0' || end == arg || !(*v >= min) ||
	    *v > max) {
		if (strcmp(opt, "-c") == 0)
			st_cli_err("ping: -c: '%s' is not a positive count", arg);
		else
			st_cli_err("ping: invalid argument to %s: '%s' (allowed: "
			    "%g to %g)", opt, arg, min, max);
		return -1;
	}
	return 0;
}

/* The first address of family fam (4 or 6) on interface name. */
int
st_ping_iface_addr(const char *name, int fam, uint8_t *addr)
{
	struct ifaddrs *all, *i;
	int rc = -1;

	if (getifaddrs(&all) != 0)
		return -1;
	for (i = all; i != NULL && rc != 0; i = i->ifa_next) {
		if (i->ifa_addr == NULL || strcmp(i->ifa_name, name) != 0)
			continue;
		if (fam == 4 && i->ifa_addr->sa_family == AF_INET) {
			memcpy(addr, &((struct sockaddr_in *)i->ifa_addr)->
			    sin_addr, 4);
			rc = 0;
		} else if (fam == 6 && i->ifa_addr->sa_family == AF_INET6) {
			memcpy(addr, &((struct sockaddr_in6 *)i->ifa_addr)->
			    sin6_addr, 16);
			rc = 0;
		}
	}
	freeifaddrs(all);
	return rc;
}

static int
parse_pattern(struct popts *op, const char *s)
{
	size_t n = strlen(s), i;
	unsigned v;

	if (n == 0 || n > 32) {
		st_cli_err("ping: -p: up to 16 bytes of hex");
		return -1;
	}
	for (i = 0; i < n; i += 2) {
		if (sscanf(s + i, "%2x", &v) != 1) {
			st_cli_err("ping: -p: '%s' is not hex", s);
			return -1;
		}
		op->pattern[op->patlen++] = (uint8_t)v;
	}
	return 0;
}

int
st_ping_parse_opts(struct popts *op, int argc, char **argv)
{
	enum { O_LAYERS = 256, O_SPEC, O_EXPLAIN };
	static const struct option lo[] = {
		{ "layers", required_argument, NULL, O_LAYERS },
		{ "explain", no_argument, NULL, O_EXPLAIN },
		{ "spec", required_argument, NULL, O_SPEC },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	double d;
	int ch;

	memset(op, 0, sizeof(*op));
	op->interval = -1;
	op->linger = 10;
	op->size = 56;
	op->ttl = op->tos = op->pmtu = -1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "46c:i:w:W:s:t:Q:M:p:I:fqDRh", lo,
	    NULL)) != -1) {
		switch (ch) {
		case '4':
		case '6':
			op->fam = ch - '0';
			break;
		case 'c':
			if (num("-c", optarg, 1, 4e9, &d) != 0)
				return -1;
			op->count = (unsigned long)d;
			break;
		case 'i':
			if (num("-i", optarg, 0, 1e6, &op->interval) != 0)
				return -1;
			break;
		case 'w':
			if (num("-w", optarg, 0, 1e9, &op->deadline) != 0)
				return -1;
			break;
		case 'W':
			if (num("-W", optarg, 0, 1e6, &op->linger) != 0)
				return -1;
			break;
		case 's':
			if (num("-s", optarg, 0, 65507, &d) != 0)
				return -1;
			op->size = (long)d;
			break;
		case 't':
			if (num("-t", optarg, 1, 255, &d) != 0)
				return -1;
			op->ttl = (int)d;
			break;
		case 'Q':
			if (num("-Q", optarg, 0, 255, &d) != 0)
				return -1;
			op->tos = (int)d;
			break;
		case 'M':
			if (strcmp(optarg, "do") == 0)
				op->pmtu = 1;
			else if (strcmp(optarg, "dont") == 0)
				op->pmtu = 0;
			else if (strcmp(optarg, "want") == 0)
				op->pmtu = -1;	/* the kernel's default */
			else {
				st_cli_err("ping: -M: 'do', 'want' or 'dont'");
				return -1;
			}
			break;
		case 'p':
			if (parse_pattern(op, optarg) != 0)
				return -1;
			break;
		case 'I':
			op->source = optarg;
			break;
		case 'f':
			op->flood = 1;
			break;
		case 'q':
			op->quiet = 1;
			break;
		case 'D':
			op->stamps = 1;
			break;
		case 'R':
			op->rr = 1;
			break;
		case O_EXPLAIN:
			op->explain = 1;
			break;
		case O_LAYERS:
			if (st_cli_views(&op->layers, optarg) != 0 ||
			    st_cli_views_live(&op->layers, "ping") != 0)
				return -1;
			break;
		case O_SPEC:
			op->spec = optarg;
			break;
		case 'h':
			ping_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("strata: try 'strata ping --help'\n", stderr);
			return -1;
		}
	}
	if (optind != argc - 1) {
		st_cli_err("ping: %s", optind >= argc ? "usage error: "
		    "Destination address required" : "one HOST at a time");
		return -1;
	}
	op->host = argv[optind];
	return 0;
}
