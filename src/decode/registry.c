/*
 * The registry: every protocol strata decodes, and the bind table that says
 * which layer follows which.  This is the only place that knows how
 * protocols chain; decoders only name a key and a value.
 */
#include <string.h>

#include <pcap/dlt.h>

#include "fields.h"

const struct st_proto *const st_protos[] = {
	&st_proto_eth, &st_proto_vlan, &st_proto_qinq, &st_proto_sll,
	&st_proto_sll2, &st_proto_null, &st_proto_llc, &st_proto_arp, &st_proto_ipv4,
	&st_proto_ipv6, &st_proto_hopopts, &st_proto_routing, &st_proto_frag6,
	&st_proto_dstopts, &st_proto_icmp, &st_proto_icmpv6, &st_proto_tcp,
	&st_proto_udp, &st_proto_dns, &st_proto_http, &st_proto_tls,
	&st_proto_data, &st_proto_trailer, NULL
};

static const struct st_bind binds[] = {
	{ ST_KEY_LINK, DLT_EN10MB, &st_proto_eth },
	{ ST_KEY_LINK, DLT_LINUX_SLL, &st_proto_sll },
	{ ST_KEY_LINK, DLT_LINUX_SLL2, &st_proto_sll2 },
	{ ST_KEY_LINK, DLT_NULL, &st_proto_null },
	{ ST_KEY_LINK, DLT_LOOP, &st_proto_null },
	{ ST_KEY_ETHERTYPE, 0x0800, &st_proto_ipv4 },
	{ ST_KEY_ETHERTYPE, 0x0806, &st_proto_arp },
	{ ST_KEY_ETHERTYPE, 0x8035, &st_proto_arp },	/* RARP */
	{ ST_KEY_ETHERTYPE, 0x86dd, &st_proto_ipv6 },
	{ ST_KEY_ETHERTYPE, 0x8100, &st_proto_vlan },
	{ ST_KEY_ETHERTYPE, 0x9100, &st_proto_vlan },
	{ ST_KEY_ETHERTYPE, 0x88a8, &st_proto_qinq },
	{ ST_KEY_IPPROTO, 0, &st_proto_hopopts },
	{ ST_KEY_IPPROTO, 1, &st_proto_icmp },
	{ ST_KEY_IPPROTO, 4, &st_proto_ipv4 },		/* IP in IP */
	{ ST_KEY_IPPROTO, 6, &st_proto_tcp },
	{ ST_KEY_IPPROTO, 17, &st_proto_udp },
	{ ST_KEY_IPPROTO, 41, &st_proto_ipv6 },		/* 6in4 */
	{ ST_KEY_IPPROTO, 43, &st_proto_routing },
	{ ST_KEY_IPPROTO, 44, &st_proto_frag6 },
	{ ST_KEY_IPPROTO, 58, &st_proto_icmpv6 },
	{ ST_KEY_IPPROTO, 60, &st_proto_dstopts },
	{ ST_KEY_NULLFAM, 2, &st_proto_ipv4 },
	{ ST_KEY_NULLFAM, 24, &st_proto_ipv6 },
	{ ST_KEY_NULLFAM, 28, &st_proto_ipv6 },
	{ ST_KEY_NULLFAM, 30, &st_proto_ipv6 },
	/* Application decoders by well-known port; each checks the bytes. */
	{ ST_KEY_UDPPORT, 53, &st_proto_dns },
	{ ST_KEY_UDPPORT, 5353, &st_proto_dns },		/* mDNS */
	{ ST_KEY_UDPPORT, 5355, &st_proto_dns },		/* LLMNR */
	{ ST_KEY_TCPPORT, 53, &st_proto_dns },
	{ ST_KEY_TCPPORT, 80, &st_proto_http },
	{ ST_KEY_TCPPORT, 8000, &st_proto_http },
	{ ST_KEY_TCPPORT, 8080, &st_proto_http },
	{ ST_KEY_TCPPORT, 443, &st_proto_tls },
	{ ST_KEY_TCPPORT, 853, &st_proto_tls },		/* DNS over TLS */
	{ ST_KEY_TCPPORT, 8443, &st_proto_tls },
};

const struct st_proto *
st_proto_app(int tcp, uint16_t sport, uint16_t dport)
{
	const struct st_proto *p;
	int key = tcp ? ST_KEY_TCPPORT : ST_KEY_UDPPORT;

	if ((p = st_proto_next(key, dport)) != NULL)
		return p;
	return st_proto_next(key, sport);
}

