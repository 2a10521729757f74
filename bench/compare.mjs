// Two builds side by side in one browser, interleaved, so a change is measured
// against what was there before on the same machine at the same moment:
//   node bench/compare.mjs OLD_DIST NEW_DIST [blocks] [rounds]
// e.g. `git worktree add /tmp/old HEAD~1` and `trunk build --release` there.
import { launchChromium, serve } from '../e2e/lib.mjs';
import { join } from 'node:path';
import { article } from './articles.mjs';
const [a, b] = [process.argv[2], process.argv[3]];
const blocks = Number(process.argv[4] || 1000);
const rounds = Number(process.argv[5] || 40);
const mk = async (dist) => {
  const server = await serve((path) => {
    if (path === '/bench/style.css') return 'www/article-widget.css'; // the fair baseline's stylesheet
    return path.startsWith('/bench/') ? join('bench', path.slice(7)) : join(dist, path);
  });
  return server;
};
const sa = await mk(a), sb = await mk(b);
const browser = await launchChromium();
const pa = await (await browser.newContext()).newPage(); await pa.goto(`${sa.origin}/bench/bench.html`);
const pb = await (await browser.newContext()).newPage(); await pb.goto(`${sb.origin}/bench/bench.html`);
for (const p of [pa, pb]) await p.waitForFunction(() => document.body.dataset.ready && customElements.get('article-widget'));
const json = article(blocks, 'a');
const r = { a: [], b: [], ba: [], bb: [] };
for (let i = 0; i < rounds; i++) {
  r.a.push(await pa.evaluate((j) => window.bench.widget(j), json));
  r.ba.push(await pa.evaluate((j) => window.bench.baseline(j), json));
  r.b.push(await pb.evaluate((j) => window.bench.widget(j), json));
  r.bb.push(await pb.evaluate((j) => window.bench.baseline(j), json));
}
const med = (xs) => { const s = xs.slice(5).sort((x, y) => x - y); return s[s.length >> 1]; };
console.log(`${a}: widget ${med(r.a).toFixed(1)} baseline ${med(r.ba).toFixed(1)} ratio ${(med(r.a) / med(r.ba)).toFixed(2)}`);
console.log(`${b}: widget ${med(r.b).toFixed(1)} baseline ${med(r.bb).toFixed(1)} ratio ${(med(r.b) / med(r.bb)).toFixed(2)}`);
await browser.close(); sa.close(); sb.close();
