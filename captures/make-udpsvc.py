#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Small UDP (and TCP) services tshark decodes by port, written frame by
frame (pcaplib):

portcontrol.pcap NAT-PMP and PCP on UDP 5351: NAT-PMP's external address
             request and response, a UDP mapping request and a TCP
             mapping response, an unknown opcode; PCP version 2's MAP
             request with the PREFER_FAILURE, FILTER and DESCRIPTION
             options and its response, a PEER request with THIRD_PARTY
             and its response, an ANNOUNCE response, a MAP response with
             "no resources", and a MAP request cut by the capture.
srvloc.pcap  SLP (UDP and TCP 427): version 2's SrvRqst, SrvRply with two
             URL entries, SrvReg with attributes, SrvAck, AttrRqst,
             AttrRply, DAAdvert, SrvTypeRqst for all naming authorities,
             SrvTypeRply, SAAdvert, SrvDeReg; version 1's SrvRqst and
             SrvRply; a SrvRqst and SrvRply over TCP; a SrvRply cut by the
             capture.
rmcp.pcap    RMCP on UDP 623: ASF's Presence Ping and Pong (its body data,
             as tshark 4.0 shows it), an RMCP ACK; IPMI v1.5 session
             wrappers (no authentication; MD5 with its code) around a Get
             Channel Authentication Capabilities request and its answer;
             IPMI v2.0 (RMCP+) wrappers: an Open Session Request payload,
             an encrypted IPMI message, an OEM explicit payload; class OEM;
             a Pong cut by the capture.
mip.pcap     Mobile IP (UDP 434): a registration request with the NAI,
             a challenge and the mobile-home authentication extensions, its
             reply (accepted), a request through a foreign agent with the
             generalized MN-AAA authentication extension, a reply denying
             it, a revocation, and a request cut by the capture.
timed.pcap   timed's TSP (UDP 525): a master request, the master's
             acknowledgement, a settime with seconds and microseconds, an
             adjtime, a loop packet with its hop count, an election; then
             as tcpdump's kh-timed tests, a message cut by the capture
             inside its time and one inside its name.
krb4.pcap    Kerberos v4 (UDP 750): a KDC request (MSB first) and its
             reply with the encrypted part, a KDC request in LSB-first
             byte order, an application request with ticket and
             authenticator, an error reply, and a request cut by the
             capture inside the realm.
who.pcap     rwho (UDP 513): a host's report with three logins, one with
             none, and a report cut by the capture inside an entry.
xdmcp.pcap   XDMCP (UDP 177): a BroadcastQuery, Willing, a Request with
             an IPv4 connection and MIT-MAGIC-COOKIE-1, Accept with the
             cookie, Manage, KeepAlive and Alive, a Forward_query, a
             Decline, a Request whose types and addresses do not pair, and
             an Accept cut by the capture.
glbp.pcap    GLBP (UDP 3222 both ways): the active gateway's hello with
             two forwarders and plain-text authentication, a standby's
             with an MD5 hash, a message with a TLV type Wireshark does
             not know, and one cut by the capture inside a TLV.
wccp.pcap    WCCP version 2 (UDP 2048): a web cache's Here I am with no
             security and the web-cache service, one with MD5 security,
             a dynamic service on TCP ports 80 and 8080 and a component
             type tshark does not know, a router's I see you with its
             identity (heard from one cache), and a Here I am cut by the
             capture.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

V4MAPPED = bytes(10) + b"\xff\xff"


def v4m(a):
    """An IPv4 address as PCP writes it: IPv4-mapped IPv6."""
    return V4MAPPED + bytes(a)


def pcp_req(op, lifetime, body, opts=b""):
    return struct.pack("!BBHI", 2, op, 0, lifetime) + \
        v4m([198, 18, 0, 1]) + body + opts


def pcp_rsp(op, result, lifetime, epoch, body, opts=b""):
    return struct.pack("!BBBBII", 2, 0x80 | op, 0, result, lifetime,
                       epoch) + bytes(12) + body + opts


def pcp_opt(code, data):
    """An option, its data padded to 4 bytes (RFC 6887 7.3)."""
    return struct.pack("!BBH", code, 0, len(data)) + data + \
        bytes(-len(data) % 4)


NONCE = bytes.fromhex("0102030405060708090a0b0c")


