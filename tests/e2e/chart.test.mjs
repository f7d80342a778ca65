// End-to-end tests of the chart: "Download chart" saves a standalone SVG and
// a PNG with the title, the scenario and the source line inside; clicking a
// marker brings its table row into view; on a 360 px phone the chart opens
// on the recent years and its y axis stays while the plot scrolls; the
// tooltip stays in the window; the selection ring follows the dark palette.
//
// The chart's contract, as these tests use it:
//   svg#chart .markers path[data-i]      a marker per catalog model (visibility)
//   #chart-details                        the tooltip at the selected marker
//   #chart .selection-ring .ring          the ring on the selected marker
//   #download-chart-svg, #download-chart-png
//   .chart-wrap (scrolls sideways), .chart-axis (the phone's fixed y axis)
//   #models-table tr[data-picked]         the row of the model picked in the chart
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";

import { assertClean, gotoExplorer, launchBrowser, openPage, screenshotPath, TEST_TIMEOUT_MS } from "./helpers.mjs";

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A test with a fresh page that must stay clean (no console error, no failed or foreign request). */
function chartTest(name, options, body) {
  test(name, { timeout: TEST_TIMEOUT_MS }, async () => {
    const { context, page, problems } = await openPage(browser, { acceptDownloads: true, ...options });
    try {
      await body(page);
      assertClean(problems);
    } catch (error) {
      await page.screenshot({ path: screenshotPath(`failed-chart-${Date.now()}.png`), fullPage: true }).catch(() => {});
      throw error;
    } finally {
      await context.close().catch(() => {});
    }
  });
}

/** Clicks a download button; returns the download's suggested name and bytes. */
async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

chartTest("download chart: a standalone SVG and a PNG, with title, scenario and source line", {}, async (page) => {
  await gotoExplorer(page, "?us_flop=3e25");
  const svg = await download(page, "#download-chart-svg");
  // Named as the table's CSV is: the as-of date and the US threshold.
  assert.match(svg.name, /^scope-explorer-chart-\d{4}-\d{2}-\d{2}-us-3\.0e25-flop\.svg$/);
  const text = svg.bytes.toString("utf8");
  assert.match(text, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  // The title is the answer: each regime's labs and models, as the cards say.
  assert.match(text, /font-weight="700"[^>]*>US candidate definition: (about )?\d+ labs?, \d+ models?\./, "the title");
  assert.ok(text.includes(">Scope explorer: models by date and training compute.</text>"), "what the plot is");
  assert.ok(text.includes("Source: Epoch AI, \u201cData on AI Models\u201d (CC BY 4.0), snapshot of "), "the source line");
  assert.ok(text.includes("US compute threshold: 3 \u00d7 10\u00b2\u2075 FLOP"), "every setting in words");
  assert.ok(text.includes(">US candidate definition: More than 3 \u00d7 10\u00b2\u2075 FLOP of training compute"), "the US definition as its card says it");
  assert.ok(text.includes("US definition: "), "the counts");
  // The axes' titles, and the threshold labels with their unit.
  assert.ok(text.includes(">Training compute (FLOP, log scale)</text>"), "the y axis's title");
  assert.ok(text.includes(">Publication date</text>"), "the x axis's title");
  assert.ok(text.includes(">3 \u00d7 10\u00b2\u2075 FLOP</tspan>"), "the US label's figure and unit");
  assert.ok(text.includes(">1 \u00d7 10\u00b2\u2075 FLOP</tspan>"), "the EU label's figure and unit");
  assert.ok(!text.includes("No US line"), "a definition with a compute test has its line");
  // Standalone: the page's stylesheet does not travel with the file.
  assert.ok(!text.includes("var(--"), "no CSS variable is left");
  assert.ok(!/\sclass="/.test(text), "no class is left to style");
  assert.match(text, /<path[^>]* fill="rgb\(/, "markers carry their colours");
  // A parser reads it as SVG, with the chart's markers inside.
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute("width")),
      height: Number(doc.documentElement.getAttribute("height")),
      paths: doc.querySelectorAll("svg svg path").length,
      texts: [...doc.documentElement.children].filter((e) => e.localName === "text").map((e) => e.textContent),
    };
  }, text);
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, "svg");
  assert.equal(parsed.width, 720);
  assert.ok(parsed.height > 380 + 100, `room for the texts: ${parsed.height}`);
  assert.ok(parsed.paths > 100, `the markers are in the picture: ${parsed.paths}`);
  // The view's link, in lines broken only between its parameters: together
  // they are the page's own address.
  const at = parsed.texts.findIndex((t) => t.startsWith("This view: "));
  assert.ok(at >= 0, "the link is in the picture");
  const link = parsed.texts.slice(at);
  assert.ok(link.length > 1, `a link of several lines: ${JSON.stringify(link)}`);
  assert.ok(link.slice(1).every((line) => line.startsWith("&")), `broken before '&' only: ${JSON.stringify(link)}`);
  assert.equal(link.join("").replace(/^This view: /, ""), page.url());

  const png = await download(page, "#download-chart-png");
  assert.match(png.name, /^scope-explorer-chart-\d{4}-\d{2}-\d{2}-us-3\.0e25-flop\.png$/);
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "the PNG signature");
  // IHDR: the picture at twice its size.
  assert.equal(png.bytes.readUInt32BE(16), 2 * parsed.width);
  assert.equal(png.bytes.readUInt32BE(20), 2 * parsed.height);
  assert.ok(png.bytes.length > 30_000, `a drawn picture, not a blank one: ${png.bytes.length} bytes`);
});

