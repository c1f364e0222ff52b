#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# ping, trace and send in the cases a user meets (issue 18), each against
# iputils ping, traceroute and tracepath run on the same topology: client
# (198.18.1.2) - router (198.18.1.1 / 198.18.2.1) - server (198.18.2.2),
# with a 1400-byte MTU on the router's link to the server.  Needs root and
# iproute2; skipped with the reason otherwise.
#   sh tests/live-ping.sh STRATA
set -u
. "$(dirname "$0")/netns-path.sh"
strata=${1:?usage: live-ping.sh STRATA}
case $strata in /*) ;; *) strata=$(pwd)/$strata ;; esac
if [ "$(id -u)" -ne 0 ]; then
	echo "live-ping: skipped: needs root (network namespaces)"
	exit 0
fi
if ! command -v ip >/dev/null 2>&1; then
	echo "live-ping: skipped: iproute2 not installed"
	exit 0
fi
s=$$
C=stpingc$s R=stpingr$s S=stpings$s
out=$(mktemp) ref=$(mktemp)
cleanup() {
	ip netns del "$C" 2>/dev/null
	ip netns del "$R" 2>/dev/null
	ip netns del "$S" 2>/dev/null
	rm -f "$out" "$ref"
}
trap cleanup EXIT
if ! ip netns add "$C" 2>/dev/null; then
	echo "live-ping: skipped: cannot create network namespaces here"
	exit 0
fi
netns_path 1400 || {
	echo "live-ping: FAIL: could not build the namespaces"; exit 1; }

pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() {
	fail=$((fail + 1)); echo "FAIL $1"
	echo "  strata:"; sed 's/^/    /' "$out" | head -20
	echo "  reference:"; sed 's/^/    /' "$ref" | head -20
}
# Times differ from run to run; everything else must not.
norm() {
	sed -e 's|^[^ ]*/ping: |ping: |' -e 's/time=[0-9.]* ms/time=T ms/' \
	    -e 's/time [0-9]*ms/time Tms/' \
	    -e 's|^rtt min/avg/max/mdev = .*|rtt|' \
	    -e 's/  [0-9.]* ms/  T ms/g' "$1"
}
# in NS CMD...: runs CMD in namespace NS, stdout into $out (stderr after
# it); sets rc.
run_in() {
	ns=$1; shift
	timeout 30 ip netns exec "$ns" "$@" >"$out" 2>"$out.err"; rc=$?
	cat "$out.err" >>"$out"; rm -f "$out.err"
}
has() { grep -q -- "$1" "$out"; }
# same NAME: strata's normalized output ($out) against the reference's.
same() {
	a=$(norm "$out") b=$(norm "$ref")
	if [ -n "$a" ] && [ "$a" = "$b" ]; then ok; else bad "$1"; fi
}
# both NS ARGS...: iputils ping into $ref (and its exit into refrc), then
# strata ping with the same arguments into $out (rc).
both() {
	ns=$1; shift
	ip -n "$ns" route flush cache	# each starts not knowing the MTU
	run_in "$ns" $as $ping "$@"; mv "$out" "$ref"; refrc=$rc
	ip -n "$ns" route flush cache
	run_in "$ns" $as "$strata" ping "$@"
}
as="" ping=ping
# cmp_ping NAME ARGS...: both, then the same exit and normalized output.
cmp_ping() {
	name=$1; shift
	both "$C" "$@"
	if [ $rc -eq $refrc ]; then same "$name"
	else bad "$name (exit $rc, iputils $refrc)"; fi
}

