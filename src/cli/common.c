/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the subcommands share: view lists, colour, error lines.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>

#include "strata/net.h"
#include "strata/view.h"
#include "cli.h"

/* Says a view is unknown, naming every view (from the one table). */
static void
unknown_view(const char *name)
{
	char list[512];
	size_t i, n = 0;

	list[0] = '\0';
	for (i = 0; st_views[i] != NULL && n < sizeof(list); i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s%s",
		    i > 0 ? ", " : "", st_views[i]->name);
	st_cli_err("--view: unknown view '%s' (views: %s)", name, list);
}

int
st_cli_views(struct st_viewset *vs, const char *list)
{
	char buf[256], *tok, *save = NULL;
	const struct st_view *v;

	if (strlen(list) >= sizeof(buf)) {
		st_cli_err("--view: list too long");
		return -1;
	}
	strcpy(buf, list);
	vs->n = 0;
	for (tok = strtok_r(buf, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if ((v = st_view_find(tok)) == NULL) {
			unknown_view(tok);
			return -1;
		}
		if (vs->n == ST_CLI_VIEWS) {
			st_cli_err("--view: at most %d views", ST_CLI_VIEWS);
			return -1;
		}
		vs->views[vs->n++] = v;
	}
	if (vs->n == 0) {
		st_cli_err("--view: no view named");
		return -1;
	}
	return 0;
}

int
st_cli_views_live(const struct st_viewset *vs, const char *cmd)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		if (vs->views[i]->needs_file) {
			st_cli_err("%s: the %s view is a report of a saved "
			    "capture: use -w FILE, then strata decode --view "
			    "%s -o REPORT FILE", cmd, vs->views[i]->name,
			    vs->views[i]->name);
			return -1;
		}
	return 0;
}

int
st_cli_color(const char *arg, int *setting)
{
	if (strcmp(arg, "auto") == 0)
		*setting = -1;
	else if (strcmp(arg, "always") == 0)
		*setting = 1;
	else if (strcmp(arg, "never") == 0)
		*setting = 0;
	else {
		st_cli_err("--color: '%s' is not auto, always or never", arg);
		return -1;
	}
	return 0;
}

int
st_cli_want_color(int setting)
{
	const char *nc = getenv("NO_COLOR");

	if (setting >= 0)
		return setting;
	return isatty(STDOUT_FILENO) && (nc == NULL || nc[0] == '\0');
}

void
st_cli_show(const struct st_viewset *vs, struct st_out *o,
    const struct st_packet *pkt, struct st_vctx *v)
{
	size_t i;

	for (i = 0; i < vs->n; i++)
		vs->views[i]->packet(o, pkt, v);
	st_out_flush(o);
}

int
st_cli_open_reader(struct st_reader *r, const char *path, int dropped_root)
{
	char why[PCAP_ERRBUF_SIZE + 64];
	int rc;

	if ((rc = st_reader_open(r, path, why, sizeof(why))) == 0)
		return 0;
	st_cli_err("%s: %s%s", path, why, rc == -1 && errno == EACCES &&
	    dropped_root ? " (started as root, strata reads files as "
	    "nobody: run it as yourself, or make the file readable)" : "");
	return -1;
}

void
st_cli_preopen(struct st_cli_in *in, const char *path)
{
	in->path = path;
	in->err = 0;
	if (strcmp(path, "-") == 0)
		in->fp = stdin;
	else if ((in->fp = fopen(path, "rb")) == NULL)
		in->err = errno;
}

int
st_cli_open_in(struct st_reader *r, struct st_cli_in *in)
{
	char why[PCAP_ERRBUF_SIZE + 64];
	FILE *fp = in->fp;

	memset(r, 0, sizeof(*r));
	in->fp = NULL;		/* the reader has it now, or it is closed */
	if (fp == NULL) {
		st_cli_err("%s: %s", in->path, strerror(in->err));
		return -1;
	}
	if (st_reader_fopen(r, fp, in->path, why, sizeof(why)) == 0)
		return 0;
	st_cli_err("%s: %s", in->path, why);
	return -1;
}

void
st_cli_preclose(struct st_cli_in *in)
{
	if (in->fp != NULL && in->fp != stdin)
		fclose(in->fp);
	in->fp = NULL;
}

void
st_cli_sandbox(void)
{
	char text[256];

	if (st_sandbox_enter() == 0 && getenv("STRATA_SANDBOX_TEST") != NULL) {
		st_sandbox_probe(text, sizeof(text));
		fprintf(stderr, "strata: sandbox: %s\n", text);
	}
}
