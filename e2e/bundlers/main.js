// A host app's entry, built by Vite, webpack and esbuild in e2e/bundlers.mjs:
// the package as an app imports it, one article given as a value, one in
// Swedish (its strings file fetched) and one WordPress post fetched and
// converted (the converter module and its worker).
import 'article-widget';

const results = (window.__results = []);
document.addEventListener('article-widget:ready', (event) => results.push({ id: event.target.id, ready: event.detail }));
document.addEventListener('article-widget:error', (event) => results.push({ id: event.target.id, error: event.detail }));

const v1 = document.createElement('article-widget');
v1.id = 'v1';
v1.article = {
  id: 'bundled-1',
  title: 'A bundled host shows its article',
  published: '2026-11-01T08:30:00+01:00',
  body: [{ type: 'paragraph', text: 'Built by a bundler from the packed package.' }],
};
document.body.append(v1);

const feed = document.createElement('article-widget');
feed.id = 'feed';
feed.setAttribute('format', 'wordpress');
feed.setAttribute('src', '/feeds/post.json');
document.body.append(feed);

const swedish = document.createElement('article-widget');
swedish.id = 'sv';
swedish.article = {
  id: 'bundled-sv',
  title: 'En artikel på svenska',
  lang: 'sv',
  published: '2026-03-04T08:30:00+01:00',
  body: [{ type: 'paragraph', text: 'Byggd av en bundler.' }],
};
document.body.append(swedish);
