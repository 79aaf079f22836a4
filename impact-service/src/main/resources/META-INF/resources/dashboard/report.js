// The annual report: one year's figures as of a chosen instant, what each figure means, the SMEs supported, the
// partners' contributions, and the number of events the figures were computed from. Asked again with the same year
// and as-of instant, it shows the same figures (only events recorded by then count). Printable: the print
// stylesheet drops the controls; Chromium's "save as PDF" gives the document to send to the funders.
(function () {
  'use strict';
  const A = Alize, t = A.t, f = A.format, html = A.html;
  const message = document.getElementById('message');
  const yearInput = document.getElementById('year');
  const asOfInput = document.getElementById('as-of');
  A.translatePage();

  const year = Number(A.params.get('year') || new Date().getFullYear() - 1);
  let asOf = A.params.get('asOf');
  if (!asOf || isNaN(Date.parse(asOf))) {
    // no instant chosen: now, written into the address so that the printed report names what reproduces it
    asOf = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
    const url = new URL(location.href);
    url.searchParams.set('year', year);
    url.searchParams.set('asOf', asOf);
    history.replaceState(null, '', url.pathname + url.search);
  }
  const local = d => {
    const p = n => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + 'T' + p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds());
  };
  yearInput.value = year;
  asOfInput.value = local(new Date(asOf));
  document.getElementById('report-title').textContent = t('reportTitle', year);
  document.title = 'Alize — ' + t('reportTitle', year);
  document.getElementById('dashboard-link').href = 'index.html?from=' + (year - 1) + '&to=' + year;

  const q = '&asOf=' + encodeURIComponent(asOf);
  const period = '?from=' + year + '-01-01&to=' + year + '-12-31' + q;

  function signedOut(text) {
    document.getElementById('sign-in').hidden = false;
    document.getElementById('contenu').hidden = true;
    message.textContent = text || '';
    document.body.dataset.state = 'signed-out';
  }

  async function show() {
    if (!A.token()) {
      signedOut();
      return;
    }
    document.getElementById('contenu').hidden = false;
    document.body.dataset.state = 'loading';
    await A.draw(message, signedOut, async () => {
      const [basis, progress, totals, contributions, smes, employment] = await Promise.all([
        A.get('/programme/basis?' + q.slice(1)), A.get('/targets/' + year + '?' + q.slice(1)), A.get('/totals' + period),
        A.get('/contributions/' + year + '?' + q.slice(1)), A.get('/programme/smes' + period), A.get('/employment/' + year + '?' + q.slice(1))]);

      const b = document.getElementById('basis');
      b.dataset.events = basis.events;
      b.dataset.asOf = asOf;
      b.textContent = t('basis', f.instant(asOf), basis.events, basis.lastRecordedAt ? f.instant(basis.lastRecordedAt) : null);

      const headline = document.getElementById('headline');
      headline.textContent = t('inPeriod', year, year) + t('companies', totals.companiesSupported) + ', '
        + t('created', totals.jobsCreated) + t('and') + t('preserved', totals.jobsPreserved) + '.';

      const hours = contributions.partners.reduce((s, p) => s + Number(p.hours), 0);
      const days = contributions.partners.reduce((s, p) => s + Number(p.skillDays), 0);
      const value = contributions.partners.reduce((s, p) => s + Number(p.value || 0), 0);
      const figures = [
        ['supportedSmes', f.integer(progress.supportedSmes) + ' / ' + f.integer(progress.target) + ' (' + t('target').toLowerCase() + ')', progress.supportedSmes],
        ['jobsCreated', f.integer(totals.jobsCreated), totals.jobsCreated],
        ['jobsPreserved', f.integer(totals.jobsPreserved), totals.jobsPreserved],
        ['missionsStarted', f.integer(totals.missionsStarted), totals.missionsStarted],
        ['hours', f.decimal(hours), hours],
        ['skillDays', t('dayCount', days), days],
        ['contributionValue', f.euros(value), value]];
      const box = A.clear(document.getElementById('figures'));
      A.table(box, 'figures-table', t('figuresTitle'), [t('figure'), t('figureValue')],
        figures.map(([key, text, raw]) => ({ data: { figure: key, value: raw }, cells: [t(key), { text, numeric: true }] })));

      const dl = A.clear(document.getElementById('definitions'));
      [['supportedSmes', t('defSupported')], ['jobsCreated', t('defJobs')],
        ['skillDays', t('defSkillDays', Number(contributions.hoursPerSkillDay))], ['reportAsOf', t('defAsOf')]].forEach(([term, text]) => {
        html(dl, 'dt', {}, t(term));
        html(dl, 'dd', {}, text);
      });

      A.table(A.clear(document.getElementById('smes')), 'smes-table', t('smesCaption', year, year, smes.smes.length),
        [t('company'), t('commune'), t('nafSection'), t('firstStart')],
        smes.smes.map(s => ({ data: { sme: s.smeId }, cells: [s.name || s.smeId, s.communeName || s.communeCode || t('UNKNOWN'),
          s.nafSection === 'UNKNOWN' ? t('UNKNOWN') : s.nafSection, f.day(s.firstStart)] })));

      A.table(A.clear(document.getElementById('partners')), 'partners-table', t('partnersCaption', year, year),
        [t('partner'), t('hours'), t('skillDays'), t('pledgedDays'), t('value')],
        contributions.partners.map(p => ({ data: { partner: p.name || p.partnerId }, cells: [p.name || p.partnerId,
          { text: f.decimal(Number(p.hours)), numeric: true }, { text: t('dayCount', Number(p.skillDays)), numeric: true },
          { text: p.pledgedDays === null || p.pledgedDays === undefined ? '—' : t('dayCount', Number(p.pledgedDays)), numeric: true },
          { text: f.euros(Number(p.value || 0)), numeric: true }] })));

      const contracts = [...employment.byContractType].sort((a, c) => (c.jobsCreated + c.jobsPreserved) - (a.jobsCreated + a.jobsPreserved));
      A.table(A.clear(document.getElementById('contracts')), 'contracts-table', t('byContractType'),
        [t('contract'), t('jobsCreated'), t('jobsPreserved')],
        contracts.map(c => ({ data: { key: c.key }, cells: [t(c.key), { text: f.integer(c.jobsCreated), numeric: true },
          { text: f.integer(c.jobsPreserved), numeric: true }] })),
        [t('total'), { text: f.integer(employment.jobsCreated), numeric: true }, { text: f.integer(employment.jobsPreserved), numeric: true }]);
    });
  }

  document.getElementById('choice').addEventListener('submit', event => {
    event.preventDefault();
    const url = new URL(location.href);
    url.searchParams.set('year', yearInput.value);
    url.searchParams.set('asOf', new Date(asOfInput.value).toISOString());
    location.assign(url.pathname + url.search);
  });
  document.getElementById('print').addEventListener('click', () => window.print());
  show();
})();
