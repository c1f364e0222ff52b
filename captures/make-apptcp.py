#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the apptcp captures: TCP exchanges built by hand between
198.18.0.1 (client) and 198.18.0.2 (server), the same every time (no
servers here, and no privileges to capture loopback).  Each segment is one
frame; sequence numbers follow the bytes sent.

usage: make-apptcp.py DIR
  apptcp-ftpdata.pcap  an FTP control connection (PASV and its 227, LIST,
                       EPSV and its 229, RETR) and the two data
                       connections it names, one from a port no table
                       binds; then a segment to a port nobody named
  apptcp-http.pcap     an HTTP response whose head ends in a later segment
                       (header continuation), a body in two more segments,
                       a binary body, and a leading CRLF
  apptcp-mysql.pcap    a MySQL greeting, login, OK, a query and its result
                       set in one segment, an ERR, a NULL value, quit
  apptcp-resp.pcap     Redis SET and its OK, a pipelined inline PING, an
                       array reply with an integer, an error and a null
  apptcp-smtp.pcap     SMTP greeting, EHLO and a multi-line reply,
                       MAIL/RCPT pipelined, DATA, message text, STARTTLS
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, write  # noqa: E402


def ftpdata_frames():
    fr = []
    c = Conn(40021, 21, fr)
    c.send(False, b"220 strata FTP ready\r\n")
    c.send(True, b"PASV\r\n")
    c.send(False, b"227 Entering Passive Mode (198,18,0,2,195,80)\r\n")
    c.send(True, b"LIST\r\n")
    Conn(40100, 50000, fr).send(False, b"-rw-r--r-- 1 ftp ftp 5 a.txt\r\n")
    c.send(False, b"226 Transfer complete.\r\n")
    c.send(True, b"EPSV\r\n")
    c.send(False, b"229 Entering Extended Passive Mode (|||50001|)\r\n")
    c.send(True, b"RETR a.txt\r\n")
    Conn(40101, 50001, fr).send(False, b"hello\n")
    Conn(40102, 50002, fr).send(False, b"nobody named this port\n")
    return fr


def http_frames():
    fr = []
    c = Conn(40080, 80, fr)
    c.send(True, b"GET /a HTTP/1.1\r\nHost: a.test\r\n\r\n")
    c.send(False, b"HTTP/1.1 200 OK\r\nServer: strata\r\n")
    c.send(False, b"Content-Type: text/plain\r\nContent-Length: 22\r\n\r\n"
           b"first part, ")
    c.send(False, b"second part\n")
    c.send(False, b"\x00\x01\x02binary body")
    c.send(False, b"\r\nafter a CRLF")
    return fr


def my_packet(seq, payload):
    return struct.pack("<I", len(payload))[:3] + bytes([seq]) + payload


def lenstr(b):
    return bytes([len(b)]) + b


def column(name):
    return (lenstr(b"def") + lenstr(b"db") + lenstr(b"t") + lenstr(b"t") +
            lenstr(name) + lenstr(name) + b"\x0c" +
            struct.pack("<HIBHB", 33, 64, 253, 0x0001, 0) + b"\0\0")


def mysql_frames():
    fr = []
    c = Conn(40306, 3306, fr)
    greet = (b"\x0a" + b"8.0.36\0" + struct.pack("<I", 7) + b"abcdefgh\0" +
             struct.pack("<HBHHB", 0xffff, 255, 0x0002, 0xdfff, 21) +
             b"\0" * 10 + b"ijklmnopqrst\0" + b"caching_sha2_password\0")
    c.send(False, my_packet(0, greet))
    login = (struct.pack("<HHIB", 0xa68d, 0x000a, 16777216, 255) +
             b"\0" * 23 + b"strata\0" + lenstr(bytes(range(20))) +
             b"test\0" + b"mysql_native_password\0")
    c.send(True, my_packet(1, login))
    c.send(False, my_packet(2, b"\x00\x00\x00\x02\x00\x00\x00"))
    c.send(True, my_packet(0, b"\x03select name, note from t"))
    eof = b"\xfe\x00\x00\x22\x00"
    c.send(False, my_packet(1, b"\x02") + my_packet(2, column(b"name")) +
           my_packet(3, column(b"note")) + my_packet(4, eof) +
           my_packet(5, lenstr(b"one") + b"\xfb") +
           my_packet(6, lenstr(b"two") + lenstr(b"x")) + my_packet(7, eof))
    c.send(True, my_packet(0, b"\x02nodb"))
    c.send(False, my_packet(1, b"\xff\x19\x04#42000Unknown database "
                            b"'nodb'"))
    c.send(True, my_packet(0, b"\x01"))
    return fr


def resp_frames():
    fr = []
    c = Conn(40379, 6379, fr)
    c.send(True, b"*3\r\n$3\r\nSET\r\n$4\r\ntest\r\n$2\r\nhi\r\n")
    c.send(False, b"+OK\r\n")
    c.send(True, b"PING\r\nPING\r\n")
    c.send(False, b"+PONG\r\n+PONG\r\n")
    c.send(True, b"*2\r\n$3\r\nGET\r\n$4\r\nnone\r\n")
    c.send(False, b"$-1\r\n")
    c.send(False, b"*3\r\n:42\r\n-ERR wrong type\r\n*1\r\n$1\r\nx\r\n")
    return fr


def smtp_frames():
    fr = []
    c = Conn(40025, 25, fr)
    c.send(False, b"220 mx.a.test ESMTP\r\n")
    c.send(True, b"EHLO client.a.test\r\n")
    c.send(False, b"250-mx.a.test\r\n250-PIPELINING\r\n250 STARTTLS\r\n")
    c.send(True, b"MAIL FROM:<x@a.test>\r\nRCPT TO:<y@a.test>\r\n")
    c.send(False, b"250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n")
    c.send(True, b"DATA\r\n")
    c.send(False, b"354 End data with <CR><LF>.<CR><LF>\r\n")
    c.send(True, b"Subject: hello\r\n\r\nHi.\r\n.\r\n")
    c.send(False, b"250 2.0.0 Ok: queued\r\n")
    c.send(True, b"STARTTLS\r\n")
    c.send(False, b"220 2.0.0 Ready to start TLS\r\n")
    return fr


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(d, "apptcp-ftpdata.pcap"), ftpdata_frames())
    write(os.path.join(d, "apptcp-http.pcap"), http_frames())
    write(os.path.join(d, "apptcp-mysql.pcap"), mysql_frames())
    write(os.path.join(d, "apptcp-resp.pcap"), resp_frames())
    write(os.path.join(d, "apptcp-smtp.pcap"), smtp_frames())


main()
