#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the webbody captures (HTTP bodies opened by their media type):
HTTP/1.1 exchanges on TCP port 80 between 198.18.0.1 (client) and
198.18.0.2 (server), built by hand, the same every time.  Each message is
one segment.  The DER is encoded here (no signing: the signatures are
filler bytes, as a reader never checks them).

usage: make-webbody.py DIR
  webbody-ocsp.pcap   OCSP (RFC 6960) over HTTP POST: a request for two
                      certificates with a nonce extension, its answer
                      (byName responder, one good and one revoked
                      certificate with reason keyCompromise, a nonce in
                      the response extensions), a request with version
                      and requestorName and a signature, an answer by key
                      with an unknown status and the responder's
                      certificate, and an answer without
                      response bytes (tryLater)
  webbody-xml.pcap    XML over HTTP: a text/xml SOAP answer with the XML
                      declaration, namespaces and nested elements; a
                      request of type application/atom+xml with a
                      DOCTYPE and its internal subset, a comment, an empty
                      element, single-quoted and unquoted attributes and a
                      CDATA section; an answer of type image/svg+xml; a
                      body (application/xml) whose first tag closes no
                      element (malformed); a text/xml body with no
                      markup; a chunked application/xml body, shown made
                      whole
  webbody-jpeg.pcap   JPEG images (image/jpeg): SOI, APP0 JFIF with a 1x1
                      thumbnail, APP2 (ICC_PROFILE), a comment, DQT, SOF0
                      of three components, DHT, SOS and its entropy-coded
                      data with a stuffed FF 00 and a restart marker, EOI;
                      a progressive (SOF2) image cut short by its segment
