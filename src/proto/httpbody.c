/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What an HTTP/1.x body is shown as (RFC 9110 8.3): by its Content-Type,
 * lower-cased and without parameters, the protocol Wireshark's media type
 * table names (data-text-lines for text/plain or text/html, json, png,
 * image-gif, image-jfif, ocsp); a type no Wireshark dissector claims is
 * "media"; a type another dissector claims that strata does not have, and
 * a body without a Content-Type, stay data.  http.c's companion.
 */
#include <string.h>

#include "strata/registry.h"
#include "http.h"

#define CT_MAX		96	/* bytes of a media type looked up */

/* Media types and the protocol (Wireshark's name) tshark 4.0 gives them;
 * "" for a dissector strata lacks (XML, SDP, multipart ...). */
static const char *const types[][2] = {
	{ "text/plain", "data-text-lines" }, { "text/html", "data-text-lines" },
	{ "text/css", "data-text-lines" },
	{ "text/javascript", "data-text-lines" },
	{ "application/x-javascript", "data-text-lines" },
	{ "text/richtext", "data-text-lines" },
	{ "text/enriched", "data-text-lines" },
	{ "text/parameters", "data-text-lines" },
	{ "application/x-ns-proxy-autoconfig", "data-text-lines" },
	{ "text/vnd.sun.j2me.app-descriptor", "data-text-lines" },
	{ "application/vnd.poc.refer-to", "data-text-lines" },
	{ "application/vnd.drm.message", "data-text-lines" },
	{ "application/x-tia-p25-issi", "data-text-lines" },
	{ "application/x-tia-p25-sndcp", "data-text-lines" },
	{ "application/json", "json" }, { "application/json-rpc", "json" },
	{ "application/jsonrequest", "json" },
	{ "application/x-ndjson", "json" },
	{ "application/dds-web+json", "json" },
	{ "application/vnd.oma.lwm2m+json", "json" },
	{ "application/problem+json", "json" },
	{ "application/merge-patch+json", "json" },
	{ "application/json-patch+json", "json" },
	{ "image/png", "png" }, { "image/gif", "image-gif" },
	{ "image/jpeg", "image-jfif" }, { "image/jpg", "image-jfif" },
	{ "image/jfif", "image-jfif" },
	{ "application/ocsp-request", "ocsp" },
	{ "application/ocsp-response", "ocsp" },
	/* claimed by dissectors strata does not have */
	{ "application/octet-stream", "" }, { "video/mp4", "" },
	{ "application/x-amf", "" }, { "application/x-fcs", "" },
	{ "application/pkix-cert", "" }, { "application/pkix-crl", "" },
	{ "application/pkcs7-mime", "" }, { "application/pkcs7-signature", "" },
	{ "application/timestamp-query", "" },
	{ "application/timestamp-reply", "" }, { "application/mikey", "" },
	{ "application/isup", "" }, { "application/qsig", "" },
	{ "application/sdp", "" }, { "application/dns-message", "" },
	{ "application/cbor", "" },
	{ "application/x-www-form-urlencoded", "urlencoded-form" },
	{ "application/rtsp", "" },
};

/* Prefixes and parts of types whose dissectors Wireshark has (or may
 * have) and strata does not: no layer rather than a wrong one. */
static const char *const others[] = { "message/", "multipart/",
	"application/grpc", "application/vnd.3gpp", "application/vnd.oma",
	"application/vnd.wap", "application/vnd.etsi", "application/vnd.ms-",
	"xml", "sip", NULL };

/*
 * Wireshark's heuristics for a body no media type's dissector took (its
 * "http" heuristic list, among those strata has): a PNG signature (and
 * 20 bytes), a GIF header.
 */
static const struct st_proto *
sniff(const uint8_t *b, size_t n)
{
	static const uint8_t png[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
		'\n' };

	if (n >= 20 && memcmp(b, png, 8) == 0)
		return st_proto_find("png");
	if (n >= 20 && (memcmp(b, "GIF87a", 6) == 0 ||
	    memcmp(b, "GIF89a", 6) == 0))
		return st_proto_find("image-gif");
	return NULL;
}

const struct st_proto *
http_body_proto(const uint8_t *p, const struct head *h, const uint8_t *b,
    size_t bn)
{
	const struct st_proto *to;
	char t[CT_MAX];
	const uint8_t *v = p + h->ctype;
	size_t n = h->ctypen, i, k;

	if (h->ctype == 0)		/* no Content-Type: data */
		return sniff(b, bn);
	for (i = 0; i < n && (v[i] == ' ' || v[i] == '\t'); i++)
		;
	for (k = 0; i < n && v[i] != ';' && k + 1 < sizeof(t); i++, k++)
		t[k] = (char)(v[i] >= 'A' && v[i] <= 'Z' ? v[i] | 0x20 : v[i]);
	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
		k--;
	t[k] = '\0';
	for (i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
		if (strcmp(t, types[i][0]) != 0)
			continue;
		if (types[i][1][0] == '\0')
			return NULL;
		to = st_proto_find(types[i][1]);
		/* PNG's and GIF's dissectors refuse what is not theirs: the
		 * heuristics are asked, then media */
		if (to == NULL || (strcmp(types[i][1], "png") != 0 &&
		    strcmp(types[i][1], "image-gif") != 0) || sniff(b, bn) == to)
			return to;
		break;
	}
	if ((to = sniff(b, bn)) != NULL)
		return to;
	for (i = 0; others[i] != NULL; i++)
		if (strstr(t, others[i]) != NULL)
			return NULL;
	return st_proto_find("media");
}
