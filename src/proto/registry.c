/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The registry: the one list of every protocol strata knows, one line each,
 * and the bind table made from their descriptors' binds.  Decoders only
 * name a key and a value (an EtherType, an IP protocol, a port); this is
 * where that becomes the next protocol.
 */
#include <string.h>

#include <pcap/dlt.h>

#include "fields.h"

extern const struct st_proto st_proto_eth, st_proto_vlan, st_proto_qinq,
    st_proto_pbb,
    st_proto_sll, st_proto_sll2, st_proto_null, st_proto_llc, st_proto_arp,
    st_proto_ipv4, st_proto_ipv6, st_proto_hopopts, st_proto_routing,
    st_proto_frag6, st_proto_dstopts, st_proto_icmp, st_proto_icmpv6,
    st_proto_tcp, st_proto_udp, st_proto_dns, st_proto_http, st_proto_tls;
extern const struct st_proto st_proto_icmpext, st_proto_isl, st_proto_loop;
extern const struct st_proto st_proto_radiotap, st_proto_wlan,
    st_proto_wlan_fcs, st_proto_wlan_mgt, st_proto_wlan_radio, st_proto_ppi;
extern const struct st_proto st_proto_wpan, st_proto_wpan_nofcs,
    st_proto_wpan_cc24xx, st_proto_zep, st_proto_lowpan;
extern const struct st_proto st_proto_ppp, st_proto_lcp, st_proto_ipcp,
    st_proto_ipv6cp, st_proto_pap, st_proto_chap, st_proto_pppoed,
    st_proto_pppoes, st_proto_chdlc, st_proto_slarp, st_proto_fr;
extern const struct st_proto st_proto_ccp, st_proto_comp_data, st_proto_bacp,
    st_proto_bap, st_proto_mp, st_proto_mplscp, st_proto_cdpcp,
    st_proto_osinlcp, st_proto_cbcp;
extern const struct st_proto st_proto_gre, st_proto_erspan, st_proto_erspan1,
    st_proto_vxlan, st_proto_geneve, st_proto_mpls, st_proto_esp, st_proto_ah,
    st_proto_udpencap, st_proto_l2tp, st_proto_lisp_data, st_proto_isakmp,
    st_proto_ayiya, st_proto_lisp, st_proto_vxlan_gpe, st_proto_gnw,
    st_proto_btpa, st_proto_btpb;
extern const struct st_proto st_proto_stp, st_proto_lldp, st_proto_slow,
    st_proto_lacp, st_proto_marker, st_proto_oampdu, st_proto_eapol,
    st_proto_eap, st_proto_ptp, st_proto_cdp, st_proto_dtp, st_proto_udld,
    st_proto_ipx;
extern const struct st_proto st_proto_igmp, st_proto_pim, st_proto_vrrp,
    st_proto_hsrp, st_proto_dvmrp, st_proto_pimv1;
extern const struct st_proto st_proto_http2, st_proto_websocket;
extern const struct st_proto st_proto_mdns, st_proto_llmnr;
extern const struct st_proto st_proto_ftp, st_proto_ssh;
/* @routing2 */
extern const struct st_proto st_proto_ospf, st_proto_bfd, st_proto_eigrp;
extern const struct st_proto st_proto_bgp, st_proto_rip, st_proto_ripng;
extern const struct st_proto st_proto_ldp, st_proto_rsvp;
extern const struct st_proto st_proto_lmp, st_proto_mplsecho, st_proto_aodv,
    st_proto_hncp;
extern const struct st_proto st_proto_osi, st_proto_isis, st_proto_isis_hello;
extern const struct st_proto st_proto_isis_lsp, st_proto_isis_csnp;
extern const struct st_proto st_proto_isis_psnp;
/* @transport */
extern const struct st_proto st_proto_mptcp, st_proto_rx, st_proto_aoe,
    st_proto_sctp, st_proto_sctp_more, st_proto_gtp, st_proto_gtpprime,
    st_proto_pgm;
