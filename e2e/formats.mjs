// Feeds in other formats in headless Chromium (docs/feeds.md):
// - the converter module (dist/convert/) with the browser's DOMParser writes
//   for every sample exactly the v1 that html5ever writes natively
//   (tests/formats/*.v1.json), and keeps hostile HTML out;
// - the element's `format` attribute, for `src`, the property and a data
//   island, under the preview's strict CSP; a wrong format says so; a page
//   without `format` never loads the converter.
//   node e2e/formats.mjs dist
import { DIST, launchChromium, report, serve } from './lib.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const SAMPLES = [
  ['wordpress', 'wordpress/post'],
  ['ninjs', 'ninjs/item-3.0'],
  ['ninjs', 'ninjs/item-1.x'],
  ['anf', 'anf/article'],
  ['jsonld', 'jsonld/graph'],
  ['jsonld', 'jsonld/news-article'],
];
const read = (name) => JSON.parse(readFileSync(join('tests/formats', name), 'utf8'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:";
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
  checks.push([`${name}: DOMParser writes the v1 html5ever writes`,
    JSON.stringify(converted.article) === JSON.stringify(expected), JSON.stringify(converted.article).slice(0, 400)]);
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
checks.push(['hostile HTML: nothing ran while DOMParser read it', hostile.ran === false, text]);
checks.push(['hostile HTML: no script, handler or refused link reaches v1',
  !/window\.ran|javascript:|evil\.example/.test(text), text]);
checks.push(['hostile HTML: 10,000 nested elements read as their text',
  JSON.stringify(hostile.results.deep.article.body) === JSON.stringify([{ type: 'paragraph', text: '**deep**' }]),
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

requested.length = 0;
await page.goto(`${server.origin}/index.html?src=articles/night-ferry.json`);
const v1 = await shown('#preview');
checks.push(['a v1 article never loads the converter module',
  v1.title !== null && !requested.some((path) => path.startsWith('/convert/')), JSON.stringify(requested)]);

report(checks);
await browser.close();
server.close();
