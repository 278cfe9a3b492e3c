// The learner's record as the journeys about trust reach it: localStorage read and written from
// the page, a clock that starts where a test says, quizzes answered by keyboard, the answers the
// Progress page counts, and files imported through its form.
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gotoApp, openPage } from "./browser.mjs";
import { answerQuestions } from "./learner.mjs";

/** Where the app keeps the record. */
export const KEY = "http-study/progress";
export const DAY = 24 * 60 * 60 * 1000;

export const storedText = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
export const stored = async (page) => JSON.parse(await storedText(page));
export const put = (page, value) => page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);

/** A format-2 record (what an older release wrote) holding `cards` and no answers. */
export function recordWith(cards, extra = {}) {
  return JSON.stringify({
    app: "http-study",
    version: 2,
    cards,
    history: [],
    daily: {},
    settings: { new_per_day: 10, desired_retention: 0.9, daily_goal: 20, theme: "System" },
    ...extra,
  });
}

/** The journeys' tools for the app served at `app.origin`. */
export function recordTools(app) {
  let scratch = null;

  /** A page whose clock starts at `time` and then runs (`options` go to the context). */
  async function openAt(time, options = {}) {
    const opened = await openPage(app.browser, app.origin, undefined, options);
    await opened.context.clock.install({ time: new Date(time) });
    return opened;
  }

  /** Opens a 10-question quiz of the Beginner deck with `seed` and answers `n` of it by keyboard. */
  async function answerQuiz(page, n, seed) {
    await gotoApp(page, app.origin, `/quiz?deck=beginner&n=10&seed=${seed}`);
    await answerQuestions(page, n);
  }

  /**
   * The answers chart's note ("Last 30 days: N answers, M right."), on the Progress page loaded
   * afresh, or reached through the header's link when `inApp` (the tab's own record, not reloaded).
   */
  async function answersLast30Days(page, { inApp = false } = {}) {
    if (inApp) {
      await page.getByRole("link", { name: "Progress", exact: true }).click();
      await page.getByTestId("chart-answers").waitFor();
    } else {
      await gotoApp(page, app.origin, "/progress");
    }
    const text = await page.getByTestId("chart-answers").innerText();
    const found = text.match(/Last 30 days: (\d+) answers/);
    assert.ok(found, text);
    return Number(found[1]);
  }

  /** A path for a file named `name` in a scratch folder of the run. */
  async function scratchFile(name) {
    scratch ??= await mkdtemp(join(tmpdir(), "http-study-trust-"));
    return join(scratch, name);
  }

  /** Imports `text` as a file named `name` from the Progress page; returns the message shown. */
  async function importFile(page, name, text, { replace = false } = {}) {
    const file = await scratchFile(name);
    await writeFile(file, text);
    await gotoApp(page, app.origin, "/progress");
    if (replace) await page.getByTestId("import-replace").check();
    await page.getByTestId("import-file").setInputFiles(file);
    await page.getByTestId("import").click();
    const message = page.getByTestId("import-message");
    await message.filter({ hasText: /\S/ }).waitFor();
    return message.innerText();
  }

  return { openAt, answerQuiz, answersLast30Days, importFile, scratchFile };
}
