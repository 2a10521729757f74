// The developer preview (index.html): shows the article named by ?src= (same
// origin only, so a link to the preview cannot dress up someone else's JSON
// as ours), else the bundled sample. ?entitled shows what a subscriber sees;
// ?format= names a feed format other than v1 (docs/feeds.md).
import './embed.js';

const DEFAULT_ARTICLE = 'articles/night-ferry.json';
const params = new URLSearchParams(location.search);
const widget = document.getElementById('preview');
const src = params.get('src') ?? DEFAULT_ARTICLE;

let url = null;
try {
  url = new URL(src, location.href);
} catch {
  url = null;
}
if (url && url.origin === location.origin) {
  widget.setAttribute('src', src);
} else {
  widget.hidden = true;
  const message = document.getElementById('preview-error');
  message.textContent = `The preview only loads articles from ${location.origin}; ?src=${src} is not one of them.`;
  message.hidden = false;
}
if (params.has('entitled') && params.get('entitled') !== 'false') {
  widget.setAttribute('entitled', '');
}
// ?format=wordpress|ninjs|anf|jsonld reads a feed in that format
// (the samples: formats/wordpress/post.json and its neighbours).
for (const name of ['format', 'lang', 'theme']) {
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}
