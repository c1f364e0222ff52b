/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The smb12 family: SMB1 commands read as Wireshark reads them (Read
 * AndX with its FID's file and offset, a Trans2 QUERY_PATH_INFO and its
 * answer by the request's level, NT Create AndX's extended answer, the
 * LANMAN negotiation, AndX chains, the share a TID names), the Mailslot
 * and Browser layers of a NetBIOS datagram, and DCE/RPC's presentation
 * contexts and verification trailer; each with every shorter prefix of
 * its frame, and variants whose counts or offsets lie.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "strata/match.h"

static char hexbuf[4096];

/* 198.18.0.1:40000 -> 198.18.0.2:139 (back: the other way), NBSS
 * framing the SMB message msg. */
static const char *
pkt(int back, const char *msg)
{
	size_t n = strlen(msg) / 2;
	unsigned sp = back ? 139 : 40000, dp = back ? 40000 : 139;
	const char *a = back ? "c6120002c6120001" : "c6120001c6120002";

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx0000400040060000"
	    "%s%04x%04x0000000100000001501820000000" "0000" "00%06zx%s",
	    40 + 4 + n, a, sp, dp, n, msg);
	return hexbuf;
}

static const struct st_packet *
at(uint64_t num, const char *hex)
{
	tpkt.num = num;
	tpkt.ts.tv_sec = 1;
	tpkt.ts.tv_nsec = (long)num * 1000;
	return decode_hex(DLT_RAW, hex);
}

static int
reset(void **state)
{
	(void)state;
	st_match_clear();
	return 0;
}

/* The text of the nth field named name. */
static const char *
ftext(const struct st_packet *p, const char *name, unsigned nth)
{
	const struct st_field *f = field_n(p, name, nth);

	return f->meaning != NULL ? f->meaning : "";
}

/* Tree Connect AndX to \\SRV\SHARE (Unicode) and its answer: TID 5. */
#define TC_REQ	"ff534d4275000000001807c8000000000000000000000000000064000200" \
	"010004ff000000000001001c00005c005c005300520056005c0053004800" \
	"4100520045000000413a00"
#define TC_RESP	"ff534d4275000000009807c8000000000000000000000000050064000200" \
	"010003ff00000001000d00413a004e005400460053000000"
/* NT Create AndX of \a.txt and its 34-word answer: FID 0x4001. */
#define NTC_REQ	"ff534d42a2000000001807c8000000000000000000000000050064000200" \
	"020018ff000000000c0016000000000000009f0102000000000000000000" \
	"8000000001000000010000004000000002000000030f00005c0061002e00" \
	"7400780074000000"
#define NTC_RESP	"ff534d42a2000000009807c8000000000000000000000000050064000200" \
	"020022ff0000000201400100000000b00fcd8332d30100b00fcd8332d301" \
	"00b00fcd8332d30100b00fcd8332d3018000000000100000000000006400" \
	"00000000000000000700000000"
/* Read AndX of 16 bytes at offset 16 of FID 0x4001, and the answer. */
#define RD_REQ	"ff534d422e000000001807c8000000000000000000000000050064000200" \
	"03000cff00000001401000000010001000000000000000000000000000"
#define RD_RESP	"ff534d422e000000009807c8000000000000000000000000050064000200" \
	"03000cff000000ffff0000000010003c0000000000000000000000110000" \
	"000102030405060708090a0b0c0d0e0f"

static void
test_read_andx(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(0, TC_REQ));
	assert_string_equal(ftext(p, "smb.path", 0), "\\\\SRV\\SHARE");
	p = at(2, pkt(1, TC_RESP));
	/* the answer maps the share to its TID */
	assert_int_equal(fval(p, "smb.fid.mapped_in"), 2);
	p = at(3, pkt(0, NTC_REQ));
	assert_int_equal(fval(p, "smb.fid.mapped_in"), 2);
	assert_string_equal(ftext(p, "smb.path", 0), "\\\\SRV\\SHARE");
	p = at(4, pkt(1, NTC_RESP));
	assert_int_equal(fval(p, "smb.fid"), 0x4001);
	p = at(5, pkt(0, RD_REQ));
	assert_chain(p, "ipv4 tcp nbss smb");
	assert_int_equal(fval(p, "smb.fid"), 0x4001);
	assert_string_equal(ftext(p, "smb.file", 0), "\\a.txt");
	assert_int_equal(fval(p, "smb.fid.opened_in"), 4);
	assert_int_equal(fval(p, "smb.offset"), 16);
	assert_int_equal(fval(p, "smb.maxcount_low"), 16);
	assert_int_equal(fval(p, "smb.file.rw.offset"), 16);
	assert_int_equal(fval(p, "smb.file.rw.length"), 16);
	p = at(6, pkt(1, RD_RESP));
	assert_int_equal(fval(p, "smb.response_to"), 5);
	/* the request's FID and range, its file's facts */
	assert_int_equal(fval(p, "smb.fid"), 0x4001);
	assert_int_equal(fval(p, "smb.access_mask"), 0x2019f);
	assert_int_equal(fval(p, "smb.file.rw.offset"), 16);
	assert_int_equal(fval(p, "smb.data_len_low"), 16);
	assert_int_equal(fval(p, "smb.data_offset"), 60);
	assert_true(has_field(p, "smb.padding"));
	assert_int_equal(field_n(p, "smb.file_data", 0)->bits, 16 * 8);
	sweep_prefixes(DLT_RAW, pkt(1, RD_RESP));
	sweep_prefixes(DLT_RAW, pkt(0, RD_REQ));
}

