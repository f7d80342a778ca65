// Shared helpers of the end-to-end tests: the browser, a page that records
// everything that should not happen, and the two readings of the counts (what
// the page shows, what the wasm API computes for the URL's scenario).
//
// Run through scripts/e2e.sh, which builds the page, serves www/ and sets:
//   E2E_BASE_URL        where www/ is served, e.g. http://127.0.0.1:40123/
//   E2E_SCREENSHOT_DIR  where screenshots go (default target/screenshots)
// Optional: E2E_CHROMIUM (default /usr/bin/chromium), E2E_TIMEOUT_MS (how long
// to wait for an element or a change, default 10000).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium } from "playwright-core";

export const BASE_URL = process.env.E2E_BASE_URL ?? "";
if (!BASE_URL) {
  throw new Error(
    "E2E_BASE_URL is not set: run the end-to-end tests with `bash scripts/e2e.sh` " +
      "(or set it to where www/ is served, e.g. http://127.0.0.1:8080/)",
  );
}
export const BASE_ORIGIN = new URL(BASE_URL).origin;
export const SCREENSHOT_DIR = path.resolve(process.env.E2E_SCREENSHOT_DIR ?? "target/screenshots");
export const TIMEOUT_MS = Number(process.env.E2E_TIMEOUT_MS ?? 10_000);
/** A whole test's budget (node:test `timeout` option). */
export const TEST_TIMEOUT_MS = Math.max(60_000, 8 * TIMEOUT_MS);

const CHROMIUM = process.env.E2E_CHROMIUM ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium tries to reach Google's
// hosts, which this machine's closed network refuses. Playwright gives every
// launch a fresh, empty --user-data-dir of its own.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

export const COUNT_KEYS = ["both", "us_only", "eu_only", "neither", "undetermined"];
export const READY = '#explorer[data-ready="true"]';

/** Launches headless Debian Chromium (never a downloaded browser). */
export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 30_000,
  });
}

/** The absolute URL of `relative` (e.g. "?us_flop=abc") against the base URL. */
export function urlOf(relative = "") {
  return new URL(relative, BASE_URL).href;
}

