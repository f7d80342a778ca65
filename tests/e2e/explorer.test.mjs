// End-to-end tests of the explorer page (www/index.html) in headless Chromium.
// Run with `bash scripts/e2e.sh` (see tests/e2e/helpers.mjs for the settings).
//
// The page's contract, as these tests use it:
//   #explorer[data-ready="true"]        the explorer is mounted and rendered
//   #us-compute                         <input type=range>, log10 of the US compute
//                                       threshold (22..28, step 0.05), aria-valuetext
//                                       like "3.2 × 10²⁵ FLOP"; #us-compute-value
//                                       shows the same text
//   #preset / #preset-match             preset <select>; which preset the state matches
//   [data-count="models.both"], ...     the overlap counts (models. and developers.)
//   #delta                              the change since the last move
//   #models-table tbody tr              one row per model; filtered-out rows `hidden`
//   #filter                             text filter by name or developer
//   #notice / #notice-dismiss           bad or unknown URL parameters, listed
//   #announce                           aria-live="polite" region
//   #download-csv, svg#chart, svg#sensitivity
//   the state lives in the query string (us_flop=..., ...), kept by replaceState
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";

import {
  apiSummary,
  assertClean,
  eventually,
  gotoExplorer,
  launchBrowser,
  openPage,
  screenshotPath,
  shownCounts,
  slug,
  TEST_TIMEOUT_MS,
  urlOf,
  visibleRows,
  waitReady,
  waitUrlChange,
} from "./helpers.mjs";

const PRESET_IDS = ["eu-ai-act", "eo14110", "sb53", "raise", "sb1047", "narrow", "broad"];
const SLIDER = { min: 22, max: 28, step: 0.05 };

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * A test with a fresh page (and any further pages it opens with `open`);
 * at its end, none of its pages may have logged a console error, thrown, had
 * a request fail or sent a request to another origin. A failing test leaves a
 * screenshot of its first page in the screenshot folder.
 */
function e2e(name, body, contextOptions = {}) {
  test(name, { timeout: TEST_TIMEOUT_MS }, async () => {
    const opened = [];
    const open = async (options = {}) => {
      const handle = await openPage(browser, options);
      opened.push(handle);
      return handle;
    };
    const { page, problems } = await open(contextOptions);
    try {
      await body({ page, problems, open });
      for (const { problems } of opened) assertClean(problems);
    } catch (error) {
      await page
        .screenshot({ path: screenshotPath(`failed-${slug(name)}.png`), fullPage: true })
        .catch(() => {});
      const recorded = opened.flatMap(({ problems }) =>
        Object.entries(problems).flatMap(([kind, list]) => list.map((item) => `${kind}: ${item}`)),
      );
      if (recorded.length > 0 && error instanceof Error && !error.message.startsWith("the page was not clean")) {
        error.message += `\n(the page also recorded:\n  ${recorded.join("\n  ")})`;
      }
      throw error;
    } finally {
      for (const { context } of opened) await context.close().catch(() => {});
    }
  });
}

/** The US compute slider as the page shows it. */
function sliderState(page) {
  return page.locator("#us-compute").evaluate((input) => ({
    type: input.type,
    value: Number(input.value),
    min: Number(input.min),
    max: Number(input.max),
    step: Number(input.step),
    valuetext: input.getAttribute("aria-valuetext"),
    shown: document.getElementById("us-compute-value")?.textContent.trim() ?? null,
  }));
}

/** The us_flop parameter of a URL, as a number (NaN when absent or not a number). */
function usFlopOf(url) {
  const raw = new URL(url).searchParams.get("us_flop");
  return raw === null ? NaN : Number(raw);
}

