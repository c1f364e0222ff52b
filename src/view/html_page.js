'use strict';
/*
 * The HTML report's page (the C side is src/view/html.c, which says what
 * the data look like).  Nothing here knows a protocol: layers, fields and
 * their formats come from the tables.  Wire text goes in with textContent
 * only.
 */
const T0 = performance.now();
const $ = id => document.getElementById(id);
const TB = JSON.parse($('tb').textContent);
const PROTOS = TB.protos.map(p => ({name: p[0], title: p[1], role: p[2],
	ws: p[3], ends: p.length > 5 ? [p[4], p[5]] : null}));
const DESCS = TB.descs.map(d => {
	const m = new Map();
	for (let i = 0; i + 1 < d[5].length; i += 2)
		if (!m.has(d[5][i]))
			m.set(d[5][i], d[5][i + 1]);
	return {name: d[0], label: d[1], fmt: d[2], shift: d[3], bits: d[4],
		names: m};
});
const SHAPES = TB.shapes;
const F_DEC = 0, F_HEX = 1, F_BOOL = 2, F_IPV4 = 3, F_IPV6 = 4, F_MAC = 5,
	F_BYTES = 6, F_ENUM = 7;
const STATUS = ['', 'truncated', 'malformed', 'partial'];
const LINES = (() => {
	const t = $('pk').textContent.split('\n');
	return t.slice(1, t.length - 1);
})();
const N = LINES.length;
const RH = 20, MAXH = 3e7;	/* row height; the list's most pixels */

/* A packet's record: [number, time, chain, rest of the summary, base64,
 * layers, length, notes, file]. */
const cache = new Map();
function rec(i) {
	let r = cache.get(i);
	if (r === undefined) {
		if (cache.size > 4000)
			cache.clear();
		r = JSON.parse(LINES[i]);
		cache.set(i, r);
	}
	return r;
}
function bytesOf(r) {
	const s = atob(r[4]), b = new Uint8Array(s.length);
	for (let i = 0; i < s.length; i++)
		b[i] = s.charCodeAt(i);
	return b;
}
/* The layers of record r as objects; each layer's offset and length,
 * when left out, are its predecessor's payload (the first: the frame). */
function layersOf(r) {
	const out = [];
	const b64 = r[4];
	let off = 0, len = b64.length / 4 * 3 - (b64.endsWith('==') ? 2 :
		b64.endsWith('=') ? 1 : 0);
	for (const l of r[5]) {
		const o = {p: PROTOS[l[0]], hdr: l[1], shape: SHAPES[l[2]],
			exc: l[3] || [], depth: l[4] || 0, status: l[5] || 0,
			why: l[6] || '', off: l.length > 7 ? l[7] : off,
			len: l.length > 8 ? l[8] : len};
		out.push(o);
		off = o.off + o.hdr;
		len = o.len > o.hdr ? o.len - o.hdr : 0;
	}
	return out;
}
function summary(r) {
	return r[2] < 0 ? r[3] : r[1] + '  ' + TB.chains[r[2]] + '  ' + r[3];
}
/* Calls fn(desc, bitoff, bits, x) for each field of layer l (x: see
 * field_kind in html.c; undefined when the bytes say it all). */
function eachField(l, fn) {
	const s = l.shape, e = l.exc;
	let k = 0;
	for (let j = 0; j * 3 < s.length; j++) {
		let x;
		if (k < e.length && e[k] === j) {
			x = e[k + 1];
			k += 2;
		}
		fn(DESCS[s[3 * j]], l.off * 8 + s[3 * j + 1], s[3 * j + 2], x, j);
	}
}

