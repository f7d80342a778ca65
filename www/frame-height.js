// For a page that embeds the explorer in iframes: sizes each frame to its
// content. The embed posts {type: "scope-explorer:height", height} to its
// parent after load and after every change. Only messages from this script's
// own origin, sent by the frame they resize, are used.
const ORIGIN = new URL(import.meta.url).origin;

function frameOf(source) {
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === source) return frame;
  }
  return null;
}

addEventListener("message", (event) => {
  if (event.origin !== ORIGIN) return;
  const { type, height } = event.data ?? {};
  if (type !== "scope-explorer:height" || !Number.isFinite(height) || height <= 0) return;
  const frame = frameOf(event.source);
  if (frame) frame.height = String(Math.ceil(height));
});

// A frame may have posted its height before this script listened: ask again.
function measure(frame) {
  // "*": the request carries nothing, and the frame may still be blank.
  frame.contentWindow?.postMessage({ type: "scope-explorer:measure" }, "*");
}
for (const frame of document.querySelectorAll("iframe")) {
  if (frame.src && new URL(frame.src, location.href).origin === ORIGIN) {
    measure(frame);
    frame.addEventListener("load", () => measure(frame));
  }
}
