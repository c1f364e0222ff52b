#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Seeds for the packet fuzz targets (fuzz_decode, fuzz_views).

Writes one file per packet, named by a hash of its content (so the same
bytes are written once), in the targets' input format (fuzzlink.h): two
bytes carrying the link type (DLT, big-endian, in the low 10 bits; the top
bit of the first byte set when the packet was cut short of its wire
length), then the frame.  The packets come from:

  - every pcap and pcapng capture in the directories or files named, at
    most --cap packets from each (the first ones: a capture's handshake
    and first exchange are where its protocols show);
  - the unit tests (--unit DIR): each test file is run through the C
    preprocessor, so that the hex of every decode_hex() and
    sweep_prefixes() call, macros and all, becomes plain string literals;
    `static const uint8_t name[] = {...}` arrays are taken as raw IP.

With --ip the files are the IP packets alone, cut out of their link
headers, with no link-type bytes (fuzz_reply's input: what a raw socket
returns).

With --spec the files are the packet specs the unit tests build (string
literals, joined as the compiler joins them, that look like a spec:
`ip(dst=...)/udp/...`), for fuzz_spec.

  python3 tests/fuzz/seeds.py OUTDIR [--cap N] [--ip] [--unit DIR] CAPTURE|DIR...
  python3 tests/fuzz/seeds.py OUTDIR --spec --unit DIR
