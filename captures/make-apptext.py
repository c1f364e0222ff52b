#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the apptext captures: TCP exchanges built by hand between
198.18.0.1 (client) and 198.18.0.2 (server), the same every time (no
servers here, and no privileges to capture loopback).  Each segment is one
frame; sequence numbers follow the bytes sent.

usage: make-apptext.py DIR
  apptext-pgsql.pcap   PostgreSQL startup, MD5 authentication, parameter
                       status, key data, a simple query with its row
                       description, rows (one NULL), completion and ready;
                       parse/bind/execute/sync and their completions; an
                       error and a notice; a message continued in the next
                       segment; termination
  apptext-mqtt.pcap    MQTT 3.1 CONNECT with will, user name and password,
                       CONNACK, SUBSCRIBE of two topics and SUBACK, PUBLISH
                       at QoS 1 and PUBACK, two PUBLISH in one segment,
                       UNSUBSCRIBE/UNSUBACK, PING, DISCONNECT; an MQTT 5
                       CONNECT with properties; a PUBLISH cut by the segment
  apptext-socks.pcap   SOCKS 5 greeting, user/password method, its
                       sub-negotiation and status, a CONNECT to a name and
                       its reply, relayed bytes; a SOCKS 5 request to an
                       IPv6 address refused; SOCKS 4 and 4a requests and
                       their replies
  apptext-irc.pcap     IRC NICK/USER in one segment, the server's numeric
                       welcome, JOIN, a PRIVMSG with a CTCP ACTION, PING/
                       PONG, QUIT
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import Conn, write  # noqa: E402


def pg(t, body):
    return t + struct.pack("!I", len(body) + 4) + body


def z(*strs):
    return b"".join(s + b"\0" for s in strs)


def pgsql_frames():
    fr = []
    c = Conn(40432, 5432, fr)
    body = struct.pack("!HH", 3, 0) + z(b"user", b"strata", b"database",
                                       b"test") + b"\0"
    c.send(True, struct.pack("!I", len(body) + 4) + body)
    c.send(False, pg(b"R", struct.pack("!I", 5) + b"\x01\x02\x03\x04"))
    c.send(True, pg(b"p", z(b"md5" + b"0" * 32)))
    c.send(False, pg(b"R", struct.pack("!I", 0)) +
           pg(b"S", z(b"server_version", b"16.4")) +
           pg(b"K", struct.pack("!II", 4242, 123456789)) +
           pg(b"Z", b"I"))
    c.send(True, pg(b"Q", z(b"select id, name from t;")))
    col = lambda n, oid, ln: (z(n) + struct.pack("!IHIhiH", 16384, 1, oid,
                                                 ln, -1, 0))
    c.send(False, pg(b"T", struct.pack("!H", 2) + col(b"id", 23, 4) +
                     col(b"name", 25, -1)) +
           pg(b"D", struct.pack("!HI", 2, 1) + b"1" +
              struct.pack("!I", 3) + b"one") +
           pg(b"D", struct.pack("!HI", 2, 1) + b"2" +
              struct.pack("!i", -1)) +
           pg(b"C", z(b"SELECT 2")) + pg(b"Z", b"I"))
    c.send(True, pg(b"P", z(b"s1", b"select $1") + struct.pack("!HI", 1, 23))
           + pg(b"B", z(b"", b"s1") + struct.pack("!HHHI", 1, 0, 1, 2) +
                b"42" + struct.pack("!HH", 1, 0))
           + pg(b"E", z(b"") + struct.pack("!I", 0)) + pg(b"S", b""))
    c.send(False, pg(b"1", b"") + pg(b"2", b"") +
           pg(b"D", struct.pack("!HI", 1, 2) + b"42") +
           pg(b"C", z(b"SELECT 1")) + pg(b"Z", b"I"))
    c.send(True, pg(b"Q", z(b"drop table nope;")))
    c.send(False, pg(b"E", b"SERROR\0VERROR\0C42P01\0Mtable \"nope\" does "
                     b"not exist\0Ftablecmds.c\0L1294\0RDropErrorMsg\0\0")
           + pg(b"Z", b"I"))
    c.send(True, pg(b"Q", z(b"drop table if exists nope;")))
    c.send(False, pg(b"N", b"SNOTICE\0VNOTICE\0C00000\0Mskipping\0\0") +
           pg(b"C", z(b"DROP TABLE")) + pg(b"Z", b"I"))
    long = pg(b"Q", z(b"select '" + b"x" * 60 + b"';"))
    c.send(True, long[:30])
    c.send(True, long[30:])
    c.send(True, pg(b"X", b""))
    return fr


