#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the transport family's captures: frames built by hand between
198.18.0.1 and 198.18.0.2, the same every time (the kernel here makes no
MPTCP subflow without privileges, and the script must not need them).

usage: make-transport.py DIR
  transport-mptcp.pcap  TCP segments carrying each MPTCP option (RFC 8684):
                        MP_CAPABLE v1 on SYN, SYN-ACK and ACK (with data
                        length), MP_JOIN SYN/SYN-ACK/ACK, DSS with 8-byte
                        ack and mapping and checksum, DATA_FIN, ADD_ADDR v1
                        (IPv4 with port and HMAC, IPv6, echo), REMOVE_ADDR of
                        two IDs, MP_PRIO, MP_FAIL, MP_FASTCLOSE, MP_TCPRST,
                        an unknown subtype, a DSS too short for its flags,
                        and an option 30 cut by the capture; then TCP
                        options strata shows as kind, length and bytes:
                        an unknown kind 99, an experimental 253, MD5 (19)
  transport-rx.pcap     RX (AFS) over UDP 7000/7001: a data packet (an AFS
                        call, left as data), an ack acknowledging three
                        packets with the trailer words, busy, abort, ackall,
                        an rxkad challenge and response with a ticket, and a
                        type no RX has (data)
  transport-aoe.pcap    ATA over Ethernet: a config query to every target
                        and a target's answer with its config string, an
                        LBA48 read of 2 sectors and its answer with data,
                        an asynchronous write, an error response, a
                        version 0 frame, and a frame cut inside the LBA
  transport-sctp.pcap   SCTP packets made by strata's own crafter (strata
                        send --dry-run -w; the kernel here has no SCTP
                        module to make them): INIT, INIT ACK, COOKIE ECHO,
                        COOKIE ACK, SACK with two DATA chunks, HEARTBEAT,
                        SHUTDOWN, SHUTDOWN ACK, SHUTDOWN COMPLETE, ABORT, and
                        by hand: INIT with address parameters, a SACK with
                        gap blocks and duplicates, an ERROR with a cause, a
                        bad CRC32c, a chunk running past the packet, and a
                        packet cut by the capture (run from the top of the
                        tree after make strata)
  transport-gtp.pcap    GTP: GTP-U T-PDUs carrying IPv4/UDP and IPv6/UDP,
                        one with a sequence number, one with a PDU session
                        container extension header; GTP-C echo request and
                        a create PDP context request (elements as bytes);
                        a version 0 header on 3386; a length below the
                        header, an extension header of length 0, and a
                        T-PDU cut by the capture
  transport-pgm.pcap    PGM (IP 113) to 239.255.0.16: SPM, ODATA with an
                        OPT_LENGTH option and data, RDATA, NAK and NCF with
                        IPv4 source and group, POLL, POLR, a checksum of
                        zero (none), a bad checksum, options whose length
                        runs past the packet, and an ODATA cut short
"""
import os
import struct
import subprocess
import sys
import tempfile

A, B = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
MA, MB = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ident=1):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident,
                    0x4000, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def tcp(fwd, flags, opts, data=b"", seq=1000, ack=0):
    """One Ethernet frame holding a TCP segment with options opts."""
    src, dst = (A, B) if fwd else (B, A)
    sp, dp = (40000, 4242) if fwd else (4242, 40000)
    ack = ack or (2000 if flags & 0x10 else 0)
    opts += b"\x01" * (-len(opts) % 4)
    t = struct.pack("!HHIIBBHHH", sp, dp, seq, ack,
                    (5 + len(opts) // 4) << 4, flags, 65535, 0, 0)
    t += opts + data
    ph = src + dst + struct.pack("!BBH", 0, 6, len(t))
    t = t[:16] + struct.pack("!H", csum(ph + t)) + t[18:]
    mac = (MB, MA) if fwd else (MA, MB)
    return mac[0] + mac[1] + b"\x08\x00" + ipv4(src, dst, 6, t)


def mp(sub, body):
    """MPTCP option: kind 30, length, subtype nibble in body's first byte."""
    body = bytes([sub << 4 | body[0]]) + body[1:]
    return bytes([30, 2 + len(body)]) + body


