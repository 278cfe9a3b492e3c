// Trunk's post_build hook (Trunk.toml): finishes the build Trunk has just written to its staging
// folder, for `trunk build` and `trunk serve` alike.
//
// 1. Content-Security-Policy. index.html carries the policy in a <meta>, so that it holds on any
//    static host as well as under `trunk serve`. Trunk writes its start-up script inline (and,
//    under `trunk serve`, its reload script too); their text changes with every build, so this
//    hook adds a 'sha256-…' source for each inline script to the policy's script-src. Nothing
//    else inline is allowed.
// 2. In a release build of the app, the first screen of a new learner's first visit, rendered by
//    the app in Chromium, goes into index.html (see renderFirstScreen below).
// 3. In a release build, the wasm-bindgen glue script is minified (terser), and the integrity
//    hashes Trunk put on the links to it are computed anew for the smaller file.
// 4. sw.js, the service worker: it precaches the files a page load uses (named with Trunk's
//    content hashes) under a cache named after their contents, so a new release gets a new cache
//    and the old one is deleted when the new worker takes over.
// 5. In a release build, precompressed siblings (`name.gz`, gzip -9, and `name.br`, brotli 11) of
//    every text and wasm file, for hosts that serve them as they are (nginx's gzip_static and
//    brotli_static, Caddy's precompressed, GitLab Pages). They are not in the worker's list.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("post-build.mjs runs as Trunk's post_build hook (TRUNK_STAGING_DIR is not set).");
  process.exit(1);
}
const base = process.env.TRUNK_PUBLIC_URL || "/";
const indexPath = join(staging, "index.html");
let html = readFileSync(indexPath, "utf8");

// Under `trunk serve`, the server fills the reload script's address in when it sends the page,
// which would change the script's hash. Fill it in here with what the server's fallback is (the
// page's own host) so the text, and so the hash, are final.
html = html
  .replaceAll("'{{__TRUNK_ADDRESS__}}'", "window.location.host")
  .replaceAll("{{__TRUNK_WS_BASE__}}", base);

// The glue is loaded before anything shows, so every byte of it is on the critical path.
// Top-level names stay (the page's start-up script imports them); the rest is renamed.
if (process.env.TRUNK_PROFILE === "release") {
  const { minify } = await import("terser"); // only release builds need it
  for (const name of readdirSync(staging).filter((n) => n.endsWith(".js") && n !== "sw.js")) {
    const path = join(staging, name);
    const source = readFileSync(path, "utf8");
    const { code } = await minify(source, { module: true, compress: { passes: 2 }, mangle: true });
    writeFileSync(path, code);
    const sri = `sha384-${createHash("sha384").update(code, "utf8").digest("base64")}`;
    const link = new RegExp(`(<link[^>]*href="[^"]*/${name.replaceAll(".", "\\.")}"[^>]*integrity=")[^"]*(")`, "g");
    html = html.replace(link, `$1${sri}$2`);
    console.log(`post-build: ${name} minified, ${source.length} -> ${code.length} bytes`);
  }
}

