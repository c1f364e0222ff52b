#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the appind captures (industrial and Windows-network protocols):
TCP exchanges built by hand between 198.18.0.1 (client) and 198.18.0.2
(server), the same every time (no PLC or file server here).  Each segment
is one frame; sequence numbers follow the bytes sent.

usage: make-appind.py DIR
  appind-modbus.pcap  Modbus/TCP: read coils and its response, write
                      multiple coils and registers, write single coil,
                      mask write, read device identification and its
                      objects, an exception, two messages in one segment,
                      and a message whose length runs past its segment
  appind-tpkt.pcap    TPKT and COTP on port 102: a connect request with
                      TSAPs and TPDU size, its confirm, data (S7comm's
                      setup), a data TPDU split over two segments (the
                      second is continuation), an RDP connect request on
                      3389 with its cookie and negotiation, a disconnect
  appind-smb2.pcap    a NetBIOS session request and its positive answer
                      on 139; then SMB2 on 445: negotiate and its answer,
                      tree connect to \\\\srv\\share, create of
                      dir\\file.txt and its answer, read, write, close,
                      an error response, and two chained commands
  appind-dcerpc.pcap  DCE/RPC on 135: bind to the endpoint mapper, its
                      bind-ack, a request (opnum 3) and its response, a
                      request with an NTLMSSP trailer, and a fault
  appind-rpc.pcap     ONC RPC: a portmapper GETPORT call for mount over
                      UDP 111 and its reply, an NFS v3 GETATTR call with
                      AUTH_UNIX over TCP 2049 and its reply, a mount call
                      on the port the portmapper gave (found by content)
  appind-nbns.pcap    NetBIOS name service on UDP 137: a broadcast query
                      for FILESRV<20>, its answer (a pointer to the name,
                      an NB record), a registration of a group name;
                      and a NetBIOS datagram on UDP 138: a browser
                      announcement broadcast from CLIENT<00> to
                      WORKGROUP<1d> (its SMB header; the mailslot body
                      as data)
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


def mbap(tid, unit, pdu, extra=0):
    return struct.pack("!HHHB", tid, 0, len(pdu) + 1 + extra, unit) + pdu


def modbus_frames():
    c = Conn(40502, 502)
    # read coils 19..28, and its answer (10 coils in 2 bytes)
    c.send(True, mbap(1, 1, bytes.fromhex("01" "0013" "000a")))
    c.send(False, mbap(1, 1, bytes.fromhex("01" "02" "cd01")))
    # write multiple coils at 19: 10 coils; its answer
    c.send(True, mbap(2, 1, bytes.fromhex("0f" "0013" "000a" "02" "cd01")))
    c.send(False, mbap(2, 1, bytes.fromhex("0f" "0013" "000a")))
    # write multiple registers at 1: 2 registers; its answer
    c.send(True, mbap(3, 1, bytes.fromhex("10" "0001" "0002" "04"
                                          "000a" "0102")))
    c.send(False, mbap(3, 1, bytes.fromhex("10" "0001" "0002")))
    # write single coil 172 on; mask write register 4
    c.send(True, mbap(4, 1, bytes.fromhex("05" "00ac" "ff00")))
    c.send(True, mbap(5, 1, bytes.fromhex("16" "0004" "00f2" "0025")))
    # read device identification (basic) and its answer: two objects
    c.send(True, mbap(6, 255, bytes.fromhex("2b" "0e" "01" "00")))
    c.send(False, mbap(6, 255, bytes.fromhex("2b" "0e" "01" "01" "00" "00"
                                             "02") + b"\x00\x06strata"
           + b"\x01\x03ST1"))
    # an exception: illegal data address
    c.send(False, mbap(7, 1, bytes.fromhex("83" "02")))
    # two requests in one segment
    c.send(True, mbap(8, 1, bytes.fromhex("03" "006b" "0003")) +
           mbap(9, 1, bytes.fromhex("04" "0000" "0001")))
    # a response whose length says more than the segment holds
    c.send(False, mbap(10, 1, bytes.fromhex("03" "04" "0001"), extra=2))
    return c.frames


