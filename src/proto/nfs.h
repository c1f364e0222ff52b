/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * NFS file handles, read by nfs.c and by mount.c (a MNT reply hands one
 * out), as Wireshark reads both with NFS's fields.  Included by those two
 * files only.
 */
#ifndef STRATA_PROTO_NFS_H
#define STRATA_PROTO_NFS_H

#include "rpc.h"

#define NFS3_FHSIZE	64	/* RFC 1813: nfs_fh3's bound */

/*
 * An nfs_fh3 (a length and that many bytes) at the walk's position:
 * nfs.fh.length, nfs.fhandle and nfs.fh.hash (the CRC-32 of its bytes, as
 * Wireshark identifies a handle).  Returns ST_OK, ST_ETRUNC or ST_EINVAL.
 */
int	st_nfs_fh3(struct st_xdr *x);

#endif
