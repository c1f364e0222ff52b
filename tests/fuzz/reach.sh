#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Which decoders the packet seeds reach: runs fuzz_decode once over the
# seeds (no fuzzing) with libFuzzer's coverage listing, and checks every
# decoder a descriptor names (`.decode = fn` in src/proto/) against it.
# Prints each decoder with the share of its branches covered; fails when
# some decoder is never reached, so a new protocol comes with a capture or
# a unit test that shows it.
#   sh tests/fuzz/reach.sh [CORPUS_DIR...]	(default: fresh seeds)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/build-fuzz
corpus=$top/../shared/corpus
if [ $# -eq 0 ]; then
	rm -rf "$b/seeds-reach"
	python3 "$top/tests/fuzz/seeds.py" "$b/seeds-reach" \
	    --unit "$top/tests/unit" "$top/captures" "$corpus" \
	    "$corpus/zoo" "$corpus/zeek" || exit 1
	set -- "$b/seeds-reach"
fi
"$b/fuzz_decode" -runs=0 -print_coverage=1 "$@" >"$b/reach.log" 2>&1
n=0
miss=0
for fn in $(sed -n 's/.*\.decode[ 	]*=[ 	]*\([a-z0-9_]*\).*/\1/p' \
    "$top"/src/proto/*.c); do
	n=$((n + 1))
	l=$(grep -E "^COVERED_FUNC: .* $fn " "$b/reach.log" | head -1)
	if [ -n "$l" ]; then
		echo "$l" | awk '{ printf "  %-16s reached, edges %s\n", $6, $5 }'
	else
		echo "  $fn NOT REACHED"
		miss=$((miss + 1))
	fi
done
echo "fuzz-reach: $((n - miss)) of $n decoders reached"
[ $miss -eq 0 ]