/** Parses "3.2 × 10²⁵ FLOP" (or "10²⁶ FLOP") into a number; NaN if it does not read so. */
function parseFlopText(text) {
  const m = /^(?:(\d+(?:\.\d+)?)\s*[×x]\s*)?10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*FLOP$/.exec(text ?? "");
  if (!m) return NaN;
  const exponent = [...m[2]].map((c) => "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)).join("");
  return Number(m[1] ?? 1) * 10 ** Number(exponent);
}

/**
 * Checks that the slider, its texts, the URL and the counts agree: the text
 * reads like "3.2 × 10²⁵ FLOP" and matches the value; #us-compute-value
 * shows the same text; the URL's us_flop is 10^value (to half a step); the
 * shown counts equal what the API computes for the URL's scenario. A page
 * that has not moved yet may have no us_flop in its URL (`urlOptional`).
 */
async function assertConsistent(page, { urlOptional = false } = {}) {
  const state = await sliderState(page);
  const fromText = parseFlopText(state.valuetext);
  assert.ok(
    Number.isFinite(fromText),
    `#us-compute aria-valuetext ${JSON.stringify(state.valuetext)} does not read like "3.2 × 10²⁵ FLOP"`,
  );
  assert.ok(
    Math.abs(Math.log10(fromText) - state.value) <= 0.03,
    `#us-compute aria-valuetext ${JSON.stringify(state.valuetext)} does not match its value ${state.value}`,
  );
  assert.equal(state.shown, state.valuetext, "#us-compute-value should show the slider's aria-valuetext");
  const hasFlop = new URL(page.url()).searchParams.has("us_flop");
  if (hasFlop || !urlOptional) {
    const flop = usFlopOf(page.url());
    assert.ok(
      Number.isFinite(flop) && Math.abs(Math.log10(flop) - state.value) <= SLIDER.step / 2 + 1e-9,
      `the URL's us_flop (${page.url()}) does not match the slider's value 10^${state.value}`,
    );
  }
  assert.deepEqual(await shownCounts(page), await apiSummary(page), "shown counts vs. the API's summary of the URL");
  return state;
}

// ---------------------------------------------------------------- 1
e2e("loads with no console error and no request to another origin; data-ready is set", async ({ page, problems }) => {
  const wasm = [];
  page.on("response", (response) => {
    if (response.url().endsWith(".wasm")) {
      wasm.push({ url: response.url(), status: response.status(), type: response.headers()["content-type"] });
    }
  });
  await page.goto(urlOf(""), { waitUntil: "load" });
  let notReady = null;
  try {
    await waitReady(page);
  } catch (error) {
    notReady = error;
  }
  await page.waitForLoadState("networkidle");
  // What the page did is checked first, whether or not it became ready.
  assert.equal(wasm.length, 1, `the page should fetch its wasm module once: ${JSON.stringify(wasm)}`);
  assert.equal(wasm[0].status, 200);
  assert.match(wasm[0].type ?? "", /^application\/wasm/);
  assertClean(problems);
  if (notReady) throw notReady;
});

// ---------------------------------------------------------------- 2
e2e("keyboard: arrows, End and Home move the US threshold; counts follow the API", async ({ page }) => {
  await gotoExplorer(page);
  const slider = page.locator("#us-compute");
  let state = await sliderState(page);
  assert.equal(state.type, "range");
  assert.deepEqual([state.min, state.max, state.step], [SLIDER.min, SLIDER.max, SLIDER.step]);
  await assertConsistent(page, { urlOptional: true });
  await slider.focus();

  const bursts = [
    { name: "20 × ArrowLeft", keys: Array(20).fill("ArrowLeft"), expect: (v) => Math.max(SLIDER.min, v - 20 * SLIDER.step) },
    { name: "End", keys: ["End"], expect: () => SLIDER.max },
    { name: "Home", keys: ["Home"], expect: () => SLIDER.min },
  ];
  for (const burst of bursts) {
    const previous = state;
    const previousUrl = page.url();
    for (const key of burst.keys) await page.keyboard.press(key);
    const expected = burst.expect(previous.value);
    state = await sliderState(page);
    assert.ok(
      Math.abs(state.value - expected) < 1e-6,
      `after ${burst.name} the slider's value is ${state.value}, expected ${expected}`,
    );
    if (Math.abs(expected - previous.value) > 1e-9) {
      await waitUrlChange(page, previousUrl);
      assert.notEqual(state.valuetext, previous.valuetext, `aria-valuetext should change after ${burst.name}`);
    }
    // The URL may be written after the last key (debounced): wait for it to settle.
    state = await eventually(() => assertConsistent(page));
  }
});

// ---------------------------------------------------------------- 3
e2e("mouse: dragging the US threshold thumb to a quarter of the track", async ({ page }) => {
  await gotoExplorer(page);
  const slider = page.locator("#us-compute");
  let state = await sliderState(page);
  const target = SLIDER.min + 0.25 * (SLIDER.max - SLIDER.min);
  if (Math.abs(state.value - target) < 1) {
    // Start away from the target so that the drag has to move it.
    const url = page.url();
    await slider.focus();
    await page.keyboard.press("End");
    await waitUrlChange(page, url);
    state = await eventually(() => assertConsistent(page));
  }
  const flopBefore = usFlopOf(page.url());
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  assert.ok(box && box.width > 50, `#us-compute should be a visible track: ${JSON.stringify(box)}`);
  // The thumb's centre runs from half a thumb in from each end; ~16 px thumbs.
  const inset = Math.min(8, box.width / 10);
  const xOf = (fraction) => box.x + inset + fraction * (box.width - 2 * inset);
  const y = box.y + box.height / 2;
  await page.mouse.move(xOf((state.value - state.min) / (state.max - state.min)), y);
  await page.mouse.down();
  await page.mouse.move(xOf(0.25), y, { steps: 12 });
  await page.mouse.up();

  const after = await sliderState(page);
  assert.ok(
    Math.abs(after.value - target) <= 0.4,
    `after the drag the slider's value is ${after.value}, expected about ${target}`,
  );
  await eventually(async () => {
    assert.notEqual(usFlopOf(page.url()), flopBefore, `the URL's us_flop should change from ${flopBefore}`);
    await assertConsistent(page);
  });
});

// ---------------------------------------------------------------- 4
e2e("reload from the URL restores the same state", async ({ page, open }) => {
  await gotoExplorer(page);
  // Move away from the default: a preset, then the slider.
  let url = page.url();
  await page.selectOption("#preset", "raise");
  await eventually(() => assert.notEqual(page.url(), url, "choosing a preset should update the URL"));
  url = page.url();
  await page.locator("#us-compute").focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press("ArrowLeft");
  await waitUrlChange(page, url);
  await eventually(() => assertConsistent(page));

  const saved = {
    url: page.url(),
    counts: await shownCounts(page),
    rows: await visibleRows(page).count(),
    slider: await page.locator("#us-compute").inputValue(),
  };
  assert.ok(saved.rows > 0, "the table should show some rows");

  const { page: fresh } = await open();
  await fresh.goto(saved.url, { waitUntil: "load" });
  await waitReady(fresh);
  const restored = {
    url: saved.url,
    counts: await shownCounts(fresh),
    rows: await visibleRows(fresh).count(),
    slider: await fresh.locator("#us-compute").inputValue(),
  };
  assert.deepEqual(restored, saved);
  await assertConsistent(fresh);
});

// ---------------------------------------------------------------- 4b
e2e("Back and Forward step through the changes of definition", async ({ page }) => {
  await gotoExplorer(page);
  const start = { url: page.url(), counts: await shownCounts(page), deriv: await page.locator("#us-derivatives").inputValue() };
  const entries = await page.evaluate(() => history.length);

  // A choice adds an entry; so does a preset.
  await page.selectOption("#us-derivatives", "exclude");
  await waitUrlChange(page, start.url);
  const excluded = { url: page.url(), counts: await shownCounts(page) };
  await page.selectOption("#preset", "broad");
  await waitUrlChange(page, excluded.url);
  const broad = { url: page.url(), counts: await shownCounts(page) };
  // A slider's moves add one entry, which its later moves replace.
  await page.locator("#us-compute").focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  let url = await waitUrlChange(page, broad.url);
  for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowRight");
  await waitUrlChange(page, url);
  const slid = { url: page.url(), counts: await shownCounts(page) };
  assert.equal(await page.evaluate(() => history.length), entries + 3, "three entries: the choice, the preset, the slider");

  // Back: the view before the slider (the preset), then the choice, then the start.
  await page.goBack();
  await eventually(async () => {
    assert.equal(page.url(), broad.url);
    assert.deepEqual(await shownCounts(page), broad.counts);
    await assertConsistent(page);
  });
  await page.goBack();
  await eventually(async () => {
    assert.equal(page.url(), excluded.url);
    assert.equal(await page.locator("#us-derivatives").inputValue(), "exclude");
    assert.deepEqual(await shownCounts(page), excluded.counts);
    await assertConsistent(page);
  });
  await page.goBack();
  await eventually(async () => {
    assert.equal(page.url(), start.url);
    assert.equal(await page.locator("#us-derivatives").inputValue(), start.deriv);
    assert.deepEqual(await shownCounts(page), start.counts);
  });
  // Forward three times: the preset with the slider's last position.
  for (let i = 0; i < 3; i++) await page.goForward();
  await eventually(async () => {
    assert.equal(page.url(), slid.url);
    assert.deepEqual(await shownCounts(page), slid.counts);
    await assertConsistent(page);
  });

  // A date typed in a field that still has focus: Back shows the date of
  // the entry it returns to, in the field too.
  const asOf = page.locator("#as-of");
  const before = { url: page.url(), date: await asOf.inputValue() };
  await asOf.focus();
  await asOf.fill("2025-06-01");
  url = await waitUrlChange(page, before.url);
  assert.ok(url.includes("as_of=2025-06-01"), url);
  await page.goBack();
  await eventually(async () => {
    assert.equal(page.url(), before.url);
    assert.equal(await asOf.inputValue(), before.date);
    assert.doesNotMatch(await page.locator(".iso-date").textContent(), /kept until/);
  });

  // A date typed by keyboard, part by part (month, day, year): the field
  // passes through whole dates on the way, yet it is one entry.
  const typedFrom = { url: page.url() };
  await asOf.focus();
  await page.keyboard.type("09012025", { delay: 30 });
  await eventually(async () => assert.match(page.url(), /[?&]as_of=2025-09-01(&|$)/));
  await page.evaluate(() => document.getElementById("explorer").dispatchEvent(new Event("scope-explorer-flush")));
  // One Back returns to the date before the typing, not to a part-typed one.
  await page.goBack();
  await eventually(async () => assert.equal(page.url(), typedFrom.url));
});

// ---------------------------------------------------------------- 4c
e2e("Changes in quick succession get an entry each, and Back at once undoes one", async ({ page }) => {
  await gotoExplorer(page);
  const entries = await page.evaluate(() => history.length);
  const slider = page.locator("#us-compute");
  const start = { deriv: await page.locator("#us-derivatives").inputValue(), slider: await slider.inputValue() };
  assert.notEqual(start.deriv, "exclude");

  // A choice, then at once a slider's step: two entries, without waiting
  // for the URL's pause (300 ms) between them.
  await page.selectOption("#us-derivatives", "exclude");
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.evaluate(() => history.length), entries + 2, "the choice and the slider's step");
  const moved = await slider.inputValue();
  assert.notEqual(moved, start.slider);

  // Back at once: the choice, with the slider where it was.
  await page.goBack();
  await eventually(async () => {
    assert.match(page.url(), /deriv=exclude/);
    assert.equal(await page.locator("#us-derivatives").inputValue(), "exclude");
    assert.equal(await slider.inputValue(), start.slider);
    await assertConsistent(page);
  });

  // A preset, and Back at once: the view before the preset.
  const before = page.url();
  await page.selectOption("#preset", "broad");
  await page.goBack();
  await eventually(async () => {
    assert.equal(page.url(), before);
    assert.equal(await page.locator("#us-derivatives").inputValue(), "exclude");
    await assertConsistent(page);
  });
});

