/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The indus family (industrial control protocols): S7comm in COTP data
 * over TPKT on TCP 102 (read var job and answer, an error in an answer's
 * header, a PDU longer than its TPDU, a DT payload that is no S7comm);
 * every shorter prefix.
 */
#include "testutil.h"

/* IPv4/TCP 198.18.0.1:49152 -> 198.18.0.2:102, TPKT, COTP DT (eot),
 * S7comm: a read var job of two S7ANY items, DB1.DBB0 (4 bytes) and
 * M10.3 (a bit). */
#define S7_READJOB \
	"450000530000400040060000c6120001c6120002c00000660000000100000001" \
	"50182000000000000300002b02f080320100000200001a00000402120a100200" \
	"04000184000000120a10010001000083000053"

static void
test_s7comm_read(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, S7_READJOB);
	assert_chain(p, "ipv4 tcp tpkt cotp s7comm");
	assert_int_equal(fval(p, "s7comm.header.protid"), 0x32);
	assert_int_equal(fval(p, "s7comm.header.rosctr"), 1);
	assert_int_equal(fval(p, "s7comm.header.pduref"), 0x200);
	assert_int_equal(fval(p, "s7comm.header.parlg"), 26);
	assert_false(has_field(p, "s7comm.header.errcls"));
	assert_int_equal(fval(p, "s7comm.param.func"), 0x04);
	assert_int_equal(fval(p, "s7comm.param.itemcount"), 2);
	assert_int_equal(field_n(p, "s7comm.param.item.transp_size", 0)->val,
	    2);
	assert_int_equal(field_n(p, "s7comm.param.item.length", 0)->val, 4);
	assert_int_equal(field_n(p, "s7comm.param.item.db", 0)->val, 1);
	assert_int_equal(field_n(p, "s7comm.param.item.area", 0)->val, 0x84);
	assert_int_equal(field_n(p, "s7comm.param.item.area", 1)->val, 0x83);
	assert_int_equal(field_n(p, "s7comm.param.item.address", 1)->val,
	    0x53);
	assert_int_equal(field_n(p, "s7comm.param.item.address.byte", 1)->val,
	    10);
	assert_int_equal(field_n(p, "s7comm.param.item.address.bit", 1)->val,
	    3);
	assert_non_null(strstr(summary_of(DLT_RAW, S7_READJOB),
	    "s7comm Job Read Var items 2"));
	sweep_prefixes(DLT_RAW, S7_READJOB);
}

static void
test_s7comm_answer(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Ack-data of two items: 24 bits of data (3 bytes and a fill
	 * byte), then an invalid address. */
	p = decode_hex(DLT_RAW,
	    "450000490000400040060000c6120001c6120002c00000660000000100000001"
	    "50182000000000000300002102f0803203000002000002000c00000402ff0400"
	    "180102030005000000");
	assert_chain(p, "ipv4 tcp tpkt cotp s7comm");
	assert_int_equal(fval(p, "s7comm.header.errcls"), 0);
	assert_false(has_field(p, "s7comm.param.errcod"));
	assert_int_equal(field_n(p, "s7comm.data.returncode", 0)->val, 0xff);
	assert_int_equal(field_n(p, "s7comm.data.length", 0)->val, 3);
	assert_int_equal(field_n(p, "s7comm.resp.data", 0)->bits, 24);
	assert_int_equal(fval(p, "s7comm.data.fillbyte"), 0);
	assert_int_equal(field_n(p, "s7comm.data.returncode", 1)->val, 0x05);
	/* an error item shows the size and length of the one before */
	assert_int_equal(field_n(p, "s7comm.data.length", 1)->val, 3);
	/* An answer refusing a PLC stop: class and code as one. */
	p = decode_hex(DLT_RAW,
	    "4500003c0000400040060000c6120001c6120002c00000660000000100000001"
	    "50182000000000000300001402f08032030000040000010000810429");
	assert_int_equal(fval(p, "s7comm.header.errcls"), 0x81);
	assert_int_equal(fval(p, "s7comm.param.errcod"), 0x8104);
	assert_int_equal(fval(p, "s7comm.param.func"), 0x29);
}

static void
test_s7comm_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Cut by the capture inside the second item: truncated. */
	p = decode_hex(DLT_RAW, S7_READJOB);
	tpkt.caplen -= 6;
	st_pkt_reset(&tpkt, tbuf, tpkt.caplen, tpkt.len);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(layer(p, "s7comm")->status, ST_LS_TRUNCATED);
	assert_int_equal(field_n(p, "s7comm.param.item.area", 0)->val, 0x84);
	assert_int_equal(field_n(p, "s7comm.param.item.transp_size", 1)->val,
	    1);
	assert_int_equal(field_n(p, "s7comm.param.item.length", 1)->val, 1);
	/* A parameter length of 40 in a whole TPDU of 14 bytes of it:
	 * malformed, its item decoded all the same. */
	p = decode_hex(DLT_RAW,
	    "450000470000400040060000c6120001c6120002c00000660000000100000001"
	    "50182000000000000300001f02f080320100000900002800000401120a100200"
	    "04000184000000");
	assert_int_equal(layer(p, "s7comm")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "s7comm.param.item.db"), 1);
	/* 0x32 with ROSCTR 9 is no S7comm: the COTP data stays data. */
	p = decode_hex(DLT_RAW,
	    "4500003b0000400040060000c6120001c6120002c00000660000000100000001"
	    "50182000000000000300001302f080320900000000000000000000");
	assert_chain(p, "ipv4 tcp tpkt cotp data");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_s7comm_read),
		cmocka_unit_test(test_s7comm_answer),
		cmocka_unit_test(test_s7comm_bad),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
