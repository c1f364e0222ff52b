/*
 * strata decode [options] FILE: reads a pcap or pcapng file with libpcap,
 * decodes each packet into the model and shows it with the chosen views.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/decode.h"
#include "strata/follow.h"
#include "strata/net.h"
#include "strata/view.h"
#include "cli.h"

struct opts {
	const char		*file;
	const char		*filter;
	unsigned long long	 count;		/* 0: all */
	struct st_viewset	 vs;
	int			 color;		/* -1 auto, 0 never, 1 always */
	int			 local;
	const char		*ofile;		/* -o: output file */
	const char		*follow;	/* --follow N or 'tcp A B' */
	int			 abs_seq;	/* -S */
};

static void
decode_usage(FILE *fp)
{
	size_t i;

	fputs("usage: strata decode [-n] [-c COUNT] [-f FILTER] "
	    "[--view VIEW[,VIEW...]]\n"
	    "                     [--color=auto|always|never] [--local] FILE\n"
	    "\n"
	    "  FILE             a pcap or pcapng file; - reads standard input\n"
	    "  -c COUNT         stop after COUNT packets\n"
	    "  -f FILTER        only packets matching a BPF filter "
	    "('icmp or port 53')\n"
	    "  -n               accepted for tcpdump habits: strata never "
	    "resolves names\n"
	    "  -S               absolute TCP sequence numbers (default: "
	    "relative, as tcpdump)\n"
	    "  --view LIST      views, comma-separated (default summary):\n",
	    fp);
	for (i = 0; st_views[i] != NULL; i++)
		fprintf(fp, "                     %-8s %s\n", st_views[i]->name,
		    st_views[i]->help);
	fputs("  --color WHEN     colour the hex view and layer names "
	    "(auto: on a terminal\n"
	    "                   unless NO_COLOR is set)\n"
	    "  --local          times in local time instead of UTC\n"
	    "  -o FILE          write the output to FILE (the html view "
	    "needs one)\n"
	    "  --follow N       follow the TCP stream of packet N (or "
	    "'tcp A:P B:P'):\n"
	    "                   each message and the segments that carried "
	    "it\n", fp);
}

static int
parse_opts(struct opts *op, int argc, char **argv)
{
	enum { O_VIEW = 256, O_COLOR, O_LOCAL, O_FOLLOW };
	static const struct option lo[] = {
		{ "view", required_argument, NULL, O_VIEW },
		{ "color", required_argument, NULL, O_COLOR },
		{ "colour", required_argument, NULL, O_COLOR },
		{ "local", no_argument, NULL, O_LOCAL },
		{ "follow", required_argument, NULL, O_FOLLOW },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	size_t i;
	int ch;

	memset(op, 0, sizeof(*op));
	op->vs.views[0] = &st_view_summary;
	op->vs.n = 1;
	op->color = -1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:f:no:Sh", lo, NULL)) != -1) {
		switch (ch) {
		case 'c':
			errno = 0;
			op->count = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || op->count == 0 ||
			    optarg[0] == '-') {
				st_cli_err("-c: '%s' is not a positive count",
				    optarg);
				return -1;
			}
			break;
		case 'f':
			op->filter = optarg;
			break;
		case 'n':
			break;
		case 'S':
			op->abs_seq = 1;
			break;
		case 'o':
			op->ofile = optarg;
			break;
		case O_VIEW:
			if (st_cli_views(&op->vs, optarg) != 0)
				return -1;
			break;
		case O_COLOR:
			if (st_cli_color(optarg, &op->color) != 0)
				return -1;
			break;
		case O_LOCAL:
			op->local = 1;
			break;
		case O_FOLLOW:
			op->follow = optarg;
			break;
		case 'h':
			decode_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("(try 'strata decode --help')\n", stderr);
			return -1;
		}
	}
	if (optind >= argc) {
		st_cli_err("decode: no FILE given (try 'strata decode --help')");
		return -1;
	}
	if (argc - optind > 1) {
		st_cli_err("decode: one FILE at a time");
		return -1;
	}
	op->file = argv[optind];
	for (i = 0; i < op->vs.n; i++)
		if (op->vs.views[i]->needs_file && op->ofile == NULL &&
		    isatty(STDOUT_FILENO)) {
			st_cli_err("--view %s writes a file: give -o FILE",
			    op->vs.views[i]->name);
			return -1;
		}
	return 0;
}