// ---------------------------------------------------------------- 4d
e2e("keyboard: a button seen on focus skips past the table's rows", async ({ page }) => {
  await gotoExplorer(page);
  const stops = await page.locator("#models-table [tabindex='0']").count();
  assert.ok(stops > 50, `the table has ${stops} tab stops: the skip is worth having`);
  await page.locator("#download-csv").focus();
  await page.keyboard.press("Tab");
  const skip = await page.evaluate(() => {
    const e = document.activeElement;
    const box = e.getBoundingClientRect();
    return { text: e.textContent, width: box.width, height: box.height };
  });
  assert.equal(skip.text, "Skip past the table");
  assert.ok(skip.width > 20 && skip.height > 10, `seen on focus: ${JSON.stringify(skip)}`);
  await page.keyboard.press("Enter");
  const landed = await page.evaluate(() => {
    const e = document.activeElement;
    return { tag: e.tagName, text: e.textContent.trim().slice(0, 40), inTable: Boolean(e.closest("section.models")) };
  });
  assert.equal(landed.inTable, false, JSON.stringify(landed));
  assert.equal(landed.tag, "SUMMARY", JSON.stringify(landed));
  assert.match(landed.text, /^Share or embed this view/);
  // Unfocused, it takes no room.
  const hidden = await page.locator("section.models .skip").evaluate((e) => e.getBoundingClientRect().width);
  assert.ok(hidden <= 1, `hidden when not focused: ${hidden} px`);
});

