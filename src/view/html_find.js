/*
 * The HTML report's page, second part (after html_page.js, in the same
 * script): the search box, the keys, the start, and the self-tests.
 */
/*
 * The filter: terms joined by "and"; a term is FIELD OP VALUE (OP one of
 * == != < > <= >= contains ~) or a word: a protocol or field name, or
 * text in the summary or any field's text.
 */
function num(s) {
	return /^(0x[0-9a-f]+|-?\d+(\.\d+)?)$/i.test(s) ? Number(s) : NaN;
}
function compile(q) {
	const terms = q.trim().split(/\s+(?:and|&&)\s+|\s*&&\s*/i)
		.filter(t => t);
	return terms.map(t => {
		const m = /^([\w.-]+)\s*(==|!=|>=|<=|>|<|=|~|\bcontains\b)\s*(.*)$/i
			.exec(t);
		if (!m) {
			const w = t.replace(/^"(.*)"$/, '$1').toLowerCase();
			return {word: w,
				protos: new Set(PROTOS.filter(p => p.name === w ||
					p.ws === w)),
				descs: new Set(DESCS.filter(d => d.name === w ||
					d.name.startsWith(w + '.')))};
		}
		const descs = new Set(DESCS.filter(d => d.name === m[1]));
		if (!descs.size && !PROTOS.some(p => m[1].startsWith(p.ws + '.')))
			throw new Error('no field named ' + m[1]);
		const want = m[3].replace(/^"(.*)"$/, '$1');
		return {descs, op: m[2] === '=' ? '==' : m[2].toLowerCase(),
			want: want.toLowerCase(), wn: num(want)};
	});
}
function cmp(t, parts) {
	const [v, mn] = parts, c = [v.toLowerCase()];
	if (mn !== undefined)
		c.push(mn.toLowerCase());
	const n = num(v);
	switch (t.op) {
	case '==': case '!=':
		return c.includes(t.want) || (!isNaN(n) && n === t.wn);
	case 'contains': case '~':
		return c.some(s => s.includes(t.want));
	default:
		if (isNaN(n) || isNaN(t.wn))
			return false;
		return t.op === '<' ? n < t.wn : t.op === '>' ? n > t.wn :
			t.op === '<=' ? n <= t.wn : n >= t.wn;
	}
}
function matchTerm(t, r, ctx) {
	const layers = ctx.layers || (ctx.layers = layersOf(r));
	const bytes = () => ctx.b || (ctx.b = bytesOf(r));
	if (t.word !== undefined) {
		if (layers.some(l => t.protos.has(l.p)))
			return true;
		if (summary(r).toLowerCase().includes(t.word))
			return true;
		let hit = false;
		for (const l of layers) {
			eachField(l, (d, bo, bw, x) => {
				if (!hit && (t.descs.has(d) || fieldText(bytes(), d, bo,
				    bw, x).toLowerCase().includes(t.word)))
					hit = true;
			});
			if (hit || l.p.title.toLowerCase().includes(t.word))
				return true;
		}
		return false;
	}
	let seen = false, any = false;
	for (const l of layers)
		eachField(l, (d, bo, bw, x) => {
			if (any || !t.descs.has(d))
				return;
			const eq = cmp(t, fieldParts(bytes(), d, bo, bw, x));
			seen = true;
			if (t.op === '!=' ? eq : !eq)
				return;
			if (t.op !== '!=')
				any = true;
		});
	if (t.op === '!=') {
		/* true when present and no instance equals */
		let eq = false;
		for (const l of layers)
			eachField(l, (d, bo, bw, x) => {
				if (t.descs.has(d) && cmp(t, fieldParts(bytes(), d, bo,
				    bw, x)))
					eq = true;
			});
		return seen && !eq;
	}
	return any;
}
let gen = 0;
function filter(q, done) {
	const g = ++gen, box = $('q');
	let terms;
	try {
		terms = compile(q);
		box.classList.remove('bad');
		box.title = '';
	} catch (e) {
		box.classList.add('bad');
		$('count').textContent = e.message;
		return;
	}
	const out = [], t0 = performance.now();
	let i = 0;
	const step = () => {
		if (g !== gen)
			return;
		const end = Math.min(N, i + 5000);
		for (; i < end; i++) {
			if (!terms.length) {
				out.push(i);
				continue;
			}
			const line = LINES[i], r = cache.get(i) || JSON.parse(line),
				ctx = {};
			if (terms.every(t => matchTerm(t, r, ctx)))
				out.push(i);
		}
		if (i < N) {
			$('count').textContent = 'searching ' +
				Math.floor(100 * i / N) + '%';
			setTimeout(step, 0);
			return;
		}
		V = Int32Array.from(out);
		curPos = V.indexOf(cur);
		counted(performance.now() - t0);
		list.scrollTop = 0;
		pool.forEach(r => delete r.dataset.i);
		if (curPos >= 0)
			reveal(curPos);
		else
			render();
		document.body.dataset.shown = V.length;
		if (done)
			done();
	};
	step();
}
function counted(ms) {
	$('count').textContent = (V.length === N ? '' : V.length + ' of ') + N +
		' packet' + (N === 1 ? '' : 's') + (ms !== undefined && V.length !==
		N ? ' (' + Math.round(ms) + ' ms)' : '');
}
let qt = null;
$('q').addEventListener('input', () => {
	clearTimeout(qt);
	qt = setTimeout(() => filter($('q').value), 300);
});
$('q').addEventListener('keydown', e => {
	if (e.key === 'Enter') {
		clearTimeout(qt);
		filter($('q').value);
	}
	e.stopPropagation();
});

