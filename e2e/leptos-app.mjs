// The example Leptos app (examples/leptos-app/), built by trunk into its
// dist/: the app's own view draws the article with the widget's page
// component, and the app's own signal (its "I subscribe" switch) opens the
// wall. Run by `make leptos-app`.
//   node --test e2e/leptos-app.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchChromium, serveDir } from './lib.mjs';

test('a Leptos app draws the article in its own view and its signal opens the wall', async () => {
  const server = await serveDir('examples/leptos-app/dist');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(`${server.origin}/index.html`);
    await page.getByRole('heading', { level: 1, name: 'The ferry timetable app gets a night mode' }).waitFor({ timeout: 15_000 });
    // The app's own bar and the component side by side in one document.
    assert.equal(await page.getByText('The Harbour Herald app').count(), 1);
    const wall = page.getByRole('region', { name: 'This article is for subscribers' });
    assert.equal(await wall.count(), 1, 'the wall after the teaser');
    assert.equal(await page.getByText('Subscribers can also set it').count(), 0, 'nothing past the teaser');
    // Styled by the widget's stylesheet outside a shadow root (.aw-standalone).
    const font = await page.locator('h1').evaluate((h1) => getComputedStyle(h1).fontFamily);
    assert.match(font, /Georgia|Serif/i, `the headline's font: ${font}`);
    await page.getByRole('checkbox', { name: 'I subscribe' }).check();
    await page.getByText('Subscribers can also set it').waitFor({ timeout: 5_000 });
    assert.equal(await wall.count(), 0, 'the wall is gone once the app says the reader subscribes');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
