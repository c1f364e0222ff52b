#!/usr/bin/env python3
# SPDX-License-Identifier: BSD-3-Clause
"""Runs the examples of README.md and the man page and compares them with
the text shown.  README: each ``` block line "$ ./strata ..." is run from
the top of the tree (stdin empty, or "echo ANSWER |", TZ=UTC, no colour) and its output
compared with the lines after it: all of them, or, when the command line
ends "(cut)" or "(frame N, cut)", the lines shown in order, "..." standing
for lines left out.  Commands needing root and a network (sudo, setpriv,
ping, send, trace) are left to the live suites.  Man page: each example
under EXAMPLES naming the installed captures runs on ./captures and must
exit 0.  make demo: each banner names the command it runs.

usage: readme-examples.py STRATA"""
import os
import re
import shlex
import subprocess
import sys

TOP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SKIP = re.compile(r"^(sudo|setpriv)\b|strata (ping|send|trace|capture|demo)\b")


def run(strata, cmd):
    m = re.match(r"echo (\S+) \| (.*)", cmd)	# an answer on stdin
    cmd, given = (m.group(2), m.group(1) + "\n") if m else (cmd, "")
    argv = shlex.split(cmd)
    argv[0] = strata
    env = dict(os.environ, TZ="UTC", NO_COLOR="1")
    r = subprocess.run(argv, cwd=TOP, input=given, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    return r.returncode, [l.rstrip() for l in r.stdout.splitlines()]


def in_order(shown, got):
    """Whether the lines shown (but "...") come in got in that order."""
    i = 0
    for line in shown:
        if line.strip() == "...":
            continue
        while i < len(got) and got[i] != line:
            i += 1
        if i == len(got):
            return False, line
        i += 1
    return True, None


def readme_examples():
    text = open(os.path.join(TOP, "README.md")).read()
    for block in re.findall(r"^```\n(.*?)^```", text, re.S | re.M):
        lines = block.splitlines()
        cur = None
        for line in lines:
            if line.startswith("$ "):
                if cur is not None:
                    yield cur
                cur = [line[2:], []]
            elif cur is not None:
                cur[1].append(line.rstrip())
        if cur is not None:
            yield cur


def main():
    strata = os.path.abspath(sys.argv[1])
    passed = failed = 0
    for cmd, shown in readme_examples():
        cut = re.search(r"\s+\((?:frame \d+, )?cut\)$", cmd)
        cmd = cmd[:cut.start()] if cut else cmd
        if not re.match(r"(echo \S+ \| )?\./strata", cmd) or \
                SKIP.search(cmd):
            continue
        rc, got = run(strata, cmd)
        while shown and shown[-1] == "":
            shown.pop()
        while got and got[-1] == "":
            got.pop()
        cut = cut or any(l.strip() == "..." for l in shown)
        ok, missing = in_order(shown, got) if cut else (got == shown, None)
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL README: %s%s" % (cmd, ": no line '%s'" % missing
                                         if missing else ""))
            if not cut:
                for a, b in zip(shown, got):
                    if a != b:
                        print("  shown: %s\n  got:   %s" % (a, b))
                        break
                else:
                    print("  shown %d lines, got %d" % (len(shown), len(got)))
    man = open(os.path.join(TOP, "man", "strata.1")).read()
    ex = man[man.find(".SH EXAMPLES"):]
    for line in ex.splitlines():
        line = line.replace("\\-", "-")
        if "/usr/share/strata/captures" not in line or \
                not line.startswith("strata "):
            continue
        cmd = line.replace("/usr/share/strata/captures", "captures")
        rc, got = run(strata, cmd)
        if rc == 0:
            passed += 1
        else:
            failed += 1
            print("FAIL man page: %s: exit %d" % (cmd, rc))
    # make demo: each banner names the command run under it.
    mk = open(os.path.join(TOP, "Makefile")).read().splitlines()
    for i, line in enumerate(mk[:-1]):
        m = re.match(r"\t@echo '== (strata [^(']*?)\s*(\(.*\))?'$", line)
        if m is None:
            continue
        ran = mk[i + 1].strip().lstrip("@").replace("./strata", "strata", 1)
        if ran == m.group(1):
            passed += 1
        else:
            failed += 1
            print("FAIL make demo: banner '%s' runs '%s'" % (m.group(1), ran))
    print("readme: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


main()
