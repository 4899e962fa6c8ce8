// Trunk post-build hook (see Trunk.toml). Works on the staging folder before it becomes dist/:
// 1. moves Trunk's inline module loader into boot-<hash>.js, because the Content-Security-Policy
//    allows no inline script (and Trunk's fixed nonces would give no protection);
// 2. fills the service worker's precache list and version from the built files, so every build
//    that changes any file gives a new worker and a new cache.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("post-build: TRUNK_STAGING_DIR is not set (run through trunk build)");
  process.exit(1);
}
const sha = (data) => createHash("sha256").update(data).digest("hex");

// 1. the loader
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");
const inline = /<script type="module"([^>]*)>([\s\S]*?)<\/script>/g;
let moved = 0;
html = html.replace(inline, (whole, attrs, body) => {
  if (/\bsrc=/.test(attrs)) return whole;
  const name = `boot-${sha(body).slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body.trim() + "\n");
  moved += 1;
  return `<script type="module" src="/${name}"></script>`;
});
html = html.replace(/\snonce="[^"]*"/g, "");
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error("post-build: an inline script is left in index.html; the CSP would block it");
  process.exit(1);
}
writeFileSync(indexPath, html);

// 2. the service worker
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d).sort()) {
    const p = join(d, name);
    if (statSync(p).isDirectory()) walk(p);
    else files.push(p);
  }
};
walk(dir);
const served = files.map((p) => "/" + relative(dir, p).split("\\").join("/")).filter((p) => p !== "/sw.js");
const hash = createHash("sha256");
for (const p of served) hash.update(p).update(readFileSync(join(dir, p)));
const version = hash.digest("hex").slice(0, 16);
const swPath = join(dir, "sw.js");
const sw = readFileSync(swPath, "utf8")
  .replace("__ENTRAIDE_VERSION__", version)
  .replace("__ENTRAIDE_PRECACHE__", JSON.stringify(["/", ...served], null, 0));
writeFileSync(swPath, sw);
console.log(`post-build: loader moved (${moved}), service worker ${version} caches ${served.length + 1} entries`);
