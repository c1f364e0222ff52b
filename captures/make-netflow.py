#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The netflow family's captures, written frame by frame (pcaplib):

netflow-v5.pcap  NetFlow v1 (two records), v5 (two, sampling 1 in 100),
                 v7 (one, with its router shortcut) to UDP 2055 and 9996,
                 and v8 records of aggregation methods 1 to 5 (AS,
                 protocol/port, source, destination and both prefixes)
                 and 6 (ToS and AS: header only)
netflow-v9.pcap  NetFlow v9 to UDP 2055: a data template, an options
                 template (system and interface scopes) and two records
                 in one packet; records of both templates in the next; a
                 data set whose template was never sent; an IPv6
                 template and record; template 256 sent again with other
                 fields, which tshark ignores (the first one holds)
ipfix.pcap       IPFIX to UDP 4739: a template with millisecond times, an
                 8-byte counter, a reverse (PEN 29305) and an enterprise
                 element and a variable-length interface name, two
                 records; an options template and its record; a record
                 in a later message
coap.pcap        CoAP to UDP 5683: a GET with Uri-Host, Observe, Uri-Path,
                 Uri-Query and Accept and its 2.05 with Block2; a POST of
                 JSON with If-Match, ETag, Uri-Port and Size1 (an
                 extended delta); 2.01 with Location-Path, -Query and
                 Size2; Proxy-Uri (extended delta and length), unknown
                 options 2048 and 2049 (two-byte extensions); a Reset;
                 text and untyped payloads; a nibble of 15 and an option
                 past the end (malformed)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
A = lambda s: bytes(int(x) for x in s.split("."))  # noqa: E731


def rec(v, src, dst, pkts, octs, first, last, sp, dp, proto, flags):
    """A v1, v5 or v7 flow record."""
    b = struct.pack("!4s4s4sHHIIIIHH", A(src), A(dst), A("192.0.2.254"),
                    3, 4, pkts, octs, first, last, sp, dp)
    if v == 1:
        return b + struct.pack("!HBBB3sI", 0, proto, 0x10, flags, b"", 0)
    b += struct.pack("!BBBBHHBBH", 0x01 if v == 7 else 0, flags, proto,
                     0x10, 65001, 65002, 24, 16, 0)
    return b + (A("192.0.2.9") if v == 7 else b"")


def fixed():
    up, secs, nsecs = 3600000, 1700000000, 500
    r1 = rec(1, "10.0.0.1", "10.0.0.2", 10, 1500, 3500000, 3599000,
             40000, 80, 6, 0x1b)
    r2 = rec(1, "10.0.0.3", "10.0.0.4", 1, 76, 3599990, 3599990, 53,
             5353, 17, 0)
    v1 = struct.pack("!HHIII", 1, 2, up, secs, nsecs) + r1 + r2
    v5 = struct.pack("!HHIIIIBBH", 5, 2, up, secs, nsecs, 77, 0, 3,
                     0x4064)
    v5 += rec(5, "10.0.0.1", "10.0.0.2", 10, 1500, 3500000, 3599000,
              40000, 443, 6, 0x12)
    v5 += rec(5, "10.0.1.1", "10.0.1.2", 2, 120, 3599000, 1000, 0, 0x0800,
              1, 0)   # an end before the start: the uptime wrapped
    v7 = struct.pack("!HHIIIII", 7, 1, up, secs, nsecs, 78, 0)
    v7 += rec(7, "10.0.2.1", "10.0.2.2", 5, 700, 3590000, 3591000, 5000,
              22, 6, 0x18)
    # v8: aggregation methods 1 to 5, then 6 (ToS and AS: not decoded)
    cnt = struct.pack("!IIIII", 10, 100, 1000, 3500000, 3599000)
    agg = {1: struct.pack("!HHHH", 65001, 65002, 3, 4),
           2: struct.pack("!BBHHH", 6, 0, 0, 40000, 80),
           3: struct.pack("!4sBBHHH", A("10.0.0.0"), 8, 0, 65001, 3, 0),
           4: struct.pack("!4sBBHHH", A("10.1.0.0"), 16, 0, 65002, 4, 0),
           5: struct.pack("!4s4sBBHHHHH", A("10.0.0.0"), A("10.1.0.0"), 8,
                          16, 0, 65001, 65002, 3, 4),
           6: struct.pack("!BBHHHI", 0x10, 0, 65001, 65002, 3, 4)}
    v8 = [struct.pack("!HHIIIIBBBBI", 8, 1, up, secs, nsecs, 78 + m, 1, 2,
                      m, 2, 0) + cnt + agg[m] for m in sorted(agg)]
    return [pcaplib.udp_frame(True, 50000, 2055, v1),
            pcaplib.udp_frame(True, 50000, 2055, v5),
            pcaplib.udp_frame(True, 50000, 9996, v7)] + \
        [pcaplib.udp_frame(True, 50000, 2055, m) for m in v8]


