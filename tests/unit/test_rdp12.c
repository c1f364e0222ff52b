/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * RDP's fast-path PDUs (src/proto/rdpfp.c) and the encrypted data of a
 * slow-path PDU (src/proto/rdp.c), from frames built after [MS-RDPBCGR]
 * and checked against tshark 4.0: an MCS Connect-Initial carrying the
 * client's data ("Duca"), after which fast-path PDUs to the server are
 * input (every kind of event), those from it output (updates, one
 * compressed); without it, output once a TPKT was seen, else input to
 * port 3389.  Every shorter prefix is decoded without a read past it and
 * marked truncated; events and updates that run past the PDU are
 * malformed.  TPKT takes a version 3 for a header whatever its reserved
 * byte; COTP leaves as data the TPDUs Wireshark does not take for COTP.
 * VNC (src/proto/rfb.c): after a list of security types cut short, the
 * next message of either side is read as a list, as tshark reads it.
 * MS-RDPEUDP2 (src/proto/rdpudp.c) after a SYN+ACK that says version 3:
 * bytes 0 and 7 swapped back, every section, TLS after the data.
 */
#include "testutil.h"

#include "strata/match.h"

/* 198.18.0.1:49206 -> 198.18.0.2:3389 and back; generated with the
 * builder of captures/make-rdp.py. */
#define CI \
	"0200000000020200000000010800450000b3000140004006ae1cc6120001c612" \
	"0002c0360d3d000003e8000000015018ffff1b4f00000300008b02f0807f6581" \
	"800401010401010101ff301a0201220201030201000201010201000201010203" \
	"00fff8020102301a020122020103020100020101020100020101020300fff802" \
	"0102301a020122020103020100020101020100020101020300fff80201020421" \
	"000500147c000119000800100001c000447563610c01c00c0004000800000400" \
	"03"
#define FPIN \
	"020000000002020000000001080045000043000140004006ae8cc6120001c612" \
	"0002c0360d3d00000473000000015018ffffcf490000181b011e200008100020" \
	"004001803000400065814100c078563412"
#define FPIN2 \
	"02000000000202000000000108004500002d000140004006aea2c6120001c612" \
	"0002c0360d3d0000048e000000015018ffffaf37000000050260a0"
#define FPCUT \
	"020000000002020000000001080045000030000140004006ae9fc6120001c612" \
	"0002c0360d3d00000493000000015018ffff255d00000408200008100020"
#define FPENC \
	"020000000002020000000001080045000034000140004006ae9bc6120001c612" \
	"0002c0360d3d0000049b000000015018fffffdcb0000c40ca0a1a2a3a4a5a6a7" \
	"011e"
#define FPOUT \
	"020000000002020000000001080045000039000140004006ae96c6120002c612" \
	"00010d3dc036000003e8000000015018ffff58e10000001103000085210200ab" \
	"cd100300010203"
#define FPOUTBAD \
	"02000000000202000000000108004500002e000140004006aea1c6120002c612" \
	"00010d3dc036000003f9000000015018ffff502c0000000601ff0000"
#define ENC \
	"020000000002020000000001080045000046000140004006ae89c6120002c612" \
	"00010d3dc036000003ff000000015018ffffbcfe00000300001e02f080680001" \
	"03eb701008080203a0a1a2a3a4a5a6a700010203"
/* IPv4 (DLT_RAW) and TCP to port p (4 hex digits) from 40000. */
#define IPH	"450000000000400040060000" "c6120001c6120002"
#define TCPT	"00000001" "00000001" "5018" "2000" "0000" "0000"
#define TO(p)	IPH "9c40" p TCPT
/* Bytes of a message cut across segments that start with a 3: a TPKT
 * header with reserved 0x29, then no COTP (a DR of cause 0xea). */
#define MIDDLE	"0200000000020200000000010800" TO("0d3d") "0329904c" \
	"9f8adc26e6c6eadf3ac628b9"
#define MID_TPKT	54	/* where TPKT starts in it */

/* VNC, 198.18.0.2:5900 -> .1:46381 and back: each side's version, the
 * count of security types alone, a whole list, the viewer's choice, a
 * 16-byte challenge, the 4-byte result. */
#define V_SVER \
	"020000000002020000000001080045000034000140004006aea4c6120002c612" \
	"0001170cb52d000003e9000000015018ffff417c0000524642203030332e3030" \
	"380a"
