/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TFTP (RFC 1350; options RFC 2347, 2348, 2349, 7440), UDP 69:
 *
 *   RRQ/WRQ  | 1 or 2 (16) | file name, 0 | mode, 0 | option, 0, value, 0 ...
 *   DATA     | 3 | block (16) | 0..blksize bytes (fewer: the last)
 *   ACK      | 4 | block (16)
 *   ERROR    | 5 | code (16) | message, 0
 *   OACK     | 6 | option, 0, value, 0 ...
 *
 * Only the request goes to port 69: the server answers from a port of its
 * own to the client's.  So a request notes the client's end in the table
 * of expected conversations (strata/expect.h) with the file and its
 * frame, and the decode loop gives that end's datagrams to TFTP whatever
 * their ports; they show the file and request frame as Wireshark does.
 * What a DATA block carries goes on as data.
 */
#include <stdio.h>
#include <string.h>

#include "strata/expect.h"
#include "strata/out.h"
#include "fields.h"

#define TFTP_PORT	69
#define TFTP_OPTS	32	/* options of one packet */
#define TFTP_TEXT	256	/* bytes of one string shown */

enum { T_OP, T_SRC, T_DST, T_REQFRAME, T_TYPE, T_BLOCK, T_FULL, T_ECODE,
	T_EMSG, T_ONAME, T_OVAL, T_NTFTP };

enum { RRQ = 1, WRQ, DATA, ACK, ERROR, OACK };

static const struct st_valname op_names[] = {
	{ 1, "Read Request" }, { 2, "Write Request" }, { 3, "Data Packet" },
	{ 4, "Acknowledgement" }, { 5, "Error Code" },
	{ 6, "Option Acknowledgement" }, { 0, NULL }
};

static const struct st_valname err_names[] = {
	{ 0, "Not defined" }, { 1, "File not found" },
	{ 2, "Access violation" }, { 3, "Disk full or allocation exceeded" },
	{ 4, "Illegal TFTP Operation" }, { 5, "Unknown transfer ID" },
	{ 6, "File already exists" }, { 7, "No such user" },
	{ 8, "Option negotiation failed" }, { 0, NULL }
};

#define T(n, l)		FD(NULL, "tftp." n, l, 0, 0, ST_FMT_TEXT)

static const struct st_field_desc tftp_fields[T_NTFTP] = {
	[T_OP] = FDN(NULL, "tftp.opcode", "Opcode", 0, 16, ST_FMT_DEC,
	    op_names),
	[T_SRC] = T("source_file", "Source File"),
	[T_DST] = FDG("tftp.destination_file", "Destination File",
	    ST_FMT_TEXT, NULL),
	[T_REQFRAME] = FDG("tftp.request_frame", "Request frame", ST_FMT_DEC,
	    NULL),
	[T_TYPE] = T("type", "Type"),
	[T_BLOCK] = FD(NULL, "tftp.block", "Block", 16, 16, ST_FMT_DEC),
	[T_FULL] = FDG("tftp.block.full", "Full Block Number", ST_FMT_DEC,
	    NULL),
	[T_ECODE] = FDN(NULL, "tftp.error.code", "Error code", 16, 16,
	    ST_FMT_DEC, err_names),
	[T_EMSG] = T("error.message", "Error message"),
	[T_ONAME] = T("option.name", "Option name"),
	[T_OVAL] = T("option.value", "Option value"),
};

/* A request's field for a write: the destination, on the wire. */
static const struct st_field_desc tftp_wrq_file =
	FD(NULL, "tftp.destination_file", "Destination File", 0, 0,
	    ST_FMT_TEXT);

/* What tftp notes of a transfer, in struct st_expect's data. */
struct tftp_note {
	uint64_t	 frame;		/* the request's */
	char		 file[80];
};

_Static_assert(sizeof(struct tftp_note) <= ST_EXPECT_DATA, "tftp_note");

extern const struct st_proto st_proto_tftp;

struct tf {
	struct st_dctx	*d;
	struct st_cur	*c;
	const uint8_t	*p;
	size_t		 n;
	int		 cut;		/* the capture ends before the datagram */
};

/* The n bytes at c, checked once through the cursor; NULL if absent. */
static const uint8_t *
bytes_at(const struct st_cur *c, size_t n)
{
	struct st_cur t = *c;

	return st_get_bytes(&t, n);
}

/*
 * The NUL-ended string at *a as text field fd (its NUL covered); moves *a
 * past it.  Returns 0, ST_ETRUNC when the capture ends in it, ST_EINVAL
 * when the datagram does (no NUL).
 */
