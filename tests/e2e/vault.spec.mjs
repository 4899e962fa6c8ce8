// The vault through the interface: first start, unlock, nothing readable at rest, a reload
// in the middle of a save, backup and restore on a fresh browser (and opened by `rage`),
// delete everything. Real IndexedDB, real scrypt, in headless Chromium.
import { test, expect } from "@playwright/test";
import { audit, createVault, dumpIndexedDb, shots, unlock } from "./screens.mjs";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, chmodSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function openSettings(page) {
  await page.getByTestId("tile-settings").click();
  await expect(page.locator("h1")).toHaveText("Réglages");
}

test("first start, lock, wrong passphrase, unlock", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("start").click();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/vault-first-start-fr.png`, fullPage: true });
  const passphrase = await createVault(page, "Josette");
  await page.getByTestId("lock").click();
  await expect(page.getByTestId("unlock")).toBeVisible();
  await unlock(page, "ce n'est pas la bonne phrase du tout");
  await expect(page.getByTestId("error")).toHaveText("Ce n'est pas la bonne phrase secrète. Vos données sont intactes. Réessayez.", { timeout: 20_000 });
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/vault-unlock-error-fr.png`, fullPage: true });
  // No lock-out: the right passphrase still opens, and extra spaces do not matter.
  await unlock(page, `  ${passphrase.replaceAll(" ", "  ")} `);
  await expect(page.getByTestId("hello")).toHaveText("Bonjour Josette !", { timeout: 20_000 });
  await page.reload();
  await expect(page.getByTestId("unlock")).toBeVisible();
});

test("nothing of the person is readable in IndexedDB", async ({ page }) => {
  const nickname = "Nénupharquinze";
  const marker = "Zébulonmarqueur";
  await createVault(page, nickname);
  await openSettings(page);
  await page.getByLabel("Prénom ou surnom").fill(marker);
  await page.getByTestId("name-setting").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByTestId("name-saved")).toHaveText("C'est enregistré.");
  const dump = await dumpIndexedDb(page);
  // The profile and the transfer keys (identity), each a sealed batch.
  expect(dump).toContain("store records: 2 entries");
  expect(dump).toContain("store keyring: 1 entries");
  for (const secret of [marker, nickname, "profile", "nickname", "identity", "AGE-SECRET-KEY"]) {
    expect(dump, `${secret} is readable at rest`).not.toContain(secret);
  }
});

test("a reload in the middle of a save keeps the last completed save", async ({ page }) => {
  const passphrase = await createVault(page, "Avant");
  await openSettings(page);
  const name = page.getByLabel("Prénom ou surnom");
  await name.fill("Alpha");
  await page.getByTestId("name-setting").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByTestId("name-saved")).toHaveText("C'est enregistré.");
  await name.fill("Bravo");
  await page.getByTestId("name-setting").getByRole("button", { name: "Enregistrer" }).click();
  await page.reload(); // without waiting for the save
  await expect(page.getByText("Ouvrez vos données pour voir ces réglages.")).toBeVisible();
  await unlock(page, passphrase);
  await expect(page.getByLabel("Prénom ou surnom")).toHaveValue(/^(Alpha|Bravo)$/, { timeout: 20_000 });
});

