// article-widget's entry point for host pages:
//   <script type="module" src="https://cdn.example.org/article-widget/embed.js"></script>
// Loads the widget's WebAssembly from next to this file (whatever its origin
// or path) and defines the <article-widget> element. Loading it twice is harmless.
if (!customElements.get('article-widget')) {
  // The wasm download starts at once, alongside the JavaScript glue, not after it.
  const wasm = fetch(new URL('./article-widget_bg.wasm', import.meta.url));
  const { default: init } = await import('./article-widget.js');
  await init({ module_or_path: wasm });
}
