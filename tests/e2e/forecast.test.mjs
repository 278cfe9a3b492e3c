// End-to-end: the forecast on Progress (issue 14). A new learner is told there is no forecast
// yet and what to do; after a first study session the forecast says how many codes and method
// facts they are likely to remember in 30 days at their pace, when the Beginner set would be
// known, and, in one sentence, that it is an estimate from a memory model.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";

const app = useServedApp();

const REMEMBERED =
  /in 30 days you are likely to remember about (\d+) of (\d+) status codes and (\d+) of (\d+) method facts \(today: (\d+) and (\d+)\)\.$/;

/** A first study session from the header's link: every card graded Good until it is over. */
async function firstSession(page) {
  await page.getByRole("link", { name: "Study", exact: true }).click();
  await page.waitForURL(app.origin + "/study");
  let answers = 0;
  for (; answers < 60; answers++) {
    const front = page.getByTestId("card-front");
    const done = page.getByTestId("study-done");
    await Promise.race([front.waitFor(), done.waitFor()]);
    if (await done.isVisible()) break;
    await page.getByTestId("flip").click();
    await page.getByTestId("card-back").waitFor();
    await page.getByTestId("grade-good").click();
  }
  assert.ok(answers >= 10, `${answers} answers in the first session`);
  return answers;
}

describe("the forecast on Progress", () => {
  test("appears after some answers and reads sensibly", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/progress");
    const forecast = page.getByTestId("forecast");
    await forecast.waitFor();
    assert.match(
      await page.getByTestId("forecast-none").innerText(),
      /^No forecast yet: answer a few flashcards or quiz questions/,
    );

    const answers = await firstSession(page);

    await page.getByRole("link", { name: "Progress", exact: true }).click();
    await page.waitForURL(app.origin + "/progress");
    const remembered = await page.getByTestId("forecast-remembered").innerText();
    const m = remembered.match(
      /^At your recent pace of about (\d+) answers a day, in 30 days you are likely to remember about (\d+) of (\d+) status codes and (\d+) of (\d+) method facts \(today: (\d+) and (\d+)\)\.$/,
    );
    assert.ok(m, remembered);
    const [pace, codes, codesTotal, methods, methodsTotal, codesNow] = m.slice(1).map(Number);
    assert.equal(pace, answers, "the pace is today's answers: the learner started today");
    assert.ok(codes >= 10 && codes < codesTotal, `${codes} of ${codesTotal} codes`);
    assert.ok(codes > codesNow, `more codes in 30 days (${codes}) than today (${codesNow})`);
    assert.ok(methods <= methodsTotal, `${methods} of ${methodsTotal} method facts`);
    assert.match(
      await page.getByTestId("forecast-beginner").innerText(),
      /^The whole Beginner set: known by (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2}\.$/,
    );
    assert.match(
      await page.getByTestId("forecast-note").innerText(),
      /^This is an estimate from a memory model/,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("after three weeks away it says the learner has stopped, and expects less to be remembered", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await context.clock.install({ time: new Date("2026-03-02T09:00:00Z") });
    await gotoApp(page, app.origin, "/");
    await firstSession(page);
    await page.getByRole("link", { name: "Progress", exact: true }).click();
    const before = (await page.getByTestId("forecast-remembered").innerText()).match(REMEMBERED);
    assert.ok(before);

    // Three weeks without an answer, then the tab is looked at again.
    await context.clock.setSystemTime(new Date("2026-03-23T09:00:00Z"));
    await page.reload();
    const text = await page.getByTestId("forecast-remembered").innerText();
    assert.match(text, /^You have not answered anything in the last 14 days\. If that goes on, in 30 days/);
    const after = text.match(REMEMBERED);
    assert.ok(after, text);
    assert.ok(Number(after[1]) < Number(before[1]), `codes remembered: ${before[1]} then ${after[1]}`);
    assert.ok(Number(after[5]) < Number(before[5]), `codes remembered today: ${before[5]} then ${after[5]}`);
    assert.match(
      await page.getByTestId("forecast-beginner").innerText(),
      /^The whole Beginner set: not within 180 days at this pace\./,
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
});
