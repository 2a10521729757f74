// The widget's two builds and its wasm split by use (scripts/build.mjs,
// docs/cost.md), in the built dist/: a client-rendered page loads the build
// that does not hydrate (client/), a server-rendered one the build that does;
// a page loads no part before the reader asks for one; the share
// menu and the bell's prompt come from one part, loaded once, from the
// pointer coming near or a click; a document the quick reader refuses is read
// again by the tracked reader's part, which names the exact path of the
// mistake, as the one-module widget did.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, launchChromium, serve } from './lib.mjs';
import { isPart } from '../scripts/build/parts.mjs';

const ARTICLE = JSON.parse(readFileSync(join(DIST, 'articles', 'night-ferry.json'), 'utf8'));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:";
const page = (body) => Buffer.from(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>parts</title>
<meta http-equiv="Content-Security-Policy" content="${CSP}"><link rel="icon" href="data:,">
<script type="module" src="/embed.js"></script><script type="module" src="/listen.js"></script></head><body>${body}</body></html>`);
// A mistake in the body (the types refuse it), and one in an optional part (left out, with its path).
const refused = { ...ARTICLE, id: 'refused', body: [ARTICLE.body[0], { type: 'paragraph', text: 42 }] };
const leftOut = { ...ARTICLE, id: 'left-out', related: [{ ...ARTICLE.related[0], url: 7 }] };
const NINJS = readdirSync(join(DIST, 'formats', 'ninjs')).find((name) => name.endsWith('.json') && !name.endsWith('.v1.json'));
const island = (json, id) => `<article-widget id="${id}"><script type="application/json">${JSON.stringify(json)}</script></article-widget>`;

const server = await serve((path) => {
  if (path === '/valid.html') return page('<article-widget id="valid" src="/articles/night-ferry.json"></article-widget>');
  if (path === '/refused.html') {
    return page(`${island(refused, 'island')}<article-widget id="src" src="/refused.json"></article-widget>
<article-widget id="property"></article-widget>${island(leftOut, 'left-out')}`);
  }
  if (path === '/refused.json') return Buffer.from(JSON.stringify(refused));
  if (path === '/left-out.html') return page(island(leftOut, 'left-out'));
  // Two widgets in a language whose strings are a file of their own, and a feed to convert.
  if (path === '/swedish.html') {
    return page('<article-widget id="sv-1" lang="sv" src="/articles/night-ferry.json"></article-widget><article-widget id="sv-2" lang="sv" src="/articles/night-ferry.json"></article-widget>');
  }
  if (path === '/feed.html') return page(`<article-widget id="feed" format="ninjs" src="/formats/ninjs/${NINJS}"></article-widget>`);
  // A client-rendered page that inserts a server-rendered widget later, without and with ARTICLE_WIDGET_HYDRATE.
  if (path === '/later.html' || path === '/later-hydrate.html') {
    const hint = path === '/later-hydrate.html' ? '<script src="/hydrate-hint.js"></script>' : '';
    return page(`${hint}<article-widget id="valid" src="/articles/night-ferry.json"></article-widget><div id="later"></div>`);
  }
  if (path === '/hydrate-hint.js') return Buffer.from('globalThis.ARTICLE_WIDGET_HYDRATE = true;');
  if (path === '/listen.js') {
    return Buffer.from(`window.__events = [];
for (const kind of ['ready', 'error']) document.addEventListener('article-widget:' + kind, (e) => window.__events.push({ kind, id: e.target.id, detail: e.detail }));
const property = document.getElementById('property');
if (property) property.article = ${JSON.stringify(refused)};`);
  }
  return join(DIST, path);
});
const browser = await launchChromium();
after(() => { server.close(); return browser.close(); });

/** A fresh page on `path`, with every request, console error and warning
 * recorded; `block`: parts whose file name it matches fail to load (as on a
 * network that drops them) until `unblock()`. */
async function open(path, { block } = {}) {
  const tab = await (await browser.newContext()).newPage();
  const requests = [];
  const errors = [];
  const warnings = [];
  const consoleErrors = [];
  tab.on('request', (request) => requests.push(new URL(request.url()).pathname));
  tab.on('pageerror', (error) => errors.push(error.message));
  tab.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
    if (message.type() === 'warning') warnings.push(message.text());
  });
  // A panic stops the whole wasm instance: the panic hook says so (element.rs).
  const stopped = () => consoleErrors.filter((e) => e.includes('article-widget stopped'));
  const blocked = (url) => block && isPart(url.pathname.split('/').pop()) && block.test(url.pathname);
  if (block) await tab.route(blocked, (route) => route.abort('connectionfailed'));
  const unblock = () => tab.unroute(blocked);
  await tab.goto(server.origin + path);
  return { tab, requests, errors, warnings, stopped, unblock, parts: () => requests.filter((r) => isPart(r.split('/').pop())) };
}

test('a page loads no part before the reader asks; the share menu and the bell load one, once', async () => {
  const { tab, requests, errors, parts } = await open('/valid.html');
  await tab.waitForFunction(() => window.__events.some((e) => e.kind === 'ready'), null, { timeout: 15_000 });
  await tab.waitForTimeout(300);
  const wasm = requests.filter((r) => r.endsWith('.wasm') && !parts().includes(r));
  assert.deepEqual(wasm, ['/client/article-widget_bg.wasm'], 'the build that does not hydrate, alone');
  assert.deepEqual(parts(), [], 'no part before any interaction');
  await tab.evaluate(() => { navigator.share = undefined; });
  const widget = tab.locator('#valid');
  await widget.getByRole('button', { name: 'Share' }).click();
  await widget.getByRole('menu').waitFor({ timeout: 10_000 });
  assert.equal(await widget.getByRole('menuitem', { name: 'Copy link' }).count(), 1);
  assert.equal(parts().length, 1, `one part for the menu: ${parts()}`);
  await tab.keyboard.press('Escape');
  await widget.getByRole('button', { name: 'Get notifications' }).click();
  await widget.getByRole('dialog').waitFor({ timeout: 10_000 });
  assert.equal(parts().length, 1, `the bell's prompt came from the same part: ${parts()}`);
  assert.deepEqual(errors, []);
});

