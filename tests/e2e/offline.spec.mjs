// After a first visit, the app opens and works with the network switched off.
import { test, expect } from "@playwright/test";
import { screens, open } from "./screens.mjs";

test("the app opens offline after a first visit", async ({ page, context }) => {
  await open(page, screens[0]);
  // Wait for the service worker to have cached the app and to control the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);

  await context.setOffline(true);
  for (const screen of screens) {
    await open(page, screen);
    await expect(page.locator("h1")).toHaveText(screen.fr);
  }
  // The app still works: language switch and demo group.
  await page.reload();
  await page.getByTestId("language-switch").click();
  await expect(page.locator("h1")).toHaveText("Settings");
  await open(page, screens[0]);
  await page.getByTestId("try-demo").click();
  await expect(page.getByTestId("demo-members").locator("li")).toHaveCount(13);
  await context.setOffline(false);
});

test("the service worker caches under a version taken from the build", async ({ page }) => {
  await open(page, screens[0]);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  const sw = await (await page.request.get("/sw.js")).text();
  expect(sw).not.toContain("__ENTRAIDE_");
  const version = sw.match(/const VERSION = "([0-9a-f]{16})"/)?.[1];
  expect(version).toBeTruthy();
  await expect.poll(() => page.evaluate(() => caches.keys())).toContain(`entraide-app-${version}`);
});
