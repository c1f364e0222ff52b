/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PPTP's control connection (RFC 2637, TCP 1723): the messages that set
 * up and tear down the calls whose PPP frames travel in enhanced GRE.
 * Every message starts with the same 12 bytes:
 *
 *  0                   1                   2                   3
 * +-------------------------------+-------------------------------+
 * |            Length             |     PPTP Message Type (1)     |
 * +-------------------------------+-------------------------------+
 * |                    Magic Cookie (0x1a2b3c4d)                  |
 * +-------------------------------+-------------------------------+
 * |     Control Message Type      |           Reserved0           |
 * +-------------------------------+-------------------------------+
 *
 * then the fixed fields of its control message type (1 to 15), among
 * them 64-byte NUL-padded texts (host and vendor names, phone numbers).
 * Several messages may share a segment: one layer each.  (tshark 4.0
 * shows only the first.)
 */
#include "strata/out.h"
#include "fields.h"

#define PPTP_PORT	1723
#define PPTP_HDR	12
#define PPTP_MAGIC	0x1a2b3c4d
#define PPTP_TEXT	64

static const struct st_valname ctype_names[] = {
	{ 1, "Start-Control-Connection-Request" },
	{ 2, "Start-Control-Connection-Reply" },
	{ 3, "Stop-Control-Connection-Request" },
	{ 4, "Stop-Control-Connection-Reply" },
	{ 5, "Echo-Request" }, { 6, "Echo-Reply" },
	{ 7, "Outgoing-Call-Request" }, { 8, "Outgoing-Call-Reply" },
	{ 9, "Incoming-Call-Request" }, { 10, "Incoming-Call-Reply" },
	{ 11, "Incoming-Call-Connected" }, { 12, "Call-Clear-Request" },
	{ 13, "Call-Disconnect-Notify" }, { 14, "WAN-Error-Notify" },
	{ 15, "Set-Link-Info" }, { 0, NULL }
};

static const struct st_valname msgtype_names[] = {
	{ 1, "Control Message" }, { 2, "Management Message" }, { 0, NULL }
};

static const struct st_valname frame_names[] = {
	{ 1, "Asynchronous Framing supported" },
	{ 2, "Synchronous Framing supported" },
	{ 3, "Either Framing supported" }, { 0, NULL }
};

static const struct st_valname bearer_names[] = {
	{ 1, "Analog access supported" }, { 2, "Digital access supported" },
	{ 3, "Either access supported" }, { 0, NULL }
};

static const struct st_valname cresult_names[] = {
	{ 1, "Successful channel establishment" }, { 2, "General error" },
	{ 3, "Command channel already exists" },
	{ 4, "Requester not authorized" },
	{ 5, "Protocol version not supported" }, { 0, NULL }
};

static const struct st_valname error_names[] = {
	{ 0, "None" }, { 1, "Not-Connected" }, { 2, "Bad-Format" },
	{ 3, "Bad-Value" }, { 4, "No-Resource" }, { 5, "Bad-Call ID" },
	{ 6, "PAC-Error" }, { 0, NULL }
};

static const struct st_valname reason_names[] = {
	{ 1, "None" }, { 2, "Stop-Protocol" }, { 3, "Stop-Local-Shutdown" },
	{ 0, NULL }
};

static const struct st_valname ok_names[] = {
	{ 1, "OK" }, { 2, "General error" }, { 0, NULL }
};

static const struct st_valname out_names[] = {
	{ 1, "Connected" }, { 2, "General Error" }, { 3, "No Carrier" },
	{ 4, "Busy" }, { 5, "No Dial Tone" }, { 6, "Time-out" },
	{ 7, "Do Not Accept" }, { 0, NULL }
};

static const struct st_valname in_names[] = {
	{ 1, "Connect" }, { 2, "General error" }, { 3, "Do Not Accept" },
	{ 0, NULL }
};

static const struct st_valname disc_names[] = {
	{ 1, "Lost Carrier" }, { 2, "General Error" }, { 3, "Admin Shutdown" },
	{ 4, "Request" }, { 0, NULL }
};

