// The app loads, every screen renders its title, the language switch works, the demo opens.
import { test, expect } from "@playwright/test";
import { screens, open } from "./screens.mjs";

test("every screen renders its French title, with French by default", async ({ page }) => {
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  for (const screen of screens) {
    await open(page, screen);
    await expect(page.locator("h1")).toHaveText(screen.fr);
    await expect(page).toHaveTitle(`${screen.fr} · Entraide`);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  }
  expect(errors).toEqual([]);
});

test("the home menu leads to every screen", async ({ page }) => {
  for (const screen of screens.filter((s) => s.id !== "home")) {
    await open(page, screens[0]);
    await page.getByTestId(`tile-${screen.id}`).click();
    await expect(page.locator(`[data-screen="${screen.id}"] h1`)).toHaveText(screen.fr);
    await page.getByRole("link", { name: "Retour à l'accueil" }).click();
    await expect(page.locator("h1")).toHaveText("Bienvenue");
  }
});

test("the language switch turns the whole app to English and back", async ({ page }) => {
  await open(page, screens[0]);
  await page.getByTestId("language-switch").click();
  await expect(page.locator("h1")).toHaveText("Welcome");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  for (const screen of screens.filter((s) => s.id !== "home")) {
    await page.getByRole("link", { name: "Entraide" }).click();
    await page.getByTestId(`tile-${screen.id}`).click();
    await expect(page.locator("h1")).toHaveText(screen.en);
  }
  await page.getByTestId("language-switch").click();
  await expect(page.locator("h1")).toHaveText("Réglages");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("the settings screen chooses the language too", async ({ page }) => {
  await open(page, screens.find((s) => s.id === "settings"));
  await page.getByRole("radio", { name: "English" }).check();
  await expect(page.locator("h1")).toHaveText("Settings");
  await page.getByRole("radio", { name: "Français" }).check();
  await expect(page.locator("h1")).toHaveText("Réglages");
});

test("the demo group opens from the first screen", async ({ page }) => {
  await open(page, screens[0]);
  await page.getByTestId("try-demo").click();
  await expect(page.locator("h1")).toHaveText("Mon groupe");
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  await expect(page.getByTestId("demo-members").locator("li")).toHaveCount(13);
  await page.getByRole("button", { name: "Quitter la démonstration" }).click();
  await expect(page.getByTestId("demo-banner")).toHaveCount(0);
});

test("an unknown address says so and leads home", async ({ page }) => {
  await page.goto("/nowhere");
  await expect(page.locator("h1")).toHaveText("Page introuvable");
  await page.getByRole("link", { name: "Retour à l'accueil" }).click();
  await expect(page.locator("h1")).toHaveText("Bienvenue");
});
