// End-to-end: progress a learner can trust, over time and across tabs. One journey per fault
// of issue 10, each played as a learner meets it: the clock moves (Playwright's clock), tabs
// interleave, files come from elsewhere, and the record in localStorage is read back.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp } from "./support/browser.mjs";
import { BACKUP_PREFIX, answerQuestions, storedBackups as backups, storedCard } from "./support/learner.mjs";
import { put, recordTools, recordWith, stored, storedText } from "./support/record.mjs";

const app = useServedApp();
const { openAt, answerQuiz, answersLast30Days, importFile, scratchFile } = recordTools(app);

/** Holds back storage events from other tabs, as in a tab the browser has put to sleep. */
const deaf = () =>
  window.addEventListener("storage", (e) => e.stopImmediatePropagation(), { capture: true });

describe("progress a learner can trust", () => {
  test("1. the grade lands on the card on screen, even when another card falls due meanwhile", async () => {
    const { context, page, problems } = await openAt("2026-11-02T09:00:00Z");
    await gotoApp(page, app.origin, "/study");
    const front = () => page.getByTestId("card-front").innerText();
    const a = await front();
    await page.keyboard.press("Space");
    await page.getByTestId("grade-again").click(); // A comes back in about a minute
    await page.getByTestId("card-front").filter({ hasNotText: a }).waitFor();
    const b = await front();
    assert.notEqual(b, a);

    // The learner looks at B for five minutes: A's step falls due meanwhile.
    await context.clock.setSystemTime(new Date("2026-11-02T09:05:00Z"));
    await page.keyboard.press("Space");
    await page.getByTestId("card-back").waitFor();
    assert.equal(await front(), b, "flipping keeps B on screen");
    await page.keyboard.press("3");

    const record = await stored(page);
    assert.equal(record.history.length, 2);
    const [first, second] = record.history;
    assert.notEqual(second.item, first.item, "the second grade is B's, not A's");
    assert.equal(second.grade, "Good");
    assert.equal(record.cards[first.item].reps, 1, "A was graded once");
    assert.equal(record.cards[second.item].reps, 1, "B was graded once");
    // A, now due, is the next card shown.
    await page.getByTestId("card-front").filter({ hasText: a }).waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("2. an answer exported on day 1 and merged back on day 17 counts once, and keeps counting once", async () => {
    const { context, page, problems } = await openAt("2026-11-01T09:00:00Z");
    await answerQuiz(page, 3, 21);
    await gotoApp(page, app.origin, "/progress");
    const download = page.waitForEvent("download");
    await page.getByTestId("export").click();
    const file = await scratchFile("day1.json");
    await (await download).saveAs(file);

    await context.clock.setSystemTime(new Date("2026-11-17T09:00:00Z"));
    await page.reload(); // a later load folds old answers into day totals
    await page.locator("header.site-header").waitFor();
    await page.getByTestId("import-file").setInputFiles(file);
    await page.getByTestId("import").click();
    await page.getByTestId("import-message").filter({ hasText: "Imported" }).waitFor();
    assert.equal(await answersLast30Days(page), 3, "counted once after the merge");
    await page.reload();
    assert.equal(await answersLast30Days(page), 3, "and once after the next load");
    await context.clock.setSystemTime(new Date("2026-11-20T09:00:00Z"));
    await page.reload();
    assert.equal(await answersLast30Days(page), 3, "and days later");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("2b. a tab left open for two weeks and a fresh tab count every answer once", async () => {
    const { context, page: old, problems } = await openAt("2026-11-01T09:00:00Z");
    await answerQuiz(old, 2, 22);
    await context.clock.setSystemTime(new Date("2026-11-15T09:00:00Z"));
    const fresh = await context.newPage();
    await answerQuiz(fresh, 2, 23); // the fresh tab folds the old answers on load
    await answerQuestions(old, 1); // the old tab, still open, answers on
    assert.equal(await answersLast30Days(old, { inApp: true }), 5, "the old tab, without a reload");
    assert.equal(await answersLast30Days(fresh, { inApp: true }), 5, "the fresh tab, which heard the old one");
    assert.equal(await answersLast30Days(fresh), 5, "the next load");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("3. undo removes this tab's answer only, never one another tab gave meanwhile", async () => {
    const { context, page: study, problems } = await openAt("2026-11-02T09:00:00Z");
    const quiz = await context.newPage();
    await gotoApp(study, app.origin, "/study");
    await study.keyboard.press("Space");
    await study.keyboard.press("3");
    await study.getByTestId("undo").waitFor();
    const [mine] = (await stored(study)).history.map((a) => a.id);

    await answerQuiz(quiz, 1, 31);
    const ids = (await stored(quiz)).history.map((a) => a.id);
    assert.equal(ids.length, 2);
    const theirs = ids.find((id) => id !== mine);

    await study.bringToFront();
    await study.keyboard.press("u");
    await study.getByTestId("undo").waitFor({ state: "detached" });
    const left = (await stored(study)).history.map((a) => a.id);
    assert.deepEqual(left, [theirs], "the other tab's answer stays");
    assert.equal(await study.getByTestId("undo-failed").count(), 0, "no failure to tell");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("4. a card whose key names no item is never due, on Home, Study or Progress", async () => {
    const { context, page, problems } = await openAt("2026-11-10T09:00:00Z");
    await gotoApp(page, app.origin, "/");
    await put(
      page,
      recordWith({
        "code:299": storedCard({ due: "2026-11-01T09:00:00Z" }),
        "code:404": storedCard({ due: "2026-11-02T09:00:00Z" }),
      }),
    );
    await page.reload();
    await page.getByTestId("due-count").filter({ hasText: /^1$/ }).waitFor();
    await gotoApp(page, app.origin, "/progress");
    assert.equal(await page.getByTestId("due-count").innerText(), "1");
    assert.match(await page.getByTestId("unscheduled").innerText(), /1 item that is no longer in the catalogue/);

    await gotoApp(page, app.origin, "/study");
    assert.match(await page.getByTestId("card-front").innerText(), /404|Not Found/);
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await page.getByRole("link", { name: "Home", exact: true }).click();
    await page.getByTestId("due-count").filter({ hasText: /^0$/ }).waitFor();
    assert.ok((await stored(page)).cards["code:299"], "the unknown card is kept, not deleted");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("5. grading after the clock went back a month writes a record that loads back whole", async () => {
    const { context, page, problems } = await openAt("2026-12-01T10:00:00Z");
    await answerQuiz(page, 3, 42);
    // The phone's clock was a month fast; it is corrected, and the same items are answered again.
    await context.clock.setSystemTime(new Date("2026-11-01T10:00:00Z"));
    await answerQuiz(page, 3, 42);
    await page.reload();
    await page.locator("header.site-header").waitFor();
    assert.equal(await page.getByTestId("storage-notice").count(), 0, "nothing is set aside");
    const record = await stored(page);
    assert.equal(record.history.length, 6);
    for (const [item, card] of Object.entries(record.cards)) {
      assert.ok(Number.isFinite(card.stability) && card.stability > 0, `${item}: stability ${card.stability}`);
      assert.ok(Number.isFinite(card.difficulty), `${item}: difficulty ${card.difficulty}`);
      assert.ok(!Number.isNaN(Date.parse(card.due)), `${item}: due ${card.due}`);
    }
    await gotoApp(page, app.origin, "/progress");
    await page.getByTestId("progress-summary").waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("5 and 10. impossible cards are set aside by name; every other card and answer loads", async () => {
    const { context, page } = await openAt("2026-11-10T09:00:00Z");
    await gotoApp(page, app.origin, "/");
    const { stability: _, ...noStability } = storedCard();
    const record = recordWith(
      {
        "code:404": storedCard({ due: "2026-11-02T09:00:00Z" }),
        "code:500": storedCard({ due: "9999-01-01T00:00:00Z" }),
        "code:409": storedCard({ stability: 0 }),
        "code:201": storedCard({ reps: 2147483647 }),
        "code:301": noStability,
      },
      {
        history: [{ item: "code:404", at: "2026-11-01T09:00:00Z", day: "2026-11-01", grade: "Good", first: true }],
      },
    );
    await put(page, record);
    await page.reload();
    const notice = page.getByTestId("storage-notice");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /Part of your saved progress could not be read, and everything else loaded/);
    for (const item of ["500 Internal Server Error", "409 Conflict", "201 Created", "301 Moved Permanently"]) {
      assert.ok(text.includes(item), `the notice names ${item}: ${text}`);
    }
    assert.ok(!text.includes("404"), "the good card is not named");
    const kept = await backups(page);
    assert.equal(kept.length, 1);
    assert.equal(kept[0][1], record, "the whole record as it was is kept in the backup");

    await page.getByTestId("dismiss-notice").click();
    await page.getByTestId("due-count").filter({ hasText: /^1$/ }).waitFor();
    assert.equal(await answersLast30Days(page), 1, "the answer loaded");
    await page.reload();
    await page.locator("header.site-header").waitFor();
    assert.equal(await page.getByTestId("storage-notice").count(), 0, "what was written loads without a word");
    await context.close();
  });

  test("6. a reset holds against a tab that did not hear of it, and so does an import that replaces", async () => {
    const { context, page: one, problems } = await openAt("2026-11-02T09:00:00Z");
    const two = await context.newPage();
    await two.addInitScript(deaf);
    await answerQuiz(one, 2, 61);
    await gotoApp(two, app.origin, "/"); // loads the two answers, then hears nothing more

    await gotoApp(one, app.origin, "/progress");
    await one.getByTestId("reset").click();
    await one.getByTestId("reset-confirm").click();
    assert.equal((await stored(one)).history.length, 0);

    await gotoApp(two, app.origin, "/quiz?deck=beginner&n=10&seed=62");
    await answerQuestions(two, 1);
    assert.equal((await stored(two)).history.length, 1, "only the answer after the reset");
    await one.reload();
    await one.getByRole("link", { name: "Home", exact: true }).click();
    await one.getByTestId("done-line").filter({ hasText: /^1 answer today,/ }).waitFor();

    // Replace with a file holding one due card: the deaf tab's next answer does not bring back the rest.
    const message = await importFile(
      one,
      "replace.json",
      recordWith({ "code:404": storedCard({ due: "2026-11-01T09:00:00Z" }) }),
      { replace: true },
    );
    assert.match(message, /replaced this browser's/);
    await answerQuestions(two, 1);
    const after = await stored(two);
    assert.equal(after.history.length, 1, "the replaced answers stay gone");
    assert.ok(after.cards["code:404"], "the file's card is kept");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("7. a record from a newer version is never written over, and the notice says so truly", async () => {
    const { context, page } = await openAt("2026-11-02T09:00:00Z");
    await gotoApp(page, app.origin, "/");
    const newer = JSON.stringify({ app: "http-study", version: 6, cards: {}, history: [], journal: ["future"] });
    await put(page, newer);
    await page.reload();
    const notice = page.getByTestId("storage-notice");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /newer version of HTTP Study \(format 6/);
    assert.match(text, /answers you give here will not be kept/);
    assert.doesNotMatch(text, /set aside|damaged/);
    assert.equal(await page.getByTestId("reload-app").count(), 1);
    assert.equal(await page.getByTestId("go-on-without").count(), 0, "no way to write over it");

    await answerQuiz(page, 2, 71);
    assert.equal(await storedText(page), newer, "the newer record is untouched");
    await page.reload();
    await notice.waitFor();
    assert.equal(await storedText(page), newer);
    await context.close();
  });

  test("8. each damaged record gets its own backup", async () => {
    const { context, page } = await openAt("2026-11-02T09:00:00Z");
    await gotoApp(page, app.origin, "/");
    await put(page, "<<first>>");
    await page.reload();
    await page.getByTestId("storage-notice").waitFor();
    await context.clock.setSystemTime(new Date("2026-11-03T09:00:00Z"));
    await put(page, "<<second>>");
    await page.reload();
    await page.getByTestId("storage-notice").waitFor();
    const kept = await backups(page);
    assert.deepEqual(
      kept.map(([, v]) => v),
      ["<<first>>", "<<second>>"],
    );
    await gotoApp(page, app.origin, "/progress");
    assert.equal(await page.getByTestId("backup").count(), 2, "both are listed for download");
    await context.close();
  });

  test("8b. when no backup can be written, the notice says so and offers the download, and new answers are still saved", async () => {
    // Issue 19, fault 5: backups never cost the saving of new answers.
    const { context, page } = await openAt("2026-11-02T09:00:00Z");
    await page.addInitScript((prefix) => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).startsWith(prefix)) throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    }, BACKUP_PREFIX);
    await gotoApp(page, app.origin, "/");
    await put(page, "<<only copy>>");
    await page.reload();
    const notice = page.getByTestId("storage-notice");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /No copy of it could be kept/);
    assert.match(text, /download it now/);
    assert.doesNotMatch(text, /set aside/);
    assert.equal(await page.getByTestId("download-damaged").count(), 1);
    assert.equal(await backups(page).then((b) => b.length), 0);
    assert.equal(await storedText(page), "<<only copy>>", "left where it is until the next change");

    await answerQuiz(page, 1, 81);
    assert.equal((await stored(page)).history.length, 1, "the next answer is saved");
    await context.close();
  });

  test("9. a huge daily total in an imported file leaves the Progress page working", async () => {
    const { context, page, problems } = await openAt("2026-11-10T09:00:00Z");
    const file = recordWith(
      {},
      {
        daily: {
          "2026-11-01": { answers: 4294967295, correct: 4294967295, new_items: 4294967295 },
          "2026-11-02": { answers: 4294967295, correct: 0, new_items: 0 },
        },
      },
    );
    const message = await importFile(page, "huge.json", file);
    assert.match(message, /Imported/);
    // Totals no day can hold are left out of the import, and said to be.
    assert.match(message, /could not be read and was left out/);
    const answers = await answersLast30Days(page);
    assert.ok(answers <= 200000, `a bounded total: ${answers}`);
    await page.getByTestId("reset").waitFor(); // the controls below the charts are there
    await page.reload();
    await page.getByTestId("chart-answers").waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });
});
