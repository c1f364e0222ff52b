/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * LWAPP, Cisco's Lightweight Access Point Protocol (draft-ohara-capwap-
 * lwapp-04), over UDP ports 12222 (data) and 12223 (control) or EtherType
 * 0x88bb: an access point's 802.11 frames (no FCS) or control messages to
 * its controller.
 *
 * +---+-----+-+-+-+---------------+-------------------------------+
 * |Ver|RID  |C|F|L|  Fragment ID  |            Length             |
 * +---+-----+-+-+-+---------------+-------------------------------+
 * |     RSSI      |      SNR      |  802.11 frame or control...
 * +---------------+---------------+
 *
 * A control message (C set) starts its own header: type (8), sequence
 * number (8), length (16); Wireshark shows it as the protocol lwapp-cntl.
 */
#include "strata/out.h"
#include "fields.h"
#include "wlan.h"

enum { F_VERS, F_SLOT, F_FLAGS, F_TYPE, F_FRAG, F_FRAGT, F_FRAGID, F_LEN,
	F_RSSI, F_SNR, F_APID };

#define LWAPP_CONTROL_PORT	12223

static const struct st_field_desc lwapp_fields[] = {
	FDD(NULL, "lwapp.version", "Version", 0, 2, ST_FMT_DEC),
	FDD(NULL, "lwapp.slotId", "Radio ID", 2, 3, ST_FMT_DEC),
	FD("flags", "lwapp.flags", "Flags", 0, 8, ST_FMT_HEX),
	FDD(NULL, "lwapp.flags.type", "Control (C)", 5, 1, ST_FMT_BOOL),
	FDD(NULL, "lwapp.flags.fragment", "Fragment (F)", 6, 1,
	    ST_FMT_BOOL),
	FDD(NULL, "lwapp.flags.fragmentType", "Last fragment type (L)", 7, 1,
	    ST_FMT_BOOL),
	FD("fragid", "lwapp.fragmentId", "Fragment ID", 8, 8, ST_FMT_HEX),
	FD("length", "lwapp.Length", "Length", 16, 16, ST_FMT_DEC),
	FD("rssi", "lwapp.rssi", "RSSI", 32, 8, ST_FMT_HEX),
	FD("snr", "lwapp.snr", "SNR", 40, 8, ST_FMT_HEX),
	/* Before the header, to the control port (from the AP's start). */
	FD(NULL, "lwapp.apid", "AP identity", 0, 48, ST_FMT_MAC),
};

enum { C_TYPE, C_SEQ, C_LEN };

static const struct st_valname cntl_names[] = {
	{ 1, "Discovery Request" }, { 2, "Discovery Reply" },
	{ 3, "Join Request" }, { 4, "Join Reply" },
	{ 5, "Join ACK" }, { 6, "Join Confirm" },
	{ 10, "Configure Request" }, { 11, "Configure Response" },
	{ 12, "Configure Command" }, { 13, "Configure Command Response" },
	{ 14, "Key Update Request" }, { 15, "Key Update Response" },
	{ 16, "Statistics Info" }, { 17, "Statistics Info Response" },
	{ 18, "Echo Request" }, { 19, "Echo Response" },
	{ 0, NULL }
};

static const struct st_field_desc cntl_fields[] = {
	FD("type", "lwapp.control.type", "Control type", 0, 8, ST_FMT_DEC),
	FD("seq", "lwapp.control.seqno", "Control sequence number", 8, 8,
	    ST_FMT_DEC),
	FD("length", "lwapp.control.length", "Control length", 16, 16,
	    ST_FMT_DEC),
};

extern const struct st_proto st_proto_lwapp_cntl;

static int
lwapp_decode(struct st_dctx *d, struct st_cur *c)
{
	struct st_cur t = *c;
	unsigned flags;
	size_t len, off = 0;

	/* What goes to the controller's control port starts with the AP's
	 * MAC address, as Wireshark reads it (whatever the C flag says). */
	if (st_dport(d->pkt, d->ly, 1) == LWAPP_CONTROL_PORT) {
		if (st_dfield(d, c, &lwapp_fields[F_APID]) == NULL)
			return c->err;
		off = 6;
		t.off += off;
	}
	if (st_dfields(d, &t, lwapp_fields, F_APID) != ST_OK)
		return t.err;
	d->hdr = off + 6;
	flags = (unsigned)st_peek_bits(&t, 0, 8);
	len = (size_t)st_peek_bits(&t, 16, 16);
	d->plen = len;
	if (len == 0)
		return ST_OK;
	if ((flags & 0x04) != 0) {
		d->next = &st_proto_lwapp_cntl;
		return ST_OK;
	}
	if (st_dcount_kind(d, ST_PF_TUNNEL, ST_ROLE_NONE) >= ST_MAX_TUNNEL)
		return st_dmalformed(d, "tunnels nested more than %d deep",
		    ST_MAX_TUNNEL);
	d->next_key = ST_KEY_WLAN;
	d->next_val = ST_WLAN_FRAME;
	return ST_OK;
}

