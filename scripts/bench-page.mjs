// Page benchmark, run by scripts/bench.sh against the served release build:
// payload size (gzip), first render, and the time of one slider step in
// headless Chromium. Prints figures; asserts nothing (targets live in
// BENCHMARKS.md, not in tests).
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { launchBrowser, urlOf, READY } from "../tests/e2e/helpers.mjs";

const www = path.resolve("www");
const files = ["index.html", "main.js", "style.css", "pkg/scope_explorer.js", "pkg/scope_explorer_bg.wasm"];
let raw = 0;
let gzipped = 0;
for (const file of files) {
  const bytes = readFileSync(path.join(www, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += gz;
  console.log(`${file.padEnd(28)} ${String(bytes.length).padStart(9)} B   gzip ${String(gz).padStart(8)} B`);
}
console.log(`${"total".padEnd(28)} ${String(raw).padStart(9)} B   gzip ${String(gzipped).padStart(8)} B (${(gzipped / 1024).toFixed(1)} KiB)`);

// The embed (www/embed.html): the files one embedded view loads.
const embedFiles = ["embed.html", "embed.js", "style.css", "embed.css", "pkg-embed/scope_explorer.js", "pkg-embed/scope_explorer_bg.wasm"];
let embedGzipped = 0;
for (const file of embedFiles) {
  embedGzipped += gzipSync(readFileSync(path.join(www, file)), { level: 9 }).length;
}
console.log(`embed (${embedFiles.join(", ")}): gzip ${embedGzipped} B (${(embedGzipped / 1024).toFixed(1)} KiB)`);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

const browser = await launchBrowser();
// The view's first frame: a view that is "ready" has still to be laid out
// and painted, so the first render is also timed to the end of the first
// frame after it (a task queued from that frame's animation callback).
function markPainted() {
  new MutationObserver((_, observer) => {
    if (document.getElementById("explorer")?.getAttribute("data-ready") !== "true") return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => performance.mark("bench-painted"), 0));
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });
}

