/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dropbox LAN sync discovery (UDP 17500): every 30 seconds a Dropbox
 * client broadcasts a JSON object saying who it is (host_int), which
 * protocol version it speaks, the TCP port it listens on for LAN sync
 * and the namespaces (shared folders) it holds, so that clients on one
 * LAN copy files between themselves instead of through the cloud.  The
 * layer has no fields: as Wireshark's db-lsp-disc, the datagram goes on
 * to the JSON decoder.
 */
#include "strata/out.h"
#include "fields.h"

static int
dblsp_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_cur_left(c) == 0)
		return ST_ENOTME;
	d->hdr = 0;
	d->next_key = ST_KEY_MEDIA;
	d->next_val = ST_MEDIA_JSON;
	return ST_OK;
}

static const struct st_bind dblsp_binds[] = {
	{ ST_KEY_UDPPORT, 17500 },
};

static int
dblsp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	st_out_printf(s->o, "dropbox lan sync discovery, %u bytes",
	    ly->len);
	return 1;
}

const struct st_proto st_proto_dblsp_disc = {
	.name = "db-lsp-disc",
	.ws = "db-lsp-disc",
	.title = "Dropbox LAN sync Discovery Protocol",
	.rfc = "Dropbox (no public specification)",
	.role = ST_ROLE_APP,
	.decode = dblsp_decode,
	.binds = dblsp_binds,
	.nbinds = NFIELDS(dblsp_binds),
	.summary = dblsp_summary,
	.color = "\033[33m",
	.explain = "Dropbox clients announcing themselves on the LAN: a UDP "
	    "broadcast to port 17500 every 30 seconds, a JSON object with the "
	    "client's ID (host_int), the TCP port it serves LAN sync on and "
	    "the IDs of the shared folders (namespaces) it holds.  Clients "
	    "sharing a folder then copy files directly over the LAN.  A "
	    "common sight in home and office captures.",
};
