#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes the captures of TCP's analysis (retransmissions, duplicate ACKs,
# windows, keep-alives, TSO) with the kernel's own TCP, in three network
# namespaces the script makes and removes: a client (198.18.1.1), a router
# and a server (198.18.2.1), joined by veth pairs.  Needs root, nft,
# ethtool, tcpdump and python3.  Traffic stays inside the namespaces.
#
#   sh captures/make-tcpan.sh [OUTDIR]     (default: captures/)
#
# tcp-loss-client.pcap, tcp-loss-server.pcap
#	400,000 bytes (a fixed pattern) from the client to the server port
#	5001, with offloads off; the router drops every 33rd data segment
#	towards the server (3%, nft "numgen inc mod 33": the same segments
#	each run, not random), captured on the client's and the server's
#	veth at once (headers and 30 bytes of data)
# tcp-window.pcap
#	a server that reads nothing for a second through a 4 KiB receive
#	buffer (zero windows, window full, probes, window updates), then a
#	connection left idle with keep-alives every 0.3 s
# tcp-tso.pcap
#	64 KiB sent with segmentation offload on: the capture at the sender
#	sees segments longer than the MSS, before the NIC (here, veth's GSO)
#	cuts them
set -eu
out=${1:-$(dirname "$0")}
C=tcpan-c R=tcpan-r S=tcpan-s
if [ "$(id -u)" -ne 0 ]; then
	echo "make-tcpan: needs root (namespaces)" >&2
	exit 1
fi
for t in nft ethtool tcpdump python3; do
	command -v $t >/dev/null || { echo "make-tcpan: needs $t" >&2; exit 1; }
done

cleanup() {
	for n in $C $R $S; do ip netns del $n 2>/dev/null || true; done
}
trap cleanup EXIT
cleanup

# setup OFFLOAD: the namespaces, addresses, routes; offloads on or off.
setup() {
	cleanup
	for n in $C $R $S; do ip netns add $n; ip -n $n link set lo up; done
	ip link add tc0 netns $C type veth peer name tr0 netns $R
	ip link add ts0 netns $S type veth peer name tr1 netns $R
	ip -n $C addr add 198.18.1.1/24 dev tc0
	ip -n $R addr add 198.18.1.254/24 dev tr0
	ip -n $R addr add 198.18.2.254/24 dev tr1
	ip -n $S addr add 198.18.2.1/24 dev ts0
	for p in "$C tc0" "$R tr0" "$R tr1" "$S ts0"; do
		set -- $p
		ip -n $1 link set $2 up
		ip netns exec $1 ethtool -K $2 tso $OFF gso $OFF gro $OFF \
		    tx $OFF rx $OFF >/dev/null 2>&1 || true
	done
	ip -n $C route add default via 198.18.1.254
	ip -n $S route add default via 198.18.2.254
	ip netns exec $R sysctl -qw net.ipv4.ip_forward=1
}

# cap NS DEV FILE: tcpdump in the background; its pid in $!.
cap() {
	ip netns exec $1 tcpdump -i $2 -U -s 96 -w "$3" tcp 2>/dev/null &
}

server() {
	ip netns exec $S python3 - "$@" <<'PY' &
import socket, sys, time
mode = sys.argv[1]
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if mode == "window":
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.bind(("198.18.2.1", 5001))
s.listen(1)
c, _ = s.accept()
if mode == "window":
    time.sleep(1.0)
n = 0
while True:
    b = c.recv(65536)
    if not b:
        break
    n += len(b)
    if mode == "window":
        time.sleep(0.01)
c.close()
PY
	sleep 0.5
}

client() {
	ip netns exec $C python3 - "$@" <<'PY'
import socket, sys, time
mode, size = sys.argv[1], int(sys.argv[2])
data = bytes((i * 7 + 3) % 251 for i in range(size))
c = socket.create_connection(("198.18.2.1", 5001))
c.sendall(data)
if mode == "window":
    c.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, 1)
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 1)
    time.sleep(3.5)
c.close()
PY
}

stop() {
	sleep 1
	for p in "$@"; do kill -INT $p 2>/dev/null || true; done
	for p in "$@"; do wait $p 2>/dev/null || true; done
}

OFF=off setup
ip netns exec $R nft -f - <<'NFT'
table inet loss {
	chain drops {
		type filter hook forward priority 0;
		ip daddr 198.18.2.1 tcp dport 5001 ip length > 100 numgen inc mod 33 == 16 counter drop
	}
}
NFT
cap $C tc0 "$out/tcp-loss-client.pcap"; pc=$!
cap $S ts0 "$out/tcp-loss-server.pcap"; ps=$!
sleep 1
server loss; srv=$!
client loss 400000
wait $srv || true
stop $pc $ps
ip netns exec $R nft list ruleset | grep -o 'packets [0-9]*' | sed 's/^/dropped /'
echo "made $out/tcp-loss-client.pcap $out/tcp-loss-server.pcap"

OFF=off setup
cap $C tc0 "$out/tcp-window.pcap"; pc=$!
sleep 1
server window; srv=$!
client window 60000
wait $srv || true
stop $pc
echo "made $out/tcp-window.pcap"

OFF=on setup
cap $C tc0 "$out/tcp-tso.pcap"; pc=$!
sleep 1
server tso; srv=$!
client tso 65536
wait $srv || true
stop $pc
echo "made $out/tcp-tso.pcap"
