// The service worker (dist/article-widget-sw.js) in headless Chromium: a push
// message delivered through the DevTools protocol
// (ServiceWorker.deliverPushMessage, as a push service would deliver it,
// already decrypted) shows its notification; messages that break the rules
// show none; a click on a notification opens its article.
//   node e2e/push.mjs dist
import { DIST, launchChromium, report, serve } from './lib.mjs';
import { join } from 'node:path';

const server = await serve((path) => {
  if (path === '/push.html') return Buffer.from('<!doctype html><html lang="en"><title>Push</title><h1>Push</h1>');
  if (path === '/news/ferry.html') return Buffer.from('<!doctype html><html lang="en"><title>Ferry</title><h1>Ferry</h1>');
  return join(DIST, path);
});
const browser = await launchChromium();
const context = await browser.newContext();
await context.grantPermissions(['notifications'], { origin: server.origin });
const page = await context.newPage();
await page.goto(`${server.origin}/push.html`);
const cdp = await context.newCDPSession(page);
const registrations = [];
cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations: updated }) => registrations.push(...updated));
await cdp.send('ServiceWorker.enable');
// As the widget registers it: where renewals go is in the worker's URL.
const SETTINGS = { subscribeUrl: 'https://push.example/subscriptions', key: 'BKEY' };
await page.evaluate(async ({ subscribeUrl, key }) => {
  await navigator.serviceWorker.register(`/article-widget-sw.js?${new URLSearchParams({ subscribe: subscribeUrl, key })}`);
  await navigator.serviceWorker.ready;
}, SETTINGS);
const registration = registrations.find((r) => r.scopeURL === `${server.origin}/` && !r.isDeleted);

const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications())
  .map((n) => ({ title: n.title, body: n.body, tag: n.tag, lang: n.lang, url: n.data?.url, icon: n.icon })));
const clear = () => page.evaluate(async () => {
  for (const n of await (await navigator.serviceWorker.ready).getNotifications()) n.close();
});
async function deliver(data) {
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: server.origin, registrationId: registration.registrationId, data });
  // The worker handles it asynchronously: wait for it to settle.
  await page.waitForTimeout(300);
  const result = await shown();
  await clear();
  return result;
}

const good = await deliver(JSON.stringify({
  title: 'Nattferja går igjen', body: 'Fra i kveld seiler ferja som før.', url: '/news/ferry.html',
  tag: 'ferry', lang: 'nb', topic: 'local', icon: 'https://news.example/icon.png',
}));
const bad = {};
for (const [name, data] of Object.entries({
  'not JSON': 'hello',
  'no title': JSON.stringify({ body: 'x', url: '/news/ferry.html' }),
  'a javascript: url': JSON.stringify({ title: 'x', url: 'javascript:alert(1)' }),
  'a protocol-relative url': JSON.stringify({ title: 'x', url: '//evil.example/' }),
  'a number for a title': JSON.stringify({ title: 7, url: '/news/ferry.html' }),
  'a data: icon': JSON.stringify({ title: 'x', url: '/news/ferry.html', icon: 'data:image/png;base64,AAAA' }),
})) bad[name] = await deliver(data);

// A click: the browser lets a worker open or focus a window only for a real
// click on a notification, which the protocol cannot make; so the click is
// dispatched inside the worker with the browser's openWindow and focus
// recorded instead, to check what the worker asks for.
const click = (url) => context.serviceWorkers()[0].evaluate(async (url) => {
  self.__asked = [];
  self.clients.openWindow = async (target) => { self.__asked.push(['open', target]); return null; };
  WindowClient.prototype.focus = async function focus() { self.__asked.push(['focus', this.url]); return this; };
  await self.registration.showNotification('Click me', { data: { url } });
  const [notification] = await self.registration.getNotifications();
  const event = new NotificationEvent('notificationclick', { notification });
  self.dispatchEvent(event);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return { asked: self.__asked, left: (await self.registration.getNotifications()).length };
}, url);
const ferry = `${server.origin}/news/ferry.html`;
const whenClosed = await click(ferry);
const tab = await context.newPage();
await tab.goto(ferry);
const whenOpen = await click(ferry);

