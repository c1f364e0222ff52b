#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes the bundled captures on loopback.  Needs root (tcpdump on lo) and
# sends traffic only to 127.0.0.1 and ::1.  Installs tcpdump, iputils-ping
# and python3 with apt-get when they are missing.
#
#   sh captures/make-captures.sh [OUTDIR]     (default: captures/)
set -eu
out=${1:-$(dirname "$0")}
if [ "$(id -u)" -ne 0 ]; then
	echo "make-captures: needs root to capture on lo (sudo sh $0)" >&2
	exit 1
fi
need=""
command -v tcpdump >/dev/null 2>&1 || need="$need tcpdump"
command -v ping >/dev/null 2>&1 || need="$need iputils-ping"
command -v python3 >/dev/null 2>&1 || need="$need python3"
command -v openssl >/dev/null 2>&1 || need="$need openssl"
if [ -n "$need" ]; then
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi

# capture FILE FILTER COMMAND...: runs COMMAND while tcpdump writes FILE.
capture() {
	file=$1 filter=$2
	shift 2
	tcpdump -i lo -U -s 262144 -w "$out/$file" "$filter" 2>/dev/null &
	pid=$!
	sleep 1
	"$@"
	sleep 1
	kill -INT "$pid"
	wait "$pid" || true
	echo "made $out/$file"
}

capture icmp-echo.pcap 'icmp and host 127.0.0.1' \
	sh -c 'ping -c 2 -i 0.2 127.0.0.1 >/dev/null'

capture icmp6-echo.pcap 'icmp6 and host ::1' \
	sh -c 'ping -6 -c 2 -i 0.2 ::1 >/dev/null'

# A TCP connection: handshake, a request and a reply, and the close.
capture tcp-session.pcap 'tcp port 7777' python3 - <<'PY'
import socket, threading
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 7777))
srv.listen(1)
def serve():
    c, _ = srv.accept()
    data = c.recv(100)
    c.sendall(b"strata says hi: " + data)
    c.close()
t = threading.Thread(target=serve)
t.start()
cl = socket.create_connection(("127.0.0.1", 7777))
cl.sendall(b"hello, layers\n")
cl.recv(100)
cl.close()
t.join()
srv.close()
PY

# One UDP datagram each way.
capture udp.pcap 'udp port 7778' python3 - <<'PY'
import socket
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 7778))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 7779))
b.sendto(b"ping over udp", ("127.0.0.1", 7778))
data, peer = a.recvfrom(100)
a.sendto(b"pong over udp", peer)
b.recvfrom(100)
PY

# A UDP datagram to a closed port: the kernel answers port unreachable.
capture udp-unreachable.pcap '(udp port 7780) or icmp' python3 - <<'PY'
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.sendto(b"anyone there?", ("127.0.0.1", 7780))
PY

# DNS: a query and its answer, from a small responder of our own on
# 127.0.0.1:53 (A, AAAA and CNAME records for strata.test).
capture dns.pcap 'udp port 53' python3 - <<'PY'
import socket, struct, threading
srv = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
srv.bind(("127.0.0.1", 53))
def name(n):
    return b"".join(bytes([len(p)]) + p.encode() for p in n.split(".")) + b"\0"
def serve():
    for _ in range(2):
        q, peer = srv.recvfrom(512)
        qid, = struct.unpack("!H", q[:2])
        qtype, = struct.unpack("!H", q[-4:-2])
        ans = b""
        if qtype == 1:
            cname = name("www.strata.test")
            # The CNAME's target sits at offset 41; the A record points there.
            ans = (b"\xc0\x0c" + struct.pack("!HHIH", 5, 1, 300,
                                              len(cname)) + cname +
                   b"\xc0\x29" + struct.pack("!HHIH", 1, 1, 300, 4) +
                   bytes([198, 18, 0, 10]))
            n = 2
        else:
            ans = (b"\xc0\x0c" + struct.pack("!HHIH", 28, 1, 300, 16) +
                   socket.inet_pton(socket.AF_INET6, "2001:db8::10"))
            n = 1
        hdr = struct.pack("!HHHHHH", qid, 0x8180, 1, n, 0, 0)
        srv.sendto(hdr + q[12:] + ans, peer)
t = threading.Thread(target=serve)
t.start()
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for qid, qtype in ((0x5a5a, 1), (0x5a5b, 28)):
    q = struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + name("strata.test") + struct.pack("!HH", qtype, 1)
    c.sendto(q, ("127.0.0.1", 53))
    c.recvfrom(512)
t.join()
PY

# HTTP: a GET to a local server and its answer.
tmp=$(mktemp -d)
printf 'Hello from strata: layer 7 rides on layer 4.\n' > "$tmp/hello.txt"
(cd "$tmp" && exec python3 -m http.server 8080 --bind 127.0.0.1) \
	>/dev/null 2>&1 &
srv=$!
sleep 1
capture http.pcap 'tcp port 8080' python3 - <<'PY'
import http.client
c = http.client.HTTPConnection("127.0.0.1", 8080)
c.request("GET", "/hello.txt", headers={"User-Agent": "strata-captures"})
c.getresponse().read()
c.close()
PY
kill "$srv"
wait "$srv" 2>/dev/null || true

# TLS: a handshake with a local openssl s_server (self-signed, made here).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" \
	-out "$tmp/cert.pem" -days 1 -subj /CN=strata.test 2>/dev/null
openssl s_server -accept 127.0.0.1:8443 -cert "$tmp/cert.pem" \
	-key "$tmp/key.pem" -alpn http/1.1 -quiet >/dev/null 2>&1 &
srv=$!
sleep 1
capture tls.pcap 'tcp port 8443' sh -c 'echo hello | openssl s_client \
	-connect 127.0.0.1:8443 -servername strata.test -alpn http/1.1 \
	-quiet >/dev/null 2>&1'
kill "$srv"
wait "$srv" 2>/dev/null || true
rm -rf "$tmp"

# A conversation with reordering, a retransmission, an overlap and a gap,
# written by hand (no traffic) for the follow-stream tests.
python3 "$(dirname "$0")/make-retrans.py" "$out/tcp-retrans.pcap"
echo "made $out/tcp-retrans.pcap"
