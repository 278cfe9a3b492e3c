// Trunk's post_build hook (Trunk.toml): finishes the build Trunk has just written to its staging
// folder, for `trunk build` and `trunk serve` alike.
//
// 1. Content-Security-Policy. index.html carries the policy in a <meta>, so that it holds on any
//    static host as well as under `trunk serve`. Trunk writes its start-up script inline (and,
//    under `trunk serve`, its reload script too); their text changes with every build, so this
//    hook adds a 'sha256-…' source for each inline script to the policy's script-src, in every
//    page of the build, and, in release builds, one for the stylesheet (inlineStyles) to its
//    style-src. Nothing else inline is allowed.
// 2. In a release build of the app, every page that reads the same before the app runs (Home for
//    a new learner, the quiz set-up, the Reference, every code's and method's entry) is written
//    as HTML by the app's own components, rendered natively by Leptos: index.html holds Home,
//    and each other page is `<path>/index.html` (see writePages below). No browser is needed.
// 3. In a release build, the wasm-bindgen glue script is minified (terser), and the integrity
//    hashes Trunk put on the links to it are computed anew for the smaller file.
// 4. sw.js, the service worker: it precaches the files a page load uses (named with Trunk's
//    content hashes) and index.html as the page for every path, under a cache named after their
//    contents, so a new release gets a new cache and the old one is deleted when the new worker
//    takes over. The pages written for other paths are not precached (see below).
// 5. In a release build, precompressed siblings (`name.gz`, gzip -9, and `name.br`, brotli 11) of
//    every text and wasm file, the written pages' included, for hosts that serve them as they are
//    (nginx's gzip_static and brotli_static, Caddy's precompressed, GitLab Pages). They are not
//    in the worker's list.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
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

// 0. The lab in its own wasm (feature `split`, which index.html turns on): see splitWasm below.
const lazyParts = splitWasm();

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

