/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The crafter: a one-line layer spec, parsed into layers and field values,
 * and built into packet bytes with the protocols' own field tables (the
 * ones the decoders use).  The built bytes decode back into the same model
 * every view reads.
 *
 *   ip(dst=127.0.0.1,ttl=3)/icmp(type=echo-request,id=7,seq=1)/"hi"
 */
#ifndef STRATA_CRAFT_H
#define STRATA_CRAFT_H

#include <stddef.h>
#include <stdint.h>

#include "strata/decode.h"

#define ST_SPEC_LAYERS	16		/* layers in one spec */
#define ST_SPEC_SETS	32		/* fields given in one layer */
#define ST_PKT_MAX	65535		/* bytes in one built packet */
#define ST_SPEC_LIST	16		/* values in one list: dport=22,80 */

/* How a field's value changes from one packet of a spec to the next. */
enum st_vary {
	ST_VARY_NONE,
	ST_VARY_LIST,			/* list[0..n): 22,80,443 */
	ST_VARY_RANGE,			/* list[0]..list[1]: 1-30 */
	ST_VARY_STEP,			/* list[0] + i * list[1]: 1000+10 */
	ST_VARY_RAND			/* random in 0..list[1]: rand */
};

/* One field value the spec gives. */
struct st_spec_set {
	const struct st_field_desc *fd;
	uint64_t	 val;		/* integers, IPv4 addresses; for the
					   packets of a spec, this packet's */
	uint8_t		 bytes[16];	/* IPv6 and MAC addresses */
	unsigned	 col;		/* where the value starts, from 1 */
	uint8_t		 vary;		/* enum st_vary */
	uint8_t		 n;		/* values in list (ST_VARY_LIST) */
	uint64_t	 list[ST_SPEC_LIST];
};

/*
 * A fragment(size=,order=,overlap=) step: the built packet cut into
 * fragments (st_fragment).  size 0: no step.
 */
struct st_spec_frag {
	size_t		 size;		/* payload bytes a fragment, rounded
					   down to 8 */
	int		 order;		/* enum st_frag_order */
	size_t		 overlap;	/* bytes each fragment repeats of the
					   one before (a multiple of 8) */
	unsigned	 col;
};

struct st_spec_layer {
	const struct st_proto *proto;	/* NULL: the payload */
	unsigned	 col;		/* where the layer starts, from 1 */
	struct st_spec_set set[ST_SPEC_SETS];
	unsigned	 nset;
	uint8_t		 opts[ST_SPEC_OPTMAX]; /* options, unpadded */
	size_t		 optlen;
	int		 has_opts;
};

struct st_spec {
	struct st_spec_layer layers[ST_SPEC_LAYERS];
	unsigned	 nlayers;
	uint8_t		 payload[ST_PKT_MAX];
	size_t		 paylen;
	const char	*payfile;	/* @file, read by st_spec_load */
	unsigned	 paycol;
	size_t		 payrand;	/* rand:N: N random bytes a packet */
	struct st_spec_frag frag;	/* a fragment(...) step, if any */
};

/* ST_SPEC_OPTS, ST_SPEC_OPTMAX and struct st_spec_err are in strata/proto.h, for the
 * protocols' crafting hooks (struct st_craft). */

/*
 * Parses text into sp.  Returns 0, or -1 with err set.  An @file payload
 * is only named here: st_spec_load reads it (after privileges are dropped).
 */
int	st_spec_parse(const char *text, struct st_spec *sp,
	    struct st_spec_err *err);

/*
 * For st_spec_parse: the payload at *pp (a '"', "hex:" or '@'), start being
 * the spec's first character (for columns); moves *pp past it.  Returns 0,
 * or -1 with err set.
 */
int	st_spec_payload(const char **pp, const char *start, struct st_spec *sp,
	    struct st_spec_err *err);

/*
 * The packets one spec stands for: the product of the sizes of its lists
 * and ranges (steps and rand vary per packet without adding any); 1 when
 * nothing varies.  Saturates at UINT64_MAX.
 */
