/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OpenFlow 1.3's instructions (OF 1.3 7.2.4) and actions (7.2.5), after
 * Wireshark's packet-openflow_v4.c: a FLOW_MOD's instructions after its
 * match, the action lists inside them and a PACKET_OUT's actions.  Each
 * is a TLV (type, length counting the header); the rows after the header
 * are fixed per type, a set-field action carries one OXM field.
 */
#include "openflow4.h"

#define OF_MAXACT	64	/* instructions or actions in one list */

#define A(n, l, off, w, f) FD(NULL, "openflow_v4." n, l, off, w, f)

static const struct st_field_desc act_head[] = {
	A("action.type", "Action type", 0, 16, ST_FMT_DEC),
	A("action.length", "Action length", 16, 16, ST_FMT_DEC),
};
static const struct st_field_desc act_output[] = {
	A("action.output.port", "Output port", 32, 32, ST_FMT_DEC),
	A("action.output.max_len", "Max length", 64, 16, ST_FMT_DEC),
	A("action.output.pad", "Pad", 80, 48, ST_FMT_BYTES),
};
static const struct st_field_desc act_ttl_out[] = {
	A("action.copy_ttl_out.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc act_ttl_in[] = {
	A("action.copy_ttl_in.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc act_mpls_ttl[] = {
	A("action.set_mpls_ttl.ttl", "TTL", 32, 8, ST_FMT_DEC),
	A("action.set_mpls_ttl.pad", "Pad", 40, 24, ST_FMT_BYTES) };
static const struct st_field_desc act_dec_mpls[] = {
	A("action.dec_mpls_ttl.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc act_push_vlan[] = {
	A("action.push_vlan.ethertype", "Ethertype", 32, 16, ST_FMT_HEX),
	A("action.push_vlan.pad", "Pad", 48, 16, ST_FMT_BYTES) };
static const struct st_field_desc act_pop_vlan[] = {
	A("action.pop_vlan.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc act_push_mpls[] = {
	A("action.push_mpls.ethertype", "Ethertype", 32, 16, ST_FMT_HEX),
	A("action.push_mpls.pad", "Pad", 48, 16, ST_FMT_BYTES) };
static const struct st_field_desc act_pop_mpls[] = {
	A("action.pop_mpls.ethertype", "Ethertype", 32, 16, ST_FMT_HEX),
	A("action.pop_mpls.pad", "Pad", 48, 16, ST_FMT_BYTES) };
static const struct st_field_desc act_queue[] = {
	A("action.set_queue.queue_id", "Queue ID", 32, 32, ST_FMT_DEC) };
static const struct st_field_desc act_group[] = {
	A("action.group.group_id", "Group ID", 32, 32, ST_FMT_DEC) };
static const struct st_field_desc act_nw_ttl[] = {
	A("action.set_nw_ttl.ttl", "TTL", 32, 8, ST_FMT_DEC),
	A("action.set_nw_ttl.pad", "Pad", 40, 24, ST_FMT_BYTES) };
static const struct st_field_desc act_dec_nw[] = {
	A("action.dec_nw_ttl.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc act_push_pbb[] = {
	A("action.push_pbb.ethertype", "Ethertype", 32, 16, ST_FMT_HEX),
	A("action.push_pbb.pad", "Pad", 48, 16, ST_FMT_BYTES) };
static const struct st_field_desc act_pop_pbb[] = {
	A("action.pop_pbb.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc act_exp[] = {
	A("action_experimenter.experimenter", "Experimenter", 32, 32,
	    ST_FMT_HEX) };
static const struct st_field_desc act_setf_pad =
	A("action.set_field.pad", "Pad", 0, 0, ST_FMT_BYTES);

/* The rows after an action's header, by type, with the length they need. */
struct of4_act {
	const struct st_field_desc *rows;
	uint8_t	 n, need;
};

#define R(t, need) { t, NFIELDS(t), need }
static const struct of4_act acts[] = {
	[0] = R(act_output, 16), [11] = R(act_ttl_out, 8),
	[12] = R(act_ttl_in, 8), [15] = R(act_mpls_ttl, 8),
	[16] = R(act_dec_mpls, 8), [17] = R(act_push_vlan, 8),
	[18] = R(act_pop_vlan, 8), [19] = R(act_push_mpls, 8),
	[20] = R(act_pop_mpls, 8), [21] = R(act_queue, 8),
	[22] = R(act_group, 8), [23] = R(act_nw_ttl, 8),
	[24] = R(act_dec_nw, 8), [26] = R(act_push_pbb, 8),
	[27] = R(act_pop_pbb, 8),
};

static const struct st_field_desc ins_head[] = {
	A("instruction.type", "Instruction type", 0, 16, ST_FMT_DEC),
	A("instruction.length", "Instruction length", 16, 16, ST_FMT_DEC),
};
static const struct st_field_desc ins_goto[] = {
	A("instruction.goto_table.table_id", "Table ID", 32, 8, ST_FMT_DEC),
	A("instruction.goto_table.pad", "Pad", 40, 24, ST_FMT_BYTES) };
static const struct st_field_desc ins_meta[] = {
	A("instruction.write_metadata.pad", "Pad", 32, 32, ST_FMT_BYTES),
	A("instruction.write_metadata.value", "Value", 64, 64, ST_FMT_HEX),
	A("instruction.write_metadata.mask", "Mask", 128, 64, ST_FMT_HEX) };
static const struct st_field_desc ins_apad[] = {
	A("instruction.actions.pad", "Pad", 32, 32, ST_FMT_BYTES) };
static const struct st_field_desc ins_meter[] = {
	A("instruction.meter.meter_id", "Meter ID", 32, 32, ST_FMT_DEC) };
static const struct st_field_desc ins_exp[] = {
	A("instruction_experimenter.experimenter", "Experimenter", 32, 32,
	    ST_FMT_HEX) };

/* Rows t[0..n) at byte off of c; a missing byte sets c->err. */
static void
at(struct st_dctx *d, struct st_cur *c, const struct st_field_desc *t,
    size_t n, size_t off)
{
	st_dfields_at(d, c, off, t, n);
}

/* A set-field action of n bytes at pos: one OXM field, then pad. */
static void
set_field(struct st_dctx *d, struct st_cur *c, size_t pos, size_t n)
{
	size_t ol;

	if (n < 8)
		return;
	ol = (size_t)st_peek_bits(c, (pos + 4) * 8 + 24, 8);
	if (8 + ol > n) {
		st_dmalformed(d, "set-field OXM of %zu bytes", ol);
		return;
	}
	st_of4_oxm(d, c, pos + 4, ol);
	if (c->err == ST_OK && 8 + ol < n)
		st_dbytes(d, c, &act_setf_pad, pos + 8 + ol, n - 8 - ol);
}

void
st_of4_act_id(struct st_dctx *d, struct st_cur *c, size_t o)
{
	at(d, c, act_head, 2, o);
}

void
st_of4_ins_id(struct st_dctx *d, struct st_cur *c, size_t o)
{
	at(d, c, ins_head, 2, o);
}

/* The actions from byte pos to end (OF 1.3 7.2.5). */
void
st_of4_actions(struct st_dctx *d, struct st_cur *c, size_t pos, size_t end)
{
	const struct of4_act *a;
	size_t n;
	unsigned i, type;

	for (i = 0; i < OF_MAXACT && pos + 4 <= end && c->err == ST_OK;
	    i++, pos += n) {
		type = (unsigned)st_peek_bits(c, pos * 8, 16);
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		at(d, c, act_head, 2, pos);
		if (c->err != ST_OK)
			return;
		if (n < 8 || n % 8 != 0 || pos + n > end) {
			st_dmalformed(d, "action of %zu bytes", n);
			return;
		}
		a = type < NFIELDS(acts) ? &acts[type] : NULL;
		if (a != NULL && a->rows != NULL && n >= a->need)
			at(d, c, a->rows, a->n, pos);
		else if (type == 25)
			set_field(d, c, pos, n);
		else if (type == 0xffff)
			at(d, c, act_exp, 1, pos);
	}
}

/* The instructions from byte pos to end (OF 1.3 7.2.4). */
void
st_of4_instructions(struct st_dctx *d, struct st_cur *c, size_t pos,
    size_t end)
{
	size_t n;
	unsigned i, type;

	for (i = 0; i < OF_MAXACT && pos + 4 <= end && c->err == ST_OK;
	    i++, pos += n) {
		type = (unsigned)st_peek_bits(c, pos * 8, 16);
		n = (size_t)st_peek_bits(c, pos * 8 + 16, 16);
		at(d, c, ins_head, 2, pos);
		if (c->err != ST_OK)
			return;
		if (n < 8 || n % 8 != 0 || pos + n > end) {
			st_dmalformed(d, "instruction of %zu bytes", n);
			return;
		}
		switch (type) {
		case 1:
			at(d, c, ins_goto, NFIELDS(ins_goto), pos);
			break;
		case 2:
			if (n >= 24)
				at(d, c, ins_meta, NFIELDS(ins_meta), pos);
			break;
		case 3:
		case 4:
		case 5:
			at(d, c, ins_apad, 1, pos);
			st_of4_actions(d, c, pos + 8, pos + n);
			break;
		case 6:
			at(d, c, ins_meter, 1, pos);
			break;
		case 0xffff:
			at(d, c, ins_exp, 1, pos);
			break;
		}
	}
}
