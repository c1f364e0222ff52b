#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the tail16c family's captures: frames built by hand between
198.18.0.1 (client) and 198.18.0.2 (servers), the same every time (no AFS
server here, and the script must need no privileges).

usage: make-tail16c.py DIR
  tail16c-afs.pcap  AFS over RX (UDP 7000-7005): file server fetch-status
                    call and reply (status, callback, volume sync),
                    makedir (a name, a store status with its mask) and its
                    reply (new file ID, two statuses), symlink with a name
                    of four characters (no padding after it), fetch-data and its reply with data, then
                    the reply's second packet (no body: sequence 2);
                    give-up-callbacks (arrays of file IDs and callbacks);
                    a callback call from the file server to the client;
                    volume location get-entry-by-name and its reply (an
                    entry of two servers); protection name-to-id and
                    id-to-name with replies; volume server
                    list-one-volume and its reply; a Ubik vote-beacon; an
                    encrypted call (opcode beyond 66000); a reply to no
                    call seen; and a reply cut by the capture
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

EPOCH = 0x3a2f1c00
CID = 0x1b55a05c


def rx(call, seq, client, body, last=True, service=1, serial=1, cid=CID):
    """An RX data packet: client-initiated flag from client, last-packet
    flag from last."""
    flags = (1 if client else 0) | (4 if last else 0)
    return struct.pack("!IIIIIBBBBHH", EPOCH, cid, call, seq, serial, 1,
                       flags, 0, 2, 0, service) + body


def w(*vals):
    return b"".join(struct.pack("!I", v & 0xFFFFFFFF) for v in vals)


def xstr(s):
    """An XDR string: length, bytes, padding to a word."""
    b = s.encode()
    return w(len(b)) + b + b"\0" * (-len(b) % 4)


def vname(s, n):
    """A name as one word per character, n words."""
    return w(*[ord(c) for c in s] + [0] * (n - len(s)))


FID = w(536871098, 846, 1049757)
STATUS = w(1, 2, 3, 2048, 5, 1, 20430, 127, 9, 0o755, 1, 1, 0,
           915685803, 915685804, 5000, 0, 0, 0, 0, 0)
CALLBACK = w(1, 7200, 2)
VOLSYNC = w(859853843, 0, 0, 0, 0, 0)
STORE = w(0x0b, 915685803, 20430, 5000, 0o755, 0)


def frames():
    out = []

    def call(port, callno, body, reply, cport=7001, service=1, rseq=1):
        out.append(pcaplib.udp_frame(True, cport, port,
                                     rx(callno, 1, True, body,
                                        service=service)))
        if reply is not None:
            out.append(pcaplib.udp_frame(False, port, cport,
                                         rx(callno, rseq, False, reply,
                                            service=service)))

    # the file server
    call(7000, 290, w(132) + FID, STATUS + CALLBACK + VOLSYNC)
    call(7000, 291, w(141) + FID + xstr("newdir") + STORE,
         w(536871098, 900, 1049800) + STATUS + STATUS + CALLBACK + VOLSYNC)
    call(7000, 292, w(139) + FID + xstr("link") + xstr("target") + STORE,
         w(536871098, 901, 1049801))
    call(7000, 293, w(130) + FID + w(0, 4096),
         STATUS + CALLBACK + VOLSYNC + b"hello, afs\n")
    out[-1] = pcaplib.udp_frame(False, 7000, 7001, rx(
        293, 1, False, STATUS + CALLBACK + VOLSYNC + b"hello, afs\n",
        last=False))
    out.append(pcaplib.udp_frame(False, 7000, 7001,
                                 rx(293, 2, False, b"more data\n")))
    call(7000, 294, w(147, 2) + FID + w(536871098, 847, 1049758) +
         w(2) + CALLBACK + CALLBACK, b"")
    # the file server calls the client's callback service
    out.append(pcaplib.udp_frame(False, 7000, 7001, rx(
        1165, 1, True, w(204, 1) + FID + w(1) + w(1, 915700000, 1),
        cid=0xdfdc7cf8)))
    # volume location, protection and volume servers
    entry = (vname("root.cell", 65) + w(0, 2) +
             w(0xC6120002, 0xC6120003, 0, 0, 0, 0, 0, 0) +
             w(0, 1, 0, 0, 0, 0, 0, 0) + w(0) * 8 +
             w(536870915, 536870916, 536870917, 0, 0x7000))
    call(7003, 1, w(504) + xstr("root.cell"), entry, cport=1792,
         service=52)
    call(7002, 5, w(504, 2) + vname("admin", 64) + vname("anonymous", 64),
         w(2, 1, 32766), cport=1799, service=73)
    call(7002, 6, w(505, 2, 1, 32766),
         w(2) + vname("admin", 64) + vname("anonymous", 64), cport=1799,
         service=73)
    call(7005, 1, w(121, 1, 536870915),
         w(1) + vname("root.cell", 32), cport=1792, service=4)
    # Ubik, an encrypted call, a reply to no call seen
    call(7003, 2, w(10000, 1, 915685803, 915685000, 7, 915685000, 9), None,
         cport=1792, service=52)
    call(7000, 295, w(0x8a91f3c2, 0x11223344), None)
    out.append(pcaplib.udp_frame(False, 7000, 7001,
                                 rx(999, 1, False, w(0, 1))))
    # a volume location reply cut by the capture
    call(7003, 3, w(504) + xstr("root.afs"), entry, cport=1792,
         service=52)
    out[-1] = (out[-1][:200], len(out[-1]))
    return out


