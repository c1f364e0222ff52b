/*
 * What the 802.11 family's files say to each other through the registry
 * (key ST_KEY_WLAN): a radio header hands on an 802.11 frame with or
 * without its FCS, and the 802.11 header hands on a management body.
 */
#ifndef STRATA_PROTO_WLAN_H
#define STRATA_PROTO_WLAN_H

enum {
	ST_WLAN_FRAME = 1,	/* an 802.11 frame, no FCS at its end */
	ST_WLAN_FRAME_FCS,	/* an 802.11 frame ending in a 4-byte FCS */
	ST_WLAN_MGT		/* a management frame's body */
};

#endif
