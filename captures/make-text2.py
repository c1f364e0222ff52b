#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Remakes the text2 family's captures (IMAP, POP3, Telnet, TFTP): frames
written by hand with the shared helpers of pcaplib.py, since the kernel
alone makes none of these conversations.  Run from the repository root."""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib as pl  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))


def imap():
    fr = []
    c = pl.Conn(40143, 143, fr)
    c.send(False, b"* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n")
    c.send(True, b"a1 LOGIN alice \"s3cret\"\r\n")
    c.send(False, b"a1 OK LOGIN completed\r\n")
    c.send(True, b"a2 SELECT INBOX\r\n")
    c.send(False, b"* 2 EXISTS\r\n* 0 RECENT\r\n"
           b"a2 OK [READ-WRITE] SELECT completed\r\n")
    c.send(True, b"a3 UID FETCH 1:2 (FLAGS)\r\n")
    c.send(False, b"* 1 FETCH (UID 1 FLAGS (\\Seen))\r\n"
           b"a3 OK FETCH completed\r\n")
    c.send(True, b"a4 COPY 1 Archive\r\n")
    c.send(False, b"a4 NO [TRYCREATE] no such mailbox\r\n")
    c.send(True, b"a5 APPEND Drafts {11}\r\n")
    c.send(False, b"+ go ahead\r\n")
    c.send(True, b"Hello world\r\n")
    c.send(False, b"a5 OK APPEND completed\r\n")
    c.send(True, b"a7 FETCH 1 BODY[]\r\n")
    c.send(False, b"* 1 FETCH (BODY[] {8}\r\nA: b\r\n\r\n)\r\n"
           b"a7 OK FETCH done\r\n")
    c.send(True, b"a6 STARTTLS\r\n")
    c.send(False, b"a6 OK Begin TLS negotiation now\r\n")
    pl.write(os.path.join(OUT, "imap.pcap"), fr)


def pop():
    fr = []
    c = pl.Conn(40110, 110, fr)
    c.send(False, b"+OK POP3 server ready <1896.697170952@dbc.mil>\r\n")
    c.send(True, b"CAPA\r\n")
    c.send(False, b"+OK Capability list follows\r\nUSER\r\nSTLS\r\n.\r\n")
    c.send(True, b"USER alice\r\n")
    c.send(False, b"+OK\r\n")
    c.send(True, b"PASS s3cret\r\n")
    c.send(False, b"+OK maildrop has 2 messages (320 octets)\r\n")
    c.send(True, b"STAT\r\n")
    c.send(False, b"+OK 2 320\r\n")
    c.send(True, b"LIST\r\n")
    c.send(False, b"+OK 2 messages\r\n1 120\r\n2 200\r\n.\r\n")
    c.send(True, b"RETR 1\r\n")
    c.send(False, b"+OK 120 octets\r\n")
    c.send(False, b"Subject: hi\r\n\r\nHello\r\n.\r\n")
    c.send(True, b"DELE 9\r\n")
    c.send(False, b"-ERR no such message\r\n")
    c.send(True, b"STLS\r\n")
    c.send(False, b"+OK Begin TLS negotiation\r\n")
    pl.write(os.path.join(OUT, "pop.pcap"), fr)


IAC, DONT, DO, WONT, WILL, SB, SE = 255, 254, 253, 252, 251, 250, 240


def telnet():
    fr = []
    c = pl.Conn(40023, 23, fr)
    c.send(False, bytes([IAC, DO, 24, IAC, DO, 32, IAC, DO, 31,
                         IAC, WILL, 1, IAC, WILL, 3]))
    c.send(True, bytes([IAC, WILL, 24, IAC, WONT, 32, IAC, WILL, 31,
                        IAC, DO, 1, IAC, DO, 3]))
    c.send(False, bytes([IAC, SB, 24, 1, IAC, SE]))
    c.send(True, bytes([IAC, SB, 24, 0]) + b"XTERM" + bytes([IAC, SE]) +
           bytes([IAC, SB, 31, 0, 80, 0, 24, IAC, SE]))
    c.send(False, b"\r\nDebian GNU/Linux 12\r\nlogin: ")
    c.send(True, b"r")
    c.send(True, b"oot\r\n")
    c.send(False, b"Password: ")
    c.send(True, bytes([IAC, 244, IAC, 246]))   # IP, AYT
    c.send(True, bytes([IAC, SB, 32, 0]) + b"38400,38400" +
           bytes([IAC, SE]))
    c.send(False, b"\x1b[1mbold\x1b[0m " + bytes([IAC, IAC]) + b"\r\n")
    pl.write(os.path.join(OUT, "telnet.pcap"), fr)


def tftp():
    fr = []
    f = fr.append
    # RRQ with options; the server answers from a new port with OACK.
    f(pl.udp_frame(True, 40069, 69, b"\x00\x01boot.bin\x00octet\x00"
                   b"blksize\x001024\x00tsize\x000\x00timeout\x005\x00"))
    f(pl.udp_frame(False, 50001, 40069, b"\x00\x06blksize\x001024\x00"
                   b"tsize\x001500\x00timeout\x005\x00"))
    f(pl.udp_frame(True, 40069, 50001, b"\x00\x04\x00\x00"))
    f(pl.udp_frame(False, 50001, 40069, b"\x00\x03\x00\x01" +
                   bytes(range(256)) * 4))
    f(pl.udp_frame(True, 40069, 50001, b"\x00\x04\x00\x01"))
    f(pl.udp_frame(False, 50001, 40069, b"\x00\x03\x00\x02" +
                   b"x" * 476))
    f(pl.udp_frame(True, 40069, 50001, b"\x00\x04\x00\x02"))
    # WRQ refused from a new port.
    f(pl.udp_frame(True, 40070, 69, b"\x00\x02up.txt\x00netascii\x00"))
    f(pl.udp_frame(False, 50002, 40070, b"\x00\x05\x00\x02"
                   b"Access violation\x00"))
    # A plain RRQ, over IPv6, answered with DATA, then an ERROR.
    f(pl.udp_frame(True, 40071, 69, b"\x00\x01a.txt\x00octet\x00",
                   v6=True))
    f(pl.udp_frame(False, 50003, 40071, b"\x00\x03\x00\x01hi\n", v6=True))
    f(pl.udp_frame(True, 40071, 50003, b"\x00\x05\x00\x00done\x00",
                   v6=True))
    pl.write(os.path.join(OUT, "tftp.pcap"), fr)


if __name__ == "__main__":
    imap()
    pop()
    telnet()
    tftp()
