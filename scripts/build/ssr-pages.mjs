// A server-rendered page of each sample article, DIR/ssr/NAME.html, written
// with the renderer's command line (`article-widget-render`, built here
// natively), so `make serve` shows the article readable before any script
// and then hydrated by embed.js (README, "Server rendering"). Called by
// scripts/build.mjs after trunk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `dir`/ssr/. */
export function ssrPages(dir) {
execFileSync('cargo', ['build', '--quiet', '--locked', '--bin', 'article-widget-render'], { stdio: 'inherit' });
const render = 'target/debug/article-widget-render';
mkdirSync(join(dir, 'ssr'), { recursive: true });

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const samples = readdirSync('www/articles').filter((f) => f.endsWith('.json')).sort();
for (const file of samples) {
  const name = file.replace(/\.json$/, '');
  const article = JSON.parse(readFileSync(join('www/articles', file), 'utf8'));
  // The widget's files are one folder up; so are the sample's images
  // (its relative URLs are written for articles/, a sibling of ssr/).
  const fragment = execFileSync(render, [join('www/articles', file), '--assets', '../'], { encoding: 'utf8' });
  const lang = escape(article.lang ?? 'en');
  writeFileSync(join(dir, 'ssr', `${name}.html`), `<!DOCTYPE html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; require-trusted-types-for 'script'; trusted-types article-widget">
    <title>${escape(article.title)} (server-rendered)</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="ssr.css">
    <script type="module" async src="../embed.js"></script>
  </head>
  <body>
    <p class="ssr-note">Server-rendered with <code>article-widget-render</code>: readable with scripts off; <code>embed.js</code> hydrates it. <a href="../index.html">Back to the preview</a></p>
    <main>
${fragment.trimEnd()}
    </main>
  </body>
</html>
`);
  console.log(`server-rendered ssr/${name}.html`);
}
writeFileSync(join(dir, 'ssr', 'ssr.css'), `body { margin: 0 auto; max-width: 46rem; padding: 1rem; font-family: system-ui, sans-serif; background: Canvas; color: CanvasText; }
.ssr-note { font-size: 0.875rem; }
article-widget { display: block; }
`);
}
