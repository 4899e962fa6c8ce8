// The fake-camera rig of the end-to-end tests: the QR frames a page displays are read from
// its canvas (one grey value per module, exactly what is drawn), filmed into a .y4m video
// (scaled, blurred, noised, frames dropped), and fed to another browser as its camera with
// Chromium's --use-file-for-fake-video-capture. Chromium reopens the file each time a
// camera starts while no other track is live, so one browser can film several videos.
import { chromium, expect } from "@playwright/test";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeCameraVideo, makeRng } from "./y4m.mjs";
import config from "../../playwright.config.mjs";

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;
export const videos = fileURLToPath(new URL("../../../target/e2e/videos", import.meta.url));
mkdirSync(videos, { recursive: true });

// The end-to-end tests' Chromium flags, plus a fake camera that plays a file.
const flags = [
  ...config.use.launchOptions.args,
  "--use-fake-ui-for-media-stream",
  "--use-fake-device-for-media-stream",
];

/**
 * A phone: a browser whose camera films `video` (a .y4m path), and one page at phone size.
 * With `refuse`, the person says no when the browser asks for the camera.
 */
export async function phone(video, { refuse = false } = {}) {
  const allowed = refuse ? flags.filter((f) => f !== "--use-fake-ui-for-media-stream") : flags;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [...allowed, `--use-file-for-fake-video-capture=${video}`],
  });
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: "fr-FR",
  });
  const page = await context.newPage();
  page.on("pageerror", (e) => console.log(`page error: ${e}`));
  return { browser, page };
}

/** A camera that films nothing but a grey wall (until a test writes a real video). */
export function blankVideo(path) {
  makeCameraVideo(path, [], { fps: 10, blankStart: 10 });
}

/**
 * Reads `count` successive frames of the QR code shown on `page`, one grey value per
 * module (quiet zone included), as the app draws them.
 */
export async function captureFrames(page, count) {
  await page.locator(".qr-canvas[data-frame]").waitFor();
  return page.evaluate(async (count) => {
    const canvas = document.querySelector(".qr-canvas");
    const figure = canvas.closest("[data-testid=qr-display]");
    const frames = new Map();
    const grab = () => {
      const n = canvas.getAttribute("data-frame");
      if (frames.has(n)) return;
      const modules = 17 + 4 * Number(figure.dataset.version) + 8;
      const px = canvas.width / modules;
      const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
      const gray = new Array(modules * modules);
      for (let y = 0; y < modules; y++) {
        for (let x = 0; x < modules; x++) {
          gray[y * modules + x] = data[(Math.floor((y + 0.5) * px) * canvas.width + Math.floor((x + 0.5) * px)) * 4];
        }
      }
      frames.set(n, { n: Number(n), width: modules, height: modules, gray });
    };
    grab();
    if (frames.size < count) {
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          grab();
          if (frames.size >= count) {
            observer.disconnect();
            resolve();
          }
        });
        observer.observe(canvas, { attributes: true, attributeFilter: ["data-frame"] });
      });
    }
    return [...frames.values()].sort((a, b) => a.n - b.n);
  }, count);
}

/**
 * Films QR frames into `path`: each held for `hold` camera frames at `fps`, scaled to fill
 * about 90 % of the 480-pixel height, blurred and noised. A share `lost` of the codes is
 * missed: for as long as it is shown the camera sees no code (the phone moved, a reflection),
 * so the film keeps the display's timing.
 */
export function film(path, frames, { hold = 2, fps = 16, lost = 0, blur = 1.2, noise = 6, seed = 1, repeat = 1 } = {}) {
  const random = makeRng(seed);
  const qr = frames.map((f) =>
    random() < lost ? null : { width: f.width, height: f.height, gray: Uint8Array.from(f.gray) },
  );
  const scale = 432 / frames[0].width;
  return makeCameraVideo(path, qr, { fps, hold, blur, noise, seed, scale, repeat, blankStart: 4, blankEnd: 2 });
}

/** The fewest frames the shown transfer needs (1 for a single code). */
export async function fragments(page) {
  return Number(await page.getByTestId("qr-display").getAttribute("data-fragments"));
}

/** Writes a PNG screenshot of the QR code shown on `page` to `path` (a photo of the code). */
export async function photograph(page, path) {
  writeFileSync(path, await page.locator(".qr-canvas").screenshot());
}

/** Goes to a screen the way a person does (home, then its tile), keeping the vault open. */
export async function navigate(page, id) {
  const back = page.getByRole("link", { name: "Retour à l'accueil" });
  if (await back.count()) await back.click();
  await page.getByTestId(`tile-${id}`).click();
  await page.locator(`[data-screen="${id}"] h1`).waitFor();
}