KA, KB = bytes.fromhex("0102030405060708"), bytes.fromhex("1112131415161718")
H20 = bytes(range(20))


def frames():
    f = []
    f.append(tcp(True, 0x02, mp(0, b"\x01\x81")))             # v1 SYN
    f.append(tcp(False, 0x12, mp(0, b"\x01\x81" + KB)))       # SYN-ACK
    f.append(tcp(True, 0x10, mp(0, b"\x01\x81" + KA + KB)))   # ACK
    f.append(tcp(True, 0x18, mp(0, b"\x01\x81" + KA + KB +
                                 b"\x00\x05\xab\xcd"), b"hello"))
    f.append(tcp(True, 0x02, mp(1, b"\x01\x02" + b"\xde\xad\xbe\xef" +
                                b"\x00\x00\x00\x2a")))      # JOIN SYN
    f.append(tcp(False, 0x12, mp(1, b"\x00\x03" + bytes(range(8)) +
                                 b"\x00\x00\x00\x07")))
    f.append(tcp(True, 0x10, mp(1, b"\x00\x00" + H20)))
    f.append(tcp(True, 0x18, mp(2, b"\x00\x0f" + bytes(range(1, 9)) +
                                bytes(range(9, 17)) +
                                b"\x00\x00\x00\x01\x00\x04\x12\x34"),
                 b"data"))                                   # DSS 8/8+cksum
    f.append(tcp(False, 0x10, mp(2, b"\x00\x11" + b"\x00\x00\x10\x00")))
    f.append(tcp(False, 0x10, mp(3, b"\x00\x05" + bytes([198, 18, 0, 9]) +
                                 b"\x1f\x90" + bytes(range(8)))))
    f.append(tcp(False, 0x10, mp(3, b"\x01\x06" +
                                 bytes.fromhex("20010db8" + "00" * 11 +
                                               "09"))))
    f.append(tcp(True, 0x10, mp(4, b"\x00\x05\x06")))
    f.append(tcp(True, 0x10, mp(5, b"\x01\x02")))
    f.append(tcp(True, 0x10, mp(6, b"\x00\x00" + bytes(range(8)))))
    f.append(tcp(True, 0x14, mp(7, b"\x00\x00" + KB)))
    f.append(tcp(True, 0x14, mp(8, b"\x09\x05")))
    f.append(tcp(True, 0x10, mp(9, b"\x00\x00")))           # unknown
    f.append(tcp(True, 0x10, mp(2, b"\x00\x05\x00\x00\x00\x01")))  # short
    f.append(tcp(True, 0x10, b"\x63\x04\xab\xcd"))           # unknown 99
    f.append(tcp(True, 0x10, b"\xfd\x06\x12\x34\x56\x78"))   # RFC 6994
    f.append(tcp(True, 0x10, b"\x13\x12" + bytes(range(16))))  # MD5
    cut = tcp(True, 0x18, mp(2, b"\x00\x05" + bytes(16)), b"abc")
    f.append((cut[:14 + 20 + 20 + 10], len(cut)))
    return f


def udp(fwd, sport, dport, data):
    src, dst = (A, B) if fwd else (B, A)
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    ph = src + dst + struct.pack("!BBH", 0, 17, len(u))
    u = u[:6] + struct.pack("!H", csum(ph + u)) + u[8:]
    mac = (MB, MA) if fwd else (MA, MB)
    return mac[0] + mac[1] + b"\x08\x00" + ipv4(src, dst, 17, u)


def rxhdr(typ, flags, seq=1, serial=1, call=7, sec=2):
    return struct.pack("!IIIIIBBBBHH", 0x5F000000, 0x1000004, call, seq,
                       serial, typ, flags, 0, sec, 0, 1)


