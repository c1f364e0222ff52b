#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the tail10 captures, built by hand (no access point or
controller here) between 198.18.0.1 (the AP) and 198.18.0.2.

usage: make-tail10.py DIR        writes DIR/lwapp.pcap, DIR/m3ua.pcap

lwapp.pcap: Cisco LWAPP over UDP
  1  an 802.11 data frame (to DS) to the data port 12222, RSSI and SNR
  2  a control message (echo request) to the control port 12223, after
     the AP's MAC address
  3  a control message (configure command) from the control port back
  4  a data frame cut by the capture inside its 802.11 header
m3ua.pcap: M3UA (RFC 4666) in SCTP DATA chunks of payload protocol 3
  1  ASP Up with an ASP identifier and an INFO string (padded)
  2  ASP Active with traffic mode and routing context
  3  transfer DATA: network appearance, protocol data (a value), 4 NTFY
     with a status, 5 ERR with an error code and diagnostic information
  6  a message whose parameter runs past its length (malformed), 7 one
     cut by the capture
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pcaplib  # noqa: E402

AP = bytes.fromhex("000b8524e890")


def lwapp(payload, flags=0x08, fragid=0x1d, rssi=0xe3, snr=0x42):
    return struct.pack("!BBHBB", flags, fragid, len(payload), rssi,
                       snr) + payload


def cntl(typ, seq, elems):
    return struct.pack("!BBH", typ, seq, len(elems)) + elems


def lwapp_frames():
    wlan = bytes.fromhex("0801" "2c00") + AP + \
        bytes.fromhex("00028ad8de9a") + AP + bytes.fromhex("1053") + \
        bytes.fromhex("aaaa030000000800") + pcaplib.ipv4(
            pcaplib.C, pcaplib.S, 17, pcaplib.udp(pcaplib.C, pcaplib.S, 5000,
                                                  9, b"lwapp"))
    fr = [pcaplib.udp_frame(True, 20105, 12222, lwapp(wlan))]
    fr.append(pcaplib.udp_frame(True, 20105, 12223, AP + lwapp(
        cntl(18, 7, b"\x01\x02\x03\x04"), flags=0x04, fragid=0, rssi=0,
        snr=0)))
    fr.append(pcaplib.udp_frame(False, 12223, 20105, lwapp(
        cntl(12, 150, bytes(range(16))), flags=0x04, fragid=0xc0, rssi=0,
        snr=0)))
    whole = pcaplib.udp_frame(True, 20105, 12222, lwapp(wlan, fragid=0x1e))
    fr.append((whole[:42 + 6 + 10], len(whole)))
    return fr


def param(tag, val):
    p = struct.pack("!HH", tag, 4 + len(val)) + val
    return p + b"\0" * ((4 - len(p) % 4) % 4)


def m3ua(cl, ty, params):
    return struct.pack("!BBBBI", 1, 0, cl, ty, 8 + len(params)) + params


def m3ua_frames():
    msgs = [
        m3ua(3, 1, param(0x11, struct.pack("!I", 7)) +
             param(0x04, b"asp-1")),
        m3ua(4, 1, param(0x0b, struct.pack("!I", 2)) +
             param(0x06, struct.pack("!I", 100))),
        m3ua(1, 1, param(0x200, struct.pack("!I", 8)) +
             param(0x210, bytes.fromhex("000000010000000203020005") +
                   b"isup")),
        m3ua(0, 1, param(0x0d, struct.pack("!HH", 1, 2))),
        m3ua(0, 0, param(0x0c, struct.pack("!I", 0x1a)) +
             param(0x07, b"\x01\x02\x03")),
    ]
    fr = [pcaplib.sctp_data_frame(i % 2 == 0, 2905, 2905, 3, m, tsn=i + 1)
          for i, m in enumerate(msgs)]
    bad = bytearray(msgs[1])
    bad[10:12] = struct.pack("!H", 200)
    fr.append(pcaplib.sctp_data_frame(True, 2905, 2905, 3, bytes(bad),
                                      tsn=6))
    whole = pcaplib.sctp_data_frame(True, 2905, 2905, 3, msgs[2], tsn=7)
    fr.append((whole[:len(whole) - 10], len(whole)))
    return fr


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    pcaplib.write(os.path.join(out, "lwapp.pcap"), lwapp_frames())
    pcaplib.write(os.path.join(out, "m3ua.pcap"), m3ua_frames())


if __name__ == "__main__":
    main()
