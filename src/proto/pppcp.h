/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The control-protocol engine of pppcp.c (LCP's packet format: code,
 * identifier, length, then options or a body), shared with the control
 * protocols of pppcp2.c, pppbap.c and pppncp.c; private to those files.
 */
#ifndef STRATA_PROTO_PPPCP_H
#define STRATA_PROTO_PPPCP_H

#include "fields.h"

/* LCP's codes (RFC 1661 5, RFC 1570), which most control protocols use. */
extern const struct st_valname cp_code_names[];

/* The rows every control protocol's table starts with. */
enum { H_CODE, H_ID, H_LEN, H_DATA, H_N };
/* PPP's control protocols share Wireshark's ppp.* names for the header
 * and the data of a code without fields: spelt once, in pppcp.c. */
extern const char cp_ppp_code[], cp_ppp_id[], cp_ppp_len[], cp_ppp_data[];
#define CP_PPP_HEAD(codes) \
	FDN("code", cp_ppp_code, "Code", 0, 8, ST_FMT_DEC, codes), \
	FD("id", cp_ppp_id, "Identifier", 8, 8, ST_FMT_DEC), \
	FD("len", cp_ppp_len, "Length", 16, 16, ST_FMT_DEC), \
	FD(NULL, cp_ppp_data, "Data", 0, 0, ST_FMT_BYTES)

#define CP_HEAD(pfx, codes) \
	FDN("code", pfx ".code", "Code", 0, 8, ST_FMT_DEC, codes), \
	FD("id", pfx ".identifier", "Identifier", 8, 8, ST_FMT_DEC), \
	FD("len", pfx ".length", "Length", 16, 16, ST_FMT_DEC)

/* An option's value: its type, the row showing it (0 bits: bytes), and
 * the row of the whole option as Wireshark names it (0: none). */
struct cp_opt {
	uint8_t		 type;
	uint8_t		 row;
	uint8_t		 node;
};

/* The whole option, a node Wireshark names by option type (each option
 * is a protocol of its own there): its bytes. */
#define CP_NODE(n, l) \
	{ .name = (n), .label = (l), .fmt = ST_FMT_BYTES, \
	  .flags = ST_DF_COLONS }

/* What one control protocol's decoder needs of its tables. */
struct cp_spec {
	const struct st_field_desc *f;		/* CP_HEAD, data, then ... */
	const struct st_field_desc *o;		/* type, length, data, values */
	const struct cp_opt *opts;
	size_t		 nopts;
	/* Optional: decodes a whole option itself (type, length and all,
	 * len bytes at o, its length checked against the packet) instead
	 * of the table opts. */
	void		(*opt)(struct st_dctx *d, struct st_cur *o,
			    const struct cp_spec *sp, unsigned type, size_t len);
};

enum { O_TYPE, O_LEN, O_DATA };

void	cp_options(struct st_dctx *d, struct st_cur *c,
	    const struct cp_spec *sp, size_t n);
int	cp_head(struct st_dctx *d, struct st_cur *c,
	    const struct st_field_desc *f, size_t *n);
int	cp_decode(struct st_dctx *d, struct st_cur *c,
	    const struct cp_spec *sp, int lcp);
void	cp_summary(struct st_sumctx *s, const struct st_layer *ly,
	    const char *what, const struct st_field_desc *f);
void	cp_fact(struct st_sumctx *s, const struct st_layer *ly,
	    const struct st_field_desc *fd, const char *label);

/*
 * The option engine of pppcp2.c for control protocols whose options
 * Wireshark dissects one by one (CCP, BACP, BAP, OSINLCP, CBCP): a
 * cp_spec's opt hook.  An option of a type the table lacks, or of a
 * length its entry does not take, is shown as bytes (row O_DATA).
 */
struct cpx_opt {
	uint8_t		 type;
	uint8_t		 node;		/* row of the whole option */
	uint8_t		 min, max;	/* lengths taken (max 0: any above) */
	uint8_t		 row, nrows;	/* its fixed fields, bit offsets from
					   the option's type byte */
	/* the rest of the option (len bytes at o), or NULL */
	void		(*fn)(struct st_dctx *d, struct st_cur *o, size_t len);
};

struct cpx_spec {
	struct cp_spec	 cp;		/* first: the hook is handed it */
	const struct cpx_opt *x;
	size_t		 nx;
	const char	*what;		/* "CCP", in notes */
};

void	cpx_option(struct st_dctx *d, struct st_cur *o,
	    const struct cp_spec *sp, unsigned type, size_t len);
void	cpx_sum_opts(struct st_sumctx *s, const struct st_layer *ly,
	    const struct st_field_desc *fd);
void	cpx_text(struct st_dctx *d, struct st_cur *o,
	    const struct st_field_desc *fd, size_t off, size_t n);
void	cpx_rest(struct st_dctx *d, struct st_cur *o,
	    const struct st_field_desc *fd, size_t off, size_t len);

#define CP_EXPLAIN \
	"Configure-Request lists the options one end wants, each as type, " \
	"length and value; the peer answers Ack (all of them), Nak (other " \
	"values) or Reject (not these). The identifier matches answers to " \
	"requests."

#endif /* STRATA_PROTO_PPPCP_H */
