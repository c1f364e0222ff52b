/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The matching family: the pending-requests table (strata/match.h) and the
 * decoders that use it, answers decoded as their requests asked (Modbus
 * read coils and registers, ONC RPC replies, also on a port a call
 * announced); an answer whose request was
 * not seen, a transaction ID reused, the table's bound, and every shorter
 * prefix of a matched answer.
 */
#include "testutil.h"
#include "strata/expect.h"
#include "strata/match.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define IPR	"450000000000400040060000" "c6120002c6120001"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
/* Client 198.18.0.1:40000 to server 198.18.0.2 port p, and back. */
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPR p "9c40" TCPT

/* Decodes hex as frame num at time usec microseconds. */
static const struct st_packet *
at(uint64_t num, long usec, const char *hex)
{
	tpkt.num = num;
	tpkt.ts.tv_sec = usec / 1000000;
	tpkt.ts.tv_nsec = usec % 1000000 * 1000;
	return decode_hex(DLT_RAW, hex);
}

/*
 * Every shorter prefix of the answer hex, as a frame after its request:
 * inside its bytes, the cut marked; once the answer's header is there, it
 * still finds its request (name: the field that says so).
 */
static void
sweep_answer(const char *hex, const char *name)
{
	size_t n = hexbytes(hex), k, i;
	static struct st_packet p;
	int seen = 0;

	for (k = 0; k < n; k++) {
		uint8_t *b = malloc(k > 0 ? k : 1);

		assert_non_null(b);
		memcpy(b, tbuf, k);
		p.num = 1000;
		st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
		st_decode(&p, DLT_RAW);
		for (i = 0; i < p.nlayers; i++)
			assert_true(p.layers[i].off + p.layers[i].len <= k);
		for (i = 0; i < p.nfields; i++)
			if (p.fields[i].bits > 0)
				assert_true((p.fields[i].bitoff +
				    p.fields[i].bits + 7) / 8 <= k);
		assert_true(p.nnotes > 0);
		seen |= st_pkt_field(&p, NULL, name) != NULL;
		free(b);
	}
	assert_true(seen);
}

static int
reset(void **state)
{
	(void)state;
	st_match_clear();
	return 0;
}

static void
entry(struct st_match *m, int conv, uint64_t id, uint64_t frame, int data)
{
	memset(m, 0, sizeof(*m));
	m->proto = &st_proto_tcp;
	m->conv.b[0] = 4;
	m->conv.b[1] = (uint8_t)conv;
	m->id = id;
	m->frame = frame;
	m->data[0] = (uint8_t)data;
}

static void
test_table(void **state)
{
	struct st_match m, out;
	unsigned i;

	(void)state;
	assert_int_equal(st_match_count(), 0);
	entry(&m, 1, 7, 10, 1);
	st_match_add(&m);
	entry(&m, 1, 7, 20, 2);		/* the ID reused */
	st_match_add(&m);
	entry(&m, 2, 7, 15, 3);		/* another conversation */
	st_match_add(&m);
	assert_int_equal(st_match_count(), 3);
	/* The latest request before the answer. */
	assert_true(st_match_find(&st_proto_tcp, &m.conv, 7, 30, &out));
	assert_int_equal(out.data[0], 3);
	entry(&m, 1, 7, 0, 0);
	assert_true(st_match_find(&st_proto_tcp, &m.conv, 7, 30, &out));
	assert_int_equal(out.data[0], 2);
	assert_int_equal(out.frame, 20);
	assert_true(st_match_find(&st_proto_tcp, &m.conv, 7, 20, &out));
	assert_int_equal(out.data[0], 1);
	/* None before the first, none of another ID or protocol. */
	assert_false(st_match_find(&st_proto_tcp, &m.conv, 7, 10, &out));
	assert_false(st_match_find(&st_proto_tcp, &m.conv, 8, 30, &out));
	assert_false(st_match_find(&st_proto_udp, &m.conv, 7, 30, &out));
	/* A frame decoded again replaces its own entry. */
	entry(&m, 1, 7, 20, 9);
	st_match_add(&m);
	assert_int_equal(st_match_count(), 3);
	assert_true(st_match_find(&st_proto_tcp, &m.conv, 7, 30, &out));
	assert_int_equal(out.data[0], 9);
	/* Bounded: the oldest make room. */
	for (i = 0; i < ST_MATCH_MAX; i++) {
		entry(&m, 3, 100 + i, 100 + i, 0);
		st_match_add(&m);
	}
	assert_int_equal(st_match_count(), ST_MATCH_MAX);
	entry(&m, 1, 7, 0, 0);
	assert_false(st_match_find(&st_proto_tcp, &m.conv, 7, 30, &out));
	entry(&m, 3, 0, 0, 0);
	assert_true(st_match_find(&st_proto_tcp, &m.conv, 100, 1000, &out));
	st_match_clear();
	assert_int_equal(st_match_count(), 0);
	assert_false(st_match_find(&st_proto_tcp, &m.conv, 100, 1000, &out));
}

