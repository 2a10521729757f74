// End-to-end quality checks of the built dist/ in headless Chromium: keyboard
// only, layout stability (CLS), privacy, reduced motion, widths 360 and 1280 px,
// and screenshots into docs/screenshots/. Every failure names the check, the
// page and what was found.
import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DIST, launchChromium, serve } from './lib.mjs';

const SHOTS = process.env.E2E_SCREENSHOTS ?? process.argv[3] ?? 'target/e2e-screenshots';
await mkdir(SHOTS, { recursive: true });
// A server-rendered article with no `url` of its own (optional in the
// format, and common in feeds): the server has no link to share, so it
// draws no share links, while the live page shares its own address.
const { renderToString } = await import(pathToFileURL(resolve(DIST, 'server/render.mjs')));
// And a metered one with no hero picture: the server cannot know the
// reader's meter, the live page says how many free articles are left right
// above the body, in view.
const nightFerry = await readFile('www/articles/night-ferry.json', 'utf8');
const withoutUrl = JSON.parse(nightFerry);
delete withoutUrl.url;
const metered = JSON.parse(nightFerry);
delete metered.image;
metered.access = { model: 'metered', freeArticles: 5, subscribeUrl: 'https://harbour-herald.example/subscribe' };
const serverPage = (title, article) => '<!doctype html><html lang="en"><head><meta charset="utf-8">'
  + `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} (server-rendered)</title>`
  + `<script type="module" async src="/embed.js"></script></head><body>${renderToString(article, { assets: '/' })}</body></html>`;
const pages = { '/ssr/without-url.html': serverPage('No URL', withoutUrl), '/ssr/metered.html': serverPage('Metered', metered) };
const server = await serve((path) => (path in pages ? Buffer.from(pages[path]) : join(DIST, path)));
const { origin } = server;
const browser = await launchChromium();

// Each check a test of node:test, run in order on the one browser.
const check = (name, body) => test(name, body);
function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Records layout shifts from navigation on. */
const CLS_OBSERVER = `
  window.__cls = 0; window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.hadRecentInput) { window.__cls += entry.value; window.__shifts.push(entry.sources?.map((s) => s.node?.nodeName + '.' + (s.node?.className ?? '')).join(' ')); }
    }
  }).observe({ type: 'layout-shift', buffered: true });`;

async function open(path, options = {}) {
  const context = await browser.newContext(options);
  await context.addInitScript(CLS_OBSERVER);
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(origin + path);
  await page.waitForFunction(() => [...document.querySelectorAll('article-widget')].every((w) => w.shadowRoot?.querySelector('h1')), null, { timeout: 10_000 });
  // Every image loaded (lazy ones too: scroll through the page).
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 400) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 20)); }
    window.scrollTo(0, 0);
    const images = [...document.querySelectorAll('article-widget')].flatMap((w) => [...w.shadowRoot.querySelectorAll('img')]);
    await Promise.all(images.map((img) => (img.complete ? null : new Promise((r) => { img.onload = r; img.onerror = r; }))));
  });
  return { context, page, requests };
}

/** A screenshot clip from just above `selector` (inside the widget), `height` px tall. */
async function clipAround(page, selector, height) {
  const box = await page.locator(`article-widget ${selector}`).first().boundingBox();
  const width = page.viewportSize().width;
  return { x: 0, y: Math.max(0, box.y - 40), width, height };
}

/** The focused element, inside shadow roots too, as "tag: accessible text". */
const focused = (page) => page.evaluate(() => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active) return null;
  const style = getComputedStyle(active);
  const label = active.getAttribute('aria-label') ?? (active.tagName === 'INPUT' ? active.closest('label')?.textContent : active.textContent) ?? '';
  return { tag: active.tagName.toLowerCase(), text: label.trim().replace(/\s+/g, ' '), outline: style.outlineStyle !== 'none' && style.outlineWidth !== '0px' };
});

async function tabTo(page, wanted, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && now.text === wanted) {
      expect(now.outline, `no visible focus outline on "${wanted}"`);
      return now;
    }
  }
  throw new Error(`"${wanted}" is not reachable with Tab`);
}

