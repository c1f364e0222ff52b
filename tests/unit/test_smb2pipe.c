/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The smb2pipe family: DCE/RPC carried in SMB2 named pipes, handed on
 * through the registry (ST_KEY_PIPE) from an FSCTL_PIPE_TRANSCEIVE's
 * input and output, a WRITE request whose bytes are DCE/RPC, a READ
 * response on a pipe tree (or answered asynchronously); a READ on
 * another tree stays SMB2's, so does a READ cut by the segment's end;
 * bytes that are no DCE/RPC; offsets that lie; every shorter prefix of
 * each frame.
 */
#include <stdio.h>
#include <string.h>

#include "testutil.h"
#include "strata/match.h"

#define EPM_UUID	"0883afe11f5dc91191a408002b14a0fa"
/* A bind of context 0 to the endpoint mapper (72 bytes). */
#define BIND	"05000b03" "10000000" "4800" "0000" "01000000" "b810b810" \
	"00000000" "01000000" "0000" "0100" EPM_UUID "03000000" \
	"045d888aeb1cc9119fe808002b104860" "02000000"
/* Request call 2 opnum 3 and its response, 8 bytes of stub each (32). */
#define REQ	"05000003" "10000000" "2000" "0000" "02000000" "08000000" \
	"0000" "0300" "1111111111111111"
#define RSP	"05000203" "10000000" "2000" "0000" "02000000" "08000000" \
	"0000" "0000" "3333333333333333"
#define FID	"11111111222222223333333344444444"
#define FLAG_RESP	1u
#define FLAG_ASYNC	2u

static char hexbuf[4096];
static char smbbuf[3072];

/* The SMB2 message (header and body) in smbbuf: command cmd, header
 * flags fl, tree tid, body hex. */
static const char *
smb2(unsigned cmd, unsigned fl, unsigned tid, const char *body)
{
	snprintf(smbbuf, sizeof(smbbuf), "fe534d42" "4000" "0100" "00000000"
	    "%02x00" "0100" "%02x000000" "00000000" "0700000000000000"
	    "00000000" "%02x000000" "0900000000000000"
	    "00000000000000000000000000000000" "%s", cmd, fl, tid, body);
	return smbbuf;
}

/* 198.18.0.1:40000 -> 198.18.0.2:445 (back: the other way), NBSS
 * framing the message; the NBSS length may claim more (extra) bytes. */
static const char *
pkt(int back, const char *msg, size_t extra)
{
	size_t n = strlen(msg) / 2;
	unsigned sp = back ? 445 : 40000, dp = back ? 40000 : 445;
	const char *a = back ? "c6120002c6120001" : "c6120001c6120002";

	snprintf(hexbuf, sizeof(hexbuf), "4500%04zx0000400040060000"
	    "%s%04x%04x0000000100000001501820000000" "0000" "00%06zx%s",
	    40 + 4 + n, a, sp, dp, n + extra, msg);
	return hexbuf;
}

/* An FSCTL_PIPE_TRANSCEIVE request whose input is the n bytes data. */
static const char *
ioctl_req(const char *data)
{
	static char b[2048];

	snprintf(b, sizeof(b), "3900" "0000" "17c01100" FID "78000000"
	    "%02zx000000" "00000000" "78000000" "00000000" "b8100000"
	    "01000000" "00000000" "%s", strlen(data) / 2, data);
	return smb2(11, 0, 5, b);
}

/* Its response, the output the n bytes data. */
static const char *
ioctl_resp(const char *data)
{
	static char b[2048];

	snprintf(b, sizeof(b), "3100" "0000" "17c01100" FID "70000000"
	    "00000000" "70000000" "%02zx000000" "00000000" "00000000" "%s",
	    strlen(data) / 2, data);
	return smb2(11, FLAG_RESP, 5, b);
}