#define V_CVER \
	"020000000002020000000001080045000034000140004006aea6c6120001c612" \
	"0002b52d170c000003e8000000015018ffff51810000524642203030332e3030" \
	"380a"
#define V_CNT \
	"020000000002020000000001080045000029000140004006aea6c6120002c612" \
	"0001170cb52d000003e8000000015018ffff5181000002"
#define V_TYPES \
	"02000000000202000000000108004500002b000140004006aea4c6120002c612" \
	"0001170cb52d000003e9000000015018ffff417c0000020210"
#define V_CHOICE \
	"020000000002020000000001080045000029000140004006aea6c6120001c612" \
	"0002b52d170c000003e8000000015018ffff5181000002"
#define V_CHAL \
	"020000000002020000000001080045000038000140004006ae97c6120002c612" \
	"0001170cb52d000003ec000000015018fffff4ce0000435414aa5735603f719e" \
	"3bab73fd2de5"
#define V_RESULT \
	"02000000000202000000000108004500002c000140004006aea3c6120002c612" \
	"0001170cb52d000003fc000000015018ffff5369000000000001"

/* UDP 198.18.0.1:50000 <-> .2:3389: SYN and SYN+ACK with SYNEX version
 * 0x101 (their zero padding left out), then MS-RDPEUDP2 datagrams: ack
 * (2 delayed acks), overhead, delayed-ack info, ack of acks, data with
 * a TLS record; an ack vector with a time stamp and three coded acks;
 * dummy data; 5 bytes; an ack whose 15 delayed acks are not there. */
#define U_SYNLEN	1274
#define U_SYN \
	"0200000000020200000000010800450004ec000100004011e9d8c6120001c612" \
	"0002c3500d3d04d8f1f6ffffffff004018011122334404d004d0010203040506" \
	"0708090a0b0c0d0e0f100000000000000000000000000000000000010101"
#define U_SYNACK \
	"0200000000020200000000010800450004ec000100004011e9d8c6120002c612" \
	"00010d3dc35004d86d4c11223344004010055566778804d004d000010101"
#define U2_DATA \
	"02000000000202000000000108004500003c000100004011ee88c6120001c612" \
	"0002c3500d3d0028e5e00055c16400030100053207090a01f401640065000200" \
	"17030300050102030405"
#define U2_VEC \
	"020000000002020000000001080045000029000100004011ee9bc6120002c612" \
	"00010d3dc350001543490208c07000830100030415c583"
#define U2_DUMMY \
	"020000000002020000000001080045000035000100004011ee8fc6120001c612" \
	"0002c3500d3d0021e27b0004c066000000100000000000000000000000000000" \
	"000000"
#define U2_SHORT \
	"020000000002020000000001080045000021000100004011eea3c6120001c612" \
	"0002c3500d3d000d9a180102030405"
#define U2_ACKCUT \
	"020000000002020000000001080045000026000100004011ee9ec6120001c612" \
	"0002c3500d3d0012dc9c0001c06400030100050f"
#define U2_UDP		42	/* where MS-RDPEUDP2 starts */

#define FP_RDP		54	/* where a fast-path PDU starts */
#define ENC_RDP		68	/* where ENC's security header starts */
#define CI_DUCA		176	/* where CI's "Duca" key starts */

/* Decodes hex as frame num of one capture. */
static const struct st_packet *
frame(uint64_t num, const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	tpkt.num = num;
	st_decode(&tpkt, DLT_EN10MB);
	return &tpkt;
}

/* Decodes hex cut to its first k bytes as frame num. */
static const struct st_packet *
cut_at(const char *hex, size_t k, uint64_t num)
{
	static struct st_packet p;
	static uint8_t b[256];
	size_t n = hexbytes(hex);

	assert_true(k <= sizeof(b) && k <= n);
	memcpy(b, tbuf, k);
	st_pkt_reset(&p, b, (uint32_t)k, (uint32_t)n);
	p.num = num;
	st_decode(&p, DLT_EN10MB);
	return &p;
}

/* The same as frame 0. */
static const struct st_packet *
cut(const char *hex, size_t k)
{
	return cut_at(hex, k, 0);
}

/* How many fields named name the packet has. */
static unsigned
count(const struct st_packet *p, const char *name)
{
	unsigned i, n = 0;

	for (i = 0; i < p->nfields; i++)
		if (strcmp(p->fields[i].desc->name, name) == 0)
			n++;
	return n;
}