enum { F_LEN, F_TYPE, F_MAGIC, F_CTYPE, F_RES2, F_RES1, F_VERS, F_FRAMING,
	F_BEARER, F_MAXCH, F_FW, F_HOST, F_VENDOR, F_CRESULT, F_ERROR,
	F_REASON, F_SRESULT, F_IDENT, F_ERESULT, F_CALLID, F_SERIAL, F_MINBPS,
	F_MAXBPS, F_BTYPE, F_FTYPE, F_WINDOW, F_DELAY, F_PHLEN, F_PHONE,
	F_SUBADDR, F_PEER, F_ORESULT, F_CAUSE, F_SPEED, F_PHYS, F_DDLEN,
	F_DGLEN, F_DIALED, F_DIALING, F_IRESULT, F_DRESULT, F_STATS, F_CRC,
	F_FRERR, F_HWOVR, F_BUFOVR, F_TIMEOUT, F_ALIGN, F_SACCM, F_RACCM,
	F_NROWS };

/* Each row at bit 0: where it stands is the message's layout's. */
static const struct st_field_desc pptp_fields[] = {
	FD("length", "pptp.length", "Length", 0, 16, ST_FMT_DEC),
	FDN("type", "pptp.type", "Message type", 16, 16, ST_FMT_DEC,
	    msgtype_names),
	FD("cookie", "pptp.magic_cookie", "Magic Cookie", 32, 32, ST_FMT_HEX),
	FDN("ctype", "pptp.control_message_type", "Control Message Type", 64,
	    16, ST_FMT_DEC, ctype_names),
	FD(NULL, "pptp.reserved", "Reserved", 0, 16, ST_FMT_BYTES),
	FD(NULL, "pptp.reserved", "Reserved", 0, 8, ST_FMT_BYTES),
	FD(NULL, "pptp.protocol_version", "Protocol version", 0, 16,
	    ST_FMT_DEC),
	FDN(NULL, "pptp.framing_capabilities", "Framing Capabilities", 0, 32,
	    ST_FMT_DEC, frame_names),
	FDN(NULL, "pptp.bearer_capabilities", "Bearer Capabilities", 0, 32,
	    ST_FMT_DEC, bearer_names),
	FD(NULL, "pptp.maximum_channels", "Maximum Channels", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "pptp.firmware_revision", "Firmware Revision", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "pptp.host_name", "Host Name", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pptp.vendor_name", "Vendor Name", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "pptp.control_result", "Result Code", 0, 8, ST_FMT_DEC,
	    cresult_names),
	FDN(NULL, "pptp.error", "Error Code", 0, 8, ST_FMT_DEC, error_names),
	FDN(NULL, "pptp.reason", "Reason", 0, 8, ST_FMT_DEC, reason_names),
	FDN(NULL, "pptp.stop_result", "Result Code", 0, 8, ST_FMT_DEC,
	    ok_names),
	FD(NULL, "pptp.identifier", "Identifier", 0, 32, ST_FMT_DEC),
	FDN(NULL, "pptp.echo_result", "Result Code", 0, 8, ST_FMT_DEC,
	    ok_names),
	FD(NULL, "pptp.call_id", "Call ID", 0, 16, ST_FMT_DEC),
	FD(NULL, "pptp.call_serial_number", "Call Serial Number", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "pptp.minimum_bps", "Minimum BPS", 0, 32, ST_FMT_DEC),
	FD(NULL, "pptp.maximum_bps", "Maximum BPS", 0, 32, ST_FMT_DEC),
	FDN(NULL, "pptp.bearer_type", "Bearer Type", 0, 32, ST_FMT_DEC,
	    bearer_names),
	FDN(NULL, "pptp.framing_type", "Framing Type", 0, 32, ST_FMT_DEC,
	    frame_names),
	FD(NULL, "pptp.packet_receive_window_size",
	    "Packet Receive Window Size", 0, 16, ST_FMT_DEC),
	FD(NULL, "pptp.packet_processing_delay", "Packet Processing Delay",
	    0, 16, ST_FMT_DEC),
	FD(NULL, "pptp.phone_number_length", "Phone Number Length", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "pptp.phone_number", "Phone Number", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pptp.subaddress", "Subaddress", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pptp.peer_call_id", "Peer Call ID", 0, 16, ST_FMT_DEC),
	FDN(NULL, "pptp.out_result", "Result Code", 0, 8, ST_FMT_DEC,
	    out_names),
	FD(NULL, "pptp.cause", "Cause Code", 0, 16, ST_FMT_DEC),
	FD(NULL, "pptp.connect_speed", "Connect Speed", 0, 32, ST_FMT_DEC),
	FD(NULL, "pptp.physical_channel_id", "Physical Channel ID", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "pptp.dialed_number_length", "Dialed Number Length", 0, 16,
	    ST_FMT_DEC),
	FD(NULL, "pptp.dialing_number_length", "Dialing Number Length", 0,
	    16, ST_FMT_DEC),
	FD(NULL, "pptp.dialed_number", "Dialed Number", 0, 0, ST_FMT_TEXT),
	FD(NULL, "pptp.dialing_number", "Dialing Number", 0, 0, ST_FMT_TEXT),
	FDN(NULL, "pptp.in_result", "Result Code", 0, 8, ST_FMT_DEC,
	    in_names),
	FDN(NULL, "pptp.disc_result", "Result Code", 0, 8, ST_FMT_DEC,
	    disc_names),
	FD(NULL, "pptp.call_Statistics", "Call Statistics", 0, 0,
	    ST_FMT_TEXT),
	FD(NULL, "pptp.crc_errors", "CRC Errors", 0, 32, ST_FMT_DEC),
	FD(NULL, "pptp.framing_errors", "Framing Errors", 0, 32, ST_FMT_DEC),
	FD(NULL, "pptp.hardware_overruns", "Hardware overruns", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "pptp.buffer_overruns", "Buffer overruns", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "pptp.timeout_errors", "Time-out Errors", 0, 32, ST_FMT_DEC),
	FD(NULL, "pptp.alignment_errors", "Alignment Errors", 0, 32,
	    ST_FMT_DEC),
	FD(NULL, "pptp.send_accm", "Send ACCM", 0, 32, ST_FMT_HEX),
	FD(NULL, "pptp.receive_accm", "Receive ACCM", 0, 32, ST_FMT_HEX),
};

