#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the tail16a family's captures: frames built by hand between
198.18.0.1 and 198.18.0.2 (2001:db8::1 and ::2), the same every time (the
kernel here has no DCCP module, and the script must need no privileges).

usage: make-tail16a.py DIR
  tail16a-dccp.pcap   DCCP (RFC 4340): a connection 5001 -> 5002 over IPv4
                      (Request with a service code and Change L/R options,
                      Response with Init Cookie and Confirm options, Ack
                      with NDP Count, Ack Vector, Timestamp, Timestamp Echo
                      with elapsed time, Elapsed Time, DataAck with data
                      whose checksum covers the header only (CsCov 1) and a
                      Data Checksum option, Data and Ack with 24-bit
                      numbers (X 0), CloseReq, Close, Reset with its code
                      and data, Sync, SyncAck), over IPv6 a Request and a
                      Listen, then options strata shows as type and bytes
                      (Mandatory, Slow Receiver, Data Dropped, reserved,
                      CCID 3's loss event rate and receive rate, a CCID
                      option), a wrong checksum, a data offset below the
                      header, an option length below 2, a reserved type,
                      and a Response cut inside its acknowledgement
"""
import struct
import sys

from pcaplib import csum, ip_frame, pseudo, write


def dccp(typ, seq, ack=None, sp=5001, dp=5002, x=1, extra=b"", opts=b"",
         data=b"", cscov=0, ccval=0, bad=False, doff=None):
    """A DCCP packet maker for ip_frame: generic header, acknowledgement
    subheader (ack), the type's extra words, options padded to 4."""
    opts += b"\0" * ((4 - len(opts) % 4) % 4)
    if x:
        h = struct.pack("!BBxxBBHI", 0, 0, typ << 1 | 1, 0, seq >> 32,
                        seq & 0xFFFFFFFF)
        if ack is not None:
            h += struct.pack("!HHI", 0, ack >> 32, ack & 0xFFFFFFFF)
    else:
        h = struct.pack("!BBxxBBH", 0, 0, typ << 1, seq >> 16, seq & 0xFFFF)
        if ack is not None:
            h += struct.pack("!BBH", 0, ack >> 16, ack & 0xFFFF)
    hdr = struct.pack("!HH", sp, dp) + h[:4] + h[4:] + extra + opts
    off = len(hdr) // 4 if doff is None else doff

    def make(src, dst):
        p = hdr[:4] + bytes([off, ccval << 4 | cscov]) + hdr[6:] + data
        cov = len(p) if cscov == 0 else min(len(p),
                                            (off + cscov - 1) * 4)
        ck = csum(pseudo(src, dst, 33, len(p)) + p[:cov])
        if bad:
            ck ^= 0x5555
        return p[:6] + struct.pack("!H", ck) + p[8:]
    return make


def feat(kind, number, values):
    return bytes([kind, 3 + len(values), number]) + bytes(values)


def dccp_frames():
    f = []

    def add(c, make, v6=False):
        f.append(ip_frame(c, 33, make, len(f) + 1, v6))
    add(True, dccp(0, 0x1000, extra=struct.pack("!I", 42), opts=feat(
        32, 1, [3, 2]) + feat(34, 6, [1]) + feat(32, 3, [0, 0, 0, 100])))
    add(False, dccp(1, 0x2000, 0x1000, sp=5002, dp=5001,
                    extra=struct.pack("!I", 42),
                    opts=feat(35, 1, [3]) + bytes([36, 10]) +
                    bytes(range(1, 9)) + feat(33, 6, [1])))
    add(True, dccp(3, 0x1001, 0x2000, opts=bytes([37, 3, 1]) +
                   bytes([38, 5, 0x00, 0x45, 0xc2]) +
                   struct.pack("!BBI", 41, 6, 123456) +
                   struct.pack("!BBIH", 42, 8, 654321, 12) +
                   struct.pack("!BBI", 43, 6, 70000)))
    add(True, dccp(4, 0x1002, 0x2001, data=b"hello, dccp world", cscov=1,
                   ccval=3, opts=struct.pack("!BBI", 44, 6, 0xdeadbeef)))
    add(False, dccp(2, 0x2001, sp=5002, dp=5001, x=0, data=b"pong" * 3,
                    opts=bytes([43, 4, 0, 5])))
    add(False, dccp(3, 0x2002, 0x1002, sp=5002, dp=5001, x=0,
                    opts=bytes([39, 4, 0x3f, 0x80])))
    add(False, dccp(5, 0x2003, 0x1002, sp=5002, dp=5001))
    add(True, dccp(6, 0x1003, 0x2003))
    add(False, dccp(7, 0x2004, 0x1003, sp=5002, dp=5001,
                    extra=bytes([1, 0, 0, 0])))
    add(True, dccp(8, 0x1004, 0x2004))
    add(False, dccp(9, 0x2005, 0x1004, sp=5002, dp=5001,
                    extra=bytes([0] * 0)))
    add(True, dccp(0, 7, extra=struct.pack("!I", 0x52545041),
                   opts=feat(32, 1, [2])), v6=True)
    add(False, dccp(10, 9, sp=5002, dp=5001,
                    extra=struct.pack("!I", 0x52545041)), v6=True)
    add(True, dccp(3, 0x1005, 0x2005, opts=bytes([1, 2, 3]) +
                   bytes([40, 4, 0x81, 0x02]) + bytes([60, 4, 9, 9]) +
                   struct.pack("!BBI", 192, 6, 0xffffffff) +
                   struct.pack("!BBI", 194, 6, 125000) +
                   bytes([130, 4, 1, 2]) + bytes([193, 5, 1, 2, 3])))
    add(True, dccp(2, 0x1006, data=b"bad sum", bad=True))
    add(True, dccp(2, 0x1007, doff=2))
    add(True, dccp(3, 0x1008, 0x2005, opts=bytes([41, 1, 0, 0])))
    add(True, dccp(11, 0x1009))
    f.append((f[1][:14 + 20 + 20], len(f[1])))	# cut in the ack
    return f


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write(out + "/tail16a-dccp.pcap", dccp_frames())


if __name__ == "__main__":
    main()
