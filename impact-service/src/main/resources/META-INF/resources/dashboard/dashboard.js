// Alize impact dashboard: reads impact-service's own API with the bearer token given (pasted, or #token=... in the
// URL, which never reaches the server and is removed from the address bar once read) and draws three charts as SVG.
// No build step, no dependency, no inline script or style: impact-service's Content-Security-Policy allows neither.
(function () {
  'use strict';
  const SVG = 'http://www.w3.org/2000/svg';
  const params = new URLSearchParams(location.search);
  const fragment = new URLSearchParams(location.hash.slice(1));
  const yearInput = document.getElementById('year');
  const tokenInput = document.getElementById('token');

  yearInput.value = params.get('year') || new Date().getFullYear();
  tokenInput.value = fragment.get('token') || sessionStorage.getItem('alize-token') || '';
  if (fragment.has('token')) {
    // read once: the token leaves the address bar (and the history), so it is not shared with the URL or bookmarked
    history.replaceState(null, '', location.pathname + location.search);
  }

  function element(parent, name, attributes, text) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function get(path, token) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' } });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
      throw new Error(path + ': ' + response.status + ' ' + detail);
    }
    return response.json();
  }

  function drawTarget(progress) {
    const svg = document.getElementById('target-chart');
    clear(svg);
    const left = 40, bottom = 230, width = 560, height = 200;
    const max = Math.max(progress.target, progress.forecast, ...progress.months.map(m => m.supportedSmes), 1);
    const x = month => left + (month - 0.5) * width / 12;
    const y = value => bottom - value * height / max;
    element(svg, 'line', { class: 'axis', x1: left, y1: bottom, x2: left + width, y2: bottom });
    element(svg, 'line', { class: 'axis', x1: left, y1: bottom, x2: left, y2: bottom - height });
    element(svg, 'line', { class: 'target', 'data-target': progress.target, x1: left, x2: left + width,
      y1: y(progress.target), y2: y(progress.target) });
    element(svg, 'text', { x: left + width - 4, y: y(progress.target) - 4, 'text-anchor': 'end' }, 'target ' + progress.target);
    element(svg, 'polyline', { class: 'curve',
      points: progress.months.map(m => x(m.month) + ',' + y(m.supportedSmes)).join(' ') });
    progress.months.forEach(m => {
      element(svg, 'circle', { class: 'point', r: 3.5, cx: x(m.month), cy: y(m.supportedSmes),
        'data-month': m.month, 'data-value': m.supportedSmes });
      element(svg, 'text', { x: x(m.month), y: bottom + 14, 'text-anchor': 'middle' }, m.month);
    });
    document.getElementById('target-summary').textContent = progress.supportedSmes + ' of ' + progress.target
      + ' SMEs supported in ' + progress.year + '; forecast at year end: ' + progress.forecast
      + (progress.onTrack ? ' (on track)' : ' (behind)');
  }

  function drawJobs(yearly) {
    const svg = document.getElementById('jobs-chart');
    clear(svg);
    const years = yearly.years.filter(y => y.jobsCreated + y.jobsPreserved > 0);
    const left = 40, bottom = 230, width = 560, height = 200;
    const max = Math.max(1, ...years.map(y => y.jobsCreated + y.jobsPreserved));
    const slot = width / Math.max(years.length, 1);
    element(svg, 'line', { class: 'axis', x1: left, y1: bottom, x2: left + width, y2: bottom });
    years.forEach((y, i) => {
      const created = y.jobsCreated * height / max, preserved = y.jobsPreserved * height / max;
      const bar = left + i * slot + slot * 0.2;
      element(svg, 'rect', { class: 'created', x: bar, width: slot * 0.6, y: bottom - created, height: created,
        'data-year': y.year, 'data-created': y.jobsCreated });
      element(svg, 'rect', { class: 'preserved', x: bar, width: slot * 0.6, y: bottom - created - preserved,
        height: preserved, 'data-year': y.year, 'data-preserved': y.jobsPreserved });
      element(svg, 'text', { x: bar + slot * 0.3, y: bottom + 14, 'text-anchor': 'middle' }, y.year);
      element(svg, 'text', { x: bar + slot * 0.3, y: bottom - created - preserved - 4, 'text-anchor': 'middle' },
        y.jobsCreated + ' + ' + y.jobsPreserved);
    });
  }

  function drawPartners(report) {
    const svg = document.getElementById('partners-chart');
    clear(svg);
    const rowHeight = 28, left = 200, width = 400;
    svg.setAttribute('viewBox', '0 0 640 ' + Math.max(60, report.partners.length * rowHeight + 20));
    const max = Math.max(1, ...report.partners.map(p => Math.max(p.skillDays, p.pledgedDays || 0)));
    const body = document.querySelector('#partners-table tbody');
    body.textContent = '';
    report.partners.forEach((p, i) => {
      const top = 10 + i * rowHeight;
      const label = p.name || p.partnerId;
      element(svg, 'text', { x: left - 8, y: top + 14, 'text-anchor': 'end' }, label);
      element(svg, 'rect', { class: 'given', x: left, y: top, height: 18, width: p.skillDays * width / max,
        'data-partner': label, 'data-days': Number(p.skillDays).toFixed(2) });
      if (p.pledgedDays) {
        element(svg, 'rect', { class: 'pledged', x: left, y: top, height: 18, width: p.pledgedDays * width / max,
          'data-partner': label, 'data-pledged': p.pledgedDays });
      }
      const row = body.insertRow();
      [label, p.hours, p.skillDays, p.pledgedDays ?? '', p.value ?? ''].forEach(v => { row.insertCell().textContent = v; });
    });
  }

  async function show() {
    const token = tokenInput.value.trim();
    const year = yearInput.value;
    const message = document.getElementById('message');
    if (!token) {
      message.textContent = 'Paste a token of role cci or analyst.';
      return;
    }
    sessionStorage.setItem('alize-token', token);
    document.body.dataset.state = 'loading';
    try {
      const [progress, yearly, partners] = await Promise.all([
        get('/targets/' + year, token), get('/yearly', token), get('/contributions/' + year, token)]);
      drawTarget(progress);
      drawJobs(yearly);
      drawPartners(partners);
      message.textContent = '';
      document.body.dataset.state = 'ready';
    } catch (error) {
      message.textContent = error.message;
      document.body.dataset.state = 'error';
    }
  }

  document.getElementById('settings').addEventListener('submit', event => { event.preventDefault(); show(); });
  show();
})();
