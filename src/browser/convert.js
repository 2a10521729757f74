// The feed converters (src/browser/convert.rs): a wasm module of their own,
// DIR/convert/ beside the widget's files, loaded the first time an element
// has a `format` attribute, so pages that show v1 never load it. It runs in
// a worker (DIR/convert/worker.js), so a large feed never holds the host
// page's main thread; where a worker cannot be had (the widget served from
// another origin, the page's Trusted Types policy list without
// `article-widget`, the worker failing to load) it runs in the page.
// The three files (worker, glue, wasm) are found by dom.js, where a bundler
// sees them, or under `ARTICLE_WIDGET_BASE_URL`.
import { CONVERTER_GLUE, CONVERTER_WASM, CONVERTER_WORKER, trustedPolicy } from './dom.js';

let inPage;
let worker;
let nextId = 0;
const pending = new Map();

/** `{ article, warnings }` in format v1; `base` is the URL the document
 * came from, if any. Throws `{ path, message }`. */
export async function convertFeed(format, document, base) {
  const converter = worker ?? startWorker();
  if (converter) {
    try {
      return await inWorker(converter, format, document, base ?? undefined);
    } catch (failure) {
      if (!failure?.workerFailed) throw failure;
      // Failed to start or to take the document: the page does it.
    }
  }
  return (await loadInPage()).convert(format, document, base ?? undefined);
}

function inWorker(converter, format, document, base) {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    try {
      converter.postMessage({ id, format, document, base });
    } catch {
      // A document that cannot be cloned (a host object with functions).
      pending.delete(id);
      reject({ workerFailed: true });
    }
  });
}

/** The worker, or null where one cannot be had without a CSP or Trusted
 * Types violation on the host page. */
function startWorker() {
  if (worker === null || new URL(CONVERTER_WORKER).origin !== location.origin) return (worker = null);
  let url = CONVERTER_WORKER;
  if (globalThis.trustedTypes?.createPolicy) {
    const trusted = trustedPolicy();
    if (!trusted) return (worker = null);
    url = trusted.createScriptURL(url);
  }
  try {
    worker = new Worker(url, { type: 'module', name: 'article-widget converter' });
  } catch {
    return (worker = null);
  }
  worker.onmessage = ({ data }) => {
    const waiting = pending.get(data.id);
    pending.delete(data.id);
    if (data.failure) waiting?.reject(data.failure);
    else waiting?.resolve(data.answer);
  };
  worker.onerror = (event) => {
    // The worker did not load (blocked, missing): every waiting conversion
    // and every later one runs in the page instead.
    event.preventDefault();
    worker.terminate();
    worker = null;
    for (const waiting of pending.values()) waiting.reject({ workerFailed: true });
    pending.clear();
  };
  return worker;
}

async function loadInPage() {
  inPage ??= (async () => {
    // A URL known at run time: bundlers are told to leave this import alone.
    const module = await import(/* webpackIgnore: true */ /* @vite-ignore */ CONVERTER_GLUE);
    await module.default({ module_or_path: CONVERTER_WASM });
    return module;
  })();
  try {
    return await inPage;
  } catch (error) {
    inPage = undefined;
    throw { path: '', message: `the feed converter (convert/article-widget-convert.js) could not be loaded: ${error.message}` };
  }
}
