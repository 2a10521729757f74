// The vanilla-JS baseline for the benchmark: builds the same article DOM as the
// widget (same elements, attributes and text, icons included) from the same
// JSON, by hand, with no framework; `bench.mjs` checks that the two DOMs are
// equal for the benchmark's articles. It skips what the widget does beyond
// building the DOM (validation with JSON paths, the meter, storage, JSON-LD,
// events), so it is close to the physical limit of "JSON in, DOM out".

const SAFE = /^(https?:|mailto:|[^:]*$)/i;
const safe = (url) => (typeof url === 'string' && SAFE.test(url.trim()) && !url.trim().startsWith('//') ? url.trim() : null);

const SVG = 'http://www.w3.org/2000/svg';

function el(tag, attrs, ...children) {
  const node = tag === 'svg' || tag === 'path' ? document.createElementNS(SVG, tag) : document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) if (v != null && v !== false) node.setAttribute(k, v === true ? '' : v);
  for (const child of children) if (child != null && child !== false) node.append(child);
  return node;
}

// **strong**, *em*, [label](url), backslash escapes: the same rules as the widget.
function inline(text, out = document.createDocumentFragment(), inStrong = false, inEm = false, inLink = false) {
  let buffer = '';
  const flush = () => { if (buffer) { out.append(buffer); buffer = ''; } };
  const closer = (from, marker) => {
    for (let k = from; k < text.length; ) {
      if (text[k] === '\\' || (marker === '*' && text.startsWith('**', k))) { k += 2; continue; }
      if (text.startsWith(marker, k)) return k > from ? k : -1;
      k += 1;
    }
    return -1;
  };
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '\\' && '\\*[]()'.includes(text[i + 1] ?? 'x')) { buffer += text[i + 1]; i += 2; continue; }
    if (text.startsWith('**', i) && !inStrong) {
      const end = closer(i + 2, '**');
      if (end > 0) { flush(); out.append(inline(text.slice(i + 2, end), el('strong'), true, inEm, inLink)); i = end + 2; continue; }
    } else if (c === '*' && !inEm) {
      const end = closer(i + 1, '*');
      if (end > 0) { flush(); out.append(inline(text.slice(i + 1, end), el('em'), inStrong, true, inLink)); i = end + 1; continue; }
    } else if (c === '[' && !inLink) {
      const labelEnd = closer(i + 1, ']');
      if (labelEnd > 0 && text[labelEnd + 1] === '(') {
        const urlEnd = closer(labelEnd + 2, ')');
        if (urlEnd > 0) {
          flush();
          const href = safe(text.slice(labelEnd + 2, urlEnd));
          const target = href ? el('a', { href }) : document.createDocumentFragment();
          out.append(inline(text.slice(i + 1, labelEnd), target, inStrong, inEm, true));
          i = urlEnd + 1;
          continue;
        }
      }
    }
    const width = text.startsWith('**', i) ? 2 : 1;
    buffer += text.slice(i, i + width);
    i += width;
  }
  flush();
  return out;
}

