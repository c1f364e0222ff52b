#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs each libFuzzer target for SECONDS, one after the other, from seeds
# made of the bundled captures, the whole shared corpus (zoo and zeek
# included), the unit tests' packets (seeds.py) and the regression inputs
# (tests/fuzz/regress/<target>/, all run at start, every time);
# the spec target's seeds are the specs in the README, TESTLIST and the
# unit tests.
# Fails on any crash, hang or leak: libFuzzer exits non-zero and leaves the
# input in build-fuzz/crashes/<target>-*.
#   sh tests/fuzz/smoke.sh SECONDS TARGET...
# With FUZZ_KEEP=1 (make fuzz-long) what each target finds is kept in
# build-fuzz/corpus-<target>/ and grows from run to run; otherwise each
# run starts from the seeds alone.
set -u
secs=$1
shift
top=$(cd "$(dirname "$0")/../.." && pwd)
b=$top/build-fuzz
corpus=$top/../shared/corpus
caps="$top/captures $corpus $corpus/zoo $corpus/zeek"
mkdir -p "$b/crashes"
status=0

# Packets for decode and views (link-type bytes in front), IP packets for
# reply; made once per run, as the corpus may have grown.
seeds_packets() {
	[ -d "$b/seeds-pkt" ] && return
	python3 "$top/tests/fuzz/seeds.py" "$b/seeds-pkt" \
	    --unit "$top/tests/unit" $caps
}

# Each new crash input of target $1, made as small as libFuzzer can in
# 30 s, beside it as <name>.min; the regression input to add.
minimise() {
	for c in "$b/crashes/$1"-*; do
		case $c in *.min|*"*") continue ;; esac
		[ -e "$c.min" ] && continue
		"$b/fuzz_$1" -minimize_crash=1 -max_total_time=30 \
		    -exact_artifact_path="$c.min" "$c" >/dev/null 2>&1
		[ -e "$c.min" ] || cp "$c" "$c.min"
		echo "add: cp $c.min $top/tests/fuzz/regress/$1/<what-it-is>"
	done
}

for t in "$@"; do
	seeds=$b/seeds-$t
	rm -rf "$seeds"
	mkdir -p "$seeds"
	case $t in
	decode)
		seeds_packets
		seeds=$b/seeds-pkt
		;;
	views)
		# The views run some 50 times slower than the decoders: the
		# packet seeds cut down, by the decoders' coverage, to those
		# that each reach something the others do not.
		seeds_packets
		"$b/fuzz_decode" -merge=1 "$seeds" "$b/seeds-pkt" \
		    >"$b/views-merge.log" 2>&1
		;;
	reply)
		python3 "$top/tests/fuzz/seeds.py" "$seeds" --ip \
		    --unit "$top/tests/unit" $caps
		;;
	file)
		for d in $caps; do
			cp "$d"/*.pcap "$d"/*.pcapng "$seeds"/ 2>/dev/null
		done
		;;
	spec)
		grep -ho "'[a-z][^']*'" "$top"/tests/TESTLIST "$top"/README.md |
		    tr -d "'" | awk '{ print > ("'"$seeds"'/s" NR) }'
		python3 "$top/tests/fuzz/seeds.py" "$seeds" --spec \
		    --unit "$top/tests/unit"
		;;
	esac
	regress=$top/tests/fuzz/regress/$t
	[ -d "$regress" ] || regress=
	# The first directory receives what the fuzzer finds.
	work=$b/corpus-$t
	[ "${FUZZ_KEEP:-0}" = 1 ] || rm -rf "$work"
	mkdir -p "$work"
	echo "fuzz: $t for ${secs}s"
	if ! "$b/fuzz_$t" -max_total_time="$secs" -max_len=65536 -timeout=10 \
	    -artifact_prefix="$b/crashes/$t-" -print_final_stats=1 \
	    "$work" "$seeds" $regress >"$b/$t.log" 2>&1; then
		echo "FAIL fuzz $t: a crash; input in $b/crashes/"
		tail -30 "$b/$t.log"
		minimise "$t"
		status=1
	else
		grep -E '^#[0-9]+.*(INITED|DONE)' "$b/$t.log" | tail -2
		grep -E 'stat::(number_of_executed_units|average_exec)' \
		    "$b/$t.log" | tr '\n' ' '
		echo
	fi
done
rm -rf "$b/seeds-pkt"
[ $status -eq 0 ] && echo "fuzz-smoke: $# passed, 0 failed" ||
    echo "fuzz-smoke: failed"
exit $status
