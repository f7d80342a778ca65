// End-to-end tests of the sections below the explorer: check a model (filled
// by keyboard, its verdicts equal to the wasm API's, reloaded from the URL),
// the timeline and the projection, with screenshots at 1280 and 360 px.
//
// The sections' contract, as these tests use it:
//   section.check form.check-form       the form; inputs carry data-field="compute.tokens", ...
//   [data-method="parameters"]           the compute method radios
//   [data-output="text"]                 what it generates (checkboxes)
//   [data-error-for="eci"]               a field's message, beside it
//   .check-verdicts tbody tr             one row per scenario: your scenario, then each preset
//   td[data-col="us"], td[data-col="eu"] the verdicts; td[data-rule="cumulative"], ... for fine-tunes
//   .timeline-details                    the timeline's <details>; .timeline-summary
//   .projection-chart, .projection-table td[data-year="2030"][data-col="us"]
//   the checked model lives in the URL as chk_* parameters, the projection as proj_*
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";

import { assertClean, gotoExplorer, launchBrowser, openPage, screenshotPath, TEST_TIMEOUT_MS } from "./helpers.mjs";

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function withPage(options, body) {
  const { context, page, problems } = await openPage(browser, options);
  try {
    await body(page);
    assertClean(problems);
  } catch (error) {
    await page.screenshot({ path: screenshotPath(`failed-sections-${Date.now()}.png`), fullPage: true }).catch(() => {});
    throw error;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Focuses a field and types into it by keyboard. */
async function typeInto(page, field, text) {
  await page.focus(`.check-form [data-field="${field}"]`);
  await page.keyboard.type(text);
}

/** The verdict table as the page shows it: [[scenario, us, eu], ...]. */
function shownVerdicts(page) {
  return page.locator(".check-verdicts tbody tr").evaluateAll((rows) =>
    rows.map((r) => [
      r.querySelector("th").textContent,
      r.querySelector('td[data-col="us"]').textContent,
      r.querySelector('td[data-col="eu"]').textContent,
    ]),
  );
}

/** What the wasm API's Explorer.check gives for the same model and the page's scenario. */
function apiVerdicts(page, input) {
  return page.evaluate(async (input) => {
    const mod = await import(new URL("./pkg/scope_explorer.js", document.baseURI).href);
    await mod.default();
    const explorer = new mod.Explorer();
    try {
      const scenario = explorer.scenarioFromQuery(location.search);
      const report = explorer.check(input, scenario);
      const rows = [report.current, ...report.presets].map((s) => [s.name, s.us_words, s.eu_words]);
      const rules = Object.fromEntries(report.derivative.us_rules.map((r) => [r.rule, r.status]));
      return { rows, rules, eu: report.derivative.eu_new_model };
    } finally {
      explorer.free?.();
    }
  }, input);
}

test("check a model by keyboard: the issue's fine-tune of Llama 3.1-405B; the API agrees; a reload from the URL restores it", { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage({}, async (page) => {
    await gotoExplorer(page);
    await typeInto(page, "name", "Our model");
    // The method by keyboard: focus the first radio, arrow to the second.
    await page.focus('.check-form [data-method="flop"]');
    await page.keyboard.press("ArrowDown");
    assert.equal(await page.locator('[data-method="parameters"]').isChecked(), true);
    // 6 × 405B × 17.7T = 4.3e25: the base's 3.8e25 plus the fine-tune's own 5e24.
    await typeInto(page, "compute.parameters", "405B");
    await typeInto(page, "compute.tokens", "17.7T");
    await typeInto(page, "publication_date", "2026-09-01");
    await page.focus('[data-output="text"]');
    await page.keyboard.press("Space");
    await typeInto(page, "base_model", "Llama 3.1-405B");
    await typeInto(page, "finetune_flop", "5e24");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".check-verdicts tbody tr");
    const computed = await page.locator(".check-computed").textContent();
    assert.match(computed, /4\.301 × 10²⁵ FLOP/);
    assert.match(await page.locator(".check-compute").textContent(), /the total you gave, which agrees with Llama 3\.1-405B's/);
    const shown = await shownVerdicts(page);
    const api = await apiVerdicts(page, {
      name: "Our model",
      compute: { method: "parameters", parameters: 405e9, tokens: 17.7e12 },
      publication_date: "2026-09-01",
      generates: ["text"],
      base_model: "Llama 3.1-405B",
      finetune_flop: 5e24,
    });
    assert.deepEqual(shown, api.rows);
    assert.equal(shown.length, 8, "your scenario and seven presets");
    for (const [rule, status] of Object.entries(api.rules)) {
      assert.equal(await page.locator(`td[data-rule="${rule}"]`).textContent(), status, rule);
    }
    assert.equal(api.eu, "fail", "5e24 of 3.8e25 is not more than one third");
    assert.match(await page.locator(".check-eu-derivative").textContent(), /no new model/);
    assert.match(await page.locator(".check-reach").textContent(), /threshold below/);
    // The chart marks it.
    assert.equal(await page.locator(".checked-model").getAttribute("visibility"), "visible");
    const url = page.url();
    const params = new URL(url).searchParams;
    assert.equal(params.get("chk_params"), "405B");
    assert.equal(params.get("chk_base"), "Llama 3.1-405B");
    await page.locator("section.check").screenshot({ path: screenshotPath("check-results-desktop.png") });

    await page.reload({ waitUntil: "load" });
    await page.waitForSelector(".check-verdicts tbody tr");
    assert.equal(await page.locator('.check-form [data-field="compute.tokens"]').inputValue(), "17.7T");
    assert.deepEqual(await shownVerdicts(page), api.rows);
  });
});

test("a bad field shows its message beside it and keeps every field typed", { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage({}, async (page) => {
    await gotoExplorer(page);
    await typeInto(page, "compute.flop", "3e25");
    await typeInto(page, "publication_date", "2026-13-01");
    await typeInto(page, "eci", "400");
    await page.focus('[data-output="text"]');
    await page.keyboard.press("Space");
    await page.keyboard.press("Enter");
    const message = page.locator('[data-error-for="publication_date"]');
    await message.waitFor({ state: "visible" });
    assert.match(await message.textContent(), /ISO date/);
    assert.match(await page.locator('[data-error-for="eci"]').textContent(), /0 to 300 ECI points/);
    assert.equal(await page.locator('[data-error-for="compute.flop"]').isVisible(), false);
    assert.equal(await page.locator('.check-form [data-field="compute.flop"]').inputValue(), "3e25");
    assert.equal(await page.locator('.check-form [data-field="eci"]').inputValue(), "400");
    assert.equal(await page.locator('.check-form [data-field="publication_date"]').getAttribute("aria-invalid"), "true");
    assert.equal(await page.locator(".check-verdicts").count(), 0);
  });
});

test("on a phone (390 px) both verdicts show without sideways scrolling, and a long error wraps", { timeout: TEST_TIMEOUT_MS }, async () => {
  const options = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  await withPage(options, async (page) => {
    await gotoExplorer(page, "?chk_name=OurFT&chk_method=flop&chk_date=2026-03-01&chk_gen=text&chk_base=Llama+3.1-405B&chk_ft=2e24");
    await page.waitForSelector(".check-verdicts tbody tr");
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok((await width()) <= 391, `scrollWidth ${await width()} at 390 px`);
    // Every verdict and reason cell is inside the screen, and says which regime it is.
    const cells = await page.locator(".check-verdicts tbody td").evaluateAll((tds) =>
      tds.map((td) => {
        const box = td.getBoundingClientRect();
        return { left: box.left, right: box.right, label: getComputedStyle(td, "::before").content };
      }),
    );
    assert.ok(cells.length >= 32);
    for (const cell of cells) {
      assert.ok(cell.left >= 0 && cell.right <= 390, JSON.stringify(cell));
      assert.match(cell.label, /^"(US|Why \(US\)|EU|Why \(EU\))"$/);
    }
    const caption = await page.locator(".check-verdicts caption").boundingBox();
    assert.ok(caption.x >= 0 && caption.x + caption.width <= 390, JSON.stringify(caption));
    await page.locator(".check-results").screenshot({ path: screenshotPath("check-results-phone.png") });

    await gotoExplorer(page, "?chk_method=flop&chk_flop=1e40&chk_date=2026-03-01&chk_gen=text");
    const message = page.locator('[data-error-for="compute.flop"]');
    await message.waitFor({ state: "visible" });
    assert.match(await message.textContent(), /got 1e40$/);
    assert.ok((await width()) <= 391, `scrollWidth ${await width()} with the error`);
  });
});

for (const viewport of [{ width: 1280, height: 900, name: "desktop" }, { width: 360, height: 740, name: "phone" }]) {
  test(`screenshots of the form, the timeline and the projection (${viewport.width} px)`, { timeout: TEST_TIMEOUT_MS }, async () => {
    const options = { viewport: { width: viewport.width, height: viewport.height } };
    if (viewport.width < 400) Object.assign(options, { isMobile: true, hasTouch: true });
    await withPage(options, async (page) => {
      await gotoExplorer(
        page,
        "?chk_name=Ours&chk_method=hardware&chk_chip=h100_sxm&chk_chips=10000&chk_days=90&chk_util=40&chk_date=2026-10-01&chk_gen=text",
      );
      await page.waitForSelector(".check-verdicts tbody tr");
      assert.match(await page.locator(".check-computed").textContent(), /3\.08 × 10²⁵ FLOP/);
      await page.locator(".timeline-details > summary").click();
      await page.waitForFunction(() => document.querySelector(".timeline-summary")?.textContent.length > 0);
      await page.locator("section.check").screenshot({ path: screenshotPath(`check-form-${viewport.name}.png`) });
      await page.locator("section.timeline").screenshot({ path: screenshotPath(`timeline-${viewport.name}.png`) });
      await page.locator("section.projection").screenshot({ path: screenshotPath(`projection-${viewport.name}.png`) });
      for (const name of ["check-form", "timeline", "projection"]) {
        assert.ok(statSync(screenshotPath(`${name}-${viewport.name}.png`)).size > 0);
      }
      const projected = await page.locator('.projection-table td[data-year="2030"][data-col="us"]').textContent();
      assert.match(projected, /^\d+ \(\d+–\d+\)$/);
      assert.match(await page.locator(".projection-chart").textContent(), /PROJECTION \(not data\)/);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= viewport.width + 1, `scrollWidth ${scrollWidth} at ${viewport.width} px`);
    });
  });
}

test("check a model: 'Copy these results as text' copies what the results show, with the link that restores the check", { timeout: TEST_TIMEOUT_MS }, async () => {
  await withPage({}, async (page) => {
    await gotoExplorer(page, "?chk_name=Acme-FT&chk_method=flop&chk_date=2026-10-01&chk_gen=text&chk_base=Llama+3.1-405B&chk_ft=2e25");
    await page.waitForSelector(".check-verdicts tbody tr");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin });
    await page.getByRole("button", { name: "Copy these results as text" }).click();
    await page.locator(".check-copy .copy-status", { hasText: "Copied the results." }).waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    const lines = text.trim().split("\n");
    assert.equal(lines[0], "Acme-FT: the verdicts");
    // Each row of the verdicts' table, in its words.
    const rows = await page.locator(".check-verdicts tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]),
    );
    for (const [name, us, usWhy, eu, euWhy] of rows) {
      assert.ok(lines.includes(`- ${name}. US: ${us}: ${usWhy}. EU AI Act: ${eu}: ${euWhy}.`), `${name}: ${text}`);
    }
    assert.ok(text.includes("As a fine-tune of Llama 3.1-405B:"), text);
    // The link restores the check: opened, it shows the same verdicts.
    const link = lines.find((l) => l.startsWith("This check: ")).slice("This check: ".length);
    assert.ok(link.includes("chk_ft=2e25"), link);
    await page.goto(link);
    await page.waitForSelector(".check-verdicts tbody tr");
    const again = await page.locator(".check-verdicts tbody tr").evaluateAll((trs) =>
      trs.map((tr) => [tr.querySelector("th").textContent, ...[...tr.querySelectorAll("td")].map((td) => td.textContent)]),
    );
    assert.deepEqual(again, rows);
  });
});
