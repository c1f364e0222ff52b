#!/bin/sh
# decode reads and decodes on one thread and runs the views on another when
# the machine has more than one processor: the output must be exactly what
# one thread writes (STRATA_THREADS=0), for every view but html, on every
# bundled capture and every capture of the shared corpus.
#   sh tests/threads.sh STRATA
set -u
strata=${1:?usage: threads.sh STRATA}
if [ "$(getconf _NPROCESSORS_ONLN)" -lt 2 ]; then
	echo "threads: skipped: one processor, decode runs on one thread"
	exit 0
fi
pass=0 fail=0
a=$(mktemp) b=$(mktemp)
trap 'rm -f "$a" "$b"' EXIT
views=summary,tree,hex,json,ek,diagram,bits,ledger,checksum,quote
for f in captures/*.pcap ../shared/corpus/*.pcap ../shared/corpus/*.pcapng; do
	[ -f "$f" ] || continue
	"$strata" decode --view "$views" "$f" >"$a" 2>&1
	STRATA_THREADS=0 "$strata" decode --view "$views" "$f" >"$b" 2>&1
	if cmp -s "$a" "$b"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $f: two threads differ from one:"
		diff "$b" "$a" | head -10 | sed 's/^/    /'
	fi
	# -c stops both at the same packet.
	"$strata" decode -c 3 "$f" >"$a" 2>&1
	STRATA_THREADS=0 "$strata" decode -c 3 "$f" >"$b" 2>&1
	if cmp -s "$a" "$b"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $f -c 3: two threads differ"; fi
done
echo "threads: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
