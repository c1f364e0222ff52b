#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# strata replay: with --speed 0 it writes what decode writes, on every
# bundled capture and view; the pace of the timestamps (loose bounds, two
# speeds), a long silence cut and said; --step driven through a pty (n, p,
# q) and through lines; --to IFACE on a veth pair in a namespace of its
# own, tcpdump on the peer counting the frames, and a frame too big for
# the MTU said (root only: skipped with the reason otherwise).
#   sh tests/replay.sh STRATA
set -u
strata=${1:?usage: replay.sh STRATA}
dir=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
chmod 755 "$tmp"	# strata reads as nobody when started as root
ns=strepl$$
trap 'ip netns del $ns 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; }

# mkpcap FILE T... : ICMP echo requests (Ethernet, 98 bytes; one of 1514
# when T ends in +), one at each time T (seconds).
mkpcap() {
	python3 - "$@" <<'PY'
import struct, sys
out, times = sys.argv[1], sys.argv[2:]
def frame(seq, big):
    pay = bytes(56 if not big else 1472)
    icmp = struct.pack("!BBHHH", 8, 0, 0, 7, seq) + pay
    s = sum(struct.unpack("!%dH" % (len(icmp) // 2), icmp))
    s = (s & 0xffff) + (s >> 16); s = (s & 0xffff) + (s >> 16)
    icmp = icmp[:2] + struct.pack("!H", ~s & 0xffff) + icmp[4:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(icmp), seq, 0, 64,
        1, 0, bytes([198, 18, 0, 1]), bytes([198, 18, 0, 2]))
    w = struct.unpack("!10H", ip); c = sum(w); c = (c & 0xffff) + (c >> 16)
    ip = ip[:10] + struct.pack("!H", ~c & 0xffff) + ip[12:]
    return bytes.fromhex("020000000002020000000001") + b"\x08\x00" + ip + icmp
with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i, t in enumerate(times):
        big = t.endswith("+"); t = float(t.rstrip("+"))
        b = frame(i + 1, big)
        f.write(struct.pack("<IIII", int(t), int(round((t % 1) * 1e6)),
            len(b), len(b)) + b)
PY
}

# Elapsed seconds of a command, its output in $tmp/out and $tmp/err.
elapsed() {
	python3 -c 'import subprocess, sys, time
t = time.monotonic()
with open(sys.argv[1], "w") as o, open(sys.argv[2], "w") as e:
    subprocess.call(sys.argv[3:], stdout=o, stderr=e)
print("%.3f" % (time.monotonic() - t))' "$tmp/out" "$tmp/err" "$@"
}
# within X LO HI: LO <= X <= HI
within() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }

# 1. --speed 0 writes exactly what decode writes.
for f in "$dir"/captures/*.pcap; do
	for v in summary tree,hex json stats; do
		"$strata" decode --view $v "$f" >"$tmp/d" 2>&1
		"$strata" replay --speed 0 --view $v "$f" >"$tmp/r" 2>&1
		cmp -s "$tmp/d" "$tmp/r" && ok ||
		    bad "replay --speed 0 --view $v $(basename "$f") differs from decode"
	done
done
f=$dir/captures/tcp-session.pcap
"$strata" decode -f 'tcp[13] & 8 != 0' -c 2 "$f" >"$tmp/d" 2>&1
"$strata" replay --speed 0 -f 'tcp[13] & 8 != 0' -c 2 "$f" >"$tmp/r" 2>&1
cmp -s "$tmp/d" "$tmp/r" && ok || bad "replay -f -c differs from decode"

# 2. The pace: 3 packets 1 s apart take 2 s at --speed 1, 1 s at 2.
mkpcap "$tmp/three.pcap" 100 101 102
t=$(elapsed "$strata" replay "$tmp/three.pcap")
within "$t" 1.8 6 && [ "$(wc -l <"$tmp/out")" -eq 3 ] && ok ||
    bad "--speed 1 took $t s"
t=$(elapsed "$strata" replay --speed 2 "$tmp/three.pcap")
within "$t" 0.9 4 && ok || bad "--speed 2 took $t s"
t=$(elapsed "$strata" replay --speed 0 "$tmp/three.pcap")
within "$t" 0 0.8 && ok || bad "--speed 0 took $t s"
# A silence of 37.2 s: cut to --max-silence and said, on stderr only.
mkpcap "$tmp/gap.pcap" 100 137.2 137.3
t=$(elapsed "$strata" replay --max-silence 0.5 "$tmp/gap.pcap")
within "$t" 0.5 4 && grep -qx '(silence of 37.2 s skipped)' "$tmp/err" &&
    ! grep -q silence "$tmp/out" && ok || bad "silence: $t s: $(cat "$tmp/err")"
"$strata" decode "$tmp/gap.pcap" | cmp -s - "$tmp/out" && ok ||
    bad "paced output differs from decode"

# 3. Usage errors: one line, exit 2.
for args in "--speed -1 $f" "--speed x $f" "--step -" "--view html $f" \
    "" "$f $f" "--max-silence z $f" "-f 'tcp[' $f"; do
	eval "\"\$strata\" replay $args" >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 2 ] && [ "$(grep -c '^strata: ' "$tmp/err")" -eq 1 ] && ok ||
	    bad "replay $args: exit $rc: $(cat "$tmp/err")"
done
"$strata" replay "$tmp/none.pcap" >/dev/null 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "^strata: .*none.pcap: " "$tmp/err" && ok ||
    bad "missing file"

# 4. --step through lines: n, p (back), n (again), q.
mkpcap "$tmp/five.pcap" 1 2 3 4 5
printf '\nn\np\np\np\nn\nq\n' | "$strata" replay --step "$tmp/five.pcap" \
    >"$tmp/out" 2>"$tmp/err"
got=$(awk '{ printf "%s ", $1 }' "$tmp/out")
[ "$got" = "1 2 3 2 1 2 " ] && grep -q "(packet 1 is the first)" "$tmp/err" &&
    ok || bad "--step lines: '$got' $(cat "$tmp/err")"
# End of input ends it; the stats view still ends.
printf '\n' | "$strata" replay --step --view summary,stats \
    "$tmp/five.pcap" >"$tmp/out" 2>&1
[ "$(grep -c '^ *[12]  ' "$tmp/out")" -eq 2 ] && grep -q 'frames' "$tmp/out" &&
    ok || bad "--step to end of input: $(cat "$tmp/out")"

# Going back past the 1,000 packets kept: said.
mkpcap "$tmp/many.pcap" $(seq 1 1003)
{ yes n | head -1002; yes p | head -1000; echo q; } |
    "$strata" replay --step "$tmp/many.pcap" >"$tmp/out" 2>"$tmp/err"
[ "$(tail -1 "$tmp/out" | awk '{ print $1 }')" = 4 ] &&
    grep -qx "(history exhausted: only the last 1000 packets are kept)" \
    "$tmp/err" && ok || bad "--step history: $(tail -1 "$tmp/out") $(cat "$tmp/err")"
# Going back shows again, but the stats count each packet once: decode's.
f=$dir/captures/tcp-session.pcap
"$strata" decode --view summary,stats "$f" >"$tmp/d"
{ printf 'n\np\np\n'; yes n | head -20; } |
    "$strata" replay --step --view summary,stats "$f" 2>/dev/null |
    awk '!/^ *[0-9]+  / || !seen[$1]++' >"$tmp/r"
cmp -s "$tmp/d" "$tmp/r" && ok || bad "--step going back: stats differ from decode's"
# Ctrl-C in a long wait: ends at once, the views' ends written.
mkpcap "$tmp/long.pcap" 1 31
"$strata" replay --max-silence 60 --view summary,stats "$tmp/long.pcap" \
    >"$tmp/out" 2>&1 &
pid=$!
sleep 0.5
kill -INT $pid
t0=$(date +%s)
wait $pid
rc=$?
[ $rc -eq 0 ] && [ $(($(date +%s) - t0)) -le 2 ] &&
    [ "$(grep -c '^ *[0-9]  ' "$tmp/out")" -eq 1 ] && grep -q frames "$tmp/out" &&
    ok || bad "SIGINT while waiting: exit $rc: $(cat "$tmp/out")"

# 5. --step on a terminal: keys without Enter, the terminal given back.
python3 - "$strata" "$tmp/five.pcap" >"$tmp/pty" 2>&1 <<'PY'
import os, pty, select, subprocess, sys, termios, time
master, slave = pty.openpty()
child = subprocess.Popen([sys.argv[1], "replay", "--step", "--color=never",
    sys.argv[2]], stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
out = b""
def read_for(sec):
    global out
    end = time.monotonic() + sec
    while time.monotonic() < end:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                out += os.read(master, 4096)
            except OSError:
                return
def canon():
    return bool(termios.tcgetattr(slave)[3] & termios.ICANON)
read_for(1.0)
raw = not canon()
for k in b"npnnpp":
    os.write(master, bytes([k])); read_for(0.3)
os.write(master, b"q")
rc = child.wait(timeout=10)
read_for(0.3)
lines = out.decode("utf-8", "replace").replace("\x1b[K", "").split("\n")
last = [l.rstrip("\r").split("\r")[-1] for l in lines]
nums = [l.split()[0] for l in last if l.lstrip()[:1].isdigit()]
print("nums", " ".join(nums))
print("raw", raw, "restored", canon(), "exit", rc)
print("prompt", "Enter/n next" in out.decode("utf-8", "replace"))
child = subprocess.Popen([sys.argv[1], "replay", "--step", sys.argv[2]],
    stdin=slave, stdout=slave, stderr=slave, start_new_session=True)
read_for(1.0)
raw = not canon()
# ^C: SIGINT, as the terminal would send it.
os.kill(child.pid, 2)
rc = child.wait(timeout=10)
print("interrupted raw", raw, "restored", canon(), "exit", rc)
PY
grep -qx 'nums 1 2 1 2 3 2 1' "$tmp/pty" &&
    grep -qx 'raw True restored True exit 0' "$tmp/pty" &&
    grep -qx 'prompt True' "$tmp/pty" &&
    grep -qx 'interrupted raw True restored True exit 0' "$tmp/pty" && ok || bad "--step on a pty: $(cat "$tmp/pty")"

# 6. --to IFACE: a veth pair in a namespace, tcpdump on the peer.
if [ "$(id -u)" -ne 0 ]; then
	echo "replay: skipped --to: needs root (a veth pair in a namespace)"
elif ! command -v tcpdump >/dev/null 2>&1 || ! ip netns add $ns 2>/dev/null; then
	echo "replay: skipped --to: no tcpdump or no network namespaces here"
else
	ip -n $ns link add strepla type veth peer name streplb &&
	    ip -n $ns link set strepla up && ip -n $ns link set streplb up &&
	    ip -n $ns link set strepla mtu 1000 || bad "making the veth pair"
	ip netns exec $ns timeout 20 tcpdump -n -i streplb -c 4 -w "$tmp/got.pcap" \
	    icmp 2>"$tmp/tcpdump" &
	td=$!
	sleep 1
	mkpcap "$tmp/send.pcap" 1 1.1 1.2+ 1.3 1.4
	ip netns exec $ns "$strata" replay --speed 0 --to strepla "$tmp/send.pcap" \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	wait $td
	[ "$(wc -l <"$tmp/out")" -eq 5 ] && ok || bad "--to: shown $(cat "$tmp/out")"
	[ $rc -eq 1 ] &&
	    grep -q "^strata: replay: frame 3 (1514 bytes) is more than strepla's MTU of 1000" "$tmp/err" &&
	    grep -qx "4 frames sent to strepla, 1 too big for its MTU of 1000" "$tmp/err" &&
	    ok || bad "--to: exit $rc: $(cat "$tmp/err")"
	got=$(tcpdump -n -r "$tmp/got.pcap" 2>/dev/null | grep -c 'ICMP echo request')
	[ "$got" -eq 4 ] && ok || bad "--to: tcpdump on the peer saw $got of 4"
	"$strata" decode -f 'not len > 1000' "$tmp/send.pcap" |
	    sed 's/^ *[0-9]*  [0-9.]*  //' >"$tmp/a"
	"$strata" decode "$tmp/got.pcap" | sed 's/^ *[0-9]*  [0-9.]*  //' >"$tmp/b"
	cmp -s "$tmp/a" "$tmp/b" && ok || bad "--to: the frames seen are not those sent"
	# A capture of another link type: refused, not sent unreadable.
	python3 -c 'import struct, sys
ip = bytes.fromhex("450000140001000040000000c6120001c6120002")
sys.stdout.buffer.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0,
    65535, 101) + struct.pack("<IIII", 1, 0, 20, 20) + ip)' >"$tmp/raw.pcap"
	ip netns exec $ns "$strata" replay --to strepla "$tmp/raw.pcap" \
	    >/dev/null 2>"$tmp/err"
	[ $? -eq 1 ] && grep -q "^strata: replay: --to strepla: the capture's link type is RAW, the interface's EN10MB" \
	    "$tmp/err" && ok || bad "--to, another link type: $(cat "$tmp/err")"
	ip -n $ns link del strepla
	ip netns del $ns
	"$strata" replay --to strepl-none "$tmp/send.pcap" >/dev/null 2>"$tmp/err"
	[ $? -eq 1 ] && grep -q "^strata: replay: --to strepl-none: " "$tmp/err" &&
	    ok || bad "--to a missing interface: $(cat "$tmp/err")"
fi
if command -v setpriv >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
	setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=-all \
	    --bounding-set=-all "$strata" replay --to lo "$tmp/five.pcap" \
	    >/dev/null 2>"$tmp/err"
	rc=$?
	[ $rc -eq 1 ] && head -1 "$tmp/err" | grep -q "^strata: replay: --to lo: .*CAP_NET_RAW" &&
	    ok || bad "--to without privilege: exit $rc: $(head -1 "$tmp/err")"
fi
echo "replay: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
