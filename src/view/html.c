/*
 * The HTML view: one self-contained file (no network, no CDN; it opens
 * from disk) with the packet list, the layer tree of the selected packet,
 * its bytes coloured by layer as the terminal hex view colours them, and
 * its encapsulation diagram.  Pointing at a field lights its bytes, and
 * clicking a byte lights the field that holds it.  Keys: up/down (or k/j)
 * move between packets, Tab walks the fields, Enter lights one.
 *
 * The packets are embedded as JSON (the JSON view's layers, the bytes in
 * hex, the summary line and the diagram as text).  Every '<' inside that
 * JSON is written as \u003c, so nothing from the wire can close the
 * script element; the page inserts wire text with textContent only.
 */
#include <string.h>

#include "strata/decode.h"
#include "strata/view.h"

static const char head[] =
"<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
"<meta name=\"viewport\" content=\"width=device-width\">\n"
"<title>strata</title>\n<style>\n"
"body{margin:0;font:14px/1.4 ui-monospace,Menlo,Consolas,monospace;"
"background:#fafafa;color:#111}\n"
"header{padding:6px 12px;background:#1f2937;color:#fff}\n"
"#main{display:flex;flex-direction:column;height:calc(100vh - 34px)}\n"
"#list{height:28%;overflow:auto;border-bottom:1px solid #ccc;"
"outline:none}\n"
"#list div{padding:2px 8px;white-space:nowrap;cursor:pointer}\n"
"#list div.sel{background:#dbeafe}\n"
"#detail{flex:1;display:flex;min-height:0}\n"
"#tree{width:44%;overflow:auto;padding:6px 10px;border-right:1px solid "
"#ccc}\n#right{flex:1;overflow:auto;padding:6px 12px}\n"
".ly{margin:4px 0 2px;font-weight:bold}\n"
".f{padding-left:18px;cursor:pointer;white-space:pre}\n"
".f.q{padding-left:42px}\n"
".f:focus,.f.lit{background:#fde68a;outline:none}\n"
"#hex{margin:4px 0 12px;white-space:pre}\n"
".b{cursor:pointer}\n.b.lit{background:#fde68a;font-weight:bold}\n"
"#diag{font-size:12px;line-height:1.2;color:#333}\n"
".eth,.sll,.sll2,.null{color:#1d4ed8}.vlan,.qinq{color:#3b82f6}"
".arp{color:#a16207}.ipv4,.ipv6{color:#15803d}"
".hopopts,.routing,.frag6,.dstopts{color:#22c55e}"
".icmp,.icmpv6{color:#a21caf}.tcp{color:#a16207}.udp{color:#0e7490}"
".data{color:#4b5563}.trailer{color:#9ca3af}.dns{color:#c026d3}"
".http{color:#0891b2}.tls{color:#ca8a04}\n"
"</style></head>\n<body>\n<header id=\"top\">strata</header>\n"
"<div id=\"main\"><div id=\"list\" tabindex=\"0\"></div>\n"
"<div id=\"detail\"><div id=\"tree\"></div><div id=\"right\">"
"<div id=\"hex\"></div><pre id=\"diag\"></pre></div></div></div>\n"
"<script>\nconst P=[\n";

static const char app[] =
"'use strict';\n"
"const $=id=>document.getElementById(id);\n"
"let cur=-1;\n"
"function el(tag,cls,text){const e=document.createElement(tag);"
"if(cls)e.className=cls;if(text!==undefined)e.textContent=text;return e;}\n"
"function covers(p,i){let best=-1;p.layers.forEach((l,k)=>{"
"if(i>=l.offset&&i<l.offset+l.length+l.payload)best=k;});return best;}\n"
"function light(lo,hi){document.querySelectorAll('.lit').forEach(e=>"
"e.classList.remove('lit'));for(let i=lo;i<hi;i++){const b=$('b'+i);"
"if(b)b.classList.add('lit');}}\n"

