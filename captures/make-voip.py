#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the voip captures: a SIP call built by hand between 198.18.0.1
(alice, the caller) and 198.18.0.2 (bob), the same every time (no SIP
stack here).  The SDP offer and answer name the media ports, so the RTP
and RTCP after them are known only from the signalling, as in Wireshark.

usage: make-voip.py DIR
  voip-call.pcap   INVITE with an SDP offer (PCMU, telephone-event), 100
                   Trying, 180 Ringing, 200 OK with the SDP answer, ACK;
                   RTP both ways (marker, a CSRC, a header extension,
                   padding), an RTCP SR with a report block and SDES, an
                   RR, an RTCP compound ending with BYE and APP; BYE and
                   its 200 OK; an OPTIONS in compact header forms on port
                   5080 (found by content); a REGISTER over TCP; a SAP
                   announcement of a multicast session (RFC 2974)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, udp_frame, write  # noqa: E402

A_RTP, B_RTP = 49170, 3456
CALLID = "a84b4c76e66710@198.18.0.1"

SDP_OFFER = (
    "v=0\r\n"
    "o=alice 2890844526 2890844526 IN IP4 198.18.0.1\r\n"
    "s=Talk\r\n"
    "c=IN IP4 198.18.0.1\r\n"
    "t=0 0\r\n"
    "m=audio %d RTP/AVP 0 101\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=rtpmap:101 telephone-event/8000\r\n"
    "a=fmtp:101 0-15\r\n"
    "a=sendrecv\r\n" % A_RTP)

SDP_ANSWER = (
    "v=0\r\n"
    "o=bob 2808844564 2808844564 IN IP4 198.18.0.2\r\n"
    "s=-\r\n"
    "c=IN IP4 198.18.0.2\r\n"
    "b=AS:64\r\n"
    "t=0 0\r\n"
    "a=tool:strata\r\n"
    "m=audio %d RTP/AVP 0\r\n"
    "a=rtpmap:0 PCMU/8000\r\n"
    "a=ptime:20\r\n" % B_RTP)


def sip(first, headers, body=""):
    h = "".join("%s: %s\r\n" % kv for kv in headers)
    return (first + "\r\n" + h + "\r\n" + body).encode()


def common(cseq, method, to_tag=None, branch="z9hG4bK776asdhds"):
    to = "Bob <sip:bob@b.test>" + (";tag=" + to_tag if to_tag else "")
    return [("Via", "SIP/2.0/UDP 198.18.0.1:5060;branch=" + branch +
             ";rport"),
            ("From", "Alice <sip:alice@a.test>;tag=1928301774"),
            ("To", to),
            ("Call-ID", CALLID),
            ("CSeq", "%d %s" % (cseq, method))]


def call(frames):
    def a2b(data):
        frames.append(udp_frame(True, 5060, 5060, data, len(frames) + 1))

    def b2a(data):
        frames.append(udp_frame(False, 5060, 5060, data, len(frames) + 1))

    a2b(sip("INVITE sip:bob@b.test SIP/2.0", common(314159, "INVITE") + [
        ("Max-Forwards", "70"),
        ("Contact", "<sip:alice@198.18.0.1:5060>"),
        ("User-Agent", "strata-test"),
        ("Allow", "INVITE, ACK, CANCEL, BYE, OPTIONS"),
        ("Content-Type", "application/sdp"),
        ("Content-Length", str(len(SDP_OFFER)))], SDP_OFFER))
    b2a(sip("SIP/2.0 100 Trying", common(314159, "INVITE") + [
        ("Content-Length", "0")]))
    b2a(sip("SIP/2.0 180 Ringing", common(314159, "INVITE", "a6c85cf") + [
        ("Contact", "<sip:bob@198.18.0.2>"),
        ("Content-Length", "0")]))
    b2a(sip("SIP/2.0 200 OK", common(314159, "INVITE", "a6c85cf") + [
        ("Contact", "<sip:bob@198.18.0.2>;expires=3600"),
        ("Content-Type", "application/sdp"),
        ("Content-Length", str(len(SDP_ANSWER)))], SDP_ANSWER))
    a2b(sip("ACK sip:bob@198.18.0.2 SIP/2.0",
            common(314159, "ACK", "a6c85cf", "z9hG4bKnashds8") + [
                ("Max-Forwards", "70"), ("Content-Length", "0")]))