"""
import importlib
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, write  # noqa: E402

# one DER element (identifier, length, contents): make-gssapi.py's
tlv = importlib.import_module("make-gssapi").tlv


def seq(*items):
    return tlv(0x30, b"".join(items))


def ctx(n, body):
    """[n] EXPLICIT (constructed, context class)."""
    return tlv(0xA0 | n, body)


def oid(dotted):
    v = [int(x) for x in dotted.split(".")]
    out = bytes([v[0] * 40 + v[1]])
    for x in v[2:]:
        b = [x & 0x7F]
        x >>= 7
        while x:
            b.append(0x80 | (x & 0x7F))
            x >>= 7
        out += bytes(reversed(b))
    return tlv(0x06, out)


def integer(v):
    b = v.to_bytes(max(1, (v.bit_length() + 8) // 8), "big")
    return tlv(0x02, b)


def gtime(s):
    return tlv(0x18, s.encode())


def octets(b):
    return tlv(0x04, b)


def name(*rdns):
    """A Name: (oid, PrintableString) pairs, one per RDN."""
    return seq(*(tlv(0x31, seq(oid(o), tlv(0x13, v.encode())))
                 for o, v in rdns))


SHA1 = seq(oid("1.3.14.3.2.26"), tlv(0x05, b""))
RSASHA256 = seq(oid("1.2.840.113549.1.1.11"), tlv(0x05, b""))
NONCE = "1.3.6.1.5.5.7.48.1.2"


def certid(serial):
    return seq(SHA1, octets(bytes(range(1, 21))),
               octets(bytes(range(0x21, 0x35))), integer(serial))


def ext(o, value):
    return seq(oid(o), octets(value))


def request1():
    reqs = seq(seq(certid(0x1a2b)), seq(certid(0x0badcafe)))
    nonce = ext(NONCE, octets(bytes.fromhex("0011223344556677")))
    return seq(seq(reqs, ctx(2, seq(nonce))))


def request2():
    """version, requestorName (a dNSName) and a signature."""
    tbs = seq(ctx(0, integer(0)), ctx(1, tlv(0x82, b"client.example")),
              seq(seq(certid(0x42))))
    sig = seq(RSASHA256, tlv(0x03, b"\x00" + b"\x5a" * 32))
    return seq(tbs, ctx(0, sig))


def cert():
    """The responder's certificate: a small RSA key (not a real one),
    basicConstraints and extendedKeyUsage OCSPSigning, id-pkix-ocsp-nocheck
    left out (tshark names its NULL with OCSP's field)."""
    issuer = name(("2.5.4.6", "US"), ("2.5.4.10", "Example CA"))
    subject = name(("2.5.4.6", "US"), ("2.5.4.3", "OCSP Responder"))
    rsa = seq(integer(int("c0ffee" * 10 + "01", 16)), integer(65537))
    spki = seq(seq(oid("1.2.840.113549.1.1.1"), tlv(0x05, b"")),
               tlv(0x03, b"\x00" + rsa))
    exts = seq(seq(oid("2.5.29.19"), tlv(0x01, b"\xff"), octets(seq())),
               seq(oid("2.5.29.37"),
                   octets(seq(oid("1.3.6.1.5.5.7.3.9")))))
    tbs = seq(ctx(0, integer(2)), integer(0x1234), RSASHA256, issuer,
              seq(tlv(0x17, b"260101000000Z"), tlv(0x17, b"270101000000Z")),
              subject, spki, ctx(3, exts))
    return seq(tbs, RSASHA256, tlv(0x03, b"\x00" + b"\xcd" * 32))


def basic(responder, responses, exts=None, certs=None):
    data = [responder, gtime("20260101120000Z"), seq(*responses)]
    if exts:
        data.append(ctx(1, seq(*exts)))
    tbs = seq(*data)
    b = seq(tbs, RSASHA256, tlv(0x03, b"\x00" + b"\xab" * 64),
            *([ctx(0, seq(*certs))] if certs else []))
    return seq(tlv(0x0A, b"\x00"),
               ctx(0, seq(oid("1.3.6.1.5.5.7.48.1.1"), octets(b))))


def response1():
    byname = ctx(1, name(("2.5.4.6", "US"), ("2.5.4.3", "OCSP Responder")))
    good = seq(certid(0x1a2b), tlv(0x80, b""), gtime("20260101120000Z"),
               ctx(0, gtime("20260108120000Z")))
    revoked = seq(certid(0x0badcafe),
                  tlv(0xA1, gtime("20251201000000Z") +
                      ctx(0, tlv(0x0A, b"\x01"))),
                  gtime("20260101120000Z"))
    nonce = ext(NONCE, octets(bytes.fromhex("0011223344556677")))
    return basic(byname, [good, revoked], [nonce])


def response2():
    bykey = ctx(2, octets(bytes(range(0x40, 0x54))))
    unknown = seq(certid(0x42), tlv(0x82, b""), gtime("20260101120000Z"))
    return basic(bykey, [unknown], certs=[cert()])


def http(from_client, body):
    if from_client:
        head = ("POST / HTTP/1.1\r\nHost: ocsp.example\r\n"
                "Content-Type: application/ocsp-request\r\n")
    else:
        head = ("HTTP/1.1 200 OK\r\n"
                "Content-Type: application/ocsp-response\r\n")
    head += "Content-Length: %d\r\n\r\n" % len(body)
    return head.encode() + body


def ocsp(out):
    frames = []
    c = Conn(40000, 80, frames)
    c.send(True, http(True, request1()))
    c.send(False, http(False, response1()))
    c.send(True, http(True, request2()))
    c.send(False, http(False, response2()))
    c.send(False, http(False, seq(tlv(0x0A, b"\x03"))))
    write(os.path.join(out, "webbody-ocsp.pcap"), frames)


SOAP = (b'<?xml version="1.0" encoding="utf-8"?>\r\n'
        b'<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/'
        b'envelope/"><soap:Body><GetPriceResponse xmlns="urn:example">'
        b'<Price currency="EUR">1.90</Price><Item>apple</Item>'
        b'</GetPriceResponse></soap:Body></soap:Envelope>')
ATOM = (b"<?xml version='1.0' standalone='yes'?>\n"
        b'<!DOCTYPE feed [ <!ELEMENT feed ANY> <!ATTLIST feed id CDATA '
        b'#IMPLIED> ]>\n<!-- one entry -->\n'
        b"<feed id='f1' lang=en><title>News &amp; more</title><br/>"
        b'<entry n="1"><![CDATA[a < b]]></entry></feed>\n')
SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<rect x="1" y="1" width="8" height="8" fill="red" /></svg>')


def xml_body(from_client, ctype, body):
    if from_client:
        head = "POST /feed HTTP/1.1\r\nHost: www.example\r\n"
    else:
        head = "HTTP/1.1 200 OK\r\n"
    head += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (
        ctype, len(body))
    return head.encode() + body


def xml(out):
    frames = []
    c = Conn(40002, 80, frames)
    c.send(False, xml_body(False, "text/xml; charset=utf-8", SOAP))
    c.send(True, xml_body(True, "application/atom+xml", ATOM))
    c.send(False, xml_body(False, "image/svg+xml", SVG))
    c.send(False, xml_body(False, "application/xml",
                           b"</stray><ok>yes</ok>"))
    c.send(False, xml_body(False, "text/xml", b"no markup at all"))
    c.send(False, b"HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
           b"Transfer-Encoding: chunked\r\n\r\n"
           b"9\r\n<a><b>x</\r\n7\r\nb>y</a>\r\n0\r\n\r\n")
    write(os.path.join(out, "webbody-xml.pcap"), frames)


def seg(marker, body):
    """A JPEG marker segment: FF marker, its length (counting itself)."""
    return bytes([0xFF, marker]) + struct.pack("!H", len(body) + 2) + body


def jpeg(sof=0xC0, thumb=True):
    jfif = b"JFIF\x00\x01\x02\x01\x00\x48\x00\x48"
    jfif += b"\x01\x01\xff\x00\x00" if thumb else b"\x00\x00"
    return (b"\xff\xd8" + seg(0xE0, jfif) +
            seg(0xE2, b"ICC_PROFILE\x00\x01\x01abcd") +
            seg(0xFE, b"made by hand") +
            seg(0xDB, b"\x00" + bytes(range(1, 65))) +
            seg(sof, b"\x08\x00\x10\x00\x20\x03\x01\x22\x00\x02\x11"
                b"\x01\x03\x11\x01") +
            seg(0xC4, b"\x00" + bytes([0, 1, 5] + [1] * 6 + [0] * 7) +
                bytes(range(12))) +
            seg(0xDA, b"\x03\x01\x00\x02\x11\x03\x11\x00\x3f\x00") +
            b"\x12\x34\xff\x00\x56\xff\xd0\x78" + b"\xff\xd9")


def jpegs(out):
    frames = []
    c = Conn(40004, 80, frames)
    for body in (jpeg(), jpeg(0xC2, False)[:120]):
        c.send(False, b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n"
               b"Content-Length: %d\r\n\r\n" % len(body) + body)
    write(os.path.join(out, "webbody-jpeg.pcap"), frames)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    ocsp(out)
    xml(out)
    jpegs(out)


if __name__ == "__main__":
    main()
