#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Application protocols on TCP and UDP ports, written frame by frame
(pcaplib):

openvpn.pcap  OpenVPN on UDP 1194: a client's hard reset (v2) and the
              server's answer acknowledging it, a P_CONTROL_V1 carrying
              a TLS ClientHello, an ACK of two packet IDs, P_DATA_V1 and
              P_DATA_V2 (peer ID), a hard reset with tls-auth (HMAC,
              replay packet ID, net time), a control packet of exactly
              100 bytes (a fragment of a longer message), a tls-crypt-v2
              hard reset (v3) with its wrapped client key, a packet cut
              short; then on TCP 1194 (each packet after its 2-byte
              length): a hard reset, and an ACK and a P_CONTROL_V1 with
              a ClientHello in one segment.
memcache.pcap memcache on TCP and UDP 11211: text and binary sessions,
              UDP with and without memcached's frame header.
mgcp.pcap     MGCP on UDP 2427/2727 and TCP 2427: commands, answers,
              parameters and their parts, SDP bodies.
tds.pcap      TDS on TCP 1433: PRELOGIN both ways, two packets in a
              segment, an option's length past the packet; a LOGIN7 on
              another port, found by content.
beep.pcap     BEEP on TCP 10288: a greeting, SEQ, MSG, ANS and NUL, a
              message in two frames, ERR; a bad more flag, a header
              ended by LF alone, one cut before its end, bytes after it.
lpd.pcap      LPD on TCP 515: a job's commands and their one-byte answers,
              a control file's bytes, a queue listing, an operand ended by
              NUL, an answer of an unknown code, a command without its LF.
git.pcap      Git's smart protocol on TCP 9418: an upload-pack request,
              refs, wants, side-band answers, protocol v2's special
              lengths, a pkt-line of no data and one cut by the segment.
rsync.pcap    rsync's daemon protocol on TCP 873: greetings, a message of
              the day, a module's query and command, data; a module list
              in two segments to @RSYNCD: EXIT; an authentication request.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402


def client_hello():
    """A TLS 1.2 ClientHello record: one cipher suite, no extensions."""
    body = (b"\x03\x03" + bytes(range(32)) + b"\x00" +
            b"\x00\x02\x00\x2f" + b"\x01\x00")
    hs = b"\x01" + struct.pack("!I", len(body))[1:] + body
    return b"\x16\x03\x01" + struct.pack("!H", len(hs)) + hs


CSID = bytes.fromhex("1122334455667788")
SSID = bytes.fromhex("8877665544332211")


def ovpn(opcode, keyid, sid=None, acks=(), rsid=None, mpid=None,
         payload=b"", auth=b""):
    """An OpenVPN packet: type byte, session ID, tls-auth bytes, the ACK
    array (and the remote session ID when it is not empty), the message
    packet ID, then payload."""
    p = bytes([opcode << 3 | keyid])
    if sid is not None:
        p += sid + auth + bytes([len(acks)])
        p += b"".join(struct.pack("!I", a) for a in acks)
        if acks:
            p += rsid
        if mpid is not None:
            p += struct.pack("!I", mpid)
    return p + payload