/* @appind */
extern const struct st_proto st_proto_mbtcp, st_proto_modbus;
extern const struct st_proto st_proto_tpkt, st_proto_cotp;
extern const struct st_proto st_proto_nbss, st_proto_smb2, st_proto_smb;
extern const struct st_proto st_proto_dcerpc, st_proto_rpc;
extern const struct st_proto st_proto_nbns, st_proto_nbdgm;
/* @appsvc */
extern const struct st_proto st_proto_quic, st_proto_snmp, st_proto_ldap,
    st_proto_cldap, st_proto_nntp, st_proto_tacplus, st_proto_rtsp,
    st_proto_wg, st_proto_wol, st_proto_gnutella,
    st_proto_ntp, st_proto_dhcp, st_proto_radius, st_proto_syslog,
    st_proto_dhcpv6, st_proto_ssdp;
extern const struct st_proto st_proto_openvpn, st_proto_memcache,
    st_proto_mgcp, st_proto_tds, st_proto_beep, st_proto_lpd,
    st_proto_git, st_proto_rsync;
/* @apptcp */
/* @appdns */
/* @apptext */
extern const struct st_proto st_proto_pgsql;
extern const struct st_proto st_proto_mqtt;
extern const struct st_proto st_proto_socks;
extern const struct st_proto st_proto_irc;
/* @w2misc */
extern const struct st_proto st_proto_openflow, st_proto_openflow_v1,
    st_proto_openflow_v4;
/* @w2krb */
extern const struct st_proto st_proto_kerberos;
extern const struct st_proto st_proto_ftp_data, st_proto_mysql, st_proto_resp,
    st_proto_smtp;
/* @tail16a */
extern const struct st_proto st_proto_dccp;
extern const struct st_proto st_proto_rpkirtr;
extern const struct st_proto st_proto_babel;
/* @tail16b */
extern const struct st_proto st_proto_sflow;
extern const struct st_proto st_proto_tipc;
extern const struct st_proto st_proto_clnp;
extern const struct st_proto st_proto_esis;
/* @voip */
extern const struct st_proto st_proto_sip, st_proto_sdp, st_proto_rtp,
    st_proto_rtcp, st_proto_sap, st_proto_rtpevent;
/* @text2 */
extern const struct st_proto st_proto_imap;
extern const struct st_proto st_proto_pop;
extern const struct st_proto st_proto_telnet;
extern const struct st_proto st_proto_tftp;
/* @matching */
/* @zoo16 */
/* @ipv6x */
/* @osi16 */
/* @wifi */
/* @quic */
/* @smb */
/* @conn */
/* @appcov */
/* @tail16c */
/* @smb2c */
/* @smb1 */
/* @nfsattr */
/* @ssh2 */
/* @tail9 */
/* @agree */
/* @app9 */
/* @s9 */
/* @tail16d */
/* @smb1b */
/* @smb2pipe */
/* @gssapi */
extern const struct st_proto st_proto_gssapi;
extern const struct st_proto st_proto_spnego;
extern const struct st_proto st_proto_spnego_krb5;
extern const struct st_proto st_proto_ntlmssp;
/* @rdp */
extern const struct st_proto st_proto_rdp, st_proto_t125, st_proto_rdpudp;
/* @tail16e */
/* @app10 */
/* @netflow */
extern const struct st_proto st_proto_cflow;
extern const struct st_proto st_proto_coap;
extern const struct st_proto st_proto_finger;
extern const struct st_proto st_proto_whois;
extern const struct st_proto st_proto_urlform;
extern const struct st_proto st_proto_rfb;
/* @tcpapps */
extern const struct st_proto st_proto_diameter;
extern const struct st_proto st_proto_xmpp;
extern const struct st_proto st_proto_bittorrent;
extern const struct st_proto st_proto_rlogin;
extern const struct st_proto st_proto_rsh;
extern const struct st_proto st_proto_ident;
/* @tail10 */
extern const struct st_proto st_proto_smb_pipe;
extern const struct st_proto st_proto_mailslot, st_proto_browser;
extern const struct st_proto st_proto_nbipx, st_proto_nmpi;
extern const struct st_proto st_proto_lwapp, st_proto_lwapp_cntl;
extern const struct st_proto st_proto_m3ua;
extern const struct st_proto st_proto_nflog;
/* @l2ctl */
extern const struct st_proto st_proto_cfm, st_proto_vtp, st_proto_pptp,
    st_proto_msdp, st_proto_vqp, st_proto_pflog;
