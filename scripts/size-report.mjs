// Prints the transfer size of what a host page loads from dist/: raw, gzip -9
// and brotli -q 11, per file and in total. Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const loaded = readdirSync(dist).filter((name) => /\.(wasm|js|css)$/.test(name)).sort();
if (loaded.length === 0) {
  console.error(`size-report: no .wasm, .js or .css files in ${dist}; run trunk build --release first`);
  process.exit(1);
}
const kb = (bytes) => (bytes / 1000).toFixed(1).padStart(8);
const rows = loaded.map((name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce(
  (sum, row) => ({ name: "total", raw: sum.raw + row.raw, gzip: sum.gzip + row.gzip, brotli: sum.brotli + row.brotli }),
  { raw: 0, gzip: 0, brotli: 0 },
);
console.log(`${"file".padEnd(44)}${"raw KB".padStart(8)}${"gzip KB".padStart(9)}${"brotli KB".padStart(10)}`);
for (const row of [...rows, total]) {
  console.log(`${row.name.padEnd(44)}${kb(row.raw)} ${kb(row.gzip)}  ${kb(row.brotli)}`);
}
