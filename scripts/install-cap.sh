#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# make install-cap: gives the installed strata CAP_NET_RAW (file
# capabilities, setcap), so send, ping and trace work without sudo, and
# says what it did.  Never setuid.  strata opens its raw sockets first and
# then drops the capability for good.
#   sh scripts/install-cap.sh BINARY
set -u
bin=${1:?usage: install-cap.sh BINARY}
if [ ! -x "$bin" ]; then
	echo "strata: $bin: not installed (run make install first)" >&2
	exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
	echo "strata: install-cap needs root: sudo make install-cap" >&2
	exit 1
fi
setcap=$(command -v setcap || echo /sbin/setcap)
if [ ! -x "$setcap" ]; then
	echo "strata: setcap not found: apt-get install libcap2-bin" >&2
	exit 1
fi
if ! "$setcap" cap_net_raw+ep "$bin"; then
	echo "strata: setcap failed on $bin (a filesystem without extended" \
	    "attributes, or a nosuid mount?)" >&2
	exit 1
fi
getcap=$(command -v getcap || echo /sbin/getcap)
echo "install-cap: gave $bin the capability cap_net_raw (effective," \
    "permitted): $("$getcap" "$bin" 2>/dev/null | sed 's/^[^ ]* //')"
echo "install-cap: send, ping and trace now open raw sockets without sudo;" \
    "strata drops the capability once they are open. Capture on interfaces" \
    "other than lo may also need cap_net_admin. Undo: sudo setcap -r $bin"
