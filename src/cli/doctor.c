/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata doctor: which ways of sending and capturing work here, and the
 * fix for each that does not.  The same report follows any privilege
 * failure of send, ping, trace, capture and demo.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/doctor.h"
#include "cli.h"

static void
doctor_usage(FILE *fp)
{
	fputs("usage: strata doctor\n"
	    "\n"
	    "Tries each way strata sends and captures on this host, as this "
	    "user: root,\nCAP_NET_RAW (on the process and on the binary), the "
	    "kernel's unprivileged\nICMP sockets (net.ipv4.ping_group_range), "
	    "capture on each interface; prints\nthe exact fix for each that "
	    "does not work.  Exit 0 when some way to send\nworks, 1 when "
	    "none does.\n", fp);
}

void
st_cli_doctor(void)
{
	static struct st_doctor_facts f;
	static char text[ST_DOCTOR_TEXT];

	fflush(stdout);
	st_doctor_probe(&f);
	st_doctor_report(&f, text, sizeof(text));
	fputc('\n', stderr);
	fputs(text, stderr);
}

int
st_cmd_doctor(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static struct st_doctor_facts f;
	static char text[ST_DOCTOR_TEXT];
	int ch, rc;

	optind = 1;
	while ((ch = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		if (ch == 'h') {
			doctor_usage(stdout);
			return ST_EXIT_OK;
		}
		fputs("strata: try 'strata doctor --help'\n", stderr);
		return ST_EXIT_USAGE;
	}
	if (optind != argc) {
		st_cli_err("doctor: takes no arguments (try 'strata doctor "
		    "--help')");
		return ST_EXIT_USAGE;
	}
	st_doctor_probe(&f);
	rc = st_doctor_report(&f, text, sizeof(text));
	fputs(text, stdout);
	return rc == 0 ? ST_EXIT_OK : ST_EXIT_RUNTIME;
}