#define P(i)	(&pptp_fields[(i)])

/*
 * The body of each control message type after the 12-byte header: rows
 * in order, each after the one before (a text row takes 64 bytes), as
 * RFC 2637 section 2 lays them out.  0 ends a list.
 */
static const uint8_t layouts[16][12] = {
	[1] = { F_VERS, F_RES2, F_FRAMING, F_BEARER, F_MAXCH, F_FW, F_HOST,
		F_VENDOR },
	[2] = { F_VERS, F_CRESULT, F_ERROR, F_FRAMING, F_BEARER, F_MAXCH,
		F_FW, F_HOST, F_VENDOR },
	[3] = { F_REASON, F_RES1, F_RES2 },
	[4] = { F_SRESULT, F_ERROR, F_RES2 },
	[5] = { F_IDENT },
	[6] = { F_IDENT, F_ERESULT, F_ERROR, F_RES2 },
	[7] = { F_CALLID, F_SERIAL, F_MINBPS, F_MAXBPS, F_BTYPE, F_FTYPE,
		F_WINDOW, F_DELAY, F_PHLEN, F_RES2, F_PHONE, F_SUBADDR },
	[8] = { F_CALLID, F_PEER, F_ORESULT, F_ERROR, F_CAUSE, F_SPEED,
		F_WINDOW, F_DELAY, F_PHYS },
	[9] = { F_CALLID, F_SERIAL, F_BTYPE, F_PHYS, F_DDLEN, F_DGLEN,
		F_DIALED, F_DIALING, F_SUBADDR },
	[10] = { F_CALLID, F_PEER, F_IRESULT, F_ERROR, F_WINDOW, F_DELAY,
		F_RES2 },
	[11] = { F_PEER, F_RES2, F_SPEED, F_WINDOW, F_DELAY, F_FTYPE },
	[12] = { F_CALLID, F_RES2 },
	[13] = { F_CALLID, F_DRESULT, F_ERROR, F_CAUSE, F_RES2, F_STATS },
	[14] = { F_PEER, F_RES2, F_CRC, F_FRERR, F_HWOVR, F_BUFOVR,
		F_TIMEOUT, F_ALIGN },
	[15] = { F_PEER, F_RES2, F_SACCM, F_RACCM },
};