/* A READ response with flags fl, its data the n bytes data. */
static const char *
read_resp(unsigned fl, const char *data, size_t n)
{
	static char b[2048];

	snprintf(b, sizeof(b), "1100" "5000" "%08x" "00000000" "00000000"
	    "%s", (unsigned)__builtin_bswap32((uint32_t)n), data);
	return smb2(8, FLAG_RESP | fl, 5, b);
}

static int
reset(void **state)
{
	(void)state;
	st_match_clear();
	return 0;
}

static const struct st_packet *
at(uint64_t num, const char *hex)
{
	tpkt.num = num;
	tpkt.ts.tv_sec = 1;
	tpkt.ts.tv_nsec = (long)num * 1000;
	return decode_hex(DLT_RAW, hex);
}

static void
test_transceive(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	p = at(1, pkt(0, ioctl_req(BIND), 0));
	assert_chain(p, "ipv4 tcp nbss smb2 dcerpc");
	assert_int_equal(fval(p, "dcerpc.pkt_type"), 11);
	assert_int_equal(fval(p, "dcerpc.cn_call_id"), 1);
	assert_int_equal(fval(p, "smb2.ioctl.is_fsctl"), 1);
	assert_true(has_field(p, "smb2.ioctl.in"));
	ly = layer(p, "dcerpc");
	assert_int_equal(ly->off, 40 + 4 + 64 + 56);
	assert_int_equal(ly->len, 72);
	sweep_prefixes(DLT_RAW, pkt(0, ioctl_req(BIND), 0));
	/* a request and its response on the bound context pair */
	at(2, pkt(0, ioctl_req(REQ), 0));
	p = at(3, pkt(1, ioctl_resp(RSP), 0));
	assert_chain(p, "ipv4 tcp nbss smb2 dcerpc");
	assert_int_equal(fval(p, "dcerpc.pkt_type"), 2);
	assert_int_equal(fval(p, "dcerpc.request_in"), 2);
	assert_int_equal(fval(p, "dcerpc.opnum"), 3);
	assert_true(has_field(p, "smb2.ioctl.out"));
	/* a response says nothing of FSCTL, as Wireshark */
	assert_false(has_field(p, "smb2.ioctl.is_fsctl"));
	sweep_prefixes(DLT_RAW, pkt(1, ioctl_resp(RSP), 0));
}

static void
test_read(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* answered asynchronously: a pipe's */
	p = at(1, pkt(1, read_resp(FLAG_ASYNC, RSP, 32), 0));
	assert_chain(p, "ipv4 tcp nbss smb2 dcerpc");
	sweep_prefixes(DLT_RAW, pkt(1, read_resp(FLAG_ASYNC, RSP, 32), 0));
	/* on a tree not known to be a pipe's: SMB2's own bytes */
	p = at(2, pkt(1, read_resp(0, RSP, 32), 0));
	assert_chain(p, "ipv4 tcp nbss smb2");
	/* the READ goes on in the next segment: Wireshark would reassemble
	 * the pipe's message, and shows none of it here */
	p = at(3, pkt(1, read_resp(FLAG_ASYNC, BIND, 200), 200 - 72));
	assert_chain(p, "ipv4 tcp nbss smb2");
	assert_int_equal(layer(p, "smb2")->status, ST_LS_OK);
	/* a whole PDU before the READ's padding: the padding is SMB2's */
	p = at(4, pkt(1, read_resp(FLAG_ASYNC, RSP "0000", 32), 0));
	assert_chain(p, "ipv4 tcp nbss smb2 dcerpc");
	assert_int_equal(layer(p, "dcerpc")->len, 32);
	assert_int_equal(layer(p, "smb2")->len, 64 + 16 + 32 + 2);
}

