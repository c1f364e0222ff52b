#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes the tunnel captures (run as root from the repository's top):
#   vxlan.pcap   made by the kernel: two network namespaces joined by a veth
#                pair (198.18.0.1, 198.18.0.2), a VXLAN device (VNI 42, UDP
#                4789) in each with inner addresses 198.19.0.1 and .2, and
#                two pings across it, captured on the veth
#   the rest     written by make-tunnels.py: this kernel has no GRE, Geneve,
#                MPLS, IPsec or L2TP devices to make them with
set -e
cd "$(dirname "$0")"
A=strata-tun-a
B=strata-tun-b
cleanup() {
	ip netns del $A 2>/dev/null || true
	ip netns del $B 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add $A
ip netns add $B
# No IPv6 chatter (duplicate address detection, MLD) in the capture.
ip netns exec $A sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip netns exec $A sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip netns exec $B sysctl -qw net.ipv6.conf.all.disable_ipv6=1
ip netns exec $B sysctl -qw net.ipv6.conf.default.disable_ipv6=1
ip link add sta0 netns $A type veth peer name stb0 netns $B
ip -n $A addr add 198.18.0.1/24 dev sta0
ip -n $B addr add 198.18.0.2/24 dev stb0
ip -n $A link set sta0 up
ip -n $B link set stb0 up
ip -n $A link add vx0 type vxlan id 42 remote 198.18.0.2 local 198.18.0.1 \
    dstport 4789 dev sta0
ip -n $B link add vx0 type vxlan id 42 remote 198.18.0.1 local 198.18.0.2 \
    dstport 4789 dev stb0
ip -n $A addr add 198.19.0.1/24 dev vx0
ip -n $B addr add 198.19.0.2/24 dev vx0
ip -n $A link set vx0 up
ip -n $B link set vx0 up
ip netns exec $A tcpdump -q -i sta0 -w vxlan.pcap -U udp port 4789 \
    2>/dev/null &
TD=$!
sleep 1
ip netns exec $A ping -c 2 -i 0.2 198.19.0.2 >/dev/null
sleep 1
kill $TD
wait $TD 2>/dev/null || true
python3 make-tunnels.py .
