/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line: subcommands and what they share.  Only src/cli reports
 * errors to the user and chooses exit codes.
 */
#ifndef STRATA_CLI_H
#define STRATA_CLI_H

#define ST_EXIT_OK	0
#define ST_EXIT_RUNTIME	1	/* a file, a socket, a privilege */
#define ST_EXIT_USAGE	2	/* a bad option, spec or filter */

#define STRATA_VERSION	"0.1.0"

#include <stddef.h>
#include <stdio.h>

#include <pcap/pcap.h>

#include "strata/reader.h"
#include "strata/view.h"

#define ST_CLI_VIEWS	16

struct st_viewset {
	const struct st_view	*views[ST_CLI_VIEWS];
	size_t			 n;
};

/*
 * The options several subcommands take alike (src/cli/opts.c).  A command
 * puts ST_CLI_LONGOPTS in its getopt_long table and "o:c:f:q" (those it
 * takes) in its short ones, and hands each option to st_cli_opt first.
 */
struct st_cli_opts {
	struct st_viewset	 vs;		/* --view (default given) */
	int			 views_given;
	int			 color;		/* --color: -1 auto, 0, 1 */
	const char		*ofile;		/* -o FILE */
	unsigned long long	 count;		/* -c COUNT; 0: all */
	const char		*filter;	/* -f FILTER (BPF) */
	int			 quiet;		/* -q */
};
#define ST_CLI_VIEW	0x01
#define ST_CLI_COLOR	0x02
#define ST_CLI_OUT	0x04
#define ST_CLI_COUNT	0x08
#define ST_CLI_FILTER	0x10
#define ST_CLI_QUIET	0x20
#define ST_CLI_O_VIEW	0x1001		/* getopt_long codes */
#define ST_CLI_O_COLOR	0x1002
#define ST_CLI_LONGOPTS \
	{ "view", required_argument, NULL, ST_CLI_O_VIEW }, \
	{ "color", required_argument, NULL, ST_CLI_O_COLOR }

void	st_cli_opts_init(struct st_cli_opts *c, const struct st_view *view);
/*
 * Takes option ch with arg if it is one of those in takes: 1; 0 when it is
 * not (the command's own); -1 after saying what is wrong.  cmd: the live
 * command ("capture"), whose views must print as packets come and whose
 * messages it names; NULL for decode.
 */
int	st_cli_opt(struct st_cli_opts *c, unsigned takes, const char *cmd,
	    int ch, const char *arg);

/* Parses a comma-separated view list; -1 after saying what is wrong. */
int	st_cli_views(struct st_viewset *vs, const char *list);
/* Refuses views that only write files (html) for live output. */
int	st_cli_views_live(const struct st_viewset *vs, const char *cmd);
/* Parses auto|always|never into -1, 1, 0; -1 after saying what is wrong. */
int	st_cli_color(const char *arg, int *setting);
/* Whether to colour: the setting, or for auto a terminal without NO_COLOR. */
int	st_cli_want_color(int setting);
/* Shows pkt with every view of vs, and flushes. */
void	st_cli_show(const struct st_viewset *vs, struct st_out *o,
	    const struct st_packet *pkt, struct st_vctx *v);

/*
 * Opens a capture file ("-": stdin) for reading, or says why not (one line)
 * and returns -1.  dropped_root: strata started as root and reads as
 * nobody now, which the message for a file it may not read says.
 */
int	st_cli_open_reader(struct st_reader *r, const char *path,
	    int dropped_root);

/*
 * A file named on the command line, opened as the user who ran strata
 * before privileges are given up (as tcpdump -Z does), and read only
 * after: st_cli_preopen opens it ("-": stdin), remembering why not;
 * st_cli_open_in reads its header into r, or says why not (one line) and
 * returns -1; st_cli_preclose closes one never handed to a reader.
 */
struct st_cli_in {
	const char	*path;
	FILE		*fp;
	int		 err;
};
void	st_cli_preopen(struct st_cli_in *in, const char *path);
int	st_cli_open_in(struct st_reader *r, struct st_cli_in *in);
void	st_cli_preclose(struct st_cli_in *in);

/* A progress bar on stderr for reading a large file (src/cli/progress.c). */
struct st_progress {
	int		 on, drawn;
	unsigned long	 packets;
	double		 size, t0, last, after;
	FILE		*fp;
	const char	*name;
};

/*
 * Starts a bar for the file r reads, unless quiet or it would not be seen:
 * the reader ticks it.
 */
void	st_progress_start(struct st_progress *pg, struct st_reader *r,
	    int quiet);
/* Wipes the bar. */
void	st_progress_end(struct st_progress *pg);

/*
 * Confines the rest of the run (st_sandbox_enter); with STRATA_SANDBOX_TEST
 * set, says whether opening a file and a socket now fails.
 */
void	st_cli_sandbox(void);

/* iputils' words (src/cli/echo.c): got's source address as text, and
 * what its ICMP or ICMPv6 error says. */
void	st_cli_src_text(const struct st_packet *got, char *buf, size_t n);
void	st_cli_icmp_error_text(const struct st_packet *got, char *buf,
	    size_t n);

/* Prints "strata: " and the message to stderr, with a newline. */
void	st_cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int	st_cmd_decode(int argc, char **argv);
int	st_cmd_send(int argc, char **argv);
int	st_cmd_ping(int argc, char **argv);
int	st_cmd_trace(int argc, char **argv);
int	st_cmd_explain(int argc, char **argv);
int	st_cmd_capture(int argc, char **argv);
int	st_cmd_demo(int argc, char **argv);
int	st_cmd_doctor(int argc, char **argv);
int	st_cmd_quiz(int argc, char **argv);
int	st_cmd_stats(int argc, char **argv);
int	st_cmd_bpf(int argc, char **argv);
int	st_cmd_replay(int argc, char **argv);

/*
 * After a privilege failure has been reported in one line: the doctor's
 * findings and fixes, on stderr.
 */
void	st_cli_doctor(void);

#endif