def openvpn_frames():
    f = []
    u = pcaplib.udp_frame
    f.append(u(True, 40001, 1194, ovpn(7, 0, CSID, mpid=0)))
    f.append(u(False, 1194, 40001, ovpn(8, 0, SSID, acks=(0,), rsid=CSID,
                                        mpid=0)))
    f.append(u(True, 40001, 1194, ovpn(4, 0, CSID, acks=(0,), rsid=SSID,
                                       mpid=1, payload=client_hello())))
    f.append(u(False, 1194, 40001, ovpn(5, 0, SSID, acks=(1, 2),
                                        rsid=CSID)))
    f.append(u(True, 40001, 1194, ovpn(6, 1, payload=bytes(range(40)))))
    f.append(u(True, 40001, 1194, b"\x48\x00\x00\x07" + bytes(range(24))))
    auth = bytes.fromhex("a1b2c3d4e5f60718293a4b5c6d7e8f9012345678") + \
        struct.pack("!II", 1, 1700000000)
    f.append(u(True, 40002, 1194, ovpn(7, 0, CSID, mpid=0, auth=auth)))
    f.append(u(True, 40003, 1194, ovpn(4, 0, SSID, mpid=2,
                                       payload=bytes(range(100)))))
    wkc = bytes(range(0x40, 0x50)) + struct.pack("!H", 18)
    f.append(u(True, 40004, 1194, b"\x50" + CSID +
               struct.pack("!II", 1, 1700000001) + bytes(range(32)) +
               bytes(range(0x80, 0x8c)) + wkc))
    cut = u(False, 1194, 40001, ovpn(8, 0, SSID, acks=(0, 1, 2), rsid=CSID,
                                     mpid=1))
    f.append((cut[:-12], len(cut)))
    c = pcaplib.Conn(40100, 1194, f)
    c.handshake()

    def tcp(p):
        return struct.pack("!H", len(p)) + p
    c.send(True, tcp(ovpn(7, 0, CSID, mpid=0)))
    c.send(True, tcp(ovpn(5, 0, CSID, acks=(0,), rsid=SSID)) +
           tcp(ovpn(4, 0, CSID, mpid=1, payload=client_hello())))
    return f


def mcbin(magic, op, key=b"", extras=b"", value=b"", status=0, opaque=0,
          cas=0):
    """A memcache binary message: the 24-byte header, extras, key, value."""
    body = extras + key + value
    return struct.pack("!BBHBBHIIQ", magic, op, len(key), len(extras), 0,
                       status, len(body), opaque, cas) + body


def memcache_frames():
    f = []
    c = pcaplib.Conn(40200, 11211, f)
    c.handshake()
    for q, a in ((b"set foo 5 300 5\r\nhello\r\n", b"STORED\r\n"),
                 (b"get foo bar\r\n",
                  b"VALUE foo 5 5\r\nhello\r\nEND\r\n"),
                 (b"gets foo\r\n",
                  b"VALUE foo 5 5 42\r\nhello\r\nEND\r\n"),
                 (b"cas foo 0 0 3 42 noreply\r\nbye\r\n", None),
                 (b"incr counter 7\r\n", b"8\r\n"),
                 (b"delete foo 0\r\n", b"DELETED\r\n"),
                 (b"stats items\r\n", b"STAT items:1:number 3\r\n"
                  b"STAT items:1:age 120\r\nEND\r\n"),
                 (b"stats\r\n", b"STAT pid 1234\r\n"
                  b"STAT 1:chunk_size 96\r\nEND\r\n"),
                 (b"flush_all 10 noreply\r\n", None),
                 (b"version\r\n", b"VERSION 1.6.21\r\n"),
                 (b"append foo 0 0 100\r\n" + b"x" * 20, None)):
        c.send(True, q)
        if a is not None:
            c.send(False, a)
    b = pcaplib.Conn(40201, 11211, f)
    b.handshake()
    b.send(True, mcbin(0x80, 1, b"foo", struct.pack("!II", 0xdeadbeef, 300),
                       b"hello", opaque=1) +
           mcbin(0x80, 0, b"foo", opaque=2))
    b.send(False, mcbin(0x81, 1, opaque=1, cas=7))
    b.send(False, mcbin(0x81, 0, extras=struct.pack("!I", 0xdeadbeef),
                        value=b"hello", opaque=2, cas=7))
    b.send(True, mcbin(0x80, 0, b"nope", opaque=3))
    b.send(False, mcbin(0x81, 0, value=b"Not found", status=1, opaque=3))
    b.send(True, mcbin(0x80, 5, b"counter",
                       struct.pack("!QQI", 2, 10, 0), opaque=4))
    b.send(False, mcbin(0x81, 5, value=struct.pack("!Q", 12), opaque=4,
                        cas=9))
    b.send(True, mcbin(0x80, 0x0b) + mcbin(0x80, 0x0a, extras=b"\1\2"))
    b.send(False, mcbin(0x81, 0x0b, value=b"1.6.21"))
    b.send(True, mcbin(0x80, 0x08, extras=struct.pack("!I", 60)))
    u = pcaplib.udp_frame
    f.append(u(True, 40202, 11211, struct.pack("!HHHH", 1, 0, 1, 0) +
               b"get foo\r\n"))
    f.append(u(False, 11211, 40202, struct.pack("!HHHH", 1, 0, 1, 0) +
               b"VALUE foo 0 5\r\nhello\r\nEND\r\n"))
    f.append(u(True, 40203, 11211, mcbin(0x80, 0, b"foo", opaque=5)))
    f.append(u(True, 40204, 11211, b"get foo\r\n"))
    bad = mcbin(0x80, 1, b"foo", struct.pack("!II", 0, 0), b"v")
    bad = bad[:8] + struct.pack("!I", 4) + bad[12:]
    f.append(u(True, 40205, 11211, bad))
    return f


