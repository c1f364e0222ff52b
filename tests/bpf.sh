#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# strata bpf: the words of a set of filters and the step-by-step runs are
# golden (tests/out/bpf-*.out); then, on every packet of the bundled
# captures and of the shared corpus (every capture it can read), strata's
# interpreter must agree with libpcap's pcap_offline_filter (strata bpf
# checks each packet and fails with "disagree").
#   sh tests/bpf.sh STRATA [--update]
set -u
strata=${1:?usage: bpf.sh STRATA [--update]}
update=${2:-}
dir=$(dirname "$0")
top=$dir/..
corpus=$top/../shared/corpus
pass=0 fail=0
export TZ=UTC NO_COLOR=1
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

# name | arguments (captures/ files named from the top of the tree)
cases='
tcp-port-80|"tcp port 80"
host|"host 10.0.0.1"
net|"net 192.168.0.0/16"
port-53|"port 53"
icmp|icmp
vlan|"vlan and ip"
ip6-host|"ip6 host ::1"
tcpflags|"tcp[tcpflags] & tcp-syn != 0"
ttl|"ip[8] < 64"
ether-bytes|"ether[0] & 1 != 0"
portrange|"tcp portrange 1000-2000"
protochain|"ip6 protochain 6"
raw|-y RAW tcp
sll|--link LINUX_SLL "udp port 53"
step-accept|"tcp port 8080" captures/http.pcap -n 4
step-reject|"tcp dst port 443" captures/http.pcap -n 1
step-proto|udp captures/icmp-echo.pcap -n 1
step-dns|"udp dst port 53" captures/dns.pcap -n 1
count|"tcp[tcpflags] & tcp-syn != 0" captures/tcp-session.pcap
err-syntax|"tcp prot 80"
err-port|"port 99999 and tcp"
err-link|-y NOSUCH tcp
err-n|-n 1 tcp
err-past|tcp captures/udp.pcap -n 99
err-usage|
'
cd "$top" || exit 1
printf '%s\n' "$cases" | while IFS='|' read -r name args; do
	[ -n "$name" ] || continue
	out=tests/out/bpf-$name.out
	actual=$(eval "\"\$strata\" bpf $args" 2>&1; echo "exit $?")
	if [ "$update" = --update ]; then
		printf '%s\n' "$actual" > "$out"
		echo "updated $name"
		continue
	fi
	if printf '%s\n' "$actual" | diff -u "$out" - > "$tmp"; then
		echo pass
	else
		echo "FAIL $name: bpf $args" >&2
		head -40 "$tmp" >&2
		echo fail
	fi
done > "$tmp.res"
[ "$update" = --update ] && { cat "$tmp.res"; rm -f "$tmp.res"; exit 0; }
pass=$(grep -c '^pass' "$tmp.res")
fail=$(grep -c '^fail' "$tmp.res")
rm -f "$tmp.res"

# Agreement with libpcap on every packet.
filters='tcp port 80
host 10.0.0.1
udp port 53
vlan
ip6
tcp[tcpflags] & tcp-syn != 0
ip[8] < 64
net 192.168.0.0/16
icmp or arp
ether[0] & 1 != 0
len > 100
ip6 and tcp
ip6 protochain 6
not ip'
# The listing is tcpdump -d's, line for line.
if command -v tcpdump >/dev/null 2>&1; then
	printf '%s\n' "$filters" > "$tmp"
	while read -r flt; do
		"$strata" bpf "$flt" | grep '^(' > "$tmp.d"
		if tcpdump -d "$flt" 2>/dev/null | diff -q - "$tmp.d" >/dev/null
		then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL listing differs from tcpdump -d: $flt"
		fi
	done < "$tmp"
	rm -f "$tmp.d"
fi

files=0 runs=0 skipped=0
for f in captures/*.pcap $( [ -d "$corpus" ] && find "$corpus" -type f \
    \( -name '*.pcap' -o -name '*.pcapng' -o -name '*.cap' \) | sort); do
	files=$((files + 1))
	printf '%s\n' "$filters" > "$tmp"
	while read -r flt; do
		res=$("$strata" bpf "$flt" "$f" 2>&1)
		rc=$?
		case $rc:$res in
		0:*)	runs=$((runs + 1)) ;;
		*disagree*)
			fail=$((fail + 1))
			echo "FAIL agreement: $f: $flt: $res" ;;
		[12]:*)	# not readable, or the filter does not apply
			# to its link type
			skipped=$((skipped + 1)) ;;
		*)	fail=$((fail + 1))
			echo "FAIL exit $rc: $f: $flt: $res" ;;
		esac
	done < "$tmp"
done
pass=$((pass + runs))
echo "bpf: $pass passed, $fail failed ($runs filter runs over $files" \
    "captures agree with pcap_offline_filter; $skipped skipped: unreadable" \
    "or filter not for the link type)"
[ "$fail" -eq 0 ]
