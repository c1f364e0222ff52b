/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IS-IS's structured CLVs (src/proto/isisclv.c) from hand-written bytes: a
 * point-to-point hello with CLVs 240 and 143, an LSP with CLVs 22 (sub-CLVs
 * 6 and 32), 135 (prefix SID), 2, 128, 242 and 144; every shorter prefix
 * decoded without a read past it and marked truncated.
 */
#include "testutil.h"

#include <stdlib.h>
#include <string.h>

#define ISIS_P2P_HELLO \
	"0180c2000014020000000001004ffefe0383140100110100000188888888" \
	"8888001e004c03f00f0000000005222222222222000000048f2500000521" \
	"1d0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d" \
	"1e1f20"
#define ISIS_LSP_TE \
	"0180c2000014020000000001009cfefe03831b010012010000009904b019" \
	"2000000008000000000031000003161e192168001003000f4240130604c0" \
	"000201200b30000192016800020000128712000f42406007070701080306" \
	"400000000028020c000a80808001920168000202800c3f808080c0a80001" \
	"fffffffff21307070701031301000209c00003e80103000fa09017800001" \
	"130000000000000000000000001000001008ae00"

static const char *
text_n(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

/* Every prefix from byte from on: the last layer named name truncated. */
static void
sweep(const char *name, size_t from, const char *hex)
{
	static struct st_packet p;
	const struct st_layer *ly;
	size_t n = hexbytes(hex), k, i;
	uint8_t *b;

	for (k = from; k < n; k++) {
		n = hexbytes(hex);
		b = malloc(k);
		assert_non_null(b);
		memcpy(b, tbuf, k);
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_EN10MB);
		for (ly = NULL, i = 0; i < p.nlayers; i++)
			if (strcmp(p.layers[i].proto->name, name) == 0)
				ly = &p.layers[i];
		if (ly == NULL)
			fail_msg("%s: no layer at %zu of %zu bytes", name, k, n);
		if (ly->status != ST_LS_TRUNCATED)
			fail_msg("%s: status %d at %zu of %zu bytes", name,
			    ly->status, k, n);
		free(b);
	}
}

static void
test_hello(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ISIS_P2P_HELLO);

	(void)state;
	assert_chain(p, "eth llc osi isis isis-hello");
	assert_int_equal(layer(p, "isis-hello")->status, ST_LS_OK);
	assert_int_equal(fval(p, "isis.hello.adjacency_state"), 0);
	assert_int_equal(fval(p, "isis.hello.extended_local_circuit_id"), 5);
	assert_string_equal(text_n(p, "isis.hello.neighbor_systemid", 0),
	    "2222.2222.2222");
	assert_int_equal(fval(p,
	    "isis.hello.neighbor_extended_local_circuit_id"), 4);
	assert_int_equal(fval(p, "isis.hello.mtid"), 0);
	assert_int_equal(fval(p, "isis.hello.digest.v"), 1);
	assert_int_equal(fval(p, "isis.hello.digest.a"), 3);
	assert_int_equal(fval(p, "isis.hello.digest.d"), 1);
	assert_int_equal(field_n(p, "isis.hello.digest", 0)->bits, 256);
	sweep("isis-hello", 26, ISIS_P2P_HELLO);
}

static void
test_lsp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, ISIS_LSP_TE);

	(void)state;
	assert_chain(p, "eth llc osi isis isis-lsp");
	assert_int_equal(layer(p, "isis-lsp")->status, ST_LS_OK);
	/* 22: neighbour, metric, interface address, LAN adjacency SID */
	assert_string_equal(text_n(p, "isis.lsp.ext_is_reachability."
	    "is_neighbor_id", 0), "1921.6800.1003.00");
	assert_int_equal(fval(p, "isis.lsp.ext_is_reachability.metric"),
	    1000000);
	assert_int_equal(fval(p, "isis.lsp.ext_is_reachability."
	    "ipv4_interface_address"), 0xc0000201);
	assert_int_equal(fval(p, "isis.lsp.adj_sid.flags"), 0x30);
	assert_int_equal(fval(p, "isis.lsp.adj_sid.flags.v"), 1);
	assert_string_equal(text_n(p, "isis.lsp.adj_sid.system_id", 0),
	    "0192.0168.0002");
	assert_int_equal(fval(p, "isis.lsp.sid.sli_label"), 18);
	/* 135: a /32 with a prefix SID index */
	assert_string_equal(text_n(p, "isis.lsp.ext_ip_reachability."
	    "ipv4_prefix", 0), "7.7.7.1");
	assert_int_equal(fval(p, "isis.lsp.ext_ip_reachability.subclvs_length"),
	    8);
	assert_int_equal(fval(p, "isis.lsp.ext_ip_reachability.prefix_sid."
	    "flags.n"), 1);
	assert_int_equal(fval(p, "isis.lsp.sid.sli_index"), 0x28);
	/* 2 and 128: old-style metrics, 0x80 "not supported" */
	assert_int_equal(fval(p, "isis.lsp.eis_neighbors.default_metric"), 10);
	assert_int_equal(fval(p, "isis.lsp.eis_neighbors.expense_metric_"
	    "supported"), 1);
	assert_string_equal(text_n(p, "isis.lsp.eis_neighbors.is_neighbor", 0),
	    "0192.0168.0002.02");
	assert_int_equal(fval(p, "isis.lsp.ip_reachability.ipv4_prefix"),
	    0xc0a80001);
	assert_int_equal(fval(p, "isis.lsp.ip_reachability.default_metric"),
	    63);
	/* 242: router ID, flags, SR capability */
	assert_int_equal(fval(p, "isis.lsp.rt_capable.router_id"), 0x07070701);
	assert_int_equal(fval(p, "isis.lsp.rt_capable.flag_s"), 1);
	assert_int_equal(fval(p, "isis.lsp.sr_cap.range"), 1000);
	assert_int_equal(fval(p, "isis.lsp.sr_cap.label"), 4000);
	/* 144: overload bit and the SPB instance */
	assert_int_equal(field_n(p, "isis.lsp.overload", 1)->val, 1);
	assert_int_equal(fval(p, "isis.lsp.mt_cap_spb_instance."
	    "bridge_priority"), 0x1000);
	assert_int_equal(fval(p, "isis.lsp.mt_cap_spb_instance.v"), 1);
	assert_string_equal(text_n(p, "isis.lsp.mt_cap.spsourceid", 0),
	    "0x000008ae");
	sweep("isis-lsp", 26, ISIS_LSP_TE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hello),
		cmocka_unit_test(test_lsp),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