# Against iputils ping, where it is installed.
if command -v ping >/dev/null 2>&1; then
	# -w: no request at the deadline; as many sent as iputils, none lost.
	both "$C" -w 2 -i 0.5 198.18.2.2
	if [ $rc -eq $refrc ] && has "^4 packets transmitted, 4 received, 0% packet loss"
	then same "ping -w 2"; else bad "ping -w 2 (exit $rc, iputils $refrc)"; fi
	both "$C" -w 1 -c 5 198.18.2.2
	if [ $rc -eq $refrc ]; then same "ping -w 1 -c 5"
	else bad "ping -w 1 -c 5 (exit $rc, iputils $refrc)"; fi
	# -w and an error: iputils stops at the first one.
	both "$C" -w 3 -t 1 198.18.2.2
	if [ $rc -eq $refrc ]; then same "ping -w 3 -t 1"
	else bad "ping -w 3 -t 1 (exit $rc, iputils $refrc)"; fi
	# No rtt line: a blank line in its place; flood: no extra blank line.
	both "$C" -c 2 -i 0.2 -t 1 -W 1 198.18.2.2
	if [ $rc -eq $refrc ]; then same "ping with errors only"
	else bad "ping with errors only (exit $rc, iputils $refrc)"; fi
	both "$C" -f -c 3 -t 1 -W 1 198.18.2.2
	if [ $rc -eq $refrc ]; then same "ping -f with errors only"
	else bad "ping -f with errors only (exit $rc, iputils $refrc)"; fi
	both "$C" -f -c 50 198.18.2.2
	if [ $rc -eq $refrc ] && [ "$(norm "$out" | sed 's/ipg.*//')" = \
	    "$(norm "$ref" | sed 's/ipg.*//')" ]; then ok; else bad "ping -f"; fi

	# Over the path MTU (1400 past the router): fragments by default and with
	# -M dont; -M do: the router's "frag needed" once, then the local error
	# with the MTU the kernel (or the router) told, each counted an error.
	cmp_ping "ping -s 2000" -c 2 -i 0.2 -W 1 -s 2000 198.18.2.2
	cmp_ping "ping -s 1400 (-M want)" -c 3 -i 0.2 -W 1 -s 1400 198.18.2.2
	cmp_ping "ping -M dont -s 3000" -c 2 -i 0.2 -W 1 -M dont -s 3000 198.18.2.2
	cmp_ping "ping -M do -s 2000" -c 3 -i 0.2 -W 1 -M do -s 2000 198.18.2.2
	cmp_ping "ping -M do -s 1400" -c 3 -i 0.2 -W 1 -M do -s 1400 198.18.2.2

	# -R: the recorded route as iputils prints it, then "(same route)".
	cmp_ping "ping -R" -c 2 -i 0.2 -R 198.18.2.2
	cmp_ping "ping -R 127.0.0.1" -c 2 -i 0.2 -R 127.0.0.1

	# Without raw sockets: the kernel's ping socket, which fragments itself.
	if command -v setpriv >/dev/null 2>&1; then
		ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
		as="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
		# A copy of iputils ping without its file capability (which an
		# empty bounding set refuses to exec), so it too takes the ping socket.
		tmpd=$(mktemp -d) && chmod 755 "$tmpd" && cp "$(command -v ping)" "$tmpd/ping"
		ping=$tmpd/ping
		both "$C" -c 2 -i 0.2 -W 1 -s 2000 198.18.2.2
		grep -v "kernel's ping socket" "$out" >"$out.x"; mv "$out.x" "$out"
		if [ $rc -eq $refrc ]; then same "unprivileged ping -s 2000"
		else bad "unprivileged ping -s 2000 (exit $rc, iputils $refrc)"; fi
		both "$C" -c 2 -i 0.2 -W 1 -M do -s 2000 198.18.2.2
		grep -v "kernel's ping socket" "$out" >"$out.x"; mv "$out.x" "$out"
		if [ $rc -eq $refrc ]; then same "unprivileged ping -M do -s 2000"
		else bad "unprivileged ping -M do -s 2000 (exit $rc, iputils $refrc)"; fi
		both "$C" -c 2 -i 0.2 -R 198.18.2.2
		grep -v "kernel's ping socket" "$out" >"$out.x"; mv "$out.x" "$out"
		if [ $rc -eq $refrc ]; then same "unprivileged ping -R"
		else bad "unprivileged ping -R (exit $rc, iputils $refrc)"; fi
		as="" ping=ping
		rm -rf "$tmpd"
		ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="1 0"
	else
		skip=$((skip + 3))
		echo "live-ping: skipped unprivileged ping: no setpriv"
	fi
