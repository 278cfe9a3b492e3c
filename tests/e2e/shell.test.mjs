// End-to-end: the app shell against the release build (dist/), in Debian's Chromium.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";

const SECTIONS = [
  { label: "Home", path: "/", heading: "Learn HTTP status codes and methods", title: "HTTP Study" },
  { label: "Study", path: "/study", heading: "Study", title: "Study · HTTP Study" },
  { label: "Quiz", path: "/quiz", heading: "Quiz", title: "Quiz · HTTP Study" },
  { label: "Reference", path: "/reference", heading: "Reference", title: "Reference · HTTP Study" },
  { label: "Progress", path: "/progress", heading: "Progress", title: "Progress · HTTP Study" },
];

const app = useServedApp();

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
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("navigation works by keyboard alone", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    // Tab order: skip link, brand, then the five nav links.
    const reached = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim()));
    }
    assert.deepEqual(reached.slice(0, 1), ["Skip to content"]);
    assert.deepEqual(reached.slice(2), ["Home", "Study", "Quiz", "Reference", "Progress"]);
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

  test("at 360 px wide nothing scrolls sideways (screenshots in tests/e2e/artifacts)", async () => {
    mkdirSync("tests/e2e/artifacts", { recursive: true });
    for (const [name, viewport] of [
      ["360x740", { width: 360, height: 740 }],
      ["1280x800", { width: 1280, height: 800 }],
    ]) {
      for (const scheme of ["light", "dark"]) {
        const { context, page } = await openPage(app.browser, app.origin, viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await gotoApp(page, app.origin, "/");
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.equal(overflow, 0, `${name} ${scheme} scrolls sideways by ${overflow}px`);
        await page.screenshot({ path: `tests/e2e/artifacts/home-${name}-${scheme}.png`, fullPage: true });
        await context.close();
      }
    }
  });
});