/* A 64-byte text at byte off of c, as tshark's ASCII string: only when
 * all of it is there, as tshark shows it. */
static int
text(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *fd,
    size_t off)
{
	char buf[PPTP_TEXT * 4 + 1];

	if (!st_cur_need(c, off + PPTP_TEXT))
		return c->err;
	st_escape_ascii(c->base + c->off + off, PPTP_TEXT, buf, sizeof(buf));
	st_dtext(d, c, fd, off, PPTP_TEXT, buf);
	return ST_OK;
}

/* The body of control message type at c (the message's first byte). */
static int
body(struct st_dctx *d, struct st_cur *c, unsigned type)
{
	const uint8_t *l = layouts[type];
	const struct st_field_desc *fd;
	size_t off = PPTP_HDR;
	unsigned i;

	for (i = 0; i < sizeof(layouts[0]) && l[i] != 0; i++) {
		fd = P(l[i]);
		if (fd->fmt == ST_FMT_TEXT) {
			if (text(d, c, fd, off) != ST_OK)
				return c->err;
			off += PPTP_TEXT;
			continue;
		}
		st_dfields_at(d, c, off, fd, 1);
		if (c->err != ST_OK)
			return c->err;
		off += fd->bits / 8;
	}
	return ST_OK;
}

static int
pptp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), len, end;
	struct st_cur m;
	unsigned type;
	int rc;

	d->plen = 0;
	d->hdr = left;
	st_dfields(d, c, pptp_fields, 4);
	st_dfields_at(d, c, 10, P(F_RES2), 1);
	if (c->err != ST_OK)
		return c->err;
	len = (size_t)st_peek_bits(c, 0, 16);
	type = (unsigned)st_peek_bits(c, 64, 16);
	if (len < PPTP_HDR)
		return st_dmalformed(d, "message length %zu below 12", len);
	end = len < left ? len : left;
	d->hdr = end;
	m = st_cur_sub(c, end, NULL);
	rc = type >= 1 && type <= 15 ? body(d, &m, type) : ST_OK;
	if (st_peek_bits(c, 32, 32) != PPTP_MAGIC)
		return st_dmalformed(d, "magic cookie 0x%08x, not 0x1a2b3c4d",
		    (unsigned)st_peek_bits(c, 32, 32));
	if (rc != ST_OK && len <= left)
		return st_dmalformed(d, "%s of %zu bytes",
		    st_valname(ctype_names, type), len);
	if (rc == ST_OK && len <= left) {
		d->plen = left - end;
		if (d->plen > 0)
			d->next = d->ly->proto;	/* another message */
		return ST_OK;
	}
	/* Cut by the capture, or running on into the next segment. */
	if (d->pkt->caplen < d->pkt->len)
		return ST_ETRUNC;
	st_pkt_note(d->pkt, "PPTP: a message continues in a later segment");
	return ST_OK;
}

/* The message at c is as long as its first two bytes say. */
static size_t
pptp_pdu_len(struct st_cur *c)
{
	size_t left = st_cur_left(c), len;

	if (left < 2)
		return ST_PDU_MORE;
	len = (size_t)st_peek_bits(c, 0, 16);
	if (len < PPTP_HDR ||
	    (left >= 8 && st_peek_bits(c, 32, 32) != PPTP_MAGIC))
		return 0;
	return len;
}

