/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tcpapps family (application protocols on TCP): Diameter (header,
 * typed base-protocol AVPs, a Grouped AVP, a vendor's AVP, two messages
 * in one segment, tshark's Continuation); XMPP (stanzas and their
 * attributes, several in a segment, a keepalive, the stream's end, an
 * element cut at the segment's end); BitTorrent (the handshake, messages
 * several to a segment, a length that does not fit its type taken for
 * continuation data, the heuristic); rlogin and rsh (their start-up
 * strings, the conversation's state from segment to segment); ident
 * (query and reply).  Each from hand-written bytes,
 * cut short, made malformed, and every shorter prefix.
 */
#include "strata/expect.h"
#include "strata/match.h"
#include "testutil.h"

/* IPv4/TCP 198.18.0.1:40000 -> 198.18.0.2:3868, a Device-Watchdog
 * Request: Origin-Host a.b, Origin-Realm b, Origin-State-Id 7, a
 * Vendor-Specific-Application-Id (Vendor-Id 10415, Auth-Application-Id
 * 16777251), Host-IP-Address 192.0.2.1, Event-Timestamp 3900000000, and
 * AVP 7 of vendor 10415. */
static const char dia_dwr[] =
    "450000ac000140004006ae23c6120001c61200029c400f1c000003e800001388"
    "5018ffffab6a0000010000848000011800000000000000010000000200000108"
    "4000000b612e6200000001284000000962000000000001164000000c00000007"
    "00000104400000200000010a4000000c000028af000001024000000c01000023"
    "000001014000000e0001c00002010000000000374000000ce875470000000007"
    "c000000e000028af01020000";

/* The answer: a Capabilities-Exchange Answer (Result-Code 2001) and the
 * request again, in one segment. */
static const char dia_two[] =
    "450000e4000240004006adeac6120002c61200010f1c9c40000013880000046c"
    "5018ffffa60d000001000038000001010000000000000005000000060000010c"
    "4000000c000007d1000001084000000b732e6200000001284000000962000000"
    "0100008480000118000000000000000100000002000001084000000b612e6200"
    "000001284000000962000000000001164000000c000000070000010440000020"
    "0000010a4000000c000028af000001024000000c01000023000001014000000e"
    "0001c00002010000000000374000000ce875470000000007c000000e000028af"
    "01020000";

/* IPv4/TCP to 198.18.0.2:5222: <iq type='get' id='r1'
 * to='example.com'><query xmlns='jabber:iq:roster'/></iq>. */
static const char xmpp_iq[] =
    "45000076000140004006ae59c6120001c61200029c411466000003e800001388"
    "5018ffff777300003c697120747970653d27676574272069643d277231272074"
    "6f3d276578616d706c652e636f6d273e3c717565727920786d6c6e733d276a61"
    "626265723a69713a726f73746572272f3e3c2f69713e";

/* A message with a body and a presence with show, in one segment. */
static const char xmpp_two[] =
    "45000091000240004006ae3dc6120001c61200029c4114660000043600001388"
    "5018ffffde8400003c6d65737361676520746f3d27626f62406578616d706c65"
    "2e636f6d2720747970653d2763686174273e3c626f64793e48693c2f626f6479"
    "3e3c2f6d6573736167653e3c70726573656e63653e3c73686f773e617761793c"
    "2f73686f773e3c2f70726573656e63653e";

/* IPv4/TCP from 198.18.0.1:6881: a handshake (info hash 00..13, peer
 * ID -qB4250-abcdefghijkl), a bitfield fff0 and an unchoke. */
static const char bt_hs[] =
    "45000078000140004006ae57c6120001c61200021ae19c40000003e800001388"
    "5018ffffeef3000013426974546f7272656e742070726f746f636f6c00000000"
    "00100005000102030405060708090a0b0c0d0e0f101112132d7142343235302d"
    "6162636465666768696a6b6c0000000305fff00000000101";

/* A request (piece 1, begin 0x4000, length 0x4000), a piece (1, 0x4000,
 * "DATA") and a have (7). */
static const char bt_msgs[] =
    "45000053000240004006ae7bc6120001c61200021ae19c400000043800001388"
    "5018ffff5c7b00000000000d060000000100004000000040000000000d070000"
    "00010000400044415441000000050400000007";

/* IPv4/TCP 198.18.0.1:1023 -> 198.18.0.2:513: the startup NUL; the
 * user info (alice, bob, xterm/38400); data "ab" and a window size of 24
 * rows, 80 columns, 640x480 pixels. */
static const char rl_start[] =
    "45000029000140004006aea6c6120001c612000203ff0201000003e800001388"
    "5018ffff0634000000";
static const char rl_info[] =
    "4500003e000140004006ae91c6120001c612000203ff0201000003e800001388"
    "5018ffff2f600000616c69636500626f6200787465726d2f333834303000";
static const char rl_win[] =
    "45000036000140004006ae99c6120001c612000203ff0201000003e800001388"
    "5018ffff2c8900006162ffff737300180050028001e0";

/* 198.18.0.1:1022 -> 198.18.0.2:514: 1021, alice, bob, "ls -l". */
static const char rsh_open[] =
    "4500003d000140004006ae92c6120001c612000203fe0202000003e800001388"
    "5018ffffc1d100003130323100616c69636500626f62006c73202d6c00";

/* 198.18.0.2:113 -> 198.18.0.1:40000: "6193, 23 : USERID :
 * UNIX,US-ASCII : stjohns", and the query "6193, 23". */
static const char id_reply[] =
    "45000055000140004006ae7ac6120002c612000100719c4000001388000003e8"
    "5018ffff53da0000363139332c203233203a20555345524944203a20554e4958"
    "2c55532d4153434949203a2073746a6f686e730d0a";
static const char id_query[] =
    "45000032000140004006ae9dc6120001c61200029c400071000003e800001388"
    "5018ffff94b70000363139332c2032330d0a";

static char hexbuf[4096];

/* hex with the first occurrence of from replaced by to (same length). */
static const char *
patched(const char *hex, const char *from, const char *to)
{
	char *p;

	snprintf(hexbuf, sizeof(hexbuf), "%s", hex);
	p = strstr(hexbuf, from);
	assert_non_null(p);
	memcpy(p, to, strlen(to));
	return hexbuf;
}

/*
 * Decodes the raw IP packet hex as frame num of a capture (0: none; the
 * state of a conversation goes by frame numbers), its first k bytes
 * captured (0: all of them).
 */
static const struct st_packet *
decode_at(const char *hex, size_t k, uint64_t num)
{
	size_t n = hexbytes(hex);

	assert_true(k <= n);
	st_pkt_reset(&tpkt, tbuf, (uint32_t)(k > 0 ? k : n), (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_RAW);
	return &tpkt;
}

static void
test_diameter(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, dia_dwr);
	assert_chain(p, "ipv4 tcp diameter");
	assert_int_equal(fval(p, "diameter.version"), 1);
	assert_int_equal(fval(p, "diameter.length"), 132);
	assert_int_equal(fval(p, "diameter.flags"), 0x80);
	assert_int_equal(fval(p, "diameter.flags.request"), 1);
	assert_int_equal(fval(p, "diameter.flags.proxyable"), 0);
	assert_int_equal(fval(p, "diameter.cmd.code"), 280);
	assert_int_equal(fval(p, "diameter.applicationId"), 0);
	assert_int_equal(fval(p, "diameter.hopbyhopid"), 1);
	assert_int_equal(fval(p, "diameter.endtoendid"), 2);
	assert_int_equal(fval(p, "diameter.avp.code"), 264);
	assert_int_equal(fval(p, "diameter.avp.len"), 11);
	assert_int_equal(fval(p, "diameter.flags.mandatory"), 1);
	assert_string_equal(field_n(p, "diameter.Origin-Host", 0)->meaning,
	    "a.b");
	assert_int_equal(field_n(p, "diameter.Origin-Host", 0)->bits, 3 * 8);
	assert_int_equal(field_n(p, "diameter.avp.pad", 0)->bits, 8);
	assert_int_equal(field_n(p, "diameter.avp", 0)->bits, 12 * 8);
	assert_string_equal(field_n(p, "diameter.Origin-Realm", 0)->meaning,
	    "b");
	assert_int_equal(field_n(p, "diameter.avp.pad", 1)->bits, 3 * 8);
	assert_int_equal(fval(p, "diameter.Origin-State-Id"), 7);
	/* the Grouped AVP and the two inside it */
	assert_int_equal(field_n(p, "diameter.Vendor-Specific-Application-Id",
	    0)->bits, 24 * 8);
	assert_int_equal(fval(p, "diameter.Vendor-Id"), 10415);
	assert_int_equal(fval(p, "diameter.vendorId"), 10415);
	assert_int_equal(fval(p, "diameter.Auth-Application-Id"), 16777251);
	assert_int_equal(fval(p, "diameter.Host-IP-Address.addr_family"), 1);
	assert_int_equal(fval(p, "diameter.Host-IP-Address.IPv4"), 0xc0000201);
	assert_string_equal(field_n(p, "diameter.Event-Timestamp", 0)->meaning,
	    "Aug  2, 2023 21:20:00.000000000 UTC");
	/* a vendor's AVP: its vendor and its data as bytes */
	assert_int_equal(fval(p, "diameter.avp.vendorId"), 10415);
	assert_int_equal(field_n(p, "diameter.flags.vendorspecific", 8)->val,
	    1);
	assert_int_equal(field_n(p, "strata.diameter.avp.data", 0)->bits, 16);
	assert_non_null(strstr(summary_of(DLT_RAW, dia_dwr), "diameter "
	    "Device-Watchdog Request (280) flags=R--- appl=0 h2h=1 e2e=2\n"));
	sweep_prefixes(DLT_RAW, dia_dwr);

	/* two messages in one segment: a layer each */
	p = decode_hex(DLT_RAW, dia_two);
	assert_chain(p, "ipv4 tcp diameter diameter");
	assert_int_equal(fval(p, "diameter.Result-Code"), 2001);
	assert_int_equal(field_n(p, "diameter.cmd.code", 1)->val, 280);
	assert_int_equal(p->layers[3].off, 40 + 56);
	sweep_prefixes(DLT_RAW, dia_two);

	/* an answer with the request's identifiers, back the other way,
	 * names the request's frame */
	st_match_clear();
	decode_at(dia_dwr, 0, 1);
	patched(dia_dwr, "0100008480000118", "0100008400000118");
	memcpy(strstr(hexbuf, "c6120001c6120002"), "c6120002c6120001", 16);
	memcpy(strstr(hexbuf, "9c400f1c"), "0f1c9c40", 8);
	p = decode_at(hexbuf, 0, 2);
	assert_int_equal(fval(p, "diameter.flags.request"), 0);
	assert_int_equal(fval(p, "diameter.answer_to"), 1);
	assert_true(has_field(p, "diameter.resp_time"));

	/* 100 AVPs: too many fields with every flag bit, so the bits go
	 * and every AVP is shown */
	{
		char *h = hexbuf;
		unsigned i, len = 20 + 100 * 12;

		h += sprintf(h, "4500%04x", 40 + len);
		h += sprintf(h, "%.72s", dia_dwr + 8);
		h += sprintf(h, "01%06x800001180000000000000001"
		    "00000002", len);
		for (i = 0; i < 100; i++)
			h += sprintf(h, "000001164000000c%08x", i);
		p = decode_at(hexbuf, 0, 0);
		assert_int_equal(p->nspilled, 0);
		assert_int_equal(field_n(p, "diameter.Origin-State-Id", 99)->val,
		    99);
		assert_false(has_field(p, "diameter.flags.mandatory"));
		assert_true(has_note(p, "bits are not shown"));
	}

	/* cut inside the Grouped AVP: truncated */
	p = decode_at(dia_dwr, 40 + 20 + 36 + 20, 0);
	assert_int_equal(layer(p, "diameter")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "diameter.Origin-State-Id"), 7);

	/* an AVP length below its header's: malformed, as far as it goes */
	p = decode_hex(DLT_RAW, patched(dia_dwr, "4000000b612e", "40000003612e"));
	assert_int_equal(layer(p, "diameter")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "diameter.avp.len"), 3);
	assert_false(has_field(p, "diameter.Origin-Host"));
	/* an Unsigned32 of 2 bytes: shown as bytes, noted */
	p = decode_hex(DLT_RAW, patched(dia_dwr, "000001164000000c00000007",
	    "000001164000000a00070000"));
	assert_true(has_note(p, "Origin-State-Id of 2 bytes"));
	assert_false(has_field(p, "diameter.Origin-State-Id"));
	/* a message length that is no multiple of 4: not a message start,
	 * tshark's Continuation */
	p = decode_hex(DLT_RAW, patched(dia_dwr, "01000084800001",
	    "01000085800001"));
	assert_chain(p, "ipv4 tcp diameter data");
	assert_false(has_field(p, "diameter.version"));
}

