// Debian's Chromium driven by playwright-core, with a watch on everything a page does wrong:
// console errors, uncaught exceptions, failed requests and requests that leave the origin.
import { chromium } from "playwright-core";

const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ARGS,
  });
}

/**
 * A fresh context and page on `origin` (`options` go to the context: a phone's touch screen, a
 * time zone). `problems` collects, as readable lines, every console error, page error, failed
 * request and request to another origin the page makes.
 */
export async function openPage(browser, origin, viewport = { width: 1280, height: 800 }, options = {}) {
  const context = await browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
  page.on("requestfailed", (req) => {
    const error = req.failure()?.errorText ?? "";
    // A request the browser itself cancels because the page navigated away (a reload
    // mid-load, say) is not a failure of the app.
    if (error === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${req.url()} (${error})`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  watchOrigin(context, origin, problems);
  return { context, page, problems };
}

/**
 * Records, in `problems`, every request of the context (its pages and its service worker) to
 * anywhere but `origin`. (Not stopped with context.route: routing turns off the HTTP cache and
 * is bypassed by service workers, so the tests would no longer see what a learner's browser does.)
 */
export function watchOrigin(context, origin, problems) {
  const elsewhere = (url) =>
    !url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:");
  context.on("request", (req) => {
    if (elsewhere(req.url())) problems.push(`request left the origin: ${req.url()}`);
  });
}

/**
 * Collects, as "directive blocked-uri" lines, every Content-Security-Policy violation the page
 * reports from its next load on.
 */
export async function watchPolicyViolations(page) {
  const violations = [];
  await page.exposeFunction("__cspViolation", (v) => violations.push(v));
  await page.addInitScript(() =>
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return violations;
}

/** Loads `path` and waits until the app has mounted (its header is on the page). */
export async function gotoApp(page, origin, path) {
  await page.goto(origin + path);
  await page.locator("header.site-header").waitFor();
  // A new learner's first screen on / (index.html's, before the app runs) has the same header:
  // the app is running once it has removed that.
  await page.locator("#first-screen").waitFor({ state: "detached" });
}