chartTest("download chart: with the table filtered, the picture's link carries the filter its highlight shows", {}, async (page) => {
  await gotoExplorer(page, "?us_flop=1e26&tbl_lab=OpenAI");
  const svg = await download(page, "#download-chart-svg");
  const text = svg.bytes.toString("utf8");
  assert.ok(text.includes("Table filter \u201cOpenAI\u201d"), "the highlight's note is in the picture");
  const texts = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    return [...doc.documentElement.children].filter((e) => e.localName === "text").map((e) => e.textContent);
  }, text);
  const at = texts.findIndex((t) => t.startsWith("This view: "));
  const link = texts.slice(at).join("").replace(/^This view: /, "");
  assert.ok(link.endsWith("&tbl_lab=OpenAI"), link);
  // Opened, the link shows the same filter.
  await gotoExplorer(page, link.replace(/^https?:\/\/[^/]+\//, ""));
  assert.equal(await page.locator(".chart").getByText("Table filter \u201cOpenAI\u201d", { exact: false }).count(), 1);
});

chartTest("the sensitivity curve's figures download as CSV, the current threshold's row matching the cards", {}, async (page) => {
  await gotoExplorer(page, "?us_flop=1e26&as_of=2026-08-08");
  const file = await download(page, "#download-curve");
  assert.match(file.name, /^scope-explorer-curve-2026-08-08-us-1\.0e26-flop\.csv$/);
  const lines = file.bytes.toString("utf8").trim().split("\n");
  assert.equal(lines[0], "us_compute_threshold_flop,models_in,models_low,models_high,developers_in,developers_low,developers_high,models_undetermined,scenario_link,source");
  assert.equal(lines.length, 1 + 61);
  const row = lines.find((line) => line.startsWith("1e26,")).split(",");
  // The cards say the same at 10^26: labs and models.
  const card = (await page.locator(".card").first().textContent()).replace(/\s+/g, "");
  assert.ok(card.includes(`about${row[4]}lab`) && card.includes(`lab${row[4] === "1" ? "" : "s"}${row[1]}model`), `${row.join(",")} vs ${card}`);
  assert.ok(card.includes(`range${row[5]}\u2013${row[6]}labs,${row[2]}\u2013${row[3]}models;${row[7]}models`), `${row.join(",")} vs ${card}`);
  assert.ok(row.slice(8).join(",").includes(page.url()), "the view's link on every row");
});

chartTest("download chart: a capability-only US definition has no US line, in the picture as on the page", {}, async (page) => {
  await gotoExplorer(page, "?preset=narrow");
  const note = page.locator(".chart .chart-note");
  assert.ok(await note.isVisible(), "the page says why there is no US line");
  assert.match((await note.textContent()) ?? "", /no compute threshold/);
  assert.equal(await page.locator("#chart .line-us").getAttribute("visibility"), "hidden");
  const svg = await download(page, "#download-chart-svg");
  const text = svg.bytes.toString("utf8");
  const parsed = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, "image/svg+xml");
    return {
      texts: [...doc.documentElement.children].filter((e) => e.localName === "text").map((e) => e.textContent),
      labels: [...doc.querySelectorAll("svg svg text")].map((e) => e.textContent),
    };
  }, text);
  assert.ok(parsed.texts.some((t) => t.startsWith("No US line: ")), `the picture says why: ${JSON.stringify(parsed.texts)}`);
  assert.ok(!parsed.labels.some((t) => t.startsWith("US")), `no US label: ${JSON.stringify(parsed.labels)}`);
  assert.ok(parsed.labels.some((t) => t.startsWith("EU systemic")), "the EU labels stay");
});

