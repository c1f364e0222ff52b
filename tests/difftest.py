#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Differential test: strata's --view json against tshark's reading.

usage: difftest.py STRATA CORPUS_DIR [-v] [--jobs N] [--only GLOB]...
                   [--missed PROTO]...

Every capture (pcap or pcapng magic) in CORPUS_DIR and in the folders
directly below it is read by `strata decode -q --view json` and by tshark
(TSHARK_CMD: -T json -x, reassembly and defragmentation off, IPv4/TCP/UDP
checksums verified).  Packets pair by frame number; each strata layer pairs
with the tshark layer of the same protocol at the same frame offset (the
frame's trailer with the outermost layer of its protocol).  Then:

  AGREEMENT  every field strata emits whose name tshark also emits in the
             paired layer must agree (normalised by the field's Wireshark
             type, see canon()); a difference fails unless
             tests/difftest-allow.txt lists it with its reason.
  NAMES      every field name strata emits must be one `tshark -G fields`
             knows (or start with `strata.`).
  CRASHES    a strata exit other than 0/1, a sanitizer report or a timeout.
  DEPTH      per packet, whether every protocol of tshark's frame.protocols
             (PSEUDO left out) is among strata's layers: reported per folder
             and per missed protocol, never a failure.
  COVERAGE   per protocol strata shows, the share of tshark's fields of that
             protocol in the paired layer (EXCLUDE left out) that strata
             also gives: reported, never a failure.

tshark's reading is cached (reduced to what the test uses) under
build/tshark-cache/, keyed by path, size, mtime, tshark's version and
command.  --only GLOB (repeatable) keeps the captures whose path relative
to CORPUS_DIR matches one of the globs ('zoo/ospf*'), for quick checks
while working on a protocol.  --missed PROTO (repeatable) lists, per
capture, the frames where tshark shows PROTO and strata does not.  Without tshark or the corpus the test is skipped, except under
CI=true where either fails.  The last line is `difftest: N passed, M
failed` (N field comparisons that agree, M failures); exit 1 on failure.
"""
import concurrent.futures
import fnmatch
import gzip
import hashlib
import ipaddress
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CACHE = os.path.join(HERE, "..", "build", "tshark-cache")
TIMEOUT = int(os.environ.get("DIFFTEST_TIMEOUT", "300"))
CACHE_FORMAT = 1  # bump when reduce_tshark() changes what it keeps

# Reassembly, defragmentation and sequence analysis off: strata reads one
# packet at a time.  Checksums verified so that *.checksum.status compares;
# no_subdissector_on_error off so that an offloaded (bad) TCP checksum does
# not stop tshark above TCP.  -x gives each layer's frame offset.  -n: no
# name lookups.
TSHARK_CMD = ["tshark", "-n", "-T", "json", "-x",
              "-o", "ip.defragment:FALSE", "-o", "ipv6.defragment:FALSE",
              "-o", "tcp.desegment_tcp_streams:FALSE",
              "-o", "tcp.analyze_sequence_numbers:FALSE",
              "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE",
              "-o", "udp.check_checksum:TRUE",
              "-o", "tcp.no_subdissector_on_error:FALSE", "-r"]

MAGICS = (b"\xa1\xb2\xc3\xd4", b"\xd4\xc3\xb2\xa1", b"\xa1\xb2\x3c\x4d",
          b"\x4d\x3c\xb2\xa1", b"\x0a\x0d\x0d\x0a")

# frame.protocols entries that are no protocol strata could show.
PSEUDO = {
    "frame": "the capture record, not packet bytes",
    "ethertype": "tshark's dispatch step on eth.type/vlan.etype, no bytes",
    "data": "tshark's name for bytes it does not decode",
    "raw": "link type raw IP: no header bytes before the IP header",
    "pkt_comment": "a pcapng comment, not packet bytes",
    "fake-field-wrapper": "tshark's container for text items",
}
PSEUDO_RE = re.compile(r"^_ws\.")  # expert info, malformed/short markers

# tshark fields left out of COVERAGE: regex -> reason.  (They still compare
# when strata gives the same name.)
EXCLUDE = {
    r"^_ws\.": "expert info and malformed markers, not fields",
    r"\.analysis\.|^tcp\.(seq|ack|nxtseq)$|^tcp\.completeness|"
    r"^dccp\.(seq|ack)$":
        "sequence analysis over the stream; the packet's numbers are *_raw",
    r"^(tcp|udp|dccp)\.stream$|^(tcp|udp)\.time_|^quic\.connection\.number$":
        "conversation state",
    r"^tcp\.window_size(_scalefactor|_scaling_factor)?$":
        "window scaled by what the stream's SYN said",
    r"^tcp\.options\.sack\.(count|dsack)": "SACK analysis",
    r"^(tcp|udp)\.pdu\.size$": "reassembly bookkeeping",
    r"\.(resp_in|resp_to|resptime|no_resp|response_in|response_to|"
    r"request_in|time|retransmission|unsolicited|prev_request_in|"
    r"prev_response_in|next_request_in|next_response_in|request_number|"
    r"response_number|data_time_relative|request_frame|response_time|"
    r"repframe|reqframe)$|"
    r"^http\.response_for\.uri$":
        "request/response matching across packets",
    r"^tls\.(app_data_proto|resumed)$": "from the session, not this packet",
    r"^smb2\.(auth_frame|tcon_frame|acct|domain|host)$":
        "the SMB2 session's user and tree, named from earlier packets",
    r"^arp\.(duplicate-address|seconds-since)": "compares earlier packets",
    r"\.checksum_calculated$": "what tshark computed, not a field",
    r"_resolved$": "name and vendor resolution, not bytes",
    r"^eth\.(addr|lg|ig)$|^eth\.addr\.": "alias of eth.src/eth.dst (bits)",
    r"^(ip|ipv6)\.(addr|host|src_host|dst_host)$": "alias of src/dst",
    r"^(tcp|udp)\.port$": "alias of srcport/dstport",
    r"^tcp\.flags\.str$": "tcp.flags again, as text",
    r"^ipv6\.(src_|dst_)?(slaac_mac|6to4_\w+|ts_\w+|tc_ipv4|embed_ipv4|"
    r"nat64_ipv4)$":
        "part of an IPv6 address again",
    r"^(tcp|udp)\.payload$|^tcp\.segment_data$":
        "the payload bytes again (strata's next layer or data.data)",
}
EXCL_RE = re.compile("|".join("(?:%s)" % k for k in EXCLUDE))

# tshark fields dropped from its reading: (layer, field) -> reason.
TSHARK_DROP = {("ipv6", "ip.version"): "hidden alias inside the IPv6 layer"}

INT_TYPES = {"FT_UINT8", "FT_UINT16", "FT_UINT24", "FT_UINT32", "FT_UINT40",
             "FT_UINT48", "FT_UINT56", "FT_UINT64", "FT_INT8", "FT_INT16",
             "FT_INT24", "FT_INT32", "FT_INT40", "FT_INT48", "FT_INT56",
             "FT_INT64", "FT_FRAMENUM", "FT_CHAR"}
BYTE_TYPES = {"FT_BYTES", "FT_UINT_BYTES", "FT_ETHER", "FT_EUI64",
              "FT_AX25", "FT_VINES", "FT_FCWWN", "FT_SYSTEM_ID", "FT_GUID"}
STRING_TYPES = {"FT_STRING", "FT_STRINGZ", "FT_UINT_STRING",
                "FT_STRINGZPAD", "FT_STRINGZTRUNC"}
FLOAT_TYPES = {"FT_FLOAT", "FT_DOUBLE", "FT_RELATIVE_TIME"}
# tshark's checksum status numbers; strata's words mapped onto them
# ("partial": the sender left the sum to its NIC, which tshark calls bad).
CKSUM = {"bad": 0, "partial": 0, "good": 1, "unverified": 2, "absent": 3}

FTYPE = {}        # field name -> Wireshark type
PROTOCOLS = set()  # protocol filter names


def tshark_version():
    out = subprocess.run(["tshark", "-v"], capture_output=True, text=True)
    return out.stdout.split("\n")[0]


def load_registry(version):
    key = hashlib.sha1(version.encode()).hexdigest()[:12]
    path = os.path.join(CACHE, "registry-%s.json" % key)
    try:
        with open(path) as f:
            ft, prot = json.load(f)
    except (OSError, ValueError):
        ft, prot = {}, []
        out = subprocess.run(["tshark", "-G", "fields"], capture_output=True,
                             text=True, errors="replace").stdout
        for line in out.split("\n"):
            p = line.split("\t")
            if len(p) >= 4 and p[0] == "F":
                ft[p[2]] = p[3]
        out = subprocess.run(["tshark", "-G", "protocols"],
                             capture_output=True, text=True,
                             errors="replace").stdout
        prot = [ln.split("\t")[2] for ln in out.split("\n")
                if ln.count("\t") >= 2]
        os.makedirs(CACHE, exist_ok=True)
        with open(path + ".tmp", "w") as f:
            json.dump([ft, prot], f)
        os.replace(path + ".tmp", path)
    FTYPE.update(ft)
    PROTOCOLS.update(prot)


# ---- normalisation -------------------------------------------------------

HEXBYTES = re.compile(r"^[0-9a-fA-F]{2}([:\-. ]?[0-9a-fA-F]{2})*$")


def canon(name, v):
    """One value in the form both readings are compared in."""
    ft = FTYPE.get(name)
    if ft == "FT_NONE":
        return ""  # no value in tshark: presence (and count) compares
    if name.endswith(("checksum.status", "cksum.status", "fcs.status")) and \
            isinstance(v, str):
        v = CKSUM.get(v, v)
    if name == "ip.frag_offset" and isinstance(v, str):
        v = int(v, 0) * 8  # tshark's JSON: 8-byte units; strata: bytes
    if isinstance(v, bool):
        v = int(v)
    if isinstance(v, int):
        # a multi-bit flag (tcp.flags.res) is set or not in tshark
        return (1 if v else 0) if ft == "FT_BOOLEAN" else v
    if isinstance(v, float):
        return round(v, 6)
    s = "" if v is None else str(v)
    if len(s) >= 2 and s[0] == s[-1] == '"':
        s = s[1:-1]
    s = s.rstrip("\r\n")  # tshark keeps a header line's end
    if ft == "FT_BOOLEAN":
        if s.lower() in ("true", "false"):
            return int(s.lower() == "true")
        try:
            return 1 if int(s, 0) else 0
        except ValueError:
            return s
    if ft in INT_TYPES:
        try:
            return int(s, 0) if s[:2].lower() == "0x" else int(s)
        except ValueError:
            return s
    if ft in BYTE_TYPES and HEXBYTES.match(s):
        return "bytes:" + re.sub(r"[:\-. ]", "", s).lower()
    # A tree node that holds bytes but has no type of its own
    # (tcp.options.mss): tshark writes them with colons, strata without.
    if not ft and HEXBYTES.match(s) and (":" in s or len(s) % 2 == 0):
        return "bytes:" + re.sub(r"[:\-. ]", "", s).lower()
    if ft == "FT_IPv6":
        try:
            return ipaddress.IPv6Address(s).compressed
        except ValueError:
            return s
    if ft in FLOAT_TYPES:
        try:
            return round(float(s), 6)
        except ValueError:
            return s
    return s


def agree(name, tvals, svals):
    t = sorted(map(repr, (canon(name, x) for x in tvals)))
    s = [canon(name, x) for x in svals]
    if FTYPE.get(name) in BYTE_TYPES and all(isinstance(x, int) for x in s):
        # strata gives some short byte strings as a number (icmp.unused)
        t = sorted(repr(int(x[6:] or "0", 16)) if isinstance(x, str) and
                   x.startswith("bytes:") else repr(x)
                   for x in (canon(name, y) for y in tvals))
    if t == sorted(map(repr, s)):
        return True
    if FTYPE.get(name) in STRING_TYPES:
        # a text field strata gives as hex bytes (a body may be binary):
        # compare the text, which tshark ends at the first NUL
        return t == sorted(repr(hex_text(x)) for x in s)
    return False


def hex_text(x):
    if isinstance(x, str) and len(x) % 2 == 0 and HEXBYTES.match(x):
        b = bytes.fromhex(x).split(b"\0")[0]
        return b.decode("utf-8", "replace").rstrip("\r\n")
    return x


# ---- tshark's reading ----------------------------------------------------

class Obj(list):
    """A JSON object as its (key, value) pairs: tshark repeats keys."""


FIELD_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]*(\.[A-Za-z0-9_\-]+)+$")


def _walk(obj, inst, insts):
    offs = {}
    for k, v in obj:
        if k.startswith("_ws"):
            continue
        if k.endswith("_raw") and isinstance(v, list) \
                and not isinstance(v, Obj):
            if len(v) >= 2 and isinstance(v[1], int):
                offs[k[:-4]] = v[1]
            continue
        for x in (v if isinstance(v, list) and not isinstance(v, Obj)
                  else [v]):
            if isinstance(x, Obj):
                if inst is None or (k in PROTOCOLS
                                    and not k.endswith("_tree")):
                    new = [k, offs.get(k), []]
                    insts.append(new)
                    _walk(x, new, insts)
                else:
                    _walk(x, inst, insts)  # a subtree or a text label
            elif inst is not None and isinstance(x, str) \
                    and FIELD_RE.match(k) and (inst[0], k) not in TSHARK_DROP:
                inst[2].append([k, x])


def reduce_tshark(text):
    """{frame: [protocols, [[proto, offset, [[field, value]...]]...]]}"""
    out = {}
    for i, pkt in enumerate(json.loads(text, object_pairs_hook=Obj)):
        layers = dict(dict(pkt).get("_source", [])).get("layers", [])
        fr = dict(dict(layers).get("frame", []))
        frame = int(fr.get("frame.number", i + 1))
        insts = [["frame", 0, [[k, fr[k]] for k in ("frame.len",
                                                     "frame.cap_len")
                               if k in fr]]]
        _walk(Obj(kv for kv in layers if not kv[0].startswith("frame")),
              None, insts)
        protos = fr.get("frame.protocols", "")
        out[str(frame)] = [protos.split(":") if protos else [], insts]
    return out


def run_tshark(path, version):
    st = os.stat(path)
    key = hashlib.sha1(json.dumps([os.path.realpath(path), st.st_size,
                                   st.st_mtime_ns, version, TSHARK_CMD,
                                   CACHE_FORMAT]).encode()).hexdigest()
    cpath = os.path.join(CACHE, key + ".json.gz")
    try:
        with gzip.open(cpath, "rt") as f:
            return json.load(f), None
    except (OSError, ValueError, EOFError):
        pass
    try:
        r = subprocess.run(TSHARK_CMD + [path], capture_output=True,
                           timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "tshark timed out after %d s" % TIMEOUT
    text = r.stdout.decode("utf-8", "replace")
    if not text.lstrip().startswith("["):
        err = [ln for ln in r.stderr.decode("utf-8", "replace").split("\n")
               if ln.strip() and "Running as user" not in ln]
        return None, "tshark cannot read it: %s" % (
            err[-1].strip()[:100] if err else "no output")
    data = reduce_tshark(text)
    os.makedirs(CACHE, exist_ok=True)
    tmp = "%s.%d" % (cpath, os.getpid())
    with gzip.open(tmp, "wt", compresslevel=3) as f:
        json.dump(data, f)
    os.replace(tmp, cpath)
    return data, None


# ---- strata's reading ----------------------------------------------------

def run_strata(strata, path):
    """(packets, failure): {frame: [[proto, name, offset, {field: [v]},
    end]]}."""
    try:
        r = subprocess.run([strata, "decode", "-q", "--view", "json", path],
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return {}, "strata timed out after %d s" % TIMEOUT
    err = r.stderr.decode("utf-8", "replace")
    if r.returncode not in (0, 1) or "Sanitizer" in err \
            or "runtime error" in err:
        return {}, "strata exited %d: %s" % (r.returncode, err.strip()[-300:])
    pkts = {}
    for line in r.stdout.decode("utf-8", "replace").splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            return {}, "strata wrote a line that is not JSON: %s" % line[:80]
        layers = [["frame", "frame", 0, {"frame.len": [o["len"]],
                                         "frame.cap_len": [o["caplen"]]},
                   o["caplen"]]]
        for ly in o["layers"]:
            f = {k: (v if isinstance(v, list) else [v])
                 for k, v in ly.get("fields", {}).items()}
            layers.append([ly["proto"], ly["name"], ly["offset"], f,
                           ly["offset"] + ly.get("length", 0) +
                           ly.get("payload", 0)])
        pkts[str(o["frame"])] = layers
    return pkts, None


# ---- one capture ---------------------------------------------------------

def pair(tinsts, slayers):
    """tshark instance index -> merged strata fields of the layers paired
    with it; and the number of strata layers left unpaired."""
    paired, lone, last = defaultdict(dict), 0, (None, None)
    caplen = int(slayers[0][3]["frame.cap_len"][0]) if slayers else 0
    onwire = {ly[2] for ly in slayers}
    wired = {(ly[0], ly[2]) for ly in slayers if ly[2] < caplen}
    made = Counter()
    for proto, name, off, fields, _ in slayers:
        cands = [i for i, t in enumerate(tinsts) if t[0] == proto]
        hit = [i for i in cands if tinsts[i][1] == off]
        if not hit and name == "trailer" and cands:
            # the trailer of the innermost layer of its protocol whose
            # bytes reach it (a tunnelled Ethernet frame's), else the
            # outermost's
            owner = [ly[2] for ly in slayers if ly[0] == proto and
                     ly[1] != "trailer" and ly[2] < off <= ly[4]]
            hit = [i for i in cands if owner and
                   tinsts[i][1] == owner[-1]] or cands[:1]
        if not hit and off >= caplen > 0:
            # bytes strata made from the frame's (a QUIC Initial's
            # CRYPTO data, opened; an HTTP header's token, decoded):
            # tshark's offsets count from the start of those bytes, its
            # own data source; the n-th such layer of a protocol pairs
            # with the n-th instance of it at an offset no layer of the
            # frame has, or, when there is none (such a source starts at
            # 0, as the frame does), that no layer of the frame of that
            # protocol has
            other = [i for i in cands if tinsts[i][1] not in onwire] or \
                [i for i in cands if (proto, tinsts[i][1]) not in wired]
            if made[proto] < len(other):
                hit = [other[made[proto]]]
            made[proto] += 1
        if not hit and last[0] == proto and last[1] is not None:
            # strata shows each TLS record as a layer, tshark all the
            # records of a segment in one
            hit = [last[1]]
        last = (proto, hit[0] if hit else None)
        if not hit:
            lone += 1
            continue
        for k, v in fields.items():
            paired[hit[0]].setdefault(k, []).extend(v)
    return paired, lone


# --missed PROTO (repeatable): list the frames where tshark shows PROTO
# and strata does not.
MISSED_AT = []


def compare(strata, path, rel, version):
    res = {"rel": rel, "skip": None, "fail": [], "pkts": 0, "deep": 0,
           "unpaired": 0, "lone": 0, "cmp": [], "missed": Counter(),
           "names": Counter(), "cov_t": Counter(), "cov_s": Counter(),
           "cov_miss": Counter(), "ok": 0, "missed_at": {}}
    tp, terr = run_tshark(path, version)
    sp, serr = run_strata(strata, path)
    if serr:
        res["fail"].append("%s: %s" % (rel, serr))
    if tp is None:
        res["skip"] = terr
        return res
    for frame, (protos, tinsts) in tp.items():
        slayers = sp.get(frame)
        res["pkts"] += 1
        # a layer counts by its Wireshark name and by strata's: tshark's
        # frame.protocols may name a protocol whose JSON layer is
        # another's (gtpprime's, whose fields are gtp's)
        have = {ly[i] for ly in slayers or [] for i in (0, 1)}
        miss = {p for p in protos if p not in PSEUDO and
                not PSEUDO_RE.match(p) and p not in have}
        for p in miss:
            res["missed"][p] += 1
            res["missed_at"].setdefault(p, []).append(frame)
        res["deep"] += not miss
        if slayers is None:
            res["unpaired"] += 1
            continue
        for ly in slayers:
            for k in ly[3]:
                # A name Wireshark registers as a protocol holds bytes
                # in its tree (tcp.options.mss): a name it knows.
                if k not in FTYPE and k not in PROTOCOLS and \
                        not k.startswith("strata."):
                    res["names"][k] += 1
        paired, lone = pair(tinsts, slayers)
        res["lone"] += lone
        for i, sf in paired.items():
            proto, _, tfl = tinsts[i]
            tf = defaultdict(list)
            for k, v in tfl:
                tf[k].append(v)
            for k in sorted(set(sf) & set(tf)):
                if agree(k, tf[k], sf[k]):
                    res["ok"] += 1
                else:
                    res["cmp"].append((k, int(frame), tf[k], sf[k]))
            pre = proto.split(".")[0] + "."
            for k in tf if proto != "frame" else ():
                if k.startswith(pre) and not EXCL_RE.search(k):
                    res["cov_t"][proto] += 1
                    if k in sf:
                        res["cov_s"][proto] += 1
                    else:
                        res["cov_miss"][(proto, k)] += 1
    res["unpaired"] += sum(1 for f in sp if f not in tp)
    return res


# ---- the run -------------------------------------------------------------

def load_allow():
    """[(field glob, file glob, frame or None, reason)]"""
    allow = []
    with open(os.path.join(HERE, "difftest-allow.txt")) as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                sys.exit("difftest-allow.txt: no reason in: " + line)
            field, where, reason = parts
            frame = None
            if re.search(r":\d+$", where):
                where, fr = where.rsplit(":", 1)
                frame = int(fr)
            allow.append((field, where, frame, reason))
    return allow


def allowed(allow, field, rel, frame):
    for i, (fg, wg, fr, _) in enumerate(allow):
        if fnmatch.fnmatchcase(field, fg) and fnmatch.fnmatchcase(rel, wg) \
                and (fr is None or fr == frame):
            return i
    return None


def captures(corpus):
    """[(folder label, path, name relative to the corpus)]"""
    out = []
    dirs = [""] + sorted(d for d in os.listdir(corpus)
                         if os.path.isdir(os.path.join(corpus, d)))
    for d in dirs:
        base = os.path.join(corpus, d)
        for f in sorted(os.listdir(base)):
            p = os.path.join(base, f)
            try:
                with open(p, "rb") as fh:
                    if fh.read(4) not in MAGICS:
                        continue
            except OSError:
                continue
            out.append((d or ".", p, os.path.join(d, f) if d else f))
    return out


def short(vals, n=60):
    s = json.dumps(vals[0] if len(vals) == 1 else vals, ensure_ascii=False)
    return s if len(s) <= n else s[:n - 3] + "..."


def pct(a, b):
    return "%5.1f%%" % (100.0 * a / b) if b else "    -"


def report(results, allow, verbose, secs):
    fails, used = [], Counter()
    folder = defaultdict(Counter)
    missed, missed_caps = Counter(), Counter()
    cov_t, cov_s, cov_miss = Counter(), Counter(), Counter()
    names = defaultdict(list)
    for r in results:
        fo = folder[r["rel"].split(os.sep)[0] if os.sep in r["rel"] else "."]
        fo["caps"] += 1
        fails.extend(r["fail"])
        if r["skip"]:
            fo["skipped"] += 1
            print("note: %s skipped: %s" % (r["rel"], r["skip"]))
            continue
        for k in ("pkts", "deep", "unpaired", "lone", "ok"):
            fo[k] += r[k]
        for k, frame, tv, sv in r["cmp"]:
            i = allowed(allow, k, r["rel"], frame)
            if i is not None:
                used[i] += 1
                fo["allowed"] += 1
                continue
            fo["bad"] += 1
            fails.append("%s frame %d %s: tshark %s, strata %s" %
                         (r["rel"], frame, k, short(tv), short(sv)))
        for k, n in r["names"].items():
            i = allowed(allow, k, r["rel"], None)
            if i is not None:
                used[i] += 1
            else:
                names[k].append(r["rel"])
        missed.update(r["missed"])
        missed_caps.update(r["missed"].keys())
        cov_t.update(r["cov_t"])
        cov_s.update(r["cov_s"])
        cov_miss.update(r["cov_miss"])
        fo["cov_t"] += sum(r["cov_t"].values())
        fo["cov_s"] += sum(r["cov_s"].values())
    for k in sorted(names):
        fails.append("%s: field name unknown to tshark -G fields (%d "
                     "captures, e.g. %s)" % (k, len(names[k]), names[k][0]))
    print("difftest: strata against %s over %d captures (%.0f s)" %
          (" ".join(TSHARK_CMD[:5]) + " ...", len(results), secs))
    print("  %-6s %5s %5s %8s %7s %9s %6s %7s %7s" % (
        "folder", "caps", "skip", "packets", "deep", "fields", "differ",
        "allowed", "cover"))
    tot = Counter()
    for name in sorted(folder):
        fo = folder[name]
        tot.update(fo)
        print("  %-6s %5d %5d %8d %7s %9d %6d %7d %7s" % (
            name, fo["caps"], fo["skipped"], fo["pkts"],
            pct(fo["deep"], fo["pkts"]), fo["ok"], fo["bad"], fo["allowed"],
            pct(fo["cov_s"], fo["cov_t"])))
    print("  %-6s %5d %5d %8d %7s %9d %6d %7d %7s" % (
        "all", tot["caps"], tot["skipped"], tot["pkts"],
        pct(tot["deep"], tot["pkts"]), tot["ok"], tot["bad"], tot["allowed"],
        pct(tot["cov_s"], tot["cov_t"])))
    print("  (deep: packets where strata shows every protocol of tshark's "
          "frame.protocols; fields: agreeing comparisons; cover: tshark's "
          "fields in layers strata shows that strata gives; packets strata "
          "left out: %d, strata layers tshark has not at that offset: %d)"
          % (tot["unpaired"], tot["lone"]))
    print("protocols tshark shows and strata does not (packets, captures), "
          "most missed first:")
    for p, n in sorted(missed.items(), key=lambda x: (-x[1], x[0])):
        print("  %-22s %7d %5d" % (p, n, missed_caps[p]))
    for p in MISSED_AT:
        print("where tshark shows %s and strata does not (capture: frames):"
              % p)
        for r in results:
            if r["missed_at"].get(p):
                print("  %s: %s" % (r["rel"], " ".join(
                    str(f) for f in r["missed_at"][p])))
    print("coverage of tshark's fields per protocol strata shows "
          "(fields, share given; most missed):")
    for p in sorted(cov_t, key=lambda p: (-cov_t[p], p)):
        m = sorted(((n, k) for (q, k), n in cov_miss.items() if q == p),
                   reverse=True)[:3]
        print("  %-14s %8d %7s  %s" % (p, cov_t[p], pct(cov_s[p], cov_t[p]),
                                      ", ".join("%s %d" % (k, n)
                                                for n, k in m)))
    for i, (fg, wg, fr, why) in enumerate(allow):
        if not used[i] and verbose:
            print("note: allow entry not needed: %s %s%s" %
                  (fg, wg, "" if fr is None else ":%d" % fr))
    for f in fails[:None if verbose else 60]:
        print("FAIL " + f)
    if len(fails) > 60 and not verbose:
        print("... %d more failures (-v shows all)" % (len(fails) - 60))
    print("difftest: %d passed, %d failed" % (tot["ok"], len(fails)))
    return 1 if fails else 0


def main():
    args = sys.argv[1:]
    verbose = "-v" in args
    jobs = 2
    if "--jobs" in args:
        jobs = int(args[args.index("--jobs") + 1])
    only = [args[i + 1] for i, a in enumerate(args[:-1]) if a == "--only"]
    MISSED_AT.extend(args[i + 1] for i, a in enumerate(args[:-1])
                     if a == "--missed")
    pos = [a for i, a in enumerate(args) if not a.startswith("-")
           and (i == 0 or args[i - 1] not in ("--jobs", "--only",
                                              "--missed"))]
    if len(pos) < 2:
        sys.exit(__doc__)
    strata, corpus = pos[0], pos[1]
    ci = os.environ.get("CI") == "true"
    for missing, what in ((not os.path.isdir(corpus), "no corpus at " +
                           corpus),
                          (shutil.which("tshark") is None, "no tshark")):
        if missing:
            print("difftest: %s: %s" % ("FAILED under CI" if ci
                                        else "skipped", what))
            return 1 if ci else 0
    t0 = time.time()
    version = tshark_version()
    load_registry(version)
    allow = load_allow()
    caps = captures(corpus)
    if only:
        caps = [c for c in caps if any(fnmatch.fnmatch(c[2], g) for g in only)]
    with concurrent.futures.ProcessPoolExecutor(max_workers=jobs) as ex:
        futs = [ex.submit(compare, strata, p, rel, version)
                for _, p, rel in caps]
        results = [f.result() for f in futs]
    return report(results, allow, verbose, time.time() - t0)


if __name__ == "__main__":
    sys.exit(main())
