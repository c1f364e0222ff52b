/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The appind family: Modbus/TCP, TPKT and COTP, NetBIOS session, SMB2, SMB,
 * DCE/RPC, ONC RPC, NetBIOS name and datagram services; every shorter prefix decodes without a
 * crash, and headers that lie are marked malformed.
 */
#include "testutil.h"

#define IPH	"450000000000400040060000" "c6120001c6120002"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
/* To and from port p (4 hex digits) from/to port 40000. */
#define TO(p)	IPH "9c40" p TCPT
#define FROM(p)	IPH p "9c40" TCPT

/* Read holding registers 107..109. */
#define MB_READ	"0005" "0000" "0006" "11" "03" "006b" "0003"

static void
test_modbus_query(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("01f6") MB_READ);

	(void)state;
	assert_chain(p, "ipv4 tcp mbtcp modbus");
	assert_int_equal(fval(p, "mbtcp.trans_id"), 5);
	assert_int_equal(fval(p, "mbtcp.len"), 6);
	assert_int_equal(fval(p, "mbtcp.unit_id"), 17);
	assert_int_equal(fval(p, "modbus.func_code"), 3);
	assert_int_equal(fval(p, "strata.modbus.query"), 1);
	assert_int_equal(fval(p, "modbus.reference_num"), 107);
	assert_int_equal(fval(p, "modbus.word_cnt"), 3);
	sweep_prefixes(DLT_RAW, TO("01f6") MB_READ);

	/* Two messages in one segment: two pairs of layers. */
	p = decode_hex(DLT_RAW, TO("01f6") MB_READ "0006" "0000" "0009" "01"
	    "10" "0001" "0001" "02" "abcd");
	assert_chain(p, "ipv4 tcp mbtcp modbus mbtcp modbus");
	assert_int_equal(field_n(p, "mbtcp.trans_id", 1)->val, 6);
	assert_int_equal(fval(p, "modbus.regnum16"), 1);
	assert_int_equal(fval(p, "modbus.regval_uint16"), 0xabcd);
}

static void
test_modbus_response(void **state)
{
	/* Read coils: 10 coils in 2 bytes, shown bit by bit from 0. */
	const char *hex = FROM("01f6") "0001" "0000" "0005" "01" "01" "02"
	    "cd01";
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 tcp mbtcp modbus");
	assert_int_equal(fval(p, "strata.modbus.query"), 0);
	assert_int_equal(fval(p, "modbus.byte_cnt"), 2);
	assert_int_equal(field_n(p, "modbus.bitnum", 8)->val, 8);
	assert_int_equal(field_n(p, "modbus.bitval", 0)->val, 1);
	assert_int_equal(field_n(p, "modbus.bitval", 1)->val, 0);
	assert_int_equal(field_n(p, "modbus.bitval", 8)->val, 1);
	assert_int_equal(field_n(p, "modbus.bitval", 9)->val, 0);
	sweep_prefixes(DLT_RAW, hex);

	/* An exception: the top bit of the code, then its reason. */
	p = decode_hex(DLT_RAW, FROM("01f6") "0007" "0000" "0003" "01" "83"
	    "02");
	assert_int_equal(fval(p, "modbus.func_code"), 3);
	assert_int_equal(fval(p, "modbus.exception_code"), 2);

	/* Device identification: objects as escaped text. */
	hex = FROM("01f6") "0006" "0000" "000f" "ff" "2b" "0e" "01" "01" "00"
	    "00" "01" "00" "04" "41" "1b" "5c" "42";
	p = decode_hex(DLT_RAW, hex);
	assert_int_equal(fval(p, "modbus.num_objects"), 1);
	assert_string_equal(field_n(p, "modbus.object_str_value", 0)->meaning,
	    "A\\x1b\\\\B");
	sweep_prefixes(DLT_RAW, hex);
}