static void
test_xmpp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, xmpp_iq);
	assert_chain(p, "ipv4 tcp xmpp");
	assert_int_equal(fval(p, "xmpp.out"), 1);
	assert_false(has_field(p, "xmpp.in"));
	assert_true(has_field(p, "xmpp.iq"));
	assert_string_equal(field_n(p, "xmpp.id", 0)->meaning, "r1");
	assert_string_equal(field_n(p, "xmpp.type", 0)->meaning, "get");
	assert_string_equal(field_n(p, "xmpp.to", 0)->meaning, "example.com");
	assert_int_equal(field_n(p, "xmpp.to", 0)->bits, 11 * 8);
	assert_true(has_field(p, "xmpp.query"));
	assert_string_equal(field_n(p, "xmpp.xmlns", 0)->meaning,
	    "jabber:iq:roster");
	assert_non_null(strstr(summary_of(DLT_RAW, xmpp_iq),
	    "xmpp > iq id=r1 type=get to=example.com"));
	sweep_prefixes(DLT_RAW, xmpp_iq);

	/* two stanzas: each after its direction */
	p = decode_hex(DLT_RAW, xmpp_two);
	assert_chain(p, "ipv4 tcp xmpp");
	assert_int_equal(field_n(p, "xmpp.out", 1)->val, 1);
	assert_true(has_field(p, "xmpp.message.body"));
	assert_string_equal(field_n(p, "xmpp.attribute", 0)->meaning, "Hi");
	assert_string_equal(field_n(p, "xmpp.presence.show", 0)->meaning,
	    "away");
	assert_string_equal(field_n(p, "strata.xmpp.element", 1)->meaning,
	    "presence");
	sweep_prefixes(DLT_RAW, xmpp_two);

	/* cut after the iq's start tag: what is there, truncated */
	p = decode_at(xmpp_iq, 40 + 40, 0);
	assert_int_equal(layer(p, "xmpp")->status, ST_LS_TRUNCATED);
	assert_string_equal(field_n(p, "xmpp.id", 0)->meaning, "r1");
	/* cut inside a tag: nothing to show yet */
	p = decode_at(xmpp_iq, 40 + 30, 0);
	assert_false(has_field(p, "xmpp.iq"));

	/* an attribute without its quotes: malformed */
	p = decode_hex(DLT_RAW, patched(xmpp_iq, "3d27676574", "3d20676574"));
	assert_int_equal(layer(p, "xmpp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "xmpp.iq"));
	/* an element the segment does not end: tshark waits, shows none */
	p = decode_hex(DLT_RAW, patched(xmpp_iq, "3c2f69713e", "3c2f69713f"));
	assert_chain(p, "ipv4 tcp data");
	/* white space only: a keepalive, no fields */
	p = decode_hex(DLT_RAW, "4500002b000140004006aea4c6120001c6120002"
	    "9c411466000003e8000013885018ffff317d0000200d0a");
	assert_chain(p, "ipv4 tcp xmpp");
	assert_int_equal(layer(p, "xmpp")->nfields, 0);
}

static void
test_bittorrent(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, bt_hs);
	assert_chain(p, "ipv4 tcp bittorrent bittorrent bittorrent");
	assert_int_equal(fval(p, "bittorrent.protocol.name.length"), 19);
	assert_string_equal(field_n(p, "bittorrent.protocol.name", 0)->meaning,
	    "BitTorrent protocol");
	assert_int_equal(field_n(p, "bittorrent.reserved", 0)->bits, 64);
	assert_int_equal(field_n(p, "bittorrent.info_hash", 0)->bitoff,
	    (40 + 28) * 8);
	assert_int_equal(field_n(p, "bittorrent.peer_id", 0)->bits, 160);
	assert_int_equal(fval(p, "bittorrent.msg.length"), 3);
	assert_int_equal(fval(p, "bittorrent.msg.type"), 5);
	assert_int_equal(field_n(p, "bittorrent.msg.bitfield", 0)->bits, 16);
	assert_int_equal(field_n(p, "bittorrent.msg.type", 1)->val, 1);
	assert_non_null(strstr(summary_of(DLT_RAW, bt_hs), "Bitfield, "
	    "Unchoke"));
	sweep_prefixes(DLT_RAW, bt_hs);

	p = decode_hex(DLT_RAW, bt_msgs);
	assert_chain(p, "ipv4 tcp bittorrent bittorrent bittorrent");
	assert_int_equal(fval(p, "bittorrent.piece.index"), 1);
	assert_int_equal(fval(p, "bittorrent.piece.begin"), 0x4000);
	assert_int_equal(fval(p, "bittorrent.piece.length"), 0x4000);
	assert_int_equal(field_n(p, "bittorrent.piece.data", 0)->bits, 32);
	assert_int_equal(field_n(p, "bittorrent.piece.index", 2)->val, 7);
	sweep_prefixes(DLT_RAW, bt_msgs);

	/* cut inside the request: the index, no begin, truncated */
	p = decode_at(bt_msgs, 40 + 4 + 1 + 4 + 2, 0);
	assert_int_equal(layer(p, "bittorrent")->status, ST_LS_TRUNCATED);
	assert_int_equal(fval(p, "bittorrent.piece.index"), 1);
	assert_false(has_field(p, "bittorrent.piece.begin"));
	/* a request 14 bytes long fits no request: continuation data */
	p = decode_hex(DLT_RAW, patched(bt_msgs, "0000000d06", "0000000e06"));
	assert_chain(p, "ipv4 tcp bittorrent");
	assert_int_equal(field_n(p, "bittorrent.continuous_data", 0)->bits,
	    (17 + 17 + 9) * 8);
	assert_false(has_field(p, "bittorrent.msg.type"));
	/* a handshake on another port: the heuristic */
	p = decode_hex(DLT_RAW, patched(bt_hs, "1ae19c40", "c8d59c40"));
	assert_chain(p, "ipv4 tcp bittorrent bittorrent bittorrent");
	/* ... and with its name misspelt, in a conversation the heuristic
	 * has not claimed: not BitTorrent there */
	st_expect_clear();
	patched(bt_hs, "1ae19c40", "c8d59c40");
	memcpy(strstr(hexbuf, "70726f746f636f6c") + 14, "6d", 2);
	p = decode_hex(DLT_RAW, hexbuf);
	assert_chain(p, "ipv4 tcp data");
}

