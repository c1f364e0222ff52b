/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * BACnet's application layer PDU header (ASHRAE 135 clause 20.1), after
 * Wireshark's packet-bacapp.c: the PDU type in the first byte's high
 * nibble, then by type:
 *
 *   0 Confirmed-Request  flags (SEG, MOR, SA), max segments and APDU
 *                        size, invoke ID, [sequence, window,] service
 *   1 Unconfirmed-Request  service
 *   2 SimpleACK          invoke ID, service
 *   3 ComplexACK         flags (SEG, MOR), invoke ID, [sequence,
 *                        window,] service
 *   4 SegmentACK         flags (NAK, SRV), invoke ID, sequence, window
 *   5 Error              invoke ID, service
 *   6 Reject             invoke ID, reason
 *   7 Abort              flag (SRV), invoke ID, reason
 *
 * The service's parameters (tagged values) follow, left as data here.
 */
#include "strata/out.h"
#include "fields.h"

enum {
	F_TYPE, F_FLAGS, F_SEG, F_MOR, F_SA, F_NAK, F_SRV, F_SEGS, F_APDU,
	F_INVOKE, F_SEQ, F_WINDOW, F_SERVICE, F_USERVICE, F_REJECT, F_ABORT
};

static const struct st_valname type_names[] = {
	{ 0, "Confirmed-REQ" }, { 1, "Unconfirmed-REQ" }, { 2, "Simple-ACK" },
	{ 3, "Complex-ACK" }, { 4, "Segment-ACK" }, { 5, "Error" },
	{ 6, "Reject" }, { 7, "Abort" }, { 0, NULL }
};
static const struct st_valname service_names[] = {
	{ 0, "acknowledgeAlarm" }, { 5, "subscribeCOV" },
	{ 6, "atomicReadFile" }, { 7, "atomicWriteFile" },
	{ 12, "readProperty" }, { 14, "readPropertyMultiple" },
	{ 15, "writeProperty" }, { 16, "writePropertyMultiple" },
	{ 17, "deviceCommunicationControl" },
	{ 20, "reinitializeDevice" }, { 26, "readRange" }, { 0, NULL }
};
static const struct st_valname uservice_names[] = {
	{ 0, "i-Am" }, { 1, "i-Have" }, { 2, "unconfirmedCOVNotification" },
	{ 3, "unconfirmedEventNotification" }, { 4, "unconfirmedPrivateTransfer" },
	{ 6, "timeSynchronization" }, { 7, "who-Has" }, { 8, "who-Is" },
	{ 9, "utcTimeSynchronization" }, { 0, NULL }
};

static const struct st_field_desc bacapp_fields[] = {
	FDN("type", "bacapp.type", "APDU Type", 0, 4, ST_FMT_DEC,
	    type_names),
	FD(NULL, "bacapp.pduflags", "PDU Flags", 4, 4, ST_FMT_HEX),
	FDD(NULL, "bacapp.segmented_request", "Segmented Request", 4, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bacapp.more_segments", "More Segments", 5, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "bacapp.SA", "SA", 6, 1, ST_FMT_BOOL),
	FD(NULL, "bacapp.NAK", "NAK", 6, 1, ST_FMT_BOOL),
	FD(NULL, "bacapp.SRV", "SRV", 7, 1, ST_FMT_BOOL),
	FD(NULL, "bacapp.response_segments",
	    "Max Response Segments accepted", 9, 3, ST_FMT_DEC),
	FD(NULL, "bacapp.max_adpu_size", "Size of Maximum ADPU accepted", 12,
	    4, ST_FMT_DEC),
};

/* The one-byte fields after the first, where they are found (M(F_...)). */
#define M(i)	(&bacapp_more[(i) - F_INVOKE])
static const struct st_field_desc bacapp_more[] = {
	FD("invoke", "bacapp.invoke_id", "Invoke ID", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacapp.sequence_number", "Sequence Number", 0, 8,
	    ST_FMT_DEC),
	FD(NULL, "bacapp.window_size", "Proposed Window Size", 0, 8,
	    ST_FMT_DEC),
	FDN("service", "bacapp.confirmed_service", "Service Choice", 0, 8,
	    ST_FMT_DEC, service_names),
	FDN("service", "bacapp.unconfirmed_service",
	    "Unconfirmed Service Choice", 0, 8, ST_FMT_DEC, uservice_names),
	FD(NULL, "bacapp.reject_reason", "Reject Reason", 0, 8, ST_FMT_DEC),
	FD(NULL, "bacapp.abort_reason", "Abort Reason", 0, 8, ST_FMT_DEC),
};

/* The bytes after the first, one field each, in order (0 ends). */
static const uint8_t layout[8][6] = {
	{ F_INVOKE, F_SERVICE },			/* 0 (no SEG) */
	{ F_USERVICE },					/* 1 */
	{ F_INVOKE, F_SERVICE },			/* 2 */
	{ F_INVOKE, F_SERVICE },			/* 3 (no SEG) */
	{ F_INVOKE, F_SEQ, F_WINDOW },			/* 4 */
	{ F_INVOKE, F_SERVICE },			/* 5 */
	{ F_INVOKE, F_REJECT },				/* 6 */
	{ F_INVOKE, F_ABORT },				/* 7 */
};
static const uint8_t segmented[] = { F_INVOKE, F_SEQ, F_WINDOW, F_SERVICE,
	0 };

static int
bacapp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t start = c->off, left = st_cur_left(c);
	const uint8_t *rows;
	unsigned b0, type, i;

	st_dfield(d, c, &bacapp_fields[F_TYPE]);
	b0 = (unsigned)st_peek_bits(c, 0, 8);
	if (c->err != ST_OK) {
		d->hdr = left;
		return c->err;
	}
	type = b0 >> 4;
	if (type == 0 || type == 3) {
		st_dfields(d, c, bacapp_fields + F_FLAGS, type == 0 ? 4 : 3);
		if (type == 0)	/* max segments, max APDU size */
			st_dfields(d, c, bacapp_fields + F_SEGS, 2);
	} else if (type == 4)
		st_dfields(d, c, bacapp_fields + F_NAK, 2);
	else if (type == 7)
		st_dfield(d, c, &bacapp_fields[F_SRV]);
	c->off += type == 0 ? 2 : 1;
	rows = type > 7 ? segmented + 4 :
	    (type == 0 || type == 3) && (b0 & 0x08) ? segmented :
	    layout[type];
	for (i = 0; i < 6 && rows[i] != 0 && c->err == ST_OK; i++)
		if (st_dfield(d, c, M(rows[i])) != NULL)
			c->off += 1;
	if (c->err != ST_OK) {
		d->hdr = left;
		return ST_ETRUNC;
	}
	d->hdr = c->off - start;
	d->data = 1;		/* the service's parameters */
	return ST_OK;
}

