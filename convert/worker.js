// The feed converters off the host page's main thread: DIR/convert/worker.js,
// started by the widget's convert.js (src/browser/convert.js) on the first
// `format` attribute, with `?glue=…&wasm=…` naming the converters' files
// (a bundler may have renamed them; this file is copied as it is).
// Takes `{ id, format, document, base }`, answers `{ id, answer }` or
// `{ id, failure: { path, message } }`.
const here = new URL(self.location.href);
/** A file the widget named, of this worker's origin; else the one beside it. */
const file = (name, beside) => {
  const given = here.searchParams.get(name);
  const url = given ? new URL(given, here) : new URL(beside, here);
  if (url.origin !== here.origin) throw new Error(`the converter's ${name} must be of this origin, not ${url.origin}`);
  return url.href;
};

const ready = (async () => {
  const converter = await import(file('glue', './article-widget-convert.js'));
  await converter.default({ module_or_path: file('wasm', './article-widget-convert_bg.wasm') });
  return converter;
})();

self.onmessage = async ({ data: { id, format, document, base } }) => {
  let converter;
  try {
    converter = await ready;
  } catch (error) {
    // The same words as when the page loads it (src/browser/convert.js).
    self.postMessage({ id, failure: { path: '', message: `the feed converter (convert/article-widget-convert.js) could not be loaded: ${error.message}` } });
    return;
  }
  try {
    self.postMessage({ id, answer: converter.convert(format, document, base) });
  } catch (failure) {
    self.postMessage({ id, failure });
  }
};