def portcontrol_frames():
    f = []
    # NAT-PMP (version 0)
    f.append(pcaplib.udp_frame(True, 40000, 5351, b"\x00\x00"))
    f.append(pcaplib.udp_frame(False, 5351, 40000, struct.pack(
        "!BBHI4s", 0, 128, 0, 7200, bytes([203, 0, 113, 7]))))
    f.append(pcaplib.udp_frame(True, 40000, 5351, struct.pack(
        "!BBHHHI", 0, 1, 0, 5004, 5004, 3600)))
    f.append(pcaplib.udp_frame(False, 5351, 40000, struct.pack(
        "!BBHIHHI", 0, 130, 2, 7201, 22, 2222, 0)))
    f.append(pcaplib.udp_frame(True, 40000, 5351, b"\x00\x07\x00\x00"))
    # PCP (version 2)
    mapreq = NONCE + struct.pack("!B3xHH", 17, 5004, 5004) + \
        v4m([0, 0, 0, 0])
    opts = pcp_opt(2, b"") + \
        pcp_opt(3, struct.pack("!BBH", 0, 120, 443) +
                v4m([192, 0, 2, 9])) + pcp_opt(128, b"camera")
    f.append(pcaplib.udp_frame(True, 40001, 5351, pcp_req(1, 7200, mapreq,
                                                          opts)))
    maprsp = NONCE + struct.pack("!B3xHH", 17, 5004, 15004) + \
        v4m([203, 0, 113, 7])
    f.append(pcaplib.udp_frame(False, 5351, 40001,
                               pcp_rsp(1, 0, 7200, 3600, maprsp)))
    peerreq = NONCE + struct.pack("!B3xHH", 6, 8080, 8080) + \
        v4m([0, 0, 0, 0]) + struct.pack("!H2x", 443) + \
        v4m([192, 0, 2, 80])
    f.append(pcaplib.udp_frame(True, 40002, 5351, pcp_req(
        2, 600, peerreq, pcp_opt(1, v4m([198, 18, 0, 5])))))
    peerrsp = NONCE + struct.pack("!B3xHH", 6, 8080, 18080) + \
        v4m([203, 0, 113, 7]) + struct.pack("!H2x", 443) + \
        v4m([192, 0, 2, 80])
    f.append(pcaplib.udp_frame(False, 5351, 40002,
                               pcp_rsp(2, 0, 600, 3601, peerrsp)))
    f.append(pcaplib.udp_frame(False, 5350, 5350,
                               pcp_rsp(0, 0, 0, 3602, b"")))
    f.append(pcaplib.udp_frame(False, 5351, 40003,
                               pcp_rsp(1, 8, 0, 3603, maprsp)))
    cut = pcaplib.udp_frame(True, 40004, 5351, pcp_req(1, 60, mapreq))
    f.append((cut[:14 + 28 + 40], len(cut)))
    return f


def s16(b):
    """A string with its 16-bit length before it (RFC 2608 2.1)."""
    return struct.pack("!H", len(b)) + b


def slp2(fn, xid, body, flags=0, lang=b"en"):
    """An SLPv2 message (RFC 2608 8): the header's 24-bit length counts
    the whole message."""
    n = 14 + len(lang) + len(body)
    return struct.pack("!BB", 2, fn) + n.to_bytes(3, "big") + \
        struct.pack("!H", flags) + bytes(3) + struct.pack("!H", xid) + \
        s16(lang) + body


def slp1(fn, xid, body, flags=0):
    """An SLPv1 message (RFC 2165 7): US-ASCII (3), dialect 0, "en"."""
    return struct.pack("!BBHBB2sHH", 1, fn, 12 + len(body), flags, 0,
                       b"en", 3, xid) + body


def url2(url, lifetime=10800):
    return struct.pack("!BH", 0, lifetime) + s16(url) + b"\0"


PRN = b"service:printer:lpr://192.0.2.5/queue"
PRN2 = b"service:printer:ipp://192.0.2.6/ipp"
ATTRS = b"(name=lab),(color=true),duplex"


