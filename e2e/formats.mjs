// Feeds in other formats in headless Chromium (docs/feeds.md):
// - the converter module (dist/convert/, html5ever compiled to wasm) writes
//   for every sample and for the cases parsers once read differently
//   exactly the v1 the native converter writes (tests/formats/*.v1.json),
//   and keeps hostile HTML out;
// - it runs in a worker: a large feed holds the page's main thread for no
//   task over 200 ms, raises no CSP or Trusted Types report, and converts in
//   the page where a worker is refused;
// - the element's `format` attribute, for `src`, the property and a data
//   island, under the preview's strict CSP; a wrong format says so; a page
//   without `format` never loads the converter.
//   node e2e/formats.mjs dist
import { DIST, launchChromium, report, serve } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLES = [
  ['wordpress', 'wordpress/post'],
  ['wordpress', 'wordpress/nested'],
  ['ninjs', 'ninjs/item-3.0'],
  ['ninjs', 'ninjs/item-1.x'],
  ['ninjs', 'ninjs/agency-1.x'],
  ['anf', 'anf/article'],
  ['anf', 'anf/newspaper'],
  ['jsonld', 'jsonld/graph'],
  ['jsonld', 'jsonld/news-article'],
  ['jsonld', 'jsonld/yoast'],
];
const read = (name) => JSON.parse(readFileSync(join('tests/formats', name), 'utf8'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:";
// The strictest a publisher runs: Trusted Types enforced, the widget's policy allowed.
const STRICT = `${CSP}; require-trusted-types-for 'script'; trusted-types article-widget`;
const post = (title, html) => ({ id: 1, date: '2026-11-20T07:45:00', date_gmt: '2026-11-20T06:45:00', title: { rendered: title }, content: { rendered: html } });
// The sweep's shape (issue 24): a long title and many headings, each once
// compared with the title (empty ones here, so the page drawn stays small).
const longTitle = 'A long headline '.repeat(4_000);
const heavy = post(longTitle, '<p>Text.</p>' + '<h2></h2>'.repeat(20_000) + '<p>More text.</p>');
const heavyKB = Math.round(JSON.stringify(heavy).length / 1000);
const hostileParts = '<p>Before</p><script>window.ran = true</script><p><img src="x.jpg" alt="" onerror="window.ran = true">After</p><svg onload="window.ran = true"></svg><noscript><p title="</noscript><img src=https://track.example/px.gif>"></p></noscript>';
const island = JSON.stringify(read('jsonld/news-article.json')).replace(/</g, '\\u003c');
const pages = {
  '/blank.html': '<!doctype html><html lang="en"><title>Blank</title><h1>Blank</h1>',
  '/island.html': `<!doctype html><html lang="en"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Island</title>
<script type="module" src="/embed.js"></script>
<article-widget format="jsonld"><script type="application/json">${island}</script></article-widget>`,
  '/property.html': `<!doctype html><html lang="en"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Property</title>
<script type="module" src="/embed.js"></script><script type="module" src="/property.js"></script>
<article-widget format="anf"></article-widget>`,
  '/property.js': `const widget = document.querySelector('article-widget');
widget.article = ${JSON.stringify(read('anf/article.json'))};`,
  '/worker.html': `<!doctype html><html lang="en"><meta http-equiv="Content-Security-Policy" content="${STRICT}"><title>Worker</title>
<script type="module" src="/embed.js"></script><script type="module" src="/worker.js"></script>
<article-widget format="wordpress"></article-widget>`,
  '/worker.js': `window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));
window.longTasks = [];
new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
window.convertNow = (document) => { window.started = performance.now(); window.ran = false; window.document.querySelector('article-widget').article = document; };`,
  '/no-worker.html': `<!doctype html><html lang="en"><meta http-equiv="Content-Security-Policy" content="${CSP}; worker-src 'none'"><title>No worker</title>
<script type="module" src="/embed.js"></script>
<article-widget format="wordpress" src="/formats/wordpress/post.json"></article-widget>`,
  '/wrong.html': `<!doctype html><html lang="en"><meta http-equiv="Content-Security-Policy" content="${CSP}"><title>Wrong</title>
<script type="module" src="/embed.js"></script>
<article-widget format="rss" src="/formats/wordpress/post.json" debug></article-widget>`,
};
const requested = [];
const server = await serve((path) => {
  requested.push(path);
  if (pages[path]) return Buffer.from(pages[path]);
  return join(DIST, path);
});
const browser = await launchChromium();
const page = await browser.newPage();
const messages = [];
page.on('console', (message) => messages.push(message.text()));
const checks = [];

// The converter module against the native converter's expected output.
await page.goto(`${server.origin}/blank.html`);
for (const [format, name] of SAMPLES) {
  const converted = await page.evaluate(async ([format, document]) => {
    const module = await import('/convert/article-widget-convert.js');
    await module.default();
    return module.convert(format, document);
  }, [format, read(`${name}.json`)]);
  const expected = read(`${name}.v1.json`);
  checks.push([`${name}: the converter module writes the v1 the native converter writes`,
    JSON.stringify(converted.article) === JSON.stringify(expected), JSON.stringify(converted.article).slice(0, 400)]);
}
const parserCases = read('parser-cases.json');
const parserExpected = read('parser-cases.v1.json');
const parserResults = await page.evaluate(async (cases) => {
  const module = await import('/convert/article-widget-convert.js');
  await module.default();
  const results = {};
  for (const { name, html } of cases) {
    const { article, warnings } = module.convert('wordpress', { id: 9, date: '2026-11-20T07:45:00', date_gmt: '2026-11-20T06:45:00', title: { rendered: 'Hostile' }, content: { rendered: html }, excerpt: { rendered: html }, _embedded: {} });
    results[name] = { body: article.body, warnings };
  }
  return results;
}, parserCases);
for (const { name } of parserCases) {
  checks.push([`parser case "${name}": the browser reads it as the native converter does`,
    JSON.stringify(parserResults[name]) === JSON.stringify(parserExpected[name]), JSON.stringify(parserResults[name])]);
}
const hostile = await page.evaluate(async () => {
  const module = await import('/convert/article-widget-convert.js');
  await module.default();
  const post = (html) => ({ id: 1, date: '2026-11-20T07:45:00', date_gmt: '2026-11-20T06:45:00', title: { rendered: 'T' }, content: { rendered: html } });
  window.ran = false;
  const results = {};
  for (const [name, html] of Object.entries({
    script: '<p>Before</p><script>window.ran = true</script><p>After</p>',
    handlers: '<p><img src="x.jpg" alt="" onerror="window.ran = true">Hi <b onmouseover="window.ran = true">bold</b></p>',
    links: '<p><a href="javascript:window.ran = true">click</a> <a href="//evil.example/">there</a></p>',
    svg: '<p>Logo <svg onload="window.ran = true"><script>window.ran = true</script></svg></p>',
    deep: `<p>${'<b><i>'.repeat(5000)}deep${'</i></b>'.repeat(5000)}</p>`,
  })) results[name] = module.convert('wordpress', post(html));
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { results, ran: window.ran };
});
const text = JSON.stringify(hostile.results);
checks.push(['hostile HTML: nothing ran while the converter read it', hostile.ran === false, text]);
checks.push(['hostile HTML: no script, handler or refused link reaches v1',
  !/window\.ran|javascript:|evil\.example/.test(text), text]);
checks.push(['hostile HTML: 10,000 nested elements read as their text',
  JSON.stringify(hostile.results.deep.article.body) === JSON.stringify([{ type: 'paragraph', text: 'deep' }]),
  JSON.stringify(hostile.results.deep.article.body)]);

// The element, each format from `src`, in the preview.
const shown = (selector = 'article-widget') => page.evaluate(async (selector) => {
  const widget = document.querySelector(selector);
  for (let i = 0; i < 100 && !widget.shadowRoot?.querySelector('h1, [role="alert"]'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const root = widget.shadowRoot;
  return {
    title: root?.querySelector('h1')?.textContent ?? null,
    alert: root?.querySelector('[role="alert"]')?.textContent ?? null,
    paragraphs: root ? root.querySelectorAll('.aw-body p, article p').length : 0,
    scripts: root ? root.querySelectorAll('script, iframe, svg a').length : 0,
  };
}, selector);
for (const [format, name] of SAMPLES) {
  messages.length = 0;
  await page.goto(`${server.origin}/index.html?src=formats/${name}.json&format=${format}`);
  const result = await shown('#preview');
  const expected = read(`${name}.v1.json`);
  checks.push([`format="${format}" from src (${name}): the headline and text show`,
    result.title === expected.title && result.paragraphs > 0 && result.scripts === 0, JSON.stringify(result)]);
  if (name === 'anf/article') {
    checks.push(['what a converter dropped is a console warning naming where',
      messages.some((m) => m.includes('anf: components[7]: divider dropped')), JSON.stringify(messages)]);
  }
}
await page.goto(`${server.origin}/island.html`);
const fromIsland = await shown();
checks.push(['format="jsonld" from a data island', fromIsland.title === 'Choir of 200 sings at the new bridge', JSON.stringify(fromIsland)]);
await page.goto(`${server.origin}/property.html`);
const fromProperty = await shown();
checks.push(['format="anf" from the article property', fromProperty.title === 'A floating sauna opens in the harbour', JSON.stringify(fromProperty)]);
messages.length = 0;
await page.goto(`${server.origin}/wrong.html`);
const wrong = await shown();
checks.push(['an unknown format shows the error panel and says which formats there are',
  wrong.alert !== null && messages.some((m) => m.includes('format: expected one of v1, wordpress, ninjs, anf, jsonld, found "rss"')),
  JSON.stringify({ wrong, messages })]);

// In a worker, under Trusted Types: the page's main thread stays free.
requested.length = 0;
await page.goto(`${server.origin}/worker.html`);
await page.waitForFunction(() => window.convertNow && customElements.get('article-widget'));
await page.evaluate((document) => window.convertNow(document), heavy);
const heavyShown = await shown();
const during = await page.evaluate(() => ({
  longest: Math.max(0, ...window.longTasks.filter(([start]) => start >= window.started).map(([, duration]) => duration)),
  took: performance.now() - window.started,
  violations: window.violations,
}));
checks.push([`a ${heavyKB} KB feed converts in the worker: the headline shows`,
  heavyShown.title?.startsWith('A long headline') && requested.includes('/convert/worker.js'), JSON.stringify({ heavyShown, requested })]);
checks.push([`no main-thread task over 200 ms while it converts and draws (longest ${Math.round(during.longest)} ms of ${Math.round(during.took)} ms)`,
  during.longest <= 200, JSON.stringify(during)]);
await page.evaluate((html) => window.convertNow({ id: 2, date: '2026-11-20T07:45:00', title: { rendered: 'Hostile' }, content: { rendered: html } }), hostileParts);
const hostileShown = await shown();
await new Promise((resolve) => setTimeout(resolve, 200));
const afterHostile = await page.evaluate(() => ({ violations: window.violations, ran: window.ran }));
checks.push(['converting hostile HTML raises no CSP or Trusted Types report and runs nothing',
  hostileShown.title === 'Hostile' && afterHostile.violations.length === 0 && afterHostile.ran === false, JSON.stringify({ hostileShown, afterHostile })]);

// A page that refuses workers: converted in the page instead.
await page.goto(`${server.origin}/no-worker.html`);
const withoutWorker = await shown();
checks.push(['where the page refuses a worker, the feed converts in the page',
  withoutWorker.title === read('wordpress/post.v1.json').title, JSON.stringify(withoutWorker)]);

requested.length = 0;
await page.goto(`${server.origin}/index.html?src=articles/night-ferry.json`);
const v1 = await shown('#preview');
checks.push(['a v1 article never loads the converter module',
  v1.title !== null && !requested.some((path) => path.startsWith('/convert/')), JSON.stringify(requested)]);

report(checks);
await browser.close();
server.close();
