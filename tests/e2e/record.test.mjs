// End-to-end: the record holds in the cases learners reach that were not tested before (issue 19):
// two devices' older records merged, storage that is full, a trip across time zones, backups of
// damaged records bounded by size, reviews stamped in the future, one answer twice in a file, two
// tabs reviewing the same cards, a drill name the app does not know, odd format numbers. One
// journey per fault, with Playwright's clock, the context's time zone, storage filled from the page
// and two pages in one context.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { BACKUP_PREFIX, storedBackups as backups, storedCard } from "./support/learner.mjs";
import { DAY, KEY, put, recordTools, stored, storedText } from "./support/record.mjs";

const app = useServedApp();
const { openAt, answerQuiz, answersLast30Days, importFile } = recordTools(app);
const NOW = new Date("2026-11-20T12:00:00Z");

/** An ISO date `days` before NOW, and an instant on it. */
const dayBefore = (days) => new Date(NOW.getTime() - days * DAY).toISOString().slice(0, 10);
const at = (days, minute = 0) => new Date(NOW.getTime() - days * DAY + minute * 60_000).toISOString().replace(".000", "");

/**
 * An older device's format-2 record: `folded` answers totalled on a day `foldedAgo` days back,
 * and `recent` answers in full `recentAgo` days back (items `code:2xx`, a minute apart).
 */
function olderDevice({ folded, foldedAgo, recent, recentAgo, codes }) {
  return JSON.stringify({
    app: "http-study",
    version: 2,
    cards: {},
    history: Array.from({ length: recent }, (_, i) => ({
      item: `code:${codes[i % codes.length]}`,
      at: at(recentAgo, i),
      day: dayBefore(recentAgo),
      grade: "Good",
      first: false,
    })),
    daily: { [dayBefore(foldedAgo)]: { answers: folded, correct: folded, new_items: 0 } },
    settings: { new_per_day: 10, desired_retention: 0.9, daily_goal: 20, theme: "System" },
  });
}

