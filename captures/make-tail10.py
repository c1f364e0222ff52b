#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Writes the tail10 captures, built by hand (no access point or
controller here) between 198.18.0.1 (the AP) and 198.18.0.2.

usage: make-tail10.py DIR        writes DIR/lwapp.pcap

lwapp.pcap: Cisco LWAPP over UDP
  1  an 802.11 data frame (to DS) to the data port 12222, RSSI and SNR
  2  a control message (echo request) to the control port 12223, after
     the AP's MAC address
  3  a control message (configure command) from the control port back
  4  a data frame cut by the capture inside its 802.11 header
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


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(
        os.path.abspath(__file__))
    pcaplib.write(os.path.join(out, "lwapp.pcap"), lwapp_frames())


if __name__ == "__main__":
    main()
