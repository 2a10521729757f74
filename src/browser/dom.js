// Builds article text in one call from markup steps encoded by Rust
// (src/browser/dom.rs): a crossing per block or text run from wasm to JS
// costs more than the DOM call itself, so the steps come as one list of
// numbers and one string. Only elements, attributes and text nodes are
// made; no HTML is parsed.
const SVG = 'http://www.w3.org/2000/svg';

/** Runs the steps; returns the top-level elements, not yet in the page. */
export function buildNodes(ops, text) {
  const names = [];
  const roots = [];
  const open = [];
  let parent = null;
  for (let i = 0; i < ops.length;) {
    switch (ops[i]) {
      case 0: // NAME start length: the next name id
        names.push(text.slice(ops[i + 1], ops[i + 1] + ops[i + 2]));
        i += 3;
        break;
      case 1: // OPEN name
      case 2: { // OPEN_SVG name
        const element = ops[i] === 1
          ? document.createElement(names[ops[i + 1]])
          : document.createElementNS(SVG, names[ops[i + 1]]);
        if (parent) parent.appendChild(element); else roots.push(element);
        open.push(parent);
        parent = element;
        i += 2;
        break;
      }
      case 3: // ATTR name start length
        parent.setAttribute(names[ops[i + 1]], text.slice(ops[i + 2], ops[i + 2] + ops[i + 3]));
        i += 4;
        break;
      case 4: // TEXT start length
        parent.appendChild(document.createTextNode(text.slice(ops[i + 1], ops[i + 1] + ops[i + 2])));
        i += 3;
        break;
      default: // CLOSE
        parent = open.pop();
        i += 1;
    }
  }
  return roots;
}

export function mountNodes(nodes, parent, marker) {
  for (const node of nodes) parent.insertBefore(node, marker ?? null);
}

export function unmountNodes(nodes) {
  for (const node of nodes) node.remove();
}

/** Adds `added` before the last of `nodes` (an end marker), in the list and,
 * when the marker is in the page, in the page. */
export function insertBeforeLast(nodes, added) {
  const end = nodes.pop();
  for (const node of added) nodes.push(node);
  nodes.push(end);
  const parent = end.parentNode;
  if (parent) for (const node of added) parent.insertBefore(node, end);
}

/** Runs `callback` in a task of its own, soon: `scheduler.postTask` where
 * there is one, else a message to itself (`setTimeout` is clamped to 4 ms
 * once nested, which would add up over a long body). */
export function nextTask(callback) {
  if (globalThis.scheduler?.postTask) {
    scheduler.postTask(callback, { priority: 'user-visible' });
    return;
  }
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback();
  };
  channel.port2.postMessage(null);
}

/** The folder `globalThis.ARTICLE_WIDGET_BASE_URL` names for the widget's
 * files (a CDN, or where an esbuild build copied them), or null: then each
 * file is found relative to the module that loads it, as bundlers expect. */
export function widgetBase() {
  const base = globalThis.ARTICLE_WIDGET_BASE_URL;
  return base ? new URL(base, document.baseURI) : null;
}

/** A file of the feed converters (DIR/convert/), beside the widget's files.
 * Each is named by a literal path relative to this file, the shape Vite and
 * webpack recognise, so a bundled app gets each one emitted (hashed) as it
 * is; `?no-inline` keeps Vite from inlining the small worker as a data: URL,
 * which could not start a worker of this origin. */
const CONVERTER_FILES = widgetBase()
  ? {
    worker: new URL('convert/worker.js', widgetBase()).href,
    glue: new URL('convert/article-widget-convert.js', widgetBase()).href,
    wasm: new URL('convert/article-widget-convert_bg.wasm', widgetBase()).href,
  }
  : {
    worker: new URL('../../../../convert/worker.js?no-inline', import.meta.url).href,
    glue: new URL('../../../../convert/article-widget-convert.js', import.meta.url).href,
    wasm: new URL('../../../../convert/article-widget-convert_bg.wasm', import.meta.url).href,
  };

/** The UI strings of the languages the widget's code does not hold
 * (DIR/strings/<code>.json, from src/strings/), each named by a literal path
 * for bundlers as above (`?no-inline`: a data: URL would need the host's
 * `connect-src` to allow data:). */
