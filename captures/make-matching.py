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
  matching-rpc.pcap     ONC RPC: portmap GETPORT over UDP and its reply,
                        a MOUNT call on the port it handed out (no table
                        binds it) and its reply, a reply whose call was
                        not captured, an XID reused, NFS NULL over TCP
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


def rpc_call(xid, prog, vers, proc, args=b""):
    return struct.pack("!IIIIIIIIII", xid, 0, 2, prog, vers, proc,
                       0, 0, 0, 0) + args


def rpc_reply(xid, results=b""):
    return struct.pack("!IIIIII", xid, 1, 0, 0, 0, 0) + results


def rpc_frames():
    fr = []
    getport = struct.pack("!IIII", 100005, 3, 17, 0)
    fr.append(udp_frame(True, 40111, 111, rpc_call(0x1001, 100000, 2, 3,
                                                   getport)))
    fr.append(udp_frame(False, 111, 40111, rpc_reply(0x1001,
                                                     struct.pack("!I", 20048))))
    # MOUNT on port 20048: the call by content, the reply as announced.
    fr.append(udp_frame(True, 40112, 20048, rpc_call(0x2002, 100005, 3, 0)))
    fr.append(udp_frame(False, 20048, 40112, rpc_reply(0x2002)))
    # A reply whose call was not captured (on the bound port).
    fr.append(udp_frame(False, 111, 40111, rpc_reply(0x3003)))
    # XID 0x1001 reused for another procedure (DUMP).
    fr.append(udp_frame(True, 40111, 111, rpc_call(0x1001, 100000, 2, 4)))
    fr.append(udp_frame(False, 111, 40111, rpc_reply(0x1001,
                                                     struct.pack("!I", 0))))
    # NFS NULL over TCP with record marks.
    c = Conn(40113, 2049, fr)
    m = rpc_call(0x4004, 100003, 3, 0)
    c.send(True, struct.pack("!I", 0x80000000 | len(m)) + m)
    m = rpc_reply(0x4004)
    c.send(False, struct.pack("!I", 0x80000000 | len(m)) + m)
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    write(os.path.join(out, "matching-modbus.pcap"), modbus_frames())
    write(os.path.join(out, "matching-rpc.pcap"), rpc_frames())


if __name__ == "__main__":
    main()
