#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The l2ctl family's captures, written frame by frame (pcaplib):

l2ctl-cfm.pcap   IEEE 802.1ag CFM (EtherType 0x8902): a CCM (MAID of a
                 string MD name and a string short MA name, port and
                 interface status and sender ID TLVs), a loopback message
                 and reply with a data TLV, a linktrace message (egress ID
                 TLV) and reply (last/next egress IDs, reply ingress and
                 egress TLVs), and a CCM cut inside its MAID.
l2ctl-vtp.pcap   Cisco VTP over SNAP (PID 0x2003): a summary
                 advertisement, a subset advertisement of three VLAN
                 records (one with a pruning TLV), an advertisement
                 request, a join (bitmap of VLANs 2, 11, 16), and the
                 subset cut inside its third record.
l2ctl-pptp.pcap  PPTP control messages on TCP 1723 after a handshake: all
                 fifteen types, one a segment (start-control-connection,
                 outgoing and incoming calls, set-link-info, echo,
                 WAN-error-notify, call clear and disconnect, stop), and a
                 start-control-connection reply cut by the capture.
l2ctl-msdp.pcap  MSDP on TCP 639 after a handshake: keepalives, a
                 source-active of two entries carrying a UDP packet to
                 the group, an SA request and response, an SA and a
                 keepalive in one segment, notifications (invalid RP
                 address; an FSM error with the O-bit), and the first SA
                 cut by the capture inside the packet it carries.
l2ctl-vqp.pcap   Cisco VQP on UDP 1589 (no tshark dissector): a join
                 request of six objects (client IP, port, empty VLAN name,
                 VTP domain, the frame seen, MAC null), its response
                 (VLAN "users"), an access-denied response, a reconfirm
                 request, and the join request cut by the capture.
l2ctl-pflog.pcap LINKTYPE_PFLOG (117): OpenBSD 4.9 headers (100 bytes, the
                 rewritten addresses and ports) before a TCP SYN blocked
                 in and passed out and an ICMPv6 echo blocked, a FreeBSD
                 header (61 bytes padded to 64), and the first cut by the
                 capture inside its header.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
CFM_MC = bytes.fromhex("0180c2000033")
M1, M2 = bytes.fromhex("020000000011"), bytes.fromhex("020000000022")


def tlv(t, v):
    return struct.pack("!BH", t, len(v)) + v


def cfm(level, opcode, flags, first, body, tlvs=b""):
    return struct.pack("!BBBB", level << 5, opcode, flags, first) + body + \
        tlvs


def cfm_frames():
    maid = bytes([4, 6]) + b"OPERDM" + bytes([2, 5]) + b"MA-01"
    maid += b"\0" * (48 - len(maid))
    sender = bytes([6, 4]) + M1 + bytes([0])
    ccm = cfm(5, 1, 0x84, 70, struct.pack("!IH", 7, 101) + maid +
              b"\0" * 16, tlv(2, b"\x02") + tlv(4, b"\x01") +
              tlv(1, sender) + b"\0")
    lbm = cfm(3, 3, 0, 4, struct.pack("!I", 0x1234),
              tlv(3, b"strata") + tlv(31, b"\x00\x00\x0c\x01ab") +
              b"\0")
    lbr = cfm(3, 2, 0, 4, struct.pack("!I", 0x1234),
              tlv(3, b"strata") + b"\0")
    ltm = cfm(2, 5, 0x80, 17, struct.pack("!IB", 99, 64) + M1 + M2,
              tlv(7, b"\0\1" + M1) + b"\0")
    ltr = cfm(2, 4, 0xe0, 6, struct.pack("!IBB", 99, 63, 1),
              tlv(8, b"\0\1" + M1 + b"\0\2" + M2) +
              tlv(5, b"\x01" + M2) + tlv(6, b"\x01" + M2 + b"\x04\x05eth0")
              + b"\0")
    fr = [pcaplib.ether(CFM_MC, M1, 0x8902, p) for p in
          (ccm, lbm, lbr, ltm, ltr)]
    cut = pcaplib.ether(CFM_MC, M1, 0x8902, ccm)
    fr.append((cut[:14 + 20], len(cut)))
    return fr


CISCO_MC = bytes.fromhex("01000ccccccc")


def snap(dst, src, oui_pid, payload):
    """An 802.3 frame of LLC SNAP (AA AA 03) with OUI and PID."""
    llc = bytes([0xAA, 0xAA, 0x03]) + oui_pid + payload
    return dst + src + struct.pack("!H", len(llc)) + llc