const struct st_valname st_ethertype_names[] = {
	{ 0x0800, "IPv4" }, { 0x0806, "ARP" }, { 0x8035, "RARP" },
	{ 0x86dd, "IPv6" }, { 0x8100, "802.1Q VLAN" }, { 0x88a8, "802.1ad" },
	{ 0x9100, "802.1Q VLAN (old QinQ)" }, { 0x9000, "loopback test" },
	{ 0x8847, "MPLS unicast" }, { 0x8848, "MPLS multicast" },
	{ 0x8863, "PPPoE discovery" }, { 0x8864, "PPPoE session" },
	{ 0x888e, "802.1X (EAPOL)" }, { 0x88cc, "LLDP" }, { 0x8809, "slow "
	"protocols (LACP)" }, { 0x88e5, "MACsec" }, { 0x88f7, "PTP" },
	{ 0, NULL }
};

const struct st_valname st_ipproto_names[] = {
	{ 0, "IPv6 hop-by-hop options" }, { 1, "ICMP" }, { 2, "IGMP" },
	{ 4, "IPv4" }, { 6, "TCP" }, { 17, "UDP" }, { 41, "IPv6" },
	{ 43, "IPv6 routing" }, { 44, "IPv6 fragment" }, { 46, "RSVP" },
	{ 47, "GRE" }, { 50, "ESP" }, { 51, "AH" }, { 58, "ICMPv6" },
	{ 59, "no next header" }, { 60, "IPv6 destination options" },
	{ 89, "OSPF" }, { 103, "PIM" }, { 112, "VRRP" }, { 132, "SCTP" },
	{ 136, "UDP-Lite" }, { 0, NULL }
};

const struct st_valname st_ck_names[] = {
	{ ST_CK_GOOD, "good" }, { ST_CK_BAD, "bad" },
	{ ST_CK_UNVERIFIED, "unverified" }, { ST_CK_PARTIAL, "partial" },
	{ ST_CK_ABSENT, "absent" }, { 0, NULL }
};

/*
 * Direct tables for the keys every packet asks about (IP protocol, ports),
 * made from the bind table on first use; the rest is searched.
 */
static const struct st_proto *by_ipproto[256];
static const struct st_proto *by_tcpport[65536], *by_udpport[65536];
static int made;

static void
make_tables(void)
{
	size_t i;

	for (i = sizeof(binds) / sizeof(binds[0]); i-- > 0;) {
		if (binds[i].key == ST_KEY_IPPROTO && binds[i].val < 256)
			by_ipproto[binds[i].val] = binds[i].proto;
		else if (binds[i].key == ST_KEY_TCPPORT && binds[i].val < 65536)
			by_tcpport[binds[i].val] = binds[i].proto;
		else if (binds[i].key == ST_KEY_UDPPORT && binds[i].val < 65536)
			by_udpport[binds[i].val] = binds[i].proto;
	}
	made = 1;
}

const struct st_proto *
st_proto_next(int key, uint32_t val)
{
	size_t i;

	if (!made)
		make_tables();
	switch (key) {
	case ST_KEY_NONE:
		return NULL;
	case ST_KEY_IPPROTO:
		return val < 256 ? by_ipproto[val] : NULL;
	case ST_KEY_TCPPORT:
		return val < 65536 ? by_tcpport[val] : NULL;
	case ST_KEY_UDPPORT:
		return val < 65536 ? by_udpport[val] : NULL;
	}
	for (i = 0; i < sizeof(binds) / sizeof(binds[0]); i++)
		if (binds[i].key == key && binds[i].val == val)
			return binds[i].proto;
	return NULL;
}

const struct st_proto *
st_proto_find(const char *name)
{
	size_t i;

	for (i = 0; st_protos[i] != NULL; i++)
		if (strcmp(st_protos[i]->name, name) == 0)
			return st_protos[i];
	for (i = 0; st_protos[i] != NULL; i++)
		if (strcmp(st_protos[i]->ws, name) == 0)
			return st_protos[i];
	return NULL;
}

int
st_proto_key(const struct st_proto *p, int key, uint32_t *val)
{
	size_t i;

	for (i = 0; i < sizeof(binds) / sizeof(binds[0]); i++)
		if (binds[i].key == key && binds[i].proto == p) {
			*val = binds[i].val;
			return 0;
		}
	return -1;
}

const struct st_field_desc *
st_desc_find(const char *name)
{
	const struct st_proto *p;
	size_t i, k;

	for (k = 0; (p = st_protos[k]) != NULL; k++) {
		for (i = 0; i < p->nfields; i++)
			if (strcmp(p->fields[i].name, name) == 0)
				return &p->fields[i];
		for (i = 0; i < p->nmore; i++)
			if (strcmp(p->more[i].name, name) == 0)
				return &p->more[i];
	}
	return NULL;
}