test('a server-rendered page loads the build that hydrates, and hydrates', async () => {
  const { tab, requests, errors } = await open('/ssr/night-ferry.html');
  await tab.waitForFunction(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('button.aw-share-button'),
    null, { timeout: 15_000 });
  const wasm = requests.filter((r) => r.endsWith('.wasm'));
  assert.deepEqual(wasm, ['/article-widget_bg.wasm'], 'the build that hydrates, alone');
  assert.deepEqual(errors, []);
});

// The server's HTML of the sample, as a script inserts it into a page after embed.js ran.
async function insertServerWidget(tab) {
  const html = await (await fetch(`${server.origin}/ssr/night-ferry.html`)).text();
  const widget = html.slice(html.indexOf('<article-widget'), html.indexOf('</article-widget>') + '</article-widget>'.length);
  await tab.evaluate((markup) => {
    const later = document.getElementById('later');
    later.setHTMLUnsafe(markup); // declarative shadow root, as a streamed or fetched page brings it
    return later.querySelector('article-widget').shadowRoot?.querySelector('.aw-container') !== null;
  }, widget);
}

test('a server-rendered widget inserted later is drawn again by the client build, saying why; ARTICLE_WIDGET_HYDRATE hydrates it', async () => {
  for (const [path, hydrates] of [['/later.html', false], ['/later-hydrate.html', true]]) {
    const { tab, requests } = await open(path);
    const warnings = [];
    tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await tab.waitForFunction(() => window.__events.some((e) => e.kind === 'ready'), null, { timeout: 15_000 });
    await insertServerWidget(tab);
    await tab.waitForFunction(() => document.querySelector('#later article-widget').shadowRoot.querySelector('button.aw-share-button'),
      null, { timeout: 15_000 });
    const wasm = requests.filter((r) => r.endsWith('article-widget_bg.wasm'));
    const redrawn = warnings.filter((w) => w.includes('drawn again in the browser'));
    if (hydrates) {
      assert.deepEqual(wasm, ['/article-widget_bg.wasm'], path);
      assert.deepEqual(redrawn, [], path);
    } else {
      assert.deepEqual(wasm, ['/client/article-widget_bg.wasm'], path);
      assert.equal(redrawn.length, 1, `${path}: ${warnings}`);
      assert.match(redrawn[0], /ARTICLE_WIDGET_HYDRATE/);
    }
    assert.equal(await tab.locator('#later').getByRole('heading', { level: 1 }).count(), 1, `${path}: one headline`);
  }
});

