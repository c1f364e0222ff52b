/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The output buffer: what views, and the protocols' summary hooks, write
 * through.  It knows no protocol and no view, so the model floor carries
 * it: a protocol file may write what a hook is handed without depending on
 * the views (src/model/out.c).
 */
#ifndef STRATA_OUT_H
#define STRATA_OUT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define ST_OUT_BUF	(64 * 1024)

struct st_out {
	FILE	*fp;		/* NULL: a buffer only, extra bytes dropped */
	size_t	 n;
	size_t	 done;		/* bytes written out before buf's n */
	int	 err;		/* a write failed: errno */
	int	 esc_lt;	/* write '<' as \u003c (JSON inside HTML) */
	char	 buf[ST_OUT_BUF];
};

void	st_out_init(struct st_out *o, FILE *fp);
/* The slow path of the writers below: flushes, then writes. */
void	st_out_write_slow(struct st_out *o, const char *s, size_t n);
/* Writes what is buffered; returns 0, or -1 with o->err set. */
int	st_out_flush(struct st_out *o);
/* Bytes written so far, flushed or not: widths measured across a flush. */
static inline size_t
st_out_total(const struct st_out *o)
{
	return o->done + o->n;
}
/* Writes n bytes (a fast path inline: most writes just copy). */
static inline void
st_out_write(struct st_out *o, const char *s, size_t n)
{
	if (n <= sizeof(o->buf) - o->n && !o->esc_lt) {
		__builtin_memcpy(o->buf + o->n, s, n);
		o->n += n;
	} else
		st_out_write_slow(o, s, n);
}

static inline void
st_out_puts(struct st_out *o, const char *s)
{
	st_out_write(o, s, __builtin_strlen(s));
}

static inline void
st_out_putc(struct st_out *o, char c)
{
	if (o->n < sizeof(o->buf) && !(o->esc_lt && c == '<'))
		o->buf[o->n++] = c;
	else
		st_out_write_slow(o, &c, 1);
}
void	st_out_u64(struct st_out *o, uint64_t v);
void	st_out_printf(struct st_out *o, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Pads with spaces to width w after a string of n columns. */
void	st_out_pad(struct st_out *o, size_t n, size_t w);
/* Starts a buffer-only output (for text a view embeds elsewhere). */
void	st_out_mem(struct st_out *o);
/* Writes the n bytes at p as JSON string contents (no quotes). */
void	st_out_json_str(struct st_out *o, const char *p, size_t n);

struct st_field;

/*
 * A message's type and code as the summary writes them: the type's name
 * (or "type N"), then the code's name in parentheses, or " code N" when
 * it has no name and is not 0.  c may be NULL.
 */
void	st_out_type_code(struct st_out *o, const struct st_field *t,
	    const struct st_field *c);

#endif /* STRATA_OUT_H */
