/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata bpf FILTER [FILE]: a capture filter as libpcap compiles it, each
 * instruction in words (src/view/bpf.c); on packet N of a file, run step
 * by step; on a whole file, the packets it matches.  Every verdict of the
 * step-by-step interpreter is checked against libpcap's own.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "strata/bpf.h"
#include "strata/net.h"
#include "strata/view.h"
#include "strata/reader.h"
#include "cli.h"

#define SNAPLEN		262144	/* as tcpdump compiles: ret #262144 */

struct bopts {
	const char	*filter, *file;
	int		 linktype;
	unsigned long long num;		/* -n: 0 for none */
};

static void
bpf_usage(FILE *fp)
{
	fputs("usage: strata bpf [-y LINKTYPE] FILTER\n"
	    "       strata bpf FILTER FILE [-n N]\n\n"
	    "  -y, --link TYPE   link type to compile for (EN10MB, LINUX_SLL, "
	    "RAW,\n"
	    "                    NULL, ...; default EN10MB); a file's own "
	    "otherwise\n"
	    "  -n, --packet N    run the filter on packet N of FILE, step by "
	    "step\n"
	    "  -h, --help        this help\n\n"
	    "Without FILE: each instruction as tcpdump's dump (-d) prints "
	    "it, in words,\nand the paths that accept.  With FILE and no -n: how "
	    "many packets match.\n", fp);
}

static int
parse_opts(struct bopts *op, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "link", required_argument, NULL, 'y' },
		{ "packet", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	int ch;

	memset(op, 0, sizeof(*op));
	op->linktype = -1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "y:n:h", lo, NULL)) != -1) {
		switch (ch) {
		case 'y':
			if ((op->linktype = pcap_datalink_name_to_val(optarg))
			    < 0) {
				st_cli_err("bpf: -y: unknown link type '%s' "
				    "(EN10MB, LINUX_SLL, RAW, NULL, ...)",
				    optarg);
				return -1;
			}
			break;
		case 'n':
			errno = 0;
			op->num = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || optarg[0] == '-' ||
			    op->num == 0) {
				st_cli_err("bpf: -n: '%s' is not a packet "
				    "number (from 1)", optarg);
				return -1;
			}
			break;
		case 'h':
			bpf_usage(stdout);
			return 1;
		default:
			bpf_usage(stderr);
			return -1;
		}
	}
	if (argc - optind < 1 || argc - optind > 2) {
		bpf_usage(stderr);
		return -1;
	}
	op->filter = argv[optind];
	op->file = argc - optind == 2 ? argv[optind + 1] : NULL;
	if (op->num != 0 && op->file == NULL) {
		st_cli_err("bpf: -n needs a FILE");
		return -1;
	}
	return 0;
}

/* The longest word of the filter that the message repeats ("illegal
 * port number 99999"), or SIZE_MAX. */
static size_t
longest_word(const char *filter, const char *msg)
{
	const char *w, *e, *m;
	size_t best = SIZE_MAX, bl = 0, l;

	for (w = filter; *w != '\0'; w = e) {
		while (*w == ' ' || *w == '\t' || *w == '(' || *w == ')')
			w++;
		for (e = w; *e != '\0' && *e != ' ' && *e != '\t' &&
		    *e != '(' && *e != ')'; e++)
			;
		if ((l = (size_t)(e - w)) <= bl)
			continue;
		for (m = msg; (m = memmem(m, strlen(m), w, l)) != NULL; m++)
			if ((m == msg || m[-1] == ' ') &&
			    (m[l] == '\0' || m[l] == ' ' || m[l] == ',')) {
				best = (size_t)(w - filter);
				bl = l;
				break;
			}
	}
	return best;
}

/*
 * Where in the filter libpcap stopped: the word its message quotes or
 * repeats, else the word after the longest run of words that compiles.
 */
static size_t
offending(pcap_t *pd, const char *filter, const char *msg)
{
	struct bpf_program pr;
	const char *q, *e, *w;
	char *pre;
	size_t at = 0, n = strlen(filter);

	if ((q = strchr(msg, '\'')) != NULL && (e = strchr(q + 1, '\'')) !=
	    NULL && e > q + 1 && (w = memmem(filter, n, q + 1,
	    (size_t)(e - q - 1))) != NULL)
		return (size_t)(w - filter);
	if ((at = longest_word(filter, msg)) != SIZE_MAX)
		return at;
	at = 0;
	if ((pre = malloc(n + 1)) == NULL)
		return 0;
	for (w = filter; *w != '\0';) {
		while (*w == ' ' || *w == '\t')
			w++;
		if (*w == '\0')
			break;
		while (*w != '\0' && *w != ' ' && *w != '\t')
			w++;
		memcpy(pre, filter, (size_t)(w - filter));
		pre[w - filter] = '\0';
		if (pcap_compile(pd, &pr, pre, 1, PCAP_NETMASK_UNKNOWN) == 0) {
			pcap_freecode(&pr);
			at = (size_t)(w - filter);
		}
	}
	free(pre);
	while (filter[at] == ' ' || filter[at] == '\t')
		at++;
	return at < n ? at : n;
}

static int
compile(pcap_t *pd, const char *filter, struct bpf_program *pr)
{
	char msg[PCAP_ERRBUF_SIZE + 32];
	size_t at;

	if (pcap_compile(pd, pr, filter, 1, PCAP_NETMASK_UNKNOWN) == 0)
		return 0;
	snprintf(msg, sizeof(msg), "%s", pcap_geterr(pd));
	st_cli_err("bpf: %s", msg);
	at = offending(pd, filter, msg);
	fprintf(stderr, "  %s\n  %*s^\n", filter, (int)at, "");
	return -1;
}

