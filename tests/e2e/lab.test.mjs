// End-to-end: the HTTP lab on a phone and by keyboard. A learner solves three challenges by
// touch at 360 × 740 and three by keyboard alone, a broken request gets its 400 with the reason,
// the solved ones are on Progress after a reload, and axe-core finds nothing on /lab.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { violations } from "./support/axe.mjs";

const app = useServedApp();
const PHONE = { width: 360, height: 740 };
const TOUCH = { hasTouch: true, isMobile: true };
const SHOTS = "tests/e2e/artifacts";

/** The response shown, as text. */
const responseText = (page) => page.getByTestId("lab-response-text").textContent();

/** Presses Tab until the focused element satisfies `is` (given its id, text and tag). */
async function tabTo(page, is, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return { id: a?.id ?? "", text: a?.textContent?.trim() ?? "", tag: a?.tagName ?? "" };
    });
    if (is(el)) return;
  }
  throw new Error("never reached by Tab");
}

/** Keyboard only: replaces the request text with `text` and sends it with Ctrl+Enter. */
async function typeRequestAndSend(page, text) {
  await tabTo(page, (el) => el.id === "lab-raw");
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.type(text);
  await page.keyboard.press("Control+Enter");
}

describe("the HTTP lab", () => {
  test("three challenges solved by touch on a phone, and shown on Progress after a reload", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, PHONE, TOUCH);
    await gotoApp(page, app.origin, "/");
    await page.getByRole("link", { name: "Lab", exact: true }).tap();
    await page.waitForURL(app.origin + "/lab");
    assert.equal(await page.locator("h1").textContent(), "HTTP lab");
    await page.screenshot({ path: `${SHOTS}/lab-360.png`, fullPage: true });

    // 1: from the list, with the hint and then the request that solves it.
    await page.getByTestId("challenge-list").locator("summary").waitFor();
    await page.locator("[data-challenge=gone] a").tap();
    await page.waitForURL(app.origin + "/lab?challenge=gone");
    await page.getByRole("button", { name: "Show a hint" }).tap();
    assert.match(await page.getByTestId("challenge-hint").textContent(), /\S/);
    await page.getByTestId("show-solution").tap();
    assert.equal(await page.locator("#lab-raw").inputValue(), "GET /articles/2 HTTP/1.1\nHost: lab.example\n");
    await page.getByTestId("lab-send").tap();
    assert.match(await responseText(page), /^HTTP\/1\.1 410 Gone/);
    await page.getByTestId("challenge-state").filter({ hasText: "Solved" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/lab-solved-360.png`, fullPage: true });

    // 2: by the fields: the method picked, the target typed.
    await page.goto(app.origin + "/lab?challenge=method-not-allowed");
    await page.getByTestId("challenge-goal").waitFor();
    await page.locator("#lab-method").selectOption("DELETE");
    await page.locator("#lab-target").tap();
    await page.locator("#lab-target").fill("/articles");
    assert.match(await page.locator("#lab-raw").inputValue(), /^DELETE \/articles HTTP\/1\.1\n/);
    await page.getByTestId("lab-send").tap();
    assert.match(await responseText(page), /^HTTP\/1\.1 405 Method Not Allowed/);
    assert.match(await responseText(page), /\nAllow: /);
    await page.getByTestId("challenge-state").filter({ hasText: "Solved" }).waitFor();

    // 3: a header row added, its name picked from the common names, then a row reopened.
    await page.goto(app.origin + "/lab?challenge=size-without-download");
    await page.getByTestId("challenge-goal").waitFor();
    await page.locator("#lab-target").fill("/files/big.txt");
    await page.getByTestId("lab-send").tap();
    assert.match(await responseText(page), /^HTTP\/1\.1 200 OK/);
    await page.getByRole("button", { name: "Add a header" }).tap();
    await page.locator("#lab-h-name-1").fill("Accept");
    await page.locator("#lab-h-value-1").fill("text/plain");
    await page.getByRole("button", { name: "Remove header 2 (Accept)" }).tap();
    await page.locator(".lab-rows li").first().locator("button").tap();
    assert.match(await page.locator("#lab-raw").inputValue(), /^GET \/files\/big\.txt /);
    await page.locator("#lab-method").selectOption("HEAD");
    await page.getByTestId("lab-send").tap();
    const head = await responseText(page);
    assert.match(head, /^HTTP\/1\.1 200 OK/);
    assert.match(head, /Content-Length: 4000/);
    await page.getByTestId("challenge-state").filter({ hasText: "Solved" }).waitFor();
    assert.equal(await page.locator(".lab-row").count(), 2);
    await page.screenshot({ path: `${SHOTS}/lab-panel-360.png`, fullPage: true });

    // Nothing on the page is wider than the phone.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 360, `the page is ${wide} px wide`);

    await page.goto(app.origin + "/progress");
    await page.reload();
    await page.getByTestId("lab-standing").waitFor();
    assert.match(await page.getByTestId("lab-standing-line").textContent(), /^Lab: 3 of \d+ challenges solved$/);
    const solved = await page.getByTestId("lab-solved").locator("li").allTextContents();
    assert.equal(solved.length, 3);
    await page.getByTestId("lab-standing").screenshot({ path: `${SHOTS}/progress-lab-360.png` });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("three challenges solved by keyboard alone", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/lab?challenge=moved-for-good");
    await typeRequestAndSend(page, "GET /blog HTTP/1.1\nHost: lab.example\n");
    assert.match(await responseText(page), /^HTTP\/1\.1 301 Moved Permanently/);
    await page.getByTestId("challenge-state").filter({ hasText: "Solved" }).waitFor();

    await gotoApp(page, app.origin, "/lab?challenge=wrong-version");
    await typeRequestAndSend(page, "GET /articles HTTP/2.0\nHost: lab.example\n");
    assert.match(await responseText(page), /^HTTP\/1\.1 505 /);
    await page.getByTestId("challenge-state").filter({ hasText: "Solved" }).waitFor();

    // The hint, then the request that solves it, then Send: each reached with Tab.
    await gotoApp(page, app.origin, "/lab?challenge=read-an-article");
    await tabTo(page, (el) => el.text === "Show a hint");
    await page.keyboard.press("Enter");
    await tabTo(page, (el) => el.text === "Show the request that solves it");
    await page.keyboard.press("Enter");
    await tabTo(page, (el) => el.text === "Send");
    const focus = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(focus, "solid", "the focused control shows it");
    await page.keyboard.press("Enter");
    assert.match(await responseText(page), /^HTTP\/1\.1 200 OK/);
    await page.getByTestId("challenge-state").filter({ hasText: "Solved" }).waitFor();
    assert.match(await page.getByTestId("lab-news").textContent(), /Challenge solved/);

    await gotoApp(page, app.origin, "/progress");
    assert.match(await page.getByTestId("lab-standing-line").textContent(), /^Lab: 3 of/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a broken request gets its 400 with the reason in plain words", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, PHONE, TOUCH);
    await gotoApp(page, app.origin, "/lab");
    await page.locator("#lab-raw").fill("GET /articles HTTP/1.1\nHost lab.example\n");
    assert.match(await page.getByTestId("lab-unread").textContent(), /Line 2 has no colon/);
    await page.getByTestId("lab-send").tap();
    assert.match(await responseText(page), /^HTTP\/1\.1 400 Bad Request/);
    assert.match(await page.getByTestId("lab-why").textContent(), /Line 2 has no colon/);
    assert.match(await page.getByTestId("lab-why").textContent(), /RFC 911\d/);
    await page.screenshot({ path: `${SHOTS}/lab-400-360.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("an address naming no challenge says so, and the lab keeps working", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, PHONE);
    await gotoApp(page, app.origin, "/lab?challenge=no-such-thing");
    assert.match(await page.getByTestId("lab-unknown-challenge").textContent(), /no-such-thing/);
    await page.getByTestId("lab-send").click();
    assert.match(await responseText(page), /^HTTP\/1\.1 200 OK/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the lab is its own download: when it cannot be fetched the page says so, and it opens on a retry", async () => {
    // No service worker: it would have precached the lab, and it is the lab's fetch that fails here.
    const { context, page } = await openPage(app.browser, app.origin, PHONE, { serviceWorkers: "block" });
    let blocked = true;
    await page.route(/\/split_lab_view[^/]*\.wasm$/, (route) => (blocked ? route.abort("internetdisconnected") : route.continue()));
    await gotoApp(page, app.origin, "/");
    await page.getByRole("link", { name: "Lab", exact: true }).click();
    assert.match(await page.getByTestId("lab-not-loaded").textContent(), /could not be loaded.*offline/);
    assert.equal(await page.title(), "Lab · HTTP Study");
    await page.screenshot({ path: `${SHOTS}/lab-not-loaded-360.png` });
    assert.deepEqual(await violations(page), [], "the lab that could not be loaded");
    await page.getByRole("link", { name: "Quiz", exact: true }).click();
    await page.getByTestId("start").waitFor(); // the rest of the app goes on working

    await page.goto(app.origin + "/lab"); // its own address: the app starts all the same
    await page.getByTestId("lab-not-loaded").waitFor();
    blocked = false;
    await page.getByRole("button", { name: "Try again" }).click();
    await page.getByTestId("lab-send").click();
    assert.match(await responseText(page), /^HTTP\/1\.1 200 OK/);
    await context.close();
  });

  test("a Reference page links to its challenge", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference/410");
    await page.getByTestId("try-in-lab").getByRole("link").first().click();
    await page.waitForURL(/\/lab\?challenge=/);
    await page.getByTestId("challenge-goal").waitFor();
    await context.close();
  });

  test("axe-core finds nothing on /lab, in each state, light and dark", async () => {
    for (const scheme of ["light", "dark"]) {
      const { context, page } = await openPage(app.browser, app.origin, PHONE, { colorScheme: scheme });
      await gotoApp(page, app.origin, "/lab");
      assert.deepEqual(await violations(page), [], `${scheme}: the lab`);
      await gotoApp(page, app.origin, "/lab?challenge=delete-twice");
      await page.getByRole("button", { name: "Show a hint" }).click();
      await page.getByTestId("show-solution").click();
      await page.getByTestId("lab-send").click();
      await page.getByTestId("lab-response-text").waitFor();
      await page.getByRole("button", { name: "Add a header" }).click();
      assert.deepEqual(await violations(page), [], `${scheme}: a challenge, its answer, the panel`);
      await page.getByTestId("lab-raw").fill("nonsense");
      await page.getByTestId("lab-send").click();
      assert.deepEqual(await violations(page), [], `${scheme}: a 400`);
      if (scheme === "dark") await page.screenshot({ path: `${SHOTS}/lab-dark-360.png`, fullPage: true });
      await context.close();
    }
  });
});
