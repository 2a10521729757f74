// The browser's Push API for the bell (src/browser/push.rs): the widget's
// service worker registered in a scope of its own, the reader subscribed
// and the subscription posted to the publisher's service, the subscription
// read and ended. A failure is thrown as an Error that says which step.
//
// The two JSON calls use the browser's fetch here rather than gloo-net and
// serde types in Rust: that way cost 2.6 KB brotli more in the widget's wasm
// (measured; the budget for all of push is 4 KB).

export function pushSupport() {
  if ('serviceWorker' in navigator && 'PushManager' in window) return 'supported';
  // iOS and iPadOS give Web Push only to a web app opened from the Home Screen.
  const ios = /iPad|iPhone|iPod/.test(navigator.userAgent)
    || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  return ios ? 'home-screen' : 'unsupported';
}

const found = (scope) => navigator.serviceWorker.getRegistration(scope);

/** A JSON call to the publisher's subscription service, without cookies. */
async function call(method, url, body) {
  let response;
  try {
    response = await fetch(url, { method, credentials: 'omit', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch (error) {
    throw new Error(`${method} ${url}: no answer: ${error.message}`);
  }
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${response.statusText}`.trim());
}

/** Whether the browser holds a subscription in this scope. */
export async function isSubscribed(scope) {
  const registration = await found(scope);
  return Boolean(await registration?.pushManager.getSubscription());
}

/**
 * The worker's URL carrying where a renewed subscription goes (the
 * service's URLs and the VAPID key): fixed with the registration, so no
 * page's message can point the worker elsewhere (article-widget-sw.js).
 */
function workerWithSettings(push) {
  const [path, query = ''] = push.serviceWorker.split('?');
  const params = new URLSearchParams(query);
  params.set('subscribe', push.subscribeUrl);
  if (push.unsubscribeUrl) params.set('unsubscribe', push.unsubscribeUrl);
  params.set('key', push.vapidPublicKey);
  return `${path}?${params}`;
}

/**
 * Registers the worker, subscribes, posts { subscription, topics, lang } to
 * push.subscribeUrl and tells the worker where (for pushsubscriptionchange).
 * If the post fails the subscription is ended again: nobody would send to it.
 */
export async function subscribe(push, scope, topics, lang) {
  const worker = push.serviceWorker;
  let registration;
  try {
    registration = await navigator.serviceWorker.register(workerWithSettings(push), { scope });
  } catch (error) {
    throw new Error(`the service worker ${worker} could not be registered: ${error.message}`);
  }
  // pushManager.subscribe needs an active worker. (State changes arrive as
  // tasks, so one already activated is seen here, never waited for.)
  const pending = registration.installing ?? registration.waiting;
  if (!registration.active && pending && pending.state !== 'activated') {
    await new Promise((resolve, reject) => {
      pending.addEventListener('statechange', () => {
        if (pending.state === 'activated') resolve();
        if (pending.state === 'redundant') reject(new Error(`the service worker ${worker} failed to install`));
      });
    });
  }
  let subscription;
  try {
    subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: push.vapidPublicKey });
  } catch (error) {
    throw new Error(`the push service refused the subscription: ${error.message}`);
  }
  try {
    await call('POST', push.subscribeUrl, { subscription: subscription.toJSON(), topics, lang });
  } catch (error) {
    await subscription.unsubscribe().catch(() => {});
    throw error;
  }
  registration.active?.postMessage({
    type: 'article-widget:push', subscribeUrl: push.subscribeUrl, unsubscribeUrl: push.unsubscribeUrl,
    key: push.vapidPublicKey, topics, lang,
  });
}

/**
 * Ends the subscription, then tells the service. Returns null when done, or
 * why the service was not told (the reader is off all the same); throws
 * when the browser kept the subscription.
 */
export async function unsubscribe(push, scope) {
  const registration = await found(scope);
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return null;
  const { endpoint } = subscription;
  if (!(await subscription.unsubscribe())) throw new Error('the browser kept the subscription');
  try {
    await call('DELETE', push.unsubscribeUrl ?? push.subscribeUrl, { endpoint });
    return null;
  } catch (error) {
    return error.message;
  }
}
