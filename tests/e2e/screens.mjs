// Shared helpers of the end-to-end tests: the screens of the app as the tests know them,
// the accessibility audit, and creating a vault through the interface.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Where screenshots at phone size go (printed by the accessibility suite). */
export const shots = process.env.SCREENSHOTS_DIR ?? fileURLToPath(new URL("../../target/e2e/screenshots", import.meta.url));
mkdirSync(shots, { recursive: true });

/** axe-core's violations on the page (WCAG 2.2 AA, target-size on), one line each. */
export async function audit(page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"])
    .options({ rules: { "target-size": { enabled: true } } })
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** Creates a vault with the suggested passphrase; returns the passphrase. */
export async function createVault(page, nickname) {
  await page.goto("/");
  await page.getByTestId("start").click();
  await page.getByLabel("Votre prénom ou un surnom").fill(nickname);
  const passphrase = (await page.getByTestId("suggested-passphrase").textContent()).trim();
  expect(passphrase.split(" ").length).toBeGreaterThanOrEqual(8);
  await page.getByLabel("J'ai écrit ma phrase secrète et je la garde en lieu sûr.").check();
  await page.getByTestId("create-vault").click();
  await expect(page.getByTestId("hello")).toHaveText(`Bonjour ${nickname} !`, { timeout: 20_000 });
  return passphrase;
}

/** Types `passphrase` on the unlock screen and opens. */
export async function unlock(page, passphrase) {
  await page.getByLabel("Votre phrase secrète").fill(passphrase);
  await page.getByRole("button", { name: "Ouvrir", exact: true }).click();
}

/** Every IndexedDB database, store, key and value of the page, as text. */
export async function dumpIndexedDb(page) {
  return page.evaluate(async () => {
    const out = [];
    const text = (v) => {
      if (v instanceof Uint8Array || v instanceof ArrayBuffer) {
        const bytes = v instanceof Uint8Array ? v : new Uint8Array(v);
        return new TextDecoder("latin1").decode(bytes) + " " + new TextDecoder().decode(bytes);
      }
      return JSON.stringify(v);
    };
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((ok, ko) => {
        const r = indexedDB.open(info.name);
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
      out.push(`db ${db.name}`);
      for (const name of db.objectStoreNames) {
        const store = db.transaction(name).objectStore(name);
        const keys = await new Promise((ok) => (store.getAllKeys().onsuccess = (e) => ok(e.target.result)));
        const values = await new Promise((ok) => {
          const s2 = db.transaction(name).objectStore(name);
          s2.getAll().onsuccess = (e) => ok(e.target.result);
        });
        out.push(`store ${name}: ${keys.length} entries`);
        keys.forEach((k, i) => out.push(`${text(k)} => ${text(values[i])}`));
      }
      db.close();
    }
    return out.join("\n");
  });
}

// The screens of the app as the tests know them: path, id and title in both languages.
// Kept in step with core/src/screens.rs and app/locales/*.json by the shell test, which
// fails when a screen shows another title.
export const screens = [
  { id: "home", path: "/", fr: "Bienvenue", en: "Welcome" },
  { id: "skills", path: "/skills", fr: "Mes compétences", en: "My skills" },
  { id: "group", path: "/group", fr: "Mon groupe", en: "My group" },
  { id: "session", path: "/session", fr: "La séance du jour", en: "Today's session" },
  { id: "exchange", path: "/exchange", fr: "Échanger par code QR", en: "Exchange by QR code" },
  { id: "reports", path: "/reports", fr: "Bilan du groupe", en: "Group report" },
  { id: "settings", path: "/settings", fr: "Réglages", en: "Settings" },
];

/** Opens a screen and waits for the app to have drawn it. */
export async function open(page, screen) {
  await page.goto(screen.path);
  await page.locator(`[data-screen="${screen.id}"] h1`).waitFor();
}
