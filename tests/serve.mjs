// Serves the built app (dist/) on 127.0.0.1 for people and for the end-to-end tests.
// Sends the app's Content-Security-Policy as a header too (taken from the CSP meta of
// dist/index.html, plus frame-ancestors, which only a header can carry), compresses with
// brotli or gzip, and answers every screen's address with the app's page.
// Usage: node tests/serve.mjs [dist-folder] [port]
import { createServer } from "node:http";
import { readFileSync, statSync, existsSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const root = resolve(process.argv[2] ?? "dist");
const port = Number(process.argv[3] ?? 8080);
const host = "127.0.0.1";

if (!existsSync(join(root, "index.html"))) {
  console.error(`serve: ${root}/index.html is missing: build the app first (make build)`);
  process.exit(1);
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

function policy() {
  const html = readFileSync(join(root, "index.html"), "utf8");
  const m = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!m) throw new Error("serve: index.html has no Content-Security-Policy meta");
  return `${m[1]}; frame-ancestors 'none'`;
}

const compressed = new Map();
function body(path, encoding) {
  const key = `${path}|${encoding}|${statSync(path).mtimeMs}`;
  if (!compressed.has(key)) {
    const raw = readFileSync(path);
    const out =
      encoding === "br"
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : encoding === "gzip"
          ? gzipSync(raw, { level: 9 })
          : raw;
    compressed.set(key, out);
  }
  return compressed.get(key);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, `http://${host}:${port}`);
  let rel = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
  let file = join(root, rel);
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  let isFile = existsSync(file) && statSync(file).isFile();
  if (!isFile) {
    if (extname(rel)) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
      return;
    }
    file = join(root, "index.html"); // a screen of the app
  }
  const type = types[extname(file)] ?? "application/octet-stream";
  const accept = String(req.headers["accept-encoding"] ?? "");
  const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : "identity";
  const hashed = /-[0-9a-f]{16}[._]/.test(file);
  const headers = {
    "Content-Type": type,
    "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), interest-cohort=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    Vary: "Accept-Encoding",
  };
  if (type.startsWith("text/html")) headers["Content-Security-Policy"] = policy();
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  const data = body(file, encoding);
  headers["Content-Length"] = data.length;
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : data);
});

server.listen(port, host, () => {
  console.log(`Entraide is served on http://${host}:${port} (from ${root}). Ctrl+C to stop.`);
});