static void
test_rlogin(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	p = decode_at(rl_start, 0, 1);
	assert_chain(p, "ipv4 tcp rlogin");
	assert_int_equal(fval(p, "rlogin.client_startup_flag"), 0);
	/* the next segment of the conversation holds the user info */
	p = decode_at(rl_info, 0, 2);
	assert_string_equal(field_n(p, "rlogin.client_user_name", 0)->meaning,
	    "alice");
	assert_int_equal(field_n(p, "rlogin.client_user_name", 0)->bits, 48);
	assert_string_equal(field_n(p, "rlogin.server_user_name", 0)->meaning,
	    "bob");
	assert_string_equal(field_n(p, "rlogin.terminal_type", 0)->meaning,
	    "xterm");
	assert_int_equal(fval(p, "rlogin.terminal_speed"), 38400);
	assert_non_null(strstr(summary_of(DLT_RAW, rl_info), "rlogin"));
	/* a later one that looks the same is data */
	p = decode_at(rl_info, 0, 3);
	assert_false(has_field(p, "rlogin.client_user_name"));
	assert_int_equal(field_n(p, "rlogin.data", 0)->bits, 22 * 8);
	/* in a conversation that did not start with a NUL: data */
	st_match_clear();
	p = decode_at(rl_info, 0, 4);
	assert_false(has_field(p, "rlogin.client_user_name"));
	/* data, then a window size */
	p = decode_at(rl_win, 0, 5);
	assert_int_equal(field_n(p, "rlogin.data", 0)->bits, 16);
	assert_int_equal(fval(p, "rlogin.magic_cookie"), 0xffff);
	assert_string_equal(field_n(p, "rlogin.window_size.ss", 0)->meaning,
	    "ss");
	assert_int_equal(fval(p, "rlogin.window_size.rows"), 24);
	assert_int_equal(fval(p, "rlogin.window_size.cols"), 80);
	assert_int_equal(fval(p, "rlogin.window_size.y_pixels"), 480);
	/* a window size cut short by the segment: malformed */
	p = decode_hex(DLT_RAW, patched(rl_win, "45000036", "45000034"));
	assert_int_equal(layer(p, "rlogin")->status, ST_LS_MALFORMED);
	/* cut by the capture: truncated */
	p = decode_at(rl_win, 40 + 6, 0);
	assert_int_equal(layer(p, "rlogin")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, rl_info);
	sweep_prefixes(DLT_RAW, rl_win);
}

