#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Proves the privilege drop, not just that it is called: started as root
# (as under sudo, SUDO_UID/SUDO_GID set, and plain), a running strata has
# real, effective and saved uid and gid not 0, empty permitted and effective
# capabilities, no_new_privs, and a seccomp filter in its receive loop
# (which refuses new files and sockets); and no byte of a packet or file is
# read before the drop (the order of system calls, seen by strace), files
# named being opened before it as tcpdump -Z opens them.
# Needs root; strace for the order (skipped with the reason without it).
#   sh tests/privileges.sh STRATA
set -u
strata=${1:?usage: privileges.sh STRATA}
case $strata in /*) ;; *) strata=$(pwd)/$strata ;; esac
dir=$(cd "$(dirname "$0")/.." && pwd)
if [ "$(id -u)" -ne 0 ]; then
	echo "privileges: skipped: needs root"
	exit 0
fi
tmp=$(mktemp -d)
chmod 755 "$tmp"
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }
# status WANT_UID: the /proc status of the running strata ($pid).
status() {
	st=/proc/$pid/status
	u=$(awk '/^Uid:/ { print $2, $3, $4 }' "$st")
	g=$(awk '/^Gid:/ { print $2, $3, $4 }' "$st")
	prm=$(awk '/^CapPrm:/ { print $2 }' "$st")
	eff=$(awk '/^CapEff:/ { print $2 }' "$st")
	nnp=$(awk '/^NoNewPrivs:/ { print $2 }' "$st")
	sec=$(awk '/^Seccomp:/ { print $2 }' "$st")
	[ "$u" = "$1 $1 $1" ] && [ "$g" = "$2 $2 $2" ] &&
	    [ "$prm" = 0000000000000000 ] && [ "$eff" = 0000000000000000 ] &&
	    [ "$nnp" = 1 ] && [ "$sec" = 2 ]
}
for who in sudo plain; do
	if [ $who = sudo ]; then
		want_u=4321 want_g=4322
		env="SUDO_UID=4321 SUDO_GID=4322"
	else
		want_u=65534 want_g=65534
		env="SUDO_UID= SUDO_GID="
	fi
	# ping: raw sockets, then the drop, then the loop under seccomp.
	env $env STRATA_SANDBOX_TEST=1 "$strata" ping -c 4 -i 0.5 127.0.0.1 \
	    >"$tmp/out" 2>"$tmp/err" &
	pid=$!
	sleep 0.8
	if status $want_u $want_g; then ok; else
		bad "ping as $who: $(grep -E '^(Uid|Gid|CapPrm|CapEff|NoNewPrivs|Seccomp):' /proc/$pid/status | tr '\n' ' ')"
	fi
	wait $pid
	grep -q "sandbox: open: Operation not permitted; socket: Operation not permitted" \
	    "$tmp/err" && grep -q "4 received" "$tmp/out" && ok ||
	    bad "ping as $who: the sandbox lets files or sockets open"
	# capture: the handle, then the drop.
	env $env "$strata" capture --duration 1.5 -f 'udp port 9' \
	    >/dev/null 2>&1 &
	pid=$!
	sleep 0.8
	status $want_u $want_g && ok || bad "capture as $who"
	wait $pid
done
# The order of system calls: no byte read before the drop.
if command -v strace >/dev/null 2>&1; then
	# decode and bpf, as tcpdump -Z: the file named is opened first (as
	# who ran strata: root reads a root-owned file of mode 600), then
	# the drop, then its first byte is read.
	cp "$dir/captures/dns.pcap" "$tmp/priv.pcap"
	chmod 600 "$tmp/priv.pcap"
	for cmd in decode "bpf udp"; do
		strace -f -qq -e trace=setresuid,openat,read -o "$tmp/st" \
		    "$strata" $cmd "$tmp/priv.pcap" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		open=$(grep -n 'priv.pcap' "$tmp/st" | head -1 | cut -d: -f1)
		fd=$(grep 'priv.pcap' "$tmp/st" | head -1 | sed 's/.*= *//')
		drop=$(grep -n 'setresuid' "$tmp/st" | head -1 | cut -d: -f1)
		rd=$(awk -v o="$open" -v fd="$fd" 'NR > o &&
		    index($0, "read(" fd ",") { print NR; exit }' "$tmp/st")
		[ $rc -eq 0 ] && [ -n "$open" ] && [ -n "$drop" ] &&
		    [ -n "$rd" ] && [ "$open" -lt "$drop" ] &&
		    [ "$drop" -lt "$rd" ] && ok ||
		    bad "$cmd: rc $rc, open $open, drop $drop, first read $rd: $(cat "$tmp/err")"
	done
	grep -q "dns response" "$tmp/out" 2>/dev/null ||
	    "$strata" decode "$tmp/priv.pcap" | grep -q "dns response" && ok ||
	    bad "decode of a root-owned file of mode 600"
	# send: raw sockets before the drop, the spec file and replies after.
	printf 'payload' > "$tmp/pay.bin"
	chmod 644 "$tmp/pay.bin"
	strace -f -qq -e trace=socket,setresuid,openat,recvmsg,recvfrom \
	    -o "$tmp/st" "$strata" send --view summary \
	    "ip(dst=127.0.0.1)/icmp(type=echo-request,id=9,seq=9)/@$tmp/pay.bin" \
	    >/dev/null 2>&1
	raw=$(grep -n 'SOCK_RAW' "$tmp/st" | tail -1 | cut -d: -f1)
	drop=$(grep -n 'setresuid' "$tmp/st" | head -1 | cut -d: -f1)
	file=$(grep -n 'pay.bin' "$tmp/st" | head -1 | cut -d: -f1)
	recv=$(grep -n -E 'recvmsg|recvfrom' "$tmp/st" | head -1 | cut -d: -f1)
	[ -n "$raw" ] && [ -n "$drop" ] && [ -n "$file" ] && [ -n "$recv" ] &&
	    [ "$raw" -lt "$drop" ] && [ "$drop" -lt "$file" ] &&
	    [ "$drop" -lt "$recv" ] && ok ||
	    bad "send: order raw $raw, drop $drop, file $file, recv $recv"
else
	skip=$((skip + 4))
	echo "privileges: skipped the order of system calls: strace not installed"
fi
echo "privileges: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
