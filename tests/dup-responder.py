#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Answers every ICMP echo request twice, for the duplicate test where tc
netem is missing; with --forge, once, with the right identifier and
sequence but altered data (a forged reply); with --corrupt, once, with a
wrong ICMP checksum (a reply damaged on the way).  Run inside the test's server
namespace with the kernel's own echo replies turned off; exits after COUNT
requests or 10 s.

usage: dup-responder.py COUNT [--forge|--corrupt]
"""
import socket
import struct
import sys
import time


def checksum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def main():
    count = int(sys.argv[1])
    forge = "--forge" in sys.argv[2:]
    corrupt = "--corrupt" in sys.argv[2:]
    s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    s.settimeout(1)
    end = time.time() + 10
    while count > 0 and time.time() < end:
        try:
            pkt, (src, _) = s.recvfrom(65535)
        except socket.timeout:
            continue
        ihl = (pkt[0] & 15) * 4
        icmp = pkt[ihl:]
        if len(icmp) < 8 or icmp[0] != 8:
            continue
        reply = b"\0\0\0\0" + icmp[4:]
        if forge:
            reply = reply[:24] + bytes(8) + reply[32:]
        c = checksum(reply) ^ (0x5555 if corrupt else 0)
        reply = reply[:2] + struct.pack("!H", c) + reply[4:]
        s.sendto(reply, (src, 0))
        if not forge and not corrupt:
            s.sendto(reply, (src, 0))
        count -= 1


if __name__ == "__main__":
    main()
