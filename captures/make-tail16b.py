#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Captures of the long-tail protocols (issue 16): sFlow v5, TIPC, CLNP and
ES-IS.  No kernel here makes them, so the frames are written by hand, with
the shared helpers of pcaplib.py.

usage: make-tail16b.py [DIR]   (default: the folder of this script)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib as pl  # noqa: E402

U32 = struct.Struct("!I")


def u32(*v):
    return b"".join(U32.pack(x) for x in v)


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


# ---- sFlow v5 (sflow.org, "sFlow Version 5", 2004) ------------------------

def sf_record(fmt, body):
    return u32(fmt, len(body)) + body


def sf_sample(fmt, body):
    return u32(fmt, len(body)) + body


def sf_datagram(samples, seq, agent=pl.C, sub=0):
    af = 1 if len(agent) == 4 else 2
    return (u32(5, af) + agent + u32(sub, seq, 123456, len(samples)) +
            b"".join(samples))


def sf_inner_frame():
    """A sampled TCP SYN, Ethernet, as a switch would copy its header."""
    c = pl.Conn(40000, 80, [])
    c.send(True, b"GET / HTTP/1.1\r\n")
    return c.frames[0]


def sf_raw_header(frame, proto=1):
    hdr = frame[:128]
    return sf_record(1, u32(proto, len(frame) + 4, 4, len(hdr)) + pad4(hdr))


def sf_flow_sample(records, seq=1):
    return sf_sample(1, u32(seq, 3, 1000, 5000, 0, 3, 7, len(records)) +
                     b"".join(records))


def sf_expanded_flow(records, seq=2):
    return sf_sample(3, u32(seq, 0, 5, 512, 9000, 2, 0, 5, 0, 6,
                            len(records)) + b"".join(records))


def sf_generic_counters():
    return sf_record(1, u32(3, 6) + struct.pack("!Q", 1000000000) +
                     u32(1, 3) + struct.pack("!Q", 123456789) +
                     u32(1000, 20, 30, 1, 2, 0) +
                     struct.pack("!Q", 987654321) + u32(900, 10, 5, 0, 0, 0))


def sf_eth_counters():
    return sf_record(2, u32(*range(1, 14)))


def sf_counter_sample(records, seq=4):
    return sf_sample(2, u32(seq, 3, len(records)) + b"".join(records))


def sf_expanded_counter(records, seq=5):
    return sf_sample(4, u32(seq, 0, 3, len(records)) + b"".join(records))


def sf_switch():
    return sf_record(1001, u32(10, 0, 20, 5))


def sf_router(v6=False):
    if v6:
        return sf_record(1002, u32(2) + pl.S6 + u32(64, 48))
    return sf_record(1002, u32(1) + pl.S + u32(24, 16))


def sf_gateway():
    return sf_record(1003, u32(1) + pl.S + u32(65001, 65002, 65003, 1) +
                     u32(2, 2, 65003, 65010) + u32(1, 0xfde80001, 100))


def sflow_frames():
    inner = sf_inner_frame()
    f = []
    d = sf_datagram([sf_flow_sample([sf_raw_header(inner), sf_switch(),
                                     sf_router(), sf_gateway()])], 1)
    f.append(pl.udp_frame(True, 50000, 6343, d))
    d = sf_datagram([sf_counter_sample([sf_generic_counters(),
                                        sf_eth_counters()])], 2)
    f.append(pl.udp_frame(True, 50000, 6343, d))
    d = sf_datagram([sf_expanded_flow([sf_raw_header(inner[14:], 11),
                                       sf_router(True),
                                       sf_record(1234, b"\1\2\3\4")]),
                     sf_expanded_counter([sf_generic_counters()])], 3,
                    agent=pl.C6, sub=7)
    f.append(pl.udp_frame(True, 50000, 6343, d, v6=True))
    return f


# ---- TIPC v2 (tipc.io) -----------------------------------------------------