"""
import argparse
import hashlib
import os
import re
import struct
import subprocess
import sys

DLT_RAW = 12
# LINKTYPE_* values whose DLT_* differs (libpcap's mapping, Linux side).
LINKTYPE_TO_DLT = {101: DLT_RAW, 108: 108}


def dlt_of(linktype):
    linktype &= 0xFFFF      # the upper bits are FCS information
    return LINKTYPE_TO_DLT.get(linktype, linktype)


def pcap_packets(b):
    """(dlt, data, wirelen) of each record of a classic pcap file."""
    magic = b[:4]
    if magic in (b'\xd4\xc3\xb2\xa1', b'\x4d\x3c\xb2\xa1'):
        e = '<'
    elif magic in (b'\xa1\xb2\xc3\xd4', b'\xa1\xb2\x3c\x4d'):
        e = '>'
    else:
        return
    if len(b) < 24:
        return
    dlt = dlt_of(struct.unpack(e + 'I', b[20:24])[0])
    off = 24
    while off + 16 <= len(b):
        _, _, incl, orig = struct.unpack(e + 'IIII', b[off:off + 16])
        off += 16
        if incl > 262144 or off + incl > len(b):
            return
        yield dlt, b[off:off + incl], orig
        off += incl


def pcapng_packets(b):
    """(dlt, data, wirelen) of each packet block of a pcapng file."""
    e = '<'
    ifaces = []
    off = 0
    while off + 12 <= len(b):
        btype = struct.unpack(e + 'I', b[off:off + 4])[0]
        if btype == 0x0A0D0D0A:         # section header: byte order
            bom = b[off + 8:off + 12]
            e = '<' if bom == b'\x4d\x3c\x2b\x1a' else '>'
            ifaces = []
        blen = struct.unpack(e + 'I', b[off + 4:off + 8])[0]
        if blen < 12 or off + blen > len(b):
            return
        body = b[off + 8:off + blen - 4]
        if btype == 1 and len(body) >= 2:              # interface
            ifaces.append(dlt_of(struct.unpack(e + 'H', body[:2])[0]))
        elif btype == 6 and len(body) >= 20:           # enhanced packet
            ifid, _, _, incl, orig = struct.unpack(e + 'IIIII', body[:20])
            if ifid < len(ifaces) and incl <= len(body) - 20:
                yield ifaces[ifid], body[20:20 + incl], orig
        elif btype == 3 and len(body) >= 4 and ifaces:  # simple packet
            orig = struct.unpack(e + 'I', body[:4])[0]
            yield ifaces[0], body[4:4 + min(orig, len(body) - 4)], orig
        elif btype == 2 and len(body) >= 20:           # obsolete packet
            ifid = struct.unpack(e + 'H', body[:2])[0]
            incl, orig = struct.unpack(e + 'II', body[12:20])
            if ifid < len(ifaces) and incl <= len(body) - 20:
                yield ifaces[ifid], body[20:20 + incl], orig
        off += blen


def capture_packets(path):
    with open(path, 'rb') as f:
        b = f.read()
    if b[:4] == b'\x0a\x0d\x0d\x0a':
        return pcapng_packets(b)
    return pcap_packets(b)


def seed(dlt, data, cut=False):
    return bytes([(dlt >> 8 & 3) | (0x80 if cut else 0), dlt & 0xFF]) + data


def ip_of(dlt, data):
    """The IP packet inside a frame, or None."""
    def et(off):
        return data[off] << 8 | data[off + 1] if len(data) >= off + 2 else 0
    off = None
    if dlt in (DLT_RAW, 228, 229, 14):
        off = 0
    elif dlt == 1:
        off = 12
        while et(off) in (0x8100, 0x88a8, 0x9100):
            off += 4
        off = off + 2 if et(off) in (0x0800, 0x86dd) else None
    elif dlt == 113:
        off = 16 if et(14) in (0x0800, 0x86dd) else None
    elif dlt == 276:
        off = 20 if et(0) in (0x0800, 0x86dd) else None
    elif dlt in (0, 108):
        off = 4
    if off is None or len(data) <= off or data[off] >> 4 not in (4, 6):
        return None
    return data[off:]


STRLIT = re.compile(r'"((?:[^"\\]|\\.)*)"')
CALL = re.compile(r'\b(?:decode_hex|sweep_prefixes)\s*\(\s*(\d+)\s*,'
                  r'\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)')
ARRAY = re.compile(r'static\s+const\s+uint8_t\s+\w+\s*\[[^\]]*\]\s*=\s*'
                   r'\{([^}]*)\}')


def unit_sources(udir, top):
    """Each unit test file, macros expanded."""
    for name in sorted(os.listdir(udir)):
        if not (name.startswith('test_') and name.endswith('.c')):
            continue
        try:
            yield subprocess.run(
                ['cpp', '-P', '-D_GNU_SOURCE', '-I' + os.path.join(top,
                 'include'), '-I' + udir, os.path.join(udir, name)],
                capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as err:
            print('seeds: %s: %s' % (name, err), file=sys.stderr)


STRSEQ = re.compile(r'(?:"(?:[^"\\]|\\.)*"\s*)+')
SPECLIKE = re.compile(r'^[a-z][a-z0-9]*(\((\)|[a-z0-9_.-]+=).*)?(/|$)')


def unit_specs(udir, top):
    """Every joined string literal of the unit tests that looks like a
    spec, C escapes undone."""
    for src in unit_sources(udir, top):
        for m in STRSEQ.finditer(src):
            text = ''.join(STRLIT.findall(m.group(0)))
            try:
                text = text.encode().decode('unicode_escape')
            except UnicodeDecodeError:
                continue
            if SPECLIKE.match(text) and ('(' in text or '/' in text) \
                    and not text.endswith('.c'):
                yield text.encode('latin-1', 'replace')


def unit_packets(udir, top):
    """(dlt, data) of every hex packet the unit tests decode."""
    for src in unit_sources(udir, top):
        for m in CALL.finditer(src):
            hexs = re.sub(r'[^0-9a-fA-F]', '',
                          ''.join(STRLIT.findall(m.group(2))))
            if len(hexs) >= 2:
                yield int(m.group(1)), bytes.fromhex(hexs[:len(hexs) & ~1])
        for m in ARRAY.finditer(src):
            try:
                vals = [int(v, 0) & 0xFF for v in m.group(1).split(',')
                        if v.strip()]
            except ValueError:
                continue
            yield DLT_RAW, bytes(vals)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('out')
    ap.add_argument('--cap', type=int, default=50)
    ap.add_argument('--unit')
    ap.add_argument('--ip', action='store_true')
    ap.add_argument('--spec', action='store_true')
    ap.add_argument('inputs', nargs='*')
    a = ap.parse_intermixed_args()
    os.makedirs(a.out, exist_ok=True)
    seen = set()
    ncap = 0

    def write(s):
        if a.spec:
            pass
        elif a.ip:
            s = ip_of((s[0] & 3) << 8 | s[1], s[2:])
            if s is None:
                return
        h = hashlib.sha1(s).hexdigest()
        if h in seen:
            return
        seen.add(h)
        with open(os.path.join(a.out, h), 'wb') as f:
            f.write(s)

    files = []
    for p in a.inputs:
        if os.path.isdir(p):
            files += [os.path.join(p, n) for n in sorted(os.listdir(p))
                      if re.search(r'\.(pcap|pcapng|cap)$', n)]
        elif os.path.exists(p):
            files.append(p)
    for path in files:
        ncap += 1
        try:
            for i, (dlt, data, orig) in enumerate(capture_packets(path)):
                if i >= a.cap:
                    break
                write(seed(dlt, data, orig > len(data)))
        except (OSError, struct.error) as err:
            print('seeds: %s: %s' % (path, err), file=sys.stderr)
    nunit = 0
    top = os.path.abspath(os.path.join(a.unit or '.', '..', '..'))
    if a.spec:
        for text in unit_specs(a.unit, top):
            write(text)
        print('seeds: %d specs' % len(seen))
        return
    if a.unit:
        for dlt, data in unit_packets(a.unit, top):
            nunit += 1
            write(seed(dlt, data))
    print('seeds: %d inputs from %d captures and %d unit-test packets' %
          (len(seen), ncap, nunit))


if __name__ == '__main__':
    main()
