/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * gss-api, spnego, spnego-krb5 and ntlmssp: an SMB2 session setup's
 * NTLMSSP NEGOTIATE and CHALLENGE inside SPNEGO, a SPNEGO answer with an
 * NTLMSSP verifier as its MIC, and an LDAP SASL buffer holding a Kerberos
 * Wrap token (frames of zeek/smb__smb3_multichannel.pcap 6, 7, 9 and
 * zeek/ldap__missing_ldap_logs.pcapng 6, values checked against tshark);
 * every prefix of each, and lying variants.
 */
#include "testutil.h"

#define SMB6 \
	"00505699edbd005056992e140800450000ceb17f40008006ef12ac1100b8ac11" \
	"00bddf0401bd7438760277d95965501820123e460000000000a2fe534d424000" \
	"01000c0000000100210010000000000000000100000000000000fffe00000000" \
	"0000000000000000000000000000000000000000000000000000190000010100" \
	"00000000000058004a003d00000c001c0000604806062b0601050502a03e303c" \
	"a00e300c060a2b06010401823702020aa22a04284e544c4d5353500001000000" \
	"978208e2000000000000000000000000000000000a00614a0000000f"

#define SMB7 \
	"005056992e1400505699edbd08004500015912eb400080068d1cac1100bdac11" \
	"00b801bddf0477d95965743876a850182013c19600000000012dfe534d424000" \
	"0100160000c00100010011000000000000000100000000000000fffe00000000" \
	"000049000010001c000000000000000000000000000000000000090000004800" \
	"e500a181e23081dfa0030a0101a10c060a2b06010401823702020aa281c90481" \
	"c64e544c4d5353500002000000160016003800000015828ae25cd4a1d6bab2a4" \
	"810000000000000000780078004e0000000a00614a0000000f53005200560032" \
	"002d00570049004e002d00460052000200160053005200560032002d00570049" \
	"004e002d00460052000100160053005200560032002d00570049004e002d0046" \
	"0052000400160073007200760032002d00770069006e002d0066007200030016" \
	"0073007200760032002d00770069006e002d0066007200070008008c8ede02f8" \
	"b8d60100000000"

#define SMB9 \
	"005056992e1400505699edbd08004500009112ec400080068de3ac1100bdac11" \
	"00b801bddf0477d95a96743878f150182011ebb3000000000065fe534d424000" \
	"0100000000000100210019000000000000000200000000000000fffe00000000" \
	"000049000010001c0000ee7bebf77e27e8478aa2a6964fcd57ab090000004800" \
	"1d00a11b3019a0030a0100a312041001000000bb4d033cb7f496f200000000"

#define LDAP6 \
	"000c293e3cb8000c292518e508004500007cc8674000800600000ac702790ac7" \
	"026fe7bf0185212f266f1022c371501820131ae4000000000050050404ff000c" \
	"000c00000000354d1c705a1b1476fdb34599826ea02830840000002e02010463" \
	"840000002504000a01000a010002010002020258010100870b6f626a65637443" \
	"6c617373308400000000"

static const struct st_packet *
dec(const char *hex)
{
	size_t n = hexbytes(hex);

	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	return &tpkt;
}

static const char *
text(const struct st_packet *p, const char *name, unsigned nth)
{
	return field_n(p, name, nth)->meaning;
}

static void
test_negotiate(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = dec(SMB6);
	assert_chain(p, "eth ipv4 tcp nbss smb2 gss-api spnego ntlmssp");
	assert_string_equal(text(p, "gss-api.OID", 0), "1.3.6.1.5.5.2");
	assert_int_equal(fval(p, "spnego.mechTypes"), 1);
	assert_string_equal(text(p, "spnego.MechType", 0),
	    "1.3.6.1.4.1.311.2.2.10");
	assert_true(has_field(p, "spnego.mechToken"));
	assert_string_equal(text(p, "ntlmssp.identifier", 0), "NTLMSSP");
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 1);
	assert_int_equal(fval(p, "ntlmssp.negotiateflags"), 0xe2088297);
	assert_int_equal(fval(p, "ntlmssp.negotiate56"), 1);
	assert_int_equal(fval(p, "ntlmssp.negotiatetargetinfo"), 0);
	assert_string_equal(text(p, "ntlmssp.negotiate.domain", 0), "NULL");
	assert_int_equal(fval(p, "ntlmssp.version.major"), 10);
	assert_int_equal(fval(p, "ntlmssp.version.build_number"), 19041);
	assert_int_equal(fval(p, "ntlmssp.version.ntlm_current_revision"),
	    15);
	assert_int_equal(layer(p, "ntlmssp")->off, 180);
}

