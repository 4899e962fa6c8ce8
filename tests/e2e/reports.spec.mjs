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

/** The rows of a CSV file as Python's csv module reads it (BOM, ";", CRLF): the reference. */
function readCsv(file) {
  const script = `import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8-sig") as f:
    print(json.dumps(list(csv.reader(f, delimiter=";"))))`;
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" }));
}
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
  // Page breaks never cut a chart or a table: each one's title and last line are on the same
  // page (pdftotext page by page).
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file], { encoding: "utf8" }))[1]);
  const pageText = [];
  for (let p = 1; p <= pages; p++) {
    pageText.push(execFileSync("pdftotext", ["-f", `${p}`, "-l", `${p}`, file, "-"], { encoding: "utf8" }));
  }
  const squash = (t) => t.replace(/\s+/g, " ");
  for (const chart of await page.locator("figure.chart:has(svg)").all()) {
    const title = (await chart.locator("figcaption").textContent()).trim();
    const last = (await chart.locator("text.bar-label").last().textContent()).trim();
    const at = pageText.findIndex((t) => squash(t).includes(title));
    expect(at, `${title} is printed`).toBeGreaterThanOrEqual(0);
    expect(squash(pageText[at]), `${title} is not cut`).toContain(squash(last));
  }
  for (const table of await page.locator("figure.report-table").all()) {
    const title = (await table.locator("figcaption").textContent()).trim();
    const last = (await table.locator("tbody tr").last().locator("th, td").first().textContent()).trim();
    const at = pageText.findIndex((t) => squash(t).includes(title));
    expect(at, `${title} is printed`).toBeGreaterThanOrEqual(0);
    expect(squash(pageText[at]), `${title} is not cut`).toContain(last);
  }
  // Pictures of the A4 pages, to look at.
  execFileSync("pdftoppm", ["-r", "50", "-png", file, `${shots}/reports-a4`]);
  // Figures (benchmark, no assertion): the PDF's page count and size.
  console.log(`Bilan PDF for the demo year: ${pages} A4 pages, ${(pdf.length / 1024).toFixed(0)} KB`);
});

test("a phone that animates no group is told where the report is made", async ({ page }) => {
  await createVault(page, "Nadia");
  await page.getByTestId("tile-reports").click();
  await expect(page.getByText("Le bilan se fait sur le téléphone de l'animateur")).toBeVisible();
  expect(await audit(page)).toEqual([]);
});

