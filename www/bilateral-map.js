// <bilateral-map>: the embeddable widget as a custom element.
//
// A page needs one module script, this file, and the element:
//   <script type="module" src="/bilateral-map/bilateral-map.js"></script>
//   <bilateral-map lang="kk" feature="enu-branch-osh">…fallback…</bilateral-map>
// `atlas dist` writes this file from its template in www/, filling in the
// content-hashed names of the wasm-bindgen glue, the wasm, the widget
// stylesheet, the corpus index and the basemap, which all sit beside it. Nothing is fetched from elsewhere,
// nothing runs inline, and no style attribute is written, so a page can keep
// `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
//
// Per element: an open shadow root holding the widget stylesheet and, until
// the widget mounts, a <slot> that keeps showing the element's own children
// (the static fallback). Like `<iframe loading="lazy">`, an element loads
// when it comes within one screen height of the viewport (one
// IntersectionObserver for the page), so a reader who never scrolls to the
// map never pays for it; `loading="eager"` (or `config.loading`) loads it at
// once, and so do a deep link (`#feature=` in the address, for the element
// that follows it) and a call to `selectFeature` or `setLanguage`.
// The wasm module, the corpus index and the basemap
// (data apart from code: a new article changes the index, never the wasm or
// the basemap) are fetched in parallel, once per page; each element then
// mounts its own independent Yew app over the same decoded data. The
// articles' texts (texts-HASH.bin shards) are fetched later, through the
// same fetchData, which the widget calls when a reader opens an article.
const here = (name) => new URL(name, import.meta.url).href;
let module;
let mount;
let data;
let mounting = Promise.resolve();
// The glue is imported when the first element starts, together with the
// wasm's and the data's fetches (one round trip for all, not a glue and
// then a wasm): on a slow phone's 150 ms a round trip, a static import
// cost the page one more before the map (`make bench-phone`).
const wasmReady = () => (module ??= Promise.all([import('./@GLUE@'), fetch(here('./@WASM@'))])
  .then(([glue, wasm]) => {
    ({ mount } = glue);
    return glue.default({ module_or_path: wasm });
  }));
// A data file as [name, bytes], or the sentence the widget shows instead.
const fetchData = (name) => fetch(here(`./${name}`))
  .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(`HTTP ${r.status}`))))
  .then((bytes) => [name, new Uint8Array(bytes)],
    (error) => `${name} could not be loaded (${error.message})`);
const dataReady = () => (data ??= Promise.all([fetchData('@INDEX@'), fetchData('@BASEMAP@')]));

// What an element says when its interactive map cannot start (the wasm, the
// index or the basemap missing, damaged or of another version): the static
// map stays, with this note over it; the reason goes to the console and to a
// `bilateral-map:error` event.
const UNAVAILABLE = {
  ru: 'Интерактивная карта не загрузилась. Ниже — её статичная версия с цитатами.',
  kk: 'Интерактивті карта жүктелмеді. Төменде — оның дәйексөздері бар статикалық нұсқасы.',
  en: 'The interactive map could not load. Below is its static version, with the citations.',
};

// A page that pasted a bare element, without the fallback that links the
// host-page stylesheet, still gets its reserved box and print rules.
function ensureHostStyles() {
  const href = here('./bilateral-map.css');
  const linked = [...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === href);
  if (!linked) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
}

class BilateralMap extends HTMLElement {
  static observedAttributes = ['lang', 'feature'];

