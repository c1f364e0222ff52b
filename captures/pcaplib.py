# SPDX-License-Identifier: BSD-3-Clause
"""What the capture scripts share: Internet checksums, IPv4/IPv6 and UDP
packets, TCP connections after their handshake, and writing a classic
pcap file (Ethernet, microsecond stamps one second apart).

Addresses are test addresses: 198.18.0.1 (client) and 198.18.0.2
(server), 2001:db8::1 and 2001:db8::2, and locally administered MACs.
"""
import struct

C, S = bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2])
C6 = bytes.fromhex("20010db8000000000000000000000001")
S6 = bytes.fromhex("20010db8000000000000000000000002")
MC, MS = bytes.fromhex("020000000001"), bytes.fromhex("020000000002")


def csum(b):
    """The Internet checksum (RFC 1071) of b."""
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src, dst, proto, payload, ident=1):
    """An IPv4 packet, DF set, TTL 64, its header checksum right."""
    h = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident,
                    0x4000, 64, proto, 0, src, dst)
    return h[:10] + struct.pack("!H", csum(h)) + h[12:] + payload


def ipv6(src, dst, nh, payload):
    """An IPv6 packet, hop limit 64."""
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), nh, 64,
                       src, dst) + payload


def pseudo(src, dst, proto, length):
    """The pseudo-header the TCP/UDP checksum covers (IPv4 or IPv6)."""
    if len(src) == 4:
        return src + dst + struct.pack("!BBH", 0, proto, length)
    return src + dst + struct.pack("!IxxxB", length, proto)


def udp(src, dst, sp, dp, payload):
    """A UDP datagram with its checksum right (0 becomes 0xffff)."""
    u = struct.pack("!HHHH", sp, dp, 8 + len(payload), 0) + payload
    ck = csum(pseudo(src, dst, 17, len(u)) + u) or 0xFFFF
    return u[:6] + struct.pack("!H", ck) + u[8:]


def ether(dst_mac, src_mac, etype, payload):
    return dst_mac + src_mac + struct.pack("!H", etype) + payload


def udp_frame(from_client, sp, dp, payload, ident=1, v6=False):
    """An Ethernet frame of a UDP datagram client->server or back."""
    if v6:
        src, dst = (C6, S6) if from_client else (S6, C6)
        ip = ipv6(src, dst, 17, udp(src, dst, sp, dp, payload))
        et = 0x86DD
    else:
        src, dst = (C, S) if from_client else (S, C)
        ip = ipv4(src, dst, 17, udp(src, dst, sp, dp, payload), ident)
        et = 0x0800
    mac = (MS, MC) if from_client else (MC, MS)
    return ether(mac[0], mac[1], et, ip)


class Conn:
    """One TCP connection after its handshake: segments both ways, into
    a frame list that several connections may share (their order)."""

    def __init__(self, cport, sport, frames):
        self.cport, self.sport = cport, sport
        self.seq = {True: 1000, False: 5000}
        self.frames = frames

    def send(self, from_client, data, seq=None, flags=0x18, opts=b""):
        """A segment of data (PSH ACK); seq given: sent at that sequence
        number (a retransmission, a segment out of order), the
        connection's own numbers left as they are.  opts: TCP options,
        padded with NOPs to a multiple of 4 bytes."""
        opts += b"\x01" * (-len(opts) % 4)
        src, dst = (C, S) if from_client else (S, C)
        sp, dp = (self.cport, self.sport) if from_client else \
            (self.sport, self.cport)
        ack = self.seq[not from_client]
        if seq is None:
            seq = self.seq[from_client]
            self.seq[from_client] += len(data) + (flags & 0x03 != 0)
        t = struct.pack("!HHIIBBHHH", sp, dp, seq & 0xFFFFFFFF,
                        ack & 0xFFFFFFFF, (5 + len(opts) // 4) << 4, flags,
                        65535, 0, 0) + opts + data
        ph = pseudo(src, dst, 6, len(t))
        t = t[:16] + struct.pack("!H", csum(ph + t)) + t[18:]
        mac = (MS, MC) if from_client else (MC, MS)
        self.frames.append(ether(mac[0], mac[1], 0x0800,
                                 ipv4(src, dst, 6, t, len(self.frames) + 1)))
        return self

    def handshake(self):
        """SYN, SYN-ACK and ACK, before the data: the numbers go back one
        so that the data still starts at 1000 and 5000."""
        self.seq[True] -= 1
        self.seq[False] -= 1
        self.send(True, b"", flags=0x02)
        self.send(False, b"", flags=0x12)
        return self.send(True, b"", flags=0x10)


def fragment4(frame, at):
    """An Ethernet frame of an IPv4 packet (20-byte header) cut into two
    fragments, the first with `at` bytes of its payload (a multiple of 8)."""
    eth, ip = frame[:14], frame[14:]
    pay = ip[20:]
    out = []
    for off, part, mf in ((0, pay[:at], 1), (at, pay[at:], 0)):
        h = bytearray(ip[:20])
        h[2:4] = struct.pack("!H", 20 + len(part))
        h[6:8] = struct.pack("!H", (mf << 13) | (off // 8))
        h[10:12] = b"\0\0"
        h[10:12] = struct.pack("!H", csum(bytes(h)))
        out.append(eth + bytes(h) + part)
    return out


def write(path, frames, linktype=1):
    """A classic pcap file, one frame a second from 1700000000.  A frame
    given as (bytes, n) was n bytes on the wire, cut by the capture."""
    with open(path, "wb") as f:
        f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535,
                            linktype))
        for i, fr in enumerate(frames):
            fr, wire = fr if isinstance(fr, tuple) else (fr, len(fr))
            f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr),
                                wire))
            f.write(fr)


def ip_frame(from_client, proto, make, ident=1, v6=False):
    """An Ethernet frame of an IP packet of protocol proto client->server
    or back; make(src, dst) returns its payload (it may checksum over the
    addresses)."""
    if v6:
        src, dst = (C6, S6) if from_client else (S6, C6)
        ip = ipv6(src, dst, proto, make(src, dst))
        et = 0x86DD
    else:
        src, dst = (C, S) if from_client else (S, C)
        ip = ipv4(src, dst, proto, make(src, dst), ident)
        et = 0x0800
    mac = (MS, MC) if from_client else (MC, MS)
    return ether(mac[0], mac[1], et, ip)


def crc32c(b):
    """CRC32c (Castagnoli), as SCTP sums a packet (RFC 9260 appendix B)."""
    crc = 0xFFFFFFFF
    for x in b:
        crc ^= x
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF


def sctp_data_frame(from_client, sp, dp, ppid, payload, tsn=1, vtag=1):
    """An Ethernet frame of an SCTP packet of one DATA chunk (B and E
    set, stream 0) carrying payload of protocol ppid, its CRC32c right."""
    chunk = struct.pack("!BBHIHHI", 0, 3, 16 + len(payload), tsn, 0, 0,
                        ppid) + payload
    chunk += b"\0" * ((4 - len(chunk) % 4) % 4)
    pkt = struct.pack("!HHII", sp, dp, vtag, 0) + chunk
    pkt = pkt[:8] + struct.pack("<I", crc32c(pkt)) + pkt[12:]
    src, dst = (C, S) if from_client else (S, C)
    mac = (MS, MC) if from_client else (MC, MS)
    return ether(mac[0], mac[1], 0x0800, ipv4(src, dst, 132, pkt))