static int
string(struct tf *t, const struct st_field_desc *fd, size_t *a, char *copy,
    size_t ncopy)
{
	char buf[TFTP_TEXT * 4 + 8];
	const uint8_t *z = *a < t->n ? memchr(t->p + *a, 0, t->n - *a) : NULL;
	size_t k = z != NULL ? (size_t)(z - t->p) - *a : t->n - *a;

	if (z == NULL && t->cut)
		return ST_ETRUNC;
	st_escape(t->p + *a, k < TFTP_TEXT ? k : TFTP_TEXT, buf, sizeof(buf));
	st_dtext(t->d, t->c, fd, *a, z != NULL ? k + 1 : k, buf);
	if (copy != NULL && ncopy > 0) {
		k = strnlen(buf, ncopy - 1);	/* cut, as the note holds */
		memcpy(copy, buf, k);
		copy[k] = '\0';
	}
	k = z != NULL ? (size_t)(z - t->p) - *a : t->n - *a;
	*a += z != NULL ? k + 1 : k;
	return z != NULL ? 0 : ST_EINVAL;
}

/* The options from a to the end: name and value pairs. */
static int
options(struct tf *t, size_t a)
{
	unsigned k;
	int r;

	for (k = 0; a < t->n && k < TFTP_OPTS; k++) {
		if ((r = string(t, &tftp_fields[T_ONAME], &a, NULL, 0)) != 0 ||
		    (r = string(t, &tftp_fields[T_OVAL], &a, NULL, 0)) != 0)
			return r;
	}
	if (a < t->n)
		st_pkt_note(t->d->pkt, "TFTP: more options than strata shows");
	return 0;
}

/* Notes the requester's end: its datagrams, to and from whatever port
 * the server answers from, are this transfer's. */
static void
announce(struct tf *t, const char *file)
{
	struct st_expect e;
	struct tftp_note nt;
	const struct st_layer *tl = st_dbelow(t->d->pkt, t->d->ly);
	const struct st_field *ends[2];

	memset(&e, 0, sizeof(e));
	memset(&nt, 0, sizeof(nt));
	if (tl == NULL || st_flow_ends(t->d->pkt, tl, ends) != 0 ||
	    st_expect_conv(t->d, &e.owner, &e.transport) != 0)
		return;
	e.proto = &st_proto_tftp;
	e.fam = t->d->net.fam;
	memcpy(e.addr, t->d->net.src, sizeof(e.addr));
	e.port = (uint16_t)ends[0]->val;
	e.frame = t->d->pkt->num;
	nt.frame = t->d->pkt->num;
	snprintf(nt.file, sizeof(nt.file), "%s", file);
	memcpy(e.data, &nt, sizeof(nt));
	st_expect_add(&e);
}

static int
request(struct tf *t, unsigned op)
{
	char file[sizeof(((struct tftp_note *)0)->file)];
	size_t a = 2;
	int r;

	file[0] = '\0';
	r = string(t, op == RRQ ? &tftp_fields[T_SRC] : &tftp_wrq_file, &a,
	    file, sizeof(file));
	if (r == 0)
		r = string(t, &tftp_fields[T_TYPE], &a, NULL, 0);
	if (r == 0)
		r = options(t, a);
	if (t->d->depth == 0)	/* cut short too: the answers are TFTP */
		announce(t, file);
	return r;
}

/* The transfer's file and request frame, as the request noted them. */
static void
transfer(struct tf *t)
{
	struct st_expect e;
	struct tftp_note nt;
	struct st_field *f;

	if (!st_expect_here(t->d, &e) || e.proto != &st_proto_tftp ||
	    e.frame >= t->d->pkt->num)
		return;
	memcpy(&nt, e.data, sizeof(nt));
	nt.file[sizeof(nt.file) - 1] = '\0';
	if ((f = st_dgen(t->d, &tftp_fields[T_DST], 0)) != NULL)
		f->meaning = st_pkt_strdup(t->d->pkt, nt.file);
	st_dgen(t->d, &tftp_fields[T_REQFRAME], nt.frame);
}

