/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Views: each turns a decoded packet (the model) into text.  Views only
 * read the model; they never decode.  Output goes through a large buffer
 * (struct st_out) so that a view costs no system call per packet.
 */
#ifndef STRATA_VIEW_H
#define STRATA_VIEW_H

#include <stdint.h>
#include <stdio.h>

#include "strata/model.h"
#include "strata/out.h"

#define ST_VSTATES	4	/* views keeping state in one context */

struct st_view;
struct st_flows;

/* What every view may consult besides the packet. */
struct st_vctx {
	int		 color;		/* ANSI colours on */
	int		 again;		/* this packet was shown before */
	int		 local;		/* local time instead of UTC */
	long		 utcoff;	/* seconds east of UTC, with local */
	const char	*title;		/* what is shown: a file name */
	const char	*file;		/* the packet's file, when several */
	int		 abs_seq;	/* -S: absolute TCP sequence numbers */
	int		 verbose;	/* -v: the network layer's facts as
					   tcpdump -v gives them */
	/* The conversations (relative TCP numbers): shared by the views
	 * and freed once, by st_vctx_free. */
	struct st_flows	*flows;
	/* Each view's own state across packets, freed by its free hook. */
	struct st_vstate {
		const struct st_view *view;
		void	*state;
	} vstate[ST_VSTATES];
	struct timespec	 t0;		/* first packet's time */
	int		 have_t0;
	/* Cache of the formatted date of one second (time views). */
	time_t		 cache_sec;
	char		 cache_date[40];
};


struct st_view {
	const char	*name;
	const char	*help;
	void		(*packet)(struct st_out *o, const struct st_packet *pkt,
			    struct st_vctx *v);
	/* Optional: before the first packet and after the last. */
	void		(*begin)(struct st_out *o, struct st_vctx *v);
	void		(*end)(struct st_out *o, struct st_vctx *v);
	int		 needs_file;	/* only to a file (-o), not a terminal */
	int		 lite;		/* reads no ST_DF_DETAIL field */
	int		 machine;	/* for programs: no header lines mixed in */
	/* Optional: frees the state the view keeps in a context
	 * (st_vctx_state). */
	void		(*free)(void *state);
	/* Its end tallies what its packet hook saw (stats, changes, html):
	 * a packet shown again (replay --step going back) is not given to
	 * it twice.  The summary's end reads the protocols' own counts. */
	int		 tallies;
};

/*
 * The slot of view's own state in v (NULL in it until the view sets it;
 * st_vctx_free then calls view->free on it).  NULL when v holds
 * ST_VSTATES states of other views already.
 */
void	**st_vctx_state(struct st_vctx *v, const struct st_view *view);

/* Frees what views kept in v across packets (their states, through their
 * free hooks, and the conversations). */
void	st_vctx_free(struct st_vctx *v);

extern const struct st_view st_view_summary, st_view_tree, st_view_hex,
    st_view_json, st_view_diagram, st_view_bits, st_view_html,
    st_view_ledger, st_view_checksum, st_view_quote, st_view_ek, st_view_stats,
    st_view_changes;

/* The RFC 1071 walk-through of checksum field f of layer ly (checksum view). */
void	st_checksum_walk(struct st_out *o, const struct st_packet *pkt,
	    const struct st_layer *ly, const struct st_field *f);

/*
 * The packet an ICMP error in got quotes (its layers of depth 1) against
 * the packet sent, field by field: what changed on the way, and why.
 */
void	st_quote_diff(struct st_out *o, const struct st_packet *sent,
	    const struct st_packet *got);

/* The layers of pkt as the JSON view writes them: "[{...},...]". */
void	st_json_layers(struct st_out *o, const struct st_packet *pkt);
/* Every view, NULL-terminated. */
extern const struct st_view *const st_views[];
const struct st_view *st_view_find(const char *name);

/* Formatting shared by the views (src/view/fmt.c).  Buffers: 64 bytes. */
#define ST_FMT_BUF	64
char	*st_fmt_ipv4(char *buf, const uint8_t *p);
char	*st_fmt_ipv6(char *buf, const uint8_t *p);
char	*st_fmt_mac(char *buf, const uint8_t *p);
/*
 * Writes field f's value as text: numbers in decimal or 0x hex, addresses
 * in their usual form, bytes as hex (at most max bytes, then "...").
 */
void	st_fmt_value(struct st_out *o, const struct st_packet *pkt,
	    const struct st_field *f, size_t max);
/* Writes field f's value in decimal, with a sign when its row says it is
 * signed (ST_DF_SIGNED: the value is a 64-bit two's complement). */
void	st_fmt_dec(struct st_out *o, const struct st_field *f);
/*
 * Writes ts as ISO 8601 ("2023-11-14T22:13:20.000008Z"), with sep between
 * date and time, in UTC or the context's local offset.
 */
void	st_fmt_time(struct st_out *o, struct st_vctx *v,
	    const struct timespec *ts, char sep);
/* The 256-colour escape shown for a descriptor's ANSI colour sgr
 * ("\033[33m"; NULL: red), readable on light and dark backgrounds. */
const char *st_palette(const char *sgr);
/* ANSI colour escape for protocol p (empty string without colour). */
const char *st_pcolor(const struct st_vctx *v, const struct st_proto *p);
/* The same for the protocol named proto (its descriptor looked up). */
const char *st_color(const struct st_vctx *v, const char *proto);
const char *st_color_off(const struct st_vctx *v);
/* The layer each byte belongs to, for the hex views: map[i], or -1. */
void	st_byte_layers(const struct st_packet *pkt, int16_t *map, size_t n);

/*
 * One field as the header diagrams draw it: bits from the header's start,
 * width, a short label and the value (empty for a blank diagram).
 */
struct st_box {
	uint32_t	 bitoff;
	uint32_t	 bits;
	const char	*label;
	char		 value[48];
	/* What the value means, or "": "×4 = 20" (a field in units),
	 * "echo request" (a named value); drawn beside the value when the
	 * box has room, else under the drawing. */
	char		 note[48];
	const struct st_field_desc *desc;
};

/*
 * Draws a header of nbits as the RFCs do, 32 bits a row under a 0..31
 * ruler, each box holding its label and value; boxes too narrow for their
 * text get a letter, explained under the drawing.  Boxes must not overlap
 * and come sorted by bitoff.  indent: spaces before every line.
 */
void	st_bits_draw(struct st_out *o, const struct st_box *b, size_t n,
	    uint32_t nbits, unsigned indent, const char *color,
	    const char *off);

/*
 * The fields of a header worth a box: leaves only (a field that holds
 * smaller ones, such as ip.flags, gives way to them), first come first
 * placed; each field that overlaps a placed one goes to alt (may be NULL)
 * instead.  Returns how many boxes were placed.
 */
size_t	st_boxes_pick(struct st_box *in, size_t n, struct st_box *out,
	    struct st_box *alt, size_t *nalt);

/*
 * For a misspelt protocol name ("tpc"): the protocol with an RFC whose
 * name, strata's or Wireshark's, is nearest (one edit for names of up to
 * four letters, two for longer; a swap of neighbours is one), or NULL.
 */
const struct st_proto *st_proto_nearest(const char *name);

/* The short label of a field: the last part of its Wireshark name. */
const char *st_short_name(const char *name);

#endif /* STRATA_VIEW_H */
