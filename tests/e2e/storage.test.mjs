// End-to-end: progress that is never lost — reloads, damaged storage, blocked storage,
// bad imports, export and import, and two tabs.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useServedApp } from "./support/harness.mjs";
import { gotoApp, openPage } from "./support/browser.mjs";
import { answerQuestions, storedBackups as backups, storedCard } from "./support/learner.mjs";

const KEY = "http-study/progress";

const app = useServedApp();
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), "http-study-e2e-"));
});

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);

/** Opens a 10-question quiz of every deck with `seed` and answers `n` of its questions by keyboard. */
async function answerQuizQuestions(page, n, seed = 5) {
  await gotoApp(page, app.origin, `/quiz?deck=all&n=10&seed=${seed}`);
  await answerQuestions(page, n);
}

/** A progress record with two items already overdue. */
function recordWithTwoDue() {
  return JSON.stringify({
    app: "http-study",
    version: 2,
    cards: {
      "code:404": storedCard({ due: "2026-01-04T09:00:00Z" }),
      "code:409": storedCard({ due: "2026-01-05T09:00:00Z" }),
    },
    history: [],
    daily: {},
    settings: { new_per_day: 10, desired_retention: 0.9, daily_goal: 20, theme: "System" },
  });
}

describe("progress that is never lost", () => {
  test("five answers survive a reload", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await answerQuizQuestions(page, 5);
    const before = JSON.parse(await stored(page));
    assert.equal(before.history.length, 5);
    await page.reload();
    await page.locator("header.site-header").waitFor();
    assert.deepEqual(JSON.parse(await stored(page)), before);
    await page.getByRole("link", { name: "Home", exact: true }).click();
    assert.match(await page.getByTestId("done-line").innerText(), /^5 answers today,/);
    assert.match(await page.getByTestId("streak").innerText(), /^1 day$/);
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("garbage in storage: a notice, the damaged data kept aside, and the app works", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/");
    await page.evaluate((k) => localStorage.setItem(k, "<<garbage>>"), KEY);
    await page.reload();
    const notice = page.getByTestId("storage-notice");
    await notice.waitFor();
    assert.match(await notice.innerText(), /could not be read: it is not JSON/);
    assert.match(await notice.innerText(), /set aside in a backup/);
    const kept = await backups(page);
    assert.equal(kept.length, 1, "one backup");
    assert.equal(kept[0][1], "<<garbage>>");

    const download = page.waitForEvent("download");
    await page.getByTestId("download-damaged").click();
    const file = join(scratch, "damaged.txt");
    await (await download).saveAs(file);
    assert.equal(await readFile(file, "utf8"), "<<garbage>>");

    await page.getByTestId("dismiss-notice").click();
    await answerQuizQuestions(page, 1);
    assert.equal(JSON.parse(await stored(page)).history.length, 1, "the app saves again");
    assert.deepEqual(await backups(page), kept, "the backup stays");
    await context.close();
  });

  test("blocked storage: the app runs and says progress will not be kept", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await page.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        },
      });
    });
    await gotoApp(page, app.origin, "/");
    assert.match(await page.getByTestId("storage-notice").innerText(), /not be kept/);
    await answerQuizQuestions(page, 2);
    await page.getByRole("link", { name: "Home", exact: true }).click();
    assert.match(await page.getByTestId("done-line").innerText(), /^2 answers today,/, "progress is kept in memory");
    await context.close();
  });

  test("a bad import is refused with its reason, and progress is unchanged", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await answerQuizQuestions(page, 2);
    const before = await stored(page);
    const newer = { ...JSON.parse(before), version: 7 };
    const cases = [
      ["not-json.json", "this is not json", /not imported: it is not JSON/],
      ["other-app.json", JSON.stringify({ deck: "anki", cards: [] }), /not HTTP Study progress/],
      ["newer.json", JSON.stringify(newer), /newer version of HTTP Study \(format 7/],
      ["no-version.json", JSON.stringify({ app: "http-study", cards: {} }), /no format number/],
      [
        "markup.json",
        JSON.stringify({ app: "<img src=x onerror=\"window.__pwned=1\">", version: 2, cards: {}, history: [] }),
        /not HTTP Study progress/,
      ],
    ];
    await page.goto(app.origin + "/progress");
    for (const [name, text, expected] of cases) {
      const file = join(scratch, name);
      await writeFile(file, text);
      await page.getByTestId("import-file").setInputFiles(file);
      await page.getByTestId("import").click();
      const message = page.getByTestId("import-message");
      await message.filter({ hasText: expected }).waitFor();
      assert.match(await message.innerText(), /Your progress is unchanged/);
      assert.equal(await stored(page), before, `${name} changed nothing`);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no imported text ran as markup");
    await context.close();
  });

  test("export, then import into a fresh browser, restores the same due count", async () => {
    const first = await openPage(app.browser, app.origin);
    await gotoApp(first.page, app.origin, "/");
    await first.page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, recordWithTwoDue()]);
    await first.page.reload();
    await first.page.getByTestId("due-count").filter({ hasText: "2" }).waitFor();
    await first.page.goto(app.origin + "/progress");
    const download = first.page.waitForEvent("download");
    await first.page.getByTestId("export").click();
    const saved = await download;
    assert.match(saved.suggestedFilename(), /^http-study-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(scratch, "export.json");
    await saved.saveAs(file);
    await first.context.close();

    const fresh = await openPage(app.browser, app.origin);
    await gotoApp(fresh.page, app.origin, "/");
    assert.equal(await fresh.page.getByTestId("due-count").innerText(), "0");
    await fresh.page.goto(app.origin + "/progress");
    await fresh.page.getByTestId("import-replace").check();
    await fresh.page.getByTestId("import-file").setInputFiles(file);
    await fresh.page.getByTestId("import").click();
    await fresh.page.getByTestId("import-message").filter({ hasText: "Imported" }).waitFor();
    await fresh.page.getByRole("link", { name: "Home", exact: true }).click();
    assert.equal(await fresh.page.getByTestId("due-count").innerText(), "2");
    await fresh.page.reload();
    await fresh.page.getByTestId("due-count").filter({ hasText: "2" }).waitFor();
    await fresh.context.close();
  });

  test("reset asks first, says what will be lost, and then forgets", async () => {
    const { context, page } = await openPage(app.browser, app.origin);
    await answerQuizQuestions(page, 2);
    await page.goto(app.origin + "/progress");
    await page.getByTestId("reset").click();
    assert.match(await page.getByRole("alertdialog").innerText(), /2 answers/);
    await page.getByTestId("reset-confirm").click();
    assert.equal(JSON.parse(await stored(page)).history.length, 0);
    await context.close();
  });

  test("settings are kept: the daily new-item limit and the theme", async () => {
    const { context, page, problems } = await openPage(app.browser, app.origin);
    await gotoApp(page, app.origin, "/progress");
    await page.getByLabel("New items a day").fill("3");
    await page.getByLabel("New items a day").press("Enter");
    await page.getByLabel("Theme").selectOption("dark");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark");
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), "rgb(17, 20, 24)");
    await page.reload();
    await page.locator("header.site-header").waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), "dark", "the theme survives a reload");
    await page.getByRole("link", { name: "Home", exact: true }).click();
    assert.equal(await page.getByTestId("new-count").innerText(), "3");
    await page.goto(app.origin + "/progress");
    await page.getByLabel("Theme").selectOption("light");
    assert.equal(await background(), "rgb(255, 255, 255)");
    assert.deepEqual(problems, []);
    await context.close();
  });

  test("two tabs: an answer in one reaches the other, and neither overwrites the other", async () => {
    const { context, page: tab1 } = await openPage(app.browser, app.origin);
    const tab2 = await context.newPage();
    await gotoApp(tab2, app.origin, "/");
    await answerQuizQuestions(tab1, 3, 11);
    await tab2.getByTestId("done-line").filter({ hasText: /^3 answers today,/ }).waitFor();
    await answerQuizQuestions(tab2, 2, 12);
    await tab1.getByRole("link", { name: "Home", exact: true }).click();
    await tab1.getByTestId("done-line").filter({ hasText: /^5 answers today,/ }).waitFor();
    const record = JSON.parse(await stored(tab1));
    assert.equal(record.history.length, 5, "all five answers are kept");
    await context.close();
  });
});