def mgcp_frames():
    f = []
    u = pcaplib.udp_frame
    sdp = (b"v=0\r\no=- 25678 753849 IN IP4 198.18.0.2\r\ns=-\r\n"
           b"c=IN IP4 198.18.0.2\r\nt=0 0\r\nm=audio 3456 RTP/AVP 0\r\n")
    f.append(u(True, 2727, 2427,
               b"CRCX 1204 aaln/1@rgw.example.net MGCP 1.0\r\n"
               b"C: A3C47F21456789F0\r\nL: p:10, a:PCMU, gc:3, zz:1\r\n"
               b"M: recvonly\r\nX: 0123456789AC\r\nR: L/hd(N)\r\n"
               b"K: 1200-1203\r\n"))
    f.append(u(False, 2427, 2727,
               b"200 1204 OK\r\nI: FDE234C8\r\n\r\n" + sdp))
    f.append(u(True, 2727, 2427,
               b"MDCX 1209 aaln/1@rgw.example.net MGCP 1.0\r\n"
               b"c: A3C47F21456789F0\r\nI: FDE234C8\r\nM: sendrecv\r\n"
               b"N: ca@ca1.example.net:5678\r\nS: L/rg\r\n"
               b"D: (0T|00T|[1-9]xxxxxx)\r\n\r\n" + sdp))
    f.append(u(False, 2427, 2727, b"200 1209\r\n"))
    f.append(u(False, 2427, 2727,
               b"NTFY 2002 aaln/1@rgw.example.net MGCP 1.0\r\n"
               b"N: ca@ca1.example.net:5678\r\nX: 0123456789AC\r\n"
               b"O: L/hu\r\n"))
    f.append(u(True, 2727, 2427, b"200 2002 OK\r\n"))
    f.append(u(True, 2727, 2427,
               b"DLCX 1210 aaln/1@rgw.example.net MGCP 1.0\r\n"
               b"C: A3C47F21456789F0\r\nI: FDE234C8\r\nE: 900 bye\r\n"))
    f.append(u(False, 2427, 2727,
               b"250 1210 Connection deleted\r\n"
               b"P: PS=1245, OS=62345, PR=780, OR=45123, PL=10, JI=27, "
               b"LA=48, X-AB=7, QQ=1, bad\r\n"
               b"XRM/LVM: NLR=0.5, JDR=1, FOO=2\r\n"
               b"X-Vendor: something\r\nX+Must: critical\r\n"
               b"W: not a parameter\r\n"))
    f.append(u(False, 2427, 2727,
               b"RSIP 5200 aaln/1@rgw.example.net MGCP 1.0 NCS 1.0\r\n"
               b"RM: restart\r\nRD: 0\r\nI2: 33\r\nZ2: x@y\r\n"
               b"ES: L/hu\r\nMD: 4000\r\nPL: L:1\r\nDQ-RI: 12\r\n"
               b"T: L/hd\r\nQ: process\r\nF: R,S\r\nA: a:PCMU\r\n"
               b"B: e:mu\r\nZ: aaln/1@rgw\r\n"))
    # (Two messages in one datagram, after a "." line, are left to the
    # unit test: Wireshark puts both trees at the datagram's start, so the
    # differential test cannot pair the second with strata's layer.)
    f.append(u(True, 2727, 2427, b"200 5200 OK\r\n"))
    f.append(u(True, 2727, 2427, b"AUEP 1206 aaln/*@rgw MGCP 1.0\r\n"
               b"F: A\r\n"))
    f.append(u(True, 2727, 2427, b"CRCXX 1207 aaln/1@rgw MGCP 1.0\r\n"))
    c = pcaplib.Conn(40300, 2427, f)
    c.handshake()
    c.send(True, b"AUCX 1300 aaln/1@rgw.example.net MGCP 1.0\r\n"
           b"I: FDE234C8\r\nF: C,N,L,M\r\n")
    c.send(False, b"200 1300 OK\r\nC: A3C47F21456789F0\r\n")
    return f


