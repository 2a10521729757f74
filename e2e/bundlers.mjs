// The npm package as publishers' apps consume it: the packed tarball
// (target/npm/, `node scripts/build.mjs package dist`) installed with npm into
// small apps built by real bundlers from npm with their default settings
// (Vite, webpack 5) and by esbuild with the one-liner docs/embedding.md gives;
// only the build output is served, and a v1 article and a WordPress feed
// (the converter module and its worker) must render.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchChromium, serve } from './lib.mjs';

const ROOT = resolve('.');
const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
const TARBALL = resolve('target', 'npm', `article-widget-${version}.tgz`);
const FEED = readFileSync('tests/formats/wordpress/post.json');
const FEED_TITLE = JSON.parse(readFileSync('tests/formats/wordpress/post.v1.json', 'utf8')).title;
const tool = (pkg, bin) => join(ROOT, 'node_modules', pkg, bin);
const run = (cwd, command, args) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });

/** A fresh app folder with the tarball installed by npm, as a publisher's app has it. */
function app(name, files) {
  const dir = resolve('target', 'bundlers', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: `${name}-host`, private: true, type: 'module' }, null, 2)}\n`);
  run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--offline', '--ignore-scripts', TARBALL]);
  for (const [target, source] of Object.entries(files)) {
    mkdirSync(join(dir, target, '..'), { recursive: true });
    cpSync(join('e2e', 'bundlers', source), join(dir, target));
  }
  return dir;
}

const browser = await launchChromium();
after(() => browser.close());

/** Serves `out` (and the feed), opens the page, and checks both widgets. */
async function rendersBoth(out) {
  // Every file asked of the app's server, the worker's requests too.
  const missing = [];
  const server = await serve((path) => {
    if (path === '/feeds/post.json') return FEED;
    if (!existsSync(join(out, path)) && path !== '/favicon.ico') missing.push(path);
    return join(out, path);
  });
  const tab = await browser.newPage();
  const problems = [];
  // Not loading the feed's pictures (hosts of .example) is not the app's fault.
  tab.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && problems.push(message.text()));
  tab.on('pageerror', (error) => problems.push(error.message));
  const workers = [];
  tab.on('worker', (worker) => workers.push(worker.url()));
  try {
    await tab.goto(`${server.origin}/index.html`);
    await tab.waitForFunction(() => window.__results?.length >= 3, null, { timeout: 30_000 }).catch(() => {});
    // The Swedish UI once its strings file came (the share button says so).
    const swedishShare = await tab.waitForFunction(() => document.getElementById('sv')?.shadowRoot
      ?.querySelector('.aw-share-button')?.textContent.trim() === 'Dela', null, { timeout: 10_000 }).then(() => true, () => false);
    const results = await tab.evaluate(() => window.__results ?? []);
    const heading = (id) => tab.evaluate((id) => document.getElementById(id)?.shadowRoot?.querySelector('h1')?.textContent ?? null, id);
    assert.deepEqual(missing, [], 'every file the page asked for was there');
    assert.deepEqual(problems, [], 'no error in the console');
    assert.deepEqual(results.filter((r) => r.error), [], 'no widget reported an error');
    assert.equal(await heading('v1'), 'A bundled host shows its article');
    assert.equal(await heading('feed'), FEED_TITLE);
    assert.ok(swedishShare, 'the Swedish article shows Swedish UI words (strings/sv.json found and fetched)');
    const converted = results.find((r) => r.id === 'feed')?.ready;
    assert.equal(converted?.source, 'src');
    // The share menu is a part of the split wasm, loaded on use: the bundler emitted it.
    await tab.evaluate(() => { navigator.share = undefined; });
    await tab.locator('#v1').getByRole('button', { name: 'Share' }).click();
    const menu = await tab.locator('#v1').getByRole('menu').waitFor({ timeout: 10_000 }).then(() => true, () => false);
    assert.ok(menu, 'the share menu opened (its part of the wasm found and loaded)');
    assert.deepEqual(missing, [], 'every file the page asked for was there');
    assert.deepEqual(problems, [], 'no error in the console');
    return workers;
  } finally {
    await tab.close();
    server.close();
  }
}

test('Vite: a production build with default settings renders an article and a feed', async () => {
  const dir = app('vite', { 'index.html': 'index.html', 'main.js': 'main.js' });
  run(dir, 'node', [tool('vite', 'bin/vite.js'), 'build', '--logLevel', 'warn']);
  const assets = readdirSync(join(dir, 'dist', 'assets'));
  // The wasm files came through the bundler, hashed.
  assert.ok(assets.some((f) => /^article-widget_bg-.+\.wasm$/.test(f)), `widget wasm among ${assets}`);
  assert.ok(assets.some((f) => /^article-widget-convert_bg-.+\.wasm$/.test(f)), `converter wasm among ${assets}`);
  const workers = await rendersBoth(join(dir, 'dist'));
  assert.equal(workers.length, 1, `the feed was converted in a worker: ${workers}`);
});

test('webpack 5: a production build with no configuration renders an article and a feed', async () => {
  const dir = app('webpack', { 'src/index.js': 'main.js' });
  run(dir, 'node', [tool('webpack-cli', 'bin/cli.js'), '--mode', 'production']);
  const out = join(dir, 'dist');
  writeFileSync(join(out, 'index.html'), readFileSync('e2e/bundlers/index.html', 'utf8')
    .replace('<script type="module" src="/main.js"></script>', '<script src="main.js"></script>'));
  assert.ok(readdirSync(out).some((f) => f.endsWith('.wasm')), 'the wasm was emitted');
  const workers = await rendersBoth(out);
  assert.equal(workers.length, 1, `the feed was converted in a worker: ${workers}`);
});

test('esbuild: the documented one-liner renders an article and a feed', async () => {
  const dir = app('esbuild', { 'main.js': 'main.js', 'public/index.html': 'index.html' });
  // docs/embedding.md: bundle, and copy the package's files beside it under a base URL.
  run(dir, 'sh', ['-c', `${tool('esbuild', 'bin/esbuild')} main.js --bundle --format=esm --outdir=public --log-level=warning `
    + `--define:globalThis.ARTICLE_WIDGET_BASE_URL='"/article-widget/"' && cp -r node_modules/article-widget public/article-widget`]);
  const workers = await rendersBoth(join(dir, 'public'));
  assert.equal(workers.length, 1, `the feed was converted in a worker: ${workers}`);
});

test('the installed package exports the element, its stylesheet, its worker and the Node renderer', () => {
  const dir = app('exports', {});
  const script = `
    const paths = ['article-widget', 'article-widget/article-widget.css', 'article-widget/article-widget-sw.js',
      'article-widget/server', 'article-widget/custom-elements.json', 'article-widget/package.json']
      .map((name) => import.meta.resolve(name).replace(/^.*node_modules\\//, ''));
    const { renderToString } = await import('article-widget/server');
    const html = renderToString({ id: 'e1', title: 'Rendered through the export', body: [] });
    console.log(JSON.stringify({ paths, rendered: html.includes('Rendered through the export') }));`;
  const answer = JSON.parse(run(dir, 'node', ['--input-type=module', '-e', script]));
  assert.deepEqual(answer.paths, ['article-widget/embed.js', 'article-widget/article-widget.css', 'article-widget/article-widget-sw.js',
    'article-widget/server/render.mjs', 'article-widget/custom-elements.json', 'article-widget/package.json']);
  assert.equal(answer.rendered, true);
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', 'article-widget', 'package.json'), 'utf8'));
  assert.equal(manifest.license, 'MIT');
  assert.equal(manifest.private, undefined, 'publishable');
});
