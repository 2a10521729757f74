// make bench: what the widget costs a host page, side by side with a
// hand-written vanilla-JS baseline in the same browser run.
//   node bench/bench.mjs [--quick] [dist]
// Prints a table and writes bench/results.json (the quick mode, used by
// `make test` to keep the benchmark working, writes nothing).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { launchChromium, serve } from '../e2e/lib.mjs';
import { article } from './articles.mjs';

const quick = process.argv.includes('--quick');
const dist = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'dist';
const SIZES = quick ? [10, 100] : [10, 100, 1000, 10000];
const RUNS = quick ? 3 : 15;
const COLD_RUNS = quick ? 1 : 15;
const CYCLES = quick ? 5 : 100;

// ---- generated articles (bench/articles.mjs) ----
const articles = new Map();
for (const n of SIZES) for (const v of ['a', 'b']) articles.set(`/bench/articles/${n}-${v}.json`, article(n, v));

// ---- the server-rendered page of the cold-start article (README, "Server rendering") ----
execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'article-widget-render'], { stdio: 'inherit' });
const coldArticle = articles.get(`/bench/articles/${SIZES[1]}-a.json`);
const fragment = execFileSync('target/debug/article-widget-render', ['-', '--entitled', '--assets', '/'], { input: coldArticle, encoding: 'utf8' });
const ssrPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>cold start: server-rendered</title>
<link rel="icon" href="data:,"><script type="module" async src="/embed.js"></script><script type="module" src="/bench/cold.js"></script></head>
<body>${fragment}</body></html>`;
// The same HTML with no script at all: what the browser alone takes to lay out
// and paint this article (the floor under the server-rendered page), and a
// page with one heading (the floor under any page).
const htmlPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>cold start: the HTML alone</title>
<link rel="icon" href="data:,"></head><body>${fragment}</body></html>`;
// And that HTML at its plainest (no shadow root, no stylesheet, no preload
// hints): what paint takes for this much markup whatever the widget does with it.
const flatPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>cold start: the HTML, flat</title>
<link rel="icon" href="data:,"></head><body>${fragment.replace(/<link rel="[a-z]*preload"[^>]*>|<link rel="stylesheet"[^>]*>|<\/?template[^>]*>/g, '')}</body></html>`;
const blankPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>cold start: one heading</title>
<link rel="icon" href="data:,"></head><body><h1>A headline</h1></body></html>`;
const brotli = (text) => brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const html = { jsonBytes: coldArticle.length, jsonBrotli: brotli(coldArticle), htmlBytes: fragment.length, htmlBrotli: brotli(fragment) };