function readBits(b, bo, bw) {
	let v = 0;
	for (let i = bo; i < bo + bw; i++)
		v = v * 2 + ((b[i >> 3] >> (7 - (i & 7))) & 1);
	return v;
}
function hex2(v) {
	return (v < 16 ? '0' : '') + v.toString(16);
}
function ip6(b, o) {
	const w = [];
	let best = 8, blen = 0, cur = 8, clen = 0, s = '';
	for (let i = 0; i < 8; i++)
		w.push(b[o + 2 * i] << 8 | b[o + 2 * i + 1]);
	for (let i = 0; i < 8; i++) {
		if (w[i] !== 0) {
			cur = 8;
			continue;
		}
		if (cur === 8) {
			cur = i;
			clen = 0;
		}
		if (++clen > blen) {
			best = cur;
			blen = clen;
		}
	}
	if (blen < 2)
		best = 8;
	for (let i = 0; i < 8; i++) {
		if (best < 8 && i >= best && i < best + blen) {
			if (i === best)
				s += ':';
			continue;
		}
		if (i > 0)
			s += ':';
		if (i === 6 && best === 0 && (blen === 6 ||
		    (blen === 5 && w[5] === 0xffff)))
			return s + Array.from(b.subarray(o + 12, o + 16)).join('.');
		s += w[i].toString(16);
	}
	if (best < 8 && best + blen === 8)
		s += ':';
	return s;
}
/*
 * A field's text in parts: [value, meaning or undefined, suffix], as the
 * C side's field_text writes it (st_fmt_value with at most 64 bytes).
 */
function fieldParts(b, d, bo, bw, x) {
	if (typeof x === 'string')
		return [x, undefined, ''];
	const suffix = x === -1 ? ' [good]' : x === -2 ? ' [partial: offloaded]' :
		x === -3 ? ' [unverified]' : '';
	let v;
	if (typeof x === 'number' && x >= 0)
		v = x;
	else if (d.fmt === F_IPV4)
		return [Array.from(b.subarray(bo / 8, bo / 8 + 4)).join('.'),
			undefined, suffix];
	else if (d.fmt === F_MAC)
		return [Array.from(b.subarray(bo / 8, bo / 8 + 6), hex2)
			.join(':'), undefined, suffix];
	else if (d.fmt === F_IPV6)
		return [ip6(b, bo / 8), undefined, suffix];
	else if (d.fmt === F_BYTES) {
		const n = bw / 8, p = b.subarray(bo / 8, bo / 8 + Math.min(n, 64));
		return [Array.from(p, hex2).join('') + (n > 64 ? '...' : ''),
			undefined, suffix];
	} else
		v = readBits(b, bo, bw) * 2 ** d.shift;
	const m = v <= 0xffffffff ? d.names.get(v) : undefined;
	if (d.fmt === F_ENUM)
		return [m !== undefined ? m : '?', undefined, suffix];
	let t = String(v);
	if (d.fmt === F_HEX) {
		const w = Math.max(2, Math.ceil(bw / 4));
		t = v.toString(16);
		t = '0x' + (t.length > w ? t.slice(t.length - w) :
			t.padStart(w, '0'));
	}
	return [t, m, suffix];
}
function fieldText(b, d, bo, bw, x) {
	const [v, m, s] = fieldParts(b, d, bo, bw, x);
	return v + (m !== undefined ? ' (' + m + ')' : '') + s;
}

function el(tag, cls, text) {
	const e = document.createElement(tag);
	if (cls)
		e.className = cls;
	if (text !== undefined)
		e.textContent = text;
	return e;
}

/* The packet list: rows only for what is on screen. */
let V = Int32Array.from({length: N}, (_, i) => i);	/* shown packets */
let cur = -1, curPos = -1;
const list = $('list'), rows = $('rows'), pool = [];
function geometry() {
	const full = V.length * RH, tot = Math.min(full, MAXH);
	return {full, tot, h: list.clientHeight};
}
function firstRow(g, top) {
	if (g.full === g.tot)
		return Math.floor(top / RH);
	const on = g.h / RH;
	return Math.round(top / Math.max(1, g.tot - g.h) * (V.length - on));
}
function columns(r) {
	return [r[0], r[1], r[2] < 0 ? '' : TB.chains[r[2]], r[3]];
}
function render() {
	const g = geometry(), top = list.scrollTop;
	rows.style.height = g.tot + 'px';
	const first = Math.max(0, Math.min(firstRow(g, top), V.length - 1));
	const last = Math.min(V.length, first + Math.ceil(g.h / RH) + 2);
	let n = 0;
	for (let k = first; k < last; k++, n++) {
		let row = pool[n];
		if (row === undefined) {
			row = el('div', 'row');
			for (let c = 0; c < 4; c++)
				row.appendChild(el('span'));
			row.addEventListener('click', () => select(+row.dataset.pos));
			rows.appendChild(row);
			pool.push(row);
		}
		const i = V[k];
		row.style.display = '';
		row.style.top = (g.full === g.tot ? k * RH :
			top + (k - first) * RH) + 'px';
		row.dataset.pos = k;
		if (row.dataset.i !== String(i)) {
			row.dataset.i = i;
			const c = columns(rec(i));
			for (let j = 0; j < 4; j++)
				row.children[j].textContent = c[j];
			row.title = c[3];
		}
		row.classList.toggle('sel', i === cur);
		row.classList.toggle('odd', k % 2 === 1);
	}
	for (; n < pool.length; n++)
		pool[n].style.display = 'none';
}
list.addEventListener('scroll', render);
window.addEventListener('resize', () => curPos >= 0 ? reveal(curPos) :
	render());
