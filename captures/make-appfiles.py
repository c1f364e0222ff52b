#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the app-files captures: TCP exchanges built by hand between
198.18.0.1 (client) and 198.18.0.2 (server), the same every time (no FTP
server here, and no privileges to capture loopback).  Each segment is one
frame; sequence numbers follow the bytes sent.

usage: make-appfiles.py DIR
  appfiles-ftp.pcap     an FTP login, PASV and its 227, PORT, EPSV and its
                        229, EPRT, a multi-line 230 reply, a RETR with a
                        name holding a control byte (escaped), a line cut
                        short at the segment's end
  appfiles-ssh.pcap     SSH banners both ways, a KEXINIT, an ECDH init,
                        NEWKEYS, and an encrypted packet
  appfiles-modbus.pcap  Modbus/TCP read holding registers, its response,
                        write single register, and an exception response
"""
import os
import struct
import sys

C, S = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
MC, MS = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ident=1):
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident,
                    0x4000, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


class Conn:
    """One TCP connection after its handshake: segments both ways."""

    def __init__(self, cport, sport):
        self.cport, self.sport = cport, sport
        self.seq = {True: 1000, False: 5000}
        self.frames = []

    def send(self, from_client, data):
        src, dst = (C, S) if from_client else (S, C)
        sp, dp = (self.cport, self.sport) if from_client else \
            (self.sport, self.cport)
        seq, ack = self.seq[from_client], self.seq[not from_client]
        t = struct.pack("!HHIIBBHHH", sp, dp, seq, ack, 0x50, 0x18, 65535,
                        0, 0) + data
        ph = src + dst + struct.pack("!BBH", 0, 6, len(t))
        t = t[:16] + struct.pack("!H", csum(ph + t)) + t[18:]
        self.seq[from_client] += len(data)
        mac = (MS, MC) if from_client else (MC, MS)
        self.frames.append(mac[0] + mac[1] + b"\x08\x00" +
                           ipv4(src, dst, 6, t, len(self.frames) + 1))
        return self


def ftp_frames():
    c = Conn(40021, 21)
    c.send(False, b"220 strata FTP ready\r\n")
    c.send(True, b"USER anonymous\r\n")
    c.send(False, b"331 Guest login ok, send your email as password.\r\n")
    c.send(True, b"PASS guest@\r\n")
    c.send(False, b"230-Welcome\r\n230-  to strata\r\n230 Logged in.\r\n")
    c.send(True, b"PASV\r\n")
    c.send(False, b"227 Entering Passive Mode (198,18,0,2,195,80)\r\n")
    c.send(True, b"PORT 198,18,0,1,156,65\r\n")
    c.send(False, b"200 PORT command successful.\r\n")
    c.send(True, b"EPSV\r\n")
    c.send(False, b"229 Entering Extended Passive Mode (|||50001|)\r\n")
    c.send(True, b"EPRT |1|198.18.0.1|40100|\r\n")
    c.send(True, b"RETR odd\x1b[31mname.txt\r\n")
    c.send(False, b"550 odd\x1b[31mname.txt: No such file\r\n")
    c.send(True, b"STOR cut-short-with")
    return c.frames


def name_list(names):
    b = ",".join(names).encode()
    return struct.pack("!I", len(b)) + b


def ssh_packet(payload, block=8):
    pad = block - (len(payload) + 5) % block
    if pad < 4:
        pad += block
    return struct.pack("!IB", len(payload) + pad + 1, pad) + payload + \
        bytes(pad)


def ssh_frames():
    c = Conn(40022, 22)
    c.send(False, b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n")
    c.send(True, b"SSH-2.0-strata_test\r\n")
    kex = b"\x14" + bytes(range(16)) + b"".join(name_list(n) for n in [
        ["curve25519-sha256", "ecdh-sha2-nistp256"], ["ssh-ed25519"],
        ["chacha20-poly1305@openssh.com"], ["chacha20-poly1305@openssh.com"],
        ["umac-64-etm@openssh.com"], ["umac-64-etm@openssh.com"],
        ["none", "zlib@openssh.com"], ["none"], [], []]) + b"\x00" + \
        bytes(4)
    c.send(True, ssh_packet(kex))
    c.send(True, ssh_packet(b"\x1e" + struct.pack("!I", 32) + bytes(32)))
    c.send(False, ssh_packet(b"\x15"))
    c.send(True, bytes.fromhex("8e1f2a3b") + bytes(range(60)))
    return c.frames


def mbap(tid, unit, pdu):
    return struct.pack("!HHHB", tid, 0, len(pdu) + 1, unit) + pdu


def modbus_frames():
    c = Conn(40502, 502)
    c.send(True, mbap(1, 1, struct.pack("!BHH", 3, 0x006b, 3)))
    c.send(False, mbap(1, 1, b"\x03\x06" + struct.pack("!HHH", 0x022b, 0,
                                                       0x0064)))
    c.send(True, mbap(2, 1, struct.pack("!BHH", 6, 1, 3)))
    c.send(False, mbap(2, 1, struct.pack("!BHH", 6, 1, 3)))
    c.send(True, mbap(3, 17, struct.pack("!BHH", 1, 0x0013, 0x0025)))
    c.send(False, mbap(3, 17, b"\x81\x02"))
    return c.frames


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    write(os.path.join(d, "appfiles-ftp.pcap"), ftp_frames())
    write(os.path.join(d, "appfiles-ssh.pcap"), ssh_frames())
    write(os.path.join(d, "appfiles-modbus.pcap"), modbus_frames())


main()