/*
 * Runs the filter on every packet (or packet num, step by step); a pcapng
 * file's packets of another link type than the program's are left out.
 */
static int
over_file(struct st_reader *r, const struct st_bpf *b,
    const struct bpf_program *pr, const struct bopts *op, struct st_out *o,
    int linktype)
{
	struct pcap_pkthdr h;
	const struct st_record *rec = &r->rec;
	unsigned long long n = 0, hits = 0, other = 0;
	uint32_t mine, ref;
	int rc;

	memset(&h, 0, sizeof(h));
	while ((rc = st_reader_next(r)) == 1) {
		if (rec->lt != linktype) {
			other++;
			continue;
		}
		n++;
		if (op->num != 0 && n != op->num)
			continue;
		if (op->num != 0)
			st_out_printf(o, "packet %llu: %u bytes, %u captured\n",
			    n, rec->len, rec->caplen);
		mine = st_bpf_run(b, op->num != 0 ? o : NULL, rec->data,
		    rec->len, rec->caplen);
		h.caplen = rec->caplen;
		h.len = rec->len;
		ref = (uint32_t)pcap_offline_filter(pr, &h, rec->data);
		if (mine != ref) {
			st_out_flush(o);
			st_cli_err("bpf: packet %llu: the interpreter says %u, "
			    "libpcap's bpf_filter %u: they disagree", n, mine,
			    ref);
			return ST_EXIT_RUNTIME;
		}
		hits += ref != 0;
		if (op->num != 0)
			break;
	}
	if (rc == -1) {
		st_out_flush(o);
		st_cli_err("%s: %s", op->file, st_reader_error(r));
		return ST_EXIT_RUNTIME;
	}
	if (op->num != 0 && n != op->num) {
		st_out_flush(o);
		st_cli_err("bpf: %s has %llu packets, no packet %llu", op->file,
		    n, op->num);
		return ST_EXIT_RUNTIME;
	}
	if (op->num == 0)
		st_out_printf(o, "%llu of %llu packets match\n", hits, n);
	if (other != 0)
		st_out_printf(o, "(%llu packets of other link types left out)\n",
		    other);
	return ST_EXIT_OK;
}

static int
run(const struct bopts *op, struct st_reader *r, int linktype)
{
	static struct st_out o;
	struct bpf_program pr;
	struct st_bpf b;
	pcap_t *pd;
	int rc = ST_EXIT_OK;

	if ((pd = pcap_open_dead(linktype, SNAPLEN)) == NULL) {
		st_cli_err("bpf: out of memory");
		return ST_EXIT_RUNTIME;
	}
	if (compile(pd, op->filter, &pr) < 0) {
		pcap_close(pd);
		return ST_EXIT_USAGE;
	}
	if (st_bpf_init(&b, pr.bf_insns, pr.bf_len, linktype) < 0) {
		st_cli_err("bpf: the compiled program is not one strata can "
		    "follow");
		rc = ST_EXIT_RUNTIME;
		goto out;
	}
	st_out_init(&o, stdout);
	if (r == NULL)
		st_bpf_explain(&o, &b);
	else
		rc = over_file(r, &b, &pr, op, &o, linktype);
	if (st_out_flush(&o) < 0 && rc == ST_EXIT_OK) {
		st_cli_err("bpf: writing: %s", strerror(o.err));
		rc = ST_EXIT_RUNTIME;
	}
	st_bpf_free(&b);
out:
	pcap_freecode(&pr);
	pcap_close(pd);
	return rc;
}

int
st_cmd_bpf(int argc, char **argv)
{
	struct bopts op;
	struct st_reader r;
	struct st_cli_in in = { NULL, NULL, 0 };
	const char *what = "";
	pcap_t *p = NULL;
	int rc, linktype;

	if ((rc = parse_opts(&op, argc, argv)) != 0)
		return rc > 0 ? ST_EXIT_OK : ST_EXIT_USAGE;
	/*
	 * Explaining and reading a file need no privilege: the file is opened
	 * as whoever ran strata, then none is kept, then it is read.
	 */
	if (op.file != NULL)
		st_cli_preopen(&in, op.file);
	if (st_priv_drop(&what) != 0) {
		st_cli_err("bpf: dropping privileges: %s: %s", what,
		    strerror(errno));
		st_cli_preclose(&in);
		return ST_EXIT_RUNTIME;
	}
	linktype = op.linktype >= 0 ? op.linktype : DLT_EN10MB;
	if (op.file != NULL) {
		if (st_cli_open_in(&r, &in) != 0)
			return ST_EXIT_RUNTIME;
		p = r.p;
		if (op.linktype >= 0 && op.linktype != pcap_datalink(p)) {
			st_cli_err("bpf: -y %s: %s is %s", pcap_datalink_val_to_name(
			    op.linktype), op.file, pcap_datalink_val_to_name(
			    pcap_datalink(p)));
			st_reader_close(&r);
			return ST_EXIT_USAGE;
		}
		linktype = pcap_datalink(p);
	}
	rc = run(&op, p != NULL ? &r : NULL, linktype);
	if (p != NULL)
		st_reader_close(&r);
	return rc;
}
