#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Which decoders the packet seeds reach: runs fuzz_decode once over the
# seeds (no fuzzing) with libFuzzer's coverage listing, and checks every
# decoder a descriptor names (`.decode = fn` in src/proto/, or a macro
# that makes descriptors) against it.
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
# What only a sequence of packets reaches (RTP after the SDP that set it up,
# a stream reassembled): the file target over the captures, with
# reassembly on (the last byte of a pcap is packet data; its bit 1 chooses).
rm -rf "$b/files-reach"
mkdir -p "$b/files-reach"
for f in "$top"/captures/*.pcap; do
	cp "$f" "$b/files-reach/"
	python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); open(sys.argv[2],"wb").write(d[:-1]+bytes([d[-1]|2]))' \
	    "$f" "$b/files-reach/ra-$(basename "$f")"
done
"$b/fuzz_file" -runs=0 -print_coverage=1 "$b/files-reach" \
    >>"$b/reach.log" 2>&1
n=0
miss=0
# The decoders: every function of a decoder's signature that some line
# names as a value (a descriptor's .decode, or a macro's argument that
# becomes one), not only as a call.
decoders() {
	for f in "$top"/src/proto/*.c; do
		for fn in $(sed -n 's/^\([a-z0-9_]*\)(struct st_dctx \*d, struct st_cur \*c)$/\1/p' "$f"); do
			grep -Eq "(=[ 	]*|[(,][ 	]*|^[ 	]+)$fn[ 	]*[,)}]|=[ 	]*$fn[ 	]*;" "$f" &&
			    echo "$fn"
		done
	done
}
# segs_decode: the tcp-segments layers are made by the stream reassembly
# (st_tcpr), which the file target reaches; no decode loop calls it.
for fn in $(decoders | grep -v '^segs_decode$'); do
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
