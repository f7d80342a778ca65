// End-to-end tests of the embeds on host pages a journalist might write
// (served from another origin than the explorer): the element readable on a
// light or dark host in either colour scheme, and a frame sandboxed without
// allow-same-origin still sized by frame-height.js.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";

import {
  assertClean,
  BASE_ORIGIN,
  BASE_URL,
  eventually,
  launchBrowser,
  openPage,
  screenshotPath,
  TEST_TIMEOUT_MS,
  TIMEOUT_MS,
} from "./helpers.mjs";

let browser;
let server;
let hostUrl;
// The host pages, by path; each test adds its own.
const pages = new Map();
const policies = new Map();

before(async () => {
  browser = await launchBrowser();
  server = createServer((request, response) => {
    const body = pages.get(request.url);
    const headers = { "content-type": "text/html; charset=utf-8" };
    // A host page's own Content-Security-Policy, where a test sets one.
    const csp = policies.get(request.url);
    if (csp) headers["content-security-policy"] = csp;
    response.writeHead(body ? 200 : 404, headers);
    response.end(body ?? "not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  hostUrl = `http://127.0.0.1:${server.address().port}`;
});
after(async () => {
  await browser?.close();
  server?.close();
});

function hostPage(title, style, body) {
  const css = style ? `<style>${style}</style>` : "";
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,">${css}</head>\n<body>\n${body}\n</body></html>\n`;
}

/** Requests to the host page's own origin are expected. */
function withoutHost(problems) {
  problems.crossOrigin = problems.crossOrigin.filter((line) => !line.includes(`${hostUrl}/`));
  return problems;
}

/**
 * Inside the page: every visible element of the first <scope-explorer>'s
 * shadow root that holds text of its own, with its text colour's contrast
 * on the background it is drawn on (the nearest ancestor with one, across
 * the shadow boundary, down to the canvas, white on a page without a
 * colour scheme of its own). The lowest first.
 */
function shadowContrasts(page) {
  return page.evaluate(() => {
    const parse = (text) => {
      const m = text.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const luminance = ({ r, g, b }) => {
      const lin = (c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const parentOf = (node) => {
      if (node.assignedSlot) return node.assignedSlot;
      const parent = node.parentNode;
      return parent instanceof ShadowRoot ? parent.host : parent;
    };
    const background = (element) => {
      const layers = [];
      for (let node = element; node && node.nodeType === 1; node = parentOf(node)) {
        const color = parse(getComputedStyle(node).backgroundColor);
        if (color && color.a > 0) {
          layers.push(color);
          if (color.a >= 1) break;
        }
      }
      let result = { r: 255, g: 255, b: 255, a: 1 };
      for (const layer of layers.reverse()) result = over(layer, result);
      return result;
    };
    const root = document.querySelector("scope-explorer").shadowRoot;
    const out = [];
    for (const element of root.querySelectorAll("*")) {
      if (element instanceof SVGElement || element.closest("svg")) continue;
      const own = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== "");
      if (!own || element.getClientRects().length === 0) continue;
      const style = getComputedStyle(element);
      if (style.visibility !== "visible") continue;
      const ink = parse(style.color);
      const bg = background(element);
      const [hi, lo] = [luminance(over(ink, bg)), luminance(bg)].sort((a, b) => b - a);
      out.push({
        ratio: (hi + 0.05) / (lo + 0.05),
        what: `${element.localName}.${element.className} "${element.textContent.trim().slice(0, 40)}"`,
        color: style.color,
        background: `rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`,
      });
    }
    return out.sort((a, b) => a.ratio - b.ratio);
  });
}

for (const [host, style] of [
  ["white", ""],
  ["dark", "body { background: #121212; color: #f0f0f0; }"],
]) {
  for (const colorScheme of ["light", "dark"]) {
    test(`<scope-explorer> on a ${host} host page in the ${colorScheme} scheme: every text reads at 4.5:1 or more`, { timeout: TEST_TIMEOUT_MS }, async () => {
      const path = `/element-${host}.html`;
      pages.set(
        path,
        hostPage(
          `A ${host} article`,
          style,
          `<h1>An article</h1>\n<script type="module" src="${BASE_URL}scope-explorer.js"></script>\n<scope-explorer us_flop="1e26" controls="us_flop"></scope-explorer>`,
        ),
      );
      const { context, page, problems } = await openPage(browser, { colorScheme });
      try {
        await page.goto(`${hostUrl}${path}`, { waitUntil: "load" });
        await page
          .locator('scope-explorer .scope-explorer[data-ready="true"]')
          .waitFor({ state: "attached", timeout: TIMEOUT_MS });
        const contrasts = await shadowContrasts(page);
        assert.ok(contrasts.length > 50, `${contrasts.length} texts checked`);
        const poor = contrasts.filter((c) => c.ratio < 4.5);
        assert.deepEqual(
          poor.slice(0, 8).map((c) => `${c.what}: ${c.color} on ${c.background}, ${c.ratio.toFixed(2)}:1`),
          [],
        );
        await page.screenshot({ path: screenshotPath(`element-${host}-host-${colorScheme}.png`), fullPage: true });
        assertClean(withoutHost(problems));
      } finally {
        await context.close();
      }
    });
  }
}

test("a frame sandboxed with allow-scripts only is sized by frame-height.js; a message from any other window is not used", { timeout: TEST_TIMEOUT_MS }, async () => {
  const path = "/sandboxed.html";
  // A frame of the explorer with an opaque origin ("null"), and another
  // sandboxed frame (the same "null" origin) that posts heights of its own.
  const impostor = `<script>setInterval(() => parent.postMessage({ type: "scope-explorer:height", height: 1234 }, "*"), 50);</script>`;
  pages.set(
    path,
    hostPage(
      "A sandboxed embed",
      "",
      [
        "<h1>An article</h1>",
        `<iframe id="explorer-frame" sandbox="allow-scripts" src="${BASE_URL}embed.html?us_flop=1e26&amp;controls=none" title="Scope explorer" width="100%" height="150"></iframe>`,
        `<iframe id="other" sandbox="allow-scripts" srcdoc="${impostor.replaceAll('"', "&quot;")}" title="Other" height="50"></iframe>`,
        `<script type="module" src="${BASE_URL}frame-height.js"></script>`,
      ].join("\n"),
    ),
  );
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${hostUrl}${path}`, { waitUntil: "load" });
    const frame = await eventually(() => {
      const found = page.frames().find((f) => f.url().includes("/embed.html?"));
      if (!found) throw new Error("the embed's frame has not loaded");
      return found;
    });
    await frame.waitForSelector('#explorer[data-ready="true"]', { state: "attached", timeout: TIMEOUT_MS });
    assert.equal(await frame.evaluate(() => origin), "null", "the embed's origin is opaque");
    await eventually(async () => {
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.ok(inner > 300, `the embed is ${inner} px tall`);
      assert.equal(Number(await page.locator("#explorer-frame").getAttribute("height")), inner, "the frame fits its content");
    });
    // The page itself posts one too: its source is no frame.
    await page.evaluate(() => postMessage({ type: "scope-explorer:height", height: 4321 }, "*"));
    await page.waitForTimeout(300);
    assert.equal(await page.locator("#other").getAttribute("height"), "50", "the other sandboxed frame is not resized");
    assert.notEqual(await page.locator("#explorer-frame").getAttribute("height"), "4321");
    await page.screenshot({ path: screenshotPath("sandboxed-frame.png"), fullPage: true });
    assertClean(withoutHost(problems));
  } finally {
    await context.close();
  }
});

test("<scope-explorer> with attributes it cannot use, and a preset beside explicit ones: its notice speaks of attributes, names each allowed control once and what overrides the preset; its chart promises no table", { timeout: TEST_TIMEOUT_MS }, async () => {
  const path = "/element-attributes.html";
  pages.set(
    path,
    hostPage(
      "Attributes",
      "",
      [
        `<script type="module" src="${BASE_URL}scope-explorer.js"></script>`,
        `<scope-explorer id="bad" controls="cap" bogus="1"></scope-explorer>`,
        `<scope-explorer id="preset" preset="narrow" us_flop="1e26" cap="none" combine="compute_only" deriv="cumulative" controls="none"></scope-explorer>`,
      ].join("\n"),
    ),
  );
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(`${hostUrl}${path}`, { waitUntil: "load" });
    for (const id of ["bad", "preset"]) {
      await page.locator(`#${id} .scope-explorer[data-ready="true"]`).waitFor({ state: "attached", timeout: TIMEOUT_MS });
    }
    const notice = (id) => page.locator(`#${id} .notice`).evaluate((e) => (e.hidden ? "(hidden)" : e.textContent));
    const bad = await notice("bad");
    assert.match(bad, /^Some of the element's attributes were not understood and were ignored:/);
    assert.doesNotMatch(bad, /link|parameter/);
    assert.match(bad, /unknown attribute "bogus"/);
    const allowed = bad.match(/a slider's attribute \(([^)]*)\)/)?.[1] ?? "";
    const names = allowed.split(", ");
    assert.ok(names.includes("cap_min") && names.includes("us_flop"), allowed);
    assert.equal(new Set(names).size, names.length, `each name once: ${allowed}`);
    assert.match(
      await notice("preset"),
      /preset "narrow" changes nothing: the attributes cap, combine, deriv override every value in which it differs from the defaults/,
    );
    const label = await page.locator('#bad .chart svg[role="group"]').getAttribute("aria-label");
    assert.match(label, /Escape hides its details\.$/);
    assert.doesNotMatch(label, /table/);
    await page.screenshot({ path: screenshotPath("element-attributes-notices.png"), fullPage: true });
    assertClean(withoutHost(problems));
  } finally {
    await context.close();
  }
});

test("<scope-explorer> on a host whose Content-Security-Policy blocks its styles or its wasm keeps the fallback and says what to allow; the host page gets no uncaught error", { timeout: TEST_TIMEOUT_MS }, async () => {
  const cases = [
    ["/csp-styles.html", `default-src 'self'; script-src 'self' ${BASE_ORIGIN} 'wasm-unsafe-eval'; connect-src 'self' ${BASE_ORIGIN}; style-src 'self'`, /styles could not load/],
    ["/csp-wasm.html", `default-src 'self'; script-src 'self' ${BASE_ORIGIN} 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self' ${BASE_ORIGIN}`, /could not start/],
  ];
  for (const [path, csp, reason] of cases) {
    policies.set(path, csp);
    pages.set(
      path,
      hostPage(
        "A host with a strict policy",
        "",
        [
          "<h1>An article</h1>",
          `<script type="module" src="${BASE_URL}scope-explorer.js"></script>`,
          `<scope-explorer us_flop="1e26" controls="none"><p class="fb">Counts computed in advance.</p></scope-explorer>`,
          "<p>The article goes on.</p>",
        ].join("\n"),
      ),
    );
    const { context, page, problems } = await openPage(browser);
    try {
      await page.goto(`${hostUrl}${path}`, { waitUntil: "load" });
      const line = await eventually(async () => {
        const text = await page.evaluate(() => document.querySelector("scope-explorer").shadowRoot?.querySelector(".start-failure")?.textContent);
        assert.ok(text, "a line saying why");
        return text;
      });
      assert.match(line, reason);
      assert.ok(line.includes(`must allow ${BASE_ORIGIN} in script-src`), line);
      const state = await page.evaluate(() => {
        const element = document.querySelector("scope-explorer");
        return {
          fallback: element.querySelector(".fb").getBoundingClientRect().height,
          form: Boolean(element.shadowRoot.querySelector("form, .cards")),
          height: element.getBoundingClientRect().height,
        };
      });
      assert.ok(state.fallback > 0, "the fallback shows");
      assert.equal(state.form, false, "no unstyled view");
      assert.ok(state.height < 400, `the element is ${state.height} px tall`);
      assert.deepEqual(problems.pageErrors, [], "no uncaught error on the host page");
      await page.screenshot({ path: screenshotPath(`host${path.replace(".html", "").replace("/", "-")}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  }
});

test("<scope-explorer> in a 720 px column on a wide screen lays out by its own width, as an iframe of that width does, and its summary line is not pinned over the article", { timeout: TEST_TIMEOUT_MS }, async () => {
  const path = "/column.html";
  pages.set(
    path,
    hostPage(
      "An article column",
      "article { max-width: 720px; margin: 0 auto; }",
      [
        `<script type="module" src="${BASE_URL}scope-explorer.js"></script>`,
        "<article><h1>An article</h1>",
        `<scope-explorer us_flop="1e26" as_of="2026-08-08"></scope-explorer>`,
        "<p>The article goes on.</p></article>",
      ].join("\n"),
    ),
  );
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  try {
    await page.goto(`${hostUrl}${path}`, { waitUntil: "load" });
    await page.waitForFunction(() => document.querySelector("scope-explorer")?.shadowRoot?.querySelector("[data-ready=true]"));
    const layout = await page.evaluate(() => {
      const shadow = document.querySelector("scope-explorer").shadowRoot;
      const top = (selector) => shadow.querySelector(selector).getBoundingClientRect().top;
      const bar = shadow.querySelector(".summary-bar");
      return { overlap: top(".overlap"), controls: top(".controls"), bar: getComputedStyle(bar).display, position: getComputedStyle(bar).position };
    });
    // The narrow layout: the counts first, then the controls.
    assert.ok(layout.overlap < layout.controls, JSON.stringify(layout));
    assert.notEqual(layout.bar, "none", "the one-line summary shows, as in a narrow frame");
    assert.equal(layout.position, "static", "not pinned over the host's article");
    await page.screenshot({ path: screenshotPath("element-720-column.png") });
    assertClean(withoutHost(problems));
  } finally {
    await context.close();
  }
});