  // Starts the elements that come within a screen height of the viewport.
  static #near = typeof IntersectionObserver === 'function'
    ? new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) e.target.#start();
    }, { rootMargin: '100% 0px' })
    : null;

  #embed = null;
  #config = null;
  #mountPoint = null;
  #ready = null;
  #resolveReady = null;
  #failReady = null;
  #styled = null;
  #slot = null;
  #started = null;

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => { this.#resolveReady = resolve; this.#failReady = reject; });
    this.#ready.catch(() => {});
  }

  /** Settings as a JS object (same keys as the attributes, `useHash` camel-cased); set before the element is connected. */
  get config() { return this.#config; }
  set config(value) { this.#config = value; }

  /** Bytes of the widget's WebAssembly memory, shared by the page's embeds (for `make bench-scale`). */
  static async wasmMemoryBytes() { return (await wasmReady()).memory.buffer.byteLength; }

  /** Resolves to the element once its widget has mounted; rejects with the reason if it cannot start. */
  get ready() { return this.#ready; }

  connectedCallback() {
    if (this.#embed) return;
    ensureHostStyles();
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = here('./@CSS@');
    const slot = document.createElement('slot');
    const point = document.createElement('div');
    point.className = 'bm-root';
    root.replaceChildren(css, slot, point);
    this.#mountPoint = point;
    this.#slot = slot;
    this.#styled = new Promise((resolve) => {
      css.addEventListener('load', resolve, { once: true });
      css.addEventListener('error', resolve, { once: true });
    });
    if (this.#eager() || !BilateralMap.#near) this.#start();
    else BilateralMap.#near.observe(this);
  }

  // Whether to load now rather than on approach: asked for, or the element
  // that follows a deep link in the address (the first one that may).
  #eager() {
    const asked = this.#config?.loading ?? this.getAttribute('loading');
    if (asked) return asked === 'eager';
    const follower = document.querySelector('bilateral-map:not([use-hash="false"])');
    return follower === this && /(^|[#&])feature=/.test(location.hash);
  }

  // Loads and mounts, once per connection: one element after another, each
  // in its own task (a yield to the page first), so a page with two embeds
  // is not blocked by both first renders at once. (Which element follows
  // the URL hash is decided by document order, in the wasm.)
  #start() {
    BilateralMap.#near?.unobserve(this);
    const point = this.#mountPoint;
    if (!point || this.#started === point) return;
    this.#started = point;
    const slot = this.#slot;
    const loaded = Promise.all([wasmReady(), dataReady(), this.#styled]);
    const nextTask = (value) => new Promise((resolve) => { setTimeout(() => resolve(value), 0); });
    mounting = mounting.then(() => loaded).then(nextTask).then(([, [index, basemap]]) => {
      if (!this.isConnected || this.#embed || this.#mountPoint !== point) return;
      this.#embed = mount(point, this, this.#config ?? null, index, basemap, fetchData);
      slot.remove();
      this.#resolveReady(this);
    }).catch((error) => this.#unavailable(error, point));
  }

  // Keeps the static fallback, and shows its citation list (in <noscript>,
  // so far only for readers without JavaScript) with a note in the
  // element's language over it.
  #unavailable(error, point) {
    if (!this.isConnected || this.#mountPoint !== point) return;
    const reason = String(error?.message ?? error);
    console.error(`bilateral-map: the interactive map could not load: ${reason}`);
    const code = String(this.#config?.lang ?? this.getAttribute('lang') ?? this.getAttribute('data-lang')
      ?? document.documentElement.lang).slice(0, 2);
    const note = document.createElement('p');
    note.className = 'bm-unavailable';
    note.setAttribute('role', 'status');
    note.lang = UNAVAILABLE[code] ? code : 'en';
    note.textContent = UNAVAILABLE[note.lang];
    point.remove();
    this.#slot.before(note);
    this.setAttribute('data-bm-unavailable', '');
    for (const hidden of this.querySelectorAll(':scope > noscript')) {
      const list = document.createElement('template');
      try { list.innerHTML = hidden.textContent; } catch { continue; } // a Trusted Types page: the map alone
      hidden.after(list.content);
    }
    this.#failReady(error);
    this.dispatchEvent(new CustomEvent('bilateral-map:error', { bubbles: true, composed: true, detail: { reason } }));
  }

  disconnectedCallback() {
    BilateralMap.#near?.unobserve(this);
    this.#started = null;
    this.#embed?.destroy();
    this.#embed = null;
    this.#mountPoint = null;
  }

  attributeChangedCallback(name, before, after) {
    if (!this.#embed || before === after || after === null) return;
    if (name === 'lang') this.#embed.setLanguage(after);
    if (name === 'feature') this.#embed.selectFeature(after);
  }

  /** Selects the feature with this id (null clears); resolves to whether the id exists. */
  async selectFeature(id) {
    this.#start();
    await this.#ready;
    return this.#embed.selectFeature(id ?? undefined);
  }

  /** Switches the UI language to `ru`, `kk` or `en`; resolves to whether the code is known. */
  async setLanguage(code) {
    this.#start();
    await this.#ready;
    return this.#embed.setLanguage(String(code));
  }
}

if (!customElements.get('bilateral-map')) customElements.define('bilateral-map', BilateralMap);