static int
cntl_decode(struct st_dctx *d, struct st_cur *c)
{
	if (st_dfields(d, c, cntl_fields, NFIELDS(cntl_fields)) != ST_OK)
		return c->err;
	/* The message's elements are data to the end of what LWAPP's length
	 * gives, as Wireshark shows them (whatever the control length). */
	d->hdr = 4;
	d->data = 1;
	return ST_OK;
}

static const struct st_bind lwapp_binds[] = {
	{ ST_KEY_UDPPORT, 12222 },
	{ ST_KEY_UDPPORT, 12223 },
	{ ST_KEY_ETHERTYPE, 0x88bb },
};

/* "LWAPPv0, Data frame, Radio-id 1, Flags [none], Frag-id 29, length 24",
 * as tcpdump says it. */
static int
lwapp_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[F_APID];
	unsigned fl;

	st_ly_fields(s->pkt, ly, lwapp_fields, F_APID, f);
	if (f[F_FLAGS] == NULL || f[F_LEN] == NULL || f[F_FRAGID] == NULL)
		return 0;
	fl = (unsigned)f[F_FLAGS]->val;
	st_out_printf(s->o, "LWAPPv%u, %s frame, Radio-id %u, Flags [%s%s%s%s]"
	    ", Frag-id %u, length %u", fl >> 6, (fl & 4) != 0 ? "Control" :
	    "Data", (fl >> 3) & 7, (fl & 2) != 0 ? "F" : "",
	    (fl & 3) == 3 ? ", " : "", (fl & 1) != 0 ? "L" : "",
	    (fl & 3) == 0 ? "none" : "", (unsigned)f[F_FRAGID]->val,
	    (unsigned)f[F_LEN]->val);
	return 1;
}

/* "LWAPP control Configure Command (12), seq 150, length 82". */
static int
cntl_summary(struct st_sumctx *s, const struct st_layer *ly)
{
	const struct st_field *f[NFIELDS(cntl_fields)];
	const char *name;

	st_ly_fields(s->pkt, ly, cntl_fields, NFIELDS(cntl_fields), f);
	if (f[C_TYPE] == NULL || f[C_SEQ] == NULL || f[C_LEN] == NULL)
		return 0;
	name = st_valname(cntl_names, (uint32_t)f[C_TYPE]->val);
	st_out_printf(s->o, "LWAPP control %s (%u), seq %u, length %u",
	    name != NULL ? name : "Unknown", (unsigned)f[C_TYPE]->val,
	    (unsigned)f[C_SEQ]->val, (unsigned)f[C_LEN]->val);
	return 1;
}

static const struct st_field_desc *const lwapp_keys[] = {
	&lwapp_fields[F_FLAGS], &lwapp_fields[F_LEN], NULL,
};

static const struct st_field_desc *const cntl_keys[] = {
	&cntl_fields[C_TYPE], &cntl_fields[C_SEQ], NULL,
};

const struct st_proto st_proto_lwapp = {
	.name = "lwapp",
	.ws = "lwapp",
	.title = "Lightweight Access Point Protocol",
	.rfc = "draft-ohara-capwap-lwapp-04",
	.role = ST_ROLE_LINK,	/* a shim before the carried 802.11 frame */
	.flags = ST_PF_TUNNEL,
	.fields = lwapp_fields,
	.nfields = NFIELDS(lwapp_fields),
	.decode = lwapp_decode,
	.binds = lwapp_binds,
	.nbinds = NFIELDS(lwapp_binds),
	.summary = lwapp_summary,
	.keys = lwapp_keys,
	.color = "\033[33m",
	.explain_bits = 48,
	.explain = "Cisco's lightweight access point protocol: an access "
	    "point hands the controller its 802.11 frames (C clear, UDP "
	    "12222) or control messages (C set, UDP 12223). RSSI and SNR "
	    "are the radio's reading of the frame.",
};

const struct st_proto st_proto_lwapp_cntl = {
	.name = "lwapp-cntl",
	.ws = "lwapp-cntl",
	.title = "LWAPP Control Message",
	.rfc = "draft-ohara-capwap-lwapp-04",
	.role = ST_ROLE_CONTROL,
	.fields = cntl_fields,
	.nfields = NFIELDS(cntl_fields),
	.decode = cntl_decode,
	.summary = cntl_summary,
	.keys = cntl_keys,
	.color = "\033[35m",
	.explain_bits = 32,
	.explain = "An LWAPP control message between access point and "
	    "controller: discovery, join, configuration, key update, "
	    "statistics, echo. Its elements (often encrypted) are not "
	    "decoded.",
};
