#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the app10 captures (application layers reached through others):
TCP exchanges built by hand between 198.18.0.1 (client) and 198.18.0.2
(server), the same every time.  Each segment is one frame.

usage: make-app10.py DIR
  app10-websocket.pcap  an HTTP/1.1 Upgrade to WebSocket on port 8081 (no
                        WebSocket port): the request, the 101 answer with
                        a first text frame in its segment, a masked text
                        frame, a binary frame cut at its segment's end and
                        the segment that goes on with it, a close frame
  app10-connect.pcap    a CONNECT to mail.example:25 through a proxy on
                        port 3129, its 200 answer, then SMTP through the
                        tunnel: the greeting, EHLO and its answer
  app10-finger.pcap     finger on TCP 79: a query for alice, a two-segment
                        answer, and an empty query (everyone logged in)
  app10-rfb.pcap        VNC on TCP 5900: a whole 3.8 session (versions,
                        security types, VNC authentication, ServerInit,
                        SetEncodings, an update request, an update
                        with a raw rectangle, a key, the pointer, cut
                        text, two bells in a segment, SetPixelFormat to 8
                        bits and an update of three rectangles: raw,
                        CopyRect, DesktopSize); a refused login with its
                        reason; a 3.3 handshake (the server's 4-byte type)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, write  # noqa: E402


def ws_frame(op, payload, key=None, fin=True):
    """A WebSocket frame (RFC 6455 5.2), masked with key when given."""
    b0 = (0x80 if fin else 0) | op
    n = len(payload)
    m = 0x80 if key else 0
    if n < 126:
        h = struct.pack("!BB", b0, m | n)
    elif n < 65536:
        h = struct.pack("!BBH", b0, m | 126, n)
    else:
        h = struct.pack("!BBQ", b0, m | 127, n)
    if key:
        payload = bytes(c ^ key[i & 3] for i, c in enumerate(payload))
        h += key
    return h + payload


def websocket():
    frames = []
    c = Conn(40100, 8081, frames).handshake()
    c.send(True, b"GET /chat HTTP/1.1\r\nHost: server.example:8081\r\n"
           b"Upgrade: websocket\r\nConnection: Upgrade\r\n"
           b"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
           b"Sec-WebSocket-Version: 13\r\n\r\n")
    c.send(False, b"HTTP/1.1 101 Switching Protocols\r\n"
           b"Upgrade: websocket\r\nConnection: Upgrade\r\n"
           b"Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n" +
           ws_frame(1, b"welcome"))
    c.send(True, ws_frame(1, b"Hello", key=b"\x37\xfa\x21\x3d"))
    big = ws_frame(2, bytes(range(256)) * 2)
    c.send(False, big[:300])
    c.send(False, big[300:])
    c.send(True, ws_frame(8, b"\x03\xe8bye", key=b"\x01\x02\x03\x04"))
    return frames


def connect():
    frames = []
    c = Conn(40200, 3129, frames).handshake()
    c.send(True, b"CONNECT mail.example:25 HTTP/1.1\r\n"
           b"Host: mail.example:25\r\n\r\n")
    c.send(False, b"HTTP/1.1 200 Connection established\r\n\r\n")
    c.send(False, b"220 mail.example ESMTP ready\r\n")
    c.send(True, b"EHLO client.example\r\n")
    c.send(False, b"250-mail.example\r\n250 8BITMIME\r\n")
    return frames


def finger():
    frames = []
    c = Conn(40300, 79, frames).handshake()
    c.send(True, b"alice\r\n")
    c.send(False, b"Login: alice\t\t\tName: Alice Example\r\n")
    c.send(False, b"Directory: /home/alice\r\nNo Plan.\r\n")
    c = Conn(40301, 79, frames).handshake()
    c.send(True, b"\r\n")
    return frames


def rfb():
    frames = []
    c = Conn(40400, 5900, frames).handshake()
    c.send(False, b"RFB 003.008\n")
    c.send(True, b"RFB 003.008\n")
    c.send(False, bytes([2, 1, 2]))
    c.send(True, bytes([2]))
    c.send(False, bytes(range(0x10, 0x20)))         # challenge
    c.send(True, bytes(range(0xa0, 0xb0)))          # response
    c.send(False, struct.pack("!I", 0))             # security result OK
    c.send(True, bytes([1]))                        # ClientInit, shared
    c.send(False, struct.pack("!HHBBBBHHHBBB3xI", 1024, 768, 32, 24, 0, 1,
                              255, 255, 255, 16, 8, 0, 7) + b"desktop")
    c.send(True, struct.pack("!BxHiii", 2, 3, 0, 1, -223))  # SetEncodings
    c.send(True, struct.pack("!BBHHHH", 3, 0, 0, 0, 1024, 768))
    c.send(False, struct.pack("!BxHHHHHi", 0, 1, 8, 4, 2, 2, 0) +
           bytes(range(16)))                       # one raw rectangle
    c.send(True, struct.pack("!BBxxI", 4, 1, 0x61))  # KeyEvent 'a' down
    c.send(True, struct.pack("!BBHH", 5, 1, 100, 200))  # PointerEvent
    c.send(True, struct.pack("!BxxxI", 6, 5) + b"hello")  # ClientCutText
    c.send(False, bytes([2, 2]))                    # two Bells, one segment
    c.send(True, struct.pack("!B3xBBBBHHHBBB3x", 0, 8, 8, 0, 1, 7, 7, 3,
                             0, 3, 6))             # SetPixelFormat, 8 bits
    c.send(False, struct.pack("!BxH", 0, 3) +
           struct.pack("!HHHHi", 0, 0, 2, 2, 0) + bytes(4) +  # raw, 1 byte
           struct.pack("!HHHHiHH", 4, 4, 8, 8, 1, 10, 20) +  # CopyRect
           struct.pack("!HHHHi", 0, 0, 640, 480, -223))  # DesktopSize
    # A refused login: the 3.8 reason string.
    c = Conn(40401, 5900, frames).handshake()
    c.send(False, b"RFB 003.008\n")
    c.send(True, b"RFB 003.008\n")
    c.send(False, bytes([1, 2]))
    c.send(True, bytes([2]))
    c.send(False, bytes(16))
    c.send(True, bytes(16))
    c.send(False, struct.pack("!II", 1, 12) + b"Bad password")
    # RFB 3.3: the server names the type, four bytes; no security result
    # after None.
    c = Conn(40402, 5900, frames).handshake()
    c.send(False, b"RFB 003.003\n")
    c.send(True, b"RFB 003.003\n")
    c.send(False, struct.pack("!I", 1))
    c.send(True, bytes([0]))
    return frames


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(out, "app10-websocket.pcap"), websocket())
    write(os.path.join(out, "app10-connect.pcap"), connect())
    write(os.path.join(out, "app10-finger.pcap"), finger())
    write(os.path.join(out, "app10-rfb.pcap"), rfb())


if __name__ == "__main__":
    main()
