#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# strata capture beside tcpdump on the same loopback (in a network
# namespace of its own, stvoice-cap-PID): a ping flood of 20,000 and a bulk
# TCP transfer, at the default snapshot length, strata writing a file and
# showing the summary, tcpdump writing a file.  One line per load:
#   LOAD: tcpdump C captured D dropped; strata C captured D dropped
# Exits 1 when strata's kernel drops anything where tcpdump's drops nothing,
# or captures fewer packets.  With STRATA_SANITIZED=1 (make sanitize: the
# binary runs several times slower under ASan) those two speed comparisons
# are left out and only the honesty checks stay: every packet captured is
# shown, and drops are said as they happen.  STRATA_SPEED=0 (make test,
# through live-capture.sh) leaves them out too: speed is measured by make
# bench, never by a test.  The flood is iputils ping's where it is
# installed, strata's own otherwise.  Root only (used by live-capture.sh
# and bench).
#   sh tests/capture-side.sh STRATA
set -u
strata=${1:?usage: capture-side.sh STRATA}
case $strata in /*) ;; *) strata=$(pwd)/$strata ;; esac
ns=stvoice-cap-$$
tmp=$(mktemp -d)
chmod 755 "$tmp"
cleanup() { ip netns del "$ns" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM
ip netns add "$ns" && ip netns exec "$ns" ip link set lo up || exit 1
in_ns() { ip netns exec "$ns" "$@"; }
# stat FILE WORD: the number before "packets WORD" in a statistics file.
stat() { awk -v w="$2" '$2 ~ /^packets?$/ && $3 == w { print $1 }' "$1"; }
if command -v ping >/dev/null 2>&1; then pinger=ping; else pinger="$strata ping"; fi
flood() { in_ns $pinger -f -c 20000 -q 127.0.0.1 >/dev/null; }
bulk() {
	in_ns python3 -c '
import socket, threading
s = socket.socket(); s.bind(("127.0.0.1", 7777)); s.listen(1)
def drain():
    c, _ = s.accept()
    while c.recv(1 << 20):
        pass
t = threading.Thread(target=drain); t.start()
c = socket.create_connection(("127.0.0.1", 7777))
b = b"x" * (1 << 20)
for i in range(400):
    c.sendall(b)
c.close(); t.join()'
}
bad=0
for load in flood bulk; do
	ip netns exec "$ns" tcpdump -i lo -w "$tmp/t.pcap" >/dev/null \
	    2>"$tmp/t.err" &
	td=$!
	ip netns exec "$ns" "$strata" capture -i lo -w "$tmp/s.pcap" --view summary \
	    >"$tmp/s.out" 2>"$tmp/s.err" &
	st=$!
	sleep 1.5
	$load
	sleep 1
	kill -TERM $td $st
	wait $td $st
	tc=$(stat "$tmp/t.err" captured) td_=$(stat "$tmp/t.err" dropped)
	sc=$(stat "$tmp/s.err" captured) sd=$(stat "$tmp/s.err" dropped)
	shown=$(wc -l <"$tmp/s.out")
	echo "$load: tcpdump ${tc:-?} captured ${td_:-?} dropped; strata" \
	    "${sc:-?} captured ${sd:-?} dropped, ${shown} shown"
	slow=0
	if [ "${STRATA_SANITIZED:-0}" != 1 ] && [ "${STRATA_SPEED:-1}" != 0 ] &&
	    [ -n "$tc" ] && [ -n "$sc" ] &&
	    [ -n "$sd" ] && { { [ "$td_" = 0 ] && [ "$sd" != 0 ]; } ||
	    [ "$sc" -lt "$tc" ]; }; then
		slow=1
	fi
	if [ -z "$tc" ] || [ -z "$sc" ] || [ -z "$sd" ] || [ $slow = 1 ] ||
	    [ "$shown" -ne "$sc" ] || { [ "$sd" != 0 ] &&
	    ! grep -q "^strata: capture: the kernel dropped .* so far" \
	    "$tmp/s.err"; }; then
		bad=1
		cat "$tmp/s.err"
	fi
done
if [ "${STRATA_SANITIZED:-0}" = 1 ]; then
	echo "capture-side: sanitized build, counts beside tcpdump not compared"
elif [ "${STRATA_SPEED:-1}" = 0 ]; then
	echo "capture-side: counts beside tcpdump not compared (make bench does)"
fi
exit $bad