// ---- dist/ at /, bench/ at /bench/, the generated articles from memory ----
const server = await serve((path) => {
  if (articles.has(path)) return Buffer.from(articles.get(path));
  if (path === '/bench/cold-ssr.html') return Buffer.from(ssrPage);
  if (path === '/bench/cold-html.html') return Buffer.from(htmlPage);
  if (path === '/bench/cold-blank.html') return Buffer.from(blankPage);
  if (path === '/bench/cold-flat.html') return Buffer.from(flatPage);
  if (path === '/bench/style.css') return 'www/article-widget.css'; // for the baseline's cold start
  return path.startsWith('/bench/') ? join('bench', path.slice(7)) : join(dist, path);
});
const { origin } = server;
const browser = await launchChromium(['--enable-precise-memory-info', '--js-flags=--expose-gc']);
const median = (values) => {
  const s = values.filter((x) => typeof x === 'number').sort((a, b) => a - b); const m = s.length >> 1;
  if (!s.length) return null;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const page = await (await browser.newContext()).newPage();
page.on('pageerror', (error) => { console.error(`page error: ${error.message}`); process.exitCode = 1; });
await page.goto(`${origin}/bench/bench.html`);
await page.waitForFunction(() => document.body.dataset.ready && customElements.get('article-widget'));

// 1. size
const sizeTable = execFileSync('node', ['scripts/size-report.mjs', dist], { encoding: 'utf8' });
const totalLine = sizeTable.trim().split('\n').pop().trim().split(/\s+/);
const size = { rawKB: Number(totalLine.at(-3)), gzipKB: Number(totalLine.at(-2)), brotliKB: Number(totalLine.at(-1)) };

// 2. render, interleaved, and 5. scaling
const render = [];
for (const n of SIZES) {
  const json = articles.get(`/bench/articles/${n}-a.json`);
  // The baseline must build what the widget builds, or the ratios say nothing.
  const differences = await page.evaluate((j) => window.bench.differences(j), json);
  if (differences) {
    console.error(`The baseline's DOM is not the widget's at ${n} blocks:\n${differences}`);
    process.exit(1);
  }
  const widget = []; const baseline = []; const fair = [];
  for (let i = 0; i < RUNS + 1; i += 1) {
    const w = await page.evaluate((j) => window.bench.widget(j), json);
    const b = await page.evaluate((j) => window.bench.baseline(j), json);
    const f = await page.evaluate((j) => window.bench.baseline(j, true), json);
    if (i > 0) { widget.push(w); baseline.push(b); fair.push(f); } // the first round warms up
  }
  const updateWidget = []; const updateBaseline = [];
  for (let i = 0; i < Math.max(3, RUNS / 3); i += 1) {
    updateWidget.push(await page.evaluate(([f, t]) => window.bench.widgetUpdate(f, t), [`/bench/articles/${n}-a.json`, `/bench/articles/${n}-b.json`]));
    updateBaseline.push(await page.evaluate(([f, t]) => window.bench.baselineUpdate(f, t), [`/bench/articles/${n}-a.json`, `/bench/articles/${n}-b.json`]));
  }
  render.push({ blocks: n, widgetMs: median(widget), baselineMs: median(baseline), ratio: median(widget) / median(baseline),
    fairBaselineMs: median(fair), fairRatio: median(widget) / median(fair),
    updateWidgetMs: median(updateWidget), updateBaselineMs: median(updateBaseline) });
}
await page.evaluate(() => window.bench.clear());
const at = (n) => render.find((r) => r.blocks === n);
const scaling = at(10000) && at(1000) ? at(10000).widgetMs / at(1000).widgetMs : null;

// 3. cold start
const cold = {};
// `preload`: the widget with the preload hints of docs/embedding.md (its article is 100-a).
// `ssr`: the same article server-rendered into the page; `ready` is when its
// share button works (hydrated), as for the others. `html` and `blank` run no
// script: their first contentful paint only (as does `flat`).
const firstContentfulPaint = () => {
  const entry = performance.getEntriesByName('first-contentful-paint')[0];
  return entry && { painted: entry.startTime };
};
// Interleaved, one load of each kind in turn, so a slower spell of the
// machine falls on every kind alike.
const coldKinds = ['ssr', 'widget', 'preload', 'baseline', 'html', 'flat', 'blank'];
const loads = Object.fromEntries(coldKinds.map((kind) => [kind, []]));
// The widget's files each kind of page asked for before any interaction (the
// first load of each; a cold cache every time).
const requested = {};
for (let i = 0; i < COLD_RUNS; i += 1) {
  for (const kind of coldKinds) {
    const fresh = await (await browser.newContext()).newPage();
    const paths = [];
    fresh.on('request', (request) => paths.push(new URL(request.url()).pathname));
    await fresh.goto(`${origin}/bench/cold-${kind}.html?src=/bench/articles/${SIZES[1]}-a.json`);
    const scripted = !['html', 'flat', 'blank'].includes(kind);
    loads[kind].push(await (scripted ? fresh.waitForFunction(() => window.coldStart) : fresh.waitForFunction(firstContentfulPaint))
      .then((h) => h.jsonValue()));
    if (i === 0) {
      await fresh.waitForTimeout(500); // whatever else it fetches once settled
      requested[kind] = [...new Set(paths)];
    }
    await fresh.context().close();
  }
}
// Brotli bytes of the widget's own files among them (not the page, the
// article, its pictures or the benchmark's scripts).
const widgetFile = (path) => !/^\/(bench|articles|images)\//.test(path) && existsSync(join(dist, path)) && statSync(join(dist, path)).isFile();
const beforeInteraction = Object.fromEntries(['widget', 'ssr'].map((kind) => {
  const files = requested[kind].filter(widgetFile);
  const bytes = files.reduce((total, path) => total + brotli(readFileSync(join(dist, path))), 0);
  return [kind, { brotliKB: Number((bytes / 1000).toFixed(1)), files }];
}));
// The first open of a part loaded on use (the share menu), cold cache: from the
// click to the menu in the DOM, with no hover before it to start the load.
const firstOpens = [];
for (let i = 0; i < Math.min(COLD_RUNS, 9); i += 1) {
  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(`${origin}/bench/cold-widget.html?src=/bench/articles/${SIZES[1]}-a.json`);
  await fresh.waitForFunction(() => window.coldStart);
  firstOpens.push(await fresh.evaluate(() => new Promise((resolve) => {
    navigator.share = undefined;
    const root = document.querySelector('article-widget').shadowRoot;
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (root.querySelector('[role="menu"]')) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(root, { childList: true, subtree: true });
    root.querySelector('button.aw-share-button').click();
  })));
  await fresh.context().close();
}
const firstOpenMs = median(firstOpens);
for (const kind of coldKinds) {
  const of = (key) => median(loads[kind].map((load) => load[key]));
  cold[kind] = { readyMs: of('ready'), paintedMs: of('painted'), usableMs: of('usable') };
}

// 4. memory
const memorySize = SIZES.includes(1000) ? 1000 : SIZES.at(-1);
const memoryJson = articles.get(`/bench/articles/${memorySize}-a.json`);
const before = await page.evaluate(() => window.bench.memory());
await page.evaluate((j) => window.bench.widget(j), memoryJson);
const rendered = await page.evaluate(() => window.bench.memory());
await page.evaluate(() => window.bench.clear());
const half = Math.floor(CYCLES / 2);
await page.evaluate(([j, t]) => window.bench.cycles(j, t), [memoryJson, half]);
const afterHalf = await page.evaluate(() => window.bench.memory());
await page.evaluate(([j, t]) => window.bench.cycles(j, t), [memoryJson, CYCLES - half]);
const afterAll = await page.evaluate(() => window.bench.memory());
const memory = { blocks: memorySize, cycles: CYCLES, before, rendered, afterHalf, afterAll };

await browser.close();
server.close();

// ---- report ----
const ms = (x) => x.toFixed(2).padStart(9);
const mb = (x) => (x == null ? '      n/a' : (x / 1e6).toFixed(2).padStart(9));
console.log(`\nSize (everything a host loads from ${dist}/)`);
console.log(sizeTable.trimEnd());
console.log(`\nRender: JSON in -> DOM complete, median of ${RUNS} runs, widget and baselines interleaved (12 related cards)`);
console.log('(vanilla: no stylesheet, the body in one; fair: the widget\'s stylesheet, its size container and its long body in content-visibility parts)');
console.log(`${'blocks'.padStart(7)}${'widget ms'.padStart(11)}${'vanilla ms'.padStart(12)}${'ratio'.padStart(8)}${'fair ms'.padStart(10)}${'ratio'.padStart(8)}${'update w ms'.padStart(13)}${'update v ms'.padStart(13)}`);
for (const r of render) {
  console.log(`${String(r.blocks).padStart(7)}  ${ms(r.widgetMs)}   ${ms(r.baselineMs)} ${r.ratio.toFixed(2).padStart(7)} ${ms(r.fairBaselineMs)} ${r.fairRatio.toFixed(2).padStart(7)}  ${ms(r.updateWidgetMs)}    ${ms(r.updateBaselineMs)}`);
}
if (scaling != null) console.log(`Scaling: time(10,000 blocks) / time(1,000 blocks) = ${scaling.toFixed(2)}`);
console.log(`\nCold start (${SIZES[1]} blocks, median of ${COLD_RUNS} page loads, ms since navigation)`);
for (const [kind, c] of Object.entries(cold)) {
  const scripted = c.readyMs == null ? '' : `ready ${ms(c.readyMs)}   `;
  console.log(`${kind.padEnd(9)} ${scripted.padEnd(19)}painted ${ms(c.paintedMs)}${scripted && `   usable ${ms(c.usableMs)}`}`);
}
console.log('(ready: the share button is live; usable: the first frame painted with it live and on screen)');
const toBaseline = (kind) => (cold[kind].paintedMs / cold.baseline.paintedMs).toFixed(2);
console.log(`Headline painted / baseline: server-rendered ${toBaseline('ssr')}, client-rendered ${toBaseline('widget')}; `
  + `the server's HTML alone, no script ${toBaseline('html')}; the same HTML flat (no shadow root, stylesheet or preload) ${toBaseline('flat')}; `
  + `a page with one heading ${toBaseline('blank')}`);
console.log(`Share button usable, server-rendered / client-rendered: ${(cold.ssr.usableMs / cold.widget.usableMs).toFixed(2)}; `
  + `server-rendered / baseline: ${(cold.ssr.usableMs / cold.baseline.usableMs).toFixed(2)}`);
console.log(`First open of the share menu, its part not loaded yet (cold cache, median of ${firstOpens.length}): ${firstOpenMs.toFixed(1)} ms from the click`);
console.log('\nBefore the first interaction: the widget\'s files the browser asked for (brotli -q 11)');
for (const [kind, label] of [['widget', 'client-rendered free article'], ['ssr', 'server-rendered page']]) {
  console.log(`${label.padEnd(30)} ${String(beforeInteraction[kind].brotliKB).padStart(6)} KB  (${beforeInteraction[kind].files.length} files: ${beforeInteraction[kind].files.join(' ')})`);
}
console.log(`\nServer-rendered HTML (${SIZES[1]} blocks): ${html.htmlBytes} bytes, ${html.htmlBrotli} brotli; `
  + `the article JSON: ${html.jsonBytes} bytes, ${html.jsonBrotli} brotli (HTML added: ${html.htmlBytes - html.jsonBytes} bytes, ${html.htmlBrotli - html.jsonBrotli} brotli)`);
console.log(`\nMemory (MB; ${memorySize}-block article; ${CYCLES} mount/remove cycles)`);
console.log(`${''.padEnd(22)}${'JS heap'.padStart(9)}${'wasm'.padStart(10)}`);
for (const [label, m] of [['before', before], ['rendered', rendered], [`after ${half} cycles`, afterHalf], [`after ${CYCLES} cycles`, afterAll]]) {
  console.log(`${label.padEnd(22)}${mb(m.jsHeap)} ${mb(m.wasm)}`);
}
const results = { date: new Date().toISOString(), quick, size, beforeInteraction, firstOpenMs, render, scaling, cold, html, memory };
if (!quick) {
  await writeFile('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log('\nWrote bench/results.json');
}