test('the pointer coming near the share button starts loading its part', async () => {
  const { tab, parts } = await open('/valid.html');
  await tab.waitForFunction(() => window.__events.some((e) => e.kind === 'ready'), null, { timeout: 15_000 });
  assert.deepEqual(parts(), []);
  await tab.locator('#valid').getByRole('button', { name: 'Share' }).hover();
  await tab.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/split_[^/]*\.wasm$/.test(e.name)),
    null, { timeout: 10_000 });
  assert.equal(parts().length, 1, `loading on hover: ${parts()}`);
});

test('a refused document names the exact path of its mistake, from any source, reading its part once', async () => {
  const { tab, errors, parts } = await open('/refused.html');
  await tab.waitForFunction(() => window.__events.length >= 4, null, { timeout: 15_000 }).catch(() => {});
  const events = await tab.evaluate(() => window.__events.map(({ kind, id, detail }) => ({ kind, id, path: detail.path, message: detail.message })));
  const byId = Object.fromEntries(events.map((e) => [e.id, e]));
  for (const id of ['island', 'src', 'property']) {
    assert.equal(byId[id]?.kind, 'error', `${id}: ${JSON.stringify(events)}`);
    assert.equal(byId[id].path, 'body[1].text', `${id}: ${byId[id].message}`);
    assert.match(byId[id].message, /body\[1\]\.text: .*string/, id);
  }
  // Left out, not refused: the article shows.
  assert.equal(byId['left-out']?.kind, 'ready', JSON.stringify(byId['left-out']));
  assert.equal(await tab.locator('#island').getByRole('alert').count(), 1, "the island's error panel");
  assert.equal(parts().filter((p) => p.includes('explain')).length, 1, `the tracked reader's part, once: ${parts()}`);
  assert.deepEqual(errors, []);
});

test('a part left out is shown without it at once; its exact path comes from the tracked reader\'s part', async () => {
  const { tab, errors, parts } = await open('/left-out.html');
  const warnings = [];
  tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
  await tab.waitForFunction(() => window.__events.some((e) => e.kind === 'ready'), null, { timeout: 15_000 });
  const ready = await tab.evaluate(() => window.__events.find((e) => e.kind === 'ready').detail);
  assert.equal(ready.warnings, 1, JSON.stringify(ready));
  assert.equal(await tab.locator('#left-out').getByRole('heading', { level: 1 }).count(), 1);
  for (let i = 0; i < 100 && !warnings.some((w) => w.includes('related[0].url')); i += 1) await tab.waitForTimeout(50);
  const related = warnings.filter((w) => w.includes('related'));
  assert.equal(related.length, 1, `one warning, with the exact path: ${warnings}`);
  assert.match(related[0], /^article-widget: related\[0\]\.url: expected a string, found .*; left out$/);
  assert.equal(parts().filter((p) => p.includes('explain')).length, 1, `the tracked reader's part, once: ${parts()}`);
  assert.deepEqual(errors, []);
});

