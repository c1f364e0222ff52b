/*
 * Which source address the kernel would choose: connect a UDP socket to
 * the destination (nothing is sent) and ask what it is bound to.
 */
#include <arpa/inet.h>
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
st_is_loopback(int fam, const uint8_t *a)
{
	static const uint8_t lo6[16] = { [15] = 1 };

	return fam == 4 ? a[0] == 127 : memcmp(a, lo6, 16) == 0;
}
