/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata send's options (-w -c -i -I, --dry-run, --timeout, and the shared
 * --view and --color) and --list, the layers and fields a spec may set.
 */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/craft.h"
#include "strata/view.h"
#include "sendcli.h"

static void
send_usage(FILE *fp)
{
	fputs("usage: strata send [--dry-run] [-w FILE] [--view LIST] "
	    "[-c COUNT] [-i SECONDS]\n"
	    "                   [--rate PPS] [--flood] [--fragment SIZE]\n"
	    "                   [--timeout SECONDS] [-I IFACE] SPEC\n"
	    "       strata send --list\n"
	    "\n"
	    "  SPEC            layers outermost first, joined by '/', e.g.\n"
	    "                  'ip(dst=127.0.0.1,ttl=3)/icmp(type=echo-request,"
	    "id=7,seq=1)/\"hi\"'\n"
	    "                  'ipv6(dst=::1)/udp(dport=53)/hex:0001'\n"
	    "  --dry-run       build and show, send nothing (no privileges "
	    "needed)\n"
	    "  -w FILE         write what was sent and received to a pcap "
	    "file\n"
	    "  --view LIST     views of the packet and the reply (default "
	    "tree)\n"
	    "  -c COUNT        send COUNT packets (default: as many as the "
	    "spec's lists\n"
	    "                  and ranges make, else 1), steps going on\n"
	    "  -i SECONDS      wait between sends (default 1; u1000: in "
	    "microseconds)\n"
	    "  --rate PPS      packets per second, replies awaited until the "
	    "next send\n"
	    "  --flood         as fast as possible, no replies awaited (to "
	    "loopback or\n"
	    "                  198.18.0.0/15 test addresses only)\n"
	    "  --fragment SIZE cut each packet into fragments of SIZE payload "
	    "bytes\n"
	    "  --timeout SEC   wait this long for a reply (default 2)\n"
	    "  -I IFACE        interface for a spec that starts with eth\n"
	    "  --list          every layer and field the spec knows\n"
	    "\n"
	    "Sending needs root or CAP_NET_RAW; sockets are opened first, then "
	    "privileges\nare dropped before the spec or any reply is read.\n",
	    fp);
}

static int
number_arg(const char *opt, const char *arg, double min, double *v)
{
	char *end;

	errno = 0;
	*v = strtod(arg, &end);
	if (errno != 0 || *end != '\0' || !(*v >= min) || isinf(*v)) {
		st_cli_err("%s: '%s' is not a number of at least %g", opt, arg,
		    min);
		return -1;
	}
	return 0;
}