/** Fills this origin's storage until only about `room` characters are left. */
const fillStorage = (page, room) =>
  page.evaluate((room) => {
    let chunk = "x".repeat(1 << 20);
    let i = 0;
    while (chunk.length > 0) {
      try {
        localStorage.setItem(`f${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, Math.floor(chunk.length / 2));
      }
    }
    // Give back what the test asks for.
    for (let k = i - 1; k >= 0 && room > 0; k--) {
      const v = localStorage.getItem(`f${k}`);
      if (v === null) continue;
      localStorage.removeItem(`f${k}`);
      room -= v.length;
    }
  }, room);

const freeStorage = (page) =>
  page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (/^f\d+$/.test(k)) localStorage.removeItem(k);
  });

describe("the record holds where learners take it", () => {
  test("1. two devices' older records merged keep both devices' answers", async () => {
    const { context, page, problems } = await openAt(NOW);
    await gotoApp(page, app.origin, "/");
    await put(page, olderDevice({ folded: 10, foldedAgo: 25, recent: 4, recentAgo: 5, codes: [200, 201] }));
    const file = olderDevice({ folded: 7, foldedAgo: 15, recent: 6, recentAgo: 3, codes: [404, 500] });
    assert.match(await importFile(page, "device-y.json", file), /^Imported\./);
    assert.equal(await answersLast30Days(page), 27, "10 + 4 + 7 + 6");
    // The same file merged again counts once.
    await importFile(page, "device-y-again.json", file);
    assert.equal(await answersLast30Days(page), 27);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("2. an import while storage is full is not reported as imported, and changes nothing", async () => {
    const { context, page } = await openAt(NOW);
    const other = await context.newPage();
    await answerQuiz(page, 2, 21);
    await gotoApp(other, app.origin, "/");
    const before = await storedText(page);
    await fillStorage(page, 0);
    const file = olderDevice({ folded: 7, foldedAgo: 15, recent: 6, recentAgo: 3, codes: [404, 500] });
    for (const replace of [false, true]) {
      const message = await importFile(page, `full-${replace}.json`, file, { replace });
      assert.match(message, /^This file was not imported: your browser's storage for this site is full/, message);
      assert.match(message, /Your progress here is unchanged/);
      assert.equal(await storedText(page), before, "nothing was written");
      assert.equal(await answersLast30Days(page, { inApp: true }), 2);
    }
    assert.equal(await storedText(other), before, "the other tab was told of nothing");
    await freeStorage(page);
    assert.match(await importFile(page, "room.json", file), /^Imported\./);
    assert.equal(await answersLast30Days(page), 15);
    await context.close();
  });

  test("3. answers given while storage is full are each counted in the notice, which says what to do", async () => {
    const { context, page } = await openAt(NOW);
    await answerQuiz(page, 1, 31);
    await fillStorage(page, 0);
    await answerQuiz(page, 4, 32);
    const notice = page.getByTestId("storage-notice");
    await notice.waitFor();
    const text = await notice.innerText();
    assert.match(text, /your last 4 answers have not been saved/, text);
    assert.match(text, /lost when the page is closed or reloaded/);
    assert.doesNotMatch(text, /so so that/);
    // A settings change is not called an answer.
    await freeStorage(page);
    await gotoApp(page, app.origin, "/");
    await fillStorage(page, 0);
    // A change that makes the record longer (a goal deck with a longer id).
    await page.getByLabel("What are you learning?").selectOption({ label: "Misconceptions" });
    await notice.filter({ hasText: /your change to the settings/ }).waitFor();
    assert.doesNotMatch(await notice.innerText(), /answer/);
    await context.close();
  });

  test("4. a trip from UTC+14 to UTC−12 keeps the day's study on every page", async () => {
    const east = await openAt(NOW, { timezoneId: "Pacific/Kiritimati" });
    await gotoApp(east.page, app.origin, "/study");
    for (let i = 0; i < 5; i++) {
      await east.page.keyboard.press("Space");
      await east.page.getByTestId("card-back").waitFor();
      await east.page.keyboard.press("4");
      await east.page.clock.fastForward(15_000);
    }
    const state = await east.context.storageState();
    await east.context.close();

    const west = await openPage(app.browser, app.origin, undefined, { timezoneId: "Etc/GMT+12", storageState: state });
    await west.context.clock.install({ time: new Date(NOW.getTime() + 3600_000) });
    await gotoApp(west.page, app.origin, "/");
    assert.equal(await west.page.getByTestId("streak").innerText(), "1 day");
    assert.match(await west.page.getByTestId("done-line").innerText(), /^5 answers today,/);
    assert.equal(await west.page.getByTestId("new-count").innerText(), "5", "no second allowance of new items");
    assert.equal(await answersLast30Days(west.page, { inApp: true }), 5, "the answers are on the chart");
    assert.deepEqual(west.problems, []);
    await west.context.close();
  });

  test("5. backups of big damaged records are bounded by size, listed with their size, deletable, and never stop saving", async () => {
    const { context, page } = await openAt(NOW);
    await gotoApp(page, app.origin, "/");
    for (const n of [1, 2, 3, 4]) {
      await put(page, `${"<damaged>".repeat(122_000)}${n}`); // about 1.1 MB each
      await page.reload();
      await page.getByTestId("storage-notice").waitFor();
      await answerQuiz(page, 1, 50 + n);
      assert.equal((await stored(page)).history.length, 1, `the answer after damage ${n} is saved`);
    }
    const kept = await backups(page);
    assert.ok(kept.length >= 1 && kept.length < 4, `${kept.length} backups: bounded by size, not count`);
    await gotoApp(page, app.origin, "/progress");
    const listed = page.getByTestId("backup");
    assert.match(await listed.first().innerText(), /1\.1 MB/);
    const count = await listed.count();
    await page.getByTestId("delete-backup").first().click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="backup"]').length === n - 1, count);
    assert.equal((await backups(page)).length, count - 1);
    assert.ok(await storedText(page), "deleting a backup leaves the record");
    await context.close();
  });

  test("6. reviews stamped a year ahead never push a card past its interval from now, and the import says so", async () => {
    const { context, page } = await openAt(NOW);
    await gotoApp(page, app.origin, "/");
    const ahead = (days) => new Date(NOW.getTime() + (365 + days) * DAY).toISOString().replace(".000", "");
    const file = JSON.stringify({
      app: "http-study",
      version: 2,
      cards: { "code:404": storedCard({ last_review: ahead(0), due: ahead(3), scheduled_days: 3 }) },
      history: [],
      daily: {},
      settings: { new_per_day: 10, desired_retention: 0.9, daily_goal: 20, theme: "System" },
    });
    const message = await importFile(page, "future.json", file);
    assert.match(message, /dated in the future/, message);
    const card = (await stored(page)).cards["code:404"];
    const due = new Date(card.due).getTime();
    assert.ok(due <= NOW.getTime() + 4 * DAY, `due ${card.due}: within its interval from now`);
    await context.close();
  });

  test("7. the same answer twice in a file, far apart, counts once", async () => {
    const { context, page } = await openAt(NOW);
    await answerQuiz(page, 3, 71);
    const record = await stored(page);
    const [first, ...rest] = record.history;
    // The same answer (its id) again, forty minutes later: not next to the first in time.
    const later = new Date(new Date(first.at).getTime() + 40 * 60_000).toISOString().replace(".000", "");
    const copy = { ...first, at: later };
    const file = JSON.stringify({ ...record, history: [first, ...rest, copy] });
    await gotoApp(page, app.origin, "/");
    await page.evaluate((k) => localStorage.removeItem(k), KEY);
    await page.reload();
    await importFile(page, "twice.json", file);
    assert.equal(await answersLast30Days(page), 3);
    await context.close();
  });

  test("8. two tabs never review the same card twice; the counts say what the other did", async () => {
    const { context, page: a } = await openAt(NOW);
    const b = await context.newPage();
    await gotoApp(a, app.origin, "/");
    const due = Object.fromEntries(
      [200, 201, 204, 301, 302].map((c) => [`code:${c}`, storedCard({ due: "2026-11-10T09:00:00Z", last_review: "2026-11-01T09:00:00Z" })]),
    );
    await put(
      a,
      JSON.stringify({
        app: "http-study",
        version: 2,
        cards: due,
        history: [],
        daily: {},
        settings: { new_per_day: 0, desired_retention: 0.9, daily_goal: 20, theme: "System" },
      }),
    );
    await gotoApp(a, app.origin, "/study");
    await gotoApp(b, app.origin, "/study");
    assert.match(await b.getByTestId("session-info").innerText(), /Review 5/);
    await a.bringToFront();
    for (let i = 0; i < 5; i++) {
      await a.keyboard.press("Space");
      await a.getByTestId("card-back").waitFor();
      await a.keyboard.press("3");
    }
    await a.getByTestId("study-done").waitFor();
    await b.bringToFront();
    await b.getByTestId("session-info").filter({ hasText: "5 done in another tab" }).waitFor();
    await b.getByTestId("study-done").waitFor();
    const record = await stored(b);
    assert.equal(record.history.length, 5, "each card reviewed once");
    await context.close();
  });

  test("9. a drill name the app does not know starts nothing", async () => {
    const { context, page, problems } = await openAt(NOW);
    await answerQuiz(page, 2, 91);
    const before = await storedText(page);
    await gotoApp(page, app.origin, "/study?drill=Weakest");
    assert.match(await page.getByTestId("study-refused").innerText(), /drill called “Weakest”/);
    assert.equal(await page.getByTestId("flashcard").count(), 0);
    assert.equal(await storedText(page), before, "the schedule is unchanged");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("10. odd format numbers are named for what they are", async () => {
    const { context, page } = await openAt(NOW);
    await gotoApp(page, app.origin, "/");
    for (const [version, says] of [
      ["3.0", /written 3\.0 instead of 3/],
      ["1e20", /1e20, is beyond the formats this page reads/],
    ]) {
      const file = `{"app":"http-study","version":${version},"cards":{},"history":[]}`;
      const message = await importFile(page, `v${version}.json`, file);
      assert.match(message, says, message);
      assert.doesNotMatch(message, /no format number/);
    }
    await context.close();
  });
});
