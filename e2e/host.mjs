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
const [slow, fast] = [started.find(([p]) => p.includes('slow-a')), started.find(([p]) => p.endsWith('/b.json'))];
const checks = [
  ['the new article is shown, not the slow one', outcome.headline === 'Article b', outcome.headline],
  ['within a second of the change', outcome.shownAfter < 1000, `${Math.round(outcome.shownAfter)} ms`],
  ['its request started before the slow one answered', fast && slow && fast[1] - slow[1] < 1500, fast && slow ? `${fast[1] - slow[1]} ms later` : 'not requested'],
  ['one ready, for it', JSON.stringify(outcome.events) === JSON.stringify([{ id: 'b', source: 'src' }]), JSON.stringify(outcome.events)],
  ['no uncaught error', problems.length === 0, problems.join('; ')],
];
let failed = 0;
for (const [what, ok, detail] of checks) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${ok ? '' : `: ${detail}`}`);
  if (!ok) failed++;
}
await browser.close();
server.close();
process.exit(failed ? 1 : 0);
