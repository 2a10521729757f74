// The host page's contract against a real HTTP server (issue 13): a new `src`
// aborts a slow request at once, and `ready` fires once, for the article shown.
//   node e2e/host.mjs dist
import { DIST, launchChromium, report, serve } from './lib.mjs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const started = [];
// A server-rendered page sent in two parts, with an `async` embed.js: the
// second part (the rest of the article and its data island) only once the
// element is defined, so the browser upgrades a half-parsed widget.
const { renderToString } = await import(pathToFileURL(resolve(DIST, 'server/render.mjs')));
const streamedFragment = renderToString(JSON.stringify({
  id: 'streamed', title: 'Streamed headline', published: '2026-11-01T10:00:00Z',
  body: [{ type: 'paragraph', text: 'First paragraph.' }, { type: 'paragraph', text: 'Second paragraph.' }],
}), { assets: '/' });
const streamedSplit = streamedFragment.indexOf('Second paragraph.');
let defined;
const elementDefined = new Promise((resolve) => { defined = resolve; });
const server = await serve(async (path) => {
  if (path === '/host.html') {
    return Buffer.from('<!doctype html><html lang="en"><title>Host</title>'
      + '<script type="module" src="/embed.js"></script><article-widget id="w"></article-widget>');
  }
  if (path === '/streamed.html') {
    return async (write) => {
      write('<!doctype html><html lang="en"><head><title>Streamed</title>'
        + `<script type="module" async src="/embed.js"></script></head><body>${streamedFragment.slice(0, streamedSplit)}`);
      await elementDefined;
      write(`${streamedFragment.slice(streamedSplit)}</body></html>`);
    };
  }
  // Under Trusted Types: /trusted/<policy list>.html
  const trusted = path.match(/^\/trusted\/([a-z-]+)\.html$/);
  if (trusted) {
    const policies = trusted[1] === 'none' ? "'none'" : trusted[1];
    const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; "
      + `require-trusted-types-for 'script'; trusted-types ${policies}`;
    return Buffer.from(`<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="${csp}">`
      + '<title>Trusted Types</title><script type="module" src="/embed.js"></script></head><body>'
      + '<article-widget id="main"><script type="application/json">'
      + JSON.stringify({ id: 'tt', title: 'Under Trusted Types', published: '2026-11-01T10:00:00Z', body: [{ type: 'paragraph', text: 'Text </script> here' }],
        notifications: { topics: [{ id: 'local', label: 'Local' }] },
        access: { model: 'premium', teaserBlocks: 0, subscribeUrl: 'https://example.org/s' } }).replaceAll('<', '\\u003c')
      // Every other state: an error panel, a skeleton.
      + '</script></article-widget><article-widget src="/articles/missing-file"></article-widget>'
      + '<article-widget src="/articles/slow-c.json"></article-widget></body></html>');
  }
  // Colour schemes: the default, theme="auto", and a host that opts into dark.
  if (path === '/schemes.html') {
    const island = '<script type="application/json">{"id":"s","title":"Scheme","published":"2026-11-01T10:00:00Z","body":[]}</script>';
    return Buffer.from('<!doctype html><html lang="en"><title>Schemes</title><script type="module" src="/embed.js"></script>'
      + `<article-widget id="default">${island}</article-widget>`
      + `<article-widget id="auto" theme="auto">${island}</article-widget>`
      + `<div style="color-scheme: dark"><article-widget id="host-dark">${island}</article-widget></div>`
      + `<article-widget id="forced" theme="light" style="color-scheme: dark">${island}</article-widget>`);
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
// Colour scheme, with the reader's system set to dark.
const darkSystem = await browser.newContext({ colorScheme: 'dark' });
const schemesPage = await darkSystem.newPage();
await schemesPage.goto(`${server.origin}/schemes.html`);
await schemesPage.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.shadowRoot?.querySelector('h1')), null, { timeout: 10_000 }).catch(() => {});
const schemes = await schemesPage.evaluate(() => Object.fromEntries([...document.querySelectorAll('article-widget')]
  .map((w) => [w.id, getComputedStyle(w.shadowRoot.querySelector('.aw-page')).backgroundColor])));
await darkSystem.close();
const [LIGHT, DARK] = ['rgb(255, 255, 255)', 'rgb(18, 19, 23)'];

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

// Defined while the page still streams: hydrated once the parser has passed it.
const streamedPage = await browser.newPage();
const streamedMessages = [];
streamedPage.on('console', (message) => streamedMessages.push(`${message.type()}: ${message.text()}`));
const streamedLoad = streamedPage.goto(`${server.origin}/streamed.html`);
await streamedPage.waitForFunction(() => customElements.get('article-widget'), null, { timeout: 10_000 })
  .catch(() => streamedMessages.push('the element was never defined'));
const definedWhileLoading = await streamedPage.evaluate(() => document.readyState === 'loading');
defined();
await streamedLoad;
await streamedPage.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('button.aw-share-button'), null, { timeout: 10_000 }).catch(() => {});
const streamed = await streamedPage.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  return {
    containers: root.querySelectorAll('.aw-container').length,
    paragraphs: [...root.querySelectorAll('.aw-body p')].map((p) => p.textContent),
    live: Boolean(root.querySelector('button.aw-share-button')),
  };
});
await streamedPage.close();

