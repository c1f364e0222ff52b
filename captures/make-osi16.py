#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes issue 16's OSI-family captures: frames built by hand (no Frame
Relay line or CLNP router here), the same every time.

usage: make-osi16.py DIR
  osi16-fr.pcap   DLT_FRELAY: RFC 2427 frames whose control field is not
                  UI (FRF.3.2): an I frame before NLPID IPv4, an S frame
                  (RNR) with a pad before NLPID IPv4, a U frame (UI with
                  the P bit) before NLPID IPv4, an I frame before SNAP;
                  an I frame with the C/R and F bits set; then Cisco's encapsulation with an EtherType (IPv4),
                  two octets that are neither EtherType nor followed by
                  an NLPID (read as Cisco's, as before), and an I frame on
                  DLCI 0 (LAPF: data)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

DLT_FRELAY = 107


def icmp_echo(seq):
    """An ICMP echo request client->server in IPv4, checksums right."""
    body = struct.pack("!BBHHH", 8, 0, 0, 7, seq) + b"abcd"
    body = body[:2] + struct.pack("!H", pcaplib.csum(body)) + body[4:]
    return pcaplib.ipv4(pcaplib.C, pcaplib.S, 1, body, seq)


def q922(dlci, cr=0):
    """A two-octet Q.922 address."""
    return bytes([(dlci >> 4) << 2 | cr << 1, (dlci & 15) << 4 | 1])


def fr_frames():
    a = q922(16)
    return [
        a + bytes([0x22, 0x04, 0xcc]) + icmp_echo(1),        # I, N(S) 17
        q922(16, 1) + bytes([0x24, 0x05, 0xcc]) + icmp_echo(6),  # F set
        a + bytes([0x05, 0x0a, 0x00, 0xcc]) + icmp_echo(2),  # S RNR, pad
        a + bytes([0x13, 0xcc]) + icmp_echo(3),              # UI, P set
        a + bytes([0x02, 0x02, 0x80, 0, 0, 0, 0x08, 0x00]) + icmp_echo(4),
        a + bytes([0x08, 0x00]) + icmp_echo(5),              # Cisco IPv4
        a + bytes([0x22, 0x00, 0x99, 0x11, 0x22]),           # neither
        q922(0) + bytes([0xe8, 0x22, 0x00, 0x82, 0x10]),     # LAPF
    ]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    pcaplib.write(os.path.join(out, "osi16-fr.pcap"), fr_frames(),
                  DLT_FRELAY)


if __name__ == "__main__":
    main()
