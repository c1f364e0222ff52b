/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A BPF program's instructions in words, and the paths that accept: the
 * names come from the analysis in bpf.c (st_bpf_init).
 */
#include <stdio.h>
#include <string.h>

#include "strata/bpf.h"

#define MAXPATHS	64	/* accepting paths listed */
#define MAXCOND		64	/* conditions on one path */

/* What A holds, for words: the field, or "A". */
static const char *
aname(const struct st_bpf_what *w)
{
	return w->name[0] != '\0' ? w->name : "A";
}

static void
operand(struct st_out *o, const struct st_bpf *b, size_t i)
{
	const struct bpf_insn *in = &b->insn[i];

	if (BPF_SRC(in->code) == BPF_X)
		st_out_puts(o, "X");
	else
		st_bpf_value(o, &b->pre[i], in->k);
}

void
st_bpf_cond(struct st_out *o, const struct st_bpf *b, size_t i, int yes)
{
	const struct bpf_insn *in = &b->insn[i];
	const struct st_bpf_what *w = &b->pre[i];
	static const char *const rel[][2] = {
		{ "!=", "=" }, { "<=", ">" }, { "<", ">=" }, { "= 0", "!= 0" },
	};
	int op;

	switch (BPF_OP(in->code)) {
	case BPF_JEQ:
		op = 0;
		break;
	case BPF_JGT:
		op = 1;
		break;
	case BPF_JGE:
		op = 2;
		break;
	default:
		op = 3;
	}
	st_out_puts(o, aname(w));
	if (op == 3) {
		if (w->fd == NULL || BPF_SRC(in->code) == BPF_X) {
			st_out_puts(o, " & ");
			if (BPF_SRC(in->code) == BPF_X)
				st_out_puts(o, "X");
			else
				st_out_printf(o, "0x%x", in->k);
		}
		st_out_printf(o, " %s", rel[op][yes]);
		return;
	}
	st_out_printf(o, " %s ", rel[op][yes]);
	operand(o, b, i);
}

/* The words of a load's source. */
static void
load_words(struct st_out *o, const struct st_bpf *b, size_t i)
{
	const struct bpf_insn *in = &b->insn[i];
	unsigned sz = st_bpf_ldsize(in->code);

	switch (BPF_MODE(in->code)) {
	case BPF_ABS:
	case BPF_IND:
		st_out_printf(o, "load %u byte%s at offset %s%u", sz,
		    sz > 1 ? "s" : "", BPF_MODE(in->code) == BPF_IND ? "X + " :
		    "", in->k);
		if (in->k >= 0xfffff000u)
			st_out_puts(o, ": Linux ancillary data, not in a "
			    "capture file (rejects here)");
		else if (b->post[i].name[0] != '\0')
			st_out_printf(o, ": %s", b->post[i].name);
		break;
	case BPF_IMM:
		st_out_printf(o, "A = %u", in->k);
		break;
	case BPF_LEN:
		st_out_puts(o, "A = the packet's length on the wire");
		break;
	case BPF_MEM:
		st_out_printf(o, "A = memory slot %u", in->k);
		break;
	}
}

static void
ldx_words(struct st_out *o, const struct st_bpf *b, size_t i)
{
	const struct bpf_insn *in = &b->insn[i];

	switch (BPF_MODE(in->code)) {
	case BPF_MSH:
		st_out_printf(o, "X = %s", b->x[i]);
		break;
	case BPF_IMM:
		st_out_printf(o, "X = %u", in->k);
		break;
	case BPF_LEN:
		st_out_puts(o, "X = the packet's length on the wire");
		break;
	case BPF_MEM:
		st_out_printf(o, "X = memory slot %u", in->k);
		break;
	}
}

static void
alu_words(struct st_out *o, const struct st_bpf *b, size_t i)
{
	const struct bpf_insn *in = &b->insn[i];
	static const char *const ops[] = { "+", "-", "*", "/", "|", "&", "<<",
	    ">>", "", "%", "^" };
	unsigned op = BPF_OP(in->code) >> 4;

	if (BPF_OP(in->code) == BPF_NEG) {
		st_out_puts(o, "A = -A");
		return;
	}
	st_out_printf(o, "A = A %s ", op < 11 ? ops[op] : "?");
	if (BPF_SRC(in->code) == BPF_X)
		st_out_puts(o, "X");
	else
		st_out_printf(o, "0x%x", in->k);
	if (BPF_OP(in->code) == BPF_AND && b->post[i].name[0] != '\0')
		st_out_printf(o, " (keeps %s)", b->post[i].name);
}

static void
jmp_words(struct st_out *o, const struct st_bpf *b, size_t i)
{
	const struct bpf_insn *in = &b->insn[i];

	if (BPF_OP(in->code) == BPF_JA) {
		st_out_printf(o, st_bpf_ja(i, in->k) <= (long)i ? "go back to "
		    "%ld (a loop: once for each header in a chain)" :
		    "go to %ld", st_bpf_ja(i, in->k));
		return;
	}
	st_out_printf(o, "is %s", aname(&b->pre[i]));
	switch (BPF_OP(in->code)) {
	case BPF_JEQ:
		st_out_putc(o, ' ');
		break;
	case BPF_JGT:
		st_out_puts(o, " greater than ");
		break;
	case BPF_JGE:
		st_out_puts(o, " at least ");
		break;
	default:
		if (b->pre[i].fd != NULL && BPF_SRC(in->code) == BPF_K)
			st_out_puts(o, " non-zero");
		else if (BPF_SRC(in->code) == BPF_K)
			st_out_printf(o, " & 0x%x non-zero", in->k);
		else
			st_out_puts(o, " & X non-zero");
	}
	if (BPF_OP(in->code) != BPF_JSET)
		operand(o, b, i);
	st_out_printf(o, "? yes: go to %zu, no: go to %zu", i + 1 + in->jt,
	    i + 1 + in->jf);
}

