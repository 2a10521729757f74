// The npm package and the versioned CDN folder from dist/ (run `make build`
// first), packed: `node scripts/build.mjs package dist`.
// Writes target/npm/article-widget/ (the package), target/npm/article-widget-<v>.tgz
// (`npm pack`; not published) and target/cdn/article-widget@<v>/ (the files to put on a CDN).
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { partsIn } from './parts.mjs';

/** Packs `DIST` into target/npm/ and copies it to target/cdn/. */
export function buildPackage(DIST) {
const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
// The split wasm's parts and their loader (scripts/build.mjs) come with it.
const PARTS = partsIn(DIST);
// client/: the build for pages with no server-rendered widget (embed.js picks).
const RUNTIME = ['embed.js', 'article-widget.js', 'article-widget_bg.wasm', '__wasm_split.js', ...PARTS, 'snippets', 'client',
  'article-widget.css', 'article-widget-sw.js', 'convert', 'strings'];
// The Node renderer (render.mjs, its wasm and types): `article-widget/server`.
const SERVER = 'server';

// The manifest and the types are generated from src/element-contract.json
// and checked in `make lint` (scripts/contract.mjs --check).
const out = join('target', 'npm', 'article-widget');
rmSync(join('target', 'npm'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of [...RUNTIME, SERVER]) cpSync(join(DIST, file), join(out, file), { recursive: true });
// Its own package.json would hide the exports below from a resolver.
rmSync(join(out, SERVER, 'package.json'));
for (const file of ['article-widget.d.ts', 'custom-elements.json', 'README.md']) cpSync(join('npm', file), join(out, file));
cpSync('LICENSE', join(out, 'LICENSE'));
writeFileSync(join(out, 'package.json'), `${JSON.stringify({
  name: 'article-widget',
  version,
  description: 'A news article page from one JSON document, inside any website: a custom element in Rust and WebAssembly.',
  keywords: ['web-component', 'custom-element', 'news', 'article', 'webassembly', 'server-side-rendering'],
  license: 'MIT',
  type: 'module',
  module: 'embed.js',
  types: 'article-widget.d.ts',
  exports: {
    '.': { types: './article-widget.d.ts', default: './embed.js' },
    './embed.js': { types: './article-widget.d.ts', default: './embed.js' },
    './article-widget.css': './article-widget.css',
    './article-widget-sw.js': './article-widget-sw.js',
    './server': { types: './server/render.d.ts', node: './server/render.mjs', default: './server/render.mjs' },
    './custom-elements.json': './custom-elements.json',
    './package.json': './package.json',
  },
  customElements: 'custom-elements.json',
  // embed.js defines the element; the worker is loaded by URL, never imported.
  sideEffects: ['./embed.js'],
  engines: { node: '>=20' },
  files: [...RUNTIME, SERVER, 'article-widget.d.ts', 'custom-elements.json', 'README.md', 'LICENSE'],
}, null, 2)}\n`);
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', '..'], { cwd: out, encoding: 'utf8' }))[0];
const files = packed.files.map((f) => f.path);
if (PARTS.length === 0) throw new Error(`no part of the split wasm in ${DIST}`);
for (const needed of ['embed.js', 'article-widget.js', 'article-widget_bg.wasm', '__wasm_split.js', ...PARTS,
  'client/article-widget.js', 'client/article-widget_bg.wasm', 'client/__wasm_split.js',
  ...partsIn(join(DIST, 'client')).map((part) => `client/${part}`),
  'article-widget.css', 'article-widget-sw.js',
  'article-widget.d.ts', 'custom-elements.json', 'package.json', 'LICENSE', 'server/render.mjs', 'server/render.d.ts',
  'convert/worker.js', 'convert/article-widget-convert_bg.wasm', 'strings/ar.json', 'strings/sv.json']) {
  if (!files.includes(needed)) throw new Error(`npm pack left out ${needed}`);
}
if (!files.some((f) => f.startsWith('snippets/'))) throw new Error('npm pack left out snippets/');
// What `npm publish` would send, checked without sending it.
execFileSync('npm', ['publish', '--dry-run', '--ignore-scripts'], { cwd: out, stdio: 'inherit' });

const cdn = join('target', 'cdn', `article-widget@${version}`);
rmSync(join('target', 'cdn'), { recursive: true, force: true });
mkdirSync(cdn, { recursive: true });
for (const file of RUNTIME) cpSync(join(DIST, file), join(cdn, file), { recursive: true });
console.log(`target/npm/${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed`);
console.log(`${cdn}/: embed.js and what it loads`);
}