// A renewed subscription (pushsubscriptionchange): the worker posts it where
// the widget registered it to. Chromium never fires the event, so it is
// dispatched inside the worker, with the worker's fetch and PushManager
// recorded. Before it, the widget's message (its topics), then a page's
// message with another service and key, which the worker must ignore.
const workerWarnings = [];
context.serviceWorkers()[0].on('console', (message) => workerWarnings.push(message.text()));
await page.evaluate(async ({ subscribeUrl, key }) => {
  const registration = await navigator.serviceWorker.ready;
  registration.active.postMessage({ type: 'article-widget:push', subscribeUrl, key, topics: ['local'], lang: 'nb' });
  await new Promise((resolve) => setTimeout(resolve, 200));
  registration.active.postMessage({ type: 'article-widget:push', subscribeUrl: 'https://evil.example/collect',
    key: 'BEVIL', topics: ['all'], lang: 'en' });
  await new Promise((resolve) => setTimeout(resolve, 300));
}, SETTINGS);
const renewed = await context.serviceWorkers()[0].evaluate(async () => {
  const posted = [];
  self.fetch = async (url, init) => { posted.push(`${init.method} ${url} ${init.credentials} ${init.body}`); return new Response(null, { status: 201 }); };
  PushManager.prototype.subscribe = async (options) => ({ toJSON: () => ({ endpoint: 'https://push.example/new', keys: { p256dh: 'P', auth: 'A' }, key: options.applicationServerKey }) });
  let done;
  ExtendableEvent.prototype.waitUntil = function waitUntil(promise) { done = promise; };
  const event = new ExtendableEvent('pushsubscriptionchange');
  Object.defineProperty(event, 'oldSubscription', { value: { endpoint: 'https://push.example/old' } });
  Object.defineProperty(event, 'newSubscription', { value: null });
  self.dispatchEvent(event);
  await done;
  return posted;
});

const checks = [
  ['a push message shows its notification, with body, tag, language and the article URL',
    good.length === 1 && good[0].title === 'Nattferja går igjen' && good[0].body === 'Fra i kveld seiler ferja som før.'
      && good[0].tag === 'ferry' && good[0].lang === 'nb' && good[0].url === `${server.origin}/news/ferry.html`
      && good[0].icon === 'https://news.example/icon.png',
    JSON.stringify(good)],
  ...Object.entries(bad).map(([name, result]) => [`a message with ${name} shows nothing`, result.length === 0, JSON.stringify(result)]),
  ['a click closes the notification and opens its article in a new tab',
    whenClosed.left === 0 && JSON.stringify(whenClosed.asked) === JSON.stringify([['open', ferry]]), JSON.stringify(whenClosed)],
  ['a renewed subscription is posted where the widget subscribed, and the old one deleted',
    JSON.stringify(renewed) === JSON.stringify([
      'DELETE https://push.example/subscriptions omit {"endpoint":"https://push.example/old"}',
      'POST https://push.example/subscriptions omit {"subscription":{"endpoint":"https://push.example/new","keys":{"p256dh":"P","auth":"A"},"key":"BKEY"},"topics":["local"],"lang":"nb"}',
    ]), JSON.stringify(renewed)],
  ['a page\'s message with another service and key is ignored, and the worker says why',
    workerWarnings.some((w) => w.includes('a push settings message was ignored: its settings are not the ones the worker was registered with')),
    JSON.stringify(workerWarnings)],
  ['with the article already open in a tab, a click brings that tab forward instead',
    whenOpen.left === 0 && JSON.stringify(whenOpen.asked) === JSON.stringify([['focus', ferry]]), JSON.stringify(whenOpen)],
];
report(checks);
await browser.close();
server.close();
