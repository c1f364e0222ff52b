#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the matching captures: requests and the answers that do not
repeat what they asked, which strata decodes by the request it noted
(strata/match.h).  Exchanges built by hand between 198.18.0.1 (client) and
198.18.0.2 (server), the same every time; one frame a second.

usage: make-matching.py DIR
  matching-modbus.pcap  Modbus/TCP: read coils and its answer (ten coils
                        from 20), read holding registers from 107, an
                        answer whose request was not captured, a
                        transaction ID reused by a later request, an
                        exception, read discrete inputs, two requests in
                        flight answered out of order
  matching-rpc.pcap     ONC RPC over UDP and TCP: portmap GETPORT and
                        DUMP calls and their replies, an NFS NULL call
                        and reply, a reply whose call was not captured,
                        an XID reused
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, udp_frame, write  # noqa: E402


def mbap(tid, unit, pdu):
    return struct.pack("!HHHB", tid, 0, len(pdu) + 1, unit) + pdu


def modbus_frames():
    fr = []
    c = Conn(40502, 502, fr)
    # Read coils 20..29 and its two bytes.
    c.send(True, mbap(1, 255, bytes.fromhex("01" "0014" "000a")))
    c.send(False, mbap(1, 255, bytes.fromhex("01" "02" "cd03")))
    # Read holding registers 107..108.
    c.send(True, mbap(2, 255, bytes.fromhex("03" "006b" "0002")))
    c.send(False, mbap(2, 255, bytes.fromhex("03" "04" "1234abcd")))
    # An answer whose request was not captured: every bit, from 0.
    c.send(False, mbap(9, 255, bytes.fromhex("01" "01" "a5")))
    # Transaction 3 twice: each answer takes the request before it.
    c.send(True, mbap(3, 1, bytes.fromhex("01" "0000" "0003")))
    c.send(False, mbap(3, 1, bytes.fromhex("01" "01" "05")))
    c.send(True, mbap(3, 1, bytes.fromhex("01" "0005" "000d")))
    c.send(False, mbap(3, 1, bytes.fromhex("01" "02" "ff1f")))
    # An exception: matched, but no request frame shown.
    c.send(True, mbap(4, 1, bytes.fromhex("02" "0100" "0008")))
    c.send(False, mbap(4, 1, bytes.fromhex("82" "02")))
    # Read discrete inputs 7..26 (20 inputs, 3 bytes).
    c.send(True, mbap(5, 1, bytes.fromhex("02" "0007" "0014")))
    c.send(False, mbap(5, 1, bytes.fromhex("02" "03" "acdb35")))
    # Two in flight, answered out of order.
    c.send(True, mbap(6, 1, bytes.fromhex("04" "0010" "0001")))
    c.send(True, mbap(7, 1, bytes.fromhex("01" "0040" "0002")))
    c.send(False, mbap(7, 1, bytes.fromhex("01" "01" "02")))
    c.send(False, mbap(6, 1, bytes.fromhex("04" "02" "0102")))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    write(os.path.join(out, "matching-modbus.pcap"), modbus_frames())


if __name__ == "__main__":
    main()