/**
 * `page` with a 'sha256-…' source in its policy's script-src for each of its inline scripts, and
 * how many there are.
 */
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
  let withHashes = page.replace(csp, `$1 ${hashes.join(" ")}`);
  // The stylesheet inlined in release builds (inlineStyles): its hash in the style-src.
  const styles = [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map(
    ([, body]) => `'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`,
  );
  if (styles.length > 0) {
    const styleSrc = /(<meta http-equiv="Content-Security-Policy" content="[^"]*style-src [^;"]*)/;
    if (!styleSrc.test(withHashes)) {
      console.error("post-build.mjs: index.html's Content-Security-Policy has no style-src.");
      process.exit(1);
    }
    withHashes = withHashes.replace(styleSrc, `$1 ${styles.join(" ")}`);
  }
  return { page: withHashes, hashes: hashes.length };
}

/**
 * The stylesheet in the page itself, in a <style> (its hash goes into the policy's style-src,
 * see withPolicy), and its file removed from the build: a page written at build time then paints
 * from its HTML alone, with no second request before its first paint (Lighthouse's simulated
 * load counted one round trip more than the benchmark's counter, which has no stylesheet). Every
 * page carries it (5 KB gzip); the service worker precaches index.html, which has it, instead of
 * the file.
 */
function inlineStyles(page) {
  const link = /<link rel="stylesheet" href="[^"]*\/([^"/]+\.css)"[^>]*>/;
  const found = link.exec(page);
  if (!found) {
    console.error("post-build.mjs: index.html has no stylesheet link to inline.");
    process.exit(1);
  }
  const file = join(staging, found[1]);
  const css = readFileSync(file, "utf8");
  if (css.includes("</style")) {
    console.error(`post-build.mjs: ${found[1]} contains "</style", which would end the inlined stylesheet.`);
    process.exit(1);
  }
  rmSync(file);
  return page.replace(link, () => `<style>${css}</style>`);
}

// The pages written at build time (release builds of the app, whose index.html marks the place
// of the first screen): the wasm is fetched after their first paint (firstScreenFirst), then the
// native renderer writes every page from this index.html. Each page, index.html included, then
// gets its policy.
const SHELL_MARK = "<!-- first-screen -->";
const prerender = process.env.TRUNK_PROFILE === "release" && html.includes(SHELL_MARK);
if (prerender) html = inlineStyles(firstScreenFirst(html));
writeFileSync(indexPath, html);
if (prerender) writePages(staging);
const pages = files(staging).filter((path) => path.endsWith(".html"));
const hashCounts = new Set();
for (const path of pages) {
  const { page, hashes } = withPolicy(readFileSync(path, "utf8"));
  writeFileSync(path, page);
  hashCounts.add(hashes);
}
console.log(`post-build: CSP with ${[...hashCounts].join(" or ")} script hash(es), in ${pages.length} page(s)`);

// The service worker. Precached: index.html (as the page for every path: offline, the app
// starts from it and renders any page itself) and every file beside it, except the worker itself
// and the install icons (the system fetches those when someone installs the app, which needs a
// connection anyway). Not precached: the pages written for other paths (`reference/404/index.html`
// and the rest, in folders). Online, the worker fetches a page from the network first, so the
// written page is what shows; offline, index.html and the cached app show the same content a
// moment later. Precaching them all would add them to every first visit's download for nothing
// the app cannot show by itself.
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
  for (const path of files(staging).filter((p) => compressible.test(p))) {
    const body = readFileSync(path);
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    const params = { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length };
    writeFileSync(`${path}.br`, brotliCompressSync(body, { params }));
    count += 1;
  }
  console.log(`post-build: .gz and .br beside ${count} files, for hosts that serve them precompressed`);
}

/** Every file under `dir`, as paths, at any depth. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/**
 * Writes the pages that read the same before the app runs into `dir`, from its index.html: the
 * native program src/bin/prerender.rs renders each with the app's own components (Leptos's `ssr`
 * rendering, feature `prerender`). It is a development build: it renders every page in well
 * under a second, and builds much faster than under the release profile (whole-program
 * optimisation). The pages are the same wherever the build runs: they are rendered for a new
 * learner at a fixed moment.
 */
function writePages(dir) {
  const args = ["run", "--features", "prerender", "--bin", "prerender", "--", dir];
  const run = spawnSync("cargo", args, { stdio: "inherit" });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : `exit status ${run.status}; its message is above`;
    console.error(`post-build.mjs: the pages could not be written (cargo ${args.join(" ")}: ${why}).`);
    process.exit(1);
  }
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
  // On the lab's address the lab's own wasm (see splitWasm) is fetched with the main one, so
  // that the app shows the lab the moment it starts rather than a line saying it is loading.
  const labPart = lazyParts.find((name) => name.startsWith("split_lab_view_"));
  const labPreload = labPart
    ? `if (/^\\/lab\\/?$/.test(location.pathname)) document.head.insertAdjacentHTML("beforeend", ${JSON.stringify(
        `<link rel="preload" href="${base}${labPart}" as="fetch" type="application/wasm" crossorigin="anonymous">`,
      )});`
    : "";
  const addPreload = `
      if (document.documentElement.classList.contains("no-first-screen")) {
        document.head.insertAdjacentHTML("beforeend", ${JSON.stringify(link)});
        ${labPreload}
      }`;
  // The app starts once the page has loaded and its largest content has been painted (the
  // browser has recorded a largest-contentful-paint entry), then one more frame; or after 3 s
  // whatever happens (a tab opened in the background paints nothing until it is shown).
  const afterPaint =
    'if (!document.documentElement.classList.contains("no-first-screen")) await new Promise((go) => {' +
    " let seen = 0; const step = () => ++seen === 2 && requestAnimationFrame(() => setTimeout(go));" +
    ' try { new PerformanceObserver((_, o) => { o.disconnect(); step(); }).observe({ type: "largest-contentful-paint", buffered: true }); } catch { step(); }' +
    ' document.readyState === "complete" ? step() : addEventListener("load", step, { once: true });' +
    " setTimeout(go, 3000); });\n" +
    (labPreload ? `if (!document.documentElement.classList.contains("no-first-screen")) ${labPreload}\n` : "");
  return page
    .replace(link, "")
    .replace(check, `$1${addPreload}$2`)
    .replace(loader, afterPaint + loader);
}

/**
 * Splits the wasm at its `#[lazy]` functions (Leptos's split points; today the lab page, see
 * `lab_page` in src/ui/app.rs), when the wasm cargo built has any. Trunk has already run
 * wasm-bindgen and wasm-opt on the whole wasm; this starts again from cargo's wasm (linked with
 * `--emit-relocs`, build.rs): tools/wasm-split (the `wasm_split_cli_support` crate)
 * writes the main module, one wasm per lazy part and `__wasm_split.js`, the script that fetches
 * a part the first time it is called; wasm-bindgen runs on the main module (keeping the exports
 * the parts import), wasm-opt on every module in release builds, and the results replace
 * Trunk's wasm and glue under the same names. The parts and the script are named after their
 * contents, so a host may cache them for ever, and sit beside the main wasm, so the service
 * worker precaches them (after the first paint, as it does the rest). Returns the parts' names.
 */
