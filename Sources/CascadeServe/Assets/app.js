// Cascade's meeting page: the plan's cascade as navigable diagrams, with search, filters,
// zoom, presenter mode, details and live reload. No library, no build step; every text from
// the plan is put in with textContent or as SVG from our own server, never as markup.
'use strict';

(function () {
  const body = document.body;
  const mode = body.dataset.mode === 'site' ? 'site' : 'serve';
  const root = body.dataset.root || '';
  const el = (id) => document.getElementById(id);
  const state = {
    model: null, page: 'index', view: null, full: null, panelRef: null, filters: new Set(),
    unitsById: new Map(), objectivesByRef: new Map(), krsByRef: new Map(), version: 0,
  };

  // ---------------------------------------------------------------- data

  const received = {};
  window.Cascade = { receive(key, value) { received[key] = value; } };
  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = root + src;
      s.onload = () => { s.remove(); resolve(); };
      s.onerror = () => { s.remove(); reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }
  const encodeRef = (ref) => ref.split('/').map(encodeURIComponent).join('/');
  const api = mode === 'serve' ? {
    model: () => fetch('/api/model', { cache: 'no-store' }).then((r) => r.json()),
    page: (name) => fetch('/api/page/' + encodeURIComponent(name) + '.svg', { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))),
    detail: (ref) => fetch('/api/detail/' + encodeRef(ref), { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null)),
    review: (since) => fetch('/api/review' + (since ? '?since=' + encodeURIComponent(since) : ''))
      .then((r) => r.json()),
  } : {
    model: () => loadScript('data/model.js').then(() => received.model),
    page: (name) => loadScript('data/page-' + name + '.js').then(() => received['page:' + name]),
    detail: (ref) => {
      const unit = state.unitsById.get(ref.split('/')[0]);
      if (!unit) return Promise.resolve(null);
      return loadScript('data/detail-' + unit.page + '.js').then(() => received['detail:' + ref] || null);
    },
    review: () => loadScript('data/review.js').then(() => received.review),
  };

  function index(model) {
    state.unitsById.clear(); state.objectivesByRef.clear(); state.krsByRef.clear();
    for (const u of model.units || []) {
      state.unitsById.set(u.id, u);
      for (const o of u.objectives) {
        o.unitId = u.id;
        state.objectivesByRef.set(o.ref, o);
        for (const k of o.key_results) { k.objectiveRef = o.ref; k.unitId = u.id; state.krsByRef.set(k.ref, k); }
      }
    }
  }
  const word = (key) => (state.model && state.model.words && state.model.words[key]) || key;

  // ---------------------------------------------------------------- routing

  // Served: /u/sales, /o/sales/win, /k/sales/win/deals, /review. Static: the same after '#'.
  function currentRoute() {
    let path = mode === 'serve' ? location.pathname : (location.hash.replace(/^#/, '') || '/');
    path = path.replace(/\/+$/, '') || '/';
    const parts = path.split('/').filter(Boolean).map((p) => { try { return decodeURIComponent(p); } catch (e) { return p; } });
    if (parts[0] === 'review') return { kind: 'review' };
    if (parts[0] === 'u' && parts[1]) return { kind: 'unit', unit: parts[1] };
    if ((parts[0] === 'o' || parts[0] === 'k') && parts.length >= 3) {
      return { kind: 'unit', unit: parts[1], ref: parts.slice(1).join('/') };
    }
    return { kind: 'overview' };
  }
  function href(route) {
    let path = '/';
    if (route.kind === 'review') path = '/review';
    else if (route.ref) path = (route.ref.split('/').length === 3 ? '/k/' : '/o/') + encodeRef(route.ref);
    else if (route.kind === 'unit') path = '/u/' + encodeURIComponent(route.unit);
    return mode === 'serve' ? path : '#' + path;
  }
  function go(route, replace) {
    const url = href(route);
    if (replace) history.replaceState(null, '', url); else history.pushState(null, '', url);
    show();
  }
  window.addEventListener('popstate', show);
  if (mode === 'site') window.addEventListener('hashchange', show);

  // ---------------------------------------------------------------- showing a route

  async function show(keepView) {
    const route = currentRoute();
    el('review').hidden = route.kind !== 'review';
    el('stage').hidden = route.kind === 'review';
    if (route.kind === 'review') { await showReview(); return; }
    const unit = route.kind === 'unit' ? state.unitsById.get(route.unit) : null;
    if (route.kind === 'unit' && !unit) { notFound(route.unit); return; }
    const page = unit ? unit.page : 'index';
    breadcrumbs(unit);
    if (page !== state.page || !el('diagram').firstChild || keepView === 'reload') {
      const view = keepView && page === state.page ? state.view : null;
      state.page = page;
      await showPage(page, view);
    }
    if (route.ref) openPanel(route.ref); else closePanel(true);
    document.title = (unit ? unit.name + ' · ' : '') + (state.model.title || 'Cascade');
  }

  function notFound(id) {
    const d = el('diagram');
    d.replaceChildren();
    const p = document.createElement('p');
    p.className = 'message';
    p.textContent = '404 · ' + id;
    d.appendChild(p);
  }

  async function showPage(name, view) {
    let text;
    try { text = await api.page(name); } catch (e) { notFound(name); return; }
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const svg = doc.documentElement;
    if (!svg || svg.nodeName !== 'svg') { notFound(name); return; }
    for (const bad of svg.querySelectorAll('script, foreignObject, iframe')) bad.remove();
    const imported = document.importNode(svg, true);
    imported.removeAttribute('width'); imported.removeAttribute('height');
    imported.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    const vb = (imported.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/).map(Number);
    state.full = { x: vb[0], y: vb[1], w: vb[2], h: vb[3] };
    el('diagram').replaceChildren(imported);
    wireLinks(imported);
    setView(view || state.full);
    applyFilters();
  }

  // Graphviz writes links as <a xlink:href="sales.svg"> (a unit's page) and, on key result rows
  // and objectives, "#k/<ref>" and "#o/<ref>" (their panels).
  function wireLinks(svg) {
    for (const a of svg.querySelectorAll('a')) {
      const target = a.getAttribute('xlink:href') || a.getAttribute('href') || '';
      a.removeAttribute('xlink:href'); a.removeAttribute('href'); a.removeAttribute('target');
      let route = null;
      if (/^#[ok]\//.test(target)) route = { kind: 'unit', unit: decodeURIComponent(target.slice(3)).split('/')[0], ref: decodeURIComponent(target.slice(3)) };
      else if (/^[a-z0-9._-]+\.svg$/.test(target)) {
        const page = target.slice(0, -4);
        const unit = [...state.unitsById.values()].find((u) => u.page === page);
        route = page === 'index' || !unit ? { kind: 'overview' } : { kind: 'unit', unit: unit.id };
      }
      if (!route) continue;
      a.classList.add('link');
      a.dataset.route = JSON.stringify(route);
    }
  }
  el('diagram').addEventListener('click', (event) => {
    if (state.dragged) return;
    const a = event.target.closest('a.link');
    if (!a) return;
    event.preventDefault();
    go(JSON.parse(a.dataset.route));
  });

  function breadcrumbs(unit) {
    const nav = el('crumbs');
    nav.replaceChildren();
    const chain = [];
    for (let u = unit; u; u = u.parent ? state.unitsById.get(u.parent) : null) {
      if (chain.includes(u)) break;
      chain.unshift(u);
    }
    const add = (text, route) => {
      const a = document.createElement('a');
      a.textContent = text;
      a.href = href(route);
      a.addEventListener('click', (e) => { e.preventDefault(); go(route); });
      nav.appendChild(a);
    };
    add(word('overview'), { kind: 'overview' });
    for (const u of chain) add(u.name, { kind: 'unit', unit: u.id });
    const counts = unit ? unit.problems_below : state.model.summary;
    const badge = el('problems');
    badge.textContent = counts && (counts.errors || counts.warnings)
      ? `✗ ${counts.errors} ${word('errors')} · ⚠ ${counts.warnings} ${word('warnings')}` : '';
    badge.title = word('problems_below');
  }

  // ---------------------------------------------------------------- pan and zoom

  function setView(v) {
    state.view = { x: v.x, y: v.y, w: v.w, h: v.h };
    const svg = el('diagram').querySelector('svg');
    if (svg) svg.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
  }
  function zoom(factor, cx, cy) {
    const v = state.view;
    if (!v) return;
    const svg = el('diagram').querySelector('svg');
    const box = svg.getBoundingClientRect();
    const scale = Math.max(v.w / box.width, v.h / box.height);
    const fx = cx === undefined ? 0.5 : (cx - box.left) / box.width;
    const fy = cy === undefined ? 0.5 : (cy - box.top) / box.height;
    const w = Math.min(Math.max(v.w / factor, state.full.w / 50), state.full.w * 4);
    const h = v.h * (w / v.w);
    const px = v.x + (fx * box.width * scale) - ((fx * box.width * scale) * (w / v.w));
    const py = v.y + (fy * box.height * scale) - ((fy * box.height * scale) * (h / v.h));
    setView({ x: px, y: py, w, h });
  }
  const stage = el('diagram');
  stage.addEventListener('wheel', (e) => { e.preventDefault(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX, e.clientY); }, { passive: false });
  const pointers = new Map();
  let pinch = 0;
  stage.addEventListener('pointerdown', (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    state.dragged = false;
    if (pointers.size === 2) { const [a, b] = [...pointers.values()]; pinch = Math.hypot(a.x - b.x, a.y - b.y); }
  });
  stage.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last || !state.view) return;
    if (pointers.size === 2) {
      pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const [a, b] = [...pointers.values()];
      const d = Math.hypot(a.x - b.x, a.y - b.y);
      if (pinch > 0 && d > 0) zoom(d / pinch, (a.x + b.x) / 2, (a.y + b.y) / 2);
      pinch = d;
      return;
    }
    const dx = e.clientX - last.x; const dy = e.clientY - last.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) state.dragged = true;
    if (!state.dragged) return;
    stage.setPointerCapture(e.pointerId);
    const svg = stage.querySelector('svg');
    const box = svg.getBoundingClientRect();
    const scale = Math.max(state.view.w / box.width, state.view.h / box.height);
    setView({ x: state.view.x - dx * scale, y: state.view.y - dy * scale, w: state.view.w, h: state.view.h });
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  });
  const release = (e) => { pointers.delete(e.pointerId); if (pointers.size < 2) pinch = 0; setTimeout(() => { state.dragged = false; }, 0); };
  stage.addEventListener('pointerup', release);
  stage.addEventListener('pointercancel', release);

  // ---------------------------------------------------------------- search

  function searchEntries() {
    const out = [];
    for (const u of state.unitsById.values()) {
      out.push({ text: `${u.name} ${u.id} ${u.owner || ''}`, label: u.name, hint: u.level_label, route: { kind: 'unit', unit: u.id } });
      for (const o of u.objectives) {
        out.push({ text: `${o.title} ${o.ref}`, label: o.title, hint: u.name, route: { kind: 'unit', unit: u.id, ref: o.ref } });
        for (const k of o.key_results) {
          out.push({ text: `${k.title} ${k.ref}`, label: k.title, hint: u.name, route: { kind: 'unit', unit: u.id, ref: k.ref } });
        }
      }
    }
    for (const e of out) e.key = e.text.normalize('NFKC').toLowerCase();
    return out;
  }
  let entries = [];
  const results = el('results');
  function search(text) {
    results.replaceChildren();
    const q = text.normalize('NFKC').toLowerCase().trim();
    if (!q) { results.hidden = true; return; }
    const terms = q.split(/\s+/);
    const hits = entries.filter((e) => terms.every((t) => e.key.includes(t))).slice(0, 12);
    for (const hit of hits) {
      const li = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = hit.label;
      const hint = document.createElement('small');
      hint.textContent = hit.hint || '';
      li.append(label, hint);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(hit); });
      results.appendChild(li);
    }
    if (!hits.length) { const li = document.createElement('li'); li.className = 'none'; li.textContent = word('no_match'); results.appendChild(li); }
    results.hidden = false;
    results.firstChild.classList.add('active');
  }
  function pick(hit) { el('search').value = ''; results.hidden = true; el('search').blur(); go(hit.route); }
  el('search').addEventListener('input', (e) => search(e.target.value));
  el('search').addEventListener('keydown', (e) => {
    const items = [...results.querySelectorAll('li:not(.none)')];
    const i = items.findIndex((li) => li.classList.contains('active'));
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!items.length) return;
      items[Math.max(i, 0)].classList.remove('active');
      items[(Math.max(i, 0) + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length].classList.add('active');
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const q = e.target.value.normalize('NFKC').toLowerCase().trim();
      const terms = q.split(/\s+/);
      const hits = entries.filter((x) => terms.every((t) => x.key.includes(t))).slice(0, 12);
      if (hits.length) pick(hits[Math.max(i, 0)]);
    } else if (e.key === 'Escape') { e.target.value = ''; results.hidden = true; e.target.blur(); }
  });

  // ---------------------------------------------------------------- filters

  function matches(o) {
    const f = state.filters;
    if (!f.size) return true;
    const krs = o.key_results;
    if (f.has('off_track') && (o.status === 'off_track' || krs.some((k) => k.status === 'off_track'))) return true;
    if (f.has('at_risk') && (o.status === 'at_risk' || krs.some((k) => k.status === 'at_risk'))) return true;
    if (f.has('stale') && krs.some((k) => k.stale)) return true;
    if (f.has('committed') && o.type === 'committed') return true;
    if (f.has('problems') && o.problems) return true;
    return false;
  }
  function applyFilters() {
    const svg = el('diagram').querySelector('svg');
    if (!svg) return;
    for (const node of svg.querySelectorAll('g.node')) {
      const ref = (node.id || '').replace(/^o:/, '');
      const o = state.objectivesByRef.get(ref);
      node.classList.toggle('dim', !!o && !matches(o));
    }
  }
  for (const box of document.querySelectorAll('#filters input')) {
    box.addEventListener('change', () => {
      if (box.checked) state.filters.add(box.value); else state.filters.delete(box.value);
      applyFilters();
    });
  }

  // ---------------------------------------------------------------- details panel

  async function openPanel(ref) {
    state.panelRef = ref;
    const panel = el('panel');
    const d = await api.detail(ref);
    if (state.panelRef !== ref) return;
    if (!d) { closePanel(true); return; }
    const content = el('panel-body');
    content.replaceChildren();
    const h = document.createElement('h2');
    h.textContent = d.title;
    const meta = document.createElement('p');
    meta.className = 'meta status-' + d.status;
    meta.textContent = [d.status_label, d.type_label, d.unit_name].filter(Boolean).join(' · ');
    content.append(h, meta);
    const facts = document.createElement('dl');
    const fact = (key, value) => {
      if (value === null || value === undefined) return;
      const dt = document.createElement('dt'); dt.textContent = word(key);
      const dd = document.createElement('dd'); dd.textContent = value;
      facts.append(dt, dd);
    };
    const pct = (v) => (v === null || v === undefined ? null : Math.round(v * 100) + '%');
    const num = (v) => (v === null || v === undefined ? null : String(+v.toFixed(2)) + (d.measure ? ' ' + d.measure : ''));
    if (d.kind === 'key_result') {
      fact('progress', pct(d.progress)); fact('expected', pct(d.expected)); fact('current', num(d.current));
      fact('baseline', num(d.baseline)); fact('target', num(d.target)); fact('forecast', num(d.forecast));
      fact('confidence', d.confidence === null ? null : String(d.confidence));
    } else {
      fact('score', pct(d.score));
    }
    content.appendChild(facts);
    if (d.kind === 'key_result') content.appendChild(chart(d));
    if (d.notes && d.notes.length) {
      content.appendChild(heading(word('notes')));
      const ul = document.createElement('ul');
      for (const n of d.notes) { const li = document.createElement('li'); li.textContent = `${n.date} ${n.by ? n.by + ': ' : ''}${n.note}`; ul.appendChild(li); }
      content.appendChild(ul);
    }
    links(content, word('links_up'), d.up);
    links(content, word('links_down'), d.down.concat(d.key_results || []));
    if (d.kind === 'key_result' && state.model.writable) content.appendChild(checkInForm(d));
    content.appendChild(heading(word('explain')));
    const pre = document.createElement('pre');
    pre.textContent = d.explain;
    content.appendChild(pre);
    panel.hidden = false;
    panel.dataset.ref = ref;
  }
  function heading(text) { const h = document.createElement('h3'); h.textContent = text; return h; }
  function links(parent, title, list) {
    if (!list || !list.length) return;
    parent.appendChild(heading(title));
    const ul = document.createElement('ul');
    for (const l of list) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      const route = { kind: 'unit', unit: l.ref.split('/')[0], ref: l.ref };
      a.href = href(route);
      a.textContent = l.title ? `${l.title} (${l.ref})` : l.ref;
      a.addEventListener('click', (e) => { e.preventDefault(); go(route); });
      li.appendChild(a); ul.appendChild(li);
    }
    parent.appendChild(ul);
  }
  function closePanel(quiet) {
    state.panelRef = null;
    el('panel').hidden = true;
    if (!quiet) {
      const route = currentRoute();
      if (route.ref) go({ kind: 'unit', unit: route.unit }, true);
    }
  }
  el('panel-close').addEventListener('click', () => closePanel(false));

  // The check-ins against the expected pace: a straight line from the baseline at the start of
  // the cycle to the target at its end.
  function chart(d) {
    const NS = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 300 120');
    svg.setAttribute('class', 'chart');
    const day = (s) => Date.parse(s + 'T00:00:00Z') / 86400000;
    const start = d.cycle_start ? day(d.cycle_start) : null;
    const end = d.cycle_end ? day(d.cycle_end) : null;
    const points = (d.checkins || []).map((c) => [day(c.date), c.value]);
    if (start === null || end === null || end <= start) return svg;
    const values = points.map((p) => p[1]).concat([d.baseline, d.target].filter((v) => v !== null && v !== undefined));
    if (!values.length) return svg;
    let lo = Math.min(...values); let hi = Math.max(...values);
    if (hi === lo) { hi += 1; lo -= 1; }
    const x = (t) => 10 + 280 * (t - start) / (end - start);
    const y = (v) => 110 - 100 * (v - lo) / (hi - lo);
    const line = (x1, y1, x2, y2, cls) => {
      const l = document.createElementNS(NS, 'line');
      l.setAttribute('x1', x1); l.setAttribute('y1', y1); l.setAttribute('x2', x2); l.setAttribute('y2', y2);
      l.setAttribute('class', cls); svg.appendChild(l);
    };
    line(10, 110, 290, 110, 'axis');
    if (d.baseline !== null && d.target !== null) line(x(start), y(d.baseline), x(end), y(d.target), 'pace');
    if (points.length) {
      const poly = document.createElementNS(NS, 'polyline');
      poly.setAttribute('points', points.map((p) => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' '));
      poly.setAttribute('class', 'values');
      svg.appendChild(poly);
      for (const p of points) {
        const c = document.createElementNS(NS, 'circle');
        c.setAttribute('cx', x(p[0]).toFixed(1)); c.setAttribute('cy', y(p[1]).toFixed(1)); c.setAttribute('r', '3');
        svg.appendChild(c);
      }
    } else {
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', '150'); t.setAttribute('y', '60'); t.setAttribute('text-anchor', 'middle');
      t.textContent = word('no_checkins');
      svg.appendChild(t);
    }
    return svg;
  }

  function checkInForm(d) {
    const form = document.createElement('form');
    form.className = 'checkin';
    form.appendChild(heading(word('record_checkin')));
    const field = (name, label, type) => {
      const l = document.createElement('label');
      l.textContent = word(label);
      const input = document.createElement('input');
      input.name = name; input.type = type || 'text';
      l.appendChild(input); form.appendChild(l);
      return input;
    };
    field('value', 'value').required = true;
    field('confidence', 'confidence');
    field('note', 'note');
    const button = document.createElement('button');
    button.type = 'submit'; button.textContent = word('save');
    const out = document.createElement('output');
    // The answer stays when the panel is drawn again for the new version of the plan.
    if (state.flash && state.flash.ref === d.ref) { out.textContent = state.flash.text; out.className = state.flash.cls; }
    form.append(button, out);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const data = new URLSearchParams(new FormData(form));
      data.set('ref', d.ref);
      const r = await fetch('/api/checkins', {
        method: 'POST', body: data,
        headers: { 'X-Cascade-Token': sessionStorage.getItem('cascade-token') || '' },
      });
      const text = await r.text();
      state.flash = { ref: d.ref, text, cls: r.ok ? 'ok' : 'error' };
      out.textContent = text;
      out.className = state.flash.cls;
      if (r.ok) form.reset();
    });
    return form;
  }

  // ---------------------------------------------------------------- review

  async function showReview() {
    const since = new URLSearchParams(location.search).get('since');
    const r = await api.review(since);
    const box = el('review');
    box.replaceChildren();
    renderMarkdown(box, r.markdown);
    document.title = word('review') + ' · ' + (state.model.title || 'Cascade');
  }

  // The agenda's Markdown (headings, tables, lists, **bold**, `code`, backslash escapes) as DOM
  // text: whatever the plan says stays text.
  function inline(parent, text) {
    let i = 0; let buf = ''; let node = parent;
    const flush = () => { if (buf) { node.appendChild(document.createTextNode(buf)); buf = ''; } };
    while (i < text.length) {
      const c = text[i];
      if (c === '\\' && i + 1 < text.length) { buf += text[i + 1]; i += 2; continue; }
      if (c === '`') {
        const j = text.indexOf('`', i + 1);
        if (j > i) { flush(); const code = document.createElement('code'); code.textContent = text.slice(i + 1, j); node.appendChild(code); i = j + 1; continue; }
      }
      if (c === '*' && text[i + 1] === '*') {
        flush();
        if (node === parent) { const b = document.createElement('strong'); parent.appendChild(b); node = b; } else node = parent;
        i += 2; continue;
      }
      buf += c; i += 1;
    }
    flush();
  }
  function splitRow(line) {
    const cells = []; let cur = '';
    for (let i = 1; i < line.length; i++) {
      if (line[i] === '\\' && i + 1 < line.length) { cur += line[i] + line[i + 1]; i++; continue; }
      if (line[i] === '|') { cells.push(cur.trim()); cur = ''; continue; }
      cur += line[i];
    }
    return cells;
  }
  function renderMarkdown(box, md) {
    let table = null; let list = null;
    for (const line of md.split('\n')) {
      if (!line.startsWith('|')) table = null;
      if (!line.startsWith('- ')) list = null;
      if (line.startsWith('#')) {
        const level = Math.min(line.match(/^#+/)[0].length, 3);
        const h = document.createElement('h' + level);
        inline(h, line.replace(/^#+\s*/, '')); box.appendChild(h);
      } else if (line.startsWith('|')) {
        if (/^\|[-:|]+\|$/.test(line)) continue;
        const cells = splitRow(line);
        if (!table) { table = document.createElement('table'); box.appendChild(table); }
        const tr = document.createElement('tr');
        for (const c of cells) { const td = document.createElement(table.rows.length ? 'td' : 'th'); inline(td, c); tr.appendChild(td); }
        table.appendChild(tr);
      } else if (line.startsWith('- ')) {
        if (!list) { list = document.createElement('ul'); box.appendChild(list); }
        const li = document.createElement('li'); inline(li, line.slice(2)); list.appendChild(li);
      } else if (line.trim()) {
        const p = document.createElement('p'); inline(p, line); box.appendChild(p);
      }
    }
  }

  // ---------------------------------------------------------------- keyboard and presenter

  function siblings(unit) {
    if (!unit) return [];
    const parent = unit.parent ? state.unitsById.get(unit.parent) : null;
    return parent ? parent.children.map((id) => state.unitsById.get(id)).filter(Boolean)
      : [...state.unitsById.values()].filter((u) => !u.parent);
  }
  document.addEventListener('keydown', (e) => {
    if (e.target.closest && e.target.closest('input, textarea, select')) return;
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    const route = currentRoute();
    const unit = route.kind === 'unit' ? state.unitsById.get(route.unit) : null;
    switch (e.key) {
      case '+': case '=': zoom(1.25); break;
      case '-': case '_': zoom(0.8); break;
      case '0': setView(state.full); break;
      case 'f': case 'F':
        if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen().catch(() => {});
        break;
      case 'p': case 'P': body.classList.toggle('presenter'); setTimeout(() => setView(state.full), 0); break;
      case '/': e.preventDefault(); el('search').focus(); break;
      case 'Escape': if (!el('panel').hidden) closePanel(false); else body.classList.remove('presenter'); break;
      case 'ArrowUp':
        e.preventDefault();
        if (unit && unit.parent) go({ kind: 'unit', unit: unit.parent }); else if (unit) go({ kind: 'overview' });
        break;
      case 'Enter': case 'ArrowDown': {
        e.preventDefault();
        const first = unit ? unit.children[0] : [...state.unitsById.values()].find((u) => !u.parent)?.id;
        if (first) go({ kind: 'unit', unit: first });
        break;
      }
      case 'ArrowLeft': case 'ArrowRight': {
        e.preventDefault();
        const list = siblings(unit);
        const i = list.indexOf(unit);
        if (i >= 0 && list.length > 1) go({ kind: 'unit', unit: list[(i + (e.key === 'ArrowRight' ? 1 : list.length - 1)) % list.length].id });
        break;
      }
      default: return;
    }
  });
  el('fit').addEventListener('click', () => setView(state.full));
  el('presenter').addEventListener('click', () => { body.classList.toggle('presenter'); setTimeout(() => setView(state.full), 0); });

  // ---------------------------------------------------------------- live

  function banner() {
    const b = el('banner');
    const m = state.model;
    b.replaceChildren();
    if (m.load_error) {
      b.textContent = m.load_error; b.hidden = false; return;
    }
    if (m.diagnostics && m.summary && m.summary.errors > 0) {
      const p = document.createElement('p'); p.textContent = word('invalid'); b.appendChild(p);
      const ul = document.createElement('ul');
      for (const d of m.diagnostics.filter((x) => x.severity === 'error').slice(0, 20)) {
        const li = document.createElement('li');
        li.textContent = `${d.file}:${d.line}:${d.column}: ${d.message} [${d.rule}]`;
        ul.appendChild(li);
      }
      b.appendChild(ul);
      b.hidden = false;
      return;
    }
    b.hidden = true;
  }

  async function reload() {
    const model = await api.model();
    state.model = model;
    state.version = model.version;
    document.documentElement.lang = model.language === 'zh' ? 'zh-CN' : 'en';
    if (!model.load_error) { index(model); entries = searchEntries(); }
    banner();
    el('title').textContent = [model.title, model.cycle, model.as_of].filter(Boolean).join(' · ');
    el('search').placeholder = word('search');
    for (const label of document.querySelectorAll('#filters label')) {
      const key = 'filter_' + label.querySelector('input').value;
      label.querySelector('span').textContent = word(key);
    }
    el('fit').textContent = word('fit');
    el('presenter').textContent = word('presenter');
    el('review-link').textContent = word('review');
    body.dataset.version = String(model.version);
  }

  function live() {
    if (mode !== 'serve' || !window.EventSource) return;
    const events = new EventSource('/api/events');
    events.addEventListener('version', async (e) => {
      const v = Number(e.data);
      if (v === state.version) return;
      await reload();
      if (!state.model.load_error) await show('reload');
      if (state.panelRef) openPanel(state.panelRef);
    });
  }

  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  if (hash.get('token')) { sessionStorage.setItem('cascade-token', hash.get('token')); history.replaceState(null, '', location.pathname + location.search); }
  el('review-link').addEventListener('click', (e) => { e.preventDefault(); go({ kind: 'review' }); });
  reload().then(() => { if (!state.model.load_error) return show(); }).then(live);
})();