function reveal(pos) {
	const g = geometry(), top = list.scrollTop;
	if (g.full === g.tot) {
		if (pos * RH < top)
			list.scrollTop = pos * RH;
		else if ((pos + 1) * RH > top + g.h)
			list.scrollTop = (pos + 1) * RH - g.h;
	} else {
		/* scaled: rounding may move it a row, so to the middle */
		const on = g.h / RH, first = firstRow(g, top);
		if (pos < first || pos >= first + on - 1)
			list.scrollTop = (pos - on / 2) / Math.max(1, V.length - on) *
				(g.tot - g.h);
	}
	render();
}
function select(pos) {
	if (pos < 0 || pos >= V.length)
		return;
	curPos = pos;
	cur = V[pos];
	reveal(pos);
	show(cur);
}

/* The selected packet's panes. */
let P = null;	/* {r, b, layers} */
function light(lo, hi) {
	document.querySelectorAll('.lit').forEach(e =>
		e.classList.remove('lit'));
	for (let i = lo; i < hi; i++)
		for (const id of ['b', 'a']) {
			const e = $(id + i);
			if (e)
				e.classList.add('lit');
		}
}
function lightField(f) {
	if (f.dataset.lo !== undefined)
		light(+f.dataset.lo, +f.dataset.hi);
	else
		light(0, 0);
	f.classList.add('lit');
}
function show(i) {
	const r = rec(i), b = bytesOf(r), layers = layersOf(r);
	P = {r, b, layers};
	showTree(r, b, layers);
	showHex(b, layers);
	showDiagram(b, layers);
}
function showTree(r, b, layers) {
	const t = $('tree'), frag = document.createDocumentFragment();
	t.textContent = '';
	frag.appendChild(el('div', 'ly', 'Frame ' + r[0] + ': ' + r[6] +
		' bytes on wire, ' + b.length + ' captured' + (r.length > 8 ?
		', ' + TB.files[r[8]] : '')));
	for (const n of r[7] || [])
		frag.appendChild(el('div', 'note', '  note: ' + n));
	for (const l of layers) {
		const st = STATUS[l.status];
		frag.appendChild(el('div', 'ly r' + l.p.role, (l.depth ?
			'  '.repeat(l.depth) + 'quoted ' : '') + l.p.name + ': ' +
			l.p.title + '  [' + l.off + '..' + (l.off + l.len) + ')' +
			(st ? '  [' + st + (l.why ? ': ' + l.why : '') + ']' : '')));
		eachField(l, (d, bo, bw, x) => {
			const f = el('div', 'f' + (l.depth ? ' q' : ''), d.name +
				' = ' + fieldText(b, d, bo, bw, x));
			f.title = d.label + (bw ? ' \u00b7 ' + bw + ' bits at bit ' +
				bo : ' \u00b7 worked out by strata');
			f.tabIndex = 0;
			f.dataset.name = d.name;
			if (bw) {
				f.dataset.lo = Math.floor(bo / 8);
				f.dataset.hi = Math.ceil((bo + bw) / 8);
			}
			const go = () => lightField(f);
			f.addEventListener('mouseenter', go);
			f.addEventListener('click', go);
			f.addEventListener('focus', go);
			frag.appendChild(f);
		});
	}
	t.appendChild(frag);
}
/* The innermost layer holding byte i, or -1. */
function covers(layers, i) {
	let best = -1;
	layers.forEach((l, k) => {
		if (i >= l.off && i < l.off + l.len)
			best = k;
	});
	return best;
}
function showHex(b, layers) {
	const hx = $('hex'), frag = document.createDocumentFragment();
	hx.textContent = '';
	for (let row = 0; row < b.length; row += 16) {
		if (row)
			frag.appendChild(document.createTextNode('\n'));
		frag.appendChild(el('span', 'o', row.toString(16).padStart(4, '0') +
			'  '));
		const end = Math.min(row + 16, b.length);
		let asc = '';
		for (let i = row; i < row + 16; i++) {
			if (i >= end) {
				asc += i % 16 === 7 ? '    ' : '   ';
				continue;
			}
			const k = covers(layers, i), cls = k >= 0 ? ' r' +
				layers[k].p.role + ' d' + layers[k].depth : '';
			const s = el('span', 'b' + cls, hex2(b[i]));
			s.id = 'b' + i;
			s.addEventListener('click', () => pick(i));
			frag.appendChild(s);
			frag.appendChild(document.createTextNode(i % 16 === 7 ?
				'  ' : ' '));
		}
		if (asc)
			frag.appendChild(document.createTextNode(asc));
		frag.appendChild(document.createTextNode(' '));
		for (let i = row; i < end; i++) {
			const k = covers(layers, i), c = b[i] >= 32 && b[i] < 127 ?
				String.fromCharCode(b[i]) : '.';
			const s = el('span', 'c' + (k >= 0 ? ' r' + layers[k].p.role :
				''), c);
			s.id = 'a' + i;
			s.addEventListener('click', () => pick(i));
			frag.appendChild(s);
		}
	}
	hx.appendChild(frag);
}
/* Lights the narrowest field holding byte i. */
function pick(i) {
	let best = null, w = 1e9;
	document.querySelectorAll('.f').forEach(f => {
		if (f.dataset.lo === undefined)
			return;
		const lo = +f.dataset.lo, hi = +f.dataset.hi;
		if (i >= lo && i < hi && hi - lo < w) {
			best = f;
			w = hi - lo;
		}
	});
	if (best) {
		lightField(best);
		best.scrollIntoView({block: 'nearest'});
	}
}
/* Layers whose bytes are all message, no header and payload (by role:
 * the application's, data, trailer). */
