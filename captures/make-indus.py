#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Industrial control protocols, written frame by frame (pcaplib):

s7comm.pcap  S7comm in COTP data over TPKT (TCP 102): setup communication
             and its ack-data, read var of two S7ANY items (a data block
             and the flags) and the ack-data with one item's data and one
             item's error, write var and its ack-data, PLC stop, an
             ack-data refusing with an error class and code, a userdata
             request (CPU functions, read SZL), a read's answer with an
             odd length (a fill byte) and an invalid address, an ack
             with an error, a job of a function shown as bytes, and a
             job cut short by the capture.
enip.pcap    EtherNet/IP (TCP 44818): Register Session both ways, Send
             RR Data carrying CIP (Get Attribute Single of Identity and
             its answers, success and "path destination unknown" with an
             additional status; 16-bit class, instance and attribute;
             Set Attribute Single with data; a path through backplane
             port 1), List Identity and List Services with their
             answers, Send Unit Data with a connected address and data
             item, Unregister Session, a Send RR Data cut by the
             capture; List Identity on UDP 44818 and its answer.
iec104.pcap  IEC 60870-5-104 (TCP 2404): STARTDT and TESTFR act and con,
             an S-format acknowledgement, a general interrogation and its
             confirmation, single and double points (two APDUs in one
             segment), measured values normalized, scaled and float
             (with quality bits), time-tagged points and a float with
             CP56Time2a, a sequence (SQ) of two floats, single and
             double commands and a negative confirmation, a clock
             synchronisation, an ASDU whose objects run past it, and an
             APDU cut by the capture.
opcua.pcap   OPC UA binary (TCP 4840): Hello and Acknowledge, an
             OpenSecureChannel request with policy None, MSG chunks whose
             service type is a four-byte, a numeric and a two-byte NodeId
             (ReadRequest, WriteRequest, 97), CloseSecureChannel, an
             Error, a chunk that runs past its segment and a Hello cut
             by the capture.
pndcp.pcap   PROFINET DCP (EtherType 0x8892): an Identify All request
             and the answer (name of station, IP, device ID, vendor
             value), a Set of the name of station and its answer, a Get
             of IP and name and its answer, a Hello, and an answer cut
             by the capture.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def s7(rosctr, ref, param, data=b"", err=None):
    """An S7comm PDU: header (with error class and code in an ack or
    ack-data), parameter and data."""
    h = struct.pack("!BBHHHH", 0x32, rosctr, 0, ref, len(param), len(data))
    if rosctr in (2, 3):
        h += bytes(err or (0, 0))
    return h + param + data


def tpkt_dt(pdu):
    """TPKT and a COTP DT (class 0, last unit) around pdu."""
    cotp = b"\x02\xf0\x80" + pdu
    return struct.pack("!BBH", 3, 0, 4 + len(cotp)) + cotp


def item(tsize, count, db, area, byte, bit=0):
    """An S7ANY address item."""
    return struct.pack("!BBBBHHB", 0x12, 0x0a, 0x10, tsize, count, db,
                       area) + ((byte << 3 | bit).to_bytes(3, "big"))