static void
test_modbus_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A protocol ID other than 0 is not Modbus: data. */
	p = decode_hex(DLT_RAW, TO("01f6") "0005" "0001" "0006" "11" "03"
	    "006b" "0003");
	assert_chain(p, "ipv4 tcp data");

	/* A length past what any PDU may be. */
	p = decode_hex(DLT_RAW, TO("01f6") "0005" "0000" "0106" "11" "03"
	    "006b" "0003");
	assert_int_equal(layer(p, "mbtcp")->status, ST_LS_MALFORMED);

	/* A byte count running past the message's own length. */
	p = decode_hex(DLT_RAW, FROM("01f6") "0001" "0000" "0005" "01" "03"
	    "08" "0001" "0002");
	assert_int_equal(layer(p, "modbus")->status, ST_LS_MALFORMED);

	/* A length past the segment: the rest comes later, not malformed. */
	p = decode_hex(DLT_RAW, FROM("01f6") "0001" "0000" "0009" "01" "03"
	    "06" "0001" "0002");
	assert_int_equal(layer(p, "modbus")->status, ST_LS_OK);
	assert_true(has_note(p, "continues in a later segment"));
}

/* TPKT, then a COTP connect request with a TPDU size and two TSAPs. */
#define TPKT_CR	"0300" "001a" "15" "e0" "0000" "0001" "00" "c0010a" \
	"c1020100" "c20653494d415449"

static void
test_tpkt_cotp(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("0066") TPKT_CR);

	(void)state;
	assert_chain(p, "ipv4 tcp tpkt cotp");
	assert_int_equal(fval(p, "tpkt.version"), 3);
	assert_int_equal(fval(p, "tpkt.length"), 26);
	assert_int_equal(fval(p, "cotp.li"), 21);
	assert_int_equal(fval(p, "cotp.type"), 0xe);
	assert_int_equal(fval(p, "cotp.srcref"), 1);
	assert_int_equal(fval(p, "cotp.class"), 0);
	assert_int_equal(fval(p, "cotp.tpdu_size"), 1024);
	assert_string_equal(field_n(p, "cotp.src-tsap", 0)->meaning,
	    "0x0100");
	assert_string_equal(field_n(p, "cotp.dst-tsap", 0)->meaning,
	    "SIMATI");
	sweep_prefixes(DLT_RAW, TO("0066") TPKT_CR);

	/* Class 0 data: a TPDU number and the last-unit bit; user data. */
	p = decode_hex(DLT_RAW, TO("0066") "0300" "0009" "02" "f0" "80"
	    "3201");
	assert_chain(p, "ipv4 tcp tpkt cotp data");
	assert_int_equal(fval(p, "cotp.eot"), 1);
	assert_int_equal(fval(p, "cotp.tpdu-number"), 0);
	assert_int_equal(fval(p, "cotp.destref"), 0);

	/* A segment in the middle of a TPDU: continuation data. */
	p = decode_hex(DLT_RAW, TO("0066") "a1a2a3a4a5");
	assert_chain(p, "ipv4 tcp tpkt");
	assert_true(has_field(p, "tpkt.continuation_data"));
}

static void
test_tpkt_malformed(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A TPKT length below a header and the smallest TPDU. */
	p = decode_hex(DLT_RAW, TO("0066") "0300" "0005" "02f080");
	assert_int_equal(layer(p, "tpkt")->status, ST_LS_MALFORMED);
	/* The reserved length indicator, and an unknown TPDU type. */
	p = decode_hex(DLT_RAW, TO("0066") "0300" "0007" "ff" "f080");
	assert_int_equal(layer(p, "cotp")->status, ST_LS_MALFORMED);
	p = decode_hex(DLT_RAW, TO("0066") "0300" "0007" "02" "3080");
	assert_int_equal(layer(p, "cotp")->status, ST_LS_MALFORMED);
	/* A connect request too short for its fixed part. */
	p = decode_hex(DLT_RAW, TO("0066") "0300" "0008" "03" "e0" "0000");
	assert_int_equal(layer(p, "cotp")->status, ST_LS_MALFORMED);
}

/* "FILESRV" padded, suffix 0x20, in first-level encoding; "ME" 0x00. */
#define NB_FILESRV "20" "4547454a454d4546464446434647434143414341" \
	"434143414341434143414341" "00"
#define NB_ME	"20" "454e4546434143414341434143414341" \
	"43414341434143414341434143414141" "00"

