#!/bin/sh
# Every view over every capture this project has (bundled and corpus), and
# every bundled capture cut at many snapshot lengths: strata must exit 0 or
# 1, never on a signal, and print no sanitizer report.
#   sh tests/hostile.sh STRATA
set -u
strata=${1:?usage: hostile.sh STRATA}
dir=$(dirname "$0")
tmp=$(mktemp -d)
chmod 755 "$tmp"	# strata reads as nobody when started as root
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
check() {	# check NAME: looks at $rc and $tmp/err
	if [ "$rc" -gt 1 ] || grep -qE 'Sanitizer|runtime error' "$tmp/err"; then
		fail=$((fail + 1))
		echo "FAIL $1 (exit $rc)"
		head -20 "$tmp/err"
	else
		pass=$((pass + 1))
	fi
}
for f in "$dir"/../captures/*.pcap "$dir"/../../shared/corpus/*.pcap \
    "$dir"/../../shared/corpus/*.pcapng "$dir"/hostile/*.pcap; do
	[ -f "$f" ] || continue
	"$strata" decode --view summary,tree,hex,json --color always "$f" \
	    >/dev/null 2>"$tmp/err"
	rc=$?
	check "$f"
done
# Cut every bundled capture at snapshot lengths 0..80 with the peer's own
# tool when it is here (editcap -s), else skip that part with the reason.
if command -v editcap >/dev/null 2>&1; then
	for f in "$dir"/../captures/*.pcap; do
		for s in 1 10 14 15 20 30 34 40 42 50 54 60 70 80; do
			editcap -s "$s" "$f" "$tmp/cut.pcap" 2>/dev/null || continue
			"$strata" decode --view summary,tree,hex,json \
			    "$tmp/cut.pcap" >/dev/null 2>"$tmp/err"
			rc=$?
			check "$f cut at $s"
		done
	done
else
	echo "hostile: skipped snaplen cuts: editcap (wireshark-common) not installed"
fi
echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
