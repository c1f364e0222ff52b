/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The indus family (industrial control protocols): S7comm in COTP data
 * over TPKT on TCP 102 (read var job and answer, an error in an answer's
 * header, a PDU longer than its TPDU, a DT payload that is no S7comm);
 * PROFINET DCP in a real-time frame (an Identify answer's blocks, a data
 * length past the frame, a cut); every shorter prefix.
 */
#include "testutil.h"

/* The text of the first field named name. */
static const char *
fval_text(const struct st_packet *p, const char *name)
{
	return field_n(p, name, 0)->meaning;
}

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

/* IPv4/TCP 198.18.0.1:49153 -> 198.18.0.2:44818: EtherNet/IP Send RR
 * Data, a null address item and an unconnected data item holding CIP's
 * Get Attribute Single of Identity (class 1) instance 1 attribute 7. */
#define ENIP_GAS \
	"450000580000400040060000c6120001c6120002c001af120000000100000001" \
	"50182000000000006f0018007856341200000000010203040506070800000000" \
	"000000000a00020000000000b20008000e03200124013007"

static void
test_enip(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW,
	    "450000440000400040060000c6120001c6120002c001af120000000100000001"
	    "5018200000000000650004000000000000000000010203040506070800000000"
	    "01000000");
	assert_chain(p, "ipv4 tcp enip");
	assert_int_equal(fval(p, "enip.command"), 0x65);
	assert_int_equal(fval(p, "enip.length"), 4);
	assert_int_equal(fval(p, "enip.rs.version"), 1);
	assert_int_equal(field_n(p, "enip.context", 0)->bits, 64);
	p = decode_hex(DLT_RAW, ENIP_GAS);
	assert_chain(p, "ipv4 tcp enip cip");
	assert_int_equal(fval(p, "enip.command"), 0x6f);
	assert_int_equal(fval(p, "enip.session"), 0x12345678);
	assert_int_equal(fval(p, "enip.timeout"), 10);
	assert_int_equal(fval(p, "enip.cpf.itemcount"), 2);
	assert_int_equal(field_n(p, "enip.cpf.typeid", 1)->val, 0xb2);
	assert_int_equal(field_n(p, "enip.cpf.length", 1)->val, 8);
	assert_int_equal(fval(p, "cip.service"), 0x0e);
	assert_int_equal(fval(p, "cip.rr"), 0);
	assert_int_equal(fval(p, "cip.request_path_size"), 3);
	assert_int_equal(field_n(p, "cip.epath", 0)->bits, 48);
	assert_int_equal(fval(p, "cip.class"), 1);
	assert_int_equal(fval(p, "cip.instance"), 1);
	assert_int_equal(fval(p, "cip.attribute"), 7);
	assert_int_equal(field_n(p, "cip.logical_segment.type", 2)->val, 4);
	assert_false(has_field(p, "cip.data"));
	assert_non_null(strstr(summary_of(DLT_RAW, ENIP_GAS), "enip Send RR "
	    "Data session 0x12345678 cip Get Attribute Single class 0x01 "
	    "instance 0x01 attribute 7"));
	sweep_prefixes(DLT_RAW, ENIP_GAS);
}

static void
test_cip(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* An answer: path destination unknown, additional status 0x1234. */
	p = decode_hex(DLT_RAW,
	    "450000560000400040060000c6120001c6120002af12c0010000000100000001"
	    "50182000000000006f0016007856341200000000010203040506070800000000"
	    "000000000a00020000000000b20006008e0005013412");
	assert_chain(p, "ipv4 tcp enip cip");
	assert_int_equal(fval(p, "cip.rr"), 1);
	assert_int_equal(fval(p, "cip.sc"), 0x0e);
	assert_int_equal(fval(p, "cip.genstat"), 5);
	assert_int_equal(fval(p, "cip.addstat_size"), 1);
	assert_int_equal(fval(p, "cip.addstat"), 0x1234);
	assert_false(has_field(p, "cip.request_path_size"));
	/* Set Attribute Single through backplane port 1, slot 0, to a
	 * 16-bit class and attribute, with one byte of data. */
	p = decode_hex(DLT_RAW,
	    "4500005d0000400040060000c6120001c6120002c001af120000000100000001"
	    "50182000000000006f001d007856341200000000010203040506070800000000"
	    "000000000a00020000000000b2000d00100501002100f50031000102aa");
	assert_int_equal(fval(p, "cip.port"), 1);
	assert_int_equal(fval(p, "cip.linkaddress.byte"), 0);
	assert_int_equal(fval(p, "cip.class"), 0xf5);
	assert_int_equal(field_n(p, "cip.class", 0)->bits, 16);
	assert_int_equal(fval(p, "cip.attribute"), 0x0201);
	assert_int_equal(field_n(p, "cip.path_segment", 0)->val, 0x01);
	assert_int_equal(field_n(p, "cip.path_segment.type", 0)->val, 0);
	assert_int_equal(field_n(p, "cip.data", 0)->bits, 8);
}

