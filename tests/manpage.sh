#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The man page against the binary: groff finds nothing to warn about, and
# every option each subcommand's --help lists is in the page, as is every
# view and subcommand.
#   sh tests/manpage.sh STRATA
set -u
strata=${1:?usage: manpage.sh STRATA}
page=$(dirname "$0")/../man/strata.1
pass=0 fail=0
if ! command -v groff >/dev/null 2>&1; then
	echo "manpage: skipped: groff not installed"
	exit 0
fi
warn=$(groff -man -ww -z "$page" 2>&1)
[ -z "$warn" ] && pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL groff: $warn"; }
text=$(MANWIDTH=200 groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | sed 's/‐/-/g')
for cmd in decode stats capture replay send ping trace demo explain quiz doctor bpf; do
	for opt in $("$strata" "$cmd" --help 2>/dev/null |
	    grep -oE '(^|[ [|])--?[A-Za-z][-A-Za-z0-9]*' | sed 's/^[ [|]//' |
	    sort -u); do
		case $opt in --help|-h) continue ;; esac
		if printf '%s\n' "$text" | grep -qF -- "$opt"; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1)); echo "FAIL man page lacks $cmd $opt"
		fi
	done
	printf '%s\n' "$text" | grep -q "^ *$cmd" && pass=$((pass + 1)) ||
	    { fail=$((fail + 1)); echo "FAIL man page lacks the command $cmd"; }
done
for v in $("$strata" decode --help | sed -n '/--view LIST/,/--color/p' |
    awk 'NF >= 2 && $1 ~ /^[a-z]+$/ { print $1 }'); do
	printf '%s\n' "$text" | grep -qw -- "$v" && pass=$((pass + 1)) ||
	    { fail=$((fail + 1)); echo "FAIL man page lacks the view $v"; }
done
echo "manpage: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
