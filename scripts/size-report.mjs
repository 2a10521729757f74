// Prints the transfer size of everything a host page loads for the widget
// (embed.js, the wasm-bindgen glue, its snippets and the wasm): raw, gzip -9
// and brotli -q 11, per file and in total. Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const HOST_LOADS = ['embed.js', 'article-widget.js', 'article-widget_bg.wasm'];

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

let loaded;
try {
  loaded = [...HOST_LOADS.map((name) => join(dist, name)), ...filesUnder(join(dist, 'snippets'))];
  loaded.forEach((path) => statSync(path));
} catch (error) {
  console.error(`size-report: ${error.message}; run make build first`);
  process.exit(1);
}
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8);
const rows = loaded.map((path) => {
  const bytes = readFileSync(path);
  return {
    name: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce(
  (sum, row) => ({ name: 'total a host loads', raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
const width = Math.max(...rows.map((row) => row.name.length), 20) + 2;
console.log(`${'file'.padEnd(width)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}`);
for (const row of [...rows, total]) {
  console.log(`${row.name.padEnd(width)}${kb(row.raw)} ${kb(row.gzip)}  ${kb(row.brotli)}`);
}
