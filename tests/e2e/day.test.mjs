// End-to-end: a learner's day that holds together (issue 18). Home, Study and Progress say the
// same at every moment of a learner's two weeks (first visit, mid-session, after the session,
// minutes later on an open page, the next day, two weeks later), with the browser's clock moved
// by Playwright; a session ends with a summary and ways to keep going; a quiz leaves the schedule
// to what was taught; coming back after a break is welcomed and capped; a phone's touch screen
// shows no keyboard hints; the grade buttons are in reach after a flip. Screenshots at 360 x 740
// of the first card, the done screen and the welcome back land in tests/e2e/artifacts.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { answerQuestions } from "./support/learner.mjs";

const app = useServedApp();
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 800 };
const TOUCH = { hasTouch: true, isMobile: true };
const T0 = new Date("2026-03-02T08:00:00Z"); // a Monday morning
const DAY = 24 * 3600 * 1000;
mkdirSync("tests/e2e/artifacts", { recursive: true });

const text = (page, id) => page.getByTestId(id).first().innerText();

/** The day's figures and sentences as a page shows them (Home and Progress show the same block). */
async function today(page) {
  await page.getByTestId("today").waitFor();
  const f = {};
  for (const id of ["due-count", "due-later", "new-count", "streak", "goal", "due-line", "new-line", "done-line", "goal-line", "streak-line"]) {
    f[id] = await text(page, id);
  }
  return f;
}

/** The Study page's counts as its line says them: "New 5 · Learning 0 · Review 3". */
async function studyCounts(page) {
  const line = await text(page, "session-info");
  const m = line.match(/^New (\d+) · Learning (\d+)(?: \([^)]*\))? · Review (\d+)/);
  assert.ok(m, line);
  return { new: Number(m[1]), learning: Number(m[2]), review: Number(m[3]) };
}

/** Goes to `path` by the header's link, as a learner does (no reload). */
async function visit(page, label, path) {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label, exact: true }).click();
  await page.waitForURL(app.origin + path);
}

/**
 * Checks that Home, Progress and a fresh Study session agree at this moment, and returns Home's
 * figures. `moment` names it in messages.
 */
async function agree(page, moment) {
  await visit(page, "Home", "/");
  const home = await today(page);
  await visit(page, "Progress", "/progress");
  const progress = await today(page);
  assert.deepEqual(progress, home, `${moment}: Progress says what Home says`);
  await visit(page, "Study", "/study");
  await page.locator('[data-testid="flashcard"], [data-testid="study-done"]').first().waitFor();
  if ((await page.getByTestId("study-done").count()) > 0) {
    assert.equal(home["due-count"], "0", `${moment}: Study is done, so nothing is due`);
    assert.equal(home["new-count"], "0", `${moment}: Study is done, so no new item waits`);
    assert.equal(await text(page, "done-goal"), home["goal-line"], `${moment}: the goal`);
  } else {
    const c = await studyCounts(page);
    assert.equal(String(c.new), home["new-count"], `${moment}: new items, Study and Home`);
    assert.equal(String(c.learning + c.review), home["due-count"], `${moment}: due now, Study and Home`);
  }
  return home;
}

/** Flips and grades the card on screen by touch (a tap on the card, then on the grade). */
async function tapGrade(page, grade = "good") {
  await page.getByTestId("flashcard").tap();
  await page.getByTestId("card-back").waitFor();
  await page.getByTestId(`grade-${grade}`).tap();
}

