// The host page's contract against a real HTTP server (issue 13): a new `src`
// aborts a slow request at once, and `ready` fires once, for the article shown.
//   node e2e/host.mjs dist
import { launchChromium, serve } from './lib.mjs';
import { join } from 'node:path';

const DIST = process.argv[2] ?? 'dist';
const started = [];
const server = await serve(async (path) => {
  if (path === '/host.html') {
    return Buffer.from('<!doctype html><html lang="en"><title>Host</title>'
      + '<script type="module" src="/embed.js"></script><article-widget id="w"></article-widget>');
  }
  // The same files, but the wasm is missing: the widget cannot start.
  if (path === '/broken/host.html') {
    return Buffer.from('<!doctype html><html lang="en"><title>Broken</title>'
      + '<script type="module" src="/broken/embed.js"></script>'
      + '<article-widget id="w" src="/articles/b.json"><a href="/story">Fallback headline</a></article-widget>');
  }
  if (path.startsWith('/broken/')) {
    if (path.endsWith('.wasm')) throw new Error('missing');
    return join(DIST, path.slice('/broken'.length));
  }
  const article = path.match(/^\/articles\/(slow-)?([a-z]+)\.json$/);
  if (article) {
    started.push([path, Date.now()]);
    if (article[1]) await new Promise((resolve) => setTimeout(resolve, 5000));
    return Buffer.from(JSON.stringify({ id: article[2], title: `Article ${article[2]}`, published: '2026-11-01T10:00:00Z', body: [] }));
  }
  return join(DIST, path);
});
const browser = await launchChromium();
const page = await browser.newPage();
const problems = [];
page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
await page.goto(`${server.origin}/host.html`);
await page.waitForFunction(() => customElements.get('article-widget'));

const outcome = await page.evaluate(async () => {
  const widget = document.getElementById('w');
  const events = [];
  widget.addEventListener('article-widget:ready', (e) => events.push(e.detail));
  widget.setAttribute('src', '/articles/slow-a.json');
  await new Promise((resolve) => setTimeout(resolve, 100));
  const changed = performance.now();
  widget.setAttribute('src', '/articles/b.json');
  while (widget.shadowRoot.querySelector('h1')?.textContent !== 'Article b') {
    if (performance.now() - changed > 4000) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const shownAfter = performance.now() - changed;
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { events, shownAfter, headline: widget.shadowRoot.querySelector('h1')?.textContent };
});
// A widget that cannot start: its own content stays, and it says why.
const broken = await browser.newPage();
const consoleErrors = [];
broken.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
await broken.addInitScript(() => {
  window.__startup = [];
  document.addEventListener('article-widget:error', (event) => window.__startup.push(event.detail));
});
await broken.goto(`${server.origin}/broken/host.html`);
await broken.waitForFunction(() => window.__startup.length > 0, null, { timeout: 10_000 }).catch(() => {});
const startup = await broken.evaluate(() => ({
  events: window.__startup,
  fallbackHeight: document.querySelector('article-widget a')?.getBoundingClientRect().height ?? 0,
}));

const [slow, fast] = [started.find(([p]) => p.includes('slow-a')), started.find(([p]) => p.endsWith('/b.json'))];
const checks = [
  ['the new article is shown, not the slow one', outcome.headline === 'Article b', outcome.headline],
  ['within a second of the change', outcome.shownAfter < 1000, `${Math.round(outcome.shownAfter)} ms`],
  ['its request started before the slow one answered', fast && slow && fast[1] - slow[1] < 1500, fast && slow ? `${fast[1] - slow[1]} ms later` : 'not requested'],
  ['one ready, for it', JSON.stringify(outcome.events) === JSON.stringify([{ id: 'b', source: 'src' }]), JSON.stringify(outcome.events)],
  ['no uncaught error', problems.length === 0, problems.join('; ')],
  ['a widget that cannot start fires error {kind: "startup"}',
    startup.events.length === 1 && startup.events[0].kind === 'startup' && startup.events[0].message.startsWith('article-widget could not start: '),
    JSON.stringify(startup.events)],
  ['and keeps showing its fallback content', startup.fallbackHeight > 0, `${startup.fallbackHeight} px`],
  ['and says why in the console', consoleErrors.some((text) => text.startsWith('article-widget could not start: ')), consoleErrors.join('; ')],
];
let failed = 0;
for (const [what, ok, detail] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`);
  if (!ok) failed++;
}
await browser.close();
server.close();
process.exit(failed ? 1 : 0);
