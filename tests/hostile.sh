#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Hostile inputs.  The corpus is made fresh by tests/hostile/make-hostile.py
# (packets built to break decoders, each followed by a good one; files whose
# headers and records lie); tests/hostile/EXPECT says what each must give.
# For every input and every view: exit 0 or 1 (never a signal), no
# sanitizer report, errors one line each, no terminal escape from the wire
# in the output, the bad packet marked, and the good packet after it decoded
# in full.  Then every capture this project has, and every bundled capture
# cut at many snapshot lengths, through every view.
#   sh tests/hostile.sh STRATA
set -u
strata=${1:?usage: hostile.sh STRATA}
dir=$(dirname "$0")
tmp=$(mktemp -d)
chmod 755 "$tmp"	# strata reads as nobody when started as root
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
bad() { fail=$((fail + 1)); echo "FAIL $1"; head -5 "$tmp/err" | sed 's/^/    /'; }
# run FILE: every view, into $tmp/out and $tmp/err; sets rc.
run() {
	"$strata" decode --view summary,tree,hex,json,ek,diagram,bits,ledger,checksum,quote,stats \
	    --color never "$1" >"$tmp/out" 2>"$tmp/err"
	rc=$?
}
sane() {	# sane NAME: the checks every input must pass
	if [ "$rc" -gt 1 ]; then bad "$1: exit $rc"; return 1; fi
	if grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
		bad "$1: sanitizer report"; return 1; fi
	if grep -v '^strata: ' "$tmp/err" | grep -q .; then
		bad "$1: stderr lines without 'strata: '"; return 1; fi
	if grep -q "$(printf '\033')" "$tmp/out"; then
		bad "$1: a raw escape byte reached the output"; return 1; fi
	return 0
}
python3 "$dir/hostile/make-hostile.py" "$tmp/corpus" || exit 1
while read -r f want good mark; do
	run "$tmp/corpus/$f"
	sane "$f" || continue
	if [ "$want" != any ] && [ "$rc" -ne "$want" ]; then
		bad "$f: exit $rc, want $want"; continue; fi
	if [ "$good" = good ] &&
	    ! "$strata" decode --view json "$tmp/corpus/$f" 2>/dev/null |
	    tail -1 | grep -q '"udp.dstport":9,.*"data.data":"5354524154412d4f4b"'
	then bad "$f: the good packet after it is not decoded in full"
		continue; fi
	if [ "$good" = goodfirst ] &&
	    ! "$strata" decode --view json "$tmp/corpus/$f" 2>/dev/null |
	    grep -q '"udp.dstport":9,.*"data.data":"5354524154412d4f4b"'
	then bad "$f: the good packet before the damage is not shown"
		continue; fi
	if [ "$mark" = marked ] &&
	    ! "$strata" decode --view json "$tmp/corpus/$f" 2>/dev/null |
	    head -1 | grep -qE '"status":|"notes":\["'; then
		bad "$f: the bad packet is not marked"; continue; fi
	pass=$((pass + 1))
done < "$tmp/corpus/EXPECT"
for f in "$dir"/../captures/*.pcap "$dir"/../../shared/corpus/*.pcap \
    "$dir"/../../shared/corpus/*.pcapng; do
	[ -f "$f" ] || continue
	run "$f"
	sane "$f" && pass=$((pass + 1))
done
# Every bundled capture cut at many snapshot lengths (tshark's editcap).
if command -v editcap >/dev/null 2>&1; then
	for f in "$dir"/../captures/*.pcap; do
		for s in 1 10 14 15 20 30 34 40 42 50 54 60 70 80 100 200; do
			editcap -s "$s" "$f" "$tmp/cut.pcap" 2>/dev/null ||
			    continue
			chmod 644 "$tmp/cut.pcap"
			run "$tmp/cut.pcap"
			sane "$f cut at $s" && pass=$((pass + 1))
		done
	done
else
	echo "hostile: skipped snaplen cuts: editcap (wireshark-common) not installed"
fi
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