const STRINGS_FILES = widgetBase() ? null : {
  nn: new URL('../../../../strings/nn.json?no-inline', import.meta.url).href,
  sv: new URL('../../../../strings/sv.json?no-inline', import.meta.url).href,
  da: new URL('../../../../strings/da.json?no-inline', import.meta.url).href,
  fi: new URL('../../../../strings/fi.json?no-inline', import.meta.url).href,
  de: new URL('../../../../strings/de.json?no-inline', import.meta.url).href,
  fr: new URL('../../../../strings/fr.json?no-inline', import.meta.url).href,
  es: new URL('../../../../strings/es.json?no-inline', import.meta.url).href,
  pt: new URL('../../../../strings/pt.json?no-inline', import.meta.url).href,
  it: new URL('../../../../strings/it.json?no-inline', import.meta.url).href,
  nl: new URL('../../../../strings/nl.json?no-inline', import.meta.url).href,
  pl: new URL('../../../../strings/pl.json?no-inline', import.meta.url).href,
  uk: new URL('../../../../strings/uk.json?no-inline', import.meta.url).href,
  ar: new URL('../../../../strings/ar.json?no-inline', import.meta.url).href,
};

const stringsLoading = new Map();

const withoutHint = (href) => {
  if (!href) return href;
  const url = new URL(href);
  url.searchParams.delete('no-inline');
  return url.href;
};

/** A language's table as a JSON value: fetched once a page, however many
 * widgets wait for it (one shared promise), without cookies. Rejects with an
 * Error naming the file and what went wrong. */
export function fetchStrings(code) {
  if (!stringsLoading.has(code)) {
    // Without the bundlers' hint: the URL a server's preload names.
    const url = widgetBase() ? new URL(`strings/${code}.json`, widgetBase()).href : withoutHint(STRINGS_FILES[code]);
    stringsLoading.set(code, (async () => {
      if (!url) throw new Error(`no strings file for ${code}`);
      let response;
      try {
        response = await fetch(url, { credentials: 'same-origin' });
      } catch (error) {
        throw new Error(`${url}: no answer: ${error.message}`);
      }
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      try {
        return await response.json();
      } catch (error) {
        throw new Error(`${url}: not JSON: ${error.message}`);
      }
    })());
  }
  return stringsLoading.get(code);
}

/** The converters' JavaScript glue and their wasm, wherever they ended up. */
export const CONVERTER_GLUE = CONVERTER_FILES.glue;
export const CONVERTER_WASM = CONVERTER_FILES.wasm;

/** The converters' worker (`convert.js` starts it), told where the glue and
 * the wasm are: the one script URL the Trusted Types policy passes. */
export const CONVERTER_WORKER = (() => {
  const url = new URL(CONVERTER_FILES.worker);
  url.searchParams.set('glue', CONVERTER_GLUE);
  url.searchParams.set('wasm', CONVERTER_WASM);
  return url.href;
})();

let policy;

/** The page's Trusted Types policy `article-widget`, made once: it passes
 * the JSON-LD text as a script and, as a script URL, only the converters'
 * worker. Null without Trusted Types or if the page's policy list leaves
 * the name out. */
export function trustedPolicy() {
  if (policy === undefined) {
    try {
      policy = globalThis.trustedTypes?.createPolicy
        ? trustedTypes.createPolicy('article-widget', {
          createScript: (json) => json,
          createScriptURL: (url) => {
            if (url !== CONVERTER_WORKER) throw new TypeError(`article-widget loads no script from ${url}`);
            return url;
          },
        })
        : null;
    } catch {
      policy = null;
    }
  }
  return policy;
}

/** Sets the text of a <script> (the JSON-LD). Under Trusted Types
 * (`require-trusted-types-for 'script'`) the text goes through the policy
 * named `article-widget`; returns false if the page's policy list does not
 * allow that name. */
export function setScriptText(script, text) {
  if (globalThis.trustedTypes?.createPolicy) {
    const trusted = trustedPolicy();
    if (!trusted) return false;
    script.textContent = trusted.createScript(text);
  } else {
    script.textContent = text;
  }
  return true;
}

/** The shape of `root`'s children (see `hydration.rs`): `<name` … `>`
 * around each element's children, `#` a text node, `!` a comment. Walked
 * without recursion, since nesting may be deep. */
export function shapeOf(root) {
  let shape = '';
  let node = root.firstChild;
  while (node) {
    const type = node.nodeType;
    if (type === 1) {
      shape += '<' + node.localName;
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      shape += '>';
    } else if (type === 3) {
      shape += '#';
    } else if (type === 8) {
      shape += '!';
    }
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node !== root) shape += '>';
    }
    node = node === root ? null : node.nextSibling;
  }
  return shape;
}
