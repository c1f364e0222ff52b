#!/usr/bin/env python3
"""Remakes captures/ssh2-gex.pcap and captures/ssh2-v1.pcap: an SSH key
exchange by Diffie-Hellman group exchange (RFC 4419: request, group, init,
reply with an ssh-rsa host key and an rsa-sha2-256 signature, NEWKEYS,
then encrypted packets), the method the client's second choice (RFC 4253
7.1: the server offers no curve25519); and an SSH 1 conversation (a 1.99
server, a 1.5 client: the public key, the session key, then encrypted
packets).  Frames written here, with captures/pcaplib.py's helpers."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def string(b):
    return struct.pack("!I", len(b)) + b


def packet(payload):
    """RFC 4253 6: length, padding length, payload, padding to a multiple
    of 8 (at least 4 bytes)."""
    pad = 8 - (5 + len(payload)) % 8
    if pad < 4:
        pad += 8
    return struct.pack("!IB", 1 + len(payload) + pad, pad) + payload + \
        bytes(range(pad))


def kexinit(kex):
    lists = [kex, b"ssh-rsa,rsa-sha2-256", b"aes128-ctr", b"aes128-ctr",
             b"hmac-sha2-256", b"hmac-sha2-256", b"none", b"none", b"", b""]
    return packet(b"\x14" + bytes(range(16)) +
                  b"".join(string(x) for x in lists) + b"\0" + bytes(4))


def gex(frames):
    c = Conn(40001, 22, frames).handshake()
    c.send(False, b"SSH-2.0-OpenSSH_9.2\r\n")
    c.send(True, b"SSH-2.0-OpenSSH_9.2\r\n")
    c.send(True, kexinit(b"curve25519-sha256,"
                         b"diffie-hellman-group-exchange-sha256"))
    c.send(False, kexinit(b"diffie-hellman-group-exchange-sha256,"
                          b"diffie-hellman-group14-sha256"))
    c.send(True, packet(b"\x22" + struct.pack("!III", 2048, 3072, 8192)))
    p = b"\x00" + bytes([0xff] * 16)
    c.send(False, packet(b"\x1f" + string(p) + string(b"\x02")))
    c.send(True, packet(b"\x20" + string(b"\x11" * 16)))
    key = string(b"ssh-rsa") + string(b"\x01\x00\x01") + \
        string(b"\x00" + b"\xc3" * 32)
    sig = string(b"rsa-sha2-256") + string(b"\x5a" * 32)
    c.send(False, packet(b"\x21" + string(key) + string(b"\x22" * 16) +
                         string(sig)))
    c.send(False, packet(b"\x15"))
    c.send(True, packet(b"\x15"))
    c.send(True, bytes(range(48)))
    c.send(False, bytes(range(100, 164)))


def v1(frames):
    c = Conn(40002, 22, frames).handshake()
    c.send(False, b"SSH-1.99-OpenSSH_6.6\n")
    c.send(True, b"SSH-1.5-OpenSSH_6.2\n")

    def pkt1(body):
        """SSH 1: length (type, data, CRC), 8 - length % 8 padding."""
        n = len(body) + 4
        return struct.pack("!I", n) + bytes(8 - n % 8) + body + bytes(4)
    c.send(False, pkt1(b"\x02" + bytes(range(8)) + b"\x00\x00\x04\x00"))
    c.send(True, pkt1(b"\x03" + b"\x03" + bytes(range(8)) + b"\x77" * 9))
    c.send(False, pkt1(b"\xa5" * 5))
    c.send(True, pkt1(b"\x5a" * 11))


def main():
    for name, make in (("ssh2-gex.pcap", gex), ("ssh2-v1.pcap", v1)):
        frames = []
        make(frames)
        write(os.path.join(HERE, name), frames)


if __name__ == "__main__":
    main()