static void
test_fp_input(void **state)
{
	static const unsigned codes[] = { 0, 1, 2, 3, 4, 6 };
	const struct st_packet *p;
	unsigned i;

	(void)state;
	st_match_clear();
	p = frame(1, CI);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125");
	assert_int_equal(fval(p, "t125.ConnectMCSPDU"), 101);

	p = frame(2, FPIN);
	assert_chain(p, "eth ipv4 tcp tpkt rdp");
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 6);
	assert_false(has_field(p, "rdp.fastpath.reserved"));
	assert_int_equal(fval(p, "rdp.fastpathPDULength"), 27);
	assert_int_equal(count(p, "rdp.fastpath.eventheader"), 6);
	for (i = 0; i < 6; i++)
		assert_int_equal(field_n(p, "rdp.fastpath.clienteventcode",
		    i)->val, codes[i]);
	assert_int_equal(fval(p, "rdp.fastpath.scancode.release"), 1);
	assert_int_equal(fval(p, "rdp.fastpath.scancode.extended"), 0);
	assert_int_equal(fval(p, "rdp.fastpath.scancode.keycode"), 0x1e);
	assert_int_equal(fval(p, "rdp.pointerflags"), 0x0800);
	assert_int_equal(fval(p, "rdp.pointerflags.move"), 1);
	assert_int_equal(fval(p, "rdp.pointerflags.down"), 0);
	assert_int_equal(fval(p, "rdp.pointerflags.wheelrotation"), 0);
	assert_int_equal(fval(p, "rdp.pointer.xpos"), 16);
	assert_int_equal(fval(p, "rdp.pointer.ypos"), 32);
	assert_int_equal(fval(p, "rdp.pointerxflags"), 0x8001);
	assert_int_equal(fval(p, "rdp.pointerxflags.down"), 1);
	assert_int_equal(fval(p, "rdp.pointerxflags.button1"), 1);
	assert_int_equal(fval(p, "rdp.pointerxflags.button2"), 0);
	assert_int_equal(fval(p, "rdp.pointerx.xpos"), 48);
	assert_int_equal(fval(p, "rdp.pointerx.ypos"), 64);
	assert_int_equal(fval(p, "rdp.fastpath.sync.scrolllock"), 1);
	assert_int_equal(fval(p, "rdp.fastpath.sync.numlock"), 0);
	assert_int_equal(fval(p, "rdp.fastpath.sync.capslock"), 1);
	assert_int_equal(fval(p, "rdp.fastpath.sync.kanalock"), 0);
	assert_int_equal(fval(p, "rdp.fastpath.unicode.release"), 1);
	assert_int_equal(fval(p, "rdp.fastpath.unicode.code"), 0x41);
	assert_int_equal(fval(p, "rdp.fastpath.qoe.timestamp"), 0x12345678);
	/* the flags of mouse, extended mouse and QoE events alone */
	assert_int_equal(count(p, "rdp.fastpath.eventflags"), 3);
	assert_non_null(strstr(summary_of(DLT_EN10MB, FPIN), "rdp fast-path "
	    "6 events Scancode,Mouse,MouseEx,Sync,Unicode,QoE timestamp "
	    "len 27"));

	/* numEvents 0: a byte says 2; an event of code 5 is passed over */
	p = frame(3, FPIN2);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 0);
	assert_int_equal(fval(p, "rdp.fastpath.numevents2"), 2);
	assert_int_equal(count(p, "rdp.fastpath.eventheader"), 1);
	assert_int_equal(fval(p, "rdp.fastpath.eventheader"), 0x60);

	/* encrypted: the signature, then the event as if it were clear */
	p = frame(4, FPENC);
	assert_int_equal(fval(p, "rdp.fastpath.flags"), 3);
	assert_true(has_field(p, "rdp.dataSignature"));
	assert_int_equal(fval(p, "rdp.fastpath.scancode.keycode"), 0x1e);
	assert_non_null(strstr(summary_of(DLT_EN10MB, FPENC),
	    "rdp fast-path 1 event Scancode encrypted len 12"));

	sweep_trunc("rdp", FP_RDP + 4, FPIN, 0);
	sweep_trunc("rdp", FP_RDP + 4, FPIN2, 0);
	sweep_trunc("rdp", FP_RDP + 4, FPENC, 0);
}

