// For a page that embeds the explorer in iframes: sizes each frame to its
// content. The embed posts {type: "scope-explorer:height", height} to its
// parent after load and after every change. A message is used only when it
// comes from one of this page's frames whose src is on this script's own
// origin (the explorer's), sent from that origin, or from the opaque origin
// "null" that a frame sandboxed without allow-same-origin has; any other
// source is ignored.
const ORIGIN = new URL(import.meta.url).origin;

function isExplorer(frame) {
  try {
    return frame.src !== "" && new URL(frame.src).origin === ORIGIN;
  } catch {
    return false;
  }
}

function frameOf(source) {
  for (const frame of document.querySelectorAll("iframe")) {
    if (frame.contentWindow === source) return frame;
  }
  return null;
}

addEventListener("message", (event) => {
  if (event.origin !== ORIGIN && event.origin !== "null") return;
  const { type, height } = event.data ?? {};
  if (type !== "scope-explorer:height" || !Number.isFinite(height) || height <= 0) return;
  const frame = frameOf(event.source);
  if (frame && isExplorer(frame)) frame.height = String(Math.ceil(height));
});

// A frame may have posted its height before this script listened: ask again.
function measure(frame) {
  // "*": the request carries nothing, and the frame may still be blank (or
  // sandboxed, with an opaque origin no target origin could name).
  frame.contentWindow?.postMessage({ type: "scope-explorer:measure" }, "*");
}
for (const frame of document.querySelectorAll("iframe")) {
  if (isExplorer(frame)) {
    measure(frame);
    frame.addEventListener("load", () => measure(frame));
  }
}
