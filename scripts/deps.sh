#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Installs what strata needs to build (and, with "test", to test) on a
# Debian machine: as root with apt-get; otherwise prints the one command to
# run and fails.
set -u
what=${1:-build}
need=""
command -v cc >/dev/null 2>&1 || need="$need gcc"
command -v pkg-config >/dev/null 2>&1 || need="$need pkg-config"
pkg-config --exists libpcap 2>/dev/null || need="$need libpcap-dev"
pkg-config --exists libseccomp 2>/dev/null || need="$need libseccomp-dev"
pkg-config --exists nettle 2>/dev/null || need="$need nettle-dev"
pkg-config --exists zlib 2>/dev/null || need="$need zlib1g-dev"
if [ "$what" = test ]; then
	pkg-config --exists cmocka 2>/dev/null || need="$need libcmocka-dev"
	command -v python3 >/dev/null 2>&1 || need="$need python3"
fi
[ -z "$need" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "strata: missing build dependencies:$need" >&2
	echo "strata: run: sudo apt-get update && sudo apt-get install -y$need" >&2
	exit 1
fi
echo "strata: installing$need" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq $need >/dev/null ||
	{ echo "strata: apt-get install$need failed" >&2; exit 1; }
