// Builds the npm package and the versioned CDN folder from dist/ (run `make build`
// first), checks the manifest against the stylesheet and the sources, and packs it:
//   node scripts/package.mjs dist
// Writes target/npm/article-widget/ (the package), target/npm/article-widget-<v>.tgz
// (`npm pack`; not published) and target/cdn/article-widget@<v>/ (the files to put on a CDN).
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const DIST = process.argv[2] ?? 'dist';
const version = readFileSync('Cargo.toml', 'utf8').match(/^version = "([^"]+)"/m)[1];
const RUNTIME = ['embed.js', 'article-widget.js', 'article-widget_bg.wasm', 'snippets', 'article-widget.css', 'article-widget-sw.js', 'convert'];

// The manifest names every custom property and part the widget has.
const manifest = JSON.parse(readFileSync('npm/custom-elements.json', 'utf8'));
const element = manifest.modules[0].declarations[0];
const css = readFileSync('www/article-widget.css', 'utf8');
const hostBlock = css.slice(css.indexOf(':host {'), css.indexOf('}', css.indexOf(':host {')));
const properties = new Set([...hostBlock.matchAll(/(--aw-[a-z-]+):/g)].map((m) => m[1]));
const sources = readdirSync('src/components').map((file) => readFileSync(join('src/components', file), 'utf8')).join('\n');
const parts = new Set([...sources.matchAll(/part="([a-z-]+)"|attr\("part", "([a-z-]+)"\)/g)].map((m) => m[1] ?? m[2]));
for (const region of ['related', 'latest']) parts.add(region); // named from their class (`titled_region`)
const listed = (items) => new Set(items.map((item) => item.name));
const differ = (what, actual, declared) => {
  const missing = [...actual].filter((name) => !declared.has(name));
  const extra = [...declared].filter((name) => !actual.has(name));
  if (missing.length || extra.length) throw new Error(`custom-elements.json ${what}: missing ${missing.join(', ') || 'none'}; not in the widget ${extra.join(', ') || 'none'}`);
};
differ('cssProperties', properties, listed(element.cssProperties));
differ('cssParts', parts, listed(element.cssParts));

const out = join('target', 'npm', 'article-widget');
rmSync(join('target', 'npm'), { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const file of RUNTIME) cpSync(join(DIST, file), join(out, file), { recursive: true });
for (const file of ['article-widget.d.ts', 'custom-elements.json', 'README.md']) cpSync(join('npm', file), join(out, file));
writeFileSync(join(out, 'package.json'), `${JSON.stringify({
  name: 'article-widget',
  version,
  description: 'A news article page from one JSON document, inside any website: a custom element in Rust and WebAssembly.',
  type: 'module',
  module: 'embed.js',
  types: 'article-widget.d.ts',
  exports: {
    '.': { types: './article-widget.d.ts', default: './embed.js' },
    './embed.js': { types: './article-widget.d.ts', default: './embed.js' },
    './custom-elements.json': './custom-elements.json',
  },
  customElements: 'custom-elements.json',
  sideEffects: ['embed.js'],
  files: [...RUNTIME, 'article-widget.d.ts', 'custom-elements.json', 'README.md'],
  license: 'UNLICENSED',
  private: true,
}, null, 2)}\n`);
// Not published: `private` keeps `npm publish` from sending it by mistake; `npm pack` works.
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', '..'], { cwd: out, encoding: 'utf8' }))[0];
const files = packed.files.map((f) => f.path);
for (const needed of ['embed.js', 'article-widget.js', 'article-widget_bg.wasm', 'article-widget.css', 'article-widget.d.ts', 'custom-elements.json', 'package.json']) {
  if (!files.includes(needed)) throw new Error(`npm pack left out ${needed}`);
}
if (!files.some((f) => f.startsWith('snippets/'))) throw new Error('npm pack left out snippets/');

const cdn = join('target', 'cdn', `article-widget@${version}`);
rmSync(join('target', 'cdn'), { recursive: true, force: true });
mkdirSync(cdn, { recursive: true });
for (const file of RUNTIME) cpSync(join(DIST, file), join(cdn, file), { recursive: true });
console.log(`target/npm/${packed.filename}: ${files.length} files, ${(packed.size / 1024).toFixed(1)} KB packed`);
console.log(`${cdn}/: embed.js and what it loads`);
