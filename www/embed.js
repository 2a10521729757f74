// article-widget's entry point for host pages:
//   <script type="module" src="https://cdn.example.org/article-widget/embed.js"></script>
// Loads the widget's WebAssembly from next to this file (whatever its origin
// or path) and defines the <article-widget> element. Loading it twice is harmless.
// If the widget cannot start (the wasm blocked by CSP or CORS, a file missing),
// every <article-widget> on the page gets an `article-widget:error` event with
// {kind: "startup", message}, and keeps showing its own content (the fallback).
if (!customElements.get('article-widget')) {
  try {
    // The wasm download starts at once, alongside the JavaScript glue, not after it.
    const wasm = fetch(new URL('./article-widget_bg.wasm', import.meta.url));
    const { default: init } = await import('./article-widget.js');
    await init({ module_or_path: wasm });
  } catch (error) {
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
  }
}
