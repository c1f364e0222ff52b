#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes screens.pcap (run as root from anywhere): what the changes view
# and the bits and tree screens are shown on.  Three network namespaces,
# A (198.18.0.1) - R (198.18.0.254, 198.18.1.254) - B (198.18.1.2), joined
# by veth pairs; captured on A's side:
#   - four UDP probes from A port 40000 to B port 33434 from one socket, TTL 1, 2, 3,
#     4 (as traceroute sends them): R answers the first with time exceeded,
#     B the others with port unreachable;
#   - ping -c 4 from A to B: requests and replies, sequence +1 each;
# and screens-frag.pcap: one ping of 2000 bytes, which A sends in two
# fragments (offset 1480), and its answer.
set -e
cd "$(dirname "$0")"
A=strata-scr-a
R=strata-scr-r
B=strata-scr-b
cleanup() {
	ip netns del $A 2>/dev/null || true
	ip netns del $R 2>/dev/null || true
	ip netns del $B 2>/dev/null || true
}
trap cleanup EXIT
cleanup
for n in $A $R $B; do
	ip netns add $n
	# No IPv6 chatter (duplicate address detection, MLD) in the capture.
	ip netns exec $n sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec $n sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip -n $n link set lo up
done
ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
ip link add sca0 netns $A type veth peer name scr0 netns $R
ip link add scr1 netns $R type veth peer name scb0 netns $B
ip -n $A addr add 198.18.0.1/24 dev sca0
ip -n $R addr add 198.18.0.254/24 dev scr0
ip -n $R addr add 198.18.1.254/24 dev scr1
ip -n $B addr add 198.18.1.2/24 dev scb0
ip -n $A link set sca0 up
ip -n $R link set scr0 up
ip -n $R link set scr1 up
ip -n $B link set scb0 up
ip -n $A route add default via 198.18.0.254
ip -n $B route add default via 198.18.1.254
# Neighbours known beforehand: no ARP in the capture.
ip netns exec $A ping -c 1 -W 1 198.18.1.2 >/dev/null
sleep 0.5
ip netns exec $A tcpdump -q -i sca0 -w screens.pcap -U ip 2>/dev/null &
TD=$!
sleep 1
ip netns exec $A python3 - <<'PY'
import socket, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("198.18.0.1", 40000))
for ttl in (1, 2, 3, 4):
    s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, ttl)
    s.sendto(b"strata probe", ("198.18.1.2", 33434))
    time.sleep(0.1)
PY
ip netns exec $A ping -c 4 -i 0.2 198.18.1.2 >/dev/null
sleep 1
kill $TD
wait $TD 2>/dev/null || true
echo "made screens.pcap"
ip netns exec $A tcpdump -q -i sca0 -w screens-frag.pcap -U ip 2>/dev/null &
TD=$!
sleep 1
ip netns exec $A ping -c 1 -s 2000 -M dont 198.18.1.2 >/dev/null
sleep 1
kill $TD
wait $TD 2>/dev/null || true
echo "made screens-frag.pcap"
