// Tests only: opens the page named by ?target= in a window of the same origin and, once that page is ready (or
// failed), writes what its address bar says into this page's body (data-href), for headless Chromium's --dump-dom.
(function () {
  'use strict';
  const target = new URLSearchParams(location.search).get('target');
  const opened = window.open(target, 'dashboard');
  const timer = setInterval(() => {
    const state = opened && opened.document && opened.document.body && opened.document.body.dataset.state;
    if (state === 'ready' || state === 'error') {
      clearInterval(timer);
      document.body.dataset.href = opened.location.href;
      document.body.dataset.dashboard = state;
      document.body.dataset.state = 'done';
    }
  }, 50);
})();