await check('keyboard: share menu opens, arrows move, Escape returns focus (en, premium)', async () => {
  const { context, page } = await open('/index.html');
  await tabTo(page, 'Share');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  expect((await focused(page))?.text === 'Share on X', `focus after opening: ${JSON.stringify(await focused(page))}`);
  await page.keyboard.press('ArrowDown');
  expect((await focused(page))?.text === 'Share on Facebook', 'ArrowDown did not move to Facebook');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(50);
  expect((await focused(page))?.text === 'Share', 'focus did not return to Share');
  // The wall's links and every related card are reachable.
  for (const name of ['Subscribe', 'Log in', 'Donate', 'Ferry timetables: the full winter schedule', 'Analysis: why island transport keeps getting cut', 'The old quay gets new lights before Christmas']) {
    await tabTo(page, name);
  }
  await context.close();
});

await check('keyboard: bell prompt, choose a topic, turn on with permission granted', async () => {
  const { context, page } = await open('/index.html');
  await context.grantPermissions(['notifications'], { origin });
  await tabTo(page, 'Get notifications');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  await tabTo(page, 'Weather warnings', 5);
  await page.keyboard.press('Space');
  await tabTo(page, 'Turn on', 5);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  const pressed = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.aw-bell-button').getAttribute('aria-pressed'));
  expect(pressed === 'true', `bell aria-pressed is ${pressed}`);
  expect((await focused(page))?.text.startsWith('Get notifications'), 'focus did not return to the bell');
  const stored = await page.evaluate(() => localStorage.getItem('article-widget:bell'));
  expect(stored === '{"subscribed":true,"topics":["local"]}', `stored ${stored}`);
  await context.close();
});

await check('keyboard: bell with notifications denied in the browser explains how to unblock', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  // "Blocked" as a reader would set it in the site settings, for this browser context only.
  const { targetInfo } = await (await context.newCDPSession(page)).send('Target.getTargetInfo');
  await (await browser.newBrowserCDPSession()).send('Browser.setPermission', {
    permission: { name: 'notifications' }, setting: 'denied', origin, browserContextId: targetInfo.browserContextId,
  });
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.querySelector('article-widget')?.shadowRoot?.querySelector('h1'));
  await tabTo(page, 'Get notifications');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  const text = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('[role=dialog]')?.textContent ?? '');
  expect(text.includes('Notifications are blocked for this site'), `prompt says: ${text}`);
  await tabTo(page, 'Close', 3);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(50);
  expect((await focused(page))?.text.startsWith('Get notifications'), 'focus did not return to the bell');
  await context.close();
});

await check('keyboard: donation prompt "Not now" (nb, free)', async () => {
  const { context, page } = await open('/index.html?src=articles/havnebadet.json');
  await tabTo(page, 'Ikke nå');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  expect((await focused(page))?.text === 'Takk. Vi spør ikke igjen på en stund.', 'focus did not move to the thank-you');
  await context.close();
});

for (const [path, label] of [['/index.html', 'preview'], ['/embed-example.html', 'embed example'],
  ['/ssr/night-ferry.html', 'server-rendered, through hydration'], ['/ssr/havnebadet.html', 'server-rendered, free'],
  ['/ssr/without-url.html', 'server-rendered, no URL to share'], ['/ssr/metered.html', 'server-rendered, metered']]) {
  await check(`layout stability: CLS 0 through render, images and prompts (${label})`, async () => {
    const { context, page } = await open(path);
    // A server's page: wait until it is live (the share button and bell).
    if (path.startsWith('/ssr/')) await page.locator('article-widget button.aw-share-button').waitFor();
    if (path === '/index.html' || path === '/ssr/night-ferry.html') {
      // Both are a part of the wasm loaded on use: open once it is there.
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      await page.getByRole('menu').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Get notifications' }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
    }
    await page.waitForTimeout(300);
    const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
    console.log(`     CLS ${label}: ${cls.toFixed(4)}`);
    expect(cls === 0, `CLS ${cls.toFixed(4)}; shifted: ${JSON.stringify(shifts)}`);
    await context.close();
  });
}

await check('privacy: no request to another host, no cookie', async () => {
  for (const path of ['/index.html', '/index.html?src=articles/havnebadet.json', '/embed-example.html']) {
    const { context, page, requests } = await open(path);
    await page.getByRole('button', { name: /^(Share|Del)$/ }).first().click();
    const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
    expect(foreign.length === 0, `${path}: ${foreign.join(', ')}`);
    const cookies = await context.cookies();
    expect(cookies.length === 0, `${path}: cookies ${JSON.stringify(cookies)}`);
    await context.close();
  }
});

