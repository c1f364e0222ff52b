#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Small UDP services tshark decodes by port, written frame by frame
(pcaplib):

portcontrol.pcap NAT-PMP and PCP on UDP 5351: NAT-PMP's external address
             request and response, a UDP mapping request and a TCP
             mapping response, an unknown opcode; PCP version 2's MAP
             request with the PREFER_FAILURE, FILTER and DESCRIPTION
             options and its response, a PEER request with THIRD_PARTY
             and its response, an ANNOUNCE response, and a MAP request
             cut by the capture.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

V4MAPPED = bytes(10) + b"\xff\xff"


def v4m(a):
    """An IPv4 address as PCP writes it: IPv4-mapped IPv6."""
    return V4MAPPED + bytes(a)


def pcp_req(op, lifetime, body, opts=b""):
    return struct.pack("!BBHI", 2, op, 0, lifetime) + \
        v4m([198, 18, 0, 1]) + body + opts


def pcp_rsp(op, result, lifetime, epoch, body, opts=b""):
    return struct.pack("!BBBBII", 2, 0x80 | op, 0, result, lifetime,
                       epoch) + bytes(12) + body + opts


def pcp_opt(code, data):
    """An option, its data padded to 4 bytes (RFC 6887 7.3)."""
    return struct.pack("!BBH", code, 0, len(data)) + data + \
        bytes(-len(data) % 4)


NONCE = bytes.fromhex("0102030405060708090a0b0c")


def portcontrol_frames():
    f = []
    # NAT-PMP (version 0)
    f.append(pcaplib.udp_frame(True, 40000, 5351, b"\x00\x00"))
    f.append(pcaplib.udp_frame(False, 5351, 40000, struct.pack(
        "!BBHI4s", 0, 128, 0, 7200, bytes([203, 0, 113, 7]))))
    f.append(pcaplib.udp_frame(True, 40000, 5351, struct.pack(
        "!BBHHHI", 0, 1, 0, 5004, 5004, 3600)))
    f.append(pcaplib.udp_frame(False, 5351, 40000, struct.pack(
        "!BBHIHHI", 0, 130, 2, 7201, 22, 2222, 0)))
    f.append(pcaplib.udp_frame(True, 40000, 5351, b"\x00\x07\x00\x00"))
    # PCP (version 2)
    mapreq = NONCE + struct.pack("!B3xHH", 17, 5004, 5004) + \
        v4m([0, 0, 0, 0])
    opts = pcp_opt(2, b"") + \
        pcp_opt(3, struct.pack("!BBH", 0, 120, 443) +
                v4m([192, 0, 2, 9])) + pcp_opt(128, b"camera")
    f.append(pcaplib.udp_frame(True, 40001, 5351, pcp_req(1, 7200, mapreq,
                                                          opts)))
    maprsp = NONCE + struct.pack("!B3xHH", 17, 5004, 15004) + \
        v4m([203, 0, 113, 7])
    f.append(pcaplib.udp_frame(False, 5351, 40001,
                               pcp_rsp(1, 0, 7200, 3600, maprsp)))
    peerreq = NONCE + struct.pack("!B3xHH", 6, 8080, 8080) + \
        v4m([0, 0, 0, 0]) + struct.pack("!H2x", 443) + \
        v4m([192, 0, 2, 80])
    f.append(pcaplib.udp_frame(True, 40002, 5351, pcp_req(
        2, 600, peerreq, pcp_opt(1, v4m([198, 18, 0, 5])))))
    peerrsp = NONCE + struct.pack("!B3xHH", 6, 8080, 18080) + \
        v4m([203, 0, 113, 7]) + struct.pack("!H2x", 443) + \
        v4m([192, 0, 2, 80])
    f.append(pcaplib.udp_frame(False, 5351, 40002,
                               pcp_rsp(2, 0, 600, 3601, peerrsp)))
    f.append(pcaplib.udp_frame(False, 5350, 5350,
                               pcp_rsp(0, 0, 0, 3602, b"")))
    f.append(pcaplib.udp_frame(False, 5351, 40003,
                               pcp_rsp(1, 8, 0, 3603, maprsp)))
    cut = pcaplib.udp_frame(True, 40004, 5351, pcp_req(1, 60, mapreq))
    f.append((cut[:14 + 28 + 40], len(cut)))
    return f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "portcontrol.pcap"),
                  portcontrol_frames())


if __name__ == "__main__":
    main()