def tset(setid, tid, fields, ipfix=False):
    """A template set of one template: (type, length[, pen]) fields."""
    t = struct.pack("!HH", tid, len(fields))
    for f in fields:
        t += struct.pack("!HH", f[0] | (0x8000 if len(f) > 2 else 0), f[1])
        if len(f) > 2:
            t += struct.pack("!I", f[2])
    return struct.pack("!HH", setid, 4 + len(t)) + t


def dset(tid, data):
    """A data set, padded to 4 bytes."""
    data += b"\0" * (-len(data) % 4)
    return struct.pack("!HH", tid, 4 + len(data)) + data


def v9(seq, sets):
    return pcaplib.udp_frame(True, 50001, 2055, struct.pack(
        "!HHIIII", 9, len(sets), 3600000, 1700000000 + seq, seq, 7) +
        b"".join(sets))


def netflow9():
    t256 = [(8, 4), (12, 4), (15, 4), (10, 2), (14, 2), (2, 4), (1, 4),
            (22, 4), (21, 4), (7, 2), (11, 2), (6, 1), (4, 1), (5, 1),
            (16, 2), (17, 2), (9, 1), (13, 1)]

    def r256(src, dst, pkts, octs, sp, dp):
        return struct.pack("!4s4s4sHHIIIIHHBBBHHBB", A(src), A(dst),
                           A("192.0.2.254"), 3, 4, pkts, octs, 3500000,
                           3599000, sp, dp, 0x1b, 6, 0, 65001, 65002, 24,
                           16)
    # options: scopes system (4 bytes) and interface (4), then sampling
    ot = struct.pack("!HHH", 257, 8, 8) + struct.pack(
        "!HHHHHHHH", 1, 4, 2, 4, 34, 4, 35, 1)
    oset = struct.pack("!HH", 1, 4 + len(ot) + 2) + ot + b"\0\0"
    odata = struct.pack("!4sIIB", A("192.0.2.1"), 3, 100, 1)
    t258 = [(27, 16), (28, 16), (31, 3), (2, 8), (1, 8), (4, 1)]
    r258 = (bytes.fromhex("20010db8000000000000000000000001") +
            bytes.fromhex("20010db8000000000000000000000002") +
            b"\x01\x23\x45" + struct.pack("!QQB", 3, 300, 58))
    return [
        v9(1, [tset(0, 256, t256), oset,
               dset(256, r256("10.0.0.1", "10.0.0.2", 10, 1500, 40000, 80) +
                    r256("10.0.0.5", "10.0.0.6", 3, 180, 40001, 443))]),
        v9(2, [dset(256, r256("10.0.0.7", "10.0.0.8", 1, 60, 40002, 22)),
               dset(257, odata)]),
        v9(3, [dset(300, b"\x01\x02\x03\x04\x05\x06\x07\x08")]),
        v9(4, [tset(0, 258, t258), dset(258, r258)]),
        v9(5, [tset(0, 256, [(12, 4), (7, 2)]),
               dset(256, r256("10.0.0.9", "10.0.0.10", 4, 240, 40003,
                              8080))]),
    ]


def ipfix_msg(seq, sets):
    body = b"".join(sets)
    return pcaplib.udp_frame(True, 50002, 4739, struct.pack(
        "!HHIII", 10, 16 + len(body), 1700000000 + seq, seq, 42) + body)


