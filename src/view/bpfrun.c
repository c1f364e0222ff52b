/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A BPF program run on one packet, step by step: the classic BPF machine
 * as libpcap's bpf_filter() runs it (the caller checks that both agree),
 * each load bounds-checked against the captured bytes, each value shown
 * with the name of the field it came from (src/view/bpf.c).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "strata/bpf.h"

/* Steps before a run is cut short: ip6 protochain loops once per
 * extension header, each at least 8 bytes of a packet of at most 256 KiB. */
#define MAXSTEPS	(1L << 20)

void
st_bpf_value(struct st_out *o, const struct st_bpf_what *w, uint32_t v)
{
	const struct st_field_desc *fd = w->fd;
	const char *nm;
	char buf[ST_FMT_BUF];
	uint8_t a[4];

	if (fd == NULL) {
		st_out_printf(o, "0x%x", v);
		return;
	}
	v = w->shift < 32 ? v >> w->shift : 0;
	if (fd->fmt == ST_FMT_IPV4 && fd->bits == 32) {
		a[0] = (uint8_t)(v >> 24);
		a[1] = (uint8_t)(v >> 16);
		a[2] = (uint8_t)(v >> 8);
		a[3] = (uint8_t)v;
		st_out_puts(o, st_fmt_ipv4(buf, a));
		return;
	}
	nm = fd->names != NULL ? st_valname(fd->names, v) : NULL;
	if (nm != NULL)
		st_out_printf(o, "%s (", nm);
	if (fd->fmt == ST_FMT_HEX || fd->fmt == ST_FMT_MAC)
		st_out_printf(o, "0x%x", v);
	else
		st_out_printf(o, "%u", v);
	if (nm != NULL)
		st_out_putc(o, ')');
}

/* The machine's registers, and why it stopped. */
struct vm {
	uint32_t	 a, x, mem[BPF_MEMWORDS];
	const uint8_t	*p;
	uint32_t	 caplen, wirelen;
	size_t		 pc, steps;
	struct st_out	*o;
	size_t		 lastjmp;	/* the last branch taken, or SIZE_MAX */
	int		 lastyes;
	uint32_t	 lasta;
};

/* Reads sz bytes at off, big-endian; -1 when not all were captured. */
static int
fetch(struct vm *m, uint32_t off, unsigned sz, uint32_t *v)
{
	unsigned i;

	if (off > m->caplen || sz > m->caplen - off)
		return -1;
	for (*v = 0, i = 0; i < sz; i++)
		*v = *v << 8 | m->p[off + i];
	return 0;
}

/* "tcp.dstport 443 is not 80": jump i on value a, as it went. */
static void
relation(struct st_out *o, const struct st_bpf *b, size_t i, uint32_t a,
    int yes)
{
	const struct bpf_insn *in = &b->insn[i];
	const struct st_bpf_what *w = &b->pre[i];
	static const char *const rel[][2] = {
		{ "is not", "is" }, { "is not greater than", "is greater than" },
		{ "is less than", "is at least" },
	};
	int op = BPF_OP(in->code) == BPF_JEQ ? 0 : BPF_OP(in->code) ==
	    BPF_JGT ? 1 : BPF_OP(in->code) == BPF_JGE ? 2 : 3;

	st_out_printf(o, "%s ", w->name[0] != '\0' ? w->name : "A");
	if (op == 3 && w->fd != NULL && BPF_SRC(in->code) == BPF_K) {
		st_bpf_value(o, w, a & in->k);
		st_out_puts(o, yes ? " is not 0" : " is 0");
		return;
	}
	st_bpf_value(o, w, a);
	if (op == 3) {
		st_out_puts(o, yes ? " has some of the bits " :
		    " has none of the bits ");
		if (BPF_SRC(in->code) == BPF_X)
			st_out_puts(o, "of X");
		else
			st_out_printf(o, "0x%x", in->k);
		return;
	}
	st_out_printf(o, " %s ", rel[op][yes]);
	if (BPF_SRC(in->code) == BPF_X)
		st_out_puts(o, "X");
	else
		st_bpf_value(o, w, in->k);
}