static void
test_write(void **state)
{
	const struct st_packet *p;
	char b[1024];

	(void)state;
	/* a WRITE whatever the tree: DCE/RPC's test says */
	snprintf(b, sizeof(b), "3100" "7000" "48000000" "0000000000000000"
	    FID "00000000" "00000000" "0000" "0000" "00000000" BIND);
	p = at(1, pkt(0, smb2(9, 0, 6, b), 0));
	assert_chain(p, "ipv4 tcp nbss smb2 dcerpc");
	assert_int_equal(fval(p, "dcerpc.pkt_type"), 11);
	sweep_prefixes(DLT_RAW, pkt(0, smb2(9, 0, 6, b), 0));
	/* a file's bytes stay SMB2's */
	snprintf(b, sizeof(b), "3100" "7000" "08000000" "0000000000000000"
	    FID "00000000" "00000000" "0000" "0000" "00000000"
	    "0500000310000000");
	p = at(2, pkt(0, smb2(9, 0, 6, b), 0));
	assert_chain(p, "ipv4 tcp nbss smb2");
}

static void
test_not_dcerpc(void **state)
{
	const struct st_packet *p;

	(void)state;
	/* a pipe's bytes that are no DCE/RPC: data, as Wireshark */
	p = at(1, pkt(0, ioctl_req("0102030405060708090a0b0c0d0e0f10"), 0));
	assert_chain(p, "ipv4 tcp nbss smb2 data");
	/* an input that lies: it starts inside the header */
	p = at(2, pkt(0, smb2(11, 0, 5, "3900" "0000" "17c01100" FID
	    "10000000" "20000000" "00000000" "78000000" "00000000"
	    "b8100000" "01000000" "00000000" REQ), 0));
	assert_chain(p, "ipv4 tcp nbss smb2");
	/* one that runs past the message: not handed on */
	p = at(3, pkt(0, smb2(11, 0, 5, "3900" "0000" "17c01100" FID
	    "78000000" "ffff0000" "00000000" "78000000" "00000000"
	    "b8100000" "01000000" "00000000" REQ), 0));
	assert_chain(p, "ipv4 tcp nbss smb2");
	sweep_prefixes(DLT_RAW, hexbuf);
	/* another ioctl's input is not the pipe's */
	p = at(4, pkt(0, smb2(11, 0, 5, "3900" "0000" "94010600" FID
	    "78000000" "20000000" "00000000" "78000000" "00000000"
	    "b8100000" "01000000" "00000000" REQ), 0));
	assert_chain(p, "ipv4 tcp nbss smb2");
}

/* An SMB1 TransactNmPipe on \PIPE\ carrying data (hex, 32 bytes). */
#define SMB1_TRANS(data) "ff534d42" "25" "00000000" "18" "0300" "0000" \
	"0000000000000000" "0000" "0100" "0200" "0300" "0400" "10" "0000" \
	"2000" "0000" "0004" "00" "00" "0000" "00000000" "0000" "0000" \
	"4c00" "2000" "4c00" "02" "00" "2600" "0c40" "2900" \
	"5c504950455c00" "0000" data

/* Its response (MID 4 again), no setup words, the data at 56. */
#define SMB1_TRESP(data) "ff534d42" "25" "00000000" "98" "0300" "0000" \
	"0000000000000000" "0000" "0100" "0200" "0300" "0400" "0a" "0000" \
	"2000" "0000" "0000" "3800" "0000" "2000" "3800" "0000" "00" "00" \
	"2100" "00" data

/* The value of field name in layer ly (failing when it has none). */
static uint64_t
lyval(const struct st_packet *p, const struct st_layer *ly,
    const char *name)
{
	unsigned i;

	for (i = ly->field0; i < ly->field0 + ly->nfields; i++)
		if (strcmp(p->fields[i].desc->name, name) == 0)
			return p->fields[i].val;
	fail_msg("no %s in %s", name, ly->proto->name);
	return 0;
}

/* How many fields named name the packet has. */
static unsigned
nfield(const struct st_packet *p, const char *name)
{
	unsigned i, n = 0;

	for (i = 0; i < p->nfields; i++)
		n += strcmp(p->fields[i].desc->name, name) == 0;
	return n;
}

/* Whether the packet has a layer of protocol name. */
static int
haslayer(const struct st_packet *p, const char *name)
{
	unsigned i;

	for (i = 0; i < p->nlayers; i++)
		if (strcmp(p->layers[i].proto->name, name) == 0)
			return 1;
	return 0;
}