/** Median first render of `relative`, to data-ready and to its first frame. */
async function firstRenders(relative) {
  const ready = [];
  const painted = [];
  const fetched = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    await context.addInitScript(markPainted);
    const page = await context.newPage();
    await page.goto(urlOf(relative));
    await page.waitForSelector(READY);
    await page.waitForFunction(() => performance.getEntriesByName("bench-painted").length > 0);
    const [r, p] = await page.evaluate(() =>
      ["scope-explorer-ready", "bench-painted"].map((name) => performance.getEntriesByName(name)[0].startTime),
    );
    ready.push(r);
    painted.push(p);
    // When the last byte of the wasm arrived: what the server and the
    // network take, before any of the explorer's code runs.
    fetched.push(await page.evaluate(() =>
      Math.max(...performance.getEntriesByType("resource").filter((e) => e.name.endsWith(".wasm")).map((e) => e.responseEnd)),
    ));
    await context.close();
  }
  const range = (xs) => `median of 7: ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
  return { ready: range(ready), painted: range(painted), fetched: range(fetched) };
}

try {
  const main = await firstRenders("");
  console.log(`first render (navigation to data-ready), ${main.ready}`);
  console.log(`first render, to the first frame after it, ${main.painted}`);
  const embed = await firstRenders("embed.html");
  console.log(`first render of the embed (embed.html, navigation to data-ready), ${embed.ready}`);
  console.log(`first render of the embed, to the first frame after it, ${embed.painted}`);
  console.log(`  of which the embed's files, navigation to the wasm's last byte, ${embed.fetched}`);
  // The share panel's first choice: one slider kept (controls=us_flop).
  const oneSlider = await firstRenders("embed.html?controls=us_flop");
  console.log(`first render of the embed as the share panel first gives it (controls=us_flop), navigation to data-ready, ${oneSlider.ready}`);

  const page = await browser.newPage();
  await page.goto(urlOf(""));
  await page.waitForSelector(READY);
  const steps = await page.evaluate(() => {
    const slider = document.getElementById("us-compute");
    const handler = [];
    const withLayout = [];
    for (let i = 0; i < 240; i++) {
      // Sweep back and forth across the whole range, one step at a time.
      const position = 22 + (i < 120 ? i : 240 - i) * 0.05;
      slider.value = String(position);
      const t0 = performance.now();
      slider.dispatchEvent(new Event("input"));
      const t1 = performance.now();
      // Reading layout forces style and layout, as the next frame would.
      void document.body.offsetHeight;
      const t2 = performance.now();
      handler.push(t1 - t0);
      withLayout.push(t2 - t0);
    }
    // A keyboard step fires "input" then "change": the table rows in view too
    // (the derivative rules, share panel, sections and URL follow the paint).
    const keyboard = [];
    for (let i = 0; i < 60; i++) {
      slider.value = String(24 + (i % 20) * 0.05);
      const t0 = performance.now();
      slider.dispatchEvent(new Event("input"));
      slider.dispatchEvent(new Event("change"));
      void document.body.offsetHeight;
      keyboard.push(performance.now() - t0);
    }
    return { handler, withLayout, keyboard };
  });
  console.log(`slider step, evaluation + DOM updates (240 steps): median ${median(steps.handler).toFixed(2)} ms, p95 ${p95(steps.handler).toFixed(2)} ms`);
  console.log(`slider step, including style and layout:           median ${median(steps.withLayout).toFixed(2)} ms, p95 ${p95(steps.withLayout).toFixed(2)} ms`);
  console.log(`keyboard step (input + change: rows in view; panels, URL after the paint), with layout: median ${median(steps.keyboard).toFixed(2)} ms, p95 ${p95(steps.keyboard).toFixed(2)} ms`);

  // The table rewrites rows out of its view in background tasks after a
  // step (aria-busy until done): how long until every row is written.
  const complete = await page.evaluate(async () => {
    const slider = document.getElementById("us-compute");
    const table = document.getElementById("models-table");
    const times = [];
    for (let i = 0; i < 15; i++) {
      slider.value = String(24 + (i % 2) * 1.5);
      const t0 = performance.now();
      slider.dispatchEvent(new Event("input"));
      slider.dispatchEvent(new Event("change"));
      while (table.hasAttribute("aria-busy")) await new Promise((resolve) => setTimeout(resolve, 0));
      times.push(performance.now() - t0);
    }
    return times;
  });
  console.log(`table complete after a keyboard step (background rows), median of 15: ${median(complete).toFixed(1)} ms, max ${Math.max(...complete).toFixed(1)} ms`);

  // The derivative rules, the share panel and the sections follow the
  // step's paint (src/web/page/later.rs): how long until the derivative
  // rules are current again (aria-busy gone), and until the URL holds the
  // step (written after a pause of 300 ms, by design).
  const later = await page.evaluate(async () => {
    const slider = document.getElementById("us-compute");
    const rules = document.querySelector(".derivatives table");
    const panel = [];
    const url = [];
    for (let i = 0; i < 15; i++) {
      // A value unlike the one before (the loops above end at 10^24).
      slider.value = String(26 + (i % 2) * 0.5 + i * 0.1);
      const before = location.search;
      const t0 = performance.now();
      slider.dispatchEvent(new Event("input"));
      slider.dispatchEvent(new Event("change"));
      while (rules.hasAttribute("aria-busy") && performance.now() - t0 < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      panel.push(performance.now() - t0);
      while (location.search === before && performance.now() - t0 < 5000) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      url.push(performance.now() - t0);
    }
    return { panel, url };
  });
  console.log(`derivative rules current after a keyboard step (after the paint), median of 15: ${median(later.panel).toFixed(1)} ms, max ${Math.max(...later.panel).toFixed(1)} ms`);
  console.log(`URL written after a keyboard step (after a 300 ms pause), median of 15: ${median(later.url).toFixed(1)} ms`);
} finally {
  await browser.close();
}

// What the first render cannot go below in this harness.
await import("./bench-floor.mjs");