static void
test_challenge(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = dec(SMB7);
	assert_chain(p, "eth ipv4 tcp nbss smb2 gss-api spnego ntlmssp");
	assert_false(has_field(p, "gss-api.OID"));	/* no header */
	assert_int_equal(fval(p, "spnego.negResult"), 1);
	assert_string_equal(text(p, "spnego.supportedMech", 0),
	    "1.3.6.1.4.1.311.2.2.10");
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 2);
	assert_string_equal(text(p, "ntlmssp.challenge.target_name", 0),
	    "SRV2-WIN-FR");
	assert_int_equal(fval(p, "ntlmssp.string.length"), 22);
	assert_int_equal(fval(p, "ntlmssp.string.offset"), 56);
	assert_int_equal(fval(p, "ntlmssp.challenge.target_info.length"),
	    120);
	assert_int_equal(fval(p, "ntlmssp.challenge.target_info.offset"), 78);
	assert_string_equal(text(p,
	    "ntlmssp.challenge.target_info.nb_domain_name", 0), "SRV2-WIN-FR");
	assert_string_equal(text(p,
	    "ntlmssp.challenge.target_info.dns_computer_name", 0),
	    "srv2-win-fr");
	assert_string_equal(text(p,
	    "ntlmssp.challenge.target_info.timestamp", 0),
	    "Nov 12, 2020 13:30:39.354842800 UTC");
	assert_int_equal(fval(p, "ntlmssp.challenge.target_info.item.type"),
	    2);
	assert_int_equal(fval(p, "ntlmssp.negotiateflags"), 0xe28a8215);
}

static void
test_verifier(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = dec(SMB9);
	assert_chain(p, "eth ipv4 tcp nbss smb2 gss-api spnego ntlmssp");
	assert_int_equal(fval(p, "spnego.negResult"), 0);
	assert_true(has_field(p, "spnego.mechListMIC"));
	assert_int_equal(fval(p, "ntlmssp.verf.vers"), 1);
	assert_true(has_field(p, "ntlmssp.verf.body"));
	assert_false(has_field(p, "ntlmssp.messagetype"));
}

static void
test_krb_wrap(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = dec(LDAP6);
	assert_chain(p, "eth ipv4 tcp ldap gss-api spnego-krb5");
	assert_int_equal(fval(p, "spnego.krb5.tok_id"), 0x0405);
	assert_int_equal(fval(p, "spnego.krb5.cfx_flags"), 4);
	assert_int_equal(fval(p, "spnego.krb5.acceptor_subkey"), 1);
	assert_int_equal(fval(p, "spnego.krb5.send_by_acceptor"), 0);
	assert_int_equal(fval(p, "spnego.krb5.cfx_ec"), 12);
	assert_int_equal(fval(p, "spnego.krb5.cfx_rrc"), 12);
	assert_int_equal(fval(p, "spnego.krb5.cfx_seq"), 894246000);
	assert_int_equal(field_n(p, "spnego.krb5.sgn_cksum", 0)->bits, 96);
	/* the LDAP message the token carries in clear */
	assert_int_equal(fval(p, "ldap.messageID"), 4);
}

/* Every prefix stays in its bytes and says it was cut. */
static void
test_truncated(void **state)
{
	(void)state;
	sweep_prefixes(DLT_EN10MB, SMB6);
	sweep_prefixes(DLT_EN10MB, SMB7);
	sweep_prefixes(DLT_EN10MB, SMB9);
	sweep_prefixes(DLT_EN10MB, LDAP6);
}

/* Sets byte at (of the frame in tbuf, n bytes) to v and decodes again. */
static const struct st_packet *
poke(size_t n, size_t at, uint8_t v)
{
	tbuf[at] = v;
	st_pkt_reset(&tpkt, tbuf, (uint32_t)n, (uint32_t)n);
	st_decode(&tpkt, DLT_EN10MB);
	return &tpkt;
}

