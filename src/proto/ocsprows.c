/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * OCSP's field table and value names (ocsp.c's companion): one row per
 * field of tshark's ocsp tree that is not a certificate's or a name's.
 */
#include "ocsp.h"

static const struct st_valname status_names[] = {
	{ 0, "successful" }, { 1, "malformedRequest" }, { 2, "internalError" },
	{ 3, "tryLater" }, { 5, "sigRequired" }, { 6, "unauthorized" },
	{ 0, NULL }
};

static const struct st_valname cstatus_names[] = {
	{ 0, "good" }, { 1, "revoked" }, { 2, "unknown" }, { 0, NULL }
};

static const struct st_valname respid_names[] = {
	{ 1, "byName" }, { 2, "byKey" }, { 0, NULL }
};

/* RFC 5280 5.3.1's CRLReason. */
static const struct st_valname reason_names[] = {
	{ 0, "unspecified" }, { 1, "keyCompromise" }, { 2, "cACompromise" },
	{ 3, "affiliationChanged" }, { 4, "superseded" },
	{ 5, "cessationOfOperation" }, { 6, "certificateHold" },
	{ 8, "removeFromCRL" }, { 9, "privilegeWithdrawn" },
	{ 10, "aACompromise" }, { 0, NULL }
};

const struct st_field_desc ocsp_fields[] = {
	[O_TBSREQ] = FD(NULL, "ocsp.tbsRequest_element", "tbsRequest", 0, 0,
	    ST_FMT_BYTES),
	[O_VERSION] = FD(NULL, "ocsp.version", "Version", 0, 0, ST_FMT_DEC),
	[O_REQNAME] = FD(NULL, "ocsp.requestorName", "Requestor name "
	    "(GeneralName choice)", 0, 0, ST_FMT_DEC),
	[O_REQLIST] = FD(NULL, "ocsp.requestList", "Requests", 0, 0,
	    ST_FMT_DEC),
	[O_REQ] = FD(NULL, "ocsp.Request_element", "Request", 0, 0,
	    ST_FMT_BYTES),
	[O_REQCERT] = FD(NULL, "ocsp.reqCert_element", "Certificate asked "
	    "about", 0, 0, ST_FMT_BYTES),
	[O_HASHALG] = FD(NULL, "ocsp.hashAlgorithm_element", "Hash "
	    "algorithm", 0, 0, ST_FMT_BYTES),
	[O_NAMEHASH] = FD(NULL, "ocsp.issuerNameHash", "Issuer name hash", 0,
	    0, ST_FMT_BYTES),
	[O_KEYHASH] = FD(NULL, "ocsp.issuerKeyHash", "Issuer key hash", 0, 0,
	    ST_FMT_BYTES),
	[O_SERIAL] = FD(NULL, "ocsp.serialNumber", "Serial number", 0, 0,
	    ST_FMT_BYTES),
	[O_SREQEXTS] = FD(NULL, "ocsp.singleRequestExtensions", "Request "
	    "extensions", 0, 0, ST_FMT_DEC),
	[O_REQEXTS] = FD(NULL, "ocsp.requestExtensions", "Extensions", 0, 0,
	    ST_FMT_DEC),
	[O_OPTSIG] = FD(NULL, "ocsp.optionalSignature_element", "Signature",
	    0, 0, ST_FMT_BYTES),
	[O_SIGALG] = FD(NULL, "ocsp.signatureAlgorithm_element", "Signature "
	    "algorithm", 0, 0, ST_FMT_BYTES),
	[O_SIG] = FD(NULL, "ocsp.signature", "Signature", 0, 0, ST_FMT_BYTES),
	[O_CERTS] = FD(NULL, "ocsp.certs", "Certificates", 0, 0, ST_FMT_DEC),
	[O_CERT] = FD(NULL, "ocsp.Certificate_element", "Certificate", 0, 0,
	    ST_FMT_BYTES),
	[O_STATUS] = FDN(NULL, "ocsp.responseStatus", "Response status", 0, 0,
	    ST_FMT_DEC, status_names),
	[O_RBYTES] = FD(NULL, "ocsp.responseBytes_element", "Response bytes",
	    0, 0, ST_FMT_BYTES),
	[O_RTYPE] = FD(NULL, "ocsp.responseType.id", "Response type", 0, 0,
	    ST_FMT_TEXT),
	[O_RESPONSE] = FD(NULL, "ocsp.response", "Response", 0, 0,
	    ST_FMT_BYTES),
	[O_BASIC] = FD(NULL, "ocsp.BasicOCSPResponse_element", "Basic OCSP "
	    "response", 0, 0, ST_FMT_BYTES),
	[O_TBSRESP] = FD(NULL, "ocsp.tbsResponseData_element", "Response "
	    "data", 0, 0, ST_FMT_BYTES),
	[O_RESPID] = FDN(NULL, "ocsp.responderID", "Responder ID", 0, 0,
	    ST_FMT_DEC, respid_names),
	[O_BYNAME] = FD(NULL, "ocsp.byName", "By name (Name choice)", 0, 0,
	    ST_FMT_DEC),
	[O_BYKEY] = FD(NULL, "ocsp.byKey", "By key (SHA-1 of its key)", 0, 0,
	    ST_FMT_BYTES),
	[O_PRODUCED] = FD(NULL, "ocsp.producedAt", "Produced at", 0, 0,
	    ST_FMT_TEXT),
	[O_RESPONSES] = FD(NULL, "ocsp.responses", "Responses", 0, 0,
	    ST_FMT_DEC),
	[O_SINGLE] = FD(NULL, "ocsp.SingleResponse_element", "Response", 0, 0,
	    ST_FMT_BYTES),
	[O_CERTID] = FD(NULL, "ocsp.certID_element", "Certificate", 0, 0,
	    ST_FMT_BYTES),
	[O_CSTATUS] = FDN(NULL, "ocsp.certStatus", "Certificate status", 0, 0,
	    ST_FMT_DEC, cstatus_names),
	[O_GOOD] = FD(NULL, "ocsp.good_element", "Good", 0, 0, ST_FMT_BYTES),
	[O_REVOKED] = FD(NULL, "ocsp.revoked_element", "Revoked", 0, 0,
	    ST_FMT_BYTES),
	[O_UNKNOWN] = FD(NULL, "ocsp.unknown_element", "Unknown", 0, 0,
	    ST_FMT_BYTES),
	[O_REVTIME] = FD(NULL, "ocsp.revocationTime", "Revocation time", 0, 0,
	    ST_FMT_TEXT),
	[O_REASON] = FDN(NULL, "ocsp.revocationReason", "Revocation reason",
	    0, 0, ST_FMT_DEC, reason_names),
	[O_THIS] = FD(NULL, "ocsp.thisUpdate", "This update", 0, 0,
	    ST_FMT_TEXT),
	[O_NEXT] = FD(NULL, "ocsp.nextUpdate", "Next update", 0, 0,
	    ST_FMT_TEXT),
	[O_SEXTS] = FD(NULL, "ocsp.singleExtensions", "Response extensions",
	    0, 0, ST_FMT_DEC),
	[O_RESPEXTS] = FD(NULL, "ocsp.responseExtensions", "Extensions", 0, 0,
	    ST_FMT_DEC),
	[O_NONCE] = FD(NULL, "ocsp.ReOcspNonce", "Nonce", 0, 0, ST_FMT_BYTES),
	[O_EXT] = FD(NULL, "pkix1explicit.Extension_element", "Extension", 0,
	    0, ST_FMT_BYTES),
	[O_EXTID] = FD(NULL, "pkix1explicit.id", "Extension", 0, 0,
	    ST_FMT_TEXT),
	[O_CRITICAL] = FD(NULL, "pkix1explicit.critical", "Critical", 0, 0,
	    ST_FMT_BOOL),
	[O_EXTVAL] = FD(NULL, "pkix1explicit.extnValue", "Value", 0, 0,
	    ST_FMT_BYTES),
};