def tds(type_, status, payload, pkt=1):
    """A TDS packet: the 8-byte header (channel 0, window 0), payload."""
    return struct.pack("!BBHHBB", type_, status, 8 + len(payload), 0, pkt,
                       0) + payload


def prelogin(opts):
    """A PRELOGIN payload: the option list (token, offset, length) to
    0xff, then the values."""
    off, head, body = 5 * len(opts) + 1, b"", b""
    for tok, data in opts:
        head += struct.pack("!BHH", tok, off, len(data))
        off += len(data)
        body += data
    return head + b"\xff" + body


def tds_frames():
    f = []
    c = pcaplib.Conn(40400, 1433, f)
    c.handshake()
    c.send(True, tds(0x12, 1, prelogin([
        (0, bytes([15, 0, 7, 0xd0, 1, 2])), (1, b"\x02"),
        (2, b"MSSQLServer\x00"), (3, struct.pack(">I", 1234)),
        (4, b"\x01"), (5, bytes(range(36))), (6, b"\x01")])))
    c.send(False, tds(0x04, 1, prelogin([
        (0, bytes([16, 0, 0x10, 0x7a, 0, 0])), (1, b"\x00"), (2, b"\x00"),
        (4, b"\x00")])))
    c.send(True, tds(0x12, 0, prelogin([(0, bytes([15, 0, 7, 0xd0, 0, 0]))]))
           + tds(0x12, 1, prelogin([(7, bytes(32))]), pkt=2))
    # a LOGIN7 of version 0x70 on another port, found by content: the
    # fixed part, every string empty at its end
    body = struct.pack("<I", 94) + bytes([0, 0, 0, 0x70]) + bytes(28) + \
        struct.pack("<HH", 94, 0) * 9 + bytes(6) + \
        struct.pack("<HH", 94, 0) * 3 + bytes(4)
    d = pcaplib.Conn(40401, 40999, f)
    d.handshake()
    d.send(True, tds(0x10, 1, body))
    # the version option's length made 0xc806, past the packet
    bad = tds(0x12, 1, prelogin([(0, bytes(6))]))
    c.send(True, bad[:10] + struct.pack("!H", 200) + bad[12:])
    return f


def lpd_frames():
    f = []
    c = pcaplib.Conn(721, 515, f)
    c.handshake()
    for q, a in ((b"\x02lp\n", b"\x00"),
                 (b"\x02123 cfA123host\n", b"\x00"),
                 (b"Hhost\nPuser\nldfA123host\n\x00", b"\x00"),
                 (b"\x04lp user\n", b"lp is ready\nno entries\n"),
                 (b"\x05lp\x00user 123\n", b"\x07"),
                 (b"\x09weird\n", b"\x01"),
                 (b"\x02lp", None)):
        c.send(True, q)
        if a is not None:
            c.send(False, a)
    return f


def pkt(s):
    """A Git pkt-line: its length in four hex digits, then s."""
    return b"%04x" % (len(s) + 4) + s