/* A load of the ld class; -1 when the packet is too short. */
static int
ld(struct vm *m, const struct bpf_insn *in, uint32_t *v, int x)
{
	uint32_t off;

	switch (BPF_MODE(in->code)) {
	case BPF_ABS:
	case BPF_IND:
		off = in->k;
		if (BPF_MODE(in->code) == BPF_IND) {
			if (m->x > UINT32_MAX - off)
				return -1;
			off += m->x;
		}
		return fetch(m, off, st_bpf_ldsize(in->code), v);
	case BPF_IMM:
		*v = in->k;
		return 0;
	case BPF_LEN:
		*v = m->wirelen;
		return 0;
	case BPF_MEM:
		*v = in->k < BPF_MEMWORDS ? m->mem[in->k] : 0;
		return 0;
	case BPF_MSH:
		if (!x || fetch(m, in->k, 1, v) < 0)
			return -1;
		*v = (*v & 0xf) << 2;
		return 0;
	}
	return -1;
}

/* The ALU; -1 on a division by zero (bpf_filter returns 0 then). */
static int
alu(struct vm *m, const struct bpf_insn *in)
{
	uint32_t k = BPF_SRC(in->code) == BPF_X ? m->x : in->k;

	switch (BPF_OP(in->code)) {
	case BPF_ADD: m->a += k; break;
	case BPF_SUB: m->a -= k; break;
	case BPF_MUL: m->a *= k; break;
	case BPF_DIV:
		if (k == 0)
			return -1;
		m->a /= k;
		break;
	case BPF_MOD:
		if (k == 0)
			return -1;
		m->a %= k;
		break;
	case BPF_OR: m->a |= k; break;
	case BPF_AND: m->a &= k; break;
	case BPF_XOR: m->a ^= k; break;
	case BPF_LSH: m->a = k < 32 ? m->a << k : 0; break;
	case BPF_RSH: m->a = k < 32 ? m->a >> k : 0; break;
	case BPF_NEG: m->a = -m->a; break;
	default: return -1;
	}
	return 0;
}

static void
jmp(struct vm *m, const struct st_bpf *b, const struct bpf_insn *in)
{
	uint32_t k = BPF_SRC(in->code) == BPF_X ? m->x : in->k;
	long t;
	int yes;

	switch (BPF_OP(in->code)) {
	case BPF_JA:
		/* Out of the program: bpf_filter would read past it; here
		 * the run ends and rejects. */
		t = st_bpf_ja(m->pc, in->k);
		m->pc = t >= 0 ? (size_t)t : SIZE_MAX;
		return;
	case BPF_JEQ: yes = m->a == k; break;
	case BPF_JGT: yes = m->a > k; break;
	case BPF_JGE: yes = m->a >= k; break;
	default: yes = (m->a & k) != 0; break;
	}
	if (m->o != NULL) {
		st_out_puts(m->o, "        ");
		relation(m->o, b, m->pc, m->a, yes);
		st_out_printf(m->o, ": go to %zu\n", m->pc + 1 +
		    (yes ? in->jt : in->jf));
	}
	if (in->jt != in->jf) {
		m->lastjmp = m->pc;
		m->lastyes = yes;
		m->lasta = m->a;
	}
	m->pc += 1 + (yes ? in->jt : in->jf);
}

