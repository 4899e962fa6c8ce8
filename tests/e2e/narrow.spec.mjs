// Every screen on the narrowest phones (320 px wide) and with text at 200 % (WCAG 1.4.4,
// 1.4.10): nothing is wider than the screen, so nothing needs a sideways scroll, except
// the tables that scroll on their own on purpose. Demo mode shows every screen with data.
import { test, expect } from "@playwright/test";
import { audit, shots } from "./screens.mjs";

const tiles = ["group", "session", "skills", "exchange", "reports", "settings"];

/** Elements sticking out of the screen, outside a container that scrolls on its own. */
async function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (el) => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const style = getComputedStyle(p);
        // A container that scrolls on its own, or clips (what is clipped is not seen).
        if (/(auto|scroll|hidden|clip)/.test(style.overflowX) && p !== document.documentElement && p !== document.body) return true;
      }
      return false;
    };
    const out = [];
    for (const el of document.body.querySelectorAll("*")) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.right > width + 1 || box.left < -1) {
        if (scrolls(el)) continue;
        const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : el.className ? `.${String(el.className).split(" ")[0]}` : "";
        out.push(`${el.tagName.toLowerCase()}${id} ${Math.round(box.left)}–${Math.round(box.right)} > ${width}`);
      }
    }
    return [...new Set(out)].slice(0, 10);
  });
}

for (const [name, viewport, zoom] of [
  ["320 px", { width: 320, height: 640 }, 1],
  ["200 % text", { width: 360, height: 740 }, 2],
]) {
  test.describe(name, () => {
    test.use({ viewport });
    test(`every screen fits at ${name}`, async ({ page }) => {
      await page.goto("/");
      await page.locator(`[data-screen="home"] h1`).waitFor();
      // The person's own text size, as the phone's setting gives it (CSSOM, allowed by the CSP).
      await page.evaluate((z) => (document.documentElement.style.fontSize = `${z * 100}%`), zoom);
      expect(await overflowing(page), "home").toEqual([]);
      await page.getByTestId("try-demo").click();
      for (const tile of tiles) {
        await page.getByRole("link", { name: "Entraide" }).click();
        await page.getByTestId(`tile-${tile}`).click();
        await page.locator(`[data-screen="${tile}"] h1`).waitFor();
        await page.waitForTimeout(300);
        expect(await overflowing(page), tile).toEqual([]);
        // Its tables scroll sideways there: each scrolling figure is reachable by keyboard.
        if (tile === "reports") expect(await audit(page)).toEqual([]);
        await page.screenshot({ path: `${shots}/narrow-${zoom > 1 ? "text200" : "320"}-${tile}.png` });
      }
      expect(await audit(page)).toEqual([]);
    });
  });
}
