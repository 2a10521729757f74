// Prints the transfer size of what a host page loads for the widget before any
// interaction, for each of its two builds (embed.js picks one: the one that
// hydrates for a page holding a server-rendered widget, client/ for the others),
// then the parts of the split wasm each loads on use (scripts/build.mjs): raw,
// gzip -9 and brotli -q 11, per file and in total.
// Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { partsIn } from './build/parts.mjs';

const dist = process.argv[2] ?? 'dist';

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** What a page using the build in `folder` loads first, and its parts. */
function build(folder) {
  const at = join(dist, folder);
  // Both builds import the one snippets/ folder.
  const first = [join(dist, 'embed.js'), ...['article-widget.js', '__wasm_split.js', 'article-widget_bg.wasm'].map((name) => join(at, name)),
    ...filesUnder(join(dist, 'snippets'))];
  first.forEach((path) => statSync(path));
  return { first, parts: partsIn(at).map((name) => join(at, name)) };
}

let builds;
try {
  builds = [['server-rendered pages (hydrates)', build('')], ['client-rendered pages (client/)', build('client')]];
} catch (error) {
  console.error(`size-report: ${error.message}; run make build first`);
  process.exit(1);
}
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
const width = 70;
const line = (row) => console.log(`${row.name.padEnd(width)}${kb(row.raw)} ${kb(row.gzip)}  ${kb(row.brotli)}`);
console.log(`${'file'.padEnd(width)}${'raw KB'.padStart(8)}${'gzip KB'.padStart(9)}${'brotli KB'.padStart(10)}`);
const totals = [];
for (const [label, { first, parts }] of builds) {
  console.log(`${label}:`);
  const rows = first.map(measure);
  const partRows = parts.map(measure);
  rows.forEach(line);
  const before = sum(`before any interaction, ${label}`, rows);
  line(before);
  console.log('  parts, loaded on use:');
  partRows.forEach(line);
  line(sum('  everything, every part included', [...rows, ...partRows]));
  totals.push(before);
}
// The last line stays the client-rendered page's total: bench/bench.mjs reads it.
line({ ...totals[1], name: 'total a host loads before any interaction (client-rendered)' });