const formats = new Map();
function date(iso, lang, style) {
  const key = lang + style;
  if (!formats.has(key)) {
    const options = { timeZone: 'UTC', dateStyle: style === 'medium' ? 'medium' : 'long' };
    if (style === 'time') options.timeStyle = 'short';
    formats.set(key, new Intl.DateTimeFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', options));
  }
  const [y, mo, d, h, mi] = iso.match(/\d+/g).map(Number);
  return el('time', { datetime: iso }, formats.get(key).format(Date.UTC(y, mo - 1, d, h, mi)));
}

function figure(image, hero) {
  const src = safe(image.src);
  return el('figure', { part: 'figure', class: hero ? 'aw-figure aw-hero' : 'aw-figure' },
    src && el('img', { src, alt: image.alt, width: image.width, height: image.height, class: 'aw-img', loading: hero ? 'eager' : 'lazy', decoding: 'async' }),
    (image.caption || image.credit) && el('figcaption', null, image.caption && inline(image.caption), image.credit && ' ', image.credit && el('span', { class: 'aw-credit', part: 'credit' }, image.credit)));
}

const icon = (d, size, cls) => el('svg', { class: cls, viewBox: '0 0 16 16', width: size, height: size, 'aria-hidden': 'true', focusable: 'false' }, el('path', { d }));
const SHARE_PATH = 'M12 10a2 2 0 0 0-1.6.8L5.9 8.5a2 2 0 0 0 0-1l4.5-2.3A2 2 0 1 0 10 4l-4.5 2.3a2 2 0 1 0 0 3.4L10 12a2 2 0 1 0 2-2z';
const PADLOCK_PATH = 'M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5zm1.5 0h4V5a2 2 0 0 0-4 0v2z';
const padlock = () => [el('span', { class: 'aw-premium' }, icon(PADLOCK_PATH, 14, 'aw-padlock'), el('span', { class: 'aw-visually-hidden' }, 'Subscribers only')), ' '];

function block(b) {
  switch (b.type) {
    case 'paragraph': return el('p', null, inline(b.text));
    case 'heading': return el(`h${b.level ?? 2}`, null, inline(b.text));
    case 'image': return figure(b, false);
    case 'quote': return el('figure', { part: 'quote', class: 'aw-quote' }, el('blockquote', null, el('p', null, inline(b.text))), b.cite && el('figcaption', null, b.cite));
    case 'list': return el(b.ordered ? 'ol' : 'ul', null, ...b.items.map((item) => el('li', null, inline(item))));
    case 'readAlso': return el('p', { class: 'aw-read-also' }, el('span', { class: 'aw-read-also-label' }, 'Read also:'), ' ', ...(b.premium ? padlock() : []), safe(b.url) ? el('a', { href: safe(b.url) }, b.title) : b.title);
    default: return null;
  }
}

/** Renders `json` (article JSON text) into `container`, replacing what was there. */
/** Blocks written straight into the body, then the size of each later part: about
 * what the widget writes in its first task and in each later one (static_markup.rs). */
const FIRST_BLOCKS = 270;
const PART_BLOCKS = 1300;

/** `parts`: the fair baseline: the body past its first blocks in `div.aw-part`s, as
 * the widget writes a long body (its stylesheet lays them out only near the screen),
 * and the page in an `.aw-container`, as the widget's. */
export function renderBaseline(container, json, { parts = false } = {}) {
  const a = JSON.parse(json);
  const lang = a.lang ?? 'en';
  const header = el('header', { class: 'aw-header', part: 'header' },
    a.section && el('p', { class: 'aw-kicker' }, a.section),
    el('h1', { class: 'aw-headline', part: 'headline' }, a.title),
    a.lede && el('p', { class: 'aw-lede', part: 'lede' }, inline(a.lede)),
    el('div', { class: 'aw-meta' },
      a.authors?.length && el('p', { class: 'aw-byline', part: 'byline' }, 'By ', ...a.authors.flatMap((au, i) => [i ? ', ' : '', safe(au.url) ? el('a', { href: safe(au.url), rel: 'author', dir: 'auto' }, au.name) : el('bdi', null, au.name)])),
      el('p', { class: 'aw-dateline' }, date(a.published, lang, 'long'))),
    el('div', { class: 'aw-actions' }, el('div', { class: 'aw-share', part: 'share' },
      el('button', { class: 'aw-action-button aw-share-button', type: 'button', part: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, icon(SHARE_PATH, 16), 'Share'),
      el('p', { class: 'aw-visually-hidden', role: 'status' }))),
    a.aiDisclosure && el('div', { class: 'aw-publisher' }, el('aside', { class: 'aw-ai-badge', part: 'ai-badge', 'aria-label': 'Made with AI' },
      el('p', { class: 'aw-ai-title' }, el('span', { class: 'aw-ai-mark', 'aria-hidden': 'true' }, 'AI'), 'Made with AI'),
      el('p', { class: 'aw-ai-text' }, a.aiDisclosure.text),
      el('details', { class: 'aw-ai-details' }, el('summary', null, 'What does this mean?'),
        el('p', null, 'An AI tool helped make this content. People in the newsroom are responsible for it.')))));
  const blocks = a.body.map(block);
  const body = el('div', { class: 'aw-body', part: 'body' }, ...(parts ? blocks.slice(0, FIRST_BLOCKS) : blocks));
  for (let from = FIRST_BLOCKS; parts && from < blocks.length; from += PART_BLOCKS) {
    body.append(el('div', { class: 'aw-part' }, ...blocks.slice(from, from + PART_BLOCKS)));
  }
  const related = a.related?.length && el('nav', { class: 'aw-related', part: 'related', 'aria-label': 'Related articles' },
    el('h2', { class: 'aw-section-title' }, 'Related articles'),
    el('ul', { class: 'aw-cards' }, ...a.related.map((r) => el('li', { class: 'aw-card', part: 'card' },
      el('div', { class: 'aw-card-thumb' }, safe(r.image) && el('img', { src: safe(r.image), alt: '', width: 320, height: 180, loading: 'lazy', decoding: 'async' })),
      el('div', { class: 'aw-card-text' }, r.section && el('p', { class: 'aw-card-section' }, r.section),
        el('h3', { class: 'aw-card-title' }, ...(r.premium ? padlock() : []), el('a', { class: 'aw-card-link', href: safe(r.url) }, r.title)),
        r.published && el('p', { class: 'aw-card-date' }, date(r.published, lang, 'medium')))))));
  const page = el('div', { class: 'aw-page', lang, dir: 'ltr' }, el('article', { class: 'aw-article' }, header, a.image && figure(a.image, true), body), related);
  // Fair: inside the same size container as the widget's page, so the
  // stylesheet's container queries apply to both.
  container.replaceChildren(parts ? el('div', { class: 'aw-container' }, page) : page);
}
