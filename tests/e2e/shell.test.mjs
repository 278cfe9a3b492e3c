// End-to-end: the app shell against the release build (dist/), in Debian's Chromium.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { appMarkup } from "./support/markup.mjs";

const SECTIONS = [
  { label: "Home", path: "/", heading: "Learn HTTP status codes and methods", title: "HTTP Study" },
  { label: "Study", path: "/study", heading: "Study", title: "Study · HTTP Study" },
  { label: "Quiz", path: "/quiz", heading: "Quiz", title: "Quiz · HTTP Study" },
  { label: "Reference", path: "/reference", heading: "Reference", title: "Reference · HTTP Study" },
  { label: "Progress", path: "/progress", heading: "Progress", title: "Progress · HTTP Study" },
];

const app = useServedApp();

/** Every kind of page, named for its screenshot. */
const PAGES = [
  ["home", "/"],
  ["study", "/study"],
  ["quiz", "/quiz?deck=beginner&n=10&seed=42"],
  ["reference", "/reference"],
  ["code", "/reference/409"],
  ["methods", "/reference/methods"],
  ["progress", "/progress"],
  ["not-found", "/no/such/page"],
];

const sidewaysScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Elements whose text is cut off: wider or taller than their box, which hides the rest. (Text
 * kept for screen readers only sits in a 1 px box on purpose, and is not counted.)
 */
