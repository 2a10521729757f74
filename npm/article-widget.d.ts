// Type declarations for the <article-widget> element (article-widget's npm
// package). The element is defined by importing the package (its `embed.js`):
//   import 'article-widget';
// The article format itself is docs/article.schema.json; the types below name
// its main fields for editors, and any valid document fits them.

/** An article document, format v1 (docs/format-v1.md). */
export interface ArticleDocument {
  id: string;
  title: string;
  /** RFC 3339 date-time, such as "2025-11-01T08:30:00+01:00"; without it, no dateline. */
  published?: string | null;
  body: ArticleBlock[];
  url?: string | null;
  lang?: string | null;
  section?: string | null;
  lede?: string | null;
  updated?: string | null;
  authors?: { name: string; url?: string | null; kind?: 'person' | 'organization' | null }[] | null;
  publisher?: { name: string; url?: string | null; logo?: string | null } | null;
  image?: ArticleImage | null;
  related?: { id: string; title: string; url: string; image?: string | null; section?: string | null; published?: string | null; premium?: boolean | null }[] | null;
  latest?: { id: string; title: string; url: string; published?: string | null }[] | null;
  aiDisclosure?: { text: string; sourceType?: string | null; reviewedBy?: string | null; policyUrl?: string | null } | null;
  access?: {
    model: 'free' | 'metered' | 'premium';
    freeArticles?: number | null;
    periodDays?: number | null;
    teaserBlocks?: number | null;
    message?: string | null;
    subscribeUrl?: string | null;
    loginUrl?: string | null;
    donateUrl?: string | null;
  } | null;
  notifications?: {
    topics: { id: string; label: string }[];
    prompt?: string | null;
    /** Real Web Push (README, "Notifications"). */
    push?: {
      /** The sender's VAPID public key, base64url (87 characters, starting with "B"). */
      vapidPublicKey: string;
      /** The push service's `/subscriptions`: the bell posts `{ subscription, topics, lang }` there. */
      subscribeUrl: string;
      /** Where "turn off" sends DELETE `{ endpoint }`; default `subscribeUrl`. */
      unsubscribeUrl?: string | null;
      /** The service worker's path on the page's own origin; default "/article-widget-sw.js". */
      serviceWorker?: string | null;
      /** The worker's scope; default its own folder. */
      scope?: string | null;
    } | null;
  } | null;
  share?: { networks?: string[] | null } | null;
  /** UI strings by key, instead of the built-in ones. */
  strings?: Record<string, string> | null;
  [unknownField: string]: unknown;
}

export interface ArticleImage {
  src: string;
  alt: string;
  caption?: string | null;
  credit?: string | null;
  width?: number | null;
  height?: number | null;
}

export type ArticleBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; text: string; level?: 2 | 3 | 4 | null }
  | ({ type: 'image' } & ArticleImage)
  | { type: 'quote'; text: string; cite?: string | null }
  | { type: 'list'; items: string[]; ordered?: boolean | null }
  | { type: 'readAlso'; title: string; url: string; premium?: boolean | null }
  /** A type this version does not know: skipped with a warning. */
  | { type: string; [field: string]: unknown };

/** `article-widget:ready`: an article is on screen, once per article shown. */
export interface ReadyDetail {
  id: string;
  source: 'property' | 'island' | 'src';
  /** How many warnings reading it gave (a feed's dropped parts among them); the console lists each. */
  warnings: number;
}

/** `article-widget:error`: why no article is shown. */
export interface ErrorDetail {
  kind: 'network' | 'http' | 'timeout' | 'format' | 'startup';
  /** The HTTP status, for `kind: "http"`. */
  status?: number;
  /** Where in the document, for `kind: "format"`. */
  path?: string;
  message: string;
}

/** `article-widget:share`: how the reader shared. */
export interface ShareDetail {
  method: 'native' | 'link' | 'copy';
  network?: string;
}

/** `article-widget:notify`: the bell's state after the reader answered. */
export interface NotifyDetail {
  permission: 'granted' | 'denied' | 'default' | 'unsupported';
  topics: string[];
  subscribed: boolean;
  /** With `notifications.push`: why subscribing or unsubscribing failed. */
  error?: string;
}

/** `article-widget:prompt-dismissed`: "Not now", quiet for this many days. */
export interface PromptDismissedDetail {
  days: number;
}

