/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata: shows, layer by layer, how application data is wrapped into
 * transport, network and link headers.  main() only dispatches.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
	const char	*name;
	int		(*run)(int, char **);
	const char	*help;
} cmds[] = {
	{ "decode", st_cmd_decode, "decode a pcap or pcapng file" },
	{ "stats", st_cmd_stats, "protocol hierarchy, conversations and frame "
	    "sizes of captures" },
	{ "replay", st_cmd_replay, "a capture played back as if live, at "
	    "the pace of its timestamps" },
	{ "capture", st_cmd_capture, "live packets through libpcap, shown "
	    "with any view" },
	{ "send", st_cmd_send, "build a packet from a layer spec, send it, "
	    "show the reply" },
	{ "ping", st_cmd_ping, "crafted ICMP echo requests, iputils-style "
	    "output" },
	{ "demo", st_cmd_demo, "the socket API on loopback, each call beside "
	    "its packets" },
	{ "explain", st_cmd_explain, "a protocol's header drawn as in its RFC, "
	    "every field explained" },
	{ "trace", st_cmd_trace, "route discovery by TTL, traceroute-style "
	    "output" },
	{ "quiz", st_cmd_quiz, "fields of real packets blanked for you to "
	    "work out, then the working" },
	{ "bpf", st_cmd_bpf, "a capture filter's bytecode in words, run on "
	    "a packet step by step" },
	{ "doctor", st_cmd_doctor, "which ways of sending and capturing work "
	    "here, and the fixes" },
};

void
st_cli_err(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("strata: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void
usage(FILE *fp)
{
	size_t i;

	fputs("usage: strata COMMAND [options] ...\n\ncommands:\n", fp);
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(fp, "  %-10s %s\n", cmds[i].name, cmds[i].help);
	fputs("\n'strata COMMAND --help' shows a command's options.\n"
	    "Examples:\n"
	    "  strata decode --view tree,hex captures/icmp-echo.pcap\n"
	    "  sudo strata send 'ip(dst=127.0.0.1)/icmp(type=echo-request,"
	    "id=7,seq=1)/\"hi\"'\n",
	    fp);
}

int
main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return ST_EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return ST_EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("strata %s\n", STRATA_VERSION);
		return ST_EXIT_OK;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[1], cmds[i].name) == 0) {
			/* getopt's own messages begin "strata: " as ours. */
			argv[1] = (char *)"strata";
			return cmds[i].run(argc - 1, argv + 1);
		}
	st_cli_err("unknown command '%s' (try 'strata --help')", argv[1]);
	return ST_EXIT_USAGE;
}
