// Prints the transfer size of everything a host page loads for the widget
// before any interaction (embed.js, the wasm-bindgen glue, its snippets, the
// part loader and the wasm), then the parts of the split wasm it loads on use
// (scripts/build.mjs): raw, gzip -9 and brotli -q 11, per file and in total.
// Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const HOST_LOADS = ['embed.js', 'article-widget.js', '__wasm_split.js', 'article-widget_bg.wasm'];
/** A part of the split wasm (split_<name>_<hash>.wasm, chunk_<n>.wasm: what two parts share). */
const isPart = (name) => /^(split|chunk)_.*\.wasm$/.test(name);

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
const parts = readdirSync(dist).filter(isPart).map((name) => join(dist, name));
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8);
const measure = (path) => {
  const bytes = readFileSync(path);
  return {
    name: relative(dist, path),
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const sum = (name, rows) => rows.reduce(
  (total, row) => ({ name, raw: total.raw + row.raw, gzip: total.gzip + row.gzip, brotli: total.brotli + row.brotli }),
  { name, raw: 0, gzip: 0, brotli: 0 },
);
const rows = loaded.map(measure);
const partRows = parts.map(measure);
const width = Math.max(...[...rows, ...partRows].map((row) => row.name.length), 34) + 2;
const line = (row) => console.log(`${row.name.padEnd(width)}${kb(row.raw)} ${kb(row.gzip)}  ${kb(row.brotli)}`);
console.log(`${'file'.padEnd(width)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}`);
rows.forEach(line);
// The last line stays this total: bench/bench.mjs reads it.
const beforeInteraction = sum('before any interaction', rows);
if (partRows.length) {
  console.log('parts, loaded on use:');
  partRows.forEach(line);
  line(sum('every part', partRows));
  line(sum('everything, every part included', [...rows, ...partRows]));
}
line({ ...beforeInteraction, name: 'total a host loads before any interaction' });