def ipfix():
    t = [(8, 4), (12, 4), (56, 6), (152, 8), (153, 8), (1, 8), (2, 4),
         (1, 4, 29305), (5, 2, 12345), (82, 65535), (7, 2), (11, 2),
         (4, 1)]

    def r(src, dst, name, octs):
        return (struct.pack("!4s4s6sQQQI", A(src), A(dst),
                            bytes.fromhex("020000000001"), 1700000000123,
                            1700000001456, octs, 5) +
                struct.pack("!IH", 9000, 0xabcd) +
                bytes([len(name)]) + name + struct.pack("!HHB", 40000, 80,
                                                        6))
    ot = struct.pack("!HHH", 258, 3, 1) + struct.pack(
        "!HHHHHH", 149, 4, 41, 8, 42, 8)
    oset = struct.pack("!HH", 3, 4 + len(ot) + 2) + ot + b"\0\0"
    return [
        ipfix_msg(1, [tset(2, 256, t),
                      dset(256, r("10.1.0.1", "10.1.0.2", b"eth0", 1500) +
                           r("10.1.0.3", "10.1.0.4", b"ge-0/0/1", 99))]),
        ipfix_msg(2, [oset, dset(258, struct.pack("!IQQ", 42, 1000, 20))]),
        ipfix_msg(3, [dset(256, r("10.1.0.5", "10.1.0.6", b"", 7))]),
    ]


def opt(prev, num, val):
    """A CoAP option after option prev, its delta and length encoded."""
    def enc(x):
        if x < 13:
            return x, b""
        if x < 269:
            return 13, bytes([x - 13])
        return 14, struct.pack("!H", x - 269)
    dn, de = enc(num - prev)
    ln, le = enc(len(val))
    return bytes([dn << 4 | ln]) + de + le + val


def msg(t, code, mid, token, opts, payload=b""):
    b = bytes([0x40 | t << 4 | len(token), code]) + struct.pack("!H", mid)
    b += token
    prev = 0
    for n, v in opts:
        b += opt(prev, n, v)
        prev = n
    return b + (b"\xff" + payload if payload else b"")


def coap():
    tok = b"\xde\xad\xbe\xef"
    c = [(True, msg(0, 1, 0x1234, tok, [
            (3, b"example.net"), (6, b""), (11, b"sensors"), (11, b"temp"),
            (15, b"x=1"), (17, b"\x32")])),
         (False, msg(2, 0x45, 0x1234, tok, [
             (6, b"\x05"), (12, b""), (14, b"\x3c"), (23, b"\x1a")],
             b"22.5 C")),
         (True, msg(1, 2, 0x2000, b"", [
             (1, b"\x01\x02"), (4, b"\xaa\xbb"), (7, b"\x16\x34"),
             (12, b"\x32"), (60, b"\x07")], b'{"a":1}')),
         (False, msg(2, 0x41, 0x2000, b"", [
             (8, b"res"), (8, b"1"), (20, b"q=2"), (28, b"\x01\x05")])),
         (True, msg(0, 1, 0x2001, b"\x01", [
             (35, b"coap://proxy.example/a/long/path/x"),
             (2048, b"\x01\x02"), (2049, b"z" * 300)])),
         (False, msg(3, 0, 0x2001, b"", [])),
         (False, msg(2, 0x45, 0x2002, b"", [(12, b"")], b"hello\nworld\n")),
         (False, msg(2, 0x45, 0x2003, b"", [], b"raw\x01")),
         (True, msg(0, 3, 0x2004, b"", [(11, b"a"), (16, b"\x05"),
                                        (27, b"\x12\x34\x5e")], b"blk")),
         (True, bytes([0x41, 1, 0, 5, 7, 0xf3, 1, 2, 3])),
         (True, bytes([0x40, 1, 0, 6, 0xb5, 0x61]))]
    return [pcaplib.udp_frame(fc, 40000 if fc else 5683,
                              5683 if fc else 40000, m) for fc, m in c]


def main():
    pcaplib.write(os.path.join(OUT, "netflow-v5.pcap"), fixed())
    pcaplib.write(os.path.join(OUT, "netflow-v9.pcap"), netflow9())
    pcaplib.write(os.path.join(OUT, "ipfix.pcap"), ipfix())
    pcaplib.write(os.path.join(OUT, "coap.pcap"), coap())


if __name__ == "__main__":
    main()