def s7comm(out):
    frames = []
    c = pcaplib.Conn(49152, 102, frames)
    c.handshake()
    setup = b"\xf0\x00" + struct.pack("!HHH", 1, 1, 480)
    c.send(True, tpkt_dt(s7(1, 0x0100, setup)))
    c.send(False, tpkt_dt(s7(3, 0x0100, b"\xf0\x00" +
                             struct.pack("!HHH", 1, 1, 240))))
    c.send(True, tpkt_dt(s7(1, 0x0200, b"\x04\x02" +
                            item(0x02, 4, 1, 0x84, 0) +
                            item(0x01, 1, 0, 0x83, 10, 3))))
    c.send(False, tpkt_dt(s7(3, 0x0200, b"\x04\x02",
                             b"\xff\x04\x00\x20\x01\x02\x03\x04"
                             b"\x0a\x00\x00\x00")))
    c.send(True, tpkt_dt(s7(1, 0x0300, b"\x05\x01" +
                            item(0x04, 1, 2, 0x84, 16),
                            b"\x00\x04\x00\x10\xab\xcd")))
    c.send(False, tpkt_dt(s7(3, 0x0300, b"\x05\x01", b"\xff")))
    c.send(True, tpkt_dt(s7(1, 0x0400, b"\x29\x00\x00\x00\x00\x00\x09" +
                            b"P_PROGRAM")))
    c.send(False, tpkt_dt(s7(3, 0x0400, b"\x29", err=(0x81, 0x04))))
    c.send(True, tpkt_dt(s7(7, 0x0500, b"\x00\x01\x12\x04\x11\x44\x01"
                            b"\x00", b"\xff\x09\x00\x04\x00\x11\x00\x00")))
    c.send(False, tpkt_dt(s7(3, 0x0200, b"\x04\x02",
                             b"\xff\x04\x00\x18\x01\x02\x03\x00"
                             b"\x05\x00\x00\x00")))
    c.send(False, tpkt_dt(s7(2, 0x0700, b"", err=(0x85, 0x00))))
    c.send(True, tpkt_dt(s7(1, 0x0800, b"\x00\x01\x02\x03", b"\xaa")))
    c.send(True, tpkt_dt(s7(1, 0x0600, b"\x04\x01" +
                            item(0x02, 4, 1, 0x84, 0))))
    frames[-1] = (frames[-1][:-6], len(frames[-1]))
    pcaplib.write(os.path.join(out, "s7comm.pcap"), frames)


def encap(cmd, body, session=0, ctx=b"\x01\x02\x03\x04\x05\x06\x07\x08"):
    """An EtherNet/IP encapsulation header (little-endian) and body."""
    return struct.pack("<HHII8sI", cmd, len(body), session, 0, ctx,
                       0) + body


def cpf(items):
    """A Common Packet Format list of (type ID, data) items."""
    b = struct.pack("<H", len(items))
    for t, d in items:
        b += struct.pack("<HH", t, len(d)) + d
    return b


def identity():
    """A CIP Identity item's data: a ControlLogix at 198.18.0.2."""
    return (struct.pack("<H", 1) +
            struct.pack(">HH4s8s", 2, 44818, bytes([198, 18, 0, 2]),
                        bytes(8)) +
            struct.pack("<HHHBBHI", 1, 14, 0x36, 20, 11, 0x0030,
                        0xdeadbeef) + bytes([9]) + b"1756-L61/" +
            bytes([3]))


