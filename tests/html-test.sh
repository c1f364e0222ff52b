#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The HTML report in a real browser: headless Chromium loads the report,
# clicks a field and a byte through the page's own self-test hook, and the
# test reads what lit.  Also: the page fetches nothing, wire text that
# tries to close the script element cannot, the search box filters as
# tshark's display filters do, and the report goes to standard output when
# that is not a terminal.  Then the size of real captures: on a generated
# capture of 100,000 packets (../shared/tools/mkbench.py; skipped without
# it), the report must stay within 4 bytes a byte of capture plus a fixed
# 256 KiB, and the page's own script must start it and scroll the list end
# to end within 2 s each (as the page measures with performance.now; the
# browser's reading of the file comes before and is reported, not judged:
# it depends on the machine's load).  Skipped with the reason when
# Chromium is not installed (CI installs it).
#   sh tests/html-test.sh STRATA
set -u
strata=${1:?usage: html-test.sh STRATA}
dir=$(cd "$(dirname "$0")/.." && pwd)
chrome=$(command -v chromium || command -v chromium-browser ||
    command -v google-chrome || true)
if [ -z "$chrome" ]; then
	echo "html: skipped: chromium not installed (apt-get install chromium)"
	exit 0
fi
tmp=$(mktemp -d)
chmod 755 "$tmp"	# strata reads as nobody when started as root
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
# body URL: the <body> tag after the page ran, as the browser left it.
body() {
	timeout 60 "$chrome" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$tmp/profile" --virtual-time-budget=3000 \
	    --dump-dom "$1" 2>/dev/null | grep -o '<body[^>]*>' | head -1
}
check() {	# check NAME GOT WANT
	if [ "$2" = "$3" ]; then pass=$((pass + 1)); else
		fail=$((fail + 1)); printf 'FAIL %s\n  got  %s\n  want %s\n' \
		    "$1" "$2" "$3"; fi
}
"$strata" decode --view html -o "$tmp/tcp.html" "$dir/captures/tcp-session.pcap"
check "field click lights its bytes" \
    "$(body "file://$tmp/tcp.html#test=1:field:tcp.srcport")" \
    '<body data-lit="34,35" data-field="tcp.srcport">'
check "byte click lights its field" \
    "$(body "file://$tmp/tcp.html#test=4:byte:36")" \
    '<body data-lit="36,37" data-field="tcp.dstport">'
check "sub-byte field lights its byte" \
    "$(body "file://$tmp/tcp.html#test=1:field:ip.flags.df")" \
    '<body data-lit="20" data-field="ip.flags.df">'
"$strata" decode --view html -o "$tmp/unr.html" \
    "$dir/captures/udp-unreachable.pcap"
check "quoted layers are fields too" \
    "$(body "file://$tmp/unr.html#test=2:field:udp.dstport")" \
    '<body data-lit="64,65" data-field="udp.dstport">'
# Self-contained: no external scripts, styles, images or fonts.
if grep -Eqi '<(script|link|img)[^>]+(src|href)=' "$tmp/tcp.html" ||
    grep -Eqi 'url\(|@import' "$tmp/tcp.html"; then
	fail=$((fail + 1)); echo "FAIL report loads something from outside"
else pass=$((pass + 1)); fi
# A DNS name that tries to end the script element stays data.
"$strata" send --dry-run -w "$tmp/evil.pcap" 'ip(src=198.18.0.1,dst=198.18.0.2)/udp(sport=5000,dport=53)/hex:000101000001000000000000093c2f7363726970743e0000010001' >/dev/null
"$strata" decode --view html -o "$tmp/evil.html" "$tmp/evil.pcap"
check "wire text cannot close the script" \
    "$(body "file://$tmp/evil.html#test=1:field:dns.qry.name")" \
    '<body data-lit="40,41,42,43,44,45,46,47,48,49,50" data-field="dns.qry.name">'
if [ "$(grep -c '</script' "$tmp/evil.html")" -ne 3 ] ||
    grep -q '<!--' "$tmp/evil.html"; then
	fail=$((fail + 1)); echo "FAIL wire text reaches the HTML parser"
else pass=$((pass + 1)); fi
# The search box, against what tshark -Y says of the same captures.
check "search: a field's value" \
    "$(body "file://$tmp/tcp.html#search=tcp.flags.syn%20%3D%3D%201")" \
    '<body data-shown="2">'
check "search: a comparison" \
    "$(body "file://$tmp/tcp.html#search=tcp.len%20%3E%200")" \
    '<body data-shown="2">'
check "search: a protocol" "$(body "file://$tmp/unr.html#search=icmp")" \
    '<body data-shown="1">'
check "search: quoted fields, and" \
    "$(body "file://$tmp/unr.html#search=udp.dstport%20==%207780%20and%20ip")" \
    '<body data-shown="2">'
check "search: text" "$(body "file://$tmp/tcp.html#search=wscale")" \
    '<body data-shown="2">'
# Standard output when it is not a terminal: the same report.
"$strata" decode --view html "$dir/captures/tcp-session.pcap" >"$tmp/out.html"
if cmp -s "$tmp/out.html" "$tmp/tcp.html"; then pass=$((pass + 1)); else
	fail=$((fail + 1)); echo "FAIL report to standard output differs"; fi
# The size of real captures.
big() {
	mk=$dir/../shared/tools/mkbench.py
	if [ ! -f "$mk" ] || ! command -v python3 >/dev/null; then
		echo "html: size and time skipped: no $mk"
		return
	fi
	python3 "$mk" "$tmp/big.pcap" 100000 1 || return
	"$strata" decode -q --view html -o "$tmp/big.html" "$tmp/big.pcap"
	cap=$(wc -c <"$tmp/big.pcap") rep=$(wc -c <"$tmp/big.html")
	echo "html: 100,000 packets: capture $cap bytes, report $rep" \
	    "($(awk "BEGIN { printf \"%.2f\", $rep / $cap }") a byte)"
	if [ "$rep" -le $((cap * 4 + 262144)) ]; then pass=$((pass + 1))
	else fail=$((fail + 1)); echo "FAIL report over 4 bytes a byte"; fi
	rm -f "$tmp/big.pcap"
	timeout 300 "$chrome" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$tmp/profile" --enable-logging=stderr --v=0 \
	    --window-size=1280,900 --screenshot="$tmp/big.png" \
	    "file://$tmp/big.html#scroll=1" 2>&1 >/dev/null |
	    sed -n 's/.*"strata-timing: \([^"]*\)".*/\1/p' >"$tmp/timing"
	sed 's/^/html: /' "$tmp/timing"
	script=$(sed -n 's/.* script \([0-9]*\) ms.*/\1/p' "$tmp/timing")
	scroll=$(sed -n 's/^scroll \([0-9]*\) ms.*/\1/p' "$tmp/timing")
	if [ -n "$script" ] && [ -n "$scroll" ] && [ "$script" -lt 2000 ] &&
	    [ "$scroll" -lt 2000 ]; then pass=$((pass + 1))
	else fail=$((fail + 1)); echo "FAIL page start or scroll over 2 s" \
	    "(or no timing: '$(cat "$tmp/timing")')"; fi
}
big
echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
