// End-to-end: a beginner's first week (issue 11), on a phone-sized screen and a laptop: what
// matters first, a main button named for what it does, quizzes that leave the day's new cards,
// typed answers that forgive, grade buttons in reach, and a search that finds.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { answerQuestions } from "./support/learner.mjs";

const app = useServedApp();
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };

const stored = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("http-study/progress") ?? "null"));

/** Whether the element's whole box is inside the viewport, with no scrolling. */
const inView = (locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  });

/** Flips the card on screen and grades it with `key` (1 to 4), by keyboard. */
async function flipAndGrade(page, key) {
  await page.getByTestId("card-front").waitFor();
  const front = await page.getByTestId("card-front").innerText();
  await page.keyboard.press("Space");
  await page.getByTestId("card-back").waitFor();
  await page.keyboard.press(key);
  return front;
}

describe("a beginner's first week", () => {
  for (const viewport of [PHONE, LAPTOP]) {
    test(`a new learner is offered their first codes, the ones every developer meets first (${viewport.width} px)`, async () => {
      const { context, page, problems } = await openPage(app.browser, app.origin, viewport);
      await gotoApp(page, app.origin, "/");
      const next = page.getByTestId("next-step");
      assert.equal(await next.innerText(), "Learn your first 10 codes");
      assert.ok(await inView(next), "the main button is above the fold");

      await next.click();
      await page.waitForURL(app.origin + "/study");
      assert.match(await page.getByTestId("session-info").innerText(), /New 10 · Learning 0 · Review 0/);
      for (let i = 0; i < 10; i++) await flipAndGrade(page, "4");
      await page.getByTestId("study-done").waitFor();
      assert.match(await page.getByTestId("done-next").innerText(), /^All done — next review in \d+ d$/);

      const record = await stored(page);
      assert.deepEqual(
        Object.keys(record.cards).sort(),
        [200, 201, 204, 301, 302, 304, 400, 401, 403, 404].map((c) => `code:${c}`).sort(),
        "the first ten are the first month's codes, in order",
      );
      await page.getByRole("link", { name: "Home", exact: true }).click();
      assert.match(await next.innerText(), /^All done — next review in \d+ d$/);
      assert.match(await page.getByTestId("learned").innerText(), /^Started 10 of \d+ in Beginner set\.$/);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

  test("a learner who knows the basics takes the placement check: what they know starts as known", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    await page.getByTestId("placement").click();
    await page.locator("h1").filter({ hasText: "Placement check" }).waitFor();
    const total = 18;
    let right = 0;
    for (let i = 1; i <= total; i++) {
      assert.match(await page.locator(".quiz-position").innerText(), new RegExp(`Question ${i} of ${total}`));
      await page.keyboard.press("1");
      const feedback = page.getByTestId("feedback");
      await feedback.waitFor();
      if (/✓ Correct/.test(await feedback.innerText())) right++;
      await page.keyboard.press("Enter");
    }
    const result = page.getByTestId("placement-result");
    await result.waitFor();
    assert.match(await result.innerText(), new RegExp(`^${right} of ${total} start as known`));
    const record = await stored(page);
    const cards = Object.values(record?.cards ?? {});
    assert.equal(cards.length, right, "only what was answered right is recorded");
    assert.ok(cards.every((c) => c.state === "Review"), "each starts as an easy first review");

    await page.getByRole("link", { name: "Home", exact: true }).click();
    assert.equal(await page.getByTestId("new-count").innerText(), "10", "the check used none of today's new cards");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("after a quiz, Study still offers the day's new cards", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/quiz?deck=beginner&n=10&seed=42");
    await answerQuestions(page, 5);
    await page.getByRole("link", { name: "Study", exact: true }).click();
    await page.getByTestId("card-front").waitFor();
    assert.match(await page.getByTestId("session-info").innerText(), /^New 10 /);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("what the learner is learning decides the new cards", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    await page.getByLabel("What are you learning?").selectOption({ label: "Methods" });
    await page.getByTestId("next-step").filter({ hasText: "Learn your first 10 cards" }).waitFor();
    await page.reload();
    await page.getByTestId("learned").filter({ hasText: "in Methods." }).waitFor();
    await gotoApp(page, app.origin, "/study");
    assert.equal(await page.getByTestId("card-front").innerText(), "Is GET safe?");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a typed answer forgives spaces, and text that is no code is explained, not graded", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    // The Beginner quiz asks its typed questions last: question 10 of this one (valid JSON
    // with invalid values: 422).
    const typedQuestion = async () => {
      await gotoApp(page, app.origin, "/quiz?deck=beginner&n=10&seed=42");
      await answerQuestions(page, 9);
      assert.equal(await page.getByTestId("option").count(), 0, "question 10 is typed");
      await page.waitForFunction(() => document.activeElement?.dataset.testid === "answer-input");
    };
    await typedQuestion();
    await page.keyboard.type(" 422 ");
    await page.keyboard.press("Enter");
    await page.getByTestId("feedback").filter({ hasText: "✓ Correct" }).waitFor();

    await typedQuestion();
    const before = (await stored(page)).history.length;
    for (const [text, says] of [
      ["abc", /not a code number/],
      ["4O4", /Did you mean 404\?/],
      ["1000", /has 4 digits/],
      ["", /Type a code number/],
    ]) {
      await page.getByTestId("answer-input").fill(text);
      await page.keyboard.press("Enter");
      await page.getByTestId("typed-error").filter({ hasText: says }).waitFor();
      assert.equal(await page.getByTestId("feedback").count(), 0, `"${text}" is not graded`);
    }
    assert.equal((await stored(page)).history.length, before, "nothing was recorded");

    await page.getByTestId("dont-know").click();
    const feedback = page.getByTestId("feedback");
    await feedback.waitFor();
    assert.match(await feedback.innerText(), /^Not known yet — the answer is 422 Unprocessable Content/);
    assert.equal((await stored(page)).history.length, before + 1, "I don't know counts as an answer");
    await page.keyboard.press("Enter");
    assert.match(await page.getByTestId("summary").innerText(), /You answered: I don’t know/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a wrong answer shows up in the codes you mix up, and its drill plays without touching the schedule", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    // Play the Beginner quiz, answering A, until a question whose options are codes is
    // answered wrongly: A is then the code taken for the right one.
    await gotoApp(page, app.origin, "/quiz?deck=beginner&n=10&seed=42");
    let chose = null;
    for (let i = 0; i < 10 && chose === null; i++) {
      await page.getByTestId("question").waitFor();
      const labels = await page.locator("[data-testid=option] .option-label").allInnerTexts();
      const codes = labels.length > 0 && labels.every((l) => /^\d{3}$/.test(l));
      if ((await page.getByTestId("option").count()) === 0) break;
      await page.keyboard.press("1");
      const feedback = page.getByTestId("feedback");
      await feedback.waitFor();
      if (codes && /Incorrect/.test(await feedback.innerText())) chose = Number(labels[0]);
      else await page.keyboard.press("Enter");
    }
    assert.ok(chose, "a wrong code was chosen");
    const history = (await stored(page)).history;
    assert.equal(history[history.length - 1].chose, chose, "the code chosen is kept");

    await page.getByRole("link", { name: "Progress", exact: true }).click();
    const confusion = page.getByTestId("confusion");
    await confusion.first().waitFor();
    const said = (await confusion.first().innerText()).match(new RegExp(`You answered ${chose} for (\\d{3}) [A-Z][^\\n]*\\s*1 time`));
    assert.ok(said, await confusion.first().innerText());
    const right = said[1];

    const before = await stored(page);
    await page.getByTestId("drill-confusions").click();
    await page.waitForURL(app.origin + "/study?drill=confusions");
    assert.match(await page.getByTestId("session-info").innerText(), /^Drill: 1 to go/);
    // The pair is on one card, side by side.
    const front = await flipAndGrade(page, "3");
    assert.ok(front.includes(right) && front.includes(String(chose)), front);
    await page.getByTestId("study-done").waitFor();
    assert.deepEqual(await stored(page), before, "a drill leaves the record alone");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("on a phone, a tap turns the card and the grade buttons are on screen without scrolling", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, PHONE);
    await gotoApp(page, app.origin, "/study");
    await page.getByTestId("card-front").click();
    await page.getByTestId("card-back").waitFor();
    // The answer has the focus, so that a screen reader reads it.
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "card-back");
    for (const grade of ["again", "hard", "good", "easy"]) {
      assert.ok(await inView(page.getByTestId(`grade-${grade}`)), `${grade} is on screen`);
    }
    await page.getByTestId("grade-good").click();
    await page.getByTestId("flip").waitFor();
    assert.equal((await stored(page)).history.length, 1);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("search finds redirects and methods, and Back brings the search back", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/reference");
    await page.getByLabel("Search codes").pressSequentially("redirect");
    await page.waitForURL(/\/reference\?q=redirect$/);
    const codes = await page
      .getByTestId("code-item")
      .evaluateAll((items) => items.map((i) => Number(i.dataset.code)));
    for (const code of [301, 302, 303, 307, 308]) assert.ok(codes.includes(code), `${code} in ${codes}`);

    await page.getByTestId("code-item").filter({ hasText: "308" }).getByRole("link").click();
    await page.waitForURL(app.origin + "/reference/308");
    await page.goBack();
    await page.getByTestId("code-item").first().waitFor();
    assert.equal(await page.getByLabel("Search codes").inputValue(), "redirect");

    await page.getByLabel("Search codes").fill("idempotent");
    const methods = await page.getByTestId("method-item").allInnerTexts();
    assert.ok(methods.some((m) => m.startsWith("PUT")) && !methods.some((m) => m.startsWith("POST")), String(methods));

    await gotoApp(page, app.origin, "/reference/PATCH");
    assert.match(await page.locator("h1").innerText(), /PATCH/);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