function whole(l) {
	return l.p.role >= 6;
}
/* The encapsulation as boxes in boxes, each layer in the one whose bytes
 * hold it; under them a bar of the frame's bytes to scale. */
function showDiagram(b, layers) {
	const dg = $('diag'), bar = $('bar'), stack = [];
	dg.textContent = '';
	bar.textContent = '';
	let sum = 0;
	for (const l of layers) {
		while (stack.length) {
			const o = stack[stack.length - 1];
			if (l.off >= o.l.off && l.off + l.len <= o.l.off + o.l.len)
				break;
			stack.pop();
		}
		const box = el('div', 'bx r' + l.p.role + ' d' + l.depth);
		const st = STATUS[l.status];
		const t = el('div', 't', l.p.name + ' \u00b7 ' + (whole(l) ?
			l.len + ' bytes' : l.hdr + '-byte header') +
			(l.depth ? ' (quoted)' : '') + (st ? ' [' + st +
			(l.why ? ': ' + l.why : '') + ']' : ''));
		t.title = l.p.title;
		const ends = endsText(b, l);
		if (ends)
			t.appendChild(el('span', '', ' \u00b7 ' + ends));
		box.appendChild(t);
		(stack.length ? stack[stack.length - 1].box : dg).appendChild(box);
		stack.push({l, box});
		const own = whole(l) ? l.len : l.hdr;
		if (own > 0) {
			const part = el('div', 'r' + l.p.role, l.p.name + ' ' + own);
			part.style.flex = own + ' 1 0';
			part.title = l.p.name + ': ' + own + ' bytes';
			bar.appendChild(part);
			sum += own;
		}
	}
	$('barn').textContent = (sum === b.length ? '' : 'layers ' + sum +
		' of ') + b.length + ' bytes captured';
}
/* "source → destination" from the descriptor's ends, when it has them. */
function endsText(b, l) {
	if (!l.p.ends)
		return '';
	const v = [null, null];
	eachField(l, (d, bo, bw, x) => {
		for (let k = 0; k < 2; k++)
			if (v[k] === null && d === DESCS[l.p.ends[k]])
				v[k] = fieldParts(b, d, bo, bw, x)[0];
	});
	return v[0] !== null && v[1] !== null ? v[0] + ' \u2192 ' + v[1] : '';
}