else
	skip=$((skip + 16))
	echo "live-ping: skipped ping against iputils: not installed (apt-get install iputils-ping)"
fi

# trace against traceroute -n: the options as traceroute spells them.
# cmp_trace NAME ARGS...: both with ARGS, same exit, same lines.
cmp_trace() {
	name=$1; shift
	run_in "$C" $as traceroute -n "$@" 198.18.2.2; mv "$out" "$ref"
	refrc=$rc
	run_in "$C" $as "$strata" trace "$@" 198.18.2.2
	grep -v "^strata: trace: no raw socket" "$out" >"$out.x"
	if [ -n "$as" ] && ! grep -q "^strata: trace: no raw socket.*UDP probes" \
	    "$out"; then bad "$name: the method not said"; return; fi
	mv "$out.x" "$out"
	if [ $rc -eq $refrc ]; then same "$name"
	else bad "$name (exit $rc, traceroute $refrc)"; fi
}
if command -v traceroute >/dev/null 2>&1; then
	cmp_trace "trace" -w 1 -q 2
	cmp_trace "trace -f -m -p" -w 1 -q 2 -f 2 -m 3 -p 33500
	cmp_trace "trace -I" -w 1 -q 2 -I
	cmp_trace "trace -T" -w 1 -q 1 -T
	cmp_trace "trace -T -p 22" -w 1 -q 2 -T -p 22
	if command -v setpriv >/dev/null 2>&1; then
		as="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
		cmp_trace "unprivileged trace" -w 1 -q 2
		cmp_trace "unprivileged trace -p" -w 1 -q 1 -p 40000
		run_in "$C" $as "$strata" trace -I -w 1 198.18.2.2
		if [ $rc -eq 2 ] && has "UDP probes, the default, need no privilege"
		then ok; else bad "unprivileged trace -I"; fi
		as=""
	else
		skip=$((skip + 3))
	fi
else
	skip=$((skip + 8))
	echo "live-ping: skipped trace against traceroute: not installed"
fi

# trace --pmtu against tracepath: the same MTUs in the same order, the same
# end, as root and as nobody, first not knowing the MTU, then knowing it.
cmp_pmtu() {
	name=$1
	ip -n "$C" route flush cache
	run_in "$C" $as tracepath -n 198.18.2.2; mv "$out" "$ref"
	ip -n "$C" route flush cache
	run_in "$C" $as "$strata" trace --pmtu -w 1 -q 1 198.18.2.2
	a=$(grep -o 'pmtu [0-9]*' "$out" | tr '\n' ' ')
	b=$(grep -o 'pmtu [0-9]*' "$ref" | tr '\n' ' ')
	ra=$(grep -o 'Resume: pmtu [0-9]* hops [0-9]*' "$out")
	rb=$(grep -o 'Resume: pmtu [0-9]* hops [0-9]*' "$ref")
	if [ $rc -eq 0 ] && [ "$a" = "$b" ] && [ -n "$ra" ] && [ "$ra" = "$rb" ] &&
	    has "^ 2  198.18.2.2  .* pmtu 1400"; then ok; else bad "$name"; fi
}
if command -v tracepath >/dev/null 2>&1; then
	cmp_pmtu "trace --pmtu"
	if command -v setpriv >/dev/null 2>&1; then
		as="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
		cmp_pmtu "unprivileged trace --pmtu"
		as=""
	fi
else
	skip=$((skip + 2))
	echo "live-ping: skipped trace --pmtu: no tracepath"
fi

# send: each case checked on its own words.
# sends NAME PATTERN ARGS...: strata send in the client's namespace.
sends() {
	name=$1 pat=$2; shift 2
	run_in "$C" "$strata" send --timeout 0.5 --view summary "$@"
	: >"$ref"
	if has "$pat"; then ok; else bad "$name: no '$pat'"; fi
}
# A length set to what it is anyway goes the ordinary way: answered on lo.
sends "as built, right length, to 127.0.0.1" "^as predicted: an echo reply" \
    'ip(dst=127.0.0.1,len=28)/icmp(type=echo-request,id=1,seq=1)'
