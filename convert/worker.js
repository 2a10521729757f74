// The feed converters off the host page's main thread: DIR/convert/worker.js,
// started by the widget's convert.js (src/browser/convert.js) on the first
// `format` attribute. Takes `{ id, format, document, base }`, answers
// `{ id, answer }` or `{ id, failure: { path, message } }`.
import init, { convert } from './article-widget-convert.js';

const ready = init();

self.onmessage = async ({ data: { id, format, document, base } }) => {
  try {
    await ready;
  } catch (error) {
    self.postMessage({ id, failure: { path: '', message: `the feed converter could not be loaded: ${error.message}` } });
    return;
  }
  try {
    self.postMessage({ id, answer: convert(format, document, base) });
  } catch (failure) {
    self.postMessage({ id, failure });
  }
};