describe("a learner's day that holds together", () => {
  test("Home, Study and Progress agree at six moments over two weeks (a phone, by touch)", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin, PHONE, TOUCH);
    await context.clock.install({ time: T0 });
    await gotoApp(page, app.origin, "/");

    // 1. First visit.
    let home = await agree(page, "first visit");
    assert.equal(home["new-count"], "10");
    assert.equal(home["streak-line"], "No streak yet: study today to start one.");
    // The first card explains the grades, one line each, and the question stays in view.
    await page.getByTestId("flashcard").tap();
    await page.getByTestId("grade-help").waitFor();
    assert.match(await text(page, "grade-help"), /Again[\s\S]*Hard[\s\S]*Good[\s\S]*Easy/);
    await page.screenshot({ path: "tests/e2e/artifacts/day-first-card-360.png" });
    const inView = (id) =>
      page.getByTestId(id).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
    assert.ok(await inView("card-front"), "the question is still in view after the flip");
    assert.ok(await inView("grade-good"), "the grade buttons are in reach");
    await page.getByTestId("grade-good").tap();

    // 2. Mid-session: four more cards, one of them graded Again.
    for (const g of ["good", "again", "good", "good"]) {
      await page.clock.fastForward(15_000);
      await tapGrade(page, g);
    }
    home = await agree(page, "mid-session");
    assert.equal(home["new-count"], "5");
    // The page stays open on Home: the Again card's step comes due without a reload.
    await visit(page, "Home", "/");
    const dueBefore = Number(await text(page, "due-count"));
    await page.clock.fastForward(3 * 60_000);
    await page.getByTestId("due-count").filter({ hasText: String(dueBefore + 1) }).waitFor();

    // 3. After the session: a summary and ways to keep going.
    await visit(page, "Study", "/study");
    for (let i = 0; i < 40 && (await page.getByTestId("study-done").count()) === 0; i++) {
      await page.clock.fastForward(15_000);
      await tapGrade(page, "good");
    }
    const done = page.getByTestId("study-done");
    await done.waitFor();
    assert.match(await text(page, "done-summary"), /^\d+ cards in .*, \d+ of \d+ answers right\./);
    assert.match(await text(page, "done-back"), /^They come back: /);
    await page.getByTestId("keep-learn-more").waitFor();
    await page.getByTestId("keep-practise-studied").waitFor();
    await page.screenshot({ path: "tests/e2e/artifacts/day-done-360.png", fullPage: true });
    home = await agree(page, "after the session");
    assert.equal(home["new-count"], "0");
    await visit(page, "Home", "/");
    assert.match(await text(page, "next-step"), /^All done — next review in /);
    await page.getByTestId("keep-going").waitFor();

    // 4. Fifteen minutes later.
    await page.clock.fastForward(15 * 60_000);
    await agree(page, "15 minutes later");

    // 5. The next day: reviews and new items, named together.
    await page.clock.setSystemTime(new Date(T0.getTime() + DAY + 3600_000));
    await page.reload();
    home = await agree(page, "the next day");
    assert.equal(home["new-count"], "10");
    assert.equal(home["streak-line"], "1 day in a row: study today to keep it.");
    await visit(page, "Home", "/");
    const button = await text(page, "next-step");
    if (home["due-count"] !== "0") {
      assert.match(button, new RegExp(`^Review ${home["due-count"]} · learn 10 new$`));
    } else {
      assert.equal(button, "Learn 10 new codes");
    }

    // 6. Two weeks later: welcomed back, the streak says when it ended.
    await page.clock.setSystemTime(new Date(T0.getTime() + 15 * DAY));
    await page.reload();
    await visit(page, "Home", "/");
    const welcome = await text(page, "welcome");
    assert.match(welcome, /^Welcome back! Your last study was on Mon 2 Mar, 15 days ago\./);
    await page.screenshot({ path: "tests/e2e/artifacts/day-welcome-back-360.png", fullPage: true });
    home = await agree(page, "two weeks later");
    assert.match(home["streak-line"], /^Your 1-day streak ended on Mon 2 Mar; study today to start a new one\.$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a quiz on untaught items counts its answers but makes nothing due", async () => {
    // Fault: a new learner's 20-question Beginner quiz made "20 reviews due" 15 minutes later,
    // and "Started 30 of 97" after studying 10.
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await context.clock.install({ time: T0 });
    await gotoApp(page, app.origin, "/study");
    for (let i = 0; i < 40 && (await page.getByTestId("study-done").count()) === 0; i++) {
      await page.keyboard.press("Space");
      await page.getByTestId("card-back").waitFor();
      await page.keyboard.press("3");
      await page.clock.fastForward(15_000);
    }
    await page.getByTestId("study-done").waitFor();
    await gotoApp(page, app.origin, "/quiz?deck=beginner&n=20&seed=42");
    assert.match(await text(page, "deck-newness"), /^87 of 97 items of the Beginner set are new to you\.$/);
    await answerQuestions(page, 20, { option: "2", typed: "599" });
    await page.clock.fastForward(15 * 60_000);
    await visit(page, "Home", "/");
    assert.equal(await text(page, "learned"), "Started 10 of 97 in Beginner set.");
    assert.ok(Number(await text(page, "due-count")) <= 10, "only what was taught can come due");
    assert.match(await text(page, "done-line"), /^\d+ answers today/);
    // The quiz offered first is on what was studied.
    await visit(page, "Quiz", "/quiz");
    assert.equal(await page.getByTestId("scope-studied").isChecked(), true);
    await page.getByTestId("start").click();
    await page.getByTestId("quiz-scope").waitFor();
    assert.match(page.url(), /&only=studied$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("a phone's touch screen shows no keyboard hints, and the grades are in reach on a laptop too", async () => {
    // Fault: "(U)" and "Keyboard shortcuts (?)" showed on touch screens; on a laptop the grade
    // buttons were below the fold after a flip.
    const phone = await openPage(app.browser, app.origin, PHONE, TOUCH);
    await gotoApp(phone.page, app.origin, "/study");
    await tapGrade(phone.page, "good");
    await phone.page.getByTestId("undo").waitFor();
    assert.equal(await phone.page.getByTestId("undo").innerText(), "Undo the last grade");
    assert.equal(await phone.page.getByRole("button", { name: /Keyboard shortcuts/ }).isVisible(), false);
    assert.deepEqual(phone.problems, []);
    await phone.context.close();

    const laptop = await openPage(app.browser, app.origin, LAPTOP);
    await gotoApp(laptop.page, app.origin, "/study");
    await laptop.page.keyboard.press("Space");
    await laptop.page.getByTestId("card-back").waitFor();
    const reach = await laptop.page.getByTestId("grade-easy").evaluate((el) => el.getBoundingClientRect().bottom <= window.innerHeight);
    assert.ok(reach, "the grade buttons are on screen after the flip");
    assert.deepEqual(laptop.problems, []);
    await laptop.context.close();
  });
});
