/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The SMB Mailslot Protocol ([MS-MAIL] 2.2.1): an SMB1 Transaction
 * request named \MAILSLOT\<name> writes a message to a mailslot, one
 * way, mostly as a NetBIOS datagram broadcast (the browser service's
 * announcements and elections on \MAILSLOT\BROWSE).  Its three setup
 * words say what and how; the byte count and the name follow them.
 *
 *   +-------------+-------------+-------------+------------+----------+
 *   | opcode (2)  | priority(2) |  class (2)  |  size (2)  | name ... |
 *   +-------------+-------------+-------------+------------+----------+
 *     1 write       0-9           1 reliable    the Trans's  \MAILSLOT\
 *                                 2 broadcast   byte count   BROWSE\0
 *
 * Wireshark shows these as a protocol of its own between SMB and what
 * the mailslot carries; SMB1's decoder (smb.c) opens this layer over
 * those bytes, inside its own, and names the message's protocol (the
 * browser's) by the mailslot's name.
 */
#include <stdio.h>

#include "strata/out.h"
#include "fields.h"

#define MS_NAMEMAX	128

enum { F_OPCODE, F_PRIO, F_CLASS, F_SIZE, F_NAME, F_NMS };

static const struct st_valname opcode_names[] = {
	{ 1, "Write Mail Slot" }, { 0, NULL }
};

static const struct st_valname class_names[] = {
	{ 1, "Reliable" }, { 2, "Unreliable & Broadcast" }, { 0, NULL }
};

/* Little-endian words: their values are set by the decoder. */
static const struct st_field_desc ms_fields[F_NMS] = {
	[F_OPCODE] = FDN("opcode", "mailslot.opcode", "Opcode", 0, 16,
	    ST_FMT_DEC, opcode_names),
	[F_PRIO] = FD("priority", "mailslot.priority", "Priority", 16, 16,
	    ST_FMT_DEC),
	[F_CLASS] = FDN("class", "mailslot.class", "Class", 32, 16,
	    ST_FMT_DEC, class_names),
	[F_SIZE] = FD(NULL, "mailslot.size", "Size", 48, 16, ST_FMT_DEC),
	[F_NAME] = FD(NULL, "mailslot.name", "Mailslot Name", 64, 0,
	    ST_FMT_TEXT),
};

/* Row f, the little-endian word at byte off. */
static int
word(struct st_dctx *d, struct st_cur *c, int f, size_t off)
{
	struct st_cur t = *c;
	struct st_field *fl;
	unsigned v;

	if (!st_cur_skip(&t, off) || !st_cur_need(&t, 2))
		return -1;
	v = (unsigned)(st_peek_bits(&t, 0, 8) | st_peek_bits(&t, 8, 8) << 8);
	if ((fl = st_dbytes(d, c, &ms_fields[f], off, 2)) != NULL)
		fl->val = v;
	return (int)v;
}

static int
ms_decode(struct st_dctx *d, struct st_cur *c)
{
	size_t left = st_cur_left(c), n;
	char name[MS_NAMEMAX + 1];
	struct st_cur t;
	unsigned ch;
	int f;

	for (f = F_OPCODE; f <= F_SIZE; f++)
		if (word(d, c, f, 2 * (size_t)f) < 0)
			return ST_ETRUNC;
	/* the name, NUL-terminated ASCII, within the layer's bytes */
	t = *c;
	st_cur_skip(&t, 8);
	for (n = 0; 8 + n < left; n++) {
		ch = (unsigned)st_peek_bits(&t, n * 8, 8);
		if (ch == 0)
			break;
		if (n < MS_NAMEMAX)
			name[n] = ch >= 0x20 && ch < 0x7f ? (char)ch : '?';
	}
	name[n < MS_NAMEMAX ? n : MS_NAMEMAX] = '\0';
	if (8 + n >= left) {
		if (left == 8)
			return ST_OK;		/* no name: nothing more */
		return d->pkt->caplen < d->pkt->len ? ST_ETRUNC :
		    st_dmalformed(d, "the mailslot name has no NUL");
	}
	st_dtext(d, c, &ms_fields[F_NAME], 8, n + 1, name);
	d->hdr = 8 + n + 1;
	return ST_OK;
}

static const struct st_bind ms_binds[] = {
	{ ST_KEY_PIPE, ST_PIPE_MAILSLOT },
};

/* "mailslot \MAILSLOT\BROWSE". */
static int
ms_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_NMS];

	st_ly_fields(s->pkt, ly, ms_fields, F_NMS, f);
	st_out_puts(s->o, "mailslot");
	if (f[F_NAME] != NULL) {
		st_out_putc(s->o, ' ');
		s->value(s, f[F_NAME]);
	}
	return 1;
}

static const struct st_field_desc *const ms_keys[] = {
	&ms_fields[F_OPCODE], &ms_fields[F_CLASS], NULL,
};

/* @summary */
/* @views */
/* @craft */
/* @probes */
const struct st_proto st_proto_mailslot = {
	.name = "mailslot",
	.ws = "mailslot",
	.title = "SMB MailSlot Protocol",
	.rfc = "[MS-MAIL]",
	.role = ST_ROLE_NETEXT,
	.fields = ms_fields,
	.nfields = F_NMS,
	.decode = ms_decode,
	.binds = ms_binds,
	.nbinds = NFIELDS(ms_binds),
	/* @summary */
	.summary = ms_summary,
	/* @views */
	.keys = ms_keys,
	.color = "\033[35m",
	.explain = "An SMB1 Transaction sent to \\MAILSLOT\\<name> writes one "
	    "message to a mailslot, without an answer: the browser service "
	    "announces hosts and workgroups and elects its master this way, "
	    "in NetBIOS datagrams to a subnet's broadcast address.  Three "
	    "setup words say the operation (1, write), a priority and the "
	    "class (2, unreliable broadcast); the mailslot's name follows "
	    "the byte count.",
	/* @craft */
	/* @probes */
};
