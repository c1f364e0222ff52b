#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Multicast routing inside IGMP, written frame by frame (pcaplib):

dvmrp.pcap   DVMRP v3 (IGMP type 0x13): a probe listing two neighbours,
             a report of three source networks under two masks (one the
             default route), mrinfo's Ask Neighbors 2 and the Neighbors 2
             reply with two interfaces, a prune, a graft and its ack, and
             a probe cut short.
pimv1.pcap   PIM version 1 (IGMP type 0x14): a query (sparse mode), a
             register carrying a UDP datagram, a register-stop, a
             join/prune with one group joining two sources and pruning
             one, an RP-reachable, an assert, a message whose version
             nibble is 2, and a join/prune cut short.
cldap.pcap   connectionless LDAP (UDP 389): a search of the empty base
             for a domain controller's dnsHostName with a filter on the
             domain and host, and one datagram holding the entry that
             answers it and the search's end.
nntp.pcap    a news reader's session (TCP 119): the greeting, CAPABILITIES
             and its list, GROUP and its 211, ARTICLE with the article's
             head and body in the 220 answer's text, POST refused (440)
             and QUIT.
tacplus.pcap TACACS+ (TCP 49) with the unencrypted flag: an ASCII login
             (START, the REPLY asking for the password, CONTINUE with it,
             the REPLY passing it), an authorization REQUEST with two
             arguments and its REPLY, an accounting start record and its
             REPLY, a PAP START, and an obfuscated START (flag clear).
rtsp.pcap    an IP camera's RTSP session (TCP 554): OPTIONS, DESCRIBE
             answered with SDP, SETUP for media interleaved in the
             connection, PLAY, then RTP on channel 0 and, two frames in
             one segment, RTP and an RTCP sender report on channel 1.
wireguard.pcap WireGuard on UDP 51820: handshake initiation and response,
             a cookie reply, a data message and a keepalive; then a
             handshake between other ports, found by content.