def vtp_frames():
    md = b"strata".ljust(32, b"\0")
    summary = struct.pack("!BBBB", 1, 1, 1, 6) + md + \
        struct.pack("!I4s", 5, bytes([192, 0, 2, 1])) + b"931129120000" + \
        bytes(range(16))
    vlans = b""
    for vid, name, tlvs in ((1, b"default", b""),
                            (10, b"users", bytes([6, 1, 0, 1])),
                            (1002, b"fddi-default", b"")):
        pad = name.ljust(4 * ((len(name) + 3) // 4), b"\0")
        rec = struct.pack("!BBBHHI", 0, 1 if vid != 1002 else 2,
                          len(name), vid, 1500, 100000 + vid) + pad + tlvs
        vlans += bytes([1 + len(rec)]) + rec
    subset = struct.pack("!BBBB", 1, 2, 1, 6) + md + \
        struct.pack("!I", 5) + vlans
    request = struct.pack("!BBBB", 1, 3, 0, 6) + md + struct.pack("!H", 1)
    join = struct.pack("!BBBB", 1, 4, 0, 6) + md + \
        struct.pack("!HH", 1, 16) + bytes([0x40, 0x21])
    fr = [snap(CISCO_MC, M1, bytes.fromhex("00000c2003"), p)
          for p in (summary, subset, request, join)]
    cut = fr[1]
    fr.append((cut[:len(cut) - 20], len(cut)))
    return fr


def pptp(ctype, body):
    """A PPTP control message: length, type 1, magic cookie, type."""
    return struct.pack("!HHIHH", 12 + len(body), 1, 0x1A2B3C4D, ctype,
                       0) + body


def text64(t):
    return t.ljust(64, b"\0")


def pptp_frames():
    fr = []
    c = pcaplib.Conn(40001, 1723, fr).handshake()
    sccrq = pptp(1, struct.pack("!HHIIHH", 0x0100, 0, 1, 1, 0, 0x0600) +
                 text64(b"pns.example") + text64(b"strata"))
    sccrp = pptp(2, struct.pack("!HBBIIHH", 0x0100, 1, 0, 3, 3, 64, 1) +
                 text64(b"pac.example") + text64(b"strata"))
    ocrq = pptp(7, struct.pack("!HHIIIIHHHH", 7, 1, 2400, 10000000, 3, 3,
                               64, 0, 4, 0) + text64(b"5551") +
                text64(b""))
    ocrp = pptp(8, struct.pack("!HHBBHIHHI", 9, 7, 1, 0, 0, 64000, 64, 0,
                               0))
    sli = pptp(15, struct.pack("!HHII", 9, 0, 0xFFFFFFFF, 0xFFFFFFFF))
    echo = pptp(5, struct.pack("!I", 42))
    echor = pptp(6, struct.pack("!IBBH", 42, 1, 0, 0))
    icrq = pptp(9, struct.pack("!HHIIHH", 8, 2, 1, 5, 3, 4) +
                text64(b"555") + text64(b"5552") + text64(b""))
    icrp = pptp(10, struct.pack("!HHBBHHH", 10, 8, 1, 0, 64, 0, 0))
    iccn = pptp(11, struct.pack("!HHIHHI", 10, 0, 33600, 64, 0, 1))
    wen = pptp(14, struct.pack("!HHIIIIII", 9, 0, 1, 2, 3, 4, 5, 6))
    ccrq = pptp(12, struct.pack("!HH", 7, 0))
    cdn = pptp(13, struct.pack("!HBBHH", 7, 4, 0, 0, 0) +
               text64(b"bytes 1234"))
    stop = pptp(3, struct.pack("!BBH", 1, 0, 0))
    stopr = pptp(4, struct.pack("!BBH", 1, 0, 0))
    # One message a segment: tshark 4.0 shows only the first message of
    # a segment (strata each; the unit test has segments of several).
    for from_client, m in ((True, sccrq), (False, sccrp), (True, ocrq),
                           (False, ocrp), (False, sli), (True, echo),
                           (False, echor), (False, icrq), (True, icrp),
                           (True, iccn), (True, wen), (True, ccrq),
                           (False, cdn), (True, stop), (False, stopr)):
        c.send(from_client, m)
    # a reply cut by the capture
    c.send(False, sccrp)
    last = fr.pop()
    fr.append((last[:len(last) - 100], len(last)))
    return fr


def msdp_tlv(t, v):
    return struct.pack("!BH", t, 3 + len(v)) + v


def msdp_frames():
    fr = []
    c = pcaplib.Conn(40002, 639, fr).handshake()
    rp = bytes([198, 18, 0, 9])
    grp, grp2 = bytes([239, 1, 2, 3]), bytes([239, 1, 2, 4])
    src = bytes([198, 18, 5, 5])
    inner = pcaplib.ipv4(src, grp, 17, pcaplib.udp(src, grp, 5000, 5001,
                                                   b"hello"), 7)
    sa = msdp_tlv(1, struct.pack("!B4s", 2, rp) +
                  b"\0\0\0\x20" + grp + src + b"\0\0\0\x20" + grp2 + src +
                  inner)
    sa_plain = msdp_tlv(1, struct.pack("!B4s", 1, rp) +
                        b"\0\0\0\x20" + grp + src)
    keep = msdp_tlv(4, b"")
    sareq = msdp_tlv(2, b"\0" + grp)
    sarsp = msdp_tlv(3, struct.pack("!B4s", 1, rp) +
                     b"\0\0\0\x20" + grp2 + src)
    notif = msdp_tlv(5, bytes([3, 2]) + b"\0\0\0" + rp)
    fsm = msdp_tlv(5, bytes([0x85, 1]))
    c.send(True, keep)
    c.send(False, keep)
    c.send(True, sa)
    c.send(False, sareq)
    c.send(True, sarsp)
    c.send(True, sa_plain + keep)
    c.send(False, notif)
    c.send(True, fsm)
    c.send(True, sa)
    last = fr.pop()
    fr.append((last[:len(last) - 30], len(last)))
    return fr


def vqp(ptype, err, seq, objs):
    body = b"".join(struct.pack("!IH", t, len(v)) + v for t, v in objs)
    return struct.pack("!BBBBI", 1, ptype, err, len(objs), seq) + body


def vqp_frames():
    seen = pcaplib.ether(pcaplib.MS, M2, 0x0800, b"\0" * 20)
    req = vqp(1, 0, 1, [(0x0c01, bytes([198, 18, 0, 1])),
                        (0x0c02, b"Fa0/1"), (0x0c03, b""),
                        (0x0c04, b"strata"), (0x0c05, seen),
                        (0x0c06, M2)])
    rsp = vqp(2, 0, 1, [(0x0c03, b"users"), (0x0c08, M2)])
    deny = vqp(2, 3, 2, [(0x0c03, b""), (0x0c08, M2)])
    recon = vqp(3, 0, 3, [(0x0c01, bytes([198, 18, 0, 1])),
                          (0x0c02, b"Fa0/1"), (0x0c03, b"users"),
                          (0x0c04, b"strata"), (0x0c08, M2)])
    fr = [pcaplib.udp_frame(True, 1589, 1589, req),
          pcaplib.udp_frame(False, 1589, 1589, rsp),
          pcaplib.udp_frame(False, 1589, 1589, deny),
          pcaplib.udp_frame(True, 1589, 1589, recon)]
    cut = pcaplib.udp_frame(True, 1589, 1589, req)
    fr.append((cut[:len(cut) - 40], len(cut)))
    return fr


def pflog(af, action, reason, ifname, rulenr, subrulenr, dirn, ip,
          obsd=True, src=b"", dst=b"", sport=0, dport=0):
    """A pf log header (OpenBSD 4.9's 100 bytes, or FreeBSD's 61 padded
    to 64) before the packet ip."""
    h = struct.pack("!BBBB16s16sIi", 100 if obsd else 61, af, action,
                    reason, ifname, b"", rulenr, subrulenr)
    # uid, pid, rule uid and pid in the host order of an x86 logger
    h += struct.pack("<iiii", -1, 1234, 0, 0) + bytes([dirn])
    if obsd:
        h += bytes([0, af, 0]) + src.ljust(16, b"\0") + \
            dst.ljust(16, b"\0") + struct.pack("!HH", sport, dport)
    else:
        h += b"\0\0\0"
    return h + ip


def pflog_frames():
    C, S = pcaplib.C, pcaplib.S
    syn = struct.pack("!HHIIBBHHH", 40003, 22, 1, 0, 0x50, 0x02, 65535,
                      0, 0)
    syn = syn[:16] + struct.pack("!H", pcaplib.csum(
        pcaplib.pseudo(C, S, 6, len(syn)) + syn)) + syn[18:]
    ip4 = pcaplib.ipv4(C, S, 6, syn)
    echo = bytes([128, 0, 0, 0, 0, 1, 0, 1])
    ck = pcaplib.csum(pcaplib.pseudo(pcaplib.C6, pcaplib.S6, 58, 8) + echo)
    echo = echo[:2] + struct.pack("!H", ck) + echo[4:]
    ping6 = pcaplib.ipv6(pcaplib.C6, pcaplib.S6, 58, echo)
    fr = [pflog(2, 1, 0, b"em0", 3, -1, 1, ip4, src=C, dst=S,
                sport=40003, dport=22),
          pflog(2, 0, 0, b"em0", 7, -1, 2, ip4, src=C, dst=S,
                sport=40003, dport=22),
          pflog(24, 1, 0, b"em1", 4, -1, 1, ping6, src=pcaplib.C6,
                dst=pcaplib.S6),
          pflog(2, 1, 0, b"vtnet0", 12, -1, 1, ip4, obsd=False)]
    cut = fr[0]
    fr.append((cut[:60], len(cut)))
    return fr


pcaplib.write(os.path.join(OUT, "l2ctl-cfm.pcap"), cfm_frames())
pcaplib.write(os.path.join(OUT, "l2ctl-vtp.pcap"), vtp_frames())
pcaplib.write(os.path.join(OUT, "l2ctl-pptp.pcap"), pptp_frames())
pcaplib.write(os.path.join(OUT, "l2ctl-msdp.pcap"), msdp_frames())
pcaplib.write(os.path.join(OUT, "l2ctl-vqp.pcap"), vqp_frames())
pcaplib.write(os.path.join(OUT, "l2ctl-pflog.pcap"), pflog_frames(), 117)
