// The benchmark's page: functions the runner (bench.mjs) calls to render an
// article with the widget or with the vanilla-JS baseline, and to read memory.
import { renderBaseline } from './baseline.js';

const stage = document.getElementById('stage');
// The widget's stylesheet, for the fair baseline (bench.mjs serves it here).
const sheet = new CSSStyleSheet();
sheet.replaceSync(await (await fetch('/bench/style.css')).text());

/** Resolves when the whole article is in the DOM: after `ready`, a long body
 * is still being written while it is marked `aria-busy`. */
function ready(host) {
  return new Promise((resolve, reject) => {
    host.addEventListener('article-widget:ready', resolve, { once: true });
    host.addEventListener('article-widget:error', (e) => reject(new Error(e.detail.message)), { once: true });
  }).then(() => whole(host));
}

function whole(host) {
  const body = host.shadowRoot.querySelector('.aw-body');
  if (!body?.hasAttribute('aria-busy')) return undefined;
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!body.hasAttribute('aria-busy')) { observer.disconnect(); resolve(); }
    });
    observer.observe(body, { attributes: true, attributeFilter: ['aria-busy'] });
  });
}

/** Style and layout now, so that every time includes them (a reader waits for
 * them too, and a body written over several tasks is laid out as it goes). */
function layOut(host) {
  return host.getBoundingClientRect().height;
}

function newWidget() {
  const host = document.createElement('article-widget');
  host.setAttribute('entitled', ''); // the whole article, no wall: the same DOM as the baseline
  return host;
}

/** The DOM under `root` as text, for comparing: see `differences`. */
function canonical(root) {
  let out = '';
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out += child.data.replace(/[<&]/g, (c) => `&#${c.charCodeAt(0)};`);
      else if (child.nodeType !== Node.ELEMENT_NODE) continue;
      else if (child.localName === 'div' && child.className === 'aw-part') walk(child);
      else {
        const attributes = [...child.attributes].map((a) => ` ${a.name}="${a.value}"`).sort().join('');
        out += `<${child.localName}${attributes}>`;
        walk(child);
        out += `</${child.localName}>`;
      }
    }
  };
  walk(root);
  return out;
}

window.bench = {
  /** JSON text in, DOM complete: a new widget element. Returns milliseconds. */
  async widget(json) {
    stage.replaceChildren();
    const host = newWidget();
    const done = ready(host);
    const start = performance.now();
    host.article = json;
    stage.append(host);
    await done;
    layOut(host);
    return performance.now() - start;
  },

  /** The same for the baseline, into a shadow root like the widget's. `fair`: with
   * the widget's stylesheet and its long body in parts (content-visibility), as the
   * widget has them; otherwise unstyled, all in one. */
  async baseline(json, fair = false) {
    stage.replaceChildren();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const start = performance.now();
    if (fair) root.adoptedStyleSheets = [sheet];
    stage.append(host);
    renderBaseline(root, json, { parts: fair });
    layOut(host);
    return performance.now() - start;
  },

  /** Shows `from`, then times switching `src` to `to`. */
  async widgetUpdate(from, to) {
    stage.replaceChildren();
    const host = newWidget();
    let done = ready(host);
    host.setAttribute('src', from);
    stage.append(host);
    await done;
    done = ready(host);
    const start = performance.now();
    host.setAttribute('src', to);
    await done;
    layOut(host);
    return performance.now() - start;
  },

  async baselineUpdate(from, to) {
    stage.replaceChildren();
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    stage.append(host);
    renderBaseline(root, await (await fetch(from)).text());
    const start = performance.now();
    renderBaseline(root, await (await fetch(to)).text());
    layOut(host);
    return performance.now() - start;
  },

  /** JS heap and wasm memory in bytes, after a garbage collection. */
  async memory() {
    window.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 50));
    window.gc?.();
    const { default: init } = await import('/article-widget.js');
    const exports = await init(); // already initialised by embed.js: returns its exports
    return { jsHeap: performance.memory?.usedJSHeapSize ?? null, wasm: exports.memory.buffer.byteLength };
  },

  /** Mounts a widget with `json` and removes it, `times` times. */
  async cycles(json, times) {
    for (let i = 0; i < times; i += 1) {
      await this.widget(json);
      stage.replaceChildren();
    }
  },

  /** Where the widget's DOM and the fair baseline's differ for `json`, or
   * null when they are the same: elements, attributes (in any order) and
   * text, leaving out the widget's comment markers and how each splits a
   * long body into `.aw-part`s. */
  async differences(json) {
    await this.widget(json);
    const widget = canonical(stage.firstElementChild.shadowRoot);
    await this.baseline(json, true);
    const baseline = canonical(stage.firstElementChild.shadowRoot);
    if (widget === baseline) return null;
    let at = 0;
    while (widget[at] === baseline[at]) at += 1;
    const around = (text) => text.slice(Math.max(0, at - 120), at + 120);
    return `widget:   …${around(widget)}…\nbaseline: …${around(baseline)}…`;
  },

  clear() {
    stage.replaceChildren();
  },
};
document.body.dataset.ready = 'true';
