// The demo group's session: groups proposed as cards with reasons; the animator's changes
// (move, keep, set aside) survive every recompute; confirmation; 60 people; accessibility.
import { test, expect } from "@playwright/test";
import { audit, createVault, shots } from "./screens.mjs";

async function openDemoSession(page) {
  await page.goto("/");
  await page.getByTestId("try-demo").click();
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await page.getByTestId("tile-session").click();
  await expect(page.getByTestId("session-board")).toBeVisible();
}

const card = (page, helper) => page.locator(`[data-testid=groups] li[data-helper="${helper}"]`);

test("the demo session proposes groups as cards, each with its reason", async ({ page }) => {
  await openDemoSession(page);
  const cards = page.locator("[data-testid=groups] > li");
  expect(await cards.count()).toBeGreaterThanOrEqual(4);
  for (const c of await cards.all()) {
    await expect(c.locator("h3")).not.toBeEmpty();
    await expect(c.locator(".reason")).toContainText(/aide .+\u00a0: «\u00a0.+\u00a0»\./);
  }
  await expect(page.getByTestId("session-summary")).toContainText("Personnes aidées : ");
  await expect(page.getByTestId("unplaced")).toContainText("Gérard");
  await expect(page.getByTestId("unplaced")).toContainText("thème sensible");
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/session-demo-fr.png`, fullPage: true });
});

test("a manual change is kept when the groups are recomputed", async ({ page }) => {
  await openDemoSession(page);
  // Move Yvette into Fatou's e-mail group.
  await page.locator('[data-testid=groups] button[data-person="d-04"]').click();
  const sheet = page.getByTestId("action-sheet");
  await expect(sheet).toBeVisible();
  await expect(sheet.locator("h2")).toBeFocused();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/session-actions-fr.png` });
  await sheet.getByRole("button", { name: /Mettre avec Fatou/ }).click();
  await expect(page.getByTestId("session-status")).toHaveText("Groupes recalculés. Vos choix sont gardés.");
  await expect(card(page, "d-10").locator('button[data-person="d-04"]')).toBeVisible();

  // Keep Martine's group, then set Gérard aside: both earlier choices survive.
  await card(page, "d-02").getByRole("button", { name: "Garder ce groupe" }).click();
  await expect(card(page, "d-02").locator("button.keep")).toHaveAttribute("aria-pressed", "true");
  const kept = await card(page, "d-02").locator("button.person").allTextContents();
  await page.getByTestId("unplaced").locator('button[data-person="d-11"]').click();
  await page.getByTestId("action-sheet").getByRole("button", { name: "Mettre Gérard de côté aujourd'hui" }).click();
  await expect(page.getByTestId("set-aside")).toContainText("Remettre Gérard");
  await expect(page.getByTestId("unplaced")).not.toContainText("Gérard");
  await expect(card(page, "d-10").locator('button[data-person="d-04"]')).toBeVisible();
  expect(await card(page, "d-02").locator("button.person").allTextContents()).toEqual(kept);
  await expect(card(page, "d-02").locator("button.keep")).toHaveAttribute("aria-pressed", "true");

  // Swap a role: Yvette helps instead (she was helped by Fatou).
  await card(page, "d-10").locator('button[data-person="d-04"]').click();
  await page.getByTestId("action-sheet").getByRole("button", { name: "Yvette aide plutôt" }).click();
  await expect(card(page, "d-10").locator('button[data-person="d-04"]')).toHaveCount(0);

  // Undo everything: back to the engine's own proposal.
  await page.getByRole("button", { name: "Annuler tous mes changements" }).click();
  await expect(page.getByTestId("set-aside")).toHaveCount(0);
  await expect(page.getByTestId("unplaced")).toContainText("Gérard");
});

test("confirming freezes the groups", async ({ page }) => {
  await openDemoSession(page);
  await page.getByTestId("confirm-groups").click();
  await expect(page.getByTestId("session-confirmed")).toBeVisible();
  await expect(page.locator("[data-testid=groups] button.person").first()).toBeDisabled();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/session-confirmed-fr.png`, fullPage: true });
  await page.getByRole("button", { name: "Modifier encore" }).click();
  await expect(page.locator("[data-testid=groups] button.person").first()).toBeEnabled();
});

test("a session of 60 people is proposed and stays usable", async ({ page }) => {
  await openDemoSession(page);
  await page.getByTestId("switch-size").click();
  await expect(page.getByTestId("session-summary")).toContainText(/Personnes aidées : \d+ sur \d+/);
  expect(await page.locator("[data-testid=groups] > li").count()).toBeGreaterThan(10);
  const first = page.locator("[data-testid=groups] button.person").first();
  await first.click();
  await expect(page.getByTestId("action-sheet")).toBeVisible();
  await page.getByTestId("action-sheet").getByRole("button", { name: "Fermer" }).click();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/session-60-fr.png` });
  // People who both help and need help: those who help today while their own need waits
  // are listed apart, with the reason, and never as "Sans groupe aujourd'hui".
  const uncovered = page.getByTestId("uncovered");
  await expect(uncovered.locator("li").first()).toContainText(/^.+Besoin non couvert aujourd'hui\u00a0: .+ aide .+ attendra\.$/);
  for (const id of await uncovered.locator("button.person").evaluateAll((bs) => bs.map((b) => b.dataset.person))) {
    await expect(page.locator(`[data-testid=unplaced] button[data-person="${id}"]`)).toHaveCount(0);
    await expect(page.locator(`[data-testid=groups] li[data-helper="${id}"]`)).toHaveCount(1);
  }
  await uncovered.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/session-60-uncovered-fr.png` });
  await page.getByTestId("language-switch").click();
  await expect(page.getByTestId("session-summary")).toContainText("People helped: ");
  await expect(page.locator("[data-testid=groups] .reason").first()).toContainText(/helps .+: “.+”\./);
});

test("the demo group survives a reload and nothing of it is written to the browser's storage", async ({ page }) => {
  await openDemoSession(page);
  await page.reload();
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  await expect(page.getByTestId("session-board")).toBeVisible();
  // Every IndexedDB store is empty: the demo never touches the vault.
  const stored = await page.evaluate(async () => {
    let count = 0;
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((ok, ko) => {
        const r = indexedDB.open(info.name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      for (const name of db.objectStoreNames) {
        count += await new Promise((ok) => (db.transaction(name).objectStore(name).count().onsuccess = (e) => ok(e.target.result)));
      }
      db.close();
    }
    return count;
  });
  expect(stored).toBe(0);
  // Leaving the demo is remembered too.
  await page.getByTestId("demo-banner").getByRole("button").click();
  await page.reload();
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.getByTestId("session-board")).toHaveCount(0);
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
});
