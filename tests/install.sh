#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# make install into a DESTDIR (binary, man page, completion, captures, the
# JSON schema), then make install-cap: the installed binary sends to
# 127.0.0.1 as nobody, without sudo, and is not setuid.
#   sh tests/install.sh
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
d=$tmp/root
make -s -C "$top" install DESTDIR="$d" PREFIX=/usr >"$tmp/log" 2>&1 ||
    { bad "make install"; cat "$tmp/log"; }
for f in usr/bin/strata usr/share/man/man1/strata.1 \
    usr/share/bash-completion/completions/strata \
    usr/share/strata/captures/icmp-echo.pcap usr/share/doc/strata/json.md; do
	[ -f "$d/$f" ] || { bad "make install: no /$f"; continue; }
	ok
done
# The man page names the captures where they were installed.
make -s -C "$top" install DESTDIR="$tmp/local" PREFIX=/opt/st >"$tmp/log" 2>&1
grep -q '/opt/st/share/strata/captures' \
    "$tmp/local/opt/st/share/man/man1/strata.1" &&
    ! grep -q '/usr/share/strata' "$tmp/local/opt/st/share/man/man1/strata.1" &&
    ok || bad "the installed man page names PREFIX's captures"
"$d/usr/bin/strata" decode "$d/usr/share/strata/captures/icmp-echo.pcap" |
    grep -q "echo reply" && ok || bad "the installed binary decodes"
if [ "$(id -u)" -ne 0 ] || ! command -v setcap >/dev/null 2>&1 ||
    ! command -v setpriv >/dev/null 2>&1; then
	echo "install: skipped install-cap: needs root, setcap (libcap2-bin) and setpriv"
else
	chmod -R go+rX "$d"
	make -s -C "$top" install-cap DESTDIR="$d" PREFIX=/usr >"$tmp/log" 2>&1
	grep -q "gave .*/usr/bin/strata the capability cap_net_raw" "$tmp/log" &&
	    ok || { bad "install-cap says what it did"; cat "$tmp/log"; }
	setpriv --reuid=65534 --regid=65534 --clear-groups "$d/usr/bin/strata" \
	    send --timeout 1 --view summary \
	    'ip(dst=127.0.0.1)/icmp(type=echo-request,id=77,seq=1)' \
	    >"$tmp/out" 2>&1
	grep -q "as predicted: an echo reply" "$tmp/out" && ok ||
	    { bad "send as nobody after install-cap"; cat "$tmp/out"; }
	[ -z "$(find "$d/usr/bin/strata" -perm -4000)" ] && ok ||
	    bad "the binary is setuid"
fi
echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