def rx_frames():
    f = []
    f.append(udp(True, 7001, 7000, rxhdr(1, 0x05) +
                 bytes.fromhex("00000084200000ba0000034e0010049d")))
    f.append(udp(False, 7000, 7001, rxhdr(2, 0x00, 0, 2) +
                 struct.pack("!HHIIIBB", 0, 0, 2, 1, 1, 1, 3) +
                 b"\x01\x00\x01" + b"\x00" * 3 +
                 struct.pack("!IIII", 5692, 1444, 32, 4)))
    f.append(udp(False, 7000, 7001, rxhdr(3, 0x00, 0, 3)))
    f.append(udp(False, 7000, 7001, rxhdr(4, 0x00, 0, 4) +
                 struct.pack("!i", -1)))
    f.append(udp(True, 7001, 7000, rxhdr(5, 0x01, 0, 5)))
    f.append(udp(False, 7000, 7001, rxhdr(6, 0x00, 0, 6, 0) +
                 struct.pack("!III", 2, 0x845FA339, 1)))
    f.append(udp(True, 7001, 7000, rxhdr(7, 0x01, 0, 7, 0) +
                 struct.pack("!II", 2, 0) + bytes(range(40)) +
                 struct.pack("!II", 3, 8) + b"TICKET!!"))
    f.append(udp(True, 7001, 7000, rxhdr(11, 0x01)))
    return f


def aoe(dst, flags, major, minor, cmd, tag, body, ver=1, err=0):
    return dst + MA + b"\x88\xa2" + struct.pack(
        "!BBHBBI", ver << 4 | flags, err, major, minor, cmd, tag) + body


def aoe_frames():
    bc = b"\xff" * 6
    f = [aoe(bc, 0, 0xFFFF, 0xFF, 1, 0, bytes(8)),
         aoe(MB, 8, 20, 0, 1, 0, struct.pack("!HHBBH", 16, 0x4019, 2,
                                             0x10, 9) + b"disk\x01one!")]
    ata = struct.pack("<BBBB6sH", 0x40, 0, 2, 0x24,
                      (4096).to_bytes(6, "little"), 0)
    f.append(aoe(MB, 0, 20, 0, 0, 0x1CD4A, ata))
    ata = struct.pack("<BBBB6sH", 0x40, 0, 0, 0x40,
                      (4096).to_bytes(6, "little"), 0)
    f.append(aoe(MB, 8, 20, 0, 0, 0x1CD4A, ata + bytes(range(64))))
    ata = struct.pack("<BBBB6sH", 0x53, 0, 1, 0x35,
                      (7).to_bytes(6, "little"), 0)
    f.append(aoe(MB, 0, 20, 1, 0, 0x1CD4B, ata + b"\xaa" * 32))
    f.append(aoe(MB, 0xC, 20, 1, 0, 0x1CD4B, bytes(12), err=3))
    f.append(aoe(MB, 0, 20, 1, 0, 0, bytes(12), ver=0))
    f.append(aoe(MB, 0, 20, 0, 0, 0x1CD4C, ata)[:14 + 10 + 7])
    return f


SCTP_SPECS = [
    "init=1126376772", "initack=3760", "cookie=00112233445566778899",
    "cookieack", "sack=7,data=68656c6c6f,data=776f726c6421",
    "heartbeat=0102030405060708", "shutdown=9", "shutdownack",
    "shutdowncomplete", "abort",
]


def read_pcap(path):
    d = open(path, "rb").read()
    out, off = [], 24
    while off + 16 <= len(d):
        cl, wl = struct.unpack("<II", d[off + 8:off + 16])
        out.append((d[off + 16:off + 16 + cl], wl))
        off += 16 + cl
    return out


