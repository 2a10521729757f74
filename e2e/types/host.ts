// A small host page in TypeScript, checked against the npm package's declarations
// (`make package` first, then `tsc -p e2e/types`): what a typed host may write, and
// (marked @ts-expect-error) what the declarations must refuse.
import 'article-widget';
import type { ArticleDocument, ArticleWidgetElement, ErrorDetail } from 'article-widget';

const widget = document.createElement('article-widget');
const version: string = (customElements.get('article-widget') as typeof ArticleWidgetElement | undefined)?.version ?? '';
widget.entitled = true;
widget.strings = { errorTitle: 'Not available', retry: 'Again' };
widget.setAttribute('src', '/api/articles/a1.json');
widget.reload();

const article: ArticleDocument = {
  id: 'a1',
  title: 'Harbour bridge reopens',
  published: '2026-11-01T08:30:00+01:00',
  body: [
    { type: 'paragraph', text: 'First.' },
    { type: 'heading', text: 'Then', level: 2 },
    { type: 'list', items: ['a', 'b'] },
  ],
  access: { model: 'metered', freeArticles: 3 },
};
widget.article = article;
widget.article = JSON.stringify(article);

widget.addEventListener('article-widget:ready', (event) => {
  const source: 'property' | 'island' | 'src' = event.detail.source;
  console.log(event.detail.id, source, version);
});
widget.addEventListener('article-widget:error', (event) => {
  const detail: ErrorDetail = event.detail;
  if (detail.kind === 'http') console.log(detail.status ?? 0);
});
document.addEventListener('article-widget:subscribe', (event) => event.preventDefault());
document.addEventListener('article-widget:notify', (event) => {
  const topics: string[] = event.detail.topics;
  console.log(topics, event.detail.subscribed);
});
document.body.append(widget);

// As README and docs/embedding.md show them:
const withPush: ArticleDocument = {
  ...article,
  authors: [{ name: 'Kari Nordmann' }, { name: 'NTB', kind: 'organization' }],
  notifications: {
    topics: [{ id: 'harbour', label: 'The harbour' }],
    push: { vapidPublicKey: 'B…', subscribeUrl: 'https://push.example/subscriptions', serviceWorker: '/article-widget-sw.js' },
  },
};
const undated: ArticleDocument = { id: 'u', title: 'No date at all', body: [] };
const staticVersion: string | undefined = customElements.get('article-widget')?.version;
globalThis.ARTICLE_WIDGET_BASE_URL = 'https://cdn.example/article-widget@0.1.0/';
const main = document.querySelector('main');
main?.addEventListener('article-widget:ready', (event) => console.log(event.detail.id));
window.addEventListener('article-widget:error', (event) => console.log(event.detail.message));
console.log(withPush, undated, staticVersion);

// What the declarations refuse:
// @ts-expect-error an author is a person or an organization
const robot: ArticleDocument = { ...article, authors: [{ name: 'R', kind: 'robot' }] };
// @ts-expect-error push needs the service's key
const keyless: ArticleDocument = { ...article, notifications: { topics: [], push: { subscribeUrl: '/subscriptions' } } };
// @ts-expect-error the detail of an event on any element is typed
main?.addEventListener('article-widget:ready', (event) => console.log(event.detail.title));
console.log(robot, keyless);
// @ts-expect-error reload takes nothing
widget.reload(5);
// @ts-expect-error there is no such field on the ready detail
widget.addEventListener('article-widget:ready', (event) => console.log(event.detail.title));
// @ts-expect-error an article needs a title
const untitled: ArticleDocument = { id: 'x', published: '2026-11-01T08:30:00Z', body: [] };
// @ts-expect-error the date is text
const numbered: ArticleDocument = { ...article, published: 20261101 };
// @ts-expect-error the access model is one of three words
const wrongModel: ArticleDocument = { ...article, access: { model: 'sometimes' } };
// @ts-expect-error entitled is a boolean
widget.entitled = 'yes';
console.log(untitled, numbered, wrongModel);
