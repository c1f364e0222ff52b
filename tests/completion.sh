#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# The bash completion, as bash calls it: COMP_WORDS and COMP_CWORD set,
# _strata run, COMPREPLY read.  Subcommands, options from each --help,
# views (in comma lists), spec layers and fields from `send --list`,
# interfaces, explain's protocols.
#   bash tests/completion.sh STRATA
set -u
strata=$(cd "$(dirname "${1:?usage: completion.sh STRATA}")" && pwd)/$(basename "$1")
dir=$(dirname "$0")
shopt -s extglob
# shellcheck source=../completions/strata
. "$dir/../completions/strata"
pass=0 fail=0
# want WORD... -- EXPECTED: the completions of the last word hold EXPECTED.
want() {
	local words=() w
	while [ "$1" != -- ]; do words+=("$1"); shift; done
	shift
	COMP_WORDS=("$strata" "${words[@]}")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMPREPLY=()
	_strata 2>/dev/null
	for w in "$@"; do
		if ! printf '%s\n' "${COMPREPLY[@]}" | grep -qxF -- "$w"; then
			fail=$((fail + 1))
			echo "FAIL completing '${words[*]}': no '$w' in: ${COMPREPLY[*]}"
			return
		fi
	done
	pass=$((pass + 1))
}
want de -- decode
want d -- decode demo doctor
want b -- bpf
want r -- replay
want replay --sp -- --speed
want replay --to "" -- lo
want decode --vi -- --view
want decode --me -- --merge
want decode --reas -- --reassemble
want decode --view tr -- tree
want decode --view summary,he -- summary,hex
want decode --view summary,ch -- summary,changes summary,checksum
want decode --view "" -- summary ek stats quote ledger
want ping --ex -- --explain
want ping "" -- 127.0.0.1 ::1
want send --dr -- --dry-run
want send "ip(tt" -- "ip(ttl="
want send "'ip(dst=127.0.0.1,tt" -- "'ip(dst=127.0.0.1,ttl="
want send "ip(dst=127.0.0.1)/ic" -- "ip(dst=127.0.0.1)/icmp(" "ip(dst=127.0.0.1)/icmpv6("
want send "ip()/tcp(fl" -- "ip()/tcp(flags="
want capture -i "" -- lo
want explain t -- tcp tls
want trace -P "" -- icmp udp tcp
want quiz --kinds ip.len,tc -- ip.len,tcp.seq
want stats --mer -- --merge
echo "completion: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
