// The element's contract in one place: src/element-contract.json. This writes
// from it what must agree with it (ARCHITECTURE.md, "The element's contract"):
//   - src/element.js: the observed attributes;
//   - npm/article-widget.d.ts: the event map and the element's class;
//   - npm/custom-elements.json: the whole manifest, with the custom
//     properties read from www/article-widget.css and the parts from the views.
//   node scripts/contract.mjs          write them
//   node scripts/contract.mjs --check  exit 1, naming each, when one differs
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const contract = JSON.parse(readFileSync('src/element-contract.json', 'utf8'));
const BEGIN = '@generated from src/element-contract.json by scripts/contract.mjs: edit the table, not this';
const END = '@generated end';

/** `text` with the part between the markers (comment lines) replaced by `body`. */
function between(file, text, body) {
  const start = text.indexOf(BEGIN);
  const stop = text.indexOf(END);
  if (start < 0 || stop < start) throw new Error(`${file}: no generated part (the markers "${BEGIN}" … "${END}")`);
  const from = text.indexOf('\n', start) + 1;
  const to = text.lastIndexOf('\n', stop) + 1;
  return text.slice(0, from) + body + text.slice(to);
}

const quote = (s) => `'${s}'`;
const eventName = (event) => `${contract.tag}:${event.name}`;
const eventType = (event) => (event.detail ? `CustomEvent<${event.detail}>` : 'CustomEvent<Record<string, never>>');

function elementJs(text) {
  const observed = contract.attributes.filter((a) => a.observed).map((a) => quote(a.name));
  return between('src/element.js', text, `const OBSERVED = [${observed.join(', ')}];\n`);
}

function typeDeclarations(text) {
  const lines = [];
  lines.push('export interface ArticleWidgetEventMap {');
  for (const event of contract.events) {
    lines.push(`  /** ${event.description} */`);
    lines.push(`  '${eventName(event)}': ${eventType(event)};`);
  }
  lines.push('}', '');
  lines.push('/**', ` * \`<${contract.tag}>\`: ${contract.description}`, ' *', ' * Attributes:');
  for (const attribute of contract.attributes) {
    lines.push(` * - \`${attribute.name}\` (${attribute.type}): ${attribute.description}`);
  }
  lines.push(' */');
  lines.push(`export declare class ${contract.class} extends HTMLElement {`);
  for (const property of contract.properties) {
    lines.push(`  /** ${property.description} */`);
    const modifiers = `${property.static ? 'static ' : ''}${property.readonly ? 'readonly ' : ''}`;
    lines.push(`  ${modifiers}${property.name}: ${property.type};`);
  }
  for (const method of contract.methods) {
    lines.push(`  /** ${method.description} */`);
    lines.push(`  ${method.name}(): ${method.returns};`);
  }
  for (const [verb, options] of [['addEventListener', 'AddEventListenerOptions'], ['removeEventListener', 'EventListenerOptions']]) {
    lines.push(
      `  ${verb}<K extends keyof ArticleWidgetEventMap>(`,
      '    type: K,',
      `    listener: (this: ${contract.class}, event: ArticleWidgetEventMap[K]) => unknown,`,
      `    options?: boolean | ${options},`,
      '  ): void;',
      `  ${verb}(`,
      '    type: string,',
      '    listener: EventListenerOrEventListenerObject,',
      `    options?: boolean | ${options},`,
      '  ): void;',
    );
  }
  lines.push('}', '');
  return between('npm/article-widget.d.ts', text, lines.join('\n'));
}

function manifest() {
  const css = readFileSync('www/article-widget.css', 'utf8');
  // The first rule for the host (`:host,` `.aw-standalone {`): its custom properties.
  const hostStart = css.search(/^:host[ ,]/m);
  const hostBlock = css.slice(hostStart, css.indexOf('}', hostStart));
  const cssProperties = [...new Set([...hostBlock.matchAll(/(--aw-[a-z-]+):/g)].map((m) => m[1]))];
  const views = readdirSync('src/components').sort().map((file) => readFileSync(join('src/components', file), 'utf8')).join('\n');
  const parts = new Set([...views.matchAll(/part="([a-z-]+)"|attr\("part", "([a-z-]+)"\)/g)].map((m) => m[1] ?? m[2]));
  for (const region of ['related', 'latest']) parts.add(region); // named from their class (`titled_region`)
  const declaration = {
    kind: 'class',
    name: contract.class,
    tagName: contract.tag,
    customElement: true,
    description: contract.description,
    attributes: contract.attributes.map((a) => ({
      name: a.name,
      type: { text: a.type },
      description: a.description,
      ...(a.property ? { fieldName: a.property } : {}),
    })),
    members: [
      ...contract.properties.map((p) => ({
        kind: 'field',
        name: p.name,
        ...(p.static ? { static: true } : {}),
        ...(p.readonly ? { readonly: true } : {}),
        type: { text: p.type },
        description: p.description,
        ...(p.attribute ? { attribute: p.attribute } : {}),
      })),
      ...contract.methods.map((m) => ({ kind: 'method', name: m.name, description: m.description, return: { type: { text: m.returns } } })),
    ],
    events: contract.events.map((e) => ({ name: eventName(e), type: { text: e.detail ? `CustomEvent<${e.detail}>` : 'CustomEvent' }, description: e.description })),
    cssProperties: cssProperties.map((name) => ({ name })),
    cssParts: [...parts].map((name) => ({ name })),
  };
  return `${JSON.stringify({
    schemaVersion: '1.0.0',
    readme: 'README.md',
    modules: [{
      kind: 'javascript-module',
      path: 'embed.js',
      declarations: [declaration],
      exports: [{ kind: 'custom-element-definition', name: contract.tag, declaration: { name: contract.class, module: 'embed.js' } }],
    }],
  }, null, 2)}\n`;
}

const outputs = [
  ['src/element.js', elementJs],
  ['npm/article-widget.d.ts', typeDeclarations],
  ['npm/custom-elements.json', manifest],
];
let stale = 0;
for (const [file, write] of outputs) {
  const before = readFileSync(file, 'utf8');
  const after = write(before);
  if (after === before) continue;
  if (check) {
    console.error(`${file} differs from src/element-contract.json: run \`make contract\``);
    stale += 1;
  } else {
    writeFileSync(file, after);
    console.log(`wrote ${file}`);
  }
}
if (stale) process.exit(1);
if (check) console.log('the element contract and its three generated files agree');