document.addEventListener('keydown', e => {
	const page = Math.max(1, Math.floor(list.clientHeight / RH) - 1);
	const to = {ArrowDown: curPos + 1, j: curPos + 1, ArrowUp: curPos - 1,
		k: curPos - 1, PageDown: curPos + page, PageUp: curPos - page,
		Home: 0, End: V.length - 1}[e.key];
	if (to === undefined)
		return;
	select(Math.max(0, Math.min(V.length - 1, to)));
	e.preventDefault();
});

$('top').textContent = 'strata: ' + TB.title + ' \u00b7 \u2191\u2193 ' +
	'packets, Tab fields, click a field or a byte';
document.title = 'strata: ' + TB.title;
counted();
select(0);
const T1 = performance.now();
console.log('strata-timing: ' + N + ' packets, script ' +
	Math.round(T1 - T0) + ' ms, ready at ' + Math.round(T1) + ' ms');

/*
 * Self-tests for tests/html-test.sh, from the URL's hash, joined by &:
 * test=PACKET:field:NAME or test=PACKET:byte:N clicks, then reports what
 * is lit; search=QUERY filters, then reports how many are shown; scroll
 * walks the list to its end and back and says how long that took; dump
 * writes every field's text into the page.
 */
const H = new URLSearchParams(location.hash.slice(1));
if (H.has('scroll')) {
	const s0 = performance.now();
	for (let k = 1; k <= 20; k++) {
		list.scrollTop = list.scrollHeight * k / 20;
		render();
		void rows.offsetHeight;
	}
	select(V.length - 1);
	select(0);
	console.log('strata-timing: scroll ' +
		Math.round(performance.now() - s0) + ' ms');
}
const m = /^(\d+):(field|byte):(.+)$/.exec(H.get('test') || '');
if (m) {
	select(V.indexOf(+m[1] - 1));
	if (m[2] === 'field') {
		const f = [...document.querySelectorAll('.f')].find(f =>
			f.dataset.name === m[3]);
		if (f)
			f.click();
	} else {
		const b = $('b' + m[3]);
		if (b)
			b.click();
	}
	const lit = [...document.querySelectorAll('.b.lit')].map(b =>
		b.id.slice(1));
	const fl = [...document.querySelectorAll('.f.lit')].map(f =>
		f.dataset.name);
	document.body.dataset.lit = lit.join(',');
	document.body.dataset.field = fl.join(',');
}
if (H.has('search')) {
	$('q').value = H.get('search');
	const s0 = performance.now();
	filter(H.get('search'), () => console.log('strata-timing: search ' +
		Math.round(performance.now() - s0) + ' ms, ' + V.length + ' shown'));
}
if (H.has('dump')) {	/* every field's text, to check against strata's */
	const out = [];
	for (let i = 0; i < N; i++) {
		const r = JSON.parse(LINES[i]), b = bytesOf(r);
		out.push('S ' + r[0] + '  ' + summary(r).replace(/ +$/, ''));
		for (const l of layersOf(r)) {
			out.push('L ' + l.p.name + ' [' + l.off + '..' + (l.off + l.len) +
				')');
			eachField(l, (d, bo, bw, x) => out.push(r[0] + ' ' + d.name +
				' ' + bo + '/' + bw + ' = ' + fieldText(b, d, bo, bw, x)));
		}
	}
	const pre = el('pre', '', out.join('\n'));
	pre.id = 'dumpout';
	document.body.appendChild(pre);
}