static int
tftp_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t n = st_cur_left(c);
	struct tf t = { d, c, bytes_at(c, n), n,
	    d->pkt->caplen < d->pkt->len };
	struct st_field *f;
	unsigned op;
	size_t a = 4;
	int r = 0;

	if ((f = st_dfield(d, c, &tftp_fields[T_OP])) == NULL)
		return ST_ETRUNC;
	op = (unsigned)f->val;
	if (op != RRQ && op != WRQ)
		transfer(&t);
	switch (op) {
	case RRQ:
	case WRQ:
		r = request(&t, op);
		break;
	case DATA:
	case ACK:
		if ((f = st_dfield(d, c, &tftp_fields[T_BLOCK])) == NULL)
			return ST_ETRUNC;
		/* Without the blocks before it, no wrap is known. */
		st_dgen(d, &tftp_fields[T_FULL], f->val);
		if (op == DATA && n > 4) {
			d->hdr = 4;
			d->data = 1;
			return ST_OK;
		}
		break;
	case ERROR:
		if (st_dfield(d, c, &tftp_fields[T_ECODE]) == NULL)
			return ST_ETRUNC;
		r = string(&t, &tftp_fields[T_EMSG], &a, NULL, 0);
		break;
	case OACK:
		r = options(&t, 2);
		break;
	default:
		d->hdr = 2;
		d->data = 1;
		return st_dmalformed(d, "TFTP opcode %u is none of 1..6", op);
	}
	d->hdr = n;
	d->plen = 0;
	if (r == ST_EINVAL)
		return st_dmalformed(d, "a TFTP string runs to the datagram's "
		    "end with no 0 byte");
	return r;
}

static const struct st_bind tftp_binds[] = {
	{ ST_KEY_UDPPORT, TFTP_PORT },
};

/* As tshark's line: "tftp Read Request, File: boot.bin, Transfer type:
 * octet, blksize=1024", "tftp Data Packet, Block: 2", "tftp Error Code,
 * Code: Access violation, Message: ...". */
static int
tftp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[T_NTFTP];
	const struct st_field *fl, *wf;
	const char *nm;
	unsigned i;

	st_ly_fields(s->pkt, ly, tftp_fields, T_NTFTP, f);
	st_ly_fields(s->pkt, ly, &tftp_wrq_file, 1, &wf);
	nm = f[T_OP] != NULL ? st_valname(op_names, (uint32_t)f[T_OP]->val) :
	    NULL;
	st_out_printf(s->o, "tftp %s", nm != NULL ? nm : "opcode ?");
	fl = f[T_SRC] != NULL ? f[T_SRC] : wf;
	if (fl != NULL) {
		st_out_puts(s->o, ", File: ");
		s->value(s, fl);
		if (f[T_TYPE] != NULL) {
			st_out_puts(s->o, ", Transfer type: ");
			s->value(s, f[T_TYPE]);
		}
	}
	if (f[T_BLOCK] != NULL)
		st_out_printf(s->o, ", Block: %llu",
		    (unsigned long long)f[T_BLOCK]->val);
	if (f[T_ECODE] != NULL) {
		nm = st_valname(err_names, (uint32_t)f[T_ECODE]->val);
		st_out_printf(s->o, ", Code: %s", nm != NULL ? nm : "?");
		if (f[T_EMSG] != NULL) {
			st_out_puts(s->o, ", Message: ");
			s->value(s, f[T_EMSG]);
		}
	}
	for (i = 0; i < ly->nfields; i++) {
		fl = &s->pkt->fields[ly->field0 + i];
		if (fl->desc != &tftp_fields[T_ONAME] &&
		    fl->desc != &tftp_fields[T_OVAL])
			continue;
		st_out_puts(s->o, fl->desc == &tftp_fields[T_ONAME] ? ", " :
		    "=");
		s->value(s, fl);
	}
	if (f[T_DST] != NULL && f[T_DST]->meaning != NULL &&
	    f[T_DST]->meaning[0] != '\0') {
		st_out_puts(s->o, " (");
		s->value(s, f[T_DST]);
		st_out_putc(s->o, ')');
	}
	return 1;
}

static const struct st_field_desc *const tftp_keys[] = {
	&tftp_fields[T_OP], &tftp_fields[T_BLOCK], &tftp_fields[T_SRC],
	&tftp_fields[T_ECODE], NULL,
};

const struct st_proto st_proto_tftp = {
	.name = "tftp",
	.ws = "tftp",
	.title = "Trivial File Transfer Protocol",
	.rfc = "RFC 1350",
	.role = ST_ROLE_APP,
	.fields = tftp_fields,
	.nfields = T_NTFTP,
	.decode = tftp_decode,
	.binds = tftp_binds,
	.nbinds = NFIELDS(tftp_binds),
	.summary = tftp_summary,
	.keys = tftp_keys,
	.color = "\033[35m",
	.explain = "A file transfer with no login, over UDP (network boot, "
	    "router configurations).  The client asks port 69 to read (RRQ) "
	    "or write (WRQ) a file; the server answers from a new port of its "
	    "own, and the file goes in numbered blocks (512 bytes, or the "
	    "blksize option's), each acknowledged before the next: a shorter "
	    "block is the last.  Options (blksize, tsize, timeout) are "
	    "confirmed by an OACK; an ERROR ends the transfer.",
};
