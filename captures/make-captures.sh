#!/bin/sh
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
