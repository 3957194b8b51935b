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
    units: new Map(), unit: null, version: 0,
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
  // Served: the API. Static: scripts in data/ (file:// allows scripts where it refuses fetch).
  // A unit's document (names, chain up, neighbours, rolled-up counts) is loaded when the unit
  // is shown; the model holds only what every page needs, whatever the size of the plan.
  const api = mode === 'serve' ? {
    model: () => fetch('/api/model', { cache: 'no-store' }).then((r) => r.json()),
    unit: (id) => fetch('/api/unit/' + encodeURIComponent(id), { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null)),
    page: (name) => fetch('/api/page/' + encodeURIComponent(name) + '.svg', { cache: 'no-store' })
      .then((r) => (r.ok ? r.text() : Promise.reject(new Error(String(r.status))))),
    detail: (ref) => fetch('/api/detail/' + encodeRef(ref), { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null)),
    search: (q) => fetch('/api/search?q=' + encodeURIComponent(q), { cache: 'no-store' }).then((r) => r.json()),
    review: (since) => fetch('/api/review' + (since ? '?since=' + encodeURIComponent(since) : ''))
      .then((r) => r.json()),
  } : {
    model: () => loadScript('data/model.js').then(() => received.model),
    // Unit ids are [a-z0-9._-]: the id is the file's name.
    unit: (id) => (/^[a-z0-9._-]+$/.test(id)
      ? loadScript('data/unit-' + id + '.js').then(() => received['unit:' + id] || null, () => null)
      : Promise.resolve(null)),
    page: (name) => loadScript('data/page-' + name + '.js').then(() => received['page:' + name]),
    detail: (ref) => {
      const id = ref.split('/')[0];
      return unitDoc(id).then(() => received['detail:' + ref] || null);
    },
    search: (q) => searchIndex().then((entries) => localSearch(entries, q)),
    review: () => loadScript('data/review.js').then(() => received.review),
  };

  async function unitDoc(id) {
    if (state.units.has(id)) return state.units.get(id);
    const doc = await api.unit(id);
    if (doc) state.units.set(id, doc);
    return doc;
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
    const unit = route.kind === 'unit' ? await unitDoc(route.unit) : null;
    if (route.kind === 'unit' && !unit) { state.unit = null; breadcrumbs(null); notFound(route.unit); return; }
    state.unit = unit;
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
    state.page = null;
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
    if (view) setView(view); else fit();
    applyFilters();
  }

  // The meeting page's diagrams link with fragments: "#u/<id>" (a unit's page), "#index" (the
  // overview), "#o/<ref>" and "#k/<ref>" (an objective's or key result's panel).
  function wireLinks(svg) {
    for (const a of svg.querySelectorAll('a')) {
      const target = a.getAttribute('xlink:href') || a.getAttribute('href') || '';
      a.removeAttribute('xlink:href'); a.removeAttribute('href'); a.removeAttribute('target');
      let route = null;
      const rest = (() => { try { return decodeURIComponent(target.slice(3)); } catch (e) { return ''; } })();
      if (/^#[ok]\//.test(target) && rest) route = { kind: 'unit', unit: rest.split('/')[0], ref: rest };
      else if (target.startsWith('#u/') && rest) route = { kind: 'unit', unit: rest };
      else if (target === '#index') route = { kind: 'overview' };
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
    const chain = unit ? (unit.chain || []).concat([{ id: unit.id, name: unit.name }]) : [];
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

  // Fit: the whole page; in presenter mode, the page's own unit (with its child units when they
  // fit) at a scale where an objective's title (12 pt) is at least 19 px and status text (10 pt)
  // at least 16 px, centred, or from its top left corner when it is larger than the screen.
  const PRESENTER_MIN = 1.6;
  const PRESENTER_MAX = 3;
  function fit() {
    const svg = el('diagram').querySelector('svg');
    const subject = svg && svg.querySelector('g.cluster.subject');
    if (!body.classList.contains('presenter') || !subject || !state.full) { setView(state.full, true); return; }
    setView(state.full, true);
    const screen = svg.getBoundingClientRect();
    const toUser = svg.getScreenCTM().inverse();
    const frameOf = (elements) => {
      let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
      for (const e of elements) {
        const r = e.getBoundingClientRect();
        for (const [px, py] of [[r.left, r.top], [r.right, r.bottom]]) {
          const p = new DOMPoint(px, py).matrixTransform(toUser);
          x0 = Math.min(x0, p.x); y0 = Math.min(y0, p.y); x1 = Math.max(x1, p.x); y1 = Math.max(y1, p.y);
        }
      }
      const pad = 10;
      return { x: x0 - pad, y: y0 - pad, w: x1 - x0 + 2 * pad, h: y1 - y0 + 2 * pad };
    };
    const scaleFor = (f) => Math.min(screen.width / f.w, screen.height / f.h);
    let frame = frameOf([subject, ...svg.querySelectorAll('g.node.unit')]);
    if (scaleFor(frame) < PRESENTER_MIN) frame = frameOf([subject]);
    const s = Math.min(Math.max(scaleFor(frame), PRESENTER_MIN), PRESENTER_MAX);
    const w = screen.width / s; const h = screen.height / s;
    const x = frame.w <= w ? frame.x + frame.w / 2 - w / 2 : frame.x;
    const y = frame.h <= h ? frame.y + frame.h / 2 - h / 2 : frame.y;
    setView({ x, y, w, h }, true);
  }
  function presenter(on) {
    body.classList.toggle('presenter', on);
    setTimeout(fit, 0);
  }
  window.addEventListener('resize', () => { if (state.fitted) fit(); });

  // `fitted`: the view is a fit, done again when the window changes size (full screen).
  function setView(v, fitted) {
    if (!v) return;
    state.fitted = !!fitted;
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

  // Served: the server searches (/api/search). Static: the index (data/search.js) is loaded on
  // the first search and searched here the same way: every word of the query, folded (NFKC,
  // lower case), in an entry's text; an exact name first, then names that start with the query.
  const fold = (t) => t.normalize('NFKC').toLowerCase().replace(/[\u0000-\u001f\u007f]/g, ' ');
  let indexPromise = null;
  function searchIndex() {
    if (!indexPromise) {
      // Rows (SearchIndex.siteJSON): a unit [0, name, level, id, owner]; an objective or key
      // result [kind, title, row of its unit, "objective" or "objective/kr"].
      indexPromise = loadScript('data/search.js').then(() => {
        const rows = received.search || [];
        return rows.map((row) => {
          const label = fold(String(row[1]));
          if (row[0] === 0) {
            return { kind: 'unit', label: row[1], hint: row[2], unit: row[3], ref: null, name: label, key: label + ' ' + fold(row[3] + ' ' + row[4]) };
          }
          const u = rows[row[2]] || [0, '', '', '', ''];
          const ref = u[3] + '/' + row[3];
          return { kind: row[0] === 1 ? 'objective' : 'key_result', label: row[1], hint: u[1], unit: u[3], ref, name: label, key: label + ' ' + fold(ref) };
        });
      }, () => []);
    }
    return indexPromise;
  }
  function localSearch(entries, q) {
    const whole = fold(q).trim().split(/\s+/).filter(Boolean);
    if (!whole.length) return { hits: [], more: false };
    const query = whole.join(' ');
    const found = [];
    for (let i = 0; i < entries.length && found.length < 400; i++) {
      const e = entries[i];
      if (whole.every((t) => e.key.includes(t))) found.push([e.name === query ? 0 : e.name.startsWith(query) ? 1 : 2, i, e]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return { hits: found.slice(0, 12).map((f) => f[2]), more: found.length > 12 };
  }
  const results = el('results');
  let searchSeq = 0;
  let lastHits = [];
  async function search(text) {
    const seq = ++searchSeq;
    if (!text.trim()) { results.replaceChildren(); results.hidden = true; lastHits = []; return; }
    let answer;
    try { answer = await api.search(text); } catch (e) { answer = { hits: [], more: false }; }
    if (seq !== searchSeq) return; // a later keystroke's answer wins
    lastHits = answer.hits || [];
    results.replaceChildren();
    for (const hit of lastHits) {
      const li = document.createElement('li');
      const label = document.createElement('span');
      label.textContent = hit.label;
      const hint = document.createElement('small');
      hint.textContent = hit.hint || '';
      li.append(label, hint);
      li.addEventListener('mousedown', (e) => { e.preventDefault(); pick(hit); });
      results.appendChild(li);
    }
    if (!lastHits.length) { const li = document.createElement('li'); li.className = 'none'; li.textContent = word('no_match'); results.appendChild(li); }
    results.hidden = false;
    results.firstChild.classList.add('active');
  }
  const routeOf = (hit) => (hit.ref ? { kind: 'unit', unit: hit.unit, ref: hit.ref } : { kind: 'unit', unit: hit.unit });
  function pick(hit) { el('search').value = ''; results.hidden = true; el('search').blur(); go(routeOf(hit)); }
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
      const value = e.target.value;
      // Enter right after typing: wait for this text's answer.
      search(value).then(() => { if (lastHits.length && e.target.value === value) pick(lastHits[Math.max(i, 0)] || lastHits[0]); });
    } else if (e.key === 'Escape') { e.target.value = ''; results.hidden = true; e.target.blur(); }
  });

  // ---------------------------------------------------------------- filters

  // The diagram's objective and unit boxes carry classes naming the filters they match
  // (f-off_track, f-at_risk, f-stale, f-problems, f-committed): what matches none is dimmed.
  function applyFilters() {
    const svg = el('diagram').querySelector('svg');
    if (!svg) return;
    const on = [...state.filters];
    for (const node of svg.querySelectorAll('g.node.objective, g.node.unit')) {
      node.classList.toggle('dim', on.length > 0 && !on.some((f) => node.classList.contains('f-' + f)));
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

  document.addEventListener('keydown', (e) => {
    if (e.target.closest && e.target.closest('input, textarea, select')) return;
    if (e.metaKey || e.ctrlKey || e.altKey) return;
    const route = currentRoute();
    const unit = route.kind === 'unit' && state.unit && state.unit.id === route.unit ? state.unit : null;
    const roots = (state.model && state.model.roots) || [];
    switch (e.key) {
      case '+': case '=': zoom(1.25); break;
      case '-': case '_': zoom(0.8); break;
      case '0': fit(); break;
      case 'f': case 'F':
        if (document.fullscreenElement) document.exitFullscreen(); else document.documentElement.requestFullscreen().catch(() => {});
        break;
      case 'p': case 'P': presenter(!body.classList.contains('presenter')); break;
      case '/': e.preventDefault(); el('search').focus(); break;
      case 'Escape': if (!el('panel').hidden) closePanel(false); else if (body.classList.contains('presenter')) presenter(false); break;
      case 'ArrowUp': {
        e.preventDefault();
        const chain = unit ? unit.chain || [] : [];
        if (chain.length) go({ kind: 'unit', unit: chain[chain.length - 1].id }); else if (unit) go({ kind: 'overview' });
        break;
      }
      case 'Enter': case 'ArrowDown': {
        e.preventDefault();
        const first = unit ? unit.first_child : roots[0] && roots[0].id;
        if (first) go({ kind: 'unit', unit: first });
        break;
      }
      case 'ArrowLeft': case 'ArrowRight': {
        e.preventDefault();
        const to = unit && (e.key === 'ArrowRight' ? unit.next : unit.prev);
        if (to) go({ kind: 'unit', unit: to });
        break;
      }
      default: return;
    }
  });
  el('fit').addEventListener('click', fit);
  el('presenter').addEventListener('click', () => presenter(true));

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
    state.units.clear();
    indexPromise = null;
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