def srvloc_frames():
    f = []
    u = pcaplib.udp_frame
    f.append(u(True, 40000, 427, slp2(1, 1, s16(b"") + s16(b"service:printer")
                                     + s16(b"DEFAULT") + s16(b"") + s16(b""),
                                     flags=0x2000)))
    f.append(u(False, 427, 40000, slp2(2, 1, struct.pack("!HH", 0, 2) +
                                      url2(PRN) + url2(PRN2, 600))))
    f.append(u(True, 40001, 427, slp2(3, 2, url2(PRN) +
                                     s16(b"service:printer") +
                                     s16(b"DEFAULT") + s16(ATTRS) + b"\0",
                                     flags=0x4000)))
    f.append(u(False, 427, 40001, slp2(5, 2, struct.pack("!H", 0))))
    f.append(u(True, 40002, 427, slp2(6, 3, s16(b"") + s16(PRN) +
                                     s16(b"DEFAULT") + s16(b"name") +
                                     s16(b""))))
    f.append(u(False, 427, 40002, slp2(7, 3, struct.pack("!H", 0) +
                                      s16(ATTRS) + b"\0")))
    f.append(u(False, 427, 427, slp2(8, 0, struct.pack("!HI", 0, 1700000000)
                                    + s16(b"service:directory-agent://"
                                          b"192.0.2.1") + s16(b"DEFAULT") +
                                    s16(b"") + s16(b"") + b"\0")))
    f.append(u(True, 40003, 427, slp2(9, 4, s16(b"") + b"\xff\xff" +
                                     s16(b"DEFAULT"), flags=0x2000)))
    f.append(u(False, 427, 40003, slp2(10, 4, struct.pack("!H", 0) +
                                      s16(b"service:printer,service:"
                                          b"directory-agent"))))
    f.append(u(False, 427, 40004, slp2(11, 5, s16(b"service:service-agent"
                                                  b"://192.0.2.5") +
                                      s16(b"DEFAULT") + s16(b"") + b"\0")))
    f.append(u(True, 40005, 427, slp2(4, 6, s16(b"DEFAULT") + url2(PRN, 0) +
                                     s16(b""))))
    f.append(u(True, 40006, 427, slp1(1, 0x1234, s16(b"") +
                                     s16(b"service:printer/DEFAULT/"))))
    f.append(u(False, 427, 40006, slp1(2, 0x1234, struct.pack("!HH", 0, 1) +
                                      struct.pack("!H", 10800) + s16(PRN))))
    conn = pcaplib.Conn(40007, 427, f)
    conn.send(True, slp2(1, 7, s16(b"") + s16(b"service:printer") +
                         s16(b"DEFAULT") + s16(b"(color=true)") + s16(b"")))
    conn.send(False, slp2(2, 7, struct.pack("!HH", 0, 1) + url2(PRN)))
    cut = u(False, 427, 40008, slp2(2, 8, struct.pack("!HH", 0, 2) +
                                    url2(PRN) + url2(PRN2)))
    f.append((cut[:-30], len(cut)))
    return f


def rmcp(cls, body, seq=0xFF, ack=False):
    """An RMCP header (ASF 2.0 3.2.2.1): version 6, sequence, class."""
    return bytes([6, 0, seq, cls | (0x80 if ack else 0)]) + body


def asf(type_, body, tag=0x01, iana=4542):
    return struct.pack("!IBBBB", iana, type_, tag, 0, len(body)) + body


def ipmb(netfn, cmd, data, rq=True, seq=1):
    """An IPMI message on IPMB (IPMI 2.0 table 13-4): addresses, netFn
    and LUN, their checksum, then sequence, command and data, and the
    checksum of those."""
    a = bytes([0x20, netfn << 2]) if rq else bytes([0x81, netfn << 2])
    h = a + bytes([-sum(a) & 0xFF])
    b = (bytes([0x81, seq << 2, cmd]) if rq else
         bytes([0x20, seq << 2, cmd])) + data
    return h + b + bytes([-sum(b) & 0xFF])


