/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The receive loops run under a seccomp filter (libseccomp): once the
 * sockets, files and filters are set up, the process may read, write,
 * poll, receive, send on what it already holds, keep time and allocate,
 * and nothing else: opening a file or a socket, binding, executing, all
 * fail with EPERM.  Where the kernel has no seccomp, the loop runs as is.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <seccomp.h>

#include "strata/net.h"

/*
 * AddressSanitizer's leak check stops the world at exit with ptrace and
 * reads /proc: under a seccomp filter it cannot.  Sanitizer builds (make
 * sanitize) therefore run without the filter; releases always have it.
 */
#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif

static const int allowed[] = {
	SCMP_SYS(read), SCMP_SYS(write), SCMP_SYS(writev), SCMP_SYS(readv),
	SCMP_SYS(recvfrom), SCMP_SYS(recvmsg), SCMP_SYS(sendto),
	SCMP_SYS(sendmsg), SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(select),
	SCMP_SYS(pselect6), SCMP_SYS(clock_gettime), SCMP_SYS(gettimeofday),
	SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep), SCMP_SYS(getrandom),
	SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigprocmask),
	SCMP_SYS(restart_syscall), SCMP_SYS(exit), SCMP_SYS(exit_group),
	SCMP_SYS(brk), SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap),
	SCMP_SYS(madvise), SCMP_SYS(futex), SCMP_SYS(fstat),
	SCMP_SYS(newfstatat), SCMP_SYS(lseek), SCMP_SYS(close),
	SCMP_SYS(getpid), SCMP_SYS(gettid), SCMP_SYS(getsockopt),
	SCMP_SYS(ioctl), SCMP_SYS(fcntl), SCMP_SYS(tgkill),
	SCMP_SYS(ftruncate),	/* a capture file cut after a failed write */
};

void
st_sandbox_probe(char *buf, size_t n)
{
	int fd, e1, e2;

	fd = open("/etc/hostname", O_RDONLY);
	e1 = fd < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	fd = socket(AF_INET, SOCK_DGRAM, 0);
	e2 = fd < 0 ? errno : 0;
	if (fd >= 0)
		close(fd);
	snprintf(buf, n, "open: %s; socket: %s", e1 ? strerror(e1) :
	    "allowed", e2 ? strerror(e2) : "allowed");
}

int
st_sandbox_enter(void)
{
	scmp_filter_ctx ctx;
	size_t i;
	int rc = -1;

#ifdef SANITIZED
	return -1;
#endif
	if ((ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM))) == NULL)
		return -1;
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (allowed[i] >= 0 && seccomp_rule_add(ctx, SCMP_ACT_ALLOW,
		    allowed[i], 0) != 0)
			goto out;
	if (seccomp_load(ctx) != 0)
		goto out;
	rc = 0;
out:
	seccomp_release(ctx);
	return rc;
}
