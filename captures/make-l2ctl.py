#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""The l2ctl family's captures, written frame by frame (pcaplib):

l2ctl-cfm.pcap   IEEE 802.1ag CFM (EtherType 0x8902): a CCM (MAID of a
                 string MD name and a string short MA name, port and
                 interface status and sender ID TLVs), a loopback message
                 and reply with a data TLV, a linktrace message (egress ID
                 TLV) and reply (last/next egress IDs, reply ingress and
                 egress TLVs), and a CCM cut inside its MAID.
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


pcaplib.write(os.path.join(OUT, "l2ctl-cfm.pcap"), cfm_frames())
