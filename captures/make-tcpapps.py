#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The tcpapps family's captures, written frame by frame (pcaplib):

diameter.pcap  Diameter (RFC 6733) on TCP 3868: a Capabilities-Exchange
               Request (Origin-Host, Origin-Realm, Host-IP-Address, Vendor-Id,
               Product-Name, Auth-Application-Id, a Grouped
               Vendor-Specific-Application-Id, an unknown AVP and a 3GPP
               vendor AVP) and its Answer (Result-Code 2001, an IPv6
               Host-IP-Address); a Device-Watchdog Request and an Accounting
               Request (Session-Id, Event-Timestamp, User-Name) in one
               segment; bytes that start no message (tshark's
               Continuation); a Device-Watchdog Request over SCTP (payload
               protocol 46).
xmpp.pcap      XMPP on TCP 5222: a client's stream open (XML declaration),
               the server's with its features (STARTTLS, SASL mechanisms),
               starttls and proceed; then, on a connection left in the
               clear, SASL (auth, challenge, success,
               failure with a condition and text), resource binding and a
               session, a roster query and its answer (items, groups),
               messages (body, subject, thread, a chat state, an unknown
               child), presences (show, priority, status, caps), a ping and
               its error answer, a whitespace keepalive, an unknown element,
               an element cut at the segment's end (tshark waits for its
               rest: nothing shown) and the stream's end.
bittorrent.pcap
               BitTorrent on TCP 6881: both handshakes (the second with a
               bitfield and an unchoke after it), interested and a
               keep-alive, a request, a piece, have/choke/not interested/
               cancel/port in one segment, an extended message, the fast
               extension's five messages, a piece whose header the segment
               cuts and the bytes after it (continuation data), a message
               of no known type; then a handshake on port 51413 found by
               the heuristic, and the conversation's next message.
rlogin.pcap    rlogin on TCP 513: the client's startup NUL, then its user
               information in the next segment (client and server user,
               terminal type and speed), the server's NUL, a byte of
               data, a window size, terminal data both ways, a later
               segment starting with a NUL; a second connection opening
               with the NUL and the user information in one segment; a
               third whose first segment has no NUL (data only).
rsh.pcap       rsh on TCP 514: the stderr port alone, then the user names
               and the command; the server's NUL and output, the client's
               input; a second connection with all four strings in one
               segment, a third whose first strings are no port (data).
ident.pcap     ident on TCP 113: two queries, a USERID answer (with a
               character set) and an ERROR answer; a reply of an unknown
               type and a query that is no ports (both malformed).
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))


def u32(v):
    return struct.pack("!I", v)


def avp(code, data, flags=0x40, vendor=None):
    """A Diameter AVP, padded to 4 bytes; a vendor sets V."""
    f = flags | (0x80 if vendor is not None else 0)
    hl = 12 if vendor is not None else 8
    h = u32(code) + u32(f << 24 | (hl + len(data)))
    if vendor is not None:
        h += u32(vendor)
    return h + data + b"\0" * (-len(data) % 4)


def dmsg(cmd, flags, app, hbh, e2e, avps):
    body = b"".join(avps)
    return u32(1 << 24 | (20 + len(body))) + u32(flags << 24 | cmd) + \
        struct.pack("!III", app, hbh, e2e) + body


def diameter():
    frames = []
    cer = dmsg(257, 0x80, 0, 0x11223344, 0x55667788, [
        avp(264, b"client.example.org"), avp(296, b"example.org"),
        avp(257, b"\x00\x01\xc6\x12\x00\x01"), avp(266, u32(10415)),
        avp(269, b"strata", flags=0), avp(258, u32(4294967295)),
        avp(258, u32(16777251)),
        avp(260, avp(266, u32(10415)) + avp(258, u32(16777251))),
        avp(267, u32(1), flags=0), avp(99999, b"\x01\x02\x03"),
        avp(1407, b"\x00\xf1\x10", vendor=10415, flags=0xc0)])
    cea = dmsg(257, 0x00, 0, 0x11223344, 0x55667788, [
        avp(268, u32(2001)), avp(264, b"server.example.org"),
        avp(296, b"example.org"),
        avp(257, b"\x00\x02" + pcaplib.S6), avp(266, u32(0)),
        avp(269, b"srv", flags=0)])
    dwr = dmsg(280, 0x80, 0, 1, 2, [avp(264, b"a.example.org"),
                                    avp(296, b"example.org"),
                                    avp(278, u32(7))])
    acr = dmsg(271, 0xc0, 3, 3, 4, [
        avp(263, b"a.example.org;1;2"), avp(480, u32(2)), avp(485, u32(0)),
        avp(55, u32(3900000000)), avp(1, b"alice"),
        avp(287, struct.pack("!Q", 1 << 40))])
    c = pcaplib.Conn(40000, 3868, frames)
    c.handshake()
    c.send(True, cer)
    c.send(False, cea)
    c.send(True, dwr + acr)
    c.send(True, b"not a Diameter message, the middle of one")
    frames.append(pcaplib.sctp_data_frame(True, 3868, 3868, 46, dwr))
    return frames


