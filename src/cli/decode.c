/* SPDX-License-Identifier: BSD-3-Clause */
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
#include "strata/reader.h"
#include "strata/reasm.h"
#include "strata/ring.h"
#include "strata/net.h"
#include "strata/view.h"
#include "cli.h"

#define MAXFILES	256

struct opts {
	const char		*file;		/* the first */
	char *const		*files;
	int			 nfiles;
	int			 merge;		/* --merge: in time order */
	struct st_cli_opts	 c;		/* -q, -f, -c, --view, --color,
						   -o */
	int			 local;
	const char		*follow;	/* --follow N or 'tcp A B' */
	int			 abs_seq;	/* -S */
	int			 verbose;	/* -v */
	int			 reassemble;	/* --reassemble */
};

static void
decode_usage(FILE *fp)
{
	size_t i;

	fputs("usage: strata decode [-n] [-v] [-c COUNT] [-f FILTER] "
	    "[--view VIEW[,VIEW...]]\n"
	    "                     [--color=auto|always|never] [--local] "
	    "[--merge]\n"
	    "                     [--reassemble] [-q] FILE...\n"
	    "\n"
	    "  FILE...          pcap or pcapng files, in order, each named; - "
	    "reads standard\n"
	    "                   input\n"
	    "  --merge          the packets of all FILEs in time order, "
	    "numbered as merged\n"
	    "  -q, --quiet      no progress bar (drawn on a terminal's stderr "
	    "for long work)\n"
	    "  -c COUNT         stop after COUNT packets\n"
	    "  -f FILTER        only packets matching a BPF filter "
	    "('icmp or port 53')\n"
	    "  -r FILE          the same as FILE (tcpdump's habit; no -r is "
	    "needed)\n"
	    "  -n               accepted for tcpdump habits: strata never "
	    "resolves names\n"
	    "  -S               absolute TCP sequence numbers (default: "
	    "relative, as tcpdump)\n"
	    "  -v               the summary adds the network header's facts "
	    "as tcpdump -v\n"
	    "                   does (tos, ttl, id, offset, flags, proto, "
	    "length)\n"
	    "  --reassemble     decode a fragmented datagram's upper layers "
	    "on the frame that\n"
	    "                   completes it, as tshark does (each fragment "
	    "is marked and\n"
	    "                   the completing frame lists them either "
	    "way); and a TLS\n"
	    "                   record, HTTP message or DNS message cut "
	    "across TCP\n"
	    "                   segments on the segment that completes it\n"
	    "  --view LIST      views, comma-separated (default summary):\n",
	    fp);
	for (i = 0; st_views[i] != NULL; i++)
		fprintf(fp, "                     %-8s %s\n", st_views[i]->name,
		    st_views[i]->help);
	fputs("  --color WHEN     colour the hex view and layer names "
	    "(auto: on a terminal\n"
	    "                   unless NO_COLOR is set), 256-colour shades "
	    "readable on\n"
	    "                   light and dark backgrounds alike\n"
	    "  --local          times in local time instead of UTC\n"
	    "  -o FILE          write the output to FILE (the html view "
	    "needs one unless\n                   standard output is a pipe "
	    "or file)\n"
	    "  --follow N       follow the TCP stream of packet N (or "
	    "'tcp A:P B:P'):\n"
	    "                   each message and the segments that carried "
	    "it\n", fp);
}

