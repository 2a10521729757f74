// Trunk post-build hook (also `node scripts/convert-module.mjs DIR`): the
// feed converters as a wasm module of their own, DIR/convert/, which the
// widget loads only for an element with a `format` attribute
// (docs/feeds.md). Built from the workspace crate convert/ with the
// wasm-bindgen and wasm-opt the widget's build uses.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('usage: node scripts/convert-module.mjs DIR (or run by trunk)');
const out = join(dir, 'convert');
execFileSync('cargo', ['build', '--quiet', '--locked', '--release', '-p', 'article-widget-convert', '--target', 'wasm32-unknown-unknown'], { stdio: 'inherit' });
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'article-widget-convert',
  'target/wasm32-unknown-unknown/release/article_widget_convert.wasm'], { stdio: 'inherit' });
const wasm = join(out, 'article-widget-convert_bg.wasm');
execFileSync('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', wasm, '-o', wasm], { stdio: 'inherit' });
console.log(`wrote ${out}/article-widget-convert.js`);
