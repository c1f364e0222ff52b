#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""tshark agreement with the stream reassembly on: ../shared/tools/fieldcmp.py
run with tshark's tcp.desegment_tcp_streams (and IP defragmenting) TRUE and
`strata decode --reassemble`.  A reassembled message's layers are at offsets
in the gathered bytes on tshark's side and after the frame's bytes on
strata's, so the layers pair by protocol and order, not by frame offset.

usage: reasmcmp.py STRATA FILE... [fieldcmp's options]
"""
import os
import stat
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "shared", "tools"))
import fieldcmp  # noqa: E402

ON = {"ip.defragment:FALSE": "ip.defragment:TRUE",
      "ipv6.defragment:FALSE": "ipv6.defragment:TRUE",
      "tcp.desegment_tcp_streams:FALSE": "tcp.desegment_tcp_streams:TRUE"}
fieldcmp.TSHARK_CMD = [ON.get(a, a) for a in fieldcmp.TSHARK_CMD]
fieldcmp.CACHE = os.path.join(tempfile.gettempdir(), "reasmcmp-cache")
_packets = fieldcmp.tshark_packets


def packets(text):
    return {f: [(p, None, fl) for p, _, fl in insts]
            for f, insts in _packets(text).items()}


fieldcmp.tshark_packets = packets


def main():
    strata = os.path.abspath(sys.argv[1])
    fd, wrap = tempfile.mkstemp(prefix="strata-ra-")
    os.write(fd, ('#!/bin/sh\nc="$1"; shift\nexec "%s" "$c" --reassemble "$@"\n' %
                  strata).encode())
    os.close(fd)
    os.chmod(wrap, stat.S_IRWXU)
    sys.argv[1] = wrap
    try:
        fieldcmp.main()
    finally:
        os.unlink(wrap)


if __name__ == "__main__":
    main()
