/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata quiz FILE: fields of real packets blanked for a student to work
 * out, the answers checked, the working shown.  Seeded, so a teacher can
 * hand out the same quiz (--print) and keep its key (--key).
 *
 * Two passes over the file: the first finds every question each packet
 * can ask, the seed picks among them (one kind after another, so a quiz
 * mixes them); the second asks them in frame order, with the TCP
 * connections followed from the start so relative numbers are right.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "strata/decode.h"
#include "strata/net.h"
#include "strata/quiz.h"
#include "cli.h"

#define MAXCAND	200000	/* questions considered, at most */
#define MAXQ	50

struct cand {
	uint64_t	frame;
	uint8_t		kind;
};

struct qopts {
	const char	*file;
	unsigned	 nq;
	uint64_t	 seed;
	int		 have_seed;
	int		 print, key;
	unsigned	 kinds;		/* bit per enum st_quiz_kind */
	unsigned long	 maxpkts;
};

static void
quiz_usage(FILE *fp)
{
	fputs("usage: strata quiz [-n QUESTIONS] [--seed N] [--kinds LIST] "
	    "[-c PACKETS]\n"
	    "                   [--print | --key] FILE\n"
	    "\n"
	    "Blanks a field of packets from FILE for you to work out, checks "
	    "your answer\nand shows the working.  On a terminal it asks; "
	    "otherwise it reads one answer\na line from stdin.\n"
	    "\n"
	    "  -n QUESTIONS  how many (default 5, at most 50)\n"
	    "  --seed N      the same N asks the same questions of the same "
	    "file\n"
	    "  --kinds LIST  of ip.len, ip.hdr_len, ip.checksum, "
	    "ip.frag_offset, tcp.seq,\n"
	    "                icmp.type, joined by ',' (default: all)\n"
	    "  -c PACKETS    consider only the first PACKETS packets\n"
	    "  --print       the questions only: a handout\n"
	    "  --key         the questions with answers and working: the "
	    "key\n", fp);
}

static uint64_t
next_rand(uint64_t *s)		/* splitmix64: the same on every machine */
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
parse_kinds(const char *list, unsigned *kinds)
{
	static const char *const names[ST_Q_NKINDS] = { "ip.len",
		"ip.hdr_len", "ip.checksum", "ip.frag_offset", "tcp.seq",
		"icmp.type" };
	char buf[256], *tok, *save = NULL;
	int k;

	*kinds = 0;
	snprintf(buf, sizeof(buf), "%s", list);
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		for (k = 0; k < ST_Q_NKINDS; k++)
			if (strcmp(tok, names[k]) == 0)
				break;
		if (k == ST_Q_NKINDS) {
			st_cli_err("quiz: --kinds: no kind '%s' (ip.len, "
			    "ip.hdr_len, ip.checksum, ip.frag_offset, tcp.seq, "
			    "icmp.type)", tok);
			return -1;
		}
		*kinds |= 1u << k;
	}
	return *kinds != 0 ? 0 : -1;
}

