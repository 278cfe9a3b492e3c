// End-to-end: the pages written at build time (src/ui/prerender.rs, run by the release build's
// post_build hook). Each door reads as a page of its own with JavaScript off (its title, its
// description, its content, plain links), the app shows the same content once it starts, and
// the page shows before the app only to those it is right for.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { appMarkup } from "./support/markup.mjs";

const app = useServedApp();
const KEY = "http-study/progress";
const PHONE = { width: 360, height: 740 };

/** The doors, each with what its page must say and one plain link to follow from it. */
const DOORS = [
  {
    path: "/",
    heading: "Learn HTTP status codes and methods",
    title: "HTTP Study",
    description: /^Learn HTTP status codes and methods with flashcards, quizzes and spaced repetition/,
    link: { name: "Browse the reference", to: "/reference", heading: "Reference" },
  },
  {
    path: "/reference",
    heading: "Reference",
    title: "Reference · HTTP Study",
    description: /^All \d+ HTTP status codes in the IANA registry and the \d+ request methods/,
    link: { name: "404 Not Found", to: "/reference/404", heading: "404 Not Found" },
  },
  {
    path: "/reference/404",
    heading: "404 Not Found",
    title: "404 Not Found · HTTP Study",
    description: /^404 Not Found: The server has no current representation for this URI/,
    link: { name: "410 Gone", to: "/reference/410", heading: "410 Gone" },
  },
  {
    path: "/reference/PATCH",
    heading: "PATCH",
    title: "PATCH · HTTP Study",
    description: /^The HTTP method PATCH: \S/,
    link: { name: "Methods", to: "/reference/methods", heading: "Methods" },
  },
  {
    path: "/quiz",
    heading: "Quiz",
    title: "Quiz · HTTP Study",
    description: /^A quiz on HTTP status codes and methods/,
    link: { name: "Reference", to: "/reference", heading: "Reference" },
  },
];

const description = (page) => page.locator('meta[name="description"]').getAttribute("content");

/** A page whose wasm never arrives (`init`: a script run before the page's own). */
async function withWasmHeld(init) {
  const opened = await openPage(app.browser, app.origin, PHONE);
  if (init) await opened.context.addInitScript(init);
  await opened.page.route("**/*.wasm", () => {}); // never answered: the app never starts
  return opened;
}

describe("pages written at build time", () => {
  test("with JavaScript off, each door is a page of its own: its title, description, content and plain links", async () => {
    const seen = new Set();
    for (const door of DOORS) {
      const { context, page, problems } = await openPage(app.browser, app.origin, PHONE, { javaScriptEnabled: false });
      await page.goto(app.origin + door.path);
      assert.equal(await page.locator("h1").innerText(), door.heading, door.path);
      assert.equal(await page.title(), door.title, door.path);
      const text = await description(page);
      assert.match(text, door.description, door.path);
      assert.ok(!seen.has(text), `${door.path} has another page's description`);
      seen.add(text);
      assert.equal(await page.locator("#loading").isVisible(), false, `${door.path} shows the loading frame`);
      assert.equal(await page.locator("header.site-header").isVisible(), true);

      // A link is a plain link: the browser loads the page it names, itself written at build time.
      const main = page.locator("main");
      const link = (door.path === "/quiz" ? page.getByRole("navigation", { name: "Main" }) : main)
        .getByRole("link", { name: door.link.name, exact: true })
        .first();
      assert.equal(await link.getAttribute("href"), door.link.to, door.path);
      await link.click();
      await page.waitForURL(app.origin + door.link.to);
      assert.match(await page.locator("h1").innerText(), new RegExp(`^${door.link.heading}`), `from ${door.path}`);
      // With JavaScript off, Chromium refuses the page's preload of the app's script (it reports
      // the refusal as "csp"): that is the setting at work, not a fault of the page.
      const refused = (p) => /^request failed: .*\.js \(csp\)$/.test(p);
      assert.deepEqual(problems.filter((p) => !refused(p)), [], door.path);
      await context.close();
    }
  });

  test("the app, once started, shows what each door's page showed before it", async () => {
    for (const door of DOORS) {
      const early = await withWasmHeld();
      await early.page.goto(app.origin + door.path, { waitUntil: "domcontentloaded" });
      await early.page.locator("#first-screen h1").waitFor();
      assert.equal(await early.page.locator("#loading").isVisible(), false, door.path);
      // Nothing competes with the page while it paints: the wasm is fetched after.
      assert.equal(await early.page.locator('link[rel="preload"][href$=".wasm"]').count(), 0, door.path);
      const written = await appMarkup(early.page, "#first-screen", { firstScreen: true });
      const title = await early.page.title();
      await early.context.close();

      const { context, page, problems } = await openPage(app.browser, app.origin, PHONE);
      await gotoApp(page, app.origin, door.path);
      await page.locator("h1").waitFor();
      assert.equal(await appMarkup(page, "body"), written, `${door.path}: the page written is not what the app renders`);
      assert.equal(await page.title(), title, door.path);
      assert.deepEqual(problems, [], door.path);
      await context.close();
    }
  });

  test("a Reference page shows before the app whatever the record; Home and the quiz set-up only for a new learner", async () => {
    const withRecord = (key) => localStorage.setItem(key, "{}");
    for (const [path, shown] of [
      ["/reference", true],
      ["/reference/404", true],
      ["/reference/404/", true], // a host that adds the slash serves the same page
      ["/reference/PATCH", true],
      ["/", false],
      ["/quiz", false],
    ]) {
      const held = await withWasmHeld();
      await held.context.addInitScript(withRecord, KEY);
      await held.page.goto(app.origin + path, { waitUntil: "domcontentloaded" });
      assert.equal(await held.page.locator("#first-screen").isVisible(), shown, `${path} with a record`);
      assert.equal(await held.page.locator("#loading").isVisible(), !shown, `${path} with a record`);
      await held.context.close();
    }
    // An address with a query asks for what the app works out (a search), not the page written.
    const held = await withWasmHeld();
    await held.page.goto(app.origin + "/reference?q=conflict", { waitUntil: "domcontentloaded" });
    assert.equal(await held.page.locator("#first-screen").isVisible(), false);
    await held.context.close();
  });

  test("a tap on a Reference page's link before the app runs is kept and opened when it starts; a link to the RFC is left alone", async () => {
    let release;
    const arrived = new Promise((resolve) => (release = resolve));
    const { context, page, problems } = await openPage(app.browser, app.origin, PHONE);
    await page.route("**/*.wasm", async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(app.origin + "/reference/404", { waitUntil: "domcontentloaded" });

    // The RFC's link opens in a new tab as any link does: the page does not keep it for the app.
    const kept = await page.evaluate(() => {
      const cite = document.querySelector("#first-screen a.cite");
      let prevented = null;
      const check = (e) => {
        prevented = e.defaultPrevented;
        e.preventDefault(); // the test opens no tab
      };
      window.addEventListener("click", check, { once: true });
      cite.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0 }));
      return prevented;
    });
    assert.equal(kept, false, "the RFC's link was taken for the app");

    await page.locator("#first-screen").getByRole("link", { name: "410 Gone" }).click();
    await page.getByRole("status").filter({ hasText: "Starting HTTP Study…" }).waitFor();
    assert.equal(page.url(), app.origin + "/reference/404", "nothing reloads: the app is still on its way");
    release();
    await page.waitForURL(app.origin + "/reference/410");
    await page.locator("h1").filter({ hasText: "410 Gone" }).waitFor();
    assert.equal(await page.title(), "410 Gone · HTTP Study");
    assert.deepEqual(problems, []);
    await context.close();
  });
});
