// Prints the raw and gzip (level 9) size of every file in a folder, and the totals.
// Usage: node scripts/size-report.mjs dist
// The precompressed siblings a release build writes (`*.gz`, `*.br`) are left out: they are other
// encodings of the files listed, not more files a browser loads.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

const root = process.argv[2] ?? "dist";

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (!/\.(gz|br)$/.test(name)) yield path;
  }
}

const kb = (bytes) => (bytes / 1024).toFixed(1).padStart(8) + " KB";
let raw = 0;
let gz = 0;
const rows = [];
for (const path of files(root)) {
  const data = readFileSync(path);
  const zipped = gzipSync(data, { level: 9 }).length;
  raw += data.length;
  gz += zipped;
  rows.push(`${kb(data.length)} ${kb(zipped)}  ${relative(root, path)}`);
}
if (rows.length === 0) {
  console.error(`${root} holds no files: build the release first (trunk build --release).`);
  process.exit(1);
}
console.log(`${"raw".padStart(11)} ${"gzip -9".padStart(11)}  file`);
for (const row of rows) console.log(row);
console.log(`${kb(raw)} ${kb(gz)}  total (${rows.length} files)`);
