#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Peer test: packets strata builds (send --dry-run -w) read back by tshark,
# field by field and with every checksum check turned on.  Skipped with
# the reason when tshark is not installed.
#   sh tests/peer-tshark.sh STRATA
set -u
strata=${1:?usage: peer-tshark.sh STRATA}
if ! command -v tshark >/dev/null 2>&1; then
	echo "peer-tshark: skipped: tshark not installed (apt-get install tshark)"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# check SPEC FIELDS EXPECTED: tshark's fields, tab-joined, must be EXPECTED.
check() {
	spec=$1 fields=$2 want=$3
	if ! "$strata" send --dry-run -w "$tmp/p.pcap" "$spec" >/dev/null; then
		fail=$((fail + 1)); echo "FAIL build: $spec"; return
	fi
	args=""
	for f in $fields; do args="$args -e $f"; done
	# shellcheck disable=SC2086
	got=$(tshark -r "$tmp/p.pcap" -o ip.check_checksum:TRUE \
	    -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE \
	    -T fields -E separator=' ' $args 2>/dev/null)
	if [ "$got" = "$want" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		printf 'FAIL %s\n  fields %s\n  tshark %s\n  want   %s\n' \
		    "$spec" "$fields" "$got" "$want"
	fi
}
# tshark's checksum status: 1 good, 0 bad, 2 unverified.
check 'ip(dst=127.0.0.1,ttl=3,id=0x1234)/icmp(type=echo-request,id=7,seq=1)/"hello"' \
    'ip.ttl ip.id ip.len ip.checksum.status icmp.type icmp.ident icmp.seq icmp.checksum.status data.len' \
    '3 0x1234 33 1 8 7 1 1 5'
check 'ip(src=198.18.0.1,dst=198.18.0.2,tos=0xb8,df=1)/udp(sport=5353,dport=53)/hex:00010203' \
    'ip.dsfield.dscp ip.flags.df udp.srcport udp.length udp.checksum.status' \
    '46 1 5353 12 1'
check 'ip(dst=127.0.0.1)/tcp(sport=40000,dport=80,flags=S,seq=1000,mss=1460,wscale=7,sackok,ts=1:0)' \
    'tcp.flags tcp.seq_raw tcp.hdr_len tcp.options.mss_val tcp.options.wscale.shift tcp.options.timestamp.tsval tcp.checksum.status' \
    '0x0002 1000 40 1460 7 1 1'
check 'ipv6(dst=::1,hlim=9)/icmpv6(type=echo-request,id=3,seq=4)/"x"' \
    'ipv6.hlim ipv6.plen icmpv6.type icmpv6.echo.identifier icmpv6.echo.sequence_number icmpv6.checksum.status' \
    '9 9 128 0x0003 4 1'
check 'ip(dst=127.0.0.1,options=ra)/udp(dport=9)' \
    'ip.hdr_len ip.opt.type ip.checksum.status udp.checksum.status' \
    '24 148 1 1'
check 'ip(src=198.18.1.1,dst=198.18.0.1)/icmp(type=time-exceeded)/ip(src=198.18.0.1,dst=198.18.0.2,ttl=1)/udp(sport=40000,dport=33434)' \
    'icmp.type icmp.code icmp.checksum.status ip.ttl udp.dstport' \
    '11 0 1 64,1 33434'
check 'ip(dst=127.0.0.1,chksum=0xdead)/udp(dport=9,chksum=0xbeef)' \
    'ip.checksum.status udp.checksum.status' '0 0'
check 'eth(src=02:00:00:00:00:01,dst=02:00:00:00:00:02)/ip(dst=198.18.0.2)/udp(dport=7)' \
    'eth.src eth.type udp.dstport' '02:00:00:00:00:01 0x0800 7'
echo "peer-tshark: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
