/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Private to sdp.c and rtp.c/rtcp.c: what SDP notes of a media stream in
 * the table of expected conversations (strata/expect.h), and the names
 * of RTP's static payload types (RFC 3551), which SDP's m= lines show.
 */
#ifndef STRATA_PROTO_VOIP_H
#define STRATA_PROTO_VOIP_H

#include <stdint.h>

#include "strata/expect.h"

/* SDP's notes of a media end, in struct st_expect's data. */
struct voip_note {
	uint64_t	 setup;		/* the frame of the offer */
	uint8_t		 from[16];	/* who announced it */
	uint8_t		 answered;	/* an answer came for it */
	uint8_t		 event_pt;	/* rtpmap's telephone-event type + 1;
					   0: none */
};

_Static_assert(sizeof(struct voip_note) <= ST_EXPECT_DATA, "voip_note");

/* "ITU-T G.711 PCMU" for payload type 0, as Wireshark names them; NULL
 * for a type with no static name. */
static inline const char *
voip_pt_name(unsigned pt)
{
	static const char *const names[35] = {
		"ITU-T G.711 PCMU", "USA Federal Standard FS-1016",
		"ITU-T G.721", "GSM 06.10", "ITU-T G.723",
		"DVI4 8000 samples/s", "DVI4 16000 samples/s",
		"Experimental linear predictive encoding from Xerox PARC",
		"ITU-T G.711 PCMA", "ITU-T G.722",
		"16-bit uncompressed audio, stereo",
		"16-bit uncompressed audio, monaural",
		"Qualcomm Code Excited Linear Predictive coding",
		"Comfort noise", "MPEG-I/II Audio", "ITU-T G.728",
		"DVI4 11025 samples/s", "DVI4 22050 samples/s", "ITU-T G.729",
		"CN_OLD", NULL, NULL, NULL, NULL, NULL,
		"Sun CellB video encoding", "JPEG-compressed video", NULL,
		"'nv' program", NULL, NULL, "ITU-T H.261", "MPEG-I/II Video",
		"MPEG-II transport streams", "ITU-T H.263",
	};

	return pt < 35 ? names[pt] : NULL;
}

#endif