static void
test_read_andx_bad(void **state)
{
	const struct st_packet *p;
	char msg[sizeof(RD_RESP)];

	(void)state;
	/* a data offset past the message: no data, no crash */
	memcpy(msg, RD_RESP, sizeof(msg));
	memcpy(msg + 2 * 45, "f000", 4);
	p = at(1, pkt(1, msg));
	assert_int_equal(fval(p, "smb.data_offset"), 0xf0);
	assert_false(has_field(p, "smb.file_data"));
	/* a word count no Read AndX has: its words are not read */
	memcpy(msg, RD_RESP, sizeof(msg));
	memcpy(msg + 2 * 32, "0b", 2);
	p = at(2, pkt(1, msg));
	assert_false(has_field(p, "smb.data_len_low"));
}

/* Trans2 QUERY_PATH_INFO of \dir\f.txt at level 1004 (basic), and the
 * answer: EA error offset, four times, attributes, 4 bytes unread. */
#define QPI_REQ	"ff534d4232000000001807c8000000000000000000000000010064000200" \
	"0a000f1c00000002000004000000000000000000001c0044000000000001" \
	"0005001f00000000ec03000000005c006400690072005c0066002e007400" \
	"780074000000"
#define QPI_RESP	"ff534d4232000000009807c8000000000000000000000000010064000200" \
	"0a000a02002800000002003800000028003c00000000002d000000000000" \
	"00b00fcd8332d30100b00fcd8332d30100b00fcd8332d30100b00fcd8332" \
	"d3012000000000000000"

static void
test_trans2_query_path(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(0, QPI_REQ));
	assert_int_equal(fval(p, "smb.trans2.cmd"), 5);
	assert_int_equal(fval(p, "smb.qpi_loi"), 1004);
	assert_string_equal(ftext(p, "smb.file", 0), "\\dir\\f.txt");
	assert_false(has_field(p, "smb.trans_data.parameters"));
	p = at(2, pkt(1, QPI_RESP));
	/* what the request asked, then the level's record */
	assert_int_equal(fval(p, "smb.trans2.cmd"), 5);
	assert_int_equal(fval(p, "smb.qpi_loi"), 1004);
	assert_string_equal(ftext(p, "smb.file", 0), "\\dir\\f.txt");
	assert_int_equal(fval(p, "smb.ea.error_offset"), 0);
	assert_true(has_field(p, "smb.create.time"));
	assert_true(has_field(p, "smb.change.time"));
	assert_int_equal(fval(p, "smb.file_attribute"), 0x20);
	assert_int_equal(fval(p, "smb.file_attribute.archive"), 1);
	assert_int_equal(field_n(p, "smb.unknown_data", 0)->bits, 32);
	assert_false(has_field(p, "smb.trans_data"));
	sweep_prefixes(DLT_RAW, pkt(1, QPI_RESP));
	sweep_prefixes(DLT_RAW, pkt(0, QPI_REQ));
}

static void
test_trans2_bad(void **state)
{
	const struct st_packet *p;
	char msg[sizeof(QPI_RESP)];

	(void)state;
	at(1, pkt(0, QPI_REQ));
	/* a data count past the byte count: no record */
	memcpy(msg, QPI_RESP, sizeof(msg));
	memcpy(msg + 2 * 45, "f000", 4);
	p = at(2, pkt(1, msg));
	assert_int_equal(fval(p, "smb.dc"), 0xf0);
	assert_false(has_field(p, "smb.create.time"));
	/* an answer nobody asked for: no level, no record */
	st_match_clear();
	p = at(3, pkt(1, QPI_RESP));
	assert_false(has_field(p, "smb.qpi_loi"));
	assert_false(has_field(p, "smb.create.time"));
}

/* An NT Create AndX answer of 42 words holding 50: the volume GUID, the
 * file ID and two access masks, then the byte count. */
#define NTCX_RESP	"ff534d42a2000000009807c8000000000000000000000000050064000200" \
	"04002aff0000000202400100000000b00fcd8332d30100b00fcd8332d301" \
	"00b00fcd8332d30100b00fcd8332d3018000000000100000000000006400" \
	"0000000000000000070000000000610069006c0062006f0078002e005000" \
	"4100420000bf011300000000000000"

