#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Golden tests, listed in tests/TESTLIST (as tcpdump's tests/TESTLIST does).
# Run from the top of the tree (quiz rows read answers from files there).
#   sh tests/golden.sh STRATA [--update]
set -u
strata=${1:?usage: golden.sh STRATA [--update]}
update=${2:-}
dir=$(dirname "$0")
top=$dir/..
pass=0 fail=0
export TZ=UTC NO_COLOR=1
while read -r name pcap expected opts; do
	case $name in ''|'#'*) continue ;; esac
	out=$dir/out/$expected
	if [ "$pcap" = send ]; then	# crafting: spec in, bytes out
		actual=$(eval "\"\$strata\" send --dry-run $opts" 2>&1
		    echo "exit $?")
	elif [ "${pcap#quiz:}" != "$pcap" ]; then	# stdin: answers
		actual=$(eval "\"\$strata\" quiz </dev/null $opts" \
		    "\"\$top/captures/\${pcap#quiz:}\"" 2>&1
		    echo "exit $?")
	else
		actual=$(eval "\"\$strata\" decode $opts" \
		    "\"\$top/captures/\$pcap\"" 2>&1
		    echo "exit $?")
	fi
	if [ "$update" = --update ]; then
		printf '%s\n' "$actual" > "$out"
		echo "updated $name"
		continue
	fi
	if printf '%s\n' "$actual" | diff -u "$out" - > /tmp/strata-golden.$$; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $name: $pcap $opts"
		head -40 /tmp/strata-golden.$$
	fi
done < "$dir/TESTLIST"
rm -f /tmp/strata-golden.$$
[ "$update" = --update ] && exit 0
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