wol.pcap     Wake-on-LAN magic packets: a UDP broadcast to port 9, one to
             port 40009 (found by content), and a bare one of EtherType
             0x0842.  (None carries a SecureOn password: tshark 4.0 writes
             one as the hex text of its bytes, so the peers would
             disagree; the unit test checks strata's.)
gnutella.pcap a Gnutella 0.6 connection (TCP 6346): the text handshake
             both ways, then a ping, a pong, a query, the query hit that
             answers it (one file) and a push.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

R1, R2 = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
ALLRTR = bytes([224, 0, 0, 4])          # all DVMRP routers
PIMRTR = bytes([224, 0, 0, 13])
GRP = bytes([233, 252, 0, 1])


def igmp(type_, code, body, rest=b""):
    """An IGMP message: type, code, checksum over all of it, then rest
    (the 4 bytes after the checksum) and body."""
    m = bytes([type_, code]) + b"\0\0" + rest + body
    return m[:2] + struct.pack("!H", pcaplib.csum(m)) + m[4:]


def frame(dst, msg, src=R1):
    mac = bytes.fromhex("01005e000004")
    return pcaplib.ether(mac, pcaplib.MC, 0x0800,
                         pcaplib.ipv4(src, dst, 2, msg))


def dvmrp(code, body, caps=0):
    return igmp(0x13, code, body, bytes([0, caps, 0xff, 3]))


def dvmrp_frames():
    f = []
    f.append(frame(ALLRTR, dvmrp(1, struct.pack("!I", 0x5a5a0001) + R2 +
                                 bytes([198, 18, 0, 9]), caps=0x0e)))
    # report: mask 255.255.255.0 with 198.18.1/24 (metric 1) and
    # 198.18.2/24 (metric 3, last); mask 255.0.0.0 default route (last)
    rep = bytes([255, 255, 0]) + bytes([198, 18, 1, 1]) + \
        bytes([198, 18, 2, 0x83])
    rep += bytes([0, 0, 0]) + bytes([0, 0x80 | 5])
    f.append(frame(ALLRTR, dvmrp(2, rep)))
    f.append(frame(R2, dvmrp(5, b"")))
    n2 = R2 + bytes([1, 1, 0x40, 2]) + R1 + bytes([198, 18, 0, 3])
    n2 += bytes([198, 18, 5, 1]) + bytes([2, 16, 0x01 | 0x10, 1]) + \
        bytes([198, 18, 6, 1])
    f.append(frame(R1, dvmrp(6, n2, caps=0x0e), src=R2))
    sg = bytes([198, 18, 1, 9]) + GRP
    f.append(frame(R2, dvmrp(7, sg + struct.pack("!I", 7200) +
                             bytes([255, 255, 255, 0]))))
    f.append(frame(R2, dvmrp(8, sg + bytes([255, 255, 255, 0]))))
    f.append(frame(R1, dvmrp(9, sg), src=R2))
    cut = frame(ALLRTR, dvmrp(1, struct.pack("!I", 9) + R2 + R1))
    f.append((cut[:14 + 20 + 14], len(cut)))
    return f


def pimv1(code, body):
    return igmp(0x14, code, body, bytes([0x10, 0, 0, 0]))


def pimv1_frames():
    f = []
    f.append(frame(PIMRTR, pimv1(0, bytes([0x10, 0]) +
                                 struct.pack("!H", 105))))
    inner = pcaplib.ipv4(bytes([198, 18, 1, 9]), GRP, 17,
                         pcaplib.udp(bytes([198, 18, 1, 9]), GRP, 5004,
                                     5004, b"multicast data"))
    # a register's checksum covers its 8-byte header only
    reg = bytes([0x14, 1, 0, 0, 0x10, 0, 0, 0])
    reg = reg[:2] + struct.pack("!H", pcaplib.csum(reg)) + reg[4:]
    f.append(frame(R2, reg + inner))
    f.append(frame(R1, pimv1(2, GRP + bytes([198, 18, 1, 9])), src=R2))
    jp = R2 + bytes(2) + struct.pack("!H", 210) + bytes([0, 4, 4, 1])
    jp += GRP + bytes([255, 255, 255, 255]) + struct.pack("!HH", 2, 1)
    jp += bytes([0x04, 32]) + bytes([198, 18, 1, 9])
    jp += bytes([0x07, 32]) + bytes([198, 18, 0, 7])
    jp += bytes([0x05, 32]) + bytes([198, 18, 3, 3])
    f.append(frame(PIMRTR, pimv1(3, jp)))
    f.append(frame(PIMRTR, pimv1(4, GRP + bytes([255, 255, 255, 0]) +
                                 bytes([198, 18, 0, 7]) + bytes(2) +
                                 struct.pack("!H", 270))))
    f.append(frame(PIMRTR, pimv1(5, GRP + bytes([255, 255, 255, 255]) +
                                 struct.pack("!II", 0x80000000 | 110,
                                             20))))
    f.append(frame(PIMRTR, igmp(0x14, 0, bytes(4),
                                bytes([0x20, 0, 0, 0]))))
    cut = frame(PIMRTR, pimv1(3, jp))
    f.append((cut[:14 + 20 + 30], len(cut)))
    return f


def ber(tag, body):
    """A BER TLV (definite length, short or long form)."""
    n = len(body)
    if n < 128:
        return bytes([tag, n]) + body
    ln = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([tag, 0x80 | len(ln)]) + ln + body


def cldap_frames():
    eq = ber(0xa3, ber(0x04, b"DnsDomain") + ber(0x04, b"corp.test"))
    nt = ber(0xa3, ber(0x04, b"Host") + ber(0x04, b"ws7"))
    search = ber(0x63, ber(0x04, b"") + bytes.fromhex("0a01000a0100") +
                 bytes.fromhex("020100020100010100") +
                 ber(0xa0, eq + nt) + ber(0x30, ber(0x04, b"dnsHostName")))
    req = ber(0x30, bytes.fromhex("020107") + search)
    entry = ber(0x64, ber(0x04, b"") + ber(0x30, ber(0x30, ber(
        0x04, b"dnsHostName") + ber(0x31, ber(0x04, b"dc1.corp.test")))))
    res = ber(0x30, bytes.fromhex("020107") + entry)
    done = ber(0x30, bytes.fromhex("020107") +
               ber(0x65, bytes.fromhex("0a0100") + ber(0x04, b"") +
                   ber(0x04, b"")))
    return [pcaplib.udp_frame(True, 51000, 389, req),
            pcaplib.udp_frame(False, 389, 51000, res + done)]


def nntp_frames():
    f = []
    c = pcaplib.Conn(40119, 119, f).handshake()
    c.send(False, b"200 news.corp.test InterNetNews server ready\r\n")
    c.send(True, b"CAPABILITIES\r\n")
    c.send(False, b"101 Capability list:\r\nVERSION 2\r\nREADER\r\n"
           b"LIST ACTIVE NEWSGROUPS\r\n.\r\n")
    c.send(True, b"GROUP misc.test\r\n")
    c.send(False, b"211 3 1 3 misc.test\r\n")
    c.send(True, b"ARTICLE 2\r\n")
    c.send(False, b"220 2 <a2@corp.test>\r\nFrom: ann@corp.test\r\n"
           b"Newsgroups: misc.test\r\nSubject: hello\r\n"
           b"Message-ID: <a2@corp.test>\r\n\r\nA test.\r\n.\r\n")
    c.send(True, b"POST\r\n")
    c.send(False, b"440 Posting not permitted\r\n")
    c.send(True, b"QUIT\r\n")
    c.send(False, b"205 Bye\r\n")
    return f


def tacplus_frames():
    f = []
    c = pcaplib.Conn(40049, 49, f).handshake()

    def msg(type_, seq, body, flags=1, sid=0x1234ABCD):
        return bytes([0xC0, type_, seq, flags]) + \
            struct.pack("!II", sid, len(body)) + body

    who = b"alice" + b"tty0" + b"ws7"
    c.send(True, msg(1, 1, bytes([1, 15, 1, 1, 5, 4, 3, 0]) + who))
    text = b"Password: "
    c.send(False, msg(1, 2, bytes([5, 1]) + struct.pack("!HH", len(text),
                                                         0) + text))
    c.send(True, msg(1, 3, struct.pack("!HH", 6, 0) + bytes([0]) +
                     b"secret"))
    c.send(False, msg(1, 4, bytes([1, 0]) + struct.pack("!HH", 0, 0)))
    args = [b"service=shell", b"cmd=show", b"cmd-arg=version"]
    c.send(True, msg(2, 1, bytes([6, 15, 1, 1, 5, 4, 3, len(args)]) +
                     bytes(len(a) for a in args) + who + b"".join(args),
                     sid=0x2222))
    rep = [b"priv-lvl=15"]
    c.send(False, msg(2, 2, bytes([1, len(rep)]) + struct.pack("!HH", 0, 0)
                      + bytes(len(a) for a in rep) + b"".join(rep),
                      sid=0x2222))
    acct = [b"task_id=7", b"start_time=1700000000", b"service=shell"]
    c.send(True, msg(3, 1, bytes([0x02, 6, 15, 1, 1, 5, 4, 3, len(acct)]) +
                     bytes(len(a) for a in acct) + who + b"".join(acct),
                     sid=0x3333))
    c.send(False, msg(3, 2, struct.pack("!HH", 0, 0) + bytes([1]),
                      sid=0x3333))
    c.send(True, msg(1, 1, bytes([1, 1, 2, 1, 3, 4, 3, 6]) + b"bob" +
                     b"tty1" + b"ws8" + b"hunter", sid=0x4444))
    c.send(True, msg(1, 1, bytes(range(20)), flags=0, sid=0x5555))
    return f


def rtsp_frames():
    f = []
    c = pcaplib.Conn(40554, 554, f).handshake()
    url = b"rtsp://198.18.0.2/cam"
    c.send(True, b"OPTIONS " + url + b" RTSP/1.0\r\nCSeq: 1\r\n"
           b"User-Agent: strata-test\r\n\r\n")
    c.send(False, b"RTSP/1.0 200 OK\r\nCSeq: 1\r\nPublic: OPTIONS, "
           b"DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n")
    sdp = (b"v=0\r\no=- 1 1 IN IP4 198.18.0.2\r\ns=cam\r\n"
           b"c=IN IP4 0.0.0.0\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\n"
           b"a=rtpmap:96 H264/90000\r\n")
    c.send(True, b"DESCRIBE " + url + b" RTSP/1.0\r\nCSeq: 2\r\n"
           b"Accept: application/sdp\r\n\r\n")
    c.send(False, b"RTSP/1.0 200 OK\r\nCSeq: 2\r\nContent-Type: "
           b"application/sdp\r\nContent-Length: %d\r\n\r\n" % len(sdp) +
           sdp)
    tr = b"Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\n"
    c.send(True, b"SETUP " + url + b"/track1 RTSP/1.0\r\nCSeq: 3\r\n" +
           tr + b"\r\n")
    c.send(False, b"RTSP/1.0 200 OK\r\nCSeq: 3\r\n"
           b"Session: 12345678;timeout=60\r\n" + tr + b"\r\n")
    c.send(True, b"PLAY " + url + b" RTSP/1.0\r\nCSeq: 4\r\n"
           b"Session: 12345678\r\n\r\n")
    c.send(False, b"RTSP/1.0 200 OK\r\nCSeq: 4\r\n"
           b"Session: 12345678\r\n\r\n")

    def rtp(seq):
        return bytes.fromhex("8060%04x000000640000abcd" % seq) + b"frame"

    def frame(ch, data):
        return b"$" + bytes([ch]) + struct.pack("!H", len(data)) + data

    sr = bytes.fromhex("80c800060000abcd") + bytes(8) + \
        bytes.fromhex("00000064") + struct.pack("!II", 1, 5)
    c.send(False, frame(0, rtp(0)))
    c.send(False, frame(0, rtp(1)) + frame(1, sr))
    return f


def wireguard_frames():
    f = []
    init = bytes([1, 0, 0, 0]) + struct.pack("<I", 0x11223344) + \
        bytes(range(32)) + bytes(range(32, 80)) + bytes(range(80, 108)) + \
        bytes(range(16)) + bytes(16)
    resp = bytes([2, 0, 0, 0]) + struct.pack("<II", 0x55667788,
                                             0x11223344) + \
        bytes(range(100, 132)) + bytes(range(16)) + bytes(range(16)) + \
        bytes(16)
    cookie = bytes([3, 0, 0, 0]) + struct.pack("<I", 0x11223344) + \
        bytes(range(24)) + bytes(range(32))
    data = bytes([4, 0, 0, 0]) + struct.pack("<IQ", 0x55667788, 7) + \
        bytes(range(48))
    keep = bytes([4, 0, 0, 0]) + struct.pack("<IQ", 0x55667788, 8) + \
        bytes(16)
    f.append(pcaplib.udp_frame(True, 51820, 51820, init))
    f.append(pcaplib.udp_frame(False, 51820, 51820, resp))
    f.append(pcaplib.udp_frame(True, 51820, 51820, cookie))
    f.append(pcaplib.udp_frame(True, 51820, 51820, data))
    f.append(pcaplib.udp_frame(False, 51820, 51820, keep))
    f.append(pcaplib.udp_frame(True, 41000, 42000, init))
    return f


def wol_frames():
    mac = bytes.fromhex("020000000002")
    magic = b"\xff" * 6 + mac * 16
    bcast = bytes.fromhex("ffffffffffff")
    return [pcaplib.udp_frame(True, 40000, 9, magic),
            pcaplib.udp_frame(True, 40000, 40009, magic),
            pcaplib.ether(bcast, pcaplib.MC, 0x0842, magic)]


def gnutella_frames():
    f = []
    c = pcaplib.Conn(40346, 6346, f).handshake()
    c.send(True, b"GNUTELLA CONNECT/0.6\r\nUser-Agent: strata\r\n\r\n")
    c.send(False, b"GNUTELLA/0.6 200 OK\r\n\r\n")
    gid = bytes(range(16))

    def desc(t, ttl, hops, body):
        return gid + bytes([t, ttl, hops]) + struct.pack("<I", len(body)) + \
            body

    c.send(True, desc(0, 7, 0, b""))
    c.send(False, desc(1, 7, 1, struct.pack("<H", 6346) +
                       bytes([198, 18, 0, 2]) + struct.pack("<II", 42, 1024)))
    c.send(True, desc(0x80, 7, 0, struct.pack("<H", 0) + b"strata test\0"))
    hit = struct.pack("<II", 1, 4096) + b"strata.txt\0\0"
    c.send(False, desc(0x81, 7, 1, bytes([1]) + struct.pack("<H", 6346) +
                       bytes([198, 18, 0, 2]) + struct.pack("<I", 100) +
                       hit + bytes(range(16))))
    c.send(True, desc(0x40, 7, 0, bytes(range(16)) + struct.pack("<I", 1) +
                      bytes([198, 18, 0, 1]) + struct.pack("<H", 6346)))
    return f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "dvmrp.pcap"), dvmrp_frames())
    pcaplib.write(os.path.join(here, "pimv1.pcap"), pimv1_frames())
    pcaplib.write(os.path.join(here, "cldap.pcap"), cldap_frames())
    pcaplib.write(os.path.join(here, "nntp.pcap"), nntp_frames())
    pcaplib.write(os.path.join(here, "tacplus.pcap"), tacplus_frames())
    pcaplib.write(os.path.join(here, "rtsp.pcap"), rtsp_frames())
    pcaplib.write(os.path.join(here, "wireguard.pcap"), wireguard_frames())
    pcaplib.write(os.path.join(here, "wol.pcap"), wol_frames())
    pcaplib.write(os.path.join(here, "gnutella.pcap"), gnutella_frames())


if __name__ == "__main__":
    main()