def enip(out):
    frames = []
    c = pcaplib.Conn(49153, 44818, frames)
    c.handshake()
    s = 0x12345678
    c.send(True, encap(0x65, struct.pack("<HH", 1, 0)))
    c.send(False, encap(0x65, struct.pack("<HH", 1, 0), session=s))

    def rr(from_client, cip):
        c.send(from_client, encap(0x6f, struct.pack("<IH", 0, 10) +
                                  cpf([(0, b""), (0xb2, cip)]), session=s))
    # Get Attribute Single, Identity instance 1 attribute 7: answers
    rr(True, bytes([0x0e, 0x03, 0x20, 0x01, 0x24, 0x01, 0x30, 0x07]))
    rr(False, bytes([0x8e, 0, 0, 0, 5]) + b"PLC-1")
    rr(False, bytes([0x8e, 0, 0x05, 0x01, 0x00, 0x00]))
    # 16-bit class and instance (TCP/IP Interface), Get Attributes All
    rr(True, bytes([0x01, 0x04, 0x21, 0x00, 0xf5, 0x00, 0x25, 0x00,
                    0x01, 0x00]))
    # a 16-bit attribute, Set Attribute Single with data
    rr(True, bytes([0x10, 0x04, 0x20, 0xf5, 0x24, 0x01, 0x31, 0x00,
                    0x01, 0x02, 0xaa, 0xbb]))
    # routed through backplane port 1, slot 0
    rr(True, bytes([0x0e, 0x04, 0x01, 0x00, 0x20, 0x01, 0x24, 0x01,
                    0x30, 0x01]))
    c.send(True, encap(0x63, b""))
    c.send(False, encap(0x63, cpf([(0x0c, identity())])))
    c.send(True, encap(0x04, b""))
    c.send(False, encap(0x04, cpf([(0x100, struct.pack("<HH", 1, 0x0120) +
                                    b"Communications\0\0")])))
    c.send(True, encap(0x70, struct.pack("<IH", 0, 0) + cpf([
        (0xa1, struct.pack("<I", 0x11223344)),
        (0xb1, struct.pack("<H", 5) + bytes([0x0e, 0x03, 0x20, 0x01, 0x24,
                                             0x01, 0x30, 0x01]))]),
        session=s))
    c.send(True, encap(0x66, b"", session=s))
    c.send(True, encap(0x6f, struct.pack("<IH", 0, 10) +
                       cpf([(0, b""), (0xb2, bytes([0x0e, 0x03, 0x20,
                                                    0x01, 0x24, 0x01,
                                                    0x30, 0x07]))]),
                       session=s))
    frames[-1] = (frames[-1][:-5], len(frames[-1]))
    frames.append(pcaplib.udp_frame(True, 49154, 44818,
                                    encap(0x63, b"", ctx=b"\xf4\x01" +
                                          bytes(6))))
    frames.append(pcaplib.udp_frame(False, 44818, 49154,
                                    encap(0x63, cpf([(0x0c, identity())]),
                                          ctx=b"\xf4\x01" + bytes(6))))
    pcaplib.write(os.path.join(out, "enip.pcap"), frames)


def apci_i(ns, nr, asdu):
    """An I-format APDU: send and receive numbers, then the ASDU."""
    return bytes([0x68, 4 + len(asdu)]) + struct.pack("<HH", ns << 1,
                                                      nr << 1) + asdu


def asdu(tid, objs, cot=3, sq=0, n=None, pn=0, ca=1):
    """An ASDU of type tid: its objects, cause, SQ and P/N."""
    n = len(objs) if n is None else n
    return bytes([tid, (sq << 7) | n, (pn << 6) | cot, 0]) + \
        struct.pack("<H", ca) + b"".join(objs)


def ioa(a):
    return struct.pack("<I", a)[:3]