/* Read coils 20..29 (10 coils), transaction 1, unit 255; its answer. */
#define MB_COILS	"0001" "0000" "0006" "ff" "01" "0014" "000a"
#define MB_COILS_R	"0001" "0000" "0005" "ff" "01" "02" "cd03"
/* Read holding registers 107..108, transaction 2; its answer. */
#define MB_REGS		"0002" "0000" "0006" "ff" "03" "006b" "0002"
#define MB_REGS_R	"0002" "0000" "0007" "ff" "03" "04" "1234" "abcd"

static void
test_modbus_matched(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;

	(void)state;
	at(1, 1000000, TO("01f6") MB_COILS);
	p = at(2, 1008254, FROM("01f6") MB_COILS_R);
	assert_chain(p, "ipv4 tcp mbtcp modbus");
	assert_int_equal(fval(p, "modbus.request_frame"), 1);
	f = field_n(p, "modbus.response_time", 0);
	assert_string_equal(f->meaning, "0.008254000");
	/* Ten coils from 20: eight of the first byte, two of the second. */
	assert_int_equal(field_n(p, "modbus.bitnum", 0)->val, 20);
	assert_int_equal(field_n(p, "modbus.bitnum", 9)->val, 29);
	assert_int_equal(field_n(p, "modbus.bitval", 0)->val, 1);
	assert_int_equal(field_n(p, "modbus.bitval", 1)->val, 0);
	assert_int_equal(field_n(p, "modbus.bitval", 8)->val, 1);
	assert_int_equal(field_n(p, "modbus.bitval", 9)->val, 1);
	assert_int_equal(p->nfields, field_n(p, "modbus.bitval", 9) -
	    p->fields + 1);

	at(3, 1010000, TO("01f6") MB_REGS);
	p = at(4, 1020000, FROM("01f6") MB_REGS_R);
	assert_int_equal(fval(p, "modbus.request_frame"), 3);
	assert_int_equal(field_n(p, "modbus.regnum16", 0)->val, 107);
	assert_int_equal(field_n(p, "modbus.regnum16", 1)->val, 108);
	assert_int_equal(field_n(p, "modbus.regval_uint16", 1)->val, 0xabcd);

	/* Every shorter prefix of a matched answer. */
	sweep_answer(FROM("01f6") MB_COILS_R, "modbus.request_frame");
	sweep_answer(FROM("01f6") MB_REGS_R, "modbus.request_frame");
}

static void
test_modbus_unmatched(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* No request seen: every bit of the bytes, from 0; no frame. */
	p = at(1, 0, FROM("01f6") MB_COILS_R);
	assert_false(has_field(p, "modbus.request_frame"));
	assert_int_equal(field_n(p, "modbus.bitnum", 15)->val, 15);
	/* A request of another function code does not match. */
	at(2, 0, TO("01f6") MB_REGS);
	p = at(3, 0, FROM("01f6") "0002" "0000" "0005" "ff" "01" "02" "cd03");
	assert_false(has_field(p, "modbus.request_frame"));
	/* Another unit does not match. */
	at(4, 0, TO("01f6") MB_COILS);
	p = at(5, 0, FROM("01f6") "0001" "0000" "0005" "01" "01" "02" "cd03");
	assert_false(has_field(p, "modbus.request_frame"));
	/* Another connection does not match. */
	p = at(6, 0, IPR "01f6" "9c41" TCPT MB_COILS_R);
	assert_false(has_field(p, "modbus.request_frame"));
	/* An exception answers its request but shows no frame. */
	p = at(7, 0, FROM("01f6") "0001" "0000" "0003" "ff" "81" "02");
	assert_int_equal(fval(p, "modbus.exception_code"), 2);
	assert_false(has_field(p, "modbus.request_frame"));
}

