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
                      and a Response cut inside its acknowledgement; then
                      two packets made by strata's own crafter (strata
                      send --dry-run -w): a DataAck with CsCov 1 over IPv4
                      and a Reset with a Data Checksum option over IPv6
  tail16a-rpkirtr.pcap RPKI-RTR on TCP 323 (RFC 8210 version 1, RFC 6810
                      version 0): Reset Query; Cache Response, IPv4 and
                      IPv6 Prefix, Router Key and End of Data (with its
                      intervals) in one segment; Serial Notify; Serial
                      Query; a withdrawal; Cache Reset; an Error Report
                      quoting the PDU it refuses, with a text; version 0's
                      End of Data and Serial Query; a PDU type of a later
                      version; a length below 8; a segment cut by the
                      capture inside a Router Key
  tail16a-babel.pcap  Babel (RFC 8966) on UDP 6696 over IPv6: Hello with a
                      timestamp sub-TLV, Pad1, PadN, IHU (link-local
                      address), Router-ID, Next Hop, Updates whose
                      prefixes use the compression state (a default
                      prefix set, then 6 bytes omitted) and an IPv4 one, an
                      Update with a diversity sub-TLV; Ack Request, Route
                      Request, Seqno Request; Ack; a TLV running past the
                      body; a version 1 packet
"""
import os
import struct
import subprocess
import sys
import tempfile

from pcaplib import Conn, csum, ip_frame, pseudo, udp_frame, write


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
    mac = "eth(src=02:00:00:00:00:01,dst=02:00:00:00:00:02)/"
    f += crafted(mac + "ip(src=198.18.0.1,dst=198.18.0.2)/dccp(sport=5001,"
                 "dport=5002,type=4,seq=101,ack=7,cscov=1,ccval=2)/"
                 "\"hello, dccp\"")
    f += crafted(mac + "ipv6(src=2001:db8::1,dst=2001:db8::2)/dccp("
                 "sport=5001,dport=5002,type=7,seq=9,ack=8,code=2,"
                 "options=2c06deadbeef)")
    return f


def crafted(spec):
    """The frames strata's crafter makes of spec (./strata, built)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "one.pcap")
        subprocess.run(["./strata", "send", "--dry-run", "-w", path, spec],
                       check=True, stdout=subprocess.DEVNULL)
        d = open(path, "rb").read()
    out, off = [], 24
    while off + 16 <= len(d):
        cl = struct.unpack("<I", d[off + 8:off + 12])[0]
        out.append(d[off + 16:off + 16 + cl])
        off += 16 + cl
    return out


def rtr(typ, mid, body=b"", ver=1):
    """An RPKI-RTR PDU: version, type, the 16 bits after them, body."""
    return struct.pack("!BBHI", ver, typ, mid, 8 + len(body)) + body


def prefix(typ, aw, plen, maxlen, addr, asn, ver=1):
    return rtr(typ, 0, struct.pack("!BBBx", aw, plen, maxlen) + addr +
               struct.pack("!I", asn), ver)


# A P-256 key's SubjectPublicKeyInfo (RFC 8208): the algorithm, the curve
# and an uncompressed point (made up).
SPKI = bytes.fromhex("3059301306072a8648ce3d020106082a8648ce3d030107034200"
                     "04") + bytes(range(1, 65))


def rtr_frames():
    f = []
    c = Conn(40323, 323, f)
    v4 = bytes([192, 0, 2, 0])
    v6 = bytes.fromhex("20010db8000000000000000000000000")
    c.send(True, rtr(2, 0))
    key = struct.pack("!BBBBI", 1, 9, 1, 0, 32 + len(SPKI)) + \
        bytes(range(0xa0, 0xb4)) + struct.pack("!I", 64502) + SPKI
    c.send(False, rtr(3, 7) + prefix(4, 1, 24, 24, v4, 64500) +
           prefix(6, 1, 32, 48, v6, 64501) + key +
           rtr(7, 7, struct.pack("!IIII", 42, 3600, 600, 7200)))
    c.send(False, rtr(0, 7, struct.pack("!I", 43)))
    c.send(True, rtr(1, 7, struct.pack("!I", 42)))
    c.send(False, rtr(3, 7) + prefix(4, 0, 24, 24, v4, 64500) +
           rtr(7, 7, struct.pack("!IIII", 43, 3600, 600, 7200)))
    c.send(False, rtr(8, 0))
    bad = rtr(1, 9, struct.pack("!I", 1))
    text = b"no data for session 9"
    c.send(True, rtr(10, 2, struct.pack("!I", len(bad)) + bad +
                     struct.pack("!I", len(text)) + text))
    c.send(False, rtr(7, 7, struct.pack("!I", 44), ver=0) +
           rtr(1, 7, struct.pack("!I", 44), ver=0))
    c.send(False, rtr(11, 0, bytes(8), ver=2))
    c.send(False, struct.pack("!BBHI", 1, 0, 7, 4))
    c.send(False, key)
    f[-1] = (f[-1][:len(f[-1]) - 40], len(f[-1]))
    return f


def tlv(typ, body):
    return bytes([typ, len(body)]) + body


def babel(*tlvs, ver=2, bodylen=None):
    body = b"".join(tlvs)
    n = len(body) if bodylen is None else bodylen
    return struct.pack("!BBH", 42, ver, n) + body


def babel_frames():
    f = []
    ll = bytes.fromhex("0000000000000001")
    p6 = bytes.fromhex("20010db800010000")

    def add(c, payload):
        f.append(udp_frame(c, 6696, 6696, payload, len(f) + 1, v6=True))
    add(True, babel(
        tlv(4, struct.pack("!HHH", 0, 0x1234, 400) +
            tlv(3, struct.pack("!I", 1500000))),
        b"\0", tlv(1, b"\0\0"),
        tlv(5, struct.pack("!BxHH", 3, 0x100, 1200) + ll),
        tlv(6, b"\0\0" + bytes(range(1, 9))),
        tlv(7, struct.pack("!Bx", 2) + bytes.fromhex(
            "fe800000000000000000000000000001")),
        tlv(8, struct.pack("!BBBBHHH", 2, 0x80, 64, 0, 400, 7, 96) + p6),
        tlv(8, struct.pack("!BBBBHHH", 2, 0, 64, 6, 400, 7, 128) +
            b"\0\2"),
        tlv(8, struct.pack("!BBBBHHH", 1, 0, 24, 0, 400, 8, 256) +
            bytes([192, 0, 2])),
        tlv(8, struct.pack("!BBBBHHH", 2, 0, 48, 0, 400, 9, 0xffff) +
            p6[:6] + tlv(2, bytes([1, 6])))))
    add(False, babel(
        tlv(2, struct.pack("!HHH", 0, 0x5678, 2000)),
        tlv(9, struct.pack("!BB", 2, 64) + p6),
        tlv(10, struct.pack("!BBHBxQ", 2, 48, 0x1235, 16, 0x0102030405060708)
            + p6[:6])))
    add(True, babel(tlv(3, struct.pack("!H", 0x5678))))
    add(True, babel(tlv(4, struct.pack("!HHH", 0, 1, 400)) + b"\x04\x20"))
    add(True, babel(tlv(3, struct.pack("!H", 1)), ver=1))
    return f


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    write(out + "/tail16a-dccp.pcap", dccp_frames())
    write(out + "/tail16a-rpkirtr.pcap", rtr_frames())
    write(out + "/tail16a-babel.pcap", babel_frames())


if __name__ == "__main__":
    main()
