/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Which source address the kernel would choose: connect a UDP socket to
 * the destination (nothing is sent) and ask what it is bound to.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "strata/net.h"

int
st_route_src(int fam, const uint8_t *dst, uint8_t *src)
{
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	int fd, rc = -1;

	memset(&ss, 0, sizeof(ss));
	if (fam == 4) {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(9);
		memcpy(&s4->sin_addr, dst, 4);
		sl = sizeof(*s4);
	} else {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(9);
		memcpy(&s6->sin6_addr, dst, 16);
		sl = sizeof(*s6);
	}
	if ((fd = socket(fam == 4 ? AF_INET : AF_INET6, SOCK_DGRAM, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&ss, sl) != 0)
		goto out;
	sl = sizeof(ss);
	if (getsockname(fd, (struct sockaddr *)&ss, &sl) != 0)
		goto out;
	if (fam == 4)
		memcpy(src, &((struct sockaddr_in *)&ss)->sin_addr, 4);
	else
		memcpy(src, &((struct sockaddr_in6 *)&ss)->sin6_addr, 16);
	rc = 0;
out:
	close(fd);
	return rc;
}

int
st_route_open(int fam, const uint8_t *dst)
{
	struct sockaddr_storage ss;
	socklen_t sl;
	int fd;

	memset(&ss, 0, sizeof(ss));
	if (fam == 4) {
		struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

		s4->sin_family = AF_INET;
		s4->sin_port = htons(9);
		memcpy(&s4->sin_addr, dst, 4);
		sl = sizeof(*s4);
	} else {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons(9);
		memcpy(&s6->sin6_addr, dst, 16);
		sl = sizeof(*s6);
	}
	if ((fd = socket(fam == 4 ? AF_INET : AF_INET6, SOCK_DGRAM, 0)) < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&ss, sl) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

int
st_route_mtu(int fd, int fam)
{
	socklen_t sl = sizeof(int);
	int mtu;

	if (fd < 0 || getsockopt(fd, fam == 4 ? IPPROTO_IP : IPPROTO_IPV6,
	    fam == 4 ? IP_MTU : IPV6_MTU, &mtu, &sl) != 0)
		return -1;
	return mtu;
}

int
st_is_loopback(int fam, const uint8_t *a)
{
	static const uint8_t lo6[16] = { [15] = 1 };

	return fam == 4 ? a[0] == 127 : memcmp(a, lo6, 16) == 0;
}

int
st_resolve(const char *host, int fam, int *got, uint8_t *addr, char *text,
    size_t n, const char **why)
{
	struct addrinfo hints, *res;
	int rc;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = fam == 4 ? AF_INET : fam == 6 ? AF_INET6 : AF_UNSPEC;
	hints.ai_socktype = SOCK_RAW;
	if ((rc = getaddrinfo(host, NULL, &hints, &res)) != 0) {
		*why = gai_strerror(rc);
		return -1;
	}
	*got = res->ai_family == AF_INET ? 4 : 6;
	if (*got == 4)
		memcpy(addr, &((struct sockaddr_in *)res->ai_addr)->sin_addr,
		    4);
	else
		memcpy(addr, &((struct sockaddr_in6 *)res->ai_addr)->
		    sin6_addr, 16);
	freeaddrinfo(res);
	inet_ntop(*got == 4 ? AF_INET : AF_INET6, addr, text, (socklen_t)n);
	return 0;
}