void
st_bpf_words(struct st_out *o, const struct st_bpf *b, size_t i)
{
	const struct bpf_insn *in = &b->insn[i];

	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
		load_words(o, b, i);
		break;
	case BPF_LDX:
		ldx_words(o, b, i);
		break;
	case BPF_ST:
		st_out_printf(o, "memory slot %u = A", in->k);
		break;
	case BPF_STX:
		st_out_printf(o, "memory slot %u = X", in->k);
		break;
	case BPF_ALU:
		alu_words(o, b, i);
		break;
	case BPF_JMP:
		jmp_words(o, b, i);
		break;
	case BPF_RET:
		if (BPF_RVAL(in->code) == BPF_A)
			st_out_puts(o, "accept A bytes (reject if A is 0)");
		else if (in->k == 0)
			st_out_puts(o, "reject the packet");
		else
			st_out_printf(o, "accept the packet, up to %u bytes of "
			    "it", in->k);
		break;
	case BPF_MISC:
		st_out_puts(o, BPF_MISCOP(in->code) == BPF_TAX ? "X = A" :
		    "A = X");
		break;
	}
}

/* Whether condition k of a path says nothing more than a later one: "A is
 * not IPv4" before "A is ARP". */
static int
implied(const struct st_bpf *b, const size_t *cond, const int *yes,
    size_t nc, size_t k)
{
	const struct bpf_insn *a = &b->insn[cond[k]], *c;
	size_t j;

	if (yes[k] || BPF_OP(a->code) != BPF_JEQ ||
	    b->pre[cond[k]].name[0] == '\0')
		return 0;
	for (j = k + 1; j < nc; j++) {
		c = &b->insn[cond[j]];
		if (yes[j] && BPF_OP(c->code) == BPF_JEQ &&
		    BPF_SRC(c->code) == BPF_K && BPF_SRC(a->code) == BPF_K &&
		    c->k != a->k && strcmp(b->pre[cond[j]].name,
		    b->pre[cond[k]].name) == 0)
			return 1;
	}
	return 0;
}

/* Walks every path from i, listing those that end in an accept. */
static void
paths(struct st_out *o, const struct st_bpf *b, size_t i, size_t *cond,
    int *yes, size_t nc, unsigned *np, int *loops)
{
	const struct bpf_insn *in;
	size_t k;
	int first;

	for (;;) {
		if (*np > MAXPATHS)
			return;
		in = &b->insn[i];
		if (BPF_CLASS(in->code) == BPF_RET)
			break;
		if (BPF_CLASS(in->code) != BPF_JMP) {
			i++;
			continue;
		}
		if (BPF_OP(in->code) == BPF_JA &&
		    st_bpf_ja(i, in->k) <= (long)i) {
			*loops = 1;	/* paths through a loop: not listed */
			return;
		}
		if (BPF_OP(in->code) == BPF_JA || in->jt == in->jf) {
			i = BPF_OP(in->code) == BPF_JA ?
			    (size_t)st_bpf_ja(i, in->k) : i + 1 + in->jt;
			continue;
		}
		if (nc >= MAXCOND)
			return;
		cond[nc] = i;
		yes[nc] = 1;
		paths(o, b, i + 1 + in->jt, cond, yes, nc + 1, np, loops);
		yes[nc] = 0;
		nc++;
		i += 1 + in->jf;
	}
	if (BPF_RVAL(in->code) != BPF_A && in->k == 0)
		return;
	if (++*np > MAXPATHS) {
		st_out_printf(o, "  (more than %d paths: the rest are not "
		    "listed)\n", MAXPATHS);
		return;
	}
	st_out_printf(o, "  %u. ", *np);
	if (nc == 0)
		st_out_puts(o, "always");
	for (k = 0, first = 1; k < nc; k++) {
		if (implied(b, cond, yes, nc, k))
			continue;
		if (!first)
			st_out_puts(o, ", ");
		first = 0;
		st_bpf_cond(o, b, cond[k], yes[k]);
	}
	st_out_printf(o, " -> (%03zu) accept\n", i);
}

void
st_bpf_explain(struct st_out *o, const struct st_bpf *b)
{
	size_t i, cond[MAXCOND];
	int yes[MAXCOND];
	unsigned np = 0;
	int loops = 0;

	for (i = 0; i < b->n; i++) {
		st_out_printf(o, "%s\n      ", bpf_image(
		    (struct bpf_insn *)&b->insn[i], (int)i));
		st_bpf_words(o, b, i);
		st_out_putc(o, '\n');
	}
	st_out_puts(o, "\naccepted when:\n");
	paths(o, b, 0, cond, yes, 0, &np, &loops);
	if (loops)
		st_out_puts(o, "  (and paths through the loop, not listed)\n");
	else if (np == 0)
		st_out_puts(o, "  never: every path rejects\n");
}