static const struct st_bind bacapp_binds[] = {
	{ ST_KEY_BACNET, 0 },
};

/* "BACnet Confirmed-REQ readProperty[1]", "BACnet Unconfirmed-REQ who-Is" */
static int
bacapp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *t, *sv, *f[F_ABORT - F_INVOKE + 1];
	const char *m;
	unsigned k;

	st_ly_fields(s->pkt, ly, bacapp_fields, 1, &t);
	st_ly_fields(s->pkt, ly, bacapp_more, NFIELDS(bacapp_more), f);
	if (t == NULL)
		return 0;
	st_out_puts(s->o, "BACnet ");
	if ((m = st_field_meaning(t)) != NULL)
		st_out_puts(s->o, m);
	else {
		st_out_puts(s->o, "APDU type ");
		s->value(s, t);
	}
	for (k = F_SERVICE; k <= F_USERVICE; k++) {
		if ((sv = f[k - F_INVOKE]) == NULL)
			continue;
		st_out_putc(s->o, ' ');
		if ((m = st_field_meaning(sv)) != NULL)
			st_out_puts(s->o, m);
		else
			s->value(s, sv);
	}
	if (f[0] != NULL) {
		st_out_putc(s->o, '[');
		s->value(s, f[0]);
		st_out_putc(s->o, ']');
	}
	return 1;
}

static const struct st_field_desc *const bacapp_keys[] = {
	&bacapp_fields[F_TYPE], &bacapp_fields[F_FLAGS], NULL,
};

const struct st_proto st_proto_bacapp = {
	.name = "bacapp",
	.ws = "bacapp",
	.title = "BACnet APDU",
	.rfc = "ASHRAE 135 clause 20",
	.role = ST_ROLE_APP,
	.fields = bacapp_fields,
	.nfields = NFIELDS(bacapp_fields),
	.more = bacapp_more,
	.nmore = NFIELDS(bacapp_more),
	.decode = bacapp_decode,
	.binds = bacapp_binds,
	.nbinds = NFIELDS(bacapp_binds),
	.summary = bacapp_summary,
	.keys = bacapp_keys,
	.color = "\033[36m",
	.explain = "A BACnet application PDU: a confirmed request (answered "
	    "by a Simple- or Complex-ACK, an Error, a Reject or an Abort "
	    "carrying the same invoke ID) or an unconfirmed one such as "
	    "Who-Is and I-Am, with which devices find each other.  A long "
	    "request or answer is sent in segments, each acknowledged by a "
	    "Segment-ACK; the requester says in its first bytes how many "
	    "segments and how large an APDU it accepts.",
};
