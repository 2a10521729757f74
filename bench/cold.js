// Cold start: from navigation to the headline on screen. The article URL comes
// from ?src=. `window.coldStart` gets, in ms since navigation, { ready,
// painted, usable }: ready when the share button is live, painted when the
// headline is on screen, usable when the first frame after both is painted
// (a button works only once a reader can see it).
const src = new URLSearchParams(location.search).get('src');
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const widget = document.querySelector('article-widget');
if (widget?.shadowRoot?.querySelector('h1')) {
  // Server-rendered: the headline came with the HTML (its first contentful
  // paint); ready when hydration made the share button work.
  const firstPaint = new Promise((resolve) => new PerformanceObserver((list, observer) => {
    const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
    if (entry) { observer.disconnect(); resolve(entry.startTime); }
  }).observe({ type: 'paint', buffered: true }));
  const live = () => widget.shadowRoot.querySelector('button.aw-share-button');
  await new Promise((resolve) => {
    if (live()) { resolve(); return; }
    const observer = new MutationObserver(() => { if (live()) { observer.disconnect(); resolve(); } });
    observer.observe(widget.shadowRoot, { childList: true, subtree: true });
  });
  const ready = performance.now();
  await painted();
  window.coldStart = { ready, painted: await firstPaint, usable: performance.now() };
} else if (widget) {
  widget.addEventListener('article-widget:ready', async () => {
    const ready = performance.now();
    await painted();
    window.coldStart = { ready, painted: performance.now(), usable: performance.now() };
  }, { once: true });
  // The preload page names its article in the HTML, as a publisher's page would.
  if (!widget.hasAttribute('src')) widget.setAttribute('src', src);
} else {
  const { renderBaseline } = await import('./baseline.js');
  const host = document.getElementById('baseline');
  const root = host.attachShadow({ mode: 'open' });
  // The widget's own stylesheet, so both pages lay out and paint the same styled page.
  const [css, json] = await Promise.all([fetch('/bench/style.css'), fetch(src)].map((r) => r.then((response) => response.text())));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
  renderBaseline(root, json);
  const ready = performance.now();
  await painted();
  window.coldStart = { ready, painted: performance.now(), usable: performance.now() };
}
