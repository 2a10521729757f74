// Smoke test of the built dist/, as a publisher would serve it: static files on
// 127.0.0.1 (wasm as application/wasm), pages opened in headless Chromium.
// Fails on any console error or warning, CSP violation, uncaught exception,
// request to another host, or a widget that does not render.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const DIST = process.argv[2] ?? 'dist';
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  try {
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    response.end('not found');
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const checks = [
  { page: '/index.html', widgets: 1, headline: 'The night ferry to the outer islands returns for the winter' },
  { page: '/index.html?src=articles/havnebadet.json', widgets: 1, headline: 'Havnebadet åpner igjen etter to år med stengte porter' },
  { page: '/embed-example.html', widgets: 2, headline: 'Fog closes the harbour for the morning' },
];
let passed = 0;
let failed = 0;
for (const check of checks) {
  const context = await browser.newContext();
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
  } catch (error) {
    problems.push(`widgets did not render: ${error.message.split('\n')[0]}`);
  }
  if (problems.length === 0) {
    passed += 1;
    console.log(`ok   ${check.page}`);
  } else {
    failed += 1;
    console.log(`FAIL ${check.page}\n     ${problems.join('\n     ')}`);
  }
  await context.close();
}
await browser.close();
server.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
