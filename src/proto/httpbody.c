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
 * "" for a dissector strata lacks (SDP, multipart ...). */
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
	/* XML's: those and the vendor types (3GPP, ETSI, OMA ...) below tshark
	 * 4.0 gives its XML dissector */
	{ "text/xml", "xml" },
	{ "application/xml", "xml" },
	{ "application/soap+xml", "xml" },
	{ "application/atom+xml", "xml" },
	{ "application/rss+xml", "xml" },
	{ "image/svg+xml", "xml" },
	{ "application/mathml+xml", "xml" },
	{ "application/xslt+xml", "xml" },
	{ "application/xml-dtd", "xml" },
	{ "application/smil", "xml" },
	{ "application/xcap-el+xml", "xml" },
	{ "application/xcap-att+xml", "xml" },
	{ "application/xcap-error+xml", "xml" },
	{ "application/xcap-caps+xml", "xml" },
	{ "application/xcap-diff+xml", "xml" },
	{ "application/xcap-ns+xml", "xml" },
	{ "application/pidf+xml", "xml" },
	{ "application/pidf-diff+xml", "xml" },
	{ "application/cpim-pidf+xml", "xml" },
	{ "application/rlmi+xml", "xml" },
	{ "application/resource-lists+xml", "xml" },
	{ "application/rls-services+xml", "xml" },
	{ "application/watcherinfo+xml", "xml" },
	{ "application/conference-info+xml", "xml" },
	{ "application/reginfo+xml", "xml" },
	{ "application/simple-filter+xml", "xml" },
	{ "application/auth-policy+xml", "xml" },
	{ "application/ccmp+xml", "xml" },
	{ "application/3gpp-ims+xml", "xml" },
	{ "application/im-iscomposing+xml", "xml" },
	{ "application/poc-settings+xml", "xml" },
	{ "application/x-crd+xml", "xml" },
	{ "application/x-wms-logconnectstats", "xml" },
	{ "application/x-wms-logplaystats", "xml" },
	{ "application/x-wms-sendevent", "xml" },
	{ "application/vnd.3gpp.access-transfer-events+xml", "xml" },
	{ "application/vnd.3gpp.cw+xml", "xml" },
	{ "application/vnd.3gpp.mcdata-info+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-affiliation-command+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-floor-request+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-info+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-location-info+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-mbms-usage-info+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-service-config+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-signed+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-ue-config+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-ue-init-config+xml", "xml" },
	{ "application/vnd.3gpp.mcptt-user-profile+xml", "xml" },
	{ "application/vnd.3gpp.mcvideo-info+xml", "xml" },
	{ "application/vnd.3gpp.mid-call+xml", "xml" },
	{ "application/vnd.3gpp.sms+xml", "xml" },
	{ "application/vnd.3gpp.srvcc-info+xml", "xml" },
	{ "application/vnd.3gpp.state-and-event-info+xml", "xml" },
	{ "application/vnd.3gpp.ussd+xml", "xml" },
	{ "application/vnd.3gpp2.bcmcsinfo+xml", "xml" },
	{ "application/vnd.etsi.aoc+xml", "xml" },
	{ "application/vnd.etsi.cug+xml", "xml" },
	{ "application/vnd.etsi.iptvcommand+xml", "xml" },
	{ "application/vnd.etsi.pstn+xml", "xml" },
	{ "application/vnd.etsi.sci+xml", "xml" },
	{ "application/vnd.etsi.simservs+xml", "xml" },
	{ "application/vnd.oma.bcast.sgdd+xml", "xml" },
	{ "application/vnd.oma.dd2+xml", "xml" },
	{ "application/vnd.oma.pal+xml", "xml" },
	{ "application/vnd.oma.poc.detailed-progress-report+xml", "xml" },
	{ "application/vnd.oma.poc.final-report+xml", "xml" },
	{ "application/vnd.oma.poc.groups+xml", "xml" },
	{ "application/vnd.oma.poc.invocation-descriptor+xml", "xml" },
	{ "application/vnd.oma.poc.optimized-progress-report+xml", "xml" },
	{ "application/vnd.oma.scidm.messages+xml", "xml" },
	{ "application/vnd.oma.suppnot+xml", "xml" },
	{ "application/vnd.oma.xcap-directory+xml", "xml" },
	{ "application/vnd.wv.csp.xml", "xml" },
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