static void
test_modbus_reused(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Transaction 1 asked twice: the answer takes the later request. */
	at(1, 0, TO("01f6") MB_COILS);
	at(2, 0, TO("01f6") "0001" "0000" "0006" "ff" "01" "0000" "0003");
	p = at(3, 0, FROM("01f6") MB_COILS_R);
	assert_int_equal(fval(p, "modbus.request_frame"), 2);
	/* Three coils; each byte after the count still shows its first
	 * bit, as Wireshark does. */
	assert_int_equal(field_n(p, "modbus.bitnum", 0)->val, 0);
	assert_int_equal(field_n(p, "modbus.bitnum", 3)->val, 3);
	assert_int_equal(field_n(p, "modbus.bitval", 3)->val, 1);
	assert_int_equal(p->nfields, field_n(p, "modbus.bitval", 3) -
	    p->fields + 1);
	/* The answer again (a retransmission) finds the same request. */
	p = at(4, 0, FROM("01f6") MB_COILS_R);
	assert_int_equal(fval(p, "modbus.request_frame"), 2);
}

#define UDPH	"450000000000400040110000" "c6120001c6120002"
#define UDPR	"450000000000400040110000" "c6120002c6120001"
/* UDP 40111 -> p and back, with a call's and a reply's length. */
#define UTO(p)	UDPH "9caf" p "0030" "0000"
#define UFROM(p) UDPR p "9caf" "0024" "0000"
/* Portmap GETPORT call (xid 0x1001) and its reply. */
#define RPC_CALL(x, proc) x "00000000" "00000002" "000186a0" "00000002" \
	proc "00000000" "00000000" "00000000" "00000000"
#define RPC_REPLY(x)	x "00000001" "00000000" "00000000" "00000000" \
	"00000000" "00004e50"

static void
test_rpc(void **state)
{
	const struct st_packet *p;

	(void)state;
	at(1, 0, UTO("006f") RPC_CALL("00001001", "00000003"));
	p = at(2, 1000, UFROM("006f") RPC_REPLY("00001001"));
	assert_chain(p, "ipv4 udp rpc portmap");
	assert_int_equal(fval(p, "rpc.program"), 100000);
	assert_int_equal(fval(p, "rpc.programversion"), 2);
	assert_int_equal(fval(p, "rpc.procedure"), 3);
	assert_int_equal(fval(p, "rpc.repframe"), 1);
	assert_string_equal(field_n(p, "rpc.time", 0)->meaning,
	    "0.001000000");
	sweep_answer(UFROM("006f") RPC_REPLY("00001001"), "rpc.repframe");
	/* A reply whose call was not seen: the header only. */
	p = at(3, 0, UFROM("006f") RPC_REPLY("00003003"));
	assert_false(has_field(p, "rpc.program"));
	assert_false(has_field(p, "rpc.repframe"));
	/* An XID reused: the first call stays (Wireshark: a retransmission). */
	at(4, 0, UTO("006f") RPC_CALL("00001001", "00000004"));
	p = at(5, 0, UFROM("006f") RPC_REPLY("00001001"));
	assert_int_equal(fval(p, "rpc.procedure"), 3);
	assert_int_equal(fval(p, "rpc.repframe"), 1);
}

static void
test_rpc_unbound(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A reply from a port no table binds is data until a call to it
	 * announced it. */
	p = at(1, 0, UFROM("4e50") RPC_REPLY("00002002"));
	assert_chain(p, "ipv4 udp data");
	at(2, 0, UTO("4e50") "00002002" "00000000" "00000002" "000186a5"
	    "00000003" "00000000" "00000000" "00000000" "00000000"
	    "00000000");
	p = at(3, 0, UFROM("4e50") RPC_REPLY("00002002"));
	assert_chain(p, "ipv4 udp rpc mount data");
	assert_int_equal(fval(p, "rpc.program"), 100005);
	assert_int_equal(fval(p, "rpc.repframe"), 2);
	st_expect_clear();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_table, reset),
		cmocka_unit_test_setup(test_modbus_matched, reset),
		cmocka_unit_test_setup(test_modbus_unmatched, reset),
		cmocka_unit_test_setup(test_modbus_reused, reset),
		cmocka_unit_test_setup(test_rpc, reset),
		cmocka_unit_test_setup(test_rpc_unbound, reset),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
