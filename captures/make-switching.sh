#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes the switching family's captures (run as root from the top
# directory):
#  - captures/stp-bridge.pcap: real BPDUs from a Linux bridge with STP on,
#    in a network namespace of its own (no address leaves it);
#  - captures/switching.pcap: CDP, LLDP, LACP, marker, EAPOL/EAP, PTP and
#    STP frames written byte by byte (make-switching.py).
set -eu
NS=stsw$$
cleanup() { ip netns del "$NS" 2>/dev/null || true; }
trap cleanup EXIT INT TERM
ip netns add "$NS"
ip -n "$NS" link add br0 type bridge stp_state 1 hello_time 100
ip -n "$NS" link add veth0 type veth peer name veth1
ip -n "$NS" link set veth0 master br0
ip -n "$NS" link set veth0 up
ip -n "$NS" link set veth1 up
ip -n "$NS" addr add 198.18.0.1/15 dev br0
ip -n "$NS" link set br0 up
ip netns exec "$NS" timeout 5 tcpdump -q -i veth1 -U \
    -w captures/stp-bridge.pcap -c 3 stp || true
python3 captures/make-switching.py captures/switching.pcap
