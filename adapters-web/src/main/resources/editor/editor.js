/*
 * POW Ledger editor. One page for every address under /edit: the script reads location.pathname and
 * builds the index or a record's form. It writes through the public JSON API only, with the write
 * token the person pastes (kept in sessionStorage: this tab only). Every rule is the API's: the page
 * sends what was typed and shows each problem the API answers at the field it names. It never parses
 * markup from strings: every node is built with el().
 */
'use strict';

(() => {
  const TOKEN_KEY = 'powledger.writeToken';
  const I18N = window.PowLedgerI18n;
  const API = {
    exchanges: '/api/v1/exchanges',
    units: '/api/v1/units',
    cohorts: '/api/v1/cohorts',
    reports: '/api/v1/reports',
  };
  const LIST_LIMIT = 500;

  /** What the current form loaded: the record, its ETag, and what was needed to draw it. */
  let state = null;

  // --- words: the pages' shared language files (i18n.js), keys prefixed editor.

  const t = (key, values) => I18N.t(key, values);
  const has = (key) => I18N.t(key) !== key;

  /**
   * The API's messages (English) in the page's language. Each pattern is one message the API writes;
   * a message without a pattern is shown as the API wrote it.
   */
  const MESSAGES = [
    [/^is required(;.*)?$/, 'editor.api.required'],
    [/^must not lie in the future \(today is (?<today>[^)]+)\)$/, 'editor.api.future'],
    [/^must be (?:a whole number )?between (?<min>-?\d+) and (?<max>\d+)$/, 'editor.api.between'],
    [/^lines add up to (?<sum>\d+), more than the (?<returned>\d+) returned$/, 'editor.api.overReturned'],
    [/^another line already has this unit and cohort$/, 'editor.api.duplicateLine'],
    [/^a line names a unit, a cohort, or both$/, 'editor.api.unitOrCohort'],
    [/^unknown unit '(?<id>.*)'$/, 'editor.api.unknownUnit'],
    [/^unknown cohort '(?<id>.*)'$/, 'editor.api.unknownCohort'],
    [/^unknown exchange '(?<id>.*)'$/, 'editor.api.unknownExchange'],
    [/^must be an http\(s\) URL$/, 'editor.api.httpUrl'],
    [/^must not exceed returned$/, 'editor.api.civiliansOverReturned'],
    [/^is only recorded for exchanges of prisoners$/, 'editor.api.civiliansOfPrisoners'],
    [/^must not be negative$/, 'editor.api.negative'],
    [/^is listed twice$/, 'editor.api.twice'],
    [/^must not be blank$/, 'editor.api.blank'],
    [/^must be at most (?<max>\d+) characters$/, 'editor.api.tooLong'],
    [/^must be one of prisoners, bodies$/, 'editor.api.kind'],
    [/^must match \^\[a-z0-9\].*$/, 'editor.api.slug'],
    [/^a unit cannot be its own parent$/, 'editor.api.ownParent'],
    [/^would place unit '(?<id>.*)' under itself$/, 'editor.api.cycle'],
    [/^must be one of \{\}.*$/, 'editor.api.scope'],
    [/^firstTimeUnits takes only an exchange scope$/, 'editor.api.firstTimeUnits'],
    [/^needs a size$/, 'editor.api.needsSize'],
    [/^ref '(?<ref>.*)' is already used by (?:exchange|report) (?<id>.*)$/, 'editor.api.refTaken'],
    [/^(?:unit|cohort) '(?<id>.*)' still has sub-units$/, 'editor.api.stillParent'],
    [/^(?:unit|cohort) '(?<id>.*)' is still named on an exchange's breakdown$/, 'editor.api.stillOnExchange'],
    [/^(?:unit|cohort) '(?<id>.*)' is still named by a report$/, 'editor.api.stillInReport'],
    [/^is not well-formed JSON$|^must be a whole number$|^is out of range$/, 'editor.api.number'],
  ];

  function say(message) {
    const text = String(message || '');
    for (const [pattern, key] of MESSAGES) {
      const match = pattern.exec(text);
      if (match) {
        return t(key, match.groups || {});
      }
    }
    return text;
  }

  // --- the page

  /** Builds an element: el('a', { href: '/x' }, 'text', child). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) {
        continue;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name === 'class') {
        node.className = value;
      } else if (name === 'on') {
        for (const [event, handler] of Object.entries(value)) {
          node.addEventListener(event, handler);
        }
      } else if (value === true) {
        node.setAttribute(name, '');
      } else {
        node.setAttribute(name, String(value));
      }
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  const view = () => document.getElementById('view');

  function status(text, isError) {
    const node = document.getElementById('status');
    node.textContent = text || '';
    node.classList.toggle('error', Boolean(isError));
  }

  // --- the token

  function token() {
    try {
      return sessionStorage.getItem(TOKEN_KEY);
    } catch (e) {
      return null;
    }
  }

  /** Shows the token field, with a problem when one is given; the form below stays as typed. */
  function askForToken(problem) {
    const section = document.getElementById('token');
    const input = document.getElementById('token-input');
    const message = document.getElementById('token-problem');
    section.hidden = false;
    message.hidden = !problem;
    message.textContent = problem || '';
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
    } else {
      input.removeAttribute('aria-invalid');
    }
  }

  function setUpToken() {
    document.getElementById('token-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const input = document.getElementById('token-input');
      const value = input.value.trim();
      if (!value) {
        askForToken(t('editor.token.empty'));
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, value);
      input.value = '';
      document.getElementById('token').hidden = true;
      document.getElementById('token-forget').hidden = false;
      status(t('editor.token.kept'));
      if (!state || !state.drawn) {
        route();
      }
    });
    document.getElementById('token-forget').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY);
      document.getElementById('token-forget').hidden = true;
      askForToken(null);
      status(t('editor.token.forgotten'));
    });
    const held = Boolean(token());
    document.getElementById('token').hidden = held;
    document.getElementById('token-forget').hidden = !held;
  }

  // --- the API

  /** One request to the API: the answer's status, JSON body and the headers the editor needs. */
  async function call(method, path, options) {
    const { body, etag } = options || {};
    const headers = { Accept: 'application/json' };
    const held = token();
    if (held) {
      headers.Authorization = 'Bearer ' + held;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (etag) {
      headers['If-Match'] = etag;
    }
    let response;
    try {
      response = await fetch(path, { method, headers, cache: 'no-store',
        body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      return { status: 0, json: { detail: t('editor.problem.network') } };
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (e) {
      json = { detail: text };
    }
    return { status: response.status, json, etag: response.headers.get('ETag'),
      location: response.headers.get('Location') };
  }

  /** Every item of a list, page after page. */
  async function every(kind) {
    const items = [];
    let path = API[kind] + '?limit=' + LIST_LIMIT;
    for (let pages = 0; path && pages < 20; pages++) {
      const answer = await call('GET', path);
      if (answer.status !== 200) {
        throw answer;
      }
      items.push(...answer.json.items);
      path = answer.json.nextCursor ? API[kind] + '?limit=' + LIST_LIMIT + '&cursor='
        + encodeURIComponent(answer.json.nextCursor) : null;
    }
    return items;
  }

  /** A read that failed: a 401 asks for a token, anything else is said in the status line. */
  function readFailed(answer) {
    if (answer.status === 401) {
      askForToken(t('editor.token.neededToRead'));
      status(t('editor.token.neededToRead'), true);
    } else {
      status(t('editor.problem.read', { detail: say(answer.json && answer.json.detail) }), true);
    }
  }

  // --- routing

  function route() {
    const match = /^\/edit\/(exchanges|units|cohorts|reports)\/([^/]+)\/?$/.exec(location.pathname);
    view().replaceChildren();
    if (!match) {
      showIndex();
    } else {
      const id = decodeURIComponent(match[2]);
      showForm(match[1], id === 'new' ? null : id);
    }
  }

  // --- the index

  async function showIndex() {
    state = null;
    status(t('editor.loading'));
    const root = view();
    root.append(el('h1', { text: t('editor.index.title') }),
      el('p', { class: 'note', text: t('editor.index.lede') }));
    try {
      const [units, cohorts, reports] = await Promise.all([every('units'), every('cohorts'), every('reports')]);
      const exchanges = el('ul', { class: 'records', id: 'list-exchanges' });
      root.append(
        section('exchanges', exchanges),
        section('units', list('units', units, namedTitle)),
        section('cohorts', list('cohorts', cohorts, namedTitle)),
        section('reports', list('reports', reports, reportTitle)));
      await moreExchanges(exchanges, API.exchanges + '?limit=50');
      status('');
      state = { drawn: true };
    } catch (answer) {
      readFailed(answer);
    }

    function section(kind, content) {
      return el('section', { 'aria-labelledby': 'index-' + kind },
        el('h2', { id: 'index-' + kind, text: t('editor.kind.' + kind) }),
        el('p', {}, el('a', { class: 'button', href: '/edit/' + kind + '/new', text: t('editor.new.' + kind) })),
        content);
    }

    function list(kind, items, title) {
      if (!items.length) {
        return el('p', { class: 'muted', text: t('editor.index.none') });
      }
      return el('ul', { class: 'records', id: 'list-' + kind }, items.map((item) => el('li', {},
        el('a', { href: '/edit/' + kind + '/' + encodeURIComponent(item.id) }, title(item)))));
    }

    function namedTitle(record) {
      return [record.name, ' ', el('span', { class: 'muted', text: '(' + record.id + ')' })];
    }

    async function moreExchanges(target, path) {
      const answer = await call('GET', path);
      if (answer.status !== 200) {
        throw answer;
      }
      for (const x of answer.json.items) {
        target.append(el('li', {}, el('a', { href: '/edit/exchanges/' + encodeURIComponent(x.id) },
          exchangeTitle(x)), x.ref ? el('span', { class: 'muted', text: ' · ' + x.ref }) : null));
      }
      if (!answer.json.items.length && !target.children.length) {
        target.replaceWith(el('p', { class: 'muted', text: t('editor.index.none') }));
      }
      const cursor = answer.json.nextCursor;
      if (cursor) {
        const more = el('button', { type: 'button', class: 'secondary', text: t('editor.index.more') });
        more.addEventListener('click', async () => {
          more.remove();
          try {
            await moreExchanges(target, API.exchanges + '?limit=50&cursor=' + encodeURIComponent(cursor));
          } catch (failed) {
            readFailed(failed);
          }
        });
        target.after(more);
      }
    }
  }

  function exchangeTitle(x) {
    return t(x.kind === 'bodies' ? 'editor.exchange.titleBodies' : 'editor.exchange.title',
      { date: I18N.date(x.date), returned: x.returned });
  }

  function reportTitle(r) {
    return t('editor.report.title', { metric: t('editor.metric.' + r.metric), value: r.value, asOf: I18N.date(r.asOf),
      scope: scopeText(r.scope) });
  }

  function scopeText(scope) {
    const parts = [];
    for (const name of ['year', 'cohort', 'unit', 'exchange']) {
      if (scope && scope[name] !== undefined && scope[name] !== null) {
        parts.push(t('editor.field.scope/' + name) + ' ' + scope[name]);
      }
    }
    return parts.length ? parts.join(', ') : t('editor.scope.all');
  }

  // --- forms: what each record's form holds

  /**
   * The fields of each form, in order. name is the JSON Pointer without its leading slash; type is
   * the input; rows marks a list of lines (breakdown, sources) with its own fields.
   */
  const FORMS = {
    exchanges: [
      { name: 'date', type: 'date', required: true },
      { name: 'kind', type: 'select', options: () => ['prisoners', 'bodies'].map((k) => [k, t('editor.kindOf.' + k)]) },
      { name: 'returned', type: 'number', required: true },
      { name: 'handedOver', type: 'number' },
      { name: 'civilians', type: 'number' },
      { name: 'operation', type: 'text' },
      { name: 'mediators', type: 'text', list: true },
      { rows: 'breakdown', fields: [
        { name: 'unit', type: 'select', options: () => choices(state.units) },
        { name: 'cohort', type: 'select', options: () => choices(state.cohorts) },
        { name: 'count', type: 'number' }] },
      { rows: 'sources', fields: [
        { name: 'url', type: 'url' }, { name: 'title', type: 'text' },
        { name: 'publisher', type: 'text' }, { name: 'publishedOn', type: 'date' }] },
      { name: 'notes', type: 'textarea' },
      { name: 'ref', type: 'text' },
    ],
    units: [
      { name: 'id', type: 'text', slug: true, required: true },
      { name: 'name', type: 'text', required: true },
      { name: 'parent', type: 'select', options: () => choices(state.units.filter((u) => !state.record
        || u.id !== state.record.id)) },
    ],
    cohorts: [
      { name: 'id', type: 'text', slug: true, required: true },
      { name: 'name', type: 'text', required: true },
      { name: 'size', type: 'number' },
      { name: 'sizeApproximate', type: 'checkbox' },
      { name: 'description', type: 'textarea' },
    ],
    reports: [
      { name: 'metric', type: 'select', required: true,
        options: () => ['peopleReturned', 'exchanges', 'bodiesReturned', 'firstTimeUnits']
          .map((m) => [m, t('editor.metric.' + m)]) },
      { name: 'value', type: 'number', required: true },
      { name: 'approximate', type: 'checkbox' },
      { name: 'asOf', type: 'date', required: true },
      { group: 'scope', fields: [
        { name: 'scope/year', type: 'number' },
        { name: 'scope/cohort', type: 'select', options: () => choices(state.cohorts) },
        { name: 'scope/unit', type: 'select', options: () => choices(state.units) },
        { name: 'scope/exchange', type: 'select', options: () => state.exchanges.map((x) => [x.id,
          exchangeTitle(x) + (x.ref ? ' · ' + x.ref : '')]) }] },
      { group: 'source', fields: [
        { name: 'source/url', type: 'url' }, { name: 'source/title', type: 'text' },
        { name: 'source/publisher', type: 'text' }, { name: 'source/publishedOn', type: 'date' }] },
      { name: 'notes', type: 'textarea' },
    ],
  };

  function choices(records) {
    return (records || []).map((r) => [r.id, r.name + ' (' + r.id + ')']);
  }

  const fieldId = (name) => 'f-' + name.replace(/\//g, '-');

  /** One labelled field, with its hint and the place its problem is shown. */
  function field(def, value, options) {
    const { name, type } = def;
    const id = fieldId(name);
    const label = options && options.label ? options.label : t('editor.field.' + (def.labelKey || name));
    const hintKey = 'editor.hint.' + (def.labelKey || name);
    const hint = has(hintKey) ? t(hintKey) : null;
    const described = [hint ? id + '-hint' : null].filter(Boolean);
    const common = { id, name, 'aria-describedby': described.join(' ') || null,
      'aria-required': def.required ? 'true' : null, 'data-pointer': '/' + name };
    let input;
    if (type === 'select') {
      input = el('select', common, el('option', { value: '', text: '—' }));
      const known = def.options();
      if (value && !known.some(([v]) => v === value)) {
        known.push([value, value]);
      }
      for (const [v, text] of known) {
        input.append(el('option', { value: v, text, selected: v === value }));
      }
    } else if (type === 'textarea') {
      input = el('textarea', { ...common, rows: 3 });
      input.value = value || '';
    } else if (type === 'checkbox') {
      input = el('input', { ...common, type: 'checkbox', checked: Boolean(value) });
    } else {
      input = el('input', { ...common, type: type === 'number' ? 'text' : type,
        inputmode: type === 'number' ? 'numeric' : null, autocomplete: 'off', spellcheck: 'false' });
      input.value = value === null || value === undefined ? '' : (def.list ? value.join(', ') : String(value));
    }
    if (options && options.readOnly) {
      input.disabled = true;
    }
    const labelNode = el('label', { for: id, text: label });
    const problem = el('p', { class: 'field-problem', id: id + '-problem', hidden: true });
    const hintNode = hint ? el('p', { class: 'hint', id: id + '-hint', text: hint }) : null;
    const wrapper = el('div', { class: 'field' + (type === 'checkbox' ? ' checkbox' : '') + ' field-' + type },
      type === 'checkbox' ? [input, labelNode] : [labelNode, input], hintNode, problem);
    return wrapper;
  }

  /** The value a field gives the record: null when empty; a whole number stays a number. */
  function valueOf(input, def) {
    if (def.type === 'checkbox') {
      return input.checked;
    }
    const raw = input.value.trim();
    if (raw === '') {
      return null;
    }
    if (def.type === 'number') {
      return /^-?\d+$/.test(raw) ? Number(raw) : raw;
    }
    if (def.list) {
      return raw.split(',').map((s) => s.trim()).filter((s) => s !== '');
    }
    return raw;
  }

  // --- forms: drawing one

  async function showForm(kind, id) {
    state = { kind, id, record: null, etag: null, units: [], cohorts: [], exchanges: [], drawn: false };
    status(t('editor.loading'));
    try {
      const needs = [every('units'), every('cohorts')];
      if (kind === 'reports') {
        needs.push(call('GET', API.exchanges + '?limit=500').then((a) => {
          if (a.status !== 200) {
            throw a;
          }
          return a.json.items;
        }));
      }
      [state.units, state.cohorts, state.exchanges = []] = await Promise.all(needs);
      if (id !== null) {
        const answer = await call('GET', API[kind] + '/' + encodeURIComponent(id));
        if (answer.status === 404) {
          status(t('editor.problem.notFound', { id }), true);
          view().append(el('p', {}, el('a', { href: '/edit', text: t('editor.nav.index') })));
          return;
        }
        if (answer.status !== 200) {
          throw answer;
        }
        state.record = answer.json;
        state.etag = answer.etag;
      }
    } catch (answer) {
      readFailed(answer);
      return;
    }
    drawForm();
    status('');
  }

  /**
   * (Re)draws the form: with values (what was typed) when given, else with the stored record, or
   * empty for a new record.
   */
  function drawForm(values) {
    const { kind } = state;
    const stored = state.record;
    const record = values || stored;
    const readOnly = kind === 'reports' && stored !== null;
    const form = el('form', { id: 'record', class: 'record', novalidate: true, 'aria-labelledby': 'form-title' });
    const heading = stored ? t('editor.edit.' + kind, { name: titleOf(kind, stored) }) : t('editor.new.' + kind);
    const summary = el('div', { id: 'form-problems', class: 'problems', tabindex: '-1', hidden: true });
    form.append(summary);
    for (const def of FORMS[kind]) {
      if (def.rows) {
        form.append(rowsSection(def, record ? record[def.rows] || [] : [], readOnly));
      } else if (def.group) {
        const fieldset = el('fieldset', { class: 'group', id: fieldId(def.group) },
          el('legend', { text: t('editor.group.' + def.group) }),
          hintOf('editor.hint.' + def.group),
          el('p', { class: 'field-problem', id: fieldId(def.group) + '-problem', hidden: true }));
        for (const sub of def.fields) {
          fieldset.append(field(sub, pointerValue(record, sub.name), { readOnly }));
        }
        form.append(fieldset);
      } else {
        const value = record ? record[def.name] : (def.name === 'kind' ? 'prisoners' : null);
        const node = field(def, value, { readOnly: readOnly || (def.slug && stored !== null) });
        form.append(node);
        if (def.name === 'returned') {
          form.append(el('p', { id: 'breakdown-sum', class: 'sum', role: 'status', 'aria-live': 'polite' }));
        }
      }
    }
    const actions = el('div', { class: 'actions' });
    if (readOnly) {
      form.append(el('p', { class: 'note', text: t('editor.report.readOnly') }));
    } else {
      actions.append(el('button', { type: 'submit', text: t('editor.save') }));
    }
    if (stored) {
      actions.append(el('button', { type: 'button', class: 'danger', id: 'delete', text: t('editor.delete.button'),
        on: { click: confirmDelete } }));
    }
    form.append(actions);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      save();
    });
    form.addEventListener('input', () => updateSum());
    const root = view();
    root.replaceChildren(
      el('h1', { id: 'form-title', text: heading }),
      stored ? addressOf(kind, stored) : null,
      el('div', { id: 'notice', tabindex: '-1' }),
      form,
      el('dialog', { id: 'confirm', 'aria-labelledby': 'confirm-title' }));
    if (kind === 'exchanges' && stored) {
      root.append(el('section', { id: 'history', 'aria-labelledby': 'history-title' },
        el('h2', { id: 'history-title', text: t('editor.history.title') }),
        el('p', { class: 'muted', text: t('editor.loading') })));
      showHistory(stored.id);
    }
    state.drawn = true;
    updateSum();
  }

  function hintOf(key) {
    return has(key) ? el('p', { class: 'hint', text: t(key) }) : null;
  }

  function pointerValue(record, name) {
    let value = record;
    for (const part of name.split('/')) {
      value = value && typeof value === 'object' ? value[part] : null;
    }
    return value === undefined ? null : value;
  }

  function titleOf(kind, record) {
    if (kind === 'exchanges') {
      return exchangeTitle(record);
    }
    if (kind === 'reports') {
      return reportTitle(record);
    }
    return record.name + ' (' + record.id + ')';
  }

  /** Where the record lives: its API address and this form's own. */
  function addressOf(kind, record) {
    const api = API[kind] + '/' + encodeURIComponent(record.id);
    const form = '/edit/' + kind + '/' + encodeURIComponent(record.id);
    return el('p', { class: 'address', id: 'address' },
      t('editor.address.version', { version: record.version }), ' · ',
      t('editor.address.api'), ' ', el('a', { href: api }, el('code', { text: api })), ' · ',
      t('editor.address.form'), ' ', el('a', { href: form }, el('code', { text: form })));
  }

  // --- breakdown lines and sources: always one empty row to type into

  function rowsSection(def, held, readOnly) {
    const fieldset = el('fieldset', { class: 'rows', id: fieldId(def.rows) },
      el('legend', { text: t('editor.field.' + def.rows) }),
      hintOf('editor.hint.' + def.rows),
      el('p', { class: 'field-problem', id: fieldId(def.rows) + '-problem', hidden: true }),
      el('div', { class: 'row-list' }));
    fillRows(fieldset, def, readOnly ? held : [...held, {}], readOnly);
    if (!readOnly) {
      fieldset.addEventListener('input', () => {
        const rows = fieldset.querySelectorAll('.row');
        if (!rowIsEmpty(rows[rows.length - 1], def)) {
          fieldset.querySelector('.row-list').append(row(def, rows.length, {}, false));
        }
      });
    }
    return fieldset;
  }

  function fillRows(fieldset, def, values, readOnly) {
    fieldset.querySelector('.row-list').replaceChildren(...values.map((v, i) => row(def, i, v, readOnly)));
  }

  function row(def, index, value, readOnly) {
    const base = def.rows + '/' + index;
    const node = el('div', { class: 'row', id: fieldId(base), 'data-index': index },
      el('p', { class: 'row-title', text: t('editor.row.' + def.rows, { n: index + 1 }) }));
    for (const sub of def.fields) {
      node.append(field({ ...sub, name: base + '/' + sub.name, labelKey: def.rows + '/' + sub.name },
        value[sub.name], { readOnly }));
    }
    node.append(el('p', { class: 'field-problem', id: fieldId(base) + '-problem', hidden: true }));
    if (!readOnly) {
      node.append(el('button', { type: 'button', class: 'secondary remove',
        'aria-label': t('editor.row.remove.' + def.rows, { n: index + 1 }), text: t('editor.row.remove'),
        on: { click: () => removeRow(def, index) } }));
    }
    return node;
  }

  function rowValues(fieldset, def) {
    return [...fieldset.querySelectorAll('.row')].map((node) => {
      const value = {};
      for (const sub of def.fields) {
        const input = node.querySelector('[name$="/' + sub.name + '"]');
        value[sub.name] = input.value;
      }
      return value;
    });
  }

  function rowIsEmpty(node, def) {
    return def.fields.every((sub) => node.querySelector('[name$="/' + sub.name + '"]').value.trim() === '');
  }

  function removeRow(def, index) {
    const fieldset = document.getElementById(fieldId(def.rows));
    const values = rowValues(fieldset, def);
    values.splice(index, 1);
    if (!values.length || Object.values(values[values.length - 1]).some((v) => v.trim() !== '')) {
      values.push({});
    }
    fillRows(fieldset, def, values, false);
    const next = fieldset.querySelectorAll('.row')[Math.min(index, values.length - 1)];
    next.querySelector('input, select').focus();
    updateSum();
  }

  // --- the running sum of the breakdown against returned

  function updateSum() {
    const out = document.getElementById('breakdown-sum');
    if (!out) {
      return;
    }
    const returnedText = document.getElementById('f-returned').value.trim();
    let sum = 0;
    for (const input of document.querySelectorAll('[name^="breakdown/"][name$="/count"]')) {
      const text = input.value.trim();
      if (/^\d+$/.test(text)) {
        sum += Number(text);
      }
    }
    out.classList.remove('over');
    if (!/^\d+$/.test(returnedText)) {
      out.textContent = t('editor.sum.noReturned', { sum });
      return;
    }
    const returned = Number(returnedText);
    if (sum > returned) {
      out.classList.add('over');
      out.textContent = t('editor.sum.over', { sum, returned, over: sum - returned });
    } else {
      out.textContent = t('editor.sum.within', { sum, returned, rest: returned - sum });
    }
  }

  // --- saving

  /** The record the form describes, and for each list which form row each sent line came from. */
  function body() {
    const form = document.getElementById('record');
    const record = {};
    const rowsSent = {};
    for (const def of FORMS[state.kind]) {
      if (def.rows) {
        const fieldset = document.getElementById(fieldId(def.rows));
        const lines = [];
        rowsSent[def.rows] = [];
        fieldset.querySelectorAll('.row').forEach((node, formIndex) => {
          if (rowIsEmpty(node, def)) {
            return;
          }
          const line = {};
          for (const sub of def.fields) {
            const value = valueOf(node.querySelector('[name$="/' + sub.name + '"]'), sub);
            if (value !== null) {
              line[sub.name] = value;
            }
          }
          lines.push(line);
          rowsSent[def.rows].push(formIndex);
        });
        record[def.rows] = lines;
      } else if (def.group) {
        const group = {};
        for (const sub of def.fields) {
          const value = valueOf(form.elements[sub.name], sub);
          if (value !== null) {
            group[sub.name.split('/')[1]] = value;
          }
        }
        if (def.group === 'scope' || Object.keys(group).length) {
          record[def.group] = group;
        }
      } else {
        const value = valueOf(form.elements[def.name], def);
        if (value !== null && !(def.type === 'checkbox' && !value && !state.record)) {
          record[def.name] = value;
        }
      }
    }
    if (state.kind === 'exchanges' && !record.mediators) {
      record.mediators = [];
    }
    return { record, rowsSent };
  }

  async function save() {
    const form = document.getElementById('record');
    const button = form.querySelector('button[type=submit]');
    clearProblems();
    if (!token()) {
      askForToken(t('editor.token.neededToSave'));
      return;
    }
    const { record, rowsSent } = body();
    const kind = state.kind;
    let answer;
    button.disabled = true;
    status(t('editor.saving'));
    try {
      if (kind === 'units' || kind === 'cohorts') {
        const id = state.record ? state.record.id : (record.id || '');
        if (!id) {
          showProblems([{ pointer: '/id', message: 'is required' }], rowsSent);
          status('');
          return;
        }
        answer = await call('PUT', API[kind] + '/' + encodeURIComponent(id),
          { body: record, etag: state.record ? state.etag : null });
      } else if (state.record) {
        answer = await call('PUT', API[kind] + '/' + encodeURIComponent(state.record.id),
          { body: record, etag: state.etag });
      } else {
        answer = await call('POST', API[kind], { body: record });
      }
    } finally {
      button.disabled = false;
    }
    if (answer.status === 200 || answer.status === 201) {
      saved(answer);
    } else {
      refused(answer, rowsSent);
    }
  }

  /** After a save: the stored record, its version and its address; the form now holds what is stored. */
  function saved(answer) {
    const created = !state.record;
    state.record = answer.json;
    state.etag = answer.etag;
    const address = '/edit/' + state.kind + '/' + encodeURIComponent(answer.json.id);
    if (location.pathname !== address) {
      history.replaceState(null, '', address);
    }
    drawForm();
    const notice = document.getElementById('notice');
    notice.className = 'saved';
    notice.setAttribute('role', 'status');
    notice.replaceChildren(el('p', { text: t(created ? 'editor.saved.created' : 'editor.saved.updated',
      { version: answer.json.version }) }));
    status(t(created ? 'editor.saved.created' : 'editor.saved.updated', { version: answer.json.version }));
    notice.focus();
  }

  /** A refused save: every problem at its field, the first one focused; nothing typed is touched. */
  function refused(answer, rowsSent) {
    const problem = answer.json || {};
    status('');
    if (answer.status === 401) {
      sessionStorage.removeItem(TOKEN_KEY);
      document.getElementById('token-forget').hidden = true;
      askForToken(t('editor.token.unknown'));
      return;
    }
    if (answer.status === 403) {
      askForToken(t('editor.token.cannotWrite'));
      return;
    }
    if (answer.status === 412) {
      stale();
      return;
    }
    if (answer.status === 428 && !state.record) {
      showProblems([{ pointer: '/id', message: t('editor.problem.idTaken') }], rowsSent);
      return;
    }
    if (answer.status === 409 && problem.existingId) {
      showProblems([{ pointer: '/ref', message: say(problem.detail),
        link: '/edit/' + state.kind + '/' + encodeURIComponent(problem.existingId) }], rowsSent);
      return;
    }
    if (answer.status === 404 && state.record) {
      showProblems([{ pointer: '', message: t('editor.problem.deletedMeanwhile') }], rowsSent);
      return;
    }
    const errors = Array.isArray(problem.errors) && problem.errors.length ? problem.errors
      : [{ pointer: '', message: problem.detail || t('editor.problem.status', { status: answer.status }) }];
    showProblems(errors, rowsSent);
  }

  /** The form's field (or row, or group) a JSON Pointer into the sent body names. */
  function targetOf(pointer, rowsSent) {
    let parts = String(pointer || '').split('/').slice(1);
    if (parts.length >= 2 && rowsSent[parts[0]] && /^\d+$/.test(parts[1])) {
      const formIndex = rowsSent[parts[0]][Number(parts[1])];
      parts = [parts[0], String(formIndex === undefined ? parts[1] : formIndex), ...parts.slice(2)];
    }
    while (parts.length) {
      const id = fieldId(parts.join('/'));
      const node = document.getElementById(id);
      if (node) {
        return { id, node };
      }
      parts = parts.slice(0, -1);
    }
    return null;
  }

  function showProblems(errors, rowsSent) {
    const summary = document.getElementById('form-problems');
    const items = [];
    const marked = [];
    for (const error of errors) {
      const message = error.link ? error.message : say(error.message);
      const target = error.pointer === undefined ? null : targetOf(error.pointer, rowsSent);
      const input = target ? (/^(INPUT|SELECT|TEXTAREA)$/.test(target.node.tagName) ? target.node
        : target.node.querySelector('input, select, textarea')) : null;
      if (target) {
        const slot = document.getElementById(target.id + '-problem');
        slot.hidden = false;
        if (slot.childNodes.length) {
          slot.append(el('br'));
        }
        slot.append(el('span', { text: message }));
        if (error.link) {
          slot.append(' ', el('a', { href: error.link, text: t('editor.problem.open') }));
        }
        if (input) {
          input.setAttribute('aria-invalid', 'true');
          const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
          if (!described.includes(slot.id)) {
            input.setAttribute('aria-describedby', [slot.id, ...described].join(' '));
          }
          marked.push(input);
        }
      }
      const label = input ? labelText(input) : null;
      items.push(el('li', {}, input ? el('a', { href: '#' + input.id, text: label + ': ' + message })
        : message));
    }
    summary.hidden = false;
    summary.setAttribute('role', 'alert');
    summary.replaceChildren(el('p', { text: t('editor.problem.refused', { count: errors.length }) }),
      el('ul', {}, items));
    const first = marked.sort((a, b) =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    (first || summary).focus();
  }

  function labelText(input) {
    const label = document.querySelector('label[for="' + input.id + '"]');
    const row = input.closest('.row');
    const prefix = row ? row.querySelector('.row-title').textContent + ', ' : '';
    return prefix + (label ? label.textContent : input.name);
  }

  function clearProblems() {
    for (const slot of document.querySelectorAll('#record .field-problem')) {
      slot.hidden = true;
      slot.replaceChildren();
    }
    for (const input of document.querySelectorAll('#record [aria-invalid]')) {
      input.removeAttribute('aria-invalid');
      const described = (input.getAttribute('aria-describedby') || '').split(' ')
        .filter((id) => id && !id.endsWith('-problem'));
      if (described.length) {
        input.setAttribute('aria-describedby', described.join(' '));
      } else {
        input.removeAttribute('aria-describedby');
      }
    }
    const summary = document.getElementById('form-problems');
    summary.hidden = true;
    summary.replaceChildren();
    const notice = document.getElementById('notice');
    notice.replaceChildren();
    notice.className = '';
    notice.removeAttribute('role');
  }

  // --- a stale save: what changed meanwhile, and a reload that the person chooses

  async function stale() {
    const kind = state.kind;
    const answer = await call('GET', API[kind] + '/' + encodeURIComponent(state.record.id));
    const notice = document.getElementById('notice');
    notice.className = 'stale';
    notice.setAttribute('role', 'alert');
    if (answer.status === 404) {
      notice.replaceChildren(el('p', { text: t('editor.problem.deletedMeanwhile') }));
      notice.focus();
      return;
    }
    const changes = differences(state.record, answer.json);
    let who = null;
    if (kind === 'exchanges') {
      const versions = await call('GET', API.exchanges + '/' + encodeURIComponent(state.record.id) + '/history');
      if (versions.status === 200 && versions.json.items.length) {
        const last = versions.json.items.reduce((a, b) => (a.version > b.version ? a : b));
        who = t('editor.stale.by', { actor: last.actor, at: when(last.at) });
      }
    }
    const reload = el('button', { type: 'button', id: 'reload', text: t('editor.stale.reload') });
    reload.addEventListener('click', () => {
      state.record = answer.json;
      state.etag = answer.etag;
      drawForm();
      status(t('editor.stale.reloaded', { version: answer.json.version }));
      document.getElementById('form-title').focus();
    });
    notice.replaceChildren(
      el('h2', { text: t('editor.stale.title') }),
      el('p', { text: t('editor.stale.what', { mine: state.record.version, now: answer.json.version }) }),
      who ? el('p', { text: who }) : null,
      changes.length ? el('ul', { class: 'changes' }, changes.map(changeItem))
        : el('p', { text: t('editor.stale.noVisibleChange') }),
      el('p', { text: t('editor.stale.kept') }),
      el('p', {}, reload));
    notice.focus();
  }

  const IGNORED = ['version', 'createdAt', 'updatedAt', 'unattributed', 'id'];

  /** The top-level fields whose values differ between two versions of a record. */
  function differences(before, after) {
    const names = new Set([...Object.keys(before || {}), ...Object.keys(after || {})]);
    const changed = [];
    for (const name of names) {
      if (IGNORED.includes(name)) {
        continue;
      }
      const a = shown(before ? before[name] : null);
      const b = shown(after ? after[name] : null);
      if (a !== b) {
        changed.push({ name, before: a, after: b });
      }
    }
    return changed;
  }

  function shown(value) {
    if (value === null || value === undefined || (Array.isArray(value) && !value.length)) {
      return '—';
    }
    if (Array.isArray(value)) {
      return value.map((v) => (typeof v === 'object' ? lineText(v) : String(v))).join('; ');
    }
    if (typeof value === 'object') {
      return lineText(value);
    }
    return String(value);
  }

  function lineText(value) {
    if ('count' in value) {
      return [value.unit, value.cohort].filter(Boolean).join('/') + ': ' + value.count;
    }
    if ('url' in value) {
      return value.title ? value.title + ' <' + value.url + '>' : value.url;
    }
    return Object.entries(value).map(([k, v]) => k + ' ' + v).join(', ') || '{}';
  }

  function changeItem(change) {
    const label = t('editor.field.' + change.name);
    return el('li', {}, el('strong', { text: label }), ': ', el('del', { text: change.before }), ' → ',
      el('ins', { text: change.after }));
  }

  function when(at) {
    const date = new Date(at);
    return isNaN(date) ? at : date.toLocaleString(I18N.locale(), { dateStyle: 'medium', timeStyle: 'short' });
  }

  // --- history

  async function showHistory(id) {
    const section = document.getElementById('history');
    const answer = await call('GET', API.exchanges + '/' + encodeURIComponent(id) + '/history');
    if (!section.isConnected) {
      return;
    }
    if (answer.status !== 200) {
      section.replaceChildren(section.firstChild, el('p', { class: 'muted',
        text: say(answer.json && answer.json.detail) }));
      return;
    }
    const versions = [...answer.json.items].sort((a, b) => a.version - b.version);
    const items = versions.map((v, i) => {
      const changes = i === 0 ? [] : differences(versions[i - 1].record, v.record);
      return el('li', {},
        el('p', {}, el('strong', { text: t('editor.history.version', { version: v.version }) }), ' · ',
          t('editor.history.action.' + v.action), ' · ', el('time', { datetime: v.at, text: when(v.at) }), ' · ',
          t('editor.history.by', { actor: v.actor })),
        changes.length ? el('ul', { class: 'changes' }, changes.map(changeItem)) : null);
    }).reverse();
    section.replaceChildren(section.firstChild, el('ol', { class: 'history', reversed: true }, items));
  }

  // --- deleting, after saying what it changes

  function confirmDelete() {
    const dialog = document.getElementById('confirm');
    const { kind, record } = state;
    const problem = el('p', { class: 'field-problem', id: 'confirm-problem', role: 'alert', hidden: true });
    const yes = el('button', { type: 'button', class: 'danger', id: 'confirm-delete', text: t('editor.delete.yes') });
    const no = el('button', { type: 'button', class: 'secondary', text: t('editor.delete.no') });
    no.addEventListener('click', () => dialog.close());
    yes.addEventListener('click', async () => {
      yes.disabled = true;
      const answer = await call('DELETE', API[kind] + '/' + encodeURIComponent(record.id));
      yes.disabled = false;
      if (answer.status === 204 || answer.status === 200) {
        dialog.close();
        deleted();
      } else if (answer.status === 401 || answer.status === 403) {
        dialog.close();
        refused(answer, {});
      } else {
        problem.hidden = false;
        problem.textContent = answer.status === 409
          ? t('editor.delete.refused', { detail: say(answer.json && answer.json.detail) })
          : say(answer.json && answer.json.detail);
        no.focus();
      }
    });
    dialog.replaceChildren(
      el('h2', { id: 'confirm-title', text: t('editor.delete.title.' + kind, { name: titleOf(kind, record) }) }),
      el('p', { text: t('editor.delete.effect.' + kind, { id: record.id }) }),
      problem,
      el('div', { class: 'actions' }, yes, no));
    if (!token()) {
      askForToken(t('editor.token.neededToSave'));
      return;
    }
    dialog.showModal();
    no.focus();
  }

  function deleted() {
    const { kind, record } = state;
    state = { drawn: true };
    view().replaceChildren(
      el('h1', { text: t('editor.deleted.title') }),
      el('p', { id: 'notice', class: 'saved', role: 'status', tabindex: '-1',
        text: t('editor.deleted.' + kind, { name: titleOf(kind, record) }) }),
      el('p', {}, el('a', { href: '/edit', text: t('editor.nav.index') }), ' · ',
        el('a', { href: '/edit/' + kind + '/new', text: t('editor.new.' + kind) })));
    status(t('editor.deleted.title'));
    document.getElementById('notice').focus();
  }

  // --- start

  async function start() {
    await I18N.start(() => {
      // a new language: redraw the words around what was typed, never the values
      if (state && state.drawn && state.kind) {
        drawForm({ ...(state.record || {}), ...body().record });
      } else {
        route();
      }
    });
    setUpToken();
    route();
  }

  start();
})();
