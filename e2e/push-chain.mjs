// The whole Web Push chain on this machine: the widget in headless Chromium
// subscribes (the browser's PushManager stubbed to return a subscription on
// a mock push service, with keys made here), the real sender
// (`article-widget-push serve`) stores it in SQLite, `article-widget-push
// send` encrypts and posts, the mock push service checks the VAPID JWT and
// decrypts with the npm `http_ece` (RFC 8188's reference code), and the
// decrypted message, delivered to the widget's real service worker through
// the DevTools protocol, shows its notification.
//   node e2e/push-chain.mjs dist
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { createECDH, createPublicKey, randomBytes, verify } from 'node:crypto';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ece from 'http_ece';
import { DIST, launchChromium, report, serve } from './lib.mjs';

const work = mkdtempSync(join(tmpdir(), 'aw-push-chain-'));
execFileSync('cargo', ['build', '--quiet', '--locked', '--release', '-p', 'article-widget-push'], { stdio: 'inherit' });
const SENDER = 'target/release/article-widget-push';
const keysFile = join(work, 'keys.json');
execFileSync(SENDER, ['keys', '--subject', 'mailto:e2e@example.org', '--out', keysFile], { stdio: ['ignore', 'ignore', 'ignore'] });
const keys = JSON.parse(readFileSync(keysFile, 'utf8'));
const b64url = (buffer) => buffer.toString('base64url');

// ---- the mock push service ----
const reader = createECDH('prime256v1');
reader.generateKeys();
const authSecret = randomBytes(16);
const received = [];
const problems = [];
const pushService = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    try {
      const [, token, key] = request.headers.authorization?.match(/^vapid t=([^,]+), k=(.+)$/) ?? [];
      if (key !== keys.publicKey) throw new Error(`VAPID key ${key} is not the sender's`);
      const [header, claims, signature] = token.split('.');
      const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64url(Buffer.from(key, 'base64url').subarray(1, 33)), y: b64url(Buffer.from(key, 'base64url').subarray(33)) }, format: 'jwk' });
      if (!verify('sha256', Buffer.from(`${header}.${claims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) {
        throw new Error('the VAPID JWT signature does not verify');
      }
      const { aud, exp, sub } = JSON.parse(Buffer.from(claims, 'base64url'));
      if (aud !== 'http://127.0.0.1' || sub !== 'mailto:e2e@example.org' || !(exp > Date.now() / 1000)) throw new Error(`claims ${claims}`);
      if (request.headers['content-encoding'] !== 'aes128gcm') throw new Error('not aes128gcm');
      const plain = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: reader, authSecret: b64url(authSecret) });
      received.push({ path: request.url, ttl: request.headers.ttl, message: JSON.parse(plain) });
      response.writeHead(201).end();
    } catch (error) {
      problems.push(`push service: ${error.message}`);
      response.writeHead(400).end(error.message);
    }
  });
});
await new Promise((resolve) => pushService.listen(0, '127.0.0.1', resolve));
const pushOrigin = `http://127.0.0.1:${pushService.address().port}`;
const subscription = {
  endpoint: `${pushOrigin}/push/reader-1`,
  expirationTime: null,
  keys: { p256dh: b64url(reader.getPublicKey()), auth: b64url(authSecret) },
};

// ---- the page ----
let senderOrigin;
const article = () => ({
  id: 'chain', title: 'Push chain', published: '2026-11-01T10:00:00Z', body: [{ type: 'paragraph', text: 'Text.' }],
  notifications: {
    topics: [{ id: 'harbour', label: 'Harbour' }, { id: 'sport', label: 'Sport' }],
    push: { vapidPublicKey: keys.publicKey, subscribeUrl: `${senderOrigin}/subscriptions` },
  },
});
const site = await serve((path) => {
  if (path === '/chain.html') {
    return Buffer.from('<!doctype html><html lang="en"><title>Push chain</title><script type="module" src="/embed.js"></script>'
      + `<article-widget><script type="application/json">${JSON.stringify(article())}</script></article-widget>`);
  }
  return join(DIST, path);
});

// ---- the sender's service ----
const db = join(work, 'push.sqlite');
// The mock push service is on this machine: the sender reaches it only with
// its test-only switch (real endpoints must be public https: hosts).
const service = spawn(SENDER, ['serve', '--keys', keysFile, '--db', db, '--listen', '127.0.0.1:0', '--origin', site.origin, '--test-only-loopback'],
  { stdio: ['ignore', 'ignore', 'pipe'] });
let serviceLog = '';
senderOrigin = await new Promise((resolve, reject) => {
  service.stderr.on('data', (chunk) => {
    serviceLog += chunk;
    const log = serviceLog;
    // Chunks may end mid-address: only a whole line counts.
    const listening = log.match(/listening on (http:\/\/[0-9.:]+)\s/);
    if (listening) resolve(listening[1]);
  });
  service.on('exit', (code) => reject(new Error(`serve exited (${code}): ${serviceLog}`)));
});

// ---- the reader ----
const browser = await launchChromium();
const context = await browser.newContext();
await context.grantPermissions(['notifications'], { origin: site.origin });
// No push service is reachable from here: the browser's PushManager answers
// with the subscription made above (the service worker itself is real).
await context.addInitScript((json) => {
  let current = null;
  const made = () => ({ endpoint: json.endpoint, toJSON: () => json, unsubscribe: async () => { current = null; return true; } });
  PushManager.prototype.subscribe = async function subscribe(options) {
    if (!options.userVisibleOnly || !options.applicationServerKey) throw new Error('bad options');
    current = made();
    return current;
  };
  PushManager.prototype.getSubscription = async function getSubscription() { return current; };
}, subscription);
const page = await context.newPage();
page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
const consoleSaid = [];
page.on('console', (message) => consoleSaid.push(`${message.type()}: ${message.text()}`));
await page.goto(`${site.origin}/chain.html`);
const widget = page.locator('article-widget');
const bell = widget.getByRole('button', { name: 'Get notifications' });
await bell.click();
await widget.getByRole('checkbox', { name: 'Sport' }).uncheck();
await widget.getByRole('button', { name: 'Turn on' }).click();
const on = await page.waitForFunction(() => document.querySelector('article-widget').shadowRoot
  .querySelector('.aw-bell-button')?.getAttribute('aria-pressed') === 'true', null, { timeout: 10_000 }).then(() => true, () => false);
// What the bell's panel said, for the report when it did not turn on.
const bellSaid = on ? '' : await page.evaluate(() => document.querySelector('article-widget').shadowRoot
  .querySelector('.aw-bell')?.textContent ?? '(no bell)');

// ---- the newsroom sends ----
// Not execFileSync: the mock push service answers from this process.
const send = async (topic) => (await promisify(execFile)(SENDER, ['send', '--test-only-loopback', '--keys', keysFile, '--db', db, '--topic', topic, '--title', 'The harbour reopens',
  '--body', 'Boats may moor again from tonight.', '--url', '/news/harbour.html', '--tag', 'harbour', '--ttl', '600'], { encoding: 'utf8' })).stdout;
const harbour = await send('harbour');
const sport = await send('sport');

// ---- the worker shows what arrived ----
const cdp = await context.newCDPSession(page);
const registrations = [];
cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => registrations.push(...updated));
await cdp.send('ServiceWorker.enable');
await page.waitForTimeout(300);
const registration = registrations.find((r) => r.scopeURL === `${site.origin}/article-widget-push/` && !r.isDeleted);
let shown = [];
if (registration && received[0]) {
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: site.origin, registrationId: registration.registrationId, data: JSON.stringify(received[0].message) });
  await page.waitForTimeout(300);
  shown = await page.evaluate(async (scope) => {
    const found = await navigator.serviceWorker.getRegistration(scope);
    return (await found.getNotifications()).map((n) => ({ title: n.title, body: n.body, url: n.data?.url }));
  }, `${site.origin}/article-widget-push/`);
}

