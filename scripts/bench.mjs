// Measures the release build of HTTP Study in Debian's Chromium (playwright-core) and prints a
// Markdown table of the figures and their budgets. A benchmark, not a test: ./test.sh does not run
// it and CI must never call it. Exits 1 if a budget fails (after printing the table).
// Usage: node scripts/bench.mjs dist   (./bench.sh builds the release first, then runs this)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { serveDist } from "../tests/e2e/support/server.mjs";
import { launchBrowser, openPage } from "../tests/e2e/support/browser.mjs";

const DIST = process.argv[2] ?? "dist";
const LOADS = 9; // fresh contexts per page for the time to first content
const ANSWERS = 200; // answers before the memory reading
const LATENCY_QUESTIONS = 30;
const KB = 1024;
const BUDGET = { gzipBytes: 250 * KB, latencyMs: 16 };

const rows = []; // { what, value, budget, pass }  (pass: true, false, or null when there is no budget)
const notes = [];
const row = (what, value, budget = "", pass = null) => rows.push({ what, value, budget, pass });

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const ms = (t) => `${t.toFixed(1)} ms`;
const mb = (bytes) => `${(bytes / KB / KB).toFixed(1)} MB`;
const sorted = (xs) => [...xs].sort((a, b) => a - b);
function median(xs) {
  const s = sorted(xs);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
const step = (what) => console.error(`[bench] ${what}`);

// Recorded in the page, from before the app's script runs: the first moment (performance.now(),
// relative to navigation start) an element matching `selector` is in the DOM and visible.
function recordFirstAppearance(selector) {
  window.__benchFirst = null;
  const check = () => {
    if (window.__benchFirst !== null) return;
    const el = document.querySelector(selector);
    if (el && el.checkVisibility() && el.textContent.trim() !== "") {
      window.__benchFirst = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

// Trunk's loader hands the raw wasm exports (with `memory`) to the TrunkApplicationStarted event;
// `window.wasmBindings` is only the wasm-bindgen glue module, which does not export the memory.
function keepWasmExports() {
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__benchWasm = e.detail?.wasm ?? null;
  });
}

/** 1. Every same-origin file a first visit to `/` loads (the service worker's included), raw and gzip -9. */
async function firstVisit(browser, origin) {
  step("first-visit transfer");
  const { context, page, problems } = await openPage(browser, origin);
  // On the context, so the service worker's own requests (sw.js and its precache) count too.
  // Each file counts once (the worker asks again for the page it precaches), with the size of
  // the bytes served: the file in DIST (the driver cannot read bodies the worker fetched).
  const paths = new Set();
  context.on("response", (res) => {
    if (res.url().startsWith(origin)) paths.add(new URL(res.url()).pathname);
  });
  await page.goto(origin + "/", { waitUntil: "networkidle" });
  await page.locator("header.site-header").waitFor();
  // The visit is over once the service worker has installed (precached the release) and runs.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.close();
  const files = [...paths].map((path) => {
    const body = readFileSync(join(DIST, path === "/" ? "index.html" : path));
    return { url: origin + path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const name = new URL(f.url).pathname;
    row(`First visit: \`${name}\` (raw / gzip -9)`, `${kb(f.raw)} / ${kb(f.gzip)}`);
    raw += f.raw;
    gzip += f.gzip;
  }
  const pass = gzip <= BUDGET.gzipBytes;
  row(
    `First visit: total, ${files.length} files (raw / gzip -9)`,
    `${kb(raw)} / ${kb(gzip)}`,
    `gzip ≤ ${kb(BUDGET.gzipBytes)}`,
    pass,
  );
  notes.push(...problems.map((p) => `first visit: ${p}`));
}

/** 2. Navigation start to the first `selector` visible, in `LOADS` fresh contexts. */
async function timeToFirst(browser, origin, path, selector, label) {
  step(`time to first ${label} (${LOADS} fresh contexts)`);
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    const { context, page, problems } = await openPage(browser, origin);
    await context.addInitScript(recordFirstAppearance, selector);
    await page.goto(origin + path, { waitUntil: "commit" });
    await page.locator(selector).first().waitFor();
    // The in-page record; performance.now() at this point only if the observer missed it.
    times.push(await page.evaluate(() => window.__benchFirst ?? performance.now()));
    notes.push(...problems.map((p) => `${path}: ${p}`));
    await context.close();
  }
  const s = sorted(times);
  row(
    `Time to first ${label}, \`${path}\` (median of ${LOADS}; min – max)`,
    `${ms(median(times))} (${ms(s[0])} – ${ms(s[s.length - 1])})`,
  );
}

/** Answers the showing question: option 1, or 404 typed. Resolves to its kind once the feedback shows. */
async function answer(page) {
  await page.getByTestId("question").waitFor();
  const kind = (await page.getByTestId("option").count()) > 0 ? "option" : "typed";
  if (kind === "option") {
    await page.keyboard.press("1");
  } else {
    await page.getByTestId("answer-input").focus();
    await page.keyboard.type("404");
    await page.keyboard.press("Enter");
  }
  await page.getByTestId("feedback").waitFor();
  return kind;
}

/** Goes on from the feedback with Enter (the Next button if Enter did not take). */
async function next(page) {
  await page.keyboard.press("Enter");
  try {
    await page.getByTestId("feedback").waitFor({ state: "detached", timeout: 2000 });
  } catch {
    notes.push("Enter did not leave the feedback once; clicked Next instead");
    await page.getByTestId("next").click();
    await page.getByTestId("feedback").waitFor({ state: "detached" });
  }
}

/** Starts `path` inside the running app, as a link click does (the router's own navigation, no reload). */
async function navigateInApp(page, path) {
  await page.evaluate((href) => {
    const a = document.createElement("a");
    a.href = href;
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
}

const quizPath = (seed) => `/quiz?deck=all&n=50&seed=${seed}`;

/** 3. JS heap and wasm memory after `ANSWERS` answers in one page, against the first question. */
async function memory(browser, origin) {
  step(`memory after ${ANSWERS} answers`);
  const { context, page, problems } = await openPage(browser, origin);
  await context.addInitScript(keepWasmExports);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const reading = async (collect) => {
    if (collect) await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
    const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? null);
    return { heap, wasm };
  };

  let seed = 1;
  await page.goto(origin + quizPath(seed));
  await page.getByTestId("question").waitFor();
  await page.evaluate(() => {
    window.__benchSamePage = true; // gone if anything reloads the page
  });
  const exported = await page.evaluate(() => Object.keys(window.wasmBindings ?? {}));
  const before = await reading(true);

  let answered = 0;
  const typedAt = { [seed]: [] }; // seed -> positions (1-based) of its typed questions
  let position = 0;
  while (answered < ANSWERS) {
    await page.locator('[data-testid="summary"], [data-testid="question"]').first().waitFor();
    if ((await page.getByTestId("summary").count()) > 0) {
      seed += 1;
      await navigateInApp(page, quizPath(seed));
      await page.getByTestId("question").waitFor();
      const shown = await page.locator(".quiz-position").innerText();
      if (!/Question 1 of 50/.test(shown)) throw new Error(`seed ${seed} did not start a new quiz: ${shown}`);
      typedAt[seed] = [];
      position = 0;
    }
    position += 1;
    if ((await answer(page)) === "typed") typedAt[seed].push(position);
    answered += 1;
    await next(page);
  }
  await page.locator('[data-testid="summary"], [data-testid="question"]').first().waitFor();
  const samePage = await page.evaluate(() => window.__benchSamePage === true);
  if (!samePage) notes.push("memory: the page reloaded during the run, so the figures are not cumulative");
  const afterNoGc = await reading(false);
  const after = await reading(true);
  notes.push(...problems.map((p) => `memory run: ${p}`));
  await context.close();

  const typed = Object.values(typedAt).flat().length;
  for (const [s, at] of Object.entries(typedAt)) step(`  seed ${s}: typed questions at ${at.join(", ") || "none"}`);
  row("JS heap used at the first question (after GC)", mb(before.heap));
  row(
    `JS heap used after ${ANSWERS} answers (${ANSWERS - typed} options, ${typed} typed), ${seed} quizzes in one page (before / after GC)`,
    `${mb(afterNoGc.heap)} / ${mb(after.heap)}`,
  );
  if (after.wasm === null) {
    row("Wasm linear memory", "not exposed");
    notes.push(`wasm memory not reachable; window.wasmBindings exports: ${exported.join(", ")}`);
  } else {
    row(
      `Wasm linear memory at the first question / after ${ANSWERS} answers`,
      `${mb(before.wasm)} / ${mb(after.wasm)}`,
    );
    if (!exported.includes("memory")) {
      notes.push(
        "window.wasmBindings (the wasm-bindgen glue) does not export the memory; " +
          "read it from the wasm exports in the TrunkApplicationStarted event instead",
      );
    }
  }
  return typedAt;
}

/** 4. Key press to feedback in the DOM, measured inside the page, for `LATENCY_QUESTIONS` questions. */
async function latency(browser, origin, seed) {
  step(`answer-to-feedback latency (${LATENCY_QUESTIONS} questions, ${quizPath(seed)})`);
  const { context, page, problems } = await openPage(browser, origin);
  await page.goto(origin + quizPath(seed));
  await page.getByTestId("question").waitFor();
  await page.evaluate(() => {
    window.__benchLat = { down: null, stamp: null, shown: null };
    // Capture phase on window: before the app's own keydown listener. The last key before the
    // feedback wins, so for a typed answer it is Enter, not the digits.
    addEventListener(
      "keydown",
      (e) => {
        window.__benchLat.down = performance.now();
        window.__benchLat.stamp = e.timeStamp;
      },
      { capture: true },
    );
    new MutationObserver(() => {
      const lat = window.__benchLat;
      if (lat.down !== null && lat.shown === null && document.querySelector('[data-testid="feedback"]')) {
        lat.shown = performance.now();
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  const fromListener = [];
  const fromEvent = [];
  const byKind = { option: [], typed: [] };
  for (let i = 0; i < LATENCY_QUESTIONS; i++) {
    await page.getByTestId("question").waitFor();
    await page.evaluate(() => {
      window.__benchLat = { down: null, stamp: null, shown: null };
    });
    const kind = await answer(page);
    const lat = await page.evaluate(() => window.__benchLat);
    if (lat.shown === null || lat.down === null) throw new Error(`question ${i + 1}: no latency recorded`);
    fromListener.push(lat.shown - lat.down);
    byKind[kind].push(lat.shown - lat.down);
    fromEvent.push(lat.shown - lat.stamp);
    await next(page);
  }
  notes.push(...problems.map((p) => `latency run: ${p}`));
  await context.close();
  const m = median(fromListener);
  const s = sorted(fromListener);
  row(
    `Answer to feedback in the DOM, \`${quizPath(seed)}\` (median of ${LATENCY_QUESTIONS}: ${byKind.option.length} options, ${byKind.typed.length} typed; min – max)`,
    `${ms(m)} (${ms(s[0])} – ${ms(s[s.length - 1])})`,
    `median < ${BUDGET.latencyMs} ms`,
    m < BUDGET.latencyMs,
  );
  for (const [kind, xs] of Object.entries(byKind)) {
    if (xs.length > 0) row(`Same, ${kind} answers only (median of ${xs.length})`, ms(median(xs)));
  }
  row("Same, from the key event's own timestamp (median of all; includes input dispatch)", ms(median(fromEvent)));
}

function printTable() {
  const result = (pass) => (pass === null ? "" : pass ? "PASS" : "FAIL");
  console.log("| measure | value | budget | result |");
  console.log("| --- | --- | --- | --- |");
  for (const r of rows) console.log(`| ${r.what} | ${r.value} | ${r.budget} | ${result(r.pass)} |`);
  for (const n of notes) console.log(`\nNote: ${n}`);
}

const started = performance.now();
const server = await serveDist(DIST);
const browser = await launchBrowser();
let failed = false;
try {
  const version = browser.version();
  await firstVisit(browser, server.origin);
  await timeToFirst(browser, server.origin, "/quiz?deck=beginner&n=10&seed=42", '[data-testid="question"]', "quiz question");
  await timeToFirst(browser, server.origin, "/reference", '[data-testid="code-item"]', "reference code");
  const typedAt = await memory(browser, server.origin);
  // The memory run's seed with the most typed questions among its first 30, so that the latency
  // covers both ways of answering (a key for an option; Enter submitting a typed code).
  const typedEarly = (s) => typedAt[s].filter((p) => p <= LATENCY_QUESTIONS).length;
  const seed = Object.keys(typedAt).reduce((a, b) => (typedEarly(b) > typedEarly(a) ? b : a));
  await latency(browser, server.origin, Number(seed));
  console.log(`\nChromium ${version}, ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  printTable();
  failed = rows.some((r) => r.pass === false);
} catch (err) {
  if (rows.length > 0) printTable();
  console.error(`\n[bench] stopped: ${err.stack ?? err}`);
  failed = true;
} finally {
  await browser.close();
  await server.close();
}
if (failed) console.error("\n[bench] a budget failed (or the run stopped): exit 1");
process.exit(failed ? 1 : 0);
