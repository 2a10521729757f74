// The <article-widget> custom element. Classes that extend HTMLElement must be
// written in JavaScript; everything else happens in Rust through `mount`.
// This file is a wasm-bindgen snippet: a static module file, so it runs under
// a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval'.

// @generated from src/element-contract.json by scripts/contract.mjs: edit the table, not this
const OBSERVED = ['src', 'format', 'lang', 'theme', 'entitled'];
// @generated end

export function defineArticleWidget(mount, version) {
  // Loading the widget twice (or two copies of it) must be harmless.
  if (customElements.get('article-widget')) return false;

  class ArticleWidget extends HTMLElement {
    static get observedAttributes() {
      return OBSERVED;
    }

    /** The release running, such as "0.1.0". */
    static get version() {
      return version;
    }

    #article = undefined;
    #strings = undefined;
    #handle = null;

    /** The article as an object; takes precedence over a data island and `src`. */
    get article() {
      return this.#article;
    }

    set article(value) {
      this.#article = value;
      this.#handle?.changed('article');
    }

    /** UI strings by key for this widget (the article's own `strings` win). */
    get strings() {
      return this.#strings;
    }

    set strings(value) {
      this.#strings = value;
      this.#handle?.changed('strings');
    }

    /** The host page's word that the reader subscribes: no wall, no prompt. */
    get entitled() {
      return this.hasAttribute('entitled');
    }

    set entitled(value) {
      this.toggleAttribute('entitled', Boolean(value));
    }

    /** Fetches `src` again (a no-op for the other sources). */
    reload() {
      this.#handle?.changed('reload');
    }

    connectedCallback() {
      if (this.#handle) return;
      // Defined while the page still parses (an `async` embed.js), the
      // element is upgraded as soon as its start tag is read: its data island
      // and server-rendered content are not there yet. Mount once the parser
      // has moved past it.
      if (document.readyState === 'loading' && !parsedPast(this)) {
        document.addEventListener('DOMContentLoaded', () => {
          if (this.isConnected) this.connectedCallback();
        }, { once: true });
        return;
      }
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const handle = mount(this, root);
      // Mounting reads the `article` property, whose getter (or toJSON) may
      // remove the element again: then it was disconnected before there was
      // a handle to unmount, so unmount now rather than render detached.
      if (this.isConnected) this.#handle = handle;
      else handle.unmount();
    }

    disconnectedCallback() {
      const handle = this.#handle;
      this.#handle = null;
      handle?.unmount();
    }

    attributeChangedCallback(name, before, after) {
      if (before !== after) this.#handle?.changed(name);
    }
  }

  // The parser has closed `element` once anything follows it or an ancestor.
  const parsedPast = (element) => {
    for (let node = element; node; node = node.parentNode) if (node.nextSibling) return true;
    return false;
  };

  // A property set before the element was upgraded sits on the instance and
  // would hide the setter: hand it over.
  const upgradeProperty = (element, name) => {
    if (Object.prototype.hasOwnProperty.call(element, name)) {
      const value = element[name];
      delete element[name];
      element[name] = value;
    }
  };
  customElements.define('article-widget', ArticleWidget);
  for (const element of document.querySelectorAll('article-widget')) {
    upgradeProperty(element, 'article');
    upgradeProperty(element, 'strings');
    upgradeProperty(element, 'entitled');
  }
  return true;
}