static void
test_ntcreate_extended(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(1, NTCX_RESP));
	assert_int_equal(fval(p, "smb.wct"), 42);
	assert_int_equal(fval(p, "smb.fid"), 0x4002);
	assert_string_equal(ftext(p, "smb.volume_guid", 0),
	    "00000061-0069-006c-0062-006f0078002e");
	assert_int_equal(fval(p, "smb.create.file_id_64b"),
	    0x0000420041005000ull);
	assert_int_equal(field_n(p, "smb.access_mask", 0)->val, 0x1301bf);
	assert_int_equal(field_n(p, "smb.access_mask", 1)->val, 0);
	assert_int_equal(fval(p, "smb.bcc"), 0);
	sweep_prefixes(DLT_RAW, pkt(1, NTCX_RESP));
}

/* A Tree Connect AndX answer of 7 words (the user's and a guest's
 * maximal access) with no request seen, then a refusal (TID 6): each
 * maps its TID, without a path. */
#define TC7	"ff534d4275000000009807c8000000000000000000000000050064000200" \
	"010007ff0000003100ff011f00890012000600495043000000"
#define TCERR	"ff534d4275220000c09807c8000000000000000000000000060064000200" \
	"0300000000"
#define TDIS6	"ff534d4271000000001807c8000000000000000000000000060064000200" \
	"0400000000"

static void
test_tree_connect_answers(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(1, TC7));
	assert_int_equal(fval(p, "smb.connect.support"), 0x31);
	assert_int_equal(field_n(p, "smb.access_mask", 0)->val, 0x1f01ff);
	assert_int_equal(field_n(p, "smb.access_mask", 1)->val, 0x120089);
	assert_string_equal(ftext(p, "smb.service", 0), "IPC");
	assert_int_equal(fval(p, "smb.fid.mapped_in"), 1);
	assert_false(has_field(p, "smb.path"));
	sweep_prefixes(DLT_RAW, pkt(1, TC7));
	p = at(2, pkt(1, TCERR));
	assert_int_equal(fval(p, "smb.fid.mapped_in"), 2);
	p = at(3, pkt(0, TDIS6));
	assert_int_equal(fval(p, "smb.fid.mapped_in"), 2);
}

/* zeek's cifs_negotiate_lanman frame 6: a LANMAN 2.1 answer (13 words),
 * its domain read as aligned Unicode as the flags say. */
#define LANMAN	"4500007b777700004006ef030a0000010a00000201bd5c160000917900" \
	"00343e5018faf0fa0400000000004fff534d4272000000009853c80000000000" \
	"0000000000000000003412000001000d0300030004112000010000000000000033" \
	"283a5b4a010800000012001122334455667788574f524b47524f555000"

static void
test_negotiate_lanman(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, LANMAN);
	assert_int_equal(fval(p, "smb.dialect.index"), 3);
	assert_int_equal(fval(p, "smb.sm"), 3);
	assert_int_equal(fval(p, "smb.sm.password"), 1);
	assert_int_equal(fval(p, "smb.max_bufsize"), 4356);
	assert_int_equal(fval(p, "smb.rm"), 0);
	assert_string_equal(ftext(p, "smb.server_date_time", 0),
	    "Sep 26, 2025 05:01:38.000000000 UTC");
	assert_int_equal(fval(p, "smb.server_date_time.smb_time"), 0x2833);
	assert_string_equal(ftext(p, "smb.server_timezone", 0), "330");
	assert_int_equal(fval(p, "smb.challenge_length"), 8);
	/* "ORKGROUP" as UTF-16: characters past Latin-1, as '?' */
	assert_string_equal(ftext(p, "smb.primary_domain", 0), "????");
	sweep_prefixes(DLT_RAW, LANMAN);
}

/* A Session Setup AndX chaining a Tree Connect AndX; zeek's
 * smb1-logoff-andx-no-advance frame 4, a Logoff AndX chained to itself
 * at offset 0. */
#define CHAIN	"ff534d427300000000180100000000000000000000000000000064000000" \
	"01000d750052000411020000000000000001000000000000000000000015" \
	"00015553455200444f4d00556e69780053616d62610004ff000000000001" \
	"001200005c5c5352565c49504324003f3f3f3f3f00"
#define NOADV	"45000076000100004006647f0a0001010a000102cb2001bd000003e9" \
	"000007d150182000bb7500000000004aff534d42740000000018000000000000" \
	"00000000000000000100341200000100027400000000000274000000000002" \
	"740000000000027400000000000274000000000002ff0000000000"