/**
 * Opens a new context and page that record what a clean page never does:
 * console errors, uncaught page errors, failed requests (network failures and
 * HTTP 4xx/5xx) and requests to any origin other than the base URL's.
 * Returns { context, page, problems }.
 */
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  context.setDefaultTimeout(TIMEOUT_MS);
  const problems = { consoleErrors: [], pageErrors: [], failedRequests: [], crossOrigin: [] };

  // Context-wide, so that workers and popups are seen as well as the page.
  context.on("request", (request) => {
    const url = request.url();
    // data:, blob: and about: URLs never leave the browser.
    if (/^(data|blob|about):/i.test(url)) return;
    let origin;
    try {
      origin = new URL(url).origin;
    } catch {
      origin = "(unparsable)";
    }
    if (origin !== BASE_ORIGIN) problems.crossOrigin.push(`${request.method()} ${url}`);
  });
  context.on("requestfailed", (request) => {
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? "failed"}`);
  });
  context.on("response", (response) => {
    if (response.status() >= 400) {
      problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
    }
  });

  const page = await context.newPage();
  page.on("pageerror", (error) => {
    problems.pageErrors.push(String(error?.stack ?? error));
  });
  page.on("console", (message) => {
    if (message.type() === "error") {
      const where = message.location();
      const at = where?.url ? ` (${where.url}:${where.lineNumber})` : "";
      problems.consoleErrors.push(`${message.text()}${at}`);
    }
  });
  page.on("websocket", (ws) => {
    if (new URL(ws.url()).origin.replace(/^ws/, "http") !== BASE_ORIGIN) {
      problems.crossOrigin.push(`WebSocket ${ws.url()}`);
    }
  });
  return { context, page, problems };
}

/** Throws, listing them, if anything was recorded in `problems`. */
export function assertClean(problems) {
  const lines = [];
  for (const [kind, list] of Object.entries(problems)) {
    for (const item of list) lines.push(`${kind}: ${item}`);
  }
  if (lines.length > 0) {
    throw new Error(`the page was not clean:\n  ${lines.join("\n  ")}`);
  }
}

/** Navigates to `relative` (against the base URL) and waits until the explorer is ready. */
export async function gotoExplorer(page, relative = "") {
  await page.goto(urlOf(relative), { waitUntil: "load" });
  await waitReady(page);
}

/** Waits for `#explorer[data-ready="true"]`, with a readable error. */
export async function waitReady(page) {
  try {
    await page.waitForSelector(READY, { state: "attached", timeout: TIMEOUT_MS });
  } catch (error) {
    const explorer = await page
      .locator("#explorer")
      .evaluate((e) => `data-ready=${JSON.stringify(e.getAttribute("data-ready"))}; text: ${e.textContent.trim().slice(0, 200)}`)
      .catch(() => "no #explorer element");
    throw new Error(`the explorer never became ready (${READY}) within ${TIMEOUT_MS} ms: ${explorer}`, {
      cause: error,
    });
  }
}

/**
 * Inside the page: the summary the wasm API computes for the scenario in the
 * current URL. The module is the one the page already loaded (same URL, same
 * module instance); its init returns at once when the wasm is initialised.
 */
export async function apiSummary(page) {
  const summary = await page.evaluate(async () => {
    const mod = await import(new URL("./pkg/scope_explorer.js", document.baseURI).href);
    await mod.default();
    const explorer = new mod.Explorer();
    try {
      if (typeof explorer.scenarioFromQuery !== "function") {
        throw new Error("the wasm API has no Explorer.scenarioFromQuery(query)");
      }
      const result = explorer.scenarioFromQuery(location.search);
      // Accept `{ scenario, ... }` as well as the bare scenario.
      const scenario = result && result.scenario && !result.us ? result.scenario : result;
      return explorer.summary(scenario);
    } finally {
      explorer.free?.();
    }
  });
  return pickCounts(summary);
}

/** Keeps only the counts of a summary: { models: {both, ...}, developers: {...} }. */
export function pickCounts(summary) {
  const out = {};
  for (const group of ["models", "developers"]) {
    out[group] = {};
    for (const key of COUNT_KEYS) out[group][key] = summary?.[group]?.[key];
  }
  return out;
}

/**
 * The counts the page shows: the numbers in the elements with
 * data-count="models.both", ..., "developers.undetermined". Every element
 * carrying the same key must show the same number.
 */
export async function shownCounts(page) {
  const result = await page.evaluate((keys) => {
    const out = { models: {}, developers: {} };
    const errors = [];
    for (const group of ["models", "developers"]) {
      for (const key of keys) {
        const name = `${group}.${key}`;
        const elements = [...document.querySelectorAll(`[data-count="${name}"]`)];
        if (elements.length === 0) {
          errors.push(`no element with data-count="${name}"`);
          continue;
        }
        const values = elements.map((e) => {
          const digits = e.textContent.replace(/[^0-9-]/g, "");
          return digits === "" ? NaN : Number(digits);
        });
        if (values.some((v) => !Number.isInteger(v))) {
          errors.push(`data-count="${name}" shows no number: ${JSON.stringify(elements.map((e) => e.textContent))}`);
        } else if (new Set(values).size > 1) {
          errors.push(`the elements with data-count="${name}" disagree: ${values.join(", ")}`);
        }
        out[group][key] = values[0];
      }
    }
    return { out, errors };
  }, COUNT_KEYS);
  if (result.errors.length > 0) throw new Error(result.errors.join("; "));
  return result.out;
}

/**
 * Retries `check` (which throws while the condition does not hold) until it
 * passes or the timeout runs out; then throws its last error.
 */
export async function eventually(check, timeout = TIMEOUT_MS, interval = 50) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** Waits until the page's URL differs from `previous`; returns the new URL. */
export async function waitUrlChange(page, previous, timeout = TIMEOUT_MS) {
  try {
    await page.waitForFunction((prev) => location.href !== prev, previous, { timeout });
  } catch (error) {
    throw new Error(`the URL did not change from ${previous} within ${timeout} ms`, { cause: error });
  }
  return page.url();
}

/** The rows of #models-table's body without the `hidden` attribute. */
export function visibleRows(page) {
  return page.locator("#models-table tbody tr:not([hidden])");
}

/** Where a screenshot goes; creates the folder if needed. */
export function screenshotPath(name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return path.join(SCREENSHOT_DIR, name);
}

/** A file-name-safe form of a test name. */
export function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
}
