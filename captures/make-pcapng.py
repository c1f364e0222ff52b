#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes pcapng-mixed.pcapng: what libpcap will not read and strata's own
pcapng reader does.  One file, two sections (no custom block: tshark shows
one as a frame of its own; the unit tests have them):

  section 1 (little-endian): interface 0 Ethernet (snaplen 65535,
      microseconds), interface 1 raw IP (LINKTYPE_RAW, snaplen 9000,
      if_tsresol 9: nanoseconds), interface 2 Linux SLL (snaplen 64,
      if_tsresol 0x83: 2^-3 s); a Name Resolution Block, an Interface
      Statistics Block (skipped); DNS queries over UDP on
      each interface, the SLL one cut at its snaplen; a Simple Packet Block
      (interface 0)
  section 2 (big-endian): its own interface 0, raw IP in milliseconds; an
      obsolete Packet Block and an Enhanced Packet Block

usage: make-pcapng.py DIR
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import C, S, ipv4, udp, udp_frame  # noqa: E402

T0 = 1700000000


class Writer:
    """pcapng blocks in one byte order ("<" or ">")."""

    def __init__(self):
        self.out = b""
        self.bo = "<"

    def block(self, btype, body):
        body += b"\0" * ((4 - len(body) % 4) % 4)
        n = 12 + len(body)
        self.out += struct.pack(self.bo + "II", btype, n) + body + \
            struct.pack(self.bo + "I", n)

    def option(self, code, value):
        return struct.pack(self.bo + "HH", code, len(value)) + value + \
            b"\0" * ((4 - len(value) % 4) % 4)

    def shb(self, bo):
        self.bo = bo
        self.block(0x0A0D0D0A, struct.pack(bo + "IHHq", 0x1A2B3C4D, 1, 0,
                                           -1))

    def idb(self, linktype, snaplen, tsresol=None):
        opts = b""
        if tsresol is not None:
            opts = self.option(9, bytes([tsresol]))
        opts += self.option(0, b"")
        self.block(1, struct.pack(self.bo + "HHI", linktype, 0, snaplen) +
                   opts)

    def epb(self, ifc, units, frame, caplen=None):
        cap = len(frame) if caplen is None else caplen
        self.block(6, struct.pack(self.bo + "IIIII", ifc, units >> 32,
                                  units & 0xFFFFFFFF, cap, len(frame)) +
                   frame[:cap])

    def spb(self, frame):
        self.block(3, struct.pack(self.bo + "I", len(frame)) + frame)

    def opb(self, ifc, units, frame):
        self.block(2, struct.pack(self.bo + "HHIIII", ifc, 0, units >> 32,
                                  units & 0xFFFFFFFF, len(frame),
                                  len(frame)) + frame)


def dns_query(ident, name):
    q = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + \
        b"\0" + struct.pack("!HH", 1, 1)
    return struct.pack("!HHHHHH", ident, 0x0100, 1, 0, 0, 0) + q


def raw_ip(sp, payload, ident):
    return ipv4(C, S, 17, udp(C, S, sp, 53, payload), ident)


def sll(ip):
    """Linux cooked header (v1): outgoing, ARPHRD_ETHER, a MAC, IPv4."""
    return struct.pack("!HHH8sH", 4, 1, 6, bytes.fromhex("0200000000010000"),
                       0x0800) + ip


def main():
    w = Writer()
    w.shb("<")
    w.idb(1, 65535)
    w.idb(101, 9000, 9)
    w.idb(113, 64, 0x83)
    # Name resolution: one IPv4 record, then the end.
    w.block(4, w.option(1, S + b"dns.test\0") + w.option(0, b""))
    w.epb(0, T0 * 10**6 + 250000,
          udp_frame(True, 40001, 53, dns_query(1, "eth.example")))
    w.epb(1, (T0 + 1) * 10**9 + 123456789,
          raw_ip(40002, dns_query(2, "raw.example"), 2))
    # Interface statistics for interface 1: skipped.
    w.block(5, struct.pack("<III", 1, 0, 0) + w.option(0, b""))
    w.epb(2, (T0 + 2) * 8 + 5,
          sll(raw_ip(40003, dns_query(3, "a-longer-name-cut-by-the-snaplen."
                                         "sll.example"), 3)), 64)
    w.spb(udp_frame(False, 53, 40001, dns_query(4, "simple.example")))
    w.shb(">")
    w.idb(101, 0, 3)
    w.opb(0, (T0 + 4) * 1000 + 7, raw_ip(40005, dns_query(5, "opb.example"),
                                         5))
    w.epb(0, (T0 + 5) * 1000 + 999, raw_ip(40006, dns_query(6,
                                                              "be.example"),
                                           6))
    path = os.path.join(sys.argv[1] if len(sys.argv) > 1 else ".",
                        "pcapng-mixed.pcapng")
    with open(path, "wb") as f:
        f.write(w.out)


if __name__ == "__main__":
    main()