def rmcp_frames():
    f = []
    u = pcaplib.udp_frame
    f.append(u(True, 40000, 623, rmcp(6, asf(0x80, b""))))
    f.append(u(False, 623, 40000, rmcp(6, asf(0x40, struct.pack(
        "!IIBB6x", 4542, 0, 0x81, 0x00)))))
    f.append(u(True, 40000, 623, rmcp(6, b"", seq=0x05, ack=True)))
    rq = ipmb(0x06, 0x38, b"\x0e\x04")
    f.append(u(True, 40002, 623, rmcp(7, b"\x00" + struct.pack(
        "<II", 0, 0) + bytes([len(rq)]) + rq)))
    rs = ipmb(0x07, 0x38, bytes([0, 1, 0x17, 0x80, 0, 0, 0, 0, 0]), rq=False)
    f.append(u(False, 623, 40002, rmcp(7, b"\x02" + struct.pack(
        "<II", 0x10, 0x0a0b0c0d) + bytes(range(16)) + bytes([len(rs)]) +
        rs)))
    f.append(u(True, 40003, 623, rmcp(7, b"\x06\x10" + struct.pack(
        "<IIH", 0, 0, 32) + bytes([0, 4, 0, 0]) + struct.pack("<I", 0xa0a2a3a4)
        + bytes([0, 0, 0, 8, 1, 0, 0, 0, 1, 0, 0, 8, 1, 0, 0, 0, 2, 0, 0, 8,
                 1, 0, 0, 0])[:24])))
    f.append(u(False, 623, 40003, rmcp(7, b"\x06\xc0" + struct.pack(
        "<IIH", 0x2000, 3, 16) + bytes(range(0x40, 0x50)) +
        bytes(range(12)))))
    f.append(u(True, 40004, 623, rmcp(7, b"\x06\x02" + struct.pack(
        "<I", 0x000011be) + b"\x01\x02" + struct.pack("<IIH", 5, 6, 4) +
        b"oem!")))
    f.append(u(True, 40005, 623, rmcp(8, struct.pack("!I", 343) +
                                      b"vendor")))
    cut = u(False, 623, 40006, rmcp(6, asf(0x40, struct.pack(
        "!IIBB6x", 4542, 0, 0x81, 0x00))))
    f.append((cut[:-10], len(cut)))
    return f


def mip_ext(t, data):
    return bytes([t, len(data)]) + data


NTP_ID = struct.pack("!II", 3908988800 + 1000, 0x80000000)


def mip_frames():
    f = []
    u = pcaplib.udp_frame
    ha, hoa = bytes([198, 18, 0, 2]), bytes([192, 0, 2, 77])
    coa = bytes([203, 0, 113, 9])
    req = struct.pack("!BBH4s4s4s", 1, 0x02, 1800, hoa, ha, coa) + NTP_ID
    exts = mip_ext(131, b"mn1@example.net") + \
        mip_ext(132, bytes(range(8))) + \
        mip_ext(32, struct.pack("!I", 0x100) + bytes(range(16)))
    f.append(u(True, 434, 434, req + exts))
    rep = struct.pack("!BBH4s4s", 3, 0, 1800, hoa, ha) + NTP_ID
    f.append(u(False, 434, 434, rep + mip_ext(32, struct.pack("!I", 0x100)
                                             + bytes(16))))
    req2 = struct.pack("!BBH4s4s4s", 1, 0xC0, 600, hoa, ha, coa) + NTP_ID
    gen = bytes([36, 1]) + struct.pack("!HI", 20, 0x200) + bytes(16)
    f.append(u(True, 40000, 434, req2 + mip_ext(131, b"mn1@example.net") +
               gen))
    rep2 = struct.pack("!BBH4s4s", 3, 67, 0, hoa, ha) + NTP_ID
    f.append(u(False, 434, 40000, rep2))
    f.append(u(False, 434, 434, struct.pack("!BBH4s4s4sI", 7, 0, 0x8000,
                                            hoa, ha, coa, 5)))
    cut = u(True, 434, 434, req + exts)
    f.append((cut[:14 + 28 + 20], len(cut)))
    return f


def tsp(type_, seq, name, body=bytes(8), vers=1):
    """A timed message (4.3BSD timed's struct tsp): the name NUL-padded
    to the 256 bytes of tsp_name."""
    return struct.pack("!BBH", type_, vers, seq) + body + \
        name + bytes(256 - len(name))


def timed_frames():
    f = []
    u = pcaplib.udp_frame
    f.append(u(True, 525, 525, tsp(3, 1, b"alpha")))
    f.append(u(False, 525, 525, tsp(4, 1, b"master")))
    f.append(u(False, 525, 525, tsp(5, 2, b"master", struct.pack(
        "!II", 1700000000, 250000))))
    f.append(u(False, 525, 525, tsp(1, 3, b"master", struct.pack(
        "!II", 0, 1500))))
    f.append(u(True, 525, 525, tsp(24, 4, b"alpha", bytes([10]) +
                                   bytes(7))))
    f.append(u(True, 525, 525, tsp(8, 5, b"beta")))
    cut = u(False, 525, 525, tsp(5, 6, b"master", struct.pack(
        "!II", 1700000000, 0)))
    f.append((cut[:14 + 28 + 6], len(cut)))
    f.append((cut[:14 + 28 + 15], len(cut)))
    return f


