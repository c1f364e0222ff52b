#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""IEEE 802.15.4, ZEP and 6LoWPAN captures, written frame by frame
(pcaplib), not captured:

wpan.pcap     link type 195 (frames ending in their FCS): a data frame
              (short addresses, PAN ID compression) of a 6LoWPAN IPHC
              ICMPv6 echo, a beacon (superframe specification, one GTS,
              a short and an extended pending address, a payload), an
              association request (extended source) and response, a
              disassociation, a beacon request, a GTS request, an ack,
              a secured data frame (2006 auxiliary security header,
              ENC-MIC-32, key index), a 2003-secured one, a frame with
              a bad FCS, a reserved addressing mode, one cut by the
              capture (as tcpdump's 802_15_4-oobr tests)
wpan-nofcs.pcap  link type 230 (no FCS): a data frame and a beacon
zep.pcap      ZEP on UDP 17754: version 1 (CRC mode: the frame with its
              FCS), version 2 data (LQI mode: TI CC24xx metadata in the
              FCS's place), a version 2 ack
6lowpan.pcap  link type 195, 6LoWPAN in data frames: uncompressed IPv6;
              IPHC with everything inline (UDP); flow label inline and
              NHC UDP (4-bit ports, checksum inline) with a 64-bit source
              and a stateful 16-bit destination; addresses from extended
              802.15.4 addresses with NHC UDP (8-bit port, checksum
              elided) carrying CoAP; context identifiers and a multicast
              ff02::XX; a 48-bit multicast; NHC hop-by-hop header then
              UDP; mesh and broadcast headers before IPHC; FRAG1 with
              IPHC; FRAGN
rpl.pcap      RPL control messages (ICMPv6 155) over Ethernet: a DIO with
              Pad1, PadN, DODAG configuration, prefix information, route
              information and DAG metric container options; a DIS with
              solicited information; a DAO (K and D set) with a target and
              transit information; a DAO-ACK; a DAO without DODAGID whose
              target option runs past the message (as tcpdump's
              rpl-dao-oobr)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def crc16(b):
    """802.15.4's FCS: CRC-16 (ITU-T), reflected, initial 0."""
    c = 0
    for x in b:
        c ^= x
        for _ in range(8):
            c = (c >> 1) ^ 0x8408 if c & 1 else c >> 1
    return c


def fcs(b):
    return b + struct.pack("<H", crc16(b))


PAN = bytes.fromhex("cdab")        # 0xabcd
EXT1 = bytes.fromhex("1100223344556677")
EXT2 = bytes.fromhex("2200334455667788")


def data_short(pay, seq=1):
    """A data frame 0x0002 -> 0x0001 in PAN 0xabcd (compressed)."""
    return fcs(bytes.fromhex("4188") + bytes([seq]) + PAN +
               bytes.fromhex("0100") + bytes.fromhex("0200") + pay)


def data_long(pay, seq=1):
    """A data frame between extended addresses, PAN compressed."""
    return fcs(bytes.fromhex("41cc") + bytes([seq]) + PAN + EXT1 + EXT2 +
               pay)


ECHO = bytes([0x80, 0, 0, 0, 0x12, 0x34, 0, 1])   # no checksum worked out


def wpan():
    fr = []
    fr.append(data_short(bytes([0x7b, 0x33, 0x3a]) + ECHO, 5))
    fr.append(fcs(bytes.fromhex("0080") + b"\x07" + bytes.fromhex("3412") +
                  bytes.fromhex("0000") + bytes.fromhex("ffcf") +
                  b"\x81\x01" + bytes.fromhex("0100") + b"\x23" + b"\x11" +
                  bytes.fromhex("0500") + EXT1 + b"hello"))
    fr.append(fcs(bytes.fromhex("23c8") + b"\x09" + bytes.fromhex("3412") +
                  bytes.fromhex("0000") + bytes.fromhex("ffff") + EXT1 +
                  b"\x01\x8e"))
    fr.append(fcs(bytes.fromhex("63cc") + b"\x0a" + bytes.fromhex("3412") +
                  EXT1 + EXT2 + b"\x02" + bytes.fromhex("3412") + b"\x00"))
    fr.append(fcs(bytes.fromhex("4388") + b"\x0b" + bytes.fromhex("3412") +
                  bytes.fromhex("0000") + bytes.fromhex("0100") +
                  b"\x03\x02"))
    fr.append(fcs(bytes.fromhex("0308") + b"\x0c" + bytes.fromhex("ffff") +
                  bytes.fromhex("ffff") + b"\x07"))
    fr.append(fcs(bytes.fromhex("6388") + b"\x0d" + bytes.fromhex("3412") +
                  bytes.fromhex("0000") + bytes.fromhex("0100") +
                  b"\x09\x13"))
    fr.append(fcs(bytes.fromhex("0200") + b"\x0d"))
    fr.append(fcs(bytes.fromhex("69d8") + b"\x0e" + PAN +
                  bytes.fromhex("0100") + EXT1 + b"\x0d" +
                  struct.pack("<I", 5) + b"\x01" + b"secretdata" + b"MIC!"))
    fr.append(fcs(bytes.fromhex("6988") + b"\x0f" + PAN +
                  bytes.fromhex("0100") + bytes.fromhex("0200") +
                  struct.pack("<I", 0x50d) + b"\x00" + b"secret" +
                  b"MIC-64!!"))
    bad = data_short(b"\x41" + b"\x60" + bytes(7), 16)
    fr.append(bad[:-2] + b"\x00\x00")
    fr.append(fcs(bytes.fromhex("4184") + b"\x11" + PAN + b"\x01\x00"))
    cut = data_short(bytes([0x7b, 0x33, 0x3a]) + ECHO, 18)
    fr.append((cut[:7], len(cut)))
    return fr


def zep():
    w = fcs(bytes.fromhex("4188") + b"\x05" + PAN + bytes.fromhex("ffff") +
            bytes.fromhex("0200") + bytes([0x7b, 0x3b, 0x3a, 0x01]) + ECHO)
    meta = w[:-2] + bytes([0xd8, 0x80 | 0x6b])      # -40 dBm, FCS ok
    v1 = (b"EX" + bytes([1, 11]) + struct.pack("!HBB", 0x1234, 1, 0xff) +
          bytes(7) + bytes([len(w)]) + w)
    v2 = (b"EX" + bytes([2, 1, 15]) + struct.pack("!HBB", 0x4321, 0, 200) +
          struct.pack("!II", 0xe3000000, 0x80000000) +
          struct.pack("!I", 77) + bytes(10) + bytes([len(meta)]) + meta)
    ack = b"EX" + bytes([2, 2]) + struct.pack("!I", 78)
    return [pcaplib.udp_frame(True, 17754, 17754, x) for x in (v1, v2, ack)]


S6 = bytes.fromhex("20010db8000000000000000000000001")
D6 = bytes.fromhex("20010db8000000000000000000000002")


def lowpan():
    fr = []
    fr.append(data_short(b"\x41" + pcaplib.ipv6(S6, D6, 59, b"")))
    fr.append(data_short(bytes([0x60, 0x00, 0xb8, 0x01, 0x23, 0x45, 17, 33])
                         + S6 + D6 +
                         struct.pack("!HHHH", 1000, 2000, 12, 0x1234) +
                         b"abcd", 2))
    fr.append(data_short(bytes([0x6e, 0x16, 0x41, 0x23, 0x45]) +
                         bytes.fromhex("0011223344556677abcd") +
                         bytes([0xf3, 0x12]) + b"\xbe\xef" + b"hi", 3))
    fr.append(data_long(bytes([0x77, 0x33, 0x2c, 0xf5]) +
                        struct.pack("!H", 5683) + b"\x33" +
                        bytes([0x50, 0x01, 0x12, 0x34]), 4))
    fr.append(data_short(bytes([0x7b, 0xdb, 0x12, 0x3a]) +
                         bytes.fromhex("0011223344556677") +
                         bytes([0xf0]) + ECHO, 5))
    fr.append(data_short(bytes([0x7a, 0x39, 0x3a]) +
                         bytes.fromhex("05000000fb01") + ECHO, 6))
    fr.append(data_short(bytes([0x7e, 0x33, 0xe1, 0x04, 0x01, 0x02, 0x00,
                                0x00, 0xf0, 0x50, 0x50, 0x00, 0x07, 0xab,
                                0xcd]) + b"w", 7))
    fr.append(data_short(bytes([0xb5, 0x00, 0x01, 0x00, 0x02, 0x50, 0x07,
                                0x7b, 0x3b, 0x3a, 0x01]) + ECHO, 8))
    fr.append(data_short(bytes([0xc1, 0x00, 0x12, 0x34, 0x7e, 0x33, 0xf0,
                                0x50, 0x50, 0x00, 0x07, 0x00, 0x00]) +
                         b"y" * 10, 9))
    fr.append(data_short(bytes([0xe1, 0x00, 0x12, 0x34, 0x05]) + b"z" * 20,
                         10))
    return fr


LL = bytes.fromhex("fe800000000000000000000000000001")
ALLRPL = bytes.fromhex("ff02000000000000000000000000001a")
DAG = bytes.fromhex("20010db8000000000000000000000001")


def rpl_frame(code, body):
    """An Ethernet frame of an RPL message, its checksum right."""
    m = struct.pack("!BBH", 155, code, 0) + body
    ck = pcaplib.csum(pcaplib.pseudo(LL, ALLRPL, 58, len(m)) + m)
    m = m[:2] + struct.pack("!H", ck) + m[4:]
    return pcaplib.ether(pcaplib.MS, pcaplib.MC, 0x86DD,
                         pcaplib.ipv6(LL, ALLRPL, 58, m))


def rpl():
    opts = (b"\x00" + bytes([1, 2, 0, 0]) +
            bytes([4, 14, 0x07, 8, 12, 10, 3, 0, 1, 0, 0, 1, 0, 0xff, 0,
                   60]) +
            bytes([8, 30, 64, 0xe0]) + struct.pack("!II", 3600, 1800) +
            bytes(4) + DAG +
            bytes([3, 12, 48, 0x18]) + struct.pack("!I", 3600) + DAG[:6] +
            bytes([2, 6, 7, 0, 0, 2, 0, 1]))
    dio = struct.pack("!BBHBBBB", 1, 240, 256, 0xb8, 5, 0, 0) + DAG + opts
    dis = bytes([0, 0, 7, 19, 1, 0xe0]) + DAG + bytes([240])
    dao = (struct.pack("!BBBB", 1, 0xc0, 0, 7) + DAG +
           bytes([5, 18, 0, 128]) + DAG +
           bytes([6, 20, 0, 0, 1, 0xff]) + DAG)
    ack = struct.pack("!BBBB", 1, 0x80, 7, 0) + DAG
    bad = struct.pack("!BBBB", 1, 0x00, 0, 8) + bytes([5, 40, 0, 128]) + \
        DAG[:8]
    return [rpl_frame(1, dio), rpl_frame(0, dis), rpl_frame(2, dao),
            rpl_frame(3, ack), rpl_frame(2, bad)]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    pcaplib.write(os.path.join(out, "wpan.pcap"), wpan(), 195)
    pcaplib.write(os.path.join(out, "wpan-nofcs.pcap"),
                  [f[:-2] for f in wpan()[:2]], 230)
    pcaplib.write(os.path.join(out, "zep.pcap"), zep())
    pcaplib.write(os.path.join(out, "6lowpan.pcap"), lowpan(), 195)
    pcaplib.write(os.path.join(out, "rpl.pcap"), rpl())


if __name__ == "__main__":
    main()
