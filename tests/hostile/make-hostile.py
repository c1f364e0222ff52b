#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the hostile-input corpus: captures built to break decoders.

Each packet case is a pcap whose bad packet is followed by a good one (a
UDP datagram to port 9 carrying STRATA-OK); tests/hostile.sh asserts that
strata exits 0 or 1, prints no sanitizer report, marks the bad packet, and
decodes the good one in full.  File cases (broken headers and records) are
listed in FILES with what strata must say.

usage: make-hostile.py OUTDIR
"""
import os
import struct
import sys

ETH = b"\x02\0\0\0\0\x02\x02\0\0\0\0\x01"
A, B = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(payload, proto=17, ihl=5, opts=b"", tot=None, ver=4, frag=0x4000):
    hdr = struct.pack("!BBHHHBBH4s4s", (ver << 4) | ihl, 0,
                      tot if tot is not None else 20 + len(opts) +
                      len(payload), 1, frag, 64, proto, 0, A, B) + opts
    hdr = hdr[:10] + struct.pack("!H", csum(hdr[:20 + len(opts)])) + hdr[12:]
    return hdr + payload


def udp(data, sport=5000, dport=9, length=None):
    return struct.pack("!HHHH", sport, dport,
                       length if length is not None else 8 + len(data),
                       0) + data


GOOD = ETH + b"\x08\x00" + ip4(udp(b"STRATA-OK"))


def eth(ethertype, body):
    return ETH + struct.pack("!H", ethertype) + body


def pcap(path, packets, linktype=1, snaplen=262144):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snaplen,
                            linktype))
        for i, p in enumerate(packets):
            if isinstance(p, tuple):
                data, caplen, length = p
            else:
                data, caplen, length = p, len(p), len(p)
            f.write(struct.pack("<IIII", 1700000000, i, caplen, length))
            f.write(data)


def dns(body):
    return eth(0x0800, ip4(udp(body, dport=53)))


def tcp(opts=b"", doff=None, data=b"", dport=80):
    d = doff if doff is not None else 5 + (len(opts) + 3) // 4
    opts = opts + b"\0" * ((4 - len(opts) % 4) % 4)
    return struct.pack("!HHIIBBHHH", 40000, dport, 1, 0, d << 4, 0x18,
                       1000, 0, 0) + opts + data


def icmp_err(inner, typ=11):
    return struct.pack("!BBHI", typ, 0, 0, 0) + inner


def cases():
    """name -> list of packets (the good one is appended)."""
    c = {}
    # Runt frames for every link type.
    c["runt-eth"] = [ETH[:5]]
    c["runt-ip"] = [eth(0x0800, b"\x45\x00")]
    c["runt-arp"] = [eth(0x0806, b"\x00\x01\x08")]
    c["runt-ipv6"] = [eth(0x86DD, b"\x60\x00\x00")]
    c["runt-vlan"] = [eth(0x8100, b"\x00")]
    # VLAN stacks hundreds deep.
    c["vlan-deep"] = [eth(0x8100, b"\x00\x01\x81\x00" * 300 + b"\x00\x01"
                          b"\x08\x00" + ip4(udp(b"x")))]
    # IPv4 headers that lie.
    c["ipv4-ihl-below-5"] = [eth(0x0800, ip4(udp(b"x"), ihl=3))]
    c["ipv4-ihl-past-packet"] = [eth(0x0800, ip4(b"", ihl=15))]
    c["ipv4-total-below-header"] = [eth(0x0800, ip4(udp(b"x"), tot=12))]
    c["ipv4-total-past-capture"] = [eth(0x0800, ip4(udp(b"x"), tot=4000))]
    c["ipv4-version-7"] = [eth(0x0800, ip4(udp(b"x"), ver=7))]
    c["ipv4-opt-len-0"] = [eth(0x0800, ip4(udp(b"x"), ihl=6,
                                           opts=b"\x07\x00\x00\x00"))]
    c["ipv4-opt-len-1"] = [eth(0x0800, ip4(udp(b"x"), ihl=6,
                                           opts=b"\x44\x01\x00\x00"))]
    c["ipv4-opt-past-header"] = [eth(0x0800, ip4(udp(b"x"), ihl=6,
                                                 opts=b"\x07\x28\x04\x00"))]
    c["ipv4-rr-wild-pointer"] = [eth(0x0800, ip4(udp(b"x"), ihl=8,
                                                 opts=b"\x07\x0b\xff" +
                                                 b"\x01" * 8 + b"\0"))]
    # IPv6 extension chains hundreds long, lengths past the packet.
    chain = b"".join(bytes([60, 0, 1, 4, 0, 0, 0, 0]) for _ in range(300))
    v6 = struct.pack("!IHBB", 0x60000000, len(chain) + 8, 60, 64) + \
        b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x01" + \
        b"\x20\x01\x0d\xb8" + b"\0" * 11 + b"\x02"
    c["ipv6-ext-chain-300"] = [eth(0x86DD, v6 + chain + udp(b"x"))]
    c["ipv6-ext-len-past"] = [eth(0x86DD, v6[:4] + b"\x00\x10\x00\x40" +
                                  v6[8:] + bytes([17, 200]) + b"\0" * 6)]
    c["ipv6-plen-lies"] = [eth(0x86DD, v6[:4] + b"\xff\xff\x11\x40" +
                               v6[8:] + udp(b"x"))]
    # More fields than a packet holds (1600 Pad1 options), then ICMP: the
    # decoders after the limit must still run (fuzz_reply found one that
    # did not).
    hbh = bytes([1, 199]) + b"\0" * 1598
    icmp_echo = b"\x08\x00\x00\x00\x00\x07\x00\x01x"
    c["fields-over-limit"] = [eth(0x86DD, v6[:4] + struct.pack(
        "!HBB", len(hbh) + len(icmp_echo), 0, 64) + v6[8:] + hbh +
        icmp_echo)]
    # ICMP errors quoting truncated, nested and oversized packets.
    c["icmp-quote-truncated"] = [eth(0x0800, ip4(icmp_err(b"\x45\x00"),
                                                 proto=1))]
    deep = ip4(udp(b"x"))
    for _ in range(60):
        deep = ip4(icmp_err(deep), proto=1)
    c["icmp-nested-60"] = [eth(0x0800, deep)]
    c["icmp-quote-oversized"] = [eth(0x0800, ip4(icmp_err(
        ip4(udp(b"y" * 40), tot=65000)), proto=1))]
    # TCP data offsets and options that lie.
    c["tcp-doff-below-5"] = [eth(0x0800, ip4(tcp(doff=3), proto=6))]
    c["tcp-doff-past-packet"] = [eth(0x0800, ip4(tcp(doff=15), proto=6))]
    c["tcp-opt-len-0"] = [eth(0x0800, ip4(tcp(opts=b"\x02\x00"), proto=6))]
    c["tcp-opt-len-1"] = [eth(0x0800, ip4(tcp(opts=b"\x08\x01"), proto=6))]
    c["tcp-sack-odd"] = [eth(0x0800, ip4(tcp(opts=b"\x01\x01\x05\x07" +
                                             b"\0" * 5), proto=6))]
    # UDP lengths that lie.
    c["udp-len-below-8"] = [eth(0x0800, ip4(udp(b"xy", length=4)))]
    c["udp-len-past-packet"] = [eth(0x0800, ip4(udp(b"xy", length=500)))]
    # DNS names: pointers to themselves, loops, forward, too long, counts.
    hdr = struct.pack("!HHHHHH", 1, 0x0100, 1, 0, 0, 0)
    c["dns-ptr-self"] = [dns(hdr + b"\xc0\x0c\x00\x01\x00\x01")]
    c["dns-ptr-loop"] = [dns(hdr + b"\xc0\x0e\xc0\x0c\x00\x01\x00\x01")]
    c["dns-ptr-forward"] = [dns(hdr + b"\xc0\x12\x00\x01\x00\x01"
                                b"\x01a\x00")]
    c["dns-name-300"] = [dns(hdr + b"\x01a" * 150 + b"\x00\x00\x01\x00\x01")]
    c["dns-counts-lie"] = [dns(struct.pack("!HHHHHH", 1, 0x8180, 9, 9, 9, 9)
                               + b"\x01a\x00\x00\x01\x00\x01")]
    c["dns-rdlen-lies"] = [dns(struct.pack("!HHHHHH", 1, 0x8180, 0, 1, 0, 0)
                               + b"\x00\x00\x01\x00\x01\0\0\0\x01\xff\xff")]
    # HTTP and TLS that are binary garbage or cut short.
    c["http-garbage"] = [eth(0x0800, ip4(tcp(data=bytes(range(256))),
                                         proto=6))]
    c["http-cut"] = [eth(0x0800, ip4(tcp(data=b"GET /a HTTP/1.1\r\nHost: "),
                                     proto=6))]
    c["http-escapes"] = [eth(0x0800, ip4(tcp(
        data=b"GET /\x1b[2J\x1b]0;pwned\x07 HTTP/1.1\r\n\r\n"), proto=6))]
    c["tls-garbage"] = [eth(0x0800, ip4(tcp(data=b"\x16\x03\x01\xff\xff" +
                                            bytes(range(200)), dport=443),
                                        proto=6))]
    c["tls-hello-cut"] = [eth(0x0800, ip4(tcp(data=b"\x16\x03\x01\x00\x60"
                                              b"\x01\x00\x00\x5c\x03\x03",
                                              dport=443), proto=6))]
    # Capture cut inside headers (caplen below len).
    g = eth(0x0800, ip4(tcp(opts=b"\x02\x04\x05\xb4"), proto=6))
    c["caplen-cut"] = [(g[:30], 30, len(g))]
    return c


def raw_file(path, data):
    with open(path, "wb") as f:
        f.write(data)


HDR = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1)


def files(out):
    """Broken files: name -> what strata must exit with."""
    rec = struct.pack("<IIII", 1700000000, 0, len(GOOD), len(GOOD)) + GOOD
    raw_file(os.path.join(out, "file-empty.pcap"), b"")
    raw_file(os.path.join(out, "file-short.pcap"), HDR[:10])
    raw_file(os.path.join(out, "file-bad-magic.pcap"), b"\xde\xad\xbe\xef" +
             HDR[4:])
    raw_file(os.path.join(out, "file-record-header-cut.pcap"),
             HDR + rec + rec[:7])
    raw_file(os.path.join(out, "file-record-data-cut.pcap"),
             HDR + rec + rec[:30])
    raw_file(os.path.join(out, "file-caplen-huge.pcap"), HDR + rec +
             struct.pack("<IIII", 1700000000, 0, 0x7FFFFFFF, 0x7FFFFFFF))
    raw_file(os.path.join(out, "file-caplen-over-len.pcap"), HDR + rec +
             struct.pack("<IIII", 1700000000, 0, 100, 20) + b"\0" * 100)
    small = struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 40, 1)
    raw_file(os.path.join(out, "file-caplen-over-snaplen.pcap"), small +
             rec)
    raw_file(os.path.join(out, "file-linktype-unknown.pcap"),
             struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 147) +
             rec)
    # pcapng: lengths that lie, not multiples of 4, packets before an IDB.
    shb = struct.pack("<IIIHHqI", 0x0A0D0D0A, 28, 0x1A2B3C4D, 1, 0, -1, 28)
    idb = struct.pack("<IIHHII", 1, 20, 1, 0, 262144, 20)
    epb = lambda d: struct.pack("<IIIIIII", 6, 32 + (len(d) + 3) // 4 * 4,
                                0, 0, 0, len(d), len(d)) + d + \
        b"\0" * ((4 - len(d) % 4) % 4) + \
        struct.pack("<I", 32 + (len(d) + 3) // 4 * 4)
    raw_file(os.path.join(out, "ng-good-then-lie.pcapng"), shb + idb +
             epb(GOOD) + struct.pack("<II", 6, 0xFFFFF0) + b"\0" * 8)
    raw_file(os.path.join(out, "ng-len-not-4.pcapng"), shb + idb +
             epb(GOOD) + struct.pack("<II", 6, 33) + b"\0" * 25)
    raw_file(os.path.join(out, "ng-packet-before-idb.pcapng"), shb +
             epb(GOOD))
    raw_file(os.path.join(out, "ng-shb-len-lies.pcapng"),
             struct.pack("<IIIHHqI", 0x0A0D0D0A, 12, 0x1A2B3C4D, 1, 0, -1,
                         12))
    ng_files(out, shb, idb, epb)


def ng_files(out, shb, idb, epb):
    """pcapng that strata's own reader must refuse, or read, safely."""
    good = shb + idb + epb(GOOD)
    ng = lambda name, data: raw_file(os.path.join(out, name), data)
    # A second interface of another link type and snaplen: read it all.
    def epb_on(ifc, d):
        e = epb(d)
        return e[:8] + struct.pack("<I", ifc) + e[12:]
    ng("ng-two-linktypes.pcapng", shb + struct.pack(
        "<IIHHII", 1, 20, 101, 0, 64, 20) + idb + epb_on(0, GOOD[14:]) +
       epb_on(1, GOOD))
    ng("ng-block-huge.pcapng", good + struct.pack("<II", 6, 0x7FFFFFF0) +
       b"\0" * 40)
    ng("ng-block-tiny.pcapng", good + struct.pack("<III", 6, 8, 8))
    ng("ng-trailer-differs.pcapng", good + epb(GOOD)[:-4] +
       struct.pack("<I", 4))
    ng("ng-iface-unknown.pcapng", good + struct.pack(
        "<IIIIIIII", 6, 36, 7, 0, 0, 4, 4, 0) + struct.pack("<I", 36))
    ng("ng-caplen-past-block.pcapng", good + struct.pack(
        "<IIIIIIII", 6, 36, 0, 0, 0, 0xFFFFFFF0, 4, 0) +
       struct.pack("<I", 36))
    # An option whose length runs past its block, and one that ends it.
    ng("ng-option-overrun.pcapng", shb + struct.pack(
        "<IIHHIHHII", 1, 28, 1, 0, 0, 9, 0xFFFF, 0, 28) + epb(GOOD))
    # Resolutions of 10^-127 and 2^-127 with the largest time.
    for name, res in (("pow10", 0x7F), ("pow2", 0xFF)):
        ng("ng-tsresol-%s.pcapng" % name, shb + struct.pack(
            "<IIHHIHHBxxxHHI", 1, 32, 1, 0, 0, 9, 1, res, 0, 0, 32) +
           struct.pack("<IIIIIII", 6, 32 + (len(GOOD) + 3) // 4 * 4, 0,
                       0xFFFFFFFF, 0xFFFFFFFF, len(GOOD), len(GOOD)) + GOOD +
           b"\0" * ((4 - len(GOOD) % 4) % 4) +
           struct.pack("<I", 32 + (len(GOOD) + 3) // 4 * 4))
    ng("ng-bad-byte-order.pcapng", struct.pack(
        "<IIIHHqI", 0x0A0D0D0A, 28, 0x11223344, 1, 0, -1, 28) + idb)
    ng("ng-version-2.pcapng", struct.pack(
        "<IIIHHqI", 0x0A0D0D0A, 28, 0x1A2B3C4D, 2, 0, -1, 28) + idb)
    # A second section, big-endian, drops the first's interfaces.
    ng("ng-section-resets.pcapng", good + struct.pack(
        ">IIIHHqI", 0x0A0D0D0A, 28, 0x1A2B3C4D, 1, 0, -1, 28) +
       struct.pack(">IIIIIIII", 6, 36, 0, 0, 0, 4, 4, 0) +
       struct.pack(">I", 36))
    ng("ng-magic-only.pcapng", shb[:4])
    ng("ng-spb-lies.pcapng", shb + idb + struct.pack("<IIII", 3, 16,
                                                     0xFFFFFFFF, 16) +
       epb(GOOD))


# Cases whose bad packet is legitimately not marked: garbage on a known
# port is shown as data, a forward pointer is allowed, escapes are valid.
UNMARKED = {"dns-ptr-forward", "http-garbage", "tls-garbage", "http-escapes",
            # an ICMP error quotes a packet cut short by design
            "icmp-quote-oversized"}

# File cases: the exit status, and whether the good packet is shown first.
FILE_EXPECT = {
    "file-empty.pcap": (1, False), "file-short.pcap": (1, False),
    "file-bad-magic.pcap": (1, False),
    "file-record-header-cut.pcap": (1, True),
    "file-record-data-cut.pcap": (1, True),
    "file-caplen-huge.pcap": (1, True),
    "file-caplen-over-len.pcap": (None, True),
    "file-caplen-over-snaplen.pcap": (0, False),
    "file-linktype-unknown.pcap": (0, False),
    "ng-good-then-lie.pcapng": (1, True),
    "ng-len-not-4.pcapng": (1, True),
    "ng-packet-before-idb.pcapng": (1, False),
    "ng-shb-len-lies.pcapng": (1, False),
    "ng-two-linktypes.pcapng": (0, False),
    "ng-block-huge.pcapng": (1, True),
    "ng-block-tiny.pcapng": (1, True),
    "ng-trailer-differs.pcapng": (1, True),
    "ng-iface-unknown.pcapng": (1, True),
    "ng-caplen-past-block.pcapng": (1, True),
    "ng-option-overrun.pcapng": (1, False),
    "ng-tsresol-pow10.pcapng": (0, True),
    "ng-tsresol-pow2.pcapng": (0, True),
    "ng-bad-byte-order.pcapng": (1, False),
    "ng-version-2.pcapng": (1, False),
    "ng-section-resets.pcapng": (1, True),
    "ng-magic-only.pcapng": (1, False),
    "ng-spb-lies.pcapng": (1, False),
}


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    expect = []
    for name, pkts in cases().items():
        fn = "pkt-" + name + ".pcap"
        pcap(os.path.join(out, fn), pkts + [GOOD])
        expect.append("%s 0 good %s" % (fn, "clean" if name in UNMARKED
                                          else "marked"))
    # Runts of every other link type (no good packet: another link).
    for lt, name in ((113, "sll"), (276, "sll2"), (0, "null"), (108, "loop"),
                     (101, "raw"), (228, "ipv4"), (229, "ipv6")):
        fn = "lt-runt-" + name + ".pcap"
        pcap(os.path.join(out, fn), [b"\x45", b"", b"\x60\x00"],
             linktype=lt)
        expect.append("%s 0 none marked" % fn)
    files(out)
    for fn, (rc, good) in FILE_EXPECT.items():
        expect.append("%s %s %s any" % (fn, "any" if rc is None else rc,
                                        "goodfirst" if good else "none"))
    with open(os.path.join(out, "EXPECT"), "w") as f:
        f.write("\n".join(expect) + "\n")


if __name__ == "__main__":
    main()
