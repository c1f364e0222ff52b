#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""PPP's protocols after LCP, IPCP and the authentications, frame by frame
on LINKTYPE_PPP (9, each frame ff 03 then the protocol field), built by
hand (no PPP peer here), the same every time.

usage: make-pppext.py DIR
  ppp-ccp.pcap   CCP (0x80fd): a Conf-Request with every option tshark
                 knows (OUI with and without data, Predictor 1 and 2,
                 Puddle Jumper, HP PPC, Stac LZS and Ascend's six-byte
                 one, MPPC/MPPE bits, Gandalf FZA, V.42bis, BSD-Compress,
                 LZS-DCP, MVRCA, DCE, Deflate, V.44 short and long) and an
                 unknown one; a Conf-Ack with Deflate, Reset-Request and
                 Reset-Ack, a Term-Request with data, a compressed datagram
                 (0x00fd); malformed: Deflate and LZS-DCP of wrong lengths
                 (shown as warnings), an option length of 1, a Deflate
                 option running past the packet (tcpdump's
                 ppp_ccp_config_deflate_option_asan), V.44 cut inside its
                 dictionary size; a Conf-Request cut by the capture
  ppp-bap.pcap   BACP (0xc02b): Conf-Request with Favored-Peer, an
                 Echo-Request; BAP (0xc02d): a Call-Request with link
                 type, phone delta (unique digit, subscriber number,
                 sub-address, an unknown sub-option), no-phone-number,
                 reason, link discriminator, call status, and an unknown
                 option; a Call-Response (response code, link type), a
                 Call-Status-Indication, a Link-Drop-Query-Request;
                 malformed: a sub-option length of 1, a link type of 4
                 bytes; a Call-Request cut by the capture
  ppp-mp.pcap    Multilink PPP (0x003d), long sequence numbers: a whole
                 datagram in one fragment (B and E: IPv4 ICMP echo, then
                 LCP), a first fragment, a last one, a middle one (class
                 and reserved bits set), none of them completing another;
                 an empty fragment; malformed (tcpdump's mlppp-oobr): a
                 header of 3 bytes, of 1
  ppp-ncp.pcap   MPLSCP (0x8281) Conf-Request with an option and a
                 Term-Request with data, CDPCP (0x8207) Conf-Request and
                 Conf-Ack, OSINLCP (0x8023) with Align-NPDU and an unknown
                 option, CBCP (0xc029): Callback Request with no-callback,
                 user-specified and list options, Callback Response with a
                 number, Callback Ack; malformed: an address without its
                 NUL, an admin-specified option (its address always cut),
                 a user option of 3 bytes
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def hdlc(proto, body):
    return b"\xff\x03" + struct.pack("!H", proto) + body


def cp(code, ident, body):
    """An LCP-format packet: code, identifier, length, body."""
    return struct.pack("!BBH", code, ident, 4 + len(body)) + body


def opt(t, v):
    return bytes([t, 2 + len(v)]) + v


def ping():
    """An IPv4 ICMP echo request, 198.18.0.1 to 198.18.0.2."""
    icmp = struct.pack("!BBHHH", 8, 0, 0, 0x1234, 1) + b"multilink"
    icmp = icmp[:2] + struct.pack("!H", pcaplib.csum(icmp)) + icmp[4:]
    return pcaplib.ipv4(pcaplib.C, pcaplib.S, 1, icmp)


def ccp_frames():
    C = 0x80fd
    opts = (opt(0, bytes.fromhex("00000c01")) +
            opt(0, bytes.fromhex("00000c02aabb")) +
            opt(1, b"") + opt(2, b"") + opt(3, b"") + opt(16, b"") +
            opt(17, bytes.fromhex("000103")) +
            opt(17, bytes.fromhex("00010304")) +
            opt(18, bytes.fromhex("01000061")) +
            opt(19, bytes.fromhex("0a0102")) +
            opt(20, bytes.fromhex("0102")) + opt(21, bytes.fromhex("2f")) +
            opt(23, bytes.fromhex("00010301")) +
            opt(24, bytes.fromhex("a502")) + opt(25, bytes.fromhex("01")) +
            opt(26, bytes.fromhex("7800")) + opt(27, bytes.fromhex("0001")) +
            opt(27, bytes.fromhex("00010800")) + opt(99, b"xy"))
    f = [hdlc(C, cp(1, 1, opts)),
         hdlc(C, cp(2, 1, opt(26, bytes.fromhex("7800")) +
                    opt(21, bytes.fromhex("2f")))),
         hdlc(C, cp(14, 2, b"")),
         hdlc(C, cp(15, 2, b"")),
         hdlc(C, cp(5, 3, b"bye")),
         hdlc(0x00fd, bytes.fromhex("0001deadbeef")),
         # lengths the methods do not take: warnings, no fields
         hdlc(C, cp(1, 4, opt(26, b"\x78") + opt(23, b"\x00\x01"))),
         # an option length of 1
         hdlc(C, cp(1, 5, b"\x1a\x01")),
         # Deflate's length past the packet's end
         hdlc(C, cp(1, 6, b"\x1a\x08\x78\x00")),
         # V.44 cut inside its dictionary size
         hdlc(C, cp(1, 7, opt(27, bytes.fromhex("000102")))),
         # cut by the capture
         (hdlc(C, cp(1, 8, opt(26, bytes.fromhex("7800"))))[:9], 12)]
    return f


def bap_frames():
    B = 0xc02d
    phone = (opt(1, b"\x07") + opt(2, b"5551234") + opt(3, b"12") +
             opt(9, b"zz"))
    req = (opt(1, bytes.fromhex("004001")) + opt(2, phone) + opt(3, b"") +
           opt(4, b"more bandwidth") + opt(5, b"\x00\x07") +
           opt(6, b"\x00\x02") + opt(9, b"q"))
    f = [hdlc(0xc02b, cp(1, 1, opt(1, bytes.fromhex("11223344")))),
         hdlc(0xc02b, cp(9, 2, bytes.fromhex("11223344"))),
         hdlc(B, cp(1, 3, req)),
         hdlc(B, cp(2, 3, b"\x00" + opt(1, bytes.fromhex("004001")))),
         hdlc(B, cp(7, 4, opt(6, b"\x00\x02"))),
         hdlc(B, cp(5, 5, opt(5, b"\x00\x07"))),
         # a sub-option length of 1, a link type of 4 bytes
         hdlc(B, cp(1, 6, opt(2, b"\x01\x01\x00\x00") +
                    opt(1, b"\x00\x40"))),
         (hdlc(B, cp(1, 7, req))[:20], 4 + 4 + len(req))]
    return f


def mp_frames():
    M = 0x003d
    return [hdlc(M, bytes.fromhex("c0000005") + b"\x00\x21" + ping()),
            hdlc(M, bytes.fromhex("c0000009") + b"\xc0\x21" +
                 cp(9, 1, bytes.fromhex("01020304"))),
            hdlc(M, bytes.fromhex("80000064") + b"\x00\x21" + ping()[:16]),
            hdlc(M, bytes.fromhex("400001f4") + b"tail"),
            hdlc(M, bytes.fromhex("3f000301") + b"mid"),
            hdlc(M, bytes.fromhex("c0000400")),
            hdlc(M, bytes.fromhex("c00005")),
            hdlc(M, bytes.fromhex("80"))]


def ncp_frames():
    return [hdlc(0x8281, cp(1, 1, opt(1, b"ab"))),
            hdlc(0x8281, cp(5, 2, b"x")),
            hdlc(0x8207, cp(1, 3, b"")),
            hdlc(0x8207, cp(2, 3, b"")),
            hdlc(0x8023, cp(1, 4, opt(1, b"\x02") + opt(2, b"zz"))),
            hdlc(0xc029, cp(1, 5, opt(1, b"") + opt(2, b"\x05\x01123\x00") +
                            opt(4, b"\x0a\x015550100\x00\x01666\x00"))),
            hdlc(0xc029, cp(2, 5, opt(2, b"\x05\x015550100\x00"))),
            hdlc(0xc029, cp(3, 5, b"")),
            # malformed: no NUL, admin (always cut), a user option of 3
            hdlc(0xc029, cp(2, 6, opt(2, b"\x05\x01123"))),
            hdlc(0xc029, cp(1, 7, opt(3, b"\x05\x01"))),
            hdlc(0xc029, cp(1, 8, opt(2, b"\x05") + opt(1, b"")))]


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    pcaplib.write(os.path.join(d, "ppp-ccp.pcap"), ccp_frames(), 9)
    pcaplib.write(os.path.join(d, "ppp-bap.pcap"), bap_frames(), 9)
    pcaplib.write(os.path.join(d, "ppp-mp.pcap"), mp_frames(), 9)
    pcaplib.write(os.path.join(d, "ppp-ncp.pcap"), ncp_frames(), 9)


if __name__ == "__main__":
    main()
