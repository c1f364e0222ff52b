/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Telnet (RFC 854, RFC 855 and the option RFCs), TCP 23: a segment is
 * text and commands, each command an IAC byte (255) and a code.  WILL,
 * WONT, DO and DONT negotiate an option (RFC 1060's numbers); SB opens a
 * subnegotiation (its option's parameters, up to IAC SE); IAC IAC is a
 * 255 data byte.  Shown as Wireshark's dissector shows it: each command's
 * code and option, the parameters of terminal type and X display
 * location (RFC 1091, 1096), window size (RFC 1073) and remote flow
 * control (RFC 1372), other options' parameters as bytes, and the text
 * between commands line by line (escaped).  Loops are bounded.
 */
#include <string.h>

#include "strata/out.h"
#include "fields.h"

#define TN_PORT		23
#define TN_ITEMS	256	/* commands and data lines of one segment */
#define TN_TEXT		512	/* bytes of one data line shown */

#define IAC	255
#define SB	250
#define SE	240
#define WILL	251
#define DONT	254

enum { N_CMD, N_SUBCMD, N_SUBVAL, N_STRING, N_WIDTH, N_HEIGHT, N_RFC,
	N_OPTDATA, N_SUBDATA, N_DATA, N_NTELNET };

static const struct st_valname cmd_names[] = {
	{ 236, "End of File" }, { 237, "Suspend Current Process" },
	{ 238, "Abort Process" }, { 239, "End of Record" },
	{ 240, "Suboption End" }, { 241, "No Operation" },
	{ 242, "Data Mark" }, { 243, "Break" }, { 244, "Interrupt Process" },
	{ 245, "Abort Output" }, { 246, "Are You There?" },
	{ 247, "Escape Character" }, { 248, "Erase Line" },
	{ 249, "Go Ahead" }, { 250, "Suboption" }, { 251, "Will" },
	{ 252, "Won't" }, { 253, "Do" }, { 254, "Don't" }, { 0, NULL }
};

static const struct st_valname opt_names[] = {
	{ 0, "Binary Transmission" }, { 1, "Echo" }, { 2, "Reconnection" },
	{ 3, "Suppress Go Ahead" }, { 4, "Approx Message Size Negotiation" },
	{ 5, "Status" }, { 6, "Timing Mark" },
	{ 7, "Remote Controlled Trans and Echo" },
	{ 8, "Output Line Width" }, { 9, "Output Page Size" },
	{ 10, "Output Carriage-Return Disposition" },
	{ 11, "Output Horizontal Tab Stops" },
	{ 12, "Output Horizontal Tab Disposition" },
	{ 13, "Output Formfeed Disposition" },
	{ 14, "Output Vertical Tabstops" },
	{ 15, "Output Vertical Tab Disposition" },
	{ 16, "Output Linefeed Disposition" }, { 17, "Extended ASCII" },
	{ 18, "Logout" }, { 19, "Byte Macro" }, { 20, "Data Entry Terminal" },
	{ 21, "SUPDUP" }, { 22, "SUPDUP Output" }, { 23, "Send Location" },
	{ 24, "Terminal Type" }, { 25, "End of Record" },
	{ 26, "TACACS User Identification" }, { 27, "Output Marking" },
	{ 28, "Terminal Location Number" }, { 29, "Telnet 3270 Regime" },
	{ 30, "X.3 PAD" }, { 31, "Negotiate About Window Size" },
	{ 32, "Terminal Speed" }, { 33, "Remote Flow Control" },
	{ 34, "Linemode" }, { 35, "X Display Location" },
	{ 36, "Environment Option" }, { 37, "Authentication Option" },
	{ 38, "Encryption Option" }, { 39, "New Environment Option" },
	{ 40, "TN3270E" }, { 41, "XAUTH" }, { 42, "CHARSET" },
	{ 43, "Remote Serial Port" }, { 44, "COM Port Control Option" },
	{ 45, "Suppress Local Echo" }, { 46, "Start TLS" }, { 47, "KERMIT" },
	{ 48, "SEND-URL" }, { 49, "FORWARD_X" },
	{ 255, "Extended-Options-List" }, { 0, NULL }
};

static const struct st_valname rfc_names[] = {
	{ 0, "OFF" }, { 1, "ON" }, { 2, "RESTART-ANY" }, { 3, "RESTART-XON" },
	{ 0, NULL }
};

static const struct st_field_desc tn_fields[N_NTELNET] = {
	[N_CMD] = FDN(NULL, "telnet.cmd", "Command", 0, 8, ST_FMT_DEC,
	    cmd_names),
	[N_SUBCMD] = FDN(NULL, "telnet.subcmd", "Subcommand", 0, 8,
	    ST_FMT_DEC, opt_names),
	/* The IS or SEND of a string option: Wireshark's subcmd too. */
	[N_SUBVAL] = FD(NULL, "telnet.subcmd", "Subcommand", 0, 8,
	    ST_FMT_DEC),
	[N_STRING] = FD(NULL, "telnet.string_subopt.value", "Value", 0, 0,
	    ST_FMT_TEXT),
	[N_WIDTH] = FD(NULL, "telnet.naws_subopt.width", "Width", 0, 16,
	    ST_FMT_DEC),
	[N_HEIGHT] = FD(NULL, "telnet.naws_subopt.height", "Height", 0, 16,
	    ST_FMT_DEC),
	[N_RFC] = FDN(NULL, "telnet.rfc_subopt.cmd", "Command", 0, 8,
	    ST_FMT_DEC, rfc_names),
	[N_OPTDATA] = FD(NULL, "telnet.option_data", "Option data", 0, 0,
	    ST_FMT_BYTES),
	[N_SUBDATA] = FD(NULL, "telnet.subcommand_data", "Subcommand data",
	    0, 0, ST_FMT_BYTES),
	[N_DATA] = FD(NULL, "telnet.data", "Data", 0, 0, ST_FMT_TEXT),
};

struct tn {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n;
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/* The first IAC at or after a not followed by another (an escaped 255
 * is data), or t->n. */
static size_t
next_iac(const struct tn *t, size_t a)
{
	const uint8_t *z;

	while (a < t->n && (z = memchr(t->p + a, IAC, t->n - a)) != NULL) {
		a = (size_t)(z - t->p);
		if (a + 1 >= t->n || t->p[a + 1] != IAC)
			return a;
		a += 2;
	}
	return t->n;
}

/* The text [a, e), a field per line (each with its line end, as
 * Wireshark shows them); returns the items used. */
static unsigned
data(struct tn *t, size_t a, size_t e, unsigned budget)
{
	char buf[TN_TEXT * 4 + 8];
	size_t i, k, next;
	unsigned used = 0;

	while (a < e && used < budget) {
		for (i = a; i < e && t->p[i] != '\r' && t->p[i] != '\n'; i++)
			;
		k = i - a;
		next = i < e ? i + 1 : e;
		if (i + 1 < e && t->p[i] == '\r' && t->p[i + 1] == '\n')
			next = i + 2;
		st_escape(t->p + a, k < TN_TEXT ? k : TN_TEXT, buf, sizeof(buf));
		st_dtext(t->d, t->c, &tn_fields[N_DATA], a, next - a, buf);
		a = next;
		used++;
	}
	return used;
}

static void
field(struct tn *t, int fi, size_t a, size_t n)
{
	st_dbytes(t->d, t->c, &tn_fields[fi], a, n);
}

/* The parameters [a, a + len) of option opt's subnegotiation. */
static void
parameters(struct tn *t, unsigned opt, size_t a, size_t len)
{
	char buf[TN_TEXT * 4 + 8];
	struct st_field *f;
	unsigned sub = t->p[a];

	switch (opt) {
	case 24:		/* Terminal Type */
	case 35:		/* X Display Location */
		if ((f = st_dbytes(t->d, t->c, &tn_fields[N_SUBVAL], a, 1)) !=
		    NULL && sub <= 1)
			f->meaning = sub == 0 ? "IS" : "SEND";
		if (sub == 0 && len > 1) {
			st_escape(t->p + a + 1, len - 1 < TN_TEXT ? len - 1 :
			    TN_TEXT, buf, sizeof(buf));
			st_dtext(t->d, t->c, &tn_fields[N_STRING], a + 1,
			    len - 1, buf);
		} else if (sub > 1 && len > 1)
			field(t, N_SUBDATA, a + 1, len - 1);
		return;
	case 31:		/* window size: two 16-bit numbers */
		if (len != 4) {
			st_pkt_note(t->d->pkt, "Telnet: a window size "
			    "subnegotiation not 4 bytes long");
			return;
		}
		field(t, N_WIDTH, a, 2);
		field(t, N_HEIGHT, a + 2, 2);
		return;
	case 33:		/* remote flow control */
		field(t, N_RFC, a, 1);
		return;
	default:
		field(t, N_OPTDATA, a, len);
	}
}

/* IAC SB opt ... at a; returns where the parameters end (the IAC that
 * ends them, or the segment's end). */
static size_t
subneg(struct tn *t, size_t a)
{
	size_t s = a + 3, e;
	unsigned opt;

	if (a + 2 >= t->n)
		return t->n;
	opt = t->p[a + 2];
	field(t, N_SUBCMD, a + 2, 1);
	e = next_iac(t, s);
	if (e > s) {
		if (memchr(t->p + s, IAC, e - s) != NULL)
			field(t, N_OPTDATA, s, e - s);	/* escaped 255s */
		else
			parameters(t, opt, s, e - s);
	}
	return e;
}

/* The command at a (an IAC); returns where the next item starts. */
static size_t
command(struct tn *t, size_t a)
{
	unsigned code;

	if (a + 1 >= t->n)
		return t->n;
	code = t->p[a + 1];
	field(t, N_CMD, a + 1, 1);
	if (code == SB)
		return subneg(t, a);
	if (code >= WILL && code <= DONT) {
		if (a + 2 >= t->n)
			return t->n;
		field(t, N_SUBCMD, a + 2, 1);
		return a + 3;
	}
	return a + 2;
}

static int
telnet_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c), pos = 0, iac;
	struct tn t = { d, c, bytes_at(c, n), n };
	unsigned items = 0;

	if (t.p == NULL || n == 0)
		return ST_ENOTME;
	while (pos < n && items < TN_ITEMS) {
		iac = next_iac(&t, pos);
		if (iac > pos) {
			items += data(&t, pos, iac, TN_ITEMS - items);
			pos = iac;
			continue;
		}
		pos = command(&t, pos);
		items++;
	}
	d->hdr = n;
	d->plen = 0;
	return ST_OK;
}

static const struct st_bind telnet_binds[] = {
	{ ST_KEY_TCPPORT, TN_PORT },
};

/* "telnet Do Terminal Type, Will Echo", "telnet Suboption Terminal Type
 * \"XTERM\"", "telnet data \"login: \"": the commands and the first data
 * line that is not empty. */
static int
telnet_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f;
	unsigned i, k = 0, nd = 0, shown = 0;
	const char *nm;

	st_out_puts(s->o, "telnet");
	for (i = 0; i < ly->nfields; i++) {
		f = &s->pkt->fields[ly->field0 + i];
		if (f->desc == &tn_fields[N_CMD] && k++ < 8) {
			nm = st_valname(cmd_names, (uint32_t)f->val);
			st_out_printf(s->o, "%s %s", k > 1 ? "," : "",
			    nm != NULL ? nm : "command");
		} else if (f->desc == &tn_fields[N_SUBCMD] && k <= 8) {
			nm = st_valname(opt_names, (uint32_t)f->val);
			if (nm != NULL)
				st_out_printf(s->o, " %s", nm);
			else
				st_out_printf(s->o, " option %llu",
				    (unsigned long long)f->val);
		} else if (f->desc == &tn_fields[N_STRING] && k <= 8) {
			st_out_puts(s->o, " \"");
			s->value(s, f);
			st_out_putc(s->o, '"');
		} else if ((f->desc == &tn_fields[N_WIDTH] ||
		    f->desc == &tn_fields[N_HEIGHT]) && k <= 8) {
			st_out_printf(s->o, f->desc == &tn_fields[N_WIDTH] ?
			    " %llu" : "x%llu", (unsigned long long)f->val);
		} else if (f->desc == &tn_fields[N_DATA] && nd++ == shown &&
		    f->meaning != NULL && f->meaning[0] != '\0') {
			st_out_printf(s->o, "%s data \"", k > 0 ? "," : "");
			s->value(s, f);
			st_out_putc(s->o, '"');
		} else if (f->desc == &tn_fields[N_DATA] && nd - 1 == shown)
			shown++;	/* an empty line: the next one */
	}
	if (k > 8)
		st_out_printf(s->o, " (%u commands)", k);
	if (nd > 1)
		st_out_printf(s->o, " (%u lines)", nd);
	return 1;
}

static const struct st_field_desc *const telnet_keys[] = {
	&tn_fields[N_CMD], &tn_fields[N_SUBCMD], &tn_fields[N_DATA], NULL,
};

const struct st_proto st_proto_telnet = {
	.name = "telnet",
	.ws = "telnet",
	.title = "Telnet",
	.rfc = "RFC 854",
	.role = ST_ROLE_APP,
	.fields = tn_fields,
	.nfields = N_NTELNET,
	.decode = telnet_decode,
	.binds = telnet_binds,
	.nbinds = NFIELDS(telnet_binds),
	.summary = telnet_summary,
	.keys = telnet_keys,
	.color = "\033[36m",
	.explain = "A remote terminal: keystrokes one way, screen text the "
	    "other, in clear (passwords too).  A 255 byte (IAC) starts a "
	    "command: WILL/WONT/DO/DONT negotiate an option such as echo, "
	    "terminal type or window size (each end offers or asks, the "
	    "other agrees or refuses), SB ... SE carries an option's "
	    "parameters (the terminal's name, its size), and IAC IAC is a "
	    "data byte 255.",
};
