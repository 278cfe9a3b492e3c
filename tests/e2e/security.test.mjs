// End-to-end: locked down. The Content-Security-Policy lets only the page's own origin (and
// WebAssembly) in, nothing the page loads comes from elsewhere, and text from the URL, from
// storage or from an imported file is always shown as text, never run as markup.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage, watchPolicyViolations } from "./support/browser.mjs";
import { storedCard } from "./support/learner.mjs";

const KEY = "http-study/progress";
const MARKUP = `<img src=x onerror="window.__pwned=1">`;

const app = useServedApp();
let scratch;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), "http-study-security-"));
});

/** The policy the page runs under, as directive → sources. */
async function policy(page) {
  const text = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  return Object.fromEntries(
    text
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

/** Nothing in <main> came from markup: no element that can load or run anything. */
const injectedElements = (page) => page.locator("main img, main script, main iframe, main object").count();
const pwned = (page) => page.evaluate(() => window.__pwned);

describe("locked down", () => {
  test("the policy allows only this origin and WebAssembly, and the app runs under it", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    const violations = await watchPolicyViolations(page);
    await gotoApp(page, app.origin, "/quiz?deck=beginner&n=10&seed=3");
    await page.getByTestId("question").waitFor();

    const csp = await policy(page);
    assert.deepEqual(csp["default-src"], ["'self'"]);
    assert.deepEqual(csp["object-src"], ["'none'"]);
    for (const [name, sources] of Object.entries(csp)) {
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "http:", "https:"]) {
        assert.ok(!sources.includes(loose), `${name} allows ${loose}`);
      }
    }
    const scripts = csp["script-src"];
    assert.deepEqual(scripts.slice(0, 2), ["'self'", "'wasm-unsafe-eval'"]);
    assert.ok(scripts.slice(2).every((s) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(s)), scripts.join(" "));

    // An inline script someone manages to add is refused; the app keeps working.
    await page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__pwned = 1";
      document.body.append(s);
    });
    assert.equal(await pwned(page), undefined);
    assert.ok(violations.some((v) => v.startsWith("script-src")), `violations: ${violations}`);
    await page.keyboard.press("1");
    await page.getByTestId("feedback").waitFor();

    // Only that refused script broke a rule; the app itself needed nothing else.
    assert.equal(violations.length, 1, `violations: ${violations}`);
    assert.deepEqual(
      problems.filter((p) => !/Executing inline script violates/.test(p)),
      [],
    );
    await context.close();
  });

  test("nothing leaves the origin: no font, script, style or image from elsewhere, and a stray request is caught", async () => {
    // The built files, the pages written for each path included, load nothing from another
    // origin. (In a page, a link to an RFC, <a href>, is only followed when clicked, and an
    // example exchange, in <pre>, quotes HTTP messages as text.)
    for (const name of readdirSync("dist", { recursive: true })) {
      if (!/\.(html|css|js|webmanifest)$/.test(name)) continue;
      const text = readFileSync(join("dist", name), "utf8")
        .replace(/<pre[ >][\s\S]*?<\/pre>/g, "")
        .replace(/<a [^>]*>/g, "");
      const urls = [...text.matchAll(/url\((['"]?)(https?:)?\/\//g), ...text.matchAll(/(src|href)=["']?https?:/g)];
      assert.deepEqual(urls.map((m) => m[0]), [], `${name} loads from another origin`);
    }

    // Every page a learner visits loads only same-origin resources.
    const { context, page, problems } = await openPage(app.browser, app.origin);
    for (const path of ["/", "/study", "/quiz", "/reference", "/reference/409", "/reference/methods", "/progress"]) {
      await gotoApp(page, app.origin, path);
      await page.locator("h1").waitFor();
      const foreign = await page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((url) => new URL(url).origin !== location.origin),
      );
      assert.deepEqual(foreign, [], `${path} loaded from another origin`);
    }
    assert.deepEqual(problems, []);

    // The watch every test runs under catches a request to another origin (which the policy
    // also refuses, so nothing is sent).
    await page.evaluate(() => fetch("http://example.com/track").catch(() => {}));
    await page.waitForTimeout(200);
    assert.ok(
      problems.some((p) => /example\.com/.test(p)),
      `the stray request is reported: ${JSON.stringify(problems)}`,
    );
    await context.close();
  });

  test("markup in the URL is shown as text", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    const encoded = encodeURIComponent(MARKUP);
    for (const path of [`/reference/${encoded}`, `/reference/methods/${encoded}`, `/${encoded}`]) {
      await gotoApp(page, app.origin, path);
      await page.locator("h1").waitFor();
      assert.ok((await page.locator("main").innerText()).includes(MARKUP), `${path} shows the text`);
      assert.equal(await injectedElements(page), 0, `${path} made no element from it`);
    }
    await gotoApp(page, app.origin, `/quiz?deck=${encoded}&seed=1`);
    await page.locator("h1").waitFor();
    assert.ok((await page.locator("main").innerText()).includes(MARKUP), "the quiz link's deck is quoted as text");
    assert.equal(await injectedElements(page), 0);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("markup in an imported file and in stored progress is shown as text", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/progress");
    // A card whose state is markup: that card is left out, and the message quotes the value, as text.
    const record = {
      app: "http-study",
      version: 2,
      cards: { "code:404": storedCard({ state: MARKUP }) },
      history: [],
    };
    const file = join(scratch, "markup.json");
    await writeFile(file, JSON.stringify(record));
    await page.getByTestId("import-file").setInputFiles(file);
    await page.getByTestId("import").click();
    const message = page.getByTestId("import-message");
    await message.filter({ hasText: "could not be read and was left out" }).waitFor();
    assert.ok((await message.innerText()).includes(MARKUP), await message.innerText());
    assert.equal(await injectedElements(page), 0);

    // The same record found in storage: the notice quotes it as text too.
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, JSON.stringify(record)]);
    await page.reload();
    const notice = page.getByTestId("storage-notice");
    await notice.waitFor();
    assert.ok((await notice.innerText()).includes(MARKUP), await notice.innerText());
    assert.equal(await page.locator("img").count(), 0);
    assert.equal(await pwned(page), undefined);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