def crafted(spec, tmp):
    """Ethernet frames strata's crafter makes of one SCTP spec."""
    path = os.path.join(tmp, "sctp-one.pcap")
    subprocess.run(["./strata", "send", "--dry-run", "-w", path,
                    "eth(src=02:00:00:00:00:01,dst=02:00:00:00:00:02)/"
                    "ip(src=198.18.0.1,dst=198.18.0.2)/sctp(sport=5000,"
                    "dport=5001,vtag=0x1234," + spec + ")"],
                   check=True, stdout=subprocess.DEVNULL)
    frames = [fr for fr, _ in read_pcap(path)]
    os.unlink(path)
    return frames


def sctp_hand(body, cut=None, bad=False):
    """An SCTP packet written here: common header and chunks, CRC32c."""
    h = struct.pack("!HHII", 5001, 5000, 0x4321, 0) + body
    crc = crc32c(h) if not bad else 0xDEADBEEF
    h = h[:8] + struct.pack("<I", crc) + h[12:]
    fr = MA + MB + b"\x08\x00" + ipv4(B, A, 132, h)
    return (fr[:cut], len(fr)) if cut else fr


def crc32c(b):
    crc = 0xFFFFFFFF
    for x in b:
        crc ^= x
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def sctp_frames(tmp):
    f = []
    for spec in SCTP_SPECS:
        f += crafted(spec, tmp)
    init = struct.pack("!IIHHI", 99, 65535, 5, 5, 1000)
    init += struct.pack("!HH4s", 5, 8, bytes([198, 18, 0, 3]))
    init += struct.pack("!HH16s", 6, 20, bytes.fromhex("20010db8" + "00" *
                                                        11 + "03"))
    init += struct.pack("!HHHH", 12, 6, 5, 6) + b"\0\0" * 0
    init += struct.pack("!HHI", 9, 8, 500)
    init += struct.pack("!HHBBBB", 0x8008, 7, 0xC1, 0x80, 0xC0, 0)
    init += struct.pack("!HH", 0xC000, 4)
    f.append(sctp_hand(struct.pack("!BBH", 1, 0, 4 + len(init)) + init))
    sack = struct.pack("!IIHH", 100, 4096, 2, 1) + struct.pack(
        "!HHHHI", 2, 3, 5, 5, 98)
    f.append(sctp_hand(struct.pack("!BBH", 3, 0, 4 + len(sack)) + sack))
    cause = struct.pack("!HH", 1, 8) + struct.pack("!HH", 7, 0)
    f.append(sctp_hand(struct.pack("!BBH", 9, 0, 4 + len(cause)) + cause))
    f.append(sctp_hand(struct.pack("!BBH", 11, 0, 4), bad=True))
    f.append(sctp_hand(struct.pack("!BBHI", 7, 0, 40, 5)))
    data = struct.pack("!IHHI", 3, 0, 0, 0) + b"x" * 40
    f.append(sctp_hand(struct.pack("!BBH", 0, 3, 4 + len(data)) + data,
                       cut=14 + 20 + 12 + 30))
    return f


def gtp1(flags, msg, teid, rest, body, sport=2152, dport=2152, fix=None):
    g = struct.pack("!BBHI", flags, msg, len(rest) + len(body)
                    if fix is None else fix, teid) + rest + body
    return udp(True, sport, dport, g)


