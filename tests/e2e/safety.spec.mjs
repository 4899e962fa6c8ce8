// The group's safety rules, with two phones and their cameras: the animator imports the
// directory of relays from a file in the national schema (the report says what became of
// each line), publishes a new charter (an unchanged text and a phone number refused); the
// hand-back brings both to Marcel, whose phone asks him to accept the new charter, again
// after a reload, until he does; a tip holding an e-mail address is refused and nothing
// is written to IndexedDB; offline, a sensitive need shows the relays that handle it.
import { test, expect } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { audit, dumpIndexedDb, shots, unlock } from "./screens.mjs";
import { closeAll, createGroup, handBack, joinGroup, room, show } from "./camera/room.mjs";
import { navigate } from "./camera/rig.mjs";

test.describe.configure({ timeout: 360_000 });

const directory = fileURLToPath(new URL("../../core/tests/relay/lieux.csv", import.meta.url));

test("relays imported and read offline, a new charter accepted again, a tip with an e-mail refused", async () => {
  const { cams, phones, pages, passphrases } = await room("safety", ["Sophie", "Marcel"]);
  const [aCam, mCam] = cams;
  const [a, m] = pages;
  try {
    await createGroup(a);
    await joinGroup(a, aCam, m, mCam, "Marcel");

    // The animator imports the directory: no file chosen first, then the file.
    await a.getByTestId("relays-start").click();
    await expect(a.getByTestId("relays-empty")).toBeVisible();
    await a.getByTestId("relays-import-submit").click();
    await expect(a.getByTestId("exchange-error")).toContainText("Choisissez d'abord le fichier des lieux.");
    await a.getByTestId("relays-file").setInputFiles(directory);
    await a.getByTestId("relays-import-submit").click();
    const report = a.getByTestId("relays-report");
    await expect(report).toContainText("1 lieu(x) gardé(s), 4 corrigé(s), 4 refusé(s).");
    await expect(a.getByTestId("relays-report-lines")).toContainText("Ligne 6 (Espace numérique de Gray) : refusée : le code postal « 7O100 » n'a pas 5 chiffres.");
    await expect(a.getByTestId("relay")).toHaveCount(5);
    await a.screenshot({ path: `${shots}/safety-relays-imported.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    // One place is taken out again.
    const lure = a.getByTestId("relay").filter({ hasText: "Médiathèque de Lure" });
    await lure.getByTestId("relay-name").click();
    await lure.getByTestId("relay-delete").click();
    await expect(a.getByTestId("relay")).toHaveCount(4);
    await a.getByTestId("relays-done").click();

    // The animator writes a new charter.
    await a.getByTestId("charter-start").click();
    await expect(a.getByTestId("charter-version")).toContainText("Version 1");
    await a.getByTestId("charter-publish").click();
    await expect(a.getByTestId("exchange-error")).toContainText("déjà celui de la charte en vigueur");
    await a.getByTestId("charter-text").fill("Pour toute question, appelez Sophie au 06 12 34 56 78.");
    await a.getByTestId("charter-publish").click();
    await expect(a.getByTestId("exchange-error")).toContainText("numéro de téléphone");
    await a.getByTestId("charter-proposed").click();
    await expect(a.getByTestId("charter-text")).toHaveValue(/Vos mots de passe et vos codes restent à vous/);
    await a.getByTestId("charter-publish").click();
    await expect(a.getByTestId("charter-published")).toContainText("Version 2 publiée");
    await expect(a.getByTestId("charter-version")).toContainText("Version 2");
    await a.screenshot({ path: `${shots}/safety-charter-published.png`, fullPage: true });
    expect(await audit(a)).toEqual([]);
    await a.getByTestId("charter-done").click();
    // The animator wrote it: their own phone does not ask.
    await expect(a.getByTestId("charter-to-accept")).toHaveCount(0);

    // The hand-back brings Marcel the charter and the relays.
    await handBack(a, [m], [mCam]);
    const ask = m.getByTestId("charter-to-accept");
    await expect(ask).toContainText("La charte du groupe a changé");
    await expect(ask.getByTestId("charter-lines")).toContainText("On fait avec la personne, pas à sa place.");
    await m.screenshot({ path: `${shots}/safety-charter-to-accept.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    // Not accepted yet: the phone asks again at the next opening.
    // The reload comes back to the group screen, which asks for the passphrase there.
    await m.reload();
    await expect(m.getByTestId("group-locked")).toBeVisible();
    await unlock(m, passphrases[1]);
    await expect(m.getByTestId("charter-to-accept")).toBeVisible({ timeout: 20_000 });
    await m.getByTestId("charter-accept-new").click();
    await expect(m.getByTestId("charter-to-accept")).toHaveCount(0);
    await m.reload();
    await unlock(m, passphrases[1]);
    await expect(m.getByTestId("group-card")).toBeVisible({ timeout: 20_000 });
    await expect(m.getByTestId("charter-to-accept")).toHaveCount(0);

    // A tip with an e-mail address is refused, and nothing at all is written.
    await m.getByTestId("tips-start").click();
    const before = await dumpIndexedDb(m);
    await m.getByTestId("tip-text").fill("Écrivez à marcel.dupont@orange.fr pour la photo");
    await m.getByTestId("tip-submit").click();
    await expect(m.getByTestId("exchange-error")).toContainText("adresse e-mail");
    await expect(m.getByTestId("tip-list")).not.toContainText("orange.fr");
    // Leave time for any save that would have been queued.
    await m.waitForTimeout(1000);
    expect(await dumpIndexedDb(m)).toEqual(before);
    await m.getByTestId("tips-done").click();

    // Offline, Marcel's relays open from a sensitive need.
    await m.evaluate(async () => navigator.serviceWorker.ready);
    await m.context().setOffline(true);
    await m.reload();
    await unlock(m, passphrases[1]);
    await expect(m.getByTestId("group-card")).toBeVisible({ timeout: 20_000 });
    await m.getByTestId("today-start").click();
    await m.getByTestId("checkin-topic").selectOption({ label: "Les sites des services publics" });
    const sensitive = m.getByTestId("checkin-sensitive");
    await expect(sensitive).toContainText("on ne le confie pas à un autre participant");
    const relays = sensitive.getByTestId("need-relays");
    await expect(relays).toContainText("Où aller pour ce sujet");
    // France Services first; the library that only runs workshops is not listed.
    await expect(relays.getByTestId("relay-name").first()).toHaveText("France Services de Vesoul");
    await expect(relays).not.toContainText("Médiathèque");
    await relays.getByTestId("relay-name").first().click();
    await expect(relays.getByTestId("relay-address").first()).toHaveText("2 rue de la Gare, 70000 Vesoul");
    await expect(relays.getByTestId("relay-hours").first()).toContainText("Du lundi au vendredi : 9 h à 12 h et 13 h 30 à 17 h");
    await expect(relays.getByTestId("relay-phone").first()).toHaveAttribute("href", /^tel:/);
    await m.screenshot({ path: `${shots}/safety-relay-offline.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    await m.context().setOffline(false);

    // A difficulty with a service: a file number is refused and nothing is written; the
    // words that pass go to the animator with Marcel's session, and into the Bilan.
    await m.getByTestId("difficulty-open").click();
    await m.getByTestId("difficulty-service").fill("la CAF");
    await m.getByTestId("difficulty-what").fill("Mon numéro d'allocataire est 1234567, ils ne le trouvent pas.");
    const beforeDifficulty = await dumpIndexedDb(m);
    await m.getByTestId("difficulty-submit").click();
    await expect(m.getByTestId("difficulty").getByTestId("exchange-error")).toContainText("allocataire");
    await m.waitForTimeout(1000);
    expect(await dumpIndexedDb(m)).toEqual(beforeDifficulty);
    await m.getByTestId("difficulty-area").selectOption({ label: "Social - Santé" });
    await m.getByTestId("difficulty-what").fill("Le site demande un code reçu par courrier, qui n'arrive jamais.");
    await m.getByTestId("difficulty-submit").click();
    await expect(m.getByTestId("difficulty-saved")).toBeVisible();
    await expect(m.getByTestId("difficulty-list")).toContainText("la CAF : Le site demande un code");
    await m.screenshot({ path: `${shots}/safety-difficulty.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    // The directory screen lists the same places.
    await m.getByTestId("today-done").click();
    await m.getByTestId("relays-start").click();
    await expect(m.getByTestId("relay")).toHaveCount(4);
    await expect(m.getByTestId("relays-import")).toHaveCount(0);
    await m.screenshot({ path: `${shots}/safety-relays-member.png`, fullPage: true });
    expect(await audit(m)).toEqual([]);
    await m.getByTestId("relays-done").click();

    await a.getByTestId("collect-sessions-start").click();
    await m.getByTestId("give-session-start").click();
    await expect(m.getByTestId("qr-display")).toBeVisible();
    await show(m, [aCam]);
    await expect(a.getByTestId("arrivals")).toContainText("1 difficulté notée", { timeout: 60_000 });
    await m.getByTestId("give-done").click();
    await a.getByTestId("collect-done").click();
    await navigate(a, "reports");
    await expect(a.getByTestId("difficulties")).toContainText("Social - Santé");
  } finally {
    await closeAll(phones);
  }
});
