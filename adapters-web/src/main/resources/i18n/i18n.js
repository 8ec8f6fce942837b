/*
 * POW Ledger pages in the reader's language. Shared by every page the server serves (the dashboard,
 * the editor): a page loads this file before its own script and asks PowLedgerI18n for its words.
 *
 * - The strings live in one file per language, /i18n/LANG.json (flat keys; a value is a text with
 *   {name} placeholders, or, where a count decides the form, an object of plural forms keyed by
 *   Intl.PluralRules categories: one, few, many, other). A new language is a new file: the server
 *   lists the files it has and renders the language switch from them.
 * - The server renders the page in the language the browser's Accept-Language prefers
 *   (<html lang>), filling every element marked data-i18n="key" (its text) and
 *   data-i18n-attr="attribute:key;..." (its attributes). A choice made with the switch is kept in
 *   localStorage and wins over Accept-Language on the next visit; then this file fills the same
 *   marks again in the chosen language.
 * - Numbers and dates are written by Intl in the language's locale ("1 358", "30 грудня 2024 р.").
 */
'use strict';

window.PowLedgerI18n = (function () {
  const STORAGE_KEY = 'powledger.language';
  const DATE = /^\d{4}-\d{2}-\d{2}$/;
  const PERIOD = /^(\d{4})(?:-(\d{2})|-Q([1-4]))?$/;

  let strings = {};
  let fallback = {};
  let language = null;
  let locale = 'en';
  const listeners = [];

  function available() {
    return Array.from(document.querySelectorAll('[data-language]')).map((b) => b.getAttribute('data-language'));
  }

  function stored() {
    try {
      return localStorage.getItem(STORAGE_KEY);
    } catch (e) {
      return null;
    }
  }

  function remember(lang) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch (e) {
      // a browser that keeps nothing: the choice lasts as long as the page
    }
  }

  async function fetchStrings(lang) {
    const response = await fetch('/i18n/' + encodeURIComponent(lang) + '.json', {
      headers: { Accept: 'application/json' }, credentials: 'same-origin', redirect: 'error',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
    return response.json();
  }

  /** The text for key in the current language (the server's default language where a file lacks it). */
  function t(key, vars) {
    let value = key in strings ? strings[key] : fallback[key];
    if (value === undefined) return key;
    if (typeof value === 'object') {
      const count = vars && typeof vars.count === 'number' ? vars.count : 0;
      value = value[new Intl.PluralRules(locale).select(count)] || value.other;
    }
    return value.replace(/\{(\w+)\}/g, (whole, name) => (vars && name in vars ? String(vars[name]) : whole));
  }

  function num(n, options) {
    return n === null || n === undefined ? '—' : new Intl.NumberFormat(locale, options).format(n);
  }

  /** A change, always with its sign: "+356", "−42", "±0". */
  function signed(n, options) {
    return (n > 0 ? '+' : n < 0 ? '−' : '±') + num(Math.abs(n), options);
  }

  function percent(share) {
    return num(share, { style: 'percent', maximumFractionDigits: 1 });
  }

  function utc(iso) {
    const [y, m, d] = iso.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d || 1));
  }

  /** A date of the ledger (YYYY-MM-DD) as the reader writes it: long ("30 грудня 2024 р.") or short. */
  function date(iso, long) {
    if (!iso || !DATE.test(iso)) return iso || '—';
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: long ? 'long' : 'short', year: 'numeric',
      timeZone: 'UTC' }).format(utc(iso));
  }

  /** A period of a series (2024-12, 2024-Q4, 2024) in words: "грудень 2024 р.", "Q4 2024". */
  function period(text, style) {
    const match = PERIOD.exec(text || '');
    if (!match) return text || '—';
    if (match[2]) {
      return new Intl.DateTimeFormat(locale, { month: style || 'long', year: 'numeric', timeZone: 'UTC' })
        .format(utc(text + '-01'));
    }
    if (match[3]) return t('period.quarter', { quarter: match[3], year: match[1] });
    return match[1];
  }

  /** The name of a month alone (1–12), for chart axes. */
  function monthName(month, style) {
    return new Intl.DateTimeFormat(locale, { month: style || 'short', timeZone: 'UTC' })
      .format(new Date(Date.UTC(2000, month - 1, 1)));
  }

  /** Fills every data-i18n and data-i18n-attr mark under root with the current language. */
  function apply(root) {
    const scope = root || document;
    for (const node of scope.querySelectorAll('[data-i18n]')) {
      node.textContent = t(node.getAttribute('data-i18n'));
    }
    for (const node of scope.querySelectorAll('[data-i18n-attr]')) {
      for (const pair of node.getAttribute('data-i18n-attr').split(';')) {
        const [attribute, key] = pair.split(':');
        if (attribute && key) node.setAttribute(attribute.trim(), t(key.trim()));
      }
    }
    if (!root) {
      document.documentElement.lang = language;
      for (const button of document.querySelectorAll('[data-language]')) {
        button.setAttribute('aria-pressed', String(button.getAttribute('data-language') === language));
      }
    }
  }

  async function use(lang) {
    strings = await fetchStrings(lang);
    language = lang;
    locale = strings['language.locale'] || lang;
    apply();
  }

  /**
   * Loads the strings of the language to show (the one chosen with the switch earlier, else the one
   * the server rendered the page in), wires the switch, and resolves with the language.
   * onChange runs after the reader switches language, to draw the page's figures again.
   */
  async function start(onChange) {
    if (onChange) listeners.push(onChange);
    const rendered = document.documentElement.lang;
    const languages = available();
    fallback = await fetchStrings(rendered).catch(() => ({}));
    const chosen = stored();
    if (chosen && chosen !== rendered && languages.includes(chosen)) {
      try {
        await use(chosen);
      } catch (e) {
        strings = fallback;
        language = rendered;
      }
    } else {
      strings = fallback;
      language = rendered;
      locale = strings['language.locale'] || rendered;
      apply();
    }
    for (const button of document.querySelectorAll('[data-language]')) {
      button.addEventListener('click', async () => {
        const lang = button.getAttribute('data-language');
        remember(lang);
        if (lang === language) return;
        try {
          await use(lang);
        } catch (e) {
          return;
        }
        for (const listener of listeners) listener(lang);
      });
    }
    return language;
  }

  return {
    start, t, num, signed, percent, date, period, monthName, apply,
    language: () => language,
    locale: () => locale,
  };
}());
