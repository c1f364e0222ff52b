/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The privilege doctor's findings and fixes, from facts given by hand
 * (the probes stubbed): root, a user with nothing, a user in the ping
 * group, a binary on a nosuid mount, a capability taken away.
 */
#include "testutil.h"

#include <errno.h>
#include <stdio.h>

#include "strata/doctor.h"

static char text[8192];

static int
report(const struct st_doctor_facts *f)
{
	return st_doctor_report(f, text, sizeof(text));
}

static void
facts(struct st_doctor_facts *f, unsigned long uid)
{
	memset(f, 0, sizeof(*f));
	f->uid = f->euid = f->gid = uid;
	snprintf(f->user, sizeof(f->user), "%s", uid == 0 ? "root" : "ann");
	snprintf(f->exe, sizeof(f->exe), "/usr/bin/strata");
	f->ping_lo = 1;
	f->ping_hi = 0;
	f->dgram4 = f->dgram6 = EACCES;
	f->nifs = 1;
	snprintf(f->ifs[0].name, sizeof(f->ifs[0].name), "lo");
	if (uid == 0) {
		f->cap_raw = 1;
		f->ifs[0].ok = 1;
	} else {
		f->raw4 = f->raw6 = EPERM;
		f->ifs[0].perm = 1;
		snprintf(f->ifs[0].why, sizeof(f->ifs[0].why), "no permission");
	}
}

static void
has(const char *s)
{
	if (strstr(text, s) == NULL)
		fail_msg("report lacks '%s':\n%s", s, text);
}

static void
lacks(const char *s)
{
	if (strstr(text, s) != NULL)
		fail_msg("report has '%s':\n%s", s, text);
}

static void
test_root(void **state)
{
	struct st_doctor_facts f;

	(void)state;
	facts(&f, 0);
	assert_int_equal(report(&f), 0);
	has("uid 0 (root)");
	has("raw IPv4 socket        yes");
	has("Nothing to fix: strata can send and capture here.");
	lacks("setcap");
	has("strata send --dry-run -w out.pcap SPEC");
}

static void
test_nothing_works(void **state)
{
	struct st_doctor_facts f;

	(void)state;
	facts(&f, 1000);
	assert_int_equal(report(&f), 1);
	has("raw IPv4 socket        no   Operation not permitted");
	has("1. raw sockets (send, ping, trace)");
	has("sudo setcap cap_net_raw+ep /usr/bin/strata");
	has("2. plain ping without privilege");
	has("sudo sysctl -w net.ipv4.ping_group_range=\"1000 1000\"");
	has("3. capture (capture, demo)");
	has("sudo setcap cap_net_raw,cap_net_admin+ep /usr/bin/strata");
	has("the kernel's default \"1 0\"");
	lacks("Nothing to fix");
}

static void
test_ping_group(void **state)
{
	struct st_doctor_facts f;

	(void)state;
	facts(&f, 1000);
	f.ping_lo = 0;
	f.ping_hi = 2147483647;
	f.in_ping_group = 1;
	f.dgram4 = f.dgram6 = 0;
	assert_int_equal(report(&f), 0);
	has("a group of yours is in it");
	has("ICMP ping socket       yes");
	has("1. raw sockets");
	lacks("sysctl");
}

static void
test_caps_lost(void **state)
{
	struct st_doctor_facts f;

	(void)state;
	facts(&f, 1000);
	f.nosuid = 1;
	assert_int_equal(report(&f), 1);
	has("on a nosuid mount");
	facts(&f, 1000);
	f.file_cap_raw = 1;
	report(&f);
	has("CAP_NET_RAW on binary  yes");
	has("the binary has it already, yet this process does not");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_root),
		cmocka_unit_test(test_nothing_works),
		cmocka_unit_test(test_ping_group),
		cmocka_unit_test(test_caps_lost),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