await check('reduced motion: no animation or transition runs', async () => {
  const { context, page } = await open('/index.html', { reducedMotion: 'reduce' });
  await page.evaluate(() => { document.querySelector('article-widget').removeAttribute('src'); document.querySelector('article-widget').setAttribute('src', 'articles/havnebadet.json'); });
  const running = await page.evaluate(() => [document, ...[...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot)].flatMap((root) => root.getAnimations()).length);
  expect(running === 0, `${running} animations running`);
  await context.close();
  const { context: moving, page: motion } = await open('/index.html');
  // A request that never answers: the skeleton stays while it loads.
  await motion.route('**/never.json', () => {});
  const skeletonAnimated = await motion.evaluate(async () => {
    const widget = document.createElement('article-widget');
    widget.setAttribute('src', 'never.json');
    document.body.append(widget);
    await new Promise((r) => setTimeout(r, 50));
    return widget.shadowRoot.getAnimations().length > 0;
  });
  expect(skeletonAnimated, 'without the preference the skeleton should pulse (the check above would prove nothing)');
  await moving.close();
});

await check('right to left: an Arabic article is laid out from the right', async () => {
  const { context, page } = await open('/index.html?src=articles/al-mina.json');
  const layout = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const quote = getComputedStyle(root.querySelector('.aw-quote'));
    const headline = root.querySelector('h1').getBoundingClientRect();
    const body = root.querySelector('.aw-body').getBoundingClientRect();
    return { dir: root.querySelector('.aw-page').dir, quoteRight: quote.borderRightWidth, quoteLeft: quote.borderLeftWidth,
      headlineFromRight: body.right - headline.right };
  });
  expect(layout.dir === 'rtl', `dir ${layout.dir}`);
  expect(layout.quoteRight === '4px' && layout.quoteLeft === '0px', `the quote's rule: left ${layout.quoteLeft}, right ${layout.quoteRight}`);
  expect(Math.abs(layout.headlineFromRight) < 2, `the headline starts ${layout.headlineFromRight} px from the right edge`);
  await context.close();
});

/** Where the byline's and dateline's words are on screen: the UI word's
 * text (its first text node) and the name, each as [left, right]. */
const bylineGeometry = (page) => page.evaluate(() => {
  const root = document.querySelector('article-widget').shadowRoot;
  const byline = root.querySelector('.aw-byline');
  const walker = document.createTreeWalker(byline, NodeFilter.SHOW_TEXT);
  const word = walker.nextNode();
  const range = document.createRange();
  range.selectNodeContents(word);
  const box = (r) => [Math.round(r.left), Math.round(r.right)];
  const name = byline.querySelector('bdi, a');
  const page = root.querySelector('.aw-page').getBoundingClientRect();
  const marked = byline.querySelector('span[lang]');
  return { word: word.textContent.trim(), wordBox: box(range.getBoundingClientRect()), nameBox: box(name.getBoundingClientRect()),
    pageRight: Math.round(page.right), wordsRight: Math.round((marked ?? byline).getBoundingClientRect().right),
    marked: marked ? `${marked.lang}/${marked.dir}` : null,
    date: root.querySelector('.aw-dateline time').textContent };
});

await check('right to left: a server-rendered Arabic page fetches its strings once, hydrates, reads right to left', async () => {
  const { context, page, requests } = await open('/ssr/al-mina.html');
  // Live once hydrated: the share button replaces the server's links.
  await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot.querySelector('button.aw-share-button'), null, { timeout: 10_000 });
  const fetched = requests.filter((url) => url.endsWith('/strings/ar.json'));
  expect(fetched.length === 1, `strings/ar.json requested ${fetched.length} times (the preload and the widget should share one)`);
  const drawn = await page.evaluate(() => document.querySelector('article-widget').shadowRoot.querySelector('.aw-container').hasAttribute('data-aw-render'));
  expect(drawn, 'the server\'s container was replaced: hydration fell back to a fresh render');
  const line = await bylineGeometry(page);
  expect(line.word === 'بقلم', `the byline starts with ${JSON.stringify(line.word)}, not بقلم`);
  expect(line.marked === null, `Arabic words in an Arabic article marked as ${line.marked}`);
  expect(line.wordBox[0] >= line.nameBox[1] - 1, `"بقلم" should be right of the name: ${JSON.stringify(line)}`);
  expect(/نوفمبر/.test(line.date), `the date ${JSON.stringify(line.date)} is not in Arabic`);
  await context.close();
});

