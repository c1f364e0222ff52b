#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Live capture on lo: -c, -f and -w write exactly what tshark reads back,
# pcap and pcapng; the tcpdump-style statistics; the privilege message.
# Needs root; skipped with the reason otherwise.
#   sh tests/live-capture.sh STRATA
set -u
strata=${1:?usage: live-capture.sh STRATA}
if [ "$(id -u)" -ne 0 ]; then
	echo "live-capture: skipped: needs root (capture on lo)"
	exit 0
fi
tmp=$(mktemp -d)
chmod 755 "$tmp"	# strata reads as nobody when started as root
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
for fmt in pcap pcapng; do
	ng=""
	[ $fmt = pcapng ] && ng=--pcapng
	timeout 20 "$strata" capture -c 4 -f 'icmp and host 127.0.0.1' \
	    -w "$tmp/c.$fmt" $ng --view summary >"$tmp/out" 2>"$tmp/err" &
	cap=$!
	sleep 1
	"$strata" ping -c 2 -i 0.2 -q 127.0.0.1 >/dev/null
	"$strata" send --view summary 'ip(dst=127.0.0.1)/udp(dport=9)/"x"' \
	    >/dev/null 2>&1
	wait $cap
	rc=$?
	if [ $rc -eq 0 ] && [ "$(grep -c 'echo re' "$tmp/out")" -eq 4 ] &&
	    grep -q "^4 packets captured$" "$tmp/err" &&
	    grep -q "packets received by filter$" "$tmp/err" &&
	    grep -q "packets dropped by kernel$" "$tmp/err"; then ok
	else bad "capture -c 4 -f icmp ($fmt)"; cat "$tmp/err"; fi
	if command -v tshark >/dev/null 2>&1; then
		got=$(tshark -r "$tmp/c.$fmt" -T fields -e icmp.type 2>/dev/null |
		    tr '\n' ' ')
		[ "$got" = "8 0 8 0 " ] && ok || bad "tshark reads $fmt: '$got'"
	fi
	got=$("$strata" decode "$tmp/c.$fmt" | grep -c 'echo re')
	[ "$got" -eq 4 ] && ok || bad "strata reads its own $fmt: $got"
done
# -q: only the running count, on stderr.
timeout 20 "$strata" capture -q -c 2 -f 'icmp and host 127.0.0.1' \
    >"$tmp/out" 2>"$tmp/err" &
cap=$!
sleep 1
"$strata" ping -c 1 -q 127.0.0.1 >/dev/null
wait $cap
[ ! -s "$tmp/out" ] && tr '\r' '\n' <"$tmp/err" | grep -q "^2 packets$" && ok ||
    bad "capture -q: $(cat -v "$tmp/err")"
# --duration ends a quiet capture; the count is 0.
timeout 20 "$strata" capture --duration 1 -f 'udp port 9' >/dev/null \
    2>"$tmp/err" && grep -q "^0 packets captured$" "$tmp/err" && ok ||
    bad "capture --duration"
# Without privilege: one line with the fix, then the doctor, exit 1.
if command -v setpriv >/dev/null 2>&1; then
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	    --bounding-set=-all "$strata" capture -c 1 >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 1 ] && head -1 "$tmp/err" | grep -q "^strata: capture: .*setcap cap_net_raw" &&
	    grep -q "^strata doctor: what this host lets uid 65534" "$tmp/err" &&
	    grep -q "capture on lo  *no" "$tmp/err" && ok ||
	    bad "no privilege ($rc)"
fi
# A full disk: one line saying so, exit 1, and the file cut after its last
# whole packet (a small tmpfs).
mkdir "$tmp/full"
if mount -t tmpfs -o size=256k stvoice-full "$tmp/full"; then
	timeout 30 "$strata" capture -f 'icmp and host 127.0.0.1' \
	    -w "$tmp/full/f.pcap" >/dev/null 2>"$tmp/err" &
	cap=$!
	sleep 1
	"$strata" ping -f -c 3000 -s 1000 -q 127.0.0.1 >/dev/null
	wait $cap
	rc=$?
	[ $rc -eq 1 ] && [ "$(grep -c '^strata:' "$tmp/err")" -eq 1 ] &&
	    grep -q "^strata: capture: .*f.pcap: No space left on device$" \
	    "$tmp/err" && ok || bad "full disk: rc $rc: $(cat "$tmp/err")"
	n=$("$strata" decode "$tmp/full/f.pcap" 2>"$tmp/err2" | wc -l)
	[ $? -eq 0 ] && [ ! -s "$tmp/err2" ] && [ "$n" -gt 100 ] && ok ||
	    bad "full disk: what was written reads back ($n: $(cat "$tmp/err2"))"
	if command -v tshark >/dev/null 2>&1; then
		tshark -r "$tmp/full/f.pcap" >/dev/null 2>"$tmp/err2" &&
		    ! grep -v "Running as user" "$tmp/err2" | grep -q . &&
		    ok ||
		    bad "full disk: tshark: $(cat "$tmp/err2")"
	fi
	umount "$tmp/full"
fi
# -q with stderr not a terminal: no carriage returns, only the total.
timeout 20 "$strata" capture -q -c 2 -f 'icmp and host 127.0.0.1' \
    >/dev/null 2>"$tmp/err" &
cap=$!
sleep 1
"$strata" ping -c 1 -q 127.0.0.1 >/dev/null
wait $cap
! grep -q "$(printf '\r')" "$tmp/err" && grep -q "^2 packets$" "$tmp/err" &&
    ok || bad "capture -q into a log: $(cat -v "$tmp/err")"
# Beside tcpdump: a ping flood and a bulk transfer, every packet captured
# shown and the drops said as they happen (how many each captures is
# speed, compared by make bench).
if command -v tcpdump >/dev/null 2>&1; then
	STRATA_SPEED=0 sh "$(dirname "$0")/capture-side.sh" "$strata" && ok ||
	    bad "beside tcpdump"
else
	echo "live-capture: skipped beside tcpdump: not installed (apt-get install tcpdump)"
fi
"$strata" capture -D | grep -q "^[0-9]*\.lo " && ok || bad "capture -D"
echo "live-capture: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