uint64_t st_spec_count(const struct st_spec *sp);

/*
 * Sets every varying value of sp to the one of packet i (from 0): lists
 * and ranges are read as an odometer, the first varying field in the spec
 * the slowest and the last the fastest (scapy's order), wrapping after
 * st_spec_count packets; a step adds i steps; rand and rand:N draw from
 * *rng (any non-zero seed).
 */
void	st_spec_pick(struct st_spec *sp, uint64_t i, uint64_t *rng);

/*
 * Makes the packets of sp for a sender: for each i below count (0: as
 * many as st_spec_count says), picks its values (seed: rand's, any), builds
 * it, cuts it when the spec has a fragment step, and hands each frame to
 * emit with its link type; emit returns 0 to go on.  Returns 0, or -1 with
 * err set (an error building, or emit stopping).
 */
int	st_spec_each(struct st_spec *sp, uint64_t count, uint64_t seed,
	    int (*emit)(void *arg, uint64_t i, const uint8_t *p, size_t n,
	    int lt), void *arg, struct st_spec_err *err);

/* Reads an @file payload, if any.  Returns 0, or -1 with err set. */
int	st_spec_load(struct st_spec *sp, struct st_spec_err *err);

/* The value the spec gives for field key of layer ly, or NULL. */
const struct st_spec_set *st_spec_get(const struct st_spec_layer *ly,
	    const char *key);

/* The value the spec gives for field fd of layer ly, or NULL. */
const struct st_spec_set *st_spec_given(const struct st_spec_layer *ly,
	    const struct st_field_desc *fd);

/*
 * Builds sp into buf (cap bytes): defaults for what the spec leaves out,
 * then lengths, next-protocol numbers and checksums computed innermost
 * first unless the spec gives them.  Sets *len and *linktype (the first
 * layer's link type: DLT_EN10MB, DLT_RAW).  Returns 0, or -1 with err set.
 */
int	st_build(const struct st_spec *sp, uint8_t *buf, size_t cap,
	    size_t *len, int *linktype, struct st_spec_err *err);

/*
 * Adds src=ADDR to every network layer (IPv4, IPv6) of sp that gives no
 * source, with find() choosing the address for the layer's destination
 * (the one the kernel would use).  Returns 0, or -1 with err set.
 */
int	st_spec_fill_src(struct st_spec *sp, int (*find)(int fam,
	    const uint8_t *dst, uint8_t *src), struct st_spec_err *err);

/* Where layer i of sp starts in the bytes st_build makes of it. */
size_t	st_build_offset(const struct st_spec *sp, unsigned i);

/*
 * Cuts the len bytes st_build made of sp into fragments as its fragment
 * step says (sp->frag; size 0 is not allowed here): the outermost layer
 * whose st_craft can fragment (IPv4, IPv6) keeps its unfragmentable part
 * in each, and its payload is cut every sp->frag.size bytes; id is the
 * IPv6 fragment identification (IPv4 keeps its own).  emit gets each
 * fragment in the chosen order and returns 0 to go on.  Returns 0, or -1
 * with err set.
 */
int	st_fragment(const struct st_spec *sp, const uint8_t *buf, size_t len,
	    uint32_t id, int (*emit)(void *arg, const uint8_t *p, size_t n),
	    void *arg, struct st_spec_err *err);

/* Writes nbits (1..64) of val at bit position pos of buf, MSB first. */
void	st_bits_put(uint8_t *buf, size_t pos, unsigned nbits, uint64_t val);

/* The spec's layer names and their protocols. */
struct st_spec_proto {
	const char		*name;
	const struct st_proto	*proto;
	const char		*extra;	/* keys beyond the field table */
};

/*
 * Every protocol a spec can build, in the registry's order, with its spec
 * name (struct st_craft), NULL-terminated; made on the first call.
 */
const struct st_spec_proto *st_spec_list(void);

/* The old name of the list, for the callers still using it. */
#define st_spec_protos	(st_spec_list())

#endif /* STRATA_CRAFT_H */
