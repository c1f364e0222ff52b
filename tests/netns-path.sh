# SPDX-License-Identifier: BSD-3-Clause
# Sourced by the live tests that need a routed path: a client namespace $C
# (198.18.1.2), a router $R and a server $S (198.18.2.2), joined by veth
# pairs, the router forwarding and neither it nor the server rate-limiting
# ICMP errors (these tests count every answer).  netns_path MTU builds it,
# MTU being the second link's (router to server); returns non-zero if any
# step failed.  The caller names the namespaces and deletes them.
netns_path() {
	ip netns add "$R" && ip netns add "$S" &&
	ip link add c0 netns "$C" type veth peer name r0 netns "$R" &&
	ip link add r1 netns "$R" type veth peer name s0 netns "$S" &&
	ip -n "$C" addr add 198.18.1.2/24 dev c0 &&
	ip -n "$R" addr add 198.18.1.1/24 dev r0 &&
	ip -n "$R" addr add 198.18.2.1/24 dev r1 &&
	ip -n "$S" addr add 198.18.2.2/24 dev s0 &&
	for ns in "$C" "$R" "$S"; do ip -n "$ns" link set lo up; done &&
	ip -n "$C" link set c0 up && ip -n "$R" link set r0 up &&
	ip -n "$R" link set r1 mtu "$1" up &&
	ip -n "$S" link set s0 mtu "$1" up &&
	ip -n "$C" route add default via 198.18.1.1 &&
	ip -n "$S" route add default via 198.18.2.1 &&
	ip netns exec "$R" sysctl -qw net.ipv4.ip_forward=1 &&
	ip netns exec "$R" sysctl -qw net.ipv4.icmp_ratelimit=0 &&
	ip netns exec "$S" sysctl -qw net.ipv4.icmp_ratelimit=0
}