static int
parse_opts(struct opts *op, int argc, char **argv, const struct st_view *view)
{
	enum { O_LOCAL = 256, O_FOLLOW, O_MERGE, O_REASM };
	static const struct option lo[] = {
		ST_CLI_LONGOPTS,
		{ "colour", required_argument, NULL, ST_CLI_O_COLOR },
		{ "merge", no_argument, NULL, O_MERGE },
		{ "reassemble", no_argument, NULL, O_REASM },
		{ "quiet", no_argument, NULL, 'q' },
		{ "local", no_argument, NULL, O_LOCAL },
		{ "follow", required_argument, NULL, O_FOLLOW },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static char *rfiles[1];
	const char *rfile = NULL;
	size_t i;
	int ch, rc;

	memset(op, 0, sizeof(*op));
	st_cli_opts_init(&op->c, view);
	optind = 1;
	while ((ch = getopt_long(argc, argv, "c:f:no:qr:Svh", lo, NULL)) !=
	    -1) {
		if ((rc = st_cli_opt(&op->c, ST_CLI_VIEW | ST_CLI_COLOR |
		    ST_CLI_OUT | ST_CLI_COUNT | ST_CLI_FILTER | ST_CLI_QUIET,
		    NULL, ch, optarg)) != 0) {
			if (rc < 0)
				return -1;
			continue;
		}
		switch (ch) {
		case 'n':
			break;
		case 'r':	/* tcpdump's habit: the file, as FILE */
			if (rfile != NULL) {
				st_cli_err("decode: -r once; more files go "
				    "after the options, no -r needed");
				return -1;
			}
			rfile = optarg;
			break;
		case O_MERGE:
			op->merge = 1;
			break;
		case O_REASM:
			op->reassemble = 1;
			break;
		case 'S':
			op->abs_seq = 1;
			break;
		case 'v':
			op->verbose = 1;
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
			fputs("strata: try 'strata decode --help'\n", stderr);
			return -1;
		}
	}
	if (rfile != NULL && optind < argc) {
		st_cli_err("decode: -r %s and %s: name the files without -r "
		    "(strata decode FILE...)", rfile, argv[optind]);
		return -1;
	}
	if (rfile != NULL) {
		rfiles[0] = (char *)rfile;
		argv = rfiles;
		argc = 1;
		optind = 0;
	}
	if (optind >= argc) {
		st_cli_err("decode: no FILE given (try 'strata decode --help')");
		return -1;
	}
	op->file = argv[optind];
	op->files = argv + optind;
	op->nfiles = argc - optind;
	if (op->nfiles > MAXFILES) {
		st_cli_err("decode: at most %d files at once", MAXFILES);
		return -1;
	}
	if (op->follow != NULL && op->c.views_given) {
		st_cli_err("--follow draws the stream itself: it takes "
		    "no --view");
		return -1;
	}
	if (op->follow != NULL && op->nfiles > 1) {
		st_cli_err("--follow reads one FILE");
		return -1;
	}
	for (i = 0; i < (size_t)op->nfiles; i++)
		if (strcmp(op->files[i], "-") == 0 && op->nfiles > 1) {
			st_cli_err("decode: - (standard input) only as the one "
			    "FILE");
			return -1;
		}
	for (i = 0; i < op->c.vs.n; i++)
		if (op->c.vs.views[i]->needs_file && op->c.ofile == NULL &&
		    isatty(STDOUT_FILENO)) {
			st_cli_err("--view %s writes a file: give -o FILE",
			    op->c.vs.views[i]->name);
			return -1;
		}
	return 0;
}

/*
 * The files named, opened before privileges are given up (the second for
 * --follow N, which reads the file twice); read only after.
 */
static struct st_cli_in ins[MAXFILES], follow_in;

/* One input file: its reader and its progress bar. */
struct src {
	struct st_reader	 r;
	struct st_progress	 pg;
};

/* Opens and sets up each file; -1 after saying why, -2 for the filter. */
static int
open_src(const struct opts *op, struct src *s, struct st_cli_in *in)
{
	char why[PCAP_ERRBUF_SIZE + 64];

	memset(s, 0, sizeof(*s));
	if (st_cli_open_in(&s->r, in) != 0)
		return -1;
	if (op->c.filter != NULL &&
	    st_reader_filter(&s->r, op->c.filter, why, sizeof(why)) != 0) {
		st_cli_err("filter '%s': %s", op->c.filter, why);
		st_reader_close(&s->r);
		return -2;
	}
	return 0;
}

static void
close_src(struct src *s)
{
	if (s->r.p == NULL)
		return;
	st_progress_end(&s->pg);
	st_reader_close(&s->r);
}

/* The state of one run of the views over one or more files. */
struct show {
	const struct opts	*op;
	struct st_packet	 pkt;
	struct st_out		 out;
	struct st_vctx		 v;
	struct st_defrag	*ra;		/* fragments across frames */
	unsigned long long	 shown;
	int			 lite;
};

static void
show_begin(struct show *sh, const char *title)
{
	const struct opts *op = sh->op;

	memset(&sh->v, 0, sizeof(sh->v));
	sh->v.color = op->c.ofile != NULL ? op->c.color == 1 :
	    st_cli_want_color(op->c.color);
	sh->v.local = op->local;
	sh->v.abs_seq = op->abs_seq;
	sh->v.verbose = op->verbose;
	sh->v.title = title;
}

/* Shows the decoded packet pkt of s with every view. */
static void
show_decoded(struct show *sh, const struct src *s, struct st_packet *pkt)
{
	size_t i;

	if (!sh->v.have_t0) {	/* times count from the file's first */
		sh->v.t0 = s->r.first;
		sh->v.have_t0 = 1;
	}
	if (sh->v.local && sh->shown == 0) {
		struct tm tm;
		time_t t = pkt->ts.tv_sec;

		if (localtime_r(&t, &tm) != NULL)
			sh->v.utcoff = tm.tm_gmtoff;
	}
	sh->v.file = sh->op->nfiles > 1 ? s->r.name : NULL;
	for (i = 0; i < sh->op->c.vs.n; i++)
		sh->op->c.vs.views[i]->packet(&sh->out, pkt, &sh->v);
	sh->shown++;
}

/* Decodes the packet read ahead in s as number num and shows it. */
static void
show_one(struct show *sh, const struct src *s, unsigned long long num)
{
	struct st_record rec = s->r.rec;

	rec.num = num;
	st_decode_frame(&sh->pkt, &rec, sh->lite);
	show_decoded(sh, s, &sh->pkt);
}

static int
done(const struct show *sh)
{
	return sh->out.err != 0 ||
	    (sh->op->c.count != 0 && sh->shown >= sh->op->c.count);
}

/* The ring's sink: the run and the file it reads. */
struct sinkarg {
	struct show	*sh;
	struct src	*s;
};

/*
 * With the filter deferred (--reassemble), whether pkt is shown: its own
 * bytes match, or the datagram it completes does (link header, whole
 * headers, payload), as tshark's display filter sees reassembled data.
 */
static int
passes(struct show *sh, struct src *s, const struct st_packet *pkt)
{
	static uint8_t dg[ST_DEFRAG_MAXLEN + 1024];
	size_t n;

	if (!s->r.defer || st_reader_match(&s->r, pkt->linktype, pkt->data,
	    pkt->caplen, pkt->len))
		return 1;
	n = st_defrag_frame(sh->ra, pkt, dg, sizeof(dg));
	return n > 0 && st_reader_match(&s->r, pkt->linktype, dg, n, n);
}

static void
sink_show(void *arg, struct st_packet *pkt)
{
	struct sinkarg *a = arg;

	/* Left out: the conversations still see it (as track_hidden). */
	if (!passes(a->sh, a->s, pkt)) {
		st_track(&a->sh->v.flows, pkt);
		return;
	}
	show_decoded(a->sh, a->s, pkt);
}

static int
sink_done(void *arg)
{
	return done(((struct sinkarg *)arg)->sh);
}

/* Says how reading s ended; 0, or ST_EXIT_RUNTIME on a read error. */
static int
src_status(const struct src *s)
{
	if (s->r.rc != -1)
		return ST_EXIT_OK;
	st_cli_err("%s: after %llu packet%s: %s", s->r.name, s->r.num,
	    s->r.num == 1 ? "" : "s", st_reader_error(&s->r));
	return ST_EXIT_RUNTIME;
}

/* A packet the filter hides: the conversations still see it. */
static void
track_hidden(void *arg, const struct st_record *rec)
{
	static struct st_packet pkt;
	struct show *sh = arg;

	st_decode_frame(&pkt, rec, sh->lite);
	st_track(&sh->v.flows, &pkt);
}

/* Shows every packet of s that passes the filter, until done. */
static void
show_file(struct show *sh, struct src *s)
{
	struct st_ring_sink sink = { sink_show, sink_done, NULL, sh->lite };
	struct sinkarg a = { sh, s };

	/* With --reassemble every frame is decoded in order, feeding the
	 * reassembly, and the filter asked afterwards (passes); else it
	 * drops frames before they are decoded, the conversations still
	 * seeing them. */
	if (sh->op->c.filter != NULL && sh->op->reassemble)
		s->r.defer = 1;
	else if (sh->op->c.filter != NULL) {
		s->r.hidden = track_hidden;
		s->r.hidden_arg = sh;
	}

	sink.arg = &a;
	st_ring_decode(&s->r, sh->op->c.count != 0 && !s->r.defer ?
	    sh->op->c.count - sh->shown : 0, &sink);
}

/* --merge: every file open at once, the packets in time order. */
static int
run_merged(const struct opts *op, struct show *sh, struct src *srcs,
    int *failed)
{
	static struct st_reader *rd[MAXFILES];
	struct st_merge m;
	struct st_reader *r;
	int status = ST_EXIT_OK, i, rc;

	for (i = 0; i < op->nfiles; i++) {
		rd[i] = &srcs[i].r;
		if ((rc = open_src(op, &srcs[i], &ins[i])) == 0)
			srcs[i].r.rec.reasm = sh->ra;
		else {
			/* A file that will not open is left out. */
			if (rc == -2) {
				status = ST_EXIT_USAGE;
				break;
			}
			*failed = 1;
			continue;
		}
		st_progress_start(&srcs[i].pg, &srcs[i].r,
		    op->c.quiet || op->nfiles > 1);
	}
	if (status == ST_EXIT_OK) {
		st_merge_start(&m, rd, op->nfiles);
		/* Times count from the earliest first packet of all. */
		if (m.have_first) {
			sh->v.t0 = m.first;
			sh->v.have_t0 = 1;
		}
		/* struct src begins with its reader. */
		while (!done(sh) && (r = st_merge_next(&m)) != NULL)
			show_one(sh, (struct src *)r, sh->shown + 1);
	}
	for (i = 0; i < op->nfiles; i++) {
		if (srcs[i].r.p != NULL && status == ST_EXIT_OK && !done(sh))
			status = src_status(&srcs[i]);
		close_src(&srcs[i]);
	}
	return status;
}

static int
run(const struct opts *op, FILE *out_fp)
{
	static struct show sh;
	static struct src srcs[MAXFILES];
	int status = ST_EXIT_OK, machine = 0, failed = 0, named = 0, i;
	int rc;
	size_t j;

	sh.op = op;
	sh.lite = 1;
	/* Fragments are listed on the frame completing them either way. */
	if ((sh.ra = st_defrag_new(op->reassemble)) == NULL) {
		st_cli_err("decode: out of memory");
		return ST_EXIT_RUNTIME;
	}
	sh.shown = 0;
	st_out_init(&sh.out, out_fp);
	/* Views that read only main fields let the decoders skip the parts. */
	for (j = 0; j < op->c.vs.n; j++) {
		sh.lite &= op->c.vs.views[j]->lite;
		machine |= op->c.vs.views[j]->machine;
	}
	show_begin(&sh, op->file);
	for (j = 0; j < op->c.vs.n; j++)
		if (op->c.vs.views[j]->begin != NULL)
			op->c.vs.views[j]->begin(&sh.out, &sh.v);
	if (op->merge)
		status = run_merged(op, &sh, srcs, &failed);
	else {
		for (i = 0; i < op->nfiles && status == ST_EXIT_OK &&
		    !done(&sh); i++) {
			if ((rc = open_src(op, &srcs[0], &ins[i])) == 0)
				srcs[0].r.rec.reasm = sh.ra;
			else {
				/* Said why; the other files still count. */
				if (rc == -2) {
					status = ST_EXIT_USAGE;
					break;
				}
				failed = 1;
				continue;
			}
			if (op->nfiles > 1) {
				/* Each file on its own: times, connections,
				 * fragments. */
				st_vctx_free(&sh.v);
				st_defrag_reset(sh.ra);
				show_begin(&sh, op->files[i]);
				if (!machine)
					st_out_printf(&sh.out, "%s==> %s <==\n",
					    named++ > 0 ? "\n" : "",
					    op->files[i]);
			}
			st_progress_start(&srcs[0].pg, &srcs[0].r, op->c.quiet);
			show_file(&sh, &srcs[0]);
			if (!done(&sh))
				status = src_status(&srcs[0]);
			close_src(&srcs[0]);
		}
	}
	for (j = 0; j < op->c.vs.n; j++)
		if (op->c.vs.views[j]->end != NULL)
			op->c.vs.views[j]->end(&sh.out, &sh.v);
	st_vctx_free(&sh.v);
	st_defrag_free(sh.ra);
	sh.ra = NULL;
	for (i = 0; i < op->nfiles; i++)
		st_cli_preclose(&ins[i]);	/* those left unread */
	if (failed && status == ST_EXIT_OK)
		status = ST_EXIT_RUNTIME;
	if (st_out_flush(&sh.out) != 0 && sh.out.err != EPIPE) {
		st_cli_err("writing output: %s", strerror(sh.out.err));
		status = ST_EXIT_RUNTIME;
	}
	return status;
}

/* The conversation of packet n in the file (a first pass). */
static int
flow_of_frame(unsigned long long n, struct st_flow *k)
{
	static struct st_packet pkt;
	struct st_reader r;
	int rc = -1;

	if (st_cli_open_in(&r, &follow_in) != 0)
		return -2;
	while (st_reader_next(&r) == 1)
		if (r.num == n) {
			st_decode_frame(&pkt, &r.rec, 0);
			rc = st_follow_key(&pkt, k);
			break;
		}
	if (rc != 0)
		st_cli_err("--follow %llu: %s", n, r.num < n ? "no such packet "
		    "in the file" : "that packet is not TCP");
	st_reader_close(&r);
	return rc;
}

/*
 * --follow's argument: a packet number into *n (1, 2, ...), or a
 * conversation into *k (*n 0); -1 after saying what is wrong.
 */
static int
follow_arg(const char *arg, unsigned long long *n, struct st_flow *k)
{
	const char *why;
	char *end;

	*n = 0;
	if (arg[0] >= '0' && arg[0] <= '9') {
		errno = 0;
		*n = strtoull(arg, &end, 10);
		if (errno == 0 && *end == '\0' && *n > 0)
			return 0;
		if (*end == '\0' || errno != 0) {
			st_cli_err("--follow: '%s' is not a packet number "
			    "(packets are numbered from 1)", arg);
			return -1;
		}
	} else if (arg[0] == '-') {
		st_cli_err("--follow: '%s' is not a packet number "
		    "(packets are numbered from 1) nor 'tcp A:P B:P'", arg);
		return -1;
	}
	if (st_follow_parse(arg, k, &why) != 0) {
		st_cli_err("--follow: '%s': %s", arg, why);
		return -1;
	}
	return 0;
}

/* decode --follow: collect the stream's segments, then draw it. */
static int
follow(const struct opts *op, FILE *out_fp)
{
	static struct st_follow fw;
	static struct st_packet pkt;
	static struct st_out out;
	struct st_reader r;
	struct st_vctx v;
	struct st_flow k;
	unsigned long long n;
	int rc;

	if (follow_arg(op->follow, &n, &k) != 0)
		return ST_EXIT_USAGE;
	if (n > 0) {
		if (strcmp(op->file, "-") == 0) {
			st_cli_err("--follow N reads the file twice: give "
			    "a file, not -, or --follow 'tcp A:P B:P'");
			return ST_EXIT_USAGE;
		}
		if ((rc = flow_of_frame(n, &k)) != 0)
			return rc == -2 ? ST_EXIT_RUNTIME : ST_EXIT_USAGE;
	}
	st_cli_preclose(&follow_in);
	if (st_cli_open_in(&r, &ins[0]) != 0)
		return ST_EXIT_RUNTIME;
	st_follow_init(&fw, &k);
	while ((rc = st_reader_next(&r)) == 1) {
		st_decode_frame(&pkt, &r.rec, 0);
		if (st_follow_add(&fw, &pkt) < 0) {
			st_cli_err("--follow: out of memory");
			break;
		}
	}
	if (rc == -1)
		st_cli_err("%s: %s", op->file, st_reader_error(&r));
	else if (fw.frames == 0) {
		st_cli_err("--follow: no packet of '%s' in %s",
		    op->follow, op->file);
		st_follow_free(&fw);
		st_reader_close(&r);
		return ST_EXIT_RUNTIME;
	}
	memset(&v, 0, sizeof(v));
	st_out_init(&out, out_fp);
	st_follow_render(&out, &fw, &v);
	st_out_flush(&out);
	st_follow_free(&fw);
	st_reader_close(&r);
	return rc == -1 ? ST_EXIT_RUNTIME : ST_EXIT_OK;
}

/* decode, with view the one shown unless --view names others. */
static int
decode_cmd(int argc, char **argv, const struct st_view *view)
{
	struct opts op;
	FILE *out = stdout;
	const char *what = "";
	int rc, i;

	if (parse_opts(&op, argc, argv, view) != 0)
		return ST_EXIT_USAGE;
	/*
	 * Decoding needs no privilege at all.  As tcpdump -Z: the files named
	 * are opened with the rights of whoever ran strata (root may read a
	 * root-owned file of mode 600), then everything is given up, and only
	 * then is a byte of them read.
	 */
	if (op.c.ofile != NULL && (out = fopen(op.c.ofile, "w")) == NULL) {
		st_cli_err("%s: %s", op.c.ofile, strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	for (i = 0; i < op.nfiles; i++)
		st_cli_preopen(&ins[i], op.files[i]);
	if (op.follow != NULL && strcmp(op.file, "-") != 0)
		st_cli_preopen(&follow_in, op.file);
	if (st_priv_drop(&what) != 0) {
		st_cli_err("decode: dropping privileges: %s: %s", what,
		    strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	if (op.follow != NULL)
		return follow(&op, out);
	rc = run(&op, out);
	if (out != stdout && fclose(out) != 0 && rc == ST_EXIT_OK) {
		st_cli_err("%s: %s", op.c.ofile, strerror(errno));
		rc = ST_EXIT_RUNTIME;
	}
	return rc;
}

int
st_cmd_decode(int argc, char **argv)
{
	return decode_cmd(argc, argv, &st_view_summary);
}

/*
 * strata stats [options] FILE...: decode with the stats view alone, so it
 * takes decode's filter, count, several files and --merge.
 */
int
st_cmd_stats(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs("usage: strata stats [-c COUNT] [-f FILTER] [--merge] "
			    "[-q] [-o FILE] FILE...\n"
			    "\n"
			    "What the capture holds, after reading it all: the "
			    "protocol hierarchy (frames\nand bytes that carry each "
			    "protocol, as tshark -z io,phs), the IP, TCP and UDP\n"
			    "conversations with frames and bytes each way (-z "
			    "conv), and a histogram of\nframe sizes.  The options "
			    "are decode's.\n", stdout);
			return ST_EXIT_OK;
		}
		if (strncmp(argv[i], "--view", 6) == 0 ||
		    strcmp(argv[i], "--follow") == 0) {
			st_cli_err("stats: %s is decode's, not stats' (try "
			    "'strata stats --help')", argv[i]);
			return ST_EXIT_USAGE;
		}
	}
	return decode_cmd(argc, argv, &st_view_stats);
}