static void
test_nbss(void **state)
{
	const char *hex = TO("008b") "81" "00" "0044" NB_FILESRV NB_ME;
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 tcp nbss");
	assert_int_equal(fval(p, "nbss.type"), 0x81);
	assert_int_equal(fval(p, "nbss.length"), 68);
	assert_string_equal(field_n(p, "nbss.called_name", 0)->meaning,
	    "FILESRV<20>");
	assert_string_equal(field_n(p, "nbss.calling_name", 0)->meaning,
	    "ME<00>");
	sweep_prefixes(DLT_RAW, hex);

	/* On 139 the flags' low bit is the length's 17th. */
	p = decode_hex(DLT_RAW, TO("008b") "00" "01" "0000" "ff534d42");
	assert_int_equal(fval(p, "nbss.flags.e"), 1);
	assert_int_equal(fval(p, "nbss.length"), 65536);
	/* On 445 the length has 24 bits and there are no flags. */
	p = decode_hex(DLT_RAW, TO("01bd") "00" "010000" "fe534d42");
	assert_int_equal(fval(p, "nbss.length"), 65536);
	assert_false(has_field(p, "nbss.flags"));
	/* A negative response's error. */
	p = decode_hex(DLT_RAW, FROM("008b") "83" "00" "0001" "82");
	assert_int_equal(fval(p, "nbss.error_code"), 0x82);
	/* No valid header: the middle of a message. */
	p = decode_hex(DLT_RAW, FROM("01bd") "00" "000010" "41424344" "45");
	assert_true(has_field(p, "nbss.continuation_data"));
	p = decode_hex(DLT_RAW, FROM("008b") "07" "000010" "41424344");
	assert_true(has_field(p, "nbss.continuation_data"));
}

/* NBSS on 445, then an SMB2 tree connect request to \\srv\share. */
#define SMB2_TC	"0000005e" "fe534d42" "4000" "0100" "00000000" "0300" "1f00" \
	"00000000" "00000000" "0200000000000000" "fffe0000" "00000000" \
	"0700000000000000" "00000000000000000000000000000000" \
	"0900" "0000" "4800" "1600" \
	"5c005c007300720076005c0073006800610072006500"

static void
test_smb2(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("01bd") SMB2_TC);

	(void)state;
	assert_chain(p, "ipv4 tcp nbss smb2");
	assert_int_equal(fval(p, "nbss.length"), 94);
	assert_int_equal(fval(p, "smb2.protocol_id"), 0xfe534d42);
	assert_int_equal(fval(p, "smb2.header_len"), 64);
	assert_int_equal(fval(p, "smb2.cmd"), 3);
	assert_int_equal(fval(p, "smb2.credits.requested"), 31);
	assert_int_equal(fval(p, "smb2.msg_id"), 2);
	assert_int_equal(fval(p, "smb2.pid"), 0xfeff);
	assert_int_equal(fval(p, "smb2.sesid"), 7);
	assert_int_equal(fval(p, "smb2.flags.response"), 0);
	assert_int_equal(fval(p, "smb2.buffer_code.length"), 4);
	assert_int_equal(fval(p, "smb2.buffer_code.dynamic"), 1);
	assert_string_equal(field_n(p, "smb2.tree", 0)->meaning,
	    "\\\\srv\\share");
	assert_false(has_field(p, "smb2.nt_status"));
	sweep_prefixes(DLT_RAW, TO("01bd") SMB2_TC);

	/* A next command outside the message: malformed. */
	p = decode_hex(DLT_RAW, TO("01bd") "00000044" "fe534d42" "4000"
	    "0100" "00000000" "0d00" "0100" "00000000" "00010000"
	    "0000000000000000" "00000000" "00000000" "0000000000000000"
	    "00000000000000000000000000000000" "0400" "0000");
	assert_int_equal(layer(p, "smb2")->status, ST_LS_MALFORMED);

	/* An encrypted message: its protocol ID, then data. */
	p = decode_hex(DLT_RAW, FROM("01bd") "00000008" "fd534d42" "01020304");
	assert_chain(p, "ipv4 tcp nbss smb2 data");
}