static void
test_smb1(void **state)
{
	const struct st_packet *p;
	const struct st_layer *ly;

	(void)state;
	p = at(1, pkt(0, SMB1_TRANS(REQ), 0));
	/* the setup words are the SMB Pipe Protocol's, as Wireshark */
	assert_chain(p, "ipv4 tcp nbss smb smb_pipe dcerpc");
	assert_int_equal(fval(p, "dcerpc.opnum"), 3);
	assert_int_equal(layer(p, "dcerpc")->off, 40 + 4 + 76);
	ly = layer(p, "smb_pipe");
	assert_int_equal(ly->off, 40 + 4 + 61);
	assert_int_equal(ly->hdr_len, 4);
	assert_int_equal(lyval(p, ly, "smb_pipe.function"), 0x26);
	assert_int_equal(lyval(p, ly, "smb.fid"), 0x400c);
	assert_int_equal(nfield(p, "smb.fid"), 1);
	/* the pipe's bytes are DCE/RPC's, not the transaction's data */
	assert_false(has_field(p, "smb.trans_data"));
	sweep_prefixes(DLT_RAW, pkt(0, SMB1_TRANS(REQ), 0));
	/* the response repeats the function and FID, without bytes */
	p = at(2, pkt(1, SMB1_TRESP(RSP), 0));
	assert_chain(p, "ipv4 tcp nbss smb smb_pipe dcerpc");
	assert_int_equal(fval(p, "smb.response_to"), 1);
	ly = layer(p, "smb_pipe");
	assert_int_equal(ly->hdr_len, 0);
	assert_int_equal(ly->off, 40 + 4 + 56);
	assert_int_equal(lyval(p, ly, "smb_pipe.function"), 0x26);
	assert_int_equal(lyval(p, ly, "smb.fid"), 0x400c);
	assert_int_equal(layer(p, "dcerpc")->off, 40 + 4 + 56);
	sweep_prefixes(DLT_RAW, pkt(1, SMB1_TRESP(RSP), 0));
	/* other bytes stay the transaction's */
	p = at(3, pkt(0, SMB1_TRANS("0102030405060708090a0b0c0d0e0f10"
	    "0102030405060708090a0b0c0d0e0f10"), 0));
	assert_chain(p, "ipv4 tcp nbss smb smb_pipe");
	assert_true(has_field(p, "smb.trans_data"));
}

/* WaitNamedPipe: a priority where the FID would be; cut short. */
static void
test_smb1_wait(void **state)
{
	static char b[sizeof(hexbuf)];
	const struct st_packet *p;
	const struct st_layer *ly;
	char *w;

	(void)state;
	snprintf(b, sizeof(b), "%s", pkt(0, SMB1_TRANS(REQ), 0));
	w = strstr(b, "26000c40");
	assert_non_null(w);
	memcpy(w, "53000500", 8);
	p = at(1, b);
	ly = layer(p, "smb_pipe");
	assert_int_equal(lyval(p, ly, "smb_pipe.function"), 0x53);
	assert_int_equal(lyval(p, ly, "smb_pipe.priority"), 5);
	assert_false(has_field(p, "smb.fid"));
	/* the capture ends inside the setup words: no pipe layer, and the
	 * SMB header shown as far as it goes */
	b[(40 + 4 + 62) * 2] = '\0';
	p = at(2, b);
	assert_false(haslayer(p, "smb_pipe"));
	assert_true(haslayer(p, "smb"));
	assert_false(has_field(p, "smb_pipe.function"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_transceive, reset),
		cmocka_unit_test_setup(test_read, reset),
		cmocka_unit_test_setup(test_write, reset),
		cmocka_unit_test_setup(test_not_dcerpc, reset),
		cmocka_unit_test_setup(test_smb1, reset),
		cmocka_unit_test_setup(test_smb1_wait, reset),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