extern const struct st_proto st_proto_olsr;
extern const struct st_proto st_proto_mipv6;
extern const struct st_proto st_proto_nhrp;
extern const struct st_proto st_proto_macsec, st_proto_textlines, st_proto_media,
    st_proto_png, st_proto_gif;
extern const struct st_proto st_proto_tls_hs;
extern const struct st_proto st_proto_json;
extern const struct st_proto st_proto_afs, st_proto_ipoib, st_proto_ndp,
    st_proto_vsock;
extern const struct st_proto st_proto_portmap, st_proto_mount, st_proto_nfs;
extern const struct st_proto st_proto_nfsacl;
extern const struct st_proto st_proto_hpext, st_proto_hpsw;
extern const struct st_proto st_proto_nsh;
extern const struct st_proto st_proto_x509af;
extern const struct st_proto st_proto_x509sat;
extern const struct st_proto st_proto_x509ce;
extern const struct st_proto st_proto_pkix1implicit;
extern const struct st_proto st_proto_pkix1explicit;
extern const struct st_proto st_proto_pkcs1;
extern const struct st_proto st_proto_ns_cert_exts;
extern const struct st_proto st_proto_ocsp;
extern const struct st_proto st_proto_xml;
extern const struct st_proto st_proto_jfif;
extern const struct st_proto st_proto_f5ethtrailer;
extern const struct st_proto st_proto_dnp3;
extern const struct st_proto st_proto_msnlb;
extern const struct st_proto st_proto_aarp, st_proto_ipcomp;
extern const struct st_proto st_proto_echo, st_proto_daytime, st_proto_time,
    st_proto_chargen;

extern const struct st_proto st_proto_dtls;
extern const struct st_proto st_proto_stun;
extern const struct st_proto st_proto_teredo;
extern const struct st_proto st_proto_llap, st_proto_ddp, st_proto_ddp_short,
    st_proto_nbp, st_proto_rtmp, st_proto_rtmpreq, st_proto_atp,
    st_proto_zip, st_proto_zipatp;
extern const struct st_proto st_proto_decnet, st_proto_decnsp;
extern const struct st_proto st_proto_igrp, st_proto_lwres;

extern const struct st_proto st_proto_juniper, st_proto_q933, st_proto_ipnet,
    st_proto_pktap, st_proto_bvlc, st_proto_bacnet, st_proto_bacapp;
/* @tail17 */
extern const struct st_proto st_proto_tacacs, st_proto_autorp,
    st_proto_cups, st_proto_bfdecho, st_proto_mndp, st_proto_dblsp_disc,
    st_proto_tzsp;
/* @lans */
extern const struct st_proto st_proto_arcnet, st_proto_arcnet_linux,
    st_proto_tr, st_proto_trmac, st_proto_fddi, st_proto_ipfc, st_proto_enc,
    st_proto_symantec, st_proto_carp;
/* @indus */
extern const struct st_proto st_proto_s7comm, st_proto_enip, st_proto_cip,
    st_proto_iec104, st_proto_iec104asdu, st_proto_opcua, st_proto_pnrt,
    st_proto_pndcp;
/* @udpsvc */
extern const struct st_proto st_proto_portcontrol, st_proto_natpmp;
extern const struct st_proto st_proto_srvloc;
extern const struct st_proto st_proto_rmcp, st_proto_asf,
    st_proto_ipmi_session;
extern const struct st_proto st_proto_mip;
extern const struct st_proto st_proto_tsp, st_proto_krb4;
extern const struct st_proto st_proto_who, st_proto_xdmcp, st_proto_glbp,
    st_proto_wccp;

/*
 * Every protocol, one line each.  Where two bind the same key, the one
 * listed first wins.
 */
