// Bootstrap of the embedded view (embed.html): load the wasm and let Rust
// render the view configured by this page's URL, posting its height to the
// parent window (message type "scope-explorer:height").
import init, { mountEmbed } from "./pkg-embed/scope_explorer.js";

const root = document.getElementById("explorer");
try {
  await init();
  mountEmbed(root, location.search, new URL("index.html", location.href).href, true);
} catch (error) {
  const message = document.createElement("p");
  message.className = "error";
  message.setAttribute("role", "alert");
  message.textContent = `The explorer could not start: ${error?.message ?? error}`;
  root.prepend(message);
}
