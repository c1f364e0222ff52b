/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The privilege doctor.  Every probe tries the real thing (opening the
 * socket, activating the capture) rather than reasoning about ids, since
 * user namespaces, containers and LSMs all change the answer; the ids and
 * capabilities only explain it.
 */
#include <errno.h>
#include <stdarg.h>
#include <grp.h>
#include <linux/capability.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <pcap/pcap.h>

#include "strata/capture.h"
#include "strata/doctor.h"

static int
try_socket(int fam, int type, int proto)
{
	int fd = socket(fam, type, proto);

	if (fd < 0)
		return errno != 0 ? errno : EPERM;
	close(fd);
	return 0;
}

/* CAP_NET_RAW in this process's effective set. */
static int
cap_raw_now(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];

	if (syscall(SYS_capget, &h, d) != 0)
		return 0;
	return (d[0].effective >> CAP_NET_RAW & 1) != 0;
}

/*
 * cap_net_raw in the file capabilities of path (the security.capability
 * attribute, struct vfs_cap_data of <linux/capability.h>): 1, 0, or -1
 * when the attribute cannot be read.  Reading one attribute did not seem
 * worth a dependency on libcap.
 */
static int
file_cap_raw(const char *path)
{
	uint32_t v[5];
	ssize_t n;

	memset(v, 0, sizeof(v));
	n = getxattr(path, "security.capability", v, sizeof(v));
	if (n < 0)
		return errno == ENODATA ? 0 : -1;
	if (n < 12)
		return 0;
	/* Little-endian words: magic_etc, then permitted of the low 32. */
	return (le32toh(v[1]) >> CAP_NET_RAW & 1) != 0;
}

static void
ping_range(struct st_doctor_facts *f)
{
	FILE *fp = fopen("/proc/sys/net/ipv4/ping_group_range", "r");
	gid_t groups[256];
	int n, i;

	f->ping_lo = f->ping_hi = -1;
	f->in_ping_group = 0;
	if (fp == NULL)
		return;
	if (fscanf(fp, "%ld %ld", &f->ping_lo, &f->ping_hi) != 2)
		f->ping_lo = f->ping_hi = -1;
	fclose(fp);
	if (f->ping_lo < 0)
		return;
	if ((long)f->gid >= f->ping_lo && (long)f->gid <= f->ping_hi)
		f->in_ping_group = 1;
	n = getgroups(256, groups);
	for (i = 0; i < n; i++)
		if ((long)groups[i] >= f->ping_lo && (long)groups[i] <=
		    f->ping_hi)
			f->in_ping_group = 1;
}

static void
capture_each(struct st_doctor_facts *f)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	pcap_if_t *all = NULL, *d;
	pcap_t *p;

	f->nifs = 0;
	if (pcap_findalldevs(&all, errbuf) != 0)
		return;
	for (d = all; d != NULL && f->nifs < ST_DOCTOR_MAXIF; d = d->next) {
		if (strcmp(d->name, "any") == 0 || strchr(d->name, ':') ||
		    strncmp(d->name, "bluetooth", 9) == 0 ||
		    strncmp(d->name, "dbus", 4) == 0 ||
		    strncmp(d->name, "nf", 2) == 0)
			continue;
		snprintf(f->ifs[f->nifs].name, sizeof(f->ifs[0].name), "%s",
		    d->name);
		p = st_cap_open(d->name, 64, 1, f->ifs[f->nifs].why,
		    sizeof(f->ifs[0].why), &f->ifs[f->nifs].perm);
		f->ifs[f->nifs].ok = p != NULL;
		if (p != NULL)
			pcap_close(p);
		f->nifs++;
	}
	pcap_freealldevs(all);
}

void
st_doctor_probe(struct st_doctor_facts *f)
{
	struct passwd *pw;
	struct statvfs sv;
	ssize_t n;

	memset(f, 0, sizeof(*f));
	f->uid = getuid();
	f->euid = geteuid();
	f->gid = getgid();
	if ((pw = getpwuid((uid_t)f->uid)) != NULL)
		snprintf(f->user, sizeof(f->user), "%s", pw->pw_name);
	f->cap_raw = cap_raw_now();
	n = readlink("/proc/self/exe", f->exe, sizeof(f->exe) - 1);
	f->exe[n > 0 ? n : 0] = '\0';
	if (n <= 0)
		snprintf(f->exe, sizeof(f->exe), "strata");
	f->file_cap_raw = n > 0 ? file_cap_raw(f->exe) : -1;
	f->nosuid = n > 0 && statvfs(f->exe, &sv) == 0 &&
	    (sv.f_flag & ST_NOSUID) != 0;
	f->raw4 = try_socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	f->raw6 = try_socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	ping_range(f);
	f->dgram4 = try_socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	f->dgram6 = try_socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	capture_each(f);
}

static const char *
yes(int err)
{
	return err == 0 ? "yes" : "no ";
}

/* The report's text so far, in the caller's buffer. */
struct text {
	char	*buf;
	size_t	 n, used;
};

/* Appends to t (cut short where the buffer ends, always terminated). */
static void __attribute__((format(printf, 2, 3)))
add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (t->used + 1 >= t->n)
		return;
	va_start(ap, fmt);
	k = vsnprintf(t->buf + t->used, t->n - t->used, fmt, ap);
	va_end(ap);
	if (k > 0)
		t->used += (size_t)k < t->n - t->used ? (size_t)k :
		    t->n - t->used - 1;
}

