// Nothing leaves the app's own origin, and the Content-Security-Policy is strict.
import { test, expect } from "@playwright/test";
import { screens, open } from "./screens.mjs";

test("a full tour of the screens makes no request outside the app's origin", async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  page.context().on("request", (r) => requests.push(r.url()));
  for (const screen of screens) {
    await open(page, screen);
  }
  await page.getByTestId("language-switch").click();
  await open(page, screens[0]);
  await page.getByTestId("try-demo").click();
  await expect(page.getByTestId("demo-members")).toBeVisible();
  const outside = requests.filter((u) => !u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== origin);
  expect(requests.length).toBeGreaterThan(3);
  expect(outside).toEqual([]);
});

test("the CSP is in the page and in the header, with no unsafe-* but wasm-unsafe-eval", async ({ page }) => {
  const response = await page.goto("/");
  const header = response.headers()["content-security-policy"];
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const csp of [header, meta]) {
    expect(csp).toBeTruthy();
    const unsafe = csp.match(/'unsafe-[a-z-]+'/g) ?? [];
    expect(unsafe).toEqual([]);
    expect(csp).toContain("'wasm-unsafe-eval'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("default-src 'self'");
  }
  expect(header).toContain("frame-ancestors 'none'");
  // No inline script at all: the CSP would block it.
  expect(await page.locator("script:not([src])").count()).toBe(0);
});

test("the CSP does not block anything the app does", async ({ page }) => {
  const violations = [];
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && violations.push(m.text()));
  for (const screen of screens) await open(page, screen);
  expect(violations).toEqual([]);
});