static void
test_andx_chain(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(0, CHAIN));
	assert_int_equal(field_n(p, "smb.cmd", 0)->val, 0x73);
	assert_int_equal(field_n(p, "smb.cmd", 1)->val, 0x75);
	assert_int_equal(field_n(p, "smb.cmd", 2)->val, 0xff);
	assert_string_equal(ftext(p, "smb.account", 0), "USER");
	assert_string_equal(ftext(p, "smb.path", 0), "\\\\SRV\\IPC$");
	assert_int_equal(field_n(p, "smb.wct", 1)->val, 4);
	assert_int_equal(layer(p, "smb")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, pkt(0, CHAIN));
	/* a chain that turns back: its first command, then malformed */
	p = at(2, NOADV);
	assert_int_equal(fval(p, "smb.wct"), 2);
	assert_int_equal(fval(p, "smb.bcc"), 0);
	assert_int_equal(layer(p, "smb")->status, ST_LS_MALFORMED);
	sweep_prefixes(DLT_RAW, NOADV);
}

/* eapon1 frames 77, 82 and 1: a host announcement, an election request
 * and a request for announcements to \\MAILSLOT\\BROWSE in NetBIOS
 * datagrams; a host announcement to \\MAILSLOT\\LANMAN (made by hand,
 * its server type first, its periodicity in seconds). */
#define HOSTANN	"450000e538e4000080116965a9fe43c2a9feffff008a008a00d1100211" \
	"0e8933a9fe43c2008a00bb0000204545454b4641444a44464644444145" \
	"4b4341434143414341434143414341434100204542464345434546454a" \
	"4645464445484643464646414641454643414341424e00ff534d422500" \
	"0000000000000000000000000000000000000000000000000000110000" \
	"21000000000000000000e8030000000000000000210056000300010000" \
	"00020032005c4d41494c534c4f545c42524f57534500010080fc0a0044" \
	"4a50393553304a00000000000001000501031001000f0155aa00"
#define ELECTION	"450000db38ea000080116969a9fe43c2a9feffff008a008a00c76e0b11" \
	"0e8939a9fe43c2008a00b10000204545454b4641444a44464644444145" \
	"4b4341434143414341434143414341414100204542464345434546454a" \
	"4645464445484643464646414641454643414341424f00ff534d422500" \
	"0000000000000000000000000000000000000000000000000000110000" \
	"17000000000000000000e8030000000000000000170056000300010001" \
	"00020028005c4d41494c534c4f545c42524f575345000801200f011059" \
	"b1191500000000444a50393553304a00"
#define REQANN	"450000cf3887000080117c4ec0a801f9c0a801ff008a008a00bb53ec11" \
	"0e891dc0a801f9008a00a50000204545454b4641444a44464644444145" \
	"4b4341434143414341434143414341414100204542464345434546454a" \
	"4645464445484643464646414641454643414341414100ff534d422500" \
	"0000000000000000000000000000000000000000000000000000110000" \
	"0b000000000000000000e80300000000000000000b0056000300010001" \
	"0002001c005c4d41494c534c4f545c42524f575345000200444a503935" \
	"53304a00"
#define LANANN	"450000de000000004011660d0a0000010a000002008a008a00ca550811" \
	"0e12340a000001008a00b4000020454945504644464543414341434143" \
	"41434143414341434143414341434141410020464845504643454c4548" \
	"4643455046464641434143414341434143414341424e00ff534d422500" \
	"0000000000000000000000000000000000000000000000000000110000" \
	"1a000000000000000000e80300000000000000001a0056000300010001" \
	"0002002b005c4d41494c534c4f545c4c414e4d414e0001030310010004" \
	"00d002484f5354006d7920636f6d6d656e7400"

