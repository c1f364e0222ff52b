#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Live tests of `strata send`: real raw sockets on loopback, and a network
# namespace with a veth pair (198.18.0.1 here, 198.18.0.2 there) for a host
# that answers a closed UDP port with ICMP port unreachable.  Needs root;
# skipped with the reason otherwise.
#   sh tests/live.sh STRATA
set -u
strata=${1:?usage: live.sh STRATA}
case $strata in /*) ;; *) strata=$(pwd)/$strata ;; esac
if [ "$(id -u)" -ne 0 ]; then
	echo "live: skipped: needs root (raw sockets, network namespaces)"
	exit 0
fi
pass=0 fail=0 skip=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# expect NAME PATTERN SPEC...: runs strata send, looks for PATTERN.
expect() {
	name=$1 pattern=$2
	shift 2
	"$@" >"$out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q -- "$pattern" "$out"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name (exit $rc): no '$pattern' in:"
		sed 's/^/    /' "$out" | head -30
	fi
}

expect "echo 127.0.0.1" "echo reply id 7 seq 1" "$strata" send \
    --view summary 'ip(dst=127.0.0.1)/icmp(type=echo-request,id=7,seq=1)/"hi"'
expect "echo ::1" "echo reply id 3 seq 4" "$strata" send --view summary \
    'ipv6(dst=::1,hlim=9)/icmpv6(type=echo-request,id=3,seq=4)/"hi"'
expect "udp closed port on lo" "port unreachable" "$strata" send \
    --view summary 'ip(dst=127.0.0.1)/udp(sport=40001,dport=9)/"x"'
expect "tcp syn to closed port" "\[R\.\]" "$strata" send --view summary \
    'ip(dst=127.0.0.1)/tcp(sport=40002,dport=9,flags=S)'
expect "bad checksum kept on lo" "nothing rewritten" "$strata" send \
    --timeout 0.2 --view summary \
    'ip(dst=127.0.0.1,chksum=0xdead)/icmp(type=echo-request,id=1,seq=1)'

# The reply is shown decoded, and -w keeps both directions for tshark.
w=$(mktemp --suffix=.pcap)
expect "write sent and received" "reply after" "$strata" send -w "$w" \
    --view summary 'ip(dst=127.0.0.1)/icmp(type=echo-request,id=5,seq=9)'
if command -v tshark >/dev/null 2>&1; then
	n=$(tshark -r "$w" -T fields -e icmp.type 2>/dev/null | tr '\n' ' ')
	if [ "$n" = "8 0 " ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL -w: tshark read types '$n'"; fi
fi
rm -f "$w"

# ping's iputils habits on loopback: -p announces its pattern, -f sends
# each request when the last reply is in and adds ipg/ewma, and with -w and
# -c fewer replies than the count by the deadline exits 1.
expect "ping -p" "^PATTERN: 0xff00$" "$strata" ping -c 1 -p ff00 127.0.0.1
expect "ping -I lo" "^PING 127.0.0.1 (127.0.0.1) from 127.0.0.1 lo: 56(84) bytes" \
    "$strata" ping -c 1 -I lo 127.0.0.1
expect "ping -I address" "^PING 127.0.0.2 (127.0.0.2) from 127.0.0.1 : 56(84)" \
    "$strata" ping -c 1 -I 127.0.0.1 127.0.0.2
expect "ping -f" "200 received.*, 0% packet loss" "$strata" ping -f -c 200 \
    127.0.0.1
expect "ping -f ipg/ewma" "^rtt min/avg/max/mdev = .* ms, ipg/ewma .* ms$" \
    "$strata" ping -f -c 200 127.0.0.1
"$strata" ping -c 5 -w 0.3 -i 0.2 127.0.0.1 >"$out" 2>&1
if [ $? -eq 1 ] && grep -q "packets transmitted" "$out"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL ping -c 5 -w 0.3: want exit 1"
	sed 's/^/    /' "$out"; fi

# SIGQUIT prints the running count and goes on; Ctrl-C ends with the
# statistics, exit 0 (replies came).
"$strata" ping -i 0.2 127.0.0.1 >"$out" 2>&1 &
ppid=$!
sleep 0.7
kill -QUIT $ppid
sleep 0.5
kill -INT $ppid
wait $ppid
rc=$?
if [ $rc -eq 0 ] && grep -q "[0-9]/[0-9] packets, 0% loss, min/avg/ewma/max" \
    "$out" && grep -q "packets transmitted" "$out"; then pass=$((pass + 1))
else fail=$((fail + 1)); echo "FAIL ping SIGQUIT then SIGINT (exit $rc):"
	sed 's/^/    /' "$out" | head -20; fi

# A host of our own in a network namespace, through a veth pair.
if command -v ip >/dev/null 2>&1 && ip netns add strata-live-$$ 2>/dev/null
then
	ns=strata-live-$$ h=stv$$h n=stv$$n
	ip link add "$h" type veth peer name "$n" &&
	ip link set "$n" netns "$ns" &&
	ip addr add 198.18.0.1/30 dev "$h" && ip link set "$h" up &&
	ip -n "$ns" addr add 198.18.0.2/30 dev "$n" &&
	ip -n "$ns" link set "$n" up && ip -n "$ns" link set lo up
	expect "udp closed port in a namespace" \
	    "destination unreachable (port unreachable).*198.18.0.1:40003" \
	    "$strata" send --view summary \
	    'ip(dst=198.18.0.2)/udp(sport=40003,dport=33434)/"probe"'
	expect "echo to a namespace host" "198.18.0.2 → 198.18.0.1 echo reply" \
	    "$strata" send --view summary \
	    'ip(dst=198.18.0.2)/icmp(type=echo-request,id=11,seq=1)'
	# Sent as built (a length given, and ip.id 0, which the IP_HDRINCL
	# socket would replace): on AF_PACKET through the veth, to the MAC
	# address strata found itself, and answered.  (A length alone that is
	# what the kernel writes anyway goes the ordinary way.)
	expect "as built to a namespace host" "AF_PACKET socket on $h to" \
	    "$strata" send --view summary \
	    'ip(dst=198.18.0.2,len=28,id=0)/icmp(type=echo-request,id=13,seq=1)'
	expect "as built, answered" "198.18.0.2 → 198.18.0.1 echo reply id 13" \
	    "$strata" send --view summary \
	    'ip(dst=198.18.0.2,len=28,id=0)/icmp(type=echo-request,id=13,seq=2)'
	# A bad checksum arrives bad (captured over there), and no answer.
	cap=$(mktemp --suffix=.pcap)
	ip netns exec "$ns" timeout 10 "$strata" capture -q -i "$n" -c 1 \
	    -f 'icmp' -w "$cap" >/dev/null 2>&1 &
	cpid=$!
	sleep 1
	expect "bad checksum to a namespace host" "no reply within" \
	    "$strata" send --timeout 0.5 --view summary \
	    'ip(dst=198.18.0.2,chksum=0xdead)/icmp(type=echo-request,id=13,seq=3)'
	wait $cpid
	chmod 644 "$cap"	# decode reads as nobody when started as root
	if "$strata" decode --view tree "$cap" 2>&1 |
	    grep -q "ip.checksum  *2 B  *0xdead \[bad"; then pass=$((pass + 1))
	else fail=$((fail + 1))
		echo "FAIL bad checksum did not arrive as built:"
		"$strata" decode --view tree "$cap" 2>&1 | sed 's/^/    /' |
		    head -20
	fi
	rm -f "$cap"
	ip link del "$h" 2>/dev/null
	ip netns del "$ns"
else
	skip=$((skip + 6))
	echo "live: skipped namespace tests: cannot create a network namespace"
fi
echo "live: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
