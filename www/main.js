// Bootstrap only: load the wasm module and let Rust render the explorer.
import init, { mount } from "./pkg/scope_explorer.js";

const root = document.getElementById("explorer");
try {
  await init();
  mount(root);
} catch (error) {
  root.textContent = `The explorer could not start: ${error?.message ?? error}`;
}
