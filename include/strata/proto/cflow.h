/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NetFlow v9 and IPFIX templates, which a capture's earlier packets teach
 * (src/proto/cflowset.c): the decode loop forgets them for a new capture.
 */
#ifndef STRATA_PROTO_CFLOW_H
#define STRATA_PROTO_CFLOW_H

/* Empties the table of templates (a new capture). */
void	st_cflow_forget(void);

#endif /* STRATA_PROTO_CFLOW_H */