def iec104(out):
    frames = []
    c = pcaplib.Conn(49155, 2404, frames)
    c.handshake()
    # 2024-11-01 (a Friday) 10:15:30.500
    cp56 = struct.pack("<HBBBBB", 30500, 15, 10, 0x01 | (5 << 5), 11, 24)
    c.send(True, bytes([0x68, 4, 0x07, 0, 0, 0]))
    c.send(False, bytes([0x68, 4, 0x0b, 0, 0, 0]))
    c.send(True, apci_i(0, 0, asdu(100, [ioa(0) + bytes([20])], cot=6)))
    c.send(False, apci_i(0, 1, asdu(100, [ioa(0) + bytes([20])], cot=7)))
    c.send(False, apci_i(1, 1, asdu(1, [ioa(1001) + b"\x01",
                                        ioa(1002) + b"\x80"], cot=20)) +
           apci_i(2, 1, asdu(3, [ioa(2001) + b"\x02"], cot=20)))
    c.send(False, apci_i(3, 1, asdu(9, [ioa(3001) + struct.pack(
        "<hB", -10923, 0)], cot=1)))
    c.send(False, apci_i(4, 1, asdu(11, [ioa(3002) + struct.pack(
        "<hB", -123, 0x10)])))
    c.send(False, apci_i(5, 1, asdu(13, [ioa(3003) + struct.pack(
        "<fB", 49.95, 0), ioa(3004) + struct.pack("<fB", 1234567.8,
                                                  0x81)])))
    c.send(False, apci_i(6, 1, asdu(30, [ioa(1001) + b"\x00" + cp56])))
    c.send(False, apci_i(7, 1, asdu(31, [ioa(2001) + b"\x01" + cp56])))
    c.send(False, apci_i(8, 1, asdu(36, [ioa(3003) + struct.pack(
        "<fB", -0.001, 0) + cp56])))
    c.send(False, apci_i(9, 1, asdu(13, [ioa(4000) + struct.pack(
        "<fB", 1.5, 0), struct.pack("<fB", 2.5, 0)], sq=1, cot=20)))
    c.send(True, bytes([0x68, 4, 1, 0]) + struct.pack("<H", 10 << 1))
    c.send(True, apci_i(1, 10, asdu(45, [ioa(5000) + b"\x81"], cot=6)))
    c.send(False, apci_i(10, 2, asdu(45, [ioa(5000) + b"\x81"], cot=7,
                                      pn=1)))
    c.send(True, apci_i(2, 11, asdu(46, [ioa(5001) + b"\x02"], cot=6)))
    c.send(True, apci_i(3, 11, asdu(103, [ioa(0) + cp56], cot=6)))
    c.send(True, bytes([0x68, 4, 0x43, 0, 0, 0]))
    c.send(False, bytes([0x68, 4, 0x83, 0, 0, 0]))
    # three objects announced, one there: the ASDU ends early
    c.send(False, apci_i(11, 4, asdu(1, [ioa(1001) + b"\x01"], n=3)))
    c.send(False, apci_i(12, 4, asdu(13, [ioa(3003) + struct.pack(
        "<fB", 49.95, 0)])))
    frames[-1] = (frames[-1][:-3], len(frames[-1]))
    pcaplib.write(os.path.join(out, "iec104.pcap"), frames)


def ua_string(b):
    """An OPC UA String or ByteString: a 32-bit length, the bytes."""
    return struct.pack("<i", len(b)) + b


def ua_msg(t, body, chunk=b"F"):
    """An OPC UA message chunk: type, chunk type, size."""
    return t + chunk + struct.pack("<I", 8 + len(body)) + body


def ua_request_header(handle):
    """A RequestHeader: a null token, a time, the handle, no audit ID,
    a 10 s timeout hint, no additional header."""
    return (b"\x00\x00" + struct.pack("<QIIiI", 133700000000000000, handle,
                                      0, -1, 10000) + b"\x00\x00\x00")


def opcua(out):
    frames = []
    c = pcaplib.Conn(49156, 4840, frames)
    c.handshake()
    c.send(True, ua_msg(b"HEL", struct.pack("<IIIII", 0, 65536, 65536, 0,
                                            0) +
                        ua_string(b"opc.tcp://plc.example:4840")))
    c.send(False, ua_msg(b"ACK", struct.pack("<IIIII", 0, 65536, 65536,
                                             16777216, 5000)))
    pol = b"http://opcfoundation.org/UA/SecurityPolicy#None"
    c.send(True, ua_msg(b"OPN", struct.pack("<I", 0) + ua_string(pol) +
                        struct.pack("<ii", -1, -1) +
                        struct.pack("<II", 1, 1) +
                        struct.pack("<BBH", 1, 0, 446) +
                        ua_request_header(1) +
                        struct.pack("<IIIiI", 0, 0, 1, -1, 3600000)))
    # a four-byte NodeId (ReadRequest), a numeric one (WriteRequest
    # in namespace 0 written long), a two-byte one (97)
    c.send(True, ua_msg(b"MSG", struct.pack("<IIII", 5, 1, 2, 2) +
                        struct.pack("<BBH", 1, 0, 631) +
                        ua_request_header(2) +
                        struct.pack("<dIi", 0.0, 3, 0)))
    c.send(True, ua_msg(b"MSG", struct.pack("<IIII", 5, 1, 3, 3) +
                        struct.pack("<BHI", 2, 0, 673) +
                        ua_request_header(3) + struct.pack("<i", 0)))
    c.send(True, ua_msg(b"MSG", struct.pack("<IIII", 5, 1, 4, 4) +
                        b"\x00\x61" + bytes(8)))
    c.send(True, ua_msg(b"CLO", struct.pack("<IIII", 5, 1, 5, 5) +
                        struct.pack("<BBH", 1, 0, 452) +
                        ua_request_header(5)))
    c.send(False, ua_msg(b"ERR", struct.pack("<I", 0x80010000) +
                         ua_string(b"Bad unexpected error")))
    # a chunk whose size runs past its segment; one cut by the capture
    c.send(True, ua_msg(b"MSG", struct.pack("<IIII", 5, 1, 6, 6) +
                        struct.pack("<BBH", 1, 0, 631) +
                        ua_request_header(6) + bytes(16))[:30])
    c.send(True, ua_msg(b"HEL", struct.pack("<IIIII", 0, 65536, 65536, 0,
                                            0) +
                        ua_string(b"opc.tcp://plc.example:4840")))
    frames[-1] = (frames[-1][:-10], len(frames[-1]))
    pcaplib.write(os.path.join(out, "opcua.pcap"), frames)