const struct st_proto *const st_protos[] = {
	&st_proto_eth,
	&st_proto_vlan,
	&st_proto_qinq,
	&st_proto_pbb,
	&st_proto_sll,
	&st_proto_sll2,
	&st_proto_null,
	&st_proto_llc,
	&st_proto_arp,
	&st_proto_ipv4,
	&st_proto_ipv6,
	&st_proto_hopopts,
	&st_proto_routing,
	&st_proto_frag6,
	&st_proto_dstopts,
	&st_proto_icmp,
	&st_proto_icmpv6,
	&st_proto_icmpext,
	&st_proto_isl,
	&st_proto_loop,
	&st_proto_tcp,
	&st_proto_udp,
	&st_proto_dns,
	&st_proto_http,
	&st_proto_tls,
	&st_proto_radiotap,
	&st_proto_wlan,
	&st_proto_wlan_fcs,
	&st_proto_wlan_mgt,
	&st_proto_wlan_radio,
	&st_proto_wpan,
	&st_proto_wpan_nofcs,
	&st_proto_wpan_cc24xx,
	&st_proto_zep,
	&st_proto_lowpan,
	&st_proto_ppi,
	&st_proto_ppp,
	&st_proto_lcp,
	&st_proto_ipcp,
	&st_proto_ipv6cp,
	&st_proto_pap,
	&st_proto_chap,
	&st_proto_ccp,
	&st_proto_comp_data,
	&st_proto_bacp,
	&st_proto_bap,
	&st_proto_mp,
	&st_proto_mplscp,
	&st_proto_cdpcp,
	&st_proto_osinlcp,
	&st_proto_cbcp,
	&st_proto_pppoed,
	&st_proto_pppoes,
	&st_proto_chdlc,
	&st_proto_slarp,
	&st_proto_fr,
	&st_proto_gre,
	&st_proto_erspan,
	&st_proto_erspan1,
	&st_proto_vxlan,
	&st_proto_vxlan_gpe,
	&st_proto_geneve,
	&st_proto_mpls,
	&st_proto_esp,
	&st_proto_ah,
	&st_proto_udpencap,
	&st_proto_ayiya,
	&st_proto_l2tp,
	&st_proto_lisp_data,
	&st_proto_lisp,
	&st_proto_gnw,
	&st_proto_btpa,
	&st_proto_btpb,
	&st_proto_isakmp,
	&st_proto_stp,
	&st_proto_lldp,
	&st_proto_slow,
	&st_proto_lacp,
	&st_proto_marker,
	&st_proto_oampdu,
	&st_proto_eapol,
	&st_proto_eap,
	&st_proto_ptp,
	&st_proto_cdp,
	&st_proto_dtp,
	&st_proto_udld,
	&st_proto_ipx,
	&st_proto_igmp,
	&st_proto_dvmrp,
	&st_proto_pimv1,
	&st_proto_pim,
	&st_proto_vrrp,
	&st_proto_hsrp,
	&st_proto_http2,
	&st_proto_websocket,
	&st_proto_mdns,
	&st_proto_llmnr,
	&st_proto_ftp,
	&st_proto_ssh,
	/* @routing2 */
	&st_proto_ospf,
	&st_proto_bfd,
	&st_proto_eigrp,
	&st_proto_bgp,
	&st_proto_rip,
	&st_proto_ripng,
	&st_proto_ldp,
	&st_proto_rsvp,
	&st_proto_lmp,
	&st_proto_mplsecho,
	&st_proto_aodv,
	&st_proto_hncp,
	&st_proto_osi,
	&st_proto_isis,
	&st_proto_isis_hello,
	&st_proto_isis_lsp,
	&st_proto_isis_csnp,
	&st_proto_isis_psnp,
	/* @transport */
	&st_proto_mptcp,
	&st_proto_rx,
	&st_proto_aoe,
	&st_proto_sctp,
	&st_proto_sctp_more,
	&st_proto_gtp,
	&st_proto_gtpprime,
	&st_proto_pgm,
	/* @appind */
	&st_proto_mbtcp,
	&st_proto_modbus,
	&st_proto_tpkt,
	&st_proto_cotp,
	&st_proto_nbss,
	&st_proto_smb2,
	&st_proto_smb,
	&st_proto_dcerpc,
	&st_proto_rpc,
	&st_proto_nbns,
	&st_proto_nbdgm,
	/* @appsvc */
	&st_proto_quic,
	&st_proto_snmp,
	&st_proto_ldap,
	&st_proto_cldap,
	&st_proto_nntp,
	&st_proto_tacplus,
	&st_proto_rtsp,
	&st_proto_wg,
	&st_proto_wol,
	&st_proto_gnutella,
	&st_proto_openvpn,
	&st_proto_memcache,
	&st_proto_mgcp,
	&st_proto_tds,
	&st_proto_beep,
	&st_proto_lpd,
	&st_proto_git,
	&st_proto_rsync,
	&st_proto_ntp,
	&st_proto_dhcp,
	&st_proto_radius,
	&st_proto_syslog,
	&st_proto_dhcpv6,
	&st_proto_ssdp,
	/* @apptcp */
	/* @appdns */
	/* @apptext */
	&st_proto_pgsql,
	&st_proto_mqtt,
	&st_proto_socks,
	&st_proto_irc,
	/* @w2misc */
	&st_proto_openflow, &st_proto_openflow_v1, &st_proto_openflow_v4,
	/* @w2krb */
	&st_proto_kerberos,
	&st_proto_ftp_data,
	&st_proto_mysql,
	&st_proto_resp,
	&st_proto_smtp,
	/* @tail16a */
	&st_proto_dccp,
	&st_proto_rpkirtr,
	&st_proto_babel,
	/* @tail16b */
	&st_proto_sflow,
	&st_proto_cflow,
	&st_proto_coap,
	&st_proto_tipc,
	&st_proto_clnp,
	&st_proto_esis,
	/* @voip */
	&st_proto_sip,
	&st_proto_sdp,
	&st_proto_rtp,
	&st_proto_rtcp,
	&st_proto_sap,
	&st_proto_rtpevent,
	/* @text2 */
	&st_proto_imap,
	&st_proto_pop,
	&st_proto_telnet,
	&st_proto_tftp,
	/* @matching */
	/* @zoo16 */
	/* @ipv6x */
	/* @osi16 */
	/* @wifi */
	/* @quic */
	/* @smb */
	/* @conn */
	/* @appcov */
	/* @tail16c */
	/* @smb2c */
	/* @smb1 */
	/* @nfsattr */
	/* @ssh2 */
	/* @tail9 */
	/* @agree */
	/* @app9 */
	/* @s9 */
	/* @tail16d */
	/* @smb1b */
	/* @smb2pipe */
	/* @gssapi */
	&st_proto_gssapi,
	&st_proto_spnego,
	&st_proto_spnego_krb5,
	&st_proto_ntlmssp,
	/* @rdp */
	&st_proto_rdp,
	&st_proto_t125,
	&st_proto_rdpudp,
	/* @tail16e */
	/* @app10 */
	&st_proto_finger,
	&st_proto_whois,
	&st_proto_urlform,
	&st_proto_rfb,
	/* @tcpapps */
	&st_proto_diameter,
	&st_proto_xmpp,
	&st_proto_bittorrent,
	&st_proto_rlogin,
	&st_proto_rsh,
	&st_proto_ident,
	/* @tail10 */
	&st_proto_smb_pipe,
	&st_proto_mailslot,
	&st_proto_browser,
	&st_proto_nbipx,
	&st_proto_nmpi,
	&st_proto_lwapp,
	&st_proto_lwapp_cntl,
	&st_proto_m3ua,
	&st_proto_nflog,
	&st_proto_olsr,
	&st_proto_mipv6,
	&st_proto_nhrp,
	&st_proto_macsec,
	&st_proto_textlines,
	&st_proto_media,
	&st_proto_png,
	&st_proto_gif,
	&st_proto_json,
	&st_proto_tls_hs,
	&st_proto_afs,
	&st_proto_ipoib,
	&st_proto_ndp,
	&st_proto_vsock,
	&st_proto_portmap,
	&st_proto_mount,
	&st_proto_nfsacl,
	&st_proto_hpext,
	&st_proto_hpsw,
	&st_proto_nsh,
	&st_proto_x509af,
	&st_proto_x509sat,
	&st_proto_x509ce,
	&st_proto_pkix1implicit,
	&st_proto_pkix1explicit,
	&st_proto_pkcs1,
	&st_proto_ns_cert_exts,
	&st_proto_ocsp,
	&st_proto_xml,
	&st_proto_jfif,
	&st_proto_nfs,
	&st_proto_f5ethtrailer,
	&st_proto_dnp3,
	&st_proto_msnlb,
	&st_proto_aarp,
	&st_proto_ipcomp,
	&st_proto_echo,
	&st_proto_daytime,
	&st_proto_time,
	&st_proto_chargen,

	/* @l2ctl */
	&st_proto_cfm,
	&st_proto_vtp,
	&st_proto_pptp,
	&st_proto_msdp,
	&st_proto_vqp,
	&st_proto_pflog,

	&st_proto_dtls,
	&st_proto_stun,
	&st_proto_teredo,
	/* @atalk */
	&st_proto_llap,
	&st_proto_ddp,
	&st_proto_ddp_short,
	&st_proto_nbp,
	&st_proto_rtmp,
	&st_proto_rtmpreq,
	&st_proto_atp,
	&st_proto_zip,
	&st_proto_zipatp,
	&st_proto_decnet,
	&st_proto_decnsp,
	&st_proto_igrp,
	&st_proto_lwres,

	&st_proto_juniper,
	&st_proto_q933,
	&st_proto_ipnet,
	&st_proto_pktap,
	&st_proto_bvlc,
	&st_proto_bacnet,
	&st_proto_bacapp,
	/* @tail17 */
	&st_proto_tacacs,
	&st_proto_autorp,
	&st_proto_cups,
	&st_proto_bfdecho,
	&st_proto_mndp,
	&st_proto_dblsp_disc,
	&st_proto_tzsp,
	/* @lans */
	&st_proto_arcnet,
	&st_proto_arcnet_linux,
	&st_proto_tr,
	&st_proto_trmac,
	&st_proto_fddi,
	&st_proto_ipfc,
	&st_proto_enc,
	&st_proto_symantec,
	&st_proto_carp,
	/* @indus */
	&st_proto_s7comm,
	&st_proto_enip,
	&st_proto_cip,
	&st_proto_iec104,
	&st_proto_iec104asdu,
	&st_proto_opcua,
	&st_proto_pnrt,
	&st_proto_pndcp,
	/* @udpsvc */
	&st_proto_portcontrol,
	&st_proto_natpmp,
	&st_proto_srvloc,
	&st_proto_rmcp,
	&st_proto_asf,
	&st_proto_ipmi_session,
	&st_proto_mip,
	&st_proto_tsp,
	&st_proto_krb4,
	&st_proto_who,
	&st_proto_xdmcp,
	&st_proto_glbp,
	&st_proto_wccp,
	&st_proto_data,
	&st_proto_trailer,
	&st_proto_trailer_inner,
	&st_proto_trailer_vlan,
	&st_proto_trailer_qinq,
	&st_proto_trailer_pbb,
	&st_proto_trailer_sll,
	&st_proto_trailer_other,
	NULL
};