static void
test_rsh(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	p = decode_at(rsh_open, 0, 1);
	assert_chain(p, "ipv4 tcp rsh");
	assert_string_equal(field_n(p, "rsh.stderr_port", 0)->meaning, "1021");
	assert_int_equal(field_n(p, "rsh.stderr_port", 0)->bits, 5 * 8);
	assert_string_equal(field_n(p, "rsh.client_username", 0)->meaning,
	    "alice");
	assert_string_equal(field_n(p, "rsh.server_username", 0)->meaning,
	    "bob");
	assert_string_equal(field_n(p, "rsh.command", 0)->meaning, "ls -l");
	assert_non_null(strstr(summary_of(DLT_RAW, rsh_open),
	    "rsh stderr port 1021 alice as bob: ls -l"));
	/* the next segment: a command again, as Wireshark, whose state
	 * still waits for one */
	st_match_clear();
	decode_at(rsh_open, 0, 1);
	p = decode_at(patched(rsh_open, "31303231", "6c730000"), 0, 2);
	assert_string_equal(field_n(p, "rsh.command", 0)->meaning, "ls");
	assert_false(has_field(p, "rsh.stderr_port"));
	/* and the server's NUL then is data */
	patched(rl_start, "03ff0201", "020203fe");
	memcpy(strstr(hexbuf, "c6120001c6120002"), "c6120002c6120001", 16);
	p = decode_at(hexbuf, 0, 3);
	assert_chain(p, "ipv4 tcp rsh");
	assert_int_equal(field_n(p, "rsh.server_client_data", 0)->bits, 8);
	/* no NUL at the end: data */
	st_match_clear();
	p = decode_at(patched(rsh_open, "6c73202d6c00", "6c73202d6c21"),
	    0, 1);
	assert_false(has_field(p, "rsh.stderr_port"));
	assert_int_equal(field_n(p, "rsh.client_server_data", 0)->bits,
	    21 * 8);
	/* a port of letters: data */
	st_match_clear();
	p = decode_at(patched(rsh_open, "31303231", "31783231"), 0, 1);
	assert_true(has_field(p, "rsh.client_server_data"));
	/* cut by the capture: truncated */
	st_match_clear();
	p = decode_at(rsh_open, 40 + 8, 0);
	assert_int_equal(layer(p, "rsh")->status, ST_LS_TRUNCATED);
	sweep_prefixes(DLT_RAW, rsh_open);
}

