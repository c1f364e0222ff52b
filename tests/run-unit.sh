#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Runs each cmocka test binary; fails if any fails.
status=0
for t in "$@"; do
	"$t" || status=1
done
exit $status