// A change that moves no count (a date after the data's end) says so,
// where the change line had vanished as if nothing had been done.
e2e("a change that moves nothing says so", async ({ page }) => {
  await gotoExplorer(page);
  const delta = page.locator("#delta");
  assert.equal(await delta.getAttribute("class"), "delta unchanged", "nothing to say before a change");
  await page.locator("#as-of").fill("2030-01-01");
  await page.locator("#as-of").blur();
  await eventually(async () => {
    assert.equal(await delta.textContent(), "Since the last change: no count and no range moved.");
    assert.equal(await delta.getAttribute("class"), "delta");
    assert.equal(await delta.getAttribute("aria-hidden"), null);
  });
});

// The table's count is shown at every key but heard (its live region)
// once the typing pauses: a screen reader hears one count, not one a key.
e2e("typing in the table's filter is announced once it pauses", async ({ page }) => {
  await gotoExplorer(page);
  const heard = page.locator("#models-heard[role=status]");
  const before = await heard.textContent();
  // Record every text the live region takes while "OpenAI" is typed.
  await page.evaluate(() => {
    window.__heard = [];
    const region = document.getElementById("models-heard");
    new MutationObserver(() => window.__heard.push(region.textContent)).observe(region, {
      childList: true, characterData: true, subtree: true,
    });
  });
  await page.locator("#filter").pressSequentially("OpenAI", { delay: 40 });
  const shown = await page.locator("#models-shown").textContent();
  assert.match(shown, /^Showing \d+ of \d+ models/);
  await eventually(async () => assert.equal(await heard.textContent(), shown));
  const texts = await page.evaluate(() => window.__heard);
  assert.deepEqual(texts, [shown], `heard ${JSON.stringify(texts)} (before: ${before})`);
});

// ---------------------------------------------------------------- 4e
e2e("the table's filter and sort travel in the link", async ({ page, open }) => {
  await gotoExplorer(page);
  const before = page.url();
  await page.fill("#filter", "OpenAI");
  await page.locator("#models-table thead th").nth(3).locator("button").click();
  await waitUrlChange(page, before);
  await eventually(async () => {
    assert.match(page.url(), /[?&]tbl_q=OpenAI(&|$)/);
    assert.match(page.url(), /[?&]tbl_sort=compute(&|$)/);
  });
  const names = async (p) =>
    p.$$eval("#models-table tbody tr:not([hidden]) th", (ths) => ths.map((th) => th.firstChild.textContent));
  const saved = { status: await page.locator("#models-shown").textContent(), rows: await names(page) };
  assert.ok(saved.rows.length > 5 && saved.rows.length < 200, saved.status);
  // "Share this view" copies the same link.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(urlOf("")).origin });
  await page.click("#share-now");
  await eventually(async () => assert.match(await page.locator("#share-now-status").textContent(), /Copied the link/));
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.searchParams.get("tbl_q"), "OpenAI");
  assert.equal(copied.searchParams.get("tbl_sort"), "compute");
  assert.equal(await page.locator(".share textarea").first().inputValue(), copied.href);

  // Opened fresh, the link shows the same rows in the same order.
  const { page: fresh } = await open();
  await fresh.goto(page.url(), { waitUntil: "load" });
  await waitReady(fresh);
  assert.equal(await fresh.locator("#filter").inputValue(), "OpenAI");
  assert.equal(await fresh.locator("#models-table thead th").nth(3).getAttribute("aria-sort"), "ascending");
  assert.deepEqual({ status: await fresh.locator("#models-shown").textContent(), rows: await names(fresh) }, saved);
  assert.ok(await fresh.locator("#chart").evaluate((svg) => svg.hasAttribute("data-filtering")), "the chart highlights them");

  // A lab's name on a card: that developer's rows only, in the link too.
  const lab = fresh.locator("button.lab[data-lab='OpenAI']").first();
  await lab.click();
  await eventually(async () => assert.match(fresh.url(), /[?&]tbl_lab=OpenAI(&|$)/));
  // A lab that is none: a notice, and every model shown.
  const { page: bad } = await open();
  await bad.goto(urlOf("?tbl_lab=Nobody%20Labs"), { waitUntil: "load" });
  await waitReady(bad);
  assert.match(await bad.locator("#notice").textContent(), /tbl_lab: no developer named "Nobody Labs"/);
  assert.equal(await bad.locator("#filter").inputValue(), "");
});

