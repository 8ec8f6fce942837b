/*
 * POW Ledger dashboard: reads the ledger's public JSON API and draws it. Read-only.
 *
 * Rules this file keeps (DashboardTest checks them):
 * - it reads only the paths in READS, all on this server; nothing else is fetched;
 * - text from the API is written with textContent, never parsed as HTML;
 * - no inline styles or scripts (the page's Content-Security-Policy forbids them): charts are SVG
 *   elements with attributes, coloured by classes from dashboard.css.
 */
'use strict';

(function () {
  /*
   * Every path the page reads, and whether the page's from/to window applies to it. Each one must be a
   * GET the API serves; no other API path may appear in this file.
   */
  const READS = {
    summary: { path: '/api/v1/stats/summary', window: true },
    yearly: { path: '/api/v1/stats/yearly', window: true },
    monthly: { path: '/api/v1/stats/periods?interval=month', window: true },
    units: { path: '/api/v1/stats/units', window: true },
    firstReturns: { path: '/api/v1/stats/first-returns', window: true },
    reconciliation: { path: '/api/v1/stats/reconciliation', window: true },
    latest: { path: '/api/v1/exchanges?limit=20', window: true },
    cohorts: { path: '/api/v1/cohorts?limit=500', window: false },
    cohort: { path: '/api/v1/stats/cohorts/{id}', window: true },
  };

  /* The SVG namespace: an identifier, never fetched. */
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const TOKEN_KEY = 'powledger.readToken';
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
    'October', 'November', 'December'];
  const METRICS = {
    exchanges: 'Exchanges',
    peopleReturned: 'People returned',
    bodiesReturned: 'Bodies returned',
    firstTimeUnits: 'Units home for the first time',
  };
  const STATUSES = { match: 'Match', ledgerBelow: 'Ledger below', ledgerAbove: 'Ledger above' };

  const state = { from: null, to: null, unitNames: new Map(), cohortNames: new Map(), units: [], unfolded: new Set() };
  /** Sub-units listed under a unit before the rest are folded behind a button. */
  const FOLD_AFTER = 8;

  // ---------------------------------------------------------------- building elements safely

  /** An element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    setAttributes(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, ...children) {
    const node = document.createElementNS(SVG_NS, tag);
    setAttributes(node, attrs);
    append(node, children);
    return node;
  }

  function setAttributes(node, attrs) {
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') {
        node.textContent = String(value);
      } else {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
  }

  function append(node, children) {
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }

  function $(id) {
    return document.getElementById(id);
  }

  function replace(id, ...children) {
    const target = $(id);
    target.replaceChildren();
    append(target, children);
  }

  // ---------------------------------------------------------------- formatting

  function num(n) {
    return n === null || n === undefined ? '—' : Number(n).toLocaleString('en-GB');
  }

  function signed(n) {
    return (n > 0 ? '+' : n < 0 ? '−' : '±') + num(Math.abs(n));
  }

  function percent(share) {
    return (share * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 }) + '%';
  }

  function dateText(iso, long) {
    if (!iso || !DATE.test(iso)) return iso || '—';
    const [y, m, d] = iso.split('-');
    const month = MONTHS[Number(m) - 1];
    return Number(d) + ' ' + (long ? month : month.slice(0, 3)) + ' ' + y;
  }

  function date(iso, long) {
    return iso ? el('time', { datetime: iso, text: dateText(iso, long) }) : '—';
  }

  function unitName(id) {
    return state.unitNames.get(id) || id;
  }

  function cohortName(id) {
    return state.cohortNames.get(id) || id;
  }

  // ---------------------------------------------------------------- reading the API

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail);
      this.status = status;
    }
  }

  function readToken() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  function url(read, vars, extra) {
    const path = read.path.replace(/\{(\w+)\}/g, (whole, name) => encodeURIComponent(vars[name]));
    const query = new URLSearchParams();
    if (read.window) {
      if (state.from) query.set('from', state.from);
      if (state.to) query.set('to', state.to);
    }
    for (const [name, value] of Object.entries(extra || {})) query.set(name, value);
    const text = query.toString();
    return text ? path + (path.includes('?') ? '&' : '?') + text : path;
  }

  async function get(read, vars) {
    const headers = { Accept: 'application/json' };
    const token = readToken();
    if (token) headers.Authorization = 'Bearer ' + token;
    let response;
    try {
      response = await fetch(url(read, vars), {
        headers, credentials: 'same-origin', cache: 'no-store', redirect: 'error', referrerPolicy: 'no-referrer',
      });
    } catch (e) {
      throw new ApiError(0, 'The server could not be reached.');
    }
    if (response.ok) return response.json();
    let detail = response.status + ' ' + response.statusText;
    try {
      const problem = await response.json();
      if (problem && typeof problem.detail === 'string') detail = problem.detail;
    } catch (e) {
      // not a problem document: keep the status line
    }
    throw new ApiError(response.status, detail);
  }

  function csvLink(read, label) {
    if (readToken()) return null; // a plain link cannot carry the token
    return el('a', { href: url(read, {}, { format: 'csv' }), text: 'CSV' + (label ? ' ' + label : '') });
  }

  function caption(text, read) {
    return el('caption', null, text, read ? [' ', csvLink(read)] : []);
  }

  function problem(id, error) {
    replace(id, el('p', { class: 'problem', text: 'Could not load this part: ' + error.message }));
  }

  function table(cap, head, rows) {
    return el('table', null, cap,
      el('thead', null, el('tr', null, head.map(([text, numeric]) =>
        el('th', { scope: 'col', class: numeric ? 'num' : null, text })))),
      el('tbody', null, rows));
  }

  function td(content, numeric, cls) {
    return el('td', { class: [numeric ? 'num' : null, cls].filter(Boolean).join(' ') || null }, content);
  }

  // ---------------------------------------------------------------- the sections

  function renderSummary(s) {
    const figure = (label, value, note) => el('div', null, el('dt', { text: label }), el('dd', null, value),
      note ? el('dd', { class: 'small muted', text: note }) : null);
    replace('summary',
      figure('Exchanges', num(s.exchanges), s.repatriations ? 'and ' + num(s.repatriations)
        + (s.repatriations === 1 ? ' repatriation' : ' repatriations') + ' of bodies' : null),
      figure('People returned', num(s.peopleReturned),
        s.civiliansReturned ? num(s.civiliansReturned) + ' of them civilians' : null),
      figure('Bodies returned', num(s.bodiesReturned)),
      figure('First exchange', date(s.firstExchangeOn, true)),
      figure('Last exchange', date(s.lastExchangeOn, true)));
    const more = [];
    if (s.peopleHandedOver) more.push(num(s.peopleHandedOver) + ' people were handed over in return.');
    if (s.largestExchange) {
      more.push('The largest exchange returned ' + num(s.largestExchange.returned) + ' people on '
        + dateText(s.largestExchange.date, true) + '.');
    }
    if (!s.exchanges && !s.repatriations) more.push('Nothing is recorded in this period.');
    $('summary-more').textContent = more.join(' ');
  }

  function renderYearly(years) {
    if (!years.length) return replace('yearly', el('p', { class: 'muted', text: 'No years to show.' }));
    const rows = years.map((y) => {
      let change = el('span', { class: 'muted', text: 'first year listed' });
      if (y.change) {
        const pct = y.change.percent == null ? ' (none the year before)'
          : ' (' + (y.change.percent > 0 ? '+' : y.change.percent < 0 ? '−' : '±')
            + Math.abs(y.change.percent).toLocaleString('en-GB') + '%)';
        change = el('span', { class: y.change.peopleReturned > 0 ? 'up' : y.change.peopleReturned < 0 ? 'down' : null,
          text: signed(y.change.peopleReturned) + pct });
      }
      return el('tr', null, el('th', { scope: 'row', text: String(y.year) }), td(num(y.exchanges), true),
        td(num(y.peopleReturned), true), td(change, true), td(num(y.peopleHandedOver), true),
        td(num(y.civiliansReturned), true), td(num(y.repatriations), true), td(num(y.bodiesReturned), true));
    });
    replace('yearly', table(caption('Exchanges and people returned each year, with the change in people returned '
      + 'from the year before.', READS.yearly),
    [['Year'], ['Exchanges', 1], ['People returned', 1], ['Change from previous year', 1], ['Handed over', 1],
      ['Civilians returned', 1], ['Repatriations', 1], ['Bodies returned', 1]], rows));
  }

  /** A round step for about four grid lines up to at least max. */
  function niceStep(max) {
    const raw = Math.max(max, 1) / 4;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (const step of [1, 2, 2.5, 5, 10]) {
      if (step * power >= raw) return Math.max(1, step * power);
    }
    return 10 * power;
  }

  function renderMonthly(points) {
    if (!points.length) return replace('monthly', el('p', { class: 'muted', text: 'No months to show.' }));
    const width = 960;
    const height = 280;
    const left = 56;
    const right = 12;
    const top = 12;
    const bottom = 36;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const step = niceStep(Math.max(...points.map((p) => p.peopleReturned)));
    const ticks = Math.max(1, Math.ceil(Math.max(...points.map((p) => p.peopleReturned)) / step));
    const max = step * ticks;
    const slot = plotWidth / points.length;
    const barWidth = Math.max(1, slot * 0.78);
    const total = points.reduce((sum, p) => sum + p.peopleReturned, 0);
    const busiest = points.reduce((best, p) => (p.peopleReturned > best.peopleReturned ? p : best), points[0]);
    const labelEveryMonth = points.length <= 18;

    const chart = svg('svg', { class: 'chart', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': 'monthly-svg-title monthly-svg-desc' });
    chart.append(svg('title', { id: 'monthly-svg-title', text: 'People returned each month' }),
      svg('desc', { id: 'monthly-svg-desc', text: points.length + ' months from ' + points[0].period + ' to '
        + points[points.length - 1].period + '; ' + num(total) + ' people in all; the most in ' + busiest.period
        + ' (' + num(busiest.peopleReturned) + '). The figures are in the table below the chart.' }));
    for (let i = 0; i <= ticks; i++) {
      const value = step * i;
      const y = top + plotHeight - (value / max) * plotHeight;
      chart.append(svg('line', { class: i === 0 ? 'axis' : 'grid', x1: left, x2: width - right, y1: y, y2: y }),
        svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', text: num(Math.round(value)) }));
    }
    points.forEach((p, i) => {
      const x = left + i * slot + (slot - barWidth) / 2;
      const [year, month] = p.period.split('-');
      if (p.peopleReturned > 0) {
        const h = (p.peopleReturned / max) * plotHeight;
        chart.append(svg('rect', { class: 'bar', x: x.toFixed(1), y: (top + plotHeight - h).toFixed(1),
          width: barWidth.toFixed(1), height: h.toFixed(1) },
        svg('title', { text: MONTHS[Number(month) - 1] + ' ' + year + ': ' + num(p.peopleReturned)
          + ' people returned in ' + num(p.exchanges) + (p.exchanges === 1 ? ' exchange' : ' exchanges')
          + (p.bodiesReturned ? '; ' + num(p.bodiesReturned) + ' bodies' : '') })));
      }
      const label = labelEveryMonth ? MONTHS[Number(month) - 1].slice(0, 3)
        : (month === '01' || i === 0 ? year : null);
      if (label) {
        chart.append(svg('text', { x: (left + i * slot + slot / 2).toFixed(1), y: height - bottom + 16,
          'text-anchor': labelEveryMonth ? 'middle' : 'start', text: label }));
        if (labelEveryMonth && (month === '01' || i === 0)) {
          chart.append(svg('text', { x: (left + i * slot + slot / 2).toFixed(1), y: height - bottom + 30,
            'text-anchor': 'middle', text: year }));
        }
      }
    });

    const rows = points.map((p) => el('tr', null, el('th', { scope: 'row', text: p.period }),
      td(num(p.exchanges), true), td(num(p.peopleReturned), true), td(num(p.bodiesReturned), true)));
    const details = el('details', null, el('summary', { text: 'The figures as a table' }),
      el('div', { class: 'scroll' }, table(caption('Exchanges, people and bodies returned each month.', READS.monthly),
        [['Month'], ['Exchanges', 1], ['People returned', 1], ['Bodies returned', 1]], rows)));
    replace('monthly', chart, details);
  }

  function renderUnits() {
    const all = $('units-all').checked;
    const items = state.units;
    if (!items.length) return replace('units', el('p', { class: 'muted', text: 'No units are recorded.' }));
    const known = new Set(items.map((u) => u.unit));
    const children = new Map();
    for (const u of items) {
      const parent = u.parent && known.has(u.parent) ? u.parent : null;
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(u);
    }
    const rows = [];
    let hidden = 0;
    const walk = (parent, depth) => {
      const shown = (children.get(parent) || []).filter((u) => all || u.returnedWithSubunits);
      hidden += (children.get(parent) || []).length - shown.length;
      const folded = parent !== null && shown.length > FOLD_AFTER + 2 && !state.unfolded.has(parent);
      for (const u of folded ? shown.slice(0, FOLD_AFTER) : shown) {
        const cls = depth ? 'sub depth-' + Math.min(depth, 3) : null;
        rows.push(el('tr', { class: cls, 'data-parent': parent },
          el('th', { scope: 'row' }, u.name, ' ', el('span', { class: 'muted small', text: '(' + u.unit + ')' }), ' ',
            editLink('units', u.unit)),
          td(num(u.returnedWithSubunits), true), td(num(u.returned), true), td(num(u.exchanges), true),
          td(date(u.firstReturnedOn)), td(date(u.lastReturnedOn))));
        walk(u.unit, depth + 1);
      }
      if (folded) {
        const rest = shown.length - FOLD_AFTER;
        const button = el('button', { type: 'button', class: 'linkish', 'data-unit': parent,
          text: 'Show ' + rest + ' more sub-units of ' + unitName(parent) });
        button.addEventListener('click', () => {
          state.unfolded.add(parent);
          state.focusUnit = parent;
          renderUnits();
        });
        rows.push(el('tr', { class: 'sub depth-' + Math.min(depth, 3) }, el('td', { colspan: 6 }, button)));
      }
    };
    walk(null, 0);
    const nodes = [];
    if (rows.length) {
      nodes.push(table(caption('Units, largest first, with their sub-units under them.', READS.units),
        [['Unit'], ['People returned', 1], ['Own lines', 1], ['Exchanges', 1], ['First returned'], ['Last returned']],
        rows));
    } else {
      nodes.push(el('p', { class: 'muted', text: 'No one with a known unit was returned in this period.' }));
    }
    if (hidden) {
      nodes.push(el('p', { class: 'note small', text: num(hidden) + (hidden === 1 ? ' unit' : ' units')
        + ' with no one returned in this period not listed.' }));
    }
    replace('units', nodes);
    if (state.focusUnit) {
      // keyboard users land on the first row that was folded
      const unfolded = $('units').querySelectorAll('tr[data-parent="' + CSS.escape(state.focusUnit) + '"] th');
      if (unfolded.length > FOLD_AFTER) {
        unfolded[FOLD_AFTER].setAttribute('tabindex', '-1');
        unfolded[FOLD_AFTER].focus();
      }
      state.focusUnit = null;
    }
  }

  function shareBar(share) {
    const width = 200;
    const filled = Math.max(0, Math.min(1, share)) * width;
    return svg('svg', { class: 'share', viewBox: '0 0 ' + width + ' 14', 'aria-hidden': 'true', focusable: 'false' },
      svg('rect', { class: 'track', x: 0.5, y: 0.5, width: width - 1, height: 13 }),
      filled > 0 ? svg('rect', { class: 'fill', x: 0.5, y: 0.5, width: Math.max(1, filled - 1).toFixed(1), height: 13 })
        : null);
  }

  async function loadCohorts() {
    const list = await get(READS.cohorts);
    const cohorts = list.items;
    for (const c of cohorts) state.cohortNames.set(c.id, c.name);
    if (!cohorts.length) return replace('cohorts', el('p', { class: 'muted', text: 'No captured groups are recorded.' }));
    const figures = await Promise.all(cohorts.map((c) => get(READS.cohort, { id: c.id })));
    const rows = [];
    const breakdowns = [];
    for (const f of figures) {
      const home = f.reported ? f.reported.value : f.recorded;
      const source = f.reported ? el('span', { class: 'small muted' }, ' published ', date(f.reported.asOf))
        : el('span', { class: 'small muted', text: ' recorded' });
      const size = f.size == null ? el('span', { class: 'muted', text: 'unknown' })
        : (f.sizeApproximate ? 'about ' : '') + num(f.size);
      const share = f.shareReturned == null ? el('span', { class: 'muted', text: 'size unknown' })
        : el('div', null, shareBar(f.shareReturned), el('span', { text: percent(f.shareReturned) + ' home' }));
      rows.push(el('tr', null, el('th', { scope: 'row' }, f.name, ' ', editLink('cohorts', f.cohort)), td(size, true),
        td([num(home), source], true), td(num(f.recorded), true), td(share), td(num(f.remaining), true)));
      if (f.byUnit && f.byUnit.length) {
        breakdowns.push(el('details', null, el('summary', { text: f.name + ' by unit' }),
          table(el('caption', null, f.name + ': people home by unit. ',
            csvLink({ path: READS.cohort.path.replace('{id}', encodeURIComponent(f.cohort)), window: true })),
          [['Unit'], ['Recorded', 1], ['Published', 1]],
          f.byUnit.map((u) => el('tr', null, el('th', { scope: 'row', text: unitName(u.unit) }),
            td(num(u.recorded), true),
            td(u.reported ? [num(u.reported.value), ' ', el('span', { class: 'small muted' }, 'as of ',
              date(u.reported.asOf))] : el('span', { class: 'muted', text: '—' }), true))))));
      }
    }
    replace('cohorts', table(caption('Groups captured together, and how many of them are home.'),
      [['Group'], ['Size', 1], ['Home', 1], ['Recorded in the ledger', 1], ['Share home'], ['Still held', 1]], rows),
    breakdowns);
  }

  function safeLink(source) {
    const label = source.title || source.publisher || source.url;
    let href = null;
    try {
      const parsed = new URL(source.url);
      if (parsed.protocol === 'https:' || parsed.protocol === 'http:') href = parsed.href;
    } catch (e) {
      href = null;
    }
    if (!href) return el('span', { text: label });
    return el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank', text: label });
  }

  function lineList(lines) {
    const text = (l) => (l.unit ? unitName(l.unit) : '') + (l.unit && l.cohort ? ', ' : '')
      + (l.cohort ? cohortName(l.cohort) : '') + ': ' + num(l.count);
    const list = el('ul', { class: 'lines' }, lines.map((l) => el('li', { text: text(l) })));
    if (lines.length <= 5) return list;
    return el('details', null, el('summary', { text: lines.length + ' lines' }), list);
  }

  // Someone holding the editor's write token (kept by /edit in this tab) gets a link from each record to its form.
  const EDIT_TOKEN_KEY = 'powledger.writeToken';
  function editLink(kind, id) {
    let held = null;
    try {
      held = sessionStorage.getItem(EDIT_TOKEN_KEY);
    } catch (e) {
      held = null;
    }
    return held && id ? el('a', { class: 'small edit', href: '/edit/' + kind + '/' + encodeURIComponent(id), text: 'Edit' })
      : null;
  }

  function renderLatest(page) {
    const items = page.items.map((x) => Object.assign({}, x, {
      breakdown: x.breakdown || [], mediators: x.mediators || [], sources: x.sources || [] }));
    if (!items.length) return replace('latest', el('p', { class: 'muted', text: 'No exchanges in this period.' }));
    const rows = items.map((x) => el('tr', null,
      el('th', { scope: 'row' }, date(x.date), x.ref ? el('div', { class: 'small muted', text: x.ref }) : null,
        editLink('exchanges', x.id)),
      td(x.kind === 'bodies' ? 'Bodies' : 'People'),
      td(num(x.returned), true), td(num(x.handedOver), true),
      td(x.breakdown.length ? [lineList(x.breakdown), x.unattributed
        ? el('div', { class: 'small muted', text: num(x.unattributed) + ' not attributed' }) : null]
        : el('span', { class: 'muted', text: 'no breakdown' })),
      td(x.mediators.length ? x.mediators.join(', ') : '—'),
      td(x.sources.length ? el('ul', { class: 'small' }, x.sources.map((s) => el('li', null, safeLink(s)))) : '—'),
      td(x.notes ? el('span', { class: 'small', text: x.notes }) : '')));
    replace('latest', table(caption('The ' + items.length + ' most recent records, newest first. An exchange done in '
      + 'stages has one row per stage.', READS.latest),
    [['Date'], ['Kind'], ['Returned', 1], ['Handed over', 1], ['Breakdown'], ['Mediators'], ['Sources'], ['Notes']],
    rows));
  }

  function renderFirstReturns(items) {
    const withUnits = items.filter((i) => i.count > 0);
    if (!withUnits.length) {
      return replace('first', el('p', { class: 'muted', text: 'No unit had someone home for the first time in this period.' }));
    }
    const rows = withUnits.map((i) => el('tr', null,
      el('th', { scope: 'row' }, date(i.date), el('div', { class: 'small muted', text: i.exchange })),
      td(num(i.count), true),
      td(i.units.length <= 8 ? i.units.map(unitName).join(', ')
        : el('details', null, el('summary', { text: i.units.slice(0, 3).map(unitName).join(', ') + ' and '
          + (i.units.length - 3) + ' more' }), el('p', { class: 'small units-list', text: i.units.map(unitName).join(', ') })))));
    replace('first', table(caption(withUnits.length + ' of ' + items.length
      + ' exchanges in this period brought someone home from a new unit, in date order.', READS.firstReturns),
    [['Exchange'], ['New units', 1], ['Units']], rows));
  }

  function scopeText(scope) {
    if (scope.exchange) return 'Exchange ' + scope.exchange;
    if (scope.year) return 'Year ' + scope.year;
    if (scope.cohort && scope.unit) return unitName(scope.unit) + ' in ' + cohortName(scope.cohort);
    if (scope.cohort) return cohortName(scope.cohort);
    if (scope.unit) return unitName(scope.unit);
    return 'All time';
  }

  function renderReconciliation(items) {
    if (!items.length) {
      return replace('reconciliation', el('p', { class: 'muted', text: 'No published figures are recorded.' }));
    }
    const gaps = items.filter((i) => i.status !== 'match').length;
    const rows = items.map((i) => {
      const gap = i.status !== 'match';
      return el('tr', { class: gap ? 'gap' : null },
        el('th', { scope: 'row' }, scopeText(i.scope), ' ', editLink('reports', i.report)), td(METRICS[i.metric] || i.metric),
        td(num(i.reported), true), td(num(i.recorded), true), td(i.difference ? signed(i.difference) : '0', true),
        td(el('span', { class: 'badge ' + (gap ? 'gap' : 'match'), text: STATUSES[i.status] || i.status })));
    });
    replace('reconciliation', table(caption(gaps
      ? gaps + ' of ' + items.length + ' published figures differ from the ledger (marked); largest difference first.'
      : 'All ' + items.length + ' published figures match the ledger.', READS.reconciliation),
    [['Scope'], ['Figure'], ['Published', 1], ['Ledger', 1], ['Difference', 1], ['Status']], rows));
  }

  // ---------------------------------------------------------------- loading

  function setStatus(text, isError) {
    const status = $('status');
    status.textContent = text;
    status.classList.toggle('error', Boolean(isError));
  }

  function askForToken(error) {
    const sent = readToken();
    if (sent) {
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch (e) {
        // nothing kept
      }
    }
    $('figures').hidden = true;
    $('token-forget').hidden = true;
    $('token').hidden = false;
    $('token-message').textContent = error.status === 403
      ? 'The token was accepted but may not read the ledger (' + error.message + '). Paste a token with the read scope.'
      : sent ? 'The token was refused: it is unknown or has been revoked. Paste another read token.'
        : 'The figures are only shown to someone with a token. Paste a token with the read scope (or higher). '
          + 'It is kept in this browser tab only, and forgotten when the tab is closed.';
    setStatus('This server needs a read token.', true);
    $('token-input').focus();
  }

  async function load() {
    setStatus('Loading the figures…');
    let summary;
    try {
      summary = await get(READS.summary);
    } catch (error) {
      if (error.status === 401 || error.status === 403) return askForToken(error);
      return setStatus('The figures could not be loaded: ' + error.message, true);
    }
    $('token').hidden = true;
    $('figures').hidden = false;
    $('token-forget').hidden = !readToken();
    renderSummary(summary);

    try {
      const units = await get(READS.units);
      state.units = units.items;
      for (const u of units.items) state.unitNames.set(u.unit, u.name);
      renderUnits();
    } catch (error) {
      problem('units', error);
    }
    const parts = [
      get(READS.yearly).then((r) => renderYearly(r.years)).catch((e) => problem('yearly', e)),
      get(READS.monthly).then((r) => renderMonthly(r.points)).catch((e) => problem('monthly', e)),
      loadCohorts().catch((e) => problem('cohorts', e)),
      get(READS.firstReturns).then((r) => renderFirstReturns(r.items)).catch((e) => problem('first', e)),
    ];
    await parts[2]; // cohort names for the reconciliation and the breakdown lines
    parts.push(get(READS.latest).then(renderLatest).catch((e) => problem('latest', e)),
      get(READS.reconciliation).then((r) => renderReconciliation(r.items)).catch((e) => problem('reconciliation', e)));
    await Promise.all(parts);
    setStatus('');
    $('loaded').textContent = 'Loaded ' + new Date().toLocaleString('en-GB') + '.';
  }

  function readWindow() {
    const params = new URLSearchParams(window.location.search);
    state.from = params.get('from') || null;
    state.to = params.get('to') || null;
    if (state.from && DATE.test(state.from)) $('from').value = state.from;
    if (state.to && DATE.test(state.to)) $('to').value = state.to;
    $('window-note').textContent = state.from && state.to ? 'From ' + dateText(state.from, true) + ' to '
      + dateText(state.to, true) + '.' : state.from ? 'From ' + dateText(state.from, true) + ' on.'
      : state.to ? 'Up to ' + dateText(state.to, true) + '.' : 'All time.';
  }

  function start() {
    readWindow();
    $('window').addEventListener('submit', (event) => {
      event.preventDefault();
      const query = new URLSearchParams();
      if ($('from').value) query.set('from', $('from').value);
      if ($('to').value) query.set('to', $('to').value);
      const text = query.toString();
      window.location.assign(window.location.pathname + (text ? '?' + text : ''));
    });
    $('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const value = $('token-input').value.trim();
      $('token-input').value = '';
      if (!value) return;
      try {
        sessionStorage.setItem(TOKEN_KEY, value);
      } catch (e) {
        setStatus('This browser does not let the page keep the token for the tab.', true);
        return;
      }
      load();
    });
    $('token-forget').addEventListener('click', () => {
      try {
        sessionStorage.removeItem(TOKEN_KEY);
      } catch (e) {
        // nothing kept
      }
      window.location.reload();
    });
    $('units-all').addEventListener('change', renderUnits);
    load();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
