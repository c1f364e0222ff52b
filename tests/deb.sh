#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# The Debian package, as a user meets it: built from a copy of the tree
# with dpkg-buildpackage -us -uc -b, checked by lintian (no errors),
# installed with dpkg, run on a bundled capture, its man page and
# completion in place, then removed with nothing left behind.  Root only
# (dpkg -i); skipped with the reason otherwise.
#   sh tests/deb.sh
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
if [ "$(id -u)" -ne 0 ]; then
	echo "deb: skipped: installing a package needs root"
	exit 0
fi
for c in dpkg-buildpackage dh lintian; do
	if ! command -v "$c" >/dev/null 2>&1; then
		echo "deb: skipped: $c not installed (apt-get install dpkg-dev debhelper lintian)"
		exit 0
	fi
done
if dpkg -s strata >/dev/null 2>&1; then
	echo "deb: skipped: a strata package is installed already"
	exit 0
fi
tmp=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] && cp -r "$tmp" /tmp/deb-kept; rm -rf "$tmp"' EXIT
mkdir "$tmp/strata-0.1.0"
# The files git knows, as a clean checkout has them.
(cd "$top" && git ls-files -z | tar --null -T - -cf -) |
    (cd "$tmp/strata-0.1.0" && tar xf -)
if (cd "$tmp/strata-0.1.0" && dpkg-buildpackage -us -uc -b) \
    >"$tmp/build.log" 2>&1; then ok
else
	bad "dpkg-buildpackage"; tail -30 "$tmp/build.log"
	echo "deb: $pass passed, $fail failed"; exit 1
fi
deb=$(ls "$tmp"/strata_*.deb)
lintian "$deb" >"$tmp/lintian" 2>&1
if ! grep -q '^E:' "$tmp/lintian"; then ok
else bad "lintian errors:"; grep '^E:' "$tmp/lintian"; fi
grep -E '^[WI]:' "$tmp/lintian" | sed 's/^/  lintian: /' | head -10
if dpkg -i "$deb" >"$tmp/install.log" 2>&1; then ok
else bad "dpkg -i"; cat "$tmp/install.log"; fi
out=$(strata decode /usr/share/strata/captures/icmp-echo.pcap 2>&1)
if [ "$(printf '%s\n' "$out" | grep -c 'echo re')" -eq 4 ]; then ok
else bad "installed strata decode: $out"; fi
[ -f /usr/share/man/man1/strata.1.gz ] && [ -f \
    /usr/share/bash-completion/completions/strata ] &&
    strata --version | grep -q '^strata 0.1.0$' && ok ||
    bad "man page, completion, --version"
files=$(dpkg -L strata | grep -v '^/\.$' | sort -r)
if dpkg -r strata >"$tmp/remove.log" 2>&1; then ok
else bad "dpkg -r"; cat "$tmp/remove.log"; fi
left=""
for f in $files; do
	[ -f "$f" ] && left="$left $f"
done
[ -z "$left" ] && [ ! -e /usr/bin/strata ] && ok ||
    bad "left after removal:$left"
dpkg --purge strata >/dev/null 2>&1
echo "deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