# A frame on lo: the kernel drops it as a martian; said before sending.
sends "eth() -I lo: why no answer" "^note: no answer can come on this host: .*martian destination.*route_localnet=0.*network namespace" \
    -I lo 'eth()/ip(dst=127.0.0.1)/icmp(type=echo-request,id=1,seq=2)'
if has "firewall"; then bad "eth() -I lo: blames a firewall"; else ok; fi
# Where the kernel allows it, it is answered.
ip netns exec "$C" sysctl -qw net.ipv4.conf.lo.route_localnet=1 \
    net.ipv4.conf.lo.accept_local=1
sends "eth() -I lo, lo allowed" "^as predicted: an echo reply" \
    -I lo 'eth()/ip(dst=127.0.0.1)/icmp(type=echo-request,id=1,seq=3)'
sends "bad length through lo, lo allowed" "via AF_PACKET socket through lo" \
    'ip(dst=127.0.0.1,len=40)/icmp(type=echo-request,id=1,seq=4)/"x"'
ip netns exec "$C" sysctl -qw net.ipv4.conf.lo.route_localnet=0 \
    net.ipv4.conf.lo.accept_local=0
# One clock, one numbering: "reply after", the time column, the file.
w=$(mktemp --suffix=.pcap); chmod 666 "$w"
sends "-w: the reply numbered 2" "^ *2  0.000" -w "$w" \
    'ip(dst=198.18.2.2)/icmp(type=echo-request,id=5,seq=9)'
if command -v tshark >/dev/null 2>&1; then
	after=$(sed -n 's/^reply after \([0-9.]*\) ms:$/\1/p' "$out")
	col=$(awk '$1 == 2 { print $2 }' "$out")
	file=$(tshark -r "$w" -T fields -e frame.number -e frame.time_relative \
	    2>/dev/null | awk '$1 == 2 { printf "%.6f", $2 }')
	a=$(awk -v a="$after" 'BEGIN { printf "%.6f", a / 1000 }')
	if [ -n "$after" ] && [ "$a" = "$col" ] && [ "$col" = "$file" ]; then ok
	else bad "one clock: after $after ms, column $col, file $file"; fi
fi
rm -f "$w"
# -c steps the echo sequence, and the UDP source port, as hping3.
sends "-c steps icmp.seq" "echo reply id 1 seq 2 " -c 3 -i 0.1 \
    'ip(dst=198.18.2.2)/icmp(type=echo-request,id=1)'
sends "-c steps udp.sport" "quoting ipv4 › udp  198.18.1.2:54 → " -c 2 -i 0.1 \
    'ip(dst=198.18.2.2)/udp(dport=9)'
sends "-c keeps a set seq" "sent 28 bytes (2 of 2)" -c 2 -i 0.1 \
    'ip(dst=198.18.2.2)/icmp(type=echo-request,id=1,seq=7)'
if [ "$(grep -c 'echo reply id 1 seq 7 ' "$out")" -eq 2 ]; then ok
else bad "-c keeps a set seq: two replies with seq 7"; fi
# A spoofed source: the answer goes there.
sends "spoofed source" "^expect: nothing here: the source 198.19.0.7 is not this host's, so the answer .* goes to 198.19.0.7$" \
    'ip(dst=198.18.2.2,src=198.19.0.7)/udp(dport=9)'
# Over the MTU: the MTU said, and what to do.
big=$(mktemp); head -c 3000 /dev/zero >"$big"; chmod 644 "$big"
sends "over the MTU" "Message too long: the packet is 3028 bytes, over the MTU of [0-9]* on its way" \
    "ip(dst=198.18.2.2)/udp(dport=9)/@$big"
rm -f "$big"

echo "live-ping: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