XMPP_C = [
    b"<?xml version='1.0'?><stream:stream to='example.com' "
    b"xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'"
    b" version='1.0'>",
    b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>",
]
XMPP_S = [
    b"<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
    b"xmlns:stream='http://etherx.jabber.org/streams' id='abc123' "
    b"from='example.com' version='1.0' xml:lang='en'><stream:features>"
    b"<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/>"
    b"</starttls><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
    b"<mechanism>PLAIN</mechanism><mechanism>SCRAM-SHA-1</mechanism>"
    b"</mechanisms></stream:features>",
    b"<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>",
]
# a second connection that stays in the clear (after STARTTLS and
# PROCEED tshark takes the conversation's later bytes as TLS): (from the
# client, bytes)
XMPP_AFTER = [
    (True, b"<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' "
     b"mechanism='PLAIN'>AGFsaWNlAHNlY3JldA==</auth>"),
    (False, b"<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>cmVhbG0="
     b"</challenge>"),
    (False, b"<failure xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>"
     b"<not-authorized/><text xml:lang='en'>Bad</text></failure>"),
    (False, b"<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>"),
    (True, b"<iq type='set' id='b1'><bind xmlns='urn:ietf:params:xml:ns:"
     b"xmpp-bind'><resource>home</resource></bind></iq>"),
    (False, b"<iq type='result' id='b1' from='example.com'><bind xmlns='"
     b"urn:ietf:params:xml:ns:xmpp-bind'><jid>alice@example.com/home</jid>"
     b"</bind></iq>"),
    (True, b"<iq type='set' id='s1'><session xmlns='urn:ietf:params:xml:ns:"
     b"xmpp-session'/></iq>"),
    (True, b"<iq type='get' id='r1' to='example.com'><query xmlns='jabber:"
     b"iq:roster'/></iq>"),
    (False, b"<iq type='result' id='r1' to='alice@example.com/home'><query "
     b"xmlns='jabber:iq:roster' ver='7'><item jid='bob@example.com' "
     b"name='Bob' subscription='both'><group>Friends</group><group>Work"
     b"</group></item></query></iq>"),
    (True, b"<message type='chat' id='m1' to='bob@example.com' "
     b"from='alice@example.com/home'><subject>S</subject><thread>t1"
     b"</thread><body>Hello, Bob</body><active xmlns='http://jabber.org/"
     b"protocol/chatstates'/><x xmlns='jabber:x:oob'><url>http://a/b</url>"
     b"</x></message>"),
    (True, b"\n  <presence xml:lang='en' id='p1'>\n    <priority>5"
     b"</priority><show>away</show><status>Hi &amp; there</status>\n    "
     b"<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' "
     b"ver='v'/>\n  </presence>\n"),
    (True, b"<presence type='unavailable'/><message to='bob@example.com'>"
     b"<body>bye</body></message>"),
    (True, b" "),
    (True, b"<iq type='get' id='p2' to='example.com'><ping xmlns='urn:xmpp:"
     b"ping'/></iq>"),
    (False, b"<iq type='error' id='p2'><error type='cancel' code='503'>"
     b"<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"
     b"<text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>No</text></error>"
     b"</iq>"),
    (True, b"<foo bar='1'>baz</foo>"),
    (True, b"<message to='a@b'><body>half"),
    (True, b"</stream:stream>"),
]


def xmpp():
    frames = []
    c = pcaplib.Conn(40001, 5222, frames)
    c.handshake()
    c.send(True, XMPP_C[0])
    c.send(False, XMPP_S[0])
    c.send(True, XMPP_C[1])
    c.send(False, XMPP_S[1])
    c = pcaplib.Conn(40002, 5222, frames)
    c.handshake()
    for from_client, b in XMPP_AFTER:
        c.send(from_client, b)
    return frames


