// End-to-end tests of embedding (README, "Embedding"): the sample article
// www/examples/article.html, served with the strict CSP header by
// scripts/serve.py, with one iframe (embed.html, the narrow reading) and one
// <scope-explorer> element (the broad reading); and the snippets of "Embed
// this view" pasted into a page of another origin.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import os from "node:os";
import path from "node:path";

import {
  assertClean,
  BASE_ORIGIN,
  COUNT_KEYS,
  eventually,
  launchBrowser,
  openPage,
  pickCounts,
  screenshotPath,
  TEST_TIMEOUT_MS,
  TIMEOUT_MS,
  urlOf,
} from "./helpers.mjs";

const ARTICLE = "examples/article.html";
// The scenarios the article's two views are configured with.
const NARROW = "preset=narrow&as_of=2026-08-08";
const BROAD = "preset=broad&as_of=2026-08-08";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * A page that also logs, in any frame, every CSP violation and every use of
 * localStorage as a console error (which fails a clean test).
 */
async function openArticlePage(options = {}) {
  const handle = await openPage(browser, options);
  await handle.page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
    });
    const storage = Object.getOwnPropertyDescriptor(window, "localStorage");
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        console.error("localStorage was used");
        return storage.get.call(this);
      },
    });
  });
  return handle;
}

/** Inside the page: the counts the wasm API computes for a page query. */
async function apiCounts(page, query) {
  const summary = await page.evaluate(async (query) => {
    const mod = await import(new URL("/pkg/scope_explorer.js", location.href).href);
    await mod.default();
    const explorer = new mod.Explorer();
    try {
      return explorer.summary(explorer.scenarioFromQuery(query));
    } finally {
      explorer.free();
    }
  }, query);
  return { ...pickCounts(summary), us: summary.us };
}

/**
 * Inside the page: the [data-count] cells of the `index`-th
 * <scope-explorer>'s shadow root, or of the document when `index` is null.
 * (No `new Function` here: the article's CSP forbids eval.)
 */
function countsIn(context, index) {
  return context.evaluate(
    ([keys, index]) => {
      const root = index === null ? document : document.querySelectorAll("scope-explorer")[index].shadowRoot;
      const out = { models: {}, developers: {} };
      for (const group of ["models", "developers"]) {
        for (const key of keys) {
          const cell = root.querySelector(`[data-count="${group}.${key}"]`);
          out[group][key] = cell ? Number(cell.textContent) : null;
        }
      }
      return out;
    },
    [COUNT_KEYS, index],
  );
}

/** The counts shown by the `index`-th <scope-explorer>. */
function elementCounts(page, index) {
  return countsIn(page, index);
}

/** The counts shown in a frame's embed.html. */
function frameCounts(frame) {
  return countsIn(frame, null);
}

async function elementReady(page, index) {
  await page
    .locator("scope-explorer")
    .nth(index)
    .locator('.scope-explorer[data-ready="true"]')
    .waitFor({ state: "attached", timeout: TIMEOUT_MS });
}

/** The article's iframe, once its view is ready. */
async function embedFrame(page) {
  await page.locator("iframe").scrollIntoViewIfNeeded();
  const frame = await eventually(() => {
    const found = page.frames().find((f) => f.url().includes("/embed.html?"));
    if (!found) throw new Error("the embed's frame has not loaded");
    return found;
  });
  await frame.waitForSelector('#explorer[data-ready="true"]', { state: "attached", timeout: TIMEOUT_MS });
  return frame;
}

async function gotoArticle(page) {
  await page.goto(urlOf(ARTICLE), { waitUntil: "load" });
  await elementReady(page, 0);
  return embedFrame(page);
}

/** Sets a range input (found by `selector` under `root`) and fires input and change. */
function slide(locator, value) {
  return locator.evaluate((input, value) => {
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }, value);
}

/** Adds a second element to the article: the narrow reading, one slider kept. */
async function addNarrowElement(page) {
  await page.evaluate(() => {
    const element = document.createElement("scope-explorer");
    element.setAttribute("preset", "narrow");
    element.setAttribute("as_of", "2026-08-08");
    element.setAttribute("controls", "cap_min");
    document.querySelector("article").append(element);
  });
  await elementReady(page, 1);
}

