/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Names and references the views take from the descriptors.
 *
 * Run with no arguments (make unit): the descriptor data the views read
 * points into each protocol's own tables (the diagram's key fields, the
 * quiz's handles), and the key fields are those the diagram showed when
 * it kept a table of names.
 *
 * Run with names (tests/fieldnames.sh): each that looks like a field of a
 * protocol strata knows (its part before the first dot is the start of
 * some field's name) must be a field st_desc_find() resolves; others (a
 * sysctl, a JavaScript property) are not field names and are skipped.
 * Prints "ok", "skip" or "FAIL" and the name, one a line; exits 1 on any
 * failure.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strata/registry.h"
#include "strata/proto/icmp.h"
#include "strata/proto/ipv4.h"
#include "strata/proto/tcp.h"

/* Whether some field of some protocol is named "prefix.…". */
static int
known_prefix(const char *name)
{
	const struct st_proto *p;
	size_t k, i, n;
	const char *dot = strchr(name, '.');

	if (dot == NULL)
		return 0;
	n = (size_t)(dot - name) + 1;
	for (k = 0; (p = st_protos[k]) != NULL; k++) {
		for (i = 0; i < p->nfields; i++)
			if (strncmp(p->fields[i].name, name, n) == 0)
				return 1;
		for (i = 0; i < p->nmore; i++)
			if (strncmp(p->more[i].name, name, n) == 0)
				return 1;
	}
	return 0;
}

static int
check_names(int argc, char **argv)
{
	int i, bad = 0;

	for (i = 1; i < argc; i++) {
		if (st_desc_find(argv[i]) != NULL)
			printf("ok %s\n", argv[i]);
		else if (!known_prefix(argv[i]))
			printf("skip %s\n", argv[i]);
		else {
			printf("FAIL %s\n", argv[i]);
			bad = 1;
		}
	}
	return bad;
}

/* The diagram's table of key fields before they moved to the protocols. */
static const struct {
	const char	*proto;
	const char	*fields[8];
} old_keys[] = {
	{ "eth", { "eth.src", "eth.dst", "eth.type", "eth.len" } },
	{ "vlan", { "vlan.id", "vlan.priority", "vlan.etype" } },
	{ "qinq", { "ieee8021ad.id", "ieee8021ah.etype" } },
	{ "sll", { "sll.pkttype", "sll.etype" } },
	{ "sll2", { "sll.ifindex", "sll.pkttype", "sll.etype" } },
	{ "null", { "null.family" } },
	{ "arp", { "arp.opcode", "arp.src.proto_ipv4", "arp.dst.proto_ipv4" } },
	{ "ipv4", { "ip.src", "ip.dst", "ip.ttl", "ip.proto", "ip.len",
	    "ip.flags.df", "ip.flags.mf", "ip.frag_offset" } },
	{ "ipv6", { "ipv6.src", "ipv6.dst", "ipv6.hlim", "ipv6.nxt",
	    "ipv6.plen" } },
	{ "hopopts", { "ipv6.hopopts.nxt" } },
	{ "dstopts", { "ipv6.dstopts.nxt" } },
	{ "routing", { "ipv6.routing.type", "ipv6.routing.segleft" } },
	{ "frag6", { "ipv6.fraghdr.offset", "ipv6.fraghdr.more",
	    "ipv6.fraghdr.ident" } },
	{ "icmp", { "icmp.type", "icmp.code", "icmp.ident", "icmp.seq" } },
	{ "icmpv6", { "icmpv6.type", "icmpv6.code", "icmpv6.echo.identifier",
	    "icmpv6.echo.sequence_number" } },
	{ "tcp", { "tcp.srcport", "tcp.dstport", "tcp.flags", "tcp.seq_raw",
	    "tcp.ack_raw", "tcp.window_size_value" } },
	{ "udp", { "udp.srcport", "udp.dstport", "udp.length" } },
	{ "dns", { "dns.id", "dns.flags.response", "dns.qry.name",
	    "dns.qry.type", "dns.count.answers", "dns.a", "dns.aaaa" } },
	{ "http", { "http.request.method", "http.request.uri",
	    "http.response.code", "http.response.phrase", "http.host",
	    "http.content_length" } },
	{ "tls", { "tls.record.content_type", "tls.record.version",
	    "tls.handshake.type", "tls.handshake.extensions_server_name",
	    "tls.handshake.extensions_alpn_str",
	    "tls.handshake.ciphersuite" } },
	{ "http2", { "http2.type", "http2.streamid", "http2.length" } },
	{ "websocket", { "websocket.opcode", "websocket.fin", "websocket.mask",
	    "websocket.payload_length" } },
};

static const char *
old_key(const char *proto, size_t i)
{
	size_t k;

	for (k = 0; k < sizeof(old_keys) / sizeof(old_keys[0]); k++)
		if (strcmp(old_keys[k].proto, proto) == 0)
			return i < 8 ? old_keys[k].fields[i] : NULL;
	return NULL;
}

