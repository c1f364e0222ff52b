/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hex view: 16 bytes a row, hex and ASCII.  On a terminal each byte is
 * coloured by the layer that holds it, with a legend; without colour a
 * ruler under each row names the layers:
 *
 * 0000  00 00 00 00 00 00 00 00  00 00 00 00 08 00 45 00  ..............E.
 *       eth------------------------------------------ ipv4-
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"

#define ROW	16
#define MAXCAP	262144	/* libpcap's largest snapshot length */

/* Column of byte i's first hex digit within the hex area. */
static size_t
col(size_t i)
{
	return i * 3 + (i >= 8 ? 1 : 0);
}

static void
ruler(struct st_out *o, const struct st_packet *pkt, const int16_t *map,
    size_t start, size_t n)
{
	char line[ROW * 3 + 2];
	size_t i, j, end, w, len;
	const char *name;

	memset(line, ' ', sizeof(line));
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && map[start + j] == map[start + i]; j++)
			;
		end = col(j - 1) + 2;
		w = end - col(i);
		name = map[start + i] < 0 ? "?" :
		    pkt->layers[map[start + i]].proto->name;
		len = strlen(name);
		if (len > w)
			len = w;
		memset(line + col(i), '-', w);
		memcpy(line + col(i), name, len);
	}
	w = col(n - 1) + 2;
	st_out_puts(o, "      ");
	st_out_write(o, line, w);
	st_out_putc(o, '\n');
}

static void
legend(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	unsigned i, j;

	st_out_puts(o, "      layers:");
	for (i = 0; i < pkt->nlayers; i++) {
		for (j = 0; j < i; j++)
			if (pkt->layers[j].proto == pkt->layers[i].proto)
				break;
		if (j < i)
			continue;
		st_out_printf(o, " %s%s%s", st_pcolor(v,
		    pkt->layers[i].proto), pkt->layers[i].proto->name,
		    st_color_off(v));
	}
	st_out_putc(o, '\n');
}

static void
hex_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	static const char hexdig[] = "0123456789abcdef";
	static int16_t map[MAXCAP];
	size_t n = pkt->caplen < MAXCAP ? pkt->caplen : MAXCAP, r, i;
	int16_t cur;

	st_byte_layers(pkt, map, n);
	st_out_printf(o, "Frame %llu: %u bytes\n", (unsigned long long)pkt->num,
	    pkt->caplen);
	if (v->color)
		legend(o, pkt, v);
	for (r = 0; r < n; r += ROW) {
		size_t m = n - r < ROW ? n - r : ROW;

		st_out_printf(o, "%04zx  ", r);
		cur = -2;
		for (i = 0; i < ROW; i++) {
			if (i == 8)
				st_out_putc(o, ' ');
			if (i >= m) {
				st_out_puts(o, "   ");
				continue;
			}
			if (v->color && map[r + i] != cur) {
				cur = map[r + i];
				st_out_puts(o, cur < 0 ? st_color_off(v) :
				    st_pcolor(v, pkt->layers[cur].proto));
			}
			st_out_putc(o, hexdig[pkt->data[r + i] >> 4]);
			st_out_putc(o, hexdig[pkt->data[r + i] & 15]);
			st_out_putc(o, ' ');
		}
		st_out_puts(o, st_color_off(v));
		st_out_putc(o, ' ');
		for (i = 0; i < m; i++) {
			uint8_t ch = pkt->data[r + i];

			st_out_putc(o, ch >= 0x20 && ch < 0x7f ? (char)ch : '.');
		}
		st_out_putc(o, '\n');
		if (!v->color)
			ruler(o, pkt, map, r, m);
	}
	st_out_putc(o, '\n');
}

const struct st_view st_view_hex = {
	"hex", "hex and ASCII, bytes coloured (or ruled) by layer",
	hex_packet
};
