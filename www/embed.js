// article-widget's entry point for host pages:
//   <script type="module" src="https://cdn.example.org/article-widget/embed.js"></script>
// or, in an app built with Vite or webpack: import 'article-widget';
// Loads the widget's WebAssembly from next to this file (whatever its origin
// or path; a bundler sees `new URL(…, import.meta.url)` and emits the file
// with a hashed name) and defines the <article-widget> element. Loading it
// twice is harmless. `globalThis.ARTICLE_WIDGET_BASE_URL`, set before this
// file loads, names another folder holding the widget's files (a CDN, or
// where an esbuild build copied them).
// If the widget cannot start (the wasm blocked by CSP or CORS, a file missing),
// every <article-widget> on the page gets an `article-widget:error` event with
// {kind: "startup", message}, and keeps showing its own content (the fallback).
// No top-level await: bundlers' default targets refuse it.
// Two builds of the widget: the one in this folder hydrates server-rendered
// widgets; the one in client/ (11.8 KB brotli less) only draws in the browser.
// The first is loaded while the page is still being parsed, when a widget on it
// holds a server's page, or when `globalThis.ARTICLE_WIDGET_HYDRATE` is true (a
// page that inserts server-rendered widgets later); otherwise the second.
function hydrating() {
  return globalThis.ARTICLE_WIDGET_HYDRATE === true || document.readyState === 'loading'
    || [...document.querySelectorAll('article-widget')].some((widget) => widget.shadowRoot?.querySelector('.aw-container[data-aw-render]'));
}

function start() {
  if (customElements.get('article-widget')) return;
  const base = globalThis.ARTICLE_WIDGET_BASE_URL;
  const from = base && new URL(base, document.baseURI);
  // The wasm download starts at once, alongside the JavaScript glue, not after it.
  // (Each name a literal `new URL` and `import`: bundlers emit both builds.)
  const [wasm, glue] = hydrating()
    ? [fetch(from ? new URL('article-widget_bg.wasm', from) : new URL('./article-widget_bg.wasm', import.meta.url)),
      () => import('./article-widget.js')]
    : [fetch(from ? new URL('client/article-widget_bg.wasm', from) : new URL('./client/article-widget_bg.wasm', import.meta.url)),
      () => import('./client/article-widget.js')];
  glue()
    .then(({ default: init }) => init({ module_or_path: wasm }))
    .catch((error) => {
      const message = `article-widget could not start: ${error?.message ?? error}`;
      console.error(message);
      const tell = () => {
        for (const widget of document.querySelectorAll('article-widget')) {
          widget.dispatchEvent(new CustomEvent('article-widget:error', {
            bubbles: true, composed: true, detail: { kind: 'startup', message },
          }));
        }
      };
      if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', tell, { once: true });
      else tell();
    });
}

start();