static int
parse_opts(struct qopts *op, int argc, char **argv)
{
	enum { O_SEED = 256, O_KINDS, O_PRINT, O_KEY };
	static const struct option lo[] = {
		{ "seed", required_argument, NULL, O_SEED },
		{ "kinds", required_argument, NULL, O_KINDS },
		{ "print", no_argument, NULL, O_PRINT },
		{ "key", no_argument, NULL, O_KEY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	unsigned long long v;
	int ch;

	memset(op, 0, sizeof(*op));
	op->nq = 5;
	op->kinds = (1u << ST_Q_NKINDS) - 1;
	optind = 1;
	while ((ch = getopt_long(argc, argv, "n:c:h", lo, NULL)) != -1) {
		switch (ch) {
		case 'n':
		case 'c':
		case O_SEED:
			errno = 0;
			v = strtoull(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || optarg[0] == '-' ||
			    (ch != O_SEED && (v == 0 || (ch == 'n' && v > MAXQ)))) {
				st_cli_err("quiz: %s: '%s' is not %s",
				    ch == 'n' ? "-n" : ch == 'c' ? "-c" : "--seed",
				    optarg, ch == 'n' ? "a count from 1 to 50" :
				    ch == 'c' ? "a positive count" : "a number");
				return -1;
			}
			if (ch == 'n')
				op->nq = (unsigned)v;
			else if (ch == 'c')
				op->maxpkts = (unsigned long)v;
			else {
				op->seed = v;
				op->have_seed = 1;
			}
			break;
		case O_KINDS:
			if (parse_kinds(optarg, &op->kinds) != 0)
				return -1;
			break;
		case O_PRINT:
			op->print = 1;
			break;
		case O_KEY:
			op->key = 1;
			break;
		case 'h':
			quiz_usage(stdout);
			exit(ST_EXIT_OK);
		default:
			fputs("strata: try 'strata quiz --help'\n", stderr);
			return -1;
		}
	}
	if (op->print && op->key) {
		st_cli_err("quiz: --print or --key, not both");
		return -1;
	}
	if (optind != argc - 1 || strcmp(argv[optind], "-") == 0) {
		st_cli_err("quiz: %s (try 'strata quiz --help')", optind >= argc ?
		    "no FILE given" : optind < argc - 1 ? "one FILE at a time" :
		    "FILE must be a file: stdin holds the answers");
		return -1;
	}
	op->file = argv[optind];
	return 0;
}

/* Reads the next packet of r into pkt; 1, 0 at the end, -1 on error. */
static int
next_packet(struct st_reader *r, struct st_packet *pkt)
{
	int rc = st_reader_next(r);

	if (rc != 1)
		return rc == 0 || rc == -2 ? 0 : -1;
	st_decode_frame(pkt, &r->rec, 0);
	return 1;
}

/* Pass 1: every (frame, kind) the file can ask. */
static int
candidates(const struct qopts *op, struct cand **out, size_t *n)
{
	static struct st_packet pkt;
	static struct st_vctx v;
	struct st_quiz_q q;
	struct cand *c;
	struct st_reader r;
	int k, rc;

	if (st_cli_open_reader(&r, op->file, geteuid() != getuid()) != 0)
		return -1;
	if ((c = calloc(MAXCAND, sizeof(*c))) == NULL) {
		st_cli_err("quiz: out of memory");
		st_reader_close(&r);
		return -1;
	}
	*n = 0;
	memset(&v, 0, sizeof(v));
	while ((op->maxpkts == 0 || r.num < op->maxpkts) &&
	    (rc = next_packet(&r, &pkt)) == 1)
		for (k = 0; k < ST_Q_NKINDS; k++)
			if (st_quiz_make(&q, (enum st_quiz_kind)k, &pkt, &v) == 0
			    && op->kinds & 1u << k && *n < MAXCAND) {
				c[*n].frame = pkt.num;
				c[*n].kind = (uint8_t)k;
				(*n)++;
			}
	st_vctx_free(&v);
	st_reader_close(&r);
	*out = c;
	return 0;
}

/* Picks up to nq, one kind after another in an order the seed shuffles. */
static size_t
pick(struct cand *c, size_t n, unsigned nq, uint64_t seed, struct cand *out)
{
	uint64_t s = seed;
	size_t got = 0, i, cnt[ST_Q_NKINDS] = { 0 }, r;
	int order[ST_Q_NKINDS], k, t, j, progress = 1;

	for (i = 0; i < n; i++)
		cnt[c[i].kind]++;
	for (k = 0; k < ST_Q_NKINDS; k++)
		order[k] = k;
	for (k = ST_Q_NKINDS - 1; k > 0; k--) {
		j = (int)(next_rand(&s) % (uint64_t)(k + 1));
		t = order[k];
		order[k] = order[j];
		order[j] = t;
	}
	while (got < nq && progress) {
		progress = 0;
		for (k = 0; k < ST_Q_NKINDS && got < nq; k++) {
			t = order[k];
			if (cnt[t] == 0)
				continue;
			/* The r-th remaining candidate of kind t. */
			r = (size_t)(next_rand(&s) % cnt[t]);
			for (i = 0; i < n; i++)
				if (c[i].kind == t && r-- == 0)
					break;
			out[got++] = c[i];
			c[i].kind = 0xff;	/* taken */
			cnt[t]--;
			progress = 1;
		}
	}
	return got;
}

static int
by_frame(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	return x->frame < y->frame ? -1 : x->frame > y->frame ? 1 :
	    x->kind - y->kind;
}

/* Reads one answer line; NULL at the end of input. */
static char *
read_answer(char *buf, size_t n, int tty)
{
	if (tty) {
		fputs("  your answer: ", stdout);
		fflush(stdout);
	}
	if (fgets(buf, (int)n, stdin) == NULL)
		return NULL;
	buf[strcspn(buf, "\n")] = '\0';
	return buf;
}

/*
 * One answer to q: asked again while it is not a number (or name) where
 * one is asked, instead of scored wrong.  1 right, 0 wrong, -1 none (an
 * empty line, or the end of input: *eof).
 */
static int
answer(struct st_out *out, const struct st_quiz_q *q, char *line, size_t n,
    int tty, int *eof, char **ans)
{
	int ok;

	for (;;) {
		*ans = *eof ? NULL : read_answer(line, n, tty);
		*eof = *ans == NULL;
		if (!tty)
			st_out_printf(out, "  your answer: %s\n",
			    *ans != NULL ? *ans : "(none)");
		if (*ans == NULL || (*ans)[0] == '\0')
			return -1;
		if ((ok = st_quiz_check(q, *ans)) >= 0)
			return ok;
		st_out_puts(out, "  not a number (or name): once more\n");
		st_out_flush(out);
	}
}

/* Pass 2: the questions, in frame order. */
static int
ask_all(const struct qopts *op, const struct cand *want, size_t nwant)
{
	static struct st_packet pkt;
	static struct st_vctx v;
	static struct st_out out;
	struct st_quiz_q q, tq;
	char line[256], *ans;
	const char *hint;
	unsigned right = 0, asked = 0;
	size_t w = 0;
	int tty = isatty(0), rc, ok, eof = 0;
	struct st_reader r;

	if (st_cli_open_reader(&r, op->file, geteuid() != getuid()) != 0)
		return -1;
	st_out_init(&out, stdout);
	memset(&v, 0, sizeof(v));
	while (w < nwant && (rc = next_packet(&r, &pkt)) == 1) {
		/* Every segment, so that the connections stay right. */
		(void)st_quiz_make(&tq, ST_Q_TCPSEQ, &pkt, &v);
		for (; w < nwant && want[w].frame == pkt.num; w++) {
			if (want[w].kind == ST_Q_TCPSEQ)
				q = tq;
			else if (st_quiz_make(&q, (enum st_quiz_kind)
			    want[w].kind, &pkt, &v) != 0)
				continue;
			st_quiz_ask(&out, &q, ++asked);
			st_out_flush(&out);
			if (op->print) {
				putchar('\n');
				continue;
			}
			if (op->key) {
				st_out_puts(&out, "  answer:\n");
			} else {
				ok = answer(&out, &q, line, sizeof(line), tty,
				    &eof, &ans);
				right += ok == 1;
				st_out_puts(&out, ok == 1 ? "  right:\n" :
				    ok == 0 ? "  not quite; the working:\n" :
				    "  no answer; the working:\n");
				if (ok == 0 && (hint = st_quiz_hint(&q, ans)) !=
				    NULL)
					st_out_printf(&out, "  (%s)\n", hint);
			}
			st_quiz_working(&out, &q);
			st_out_putc(&out, '\n');
			st_out_flush(&out);
		}
	}
	if (!op->print && !op->key)
		printf("score: %u of %u\n", right, asked);
	st_vctx_free(&v);
	st_reader_close(&r);
	return 0;
}

int
st_cmd_quiz(int argc, char **argv)
{
	static struct cand want[MAXQ];
	struct qopts op;
	struct cand *c = NULL;
	const char *what = "";
	size_t n, nwant;
	int rc;

	if (parse_opts(&op, argc, argv) != 0)
		return ST_EXIT_USAGE;
	if (st_priv_drop(&what) != 0) {
		st_cli_err("quiz: dropping privileges: %s: %s", what,
		    strerror(errno));
		return ST_EXIT_RUNTIME;
	}
	if (!op.have_seed && getrandom(&op.seed, sizeof(op.seed), 0) !=
	    sizeof(op.seed))
		op.seed = (uint64_t)time(NULL);
	if (!op.have_seed)
		op.seed %= 1000000;	/* short enough to write on a board */
	if (candidates(&op, &c, &n) != 0)
		return ST_EXIT_RUNTIME;
	nwant = pick(c, n, op.nq, op.seed, want);
	free(c);
	if (nwant == 0) {
		st_cli_err("quiz: %s: no packet here can ask %s", op.file,
		    op.kinds == (1u << ST_Q_NKINDS) - 1 ? "any question (it "
		    "needs IPv4, TCP or ICMP)" : "those kinds");
		return ST_EXIT_RUNTIME;
	}
	qsort(want, nwant, sizeof(want[0]), by_frame);
	printf("strata quiz: %zu question%s from %s, seed %llu ('strata quiz "
	    "--seed %llu' asks them again)\n\n", nwant, nwant == 1 ? "" : "s",
	    op.file, (unsigned long long)op.seed,
	    (unsigned long long)op.seed);
	fflush(stdout);
	rc = ask_all(&op, want, nwant);
	return rc == 0 ? ST_EXIT_OK : ST_EXIT_RUNTIME;
}