static const struct st_bind pptp_binds[] = {
	{ ST_KEY_TCPPORT, PPTP_PORT },
};

/* One message's facts: "Outgoing-Call-Reply call 9 peer 7 Connected". */
static void
msg_facts(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NROWS], *r;
	const struct st_valname *names;
	const char *nm;

	st_ly_fields(s->pkt, ly, pptp_fields, F_NROWS, f);
	if (f[F_CTYPE] == NULL) {
		st_out_puts(s->o, "?");
		return;
	}
	nm = st_valname(ctype_names, (uint32_t)f[F_CTYPE]->val);
	if (nm != NULL)
		st_out_puts(s->o, nm);
	else
		st_out_printf(s->o, "type %u", (unsigned)f[F_CTYPE]->val);
	if (f[F_CALLID] != NULL)
		st_out_printf(s->o, " call %u", (unsigned)f[F_CALLID]->val);
	if (f[F_PEER] != NULL)
		st_out_printf(s->o, " peer %u", (unsigned)f[F_PEER]->val);
	if (f[F_IDENT] != NULL)
		st_out_printf(s->o, " id %u", (unsigned)f[F_IDENT]->val);
	if (f[F_HOST] != NULL && f[F_HOST]->meaning != NULL)
		st_out_printf(s->o, " host '%s'", f[F_HOST]->meaning);
	r = f[F_CRESULT] != NULL ? f[F_CRESULT] : f[F_ORESULT] != NULL ?
	    f[F_ORESULT] : f[F_IRESULT] != NULL ? f[F_IRESULT] :
	    f[F_DRESULT] != NULL ? f[F_DRESULT] : f[F_SRESULT] != NULL ?
	    f[F_SRESULT] : f[F_ERESULT];
	names = r != NULL ? r->desc->names : NULL;
	if (r != NULL && (nm = st_valname(names, (uint32_t)r->val)) != NULL)
		st_out_printf(s->o, " %s", nm);
}

/* "PPTP Outgoing-Call-Reply call 9 peer 7 Connected, Set-Link-Info peer
 * 9": every message of the segment, from the first one's layer. */
static int
pptp_summary(struct st_sumctx *s, const struct st_layer *ly)
{

	st_out_puts(s->o, "PPTP ");
	st_sum_each(s, ly, ", ", msg_facts);
	return 1;
}

static const struct st_field_desc *const pptp_keys[] = {
	P(F_LEN), P(F_CTYPE), NULL,
};

const struct st_proto st_proto_pptp = {
	.name = "pptp",
	.ws = "pptp",
	.title = "Point-to-Point Tunnelling Protocol",
	.rfc = "RFC 2637",
	.role = ST_ROLE_APP,
	.fields = pptp_fields,
	.nfields = NFIELDS(pptp_fields),
	.decode = pptp_decode,
	.binds = pptp_binds,
	.nbinds = NFIELDS(pptp_binds),
	.pdu_len = pptp_pdu_len,
	.summary = pptp_summary,
	.keys = pptp_keys,
	.color = "\033[35m",
	.explain_bits = 96,
	.explain = "The control connection of a PPTP VPN (RFC 2637): the "
	    "client (PNS) opens it with Start-Control-Connection-Request, "
	    "places a call with Outgoing-Call-Request (its Call ID) and the "
	    "server (PAC) answers with Outgoing-Call-Reply (its own Call ID, "
	    "the client's as Peer Call ID, and a result).  The PPP frames of "
	    "the call then travel in enhanced GRE (IP protocol 47), keyed by "
	    "the peer's Call ID; Set-Link-Info passes PPP's negotiated ACCM, "
	    "Echo-Request keeps the connection alive, Call-Clear-Request and "
	    "Call-Disconnect-Notify end a call, Stop-Control-Connection ends "
	    "it all.  Every message carries the magic cookie 0x1a2b3c4d.",
};
