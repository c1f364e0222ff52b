/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A BPF program explained (strata bpf): each instruction in words, naming
 * the field each load reads from the protocols' descriptors, the paths that
 * accept, and the program run on one packet step by step.  What is known of
 * the packet is tracked along the program's paths: after a comparison of a
 * next-protocol field (eth.type, ip.proto) the layer it leads to (the
 * registry's binds) is known, and after ldxb 4*([k]&0xf) on a header
 * length field X holds that header's length.  Nothing here names a
 * protocol (src/view/bpf.c, bpfwords.c, bpfrun.c).
 */
#ifndef STRATA_BPF_H
#define STRATA_BPF_H

#include <stddef.h>
#include <stdint.h>

#include <sys/types.h>

#include <pcap/bpf.h>

#include "strata/view.h"

/* Instructions in one program, as the kernel allows. */
#define ST_BPF_MAXINSNS	4096

/* What the accumulator holds at one point of the program. */
struct st_bpf_what {
	char		 name[128];	/* "eth.type"; "" when nothing known */
	const struct st_field_desc *fd;	/* when exactly one field: for its
					   values' names and format */
	uint8_t		 shift;		/* the field's lowest bit in A */
};

/* A program analysed once: per instruction, A before and after it. */
struct st_bpf {
	const struct bpf_insn *insn;
	size_t		 n;
	int		 linktype;
	struct st_bpf_what *pre, *post;
	char		(*x)[128];	/* what X holds after instruction i */
};

/*
 * Analyses the n instructions of prog, compiled for link type linktype
 * (DLT_*).  Returns 0, or -1 when out of memory or the program is not
 * valid (a jump out of it).
 */
int	st_bpf_init(struct st_bpf *b, const struct bpf_insn *prog, size_t n,
	    int linktype);
void	st_bpf_free(struct st_bpf *b);

/* Each instruction as tcpdump -d prints it, then in words; then the paths
 * that accept. */
void	st_bpf_explain(struct st_out *o, const struct st_bpf *b);

/*
 * Runs the program on a packet of wirelen bytes of which the caplen at p
 * were captured, every read bounds-checked; with o, writes each step, the
 * value loaded, the branch taken and the verdict.  Returns what the program
 * returns (0: rejected), as bpf_filter() does.
 */
uint32_t st_bpf_run(const struct st_bpf *b, struct st_out *o,
	    const uint8_t *p, uint32_t wirelen, uint32_t caplen);

/* Instruction i in words: "load 2 bytes at offset 12: eth.type". */
void	st_bpf_words(struct st_out *o, const struct st_bpf *b, size_t i);

/* The condition jump i tests, as it holds (yes) or not: "eth.type =
 * IPv6 (0x86dd)". */
void	st_bpf_cond(struct st_out *o, const struct st_bpf *b, size_t i,
	    int yes);

/*
 * Where the ja at instruction i goes: libpcap sign-extends its offset (ip6
 * protochain loops back), as bpf_filter() does.
 */
static inline long
st_bpf_ja(size_t i, uint32_t k)
{
	return (long)i + 1 + (int32_t)k;
}

/* Bytes a load instruction reads. */
static inline unsigned
st_bpf_ldsize(unsigned code)
{
	return BPF_SIZE(code) == BPF_W ? 4 : BPF_SIZE(code) == BPF_H ? 2 : 1;
}

/* Writes value v as field w describes it: "IPv6 (0x86dd)", "10.0.0.1". */
void	st_bpf_value(struct st_out *o, const struct st_bpf_what *w,
	    uint32_t v);

#endif /* STRATA_BPF_H */