const clipped = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((el) => {
        const style = getComputedStyle(el);
        const hides = (o) => o === "hidden" || o === "clip";
        return (
          el.textContent.trim() !== "" &&
          el.clientWidth > 1 &&
          ((hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
            (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1))
        );
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${el.textContent.trim().slice(0, 40)}`),
  );

describe("the app shell", () => {
  test("the home page loads with no console errors and no failed requests", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    await page.waitForLoadState("networkidle");
    assert.equal(await page.locator("h1").textContent(), SECTIONS[0].heading);
    assert.equal(await page.title(), "HTTP Study");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a new learner's first visit shows Home before the wasm arrives: the app's own markup, rendered at build time, which the app then takes over", async () => {
    const withWasmHeld = async (init) => {
      const opened = await openPage(app.browser, app.origin, { width: 360, height: 740 });
      if (init) await opened.context.addInitScript(init);
      await opened.page.route("**/*.wasm", () => {}); // never answered: the app never starts
      return opened;
    };

    // Before the app runs: Home, visible, its links live (a tap is kept for the app), its form
    // controls waiting for the app, and no loading frame.
    const early = await withWasmHeld();
    await early.page.goto(app.origin + "/", { waitUntil: "domcontentloaded" });
    const button = early.page.getByTestId("next-step");
    await button.waitFor();
    assert.match(await button.innerText(), /Learn your first 10 codes/);
    assert.equal(await early.page.locator("#first-screen").getAttribute("inert"), null);
    assert.equal(await early.page.locator("#first-screen select").first().isDisabled(), true);
    assert.equal(await early.page.locator("#loading").isVisible(), false);
    // Nothing competes with the first screen: the wasm is not preloaded (the app fetches it after
    // the first paint).
    assert.equal(await early.page.locator('link[rel="preload"][href$=".wasm"]').count(), 0);
    // The first screen's form controls wait for the app (disabled); otherwise it is the app's
    // markup, as Leptos rendered it natively at build time.
    const shell = await appMarkup(early.page, "#first-screen", { firstScreen: true });
    await early.context.close();

    // A tap on the main button before the app runs opens Study at once: a new learner's first
    // card is the same for everyone, and Home carries it (<template id="next-screen">). The
    // address and title are Study's, and the app, when it starts, shows the same markup there.
    let release;
    const arrived = new Promise((resolve) => (release = resolve));
    const slow = await openPage(app.browser, app.origin, { width: 360, height: 740 });
    await slow.page.route("**/*.wasm", async (route) => {
      await arrived;
      await route.continue();
    });
    await slow.page.goto(app.origin + "/", { waitUntil: "domcontentloaded" });
    await slow.page.getByTestId("next-step").click();
    assert.equal(slow.page.url(), app.origin + "/study");
    await slow.page.locator("#first-screen [data-testid=flashcard]").waitFor();
    assert.equal(await slow.page.locator("h1").innerText(), "Study");
    assert.equal(await slow.page.title(), "Study · HTTP Study");
    assert.equal(await slow.page.getByTestId("card-front").innerText(), "200");
    assert.equal(await slow.page.locator("#loading").isVisible(), false);
    const studyShell = await appMarkup(slow.page, "#first-screen", { firstScreen: true });
    release();
    await slow.page.locator("#first-screen").waitFor({ state: "detached" });
    await slow.page.getByTestId("flashcard").waitFor();
    assert.equal(slow.page.url(), app.origin + "/study");
    assert.equal(await appMarkup(slow.page, "body"), studyShell, "the first Study card is not what the app renders");
    await slow.page.getByTestId("flip").click();
    await slow.page.getByTestId("card-back").waitFor();
    assert.deepEqual(slow.problems, []);
    await slow.context.close();

    // Back before the app has started goes to Home again.
    const back = await withWasmHeld();
    await back.page.goto(app.origin + "/", { waitUntil: "domcontentloaded" });
    await back.page.getByTestId("next-step").click();
    await back.page.getByTestId("flashcard").waitFor();
    await back.page.goBack();
    await back.page.getByTestId("next-step").waitFor();
    assert.equal(back.page.url(), app.origin + "/");
    await back.context.close();

    // Once the app runs: the first screen is gone, and what the app shows is the same markup.
    const { context, page, problems } = await openPage(app.browser, app.origin, { width: 360, height: 740 });
    await gotoApp(page, app.origin, "/");
    assert.equal(await page.getByTestId("next-step").count(), 1);
    assert.equal(await appMarkup(page, "body"), shell, "the first screen is not what the app renders");
    assert.equal(await page.title(), "HTTP Study");
    assert.deepEqual(problems, []);
    await context.close();

    // A learner with a record, or a path with no page of its own (index.html is its page too),
    // or an address with a query the app must work out, or storage that cannot be read: the
    // loading frame.
    for (const [path, init] of [
      ["/", () => localStorage.setItem("http-study/progress", "{}")],
      ["/study", null],
      ["/quiz?deck=beginner&n=10&seed=42", null],
      ["/", () => Object.defineProperty(window, "localStorage", { get: () => { throw new DOMException("blocked", "SecurityError"); } })],
    ]) {
      const held = await withWasmHeld(init);
      await held.page.goto(app.origin + path, { waitUntil: "domcontentloaded" });
      await held.page.locator("#loading").waitFor();
      assert.equal(await held.page.locator("#first-screen").isVisible(), false, `first screen shown on ${path}`);
      // Here the first content needs the app, so its wasm is preloaded from the start.
      assert.equal(await held.page.locator('link[rel="preload"][href$=".wasm"]').count(), 1, path);
      await held.context.close();
    }
  });

  test("each navigation link shows its page, title and current marker", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    for (const section of [...SECTIONS.slice(1), SECTIONS[0]]) {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: section.label, exact: true }).click();
      await page.waitForURL(app.origin + section.path);
      assert.equal(await page.locator("h1").textContent(), section.heading, section.label);
      assert.equal(await page.title(), section.title);
      const current = page.locator('nav a[aria-current="page"]');
      assert.equal(await current.count(), 1);
      assert.equal(await current.textContent(), section.label);
    }
    // Back walks the same pages again, newest first, to Home; forward returns to Study.
    for (const section of [...SECTIONS.slice(1).reverse(), SECTIONS[0]]) {
      await page.goBack();
      await page.waitForURL(app.origin + section.path);
      assert.equal(await page.locator("h1").textContent(), section.heading, `back to ${section.label}`);
    }
    await page.goForward();
    await page.waitForURL(app.origin + SECTIONS[1].path);
    assert.equal(await page.locator("h1").textContent(), SECTIONS[1].heading, "forward again");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("navigation works by keyboard alone", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    // Tab order: skip link, brand, then the six nav links.
    const reached = [];
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim()));
    }
    assert.deepEqual(reached.slice(0, 1), ["Skip to content"]);
    assert.deepEqual(reached.slice(2), ["Home", "Study", "Quiz", "Lab", "Reference", "Progress"]);
    await page.keyboard.press("Enter");
    await page.waitForURL(app.origin + "/progress");
    assert.equal(await page.locator("h1").textContent(), "Progress");
    await context.close();
  });

  test("a deep link such as /reference loads directly, and survives a reload", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference");
    assert.equal(await page.locator("h1").textContent(), "Reference");
    await page.reload();
    await page.locator("h1").waitFor();
    assert.equal(await page.locator("h1").textContent(), "Reference");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an unknown path shows the not-found page, and its link goes home", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/no/such/page");
    const notFound = page.getByTestId("not-found");
    assert.equal(await page.locator("h1").textContent(), "Page not found");
    assert.match(await notFound.textContent(), /\/no\/such\/page/);
    await notFound.getByRole("link", { name: "Go to the home page" }).click();
    await page.waitForURL(app.origin + "/");
    assert.equal(await page.locator("h1").textContent(), SECTIONS[0].heading);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a path with a malformed % escape still gets the app's not-found page; a missing script is a 404", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/no/%zz/page");
    assert.equal(await page.locator("h1").textContent(), "Page not found");
    assert.deepEqual(problems, []);
    // The test server answers a missing file as a static host does, so that a page asking for
    // one fails the journeys' "no failed request" check instead of getting index.html.
    const missing = await page.evaluate(async () => (await fetch("/no-such-file.js")).status);
    assert.equal(missing, 404);
    await context.close();
  });

  test("a crash says so on the page, says progress is saved, and its link reloads into a working app", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    // The router cannot go on when the browser refuses a history entry: a real panic.
    await page.addInitScript(() => {
      if (sessionStorage.getItem("refuse-history") === "no") return;
      History.prototype.pushState = () => {
        throw new DOMException("refused", "SecurityError");
      };
    });
    await gotoApp(page, app.origin, "/");
    await page.getByRole("link", { name: "Reference", exact: true }).click();
    const crash = page.getByTestId("crash");
    await crash.waitFor();
    assert.equal(await crash.getAttribute("role"), "alert");
    assert.match(await crash.innerText(), /stopped working\. Your progress is saved up to your last answer/);
    assert.equal(await page.getByTestId("crash").count(), 1);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Reload the page");

    await page.evaluate(() => sessionStorage.setItem("refuse-history", "no"));
    await page.keyboard.press("Enter"); // the focused link reloads the page
    await page.locator("header.site-header").waitFor();
    assert.equal(await page.getByTestId("crash").count(), 0);
    await page.getByRole("link", { name: "Reference", exact: true }).click();
    await page.waitForURL(app.origin + "/reference");
    await context.close();
  });

  test("at 360 x 740 and 1280 x 800 nothing scrolls sideways, on every page (screenshots in tests/e2e/artifacts)", async () => {
    mkdirSync("tests/e2e/artifacts", { recursive: true });
    for (const [name, viewport] of [
      ["360x740", { width: 360, height: 740 }],
      ["1280x800", { width: 1280, height: 800 }],
    ]) {
      for (const scheme of ["light", "dark"]) {
        const { context, page, problems } = await openPage(app.browser, app.origin, viewport);
        await page.emulateMedia({ colorScheme: scheme });
        for (const [shot, path] of PAGES) {
          await gotoApp(page, app.origin, path);
          await page.locator("h1").waitFor();
          assert.equal(await sidewaysScroll(page), 0, `${path} at ${name} ${scheme} scrolls sideways`);
          await page.screenshot({ path: `tests/e2e/artifacts/${shot}-${name}-${scheme}.png`, fullPage: true });
        }
        assert.deepEqual(problems, []);
        await context.close();
      }
    }
  });

  test("text zoomed to 200 % loses nothing: it grows, nothing is cut off, nothing scrolls sideways", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, { width: 1280, height: 800 });
    for (const [shot, path] of PAGES) {
      await gotoApp(page, app.origin, path);
      await page.locator("h1").waitFor();
      const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main p, main li, main td")).fontSize));
      const before = await size();
      // What a browser's text-only zoom does: the root font size doubles, and every size given
      // in rem or em follows it.
      await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
      assert.equal(await size(), before * 2, `${path}: body text doubles`);
      assert.equal(await sidewaysScroll(page), 0, `${path} at 200 % scrolls sideways`);
      assert.deepEqual(await clipped(page), [], `${path} at 200 % cuts text off`);
      await page.screenshot({ path: `tests/e2e/artifacts/${shot}-text-200.png`, fullPage: true });
    }
    // Whole-page zoom to 200 % on the same screen is a 640 x 400 window at twice the density.
    const zoomed = await openPage(app.browser, app.origin, { width: 640, height: 400 });
    for (const [, path] of PAGES) {
      await gotoApp(zoomed.page, app.origin, path);
      await zoomed.page.locator("h1").waitFor();
      assert.equal(await sidewaysScroll(zoomed.page), 0, `${path} zoomed to 200 % scrolls sideways`);
      assert.deepEqual(await clipped(zoomed.page), [], `${path} zoomed to 200 % cuts text off`);
    }
    assert.deepEqual([...problems, ...zoomed.problems], []);
    await zoomed.context.close();
    await context.close();
  });
});
