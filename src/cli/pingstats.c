/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * strata ping's numbers: iputils' closing statistics, the SIGQUIT line,
 * and what --explain says each number means.
 */
#include <stdio.h>

#include "strata/ping.h"
#include "pingcli.h"

/* The loss as iputils prints it: exact in the statistics ("%g"), whole
 * percents in the SIGQUIT line. */
static void
loss_text(char *buf, size_t n, unsigned long sent, unsigned long recv,
    int whole)
{
	unsigned long lost = sent - (recv > sent ? sent : recv);

	if (whole)
		snprintf(buf, n, "%lu%%", sent == 0 ? 0 : lost * 100 / sent);
	else
		snprintf(buf, n, "%g%%", sent == 0 ? 0.0 : (double)lost *
		    100.0 / (double)sent);
}

void
st_ping_quit_status(const struct st_ping *e)
{
	char a[32], b[32], c[32], d[32], loss[32];

	loss_text(loss, sizeof(loss), e->sent, e->received, 1);
	fprintf(stderr, "\r%lu/%lu packets, %s loss", e->received, e->sent,
	    loss);
	if (e->rtt.n > 0) {
		st_rtt_fmt(a, sizeof(a), e->rtt.min);
		st_rtt_fmt(b, sizeof(b), st_rtt_avg(&e->rtt));
		st_rtt_fmt(c, sizeof(c), e->rtt.ewma / 8);
		st_rtt_fmt(d, sizeof(d), e->rtt.max);
		fprintf(stderr, ", min/avg/ewma/max = %s/%s/%s/%s ms", a, b, c,
		    d);
	}
	fputc('\n', stderr);
}

void
st_ping_statistics(const struct st_ping *e, const struct popts *op)
{
	char loss[32];
	double el = e->sent > 0 ? st_ping_since(&e->start, &e->last) : 0;
	int64_t ms = (int64_t)(el * 1000 + 0.5), ipg;

	loss_text(loss, sizeof(loss), e->sent, e->received, 0);
	printf("\n--- %s ping statistics ---\n", op->host);
	printf("%lu packets transmitted, %lu received", e->sent, e->received);
	if (e->dups > 0)
		printf(", +%lu duplicates", e->dups);
	if (e->corrupted > 0)
		printf(", +%lu corrupted", e->corrupted);
	if (e->errors > 0)
		printf(", +%lu errors", e->errors);
	if (e->forged > 0)
		printf(", +%lu forged", e->forged);
	printf(", %s packet loss, time %lldms\n", loss, (long long)ms);
	if (e->rtt.n > 0)
		printf("rtt min/avg/max/mdev = %lld.%03lld/%lld.%03lld/"
		    "%lld.%03lld/%lld.%03lld ms",
		    (long long)(e->rtt.min / 1000), (long long)(e->rtt.min %
		    1000), (long long)(st_rtt_avg(&e->rtt) / 1000),
		    (long long)(st_rtt_avg(&e->rtt) % 1000),
		    (long long)(e->rtt.max / 1000), (long long)(e->rtt.max %
		    1000), (long long)(st_rtt_mdev(&e->rtt) / 1000),
		    (long long)(st_rtt_mdev(&e->rtt) % 1000));
	/* Flood and interval 0 add the gap between requests and the
	 * moving average of the RTT, as iputils does. */
	if (e->received > 0 && e->sent > 1 && (op->flood ||
	    op->interval == 0)) {
		ipg = (int64_t)(el * 1e6) / (int64_t)(e->sent - 1);
		printf("%sipg/ewma %lld.%03lld/%lld.%03lld ms\n",
		    e->rtt.n > 0 ? ", " : "", (long long)(ipg / 1000),
		    (long long)(ipg % 1000), (long long)(e->rtt.ewma / 8000),
		    (long long)(e->rtt.ewma / 8 % 1000));
	} else
		printf("\n");	/* iputils: a blank line when no rtt line */
}

/* The TTL a reply most likely started with: the usual initial values. */
static unsigned
initial_ttl(unsigned ttl)
{
	return ttl <= 32 ? 32 : ttl <= 64 ? 64 : ttl <= 128 ? 128 : 255;
}

void
st_ping_explain(const struct st_ping *e, const struct popts *op)
{
	char t[32];
	unsigned init;

	printf("\nwhat these numbers mean:\n");
	printf("  transmitted  %lu echo requests left this host, one every "
	    "%g s\n", e->sent, op->interval);
	printf("  received     %lu distinct requests answered: replies "
	    "with this run's id (%u)\n               and a sequence number "
	    "sent%s; each sequence counts once\n", e->received,
	    (unsigned)e->id, e->use_token ? ",\n               and this "
	    "run's 8-byte token in the data" : "");
	printf("  loss         (transmitted - received) / transmitted: a "
	    "request counts as lost\n               when no reply came by the "
	    "end (-W after the last request, or -w)\n");
	printf("  duplicates   %lu: replies to a sequence already answered "
	    "(a link or a host that\n               copies packets); shown "
	    "(DUP!), not counted as received\n", e->dups);
	printf("  corrupted    %lu: replies whose ICMP checksum is wrong, "
	    "shown (BAD CHECKSUM!):\n               damaged on the way, not "
	    "counted as received\n", e->corrupted);
	printf("  errors       %lu: ICMP errors quoting a request (time "
	    "exceeded, unreachable):\n               an answer, but not a "
	    "reply, so the request still counts as lost\n", e->errors);
	if (e->forged > 0)
		printf("  forged       %lu: the right id and sequence but not "
		    "this run's token: another\n               program's reply, "
		    "or a spoofed one; ignored\n", e->forged);
	printf("  time         from the first request to the last packet "
	    "seen, in ms\n");
	if (e->rtt.n > 0) {
		st_rtt_fmt(t, sizeof(t), st_rtt_mdev(&e->rtt));
		printf("  rtt          round-trip times of the %lu replies "
		    "(duplicates too): the kernel's\n               receive "
		    "timestamp minus the time strata sent the request\n",
		    (unsigned long)e->rtt.n);
		printf("  mdev         %s ms: the population standard deviation "
		    "of the RTTs,\n               sqrt(mean(rtt^2) - mean(rtt)^2):"
		    " how much they wander (tshark's\n               -z icmp,srt "
		    "shows the sample one, a little larger)\n", t);
	}
	if (e->received > 0) {
		init = initial_ttl(e->last_ttl);
		printf("  ttl          replies came with ttl=%u: the replier "
		    "most likely started at %u\n               (Linux and macOS "
		    "64, Windows 128, many routers 255), so %u router%s\n"
		    "               on the way back took one off each\n",
		    e->last_ttl, init, init - e->last_ttl,
		    init - e->last_ttl == 1 ? "" : "s");
	}
}