// @generated from src/element-contract.json by scripts/contract.mjs: edit the table, not this
export interface ArticleWidgetEventMap {
  /** An article is on screen, once per article shown: {id, source, warnings}. */
  'article-widget:ready': CustomEvent<ReadyDetail>;
  /** No article: {kind, status?, path?, message}. */
  'article-widget:error': CustomEvent<ErrorDetail>;
  /** The reader shared: {method, network?}. */
  'article-widget:share': CustomEvent<ShareDetail>;
  /** The bell: {permission, topics, subscribed, error?}. */
  'article-widget:notify': CustomEvent<NotifyDetail>;
  /** Subscribe followed; cancelable: preventDefault() keeps the reader on the page. */
  'article-widget:subscribe': CustomEvent<Record<string, never>>;
  /** Log in followed; cancelable: preventDefault() keeps the reader on the page. */
  'article-widget:login': CustomEvent<Record<string, never>>;
  /** Donate followed; cancelable: preventDefault() keeps the reader on the page. */
  'article-widget:donate': CustomEvent<Record<string, never>>;
  /** "Not now" on the donation prompt: quiet for {days}. */
  'article-widget:prompt-dismissed': CustomEvent<PromptDismissedDetail>;
}

/**
 * `<article-widget>`: A news article page from one JSON document (format v1), in a shadow root.
 *
 * Attributes:
 * - `src` (string): URL of the article JSON, fetched (15 s time-out); a new value aborts the request before it.
 * - `format` ('v1' | 'wordpress' | 'ninjs' | 'anf' | 'jsonld'): The document's format when it is not v1 (a WordPress REST post, IPTC ninjs, Apple News Format, schema.org NewsArticle JSON-LD), for src, the article property and a data island; converted by convert/, loaded on first use (docs/feeds.md).
 * - `lang` (string): UI language instead of the article's: a BCP 47 tag whose primary subtag is one of en, nb, nn, sv, da, fi, de, fr, es, pt, it, nl, pl, uk, ar.
 * - `theme` ('light' | 'dark' | 'auto'): Colour scheme; without it, the host page's.
 * - `entitled` (boolean): The reader subscribes: no paywall, no donation prompt.
 * - `debug` (boolean): Show the technical detail of an error to readers too.
 * - `no-json-ld` (boolean): Leave structured data to the host: no JSON-LD in <head>.
 * - `max-related` (number): At most this many related cards (default 12).
 * - `max-latest` (number): At most this many "Latest news" items (default 20).
 * - `push-key` (string): The site's Web Push settings, given once instead of in every article: the VAPID public key (notifications.push.vapidPublicKey); an article's own push settings win.
 * - `push-subscribe-url` (string): The site's push subscribe URL: the push service's /subscriptions (notifications.push.subscribeUrl).
 * - `push-unsubscribe-url` (string): The site's push unsubscribe URL (notifications.push.unsubscribeUrl); default push-subscribe-url.
 * - `push-worker` (string): The service worker's path on the page's origin (notifications.push.serviceWorker); default /article-widget-sw.js.
 */
export declare class ArticleWidgetElement extends HTMLElement {
  /** The article as an object or JSON text; before a data island and src. */
  article: ArticleDocument | string | undefined;
  /** UI strings by key for this widget; an article's own strings win on its page. */
  strings: Record<string, string> | undefined;
  /** The reader subscribes: no wall, no prompt (the entitled attribute). */
  entitled: boolean;
  /** The release running, such as "0.1.0". */
  static readonly version: string;
  /** Fetches src again (a no-op for the other sources). */
  reload(): void;
  addEventListener<K extends keyof ArticleWidgetEventMap>(
    type: K,
    listener: (this: ArticleWidgetElement, event: ArticleWidgetEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof ArticleWidgetEventMap>(
    type: K,
    listener: (this: ArticleWidgetElement, event: ArticleWidgetEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}
// @generated end

declare global {
  interface HTMLElementTagNameMap {
    'article-widget': ArticleWidgetElement;
  }
  // The events bubble and are composed: a listener on any ancestor element,
  // the document or the window hears them.
  interface HTMLElementEventMap extends ArticleWidgetEventMap {}
  interface DocumentEventMap extends ArticleWidgetEventMap {}
  interface WindowEventMap extends ArticleWidgetEventMap {}
  interface CustomElementRegistry {
    get(name: 'article-widget'): typeof ArticleWidgetElement | undefined;
  }
  /** Where the widget's files are when not beside the module that loads them
   * (a CDN folder, or where an esbuild build copied the package), ending in "/";
   * set before `article-widget` is imported. */
  var ARTICLE_WIDGET_BASE_URL: string | undefined;
}
