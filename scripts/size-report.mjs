// Size report: raw, gzip and brotli bytes of every file the first load fetches, and the total.
// The first load is everything the service worker precaches (the app's page, loader, wasm,
// styles, manifest and icons). Budget of the finished app: 600 KB brotli in total (issue #14).
// Usage: node scripts/size-report.mjs [dist]
import { readFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = resolve(process.argv[2] ?? "dist");
const swPath = join(dist, "sw.js");
if (!existsSync(swPath)) {
  console.error(`size-report: ${swPath} is missing: build first (make build)`);
  process.exit(1);
}
const list = JSON.parse(readFileSync(swPath, "utf8").match(/const PRECACHE = (\[.*?\]);/s)[1]);
const files = [...new Set(list.map((p) => (p === "/" ? "/index.html" : p)).concat("/sw.js"))];
const rows = files.map((p) => {
  const raw = readFileSync(join(dist, p));
  return {
    file: p,
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => b.brotli - a.brotli);
const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log(`${"file".padEnd(44)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"brotli KB".padStart(9)}`);
for (const r of rows) console.log(`${r.file.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli).padStart(9)}`);
console.log(`${"total".padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli).padStart(9)}`);
console.log(`budget: 600.0 KB brotli; used ${((total.brotli / 600000) * 100).toFixed(0)} %`);