static void
test_browser(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	p = at(1, HOSTANN);
	assert_chain(p, "ipv4 udp nbdgm smb mailslot browser");
	ly = layer(p, "mailslot");
	assert_int_equal(ly->len, 25);
	assert_int_equal(fval(p, "mailslot.opcode"), 1);
	assert_int_equal(fval(p, "mailslot.priority"), 0);
	assert_int_equal(fval(p, "mailslot.class"), 2);
	assert_int_equal(fval(p, "mailslot.size"), 50);
	assert_string_equal(ftext(p, "mailslot.name", 0),
	    "\\MAILSLOT\\BROWSE");
	/* the mailslot's data is the browser's, not the transaction's */
	assert_false(has_field(p, "smb.trans_data"));
	assert_int_equal(fval(p, "browser.command"), 1);
	assert_int_equal(fval(p, "browser.period"), 720000);
	assert_string_equal(ftext(p, "browser.server", 0), "DJP95S0J");
	assert_int_equal(field_n(p, "browser.server", 0)->bits, 16 * 8);
	assert_string_equal(ftext(p, "browser.windows_version", 0),
	    "Windows XP");
	assert_int_equal(fval(p, "browser.server_type"), 0x00011003);
	assert_int_equal(fval(p, "browser.server_type.ntw"), 1);
	assert_int_equal(fval(p, "browser.server_type.browser.potential"), 1);
	assert_int_equal(fval(p, "browser.server_type.nts"), 0);
	assert_int_equal(fval(p, "browser.sig"), 0xaa55);
	assert_string_equal(ftext(p, "browser.comment", 0), "");
	sweep_prefixes(DLT_RAW, HOSTANN);

	p = at(2, ELECTION);
	assert_int_equal(fval(p, "browser.election.version"), 1);
	assert_int_equal(fval(p, "browser.election.criteria"), 0x10010f20);
	assert_int_equal(fval(p, "browser.election.desire.wins"), 1);
	assert_int_equal(fval(p, "browser.proto_major"), 15);
	assert_int_equal(fval(p, "browser.election.os.ntw"), 1);
	assert_int_equal(fval(p, "browser.uptime"), 354005337);
	assert_string_equal(ftext(p, "browser.server", 0), "DJP95S0J");
	sweep_prefixes(DLT_RAW, ELECTION);

	p = at(3, REQANN);
	assert_int_equal(fval(p, "browser.unused"), 0);
	assert_string_equal(ftext(p, "browser.response_computer_name", 0),
	    "DJP95S0J");
	sweep_prefixes(DLT_RAW, REQANN);

	p = at(4, LANANN);
	assert_int_equal(fval(p, "browser.update_count"), 3);
	assert_int_equal(fval(p, "browser.server_type"), 0x00011003);
	assert_int_equal(fval(p, "browser.period"), 720000);
	assert_string_equal(ftext(p, "browser.server", 0), "HOST");
	assert_string_equal(ftext(p, "browser.comment", 0), "my comment");
	assert_int_equal(layer(p, "browser")->status, ST_LS_OK);
	sweep_prefixes(DLT_RAW, LANANN);
}

static void
test_browser_bad(void **state)
{
	static char b[sizeof(HOSTANN)];
	const struct st_packet *p;
	size_t n = strlen(HOSTANN);

	(void)state;
	/* the comment without its NUL (the UDP checksum left out) */
	memcpy(b, HOSTANN, sizeof(b));
	memcpy(b + 52, "0000", 4);
	memcpy(b + n - 2, "41", 2);
	p = at(1, b);
	assert_int_equal(layer(p, "browser")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "browser.comment"));
	assert_int_equal(fval(p, "browser.sig"), 0xaa55);
	/* a command the protocol does not have: its byte alone */
	memcpy(b, HOSTANN, sizeof(b));
	memcpy(b + 52, "0000", 4);
	memcpy(b + 2 * (0xe5 - 33), "77", 2);
	p = at(2, b);
	assert_int_equal(fval(p, "browser.command"), 0x77);
	assert_false(has_field(p, "browser.server"));
	assert_int_equal(layer(p, "browser")->status, ST_LS_OK);
}

/* DCE/RPC on TCP 135 (made by hand): a bind of two contexts to the
 * endpoint mapper, the second the bind time feature negotiation
 * syntax; its ack (the second result a negotiate_ack with feature
 * bits); requests on context 0 whose stubs end with a verification
 * trailer (a bitmask and a presentation context; a header copy). */
#define BIND	"4500009c000000004006665a0a0000010a0000029c400087000003e800" \
	"00138850182000e109000005000b03100000007400000001000000d016" \
	"d0160000000002000000000001000883afe11f5dc91191a408002b14a0" \
	"fa03000000045d888aeb1cc9119fe808002b1048600200000001000100" \
	"0883afe11f5dc91191a408002b14a0fa030000002c1cb76c1298404503" \
	"0000000000000001000000"
#define BIND_ACK	"4500007c00010000400666790a0000020a00000100879c400000138800" \
	"00045c50182000abe4000005000c03100000005400000001000000d016" \
	"d0163412000004003133350000000200000000000000045d888aeb1cc9" \
	"119fe808002b1048600200000003000300000000000000000000000000" \
	"0000000000000000"
#define VT_REQ	"45000088000200004006666c0a0000010a0000029c4000870000045c00" \
	"0013dc501820002f100000050000031000000060000000020000004800" \
	"0000000002001111111111111111111111118ae3137102f43671010004" \
	"0001000000024028000883afe11f5dc91191a408002b14a0fa03000000" \
	"045d888aeb1cc9119fe808002b10486002000000"
#define VT_HDR2	"45000068000300004006668b0a0000010a0000029c400087000004bc00" \
	"0013dc50182000d9c60000050000031000000040000000030000002800" \
	"0000000002001111111111111111111111118ae3137102f43671034010" \
	"0000000000100000000700000000000200"

