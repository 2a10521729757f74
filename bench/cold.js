// Cold start: from navigation to the headline on screen. The article URL comes
// from ?src=. `window.coldStart` gets { ready, painted } in ms since navigation.
const src = new URLSearchParams(location.search).get('src');
const painted = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
const widget = document.querySelector('article-widget');
if (widget) {
  widget.addEventListener('article-widget:ready', async () => {
    const ready = performance.now();
    await painted();
    window.coldStart = { ready, painted: performance.now() };
  }, { once: true });
  widget.setAttribute('src', src);
} else {
  const { renderBaseline } = await import('./baseline.js');
  const host = document.getElementById('baseline');
  renderBaseline(host.attachShadow({ mode: 'open' }), await (await fetch(src)).text());
  const ready = performance.now();
  await painted();
  window.coldStart = { ready, painted: performance.now() };
}
