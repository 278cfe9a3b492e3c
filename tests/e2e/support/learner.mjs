// What a learner does and keeps, shared by the end-to-end files: answering quiz questions by
// keyboard, and the stored card a record holds for an item.

/**
 * Answers the next `n` questions of the quiz showing on `page` by keyboard: the `option` key for
 * a multiple-choice question, or `typed` typed and Enter for a typed one; after each feedback,
 * Enter goes on.
 */
export async function answerQuestions(page, n, { option = "1", typed = "404" } = {}) {
  for (let i = 0; i < n; i++) {
    await page.getByTestId("question").waitFor();
    if ((await page.getByTestId("option").count()) > 0) {
      await page.keyboard.press(option);
    } else {
      await page.getByTestId("answer-input").fill(typed);
      await page.keyboard.press("Enter");
    }
    await page.getByTestId("feedback").waitFor();
    await page.keyboard.press("Enter");
  }
}

/** A stored card as the app writes it (a reviewed item), with `fields` set over the defaults. */
export function storedCard(fields = {}) {
  return {
    due: "2026-01-04T09:00:00Z",
    stability: 3,
    difficulty: 5,
    elapsed_days: 0,
    scheduled_days: 3,
    reps: 2,
    lapses: 0,
    state: "Review",
    last_review: "2026-01-01T09:00:00Z",
    ...fields,
  };
}

/** Where the app keeps backups of stored progress it could not read. */
export const BACKUP_PREFIX = "http-study/backup/";

/** Every backup the app keeps on `page`'s origin, as [key, value] pairs in key order. */
export const storedBackups = (page) =>
  page.evaluate((prefix) => {
    const found = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith(prefix)) found.push([key, localStorage.getItem(key)]);
    }
    return found.sort();
  }, BACKUP_PREFIX);