def ipoib_frames():
    gid_d = bytes.fromhex("fe800000000000000010e000664ab451")
    gid_s = bytes.fromhex("fe800000000000000010e000664ab452")
    uni = (b"\0" * 20 + b"\0" + bytes.fromhex("000550") + gid_d +
           struct.pack("!HH", 0x0800, 0))
    ip4 = pcaplib.ipv4(pcaplib.C, pcaplib.S, 17, pcaplib.udp(
        pcaplib.C, pcaplib.S, 4000, 4001, b"over infiniband"))
    grh = (struct.pack("!I", 6 << 28 | 0x2a << 20 | 0x12345) +
           b"\0" + bytes.fromhex("000661") + gid_s + gid_d +
           struct.pack("!HH", 0x86DD, 0))

    def echo(src, dst):
        e = struct.pack("!BBHHH", 128, 0, 0, 7, 1) + b"ping"
        ck = pcaplib.csum(pcaplib.pseudo(src, dst, 58, len(e)) + e)
        return e[:2] + struct.pack("!H", ck) + e[4:]
    ip6 = pcaplib.ipv6(pcaplib.C6, pcaplib.S6, 58, echo(pcaplib.C6,
                                                         pcaplib.S6))
    # grh's bytes 4..8: payload length, next header, hop limit in a real
    # GRH; Wireshark reads the source QPN from bytes 5..8
    return [uni + ip4, grh + ip6, (grh[:30], len(grh) + len(ip6))]


def ndp_frames():
    def hello(pid, ip, seg, state):
        body = ip + seg.to_bytes(3, "big") + bytes([131, 12, state, 1])
        llc = bytes.fromhex("aaaa03000081") + struct.pack("!H", pid)
        f = (bytes.fromhex("010081000100") + bytes.fromhex("0011223344aa") +
             struct.pack("!H", len(llc + body)) + llc + body)
        return f + b"\0" * (60 - len(f))
    seg = hello(0x01a2, bytes([198, 18, 0, 1]), 0x115, 2)
    return [seg, hello(0x01a1, bytes([198, 18, 0, 2]), 0x201, 3),
            (seg[:27], 60)]


def vsock_frames():
    def frame(src, dst, op, vop, data=b""):
        virtio = struct.pack("<QQIIIHHIII", src[0], dst[0], src[1], dst[1],
                             len(data), 1, vop, 0, 262144, 0)
        return struct.pack("<QQIIHHHH", src[0], dst[0], src[1], dst[1], op,
                           2, len(virtio), 0) + virtio + data
    vm, host = (3, 1024), (2, 1234)
    pay = frame(vm, host, 4, 5, b"Hello\n")
    return [frame(vm, host, 1, 1), frame(host, vm, 1, 2), pay,
            frame(vm, host, 2, 4), (pay[:50], len(pay))]


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    pcaplib.write(os.path.join(d, "tail16c-afs.pcap"), frames())
    pcaplib.write(os.path.join(d, "tail16c-ipoib.pcap"), ipoib_frames(),
                  linktype=242)
    pcaplib.write(os.path.join(d, "tail16c-ndp.pcap"), ndp_frames())
    pcaplib.write(os.path.join(d, "tail16c-vsock.pcap"), vsock_frames(),
                  linktype=271)


if __name__ == "__main__":
    main()
