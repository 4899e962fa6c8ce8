// The Bilan on the demo group's year: large numbers compared with the previous period,
// charts each with a table for screen readers, a period and track picker, "moins de 5"
// for small cells, and an A4 print read back by pdftotext (the reference tool).
import { test, expect } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { audit, createVault, shots } from "./screens.mjs";

async function openDemoReport(page) {
  await page.goto("/");
  await page.getByTestId("try-demo").click();
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await page.getByTestId("tile-reports").click();
  await expect(page.getByTestId("report-figures")).toBeVisible({ timeout: 20_000 });
}

const lastYear = new Date().getFullYear() - 1;
const headline = (page, label) =>
  page.getByTestId("headlines").locator("li", { hasText: label }).locator(".headline-value");

test("the demo year's figures, charts and tables", async ({ page }) => {
  await openDemoReport(page);
  await expect(page.getByTestId("report-period")).toHaveText(`année ${lastYear}`);
  const sessions = Number(await headline(page, "Séances").textContent());
  expect(sessions).toBeGreaterThanOrEqual(20);
  const reached = await headline(page, "Personnes accompagnées").textContent();
  expect(Number(reached)).toBeGreaterThanOrEqual(20);
  expect(Number(await headline(page, "Aides données").textContent())).toBeGreaterThan(100);
  // The previous year has no session: the change is the whole figure.
  await expect(page.getByTestId("headlines").locator("li", { hasText: "Séances" })).toContainText(
    `+${sessions} par rapport à année ${lastYear - 1}`,
  );
  // Every chart has the same figures as a table for screen readers.
  const charts = page.locator("figure.chart");
  expect(await charts.count()).toBeGreaterThanOrEqual(5);
  for (const chart of await charts.all()) {
    const svg = chart.locator("svg.bars");
    if ((await svg.count()) === 0) continue;
    await expect(svg).toHaveAttribute("aria-hidden", "true");
    const bars = await chart.locator("text.bar-value").allTextContents();
    const cells = await chart.locator("table td").allTextContents();
    expect(cells).toEqual(bars);
  }
  // Nothing is wider than the phone's screen, and every bar label fits in its chart.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  for (const svg of await page.locator("svg.bars").all()) {
    const [right, labels] = await svg.evaluate((s) => [
      s.getBoundingClientRect().right,
      Math.max(...[...s.querySelectorAll("text")].map((t) => t.getBoundingClientRect().right)),
    ]);
    expect(labels).toBeLessThanOrEqual(right + 0.5);
  }
  // The sessions table lists every session of the year.
  expect(await page.getByTestId("sessions-table").locator("tbody tr").count()).toBe(sessions);
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/reports-demo-fr.png` });
  await page.locator("figure.chart").first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/reports-chart-fr.png` });
});

test("a month, a track and a reversed period", async ({ page }) => {
  await openDemoReport(page);
  const yearHelp = Number(await headline(page, "Aides données").textContent());
  // One track only: fewer help given than both together.
  await page.getByLabel("Débutants").check();
  const beginners = await headline(page, "Aides données").textContent();
  expect(beginners === "moins de 5" || Number(beginners) < yearHelp).toBeTruthy();
  await page.getByLabel("Les deux parcours").check();
  // One month: March of the demo year.
  await page.getByLabel("Un mois").check();
  await page.getByTestId("period-month").fill(`${lastYear}-03`);
  await page.getByTestId("period-month").dispatchEvent("change");
  await expect(page.getByTestId("report-period")).toHaveText(`mars ${lastYear}`);
  await expect(page.getByTestId("report-figures")).toContainText(`février ${lastYear}`);
  // In a month, small cells appear: they read "moins de 5" and draw no bar.
  let hidden = 0;
  for (const chart of await page.locator("figure.chart").all()) {
    const values = await chart.locator("text.bar-value").allTextContents();
    for (const [i, v] of values.entries()) {
      if (v !== "moins de 5") continue;
      hidden += 1;
      expect(Number(await chart.locator("rect.bar").nth(i).getAttribute("width"))).toBe(0);
    }
  }
  expect(hidden).toBeGreaterThan(0);
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/reports-month-fr.png`, fullPage: true });
  // From-to, reversed: a plain sentence, no figures.
  await page.getByLabel("Du … au …").check();
  await page.getByTestId("period-from").fill(`${lastYear}-06-30`);
  await page.getByTestId("period-from").dispatchEvent("change");
  await page.getByTestId("period-to").fill(`${lastYear}-06-01`);
  await page.getByTestId("period-to").dispatchEvent("change");
  await expect(page.getByRole("alert")).toContainText("La date de fin est avant la date de début");
  await expect(page.getByTestId("report-figures")).toHaveCount(0);
});

test("the printed A4 report carries the group, the period, the figures and the animator's words", async ({ page }) => {
  await openDemoReport(page);
  await page.getByTestId("report-note").fill("Merci à la mairie pour la salle Rivière.");
  const group = (await page.getByTestId("report-group").textContent()).trim();
  const values = await page.locator(".headline-value").allTextContents();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("period-picker")).toBeHidden();
  await page.screenshot({ path: `${shots}/reports-print-fr.png`, fullPage: true });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const file = `${shots}/reports-demo.pdf`;
  writeFileSync(file, pdf);
  const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
  expect(text).toContain(group);
  expect(text).toContain(`année ${lastYear}`);
  expect(text).toContain("Merci à la mairie pour la salle Rivière.");
  expect(text).toContain("Aides par thème");
  for (const v of values) expect(text).toMatch(new RegExp(`(^|\\s)${v}(\\s|$)`));
  expect(text).not.toContain("Imprimer ou enregistrer en PDF");
  expect(text).not.toContain("Retour à l'accueil");
});

test("a phone that animates no group is told where the report is made", async ({ page }) => {
  await createVault(page, "Nadia");
  await page.getByTestId("tile-reports").click();
  await expect(page.getByText("Le bilan se fait sur le téléphone de l'animateur")).toBeVisible();
  expect(await audit(page)).toEqual([]);
});
