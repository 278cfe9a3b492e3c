// End-to-end: quizzes and flashcards against the release build, by keyboard only.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { answerQuestions } from "./support/learner.mjs";

const app = useServedApp();

const QUIZ = "/quiz?deck=beginner&n=10&seed=42";

/** The stored progress, as the app wrote it. */
const storedProgress = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("http-study/progress") ?? "null"));

/** Answers the showing question by keyboard: option 1, or a typed code. */
async function answerByKeyboard(page) {
  await page.getByTestId("question").waitFor();
  if ((await page.getByTestId("option").count()) > 0) {
    await page.keyboard.press("1");
  } else {
    // A typed question has its field focused: no Tab needed.
    await page.waitForFunction(() => document.activeElement?.dataset.testid === "answer-input");
    await page.keyboard.type("404");
    await page.keyboard.press("Enter");
  }
  const feedback = page.getByTestId("feedback");
  await feedback.waitFor();
  return /✓ Correct/.test(await feedback.innerText());
}

describe("quiz", () => {
  test("the same seed gives the same quiz", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, QUIZ);
    const first = await page.getByTestId("question").innerText();
    const options = await page.getByTestId("option").allInnerTexts();
    await page.reload();
    await page.getByTestId("question").waitFor();
    assert.equal(await page.getByTestId("question").innerText(), first);
    assert.deepEqual(await page.getByTestId("option").allInnerTexts(), options);
    await context.close();
  });

  test("a 10-question quiz played by keyboard ends with the score, and its answers survive a reload", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, QUIZ);
    let right = 0;
    for (let i = 1; i <= 10; i++) {
      assert.match(await page.locator(".quiz-position").innerText(), new RegExp(`Question ${i} of 10`));
      if (await answerByKeyboard(page)) right++;
      const feedback = await page.getByTestId("feedback").innerText();
      assert.match(feedback, /Correct|Incorrect/);
      assert.match(feedback, /RFC \d+ §|draft/, "the feedback cites its section");
      await page.keyboard.press("Enter");
    }
    const summary = page.getByTestId("summary");
    await summary.waitFor();
    assert.match(await summary.innerText(), new RegExp(`Score: ${right} / 10`));

    const saved = await storedProgress(page);
    assert.equal(saved.history.length, 10);
    assert.ok(saved.history.every((a) => a.source === "quiz"), "each answer says it was a quiz's");
    // A new learner was taught none of these: the quiz puts none of them in the schedule.
    assert.deepEqual(Object.keys(saved.cards), []);

    await page.reload();
    await page.locator("header.site-header").waitFor();
    const reloaded = await storedProgress(page);
    assert.deepEqual(reloaded.history, saved.history);
    await page.getByRole("link", { name: "Home" }).click();
    // A quiz does not use up the day's new flashcards (issue 11): all ten are still there.
    const newCount = Number(await page.getByTestId("new-count").innerText());
    assert.equal(newCount, 10, `a quiz left ${newCount} of today's 10 new cards`);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a Read-the-exchange question shows the exchange with its code hidden, and wraps on a phone", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, { width: 360, height: 740 });
    // Question 11 of this pinned quiz shows 511's example exchange.
    await gotoApp(page, app.origin, "/quiz?deck=all&n=20&seed=17");
    await answerQuestions(page, 10);
    const exhibit = page.getByTestId("exhibit");
    await exhibit.waitFor();
    const text = await exhibit.innerText();
    assert.match(text, /HTTP\/1\.1 \?\?\? \(hidden\)/);
    assert.doesNotMatch(text, /\b511\b|Network Authentication Required/);
    assert.equal(
      await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      0,
      "the exchange wraps inside its block",
    );
    await page.keyboard.press("4");
    const feedback = page.getByTestId("feedback");
    await feedback.waitFor();
    assert.match(await feedback.innerText(), /✓ Correct/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("what does the client do next: a 308 is followed with the same method, body included", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    // Question 16 of this pinned quiz shows 308's exchange (a POST to an API that moved).
    await gotoApp(page, app.origin, "/quiz?deck=all&n=20&seed=17");
    await answerQuestions(page, 15);
    assert.match(await page.getByTestId("question").innerText(), /what does the client do next\?/);
    const exhibit = await page.getByTestId("exhibit").innerText();
    assert.match(exhibit, /^POST /);
    assert.match(exhibit, /HTTP\/1\.1 308 Permanent Redirect/);
    assert.deepEqual(await page.locator("[data-testid=option] .option-label").allInnerTexts(), [
      "Repeat the same method, body included, at the new location",
      "Give up and report the error",
      "Follow Location with a GET",
      "Repeat the request with credentials",
    ]);
    await page.keyboard.press("1");
    const feedback = page.getByTestId("feedback");
    await feedback.waitFor();
    assert.match(await feedback.innerText(), /✓ Correct/);
    assert.match(await feedback.innerText(), /§15\.4\.9/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("spot the fault: a reason phrase of its own is nothing wrong, and the feedback shows the message as it should be", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    // Question 5 of this pinned quiz shows 410's exchange with only its reason phrase changed.
    await gotoApp(page, app.origin, "/quiz?deck=4xx&n=10&seed=123456789");
    await answerQuestions(page, 4);
    assert.match(await page.getByTestId("question").innerText(), /Spot the fault/);
    assert.match(await page.getByTestId("exhibit").innerText(), /HTTP\/1\.1 410 Whatever We Like/);
    await page.keyboard.press("1");
    const feedback = page.getByTestId("feedback");
    await feedback.waitFor();
    assert.match(await feedback.innerText(), /✓ Correct/);
    assert.match(await feedback.innerText(), /reason phrase/);
    assert.match(await page.getByTestId("corrected").innerText(), /HTTP\/1\.1 410 Gone/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a seeded Exchanges quiz is played by keyboard: every question shows an exchange, every answer cites its section", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/quiz?deck=exchanges&n=10&seed=5");
    for (let i = 1; i <= 10; i++) {
      assert.match(await page.locator(".quiz-position").innerText(), new RegExp(`Question ${i} of 10`));
      assert.match(await page.getByTestId("question").innerText(), /^(Read the exchange|Spot the fault)/);
      assert.match(await page.getByTestId("exhibit").innerText(), /HTTP\/1\.1/);
      await page.keyboard.press("1");
      const feedback = page.getByTestId("feedback");
      await feedback.waitFor();
      assert.match(await feedback.innerText(), /RFC \d+ §/);
      await page.keyboard.press("Enter");
    }
    await page.getByTestId("summary").waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a wrong answer says what the chosen option means", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    // Play until a multiple-choice question is answered wrongly (option 1 is right only sometimes).
    for (let seed = 1; seed < 40; seed++) {
      await gotoApp(page, app.origin, `/quiz?deck=4xx&n=10&seed=${seed}`);
      await page.getByTestId("question").waitFor();
      if ((await page.getByTestId("option").count()) !== 4) continue;
      await page.keyboard.press("a");
      const feedback = await page.getByTestId("feedback").innerText();
      if (!/Incorrect/.test(feedback)) continue;
      assert.match(feedback, /the answer is/);
      assert.match(feedback, /RFC|draft/);
      await context.close();
      return;
    }
    assert.fail("no wrong answer found in 40 seeds");
  });

  test("the set-up form starts a quiz whose URL carries its seed", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/quiz");
    await page.getByLabel("Deck", { exact: true }).selectOption("methods");
    await page.getByLabel("20 questions").check();
    await page.getByTestId("start").click();
    await page.waitForURL(/\/quiz\?deck=methods&n=20&seed=\d+$/);
    await page.getByTestId("question").waitFor();
    assert.match(await page.locator(".quiz-position").innerText(), /Question 1 of 20/);
    await context.close();
  });

  test("a quiz link with a bad seed explains itself and offers the form", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/quiz?seed=banana");
    assert.match(await page.getByRole("alert").innerText(), /seed "banana" is not a whole number/);
    await page.getByTestId("start").waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});