static void
test_enip_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Cut by the capture inside the path: CIP truncated. */
	p = decode_hex(DLT_RAW, ENIP_GAS);
	st_pkt_reset(&tpkt, tbuf, tpkt.caplen - 3, tpkt.len);
	st_decode(&tpkt, DLT_RAW);
	assert_chain(p, "ipv4 tcp enip cip");
	assert_int_equal(layer(p, "cip")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "cip.class"), 1);
	assert_false(has_field(p, "cip.attribute"));
	/* A length of 200 in a whole segment of 24: malformed. */
	p = decode_hex(DLT_RAW,
	    "450000580000400040060000c6120001c6120002c001af120000000100000001"
	    "50182000000000006f00c8007856341200000000010203040506070800000000"
	    "000000000a00020000000000b20008000e03200124013007");
	assert_int_equal(layer(p, "enip")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "enip.length"), 200);
	/* A path of 9 words in a message of 4 bytes: CIP malformed. */
	p = decode_hex(DLT_RAW,
	    "450000540000400040060000c6120001c6120002c001af120000000100000001"
	    "50182000000000006f0014007856341200000000010203040506070800000000"
	    "000000000a00020000000000b20004000e092001");
	assert_chain(p, "ipv4 tcp enip cip");
	assert_int_equal(layer(p, "cip")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "cip.request_path_size"), 9);
}

/* IPv4/TCP 198.18.0.1:2404 -> 198.18.0.2:49155: two I-format APDUs, two
 * single points (spontaneous... interrogated, IOA 1001 on, 1002 invalid)
 * and a short float 49.95 with BL set at IOA 3003. */
#define IEC104_TWO \
	"450000500000400040060000c6120001c61200020964c0030000000100000001" \
	"5018200000000000681202000200010214000100e9030001ea03008068120400" \
	"02000d0103000100bb0b00cdcc474210"

static void
test_iec104(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, IEC104_TWO);
	assert_chain(p, "ipv4 tcp iec104 iec104asdu iec104 iec104asdu");
	assert_int_equal(field_n(p, "iec60870_asdu.start", 0)->val, 0x68);
	assert_int_equal(field_n(p, "iec60870_104.apdulen", 0)->val, 18);
	assert_int_equal(field_n(p, "iec60870_104.type", 0)->val, 0);
	assert_int_equal(field_n(p, "iec60870_104.tx", 0)->val, 1);
	assert_int_equal(field_n(p, "iec60870_104.rx", 0)->val, 1);
	assert_int_equal(field_n(p, "iec60870_104.tx", 1)->val, 2);
	assert_int_equal(field_n(p, "iec60870_asdu.typeid", 0)->val, 1);
	assert_int_equal(field_n(p, "iec60870_asdu.numix", 0)->val, 2);
	assert_int_equal(field_n(p, "iec60870_asdu.causetx", 0)->val, 20);
	assert_int_equal(field_n(p, "iec60870_asdu.addr", 0)->val, 1);
	assert_int_equal(field_n(p, "iec60870_asdu.ioa", 0)->val, 1001);
	assert_int_equal(field_n(p, "iec60870_asdu.ioa", 1)->val, 1002);
	assert_int_equal(field_n(p, "iec60870_asdu.siq.spi", 0)->val, 1);
	assert_int_equal(field_n(p, "iec60870_asdu.siq.iv", 1)->val, 1);
	assert_int_equal(field_n(p, "iec60870_asdu.ioa", 2)->val, 3003);
	assert_string_equal(field_n(p, "iec60870_asdu.float", 0)->meaning,
	    "49.95");
	assert_int_equal(fval(p, "iec60870_asdu.qds.bl"), 1);
	assert_non_null(strstr(summary_of(DLT_RAW, IEC104_TWO), "iec104 I tx "
	    "1 rx 1 M_SP_NA_1 ca 1 ioa 1001 | I tx 2 rx 1 M_ME_NC_1 ca 1 "
	    "ioa 3003"));
	sweep_prefixes(DLT_RAW, IEC104_TWO);
	/* A double point with CP56Time2a, a negative confirmation. */
	p = decode_hex(DLT_RAW,
	    "4500003f0000400040060000c6120001c61200020964c0030000000100000001"
	    "501820000000000068150c0002001f0143000100d107000224770f0aa10b18");
	assert_int_equal(fval(p, "iec60870_asdu.nega"), 1);
	assert_int_equal(fval(p, "iec60870_asdu.diq.dpi"), 2);
	assert_string_equal(fval_text(p, "iec60870_asdu.cp56time"),
	    "Nov  1, 2024 10:15:30.500000000 UTC");
	assert_int_equal(fval(p, "iec60870_asdu.cp56time.ms"), 30500);
	assert_int_equal(fval(p, "iec60870_asdu.cp56time.dow"), 5);
	assert_int_equal(fval(p, "iec60870_asdu.cp56time.month"), 11);
	assert_int_equal(fval(p, "iec60870_asdu.cp56time.year"), 24);
	/* TESTFR act and an S-format acknowledgement in one segment. */
	p = decode_hex(DLT_RAW,
	    "450000340000400040060000c6120001c6120002c00309640000000100000001"
	    "5018200000000000680443000000680401001400");
	assert_chain(p, "ipv4 tcp iec104 iec104");
	assert_int_equal(field_n(p, "iec60870_104.type", 0)->val, 3);
	assert_int_equal(fval(p, "iec60870_104.utype"), 0x10);
	assert_int_equal(field_n(p, "iec60870_104.type", 1)->val, 1);
	assert_int_equal(fval(p, "iec60870_104.rx"), 10);
	assert_false(has_field(p, "iec60870_104.tx"));
}