static void
test_fp_output(void **state)
{
	static const unsigned codes[] = { 3, 5, 0 }, frag[] = { 0, 0, 1 },
	    comp[] = { 0, 2, 0 }, size[] = { 0, 2, 3 };
	const struct st_packet *p;
	unsigned i;

	(void)state;
	st_match_clear();
	p = frame(1, FPOUT);
	assert_chain(p, "eth ipv4 tcp tpkt rdp");
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rdp.fastpath.reserved"), 0);
	assert_false(has_field(p, "rdp.fastpath.numevents"));
	for (i = 0; i < 3; i++) {
		assert_int_equal(field_n(p, "rdp.fastpath.clienteventcode",
		    i)->val, codes[i]);
		assert_int_equal(field_n(p, "rdp.fastpath.serverfragmentation",
		    i)->val, frag[i]);
		assert_int_equal(field_n(p, "rdp.fastpath.servercompression",
		    i)->val, comp[i]);
		assert_int_equal(field_n(p, "rdp.fastpath.server.size",
		    i)->val, size[i]);
	}
	assert_int_equal(count(p, "rdp.fastpath.server.compressiontype"), 1);
	assert_int_equal(fval(p, "rdp.fastpath.server.compressiontype"),
	    0x21);
	assert_int_equal(fval(p,
	    "rdp.fastpath.server.compressionflags.compressed"), 1);
	assert_int_equal(fval(p,
	    "rdp.fastpath.server.compressionflags.atfront"), 0);
	assert_int_equal(fval(p, "rdp.fastpath.server.compressionflags"), 1);
	assert_non_null(strstr(summary_of(DLT_EN10MB, FPOUT), "rdp fast-path "
	    "output Synchronize,Pointer null,Orders len 17"));
	sweep_trunc("rdp", FP_RDP + 4, FPOUT, 0);
}

static void
test_fp_malformed(void **state)
{
	char hex[sizeof(FPIN)];
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	/* a mouse event of 7 bytes in a PDU that has 6 left */
	p = frame(1, FPCUT);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 1);
	assert_false(has_field(p, "rdp.fastpath.eventheader"));
	sweep_prefixes(DLT_EN10MB, FPCUT);
	/* an update of 255 bytes in a PDU of 6 */
	p = frame(2, FPOUTBAD);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "rdp.fastpath.clienteventcode"));
	sweep_prefixes(DLT_EN10MB, FPOUTBAD);
	/* two bytes are no fast-path PDU (Wireshark asks for three) */
	p = decode_hex(DLT_RAW, TO("0d3d") "0002");
	assert_chain(p, "ipv4 tcp tpkt");
	assert_true(has_field(p, "tpkt.continuation_data"));
	p = decode_hex(DLT_RAW, TO("0d3d") "000300");
	assert_chain(p, "ipv4 tcp tpkt rdp");
	assert_int_equal(fval(p, "rdp.fastpath.numevents2"), 0);
	/* seven events said where six are */
	memcpy(hex, FPIN, sizeof(FPIN));
	hex[2 * FP_RDP] = '1';
	hex[2 * FP_RDP + 1] = 'c';
	p = frame(3, hex);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_MALFORMED);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 7);
	assert_int_equal(count(p, "rdp.fastpath.eventheader"), 6);
}

static void
test_fp_direction(void **state)
{
	char hex[sizeof(CI)];
	const struct st_packet *p;

	(void)state;
	/* No TPKT before: input when it goes to port 3389. */
	st_match_clear();
	p = frame(1, FPIN);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 6);
	/* A TPKT before, no client data: output, as Wireshark reads it. */
	p = frame(2, ENC);
	p = frame(3, FPIN);
	assert_int_equal(fval(p, "rdp.fastpath.reserved"), 6);
	assert_false(has_field(p, "rdp.fastpath.eventheader"));
	assert_non_null(strstr(summary_of(DLT_EN10MB, FPIN), "output"));
	/* A Connect-Initial whose user data is not RDP's: the same. */
	memcpy(hex, CI, sizeof(CI));
	hex[2 * CI_DUCA + 7] = '2';	/* "Ducb" */
	p = frame(4, hex);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125");
	p = frame(5, FPIN);
	assert_true(has_field(p, "rdp.fastpath.reserved"));
	/* The client's data: to its destination, input; back, output. */
	p = frame(6, CI);
	p = frame(7, FPIN);
	assert_int_equal(fval(p, "rdp.fastpath.numevents"), 6);
	p = frame(8, FPOUT);
	assert_true(has_field(p, "rdp.fastpath.reserved"));
	assert_int_equal(count(p, "rdp.fastpath.server.size"), 3);
	/* A new capture forgets it. */
	st_match_clear();
	p = frame(1, FPOUT);
	assert_true(has_field(p, "rdp.fastpath.reserved"));
}