def tpkt(tpdu):
    return struct.pack("!BBH", 3, 0, len(tpdu) + 4) + tpdu


def tpkt_frames():
    c = Conn(40102, 102)
    # CR: dst-ref 0, src-ref 0x0001, class 0; TPDU size 1024, TSAPs
    c.send(True, tpkt(bytes.fromhex("11" "e0" "0000" "0001" "00"
                                    "c0010a" "c1020100" "c2020102")))
    c.send(False, tpkt(bytes.fromhex("11" "d0" "0001" "4431" "00"
                                     "c0010a" "c1020100" "c2020102")))
    # DT, last unit: S7comm's setup communication as user data
    c.send(True, tpkt(bytes.fromhex("02" "f0" "80") + bytes.fromhex(
        "32010000000000080000f0000001000101e0")))
    # a data TPDU of 40 bytes split over two segments
    dt = tpkt(bytes.fromhex("02" "f0" "80") + bytes(range(33)))
    c.send(False, dt[:20])
    c.send(False, dt[20:])
    # DR: normal disconnect
    c.send(True, tpkt(bytes.fromhex("06" "80" "4431" "0001" "80")))
    r = Conn(40389, 3389)
    cookie = b"Cookie: mstshash=strata\r\n"
    neg = bytes.fromhex("01" "00" "0800" "03000000")
    cr = bytes.fromhex("e0" "0000" "0000" "00") + cookie + neg
    r.send(True, tpkt(bytes([len(cr)]) + cr))
    return c.frames + r.frames


def nbname(name, suffix):
    n = name.ljust(15).encode() + bytes([suffix])
    return b"\x20" + bytes(c for b in n for c in (65 + (b >> 4),
                                                   65 + (b & 15))) + b"\0"


def nbss(msg, typ=0):
    return struct.pack("!BBH", typ, 0, len(msg)) + msg


def smb2(cmd, mid, body, resp=False, status=0, tid=0, sid=0, nxt=0):
    flags = 1 if resp else 0
    mid8 = struct.pack("<Q", mid)
    if resp:
        st = struct.pack("<I", status)
        cred = 1
    else:
        st = b"\0\0\0\0"
        cred = 31
    return (b"\xfeSMB" + struct.pack("<HH", 64, 1) + st +
            struct.pack("<HHII", cmd, cred, flags, nxt) + mid8 +
            struct.pack("<IIQ", 0xfeff, tid, sid) + bytes(16) + body)


def utf16(s):
    return s.encode("utf-16-le")


FID = bytes.fromhex("0102030405060708090a0b0c0d0e0f10")