static void
test_iec104_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* Three normalized values announced in an ASDU of one. */
	p = decode_hex(DLT_RAW,
	    "4500003a0000400040060000c6120001c61200020964c0030000000100000001"
	    "5018200000000000681016000800090303000100e90300010200");
	assert_int_equal(layer(p, "iec104asdu")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "iec60870_asdu.ioa"), 1001);
	assert_string_equal(fval_text(p, "iec60870_asdu.normval"),
	    "0.0156555");
	/* Cut by the capture in the second APDU's float. */
	p = decode_hex(DLT_RAW, IEC104_TWO);
	st_pkt_reset(&tpkt, tbuf, tpkt.caplen - 3, tpkt.len);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(last_layer(p, "iec104asdu")->status,
	    ST_LS_TRUNCATED);
	assert_int_equal(field_n(p, "iec60870_asdu.ioa", 2)->val, 3003);
	assert_false(has_field(p, "iec60870_asdu.float"));
}

/* IPv4/TCP 198.18.0.1:49156 -> 198.18.0.2:4840: OPC UA Hello. */
#define OPCUA_HEL \
	"4500005a0000400040060000c6120001c6120002c00412e80000000100000001" \
	"501820000000000048454c463200000000000000000001000000010000000000" \
	"00000000120000006f70632e7463703a2f2f706c633a34383430"

static void
test_opcua(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, OPCUA_HEL);
	assert_chain(p, "ipv4 tcp opcua");
	assert_string_equal(fval_text(p, "opcua.transport.type"), "HEL");
	assert_string_equal(fval_text(p, "opcua.transport.chunk"), "F");
	assert_int_equal(fval(p, "opcua.transport.size"), 50);
	assert_int_equal(fval(p, "opcua.transport.rbs"), 65536);
	assert_string_equal(fval_text(p, "opcua.transport.endpoint"),
	    "opc.tcp://plc:4840");
	sweep_prefixes(DLT_RAW, OPCUA_HEL);
	/* A MSG chunk: channel 5, token 1, sequence 2, request 7, a
	 * four-byte NodeId 631 (ReadRequest). */
	p = decode_hex(DLT_RAW,
	    "450000480000400040060000c6120001c6120002c00412e80000000100000001"
	    "50182000000000004d5347462000000005000000010000000200000007000000"
	    "0100770200000000");
	assert_int_equal(fval(p, "opcua.transport.scid"), 5);
	assert_int_equal(fval(p, "opcua.security.tokenid"), 1);
	assert_int_equal(fval(p, "opcua.security.seq"), 2);
	assert_int_equal(fval(p, "opcua.security.rqid"), 7);
	assert_int_equal(fval(p, "opcua.servicenodeid.encodingmask"), 1);
	assert_int_equal(fval(p, "opcua.servicenodeid.nsid"), 0);
	assert_int_equal(fval(p, "opcua.servicenodeid.numeric"), 631);
	/* The numeric encoding: namespace 3, identifier 70000. */
	p = decode_hex(DLT_RAW,
	    "450000470000400040060000c6120001c6120002c00412e80000000100000001"
	    "50182000000000004d5347461f00000005000000010000000300000008000000"
	    "02030070110100");
	assert_int_equal(fval(p, "opcua.servicenodeid.nsid"), 3);
	assert_int_equal(field_n(p, "opcua.servicenodeid.nsid", 0)->bits,
	    16);
	assert_int_equal(fval(p, "opcua.servicenodeid.numeric"), 70000);
}