static void
test_encrypted_data(void **state)
{
	const struct st_packet *p;
	const struct st_field *f;

	(void)state;
	st_match_clear();
	p = frame(1, ENC);
	assert_chain(p, "eth ipv4 tcp tpkt cotp t125 rdp data");
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rdp.flags.encrypt"), 1);
	assert_true(has_field(p, "rdp.dataSignature"));
	f = field_n(p, "rdp.encryptedData", 0);
	assert_string_equal(f->meaning, "");
	assert_int_equal(f->bitoff, (ENC_RDP + 12) * 8);
	assert_int_equal(f->bits, 4 * 8);
	sweep_prefixes(DLT_EN10MB, ENC);
	/* the signature cut: truncated, no encrypted data said */
	p = cut(ENC, ENC_RDP + 8);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_TRUNCATED);
	assert_false(has_field(p, "rdp.encryptedData"));
	/* the signature whole, the data cut: said from there */
	p = cut(ENC, ENC_RDP + 13);
	assert_int_equal(last_layer(p, "rdp")->status, ST_LS_OK);
	assert_int_equal(field_n(p, "rdp.encryptedData", 0)->bits, 8);
}

static void
test_tpkt_not_cotp(void **state)
{
	static const struct {
		const char *tpdu;
		const char *chain;
	} cases[] = {
		{ "05f080000000", "ipv4 tcp tpkt data" },	/* DT, LI 5 */
		{ "04f0000080", "ipv4 tcp tpkt cotp" },	/* DT, LI 4 */
		{ "0870000009000000", "ipv4 tcp tpkt data" },	/* ER, LI 8,
								   cause 9 */
		{ "0470000002", "ipv4 tcp tpkt cotp" },	/* ER, cause 2 */
		{ "0a70000002000000000000", "ipv4 tcp tpkt data" },/* LI 10 */
		{ "06e00000000050", "ipv4 tcp tpkt data" },	/* CR, class 5 */
		{ "06e00000000000", "ipv4 tcp tpkt cotp" },	/* class 0 */
		{ "0410000005", "ipv4 tcp tpkt data" },	/* ED, no EOT */
		{ "0410000085", "ipv4 tcp tpkt cotp" },
		{ "06800000000180", "ipv4 tcp tpkt cotp" },	/* DR, cause
								   128 */
		{ "0550000000000000", "ipv4 tcp tpkt data" },	/* RJ, LI 5 */
		{ "0ac000000000000000000000", "ipv4 tcp tpkt data" },/* DC */
		{ "0820000000000000c3", "ipv4 tcp tpkt data" },/* EA, no
								   checksum */
	};
	char hex[256];
	const struct st_packet *p;
	size_t i;

	(void)state;
	st_match_clear();
	p = decode_hex(DLT_EN10MB, MIDDLE);
	assert_chain(p, "eth ipv4 tcp tpkt data");
	assert_int_equal(last_layer(p, "tpkt")->status, ST_LS_OK);
	assert_int_equal(fval(p, "tpkt.version"), 3);
	assert_int_equal(fval(p, "tpkt.reserved"), 0x29);
	assert_int_equal(fval(p, "tpkt.length"), 0x904c);
	sweep_prefixes(DLT_EN10MB, MIDDLE);
	for (i = MID_TPKT + 1; i < MID_TPKT + 4; i++)	/* the header cut */
		assert_int_equal(last_layer(cut(MIDDLE, i), "tpkt")->status,
		    ST_LS_TRUNCATED);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(hex, sizeof(hex), "%s0300%04zx%s", TO("0066"),
		    4 + strlen(cases[i].tpdu) / 2, cases[i].tpdu);
		p = decode_hex(DLT_RAW, hex);
		assert_chain(p, cases[i].chain);
		sweep_prefixes(DLT_RAW, hex);
	}
	/* A TPKT length below a header and a TPDU, whatever reserved says */
	p = decode_hex(DLT_RAW, TO("0066") "0329" "0005" "02f080");
	assert_int_equal(layer(p, "tpkt")->status, ST_LS_MALFORMED);
}

