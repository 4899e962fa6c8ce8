// Draws the PNG icons of the web manifest from public/icons/icon.svg with headless Chromium.
// The PNGs are committed; run this (make icons) after changing the SVG.
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const svg = readFileSync("public/icons/icon.svg", "utf8");
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
});
const page = await browser.newPage();
// Maskable icons keep their drawing inside the central 80 % safe zone.
const variants = [
  { file: "icon-192.png", size: 192, pad: 0, round: true },
  { file: "icon-512.png", size: 512, pad: 0, round: true },
  { file: "icon-maskable-512.png", size: 512, pad: 0.12, round: false },
];
for (const v of variants) {
  const inner = Math.round(v.size * (1 - 2 * v.pad));
  const body = v.round ? svg : svg.replace('rx="96"', 'rx="0"');
  await page.setViewportSize({ width: v.size, height: v.size });
  await page.setContent(
    `<body style="margin:0;background:#0b4f6c;display:grid;place-items:center;width:${v.size}px;height:${v.size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${body.replace("<svg ", `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({ path: `public/icons/${v.file}`, omitBackground: v.round });
  console.log(`public/icons/${v.file}`);
}
await browser.close();
