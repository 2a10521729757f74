// article-widget's service worker: shows the notifications the push sender
// (push/, README "Notifications") sends, and opens their article on a click.
// Serve it from the page's own origin (a service worker cannot come from a
// CDN), or load it into the site's own worker with
// importScripts('/article-widget-sw.js').
//
// Where a renewed subscription goes is fixed when the widget registers the
// worker: the publisher's subscribe and unsubscribe URLs and VAPID key are
// in the worker's own URL (`article-widget-sw.js?subscribe=…&key=…`), which
// no page message can change. After each subscription the widget tells the
// worker its topics and language in a message, taken only from a window of
// this origin and only with the settings the worker was registered with;
// when the browser renews a subscription (`pushsubscriptionchange`) the
// worker posts the new one there itself.
//
// A push message's data is JSON: { title, body, url, icon?, image?, tag?,
// topic?, lang? }. URLs follow the widget's allow-list: https: or http: on
// any host, or a path on this origin. A message that breaks a rule shows
// nothing, and the worker's console says why.

/**
 * The widget's URL allow-list for what a notification opens
 * (crates/format/src/url.rs, `UrlUse::Notification`), held to the same
 * cases as the Rust one (tests/url-allow-list.json): an absolute
 * `https://` or `http://` address with no user name before the host, or a
 * path on this origin. Returns the URL trimmed as browsers trim it, or
 * undefined when it is refused.
 */
function notificationUrl(raw) {
  // Browsers trim C0 controls and spaces from both ends before parsing.
  const url = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  // A backslash reads as `/` in web URLs (`/\host` is another host); control
  // characters are stripped or misread; `//host` leaves without a scheme.
  if (!url || /[\u0000-\u001f\u007f-\u009f\\]/.test(url) || url.startsWith('//')) return undefined;
  const end = url.search(/[:/?#]/);
  if (end === -1 || url[end] !== ':') return url.startsWith('/') ? url : undefined;
  const scheme = url.slice(0, end).toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return undefined;
  // `https:host` is a path or another host depending on the page: refused.
  const rest = url.slice(end + 1);
  if (!rest.startsWith('//')) return undefined;
  const authority = rest.slice(2).split(/[/?#]/)[0];
  return authority.includes('@') ? undefined : url;
}

/** The message, or an Error that says what is wrong with it. */
function readMessage(data) {
  if (!data) throw new Error('the message has no data');
  let message;
  try {
    message = data.json();
  } catch {
    throw new Error('the message is not JSON');
  }
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    throw new Error('the message is not a JSON object');
  }
  const text = (field, required) => {
    const value = message[field];
    if (value === undefined || value === null) {
      if (required) throw new Error(`${field}: missing`);
      return undefined;
    }
    if (typeof value !== 'string') throw new Error(`${field}: expected text, found ${typeof value}`);
    if (required && !value.trim()) throw new Error(`${field}: empty`);
    return value;
  };
  const link = (field, required) => {
    const value = text(field, required);
    if (value === undefined) return undefined;
    const allowed = notificationUrl(value);
    if (allowed === undefined) {
      throw new Error(`${field}: expected an https: or http: URL or a path, found ${JSON.stringify(value)}`);
    }
    try {
      return new URL(allowed, self.location.origin).href;
    } catch {
      throw new Error(`${field}: not a URL: ${JSON.stringify(value)}`);
    }
  };
  return {
    title: text('title', true),
    body: text('body', false) ?? '',
    url: link('url', true),
    icon: link('icon', false),
    image: link('image', false),
    tag: text('tag', false),
    topic: text('topic', false),
    lang: text('lang', false),
  };
}

self.addEventListener('push', (event) => {
  let message;
  try {
    message = readMessage(event.data);
  } catch (error) {
    console.warn(`article-widget: a push message was not shown: ${error.message}`);
    return;
  }
  const options = { body: message.body, data: { url: message.url, topic: message.topic } };
  for (const field of ['icon', 'image', 'tag', 'lang']) {
    if (message[field] !== undefined) options[field] = message[field];
  }
  event.waitUntil(self.registration.showNotification(message.title, options));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data?.url;
  if (typeof url !== 'string') return;
  // A tab already on the article is brought forward; else one is opened.
  event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
    const open = windows.find((client) => client.url === url);
    return open ? open.focus() : self.clients.openWindow(url);
  }));
});

/**
 * The renewal target, fixed when the widget registered this worker: the
 * settings in the worker's own URL, or undefined without them (or with a
 * subscribe URL the allow-list refuses).
 */
function registeredSettings() {
  const params = new URL(self.location.href).searchParams;
  const subscribeUrl = params.get('subscribe');
  if (!subscribeUrl || notificationUrl(subscribeUrl) === undefined) return undefined;
  const unsubscribeUrl = params.get('unsubscribe') ?? undefined;
  if (unsubscribeUrl !== undefined && notificationUrl(unsubscribeUrl) === undefined) return undefined;
  return { subscribeUrl, unsubscribeUrl, key: params.get('key') ?? undefined };
}

// The topics and language of the latest subscription, kept in Cache
// Storage (it outlives the worker).
const configKey = () => new URL('article-widget-push-config', self.registration.scope).href;

/** Why a message from a page is not the widget's, or undefined when it is. */
function refusal(event, settings) {
  const data = event.data;
  const source = event.source;
  if (!(typeof WindowClient === 'function' && source instanceof WindowClient)) return 'it did not come from a page';
  if (new URL(source.url).origin !== self.location.origin) return 'it came from another origin';
  if (!settings) return 'the worker was registered without the widget\'s settings';
  if (data.subscribeUrl !== settings.subscribeUrl || (data.unsubscribeUrl ?? undefined) !== settings.unsubscribeUrl
    || data.key !== settings.key) return 'its settings are not the ones the worker was registered with';
  if (!Array.isArray(data.topics) || data.topics.length > 50 || !data.topics.every((t) => typeof t === 'string' && t.length <= 64)) {
    return 'its topics are not a list of topic ids';
  }
  if (data.lang !== undefined && data.lang !== null && typeof data.lang !== 'string') return 'its lang is not text';
  return undefined;
}

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'article-widget:push') return;
  const why = refusal(event, registeredSettings());
  if (why) {
    console.warn(`article-widget: a push settings message was ignored: ${why}`);
    return;
  }
  const { topics, lang } = event.data;
  event.waitUntil(caches.open('article-widget').then((cache) => cache.put(configKey(), new Response(JSON.stringify({ topics, lang })))));
});

const postJson = (method, url, body) => fetch(url, {
  method, credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
});

self.addEventListener('pushsubscriptionchange', (event) => {
  event.waitUntil((async () => {
    const settings = registeredSettings();
    const stored = await (await caches.open('article-widget')).match(configKey());
    if (!settings || !stored) {
      console.warn('article-widget: a push subscription changed, but the widget never said where to post it');
      return;
    }
    const config = { ...await stored.json(), ...settings };
    const subscription = event.newSubscription
      ?? await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: config.key });
    if (event.oldSubscription) {
      await postJson('DELETE', config.unsubscribeUrl ?? config.subscribeUrl, { endpoint: event.oldSubscription.endpoint }).catch(() => {});
    }
    const response = await postJson('POST', config.subscribeUrl, { subscription: subscription.toJSON(), topics: config.topics, lang: config.lang });
    if (!response.ok) console.warn(`article-widget: the renewed push subscription was not stored: HTTP ${response.status}`);
  })());
});
