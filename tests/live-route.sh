#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# ping and trace through a router: three network namespaces the test makes
# itself, client (198.18.1.2) - router (198.18.1.1 / 198.18.2.1) - server
# (198.18.2.2), joined by veth pairs.  Needs root and iproute2; skipped with
# the reason otherwise.
#   sh tests/live-route.sh STRATA
set -u
. "$(dirname "$0")/netns-path.sh"
strata=${1:?usage: live-route.sh STRATA}
case $strata in /*) ;; *) strata=$(pwd)/$strata ;; esac
if [ "$(id -u)" -ne 0 ]; then
	echo "live-route: skipped: needs root (network namespaces)"
	exit 0
fi
if ! command -v ip >/dev/null 2>&1; then
	echo "live-route: skipped: iproute2 not installed"
	exit 0
fi
s=$$
C=stc$s R=str$s S=sts$s
cleanup() {
	ip netns del "$C" 2>/dev/null
	ip netns del "$R" 2>/dev/null
	ip netns del "$S" 2>/dev/null
	rm -f "$out" "$out2"
}
out=$(mktemp) out2=$(mktemp)
trap cleanup EXIT
if ! ip netns add "$C" 2>/dev/null; then
	echo "live-route: skipped: cannot create network namespaces here"
	exit 0
fi
netns_path 1500 || {
	echo "live-route: FAIL: could not build the namespaces"; exit 1; }

pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; sed 's/^/    /' "$out" | head -20; }
# in NS CMD...: runs strata in namespace NS into $out; sets rc.
run_in() { ns=$1; shift; timeout 30 ip netns exec "$ns" "$strata" "$@" >"$out" 2>&1; rc=$?; }
has() { grep -q -- "$1" "$out"; }

# A clean path: exact counts, TTL one less for the router's hop.
run_in "$C" ping -c 3 -i 0.2 -W 2 198.18.2.2
if [ $rc -eq 0 ] && has "^PING 198.18.2.2 (198.18.2.2) 56(84) bytes of data.$" &&
    has "^64 bytes from 198.18.2.2: icmp_seq=3 ttl=63 time=" &&
    has "^3 packets transmitted, 3 received, 0% packet loss, time " &&
    has "^rtt min/avg/max/mdev = "; then ok; else bad "clean path"; fi

# Two pings at once: each counts only its own replies.
timeout 30 ip netns exec "$C" "$strata" ping -c 5 -i 0.2 198.18.2.2 >"$out2" 2>&1 &
run_in "$C" ping -c 5 -i 0.2 198.18.2.2
wait
if has "5 packets transmitted, 5 received, 0% packet loss" &&
    grep -q "5 packets transmitted, 5 received, 0% packet loss" "$out2" &&
    ! has DUP && ! grep -q DUP "$out2"; then ok; else bad "concurrent pings"; fi

# A TTL too small for the path: the router answers.
run_in "$C" ping -c 1 -t 1 -W 1 198.18.2.2
if [ $rc -eq 1 ] && has "^From 198.18.1.1 icmp_seq=1 Time to live exceeded$" &&
    has "1 packets transmitted, 0 received, +1 errors, 100% packet loss"
then ok; else bad "ttl exceeded"; fi

# The teaching view: the time exceeded quotes our request.
run_in "$C" ping -c 1 -t 1 -W 1 --layers summary 198.18.2.2
if has "time exceeded (TTL exceeded in transit).*quoting ipv4 › icmp"
then ok; else bad "layers of a time exceeded"; fi

# --explain: the prediction, the quote against the request, the numbers.
run_in "$C" ping -c 1 -t 1 -W 1 --explain 198.18.2.2
if has "^expect: an echo reply from 198.18.2.2 with id [0-9]* and seq 1; or, if 198.18.2.2 is more than 1 hop away, a time exceeded from the router at hop 1" &&
    has "^  the request it quotes, against the one sent" &&
    has "^  errors       1: ICMP errors quoting a request" &&
    has "^1 packets transmitted, 0 received, +1 errors"
then ok; else bad "ping --explain"; fi

# Loss: the server ignores echo requests; exit 1 after the timeout.
ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=1
run_in "$C" ping -c 2 -i 0.2 -W 1 198.18.2.2
if [ $rc -eq 1 ] &&
    has "^2 packets transmitted, 0 received, 100% packet loss" &&
    ! has "^rtt"; then ok; else bad "total loss"; fi
ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=0

# Waits (up to 10 s) for dup-responder.py's raw socket in the server's
# namespace: python starts slowly on a busy machine, and a request sent
# before it listens is answered by no one.
responder_ready() {
	i=0
	while [ $i -lt 100 ] && ! ip netns exec "$S" ss -Hwa 2>/dev/null |
	    grep -q .; do
		sleep 0.1
		i=$((i + 1))
	done
}

# Duplicates: the router's link to the server doubles every packet.
if ip netns exec "$R" tc qdisc add dev r1 root netem duplicate 100% 2>/dev/null
then
	run_in "$C" ping -c 2 -i 0.3 -W 1 198.18.2.2
	if has "(DUP!)" && has "+2 duplicates"; then ok; else bad "duplicates"; fi
	ip netns exec "$R" tc qdisc del dev r1 root
elif command -v python3 >/dev/null 2>&1; then
	# No netem here: a responder of the test's own answers twice.
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=1
	ip netns exec "$S" python3 "$(dirname "$0")/dup-responder.py" 2 &
	responder_ready
	run_in "$C" ping -c 2 -i 0.3 -W 1 198.18.2.2
	wait
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=0
	if has "icmp_seq=1 ttl=63 time=.* ms (DUP!)$" &&
	    has "2 packets transmitted, 2 received, +[12] duplicates, 0% packet loss"
	then ok; else bad "duplicates"; fi
else
	skip=$((skip + 1))
	echo "live-route: skipped duplicates: no tc netem and no python3"
fi

# Forged replies (right id and sequence, not this run's data) are not
# counted as received.
if command -v python3 >/dev/null 2>&1; then
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=1
	ip netns exec "$S" python3 "$(dirname "$0")/dup-responder.py" 2 --forge &
	responder_ready
	run_in "$C" ping -c 2 -i 0.3 -W 1 198.18.2.2
	wait
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=0
	if [ $rc -eq 1 ] && has "2 packets transmitted, 0 received, +2 forged"
	then ok; else bad "forged replies"; fi
	# Corrupted replies (a wrong ICMP checksum), as iputils counts them.
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=1
	ip netns exec "$S" python3 "$(dirname "$0")/dup-responder.py" 1 --corrupt &
	responder_ready
	run_in "$C" ping -c 1 -W 1 198.18.2.2
	wait
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_echo_ignore_all=0
	if [ $rc -eq 1 ] && has "icmp_seq=1 ttl=63 time=.* ms (BAD CHECKSUM!)$" &&
	    has "^1 packets transmitted, 0 received, +1 corrupted, 100% packet loss"
	then ok; else bad "corrupted replies"; fi
fi

# Without raw sockets, through the kernel's ping socket (ping_group_range).
if command -v setpriv >/dev/null 2>&1; then
	ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
	nobody="setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all --bounding-set=-all"
	timeout 30 ip netns exec "$C" $nobody "$strata" ping -c 2 -i 0.2 -W 1 \
	    198.18.2.2 >"$out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && has "using the kernel's ping socket" &&
	    has "^64 bytes from 198.18.2.2: icmp_seq=2 ttl=63 time=" &&
	    has "2 packets transmitted, 2 received"; then ok
	else bad "unprivileged ping socket"; fi
	timeout 30 ip netns exec "$C" $nobody "$strata" ping -c 1 -t 1 -W 1 \
	    198.18.2.2 >"$out" 2>&1
	rc=$?
	if [ $rc -eq 1 ] && has "^From 198.18.1.1 icmp_seq=1 Time to live exceeded$"
	then ok; else bad "unprivileged ping socket, ttl exceeded"; fi
	ip netns exec "$C" sysctl -qw net.ipv4.ping_group_range="1 0"
	timeout 30 ip netns exec "$C" $nobody "$strata" ping -c 1 198.18.2.2 \
	    >"$out" 2>&1
	rc=$?
	if [ $rc -eq 2 ] && has "sudo setcap cap_net_raw+ep" &&
	    has "ping_group_range"; then ok; else bad "no privilege at all"; fi
else
	skip=$((skip + 3))
	echo "live-route: skipped unprivileged ping: no setpriv"
fi

# trace: hop 1 is the router, hop 2 the server, for each kind of probe.
for p in icmp udp tcp; do
	run_in "$C" trace -P "$p" -w 1 -q 2 198.18.2.2
	if [ $rc -eq 0 ] && has "^ 1  198.18.1.1  [0-9.]* ms  [0-9.]* ms$" &&
	    has "^ 2  198.18.2.2  [0-9.]* ms  [0-9.]* ms$" && ! has "^ 3 "
	then ok; else bad "trace -P $p"; fi
done
run_in "$C" trace -P udp -w 1 -q 1 --layers tree 198.18.2.2
if has "quoted User Datagram Protocol" && has "icmp.type  *1 B  *11 (time exceeded)"
then ok; else bad "trace --layers"; fi
# The quote against the probe: hop 2 got it after one router took one off.
if has "^  ip.ttl  *2 → 1  *each router takes one off: 1 router forwarded it" &&
    has "^  ip.checksum  *0x[0-9a-f]* → 0x[0-9a-f]*  *recomputed by each router after the TTL changed"
then ok; else bad "trace --layers: sent against quoted"; fi

echo "live-route: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