def krb4_frames():
    f = []
    u = pcaplib.udp_frame
    kreq = struct.pack("!BB", 4, 1 << 1) + b"alice\0\0EXAMPLE.COM\0" + \
        struct.pack("!IB", 1700000000, 96) + b"krbtgt\0EXAMPLE.COM\0"
    f.append(u(True, 40000, 750, kreq))
    krep = struct.pack("!BB", 4, 2 << 1) + b"alice\0\0EXAMPLE.COM\0" + \
        struct.pack("!IBIBH", 1700000000, 1, 1700036000, 3, 16) + \
        bytes(range(16))
    f.append(u(False, 750, 40000, krep))
    lreq = struct.pack("<BB", 4, 1 << 1 | 1) + b"bob\0\0EXAMPLE.COM\0" + \
        struct.pack("<IB", 1700000100, 12) + b"rcmd\0host1\0"
    f.append(u(True, 40001, 750, lreq))
    areq = struct.pack("!BBB", 4, 3 << 1, 3) + b"EXAMPLE.COM\0" + \
        bytes([8, 4]) + bytes(range(8)) + bytes([9, 9, 9, 9]) + \
        struct.pack("!IB", 1700000200, 24) + b"rcmd\0host1\0"
    f.append(u(True, 40002, 750, areq))
    f.append(u(False, 750, 40000, struct.pack("!BB", 4, 5 << 1) +
               b"alice\0\0EXAMPLE.COM\0" + bytes(12)))
    cut = u(True, 40003, 750, kreq)
    f.append((cut[:14 + 28 + 14], len(cut)))
    return f


def whod(host, loads, ents):
    """A struct whod: version 1, type 1 (status), the times, the name
    NUL-padded to 32, the load averages in hundredths, the entries."""
    b = struct.pack("!BBxxII", 1, 1, 1700000000, 1700000001) + \
        host + bytes(32 - len(host)) + struct.pack("!III", *loads) + \
        struct.pack("!I", 1699990000)
    for tty, user, on, idle in ents:
        b += tty + bytes(8 - len(tty)) + user + bytes(8 - len(user)) + \
            struct.pack("!II", on, idle)
    return b


def who_frames():
    f = []
    u = pcaplib.udp_frame
    ents = [(b"console", b"root", 1699995000, 0),
            (b"ttyp0", b"alice", 1699999000, 125),
            (b"ttyp1", b"bobsmith", 1699999500, 3600)]
    f.append(u(True, 513, 513, whod(b"host1.example", (50, 125, 7), ents)))
    f.append(u(False, 513, 513, whod(b"host2", (0, 0, 1), [])))
    cut = u(True, 513, 513, whod(b"host1.example", (50, 125, 7), ents))
    f.append((cut[:-30], len(cut)))
    return f


def xs(b):
    return struct.pack("!H", len(b)) + b


def xdmcp(op, body):
    return struct.pack("!HHH", 1, op, len(body)) + body


def xdmcp_frames():
    f = []
    u = pcaplib.udp_frame
    cookie = b"MIT-MAGIC-COOKIE-1"
    f.append(u(True, 40000, 177, xdmcp(1, b"\0")))
    f.append(u(False, 177, 40000, xdmcp(5, xs(b"") + xs(b"xdm1.example") +
                                        xs(b"Linux 6.1"))))
    req = struct.pack("!H", 0) + bytes([1]) + struct.pack("!H", 0) + \
        bytes([1]) + xs(bytes([198, 18, 0, 1])) + xs(b"") + xs(b"") + \
        bytes([1]) + xs(cookie) + xs(b"MIT-unspecified")
    f.append(u(True, 40000, 177, xdmcp(7, req)))
    f.append(u(False, 177, 40000, xdmcp(8, struct.pack("!I", 0x1234) +
                                        xs(b"") + xs(b"") + xs(cookie) +
                                        xs(bytes(range(16))))))
    f.append(u(True, 40000, 177, xdmcp(10, struct.pack("!IH", 0x1234, 0) +
                                       xs(b"MIT-unspecified"))))
    f.append(u(False, 177, 40000, xdmcp(13, struct.pack("!HI", 0,
                                                        0x1234))))
    f.append(u(True, 40000, 177, xdmcp(14, struct.pack("!BI", 1,
                                                       0x1234))))
    f.append(u(True, 40001, 177, xdmcp(4, xs(bytes([192, 0, 2, 9])) +
                                       xs(struct.pack("!H", 40009)) +
                                       bytes([1]) + xs(cookie))))
    f.append(u(False, 177, 40001, xdmcp(9, xs(b"no sessions") + xs(b"") +
                                        xs(b""))))
    bad = struct.pack("!H", 1) + bytes([2]) + struct.pack("!HH", 0, 0) + \
        bytes([1]) + xs(bytes([198, 18, 0, 1]))
    f.append(u(True, 40002, 177, xdmcp(7, bad)))
    cut = u(False, 177, 40000, xdmcp(8, struct.pack("!I", 0x1234) +
                                     xs(b"") + xs(b"") + xs(cookie) +
                                     xs(bytes(range(16)))))
    f.append((cut[:-20], len(cut)))
    return f


