#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs each suite named on the command line (make SUITE), showing its output
# as it comes, and ends with one line over all of them:
#   make test: N passed, M failed, K skipped
# N and M add up every suite's own "N passed, M failed" line and cmocka's
# "[  PASSED  ] N test(s)" / "[  FAILED  ] N test(s)" lines (the unit
# tests); a suite whose make fails with no failure counted counts as one
# failure, so no failing suite goes unseen.  Exits 1 when anything failed.
set -u
log=${TMPDIR:-/tmp}/strata-test.$$
trap 'rm -f "$log" "$log.rc"' EXIT INT TERM
passed=0 failed=0 skipped=0 bad=""
for s in "$@"; do
	{ make --no-print-directory "$s" 2>&1; echo $? > "$log.rc"; } |
	    tee "$log"
	rc=$(cat "$log.rc")
	set -- $(awk '
	    /\[  PASSED  \] [0-9]+ test/ { p += $4 }
	    /\[  FAILED  \] [0-9]+ test/ { f += $4 }
	    /[0-9]+ passed, [0-9]+ failed/ {
		for (i = 1; i < NF; i++) {
			if ($(i + 1) ~ /^passed,?$/) p += $i
			if ($(i + 1) ~ /^failed,?$/) f += $i
			if ($(i + 1) ~ /^skipped/) k += $i
		}
	    }
	    /^[a-z-]+: skipped/ { k++ }
	    END { printf "%d %d %d\n", p, f, k }' "$log")
	passed=$((passed + $1))
	skipped=$((skipped + $3))
	if [ "$rc" -ne 0 ] && [ "$2" -eq 0 ]; then
		failed=$((failed + 1))
	else
		failed=$((failed + $2))
	fi
	[ "$rc" -ne 0 ] && bad="$bad $s"
done
[ -n "$bad" ] && echo "make test: failing suites:$bad"
echo "total: $passed passed, $failed failed, $skipped skipped"
[ -z "$bad" ] && [ "$failed" -eq 0 ]
