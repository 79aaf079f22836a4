// The programme view: the headline over a period of whole years (two by default), each year's target progress, the
// trend of jobs, the lists behind the figures, the breakdowns, partner contributions, the missions funnel, needs by
// category and, for the CCI's coordinators, the worklist. Charts are hand-drawn SVG, each with its figures as text.
(function () {
  'use strict';
  const A = Alize, t = A.t, f = A.format, html = A.html, svg = A.svg;
  const fromInput = document.getElementById('from');
  const toInput = document.getElementById('to');
  const daysInput = document.getElementById('days');
  const message = document.getElementById('message');
  const thisYear = new Date().getFullYear();
  const to = Number(A.params.get('to') || A.params.get('year') || thisYear);
  const from = Number(A.params.get('from') || to - 1);
  fromInput.value = from;
  toInput.value = to;
  if (A.params.get('days')) daysInput.value = A.params.get('days');
  A.translatePage();
  document.title = 'Alize — ' + t('title');

  const sum = (list, field) => list.reduce((s, x) => s + Number(x[field] || 0), 0);
  const years = [];
  for (let y = from; y <= to; y++) years.push(y);
  // as of a past instant (?asOf=, RFC 3339) every figure and list counts only the events recorded by then
  const asOf = A.params.get('asOf');
  const at = path => asOf ? path + (path.includes('?') ? '&' : '?') + 'asOf=' + encodeURIComponent(asOf) : path;
  const range = '?from=' + from + '-01-01&to=' + to + '-12-31';
  if (asOf) {
    const note = document.getElementById('as-of-note');
    note.hidden = false;
    note.dataset.asOf = asOf;
    note.textContent = t('asOfNote', f.instant(asOf));
  }

  function signedOut(text) {
    document.getElementById('sign-in').hidden = false;
    document.getElementById('contenu').hidden = true;
    document.getElementById('sign-out').hidden = true;
    message.textContent = text || '';
    document.body.dataset.state = 'signed-out';
  }

  // --- headline ------------------------------------------------------------------------------------------------
  function headline(totals) {
    const p = A.clear(document.getElementById('headline'));
    p.append(t('inPeriod', from, to));
    html(p, 'a', { href: '#liste-entreprises', 'data-figure': 'companiesSupported', 'data-value': totals.companiesSupported },
      t('companies', totals.companiesSupported));
    p.append(', ');
    html(p, 'a', { href: '#liste-emplois', 'data-figure': 'jobsCreated', 'data-value': totals.jobsCreated }, t('created', totals.jobsCreated));
    p.append(t('and'));
    html(p, 'a', { href: '#liste-emplois', 'data-figure': 'jobsPreserved', 'data-value': totals.jobsPreserved }, t('preserved', totals.jobsPreserved));
    p.append('.');
    const more = document.getElementById('headline-more');
    more.dataset.figure = 'missionsStarted';
    more.dataset.value = totals.missionsStarted;
    more.textContent = t('missionsStartedLine', totals.missionsStarted);
  }

  // --- target progress: one bar per year, the target as a marked line, and the sentence ------------------------
  function targets(progress) {
    const box = A.clear(document.getElementById('targets'));
    progress.forEach(p => {
      const figure = html(box, 'figure', { class: 'target', 'data-year': p.year, 'data-supported': p.supportedSmes, 'data-target': p.target });
      const captionId = 'target-' + p.year;
      const share = p.target > 0 ? f.percent(p.supportedSmes / p.target) : '—';
      const chart = svg(figure, 'svg', { viewBox: '0 0 640 56', role: 'img', 'aria-labelledby': captionId });
      const left = 10, width = 600, max = Math.max(p.target, p.supportedSmes, p.forecast, 1);
      svg(chart, 'title', {}, t('chartTarget', p.year, p.supportedSmes, p.target));
      svg(chart, 'rect', { class: 'track', x: left, y: 14, width, height: 20 });
      svg(chart, 'rect', { class: 'done', x: left, y: 14, width: p.supportedSmes * width / max, height: 20 });
      const mark = left + p.target * width / max;
      svg(chart, 'line', { class: 'target-line', x1: mark, x2: mark, y1: 6, y2: 42 });
      svg(chart, 'text', { x: Math.min(mark, 600), y: 54, 'text-anchor': 'middle' }, t('targetMark') + ' ' + f.integer(p.target));
      svg(chart, 'text', { x: left + 4, y: 10 }, f.integer(p.supportedSmes));
      html(figure, 'figcaption', { id: captionId }, t('targetLine', p.year, p.supportedSmes, p.target, share)
        + t('forecast', p.forecast, p.onTrack));
    });
  }

  // --- jobs per year: grouped bars, created solid and preserved hatched, values on the bars and the axis -------
  function jobs(yearly) {
    const box = A.clear(document.getElementById('jobs'));
    const rows = years.map(y => yearly.years.find(x => x.year === y) || { year: y, jobsCreated: 0, jobsPreserved: 0 });
    const figure = html(box, 'figure');
    const chart = svg(figure, 'svg', { viewBox: '0 0 640 260', role: 'img', 'aria-labelledby': 'jobs-caption' });
    const defs = svg(chart, 'defs');
    const pattern = svg(defs, 'pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    svg(pattern, 'rect', { class: 'hatch-bg', width: 6, height: 6 });
    svg(pattern, 'line', { class: 'hatch-line', x1: 0, y1: 0, x2: 0, y2: 6 });
    const left = 50, bottom = 220, width = 570, height = 180;
    // axis steps of 1, 2 or 5 times a power of ten, about four of them, up to the largest bar or just above
    const highest = Math.max(1, ...rows.map(r => Math.max(r.jobsCreated, r.jobsPreserved)));
    const magnitude = Math.pow(10, Math.floor(Math.log10(highest / 4 || 1)));
    const step = Math.max(1, [1, 2, 5, 10].map(m => m * magnitude).find(s => s * 4 >= highest));
    const ticks = Math.ceil(highest / step), max = ticks * step;
    for (let i = 0; i <= ticks; i++) {
      const value = i * step, y = bottom - value * height / max;
      svg(chart, 'line', { class: 'grid', x1: left, x2: left + width, y1: y, y2: y });
      svg(chart, 'text', { x: left - 6, y: y + 4, 'text-anchor': 'end' }, f.integer(value));
    }
    const slot = width / rows.length;
    rows.forEach((r, i) => {
      const x = left + i * slot + slot * 0.15, bar = slot * 0.32;
      [['created', r.jobsCreated, x], ['preserved', r.jobsPreserved, x + bar + 4]].forEach(([kind, value, bx]) => {
        const h = value * height / max;
        svg(chart, 'rect', { class: kind, x: bx, width: bar, y: bottom - h, height: h, 'data-year': r.year, ['data-' + kind]: value });
        svg(chart, 'text', { x: bx + bar / 2, y: bottom - h - 4, 'text-anchor': 'middle' }, f.integer(value) + ' ' + t(kind.toUpperCase()));
      });
      svg(chart, 'text', { x: x + bar + 2, y: bottom + 16, 'text-anchor': 'middle' }, r.year);
    });
    svg(chart, 'line', { class: 'axis', x1: left, y1: bottom, x2: left + width, y2: bottom });
    html(figure, 'figcaption', { id: 'jobs-caption' }, t('jobsChart'));
    A.table(box, 'jobs-table', t('jobsTitle'), [t('year'), t('jobsCreated'), t('jobsPreserved')],
      rows.map(r => ({ data: { year: r.year }, cells: [String(r.year), { text: f.integer(r.jobsCreated), numeric: true },
        { text: f.integer(r.jobsPreserved), numeric: true }] })),
      [t('total'), { text: f.integer(sum(rows, 'jobsCreated')), numeric: true }, { text: f.integer(sum(rows, 'jobsPreserved')), numeric: true }]);
  }

  // --- the lists behind the figures ----------------------------------------------------------------------------
  function smes(list) {
    const box = A.clear(document.getElementById('smes'));
    A.table(box, 'smes-table', t('smesCaption', from, to, list.smes.length),
      [t('company'), t('commune'), t('nafSection'), t('firstStart'), t('missions')],
      list.smes.map(s => ({ data: { sme: s.smeId }, cells: [s.name || s.smeId, s.communeName || s.communeCode || t('UNKNOWN'),
        s.nafSection === 'UNKNOWN' ? t('UNKNOWN') : s.nafSection, f.day(s.firstStart), { text: f.integer(s.missionsStarted), numeric: true }] })));
  }

  function reports(list) {
    const box = A.clear(document.getElementById('job-reports'));
    A.table(box, 'reports-table', t('reportsCaption', from, to, list.reports.length),
      [t('company'), t('date'), t('kind'), t('contract'), t('jobs')],
      list.reports.map(r => ({ data: { report: r.reportId, kind: r.kind, count: r.count },
        cells: [r.smeName || r.smeId, f.day(r.date), t(r.kind), t(r.contractType), { text: f.integer(r.count), numeric: true }] })),
      [t('total'), '', '', '', { text: t('created', list.jobsCreated) + ', ' + t('preserved', list.jobsPreserved), numeric: true }]);
  }

  // --- breakdowns: the years' employment reports added up, sorted by jobs --------------------------------------
  function breakdowns(reportsByYear, communeNames, epciNames) {
    const box = A.clear(document.getElementById('breakdowns'));
    const dimensions = [['byEpci', 'epci'], ['byCommune', 'commune'], ['byNafSection', 'nafSection'], ['byContractType', 'contract']];
    dimensions.forEach(([field, header]) => {
      const totals = new Map();
      reportsByYear.forEach(report => report[field].forEach(j => {
        const x = totals.get(j.key) || { key: j.key, jobsCreated: 0, jobsPreserved: 0 };
        x.jobsCreated += j.jobsCreated;
        x.jobsPreserved += j.jobsPreserved;
        totals.set(j.key, x);
      }));
      const rows = [...totals.values()].sort((a, b) => (b.jobsCreated + b.jobsPreserved) - (a.jobsCreated + a.jobsPreserved)
        || String(a.key).localeCompare(String(b.key)));
      const label = key => {
        if (key === 'UNKNOWN') return t('UNKNOWN');
        if (field === 'byCommune') return (communeNames.get(key) ? communeNames.get(key) + ' (' + key + ')' : key);
        if (field === 'byContractType') return t(key);
        if (field === 'byEpci' && epciNames[key]) return epciNames[key] + ' (' + key + ')';
        return key;
      };
      const created = sum(rows, 'jobsCreated'), preserved = sum(rows, 'jobsPreserved');
      const tableNode = A.table(box, field, t(field), [t(header), t('jobsCreated'), t('jobsPreserved'), t('total')],
        rows.map(r => ({ data: { key: r.key, created: r.jobsCreated, preserved: r.jobsPreserved },
          cells: [label(r.key), { text: f.integer(r.jobsCreated), numeric: true }, { text: f.integer(r.jobsPreserved), numeric: true },
            { text: f.integer(r.jobsCreated + r.jobsPreserved), numeric: true }] })),
        [t('total'), { text: f.integer(created), numeric: true }, { text: f.integer(preserved), numeric: true },
          { text: f.integer(created + preserved), numeric: true }]);
      tableNode.dataset.created = created;
      tableNode.dataset.preserved = preserved;
    });
  }

  // --- partner contributions against pledges, the period's years added up --------------------------------------
  function partners(reportsByYear) {
    const box = A.clear(document.getElementById('partners'));
    const byPartner = new Map();
    reportsByYear.forEach(report => report.partners.forEach(p => {
      const x = byPartner.get(p.partnerId) || { name: p.name || p.partnerId, hours: 0, skillDays: 0, pledgedDays: 0, value: 0, pledged: false };
      x.hours += Number(p.hours);
      x.skillDays += Number(p.skillDays);
      if (p.pledgedDays !== null && p.pledgedDays !== undefined) { x.pledgedDays += Number(p.pledgedDays); x.pledged = true; }
      x.value += Number(p.value || 0);
      byPartner.set(p.partnerId, x);
    }));
    const rows = [...byPartner.values()].sort((a, b) => b.skillDays - a.skillDays || a.name.localeCompare(b.name));
    const figure = html(box, 'figure');
    const rowHeight = 30, left = 200, width = 400;
    const chart = svg(figure, 'svg', { viewBox: '0 0 640 ' + Math.max(40, rows.length * rowHeight + 10), role: 'img', 'aria-labelledby': 'partners-caption' });
    const max = Math.max(1, ...rows.map(p => Math.max(p.skillDays, p.pledgedDays)));
    rows.forEach((p, i) => {
      const top = 6 + i * rowHeight;
      svg(chart, 'text', { x: left - 8, y: top + 14, 'text-anchor': 'end' }, p.name);
      svg(chart, 'rect', { class: 'given', x: left, y: top, height: 18, width: p.skillDays * width / max, 'data-partner': p.name, 'data-days': p.skillDays.toFixed(2) });
      if (p.pledged) svg(chart, 'rect', { class: 'pledged', x: left, y: top, height: 18, width: p.pledgedDays * width / max, 'data-pledged': p.pledgedDays });
    });
    html(figure, 'figcaption', { id: 'partners-caption' }, t('partnersChart'));
    A.table(box, 'partners-table', t('partnersCaption', from, to),
      [t('partner'), t('hours'), t('skillDays'), t('pledgedDays'), t('pledgeShare'), t('value')],
      rows.map(p => ({ data: { partner: p.name }, cells: [p.name, { text: f.decimal(p.hours), numeric: true },
        { text: t('dayCount', p.skillDays), numeric: true }, { text: p.pledged ? t('dayCount', p.pledgedDays) : '—', numeric: true },
        { text: p.pledged && p.pledgedDays > 0 ? f.percent(p.skillDays / p.pledgedDays) : '—', numeric: true },
        { text: f.euros(p.value), numeric: true }] })),
      [t('total'), { text: f.decimal(sum(rows, 'hours')), numeric: true }, { text: t('dayCount', sum(rows, 'skillDays')), numeric: true },
        { text: t('dayCount', sum(rows, 'pledgedDays')), numeric: true }, '', { text: f.euros(sum(rows, 'value')), numeric: true }]);
  }

  // --- the missions funnel and needs by category ---------------------------------------------------------------
  function activity(a) {
    const box = A.clear(document.getElementById('activity'));
    const stages = ['PROPOSED', 'ACCEPTED', 'STARTED', 'COMPLETED', 'DECLINED', 'CANCELLED'];
    const figure = html(box, 'figure');
    const chart = svg(figure, 'svg', { viewBox: '0 0 640 ' + (stages.length * 28 + 8), role: 'img', 'aria-labelledby': 'funnel-caption' });
    const max = Math.max(1, a.missions.PROPOSED);
    stages.forEach((s, i) => {
      const top = 4 + i * 28, n = a.missions[s];
      svg(chart, 'text', { x: 232, y: top + 14, 'text-anchor': 'end' }, t(s));
      svg(chart, 'rect', { class: 'stage', x: 240, y: top, height: 18, width: n * 340 / max, 'data-stage': s, 'data-value': n });
      svg(chart, 'text', { x: 246 + n * 340 / max, y: top + 14 }, f.integer(n));
    });
    html(figure, 'figcaption', { id: 'funnel-caption' }, t('funnelCaption', from, to));
    A.table(box, 'funnel-table', t('funnelCaption', from, to), [t('stage'), t('missions')],
      stages.map(s => ({ data: { stage: s }, cells: [t(s), { text: f.integer(a.missions[s]), numeric: true }] })));
    A.table(box, 'needs-table', t('needsCaption', from, to, a.needsPublished), [t('category'), t('needs')],
      a.needsByCategory.map(c => ({ data: { category: c.category }, cells: [t(c.category), { text: f.integer(c.needs), numeric: true }] })),
      [t('total'), { text: f.integer(a.needsPublished), numeric: true }]);
  }

  // --- the coordinator's worklist ------------------------------------------------------------------------------
  function worklist(w) {
    const box = A.clear(document.getElementById('worklist'));
    const group = (id, title, headers, rows) => {
      const section = html(box, 'section', { id, 'data-count': rows.length });
      html(section, 'h3', { id: id + '-title' }, title);
      if (rows.length === 0) html(section, 'p', {}, t('nothing'));
      else A.table(section, id + '-table', null, headers, rows).setAttribute('aria-labelledby', id + '-title');
    };
    group('committee', t('committee', w.smesAwaitingCommittee.length), [t('company'), t('appliedOn'), t('waiting')],
      w.smesAwaitingCommittee.map(s => ({ data: { id: s.smeId }, cells: [s.name || s.smeId, f.day(s.appliedOn), t('dayCount', s.daysWaiting)] })));
    group('no-proposal', t('noProposal', w.needsWithoutProposal.length, w.days), [t('need'), t('company'), t('category'), t('openSince'), t('waiting')],
      w.needsWithoutProposal.map(n => ({ data: { id: n.needId }, cells: [n.title || n.needId, n.smeName || n.smeId, t(n.category),
        f.day(n.openSince), t('dayCount', n.daysWaiting)] })));
    group('awaiting', t('awaitingAcceptance', w.proposalsAwaitingAcceptance.length),
      [t('company'), t('partner'), t('volunteer'), t('waitingFor'), t('proposedOn'), t('waiting')],
      w.proposalsAwaitingAcceptance.map(p => ({ data: { id: p.missionId, waitingFor: p.waitingFor.join(' ') },
        cells: [p.smeName || p.smeId, p.partnerName || p.partnerId, p.volunteerId, p.waitingFor.map(x => t(x)).join(', '),
          f.day(p.proposedOn), t('dayCount', p.daysWaiting)] })));
    group('no-time', t('noTime', w.missionsWithoutTime.length, w.days),
      [t('company'), t('partner'), t('startDate'), t('lastTime'), t('waiting')],
      w.missionsWithoutTime.map(m => ({ data: { id: m.missionId }, cells: [m.smeName || m.smeId, m.partnerName || m.partnerId,
        f.day(m.startDate), m.lastTimeLogged ? f.day(m.lastTimeLogged) : t('none'), t('dayCount', m.daysWithoutTime)] })));
  }

  /** The EPCIs' names by SIREN, derived from Etalab's data (Licence Ouverte) and served with the page. */
  async function epcis() {
    try {
      const response = await fetch('epci-hauts-de-france.json');
      return response.ok ? (await response.json()).names : {};
    } catch (ignored) {
      return {};
    }
  }

  async function showWorklist() {
    const box = document.getElementById('worklist');
    if (!A.roles().includes('cci')) {
      A.clear(box);
      html(box, 'p', {}, t('worklistCciOnly'));
      return;
    }
    worklist(await A.get(at('/worklist?days=' + encodeURIComponent(daysInput.value))));
  }

  async function show() {
    if (!A.token()) {
      signedOut();
      return;
    }
    document.getElementById('sign-in').hidden = true;
    document.getElementById('contenu').hidden = false;
    document.body.dataset.state = 'loading';
    message.textContent = t('loading');
    document.getElementById('report-link').href = 'report.html?year=' + to + (A.params.get('lang') ? '&lang=' + A.lang : '');
    await A.draw(message, signedOut, async () => {
      const [totals, progress, yearly, employment, contributions, smeList, reportList, act] = await Promise.all([
        A.get(at('/totals' + range)), Promise.all(years.map(y => A.get(at('/targets/' + y)))), A.get(at('/yearly')),
        Promise.all(years.map(y => A.get(at('/employment/' + y)))), Promise.all(years.map(y => A.get(at('/contributions/' + y)))),
        A.get(at('/programme/smes' + range)), A.get(at('/programme/job-reports' + range)), A.get(at('/programme/activity' + range))]);
      headline(totals);
      targets(progress);
      jobs(yearly);
      smes(smeList);
      reports(reportList);
      const names = new Map();
      reportList.reports.forEach(r => { if (r.communeName) names.set(r.communeCode, r.communeName); });
      breakdowns(employment, names, await epcis());
      partners(contributions);
      activity(act);
      await showWorklist();
    });
  }

  document.getElementById('period').addEventListener('submit', event => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('from', fromInput.value);
    url.searchParams.set('to', toInput.value);
    url.searchParams.delete('year');
    location.assign(url.pathname + url.search);
  });
  document.getElementById('worklist-form').addEventListener('submit', event => {
    event.preventDefault();
    showWorklist().catch(error => { message.textContent = error.message; });
  });
  document.getElementById('sign-out').addEventListener('click', () => {
    A.signOut();
    signedOut(t('signedOut'));
  });
  show();
})();