// ---------------------------------------------------------------- 5
e2e("preset: choosing the EU AI Act preset", async ({ page }) => {
  await gotoExplorer(page);
  const ids = await page.locator("#preset option").evaluateAll((options) => options.map((o) => o.value));
  for (const id of PRESET_IDS) assert.ok(ids.includes(id), `#preset should offer ${id}: ${ids.join(", ")}`);

  // Leave the presets first (the lowest threshold matches none of them).
  const url = page.url();
  await page.locator("#us-compute").focus();
  await page.keyboard.press("Home");
  await waitUrlChange(page, url);
  await eventually(() => assertConsistent(page));

  await page.selectOption("#preset", "eu-ai-act");
  const label = (await page.locator('#preset option[value="eu-ai-act"]').textContent()).trim();
  await eventually(async () => {
    const match = (await page.locator("#preset-match").textContent()).trim();
    assert.ok(
      match.toLowerCase().includes(label.toLowerCase()) || match.includes("eu-ai-act"),
      `#preset-match ${JSON.stringify(match)} should name the preset ${JSON.stringify(label)}`,
    );
    assert.doesNotMatch(match, /custom/i);
    await assertConsistent(page);
  });
});

// ---------------------------------------------------------------- 6
e2e("bad URL: a notice lists the bad parameters; dismissing hides it", async ({ page }) => {
  await gotoExplorer(page, "?us_flop=abc&foo=1");
  const notice = page.locator("#notice");
  await notice.waitFor({ state: "visible" });
  const text = await notice.textContent();
  assert.match(text, /us_flop/, `#notice should name us_flop: ${JSON.stringify(text)}`);
  assert.match(text, /\bfoo\b/, `#notice should name foo: ${JSON.stringify(text)}`);
  await page.click("#notice-dismiss");
  await notice.waitFor({ state: "hidden" });
  await eventually(async () =>
    assert.deepEqual(await shownCounts(page), await apiSummary(page), "shown counts vs. the API's summary of the URL"),
  );
});

// ---------------------------------------------------------------- 7
e2e("filter: typing Meta leaves only Meta's rows", async ({ page }) => {
  await gotoExplorer(page);
  const total = await page.locator("#models-table tbody tr").count();
  assert.ok(total > 0, "#models-table should have rows");
  await page.fill("#filter", "Meta");
  await eventually(async () => {
    const texts = await visibleRows(page).evaluateAll((rows) => rows.map((r) => r.textContent));
    assert.ok(texts.length > 0, "some rows should match Meta");
    assert.ok(texts.length < total, `the filter should hide rows (${texts.length} of ${total} visible)`);
    const others = texts.filter((t) => !/meta/i.test(t));
    assert.deepEqual(others, [], "every visible row should mention Meta");
  });
});

// ---------------------------------------------------------------- 8
e2e("screenshots: desktop and phone; no horizontal scroll at 360 px", async ({ page, open }) => {
  await gotoExplorer(page);
  // Table rows out of the viewport are skipped by layout until scrolled to
  // (content-visibility); a full-page picture should show them as a reader
  // scrolling down would see them.
  // The page is served under a strict CSP (no inline <style>): the rule
  // goes in through the CSSOM, which the policy allows.
  const showAllRows = (page) =>
    page.evaluate(() => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync("#models-table tbody tr { content-visibility: visible !important; }");
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    });
  await showAllRows(page);
  const desktop = screenshotPath("explorer-desktop.png");
  await page.screenshot({ path: desktop, fullPage: true });
  assert.ok(statSync(desktop).size > 0);

  const { page: phone } = await open({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await gotoExplorer(phone);
  await showAllRows(phone);
  const mobile = screenshotPath("explorer-phone.png");
  await phone.screenshot({ path: mobile, fullPage: true });
  assert.ok(statSync(mobile).size > 0);
  const { scrollWidth, wide } = await phone.evaluate(() => {
    // The outermost elements that stick out on the right, to name in a failure.
    const wide = [];
    for (const e of document.body.querySelectorAll("*")) {
      const right = e.getBoundingClientRect().right + window.scrollX;
      if (right > 361 && !wide.some((w) => w.element.contains(e))) wide.push({ element: e, right });
    }
    const describe = ({ element: e, right }) =>
      `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}${e.classList.length ? `.${[...e.classList].join(".")}` : ""} (right edge ${Math.round(right)} px)`;
    return { scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 8).map(describe) };
  });
  assert.ok(
    scrollWidth <= 361,
    `at 360 px the page scrolls sideways: scrollWidth is ${scrollWidth}; too wide: ${wide.join(", ")}`,
  );
});

// ---------------------------------------------------------------- 9
for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  e2e(`no layout shift while dragging the US threshold (${viewport.width} px)`, async ({ page, open }) => {
    const { page: sized } = await open({ viewport });
    await gotoExplorer(sized);
    // Document positions of the blocks below the counts, at each slider step.
    const positions = await sized.evaluate(() => {
      const slider = document.getElementById("us-compute");
      const ids = ["chart", "sensitivity", "models-table"];
      const at = () => ids.map((id) => document.getElementById(id).getBoundingClientRect().top + window.scrollY);
      const seen = [];
      for (let position = 22; position <= 28.0001; position += 0.25) {
        slider.value = String(position);
        slider.dispatchEvent(new Event("input"));
        seen.push({ position, tops: at() });
      }
      slider.dispatchEvent(new Event("change"));
      return seen;
    });
    const first = positions[0].tops;
    for (const { position, tops } of positions) {
      assert.deepEqual(tops, first, `layout moved at slider position 10^${position.toFixed(2)}: ${tops} vs ${first}`);
    }
    await page.close();
  });
}