int
st_send_parse_opts(struct opts *op, int argc, char **argv)
{
	enum { O_DRY = 256, O_TIMEOUT, O_LIST, O_RATE, O_FLOOD, O_FRAG };
	static const struct option lo[] = {
		ST_CLI_LONGOPTS,
		{ "dry-run", no_argument, NULL, O_DRY },
		{ "rate", required_argument, NULL, O_RATE },
		{ "flood", no_argument, NULL, O_FLOOD },
		{ "fragment", required_argument, NULL, O_FRAG },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "list", no_argument, NULL, O_LIST },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	double d;
	int ch, rc;

	memset(op, 0, sizeof(*op));
	st_cli_opts_init(&op->c, &st_view_tree);
	op->count = 1;
	op->interval = 1;
	op->timeout = 2;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "w:c:i:I:h", lo, NULL)) != -1) {
		if ((rc = st_cli_opt(&op->c, ST_CLI_VIEW | ST_CLI_COLOR, "send",
		    ch, optarg)) != 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		switch (ch) {
		case 'w':
			op->wfile = optarg;
			break;
		case 'c':
			if (number_arg("-c", optarg, 0, &d) != 0 || d < 1 ||
			    d != floor(d) || d > 1e9)
				return st_cli_err("send: -c: '%s' is not a "
				    "positive count", optarg), -1;
			op->count = (unsigned long)d;
			op->count_given = 1;
			break;
		case 'i':	/* hping3's u1000: microseconds */
			if (number_arg("-i", optarg + (optarg[0] == 'u'), 0,
			    &op->interval) != 0)
				return -1;
			if (optarg[0] == 'u')
				op->interval /= 1e6;
			break;
		case O_RATE:
			if (number_arg("--rate", optarg, 0.001, &d) != 0)
				return -1;
			op->interval = 1 / d;
			op->rate_given = 1;
			break;
		case O_FLOOD:
			op->flood = 1;
			break;
		case O_FRAG:
			if (number_arg("--fragment", optarg, 8, &d) != 0 ||
			    d != floor(d) || (long)d % 8 != 0 || d > 65528)
				return d >= 8 ? (st_cli_err("--fragment: '%s' is "
				    "not a multiple of 8 up to 65528", optarg),
				    -1) : -1;
			op->fragment = (size_t)d;
			break;
		case 'I':
			op->ifname = optarg;
			break;
		case O_DRY:
			op->dry = 1;
			break;
		case O_TIMEOUT:
			if (number_arg("--timeout", optarg, 0, &op->timeout))
				return -1;
			break;
		case O_LIST:
			op->list = 1;
			return 0;
		case 'h':
			send_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("strata: try 'strata send --help'\n", stderr);
			return -1;
		}
	}
	if (optind != argc - 1) {
		st_cli_err("send: %s (try 'strata send --help')",
		    optind >= argc ? "no SPEC given" : "one SPEC at a time "
		    "(quote it)");
		return -1;
	}
	op->spec = argv[optind];
	return 0;
}

/* A field's default as --list says it. */
static void
list_default(const struct st_proto *p, const struct st_field_desc *fd)
{
	const struct st_craft *cr = p->craft;
	size_t i;

	for (i = 0; i < cr->nautos; i++)
		if (cr->autos[i].fd == fd) {
			printf("default: computed");
			return;
		}
	if (fd->autofill != ST_AUTO_NONE)
		printf("default: computed");
	else if (fd->fmt >= ST_FMT_IPV4 && fd->fmt <= ST_FMT_MAC)
		printf("default: %s", strcmp(fd->key, "src") == 0 ?
		    "the kernel's choice" :
		    strcmp(fd->name, "ip.dst") == 0 ? "127.0.0.1" : strcmp(
		    fd->name, "ipv6.dst") == 0 ? "::1" :
		    fd->fmt == ST_FMT_IPV4 ? "0.0.0.0" :
		    fd->fmt == ST_FMT_IPV6 ? "::" : "00:00:00:00:00:00");
	else
		printf("default: %u", fd->def);
}

/* The keys of p: its field table's, then its crafting rows. */
static void
list_rows(const struct st_proto *p)
{
	const struct st_field_desc *fd;
	size_t i, n = p->nfields + p->craft->nrows;

	for (i = 0; i < n; i++) {
		fd = i < p->nfields ? &p->fields[i] :
		    &p->craft->rows[i - p->nfields];
		if (fd->key == NULL || fd->flags & ST_DF_GEN || fd->bits == 0)
			continue;
		printf("  %-9s %-30s %3u bits  ", fd->key, fd->name, fd->bits);
		list_default(p, fd);
		printf("\n");
	}
}

/* strata send --list: every layer and field, from the field tables. */
void
st_send_list_layers(void)
{
	const struct st_spec_proto *sp;

	for (sp = st_spec_protos; sp->name != NULL; sp++) {
		printf("%s: %s (%s)\n", sp->name, sp->proto->title,
		    sp->proto->rfc);
		list_rows(sp->proto);
		if (sp->proto->craft->help != NULL)
			fputs(sp->proto->craft->help, stdout);
	}
	printf("payload: \"text\" (C escapes), hex:0a0b..., @FILE or rand:N; "
	    "last layer\n"
	    "step:    fragment(size=N,order=inorder|reverse|firstlast,"
	    "overlap=N)\n"
	    "values:  N, 0xN, a name, a list N,M, a range N-M, a step N+S, "
	    "rand\n");
}
