// axe-core finds no violation on any screen, in French and in English, and every screen is
// photographed at phone size (360×740) into the folder printed below.
import { test, expect } from "@playwright/test";
import { screens, open, audit, shots } from "./screens.mjs";

console.log(`Screenshots at 360×740: ${shots}`);

for (const lang of ["fr", "en"]) {
  for (const screen of screens) {
    test(`${screen.id} (${lang}) has no accessibility violation`, async ({ page }) => {
      await open(page, screen);
      if (lang === "en") {
        await page.getByTestId("language-switch").click();
        await expect(page.locator("h1")).toHaveText(screen.en);
      }
      expect(await audit(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/${screen.id}-${lang}.png`, fullPage: true });
    });
  }
}

test("the demo group screen has no accessibility violation", async ({ page }) => {
  await open(page, screens[0]);
  await page.getByTestId("try-demo").click();
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/group-demo-fr.png`, fullPage: true });
});

test("at 320 px wide and 200 % text nothing overflows sideways", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const screen of screens) {
    await open(page, screen);
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${screen.id} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    if (screen.id === "home") await page.screenshot({ path: `${shots}/home-320-200pct.png`, fullPage: true });
  }
});