static void
test_dcerpc_bind(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, BIND);
	assert_chain(p, "ipv4 tcp dcerpc");
	assert_int_equal(fval(p, "dcerpc.cn_num_ctx_items"), 2);
	assert_int_equal(field_n(p, "dcerpc.cn_ctx_id", 1)->val, 1);
	assert_int_equal(fval(p, "dcerpc.cn_num_trans_items"), 1);
	assert_string_equal(ftext(p, "dcerpc.cn_bind_to_uuid", 0),
	    "e1af8308-5d1f-11c9-91a4-08002b14a0fa");
	assert_int_equal(fval(p, "dcerpc.cn_bind_if_ver"), 3);
	assert_string_equal(ftext(p, "dcerpc.cn_bind_trans_id", 0),
	    "8a885d04-1ceb-11c9-9fe8-08002b104860");
	assert_string_equal(ftext(p, "dcerpc.cn_bind_trans_id", 1),
	    "6cb71c2c-9812-4540-0300-000000000000");
	assert_int_equal(fval(p, "dcerpc.cn_bind_trans_btfn"), 3);
	assert_int_equal(fval(p, "dcerpc.cn_bind_trans_btfn.02"), 1);
	assert_int_equal(field_n(p, "dcerpc.cn_bind_trans_ver", 1)->val, 1);
	sweep_prefixes(DLT_RAW, BIND);
	p = at(2, BIND_ACK);
	assert_int_equal(field_n(p, "dcerpc.cn_ack_result", 1)->val, 3);
	assert_int_equal(fval(p, "dcerpc.cn_bind_trans_btfn"), 3);
	assert_int_equal(fval(p, "dcerpc.cn_bind_trans_btfn.01"), 1);
	assert_false(has_field(p, "dcerpc.cn_ack_reason"));
	sweep_prefixes(DLT_RAW, BIND_ACK);
}

static void
test_dcerpc_trailer(void **state)
{
	const struct st_packet *p;

	(void)state;
	at(1, BIND);
	p = at(2, VT_REQ);
	/* the payload up to the trailer's signature */
	assert_int_equal(field_n(p, "dcerpc.payload_stub_data", 0)->bits,
	    12 * 8);
	assert_true(has_field(p, "dcerpc.rpc_sec_vt.signature"));
	assert_int_equal(field_n(p, "dcerpc.rpc_sec_vt.command", 0)->val, 1);
	assert_int_equal(fval(p, "dcerpc.rpc_sec_vt.bitmask.sign"), 1);
	assert_int_equal(field_n(p, "dcerpc.rpc_sec_vt.command.end", 1)->val,
	    1);
	assert_int_equal(field_n(p, "dcerpc.rpc_sec_vt.command.cmd", 1)->val,
	    2);
	assert_string_equal(ftext(p,
	    "dcerpc.rpc_sec_vt.pcontext.interface.uuid", 0),
	    "e1af8308-5d1f-11c9-91a4-08002b14a0fa");
	assert_int_equal(field_n(p, "dcerpc.rpc_sec_vt.pcontext.interface.ver",
	    1)->val, 2);
	sweep_prefixes(DLT_RAW, VT_REQ);
	p = at(3, VT_HDR2);
	assert_int_equal(field_n(p, "dcerpc.cn_call_id", 1)->val, 7);
	assert_int_equal(field_n(p, "dcerpc.opnum", 1)->val, 2);
	assert_int_equal(field_n(p, "dcerpc.drep.byteorder", 1)->val, 1);
	sweep_prefixes(DLT_RAW, VT_HDR2);
}

static void
test_dcerpc_bad(void **state)
{
	static char b[sizeof(VT_REQ)], bb[sizeof(BIND)];
	const struct st_packet *p;

	(void)state;
	at(1, BIND);
	/* a second command whose length runs past the stub: read no
	 * further */
	memcpy(b, VT_REQ, sizeof(b));
	memcpy(b + 2 * (40 + 54), "ff00", 4);
	p = at(2, b);
	assert_int_equal(field_n(p, "dcerpc.rpc_sec_vt.command.length",
	    1)->val, 0xff);
	assert_false(has_field(p, "dcerpc.rpc_sec_vt.pcontext.interface.uuid"));
	/* a bind claiming 255 contexts in two: the two, then cut */
	memcpy(bb, BIND, sizeof(bb));
	memcpy(bb + 2 * (40 + 24), "ff", 2);
	p = at(3, bb);
	assert_int_equal(fval(p, "dcerpc.cn_num_ctx_items"), 255);
	assert_int_equal(field_n(p, "dcerpc.cn_ctx_id", 1)->val, 1);
	assert_int_equal(layer(p, "dcerpc")->len, 116);
}

/* A bind on the SMB1 pipe of FID 0x4001 and a request on FID 0x4002 of
 * the same connection (made by hand): Wireshark keeps binds per pipe,
 * so the request's context 0 is unbound there. */