test("backup on one browser, restore on a fresh one; rage opens the file", async ({ page, browser }) => {
  const passphrase = await createVault(page, "Gaston");
  await openSettings(page);
  // Something besides the profile, to see every document come back.
  await page.getByTestId("group-topics").getByLabel("Les réseaux sociaux").uncheck();
  await expect(page.getByTestId("group-topics-status")).toHaveText("La liste du groupe est enregistrée.");
  await expect(page.getByTestId("last-backup")).toHaveText("Vous n'avez pas encore fait de sauvegarde.");
  await page.getByLabel("Votre phrase secrète, pour protéger la sauvegarde").fill(passphrase);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Enregistrer une sauvegarde" }).click(),
  ]);
  await expect(page.getByTestId("backup-done")).toHaveText("La sauvegarde est enregistrée dans vos téléchargements.", { timeout: 20_000 });
  await expect(page.getByTestId("last-backup")).toContainText("Dernière sauvegarde : le");
  expect(download.suggestedFilename()).toMatch(/^entraide-sauvegarde-.*\.age$/);
  const dir = mkdtempSync(join(tmpdir(), "entraide-backup-"));
  const file = join(dir, "sauvegarde.age");
  await download.saveAs(file);
  expect(readFileSync(file, "utf8")).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);

  // The standard age tool decrypts it with the passphrase.
  const pinentry = join(dir, "fake-pinentry");
  writeFileSync(
    pinentry,
    "#!/bin/sh\necho 'OK'\nwhile IFS= read -r line; do\n  case \"$line\" in\n    GETPIN*) printf 'D %s\\nOK\\n' \"$FAKE_PIN\" ;;\n    BYE*) echo OK; exit 0 ;;\n    *) echo OK ;;\n  esac\ndone\n",
  );
  chmodSync(pinentry, 0o755);
  const plain = execFileSync("rage", ["-d", file], { env: { ...process.env, PINENTRY_PROGRAM: pinentry, FAKE_PIN: passphrase }, stdio: ["ignore", "pipe", "pipe"] });
  const doc = JSON.parse(plain.toString());
  expect(doc.entraide_backup).toBe(1);
  expect(doc.records.find((r) => r.kind === "profile").body.nickname).toBe("Gaston");

  // A fresh browser profile restores it.
  const fresh = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const other = await fresh.newPage();
  await other.goto("/");
  await other.getByTestId("have-backup").click();
  await other.getByLabel("Fichier de sauvegarde (.age)").setInputFiles(file);
  await other.getByLabel("La phrase secrète de cette sauvegarde").fill("une mauvaise phrase");
  await other.getByRole("button", { name: "Restaurer" }).click();
  await expect(other.getByTestId("error")).toHaveText("Ce n'est pas la bonne phrase secrète. Vos données sont intactes. Réessayez.", { timeout: 20_000 });
  await other.getByLabel("La phrase secrète de cette sauvegarde").fill(passphrase);
  await other.getByRole("button", { name: "Restaurer" }).click();
  await expect(other.getByTestId("hello")).toHaveText("Bonjour Gaston !", { timeout: 20_000 });
  await other.getByTestId("tile-settings").click();
  await expect(other.getByTestId("group-topics").getByLabel("Les réseaux sociaux")).not.toBeChecked();
  await expect(other.getByTestId("group-topics").getByLabel("Les e-mails")).toBeChecked();
  await other.getByRole("link", { name: "Retour à l'accueil" }).click();
  // Restored for good: it opens again after a reload.
  await other.reload();
  await unlock(other, passphrase);
  await expect(other.getByTestId("hello")).toHaveText("Bonjour Gaston !", { timeout: 20_000 });
  await fresh.close();
});

test("a file that is not a backup is refused kindly", async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), "entraide-notbackup-"));
  const file = join(dir, "photo.age");
  writeFileSync(file, "ceci n'est pas une sauvegarde");
  await page.goto("/");
  await page.getByTestId("have-backup").click();
  await page.getByLabel("Fichier de sauvegarde (.age)").setInputFiles(file);
  await page.getByLabel("La phrase secrète de cette sauvegarde").fill("peu importe");
  await page.getByRole("button", { name: "Restaurer" }).click();
  await expect(page.getByTestId("error")).toHaveText("Ce fichier n'est pas une sauvegarde d'Entraide.");
  expect(await audit(page)).toEqual([]);
});

