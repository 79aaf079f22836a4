// Alize dashboard pages: what the programme view and the annual report share. Sign-in (the token never stays in the
// address bar), French first with English as an option, French number and date formats, calls to impact-service's
// own API, and small SVG helpers. No dependency, no build step, no inline script or style (the service's
// Content-Security-Policy allows neither).
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const TOKEN_KEY = 'alize-token';
  const LANG_KEY = 'alize-lang';

  // --- sign-in -------------------------------------------------------------------------------------------------
  // Local demo: the launcher prints this page's address with a token in its fragment (#token=...). The fragment is
  // never sent to a server; the page moves the token to sessionStorage (this tab only, gone when it closes) and
  // removes it from the address bar and the history at once. Production: the CCI's identity provider, authorization
  // code + PKCE, puts the access token in the same sessionStorage entry (docs/impact-service.md, "Dashboard").
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has('token')) {
    sessionStorage.setItem(TOKEN_KEY, fragment.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  function signOut() {
    sessionStorage.removeItem(TOKEN_KEY);
  }

  /** The roles of the token (its groups claim), read to choose what to show; the server checks them on every call. */
  function roles() {
    const t = token();
    if (!t) return [];
    try {
      const payload = JSON.parse(atob(t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return Array.isArray(payload.groups) ? payload.groups : [];
    } catch (ignored) {
      return [];
    }
  }

  class HttpError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function get(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token(), Accept: 'application/json' } });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
      throw new HttpError(response.status, path + ' : ' + response.status + ' ' + detail);
    }
    return response.json();
  }

  // --- language and formats ------------------------------------------------------------------------------------
  const params = new URLSearchParams(location.search);
  let lang = params.get('lang') || localStorage.getItem(LANG_KEY) || 'fr';
  if (lang !== 'fr' && lang !== 'en') lang = 'fr';
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  document.documentElement.lang = lang;

  const texts = {};

  /** Registers a page's texts: {key: {fr: ..., en: ...}} (a value may be a function of arguments). */
  function define(entries) {
    Object.assign(texts, entries);
  }

  function t(key, ...args) {
    const entry = texts[key];
    if (!entry) return key;
    const value = entry[lang] !== undefined ? entry[lang] : entry.fr;
    return typeof value === 'function' ? value(...args) : value;
  }

  /** Fills every element with data-i18n="key" with its text in the page's language. */
  function translatePage() {
    document.querySelectorAll('[data-i18n]').forEach(node => { node.textContent = t(node.dataset.i18n); });
    document.querySelectorAll('[data-i18n-label]').forEach(node => { node.setAttribute('aria-label', t(node.dataset.i18nLabel)); });
    const other = document.getElementById('language');
    if (other) {
      const target = lang === 'fr' ? 'en' : 'fr';
      const url = new URL(location.href);
      url.searchParams.set('lang', target);
      other.href = url.pathname + url.search;
      other.textContent = target === 'en' ? 'English' : 'Français';
      other.lang = target;
      other.hreflang = target;
      other.addEventListener('click', () => localStorage.setItem(LANG_KEY, target));
    }
  }

  const integers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const euros = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const plural = new Intl.PluralRules(locale);
  const dates = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });
  const dateTimes = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit',
    minute: '2-digit', second: '2-digit', timeZone: 'Europe/Paris', timeZoneName: 'short' });

  const format = {
    integer: n => integers.format(n),
    decimal: n => decimals.format(n),
    euros: n => euros.format(n),
    percent: n => percents.format(n),
    /** "1 jour", "3,5 jours": the word follows the number's plural category in the page's language. */
    count: (n, one, other) => decimals.format(n) + '\u00a0' + (plural.select(n) === 'one' ? one : other),
    /** A calendar date (YYYY-MM-DD) as a date of the page's language. */
    day: iso => iso ? dates.format(new Date(iso + 'T12:00:00Z')) : '',
    /** An instant in Paris time. */
    instant: iso => iso ? dateTimes.format(new Date(iso)) : '',
    plural: n => plural.select(n)
  };

  // --- DOM and SVG ---------------------------------------------------------------------------------------------
  function html(parent, name, attributes, text) {
    const node = document.createElement(name);
    Object.entries(attributes || {}).forEach(([key, value]) => { if (value !== undefined && value !== null) node.setAttribute(key, value); });
    if (text !== undefined && text !== null) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }

  function svg(parent, name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }

  /** A table: caption, header cells, rows of cells ({text, data: {...}, numeric}), and an optional footer row. */
  function table(parent, id, caption, headers, rows, footer) {
    const t = html(parent, 'table', { id });
    if (caption) html(t, 'caption', {}, caption);
    const head = html(html(t, 'thead'), 'tr');
    headers.forEach(h => html(head, 'th', { scope: 'col' }, h));
    const body = html(t, 'tbody');
    rows.forEach(cells => row(body, cells));
    if (footer) row(html(t, 'tfoot'), footer, true);
    return t;
  }

  function row(section, cells, isFooter) {
    const tr = html(section, 'tr');
    if (cells.data) Object.entries(cells.data).forEach(([k, v]) => { tr.dataset[k] = v; });
    (cells.cells || cells).forEach((cell, i) => {
      const c = typeof cell === 'object' && cell !== null ? cell : { text: cell };
      const td = html(tr, i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : {});
      if (c.href) html(td, 'a', { href: c.href }, c.text); else td.textContent = c.text;
      if (c.numeric) td.className = 'number';
    });
    if (isFooter) tr.className = 'total';
    return tr;
  }

  /**
   * Runs a page's drawing: the page is 'ready' when it ends; a 401 signs out and says the session expired
   * ({@code signedOut} shows the sign-in), any other failure is said in {@code message} and the page is in 'error'.
   */
  async function draw(message, signedOut, work) {
    try {
      await work();
      message.textContent = '';
      document.body.dataset.state = 'ready';
    } catch (error) {
      if (error.status === 401) {
        signOut();
        signedOut(t('expired'));
        return;
      }
      message.textContent = error.message;
      document.body.dataset.state = 'error';
    }
  }

  window.Alize = { token, signOut, roles, get, HttpError, define, t, translatePage, format, html, svg, clear, table,
    lang, locale, params, draw };
})();
