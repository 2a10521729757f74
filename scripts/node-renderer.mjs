// `make build`: the server renderer compiled to wasm for Node servers,
// DIR/server/ (render.mjs exports renderToString(json, options)), from the
// workspace crate node/ (README, "Server rendering").
//   node scripts/node-renderer.mjs DIR
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2];
if (!dir) throw new Error('usage: node scripts/node-renderer.mjs DIR');
const out = join(dir, 'server');
execFileSync('cargo', ['build', '--quiet', '--locked', '--release', '-p', 'article-widget-node', '--target', 'wasm32-unknown-unknown'], { stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The `web` target's ES module, loaded with the wasm's bytes from next to it.
execFileSync('wasm-bindgen', ['--target', 'web', '--out-dir', out, '--out-name', 'article-widget-node',
  'target/wasm32-unknown-unknown/release/article_widget_node.wasm'], { stdio: 'inherit' });
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
  /** "light" or "dark". */
  theme?: string;
  /** The reader subscribes: a premium article is sent whole. */
  entitled?: boolean;
  /** Where the widget's files are (article-widget.css), ending in "/". */
  assets?: string;
  /** No NewsArticle JSON-LD beside the element. */
  withoutJsonLd?: boolean;
  /** The document is a feed in this format, converted first (docs/feeds.md). */
  format?: 'v1' | 'wordpress' | 'ninjs' | 'anf' | 'jsonld';
}
/** The article (format v1) as the widget's HTML: readable with no script, hydrated by embed.js. */
export function renderToString(json: string | object, options?: RenderOptions): string;
`);
console.log(`wrote ${out}/render.mjs`);
