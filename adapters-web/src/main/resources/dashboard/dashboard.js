/*
 * POW Ledger dashboard: reads the ledger's public JSON API and draws it. Read-only.
 *
 * Rules this file keeps (DashboardTest checks them):
 * - it reads only the paths in READS, all on this server; nothing else is fetched (its words come
 *   from /i18n/, through PowLedgerI18n);
 * - every word it shows comes from the language files through t(): no text is written here;
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
    monthlyCumulative: { path: '/api/v1/stats/periods?interval=month&cumulative=true', window: true },
    units: { path: '/api/v1/stats/units', window: true },
    firstReturns: { path: '/api/v1/stats/first-returns', window: true },
    reconciliation: { path: '/api/v1/stats/reconciliation', window: true },
    latest: { path: '/api/v1/exchanges?limit=20', window: true },
    cohorts: { path: '/api/v1/cohorts?limit=500', window: false },
    cohort: { path: '/api/v1/stats/cohorts/{id}', window: true },
  };

  const I18N = window.PowLedgerI18n;
  const t = I18N.t;
  const num = I18N.num;
  const signed = I18N.signed;
  const percent = I18N.percent;
  const dateText = I18N.date;

  /* The SVG namespace: an identifier, never fetched. */
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const TOKEN_KEY = 'powledger.readToken';
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  /* The words for the API's metric and status names (an unknown name is shown as it is). */
  const METRICS = { exchanges: 'metric.exchanges', peopleReturned: 'metric.peopleReturned',
    bodiesReturned: 'metric.bodiesReturned', firstTimeUnits: 'metric.firstTimeUnits' };
  const STATUSES = { match: 'status.match', ledgerBelow: 'status.ledgerBelow', ledgerAbove: 'status.ledgerAbove' };

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

  /** What went wrong, in the reader's language; the server's own detail stays in a tooltip. */
  function errorText(error) {
    return error.status ? t('error.status', { status: error.status }) : t('error.unreachable');
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
      throw new ApiError(0, String(e));
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

  function csvLink(read) {
    if (readToken()) return null; // a plain link cannot carry the token
    return el('a', { href: url(read, {}, { format: 'csv' }), text: t('common.csv') });
  }

  function caption(text, read) {
    return el('caption', null, text, read ? [' ', csvLink(read)] : []);
  }

  function problem(id, error) {
    replace(id, el('p', { class: 'problem', title: error.message, text: t('error.part', { reason: errorText(error) }) }));
  }

  function empty(id, key) {
    replace(id, el('p', { class: 'muted', text: t(key) }));
  }

  /** A table; head is a list of [key of the column's heading, numeric?]. */
  function table(cap, head, rows) {
    return el('table', null, cap,
      el('thead', null, el('tr', null, head.map(([key, numeric]) =>
        el('th', { scope: 'col', class: numeric ? 'num' : null, text: t(key) })))),
      el('tbody', null, rows));
  }

  function td(content, numeric, cls) {
    return el('td', { class: [numeric ? 'num' : null, cls].filter(Boolean).join(' ') || null }, content);
  }

  // ---------------------------------------------------------------- the sections

  function renderSummary(s) {
    const figure = (key, value, note) => el('div', null, el('dt', { text: t(key) }), el('dd', null, value),
      note ? el('dd', { class: 'small muted', text: note }) : null);
    replace('summary',
      figure('summary.exchanges', num(s.exchanges), s.repatriations
        ? t('summary.repatriations', { count: s.repatriations, n: num(s.repatriations) }) : null),
      figure('summary.peopleReturned', num(s.peopleReturned), s.civiliansReturned
        ? t('summary.civilians', { count: s.civiliansReturned, n: num(s.civiliansReturned) }) : null),
      figure('summary.bodiesReturned', num(s.bodiesReturned)),
      figure('summary.firstExchange', date(s.firstExchangeOn, true)),
      figure('summary.lastExchange', date(s.lastExchangeOn, true)));
    const more = [];
    if (s.peopleHandedOver) {
      more.push(t('summary.handedOver', { count: s.peopleHandedOver, n: num(s.peopleHandedOver) }));
    }
    if (s.largestExchange) {
      more.push(t('summary.largest', { count: s.largestExchange.returned, n: num(s.largestExchange.returned),
        date: dateText(s.largestExchange.date, true) }));
    }
    if (!s.exchanges && !s.repatriations) more.push(t('summary.nothing'));
    $('summary-more').textContent = more.join(' ');
  }

  function changeText(change) {
    if (!change) return t('yearly.firstYear');
    const pct = change.percent == null ? t('yearly.noneBefore')
      : signed(Math.abs(change.percent) / 100, { style: 'percent', maximumFractionDigits: 1 });
    return t('yearly.change', { change: signed(change.peopleReturned), percent: pct });
  }

  function changeClass(change) {
    return change && change.peopleReturned > 0 ? 'up' : change && change.peopleReturned < 0 ? 'down' : null;
  }

  function renderYearly(years) {
    if (!years.length) {
      replace('yearly-chart');
      return empty('yearly', 'yearly.empty');
    }
    replace('yearly-chart', yearlyChart(years));
    const rows = years.map((y) => el('tr', null, el('th', { scope: 'row', text: String(y.year) }),
      td(num(y.exchanges), true), td(num(y.peopleReturned), true),
      td(el('span', { class: changeClass(y.change) || (y.change ? null : 'muted'), text: changeText(y.change) }), true),
      td(num(y.peopleHandedOver), true), td(num(y.civiliansReturned), true), td(num(y.repatriations), true),
      td(num(y.bodiesReturned), true)));
    replace('yearly', table(caption(t('yearly.caption'), READS.yearly),
      [['yearly.year'], ['common.exchanges', 1], ['common.peopleReturned', 1], ['yearly.changeColumn', 1],
        ['common.handedOver', 1], ['yearly.civilians', 1], ['yearly.repatriations', 1], ['common.bodiesReturned', 1]],
      rows));
  }

  /** People returned each year as bars, each with the change from the year before beside it. */
  function yearlyChart(years) {
    const row = 34;
    const left = 56;
    const barSpace = 520;
    const width = 960;
    const height = years.length * row + 8;
    const max = Math.max(1, ...years.map((y) => y.peopleReturned));
    const chart = svg('svg', { class: 'chart yearly', viewBox: '0 0 ' + width + ' ' + height, role: 'img',
      'aria-labelledby': 'yearly-svg-title' },
    svg('title', { id: 'yearly-svg-title', text: t('yearly.chartTitle') }));
    years.forEach((y, i) => {
      const top = 4 + i * row;
      const w = (y.peopleReturned / max) * barSpace;
      const label = t('yearly.point', { year: y.year, count: y.peopleReturned, n: num(y.peopleReturned),
        change: changeText(y.change) });
      chart.append(svg('g', { class: 'year' },
        svg('title', { text: label }),
        svg('text', { class: 'label', x: left - 8, y: top + 21, 'text-anchor': 'end', text: String(y.year) }),
        w > 0 ? svg('rect', { class: 'bar', x: left, y: top + 5, width: Math.max(1, w).toFixed(1), height: row - 10 })
          : null,
        svg('text', { class: 'value', x: (left + w + 8).toFixed(1), y: top + 21, text: num(y.peopleReturned) }),
        svg('text', { class: 'change ' + (changeClass(y.change) || 'muted'), x: left + barSpace + 110, y: top + 21,
          text: changeText(y.change) })));
    });
    return chart;
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

  /** The axis of a chart: a round step and the top of the scale for values up to max. */
  function scale(max) {
    const step = niceStep(max);
    const ticks = Math.max(1, Math.ceil(max / step));
    return { step, ticks, top: step * ticks };
  }

  function pointText(p, cumulative) {
    return [t('monthly.pointPeople', { count: p.peopleReturned, n: num(p.peopleReturned) }),
      t('monthly.pointExchanges', { count: p.exchanges, n: num(p.exchanges) }),
      p.bodiesReturned ? t('monthly.pointBodies', { count: p.bodiesReturned, n: num(p.bodiesReturned) }) : null,
      cumulative ? t('monthly.pointCumulative', { count: cumulative.peopleReturned, n: num(cumulative.peopleReturned) })
        : null].filter(Boolean);
  }

  /**
   * People returned each month as bars, with the running total as a line on its own scale (right).
   * Each month is one point the reader can hover or reach with the keyboard (Tab to the chart, then
   * the arrow keys): it then shows its month and figures; screen readers read the same as its label.
   */
  function renderMonthly(points, cumulativePoints) {
    if (!points.length) return empty('monthly', 'monthly.empty');
    const cumulative = new Map((cumulativePoints || []).map((p) => [p.period, p]));
    const width = 960;
    const height = 300;
    const left = 56;
    const right = 64;
    const top = 16;
    const bottom = 36;
    const plotWidth = width - left - right;
    const plotHeight = height - top - bottom;
    const bars = scale(Math.max(...points.map((p) => p.peopleReturned)));
    const running = scale(Math.max(0, ...Array.from(cumulative.values()).map((p) => p.peopleReturned)));
    const slot = plotWidth / points.length;
    const barWidth = Math.max(1, slot * 0.72);
    const total = points.reduce((sum, p) => sum + p.peopleReturned, 0);
    const busiest = points.reduce((best, p) => (p.peopleReturned > best.peopleReturned ? p : best), points[0]);
    const labelEveryMonth = points.length <= 18;
    const yBar = (v) => top + plotHeight - (v / bars.top) * plotHeight;
    const yLine = (v) => top + plotHeight - (v / running.top) * plotHeight;
    const centre = (i) => left + i * slot + slot / 2;

    const chart = svg('svg', { class: 'chart monthly', viewBox: '0 0 ' + width + ' ' + height, role: 'group',
      'aria-labelledby': 'monthly-svg-title monthly-svg-desc' });
    chart.append(svg('title', { id: 'monthly-svg-title', text: t('monthly.chartTitle') }),
      svg('desc', { id: 'monthly-svg-desc', text: t('monthly.chartDesc', { months: points.length,
        from: I18N.period(points[0].period), to: I18N.period(points[points.length - 1].period), count: total,
        total: num(total), busiest: I18N.period(busiest.period), most: num(busiest.peopleReturned) }) }));
    for (let i = 0; i <= bars.ticks; i++) {
      const y = yBar(bars.step * i);
      chart.append(svg('line', { class: i === 0 ? 'axis' : 'grid', x1: left, x2: width - right, y1: y, y2: y }),
        svg('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', text: num(bars.step * i) }));
    }
    if (cumulative.size) {
      for (let i = 0; i <= running.ticks; i++) {
        chart.append(svg('text', { class: 'cumulative-axis', x: width - right + 6, y: yLine(running.step * i) + 4,
          text: num(running.step * i) }));
      }
    }
    const tip = svg('g', { class: 'tip', 'aria-hidden': 'true', visibility: 'hidden' });
    const marks = [];
    points.forEach((p, i) => {
      const [year, month] = p.period.split('-');
      const lines = pointText(p, cumulative.get(p.period));
      const label = I18N.period(p.period) + ': ' + lines.join('; ');
      const h = (p.peopleReturned / bars.top) * plotHeight;
      const mark = svg('g', { class: 'point', tabindex: i === 0 ? 0 : -1, role: 'img', 'aria-label': label,
        'data-period': p.period },
      svg('title', { text: label }),
      svg('rect', { class: 'hit', x: (left + i * slot).toFixed(1), y: top, width: slot.toFixed(1), height: plotHeight }),
      h > 0 ? svg('rect', { class: 'bar', x: (centre(i) - barWidth / 2).toFixed(1), y: (top + plotHeight - h).toFixed(1),
        width: barWidth.toFixed(1), height: h.toFixed(1) }) : null,
      cumulative.has(p.period) ? svg('circle', { class: 'dot', cx: centre(i).toFixed(1),
        cy: yLine(cumulative.get(p.period).peopleReturned).toFixed(1), r: 3 }) : null);
      const show = () => showTip(tip, I18N.period(p.period), lines, centre(i), yBar(p.peopleReturned), width);
      mark.addEventListener('mouseenter', show);
      mark.addEventListener('focus', show);
      mark.addEventListener('mouseleave', () => {
        if (document.activeElement !== mark) tip.setAttribute('visibility', 'hidden');
      });
      mark.addEventListener('blur', () => tip.setAttribute('visibility', 'hidden'));
      mark.addEventListener('keydown', (event) => {
        const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: points.length - 1 }[event.key];
        if (next === undefined || next < 0 || next >= points.length) return;
        event.preventDefault();
        mark.setAttribute('tabindex', '-1');
        marks[next].setAttribute('tabindex', '0');
        marks[next].focus();
      });
      marks.push(mark);
      chart.append(mark);
      const axisLabel = labelEveryMonth ? I18N.monthName(Number(month)) : (month === '01' || i === 0 ? year : null);
      if (axisLabel) {
        chart.append(svg('text', { x: centre(i).toFixed(1), y: height - bottom + 16,
          'text-anchor': labelEveryMonth ? 'middle' : 'start', text: axisLabel }));
        if (labelEveryMonth && (month === '01' || i === 0)) {
          chart.append(svg('text', { x: centre(i).toFixed(1), y: height - bottom + 30, 'text-anchor': 'middle',
            text: year }));
        }
      }
    });
    if (cumulative.size) {
      // drawn over the bars; the months under it still take the pointer (dashboard.css)
      const line = points.map((p, i) => (cumulative.has(p.period)
        ? centre(i).toFixed(1) + ',' + yLine(cumulative.get(p.period).peopleReturned).toFixed(1) : null))
        .filter(Boolean).join(' ');
      chart.append(svg('polyline', { class: 'cumulative', points: line, 'aria-hidden': 'true' }));
    }
    chart.append(tip);

    const legend = el('p', { class: 'legend small' },
      el('span', { class: 'key bars', 'aria-hidden': 'true' }), ' ', t('monthly.legendBars'), ' ',
      cumulative.size ? [el('span', { class: 'key line', 'aria-hidden': 'true' }), ' ', t('monthly.legendLine')] : null);
    const rows = points.map((p) => el('tr', null, el('th', { scope: 'row', text: I18N.period(p.period) }),
      td(num(p.exchanges), true), td(num(p.peopleReturned), true),
      td(cumulative.has(p.period) ? num(cumulative.get(p.period).peopleReturned) : '—', true),
      td(num(p.bodiesReturned), true)));
    const details = el('details', null, el('summary', { text: t('monthly.asTable') }),
      el('div', { class: 'scroll' }, table(caption(t('monthly.caption'), READS.monthly),
        [['monthly.month'], ['common.exchanges', 1], ['common.peopleReturned', 1], ['monthly.cumulative', 1],
          ['common.bodiesReturned', 1]], rows)));
    replace('monthly', chart, legend, details);
  }

  /** The tooltip of a month: its name and figures in a box beside the bar, kept inside the chart. */
  function showTip(tip, title, lines, x, y, width) {
    const all = [title].concat(lines);
    const boxWidth = 16 + 7 * Math.max(...all.map((line) => line.length));
    const boxHeight = 10 + 16 * all.length;
    const left = Math.min(Math.max(4, x + 10), width - boxWidth - 4);
    const top = Math.max(4, y - boxHeight - 6);
    tip.replaceChildren(svg('rect', { class: 'tip-box', x: left, y: top, width: boxWidth, height: boxHeight, rx: 4 }),
      ...all.map((line, i) => svg('text', { class: i === 0 ? 'tip-title' : 'tip-line', x: left + 8, y: top + 20 + 16 * i,
        text: line })));
    tip.setAttribute('visibility', 'visible');
  }

  function renderUnits() {
    const all = $('units-all').checked;
    const items = state.units;
    if (!items.length) return empty('units', 'units.empty');
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
          text: t('units.showMore', { count: rest, n: num(rest), unit: unitName(parent) }) });
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
      nodes.push(table(caption(t('units.caption'), READS.units),
        [['units.unit'], ['common.peopleReturned', 1], ['units.ownLines', 1], ['common.exchanges', 1],
          ['units.firstReturned'], ['units.lastReturned']], rows));
    } else {
      nodes.push(el('p', { class: 'muted', text: t('units.noneInPeriod') }));
    }
    if (hidden) {
      nodes.push(el('p', { class: 'note small', text: t('units.hidden', { count: hidden, n: num(hidden) }) }));
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
    if (!cohorts.length) return empty('cohorts', 'cohorts.empty');
    const figures = await Promise.all(cohorts.map((c) => get(READS.cohort, { id: c.id })));
    const rows = [];
    const breakdowns = [];
    for (const f of figures) {
      const home = f.reported ? f.reported.value : f.recorded;
      const source = f.reported ? el('span', { class: 'small muted' }, ' ', t('cohorts.published'), ' ',
        date(f.reported.asOf)) : el('span', { class: 'small muted', text: ' ' + t('cohorts.recorded') });
      const size = f.size == null ? el('span', { class: 'muted', text: t('cohorts.sizeUnknown') })
        : f.sizeApproximate ? t('cohorts.about', { n: num(f.size) }) : num(f.size);
      const share = f.shareReturned == null ? el('span', { class: 'muted', text: t('cohorts.shareUnknown') })
        : el('div', null, shareBar(f.shareReturned), el('span', { text: t('cohorts.shareHome',
          { share: percent(f.shareReturned) }) }));
      rows.push(el('tr', null, el('th', { scope: 'row' }, f.name, ' ', editLink('cohorts', f.cohort)), td(size, true),
        td([num(home), source], true), td(num(f.recorded), true), td(share), td(num(f.remaining), true)));
      if (f.byUnit && f.byUnit.length) {
        breakdowns.push(el('details', null, el('summary', { text: t('cohorts.byUnit', { cohort: f.name }) }),
          table(el('caption', null, t('cohorts.byUnitCaption', { cohort: f.name }), ' ',
            csvLink({ path: READS.cohort.path.replace('{id}', encodeURIComponent(f.cohort)), window: true })),
          [['units.unit'], ['cohorts.recordedColumn', 1], ['cohorts.publishedColumn', 1]],
          f.byUnit.map((u) => el('tr', null, el('th', { scope: 'row', text: unitName(u.unit) }),
            td(num(u.recorded), true),
            td(u.reported ? [num(u.reported.value), ' ', el('span', { class: 'small muted' }, t('cohorts.asOf'), ' ',
              date(u.reported.asOf))] : el('span', { class: 'muted', text: '—' }), true))))));
      }
    }
    replace('cohorts', table(caption(t('cohorts.caption')),
      [['cohorts.group'], ['cohorts.size', 1], ['cohorts.home', 1], ['cohorts.recordedColumn', 1],
        ['cohorts.share'], ['cohorts.remaining', 1]], rows),
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
    return el('details', null, el('summary', { text: t('latest.lines', { count: lines.length, n: num(lines.length) }) }),
      list);
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
    return held && id ? el('a', { class: 'small edit', href: '/edit/' + kind + '/' + encodeURIComponent(id),
      text: t('edit.link') }) : null;
  }

  function renderLatest(page) {
    const items = page.items.map((x) => Object.assign({}, x, {
      breakdown: x.breakdown || [], mediators: x.mediators || [], sources: x.sources || [] }));
    if (!items.length) return empty('latest', 'latest.empty');
    const rows = items.map((x) => el('tr', null,
      el('th', { scope: 'row' }, date(x.date), x.ref ? el('div', { class: 'small muted', text: x.ref }) : null,
        editLink('exchanges', x.id)),
      td(t(x.kind === 'bodies' ? 'latest.kindBodies' : 'latest.kindPeople')),
      td(num(x.returned), true), td(num(x.handedOver), true),
      td(x.breakdown.length ? [lineList(x.breakdown), x.unattributed
        ? el('div', { class: 'small muted', text: t('latest.unattributed', { count: x.unattributed, n: num(x.unattributed) }) })
        : null]
        : el('span', { class: 'muted', text: t('latest.noBreakdown') })),
      td(x.mediators.length ? x.mediators.join(', ') : '—'),
      td(x.sources.length ? el('ul', { class: 'small' }, x.sources.map((s) => el('li', null, safeLink(s)))) : '—'),
      td(x.notes ? el('span', { class: 'small', text: x.notes }) : '')));
    replace('latest', table(caption(t('latest.caption', { count: items.length, n: num(items.length) }), READS.latest),
      [['latest.date'], ['latest.kind'], ['latest.returned', 1], ['common.handedOver', 1], ['latest.breakdown'],
        ['latest.mediators'], ['latest.sources'], ['latest.notes']], rows));
  }

  function renderFirstReturns(items) {
    const withUnits = items.filter((i) => i.count > 0);
    if (!withUnits.length) return empty('first', 'first.empty');
    const rows = withUnits.map((i) => el('tr', null,
      el('th', { scope: 'row' }, date(i.date), el('div', { class: 'small muted', text: i.exchange })),
      td(num(i.count), true),
      td(i.units.length <= 8 ? i.units.map(unitName).join(', ')
        : el('details', null, el('summary', { text: t('first.andMore', { units: i.units.slice(0, 3).map(unitName).join(', '),
          count: i.units.length - 3, n: num(i.units.length - 3) }) }),
        el('p', { class: 'small units-list', text: i.units.map(unitName).join(', ') })))));
    replace('first', table(caption(t('first.caption', { shown: num(withUnits.length), count: items.length,
      n: num(items.length) }), READS.firstReturns),
    [['first.exchange'], ['first.newUnits', 1], ['first.units']], rows));
  }

  function scopeText(scope) {
    if (scope.exchange) return t('scope.exchange', { exchange: scope.exchange });
    if (scope.year) return t('scope.year', { year: scope.year });
    if (scope.cohort && scope.unit) return t('scope.unitInCohort', { unit: unitName(scope.unit), cohort: cohortName(scope.cohort) });
    if (scope.cohort) return cohortName(scope.cohort);
    if (scope.unit) return unitName(scope.unit);
    return t('scope.allTime');
  }

  function renderReconciliation(items) {
    if (!items.length) return empty('reconciliation', 'reconciliation.empty');
    const gaps = items.filter((i) => i.status !== 'match').length;
    const rows = items.map((i) => {
      const gap = i.status !== 'match';
      return el('tr', { class: gap ? 'gap' : null },
        el('th', { scope: 'row' }, scopeText(i.scope), ' ', editLink('reports', i.report)),
        td(METRICS[i.metric] ? t(METRICS[i.metric]) : i.metric),
        td(num(i.reported), true), td(num(i.recorded), true), td(i.difference ? signed(i.difference) : num(0), true),
        td(el('span', { class: 'badge ' + (gap ? 'gap' : 'match'),
          text: STATUSES[i.status] ? t(STATUSES[i.status]) : i.status })));
    });
    replace('reconciliation', table(caption(gaps
      ? t('reconciliation.gaps', { gaps: num(gaps), count: items.length, n: num(items.length) })
      : t('reconciliation.allMatch', { count: items.length, n: num(items.length) }), READS.reconciliation),
    [['reconciliation.scope'], ['reconciliation.figure'], ['reconciliation.published', 1],
      ['reconciliation.ledger', 1], ['reconciliation.difference', 1], ['reconciliation.status']], rows));
  }

  // ---------------------------------------------------------------- loading

  function setStatus(text, isError) {
    const status = $('status');
    status.removeAttribute('data-i18n');
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
    $('token-message').textContent = t(error.status === 403 ? 'token.lacksScope' : sent ? 'token.refused' : 'token.ask');
    setStatus(t('token.needed'), true);
    $('token-input').focus();
  }

  async function load() {
    setStatus(t('status.loading'));
    let summary;
    try {
      summary = await get(READS.summary);
    } catch (error) {
      if (error.status === 401 || error.status === 403) return askForToken(error);
      return setStatus(t('error.all', { reason: errorText(error) }), true);
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
      Promise.all([get(READS.monthly), get(READS.monthlyCumulative).catch(() => null)])
        .then(([r, c]) => renderMonthly(r.points, c && c.points)).catch((e) => problem('monthly', e)),
      loadCohorts().catch((e) => problem('cohorts', e)),
      get(READS.firstReturns).then((r) => renderFirstReturns(r.items)).catch((e) => problem('first', e)),
    ];
    await parts[2]; // cohort names for the reconciliation and the breakdown lines
    parts.push(get(READS.latest).then(renderLatest).catch((e) => problem('latest', e)),
      get(READS.reconciliation).then((r) => renderReconciliation(r.items)).catch((e) => problem('reconciliation', e)));
    await Promise.all(parts);
    setStatus('');
    $('loaded').textContent = t('foot.loaded', { time: new Intl.DateTimeFormat(I18N.locale(),
      { dateStyle: 'long', timeStyle: 'short' }).format(new Date()) });
    document.body.setAttribute('data-loaded', I18N.language());
  }

  function windowNote() {
    const from = state.from && DATE.test(state.from) ? dateText(state.from, true) : null;
    const to = state.to && DATE.test(state.to) ? dateText(state.to, true) : null;
    const key = from && to ? 'window.noteBetween' : from ? 'window.noteFrom' : to ? 'window.noteTo' : 'window.noteAllTime';
    $('window-note').removeAttribute('data-i18n');
    $('window-note').textContent = t(key, { from, to });
  }

  function readWindow() {
    const params = new URLSearchParams(window.location.search);
    state.from = params.get('from') || null;
    state.to = params.get('to') || null;
    if (state.from && DATE.test(state.from)) $('from').value = state.from;
    if (state.to && DATE.test(state.to)) $('to').value = state.to;
    windowNote();
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
        setStatus(t('token.cannotKeep'), true);
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

  /** The reader chose another language: the words change, the figures are drawn again in it. */
  function relabel() {
    document.body.removeAttribute('data-loaded');
    windowNote();
    load();
  }

  function begin() {
    I18N.start(relabel).then(start);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', begin);
  } else {
    begin();
  }
}());