// ---------------------------------------------------------------- 11
e2e("download: the table as CSV, one row per model shown by the as-of date", async ({ page }) => {
  await gotoExplorer(page, "?preset=eu-ai-act");
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  assert.match(download.suggestedFilename(), /^scope-explorer-\d{4}-\d{2}-\d{2}-us-1\.0e25-flop\.csv$/);
  const text = readFileSync(await download.path(), "utf8");
  const lines = text.trim().split("\n");
  const header = lines[0].split(",");
  assert.deepEqual(header.slice(0, 4), ["model", "developer", "publication_date", "compute_flop"]);
  for (const column of ["compute_estimate_method", "compute_estimate_low_flop", "compute_estimate_central_flop",
    "compute_estimate_high_flop", "us_verdict", "us_likelihood", "eu_verdict", "eu_likelihood", "overlap"]) {
    assert.ok(header.includes(column), `${column} in ${lines[0]}`);
  }
  const shown = await shownCounts(page);
  const total = Object.values(shown.models).reduce((a, b) => a + b, 0);
  // Reasons contain no newlines, so one line per model.
  assert.equal(lines.length - 1, total);
  const gpt = lines.find((line) => line.startsWith("GPT-4.5,"));
  assert.ok(gpt, "GPT-4.5 is in the CSV");
  // Reasons may hold commas inside quotes; GPT-4.5's estimate columns are
  // empty (it has its own figure), and it is in both regimes.
  assert.ok(gpt.includes(",both,"), gpt);
  // Every row ends with the scenario's link and the attribution.
  assert.deepEqual(header.slice(-2), ["scenario_link", "source"]);
  const origin = new URL(page.url()).origin;
  assert.ok(gpt.includes(`,${origin}/?us_flop=1e25&`), gpt);
  assert.ok(gpt.endsWith("CC BY 4.0.") || gpt.endsWith('CC BY 4.0."'), gpt);
  assert.ok(gpt.includes("Epoch AI"), gpt);

  // "Download this table": the filtered rows, in the order shown.
  await page.fill("#filter", "OpenAI");
  const shownNames = await page.$$eval("#models-table tbody tr:not([hidden]) th", (ths) =>
    ths.map((th) => th.firstChild.textContent),
  );
  const [filtered] = await Promise.all([page.waitForEvent("download"), page.click("#download-csv")]);
  const rows = readFileSync(await filtered.path(), "utf8").trim().split("\n").slice(1);
  assert.equal(rows.length, shownNames.length);
  assert.ok(rows.every((row) => row.split(",")[1] === "OpenAI"), "every row is OpenAI's");
  assert.deepEqual(rows.map((row) => row.split(",")[0]), shownNames);
});

// ---------------------------------------------------------------- estimates
e2e("estimates: the default headline gives ranges, as the API counts them; est=0 drops them", async ({ page }) => {
  await gotoExplorer(page);
  const ranges = await page.evaluate(async () => {
    const mod = await import(new URL("./pkg/scope_explorer.js", document.baseURI).href);
    await mod.default();
    const explorer = new mod.Explorer();
    try {
      const s = explorer.summary(explorer.scenarioFromQuery(location.search)).us;
      return [s.models_in, s.developers_in, s.models_low, s.models_high, s.developers_low, s.developers_high, s.models_undetermined];
    } finally {
      explorer.free?.();
    }
  });
  const [models, developers, low, high, devLow, devHigh, undetermined] = ranges;
  assert.ok(low <= models && models <= high && low < high, `a range: ${ranges}`);
  const headline = await page.locator("#headline").textContent();
  assert.ok(
    headline.startsWith(
      `US definition: about ${models} models from ${developers} developers (${low}\u2013${high} models, ${devLow}\u2013${devHigh} developers; ${undetermined} undetermined).`,
    ),
    headline,
  );
  assert.ok(await page.locator("#estimates").isChecked(), "the estimates switch is on");
  // Estimated models are drawn hollow on a whisker.
  assert.ok((await page.locator("#chart path.whisker").count()) > 0, "whiskers in the chart");

  await gotoExplorer(page, "?est=0");
  const plain = await page.locator("#headline").textContent();
  assert.ok(!plain.includes("about"), plain);
  assert.match(plain, /^US definition: \d+ models? from \d+ developers? \(and \d+ undetermined\)\./);
});

e2e("the address bar holds the whole state from the first render", async ({ page, open }) => {
  await gotoExplorer(page, "");
  const query = new URL(page.url()).searchParams;
  // The page's first view, written out: the threshold, the rule, estimates on.
  assert.equal(query.get("us_flop"), "1e26");
  assert.equal(query.get("deriv"), "cumulative");
  assert.equal(query.get("est"), "1");
  assert.ok(query.get("as_of"), page.url());
  // A hand-written power of ten is read and written back in the page's form.
  // A page of its own: navigating the first one again would abort its
  // favicon request, which the clean-page check counts as a failure.
  const { page: second } = await open();
  await gotoExplorer(second, "?us_flop=10%5E25&deriv=exclude");
  const rewritten = new URL(second.url()).searchParams;
  assert.equal(rewritten.get("us_flop"), "1e25");
  assert.equal(rewritten.get("deriv"), "exclude");
});

