#!/bin/sh
# Runs each libFuzzer target for SECONDS from seed corpora made of the
# bundled captures, the shared corpus and the regression inputs; fails on
# any crash (libFuzzer exits non-zero and leaves the input in
# build-fuzz/crashes/).
#   sh tests/fuzz/smoke.sh SECONDS TARGET...
set -u
secs=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/build-fuzz
mkdir -p "$b/crashes"
status=0
for t in "$@"; do
	seeds=$b/seeds-$t
	rm -rf "$seeds"
	mkdir -p "$seeds"
	case $t in
	file)
		cp "$top"/captures/*.pcap "$seeds"/ 2>/dev/null
		cp "$top"/../shared/corpus/*.pcap* "$seeds"/ 2>/dev/null
		;;
	spec)
		grep -ho "'[a-z][^']*'" "$top"/tests/TESTLIST "$top"/README.md |
		    tr -d "'" | awk '{ print > ("'"$seeds"'/s" NR) }'
		;;
	*)
		# Packets cut out of the captures (past the 24-byte file header
		# and 16-byte record header), a link type byte in front.
		for f in "$top"/captures/*.pcap; do
			n=$(basename "$f")
			{ printf '\000'; tail -c +41 "$f"; } > "$seeds/$n.eth"
		done
		;;
	esac
	[ -d "$top/tests/fuzz/regress/$t" ] &&
	    cp "$top/tests/fuzz/regress/$t"/* "$seeds"/ 2>/dev/null
	echo "fuzz: $t for ${secs}s"
	if ! "$b/fuzz_$t" -max_total_time="$secs" -max_len=65536 \
	    -artifact_prefix="$b/crashes/$t-" -print_final_stats=0 \
	    "$seeds" >"$b/$t.log" 2>&1; then
		echo "FAIL fuzz $t: a crash; input in $b/crashes/"
		tail -30 "$b/$t.log"
		status=1
	else
		grep -E '^#[0-9]+.*(DONE|pulse)' "$b/$t.log" | tail -1
	fi
done
[ $status -eq 0 ] && echo "fuzz-smoke: $# passed, 0 failed" ||
    echo "fuzz-smoke: failed"
exit $status