/* A DCE/RPC request, opnum 3, with an NTLMSSP trailer (privacy). */
#define CO_REQ	"05000003" "10000000" "3800" "1000" "03000000" "08000000" \
	"0000" "0300" "0000000000000000" "0a060000" "01000000" \
	"00000000000000000000000000000000"

static void
test_dcerpc(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("0087") CO_REQ);

	(void)state;
	assert_chain(p, "ipv4 tcp dcerpc");
	assert_int_equal(fval(p, "dcerpc.ver"), 5);
	assert_int_equal(fval(p, "dcerpc.pkt_type"), 0);
	assert_int_equal(fval(p, "dcerpc.cn_flags.first_frag"), 1);
	assert_int_equal(fval(p, "dcerpc.drep.byteorder"), 1);
	assert_int_equal(fval(p, "dcerpc.cn_frag_len"), 56);
	assert_int_equal(fval(p, "dcerpc.cn_auth_len"), 16);
	assert_int_equal(fval(p, "dcerpc.cn_call_id"), 3);
	assert_int_equal(fval(p, "dcerpc.opnum"), 3);
	assert_int_equal(fval(p, "dcerpc.auth_type"), 10);
	assert_int_equal(fval(p, "dcerpc.auth_level"), 6);
	assert_int_equal(fval(p, "dcerpc.auth_ctx_id"), 1);
	sweep_prefixes(DLT_RAW, TO("0087") CO_REQ);

	/* Big-endian numbers, on a port handed out by the mapper: found by
	 * content. */
	p = decode_hex(DLT_RAW, TO("c350") "05000003" "00000000" "0020"
	    "0000" "00000002" "00000008" "0000" "0040" "0000000000000000");
	assert_chain(p, "ipv4 tcp dcerpc");
	assert_int_equal(fval(p, "dcerpc.cn_frag_len"), 32);
	assert_int_equal(fval(p, "dcerpc.opnum"), 64);

	/* An auth length past the fragment: not DCE/RPC. */
	p = decode_hex(DLT_RAW, TO("0087") "05000003" "10000000" "2000"
	    "4000" "02000000" "08000000" "00000300" "0000000000000000");
	assert_chain(p, "ipv4 tcp data");
}

/* An NFS v3 GETATTR call over TCP: record mark, AUTH_UNIX "ab", then
 * an AUTH_NULL verifier and 4 bytes of arguments. */
#define RPC_CALL "80000048" "00000007" "00000000" "00000002" "000186a3" \
	"00000003" "00000001" "00000001" "0000001c" "00000001" "00000002" \
	"61620000" "000003e8" "00000064" "00000001" "0000000a" \
	"00000000" "00000000" "deadbeef"

static void
test_rpc(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("0801") RPC_CALL);

	(void)state;
	assert_chain(p, "ipv4 tcp rpc nfs");
	assert_int_equal(fval(p, "rpc.lastfrag"), 1);
	assert_int_equal(fval(p, "rpc.fraglen"), 72);
	assert_int_equal(fval(p, "rpc.xid"), 7);
	assert_int_equal(fval(p, "rpc.msgtyp"), 0);
	assert_int_equal(fval(p, "rpc.program"), 100003);
	assert_int_equal(fval(p, "rpc.programversion"), 3);
	assert_int_equal(fval(p, "rpc.procedure"), 1);
	assert_string_equal(field_n(p, "rpc.auth.machinename", 0)->meaning,
	    "ab");
	assert_int_equal(fval(p, "rpc.auth.uid"), 1000);
	assert_int_equal(field_n(p, "rpc.auth.gid", 1)->val, 10);
	assert_int_equal(field_n(p, "rpc.auth.flavor", 1)->val, 0);
	sweep_prefixes(DLT_RAW, TO("0801") RPC_CALL);

	/* The same call on a port the portmapper handed out: by content. */
	p = decode_hex(DLT_RAW, TO("4e50") RPC_CALL);
	assert_chain(p, "ipv4 tcp rpc nfs");

	/* A reply on 2049: accepted, success. */
	p = decode_hex(DLT_RAW, FROM("0801") "80000018" "00000007" "00000001"
	    "00000000" "00000000" "00000000" "00000000");
	assert_int_equal(fval(p, "rpc.replystat"), 0);
	assert_int_equal(fval(p, "rpc.state_accept"), 0);

	/* A message type that is neither: malformed. */
	p = decode_hex(DLT_RAW, TO("0801") "8000000c" "00000007" "00000005"
	    "00000002");
	assert_int_equal(layer(p, "rpc")->status, ST_LS_MALFORMED);
}