static void
test_ident(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_RAW, id_query);
	assert_chain(p, "ipv4 tcp ident");
	assert_int_equal(fval(p, "strata.ident.query.server_port"), 6193);
	assert_int_equal(fval(p, "strata.ident.query.client_port"), 23);
	p = decode_hex(DLT_RAW, id_reply);
	assert_int_equal(fval(p, "strata.ident.reply.server_port"), 6193);
	assert_string_equal(field_n(p, "strata.ident.reply.type", 0)->meaning,
	    "USERID");
	assert_string_equal(field_n(p, "strata.ident.reply.opsys",
	    0)->meaning, "UNIX");
	assert_string_equal(field_n(p, "strata.ident.reply.charset",
	    0)->meaning, "US-ASCII");
	assert_string_equal(field_n(p, "strata.ident.reply.userid",
	    0)->meaning, "stjohns");
	assert_non_null(strstr(summary_of(DLT_RAW, id_reply),
	    "ident 6193, 23 USERID UNIX stjohns"));
	sweep_prefixes(DLT_RAW, id_reply);
	sweep_prefixes(DLT_RAW, id_query);
	/* a reply type that is neither: malformed, as far as it goes */
	p = decode_hex(DLT_RAW, patched(id_reply, "555345524944", "555345524945"));
	assert_int_equal(layer(p, "ident")->status, ST_LS_MALFORMED);
	assert_true(has_field(p, "strata.ident.reply.type"));
	/* a port of six digits: malformed */
	p = decode_hex(DLT_RAW, patched(id_query, "363139332c", "363139333a"));
	assert_int_equal(layer(p, "ident")->status, ST_LS_MALFORMED);
	/* cut by the capture inside the user ID: truncated, no line end */
	p = decode_at(id_reply, 40 + 40, 0);
	assert_true(has_field(p, "strata.ident.reply.opsys"));
	assert_int_equal(layer(p, "ident")->status, ST_LS_TRUNCATED);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diameter),
		cmocka_unit_test(test_xmpp),
		cmocka_unit_test(test_bittorrent),
		cmocka_unit_test(test_rlogin),
		cmocka_unit_test(test_rsh),
		cmocka_unit_test(test_ident),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
