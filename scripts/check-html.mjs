// The server renderer's HTML through the W3C Nu HTML checker (npm's vnu-jar on
// the machine's Java runtime): every sample article and every feed sample's
// v1, as a reader and as a subscriber, each wrapped in a minimal page. Fails
// on any error; warnings are printed. `make html-check` (part of `make test`).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vnu from 'vnu-jar';

const OUT = join('target', 'html-check');
execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'article-widget-render'], { stdio: 'inherit' });
const render = join('target', 'debug', 'article-widget-render');

const sources = [
  ...readdirSync('www/articles').filter((f) => f.endsWith('.json')).map((f) => join('www/articles', f)),
  ...readdirSync('tests/formats', { recursive: true }).filter((f) => f.endsWith('.v1.json') && !f.startsWith('parser-cases')).map((f) => join('tests/formats', f)),
].sort();

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const pages = [];
for (const source of sources) {
  for (const entitled of [false, true]) {
    const fragment = execFileSync(render, [source, '--assets', '/widget/', ...(entitled ? ['--entitled'] : [])], { encoding: 'utf8' });
    const page = join(OUT, `${source.replace(/[/\\]/g, '_').replace(/\.json$/, '')}${entitled ? '.entitled' : ''}.html`);
    writeFileSync(page, `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Server-rendered</title></head>
<body>
<main>
${fragment}
</main>
</body>
</html>
`);
    pages.push(page);
  }
}

const checked = spawnSync('java', ['-jar', vnu, '--format', 'json', '--stdout', ...pages], { encoding: 'utf8', maxBuffer: 64 << 20 });
if (checked.error) throw new Error(`the W3C checker could not run (java -jar ${vnu}): ${checked.error.message}`);
const messages = JSON.parse(checked.stdout || '{"messages":[]}').messages;
const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
const warnings = messages.filter((m) => m.type === 'info' && m.subType === 'warning');
const where = (m) => `${m.url?.replace(/^.*html-check\//, '')}:${m.lastLine ?? '?'}:${m.firstColumn ?? m.lastColumn ?? '?'}`;
for (const m of warnings) console.log(`warning: ${where(m)}: ${m.message}`);
for (const m of errors) console.log(`error: ${where(m)}: ${m.message} «${m.extract ?? ''}»`);
console.log(`W3C Nu checker: ${pages.length} pages from ${sources.length} documents, ${errors.length} errors, ${warnings.length} warnings`);
if (errors.length > 0 || checked.status > 1) process.exit(1);