/* Every protocol's key fields: rows of its own, the names as before. */
static void
test_keys(void **state)
{
	const struct st_proto *p;
	size_t k, i;

	(void)state;
	for (k = 0; (p = st_protos[k]) != NULL; k++) {
		for (i = 0; p->keys != NULL && p->keys[i] != NULL; i++) {
			/* (or of the protocol whose table it shares: TLS's
			 * rows in TLS handshake messages without records) */
			assert_true(st_desc_proto(p->keys[i]) == p ||
			    st_desc_proto(p->keys[i])->fields == p->fields);
			/* A protocol added since has no names before. */
			if (old_key(p->name, 0) == NULL)
				continue;
			assert_non_null(old_key(p->name, i));
			assert_string_equal(p->keys[i]->name,
			    old_key(p->name, i));
		}
		if (p->keys == NULL || p->keys[0] == NULL ||
		    old_key(p->name, 0) != NULL)
			assert_null(old_key(p->name, i));
	}
}

/* The quiz's handles point into the tables of the protocol they name. */
static void
test_handles(void **state)
{
	(void)state;
	assert_ptr_equal(st_desc_proto(st_ipv4_h.len), st_ipv4_h.proto);
	assert_ptr_equal(st_desc_proto(st_ipv4_h.ihl), st_ipv4_h.proto);
	assert_ptr_equal(st_desc_proto(st_ipv4_h.cksum), st_ipv4_h.proto);
	assert_ptr_equal(st_desc_proto(st_ipv4_h.frag), st_ipv4_h.proto);
	assert_ptr_equal(st_desc_proto(st_ipv4_h.mf), st_ipv4_h.proto);
	assert_string_equal(st_ipv4_h.len->name, "ip.len");
	assert_string_equal(st_ipv4_h.ihl->name, "ip.hdr_len");
	assert_string_equal(st_ipv4_h.cksum->name, "ip.checksum");
	assert_string_equal(st_ipv4_h.frag->name, "ip.frag_offset");
	assert_string_equal(st_ipv4_h.mf->name, "ip.flags.mf");
	assert_ptr_equal(st_desc_proto(st_tcp.seq), st_tcp.proto);
	assert_ptr_equal(st_desc_proto(st_tcp.len), st_tcp.proto);
	assert_string_equal(st_tcp.seq->name, "tcp.seq_raw");
	assert_string_equal(st_tcp.len->name, "tcp.len");
	assert_ptr_equal(st_desc_proto(st_icmp_h.type), st_icmp_h.proto);
	assert_string_equal(st_icmp_h.type->name, "icmp.type");
}

/* A checksum's words need a checksum; the ledger's and explain's texts
 * are the protocol's, so every one is of a protocol with a header. */
static void
test_view_data(void **state)
{
	const struct st_proto *p;
	size_t k;

	(void)state;
	for (k = 0; (p = st_protos[k]) != NULL; k++) {
		if (p->ck_what != NULL)
			assert_non_null(p->cksum);
		if (p->explain != NULL || p->explain_bits != 0)
			assert_non_null(p->rfc);
	}
}

/*
 * One name, one spelling: the views group a layer's fields by their
 * name's pointer, so a name the tables hold twice (a header's row and a
 * companion file's, or sibling descriptors') must be one literal.
 */
static int
by_name(const void *a, const void *b)
{
	const struct st_field_desc *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

/* Names two files spell, whose rows never share a layer: MPTCP's layer
 * repeats TCP's option kind and length, as Wireshark's tree does; SMB1's
 * NT Create and SMB2's CREATE both use Wireshark's smb.* access names. */
static const char *const apart[] = { "tcp.option_kind", "tcp.option_len",
	"smb.access_mask", "smb.share_access", "smb.create_options", NULL };

/* PIMv1's layer (inside IGMP) names its fields as Wireshark's PIM does,
 * and never shares a layer with PIMv2's. */
extern const struct st_proto st_proto_pimv1;

static int
is_apart(const char *name)
{
	size_t i;

	for (i = 0; apart[i] != NULL; i++)
		if (strcmp(apart[i], name) == 0)
			return 1;
	for (i = 0; i < st_proto_pimv1.nfields; i++)
		if (strcmp(st_proto_pimv1.fields[i].name, name) == 0)
			return 1;
	return 0;
}

/* (Only a build that does not merge equal literals of two files can see
 * a name spelt twice: every build, by the Makefile's -fno-merge-constants,
 * as the sanitizers' too.) */
static void
test_one_spelling(void **state)
{
	static const struct st_field_desc *all[16384];
	const struct st_proto *p;
	size_t k, i, n = 0;
	int bad = 0;

	(void)state;
	for (k = 0; (p = st_protos[k]) != NULL; k++) {
		for (i = 0; i < p->nfields && n < 16384; i++)
			if (p->fields[i].name != NULL)
				all[n++] = &p->fields[i];
		for (i = 0; p->more != NULL && i < p->nmore && n < 16384; i++)
			if (p->more[i].name != NULL)
				all[n++] = &p->more[i];
	}
	assert_true(n < 16384);
	qsort(all, n, sizeof(all[0]), by_name);
	for (i = 1; i < n; i++)
		if (all[i]->name != all[i - 1]->name &&
		    strcmp(all[i]->name, all[i - 1]->name) == 0 &&
		    !is_apart(all[i]->name)) {
			print_message("spelt twice: %s\n", all[i]->name);
			bad++;
		}
	assert_int_equal(bad, 0);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_handles),
		cmocka_unit_test(test_view_data),
		cmocka_unit_test(test_one_spelling),
	};

	st_registry_init();
	if (argc > 1)
		return check_names(argc, argv);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
