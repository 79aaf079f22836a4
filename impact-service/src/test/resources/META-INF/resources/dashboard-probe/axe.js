// Tests only: opens the page named by ?target= in a window of the same origin, waits until it is ready, loads axe-core
// (vendored from npm, MPL-2.0, see axe/LICENSE) into it from this origin (its Content-Security-Policy allows scripts of
// the service only), runs the WCAG 2.1 A and AA rules and writes the violations as JSON into this page's body.
(function () {
  'use strict';
  const target = new URLSearchParams(location.search).get('target');
  const opened = window.open(target, 'page');
  const done = (state, text) => {
    document.getElementById('result').textContent = text;
    document.body.dataset.state = state;
  };
  const timer = setInterval(() => {
    const state = opened && opened.document && opened.document.body && opened.document.body.dataset.state;
    if (state === 'ready' || state === 'error') {
      clearInterval(timer);
      if (state === 'error') { done('failed', 'page error'); return; }
      const script = opened.document.createElement('script');
      script.src = '/dashboard-probe/axe/axe.min.js';
      script.onload = () => {
        opened.axe.run(opened.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
          .then(results => done('done', JSON.stringify({
            passes: results.passes.length,
            violations: results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))
          })))
          .catch(error => done('failed', String(error)));
      };
      script.onerror = () => done('failed', 'axe-core did not load');
      opened.document.head.appendChild(script);
    }
  }, 50);
})();
