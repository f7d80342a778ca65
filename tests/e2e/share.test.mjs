// End-to-end tests of "Share or embed this view" on the full page: opened
// from "Embed in an article" on a phone, its heading shows below the sticky
// summary bar; and the iframe snippet's starting height is close to the
// height the embed then takes, for each choice of controls.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";

import {
  assertClean,
  eventually,
  gotoExplorer,
  launchBrowser,
  openPage,
  screenshotPath,
  TEST_TIMEOUT_MS,
  TIMEOUT_MS,
} from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const width of [375, 320]) {
  test(`phone (${width} px): "Embed in an article" shows the panel's heading and first label below the summary bar`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const { context, page, problems } = await openPage(browser, { viewport: { width, height: 740 } });
    try {
      await gotoExplorer(page, "?us_flop=1e26");
      await page.getByRole("button", { name: "Embed in an article" }).click();
      await eventually(async () => {
        assert.equal(await page.evaluate(() => document.activeElement?.id), "embed-controls");
      });
      // Let the scroll settle.
      await page.waitForTimeout(300);
      const boxes = await page.evaluate(() => {
        const bottom = (e) => e.getBoundingClientRect().bottom;
        const top = (e) => e.getBoundingClientRect().top;
        const panel = document.querySelector("#share-panel");
        return {
          bar: bottom(document.querySelector(".summary-bar")),
          heading: top(panel.querySelector("summary")),
          label: top(panel.querySelector("label")),
        };
      });
      assert.ok(boxes.heading >= boxes.bar, `the heading's top (${boxes.heading} px) is under the bar (bottom ${boxes.bar} px)`);
      assert.ok(boxes.label >= boxes.bar, `the first label's top (${boxes.label} px) is under the bar (bottom ${boxes.bar} px)`);
      await page.screenshot({ path: screenshotPath(`share-panel-phone-${width}.png`) });
      assertClean(problems);
    } finally {
      await context.close();
    }
  });
}

/**
 * The share panel's snippet in field `id` for each choice of controls, then
 * for one slider with the sensitivity curve: `{all, none, us_flop,
 * "us_flop-sensitivity"}`. `controls` and `sensitivity` are how the snippet
 * writes those parameters.
 */
async function snippetsFor(id, controls, sensitivity) {
  const main = await openPage(browser);
  const snippets = {};
  try {
    await gotoExplorer(main.page, "?us_flop=1e26&as_of=2026-08-08");
    await main.page.click(".share summary");
    for (const choice of ["all", "none", "us_flop"]) {
      await main.page.selectOption("#embed-controls", choice);
      await eventually(async () => {
        const text = await main.page.locator(id).inputValue();
        assert.equal(text.includes(controls), choice !== "all", text);
        snippets[choice] = text;
      });
    }
    await main.page.check("#embed-sensitivity");
    await eventually(async () => {
      const text = await main.page.locator(id).inputValue();
      assert.ok(text.includes(sensitivity), text);
      snippets["us_flop-sensitivity"] = text;
    });
    assertClean(main.problems);
  } finally {
    await main.context.close();
  }
  return snippets;
}

test("the iframe snippet starts near the height the embed takes, for every choice of controls and with the sensitivity curve", { timeout: 4 * TEST_TIMEOUT_MS }, async () => {
  // The sensitivity curve makes the embed taller: the snippet starts so.
  const snippets = await snippetsFor("#embed-iframe", "controls=", "sensitivity=1");
  // Each snippet alone on a host page of another origin, in an article's
  // column (the height grows as the column narrows).
  const server = createServer((request, response) => {
    const choice = new URL(request.url, "http://host").searchParams.get("c");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">` +
        `<style>body { margin: 0 auto; max-width: 720px; padding: 0 16px; }</style></head>\n<body>\n${snippets[choice] ?? ""}\n</body></html>\n`,
    );
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${server.address().port}/`;
  try {
    for (const choice of Object.keys(snippets)) {
      const suggested = Number(snippets[choice].match(/ height="(\d+)"/)?.[1]);
      const { context, page } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      try {
        await page.goto(`${hostUrl}?c=${choice}`, { waitUntil: "load" });
        const frame = await eventually(() => {
          const found = page.frames().find((f) => f.url().includes("/embed.html?"));
          if (!found) throw new Error("the embed's frame has not loaded");
          return found;
        });
        await frame.waitForSelector('#explorer[data-ready="true"]', { state: "attached", timeout: TIMEOUT_MS });
        const taken = await eventually(async () => {
          const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
          // The auto-height still follows the content.
          assert.equal(Number(await page.locator("iframe").getAttribute("height")), inner);
          return inner;
        });
        const off = Math.abs(suggested - taken) / taken;
        assert.ok(off <= 0.08, `controls=${choice}: the snippet suggests ${suggested} px, the embed takes ${taken} px`);
      } finally {
        await context.close();
      }
    }
  } finally {
    server.close();
  }
});

test("the web component's snippet keeps the view's space from the first paint: the article below moves by under 10% when the view arrives, on a phone and in a 720 px column", { timeout: 4 * TEST_TIMEOUT_MS }, async () => {
  const snippets = await snippetsFor("#embed-element", " controls=", ' sensitivity="1"');
  // Each snippet between two paragraphs of an article on another origin.
  const server = createServer((request, response) => {
    const choice = new URL(request.url, "http://host").searchParams.get("c");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end(
      `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,">` +
        `<style>body { margin: 0 auto; max-width: 720px; padding: 0 16px; }</style></head>\n<body>\n<p>Before the view.</p>\n${snippets[choice] ?? ""}\n<p id="after">After the view.</p>\n</body></html>\n`,
    );
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const hostUrl = `http://127.0.0.1:${server.address().port}/`;
  try {
    for (const width of [390, 1280]) {
      for (const choice of Object.keys(snippets)) {
        const { context, page, problems } = await openPage(browser, { viewport: { width, height: 900 } });
        try {
          // Hold the element's module until the page has painted its
          // fallback: what a reader sees while the wasm is on its way.
          let release;
          const held = new Promise((resolve) => (release = resolve));
          await page.route("**/scope-explorer.js", async (route) => {
            await held;
            await route.continue();
          });
          await page.goto(`${hostUrl}?c=${choice}`, { waitUntil: "commit" });
          await page.waitForFunction(() => {
            const root = document.querySelector("scope-explorer")?.shadowRoot;
            return document.getElementById("after") && [...(root?.querySelectorAll("link") ?? [])].every((link) => link.sheet);
          });
          const top = () => page.evaluate(() => document.getElementById("after").getBoundingClientRect().top);
          const kept = await top();
          // The fallback shows meanwhile, inside the kept space.
          assert.ok(await page.locator("scope-explorer .fallback-counts").isVisible(), "the fallback shows");
          release();
          await page.waitForFunction(() => document.querySelector("scope-explorer").shadowRoot?.querySelector('[data-ready="true"]'));
          const taken = await eventually(async () => {
            const now = await top();
            await page.waitForTimeout(200);
            assert.equal(await top(), now, "the view has settled");
            return now;
          });
          const moved = Math.abs(kept - taken) / taken;
          assert.ok(moved <= 0.1, `${width} px, controls=${choice}: the paragraph after the view was at ${kept} px before it arrived, at ${taken} px after`);
          // The host page is on its own origin; nothing else may be.
          problems.crossOrigin = problems.crossOrigin.filter((line) => !line.startsWith(`GET ${hostUrl}`));
          assertClean(problems);
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    server.close();
  }
});