def smb2_frames():
    n = Conn(40139, 139)
    n.send(True, nbss(nbname("FILESRV", 0x20) + nbname("CLIENT", 0), 0x81))
    n.send(False, nbss(b"", 0x82))
    c = Conn(40445, 445)
    guid = bytes(range(16))
    c.send(True, nbss(smb2(0, 0, struct.pack("<HHHHI", 36, 2, 1, 0, 0x7f)
                           + guid + bytes(8) +
                           struct.pack("<HH", 0x0210, 0x0311))))
    c.send(False, nbss(smb2(0, 0, struct.pack("<HHHH", 65, 1, 0x0311, 0) +
                            guid[::-1] + struct.pack("<I", 0x2f) +
                            bytes(36), resp=True)))
    path = utf16("\\\\srv\\share")
    c.send(True, nbss(smb2(3, 2, struct.pack("<HHHH", 9, 0, 72, len(path))
                           + path, sid=7)))
    c.send(False, nbss(smb2(3, 2, struct.pack("<HBBIII", 16, 1, 0, 0, 0,
                                              0x1f01ff), resp=True, tid=5,
                            sid=7)))
    name = utf16("dir\\file.txt")
    c.send(True, nbss(smb2(5, 3, struct.pack("<HBBIQQIIIII", 57, 0, 0, 2,
                                             0, 0, 0x12019f, 0x80, 7, 1,
                                             0x40) +
                           struct.pack("<HHII", 120, len(name), 0, 0) +
                           name, tid=5, sid=7)))
    c.send(False, nbss(smb2(5, 3, struct.pack("<HBBI", 89, 0, 0, 2) +
                            bytes(32) + struct.pack("<QQII", 4096, 10,
                                                    0x20, 0) + FID +
                            bytes(8), resp=True, tid=5, sid=7)))
    c.send(True, nbss(smb2(8, 4, struct.pack("<HBBIQ", 49, 0, 0, 65536, 0)
                           + FID + struct.pack("<IIIHH", 1, 0, 0, 0, 0) +
                           b"\0", tid=5, sid=7)))
    c.send(True, nbss(smb2(9, 5, struct.pack("<HHIQ", 49, 112, 5, 10) +
                           FID + struct.pack("<IIHHI", 0, 0, 0, 0, 0) +
                           b"hello", tid=5, sid=7)))
    c.send(True, nbss(smb2(6, 6, struct.pack("<HHI", 24, 0, 0) + FID,
                           tid=5, sid=7)))
    c.send(False, nbss(smb2(5, 7, struct.pack("<HBBI", 9, 0, 0, 0) + b"\0",
                            resp=True, status=0xc0000034, tid=5, sid=7)))
    first = smb2(13, 8, struct.pack("<HH", 4, 0), nxt=72)
    c.send(True, nbss(first + bytes(72 - len(first)) +
                      smb2(13, 9, struct.pack("<HH", 4, 0))))
    return n.frames + c.frames


def co(ptype, call, body, flags=3, auth=b""):
    n = 16 + len(body) + len(auth)
    return struct.pack("<BBBB4sHHI", 5, 0, ptype, flags,
                       b"\x10\0\0\0", n, max(len(auth) - 8, 0),
                       call) + body + auth


EPM = bytes.fromhex("083afbe2bd2a1d4d8f3dd3c4c5d2a7a6")  # not a real UUID
NDR = bytes.fromhex("045d888aeb1cc9119fe808002b10486002000000")


def dcerpc_frames():
    c = Conn(40135, 135)
    c.send(True, co(11, 1, struct.pack("<HHIB3s", 5840, 5840, 0, 1,
                                       bytes(3)) +
                    struct.pack("<HBB", 0, 1, 0) + EPM +
                    struct.pack("<HH", 3, 0) + NDR))
    c.send(False, co(12, 1, struct.pack("<HHIH", 5840, 5840, 0x1234, 4) +
                     b"135\0" + bytes(2) + struct.pack("<B3s", 1, bytes(3))
                     + struct.pack("<HH", 0, 0) + NDR))
    c.send(True, co(0, 2, struct.pack("<IHH", 8, 0, 3) + bytes(8)))
    c.send(False, co(2, 2, struct.pack("<IHBB", 8, 0, 0, 0) + bytes(8)))
    c.send(True, co(0, 3, struct.pack("<IHH", 8, 0, 3) + bytes(8),
                    auth=struct.pack("<BBBBI", 10, 6, 0, 0, 1) +
                    bytes(16)))
    c.send(False, co(3, 4, struct.pack("<IHBBI", 32, 0, 0, 0, 0x1c010002)
                     + bytes(4)))
    return c.frames


def udp_frame(from_client, sport, dport, data, ident):
    src, dst = (C, S) if from_client else (S, C)
    u = struct.pack("!HHHH", sport, dport, 8 + len(data), 0) + data
    ph = src + dst + struct.pack("!BBH", 0, 17, len(u))
    u = u[:6] + struct.pack("!H", csum(ph + u) or 0xffff) + u[8:]
    mac = (MS, MC) if from_client else (MC, MS)
    return mac[0] + mac[1] + b"\x08\x00" + ipv4(src, dst, 17, u, ident)


