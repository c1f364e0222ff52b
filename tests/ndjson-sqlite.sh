#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# strata's NDJSON as other tools load it: Debian's sqlite3 (its JSON
# functions) reads the json view of a merged set of captures and answers
# two questions, protocols by frames and the top IP conversations, which
# must agree with strata's own counts (the stats view).  The ek view is
# checked against tshark -T ek where tshark is installed: same documents,
# same timestamps, and the same values under every key both write.
#   sh tests/ndjson-sqlite.sh STRATA
set -u
strata=${1:?usage: ndjson-sqlite.sh STRATA}
dir=$(cd "$(dirname "$0")" && pwd)
top=$dir/..
tmp=$(mktemp -d)
chmod 755 "$tmp"	# strata reads as nobody when started as root
trap '[ -n "${KEEP:-}" ] && cp -r "$tmp" /tmp/ndjson-kept; rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
# The captures of loopback traffic (no tunnels: the stats view nests a
# tunnel's inner layers in its hierarchy, which a flat count of layers
# does not), and some of the corpus; the ek check below takes them all.
files=""
for f in dns http icmp-echo icmp6-echo tcp-retrans tcp-session tls \
    udp-unreachable udp appweb-http-odd appweb-tls12-odd; do
	files="$files $top/captures/$f.pcap"
done
for f in ssh.pcap whois.pcap zeek__http__get.pcap dns_udp.pcap \
    tcp-handshake-nano.pcap zeek__tls__tls1.2.pcap zeek__tcp__option-sack.pcap; do
	[ -f "$top/../shared/corpus/$f" ] && files="$files $top/../shared/corpus/$f"
done

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "ndjson: skipped sqlite3: not installed (apt-get install sqlite3)"
else
	# shellcheck disable=SC2086
	"$strata" decode --merge --view json $files >"$tmp/p.ndjson" &&
	    "$strata" stats --merge $files >"$tmp/stats" || bad "strata ran"
	# NDJSON into one JSON array that readfile() and json_each() take.
	sed '1s/^/[/; $!s/$/,/; $s/$/]/' "$tmp/p.ndjson" >"$tmp/p.json"
	sqlite3 :memory: "
	    SELECT json_extract(l.value, '\$.proto'), count(*)
	    FROM json_each(readfile('$tmp/p.json')) AS p,
	         json_each(p.value, '\$.layers') AS l
	    WHERE json_extract(l.value, '\$.depth') = 0
	      AND json_extract(l.value, '\$.name') <> 'trailer'
	    GROUP BY 1 ORDER BY 1;" | tr '|' ' ' >"$tmp/sql-protos"
	awk '/^Protocol hierarchy/ { on = 1; next } on && /frames:/ {
		sub("frames:", "", $2); n[$1] += $2 } on && /^$/ { on = 0 }
	    END { for (k in n) print k, n[k] }' "$tmp/stats" |
	    LC_ALL=C sort >"$tmp/stats-protos"
	LC_ALL=C sort "$tmp/sql-protos" >"$tmp/sql-protos.s"
	if [ -s "$tmp/sql-protos.s" ] &&
	    cmp -s "$tmp/sql-protos.s" "$tmp/stats-protos"; then ok
	else
		bad "frames per protocol: sqlite3 against strata stats"
		diff "$tmp/sql-protos.s" "$tmp/stats-protos" | head
	fi
	# IP conversations: frames and bytes of each pair stats lists (a
	# tunnelled frame counts for its outer pair, as stats counts it).
	sqlite3 :memory: "
	    WITH ip AS (
	      SELECT p.key AS k, json_extract(p.value, '\$.len') AS len,
	        l.key AS li,
	        coalesce(json_extract(l.value, '\$.fields.\"ip.src\"'),
	                 json_extract(l.value, '\$.fields.\"ipv6.src\"')) AS s,
	        coalesce(json_extract(l.value, '\$.fields.\"ip.dst\"'),
	                 json_extract(l.value, '\$.fields.\"ipv6.dst\"')) AS d
	      FROM json_each(readfile('$tmp/p.json')) AS p,
	           json_each(p.value, '\$.layers') AS l
	      WHERE json_extract(l.value, '\$.depth') = 0
	        AND json_extract(l.value, '\$.name') IN ('ipv4', 'ipv6')),
	    outer_ip AS (SELECT * FROM ip WHERE li =
	      (SELECT min(li) FROM ip AS j WHERE j.k = ip.k))
	    SELECT min(s, d) || ' ' || max(s, d), count(*), sum(len)
	    FROM outer_ip GROUP BY 1 ORDER BY 3 DESC;" | tr '|' ' ' >"$tmp/sql-conv"
	awk '/^IP conversations/ { on = 1; next } on && / <-> / && NR > 0 {
		a = $1; b = $3; if (b < a) { t = a; a = b; b = t }
		print a, b, $4 + $8, $6 + $10 } on && /^$/ { on = 0 }' \
	    "$tmp/stats" | sed 1d >"$tmp/stats-conv"
	n=0 miss=0
	while read -r a b fr by; do
		n=$((n + 1))
		grep -qx "$a $b $fr $by" "$tmp/sql-conv" || {
			miss=$((miss + 1)); echo "  stats: $a $b $fr $by"; }
	done <"$tmp/stats-conv"
	if [ "$n" -gt 0 ] && [ "$miss" -eq 0 ]; then ok
	else bad "IP conversations: sqlite3 against strata stats ($miss of $n)"
	fi
	# The top talker by bytes is the same pair.
	if [ "$(head -1 "$tmp/sql-conv" | cut -d' ' -f1,2,4)" = \
	    "$(sort -k4,4nr "$tmp/stats-conv" | head -1 | cut -d' ' -f1,2,4)" ]
	then ok; else bad "top talker"; fi
fi

# The jq examples of docs/json.md, where jq is installed.
if command -v jq >/dev/null 2>&1; then
	"$strata" decode --view json "$top/captures/tcp-session.pcap" |
	    jq -r 'select(.layers[] | .name == "tcp" and .fields["tcp.len"] > 0)
	    | .frame' | tr '\n' ' ' >"$tmp/jq"
	[ "$(cat "$tmp/jq")" = "4 6 " ] && ok || bad "jq: segments with data: $(cat "$tmp/jq")"
fi

# ek: the bulk format, against tshark -T ek.
if ! command -v tshark >/dev/null 2>&1; then
	echo "ndjson: skipped ek against tshark: tshark not installed"
else
	# dnscap__frags: IPv4 fragments (ip.frag_offset in 8-byte units).
	frags=$top/../shared/corpus/dnscap__frags.pcap
	[ -f "$frags" ] || frags=
	for f in "$top"/captures/*.pcap $frags; do
		# tshark reassembles TCP streams by default: so does strata
		# here for the captures made to test it.
		ra=
		case $f in */reasm-*) ra=--reassemble ;; esac
		"$strata" decode $ra --view ek "$f" >"$tmp/s.ek" 2>&1
		tshark -r "$f" -T ek >"$tmp/t.ek" 2>/dev/null
		if python3 "$dir/ek-compare.py" "$tmp/s.ek" "$tmp/t.ek"; then ok
		else bad "ek against tshark: $f"; fi
	done
fi
echo "ndjson: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