def git_frames():
    f = []
    c = pcaplib.Conn(40700, 9418, f)
    c.handshake()
    ref = b"7217a7c7e582c46cec22a130adf4b9d7d950fba0"
    c.send(True, pkt(b"git-upload-pack /project.git\0host=example.com\0"))
    c.send(False, pkt(ref + b" HEAD\0multi_ack side-band-64k\n") +
           pkt(ref + b" refs/heads/master\n") + b"0000")
    c.send(True, pkt(b"want " + ref + b" side-band-64k\n") + b"0000" +
           pkt(b"done\n"))
    c.send(False, pkt(b"NAK\n") + pkt(b"\x02Counting objects: 3\r") +
           pkt(b"\x01PACK\x00\x00\x00\x02") + pkt(b"\x03error here\n") +
           b"0000")
    d = pcaplib.Conn(40701, 9418, f)
    d.handshake()
    d.send(False, pkt(b"version 2\n") + pkt(b"agent=git/2.40\n") + b"0000")
    d.send(True, b"0001" + b"0002" + b"0003" + b"0004")
    d.send(True, b"00ff" + b"short")
    return f


def rsync_frames():
    f = []
    c = pcaplib.Conn(40800, 873, f)
    c.handshake()
    c.send(False, b"@RSYNCD: 31.0\n")
    c.send(True, b"@RSYNCD: 31.0\n")
    c.send(False, b"Welcome to the mirror\n")
    c.send(True, b"module\n")
    c.send(False, b"@RSYNCD: OK\n")
    c.send(True, b"--server\0--sender\0-vlogDtpre.iLsfxC\0.\0module/\0\0")
    c.send(False, b"\x00\x01\x02\x03\x04")
    d = pcaplib.Conn(40801, 873, f)
    d.handshake()
    d.send(False, b"@RSYNCD: 30.0 sha1 md5\nmotd line\n")
    d.send(True, b"@RSYNCD: 30.0\n")
    d.send(True, b"\n")
    d.send(False, b"pub            public files\n")
    d.send(False, b"src            sources\n@RSYNCD: EXIT\n")
    d.send(False, b"\x07\x08")
    e = pcaplib.Conn(40802, 873, f)
    e.handshake()
    e.send(False, b"@RSYNCD: 31.0\n")
    e.send(True, b"@RSYNCD: 31.0\n")
    e.send(True, b"\n")
    e.send(False, b"@RSYNCD: AUTHREQD 6A3pO3kmPHKlxcN0fO9gpg\n")
    e.send(False, b"@RS")
    return f


def beep_frames():
    f = []
    c = pcaplib.Conn(40500, 10288, f)
    c.handshake()
    pay = b"Content-Type: application/beep+xml\r\n\r\n<greeting />\r\n"
    c.send(False, b"RPY 0 0 . 0 %d\r\n" % len(pay) + pay + b"END\r\n")
    c.send(True, b"SEQ 0 52 4096\r\n")
    start = b"<start number='1'/>\r\n"
    c.send(True, b"MSG 0 1 . 0 %d\r\n" % len(start) + start + b"END\r\n")
    c.send(True, b"ANS 1 2 * 10 5 7\r\nhelloEND\r\nNUL 1 2 . 15 0\r\n"
           b"END\r\n")
    # a message in two frames: the second has no MIME header
    c.send(True, b"MSG 1 3 * 20 0\r\n\r\nEND\r\n")
    c.send(True, b"MSG 1 3 . 20 4\r\nabcdEND\r\n")
    c.send(False, b"ERR 0 1 . 52 5\r\nnope!END\r\n")
    # a bad more flag, a header ended by LF alone, one without its end
    c.send(False, b"RPY 0 2 x 0 0\r\nEND\r\n")
    c.send(False, b"RPY 0 3 . 0 0\nEND\r\n")
    c.send(False, b"RPY 0 4 . 0 10")
    c.send(False, b"garbage here\r\n")
    return f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "openvpn.pcap"), openvpn_frames())
    pcaplib.write(os.path.join(here, "memcache.pcap"), memcache_frames())
    pcaplib.write(os.path.join(here, "mgcp.pcap"), mgcp_frames())
    pcaplib.write(os.path.join(here, "tds.pcap"), tds_frames())
    pcaplib.write(os.path.join(here, "beep.pcap"), beep_frames())
    pcaplib.write(os.path.join(here, "lpd.pcap"), lpd_frames())
    pcaplib.write(os.path.join(here, "git.pcap"), git_frames())
    pcaplib.write(os.path.join(here, "rsync.pcap"), rsync_frames())


if __name__ == "__main__":
    main()
