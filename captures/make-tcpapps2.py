#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Application protocols on TCP and UDP ports, written frame by frame
(pcaplib):

openvpn.pcap  OpenVPN on UDP 1194: a client's hard reset (v2) and the
              server's answer acknowledging it, a P_CONTROL_V1 carrying
              a TLS ClientHello, an ACK of two packet IDs, P_DATA_V1 and
              P_DATA_V2 (peer ID), a hard reset with tls-auth (HMAC,
              replay packet ID, net time), a control packet of exactly
              100 bytes (a fragment of a longer message), a tls-crypt-v2
              hard reset (v3) with its wrapped client key, a packet cut
              short; then on TCP 1194 (each packet after its 2-byte
              length): a hard reset, and an ACK and a P_CONTROL_V1 with
              a ClientHello in one segment.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def client_hello():
    """A TLS 1.2 ClientHello record: one cipher suite, no extensions."""
    body = (b"\x03\x03" + bytes(range(32)) + b"\x00" +
            b"\x00\x02\x00\x2f" + b"\x01\x00")
    hs = b"\x01" + struct.pack("!I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack("!H", len(hs)) + hs


CSID = bytes.fromhex("1122334455667788")
SSID = bytes.fromhex("8877665544332211")


def ovpn(opcode, keyid, sid=None, acks=(), rsid=None, mpid=None,
         payload=b"", auth=b""):
    """An OpenVPN packet: type byte, session ID, tls-auth bytes, the ACK
    array (and the remote session ID when it is not empty), the message
    packet ID, then payload."""
    p = bytes([opcode << 3 | keyid])
    if sid is not None:
        p += sid + auth + bytes([len(acks)])
        p += b"".join(struct.pack("!I", a) for a in acks)
        if acks:
            p += rsid
        if mpid is not None:
            p += struct.pack("!I", mpid)
    return p + payload


def openvpn_frames():
    f = []
    u = pcaplib.udp_frame
    f.append(u(True, 40001, 1194, ovpn(7, 0, CSID, mpid=0)))
    f.append(u(False, 1194, 40001, ovpn(8, 0, SSID, acks=(0,), rsid=CSID,
                                        mpid=0)))
    f.append(u(True, 40001, 1194, ovpn(4, 0, CSID, acks=(0,), rsid=SSID,
                                       mpid=1, payload=client_hello())))
    f.append(u(False, 1194, 40001, ovpn(5, 0, SSID, acks=(1, 2),
                                        rsid=CSID)))
    f.append(u(True, 40001, 1194, ovpn(6, 1, payload=bytes(range(40)))))
    f.append(u(True, 40001, 1194, b"\x48\x00\x00\x07" + bytes(range(24))))
    auth = bytes.fromhex("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678") + \
        struct.pack("!II", 1, 1700000000)
    f.append(u(True, 40002, 1194, ovpn(7, 0, CSID, mpid=0, auth=auth)))
    f.append(u(True, 40003, 1194, ovpn(4, 0, SSID, mpid=2,
                                       payload=bytes(range(100)))))
    wkc = bytes(range(0x40, 0x50)) + struct.pack("!H", 18)
    f.append(u(True, 40004, 1194, b"\x50" + CSID +
               struct.pack("!II", 1, 1700000001) + bytes(range(32)) +
               bytes(range(0x80, 0x8c)) + wkc))
    cut = u(False, 1194, 40001, ovpn(8, 0, SSID, acks=(0, 1, 2), rsid=CSID,
                                     mpid=1))
    f.append((cut[:-12], len(cut)))
    c = pcaplib.Conn(40100, 1194, f)
    c.handshake()

    def tcp(p):
        return struct.pack("!H", len(p)) + p
    c.send(True, tcp(ovpn(7, 0, CSID, mpid=0)))
    c.send(True, tcp(ovpn(5, 0, CSID, acks=(0,), rsid=SSID)) +
           tcp(ovpn(4, 0, CSID, mpid=1, payload=client_hello())))
    return f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "openvpn.pcap"), openvpn_frames())


if __name__ == "__main__":
    main()