int
st_doctor_report(const struct st_doctor_facts *f, char *buf, size_t n)
{
	struct text t = { buf, n, 0 };

	int raw = f->raw4 == 0 || f->raw6 == 0;
	int dgram = f->dgram4 == 0 || f->dgram6 == 0;
	unsigned i, capok = 0, capperm = 0;
	int nfix = 0;

	add(&t, "strata doctor: what this host lets uid %lu%s%s%s do\n\n",
	    f->uid, f->user[0] != '\0' ? " (" : "", f->user,
	    f->user[0] != '\0' ? ")" : "");
	add(&t, "  %-22s %s  %s\n", "root", f->euid == 0 ? "yes" : "no ",
	    f->euid == 0 ? "effective uid 0: raw sockets and capture" :
	    "not running as root");
	add(&t, "  %-22s %s  %s\n", "CAP_NET_RAW now", f->cap_raw ? "yes" :
	    "no ", f->cap_raw ? "in this process's effective set" :
	    "not in this process's effective set");
	add(&t, "  %-22s %s  %s%s\n", "CAP_NET_RAW on binary",
	    f->file_cap_raw == 1 ? "yes" : f->file_cap_raw == 0 ? "no " : "?  ",
	    f->exe, f->nosuid ? " (on a nosuid mount: file capabilities are "
	    "ignored there)" : "");
	add(&t, "  %-22s %s  %s\n", "raw IPv4 socket", yes(f->raw4),
	    f->raw4 == 0 ? "send, ping, trace work" : strerror(f->raw4));
	add(&t, "  %-22s %s  %s\n", "raw IPv6 socket", yes(f->raw6),
	    f->raw6 == 0 ? "send, ping -6, trace -6 work" : strerror(f->raw6));
	if (f->ping_lo < 0)
		add(&t, "  %-22s ?    /proc/sys/net/ipv4/ping_group_range "
		    "unreadable\n", "ping_group_range");
	else
		add(&t, "  %-22s %s  %ld %ld: %s\n", "ping_group_range",
		    f->in_ping_group ? "yes" : "no ", f->ping_lo, f->ping_hi,
		    f->ping_lo > f->ping_hi ? "no group may (the kernel's "
		    "default \"1 0\")" : f->in_ping_group ? "a group of yours "
		    "is in it" : "none of your groups is in it");
	add(&t, "  %-22s %s  %s\n", "ICMP ping socket", yes(f->dgram4 &&
	    f->dgram6 ? f->dgram4 : 0), dgram ? "plain ping works without "
	    "privilege (not --spec, -t on replies, or send)" :
	    strerror(f->dgram4));
	for (i = 0; i < f->nifs; i++) {
		char label[80];

		snprintf(label, sizeof(label), "capture on %s", f->ifs[i].name);
		add(&t, "  %-22s %s  %s\n", label, f->ifs[i].ok ? "yes" :
		    "no ", f->ifs[i].ok ? "capture and demo work" :
		    f->ifs[i].why);
		capok += f->ifs[i].ok != 0;
		capperm += f->ifs[i].perm != 0;
	}
	if (f->nifs == 0)
		add(&t, "  %-22s ?    libpcap lists no interface\n",
		    "capture");

	add(&t, "\n");
	if (!raw) {
		add(&t, "%d. raw sockets (send, ping, trace): run strata "
		    "as root,\n     sudo %s ...\n   or give the binary "
		    "the one capability it needs, once:\n     sudo setcap "
		    "cap_net_raw+ep %s\n", ++nfix, f->exe, f->exe);
		if (f->nosuid)
			add(&t, "   (%s is on a nosuid mount, where the "
			    "kernel ignores file capabilities: make install "
			    "elsewhere, then setcap there)\n", f->exe);
		else if (f->file_cap_raw == 1)
			add(&t, "   (the binary has it already, yet this "
			    "process does not: a container or a no-new-"
			    "privileges parent takes it away)\n");
		add(&t, "   strata opens its raw sockets first and then "
		    "gives up every privilege;\n   it is never setuid.\n");
	}
	if (!dgram && !raw)
		add(&t, "%d. plain ping without privilege: let your group "
		    "use the kernel's ICMP sockets,\n     sudo sysctl -w "
		    "net.ipv4.ping_group_range=\"%lu %lu\"\n   (\"0 "
		    "2147483647\" for every group; a file in /etc/sysctl.d/ "
		    "keeps it)\n", ++nfix, f->gid, f->gid);
	if (f->nifs > 0 && capok < f->nifs && capperm > 0)
		add(&t, "%d. capture (capture, demo): run strata as root, "
		    "or once:\n     sudo setcap cap_net_raw,cap_net_admin+ep %s"
		    "\n   (cap_net_admin only for promiscuous mode)\n", ++nfix,
		    f->exe);
	if (nfix == 0)
		add(&t, "Nothing to fix: strata can send%s here.\n",
		    capok > 0 ? " and capture" : "");
	add(&t, "\nNeeds no privilege at all, whatever the above says:\n"
	    "  strata send --dry-run -w out.pcap SPEC   build a packet, show "
	    "it, save it\n"
	    "  strata decode FILE                       read any capture\n"
	    "  strata explain PROTO                     a header, drawn and "
	    "explained\n");
	return raw || dgram ? 0 : 1;
}
