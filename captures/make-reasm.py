#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the reasm captures: application messages cut across TCP
segments, for the stream reassembly of `strata decode --reassemble`
(tshark: -o tcp.desegment_tcp_streams:TRUE).  Segments built by hand
between 198.18.0.1 (client) and 198.18.0.2 (server), the same every time.

The TLS bytes are a real handshake's (the ClientHello and the server's
flight of Zeek's test trace tls/certificate-request-failed.pcap: five
records, a 2948-byte Certificate among them), kept here compressed.

usage: make-reasm.py DIR
  reasm-tls.pcap    a ClientHello in two segments, then the server's
                    flight in three (1448, 1448, 790 bytes): the
                    Certificate runs through all three
  reasm-http.pcap   a request whose header ends in a second segment; a
                    response whose 40-byte body (Content-Length) is in
                    two; then a whole request and response
  reasm-dns.pcap    DNS over TCP: a query whose two-byte length comes
                    alone, the segment completing it carrying a whole
                    query and the start of a third; a response cut
                    inside a record
  reasm-odd.pcap    what the reassembly must survive: a retransmitted
                    first part, a segment out of order (the PDU dropped,
                    said so), a record longer than any TLS allows, a
                    connection reset with a PDU pending, a first part
                    in a segment cut into two IP fragments