def tipc_w0(user, hsize, size, nonseq=0):
    return (2 << 29) | (user << 25) | ((hsize // 4) << 21) | \
        (nonseq << 20) | size


def tipc_node(z, c, n):
    return (z << 24) | (c << 12) | n


A, B = tipc_node(1, 1, 10), tipc_node(1, 1, 20)


def tipc_frames():
    pay = b"hello tipc!!"
    f = []
    # a named message (type 2) to service {1000,5}, low importance
    h = u32(tipc_w0(0, 40, 40 + len(pay)), 2 << 29, 7, A, 0x1234, 0, A, B,
            1000, 5)
    f.append(pl.ether(b"\xff" * 6, pl.MC, 0x88CA, h + pay))
    # a direct message (type 3) to port 0x5678, normal importance
    h = u32(tipc_w0(1, 32, 32 + len(pay)), 3 << 29, 1 << 16 | 8, A, 0x1234,
            0x5678, A, B)
    f.append(pl.ether(pl.MS, pl.MC, 0x88CA, h + pay))
    # link state (user 7, STATE): acks, tolerance, max packet
    h = u32(tipc_w0(7, 40, 40, 1), 0, 5 << 16 | 6, A, 3 << 16 | 9,
            0x0001 << 16 | 0x0a2, A, B, 65536, 1500 << 16 | 1500)
    f.append(pl.ether(pl.MS, pl.MC, 0x88CA, h))
    # name distributor (user 11, PUBLICATION) of two names
    items = u32(1000, 5, 5, 0x1234, 77) + u32(2000, 0, 9, 0x1235, 78)
    h = u32(tipc_w0(11, 40, 40 + len(items)), 0, 2 << 16 | 9, A, 0, 0, A,
            B, 0, 0)
    f.append(pl.ether(pl.MS, pl.MC, 0x88CA, h + items))
    # the named message again over UDP port 6118 (the UDP bearer)
    h = u32(tipc_w0(0, 40, 40 + len(pay)), 2 << 29, 8, A, 0x1234, 0, A, B,
            1000, 5)
    f.append(pl.udp_frame(True, 6118, 6118, h + pay))
    return f


# ---- CLNP (ISO 8473) and ES-IS (ISO 9542) over LLC SAP 0xfe -------------

def fletcher(b, ck):
    """b with its ISO 8473 checksum (annex C) written at byte ck."""
    c0 = c1 = 0
    for i, x in enumerate(b):
        c0 = (c0 + (0 if i in (ck, ck + 1) else x)) % 255
        c1 = (c1 + c0) % 255
    x = ((len(b) - ck - 1) * c0 - c1) % 255
    x = x if x > 0 else x + 255
    y = 510 - c0 - x
    y = y - 255 if y > 255 else y
    return b[:ck] + bytes([x, y]) + b[ck + 2:]


def llc_frame(pdu, dst=bytes.fromhex("09002b000004")):
    p = b"\xfe\xfe\x03" + pdu
    return dst + pl.MC + struct.pack("!H", len(p)) + p


NSAP_ES = bytes.fromhex("490001aabbccddeeff00")
NSAP_IS = bytes.fromhex("49000111223344556601")
# a GOSIP (RFC 1237) NSAP: AFI 47, ICD 0005, 20 bytes
NSAP_GOSIP = bytes.fromhex("470005800000000000000000010203040506070800")[:20]


def esis(ptype, htime, body, ck=True):
    h = bytes([0x82, 9 + len(body), 1, 0, ptype]) + \
        struct.pack("!HH", htime, 0) + body
    return fletcher(h, 7) if ck else h


def clnp(flags, addrs, rest, payload, ttl=64):
    hl = 9 + len(addrs) + len(rest)
    h = bytes([0x81, hl, 1, ttl, flags]) + \
        struct.pack("!HH", hl + len(payload), 0) + addrs + rest
    return fletcher(h, 7) + payload


def iso_frames():
    f = []
    sa = bytes([2, len(NSAP_ES)]) + NSAP_ES + bytes([20]) + NSAP_GOSIP
    f.append(llc_frame(esis(2, 300, sa)))
    net = bytes([len(NSAP_IS)]) + NSAP_IS + bytes([0xC6, 2, 0, 60])
    f.append(llc_frame(esis(4, 30, net)))
    rd = bytes([len(NSAP_ES)]) + NSAP_ES + bytes([6]) + pl.MS + \
        bytes([len(NSAP_IS)]) + NSAP_IS
    f.append(llc_frame(esis(6, 60, rd), pl.MC))
    addrs = bytes([len(NSAP_IS)]) + NSAP_IS + bytes([len(NSAP_ES)]) + NSAP_ES
    pay = b"clnp payload"
    hl = 9 + len(addrs) + 6
    f.append(llc_frame(clnp(0x80 | 0x20 | 0x1C, addrs,
                            struct.pack("!HHH", 0x1234, 0, hl + len(pay)),
                            pay), pl.MS))
    # an error report (type 1, no segmentation part) with a reason option
    f.append(llc_frame(clnp(0x01, addrs, bytes([0xC1, 2, 0x81, 0]), b""),
                       pl.MS))
    return f


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.dirname(os.path.abspath(__file__))
    pl.write(os.path.join(out, "tail16b-sflow.pcap"), sflow_frames())
    pl.write(os.path.join(out, "tail16b-tipc.pcap"), tipc_frames())
    pl.write(os.path.join(out, "tail16b-iso.pcap"), iso_frames())


if __name__ == "__main__":
    main()