const struct st_proto *
st_proto_port(int key, uint16_t sport, uint16_t dport)
{
	const struct st_proto *p;
	uint16_t lo = sport < dport ? sport : dport;

	if ((p = st_proto_next(key, lo)) != NULL)
		return p;
	return st_proto_next(key, lo == sport ? dport : sport);
}

const struct st_valname st_ethertype_names[] = {
	{ 0x0800, "IPv4" }, { 0x0806, "ARP" }, { 0x8035, "RARP" },
	{ 0x86dd, "IPv6" }, { 0x8100, "802.1Q VLAN" }, { 0x88a8, "802.1ad" },
	{ 0x9100, "802.1Q VLAN (old QinQ)" }, { 0x9000, "loopback test" },
	{ 0x8847, "MPLS unicast" }, { 0x8848, "MPLS multicast" },
	{ 0x8863, "PPPoE discovery" }, { 0x8864, "PPPoE session" },
	{ 0x888e, "802.1X (EAPOL)" }, { 0x88cc, "LLDP" }, { 0x8809, "slow "
	"protocols (LACP)" }, { 0x88e5, "MACsec" }, { 0x88e7, "802.1ah PBB" },
	{ 0x88f7, "PTP" },
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
 * The bind table, made from the descriptors once (st_registry_init): direct
 * tables for the keys every packet asks about (IP protocol, ports), a list
 * searched for the rest.
 */
#define MAXBINDS	512

struct bind {
	int		 key;
	uint64_t	 val;
	const struct st_proto *proto;
};

/* The content heuristics by transport, in registry order. */
#define MAXHEUR		64

static const struct st_proto *heur_tcp[MAXHEUR], *heur_udp[MAXHEUR];
static size_t nheur_tcp, nheur_udp;
/* And for an IP protocol nothing binds (tshark's "ip" list: CARP's). */
static const struct st_proto *heur_ip[MAXHEUR];
static size_t nheur_ip;

static const struct st_proto *by_ipproto[256];
static const struct st_proto *by_tcpport[65536], *by_udpport[65536];
static struct bind binds[MAXBINDS];
static size_t nbinds;
static int made;

/* Lists p's heuristic under each transport it binds a port of. */
static void
add_heuristic(const struct st_proto *p)
{
	int tcp = 0, udp = 0, ip = 0;
	size_t i;

	if (p->heuristic == NULL)
		return;
	for (i = 0; i < p->nbinds; i++) {
		tcp |= p->binds[i].key == ST_KEY_TCPPORT;
		udp |= p->binds[i].key == ST_KEY_UDPPORT;
		ip |= p->binds[i].key == ST_KEY_IPPROTO;
	}
	if (ip && nheur_ip < MAXHEUR)
		heur_ip[nheur_ip++] = p;
	if (p->role != ST_ROLE_APP)
		return;
	if (tcp && nheur_tcp < MAXHEUR)
		heur_tcp[nheur_tcp++] = p;
	if (udp && nheur_udp < MAXHEUR)
		heur_udp[nheur_udp++] = p;
}

static void
make_tables(void)
{
	const struct st_proto *p;
	const struct st_bind *b;
	size_t k, i;

	for (k = 0; (p = st_protos[k]) != NULL; k++)
		for (i = 0; i < p->nbinds; i++) {
			b = &p->binds[i];
			if (b->key == ST_KEY_IPPROTO && b->val < 256) {
				if (by_ipproto[b->val] == NULL)
					by_ipproto[b->val] = p;
			} else if (b->key == ST_KEY_TCPPORT && b->val < 65536) {
				if (by_tcpport[b->val] == NULL)
					by_tcpport[b->val] = p;
			} else if (b->key == ST_KEY_UDPPORT && b->val < 65536) {
				if (by_udpport[b->val] == NULL)
					by_udpport[b->val] = p;
			}
			if (nbinds < MAXBINDS) {
				binds[nbinds].key = b->key;
				binds[nbinds].val = b->val;
				binds[nbinds++].proto = p;
			}
		}
	for (k = 0; (p = st_protos[k]) != NULL; k++)
		add_heuristic(p);
	for (k = 0; (p = st_protos[k]) != NULL; k++)
		if (p->init != NULL)
			p->init();
	made = 1;
}

void
st_registry_init(void)
{
	if (!made)
		make_tables();
}

const struct st_proto *
st_proto_next(int key, uint64_t val)
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
	for (i = 0; i < nbinds; i++)
		if (binds[i].key == key && binds[i].val == val)
			return binds[i].proto;
	return NULL;
}