static void
test_vnc_pending(void **state)
{
	const struct st_packet *p;

	(void)state;
	st_match_clear();
	frame(1, V_SVER);
	p = frame(2, V_CVER);
	assert_string_equal(field_n(p, "vnc.client_proto_ver", 0)->meaning,
	    "003.008");
	/* The count alone: cut short, the list is still expected, so the
	 * viewer's byte is read as a list too (the handshake goes by the
	 * packets' order, as Wireshark's does) ... */
	p = frame(3, V_CNT);
	assert_int_equal(fval(p, "vnc.num_security_types"), 2);
	assert_false(has_field(p, "vnc.security_type"));
	assert_int_equal(layer(p, "vnc")->status, ST_LS_TRUNCATED);
	p = frame(4, V_CHOICE);
	assert_int_equal(fval(p, "vnc.num_security_types"), 2);
	assert_false(has_field(p, "vnc.client_security_type"));
	/* ... until a list is whole; then the choice, the challenge. */
	p = frame(5, V_TYPES);
	assert_int_equal(count(p, "vnc.security_type"), 2);
	assert_int_equal(layer(p, "vnc")->status, ST_LS_OK);
	p = frame(6, V_CHOICE);
	assert_int_equal(fval(p, "vnc.client_security_type"), 2);
	p = frame(7, V_CHAL);
	assert_int_equal(field_n(p, "vnc.auth_challenge", 0)->bits, 128);
	assert_non_null(strstr(summary_of(DLT_EN10MB, V_CHAL),
	    "vnc auth challenge"));
	/* The response expected next: the server's 4 bytes are one, cut. */
	p = frame(8, V_RESULT);
	assert_int_equal(layer(p, "vnc")->status, ST_LS_TRUNCATED);
	assert_true(has_field(p, "vnc.auth_response"));
	sweep_prefixes(DLT_EN10MB, V_CHAL);
	sweep_prefixes(DLT_EN10MB, V_TYPES);
	/* A new capture forgets it: a conversation met in its middle is an
	 * empty layer, as tshark shows it. */
	st_match_clear();
	p = frame(1, V_CHOICE);
	assert_chain(p, "eth ipv4 tcp vnc");
	assert_false(has_field(p, "vnc.client_security_type"));
}

/* hex, zero-padded to a frame of n bytes. */
static const char *
padded(const char *hex, size_t n)
{
	static char buf[2 * U_SYNLEN + 1];

	assert_true(n <= U_SYNLEN && strlen(hex) <= 2 * n);
	memset(buf, '0', 2 * n);
	memcpy(buf, hex, strlen(hex));
	buf[2 * n] = '\0';
	return buf;
}

