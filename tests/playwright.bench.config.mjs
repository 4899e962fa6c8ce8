// Benchmarks that need a browser (figures printed, nothing asserted on time): same browser
// and server as the end-to-end tests, files named *.bench.mjs. Run by `make bench-qr`.
import base from "./playwright.config.mjs";

export default { ...base, testMatch: /.*\.bench\.mjs$/, timeout: 20 * 60_000 };
