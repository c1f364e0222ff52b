#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Remakes the 802.11 captures of the wifi family (session 8):

wifi-elements.pcap (802.11, no radio header): a beacon whose elements
Wireshark names part by part (ERP, HT operation, VHT capabilities and
operation, mesh configuration and ID, extended capabilities, RSN
capabilities, the WFA's WMM parameters), and a probe request with a WMM
information element (its QoS info as a station's).

wifi-radio.pcap (radiotap): frames whose airtime wlan_radio works out as
Wireshark does: an ACK at 1 Mb/s with no channel field (802.11b by its
rate, long preamble), one at 11 Mb/s on a CCK channel, and one at 6 Mb/s
OFDM on 2.4 GHz (802.11g), each with a TSF timestamp, signal and noise.

Frames are written here: no kernel makes 802.11 frames without a radio.
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pcaplib import write  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DLT_IEEE802_11 = 105


def h(s):
    return bytes.fromhex(s.replace(" ", ""))


def elements_frames():
    hdr = h("8000 0000 ffffffffffff 020000000001 020000000001 1000")
    fixed = h("0100000000000000 6400 1104")
    elems = [
        "2a01 04",                                      # ERP: Barker
        "3d16 95 05 0400 0001 ffff0000000000000000000000000000",
        "bf0c b2599933 faff 0000 faff 0000",            # VHT capabilities
        "c005 01 9b 00 ffff",                           # VHT operation
        "7107 01 01 00 01 01 00 09",                    # mesh configuration
        "7204" + b"mesh".hex(),                         # mesh ID
        "7f0b 0000000001000040000020",                  # extended caps
        "3014 0100 000fac04 0100 000fac04 0100 000fac02 cc00",
        "dd18 0050f2 02 01 01 80 00 03a40000 27a40000 42435e00 62322f00",
    ]
    beacon = hdr + fixed + b"".join(h(e) for e in elems)
    probe = h("4000 0000 ffffffffffff 020000000002 ffffffffffff 2000"
              "0000 dd07 0050f2 02 00 01 6f")
    return [beacon, probe]


def radio_frames():
    ack = h("d400 0000 020000000001")
    # TSFT, flags, rate: no channel
    rt1 = h("00001200 07000000") + struct.pack("<Q", 1000) + bytes([0, 2])
    # TSFT, flags, rate, channel, signal and noise (dBm)
    rt = [h("00001800 6f000000") + struct.pack("<Q", tsf) +
          bytes([0, rate]) + struct.pack("<HH", 2412, chfl) + bytes([0xd6,
                                                                     0xa6])
          for tsf, rate, chfl in ((5000, 22, 0x00a0), (9000, 12, 0x00c0))]
    return [rt1 + ack] + [r + ack for r in rt]


def main():
    write(os.path.join(HERE, "wifi-elements.pcap"), elements_frames(),
          DLT_IEEE802_11)
    write(os.path.join(HERE, "wifi-radio.pcap"), radio_frames(), 127)


if __name__ == "__main__":
    main()
