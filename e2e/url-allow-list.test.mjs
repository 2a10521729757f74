// The service worker's URL check (www/article-widget-sw.js) against the
// allow-list's shared cases (tests/url-allow-list.json), which the Rust
// allow-list (crates/format/src/url.rs) passes too: what a notification may
// open is decided the same way by the sender and the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';

const root = new URL('..', import.meta.url);
const cases = JSON.parse(readFileSync(new URL('tests/url-allow-list.json', root), 'utf8')).cases;

/** The worker's script run in a context of its own, as a worker would run it. */
function loadWorker() {
  const listeners = {};
  const shown = [];
  const self = {
    registration: {
      showNotification: async (title, options) => {
        shown.push({ title, options });
      },
    },
    addEventListener: (type, listener) => {
      listeners[type] = listener;
    },
    location: { origin: 'https://news.example' },
  };
  const context = vm.createContext({ self, URL, console });
  vm.runInContext(readFileSync(new URL('www/article-widget-sw.js', root), 'utf8'), context);
  return { context, listeners, shown };
}

test('the cases cover every kind the Rust allow-list refuses', () => {
  assert.ok(cases.length >= 40, `${cases.length} cases`);
  for (const needle of ['\\', '@', 'https:evil', ' //']) {
    assert.ok(cases.some((c) => c.url.includes(needle)), `no case with ${needle}`);
  }
});

test('the worker allows exactly what the allow-list allows for a notification', () => {
  const { context } = loadWorker();
  for (const c of cases) {
    const expected = c.allowed.includes('notification') ? (c.as ?? c.url) : undefined;
    assert.equal(context.notificationUrl(c.url), expected, JSON.stringify(c.url));
  }
});

test('a push message is shown only when its address is allowed, opening it on this origin', async () => {
  const { listeners, shown } = loadWorker();
  const warnings = [];
  const realWarn = console.warn;
  console.warn = (...args) => warnings.push(args.join(' '));
  try {
    for (const c of cases) {
      const before = shown.length;
      let waited;
      listeners.push({
        data: { json: () => ({ title: 'Ferry back', url: c.url }) },
        waitUntil: (promise) => {
          waited = promise;
        },
      });
      await waited;
      if (c.allowed.includes('notification')) {
        assert.equal(shown.length, before + 1, JSON.stringify(c.url));
        const opens = new URL(c.as ?? c.url, 'https://news.example').href;
        assert.equal(shown.at(-1).options.data.url, opens);
      } else {
        assert.equal(shown.length, before, `${JSON.stringify(c.url)} was shown`);
        assert.match(warnings.at(-1), /url: /);
      }
    }
  } finally {
    console.warn = realWarn;
  }
});