/* A broadcast NBNS query for ARBEITSGRUPPE<1b>, and an answer. */
#define UDPIPH	"450000000000400040110000" "c6120001c6120002"
#define NB_WG	"20" "4542464345434546454a4645464445484643464646414641" \
	"454643414341424c" "00"

/*
 * A node status answer (zeek's smb__smb_v2_only_non_zero_reserved1.pcap
 * frame 130): three names with their flags, then the statistics.
 */
#define NBSTAT	"0a020e2830c20a02d75e97020800450000b9254f000080110000ac1f" \
	"7011ac1f70100089008900a539178d02840000000001000000002043" \
	"4b414141414141414141414141414141414141414141414141414141" \
	"41414100002100010000000000650357494e2d4938324238314e534c" \
	"4c4a000400574f524b47524f555020202020202000840057494e2d49" \
	"38324238314e534c4c4a2004000a02d75e9702000000000000000000" \
	"00000000000000000000000000000000000000000000000000000000" \
	"000000"

static void
test_nbns_nbstat(void **state)
{
	const struct st_packet *p = decode_hex(DLT_EN10MB, NBSTAT);

	(void)state;
	assert_chain(p, "eth ipv4 udp nbns");
	assert_int_equal(fval(p, "nbns.type"), 33);
	assert_int_equal(fval(p, "nbns.number_of_names"), 3);
	assert_string_equal(field_n(p, "nbns.netbios_name", 0)->meaning,
	    "WIN-I82B81NSLLJ");
	assert_string_equal(field_n(p, "nbns.netbios_name", 1)->meaning,
	    "WORKGROUP");
	assert_int_equal(field_n(p, "nbns.name_flags", 1)->val, 0x8400);
	assert_int_equal(field_n(p, "nbns.name_flags.group", 1)->val, 1);
	assert_int_equal(field_n(p, "nbns.name_flags.act", 2)->val, 1);
	assert_int_equal(fval(p, "nbns.unit_id"), 0x0a02d75e9702u);
	assert_int_equal(fval(p, "nbns.session_data_packet_size"), 0);
	assert_non_null(field_n(p, "nbns.max_total_sessions_possible", 0));
	sweep_prefixes(DLT_EN10MB, NBSTAT);
}

static void
test_nbns(void **state)
{
	const char *q = UDPIPH "0089" "0089" "003a" "0000" "8d40" "0110"
	    "0001" "0000" "0000" "0000" NB_WG "0020" "0001";
	const struct st_packet *p = decode_hex(DLT_RAW, q);

	(void)state;
	assert_chain(p, "ipv4 udp nbns");
	assert_int_equal(fval(p, "nbns.id"), 0x8d40);
	assert_int_equal(fval(p, "nbns.flags.recdesired"), 1);
	assert_int_equal(fval(p, "nbns.flags.broadcast"), 1);
	assert_false(has_field(p, "nbns.flags.rcode"));
	assert_string_equal(field_n(p, "nbns.name", 0)->meaning,
	    "ARBEITSGRUPPE<1b>");
	assert_int_equal(fval(p, "nbns.type"), 32);
	sweep_prefixes(DLT_RAW, q);

	/* The answer: a pointer to the question's name, an NB record. */
	p = decode_hex(DLT_RAW, UDPIPH "0089" "0089" "004c" "0000" "8d40"
	    "8500" "0001" "0001" "0000" "0000" NB_WG "0020" "0001" "c00c"
	    "0020" "0001" "000493e0" "0006" "6000" "0a000005");
	assert_int_equal(fval(p, "nbns.flags.authoritative"), 1);
	assert_string_equal(field_n(p, "nbns.name", 1)->meaning,
	    "ARBEITSGRUPPE<1b> (Domain Master Browser)");
	assert_int_equal(fval(p, "nbns.ttl"), 300000);
	assert_int_equal(fval(p, "nbns.nb_flags.ont"), 3);
	assert_int_equal(fval(p, "nbns.addr"), 0x0a000005);

	/* A name that is not first-level encoded: malformed. */
	p = decode_hex(DLT_RAW, UDPIPH "0089" "0089" "001a" "0000" "8d40"
	    "0110" "0001" "0000" "0000" "0000" "0361626300" "0020");
	assert_int_equal(layer(p, "nbns")->status, ST_LS_MALFORMED);
}

