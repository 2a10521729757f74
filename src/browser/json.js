// JSON values at the JavaScript boundary (src/browser/json.rs). The browser
// parses JSON text; serde-wasm-bindgen reads the values. These two helpers
// keep what a value may be to the rules of docs/format-v1.md.

/**
 * JSON.parse after a byte order mark, if any (it throws a SyntaxError).
 * Text longer than `maxChars` is refused before parsing: a document of tens
 * of megabytes would hold the page for seconds.
 */
export function parseJson(text, maxChars) {
  if (text.length > maxChars) {
    throw new RangeError(`the document is ${text.length.toLocaleString('en')} characters long; at most ${maxChars.toLocaleString('en')} are read`);
  }
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * What serde_json refuses natively in a value from JSON.parse, or null: arrays
 * and objects reaching `maxDepth` levels (its recursion limit), and numbers
 * beyond the range of a double (JSON.parse makes them Infinity).
 */
export function beyondJsonLimits(value, maxDepth) {
  const stack = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop();
    if (typeof item === 'number' && !Number.isFinite(item)) return 'number out of range';
    if (item === null || typeof item !== 'object') continue;
    if (depth + 1 >= maxDepth) return `nested more than ${maxDepth} levels deep`;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/**
 * A plain copy of a host page's object: what JSON.stringify would keep
 * (toJSON honoured, functions and symbols left out), read once, without
 * making text. Getters that throw, cycles, too deep or too large values and
 * BigInts are refused with a sentence saying what and where.
 */
export function plainCopy(value, maxDepth, maxNodes, maxChars) {
  let nodes = 0;
  let chars = 0;
  const copy = (item, path, depth) => {
    if (item !== null && typeof item === 'object' && typeof item.toJSON === 'function') {
      item = item.toJSON();
    }
    switch (typeof item) {
      case 'string':
        chars += item.length;
        if (chars > maxChars) throw new RangeError(`the article has more than ${maxChars.toLocaleString('en')} characters of text; at most that many are read`);
        // A lone surrogate reads as U+FFFD, as the browser's text encoders do.
        return item.toWellFormed ? item.toWellFormed() : item;
      case 'number':
      case 'boolean':
        return item;
      case 'bigint':
        throw new Error(`${path || 'the article'} is a BigInt, which JSON has no way to write`);
      case 'object':
        break;
      default:
        // Inside an object a function or symbol is left out, as JSON.stringify does;
        // as the article itself it is an error that says what it is.
        if (!path) throw new Error(`the article is a ${typeof item}, not an object`);
        return undefined;
    }
    if (item === null) return null;
    if (depth >= maxDepth) {
      throw new Error(`${path || 'the article'} is nested more than ${maxDepth} levels deep (does it refer to itself?)`);
    }
    if (++nodes > maxNodes) throw new Error(`the article has more than ${maxNodes} values`);
    if (Array.isArray(item)) {
      return item.map((child, i) => {
        const value = copy(child, `${path}[${i}]`, depth + 1);
        return value === undefined ? null : value;
      });
    }
    const out = {};
    for (const key of Object.keys(item)) {
      const value = copy(item[key], path ? `${path}.${key}` : key, depth + 1);
      if (value !== undefined) out[key] = value;
    }
    return out;
  };
  return copy(value, '', 0);
}