/** Inside the page: each card's labs and models, and the API's counts for the URL's scenario. */
async function cardsAndApi(page) {
  return page.evaluate(async () => {
    const mod = await import(new URL("./pkg/scope_explorer.js", document.baseURI).href);
    await mod.default();
    const explorer = new mod.Explorer();
    try {
      const summary = explorer.summary(explorer.scenarioFromQuery(location.search));
      const card = (key) => Number(document.querySelector(`[data-card="${key}"]`).textContent);
      return {
        shown: { us: [card("us.labs"), card("us.models")], eu: [card("eu.labs"), card("eu.models")] },
        api: {
          us: [summary.us.developers_in, summary.us.models_in],
          eu: [summary.eu.developers_in, summary.eu.models_in],
        },
      };
    } finally {
      explorer.free?.();
    }
  });
}

e2e("cards: the top of the page gives each regime's labs and models, as the API counts them, and names the labs", async ({ page, open }) => {
  await gotoExplorer(page, "?us_flop=1e26");
  const { shown, api } = await cardsAndApi(page);
  assert.deepEqual(shown, api);
  // As many lab names as labs, each a button.
  assert.equal(await page.locator('[data-card="us.named"] button.lab').count(), api.us[0]);
  assert.equal(await page.locator('[data-card="eu.named"] button.lab').count(), api.eu[0]);
  await page.locator(".overlap").screenshot({ path: screenshotPath("cards-desktop.png") });
  // Keyboard: Tab to a lab's name and press Enter: the table shows its rows.
  const lab = page.locator('[data-card="eu.named"] button.lab').first();
  const name = await lab.getAttribute("data-lab");
  await lab.focus();
  await page.keyboard.press("Enter");
  await eventually(async () => assert.equal(await page.locator("#filter").inputValue(), name));
  const developers = await page.$$eval("#models-table tbody tr:not([hidden])", (rows) =>
    rows.map((row) => row.querySelectorAll("td")[0].textContent),
  );
  assert.ok(developers.length > 0);
  for (const developer of developers) assert.ok(developer.includes(name), `${developer} is ${name}'s`);
  assert.equal(await page.evaluate(() => document.activeElement.id), "models-title");
  // Phone and dark mode: the same cards.
  for (const [label, options] of [
    ["phone", { viewport: { width: 360, height: 740 } }],
    ["dark-desktop", { colorScheme: "dark" }],
    ["dark-phone", { viewport: { width: 360, height: 740 }, colorScheme: "dark" }],
  ]) {
    const { page: other } = await open(options);
    await gotoExplorer(other, "?us_flop=1e26");
    assert.deepEqual((await cardsAndApi(other)).shown, api, label);
    await other.locator(".overlap").screenshot({ path: screenshotPath(`cards-${label}.png`) });
  }
});

e2e("share: the Share button beside the cards copies the current view's link", async ({ page }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(urlOf("")).origin });
  await gotoExplorer(page, "?us_flop=3e25");
  // A change first: the link is the state now, not the one loaded.
  await page.selectOption("#us-derivatives", "exclude");
  await page.click("#share-now");
  await eventually(async () => assert.match(await page.locator("#share-now-status").textContent(), /Copied the link/));
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(copied.searchParams.get("us_flop"), "3e25");
  assert.equal(copied.searchParams.get("deriv"), "exclude");
  assert.equal(copied.origin + copied.pathname, new URL(page.url()).origin + new URL(page.url()).pathname);
});

e2e("phone: the counts stay in view while the threshold slider moves", async ({ page, open }) => {
  const { page: phone } = await open({ viewport: { width: 360, height: 740 } });
  await gotoExplorer(phone, "?us_flop=1e26");
  const slider = phone.locator("#us-compute");
  await slider.scrollIntoViewIfNeeded();
  // The cards are far below the slider on a phone; the bar is on screen.
  const inView = (selector) =>
    phone.$eval(selector, (el) => {
      const box = el.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
    });
  assert.equal(await inView(".card-us"), false, "the cards are out of view");
  assert.equal(await inView(".summary-bar"), true, "the summary bar is in view");
  const before = await phone.locator(".summary-bar").textContent();
  await slider.focus();
  for (let i = 0; i < 20; i += 1) await phone.keyboard.press("ArrowLeft");
  await eventually(async () => assert.notEqual(await phone.locator(".summary-bar").textContent(), before));
  assert.equal(await inView(".summary-bar"), true, "still in view after the move");
  // It says what the cards say.
  const bar = await phone.locator(".summary-bar").textContent();
  const { shown } = await cardsAndApi(phone);
  assert.ok(bar.includes(`${shown.us[0]} lab`) && bar.includes(`${shown.us[1]} model`), bar);
  assert.ok(bar.includes(`${shown.eu[0]} lab`) && bar.includes(`${shown.eu[1]} model`), bar);
  await phone.screenshot({ path: screenshotPath("phone-slider-with-summary-bar.png") });
  await page.close();
});