/* A NetBIOS datagram: WORKGROUP<1b> to itself, then SMB (cut). */
static void
test_nbdgm(void **state)
{
	const char *hex = UDPIPH "008a" "008a" "0062" "0000" "11" "0e" "1234"
	    "c6120001" "008a" "0048" "0000" NB_WG NB_WG "ff534d42";
	const struct st_packet *p = decode_hex(DLT_RAW, hex);

	(void)state;
	assert_chain(p, "ipv4 udp nbdgm smb");
	assert_int_equal(fval(p, "nbdgm.type"), 0x11);
	assert_int_equal(fval(p, "nbdgm.first"), 1);
	assert_int_equal(fval(p, "nbdgm.next"), 0);
	assert_int_equal(fval(p, "nbdgm.node_type"), 3);
	assert_int_equal(fval(p, "nbdgm.src.port"), 138);
	assert_int_equal(fval(p, "nbdgm.dgram_len"), 72);
	assert_string_equal(field_n(p, "nbdgm.destination_name", 0)->meaning,
	    "ARBEITSGRUPPE<1b>");
	sweep_prefixes(DLT_RAW, hex);

	/* An unknown type: malformed. */
	p = decode_hex(DLT_RAW, UDPIPH "008a" "008a" "0012" "0000" "20" "00"
	    "0000" "c6120001" "008a");
	assert_int_equal(layer(p, "nbdgm")->status, ST_LS_MALFORMED);
}

/* SMB1 Negotiate Protocol request on 139: NT status, no words, 2 bytes. */
#define SMB1_NEG "00" "00" "0025" "ff534d42" "72" "00000000" "18" "0748" \
	"0000" "0000000000000000" "0000" "0100" "3412" "6400" "0a00" "00" \
	"0200" "0202"

static void
test_smb(void **state)
{
	const struct st_packet *p = decode_hex(DLT_RAW, TO("008b") SMB1_NEG);

	(void)state;
	assert_chain(p, "ipv4 tcp nbss smb");
	assert_int_equal(fval(p, "smb.server_component"), 0x424d53ff);
	assert_int_equal(fval(p, "smb.cmd"), 0x72);
	assert_int_equal(fval(p, "smb.nt_status"), 0);
	assert_int_equal(fval(p, "smb.flags.canon"), 1);
	assert_int_equal(fval(p, "smb.flags2.nt_error"), 1);
	assert_int_equal(fval(p, "smb.tid"), 1);
	assert_int_equal(fval(p, "smb.pid"), 0x1234);
	assert_int_equal(fval(p, "smb.mid"), 10);
	assert_int_equal(fval(p, "smb.wct"), 0);
	assert_int_equal(fval(p, "smb.bcc"), 2);
	sweep_prefixes(DLT_RAW, TO("008b") SMB1_NEG);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nbns_nbstat),
		cmocka_unit_test(test_modbus_query),
		cmocka_unit_test(test_modbus_response),
		cmocka_unit_test(test_modbus_malformed),
		cmocka_unit_test(test_tpkt_cotp),
		cmocka_unit_test(test_tpkt_malformed),
		cmocka_unit_test(test_nbss),
		cmocka_unit_test(test_smb2),
		cmocka_unit_test(test_dcerpc),
		cmocka_unit_test(test_rpc),
		cmocka_unit_test(test_nbns),
		cmocka_unit_test(test_nbdgm),
		cmocka_unit_test(test_smb),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