def rtp(pt, seq, ts, ssrc, payload, marker=0, csrc=(), ext=None, pad=0):
    b0 = 0x80 | (0x20 if pad else 0) | (0x10 if ext else 0) | len(csrc)
    h = struct.pack("!BBHII", b0, (marker << 7) | pt, seq, ts, ssrc)
    for c in csrc:
        h += struct.pack("!I", c)
    if ext:
        h += struct.pack("!HH", ext[0], len(ext[1]) // 4) + ext[1]
    tail = b"\0" * (pad - 1) + bytes([pad]) if pad else b""
    return h + payload + tail


def rtcp_sr(ssrc, blocks, ntp=(0xe8d4a510, 0x80000000), rtpts=160,
            pkts=10, octets=1600):
    body = struct.pack("!IIIIII", ssrc, ntp[0], ntp[1], rtpts, pkts, octets)
    for b in blocks:
        body += b
    return struct.pack("!BBH", 0x80 | len(blocks), 200,
                       len(body) // 4) + body


def block(ssrc, lost_frac=0, lost=0, hiseq=1005, jitter=3, lsr=0, dlsr=0):
    return struct.pack("!IIIIII", ssrc, lost_frac << 24 | lost, hiseq,
                       jitter, lsr, dlsr)


def rtcp_rr(ssrc, blocks):
    body = struct.pack("!I", ssrc) + b"".join(blocks)
    return struct.pack("!BBH", 0x80 | len(blocks), 201,
                       len(body) // 4) + body


def rtcp_sdes(ssrc, items):
    chunk = struct.pack("!I", ssrc)
    for t, v in items:
        chunk += bytes([t, len(v)]) + v
    chunk += b"\0"
    while len(chunk) % 4:
        chunk += b"\0"
    return struct.pack("!BBH", 0x81, 202, len(chunk) // 4) + chunk


def rtcp_bye(ssrc, reason):
    body = struct.pack("!I", ssrc) + bytes([len(reason)]) + reason
    while len(body) % 4:
        body += b"\0"
    return struct.pack("!BBH", 0x81, 203, len(body) // 4) + body


def rtcp_app(ssrc, name, data):
    body = struct.pack("!I", ssrc) + name + data
    return struct.pack("!BBH", 0x81, 204, len(body) // 4) + body


def media(frames):
    sa, sb = 0x11223344, 0x55667788

    def a2b(sp, dp, data):
        frames.append(udp_frame(True, sp, dp, data, len(frames) + 1))

    def b2a(sp, dp, data):
        frames.append(udp_frame(False, sp, dp, data, len(frames) + 1))

    a2b(A_RTP, B_RTP, rtp(0, 1000, 160, sa, b"\xff" * 160, marker=1))
    b2a(B_RTP, A_RTP, rtp(0, 5000, 8000, sb, b"\x7f" * 160))
    a2b(A_RTP, B_RTP, rtp(0, 1001, 320, sa, b"\xfe" * 160,
                          csrc=(0xcafebabe,)))
    a2b(A_RTP, B_RTP, rtp(0, 1002, 480, sa, b"\xfd" * 40,
                          ext=(0xbede, b"\x10\xab\x00\x00")))
    a2b(A_RTP, B_RTP, rtp(101, 1003, 480, sa, b"\x01\x0a\x00\xa0",
                          pad=4))
    a2b(A_RTP + 1, B_RTP + 1,
        rtcp_sr(sa, [block(sb)]) +
        rtcp_sdes(sa, [(1, b"alice@a.test"), (2, b"Alice")]))
    b2a(B_RTP + 1, A_RTP + 1,
        rtcp_rr(sb, [block(sa, 1, 2, 1003, 5, 0x12345678, 0x10000)]) +
        rtcp_sdes(sb, [(1, b"bob@b.test")]))
    a2b(A_RTP + 1, B_RTP + 1,
        rtcp_rr(sa, []) + rtcp_bye(sa, b"hangup") +
        rtcp_app(sa, b"strt", b"\x00\x01\x02\x03"))


def hangup(frames):
    def a2b(data):
        frames.append(udp_frame(True, 5060, 5060, data, len(frames) + 1))

    def b2a(data):
        frames.append(udp_frame(False, 5060, 5060, data, len(frames) + 1))

    a2b(sip("BYE sip:bob@198.18.0.2 SIP/2.0",
            common(314160, "BYE", "a6c85cf", "z9hG4bKbye1") + [
                ("Max-Forwards", "70"), ("Content-Length", "0")]))
    b2a(sip("SIP/2.0 200 OK",
            common(314160, "BYE", "a6c85cf", "z9hG4bKbye1") + [
                ("Content-Length", "0")]))
    # compact forms, a port no table binds: found by content
    frames.append(udp_frame(True, 5080, 5080, sip(
        "OPTIONS sip:carol@c.test:5080;transport=udp SIP/2.0", [
            ("v", "SIP/2.0/UDP 198.18.0.1:5080;branch=z9hG4bKopt1"),
            ("f", "<sip:alice@a.test>;tag=77"),
            ("t", "\"Carol C\" <sip:carol@c.test>"),
            ("i", "opt-1@198.18.0.1"),
            ("CSeq", "1 OPTIONS"),
            ("m", "<sip:alice@198.18.0.1:5080>"),
            ("k", "timer"),
            ("l", "0")]), len(frames) + 1))


def register(frames):
    c = Conn(40000, 5060, frames)
    c.send(True, sip("REGISTER sip:b.test SIP/2.0", [
        ("Via", "SIP/2.0/TCP 198.18.0.1:40000;branch=z9hG4bKreg1"),
        ("From", "<sip:alice@b.test>;tag=r1"),
        ("To", "<sip:alice@b.test>"),
        ("Call-ID", "reg-1@198.18.0.1"),
        ("CSeq", "1 REGISTER"),
        ("Contact", "<sip:alice@198.18.0.1:40000;transport=tcp>"),
        ("Expires", "3600"),
        ("Content-Length", "0")]))
    c.send(False, sip("SIP/2.0 401 Unauthorized", [
        ("Via", "SIP/2.0/TCP 198.18.0.1:40000;branch=z9hG4bKreg1"),
        ("From", "<sip:alice@b.test>;tag=r1"),
        ("To", "<sip:alice@b.test>;tag=srv"),
        ("Call-ID", "reg-1@198.18.0.1"),
        ("CSeq", "1 REGISTER"),
        ("WWW-Authenticate", "Digest realm=\"b.test\", nonce=\"abc\""),
        ("Content-Length", "0")]))


def announce(frames):
    sdp = ("v=0\r\n"
           "o=- 3344 1 IN IP4 198.18.0.1\r\n"
           "s=Lecture\r\n"
           "c=IN IP4 233.252.0.1/127\r\n"
           "t=0 0\r\n"
           "m=audio 5004 RTP/AVP 8\r\n")
    sap = struct.pack("!BBH4s", 0x20, 0, 0x1234, bytes([198, 18, 0, 1]))
    frames.append(udp_frame(True, 9875, 9875, sap + b"application/sdp\0" +
                            sdp.encode(), len(frames) + 1))


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "."
    frames = []
    call(frames)
    media(frames)
    hangup(frames)
    register(frames)
    announce(frames)
    write(os.path.join(out, "voip-call.pcap"), frames)


if __name__ == "__main__":
    main()