def gtp_frames():
    inner = ipv4(bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]), 17,
                 struct.pack("!HHHH", 1000, 53, 12, 0) + b"abcd")
    inner6 = bytes.fromhex("6000000000081140" + "20010db8" + "00" * 11 +
                           "01" + "20010db8" + "00" * 11 + "02") + \
        struct.pack("!HHHH", 1000, 53, 8, 0)
    f = [gtp1(0x30, 255, 0x760D3BB0, b"", inner),
         gtp1(0x32, 255, 0x26D7A, b"\x00\x07\x00\x00", inner6),
         gtp1(0x34, 255, 0x11, b"\x00\x00\x00\x85" +
              b"\x01\x10\x09\x00", inner),
         gtp1(0x32, 1, 0, b"\x0c\x00\x00\x00", b"", 2123, 2123),
         gtp1(0x32, 16, 0, b"\x13\x0b\x00\x00",
              bytes.fromhex("0264000401000010f10e01") +
              bytes.fromhex("83000a09696e7465726e6574"), 2123, 2123)]
    v0 = struct.pack("!BBHHHB3s8s", 0x1E, 1, 0, 0x1400, 0, 0xFF,
                     b"\xff\xff\xff", bytes.fromhex("4200011032547698"))
    f.append(udp(True, 3386, 3386, v0))
    f.append(gtp1(0x32, 1, 0, b"\x0c\x01\x00\x00", b"", 2123, 2123,
                  fix=2))
    f.append(gtp1(0x34, 255, 0x11, b"\x00\x00\x00\x85" +
                  b"\x00\x10\x09\x00", inner))
    cut = gtp1(0x30, 255, 0x760D3BB0, b"", inner)
    f.append((cut[:14 + 20 + 8 + 8 + 10], len(cut)))
    return f


def pgm(ptype, body, opts=0, tsdu=0, data=b"", ck=True, bad=False,
        cut=None):
    g = struct.pack("!HHBBH6sH", 13320, 5563, ptype, opts, 0,
                    bytes.fromhex("3329041eba74"), tsdu) + body + data
    c = csum(g) if ck else 0
    if bad:
        c ^= 0x1111
    g = g[:6] + struct.pack("!H", c) + g[8:]
    grp = bytes([239, 255, 0, 16])
    fr = b"\x01\x00\x5e\x7f\x00\x10" + MA + b"\x08\x00" + \
        ipv4(A, grp, 113, g)
    return (fr[:cut], len(fr)) if cut else fr


def pgm_frames():
    a4 = struct.pack("!HH", 1, 0) + A
    spm = struct.pack("!III", 0x1681E, 0x5472, 0xD6A6) + a4
    f = [pgm(0, spm)]
    f.append(pgm(4, struct.pack("!II", 0xD6A7, 0x5472) +
                 struct.pack("!BBH", 0, 4, 8) + b"\x81\x04\x00\x00",
                 opts=1, tsdu=5, data=b"hello"))
    f.append(pgm(5, struct.pack("!II", 0xD6A7, 0x5472), tsdu=3,
                 data=b"abc"))
    nak = struct.pack("!I", 0xD6A7) + a4 + struct.pack("!HH", 1, 0) + \
        bytes([239, 255, 0, 16])
    f += [pgm(8, nak), pgm(10, nak)]
    f.append(pgm(1, struct.pack("!IHH", 0, 0, 0) + a4 +
                 struct.pack("!III", 100, 0x1234, 0xFF)))
    f.append(pgm(2, struct.pack("!IHH", 0, 0, 0)))
    f.append(pgm(0, spm, ck=False))
    f.append(pgm(0, spm, bad=True))
    f.append(pgm(4, struct.pack("!II", 1, 1) + struct.pack("!BBH", 0, 4,
                                                            99), opts=1))
    f.append(pgm(4, struct.pack("!II", 2, 1), tsdu=40, data=b"x" * 40,
                 cut=14 + 20 + 16 + 4))
    return f


def write(path, frames):
    with open(path, "wb") as fp:
        fp.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            data, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
            fp.write(struct.pack("<IIII", 1700000000, i * 1000, len(data),
                                 wire))
            fp.write(data)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    write(os.path.join(out, "transport-mptcp.pcap"), frames())
    write(os.path.join(out, "transport-rx.pcap"), rx_frames())
    write(os.path.join(out, "transport-aoe.pcap"), aoe_frames())
    write(os.path.join(out, "transport-gtp.pcap"), gtp_frames())
    write(os.path.join(out, "transport-pgm.pcap"), pgm_frames())
    with tempfile.TemporaryDirectory() as tmp:
        write(os.path.join(out, "transport-sctp.pcap"), sctp_frames(tmp))


if __name__ == "__main__":
    main()
