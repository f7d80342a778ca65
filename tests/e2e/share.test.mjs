// End-to-end tests of "Share or embed this view" on the full page: opened
// from "Embed in an article" on a phone, its heading shows below the sticky
// summary bar.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";

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