await check('right to left: English UI words in an Arabic article keep their order', async () => {
  const { context, page } = await open('/index.html?src=articles/al-mina.json&lang=en');
  const line = await bylineGeometry(page);
  expect(line.word === 'By', `the byline starts with ${JSON.stringify(line.word)}`);
  expect(line.marked === 'en/ltr', `the English words are marked ${line.marked}`);
  expect(line.wordBox[1] <= line.nameBox[0] + 1, `"By" should be left of the name: ${JSON.stringify(line)}`);
  expect(line.pageRight - line.wordsRight < 40, `the English byline should start at the right, as the page does: ${JSON.stringify(line)}`);
  expect(/November/.test(line.date), `the date ${JSON.stringify(line.date)} is not in English`);
  await context.close();
});

await check('theming: fonts, sizes, colours, corners and parts from the host page', async () => {
  const { context, page } = await open('/themed-example.html');
  const theme = await page.evaluate(() => {
    const root = document.querySelector('article-widget').shadowRoot;
    const style = (selector) => getComputedStyle(root.querySelector(selector));
    return { headlineFont: style('h1').fontFamily, headlineSize: style('h1').fontSize, kicker: style('.aw-kicker').textTransform,
      credit: style('.aw-credit').textTransform, button: style('.aw-action-button').borderRadius, buttonWeight: style('.aw-action-button').fontWeight,
      byline: style('.aw-byline').fontStyle, link: style('.aw-body a').color };
  });
  expect(theme.headlineFont.includes('Trebuchet MS'), `headline font ${theme.headlineFont}`);
  expect(theme.headlineSize === '38.4px', `headline size ${theme.headlineSize}`);
  expect(theme.kicker === 'none' && theme.credit === 'none', `kicker ${theme.kicker}, credit ${theme.credit}`);
  expect(theme.button === '2px' && theme.buttonWeight === '700', `button radius ${theme.button}, weight ${theme.buttonWeight}`);
  expect(theme.byline === 'italic', `byline ${theme.byline}`);
  expect(theme.link === 'rgb(124, 45, 18)', `link colour ${theme.link}`);
  await context.close();
});

for (const width of [360, 1280]) {
  await check(`responsive: no horizontal scrolling at ${width} px; screenshots`, async () => {
    for (const [path, name] of [['/index.html', 'sample-en'], ['/index.html?src=articles/havnebadet.json', 'sample-nb'], ['/embed-example.html', 'embed-example'],
      ['/index.html?src=articles/al-mina.json', 'sample-rtl'], ['/themed-example.html', 'themed-example']]) {
      const { context, page } = await open(path, { viewport: { width, height: 900 } });
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      expect(overflow <= 0, `${path}: ${overflow} px wider than the window`);
      const png = await page.screenshot({ path: `${SHOTS}/${name}-${width}.png` });
      // A loose check, not a pixel comparison: a blank or broken page compresses to almost nothing.
      expect(png.length > 20_000, `${path}: the screenshot is only ${png.length} bytes`);
      if (name === 'sample-en') {
        const widget = page.locator('article-widget');
        await page.getByRole('button', { name: 'Share', exact: true }).click();
        await widget.getByRole('menu').waitFor();
        await page.screenshot({ path: `${SHOTS}/share-menu-${width}.png`, clip: await clipAround(page, '.aw-actions', 420) });
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Get notifications' }).click();
        await widget.getByRole('dialog').waitFor();
        await page.screenshot({ path: `${SHOTS}/bell-prompt-${width}.png`, clip: await clipAround(page, '.aw-actions', 420) });
        await page.keyboard.press('Escape');
        await widget.locator('.aw-paywall').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/paywall-${width}.png`, clip: await clipAround(page, '.aw-paywall', 320) });
      }
      if (name === 'sample-nb') {
        await page.locator('article-widget .aw-donation').scrollIntoViewIfNeeded();
        await page.screenshot({ path: `${SHOTS}/donation-prompt-${width}.png`, clip: await clipAround(page, '.aw-donation', 300) });
      }
      await context.close();
    }
  });
}

await browser.close();
server.close();

