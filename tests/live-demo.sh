#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The classroom demos, run for real: each one's output must hold its
# system calls, the packets they cause (flags and lengths) and the TCP
# states in order.  Needs root (capture on lo, namespaces); skipped with
# the reason otherwise.
#   sh tests/live-demo.sh STRATA
set -u
strata=${1:?usage: live-demo.sh STRATA}
if [ "$(id -u)" -ne 0 ]; then
	echo "live-demo: skipped: needs root (capture on lo, namespaces)"
	exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
pass=0 fail=0
# expect_in_order DEMO PATTERN...: each pattern on a later line than the last.
expect_in_order() {
	name=$1
	shift
	# shellcheck disable=SC2086  # name may carry the demo's options
	NO_COLOR=1 timeout 60 "$strata" demo $name >"$out" 2>&1
	rc=$?
	line=0
	for pat in "$@"; do
		n=$(tail -n "+$((line + 1))" "$out" | grep -n -m1 -- "$pat" |
		    cut -d: -f1)
		if [ -z "$n" ]; then
			fail=$((fail + 1))
			echo "FAIL demo $name (exit $rc): no '$pat' after line $line"
			grep -E -- '──|↳|^   [0-9]' "$out" | head -40 | sed 's/^/    /'
			return
		fi
		line=$((line + n))
	done
	[ $rc -eq 0 ] && pass=$((pass + 1)) ||
	    { fail=$((fail + 1)); echo "FAIL demo $name: exit $rc"; }
}
expect_in_order tcp "server: socket(AF_INET, SOCK_STREAM, 0)" \
    "server: bind(" "server: listen(" "server socket now LISTEN" \
    "client: setsockopt(.*SO_ATTACH_FILTER" "client: .*connect(.*EINPROGRESS" \
    "\[S\] seq" "\[S\.\] seq" "client SYN_SENT, server SYN_RECEIVED" \
    "SO_DETACH_FILTER" "client: poll(.*POLLOUT) = 1 after" "\[S\.\]" \
    "\[\.\] ack 1 win" "client ESTABLISHED, server ESTABLISHED" \
    "server: accept(" "server: recv(.*blocks" "client: send(.*14 bytes) = 14" \
    "\[P\.\] .* len 14" "one data segment" \
    "server: recv(.*) = 14 bytes.*after blocking [0-9.]* s" "server: send(" \
    "\[P\.\] .* len 15" "client: recv(" "client: shutdown(.*SHUT_WR) = 0" \
    "\[F\.\]" "client FIN_WAIT_1, server CLOSE_WAIT" "\[F\.\]" \
    "client FIN_WAIT_2, server CLOSE_WAIT" "server: recv(.*) = 0" \
    "server: close(" "\[F\.\]" "client FIN_WAIT_2, server LAST_ACK" \
    "\[F\.\]" "\[\.\] ack" "client TIME_WAIT, server CLOSED" \
    "client: close(" "server: close("
# A send larger than one segment says how many segments carried it.
expect_in_order "tcp --size 60000" "client: send(.*60000 bytes) = 60000" \
    "60000 bytes left as [2-9] data segments (.* + .*; the last with PSH)" \
    "server: recv(.*) = 60000 bytes"
expect_in_order udp "client: sendto(.*) = 13" "udp .* len 13" \
    "server: recvfrom(" "server: sendto(" "udp .* len 13" "client: recv("
expect_in_order mss "TCP_MAXSEG, 536" "options \[mss 536" \
    "len 524" "len 524" "len 524" "\[P\.\] .* len 428" \
    "message bytes 1572-1999: seq 1573:2001"
expect_in_order fragment "MTU 1280" "client: sendto(.*3000 bytes" \
    "udp .* len 1248 \\[frag id 0x[0-9a-f]* off 0 MF\\]" \
    "len 1276 \\[frag id 0x[0-9a-f]* off 1256 MF\\]" \
    "len 516 \\[frag id 0x[0-9a-f]* off 2512 last\\]" \
    "3 fragments of id 0x[0-9a-f]*: #1 off 0 1256 B, #2 off 1256 1256 B, #3 off 2512 496 B = 3008 bytes" \
    "server: recv(.*) = 3000 bytes"
expect_in_order ping "echo request id 4242 seq 1" "echo reply id 4242 seq 1"
expect_in_order buffers "SO_RCVBUF" "then -1 EAGAIN" "win 0 " \
    "client send buffer SIOCOUTQ = [1-9]" "with a zero window" \
    "server: recv(.*) until empty" "win [1-9][0-9]* " \
    "client SIOCOUTQ = 0"
expect_in_order multiplex "accept(.*) = -1 EAGAIN" "epoll_create1" \
    "client: connect(" "\[S\]" "epoll_wait() = 1: fd" "accept(" \
    "send(.*message from client 3" "len 21" "epoll_wait() = 1: fd .*recv" \
    "close() x 3" "\[F\.\]" "\[F\.\]" "\[F\.\]" \
    "recv(.*) = 0 (end of stream" "server: close(" "\[F\.\]" \
    "recv(.*) = 0 (end of stream" "server: close(" "\[F\.\]" \
    "recv(.*) = 0 (end of stream" "server: close(" "\[F\.\]"
for api in poll select; do
	expect_in_order "multiplex --with $api" "$api() = 1: fd" \
	    "close() x 3" "server: close(" "server: close(" "server: close(" \
	    "\[F\.\]"
done
# --color always colours the packets' views even into a pipe.
if timeout 60 "$strata" demo --color always udp 2>&1 | grep -q "$(printf '\033')\["
then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL demo --color always"; fi
# Without the right to capture, the calls still run, and it says why.
if command -v setpriv >/dev/null 2>&1; then
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	    --bounding-set=-all "$strata" demo udp >"$out" 2>&1
	if grep -q "packets need sudo" "$out" &&
	    grep -q "server: recvfrom(" "$out"; then pass=$((pass + 1))
	else fail=$((fail + 1)); echo "FAIL demo without privilege"; fi
fi
echo "live-demo: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