"function show(i){if(i<0||i>=P.length)return;cur=i;const p=P[i];\n"
"document.querySelectorAll('#list div').forEach((d,k)=>"
"d.classList.toggle('sel',k===i));\n"
"$('list').children[i].scrollIntoView({block:'nearest'});\n"
"const t=$('tree');t.textContent='';\n"
"p.layers.forEach(l=>{const h=el('div','ly '+l.name,"
"(l.depth?'  '.repeat(l.depth)+'quoted ':'')+l.name+': '+l.title+'  ['+"
"l.offset+'..'+(l.offset+l.length+l.payload)+')'+(l.status?'  ['+"
"l.status+(l.why?': '+l.why:'')+']':''));t.appendChild(h);\n"
"for(const [k,x,bo,bw,lab] of l.f){const f=el('div','f'+(l.depth?' q':''),"
"k+' = '+x);f.title=lab+(bw?' \u00b7 '+bw+' bits at bit '+bo:"
"' \u00b7 worked out by strata');f.tabIndex=0;f.dataset.name=k;"
"if(bw){f.dataset.lo=Math.floor(bo/8);f.dataset.hi=Math.ceil((bo+bw)/8);}"
"\n"
"const go=()=>{if(f.dataset.lo!==undefined)light(+f.dataset.lo,"
"+f.dataset.hi);f.classList.add('lit');};\n"
"f.addEventListener('mouseenter',go);f.addEventListener('click',go);"
"f.addEventListener('focus',go);t.appendChild(f);}});\n"
"const hx=$('hex');hx.textContent='';\n"
"for(let i=0;i<p.hex.length/2;i++){if(i%16===0){if(i)hx.appendChild("
"document.createTextNode('\\n'));hx.appendChild(document.createTextNode("
"i.toString(16).padStart(4,'0')+'  '));}\n"
"const k=covers(p,i);const s=el('span','b '+(k>=0?p.layers[k].name:''),"
"p.hex.substr(2*i,2));s.id='b'+i;s.addEventListener('click',()=>"
"pick(i));hx.appendChild(s);hx.appendChild(document.createTextNode("
"i%16===7?'  ':' '));}\n"
"$('diag').textContent=p.diag;}\n"
"function pick(i){let best=null,w=1e9;document.querySelectorAll('.f')"
".forEach(f=>{if(f.dataset.lo===undefined)return;const lo=+f.dataset.lo,"
"hi=+f.dataset.hi;if(i>=lo&&i<hi&&hi-lo<w){best=f;w=hi-lo;}});"
"if(best){light(+best.dataset.lo,+best.dataset.hi);best.classList.add"
"('lit');best.scrollIntoView({block:'nearest'});}}\n"
"const list=$('list');P.forEach((p,i)=>{const d=el('div','',p.sum);"
"d.addEventListener('click',()=>show(i));list.appendChild(d);});\n"
"document.addEventListener('keydown',e=>{if(e.key==='ArrowDown'||"
"e.key==='j'){show(cur+1);e.preventDefault();}else if(e.key==="
"'ArrowUp'||e.key==='k'){show(cur-1);e.preventDefault();}});\n"
"$('top').textContent='strata: '+TITLE+' \\u00b7 '+P.length+' packet'+"
"(P.length===1?'':'s')+' \\u00b7 \\u2191\\u2193 packets, Tab fields, "
"click a field or a byte';\n"
"document.title='strata: '+TITLE;\n"
"show(0);\n"
"/* Self-test for the browser test: #test=PACKET:field:NAME or "
"#test=PACKET:byte:N clicks, then reports what is lit. */\n"
"const m=/^#test=(\\d+):(field|byte):(.+)$/.exec(location.hash);\n"
"if(m){show(+m[1]-1);if(m[2]==='field'){const f=[...document."
"querySelectorAll('.f')].find(f=>f.dataset.name===m[3]);if(f)f.click();}"
"else{const b=$('b'+m[3]);if(b)b.click();}\n"
"const lit=[...document.querySelectorAll('.b.lit')].map(b=>b.id.slice(1));"
"const fl=[...document.querySelectorAll('.f.lit')].map(f=>f.dataset.name);"
"document.body.dataset.lit=lit.join(',');document.body.dataset.field="
"fl.join(',');}\n"
"</script>\n</body></html>\n";

static void
html_begin(struct st_out *o, struct st_vctx *v)
{
	(void)v;
	st_out_puts(o, head);
}

/* Writes text as a JSON string (quotes included), '<' made harmless. */
static void
json_text(struct st_out *o, const char *s, size_t n)
{
	st_out_putc(o, '"');
	st_out_json_str(o, s, n);
	st_out_putc(o, '"');
}