test("the needs map, what to plan next and the difficulties with services", async ({ page }) => {
  await openDemoReport(page);
  const needs = page.getByTestId("needs");
  await expect(needs.locator("h2")).toHaveText("Les besoins du groupe");
  expect(await page.getByTestId("needs-table").locator("tbody tr").count()).toBeGreaterThanOrEqual(5);
  const plan = await page.getByTestId("plan-next").locator("li").allTextContents();
  expect(plan.length).toBeGreaterThan(0);
  expect(plan.length).toBeLessThanOrEqual(5);
  for (const line of plan) expect(line).toMatch(/veulent apprendre/);
  const difficulties = page.getByTestId("difficulties");
  await expect(difficulties).toContainText(/\d+ difficultés notées/);
  expect(await page.getByTestId("difficulties-areas").locator("tbody tr").count()).toBeGreaterThan(0);
  expect(await page.getByTestId("difficulties-services").locator(":scope > li").count()).toBeGreaterThan(0);
  // No personal data: no e-mail address, phone number or member's nickname.
  const text = await difficulties.textContent();
  expect(text).not.toMatch(/@|\b0\d( ?\d\d){4}\b/);
  const group = await page.getByTestId("report-group").textContent();
  expect(text).not.toContain(group);
  expect(await audit(page)).toEqual([]);
  await page.getByTestId("needs-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/reports-needs-fr.png` });
  await difficulties.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/reports-difficulties-fr.png` });
  // Printed alone: only the difficulties (and the group's name) are on the page.
  // The button marks the report before it opens the print dialog (replaced here: headless
  // Chromium cannot print twice), and clears the mark after.
  await page.evaluate(() => {
    window.print = () => {
      window.printedWith = document.querySelector("[data-testid=report]").className;
    };
  });
  await page.getByTestId("print-difficulties").click();
  await expect.poll(() => page.evaluate(() => window.printedWith)).toContain("print-difficulties");
  await expect(page.getByTestId("report")).not.toHaveClass(/print-difficulties/);
  await page.evaluate(() => document.querySelector("[data-testid=report]").classList.add("print-difficulties"));
  await page.emulateMedia({ media: "print" });
  await expect(page.getByTestId("needs")).toBeHidden();
  await expect(page.getByTestId("report-figures")).toBeHidden();
  await expect(difficulties).toBeVisible();
  const pdf = `${shots}/reports-difficulties.pdf`;
  writeFileSync(pdf, await page.pdf({ format: "A4" }));
  const printed = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  expect(printed).toContain("Difficultés avec les services");
  expect(printed).not.toContain("Aides par thème");
});

test("the CSV of help given reads back with a standard CSV reader, one row per help", async ({ page }) => {
  await openDemoReport(page);
  const help = Number(await headline(page, "Aides données").textContent());
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  expect(download.suggestedFilename()).toBe(`entraide-aides-${lastYear}-01-01-${lastYear}-12-31.csv`);
  const file = `${shots}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  await expect(page.getByTestId("csv-status")).toContainText("prêt dans vos téléchargements");
  // Python's csv module, the reference reader: BOM, ";" and CRLF, every row as wide as the header.
  const rows = readCsv(file);
  const parsed = { header: rows[0], count: rows.length - 1, widths: [...new Set(rows.map((r) => r.length))], first: rows[1] };
  expect(parsed.header.slice(0, 4)).toEqual(["Date", "Type", "Canaux d'accompagnement", "Durée (min)"]);
  expect(parsed.header).toContain("Niveau d'autonomie (ou de l'atelier)");
  expect(parsed.count).toBe(help);
  expect(parsed.widths).toEqual([parsed.header.length]);
  expect(parsed.first[0]).toMatch(new RegExp(`^\\d\\d/\\d\\d/${lastYear}$`));
});

test("the aggregate tables download as CSV with small cells hidden, and the thanks are shown only when chosen", async ({ page }) => {
  await openDemoReport(page);
  // Thanks: off by default; the helpers' nicknames appear nowhere else in the report.
  await expect(page.getByTestId("thanks")).toHaveCount(0);
  await page.getByTestId("show-thanks").check();
  const names = (await page.getByTestId("thanks").locator("li").allTextContents()).map((l) => l.split(" : ")[0]);
  expect(names.length).toBeGreaterThan(3);
  await page.getByTestId("show-thanks").uncheck();
  const report = await page.getByTestId("report").textContent();
  for (const name of names) expect(report).not.toContain(name);
  // The tables of March of the demo year.
  await page.getByLabel("Un mois").check();
  await page.getByTestId("period-month").fill(`${lastYear}-03`);
  await page.getByTestId("period-month").dispatchEvent("change");
  await expect(page.getByTestId("report-period")).toHaveText(`mars ${lastYear}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-tables").click()]);
  expect(download.suggestedFilename()).toBe(`entraide-tableaux-${lastYear}-03-01-${lastYear}-03-31.csv`);
  const file = `${shots}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  const rows = readCsv(file);
  expect(rows[0]).toEqual(["Tableau", "Catégorie", "Personnes", "Aides", "Minutes", "Nombre"]);
  const sessions = rows.find((r) => r[0] === "Chiffres clés" && r[1] === "Séances");
  expect(sessions[5]).toBe((await headline(page, "Séances").textContent()).trim());
  const people = rows.slice(1).map((r) => r[2]).filter((c) => c !== "" && c !== "moins de 5");
  for (const c of people) expect(Number(c) === 0 || Number(c) >= 5).toBeTruthy();
  expect(rows.some((r) => r.includes("moins de 5"))).toBeTruthy();
  for (const name of names) expect(JSON.stringify(rows)).not.toContain(name);
});

test("a group this phone animates has its own Bilan, and the animator's words are kept", async ({ page }) => {
  const passphrase = await createVault(page, "Sophie");
  await page.getByTestId("tile-group").click();
  await page.getByTestId("create-group").click();
  // A person's address is never kept, even as a group's name.
  await page.getByTestId("group-name").fill("Chez Mme Martin, 12 rue des Lilas");
  await page.getByTestId("create-group-submit").click();
  await expect(page.getByTestId("exchange-error")).toContainText("Ce texte semble contenir une adresse postale.");
  await expect(page.getByTestId("invite")).toHaveCount(0);
  await page.getByTestId("group-name").fill("Les Lilas");
  await page.getByTestId("create-group-submit").click();
  await expect(page.getByTestId("invite")).toBeVisible();
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await page.getByTestId("tile-reports").click();
  await expect(page.getByTestId("report-group")).toHaveText("Les Lilas");
  await expect(page.getByTestId("report-period")).toHaveText(`année ${lastYear + 1}`);
  await expect(headline(page, "Séances")).toHaveText("0");
  await expect(page.locator("figure.chart").first()).toContainText("Rien de noté sur cette période.");
  // Words that hold a phone number are refused, kept neither in the vault nor in print.
  await page.getByTestId("report-note").fill("Pour nous joindre : Sophie au 06 12 34 56 78.");
  await expect(page.getByTestId("note-refused")).toContainText("un numéro de téléphone");
  await page.getByTestId("report-note").blur();
  await expect(page.getByTestId("note-status")).toHaveText("");
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/reports-note-refused-fr.png` });
  await page.getByTestId("report-note").fill("Première année du groupe.");
  await expect(page.getByTestId("note-refused")).toHaveCount(0);
  await page.getByTestId("report-note").blur();
  await expect(page.getByTestId("note-status")).toHaveText("Votre mot est enregistré.");
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/reports-own-group-fr.png` });
  // After a reload and the passphrase, the words are still there.
  await page.reload();
  await expect(page.getByTestId("reports-locked")).toBeVisible();
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await page.getByLabel("Votre phrase secrète").fill(passphrase);
  await page.getByRole("button", { name: "Ouvrir", exact: true }).click();
  await expect(page.getByTestId("hello")).toBeVisible({ timeout: 20_000 });
  await page.getByTestId("tile-reports").click();
  await expect(page.getByTestId("report-note")).toHaveValue("Première année du groupe.");
});