test("delete everything leaves no database, no cache, no service worker", async ({ page }) => {
  await createVault(page, "Effacee");
  await page.evaluate(async () => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).length)).toBeGreaterThan(0);
  await openSettings(page);
  await page.getByRole("button", { name: "Tout effacer…" }).click();
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/settings-delete-confirm-fr.png`, fullPage: true });
  await page.getByTestId("confirm-delete").click();
  await expect(page.getByTestId("deleted")).toHaveText("Tout est effacé.");
  const left = await page.evaluate(async () => ({
    databases: (await indexedDB.databases()).map((d) => d.name),
    caches: await caches.keys(),
    workers: (await navigator.serviceWorker.getRegistrations()).length,
    local: localStorage.length + sessionStorage.length,
  }));
  expect(left).toEqual({ databases: [], caches: [], workers: 0, local: 0 });
});

test("settings of an open vault are accessible", async ({ page }) => {
  await createVault(page, "Réglée");
  await openSettings(page);
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/settings-unlocked-fr.png`, fullPage: true });
});

test("the app locks itself after the chosen inactivity, and never when turned off", async ({ page }) => {
  await page.clock.install();
  await createVault(page, "Horloge");
  await page.getByTestId("tile-settings").click();
  await page.getByTestId("auto-lock").selectOption("5");
  await page.waitForTimeout(300); // let the setting be saved
  await page.clock.fastForward("04:00");
  await expect(page.getByTestId("name-setting")).toBeVisible();
  await page.clock.fastForward("02:00");
  await expect(page.getByText("Ouvrez vos données pour voir ces réglages.")).toBeVisible();
  await expect(page.getByTestId("unlock")).toBeVisible();
});

test("auto-lock turned off keeps the vault open", async ({ page }) => {
  await page.clock.install();
  await createVault(page, "Jamais");
  await page.getByTestId("tile-settings").click();
  await page.getByTestId("auto-lock").selectOption("0");
  await page.waitForTimeout(300);
  await page.clock.fastForward("03:00:00");
  await expect(page.getByTestId("name-setting")).toBeVisible();
});

test("the chosen language is kept in the profile", async ({ page }) => {
  const passphrase = await createVault(page, "Polyglotte");
  await page.getByTestId("language-switch").click();
  await expect(page.locator("h1")).toHaveText("Welcome");
  await page.waitForTimeout(300); // the profile is saved
  await page.reload();
  await expect(page.locator("h1")).toHaveText("Bienvenue"); // nothing readable before unlocking
  await unlock(page, passphrase);
  await expect(page.locator("h1")).toHaveText("Welcome", { timeout: 20_000 });
  await expect(page.getByTestId("hello")).toHaveText("Hello Polyglotte!");
});

test("a nickname that holds an e-mail address or a phone number is refused, kindly, and nothing is created", async ({ page }) => {
  await page.goto("/");
  await page.getByTestId("start").click();
  await page.getByLabel("Votre prénom ou un surnom").fill("marie.dupont@gmail.com");
  await page.getByLabel("J'ai écrit ma phrase secrète et je la garde en lieu sûr.").check();
  await page.getByTestId("create-vault").click();
  await expect(page.getByTestId("error")).toContainText("Ce texte semble contenir une adresse e-mail.");
  await expect(page.getByTestId("hello")).toHaveCount(0);
  expect(await audit(page)).toEqual([]);
  await page.screenshot({ path: `${shots}/vault-nickname-refused-fr.png` });
  // The same person, with a plain first name, gets in; later, the settings refuse a phone.
  await page.getByLabel("Votre prénom ou un surnom").fill("Marie");
  await page.getByTestId("create-vault").click();
  await expect(page.getByTestId("hello")).toHaveText("Bonjour Marie !", { timeout: 20_000 });
  await page.getByTestId("tile-settings").click();
  await page.locator("#settings-name").fill("Marie 06 12 34 56 78");
  await page.locator("#settings-name").press("Enter");
  await expect(page.getByTestId("error")).toContainText("un numéro de téléphone");
});
