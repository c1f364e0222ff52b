#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The progress bar of a long decode, on a terminal made by script(1):
# drawn on stderr (bytes against the file's size, packets per second) and
# wiped at the end; absent with -q, with stderr not a terminal, and when
# the output goes to the terminal too.  STRATA_PROGRESS_AFTER=0 draws it
# from the first packets, so nothing here depends on speed.
#   sh tests/progress.sh STRATA
set -u
strata=$(cd "$(dirname "${1:?usage: progress.sh STRATA}")" && pwd)/$(basename "$1")
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
if ! command -v script >/dev/null 2>&1; then
	echo "progress: skipped: script(1) (bsdutils) not installed"
	exit 0
fi
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
# 5000 copies of a bundled packet: enough for the bar's ticks.
python3 - "$(dirname "$0")/../captures/udp.pcap" "$tmp/big.pcap" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
hdr, rec = d[:24], d[24:]
n = int.from_bytes(rec[8:12], "little")
one = rec[:16 + n]
open(sys.argv[2], "wb").write(hdr + one * 5000)
PY
chmod 644 "$tmp/big.pcap"
run() { STRATA_PROGRESS_AFTER=0 script -qec "$1" /dev/null </dev/null |
    tr '\r' '\n' >"$tmp/tty"; }
run "'$strata' decode '$tmp/big.pcap' >/dev/null"
grep -q '^\[[#.]*\] *[0-9]*%  .* packets/s  ' "$tmp/tty" &&
    tail -c 20 "$tmp/tty" | grep -q "$(printf '\033\\[K')" && ok ||
    bad "no bar, or not wiped: $(head -c 300 "$tmp/tty")"
run "'$strata' decode -q '$tmp/big.pcap' >/dev/null"
grep -q 'packets/s' "$tmp/tty" && bad "a bar with -q" || ok
run "'$strata' decode '$tmp/big.pcap' >/dev/null 2>'$tmp/err'"
grep -q 'packets/s' "$tmp/err" "$tmp/tty" && bad "a bar with stderr not a terminal" || ok
run "'$strata' decode -c 3000 '$tmp/big.pcap'"
grep -q 'packets/s' "$tmp/tty" && bad "a bar over the packets on the terminal" || ok
echo "progress: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