static void
test_rdpudp2(void **state)
{
	static const unsigned modes[] = { 0, 1, 1 };
	const struct st_packet *p;
	unsigned i;

	(void)state;
	st_match_clear();
	p = frame(1, padded(U_SYN, U_SYNLEN));
	assert_int_equal(fval(p, "rdpudp.synex.version"), 0x101);
	/* Before the server's answer: version 1, and not a consistent one. */
	p = frame(2, U2_DATA);
	assert_null(last_layer(p, "rdpudp"));
	p = frame(3, padded(U_SYNACK, U_SYNLEN));
	assert_int_equal(fval(p, "rdpudp.flags.ack"), 1);

	p = frame(4, U2_DATA);
	assert_chain(p, "eth ipv4 udp rdpudp tls");
	assert_int_equal(last_layer(p, "rdpudp")->status, ST_LS_OK);
	assert_int_equal(fval(p, "rdpudp2.prefixbyte"), 0);
	assert_int_equal(fval(p, "rdpudp2.flags"), 0x155);
	assert_int_equal(fval(p, "rdpudp2.flags.ack"), 1);
	assert_int_equal(fval(p, "rdpudp2.flags.ackvec"), 0);
	assert_int_equal(fval(p, "rdpudp2.logWindow"), 12);
	assert_int_equal(fval(p, "rdpudp2.ack.seqnum"), 0x64);
	assert_int_equal(fval(p, "rdpudp2.ack.ts"), 259);
	assert_int_equal(fval(p, "rdpudp2.ack.sendTimeGap"), 5);
	assert_int_equal(fval(p, "rdpudp2.ack.numDelayedAcks"), 2);
	assert_int_equal(fval(p, "rdpudp2.ack.delayedTimeScale"), 3);
	assert_int_equal(fval(p, "rdpudp2.overheadsize"), 10);
	assert_int_equal(fval(p, "rdpudp2.delayackinfo.max"), 1);
	assert_int_equal(fval(p, "rdpudp2.delayackinfo.timeout"), 500);
	assert_int_equal(fval(p, "rdpudp2.ackofacksseqnum"), 0x64);
	assert_int_equal(fval(p, "rdpudp2.data.seqnum"), 0x65);
	assert_int_equal(fval(p, "rdpudp2.data.channelseqnumber"), 2);
	/* the prefix byte is the eighth on the wire */
	assert_int_equal(field_n(p, "rdpudp2.prefixbyte", 0)->bitoff,
	    (U2_UDP + 7) * 8);
	assert_non_null(strstr(summary_of(DLT_EN10MB, U2_DATA), "rdpudp2 "
	    "ACK,OVERHEAD,DELAYACK,AOA,DATA seq 0x0065 tls"));

	p = frame(5, U2_VEC);
	assert_chain(p, "eth ipv4 udp rdpudp");
	assert_int_equal(fval(p, "rdpudp2.ackvec.baseseqnum"), 0x70);
	assert_int_equal(fval(p, "rdpudp2.ackvec.codedackvecsize"), 3);
	assert_int_equal(fval(p, "rdpudp2.ackvec.havets"), 1);
	assert_int_equal(fval(p, "rdpudp2.ackvec.timestamp"), 0x030201);
	assert_int_equal(fval(p, "rdpudp2.ackvec.sendacktimegap"), 4);
	for (i = 0; i < 3; i++)
		assert_int_equal(field_n(p, "rdpudp2.ackvec.codecAckMode",
		    i)->val, modes[i]);
	assert_int_equal(field_n(p, "rdpudp2.ackvec.codecAckRleState",
	    0)->val, 1);
	assert_int_equal(field_n(p, "rdpudp2.ackvec.codecAckRleLen", 0)->val,
	    5);
	assert_int_equal(field_n(p, "rdpudp2.ackvec.codecAckRleLen", 1)->val,
	    3);

	p = frame(6, U2_DUMMY);
	assert_chain(p, "eth ipv4 udp rdpudp");
	assert_int_equal(fval(p, "rdpudp2.packetType"), 8);
	assert_false(has_field(p, "rdpudp2.data.channelseqnumber"));
	assert_non_null(strstr(summary_of(DLT_EN10MB, U2_DUMMY),
	    "rdpudp2 DUMMY seq 0x0066"));

	/* malformed: fewer than the 8 bytes the swap needs; delayed acks
	 * said and not there */
	p = frame(7, U2_SHORT);
	assert_int_equal(last_layer(p, "rdpudp")->status, ST_LS_MALFORMED);
	assert_false(has_field(p, "rdpudp2.prefixbyte"));
	p = frame(8, U2_ACKCUT);
	assert_int_equal(last_layer(p, "rdpudp")->status, ST_LS_MALFORMED);
	assert_true(has_field(p, "rdpudp2.flags"));
	assert_false(has_field(p, "rdpudp2.ack.seqnum"));

	/* truncated: every cut inside the sections */
	for (i = U2_UDP + 1; i < U2_UDP + 22; i++) {
		p = cut_at(U2_DATA, i, 9);
		assert_non_null(last_layer(p, "rdpudp"));
		assert_int_equal(last_layer(p, "rdpudp")->status,
		    ST_LS_TRUNCATED);
	}
	sweep_prefixes(DLT_EN10MB, U2_DATA);
	sweep_prefixes(DLT_EN10MB, U2_VEC);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fp_input),
		cmocka_unit_test(test_fp_output),
		cmocka_unit_test(test_fp_malformed),
		cmocka_unit_test(test_fp_direction),
		cmocka_unit_test(test_encrypted_data),
		cmocka_unit_test(test_tpkt_not_cotp),
		cmocka_unit_test(test_vnc_pending),
		cmocka_unit_test(test_rdpudp2),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
