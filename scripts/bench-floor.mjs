// What the embed's first render cannot go below in this harness (BENCHMARKS.md,
// "Floors"): the same measure as scripts/bench-page.mjs's first render (a new
// browser context, navigation to the "scope-explorer-ready" mark), on two
// pages that do none of the explorer's work:
//   - a page with the embed's two style sheets and one module script that
//     marks itself ready at once;
//   - the same page preloading the embed's wasm (as embed.html does) and
//     marking ready once it is instantiated, without mounting any view.
// The pages are written to a temporary folder with a copy of the built
// www/pkg-embed/ and served by scripts/serve.py (strict CSP, as the embed).
// Prints figures; asserts nothing. scripts/bench-page.mjs runs it last
// (scripts/bench.sh).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createServer } from "node:net";
import { launchBrowser } from "../tests/e2e/helpers.mjs";

const www = path.resolve("www");
const dir = mkdtempSync(path.join(tmpdir(), "scope-floor-"));
cpSync(path.join(www, "pkg-embed"), path.join(dir, "pkg-embed"), { recursive: true });
for (const file of ["style.css", "embed.css", "favicon.svg"]) cpSync(path.join(www, file), path.join(dir, file));

const head = (extra) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title><link rel="icon" href="favicon.svg">` +
  `<link rel="stylesheet" href="style.css"><link rel="stylesheet" href="embed.css">${extra}</head>` +
  `<body class="embed-page"><main id="explorer"><p>Counts computed in advance.</p></main>`;
const ready = `document.getElementById("explorer").setAttribute("data-ready", "true");\nperformance.mark("scope-explorer-ready");\n`;
writeFileSync(path.join(dir, "blank.html"), `${head("")}<script type="module" src="blank.js"></script></body></html>\n`);
writeFileSync(path.join(dir, "blank.js"), ready);
writeFileSync(
  path.join(dir, "wasm.html"),
  `${head('<link rel="modulepreload" href="pkg-embed/scope_explorer.js"><link rel="preload" href="pkg-embed/scope_explorer_bg.wasm" as="fetch" type="application/wasm" crossorigin>')}<script type="module" src="wasm.js"></script></body></html>\n`,
);
writeFileSync(path.join(dir, "wasm.js"), `import init from "./pkg-embed/scope_explorer.js";\nawait init();\n${ready}`);

const port = await new Promise((resolve) => {
  const probe = createServer().listen(0, "127.0.0.1", () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const server = spawn("python3", ["scripts/serve.py", String(port), dir], { stdio: ["ignore", "pipe", "ignore"] });
await new Promise((resolve) => server.stdout.once("data", resolve));

const browser = await launchBrowser();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  for (const [page, what] of [
    ["blank.html", "a page with the embed's styles and a module script, no wasm"],
    ["wasm.html", "the same, instantiating the embed's wasm, no view mounted"],
  ]) {
    const times = [];
    for (let i = 0; i < 7; i++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${port}/${page}`);
      await tab.waitForSelector('#explorer[data-ready="true"]');
      times.push(await tab.evaluate(() => performance.getEntriesByName("scope-explorer-ready")[0].startTime));
      await context.close();
    }
    console.log(
      `floor: ${what}: navigation to ready, median of 7: ${median(times).toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)})`,
    );
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(dir, { recursive: true, force: true });
}
