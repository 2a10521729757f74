// The Node renderer (dist/server/render.mjs) against the native one
// (article-widget-render): byte for byte the same HTML for every sample and
// option, an Error that says what and where for bad input.
//   node e2e/node-render.mjs dist
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIST, report } from './lib.mjs';

const { renderToString } = await import(resolve(DIST, 'server/render.mjs'));
const checks = [];
const check = (name, ok, detail = '') => checks.push([name, ok, detail]);
const native = (file, args) => execFileSync('target/debug/article-widget-render', [file, ...args],
  { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trimEnd();
/** What the command line prints on standard error, without its "program: file: " prefix. */
const nativeWarnings = (file, args) => spawnSync('target/debug/article-widget-render', [file, ...args], { encoding: 'utf8' })
  .stderr.split('\n').filter(Boolean).map((line) => line.slice(`article-widget-render: ${file}: `.length));

for (const file of readdirSync('www/articles').filter((f) => f.endsWith('.json')).sort()) {
  const path = join('www/articles', file);
  const json = readFileSync(path, 'utf8');
  for (const [args, options] of [
    [[], {}],
    [['--lang', 'nb', '--entitled', '--assets', 'https://cdn.example/aw/', '--theme', 'dark', '--no-json-ld'],
      { lang: 'nb', entitled: true, assets: 'https://cdn.example/aw/', theme: 'dark', withoutJsonLd: true }],
    [['--max-related', '1', '--max-latest', '2'], { maxRelated: 1, maxLatest: 2 }],
  ]) {
    const started = performance.now();
    const html = renderToString(json, options);
    const ms = performance.now() - started;
    check(`${file} ${args.join(' ') || '(defaults)'}: the same HTML as article-widget-render (${ms.toFixed(1)} ms)`,
      html === native(path, args), `${html.length} characters against ${native(path, args).length}`);
  }
  check(`${file}: an object renders as its JSON text does`, renderToString(JSON.parse(json)) === renderToString(json));
}
// Feeds in other formats (docs/feeds.md): `format` as `--from` does.
for (const [format, name] of [['wordpress', 'wordpress/post'], ['ninjs', 'ninjs/item-3.0'], ['anf', 'anf/article'], ['jsonld', 'jsonld/graph']]) {
  const path = join('tests/formats', `${name}.json`);
  const html = renderToString(readFileSync(path, 'utf8'), { format });
  check(`${name} with format "${format}": the same HTML as article-widget-render --from ${format}`,
    html === native(path, ['--from', format]) && html.includes(JSON.parse(readFileSync(join('tests/formats', `${name}.v1.json`), 'utf8')).title),
    `${html.length} characters against ${native(path, ['--from', format]).length}`);
}
// The report: what the converter left out, as the command line prints it.
const reported = [];
renderToString(readFileSync('tests/formats/anf/article.json', 'utf8'), { format: 'anf', onWarning: (w) => reported.push(w) });
const printed = nativeWarnings('tests/formats/anf/article.json', ['--from', 'anf']);
check('onWarning hears each warning the command line prints',
  reported.length > 0 && JSON.stringify(reported) === JSON.stringify(printed), JSON.stringify({ reported, printed }));

let formatError = '';
try { renderToString('{}', { format: 'rss' }); } catch (error) { formatError = String(error.message); }
check('an unknown format: an Error naming the formats', formatError.includes('expected one of v1, wordpress, ninjs, anf, jsonld'), formatError);
for (const [input, expected] of [['{"id": 1}', 'id: expected a string'], ['{', 'article-widget:']]) {
  let message = '';
  try { renderToString(input); } catch (error) { message = String(error.message); }
  check(`bad input ${input}: an Error naming it`, message.includes(expected), message);
}
let optionError = '';
try { renderToString('{}', { entitled: 'yes' }); } catch (error) { optionError = String(error.message); }
check('bad options: an Error naming them', optionError.includes('render options'), optionError);
for (const [options, expected] of [
  [{ theme: 'purple' }, 'theme: expected light, dark or auto, found "purple"'],
  [{ withoutJSONLD: true }, 'unknown field `withoutJSONLD`'],
]) {
  let message = '';
  try { renderToString('{"id":"o","title":"T","body":[]}', options); } catch (error) { message = String(error.message); }
  check(`options ${JSON.stringify(options)}: refused, naming it`, message.includes(expected), message);
}
report(checks);