test('strings in a file of their own come with the part that reads them, both once a page', async () => {
  const { tab, requests, errors, parts } = await open('/swedish.html');
  for (const id of ['sv-1', 'sv-2']) {
    await tab.locator(`#${id}`).getByRole('button', { name: 'Dela' }).waitFor({ timeout: 15_000 });
  }
  assert.equal(requests.filter((r) => r.endsWith('/strings/sv.json')).length, 1, `the table, once: ${requests}`);
  assert.equal(parts().filter((p) => p.includes('read_strings')).length, 1, `its reader's part, once: ${parts()}`);
  assert.deepEqual(errors, []);
});

test('a feed in another format loads the converter\'s part on use, once', async () => {
  const { tab, errors, parts } = await open('/feed.html');
  await tab.waitForFunction(() => window.__events.some((e) => e.id === 'feed'), null, { timeout: 30_000 });
  const event = await tab.evaluate(() => window.__events.find((e) => e.id === 'feed'));
  assert.equal(event.kind, 'ready', JSON.stringify(event.detail));
  assert.equal(await tab.locator('#feed').getByRole('heading', { level: 1 }).count(), 1);
  assert.equal(parts().filter((p) => p.includes('read_converted')).length, 1, `the converter's part, once: ${parts()}`);
  assert.deepEqual(errors, []);
});

// A part that cannot be loaded is an error its caller handles, never a panic
// (which would stop every widget on the page), and the next use tries again.
test('a share menu whose part cannot be loaded: nothing opens, the console says why, a later click opens it', async () => {
  const { tab, errors, warnings, stopped, unblock } = await open('/valid.html', { block: /interactive_part/ });
  const button = tab.locator('#valid').getByRole('button', { name: 'Share' });
  await button.waitFor({ timeout: 15_000 });
  await tab.evaluate(() => { navigator.share = undefined; });
  await button.click();
  for (let i = 0; i < 100 && !warnings.some((w) => w.includes('could not be loaded')); i += 1) await tab.waitForTimeout(50);
  assert.ok(warnings.some((w) => /article-widget: a part of the widget .* could not be loaded/.test(w)), `warnings: ${warnings}`);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await tab.locator('#valid').getByRole('menu').count(), 0);
  assert.deepEqual([...errors, ...stopped()], [], 'no panic');
  await unblock();
  await button.click();
  await tab.locator('#valid').getByRole('menu').waitFor({ timeout: 10_000 });
});

test('strings whose reader cannot be loaded: English shows, with a warning', async () => {
  const { tab, errors, warnings, stopped } = await open('/swedish.html', { block: /read_strings/ });
  for (const id of ['sv-1', 'sv-2']) {
    await tab.locator(`#${id}`).getByRole('button', { name: 'Share' }).waitFor({ timeout: 15_000 });
  }
  assert.ok(warnings.some((w) => /the sv strings could not be loaded .*could not be loaded.*; showing English/.test(w)), `warnings: ${warnings}`);
  assert.deepEqual([...errors, ...stopped()], [], 'no panic');
});

test('a refused document whose tracked reader cannot be loaded: the error panel, without the path', async () => {
  const { tab, errors, stopped } = await open('/refused.html', { block: /explain_refusal/ });
  await tab.waitForFunction(() => ['island', 'src', 'property'].every((id) => window.__events.some((e) => e.id === id)), null, { timeout: 15_000 });
  const events = await tab.evaluate(() => window.__events.filter((e) => e.kind === 'error').map((e) => e.detail.message));
  assert.equal(events.length, 3, JSON.stringify(events));
  for (const message of events) assert.match(message, /does not match format v1; where, the reader cannot say: a part of the widget/);
  assert.equal(await tab.locator('#island').getByRole('alert').count(), 1, "the island's error panel");
  assert.deepEqual([...errors, ...stopped()], [], 'no panic');
});
