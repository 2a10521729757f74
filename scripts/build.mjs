// The one build entry: every artifact of dist/ is made here, and the wasm
// modules other than the widget's are all built by `wasmModule` below.
//   node scripts/build.mjs all DIR        the widget with trunk (whose post_build hook
//                                          is `after-trunk`), then the Node renderer
//   node scripts/build.mjs after-trunk    trunk's hook: the widget's wasm split by use, minify
//                                          (release), the converter module, the
//                                          server-rendered sample pages
//   node scripts/build.mjs split DIR      the release widget (cargo's output) split into DIR
//   node scripts/build.mjs convert DIR    DIR/convert/: the feed converters (crate convert/)
//   node scripts/build.mjs node DIR       DIR/server/: the renderer for Node (crate node/)
//   node scripts/build.mjs ssr DIR        DIR/ssr/: a server-rendered page of each sample
//   node scripts/build.mjs package DIR    target/npm/ and target/cdn/ from a built DIR
// trunk builds the widget itself (cargo, wasm-bindgen, wasm-opt from node_modules), so
// `trunk serve` and `make build` give the same files.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minifyScripts } from './build/minify.mjs';
import { buildPackage } from './build/package.mjs';
import { partsIn } from './build/parts.mjs';
import { ssrPages } from './build/ssr-pages.mjs';

const run = (command, args) => execFileSync(command, args, { stdio: 'inherit' });

// What wasm-opt runs, for every wasm module a page loads: -Oz with the
// features rustc's wasm32 target enables, then flow analysis, -Oz again, and
// no producers or target-features sections (-0.35 KB brotli on the widget).
const WASM_OPT = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--gufa-optimizing', '-Oz', '--strip-producers',
  '--strip-target-features', '--strip-debug'];
const optimize = (wasm) => run('wasm-opt', [...WASM_OPT, wasm, '-o', wasm]);

/**
 * The widget's wasm split by use (docs/cost.md): trunk builds it with the
 * `split` feature, whose `load_part!` functions wasm-split
 * (wasm_split_cli_support, as cargo-leptos runs it) moves into modules of
 * their own, loaded on first use through `__wasm_split.js`. wasm-split
 * reads the linker's relocations, so it takes cargo's output, before
 * wasm-bindgen; wasm-bindgen then keeps the table and memory exports the
 * parts link against (`--keep-lld-exports`). Replaces trunk's glue and wasm
 * in `dir`; wasm-opt runs here, on every module (release).
 */
function splitWidget(dir, release, folder = '') {
  const input = `target/wasm32-unknown-unknown/${release ? 'release' : 'debug'}/article-widget.wasm`;
  mkdirSync(dir, { recursive: true });
  const work = join('target', 'wasm-split');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run('wasm-split-cli', ['--target', 'web', '--out-name', 'article-widget', input, work]);
  for (const old of partsIn(dir)) rmSync(join(dir, old));
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', dir, '--out-name', 'article-widget',
    join(work, 'article-widget.wasm')]);
  rmSync(join(dir, 'package.json'), { force: true }); // wasm-bindgen's, for a package this is not
  const parts = partsIn(work);
  if (parts.length === 0) throw new Error(`wasm-split found no part in ${input}: was it built with --features split?`);
  for (const file of parts) copyFileSync(join(work, file), join(dir, file));
  // A part is fetched from beside the loader, or from the folder
  // `globalThis.ARTICLE_WIDGET_BASE_URL` names, as embed.js fetches the wasm
  // (esbuild bundles the loader but does not emit the parts). The literal
  // `new URL(…, import.meta.url)` stays for the bundlers that do.
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  let rewritten = 0;
  loader = loader.replace(/fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\)/g, (_, file) => {
    rewritten += 1;
    return `fetch(globalThis.ARTICLE_WIDGET_BASE_URL ? new URL(${JSON.stringify(folder + file)}, new URL(globalThis.ARTICLE_WIDGET_BASE_URL, document.baseURI)) : new URL("./${file}", import.meta.url))`;
  });
  if (rewritten !== parts.length) throw new Error(`__wasm_split.js fetches ${rewritten} parts, not ${parts.length}: its shape changed`);
  writeFileSync(join(dir, '__wasm_split.js'), loader);
  if (release) for (const wasm of ['article-widget_bg.wasm', ...parts]) optimize(join(dir, wasm));
  console.log(`split the widget into ${dir}: article-widget_bg.wasm and ${parts.length} parts (${parts.join(', ')})`);
}

/** The widget's wasm from cargo with `features` (what trunk builds: index.html). */
function cargoWidget(release, features) {
  run('cargo', ['build', '--quiet', '--locked', ...(release ? ['--release'] : []), '--target', 'wasm32-unknown-unknown',
    '--bin', 'article-widget', '--no-default-features', '--features', features]);
}

/**
 * DIR/client/: the widget built without Leptos's `hydrate` (11.8 KB brotli
 * less), split the same way; embed.js loads it on pages that hold no
 * server-rendered widget (docs/embedding.md). trunk built the one that
 * hydrates (index.html), which `splitWidget` has already taken from cargo.
 */
