#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Remakes the app-web captures on loopback (127.0.0.1 only): TLS on a port
# no protocol binds (recognised by content, both directions), with TLS 1.2
# (certificate and key exchange in the clear) and TLS 1.3; HTTP/1.1 on an
# unbound port with pipelined requests and a chunked response.  Needs root
# (tcpdump on lo), openssl and python3.
#
#   sh captures/make-appweb.sh [OUTDIR]     (default: captures/)
set -eu
out=${1:-$(dirname "$0")}
if [ "$(id -u)" -ne 0 ]; then
	echo "make-appweb: needs root to capture on lo (sudo sh $0)" >&2
	exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

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

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
    -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 1 \
    -subj "/CN=strata.test" >/dev/null 2>&1

# tls VERSIONFLAG PORT: one s_server, one s_client exchange on PORT.
tls() {
	openssl s_server -accept "$2" -cert "$tmp/cert.pem" \
	    -key "$tmp/key.pem" "$1" -alpn h2,http/1.1 -naccept 1 -quiet \
	    >/dev/null 2>&1 &
	spid=$!
	sleep 0.5
	echo "hello over tls" | openssl s_client -connect "127.0.0.1:$2" \
	    -servername strata.test "$1" -alpn h2 -ign_eof >/dev/null 2>&1 ||
	    true
	wait "$spid" || true
}

capture appweb-tls12-odd.pcap 'tcp port 4433' tls -tls1_2 4433
capture appweb-tls13-odd.pcap 'tcp port 4434' tls -tls1_3 4434

# Two pipelined requests in one segment; a sized and a chunked reply in one.
capture appweb-http-odd.pcap 'tcp port 8123' python3 - <<'PY'
import socket, threading
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 8123))
srv.listen(1)
def serve():
    c, _ = srv.accept()
    data = b""
    while data.count(b"\r\n\r\n") < 2:
        data += c.recv(4096)
    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
              b"Content-Length: 6\r\n\r\nhello\n"
              b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n"
              b"Set-Cookie: s=1\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n")
    c.close()
t = threading.Thread(target=serve)
t.start()
cl = socket.create_connection(("127.0.0.1", 8123))
cl.sendall(b"GET /index.html?lang=en&q=layers HTTP/1.1\r\nHost: strata.test\r\n"
           b"Cookie: a=1; b=2\r\nAuthorization: Basic c3RyYXRhOnRlc3Q=\r\n\r\n"
           b"GET /next HTTP/1.1\r\nHost: strata.test\r\nConnection: close\r\n\r\n")
while cl.recv(4096):
    pass
cl.close()
t.join()
PY

# HTTP/2 with prior knowledge on an unbound port: the preface, SETTINGS
# both ways, a request and a reply with HPACK static-table and plain literal
# fields, DATA, WINDOW_UPDATE, PING and GOAWAY; frames written by hand.
capture appweb-h2c-odd.pcap 'tcp port 8124' python3 - <<'PY'
import socket, struct, threading
def frame(t, flags, stream, payload):
    return struct.pack(">I", len(payload))[1:] + bytes([t, flags]) + \
        struct.pack(">I", stream) + payload
def lit(name_idx, value):
    return bytes([0x40 | name_idx, len(value)]) + value
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 8124))
srv.listen(1)
def serve():
    c, _ = srv.accept()
    c.recv(4096)
    c.sendall(frame(4, 0, 0, struct.pack(">HI", 3, 100) +
                    struct.pack(">HI", 4, 65535)) + frame(4, 1, 0, b""))
    c.recv(4096)
    c.sendall(frame(1, 4, 1, b"\x88" + lit(31, b"text/plain")) +
              frame(0, 1, 1, b"hello\n"))
    c.recv(4096)
    c.sendall(frame(7, 0, 0, struct.pack(">II", 1, 0)))
    c.close()
t = threading.Thread(target=serve)
t.start()
cl = socket.create_connection(("127.0.0.1", 8124))
cl.sendall(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n" + frame(4, 0, 0, b""))
cl.recv(4096)
cl.sendall(frame(4, 1, 0, b"") + frame(1, 5, 1, b"\x82\x86\x84" +
           lit(1, b"strata.test")) + frame(8, 0, 0, struct.pack(">I", 1000)))
cl.recv(4096)
cl.sendall(frame(6, 0, 0, b"strata!!"))
while cl.recv(4096):
    pass
cl.close()
t.join()
PY

# A WebSocket upgrade on an unbound port, then a masked text frame from the
# client, an unmasked text reply, a ping and its pong, and the close both
# ways; frames written by hand.
capture appweb-ws-odd.pcap 'tcp port 8125' python3 - <<'PY'
import socket, struct, threading
def frame(op, payload, key=None):
    b = bytes([0x80 | op])
    m = 0x80 if key else 0
    b += bytes([m | len(payload)])
    if key:
        b += key
        payload = bytes(c ^ key[i % 4] for i, c in enumerate(payload))
    return b + payload
srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 8125))
srv.listen(1)
def serve():
    c, _ = srv.accept()
    c.recv(4096)
    c.sendall(b"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
              b"Connection: Upgrade\r\n"
              b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
    c.recv(4096)
    c.sendall(frame(1, b"hello, client") + frame(9, b"ping"))
    c.recv(4096)
    c.recv(4096)
    c.sendall(frame(8, struct.pack(">H", 1000)))
    c.close()
t = threading.Thread(target=serve)
t.start()
cl = socket.create_connection(("127.0.0.1", 8125))
cl.sendall(b"GET /chat HTTP/1.1\r\nHost: strata.test\r\nUpgrade: websocket\r\n"
           b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           b"Sec-WebSocket-Version: 13\r\n\r\n")
cl.recv(4096)
key = b"\x37\xfa\x21\x3d"
cl.sendall(frame(1, b"hello, server", key))
cl.recv(4096)
cl.sendall(frame(10, b"ping", key))
cl.sendall(frame(8, struct.pack(">H", 1000) + b"bye", key))
while cl.recv(4096):
    pass
cl.close()
t.join()
PY
