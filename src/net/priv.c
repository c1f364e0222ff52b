/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Privileges: raw sockets need root or CAP_NET_RAW.  strata opens them
 * first and then gives up everything: the user ids (back to the sudo user,
 * or nobody), every capability, and the right to regain any by exec.
 */
#include <errno.h>
#include <grp.h>
#include <linux/capability.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "strata/net.h"

const char *
st_priv_hint(void)
{
	return "raw sockets need root or CAP_NET_RAW: run it with sudo, or "
	    "give the binary the capability once: sudo setcap cap_net_raw+ep "
	    "./strata";
}

/* The ids to become: the sudo user's, else nobody's. */
static void
target_ids(uid_t *uid, gid_t *gid)
{
	const char *su = getenv("SUDO_UID"), *sg = getenv("SUDO_GID");
	struct passwd *pw;
	char *end;
	long v;

	*uid = 65534;
	*gid = 65534;
	if (su != NULL && sg != NULL) {
		v = strtol(su, &end, 10);
		if (*end == '\0' && v > 0) {
			*uid = (uid_t)v;
			v = strtol(sg, &end, 10);
			if (*end == '\0' && v >= 0)
				*gid = (gid_t)v;
			return;
		}
	}
	if ((pw = getpwnam("nobody")) != NULL) {
		*uid = pw->pw_uid;
		*gid = pw->pw_gid;
	}
}

/* Clears every capability set of this process. */
static int
drop_caps(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	memset(d, 0, sizeof(d));
	return (int)syscall(SYS_capset, &h, d);
}

int
st_priv_drop(const char **what)
{
	uid_t uid;
	gid_t gid;

	if (geteuid() == 0 || getuid() == 0) {
		target_ids(&uid, &gid);
		if (setgroups(0, NULL) != 0 && errno != EPERM) {
			*what = "setgroups";
			return -1;
		}
		if (setresgid(gid, gid, gid) != 0) {
			*what = "setresgid";
			return -1;
		}
		if (setresuid(uid, uid, uid) != 0) {
			*what = "setresuid";
			return -1;
		}
	}
	if (drop_caps() != 0) {
		*what = "capset";
		return -1;
	}
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		*what = "prctl(PR_SET_NO_NEW_PRIVS)";
		return -1;
	}
	return 0;
}