#define PIPE_BIND	"ff534d4225000000001801000000000000000000000000000100640002" \
	"000100100000740000000004000000000000000000000000000074004a" \
	"000200260001407b005c504950455c0005000b03100000007400000001" \
	"000000d016d0160000000002000000000001000883afe11f5dc91191a4" \
	"08002b14a0fa03000000045d888aeb1cc9119fe808002b104860020000" \
	"00010001000883afe11f5dc91191a408002b14a0fa030000002c1cb76c" \
	"12984045030000000000000001000000"
#define PIPE_REQ	"ff534d4225000000001801000000000000000000000000000100640002" \
	"000200100000200000000004000000000000000000000000000020004a" \
	"0002002600024027005c504950455c0005000003100000002000000002" \
	"00000008000000000002001111111111111111"

static void
test_dcerpc_pipe(void **state)
{
	static char b[sizeof(PIPE_REQ)];
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(0, PIPE_BIND));
	assert_chain(p, "ipv4 tcp nbss smb smb_pipe dcerpc");
	p = at(2, pkt(0, PIPE_REQ));
	assert_true(has_field(p, "dcerpc.stub_data"));
	assert_false(has_field(p, "dcerpc.payload_stub_data"));
	/* on the bound pipe: the interface's stub */
	memcpy(b, PIPE_REQ, sizeof(b));
	memcpy(b + 2 * 63, "0140", 4);
	p = at(3, pkt(0, b));
	assert_true(has_field(p, "dcerpc.payload_stub_data"));
	sweep_prefixes(DLT_RAW, pkt(0, PIPE_REQ));
}

/* zoo/ipx.pcap frames 1, 4 and 36 (Ethernet, LLC, IPX): an NBIPX name
 * query broadcast with its eight networks, an NBIPX directed datagram
 * and an NMPI mailslot write, the two carrying browser announcements. */
#define NBIPX_FIND	"ffffffffffff0003471bc1a80054e0e003ffff0050001400000000ffff" \
	"ffffffff0455a8f8796700000000000104550000000000000000000000" \
	"000000000000000000000000000000000000000000000101025f5f4d53" \
	"42524f5753455f5f020100"
#define NBIPX_DGRAM	"ffffffffffff0003471bc1a800c4e0e003ffff00c0000400000000ffff" \
	"ffffffff0455a8f879670000000000010455000b41444d494e54455354" \
	"2020202020200001025f5f4d5342524f5753455f5f0201ff534d422500" \
	"0000000000000000000000000000000000000000000000000000110000" \
	"2a000000000000000000e80300000000000000002a0056000300010001" \
	"0002003b005c4d41494c534c4f545c42524f575345000c00a0bb0d0052" \
	"414449555300194c7c0030f97f0030030a08100080a8e74c7c41444d49" \
	"4e544553540000"
#define NMPI_SLOT	"ffffffffffff0013206183a300dce0e003ffff00d9001400000000ffff" \
	"ffffffff0553000000000013206183a305530000000000000000000000" \
	"000000000000000000000000000000000000000000fc020000494e4449" \
	"412d4954202020202020200041564553482020202020202020202000ff" \
	"534d422500000000000000000000000000000000000000000000000000" \
	"000011000021000000000000000000e803000000000000000021005600" \
	"030001000100020032005c4d41494c534c4f545c42524f575345000100" \
	"80fc0a00415645534800000000000000000000000500031201000f0155" \
	"aa00"

static void
test_nbipx(void **state)
{
	static char b[sizeof(NMPI_SLOT)];
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, NBIPX_FIND);
	assert_chain(p, "eth llc ipx nbipx trailer");
	assert_int_equal(fval(p, "nmpi.packettype"), 1);
	assert_int_equal(fval(p, "nmpi.name_flags"), 0);
	assert_string_equal(ftext(p, "netbios.nb_name", 0),
	    "<01><02>__MSBROWSE__<02>");
	assert_int_equal(fval(p, "netbios.nb_name_type"), 1);
	sweep_prefixes(DLT_EN10MB, NBIPX_FIND);
	p = decode_hex(DLT_EN10MB, NBIPX_DGRAM);
	assert_chain(p, "eth llc ipx nbipx smb mailslot browser trailer");
	assert_int_equal(fval(p, "nmpi.packettype"), 11);
	assert_int_equal(fval(p, "nmpi.conn_control"), 0);
	assert_string_equal(ftext(p, "netbios.nb_name", 0), "ADMINTEST");
	assert_int_equal(fval(p, "browser.command"), 12);
	assert_string_equal(ftext(p, "browser.mb_server", 0), "ADMINTEST");
	sweep_prefixes(DLT_EN10MB, NBIPX_DGRAM);
	p = decode_hex(DLT_EN10MB, NMPI_SLOT);
	assert_chain(p, "eth llc ipx nmpi smb mailslot browser");
	assert_int_equal(fval(p, "nmpi.opcode"), 0xfc);
	assert_int_equal(fval(p, "nmpi.name_type"), 2);
	assert_string_equal(ftext(p, "netbios.nb_name", 1), "AVESH");
	sweep_prefixes(DLT_EN10MB, NMPI_SLOT);
	/* another opcode: no SMB after the names */
	memcpy(b, NMPI_SLOT, sizeof(b));
	memcpy(b + 2 * (17 + 30 + 32), "f3", 2);
	p = decode_hex(DLT_EN10MB, b);
	assert_int_equal(fval(p, "nmpi.opcode"), 0xf3);
	assert_null(last_layer(p, "smb"));
}