function clientWidget(dir, release) {
  cargoWidget(release, 'widget,split');
  const out = join(dir, 'client');
  rmSync(out, { recursive: true, force: true });
  splitWidget(out, release, 'client/');
  // Its snippets are the same files as the other build's: it imports those,
  // so the paths they resolve (convert/, strings/) are the same for both.
  const snippets = (root) => readdirSync(root, { recursive: true }).filter((f) => f.endsWith('.js')).sort();
  const same = snippets(join(out, 'snippets')).every((f) => readFileSync(join(out, 'snippets', f)).equals(readFileSync(join(dir, 'snippets', f))));
  if (!same) throw new Error('client/snippets differ from snippets/');
  rmSync(join(out, 'snippets'), { recursive: true });
  const glue = join(out, 'article-widget.js');
  const text = readFileSync(glue, 'utf8');
  // Only the import statements: the import object's keys are the wasm's own names for them.
  const rewritten = text.replace(/(from\s*["'])\.\/snippets\//g, '$1../snippets/');
  if (rewritten === text || /from\s*["']\.\/snippets\//.test(rewritten)) {
    throw new Error('client/article-widget.js: its snippet imports are not where they were');
  }
  writeFileSync(glue, rewritten);
}

/**
 * A workspace crate as a wasm module in `out`: a release build for wasm32,
 * wasm-bindgen's `web` target named `name`, then (if `optimized`) wasm-opt.
 */
function wasmModule({ crate, out, name, typescript = false, optimized = true }) {
  run('cargo', ['build', '--quiet', '--locked', '--release', '-p', crate, '--target', 'wasm32-unknown-unknown']);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  run('wasm-bindgen', ['--target', 'web', ...(typescript ? [] : ['--no-typescript']), '--out-dir', out, '--out-name', name,
    `target/wasm32-unknown-unknown/release/${crate.replaceAll('-', '_')}.wasm`]);
  if (optimized) optimize(join(out, `${name}_bg.wasm`));
  console.log(`built ${crate} into ${out}/`);
}

/** DIR/convert/: the feed converters, loaded by the widget only for a `format` attribute. */
function converterModule(dir) {
  wasmModule({ crate: 'article-widget-convert', out: join(dir, 'convert'), name: 'article-widget-convert' });
  // The worker it runs in (src/browser/convert.js starts it).
  copyFileSync('convert/worker.js', join(dir, 'convert', 'worker.js'));
}

/** DIR/server/: the server renderer for Node servers (render.mjs exports renderToString). */
function nodeRenderer(dir) {
  const out = join(dir, 'server');
  // Not optimized: loaded once by a server, where its 1.3 MB do not matter.
  wasmModule({ crate: 'article-widget-node', out, name: 'article-widget-node', typescript: true, optimized: false });
  writeFileSync(join(out, 'package.json'), `${JSON.stringify({ type: 'module', main: 'render.mjs', types: 'render.d.ts' }, null, 2)}\n`);
  writeFileSync(join(out, 'render.mjs'), `// article-widget's server renderer for Node >= 20: the same HTML as article-widget-render.
//   import { renderToString } from './server/render.mjs';
//   const html = renderToString(articleJsonOrObject, { lang: 'nb', entitled: false, assets: 'https://cdn.example/article-widget/' });
import { readFileSync } from 'node:fs';
import { initSync, renderToString as render } from './article-widget-node.js';

initSync({ module: readFileSync(new URL('./article-widget-node_bg.wasm', import.meta.url)) });

/** The article (format v1, or a feed in options.format; JSON text or an object) as the widget's HTML; throws an Error naming what is wrong and where. */
export function renderToString(json, options = {}) {
  return render(typeof json === 'string' ? json : JSON.stringify(json), options);
}
`);
  writeFileSync(join(out, 'render.d.ts'), `export interface RenderOptions {
  /** UI language instead of the article's own, such as "nb". */
  lang?: string;
  /** The colour scheme; without it, the host page's. */
  theme?: 'light' | 'dark' | 'auto';
  /** The reader subscribes: a premium article is sent whole. */
  entitled?: boolean;
  /** Where the widget's files are (article-widget.css), ending in "/". */
  assets?: string;
  /** No NewsArticle JSON-LD beside the element. */
  withoutJsonLd?: boolean;
  /** At most this many related cards (written as the element's max-related, so hydration agrees). */
  maxRelated?: number;
  /** At most this many "Latest news" items (max-latest). */
  maxLatest?: number;
  /** The document is a feed in this format, converted first (docs/feeds.md). */
  format?: 'v1' | 'wordpress' | 'ninjs' | 'anf' | 'jsonld';
  /** Where the feed's files are (the URL an Apple News bundle is served from): bundle://photo.jpg is read beside it. */
  base?: string;
  /** Called with each warning, as article-widget-render prints them: what a feed's converter left out, then the reader's. */
  onWarning?: (warning: string) => void;
}
/** The article (format v1) as the widget's HTML: readable with no script, hydrated by embed.js.
 * Throws an Error naming what is wrong: the document, or an option (an unknown key, a theme other than light/dark/auto). */
export function renderToString(json: string | object, options?: RenderOptions): string;
`);
}

const [step, dirArgument] = process.argv.slice(2);
const dir = dirArgument ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
switch (step) {
  case 'all':
    run('trunk', ['build', '--release', ...(dir === 'dist' ? [] : ['--dist', dir])]);
    nodeRenderer(dir);
    break;
  case 'after-trunk':
    // trunk's build, unless the hook runs alone after the client build (then cargo makes it again).
    cargoWidget(process.env.TRUNK_PROFILE === 'release', 'widget,split,hydrate');
    splitWidget(dir, process.env.TRUNK_PROFILE === 'release');
    clientWidget(dir, process.env.TRUNK_PROFILE === 'release');
    if (process.env.TRUNK_PROFILE === 'release') await minifyScripts(dir);
    converterModule(dir);
    ssrPages(dir);
    break;
  case 'split':
    splitWidget(dir, true);
    break;
  case 'convert':
    converterModule(dir);
    break;
  case 'node':
    nodeRenderer(dir);
    break;
  case 'ssr':
    ssrPages(dir);
    break;
  case 'package':
    buildPackage(dir);
    break;
  default:
    console.error('usage: node scripts/build.mjs all|after-trunk|split|convert|node|ssr|package [DIR]');
    process.exit(2);
}
