// Dark mode and colour contrast: both palettes of www/style.css meet WCAG AA
// for every pair of colours the page puts together (a script over the CSS
// custom properties), and the page follows prefers-color-scheme (dark-mode
// screenshots at desktop and phone widths).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertClean, gotoExplorer, launchBrowser, openPage, screenshotPath, TEST_TIMEOUT_MS } from "./helpers.mjs";

const CSS = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../../www/style.css"), "utf8");

/** The custom properties (`--name: #rrggbb`) declared in a block of CSS. */
function properties(block) {
  const found = {};
  for (const [, name, value] of block.matchAll(/--([a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;/g)) found[name] = value;
  return found;
}

/** The light palette (the first `:root, :host` block) and the dark one. */
function palettes() {
  const light = properties(CSS.slice(0, CSS.indexOf("}")));
  const darkAt = CSS.indexOf("@media (prefers-color-scheme: dark)");
  assert.ok(darkAt >= 0, "style.css has a dark palette");
  const open = CSS.indexOf("{", CSS.indexOf(":root", darkAt));
  const dark = properties(CSS.slice(open, CSS.indexOf("}", open)));
  return { light, dark };
}

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// Text on its backgrounds needs 4.5:1; markers, lines and the focus ring
// (non-text graphics) 3:1 (WCAG 2.1, 1.4.3 and 1.4.11).
const TEXT = [
  ["ink", "bg"], ["ink", "panel"], ["ink", "notice-bg"], ["ink", "error-bg"],
  ["muted", "bg"], ["muted", "panel"],
  // The cards' lab names (links) on the cards' panel.
  ["focus", "panel"], ["focus", "bg"],
  ["both", "bg"], ["us-only", "bg"], ["eu-only", "bg"], ["neither", "bg"], ["undetermined", "bg"],
  ["error", "bg"], ["error", "panel"],
];
const GRAPHICS = [
  ["focus", "bg"], ["focus", "panel"],
  // The selection ring on its halo; the tooltip's frame is --line on --panel, its text --ink.
  ["ink", "bg"], ["ink", "panel"],
  ["both", "zone"], ["us-only", "zone"], ["eu-only", "zone"],
];

test("both palettes meet WCAG AA for every colour pair the page uses", () => {
  const { light, dark } = palettes();
  const failures = [];
  for (const [scheme, palette] of Object.entries({ light, dark })) {
    for (const [pairs, minimum] of [[TEXT, 4.5], [GRAPHICS, 3]]) {
      for (const [fg, bg] of pairs) {
        assert.ok(palette[fg] && palette[bg], `${scheme}: --${fg} and --${bg} are declared`);
        const ratio = contrast(palette[fg], palette[bg]);
        if (ratio < minimum) failures.push(`${scheme}: --${fg} on --${bg} is ${ratio.toFixed(2)}:1, under ${minimum}:1`);
      }
    }
    // The selection ring (dashed --ink on a --bg halo) and the picked row's
    // outline (--ink) must not read as a category: none of their colours.
    for (const category of ["both", "us-only", "eu-only", "neither", "undetermined"]) {
      for (const neutral of ["ink", "bg"]) {
        if (palette[neutral] === palette[category]) {
          failures.push(`${scheme}: the selection ring's --${neutral} is --${category}'s colour`);
        }
      }
    }
    // Every property of one palette has its counterpart in the other.
    assert.deepEqual(Object.keys(light).sort(), Object.keys(palette).sort(), `${scheme} declares the same roles`);
  }
  assert.deepEqual(failures, []);
  // The check can fail: a grey on white is caught.
  assert.ok(contrast("#999999", "#ffffff") < 4.5);
});

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test(`dark mode follows the system setting (${viewport.width} px)`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const { context, page, problems } = await openPage(browser, { viewport, colorScheme: "dark" });
    try {
      await gotoExplorer(page);
      const { background, ink } = await page.evaluate(() => ({
        background: getComputedStyle(document.body).backgroundColor,
        ink: getComputedStyle(document.querySelector(".headline")).color,
      }));
      const { dark } = palettes();
      const rgb = (hex) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
      assert.equal(background, rgb(dark.bg));
      assert.equal(ink, rgb(dark.ink));
      await page.screenshot({ path: screenshotPath(`explorer-dark-${viewport.width}.png`) });
      assertClean(problems);
    } finally {
      await context.close();
    }
  });
}