/* Shows the value an instruction just set. */
static void
shown(struct vm *m, const struct st_bpf *b, const struct bpf_insn *in)
{
	const struct st_bpf_what *w = &b->post[m->pc];

	if (m->o == NULL)
		return;
	switch (BPF_CLASS(in->code)) {
	case BPF_LD:
	case BPF_ALU:
		st_out_printf(m->o, "        A = 0x%x", m->a);
		if (w->name[0] != '\0') {
			st_out_printf(m->o, ": %s", w->name);
			if (w->fd != NULL) {
				st_out_putc(m->o, ' ');
				st_bpf_value(m->o, w, m->a);
			}
		}
		st_out_putc(m->o, '\n');
		break;
	case BPF_LDX:
		st_out_printf(m->o, "        X = %u", m->x);
		if (b->x[m->pc][0] != '\0')
			st_out_printf(m->o, ": %s", b->x[m->pc]);
		st_out_putc(m->o, '\n');
		break;
	case BPF_MISC:
		st_out_printf(m->o, "        X = %u, A = 0x%x\n", m->x, m->a);
		break;
	case BPF_ST:
	case BPF_STX:
		st_out_printf(m->o, "        M[%u] = 0x%x\n", in->k & 15,
		    m->mem[in->k & 15]);
		break;
	}
}

/* One instruction; returns 1 when the program ended, with *ret set. */
static int
exec(struct vm *m, const struct st_bpf *b, uint32_t *ret)
{
	const struct bpf_insn *in = &b->insn[m->pc];
	uint32_t v;

	if (m->o != NULL)
		st_out_printf(m->o, "step %zu  %s\n", m->steps,
		    bpf_image((struct bpf_insn *)in, (int)m->pc));
	switch (BPF_CLASS(in->code)) {
	case BPF_RET:
		*ret = BPF_RVAL(in->code) == BPF_A ? m->a : in->k;
		return 1;
	case BPF_LD:
	case BPF_LDX:
		if (ld(m, in, &v, BPF_CLASS(in->code) == BPF_LDX) < 0) {
			if (m->o != NULL)
				st_out_printf(m->o, "reject at step %zu: the "
				    "load reads past the %u bytes captured\n",
				    m->steps, m->caplen);
			*ret = 0;
			return 2;
		}
		if (BPF_CLASS(in->code) == BPF_LD)
			m->a = v;
		else
			m->x = v;
		break;
	case BPF_ST:
		if (in->k < BPF_MEMWORDS)
			m->mem[in->k] = m->a;
		break;
	case BPF_STX:
		if (in->k < BPF_MEMWORDS)
			m->mem[in->k] = m->x;
		break;
	case BPF_ALU:
		if (alu(m, in) < 0) {
			if (m->o != NULL)
				st_out_printf(m->o, "reject at step %zu: a "
				    "division by zero\n", m->steps);
			*ret = 0;
			return 2;
		}
		break;
	case BPF_JMP:
		jmp(m, b, in);
		return 0;
	case BPF_MISC:
		if (BPF_MISCOP(in->code) == BPF_TAX)
			m->x = m->a;
		else
			m->a = m->x;
		break;
	}
	shown(m, b, in);
	m->pc++;
	return 0;
}

uint32_t
st_bpf_run(const struct st_bpf *b, struct st_out *o, const uint8_t *p,
    uint32_t wirelen, uint32_t caplen)
{
	struct vm m;
	uint32_t ret = 0;
	int end = 0;

	memset(&m, 0, sizeof(m));
	m.p = p;
	m.caplen = caplen;
	m.wirelen = wirelen;
	m.o = o;
	m.lastjmp = SIZE_MAX;
	while (m.pc < b->n && m.steps < MAXSTEPS) {
		m.steps++;
		if ((end = exec(&m, b, &ret)) != 0)
			break;
	}
	if (end == 0)
		ret = 0;	/* ran off the end: not a valid program */
	if (o == NULL || end == 2)
		return ret;
	if (ret != 0) {
		st_out_printf(o, "accept: %u bytes\n", ret);
		return ret;
	}
	st_out_printf(o, "reject at step %zu", m.steps);
	if (m.lastjmp != SIZE_MAX) {
		st_out_puts(o, ": ");
		relation(o, b, m.lastjmp, m.lasta, m.lastyes);
	}
	st_out_putc(o, '\n');
	return ret;
}
