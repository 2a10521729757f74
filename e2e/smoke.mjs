// Smoke test of the built dist/, as a publisher would serve it: static files on
// 127.0.0.1 (wasm as application/wasm), pages opened in headless Chromium, in
// light and dark colour schemes. Fails on any console error or warning, CSP
// violation, uncaught exception, request to another host, a widget that does
// not render, or an axe-core WCAG 2.2 A/AA violation (shadow DOM included),
// also with the share menu and the bell's prompt open.
import { AxeBuilder } from '@axe-core/playwright';
import { DIST, launchChromium, report, serveDir } from './lib.mjs';

const server = await serveDir(DIST);
const { origin } = server;
const browser = await launchChromium();

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const rulesApplied = new Set();

/** True while axe runs: axe-core reads a shadow root's linked stylesheet by
 * putting its text into a <style> of its own, which the page's strict
 * `style-src` refuses (a console error that is axe's, not the widget's). */
let axeRunning = false;

/** axe-core over the page, shadow roots included; returns readable violations. */
async function accessibility(page, state, { popoverOpen = false } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG);
  // With a menu or prompt open, the page under it is partly covered by design (it
  // closes on any outside click); target-size would count the covered links as
  // too small. It is checked in every state without a popover.
  if (popoverOpen) builder = builder.disableRules(['target-size']);
  axeRunning = true;
  const results = await builder.analyze().finally(() => { axeRunning = false; });
  for (const group of [results.passes, results.violations, results.incomplete]) for (const rule of group) rulesApplied.add(rule.id);
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `axe ${violation.id} (${state}): ${violation.help} at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ')}`));
}

const checks = [
  { page: '/index.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter', open: ['Share', 'Get notifications'] },
  { page: '/index.html?src=articles/havnebadet.json', widgets: 1, headline: 'Havnebadet åpner igjen etter to år med stengte porter', open: ['Del', 'Få varsler'] },
  { page: '/embed-example.html', widgets: 2, headline: 'Fog closes the harbour for the morning', open: [] },
  { page: '/themed-example.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter', open: ['Share', 'Get notifications'] },
  // Server-rendered (under Trusted Types): hydrated, then live.
  { page: '/ssr/night-ferry.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter', open: ['Share', 'Get notifications'], live: true },
  { page: '/ssr/havnebadet.html', widgets: 1, headline: 'Havnebadet åpner igjen etter to år med stengte porter', open: ['Del', 'Få varsler'], live: true },
  // The same with scripts off: readable from the HTML alone; share links in a
  // disclosure that opens with no script. (axe-core needs script in the page:
  // it checks these pages with only embed.js blocked, the same HTML.)
  { page: '/ssr/night-ferry.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter', open: [], noScript: true },
  { page: '/ssr/havnebadet.html', widgets: 1, headline: 'Havnebadet åpner igjen etter to år med stengte porter', open: [], noScript: true },
].flatMap((check) => ['light', 'dark'].map((scheme) => ({ ...check, scheme })));
/** A server-rendered page with no script: readable, the share disclosure opens,
 * no button; then axe over the same HTML with embed.js blocked. */
async function withoutScript(check) {
  const problems = [];
  const off = await browser.newContext({ colorScheme: check.scheme, javaScriptEnabled: false });
  const page = await off.newPage();
  await page.goto(origin + check.page);
  const headline = await page.locator('article-widget h1').textContent({ timeout: 5_000 }).catch(() => null);
  if (headline !== check.headline) problems.push(`headline with no script: ${JSON.stringify(headline)}`);
  for (const part of ['.aw-body p', 'figure figcaption', '.aw-ai-policy a', '.aw-related li', '.aw-latest li']) {
    if (await page.locator(`article-widget ${part}`).count() === 0) problems.push(`no ${part} with no script`);
  }
  const summary = page.locator('article-widget summary.aw-share-button');
  await summary.click();
  const links = await page.locator('article-widget details.aw-share-links[open] a[href]').count();
  if (links < 3) problems.push(`share links with no script: ${links} shown after opening the disclosure`);
  if (await page.locator('article-widget button').count() > 0) problems.push('a button with no script');
  await off.close();

  const blocked = await browser.newContext({ colorScheme: check.scheme });
  const same = await blocked.newPage();
  await same.route('**/embed.js', (route) => route.abort());
  await same.goto(origin + check.page);
  problems.push(...(await accessibility(same, 'no script')));
  await blocked.close();
  return problems;
}

const results = [];
for (const check of checks) {
  if (check.noScript) {
    const problems = await withoutScript(check);
    const label = `${check.page} (${check.scheme}, scripts off)`;
    results.push([label, problems.length === 0, problems.join('\n')]);
    continue;
  }
  const context = await browser.newContext({ colorScheme: check.scheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (axeRunning && message.text().startsWith('Applying inline style violates')) return;
    if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`request to another host: ${request.url()}`);
  });
  await page.goto(origin + check.page);
  try {
    await page.waitForFunction(
      ({ count, live }) => {
        const widgets = [...document.querySelectorAll('article-widget')];
        return widgets.length === count && widgets.every((w) => w.shadowRoot?.querySelector('h1')
          && (!live || w.shadowRoot.querySelector('button.aw-share-button')));
      },
      { count: check.widgets, live: Boolean(check.live) },
      { timeout: 10_000 },
    );
    const headlines = await page.evaluate(() =>
      [...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot.querySelector('h1').textContent),
    );
    if (!headlines.includes(check.headline)) problems.push(`headline ${JSON.stringify(check.headline)} not among ${JSON.stringify(headlines)}`);
    problems.push(...(await accessibility(page, 'as loaded')));
    for (const name of check.open) {
      await page.getByRole('button', { name, exact: true }).first().click();
      // A part of the wasm loaded on use: checked once it is open.
      await page.locator('[role="menu"], [role="dialog"]').first().waitFor({ timeout: 5_000 });
      problems.push(...(await accessibility(page, `${name} open`, { popoverOpen: true })));
      await page.keyboard.press('Escape');
    }
  } catch (error) {
    problems.push(`widgets did not render: ${error.message.split('\n')[0]}`);
  }
  const label = `${check.page} (${check.scheme})`;
  results.push([label, problems.length === 0, problems.join('\n')]);
  await context.close();
}
await browser.close();
server.close();
console.log(`axe-core rules applied: ${rulesApplied.size}`);
report(results);
