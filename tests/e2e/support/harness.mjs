// The shared set-up of every end-to-end file: the release build served on 127.0.0.1 and one
// Chromium, started before the file's tests and closed after them.
import { after, before } from "node:test";
import { serveDist } from "./server.mjs";
import { launchBrowser } from "./browser.mjs";

/** Registers the set-up; the returned object's `origin` and `browser` are ready inside tests. */
export function useServedApp() {
  const app = { origin: "", browser: null };
  let server;
  before(async () => {
    server = await serveDist("dist");
    app.origin = server.origin;
    app.browser = await launchBrowser();
  });
  after(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}
