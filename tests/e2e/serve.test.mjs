// End-to-end: the Content-Security-Policy also holds under `trunk serve` (./serve.sh), where
// Trunk adds its live-reload script: the app starts, the reload script runs and connects, and
// nothing is refused. The development build goes to its own folder, away from the release in dist/.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { launchBrowser, gotoApp, openPage, watchPolicyViolations } from "./support/browser.mjs";

const FIRST_BUILD_MS = 15 * 60 * 1000; // a cold development build on a 2-core machine

/** A port nobody listens on right now. */
const freePort = () =>
  new Promise((ok, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });

describe("under trunk serve", () => {
  let trunk;
  let origin;
  let browser;
  let output = "";

  before(
    async () => {
      const port = await freePort();
      origin = `http://127.0.0.1:${port}`;
      trunk = spawn("trunk", ["serve", "--port", String(port), "--dist", "target/serve-dist"], {
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      trunk.stdout.on("data", (d) => (output += d));
      trunk.stderr.on("data", (d) => (output += d));
      const started = Date.now();
      for (;;) {
        if (trunk.exitCode !== null) throw new Error(`trunk serve stopped:\n${output}`);
        if (Date.now() - started > FIRST_BUILD_MS) throw new Error(`trunk serve never answered:\n${output}`);
        const page = await fetch(origin + "/").then((r) => (r.ok ? r.text() : ""), () => "");
        if (page.includes("Content-Security-Policy") && page.includes("wasm")) break;
        await new Promise((ok) => setTimeout(ok, 1000));
      }
      browser = await launchBrowser();
    },
    { timeout: FIRST_BUILD_MS + 60_000 },
  );

  after(async () => {
    await browser?.close();
    if (trunk && trunk.exitCode === null) process.kill(-trunk.pid, "SIGTERM");
  });

  test("the app runs, and Trunk's reload script runs and connects, with nothing refused", async () => {
    const { context, page, problems } = await openPage(browser, origin);
    const violations = await watchPolicyViolations(page);
    await page.addInitScript(() => {
      // Note each WebSocket the page opens, and when it opens.
      const Native = window.WebSocket;
      window.__sockets = [];
      window.WebSocket = function (...args) {
        const socket = new Native(...args);
        const entry = { url: String(args[0]), open: false };
        socket.addEventListener("open", () => (entry.open = true));
        window.__sockets.push(entry);
        return socket;
      };
    });
    await gotoApp(page, origin, "/reference/404");
    assert.match(await page.locator("h1").innerText(), /404 Not Found/);

    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    const hashes = policy.match(/'sha256-[^']+'/g) ?? [];
    assert.equal(
      hashes.length,
      3,
      `one hash each for Trunk's loader, its reload script and index.html's first-screen check: ${policy}`,
    );

    await page.waitForFunction(() => window.__sockets.some((s) => s.open), null, { timeout: 10_000 });
    const sockets = await page.evaluate(() => window.__sockets);
    assert.ok(sockets.every((s) => s.url.endsWith("/.well-known/trunk/ws")), JSON.stringify(sockets));
    // The development build splits the lab into its own wasm as the release does.
    await page.getByRole("link", { name: "Lab", exact: true }).click();
    await page.getByRole("heading", { name: "HTTP lab", level: 1 }).waitFor();
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