describe("flashcards", () => {
  test("a card is flipped with Space and graded with a number key; the grade is kept", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/study");
    const front = await page.getByTestId("card-front").innerText();
    assert.equal(await page.getByTestId("card-back").count(), 0);
    await page.keyboard.press("?");
    await page.getByTestId("shortcuts").waitFor();
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    for (const grade of ["again", "hard", "good", "easy"]) {
      assert.match(await page.getByTestId(`grade-${grade}`).innerText(), /\d+ (min|h|d|mo|y)/);
    }
    await page.keyboard.press("3");
    await page.getByTestId("card-back").waitFor({ state: "detached" });
    const saved = await storedProgress(page);
    assert.equal(saved.history.length, 1);
    assert.equal(saved.history[0].grade, "Good");
    assert.notEqual(await page.getByTestId("card-front").innerText(), front);

    await page.keyboard.press("u");
    assert.equal(await page.getByTestId("card-front").innerText(), front, "undo shows the card again");
    assert.equal((await storedProgress(page)).history.length, 0);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("Again brings the card back within the session", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/study");
    const first = await page.getByTestId("card-front").innerText();
    await page.keyboard.press("Space");
    await page.keyboard.press("1");
    for (let i = 0; i < 12; i++) {
      await page.locator('[data-testid="card-front"], [data-testid="study-done"]').first().waitFor();
      if ((await page.getByTestId("study-done").count()) > 0) break;
      await page.keyboard.press("Space");
      await page.keyboard.press("4");
    }
    const saved = await storedProgress(page);
    const firstKey = saved.history[0].item;
    assert.ok(
      saved.history.slice(1).some((a) => a.item === firstKey),
      `the card graded Again came back (${first})`,
    );
    await context.close();
  });
});
