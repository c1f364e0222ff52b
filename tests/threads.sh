#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# decode decodes on a second thread (the main one reads and shows) when the
# machine has more than one processor: the output must be exactly what
# one thread writes (STRATA_THREADS=0), for every view but html, on every
# bundled capture and every capture of the shared corpus.  It also times
# both ways now and then and goes on the faster: STRATA_SWITCH makes those
# steps a few packets long (and the pick fixed, or timed), so that every
# capture goes back and forth between the two ways many times.
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
	STRATA_THREADS=0 "$strata" decode --view "$views" "$f" >"$b" 2>&1
	for sw in 3,2,5,1 3,2,5,2 2,1,3,0; do
		STRATA_SWITCH=$sw "$strata" decode --view "$views" "$f" >"$a" 2>&1
		if cmp -s "$a" "$b"; then pass=$((pass + 1)); else
			fail=$((fail + 1))
			echo "FAIL $f (switching $sw): differs from one thread"
		fi
	done
	STRATA_THREADS=0 "$strata" decode -c 7 -f 'tcp or udp' "$f" >"$b" 2>&1
	STRATA_SWITCH=2,1,2,1 "$strata" decode -c 7 -f 'tcp or udp' "$f" \
	    >"$a" 2>&1
	if cmp -s "$a" "$b"; then pass=$((pass + 1)); else
		fail=$((fail + 1)); echo "FAIL $f -c 7 -f (switching)"; fi
done
echo "threads: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
