// <scope-explorer>: the explorer as an element. One module script tag loads
// it; its attributes have the names and values of the page's URL parameters
// (plus controls, sensitivity and note), and Rust renders the view into the
// element's shadow root. JavaScript only where the browser requires it:
// customElements.define needs a class.
import init, { embedParams as wasmEmbedParams, mountEmbed } from "./pkg-embed/scope_explorer.js";

const here = import.meta.url;
const STYLES = ["style.css", "embed.css"].map((file) => new URL(file, here).href);
const FULL_EXPLORER = new URL("index.html", here).href;
// The attributes any element may carry, which are not settings.
const GLOBAL = /^(class|id|style|title|lang|dir|hidden|slot|part|tabindex|role|data-.*|aria-.*)$/;

// What a host's Content-Security-Policy must allow for the element to
// start, said where it cannot (README, "Embedding").
const ORIGIN = new URL(here).origin;
const NEEDS = `the host page's Content-Security-Policy must allow ${ORIGIN} in script-src (with 'wasm-unsafe-eval'), connect-src and style-src`;

// Evaluated once per page, however many elements: the wasm is fetched once.
// A failure leaves each element's static fallback, with a line saying why.
let failure = null;
let embedParams = () => [];
try {
  await init();
  embedParams = wasmEmbedParams;
} catch (error) {
  failure = `The interactive view could not start (${error?.message ?? error}); ${NEEDS}. The counts above were computed in advance.`;
}

class ScopeExplorer extends HTMLElement {
  static observedAttributes = embedParams();
  #view = null;
  #styled = null;
  #queued = false;

  connectedCallback() {
    this.#queue();
  }

  attributeChangedCallback() {
    if (this.#view) this.#queue();
  }

  // Several attributes changed together render once.
  #queue() {
    if (this.#queued) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    if (!this.#view) {
      // The element's own content (the static fallback) shows through the
      // slot until the view replaces it, once the styles are in. The share
      // panel's snippet declares the shadow root in its markup, with the
      // styles and a div that keeps the view's space from the first paint
      // (embed.css, "space-"): its styles are loaded again here, where
      // their load can be awaited, and the view renders into that div.
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: "open" });
      const declared = [...shadow.querySelectorAll("link")];
      const loaded = STYLES.map((href) => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        shadow.append(link);
        return new Promise((resolve) => {
          link.addEventListener("load", () => resolve(true), { once: true });
          link.addEventListener("error", () => resolve(false), { once: true });
        });
      });
      this.#view = shadow.querySelector("div.space");
      if (!this.#view) {
        this.#view = document.createElement("div");
        this.#view.append(document.createElement("slot"));
        shadow.append(this.#view);
      }
      this.#styled = Promise.all(loaded);
      this.#styled.then(() => declared.forEach((link) => link.remove()));
    }
    // Without its styles the view would be an unstyled form many screens
    // long: the fallback stays, with the reason.
    const styled = (await this.#styled).every(Boolean);
    const problem = failure ?? (styled ? null : `The interactive view's styles could not load; ${NEEDS}. The counts above were computed in advance.`);
    if (problem) {
      // The fallback alone: no space kept for a view that will not come.
      this.#view.classList.remove("space");
      if (!this.#view.querySelector(".start-failure")) {
        const line = document.createElement("p");
        line.className = "start-failure";
        line.setAttribute("role", "status");
        line.textContent = problem;
        this.#view.append(line);
      }
      return;
    }
    const query = new URLSearchParams();
    for (const { name, value } of this.attributes) {
      if (!GLOBAL.test(name)) query.append(name, value);
    }
    try {
      mountEmbed(this.#view, query.toString(), FULL_EXPLORER, false, true);
    } catch (error) {
      this.#view.classList.remove("space");
      this.#view.textContent = `The explorer could not start: ${error?.message ?? error}`;
    }
  }
}

if (!customElements.get("scope-explorer")) customElements.define("scope-explorer", ScopeExplorer);
