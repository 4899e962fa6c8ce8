// Benchmark of the render → camera → decode loop in real headless Chromium: a phone shows a
// test payload of 2, 10 or 50 KB as animated codes at the default speed (8 codes a second);
// its frames are filmed (blur, noise) with 0 % or 20 % of them lost; another phone's camera
// plays the film and the app's Rust decoder (WASM) rebuilds the payload. Prints payload
// bytes per second, frames read versus the minimum, and decode time per 640×480 frame.
import { test, expect } from "@playwright/test";
import { join } from "node:path";
import { createVault } from "./screens.mjs";
import { blankVideo, captureFrames, film, fragments, navigate, phone, videos } from "./camera/rig.mjs";

const rows = [];

for (const kb of [2, 10, 50]) {
  test(`${kb} KB through the camera`, async () => {
    const video = join(videos, `bench-${kb}k.y4m`);
    blankVideo(video);
    const sender = await phone(video);
    await createVault(sender.page, "Sophie");
    await navigate(sender.page, "exchange");
    await sender.page.getByTestId(`trial-show-${kb}`).click();
    await sender.page.getByRole("button", { name: "Rapide" }).click();
    const k = await fragments(sender.page);
    const digest = await sender.page.getByTestId("trial-sent").getAttribute("data-sha256");
    const frames = await captureFrames(sender.page, 2 * k);
    await sender.browser.close();

    for (const lost of [0, 0.2]) {
      // 16 camera frames a second, each code held for 2: the app's default 8 codes a second.
      film(video, frames, { lost, seed: 11, hold: 2, fps: 16 });
      const receiver = await phone(video);
      const { page } = receiver;
      await createVault(page, "Marcel");
      await navigate(page, "exchange");
      await page.getByTestId("trial-receive").click();
      await page.evaluate(() => {
        const scanner = document.querySelector("[data-testid=scanner]");
        window.__scan = { ...scanner.dataset };
        new MutationObserver((records) => {
          for (const r of records) window.__scan = { ...r.target.dataset };
        }).observe(scanner, { attributes: true });
      });
      await expect(page.getByTestId("trial-received")).toBeVisible({ timeout: 10 * 60_000 });
      expect(await page.getByTestId("trial-received").getAttribute("data-sha256")).toBe(digest);
      const scan = await page.evaluate(() => window.__scan);
      const seconds = Number(scan.elapsedMs) / 1000;
      const row = {
        payload: `${kb} KB`,
        lost: `${lost * 100} %`,
        "bytes/s": Math.round((kb * 1024) / seconds),
        seconds: seconds.toFixed(1),
        "codes read": Number(scan.codes),
        "minimum": k,
        "camera frames": Number(scan.frames),
        "decode ms/frame": (Number(scan.decodeMs) / Number(scan.frames)).toFixed(1),
      };
      rows.push(row);
      console.log(JSON.stringify(row));
      await receiver.browser.close();
    }
  });
}

test.afterAll(() => {
  console.table(rows);
});