// Under Trusted Types, with the widget's policy allowed, and with none allowed.
// What counts as a violation: anything Trusted Types or CSP refused, or an
// uncaught error; not the refused policy itself under 'none' (the browser
// reports that one), nor the 404 of the widget that shows an error panel.
const violations = (messages) => messages.filter((m) => m.startsWith('error')
  && (/Trusted|Content Security|uncaught/.test(m)) && !m.includes("Creating a TrustedTypePolicy named 'article-widget'"));
const trustedTypes = {};
for (const policies of ['article-widget', 'none']) {
  const page = await browser.newPage();
  const messages = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`error: uncaught ${error.message}`));
  await page.goto(`${server.origin}/trusted/${policies}.html`);
  await page.waitForFunction(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('h1'), null, { timeout: 10_000 }).catch(() => {});
  // Open the share menu and the bell's prompt too.
  for (const name of ['Share', 'Get notifications']) {
    await page.locator('#main').getByRole('button', { name }).click().catch(() => {});
  }
  // They are a part of the wasm loaded on use: there a moment later.
  await page.waitForFunction(() => document.querySelector('#main')?.shadowRoot?.querySelector('[role="menu"], [role="dialog"]'),
    null, { timeout: 5_000 }).catch(() => {});
  trustedTypes[policies] = await page.evaluate(() => {
    const [main, failed, loading] = [...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot);
    const root = main;
    return {
      wall: Boolean(root?.querySelector('.aw-paywall')),
      menuOrPrompt: Boolean(root?.querySelector('[role="menu"], [role="dialog"]')),
      errorPanel: Boolean(failed?.querySelector('[role="alert"]')),
      skeleton: Boolean(loading?.querySelector('.aw-skeleton')),
      headline: root?.querySelector('h1')?.textContent,
      icons: root ? root.querySelectorAll('button svg').length : 0,
      jsonLd: document.querySelectorAll('script[type="application/ld+json"]').length,
    };
  });
  trustedTypes[policies].messages = messages;
  await page.close();
}

const [slow, fast] = [started.find(([p]) => p.includes('slow-a')), started.find(([p]) => p.endsWith('/b.json'))];
const checks = [
  ['the new article is shown, not the slow one', outcome.headline === 'Article b', outcome.headline],
  ['within a second of the change', outcome.shownAfter < 1000, `${Math.round(outcome.shownAfter)} ms`],
  ['its request started before the slow one answered', fast && slow && fast[1] - slow[1] < 1500, fast && slow ? `${fast[1] - slow[1]} ms later` : 'not requested'],
  ['one ready, for it', JSON.stringify(outcome.events) === JSON.stringify([{ id: 'b', source: 'src', warnings: 0 }]), JSON.stringify(outcome.events)],
  ['no uncaught error', problems.length === 0, problems.join('; ')],
  ['under Trusted Types with the policy "article-widget": the article, its icons, wall, menu, error panel, skeleton and JSON-LD, no violation',
    trustedTypes['article-widget'].headline === 'Under Trusted Types' && trustedTypes['article-widget'].icons === 2
      && trustedTypes['article-widget'].wall && trustedTypes['article-widget'].menuOrPrompt
      && trustedTypes['article-widget'].errorPanel && trustedTypes['article-widget'].skeleton
      && trustedTypes['article-widget'].jsonLd === 1 && violations(trustedTypes['article-widget'].messages).length === 0,
    JSON.stringify(trustedTypes['article-widget'])],
  ["under trusted-types 'none': the article without JSON-LD, and a warning that says why",
    trustedTypes.none.headline === 'Under Trusted Types' && trustedTypes.none.jsonLd === 0
      && trustedTypes.none.messages.some((m) => m.startsWith('warning: article-widget: no JSON-LD'))
      && violations(trustedTypes.none.messages).length === 0,
    JSON.stringify(trustedTypes.none)],
  ['a server-rendered widget defined while its page still streams (async embed.js) waits for the parser, then hydrates',
    definedWhileLoading && streamed.containers === 1 && streamed.live
      && JSON.stringify(streamed.paragraphs) === JSON.stringify(['First paragraph.', 'Second paragraph.'])
      && !streamedMessages.some((m) => m.includes('drawn again')),
    JSON.stringify({ definedWhileLoading, ...streamed, streamedMessages })],
  ['colour scheme: light by default even on a dark system, as the host page is',
    schemes.default === LIGHT, JSON.stringify(schemes)],
  ['theme="auto" follows the dark system; a host with color-scheme: dark gets dark; theme="light" forces light',
    schemes.auto === DARK && schemes['host-dark'] === DARK && schemes.forced === LIGHT, JSON.stringify(schemes)],
  ['a widget that cannot start fires error {kind: "startup"}',
    startup.events.length === 1 && startup.events[0].kind === 'startup' && startup.events[0].message.startsWith('article-widget could not start: '),
    JSON.stringify(startup.events)],
  ['and keeps showing its fallback content', startup.fallbackHeight > 0, `${startup.fallbackHeight} px`],
  ['and says why in the console', consoleErrors.some((text) => text.startsWith('article-widget could not start: ')), consoleErrors.join('; ')],
];
report(checks);
await browser.close();
server.close();
