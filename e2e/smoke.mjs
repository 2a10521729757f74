// Smoke test of the built dist/, as a publisher would serve it: static files on
// 127.0.0.1 (wasm as application/wasm), pages opened in headless Chromium, in
// light and dark colour schemes. Fails on any console error or warning, CSP
// violation, uncaught exception, request to another host, a widget that does
// not render, or an axe-core WCAG 2.2 A/AA violation (shadow DOM included),
// also with the share menu and the bell's prompt open.
import { AxeBuilder } from '@axe-core/playwright';
import { launchChromium, serveDir } from './lib.mjs';

const DIST = process.argv[2] ?? 'dist';
const server = await serveDir(DIST);
const { origin } = server;
const browser = await launchChromium();

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const rulesApplied = new Set();

/** axe-core over the page, shadow roots included; returns readable violations. */
async function accessibility(page, state, { popoverOpen = false } = {}) {
  let builder = new AxeBuilder({ page }).withTags(WCAG);
  // With a menu or prompt open, the page under it is partly covered by design (it
  // closes on any outside click); target-size would count the covered links as
  // too small. It is checked in every state without a popover.
  if (popoverOpen) builder = builder.disableRules(['target-size']);
  const results = await builder.analyze();
  for (const group of [results.passes, results.violations, results.incomplete]) for (const rule of group) rulesApplied.add(rule.id);
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `axe ${violation.id} (${state}): ${violation.help} at ${JSON.stringify(node.target)}: ${node.failureSummary?.replace(/\s+/g, ' ')}`));
}

const checks = [
  { page: '/index.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter', open: ['Share', 'Get notifications'] },
  { page: '/index.html?src=articles/havnebadet.json', widgets: 1, headline: 'Havnebadet åpner igjen etter to år med stengte porter', open: ['Del', 'Få varsler'] },
  { page: '/embed-example.html', widgets: 2, headline: 'Fog closes the harbour for the morning', open: [] },
  { page: '/themed-example.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter', open: ['Share', 'Get notifications'] },
].flatMap((check) => ['light', 'dark'].map((scheme) => ({ ...check, scheme })));
let passed = 0;
let failed = 0;
for (const check of checks) {
  const context = await browser.newContext({ colorScheme: check.scheme });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type())) problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) problems.push(`request to another host: ${request.url()}`);
  });
  await page.goto(origin + check.page);
  try {
    await page.waitForFunction(
      (count) => {
        const widgets = [...document.querySelectorAll('article-widget')];
        return widgets.length === count && widgets.every((w) => w.shadowRoot?.querySelector('h1'));
      },
      check.widgets,
      { timeout: 10_000 },
    );
    const headlines = await page.evaluate(() =>
      [...document.querySelectorAll('article-widget')].map((w) => w.shadowRoot.querySelector('h1').textContent),
    );
    if (!headlines.includes(check.headline)) problems.push(`headline ${JSON.stringify(check.headline)} not among ${JSON.stringify(headlines)}`);
    problems.push(...(await accessibility(page, 'as loaded')));
    for (const name of check.open) {
      await page.getByRole('button', { name, exact: true }).first().click();
      await page.waitForTimeout(100);
      problems.push(...(await accessibility(page, `${name} open`, { popoverOpen: true })));
      await page.keyboard.press('Escape');
    }
  } catch (error) {
    problems.push(`widgets did not render: ${error.message.split('\n')[0]}`);
  }
  const label = `${check.page} (${check.scheme})`;
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok   ${label}`);
  } else {
    failed += 1;
    console.log(`FAIL ${label}\n     ${problems.join('\n     ')}`);
  }
  await context.close();
}
await browser.close();
server.close();
console.log(`axe-core rules applied: ${rulesApplied.size}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