/* Set when strata was started as root and gave it up before reading. */
static int dropped_root;

static int
run(const struct opts *op, pcap_t *p, FILE *out_fp)
{
	static struct st_packet pkt;
	static struct st_out out;
	struct bpf_program prog;
	struct pcap_pkthdr *h;
	const u_char *data;
	struct st_vctx v;
	unsigned long long num = 0, shown = 0;
	int rc, lt = pcap_datalink(p), status = ST_EXIT_OK, lite = 1;
	size_t i;

	memset(&v, 0, sizeof(v));
	v.color = op->ofile != NULL ? op->color == 1 :
	    st_cli_want_color(op->color);
	v.local = op->local;
	v.abs_seq = op->abs_seq;
	v.title = op->file;
	if (op->filter != NULL && pcap_compile(p, &prog, op->filter, 1,
	    PCAP_NETMASK_UNKNOWN) != 0) {
		st_cli_err("filter '%s': %s", op->filter, pcap_geterr(p));
		return ST_EXIT_USAGE;
	}
	st_out_init(&out, out_fp);
	/* Views that read only main fields let the decoders skip the parts. */
	for (i = 0; i < op->vs.n; i++)
		lite &= op->vs.views[i]->lite;
	for (i = 0; i < op->vs.n; i++)
		if (op->vs.views[i]->begin != NULL)
			op->vs.views[i]->begin(&out, &v);
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		num++;
		if (!v.have_t0) {	/* times are relative to the file's start */
			v.t0.tv_sec = h->ts.tv_sec;
			v.t0.tv_nsec = h->ts.tv_usec;
			v.have_t0 = 1;
		}
		if (op->filter != NULL && !pcap_offline_filter(&prog, h, data))
			continue;
		st_pkt_reset(&pkt, data, h->caplen, h->len);
		pkt.lite = lite;
		pkt.num = num;
		pkt.ts.tv_sec = h->ts.tv_sec;
		pkt.ts.tv_nsec = h->ts.tv_usec;	/* nanoseconds: see open */
		if (v.local && shown == 0) {
			struct tm tm;
			time_t t = pkt.ts.tv_sec;

			if (localtime_r(&t, &tm) != NULL)
				v.utcoff = tm.tm_gmtoff;
		}
		st_decode(&pkt, lt);
		for (i = 0; i < op->vs.n; i++)
			op->vs.views[i]->packet(&out, &pkt, &v);
		if (out.err != 0)
			break;
		if (op->count != 0 && ++shown >= op->count)
			break;
		if (op->count == 0)
			shown++;
	}
	for (i = 0; i < op->vs.n; i++)
		if (op->vs.views[i]->end != NULL)
			op->vs.views[i]->end(&out, &v);
	st_vctx_free(&v);
	if (st_out_flush(&out) != 0 && out.err != EPIPE) {
		st_cli_err("writing output: %s", strerror(out.err));
		status = ST_EXIT_RUNTIME;
	}
	if (rc == -1) {
		st_cli_err("%s: after %llu packet%s: %s", op->file, num,
		    num == 1 ? "" : "s", pcap_geterr(p));
		status = ST_EXIT_RUNTIME;
	}
	if (op->filter != NULL)
		pcap_freecode(&prog);
	return status;
}

