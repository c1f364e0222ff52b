/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata send -c N: each send after the first steps the ICMP echo
 * sequence and the TCP or UDP source port, as hping3 does, where the spec
 * left them unset (set ones stay).  The echo descriptor says which layer
 * has a sequence; "seq" and "sport" are the spec's own keys.
 */
#include <string.h>

#include "strata/craft.h"
#include "sendcli.h"

void
st_send_plan_steps(struct st_send_steps *st, struct st_spec *sp)
{
	struct st_spec_layer *ly;
	const struct st_field_desc *fd;
	const char *key;
	size_t i, k;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < sp->nlayers && st->n < 4; i++) {
		ly = &sp->layers[i];
		if (ly->proto == NULL)
			continue;
		key = ly->proto->echo != NULL ? "seq" : "sport";
		for (k = 0, fd = NULL; k < ly->proto->nfields; k++)
			if (ly->proto->fields[k].key != NULL &&
			    strcmp(ly->proto->fields[k].key, key) == 0)
				fd = &ly->proto->fields[k];
		if (fd == NULL || st_spec_get(ly, key) != NULL ||
		    ly->nset == ST_SPEC_SETS)
			continue;
		/* A set entry of its own that steps from the default by one
		 * a packet, as the spec's own "seq=1000+1" would. */
		memset(&ly->set[ly->nset], 0, sizeof(ly->set[0]));
		ly->set[ly->nset].fd = fd;
		ly->set[ly->nset].val = fd->def;
		ly->set[ly->nset].vary = ST_VARY_STEP;
		ly->set[ly->nset].list[0] = fd->def;
		ly->set[ly->nset].list[1] = 1;
		st->s[st->n].ly = ly;
		st->s[st->n].set = ly->nset++;
		st->s[st->n].base = fd->def;
		st->s[st->n].mask = fd->bits >= 64 ? ~0ull :
		    (1ull << fd->bits) - 1;
		st->n++;
	}
}