"""
import base64
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, fragment4, write  # noqa: E402

CH = """
eNoNzjtIQmEYh/H/+73fOX4qUXTEMrqImkkqSjcI7TIYDUF7NORQGdgQ2trQJDUnLV0ICo7RVIuT
fO5CJLRESEOTW0NLi535GX6Pn4mCBBplvtgwsp/FUL3SvCyv281SZe5k5nugEMq/7W+tJI93g+3V
ycP+juu027mLtu3f7R7tVUa63VqHXsulTHoBy5aw2CKd0Gnctmotu/Wo4zqFGx3RMRR1WE+hoD3a
h0Xt1hZmcY0rLCGLeaTQI6AKLySDBDzww4cxDGEcAQw7i0SCmCTCgNPgFKAP04hJNthk5VJKuZVH
eZVUhjIlGWQSMxMLKQxhCsRhSJbMSEIQOXwUEYcI3icecmsfzz+bX2cvg+HGTjUfOc/Ygb/3+kTu
6Klx8A+aK0eC"""

SF = """
eNq9V3k01d0a/p2ZY+ZwREhmGX7HmDEhVOapDJmPoWPIlEzhGMo8D6WEzFGuzNNBoZIIkVJmhzQc
VDKey/d9f9x1b2vd+8e37l97P8/ea797r/W+z/NuDhgMOA0FADUYbNo4b+ZlMVK+yHZz3ocb1Unj
JfRqMnif/VpIT4ncx1gZoAsEAHYqBIAAAB0AhwEQKCAAAAAWADhgMLoYOoAuEqALB5BQkIjYB4mw
pUIYFAKFQlhABiSteJxe3CYDBEKHAEA9HB1Ii4RZwJFsUAszHBvIcgho6NFmPl54SbMAxwA8jhVk
PiRR9LSHZJA73g+PYwYZDzk0PeqQM/JzA3mxDDKyoIzMSZwiTgmUtz6AiuDB5C8IGv0Pkf7jVNwR
EHvIwOiZA/D+AR7eblIheDxByucgIBF6/F9fA0EAMCKUCTjg0VAiFAJ09OT51w+KmUVe605YJpJX
IGab3FBe0re55DPNAow2RWZ9YO+KyKST9FOKhBUllsH/OHqMM0zwdW73SwfGIGteyiu5XssVq1LD
42Ipg1hqyg2nlPkUphzFyLDLQpXqn01EaFH0VELNSfbclzRqS/hF9qqvTnIK9EUiEYo8u0zJ55qV
Sm9gU8p0p97sqPVadqfWMmV7YsL0yDNp3oNEle+uKANjvbpuOaHKHLWu5U6cacM3e+pOQuFGWFmy
mPRlarWeKml6VUw7gb9Z8NgNVkb+pCDBoet7imuGb1fRz7E5IQY9I1zhHCY0S0PhqrHRUNurJmon
N74+jI0LpCZd0+0183E1to94P2qnkXBl2NjiTSBa+MoDZStj7sUe9F0Vqa+YKug9DuO0r863Xe7a
Q0xnbBiR+XLw7AgCiPP3un6hjkjW1/dVZWP99WsxuOD0xfZofecgh04i9pq/1jEtn4/ldu7bmZcm
23MaTCwkin8+u8XjzhzU1laiORDBa0eVoOx3heex8E+1czmHllcN53UvBPTH9Udwezbzz3ynbvFe
Uc4c93Xdu6Cd1YeUU2/BxzOfdEhSbWCXz3zfwrX8dW/vWZlmVPrPDcXeiTK2Hn0LsWLR7Kg4s0sM
HS172WiSEzGtDZZMzYUE5kgILilaDAn1v03FppXRT8ANKVVU5VuKQv+Awg7q437UKhi1/Efi8bDB
oSBwkHa0DnF6kLhfmhAIHA6DIjVAnsNVRjgHHMOfUaKhV44nTBKhCOxJe2IB5pIfGBV9uC4ADwND
IjEsfNNvSx2P18ho5nXgmLLGv3MVQ4r0S879fZVExKhFt29U19fNH3/CaTWLCg4nu2+p/7GLhwkC
oR5eGlEIsh1iITg9iEbSnEBCEAgUDPJv1Q07LIM7VW6ixacusPcYUERzH3GGNhpKig+onsqSlUNV
CqYajrvO8qfP3Hf05ZSUT7sz5cNN+zCeehxj6i+l4wLT30jBYyXJdvlF9B8Sn4WLk1rnbK/9zP9U
K/kiQ8/i3OX66NOlTgMuEfim9Of7G+Ju3YVRdnK2pe4FrkdhU+edp2C+wR+OybTasA9/ddimTbf9
2ZcRgvV/RW9R+hiIo+Eb2BmN3+1gXh2GiWO5xqtO8LzOSR0RKEYXJuex7t9zvG03/FmwpXLlG6fj
9k/Q09HrPqpkPuiCViPTmXFZxOMyCcKPrWQVzbUP2Dc0qsbvNlQZQOdjSYE9EUa0qnaaTe5GOTMV
/DynUYN8qi5B3WhCq1tknMqLyP72L+fPGt52K/FTbjA6mkFvZLNIsmxDVzvrKe5bATgDwrrlre4V
Li0Zh1VCfGSAP6mj9WJX+NOYmdFZAX97nSc6TNoOav2l9aXJngrONIJ5IpSVM5lH9OTLE7LQGylG
F8XUneT5K1y4EsDO+eCjNEJjyXalR6lxMLql0ch6dTP7+rEn0XHJypRiLmWfQd9YTt2Rz3EexhvV
q9SpNt3Y1xNJFgtD/EsdmL3woyK00Y0UPief1tIwjLtNmMXoAr5F2OM7QboXdycztu6esrGpQuPt
tStLXz4awuYrkVKO00JH52w6WKftuxDlzIuVU7kVACLwwAR8D0zA6k8T+H16/V98AScve+ALsodQ
/i/4N0b6b4YwyFul+aOzZe1hhY/szOI+0nh/OZ2hxOrm3cVPj12yMzlrbEn7FriAvmbCVkZk0WLR
To0+s9uwOZnXFvGMCi19ck1yA1jyUksZeVAmNXA5fterdFWhsTiPlYVzcbtSpX+8IJtWv59N/Fv0
y7Nu6tge3sKMW5ZfOs8iMu8k4NDNbqxajKv8jtFM23KGT14k3+xKqFi+mUAe62sLlsgx+ZwxKhK6
z5Envq0T7S4fPZAGKqNTVuOv023ZioR/EqxvsQgS2yQnE13Mcp/Q14+F9L+veEVdSIe8t8uKUYqB
TgO1LvODY6psiS96nz/VVKtJAoy/5G18kC4Ck0MYMUkfyvvcJK2YltGtFKfKmLm+8agKmXJKwdEK
ZGJcBnKnU+rb/ss2ZZh4mso690Y9rzaHZJUnc0B9yhXOT0tlsMq8lZDqxHiFVfiHqoycm7e/Top4
Px9ctVXQ2ZP42eMrVLcSda144Q5VE6Id6iv9AyO3Um85szAcik/x83uBDFulIs6e6p3zn72kPTZ4
I3Grvon+s3A4IWXCxEsJNip+8aZixjphlvZxSjk5/fl04JrB+cqI4486F4/dY0Sp3t9lgzl56eY3
93o2nYil04760e7boGYfH6NuYshh7V8lgZ1O+Naq7feUfJF4laxjHCs8XabCIpzY9m1qyCy+c0cc
BRE4pl4i3fYW8achmIEm/yL4v5NzkO9PvecEOX6v9yDTH3ZyqMUIEHYw/E53g7yNs35YSB5LsPFU
ruB+n6tMWDI7u7eGdZhbKnnQ0XNOk/+Eprmo5Zxj2SVnieDGLewdU5MJp5+vdjrsm8Ydb2X++O52
c/PXeRODlpwox63aZfndG9LIpncsDPz2HB7xdDGdfJeMvCk1htY6bx/RaH05g04d7rSmTD6DLq/j
q7HeTWKLiO+0VZzXSofcSUI3+EYUhrSQo9Twl841W7s8mvev38aXe+K6iOwlyk3wwCibclHXI/tN
PlU9VvNjZNpAb40sDGE1ZlZouwse+8bLiZXjzJtdGRqpHUzwadZWYYiglJkSZnlcJRqgJ7uTL6Bl
B8h332h9VH/zvMr1HY0kDKGMR5H8bP3wHZatSQ1KsVXfa7wq1W32ZJ+Kebuoue7cP1GZ3ziHuuc9
ltWbyIiu4sqJqRbGS5sDJPW62lssCn2mQ/Ed3keVBmRSLgXVbEgVoAVLJ294m8+2Q/N+6Flys74S
0DOuqWPLCDatVVtZkB7K5JtYNDRNeLqX8vWLil/AzqmiBA/uDEyRM0C27VmrDWR85XF/aLqhqXuG
VgRIjFmYRQNrhSRsxGaOws2RQcEjO9BdftIjDVvLxXKj1Sdujy+jzO3p5laSmHYFO2rnHu7u4K3X
TWuGZd9fZmeVuUvijO+kzD6qVdXI5nN0lf7B7s7pv3b1bJ+eUk/2qGA9TuZKxEEjDpWgB6CiMIDn
GGKl/6prhcTQRH507J6f6Xoge1vLBNrgTqOGjEntmtsF+EEDbz1Q5DaR6Z0aVzjUH9WFd+jQRr2j
PKWLHplG70xZdKfpupcHtdB51FUYPxDGxFsZZdcsx5EiTEVvd7qMS6YavveotN26ryTV1peUXJge
smnweD5/z5dnW6u2UV9SMbjkE7dFjYdiKHumHiYwFiM6cJXM1qj7zjowe2rzroyiz8g5SqWLWxbp
YUxX+udza8XRT9dCCX1s2mtzwm8jPwSSfQNHbK9XL8+HPBbXc38InIdyEPqMJKb8H6zrLIK+p1oH
b4T+2h868y0zFQp9YmeuvbXWQWTJ2Tv3yS0gc9yaXUkgfa7oyjupVKGxlWqSjhq1cZLZU6A5Trrt
jeq2VcVO9vsvBUxezY2DkzOjNHLFOAddZktLuyhBtZmTDfKDdbiBk8t2j7iyVVn0eYvbw+l02vtr
L7hzZsgsAjX4Zx+usyR2OPelioal+VysV0xHa0gkbvMVZemHvnzVpl3BwGfrjOJ/qb8guYyibGqf
QIev6xTsl3xU9y88E3PR/PVd0ccngk+lfM5t6/Sf6E4seGFf1OpTePPW7Nn+I8+ZHrInLkXqEkj8
vCzBRp5+nEOdZUGEtCURZqOZkxFHKu7k+jC/9fo0BkjXNpCzuCQN1fLxn3xA5WxttCyEr7+SfZRi
8OB6e7BF1Mfz0g/GKzbWl9XuOorNm79z8pLL5cgfsFSZKJXlTT5bdJAwwEUGADCHQAAoHALoA39j
U3l4OJzx4Iv4T/3CBes="""


def blob(b64):
    return zlib.decompress(base64.b64decode("".join(b64.split())))


def cut(b, sizes):
    """b in pieces of the sizes given; the rest in a last one."""
    out, at = [], 0
    for n in sizes:
        out.append(b[at:at + n])
        at += n
    if at < len(b):
        out.append(b[at:])
    return out


def tls_frames():
    fr = []
    c = Conn(40443, 443, fr).handshake()
    for part in cut(blob(CH), [200]):
        c.send(True, part)
    for part in cut(blob(SF), [1448, 1448]):
        c.send(False, part)
    return fr


def http_frames():
    fr = []
    c = Conn(40080, 80, fr).handshake()
    c.send(True, b"GET /split HTTP/1.1\r\nHost: reasm.test\r\nUser-Agent: ")
    c.send(True, b"strata\r\nAccept: */*\r\n\r\n")
    body = b"a body of forty bytes, in two segments.\n"
    head = b"HTTP/1.1 200 OK\r\nServer: strata\r\nContent-Type: " \
        b"text/plain\r\nContent-Length: %d\r\n\r\n" % len(body)
    c.send(False, head + body[:15])
    c.send(False, body[15:])
    c.send(True, b"GET /whole HTTP/1.1\r\nHost: reasm.test\r\n\r\n")
    c.send(False, b"HTTP/1.1 204 No Content\r\nServer: strata\r\n\r\n")
    return fr


def dns_name(name):
    return b"".join(bytes([len(p)]) + p for p in name.split(b".")) + b"\0"


def dns_query(qid, name, qtype=16):
    return struct.pack("!HHHHHH", qid, 0x0100, 1, 0, 0, 0) + \
        dns_name(name) + struct.pack("!HH", qtype, 1)


def dns_txt_response(qid, name, n):
    m = struct.pack("!HHHHHH", qid, 0x8180, 1, n, 0, 0) + \
        dns_name(name) + struct.pack("!HH", 16, 1)
    for i in range(n):
        txt = b"strata reassembly record %d " % i
        txt += b"." * (200 - len(txt))
        m += struct.pack("!HHHIHB", 0xc00c, 16, 1, 60, len(txt) + 1,
                         len(txt)) + txt
    return m


def framed(m):
    return struct.pack("!H", len(m)) + m


def dns_frames():
    fr = []
    c = Conn(40053, 53, fr).handshake()
    q = framed(dns_query(0x5151, b"big.reasm.test"))
    q1 = framed(dns_query(0x5152, b"one.reasm.test", 1))
    q2 = framed(dns_query(0x5153, b"two.reasm.test", 28))
    c.send(True, q[:2])
    c.send(True, q[2:] + q1 + q2[:10])
    c.send(True, q2[10:])
    r = framed(dns_txt_response(0x5151, b"big.reasm.test", 4))
    c.send(False, r[:500])
    c.send(False, r[500:])
    return fr


def odd_frames():
    fr = []
    ch = blob(CH)
    # A retransmission of the first part: held once.
    c = Conn(40444, 443, fr).handshake()
    c.send(True, ch[:100])
    c.send(True, ch[:100], seq=1000)
    c.send(True, ch[100:])
    # Out of order: the last part before the middle; the PDU dropped.
    c = Conn(40445, 443, fr).handshake()
    c.send(True, ch[:100])
    c.send(True, ch[200:], seq=1200)
    c.send(True, ch[100:200], seq=1100)
    # A record header longer than TLS allows: no reassembly asked.
    c = Conn(40446, 443, fr).handshake()
    c.send(True, b"\x16\x03\x01\x48\x01" + b"\x01" * 20)
    # A reset while a PDU is pending: forgotten.
    c = Conn(40447, 443, fr).handshake()
    c.send(True, ch[:150])
    c.send(True, b"", flags=0x14)
    c = Conn(40447, 443, fr)
    c.send(True, ch[150:], seq=1150)
    # The first part in a segment sent as two IP fragments: held when
    # the datagram is whole, then completed by the next segment.
    c = Conn(40448, 443, fr).handshake()
    c.send(True, ch[:150])
    fr[-1:] = fragment4(fr[-1], 96)
    c.send(True, ch[150:])
    return fr


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    write(os.path.join(d, "reasm-tls.pcap"), tls_frames())
    write(os.path.join(d, "reasm-http.pcap"), http_frames())
    write(os.path.join(d, "reasm-dns.pcap"), dns_frames())
    write(os.path.join(d, "reasm-odd.pcap"), odd_frames())


if __name__ == "__main__":
    main()
