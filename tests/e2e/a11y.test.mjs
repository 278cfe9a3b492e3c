// End-to-end: axe-core finds nothing on every page and state, in light and dark.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { answerQuestions } from "./support/learner.mjs";
import { violations } from "./support/axe.mjs";

const app = useServedApp();

/** Each state: a name, a path, and what to do there before checking. */
const STATES = [
  ["home", "/", async () => {}],
  ["study, before the flip", "/study", async () => {}],
  ["study, after the flip", "/study", async (page) => {
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
  }],
  ["quiz set-up", "/quiz", async () => {}],
  ["a quiz question", "/quiz?deck=beginner&n=10&seed=42", async (page) => page.getByTestId("question").waitFor()],
  ["quiz feedback", "/quiz?deck=beginner&n=10&seed=42", async (page) => {
    await page.getByTestId("question").waitFor();
    await page.keyboard.press("1");
    await page.getByTestId("feedback").waitFor();
  }],
  ["quiz summary", "/quiz?deck=methods&n=10&seed=3", async (page) => {
    await answerQuestions(page, 10, { option: "2", typed: "200" });
    await page.getByTestId("summary").waitFor();
  }],
  ["a typed answer that is not a code", "/quiz?deck=beginner&n=10&seed=42", async (page) => {
    await answerQuestions(page, 9);
    await page.getByTestId("answer-input").fill("4O4");
    await page.keyboard.press("Enter");
    await page.getByTestId("typed-error").filter({ hasText: "Did you mean" }).waitFor();
  }],
  ["study, all done", "/study", async (page) => {
    for (let i = 0; i < 10; i++) {
      await page.getByTestId("card-front").waitFor();
      await page.keyboard.press("Space");
      await page.getByTestId("card-back").waitFor();
      await page.keyboard.press("4");
    }
    await page.getByTestId("study-done").waitFor();
  }],
  ["the placement check", "/quiz?placement", async (page) => page.getByTestId("question").waitFor()],
  ["a drill of the weakest ten", "/study?drill=weakest", async (page) => page.getByTestId("session-info").waitFor()],
  ["a Spot-the-fault question", "/quiz?deck=4xx&n=10&seed=123456789", async (page) => {
    await answerQuestions(page, 4);
    await page.getByTestId("exhibit").waitFor();
  }],
  ["Spot-the-fault feedback", "/quiz?deck=4xx&n=10&seed=123456789", async (page) => {
    await answerQuestions(page, 4);
    await page.getByTestId("exhibit").waitFor();
    await page.keyboard.press("2");
    await page.getByTestId("corrected").waitFor();
  }],
  ["reference", "/reference", async () => {}],
  ["a reference search", "/reference?q=redirect", async (page) => page.getByTestId("code-item").first().waitFor()],
  ["a code's page", "/reference/401", async () => {}],
  ["an unregistered code", "/reference/471", async () => {}],
  ["the methods table", "/reference/methods", async () => {}],
  ["a method's page", "/reference/methods/PATCH", async () => {}],
  ["progress", "/progress", async () => {}],
  ["progress with a confusion", "/quiz?deck=beginner&n=10&seed=42", async (page) => {
    // Question 8 offers 206 first for a DELETE with nothing to say (204).
    await answerQuestions(page, 7);
    await page.getByTestId("question").waitFor();
    await page.keyboard.press("1");
    await page.getByTestId("feedback").waitFor();
    await page.getByRole("link", { name: "Progress", exact: true }).click();
    await page.getByTestId("confusion").first().waitFor();
  }],
  ["not found", "/no/such/page", async () => {}],
  ["the damaged-storage notice", "/", async (page) => {
    await page.evaluate(() => localStorage.setItem("http-study/progress", "garbage"));
    await page.reload();
    await page.getByTestId("storage-notice").waitFor();
  }],
];

describe("accessibility (axe-core)", () => {
  for (const scheme of ["light", "dark"]) {
    test(`no violations on any page or state, ${scheme} scheme`, async () => {
      const found = [];
      for (const [name, path, prepare] of STATES) {
        const { context, page } = await openPage(app.browser, app.origin);
        await page.emulateMedia({ colorScheme: scheme });
        await gotoApp(page, app.origin, path);
        await prepare(page);
        for (const v of await violations(page)) found.push(`${name}: ${v}`);
        await context.close();
      }
      assert.deepEqual(found, []);
    });
  }
});
