#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The exit codes of the table in README.md (Exit status) and the man page,
# one case per cell that needs neither root nor traffic, and every option
# error one line or two beginning "strata:" (-c 0 worded alike everywhere).
#   sh tests/exitcodes.sh STRATA
set -u
strata=${1:?usage: exitcodes.sh STRATA}
dir=$(cd "$(dirname "$0")/.." && pwd)
cap=$dir/captures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# want CODE COMMAND...: the exit code, and stderr beginning "strata:" (a
# filter's error goes on with libpcap's caret under the word).
want() {
	code=$1
	shift
	"$strata" "$@" >/dev/null 2>"$tmp/err" </dev/null
	rc=$?
	if [ $rc -eq "$code" ] && { [ ! -s "$tmp/err" ] ||
	    head -1 "$tmp/err" | grep -q '^strata: '; }
	then pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL strata $* : exit $rc, want $code: $(cat "$tmp/err")"
	fi
}
want 0 decode "$cap/dns.pcap"
want 0 decode -r "$cap/dns.pcap"
want 2 decode -r "$cap/dns.pcap" "$cap/dns.pcap"
want 1 decode /nonexistent.pcap
want 1 decode /etc/passwd
want 2 decode --frob "$cap/dns.pcap"
want 2 decode --view trees "$cap/dns.pcap"
want 2 decode -f 'port port' "$cap/dns.pcap"
want 2 decode --follow -1 "$cap/tcp-session.pcap"
want 2 decode --follow 0 "$cap/tcp-session.pcap"
want 2 decode --view tree --follow 1 "$cap/tcp-session.pcap"
want 1 decode --follow 'tcp 10.0.0.1:1 10.0.0.2:2' "$cap/tcp-session.pcap"
want 0 decode --follow 1 "$cap/tcp-session.pcap"
want 0 stats "$cap/dns.pcap"
want 1 stats /nonexistent.pcap
want 0 bpf icmp "$cap/icmp-echo.pcap"
want 1 bpf icmp /nonexistent.pcap
want 2 bpf 'port port'
want 0 explain tcp
want 2 explain --frob
want 2 capture --frob
want 2 capture -c 0
want 2 capture -f 'port port' --duration 0.1
want 2 send --frob
want 2 send -c 0 'ip(dst=127.0.0.1)/icmp()'
want 2 ping --frob 127.0.0.1
want 2 ping -c 0 127.0.0.1
want 2 ping -s 70000 127.0.0.1
want 2 trace --frob 127.0.0.1
want 2 quiz -c 0 "$cap/dns.pcap"
want 2 doctor --frob
want 2 nosuchcommand
# An unknown option: both lines are strata's.
"$strata" decode --frob x 2>&1 | grep -v -c '^strata: ' | grep -q '^0$' &&
    pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL decode --frob"; }
# -c 0: the same words in every command.
for c in decode capture send ping quiz; do
	"$strata" $c -c 0 127.0.0.1 2>&1 >/dev/null </dev/null |
	    grep -q "^strata: $c: -c: '0' is not a positive count$" &&
	    pass=$((pass + 1)) || {
		fail=$((fail + 1))
		echo "FAIL $c -c 0: $("$strata" $c -c 0 127.0.0.1 2>&1)"
	}
done
"$strata" ping -s 70000 127.0.0.1 2>&1 | grep -q "65507" &&
    pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL ping -s range"; }
"$strata" decode --view trees x 2>&1 | grep -q "ek, .*quote, stats" &&
    pass=$((pass + 1)) || { fail=$((fail + 1)); echo "FAIL --view list"; }
echo "exitcodes: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