/* The text the tree shows for a field: value, meaning, checksum. */
static void
field_text(struct st_out *o, const struct st_packet *pkt,
    const struct st_field *f)
{
	static struct st_out t;
	const char *m;

	st_out_mem(&t);
	st_fmt_value(&t, pkt, f, 64);
	if ((m = st_field_meaning(f)) != NULL && f->desc->fmt != ST_FMT_ENUM &&
	    f->desc->fmt != ST_FMT_TEXT)
		st_out_printf(&t, " (%s)", m);
	if (f->ck == ST_CK_GOOD)
		st_out_puts(&t, " [good]");
	else if (f->ck == ST_CK_BAD)
		st_out_printf(&t, " [bad: should be 0x%04x]", f->aux);
	else if (f->ck == ST_CK_PARTIAL)
		st_out_puts(&t, " [partial: offloaded]");
	else if (f->ck == ST_CK_UNVERIFIED)
		st_out_puts(&t, " [unverified]");
	json_text(o, t.buf, t.n);
}

/*
 * The layers as the page needs them: name, title, byte range, depth,
 * status, and each field as [name, text, bit offset, bits, label].
 */
static void
html_layers(struct st_out *o, const struct st_packet *pkt)
{
	static const char *const status[] = { "", "truncated", "malformed",
		"partial" };
	const struct st_layer *ly;
	const struct st_field *f;
	unsigned i, j;

	st_out_putc(o, '[');
	for (i = 0; i < pkt->nlayers; i++) {
		ly = &pkt->layers[i];
		st_out_printf(o, "%s{\"name\":\"%s\",\"title\":", i ? "," : "",
		    ly->proto->name);
		json_text(o, ly->proto->title, strlen(ly->proto->title));
		st_out_printf(o, ",\"offset\":%u,\"length\":%u,\"payload\":%u,"
		    "\"depth\":%u,\"status\":\"%s\",\"why\":", ly->off,
		    ly->hdr_len, ly->len > ly->hdr_len ? ly->len - ly->hdr_len :
		    0, ly->depth, status[ly->status]);
		json_text(o, ly->why != NULL ? ly->why : "", ly->why != NULL ?
		    strlen(ly->why) : 0);
		st_out_puts(o, ",\"f\":[");
		for (j = ly->field0; j < (unsigned)ly->field0 + ly->nfields;
		    j++) {
			f = &pkt->fields[j];
			st_out_printf(o, "%s[\"%s\",", j > ly->field0 ? "," : "",
			    f->desc->name);
			field_text(o, pkt, f);
			st_out_printf(o, ",%u,%u,", f->bitoff, f->bits);
			json_text(o, f->desc->label, strlen(f->desc->label));
			st_out_putc(o, ']');
		}
		st_out_puts(o, "]}");
	}
	st_out_putc(o, ']');
}

static void
html_packet(struct st_out *o, const struct st_packet *pkt, struct st_vctx *v)
{
	static const char hexdig[] = "0123456789abcdef";
	static struct st_out tmp;
	struct st_vctx plain = *v;
	uint32_t i;

	plain.color = 0;
	o->esc_lt = 1;
	st_out_puts(o, "{\"n\":");
	st_out_u64(o, pkt->num);
	st_out_puts(o, ",\"sum\":");
	st_out_mem(&tmp);
	st_view_summary.packet(&tmp, pkt, &plain);
	json_text(o, tmp.buf, tmp.n > 0 ? tmp.n - 1 : 0);
	st_out_puts(o, ",\"hex\":\"");
	for (i = 0; i < pkt->caplen; i++) {
		st_out_putc(o, hexdig[pkt->data[i] >> 4]);
		st_out_putc(o, hexdig[pkt->data[i] & 15]);
	}
	st_out_puts(o, "\",\"layers\":");
	html_layers(o, pkt);
	st_out_puts(o, ",\"diag\":");
	st_out_mem(&tmp);
	st_view_diagram.packet(&tmp, pkt, &plain);
	json_text(o, tmp.buf, tmp.n);
	st_out_puts(o, "},\n");
	o->esc_lt = 0;
	v->t0 = plain.t0;
	v->have_t0 = plain.have_t0;
	v->flows = plain.flows;		/* the conversations, kept */
}

static void
html_end(struct st_out *o, struct st_vctx *v)
{
	const char *t = v->title != NULL ? v->title : "packets";

	st_out_puts(o, "];\nconst TITLE=");
	o->esc_lt = 1;
	json_text(o, t, strlen(t));
	o->esc_lt = 0;
	st_out_puts(o, ";\n</script>\n<script>\n");
	st_out_puts(o, app);
}

const struct st_view st_view_html = {
	"html", "a self-contained HTML report (needs -o FILE)", html_packet,
	html_begin, html_end, 1, 0, 1
};