def btmsg(t, body=b""):
    """A BitTorrent message of type t."""
    return struct.pack("!IB", 1 + len(body), t) + body


def bittorrent():
    frames = []
    hs = b"\x13BitTorrent protocol" + bytes([0, 0, 0, 0, 0, 0x10, 0, 5]) + \
        bytes(range(20)) + b"-qB4250-abcdefghijkl"
    c = pcaplib.Conn(40000, 6881, frames)
    c.handshake()
    c.send(True, hs)
    c.send(False, hs + btmsg(5, b"\xff\xf0") + btmsg(1))
    c.send(True, btmsg(2) + u32(0))
    c.send(True, btmsg(6, struct.pack("!III", 1, 0x4000, 0x4000)))
    c.send(False, btmsg(7, struct.pack("!II", 1, 0x4000) + b"DATA" * 3))
    c.send(False, btmsg(4, u32(7)) + btmsg(0) + btmsg(3) +
           btmsg(8, struct.pack("!III", 1, 0, 0x4000)) +
           btmsg(9, struct.pack("!H", 6881)))
    c.send(True, btmsg(20, b"\x03hello"))
    c.send(True, btmsg(13, u32(3)) + btmsg(14) + btmsg(15) +
           btmsg(16, struct.pack("!III", 1, 2, 3)) + btmsg(17, u32(9)))
    c.send(False, struct.pack("!IBII", 0x4009, 7, 2, 0) + b"\xaa" * 8)
    c.send(False, b"\xbb" * 24)
    c.send(True, btmsg(50, b"abc"))
    h = pcaplib.Conn(40001, 51413, frames)
    h.handshake()
    h.send(True, hs)
    h.send(True, btmsg(2))
    return frames


def rlogin():
    frames = []
    c = pcaplib.Conn(1023, 513, frames)
    c.handshake()
    c.send(True, b"\x00")
    c.send(True, b"alice\x00bob\x00xterm/38400\x00")
    c.send(False, b"\x00")
    c.send(False, b"\x80")
    c.send(True, b"\xff\xffss" + struct.pack("!HHHH", 24, 80, 640, 480))
    c.send(False, b"Last login: today\r\n$ ")
    c.send(True, b"ls\r")
    c.send(True, b"\x00carol\x00dave\x00vt100/9600\x00")
    c = pcaplib.Conn(1022, 513, frames)
    c.send(True, b"\x00carol\x00dave\x00vt100/9600\x00")
    c = pcaplib.Conn(1021, 513, frames)
    c.send(True, b"alice\x00bob\x00vt100\x00")
    return frames


def rsh():
    frames = []
    r = pcaplib.Conn(1022, 514, frames)
    r.handshake()
    r.send(True, b"1021\x00")
    r.send(True, b"alice\x00bob\x00ls -l /tmp\x00")
    r.send(False, b"\x00")
    r.send(False, b"total 0\n")
    r.send(True, b"0\x00alice\x00bob\x00uname\x00")
    r = pcaplib.Conn(1020, 514, frames)
    r.send(True, b"0\x00alice\x00bob\x00uname -a\x00")
    r = pcaplib.Conn(1019, 514, frames)
    r.send(True, b"alice\x00bob\x00uname\x00")
    return frames


def ident():
    frames = []
    c = pcaplib.Conn(40000, 113, frames)
    c.handshake()
    c.send(True, b"6193, 23\r\n")
    c.send(False, b"6193, 23 : USERID : UNIX,US-ASCII : stjohns\r\n")
    c.send(True, b"6195 ,26\r\n")
    c.send(False, b"6195, 26 : ERROR : NO-USER\r\n")
    c.send(False, b"6195, 26 : BOGUS\r\n")
    c.send(True, b"hello\r\n")
    return frames


def main():
    pcaplib.write(os.path.join(OUT, "diameter.pcap"), diameter())
    pcaplib.write(os.path.join(OUT, "xmpp.pcap"), xmpp())
    pcaplib.write(os.path.join(OUT, "bittorrent.pcap"), bittorrent())
    pcaplib.write(os.path.join(OUT, "rlogin.pcap"), rlogin())
    pcaplib.write(os.path.join(OUT, "rsh.pcap"), rsh())
    pcaplib.write(os.path.join(OUT, "ident.pcap"), ident())


if __name__ == "__main__":
    main()