chartTest("clicking a marker scrolls to its table row, outlined and focused", {}, async (page) => {
  await gotoExplorer(page);
  await page.locator("#chart").scrollIntoViewIfNeeded();
  // A marker that is on top where it is drawn, so the click lands on it.
  const target = await page.evaluate(() => {
    for (const marker of [...document.querySelectorAll('#chart .markers path[visibility="visible"]')].reverse()) {
      const r = marker.getBoundingClientRect();
      const [x, y] = [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
      if (y > 0 && y < innerHeight && document.elementFromPoint(x, y) === marker) {
        return { x, y, index: Number(marker.dataset.i) };
      }
    }
    return null;
  });
  assert.ok(target, "a marker can be clicked");
  await page.mouse.click(target.x, target.y);
  const tip = (await page.locator("#chart-details").textContent()) ?? "";
  const picked = page.locator("#models-table tbody tr[data-picked]");
  await picked.waitFor();
  assert.equal(await picked.count(), 1);
  const name = await picked.locator("th").evaluate((th) => th.firstChild.textContent);
  assert.ok(tip.startsWith(`${name} (`), `the row ${JSON.stringify(name)} is the clicked model's: ${tip.slice(0, 80)}`);
  const selected = await page.locator("#chart .markers [data-selected]").getAttribute("data-i");
  assert.equal(Number(selected), target.index);
  // In the window, with keyboard focus on its heading.
  const box = await picked.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + Math.min(box.height, 50) <= 900, `the row is in view: ${JSON.stringify(box)}`);
  assert.ok(await picked.locator("th").evaluate((th) => document.activeElement === th), "focus on the row's heading");
  assert.equal(await picked.evaluate((tr) => getComputedStyle(tr).outlineStyle), "dashed");
  await page.screenshot({ path: screenshotPath("chart-picked-row.png") });
});

chartTest("phone: the chart opens on the recent years and its y axis stays while it scrolls", PHONE, async (page) => {
  await gotoExplorer(page);
  const wrap = page.locator(".chart .chart-wrap");
  await wrap.scrollIntoViewIfNeeded();
  const scroll = () =>
    wrap.evaluate((w) => ({ left: w.scrollLeft, max: w.scrollWidth - w.clientWidth, width: w.clientWidth }));
  const opened = await scroll();
  assert.ok(opened.max > 0, `the plot scrolls sideways at 360 px: ${JSON.stringify(opened)}`);
  assert.ok(Math.abs(opened.left - opened.max) <= 1, `opened at the right end: ${JSON.stringify(opened)}`);
  // The latest year's label is in view.
  const years = await page.locator("#chart .grid text").evaluateAll((texts) =>
    texts.filter((t) => /^\d{4}$/.test(t.textContent)).map((t) => ({ year: Number(t.textContent), right: t.getBoundingClientRect().right })),
  );
  const latest = years.reduce((a, b) => (b.year > a.year ? b : a));
  assert.ok(latest.right <= 360, `the latest year ${latest.year} is in view (right edge ${latest.right})`);
  await page.screenshot({ path: screenshotPath("chart-phone-open.png") });

  // The fixed axis: its labels at the window's left whatever the scroll.
  const axisLabels = () =>
    page.locator(".chart-axis text").evaluateAll((texts) =>
      texts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: Math.round(r.left), top: Math.round(r.top), width: r.width };
      }),
    );
  const atEnd = await axisLabels();
  assert.ok(atEnd.some((l) => l.text === "10²⁸") && atEnd.some((l) => l.text === "10²¹"), JSON.stringify(atEnd));
  assert.ok(atEnd.every((l) => l.width > 0 && l.left >= 0 && l.left < 80), `the axis is drawn at the left: ${JSON.stringify(atEnd)}`);
  await wrap.evaluate((w) => {
    w.scrollLeft = w.scrollWidth / 3;
  });
  assert.deepEqual(await axisLabels(), atEnd, "the axis labels do not move with the plot");
  // It covers the plot's own labels: the plot passes under it.
  const cover = await page.locator(".chart-axis rect").evaluate((r) => getComputedStyle(r).fill);
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(cover, bg);
  await page.screenshot({ path: screenshotPath("chart-phone-scrolled.png") });

  // The tooltip of a marker at the right stays in the window.
  await page.locator("#chart").focus();
  await page.keyboard.press("End");
  const tip = page.locator("#chart-details");
  await tip.waitFor();
  const box = await tip.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 360, `the tooltip fits the window: ${JSON.stringify(box)}`);
  await page.screenshot({ path: screenshotPath("chart-phone-tooltip.png") });
  const { scrollWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth }));
  assert.ok(scrollWidth <= 361, `the page does not scroll sideways: ${scrollWidth}`);
});

chartTest("dark mode: the selection ring is the dark ink on a halo of the background", { colorScheme: "dark" }, async (page) => {
  await gotoExplorer(page);
  await page.locator("#chart").focus();
  await page.keyboard.press("End");
  const colours = await page.evaluate(() => {
    const stroke = (selector) => getComputedStyle(document.querySelector(selector)).stroke;
    const categories = [...document.querySelectorAll(".chart .legend li:not(.est-key) path")].map(
      (p) => getComputedStyle(p).stroke,
    );
    return {
      ring: stroke("#chart .selection-ring .ring"),
      halo: stroke("#chart .selection-ring .ring-halo"),
      ink: getComputedStyle(document.body).color,
      bg: getComputedStyle(document.body).backgroundColor,
      categories,
    };
  });
  assert.equal(colours.ring, colours.ink);
  assert.equal(colours.halo, colours.bg);
  assert.equal(colours.categories.length, 5);
  for (const colour of colours.categories) {
    assert.notEqual(colour, colours.ring, "the ring is no category's colour");
  }
  const shot = screenshotPath("chart-dark-selected.png");
  await page.locator(".chart").screenshot({ path: shot });
  assert.ok(statSync(shot).size > 0);
});
