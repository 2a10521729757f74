// The feed converters (src/browser/convert.rs): a wasm module of their own,
// DIR/convert/ beside the widget's files, imported the first time an
// element has a `format` attribute, so pages that show v1 never load it.
// This file sits at DIR/snippets/<crate>/src/browser/convert.js.

let loading;

/** `{ article, warnings }` in format v1; throws `{ path, message }`. */
export async function convertFeed(format, document) {
  loading ??= (async () => {
    const url = new URL('../../../../convert/article-widget-convert.js', import.meta.url);
    const module = await import(url.href);
    await module.default();
    return module;
  })();
  let module;
  try {
    module = await loading;
  } catch (error) {
    loading = undefined;
    throw { path: '', message: `the feed converter (convert/article-widget-convert.js) could not be loaded: ${error.message}` };
  }
  return module.convert(format, document);
}