/** `page` with a 'sha256-…' source in its policy's script-src for each of its inline scripts. */
function withPolicy(page) {
  const hashes = [];
  for (const [, attrs, body] of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\ssrc=/.test(attrs)) continue;
    hashes.push(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src [^;"]*)/;
  if (!csp.test(page)) {
    console.error("post-build.mjs: index.html has no Content-Security-Policy <meta> with a script-src.");
    process.exit(1);
  }
  console.log(`post-build: CSP with ${hashes.length} script hash(es)`);
  return page.replace(csp, `$1 ${hashes.join(" ")}`);
}

// The first screen of a new learner's first visit, in the page itself (release builds of the
// app, whose index.html marks the place): Home as the app renders it for someone with no record,
// taken from the release build in Chromium, so it is the app's own markup and never a copy kept by
// hand. It shows before the wasm arrives; the page's inline script hides it for any other path or
// a learner with a record (who sees the loading frame), keeps a tap on one of its links for the
// app to open, and the app removes it when it starts.
const SHELL_MARK = "<!-- first-screen -->";
writeFileSync(indexPath, withPolicy(html));
if (process.env.TRUNK_PROFILE === "release" && html.includes(SHELL_MARK)) {
  const shell = await renderFirstScreen(staging, base);
  if (shell !== null) {
    html = html.replace(SHELL_MARK, `<div id="first-screen">${firstScreenControls(shell)}</div>`);
    html = firstScreenFirst(html);
    writeFileSync(indexPath, withPolicy(html));
  }
}

// The service worker. Precached: index.html (as the page for every path, since the app routes
// in the browser) and every file beside it, except the worker itself and the install icons
// (the system fetches those when someone installs the app, which needs a connection anyway).
const precached = readdirSync(staging)
  .filter((name) => name !== "sw.js" && statSync(join(staging, name)).isFile())
  .filter((name) => !name.startsWith("icon-"))
  .sort();
const version = createHash("sha256");
for (const name of precached) version.update(name).update(readFileSync(join(staging, name)));
const urls = precached.map((name) => (name === "index.html" ? base : base + name));
const worker = readFileSync(new URL("./sw-template.js", import.meta.url), "utf8")
  .replace("__CACHE__", JSON.stringify(`http-study-${version.digest("hex").slice(0, 16)}`))
  .replace("__SHELL__", JSON.stringify(base))
  .replace("__FILES__", JSON.stringify(urls));
writeFileSync(join(staging, "sw.js"), worker);
console.log(`post-build: sw.js precaches ${urls.length} files`);

if (process.env.TRUNK_PROFILE === "release") {
  const compressible = /\.(html|js|wasm|css|svg|webmanifest)$/;
  let count = 0;
  for (const name of readdirSync(staging).filter((n) => compressible.test(n))) {
    const body = readFileSync(join(staging, name));
    writeFileSync(join(staging, `${name}.gz`), gzipSync(body, { level: 9 }));
    const params = { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length };
    writeFileSync(join(staging, `${name}.br`), brotliCompressSync(body, { params }));
    count += 1;
  }
  console.log(`post-build: .gz and .br beside ${count} files, for hosts that serve them precompressed`);
}

/**
 * Home as the release build in `dir` renders it for a new learner at 360 px wide, as markup: the
 * app's own elements in <body> once its main button shows. `null`, with a warning, when there is
 * no Chromium to render it with (the build is then whole, only without the early first screen).
 */
async function renderFirstScreen(dir, base) {
  let chromium;
  let serveDist;
  try {
    ({ chromium } = await import("playwright-core"));
    ({ serveDist } = await import("../tests/e2e/support/server.mjs"));
  } catch (err) {
    console.warn(`post-build: no first screen in index.html (playwright-core: ${err.message})`);
    return null;
  }
  const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(executablePath)) {
    console.warn(`post-build: no first screen in index.html (no Chromium at ${executablePath})`);
    return null;
  }
  const server = await serveDist(dir);
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors = [];
    // Only an uncaught error stops the build. (The worker's script is not in the folder yet, so
    // its registration fails here, which the app reports on the console and lives with.)
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.origin + base);
    await page.locator('[data-testid="next-step"]').waitFor({ timeout: 30_000 });
    if (errors.length > 0) throw new Error(`the app reported errors: ${errors.join("; ")}`);
    const markup = await page.evaluate(() =>
      [...document.body.children]
        .filter((e) => !["SCRIPT", "NOSCRIPT"].includes(e.tagName) && e.id !== "loading")
        .map((e) => e.outerHTML)
        .join("")
        // Leptos's empty comments mark where its views begin and end; the page needs none.
        .replaceAll("<!---->", ""),
    );
    console.log(`post-build: first screen for a new learner, ${markup.length} bytes of markup`);
    return markup;
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The first screen's links work before the app runs (index.html's check script keeps a tap and
 * the app opens it when it starts); its form controls would lose what is chosen, so they wait,
 * disabled, for the app.
 */
function firstScreenControls(markup) {
  return markup.replace(/<(select|input|textarea|button)\b/g, "<$1 disabled");
}

/**
 * With the first screen showing, nothing competes with the page and its stylesheet until that
 * screen is painted: the wasm is not preloaded, and Trunk's loader starts it only after the next
 * paint. Every other visit preloads the wasm as before (the page's check script adds Trunk's own
 * preload link back), since its first content needs the app.
 */
function firstScreenFirst(page) {
  const preload = /<link rel="preload" href="[^"]*\.wasm"[^>]*>/;
  const link = preload.exec(page)?.[0];
  const check = /(<script id="first-screen-check">[\s\S]*?)(\s*<\/script>)/;
  const loader = "const wasm = await init(";
  if (!link || !check.test(page) || !page.includes(loader)) {
    console.error("post-build.mjs: index.html lacks the wasm preload, the first-screen check or Trunk's loader.");
    process.exit(1);
  }
  const addPreload = `
      if (document.documentElement.classList.contains("no-first-screen")) {
        document.head.insertAdjacentHTML("beforeend", ${JSON.stringify(link)});
      }`;
  const afterPaint =
    'if (!document.documentElement.classList.contains("no-first-screen")) ' +
    "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n";
  return page
    .replace(link, "")
    .replace(check, `$1${addPreload}$2`)
    .replace(loader, afterPaint + loader);
}