static void
test_malformed(void **state)
{
	const struct st_packet *p;
	size_t n, i;

	(void)state;
	/* A broken NTLMSSP signature: the layer says so. */
	n = hexbytes(SMB6);
	p = poke(n, 181, 'X');
	assert_int_equal(layer(p, "ntlmssp")->status, ST_LS_MALFORMED);
	/* A target info offset past the message: no AV pair read. */
	n = hexbytes(SMB7);
	p = poke(n, 161 + 47, 0xff);
	assert_int_equal(layer(p, "ntlmssp")->status, ST_LS_OK);
	assert_false(has_field(p,
	    "ntlmssp.challenge.target_info.item.type"));
	/* A NegTokenResp that is a SET, not a SEQUENCE. */
	n = hexbytes(SMB7);
	p = poke(n, 133, 0x31);
	assert_int_equal(layer(p, "spnego")->status, ST_LS_MALFORMED);
	/* Every byte of the tokens set to 0xff, one at a time: no crash,
	 * every field inside the frame. */
	n = hexbytes(SMB7);
	for (i = 150; i < n; i++) {
		uint8_t old = tbuf[i];
		unsigned k;

		p = poke(n, i, 0xff);
		for (k = 0; k < p->nfields; k++)
			if (p->fields[k].bits > 0)
				assert_true((p->fields[k].bitoff +
				    p->fields[k].bits + 7) / 8 <= n);
		tbuf[i] = old;
	}
}

/* zeek/ldap__ctu-60387-63723-ldap.pcap frames 4 and 5: a SASL bind with
 * mechanism GSS-SPNEGO whose credentials are a bare NTLMSSP NEGOTIATE,
 * and the server's answer, a bare CHALLENGE in serverSaslCreds. */
#define LDAP_NTLM_REQ	"080027d007300800275e9aa60800450000794c22400080062a35c0a801" \
	"6bc0a8016cebe3018510d269709564e91050180100d13a000030840000" \
	"004b020200976084000000410201030400a38400000036040a4753532d" \
	"53504e45474f04284e544c4d5353500001000000978208e20000000000" \
	"00000000000000000000000601b11d0000000f"
#define LDAP_NTLM_RESP	"0800275e9aa6080027d0073008004500014345d3400080062fbac0a801" \
	"6cc0a8016b0185ebe39564e91010d269c1501801007e0a000030840000" \
	"01150202009761840000010b0a010e04000400878201004e544c4d5353" \
	"5000020000001200120038000000158289e2f2fd7e3d7bf640ba000000" \
	"0000000000b600b6004a000000060380250000000f5300540052004100" \
	"54004f004c004100420002001200530054005200410054004f004c0041" \
	"00420001001800530054005200410054004f004c00410042002d004400" \
	"430004001a00530074007200610074006f004c00610062002e006f0072" \
	"00670003003400530074007200610074006f006c00610062002d004400" \
	"43002e00530074007200610074006f004c00610062002e006f00720067" \
	"0005001a00530074007200610074006f004c00610062002e006f007200" \
	"6700070008009f7e67303946d90100000000"

/* A bind's credentials go through gss-api, which hands the bare NTLMSSP
 * message on; the answer's go straight to NTLMSSP (as Wireshark's). */
static void
test_ldap_bare_ntlmssp(void **state)
{
	const struct st_packet *p;

	(void)state;
	p = decode_hex(DLT_EN10MB, LDAP_NTLM_REQ);
	assert_chain(p, "eth ipv4 tcp ldap gss-api ntlmssp");
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 1);
	assert_int_equal(fval(p, "ntlmssp.negotiateflags"), 0xe2088297);
	p = decode_hex(DLT_EN10MB, LDAP_NTLM_RESP);
	assert_chain(p, "eth ipv4 tcp ldap ntlmssp");
	assert_int_equal(fval(p, "ntlmssp.messagetype"), 2);
	sweep_prefixes(DLT_EN10MB, LDAP_NTLM_REQ);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negotiate),
		cmocka_unit_test(test_challenge),
		cmocka_unit_test(test_verifier),
		cmocka_unit_test(test_krb_wrap),
		cmocka_unit_test(test_ldap_bare_ntlmssp),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_malformed),
	};

	st_decode_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