/* The conversation of packet n in the file (a first pass). */
static int
flow_of_frame(const struct opts *op, unsigned long long n, struct st_flow *k)
{
	static struct st_packet pkt;
	struct pcap_pkthdr *h;
	const u_char *data;
	unsigned long long i = 0;
	pcap_t *p;
	int rc = -1;

	if ((p = st_cli_open_pcap(op->file, dropped_root)) == NULL)
		return -2;
	while (pcap_next_ex(p, &h, &data) == 1)
		if (++i == n) {
			st_pkt_reset(&pkt, data, h->caplen, h->len);
			st_decode(&pkt, pcap_datalink(p));
			rc = st_follow_key(&pkt, k);
			break;
		}
	pcap_close(p);
	if (rc != 0)
		st_cli_err("--follow %llu: %s", n, i < n ? "no such packet in "
		    "the file" : "that packet is not TCP");
	return rc;
}

/* decode --follow: collect the stream's segments, then draw it. */
static int
follow(const struct opts *op, FILE *out_fp)
{
	static struct st_follow fw;
	static struct st_packet pkt;
	static struct st_out out;
	struct st_vctx v;
	struct pcap_pkthdr *h;
	const u_char *data;
	struct st_flow k;
	const char *why;
	char *end;
	unsigned long long n;
	pcap_t *p;
	int rc, lt;

	n = strtoull(op->follow, &end, 10);
	if (*end == '\0' && n > 0) {
		if (strcmp(op->file, "-") == 0) {
			st_cli_err("--follow N reads the file twice: give a file, "
			    "not -, or --follow 'tcp A:P B:P'");
			return ST_EXIT_USAGE;
		}
		if ((rc = flow_of_frame(op, n, &k)) != 0)
			return rc == -2 ? ST_EXIT_RUNTIME : ST_EXIT_USAGE;
	} else if (st_follow_parse(op->follow, &k, &why) != 0) {
		st_cli_err("--follow: '%s': %s", op->follow, why);
		return ST_EXIT_USAGE;
	}
	if ((p = st_cli_open_pcap(op->file, dropped_root)) == NULL)
		return ST_EXIT_RUNTIME;
	lt = pcap_datalink(p);
	st_follow_init(&fw, &k);
	n = 0;
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		st_pkt_reset(&pkt, data, h->caplen, h->len);
		pkt.num = ++n;
		st_decode(&pkt, lt);
		if (st_follow_add(&fw, &pkt) < 0) {
			st_cli_err("--follow: out of memory");
			break;
		}
	}
	memset(&v, 0, sizeof(v));
	st_out_init(&out, out_fp);
	st_follow_render(&out, &fw, &v);
	st_out_flush(&out);
	st_follow_free(&fw);
	if (rc == -1)
		st_cli_err("%s: %s", op->file, pcap_geterr(p));
	pcap_close(p);
	return rc == -1 ? ST_EXIT_RUNTIME : ST_EXIT_OK;
}

int
st_cmd_decode(int argc, char **argv)
{
	struct opts op;
	FILE *out = stdout;
	const char *what = "";
	pcap_t *p;
	int rc;

	if (parse_opts(&op, argc, argv) != 0)
		return ST_EXIT_USAGE;
	/*
	 * Decoding needs no privilege at all: the output file is opened where
	 * the user is, then everything is given up before the input is even
	 * opened.
	 */
	if (op.ofile != NULL && (out = fopen(op.ofile, "w")) == NULL) {
		st_cli_err("%s: %s", op.ofile, strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	dropped_root = geteuid() == 0 || getuid() == 0;
	if (st_priv_drop(&what) != 0) {
		st_cli_err("decode: dropping privileges: %s: %s", what,
		    strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	if (op.follow != NULL)
		return follow(&op, out);
	if ((p = st_cli_open_pcap(op.file, dropped_root)) == NULL) {
		if (out != stdout)
			fclose(out);
		return ST_EXIT_RUNTIME;
	}
	rc = run(&op, p, out);
	pcap_close(p);
	if (out != stdout && fclose(out) != 0 && rc == ST_EXIT_OK) {
		st_cli_err("%s: %s", op.ofile, strerror(errno));
		rc = ST_EXIT_RUNTIME;
	}
	return rc;
}
