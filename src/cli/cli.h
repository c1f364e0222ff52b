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

#include <pcap/pcap.h>

#include "strata/view.h"

#define ST_CLI_VIEWS	16

struct st_viewset {
	const struct st_view	*views[ST_CLI_VIEWS];
	size_t			 n;
};

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
 * and returns NULL.  dropped_root: strata started as root and reads as
 * nobody now, which the message for a file it may not read says.
 */
pcap_t	*st_cli_open_pcap(const char *path, int dropped_root);

/* A progress bar on stderr for reading a large file (src/cli/progress.c). */
struct st_progress {
	int		 on, drawn;
	unsigned long	 packets;
	double		 size, t0, last, after;
	FILE		*fp;
	const char	*name;
};

/* Starts a bar for the file of p, unless quiet or it would not be seen. */
void	st_progress_start(struct st_progress *pg, pcap_t *p, const char *name,
	    int quiet);
void	st_progress_tick_slow(struct st_progress *pg);
/* Counts a packet; redraws now and then (cheap on every packet). */
static inline void
st_progress_tick(struct st_progress *pg)
{
	if (pg->on && (++pg->packets & 1023) == 0)
		st_progress_tick_slow(pg);
}
/* Wipes the bar. */
void	st_progress_end(struct st_progress *pg);

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

/*
 * After a privilege failure has been reported in one line: the doctor's
 * findings and fixes, on stderr.
 */
void	st_cli_doctor(void);

#endif
