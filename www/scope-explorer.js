// <scope-explorer>: the explorer as an element. One module script tag loads
// it; its attributes have the names and values of the page's URL parameters
// (plus controls, sensitivity and note), and Rust renders the view into the
// element's shadow root. JavaScript only where the browser requires it:
// customElements.define needs a class.
import init, { embedParams, mountEmbed } from "./pkg-embed/scope_explorer.js";

const here = import.meta.url;
const STYLES = ["style.css", "embed.css"].map((file) => new URL(file, here).href);
const FULL_EXPLORER = new URL("index.html", here).href;
// The attributes any element may carry, which are not settings.
const GLOBAL = /^(class|id|style|title|lang|dir|hidden|slot|part|tabindex|role|data-.*|aria-.*)$/;

// Evaluated once per page, however many elements: the wasm is fetched once.
await init();

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
      // slot until the view replaces it, once the styles are in.
      const shadow = this.attachShadow({ mode: "open" });
      const loaded = STYLES.map((href) => {
        const link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        shadow.append(link);
        return new Promise((resolve) => {
          link.addEventListener("load", resolve, { once: true });
          link.addEventListener("error", resolve, { once: true });
        });
      });
      this.#view = document.createElement("div");
      this.#view.append(document.createElement("slot"));
      shadow.append(this.#view);
      this.#styled = Promise.all(loaded);
    }
    await this.#styled;
    const query = new URLSearchParams();
    for (const { name, value } of this.attributes) {
      if (!GLOBAL.test(name)) query.append(name, value);
    }
    try {
      mountEmbed(this.#view, query.toString(), FULL_EXPLORER, false, true);
    } catch (error) {
      this.#view.textContent = `The explorer could not start: ${error?.message ?? error}`;
    }
  }
}

if (!customElements.get("scope-explorer")) customElements.define("scope-explorer", ScopeExplorer);
