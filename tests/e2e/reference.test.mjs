// End-to-end: the Reference against the release build, as a learner uses it.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";

const app = useServedApp();

const listedCodes = (page) =>
  page.getByTestId("code-item").evaluateAll((items) => items.map((i) => Number(i.dataset.code)));

describe("the Reference", () => {
  test("search narrows the list as you type, by word and by number", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference");
    const all = await listedCodes(page);
    assert.ok(all.length >= 60, `${all.length} codes listed`);

    await page.getByLabel("Search codes").pressSequentially("conflict");
    await page.getByTestId("result-count").filter({ hasNotText: `${all.length} codes` }).waitFor();
    assert.equal((await listedCodes(page))[0], 409);

    await page.getByLabel("Search codes").fill("41");
    await page.getByTestId("result-count").filter({ hasText: "9 codes match." }).waitFor();
    assert.deepEqual(await listedCodes(page), [410, 411, 412, 413, 414, 415, 416, 417, 418]);

    await page.getByLabel("Search codes").fill("");
    await page.getByLabel("Class").selectOption({ label: "5xx Server Error" });
    const fives = await listedCodes(page);
    assert.ok(fives.length > 5 && fives.every((c) => c >= 500 && c < 600), String(fives));
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a code's entry loads directly, cites its section and links its neighbours", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference/409");
    assert.equal(await page.locator("h1").innerText(), "409 Conflict");
    assert.equal(await page.title(), "409 Conflict · HTTP Study");
    await page.getByText("RFC 9110 §15.5.10").first().waitFor();
    await page.getByTestId("scenarios").waitFor();
    await page.getByTestId("neighbours").getByRole("link", { name: "422 Unprocessable Content" }).click();
    await page.waitForURL(app.origin + "/reference/422");
    assert.equal(await page.locator("h1").innerText(), "422 Unprocessable Content");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("418 is shown as reserved and unused; 413 by its current name, with the old one", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference/418");
    const teapot = await page.getByTestId("code-entry").innerText();
    assert.match(await page.locator("h1").innerText(), /^418 \(Unused\)\s*UNUSED$/i);
    assert.match(teapot, /Reserved/);

    await gotoApp(page, app.origin, "/reference/413");
    assert.equal(await page.locator("h1").innerText(), "413 Content Too Large");
    assert.match(await page.getByTestId("code-entry").innerText(), /Payload Too Large/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a number that names no code gets a clear page, not an error", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference/499");
    assert.equal(await page.locator("h1").innerText(), "499 is not a registered status code");
    assert.match(await page.getByTestId("not-registered").innerText(), /treats it as 400 Bad Request/);

    await gotoApp(page, app.origin, "/reference/700");
    assert.equal(await page.locator("h1").innerText(), "700 is not a status code");

    await gotoApp(page, app.origin, "/reference/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
    assert.equal(await page.locator("h1").innerText(), "That is not a status code");
    assert.match(await page.getByTestId("not-registered").innerText(), /<img src=x onerror=alert\(1\)>/);
    assert.equal(await page.locator("main img").count(), 0, "the URL's text is shown as text");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("the methods table reads Method, Safe, Idempotent, Cacheable and links each method", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference/methods");
    const table = page.getByTestId("methods-table");
    assert.deepEqual(await table.locator("thead th").allInnerTexts(), ["Method", "Safe", "Idempotent", "Cacheable"]);
    const row = async (name) =>
      (await table.locator("tbody tr").filter({ hasText: name }).first().locator("th, td").allInnerTexts()).map((t) =>
        t.trim(),
      );
    assert.deepEqual(await row("TRACE"), ["TRACE", "Yes", "Yes", "No"]);
    assert.deepEqual((await row("CONNECT")).slice(0, 3), ["CONNECT", "No", "No"]);
    assert.deepEqual((await row("PUT")).slice(0, 3), ["PUT", "No", "Yes"]);
    assert.deepEqual((await row("PATCH")).slice(0, 3), ["PATCH", "No", "No"]);
    await table.getByRole("link", { name: "PATCH" }).click();
    await page.waitForURL(app.origin + "/reference/methods/PATCH");
    assert.equal(await page.locator("h1").innerText(), "PATCH");
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("example exchanges", () => {
  test("a code's page shows its exchange, its headers link to their rows, and nothing scrolls sideways at 360 px", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, { width: 360, height: 740 });
    await gotoApp(page, app.origin, "/reference/401");
    const exchange = page.getByTestId("exchange");
    await exchange.waitFor();
    assert.match(await page.getByTestId("exchange-request").innerText(), /^[A-Z]+ \/\S* HTTP\/1\.1\nHost: /);
    const response = await page.getByTestId("exchange-response").innerText();
    assert.match(response, /^HTTP\/1\.1 401 Unauthorized\n/);
    const link = page.getByTestId("exchange-response").getByRole("link", { name: "WWW-Authenticate" });
    assert.equal(await link.getAttribute("href"), "#header-www-authenticate");
    assert.equal(await page.locator("#header-www-authenticate").count(), 1, "the row it links to");
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      0,
      "no sideways scroll",
    );

    await gotoApp(page, app.origin, "/reference/methods/HEAD");
    const head = await page.getByTestId("exchange-response").innerText();
    assert.match(head, /^HTTP\/1\.1 200 OK/);
    assert.doesNotMatch(head, /\n\n\S/, "a response to HEAD has no body");
    assert.deepEqual(problems, []);
    await context.close();
  });
});
