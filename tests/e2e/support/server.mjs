// A static server for the release build on 127.0.0.1, as a static host serves it: a path that
// is a folder gets its index.html (`/reference/404` gets `reference/404/index.html`, a page the
// release build wrote), and a page's path that is neither gets the single-page-app fallback,
// index.html, so deep links load; a missing file of a kind the build produces (a script, a
// stylesheet, an image) gets 404, so a page asking for one shows up as a failed request in the
// journeys' checks.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
};

// What a well-set static host sends: Trunk's hashed file names never change content, so they
// may be kept for a year; the page, the service worker and the manifest must be asked for again.
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
const cacheControl = (path) => (HASHED.test(path) ? "public, max-age=31536000, immutable" : "no-cache");

// What a host compresses (the benchmark serves gzip, as hosts do; the journeys do not need it).
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".wasm", ".css", ".svg", ".json", ".webmanifest"]);

/**
 * Serves `dir` on a free port of 127.0.0.1. Resolves to { origin, close(), use(dir) }: `use`
 * swaps the folder served, as a host does when a new release is published. With `{ gzip: true }`
 * it compresses what a host would (gzip -9, to a client that accepts it).
 */
export async function serveDist(dir = "dist", { gzip = false } = {}) {
  let root = resolve(dir);
  const compressed = new Map(); // file -> gzip -9 bytes
  const send = (req, res, status, headers, file, body) => {
    const accepts = /\bgzip\b/.test(req.headers["accept-encoding"] ?? "");
    if (gzip && accepts && COMPRESSIBLE.has(extname(file))) {
      if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
      res.writeHead(status, { ...headers, "content-encoding": "gzip", vary: "accept-encoding" });
      res.end(compressed.get(file));
    } else {
      res.writeHead(status, headers);
      res.end(body);
    }
  };
  const server = createServer(async (req, res) => {
    const raw = new URL(req.url, "http://x").pathname;
    let path;
    try {
      path = decodeURIComponent(raw);
    } catch {
      path = null; // a malformed % escape names no file: the app's own not-found page answers
    }
    let file = path === null ? null : normalize(join(root, path));
    try {
      if (file === null || !file.startsWith(root)) throw new Error("no such file");
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const headers = {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": cacheControl(file),
      };
      send(req, res, 200, headers, file, await readFile(file));
    } catch {
      if (path !== null && TYPES[extname(path)] && extname(path) !== ".html") {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache" });
        res.end(`Not found: ${raw}`);
        return;
      }
      const index = join(root, "index.html");
      send(req, res, 200, { "content-type": TYPES[".html"], "cache-control": "no-cache" }, index, await readFile(index));
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(ok)),
    use: (next) => {
      root = resolve(next);
    },
  };
}