def glbp_tlv(t, v):
    return bytes([t, len(v) + 2]) + v


def glbp_hello(state, prio, vip):
    return glbp_tlv(1, bytes([0, state, 0, prio]) + bytes(2) +
                    struct.pack("!IIHH", 3000, 10000, 600, 14400) +
                    bytes(2) + bytes([1, 4]) + bytes(vip))


def glbp_fwd(n, state, weight, mac):
    return glbp_tlv(2, bytes([n, state, 0, 167, weight]) + bytes(7) + mac)


def glbp_frames():
    f = []
    u = pcaplib.udp_frame
    hdr = struct.pack("!BBHH", 1, 0, 1, 0) + pcaplib.MC
    vip = [198, 18, 0, 254]
    f.append(u(True, 3222, 3222, hdr + glbp_hello(0x20, 200, vip) +
               glbp_fwd(1, 0x20, 100, bytes.fromhex("0007b4000101")) +
               glbp_fwd(2, 0x04, 50, bytes.fromhex("0007b4000102")) +
               glbp_tlv(3, bytes([1, 6]) + b"cisco1")))
    hdr2 = struct.pack("!BBHH", 1, 0, 1, 0) + pcaplib.MS
    f.append(u(False, 3222, 3222, hdr2 + glbp_hello(0x10, 100, vip) +
               glbp_tlv(3, bytes([2, 16]) + bytes(range(16)))))
    f.append(u(False, 3222, 3222, hdr2 + glbp_tlv(9, b"\x01\x02\x03\x04")))
    cut = u(True, 3222, 3222, hdr + glbp_hello(0x20, 200, vip))
    f.append((cut[:-10], len(cut)))
    return f


def wccp_comp(t, v):
    return struct.pack("!HH", t, len(v)) + v


def wccp_msg(t, body):
    return struct.pack("!IHH", t, 0x200, len(body)) + body


def wccp_frames():
    f = []
    u = pcaplib.udp_frame
    sec = wccp_comp(0, struct.pack("!I", 0))
    web = wccp_comp(1, struct.pack("!BBBBI", 0, 0, 0, 0, 0) + bytes(16))
    f.append(u(True, 2048, 2048, wccp_msg(10, sec + web)))
    md5 = wccp_comp(0, struct.pack("!I", 1) + bytes(range(16)))
    dyn = wccp_comp(1, struct.pack("!BBBBI", 1, 90, 240, 6, 0x13) +
                    struct.pack("!8H", 80, 8080, 0, 0, 0, 0, 0, 0))
    f.append(u(True, 2048, 2048, wccp_msg(10, md5 + dyn +
                                          wccp_comp(99, b"\1\2\3\4"))))
    rid = wccp_comp(2, struct.pack("!4sI4sI4s", pcaplib.S, 5, pcaplib.C, 1,
                                   pcaplib.C))
    f.append(u(False, 2048, 2048, wccp_msg(11, sec + web + rid)))
    cut = u(True, 2048, 2048, wccp_msg(10, md5 + dyn))
    f.append((cut[:-20], len(cut)))
    return f


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    pcaplib.write(os.path.join(here, "portcontrol.pcap"),
                  portcontrol_frames())
    pcaplib.write(os.path.join(here, "srvloc.pcap"), srvloc_frames())
    pcaplib.write(os.path.join(here, "rmcp.pcap"), rmcp_frames())
    pcaplib.write(os.path.join(here, "mip.pcap"), mip_frames())
    pcaplib.write(os.path.join(here, "timed.pcap"), timed_frames())
    pcaplib.write(os.path.join(here, "krb4.pcap"), krb4_frames())
    pcaplib.write(os.path.join(here, "who.pcap"), who_frames())
    pcaplib.write(os.path.join(here, "xdmcp.pcap"), xdmcp_frames())
    pcaplib.write(os.path.join(here, "glbp.pcap"), glbp_frames())
    pcaplib.write(os.path.join(here, "wccp.pcap"), wccp_frames())


if __name__ == "__main__":
    main()