function withoutUs(counts) {
  const { us, ...rest } = counts;
  return rest;
}

function clean(name, body) {
  test(name, { timeout: TEST_TIMEOUT_MS }, async () => {
    const handle = await openArticlePage();
    try {
      await body(handle);
      assertClean(handle.problems);
    } catch (error) {
      await handle.page.screenshot({ path: screenshotPath(`failed-embed-${name.slice(0, 30).replace(/\W+/g, "-")}.png`), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await handle.context.close().catch(() => {});
    }
  });
}

// ---------------------------------------------------------------- 1
clean("article: both embeds show their scenario's counts, as the wasm API computes them, under the strict CSP", async ({ page }) => {
  const response = await page.goto(urlOf(ARTICLE), { waitUntil: "load" });
  assert.match(response.headers()["content-security-policy"] ?? "", /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'/);
  await elementReady(page, 0);
  const frame = await embedFrame(page);
  assert.equal(await page.locator("iframe").getAttribute("sandbox"), "allow-scripts allow-same-origin");
  assert.deepEqual(await frameCounts(frame), withoutUs(await apiCounts(page, NARROW)));
  assert.deepEqual(await elementCounts(page, 0), withoutUs(await apiCounts(page, BROAD)));
  // The source line and the link to the full explorer, in the same state, in the top window.
  const link = frame.locator("a.full-link");
  assert.equal(await link.getAttribute("target"), "_top");
  const href = new URL(await link.getAttribute("href"), frame.url());
  assert.equal(href.pathname, "/index.html");
  assert.equal(href.searchParams.get("as_of"), "2026-08-08");
  assert.match(await frame.locator(".source").textContent(), /Epoch AI.*CC BY 4\.0.*snapshot of 2026-08-08/);
  // The element's styles come from files (style-src 'self'): its shadow root links them.
  const styles = await page.locator("scope-explorer").first().evaluate((el) =>
    [...el.shadowRoot.querySelectorAll("link[rel=stylesheet]")].map((l) => new URL(l.href).pathname),
  );
  assert.deepEqual(styles, ["/style.css", "/embed.css"]);
  // The host page's rules stay out: its `p { text-indent: 1em }` does not reach the headline.
  const indent = await page.locator("scope-explorer").first().evaluate((el) =>
    getComputedStyle(el.shadowRoot.querySelector(".headline")).textIndent,
  );
  assert.equal(indent, "0px");
  // (No localStorage: any use, in the page or the frame, would be a console error.)
});

// ---------------------------------------------------------------- 2
clean("two <scope-explorer> elements on one page work independently, and fetch the wasm once", async ({ page }) => {
  const wasmFetches = [];
  page.on("request", (request) => {
    // The elements' module (the test's own API readings load the full one).
    if (request.url().endsWith("/pkg-embed/scope_explorer_bg.wasm") && request.frame() === page.mainFrame()) {
      wasmFetches.push(request.url());
    }
  });
  await gotoArticle(page);
  await addNarrowElement(page);
  assert.equal(wasmFetches.length, 1, `the wasm was fetched ${wasmFetches.length} times: ${wasmFetches}`);
  const broad = withoutUs(await apiCounts(page, BROAD));
  assert.deepEqual(await elementCounts(page, 1), withoutUs(await apiCounts(page, NARROW)));

  // The second element's slider moves only the second.
  await slide(page.locator("scope-explorer").nth(1).locator(".kept:not([hidden]) input[type=range]"), "120");
  const moved = withoutUs(await apiCounts(page, `${NARROW}&cap=eci&cap_min=120`));
  await eventually(async () => assert.deepEqual(await elementCounts(page, 1), moved));
  assert.deepEqual(await elementCounts(page, 0), broad);

  // An attribute change re-renders only its element.
  await page.locator("scope-explorer").first().evaluate((el) => el.setAttribute("preset", "eu-ai-act"));
  const eu = withoutUs(await apiCounts(page, "preset=eu-ai-act&as_of=2026-08-08"));
  await eventually(async () => assert.deepEqual(await elementCounts(page, 0), eu));
  assert.deepEqual(await elementCounts(page, 1), moved);
  assert.equal(wasmFetches.length, 1);
});

// ---------------------------------------------------------------- 3
clean("iframe: changing its control changes its height, and the parent sees the new height", async ({ page }) => {
  const frame = await gotoArticle(page);
  const contentHeight = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const frameHeight = async () => Number(await page.locator("iframe").getAttribute("height"));
  await eventually(async () => assert.equal(await frameHeight(), await contentHeight()));
  const before = await frameHeight();
  assert.notEqual(before, 2500, "the article's starting height was replaced");
  // A higher capability bar covers fewer models: a shorter headline.
  await slide(frame.locator(".kept:not([hidden]) input[type=range]"), "170");
  await eventually(async () => {
    const after = await contentHeight();
    assert.notEqual(after, before, "the content's height changed");
    assert.equal(await frameHeight(), after, "the parent resized the frame to it");
  });
});

clean("iframe: a frame that starts hidden takes its content's height once shown", async ({ page }) => {
  await gotoArticle(page);
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.src = "../embed.html?preset=sb53&as_of=2026-08-08&controls=none";
    frame.title = "A hidden embed";
    frame.width = "100%";
    frame.height = "200";
    frame.hidden = true;
    frame.id = "late";
    document.querySelector("article").append(frame);
  });
  const frame = await eventually(() => {
    const found = page.frames().find((f) => f.url().includes("preset=sb53"));
    if (!found) throw new Error("no frame yet");
    return found;
  });
  await frame.waitForSelector('#explorer[data-ready="true"]', { state: "attached" });
  await page.evaluate(() => {
    document.getElementById("late").hidden = false;
  });
  await eventually(async () => {
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.ok(inner > 300, `the content is ${inner} px tall`);
    assert.equal(Number(await page.locator("#late").getAttribute("height")), inner);
  });
});

// ---------------------------------------------------------------- 4
test("JavaScript disabled: the article shows the static fallbacks, with the counts of the build", { timeout: TEST_TIMEOUT_MS }, async () => {
  // The expected counts, from the wasm API in a page with JavaScript.
  const live = await openArticlePage();
  await live.page.goto(urlOf(ARTICLE), { waitUntil: "load" });
  const broad = await apiCounts(live.page, BROAD);
  const narrow = await apiCounts(live.page, NARROW);
  await live.context.close();

  const { context, page, problems } = await openArticlePage({ javaScriptEnabled: false });
  try {
    await page.goto(urlOf(ARTICLE), { waitUntil: "load" });
    const element = await page.locator("scope-explorer").textContent();
    const us = (c) => `US definition: about ${c.us.models_in} models from ${c.us.developers_in} developers`;
    assert.ok(element.includes(us(broad)), `the element's fallback: ${element}`);
    assert.ok(element.includes("Counts as of 2026-08-08"), element);
    await page.locator("iframe").scrollIntoViewIfNeeded();
    const frame = await eventually(() => {
      const found = page.frames().find((f) => f.url().includes("/embed.html?"));
      if (!found) throw new Error("no frame yet");
      return found;
    });
    await frame.waitForLoadState("load");
    const item = await frame.locator(".fallback-list li", { hasText: "Narrow reading" }).textContent();
    assert.ok(item.includes(us(narrow)), `the frame's fallback: ${item}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: screenshotPath("article-no-javascript-phone.png"), fullPage: true });
    // With scripts off, Chromium refuses embed.html's <link rel=modulepreload>
    // of the module (reported as "csp"); nothing else may fail.
    problems.failedRequests = problems.failedRequests.filter((line) => !/\/pkg(-embed)?\/scope_explorer\.js: csp$/.test(line));
    assertClean(problems);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- 5
test("a forced panic shows the message in every view, and the other views keep working", { timeout: TEST_TIMEOUT_MS }, async () => {
  const { context, page, problems } = await openArticlePage();
  try {
    const frame = await gotoArticle(page);
    await addNarrowElement(page);
    const views = page.locator("scope-explorer");
    // Test-only: the view panics while handling this event.
    await views.nth(1).evaluate((el) =>
      el.shadowRoot.querySelector(".scope-explorer").dispatchEvent(new Event("scope-explorer-test-panic")),
    );
    const error = (i) => views.nth(i).locator(".scope-explorer > .error");
    await eventually(async () => assert.match(await error(1).textContent(), /This view stopped after an internal error/));
    assert.equal(await error(1).isVisible(), true);
    assert.match(await error(0).textContent(), /Another view on this page stopped after an internal error; this one still works/);
    // An event that reaches the stopped view is answered, not dropped.
    await page.evaluate(() => {
      const el = document.querySelectorAll("scope-explorer")[1];
      el.shadowRoot.querySelector(".error").textContent = "";
    });
    await slide(views.nth(1).locator(".kept:not([hidden]) input[type=range]"), "120");
    await eventually(async () => assert.match(await error(1).textContent(), /stopped after an internal error and can no longer respond/));

    // The other element still works...
    await views.first().evaluate((el) => el.setAttribute("preset", "eu-ai-act"));
    const eu = withoutUs(await apiCounts(page, "preset=eu-ai-act&as_of=2026-08-08"));
    await eventually(async () => assert.deepEqual(await elementCounts(page, 0), eu));
    // ... and so does the iframe, and the host page.
    await slide(frame.locator(".kept:not([hidden]) input[type=range]"), "170");
    const moved = withoutUs(await apiCounts(page, `${NARROW}&cap=eci&cap_min=170`));
    await eventually(async () => assert.deepEqual(await frameCounts(frame), moved));
    assert.equal(await page.evaluate(() => document.title.length > 0), true);

    // Nothing went wrong but the panic itself: its log line and the trap.
    const unexpected = [...problems.consoleErrors, ...problems.pageErrors].filter(
      (line) => !/internal error: [\s\S]*a test panic|unreachable/i.test(line),
    );
    assert.deepEqual(unexpected, []);
    assert.ok(problems.consoleErrors.some((line) => line.includes("a test panic")), "the panic is logged to the console");
    assert.deepEqual(problems.crossOrigin, []);
    assert.deepEqual(problems.failedRequests, []);
  } finally {
    await context.close();
  }
});

// ---------------------------------------------------------------- 6
clean("screenshots of the article: desktop and phone, no horizontal scroll at 360 px", async ({ page }) => {
  await gotoArticle(page);
  await page.screenshot({ path: screenshotPath("article-desktop.png"), fullPage: true });
  await page.setViewportSize({ width: 360, height: 740 });
  const frame = await embedFrame(page);
  // The frame re-measures at its new width; the parent follows.
  await eventually(async () => {
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    assert.equal(Number(await page.locator("iframe").getAttribute("height")), inner);
  });
  await page.screenshot({ path: screenshotPath("article-phone.png"), fullPage: true });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 360, `the article is ${scrollWidth} px wide at 360 px`);
});

// ---------------------------------------------------------------- 7
test("'Embed this view': both snippets, pasted into a page of another origin, show the view sized to its content", { timeout: TEST_TIMEOUT_MS }, async () => {
  const query = "preset=broad&as_of=2026-08-08&us_flop=3e25";
  const main = await openPage(browser);
  let snippets;
  let expected;
  try {
    await main.page.goto(urlOf(`?${query}`), { waitUntil: "load" });
    await main.page.waitForSelector('#explorer[data-ready="true"]', { state: "attached" });
    await main.page.click(".share summary");
    await main.page.selectOption("#embed-controls", "us_flop");
    snippets = {
      iframe: await main.page.locator("#embed-iframe").inputValue(),
      element: await main.page.locator("#embed-element").inputValue(),
    };
    expected = withoutUs(await apiCounts(main.page, query));
    assertClean(main.problems);
  } finally {
    await main.context.close();
  }
  // Both carry the as-of date and the state.
  assert.match(snippets.iframe, /<iframe src="[^"]*embed\.html\?[^"]*as_of=2026-08-08[^"]*controls=us_flop"[^>]* title="[^"]+" loading="lazy" width="100%"/);
  assert.match(snippets.element, /<scope-explorer [^>]*as_of="2026-08-08"[^>]* controls="us_flop">/);
  assert.match(snippets.element, /^<script type="module" src="http:\/\/[^"]+\/scope-explorer\.js"><\/script>/);

  // A plain page in another folder, served from another origin (port).
  const folder = mkdtempSync(path.join(os.tmpdir(), "scope-host-"));
  writeFileSync(
    path.join(folder, "index.html"),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head>\n<body><h1>Someone else's article</h1>\n${snippets.iframe}\n<p>Between the two.</p>\n${snippets.element}\n</body></html>\n`,
  );
  // The same element on pages that enforce Trusted Types, which refuse
  // markup assigned as a string: the chart's first render passes it through
  // the explorer's own policy, or, where the page allows no policy, draws
  // one element at a time.
  writeFileSync(
    path.join(folder, "trusted-types.html"),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Strict host</title><link rel="icon" href="data:,"></head>\n<body><h1>An article under Trusted Types</h1>\n${snippets.element}\n</body></html>\n`,
  );
  const policies = {
    "/trusted-types.html": "require-trusted-types-for 'script'",
    "/no-policies.html": "require-trusted-types-for 'script'; trusted-types 'none'",
  };
  const server = createServer((request, response) => {
    const policy = policies[request.url];
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      ...(policy ? { "content-security-policy": policy } : {}),
    });
    response.end(readFileSync(path.join(folder, policy ? "trusted-types.html" : "index.html")));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${server.address().port}/`;
  const { context, page, problems } = await openPage(browser);
  try {
    await page.goto(hostUrl, { waitUntil: "load" });
    await elementReady(page, 0);
    assert.deepEqual(await elementCounts(page, 0), expected);
    const frame = await embedFrame(page);
    assert.deepEqual(await frameCounts(frame), expected);
    await eventually(async () => {
      const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
      assert.equal(Number(await page.locator("iframe").getAttribute("height")), inner, "the frame fits its content");
    });
    const box = await page.locator("scope-explorer").boundingBox();
    assert.ok(box.height > 300, `the element takes its content's height (${box.height} px)`);
    await page.screenshot({ path: screenshotPath("snippets-on-another-origin.png"), fullPage: true });
    // Requests go to the host page's origin and the explorer's, nowhere else.
    const hostOrigin = new URL(hostUrl).origin;
    problems.crossOrigin = problems.crossOrigin.filter((line) => !line.includes(`${hostOrigin}/`));
    assert.ok(BASE_ORIGIN !== hostOrigin);
    assertClean(problems);
    const markers = await page.locator("scope-explorer .markers path").count();
    assert.ok(markers > 300, `${markers} chart markers`);

    // Under Trusted Types: the same view, the same chart.
    const visible = await page.locator('scope-explorer .markers path[visibility="visible"]').count();
    for (const strictPath of Object.keys(policies)) {
      const strict = await openPage(browser);
      try {
        await strict.page.goto(`${hostUrl}${strictPath.slice(1)}`, { waitUntil: "load" });
        await elementReady(strict.page, 0);
        assert.deepEqual(await elementCounts(strict.page, 0), expected, strictPath);
        assert.equal(await strict.page.locator("scope-explorer .markers path").count(), markers, strictPath);
        assert.equal(
          await strict.page.locator('scope-explorer .markers path[visibility="visible"]').count(),
          visible,
          strictPath,
        );
        assert.equal(await strict.page.locator("scope-explorer .error:not([hidden])").count(), 0, strictPath);
        strict.problems.crossOrigin = strict.problems.crossOrigin.filter((line) => !line.includes(`${hostOrigin}/`));
        if (strictPath === "/no-policies.html") {
          // The browser reports the refused policy; nothing else goes wrong.
          const refused = (line) => /Trusted Type|trusted-types/i.test(line);
          assert.ok(strict.problems.consoleErrors.some(refused), strict.problems.consoleErrors.join("; "));
          strict.problems.consoleErrors = strict.problems.consoleErrors.filter((line) => !refused(line));
        }
        assertClean(strict.problems);
      } finally {
        await strict.context.close();
      }
    }
  } finally {
    await context.close();
    server.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
