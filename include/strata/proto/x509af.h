/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The names of X.509's fields that other protocols' tables use too (RPKI
 * to Router's key info): spelt once, in src/proto/x509af.c.
 */
#ifndef STRATA_PROTO_X509AF_H
#define STRATA_PROTO_X509AF_H

extern const char st_x509af_algorithm_id[];
extern const char st_x509af_subject_public_key[];

#endif