e2e("phone: the sensitivity curve opens with the current threshold and its label in view, its y axis kept at the left", async ({ page, open }) => {
  const { page: phone } = await open({ viewport: { width: 360, height: 740 } });
  // Left of the middle, the middle (the EU's 10^25: a policy analyst
  // tester's label was cut there), right of it.
  for (const flop of ["1e23", "1e25", "1e26"]) {
    await gotoExplorer(phone, `?us_flop=${flop}&as_of=2026-08-08`);
    await eventually(async () => {
      const place = await phone.evaluate(() => {
        const box = (e) => e.getBoundingClientRect();
        const wrap = box(document.querySelector(".sensitivity .chart-wrap"));
        const marker = box(document.querySelector(".sensitivity line.current"));
        const label = box(document.querySelector(".sensitivity .current-label"));
        const axis = document.querySelector(".sensitivity .curve-axis");
        const zero = [...axis.querySelectorAll("text")].find((t) => t.textContent === "0");
        return {
          overflows: document.querySelector(".sensitivity .chart-wrap").scrollWidth > document.querySelector(".sensitivity .chart-wrap").clientWidth,
          left: wrap.left,
          right: wrap.right,
          x: marker.left,
          label: [label.left, label.right],
          axis: [box(axis).left, box(axis).right],
          zero: zero && getComputedStyle(axis).display !== "none" ? box(zero).right : null,
        };
      });
      const seen = `${flop}: ${JSON.stringify(place)}`;
      assert.ok(place.overflows, seen);
      assert.ok(place.x > place.axis[1] && place.x < place.right, `the marker is in view, right of the axis: ${seen}`);
      assert.ok(place.label[0] >= place.axis[1] - 1 && place.label[1] <= place.right + 1, `the label is in view: ${seen}`);
      // The axis's labels show at the box's left edge, whatever the scroll.
      assert.ok(place.zero !== null && place.zero > place.left && place.zero <= place.axis[1], `the y axis is in view: ${seen}`);
    });
  }
  await phone.locator(".sensitivity").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: screenshotPath("phone-sensitivity-1e26.png") });
  await page.close();
});

e2e("phone: in an embed, tapping a marker shows its details, as the chart's hint says", async ({ page, open }) => {
  const { page: phone } = await open({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  await gotoExplorer(phone, "embed.html?us_flop=1e26&as_of=2026-08-08");
  assert.match(await phone.locator(".chart .hint").textContent(), /Hover over or tap a marker/);
  await phone.locator("#chart").scrollIntoViewIfNeeded();
  // A marker in view, right of the fixed axis, not under another.
  const at = await phone.evaluate(() => {
    const wrap = document.querySelector(".chart .chart-wrap").getBoundingClientRect();
    for (const m of document.querySelectorAll("#chart .markers .m")) {
      const b = m.getBoundingClientRect();
      const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
      if (x > wrap.left + 80 && x < wrap.right - 10 && y > 0 && y < innerHeight && document.elementFromPoint(x, y) === m) return { x, y };
    }
    return null;
  });
  assert.ok(at, "a marker to tap");
  await phone.touchscreen.tap(at.x, at.y);
  await eventually(async () => {
    const tip = phone.locator(".chart-tip");
    assert.ok(await tip.isVisible(), "the details show");
    assert.match(await tip.textContent(), /published \d{4}-\d{2}-\d{2}/);
  });
  await page.close();
});

e2e("phone: each table row shows both verdicts without scrolling sideways", async ({ page, open }) => {
  const { page: phone } = await open({ viewport: { width: 360, height: 740 } });
  await gotoExplorer(phone, "?us_flop=1e26");
  await phone.fill("#filter", "EXAONE");
  const wrap = phone.locator(".table-wrap");
  await wrap.scrollIntoViewIfNeeded();
  const layout = await phone.evaluate(() => {
    const wrap = document.querySelector(".table-wrap");
    const rows = [...document.querySelectorAll("#models-table tbody tr:not([hidden])")].slice(0, 3);
    return {
      overflow: wrap.scrollWidth - wrap.clientWidth,
      right: wrap.getBoundingClientRect().right,
      verdicts: rows.map((row) => {
        const cells = row.querySelectorAll("td");
        return [cells[3], cells[4]].map((cell) => {
          const box = cell.getBoundingClientRect();
          return { left: box.left, right: box.right, text: cell.querySelector(".verdict").textContent };
        });
      }),
    };
  });
  assert.ok(layout.overflow <= 1, `the table scrolls sideways by ${layout.overflow} px`);
  // The overlap grids fit the width too: every column and total in view.
  const grids = await phone.$$eval(".grid-wrap", (wraps) => wraps.map((w) => w.scrollWidth - w.clientWidth));
  assert.equal(grids.length, 2);
  for (const extra of grids) assert.ok(extra <= 1, `a grid scrolls sideways by ${extra} px`);
  assert.ok(layout.verdicts.length > 0);
  for (const pair of layout.verdicts) {
    for (const cell of pair) {
      assert.ok(cell.left >= 0 && cell.right <= layout.right + 0.5, JSON.stringify(cell));
      assert.ok(cell.text.length > 0);
    }
  }
  await wrap.screenshot({ path: screenshotPath("table-phone-stacked.png") });
  await page.close();
});

e2e("share: 'Copy the link' copies the current view's link, which restores it", async ({ page, open }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(urlOf("")).origin });
  await gotoExplorer(page, "?us_flop=3e25&deriv=exclude");
  await page.click(".share summary");
  await page.click(".share .copy-link");
  await eventually(async () => {
    assert.match(await page.locator(".share [role=status]").textContent(), /Copied the link/);
  });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The link is the page's own, with the whole state.
  const url = new URL(copied);
  assert.equal(url.origin, new URL(page.url()).origin);
  assert.equal(url.searchParams.get("us_flop"), "3e25");
  assert.equal(url.searchParams.get("deriv"), "exclude");
  assert.equal(url.search, new URL(page.url()).search, "the link is the address bar's state");
  const { page: fresh } = await open();
  await gotoExplorer(fresh, url.search);
  assert.deepEqual(await shownCounts(fresh), await shownCounts(page));
});