def auth_unix(name, uid, gid, gids):
    n = name.encode()
    body = struct.pack("!II", 0x5eed, len(n)) + n + bytes(-len(n) % 4) + \
        struct.pack("!III", uid, gid, len(gids)) + \
        b"".join(struct.pack("!I", g) for g in gids)
    return struct.pack("!II", 1, len(body)) + body


def rpc_call(xid, prog, vers, proc, cred, args):
    return struct.pack("!IIIIII", xid, 0, 2, prog, vers, proc) + cred + \
        struct.pack("!II", 0, 0) + args


def rpc_reply(xid, results):
    return struct.pack("!IIIIII", xid, 1, 0, 0, 0, 0) + results


def mark(msg):
    return struct.pack("!I", 0x80000000 | len(msg)) + msg


def rpc_frames():
    null = struct.pack("!II", 0, 0)
    frames = [
        udp_frame(True, 40111, 111, rpc_call(0x1001, 100000, 2, 3, null,
                  struct.pack("!IIII", 100005, 3, 17, 0)), 1),
        udp_frame(False, 111, 40111, rpc_reply(0x1001,
                  struct.pack("!I", 20048)), 2),
    ]
    c = Conn(40720, 2049)
    fh = struct.pack("!I", 8) + bytes(range(8))
    c.send(True, mark(rpc_call(0x2002, 100003, 3, 1,
                               auth_unix("client", 1000, 100, [10, 20]),
                               fh)))
    c.send(False, mark(rpc_reply(0x2002, struct.pack("!I", 0) +
                                 bytes(84))))
    frames += c.frames
    frames.append(udp_frame(True, 40112, 20048, rpc_call(
        0x3003, 100005, 3, 5, auth_unix("client", 0, 0, []),
        b""), 9))
    return frames


def nbns_frames():
    q = struct.pack("!HHHHHH", 0x8d40, 0x0110, 1, 0, 0, 0) + \
        nbname("FILESRV", 0x20)[:34] + struct.pack("!HH", 32, 1)
    a = struct.pack("!HHHHHH", 0x8d40, 0x8500, 0, 1, 0, 0) + \
        nbname("FILESRV", 0x20)[:34] + struct.pack("!HHIH", 32, 1, 300000,
                                                   6) + \
        struct.pack("!H4s", 0x6000, bytes([198, 18, 0, 2]))
    r = struct.pack("!HHHHHH", 0x8d41, 0x2910, 1, 0, 0, 1) + \
        nbname("WORKGROUP", 0x00)[:34] + struct.pack("!HH", 32, 1) + \
        b"\xc0\x0c" + struct.pack("!HHIH", 32, 1, 300000, 6) + \
        struct.pack("!H4s", 0xe000, bytes([198, 18, 0, 1]))
    body = b"\xffSMB%" + bytes(28)
    dg = struct.pack("!BBH4sHHH", 0x11, 0x0e, 0x1234, C, 138,
                     2 * 34 + len(body), 0) + nbname("CLIENT", 0x00) + \
        nbname("WORKGROUP", 0x1d) + body
    return [udp_frame(True, 137, 137, q, 1),
            udp_frame(False, 137, 137, a, 2),
            udp_frame(True, 137, 137, r, 3),
            udp_frame(True, 138, 138, dg, 4)]


def write(path, frames):
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
        for i, fr in enumerate(frames):
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                len(fr)))
            f.write(fr)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(__file__)
    write(os.path.join(d, "appind-modbus.pcap"), modbus_frames())
    write(os.path.join(d, "appind-tpkt.pcap"), tpkt_frames())
    write(os.path.join(d, "appind-smb2.pcap"), smb2_frames())
    write(os.path.join(d, "appind-dcerpc.pcap"), dcerpc_frames())
    write(os.path.join(d, "appind-rpc.pcap"), rpc_frames())
    write(os.path.join(d, "appind-nbns.pcap"), nbns_frames())


if __name__ == "__main__":
    main()
