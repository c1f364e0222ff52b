/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: a raw IPv4 packet as recvmsg returns it to send, ping
 * and trace, through the decoders, the reply matcher and ping's classifier
 * and error words (the path FreeBSD's CVE-2022-23093 was on).
 */
#include <stddef.h>
#include <stdint.h>

#include <pcap/dlt.h>

#include "strata/craft.h"
#include "strata/decode.h"
#include "strata/net.h"
#include "strata/ping.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct st_packet sent, got;
	static struct st_spec sp;
	static uint8_t buf[512];
	static size_t n;
	static int lt;
	static const uint8_t dst[4] = { 127, 0, 0, 1 };
	struct st_spec_err err;
	struct st_echo_error e;
	uint8_t addr[16];
	unsigned ttl;
	size_t icmplen;
	uint16_t seq;

	if (n == 0) {
		st_spec_parse("ip(src=127.0.0.1,dst=127.0.0.1)/icmp(type=echo-"
		    "request,id=7,seq=1)/\"x\"", &sp, &err);
		st_build(&sp, buf, sizeof(buf), &n, &lt, &err);
	}
	st_pkt_reset(&sent, buf, (uint32_t)n, (uint32_t)n);
	st_decode(&sent, DLT_RAW);
	st_pkt_reset(&got, data, (uint32_t)size, (uint32_t)size);
	st_decode(&got, DLT_RAW);
	st_match_reply(&sent, &got);
	if (st_echo_classify(&got, 4, dst, 7, &seq, &ttl, &icmplen) !=
	    ST_ECHO_NONE)
		st_echo_error_info(&got, &e);
	st_pkt_src_addr(&got, addr);
	return 0;
}