report([
  ['the reader turns the bell on: the widget registers the worker in its own scope, subscribes and posts to the sender',
    on && Boolean(registration), `bell on: ${on} (${bellSaid}; console: ${consoleSaid.join(' | ')}); registrations: ${JSON.stringify(registrations.map((r) => r.scopeURL))}`],
  ['send --topic harbour: one subscriber, sent', /^1 subscribers: 1 sent, 0 removed \(gone\), 0 failed/.test(harbour), harbour],
  ['send --topic sport (unchecked by the reader): nobody', /^0 subscribers: 0 sent/.test(sport), sport],
  ['the push service checked the VAPID JWT and decrypted what was sent',
    received.length === 1 && received[0].path === '/push/reader-1' && received[0].ttl === '600'
      && received[0].message.title === 'The harbour reopens' && received[0].message.topic === 'harbour',
    JSON.stringify(received)],
  ['the widget\'s service worker shows it', shown.length === 1 && shown[0].title === 'The harbour reopens'
    && shown[0].url === `${site.origin}/news/harbour.html`, JSON.stringify(shown)],
  ['serve logs one line per request, without the subscription\'s keys',
    /request\{method=POST path=\/subscriptions\}.*status=201/.test(serviceLog)
      && !serviceLog.includes(subscription.keys.auth) && !serviceLog.includes(subscription.keys.p256dh),
    serviceLog],
  ['no error anywhere', problems.length === 0, problems.join('; ')],
]);
service.kill();
await browser.close();
site.close();
pushService.close();
