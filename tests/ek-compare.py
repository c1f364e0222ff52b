#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Compares strata's --view ek with tshark -T ek for one capture: the
same number of documents, each after its action line, the same
timestamps, and the same value under every key both write, except the
keys listed here with why they differ.

usage: ek-compare.py STRATA.ek TSHARK.ek"""
import json
import re
import sys

# Keys whose values differ on purpose.
DIFFER = {
    "frame_frame_protocols": "strata names its own chain (no ethertype)",
    "tcp_tcp_flags": "strata shows the 12 bits as 0x012, tshark 0x0012",
    "tcp_tcp_flags_res": "a 3-bit number in strata, a boolean in tshark",
    "mp_mp_sequence_num_reserved": "a 2-bit number in strata, a boolean "
    "in tshark",
    "icmpv6_icmpv6_echo_identifier": "decimal in strata, hex in tshark",
    "ipv6_ipv6_flow": "tshark pads the 20 bits to six digits",
    "ipv6_ipv6_tclass": "tshark shows the 32-bit word's mask",
    "icmp_icmp_unused": "a 32-bit number in strata, four bytes in tshark",
    "smtp_smtp_req_command": "tshark cuts STARTTLS into STAR and TLS",
    "smtp_smtp_req_parameter": "the same",
    "irc_irc_request": "wire text is escaped before it reaches a terminal: "
    "strata writes a control byte as \\x01, tshark the byte",
    "irc_irc_request_trailer": "the same",
    "irc_irc_response": "the same",
    "irc_irc_response_trailer": "the same",
    "cups_cups_ptype_class": "tshark 4.0 tests a CUPS printer type's bits "
    "against the bytes of its hexadecimal digits, strata against the number "
    "(as in tests/difftest-allow.txt)",
    "cups_cups_ptype_default": "the same",
    "cups_cups_ptype_implicit": "the same",
    "cups_cups_ptype_variable": "the same",
    "cups_cups_ptype_large": "the same",
    "cups_cups_ptype_medium": "the same",
    "cups_cups_ptype_small": "the same",
    "cups_cups_ptype_sort": "the same",
    "cups_cups_ptype_bind": "the same",
    "cups_cups_ptype_cover": "the same",
    "cups_cups_ptype_punch": "the same",
    "cups_cups_ptype_collate": "the same",
    "cups_cups_ptype_copies": "the same",
    "cups_cups_ptype_staple": "the same",
    "cups_cups_ptype_duplex": "the same",
    "cups_cups_ptype_color": "the same",
    "cups_cups_ptype_bw": "the same",
    "cups_cups_ptype_remote": "the same",
    "tcp_tcp_options_sack_le": "tshark's ek (sequence analysis on) gives "
    "SACK edges relative to the ISN, strata the numbers on the wire",
    "tcp_tcp_options_sack_re": "the same",
    "isis_lsp_isis_lsp_default_metric": "tshark reads the metric bits from "
    "the IS-type bits; strata reads bits 6..3 as ISO 10589 says",
    "isis_lsp_isis_lsp_delay_metric": "the same",
    "isis_lsp_isis_lsp_expense_metric": "the same",
    "tls_tls_handshake_random_time": "tshark's ek writes absolute times in "
    "ISO 8601, strata the text of its tree",
    "ftp_ftp_request_arg": "wire text is escaped before it reaches a "
    "terminal: strata writes a control byte as \\x1b, tshark the byte",
    "ftp_ftp_response_arg": "the same escaping",
    "websocket_websocket_payload_pong": "BUG: strata shows a masked pong's "
    "payload as the wire bytes, tshark unmasks it",
    "data_data_data": "where strata decodes less deep than tshark (an 802.11 "
    "payload it leaves undecoded), its data covers more bytes",
    "data_data_len": "the same",
    "telnet_telnet_data": "wire text is escaped before it reaches a "
    "terminal: strata writes ESC and 0xff as \\x1b and \\xff, tshark "
    "the bytes",
    "icmpv6_icmpv6_reserved": "a 32-bit number in strata, four bytes in "
    "tshark (as icmp.unused)",
    "openflow_v4_openflow_v4_error_data_body": "tshark 4.0 leaves out the "
    "last 8 bytes of an OpenFlow ERROR's data (it takes the 8-byte header "
    "off twice); strata shows the data to the end of the message",
    "rdpudp_rdpudp_data_sncoded": "tshark reads the data header without "
    "the padding [MS-RDPEUDP] puts after the ack vector (as in "
    "tests/difftest-allow.txt)",
    "rdpudp_rdpudp_data_sourceStart": "the same",
    "sctp_sctp_data_tsn": "BUG: Wireshark keys an SCTP direction by ports "
    "and verification tag; strata by addresses and ports, so where both "
    "ways carry the same ports and tag (captures/m3ua.pcap) tshark counts "
    "one direction and strata two",
    "quic_quic_long_reserved": "only in a crafted QUIC v2 Initial whose tag "
    "does not verify (captures/appsvc-quic.pcap frames 5-6): strata and tshark "
    "strip its header protection differently; every real v1/v2 Initial of "
    "the corpus decrypts and agrees in the difftest",
    "quic_quic_packet_number_length": "the same",
    "quic_quic_packet_number": "the same",
    "quic_quic_payload": "the same",
    "esis_esis_bsnpa": "tshark's ek writes a subnetwork address as its tree "
    "text (0200.0000.0002), strata as the bytes (its JSON agrees)",
}
STATUS = re.compile(r"_(checksum|cksum|chksum|fcs)_status$")  # strata's names,
#                                                 tshark's numbers


# An absolute time as strata writes it (the text of tshark's tree and
# JSON): tshark -T ek writes ISO 8601 instead.
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
TREE_TIME = re.compile(r"^(\w{3}) +(\d+), (\d{4}) (\d\d:\d\d:\d\d\.\d+) UTC$")


def iso(v):
    m = TREE_TIME.match(str(v))
    if m and m.group(1) in MONTHS:
        return "%s-%02d-%02dT%sZ" % (m.group(3), MONTHS.index(m.group(1)) + 1,
                                     int(m.group(2)), m.group(4))
    if str(v) == "NULL":  # a zero NTP timestamp, as tshark's tree says
        return "1970-01-01T00:00:00.000000000Z"
    return v


def same(v, w):
    """The same value written two ways: tshark writes a field in hex at
    its Wireshark width (0x0003 for an 8-bit field it declares 16 bits
    wide) and booleans as true/false; strata at the width it decodes and
    as 0/1.  Text lines: tshark keeps the line end, strata does not.
    Absolute times: see iso().  Body bytes: tshark's ek writes text where
    strata writes the bytes."""
    if w == v or str(w) == str(v):
        return True
    # A number of seconds: strata writes tshark's JSON text ("2.000000"),
    # tshark's ek the shortest number ("2").
    try:
        if re.fullmatch(r"-?[0-9]+\.[0-9]+", str(v)) and \
                float(str(v)) == float(str(w)):
            return True
    except ValueError:
        pass
    if isinstance(w, str) and (w.rstrip("\r\n") == str(v) or
                               iso(v) == w):
        return True
    if isinstance(v, str) and isinstance(w, str) and \
            re.fullmatch(r"[0-9a-f]{2}(:[0-9a-f]{2})*", v):
        try:
            if bytes.fromhex(v.replace(":", "")).decode() == w:
                return True
        except (ValueError, UnicodeDecodeError):
            pass
    if isinstance(w, bool):
        return str(v) in (("1", "True", "true") if w else
                          ("0", "False", "false"))
    try:
        return int(str(v), 0) == int(str(w), 0)
    except ValueError:
        return False


def docs(path):
    lines = open(path).read().splitlines()
    out = []
    for i, line in enumerate(lines):
        d = json.loads(line)
        if i % 2 == 0:
            assert "index" in d, "%s:%d: no action line" % (path, i + 1)
        else:
            out.append(d)
    return out


def main():
    s, t = docs(sys.argv[1]), docs(sys.argv[2])
    if len(s) != len(t):
        print("  %d documents against tshark's %d" % (len(s), len(t)))
        return 1
    agree, bad = 0, []
    for a, b in zip(s, t):
        if a["timestamp"] != b["timestamp"]:
            bad.append(("timestamp", a["timestamp"], b["timestamp"]))
        for lk, lv in a["layers"].items():
            tl = b["layers"].get(lk)
            if not isinstance(lv, dict) or not isinstance(tl, dict):
                continue
            for k, v in lv.items():
                # tshark's None: a tree item with no value of its own;
                # a dict: a node (FT_PROTOCOL) whose fields tshark's ek
                # nests under its name, strata writes them beside it
                if k not in tl or tl[k] is None or isinstance(v, list) or \
                        isinstance(tl[k], dict) or \
                        (isinstance(tl[k], list) and
                         all(x is None for x in tl[k])) or \
                        k in DIFFER or STATUS.search(k):
                    continue
                if same(v, tl[k]):
                    agree += 1
                else:
                    bad.append((k, v, tl[k]))
    for k, v, w in bad[:10]:
        print("  %s: strata %r, tshark %r" % (k, v, w))
    return 1 if bad or agree == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
