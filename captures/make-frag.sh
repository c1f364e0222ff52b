#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes the fragment captures (run as root from anywhere):
#   frag-ping.pcap   ping -s 3000 127.0.0.1 over a loopback of MTU 1500: the
#                    request and the reply each in three IPv4 fragments
#                    (1480 + 1480 + 48 bytes of a 3008-byte ICMP message)
#   frag-ping6.pcap  the same over ::1: three IPv6 fragments each way
#                    (1448 + 1448 + 112 bytes)
#   frag-dns.pcap    a DNS query for big.strata.test (TXT) and its 2000-byte
#                    answer in two fragments, over 127.0.0.1 and over ::1,
#                    from a small responder of this script's own
# All in a network namespace of its own whose loopback has MTU 1500, so the
# kernel fragments what it sends; traffic only to 127.0.0.1 and ::1.
set -eu
out=$(cd "${1:-$(dirname "$0")}" && pwd)
NS=strata-frag
if [ "$(id -u)" -ne 0 ]; then
	echo "make-frag: needs root (network namespaces, tcpdump)" >&2
	exit 1
fi
cleanup() {
	ip netns del $NS 2>/dev/null || true
}
trap cleanup EXIT
cleanup
ip netns add $NS
ip -n $NS link set lo mtu 1500 up

# capture FILE COMMAND...: runs COMMAND in the namespace while tcpdump
# writes FILE.
capture() {
	file=$1
	shift
	ip netns exec $NS tcpdump -i lo -U -s 262144 -w "$out/$file" \
	    2>/dev/null &
	pid=$!
	sleep 1
	ip netns exec $NS "$@"
	sleep 1
	kill -INT "$pid"
	wait "$pid" || true
	echo "made $out/$file"
}

capture frag-ping.pcap sh -c 'ping -c 1 -s 3000 127.0.0.1 >/dev/null'
capture frag-ping6.pcap sh -c 'ping -6 -c 1 -s 3000 ::1 >/dev/null'

# A responder answering any query with TXT records of 2000 bytes in all.
capture frag-dns.pcap python3 - <<'PY'
import socket, struct, threading

def answer(q):
    qd = q[12:]
    end = qd.index(b"\0") + 5
    rr = b""
    for i in range(8):
        txt = (b"strata fragment test record %d " % i).ljust(240, b".")
        rr += b"\xc0\x0c\x00\x10\x00\x01\x00\x00\x00\x3c"
        rr += struct.pack(">HB", len(txt) + 1, len(txt)) + txt
    return q[:2] + b"\x81\x80\x00\x01\x00\x08\x00\x00\x00\x00" + \
        qd[:end] + rr

def query(fam, addr):
    srv = socket.socket(fam, socket.SOCK_DGRAM)
    srv.bind((addr, 53))
    def serve():
        q, peer = srv.recvfrom(512)
        srv.sendto(answer(q), peer)
    t = threading.Thread(target=serve)
    t.start()
    cl = socket.socket(fam, socket.SOCK_DGRAM)
    name = b"\x03big\x06strata\x04test\x00"
    cl.sendto(b"\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" + name +
        b"\x00\x10\x00\x01", (addr, 53))
    cl.recvfrom(4096)
    t.join()
    srv.close()
    cl.close()

query(socket.AF_INET, "127.0.0.1")
query(socket.AF_INET6, "::1")
PY