def dcp(fid, service, stype, xid, delay, blocks):
    """A PROFINET RT frame of ID fid carrying a DCP message."""
    return struct.pack("!HBBIHH", fid, service, stype, xid, delay,
                       len(blocks)) + blocks


def dcp_block(opt, sub, value, info=None):
    """A DCP block: option, suboption, length, (info), value, padding."""
    body = (b"" if info is None else struct.pack("!H", info)) + value
    return struct.pack("!BBH", opt, sub, len(body)) + body + \
        b"\0" * (len(body) % 2)


def pn_frame(dst, src, payload, pad=True):
    """An Ethernet frame of EtherType 0x8892, padded to 60 bytes."""
    f = dst + src + struct.pack("!H", 0x8892) + payload
    return f + bytes(max(0, 60 - len(f))) if pad else f


def pndcp(out):
    mc = bytes.fromhex("010ecf000000")
    io = bytes.fromhex("020000000001")
    dev = bytes.fromhex("00a045123456")
    ip = bytes([198, 18, 0, 2, 255, 255, 255, 0, 198, 18, 0, 1])
    frames = [
        pn_frame(mc, io, dcp(0xfefe, 5, 0, 0x01020304, 1,
                             dcp_block(0xff, 0xff, b""))),
        pn_frame(io, dev, dcp(0xfeff, 5, 1, 0x01020304, 0,
                              dcp_block(2, 2, b"plc-1", 0) +
                              dcp_block(1, 2, ip, 1) +
                              dcp_block(2, 3, struct.pack("!HH", 0x002a,
                                                          0x0401), 0) +
                              dcp_block(2, 1, b"S7-1500", 0))),
        pn_frame(dev, io, dcp(0xfefd, 4, 0, 0x01020305, 0,
                              dcp_block(2, 2, b"plc-2", 1))),
        pn_frame(io, dev, dcp(0xfefd, 4, 1, 0x01020305, 0,
                              dcp_block(5, 4, bytes([2, 2, 0])))),
        pn_frame(dev, io, dcp(0xfefd, 3, 0, 0x01020306, 0,
                              bytes([1, 2, 2, 2]))),
        pn_frame(io, dev, dcp(0xfefd, 3, 1, 0x01020306, 0,
                              dcp_block(1, 2, ip, 1) +
                              dcp_block(1, 1, dev, 0))),
        pn_frame(mc, dev, dcp(0xfefc, 6, 0, 0x01020307, 0,
                              dcp_block(2, 2, b"plc-1", 0) +
                              dcp_block(1, 2, ip, 1))),
    ]
    frames.append((frames[1][:40], len(frames[1])))
    pcaplib.write(os.path.join(out, "pndcp.pcap"), frames)


def main(out):
    s7comm(out)
    enip(out)
    iec104(out)
    opcua(out)
    pndcp(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE)
