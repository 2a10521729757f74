// Minifies the JavaScript a host page loads (the wasm-bindgen glue, its
// snippets and embed.js) in release builds; debug builds (`trunk serve`)
// stay readable. trunk 0.21 does not minify the glue. Called by
// scripts/build.mjs after trunk.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

// Kept: the hints that tell bundlers to leave a runtime URL's import alone.
const BUNDLER_HINTS = /webpackIgnore|@vite-ignore/;

/** Minifies the host page's JavaScript in `dir` in place. */
export async function minifyScripts(dir) {
const files = (await readdir(dir, { recursive: true }))
  .filter((f) => f.endsWith('.js') && !f.startsWith('articles') && !f.includes('example') && !f.includes('preview'));
for (const file of files) {
  const path = join(dir, file);
  const code = await readFile(path, 'utf8');
  // `module`: top-level names may be mangled; exports keep their names. The
  // service worker is a classic script (importScripts), so it is not one.
  const result = await minify(code, { module: !file.endsWith('-sw.js'), ecma: 2020, compress: { passes: 2 }, format: { comments: BUNDLER_HINTS } });
  await writeFile(path, result.code);
  console.log(`minified ${file}: ${code.length} -> ${result.code.length} bytes`);
}
}