/* A Session Setup AndX request of 12 words whose security blob is a
 * GSS-API SPNEGO token holding an NTLMSSP NEGOTIATE (the blob taken from
 * zeek's smb3_multichannel frame 6, the SMB1 message made by hand). */
#define SS_BLOB	"ff534d4273000000001807c8000000000000000000000000010064000200" \
	"02000cff000000044132000000000000004a0000000000fde30080610060" \
	"4806062b0601050502a03e303ca00e300c060a2b06010401823702020aa2" \
	"2a04284e544c4d5353500001000000978208e20000000000000000000000" \
	"00000000000a00614a0000000f0055006e00690078000000530061006d00" \
	"620061000000"

static void
test_session_setup_blob(void **state)
{
	static char b[sizeof(SS_BLOB)];
	const struct st_packet *p;

	(void)state;
	p = at(1, pkt(0, SS_BLOB));
	assert_chain(p, "ipv4 tcp nbss smb gss-api spnego ntlmssp");
	assert_int_equal(fval(p, "smb.security_blob_len"), 74);
	assert_string_equal(ftext(p, "smb.native_os", 0), "Unix");
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 1);
	sweep_prefixes(DLT_RAW, pkt(0, SS_BLOB));
	/* a blob length past the byte count: no blob, no token */
	memcpy(b, SS_BLOB, sizeof(b));
	memcpy(b + 2 * (33 + 14), "ff00", 4);
	p = at(2, pkt(0, b));
	assert_int_equal(fval(p, "smb.security_blob_len"), 0xff);
	assert_false(has_field(p, "smb.security_blob"));
	assert_null(last_layer(p, "gss-api"));
}

/* pkt(0, PIPE_BIND) spelt out whole: the fuzz seeds (tests/fuzz/seeds.py)
 * take only literal frames from the source, and this is the one that
 * reaches the pipe layer. */
#define PIPE_BIND_LIT	"450000ea0000400040060000c6120001c61200029c40008b0000000100" \
	"0000015018200000000000000000beff534d4225000000001801000000" \
	"0000000000000000000001006400020001001000007400000000040000" \
	"00000000000000000000000074004a000200260001407b005c50495045" \
	"5c0005000b03100000007400000001000000d016d01600000000020000" \
	"00000001000883afe11f5dc91191a408002b14a0fa03000000045d888a" \
	"eb1cc9119fe808002b10486002000000010001000883afe11f5dc91191" \
	"a408002b14a0fa030000002c1cb76c1298404503000000000000000100" \
	"0000"

static void
test_pipe_literal(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = at(1, PIPE_BIND_LIT);
	assert_chain(p, "ipv4 tcp nbss smb smb_pipe dcerpc");
	assert_int_equal(fval(p, "smb_pipe.function"), 0x26);
	assert_memory_equal(PIPE_BIND_LIT, pkt(0, PIPE_BIND),
	    sizeof(PIPE_BIND_LIT));
	/* (the seeds take frames from sweep_prefixes and decode_hex) */
	sweep_prefixes(DLT_RAW, PIPE_BIND_LIT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_read_andx, reset),
		cmocka_unit_test_setup(test_read_andx_bad, reset),
		cmocka_unit_test_setup(test_trans2_query_path, reset),
		cmocka_unit_test_setup(test_trans2_bad, reset),
		cmocka_unit_test_setup(test_ntcreate_extended, reset),
		cmocka_unit_test_setup(test_tree_connect_answers, reset),
		cmocka_unit_test_setup(test_negotiate_lanman, reset),
		cmocka_unit_test_setup(test_andx_chain, reset),
		cmocka_unit_test_setup(test_browser, reset),
		cmocka_unit_test_setup(test_browser_bad, reset),
		cmocka_unit_test_setup(test_dcerpc_bind, reset),
		cmocka_unit_test_setup(test_dcerpc_trailer, reset),
		cmocka_unit_test_setup(test_dcerpc_bad, reset),
		cmocka_unit_test_setup(test_dcerpc_pipe, reset),
		cmocka_unit_test_setup(test_pipe_literal, reset),
		cmocka_unit_test_setup(test_nbipx, reset),
		cmocka_unit_test_setup(test_session_setup_blob, reset),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