def mq(first, body):
    n, rl = len(body), b""
    while True:
        b = n & 0x7F
        n >>= 7
        rl += bytes([b | (0x80 if n else 0)])
        if not n:
            return bytes([first]) + rl + body


def u16s(b):
    return struct.pack("!H", len(b)) + b


def mqtt_frames():
    fr = []
    c = Conn(40883, 1883, fr)
    c.send(True, mq(0x10, u16s(b"MQIsdp") + bytes([3, 0xEE]) +
                    struct.pack("!H", 60) + u16s(b"strata-1") +
                    u16s(b"dead/strata-1") + u16s(b"gone") +
                    u16s(b"user") + u16s(b"secret")))
    c.send(False, mq(0x20, b"\0\0"))
    c.send(True, mq(0x82, struct.pack("!H", 7) + u16s(b"a/b") + b"\1" +
                    u16s(b"c/#") + b"\2"))
    c.send(False, mq(0x90, struct.pack("!H", 7) + b"\1\x80"))
    c.send(True, mq(0x33, u16s(b"a/b") + struct.pack("!H", 8) + b"hot"))
    c.send(False, mq(0x40, struct.pack("!H", 8)))
    c.send(False, mq(0x30, u16s(b"c/d") + b"one") +
           mq(0x30, u16s(b"c/e") + b"two"))
    c.send(True, mq(0xA2, struct.pack("!H", 9) + u16s(b"c/#")))
    c.send(False, mq(0xB0, struct.pack("!H", 9)))
    c.send(True, mq(0xC0, b""))
    c.send(False, mq(0xD0, b""))
    c.send(True, mq(0xE0, b""))
    c5 = Conn(40884, 1883, fr)
    c5.send(True, mq(0x10, u16s(b"MQTT") + bytes([5, 0x02]) +
                     struct.pack("!H", 30) + b"\x05\x11\0\0\x0e\x10" +
                     u16s(b"strata-5")))
    c6 = Conn(40885, 1883, fr)
    c6.send(True, mq(0x30, u16s(b"big") + b"x" * 200)[:40])
    return fr


def socks_frames():
    fr = []
    c = Conn(41080, 1080, fr)
    c.send(True, b"\x05\x02\x00\x02")
    c.send(False, b"\x05\x02")
    c.send(True, b"\x01\x06strata\x06secret")
    c.send(False, b"\x01\x00")
    c.send(True, b"\x05\x01\x00\x03\x06a.test" + struct.pack("!H", 80))
    c.send(False, b"\x05\x00\x00\x01" + bytes([198, 18, 0, 9]) +
           struct.pack("!H", 40000))
    c.send(True, b"GET / HTTP/1.0\r\n\r\n")
    c6 = Conn(41081, 1080, fr)
    c6.send(True, b"\x05\x01\x00")
    c6.send(False, b"\x05\x00")
    c6.send(True, b"\x05\x01\x00\x04" + bytes(15) + b"\x01" +
            struct.pack("!H", 22))
    c6.send(False, b"\x05\x05\x00\x01" + bytes(4) + bytes(2))
    c4 = Conn(41082, 1080, fr)
    c4.send(True, b"\x04\x01" + struct.pack("!H", 25) +
            bytes([198, 18, 0, 9]) + b"strata\0")
    c4.send(False, b"\x00\x5a" + struct.pack("!H", 25) +
            bytes([198, 18, 0, 9]))
    c4a = Conn(41083, 1080, fr)
    c4a.send(True, b"\x04\x01" + struct.pack("!H", 443) +
             bytes([0, 0, 0, 1]) + b"u\0b.test\0")
    c4a.send(False, b"\x00\x5b" + bytes(6))
    return fr


def irc_frames():
    fr = []
    c = Conn(46667, 6667, fr)
    c.send(True, b"NICK strata\r\nUSER strata 0 * :Strata Test\r\n")
    c.send(False, b":irc.a.test 001 strata :Welcome to the test net\r\n"
           b":irc.a.test 376 strata :End of MOTD\r\n")
    c.send(True, b"JOIN #test\r\n")
    c.send(False, b":strata!s@198.18.0.1 JOIN #test\r\n")
    c.send(True, b"PRIVMSG #test :\x01ACTION waves\x01\r\n")
    c.send(False, b"PING :irc.a.test\r\n")
    c.send(True, b"PONG :irc.a.test\r\n")
    c.send(True, b"QUIT :bye\r\n")
    return fr


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "."
    write(os.path.join(d, "apptext-pgsql.pcap"), pgsql_frames())
    write(os.path.join(d, "apptext-mqtt.pcap"), mqtt_frames())
    write(os.path.join(d, "apptext-socks.pcap"), socks_frames())
    write(os.path.join(d, "apptext-irc.pcap"), irc_frames())


main()
