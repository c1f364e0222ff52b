/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Modbus/TCP's two layers, shared by mbtcp.c (the MBAP header) and
 * modbus.c (the PDU): the header's rows, which the PDU's decoder reads
 * for its length and transaction, and the PDU's facts, which the header's
 * summary speaks for.  Included by those two files only.
 */
#ifndef STRATA_PROTO_MODBUS_H
#define STRATA_PROTO_MODBUS_H

#include "fields.h"

extern const struct st_proto st_proto_mbtcp, st_proto_modbus;

#define MB_PORT		502
#define MB_MAXLEN	254	/* unit ID and the largest PDU (253) */

enum { M_TRANS, M_PROT, M_LEN, M_UNIT, M_NMBTCP };

extern const struct st_field_desc st_mbtcp_fields[M_NMBTCP];

/* " Read Holding Registers ref 107 count 3", " exception ...": the
 * facts of modbus layer ly for a summary line. */
void	modbus_facts(struct st_sumctx *s, const struct st_layer *ly);

#endif /* STRATA_PROTO_MODBUS_H */