const struct st_proto *
st_proto_guess(int key, const struct st_cur *c, const struct st_proto *skip)
{
	const struct st_proto *const *h;
	struct st_cur t;
	size_t i, n;

	if (!made)
		make_tables();
	if (key == ST_KEY_TCPPORT) {
		h = heur_tcp;
		n = nheur_tcp;
	} else if (key == ST_KEY_UDPPORT) {
		h = heur_udp;
		n = nheur_udp;
	} else if (key == ST_KEY_IPPROTO) {
		h = heur_ip;
		n = nheur_ip;
	} else
		return NULL;
	for (i = 0; i < n; i++) {
		if (h[i] == skip)
			continue;
		t = *c;
		if (h[i]->heuristic(&t))
			return h[i];
	}
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
st_proto_key(const struct st_proto *p, int key, uint64_t *val)
{
	size_t i;

	for (i = 0; i < p->nbinds; i++)
		if (p->binds[i].key == key) {
			*val = p->binds[i].val;
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

const struct st_proto *
st_desc_proto(const struct st_field_desc *fd)
{
	const struct st_proto *p;
	size_t k;

	for (k = 0; (p = st_protos[k]) != NULL; k++)
		if ((fd >= p->fields && fd < p->fields + p->nfields) ||
		    (p->more != NULL && fd >= p->more &&
		    fd < p->more + p->nmore))
			return p;
	return NULL;
}