function splitWasm() {
  const wasmName = readdirSync(staging).find((n) => n.endsWith("_bg.wasm"));
  if (!wasmName) return [];
  const stem = wasmName.slice(0, -"_bg.wasm".length); // http-study-<Trunk's hash>
  const bin = stem.replace(/-[0-9a-f]{16}$/, "");
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const target = process.env.CARGO_TARGET_DIR || join(root, "target");
  const profile = process.env.TRUNK_PROFILE === "release" ? "release" : "debug";
  const raw = join(target, "wasm32-unknown-unknown", profile, `${bin}.wasm`);
  let input;
  try {
    input = readFileSync(raw);
  } catch {
    return []; // a build of something else (the benchmark's counter): nothing to split
  }
  if (!input.includes("__wasm_split_00")) return []; // no lazy function in this wasm
  const run = (what, command, args, options = {}) => {
    const done = spawnSync(command, args, { encoding: "utf8", ...options });
    if (done.error || done.status !== 0) {
      console.error(`post-build.mjs: ${what} failed (${command} ${args.join(" ")}):`);
      console.error(done.error ? done.error.message : done.stderr || `exit status ${done.status}`);
      process.exit(1);
    }
    return done.stdout;
  };
  // scripts/setup.sh builds it (both of the README's commands run it first).
  const splitter = join(target, "tools", "release", "http-study-wasm-split");
  if (!existsSync(splitter)) {
    console.error(`post-build.mjs: ${splitter} is missing; run scripts/setup.sh to build it, then build again.`);
    process.exit(1);
  }
  const work = mkdtempSync(join(tmpdir(), "http-study-split-"));
  try {
    const named = [];
    const parts = run("splitting the wasm", splitter, [raw, work, "main", `${stem}.js`])
      .split("\n")
      .filter(Boolean);
    const bindgen = join(work, "bindgen");
    run("wasm-bindgen on the main module", "wasm-bindgen", ["--target=web", `--out-dir=${bindgen}`, `--out-name=${stem}`, "--no-typescript", "--keep-lld-exports", "--no-demangle", join(work, "main.wasm")]);
    const modules = [join(bindgen, `${stem}_bg.wasm`), ...parts.map((p) => join(work, p))];
    if (profile === "release") {
      for (const module of modules) run("wasm-opt", "wasm-opt", ["-Oz", `--output=${module}`, module]);
    }
    let link = readFileSync(join(work, "__wasm_split.js"), "utf8");
    for (const part of parts) {
      const body = readFileSync(join(work, part));
      const name = `${part.replace(/\.wasm$/, "")}-${contentHash(body)}.wasm`;
      writeFileSync(join(staging, name), body);
      link = link.replaceAll(`"./${part}"`, `"./${name}"`);
      named.push(name);
    }
    const linkName = `__wasm_split-${contentHash(Buffer.from(link))}.js`;
    writeFileSync(join(staging, linkName), link);
    const glue = readFileSync(join(bindgen, `${stem}.js`), "utf8");
    // The glue's `import … from "./__wasm_split.js"` names the renamed file; its imports object
    // keeps the name the wasm imports from.
    const from = /(\bfrom\s*["'])\.\/__wasm_split\.js(["'])/g;
    if (!from.test(glue)) {
      console.error("post-build.mjs: the glue wasm-bindgen wrote does not import ./__wasm_split.js.");
      process.exit(1);
    }
    writeFileSync(join(staging, `${stem}.js`), glue.replace(from, `$1./${linkName}$2`));
    const main = readFileSync(modules[0]);
    writeFileSync(join(staging, wasmName), main);
    // Trunk's preload link names the wasm with the integrity of the one it wrote.
    const sri = `sha384-${createHash("sha384").update(main).digest("base64")}`;
    const preload = new RegExp(`(<link[^>]*href="[^"]*/${wasmName.replaceAll(".", "\\.")}"[^>]*integrity=")[^"]*(")`, "g");
    html = html.replace(preload, `$1${sri}$2`);
    console.log(`post-build: the wasm split at its lazy functions: main ${main.length} bytes, ${named.join(", ")} beside it`);
    return named;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The first 16 hex digits of the SHA-256 of `bytes`, as a file name's version. */
function contentHash(bytes) {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 16);
}