static void
test_opcua_bad(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* A size of 4, below the header's 8: malformed. */
	p = decode_hex(DLT_RAW,
	    "450000340000400040060000c6120001c612000212e8c0040000000100000001"
	    "5018200000000000455252460400000000000180");
	assert_int_equal(layer(p, "opcua")->status, ST_LS_MALFORMED);
	/* Cut by the capture inside the endpoint URL: truncated. */
	p = decode_hex(DLT_RAW, OPCUA_HEL);
	st_pkt_reset(&tpkt, tbuf, tpkt.caplen - 5, tpkt.len);
	st_decode(&tpkt, DLT_RAW);
	assert_int_equal(layer(p, "opcua")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "opcua.transport.mcc"), 0);
	assert_false(has_field(p, "opcua.transport.endpoint"));
}

/* Ethernet 00:a0:45:12:34:56 -> 02:00:00:00:00:01, EtherType 0x8892,
 * frame ID 0xfeff: a DCP Identify answer, name of station "plc-1", IP
 * 198.18.0.2/24 via 198.18.0.1, vendor 0x002a device 0x0401. */
#define PNDCP_IDENT \
	"02000000000100a0451234568892feff05010102030400000028020200070000" \
	"706c632d31000102000e0001c6120002ffffff00c6120001020300060000002a" \
	"0401"

static void
test_pndcp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, PNDCP_IDENT);
	assert_chain(p, "eth pn_rt pn_dcp");
	assert_int_equal(fval(p, "pn_rt.frame_id"), 0xfeff);
	assert_int_equal(fval(p, "pn_dcp.service_id"), 5);
	assert_int_equal(fval(p, "pn_dcp.service_type"), 1);
	assert_int_equal(fval(p, "pn_dcp.xid"), 0x01020304);
	assert_int_equal(fval(p, "pn_dcp.data_length"), 40);
	assert_false(has_field(p, "pn_dcp.response_delay"));
	assert_int_equal(field_n(p, "pn_dcp.option", 0)->val, 2);
	assert_int_equal(field_n(p, "pn_dcp.suboption_device", 0)->val, 2);
	assert_int_equal(field_n(p, "pn_dcp.block_length", 0)->val, 7);
	assert_string_equal(fval_text(p,
	    "pn_dcp.suboption_device_nameofstation"), "plc-1");
	assert_int_equal(fval(p, "pn_dcp.suboption_ip_block_info"), 1);
	assert_int_equal(field_n(p, "pn_dcp.suboption_ip_ip", 0)->bits, 32);
	assert_int_equal(fval(p, "pn_dcp.suboption_vendor_id"), 0x2a);
	assert_int_equal(fval(p, "pn_dcp.suboption_device_id"), 0x0401);
	assert_non_null(strstr(summary_of(DLT_EN10MB, PNDCP_IDENT), "pn_rt "
	    "frame 0xfeff pn_dcp Identify Response Success xid 0x01020304 "
	    "plc-1 ip 198.18.0.2"));
	sweep_prefixes(DLT_EN10MB, PNDCP_IDENT);
	/* Cut inside the IP block: truncated, the name decoded. */
	p = decode_hex(DLT_EN10MB, PNDCP_IDENT);
	st_pkt_reset(&tpkt, tbuf, 48, tpkt.len);
	st_decode(&tpkt, DLT_EN10MB);
	assert_int_equal(layer(p, "pn_dcp")->status, ST_LS_TRUNCATED);
	assert_true(has_field(p, "pn_dcp.suboption_device_nameofstation"));
	assert_false(has_field(p, "pn_dcp.suboption_ip_ip"));
	/* A Set request whose data length (200) passes the frame. */
	p = decode_hex(DLT_EN10MB,
	    "02000000000100a0451234568892fefd040000000007000000c8020200030001"
	    "7800");
	assert_int_equal(layer(p, "pn_dcp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "pn_dcp.block_qualifier"), 1);
	assert_string_equal(fval_text(p,
	    "pn_dcp.suboption_device_nameofstation"), "x");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_s7comm_read),
		cmocka_unit_test(test_s7comm_answer),
		cmocka_unit_test(test_s7comm_bad),
		cmocka_unit_test(test_enip),
		cmocka_unit_test(test_cip),
		cmocka_unit_test(test_enip_bad),
		cmocka_unit_test(test_iec104),
		cmocka_unit_test(test_iec104_bad),
		cmocka_unit_test(test_opcua),
		cmocka_unit_test(test_opcua_bad),
		cmocka_unit_test(test_pndcp),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
