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

/* Prints "strata: " and the message to stderr, with a newline. */
void	st_cli_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int	st_cmd_decode(int argc, char **argv);

#endif
